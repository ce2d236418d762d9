"""The wheel carries every package, the rule packs and the data files (non-editable installs)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from helpers.paths import REPO


def test_every_python_package_is_listed_in_pyproject():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(REPO).parts)
        for root in ("checker", "plugins")
        for p in (REPO / root).rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


@pytest.mark.slow
def test_wheel_contains_rules_profiles_and_assets(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 and "No module named" in proc.stderr:
        pytest.skip(reason=f"cannot build a wheel here: {proc.stderr.strip()[-200:]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("factcheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = sorted(str(p.relative_to(REPO / "rules")) for p in (REPO / "rules").rglob("*.yaml"))
    assert rules and all(f"factcheck_rules/{r}" in names for r in rules)
    assert "plugins/nli/profiles/default.yaml" in names
    assert "checker/report/assets/report.js" in names
    assert "checker/cli.py" in names and "plugins/numeric/parse.py" in names
