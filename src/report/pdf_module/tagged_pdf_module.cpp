// The tagged PDF writer's module (tagged_pdf_module.h): the functions of the program that the writer's
// code calls, forwarded to the program's own through the hooks it hands over, and the entry point.
#include "tagged_pdf_module.h"

#include "composer.h"
#include "report_sections.h"
#include "tagged_pdf.h"
#include "text.h"

#include <QtGlobal>

namespace {
const hicm::report::pdfmodule::Hooks *g_hooks = nullptr;
}

namespace hicm {

std::string shownAsTyped(const std::string &text) { return g_hooks->shownAsTyped(text); }

namespace report {

QString prettyDate(const std::string &isoDate) { return g_hooks->prettyDate(isoDate); }
QFont reportFont() { return g_hooks->reportFont(); }
ChartStyle reportChartStyle(qreal pxPerPt) { return g_hooks->reportChartStyle(pxPerPt); }
void ChartObject::paint(QPainter &painter, const QRectF &rect, ChartKind kind, const void *data, const ChartStyle &style)
{
    g_hooks->paintChart(painter, rect, kind, data, style);
}
void composeReport(const ReportInput &input, ReportSink &sink) { g_hooks->composeReport(input, sink); }
QString writeFileBytes(const QString &path, const QByteArray &bytes) { return g_hooks->writeFileBytes(path, bytes); }

}  // namespace report
}  // namespace hicm

extern "C" Q_DECL_EXPORT void hicm_tagged_pdf_write(const hicm::report::pdfmodule::Hooks *hooks,
                                                    const hicm::report::ReportInput *input, const QString *path,
                                                    const hicm::report::Progress *progress,
                                                    hicm::report::WriteResult *result)
{
    using hicm::report::pdfmodule::Hooks;
    if (!hooks || hooks->abiVersion != hicm::report::pdfmodule::kAbiVersion || hooks->size != sizeof(Hooks)) {
        result->ok = false;
        result->error = *path + QStringLiteral(": the PDF writer (hicm-tagged-pdf) does not belong to this version "
                                               "of HICM Assess; reinstall HICM Assess");
        return;
    }
    g_hooks = hooks;
    *result = hicm::report::writeTaggedPdf(*input, *path, *progress);
}
