// The Results screen's priorities as the room reads them: the order the room agreed (the same as the
// report's and the CLI's), where and why it differs from the method's, in words: no scores, no arithmetic,
// no internal action codes.
#include "framework_loader.h"
#include "prioritisation.h"
#include "priorityhtml.h"
#include "test_framework.h"
#include "test_paths.h"

#include <catch2/catch.hpp>

#include <QRegularExpression>
#include <QTextDocument>

using namespace hicm;

TEST_CASE("the Results priorities show the room's order in words, without codes or arithmetic", "[gui][priorities]")
{
    const Framework &fw = test::bundledFramework();
    Assessment a;
    a.area = "North Shire";
    const std::vector<int> levels{1, 2, 2, 2, 2, 1, 3, 2}, weights{3, 2, 2, 1, 2, 2, 2, 3};
    for (std::size_t i = 0; i < fw.features.size(); ++i) {
        FeatureAssessment f;
        f.featureId = fw.features[i].id;
        f.agreedLevel = levels[i % 8];
        f.weight = weights[i % 8];
        a.features.push_back(f);
    }
    a.overrides = {{"D", OverrideKind::Pin, "The board asked for integrated delivery first"},
                   {"E", OverrideKind::Exclude, "Covered by the urgent care programme"}};
    const Prioritisation p = prioritise(fw, a);
    for (const bool presentation : {false, true}) {
        INFO("presentation " << presentation);
        QTextDocument doc;
        doc.setHtml(gui::prioritisationHtml(fw, p, presentation));
        const QString text = doc.toPlainText().simplified();
        INFO(text.toStdString());
        const qsizetype pinned = text.indexOf(QStringLiteral("1. HIC D "));
        REQUIRE(pinned >= 0);
        CHECK(text.indexOf(QStringLiteral("2. HIC ")) > pinned);
        CHECK(text.contains(QStringLiteral("was pinned first by the room: The board asked for integrated delivery first; "
                                           "the method alone would rank it")));
        CHECK(text.contains(QStringLiteral("HIC E Scaling step-up care and admission avoidance was left out by the room: "
                                           "Covered by the urgent care programme; the method alone would rank it")));
        CHECK(text.contains(QStringLiteral("the deepest gap is in B1 Access to intermediate care")));
        CHECK_FALSE(text.contains(QRegularExpression(QStringLiteral("[A-Z][0-9]+\\.[A-Z]+[0-9]+"))));
        CHECK_FALSE(text.contains(QStringLiteral("Score")));
        CHECK_FALSE(text.contains(QStringLiteral("\u00f7")));
    }
}
