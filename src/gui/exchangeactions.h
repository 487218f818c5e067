// File › Export / Import / Merge for the app: exchange files (docs/exchange-format.md) through file
// dialogs, with every problem of a refused file shown and nothing changed. For the main window's menus.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

class QWidget;

namespace hicm::gui {

class Session;

// The guard before every file the app writes (export, report, CSV): false, after saying why, when `path`
// is the open workspace, one of its journal files or backups, or any workspace (storage/output_guard.h).
bool outputAllowed(Session &session, QWidget *parent, const QString &path, const QString &title);

// Writes the open assessment to an exchange file: `path`, or one the user picks. True when written.
bool exportOpenAssessment(Session &session, QWidget *parent, const QString &path = {});

// Reads an exchange file (`path`, or one the user picks) and adds its assessment to the workspace as a
// new one, as one undoable step; refuses a file with any problem, listing them all. The new id, or
// nullopt when nothing was imported.
std::optional<std::int64_t> importExchangeFile(Session &session, QWidget *parent, const QString &path = {});

// Reads a partner's exchange file (`path`, or one the user picks) and shows the merge view for the open
// assessment (MergeDialog). True when a merge was stored.
bool mergeExchangeFile(Session &session, QWidget *parent, const QString &path = {});

} // namespace hicm::gui
