"""A prepared document: what cleaning, segmenting, annotating and extracting produced.

It is the one unit that the serial preparer, the process pool, the Dask backend and the
analysis cache all exchange, and :meth:`PreparedDoc.apply` is the one way it is put back
onto a run: document fields, claims by rule type, the errors it raised (a rule's own
problem, found by every worker that builds the same lexicon, is reported once) and what
it added to the run statistics.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from checker.model import Document, InputError

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext

#: Document fields a preparation sets (``text``/``view`` are the reader's already).
DOC_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("id", "text", "view", "_line_starts"))
#: The per-document stages whose time a preparation records.
STAGES = ("clean", "segment", "annotate", "extract")

Stats = dict[str, dict[str, Any]]


@dataclass
class PreparedDoc:
    """One prepared document; ``index`` is its position in the run's document list."""

    fields: dict[str, Any]  # Document fields (sentences carry no spaCy tokens once pickled)
    claims: dict[str, list]  # rule type -> claims
    errors: list[InputError] = field(default_factory=list)
    stats: Stats = field(default_factory=dict)  # what the document added to the run statistics
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    index: int = 0

    @classmethod
    def of(
        cls,
        doc: Document,
        claims: dict[str, list],
        errors: list[InputError],
        stats: Stats,
        timings: dict[str, float] | None = None,
        index: int = 0,
    ) -> PreparedDoc:
        return cls(
            fields={k: getattr(doc, k) for k in DOC_FIELDS},
            claims=claims,
            errors=list(errors),
            stats=stats,
            timings=dict(timings or {}),
            index=index,
        )

    def fresh(self) -> PreparedDoc:
        """A copy for one run of a preparation kept in memory (``factcheck serve``'s corpus).

        The claims, their ``value`` and ``data`` dicts are new objects, so what one run's pairing
        writes onto its claims (vectors, marks) never reaches the next run; the analysis they
        point to (sentences, quantities) is shared and only read."""
        return PreparedDoc(
            fields=dict(self.fields),
            claims={name: [_copy_claim(c) for c in got] for name, got in self.claims.items()},
            errors=list(self.errors),
            stats={k: dict(v) for k, v in self.stats.items()},
            timings=dict(self.timings),
            index=self.index,
        )

    def strip_tokens(self) -> None:
        """Drop spaCy objects before the document leaves its process."""
        for s in self.fields.get("sentences") or []:
            s.tokens = None

    def apply(
        self,
        doc: Document,
        ctx: RunContext,
        claims_by_type: dict[str, list],
        seen_rule_errors: set[tuple] | None = None,
    ) -> None:
        """Put this preparation onto ``doc``, its claims into ``claims_by_type``, the rest into ``ctx``."""
        for k, v in self.fields.items():
            if getattr(doc, k) is not v:
                setattr(doc, k, v)
        seen = seen_rule_errors if seen_rule_errors is not None else rule_error_keys(ctx)
        for e in self.errors:
            if e.kind == "rule":
                if error_key(e) in seen:
                    continue
                seen.add(error_key(e))
            ctx.errors.append(e)
        for name, got in self.claims.items():
            claims_by_type.setdefault(name, []).extend(got)
        add_stats(ctx, self.stats)


def _copy_claim(claim: Any) -> Any:
    out = copy.copy(claim)
    for name in ("value", "data"):
        got = getattr(claim, name, None)
        if isinstance(got, dict):
            setattr(out, name, dict(got))
    return out


def merge_prepared(
    docs: list[Document], prepared: list[PreparedDoc], ctx: RunContext, claims_by_type: dict[str, list]
) -> dict[str, float]:
    """Apply preparations in document order; return the summed seconds per stage."""
    seen = rule_error_keys(ctx)
    stage_seconds = {k: 0.0 for k in STAGES}
    for p in sorted(prepared, key=lambda p: p.index):
        p.apply(docs[p.index], ctx, claims_by_type, seen)
        for k, v in p.timings.items():
            stage_seconds[k] = stage_seconds.get(k, 0.0) + v
    return stage_seconds


# ---------------------------------------------------------------------------------------
# errors and statistics a preparation adds to a run
# ---------------------------------------------------------------------------------------
def error_key(e: InputError) -> tuple:
    return (e.kind, e.path, e.line, e.column, e.message)


def rule_error_keys(ctx: RunContext) -> set[tuple]:
    return {error_key(e) for e in ctx.errors if e.kind == "rule"}


class ContextMark:
    """The state of a run context before one document: what it then adds can be taken out."""

    def __init__(self, ctx: RunContext) -> None:
        self.ctx = ctx
        self.n_errors = len(ctx.errors)
        self.stats = {k: dict(v) for k, v in ctx.stats.items()}

    def take(self) -> tuple[list[InputError], Stats]:
        """Remove and return the errors and statistics added since the mark."""
        errors = self.ctx.errors[self.n_errors :]
        del self.ctx.errors[self.n_errors :]
        delta = stats_delta(self.stats, self.ctx.stats)
        self.ctx.stats.clear()
        self.ctx.stats.update({k: dict(v) for k, v in self.stats.items()})
        return errors, delta


def stats_delta(before: Stats, after: Stats) -> Stats:
    out: Stats = {}
    for kind, bucket in after.items():
        old = before.get(kind, {})
        for key, value in bucket.items():
            if key in old and old[key] == value:
                continue
            if _is_number(value) and _is_number(old.get(key)):
                value = value - old[key]
            out.setdefault(kind, {})[key] = value
    return out


def add_stats(ctx: RunContext, delta: Stats) -> None:
    for kind, bucket in delta.items():
        for key, value in bucket.items():
            old = ctx.stats.get(kind, {}).get(key)
            if _is_number(value) and _is_number(old):
                ctx.stats[kind][key] = old + value
            else:
                ctx.stat(kind, key, value)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)
