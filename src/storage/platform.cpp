#include "platform.h"

#ifdef _WIN32
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace hicm::platform {

#ifdef _WIN32

long processId()
{
    return static_cast<long>(::_getpid());
}

bool processAlive(long pid)
{
    HANDLE process = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!process)
        return ::GetLastError() == ERROR_ACCESS_DENIED;  // it exists, but is another user's
    DWORD code = 0;
    const bool running = ::GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    ::CloseHandle(process);
    return running;
}

bool canWrite(const std::string &path)
{
    return ::_waccess(std::filesystem::path(path).c_str(), 2) == 0;
}

bool canCreateIn(const std::string &folder)
{
    return canWrite(folder);
}

void syncFolder(const std::filesystem::path &)
{
    // NTFS journals a folder's entries itself; there is no folder handle to flush.
}

#else

long processId()
{
    return static_cast<long>(::getpid());
}

bool processAlive(long pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

bool canWrite(const std::string &path)
{
    return ::access(path.c_str(), W_OK) == 0;
}

bool canCreateIn(const std::string &folder)
{
    return ::access(folder.c_str(), W_OK | X_OK) == 0;
}

void syncFolder(const std::filesystem::path &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

#endif

}  // namespace hicm::platform
