// Finishing the tagged PDF (tagged_pdf.h): what cairo 1.16 does not write, added with qpdf, and what is
// drawn outside the structure tree marked as an artifact.
#include "tagged_pdf.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hicm::report {

namespace {

// The Figure elements of the structure tree, in document order.
void collectFigures(QPDFObjectHandle elem, std::vector<QPDFObjectHandle> &figures)
{
    QPDFObjectHandle kids = elem.getKey("/K");
    auto visit = [&](QPDFObjectHandle k) {
        if (!k.isDictionary() || !k.getKey("/S").isName())
            return;
        if (k.getKey("/S").getName() == "/Figure")
            figures.push_back(k);
        collectFigures(k, figures);
    };
    if (kids.isArray()) {
        for (int i = 0; i < kids.getArrayNItems(); ++i)
            visit(kids.getArrayItem(i));
    } else {
        visit(kids);
    }
}

// Header cells say what they head (cairo 1.16 writes no attributes): the TH cells of a table's first
// row head their columns when that whole row is header cells, any other TH heads its row.
void scopeHeaderCells(QPDFObjectHandle elem)
{
    QPDFObjectHandle kids = elem.getKey("/K");
    if (!kids.isArray())
        return;
    auto type = [](QPDFObjectHandle k) {
        return k.isDictionary() && k.getKey("/S").isName() ? k.getKey("/S").getName() : std::string();
    };
    const bool table = type(elem) == "/Table";
    bool firstRow = true;
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
        QPDFObjectHandle k = kids.getArrayItem(i);
        if (table && type(k) == "/TR") {
            QPDFObjectHandle cells = k.getKey("/K");
            bool allHeaders = cells.isArray() && cells.getArrayNItems() > 0;
            for (int c = 0; allHeaders && c < cells.getArrayNItems(); ++c)
                allHeaders = type(cells.getArrayItem(c)) == "/TH";
            for (int c = 0; cells.isArray() && c < cells.getArrayNItems(); ++c) {
                QPDFObjectHandle cell = cells.getArrayItem(c);
                if (type(cell) == "/TH")
                    cell.replaceKey("/A", QPDFObjectHandle::parse(firstRow && allHeaders ? "<< /O /Table /Scope /Column >>"
                                                                                         : "<< /O /Table /Scope /Row >>"));
            }
            firstRow = false;
        } else if (k.isDictionary()) {
            scopeHeaderCells(k);
        }
    }
}

// Wraps what a page draws outside every marked-content sequence (the running header and footer, table
// shading and rules, repeated header rows, the cover's band) in "/Artifact BMC ... EMC", so that
// assistive technology skips it. q and Q stay outside (graphics state and marked content nest).

std::string typeOf(QPDFObjectHandle k)
{
    return k.isDictionary() && k.getKey("/S").isName() ? k.getKey("/S").getName() : std::string();
}

void collectRows(QPDFObjectHandle elem, std::vector<QPDFObjectHandle> &rows)
{
    QPDFObjectHandle kids = elem.getKey("/K");
    for (int i = 0; kids.isArray() && i < kids.getArrayNItems(); ++i) {
        QPDFObjectHandle k = kids.getArrayItem(i);
        if (typeOf(k) == "/TR")
            rows.push_back(k);
        else if (k.isDictionary())
            collectRows(k, rows);
    }
}

std::vector<QPDFObjectHandle> kidsOf(QPDFObjectHandle elem)
{
    std::vector<QPDFObjectHandle> out;
    QPDFObjectHandle kids = elem.getKey("/K");
    if (kids.isArray()) {
        for (int i = 0; i < kids.getArrayNItems(); ++i)
            out.push_back(kids.getArrayItem(i));
    } else if (!kids.isNull()) {
        out.push_back(kids);
    }
    return out;
}

