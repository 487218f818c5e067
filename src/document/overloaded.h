// std::visit over a set of lambdas, one per alternative (the document's edits are a std::variant).
#pragma once

namespace hicm::document {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace hicm::document
