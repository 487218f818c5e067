// Not a test: writes the sample report (tests/report/report_fixture.h on the bundled framework) as
// PDF, and optionally ODT and CSV, for looking at. docs/report.md says how its pages became the
// pictures there.
//   hicm-report-sample OUT.pdf [OUT.odt] [OUT.csv]
//   hicm-report-sample [--cover] --html OUT.html [--pdf OUT.pdf] [--docx OUT.docx] [--odt OUT.odt]   other
//   formats, or the board cover sheet first (the axe-core check runs on the HTML, with and without it)
#include "framework_loader.h"
#include "report.h"
#include "report_fixture.h"
#include "test_paths.h"

#include <QGuiApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::cerr << "usage: hicm-report-sample OUT.pdf [OUT.odt] [OUT.csv]\n"
                     "       hicm-report-sample [--cover] --html|--pdf|--docx|--odt OUT [--FORMAT OUT]...\n";
        return 2;
    }
    const auto loaded = hicm::loadFrameworkFile(hicm::test::kFrameworkFile);
    if (!loaded.ok()) {
        std::cerr << hicm::formatProblems(loaded.problems);
        return 1;
    }
    const hicm::Framework &fw = *loaded.framework;
    const hicm::Assessment now = hicm::test::sampleAssessment(fw);
    const hicm::Assessment before = hicm::test::sampleAssessment(fw, true);
    const hicm::Prioritisation p = hicm::prioritise(fw, now);
    hicm::report::ReportInput input{fw, now, p, &before, nullptr, QDate(2025, 3, 20)};
    hicm::report::CoverSheet cover;
    cover.purpose = QStringLiteral("decision");
    cover.summary = QStringLiteral("The partners assessed intermediate care against the model on 12 March 2025; the board "
                                   "is asked to agree the plan & its order.");
    cover.recommendations = {QStringLiteral("Agree the order of the changes"), QStringLiteral("Fund the single point of access")};
    cover.risks = {QStringLiteral("Winter pressure delays the plan")};
    if (QByteArray(argv[1]).startsWith("--")) {
        bool ok = true;
        int first = 1;
        if (QByteArray(argv[1]) == "--cover") {
            input.cover = &cover;
            first = 2;
        }
        for (int i = first; i + 1 < argc; i += 2) {
            const QByteArray format(argv[i]);
            const QString path = QString::fromLocal8Bit(argv[i + 1]);
            const auto written = format == "--pdf"    ? hicm::report::writePdf(input, path)
                                 : format == "--html" ? hicm::report::writeHtml(input, path)
                                 : format == "--docx" ? hicm::report::writeDocx(input, path)
                                 : format == "--odt"  ? hicm::report::writeOdt(input, path)
                                                      : hicm::report::WriteResult{false, "unknown option " + QString::fromUtf8(format)};
            std::cout << (written.ok ? "wrote " : "failed: ") << argv[i + 1] << " " << written.error.toStdString() << "\n";
            ok = ok && written.ok;
        }
        return ok ? 0 : 1;
    }
    auto pdf = hicm::report::writePdf(input, QString::fromLocal8Bit(argv[1]));
    std::cout << (pdf.ok ? "wrote " : "failed: ") << argv[1] << " (" << pdf.pages << " pages) "
              << pdf.error.toStdString() << "\n";
    if (argc > 2) {
        auto odt = hicm::report::writeOdt(input, QString::fromLocal8Bit(argv[2]));
        std::cout << (odt.ok ? "wrote " : "failed: ") << argv[2] << " " << odt.error.toStdString() << "\n";
    }
    if (argc > 3) {
        auto csv = hicm::report::writeCsv(now, fw, QString::fromLocal8Bit(argv[3]));
        std::cout << (csv.ok ? "wrote " : "failed: ") << argv[3] << " " << csv.error.toStdString() << "\n";
    }
    return pdf.ok ? 0 : 1;
}
