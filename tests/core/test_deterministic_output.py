"""Same input, same output: two identical runs write the same bytes; statistics and
timings (which differ from run to run) only with ``check --stats`` or ``-v``."""

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
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    fakeplugin.install_fake_host(monkeypatch)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))  # the first run is cold, the next warm
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "chiffre.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le chiffre 12 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le chiffre 13 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("rules: [myrules]\nbuiltin_rules: false\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def output(capsys, *extra: str) -> str:
    cli.main(["check", "a.txt", "b.txt", "-q", *extra])
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["json", "sarif", "jsonl", "html"])
def test_two_identical_runs_give_the_same_bytes(project, capsys, fmt):
    first = output(capsys, "-f", fmt)
    second = output(capsys, "-f", fmt)
    assert first == second
    assert "t.chiffre" in first
    assert "seconds" not in first and "analysis_cache" not in first


def test_stats_and_timings_only_when_asked(project, capsys):
    plain = json.loads(output(capsys, "-f", "json"))
    assert "stats" not in plain and "timings" not in plain
    for flag in ("--stats", "-v"):
        shown = json.loads(output(capsys, "-f", "json", flag))
        assert "analysis_cache" in shown["stats"] and "fake-word" in shown["stats"]
        assert set(shown["timings"]) >= {"clean", "segment", "compare"}
        assert shown["findings"] == plain["findings"]
    text = output(capsys, "--stats")
    assert "analysis_cache:" in text and "timings:" in text
    assert "analysis_cache:" not in output(capsys)


@pytest.mark.parametrize("fmt", ["json", "sarif", "jsonl", "text", "html"])
def test_any_input_order_gives_the_same_bytes(project, capsys, fmt):
    cli.main(["check", "a.txt", "b.txt", "-q", "-f", fmt])
    forward = capsys.readouterr().out
    cli.main(["check", "b.txt", "a.txt", "-q", "-f", fmt])
    assert capsys.readouterr().out == forward
