// Home: the workspace's assessments with their progress and a small maturity profile; New, Open,
// Reassess and Delete (undoable).
#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

namespace Ui {
class HomePage;
}

namespace hicm::document {
class AssessmentListModel;
}

namespace hicm::gui {

class Session;

class HomePage : public QWidget {
    Q_OBJECT
public:
    explicit HomePage(QWidget *parent = nullptr);
    ~HomePage() override;

    void setSession(Session *session);  // null: no workspace open
    std::optional<std::int64_t> selectedId() const;
    void selectId(std::int64_t id);

signals:
    void newRequested();
    void openRequested(std::int64_t id);
    void reassessRequested(std::int64_t id);
    void deleteRequested(std::int64_t id);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    // Column widths from the texts themselves: measuring each distinct text once is far quicker than
    // Qt's resize-to-contents, which lays out every cell (start-up time with a large workspace).
    void fitColumns();
    void updateButtons();

    std::unique_ptr<Ui::HomePage> m_ui;
    Session *m_session = nullptr;
    document::AssessmentListModel *m_list = nullptr;
    bool m_stale = true;
};

}  // namespace hicm::gui
