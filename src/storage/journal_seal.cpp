#include "journal_seal.h"

#include "file_checks.h"
#include "workspace_impl.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace hicm::storage {

namespace {

// Tokens the journal wrote while checkpoints could not keep up, kept after the base; older ones dropped.
constexpr std::size_t kChainTokens = 64;

std::uintmax_t walSize(const std::string &path)
{
    std::error_code ec;
    const auto size = fs::file_size(path + "-wal", ec);
    return ec ? 0 : size;
}

std::string newToken()
{
    std::random_device random;
    std::ostringstream out;
    out << std::hex << random() << random() << random() << random();
    return out.str();
}

struct Seal {
    std::string token, base, chain;
};

std::optional<Seal> readSeal(SQLite::Database &db, bool tableKnown = false)
{
    if (!tableKnown && !db.tableExists("workspace_seal"))
        return std::nullopt;
    SQLite::Statement q(db, "SELECT token, base, chain FROM workspace_seal WHERE id = 1");
    if (!q.executeStep())
        return std::nullopt;
    return Seal{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()};
}

// The file alone, without its journal (immutable=1 makes SQLite ignore the "-wal").
std::optional<Seal> fileSeal(const std::string &path)
{
    auto db = openImmutable(path);
    return readSeal(*db);
}

bool belongs(const Seal &file, const Seal &journal)
{
    if (file.token == journal.token || file.token == journal.base)
        return true;
    std::istringstream chain(journal.chain);
    for (std::string token; chain >> token;)
        if (token == file.token)
            return true;
    return false;
}

}  // namespace

void advanceSeal(SQLite::Database &db, const std::string &path, bool tableKnown)
{
    if (!tableKnown)
        db.exec("CREATE TABLE IF NOT EXISTS workspace_seal (id INTEGER PRIMARY KEY CHECK (id = 1), "
                "token TEXT NOT NULL, base TEXT NOT NULL, chain TEXT NOT NULL DEFAULT '')");
    const auto old = readSeal(db, true);
    Seal next;
    next.token = newToken();
    if (!old) {
        next.base = next.token;
    } else if (walSize(path) == 0) {  // under the write lock: the journal is empty, the file holds old->token
        next.base = old->token;
    } else {
        next.base = old->base;
        next.chain = old->chain + (old->chain.empty() ? "" : " ") + old->token;
        if (next.chain.size() > kChainTokens * 33)
            next.chain.erase(0, next.chain.find(' ', next.chain.size() - kChainTokens * 33) + 1);
    }
    SQLite::Statement up(db, "INSERT INTO workspace_seal (id, token, base, chain) VALUES (1, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET token = excluded.token, base = excluded.base, "
                             "chain = excluded.chain");
    up.bind(1, next.token);
    up.bind(2, next.base);
    up.bind(3, next.chain);
    up.exec();
}

bool hasSealTable(SQLite::Database &db)
{
    return db.tableExists("workspace_seal");
}

Result<std::string> setAsideForeignJournal(const std::string &path)
{
    // A program still writing moves the file and journal on between the two looks below; a journal left
    // over from another file does not. So a mismatch counts only when it stays.
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (walSize(path) == 0)
            return std::string();
        try {
            const auto file = fileSeal(path);
            if (!file)
                return std::string();  // a workspace from before seals: nothing to compare with
            std::optional<Seal> journal;
            try {
                auto db = openReadOnly(path, 2000);
                journal = readSeal(*db);
            } catch (const std::exception &) {
                // the journal does not even fit the file
            }
            if (journal && belongs(*file, *journal))
                return std::string();
        } catch (const std::exception &) {
            return std::string();  // the file alone cannot be read: the checks that follow say why
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const std::string stamp = nowUtc();
    const std::string aside = path + "-wal.set-aside-" + stamp.substr(0, 10) + "-" + stamp.substr(11, 2) + stamp.substr(14, 2) +
            stamp.substr(17, 2);
    std::error_code ec;
    fs::rename(path + "-wal", aside, ec);
    if (ec)
        return StorageError{StorageError::Kind::Corrupt, path,
                            "next to the workspace is a journal file (" + path + "-wal) that belongs to another "
                            "file (one deleted, moved or replaced while it was open); it cannot be set aside (" +
                            ec.message() + "), so the workspace was not opened. Move that file away"};
    fs::remove(path + "-shm", ec);
    return "a journal file next to the workspace belonged to another file (one deleted, moved or replaced while "
           "it was open), so it was not applied; it was set aside as " + aside;
}

}  // namespace hicm::storage
