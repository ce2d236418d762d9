"""spaCy pipelines per language, loaded once per process.

French uses ``fr_core_news_sm`` (configurable, e.g. ``fr_core_news_md``).  Languages
without an installed trained pipeline get a blank pipeline with a rule-based
sentencizer and, where ``spacy-lookups-data`` has a table, lookup lemmas.

spaCy is imported on first use, never at import time.  Its machine-learning library,
thinc, imports PyTorch eagerly whenever PyTorch is installed (about 1.5 s and a few
hundred MB), although the CNN pipelines (``*_core_news_sm/md/lg``) never use it.  Unless a
transformer pipeline could be in play (a ``*_trf`` model configured, or
spacy-transformers / spacy-curated-transformers installed), thinc is imported with
PyTorch hidden, so a run without an NLI rule never loads torch; the NLI plugin and the
sentence encoder still import it normally when they run.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import threading
from collections.abc import Iterable
from typing import Any

log = logging.getLogger("factcheck")

DEFAULT_MODELS = {"fr": "fr_core_news_sm"}
_LOCK = threading.Lock()
_CACHE: dict[tuple[str, str], Any] = {}


#: spaCy add-ons whose pipelines run on PyTorch through thinc.
TORCH_PIPELINE_PACKAGES = ("spacy_transformers", "spacy_curated_transformers")


def torch_wanted(model_names: Iterable[str]) -> bool:
    """Whether a spaCy pipeline of this process may need PyTorch (through thinc)."""
    if any(name.endswith("_trf") for name in model_names):
        return True
    return any(importlib.util.find_spec(pkg) is not None for pkg in TORCH_PIPELINE_PACKAGES)


def import_spacy(model_names: Iterable[str] = ()):
    """``import spacy``, keeping thinc from importing PyTorch when no pipeline needs it."""
    if "thinc.compat" in sys.modules or "torch" in sys.modules or torch_wanted(model_names):
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # so `import torch` raises ImportError
    try:
        import thinc.compat  # noqa: F401 - the one eager `import torch` (thinc treats it as absent)
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    import spacy

    return spacy


def _blank(lang: str):
    spacy = import_spacy()

    try:
        nlp = spacy.blank(lang)
    except Exception:  # noqa: BLE001 - unknown language code
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception:  # noqa: BLE001 - no lookup table for this language
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")
    return nlp


class NlpProvider:
    """``provider.get("fr")`` -> spaCy ``Language``.  Records which pipeline serves what."""

    def __init__(self, models: dict[str, str] | None = None):
        self.models = dict(DEFAULT_MODELS)
        self.models.update(models or {})
        self.used: dict[str, str] = {}
        self.warnings: list[str] = []

    def get(self, lang: str):
        name = self.models.get(lang, "")
        key = (lang, name)
        with _LOCK:
            if key in _CACHE:
                self.used[lang] = _CACHE[key].meta.get("name", name) or name or f"blank:{lang}"
                return _CACHE[key]
            nlp = None
            if name:
                try:
                    spacy = import_spacy(self.models.values())
                    nlp = spacy.load(name)
                    nlp.max_length = max(nlp.max_length, 2_000_000)
                except Exception as exc:  # noqa: BLE001 - package missing or broken
                    msg = f"spaCy pipeline '{name}' for '{lang}' could not be loaded ({exc}); using a blank pipeline"
                    self.warnings.append(msg)
                    log.warning(msg)
            if nlp is None:
                nlp = _blank(lang)
                name = f"blank:{lang}"
            _CACHE[key] = nlp
            self.used[lang] = name
            return nlp

    def has_parser(self, lang: str) -> bool:
        return "parser" in self.get(lang).pipe_names