// The parts of a row split across pages become one row again: each cell of a continuing part gives its
// marked content to the same cell of the row it continues (as marked-content references naming their
// page, so the cell spans pages), the parent tree points that content at the cell it now belongs to,
// and the part's TR leaves the table.
void mergeContinuedRows(QPDFObjectHandle tree, const std::vector<int> &continued)
{
    std::vector<QPDFObjectHandle> rows;
    collectRows(tree, rows);
    QPDFObjectHandle nums = tree.getKey("/ParentTree").getKey("/Nums");
    auto parentArray = [&](QPDFObjectHandle page) {
        QPDFObjectHandle key = page.getKey("/StructParents");
        for (int i = 0; key.isInteger() && nums.isArray() && i + 1 < nums.getArrayNItems(); i += 2)
            if (nums.getArrayItem(i).isInteger() && nums.getArrayItem(i).getIntValue() == key.getIntValue())
                return nums.getArrayItem(i + 1);
        return QPDFObjectHandle::newNull();
    };
    std::vector<bool> gone(rows.size(), false);
    for (int index : continued) {
        if (index <= 0 || std::size_t(index) >= rows.size())
            continue;
        int target = index - 1;
        while (target > 0 && gone[std::size_t(target)])
            --target;
        const std::vector<QPDFObjectHandle> from = kidsOf(rows[std::size_t(index)]);
        const std::vector<QPDFObjectHandle> into = kidsOf(rows[std::size_t(target)]);
        for (std::size_t c = 0; c < from.size() && c < into.size(); ++c) {
            QPDFObjectHandle src = from[c], dst = into[c];
            QPDFObjectHandle page = src.getKey("/Pg");
            std::vector<QPDFObjectHandle> content = kidsOf(dst);
            for (QPDFObjectHandle k : kidsOf(src)) {
                if (k.isInteger()) {
                    const int mcid = k.getIntValueAsInt();
                    QPDFObjectHandle ref = QPDFObjectHandle::newDictionary();
                    ref.replaceKey("/Type", QPDFObjectHandle::newName("/MCR"));
                    ref.replaceKey("/Pg", page);
                    ref.replaceKey("/MCID", QPDFObjectHandle::newInteger(mcid));
                    QPDFObjectHandle parents = parentArray(page);
                    if (parents.isArray() && mcid < parents.getArrayNItems())
                        parents.setArrayItem(mcid, dst);
                    content.push_back(ref);
                } else {
                    content.push_back(k);
                }
            }
            // The cell's own content keeps its page through /Pg; integers stay valid for that page.
            dst.replaceKey("/K", QPDFObjectHandle::newArray(content));
        }
        QPDFObjectHandle parent = rows[std::size_t(index)].getKey("/P");
        QPDFObjectHandle siblings = parent.getKey("/K");
        for (int i = 0; siblings.isArray() && i < siblings.getArrayNItems(); ++i)
            if (siblings.getArrayItem(i).getObjGen() == rows[std::size_t(index)].getObjGen()) {
                siblings.eraseItem(i);
                break;
            }
        gone[std::size_t(index)] = true;
    }
}

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool isDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}

}  // namespace

// One pass over the content stream's tokens (operands: numbers, names, strings, arrays, dictionaries;
// operators: everything else), keeping the marked-content depth. What a page draws at depth 0 is
// wrapped in "/Artifact BMC ... EMC" from the first operand of its first operator to the end of its
// last; q and Q stay outside (graphics state and marked content must nest), as do BDC/BMC sequences.
std::string markArtifacts(const std::string &in)
{
    std::vector<std::pair<std::size_t, const char *>> cuts;
    const std::size_t n = in.size();
    std::size_t i = 0, start = 0, lastEnd = 0;
    bool operands = false, open = false;
    int depth = 0;
    const auto close = [&] {
        if (open)
            cuts.push_back({lastEnd, "\nEMC\n"});
        open = false;
    };
    while (i < n) {
        const char c = in[i];
        if (isSpace(c)) {
            ++i;
            continue;
        }
        if (c == '%') {
            while (i < n && in[i] != '\n' && in[i] != '\r')
                ++i;
            continue;
        }
        const std::size_t tokenStart = i;
        bool operand = true;
        if (c == '(') {  // a literal string: balanced parentheses, backslash escapes
            int nesting = 0;
            for (; i < n; ++i) {
                if (in[i] == '\\') {
                    ++i;
                } else if (in[i] == '(') {
                    ++nesting;
                } else if (in[i] == ')' && --nesting == 0) {
                    ++i;
                    break;
                }
            }
        } else if (c == '<' && i + 1 < n && in[i + 1] == '<') {
            i += 2;
        } else if (c == '>' && i + 1 < n && in[i + 1] == '>') {
            i += 2;
        } else if (c == '<') {  // a hex string
            while (i < n && in[i] != '>')
                ++i;
            ++i;
        } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>') {
            ++i;
        } else {  // a name, a number, a keyword or an operator
            ++i;
            while (i < n && !isSpace(in[i]) && !isDelimiter(in[i]))
                ++i;
            const std::string_view word(in.data() + tokenStart, i - tokenStart);
            operand = c == '/' || c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') || word == "true" ||
                      word == "false" || word == "null";
            if (word == "ID") {  // an inline image's data runs to the EI that follows it
                const std::size_t ei = in.find("EI", i + 1);
                i = ei == std::string::npos ? n : ei + 2;
            }
        }
        i = std::min(i, n);
        if (operand) {
            if (!operands)
                start = tokenStart;
            operands = true;
            continue;
        }
        if (!operands)
            start = tokenStart;
        operands = false;
        const std::string_view op(in.data() + tokenStart, std::min(i, n) - tokenStart);
        if (op == "BDC" || op == "BMC") {
            close();
            ++depth;
        } else if (op == "EMC") {
            --depth;
        } else if (depth == 0 && op != "BI" && op != "ID") {
            if (op == "q" || op == "Q") {
                close();
            } else if (!open) {
                cuts.push_back({start, "/Artifact BMC\n"});
                open = true;
            }
        }
        lastEnd = i;
    }
    close();
    std::string out;
    out.reserve(n + cuts.size() * 8);
    std::size_t from = 0;
    for (const auto &[at, text] : cuts) {
        out.append(in, from, at - from);
        out += text;
        from = at;
    }
    out.append(in, from, std::string::npos);
    return out;
}

