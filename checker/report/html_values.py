"""What the HTML report says about one finding, in words: each side's value, the span to
highlight inside each quoted sentence, and the basis of the finding's level.

Everything is read from the finding's own fields (``evidence[i].value``, ``explanation``),
never shown as the raw structure the plugin keeps: a numeric side reads ``1 septembre 2025``
or ``≈ 12 k salariés``, a relation side ``Patricia Lenoir, maire de Vienne``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from checker.model import LEVELS
from checker.report.html_labels import labels, level_word

_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}
_ENTITY_TYPES = {
    "fr": {"PER": "personne", "PERSON": "personne", "ORG": "organisation", "LOC": "lieu", "GPE": "lieu"},
    "en": {"PER": "person", "PERSON": "person", "ORG": "organisation", "LOC": "place", "GPE": "place"},
}
_TRIPLE_SEP = " — "
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöûüœh]", re.I)


def words(text: str) -> str:
    """An identifier as words: ``role.mayor`` -> ``mayor``, ``general.start-date`` -> ``start date``."""
    tail = str(text).rsplit(".", 1)[-1]
    return " ".join(re.sub(r"[_\-]+", " ", tail).split())


def _lang(lang: str) -> str:
    return lang if lang in _MONTHS else "en"


def date_words(iso: str, lang: str) -> str:
    """``2025-09-01`` -> ``1er septembre 2025`` / ``September 1, 2025`` (``2025-09`` -> month and year)."""
    parts = str(iso).split("-")
    try:
        nums = [int(p) for p in parts]
        if len(nums) == 3:
            _dt.date(*nums)
    except (ValueError, TypeError):
        return str(iso)
    months = _MONTHS[_lang(lang)]
    if len(nums) == 1:
        return str(nums[0])
    if not 1 <= nums[1] <= 12:
        return str(iso)
    month = months[nums[1] - 1]
    if len(nums) == 2:
        return f"{month} {nums[0]}"
    if _lang(lang) == "fr":
        return f"{'1er' if nums[2] == 1 else nums[2]} {month} {nums[0]}"
    return f"{month} {nums[2]}, {nums[0]}"


def number_words(x, lang: str) -> str:
    """``13750000000`` -> ``13,75 milliards`` / ``13.75 billion``; small numbers grouped."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    fr = _lang(lang) == "fr"
    for size, name_fr, name_en in ((1e9, "milliards", "billion"), (1e6, "millions", "million")):
        if abs(v) >= size:
            shown = f"{v / size:.2f}".rstrip("0").rstrip(".")
            return (shown.replace(".", ",") + f" {name_fr}") if fr else f"{shown} {name_en}"
    if v == int(v):
        shown = f"{int(v):,}"
        return shown.replace(",", " ") if fr else shown
    shown = f"{v:.2f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") if fr else shown


_UNITS = {"percent": "%", "count": "", "date": ""}


def numeric_value(value: dict, lang: str) -> str:
    """A numeric side's value in words: a date as a date, else the plugin's ``display``,
    else the interval from ``low``/``high`` and ``unit``."""
    w = labels(lang)
    if value.get("type") == "date" or value.get("unit") == "date":
        lo, hi = value.get("low_date"), value.get("high_date")
        if lo and hi and lo != hi:
            return w["between"].format(low=date_words(lo, lang), high=date_words(hi, lang))
        if lo:
            return date_words(lo, lang)
        if value.get("date"):
            return date_words(value["date"], lang)
    if value.get("display") not in (None, ""):
        return str(value["display"])
    if value.get("date"):
        return date_words(value["date"], lang)
    lo, hi = value.get("low", value.get("value")), value.get("high", value.get("value"))
    if lo is None:
        return ""
    unit = value.get("unit") or ""
    unit = _UNITS.get(unit, unit)
    shown = (
        number_words(lo, lang)
        if hi in (None, lo)
        else w["between"].format(low=number_words(lo, lang), high=number_words(hi, lang))
    )
    if value.get("approx"):
        shown = f"{w['about']} {shown}"
    return f"{shown} {unit}".strip() if unit != "%" else f"{shown} %"


def of_object(label: str, obj: str, lang: str) -> str:
    """``maire de`` + ``Vienne``; French elides ``de`` before a vowel (``dirigeant d'Ardelis``)."""
    if lang == "fr" and label.endswith(" de") and _VOWEL.match(obj):
        return f"{label[:-3]} d'{obj}"
    return f"{label} {obj}".strip()


def _name(value: dict, part: str) -> str:
    names = value.get("names") or {}
    shown = names.get(part) or value.get(f"{part}_name") or value.get(part) or ""
    return str(shown)


_NEGATED_NOTES = {"negated", "négation"}  # said in words by relation_value itself


