// The board report (issue 6): a full PDF for an assessment with 10 partners and a comparison with the
// previous one (tests/report/report_fixture.h on the bundled framework), from the engine's result to
// the file on disk; the median of N runs against the 1-second budget. Also the editable ODT and the
// two stages of the PDF (layout, painting), to show where the time goes.
//   bench_report [RUNS]   (default 15)
#include "bench_support.h"
#include "framework_loader.h"
#include "prioritisation.h"
#include "report.h"

#include "../report/report_fixture.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPdfWriter>

using namespace hicm;
using namespace hicm::bench;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, std::atoi(argv[1])) : 15;
    const auto loaded = parseFramework(frameworkJson(), "framework");
    if (!loaded.ok())
        return 1;
    const Framework &fw = *loaded.framework;
    const Assessment now = test::sampleAssessment(fw, false, 10);
    const Assessment before = test::sampleAssessment(fw, true, 10);
    test::TempDir dir("hicm-bench-report");
    const QString pdf = QString::fromStdString(dir.file("report.pdf"));
    const QString odt = QString::fromStdString(dir.file("report.odt"));

    int pages = 0;
    auto fullPdf = [&] {
        const Prioritisation p = prioritise(fw, now);
        const auto written = report::writePdf({fw, now, p, &before}, pdf);
        if (!written.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error));
            std::exit(1);
        }
        pages = written.pages;
    };
    fullPdf();  // warm-up: fonts, glyph caches
    note("report", std::to_string(now.partners.size()) + " partners, " + std::to_string(fw.features.size()) +
                       " features, compared with the previous assessment; " + std::to_string(runs) + " runs each");

    std::vector<double> full, layout, paint, editable;
    for (int i = 0; i < runs; ++i) {
        full.push_back(timeMs(fullPdf));
        const Prioritisation p = prioritise(fw, now);
        const report::ReportInput input{fw, now, p, &before};
        std::unique_ptr<report::Report> built;
        layout.push_back(timeMs([&] { built = std::make_unique<report::Report>(input); }));
        paint.push_back(timeMs([&] {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            built->print(writer);
        }));
        editable.push_back(timeMs([&] { report::writeOdt(input, odt); }));
    }
    const double seconds = median(full) / 1000.0;
    figure("report", "full PDF, median", seconds, "s",
           std::to_string(pages) + " pages; max " + fixed(maxOf(full) / 1000.0) + " s; budget 1 s: " +
               (seconds < 1.0 ? "met" : "NOT MET"));
    figure("report", "layout (Report), median", median(layout), "ms");
    figure("report", "painting the pages into a PDF, median", median(paint), "ms");
    figure("report", "editable ODT, median", median(editable), "ms");
    std::printf("%.3f\n", seconds);
    return seconds < 1.0 ? 0 : 1;
}
