// The ODT package touched up after pandoc (odt_package.h): one entry of the zip rewritten, the charts'
// frames given their title and description.
#include "odt_package.h"

#include <QRegularExpression>
#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <vector>

namespace hicm::report {

namespace {

quint16 u16(const QByteArray &b, qsizetype at) { return qFromLittleEndian<quint16>(b.constData() + at); }
quint32 u32(const QByteArray &b, qsizetype at) { return qFromLittleEndian<quint32>(b.constData() + at); }
void put16(QByteArray &b, qsizetype at, quint16 v) { qToLittleEndian<quint16>(v, b.data() + at); }
void put32(QByteArray &b, qsizetype at, quint32 v) { qToLittleEndian<quint32>(v, b.data() + at); }

// Raw deflate (no zlib header), as zip stores it.
bool inflateRaw(const QByteArray &in, quint32 size, QByteArray *out)
{
    out->resize(qsizetype(size));
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return false;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out->data());
    z.avail_out = uInt(out->size());
    const int rc = inflate(&z, Z_FINISH);
    inflateEnd(&z);
    return rc == Z_STREAM_END && z.total_out == size;
}

QByteArray deflateRaw(const QByteArray &in)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(in.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.resize(qsizetype(z.total_out));
    return out;
}

QString xmlText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            continue;  // not allowed in XML 1.0
        if (c == QLatin1Char('&'))
            out += QStringLiteral("&amp;");
        else if (c == QLatin1Char('<'))
            out += QStringLiteral("&lt;");
        else if (c == QLatin1Char('>'))
            out += QStringLiteral("&gt;");
        else
            out += c;
    }
    return out;
}

}  // namespace

QByteArray rewriteZipEntry(const QByteArray &zip, const QString &name,
                           const std::function<QByteArray(const QByteArray &)> &edit, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0 || eocd + 22 > zip.size())
        return fail(QStringLiteral("not a zip archive"));
    const int count = u16(zip, eocd + 10);
    const qsizetype cdStart = u32(zip, eocd + 16), cdSize = u32(zip, eocd + 12);
    if (cdStart + cdSize > eocd)
        return fail(QStringLiteral("a damaged zip directory"));
    struct Entry {
        qsizetype central = 0, centralSize = 0, local = 0;
        QString name;
    };
    std::vector<Entry> entries;
    for (qsizetype at = cdStart; int(entries.size()) < count; ) {
        if (at + 46 > eocd || u32(zip, at) != 0x02014b50)
            return fail(QStringLiteral("a damaged zip directory"));
        const int n = u16(zip, at + 28), size = 46 + n + u16(zip, at + 30) + u16(zip, at + 32);
        if ((u16(zip, at + 8) & 0x1) || u32(zip, at + 42) == 0xffffffff)
            return fail(QStringLiteral("an encrypted or zip64 archive"));
        entries.push_back({at, size, qsizetype(u32(zip, at + 42)), QString::fromUtf8(zip.mid(at + 46, n))});
        at += size;
    }
    std::vector<qsizetype> starts;
    for (const Entry &e : entries)
        starts.push_back(e.local);
    std::sort(starts.begin(), starts.end());
    const auto endOf = [&](qsizetype local) {
        const auto next = std::upper_bound(starts.begin(), starts.end(), local);
        return next == starts.end() ? cdStart : *next;
    };
    QByteArray out, directory;
    bool found = false;
    for (const Entry &e : entries) {
        QByteArray central = zip.mid(e.central, e.centralSize);
        put32(central, 42, quint32(out.size()));
        if (e.name != name) {
            out += zip.mid(e.local, endOf(e.local) - e.local);
            directory += central;
            continue;
        }
        found = true;
        const qsizetype local = e.local;
        if (local + 30 > zip.size() || u32(zip, local) != 0x04034b50)
            return fail(QStringLiteral("a damaged zip entry ") + name);
        const quint32 packed = u32(central, 20), size = u32(central, 24);
        const QByteArray data = zip.mid(local + 30 + u16(zip, local + 26) + u16(zip, local + 28), packed);
        QByteArray plain;
        if (u16(central, 10) == 0)
            plain = data;
        else if (u16(central, 10) != 8 || !inflateRaw(data, size, &plain))
            return fail(QStringLiteral("cannot read the zip entry ") + name);
        const QByteArray edited = edit(plain);
        const QByteArray packedNew = deflateRaw(edited);
        const quint32 crc = quint32(crc32(0L, reinterpret_cast<const Bytef *>(edited.constData()), uInt(edited.size())));
        const QByteArray entryName = name.toUtf8();
        const quint16 flags = u16(central, 8) & 0x0800;  // keeps "names in UTF-8", drops the data descriptor
        QByteArray header(30, '\0');
        put32(header, 0, 0x04034b50);
        put16(header, 4, 20);
        put16(header, 6, flags);
        put16(header, 8, 8);
        put16(header, 10, u16(central, 12));
        put16(header, 12, u16(central, 14));
        put32(header, 14, crc);
        put32(header, 18, quint32(packedNew.size()));
        put32(header, 22, quint32(edited.size()));
        put16(header, 26, quint16(entryName.size()));
        out += header + entryName + packedNew;
        put16(central, 8, flags);
        put16(central, 10, 8);
        put32(central, 16, crc);
        put32(central, 20, quint32(packedNew.size()));
        put32(central, 24, quint32(edited.size()));
        directory += central;
    }
    if (!found)
        return fail(QStringLiteral("no ") + name + QStringLiteral(" in the archive"));
    QByteArray end = zip.mid(eocd);
    put32(end, 12, quint32(directory.size()));
    put32(end, 16, quint32(out.size()));
    return out + directory + end;
}

