// Random text and digits typed into every editable field and cell of every screen: no level, target,
// confidence, importance or override changes (a digit is a level only on the partner grid).
#include "featurepage.h"
#include "gui_test_support.h"
#include "mainwindow.h"
#include "resultspage.h"
#include "session.h"
#include "setuppage.h"
#include "test_paths.h"
#include "walkpage.h"
#include "workshop_driver.h"

#include <catch2/catch.hpp>

#include <QAbstractSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>

#include <map>
#include <random>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::guitest;

namespace {

// What typing into text may never touch.
nlohmann::json decisions(const nlohmann::json &a)
{
    // Partners by their place at the table (their names are text, and typing may rename them).
    std::map<std::string, int> seat;
    for (const auto &p : a.at("partners"))
        seat[p.at("organisation").get<std::string>()] = static_cast<int>(seat.size());
    nlohmann::json out = nlohmann::json::array();
    for (const auto &f : a.at("features")) {
        nlohmann::json levels = nlohmann::json::array();
        for (const auto &pl : f.at("partner_levels"))
            levels.push_back({seat.at(pl.at("partner").get<std::string>()), pl.at("level")});
        out.push_back({f.at("id"), levels, f.at("agreed_level"), f.at("target_level"), f.at("confidence"), f.at("weight")});
    }
    out.push_back(a.at("overrides"));
    return out;
}

QString randomText(std::mt19937 &rng)
{
    static const QString alphabet = QStringLiteral("0123456789012345678901234567890123abcXYZ -.,/&<>");
    std::uniform_int_distribution<int> length(1, 6), pick(0, static_cast<int>(alphabet.size()) - 1);
    QString s;
    for (int i = length(rng); i > 0; --i)
        s += alphabet[pick(rng)];
    return s;
}

void typeEverywhere(QWidget *screen, std::mt19937 &rng)
{
    for (auto *edit : screen->findChildren<QLineEdit *>()) {
        if (!edit->isVisible() || !edit->isEnabled() || edit->isReadOnly() || qobject_cast<QAbstractSpinBox *>(edit->parentWidget()))
            continue;
        edit->setFocus();
        type(randomText(rng));
        press(Qt::Key_Tab);
    }
    for (auto *edit : screen->findChildren<QPlainTextEdit *>()) {
        if (!edit->isVisible() || edit->isReadOnly())
            continue;
        edit->setFocus();
        type(randomText(rng));
    }
    for (auto *table : screen->findChildren<QTableView *>()) {
        if (!table->isVisible() || table->objectName() == QStringLiteral("partnerGrid"))
            continue;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            for (int c = 0; c < table->model()->columnCount(); ++c) {
                table->setFocus();
                table->setCurrentIndex(table->model()->index(r, c));
                type(randomText(rng));  // starts editing an editable cell; elsewhere a keyboard search
                press(Qt::Key_Return);
            }
    }
}

}  // namespace

TEST_CASE("random text and digits in every field and cell change no level, target, confidence, importance or override",
          "[gui][typing]")
{
    test::TempDir dir;
    const std::string path = dir.file("typing.hicmws");
    auto w = openWindow(path);
    auto id = w->newAssessment(QStringLiteral("North Shire"), QStringLiteral("Baseline"), QStringLiteral("Sam"));
    REQUIRE(id);
    Session &s = *w->session();
    for (const char *name : {"North Shire ICB", "Shire Community NHS Trust", "North Shire Council"})
        s.addPartner({0, name, OrgType::Other, ""});
    for (const auto &f : s.framework().features) {
        const std::vector<Partner> partners = s.assessment().partners;  // a copy: each edit re-reads the assessment
        for (const auto &p : partners)
            s.setPartnerLevel(f.id, p.id, 1 + static_cast<int>(p.id % 3));
        s.setAgreedLevel(f.id, 2);
    }
    s.addAction({0, "An action", "A", "B4", "Jo", "2027-03-31", ActionStatus::NotStarted, ""});
    s.setOverride({"C", OverrideKind::Pin, "agreed by the room"});
    const nlohmann::json before = decisions(stored(path, *id));

    std::mt19937 rng(20261202);
    w->showSetup();
    typeEverywhere(w->setupPage(), rng);
    w->showWalk();
    for (int f = 0; f < w->walkPage()->featureCount(); ++f) {
        w->walkPage()->showFeature(f);
        typeEverywhere(w->walkPage()->currentFeaturePage(), rng);
    }
    w->showResults();
    auto *tabs = w->resultsPage()->findChild<QTabWidget *>();
    for (int t = 0; t < tabs->count(); ++t) {
        tabs->setCurrentIndex(t);
        typeEverywhere(w->resultsPage(), rng);
    }
    CHECK(decisions(stored(path, *id)) == before);
}