QByteArray finishTaggedPdf(const std::string &pdf, const TaggedPdfOptions &o, const std::vector<QString> &alts,
                           const std::vector<int> &continuedRows, QString *error)
{
    try {
        QPDF q;
        q.processMemoryFile("report.pdf", pdf.data(), pdf.size());
        QPDFObjectHandle root = q.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(o.lang.toStdString()));
        root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
        root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
        root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
        QPDFObjectHandle trailer = q.getTrailer();
        QPDFObjectHandle info = trailer.getKey("/Info");
        if (!info.isDictionary()) {
            info = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
            trailer.replaceKey("/Info", info);
        }
        info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(o.title.toStdString()));
        // XMP with the title and language (PDF/UA asks for dc:title).
        QString xmp = QStringLiteral(
                          "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                          "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                          "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                          "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                          "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>"
                          "<dc:language><rdf:Bag><rdf:li>%2</rdf:li></rdf:Bag></dc:language>"
                          "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
                          .arg(o.title.toHtmlEscaped(), o.lang.toHtmlEscaped());
        QPDFObjectHandle meta = QPDFObjectHandle::newStream(&q, xmp.toUtf8().toStdString());
        meta.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        meta.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", meta);

        QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
        if (!tree.isDictionary())
            throw std::runtime_error("no structure tree");
        std::vector<QPDFObjectHandle> figures;
        collectFigures(tree, figures);
        scopeHeaderCells(tree);
        if (!continuedRows.empty())
            mergeContinuedRows(tree, continuedRows);
        for (std::size_t i = 0; i < figures.size() && i < alts.size(); ++i)
            figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[i].toStdString()));
        // Whatever is drawn outside the structure tree is an artifact.
        for (QPDFPageObjectHelper &page : QPDFPageDocumentHelper(q).getAllPages()) {
            QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
            std::vector<QPDFObjectHandle> streams;
            if (contents.isArray()) {
                for (int i = 0; i < contents.getArrayNItems(); ++i)
                    streams.push_back(contents.getArrayItem(i));
            } else if (contents.isStream()) {
                streams.push_back(contents);
            }
            if (streams.size() != 1)
                continue;  // cairo writes one content stream a page
            auto data = streams.front().getStreamData(qpdf_dl_generalized);
            const std::string text(reinterpret_cast<const char *>(data->getBuffer()), data->getSize());
            streams.front().replaceStreamData(markArtifacts(text), QPDFObjectHandle::newNull(),
                                              QPDFObjectHandle::newNull());
        }
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setCompressStreams(true);
        w.setDecodeLevel(qpdf_dl_none);  // cairo's compressed streams (fonts) are kept as they are, not decoded again
        w.setObjectStreamMode(qpdf_o_disable);  // dictionaries stay readable (tests, tools)
        w.write();
        auto buffer = w.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("cannot finish the tagged PDF: ") + QString::fromUtf8(e.what());
        return {};
    }
}


}  // namespace hicm::report
