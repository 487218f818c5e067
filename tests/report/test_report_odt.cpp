// The editable reports, made by pandoc from the HTML report: an OpenDocument text valid against the
// ODF 1.2 schema (jing, tests/data/odf-1.2) with real headings, title and language in meta.xml, header
// and footer in styles.xml; a Word document with Heading 1-3, tables with header rows, the charts' alt
// text, and the styles of the reference document (ours, or the board's own template). Needs pandoc and
// jing (scripts/lib.sh); the QTextDocument the print layout is made of is checked here too.
#include "report.h"
#include "report_test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTextDocument>

using namespace hicm;
using namespace hicm::test;

namespace {

QString escapedXml(const QString &text)
{
    return text.toHtmlEscaped().replace(QStringLiteral("&#39;"), QStringLiteral("'"));
}

// Runs a program; its standard output, and its exit code in `code`.
QString run(const QString &program, const QStringList &args, int *code)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    REQUIRE(p.waitForFinished(120000));
    *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

// jing's errors for `xml` (written to a file) against the ODF 1.2 schema; empty when valid.
QStringList jingErrors(const TempDir &dir, const QString &name, const QByteArray &xml, const char *schema)
{
    const QString jing = QStandardPaths::findExecutable(QStringLiteral("jing"));
    REQUIRE_FALSE(jing.isEmpty());  // Debian package jing (scripts/lib.sh)
    const QString file = QString::fromStdString(dir.file(name.toStdString()));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(xml);
    }
    int code = 0;
    // -i: the ODF schema's ID types are not checked for compatibility (jing rejects the schema otherwise).
    const QString out = run(jing, {QStringLiteral("-i"), QStringLiteral(HICM_ODF_SCHEMA_DIR "/") + QString::fromUtf8(schema), file}, &code);
    QStringList errors;
    for (const QString &line : out.split(QLatin1Char('\n')))
        if (line.contains(QStringLiteral(" error: ")) || line.contains(QStringLiteral("fatal")))
            errors << line;
    if (code != 0 && errors.isEmpty())
        errors << out;
    return errors;
}

QByteArray entry(const QString &zip, const char *name)
{
    const auto e = zipEntry(zip, QString::fromUtf8(name));
    INFO(name);
    REQUIRE(e.has_value());
    return *e;
}

struct Sample {
    const Framework &fw = bundledFramework();
    Assessment now = sampleAssessment(fw);
    Assessment before = sampleAssessment(fw, true);
    Prioritisation p = prioritise(fw, now);
    report::ReportInput input() const { return {fw, now, p, &before}; }
};

const char *const kSections[] = {"Summary", "What to do first", "What has moved since 14 March 2024",
                                 "The features at a glance", "Findings", "The features in detail",
                                 "Prioritised changes", "Why each change is where it is",
                                 "The method\u2019s own order, with its arithmetic", "Action plan", "Where partners differ",
                                 "Features with no shared view", "Appendix: the method", "Appendix: level descriptors"};

}  // namespace

