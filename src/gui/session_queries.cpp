// The Session's reads of other assessments and of the room's state, for Compare, Trend, exports and the
// report: each one the document layer's shared query (document/queries.h, document/roomstate.h), the same the
// CLI runs, over the Session's own connection.
#include "session.h"

#include "workspace.h"

namespace hicm::gui {

storage::Result<std::string> Session::frameworkJson(std::int64_t id)
{
    return m_workspace.frameworkJson(id);
}

storage::Result<ScoredAssessment> Session::scored(std::int64_t id)
{
    return document::loadScored(m_workspace, id);
}

storage::Result<document::Compared> Session::compare(std::int64_t beforeId, std::int64_t afterId)
{
    return document::compareStored(m_workspace, beforeId, afterId);
}

document::AreaHistory Session::areaHistory(const std::string &area)
{
    return document::areaHistory(m_workspace, summaries(), area);
}

document::ReportBasis Session::reportBasis()
{
    return document::reportBasis(m_workspace, {assessment(), frameworkPtr()}, previous());
}

storage::Result<std::string> Session::roomState(std::int64_t id)
{
    return document::loadRoomState(m_workspace, id);
}

storage::Status Session::saveRoomState(std::int64_t id, const std::string &state)
{
    return document::saveRoomState(m_workspace, id, state);
}

}  // namespace hicm::gui
