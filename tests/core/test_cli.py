"""The factcheck command: exit codes, JSON contract, output file, config, rules commands."""

from __future__ import annotations

import json

import pytest
from helpers import fakeplugin

from checker import cli

RULE = """
id: t.chiffre
extends: fake-word
level: error
message: "chiffre {a.value} ({a.doc}) vs {b.value} ({b.doc})"
match: {word: chiffre}
tests:
  conflict: [["Le chiffre 12 est connu.", "Le chiffre 13 est connu."]]
  consistent: [["Le chiffre 12 est connu.", "Le chiffre 12 est confirmé."]]
"""


@pytest.fixture
def host(monkeypatch):
    return fakeplugin.install_fake_host(monkeypatch)


@pytest.fixture
def project(tmp_path, monkeypatch, host):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "chiffre.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Première phrase.\nLe chiffre 12 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le chiffre 13 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Le chiffre 12 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("rules: [myrules]\nbuiltin_rules: false\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_at_fail_on_give_exit_1_and_text_output(project, capsys):
    code, out, err = run(capsys, "check", "a.txt", "b.txt")
    assert code == 1
    assert "error t.chiffre: chiffre 12 (a.txt) vs 13 (b.txt)" in out
    assert "  a.txt:2:4: «chiffre 12»" in out and "  b.txt:1:4: «chiffre 13»" in out
    assert "2 documents vérifiés : 1 erreur, 0 avertissement, 0 suggestion." in out  # French articles
    assert "  pourquoi : " in out


def test_lang_option_and_config_key_override_the_labels_language(project, capsys):
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--lang", "en")
    assert code == 1
    assert "2 documents checked: 1 error, 0 warnings, 0 suggestions." in out and "  why: " in out
    cfg = (project / ".factcheck.yaml").read_text(encoding="utf-8")
    (project / ".factcheck.yaml").write_text(cfg + "lang: en\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.txt", "b.txt")
    assert "2 documents checked: 1 error" in out
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--lang", "fr")  # the option wins over the file
    assert "2 documents vérifiés : 1 erreur" in out
    code, _, err = run(capsys, "check", "a.txt", "--lang", "xx")
    assert code == 2 and "invalid choice: 'xx'" in err


def test_fail_on_and_min_level_are_separate(project, capsys):
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--fail-on", "none")
    assert code == 0 and "t.chiffre" in out
    code, out, _ = run(capsys, "check", "a.txt", "c.txt", "--lang", "en")
    assert code == 0 and "0 errors" in out


def test_json_contract(project, capsys):
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "c.txt", "-f", "json")
    data = json.loads(out)
    assert code == 1
    assert data["version"] == 1 and data["tool"]["name"] == "factcheck"
    assert [d["path"] for d in data["documents"]] == ["a.txt", "b.txt", "c.txt"]
    assert all(d["language"] == "fr" and d["sentences"] >= 1 for d in data["documents"])
    assert data["summary"] == {"error": 2, "warning": 0, "suggestion": 0}
    texts = {p: (project / p).read_text(encoding="utf-8") for p in ("a.txt", "b.txt", "c.txt")}
    for f in data["findings"]:
        assert set(f) >= {"rule_id", "kind", "level", "message", "score", "evidence", "explanation", "fingerprint"}
        assert f["kind"] == "fake-word" and 0 <= f["score"] <= 1
        assert len({e["path"] for e in f["evidence"]}) >= 2
        for e in f["evidence"]:
            assert texts[e["path"]][e["start"] : e["end"]] == e["quote"]
            assert {"line", "column", "end_line", "end_column"} <= set(e)
    assert data["errors"] == []


def test_same_input_same_output(project, capsys):
    first = run(capsys, "check", "a.txt", "b.txt", "c.txt", "-f", "json")[1]
    second = run(capsys, "check", "c.txt", "b.txt", "a.txt", "-f", "json")[1]

    def strip(s):
        return [(f["fingerprint"], f["message"]) for f in json.loads(s)["findings"]]

    assert strip(first) == strip(run(capsys, "check", "a.txt", "b.txt", "c.txt", "-f", "json")[1])
    assert sorted(strip(first)) == sorted(strip(second))


