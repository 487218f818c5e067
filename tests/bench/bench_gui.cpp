// The workshop's feel, through the real MainWindow (hicm::gui::createMainWindow) offscreen: switching
// feature pages (Ctrl+PgDown / Ctrl+PgUp) and recording a partner's level (a digit key in the partner
// grid, stored durably), each timed from the key event until the event queue is empty and the window
// repainted. Prints p50, p99 and max against one frame at 60 Hz (16 ms, issue 4's budget).
// Then the longest texts a workspace allows (issue 14): every rationale, evidence, partner's note and
// action at the 10,000-character limit, without a line break, timed from opening the assessment until
// every feature page and the results have been shown once (the promise: under a second).
//   bench_gui [REPEATS] [switch|record|longtext]   (default 400 of each; name one to run only that)
#include "application.h"
#include "bench_support.h"
#include "feature_edits.h"
#include "featurepage.h"
#include "mainwindow.h"
#include "messages.h"
#include "session.h"
#include "text.h"
#include "walkpage.h"
#include "workspace.h"

#include <QApplication>

#include <cstdio>
#include <QTableWidget>
#include <QTest>

using namespace hicm;
using namespace hicm::bench;
using namespace hicm::gui;

namespace {

// Delivers the key as a user's would be, then lets the window finish: layout, updates, painting.
double timedKey(QWidget *target, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    return timeMs([&] {
        QTest::keyClick(target, key, modifiers);
        QApplication::processEvents();
    });
}

void report(const std::string &what, const std::vector<double> &ms)
{
    const double p99 = percentile(ms, 99);
    figure("gui", what + ", p50", percentile(ms, 50), "ms");
    figure("gui", what + ", p99", p99, "ms",
           "max " + fixed(maxOf(ms)) + " ms over " + std::to_string(ms.size()) + "; " +
               (p99 <= 16.0 ? "within" : "OVER") + " the 16 ms frame");
}

}  // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    setApplicationIdentity();
    QCoreApplication::setOrganizationName(QStringLiteral("HICM Assess Bench"));
    Messages::setAutomatic(true);
    const int repeats = argc > 1 ? std::max(50, std::atoi(argv[1])) : 400;
    const std::string only = argc > 2 ? argv[2] : "";
    const bool doSwitch = only.empty() || only == "switch", doRecord = only.empty() || only == "record";
    const bool doLongText = only.empty() || only == "longtext";

    test::TempDir dir("hicm-bench-gui");
    const std::string path = dir.file("region.hicmws");
    makeWorkspace(path, 200);
    StartupOptions options;
    options.workspace = QString::fromStdString(path);
    auto window = createMainWindow(options);
    if (!window || !window->session())
        return 1;
    window->resize(1366, 768);
    window->show();
    window->activateWindow();  // keys go to the active window (on a real display, shortcuts need it)
    if (!QTest::qWaitForWindowExposed(window.get()) || !QTest::qWaitForWindowActive(window.get())) {
        std::fprintf(stderr, "bench_gui: the window was not shown and activated\n");
        return 1;
    }
    // The assessment with the most partners (10): the largest partner grid.
    std::int64_t id = 0;
    std::size_t most = 0;
    for (const auto &s : window->session()->summaries()) {
        auto scored = window->session()->scored(s.id);  // a draft: a final one is locked
        const Assessment *a = scored ? &scored->assessment : nullptr;
        if (a && a->status == AssessmentStatus::Draft && a->partners.size() > most) {
            most = a->partners.size();
            id = s.id;
        }
    }
    if (!window->openAssessment(id))
        return 1;
    window->showWalk();
    WalkPage *walk = window->walkPage();
    const int features = walk->featureCount();
    note("gui", "MainWindow 1366x768, platform " + qEnvironmentVariable("QT_QPA_PLATFORM").toStdString() +
                    "; assessment " + std::to_string(id) + " with " + std::to_string(most) + " partners, " +
                    std::to_string(features) + " feature pages; workspace of 200 assessments");
    // A facilitator reads the first page before moving on: the app has that moment to itself (it lays
    // out the other pages then). Nothing else warms up: each page's first showing is timed too.
    walk->showFeature(0);
    QTest::qWait(1000);

    std::vector<double> switches, firstShowings;
    std::vector<bool> shown(static_cast<std::size_t>(features), false);
    shown[0] = true;
    int direction = 1;
    for (int i = 0; doSwitch && i < repeats; ++i) {
        if (walk->currentIndex() + direction < 0 || walk->currentIndex() + direction >= features)
            direction = -direction;
        const int before = walk->currentIndex();
        const double ms = timedKey(window.get(), direction > 0 ? Qt::Key_PageDown : Qt::Key_PageUp, Qt::ControlModifier);
        if (walk->currentIndex() != before + direction) {
            std::fprintf(stderr, "bench_gui: Ctrl+PgDown/PgUp did not change the page (from %d)\n", before + 1);
            return 1;
        }
        switches.push_back(ms);
        if (!shown[static_cast<std::size_t>(walk->currentIndex())]) {
            shown[static_cast<std::size_t>(walk->currentIndex())] = true;
            firstShowings.push_back(ms);
        }
    }
    const int landed = walk->currentIndex();

    // The change log read over a connection of its own (the app's is the Session's alone).
    auto reader = storage::Workspace::open(window->session()->path().toStdString(),
                                           {storage::OpenMode::ReadOnly, false});
    const auto changeLog = [&] {
        return reader ? reader->changeLog(id) : storage::Result<std::vector<LogEntry>>(reader.error());
    };
    const auto before = changeLog();
    const std::size_t logBefore = before ? before->size() : 0;
    std::vector<double> records;
    const int rows = static_cast<int>(most) + 1;  // the partners, then the agreed row
    for (int i = 0; doRecord && i < repeats; ++i) {
        walk->showFeature(i % features);
        FeaturePage *page = walk->currentFeaturePage();
        QTableView *grid = page->partnerGrid();
        grid->setFocus();
        const int row = i / features % rows;
        grid->setCurrentIndex(grid->model()->index(row, 0));
        QApplication::processEvents();
        // A level different from the one recorded, so that every key press is a real, stored edit.
        const Assessment &a = window->session()->assessment();
        const FeatureAssessment *fa = a.feature(page->featureId());
        int current = 0;
        if (row < static_cast<int>(a.partners.size())) {
            const PartnerLevel *pl = fa ? fa->partnerLevel(a.partners[static_cast<std::size_t>(row)].organisation) : nullptr;
            current = pl ? pl->level : 0;
        } else if (fa) {
            current = fa->agreedLevel.value_or(0);
        }
        records.push_back(timedKey(grid, static_cast<Qt::Key>(Qt::Key_0 + current % 3 + 1)));
    }
    const auto stored = changeLog();
    const std::size_t edits = stored ? stored->size() - logBefore : 0;
    double longTextMs = -1;
    if (doLongText) {
        // Every text of the assessment at the limit, as one line (the worst case for text layout).
        // Written by a second connection, as another program would (the app's own is the Session's alone).
        storage::OpenOptions writeOptions;
        writeOptions.create = false;
        writeOptions.backupOnOpen = false;
        auto writer = storage::Workspace::open(window->session()->path().toStdString(), writeOptions);
        if (!writer)
            return 1;
        auto &ws = *writer;
        const Assessment a = window->session()->assessment();
        const std::string longest(kMaxTextCharacters - 40, 'w');
        auto text = [&](const std::string &what) { return what + " " + longest.substr(0, kMaxTextCharacters - what.size() - 1); };
        for (const auto &f : a.features) {
            storage::FeatureEdit edit;
            edit.rationale = text("rationale " + f.featureId);
            edit.evidence = text("evidence " + f.featureId);
            if (!ws.updateFeature(id, f.featureId, edit).ok())
                return 1;
            for (const auto &partner : a.partners)
                if (!ws.updateFeature(id, f.featureId, test::partnerLevelEdit(partner.id, 2, text("note " + partner.organisation))).ok())
                    return 1;
        }
        Action action;
        action.text = text("action");
        action.notes = text("notes");
        if (!ws.addAction(id, action).ok())
            return 1;
        window->showHome();
        QApplication::processEvents();
        longTextMs = timeMs([&] {
            if (!window->openAssessment(id))
                std::exit(1);
            window->showWalk();
            for (int i = 0; i < features; ++i) {
                walk->showFeature(i);
                QApplication::processEvents();
            }
            window->showResults();
            QApplication::processEvents();
        });
    }
    if (doSwitch) {
        report("switch feature page (" + std::to_string(repeats) + ", ended on page " + std::to_string(landed + 1) + ")", switches);
        note("gui", "of the page switches, each page's first showing (" + std::to_string(firstShowings.size()) +
                        "): median " + fixed(percentile(firstShowings, 50)) + " ms, max " + fixed(maxOf(firstShowings)) + " ms");
    }
    if (doRecord) {
        report("record a level, stored durably (" + std::to_string(repeats) + ")", records);
        note("gui", "edits stored during the run (change-log rows): " + std::to_string(edits) + " for " +
                        std::to_string(repeats) + " key presses");
        if (edits != static_cast<std::size_t>(repeats)) {
            std::fprintf(stderr, "bench_gui: %zu of %d key presses recorded a level\n", edits, repeats);
            return 1;
        }
    }
    if (doLongText)
        figure("gui", "open an assessment with every text at the 10,000-character limit and show each page once",
               longTextMs, "ms", std::string(longTextMs < 1000 ? "within" : "OVER") + " the promised second; " +
                   std::to_string(features) + " feature pages with " + std::to_string(most) +
                   " partners' notes each, and the results");
    return 0;
}
