"""Plain data classes shared by the core and every plugin.

Offsets are always character offsets into ``Document.text``, the decoded original
file, so a finding can point at the exact line and column an editor sees.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

LEVELS = ("suggestion", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}


def level_at_least(level: str, threshold: str) -> bool:
    """True when ``level`` is at or above ``threshold`` (``none`` is never reached)."""
    if threshold == "none":
        return False
    return LEVEL_RANK[level] >= LEVEL_RANK[threshold]


def entity_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key of an entity name or id.

    Compare a rule's ``entities: [Microsoft]`` with ``EntityMention.id`` through this key:
    entities declared in YAML keep their declared id ("Microsoft"), others get a folded id
    ("orphea" for "Orphéa"), and both sides must meet.
    """
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


@dataclass(frozen=True)
class Region:
    """A stretch of the original text removed by cleaning, with the reason."""

    start: int
    end: int
    reason: str


@dataclass
class EntityMention:
    """A mention of a canonical entity (``id``) inside a sentence, document offsets."""

    id: str
    text: str
    start: int
    end: int
    label: str = ""
    source: str = "ner"  # ner | alias


@dataclass(eq=False)
class Sentence:
    """One sentence of a document.

    ``text`` is the original text between ``start`` and ``end``; ``tokens`` is the spaCy
    ``Span`` covering the same characters (``None`` when no pipeline ran).  Annotators
    (e.g. the ``entities`` rule type) fill ``entities`` and ``annotations``.
    """

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    language: str
    section: str = "body"  # title | heading | body | list | quote | faq | attribution
    paragraph: int = 0
    tokens: Any = None
    entities: list[EntityMention] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)

    def entity_ids(self) -> set[str]:
        return {m.id for m in self.entities}

    def token_offsets(self, token) -> tuple[int, int]:
        """Document offsets (start, end) of a spaCy token (or span) of ``tokens``."""
        base = self.annotations.get("block_start", self.start)
        start = base + (token.idx if hasattr(token, "idx") else token.start_char)
        length = len(token.text)
        return start, start + length

    def __repr__(self) -> str:  # short, for test failure messages
        return f"Sentence({self.doc_id}#{self.index} {self.text[:60]!r})"


@dataclass(eq=False)
class Document:
    """One input article.

    ``text`` is the decoded original; ``view`` has the same length with markup (HTML
    tags, Markdown syntax, comments) replaced by spaces so that offsets never drift.
    """

    id: str
    text: str
    view: str = ""
    path: str | None = None
    language: str = "und"
    format: str = "txt"
    encoding: str = "utf-8"
    role: str = "article"  # article | draft | corpus
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[Region] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    _line_starts: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.view:
            self.view = self.text
        if len(self.view) != len(self.text):
            raise ValueError("Document.view must have the same length as Document.text")

    @property
    def name(self) -> str:
        """Short display name: the file name without directories."""
        return self.id.replace("\\", "/").rsplit("/", 1)[-1]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        if self._line_starts is None:
            starts = [0]
            for i, ch in enumerate(self.text):
                if ch == "\n":
                    starts.append(i + 1)
            self._line_starts = starts
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(eq=False)
class Claim:
    """Something a rule type extracted from one sentence.

    ``keys`` are blocking keys: claims of the same kind that share a key and come from
    different documents become candidates for comparison.  ``value`` is the JSON-ready
    normalised value shown in the evidence; ``data`` is private to the plugin.
    """

    kind: str
    doc_id: str
    sentence: Sentence
    start: int
    end: int
    keys: tuple[str, ...] = ()
    value: dict[str, Any] = field(default_factory=dict)
    rule_id: str | None = None
    data: Any = None

    @property
    def text(self) -> str:
        s = self.sentence
        return s.text[self.start - s.start : self.end - s.start]


@dataclass(eq=False)
class CandidateGroup:
    """Claims that may be about the same thing, from at least two documents."""

    key: str
    claims: list[Claim]


@dataclass
class Evidence:
    """One side of a finding.  The core fills quote/line/column from the document."""

    doc_id: str
    start: int
    end: int
    quote: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    value: dict[str, Any] | None = None

    @classmethod
    def from_claim(cls, claim: Claim, *, whole_sentence: bool = False, value: dict | None = None) -> Evidence:
        start, end = (claim.sentence.start, claim.sentence.end) if whole_sentence else (claim.start, claim.end)
        return cls(
            doc_id=claim.doc_id, start=start, end=end, value=value if value is not None else (claim.value or None)
        )

    def to_dict(self) -> dict[str, Any]:
        out = {
            "path": self.doc_id,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "quote": self.quote,
        }
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass
class Finding:
    """One disagreement between two or more documents, or (``within_document``) a statement
    that contradicts itself inside one document (a weekday that is not its date's)."""

    rule_id: str
    kind: str
    level: str
    message: str
    evidence: list[Evidence]
    score: float = 1.0
    explanation: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    suppressed: dict[str, Any] | None = None  # {"kind": "inline"|"baseline", "justification": ...}
    within_document: bool = False  # evidence from one document only

    def documents(self) -> list[str]:
        seen: list[str] = []
        for ev in self.evidence:
            if ev.doc_id not in seen:
                seen.append(ev.doc_id)
        return seen

    def to_dict(self) -> dict[str, Any]:
        out = {
            "rule_id": self.rule_id,
            "kind": self.kind,
            "level": self.level,
            "message": self.message,
            "score": round(float(self.score), 4),
            "evidence": [ev.to_dict() for ev in self.evidence],
            "explanation": self.explanation,
            "fingerprint": self.fingerprint,
        }
        if self.within_document:
            out["within_document"] = True
        if self.suppressed is not None:
            out["suppressed"] = self.suppressed
        return out


@dataclass
class InputError:
    """A problem with something the user gave (file, rule, plugin, model)."""

    path: str | None
    message: str
    line: int | None = None
    column: int | None = None
    kind: str = "input"  # input | config | rule | plugin | model

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "column": self.column, "kind": self.kind, "message": self.message}

    def __str__(self) -> str:
        where = self.path or "<factcheck>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
