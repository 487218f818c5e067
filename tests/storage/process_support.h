// Child processes for the storage tests: crash safety, two writers, OS-level read-only files.
// A child never returns into Catch: it runs its body and _exit()s.
#pragma once

#include <csignal>
#include <functional>
#include <string>

#include <grp.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hicm::test {

struct Child {
    pid_t pid = -1;
    int fd = -1;  // read end of the pipe the child writes to
};

// Runs `body(writeFd)` in a forked child; its return value is the exit code.
inline Child spawn(const std::function<int(int)> &body)
{
    int p[2];
    if (::pipe(p) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(p[0]);
        int rc = 99;
        try {
            rc = body(p[1]);
        } catch (...) {
        }
        ::_exit(rc);
    }
    ::close(p[1]);
    return {pid, p[0]};
}

// Everything the child wrote until it closed the pipe or died; closes the fd.
inline std::string readAll(int fd)
{
    std::string out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0)
            out.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    ::close(fd);
    return out;
}

// The child's exit code, or 128 + signal.
inline int waitFor(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

inline void writeAll(int fd, const std::string &text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0 && errno != EINTR)
            return;
        if (n > 0)
            done += static_cast<std::size_t>(n);
    }
}

constexpr uid_t kNobody = 65534;

// In a child running as root: become "nobody", so file permissions apply. False if that is not allowed.
inline bool dropRoot()
{
    return ::setgroups(0, nullptr) == 0 && ::setgid(kNobody) == 0 && ::setuid(kNobody) == 0 && ::geteuid() == kNobody;
}

}  // namespace hicm::test
