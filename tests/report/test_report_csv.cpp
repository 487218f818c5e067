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
    REQUIRE(header.size() == fixed + a.partners.size() + 1);
    CHECK(header[0] == "Feature ID");
    CHECK(header[2] == "Agreed level");
    CHECK(header[7] == "Gap");
    // Partner names come back exactly as typed, hostile ones included; a formula is defused.
    CHECK(header[fixed + 4] == kHostilePartner);
    CHECK(header[fixed + 8] == "Carers\u2019 Voice, North Shire");
    CHECK(header[fixed + 9] == "\"Home First\" Reablement Service");
    CHECK(header[fixed + 10] == "'=HYPERLINK(\"http://example.com\")");
    CHECK(header.back() == "Rationale");
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
        CHECK(row.back() == f.rationale);
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
