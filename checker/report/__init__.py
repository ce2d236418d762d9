"""Report model and writers.  Writers are registered through ``register_formats``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker import __version__
from checker.model import LEVELS, Document, Finding, InputError, level_at_least


@dataclass
class Report:
    """Everything a writer needs: documents, findings (already level-filtered), errors."""

    documents: list[Document]
    findings: list[Finding]
    errors: list[InputError] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    min_level: str = "suggestion"
    verbose: bool = False
    color: bool = False
    hidden_by_baseline: int = 0
    rules: list = field(default_factory=list)  # checker.rules.Rule objects the run loaded
    #: statistics and timings in the output (``check --stats`` or ``-v``); off, the output of
    #: two runs on the same input is byte-identical (timings and cache counters differ)
    show_stats: bool = False
    #: list suppressed and baselined findings in the text report (``check --show-suppressed``);
    #: off, they are only counted in its summary line
    show_suppressed: bool = False
    #: the errors behind exit code 2, as the CLI decided (``None``: every error but notices and a
    #: skipped optional model); the text report lists them as problems, the other errors as notes
    problems: list[InputError] | None = None
    #: language of the text and Markdown labels (``check --lang``, config ``lang:``); None: the
    #: articles' language (``checker.i18n.choose.report_language``)
    lang: str | None = None

    def __post_init__(self) -> None:
        # any input order, same bytes: documents are listed by path (findings are already sorted)
        self.documents = sorted(self.documents, key=lambda d: d.id)

    @property
    def visible(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    def silenced_counts(self) -> dict[str, int]:
        """How many findings are suppressed, by kind (``inline``, ``baseline``), each counted once."""
        counts: dict[str, int] = {}
        for f in self.findings:
            if f.suppressed is not None:
                kind = str(f.suppressed.get("kind") or "inline")
                counts[kind] = counts.get(kind, 0) + 1
        return counts

    def is_problem(self, error: InputError) -> bool:
        """An error that sets exit code 2; the others (notices, NLI rules skipped for want of a model
        nobody asked for) are notes."""
        if self.problems is not None:
            return any(error is p for p in self.problems)
        return error.kind not in ("notice", "model")

    def summary(self) -> dict[str, int]:
        counts = {lvl: 0 for lvl in reversed(LEVELS)}
        for f in self.visible:
            counts[f.level] += 1
        return counts

    @property
    def language(self) -> str:
        """The language of the labels: ``lang``, else the articles' (a mixed set: the draft's,
        else the first document's)."""
        from checker.i18n.choose import report_language

        return report_language(self.documents, self.lang)

    def counts_phrase(self, lang: str | None = None) -> str:
        """``0 errors, 1 warning, 4 suggestions`` (visible findings, most severe first), in
        ``lang`` (``0 erreur, 1 avertissement, 4 suggestions``); English by default."""
        from checker.i18n.catalog import plural

        counts = self.summary()
        return ", ".join(plural(f"level.{lvl}", counts[lvl], lang or "en") for lvl in reversed(LEVELS))

    def documents_phrase(self, lang: str | None = None) -> str:
        """``5 documents`` / ``1 document``."""
        from checker.i18n.catalog import plural

        return plural("report.documents", len(self.documents), lang or "en")

    def checked_phrase(self, lang: str | None = None) -> str:
        """``5 documents checked: 0 errors, 1 warning, 4 suggestions`` in ``lang``."""
        from checker.i18n.catalog import t

        key = "report.checked.one" if len(self.documents) <= 1 else "report.checked"
        return t(key, lang, documents=self.documents_phrase(lang), counts=self.counts_phrase(lang))

    def doc(self, doc_id: str) -> Document | None:
        for d in self.documents:
            if d.id == doc_id:
                return d
        return None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "version": 1,
            "tool": {"name": "factcheck", "version": __version__},
            "documents": [
                {
                    "path": d.id,
                    "language": d.language,
                    "sentences": len(d.sentences),
                    "format": d.format,
                    "encoding": d.encoding,
                    "role": d.role,
                    "removed": [{"start": r.start, "end": r.end, "reason": r.reason} for r in d.removed],
                }
                for d in self.documents
            ],
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
            "summary": self.summary(),
        }
        if self.show_stats:
            out["stats"] = self.stats
            out["timings"] = {k: round(v, 4) for k, v in self.timings.items()}
        return out


def filter_level(findings: list[Finding], min_level: str) -> list[Finding]:
    return [f for f in findings if level_at_least(f.level, min_level)]
