#include "fileopen.h"

#include "mainwindow.h"
#include "messages.h"
#include "session.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace hicm::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GivenFiles", text);
}

bool samePath(const QString &a, const QString &b)
{
    const QString ca = QFileInfo(a).canonicalFilePath();
    return !ca.isEmpty() && ca == QFileInfo(b).canonicalFilePath();
}

void offerExchange(MainWindow &window, const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    Session *session = window.session();
    if (!session) {
        Messages::error(&window, tr("Cannot take in this file"),
                        tr("%1 is an exchange file, but no workspace is open to take it in.").arg(name));
        return;
    }
    if (session->readOnly()) {
        Messages::error(&window, tr("Cannot take in this file"),
                        tr("%1 was not imported: the workspace is read-only (%2).").arg(name, session->readOnlyReason()));
        return;
    }
    QStringList choices{tr("Import as a New Assessment")};
    QString text = tr("%1 is an exchange file: one assessment from another copy of HICM Assess.").arg(name);
    if (session->hasAssessment()) {
        const auto &open = session->assessment();
        choices << tr("Merge into the Open Assessment");
        text += "\n\n" + tr("Import it as a new assessment in this workspace, or merge a partner's view from it "
                            "into the open assessment (%1, %2)?")
                             .arg(QString::fromStdString(open.area), QString::fromStdString(open.title));
    } else {
        text += "\n\n" + tr("Import it as a new assessment in this workspace? (To merge a partner's view into an "
                            "assessment instead, open that assessment, then use File › Merge a Partner's File.)");
    }
    const int choice = Messages::choose(&window, tr("Open an Exchange File"), text, choices);
    if (choice == 0)
        window.importAssessment(path);
    else if (choice == 1)
        window.mergePartnerFile(path);
}

}  // namespace

GivenFileKind classifyGivenFile(const QString &path, QString *why)
{
    auto unknown = [why](const QString &reason) {
        if (why)
            *why = reason;
        return GivenFileKind::Unknown;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return unknown(tr("there is no such file"));
    if (info.isDir())
        return unknown(tr("it is a folder, not a file"));
    const QString lower = info.fileName().toLower();
    const bool workspaceName = lower.endsWith(QStringLiteral(".hicmws"));
    const bool exchangeName = lower.endsWith(QStringLiteral(".hicm.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return workspaceName || exchangeName ? (workspaceName ? GivenFileKind::Workspace : GivenFileKind::Exchange)
                                             : unknown(tr("it cannot be read (%1)").arg(file.errorString()));
    const QByteArray head = file.read(4096);
    if (head.startsWith(QByteArray("SQLite format 3\0", 16)))
        return GivenFileKind::Workspace;  // the workspace checks say if it is another program's database
    const QByteArray text = head.trimmed();
    const bool json = text.startsWith('{') || text.startsWith("\xEF\xBB\xBF");
    if (json && head.contains("\"hicm-assess-exchange\""))
        return GivenFileKind::Exchange;
    if (workspaceName)
        return GivenFileKind::Workspace;
    if (exchangeName)
        return GivenFileKind::Exchange;
    if (head.isEmpty())
        return unknown(tr("the file is empty"));
    if (json)
        return unknown(tr("it is a JSON file, but not a HICM Assess exchange file (its \"format\" is not "
                          "\"hicm-assess-exchange\")"));
    return unknown(tr("it is neither a workspace (a SQLite file) nor an exchange file (JSON)"));
}

QString firstGivenWorkspace(const QStringList &paths)
{
    for (const QString &path : paths)
        if (classifyGivenFile(path) == GivenFileKind::Workspace)
            return path;
    return {};
}

void openGivenFiles(MainWindow &window, const QStringList &paths, const QString &skip)
{
    bool workspaceDone = !skip.isEmpty();
    for (const QString &path : paths) {
        if (path == skip)
            continue;
        QString why;
        switch (classifyGivenFile(path, &why)) {
        case GivenFileKind::Workspace:
            if (window.session() && samePath(window.session()->path(), path)) {
                workspaceDone = true;  // open already: nothing to do, the window is brought forward
            } else if (!workspaceDone) {
                workspaceDone = true;
                window.openWorkspace(path);  // a refused file is reported and left untouched
            } else {
                Messages::error(&window, tr("One workspace at a time"),
                                tr("%1 was not opened: HICM Assess shows one workspace at a time, and %2 is open.")
                                    .arg(QFileInfo(path).fileName(),
                                         window.session() ? QFileInfo(window.session()->path()).fileName()
                                                          : tr("another")));
            }
            break;
        case GivenFileKind::Exchange:
            offerExchange(window, path);
            break;
        case GivenFileKind::Unknown:
            Messages::error(&window, tr("Cannot open this file"),
                            tr("%1 is not a file HICM Assess can open: %2.").arg(path, why));
            break;
        }
    }
}

}  // namespace hicm::gui
