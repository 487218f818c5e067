// The peer extract: writer and strict reader (peer_extract.h, docs/region.md).
#include "peer_extract.h"

#include "atomic_file.h"

#include "json_text.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hicm {

using nlohmann::json;

double PeerFigure::share(int level) const
{
    if (suppressed || areas <= 0)
        return 0.0;
    const auto it = levelCounts.find(level);
    return it == levelCounts.end() ? 0.0 : static_cast<double>(it->second) / areas;
}

PeerPosition peerPosition(const PeerFigure &f)
{
    if (f.suppressed || !f.areaLevel)
        return PeerPosition::Unknown;
    const double level = *f.areaLevel;
    if (level > f.upperQuartile)
        return PeerPosition::AboveUpperQuartile;
    if (level < f.lowerQuartile)
        return PeerPosition::BelowLowerQuartile;
    if (level > f.median)
        return PeerPosition::AboveMedian;
    if (level < f.median)
        return PeerPosition::BelowMedian;
    return PeerPosition::AtMedian;
}

const char *toString(PeerPosition p)
{
    switch (p) {
    case PeerPosition::BelowLowerQuartile: return "below the lower quartile";
    case PeerPosition::BelowMedian: return "below the median";
    case PeerPosition::AtMedian: return "at the median";
    case PeerPosition::AboveMedian: return "above the median";
    case PeerPosition::AboveUpperQuartile: return "above the upper quartile";
    case PeerPosition::Unknown: break;
    }
    return "not known";
}

const char *positionKey(PeerPosition p)
{
    switch (p) {
    case PeerPosition::BelowLowerQuartile: return "below-lower-quartile";
    case PeerPosition::BelowMedian: return "below-median";
    case PeerPosition::AtMedian: return "at-median";
    case PeerPosition::AboveMedian: return "above-median";
    case PeerPosition::AboveUpperQuartile: return "above-upper-quartile";
    case PeerPosition::Unknown: break;
    }
    return "unknown";
}

const PeerFigure *PeerYear::feature(const std::string &featureId) const
{
    for (const auto &f : features)
        if (f.feature == featureId)
            return &f;
    return nullptr;
}

const PeerYear *PeerExtract::year(int y) const
{
    for (const auto &py : years)
        if (py.year == y)
            return &py;
    return nullptr;
}

const PeerYear *PeerExtract::latestYear() const
{
    for (auto it = years.rbegin(); it != years.rend(); ++it)
        for (const auto &f : it->features)
            if (f.areaLevel)
                return &*it;
    return years.empty() ? nullptr : &years.back();
}

json peerExtractToJson(const PeerExtract &e)
{
    json years = json::array();
    for (const auto &y : e.years) {
        json features = json::array();
        for (const auto &f : y.features) {
            json peers{{"suppressed", f.suppressed}};
            if (!f.suppressed) {
                json counts = json::object();
                for (const auto &[level, n] : f.levelCounts)
                    counts[std::to_string(level)] = n;
                peers["areas"] = f.areas;
                peers["level_counts"] = counts;
                peers["lower_quartile"] = f.lowerQuartile;
                peers["median"] = f.median;
                peers["upper_quartile"] = f.upperQuartile;
            }
            features.push_back({{"feature", f.feature},
                                {"area_level", f.areaLevel ? json(*f.areaLevel) : json(nullptr)},
                                {"position", positionKey(peerPosition(f))},
                                {"peers", std::move(peers)}});
        }
        years.push_back({{"year", y.year}, {"features", std::move(features)}});
    }
    return json{{"format", kPeerExtractFormat},
                {"format_version", kPeerExtractFormatVersion},
                {"generated", e.generated},
                {"area", e.area},
                {"peer_group", {{"name", e.peerGroup}, {"areas", e.peerGroupAreas}}},
                {"minimum_areas", kPeerMinimumAreas},
                {"years", std::move(years)}};
}

