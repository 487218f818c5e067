// What the export dialog remembers between openings (QSettings): the board cover sheet typed for an
// assessment, per workspace file and assessment, so that closing the dialog after the PDF does not lose it
// before the Word version; and the board's Word template, for every report (it is the board's, not the
// assessment's), as long as the file is still there.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

class QComboBox;
class QGroupBox;
class QLineEdit;
class QPlainTextEdit;

namespace hicm::gui {

struct RememberedCover {
    bool on = false;
    QString purpose;
    QString summary;
    QString recommendations;  // as typed: one per line
    QString risks;
};

RememberedCover rememberedCover(const QString &workspace, std::int64_t assessmentId);
void rememberCover(const QString &workspace, std::int64_t assessmentId, const RememberedCover &cover);

// The template last chosen, or empty when none was or its file is gone.
QString rememberedWordTemplate();
void rememberWordTemplate(const QString &path);

// The export dialog's fields, filled from what was remembered (without their change signals) and
// remembered from.
struct ReportFields {
    QGroupBox *cover;
    QComboBox *purpose;  // its items' data: "decision", "assurance", "information"
    QPlainTextEdit *summary;
    QPlainTextEdit *recommendations;
    QPlainTextEdit *risks;
    QLineEdit *wordTemplate;
};
void restoreFields(const ReportFields &fields, const QString &workspace, std::int64_t assessmentId);
void rememberFields(const ReportFields &fields, const QString &workspace, std::int64_t assessmentId);

}  // namespace hicm::gui
