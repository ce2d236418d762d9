"""What the command writes is safe whatever the inputs are called, and its exit code means one thing.

Exit codes: 1 only for findings, 2 for usage/input problems, 3 for internal errors (with the
traceback in a file); stderr under ``-f github`` cannot carry injected workflow commands; file
names with control characters or non-UTF-8 bytes neither repaint the terminal nor break the
JSON/HTML/SARIF output; ``-o`` respects the umask and an existing file's mode.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys

import pytest
from helpers import fakeplugin

from checker import cli
from checker.model import InputError

RULE = """
id: t.chiffre
extends: fake-word
level: error
message: "chiffre {a.value} vs {b.value}"
match: {word: chiffre}
"""

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names and modes")


@pytest.fixture
def project(tmp_path, monkeypatch):
    fakeplugin.install_fake_host(monkeypatch)
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "chiffre.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le chiffre 12 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le chiffre 13 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("rules: [myrules]\nbuiltin_rules: false\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ----------------------------------------------------------------------------- exit codes
def test_a_crash_exits_3_with_one_line_and_the_traceback_in_a_file(project, capsys, monkeypatch, tmp_path):
    import tempfile

    from checker.run.pipeline import Checker

    def boom(self, *args, **kwargs):
        raise RuntimeError("kaboom in the pipeline")

    monkeypatch.setattr(Checker, "check_paths", boom)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code, out, err = run(capsys, "check", "a.txt", "b.txt")
    assert code == 3
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "internal error: RuntimeError: kaboom in the pipeline" in err
    where = re.search(r"full traceback in (\S+?);", err).group(1)
    assert os.path.dirname(where) == str(tmp_path)
    with open(where, encoding="utf-8") as fh:
        assert "Traceback" in (text := fh.read()) and "kaboom in the pipeline" in text


def test_a_model_problem_nobody_asked_for_is_a_note_not_an_error(capsys):
    skipped = InputError(None, "NLI rules skipped: no model could be loaded", kind="model")
    bad = InputError("x.txt", "no such file or directory")
    cli._print_errors([skipped, bad])
    err = capsys.readouterr().err
    assert "factcheck: note: <factcheck>: NLI rules skipped" in err
    assert "factcheck: error: x.txt: no such file or directory" in err
    cli._print_errors([skipped], explicit={"nli"})
    assert "factcheck: error: <factcheck>: NLI rules skipped" in capsys.readouterr().err


# ----------------------------------------------------------------------------- escaping
@posix_only
def test_github_stderr_cannot_inject_workflow_commands(project, capsys):
    evil = "x\n::error::pwned%.txt"
    code, out, err = run(capsys, "check", "a.txt", "b.txt", evil, "-f", "github")
    assert code == 2
    assert not any(line.startswith("::") for line in err.splitlines())
    assert "x%0A::error::pwned%25.txt: no such file or directory" in err
    assert all(line.startswith("::") for line in out.splitlines())  # stdout: the writer's own escaping


@posix_only
def test_text_output_escapes_control_characters_in_file_names(project, capsys):
    name = "red\x1b[31m\rname.txt"
    (project / name).write_text("Le chiffre 14 est connu depuis longtemps.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "a.txt", name, "missing\x1b]0;title\x07.txt")
    assert code == 2
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    assert "red\\x1b[31m\\x0dname.txt:1:4" in out
    assert "missing\\x1b]0;title\\x07.txt: no such file" in out


@posix_only
@pytest.mark.parametrize("fmt", ["json", "html", "sarif", "jsonl", "markdown"])
def test_non_utf8_file_names_give_valid_utf8_output(project, capsys, fmt):
    raw = b"caf\xe9.txt"
    with open(os.path.join(os.fsencode(project), raw), "wb") as fh:
        fh.write(b"Le chiffre 14 est connu depuis longtemps.\n")
    name = os.fsdecode(raw)  # what argv holds: 'caf\udce9.txt'
    code, out, _ = run(capsys, "check", "a.txt", name, "-f", fmt, "-o", f"report.{fmt}")
    assert code == 1
    data = (project / f"report.{fmt}").read_bytes()
    text = data.decode("utf-8")  # strict: valid UTF-8
    if fmt == "json":
        paths = [d["path"] for d in json.loads(text)["documents"]]
        assert paths == ["a.txt", "caf\ufffd.txt"]
    if fmt == "sarif":
        assert "caf%E9.txt" in text
    code, out, _ = run(capsys, "check", "a.txt", name, "-f", "json")
    assert code == 1 and "caf\ufffd.txt" in out and "\udce9" not in out


# ----------------------------------------------------------------------------- -o files
@posix_only
def test_output_file_respects_umask_and_keeps_an_existing_mode(project, capsys):
    old = os.umask(0o022)
    try:
        assert run(capsys, "check", "a.txt", "b.txt", "-f", "json", "-o", "new.json")[0] == 1
        assert stat.S_IMODE((project / "new.json").stat().st_mode) == 0o644
        (project / "kept.json").write_text("{}", encoding="utf-8")
        os.chmod(project / "kept.json", 0o640)
        assert run(capsys, "check", "a.txt", "b.txt", "-f", "json", "-o", "kept.json")[0] == 1
        assert stat.S_IMODE((project / "kept.json").stat().st_mode) == 0o640
        assert json.loads((project / "kept.json").read_text(encoding="utf-8"))["summary"]["error"] == 1
    finally:
        os.umask(old)


def test_output_into_a_directory_names_the_directory(project, capsys):
    (project / "out").mkdir()
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "-f", "json", "-o", "out")
    assert code == 2
    assert "factcheck: error: out: is a directory" in err
    assert ".out." not in err and list((project / "out").iterdir()) == []


def test_max_file_mb_refuses_a_large_file_and_checks_the_others(project, capsys):
    (project / ".factcheck.yaml").write_text(
        "rules: [myrules]\nbuiltin_rules: false\nmax_file_mb: 0.0001\n", encoding="utf-8"
    )  # about 100 bytes
    (project / "big.txt").write_text("Le chiffre 14 est connu depuis longtemps.\n" * 5, encoding="utf-8")
    code, out, err = run(capsys, "check", "a.txt", "b.txt", "big.txt", "-f", "json")
    data = json.loads(out)
    assert code == 2
    assert [d["path"] for d in data["documents"]] == ["a.txt", "b.txt"] and data["summary"]["error"] == 1
    assert "big.txt: skipped: file too large" in err


def test_sentences_cut_for_analysis_are_a_notice_naming_the_file(project, capsys, monkeypatch):
    import checker.text.segment as segment

    monkeypatch.setattr(segment, "MAX_SENTENCE_CHARS", 20)
    code, out, _ = run(capsys, "check", "a.txt", "b.txt", "-f", "json", "--no-cache")
    notices = {(e["path"], e["kind"]) for e in json.loads(out)["errors"]}
    assert notices == {("a.txt", "notice"), ("b.txt", "notice")} and code == 1
