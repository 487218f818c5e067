// writeTaggedPdf() for the program: loads the tagged PDF writer's module (pdf_module/tagged_pdf_module.h)
// the first time a PDF is written, and hands it the program's functions it needs.
#include "composer.h"
#include "pdf_module/tagged_pdf_module.h"
#include "report_sections.h"
#include "tagged_pdf.h"
#include "text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>

namespace hicm::report {

namespace {

// Where the module is: beside the installed programs (HICM_TAGGED_PDF_RELATIVE, from the install's
// bin folder), or, for a program that runs from the build tree, in the build tree.
QStringList moduleCandidates()
{
    QStringList candidates;
    if (const QByteArray given = qgetenv("HICM_TAGGED_PDF_MODULE"); !given.isEmpty())
        return {QString::fromLocal8Bit(given)};
    const QString programDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    if (!programDir.isEmpty()) {
        candidates << QDir::cleanPath(programDir + QStringLiteral("/" HICM_TAGGED_PDF_RELATIVE));
        const QString buildTree = QDir::cleanPath(QStringLiteral(HICM_BUILD_TREE));
        if (QDir::cleanPath(programDir).startsWith(buildTree + QLatin1Char('/')))
            candidates << QStringLiteral(HICM_TAGGED_PDF_BUILT);
    }
    return candidates;
}

pdfmodule::Entry loadEntry(QString *error)
{
    static QMutex mutex;
    static pdfmodule::Entry entry = nullptr;
    static QString failure;
    QMutexLocker lock(&mutex);
    if (entry || !failure.isEmpty()) {
        *error = failure;
        return entry;
    }
    QStringList tried;
    for (const QString &file : moduleCandidates()) {
        if (!QFileInfo::exists(file)) {
            tried << file;
            continue;
        }
        auto *library = new QLibrary(file);  // kept loaded for the program's life
        entry = reinterpret_cast<pdfmodule::Entry>(library->resolve(pdfmodule::kEntryName));
        if (entry)
            return entry;
        tried << file + QStringLiteral(" (") + library->errorString() + QLatin1Char(')');
        delete library;
    }
    failure = QStringLiteral("the PDF writer of this installation (hicm-tagged-pdf.so) cannot be loaded; "
                             "reinstall HICM Assess (looked for: %1)")
                  .arg(tried.join(QStringLiteral(", ")));
    *error = failure;
    return nullptr;
}

void paintChart(QPainter &painter, const QRectF &rect, ChartKind kind, const void *data, const ChartStyle &style)
{
    ChartObject::paint(painter, rect, kind, data, style);
}

}  // namespace

WriteResult writeTaggedPdf(const ReportInput &input, const QString &path, const Progress &progress)
{
    QString error;
    const pdfmodule::Entry entry = loadEntry(&error);
    if (!entry) {
        WriteResult result;
        result.error = path + QStringLiteral(": ") + error;
        return result;
    }
    static const pdfmodule::Hooks hooks = [] {
        pdfmodule::Hooks h;
        h.shownAsTyped = &hicm::shownAsTyped;
        h.prettyDate = &prettyDate;
        h.reportFont = &reportFont;
        h.reportChartStyle = &reportChartStyle;
        h.paintChart = &paintChart;
        h.composeReport = &composeReport;
        h.writeFileBytes = &writeFileBytes;
        return h;
    }();
    WriteResult result;
    entry(&hooks, &input, &path, &progress, &result);
    return result;
}

}  // namespace hicm::report
