// A realistic, fully scored assessment built in code on any framework: ten partners (one with a
// hostile name), every feature agreed with rationale, evidence, metrics and partner notes, an action
// plan, a facilitator override, and the area's previous assessment a year earlier. Used by the report
// tests, the benchmark and the sample tool.
#pragma once

#include "assessment.h"
#include "framework.h"

#include <algorithm>
#include <string>
#include <vector>

namespace hicm::test {

inline const std::string kHostilePartner = "<b>Acme & Sons</b>";

inline std::vector<Partner> samplePartners(std::size_t count = 10)
{
    const std::vector<Partner> all{
        {0, "North Shire Integrated Care Board", OrgType::Icb, "Priya Shah"},
        {0, "North Shire County Council", OrgType::LocalAuthority, "Tom Bell"},
        {0, "Riverside Hospitals NHS Foundation Trust", OrgType::NhsTrust, ""},
        {0, "Northshire Community Health NHS Trust", OrgType::NhsTrust, ""},
        {0, kHostilePartner, OrgType::CareProvider, ""},
        {0, "Meadowbank Care Homes", OrgType::CareProvider, ""},
        {0, "Age Concern North Shire", OrgType::Vcfse, ""},
        {0, "North Shire GP Federation", OrgType::PrimaryCare, ""},
        {0, "Carers\u2019 Voice, North Shire", OrgType::LivedExperience, ""},
        {0, "\"Home First\" Reablement Service", OrgType::Other, ""},
    };
    std::vector<Partner> out;
    for (std::size_t i = 0; i < count; ++i) {
        Partner p = all[i % all.size()];
        if (i >= all.size())
            p.organisation += " " + std::to_string(i / all.size() + 1);
        out.push_back(p);
    }
    return out;
}

// The assessment; `previousYear` gives the earlier one (lower levels, fewer actions, no overrides).
inline Assessment sampleAssessment(const Framework &fw, bool previousYear = false, std::size_t partners = 10)
{
    Assessment a;
    a.id = previousYear ? 1 : 2;
    a.area = "North Shire";
    a.title = previousYear ? "Intermediate care self-assessment 2024" : "Intermediate care self-assessment 2025";
    a.date = previousYear ? "2024-03-14" : "2025-03-12";
    a.facilitator = "Dr Jane Okafor";
    a.status = AssessmentStatus::Final;
    a.frameworkTitle = fw.meta.title;
    a.frameworkEdition = fw.meta.edition;
    a.partners = samplePartners(partners);
    const int top = fw.topLevel();
    // Agreed levels now and a year earlier, by feature position (cycled for longer frameworks).
    const std::vector<int> now{2, 2, 1, 2, 3, 1, 2, 2};
    const std::vector<int> then{1, 2, 1, 1, 2, 1, 2, 3};
    const std::vector<int> weights{3, 2, 3, 2, 2, 1, 3, 2};
    const std::vector<Confidence> conf{Confidence::High, Confidence::Medium, Confidence::Low, Confidence::Medium,
                                       Confidence::High, Confidence::Medium, Confidence::Low, Confidence::High};
    for (std::size_t i = 0; i < fw.features.size(); ++i) {
        const Feature &f = fw.features[i];
        FeatureAssessment fa;
        fa.featureId = f.id;
        const int agreed = std::clamp((previousYear ? then : now)[i % 8], 1, top);
        fa.agreedLevel = agreed;
        fa.targetLevel = (i % 4 == 3) ? std::min(top, agreed + 1) : top;
        fa.confidence = conf[i % 8];
        fa.weight = weights[i % 8];
        fa.rationale = "Partners agreed level " + std::to_string(agreed) + " for " + f.title.text +
                       ": practice is consistent in the north of the county but the south still relies on "
                       "spot purchasing, and " + kHostilePartner + " described delays of up to a week at weekends.";
        if (i % 3 != 2)
            fa.evidence = "Monthly capacity and demand report (January to March); audit of 40 case files; "
                          "discussion at the workshop.\nWinter review by the system flow group.";
        const bool split = (i % 8 == 2 || i % 8 == 6);  // no shared view on two features
        for (std::size_t p = 0; p < a.partners.size(); ++p) {
            int level = agreed + (p % 4 == 1 ? (agreed < top ? 1 : -1) : 0);
            if (split)
                level = p % 3 == 0 ? 1 : p % 3 == 1 ? top : 2;
            PartnerLevel pl{a.partners[p].organisation, std::clamp(level, 1, top), ""};
            if (p == 4 || (split && p < 2))
                pl.note = "We see this differently: " + std::string(p == 4 ? "<i>night</i> & weekend cover" : "data are not shared") + ".";
            fa.partnerLevels.push_back(pl);
        }
        for (std::size_t m = 0; m < f.dataToUse.size() && m < 2; ++m)
            fa.metrics.push_back({f.dataToUse[m].id, m == 0 ? "82" : "1,240", m == 0 ? "%" : "people",
                                  previousYear ? "2023/24" : "2024/25 Q3", m == 0 ? "SUS+" : "Local dashboard"});
        if (!previousYear && !f.targetedActions.empty() && i % 2 == 0)
            fa.plannedActions.push_back(f.targetedActions.front().id);
        a.features.push_back(fa);
    }
    const std::vector<std::pair<std::string, std::string>> actions{
        {"Single point of access for step-up and step-down referrals, seven days a week", "Tom Bell"},
        {"Agree shared goal-setting template across all reablement providers", "Hillside Reablement"},
        {"Joint workforce plan for therapists and support workers across bed and home settings", "Priya Shah"},
        {"Monthly system flow meeting reviewing the intermediate care dashboard", "ICB performance team"},
        {"Carers\u2019 conversation at every discharge, recorded in the shared care record", kHostilePartner},
        {"Business case for pooled budget under the Better Care Fund", "Director of Adult Social Care"},
        {"Publish outcomes (independence at 91 days) quarterly to the Health and Wellbeing Board", "Public health"},
    };
    const std::size_t count = previousYear ? 3 : actions.size();
    for (std::size_t i = 0; i < count; ++i) {
        Action ac;
        ac.id = std::int64_t(i + 1);
        ac.text = actions[i].first;
        ac.owner = actions[i].second;
        ac.change = fw.changes.empty() ? "" : fw.changes[i % fw.changes.size()].id;
        ac.feature = fw.features.empty() ? "" : fw.features[i % fw.features.size()].id;
        const int month = int(4 + i);
        ac.due = i == 3 ? "" : "2025-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-30";
        ac.status = i == 0 ? ActionStatus::Done : i < 3 ? ActionStatus::InProgress : ActionStatus::NotStarted;
        if (i == 1)
            ac.notes = "Draft shared with providers; comments due by the end of the month.";
        a.actions.push_back(ac);
    }
    if (!previousYear && fw.changes.size() > 2)
        a.overrides.push_back({fw.changes[2].id, OverrideKind::Pin,
                               "The pooled budget decision is due in June: the board wants it first"});
    return a;
}

}  // namespace hicm::test
