#include "assessment.h"

#include <catch2/catch.hpp>

using namespace hicm;

TEST_CASE("organisation types parse from names and labels", "[assessment]")
{
    CHECK(parseOrgType("nhs-trust") == OrgType::NhsTrust);
    CHECK(parseOrgType("NHS trust") == OrgType::NhsTrust);
    CHECK(parseOrgType("VCFSE") == OrgType::Vcfse);
    CHECK(parseOrgType("Person with lived experience") == OrgType::LivedExperience);
    CHECK_FALSE(parseOrgType("hospital").has_value());
    for (auto t : allOrgTypes())
        CHECK(parseOrgType(toString(t)) == t);
}

TEST_CASE("action status and confidence names round-trip", "[assessment]")
{
    CHECK(parseActionStatus("in progress") == ActionStatus::InProgress);
    CHECK(parseActionStatus("done") == ActionStatus::Done);
    CHECK(parseConfidence("HIGH") == Confidence::High);
    CHECK_FALSE(parseConfidence("").has_value());
    CHECK_FALSE(parseConfidence("sure").has_value());
}

TEST_CASE("agreed count counts only agreed features", "[assessment]")
{
    Assessment a;
    a.features.resize(3);
    a.features[0].featureId = "B1";
    a.features[0].agreedLevel = 2;
    a.features[1].featureId = "B2";
    a.features[1].partnerLevels.push_back({"ICB", 1, ""});
    CHECK(a.agreedCount() == 1);
    REQUIRE(a.feature("B2") != nullptr);
    CHECK(a.feature("B2")->partnerLevel("ICB")->level == 1);
    CHECK(a.feature("B9") == nullptr);
}
