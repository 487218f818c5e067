#include "messages.h"

#include <QPushButton>
#include <QTextStream>

namespace hicm::gui {

bool Messages::s_automatic = false;
QMessageBox::StandardButton Messages::s_answer = QMessageBox::Ok;
QStringList Messages::s_recorded;

void Messages::error(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    QTextStream(stderr) << title << ": " << text << (details.isEmpty() ? QString() : "\n" + details) << "\n";
    if (s_automatic) {
        s_recorded << title + ": " + text + (details.isEmpty() ? QString() : "\n" + details);
        return;
    }
    QMessageBox box(QMessageBox::Critical, title, text, QMessageBox::Ok, parent);
    if (!details.isEmpty())
        box.setInformativeText(details);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    box.exec();
}

QMessageBox::StandardButton Messages::question(QWidget *parent, const QString &title, const QString &text,
                                               QMessageBox::StandardButtons buttons,
                                               QMessageBox::StandardButton defaultButton)
{
    if (s_automatic) {
        s_recorded << title + ": " + text;
        return s_answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

int Messages::choose(QWidget *parent, const QString &title, const QString &text, const QStringList &choices)
{
    if (s_automatic) {
        s_recorded << title + ": " + text;
        return s_answer == QMessageBox::Cancel || choices.isEmpty() ? -1 : 0;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QList<QAbstractButton *> buttons;
    for (const QString &choice : choices)
        buttons << box.addButton(choice, QMessageBox::AcceptRole);
    if (!buttons.isEmpty())
        box.setDefaultButton(qobject_cast<QPushButton *>(buttons.first()));
    box.exec();
    return static_cast<int>(buttons.indexOf(box.clickedButton()));
}

void Messages::setAutomatic(bool automatic, QMessageBox::StandardButton answer)
{
    s_automatic = automatic;
    s_answer = answer;
}

const QStringList &Messages::recorded()
{
    return s_recorded;
}

void Messages::clearRecorded()
{
    s_recorded.clear();
}

}  // namespace hicm::gui
