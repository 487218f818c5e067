// Compare: two assessments of the workspace side by side, "then" and "now" (by default the open one and
// the one before it): what moved and why, targets, metrics, recommended changes, actions completed,
// framework texts that changed between editions, and the radar with both. Self-contained: give it the
// session; it follows the session's signals.
#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>

class QComboBox;
class QTextBrowser;

namespace hicm::gui {

class ChartView;
class Session;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(Session *session, QWidget *parent = nullptr);

    // Shows the comparison of `before` (then) with `after` (now).
    void selectPair(std::int64_t before, std::int64_t after);
    // Picks the default pair again: the open assessment (or the latest) and the one it reassesses (or the
    // latest earlier one of the same area).
    void selectDefault();

    QComboBox *beforeBox() const { return m_before; }
    QComboBox *afterBox() const { return m_after; }
    QTextBrowser *text() const { return m_text; }
    ChartView *radar() const { return m_radar; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillBoxes();
    void refresh();
    // Brings a page that was hidden while the workspace changed up to date (a hidden page reads nothing).
    void catchUp();
    std::optional<std::int64_t> selected(const QComboBox *box) const;

    Session *m_session;
    QComboBox *m_before;
    QComboBox *m_after;
    QTextBrowser *m_text;
    ChartView *m_radar;
    bool m_filling = false;
    bool m_listStale = false;  // the workspace's assessments changed while hidden
    bool m_stale = false;      // the open assessment changed while hidden
};

} // namespace hicm::gui
