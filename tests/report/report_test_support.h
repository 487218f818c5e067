// Helpers for the report tests: the bundled framework, PDF text per page (Qt's PDF module), entries of
// a zip file (the ODT), a small CSV reader, and storing the sample assessment in a workspace.
#pragma once

#include "framework_loader.h"
#include "report_fixture.h"
#include "storage_support.h"
#include "test_framework.h"
#include "test_paths.h"
#include "workspace.h"

#include <QByteArray>
#include <QFile>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>
#include <QtEndian>

#ifdef HICM_HAVE_ZLIB
#include <zlib.h>
#endif

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hicm::test {

// The text of each page, white space folded to single spaces.
inline QStringList pdfPages(const QString &path)
{
    QPdfDocument doc;
    REQUIRE(doc.load(path) == QPdfDocument::Error::None);
    QStringList pages;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (int i = 0; i < doc.pageCount(); ++i)
        pages << doc.getAllText(i).text().replace(space, QStringLiteral(" ")).trimmed();
    return pages;
}

// One entry of the zip archive at `path` (stored or deflated), found through its central directory;
// nullopt when the file is not a valid zip or has no such entry. Deflated entries are inflated with
// zlib when the build has it (HICM_HAVE_ZLIB), else by unzip(1).
inline std::optional<QByteArray> zipEntry(const QString &path, const QString &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray zip = file.readAll();
    auto u16 = [&](qsizetype at) { return qFromLittleEndian<quint16>(zip.constData() + at); };
    auto u32 = [&](qsizetype at) { return qFromLittleEndian<quint32>(zip.constData() + at); };
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0 || eocd + 22 > zip.size())
        return std::nullopt;
    qsizetype at = u32(eocd + 16);
    for (int i = 0, n = u16(eocd + 10); i < n; ++i) {
        if (at + 46 > zip.size() || u32(at) != 0x02014b50)
            return std::nullopt;
        const int method = u16(at + 10);
        const quint32 packed = u32(at + 20), size = u32(at + 24);
        const int nameLen = u16(at + 28), extraLen = u16(at + 30), commentLen = u16(at + 32);
        const qsizetype local = u32(at + 42);
        const QString entry = QString::fromUtf8(zip.mid(at + 46, nameLen));
        at += 46 + nameLen + extraLen + commentLen;
        if (entry != name)
            continue;
        if (local + 30 > zip.size() || u32(local) != 0x04034b50)
            return std::nullopt;
        const QByteArray data = zip.mid(local + 30 + u16(local + 26) + u16(local + 28), packed);
        if (method == 0)
            return data;
        if (method != 8)
            return std::nullopt;
#ifdef HICM_HAVE_ZLIB
        QByteArray out(qsizetype(size), '\0');
        z_stream z{};
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        z.avail_in = uInt(data.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
            return std::nullopt;
        const int rc = inflate(&z, Z_FINISH);
        inflateEnd(&z);
        return rc == Z_STREAM_END && z.total_out == size ? std::optional<QByteArray>(out) : std::nullopt;
#else
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, name});
        if (!unzip.waitForFinished(10000) || unzip.exitCode() != 0)
            return std::nullopt;
        const QByteArray out = unzip.readAllStandardOutput();
        return out.size() == qsizetype(size) ? std::optional<QByteArray>(out) : std::nullopt;
#endif
    }
    return std::nullopt;
}

// Whether zipEntry() can read deflated entries here.
inline bool canInflate()
{
#ifdef HICM_HAVE_ZLIB
    return true;
#else
    return !QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty();
#endif
}

// A CSV file's rows (RFC 4180: quoted fields, doubled quotes, CRLF); the byte-order mark is left on.
inline std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                field += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += ch;
        }
    }
    if (rows.back().empty() && field.empty())
        rows.pop_back();
    else
        rows.back().push_back(field);
    return rows;
}

// Stores `a` (everything the report reads) in `ws` against the bundled framework; returns its id.
inline std::int64_t storeAssessment(storage::Workspace &ws, const Assessment &a,
                                    std::optional<std::int64_t> previousId = std::nullopt)
{
    storage::NewAssessment fields{a.area, a.title, a.date, a.facilitator, a.partners, previousId};
    auto id = ws.createAssessment(fields, readFile(kFrameworkFile));
    INFO((id ? std::string() : id.error().toString()));
    REQUIRE(id.ok());
    auto stored = ws.loadAssessment(*id);
    REQUIRE(stored.ok());
    for (const auto &f : a.features) {
        storage::FeatureEdit edit;
        edit.agreedLevel = f.agreedLevel;
        edit.rationale = f.rationale;
        edit.targetLevel = f.targetLevel;
        edit.confidence = f.confidence;
        edit.weight = f.weight;
        edit.evidence = f.evidence;
        for (const auto &pl : f.partnerLevels)
            edit.partnerLevels.push_back({stored->partner(pl.partner)->id, pl.level, pl.note});
        requireOk(ws.updateFeature(*id, f.featureId, edit));
        for (const auto &m : f.metrics)
            requireOk(ws.setMetric(*id, f.featureId, m));
        for (const auto &action : f.plannedActions)
            requireOk(ws.setPlannedAction(*id, f.featureId, action, true));
    }
    for (const auto &action : a.actions)
        REQUIRE(ws.addAction(*id, action).ok());
    for (const auto &o : a.overrides)
        requireOk(ws.setOverride(*id, o));
    requireOk(ws.setStatus(*id, a.status));
    return *id;
}

}  // namespace hicm::test
