// The PDF report, read back with Qt's PDF module: pages, the text that must be there, the agreed
// order, user text as text, page furniture, fonts embedded and charts as vector graphics.
#include "report.h"
#include "report_test_support.h"

#include <QFileInfo>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace hicm;
using namespace hicm::test;

namespace {

struct Sample {
    Assessment now = sampleAssessment(bundledFramework());
    Assessment before = sampleAssessment(bundledFramework(), true);
    Prioritisation p = prioritise(bundledFramework(), now);
    report::ReportInput input() const { return {bundledFramework(), now, p, &before, nullptr, QDate(2025, 3, 20)}; }
};

QString pdfPath(const TempDir &dir, const char *name = "report.pdf")
{
    return QString::fromStdString(dir.file(name));
}

QString changeHeading(const AgreedStep &c)
{
    return QStringLiteral("%1. HIC %2 %3").arg(c.rank).arg(QString::fromStdString(c.id), QString::fromStdString(c.title));
}

}  // namespace

TEST_CASE("a full report holds the area, every feature and the partners exactly as typed", "[pdf]")
{
    const Sample s;
    TempDir dir("hicm-report");
    const auto written = report::writePdf(s.input(), pdfPath(dir));
    INFO(written.error.toStdString());
    REQUIRE(written.ok);
    const QStringList pages = pdfPages(pdfPath(dir));
    CHECK(pages.size() == written.pages);
    CHECK(pages.size() >= 8);
    CHECK(pages.size() <= 30);
    const QString all = pages.join(QLatin1Char(' '));
    CHECK(all.contains(QStringLiteral("North Shire")));
    for (const auto &f : bundledFramework().features) {
        INFO(f.id);
        CHECK(all.contains(QString::fromStdString(f.id + " " + f.title.text)));
    }
    for (const auto &partner : s.now.partners) {
        INFO(partner.organisation);
        CHECK(all.contains(QString::fromStdString(partner.organisation)));
    }
    // The hostile name is text, never markup: every "Acme & Sons" carries its tags with it.
    const QString hostile = QString::fromStdString(kHostilePartner);
    CHECK(all.count(hostile) >= 3);
    CHECK(all.count(QStringLiteral("Acme & Sons")) == all.count(hostile));
}

TEST_CASE("the changes come in the order the room agreed, on the summary and the changes pages", "[pdf]")
{
    const Sample s;
    const AgreedPlan plan = agreedPlan(s.p);
    REQUIRE(plan.steps.size() >= 3);
    REQUIRE(plan.adjusted); // the sample pins a change
    TempDir dir("hicm-report");
    REQUIRE(report::writePdf(s.input(), pdfPath(dir)).ok);
    const QString all = pdfPages(pdfPath(dir)).join(QLatin1Char(' '));
    const qsizetype why = all.indexOf(QStringLiteral("Why each change is where it is"));
    REQUIRE(why > 0);
    qsizetype last = why;
    for (const auto &c : plan.steps) {
        INFO(changeHeading(c).toStdString());
        const qsizetype at = all.indexOf(changeHeading(c), why);
        CHECK(at > last);
        last = at;
    }
    // The summary's first three are the agreed plan's first three, in order.
    const qsizetype first = all.indexOf(QStringLiteral("What to do first"));
    REQUIRE(first > 0);
    qsizetype previous = first;
    for (std::size_t i = 0; i < 3; ++i) {
        const qsizetype at = all.indexOf(changeHeading(plan.steps[i]), first);
        CHECK(at > previous);
        previous = at;
    }
}

TEST_CASE("the summary is one page and every page after the cover has its header and number", "[pdf]")
{
    const Sample s;
    TempDir dir("hicm-report");
    REQUIRE(report::writePdf(s.input(), pdfPath(dir)).ok);
    const QStringList pages = pdfPages(pdfPath(dir));
    REQUIRE(pages.size() >= 3);
    CHECK(pages[0].contains(QStringLiteral("Self-assessment report")));
    CHECK_FALSE(pages[0].contains(QStringLiteral("Page 1 of")));
    CHECK(pages[1].contains(QStringLiteral("Summary")));
    CHECK(pages[1].contains(QStringLiteral("What to do first")));
    CHECK(pages[1].contains(QStringLiteral("What has moved since 14 March 2024")));
    CHECK(pages[2].contains(QStringLiteral("The features at a glance")));
    for (int i = 1; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].contains(QStringLiteral("North Shire \u00b7 12 March 2025")));
        CHECK(pages[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())));
    }
    // Each section starts a page: its heading comes right after the page's header and number.
    for (const char *section : {"The features in detail", "Prioritised changes", "Action plan",
                                "Where partners differ", "Appendix: the method", "Appendix: level descriptors"}) {
        INFO(section);
        CHECK(std::any_of(pages.begin(), pages.end(), [&](const QString &page) {
            const qsizetype at = page.indexOf(QString::fromUtf8(section));
            return at >= 0 && at < 100;
        }));
    }
}

