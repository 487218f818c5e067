// The tagged PDF's pages when a table row is taller than a page: the longest text a user can type (an
// action of 10,000 characters) flows on over the next pages inside the margins, all of it there, and
// stays one row of its table for a screen reader.
#include "report.h"
#include "report_test_support.h"
#include "tagged_pdf.h"

#include <QPdfDocument>
#include <QPdfSelection>

using namespace hicm;
using namespace hicm::test;

namespace {

// An action text of exactly `length` characters: numbered words, so that every part can be found.
std::string longText(std::size_t length)
{
    std::string text;
    for (int i = 1; text.size() < length; ++i)
        text += "step" + std::to_string(i) + " of the joint plan, ";
    text.resize(length);
    return text;
}

QString squeezed(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

// The bottom of the text area and the top of the footer, in points from the top of an A4 page.
constexpr qreal kPageHeight = 841.89, kTextBottom = kPageHeight - 62.0, kFooterTop = kPageHeight - 45.0;

}  // namespace

TEST_CASE("a table row taller than a page is split across pages inside the margins", "[pdf][tagged]")
{
    const Framework &fw = bundledFramework();
    Assessment now = sampleAssessment(fw);
    const Assessment before = sampleAssessment(fw, true);
    REQUIRE(now.actions.size() >= 2);
    const std::string text = longText(10000);
    REQUIRE(text.size() == 10000);
    now.actions[1].text = text;
    const Prioritisation p = prioritise(fw, now);
    TempDir dir("hicm-report-long");
    const QString path = QString::fromStdString(dir.file("long.pdf"));
    const auto written = report::writePdf({fw, now, p, &before, nullptr, QDate(2025, 3, 20)}, path);
    INFO(written.error.toStdString());
    REQUIRE(written.ok);

    QPdfDocument doc;
    REQUIRE(doc.load(path) == QPdfDocument::Error::None);
    int pagesWithPart = 0;
    QString all;
    for (int i = 0; i < doc.pageCount(); ++i) {
        INFO("page " << i + 1);
        REQUIRE(doc.pagePointSize(i).height() == Approx(kPageHeight).margin(0.5));
        const QPdfSelection sel = doc.getAllText(i);
        all += sel.text();
        if (sel.text().contains(QStringLiteral("of the joint plan")))
            ++pagesWithPart;
        // Every line of text is inside the text area, or is the running footer below it; nothing
        // runs into the bottom margin or off the page.
        for (const QPolygonF &poly : sel.bounds()) {
            const QRectF r = poly.boundingRect();
            INFO("text at " << r.top() << "-" << r.bottom() << " pt");
            CHECK((r.bottom() <= kTextBottom + 1 || r.top() >= kFooterTop));
            CHECK(r.bottom() <= kPageHeight - 20);
        }
    }
    // The text takes several pages and every character of it is in the PDF, in order.
    CHECK(pagesWithPart >= 3);
    const QString flat = squeezed(all);
    CHECK(flat.contains(squeezed(QString::fromStdString(text.substr(0, 400)))));
    CHECK(flat.contains(squeezed(QString::fromStdString(text.substr(text.size() - 400)))));
    CHECK(flat.contains(QStringLiteral("step300of")));

    // For a screen reader it is still one row: as many TR elements as with a short action, and the
    // cell's content on the pages after its first is referenced with its page (an MCR).
    Assessment shortOne = now;
    shortOne.actions[1].text = "A short action";
    const QString shortPath = QString::fromStdString(dir.file("short.pdf"));
    REQUIRE(report::writePdf({fw, shortOne, prioritise(fw, shortOne), &before, nullptr, QDate(2025, 3, 20)}, shortPath)
                .ok);
    const QByteArray longPdf = QByteArray::fromStdString(readFile(dir.file("long.pdf")));
    const QByteArray shortPdf = QByteArray::fromStdString(readFile(dir.file("short.pdf")));
    CHECK(longPdf.count("/S /TR") == shortPdf.count("/S /TR"));
    CHECK(longPdf.count("/Type /MCR") >= pagesWithPart - 1);
}

TEST_CASE("what is drawn outside marked content becomes an artifact, whatever the operands hold", "[pdf][tagged]")
{
    // Strings with brackets, escapes and operator names inside; a dictionary operand; q/Q left outside.
    const std::string in = "q\n0 0 1 rg BT /F1 9 Tf (EMC \\) BDC \\(x) Tj ET\nQ\n"
                           "/P << /MCID 0 >> BDC\nBT (kept) Tj ET\nEMC\n"
                           "1 0 0 RG 0.5 w 10 10 m 20 20 l S\n";
    const std::string out = report::markArtifacts(in);
    CHECK(out == "q\n/Artifact BMC\n0 0 1 rg BT /F1 9 Tf (EMC \\) BDC \\(x) Tj ET\nEMC\n\nQ\n"
                 "/P << /MCID 0 >> BDC\nBT (kept) Tj ET\nEMC\n"
                 "/Artifact BMC\n1 0 0 RG 0.5 w 10 10 m 20 20 l S\nEMC\n\n");
    // Content already all marked is left as it was.
    const std::string marked = "/Span << /ActualText <feff0020> >> BDC\nEMC\n";
    CHECK(report::markArtifacts(marked) == marked);
}
