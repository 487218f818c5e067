// The framework's cross-references (framework_reader.h): every alignment, prerequisite and challenge
// reference names something the file defines, and the prerequisites have no cycle.
#include "framework_reader.h"

#include <functional>
#include <set>

namespace hicm::framework_json {

void checkReferences(Reader &r, const Framework &fw)
{
    auto changeList = [&] {
        std::string s;
        for (const auto &c : fw.changes)
            s += (s.empty() ? "" : ", ") + c.id;
        return s;
    };
    for (std::size_t i = 0; i < fw.features.size(); ++i) {
        const auto &f = fw.features[i];
        std::set<std::string> aligned;
        for (std::size_t j = 0; j < f.alignsWith.size(); ++j) {
            const auto &a = f.alignsWith[j];
            const std::string p = "/features/" + std::to_string(i) + "/aligns_with/" + std::to_string(j) + "/change";
            if (!a.change.empty() && !fw.change(a.change))
                r.fail(p, "unknown change \"" + a.change + "\" (changes are: " + changeList() + ")");
            else if (!aligned.insert(a.change).second)
                r.fail(p, "feature " + f.id + " is aligned with change " + a.change + " twice");
        }
    }
    std::set<std::string> challengeIds;
    for (const auto &c : fw.context.challenges)
        challengeIds.insert(c.id);
    for (std::size_t i = 0; i < fw.changes.size(); ++i)
        for (std::size_t j = 0; j < fw.changes[i].challenges.size(); ++j) {
            const auto &id = fw.changes[i].challenges[j].challenge;
            if (!id.empty() && !challengeIds.count(id))
                r.fail("/changes/" + std::to_string(i) + "/challenges/" + std::to_string(j) + "/challenge",
                       "unknown challenge \"" + id + "\" (not in /context/challenges)");
        }
    bool resolved = true;
    for (std::size_t i = 0; i < fw.prerequisites.size(); ++i) {
        const auto &pre = fw.prerequisites[i];
        const std::string p = "/prerequisites/" + std::to_string(i);
        for (const auto &[key, id] : {std::pair{"change", pre.change}, std::pair{"requires", pre.required}}) {
            if (!id.empty() && !fw.change(id)) {
                r.fail(p + "/" + key, "unknown change \"" + id + "\" (changes are: " + changeList() + ")");
                resolved = false;
            }
        }
        if (!pre.change.empty() && pre.change == pre.required)
            r.fail(p, "change " + pre.change + " cannot be its own prerequisite");
    }
    if (!resolved)
        return;
    // Depth-first search for a cycle; names it, e.g. "A → B → C → A".
    std::map<std::string, int> state;  // 0 unvisited, 1 on the stack, 2 done
    std::vector<std::string> stack;
    std::function<bool(const std::string &)> visit = [&](const std::string &id) {
        state[id] = 1;
        stack.push_back(id);
        for (const auto &next : fw.prerequisitesOf(id)) {
            if (next == id)
                continue;  // reported above
            if (state[next] == 1) {
                std::string cycle;
                auto from = std::find(stack.begin(), stack.end(), next);
                for (auto it = from; it != stack.end(); ++it)
                    cycle += *it + " \u2192 ";
                r.fail("/prerequisites", "the prerequisites form a cycle: " + cycle + next);
                return true;
            }
            if (state[next] == 0 && visit(next))
                return true;
        }
        stack.pop_back();
        state[id] = 2;
        return false;
    };
    for (const auto &c : fw.changes)
        if (state[c.id] == 0 && visit(c.id))
            break;
}

}  // namespace hicm::framework_json
