#include "backup.h"

#include "platform.h"
#include "workspace_impl.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;

namespace hicm::storage {

namespace {

constexpr const char *kRotatingPrefix = "auto-";
constexpr const char *kExtension = ".hicmws";
constexpr const char *kPartial = ".partial-";

// "20240501T101112345Z": sorts in time order, safe in file names everywhere.
std::string stamp()
{
    std::string t = nowUtc();  // 2024-05-01T10:11:12.345Z
    t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '-' || c == ':' || c == '.'; }), t.end());
    return t;
}

// What the workspace holds, as far as backups care: schema version, change-log position and the time of
// the newest log row. Every edit appends to the change log or, within a burst of typing, gives its newest
// row a later time (WriteTxn::logTyping), so an unchanged marker means unchanged content.
std::string contentMarker(SQLite::Database &db)
{
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    long long seq = 0;
    SQLite::Statement q(db, "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
    if (q.executeStep())
        seq = q.getColumn(0).getInt64();
    std::string newest;
    SQLite::Statement at(db, "SELECT at FROM change_log ORDER BY id DESC LIMIT 1");
    if (at.executeStep())
        for (const char c : at.getColumn(0).getString())
            if (std::isalnum(static_cast<unsigned char>(c)))
                newest += c;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "-v%d-s%012lld", version, seq);
    return buffer + (newest.empty() ? std::string() : "-" + newest.substr(0, 24)) + std::string(kExtension);
}

bool startsWith(const std::string &s, const std::string &prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Temporary files of backups whose writer died (killed mid-backup) are removed.
void removeStalePartials(const fs::path &folder)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        const auto at = name.find(kPartial);
        if (at == std::string::npos)
            continue;
        const long pid = std::strtol(name.c_str() + at + std::strlen(kPartial), nullptr, 10);
        if (pid > 0 && !platform::processAlive(pid))
            fs::remove(entry.path(), ec);
    }
}

}  // namespace

std::string backupFolder(const std::string &workspacePath)
{
    return workspacePath + ".backups";
}

std::vector<std::string> rotatingBackups(const std::string &workspacePath)
{
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(backupFolder(workspacePath), ec)) {
        const std::string name = entry.path().filename().string();
        if (startsWith(name, kRotatingPrefix) && endsWith(name, kExtension) && entry.is_regular_file(ec))
            out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end(), std::greater<>());
    return out;
}

Result<std::string> writeBackup(SQLite::Database &source, const std::string &workspacePath, const std::string &name)
{
    const fs::path folder = backupFolder(workspacePath);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return StorageError{StorageError::Kind::Io, workspacePath,
                            "cannot create the backup folder " + folder.string() + " (" + ec.message() + ")"};
    removeStalePartials(folder);
    const fs::path target = folder / name;
    const fs::path temporary = folder / (name + kPartial + std::to_string(platform::processId()));
    try {
        {
            SQLite::Database dest(temporary.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(dest, "main", source, "main");
            for (int attempt = 0;; ++attempt) {
                const int rc = backup.executeStep(-1);
                if (rc == SQLITE_DONE)
                    break;
                if (attempt > 100)
                    throw SQLite::Exception("the workspace stayed busy during the backup", rc);
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        fs::rename(temporary, target);
    } catch (const std::exception &e) {
        fs::remove(temporary, ec);
        return StorageError{StorageError::Kind::Io, workspacePath,
                            "cannot write the backup " + target.string() + " (" + e.what() + ")"};
    }
    return target.string();
}

Result<std::string> backupBeforeMigration(SQLite::Database &source, const std::string &workspacePath, int fromVersion)
{
    return writeBackup(source, workspacePath, "before-upgrade-from-v" + std::to_string(fromVersion) + "-" + stamp() + kExtension);
}

Result<std::string> rotatingBackup(SQLite::Database &source, const std::string &workspacePath, int keep)
{
    std::string marker;
    try {
        marker = contentMarker(source);
    } catch (const std::exception &e) {
        return sqliteError(workspacePath, e);
    }
    auto existing = rotatingBackups(workspacePath);
    std::string written;
    if (existing.empty() || !endsWith(existing.front(), marker)) {
        auto result = writeBackup(source, workspacePath, kRotatingPrefix + stamp() + marker);
        if (!result)
            return result;
        written = *result;
        existing = rotatingBackups(workspacePath);
    }
    std::error_code ec;
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < existing.size(); ++i)
        fs::remove(existing[i], ec);
    return written;
}

}  // namespace hicm::storage
