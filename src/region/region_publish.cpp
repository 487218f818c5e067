// region publish: exchange files into the region's database (region.h). Each file is read and checked
// by the core's exchange reader (on every core), then written by one call of the database's
// publish_submission() inside its own savepoint, in transactions of up to `batch` files.
#include "region.h"

#include "assessment_json.h"
#include "exchange.h"
#include "hash.h"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <algorithm>
#include <future>
#include <thread>

namespace hicm::region {

namespace {

// One file read and ready to write (or refused).
struct Prepared {
    PublishResult result;
    std::string date, title, frameworkHash, frameworkTitle, frameworkEdition, contentHash, exported, assessment,
        features, levels;
};

// A PostgreSQL array literal of strings: {"B1","B2"}.
std::string textArray(const std::vector<std::string> &items)
{
    std::string out = "{";
    for (const auto &item : items) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        for (char c : item) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

Prepared prepare(const std::string &path, FrameworkCache &frameworks)
{
    Prepared p;
    p.result.file = path;
    auto read = readExchangeFile(path, &frameworks);
    if (!read.ok()) {
        p.result.problems = std::move(read.problems);
        return p;
    }
    const ExchangeFile &file = *read.file;
    const Assessment a = assessmentForImport(file);
    p.result.area = a.area;
    if (a.date.size() < 4) {
        p.result.problems.push_back({path, "/assessment/date", 0, 0,
                                     "the assessment has no date: the region files each assessment under the year "
                                     "of its date (set the date in the app and export it again)"});
        return p;
    }
    p.result.year = std::stoi(a.date.substr(0, 4));
    p.date = a.date;
    p.title = a.title;
    p.frameworkHash = file.framework->contentHash;
    p.frameworkTitle = file.framework->meta.title;
    p.frameworkEdition = file.framework->meta.edition;
    p.exported = file.exported;
    p.assessment = assessmentToJson(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    p.contentHash = sha256Hex(p.assessment + "\n" + p.frameworkHash);
    std::vector<std::string> features, levels;
    for (const auto &f : a.features) {
        features.push_back(f.featureId);
        levels.push_back(f.agreedLevel ? std::to_string(*f.agreedLevel) : "NULL");
    }
    p.features = textArray(features);
    p.levels = "{" ;
    for (std::size_t i = 0; i < levels.size(); ++i)
        p.levels += (i ? "," : "") + levels[i];
    p.levels += "}";
    p.result.status = PublishStatus::Published;  // provisional: the database decides
    return p;
}

// Reads files[begin, end) on all cores, in order.
// Each distinct framework text is parsed once per publish (FrameworkCache), not once per file.
std::vector<Prepared> prepareAll(const std::vector<std::string> &files, std::size_t begin, std::size_t end,
                                 FrameworkCache *frameworks)
{
    std::vector<Prepared> out(end - begin);
    const unsigned workers = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
    std::vector<std::future<void>> running;
    for (unsigned w = 0; w < workers; ++w)
        running.push_back(std::async(std::launch::async, [&, w] {
            for (std::size_t i = begin + w; i < end; i += workers)
                out[i - begin] = prepare(files[i], *frameworks);
        }));
    for (auto &r : running)
        r.get();
    return out;
}

constexpr const char *kPublish =
    "SELECT hicm_region.publish_submission($1, $2, NULLIF($3, '')::date, $4, $5, $6, $7, $8, $9, "
    "NULLIF($10, '')::timestamptz, $11::jsonb, $12::text[], $13::smallint[])";

void refuse(PublishResult &r, const std::string &message)
{
    r.status = PublishStatus::Refused;
    r.problems.push_back({r.file, "", 0, 0, message});
}

}  // namespace

std::vector<PublishResult> Region::publish(const std::vector<std::string> &files,
                                           const std::function<void(const PublishResult &)> &done, int batch)
{
    std::vector<PublishResult> results;
    results.reserve(files.size());
    const std::size_t step = static_cast<std::size_t>(std::max(1, batch));
    auto report = [&](const PublishResult &r) {
        results.push_back(r);
        if (done)
            done(r);
    };
    const int version = schemaVersion();
    if (version == 0)
        throw RegionError("the region's schema is not in this database yet: run `region init` first (nothing was "
                          "published)");
    if (version != migrations().back().version)
        throw RegionError("the region's schema is at version " + std::to_string(version) + ", this program's is " +
                          std::to_string(migrations().back().version) +
                          ": run `region init` with this version, or update it (nothing was published)");
    m_conn->prepare("hicm_publish", kPublish);
    bool lost = false;
    FrameworkCache frameworks;
    std::future<std::vector<Prepared>> next =
        std::async(std::launch::async, prepareAll, std::cref(files), 0, std::min(step, files.size()), &frameworks);
    for (std::size_t begin = 0; begin < files.size(); begin += step) {
        std::vector<Prepared> chunk = next.get();
        const std::size_t after = begin + step;
        if (after < files.size())  // read the next files while this batch is written
            next = std::async(std::launch::async, prepareAll, std::cref(files), after,
                              std::min(after + step, files.size()), &frameworks);
        for (auto &p : chunk)
            if (!p.result.problems.empty()) {
                p.result.status = PublishStatus::Refused;
                report(p.result);
            }
        if (lost) {
            for (auto &p : chunk)
                if (p.result.problems.empty())
                    refuse(p.result, "not published: the connection to the region's database was lost"), report(p.result);
            continue;
        }
        try {
            pqxx::work tx(*m_conn);
            for (auto &p : chunk) {
                if (!p.result.problems.empty())
                    continue;
                try {
                    pqxx::subtransaction one(tx, "file");
                    const auto row = one.exec_prepared1("hicm_publish", p.result.area, p.result.year, p.date, p.title,
                                                        p.frameworkHash, p.frameworkTitle, p.frameworkEdition,
                                                        p.contentHash, p.result.file, p.exported, p.assessment,
                                                        p.features, p.levels);
                    const std::string status = row[0].as<std::string>();
                    one.commit();
                    p.result.status = status == "unchanged" ? PublishStatus::Unchanged
                                      : status == "replaced" ? PublishStatus::Replaced
                                                             : PublishStatus::Published;
                } catch (const pqxx::broken_connection &) {
                    throw;
                } catch (const pqxx::sql_error &e) {
                    refuse(p.result, std::string("the database refused it (nothing of it was published): ") + e.what());
                }
            }
            tx.commit();
            for (auto &p : chunk)
                if (p.result.problems.empty())
                    report(p.result);
        } catch (const pqxx::in_doubt_error &e) {
            lost = true;
            for (auto &p : chunk)
                if (p.result.problems.empty())
                    refuse(p.result, "the connection was lost while committing, so whether it was published is not "
                                     "known: publish it again (an identical file changes nothing)"),
                        report(p.result);
        } catch (const std::exception &e) {
            lost = !m_conn->is_open();
            for (auto &p : chunk)
                if (p.result.problems.empty())
                    refuse(p.result, std::string("not published (its batch was rolled back whole): ") + e.what()),
                        report(p.result);
        }
    }
    return results;
}

}  // namespace hicm::region
