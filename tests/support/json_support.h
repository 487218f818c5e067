// JSON helpers shared by the unit and CLI tests.
#pragma once

#include <nlohmann/json.hpp>

namespace hicm::test {

// An assessment's JSON without what a workspace assigns (ids, times, the previous link): what must survive
// a round trip through another workspace.
inline nlohmann::json withoutIds(nlohmann::json a)
{
    for (const char *key : {"id", "created", "updated", "previous_id"})
        a.erase(key);
    for (auto &p : a["partners"])
        p.erase("id");
    for (auto &ac : a["actions"])
        ac.erase("id");
    return a;
}

}  // namespace hicm::test
