// Word (DOCX) and OpenDocument text (ODT) through pandoc: the HTML report (charts as PNG images with
// their text alternative) converted with a reference document, the user's board template or the one we
// ship (resources/report/). pandoc is found at run time; without it nothing is written and the message
// says so.
#include "report.h"

#include "odt_package.h"
#include "output_guard.h"
#include "report_data.h"
#include "report_html.h"
#include "report_sections.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace hicm::report {

namespace {

QString refused(const QString &path)
{
    return QString::fromStdString(storage::outputRefusal(path.toStdString(), {}));
}

// Copies a shipped reference document out of the resources into `folder`; empty on failure.
QString shippedReference(const QString &folder, const QString &name)
{
    const QString target = QDir(folder).filePath(name);
    QFile::remove(target);
    if (!QFile::copy(QStringLiteral(":/hicm/report/") + name, target))
        return {};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

// Whether `file` looks like a document of `format` to take styles from: a zip package (a Word document or
// template, an OpenDocument text) holding that format's main part, whose name a zip stores as it is. pandoc's
// own message for anything else (a PDF, a .doc, a workspace) is a Haskell call stack.
bool looksLikeReference(const QString &file, const QString &format)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = f.read(64 * 1024 * 1024);
    return bytes.startsWith("PK\x03\x04") &&
           bytes.contains(format == QLatin1String("docx") ? QByteArrayLiteral("word/document.xml")
                                                          : QByteArrayLiteral("content.xml"));
}

// The charts' text alternatives in the HTML given to pandoc, in order (report_html.cpp writes them).
QStringList chartDescriptions(const QByteArray &html)
{
    static const QRegularExpression img(QStringLiteral("<img src=\"chart-\\d+\\.png\" alt=\"([^\"]*)\""));
    QStringList out;
    for (auto it = img.globalMatch(QString::fromUtf8(html)); it.hasNext();) {
        QString alt = it.next().captured(1);
        alt.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
            .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
            .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
            .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        out << alt;
    }
    return out;
}

// Runs pandoc on the report's HTML; the converted bytes, or empty with `error` set. `charts` gets the
// charts' descriptions, in order.
QByteArray convert(const ReportInput &input, const QString &format, const QString &path, QString referenceDoc,
                   QString *error, QStringList *charts)
{
    const QString pandoc = pandocExecutable();
    if (pandoc.isEmpty()) {
        *error = path + QStringLiteral(": pandoc is not installed, and the Word and OpenDocument versions of the "
                                       "report are made with it (Debian: apt install pandoc); nothing was written");
        return {};
    }
    QTemporaryDir temp;
    if (!temp.isValid()) {
        *error = path + QStringLiteral(": cannot make a temporary folder: ") + temp.errorString();
        return {};
    }
    if (!referenceDoc.isEmpty()) {
        if (!QFileInfo(referenceDoc).isFile()) {
            *error = referenceDoc + QStringLiteral(": no such reference document; nothing was written");
            return {};
        }
        if (!looksLikeReference(referenceDoc, format)) {
            *error = referenceDoc + (format == QLatin1String("docx")
                                         ? QStringLiteral(": not a Word document or template (.docx, .dotx) to take "
                                                          "the board's styles from; nothing was written")
                                         : QStringLiteral(": not an OpenDocument text (.odt) to take the board's "
                                                          "styles from; nothing was written"));
            return {};
        }
        referenceDoc = QFileInfo(referenceDoc).absoluteFilePath();  // pandoc runs in the temporary folder
    } else {
        referenceDoc = shippedReference(temp.path(), QStringLiteral("reference.") + format);
        if (referenceDoc.isEmpty()) {
            *error = path + QStringLiteral(": the built-in reference document is missing; nothing was written");
            return {};
        }
    }
    HtmlOptions options;
    options.imageFolder = temp.path();
    options.forPandoc = true;
    options.rowHeadersAsCells = format == QLatin1String("odt");  // pandoc 2.17's ODT writer drops them
    QString htmlError;
    const QByteArray html = htmlBytes(input, options, &htmlError);
    const QString source = temp.filePath(QStringLiteral("report.html"));
    QFile file(source);
    if (html.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(html) != html.size()) {
        *error = path + QStringLiteral(": cannot prepare the report for pandoc: ") +
                 (htmlError.isEmpty() ? file.errorString() : htmlError);
        return {};
    }
    file.close();
    *charts = chartDescriptions(html);
    const QString out = temp.filePath(QStringLiteral("report.") + format);
    QProcess p;
    p.setWorkingDirectory(temp.path());
    p.start(pandoc, {QStringLiteral("--from=html"), QStringLiteral("--to=") + format,
                     QStringLiteral("--resource-path=") + temp.path(), QStringLiteral("--reference-doc=") + referenceDoc,
                     QStringLiteral("--metadata=lang:en-GB"), QStringLiteral("--metadata=title:") + reportTitle(input),
                     QStringLiteral("--output=") + out, source});
    if (!p.waitForStarted(10000)) {
        *error = path + QStringLiteral(": cannot run pandoc (") + pandoc + QStringLiteral("): ") + p.errorString();
        return {};
    }
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = path + QStringLiteral(": pandoc could not convert the report: ") +
                 QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + QStringLiteral("; nothing was written");
        return {};
    }
    QFile result(out);
    if (!result.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": pandoc wrote nothing; nothing was written");
        return {};
    }
    return result.readAll();
}

