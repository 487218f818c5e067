// The HTML report: one self-contained, accessible HTML5 file. Its structure (language, title,
// headings in order, tables with captions and header cells, charts as SVG images with a text
// alternative), that every user text is escaped, and that it never lands on a workspace.
// (axe-core's WCAG check in a browser is the script test tests/report/axe_check.py.)
#include "compare.h"
#include "report.h"
#include "report_test_support.h"

#include <QRegularExpression>

#include <map>

using namespace hicm;
using namespace hicm::test;

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

QString writeReport(const TempDir &dir, const report::ReportInput &input, const char *name = "report.html")
{
    const QString path = QString::fromStdString(dir.file(name));
    const auto written = report::writeHtml(input, path);
    INFO(written.error.toStdString());
    REQUIRE(written.ok);
    return readText(path);
}

QList<QRegularExpressionMatch> all(const QString &html, const QString &pattern)
{
    QList<QRegularExpressionMatch> out;
    auto it = QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption).globalMatch(html);
    while (it.hasNext())
        out << it.next();
    return out;
}

// The sample assessment's HTML report, compared with the year before.
struct SampleHtml {
    const Framework &fw = bundledFramework();
    const Assessment now = sampleAssessment(fw);
    const Assessment before = sampleAssessment(fw, true);
    const Prioritisation p = prioritise(fw, now);
    TempDir dir{"hicm-report"};
    const QString html = writeReport(dir, {fw, now, p, &before});
};

}  // namespace

TEST_CASE("the HTML report has a language, a title, headings in order, captioned tables and described charts", "[html]")
{
    const SampleHtml sample;
    const Framework &fw = sample.fw;
    const QString &html = sample.html;

    CHECK(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    CHECK(html.contains(QStringLiteral("<html lang=\"en-GB\">")));
    CHECK(html.contains(QStringLiteral("<title>North Shire: intermediate care self-assessment</title>")));

    // Headings: the first is the title (h1), and none skips a level on the way down.
    const auto headings = all(html, QStringLiteral("<h([1-6])[^>]*>(.*?)</h\\1>"));
    REQUIRE(headings.size() > 20);
    CHECK(headings.front().captured(1) == QStringLiteral("1"));
    CHECK(headings.front().captured(2) == QStringLiteral("North Shire"));
    QStringList texts;
    int last = 0;
    for (const auto &h : headings) {
        const int level = h.captured(1).toInt();
        INFO(h.captured(0).toStdString());
        CHECK(level <= last + 1);
        CHECK(level <= 3);
        last = level;
        texts << h.captured(2);
    }
    for (const char *section : {"Summary", "The features at a glance", "The features in detail", "Prioritised changes",
                                "Action plan", "Where partners differ", "Appendix: the method", "Appendix: level descriptors"}) {
        INFO(section);
        CHECK(html.contains(QStringLiteral("<h1>") + QString::fromUtf8(section).toHtmlEscaped() + QStringLiteral("</h1>")));
    }
    CHECK(texts.indexOf(QStringLiteral("Summary")) < texts.indexOf(QStringLiteral("Action plan")));

    // Every table has a caption and header cells; data tables have a header row of column headers.
    const auto tables = all(html, QStringLiteral("<table>(.*?)</table>"));
    REQUIRE(tables.size() > 10);
    for (const auto &t : tables) {
        INFO(t.captured(0).left(300).toStdString());
        CHECK(t.captured(1).contains(QRegularExpression(QStringLiteral("^\\s*<caption>[^<]+</caption>"))));
        CHECK(t.captured(1).contains(QStringLiteral("<th scope=")));
    }
    CHECK(html.contains(QStringLiteral("<th scope=\"col\">Action</th>")));
    CHECK(html.contains(QStringLiteral("<caption>The actions of this plan, by due date</caption>")));

    // Lists are lists.
    CHECK(all(html, QStringLiteral("<ul>\\s*<li>")).size() > 5);
    CHECK(html.count(QStringLiteral("<ul>")) == html.count(QStringLiteral("</ul>")));

    // Two charts at least (the radar, one heat map), each an SVG image labelled by its visible description.
    const auto svgs = all(html, QStringLiteral("<svg role=\"img\" aria-labelledby=\"([^\"]+)\""));
    REQUIRE(svgs.size() >= 2);
    CHECK(html.count(QStringLiteral("<svg")) == svgs.size());
    for (const auto &s : svgs) {
        const auto desc = all(html, QStringLiteral("<figcaption id=\"") + s.captured(1) + QStringLiteral("\">([^<]{40,})</figcaption>"));
        INFO(s.captured(1).toStdString());
        REQUIRE(desc.size() == 1);
    }
    CHECK(html.contains(QStringLiteral("Radar chart of the level of each of %1 features").arg(fw.features.size())));
    CHECK(html.contains(QStringLiteral("Heat map of each partner organisation")));

    // Ids are unique in the page (each chart's patterns too).
    QStringList ids;
    for (const auto &m : all(html, QStringLiteral("\\sid=\"([^\"]+)\"")))
        ids << m.captured(1);
    CHECK(ids.size() > 2);
    CHECK(ids.removeDuplicates() == 0);

    // Self-contained: no script, nothing fetched.
    CHECK_FALSE(html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QRegularExpression(QStringLiteral("\\s(src|href)=|url\\((?!#)|@import"))));
    CHECK(html.contains(QStringLiteral("@media print")));
}

