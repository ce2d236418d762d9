"""Inline suppressions: comments in the articles that silence reviewed findings.

Syntax (the same HTML comment in Markdown, HTML and plain-text articles)::

    <!-- factcheck-disable -->                      every rule, until the next enable
    <!-- factcheck-disable fr.amount, fr.date* -->  these rules (shell-style globs allowed)
    <!-- factcheck-enable -->                       end of every disable above
    <!-- factcheck-enable fr.amount -->             re-enable one rule (also after a plain disable)
    <!-- factcheck-disable-next-line fr.amount -->  the next non-blank line only
    <!-- factcheck-disable-line fr.amount -->       the line that holds the comment
    <!-- factcheck-disable fr.amount["13,75 milliards"] -- checked with the CFO -->

A rule pattern followed by ``["text"]`` (or ``['text']``, ``«text»``, ``“text”``) only
silences findings whose evidence in *that* document contains the text (compared without
Markdown/HTML markup, case and runs of whitespace).  Everything after `` -- `` is the
justification, kept in the report.  A ``disable`` without a matching ``enable`` runs to
the end of the document, so a match-specific directive placed at the top covers the
whole article.

A finding is silenced when a directive in the document of *any* of its sides covers
that side's evidence: an editor can acknowledge a disagreement from either article.
Nothing is removed: :func:`apply_inline` only sets ``finding.suppressed``; the writers
decide how to show suppressed findings (JSON and SARIF keep them, marked).
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.model import Document, Finding, InputError

__all__ = ["Directive", "DirectiveItem", "parse_directives", "apply_inline"]

# any comment that mentions factcheck-...; the directive name is validated afterwards so a
# typo ("factcheck-disabel") is reported instead of silently ignored
_COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.S)
_HEAD = re.compile(r"\s*factcheck-(?P<name>[A-Za-z-]+)(?P<rest>.*)\Z", re.S)
DIRECTIVES = ("disable", "enable", "disable-next-line", "disable-line")
_QUOTES = {'"': '"', "'": "'", "«": "»", "“": "”", "„": "“"}
_RULE_PATTERN = re.compile(r"[^\s,\[\"'«“„]+")


@dataclass(frozen=True)
class DirectiveItem:
    """One rule pattern of a directive, optionally restricted to evidence containing ``match``."""

    pattern: str = "*"
    match: str | None = None

    def covers(self, rule_id: str) -> bool:
        return fnmatch.fnmatchcase(rule_id, self.pattern)


@dataclass
class Directive:
    """A parsed ``factcheck-*`` comment of one document (offsets into ``Document.text``)."""

    name: str  # disable | enable | disable-next-line | disable-line
    items: tuple[DirectiveItem, ...]  # empty = every rule
    justification: str
    start: int
    end: int
    line: int
    doc_id: str = ""
    # for line directives: the [start, end) character range they cover
    scope: tuple[int, int] | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def location(self) -> str:
        return f"{self.doc_id}:{self.line}"

    def suppression(self) -> dict:
        return {"kind": "inline", "justification": self.justification, "location": self.location}


def _normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _split_justification(rest: str) -> tuple[str, str]:
    """Split ``RULES -- why`` at the first `` --`` that is not inside a quoted match string."""
    i = 0
    closing = None
    while i < len(rest):
        ch = rest[i]
        if closing:
            if ch == "\\":
                i += 2
                continue
            if ch == closing:
                closing = None
        elif ch in _QUOTES:
            closing = _QUOTES[ch]
        elif rest.startswith("--", i) and (i == 0 or rest[i - 1].isspace()):
            return rest[:i], rest[i + 2 :].strip()
        i += 1
    return rest, ""


def _parse_items(spec: str) -> tuple[tuple[DirectiveItem, ...], list[str]]:
    """Parse ``rule, rule2["text"], fr.*`` into items; returns (items, problems)."""
    items: list[DirectiveItem] = []
    problems: list[str] = []
    i, n = 0, len(spec)
    while i < n:
        while i < n and (spec[i].isspace() or spec[i] == ","):
            i += 1
        if i >= n:
            break
        m = _RULE_PATTERN.match(spec, i)
        if m is None:
            # a match string without a rule pattern: applies to every rule
            pattern = "*"
        else:
            pattern = m.group(0)
            i = m.end()
        while i < n and spec[i].isspace():
            i += 1
        match = None
        bracket = i < n and spec[i] == "["
        if bracket:
            i += 1
            while i < n and spec[i].isspace():
                i += 1
        if i < n and spec[i] in _QUOTES:
            closing = _QUOTES[spec[i]]
            j = i + 1
            buf = []
            while j < n and spec[j] != closing:
                if spec[j] == "\\" and j + 1 < n:
                    j += 1
                buf.append(spec[j])
                j += 1
            if j >= n:
                problems.append(f"unterminated quoted text after '{pattern}'")
                i = n
            else:
                match = "".join(buf)
                i = j + 1
                if not match.strip():
                    problems.append(f"empty quoted text after '{pattern}'")
                    match = None
        elif bracket:
            problems.append(f"expected a quoted text inside '[...]' after '{pattern}'")
        if bracket:
            while i < n and spec[i].isspace():
                i += 1
            if i < n and spec[i] == "]":
                i += 1
            else:
                problems.append(f"missing ']' after the quoted text of '{pattern}'")
        if m is None and match is None:
            problems.append(f"cannot read the rule list at '{spec[i:].strip()[:30]}'")
            break
        items.append(DirectiveItem(pattern=pattern, match=match))
    return tuple(items), problems


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


def parse_directives(doc: Document) -> list[Directive]:
    """All ``factcheck-*`` comments of ``doc`` in text order (malformed ones carry ``problems``)."""
    text = doc.text
    if "factcheck-" not in text:
        return []
    out: list[Directive] = []
    for cm in _COMMENT.finditer(text):
        head = _HEAD.match(cm.group("body"))
        if head is None:
            continue
        name = head.group("name").lower().rstrip("-")
        line = doc.line_col(cm.start())[0]
        spec, why = _split_justification(head.group("rest"))
        items, problems = _parse_items(spec)
        if name not in DIRECTIVES:
            problems = [
                f"unknown directive 'factcheck-{name}' (expected one of: "
                + ", ".join(f"factcheck-{d}" for d in DIRECTIVES)
                + ")"
            ]
        d = Directive(
            name=name,
            items=items,
            justification=why,
            start=cm.start(),
            end=cm.end(),
            line=line,
            doc_id=doc.id,
            problems=problems,
        )
        if name == "disable-line":
            d.scope = _line_bounds(text, cm.start())
        elif name == "disable-next-line":
            # the next line that has text once markup is masked (blank lines are skipped)
            view = doc.view
            pos = text.find("\n", cm.end())
            d.scope = None
            while pos >= 0:
                ls, le = _line_bounds(text, pos + 1)
                if view[ls:le].strip():
                    d.scope = (ls, le)
                    break
                if le >= len(text):
                    break
                pos = le
            if d.scope is None:
                d.problems.append("factcheck-disable-next-line is followed by no line with text")
        out.append(d)
    return out


@dataclass
class _State:
    """Which rules are disabled from one offset on (block directives only)."""

    offset: int
    all_by: Directive | None = None  # plain "disable" in force
    except_patterns: tuple[str, ...] = ()  # rules re-enabled while all_by is in force
    active: tuple[tuple[DirectiveItem, Directive], ...] = ()


def _block_states(directives: list[Directive]) -> list[_State]:
    states = [_State(offset=0)]
    for d in directives:
        if d.problems or d.name not in ("disable", "enable"):
            continue
        cur = states[-1]
        all_by, excepts, active = cur.all_by, list(cur.except_patterns), list(cur.active)
        if d.name == "disable":
            if not d.items:
                all_by, excepts = d, []
            else:
                active.extend((item, d) for item in d.items)
                excepts = [p for p in excepts if not any(fnmatch.fnmatchcase(p, it.pattern) for it in d.items)]
        else:  # enable
            if not d.items:
                all_by, excepts, active = None, [], []
            else:
                pats = [it.pattern for it in d.items]
                active = [
                    (it, src)
                    for it, src in active
                    if not any(it.pattern == p or fnmatch.fnmatchcase(it.pattern, p) for p in pats)
                ]
                if all_by is not None:
                    excepts.extend(pats)
        states.append(_State(offset=d.end, all_by=all_by, except_patterns=tuple(excepts), active=tuple(active)))
    return states


class _DocSuppressions:
    def __init__(self, doc: Document):
        self.doc = doc
        self.directives = parse_directives(doc)
        self.states = _block_states(self.directives)
        self.offsets = [s.offset for s in self.states]
        self.line_directives = [
            d for d in self.directives if d.name in ("disable-line", "disable-next-line") and d.scope and not d.problems
        ]

    def _matches(self, item: DirectiveItem, rule_id: str, start: int, end: int) -> bool:
        if not item.covers(rule_id):
            return False
        if item.match is None:
            return True
        needle = _normalize(item.match)
        text, view = self.doc.text, self.doc.view
        if needle in _normalize(text[start:end]) or needle in _normalize(view[start:end]):
            return True
        # the text may be longer than the evidence: accept an occurrence that overlaps it
        ls = text.rfind("\n", 0, start) + 1
        le = text.find("\n", end)
        le = len(text) if le < 0 else le
        line_view = view[ls:le]
        for hay in (line_view, text[ls:le]):
            # map normalized positions back is costly; scan raw occurrences on the line instead
            folded = hay.casefold()
            probe = item.match.casefold().split()
            if not probe:
                return False
            pat = r"\s+".join(re.escape(p) for p in probe)
            for m in re.finditer(pat, folded):
                if ls + m.start() < end and ls + m.end() > start:
                    return True
        return False

    def covering(self, rule_id: str, start: int, end: int) -> Directive | None:
        """The directive that silences ``rule_id`` for the evidence [start, end), if any."""
        for d in self.line_directives:
            assert d.scope is not None  # line_directives keeps only directives with a scope
            s, e = d.scope
            if start < e and end > s or (start == end and s <= start <= e):
                if not d.items:
                    return d
                for item in d.items:
                    if self._matches(item, rule_id, start, end):
                        return d
        state = self.states[bisect_right(self.offsets, start) - 1]
        if state.all_by is not None and not any(fnmatch.fnmatchcase(rule_id, p) for p in state.except_patterns):
            return state.all_by
        for item, src in state.active:
            if self._matches(item, rule_id, start, end):
                return src
        return None


def apply_inline(
    findings: list[Finding], documents: dict[str, Document], errors: list[InputError] | None = None
) -> int:
    """Mark the findings silenced by inline comments; return how many were newly suppressed.

    ``documents`` maps document ids (``Evidence.doc_id``) to documents; directives are read
    from each ``doc.text``.  A finding is suppressed when a directive of any of its sides'
    documents covers that side's evidence; ``finding.suppressed`` becomes
    ``{"kind": "inline", "justification": <text after "--" or "">, "location": "path:line"}``.
    Findings already suppressed (e.g. by a baseline) are left as they are.  Malformed
    directives (unknown name, unterminated quote) silence nothing and, when ``errors`` is
    given, are reported there as ``InputError(kind="config")`` with the file and line.
    """
    cache: dict[str, _DocSuppressions | None] = {}

    def for_doc(doc_id: str) -> _DocSuppressions | None:
        if doc_id not in cache:
            doc = documents.get(doc_id)
            sup = cache[doc_id] = _DocSuppressions(doc) if doc is not None else None
            if doc is not None and sup is not None and errors is not None:
                for d in sup.directives:
                    for problem in d.problems:
                        errors.append(
                            InputError(
                                path=doc.id, line=d.line, message=f"suppression comment: {problem}", kind="config"
                            )
                        )
        return cache[doc_id]

    # parse every document once so malformed directives are reported even without findings
    if errors is not None:
        for doc_id in documents:
            for_doc(doc_id)
    count = 0
    for f in findings:
        if f.suppressed is not None:
            continue
        for ev in f.evidence:
            sup = for_doc(ev.doc_id)
            if sup is None or not sup.directives:
                continue
            d = sup.covering(f.rule_id, ev.start, ev.end)
            if d is not None:
                f.suppressed = d.suppression()
                count += 1
                break
    return count


def directives_of(documents: Iterable[Document]) -> dict[str, list[Directive]]:
    """Parsed directives per document id (for ``--verbose`` listings and the HTML report)."""
    return {d.id: parse_directives(d) for d in documents}
