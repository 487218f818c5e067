// All scores of an assessment, and its action plan, as CSV for spreadsheets (RFC 4180, UTF-8 with a
// byte-order mark).
#include "report.h"

#include "report_data.h"
#include "report_sections.h"

#include <QSaveFile>
#include <QStringList>

#include <cerrno>
#include <cstring>

#include <algorithm>

namespace hicm::report {

namespace {

// A text field: quoted when it holds a comma, quote or line break (quotes doubled). A text that a
// spreadsheet would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe, as
// OWASP advises against CSV injection; numbers are written as they are.
QByteArray textField(const QString &text)
{
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@\t\r").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    const bool quote = t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) ||
                       t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r'));
    if (!quote)
        return t.toUtf8();
    t.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + t.toUtf8() + '"';
}

QByteArray numberField(std::optional<int> n)
{
    return n ? QByteArray::number(*n) : QByteArray();
}

void row(QByteArray &out, const std::vector<QByteArray> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += fields[i];
    }
    out += "\r\n";
}

// The changes a feature points to, in the order the room agreed (core agreedPlan), each saying where and
// why the room's order differs from the method's; those the room left out say so.
QString agreedPlanText(const Feature *f, const AgreedPlan &plan)
{
    if (!f)
        return {};
    const auto aligned = [&](const std::string &change) {
        return std::any_of(f->alignsWith.begin(), f->alignsWith.end(), [&](const Alignment &al) { return al.change == change; });
    };
    QStringList out;
    for (const auto &step : plan.steps)
        if (aligned(step.id))
            out << QStringLiteral("%1. %2").arg(step.rank).arg(changeName(step.id, step.title)) +
                       (step.difference.empty() ? QString() : QStringLiteral(" (") + qs(step.difference) + QLatin1Char(')'));
    for (const auto &left : plan.leftOut)
        if (aligned(left.id))
            out << qs(left.difference);
    return out.join(QStringLiteral("; "));
}

}  // namespace

QByteArray csvBytes(const Assessment &a, const Framework &fw)
{
    QByteArray out("\xEF\xBB\xBF");
    std::vector<QByteArray> header;
    for (const char *h : {"Feature ID", "Feature", "Agreed level", "Agreed level label", "Level used",
                          "Provisional", "Target level", "Gap", "Confidence", "Importance",
                          "Lowest partner level", "Highest partner level"})
        header.push_back(textField(QString::fromUtf8(h)));
    for (const auto &p : a.partners)
        header.push_back(textField(plain(p.organisation)));
    header.push_back(textField(QStringLiteral("Rationale")));
    header.push_back(textField(QStringLiteral("Changes in the agreed plan")));
    row(out, header);

    const Prioritisation p = prioritise(fw, a);
    const AgreedPlan plan = agreedPlan(p);
    for (const auto &in : p.inputs) {
        const Feature *f = fw.feature(in.featureId);
        const FeatureAssessment *fa = a.feature(in.featureId);
        const std::optional<int> agreed = fa ? fa->agreedLevel : std::nullopt;
        std::optional<int> lo, hi;
        for (const auto &pl : in.partnerLevels) {
            lo = std::min(lo.value_or(pl.level), pl.level);
            hi = std::max(hi.value_or(pl.level), pl.level);
        }
        std::vector<QByteArray> fields{
            textField(qs(in.featureId)),
            textField(f ? plain(f->title.text) : plain(in.title)),
            numberField(agreed),
            textField(agreed && f ? featureLevelLabel(*f, *agreed) : QString()),
            numberField(in.level),
            in.level && in.provisional ? QByteArray("yes") : QByteArray(),
            numberField(in.target > 0 ? std::optional<int>(in.target) : std::nullopt),
            numberField(in.level ? std::optional<int>(in.gap) : std::nullopt),
            in.confidence == Confidence::Unset ? QByteArray() : textField(QString::fromUtf8(toString(in.confidence))),
            numberField(in.weight),
            numberField(lo),
            numberField(hi),
        };
        for (const auto &p : a.partners) {
            const PartnerLevel *pl = fa ? fa->partnerLevel(p.organisation) : nullptr;
            fields.push_back(numberField(pl ? std::optional<int>(pl->level) : std::nullopt));
        }
        fields.push_back(textField(fa ? plain(fa->rationale) : QString()));
        fields.push_back(textField(agreedPlanText(f, plan)));
        row(out, fields);
    }
    return out;
}

