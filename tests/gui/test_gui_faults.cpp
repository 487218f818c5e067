// A framework file replaced by garbage between runs: the app refuses to start on it, showing the
// loader's message and the file's name, and the workspace (with its stored copy of the framework each
// assessment was scored on) is left exactly as it was and opens as before with the bundled framework.
#include "application.h"
#include "framework_loader.h"
#include "hash.h"
#include "mainwindow.h"
#include "messages.h"
#include "session.h"
#include "test_paths.h"
#include "workspace.h"

#include <catch2/catch.hpp>

using namespace hicm;
using namespace hicm::gui;
using namespace hicm::test;

TEST_CASE("the app refuses a framework file turned to garbage with the loader's message, and the workspace "
          "is unaffected", "[gui][faults]")
{
    TempDir dir("hicm-gui-garbage");
    const std::string path = dir.file("w.hicmws");
    const std::string framework = dir.file("framework.json");
    const std::string original = readFile(kFixturesDir + "/mini-framework.json");
    writeFile(framework, original);
    std::int64_t id = 0;
    {
        // The first run: an assessment scored on the framework file.
        StartupOptions options;
        options.framework = QString::fromStdString(framework);
        options.workspace = QString::fromStdString(path);
        auto window = createMainWindow(options);
        REQUIRE(window);
        REQUIRE(window->session());
        auto created = window->newAssessment(QStringLiteral("North Shire"));
        REQUIRE(created);
        id = *created;
        window->session()->setAgreedLevel("B1", 2);
    }
    const std::string workspaceBefore = sha256Hex(readFile(path));

    const std::string garbage = "[\"this was a framework\", 1, 2,";
    writeFile(framework, garbage);
    const auto expected = parseFramework(garbage, framework);
    REQUIRE_FALSE(expected.ok());

    Messages::clearRecorded();
    StartupOptions options;
    options.framework = QString::fromStdString(framework);
    options.workspace = QString::fromStdString(path);
    CHECK_FALSE(createMainWindow(options));
    REQUIRE(Messages::recorded().size() == 1);
    const QString shown = Messages::recorded().front();
    CHECK(shown.contains(QStringLiteral("Cannot use this framework file")));
    CHECK(shown.contains(QString::fromStdString(expected.problems.front().toString())));
    CHECK(sha256Hex(readFile(path)) == workspaceBefore);

    // With the bundled framework the app opens the workspace; the assessment keeps its own framework.
    options.framework.clear();
    auto window = createMainWindow(options);
    REQUIRE(window);
    REQUIRE(window->session());
    REQUIRE(window->openAssessment(id));
    CHECK(window->session()->assessment().feature("B1")->agreedLevel == 2);
    auto stored = window->session()->frameworkJson(id);
    REQUIRE(stored.ok());
    CHECK(*stored == original);
}
