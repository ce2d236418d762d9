"""Language identification with lingua (accurate on short text), restricted to a set."""
from __future__ import annotations

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
    """Most likely language code of ``text`` and its confidence (0..1); ``("und", 0)`` if unknown."""
    det = _detector(tuple(languages))
    values = det.compute_language_confidence_values(text)
    if not values:
        return "und", 0.0
    top = values[0]
    if top.value <= 0:
        return "und", 0.0
    return top.language.iso_code_639_1.name.lower(), float(top.value)
