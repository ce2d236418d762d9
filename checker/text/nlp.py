"""spaCy pipelines per language, loaded once per process.

French uses ``fr_core_news_sm`` (configurable, e.g. ``fr_core_news_md``).  Languages
without an installed trained pipeline get a blank pipeline with a rule-based
sentencizer and, where ``spacy-lookups-data`` has a table, lookup lemmas.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger("factcheck")

DEFAULT_MODELS = {"fr": "fr_core_news_sm"}
_LOCK = threading.Lock()
_CACHE: dict[tuple[str, str], Any] = {}


def _blank(lang: str):
    import spacy

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
                    import spacy

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
