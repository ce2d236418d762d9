"""The interface every rule type implements.

A rule type turns sentences into ``Claim`` objects (``extract``), says which claims
could be about the same thing (``pair``; the default groups by blocking key), and
decides whether candidates disagree (``compare``).

An *annotator* adds shared knowledge to sentences before any extraction (``annotate``)
and declares what it assigns in ``provides`` (the built-in ``entities`` annotator
provides ``"entities"``).  A rule type that reads an annotation declares it in
``requires``; the host runs providers first and activates them whenever a rule type
that requires them runs, like spaCy's components with ``assigns``/``requires``.

The contract, checked when a plugin registers the class (``checker.plugins``):

* a rule type defines ``extract`` **and** ``compare``, or it is an annotator: it
  defines ``annotate`` and declares ``provides``;
* ``requires`` names only what some registered rule type provides (checked per run).

Optional members (declared here so that a misspelling is an ``AttributeError`` in
the author's tests, not a silent no-op):

* ``version``: part of the analysis-cache key; bump it when extraction changes without
  a change to the plugin's files (e.g. a new model);
* ``prepared_state()`` / ``merge_prepared_state(states)``: per-run state filled during
  ``annotate``/``extract`` in worker processes and merged back in the parent;
* ``check_rule(body)``: checks beyond the JSON schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

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
    #: Annotations this rule type assigns to sentences in ``annotate`` (e.g. ``("entities",)``).
    provides: ClassVar[tuple[str, ...]] = ()
    #: Annotations this rule type reads; their providers run first and are always active with it.
    requires: ClassVar[tuple[str, ...]] = ()
    #: Tie-breaker between rule types that do not depend on each other (lower runs first).
    order: ClassVar[int] = 100
    #: Whether ``factcheck rules test`` can run the rule's embedded ``tests:``.
    testable: ClassVar[bool] = True
    #: Extra identity for the analysis cache (see the module docstring).
    version: ClassVar[str] = ""
    #: Placeholders a rule's ``message`` may use (``"a.value"``, ``"b.doc"``, ``"reason"``...):
    #: a message naming another one is refused at load time with the closest suggested, and
    #: docs/rules.md lists them.  ``None``: not declared, messages are not checked.  A declared
    #: name also admits its prefixes (``a.time`` for ``a.time.tense``).
    placeholders: ClassVar[tuple[str, ...] | None] = None

    @classmethod
    def check_rule(cls, body: dict[str, Any]) -> list[tuple[tuple, str]]:
        """Checks beyond the JSON schema, run when rules are loaded (``rules validate`` too).

        Return ``[(path, message), ...]`` where ``path`` locates the offending key, e.g.
        ``(("patterns", 2), "unbalanced parentheses")``; the core turns each into a
        ``file:line:column`` error and drops the rule.
        """
        return []

    @classmethod
    def defines(cls, method: str) -> bool:
        """Whether this class (or a base other than ``RuleType``) implements ``method``."""
        return getattr(cls, method, None) is not getattr(RuleType, method, None)

    @classmethod
    def contract_problem(cls) -> str | None:
        """Why this class does not honour the rule-type contract, or None."""
        for field in ("provides", "requires"):
            value = getattr(cls, field)
            if not (isinstance(value, tuple) and all(isinstance(v, str) and v for v in value)):
                return f"`{field}` must be a tuple of names"
        if cls.defines("annotate"):
            if not cls.provides:
                return "defines annotate but declares nothing in `provides`"
            if cls.defines("extract") != cls.defines("compare"):
                return "an annotator that extracts must define both extract and compare"
            return None
        missing = [m for m in ("extract", "compare") if not cls.defines(m)]
        if missing:
            return f"does not define {' and '.join(missing)} (and is no annotator)"
        return None

    def __init__(self) -> None:
        self.ctx: RunContext | None = None
        self.rules: list[Rule] = []

    # -- life cycle -------------------------------------------------------------
    def setup(self, rules: list[Rule], ctx: RunContext) -> None:
        """Called once per run with this type's enabled rules.

        Load models here unless ``ctx.prepare_only`` (a worker process that only
        annotates and extracts); ``compare`` runs in the parent.
        """
        self.rules = rules
        self.ctx = ctx

    # -- pipeline steps ---------------------------------------------------------
    def annotate(self, doc: Document, rules: list[Rule]) -> None:
        """Add the annotations named in ``provides`` to ``doc.sentences`` (annotators only)."""
        raise NotImplementedError(f"rule type {self.name!r} is no annotator")

    def extract(self, doc: Document, rules: list[Rule]) -> list[Claim]:
        """Turn the document's sentences into claims."""
        raise NotImplementedError(f"rule type {self.name!r} does not define extract")

    def pair(self, claims: list[Claim], rules: list[Rule]) -> Iterable[CandidateGroup]:
        """Group claims that may be about the same thing (default: shared blocking key)."""
        from checker.pairing import group_by_keys

        assert self.ctx is not None
        return group_by_keys(claims, self.ctx)

    def compare(self, groups: Iterable[CandidateGroup], rules: list[Rule]) -> list[Finding]:
        """Decide conflict / compatible / unknown for the candidates; return findings."""
        raise NotImplementedError(f"rule type {self.name!r} does not define compare")

    def prepared_state(self) -> Any:
        """Per-run state a worker process sends back after its documents (optional).

        Return None when there is none (the default); only called where
        :meth:`defines` says the subclass implements it.
        """
        return None

    def merge_prepared_state(self, states: list[Any]) -> None:
        """Merge what :meth:`prepared_state` returned in each worker, in chunk order (optional)."""

    def close(self) -> None:
        """Release resources at the end of a run (optional)."""
