// The feature pages' text widgets that keep their layout between paints (TextBlock, CachedTextDelegate,
// LevelCard): they must read, wrap, grow with the font and draw their text as the Qt widgets they replace did.
#include "levelcard.h"
#include "textblock.h"
#include "textdelegate.h"

#include <catch2/catch.hpp>

#include <QAccessible>
#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTest>

using hicm::gui::CachedTextDelegate;
using hicm::gui::LevelCard;
using hicm::gui::TextBlock;

namespace {

const QString kLong = QStringLiteral(
    "Productive intermediate care requires a coherent set of metrics that spans inputs, activities, outputs, "
    "outcomes, and system impacts. The following framework provides example data points.");

// Pixels in `area` close to `colour`: how much text of that colour was drawn there.
int pixelsLike(const QImage &image, const QRect &area, const QColor &colour)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) + qAbs(c.blue() - colour.blue()) < 120)
                ++n;
        }
    return n;
}

QImage grab(QWidget &w)
{
    QImage image(w.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    w.render(&image);
    return image;
}

}  // namespace

TEST_CASE("a text block reads as static text: its words, or its name with the words as description")
{
    TextBlock plain(kLong);
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(&plain);
    REQUIRE(a);
    CHECK(a->role() == QAccessible::StaticText);
    CHECK(a->text(QAccessible::Name) == kLong);

    TextBlock named(kLong);
    named.setAccessibleName(QStringLiteral("About this feature"));
    QAccessibleInterface *b = QAccessible::queryAccessibleInterface(&named);
    REQUIRE(b);
    CHECK(b->text(QAccessible::Name) == QStringLiteral("About this feature"));
    CHECK(b->text(QAccessible::Description) == kLong);
    named.setText(QStringLiteral("Changed"));
    CHECK(b->text(QAccessible::Description) == QStringLiteral("Changed"));
}

TEST_CASE("a text block wraps to its width, grows with the font and draws its text")
{
    TextBlock block(kLong);
    const int wide = block.heightForWidth(1200);
    const int narrow = block.heightForWidth(300);
    CHECK(wide > 0);
    CHECK(narrow >= 3 * wide);  // one line at 1200 px, several at 300

    QFont big = block.font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    block.setFont(big);  // presentation mode: the layout must follow, or text would be cut off
    CHECK(block.heightForWidth(300) > narrow);

    const int bare = block.heightForWidth(300);
    block.setContentsMargins(6, 6, 6, 6);  // the text keeps its 300 px inside 312 px with the margins
    CHECK(block.heightForWidth(312) == bare + 12);
    block.resize(400, block.heightForWidth(400));
    const QColor ink = block.palette().color(QPalette::WindowText);
    const int drawn = pixelsLike(grab(block), block.rect(), ink);
    CHECK(drawn > 500);

    block.setText(QStringLiteral("Short"));
    CHECK(block.heightForWidth(400) < block.height());
    CHECK(pixelsLike(grab(block), block.rect(), ink) < drawn / 4);
    block.setText(QString());
    CHECK(block.heightForWidth(400) == 12);  // only the margins
    CHECK(pixelsLike(grab(block), block.rect(), ink) == 0);
}

TEST_CASE("the cached cell text draws what the style would, selected or not, and elides what does not fit")
{
    auto table = [](QAbstractItemDelegate *delegate) {
        auto t = std::make_unique<QTableWidget>(3, 2);
        t->setItemDelegate(delegate);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        t->setColumnWidth(0, 260);
        t->setColumnWidth(1, 120);
        t->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Shire Community Health NHS Trust")));
        t->setItem(0, 1, new QTableWidgetItem(QStringLiteral("2  Developing")));
        t->setItem(1, 0, new QTableWidgetItem(QStringLiteral("North Shire Council")));
        t->setItem(1, 1, new QTableWidgetItem(QStringLiteral("3  Exemplar, with a long descriptor that cannot fit")));
        t->setItem(2, 0, new QTableWidgetItem(QStringLiteral("Agreed (the room)")));
        t->resize(420, 160);
        t->selectRow(2);
        t->show();
        REQUIRE(QTest::qWaitForWindowExposed(t.get()));
        return t;
    };
    auto styled = table(new QStyledItemDelegate);
    auto cached = table(new CachedTextDelegate);
    const QImage a = grab(*styled), b = grab(*cached);
    const QColor text = styled->palette().color(QPalette::Text);
    const QColor selectedText = styled->palette().color(QPalette::HighlightedText);
    for (int row = 0; row < 3; ++row)
        for (int column = 0; column < 2; ++column) {
            const QRect cell = styled->visualRect(styled->model()->index(row, column))
                                   .translated(styled->viewport()->pos())
                                   .adjusted(1, 1, -1, -1);
            const QColor ink = row == 2 ? selectedText : text;
            const int expected = pixelsLike(a, cell, ink);
            const int drawn = pixelsLike(b, cell, ink);
            INFO("row " << row << ", column " << column << ": " << expected << " vs " << drawn);
            CHECK(drawn >= expected * 85 / 100);
            CHECK(drawn <= expected * 115 / 100 + 2);
        }
}

