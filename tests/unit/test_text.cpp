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

TEST_CASE("user text is shown as typed: no bidi control reorders it, right-to-left text is isolated", "[text]")
{
    // "\u202Egnp.exe" would show as "exe.png".
    CHECK(shownAsTyped("\u202Egnp.exe") == "gnp.exe");
    CHECK(shownAsTyped("North \u2066ICB\u2069") == "North ICB");
    CHECK(shownAsTyped("North ICB") == "North ICB");
    CHECK(shownAsTyped("Café Ølstykke") == "Café Ølstykke");  // Latin letters are left as they are
    // Hebrew and Arabic names are isolated, so the text after them keeps its place.
    CHECK(shownAsTyped("שלום") == "\u2068שלום\u2069");
    CHECK(shownAsTyped("مجلس 2") == "\u2068مجلس 2\u2069");
    CHECK(shownAsTyped("") == "");
}
