// The valid choices a framework offers, as text for "unknown X (Xs are: …)" messages. Shared by the
// storage layer's checks and the CLI.
#pragma once

#include "framework.h"

#include <string>

namespace hicm::storage {

std::string featureList(const Framework &fw);          // "B1, B2, B3"
std::string levelList(const Framework &fw);            // "1 (Not yet established, Foundational), 2 (Developing), …"
std::string changeList(const Framework &fw);           // "A, B"
std::string metricList(const Feature &feature);        // "B1.M1, B1.M2" or "none"
std::string targetedActionList(const Feature &feature);  // "B1.T1" or "none"

}  // namespace hicm::storage
