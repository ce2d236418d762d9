"""The interface every rule type implements.

A rule type turns sentences into ``Claim`` objects (``extract``), says which claims
could be about the same thing (``pair``; the default groups by blocking key), and
decides whether candidates disagree (``compare``).  An optional ``annotate`` step runs
before any extraction so that shared knowledge (canonical entities, for instance) is
available to every rule type.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from checker.model import CandidateGroup, Claim, Document, Finding

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext
    from checker.rules import Rule


class RuleType:
    #: Name used in YAML (``extends: <name>``) and as ``Finding.kind``.
    name: ClassVar[str] = ""
    #: JSON schema (draft 2020-12) for the rule's type-specific keys.  The core
    #: validates the common keys (id, extends, level, message, description, tests,
    #: enabled) itself; this schema validates the whole rule mapping.
    schema: ClassVar[dict[str, Any]] = {"type": "object"}
    #: Annotators run before extractors, lowest ``order`` first.
    order: ClassVar[int] = 100
    #: Whether ``factcheck rules test`` can run the rule's embedded ``tests:``.
    testable: ClassVar[bool] = True

    @classmethod
    def check_rule(cls, body: dict[str, Any]) -> list[tuple[tuple, str]]:
        """Checks beyond the JSON schema, run when rules are loaded (``rules validate`` too).

        Return ``[(path, message), ...]`` where ``path`` locates the offending key, e.g.
        ``(("patterns", 2), "unbalanced parentheses")``; the core turns each into a
        ``file:line:column`` error and drops the rule.
        """
        return []

    def __init__(self) -> None:
        self.ctx: RunContext | None = None
        self.rules: list[Rule] = []

    # -- life cycle -------------------------------------------------------------
    def setup(self, rules: list["Rule"], ctx: "RunContext") -> None:
        """Called once per run with this type's enabled rules.  Load models here."""
        self.rules = rules
        self.ctx = ctx

    # -- pipeline steps ---------------------------------------------------------
    def annotate(self, doc: Document, rules: list["Rule"]) -> None:
        """Add shared annotations to ``doc.sentences`` (optional)."""

    def extract(self, doc: Document, rules: list["Rule"]) -> list[Claim]:
        """Turn the document's sentences into claims."""
        return []

    def pair(self, claims: list[Claim], rules: list["Rule"]) -> Iterable[CandidateGroup]:
        """Group claims that may be about the same thing (default: shared blocking key)."""
        from checker.pairing import group_by_keys

        assert self.ctx is not None
        return group_by_keys(claims, self.ctx)

    def compare(self, groups: Iterable[CandidateGroup], rules: list["Rule"]) -> list[Finding]:
        """Decide conflict / compatible / unknown for the candidates; return findings."""
        return []

    def close(self) -> None:
        """Release resources at the end of a run (optional)."""
