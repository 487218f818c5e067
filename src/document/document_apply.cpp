// Applying a typed edit: the one storage writer for its kind, then the same change to the in-memory copy
// (as storage made it), and the inverse computed from the copy before the change.
#include "document.h"

#include "overloaded.h"
#include "workspace_undo.h"

#include <algorithm>

namespace hicm::document {

namespace {

using storage::Status;

std::string &detail(Assessment &a, storage::AssessmentField field)
{
    switch (field) {
    case storage::AssessmentField::Area:
        return a.area;
    case storage::AssessmentField::Title:
        return a.title;
    case storage::AssessmentField::Date:
        return a.date;
    case storage::AssessmentField::Facilitator:
        break;
    }
    return a.facilitator;
}

const Partner *partnerById(const Assessment &a, std::int64_t id)
{
    for (const Partner &p : a.partners)
        if (p.id == id)
            return &p;
    return nullptr;
}

// The partner's position among the partners (they are kept in id order, as storage reads them).
std::size_t partnerRank(const Assessment &a, const std::string &organisation)
{
    for (std::size_t i = 0; i < a.partners.size(); ++i)
        if (a.partners[i].organisation == organisation)
            return i;
    return a.partners.size();
}

// The feature edit applied to the copy exactly as storage applies it (workspace_edit.cpp).
void mirrorFeatureEdit(Assessment &a, FeatureAssessment &f, const storage::FeatureEdit &e)
{
    if (e.agreedLevel)
        f.agreedLevel = *e.agreedLevel;
    if (e.rationale)
        f.rationale = *e.rationale;
    if (e.targetLevel)
        f.targetLevel = *e.targetLevel;
    if (e.confidence)
        f.confidence = *e.confidence;
    if (e.weight)
        f.weight = *e.weight;
    if (e.evidence)
        f.evidence = *e.evidence;
    for (const storage::PartnerLevelEdit &pl : e.partnerLevels) {
        const Partner *partner = partnerById(a, pl.partnerId);
        if (!partner)
            continue;
        auto it = std::find_if(f.partnerLevels.begin(), f.partnerLevels.end(),
                               [&](const PartnerLevel &l) { return l.partner == partner->organisation; });
        if (!pl.level) {  // the note goes with the level
            if (it != f.partnerLevels.end())
                f.partnerLevels.erase(it);
            continue;
        }
        if (it != f.partnerLevels.end()) {
            it->level = *pl.level;
            if (pl.note)
                it->note = *pl.note;
            continue;
        }
        const std::size_t rank = partnerRank(a, partner->organisation);
        auto at = std::find_if(f.partnerLevels.begin(), f.partnerLevels.end(),
                               [&](const PartnerLevel &l) { return partnerRank(a, l.partner) > rank; });
        f.partnerLevels.insert(at, PartnerLevel{partner->organisation, *pl.level, pl.note.value_or(std::string())});
    }
}

// The edit that puts back what `e` changes, from the copy (which is what the file holds).
storage::FeatureEdit inverseFeatureEdit(const Assessment &a, const FeatureAssessment &f, const storage::FeatureEdit &e)
{
    storage::FeatureEdit back;
    if (e.agreedLevel)
        back.agreedLevel = f.agreedLevel;
    if (e.rationale)
        back.rationale = f.rationale;
    if (e.targetLevel)
        back.targetLevel = f.targetLevel;
    if (e.confidence)
        back.confidence = f.confidence;
    if (e.weight)
        back.weight = f.weight;
    if (e.evidence)
        back.evidence = f.evidence;
    for (const storage::PartnerLevelEdit &pl : e.partnerLevels) {
        storage::PartnerLevelEdit old{pl.partnerId, std::nullopt, std::nullopt};
        if (const Partner *partner = partnerById(a, pl.partnerId))
            if (const PartnerLevel *l = f.partnerLevel(partner->organisation)) {
                old.level = l->level;
                old.note = l->note;
            }
        back.partnerLevels.push_back(old);
    }
    return back;
}

}  // namespace

Document::Applied Document::apply(const Edit &edit)
{
    const std::int64_t id = m_assessment.id;
    Assessment &a = m_assessment;
    const std::string stampBefore = m_workspace.lastWrite();
    bool reloadAfter = false;  // a rare, structural edit: simplest to re-read than to mirror
    Applied out{Status(storage::Done{}), std::nullopt};
    std::visit(
        Overloaded{
            [&](const SetDetail &e) {
                const std::string old = detail(a, e.field);
                out.status = m_workspace.setAssessmentField(id, e.field, e.value);
                if (out.status) {
                    out.inverse = SetDetail{e.field, old};
                    detail(a, e.field) = e.value;
                }
            },
            [&](const SetStatus &e) {
                const AssessmentStatus old = a.status;
                out.status = m_workspace.setStatus(id, e.status);
                if (out.status) {
                    out.inverse = SetStatus{old};
                    a.status = e.status;
                }
            },
            [&](const EditFeature &e) {
                FeatureAssessment *f = a.feature(e.featureId);
                out.status = m_workspace.updateFeature(id, e.featureId, e.edit);
                if (out.status && f) {
                    out.inverse = EditFeature{e.featureId, inverseFeatureEdit(a, *f, e.edit)};
                    mirrorFeatureEdit(a, *f, e.edit);
                }
            },
            [&](const SetMetric &e) {
                FeatureAssessment *f = a.feature(e.featureId);
                out.status = m_workspace.setMetric(id, e.featureId, e.value);
                if (out.status && f) {
                    auto it = std::find_if(f->metrics.begin(), f->metrics.end(),
                                           [&](const MetricValue &m) { return m.metricId == e.value.metricId; });
                    if (it != f->metrics.end()) {
                        out.inverse = SetMetric{e.featureId, *it};
                        *it = e.value;
                    } else {
                        out.inverse = RemoveMetric{e.featureId, e.value.metricId};
                        f->metrics.push_back(e.value);
                        if (const Feature *feature = m_framework->feature(e.featureId))
                            sortInFrameworkOrder(*f, *feature);
                    }
                }
            },
            [&](const RemoveMetric &e) {
                FeatureAssessment *f = a.feature(e.featureId);
                out.status = m_workspace.removeMetric(id, e.featureId, e.metricId);
                if (out.status && f) {
                    auto it = std::find_if(f->metrics.begin(), f->metrics.end(),
                                           [&](const MetricValue &m) { return m.metricId == e.metricId; });
                    if (it != f->metrics.end()) {
                        out.inverse = SetMetric{e.featureId, *it};
                        f->metrics.erase(it);
                    } else {
                        out.inverse = RemoveMetric{e.featureId, e.metricId};
                    }
                }
            },
            [&](const SetPlanned &e) {
                FeatureAssessment *f = a.feature(e.featureId);
                out.status = m_workspace.setPlannedAction(id, e.featureId, e.actionId, e.planned);
                if (out.status && f) {
                    auto it = std::find(f->plannedActions.begin(), f->plannedActions.end(), e.actionId);
                    const bool was = it != f->plannedActions.end();
                    out.inverse = SetPlanned{e.featureId, e.actionId, was};
                    if (e.planned && !was) {
                        f->plannedActions.push_back(e.actionId);
                        if (const Feature *feature = m_framework->feature(e.featureId))
                            sortInFrameworkOrder(*f, *feature);
                    }
                    else if (!e.planned && was)
                        f->plannedActions.erase(it);
                }
            },
            [&](const AddPartner &e) {
                Partner p = e.partner;
                p.id = 0;
                auto added = m_workspace.addPartner(id, p);
                if (!added) {
                    out.status = added.error();
                    return;
                }
                out.inverse = RemovePartner{*added};
                reloadAfter = true;  // storage may tidy the name (trimmed); read it as stored
            },
            [&](const RestorePartner &e) {
                out.status = storage::UndoWrites::restorePartner(m_workspace, id, e.partner, e.levels);
                if (out.status) {
                    out.inverse = RemovePartner{e.partner.id};
                    reloadAfter = true;
                }
            },
            [&](const UpdatePartner &e) {
                const Partner *old = partnerById(a, e.partner.id);
                const std::optional<Partner> before = old ? std::optional<Partner>(*old) : std::nullopt;
                out.status = m_workspace.updatePartner(id, e.partner);
                if (out.status) {
                    if (before)
                        out.inverse = UpdatePartner{*before};
                    reloadAfter = true;  // a new name is every feature's too
                }
            },
            [&](const RemovePartner &e) {
                std::optional<RestorePartner> back;
                if (const Partner *p = partnerById(a, e.partnerId)) {
                    back = RestorePartner{*p, {}};
                    for (const FeatureAssessment &f : a.features)
                        if (const PartnerLevel *l = f.partnerLevel(p->organisation))
                            back->levels.emplace_back(f.featureId, *l);
                }
                out.status = m_workspace.removePartner(id, e.partnerId);
                if (out.status) {
                    if (back)
                        out.inverse = *back;
                    reloadAfter = true;
                }
            },
            [&](const AddAction &e) {
                if (e.action.id == 0) {
                    auto added = m_workspace.addAction(id, e.action);
                    if (!added) {
                        out.status = added.error();
                        return;
                    }
                    out.inverse = RemoveAction{*added};
                } else {
                    out.status = storage::UndoWrites::restoreAction(m_workspace, id, e.action);
                    if (!out.status)
                        return;
                    out.inverse = RemoveAction{e.action.id};
                }
                reloadAfter = true;  // as stored (ids, tidied dates)
            },
            [&](const UpdateAction &e) {
                auto it = std::find_if(a.actions.begin(), a.actions.end(), [&](const Action &x) { return x.id == e.action.id; });
                const std::optional<Action> before = it != a.actions.end() ? std::optional<Action>(*it) : std::nullopt;
                out.status = m_workspace.updateAction(id, e.action);
                if (out.status) {
                    if (before)
                        out.inverse = UpdateAction{*before};
                    if (it != a.actions.end()) {
                        const auto carried = it->carriedFrom;  // not an edit's to change
                        *it = e.action;
                        it->carriedFrom = carried;
                    }
                }
            },
            [&](const RemoveAction &e) {
                auto it = std::find_if(a.actions.begin(), a.actions.end(), [&](const Action &x) { return x.id == e.actionId; });
                const std::optional<Action> before = it != a.actions.end() ? std::optional<Action>(*it) : std::nullopt;
                out.status = m_workspace.removeAction(id, e.actionId);
                if (out.status) {
                    if (before)
                        out.inverse = AddAction{*before};
                    if (it != a.actions.end())
                        a.actions.erase(it);
                }
            },
            [&](const SetOverride &e) {
                auto it = std::find_if(a.overrides.begin(), a.overrides.end(),
                                       [&](const Override &o) { return o.change == e.decision.change; });
                out.status = m_workspace.setOverride(id, e.decision);
                if (out.status) {
                    if (it != a.overrides.end()) {
                        out.inverse = SetOverride{*it};
                        *it = e.decision;
                    } else {
                        out.inverse = RemoveOverride{e.decision.change};
                        a.overrides.push_back(e.decision);
                        // In the framework's order of changes, as storage reads them.
                        auto rank = [&](const Override &o) {
                            std::size_t i = 0;
                            while (i < m_framework->changes.size() && m_framework->changes[i].id != o.change)
                                ++i;
                            return i;
                        };
                        std::stable_sort(a.overrides.begin(), a.overrides.end(),
                                         [&](const Override &x, const Override &y) { return rank(x) < rank(y); });
                    }
                }
            },
            [&](const RoomVotes &e) {
                // Stored through the room's own write (its log rows say "(room)"), mirrored as the same
                // partner levels an EditFeature would set.
                storage::FeatureEdit asEdit;
                for (const auto &[partnerId, level] : e.votes)
                    asEdit.partnerLevels.push_back({partnerId, level, std::nullopt});
                FeatureAssessment *f = a.feature(e.featureId);
                out.status = m_workspace.setPartnerLevelsFromRoom(id, e.featureId, e.votes);
                if (out.status && f) {
                    out.inverse = EditFeature{e.featureId, inverseFeatureEdit(a, *f, asEdit)};
                    mirrorFeatureEdit(a, *f, asEdit);
                }
            },
            [&](const MergeFile &e) {
                const Assessment before = a;  // what the file holds (the copy is checked against it)
                out.status = m_workspace.applyMerge(id, e.merged, e.source, e.expectedUpdated);
                if (out.status) {
                    out.inverse = UndoMerge{before, e.merged, e.source};
                    reloadAfter = true;
                }
            },
            [&](const UndoMerge &e) {
                out.status = storage::UndoWrites::undoMerge(m_workspace, id, e.before, e.source);
                if (out.status) {
                    out.inverse = MergeFile{e.merged, e.source, {}};
                    reloadAfter = true;
                }
            },
            [&](const RemoveOverride &e) {
                auto it = std::find_if(a.overrides.begin(), a.overrides.end(),
                                       [&](const Override &o) { return o.change == e.change; });
                out.status = m_workspace.removeOverride(id, e.change);
                if (out.status) {
                    if (it != a.overrides.end()) {
                        out.inverse = SetOverride{*it};
                        a.overrides.erase(it);
                    } else {
                        out.inverse = RemoveOverride{e.change};
                    }
                }
            }},
        edit);
    if (!out.status)
        return out;
    if (!out.inverse)
        out.inverse = edit;  // nothing to put back (the item was not in the copy): applying it again is harmless
    if (reloadAfter) {
        if (auto loaded = m_workspace.loadAssessment(id))
            m_assessment = std::move(*loaded);
    } else if (m_workspace.lastWrite() != stampBefore) {
        m_assessment.updated = m_workspace.lastWrite();
    }
    verify();
    announce(edit);
    return out;
}

}  // namespace hicm::document
