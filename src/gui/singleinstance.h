// One HICM Assess per user: a second launch with files (a double-click while the app runs) hands them to
// the running app over a local socket only this user can reach, instead of opening the same workspace twice.
// A Unix domain socket driven by the event loop (QSocketNotifier), not QLocalServer: the app does not load
// QtNetwork and its libraries at every start for it (docs/performance.md, "Start-up").
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QSocketNotifier;

namespace hicm::gui {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;  // stops listening and removes the socket's file

    // The socket's path: in the user's runtime folder ($XDG_RUNTIME_DIR, private to the user) where there
    // is one, else in the temporary folder under a name with the user's name and home folder hashed into it.
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
    void accept();
    int m_fd = -1;
    QString m_path;  // the socket's file while listening
    QSocketNotifier *m_notifier = nullptr;
};

}  // namespace hicm::gui