QByteArray planCsvBytes(const Assessment &a, const Framework &fw)
{
    QByteArray out("\xEF\xBB\xBF");
    std::vector<QByteArray> header;
    for (const char *h : {"Action", "Change", "Feature", "Owner", "Due", "Status", "Carried from"})
        header.push_back(textField(QString::fromUtf8(h)));
    row(out, header);

    // In the report's order: by due date (undated last), then by number.
    std::vector<const Action *> actions;
    for (const auto &ac : a.actions)
        actions.push_back(&ac);
    std::stable_sort(actions.begin(), actions.end(), [](const Action *x, const Action *y) {
        if (x->due.empty() != y->due.empty())
            return y->due.empty();
        return x->due != y->due ? x->due < y->due : x->id < y->id;
    });
    for (const Action *ac : actions) {
        QString change, feature, carried;
        if (!ac->change.empty()) {
            const Change *c = fw.change(ac->change);
            change = c ? changeName(c->id, c->title.text) : QStringLiteral("HIC ") + qs(ac->change);
        }
        if (!ac->feature.empty()) {
            const Feature *f = fw.feature(ac->feature);
            feature = f ? qs(f->id) + QLatin1Char(' ') + plain(f->title.text) : qs(ac->feature);
        }
        // The action it continues in the assessment this one reassesses.
        if (ac->carriedFrom)
            carried = a.previousId ? QStringLiteral("action %1 of assessment %2").arg(*ac->carriedFrom).arg(*a.previousId)
                                   : QStringLiteral("action %1 of the previous assessment").arg(*ac->carriedFrom);
        row(out, {textField(plain(ac->text)), textField(change), textField(feature), textField(plain(ac->owner)),
                  textField(qs(ac->due)), textField(QString::fromUtf8(label(ac->status))), textField(carried)});
    }
    return out;
}

WriteResult writeCsv(const Assessment &a, const Framework &fw, const QString &path)
{
    WriteResult result;
    result.error = writeFileBytes(path, csvBytes(a, fw));
    result.ok = result.error.isEmpty();
    return result;
}

WriteResult writePlanCsv(const Assessment &a, const Framework &fw, const QString &path)
{
    WriteResult result;
    result.error = writeFileBytes(path, planCsvBytes(a, fw));
    result.ok = result.error.isEmpty();
    return result;
}

QString writeFileBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);  // a temporary file renamed into place: the file is whole, or left as it was
    bool ok = file.open(QIODevice::WriteOnly);
    int error = ok ? 0 : errno;
    if (ok && file.write(bytes) != bytes.size()) {
        ok = false;
        error = errno;
    }
    if (ok && !file.commit()) {
        ok = false;
        error = errno;
    }
    if (ok)
        return {};
    // QSaveFile says "Unknown error" when the disk fills up at the final flush: say what the system said.
    QString why = file.errorString();
    if (error != 0 && (why.isEmpty() || why.contains(QLatin1String("Unknown error"))))
        why = QString::fromLocal8Bit(std::strerror(error));
    if (error == ENOSPC || error == EDQUOT || error == EFBIG)
        why = QStringLiteral("the disk is full (%1)").arg(QString::fromLocal8Bit(std::strerror(error)));
    return QStringLiteral("%1: cannot write: %2; nothing was written there").arg(path, why);
}

}  // namespace hicm::report
