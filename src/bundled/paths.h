// Where the programs keep their files; shared by the app and the CLI.
#pragma once

#include <string>

namespace hicm {

// The default workspace: "<data folder>/HICM Assess/workspace.hicmws" (QStandardPaths::GenericDataLocation,
// e.g. ~/.local/share/HICM Assess/ on Linux). Creates the folder if needed; the file itself is created
// by the storage layer on first use.
std::string defaultWorkspacePath();

}  // namespace hicm
