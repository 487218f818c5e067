#include "assessment.h"

#include "framework.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hicm {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

template <typename E, std::size_t N>
std::optional<E> parseName(const std::array<std::pair<E, const char *>, N> &names, const std::string &s)
{
    const std::string wanted = lower(s);
    for (const auto &[value, name] : names)
        if (wanted == name)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
const char *nameOf(const std::array<std::pair<E, const char *>, N> &names, E value)
{
    for (const auto &[v, name] : names)
        if (v == value)
            return name;
    return "";
}

constexpr std::array<std::pair<Confidence, const char *>, 4> kConfidence{
    {{Confidence::Unset, ""}, {Confidence::Low, "low"}, {Confidence::Medium, "medium"}, {Confidence::High, "high"}}};
constexpr std::array<std::pair<AssessmentStatus, const char *>, 2> kStatus{
    {{AssessmentStatus::Draft, "draft"}, {AssessmentStatus::Final, "final"}}};
constexpr std::array<std::pair<ActionStatus, const char *>, 4> kActionStatus{{{ActionStatus::NotStarted, "not-started"},
                                                                           {ActionStatus::InProgress, "in-progress"},
                                                                           {ActionStatus::Done, "done"},
                                                                           {ActionStatus::Dropped, "dropped"}}};
constexpr std::array<std::pair<ActionStatus, const char *>, 4> kActionStatusLabel{{{ActionStatus::NotStarted, "Not started"},
                                                                                {ActionStatus::InProgress, "In progress"},
                                                                                {ActionStatus::Done, "Done"},
                                                                                {ActionStatus::Dropped, "Dropped"}}};
constexpr std::array<std::pair<OrgType, const char *>, 8> kOrgType{{{OrgType::Icb, "icb"},
                                                                    {OrgType::NhsTrust, "nhs-trust"},
                                                                    {OrgType::LocalAuthority, "local-authority"},
                                                                    {OrgType::CareProvider, "care-provider"},
                                                                    {OrgType::Vcfse, "vcfse"},
                                                                    {OrgType::PrimaryCare, "primary-care"},
                                                                    {OrgType::LivedExperience, "lived-experience"},
                                                                    {OrgType::Other, "other"}}};
constexpr std::array<std::pair<OrgType, const char *>, 8> kOrgTypeLabel{
    {{OrgType::Icb, "ICB"},
     {OrgType::NhsTrust, "NHS trust"},
     {OrgType::LocalAuthority, "Local authority"},
     {OrgType::CareProvider, "Care provider"},
     {OrgType::Vcfse, "VCFSE"},
     {OrgType::PrimaryCare, "Primary care"},
     {OrgType::LivedExperience, "Person with lived experience"},
     {OrgType::Other, "Other"}}};
constexpr std::array<std::pair<OverrideKind, const char *>, 2> kOverride{
    {{OverrideKind::Pin, "pin"}, {OverrideKind::Exclude, "exclude"}}};

}  // namespace

const char *toString(Confidence c) { return nameOf(kConfidence, c); }
const char *toString(AssessmentStatus s) { return nameOf(kStatus, s); }
const char *toString(ActionStatus s) { return nameOf(kActionStatus, s); }
const char *toString(OrgType t) { return nameOf(kOrgType, t); }
const char *toString(OverrideKind k) { return nameOf(kOverride, k); }
const char *label(OrgType t) { return nameOf(kOrgTypeLabel, t); }
const char *label(ActionStatus s) { return nameOf(kActionStatusLabel, s); }

std::optional<Confidence> parseConfidence(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    return parseName(kConfidence, s);
}

std::optional<AssessmentStatus> parseAssessmentStatus(const std::string &s) { return parseName(kStatus, s); }

std::optional<ActionStatus> parseActionStatus(const std::string &s)
{
    if (auto v = parseName(kActionStatus, s))
        return v;
    std::string spaced = lower(s);
    std::replace(spaced.begin(), spaced.end(), ' ', '-');
    std::replace(spaced.begin(), spaced.end(), '_', '-');
    return parseName(kActionStatus, spaced);
}

std::optional<OrgType> parseOrgType(const std::string &s)
{
    if (auto v = parseName(kOrgType, s))
        return v;
    for (const auto &[value, name] : kOrgTypeLabel)
        if (lower(s) == lower(name))
            return value;
    std::string dashed = lower(s);
    std::replace(dashed.begin(), dashed.end(), ' ', '-');
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    return parseName(kOrgType, dashed);
}

std::optional<OverrideKind> parseOverrideKind(const std::string &s) { return parseName(kOverride, s); }

std::vector<OrgType> allOrgTypes()
{
    std::vector<OrgType> out;
    for (const auto &[value, name] : kOrgType)
        out.push_back(value);
    return out;
}

std::vector<ActionStatus> allActionStatuses()
{
    std::vector<ActionStatus> out;
    for (const auto &[value, name] : kActionStatus)
        out.push_back(value);
    return out;
}

std::string ownMetricId(const std::string &featureId, int n)
{
    return featureId + ".own" + std::to_string(n);
}

bool isOwnMetricId(const std::string &featureId, const std::string &metricId)
{
    const std::string prefix = featureId + ".own";
    if (metricId.size() <= prefix.size() || metricId.compare(0, prefix.size(), prefix) != 0 || metricId.size() > prefix.size() + 4)
        return false;
    return std::all_of(metricId.begin() + static_cast<std::ptrdiff_t>(prefix.size()), metricId.end(),
                       [](char c) { return c >= '0' && c <= '9'; }) &&
           metricId[prefix.size()] != '0';
}

const PartnerLevel *FeatureAssessment::partnerLevel(const std::string &partner) const
{
    for (const auto &pl : partnerLevels)
        if (pl.partner == partner)
            return &pl;
    return nullptr;
}

const FeatureAssessment *Assessment::feature(const std::string &featureId) const
{
    for (const auto &f : features)
        if (f.featureId == featureId)
            return &f;
    return nullptr;
}

FeatureAssessment *Assessment::feature(const std::string &featureId)
{
    for (auto &f : features)
        if (f.featureId == featureId)
            return &f;
    return nullptr;
}

const Partner *Assessment::partner(const std::string &organisation) const
{
    for (const auto &p : partners)
        if (p.organisation == organisation)
            return &p;
    return nullptr;
}

int Assessment::agreedCount() const
{
    return static_cast<int>(
        std::count_if(features.begin(), features.end(), [](const FeatureAssessment &f) { return f.agreedLevel.has_value(); }));
}

std::string metricValueText(const MetricValue &m)
{
    std::string out = m.value;
    if (!m.unit.empty())
        out += " " + m.unit;
    if (!m.period.empty())
        out += "; period: " + m.period;
    if (!m.source.empty())
        out += "; source: " + m.source;
    return out;
}

namespace {

template <typename T>
std::size_t positionOf(const std::vector<T> &items, const std::string &id)
{
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id)
            return i;
    return items.size();
}

}  // namespace

void sortInFrameworkOrder(FeatureAssessment &assessed, const Feature &feature)
{
    std::stable_sort(assessed.metrics.begin(), assessed.metrics.end(), [&](const MetricValue &x, const MetricValue &y) {
        return positionOf(feature.dataToUse, x.metricId) < positionOf(feature.dataToUse, y.metricId);
    });
    std::stable_sort(assessed.plannedActions.begin(), assessed.plannedActions.end(), [&](const auto &x, const auto &y) {
        return positionOf(feature.targetedActions, x) < positionOf(feature.targetedActions, y);
    });
}

}  // namespace hicm
