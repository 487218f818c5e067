#include "generator.h"

#include "framework_loader.h"

#include <SQLiteCpp/Database.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hicm::test {

namespace {

const std::vector<std::string> kPrefixes{"North", "South", "East", "West", "Upper", "Lower", "Greater", "Mid", ""};
const std::vector<std::string> kStems{"Tames", "Wex", "Hol", "Ash", "Brad", "Carr", "Dun", "Elm", "Fen", "Gar",
                                      "Hart", "Ives", "Kel", "Lang", "Mar", "Nor", "Oak", "Pen", "Rother", "Sal"};
const std::vector<std::string> kSuffixes{"ford", "ley", "shire", "ton", "bury", "wick", "field", "dale", "mouth", "ham"};
const std::vector<std::string> kQualifiers{"", " Vale", " and District", " Borough", " Place"};

const std::vector<std::string> kProviders{"Carewell Homes", "Brightside Home Care", "Meadow View Care",
                                          "Homeward Support", "Kindly Hands", "Riverside Reablement"};
const std::vector<std::string> kCharities{"Age Concern", "Carers Centre", "Community Transport Trust",
                                          "Good Neighbours", "Healthwatch"};
const std::vector<std::string> kFirstNames{"Sam", "Priya", "Jo", "Ade", "Mei", "Tom", "Aisha", "Rhys", "Ana", "Kit"};
const std::vector<std::string> kSurnames{"Okafor", "Patel", "Hughes", "Nowak", "Byrne", "Chen", "Evans", "Ali"};

const std::vector<std::string> kNoteOpenings{
    "In our experience", "From the referral data", "Staff tell us that", "Our audit suggests",
    "People who use the service report that", "At the last system meeting we agreed that",
    "Compared with last winter,"};
const std::vector<std::string> kNoteSubjects{
    "referrals still wait too long for a first visit", "the single point of access is working well on weekdays",
    "therapy cover at weekends is thin", "goals are set but rarely reviewed with the person",
    "discharge to assess has helped flow", "the joint dashboard is not yet trusted by every partner",
    "capacity and demand are not planned together", "unpaid carers are not routinely asked what they need",
    "outcomes are counted but not compared across services", "the workforce plan does not cover social care"};
const std::vector<std::string> kEvidence{"Quarterly SUS extract", "Local authority short-term support returns",
                                         "Community services data set", "Patient experience survey",
                                         "Capacity and demand model", "Workforce census"};
const std::vector<std::string> kUnits{"%", "days", "people", "referrals per week", "hours", "per 100,000"};

}  // namespace

WorkspaceGenerator::WorkspaceGenerator(const Framework &framework, std::string frameworkJson, std::uint32_t seed)
    : m_framework(framework), m_frameworkJson(std::move(frameworkJson)), m_random(seed)
{
}

std::string WorkspaceGenerator::areaName(int index)
{
    const auto n = static_cast<std::size_t>(index);
    const std::string &prefix = kPrefixes[n % kPrefixes.size()];
    const std::string &stem = kStems[(n / kPrefixes.size()) % kStems.size()];
    const std::string &suffix = kSuffixes[(n / (kPrefixes.size() * kStems.size())) % kSuffixes.size()];
    const std::size_t round = n / (kPrefixes.size() * kStems.size() * kSuffixes.size());
    std::string name = (prefix.empty() ? "" : prefix + " ") + stem + suffix + kQualifiers[round % kQualifiers.size()];
    if (round >= kQualifiers.size())
        name += " " + std::to_string(round / kQualifiers.size() + 1);
    return name;
}

int WorkspaceGenerator::uniform(int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(m_random);
}

double WorkspaceGenerator::normal(double mean, double sd)
{
    return std::normal_distribution<double>(mean, sd)(m_random);
}

bool WorkspaceGenerator::chance(double p)
{
    return std::bernoulli_distribution(p)(m_random);
}

template <typename T>
const T &WorkspaceGenerator::pick(const std::vector<T> &items)
{
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
}

std::string WorkspaceGenerator::sentence(const std::vector<std::string> &openings, const std::string &subject)
{
    return pick(openings) + " " + subject + ".";
}

int WorkspaceGenerator::clampLevel(double value) const
{
    const int bottom = m_framework.levels.empty() ? 1 : m_framework.levels.front().id;
    return std::clamp(static_cast<int>(std::lround(value)), bottom, m_framework.topLevel());
}

