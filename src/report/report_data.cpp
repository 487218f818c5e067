#include "report_data.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace hicm::report {

QString levelText(const Framework &fw, std::optional<int> level)
{
    if (!level)
        return QStringLiteral("\u2013");
    const Level *l = fw.level(*level);
    return l ? QStringLiteral("%1 %2").arg(*level).arg(qs(l->label.text)) : QString::number(*level);
}

QString featureLevelLabel(const Feature &feature, int level)
{
    const FeatureLevel *l = feature.level(level);
    return l ? qs(l->label.text) : QString::number(level);
}

QString confidenceText(Confidence c)
{
    switch (c) {
    case Confidence::Low:
        return QStringLiteral("Low");
    case Confidence::Medium:
        return QStringLiteral("Medium");
    case Confidence::High:
        return QStringLiteral("High");
    case Confidence::Unset:
        break;
    }
    return QStringLiteral("Not set");
}

QString featureName(const Feature &f)
{
    return qs(f.id) + QLatin1Char(' ') + qs(f.title.text);
}

QString changeName(const std::string &id, const std::string &title)
{
    return QStringLiteral("HIC %1 %2").arg(qs(id), qs(title));
}

QString numberWord(int n)
{
    static const std::array<const char *, 11> words{"no",  "one", "two",   "three", "four", "five",
                                                     "six", "seven", "eight", "nine", "ten"};
    return n >= 0 && n < int(words.size()) ? QString::fromLatin1(words[std::size_t(n)]) : QString::number(n);
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

std::optional<int> agreedLevel(const Assessment &a, const std::string &featureId)
{
    const FeatureAssessment *f = a.feature(featureId);
    return f ? f->agreedLevel : std::nullopt;
}

namespace {

std::vector<QString> levelLabels(const Framework &fw)
{
    std::vector<QString> out;
    for (const auto &l : fw.levels)
        out.push_back(levelText(fw, l.id));
    return out;
}

int minLevel(const Framework &fw) { return fw.levels.empty() ? 1 : fw.levels.front().id; }

}  // namespace

const FeatureComparison *featureComparison(const Comparison *comparison, const std::string &featureId)
{
    if (!comparison)
        return nullptr;
    for (const auto &f : comparison->features)
        if (f.featureId == featureId)
            return &f;
    return nullptr;
}

RadarData radarFor(const Framework &fw, const Prioritisation &p, const Comparison *comparison,
                   const QString &previousName)
{
    RadarData d;
    d.minLevel = minLevel(fw);
    d.maxLevel = fw.topLevel();
    d.levelLabels = levelLabels(fw);
    bool provisional = false;
    RadarSeries agreed{SeriesRole::Agreed, QStringLiteral("Agreed level"), {}};
    RadarSeries target{SeriesRole::Target, QStringLiteral("Target"), {}};
    RadarSeries before{SeriesRole::Previous, previousName, {}};
    for (const auto &in : p.inputs) {
        const Feature *f = fw.feature(in.featureId);
        d.axes.push_back({qs(in.featureId), f ? qs(f->title.text) : qs(in.title)});
        agreed.values.push_back(in.level ? std::optional<double>(*in.level) : std::nullopt);
        provisional = provisional || (in.level && in.provisional);
        target.values.push_back(in.target > 0 ? std::optional<double>(in.target) : std::nullopt);
        const FeatureComparison *then = featureComparison(comparison, in.featureId);
        before.values.push_back(then && then->levelBefore ? std::optional<double>(*then->levelBefore) : std::nullopt);
    }
    if (provisional)
        agreed.name = QStringLiteral("Agreed level (partners\u2019 median where none agreed yet)");
    d.series.push_back(std::move(agreed));
    d.series.push_back(std::move(target));
    if (comparison)
        d.series.push_back(std::move(before));
    return d;
}

HeatMapData heatMapFor(const Framework &fw, const Assessment &a, const Prioritisation &p)
{
    HeatMapData d;
    d.minLevel = minLevel(fw);
    d.maxLevel = fw.topLevel();
    d.levelLabels = levelLabels(fw);
    d.summaryLabel = QStringLiteral("Agreed");
    for (const auto &partner : a.partners)
        d.rows.push_back(qs(partner.organisation));
    d.cells.assign(d.rows.size(), {});
    for (const auto &in : p.inputs) {
        d.columns.push_back(qs(in.featureId));
        d.flagged.push_back(in.partnerSpread >= 2);
        const FeatureAssessment *fa = a.feature(in.featureId);
        d.summary.push_back(fa ? fa->agreedLevel : std::nullopt);
        for (std::size_t r = 0; r < a.partners.size(); ++r) {
            const PartnerLevel *pl = fa ? fa->partnerLevel(a.partners[r].organisation) : nullptr;
            const bool onScale = pl && fw.level(pl->level);
            d.cells[r].push_back(onScale ? std::optional<int>(pl->level) : std::nullopt);
        }
    }
    return d;
}

QString profileSentence(const Framework &fw, const Prioritisation &p)
{
    std::vector<int> counts(std::size_t(std::max(0, fw.topLevel())) + 1, 0);
    int scored = 0, provisional = 0, notScored = 0, short_ = 0, widest = 0;
    for (const auto &in : p.inputs) {
        if (!in.level || *in.level < 0 || *in.level > fw.topLevel()) {
            ++notScored;
            continue;
        }
        ++scored;
        ++counts[std::size_t(*in.level)];
        provisional += in.provisional ? 1 : 0;
        short_ += in.gap > 0 ? 1 : 0;
        widest = std::max(widest, in.gap);
    }
    const int total = int(p.inputs.size());
    if (scored == 0)
        return QStringLiteral("None of the %1 features has been scored yet.").arg(numberWord(total));
    QStringList parts;
    for (auto it = fw.levels.rbegin(); it != fw.levels.rend(); ++it) {
        const int n = counts[std::size_t(it->id)];
        if (n > 0)
            parts << QStringLiteral("%1 %2 at level %3 (%4)")
                         .arg(numberWord(n), parts.isEmpty() ? (n == 1 ? QStringLiteral("is") : QStringLiteral("are"))
                                                             : QString())
                         .arg(it->id)
                         .arg(qs(it->label.text))
                         .simplified();
    }
    QString list = parts.size() > 1 ? parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) +
                                          QStringLiteral(" and ") + parts.last()
                                    : parts.value(0);
    QString s = QStringLiteral("Of the %1 features, %2").arg(numberWord(total), list);
    if (short_ == 0) {
        s += QStringLiteral("; every scored feature has reached its target");
    } else {
        QStringList furthest;
        for (const auto &in : p.inputs)
            if (in.level && in.gap == widest)
                furthest << qs(in.featureId) + QLatin1Char(' ') + qs(in.title);
        s += QStringLiteral("; %1 %2 short of target, furthest %3 (%4 %5 short)")
                 .arg(numberWord(short_), short_ == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                      furthest.size() > 2 ? furthest.mid(0, 2).join(QStringLiteral(", ")) +
                                                QStringLiteral(" and %1 more").arg(furthest.size() - 2)
                                          : furthest.join(QStringLiteral(" and ")),
                      numberWord(widest), widest == 1 ? QStringLiteral("level") : QStringLiteral("levels"));
    }
    if (notScored > 0)
        s += QStringLiteral("; %1 not scored yet").arg(numberWord(notScored));
    s += QLatin1Char('.');
    if (provisional > 0)
        s += QStringLiteral(" %1 of these levels %2 provisional: the partners\u2019 median, not yet agreed.")
                 .arg(capitalised(numberWord(provisional)),
                      provisional == 1 ? QStringLiteral("is") : QStringLiteral("are"));
    return s;
}

QString partnerLevelsText(const FeatureInput &in)
{
    QStringList out;
    for (const auto &pl : in.partnerLevels)
        out << qs(pl.partner) + QStringLiteral(" ") + QString::number(pl.level);
    return out.join(QStringLiteral(", "));
}

QString spreadText(const FeatureInput &in)
{
    if (in.partnerLevels.empty())
        return {};
    int lo = in.partnerLevels.front().level, hi = lo;
    for (const auto &pl : in.partnerLevels) {
        lo = std::min(lo, pl.level);
        hi = std::max(hi, pl.level);
    }
    if (lo == hi)
        return in.partnerLevels.size() == 1 ? QStringLiteral("one partner: %1").arg(lo) : QStringLiteral("all at %1").arg(lo);
    return QStringLiteral("%1\u2013%2").arg(lo).arg(hi) + (hi - lo >= 2 ? QStringLiteral(", no shared view") : QString());
}

}  // namespace hicm::report
