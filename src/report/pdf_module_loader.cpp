// writeTaggedPdf() for the program: loads the tagged PDF writer's module (pdf_module/tagged_pdf_module.h)
// the first time a PDF is written, and hands it the program's functions it needs.
#include "composer.h"
#include "module_loader.h"
#include "pdf_module/tagged_pdf_module.h"
#include "report_sections.h"
#include "tagged_pdf.h"
#include "text.h"

namespace hicm::report {

namespace {

void paintChart(QPainter &painter, const QRectF &rect, ChartKind kind, const void *data, const ChartStyle &style)
{
    ChartObject::paint(painter, rect, kind, data, style);
}

}  // namespace

WriteResult writeTaggedPdf(const ReportInput &input, const QString &path, const Progress &progress)
{
    QString error;
    const auto entry = reinterpret_cast<pdfmodule::Entry>(
        modules::resolve(QStringLiteral("hicm-tagged-pdf.so"), "HICM_TAGGED_PDF_MODULE", pdfmodule::kEntryName,
                         QStringLiteral("the PDF writer of this installation"), &error));
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
