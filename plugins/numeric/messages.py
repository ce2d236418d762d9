"""Wording of numeric findings: verdicts in the rule's language, reasons, default messages."""

from __future__ import annotations

from pathlib import PurePath

from plugins.numeric.quantity import Quantity, display

_VERDICTS = {
    "fr": ("incompatibles", "portées différentes, peut-être compatibles", "incompatibles, portées différentes"),
    "en": ("incompatible", "different scopes, possibly compatible", "incompatible, different scopes"),
}


def short(doc_id: str) -> str:
    """A document's name without folders and extension (as messages show it)."""
    name = PurePath(doc_id.replace("\\", "/")).name
    return name.rsplit(".", 1)[0] if "." in name else name


def verdict(note: str | None, level: str, languages) -> str:
    """The message's closing word(s), in the rule's language: {verdict} in YAML messages."""
    words = _VERDICTS.get((languages or ("en",))[0], _VERDICTS["en"])
    if not note:
        return words[0]
    return words[1] if level == "suggestion" else words[2]


def scope_text(scope: str) -> str:
    return "initial amount" if scope == "initial" else scope


def implied_reason(qa: Quantity, qb: Quantity) -> str:
    for q in (qa, qb):
        if q.soft_high is not None or q.soft_low is not None:
            return (
                f"«{q.text}» implies about {display(q).lstrip('≥><≤ ')}, not the other figure "
                f"(a bound states the order of magnitude)"
            )
    return "the implied values cannot both be true"


def conflict_reason(implied: bool, qa: Quantity, qb: Quantity, rel: float) -> str:
    if implied:
        return implied_reason(qa, qb)
    return "the intervals cannot both be true" + (f" (tolerance {rel:.0%})" if rel else "")


def default_message(name_a: str, qa: Quantity, name_b: str, qb: Quantity, note: str, level: str, slot: str) -> str:
    word = (
        "incompatible"
        if not note
        else ("different scope" if level == "suggestion" else "incompatible, different scope")
    )
    return f"{name_a} says {display(qa)} («{qa.text}»); {name_b} says {display(qb)} («{qb.text}»); {word} [{slot}]"
