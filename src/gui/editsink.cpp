#include "editsink.h"

#include "session.h"

#include <type_traits>

namespace hicm::gui {

namespace {

// One field of a feature edit, as the Session names it; several fields at once go as one step.
void applyFeatureEdit(Session *session, const document::EditFeature &e)
{
    const storage::FeatureEdit &f = e.edit;
    const int fields = int(f.agreedLevel.has_value()) + int(f.rationale.has_value()) + int(f.targetLevel.has_value()) +
                       int(f.confidence.has_value()) + int(f.weight.has_value()) + int(f.evidence.has_value()) +
                       int(f.partnerLevels.size());
    if (fields == 1 && f.partnerLevels.size() == 1 && !f.partnerLevels.front().note)
        return session->setPartnerLevel(e.featureId, f.partnerLevels.front().partnerId, f.partnerLevels.front().level);
    if (fields == 1 && f.agreedLevel)
        return session->setAgreedLevel(e.featureId, *f.agreedLevel);
    if (fields == 1 && f.targetLevel)
        return session->setTarget(e.featureId, *f.targetLevel);
    session->apply(Session::tr("%1: edit").arg(QString::fromStdString(e.featureId)), e);
}

}  // namespace

document::EditSink editSink(Session *session)
{
    return [session](const document::Edit &edit) {
        std::visit(
            [session, &edit](const auto &e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, document::EditFeature>)
                    applyFeatureEdit(session, e);
                else if constexpr (std::is_same_v<T, document::SetMetric>)
                    session->setMetric(e.featureId, e.value);
                else if constexpr (std::is_same_v<T, document::UpdatePartner>)
                    session->updatePartner(e.partner);
                else if constexpr (std::is_same_v<T, document::UpdateAction>)
                    session->updateAction(e.action);
                else
                    session->apply(Session::tr("Edit"), edit);
            },
            edit);
    };
}

}  // namespace hicm::gui
