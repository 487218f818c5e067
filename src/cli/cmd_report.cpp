// report ID [--pdf FILE] [--html FILE] [--docx FILE [--reference-doc FILE]] [--odt FILE] [--compare PREVIOUS_ID]
// [--peers EXTRACT] [--cover FILE.json]: the board report (docs/report.md), in as many formats as asked for
// (at least one).
// export-csv ID --out FILE: every score of an assessment for spreadsheets (--plan: its action plan).
// The report paints text and charts, so it needs a QGuiApplication: main.cpp creates one (offscreen
// unless QT_QPA_PLATFORM says otherwise) for the report command only.
#include "assessment_commands.h"
#include "cli.h"
#include "output_guard.h"

#include "prioritisation.h"
#include "queries.h"
#include "report.h"

#include <QGuiApplication>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include <memory>
#include <ostream>

namespace hicm::cli {


namespace {

struct ReportOptions {
    std::int64_t id = 0;
    std::string pdf;
    std::string odt;
    std::string html;
    std::string docx;
    std::string referenceDoc;  // the board's Word template (pandoc --reference-doc)
    std::string cover;         // the board cover sheet, JSON
    std::int64_t compare = 0;
    CLI::Option *compareOption = nullptr;
    std::string peers;  // a region's peer extract (docs/region.md)
};

// Reads a cover sheet: {"purpose": "decision"|"assurance"|"information", "summary": "...",
// "recommendations": ["..."], "risks": ["..."]}, every key optional. Empty with the sheet filled, else
// "FILE: /json/path: what is wrong".
std::string readCover(const std::string &file, report::CoverSheet &sheet)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return file + ": cannot read the cover sheet";
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error &e) {
        return file + ": not JSON (at byte " + std::to_string(e.byte) + ")";
    }
    if (!j.is_object())
        return file + ": /: expected an object with purpose, summary, recommendations, risks";
    const auto string = [&](const nlohmann::json &v, const std::string &where, QString &out) -> std::string {
        if (!v.is_string())
            return file + ": " + where + ": expected a string";
        out = QString::fromStdString(v.get<std::string>());
        return {};
    };
    for (const auto &[key, value] : j.items()) {
        const std::string where = "/" + key;
        if (key == "purpose") {
            if (auto e = string(value, where, sheet.purpose); !e.empty())
                return e;
            if (sheet.purpose != QLatin1String("decision") && sheet.purpose != QLatin1String("assurance") &&
                sheet.purpose != QLatin1String("information"))
                return file + ": " + where + ": expected \"decision\", \"assurance\" or \"information\"";
        } else if (key == "summary") {
            if (auto e = string(value, where, sheet.summary); !e.empty())
                return e;
        } else if (key == "recommendations" || key == "risks") {
            if (!value.is_array())
                return file + ": " + where + ": expected a list of strings";
            QStringList &list = key == "risks" ? sheet.risks : sheet.recommendations;
            for (std::size_t i = 0; i < value.size(); ++i) {
                QString item;
                if (auto e = string(value[i], where + "/" + std::to_string(i), item); !e.empty())
                    return e;
                list << item;
            }
        } else {
            return file + ": " + where + ": not a key of a cover sheet (purpose, summary, recommendations, risks)";
        }
    }
    return {};
}

