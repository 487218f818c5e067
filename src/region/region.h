// A region's assessments in PostgreSQL (issue 19, docs/region.md): publishing exchange files, peer
// groups, and each area's figures against its peers, through libpqxx. Every figure a reader gets comes
// from the database's suppressed views (migrations/002_views_and_roles.sql), never from the raw tables.
// No Qt. Errors are RegionError with a message for the user.
#pragma once

#include "peer_extract.h"
#include "problem.h"

#include <pqxx/connection>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hicm::region {

struct RegionError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The connection string: `option` when given, else $HICM_REGION_DB; empty when neither is set.
std::string connectionString(const std::string &option);

// The versioned migrations, in order (migrations/NNN_*.sql, compiled in).
struct Migration {
    int version;
    const char *name;
    const char *sql;
};
const std::vector<Migration> &migrations();

// What became of one exchange file.
enum class PublishStatus { Published, Replaced, Unchanged, Refused };
const char *toString(PublishStatus s);  // "published", "replaced", "unchanged", "refused"

struct PublishResult {
    std::string file;
    PublishStatus status = PublishStatus::Refused;
    std::string area;
    int year = 0;
    std::vector<Problem> problems;  // why it was refused (the exchange reader's, or the database's)
};

// One area in `region list`.
struct AreaSummary {
    std::string area;
    std::vector<int> years;
    int currentSubmissions = 0;
    int replacedSubmissions = 0;
    std::string lastPublished;
};

class Region {
public:
    // Connects (libpq's sslmode=prefer unless the string says otherwise). Throws RegionError.
    explicit Region(const std::string &conninfo);
    ~Region();
    Region(const Region &) = delete;
    Region &operator=(const Region &) = delete;

    // The schema version in the database (0: none yet).
    int schemaVersion();
    // Creates or migrates the schema; returns {version before, version after}.
    std::pair<int, int> migrate();

    // Publishes exchange files: each all or nothing (a refused one changes nothing), the rest still
    // loading. Files are read on all cores and written in transactions of up to `batch` files, each in
    // its own subtransaction (one call of the database's publish_submissions() per batch); `done` is called for each file once its transaction has committed (or for a
    // refused file as soon as it is refused). If the connection is lost, the uncommitted files are
    // reported refused and nothing of them is in the database.
    std::vector<PublishResult> publish(const std::vector<std::string> &files,
                                       const std::function<void(const PublishResult &)> &done = {},
                                       int batch = 200);

    std::vector<AreaSummary> list();

    // Defines (or redefines) peer group `name` as exactly `areas`; returns those of them that have no
    // submission yet (kept: they may publish later).
    std::vector<std::string> definePeers(const std::string &name, const std::vector<std::string> &areas);

    // The area's levels and its peer group's figures over every year the group has figures for
    // ("all" when `peerGroup` is empty). Throws RegionError for an unknown area or group.
    PeerExtract extract(const std::string &area, const std::string &peerGroup);

    pqxx::connection &connection() { return *m_conn; }

private:
    std::unique_ptr<pqxx::connection> m_conn;
};

}  // namespace hicm::region
