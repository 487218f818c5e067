// The guard every writer of output (export, CSV, report; CLI and app) calls before choosing its file:
// no output ever lands on a workspace, its journal files ("-wal", "-shm", "-journal") or its backups.
#pragma once

#include <string>

namespace hicm::storage {

// Why `outputPath` must not be written, empty when it may. Refused: the open workspace `workspacePath`
// (empty: none) or one of its journal files or backups, reached by any path or link (compared by
// device and inode, and by canonical path for files that do not exist yet); and any file that is a
// HICM Assess workspace or the journal file of one, whatever workspace is open.
std::string outputRefusal(const std::string &outputPath, const std::string &workspacePath);

}  // namespace hicm::storage
