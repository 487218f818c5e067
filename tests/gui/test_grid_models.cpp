// The feature page's grids over the document's item models, as the room sees them: a digit typed on
// the partner grid re-draws that one cell and no other page's or table's, undo likewise; and while the
// live room hides a round the page shows who has voted and nothing that gives a level away (the grid in
// every role, the spread and its no-shared-view flag, the suggestion, the cards), until the reveal.
#include "featurepage.h"
#include "gui_test_support.h"
#include "levelcard.h"
#include "partnerlevelsmodel.h"
#include "session.h"
#include "test_paths.h"
#include "textblock.h"
#include "walkpage.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QUndoStack>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::guitest;
using document::PartnerLevelsModel;

namespace {

// The cells a model says changed, and whether it said anything bigger (a reset, rows, the layout).
struct Redraws {
    explicit Redraws(QAbstractItemModel *model)
    {
        QObject::connect(model, &QAbstractItemModel::dataChanged, &context, [this](const QModelIndex &a, const QModelIndex &b) {
            for (int r = a.row(); r <= b.row(); ++r)
                for (int c = a.column(); c <= b.column(); ++c)
                    cells.emplace_back(r, c);
        });
        QObject::connect(model, &QAbstractItemModel::modelReset, &context, [this] { ++structural; });
        QObject::connect(model, &QAbstractItemModel::layoutChanged, &context, [this] { ++structural; });
        QObject::connect(model, &QAbstractItemModel::rowsInserted, &context, [this] { ++structural; });
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, &context, [this] { ++structural; });
    }
    QObject context;
    std::vector<std::pair<int, int>> cells;
    int structural = 0;
};

std::unique_ptr<MainWindow> workshop(test::TempDir &dir)
{
    auto w = openWindow(dir.file("grid.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("North Shire")));
    Session &s = *w->session();
    for (const char *org : {"North ICB", "Shire Council", "Care Co"})
        s.addPartner(Partner{0, org, OrgType::Other, ""});
    w->showWalk();
    w->walkPage()->showFeature(0);
    return w;
}

}  // namespace

TEST_CASE("a digit on the partner grid re-draws its one cell, and no other grid or table", "[gui][models]")
{
    test::TempDir dir;
    auto w = workshop(dir);
    FeaturePage *b1 = w->walkPage()->currentFeaturePage();
    FeaturePage *b2 = w->walkPage()->featurePage("B2");
    b2->refresh();  // B2's page follows the document too, though not on show
    QTableView *grid = b1->partnerGrid();
    Redraws b1Grid(grid->model()), b2Grid(b2->partnerGrid()->model()),
        b1Data(b1->findChild<QTableView *>(QStringLiteral("metrics"))->model());
    grid->setFocus();
    grid->setCurrentIndex(grid->model()->index(1, 0));
    QTest::keyClick(grid, Qt::Key_2);
    CHECK(b1Grid.cells == std::vector<std::pair<int, int>>{{1, PartnerLevelsModel::LevelColumn}});
    CHECK(b1Grid.structural == 0);
    CHECK(b2Grid.cells.empty());
    CHECK(b2Grid.structural == 0);
    CHECK(b1Data.cells.empty());
    CHECK(grid->model()->index(1, PartnerLevelsModel::LevelColumn).data().toString().startsWith(QStringLiteral("2  ")));
    CHECK(grid->currentIndex().row() == 2);  // on round the table

    b1Grid.cells.clear();
    w->session()->undoStack()->undo();
    CHECK(b1Grid.cells == std::vector<std::pair<int, int>>{{1, PartnerLevelsModel::LevelColumn}});
    CHECK(grid->model()->index(1, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("—"));
    CHECK(b2Grid.cells.empty());
}

TEST_CASE("a hidden round shows who has voted, and nothing on the page gives a level away until the reveal", "[gui][models][room]")
{
    test::TempDir dir;
    auto w = workshop(dir);
    FeaturePage *page = w->walkPage()->currentFeaturePage();
    QTableView *grid = page->partnerGrid();
    const auto &partners = w->session()->assessment().partners;
    // Two levels apart: the page would say there is no shared view.
    w->session()->setPartnerLevel("B1", partners.at(0).id, 1);
    w->session()->setPartnerLevel("B1", partners.at(1).id, 3);
    w->session()->setAgreedLevel("B1", 2);
    auto *spread = page->findChild<TextBlock *>(QStringLiteral("spreadWarning"));
    REQUIRE(spread);
    CHECK(spread->text().contains(QStringLiteral("no shared view")));

    page->setHiddenRound(true, QSet<qint64>{partners.at(0).id, partners.at(1).id});
    grid->setCurrentIndex(grid->model()->index(1, 0));  // a partner who has voted, selected
    const Framework &fw = w->session()->framework();
    const Feature &b1 = *fw.feature("B1");
    auto givesAway = [&](const QString &text) {
        for (const Level &l : fw.levels)
            if (text.contains(QString::fromStdString(l.label.text)))
                return true;
        for (const FeatureLevel &l : b1.levels)
            if (!l.label.text.empty() && text.contains(QString::fromStdString(l.label.text)))
                return true;
        return text.contains(QRegularExpression(QStringLiteral("\\b[1-3]\\b")));
    };
    for (int r = 0; r < grid->model()->rowCount(); ++r)
        for (int c = 0; c < grid->model()->columnCount(); ++c)
            for (int role : {int(Qt::DisplayRole), int(Qt::EditRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                             int(Qt::StatusTipRole), int(Qt::WhatsThisRole)}) {
                INFO("row " << r << ", column " << c << ", role " << role);
                CHECK_FALSE(givesAway(grid->model()->index(r, c).data(role).toString()));
            }
    CHECK(grid->model()->index(0, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("Voted"));
    CHECK(grid->model()->index(2, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("Not yet"));
    CHECK(spread->isHidden());
    CHECK(spread->text().isEmpty());
    auto *use = page->findChild<QPushButton *>(QStringLiteral("useSuggestion"));
    CHECK_FALSE(use->isEnabled());
    for (TextBlock *text : page->findChildren<TextBlock *>())
        if (text->isVisible() && text->objectName() != QStringLiteral("previousLevel"))
            CHECK_FALSE(text->text().contains(QStringLiteral("Suggested")));
    for (LevelCard *card : page->findChildren<LevelCard *>()) {
        CHECK_FALSE(card->isChecked());  // not even the agreed level
        CHECK(card->note().isEmpty());   // nor the selected partner's
    }

    // The facilitator can still record a level by keyboard; it is stored, and still not shown.
    grid->setFocus();
    grid->setCurrentIndex(grid->model()->index(2, 0));
    QTest::keyClick(grid, Qt::Key_3);
    CHECK(w->session()->assessment().feature("B1")->partnerLevel("Care Co")->level == 3);
    CHECK(grid->model()->index(2, PartnerLevelsModel::LevelColumn).data().toString() == QStringLiteral("Not yet"));

    // The reveal: every level at once, with the spread.
    page->setHiddenRound(false);
    CHECK(grid->model()->index(2, PartnerLevelsModel::LevelColumn).data().toString().startsWith(QStringLiteral("3  ")));
    CHECK(spread->text().contains(QStringLiteral("no shared view")));
    CHECK(use->isEnabled() == (page->suggestion() != std::optional<int>(2)));
}
