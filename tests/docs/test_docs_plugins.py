"""docs/plugins.md, followed literally: its worked example is extracted, installed and run.

Fenced blocks with a ``title="path"`` info string are the example's files.
"""

from __future__ import annotations

import importlib
import importlib.metadata as md
import json
import os
import re
import site
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import REPO

from checker.testing import assert_finding, assert_no_finding, check_texts, make_checker

DOC = REPO / "docs" / "plugins.md"
BLOCK = re.compile(r"^```(?P<lang>\w+) title=\"(?P<path>[^\"]+)\"\n(?P<body>.*?)^```$", re.M | re.S)


def example_files() -> dict[str, str]:
    return {m["path"]: m["body"] for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))}


def write_example(root: Path) -> Path:
    for rel, body in example_files().items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    return root


def test_doc_has_a_complete_worked_example():
    files = example_files()
    assert set(files) == {
        "pyproject.toml",
        "factcheck_ticker/__init__.py",
        "factcheck_ticker/ruletype.py",
        "factcheck_ticker/rules/ticker.yaml",
        "tests/test_ticker.py",
    }
    for rel, body in files.items():
        if rel.endswith(".py"):
            compile(body, rel, "exec")


def test_doc_mentions_every_hook_and_model_class():
    from checker import hookspecs, model

    text = DOC.read_text(encoding="utf-8")
    hooks = [n for n in dir(hookspecs) if n.startswith("register_")]
    assert hooks and all(f"`{h}(" in text for h in hooks), hooks
    for cls in ("Document", "Sentence", "Claim", "CandidateGroup", "Evidence", "Finding"):
        assert f"`{cls}`" in text and hasattr(model, cls)
    for method in ("setup", "annotate", "extract", "pair", "compare", "close"):
        assert f"`{method}(" in text
    import checker.testing as testing

    for helper in (
        "make_document",
        "check_texts",
        "run_rule_type",
        "make_checker",
        "assert_finding",
        "assert_no_finding",
        "assert_no_plugin_errors",
        "factcheck_run",
        "factcheck_checker",
    ):
        assert f"`{helper}" in text and hasattr(testing, helper), helper


@pytest.fixture
def example_module(tmp_path, monkeypatch):
    root = write_example(tmp_path / "project")
    monkeypatch.syspath_prepend(str(root))
    for name in list(sys.modules):
        if name.startswith("factcheck_ticker"):
            del sys.modules[name]
    importlib.invalidate_caches()
    return importlib.import_module("factcheck_ticker"), root


def test_example_works_in_process(example_module):
    module, root = example_module
    rules_dir = root / "factcheck_ticker" / "rules"
    # "la firme de Redmond" is Microsoft through the story pack's aliases (the built-in rules name no company)
    pack = REPO / "examples" / "microsoft-openai-pack"
    result = check_texts(
        {
            "a.txt": "Microsoft (NASDAQ: MSFT) a annoncé un accord.",
            "b.txt": "La firme de Redmond (NASDAQ: MSFX) a confirmé.",
        },
        [rules_dir, pack],
        plugins=[("ticker", module)],
        only_types={"ticker"},
        builtin_rules=True,
    )
    f = assert_finding(result, rule_id="ticker.symbol", between=("a.txt", "b.txt"), level="error")
    assert f.message == "Ticker of Microsoft: MSFT (a.txt) vs MSFX (b.txt)"
    assert not [e for e in result.errors if e.kind == "plugin" and "ticker" in e.message]
    ok = check_texts(
        {"a.txt": "Microsoft (NASDAQ: MSFT) a annoncé un accord.", "b.txt": "Microsoft (NASDAQ: MSFT) a confirmé."},
        [rules_dir],
        plugins=[("ticker", module)],
        only_types={"ticker"},
    )
    assert_no_finding(ok)


def test_example_rule_pack_tests_pass_in_process(example_module):
    from checker.run.ruletest import run_rule_tests

    module, root = example_module
    checker = make_checker(plugins=[("ticker", module)], rule_packs=True)
    assert "ticker" in checker.host.rule_types
    assert [r.id for r in checker.ruleset.rules if r.extends == "ticker"] == ["ticker.symbol"]
    outcomes = run_rule_tests(checker, {"ticker.symbol"})
    assert len(outcomes) == 3 and all(o.passed for o in outcomes), outcomes


# ----------------------------------------------------------------------------- installed for real
def _env(**extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_LOAD_PLUGINS", "PYTHONPATH")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """`pip install -e .` of the doc's project into a throw-away venv seeing this environment."""
    root = write_example(tmp_path_factory.mktemp("ticker") / "project")
    venv = root.parent / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in site.getsitepackages() if Path(p).is_dir())
    (Path(purelib) / "zz_factcheck_parent_env.pth").write_text(lines, encoding="utf-8")
    proc = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-e", str(root)],
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return str(py), root


def run_cli(py, *args, cwd, isolated=True):
    env = _env(FACTCHECK_LOAD_PLUGINS="ticker,relations,formats") if isolated else _env()
    return subprocess.run([py, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


@pytest.mark.slow
def test_installed_example_is_listed_and_its_rule_tests_pass(installed, tmp_path):
    py, root = installed
    listing = {p["name"]: p for p in json.loads(run_cli(py, "plugins", cwd=tmp_path, isolated=False).stdout)}
    assert listing["ticker"]["hooks"] == ["register_rule_packs", "register_rule_types"]
    assert listing["ticker"]["rule_types"] == ["ticker"]
    proc = run_cli(py, "rules", "test", "--no-builtin-rules", "--only-rules", "ticker.symbol", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # the output shown in the doc
    doc = DOC.read_text(encoding="utf-8")
    for line in proc.stdout.splitlines():
        if line.startswith(("ok", "FAIL")) or "passed" in line:
            assert line in doc, line


@pytest.mark.slow
def test_installed_example_checks_articles(installed, tmp_path):
    py, root = installed
    (tmp_path / "a.txt").write_text("Microsoft (NASDAQ: MSFT) a annoncé un accord avec OpenAI.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Microsoft (NASDAQ: MSFX) announced a deal with OpenAI.\n", encoding="utf-8")
    proc = run_cli(py, "check", "--no-builtin-rules", "a.txt", "b.txt", "-f", "json", "-q", cwd=tmp_path)
    findings = [f for f in json.loads(proc.stdout)["findings"] if f["kind"] == "ticker"]
    assert [(f["rule_id"], [e["quote"] for e in f["evidence"]]) for f in findings] == [
        ("ticker.symbol", ["(NASDAQ: MSFT)", "(NASDAQ: MSFX)"])
    ]
    assert proc.returncode == 1, proc.stderr


@pytest.mark.slow
def test_installed_example_own_tests_pass(installed):
    py, root = installed
    args = [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
    if not any(ep.name == "factcheck" for ep in md.entry_points(group="pytest11")):
        args[3:3] = ["-p", "checker.testing"]  # until factcheck declares its pytest11 entry point
    proc = subprocess.run(args, capture_output=True, text=True, cwd=root, env=_env(), timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "2 passed" in proc.stdout
