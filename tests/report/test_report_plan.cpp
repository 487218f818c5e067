// What a board reads about the plan, read back from the PDF (and the ODT): the order the room agreed,
// with where and why it differs from the method's; every movement since last time, declines as gains;
// words, not arithmetic or internal codes.
#include "report.h"
#include "report_test_support.h"

#include <QTextDocument>

using namespace hicm;
using namespace hicm::test;

namespace {

const std::string kPinReason = "The board asked for integrated delivery first";
const std::string kExcludeReason = "Covered by the workforce programme";

// The sample, with the room pinning D and leaving out F (the method's first change on the sample).
struct RoomSample {
    Assessment now = sampleAssessment(bundledFramework());
    Assessment before = sampleAssessment(bundledFramework(), true);
    Prioritisation p;
    RoomSample()
    {
        now.overrides = {{"D", OverrideKind::Pin, kPinReason}, {"F", OverrideKind::Exclude, kExcludeReason}};
        p = prioritise(bundledFramework(), now);
    }
    report::ReportInput input() const { return {bundledFramework(), now, p, &before, nullptr, QDate(2025, 3, 20)}; }
    int engineRank(const std::string &id) const
    {
        for (const auto &c : p.changes)
            if (c.id == id)
                return c.rank;
        FAIL("the engine does not recommend " << id);
        return 0;
    }
};

QString changeTitle(const std::string &id)
{
    return QString::fromStdString("HIC " + id + " " + bundledFramework().change(id)->title.text);
}

QStringList writeAndRead(const report::ReportInput &input, const TempDir &dir)
{
    const QString path = QString::fromStdString(dir.file("report.pdf"));
    const auto written = report::writePdf(input, path);
    INFO(written.error.toStdString());
    REQUIRE(written.ok);
    return pdfPages(path);
}

// The page that starts with `heading` (after its running header).
QString pageStarting(const QStringList &pages, const QString &heading)
{
    for (const auto &page : pages)
        if (const qsizetype at = page.indexOf(heading); at >= 0 && at < 100)
            return page;
    FAIL("no page starts with " << heading.toStdString());
    return {};
}

QString levelWords(const std::string &featureId, int level)
{
    const FeatureLevel *l = bundledFramework().feature(featureId)->level(level);
    return QString::number(level) + QLatin1Char(' ') + QString::fromStdString(l->label.text);
}

}  // namespace

TEST_CASE("the summary and the changes pages show the order the room agreed, and why it differs", "[pdf][plan]")
{
    const RoomSample s;
    REQUIRE(s.engineRank("F") == 1); // the method's first change on the sample: the deepest gap (B3)
    TempDir dir("hicm-report");
    const QStringList pages = writeAndRead(s.input(), dir);
    const QString pinned = changeTitle("D") + QStringLiteral(" was pinned first by the room: ") +
                           QString::fromStdString(kPinReason) + QStringLiteral("; the method alone would rank it ") +
                           QString::fromStdString(ordinal(s.engineRank("D"))) + QLatin1Char('.');
    const QString leftOut = changeTitle("F") + QStringLiteral(" was left out by the room: ") +
                            QString::fromStdString(kExcludeReason) +
                            QStringLiteral("; the method alone would rank it 1st.");
    const QString summary = pages.value(1);
    INFO(summary.toStdString());
    const qsizetype first = summary.indexOf(QStringLiteral("What to do first"));
    REQUIRE(first > 0);
    CHECK(summary.indexOf(QStringLiteral("1. ") + changeTitle("D"), first) > first);
    CHECK(summary.contains(pinned));
    CHECK(summary.contains(leftOut));
    CHECK_FALSE(summary.contains(QStringLiteral("1. ") + changeTitle("F")));

    const QString changes = pageStarting(pages, QStringLiteral("Prioritised changes"));
    INFO(changes.toStdString());
    CHECK(changes.contains(QStringLiteral("the order the partners agreed")));
    CHECK(changes.contains(pinned));
    CHECK(changes.contains(leftOut));

    // The editable document says the same.
    const QString odt = report::buildEditableDocument(s.input())->toPlainText().simplified();
    CHECK(odt.contains(pinned));
    CHECK(odt.contains(leftOut));
}

TEST_CASE("what has moved shows every movement, declines in the same table and words as gains", "[pdf][plan]")
{
    RoomSample s;
    s.before.features[1].agreedLevel = 1;            // B2: 1 then, 2 now
    s.before.features[2].agreedLevel = std::nullopt; // B3: not agreed then, 1 now
    TempDir dir("hicm-report");
    const QString summary = writeAndRead(s.input(), dir).value(1);
    INFO(summary.toStdString());
    const qsizetype moved = summary.indexOf(QStringLiteral("What has moved since 14 March 2024"));
    REQUIRE(moved > 0);
    const QString section = summary.mid(moved);
    // B1, B2, B4, B5 went up; B8 went down (3 then, 2 now); B3 is newly agreed; B6, B7 unchanged.
    CHECK(section.contains(QStringLiteral("Four features went up, one feature went down, one feature newly agreed, "
                                          "two features unchanged.")));
    for (const char *id : {"B1", "B2", "B4", "B5"}) {
        INFO(id);
        const int after = *s.now.feature(id)->agreedLevel;
        CHECK(section.contains(QStringLiteral("went up from %1 to %2").arg(levelWords(id, after - 1), levelWords(id, after))));
    }
    CHECK(section.contains(QStringLiteral("B8 ") + QString::fromStdString(bundledFramework().feature("B8")->title.text)));
    CHECK(section.contains(QStringLiteral("went down from %1 to %2").arg(levelWords("B8", 3), levelWords("B8", 2))));
    CHECK(section.contains(QStringLiteral("newly agreed at ") + levelWords("B3", 1)));
}

TEST_CASE("the report speaks words: no internal codes, the arithmetic only in the method appendix", "[pdf][plan]")
{
    const RoomSample s;
    TempDir dir("hicm-report");
    const QString all = writeAndRead(s.input(), dir).join(QLatin1Char(' '));
    static const QRegularExpression code(QStringLiteral("[A-Z][0-9]+\\.[A-Z]+[0-9]+"));
    const auto found = code.match(all);
    INFO("internal code: " << found.captured().toStdString() << " in \u2026"
                           << all.mid(std::max<qsizetype>(0, found.capturedStart() - 80), 160).toStdString());
    CHECK_FALSE(found.hasMatch());
    const qsizetype appendix = all.indexOf(QStringLiteral("Appendix: the method"));
    REQUIRE(appendix > 0);
    const QString body = all.left(appendix), method = all.mid(appendix);
    for (const char *arithmetic : {"\u00f7", "the largest contribution", "half the highest score", "Score "}) {
        INFO(arithmetic);
        CHECK_FALSE(body.contains(QString::fromUtf8(arithmetic)));
    }
    // The appendix keeps the method's own order and its arithmetic.
    CHECK(method.contains(QStringLiteral("The method\u2019s own order, with its arithmetic")));
    CHECK(method.contains(QStringLiteral("the largest contribution")));
    CHECK(method.contains(QStringLiteral("half the highest score")));
    // The board reads why in words.
    CHECK(body.contains(QStringLiteral("the deepest gap is in B1 ")));
}
