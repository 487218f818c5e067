// region list, peers and the peer figures (region.h). The figures come only from the suppressed views
// peer_distribution and area_profile (migrations/002_views_and_roles.sql).
#include "region.h"

#include "exchange.h"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <map>
#include <set>

namespace hicm::region {

namespace {

// Rethrows a database error as a RegionError saying what was being done.
[[noreturn]] void rethrow(const char *what)
{
    try {
        throw;
    } catch (const RegionError &) {
        throw;
    } catch (const pqxx::insufficient_privilege &e) {
        throw RegionError(std::string(what) + ": this database role is not allowed to (docs/region.md lists the "
                                              "roles): " + e.what());
    } catch (const pqxx::undefined_table &e) {
        throw RegionError(std::string(what) + ": the region's schema is not there (run `region init` first): " +
                          e.what());
    } catch (const std::exception &e) {
        throw RegionError(std::string(what) + ": " + e.what());
    }
}

std::vector<int> parseIntArray(const pqxx::field &f)
{
    std::vector<int> out;
    if (f.is_null())
        return out;
    auto parser = f.as_array();
    for (auto [kind, text] = parser.get_next(); kind != pqxx::array_parser::done; std::tie(kind, text) = parser.get_next())
        if (kind == pqxx::array_parser::string_value)
            out.push_back(std::stoi(text));
    return out;
}

}  // namespace

std::vector<AreaSummary> Region::list()
{
    try {
        pqxx::read_transaction tx(*m_conn);
        std::vector<AreaSummary> out;
        for (const auto &row : tx.exec("SELECT area, years, current_submissions, replaced_submissions, "
                                       "to_char(last_published AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                                       "FROM hicm_region.published ORDER BY area"))
            out.push_back({row[0].as<std::string>(), parseIntArray(row[1]), row[2].as<int>(), row[3].as<int>(),
                           row[4].as<std::string>()});
        return out;
    } catch (...) {
        rethrow("cannot list the published areas");
    }
}

std::vector<std::string> Region::definePeers(const std::string &name, const std::vector<std::string> &areas)
{
    try {
        pqxx::work tx(*m_conn);
        tx.exec_params0("DELETE FROM hicm_region.peer_group WHERE name = $1", name);
        tx.exec_params0("INSERT INTO hicm_region.peer_group (name) VALUES ($1)", name);
        std::vector<std::string> unknown;
        std::set<std::string> seen;
        for (const auto &area : areas) {
            if (!seen.insert(area).second)
                continue;
            tx.exec_params0("INSERT INTO hicm_region.peer_member (peer_group, area) VALUES ($1, $2)", name, area);
            if (tx.exec_params("SELECT 1 FROM hicm_region.published WHERE area = $1", area).empty())
                unknown.push_back(area);
        }
        tx.commit();
        return unknown;
    } catch (const pqxx::check_violation &e) {
        throw RegionError("\"" + name + "\" cannot name a peer group (\"all\" is every area already, and a name "
                          "or area cannot be blank)");
    } catch (...) {
        rethrow("cannot define the peer group");
    }
}

PeerExtract Region::extract(const std::string &area, const std::string &peerGroup)
{
    const std::string group = peerGroup.empty() ? "all" : peerGroup;
    try {
        pqxx::read_transaction tx(*m_conn);
        PeerExtract e;
        e.generated = exchangeTimeNow();
        e.area = area;
        e.peerGroup = group;
        const auto size = tx.exec_params("SELECT areas FROM hicm_region.peer_group_size WHERE peer_group = $1", group);
        if (size.empty())
            throw RegionError("there is no peer group \"" + group + "\" (define it with `region peers --define`)");
        e.peerGroupAreas = size[0][0].as<int>();
        std::map<int, std::map<std::string, PeerFigure>> years;
        const auto own = tx.exec_params("SELECT year, feature, level FROM hicm_region.area_profile WHERE area = $1",
                                        area);
        if (own.empty())
            throw RegionError("no levels of an area named \"" + area + "\" can be read: it has published none, or this "
                              "database role may not read them (`region list` lists the areas)");
        for (const auto &row : own) {
            PeerFigure &f = years[row[0].as<int>()][row[1].as<std::string>()];
            f.feature = row[1].as<std::string>();
            f.areaLevel = row[2].as<int>();
        }
        for (const auto &row : tx.exec_params(
                 "SELECT year, feature, suppressed, areas, level_counts::text, lower_quartile, median, upper_quartile "
                 "FROM hicm_region.peer_distribution WHERE peer_group = $1",
                 group)) {
            PeerFigure &f = years[row[0].as<int>()][row[1].as<std::string>()];
            f.feature = row[1].as<std::string>();
            f.suppressed = row[2].as<bool>();
            if (f.suppressed)
                continue;
            f.areas = row[3].as<int>();
            const auto counts = nlohmann::json::parse(row[4].as<std::string>());
            for (auto it = counts.begin(); it != counts.end(); ++it)
                f.levelCounts[std::stoi(it.key())] = it.value().get<int>();
            f.lowerQuartile = row[5].as<double>();
            f.median = row[6].as<double>();
            f.upperQuartile = row[7].as<double>();
        }
        for (auto &[year, features] : years) {
            PeerYear y{year, {}};
            for (auto &[id, figure] : features)
                y.features.push_back(std::move(figure));
            e.years.push_back(std::move(y));
        }
        return e;
    } catch (...) {
        rethrow("cannot read the peer figures");
    }
}

}  // namespace hicm::region
