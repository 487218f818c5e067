// Internal: the tagged PDF writer (tagged_pdf*.cpp, cairo_painter*.cpp) is a module of its own,
// hicm-tagged-pdf.so, loaded the first time a PDF is written (pdf_module_loader.cpp). Cairo, Pango,
// qpdf and the thirty libraries they bring (GnuTLS among them) are then loaded by that first report,
// not by every start of the app and of every CLI command: about ten milliseconds of each start-up
// (docs/performance.md, "Start-up").
//
// The module uses nothing of the program but the functions in Hooks, which the program hands over
// with each call: it is linked with --no-undefined, so a dependency on anything else fails the build.
#pragma once

#include "report.h"
#include "report_sink.h"

#include <QByteArray>
#include <QFont>
#include <QString>

#include <string>

class QPainter;
class QRectF;

namespace hicm::report {
class ReportSink;
struct ReportInput;
}  // namespace hicm::report

namespace hicm::report::pdfmodule {

// Raised whenever Hooks or the entry's signature changes; a module of another version is refused.
constexpr int kAbiVersion = 1;

struct Hooks {
    int abiVersion = kAbiVersion;
    std::size_t size = sizeof(Hooks);
    std::string (*shownAsTyped)(const std::string &text) = nullptr;
    QString (*prettyDate)(const std::string &isoDate) = nullptr;
    QFont (*reportFont)() = nullptr;
    ChartStyle (*reportChartStyle)(qreal pxPerPt) = nullptr;
    void (*paintChart)(QPainter &painter, const QRectF &rect, ChartKind kind, const void *data,
                       const ChartStyle &style) = nullptr;
    void (*composeReport)(const ReportInput &input, ReportSink &sink) = nullptr;
    QString (*writeFileBytes)(const QString &path, const QByteArray &bytes) = nullptr;
};

// The module's one exported symbol, resolved by name.
constexpr const char *kEntryName = "hicm_tagged_pdf_write";
using Entry = void (*)(const Hooks *hooks, const ReportInput *input, const QString *path, const Progress *progress,
                       WriteResult *result);

}  // namespace hicm::report::pdfmodule
