"""SARIF 2.1.0 output, validated against the official OASIS schema (vendored as test data)."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from helpers.paths import DATA, REPO
from helpers.reports import docs, report, sample  # noqa: E402

from checker.report.sarif import artifact_uri, write_sarif  # noqa: E402

SCHEMA_PATH = DATA / "report" / "sarif-schema-2.1.0.json"
ROOT = REPO


def validate(log: dict) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def sarif_of(rep) -> dict:
    buf = io.StringIO()
    write_sarif(rep, buf)
    return json.loads(buf.getvalue())


def test_vendored_schema_is_the_oasis_one():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert "result" in schema["definitions"] and "suppression" in schema["definitions"]


def test_sarif_of_findings_validates_and_maps_everything():
    documents, fs = sample()
    fs[1].suppressed = {"kind": "inline", "justification": "checked", "location": "articles/a.md:4"}
    fs[2].suppressed = {"kind": "baseline", "justification": "", "location": "fc.json"}
    from checker.model import InputError

    rep = report(
        documents, fs, errors=[InputError(path="bad.txt", message="binary file", line=None)], hidden_by_baseline=1
    )
    log = sarif_of(rep)
    validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(f.rule_id for f in fs)
    results = run["results"]
    assert len(results) == 3  # suppressed ones are kept
    r0 = next(r for r in results if r["ruleId"] == "fr.investment-amount")
    assert rules[r0["ruleIndex"]]["id"] == "fr.investment-amount"
    assert r0["level"] == "error"
    loc = r0["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "articles/a.md"
    reg = loc["region"]
    a = documents["articles/a.md"]
    start = a.text.index("13,75 milliards de dollars")
    assert reg == {
        "startLine": 3,
        "startColumn": a.line_col(start)[1],
        "endLine": 3,
        "endColumn": a.line_col(start)[1] + len("13,75 milliards de dollars"),
        "charOffset": start,
        "charLength": len("13,75 milliards de dollars"),
        "snippet": {"text": "13,75 milliards de dollars"},
    }
    rel = r0["relatedLocations"][0]
    assert rel["physicalLocation"]["artifactLocation"]["uri"] == "articles/b.txt"
    assert rel["physicalLocation"]["region"]["startLine"] == 3
    assert "(1)" in r0["message"]["text"]  # the message links the related location
    assert r0["partialFingerprints"]["factcheck/v1"] == fs[0].fingerprint
    assert "suppressions" not in r0
    assert r0["properties"]["values"][0]["unit"] == "USD"
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"fr.investment-amount": "error", "fr.date": "warning", "generic.quantity": "note"}
    sup = {r["ruleId"]: r.get("suppressions") for r in results}
    assert sup["fr.date"][0]["kind"] == "inSource" and sup["fr.date"][0]["justification"] == "checked"
    assert sup["generic.quantity"][0]["kind"] == "external"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"] == "binary file"
    assert run["properties"]["hiddenByBaseline"] == 1
    assert run["columnKind"] == "unicodeCodePoints"


def test_rules_loaded_by_the_run_are_declared_even_without_findings():
    documents, fs = sample()

    class R:
        def __init__(self, rid, level, description="", extends="numeric", message="m"):
            self.id, self.level, self.description, self.extends, self.message = (
                rid,
                level,
                description,
                extends,
                message,
            )

    rep = report(documents, fs[:1])
    rep.rules = [R("fr.investment-amount", "error", "Amount invested"), R("fr.unused", "warning")]
    log = sarif_of(rep)
    validate(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {"fr.investment-amount", "fr.unused"}
    assert rules["fr.investment-amount"]["shortDescription"]["text"] == "Amount invested"
    assert rules["fr.unused"]["defaultConfiguration"]["level"] == "warning"


def test_uris_are_valid_references():
    assert artifact_uri("dir with space/é.md") == "dir%20with%20space/%C3%A9.md"
    assert artifact_uri("/abs/a b.txt") == "file:///abs/a%20b.txt"
    assert artifact_uri("-") == "stdin"


def test_empty_report_validates():
    documents = docs()
    validate(sarif_of(report(documents, [])))


@pytest.mark.slow
def test_sarif_of_a_seed_run_validates(tmp_path):
    from checker.findings.suppress import apply_inline
    from checker.report import Report, filter_level
    from checker.run.pipeline import Checker

    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    from checker.plugins import default_host

    host = default_host()
    host.collect()
    # every rule type except the NLI one (its model is covered by the model-marked tests)
    result = Checker(host=host, only_types=[n for n in host.rule_types if n != "nli"]).check_paths(seeds)
    documents = {d.id: d for d in result.documents}
    apply_inline(result.findings, documents)
    rep = Report(
        documents=result.documents,
        findings=filter_level(result.findings, "suggestion"),
        errors=result.errors,
        stats=result.stats,
    )
    log = sarif_of(rep)
    validate(log)
    run = log["runs"][0]
    assert len(run["artifacts"]) == 5
    assert len(run["results"]) == len(result.findings)
    for res in run["results"]:
        assert res["partialFingerprints"]["factcheck/v1"]
        assert res["relatedLocations"], "a cross-article finding has another article"