std::vector<Partner> WorkspaceGenerator::makePartners(const std::string &area, int count)
{
    std::vector<Partner> out;
    auto add = [&](std::string name, OrgType type) {
        for (const auto &p : out)
            if (p.organisation == name)
                return;
        const std::string contact = pick(kFirstNames) + " " + pick(kSurnames);
        out.push_back(Partner{0, std::move(name), type, contact});
    };
    add(area + " Integrated Care Board", OrgType::Icb);
    const std::vector<std::pair<std::string, OrgType>> pool{
        {area + " Community Health NHS Trust", OrgType::NhsTrust},
        {area + " Council", OrgType::LocalAuthority},
        {area + " Hospitals NHS Foundation Trust", OrgType::NhsTrust},
        {pick(kProviders) + " (" + area + ")", OrgType::CareProvider},
        {area + " Primary Care Collaborative", OrgType::PrimaryCare},
        {pick(kCharities) + " " + area, OrgType::Vcfse},
        {area + " Lived Experience Panel", OrgType::LivedExperience},
        {area + " District Council", OrgType::LocalAuthority},
        {pick(kProviders) + " Reablement", OrgType::CareProvider},
        {area + " Hospice", OrgType::Vcfse},
    };
    for (const auto &[name, type] : pool) {
        if (static_cast<int>(out.size()) >= count)
            break;
        add(name, type);
    }
    return out;
}

void WorkspaceGenerator::scoreFeature(const Feature &feature, FeatureAssessment &out, const std::vector<Partner> &partners,
                                      double maturity, const FeatureAssessment *before)
{
    out.featureId = feature.id;
    std::vector<int> levels;
    for (std::size_t i = 0; i < partners.size(); ++i) {
        if (chance(0.03))
            continue;  // a partner who had to leave before this feature
        const int level = clampLevel(maturity + m_partnerBias[i] + normal(0, 0.45));
        levels.push_back(level);
        std::string note = chance(0.4) ? sentence(kNoteOpenings, pick(kNoteSubjects)) : std::string();
        out.partnerLevels.push_back(PartnerLevel{partners[i].organisation, level, std::move(note)});
    }
    std::vector<int> sorted = levels;
    std::sort(sorted.begin(), sorted.end());
    if (!sorted.empty() && !chance(0.04)) {
        int agreed = sorted[(sorted.size() - 1) / 2];
        if (chance(0.15))
            agreed = clampLevel(agreed + (maturity > agreed ? 1 : -1));
        out.agreedLevel = agreed;
        out.rationale = "Agreed at level " + std::to_string(agreed) + ": " + pick(kNoteSubjects) + ".";
    }
    const int base = out.agreedLevel.value_or(clampLevel(maturity));
    if (chance(0.6))
        out.targetLevel = std::min(base + 1, m_framework.topLevel());
    else if (chance(0.5))
        out.targetLevel = m_framework.topLevel();
    if (before && chance(0.8)) {
        out.weight = before->weight;  // importance mostly carried over
    } else {
        const int w = uniform(1, 20);
        out.weight = w <= 2 ? 1 : (w <= 15 ? 2 : 3);
    }
    const int spread = sorted.empty() ? 0 : sorted.back() - sorted.front();
    const int c = uniform(0, 9) - 2 * spread;
    out.confidence = c < 2 ? Confidence::Low : (c < 6 ? Confidence::Medium : (c < 9 ? Confidence::High : Confidence::Unset));
    if (chance(0.7))
        out.evidence = pick(kEvidence) + "; " + sentence(kNoteOpenings, pick(kNoteSubjects));
    for (const auto &item : feature.dataToUse) {
        if (!chance(0.55))
            continue;
        MetricValue m;
        m.metricId = item.id;
        m.unit = pick(kUnits);
        char value[32];
        std::snprintf(value, sizeof value, m.unit == "%" ? "%.1f" : "%.0f", std::abs(normal(m.unit == "%" ? 62 : 240, 40)));
        m.value = value;
        m.period = "Q" + std::to_string(uniform(1, 4));
        m.source = pick(kEvidence);
        out.metrics.push_back(std::move(m));
    }
    if (out.agreedLevel && out.targetLevel && *out.agreedLevel < *out.targetLevel)
        for (const auto &action : feature.targetedActions)
            if (chance(0.45))
                out.plannedActions.push_back(action.id);
}

void WorkspaceGenerator::planActions(const std::string &area, int year, Assessment &a)
{
    const int count = uniform(2, 8);
    for (int i = 0; i < count && !m_framework.features.empty(); ++i) {
        const Feature &feature = pick(m_framework.features);
        Action action;
        action.feature = feature.id;
        if (!feature.alignsWith.empty())
            action.change = pick(feature.alignsWith).change;
        action.text = feature.targetedActions.empty() ? "Improve " + feature.title.text
                                                      : pick(feature.targetedActions).text.text;
        if (action.text.size() > 160)
            action.text = action.text.substr(0, 157) + "...";
        action.owner = a.partners.empty() ? std::string() : pick(a.partners).organisation;
        char due[48];
        std::snprintf(due, sizeof due, "%04d-%02d-%02d", year + 1, uniform(1, 12), uniform(1, 28));
        action.due = due;
        const int s = uniform(0, 9);
        action.status = s < 5 ? ActionStatus::NotStarted : (s < 8 ? ActionStatus::InProgress : ActionStatus::Done);
        if (chance(0.3))
            action.notes = "Raised at the " + area + " workshop; " + pick(kNoteSubjects) + ".";
        a.actions.push_back(std::move(action));
    }
}

