"""Old module paths (before the move into checker/text, rules, run, findings) keep working for a release."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from checker._legacy import MOVED


@pytest.mark.parametrize("old,new", sorted(MOVED.items()))
def test_old_path_is_the_new_module(old, new):
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        sys.modules.pop(old, None)
        mod = importlib.import_module(old)
    assert mod is importlib.import_module(new)


def test_from_import_of_an_old_name_works_in_a_fresh_interpreter():
    code = (
        "import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
        "try:\n    from checker.pipeline import Checker\nexcept DeprecationWarning as w:\n    print('warned', w)\n"
        "from checker.run.pipeline import Checker as C\nprint('ok', C.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "warned checker.pipeline moved to checker.run.pipeline" in out and "ok checker.run.pipeline" in out
