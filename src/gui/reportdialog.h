// File › Export Report…: a preview of the board report's pages (exactly the PDF's pages), and saving it
// as PDF or as an editable document (ODT), or the scores as CSV. Long work shows progress.
#pragma once

#include "peer_extract.h"
#include "prioritisation.h"
#include "report.h"

#include <QDialog>

#include <memory>
#include <optional>

class QLabel;
class QScrollArea;
class QVBoxLayout;

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
    bool saveCsv(const QString &path);
    // Gives the report an "Against peers" page from a region's peer extract (docs/region.md), or says why
    // not and leaves the report as it was.
    bool usePeerExtract(const QString &path);

private:
    void renderPages();
    QString askPath(const QString &title, const QString &suffix, const QString &filter);

    Session &m_session;
    Prioritisation m_prioritisation;
    std::shared_ptr<const Framework> m_previousFramework;
    std::optional<PeerExtract> m_peers;  // ReportInput::peers points here
    std::unique_ptr<report::ReportInput> m_input;
    std::unique_ptr<report::Report> m_report;
    QScrollArea *m_scroll;
    QVBoxLayout *m_pages;
    QLabel *m_summary;
};

}  // namespace hicm::gui
