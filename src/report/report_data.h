// What the report (and the app's Results screen) derives from an assessment: chart data, movements
// since a previous assessment, and the words for levels. QtGui-free apart from QString.
#pragma once

#include "assessment.h"
#include "charts.h"
#include "compare.h"
#include "framework.h"
#include "prioritisation.h"
#include "text.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace hicm::report {

// Text from the assessment (user text) or the framework as shown in a report: without bidirectional
// controls, and right-to-left text isolated (FSI ... PDI), so that nothing is reordered beyond itself.
inline QString plain(const std::string &s) { return QString::fromStdString(withoutBidiControls(s)); }
inline QString qs(const std::string &s) { return QString::fromStdString(shownAsTyped(s)); }

// "2 Developing": the level's number and the framework's label for it.
QString levelText(const Framework &fw, std::optional<int> level);
// The feature's own label for a level (B1 calls level 1 "Foundational").
QString featureLevelLabel(const Feature &feature, int level);
// "Low", "Medium", "High", or "Not set".
QString confidenceText(Confidence c);
// "B1 Access to intermediate care"
QString featureName(const Feature &f);
// "HIC A Establish operational grip …"
QString changeName(const std::string &id, const std::string &title);
// "one", "two" … "ten", then digits.
QString numberWord(int n);
// The text with its first letter in capitals.
QString capitalised(QString text);

// The agreed level of a feature in `a` (nullopt when none).
std::optional<int> agreedLevel(const Assessment &a, const std::string &featureId);

// The comparison's row for a feature (nullptr: no comparison, or a feature the earlier edition lacks).
const FeatureComparison *featureComparison(const Comparison *comparison, const std::string &featureId);

// Radar data: one axis per feature; agreed (or provisional) level, target, and, when `comparison` is
// given, the agreed level then (its levelBefore). `previousName` names that series in the key.
RadarData radarFor(const Framework &fw, const Prioritisation &p, const Comparison *comparison,
                   const QString &previousName);

// Heat map of the partners' levels per feature, with the agreed levels as the summary row and the
// features with no shared view flagged.
HeatMapData heatMapFor(const Framework &fw, const Assessment &a, const Prioritisation &p);

// The maturity profile in one sentence, e.g. "Of the 8 features, 1 is at Exemplar, 5 are Developing …".
QString profileSentence(const Framework &fw, const Prioritisation &p);

// The partners' levels of a feature as "Acme 2, Borough 3"; empty when none.
QString partnerLevelsText(const FeatureInput &in);

// "1–3 (two levels apart)", "all at 2", "" when no partner scored it.
QString spreadText(const FeatureInput &in);

}  // namespace hicm::report
