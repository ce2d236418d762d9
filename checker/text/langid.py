"""Language identification with lingua (accurate on short text), restricted to a set."""

from __future__ import annotations

import functools
import threading

_LOCK = threading.Lock()
_DETECTORS: dict[tuple[str, ...], object] = {}


def _detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    with _LOCK:
        det = _DETECTORS.get(languages)
        if det is None:
            langs = []
            for code in languages:
                try:
                    langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
                except (AttributeError, ValueError):
                    continue
            if len(langs) < 2:
                langs = [Language.FRENCH, Language.ENGLISH]
            det = LanguageDetectorBuilder.from_languages(*langs).build()
            _DETECTORS[languages] = det
        return det


def detect(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
    """Most likely language code of ``text`` and its confidence (0..1); ``("und", 0)`` if unknown.

    Memoised per text: a long-running process (``factcheck serve``) sees the same corpus
    articles and paragraphs at every check."""
    return _detect(text, tuple(languages))


@functools.lru_cache(maxsize=4096)
def _detect(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
    det = _detector(languages)
    values = det.compute_language_confidence_values(text)
    if not values:
        return "und", 0.0
    top = values[0]
    if top.value <= 0:
        return "und", 0.0
    return top.language.iso_code_639_1.name.lower(), float(top.value)


#: Below this many words a document's detected language is only trusted when very confident.
SHORT_DOCUMENT_WORDS = 30


def assign_languages(docs, languages: tuple[str, ...], default_language: str | None = None) -> None:
    """Language per document; short or uncertain ones lean on the corpus majority.

    Identification of a one-line text is unreliable (names such as "Microsoft" or
    "OpenAI" pull it towards English), so a short document whose detection is not
    confident takes the language of the confident documents of the same run, or the
    configured default language (``language:``) when there is one.
    """
    from collections import Counter

    found: dict[str, tuple[str, float, int]] = {}
    for d in docs:
        if d.language not in ("", "und"):
            continue
        sample = " ".join(d.view.split())[:6000]
        words = len(sample.split())
        lang, conf = detect(sample, tuple(languages)) if words else ("und", 0.0)
        found[d.id] = (lang, conf, words)
    votes = Counter(lang for lang, conf, words in found.values() if words >= SHORT_DOCUMENT_WORDS and conf >= 0.5)
    votes.update(d.language for d in docs if d.language not in ("", "und") and d.id not in found)
    fallback = votes.most_common(1)[0][0] if votes else (default_language or None)
    for d in docs:
        if d.id not in found:
            continue
        lang, conf, words = found[d.id]
        if fallback and lang != fallback and (words < SHORT_DOCUMENT_WORDS and conf < 0.9):
            lang = fallback
        d.language = lang
