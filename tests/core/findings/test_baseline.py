"""Baseline files: create, update, load errors, filtering."""

from __future__ import annotations

import json

import pytest
from helpers.reports import DOC_A, DOC_B, docs, finding, sample  # noqa: E402

from checker.findings import baseline  # noqa: E402
from checker.findings.baseline import BaselineError  # noqa: E402


def test_create_writes_sorted_stable_file(tmp_path):
    documents, fs = sample()
    path = tmp_path / "fc-baseline.json"
    counts = baseline.create(path, fs)
    assert counts["total"] == 3 and counts["added"] == 3
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1 and data["tool"] == "factcheck"
    assert [e["rule_id"] for e in data["findings"]] == sorted(e["rule_id"] for e in data["findings"])
    assert {e["fingerprint"] for e in data["findings"]} == {f.fingerprint for f in fs}
    entry = next(e for e in data["findings"] if e["rule_id"] == "fr.investment-amount")
    assert entry["documents"] == ["a.md", "b.txt"]
    assert entry["quotes"] == ["13,75 milliards de dollars", "10 milliards de dollars"]
    # same findings in another order -> byte-identical file
    baseline.create(path, list(reversed(fs)))
    assert path.read_text(encoding="utf-8") == text


def test_apply_hides_baselined_findings_even_when_lines_move(tmp_path):
    documents, fs = sample()
    path = tmp_path / "b.json"
    baseline.create(path, fs[:2])
    # the articles change above the passages: line numbers move, fingerprints do not
    moved = docs("Chapeau ajouté.\n\nEncore une ligne.\n\n" + DOC_A, "Note.\n" + DOC_B)
    _, fs2 = sample(moved)
    assert fs2[0].evidence[0].line != fs[0].evidence[0].line
    hidden = baseline.apply(fs2, baseline.load(path))
    assert hidden == 2
    assert [bool(f.suppressed) for f in fs2] == [True, True, False]
    assert fs2[0].suppressed["kind"] == "baseline"
    assert fs2[0].suppressed["location"] == str(path)


def test_apply_does_not_hide_a_changed_value(tmp_path):
    documents, fs = sample()
    path = tmp_path / "b.json"
    baseline.create(path, fs)
    changed = docs(DOC_A.replace("13,75 milliards", "14 milliards"))
    da, db = list(changed)
    f = finding(
        changed,
        "fr.investment-amount",
        "error",
        [(da, "14 milliards de dollars", None), (db, "10 milliards de dollars", None)],
    )
    assert baseline.apply([f], path) == 0 and f.suppressed is None


def test_inline_suppressed_findings_are_not_baselined_nor_recounted(tmp_path):
    documents, fs = sample()
    fs[0].suppressed = {"kind": "inline", "justification": "", "location": "a.md:1"}
    path = tmp_path / "b.json"
    assert baseline.create(path, fs)["total"] == 2
    fs[1].suppressed = None
    assert baseline.apply(fs, baseline.load(path)) == 2
    assert fs[0].suppressed["kind"] == "inline"


def test_update_keeps_adds_drops_and_keeps_justification(tmp_path):
    documents, fs = sample()
    path = tmp_path / "b.json"
    baseline.create(path, fs[:2])
    data = json.loads(path.read_text(encoding="utf-8"))
    for e in data["findings"]:
        if e["rule_id"] == "fr.date":
            e["justification"] = "the two dates are announcement vs signature"
    path.write_text(json.dumps(data), encoding="utf-8")
    # now: the amount was fixed (not produced), the date still is, the headcount is new
    counts = baseline.update(path, [fs[1], fs[2]])
    assert counts == {"kept": 1, "added": 1, "removed": 1, "total": 2}
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = {e["rule_id"]: e for e in data["findings"]}
    assert set(rules) == {"fr.date", "generic.quantity"}
    assert rules["fr.date"]["justification"] == "the two dates are announcement vs signature"
    # findings hidden by the baseline in the run still count as produced
    fs[1].suppressed = {"kind": "baseline"}
    assert baseline.update(path, [fs[1], fs[2]]) == {"kept": 2, "added": 0, "removed": 0, "total": 2}


def test_update_partial_run_keeps_entries_of_documents_not_checked(tmp_path):
    documents, fs = sample()
    path = tmp_path / "b.json"
    baseline.create(path, fs)
    other = docs(id_a="c.md", id_b="articles/b.txt")
    _, fs_other = sample(other)
    counts = baseline.update(path, fs_other[:1], documents=["c.md", "articles/b.txt"])
    # a.md was not part of the run: its three entries are kept; one new entry for c.md
    assert counts == {"kept": 3, "added": 1, "removed": 0, "total": 4}


def test_update_creates_a_missing_file(tmp_path):
    _, fs = sample()
    path = tmp_path / "sub" / "b.json"
    assert baseline.update(path, fs)["added"] == 3
    assert len(baseline.load(path)["findings"]) == 3


def test_load_missing_file(tmp_path):
    with pytest.raises(BaselineError) as exc:
        baseline.load(tmp_path / "nope.json")
    assert "nope.json" in str(exc.value) and "not found" in str(exc.value)


def test_load_invalid_json_gives_line_and_column(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{\n  "version": 1,\n  "findings": [\n    {"fingerprint": "x",}\n  ]\n}\n', encoding="utf-8")
    with pytest.raises(BaselineError) as exc:
        baseline.load(path)
    err = exc.value
    assert err.line == 4 and err.column is not None
    assert str(err).startswith(f"{path}:4:")
    ie = err.to_input_error()
    assert ie.kind == "config" and ie.line == 4


@pytest.mark.parametrize(
    "content, needle, line",
    [
        ("[]", "JSON object", 1),
        ('{"version": 2, "findings": []}', "version", None),
        ('{"version": 1, "findings": {}}', "'findings' must be a list", None),
        ('{"version": 1,\n "findings": [\n  {"fingerprint": "a"},\n  {"rule_id": "x"}\n ]}', "entry 2", 4),
    ],
)
def test_load_bad_structure(tmp_path, content, needle, line):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as exc:
        baseline.load(path)
    assert needle in str(exc.value)
    assert exc.value.line == line


def test_findings_without_fingerprint_are_refused(tmp_path):
    _, fs = sample()
    fs[0].fingerprint = ""
    with pytest.raises(ValueError):
        baseline.create(tmp_path / "b.json", fs)
