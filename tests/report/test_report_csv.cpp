// export-csv's file: RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark, every score.
#include "report.h"
#include "report_test_support.h"

using namespace hicm;
using namespace hicm::test;

TEST_CASE("the CSV holds every score, quoted as RFC 4180 says", "[csv]")
{
    const Framework &fw = bundledFramework();
    Assessment a = sampleAssessment(fw);
    a.partners.push_back({0, "=HYPERLINK(\"http://example.com\")", OrgType::Other, ""});
    a.features[0].rationale = "Two lines,\nwith \"quotes\" and a comma";
    const QByteArray bytes = report::csvBytes(a, fw);
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const std::string text = bytes.mid(3).toStdString();
    CHECK(text.find("\r\n") != std::string::npos);
    CHECK(text.substr(text.size() - 2) == "\r\n");

    const auto rows = parseCsv(text);
    REQUIRE(rows.size() == fw.features.size() + 1);
    const auto &header = rows[0];
    const std::size_t fixed = 12;
    REQUIRE(header.size() == fixed + a.partners.size() + 2);
    CHECK(header[0] == "Feature ID");
    CHECK(header[2] == "Agreed level");
    CHECK(header[7] == "Gap");
    // Partner names come back exactly as typed, hostile ones included; a formula is defused.
    CHECK(header[fixed + 4] == kHostilePartner);
    CHECK(header[fixed + 8] == "Carers\u2019 Voice, North Shire");
    CHECK(header[fixed + 9] == "\"Home First\" Reablement Service");
    CHECK(header[fixed + 10] == "'=HYPERLINK(\"http://example.com\")");
    CHECK(header[header.size() - 2] == "Rationale");
    CHECK(header.back() == "Changes in the agreed plan");
    CHECK(text.find("\"\"\"Home First\"\" Reablement Service\"") != std::string::npos);

    const auto inputs = prioritisationInputs(fw, a);
    for (std::size_t i = 0; i < fw.features.size(); ++i) {
        const auto &row = rows[i + 1];
        const FeatureAssessment &f = a.features[i];
        INFO(f.featureId);
        REQUIRE(row.size() == header.size());
        CHECK(row[0] == f.featureId);
        CHECK(row[1] == fw.features[i].title.text);
        CHECK(row[2] == std::to_string(*f.agreedLevel));
        CHECK(row[6] == std::to_string(inputs[i].target));
        CHECK(row[7] == std::to_string(inputs[i].gap));
        CHECK(row[8] == toString(f.confidence));
        CHECK(row[9] == std::to_string(f.weight));
        for (std::size_t p = 0; p < f.partnerLevels.size(); ++p)
            CHECK(row[fixed + p] == std::to_string(f.partnerLevels[p].level));
        CHECK(row[fixed + a.partners.size() - 1].empty());  // the added partner gave no level
        CHECK(row[row.size() - 2] == f.rationale);
    }
}

TEST_CASE("writeCsv writes the file, or says why not", "[csv]")
{
    const Framework &fw = bundledFramework();
    const Assessment a = sampleAssessment(fw);
    TempDir dir("hicm-report");
    const auto ok = report::writeCsv(a, fw, QString::fromStdString(dir.file("scores.csv")));
    REQUIRE(ok.ok);
    CHECK(QByteArray::fromStdString(readFile(dir.file("scores.csv"))) == report::csvBytes(a, fw));
    const auto refused = report::writeCsv(a, fw, QString::fromStdString(dir.file("missing/scores.csv")));
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.contains(QStringLiteral("missing/scores.csv")));
}

TEST_CASE("the CSV names, for each feature, its changes in the order the room agreed", "[csv][plan]")
{
    const Framework &fw = bundledFramework();
    Assessment a = sampleAssessment(fw);
    a.overrides = {{"D", OverrideKind::Pin, "The board asked for integrated delivery first"},
                   {"F", OverrideKind::Exclude, "Covered by the workforce programme"}};
    const auto rows = parseCsv(report::csvBytes(a, fw).mid(3).toStdString());
    REQUIRE(rows.size() == fw.features.size() + 1);
    const auto plan = [&](const std::string &feature) {
        for (const auto &row : rows)
            if (row[0] == feature)
                return row.back();
        FAIL("no row for " << feature);
        return std::string();
    };
    // B7 points to B and D: D was pinned first by the room.
    CHECK(plan("B7").find("1. HIC D ") == 0);
    CHECK(plan("B7").find("was pinned first by the room: The board asked for integrated delivery first; the method "
                          "alone would rank it") != std::string::npos);
    // B3 points to F only, which the room left out although the method ranks it first.
    CHECK(plan("B3") == "HIC F " + fw.change("F")->title.text +
                            " was left out by the room: Covered by the workforce programme; the method alone would "
                            "rank it 1st.");
}

TEST_CASE("the plan CSV holds every action, in the report's order, quoted and defused as the scores CSV", "[csv][plan][issue17]")
{
    const Framework &fw = bundledFramework();
    Assessment a = sampleAssessment(fw);
    a.previousId = 4;
    const std::string b7 = fw.feature("B7")->title.text;
    a.actions = {
        {12, "Agree a discharge-to-assess pathway,\nwith \"home first\" by default", "D", "B7", "Sam Patel, Ops",
         "2025-03-31", ActionStatus::InProgress, "notes are not exported", 7},
        {13, "=HYPERLINK(\"http://example.com\")", "", "", "+44 owner", "", ActionStatus::NotStarted, "", std::nullopt},
        {14, "Publish the capacity dashboard", "F", "", "-", "2024-11-30", ActionStatus::Done, "", std::nullopt},
    };
    const QByteArray bytes = report::planCsvBytes(a, fw);
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const std::string text = bytes.mid(3).toStdString();
    CHECK(text.substr(text.size() - 2) == "\r\n");
    CHECK(text.find("notes are not exported") == std::string::npos);

    const auto rows = parseCsv(text);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"Action", "Change", "Feature", "Owner", "Due", "Status", "Carried from"});
    // By due date, undated last.
    CHECK(rows[1] == std::vector<std::string>{"Publish the capacity dashboard", "HIC F " + fw.change("F")->title.text, "",
                                              "'-", "2024-11-30", "Done", ""});
    CHECK(rows[2] == std::vector<std::string>{"Agree a discharge-to-assess pathway,\nwith \"home first\" by default",
                                              "HIC D " + fw.change("D")->title.text, "B7 " + b7, "Sam Patel, Ops",
                                              "2025-03-31", "In progress", "action 7 of assessment 4"});
    // Formulas are defused with a leading apostrophe, as in the scores CSV.
    CHECK(rows[3] == std::vector<std::string>{"'=HYPERLINK(\"http://example.com\")", "", "", "'+44 owner", "",
                                              "Not started", ""});

    TempDir dir("hicm-report");
    REQUIRE(report::writePlanCsv(a, fw, QString::fromStdString(dir.file("plan.csv"))).ok);
    CHECK(QByteArray::fromStdString(readFile(dir.file("plan.csv"))) == bytes);
    const auto refused = report::writePlanCsv(a, fw, QString::fromStdString(dir.file("missing/plan.csv")));
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.contains(QStringLiteral("missing/plan.csv")));

    // No actions: the header alone.
    a.actions.clear();
    CHECK(parseCsv(report::planCsvBytes(a, fw).mid(3).toStdString()).size() == 1);
}