TEST_CASE("the features table's \"Since\" column says what the core's comparison says", "[html]")
{
    const SampleHtml s;
    const QString &html = s.html;
    const Comparison cmp = compareAssessments(s.fw, s.before, s.fw, s.now);

    const auto tables = all(html, QStringLiteral("<table>\\s*<caption>Each feature[^<]*</caption>(.*?)</table>"));
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].captured(1).contains(QStringLiteral("Since 14 March 2024")));
    std::map<QString, QString> since;  // feature id -> the row's last cell
    for (const auto &row : all(tables[0].captured(1), QStringLiteral("<tr>(.*?)</tr>"))) {
        const auto cells = all(row.captured(1), QStringLiteral("<t[hd][^>]*>(.*?)</t[hd]>"));
        const auto text = [&](int i) { return cells[i].captured(1).remove(QRegularExpression(QStringLiteral("<[^>]+>"))); };
        if (cells.size() == 7 && text(0).contains(QRegularExpression(QStringLiteral("^B\\d "))))
            since[text(0).section(QLatin1Char(' '), 0, 0)] = text(6);
    }
    REQUIRE(since.size() == cmp.features.size());
    int up = 0, down = 0, same = 0;
    for (const FeatureComparison &f : cmp.features) {
        INFO(f.featureId);
        const QString cell = since.at(QString::fromStdString(f.featureId));
        REQUIRE((f.levelBefore && f.levelAfter));  // the sample agrees every feature both years
        const int d = *f.levelAfter - *f.levelBefore;
        const QString was = QStringLiteral("(was %1)").arg(*f.levelBefore);
        if (d > 0) {
            ++up;
            CHECK(cell == QStringLiteral("\u25b2 up %1 level%2 ").arg(d).arg(d == 1 ? "" : "s") + was);
        } else if (d < 0) {
            ++down;
            CHECK(cell == QStringLiteral("\u25bc down %1 level%2 ").arg(-d).arg(d == -1 ? "" : "s") + was);
        } else {
            ++same;
            CHECK(cell == QStringLiteral("no change (%1)").arg(*f.levelAfter));
        }
    }
    CHECK(up > 0);
    CHECK(same > 0);
}

TEST_CASE("every user text in the HTML report is escaped, with bidi overrides dropped", "[html]")
{
    const Framework &fw = bundledFramework();
    Assessment now = sampleAssessment(fw);
    const QString hostileArea = QStringLiteral("<script>alert('x')</script> & \"Quoted\" \u202Eevil");
    now.area = hostileArea.toStdString();
    now.partners[0].organisation = "<img src=x onerror=alert(1)> \xE2\x80\xAE" "Acme";  // U+202E
    now.features[0].rationale = "Use </p><h1>Injected</h1> & see";
    now.features[0].partnerLevels[0].partner = now.partners[0].organisation;
    now.features[0].partnerLevels[0].note = "note with <b>tags</b> & \"quotes\"";
    const Prioritisation p = prioritise(fw, now);
    TempDir dir("hicm-report");
    const QString html = writeReport(dir, {fw, now, p});

    CHECK_FALSE(html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    CHECK_FALSE(html.contains(QStringLiteral("<h1>Injected")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>tags")));
    CHECK_FALSE(html.contains(QChar(0x202E)));
    CHECK(html.contains(QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;Quoted&quot;")));
    CHECK(html.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")));
    CHECK(html.contains(QStringLiteral("Use &lt;/p&gt;&lt;h1&gt;Injected&lt;/h1&gt; &amp; see")));
    CHECK(html.contains(QStringLiteral("note with &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot;")));
    // The same escaping in the title and in the charts' descriptions and SVG text.
    CHECK(html.contains(QStringLiteral("<title>&lt;script&gt;")));
}

TEST_CASE("writeHtml writes atomically and never onto a workspace", "[html]")
{
    const Framework &fw = bundledFramework();
    const Assessment now = sampleAssessment(fw);
    const Prioritisation p = prioritise(fw, now);
    TempDir dir("hicm-report");

    // A file that is a workspace (SQLite with the app's application id) is refused and left as it was.
    QByteArray header(100, '\0');
    header.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    header[68] = 0x48, header[69] = 0x49, header[70] = 0x43, header[71] = 0x4D;
    const QString ws = QString::fromStdString(dir.file("board.hicm"));
    {
        QFile f(ws);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(header);
    }
    const auto refused = report::writeHtml({fw, now, p}, ws);
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.contains(QStringLiteral("is a HICM Assess workspace")));
    CHECK(QByteArray::fromStdString(readFile(dir.file("board.hicm"))) == header);

    // A folder that does not exist: a message naming the file, nothing left behind.
    const QString missing = QString::fromStdString(dir.file("no-such-folder/report.html"));
    const auto failed = report::writeHtml({fw, now, p}, missing);
    CHECK_FALSE(failed.ok);
    CHECK(failed.error.contains(missing));
    CHECK_FALSE(QFile::exists(missing));
}
