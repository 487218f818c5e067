// region publish: exchange files into the region's database (region.h). Each file is read and checked
// by the core's exchange reader (on every core, while the previous batch is being written), then the
// files of a batch (up to `batch`) are written in one transaction by one call of the database's
// publish_submissions(), which writes each file whole or not at all in its own subtransaction
// (migrations/003_publish_batch.sql): one round trip per batch, not three per file.
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

// One file read and ready to write (or refused): its element of publish_submissions()'s array.
struct Prepared {
    PublishResult result;
    std::string element;
};

// A JSON string (invalid UTF-8 replaced, as the assessment's own texts are).
std::string jsonString(const std::string &text)
{
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
    const std::string &frameworkHash = file.framework->contentHash;
    const std::string assessment = assessmentToJson(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // The content hash: the assessment as read (without the exporting workspace's ids) and its framework.
    const std::string contentHash = sha256Hex(assessment + "\n" + frameworkHash);
    std::string features = "[", levels = "[";
    for (const auto &f : a.features) {
        features += (features.size() > 1 ? "," : "") + jsonString(f.featureId);
        levels += (levels.size() > 1 ? "," : "") + (f.agreedLevel ? std::to_string(*f.agreedLevel) : "null");
    }
    p.element = "{\"area\":" + jsonString(a.area) + ",\"year\":" + std::to_string(p.result.year) +
                ",\"date\":" + jsonString(a.date) + ",\"title\":" + jsonString(a.title) +
                ",\"framework_hash\":" + jsonString(frameworkHash) +
                ",\"framework_title\":" + jsonString(file.framework->meta.title) +
                ",\"framework_edition\":" + jsonString(file.framework->meta.edition) +
                ",\"content_hash\":" + jsonString(contentHash) + ",\"source_file\":" + jsonString(path) +
                ",\"exported\":" + (file.exported.empty() ? "null" : jsonString(file.exported)) +
                ",\"assessment\":" + assessment + ",\"features\":" + features + "],\"levels\":" + levels + "]}";
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
    "SELECT status, message FROM hicm_region.publish_submissions($1::jsonb) ORDER BY ordinal";

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
        std::vector<Prepared *> good;
        std::string elements = "[";
        for (auto &p : chunk)
            if (p.result.problems.empty()) {
                elements += (good.empty() ? "" : ",") + p.element;
                good.push_back(&p);
            }
        elements += "]";
        if (good.empty())
            continue;
        try {
            pqxx::work tx(*m_conn);
            const pqxx::result rows = tx.exec_prepared("hicm_publish", elements);
            if (rows.size() != good.size())
                throw RegionError("the database answered for " + std::to_string(rows.size()) + " files of " +
                                  std::to_string(good.size()));
            for (std::size_t i = 0; i < good.size(); ++i) {
                const std::string status = rows[i][0].as<std::string>();
                PublishResult &r = good[i]->result;
                if (status == "refused")
                    refuse(r, "the database refused it (nothing of it was published): " +
                                  rows[i][1].as<std::string>(""));
                else
                    r.status = status == "unchanged" ? PublishStatus::Unchanged
                               : status == "replaced" ? PublishStatus::Replaced
                                                      : PublishStatus::Published;
            }
            tx.commit();
            for (Prepared *p : good)  // published, replaced, unchanged, or refused by the database
                report(p->result);
        } catch (const pqxx::in_doubt_error &) {
            lost = true;
            for (Prepared *p : good)
                refuse(p->result, "the connection was lost while committing, so whether it was published is not "
                                  "known: publish it again (an identical file changes nothing)"),
                    report(p->result);
        } catch (const std::exception &e) {
            lost = !m_conn->is_open();
            for (Prepared *p : good)
                refuse(p->result, std::string("not published (its batch was rolled back whole): ") + e.what()),
                    report(p->result);
        }
    }
    return results;
}

}  // namespace hicm::region
