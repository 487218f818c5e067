// How a model's rows changed between two reads of the document's copy, by the rows' keys (partner ids,
// metric ids, action ids): the same rows, one row inserted or removed (what one edit does), or anything
// else (a re-read after another program's change), which the model shows as a reset.
#pragma once

#include <algorithm>
#include <vector>

namespace hicm::document {

struct RowChange {
    enum Kind { Same, Inserted, Removed, Other } kind = Same;
    int at = 0;  // the row inserted or removed
};

template <class Key>
RowChange rowChange(const std::vector<Key> &before, const std::vector<Key> &after)
{
    if (before == after)
        return {};
    const int at = static_cast<int>(std::mismatch(before.begin(), before.end(), after.begin(), after.end()).first - before.begin());
    auto sameWithout = [at](const std::vector<Key> &longer, const std::vector<Key> &shorter) {
        return longer.size() == shorter.size() + 1 && std::equal(shorter.begin(), shorter.begin() + at, longer.begin()) &&
               std::equal(shorter.begin() + at, shorter.end(), longer.begin() + at + 1);
    };
    if (sameWithout(after, before))
        return {RowChange::Inserted, at};
    if (sameWithout(before, after))
        return {RowChange::Removed, at};
    return {RowChange::Other, 0};
}

}  // namespace hicm::document
