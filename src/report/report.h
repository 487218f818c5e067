// Board reports of an assessment: a paginated A4 document (PDF), the same content as an editable
// OpenDocument text (ODT), and all scores as CSV. QtGui only (no Widgets), used by the app and the CLI.
// What the report holds, and why, is in docs/report.md.
//
// Needs a QGuiApplication (fonts); QT_QPA_PLATFORM=offscreen is enough, no display is used.
#pragma once

#include "assessment.h"
#include "framework.h"
#include "peer_extract.h"
#include "prioritisation.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QPainter;
class QPagedPaintDevice;
class QTextDocument;

namespace hicm::report {

// A board cover sheet, filled in by the facilitator at export: the report's first section in every
// format. Empty fields are left out.
struct CoverSheet {
    QString purpose;  // "decision", "assurance" or "information"
    QString summary;
    QStringList recommendations;
    QStringList risks;
};

// Everything a report is made from. The references must outlive the report built from them.
struct ReportInput {
    const Framework &framework;    // the edition the assessment was scored against
    const Assessment &assessment;
    const Prioritisation &prioritisation;  // prioritise(framework, assessment)
    // The assessment to compare with (usually the area's previous one), and the framework it was
    // scored against (nullptr: the same as `framework`). Features are matched by id.
    const Assessment *previous = nullptr;
    const Framework *previousFramework = nullptr;
    QDate producedOn = QDate::currentDate();  // printed on the cover
    // A region's peer extract (docs/region.md): when given, the report gains an "Against peers" page.
    const PeerExtract *peers = nullptr;
    // The board cover sheet, written first; nullptr: none.
    const CoverSheet *cover = nullptr;
};

// Called after each page is painted with (pages done, page count). Return false to cancel.
using Progress = std::function<bool(int done, int total)>;

struct WriteResult {
    bool ok = false;
    QString error;  // why not, in words for the user (file name included)
    int pages = 0;  // PDF only
};

// The report laid out for print: A4 portrait, one fixed layout whatever it is painted on, so the
// preview shows exactly the pages of the PDF.
class Report {
public:
    explicit Report(const ReportInput &input);
    ~Report();
    Report(const Report &) = delete;
    Report &operator=(const Report &) = delete;

    int pageCount() const;
    // The page size in points (A4: 595.3 x 841.9).
    QSizeF pageSizePt() const;
    // Paints page `index` (0-based) with its running header and page number. The page fills
    // QRectF(0, 0, pageSizePt() * device dpi / 72) on the painter's device; the painter's transform
    // is respected (a preview may scale it).
    void paintPage(QPainter &painter, int index) const;
    // Paints every page onto `device` (a QPdfWriter or QPrinter: set to A4 portrait, no margins, by
    // this call). False, with `error`, when painting could not start or `progress` cancelled.
    bool print(QPagedPaintDevice &device, const Progress &progress = {}, QString *error = nullptr) const;
    // The laid-out document (for tests and tools).
    const QTextDocument &document() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Writes the report as a tagged PDF (tagged_pdf.h: structure tree with headings, lists, tables with
// header cells, figures with their text alternative; /Lang en-GB, bookmarks, running header and footer
// as artifacts; fonts embedded, charts as vector graphics). Atomic: the file is replaced only when
// complete.
WriteResult writePdf(const ReportInput &input, const QString &path, const Progress &progress = {});

// Word and OpenDocument text, converted by pandoc (found at run time: pandocExecutable()) from the HTML
// report with the charts as images carrying their text alternative: real Heading 1-3 styles, tables
// with header rows and the print layout's column widths, the document title and language (en-GB).
// `referenceDoc`: the board's own template (pandoc --reference-doc: its styles, margins, header and
// footer); empty: the clean one we ship (resources/report/reference.docx, .odt, with a header and
// footer). Atomic; nothing is written when pandoc is missing or fails, or when `path` is a workspace.
WriteResult writeDocx(const ReportInput &input, const QString &path, const QString &referenceDoc = {});
WriteResult writeOdt(const ReportInput &input, const QString &path, const QString &referenceDoc = {});
// The pandoc executable on PATH; empty when it is not installed.
QString pandocExecutable();

// Writes the report as one accessible, self-contained HTML5 file (lang en-GB, semantic headings,
// tables with captions and header cells, charts as inline SVG with their text alternative, print
// styles, no script). Atomic; refused (nothing written) when `path` is a workspace (output guard).
WriteResult writeHtml(const ReportInput &input, const QString &path);

// The editable document (charts as images) that writeOdt() writes.
std::unique_ptr<QTextDocument> buildEditableDocument(const ReportInput &input);

// All scores, one row per feature: agreed, target, gap, confidence, importance, partner spread and
// every partner's level. RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte-order mark (Excel).
QByteArray csvBytes(const Assessment &assessment, const Framework &framework);
WriteResult writeCsv(const Assessment &assessment, const Framework &framework, const QString &path);

// The action plan, one row per action in the report's order (by due date, undated last): action,
// change, feature, owner, due (YYYY-MM-DD), status, carried from. Same encoding and formula-injection
// rules as csvBytes().
QByteArray planCsvBytes(const Assessment &assessment, const Framework &framework);
WriteResult writePlanCsv(const Assessment &assessment, const Framework &framework, const QString &path);

}  // namespace hicm::report
