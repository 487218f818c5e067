// hicm-assess-cli report and export-csv: on a stored assessment, with the real executable (exit codes
// as a shell sees them, and the QGuiApplication main() makes for report) and in-process.
#include "cli.h"
#include "report.h"
#include "report_test_support.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <fstream>
#include <sstream>

using namespace hicm;
using namespace hicm::test;

namespace {

struct Stored {
    TempDir dir{"hicm-report-cli"};
    std::string workspace = dir.file("ws.hicmws");
    std::int64_t before = 0;
    std::int64_t now = 0;
    Stored()
    {
        auto ws = storage::Workspace::create(workspace);
        REQUIRE(ws.ok());
        before = storeAssessment(*ws, sampleAssessment(bundledFramework(), true));
        now = storeAssessment(*ws, sampleAssessment(bundledFramework()), before);
    }
};

struct Run {
    int code;
    QString out;
    QString err;
};

// Runs the executable with no display and no QT_QPA_PLATFORM: main() must pick offscreen itself.
Run exe(const Stored &s, QStringList args, const QString &pdfModule = {})
{
    args.prepend(QString::fromStdString(s.workspace));
    args.prepend(QStringLiteral("--workspace"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (!pdfModule.isEmpty())
        env.insert(QStringLiteral("HICM_TAGGED_PDF_MODULE"), pdfModule);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HICM_CLI_EXECUTABLE), args);
    REQUIRE(p.waitForFinished(60000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString file(const Stored &s, const char *name)
{
    return QString::fromStdString(s.dir.file(name));
}

}  // namespace

TEST_CASE("report writes the PDF and the ODT of a stored assessment, compared with another", "[cli]")
{
    const Stored s;
    const Run r = exe(s, {QStringLiteral("report"), QString::number(s.now), QStringLiteral("--pdf"), file(s, "r.pdf"),
                          QStringLiteral("--odt"), file(s, "r.odt"), QStringLiteral("--compare"), QString::number(s.before)});
    INFO(r.err.toStdString());
    REQUIRE(r.code == 0);
    CHECK(r.out.contains(QStringLiteral("Wrote ") + file(s, "r.pdf")));
    CHECK(QFileInfo(file(s, "r.odt")).size() > 1000);
    const QString all = pdfPages(file(s, "r.pdf")).join(QLatin1Char(' '));
    CHECK(all.contains(QStringLiteral("North Shire")));
    CHECK(all.contains(QString::fromStdString(kHostilePartner)));
    CHECK(all.contains(QStringLiteral("What has moved since 14 March 2024")));
    CHECK(all.contains(QStringLiteral("was pinned first by the room")));
}

TEST_CASE("report and export-csv exit codes", "[cli]")
{
    const Stored s;
    SECTION("unknown assessment: 1")
    {
        CHECK(exe(s, {QStringLiteral("report"), QStringLiteral("999"), QStringLiteral("--pdf"), file(s, "x.pdf")}).code == 1);
        CHECK(exe(s, {QStringLiteral("report"), QString::number(s.now), QStringLiteral("--pdf"), file(s, "x.pdf"),
                      QStringLiteral("--compare"), QStringLiteral("999")})
                  .code == 1);
        CHECK(exe(s, {QStringLiteral("export-csv"), QStringLiteral("999"), QStringLiteral("--out"), file(s, "x.csv")}).code == 1);
        CHECK_FALSE(QFileInfo::exists(file(s, "x.pdf")));
    }
    SECTION("a file that cannot be written: 1")
    {
        const Run r = exe(s, {QStringLiteral("report"), QString::number(s.now), QStringLiteral("--pdf"), file(s, "no/dir/x.pdf")});
        CHECK(r.code == 1);
        CHECK(r.err.contains(QStringLiteral("no/dir/x.pdf")));
    }
    SECTION("wrong usage: 2")
    {
        CHECK(exe(s, {QStringLiteral("report"), QString::number(s.now)}).code == 2);  // neither --pdf nor --odt
        CHECK(exe(s, {QStringLiteral("report"), QStringLiteral("--pdf"), file(s, "x.pdf")}).code == 2);
        CHECK(exe(s, {QStringLiteral("report"), QStringLiteral("abc"), QStringLiteral("--pdf"), file(s, "x.pdf")}).code == 2);
        CHECK(exe(s, {QStringLiteral("export-csv"), QString::number(s.now)}).code == 2);  // no --out
    }
    SECTION("export-csv: 0, and the file holds the scores")
    {
        const Run r = exe(s, {QStringLiteral("export-csv"), QString::number(s.now), QStringLiteral("--out"), file(s, "s.csv")});
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        const auto rows = parseCsv(readFile(s.dir.file("s.csv")).substr(3));
        CHECK(rows.size() == bundledFramework().features.size() + 1);
        CHECK(std::find(rows[0].begin(), rows[0].end(), kHostilePartner) != rows[0].end());
    }
}

// The tagged PDF writer is a module loaded at run time (pdf_module_loader.cpp): without it the command
// says which files it looked for, exits 1 and writes nothing.
TEST_CASE("report --pdf without its PDF writer module says so, exits 1 and writes nothing", "[cli]")
{
    const Stored s;
    const QString missing = file(s, "no-such-module.so");
    const Run r = exe(s, {QStringLiteral("report"), QString::number(s.now), QStringLiteral("--pdf"), file(s, "m.pdf")},
                      missing);
    CHECK(r.code == 1);
    CHECK(r.err.contains(QStringLiteral("hicm-tagged-pdf.so) cannot be loaded")));
    CHECK(r.err.contains(missing));
    CHECK_FALSE(QFileInfo::exists(file(s, "m.pdf")));
}

TEST_CASE("report run in-process warns when comparing with another area", "[cli]")
{
    const Stored s;
    {
        auto ws = storage::Workspace::open(s.workspace);
        REQUIRE(ws.ok());
        requireOk(ws->setStatus(s.before, AssessmentStatus::Draft));  // final: locked until reopened
        requireOk(ws->setAssessmentField(s.before, storage::AssessmentField::Area, "South Vale"));
    }
    std::ostringstream out, err;
    const int code = cli::run({"hicm-assess-cli", "--workspace", s.workspace, "report", std::to_string(s.now), "--pdf",
                               s.dir.file("in.pdf"), "--compare", std::to_string(s.before)},
                              out, err);
    INFO(err.str());
    CHECK(code == 0);
    CHECK(err.str().find("another area") != std::string::npos);
    CHECK(QFileInfo::exists(file(s, "in.pdf")));
}

TEST_CASE("report --html writes the HTML report; every output is checked by the guard before any is written", "[cli][html]")
{
    const Stored s;
    {
        std::ostringstream out, err;
        const int code = cli::run({"hicm-assess-cli", "--workspace", s.workspace, "report", std::to_string(s.now), "--html",
                                   s.dir.file("r.html")},
                                  out, err);
        INFO(err.str());
        REQUIRE(code == 0);
        CHECK(out.str().find("Wrote " + s.dir.file("r.html")) != std::string::npos);
        const std::string html = readFile(s.dir.file("r.html"));
        CHECK(html.find("<html lang=\"en-GB\">") != std::string::npos);
        CHECK(html.find("&lt;b&gt;Acme &amp; Sons&lt;/b&gt;") != std::string::npos);
    }
    {
        // The HTML would land on the workspace: refused, and the PDF asked for with it is not written either.
        std::ostringstream out, err;
        const int code = cli::run({"hicm-assess-cli", "--workspace", s.workspace, "report", std::to_string(s.now), "--pdf",
                                   s.dir.file("x.pdf"), "--html", s.workspace},
                                  out, err);
        CHECK(code != 0);
        CHECK(err.str().find("nothing was written") != std::string::npos);
        CHECK_FALSE(QFileInfo::exists(file(s, "x.pdf")));
        CHECK(storage::Workspace::open(s.workspace).ok());
    }
}

TEST_CASE("report --cover puts the board cover sheet first in HTML, Word and OpenDocument; bad JSON says where", "[cli][cover]")
{
    const Stored s;
    const auto write = [&](const char *name, const std::string &text) {
        std::ofstream(s.dir.file(name), std::ios::binary) << text;
        return s.dir.file(name);
    };
    const std::string cover = write("cover.json", R"({"purpose": "decision", "summary": "The board is asked to agree the plan & <its> order.",
        "recommendations": ["Agree the plan", "Fund the single point of access"], "risks": ["Winter pressure delays the plan"]})");
    std::ostringstream out, err;
    const int code = cli::run({"hicm-assess-cli", "--workspace", s.workspace, "report", std::to_string(s.now), "--html",
                               s.dir.file("c.html"), "--docx", s.dir.file("c.docx"), "--odt", s.dir.file("c.odt"), "--cover", cover},
                              out, err);
    INFO(err.str());
    REQUIRE(code == 0);
    const std::string html = readFile(s.dir.file("c.html"));
    const auto sheet = html.find("<h1>Board cover sheet</h1>");
    REQUIRE(sheet != std::string::npos);
    CHECK(sheet < html.find("<h1 class=\"title\">North Shire</h1>"));
    CHECK(html.find("<dd>For decision</dd>") != std::string::npos);
    CHECK(html.find("The board is asked to agree the plan &amp; &lt;its&gt; order.") != std::string::npos);
    CHECK(html.find("<li>Fund the single point of access</li>") != std::string::npos);
    CHECK(html.find("<h2>Risks</h2>\n<ul>\n<li>Winter pressure delays the plan</li>") != std::string::npos);

    // Word, read back by pandoc, and the ODT's text.
    QProcess p;
    p.start(report::pandocExecutable(), {QStringLiteral("-t"), QStringLiteral("plain"), file(s, "c.docx")});
    REQUIRE(p.waitForFinished(60000));
    const QString docx = QString::fromUtf8(p.readAllStandardOutput());
    CHECK(docx.indexOf(QStringLiteral("Board cover sheet")) >= 0);
    CHECK(docx.indexOf(QStringLiteral("Board cover sheet")) < docx.indexOf(QStringLiteral("Self-assessment report")));
    CHECK(docx.contains(QStringLiteral("Fund the single point of access")));
    CHECK(docx.contains(QStringLiteral("For decision")));
    if (canInflate()) {
        const QString odt = QString::fromUtf8(zipEntry(file(s, "c.odt"), QStringLiteral("content.xml")).value_or(QByteArray()));
        CHECK(odt.contains(QStringLiteral("Board cover sheet")));
        CHECK(odt.contains(QStringLiteral("Winter pressure delays the plan")));
    }

    // Bad cover sheets: exit 2, the file and the JSON path named, nothing written.
    const std::vector<std::pair<std::string, std::string>> bad{
        {R"({"purpose": "decision", "recommendations": ["ok", 3]})", "/recommendations/1: expected a string"},
        {R"({"purpose": "approval"})", "/purpose: expected \"decision\", \"assurance\" or \"information\""},
        {R"({"sumary": "typo"})", "/sumary: not a key of a cover sheet"},
        {R"(["a"])", "/: expected an object"},
        {R"({"summary": )", "not JSON"},
    };
    for (const auto &[text, why] : bad) {
        const std::string path = write("bad.json", text);
        std::ostringstream o2, e2;
        const int c = cli::run({"hicm-assess-cli", "--workspace", s.workspace, "report", std::to_string(s.now), "--html",
                                s.dir.file("bad.html"), "--cover", path},
                               o2, e2);
        INFO(text << " -> " << e2.str());
        CHECK(c == 2);
        CHECK(e2.str().find(path + ": ") != std::string::npos);
        CHECK(e2.str().find(why) != std::string::npos);
        CHECK_FALSE(QFileInfo::exists(file(s, "bad.html")));
    }
}
