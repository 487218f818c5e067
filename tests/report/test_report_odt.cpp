// The editable report: an OpenDocument text that is a valid zip, with the report's headings and
// the partners' names as text, and the charts as pictures.
#include "report.h"
#include "report_test_support.h"

#include <QTextDocument>

using namespace hicm;
using namespace hicm::test;

namespace {

QString escapedXml(const QString &text)
{
    return text.toHtmlEscaped().replace(QStringLiteral("&#39;"), QStringLiteral("'"));
}

}  // namespace

TEST_CASE("the editable report is an OpenDocument text with the report's headings", "[odt]")
{
    const Framework &fw = bundledFramework();
    const Assessment now = sampleAssessment(fw);
    const Assessment before = sampleAssessment(fw, true);
    const Prioritisation p = prioritise(fw, now);
    TempDir dir("hicm-report");
    const QString path = QString::fromStdString(dir.file("report.odt"));
    const auto written = report::writeOdt({fw, now, p, &before}, path);
    INFO(written.error.toStdString());
    REQUIRE(written.ok);

    // A zip whose first entry is the stored mimetype, as ODF requires.
    const QByteArray bytes = QByteArray::fromStdString(readFile(dir.file("report.odt")));
    REQUIRE(bytes.startsWith("PK\x03\x04"));
    CHECK(bytes.mid(30, 8) == "mimetype");
    CHECK(zipEntry(path, QStringLiteral("mimetype")) == QByteArray("application/vnd.oasis.opendocument.text"));
    CHECK(zipEntry(path, QStringLiteral("META-INF/manifest.xml")).has_value());
    CHECK(zipEntry(path, QStringLiteral("Pictures/Picture1")).value_or(QByteArray()).startsWith("\x89PNG"));
    CHECK(zipEntry(path, QStringLiteral("Pictures/Picture2")).value_or(QByteArray()).startsWith("\x89PNG"));
    CHECK_FALSE(zipEntry(path, QStringLiteral("no-such-entry")).has_value());

    if (!canInflate()) {
        WARN("content.xml is deflated and neither zlib nor unzip is available: its text is not checked");
        return;
    }
    const auto content = zipEntry(path, QStringLiteral("content.xml"));
    REQUIRE(content.has_value());
    const QString xml = QString::fromUtf8(*content);
    CHECK(xml.contains(QStringLiteral("office:document-content")));
    for (const char *heading : {"Summary", "What to do first", "What has moved since 14 March 2024",
                                "The features at a glance", "Findings", "The features in detail",
                                "Prioritised changes", "Why each change is where it is", "The method\u2019s own order, with its arithmetic",
                                "Action plan", "Where partners differ", "Features with no shared view",
                                "Appendix: the method", "Appendix: level descriptors"}) {
        INFO(heading);
        CHECK(xml.contains(escapedXml(QString::fromUtf8(heading))));
    }
    for (const auto &f : fw.features) {
        INFO(f.id);
        CHECK(xml.contains(escapedXml(QString::fromStdString(f.id + " " + f.title.text))));
    }
    // The hostile partner is text in the XML (escaped), never markup.
    CHECK(xml.contains(QStringLiteral("&lt;b&gt;Acme &amp; Sons&lt;/b&gt;")));
    CHECK_FALSE(xml.contains(QStringLiteral("<b>Acme")));
    // Each section starts a page in a word processor too.
    CHECK(xml.contains(QStringLiteral("fo:break-before=\"page\"")));
}

TEST_CASE("the editable document carries the same text as the printed one", "[odt]")
{
    const Framework &fw = bundledFramework();
    const Assessment now = sampleAssessment(fw);
    const Prioritisation p = prioritise(fw, now);
    const report::ReportInput input{fw, now, p};
    const auto editable = report::buildEditableDocument(input);
    const report::Report printed(input);
    // The print document has charts as objects, the editable one as images: one character each.
    CHECK(editable->toPlainText().size() == printed.document().toPlainText().size());
    CHECK(editable->toPlainText().contains(QString::fromStdString(kHostilePartner)));
}
