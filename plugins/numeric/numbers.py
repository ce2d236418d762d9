"""Numbers in digits (every common grouping) and in words (text2num), scale words,
currencies and approximators: text -> value."""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the number-words library (declared dependency ``text2num``)
    from text_to_num import text2num as _text2num
except ImportError:  # pragma: no cover - dependency missing: digits still work
    _text2num = None

from plugins.numeric.vocab import APPROX, CURRENCY_WORDS, SCALES


def approx_kind(phrase: str) -> str:
    phrase = " ".join(phrase.lower().split())
    for pat, kind in APPROX:
        if re.fullmatch(pat, phrase, re.I):
            return kind
    return "about"


def scale_of(word: str, lang: str) -> tuple[float, str]:
    if not word:
        return 1.0, ""
    for pat, mult, label in SCALES:
        flags = 0 if pat in ("M", "B", "m", "b") else re.I
        if re.fullmatch(pat, word, flags):
            if label == "billion" and lang == "fr" and re.fullmatch(r"billions?", word, re.I):
                return 1e12, "trillion"  # le billion français = 10^12
            return mult, label
    return 1.0, ""


def currency_of(text: str | None) -> str | None:
    if not text:
        return None
    for pat, code in CURRENCY_WORDS:
        if re.fullmatch(pat, text.strip(), re.I):
            return code
    return None


@lru_cache(maxsize=4096)
def words_to_number(text: str, lang: str) -> float | None:
    """Value of a number written in words (``dix``, ``trente-cinq``, ``ten``) via text2num."""
    t = " ".join(text.lower().replace("’", "'").split())
    if t in ("a", "an"):
        return 1.0
    if _text2num is None:
        return None
    langs = [lang] + [x for x in ("fr", "en") if x != lang] if lang in ("fr", "en") else ["fr", "en"]
    for lg in langs:
        for cand in (t, t.replace("-", " "), t.replace(" ", "-")):
            try:
                return float(_text2num(cand, lg))
            except (ValueError, TypeError):
                continue
    return None


def parse_digits(text: str, lang: str) -> tuple[float, float] | None:
    """Digits -> (value, precision): half a unit of the last decimal digit, 0 for an integer.

    Groups of thousands by space, comma (English), point (French/German) or apostrophe (Swiss).
    """
    t = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("'", "").replace("’", "")
    if " " in t:
        t = t.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t) and (lang != "fr" or t.count(",") > 1 or "." in t):
        t = t.replace(",", "")  # English thousands
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", t) or (lang == "fr" and re.fullmatch(r"\d{1,3}\.\d{3}", t)):
        t = t.replace(".", "").replace(",", ".")  # French/German thousands
    else:
        t = t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        return None
    decimals = len(t.split(".", 1)[1]) if "." in t else 0
    return value, (0.5 * 10 ** (-decimals) if decimals else 0.0)  # an integer is exact


def read_number(text: str, lang: str) -> tuple[float, float, bool] | None:
    """(value, precision, written_in_words)."""
    if text[:1].isdigit():
        got = parse_digits(text, lang)
        return (got[0], got[1], False) if got else None
    val = words_to_number(text, lang)
    if val is None:
        return None
    return val, 0.0, True
