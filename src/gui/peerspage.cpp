#include "peerspage.h"

#include "chartview.h"
#include "messages.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace hicm::gui {

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }

QString number(double v) { return QString::number(v, 'g', 3); }

QString featureTitle(const Framework &fw, const std::string &id)
{
    const Feature *f = fw.feature(id);
    return f ? qs(id) + QStringLiteral(" ") + qs(f->title.text) : qs(id);
}

QString levelName(const Framework &fw, int level)
{
    const Level *l = fw.level(level);
    return l ? QString::number(level) + QStringLiteral(" ") + qs(l->label.text) : QString::number(level);
}

QString withheld() { return QObject::tr("fewer than %1 areas: withheld").arg(kPeerMinimumAreas); }

// The profile: one row per feature on one level scale; the peers' middle half as a grey band, their
// median as a dark bar, the area's level as a blue dot.
void paintProfile(QPainter &p, const QRectF &rect, const Framework &fw, const PeerYear &year)
{
    const int minLevel = fw.levels.empty() ? 1 : fw.levels.front().id;
    const int maxLevel = std::max(minLevel + 1, fw.topLevel());
    const QFontMetricsF fm(p.font());
    const qreal line = fm.height();
    const qreal labelWidth = std::min(rect.width() * 0.42, line * 24);
    // Each level's name gets its column of the scale; a name wider than that wraps onto a second line
    // (at a narrow window "1 Not yet established" ran past its neighbours and lost its ends).
    const qreal columnWidth = (rect.width() - labelWidth - line * 2) / (maxLevel - minLevel + 1);
    int headerLines = 1;
    for (int level = minLevel; level <= maxLevel; ++level)
        if (fm.horizontalAdvance(levelName(fw, level)) > columnWidth - line * 0.5)
            headerLines = 2;
    const qreal header = line * (headerLines + 0.6);
    const QRectF scale(rect.left() + labelWidth + line, rect.top() + header,
                       rect.width() - labelWidth - line * 2, rect.height() - header - line * 1.8);
    auto x = [&](double level) {
        return scale.left() + (level - (minLevel - 0.5)) / (maxLevel - minLevel + 1) * scale.width();
    };
    const QColor ink(0x22, 0x22, 0x22), band(0xc8, 0xcd, 0xd2), median(0x33, 0x33, 0x33), own(0x0b, 0x5c, 0xad);
    p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 1));
    for (int level = minLevel; level <= maxLevel; ++level) {
        p.drawLine(QPointF(x(level), scale.top()), QPointF(x(level), scale.bottom()));
        p.setPen(ink);
        p.drawText(QRectF(x(level) - columnWidth / 2 + line * 0.25, rect.top(), columnWidth - line * 0.5,
                          line * (headerLines + 0.4)),
                   Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, levelName(fw, level));
        p.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 1));
    }
    const qreal rowHeight = year.features.empty() ? 0 : scale.height() / year.features.size();
    for (std::size_t i = 0; i < year.features.size(); ++i) {
        const PeerFigure &f = year.features[i];
        const QRectF row(rect.left(), scale.top() + i * rowHeight, rect.width(), rowHeight);
        const qreal mid = row.center().y();
        p.setPen(ink);
        p.drawText(QRectF(row.left(), row.top(), labelWidth, row.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(featureTitle(fw, f.feature), Qt::ElideRight, labelWidth));
        if (f.suppressed) {
            QFont italic = p.font();
            italic.setItalic(true);
            p.save();
            p.setFont(italic);
            p.setPen(QColor(0x55, 0x55, 0x55));
            p.drawText(QRectF(scale.left(), row.top(), scale.width(), row.height()), Qt::AlignCenter, withheld());
            p.restore();
        } else {
            const qreal h = std::min(rowHeight * 0.5, line);
            const qreal left = x(f.lowerQuartile), right = std::max(x(f.upperQuartile), left + 4);
            p.fillRect(QRectF(left - 2, mid - h / 2, right - left + 4, h), band);
            p.fillRect(QRectF(x(f.median) - 2, mid - h * 0.75, 4, h * 1.5), median);
        }
        if (f.areaLevel) {
            const qreal r = std::min(rowHeight * 0.22, line * 0.4);
            p.setPen(QPen(Qt::white, 1.5));
            p.setBrush(own);
            p.drawEllipse(QPointF(x(*f.areaLevel), mid), r, r);
            p.setBrush(Qt::NoBrush);
        }
    }
    // The key, each sample drawn as the chart draws it (a text glyph came out black for the grey band).
    const QString keys[] = {QObject::tr("this area"), QObject::tr("the middle half of the peers"),
                            QObject::tr("the peers\u2019 median")};
    const qreal sample = line * 1.2, gap = line * 1.5, keyY = rect.bottom() - line * 0.8;
    qreal total = 0;
    for (const QString &k : keys)
        total += sample + line * 0.4 + fm.horizontalAdvance(k);
    total += gap * 2;
    qreal kx = rect.center().x() - total / 2;
    for (int i = 0; i < 3; ++i) {
        const QPointF c(kx + sample / 2, keyY);
        if (i == 0) {
            p.setPen(QPen(Qt::white, 1.5));
            p.setBrush(own);
            p.drawEllipse(c, line * 0.35, line * 0.35);
            p.setBrush(Qt::NoBrush);
        } else if (i == 1) {
            p.fillRect(QRectF(kx, keyY - line * 0.25, sample, line * 0.5), band);
        } else {
            p.fillRect(QRectF(c.x() - 2, keyY - line * 0.4, 4, line * 0.8), median);
        }
        kx += sample + line * 0.4;
        p.setPen(ink);
        p.drawText(QRectF(kx, keyY - line * 0.7, fm.horizontalAdvance(keys[i]) + 2, line * 1.4),
                   Qt::AlignLeft | Qt::AlignVCenter, keys[i]);
        kx += fm.horizontalAdvance(keys[i]) + gap;
    }
}

}  // namespace

