// Catch2 runner for the GUI tests: one QApplication for the whole run, no message box ever shown.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "application.h"
#include "document.h"
#include "messages.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    hicm::gui::setApplicationIdentity();
    QCoreApplication::setOrganizationName(QStringLiteral("HICM Assess Tests"));
    hicm::gui::Messages::setAutomatic(true);
    // Every edit's in-memory copy is checked against the file (a view never shows what is not stored).
    hicm::document::Document::setVerifyEveryEdit(true);
    return Catch::Session().run(argc, argv);
}
