// The few operating-system calls the storage layer and the CLI make, behind one small interface: POSIX
// here, Windows in the same file (docs/packaging.md). Everything else uses std::filesystem.
#pragma once

#include <filesystem>
#include <string>

namespace hicm::platform {

// This process's id, for temporary names no other process picks.
long processId();

// Whether the process `pid` is still running (a stale temporary file of one that died may be removed).
bool processAlive(long pid);

// Whether this process may write the file `path`, or create files in the folder `path`, as the operating
// system decides (root, ACLs, read-only mounts), not only by the permission bits.
bool canWrite(const std::string &path);
bool canCreateIn(const std::string &folder);

// Makes a file's creation, renaming or removal in `folder` durable (POSIX: fsync of the folder). Best
// effort: a folder that cannot be opened is left as it is.
void syncFolder(const std::filesystem::path &folder);

}  // namespace hicm::platform
