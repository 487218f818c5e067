// The rounds: the feature on show, its reveal and re-vote, the votes stored together, and the state each
// page reads (a partner's, the facilitator's).
#include "room.h"

#include "http.h"
#include "room_internal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hicm::room {

QString Room::checkFeature(const QString &featureId) const
{
    if (m_setup.framework->feature(featureId.toStdString()))
        return {};
    QStringList ids;
    for (const auto &f : m_setup.framework->features)
        ids << qs(f.id);
    return QStringLiteral("unknown feature \"%1\" (features are: %2)").arg(featureId.left(40), ids.join(QStringLiteral(", ")));
}

QString Room::saveState()
{
    QJsonObject partners;
    for (const auto &[id, token] : m_tokens)
        partners.insert(QString::number(id), QString::fromLatin1(token));
    QStringList revealed(m_revealed.begin(), m_revealed.end());
    revealed.sort();
    const QJsonObject o{{QStringLiteral("version"), 1},
                        {QStringLiteral("facilitator"), QString::fromLatin1(m_facilitatorToken)},
                        {QStringLiteral("partners"), partners},
                        {QStringLiteral("feature"), m_feature},
                        {QStringLiteral("revealed"), QJsonArray::fromStringList(revealed)}};
    auto status = m_store.saveRoomState(compact(o).toStdString());
    if (!status) {
        const QString message = qs(status.error().message);
        emit storeFailed(message);
        return message;
    }
    return {};
}

QString Room::loadLevels()
{
    auto levels = m_store.levels(m_feature.toStdString());
    if (!levels)
        return qs(levels.error().message);
    m_levels = *levels;
    return {};
}

void Room::refresh()
{
    if (loadLevels().isEmpty())
        announce();
}

void Room::announce()
{
    m_http->broadcast([this](const QString &tag) {
        return tag == QLatin1String("f") ? facilitatorState() : partnerState(tag.toLongLong());
    });
}

QString Room::setFeature(const QString &featureId)
{
    flushVotes();  // votes already received count before the facilitator's action
    if (QString e = checkFeature(featureId); !e.isEmpty())
        return e;
    const QString before = m_feature;
    m_feature = featureId;
    if (QString e = loadLevels(); !e.isEmpty()) {
        m_feature = before;
        return e;
    }
    if (QString e = saveState(); !e.isEmpty()) {
        m_feature = before;
        loadLevels();
        return e;
    }
    emit featureChanged(m_feature);
    announce();
    return {};
}

QString Room::reveal(const QString &featureId)
{
    flushVotes();  // votes already received count before the facilitator's action
    if (QString e = checkFeature(featureId); !e.isEmpty())
        return e;
    if (m_revealed.contains(featureId))
        return {};
    m_revealed.insert(featureId);
    if (QString e = saveState(); !e.isEmpty()) {
        m_revealed.remove(featureId);
        return e;
    }
    emit revealed(featureId);
    announce();
    return {};
}

QString Room::revote(const QString &featureId)
{
    flushVotes();  // votes already received count before the facilitator's action
    if (QString e = checkFeature(featureId); !e.isEmpty())
        return e;
    auto levels = m_store.levels(featureId.toStdString());
    if (!levels)
        return qs(levels.error().message);
    VoteStore::Votes clear;
    for (const auto &[partnerId, level] : *levels) {
        (void)level;
        if (std::any_of(m_setup.partners.begin(), m_setup.partners.end(), [&](const Partner &p) { return p.id == partnerId; }))
            clear.push_back({partnerId, std::nullopt});
    }
    if (!clear.empty())
        if (auto status = m_store.recordVotes(featureId.toStdString(), clear); !status)
            return qs(status.error().message);
    m_revealed.remove(featureId);
    QString e = saveState();
    if (featureId == m_feature)
        loadLevels();
    emit revoted(featureId);
    announce();
    return e;
}

void Room::flushVotes()
{
    if (m_pending.empty())
        return;
    std::vector<PendingVote> batch;
    batch.swap(m_pending);
    std::vector<PendingVote> accepted;
    VoteStore::Votes votes;
    for (const auto &v : batch) {
        // A reveal or another feature may have come between the check and now.
        if (v.feature != m_feature)
            m_http->reply(v.request, HttpResponse::error(409, QStringLiteral("%1 is not the current feature (%2 is)").arg(v.feature, m_feature)));
        else if (m_revealed.contains(v.feature))
            m_http->reply(v.request, HttpResponse::error(409, QStringLiteral("the votes on %1 are revealed; wait for a re-vote").arg(v.feature)));
        else {
            accepted.push_back(v);
            votes.push_back({v.partnerId, v.level});
        }
    }
    if (accepted.empty())
        return;
    auto status = m_store.recordVotes(m_feature.toStdString(), votes);
    if (!status) {
        emit storeFailed(qs(status.error().message));
        const bool final = status.error().kind == storage::StorageError::Kind::Final;
        const HttpResponse refused = HttpResponse::error(final ? 409 : 503, final ? QStringLiteral("the assessment is final; votes are closed")
                                                                                  : QStringLiteral("the vote was not stored; try again"));
        for (const auto &v : accepted)
            m_http->reply(v.request, refused);
        return;
    }
    for (const auto &v : accepted)
        m_levels[v.partnerId] = v.level;
    for (const auto &v : accepted)
        m_http->reply(v.request, HttpResponse::json(200, partnerState(v.partnerId)));
    announce();
    for (const auto &v : accepted)
        emit voted(v.partnerId, v.feature);
}

