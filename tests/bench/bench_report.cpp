// The board report (issue 6): a full PDF for an assessment with 10 partners and a comparison with the
// previous one (tests/report/report_fixture.h on the bundled framework), from the engine's result to
// the file on disk; the median of N runs against the 1-second budget. Also the editable ODT and the
// two stages of the PDF (layout, painting), to show where the time goes.
// The baseline, in the same run (issue 17): LibreOffice (soffice --headless --convert-to pdf, Debian's
// libreoffice-calc-nogui) exporting the same content from a spreadsheet (the report's text, every
// heading, paragraph and table cell, one row each, as CSV); time and peak memory (wait4's maxrss). The
// target: the full PDF at least 10x faster, at no more than a third of the memory. Its speed is measured
// as issue 17 measured its "today 5.8x: 0.37 s against 2.1 s": this benchmark's full PDF in-process (the
// median above, after a warm-up; what the app's export costs, which starts no process) against
// LibreOffice's process. Also shown, for information: the app's first export of a session (the module and
// Pango's fonts still cold), and our report as a process of its own, start-up and exit included, twice:
// hicm-assess-cli's report command on a workspace holding the same two assessments (`report ID --pdf FILE
// --compare PREVIOUS`, reading them from the file), and this benchmark's own --one-pdf (the same report
// from the fixture in memory, no workspace). Skipped, said so, without soffice.
//   bench_report [RUNS]   (default 15)
//   bench_report --one-pdf OUT.pdf [MS_FILE]   writes one report and exits (the measured process); with
//                                    MS_FILE, the report's own time in it, as the app's first export: after
//                                    Qt's fonts are in use (the app's window has drawn its text), the module,
//                                    Pango's fonts and the report cold
//   bench_report --pdf-only RUNS     only the full PDF, RUNS times after a warm-up (for profiling)
//   bench_report --workspace WS      writes the CLI's workspace (the previous assessment, then the one reported
//                                    on) and prints their ids "ID PREVIOUS_ID" (for profiling the CLI)
#include "bench_support.h"
#include "framework_loader.h"
#include "prioritisation.h"
#include "report.h"

#include "../report/report_fixture.h"

#include "report_sections.h"
#include "report_sink.h"
#include "workspace.h"

#include <QBuffer>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QStandardPaths>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

using namespace hicm;
using namespace hicm::bench;

