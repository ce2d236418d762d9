"""A weekday that contradicts its own date ("mardi 15 avril 2026", a Wednesday): a finding
inside one document, whatever the other articles say.

The date reader (``dates``) resolves the day from the year written, else from the
article's publication date, and flags ``weekday_conflict`` only when no year near that
anchor gives the stated weekday; so a weekday with no year and no anchor never conflicts.
"""

from __future__ import annotations

import datetime as _dt

from checker.model import CandidateGroup, Claim, Evidence, Finding

#: key prefix of the one-claim groups this check compares
WEEKDAY_KEY = "numeric-weekday:"

_MESSAGES = {
    "fr": "«{text}» : le {day} {month} {year} est un {actual}, pas un {stated}",
    "en": "“{text}”: {month} {day}, {year} is a {actual}, not a {stated}",
}


def weekday_groups(claims: list[Claim], ctx) -> list[CandidateGroup]:
    """One group per date whose stated weekday contradicts it (in draft mode, of the drafts only)."""
    out = []
    for c in claims:
        q = c.data["q"]
        if q.qtype != "date" or not q.extra.get("weekday_conflict") or q.extra.get("weekday") is None:
            continue
        if ctx is not None and ctx.focus is not None and c.doc_id not in ctx.focus:
            continue
        out.append(CandidateGroup(key=f"{WEEKDAY_KEY}{c.doc_id}:{c.start}", claims=[c]))
    return out


def weekday_finding(c: Claim, ctx=None) -> Finding:
    """The finding, in its document's language (``--lang`` overriding)."""
    from checker.i18n.catalog import t
    from checker.i18n.choose import finding_language

    q = c.data["q"]
    day = _dt.date.fromordinal(int(q.low))
    lang = finding_language(ctx, [c.doc_id], fallback=c.sentence.language if c.sentence is not None else None)
    from plugins.numeric.dates import day_names

    weekdays, months = day_names(lang)
    stated, actual = weekdays[int(q.extra["weekday"])], weekdays[day.weekday()]
    if lang == "en":
        stated, actual, month = stated.capitalize(), actual.capitalize(), months[day.month - 1].capitalize()
    else:
        month = months[day.month - 1]
    message = _MESSAGES[lang].format(text=c.text, day=day.day, month=month, year=day.year, actual=actual, stated=stated)
    return Finding(
        rule_id=c.rule_id or "numeric",
        kind="numeric",
        level="warning",
        message=f"{message} [{c.rule_id}]",
        evidence=[Evidence(doc_id=c.doc_id, start=c.start, end=c.end, value=c.value)],
        score=1.0,
        explanation={
            "reason": t("numeric.weekday.reason", lang),
            "date": day.isoformat(),
            "stated_weekday": int(q.extra["weekday"]),
            "weekday_of_date": day.weekday(),
            "sentence": c.sentence.text,
        },
        within_document=True,
    )
