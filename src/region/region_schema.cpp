// Connecting to the region's database and creating or migrating its schema (region.h).
#include "region.h"

#include <pqxx/pqxx>

#include <cstdlib>

namespace hicm::region {

std::string connectionString(const std::string &option)
{
    if (!option.empty())
        return option;
    const char *env = std::getenv("HICM_REGION_DB");
    return env ? env : "";
}

const char *toString(PublishStatus s)
{
    switch (s) {
    case PublishStatus::Published: return "published";
    case PublishStatus::Replaced: return "replaced";
    case PublishStatus::Unchanged: return "unchanged";
    case PublishStatus::Refused: break;
    }
    return "refused";
}

Region::Region(const std::string &conninfo)
{
    try {
        m_conn = std::make_unique<pqxx::connection>(conninfo);
        // A lost connection stays lost: nothing is silently re-sent on a new one (publish reports it).
        m_conn->inhibit_reactivation(true);
    } catch (const std::exception &e) {
        throw RegionError(std::string("cannot connect to the region's database: ") + e.what());
    }
}

Region::~Region() = default;

int Region::schemaVersion()
{
    try {
        pqxx::read_transaction tx(*m_conn);
        const auto exists = tx.exec1("SELECT to_regclass('hicm_region.schema_version') IS NOT NULL")[0].as<bool>();
        if (!exists)
            return 0;
        return tx.exec1("SELECT coalesce(max(version), 0) FROM hicm_region.schema_version")[0].as<int>();
    } catch (const pqxx::sql_error &e) {
        throw RegionError(std::string("cannot read the schema version: ") + e.what());
    }
}

std::pair<int, int> Region::migrate()
{
    const int latest = migrations().empty() ? 0 : migrations().back().version;
    try {
        pqxx::work tx(*m_conn);
        // One migrator at a time; every step in this one transaction, so a failure leaves the schema as it was.
        tx.exec("SELECT pg_advisory_xact_lock(hashtext('hicm_region migrate'))");
        tx.exec0("CREATE SCHEMA IF NOT EXISTS hicm_region");
        tx.exec0("CREATE TABLE IF NOT EXISTS hicm_region.schema_version ("
                 "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        const int before = tx.exec1("SELECT coalesce(max(version), 0) FROM hicm_region.schema_version")[0].as<int>();
        if (before > latest)
            throw RegionError("the region's database is at schema version " + std::to_string(before) +
                              ", newer than this program knows (" + std::to_string(latest) +
                              "): update HICM Assess; nothing was changed");
        for (const auto &m : migrations()) {
            if (m.version <= before)
                continue;
            try {
                tx.exec(m.sql);
            } catch (const pqxx::sql_error &e) {
                throw RegionError("migration " + std::string(m.name) + " failed (nothing was changed): " + e.what());
            }
            tx.exec_params0("INSERT INTO hicm_region.schema_version (version, name) VALUES ($1, $2)", m.version,
                            std::string(m.name));
        }
        tx.commit();
        return {before, latest};
    } catch (const RegionError &) {
        throw;
    } catch (const pqxx::insufficient_privilege &e) {
        throw RegionError(std::string("not allowed to create the schema (run `region init` as the database's owner, "
                                      "with the right to create roles; docs/region.md); nothing was changed: ") +
                          e.what());
    } catch (const std::exception &e) {
        throw RegionError(std::string("cannot create or migrate the schema (nothing was changed): ") + e.what());
    }
}

}  // namespace hicm::region
