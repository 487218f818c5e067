// Against peers: the board report's page from a region's peer extract (docs/region.md), when the report
// is given one (ReportInput::peers): the area's agreed levels beside its peer group's median and middle
// half, feature by feature, the latest year and then over the years. Figures drawn from fewer than 5
// areas are withheld in the extract and say so here; no other area is named.
#include "peer_extract.h"
#include "report_data.h"
#include "report_sections.h"


#include <set>

namespace hicm::report {

namespace {

QString number(double v) { return QString::number(v, 'g', 3); }

QString featureName(const Framework &fw, const std::string &id)
{
    const Feature *f = fw.feature(id);
    return f ? qs(id) + QStringLiteral(" ") + qs(f->title.text) : qs(id);
}

QString withheld() { return QStringLiteral("withheld (fewer than %1 areas)").arg(kPeerMinimumAreas); }

void latestTable(ReportSink &c, const Framework &fw, const PeerYear &y)
{
    const std::vector<QString> header{QStringLiteral("Feature"), QStringLiteral("This area"),
                                      QStringLiteral("Peers\u2019 median"), QStringLiteral("Middle half"),
                                      QStringLiteral("Areas"), QStringLiteral("Where this area sits")};
    c.beginTable({QStringLiteral("This area against its peers in %1").arg(y.year), header, {30, 16, 12, 12, 8, 22},
                  int(y.features.size()), true});
    for (int r = 0; r < int(y.features.size()); ++r) {
        const PeerFigure &f = y.features[std::size_t(r)];
        c.cell(r, 0, featureName(fw, f.feature));
        c.cell(r, 1, f.areaLevel ? levelText(fw, f.areaLevel) : QStringLiteral("no level"));
        c.cell(r, 2, f.suppressed ? withheld() : number(f.median));
        c.cell(r, 3, f.suppressed ? QString() : number(f.lowerQuartile) + QStringLiteral(" \u2013 ") +
                                                          number(f.upperQuartile));
        c.cell(r, 4, f.suppressed ? QString() : QString::number(f.areas));
        c.cell(r, 5, QString::fromUtf8(toString(peerPosition(f))));
    }
    c.endTable();
}

void trendTable(ReportSink &c, const PeerExtract &e)
{
    std::set<std::string> features;
    for (const auto &y : e.years)
        for (const auto &f : y.features)
            features.insert(f.feature);
    std::vector<QString> header{QStringLiteral("Feature")};
    std::vector<qreal> widths{16};
    for (const auto &y : e.years) {
        header.push_back(QString::number(y.year));
        widths.push_back(84.0 / qreal(e.years.size()));
    }
    c.beginTable({QStringLiteral("The peers’ median and this area’s level, year by year"), header, widths,
                  int(features.size()), true});
    int r = 0;
    for (const auto &id : features) {
        c.cell(r, 0, qs(id));
        for (std::size_t i = 0; i < e.years.size(); ++i) {
            const PeerFigure *f = e.years[i].feature(id);
            const QString median = f && !f->suppressed ? number(f->median) : QStringLiteral("\u2013");
            const QString own = f && f->areaLevel ? QString::number(*f->areaLevel) : QStringLiteral("\u2013");
            c.cell(r, int(i) + 1, median + QStringLiteral(" / ") + own);
        }
        ++r;
    }
    c.endTable();
}

}  // namespace

void writePeers(const Section &s)
{
    if (!s.in.peers)
        return;
    const PeerExtract &e = *s.in.peers;
    const PeerYear *latest = e.latestYear();
    ReportSink &c = s.c;
    c.heading(1, QStringLiteral("Against peers"), true);
    if (!latest) {
        c.paragraph(QStringLiteral("The peer extract holds no figures."));
        return;
    }
    c.paragraph(QStringLiteral("%1 against the peer group \u201c%2\u201d (%3 areas) in %4, from the region\u2019s "
                               "database (extract of %5). The middle half is the range from the peers\u2019 lower to "
                               "their upper quartile. Any figure drawn from fewer than %6 areas is withheld, and no "
                               "other area is named.")
                    .arg(qs(e.area), qs(e.peerGroup))
                    .arg(e.peerGroupAreas)
                    .arg(latest->year)
                    .arg(prettyDate(e.generated.substr(0, 10)))
                    .arg(kPeerMinimumAreas));
    latestTable(c, s.in.framework, *latest);
    if (e.years.size() > 1) {
        c.heading(2, QStringLiteral("Over the years"));
        c.paragraph(QStringLiteral("Each year: the peers\u2019 median / this area\u2019s agreed level "
                                   "(\u2013: withheld or none)."),
                    styles::note);
        trendTable(c, e);
    }
}

}  // namespace hicm::report
