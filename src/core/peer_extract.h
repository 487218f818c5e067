// A peer extract (".hicm-peers.json"): one area's agreed levels beside its peer group's suppressed
// figures, feature by feature and year by year, as `hicm-assess-cli region extract` writes it from the
// region's database and the app's Peers view and the board report's peers page read it
// (docs/region.md). Qt-free and database-free, so the app reads extracts without libpqxx.
//
// It holds no other area's name: only the area's own levels, the peer group's name, and figures drawn
// from at least kPeerMinimumAreas areas (fewer: withheld, `suppressed`).
#pragma once

#include "problem.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hicm {

inline constexpr const char *kPeerExtractFormat = "hicm-assess-peer-extract";
inline constexpr int kPeerExtractFormatVersion = 1;
inline constexpr const char *kPeerExtractSuffix = ".hicm-peers.json";
// Any figure drawn from fewer areas than this is withheld (the database's views enforce it too).
inline constexpr int kPeerMinimumAreas = 5;

// One feature in one year: the area's agreed level and its peers' distribution.
struct PeerFigure {
    std::string feature;            // e.g. "B3"
    std::optional<int> areaLevel;   // the area's agreed level; nullopt when it has none that year
    bool suppressed = true;         // fewer than kPeerMinimumAreas areas: nothing below is known
    int areas = 0;                  // how many areas (0 when suppressed)
    std::map<int, int> levelCounts; // level -> how many areas are at it
    double lowerQuartile = 0, median = 0, upperQuartile = 0;

    // The share of the peers at `level` (0..1); 0 when suppressed.
    double share(int level) const;
};

// Where the area's level sits among its peers'.
enum class PeerPosition { Unknown, BelowLowerQuartile, BelowMedian, AtMedian, AboveMedian, AboveUpperQuartile };
PeerPosition peerPosition(const PeerFigure &figure);
// "below the lower quartile", "at the median" …; "not known" for Unknown.
const char *toString(PeerPosition p);
// Stable names for JSON: "below-lower-quartile", "at-median" …, "unknown".
const char *positionKey(PeerPosition p);

struct PeerYear {
    int year = 0;
    std::vector<PeerFigure> features;  // in feature order

    const PeerFigure *feature(const std::string &featureId) const;
};

struct PeerExtract {
    std::string generated;   // ISO 8601 UTC
    std::string area;        // the area the extract is for
    std::string peerGroup;   // "all", or a named peer group
    int peerGroupAreas = 0;  // the group's size (areas with a submission, "all"; defined members otherwise)
    std::vector<PeerYear> years;  // oldest first

    const PeerYear *year(int y) const;
    // The latest year in which the area has a level; else the latest year; nullptr when there is none.
    const PeerYear *latestYear() const;
};

nlohmann::json peerExtractToJson(const PeerExtract &extract);
// Two-space indented text with a final new line.
std::string peerExtractToString(const PeerExtract &extract);

struct PeerExtractReadResult {
    std::optional<PeerExtract> extract;  // set only when there are no problems
    std::vector<Problem> problems;
    bool ok() const { return extract.has_value(); }
};
PeerExtractReadResult parsePeerExtract(std::string_view bytes, const std::string &fileName);
PeerExtractReadResult readPeerExtractFile(const std::string &path);
// Writes the extract through a temporary file renamed into place (whole, or the old file left as it was).
// Returns an error message, empty on success.
std::string writePeerExtractFile(const std::string &path, const PeerExtract &extract);

}  // namespace hicm
