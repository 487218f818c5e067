#include "output_guard.h"

#include "backup.h"
#include "workspace.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

namespace hicm::storage {

namespace {

const char *const kJournalSuffixes[] = {"-wal", "-shm", "-journal"};

bool samePath(const fs::path &a, const fs::path &b)
{
    std::error_code ec1, ec2;
    if (fs::exists(a, ec1) && fs::exists(b, ec2)) {
        std::error_code ec;
        return fs::equivalent(a, b, ec);  // same device and inode: any path, hard or symbolic link
    }
    std::error_code ec;
    const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
    const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return ca == cb;
}

// True when the file starts like a HICM Assess workspace (SQLite header with our application id).
bool isWorkspaceFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 72> header{};
    if (!in.read(reinterpret_cast<char *>(header.data()), header.size()))
        return false;
    if (std::memcmp(header.data(), "SQLite format 3", 16) != 0)
        return false;
    const std::uint32_t appId = (std::uint32_t(header[68]) << 24) | (std::uint32_t(header[69]) << 16) |
                                (std::uint32_t(header[70]) << 8) | std::uint32_t(header[71]);
    return appId == static_cast<std::uint32_t>(kApplicationId);
}

// The workspace a journal file belongs to ("x.hicmws-wal" -> "x.hicmws"), empty when it is none.
fs::path journalOwner(const fs::path &path)
{
    const std::string name = path.string();
    for (const char *suffix : kJournalSuffixes) {
        const std::size_t n = std::strlen(suffix);
        if (name.size() > n && name.compare(name.size() - n, n, suffix) == 0)
            return fs::path(name.substr(0, name.size() - n));
    }
    return {};
}

}  // namespace

std::string outputRefusal(const std::string &outputPath, const std::string &workspacePath)
{
    const std::string tail = "; nothing was written (choose another file name)";
    const fs::path out(outputPath);
    std::error_code ec;
    if (fs::is_directory(out, ec))
        return outputPath + " is a folder" + tail;
    if (!workspacePath.empty()) {
        const fs::path ws(workspacePath);
        if (samePath(out, ws))
            return outputPath + " is the open workspace " + workspacePath + tail;
        for (const char *suffix : kJournalSuffixes)
            if (samePath(out, fs::path(workspacePath + suffix)))
                return outputPath + " is the journal file of the open workspace " + workspacePath + tail;
        if (samePath(fs::absolute(out, ec).parent_path(), fs::path(backupFolder(workspacePath))))
            return outputPath + " is in the backup folder of the open workspace" + tail;
    }
    if (fs::exists(out, ec) && isWorkspaceFile(out))
        return outputPath + " is a HICM Assess workspace" + tail;
    const fs::path owner = journalOwner(out);
    if (!owner.empty() && fs::exists(owner, ec) && isWorkspaceFile(owner))
        return outputPath + " is the journal file of the workspace " + owner.string() + tail;
    return {};
}

}  // namespace hicm::storage
