// The CLI's one contact with the operating system's signals: while a StopSignal lives, Ctrl+C and a
// polite stop (POSIX SIGINT/SIGTERM; Windows the same two through the C runtime) quit the Qt event
// loop, so a command that serves until stopped (`room`) closes cleanly and exits 0. POSIX and Windows in
// the same file (stop_signal.cpp), as storage's platform.cpp does for files (docs/packaging.md).
#pragma once

#include <memory>

namespace hicm::cli {

class StopSignal {
public:
    StopSignal();   // installs the handlers; ok() says whether it could
    ~StopSignal();  // puts the earlier handlers back
    StopSignal(const StopSignal &) = delete;
    StopSignal &operator=(const StopSignal &) = delete;

    bool ok() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

}  // namespace hicm::cli