TEST_CASE("the ODT report is valid ODF 1.2 with real headings, title, language, header and footer", "[odt]")
{
    REQUIRE(canInflate());
    const Sample s;
    TempDir dir("hicm-report");
    const QString path = QString::fromStdString(dir.file("report.odt"));
    const auto written = report::writeOdt(s.input(), path);
    INFO(written.error.toStdString());
    REQUIRE(written.ok);

    // A zip whose first entry is the stored mimetype, as ODF requires.
    const QByteArray bytes = QByteArray::fromStdString(readFile(dir.file("report.odt")));
    REQUIRE(bytes.startsWith("PK\x03\x04"));
    CHECK(bytes.mid(30, 8) == "mimetype");
    CHECK(entry(path, "mimetype") == QByteArray("application/vnd.oasis.opendocument.text"));

    // 0 schema errors in every part.
    for (const char *part : {"content.xml", "styles.xml", "meta.xml"}) {
        const QStringList errors = jingErrors(dir, QString::fromUtf8(part), entry(path, part), "OpenDocument-v1.2-os-schema.rng");
        INFO(part << ": " << errors.join(QLatin1Char('\n')).toStdString());
        CHECK(errors.isEmpty());
    }
    const QStringList manifestErrors =
        jingErrors(dir, QStringLiteral("manifest.xml"), entry(path, "META-INF/manifest.xml"), "OpenDocument-v1.2-os-manifest-schema.rng");
    INFO(manifestErrors.join(QLatin1Char('\n')).toStdString());
    CHECK(manifestErrors.isEmpty());

    const QString meta = QString::fromUtf8(entry(path, "meta.xml"));
    CHECK(meta.contains(QStringLiteral("<dc:title>North Shire: intermediate care self-assessment</dc:title>")));
    CHECK(meta.contains(QStringLiteral("<dc:language>en-GB</dc:language>")));

    const QString styles = QString::fromUtf8(entry(path, "styles.xml"));
    CHECK(styles.contains(QRegularExpression(QStringLiteral("<style:header>\\s*<text:p[^>]*>\\s*<text:title"))));
    CHECK(styles.contains(QRegularExpression(QStringLiteral("<style:footer>\\s*<text:p[^>]*>\\s*Page\\s*<text:page-number"))));
    CHECK(styles.contains(QStringLiteral("fo:page-width=\"21cm\"")));

    const QString xml = QString::fromUtf8(entry(path, "content.xml"));
    for (const char *heading : kSections) {
        INFO(heading);
        CHECK(xml.contains(QRegularExpression(QStringLiteral("<text:h [^>]*text:outline-level=\"[123]\"[^>]*>(<text:bookmark-start [^>]*/>)?") +
                                              QRegularExpression::escape(escapedXml(QString::fromUtf8(heading))) +
                                              QStringLiteral("<"))));
    }
    CHECK(xml.contains(QRegularExpression(QStringLiteral("<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">(<text:bookmark-start [^>]*/>)?Action plan<"))));
    for (const auto &f : s.fw.features) {
        INFO(f.id);
        CHECK(xml.contains(escapedXml(QString::fromStdString(f.id + " " + f.title.text))));
    }
    // Tables keep the print layout's column widths (the action plan's text column is the widest).
    CHECK(xml.contains(QStringLiteral("style:rel-column-width")));
    CHECK(xml.count(QStringLiteral("<table:table-header-rows>")) >= 8);
    // The first column of the partners table and of the features at a glance is there (pandoc 2.17's
    // ODT writer dropped row header cells: the organisations' and the features' names were missing).
    for (const auto &partner : s.now.partners) {
        INFO(partner.organisation);
        CHECK(xml.contains(QRegularExpression(QStringLiteral("<table:table-cell [^>]*>\\s*<text:p [^>]*>") +
                                              QRegularExpression::escape(escapedXml(QString::fromStdString(partner.organisation))) +
                                              QStringLiteral("</text:p>"))));
    }
    for (const auto &f : s.fw.features) {
        INFO(f.id);
        CHECK(xml.contains(QRegularExpression(QStringLiteral("<table:table-cell [^>]*>\\s*<text:p [^>]*>(<text:span [^>]*>)?") +
                                              QRegularExpression::escape(QString::fromStdString(f.id)) +
                                              QStringLiteral("(</text:span>)? ") +
                                              QRegularExpression::escape(escapedXml(QString::fromStdString(f.title.text))))));
    }
    // The charts are pictures in the package, each frame with its title and its description (the same
    // words as the PDF's /Alt), for assistive technology: radar first, then the heat map.
    CHECK(xml.count(QStringLiteral("<draw:image")) == 2);
    static const QRegularExpression frame(QStringLiteral(
        "<draw:frame [^>]*>\\s*<draw:image [^>]*/>\\s*<svg:title>([^<]+)</svg:title>\\s*<svg:desc>([^<]+)</svg:desc>\\s*</draw:frame>"));
    QStringList titles, descriptions;
    for (auto it = frame.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        titles << m.captured(1);
        descriptions << m.captured(2);
    }
    REQUIRE(descriptions.size() == 2);
    CHECK(titles[0].startsWith(QStringLiteral("Radar chart of the level of each of 8 features")));
    CHECK(titles[1].startsWith(QStringLiteral("Heat map of each partner organisation")));
    for (const auto &f : s.fw.features)
        CHECK(descriptions[0].contains(QString::fromStdString(f.id + " " + f.title.text)));
    CHECK(descriptions[1].contains(escapedXml(QString::fromStdString(kHostilePartner))));
    // The hostile partner is text in the XML (escaped), never markup.
    CHECK(xml.contains(QStringLiteral("&lt;b&gt;Acme &amp; Sons&lt;/b&gt;")));
    CHECK_FALSE(xml.contains(QStringLiteral("<b>Acme")));
}

TEST_CASE("the Word report has heading styles, header rows, alt text and the reference document's styles", "[docx]")
{
    REQUIRE(canInflate());
    const Sample s;
    TempDir dir("hicm-report");
    const QString path = QString::fromStdString(dir.file("report.docx"));
    const auto written = report::writeDocx(s.input(), path);
    INFO(written.error.toStdString());
    REQUIRE(written.ok);

    // Read back by pandoc: the headings (levels 1-3) and the tables are there.
    int code = 0;
    const QString json = run(report::pandocExecutable(), {QStringLiteral("-f"), QStringLiteral("docx"), QStringLiteral("-t"),
                                                          QStringLiteral("json"), path},
                             &code);
    REQUIRE(code == 0);
    const QJsonArray blocks = QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("blocks")).toArray();
    REQUIRE(blocks.size() > 50);
    QStringList headings;
    int tables = 0, maxLevel = 0;
    const auto plain = [](const QJsonArray &inlines) {
        QString out;
        for (const auto &i : inlines) {
            const QJsonObject o = i.toObject();
            const QString t = o.value(QStringLiteral("t")).toString();
            out += t == QStringLiteral("Str") ? o.value(QStringLiteral("c")).toString() : t == QStringLiteral("Space") ? QStringLiteral(" ") : QString();
        }
        return out;
    };
    for (const auto &b : blocks) {
        const QJsonObject o = b.toObject();
        if (o.value(QStringLiteral("t")).toString() == QStringLiteral("Header")) {
            const QJsonArray c = o.value(QStringLiteral("c")).toArray();
            maxLevel = std::max(maxLevel, c.at(0).toInt());
            headings << QString::number(c.at(0).toInt()) + QLatin1Char(' ') + plain(c.at(2).toArray());
        } else if (o.value(QStringLiteral("t")).toString() == QStringLiteral("Table")) {
            ++tables;
        }
    }
    INFO(headings.join(QStringLiteral(" | ")).toStdString());
    CHECK(headings.contains(QStringLiteral("1 Summary")));
    CHECK(headings.contains(QStringLiteral("1 Action plan")));
    CHECK(headings.contains(QStringLiteral("2 What to do first")));
    CHECK(maxLevel == 3);
    CHECK(tables >= 15);

    const QString document = QString::fromUtf8(entry(path, "word/document.xml"));
    CHECK(document.contains(QStringLiteral("<w:pStyle w:val=\"Heading1\" />")));
    CHECK(document.contains(QStringLiteral("<w:tblHeader")));
    CHECK(document.contains(QStringLiteral("descr=\"Radar chart of the level of each of")));
    CHECK(document.contains(QStringLiteral("descr=\"Heat map of each partner organisation")));
    // The pictures' alt text is the whole description, every value (as the PDF's /Alt); the caption
    // under each only says what the chart is.
    for (const auto &f : s.fw.features) {
        INFO(f.id);
        CHECK(document.contains(QRegularExpression(QStringLiteral("descr=\"Radar chart of[^\"]*") +
                                                   QRegularExpression::escape(QString::fromStdString(f.id + " " + f.title.text)) +
                                                   QStringLiteral(": Agreed level \\d"))));
    }
    CHECK(document.contains(QRegularExpression(QStringLiteral("descr=\"Heat map of[^\"]*North Shire Integrated Care Board: B1 \\d"))));
    CHECK_FALSE(document.contains(QRegularExpression(QStringLiteral("<w:t[^>]*>[^<]*Access to intermediate care: Agreed level"))));
    // Our reference document: A4, headings in the report's blue, each section on a new page.
    const QString styles = QString::fromUtf8(entry(path, "word/styles.xml"));
    CHECK(document.contains(QStringLiteral("<w:pgSz w:h=\"16838\" w:w=\"11906\" />")));
    CHECK(styles.contains(QStringLiteral("0B3D6B")));
    CHECK(styles.contains(QStringLiteral("<w:pageBreakBefore />")));
    // ... and its running header (the title, as a TITLE field showing this report's title) and footer
    // ("Page N of M" as PAGE and NUMPAGES fields), referenced from the section.
    CHECK(document.contains(QRegularExpression(QStringLiteral("<w:sectPr>.*<w:headerReference [^>]*w:type=\"default\""))));
    CHECK(document.contains(QRegularExpression(QStringLiteral("<w:sectPr>.*<w:footerReference [^>]*w:type=\"default\""))));
    const QString header = QString::fromUtf8(entry(path, "word/header1.xml"));
    CHECK(header.contains(QRegularExpression(QStringLiteral(
        "w:instr=\" TITLE [^\"]*\">.*<w:t[^>]*>North Shire: intermediate care self-assessment</w:t>"))));
    CHECK_FALSE(header.contains(QStringLiteral("HICM_REPORT_TITLE")));
    const QString footer = QString::fromUtf8(entry(path, "word/footer1.xml"));
    CHECK(footer.contains(QStringLiteral(">Page </w:t>")));
    CHECK(footer.contains(QStringLiteral("w:instr=\" PAGE ")));
    CHECK(footer.contains(QStringLiteral("w:instr=\" NUMPAGES ")));

    // The board's own template: its styles, not ours.
    const QString board = QString::fromStdString(dir.file("board-template.docx"));
    {
        QProcess p;
        p.setStandardOutputFile(board);
        p.start(report::pandocExecutable(), {QStringLiteral("--print-default-data-file"), QStringLiteral("reference.docx")});
        REQUIRE(p.waitForFinished(60000));
    }
    const QString withTemplate = QString::fromStdString(dir.file("templated.docx"));
    const auto templated = report::writeDocx(s.input(), withTemplate, board);
    INFO(templated.error.toStdString());
    REQUIRE(templated.ok);
    const QString templStyles = QString::fromUtf8(entry(withTemplate, "word/styles.xml"));
    CHECK(templStyles.contains(QStringLiteral("4F81BD")));
    CHECK_FALSE(templStyles.contains(QStringLiteral("0B3D6B")));

    // The template named relative to the folder the user is in (as `report --reference-doc board.docx`
    // is typed): pandoc runs in a folder of its own, so it must be given the template's whole path.
    {
        const QString was = QDir::currentPath();
        REQUIRE(QDir::setCurrent(QFileInfo(board).absolutePath()));
        const auto relative = report::writeDocx(s.input(), QStringLiteral("relative.docx"),
                                                QStringLiteral("board-template.docx"));
        QDir::setCurrent(was);
        INFO(relative.error.toStdString());
        REQUIRE(relative.ok);
        const QString relativeStyles = QString::fromUtf8(entry(QString::fromStdString(dir.file("relative.docx")),
                                                               "word/styles.xml"));
        CHECK(relativeStyles.contains(QStringLiteral("4F81BD")));
        CHECK_FALSE(relativeStyles.contains(QStringLiteral("0B3D6B")));
    }

    // A template that is not there: said, nothing written.
    const QString missing = QString::fromStdString(dir.file("missing.docx"));
    const auto refused = report::writeDocx(s.input(), missing, QStringLiteral("/no/such/template.docx"));
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.contains(QStringLiteral("/no/such/template.docx")));
    CHECK_FALSE(QFile::exists(missing));

    // Something that is not a Word document (a PDF saved under the template's name): said in words, not as
    // pandoc's call stack, and nothing written. An OpenDocument text given for Word is refused as well.
    const QString notWord = QString::fromStdString(dir.file("not-a-template.docx"));
    {
        QFile f(notWord);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n");
    }
    const QString notWritten = QString::fromStdString(dir.file("not-written.docx"));
    for (const QString &bad : {notWord, QString::fromStdString(dir.file("templated.docx")).replace(
                                            QStringLiteral("templated.docx"), QStringLiteral("report.odt"))}) {
        if (bad.endsWith(QStringLiteral(".odt")))
            REQUIRE(report::writeOdt(s.input(), bad).ok);
        const auto wrong = report::writeDocx(s.input(), notWritten, bad);
        INFO(wrong.error.toStdString());
        CHECK_FALSE(wrong.ok);
        CHECK(wrong.error.startsWith(bad + QStringLiteral(": not a Word document or template")));
        CHECK_FALSE(wrong.error.contains(QStringLiteral("CallStack")));
        CHECK_FALSE(QFile::exists(notWritten));
    }
    // And a Word document given for OpenDocument.
    const QString odtOut = QString::fromStdString(dir.file("not-written.odt"));
    const auto wrongOdt = report::writeOdt(s.input(), odtOut, board);
    CHECK_FALSE(wrongOdt.ok);
    CHECK(wrongOdt.error.startsWith(board + QStringLiteral(": not an OpenDocument text")));
    CHECK_FALSE(QFile::exists(odtOut));
}

TEST_CASE("without pandoc the Word and OpenDocument reports say so and write nothing", "[docx][odt]")
{
    const Sample s;
    TempDir dir("hicm-report");
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QByteArray::fromStdString(dir.file("empty-bin")));
    const QString docx = QString::fromStdString(dir.file("r.docx"));
    const QString odt = QString::fromStdString(dir.file("r.odt"));
    const auto a = report::writeDocx(s.input(), docx);
    const auto b = report::writeOdt(s.input(), odt);
    qputenv("PATH", path);
    CHECK_FALSE(a.ok);
    CHECK_FALSE(b.ok);
    CHECK(a.error.contains(QStringLiteral("pandoc is not installed")));
    CHECK(b.error.contains(QStringLiteral("pandoc is not installed")));
    CHECK(a.error.contains(docx));
    CHECK_FALSE(QFile::exists(docx));
    CHECK_FALSE(QFile::exists(odt));
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

TEST_CASE("a board cover sheet shares the first page with the title and the report starts on the next, in HTML, Word and OpenDocument",
          "[docx][odt][cover]")
{
    REQUIRE(canInflate());
    const Sample s;
    TempDir dir("hicm-report");
    report::CoverSheet cover;
    cover.purpose = QStringLiteral("decision");
    cover.summary = QStringLiteral("The board is asked to agree the plan.");
    cover.recommendations = {QStringLiteral("Agree the plan")};
    cover.risks = {QStringLiteral("Winter pressure delays the plan")};
    // A partner whose name reads like the markup mended afterwards stays text.
    Assessment now = s.now;
    now.partners.push_back(Partner{0, R"(<w:p><w:r><w:pict><v:rect o:hr="t" /></w:pict></w:r></w:p> Horizontal_20_Line)",
                                   OrgType::Other, ""});
    const QString markupAsText = QStringLiteral("&lt;w:p&gt;&lt;w:r&gt;&lt;w:pict&gt;&lt;v:rect o:hr=&quot;t&quot; /&gt;"
                                                "&lt;/w:pict&gt;&lt;/w:r&gt;&lt;/w:p&gt; Horizontal_20_Line");
    report::ReportInput with{s.fw, now, s.p, &s.before};
    with.cover = &cover;
    // Writes `input` to the file `name` in the format its suffix names.
    const auto write = [&](const report::ReportInput &input, const char *name) {
        const QString path = QString::fromStdString(dir.file(name));
        const auto written = path.endsWith(QStringLiteral(".docx")) ? report::writeDocx(input, path)
                             : path.endsWith(QStringLiteral(".odt")) ? report::writeOdt(input, path)
                                                                     : report::writeHtml(input, path);
        INFO(name << ": " << written.error.toStdString());
        REQUIRE(written.ok);
        return path;
    };
    // Where `what` is in `text`, which must hold it.
    const auto at = [](const QString &text, const QString &what) {
        const qsizetype i = text.indexOf(what);
        INFO(what.toStdString());
        REQUIRE(i >= 0);
        return i;
    };

    // HTML: a thematic break after the cover sheet (a new page in print); none without a cover sheet.
    const QString html = QString::fromStdString(readFile(write(with, "c.html").toStdString()));
    const qsizetype rule = at(html, QStringLiteral("<hr class=\"page-break\">"));
    CHECK(at(html, QStringLiteral("Winter pressure delays the plan")) < rule);
    CHECK(rule < at(html, QStringLiteral("Self-assessment report")));
    CHECK(html.contains(QRegularExpression(QStringLiteral("@media print \\{[^}]*hr\\.page-break \\{ break-after: page;"))));
    CHECK_FALSE(QString::fromStdString(readFile(write(s.input(), "n.html").toStdString())).contains(QStringLiteral("<hr")));

    // Word: the cover sheet's heading does not start a page of its own; one page break, after the cover sheet.
    const QString docx = QString::fromUtf8(entry(write(with, "c.docx"), "word/document.xml"));
    CHECK_FALSE(docx.contains(QStringLiteral("o:hr=\"t\"")));
    CHECK(docx.count(QStringLiteral("<w:br w:type=\"page\" />")) == 1);
    const qsizetype docxBreak = at(docx, QStringLiteral("<w:br w:type=\"page\" />"));
    CHECK(at(docx, QStringLiteral("Winter pressure delays the plan")) < docxBreak);
    CHECK(docxBreak < at(docx, QStringLiteral("Self-assessment report")));
    CHECK(docx.contains(QStringLiteral("<w:pStyle w:val=\"Heading1\" /><w:pageBreakBefore w:val=\"0\" /></w:pPr><w:r><w:t "
                                       "xml:space=\"preserve\">Board cover sheet</w:t>")));
    CHECK(docx.count(QStringLiteral("<w:pageBreakBefore w:val=\"0\" />")) == 1);  // every other section still starts a page
    CHECK(docx.contains(markupAsText));
    const QString plain = QString::fromUtf8(entry(write(s.input(), "n.docx"), "word/document.xml"));
    CHECK_FALSE(plain.contains(QStringLiteral("w:type=\"page\"")));
    CHECK_FALSE(plain.contains(QStringLiteral("pageBreakBefore")));

    // OpenDocument: the same through two automatic styles, and still valid ODF 1.2.
    const QByteArray odtXml = entry(write(with, "c.odt"), "content.xml");
    const QStringList errors = jingErrors(dir, QStringLiteral("c-content.xml"), odtXml, "OpenDocument-v1.2-os-schema.rng");
    INFO(errors.join(QLatin1Char('\n')).toStdString());
    CHECK(errors.isEmpty());
    const QString odt = QString::fromUtf8(odtXml);
    CHECK(odt.contains(QRegularExpression(QStringLiteral(
        "<style:style style:name=\"HICM_Cover_Heading\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\"[^>]*>"
        "<style:paragraph-properties fo:break-before=\"auto\" />"))));
    CHECK(odt.contains(QStringLiteral("<style:style style:name=\"HICM_Page_Break\" style:family=\"paragraph\" "
                                      "style:parent-style-name=\"Standard\"><style:paragraph-properties fo:break-after=\"page\" />")));
    CHECK(odt.contains(QRegularExpression(QStringLiteral(
        "<text:h text:style-name=\"HICM_Cover_Heading\" text:outline-level=\"1\">(<text:bookmark-start [^>]*/>)?Board cover sheet<"))));
    const qsizetype odtBreak = at(odt, QStringLiteral("<text:p text:style-name=\"HICM_Page_Break\" />"));
    CHECK(at(odt, QStringLiteral("Winter pressure delays the plan")) < odtBreak);
    CHECK(odtBreak < at(odt, QStringLiteral("Self-assessment report")));
    CHECK(odt.contains(QRegularExpression(QStringLiteral(
        "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">(<text:bookmark-start [^>]*/>)?Summary<"))));
    CHECK(odt.contains(markupAsText));
    CHECK(html.contains(markupAsText));
    CHECK_FALSE(QString::fromUtf8(entry(write(s.input(), "n.odt"), "content.xml")).contains(QStringLiteral("HICM_")));
}