def triple_parts(shown: str) -> tuple[str, str, str, list[str]] | None:
    """``A — label — B (notes)`` -> (A, label, B, notes) as the relation plugin shows a triple."""
    notes: list[str] = []
    body = shown
    tail = re.search(r"\s*\(([^()]*)\)\s*$", body)
    if (
        tail
        and body[: tail.start()].count(_TRIPLE_SEP) >= 2
        and not body[: tail.start()].endswith(_TRIPLE_SEP.rstrip())
    ):
        notes = [n.strip() for n in tail.group(1).split(",") if n.strip() and n.strip() not in _NEGATED_NOTES]
        body = body[: tail.start()]
    parts = body.split(_TRIPLE_SEP)
    return (parts[0], parts[1], _TRIPLE_SEP.join(parts[2:]), notes) if len(parts) >= 3 else None


def plain_words(text: str) -> str:
    """Identifiers a plugin left in a sentence, as words: ``role.president`` -> ``president``,
    ``exclusive_rights`` -> ``exclusive rights``."""
    text = re.sub(r"\brole\.([A-Za-z][\w-]*)", lambda m: words(m.group(1)), text)
    text = re.sub(r"\b([a-z]+(?:_[a-z]+)+)\b", lambda m: m.group(1).replace("_", " "), text)
    return re.sub(r"\b(of|de) \1\b", r"\1", text)  # "subsidiary_of of X" -> "subsidiary of X"


def relation_value(value: dict, lang: str, shown: str | None = None) -> str:
    """``Patricia Lenoir, maire de Vienne``; a denied relation ``Patricia Lenoir n'est pas
    maire de Vienne``, one that ended ``... n'est plus maire de Vienne``; past and years appended."""
    w = labels(lang)
    parts = triple_parts(shown) if shown else None
    notes: list[str] = []
    if parts:
        subj, label, obj, notes = parts
    else:
        subj, obj = _name(value, "subject"), _name(value, "object")
        label = f"{value['role']} {w['of']}" if value.get("role") else f"{words(value.get('relation', ''))} {w['of']}"
        if value.get("qualifier"):
            notes.append(words(value["qualifier"]))
        if value.get("modality") == "hedged":
            notes.append(w["hedged"])
    time: dict = value["time"] if isinstance(value.get("time"), dict) else {}
    claim = of_object(label, w["unnamed"] if obj.strip() in ("(?)", "?", "") else obj, lang)
    if value.get("polarity") == "negative":
        out = w["ended" if time.get("change") == "no longer" else "denied"].format(subject=subj, claim=claim)
    else:
        out = f"{subj}, {claim}" if subj else claim
    if time.get("tense") == "past":
        notes.append(w["past"])
    years = [str(y) for y in time.get("years") or []]
    if years:
        notes.append(w["in_years"].format(years=", ".join(years)))
    return out + (f" ({', '.join(notes)})" if notes else "")


def entity_value(value: dict, lang: str) -> str:
    """``Patricia Lenoir (personne)``: an entity's name and, when known, its type."""
    name = value.get("display") or value.get("name") or value.get("text") or value.get("id") or ""
    kind = _ENTITY_TYPES[_lang(lang)].get(str(value.get("label") or value.get("type") or ""), "")
    return f"{name} ({kind})" if name and kind else str(name)


def _squash(text: str) -> str:
    return " ".join(str(text).split()).strip(" .;:").lower()


def nli_value(value: dict, quote: str, lang: str) -> str:
    """The statement the model compared, only when it is not already the quoted sentence."""
    text = value.get("text") or ""
    return "" if not text or _squash(text) == _squash(quote) or _squash(text) in _squash(quote) else str(text)


def side_value(f, i: int, ev, lang: str) -> str:
    """Evidence ``i`` of finding ``f`` in words (empty when the quote says it all)."""
    value = ev.value
    if not isinstance(value, dict) or not value:
        return "" if value in (None, "", {}) else str(value)
    kind = f.kind
    if kind == "relation" or ("relation" in value and "subject" in value):
        return relation_value(value, lang, shown_triple(f, ev))
    if kind == "nli":
        return nli_value(value, ev.quote, lang)
    if kind in ("entity", "entities"):
        return entity_value(value, lang)
    if kind == "numeric" or any(k in value for k in ("low", "date", "display", "value")):
        return numeric_value(value, lang)
    for key in ("display", "text", "name"):
        if value.get(key):
            return str(value[key])
    return ""


def scope_of(ev) -> str:
    value = ev.value if isinstance(ev.value, dict) else {}
    scope = value.get("scope")
    return words(scope) if isinstance(scope, str) and scope else ""


# ----------------------------------------------------------------------------- sides


