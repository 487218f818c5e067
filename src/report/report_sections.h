// Internal: the report's sections, each written only through a ReportSink (report_sink.h). Shared by
// every back end (the print document, the HTML file), so all carry the same content.
#pragma once

#include "compare.h"
#include "report_sink.h"
#include "report.h"

#include <QString>

#include <string>

namespace hicm::report {

struct Section {
    const ReportInput &in;
    ReportSink &c;
    // The core's comparison of in.previous (then) with in.assessment (now), worked out once by
    // composeReport; nullptr without a previous assessment. Every "since" and "then" in the report reads it.
    const Comparison *comparison = nullptr;
    const Framework &previousFramework() const { return in.previousFramework ? *in.previousFramework : in.framework; }
};

// Writes `bytes` to `path` atomically (QSaveFile). Empty on success, else "PATH: cannot write: why".
QString writeFileBytes(const QString &path, const QByteArray &bytes);

// "1 May 2024" from "2024-05-01"; the text as it is when it is not a date; "undated" when empty.
QString prettyDate(const std::string &isoDate);
// "Previous assessment (1 May 2024)".
QString previousName(const Assessment &previous);

// The board cover sheet (ReportInput::cover), when there is one; then a page break.
void writeCoverSheet(const Section &s);
void writeCover(const Section &s);
void writeSummary(const Section &s);
void writeFeatureTable(const Section &s);
void writeFeatureSections(const Section &s);
void writeChanges(const Section &s);
void writeActionPlan(const Section &s);
void writePartners(const Section &s);
// Against peers, from ReportInput::peers (report_peers.cpp); nothing without one.
void writePeers(const Section &s);
void writeAppendix(const Section &s);
// The engine's own order with each change's arithmetic (part of the appendix).
void writeMethodArithmetic(const Section &s);

// All of the above, in order.
void composeReport(const ReportInput &input, ReportSink &sink);

}  // namespace hicm::report