def test_missing_and_binary_inputs_exit_2_but_report_the_rest(project, capsys):
    (project / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "missing.txt", "bin.txt", "-f", "json")
    assert code == 2
    data = json.loads(out)
    assert len(data["findings"]) == 1
    errs = {e["path"]: e["message"] for e in data["errors"]}
    assert "no such file" in errs["missing.txt"] and "binary" in errs["bin.txt"]
    assert "missing.txt: no such file or directory" in err


def test_output_file_written_atomically(project, capsys):
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "-f", "json", "-o", "out/report.json")
    assert code == 1 and out == ""
    data = json.loads((project / "out" / "report.json").read_text(encoding="utf-8"))
    assert data["summary"]["error"] == 1
    assert [p.name for p in (project / "out").iterdir()] == ["report.json"]


def test_usage_errors_exit_2(project, capsys):
    assert run(capsys, "check")[0] == 2
    assert run(capsys, "check", "a.txt", "-f", "nope")[0] == 2
    assert run(capsys, "check", "a.txt", "--fail-on", "fatal")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2


def test_invalid_config_is_reported_with_line(project, capsys):
    (project / ".factcheck.yaml").write_text(
        "rules: [myrules]\nbuiltin_rules: false\nfail_onn: error\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "check", "a.txt", "b.txt")
    assert code == 2
    assert ".factcheck.yaml:3:1: unknown configuration key 'fail_onn'" in out + err
    assert "t.chiffre" in out  # the run still reports what it could check


def test_config_precedence(project, capsys, monkeypatch, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text("rules: [myrules]\nbuiltin_rules: false\nfail_on: none\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(other))
    assert run(capsys, "check", "a.txt", "b.txt")[0] == 0  # env beats .factcheck.yaml
    explicit = tmp_path / "explicit.yaml"
    explicit.write_text("rules: [myrules]\nbuiltin_rules: false\nfail_on: error\n", encoding="utf-8")
    assert run(capsys, "check", "a.txt", "b.txt", "--config", str(explicit))[0] == 1  # --config beats env
    code, out, _ = run(capsys, "config", "show", "--config", str(explicit))
    assert code == 0 and f"# source: {explicit}" in out and "fail_on: error" in out


def test_pyproject_tool_section_is_read(tmp_path, monkeypatch, capsys, host):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail_on = "warning"\nmin_level = "warning"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "config", "show")
    assert code == 0 and "[tool.factcheck]" in out and "fail_on: warning" in out


def test_rules_commands(project, capsys):
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and out.startswith("t.chiffre")
    code, out, _ = run(capsys, "rules", "show", "t.chiffre")
    assert code == 0 and "word: chiffre" in out
    assert run(capsys, "rules", "show", "nope")[0] == 2
    code, out, _ = run(capsys, "rules", "test")
    assert code == 0 and "2 passed, 0 failed" in out
    (project / "myrules" / "bad.yaml").write_text("id: t.bad\nextends: fake-word\nmatch: {word: 3}\n", encoding="utf-8")
    code, out, _ = run(capsys, "rules", "validate")
    assert code == 2 and "bad.yaml:3:" in out and "1 valid rule, 1 problem" in out


def test_rules_test_reports_failures(project, capsys):
    (project / "myrules" / "chiffre.yaml").write_text(
        RULE.replace('"Le chiffre 13 est connu."]]', '"Le chiffre 12 est connu."]]'), encoding="utf-8"
    )
    code, out, _ = run(capsys, "rules", "test")
    assert code == 1 and "FAIL t.chiffre conflict #1" in out


def test_plugins_json(project, capsys):
    code, out, _ = run(capsys, "plugins")
    listing = json.loads(out)
    names = [p["name"] for p in listing]
    assert names == sorted(names) and "fake" in names and "formats" in names
    fake = next(p for p in listing if p["name"] == "fake")
    assert fake["hooks"] == ["register_rule_types"] and fake["rule_types"] == ["fake-word"]
    assert set(fake) >= {"name", "version", "hooks", "rule_types"}


def test_stdin_dash(project, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Le chiffre 99 est connu depuis longtemps.\n")))
    code, out, _ = run(capsys, "check", "-", "a.txt", "-f", "json")
    data = json.loads(out)
    assert code == 1 and {e["path"] for e in data["findings"][0]["evidence"]} == {"<stdin>", "a.txt"}


def test_against_draft_mode_only_reports_the_draft(project, capsys):
    corpus = project / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Le chiffre 40 est connu depuis longtemps.\n", encoding="utf-8")
    (corpus / "y.txt").write_text("Le chiffre 41 est connu depuis longtemps.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.txt", "--against", "corpus", "-f", "json")
    data = json.loads(out)
    assert code == 1
    assert len(data["findings"]) == 2
    for f in data["findings"]:
        assert "a.txt" in {e["path"] for e in f["evidence"]}


def test_inline_suppression_changes_exit_code_but_keeps_the_finding(project, capsys):
    (project / "b.txt").write_text(
        "<!-- factcheck-disable-next-line t.chiffre -- checked with the source -->\n"
        "Le chiffre 13 est connu depuis longtemps.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "-f", "json")
    data = json.loads(out)
    assert code == 0
    (f,) = data["findings"]
    assert f["suppressed"]["kind"] == "inline"
    assert data["summary"]["error"] == 0
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--lang", "en")
    assert code == 0 and "1 suppressed" in out


def test_baseline_create_then_check_hides_and_counts(project, capsys):
    code, out, _ = run(capsys, "baseline", "create", "a.txt", "b.txt", "--baseline", "base.json")
    assert code == 0 and "base.json" in out
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--baseline", "base.json", "--lang", "en")
    assert code == 0 and "1 hidden by baseline" in out
    # a new conflict is not hidden
    (project / "c.txt").write_text("Le chiffre 14 est connu depuis longtemps.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "c.txt", "--baseline", "base.json")
    assert code == 1
    # a broken baseline file is a configuration error (exit 2), the findings are still reported
    (project / "base.json").write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "--baseline", "base.json")
    assert code == 2 and "base.json" in out + err and "t.chiffre" in out


def test_draft_inside_the_configured_corpus_is_not_compared_with_itself(project, capsys):
    corpus = project / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Le chiffre 40 est connu depuis longtemps.\n", encoding="utf-8")
    (corpus / "draft.txt").write_text("Le chiffre 41 est connu depuis longtemps.\n", encoding="utf-8")
    (project / ".factcheck.yaml").write_text(
        "rules: [myrules]\nbuiltin_rules: false\nagainst: [corpus]\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "corpus/draft.txt", "-f", "json")
    data = json.loads(out)
    assert code == 1
    assert [d["path"] for d in data["documents"]] == ["corpus/draft.txt", "corpus/x.txt"]
    (f,) = data["findings"]
    assert {e["path"] for e in f["evidence"]} == {"corpus/draft.txt", "corpus/x.txt"}


def test_unwritable_output_is_a_clear_error(project, capsys):
    (project / "blocker").write_text("a file, not a folder", encoding="utf-8")
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "-o", "blocker/report.txt")
    assert code == 2 and "factcheck: error:" in err and "Traceback" not in err


def test_text_report_lists_silenced_findings_only_with_show_suppressed(project, capsys):
    (project / "b.txt").write_text(
        "<!-- factcheck-disable-next-line t.chiffre -- checked -->\nLe chiffre 13 est connu depuis longtemps.\n",
        encoding="utf-8",
    )
    (project / "d.txt").write_text("Le chiffre 14 est connu depuis longtemps.\n", encoding="utf-8")
    code, _, _ = run(capsys, "baseline", "create", "a.txt", "d.txt", "--baseline", "base.json")
    assert code == 0
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "d.txt", "--baseline", "base.json", "--lang", "en")
    assert code == 0
    assert "t.chiffre" not in out
    assert out.strip().splitlines() == [
        "3 documents checked: 0 errors, 0 warnings, 0 suggestions, 2 suppressed inline, 1 hidden by baseline"
        " (--show-suppressed lists them)."
    ]
    code, out, _ = run(
        capsys, "check", "a.txt", "b.txt", "d.txt", "--baseline", "base.json", "--show-suppressed", "--lang", "en"
    )
    assert code == 0
    assert out.count("(suppressed: inline, b.txt:1: checked)") == 2
    assert out.count("(suppressed: baseline)") == 1
    assert out.strip().splitlines()[-1].endswith(", 2 suppressed inline, 1 hidden by baseline.")


@pytest.mark.parametrize("flag", ["--only-rules", "--disable"])
def test_unknown_rule_ids_in_selection_flags_are_usage_errors_with_suggestions(project, capsys, flag):
    code, out, err = run(capsys, "check", "a.txt", "b.txt", flag, "t.chifre")
    assert code == 2 and out == ""
    assert f"{flag}: unknown rule id 't.chifre' (did you mean 't.chiffre'?)" in err
    code, _, err = run(capsys, "check", "a.txt", "b.txt", flag, "zzz")
    assert code == 2 and "unknown rule id 'zzz' (see factcheck rules list)" in err
    code, _, err = run(capsys, "baseline", "create", "a.txt", "b.txt", flag, "t.chifre")
    assert code == 2 and "did you mean 't.chiffre'" in err
    assert not (project / ".factcheck-baseline.json").exists()


def test_baseline_create_takes_the_selection_flags_of_check(project, capsys):
    (project / "c.txt").write_text("Le chiffre 14 est connu depuis longtemps.\n", encoding="utf-8")
    code, out, _ = run(capsys, "baseline", "create", "a.txt", "b.txt", "c.txt", "--disable", "t.chiffre")
    assert code == 0 and "0 total" in out
    code, out, _ = run(capsys, "baseline", "create", "a.txt", "b.txt", "c.txt", "--only-rules", "t.chiffre")
    assert code == 0 and "3 total" in out
    code, out, _ = run(capsys, "baseline", "create", ".", "--include", "[ab].txt", "--exclude", "b.txt")
    assert code == 0 and "0 total" in out
    code, out, _ = run(capsys, "baseline", "create", ".", "--include", "[ab].txt")
    assert code == 0 and "1 total" in out


def test_ctrl_c_writes_the_report_of_what_was_finished_and_exits_130(project, capsys, monkeypatch):
    from checker.run import pipeline

    real = pipeline.Checker._compare

    def compare_then_interrupt(self, ctx, instances, claims_by_type, findings):
        real(self, ctx, instances, claims_by_type, findings)
        raise KeyboardInterrupt  # Ctrl-C after the first rule types finished

    monkeypatch.setattr(pipeline.Checker, "_compare", compare_then_interrupt)
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "-f", "json", "--no-cache")
    assert code == cli.EXIT_INTERRUPTED == 130
    report = json.loads(out)
    assert [f["rule_id"] for f in report["findings"]] == ["t.chiffre"]
    assert any("interrupted" in e["message"] for e in report["errors"])


def test_baseline_create_takes_min_level_like_check(project, capsys):
    (project / "myrules" / "chiffre.yaml").write_text(RULE.replace("level: error", "level: warning"), encoding="utf-8")
    code, out, _ = run(capsys, "baseline", "create", "a.txt", "b.txt", "--min-level", "error")
    assert code == 0 and "0 total" in out
    code, out, _ = run(capsys, "baseline", "create", "a.txt", "b.txt", "--min-level", "warning")
    assert code == 0 and "1 total" in out
    assert run(capsys, "baseline", "create", "a.txt", "--min-level", "fatal")[0] == 2


def test_rules_test_names_the_rule_file_and_line_of_a_failing_example(project, capsys, monkeypatch):
    def broken(self, groups, rules):
        raise ValueError("boom")

    monkeypatch.setattr(fakeplugin.FakeWord, "compare", broken)
    code, out, _ = run(capsys, "rules", "test")
    assert code == 1
    lines = out.splitlines()
    # RULE's examples stand on lines 8 and 9 of myrules/chiffre.yaml (it starts with a blank line)
    assert any(
        x.startswith("FAIL t.chiffre conflict #1") and "myrules/chiffre.yaml:8: plugin 'fake'" in x for x in lines
    )
    assert any(
        x.startswith("FAIL t.chiffre consistent #1: the rule type failed (") and "chiffre.yaml:9: plugin" in x
        for x in lines
    )
    assert "<factcheck>" not in out and "a.txt" not in out


def test_disable_types_switches_off_every_rule_of_a_type(project, capsys):
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "--disable-types", "fake-word", "-f", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    code, out, _ = run(capsys, "baseline", "create", "a.txt", "b.txt", "--disable-types", "fake-word")
    assert code == 0 and "0 total" in out
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "--disable-types", "fake-wrd")
    assert code == 2 and out == ""
    assert "--disable-types: unknown rule type 'fake-wrd' (did you mean 'fake-word'?)" in err
