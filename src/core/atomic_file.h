// Writing a whole file or nothing: the one writer of the CLI's exchange files and of peer extracts
// (core, so without Qt; the Qt side uses QSaveFile). Qt-free.
#pragma once

#include <string>

namespace hicm {

// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place, so a failed
// write never leaves half a file behind and an existing file is either replaced whole or left as it was.
// Returns an error message (without the path), empty on success. The caller checks the output guard
// (storage::outputRefusal) first.
std::string writeFileAtomically(const std::string &path, const std::string &bytes);

}  // namespace hicm
