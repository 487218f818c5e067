// Every message box the app shows goes through here, so tests can answer it instead of a person
// and no modal dialog ever blocks a test.
#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

class QWidget;

namespace hicm::gui {

class Messages {
public:
    // Shows an error (and writes it to stderr, for scripts and logs).
    static void error(QWidget *parent, const QString &title, const QString &text, const QString &details = {});
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    // Asks the user to pick one of `choices` (button texts, the first the default) or Cancel: the index
    // picked, or -1. While automatic: the first choice, or -1 when the automatic answer is Cancel.
    static int choose(QWidget *parent, const QString &title, const QString &text, const QStringList &choices);

    // Test seam: while set, no box is shown; errors are recorded and questions get this answer.
    static void setAutomatic(bool automatic, QMessageBox::StandardButton answer = QMessageBox::Ok);
    static const QStringList &recorded();
    static void clearRecorded();

private:
    static bool s_automatic;
    static QMessageBox::StandardButton s_answer;
    static QStringList s_recorded;
};

}  // namespace hicm::gui