void runReport(Context &ctx, const ReportOptions &o)
{
    using namespace assessment;
    if (o.pdf.empty() && o.odt.empty() && o.html.empty() && o.docx.empty())
        return fail(ctx, "report: give at least one of --pdf FILE, --html FILE, --docx FILE, --odt FILE", Usage);
    if (!o.referenceDoc.empty() && o.docx.empty() && o.odt.empty())
        return fail(ctx, "report: --reference-doc styles the --docx (or --odt) output; give one", Usage);
    report::CoverSheet cover;
    if (!o.cover.empty())
        if (const std::string why = readCover(o.cover, cover); !why.empty())
            return fail(ctx, why, Usage);
    for (const std::string &file : {o.pdf, o.html, o.docx, o.odt})
        if (const std::string why = storage::outputRefusal(file, workspacePath(ctx)); !file.empty() && !why.empty())
            return fail(ctx, why);
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(ctx, "report: needs a QGuiApplication (run hicm-assess-cli, which creates one)");
    auto ws = openWorkspace(ctx, false);
    if (!ws)
        return;
    const std::optional<std::int64_t> compareWith =
        o.compareOption->count() > 0 ? std::optional<std::int64_t>(o.compare) : std::nullopt;
    auto basis = document::reportBasis(*ws, o.id, compareWith);
    if (!basis)
        return fail(ctx, basis.error().toString());
    const ScoredAssessment &current = basis->assessment;
    const std::optional<ScoredAssessment> &previous = basis->previous;
    if (previous && previous->assessment.area != current.assessment.area)
        ctx.err << "hicm-assess-cli: warning: assessment " << o.compare << " is of another area (\""
                << previous->assessment.area << "\"); comparing anyway\n";
    std::optional<PeerExtract> peers;
    if (!o.peers.empty()) {
        auto read = readPeerExtractFile(o.peers);
        if (!read.ok()) {
            ctx.err << formatProblems(read.problems);
            return fail(ctx, o.peers + ": not a peer extract this version reads; no report was written");
        }
        peers = std::move(*read.extract);
    }
    report::ReportInput input{*current.framework, current.assessment, basis->prioritisation,
                              previous ? &previous->assessment : nullptr, previous ? previous->framework.get() : nullptr};
    input.peers = peers ? &*peers : nullptr;
    input.cover = o.cover.empty() ? nullptr : &cover;
    if (!o.pdf.empty()) {
        const auto written = report::writePdf(input, QString::fromStdString(o.pdf));
        if (!written.ok)
            return fail(ctx, written.error.toStdString());
        ctx.out << "Wrote " << o.pdf << " (" << written.pages << " pages)\n";
    }
    if (!o.html.empty()) {
        const auto written = report::writeHtml(input, QString::fromStdString(o.html));
        if (!written.ok)
            return fail(ctx, written.error.toStdString());
        ctx.out << "Wrote " << o.html << "\n";
    }
    if (!o.docx.empty()) {
        const auto written = report::writeDocx(input, QString::fromStdString(o.docx), QString::fromStdString(o.referenceDoc));
        if (!written.ok)
            return fail(ctx, written.error.toStdString());
        ctx.out << "Wrote " << o.docx << "\n";
    }
    if (!o.odt.empty()) {
        const auto written = report::writeOdt(input, QString::fromStdString(o.odt),
                                              o.docx.empty() ? QString::fromStdString(o.referenceDoc) : QString());
        if (!written.ok)
            return fail(ctx, written.error.toStdString());
        ctx.out << "Wrote " << o.odt << "\n";
    }
    ctx.exitCode = Ok;
}

}  // namespace

void addReportCommands(CLI::App &app, Context &ctx)
{
    auto *cmd = app.add_subcommand("report", "Write an assessment's board report: tagged PDF, accessible HTML, Word, OpenDocument text");
    auto o = std::make_shared<ReportOptions>();
    cmd->add_option("ID", o->id, "The assessment's id")->required();
    cmd->add_option("--pdf", o->pdf, "Write the report as PDF to FILE")->type_name("FILE");
    cmd->add_option("--html", o->html, "Write the report as one accessible HTML file (for publishing) to FILE")
        ->type_name("FILE");
    cmd->add_option("--docx", o->docx, "Write the report as Word (through pandoc) to FILE")->type_name("FILE");
    cmd->add_option("--reference-doc", o->referenceDoc,
                    "The board's Word template whose styles, margins, header and footer the --docx output takes")
        ->type_name("FILE");
    cmd->add_option("--cover", o->cover,
                    "Put a board cover sheet first: JSON with purpose (decision, assurance or information), summary, "
                    "recommendations, risks")
        ->type_name("FILE.json");
    cmd->add_option("--odt", o->odt, "Write the report as OpenDocument text (Word, LibreOffice) to FILE")->type_name("FILE");
    o->compareOption = cmd->add_option("--compare", o->compare, "Compare with this assessment (usually the previous one)")
                           ->type_name("PREVIOUS_ID");
    cmd->add_option("--peers", o->peers, "Add an \"Against peers\" page from a region's peer extract (region extract)")
        ->type_name("EXTRACT");
    cmd->callback([&ctx, o] {
        ctx.exitCode = BadInput;
        runReport(ctx, *o);
    });

    auto *csv = app.add_subcommand("export-csv", "Write every score of an assessment, or its action plan (--plan), as CSV (UTF-8, for spreadsheets)");
    auto id = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>();
    auto plan = std::make_shared<bool>(false);
    csv->add_option("ID", *id, "The assessment's id")->required();
    csv->add_option("--out", *out, "The CSV file to write")->type_name("FILE")->required();
    csv->add_flag("--plan", *plan,
                  "Write the action plan instead (action, change, feature, owner, due, status, carried from)");
    csv->callback([&ctx, id, out, plan] {
        ctx.exitCode = BadInput;
        auto opened = assessment::openAssessment(ctx, *id, false);
        if (!opened)
            return;
        if (const std::string why = storage::outputRefusal(*out, opened->ws.path()); !why.empty())
            return assessment::fail(ctx, why);
        const auto written = *plan ? report::writePlanCsv(opened->assessment, *opened->framework, QString::fromStdString(*out))
                                   : report::writeCsv(opened->assessment, *opened->framework, QString::fromStdString(*out));
        if (!written.ok)
            return assessment::fail(ctx, written.error.toStdString());
        ctx.out << "Wrote " << *out << "\n";
        ctx.exitCode = Ok;
    });
}


}  // namespace hicm::cli
