#!/usr/bin/env python3
"""Writes the exchange-file fixtures: valid/*.hicm.json and broken/*.hicm.json, each broken file with a
sidecar NAME.expected.txt naming what the reader must report (see README.md). Re-run after changing
this script; the outputs are committed. Uses only the standard library."""
import copy
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent.parent / "fixtures"
MINI = (FIXTURES / "mini-framework.json").read_text(encoding="utf-8")
EDITION2 = (HERE / "mini-framework-edition2.json").read_text(encoding="utf-8")


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def assessment(framework_text):
    return {
        "id": 7, "area": "North Shire", "title": "Spring workshop \u2014 \u201cfirst\u201d", "date": "2024-05-01",
        "facilitator": "Ana O'Neil", "status": "final",
        "created": "2024-05-01T09:00:00.000Z", "updated": "2024-05-01T12:00:00.000Z",
        "framework": {"hash": sha(framework_text), "title": json.loads(framework_text)["meta"]["title"],
                      "edition": json.loads(framework_text)["meta"]["edition"]},
        "previous_id": None,
        "partners": [
            {"id": 11, "organisation": "North ICB", "type": "icb", "contact": "Sam"},
            {"id": 12, "organisation": "<b>Acme & Sons</b>", "type": "care-provider", "contact": ""},
        ],
        "features": [
            {"id": "B1", "partner_levels": [
                {"partner": "North ICB", "level": 1, "note": "three doors"},
                {"partner": "<b>Acme & Sons</b>", "level": 2, "note": ""}],
             "agreed_level": 2, "rationale": "two of three places", "target_level": 3, "confidence": "medium",
             "weight": 3, "evidence": "Audit 2024; 'quoted' and \"double\"",
             "metrics": [{"id": "B1.M1", "value": "120", "unit": "per month", "period": "2023-24", "source": "SUS"}],
             "planned_actions": ["B1.T1"]},
            {"id": "B2", "partner_levels": [], "agreed_level": 1, "rationale": "", "target_level": None,
             "confidence": "low", "weight": 2, "evidence": "", "metrics": [], "planned_actions": []},
            {"id": "B3", "partner_levels": [], "agreed_level": None, "rationale": "", "target_level": None,
             "confidence": None, "weight": 2, "evidence": "", "metrics": [], "planned_actions": []},
        ],
        "actions": [{"id": 3, "text": "Create a single point of access", "change": "A", "feature": "B1",
                     "owner": "North ICB", "due": "2024-09-30", "status": "in-progress", "notes": ""}],
        "overrides": [{"change": "B", "kind": "pin", "reason": "the board asked"}],
    }


def exchange(framework_text=MINI):
    return {"format": "hicm-assess-exchange", "format_version": 1, "exported": "2024-05-02T10:00:00Z",
            "generator": "HICM Assess 0.1.0", "assessment": assessment(framework_text),
            "framework": {"hash": sha(framework_text), "json": framework_text}}


