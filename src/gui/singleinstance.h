// One HICM Assess per user: a second launch with files (a double-click while the app runs) hands them to
// the running app over a local socket only this user can reach, instead of opening the same workspace twice.
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace hicm::gui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket's name: in the user's runtime folder ($XDG_RUNTIME_DIR, private to the user) where there is
    // one, else a name with the user's name in it (Windows: a named pipe of this user's session).
    static QString serverName();

    // Gives `files` (absolute paths) to the app running for this user. True when it took them; false when
    // no app runs (or it did not answer within `timeoutMs`): then this launch opens them itself.
    static bool handOver(const QStringList &files, int timeoutMs = 3000);

    // Starts taking hand-overs (a socket left by an app that crashed is replaced). False if it cannot.
    bool listen();

signals:
    // A second launch handed these files over (each an existing path; the opener checks them as usual).
    void filesArrived(const QStringList &files);

private:
    void receive();
    QLocalServer *m_server;
};

}  // namespace hicm::gui
