"""Which language a finding and a report speak.

A finding speaks the language of its articles; a mixed pair (one French, one English
article) speaks the draft's in draft mode (``check DRAFT --against CORPUS``), else the
first article's by document id.  ``--lang CODE`` (config ``lang:``) overrides both.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.i18n import supported


def _override(ctx) -> str | None:
    options = getattr(ctx, "options", None)
    lang = getattr(options, "lang", None)
    return supported(lang) if lang else None


def _known(lang: str | None) -> bool:
    return bool(lang) and lang != "und"


def finding_language(ctx, doc_ids: Iterable[str], fallback: str | None = None) -> str:
    """The language of a finding on these documents (see the module docstring); ``fallback``
    (e.g. the sentence's language) where no document's language is known."""
    forced = _override(ctx)
    if forced:
        return forced
    docs = getattr(ctx, "documents", None) or {}
    ids = sorted(dict.fromkeys(doc_ids))
    langs = {d: docs[d].language for d in ids if d in docs and _known(docs[d].language)}
    if not langs:
        return supported(fallback or getattr(getattr(ctx, "options", None), "default_language", None))
    if len(set(langs.values())) == 1:
        return supported(next(iter(langs.values())))
    focus = getattr(ctx, "focus", None) or set()
    drafts = [d for d in ids if d in focus and d in langs]
    first = drafts[0] if drafts else next(d for d in ids if d in langs)
    return supported(langs[first])


def report_language(documents, forced: str | None = None) -> str:
    """The language of a report's labels: ``forced``, else the articles' language (a mixed
    set: the draft's, else the first document's by id)."""
    if forced:
        return supported(forced)
    docs = sorted((d for d in documents if _known(d.language)), key=lambda d: d.id)
    if not docs:
        return supported(None)
    if len({d.language for d in docs}) == 1:
        return supported(docs[0].language)
    drafts = [d for d in docs if d.role == "draft"]
    return supported((drafts or docs)[0].language)


def rule_language(rule, fallback: str) -> str:
    """The language a rule's own ``message:`` template is written in (its first declared
    language), so that its placeholders read the same language; ``fallback`` without one."""
    languages = getattr(rule, "languages", None) or ()
    if getattr(rule, "message", "") and languages:
        return supported(languages[0])
    return fallback
