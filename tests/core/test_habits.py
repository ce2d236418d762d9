"""Contributor habits stay in place: lint and type-check configuration, the PEP 561 marker,
the contributor hooks and the two documents a newcomer reads first (CONTRIBUTING, CHANGELOG)."""

from __future__ import annotations

import sys

import yaml
from helpers.paths import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_ruff_is_configured():
    ruff = _pyproject().get("tool", {}).get("ruff")
    assert ruff, "pyproject.toml has no [tool.ruff]"
    assert ruff.get("lint", {}).get("select"), "[tool.ruff.lint] selects no rules"
    assert "checker" in ruff.get("lint", {}).get("isort", {}).get("known-first-party", [])


def test_mypy_checks_the_core():
    mypy = _pyproject().get("tool", {}).get("mypy")
    assert mypy, "pyproject.toml has no [tool.mypy]"
    assert "checker" in mypy.get("files", []), "[tool.mypy] files must include checker"


def test_py_typed_ships_with_the_package():
    assert (REPO / "checker" / "py.typed").is_file()
    package_data = _pyproject()["tool"]["setuptools"].get("package-data", {})
    assert "py.typed" in package_data.get("checker", []), (
        'declare "checker" = ["py.typed"] in [tool.setuptools.package-data]'
    )


def test_contributor_documents_exist():
    for name in ("CONTRIBUTING.md", "CHANGELOG.md"):
        path = REPO / name
        assert path.is_file() and path.read_text(encoding="utf-8").strip(), f"{name} is missing or empty"
    assert "## [Unreleased]" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_pre_commit_config_runs_ruff():
    path = REPO / ".pre-commit-config.yaml"
    assert path.is_file(), ".pre-commit-config.yaml is missing"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(config, dict) and isinstance(config.get("repos"), list)
    hooks = [hook.get("id", "") for repo in config["repos"] for hook in repo.get("hooks", [])]
    assert any(h in ("ruff", "ruff-check") for h in hooks), f"no ruff lint hook in {hooks}"
    assert "ruff-format" in hooks
    assert "mypy" in hooks


def test_publishing_hook_is_left_alone():
    # .pre-commit-hooks.yaml is factcheck's own hook for newsrooms, not the contributors' config.
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["factcheck", "factcheck-fast"]