TEST_CASE("the cached cell text wraps only the column it is told to, and the rows grow for it alone")
{
    QTableWidget t(2, 2);
    auto *delegate = new CachedTextDelegate(&t);
    delegate->setWrappedColumn(0);
    t.setItemDelegate(delegate);
    t.setWordWrap(true);
    t.verticalHeader()->hide();
    t.horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t.setColumnWidth(0, 160);
    t.setColumnWidth(1, 160);
    const QString name = QStringLiteral("Northumbria Healthcare NHS Foundation Trust");
    const QString note = QStringLiteral("A partner's note far too long for its column, kept to one line");
    t.setItem(0, 0, new QTableWidgetItem(name));
    t.setItem(0, 1, new QTableWidgetItem(QStringLiteral("2  Developing")));
    t.setItem(1, 0, new QTableWidgetItem(QStringLiteral("Acme Care")));
    t.setItem(1, 1, new QTableWidgetItem(note));
    t.resize(360, 300);
    t.show();
    REQUIRE(QTest::qWaitForWindowExposed(&t));
    t.resizeRowsToContents();
    const QFontMetrics metrics(t.font());
    const int lines =
        metrics.boundingRect(QRect(0, 0, 160 - 8, 100000), Qt::TextWordWrap, name).height() / metrics.height();
    REQUIRE(lines >= 2);
    INFO("rows " << t.rowHeight(0) << " and " << t.rowHeight(1) << " px, a line " << metrics.height() << " px");
    CHECK(t.rowHeight(0) >= lines * metrics.height());  // the name's lines
    CHECK(t.rowHeight(1) < 2 * metrics.height());       // the note on one line, elided
}

TEST_CASE("a level card wraps a long note under its title and keeps the height of the longest it may show")
{
    LevelCard card(2, QStringLiteral("Developing"), kLong);
    QFont big = card.font();
    big.setPointSizeF(big.pointSizeF() * 1.5);  // presentation mode
    card.setFont(big);
    const int width = 420;
    card.resize(width, card.heightForWidth(width));
    const int bare = card.heightForWidth(width);
    const QString shortNote = QStringLiteral("North Shire ICB's level");
    const QString longNote = QStringLiteral("Northumbria Healthcare NHS Foundation Trust's level");
    card.setPossibleNotes({shortNote, longNote});
    const int reserved = card.heightForWidth(width);
    QFont italic = big;
    italic.setItalic(true);
    const QFontMetrics notes(italic);
    REQUIRE(notes.horizontalAdvance(QStringLiteral("\u25C6 ") + longNote) > width - 24);  // more than one line
    CHECK(reserved >= bare + 2 * notes.height());  // two lines kept under the title
    for (const QString &note : {shortNote, longNote, QString()}) {
        card.setNote(note);
        INFO("the note \"" << note.toStdString() << "\": " << card.noteLines().join(QStringLiteral(" / ")).toStdString());
        CHECK(card.heightForWidth(width) == reserved);
        CHECK(card.noteLines().join(QLatin1Char(' ')) == (note.isEmpty() ? QString() : QStringLiteral("\u25C6 ") + note));
        for (const QString &line : card.noteLines())
            CHECK(notes.horizontalAdvance(line) <= width - 24);
    }
    // A note the card was not told it might show is measured too, not drawn over the descriptor.
    LevelCard untold(2, QStringLiteral("Developing"), kLong);
    untold.setFont(big);
    untold.resize(width, untold.heightForWidth(width));
    untold.setNote(longNote);
    CHECK(untold.heightForWidth(width) == reserved);
    CHECK(untold.noteLines().join(QLatin1Char(' ')) == QStringLiteral("\u25C6 ") + longNote);
}