PeersPage::PeersPage(const Framework &framework, QWidget *parent) : QWidget(parent), m_framework(framework)
{
    setObjectName(QStringLiteral("peersPage"));
    m_title = new QLabel(tr("Open a peer extract from the File menu."), this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_year = new QComboBox(this);
    m_year->setAccessibleName(tr("Year"));
    auto *pick = new QFormLayout;
    pick->addRow(tr("&Year:"), m_year);
    m_chart = new ChartView(tr("This area's level against its peers, feature by feature"), this);
    m_chart->setMinimumHeight(260);
    m_table = new QTableWidget(this);
    m_table->setAccessibleName(tr("Peer figures"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *note = new QLabel(tr("Figures drawn from fewer than %1 areas are withheld. The extract names no other area.")
                                .arg(kPeerMinimumAreas),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(pick);
    // Equal shares: at 1366x768 the table then shows all eight features without scrolling.
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    connect(m_year, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
}

bool PeersPage::openFile(const QString &path, QString *error)
{
    auto read = readPeerExtractFile(path.toStdString());
    if (!read.ok()) {
        if (error)
            *error = qs(formatProblems(read.problems)).trimmed();
        return false;
    }
    setExtract(std::move(*read.extract));
    return true;
}

void PeersPage::setExtract(PeerExtract extract)
{
    m_extract = std::move(extract);
    const QSignalBlocker block(m_year);
    m_year->clear();
    for (const auto &y : m_extract->years)
        m_year->addItem(QString::number(y.year), y.year);
    if (const PeerYear *latest = m_extract->latestYear())
        m_year->setCurrentIndex(m_year->findData(latest->year));
    refresh();
}

void PeersPage::selectYear(int year)
{
    const int index = m_year->findData(year);
    if (index >= 0)
        m_year->setCurrentIndex(index);
}

void PeersPage::refresh()
{
    if (!m_extract)
        return;
    const PeerExtract &e = *m_extract;
    m_title->setText(tr("%1 against peer group \u201c%2\u201d (%3 areas)")
                         .arg(qs(e.area), qs(e.peerGroup))
                         .arg(e.peerGroupAreas));
    const PeerYear *year = e.year(m_year->currentData().toInt());
    if (!year) {
        m_chart->setChart({}, tr("No figures"));
        m_table->setRowCount(0);
        return;
    }
    const PeerYear shown = *year;
    QStringList description;
    const QStringList header{tr("Feature"), tr("This area"), tr("Peers' median"), tr("Middle half"), tr("Areas"),
                             tr("At each level"), tr("Where this area sits")};
    m_table->setColumnCount(header.size());
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(static_cast<int>(shown.features.size()));
    for (int r = 0; r < static_cast<int>(shown.features.size()); ++r) {
        const PeerFigure &f = shown.features[r];
        QStringList shares;
        for (const auto &[level, n] : f.levelCounts)
            shares << tr("%1: %2%").arg(level).arg(qRound(100 * f.share(level)));
        const QString own = f.areaLevel ? levelName(m_framework, *f.areaLevel) : tr("none");
        const QStringList cells{featureTitle(m_framework, f.feature), own,
                                f.suppressed ? withheld() : number(f.median),
                                f.suppressed ? QString() : number(f.lowerQuartile) + QStringLiteral(" \u2013 ") +
                                                               number(f.upperQuartile),
                                f.suppressed ? QString() : QString::number(f.areas), shares.join(QStringLiteral(", ")),
                                tr(toString(peerPosition(f)))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        description << tr("%1: this area %2; peers %3").arg(qs(f.feature), own,
                                                             f.suppressed ? withheld() : tr("median %1").arg(number(f.median)));
    }
    m_table->resizeColumnsToContents();
    const Framework &fw = m_framework;
    m_chart->setChart([&fw, shown](QPainter &p, const QRectF &rect) { paintProfile(p, rect, fw, shown); },
                      description.join(QStringLiteral("; ")));
}

PeersPage *openPeerExtract(QWidget *window, QStackedWidget *pages, const Framework &framework, const QString &path)
{
    auto *page = pages->findChild<PeersPage *>(QStringLiteral("peersPage"), Qt::FindDirectChildrenOnly);
    if (!page) {
        page = new PeersPage(framework, pages);
        pages->addWidget(page);
    }
    QString error;
    if (!page->openFile(path, &error)) {
        Messages::error(window, QObject::tr("Open Peer Extract"),
                        QObject::tr("This file cannot be opened as a peer extract; nothing was changed."), error);
        return nullptr;
    }
    pages->setCurrentWidget(page);
    page->yearBox()->setFocus(Qt::OtherFocusReason);
    return page;
}

QAction *addPeerExtractAction(QMainWindow *window, QMenu *fileMenu, QAction *after, QStackedWidget *pages,
                              const Framework &framework)
{
    auto *action = new QAction(QObject::tr("Open &Peer Extract\u2026"), window);
    action->setObjectName(QStringLiteral("actionOpenPeerExtract"));
    action->setStatusTip(QObject::tr("See an area against its peers, from a region's extract (.hicm-peers.json)"));
    const auto actions = fileMenu->actions();
    const auto at = std::find(actions.begin(), actions.end(), after);
    fileMenu->insertAction(at == actions.end() || at + 1 == actions.end() ? nullptr : *(at + 1), action);
    QObject::connect(action, &QAction::triggered, window, [window, pages, &framework] {
        const QString path = QFileDialog::getOpenFileName(window, QObject::tr("Open Peer Extract"), QString(),
                                                          QObject::tr("Peer extracts (*.hicm-peers.json *.json)"));
        if (!path.isEmpty())
            openPeerExtract(window, pages, framework, path);
    });
    return action;
}

}  // namespace hicm::gui
