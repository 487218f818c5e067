// Set-up: the assessment's details and the partners round the table.
#pragma once

#include <QWidget>

class QTableWidgetItem;

#include <memory>

namespace Ui {
class SetupPage;
}

namespace hicm::gui {

class Session;

class SetupPage : public QWidget {
    Q_OBJECT
public:
    explicit SetupPage(QWidget *parent = nullptr);
    ~SetupPage() override;

    void setSession(Session *session);

signals:
    void aboutModelRequested();
    void startWalkRequested();

private:
    QTableWidgetItem *partnerItem(int row) const;
    void refresh();
    void addPartner();

    std::unique_ptr<Ui::SetupPage> m_ui;
    Session *m_session = nullptr;
    bool m_refreshing = false;
};

}  // namespace hicm::gui
