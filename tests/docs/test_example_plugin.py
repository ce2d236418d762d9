"""The example plugin (examples/factcheck-dates), installed for real, end to end through the CLI.

A session fixture makes a throw-away virtual environment that sees this project's
environment (``site.addsitedir`` in a ``.pth``) and ``pip install -e``'s the example
into it, so the plugin is found through its real ``factcheck`` entry point without
touching the developer's environment.  Where the plugin is already installed in the
current environment, that one is used.
"""

from __future__ import annotations

import importlib.metadata as md
import json
import os
import site
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.paths import REPO

EXAMPLE = REPO / "examples" / "factcheck-dates"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_LOAD_PLUGINS", "PYTHONPATH")}
    env["HF_HUB_OFFLINE"] = "1"
    return env


@pytest.fixture(scope="session")
def dates_python(tmp_path_factory) -> str:
    """A Python interpreter where factcheck-dates is installed (idempotent per session)."""
    if any(ep.name == "dates" and ep.value == "factcheck_dates" for ep in md.entry_points(group="factcheck")):
        return sys.executable
    root = tmp_path_factory.mktemp("dates-venv")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    parents = [p for p in site.getsitepackages() if Path(p).is_dir()]
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in parents)
    (Path(purelib) / "zz_factcheck_parent_env.pth").write_text(lines, encoding="utf-8")
    proc = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-e", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return str(py)


# Only the plugins these checks need, and no built-in YAML rules: the example must work on
# its own, and its exit codes must not depend on the state of the other rule packs.
ISOLATED = ("dates", "relations", "formats")


def factcheck(py: str, command: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = _env()
    env["FACTCHECK_LOAD_PLUGINS"] = ",".join(ISOLATED)
    extra = ["--no-builtin-rules"] if command in ("check", "rules") else []
    if command == "rules":
        args, extra = (args[0], *extra, *args[1:]), []
    return subprocess.run(
        [py, "-m", "checker", command, *extra, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def test_plugins_lists_the_example_with_its_hooks(dates_python, tmp_path):
    proc = subprocess.run(
        [dates_python, "-m", "checker", "plugins", "--all"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(),
        timeout=300,
    )
    listing = {p["name"]: p for p in json.loads(proc.stdout)}
    assert "dates" in listing, proc.stdout + proc.stderr
    dates = listing["dates"]
    assert dates["hooks"] == ["register_rule_packs", "register_rule_types"]
    assert dates["rule_types"] == ["event-date"]
    assert dates["version"] == "0.1.0"
    assert len(dates["rule_packs"]) == 1 and dates["rule_packs"][0].endswith("rules")
    assert "error" not in dates
    # the built-in plugins are still there, untouched
    assert {"relations", "formats", "numeric", "nli"} <= set(listing)


ARTICLE_A = """\
Microsoft et OpenAI renforcent leur alliance

Le géant du logiciel a multiplié les investissements ces dernières années.
Microsoft a annoncé le 12 décembre 2024 son nouveau partenariat avec OpenAI.
Les détails financiers n'ont pas été communiqués.
"""
ARTICLE_B = """\
OpenAI and Microsoft: a new chapter

Microsoft announced its new partnership with OpenAI on January 3, 2025.
Analysts expect the deal to reshape the cloud market.
"""
ARTICLE_C = """\
Microsoft a annoncé le 12 décembre 2024 un nouveau partenariat avec OpenAI, selon un communiqué.
"""


def test_check_reports_the_event_date_finding(dates_python, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    proc = factcheck(dates_python, "check", "a.txt", "b.txt", "-f", "json", "--fail-on", "warning", "-q", cwd=tmp_path)
    report = json.loads(proc.stdout)
    mine = [f for f in report["findings"] if f["kind"] == "event-date"]
    assert len(mine) == 1, proc.stdout + proc.stderr
    f = mine[0]
    assert f["rule_id"] == "dates.announced" and f["level"] == "warning"
    assert [(e["path"], e["quote"], e["line"]) for e in f["evidence"]] == [
        ("a.txt", "12 décembre 2024", 4),
        ("b.txt", "January 3, 2025", 3),
    ]
    assert [e["value"]["date"] for e in f["evidence"]] == ["2024-12-12", "2025-01-03"]
    assert f["message"] == "Date d'annonce divergente : 2024-12-12 (a.txt) vs 2025-01-03 (b.txt)"
    assert f["explanation"]["reason"]
    assert not [e for e in report["errors"] if e["kind"] == "plugin"]
    assert proc.returncode == 1  # a warning with --fail-on warning


def test_check_is_quiet_when_articles_agree(dates_python, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    proc = factcheck(dates_python, "check", "a.txt", "c.txt", "-f", "json", "-q", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert not [f for f in report["findings"] if f["kind"] == "event-date"], proc.stdout


def test_rule_from_the_users_yaml_uses_the_plugin_rule_type(dates_python, tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "ipo.yaml").write_text(
        textwrap.dedent("""\
        id: my.acquired
        extends: event-date
        level: error
        message: "{a.doc}: {a.value} / {b.doc}: {b.value}"
        match:
          predicates: [racheter, rachat, acquire, acquisition]
          entities: [Microsoft]
        tests:
          conflict: [["Microsoft a racheté Activision le 13 octobre 2023.",
                      "Microsoft acquired Activision on October 31, 2023."]]
          consistent: [["Microsoft a racheté Activision le 13 octobre 2023.",
                        "Microsoft acquired Activision on 13 October 2023."]]
        """),
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("Microsoft a racheté Activision le 13 octobre 2023.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Microsoft acquired Activision on October 31, 2023.\n", encoding="utf-8")
    proc = factcheck(dates_python, "check", "a.txt", "b.txt", "--rules", "myrules", "-f", "json", "-q", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    ids = [f["rule_id"] for f in json.loads(proc.stdout)["findings"] if f["kind"] == "event-date"]
    assert ids == ["my.acquired"]
    test = factcheck(dates_python, "rules", "test", "myrules", cwd=tmp_path)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "2 passed, 0 failed" in test.stdout


def test_rules_test_passes_for_the_shipped_pack(dates_python, tmp_path):
    listing = factcheck(dates_python, "rules", "list", "-f", "json", cwd=tmp_path)
    ids = sorted(r["id"] for r in json.loads(listing.stdout) if r["extends"] == "event-date")
    assert ids == ["dates.announced", "dates.event", "dates.launched", "dates.signed"]
    proc = factcheck(dates_python, "rules", "test", "--only-rules", ",".join(ids), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith(("ok", "FAIL"))]
    assert len(lines) >= 12 and all(line.startswith("ok") for line in lines), proc.stdout
    assert {line.split()[1] for line in lines} == set(ids)


def test_load_plugins_env_can_switch_the_example_off(dates_python, tmp_path):
    env = _env()
    env["FACTCHECK_LOAD_PLUGINS"] = "relations,formats"
    proc = subprocess.run(
        [dates_python, "-m", "checker", "plugins"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300
    )
    assert "dates" not in {p["name"] for p in json.loads(proc.stdout)}


@pytest.mark.slow
def test_example_plugin_own_test_suite_passes(dates_python):
    proc = subprocess.run(
        [dates_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        capture_output=True,
        text=True,
        cwd=EXAMPLE,
        env=_env(),
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
