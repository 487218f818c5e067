// Internal: the tagged PDF back end of ReportSink (report_sink.h). Lays the report out on A4 pages
// itself and draws it with cairo (text through Pango, charts as vector graphics painted straight into
// cairo: cairo_painter.h), writing a structure tree in reading order as it goes (cairo's tag API): H1-H3 headings,
// P paragraphs, L/LI/Lbl/LBody lists, BlockQuote, Table/TR/TH/TD, Figure. The running header, footer
// and repeated table header rows are artifacts, every heading (levels 1-3) a bookmark. qpdf then adds
// what cairo 1.16 does not write: /Lang, /MarkInfo, /ViewerPreferences /DisplayDocTitle, /Alt on each
// Figure, and turns the artifacts' marked content into /Artifact sequences outside the tree. A table
// row taller than a page flows on over the next pages (the header row repeated) and stays one TR.
// Why this route and not QPdfWriter or LibreOffice: docs/report.md.
#pragma once

#include "report.h"
#include "report_sink.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace hicm::report {

struct TaggedPdfOptions {
    QString title;        // the document title (Info /Title, XMP dc:title), shown by viewers
    QString lang = QStringLiteral("en-GB");
    QString headerLeft;   // running header on every page but the first
    QString headerRight;
    QString footerLeft;   // beside the page number ("Draft"), may be empty
};

class TaggedPdfSink : public ReportSink {
public:
    explicit TaggedPdfSink(const TaggedPdfOptions &options);
    ~TaggedPdfSink() override;

    qreal textWidthPt() const override;
    using ReportSink::cell;
    using ReportSink::paragraph;
    void title(const QString &text, const Style &style, qreal spaceAfterPt) override;
    void heading(int level, const QString &text, bool newPage = false) override;
    void paragraph(const std::vector<Run> &runs, qreal spaceAfterPt = 5, qreal indentPt = 0) override;
    void beginList() override;
    void bullet(const std::vector<Run> &runs, qreal spaceAfterPt = 2) override;
    void endList() override;
    void quotation(const QString &text, const QString &attribution = {}) override;
    void beginTable(const TableSpec &spec) override;
    void cell(int row, int column, const std::vector<Run> &runs, const QColor &fill = {}) override;
    void endTable() override;
    void facts(const std::vector<std::pair<QString, QString>> &rows, qreal labelWidthPercent = 28) override;
    void figure(const Figure &figure) override;
    void spacer(qreal points) override;
    void keepWithNext() override;
    void pageBreak() override;

    // Lays out and draws everything given so far, post-processes it and returns the PDF's bytes;
    // empty, with `error` set, when cairo or qpdf failed or `progress` cancelled. `pages` gets the
    // page count.
    QByteArray finish(const Progress &progress, QString *error, int *pages);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Finishes cairo's PDF with qpdf: /Lang, /MarkInfo, the title (Info, XMP, shown by viewers), /Alt on
// the Figures in order (`alts`), /Scope on header cells, the TR elements numbered in `continuedRows`
// (counting every TR in document order from 0: parts of a row split across pages) merged cell by cell
// into the row before, and markArtifacts() on every page; returns the file's bytes, or empty with
// `error` set (tagged_pdf_finish.cpp).
QByteArray finishTaggedPdf(const std::string &pdf, const TaggedPdfOptions &options, const std::vector<QString> &alts,
                           const std::vector<int> &continuedRows, QString *error);
// A page's content stream with everything drawn outside marked content (the running header and
// footer, rules, shading, repeated header rows) wrapped in "/Artifact BMC ... EMC".
std::string markArtifacts(const std::string &content);

// The report as a tagged PDF (what writePdf() writes).
WriteResult writeTaggedPdf(const ReportInput &input, const QString &path, const Progress &progress = {});
// The print layout's pages (Report, the preview) painted through QPdfWriter: untagged, the old route,
// kept so that tests can show the structure checks fail on it (report_build.cpp).
WriteResult writeQtPdf(const ReportInput &input, const QString &path, const Progress &progress = {});

}  // namespace hicm::report
