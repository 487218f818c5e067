// The framework file shipped inside the app and the CLI.
#pragma once

#include "framework_loader.h"

#include <string>

namespace hicm {

// The resource path of the bundled framework, for messages.
inline constexpr const char *kBundledFrameworkPath = ":/framework/intermediate-care-hicm.json";

std::string bundledFrameworkBytes();

// Loads a framework: `path` if given, else the bundled one.
FrameworkLoadResult loadFrameworkOrBundled(const std::string &path);

}  // namespace hicm