std::string peerExtractToString(const PeerExtract &e)
{
    return peerExtractToJson(e).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

// Reads one value at `pointer`, recording a problem (and returning false) when it is missing or of the
// wrong type.
class Reader {
public:
    Reader(const std::string &file, std::vector<Problem> &problems) : m_file(file), m_problems(problems) {}
    void fail(const std::string &pointer, const std::string &message)
    {
        m_problems.push_back({m_file, pointer.empty() ? "/" : pointer, 0, 0, message});
    }
    const json *member(const json &obj, const std::string &pointer, const char *key, json::value_t type)
    {
        const auto it = obj.find(key);
        const std::string at = pointer + "/" + key;
        if (it == obj.end()) {
            fail(pointer, std::string("missing required key \"") + key + "\"");
            return nullptr;
        }
        const bool number = type == json::value_t::number_float && it->is_number();
        const bool integer = type == json::value_t::number_integer && it->is_number_integer();
        if (!(number || integer || it->type() == type)) {
            fail(at, std::string("expected ") + json(type).type_name() + ", found " + it->type_name());
            return nullptr;
        }
        return &*it;
    }

private:
    const std::string &m_file;
    std::vector<Problem> &m_problems;
};

using T = json::value_t;

std::optional<PeerFigure> readFigure(Reader &r, const json &f, const std::string &p)
{
    if (!f.is_object()) {
        r.fail(p, std::string("expected an object, found ") + f.type_name());
        return std::nullopt;
    }
    PeerFigure out;
    const json *id = r.member(f, p, "feature", T::string);
    const json *peers = r.member(f, p, "peers", T::object);
    if (!id || !peers)
        return std::nullopt;
    out.feature = id->get<std::string>();
    if (auto it = f.find("area_level"); it != f.end() && !it->is_null()) {
        if (!it->is_number_integer())
            return r.fail(p + "/area_level", "expected a whole number or null"), std::nullopt;
        out.areaLevel = it->get<int>();
    }
    const json *suppressed = r.member(*peers, p + "/peers", "suppressed", T::boolean);
    if (!suppressed)
        return std::nullopt;
    out.suppressed = suppressed->get<bool>();
    if (out.suppressed)
        return out;
    const std::string pp = p + "/peers";
    const json *areas = r.member(*peers, pp, "areas", T::number_integer);
    const json *counts = r.member(*peers, pp, "level_counts", T::object);
    const json *q1 = r.member(*peers, pp, "lower_quartile", T::number_float);
    const json *median = r.member(*peers, pp, "median", T::number_float);
    const json *q3 = r.member(*peers, pp, "upper_quartile", T::number_float);
    if (!areas || !counts || !q1 || !median || !q3)
        return std::nullopt;
    out.areas = areas->get<int>();
    if (out.areas < kPeerMinimumAreas)
        return r.fail(pp + "/areas", "a figure from fewer than " + std::to_string(kPeerMinimumAreas) +
                                         " areas must be suppressed"),
               std::nullopt;
    int sum = 0;
    for (auto it = counts->begin(); it != counts->end(); ++it) {
        int level = 0;
        std::istringstream in(it.key());
        if (!(in >> level) || !in.eof() || !it->is_number_integer() || it->get<int>() < 0)
            return r.fail(pp + "/level_counts/" + pointerToken(it.key()), "expected a level and a count"),
                   std::nullopt;
        out.levelCounts[level] = it->get<int>();
        sum += it->get<int>();
    }
    if (sum != out.areas)
        return r.fail(pp + "/level_counts", "the counts add up to " + std::to_string(sum) + ", not " +
                                                std::to_string(out.areas) + " areas"),
               std::nullopt;
    out.lowerQuartile = q1->get<double>();
    out.median = median->get<double>();
    out.upperQuartile = q3->get<double>();
    return out;
}

}  // namespace

PeerExtractReadResult parsePeerExtract(std::string_view bytes, const std::string &fileName)
{
    PeerExtractReadResult result;
    json root;
    if (auto p = parseJsonText(bytes, fileName, root)) {
        p->message = "not valid JSON: " + p->message;
        result.problems.push_back(std::move(*p));
        return result;
    }
    Reader r(fileName, result.problems);
    if (!root.is_object() || root.value("format", "") != kPeerExtractFormat) {
        r.fail("/format", std::string("not a peer extract (its \"format\" is not \"") + kPeerExtractFormat + "\")");
        return result;
    }
    const json *version = r.member(root, "", "format_version", T::number_integer);
    if (version && version->get<int>() != kPeerExtractFormatVersion)
        r.fail("/format_version", "format version " + version->dump() + " is not one this version reads (it reads " +
                                      std::to_string(kPeerExtractFormatVersion) + "); update HICM Assess");
    const json *generated = r.member(root, "", "generated", T::string);
    const json *area = r.member(root, "", "area", T::string);
    const json *group = r.member(root, "", "peer_group", T::object);
    const json *years = r.member(root, "", "years", T::array);
    if (!result.problems.empty() || !generated || !area || !group || !years)
        return result;
    PeerExtract e;
    e.generated = generated->get<std::string>();
    e.area = area->get<std::string>();
    const json *name = r.member(*group, "/peer_group", "name", T::string);
    const json *size = r.member(*group, "/peer_group", "areas", T::number_integer);
    if (name)
        e.peerGroup = name->get<std::string>();
    if (size)
        e.peerGroupAreas = size->get<int>();
    for (std::size_t i = 0; i < years->size(); ++i) {
        const std::string p = "/years/" + std::to_string(i);
        const json &y = (*years)[i];
        if (!y.is_object()) {
            r.fail(p, "expected an object");
            continue;
        }
        const json *year = r.member(y, p, "year", T::number_integer);
        const json *features = r.member(y, p, "features", T::array);
        if (!year || !features)
            continue;
        PeerYear py{year->get<int>(), {}};
        for (std::size_t j = 0; j < features->size(); ++j)
            if (auto f = readFigure(r, (*features)[j], p + "/features/" + std::to_string(j)))
                py.features.push_back(std::move(*f));
        e.years.push_back(std::move(py));
    }
    if (result.problems.empty())
        result.extract = std::move(e);
    return result;
}

PeerExtractReadResult readPeerExtractFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        PeerExtractReadResult result;
        result.problems.push_back({path, "", 0, 0, "cannot open the file (is it there and readable?)"});
        return result;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parsePeerExtract(bytes.str(), path);
}

std::string writePeerExtractFile(const std::string &path, const PeerExtract &extract)
{
    return writeFileAtomically(path, peerExtractToString(extract));
}

}  // namespace hicm