QByteArray Room::partnerState(std::int64_t partnerId) const
{
    const Framework &fw = *m_setup.framework;
    const Feature *f = fw.feature(m_feature.toStdString());
    QJsonObject o;
    o.insert(QStringLiteral("room"), qs(m_setup.title));
    for (const auto &p : m_setup.partners)
        if (p.id == partnerId)
            o.insert(QStringLiteral("organisation"), qs(p.organisation));
    o.insert(QStringLiteral("feature"), m_feature);
    o.insert(QStringLiteral("feature_title"), f ? qs(f->title.text) : QString());
    QJsonArray choices;
    for (const auto &l : fw.levels) {
        const FeatureLevel *fl = f ? f->level(l.id) : nullptr;
        choices.append(QJsonObject{{QStringLiteral("level"), l.id},
                                   {QStringLiteral("label"), qs(fl && !fl->label.text.empty() ? fl->label.text : l.label.text)},
                                   {QStringLiteral("descriptor"), fl ? qs(fl->descriptor.text) : QString()}});
    }
    o.insert(QStringLiteral("choices"), choices);
    const bool shown = m_revealed.contains(m_feature);
    o.insert(QStringLiteral("revealed"), shown);
    auto mine = m_levels.find(partnerId);
    o.insert(QStringLiteral("my_level"), mine == m_levels.end() ? QJsonValue(QJsonValue::Null) : QJsonValue(mine->second));
    int voted = 0;
    for (const auto &p : m_setup.partners)
        voted += m_levels.count(p.id) ? 1 : 0;
    o.insert(QStringLiteral("voted"), voted);
    o.insert(QStringLiteral("partners"), static_cast<int>(m_setup.partners.size()));
    if (shown) {
        // Only after the reveal does anything a partner can fetch carry another partner's level.
        QJsonArray levels;
        int lo = 99, hi = -1;
        for (const auto &p : m_setup.partners) {
            auto it = m_levels.find(p.id);
            levels.append(QJsonObject{{QStringLiteral("organisation"), qs(p.organisation)},
                                      {QStringLiteral("level"), it == m_levels.end() ? QJsonValue(QJsonValue::Null) : QJsonValue(it->second)}});
            if (it != m_levels.end()) {
                lo = std::min(lo, it->second);
                hi = std::max(hi, it->second);
            }
        }
        o.insert(QStringLiteral("levels"), levels);
        if (hi >= 0)
            o.insert(QStringLiteral("spread"), QJsonObject{{QStringLiteral("lowest"), lo},
                                                           {QStringLiteral("highest"), hi},
                                                           {QStringLiteral("no_shared_view"), hi - lo >= 2}});
    }
    return compact(o);
}

QByteArray Room::facilitatorState() const
{
    QJsonObject o;
    o.insert(QStringLiteral("room"), qs(m_setup.title));
    o.insert(QStringLiteral("feature"), m_feature);
    const bool shown = m_revealed.contains(m_feature);
    o.insert(QStringLiteral("revealed"), shown);
    QJsonArray partners;
    int voted = 0;
    for (const auto &p : m_setup.partners) {
        auto it = m_levels.find(p.id);
        QJsonObject e{{QStringLiteral("organisation"), qs(p.organisation)}, {QStringLiteral("voted"), it != m_levels.end()}};
        if (shown)
            e.insert(QStringLiteral("level"), it == m_levels.end() ? QJsonValue(QJsonValue::Null) : QJsonValue(it->second));
        voted += it != m_levels.end() ? 1 : 0;
        partners.append(e);
    }
    o.insert(QStringLiteral("partners"), partners);
    o.insert(QStringLiteral("voted"), voted);
    QJsonArray features;
    for (const auto &f : m_setup.framework->features)
        features.append(qs(f.id));
    o.insert(QStringLiteral("features"), features);
    QStringList revealedIds(m_revealed.begin(), m_revealed.end());
    revealedIds.sort();
    o.insert(QStringLiteral("revealed_features"), QJsonArray::fromStringList(revealedIds));
    return compact(o);
}

}  // namespace hicm::room
