// Peers: an area's agreed levels against its peer group's, from a peer extract that `hicm-assess-cli
// region extract` wrote (docs/region.md): feature by feature, the peers' middle half and median with the
// area's own level on one scale, a table of the same figures, and a year to choose. Figures drawn from
// fewer than 5 areas are withheld in the extract and say so here. Opened from File > Open Peer Extract….
#pragma once

#include "framework.h"
#include "peer_extract.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QMainWindow;
class QMenu;
class QStackedWidget;
class QTableWidget;

namespace hicm::gui {

class ChartView;

class PeersPage : public QWidget {
    Q_OBJECT
public:
    // `framework` gives the features' titles and the levels' labels; it must outlive the page.
    explicit PeersPage(const Framework &framework, QWidget *parent = nullptr);

    // Reads and shows the extract at `path`; on a problem returns false with every problem in `error`
    // (file, JSON pointer, reason) and keeps what it showed.
    bool openFile(const QString &path, QString *error);
    void setExtract(PeerExtract extract);
    void selectYear(int year);

    const std::optional<PeerExtract> &extract() const { return m_extract; }
    QComboBox *yearBox() const { return m_year; }
    QTableWidget *table() const { return m_table; }
    ChartView *chart() const { return m_chart; }
    QLabel *title() const { return m_title; }

private:
    void refresh();

    const Framework &m_framework;
    std::optional<PeerExtract> m_extract;
    QLabel *m_title;
    QComboBox *m_year;
    ChartView *m_chart;
    QTableWidget *m_table;
};

// Adds "Open Peer Extract…" to `fileMenu` after `after` (at the end when null): it asks for a file and
// shows it on a Peers page in `pages` (made the first time). Returns the action.
QAction *addPeerExtractAction(QMainWindow *window, QMenu *fileMenu, QAction *after, QStackedWidget *pages,
                              const Framework &framework);

// Opens `path` on the Peers page of `pages` (made when there is none) and shows it; a file with problems
// is reported in a message box and changes nothing. Returns the page, or nullptr when refused.
PeersPage *openPeerExtract(QWidget *window, QStackedWidget *pages, const Framework &framework, const QString &path);

}  // namespace hicm::gui
