// Shared by the fuzz targets: the real frameworks the inputs are checked against, loaded once, and a
// hard stop when a property the code promises does not hold (libFuzzer saves the input).
#pragma once

#include "framework_loader.h"
#include "test_framework.h"

#include <cstdio>
#include <cstdlib>

namespace hicm::fuzz {

// Stops the run, naming the broken property; libFuzzer reports it as a crash and keeps the input.
[[noreturn]] inline void broken(const char *property)
{
    std::fprintf(stderr, "fuzz: property broken: %s\n", property);
    std::abort();
}

// The frameworks, loaded once for the whole run (tests/support/test_framework.h, shared with the tests).
using test::bundledFramework;
using test::miniFramework;

}  // namespace hicm::fuzz
