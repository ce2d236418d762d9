"""The pre-publish integration files: .pre-commit-hooks.yaml, action.yml and the extra ``nli``.

Their structure is checked, every option their command lines give is one ``factcheck check``
accepts, and the action's check step is run as GitHub would (against the seeds, NLI rules off).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

import pytest
import yaml
from helpers.paths import REPO, SEEDS

from checker.cli import build_parser


def check_options() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices["check"]._option_string_actions)


def pyproject() -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_torch_and_transformers_are_the_extra_nli_and_the_tests_still_get_them():
    project = pyproject()
    assert not names(project["dependencies"]) & {"torch", "transformers"}, "a hook would pull a CUDA torch"
    extras = project["optional-dependencies"]
    assert names(extras["nli"]) == {"torch", "transformers"}
    assert names(extras["nli"]) <= names(extras["test"])


def hooks() -> list[dict]:
    data = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def test_pre_commit_hooks_are_well_formed_and_run_valid_check_commands():
    parser = build_parser()
    by_id = {h["id"]: h for h in hooks()}
    assert set(by_id) == {"factcheck", "factcheck-fast"}
    for hook in by_id.values():
        assert {"id", "name", "entry", "language"} <= set(hook), hook
        assert hook["language"] == "python" and hook["pass_filenames"] is True
        re.compile(hook["files"])
        argv = shlex.split(hook["entry"])
        assert argv[:2] == ["factcheck", "check"]
        args = parser.parse_args(argv[1:] + ["draft.md"])  # an unknown option exits 2 here
        assert args.paths == ["draft.md"]
        assert not hook.get("additional_dependencies"), "no hook installs torch by default"
    fast = parser.parse_args(shlex.split(by_id["factcheck-fast"]["entry"])[1:] + ["draft.md"])
    assert fast.disable_types == ["nli"]


def test_the_rule_type_the_fast_hook_switches_off_exists():
    from checker.plugins import default_host

    assert "nli" in default_host().rule_types


def action() -> dict:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def step(data: dict, step_id: str) -> dict:
    return next(s for s in data["runs"]["steps"] if s.get("id") == step_id)


def test_action_is_a_composite_action_with_the_documented_inputs():
    data = action()
    assert data["name"] and data["description"]
    assert data["runs"]["using"] == "composite"
    inputs = data["inputs"]
    assert {"paths", "against", "fail-on", "min-level", "nli", "sarif"} <= set(inputs)
    assert all(i.get("description") for i in inputs.values())
    text = (REPO / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text))
    assert used <= set(inputs), f"undeclared inputs: {used - set(inputs)}"
    uses = [s["uses"] for s in data["runs"]["steps"] if "uses" in s]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(
        s for s in data["runs"]["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    )
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif }}"
    for s in data["runs"]["steps"]:
        assert "uses" in s or s.get("shell") == "bash", s  # composite run steps need a shell
        assert "${{" not in s.get("run", ""), "inputs reach scripts through env:, never spliced into them"
    install = next(s for s in data["runs"]["steps"] if s.get("name") == "Install factcheck")["run"]
    assert "download.pytorch.org/whl/cpu" in install


def test_the_action_runs_only_valid_check_options():
    script = step(action(), "check")["run"]
    lines = [x.strip() for x in script.splitlines() if x.strip().startswith("factcheck check")]
    assert len(lines) == 2
    assert any("-f sarif -o" in x for x in lines) and any("-f github" in x for x in lines)
    known = check_options()
    given = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", script))
    assert given <= known, f"not options of factcheck check: {given - known}"


@pytest.mark.slow
def test_the_action_check_step_writes_valid_sarif_and_annotations_for_the_seeds(tmp_path):
    shim = tmp_path / "bin" / "factcheck"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m checker "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    out = tmp_path / "github-output"
    sarif = tmp_path / "factcheck.sarif"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(
        PATH=f"{shim.parent}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(REPO),
        GITHUB_OUTPUT=str(out),
        FC_PATHS=str(SEEDS),
        FC_AGAINST="",
        FC_FAIL_ON="error",
        FC_MIN_LEVEL="suggestion",
        FC_NLI="false",
        FC_ARGS="",
        FC_SARIF=str(sarif),
    )
    proc = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", step(action(), "check")["run"]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert line in ("exit-code=0", "exit-code=1"), line
    report = json.loads(sarif.read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0" and "sarif-2.1.0" in report["$schema"]
    results = report["runs"][0]["results"]
    assert results, "the seeds disagree: the report has findings"
    assert not any(r["ruleId"].startswith("common.nli") for r in results)
    commands = [x for x in proc.stdout.splitlines() if x.startswith("::")]
    assert commands and all(re.match(r"::(error|warning|notice) ", x) for x in commands), proc.stdout[:500]
    assert "NLI rules skipped" not in proc.stderr  # switched off, not missing


@pytest.mark.slow
def test_without_the_extra_nli_a_check_runs_and_only_notes_the_skipped_nli_rules(tmp_path):
    """What the pre-commit hooks install: no torch, no transformers (both imports fail here)."""
    from helpers.paths import SHARED

    (tmp_path / "a.txt").write_text(
        "La société Valmont a racheté la société Dorval pour développer ses activités en Europe.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "La société Valmont n'a jamais racheté la société Dorval ni développé ses activités en Europe.\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["PYTHONPATH"] = str(REPO)
    model = SHARED / "models" / "nli-mini-multilingual"
    if model.is_dir():
        env["FACTCHECK_NLI_MODEL"] = str(model)  # a model that loads: the missing torch is what stops it
    code = (
        "import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None\n"
        "from checker.cli import main\n"
        "sys.exit(main(['check', 'a.txt', 'b.txt', '--no-cache']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the relation finding; not 2, not 3
    assert "Traceback" not in proc.stderr
    assert "note <factcheck>: NLI rules skipped" in proc.stdout and "problem" not in proc.stdout
    if model.is_dir():
        assert "need torch and transformers" in proc.stdout
