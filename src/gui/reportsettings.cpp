#include "reportsettings.h"

#include <algorithm>

#include <QComboBox>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalBlocker>

namespace hicm::gui {

namespace {

// One group per workspace file (by a hash of its absolute path: a path is no settings key) and assessment.
QString coverGroup(const QString &workspace, std::int64_t assessmentId)
{
    const QByteArray file = QFileInfo(workspace).absoluteFilePath().toUtf8();
    return QStringLiteral("reports/cover/%1-%2")
        .arg(QString::fromLatin1(QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex().left(32)))
        .arg(assessmentId);
}

}  // namespace

RememberedCover rememberedCover(const QString &workspace, std::int64_t assessmentId)
{
    QSettings settings;
    settings.beginGroup(coverGroup(workspace, assessmentId));
    RememberedCover c;
    c.on = settings.value(QStringLiteral("on"), false).toBool();
    c.purpose = settings.value(QStringLiteral("purpose")).toString();
    c.summary = settings.value(QStringLiteral("summary")).toString();
    c.recommendations = settings.value(QStringLiteral("recommendations")).toString();
    c.risks = settings.value(QStringLiteral("risks")).toString();
    return c;
}

void rememberCover(const QString &workspace, std::int64_t assessmentId, const RememberedCover &cover)
{
    QSettings settings;
    const QString group = coverGroup(workspace, assessmentId);
    if (!cover.on && cover.summary.isEmpty() && cover.recommendations.isEmpty() && cover.risks.isEmpty()) {
        settings.remove(group);  // nothing typed: nothing kept
        return;
    }
    settings.beginGroup(group);
    settings.setValue(QStringLiteral("on"), cover.on);
    settings.setValue(QStringLiteral("purpose"), cover.purpose);
    settings.setValue(QStringLiteral("summary"), cover.summary);
    settings.setValue(QStringLiteral("recommendations"), cover.recommendations);
    settings.setValue(QStringLiteral("risks"), cover.risks);
}

QString rememberedWordTemplate()
{
    const QString path = QSettings().value(QStringLiteral("reports/wordTemplate")).toString();
    return !path.isEmpty() && QFileInfo(path).isFile() ? path : QString();
}

void rememberWordTemplate(const QString &path)
{
    QSettings().setValue(QStringLiteral("reports/wordTemplate"), path.trimmed());
}

void restoreFields(const ReportFields &f, const QString &workspace, std::int64_t assessmentId)
{
    const RememberedCover c = rememberedCover(workspace, assessmentId);
    const QSignalBlocker quiet[] = {QSignalBlocker(f.cover),   QSignalBlocker(f.purpose), QSignalBlocker(f.summary),
                                    QSignalBlocker(f.recommendations), QSignalBlocker(f.risks),
                                    QSignalBlocker(f.wordTemplate)};
    f.cover->setChecked(c.on);
    f.purpose->setCurrentIndex(std::max(0, f.purpose->findData(c.purpose)));
    f.summary->setPlainText(c.summary);
    f.recommendations->setPlainText(c.recommendations);
    f.risks->setPlainText(c.risks);
    f.wordTemplate->setText(rememberedWordTemplate());
}

void rememberFields(const ReportFields &f, const QString &workspace, std::int64_t assessmentId)
{
    rememberCover(workspace, assessmentId,
                  {f.cover->isChecked(), f.purpose->currentData().toString(), f.summary->toPlainText(),
                   f.recommendations->toPlainText(), f.risks->toPlainText()});
    rememberWordTemplate(f.wordTemplate->text());
}

}  // namespace hicm::gui
