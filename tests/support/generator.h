// A seeded generator of realistic synthetic workspaces, for the benchmarks (tests/bench) and for tests
// that need many assessments. Random but reproducible: the same seed and options give the same
// assessments, byte for byte (except the timestamps storage adds).
//
// What it makes looks like a region's real use of the app: areas (places) assessed once a year over
// several years, each assessment linked to the previous one of its area; 3 to 10 partners of realistic
// organisation types; per-partner levels that cluster round the area's underlying maturity (partners
// see the same system, with their own bias), agreed levels near the partners' median, maturity that
// drifts upward over the years, targets one step above or at the top, weights and confidence, notes
// and rationales, metric values, planned targeted actions and an action plan. Everything is written
// through the storage API (Workspace::insertAssessment), so it is checked as any import would be.
#pragma once

#include "assessment.h"
#include "framework.h"
#include "workspace.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace hicm::test {

struct GeneratorOptions {
    std::uint32_t seed = 20240501u;
    int assessments = 200;      // total, spread over areas x years
    int yearsPerArea = 5;       // reassessments of each area (the last area may have fewer)
    int firstYear = 2020;
    int minPartners = 3;
    int maxPartners = 10;
    bool linkPrevious = true;   // each reassessment names the area's previous assessment
    // Writes with PRAGMA synchronous=OFF while generating (restored to FULL afterwards): the data is
    // the same, only the fsyncs are skipped. For building large benchmark workspaces quickly.
    bool fastWrites = false;
};

struct GeneratedWorkspace {
    std::vector<std::int64_t> ids;    // in insertion order (area by area, oldest first)
    std::vector<std::string> areas;   // distinct areas, in order
    long partners = 0;                // partner rows written
    long partnerLevels = 0;           // partner level rows written
    long actions = 0;                 // action plan rows written
    std::string error;                // empty when everything was written
    bool ok() const { return error.empty(); }
};

class WorkspaceGenerator {
public:
    // `framework` must be the parse of `frameworkJson` (the JSON is stored with each assessment).
    WorkspaceGenerator(const Framework &framework, std::string frameworkJson, std::uint32_t seed);

    // One area's name: distinct for distinct indexes ("North Tamesford", "Lower Wexley Vale" …).
    static std::string areaName(int index);

    // One assessment (not stored): `year` is its year; `previous` (may be null) is the same area's
    // assessment of an earlier year, whose partners it keeps mostly and whose maturity it improves on.
    Assessment makeAssessment(const std::string &area, int year, const Assessment *previous);

    // A set of partners for an area: always an ICB, then trusts, councils, providers … (3 to 10).
    std::vector<Partner> makePartners(const std::string &area, int count);

    // Fills `workspace` as `options` say.
    GeneratedWorkspace fill(storage::Workspace &workspace, const GeneratorOptions &options);

    std::mt19937 &random() { return m_random; }

private:
    int uniform(int lo, int hi);
    double normal(double mean, double sd);
    bool chance(double p);
    template <typename T>
    const T &pick(const std::vector<T> &items);
    std::string sentence(const std::vector<std::string> &openings, const std::string &subject);
    int clampLevel(double value) const;
    void scoreFeature(const Feature &feature, FeatureAssessment &out, const std::vector<Partner> &partners,
                      double maturity, const FeatureAssessment *before);
    void planActions(const std::string &area, int year, Assessment &a);

    const Framework &m_framework;
    std::string m_frameworkJson;
    std::mt19937 m_random;
    std::vector<double> m_partnerBias;  // per partner index of the assessment being made
};

// Convenience: creates (or opens) the workspace at `path` and fills it with the bundled-style framework
// in `frameworkJson`. Returns the summary; `error` set on any failure.
GeneratedWorkspace generateWorkspace(const std::string &path, const std::string &frameworkJson,
                                     const GeneratorOptions &options);

}  // namespace hicm::test
