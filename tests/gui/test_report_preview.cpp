// The report preview shows the board cover sheet as soon as it is filled in, as the saved files have it
// (issue 17), and drops it again when the sheet is switched off; the results charts describe themselves
// with the report's words; Enter in the export dialog's fields saves the PDF; the dialog keeps an
// assessment's cover sheet and the board's template for its next opening.
#include "gui_test_support.h"
#include "mainwindow.h"
#include "chartview.h"
#include "prioritisation.h"
#include "report_data.h"
#include "report_sink.h"
#include "reportdialog.h"
#include "resultscharts.h"
#include "session.h"
#include "test_paths.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace hicm;
using namespace hicm::gui;
using hicm::guitest::openWindow;

TEST_CASE("the report preview shows the cover sheet when one is filled in", "[gui][report]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("preview.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Vale")));
    w->session()->addPartner(Partner{0, "Vale ICB", OrgType::Icb, ""});
    w->session()->setAgreedLevel("B1", 1);
    ReportDialog dialog(*w->session(), w.get());
    const int without = dialog.pageCount();
    REQUIRE(without >= 4);
    const auto pageLabels = [&] {
        return dialog.findChild<QScrollArea *>()->widget()->findChildren<QLabel *>().size();
    };
    CHECK(pageLabels() == without);

    // Typed into the dialog's own fields: the preview gains the sheet once typing pauses.
    auto *box = dialog.findChild<QGroupBox *>();
    REQUIRE(box);
    REQUIRE(box->isCheckable());
    box->setChecked(true);
    auto *summary = dialog.findChildren<QPlainTextEdit *>().value(0);
    REQUIRE(summary);
    summary->setPlainText(QStringLiteral("For the board to note the plan"));
    for (int i = 0; i < 50 && dialog.pageCount() != without + 1; ++i)
        QTest::qWait(100);
    REQUIRE(dialog.pageCount() == without + 1);
    CHECK(pageLabels() == without + 1);
    CHECK(dialog.findChild<QScrollArea *>()->widget()->findChildren<QLabel *>().value(0)->accessibleName() ==
          QStringLiteral("Page 1 of %1").arg(without + 1));

    // Switched off: the sheet leaves the preview.
    dialog.setCoverSheet(false, {}, {}, {}, {});
    CHECK(dialog.pageCount() == without);
    CHECK(pageLabels() == without);
}

TEST_CASE("the results charts describe themselves in the report's words", "[gui][report]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("charts.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Vale")));
    w->session()->addPartner(Partner{0, "Vale ICB", OrgType::Icb, ""});
    w->session()->setAgreedLevel("B1", 2);
    const Framework &fw = w->session()->framework();
    const Assessment &a = w->session()->assessment();
    ChartView radar(QStringLiteral("Radar")), heat(QStringLiteral("Heat map"));
    setResultsCharts(radar, heat, fw, a, nullptr);
    const Prioritisation p = prioritise(fw, a);
    // One text for the screen and the report (the PDF's /Alt, the HTML, the ODT's svg:desc).
    CHECK(radar.accessibleDescription() == report::chartDescription(report::radarFor(fw, p, nullptr, QString())));
    CHECK(heat.accessibleDescription() == report::chartDescription(report::heatMapFor(fw, a, p)));
    CHECK(radar.accessibleDescription().startsWith(QStringLiteral("Radar chart of the level of each of")));
}

TEST_CASE("Enter in the export dialog's fields saves the default report, the tagged PDF", "[gui][report]")
{
    test::TempDir dir;
    auto w = openWindow(dir.file("enter.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Vale")));
    ReportDialog dialog(*w->session(), w.get());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QPushButton *pdf = nullptr;
    for (QPushButton *b : dialog.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Save as &PDF…"))
            pdf = b;
    REQUIRE(pdf);
    // Focus in the Word template's field and in the cover sheet's summary, as a facilitator types there.
    auto *templateField = dialog.findChild<QLineEdit *>();
    REQUIRE(templateField);
    for (QWidget *field : {static_cast<QWidget *>(templateField),
                           static_cast<QWidget *>(dialog.findChildren<QPlainTextEdit *>().value(0))}) {
        field->setFocus();
        QApplication::processEvents();
        CHECK(pdf->isDefault());
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b != pdf) {
                INFO(b->text().toStdString());
                CHECK_FALSE(b->isDefault());
            }
    }
}

TEST_CASE("the export dialog keeps an assessment's cover sheet and the board's Word template when closed and opened again",
          "[gui][report]")
{
    test::TempDir dir;
    // Settings of this test's own: another test running at the same time has an export dialog of its own,
    // which remembers its (empty) Word template when it closes.
    struct OwnSettings {
        explicit OwnSettings(const QString &folder)
        {
            QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
        }
        ~OwnSettings()
        {
            QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                               QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
        }
    } own(QString::fromStdString(dir.file("settings")));
    auto w = openWindow(dir.file("keep.hicmws"));
    REQUIRE(w->newAssessment(QStringLiteral("Vale")));
    w->session()->addPartner(Partner{0, "Vale ICB", OrgType::Icb, ""});
    const std::string templateFile = dir.file("board-template.docx");
    std::ofstream(templateFile) << "a template";  // only its existence matters here
    int without = 0;
    {
        ReportDialog dialog(*w->session(), w.get());
        without = dialog.pageCount();
        // Typed into the fields, then the dialog closed before the preview caught up.
        auto *box = dialog.findChild<QGroupBox *>();
        box->setChecked(true);
        const auto edits = dialog.findChildren<QPlainTextEdit *>();
        REQUIRE(edits.size() == 3);
        edits[0]->setPlainText(QStringLiteral("For the board to note the plan"));
        edits[1]->setPlainText(QStringLiteral("Agree the order\nFund the single point of access"));
        edits[2]->setPlainText(QStringLiteral("Winter pressure"));
        auto *purpose = dialog.findChild<QComboBox *>();
        purpose->setCurrentIndex(purpose->findData(QStringLiteral("assurance")));
        dialog.findChild<QLineEdit *>()->setText(QString::fromStdString(templateFile));
    }
    {
        ReportDialog dialog(*w->session(), w.get());
        CHECK(dialog.findChild<QGroupBox *>()->isChecked());
        const auto edits = dialog.findChildren<QPlainTextEdit *>();
        CHECK(edits[0]->toPlainText() == QStringLiteral("For the board to note the plan"));
        CHECK(edits[1]->toPlainText() == QStringLiteral("Agree the order\nFund the single point of access"));
        CHECK(edits[2]->toPlainText() == QStringLiteral("Winter pressure"));
        CHECK(dialog.findChild<QComboBox *>()->currentData().toString() == QStringLiteral("assurance"));
        CHECK(dialog.findChild<QLineEdit *>()->text() == QString::fromStdString(templateFile));
        CHECK(dialog.pageCount() == without + 1);  // the preview shows the sheet straight away
    }
    // Another assessment has a cover sheet of its own (none yet); the board's template is the same.
    REQUIRE(w->newAssessment(QStringLiteral("Other")));
    {
        ReportDialog dialog(*w->session(), w.get());
        CHECK_FALSE(dialog.findChild<QGroupBox *>()->isChecked());
        CHECK(dialog.findChildren<QPlainTextEdit *>().value(0)->toPlainText().isEmpty());
        CHECK(dialog.findChild<QLineEdit *>()->text() == QString::fromStdString(templateFile));
    }
    // A template whose file has gone is not offered again.
    std::filesystem::remove(templateFile);
    ReportDialog dialog(*w->session(), w.get());
    CHECK(dialog.findChild<QLineEdit *>()->text().isEmpty());
}