namespace {

// The report's content as spreadsheet rows (the baseline's input): every text a row, a table's rows as
// rows of cells.
class CsvSink : public report::ReportSink {
public:
    QString csv;
    qreal textWidthPt() const override { return 481.9; }
    void title(const QString &text, const report::Style &, qreal) override { row({text}); }
    void heading(int, const QString &text, bool) override { row({text}); }
    void paragraph(const std::vector<report::Run> &runs, qreal, qreal) override { row({joined(runs)}); }
    void beginList() override {}
    void bullet(const std::vector<report::Run> &runs, qreal) override { row({QStringLiteral("- ") + joined(runs)}); }
    void endList() override {}
    void quotation(const QString &text, const QString &attribution) override { row({text, attribution}); }
    void beginTable(const report::TableSpec &spec) override
    {
        m_cells.assign(std::size_t(spec.rows), std::vector<QString>(spec.widths.size()));
        row(spec.header);
    }
    void cell(int r, int c, const std::vector<report::Run> &runs, const QColor &) override
    {
        if (r >= 0 && r < int(m_cells.size()) && c >= 0 && c < int(m_cells[std::size_t(r)].size()))
            m_cells[std::size_t(r)][std::size_t(c)] = joined(runs);
    }
    void endTable() override
    {
        for (const auto &r : m_cells)
            row(r);
        m_cells.clear();
    }
    void facts(const std::vector<std::pair<QString, QString>> &rows, qreal) override
    {
        for (const auto &[l, v] : rows)
            row({l, v});
    }
    void figure(const report::Figure &f) override { row({f.alt}); }
    void spacer(qreal) override {}
    void keepWithNext() override {}
    void pageBreak() override {}

private:
    static QString joined(const std::vector<report::Run> &runs)
    {
        QString t;
        for (const auto &r : runs)
            t += r.text;
        return t;
    }
    void row(const std::vector<QString> &cells)
    {
        QStringList out;
        for (QString c : cells)
            out << QLatin1Char('"') + c.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        csv += out.join(QLatin1Char(',')) + QStringLiteral("\n");
    }
    std::vector<std::vector<QString>> m_cells;
};

struct ProcessRun {
    bool ok = false;
    double ms = 0;
    double maxRssMiB = 0;
};

// Runs a program to its end: wall time and peak resident memory (its own and its waited-for children's).
ProcessRun runProcess(const std::vector<std::string> &args)
{
    std::vector<char *> argv;
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    ProcessRun r;
    pid_t pid = 0;
    const auto start = Clock::now();
    posix_spawn_file_actions_t quiet;  // LibreOffice's chatter stays out of the figures
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawnp(&pid, argv[0], &quiet, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&quiet);
    if (spawned != 0)
        return r;
    int status = 0;
    struct rusage usage {};
    if (wait4(pid, &status, 0, &usage) != pid)
        return r;
    r.ms = msSince(start);
    r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    r.maxRssMiB = double(usage.ru_maxrss) / 1024.0;
    return r;
}

// A new workspace at `path` holding `before` and then `now`; their ids.
bool makeWorkspace(const std::string &path, const Assessment &now, const Assessment &before, std::int64_t &nowId,
                   std::int64_t &beforeId)
{
    auto ws = storage::Workspace::create(path);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().toString().c_str());
        return false;
    }
    for (auto [a, id] : {std::pair{&before, &beforeId}, std::pair{&now, &nowId}}) {
        const auto inserted = ws->insertAssessment(*a, frameworkJson(), false);
        if (!inserted) {
            std::fprintf(stderr, "%s\n", inserted.error().toString().c_str());
            return false;
        }
        *id = *inserted;
    }
    return true;
}

}  // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const bool one = argc > 2 && std::string(argv[1]) == "--one-pdf";
    const bool pdfOnly = argc > 2 && std::string(argv[1]) == "--pdf-only";
    const int runs = pdfOnly ? std::max(1, std::atoi(argv[2])) : argc > 1 && !one ? std::max(3, std::atoi(argv[1])) : 15;
    const auto loaded = parseFramework(frameworkJson(), "framework");
    if (!loaded.ok())
        return 1;
    const Framework &fw = *loaded.framework;
    const Assessment now = test::sampleAssessment(fw, false, 10);
    const Assessment before = test::sampleAssessment(fw, true, 10);
    if (argc > 2 && std::string(argv[1]) == "--workspace") {
        std::int64_t nowId = 0, beforeId = 0;
        if (!makeWorkspace(argv[2], now, before, nowId, beforeId))
            return 1;
        std::printf("%lld %lld\n", static_cast<long long>(nowId), static_cast<long long>(beforeId));
        return 0;
    }
    if (one) {
        // The first report of a fresh process, as the app's first export makes it: the PDF writer's module
        // loaded, Pango's fonts started, the report laid out, drawn, finished and written. The app has drawn
        // its window's text before anything is exported, so Qt's font database (and fontconfig with it) is
        // in use already: so here, before the clock starts. With a second argument, its time goes to that file.
        const bool fontsInUse = !QFontDatabase::families().isEmpty() && QFontMetricsF(QGuiApplication::font()).height() > 0;
        const auto start = Clock::now();
        const Prioritisation p = prioritise(fw, now);
        const bool written = report::writePdf({fw, now, p, &before}, QString::fromLocal8Bit(argv[2])).ok;
        const double ms = msSince(start);
        if (argc > 3) {
            QFile times(QString::fromLocal8Bit(argv[3]));
            if (!times.open(QIODevice::WriteOnly) || times.write(QByteArray::number(ms, 'f', 3)) < 0)
                return 1;
        }
        return written && fontsInUse ? 0 : 1;
    }
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
    if (pdfOnly) {
        std::vector<double> full;
        for (int i = 0; i < runs; ++i)
            full.push_back(timeMs(fullPdf));
        figure("report", "full PDF, median", median(full) / 1000.0, "s",
               std::to_string(pages) + " pages; min " + fixed(*std::min_element(full.begin(), full.end()) / 1000.0, 3) +
                   " s; max " + fixed(maxOf(full) / 1000.0, 3) + " s");
        return 0;
    }
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

    // The baseline: LibreOffice exporting the same content from a spreadsheet, against this program
    // making the report as a process of its own (start-up included on both sides).
    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        note("report", "LibreOffice (soffice) not installed: no baseline (apt-get install libreoffice-calc-nogui)");
    } else {
        CsvSink sink;
        {
            const Prioritisation p = prioritise(fw, now);
            report::composeReport({fw, now, p, &before}, sink);
        }
        const std::string csv = dir.file("content.csv");
        QFile f(QString::fromStdString(csv));
        if (!f.open(QIODevice::WriteOnly) || f.write(sink.csv.toUtf8()) < 0)
            return 1;
        f.close();
        const std::string profile = "-env:UserInstallation=file://" + dir.file("lo-profile");
        const std::vector<std::string> lo{soffice.toStdString(), profile, "--headless", "--convert-to", "pdf",
                                          "--outdir", dir.file("lo"), csv};
        // The CLI's input: a workspace holding the same two assessments.
        const std::string workspace = dir.file("report.hicmws");
        std::int64_t nowId = 0, beforeId = 0;
        if (!makeWorkspace(workspace, now, before, nowId, beforeId))
            return 1;
        const std::vector<std::string> cli{HICM_CLI_EXECUTABLE, "--workspace", workspace, "report",
                                           std::to_string(nowId), "--pdf", dir.file("cli.pdf"),
                                           "--compare", std::to_string(beforeId)};
        const std::vector<std::string> ours{argv[0], "--one-pdf", dir.file("process.pdf"), dir.file("first.ms")};
        runProcess(lo);  // warm-up: LibreOffice makes its profile
        runProcess(ours);
        runProcess(cli);
        const int baselineRuns = std::max(3, std::min(runs, 5));
        std::vector<double> loMs, oursMs, cliMs, firstMs;
        double loRss = 0, oursRss = 0, cliRss = 0;
        bool ok = true;
        for (int i = 0; i < baselineRuns; ++i) {
            const ProcessRun a = runProcess(ours);
            const ProcessRun b = runProcess(lo);
            const ProcessRun c = runProcess(cli);
            ok = ok && a.ok && b.ok && c.ok;
            oursMs.push_back(a.ms);
            QFile first(QString::fromStdString(dir.file("first.ms")));
            ok = ok && first.open(QIODevice::ReadOnly);
            firstMs.push_back(first.readAll().toDouble());
            loMs.push_back(b.ms);
            cliMs.push_back(c.ms);
            oursRss = std::max(oursRss, a.maxRssMiB);
            loRss = std::max(loRss, b.maxRssMiB);
            cliRss = std::max(cliRss, c.maxRssMiB);
        }
        if (!ok) {
            note("report", "the baseline did not run (soffice, the CLI or the report process failed)");
        } else {
            const double lo_s = median(loMs) / 1000.0, process_s = median(oursMs) / 1000.0;
            const double cli_s = median(cliMs) / 1000.0;
            figure("report", "LibreOffice: spreadsheet of the same content to PDF, median", lo_s, "s",
                   "peak memory " + fixed(loRss, 0) + " MiB");
            figure("report", "this report as its own process (start-up included), median", process_s, "s",
                   "peak memory " + fixed(oursRss, 0) + " MiB");
            figure("report", "hicm-assess-cli report --pdf --compare on a workspace (start-up included), median", cli_s,
                   "s", "peak memory " + fixed(cliRss, 0) + " MiB");
            oursRss = std::max(oursRss, cliRss);
            // Process to process: the slower of the two processes of ours (the CLI reads the workspace too).
            const double faster = lo_s / std::max(cli_s, process_s), fasterInProcess = lo_s / seconds;
            const double memory = oursRss / loRss;
            const double first_s = median(firstMs) / 1000.0;
            figure("report", "faster than LibreOffice: the full PDF in-process, as the app exports it", fasterInProcess,
                   "x", std::string("target 10x, measured as issue 17 measured its 5.8x: ") +
                            (fasterInProcess >= 10 ? "met" : "NOT MET"));
            figure("report", "the app's first export of a session (the module and Pango's fonts cold), median", first_s,
                   "s", fixed(lo_s / first_s, 1) + "x faster than LibreOffice (for information)");
            figure("report", "faster than LibreOffice as a process of our own (start-up and exit included)", faster, "x",
                   "the CLI " + fixed(lo_s / cli_s, 1) + "x, --one-pdf " + fixed(lo_s / process_s, 1) +
                       "x (for information: the app's export starts no process)");
            figure("report", "memory against LibreOffice's", memory, "",
                   std::string("target at most 1/3 (0.33): ") + (memory <= 1.0 / 3 ? "met" : "NOT MET"));
        }
    }
    std::printf("%.3f\n", seconds);
    return seconds < 1.0 ? 0 : 1;
}
