"""Shared test fixtures.

Tests never write to the user's cache or config and never reach the Hugging Face Hub.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
STAND_IN_MODEL = SHARED / "models" / "nli-mini-multilingual"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    cache = tmp_path_factory.mktemp("factcheck-cache")
    key = tmp_path_factory.mktemp("factcheck-config") / "cache-key"  # the signing key, outside any project
    old = {name: os.environ.get(name) for name in ("FACTCHECK_CACHE_DIR", "FACTCHECK_CACHE_KEY_FILE")}
    os.environ["FACTCHECK_CACHE_DIR"] = str(cache)
    os.environ["FACTCHECK_CACHE_KEY_FILE"] = str(key)
    yield cache
    for name, value in old.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def stand_in_model() -> Path:
    if not (STAND_IN_MODEL / "config.json").is_file():
        why = f"stand-in NLI model not found at {STAND_IN_MODEL} (../shared/models is provided by the project)"
        pytest.skip(reason=why)
    return STAND_IN_MODEL


@pytest.fixture(scope="session")
def eval_bench():
    """benchmarks/eval_corpus.py as a module (shared by the evaluation-corpus tests)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_corpus", REPO / "benchmarks" / "eval_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
