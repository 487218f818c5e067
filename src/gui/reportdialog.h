// File › Export Report…: a preview of the board report's pages (exactly the PDF's pages), and saving it
// as PDF, accessible HTML, Word (in the board's own template, through pandoc) or OpenDocument text, or
// the scores as CSV; an optional board cover sheet (purpose, summary, recommendations, risks) goes first
// in every format. Long work shows progress.
#pragma once

#include "peer_extract.h"
#include "report.h"
#include "reportsettings.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QTimer;
class QVBoxLayout;

namespace hicm::document {
struct ReportBasis;
}

namespace hicm::gui {

class Session;

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(Session &session, QWidget *parent = nullptr);
    ~ReportDialog() override;

    int pageCount() const;
    // Writes the files (no file dialog): for the buttons below, and for tests.
    bool savePdf(const QString &path);
    bool saveOdt(const QString &path);
    bool saveHtml(const QString &path);
    bool saveDocx(const QString &path);
    // The cover sheet fields and the Word template (for tests; the same widgets the user fills in).
    void setCoverSheet(bool on, const QString &purpose, const QString &summary, const QStringList &recommendations,
                       const QStringList &risks);
    void setWordTemplate(const QString &path);
    bool saveCsv(const QString &path);
    // Gives the report an "Against peers" page from a region's peer extract (docs/region.md), or says why
    // not and leaves the report as it was.
    bool usePeerExtract(const QString &path);

protected:
    void changeEvent(QEvent *event) override;  // a new type size (presentation mode): fitToFont()

private:
    // The options column and the cover sheet's fields sized in lines of the dialog's type, so that they
    // grow with it (presentation mode gives dialogs a larger type after they are made).
    void fitToFont();
    void renderPages();
    // Lays the preview out again from the report input, with the cover sheet the fields give.
    void refreshPreview();
    QString askPath(const QString &title, const QString &suffix, const QString &filter);
    QWidget *makeOptions();
    // Points the report input at the cover sheet the fields give (or none).
    void applyCover();
    // Runs a pandoc conversion with a busy indicator.
    bool savePandoc(const QString &path, bool word);
    // The fields that are remembered for the next opening (reportsettings.h).
    ReportFields fields() const;

    Session &m_session;
    std::unique_ptr<document::ReportBasis> m_basis;  // what m_input points into (document/queries.h)
    std::optional<PeerExtract> m_peers;  // ReportInput::peers points here
    std::unique_ptr<report::ReportInput> m_input;
    std::unique_ptr<report::Report> m_report;
    QScrollArea *m_scroll;
    QVBoxLayout *m_pages;
    QLabel *m_summary;
    report::CoverSheet m_cover;  // ReportInput::cover points here when the sheet is on
    QGroupBox *m_coverBox = nullptr;
    QComboBox *m_purpose = nullptr;
    QPlainTextEdit *m_coverSummary = nullptr;
    QPlainTextEdit *m_recommendations = nullptr;
    QPlainTextEdit *m_risks = nullptr;
    QLineEdit *m_template = nullptr;
    QWidget *m_optionsPanel = nullptr;
    QTimer *m_coverRefresh = nullptr;
};

}  // namespace hicm::gui