QByteArray describeFrames(const QByteArray &contentXml, const QStringList &titles, const QStringList &descriptions)
{
    QString xml = QString::fromUtf8(contentXml);
    const QString close = QStringLiteral("</draw:frame>");
    qsizetype from = 0;
    for (qsizetype n = 0; n < descriptions.size(); ++n) {
        const qsizetype at = xml.indexOf(close, from);
        if (at < 0)
            break;
        const QString add = QStringLiteral("<svg:title>") + xmlText(n < titles.size() ? titles[n] : QString()) +
                            QStringLiteral("</svg:title><svg:desc>") + xmlText(descriptions[n]) +
                            QStringLiteral("</svg:desc>");
        xml.insert(at, add);
        from = at + add.size() + close.size();
    }
    return xml.toUtf8();
}

QByteArray docxCoverPages(const QByteArray &documentXml)
{
    // pandoc 2.17: <w:p><w:r><w:pict><v:rect ... o:hr="t" /></w:pict></w:r></w:p>. Matched as tags only: a
    // report's text (a partner's note may say anything) is in w:t elements, where pandoc escapes every '<'.
    static const QRegularExpression rule(
        QStringLiteral("<w:p><w:r><w:pict><v:rect [^<>]*o:hr=\"t\"[^<>]*/></w:pict></w:r></w:p>"));
    QString xml = QString::fromUtf8(documentXml);
    xml.replace(rule, QStringLiteral("<w:p><w:r><w:br w:type=\"page\" /></w:r></w:p>"));
    xml.replace(QStringLiteral("w:name=\"board-cover-sheet\" /><w:p><w:pPr><w:pStyle w:val=\"Heading1\" /></w:pPr>"),
                QStringLiteral("w:name=\"board-cover-sheet\" /><w:p><w:pPr><w:pStyle w:val=\"Heading1\" />"
                               "<w:pageBreakBefore w:val=\"0\" /></w:pPr>"));
    return xml.toUtf8();
}

QByteArray odtCoverPages(const QByteArray &contentXml)
{
    const QByteArray rule = "<text:p text:style-name=\"Horizontal_20_Line\" />";
    const QByteArray heading = "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"
                               "<text:bookmark-start text:name=\"board-cover-sheet\" />";
    if (!contentXml.contains(rule) && !contentXml.contains(heading))
        return contentXml;
    QByteArray xml = contentXml;
    xml.replace(rule, "<text:p text:style-name=\"HICM_Page_Break\" />");
    xml.replace(heading, QByteArray(heading).replace("\"Heading_20_1\"", "\"HICM_Cover_Heading\""));
    const QByteArray styles =
        "<style:style style:name=\"HICM_Page_Break\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
        "<style:paragraph-properties fo:break-after=\"page\" /></style:style>"
        "<style:style style:name=\"HICM_Cover_Heading\" style:family=\"paragraph\" "
        "style:parent-style-name=\"Heading_20_1\" style:default-outline-level=\"1\">"
        "<style:paragraph-properties fo:break-before=\"auto\" /></style:style>";
    if (xml.contains("</office:automatic-styles>"))
        xml.replace("</office:automatic-styles>", styles + "</office:automatic-styles>");
    else
        xml.replace("<office:automatic-styles />", "<office:automatic-styles>" + styles + "</office:automatic-styles>");
    return xml;
}

QString chartTitleOf(const QString &description)
{
    static const QRegularExpression sentenceEnd(QStringLiteral("\\.(\\s|$)"));
    const qsizetype end = description.indexOf(sentenceEnd);
    return end < 0 ? description : description.left(end);
}

}  // namespace hicm::report
