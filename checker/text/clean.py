"""Separate the article from what is not the article.

Nothing is rewritten: removed stretches are blanked in a copy of the view (offsets stay
true) and recorded in ``Document.removed`` with a reason, so ``--verbose`` and the JSON
report can show what was set aside.  Removed: lines in another language than the
document, "À lire également"/related-content teasers, author bios and bylines,
breadcrumbs and site names, and the related-content tail after a closing bio.
Kept but labelled: FAQ blocks (``faq``), pull quotes (``quote``) and their
attributions (``attribution``).  Claims are only ever compared across documents, so a
FAQ that restates its own article is never compared with that article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import Document, Region
from checker.text.langid import detect

TEASER_MARKER = re.compile(
    r"^\s*(?:à\s+lire\s+(?:également|aussi|absolument)|lire\s+aussi|à\s+voir\s+(?:aussi|également)|voir\s+aussi|"
    r"sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|vous\s+aimerez\s+aussi|articles?\s+(?:similaires|liés|recommandés)|"
    r"nos\s+derniers\s+articles|read\s+(?:more|also|next)|related(?:\s+(?:articles|stories|posts))?|see\s+also|"
    r"more\s+from|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|también\s+te\s+puede\s+interesar|lee\s+también)"
    r"\s*[:\-–]?\s*(?P<rest>.*)$",
    re.I,
)
_MONTHS = (
    r"(?:janv(?:ier)?|févr(?:ier)?|fevr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|août|aout|sept(?:embre)?|"
    r"oct(?:obre)?|nov(?:embre)?|déc(?:embre)?|dec(?:embre)?|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|nov|dec)\.?"
)
_DAYS = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_TIME = r"(?:\s*(?:à|a|at|,|-|–)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}\s*(?:am|pm|utc|gmt|cet)?)?"
_DATE_ONLY = (
    rf"(?:(?:le|on)\s+)?(?:{_DAYS}\s*,?\s*)?(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}|"
    rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}){_TIME}"
)
BYLINE = re.compile(
    # "Publié le 12 décembre 2024 à 08h07", "franceinfo avec AFP - Publié le 18 novembre 2025", "Updated on ..."
    r"^.{0,60}\b(?:publié|mis\s+à\s+jour|modifié|actualisé|posted|published|updated|last\s+updated)\b.{0,60}\d{4}.{0,30}$"
    # a dateline alone on its line: "Le 17 novembre 2025 à 11h20", "March 3, 2025, 10:42 am"
    rf"|^\s*{_DATE_ONLY}\s*$"
    # "Par Jean Dupont", "By Anne Smith, Reuters", "Par 20 Minutes avec AFP", "By France 24 with AFP"
    # (names capitalised or numbers; never a sentence: "Par ailleurs, le maire a démissionné.")
    r"|^\s*(?:par|by)\s+(?!\d{4}\b)(?-i:[A-ZÀ-Ý0-9])[\w'’\-]*(?:\s+(?-i:[A-ZÀ-Ý0-9])[\w'’\-]*){0,3}"
    r"(?:\s+(?:avec|et|with|and)\s+(?-i:[A-ZÀ-Ý])[\w'’\-]*(?:\s+(?-i:[A-ZÀ-Ý])[\w'’\-]*){0,2})?"
    r"\s*(?:[,|–-][^.!?]{0,60})?$"
    r"|^\s*author\s+avatar\s*$|^\s*avatar\s+de\s+l['’]auteur\s*$",
    re.I,
)
BIO_ROLE = re.compile(
    r"\b(?:rédact(?:eur|rice)|journaliste|chroniqueu(?:r|se)|auteur|autrice|éditeur|éditrice|reporter|editor|writer|"
    r"columnist|correspondant|correspondent|contributor|contributeur|pigiste|fondateur\s+de\s+ce\s+site)\b",
    re.I,
)
BIO_DETAIL = re.compile(
    r"\b(?:\d{2}\s+ans|years?\s+old|passionn[ée]|depuis\s+plus\s+de|spécialis|since\s+\d{4}|\d+\s+years)\b", re.I
)
SITE = re.compile(
    r"^\s*(?:www\.)?[\w\-]+\.(?:fr|com|net|org|io|ia|ai|info|co|uk|be|ch|ca|news|tech)(?=$|[A-Z\s/›>|])", re.I
)
BREADCRUMB = re.compile(r"^\s*[^.!?]{1,60}(?:\s[›>»|/]\s[^.!?]{1,60}){2,}\s*$")
FAQ_HEADING = re.compile(
    r"^\s*(?:questions?\s+fréquemment\s+posées|foire\s+aux\s+questions|questions\s+fréquentes|faq|f\.a\.q\.?|"
    r"frequently\s+asked\s+questions|preguntas\s+frecuentes)\b",
    re.I,
)
QUOTE_LINE = re.compile(r"^\s*[«“\"].{10,}[»”\"]\s*$")
ATTRIBUTION = re.compile(r"^\s*[–—-]\s*\S.{0,100}$")

MIN_WORDS_FOR_LANGUAGE = 5
LANGUAGE_CONFIDENCE = 0.75


@dataclass
class _Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(view: str) -> list[_Line]:
    out, pos = [], 0
    for raw in view.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def detect_document_language(doc: Document, languages: tuple[str, ...]) -> str:
    sample = " ".join(doc.view.split())[:6000]
    if len(sample.split()) < 3:
        return "und"
    lang, _conf = detect(sample, languages)
    return lang


def clean_document(doc: Document, ctx) -> tuple[str, list[tuple[int, int, str]]]:
    """Return the cleaned view and section regions ``(start, end, label)``; fill ``doc.removed``."""
    languages = tuple(ctx.options.languages) if ctx is not None else ("fr", "en", "es", "de", "it", "pt", "nl")
    if doc.language in ("", "und"):
        doc.language = detect_document_language(doc, languages)
    content = [ln for ln in _lines(doc.view) if ln.stripped]
    found = _Removals()
    paragraph_langs = _mark_removals(doc, content, languages, found)
    sections = _sections(content, found)
    removed = sorted(found.regions, key=lambda r: r.start)
    doc.removed = removed
    doc.meta["paragraph_languages"] = {content[i].start: v for i, v in paragraph_langs.items()}
    chars = list(doc.view)
    for r in removed:
        for k in range(r.start, r.end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars), sections


class _Removals:
    """Lines set aside so far: their regions, indexes (in the content lines) and reasons."""

    def __init__(self) -> None:
        self.regions: list[Region] = []
        self.indexes: set[int] = set()
        self.reasons: dict[int, str] = {}  # line start -> reason

    def add(self, i: int, line: _Line, reason: str) -> None:
        if i in self.indexes:
            return
        self.regions.append(Region(line.start, line.end, reason))
        self.reasons[line.start] = reason
        self.indexes.add(i)


def _line_reason(
    doc: Document,
    text: str,
    position: float,
    languages: tuple[str, ...],
    paragraph_langs: dict[int, tuple[str, float]],
    i: int,
) -> tuple[str | None, bool]:
    """Why a line is not the article (or None), and whether what follows is page furniture too."""
    marker = TEASER_MARKER.match(text)
    if marker and len(text) < 160:
        return "teaser", not (marker.group("rest") and position < 0.7)
    if BYLINE.match(text):
        return "byline", False
    if BIO_ROLE.search(text) and BIO_DETAIL.search(text) and len(text) < 400:
        return "author-bio", position > 0.6
    if (SITE.match(text) and len(text.split()) <= 12) or BREADCRUMB.match(text):
        return "breadcrumb", position > 0.6
    if len(text.split()) >= MIN_WORDS_FOR_LANGUAGE and doc.language != "und":
        lang, conf = detect(text, languages)
        paragraph_langs[i] = (lang, conf)
        if lang != doc.language and conf >= LANGUAGE_CONFIDENCE:
            return f"language:{lang}", False
    return None, False


def _mark_removals(
    doc: Document, content: list[_Line], languages: tuple[str, ...], found: _Removals
) -> dict[int, tuple[str, float]]:
    total_chars = sum(len(ln.stripped) for ln in content) or 1
    paragraph_langs: dict[int, tuple[str, float]] = {}
    seen_chars = 0
    tail_from: int | None = None
    for i, ln in enumerate(content):
        text = ln.stripped
        position = seen_chars / total_chars
        seen_chars += len(text)
        prev = content[i - 1] if i else None
        if (
            BYLINE.match(text) is None
            and not (TEASER_MARKER.match(text) and len(text) < 160)
            and prev is not None
            and text == prev.stripped
            and len(text.split()) <= 5
        ):
            found.add(i - 1, prev, "byline")  # a name printed twice (author card)
            found.add(i, ln, "byline")
            continue
        reason, tail = _line_reason(doc, text, position, languages, paragraph_langs, i)
        if tail and tail_from is None:
            tail_from = i
        if reason:
            found.add(i, ln, reason)
    if tail_from is not None:
        for j in range(tail_from + 1, len(content)):
            found.add(j, content[j], "related-content")
    return paragraph_langs


def _sections(content: list[_Line], found: _Removals) -> list[tuple[int, int, str]]:
    """FAQ blocks, quotes and attributions among the kept lines."""
    sections: list[tuple[int, int, str]] = []
    in_faq = False
    prev_kept: _Line | None = None
    for i, ln in enumerate(content):
        if i in found.indexes:
            # a FAQ ends where the page furniture (bio, teaser, breadcrumb) starts
            if in_faq and not found.reasons.get(ln.start, "").startswith("language:"):
                in_faq = False
            continue
        text = ln.stripped
        if FAQ_HEADING.match(text) and len(text) < 200:
            in_faq = True
            sections.append((ln.start, ln.end, "faq"))
        elif in_faq:
            sections.append((ln.start, ln.end, "faq"))
        elif QUOTE_LINE.match(text):
            sections.append((ln.start, ln.end, "quote"))
        elif ATTRIBUTION.match(text) and len(text.split()) <= 12 and prev_kept is not None:
            sections.append((ln.start, ln.end, "attribution"))
        prev_kept = ln
    return sections
