// hicm-screenshots DIR: opens the real main window at 1366×768 (a common projector laptop size) on a
// demonstration workspace and saves a PNG of each screen into DIR, for docs/user-guide.md. Run it
// through scripts/screenshots, under xvfb-run, so it draws with the real X11 platform and fonts.
#include "application.h"
#include "comparepage.h"
#include "exchange.h"
#include "featurepage.h"
#include "frameworkbrowser.h"
#include "homepage.h"
#include "mergedialog.h"
#include "peer_extract.h"
#include "peerspage.h"
#include "mainwindow.h"
#include "messages.h"
#include "resultspage.h"
#include "session.h"
#include "trendpage.h"
#include "walkpage.h"

#include <QApplication>

#include <algorithm>
#include <QDir>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTest>
#include <QDate>
#include <QTextStream>

using namespace hicm;
using namespace hicm::gui;

namespace {

bool save(QWidget *window, const QString &dir, const QString &name)
{
    QTest::qWait(200);  // let layouts and fonts settle
    const QString path = QDir(dir).filePath(name + ".png");
    const bool ok = window->grab().save(path);
    QTextStream(ok ? stdout : stderr) << (ok ? "wrote " : "could not write ") << path << "\n";
    return ok;
}

// A workshop part-way through: five partners, seven features scored, an action, a decision.
void fillDemo(MainWindow &w)
{
    Session &s = *w.session();
    auto previous = w.newAssessment(QStringLiteral("North Shire ICS"), QStringLiteral("Baseline self-assessment"),
                                    QStringLiteral("Sam Patel"));
    const char *orgs[] = {"North Shire ICB", "Shire Community Health NHS Trust", "North Shire Council",
                          "Shire Home Care Ltd", "Carers Together (VCFSE)"};
    const OrgType types[] = {OrgType::Icb, OrgType::NhsTrust, OrgType::LocalAuthority, OrgType::CareProvider, OrgType::Vcfse};
    for (int i = 0; i < 5; ++i)
        s.addPartner(Partner{0, orgs[i], types[i], ""});
    const int agreedBefore[] = {1, 1, 2, 1, 1, 1, 1, 1};
    for (int f = 0; f < 8; ++f)
        s.setAgreedLevel(s.framework().features[static_cast<std::size_t>(f)].id, agreedBefore[f]);
    s.setRationale("B2", QStringLiteral("Goals are set, but reviews are ad hoc."));
    // The baseline was a year before the reassessment, as in a real area's history.
    s.setField(storage::AssessmentField::Date, QDate::currentDate().addYears(-1).toString(Qt::ISODate));

    auto id = w.reassess(*previous);
    s.setField(storage::AssessmentField::Title, QStringLiteral("Twelve-month reassessment"));
    const int levels[5][8] = {{1, 2, 2, 1, 2, 2, 1, 1}, {2, 2, 3, 2, 2, 2, 1, 3}, {1, 2, 2, 1, 2, 1, 1, 1},
                              {2, 3, 2, 2, 1, 2, 1, 1}, {1, 2, 2, 1, 2, 2, 2, 1}};
    const int agreed[8] = {1, 2, 2, 1, 2, 2, 1, 0};
    const auto &a = s.assessment();
    for (int f = 0; f < 8; ++f) {
        const std::string fid = s.framework().features[static_cast<std::size_t>(f)].id;
        for (int p = 0; p < 5; ++p)
            s.setPartnerLevel(fid, a.partners[static_cast<std::size_t>(p)].id, levels[p][f]);
        if (agreed[f])
            s.setAgreedLevel(fid, agreed[f]);
    }
    s.setRationale("B1", QStringLiteral("Three access points with separate criteria; no single view of capacity yet."));
    s.setConfidence("B1", Confidence::High);
    s.setConfidence("B7", Confidence::Low);
    s.setWeight("B7", 3);
    s.setTarget("B6", 2);
    Action action;
    action.text = "Map all access criteria for intermediate care services and find the gaps";
    action.change = "A";
    action.feature = "B1";
    action.owner = "ICB Head of Intermediate Care";
    action.due = "2027-03-31";
    s.addAction(action);
    s.setOverride(Override{"F", OverrideKind::Pin, "Workforce winter plan must start before December"});
    w.openAssessment(*id);
}

// A region's extract for the area, as `hicm-assess-cli region extract` writes it: 14 areas, two years;
// the quartiles from the counts as the database draws them (continuous percentiles).
PeerExtract demoExtract()
{
    auto percentile = [](const std::map<int, int> &counts, double q) {
        std::vector<int> levels;
        for (const auto &[level, n] : counts)
            levels.insert(levels.end(), static_cast<std::size_t>(n), level);
        const double at = q * static_cast<double>(levels.size() - 1);
        const auto below = static_cast<std::size_t>(at);
        const double above = below + 1 < levels.size() ? levels[below + 1] : levels[below];
        return levels[below] + (at - static_cast<double>(below)) * (above - levels[below]);
    };
    PeerExtract e;
    e.generated = "2026-11-30T09:00:00Z";
    e.area = "North Shire ICS";
    e.peerGroup = "North East region";
    e.peerGroupAreas = 14;
    const int own[2][8] = {{1, 1, 2, 1, 1, 1, 1, 1}, {1, 2, 2, 1, 2, 2, 1, 1}};
    const int counts[8][3] = {{4, 7, 3}, {5, 6, 3}, {2, 8, 4}, {6, 6, 2}, {3, 8, 3}, {4, 6, 4}, {7, 5, 2}, {5, 7, 2}};
    for (int y = 0; y < 2; ++y) {
        PeerYear year{2025 + y, {}};
        for (int f = 0; f < 8; ++f) {
            PeerFigure figure;
            figure.feature = "B" + std::to_string(f + 1);
            figure.areaLevel = own[y][f];
            if (y == 0 && f == 7) {  // the first year, too few areas had scored B8: withheld
                year.features.push_back(figure);
                continue;
            }
            figure.suppressed = false;
            figure.areas = 14;
            for (int level = 1; level <= 3; ++level)
                figure.levelCounts[level] = counts[f][level - 1] + (y == 0 && level == 3 ? -1 : 0) + (y == 0 && level == 1 ? 1 : 0);
            figure.lowerQuartile = percentile(figure.levelCounts, 0.25);
            figure.median = percentile(figure.levelCounts, 0.5);
            figure.upperQuartile = percentile(figure.levelCounts, 0.75);
            year.features.push_back(figure);
        }
        e.years.push_back(year);
    }
    return e;
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationIdentity();
    QCoreApplication::setOrganizationName(QStringLiteral("HICM Assess Screenshots"));
    Messages::setAutomatic(true);
    if (argc < 2) {
        QTextStream(stderr) << "usage: hicm-screenshots OUTPUT_DIR\n";
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(dir);
    QTemporaryDir workspaceDir;

    StartupOptions options;
    options.workspace = workspaceDir.filePath(QStringLiteral("demo.hicmws"));
    auto window = createMainWindow(options);
    if (!window)
        return 1;
    window->resize(1366, 768);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return 1;
    fillDemo(*window);

    bool ok = true;
    window->showHome();
    ok = save(window.get(), dir, QStringLiteral("home")) && ok;
    window->showSetup();
    ok = save(window.get(), dir, QStringLiteral("setup")) && ok;
    window->showWalk();
    window->walkPage()->showFeature(0);
    QTableView *grid = window->walkPage()->currentFeaturePage()->partnerGrid();
    grid->setCurrentIndex(grid->model()->index(5, 0));
    ok = save(window.get(), dir, QStringLiteral("walk-b1")) && ok;
    // The foot of the page: evidence, the data to use and the targeted actions.
    for (QWidget *w = window->walkPage()->currentFeaturePage(); w; w = w->parentWidget())
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
            ok = save(window.get(), dir, QStringLiteral("walk-b1-actions")) && ok;
            scroll->verticalScrollBar()->setValue(0);
            break;
        }
    window->walkPage()->showFeature(7);
    ok = save(window.get(), dir, QStringLiteral("walk-b8-no-shared-view")) && ok;
    window->showResults();
    window->resultsPage()->tabs()->setCurrentIndex(0);
    ok = save(window.get(), dir, QStringLiteral("results-priorities")) && ok;
    window->resultsPage()->tabs()->setCurrentIndex(1);
    ok = save(window.get(), dir, QStringLiteral("results-profile")) && ok;
    window->resultsPage()->tabs()->setCurrentIndex(2);
    ok = save(window.get(), dir, QStringLiteral("results-plan")) && ok;

    const std::pair<const char *, const char *> pages[] = {
        {"about", "framework-about"}, {"feature:B1", "framework-feature-b1"}, {"change:C", "framework-change-c"}};
    for (const auto &[key, name] : pages) {
        window->showModel(QString::fromLatin1(key));
        ok = save(window.get(), dir, QString::fromLatin1(name)) && ok;
    }
    window->showCompare();
    ok = save(window.get(), dir, QStringLiteral("compare")) && ok;
    window->showTrend();
    ok = save(window.get(), dir, QStringLiteral("trend")) && ok;

    // The Peers view: the area's extract from its region (File > Open Peer Extract…).
    {
        const QString extract = workspaceDir.filePath(QStringLiteral("north-shire.hicm-peers.json"));
        ok = writePeerExtractFile(extract.toStdString(), demoExtract()).empty() && ok;
        auto *pages = window->findChild<QStackedWidget *>(QStringLiteral("pages"));
        ok = pages && openPeerExtract(window.get(), pages, window->bundledFramework(), extract) && ok;
        ok = save(window.get(), dir, QStringLiteral("peers")) && ok;
    }

    // The merge view: a partner's own file (here: the open assessment, as the care provider scored it
    // at home) beside the workshop's.
    {
        Session &s = *window->session();
        const auto framework = s.frameworkJson(s.assessment().id);
        auto parsed = parseExchange(exchangeToString(s.assessment(), framework ? *framework : std::string(), exchangeTimeNow()),
                                    "shire-home-care.hicm.json");
        if (parsed.ok()) {
            ExchangeFile file = std::move(*parsed.file);
            Assessment &theirs = file.assessment;
            theirs.partners.erase(std::remove_if(theirs.partners.begin(), theirs.partners.end(),
                                                 [](const Partner &p) { return p.organisation != "Shire Home Care Ltd"; }),
                                  theirs.partners.end());
            for (auto &f : theirs.features) {
                f.partnerLevels.erase(std::remove_if(f.partnerLevels.begin(), f.partnerLevels.end(),
                                                     [](const PartnerLevel &l) { return l.partner != "Shire Home Care Ltd"; }),
                                      f.partnerLevels.end());
                for (auto &l : f.partnerLevels)
                    if (f.featureId == "B1" || f.featureId == "B5") {
                        l.level = l.level == 1 ? 2 : 1;
                        l.note = "Scored with our care managers the week before the workshop.";
                    }
            }
            MergeDialog dialog(&s, file, QStringLiteral("shire-home-care.hicm.json"), window.get());
            dialog.resize(1200, 640);
            dialog.show();
            ok = QTest::qWaitForWindowExposed(&dialog) && ok;
            ok = save(&dialog, dir, QStringLiteral("merge")) && ok;
        } else {
            ok = false;
        }
    }

    window->showWalk();
    window->walkPage()->showFeature(1);
    window->setPresentation(true);
    window->resize(1366, 768);
    ok = save(window.get(), dir, QStringLiteral("presentation-mode")) && ok;
    window->setPresentation(false);
    return ok ? 0 : 1;
}
