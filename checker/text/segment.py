"""Sentence segmentation with exact offsets into the original text.

Blocks (lines / paragraphs of the cleaned view) are parsed with the document's spaCy
pipeline; sentence boundaries are then repaired so that decimals (``13,75``), ranges
(``30 à 35 %``), abbreviations (``M. Nadella``), bullets (``•``) and ``« … »`` quotes
are not cut wrongly.  Every ``Sentence`` keeps ``start``/``end`` into ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.model import Document, Sentence

BULLETS = "•◦▪‣●○■□–-*·"
_BULLET_RE = re.compile(r"(?:^|(?<=\s))[•◦▪‣●■□·](?=\s)")
_LIST_LINE_RE = re.compile(r"^\s*(?:[•◦▪‣●○■□*·]|[-–](?=\s)|\d{1,2}[.)](?=\s))")
_TERMINAL = tuple('.!?…:;»")”')
#: month abbreviations (AP style and French) that a day or a year follows: no sentence ends there
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec janv févr fevr avr juil déc".split())
ABBREVIATIONS = {
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "pr",
    "me",
    "mgr",
    "st",
    "ste",
    "etc",
    "cf",
    "p",
    "pp",
    "vol",
    "no",
    "n°",
    "art",
    "env",
    "av",
    "apr",
    "j.-c",
    "mr",
    "mrs",
    "ms",
    "prof",
    "inc",
    "ltd",
    "corp",
    "co",
    "jr",
    "sr",
    "vs",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "fig",
    "janv",
    "févr",
    "sept",
    "oct",
    "nov",
    "déc",
    "jan",
    "feb",
    "mar",
    "aug",
    "sep",
    "dec",
    "u.s",
    "u.k",
}


#: a "sentence" longer than this (no punctuation for pages, a wall of inline tags...) is cut at
#: spaces into pieces of at most this length: spaCy refuses texts over ``nlp.max_length`` (E088)
#: and every rule type's work per sentence stays bounded
MAX_SENTENCE_CHARS = 2000
#: characters of a document's view that are analysed at most; the rest is reported, not read
MAX_ANALYSED_CHARS = 5_000_000


@dataclass
class Block:
    start: int
    end: int
    kind: str  # paragraph | list | heading


def _lines(view: str):
    pos = 0
    for line in view.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def split_blocks(view: str) -> list[Block]:
    """Cut the (cleaned) view into blocks.

    A newline ends a block unless the text is visibly hard-wrapped: the previous line
    is long, has no terminal punctuation and the next line continues in lower case.
    List items and short title-like lines are blocks of their own.
    """
    blocks: list[Block] = []
    cur: Block | None = None
    prev_text = ""
    for start, _end, line in _lines(view):
        stripped = line.strip()
        if not stripped:
            if cur:
                blocks.append(cur)
            cur, prev_text = None, ""
            continue
        lstart = start + (len(line) - len(line.lstrip()))
        lend = start + len(line.rstrip())
        is_list = bool(_LIST_LINE_RE.match(line))
        continues = (
            cur is not None
            and not is_list
            and cur.kind in ("paragraph", "heading")
            and len(prev_text) > 40
            and not prev_text.rstrip().endswith(_TERMINAL)
            and (stripped[0].islower() or stripped[0].isdigit())
        )
        if continues:
            assert cur is not None  # `continues` starts with `cur is not None`
            cur.end = lend
            cur.kind = "paragraph"
        else:
            if cur:
                blocks.append(cur)
            kind = "list" if is_list else ("heading" if _looks_like_heading(stripped) else "paragraph")
            cur = Block(lstart, lend, kind)
        prev_text = stripped
    if cur:
        blocks.append(cur)
    return blocks


def _looks_like_heading(text: str) -> bool:
    return len(text) < 120 and not text.endswith(tuple(".!…;,")) and len(text.split()) <= 16


def _bad_boundary(text: str, cut: int) -> bool:
    """True when a sentence boundary at ``cut`` (offset in block text) is wrong."""
    before = text[:cut].rstrip()
    after = text[cut:].lstrip()
    if not before or not after:
        return False
    # decimals / thousands: "13,75" "13.75" "1 000" split across
    if before[-1].isdigit() and after[0].isdigit():
        return True
    if before[-1] in ",." and len(before) > 1 and before[-2].isdigit() and after[0].isdigit():
        return True
    # abbreviations: "M. Nadella", "etc. )"
    m = re.search(r"([A-Za-zÀ-ÿ°.\-]+)\.$", before)
    if m:
        word = m.group(1).lower()
        # a unit ends the sentence: "à 100 km/h. La ...", "vers 5 h. Puis ..." (no initial, no abbreviation)
        unit = m.group(1).islower() and re.search(r"(?:/|\d\s?)$", before[: m.start(1)]) is not None
        if not unit and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            return True
        if word in MONTH_ABBREVIATIONS and after[0].isdigit():
            return True  # "opened on Nov. 27 last season", "le 3 janv. 2026"
    # sentence must not start in lower case after something that is not terminal
    if not before.endswith(_TERMINAL) and (after[0].islower() or after[0] in "%€$»)”,;:"):
        return True
    # a lone closing quote or bracket
    if after[0] in "»)”":
        return True
    # unbalanced « … » : inside an open quotation
    if before.count("«") > before.count("»") and "»" in after:
        inner = before[before.rfind("«") :]
        if not inner.rstrip().endswith((".", "!", "?", "…")):
            return True
    return False


_CANDIDATE = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[»”])?[\"’)\]]*(?=\s+\S)")
_LEAD_MARK = re.compile(r"^(?:[•◦▪‣●○■□*·]|[-–—](?=\s))\s*")


def rule_cuts(text: str) -> list[int]:
    """Sentence starts inside a block (rule-based, language-agnostic, then repaired)."""
    cuts = []
    for m in _CANDIDATE.finditer(text):
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt >= len(text):
            continue
        ch = text[nxt]
        if ch in "*_" and nxt + 1 < len(text):
            ch = text[nxt + 1]
        if not (ch.isupper() or ch.isdigit() or ch in "«\"“(¿¡[•–—-'"):
            continue
        if _bad_boundary(text, nxt) or _inside_quote(text, nxt):
            continue
        cuts.append(nxt)
    return cuts


def _inside_quote(text: str, cut: int) -> bool:
    """Inside a « … » (or “ … ”) quotation that closes later in the block, short enough to keep whole."""
    for open_, close in (("«", "»"), ("“", "”")):
        before = text[:cut]
        o = before.rfind(open_)
        if o == -1 or before.rfind(close) > o:
            continue
        c = text.find(close, cut)
        if c != -1 and c - o < 500:
            return True
    return False


def _section_at(regions: list[tuple[int, int, str]], offset: int) -> str | None:
    for start, end, label in regions:
        if start <= offset < end:
            return label
    return None


def _bounded(start: int, end: int, view: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` cut into pieces of at most ``limit`` characters, at the last space when there is one."""
    out = []
    while end - start > limit:
        cut = view.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        out.append((start, cut))
        start = cut
        while start < end and view[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def _trimmed(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The piece without surrounding spaces and a leading bullet; None when nothing is left."""
    piece = view[start:end]
    lead_mark = _LEAD_MARK.match(piece.lstrip())
    lead = len(piece) - len(piece.lstrip()) + (lead_mark.end() if lead_mark else 0)
    trail = len(piece.rstrip())
    if trail <= lead or not any(ch.isalnum() for ch in piece[lead:trail]):
        return None
    return start + lead, start + trail


#: sentences parsed between two progress reports of ``segment_document``
PROGRESS_EVERY = 256


def _parse(nlp, texts: list[str], progress: Callable[[int, int], None] | None = None) -> list:
    """One spaCy ``Doc`` per text, each distinct text parsed once.

    A sentence's analysis depends on its text only (each is its own ``Doc``), so a sentence
    repeated word for word (a live blog's recurring line, a report's repeated caption, a
    page printed twice) shares the parse of its first occurrence; each ``Sentence`` still
    has its own offsets and its own ``Span``."""
    distinct = list(dict.fromkeys(texts))
    by_text = {}
    for n, (text, sdoc) in enumerate(zip(distinct, nlp.pipe(distinct, batch_size=128)), 1):
        by_text[text] = sdoc
        if progress is not None and (n % PROGRESS_EVERY == 0 or n == len(distinct)):
            progress(n, len(distinct))
    return [by_text[t] for t in texts]


def segment_document(
    doc: Document,
    nlp,
    *,
    clean_view: str | None = None,
    sections: list[tuple[int, int, str]] | None = None,
    notes: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Sentence]:
    """Segment ``doc`` into sentences.

    ``clean_view`` is the view with removed regions blanked (defaults to ``doc.view``);
    ``sections`` are ``(start, end, label)`` regions given by cleaning (faq, quote,
    attribution...).  What could not be analysed as it is (sentences over
    ``MAX_SENTENCE_CHARS``, text past ``MAX_ANALYSED_CHARS``) is described in ``notes``.
    ``progress(done, total)`` is told how many distinct sentences spaCy has parsed, every
    ``PROGRESS_EVERY`` and at the end.
    """
    view = clean_view if clean_view is not None else doc.view
    if len(view) > MAX_ANALYSED_CHARS:
        limit = MAX_ANALYSED_CHARS
        cut = view.rfind("\n", limit // 2, limit) + 1 or view.rfind(" ", limit // 2, limit) + 1 or limit
        if notes is not None:
            line, _ = doc.line_col(cut)
            notes.append(
                f"only the first {cut:,} of {len(view):,} characters were analysed "
                f"(the text from line {line} on was not checked)"
            )
        view = view[:cut]
    blocks = split_blocks(view)
    cut_long = 0
    sections = sections or []
    pieces: list[tuple[int, int, int, str]] = []  # (start, end, paragraph, section)
    for para, block in enumerate(blocks):
        text = view[block.start : block.end]
        cuts = set(rule_cuts(text))
        # bullets inside a line start new items
        for m in _BULLET_RE.finditer(text):
            if m.start() > 0 and text[: m.start()].strip():
                cuts.add(m.start())
        bounds = [0] + sorted(cuts) + [len(text)]
        labelled = _section_at(sections, block.start)
        section = labelled or ("list" if block.kind == "list" else "heading" if block.kind == "heading" else "body")
        if para == 0 and block.kind == "heading" and not pieces and not labelled:
            section = "title"
        for s, e in zip(bounds, bounds[1:]):
            span = _trimmed(view, block.start + s, block.start + e)
            if span is None:
                continue
            parts = _bounded(span[0], span[1], view, MAX_SENTENCE_CHARS)
            cut_long += len(parts) > 1
            for a, b in parts:
                kept = _trimmed(view, a, b) if len(parts) > 1 else (a, b)
                if kept is not None:
                    pieces.append((kept[0], kept[1], para, section))
    if cut_long and notes is not None:
        notes.append(
            f"{cut_long} sentence{'s' if cut_long != 1 else ''} longer than {MAX_SENTENCE_CHARS:,} characters "
            "cut into pieces for analysis"
        )
    texts = [view[a:b] for a, b, _, _ in pieces]
    parsed = _parse(nlp, texts, progress) if nlp is not None else [None] * len(texts)
    sentences: list[Sentence] = []
    for (a, b, para, section), sdoc in zip(pieces, parsed):
        sentences.append(
            Sentence(
                doc_id=doc.id,
                index=len(sentences),
                start=a,
                end=b,
                text=doc.text[a:b],
                language=doc.language,
                section=section,
                paragraph=para,
                tokens=sdoc[:] if sdoc is not None else None,
                annotations={"block_start": a},
            )
        )
    doc.sentences = sentences
    return sentences