WriteResult write(const ReportInput &input, const QString &format, const QString &path, const QString &referenceDoc,
                  const std::function<QByteArray(QByteArray, const QStringList &, QString *)> &post = {})
{
    WriteResult result;
    if (const QString why = refused(path); !why.isEmpty()) {
        result.error = why;
        return result;
    }
    QStringList charts;
    QByteArray bytes = convert(input, format, path, referenceDoc, &result.error, &charts);
    if (bytes.isEmpty())
        return result;
    if (post) {
        bytes = post(bytes, charts, &result.error);
        if (bytes.isEmpty()) {
            result.error = path + QStringLiteral(": ") + result.error + QStringLiteral("; nothing was written");
            return result;
        }
    }
    result.error = writeFileBytes(path, bytes);
    result.ok = result.error.isEmpty();
    return result;
}

}  // namespace

QString pandocExecutable()
{
    return QStandardPaths::findExecutable(QStringLiteral("pandoc"));
}

WriteResult writeDocx(const ReportInput &input, const QString &path, const QString &referenceDoc)
{
    // pandoc takes a picture's alt text (descr) from its caption, which is the chart's short caption
    // (shortCaption()): each picture gets its whole description back, the same words as the PDF's /Alt.
    // A board cover sheet shares the first page with the title and the report starts on the next.
    const auto described = [](const QByteArray &docx, const QStringList &charts, QString *error) {
        return rewriteZipEntry(
            docx, QStringLiteral("word/document.xml"),
            [&](const QByteArray &xml) {
                QByteArray out = xml;
                for (const QString &c : charts)
                    out.replace(QStringLiteral("descr=\"%1\"").arg(shortCaption(c).toHtmlEscaped()).toUtf8(),
                                QStringLiteral("descr=\"%1\"").arg(c.toHtmlEscaped()).toUtf8());
                return docxCoverPages(out);
            },
            error);
    };
    if (!referenceDoc.isEmpty())
        return write(input, QStringLiteral("docx"), path, referenceDoc, described);
    // Our reference document's running header shows the title through a TITLE field, whose shown text
    // is a placeholder until a word processor updates it: the title goes in now.
    const QString title = reportTitle(input).toHtmlEscaped();
    const auto titled = [title, described](const QByteArray &docx, const QStringList &charts, QString *error) {
        const QByteArray withAlt = described(docx, charts, error);
        if (withAlt.isEmpty())
            return withAlt;
        QString ignored;  // a header without the placeholder (not ours) stays as pandoc wrote it
        const QByteArray out = rewriteZipEntry(
            withAlt, QStringLiteral("word/header1.xml"),
            [&](const QByteArray &xml) { return QByteArray(xml).replace("HICM_REPORT_TITLE", title.toUtf8()); }, &ignored);
        return out.isEmpty() ? withAlt : out;
    };
    return write(input, QStringLiteral("docx"), path, referenceDoc, titled);
}

WriteResult writeOdt(const ReportInput &input, const QString &path, const QString &referenceDoc)
{
    // pandoc 2.17 gives the charts' frames no text alternative: each gets its title and description. A
    // board cover sheet shares the first page with the title and the report starts on the next.
    const auto describe = [](const QByteArray &odt, const QStringList &charts, QString *error) {
        QStringList titles;
        for (const QString &c : charts)
            titles << chartTitleOf(c);
        return rewriteZipEntry(
            odt, QStringLiteral("content.xml"),
            [&](const QByteArray &xml) { return odtCoverPages(describeFrames(xml, titles, charts)); }, error);
    };
    return write(input, QStringLiteral("odt"), path, referenceDoc, describe);
}

}  // namespace hicm::report