Assessment WorkspaceGenerator::makeAssessment(const std::string &area, int year, const Assessment *previous)
{
    Assessment a;
    a.area = area;
    a.title = "Annual self-assessment " + std::to_string(year);
    char date[48];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, uniform(3, 11), uniform(1, 28));
    a.date = date;
    a.facilitator = pick(kFirstNames) + " " + pick(kSurnames);
    if (previous) {
        for (const auto &p : previous->partners)
            if (chance(0.9))
                a.partners.push_back(Partner{0, p.organisation, p.type, p.contact});
        // Now and then a new partner joins; and the room never has fewer than three.
        bool joined = !chance(0.2);
        for (auto &p : makePartners(area, 10)) {
            if (a.partners.size() >= 10 || (joined && a.partners.size() >= 3))
                break;
            if (a.partner(p.organisation))
                continue;
            joined = joined || a.partners.size() >= 3;
            a.partners.push_back(std::move(p));
        }
    } else {
        a.partners = makePartners(area, uniform(3, 10));
    }
    m_partnerBias.clear();
    for (const auto &p : a.partners) {
        // Commissioners lean optimistic, people with lived experience and providers less so.
        const double lean = p.type == OrgType::Icb ? 0.2 : (p.type == OrgType::LivedExperience ? -0.35 : 0.0);
        m_partnerBias.push_back(lean + normal(0, 0.25));
    }
    const double areaMaturity = normal(1.6, 0.35);
    for (const auto &feature : m_framework.features) {
        const FeatureAssessment *before = previous ? previous->feature(feature.id) : nullptr;
        double maturity = areaMaturity + normal(0, 0.35);
        if (before && before->agreedLevel)
            maturity = *before->agreedLevel + normal(0.25, 0.35);  // most systems improve a little a year
        FeatureAssessment f;
        scoreFeature(feature, f, a.partners, maturity, before);
        a.features.push_back(std::move(f));
    }
    planActions(area, year, a);
    if (!m_framework.changes.empty() && chance(0.05))
        a.overrides.push_back(Override{pick(m_framework.changes).id, OverrideKind::Pin,
                                       "The board has asked for this first"});
    return a;
}

GeneratedWorkspace WorkspaceGenerator::fill(storage::Workspace &workspace, const GeneratorOptions &options)
{
    GeneratedWorkspace out;
    if (options.fastWrites)
        workspace.database().exec("PRAGMA synchronous = OFF");
    const int years = std::max(1, options.yearsPerArea);
    const int areas = (options.assessments + years - 1) / years;
    for (int area = 0; area < areas && static_cast<int>(out.ids.size()) < options.assessments; ++area) {
        const std::string name = areaName(area);
        out.areas.push_back(name);
        std::optional<Assessment> previous;
        for (int y = 0; y < years && static_cast<int>(out.ids.size()) < options.assessments; ++y) {
            Assessment a = makeAssessment(name, options.firstYear + y, previous ? &*previous : nullptr);
            const bool last = y == years - 1 || static_cast<int>(out.ids.size()) + 1 == options.assessments;
            a.status = last ? AssessmentStatus::Draft : AssessmentStatus::Final;
            if (previous && options.linkPrevious)
                a.previousId = previous->id;
            auto id = workspace.insertAssessment(a, m_frameworkJson, false);
            if (!id) {
                out.error = id.error().toString();
                break;
            }
            a.id = *id;
            out.ids.push_back(*id);
            out.partners += static_cast<long>(a.partners.size());
            out.actions += static_cast<long>(a.actions.size());
            for (const auto &f : a.features)
                out.partnerLevels += static_cast<long>(f.partnerLevels.size());
            previous = std::move(a);
        }
        if (!out.ok())
            break;
    }
    if (options.fastWrites) {
        workspace.database().exec("PRAGMA synchronous = FULL");
        workspace.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return out;
}

GeneratedWorkspace generateWorkspace(const std::string &path, const std::string &frameworkJson,
                                     const GeneratorOptions &options)
{
    GeneratedWorkspace out;
    auto framework = parseFramework(frameworkJson, "framework");
    if (!framework.ok()) {
        out.error = "the framework does not load";
        return out;
    }
    storage::OpenOptions open;
    open.backupOnOpen = false;
    auto ws = storage::Workspace::open(path, open);
    if (!ws) {
        out.error = ws.error().toString();
        return out;
    }
    WorkspaceGenerator generator(*framework.framework, frameworkJson, options.seed);
    return generator.fill(*ws, options);
}

}  // namespace hicm::test