def side_index(f, ev) -> int | None:
    """Which of ``explanation["sides"]`` the evidence belongs to (by document and span)."""
    sides = f.explanation.get("sides") if isinstance(f.explanation, dict) else None
    if not isinstance(sides, list):
        return None
    by_doc = None
    for k, side in enumerate(sides):
        if not isinstance(side, dict):
            continue
        docs = list(side.get("documents") or [])
        spans = list(side.get("spans") or [])
        for d, span in zip(docs, spans):
            if d == ev.doc_id and list(span) == [ev.start, ev.end]:
                return k
        if ev.doc_id in docs and by_doc is None:
            by_doc = k
    return by_doc


def shown_triple(f, ev) -> str | None:
    k = side_index(f, ev)
    if k is None:
        return None
    side = f.explanation["sides"][k]
    return str(side.get("value")) if side.get("value") else None


@dataclass
class Column:
    """One side of a finding: what it says (in words) and the quotes that say it."""

    value: str
    evidence: list = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # documents of this side not quoted


def columns(f, lang: str) -> list[Column]:
    """The finding's sides, each with its quotes: by ``explanation["sides"]`` when every
    piece of evidence belongs to one, else one column per piece of evidence."""
    keys = [side_index(f, ev) for ev in f.evidence]
    if len(f.evidence) < 2 or any(k is None for k in keys) or len(set(keys)) < 2:
        return [Column(side_value(f, i, ev, lang), [ev]) for i, ev in enumerate(f.evidence)]
    out: dict[int, Column] = {}
    for i, (k, ev) in enumerate(zip(keys, f.evidence)):
        assert k is not None
        if k not in out:
            out[k] = Column(side_value(f, i, ev, lang))
        out[k].evidence.append(ev)
    for k, col in out.items():
        side = f.explanation["sides"][k]
        quoted = {ev.doc_id for ev in col.evidence}
        col.others = [d for d in side.get("documents") or [] if d not in quoted]
    return [out[k] for k in sorted(out)]


def mark_span(f, ev) -> tuple[int, int]:
    """Document offsets to highlight for this evidence: the claim itself inside its sentence
    (a relation's evidence is its whole sentence; the words that state it are marked)."""
    matched = f.explanation.get("matched") if isinstance(f.explanation, dict) else None
    k = side_index(f, ev)
    if isinstance(matched, list) and k is not None and k < len(matched) and isinstance(matched[k], str):
        quote = ev.quote or ""
        at = quote.find(matched[k]) if matched[k] else -1
        if at >= 0 and len(quote) == ev.end - ev.start:
            return ev.start + at, ev.start + at + len(matched[k])
    return ev.start, ev.end


# ----------------------------------------------------------------------------- level


def _percent(x: float) -> str:
    return f"{x * 100:.1f}".rstrip("0").rstrip(".") + " %"


def level_basis(f, rule_level: str | None, lang: str) -> list[str]:
    """Why the finding has its level, in words: the rule's level and how it was lowered or
    raised, then the finding's own reasons (``different time scope ...; level lowered``),
    the constraint, the hedged sides, the tolerance or the model's probabilities."""
    w = labels(lang)
    expl = f.explanation if isinstance(f.explanation, dict) else {}
    out: list[str] = []
    if rule_level and rule_level != f.level:
        key = "lowered" if LEVELS.index(f.level) < LEVELS.index(rule_level) else "raised"
        out.append(w[key].format(rule=level_word(rule_level, lang), level=level_word(f.level, lang)))
    elif rule_level:
        out.append(w["rule_level"].format(level=level_word(rule_level, lang)))
    reason = expl.get("reason")
    if isinstance(reason, str) and reason.strip():
        out.extend(plain_words(p.strip()) for p in reason.split("; ") if p.strip())
    constraint = expl.get("constraint")
    if isinstance(constraint, str) and f"constraint.{constraint}" in w:
        out.append(w[f"constraint.{constraint}"])
    hedged = expl.get("hedged_sides")
    if isinstance(hedged, int) and hedged > 0:
        out.append(w["hedged_sides"].format(n=hedged))
    tol = expl.get("tolerance")
    if isinstance(tol, dict):
        rel, ab = tol.get("relative") or 0, tol.get("absolute") or 0
        if isinstance(rel, (int, float)) and rel > 0 and not any("tolerance" in p for p in out):
            out.append(w["tolerance"].format(value=_percent(rel)))
        elif isinstance(ab, (int, float)) and ab > 0 and not rel:
            out.append(w["tolerance"].format(value=number_words(ab, lang)))
    probs = expl.get("probabilities")
    if isinstance(probs, dict) and "contradiction" in probs and "entailment" in probs:
        out.append(
            w["probabilities"].format(
                contradiction=f"{float(probs['contradiction']):.2f}", entailment=f"{float(probs['entailment']):.2f}"
            )
        )
    if f.within_document:
        out.append(w["within_document"])
    return out
