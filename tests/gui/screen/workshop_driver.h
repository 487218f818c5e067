// Drives the real main window as a facilitator does: keys go to whatever has the focus, as a person's
// keys arrive, and modal dialogs are answered from the keyboard while they are open. After every step the
// whole stored assessment is read back through storage (a second, read-only connection, never the
// window's copy) and compared with what the step meant to change.
#pragma once

#include "assessment_json.h"
#include "workspace.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <QApplication>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace hicm::guitest {

inline QWidget *focused()
{
    QWidget *w = QApplication::focusWidget();
    if (!w) {
        // The offscreen platform does not give the focus back to the window after it changed state (full
        // screen, a dialog closed), as a desktop does: give it back, as the desktop would.
        for (QWidget *top : QApplication::topLevelWidgets())
            if (top->isVisible() && !top->isModal() && top->inherits("QMainWindow"))
                QApplication::setActiveWindow(top);
        w = QApplication::focusWidget();
    }
    REQUIRE(w);
    return w;
}

// A key (with modifiers) to the focused widget; text typed into it.
inline void press(int key, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QTest::keyClick(focused(), static_cast<Qt::Key>(key), mods);
    QApplication::processEvents();
    if (mods & Qt::AltModifier)
        QTest::qWait(150);  // a mnemonic "animates" its button's click for 100 ms, as a person sees it
}

// Each character to whatever has the focus when it arrives (the first digit typed into a table cell opens
// its editor, which takes the rest).
inline void type(const QString &text)
{
    for (const QChar c : text) {
        QTest::keyClicks(focused(), QString(c));
        QApplication::processEvents();
    }
}

// With HICM_WORKSHOP_SHOTS=DIR (scripts/workshop runs it under xvfb-run): a PNG of `window` as the
// facilitator sees it at this step, to look at.
inline void shot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("HICM_WORKSHOP_SHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(150);
    window->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Runs `answer` once the modal dialog that `open` brings up has the focus.
inline void withDialog(const std::function<void()> &open, const std::function<void(QWidget *dialog)> &answer)
{
    bool answered = false;
    QTimer::singleShot(0, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        REQUIRE(dialog);
        // The window system gives a new dialog the focus (the offscreen platform needs telling).
        QApplication::setActiveWindow(dialog);
        if (!dialog->isAncestorOf(QApplication::focusWidget()))
            dialog->nextInFocusChain()->setFocus(Qt::TabFocusReason);
        REQUIRE(dialog->isAncestorOf(QApplication::focusWidget()));
        answer(dialog);
        answered = true;
        if (QApplication::activeModalWidget() == dialog) {  // the keys did not close it: fail, never hang
            FAIL_CHECK("the dialog is still open after the keys");
            dialog->close();
        }
    });
    QWidget *before = QApplication::activeWindow();
    open();
    REQUIRE(answered);
    if (before && !QApplication::focusWidget()) {  // the window system gives the focus back when it closes
        QApplication::setActiveWindow(before);
        QApplication::processEvents();
    }
}

// The stored assessment as `hicm-assess-cli show ID --json` prints it, less its `updated` time.
inline nlohmann::json stored(const std::string &workspace, std::int64_t id)
{
    storage::OpenOptions options;
    options.mode = storage::OpenMode::ReadOnly;
    options.create = false;
    auto ws = storage::Workspace::open(workspace, options);
    REQUIRE(ws);
    auto a = ws->loadAssessment(id);
    REQUIRE(a);
    nlohmann::json j = assessmentToJson(*a);
    j.erase("updated");
    return j;
}

// The JSON paths that differ between two stored copies.
inline std::set<std::string> changedPaths(const nlohmann::json &before, const nlohmann::json &after)
{
    std::set<std::string> paths;
    for (const auto &op : nlohmann::json::diff(before, after))
        paths.insert(op.at("path").get<std::string>());
    return paths;
}

// Follows one assessment through the workshop: each step names the only places it may change.
class Ledger {
public:
    Ledger(std::string workspace, std::int64_t id) : m_workspace(std::move(workspace)), m_id(id), m_last(stored(m_workspace, id)) {}

    // Every changed path starts with one of `allowed`, and each of `allowed` changed.
    void expectOnly(const std::string &step, const std::vector<std::string> &allowed)
    {
        const nlohmann::json now = stored(m_workspace, m_id);
        const auto paths = changedPaths(m_last, now);
        INFO("step: " << step);
        for (const auto &p : paths) {
            bool ok = false;
            for (const auto &a : allowed)
                ok = ok || p.rfind(a, 0) == 0;
            INFO("changed without being asked: " << p);
            CHECK(ok);
        }
        for (const auto &a : allowed) {
            bool changed = false;
            for (const auto &p : paths)
                changed = changed || p.rfind(a, 0) == 0;
            INFO("did not change: " << a);
            CHECK(changed);
        }
        m_last = now;
    }
    void expectNothing(const std::string &step) { expectOnly(step, {}); }
    const nlohmann::json &last() const { return m_last; }
    std::int64_t id() const { return m_id; }
    void follow(std::int64_t id)
    {
        m_id = id;
        m_last = stored(m_workspace, id);
    }

private:
    std::string m_workspace;
    std::int64_t m_id;
    nlohmann::json m_last;
};

}  // namespace hicm::guitest
