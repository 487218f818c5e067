// Set-up: the assessment's details and the partners round the table.
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class SetupPage;
}

namespace hicm::document {
class PartnersModel;
}

namespace hicm::gui {

class Session;

class SetupPage : public QWidget {
    Q_OBJECT
public:
    explicit SetupPage(QWidget *parent = nullptr);
    ~SetupPage() override;

    void setSession(Session *session);
    // Presentation mode keeps the partners' contacts (people's names, numbers, addresses) off the projector.
    void setPresentation(bool on);

signals:
    void aboutModelRequested();
    void startWalkRequested();

private:
    void refresh();
    void addPartner();

    std::unique_ptr<Ui::SetupPage> m_ui;
    Session *m_session = nullptr;
    document::PartnersModel *m_partners = nullptr;
    bool m_refreshing = false;
};

}  // namespace hicm::gui