def dump(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def write(name, text, expected=None):
    folder = HERE / ("broken" if expected else "valid")
    (folder / (name + ".hicm.json")).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    if expected:
        lines = [f"{k}: {v}" for k, v in expected.items()]
        (folder / (name + ".expected.txt")).write_text("\n".join(lines) + "\n", encoding="utf-8")


def broken(name, change, **expected):
    e = exchange()
    change(e)
    write(name, dump(e), expected)


def main():
    write("north-shire-2024", dump(exchange()))
    write("north-shire-edition2", dump(exchange(EDITION2)))

    good = dump(exchange())
    write("truncated", good[: len(good) // 2], {"line": good[: len(good) // 2].count("\n") + 1, "reason": "not valid JSON"})
    write("empty", b"", {"line": 1, "column": 1, "reason": "the file is empty"})
    write("malformed-trailing-comma", good.replace('"status": "final",', '"status": "final",,', 1),
          {"line": 1 + good[: good.index('"status": "final",')].count("\n"), "reason": "not valid JSON"})
    write("invalid-utf8", good.encode("utf-8").replace(b"Sam", b"S\xffm", 1), {"reason": "not valid JSON"})
    write("not-an-object", "[1, 2, 3]\n", {"pointer": "/", "reason": "holds a JSON object"})
    write("framework-file-instead", MINI, {"pointer": "/format", "reason": "not an HICM Assess exchange file"})
    broken("wrong-format", lambda e: e.update(format="hicm-assess-backup"),
           pointer="/format", reason="not an HICM Assess exchange file")
    broken("newer-version", lambda e: e.update(format_version=2), pointer="/format_version", reason="newer HICM Assess")
    broken("version-as-string", lambda e: e.update(format_version="1"), pointer="/format_version", reason="must be an integer")
    broken("missing-assessment", lambda e: e.pop("assessment"), pointer="/", reason='missing required key "assessment"')
    broken("unknown-top-level-key", lambda e: e.update(comment="hi"), pointer="/comment", reason='unknown key "comment"')

    def edited_framework(e):
        e["framework"]["json"] = MINI.replace("Fewer doors.", "Fewer, better doors.")
    broken("hash-mismatch", edited_framework, pointer="/framework/hash", reason="does not match its hash")

    def unloadable_framework(e):
        fw = json.loads(MINI)
        fw["features"][0]["levels"].pop(1)
        text = dump(fw)
        e["framework"] = {"hash": sha(text), "json": text}
        e["assessment"]["framework"]["hash"] = sha(text)
    broken("framework-does-not-load", unloadable_framework, pointer="/framework/json", reason="does not load")

    def framework_not_json(e):
        text = '{"format": 1, "meta": '
        e["framework"] = {"hash": sha(text), "json": text}
    broken("framework-not-json", framework_not_json, pointer="/framework/json", reason="does not load: line 1")

    def feature(i, **kv):
        return lambda e: e["assessment"]["features"][i].update(kv)
    broken("unknown-feature", feature(2, id="B9"), pointer="/assessment/features/2/id", reason='unknown feature "B9"')
    broken("duplicate-feature", feature(2, id="B1"), pointer="/assessment/features/2/id", reason="appears twice")
    broken("agreed-level-out-of-range", feature(0, agreed_level=4), pointer="/assessment/features/0/agreed_level",
           reason="level 4 is not on the scale")
    broken("target-level-out-of-range", feature(1, target_level=0), pointer="/assessment/features/1/target_level",
           reason="level 0 is not on the scale")
    broken("agreed-level-as-string", feature(0, agreed_level="2"), pointer="/assessment/features/0/agreed_level",
           reason="expected an integer")
    broken("weight-out-of-range", feature(0, weight=5), pointer="/assessment/features/0/weight",
           reason="importance weight must be 1, 2 or 3")
    broken("unknown-confidence", feature(0, confidence="very"), pointer="/assessment/features/0/confidence",
           reason='"very" is not one of')

    def partner_level(e):
        e["assessment"]["features"][0]["partner_levels"][1]["level"] = 7
    broken("partner-level-out-of-range", partner_level, pointer="/assessment/features/0/partner_levels/1/level",
           reason="level 7 is not on the scale")

    def ghost_partner(e):
        e["assessment"]["features"][0]["partner_levels"][1]["partner"] = "Ghost Org"
    broken("partner-level-unknown-partner", ghost_partner, pointer="/assessment/features/0/partner_levels/1/partner",
           reason="is not one of this assessment's partners")

    def duplicate_partner(e):
        e["assessment"]["partners"][1]["organisation"] = "North ICB"
    broken("duplicate-partner", duplicate_partner, pointer="/assessment/partners/1/organisation",
           reason='duplicate partner "North ICB"')

    def twice_level(e):
        e["assessment"]["features"][0]["partner_levels"][1]["partner"] = "North ICB"
    broken("partner-scored-twice", twice_level, pointer="/assessment/features/0/partner_levels/1/partner",
           reason='a second level from "North ICB"')

    def blank_partner(e):
        e["assessment"]["partners"].append({"id": 13, "organisation": "  ", "type": "other", "contact": ""})
    broken("blank-partner-name", blank_partner, pointer="/assessment/partners/2/organisation",
           reason="a partner needs an organisation name")

    def unknown_type(e):
        e["assessment"]["partners"][0]["type"] = "hospital"
    broken("unknown-partner-type", unknown_type, pointer="/assessment/partners/0/type", reason='"hospital" is not one of')

    def unknown_metric(e):
        e["assessment"]["features"][0]["metrics"][0]["id"] = "B2.M1"
    broken("metric-of-another-feature", unknown_metric, pointer="/assessment/features/0/metrics/0/id",
           reason='"B2.M1" is not a data item of B1')

    def duplicate_metric(e):
        m = e["assessment"]["features"][0]["metrics"]
        m.append(dict(m[0], value="130"))
    broken("duplicate-metric", duplicate_metric, pointer="/assessment/features/0/metrics/1/id",
           reason='a second value for data item "B1.M1"')

    def planned_unknown(e):
        e["assessment"]["features"][0]["planned_actions"] = ["B2.T1"]
    broken("planned-action-of-another-feature", planned_unknown, pointer="/assessment/features/0/planned_actions/0",
           reason='"B2.T1" is not a targeted action of B1')

    broken("blank-area", lambda e: e["assessment"].update(area=" \t"), pointer="/assessment/area",
           reason="needs an area or system name")
    broken("missing-area", lambda e: e["assessment"].pop("area"), pointer="/assessment",
           reason='missing required key "area"')
    broken("impossible-date", lambda e: e["assessment"].update(date="2024-02-30"), pointer="/assessment/date",
           reason='"2024-02-30" is not a date written YYYY-MM-DD')
    broken("unknown-status", lambda e: e["assessment"].update(status="approved"), pointer="/assessment/status",
           reason='"approved" is not one of draft, final')

    def action_due(e):
        e["assessment"]["actions"][0]["due"] = "30/09/2024"
    broken("action-due-not-a-date", action_due, pointer="/assessment/actions/0/due", reason="is not a date")

    def action_change(e):
        e["assessment"]["actions"][0]["change"] = "Z"
    broken("action-unknown-change", action_change, pointer="/assessment/actions/0/change", reason='unknown change "Z"')

    def override_change(e):
        e["assessment"]["overrides"][0]["change"] = "Q"
    broken("override-unknown-change", override_change, pointer="/assessment/overrides/0/change",
           reason='unknown change "Q"')

    def other_hash(e):
        e["assessment"]["framework"]["hash"] = sha(EDITION2)
    broken("assessment-names-another-framework", other_hash, pointer="/assessment/framework/hash",
           reason="the assessment names framework")

    def features_not_array(e):
        e["assessment"]["features"] = {"B1": 2}
    broken("features-not-an-array", features_not_array, pointer="/assessment/features", reason="expected an array")


if __name__ == "__main__":
    main()
