"""Wording of numeric findings in the finding's language: verdicts, reasons, default messages
and values as a reader of that language writes them (``checker.i18n``)."""

from __future__ import annotations

from pathlib import PurePath

from checker.i18n import format as fmt
from checker.i18n.catalog import t
from plugins.numeric.intervals import tolerance_applies
from plugins.numeric.quantity import Quantity


def short(doc_id: str) -> str:
    """A document's name without folders and extension (as messages show it)."""
    name = PurePath(doc_id.replace("\\", "/")).name
    return name.rsplit(".", 1)[0] if "." in name else name


def shown(q: Quantity, lang: str) -> str:
    """A value as messages show it: ``13,75 milliards de dollars`` / ``$13.75 billion``."""
    return fmt.quantity(q, lang)


def verdict(note: str | None, level: str, lang: str) -> str:
    """The message's closing word(s): {verdict} in YAML messages."""
    if not note:
        return t("numeric.verdict.conflict", lang)
    return t("numeric.verdict.scope" if level == "suggestion" else "numeric.verdict.scope_conflict", lang)


#: time scopes with a name of their own in the catalogue (``numeric.scope.<name>``)
_NAMED_SCOPES = ("initial", "previous-year", "next-year")


def scope_text(scope: str, lang: str) -> str:
    """A time scope as a reader sees it: ``2023``, ``montant initial``, ``2024/trimestre``."""
    base, _, period = scope.partition("/")
    if base in _NAMED_SCOPES and not period:
        return t(f"numeric.scope.{base}", lang)
    if not period and base in ("quarter", "half", "year"):
        base, period = "", base
    words = [t(f"numeric.period.{period}", lang) if period in ("quarter", "half", "year") else period]
    head = t(f"numeric.scope.{base}", lang) if base in _NAMED_SCOPES else base
    return "/".join(w for w in [head, *words] if w)


def tags_text(tags: dict, lang: str) -> str:
    """Scope tags of a figure (part, change, place...) as words; ``overall`` without any."""
    out = []
    for key, value in sorted(tags.items()):
        if key == "place":
            out.append(t("numeric.tag.place", lang, value=value))
        elif key in ("period", "basis", "part", "holder") and f"numeric.tag.{key}.{value}" in _known():
            out.append(t(f"numeric.tag.{key}.{value}", lang))
        elif f"numeric.tag.{key}" in _known():
            out.append(t(f"numeric.tag.{key}", lang))
        else:
            out.append(str(value) if key == "period" else key)
    return ", ".join(out) or t("numeric.tag.overall", lang)


def _known():
    from checker.i18n.catalog import MESSAGES

    return MESSAGES


def other_days(lang: str) -> str:
    return t("numeric.other_days", lang)


def stated_by_both(lang: str) -> str:
    return t("numeric.stated_by_both", lang)


def shared_series(value: str, lang: str) -> str:
    return t("numeric.shared_series", lang, value=value)


def tags_note(tags_a: dict, tags_b: dict, lang: str) -> str:
    return t("numeric.tags", lang, a=tags_text(tags_a, lang), b=tags_text(tags_b, lang))


def time_scope_part(scope: str, part: Quantity, whole: Quantity, lang: str) -> str:
    return t(
        "numeric.time_scope_part", lang, scope=scope_text(scope, lang), part=shown(part, lang), whole=shown(whole, lang)
    )


def time_scope_lowered(scope: str, lang: str) -> str:
    return t("numeric.time_scope_lowered", lang, scope=scope_text(scope, lang))


def implied_reason(qa: Quantity, qb: Quantity, lang: str = "en") -> str:
    for q in (qa, qb):
        if q.soft_high is not None or q.soft_low is not None:
            value = shown(q, lang).lstrip("≥><≤≈≲≳ ")
            return t("numeric.implied", lang, text=q.text, value=value)
    return t("numeric.implied_values", lang)


def conflict_reason(implied: bool, qa: Quantity, qb: Quantity, rel: float, lang: str = "en") -> str:
    if implied:
        return implied_reason(qa, qb, lang)
    applied = rel and not qa.is_temporal and tolerance_applies(qa, qb)
    tolerance = t("numeric.tolerance", lang, tolerance=fmt.share(rel, lang)) if applied else ""
    return t("numeric.intervals", lang) + tolerance


def slip_reason(kind: str, factor: float | None, lang: str) -> str:
    """Why two figures look like one misreported (``slips.slip``)."""
    return t(f"numeric.slip.{kind}", lang, factor=fmt.decimal(factor or 0, lang))


def measure_text(measure: str, lang: str) -> str:
    """A measure key as words: ``money:USD`` -> ``montant, USD`` / ``amount, USD``."""
    kind, _, rest = measure.partition(":")
    if f"measure.{kind}" not in _known():
        return measure
    word = t(f"measure.{kind}", lang)
    rest = "" if rest == "percent" else rest.replace(":", ", ")
    return f"{word}, {rest}" if rest else word


def generic_reason(reason: str, measure: str, similarity: float, lang: str) -> str:
    return t(
        "numeric.generic",
        lang,
        reason=reason,
        measure=measure_text(measure, lang),
        similarity=fmt.decimal(similarity, lang),
    )


def join_reasons(reasons: list[str], lang: str) -> str:
    return t("list.sep", lang).join(reasons)


def default_message(
    name_a: str, qa: Quantity, name_b: str, qb: Quantity, note: str, level: str, slot: str, lang: str = "en"
) -> str:
    word = t(
        "numeric.word.conflict"
        if not note
        else ("numeric.word.scope" if level == "suggestion" else "numeric.word.scope_conflict"),
        lang,
    )
    return t(
        "numeric.default",
        lang,
        a=name_a,
        va=shown(qa, lang),
        qa=qa.text,
        b=name_b,
        vb=shown(qb, lang),
        qb=qb.text,
        word=word,
        slot=slot,
    )