TEST_CASE("no text in the report is smaller than 9 points", "[pdf]")
{
    const Sample s;
    const report::Report r(s.input());
    int fragments = 0;
    for (QTextBlock b = r.document().begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.text().trimmed().isEmpty() || f.text() == QString(QChar::ObjectReplacementCharacter))
                continue;
            ++fragments;
            INFO(f.text().toStdString());
            CHECK(f.charFormat().fontPointSize() >= 9);
        }
    CHECK(fragments > 100);
}

TEST_CASE("the PDF embeds its fonts and draws its charts as vectors", "[pdf]")
{
    const Sample s;
    TempDir dir("hicm-report");
    REQUIRE(report::writePdf(s.input(), pdfPath(dir)).ok);
    const QByteArray pdf = QByteArray::fromStdString(readFile(dir.file("report.pdf")));
    const auto descriptors = pdf.count("/Type /FontDescriptor");
    CHECK(descriptors >= 2);
    CHECK(pdf.count("/FontFile2") + pdf.count("/FontFile3") + pdf.count("/FontFile ") == descriptors);
    CHECK_FALSE(pdf.contains("/Subtype /Image"));
    // The chart labels are text in the PDF.
    const QString all = pdfPages(pdfPath(dir)).join(QLatin1Char(' '));
    CHECK(all.contains(QStringLiteral("Previous assessment (14 March 2024)")));
    CHECK(all.contains(QStringLiteral("\u2666 no shared view")));
}

TEST_CASE("the report reports progress, can be cancelled and says why it could not write", "[pdf]")
{
    const Sample s;
    TempDir dir("hicm-report");
    std::vector<std::pair<int, int>> calls;
    const auto written = report::writePdf(s.input(), pdfPath(dir), [&](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    });
    REQUIRE(written.ok);
    REQUIRE(int(calls.size()) == written.pages);
    CHECK(calls.back() == std::pair<int, int>(written.pages, written.pages));

    const auto cancelled = report::writePdf(s.input(), pdfPath(dir, "cancelled.pdf"), [](int done, int) { return done < 2; });
    CHECK_FALSE(cancelled.ok);
    CHECK(cancelled.error.contains(QStringLiteral("cancelled")));
    CHECK_FALSE(QFileInfo::exists(pdfPath(dir, "cancelled.pdf")));

    const QString nowhere = QString::fromStdString(dir.file("no/such/folder/report.pdf"));
    const auto refused = report::writePdf(s.input(), nowhere);
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.startsWith(nowhere));
}

TEST_CASE("an assessment with nothing in it still makes a report", "[pdf]")
{
    Assessment empty;
    empty.area = "Empty Vale";
    const Prioritisation p = prioritise(bundledFramework(), empty);
    TempDir dir("hicm-report");
    const auto written = report::writePdf({bundledFramework(), empty, p}, pdfPath(dir));
    INFO(written.error.toStdString());
    REQUIRE(written.ok);
    const QString all = pdfPages(pdfPath(dir)).join(QLatin1Char(' '));
    CHECK(all.contains(QStringLiteral("Empty Vale")));
    CHECK(all.contains(QStringLiteral("None of the eight features has been scored yet.")));
    CHECK(all.contains(QStringLiteral("No partner organisations are recorded")));
    CHECK(all.contains(QStringLiteral("No actions have been added to the plan yet.")));
}

TEST_CASE("a report on another framework follows that framework", "[pdf]")
{
    const auto loaded = loadFrameworkFile(kFixturesDir + "/mini-framework.json");
    REQUIRE(loaded.ok());
    const Framework &fw = *loaded.framework;
    const Assessment a = sampleAssessment(fw, false, 4);
    const Prioritisation p = prioritise(fw, a);
    TempDir dir("hicm-report");
    const auto written = report::writePdf({fw, a, p}, pdfPath(dir));
    INFO(written.error.toStdString());
    REQUIRE(written.ok);
    const QString all = pdfPages(pdfPath(dir)).join(QLatin1Char(' '));
    for (const auto &f : fw.features)
        CHECK(all.contains(QString::fromStdString(f.id + " " + f.title.text)));
    CHECK(all.contains(QStringLiteral("Of the three features")));
    for (const auto &f : bundledFramework().features)
        if (!fw.feature(f.id))
            CHECK_FALSE(all.contains(QString::fromStdString(f.title.text)));
}
