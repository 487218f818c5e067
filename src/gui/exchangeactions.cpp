#include "exchangeactions.h"

#include "exchange.h"
#include "mergedialog.h"
#include "messages.h"
#include "session.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QRegularExpression>
#include <QSaveFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

namespace hicm::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Exchange", text);
}

const char *kFilter = QT_TRANSLATE_NOOP("Exchange", "HICM Assess exchange files (*.hicm.json);;All files (*)");

// The folder exchange files were last picked from or saved to (QSettings), the documents folder at first.
QString exchangeFolder()
{
    return QSettings().value(QStringLiteral("exchange/folder"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void rememberExchangeFolder(const QString &file)
{
    QSettings().setValue(QStringLiteral("exchange/folder"), QFileInfo(file).absolutePath());
}

QString pickFile(QWidget *parent, const QString &title)
{
    const QString path = QFileDialog::getOpenFileName(parent, title, exchangeFolder(), tr(kFilter));
    if (!path.isEmpty())
        rememberExchangeFolder(path);
    return path;
}

// Reads and checks a file; shows every problem and returns nullopt when there is any.
std::optional<ExchangeFile> readFile(QWidget *parent, const QString &path, const QString &title)
{
    auto result = readExchangeFile(path.toStdString());
    if (result.ok())
        return std::move(*result.file);
    Messages::error(parent, title,
                    (result.problems.size() == 1 ? tr("%1 cannot be used: it has a problem. Nothing was changed.")
                                                 : tr("%1 cannot be used: it has %2 problems. Nothing was changed.")
                                                       .arg(QStringLiteral("%1"))
                                                       .arg(result.problems.size()))
                        .arg(path),
                    QString::fromStdString(formatProblems(result.problems)));
    return std::nullopt;
}

} // namespace

bool outputAllowed(Session &session, QWidget *parent, const QString &path, const QString &title)
{
    const QString why = session.outputRefusal(path);
    if (why.isEmpty())
        return true;
    Messages::error(parent, title, why);
    return false;
}

bool exportOpenAssessment(Session &session, QWidget *parent, const QString &given)
{
    if (!session.hasAssessment())
        return false;
    const Assessment &a = session.assessment();
    QString path = given;
    if (path.isEmpty()) {
        QString name = QString::fromStdString(a.area + (a.date.empty() ? "" : " " + a.date)).simplified();
        name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QStringLiteral("_"));
        path = QFileDialog::getSaveFileName(parent, tr("Export assessment"),
                                            exchangeFolder() + QStringLiteral("/") + name + QString::fromLatin1(kExchangeSuffix),
                                            tr(kFilter));
        if (path.isEmpty())
            return false;
        rememberExchangeFolder(path);
    }
    if (!outputAllowed(session, parent, path, tr("Export assessment")))
        return false;
    auto framework = session.frameworkJson(a.id);
    if (!framework) {
        Messages::error(parent, tr("Export assessment"), QString::fromStdString(framework.error().toString()));
        return false;
    }
    const std::string bytes = exchangeToString(a, *framework, exchangeTimeNow());
    QSaveFile out(path); // written in full, or not at all
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) ||
        !out.commit()) {
        Messages::error(parent, tr("Export assessment"),
                        tr("%1 could not be written: %2").arg(path, out.errorString()));
        return false;
    }
    emit session.saved(tr("Exported to %1").arg(path));
    return true;
}

std::optional<std::int64_t> importExchangeFile(Session &session, QWidget *parent, const QString &given)
{
    const QString path = given.isEmpty() ? pickFile(parent, tr("Import an assessment")) : given;
    if (path.isEmpty())
        return std::nullopt;
    auto file = readFile(parent, path, tr("Import an assessment"));
    if (!file)
        return std::nullopt;
    // One undoable step, a typed edit: it inserts the assessment with new ids; its inverse deletes it
    // (keeping what was stored), whose inverse puts that back with the same ids.
    Assessment incoming = assessmentForImport(*file);
    const QString text = tr("Import %1").arg(QString::fromStdString(incoming.area));
    return session.apply(text, document::InsertAssessment{std::move(incoming), file->frameworkJson, false});
}

bool mergeExchangeFile(Session &session, QWidget *parent, const QString &given)
{
    if (!session.hasAssessment()) {
        Messages::error(parent, tr("Merge a partner's file"), tr("Open the workshop's assessment first."));
        return false;
    }
    const QString path = given.isEmpty() ? pickFile(parent, tr("Merge a partner's file")) : given;
    if (path.isEmpty())
        return false;
    auto file = readFile(parent, path, tr("Merge a partner's file"));
    if (!file)
        return false;
    MergeDialog dialog(&session, *file, path, parent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace hicm::gui
