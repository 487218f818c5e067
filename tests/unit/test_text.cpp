// The core's text helpers: how names are matched and what counts as blank or a date.
#include "text.h"

#include <catch2/catch.hpp>

using namespace hicm;

TEST_CASE("organisation names match whatever their spacing and case", "[text]")
{
    CHECK(folded("  North   ICB ") == "north icb");
    CHECK(folded("North\tICB\n") == "north icb");
    CHECK(folded("North ICB") == folded("north  icb"));
    CHECK(folded("North ICB") != folded("North ICS"));
    CHECK(trimmed(" \t Shire Council \r\n") == "Shire Council");
    CHECK(trimmed("   ").empty());
}

TEST_CASE("white space alone is not text", "[text]")
{
    CHECK_FALSE(hasText(""));
    CHECK_FALSE(hasText(" \t\r\n"));
    CHECK(hasText(" x "));
    CHECK(hasText("Café"));  // bytes above 127 are text
}

TEST_CASE("a date is a real calendar date written YYYY-MM-DD", "[text]")
{
    CHECK(isIsoDate("2026-11-22"));
    CHECK(isIsoDate("2024-02-29"));  // a leap year
    CHECK_FALSE(isIsoDate("2025-02-29"));
    CHECK_FALSE(isIsoDate("2100-02-29"));  // not a leap year
    CHECK(isIsoDate("2000-02-29"));
    CHECK_FALSE(isIsoDate("2026-13-01"));
    CHECK_FALSE(isIsoDate("22/11/2026"));
    CHECK_FALSE(isIsoDate("2026-11-22T10:00"));
    CHECK_FALSE(isIsoDate(""));
}
