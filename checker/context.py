"""Per-run state shared by the pipeline and the rule types."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.model import Claim, Document, InputError

log = logging.getLogger("factcheck")


@dataclass
class Options:
    """Run options coming from the CLI and the config file."""

    device: str = "cpu"
    cache_dir: Path | None = None
    use_cache: bool = True
    verbose: bool = False
    quiet: bool = False
    jobs: int = 1
    progress: bool = False
    languages: tuple[str, ...] = ("fr", "en", "es", "de", "it", "pt", "nl")
    default_language: str | None = None  # for short texts whose language cannot be told
    spacy_models: dict[str, str] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)  # free-form plugin settings from config


@dataclass
class RunContext:
    """What rule types may consult during a run.

    ``focus`` is the set of document ids in draft mode (``check DRAFT --against CORPUS``):
    only pairs involving at least one focused document are compared.
    """

    options: Options = field(default_factory=Options)
    documents: dict[str, Document] = field(default_factory=dict)
    focus: set[str] | None = None
    errors: list[InputError] = field(default_factory=list)
    stats: dict[str, dict[str, Any]] = field(default_factory=dict)
    nlp: Any = None  # checker.nlp.NlpProvider
    progress: Any = None  # progress(description, total) -> context manager with .advance(n)

    def __post_init__(self) -> None:
        if self.progress is None:
            from checker.progress import make_progress

            self.progress = make_progress(self.options.progress and not self.options.quiet)

    def allowed(self, doc_a: str, doc_b: str) -> bool:
        """Whether claims from these two documents may be compared."""
        if doc_a == doc_b:
            return False
        if self.focus is None:
            return True
        return doc_a in self.focus or doc_b in self.focus

    def claims_allowed(self, a: Claim, b: Claim) -> bool:
        return self.allowed(a.doc_id, b.doc_id)

    def error(self, path: str | None, message: str, *, line: int | None = None, column: int | None = None,
              kind: str = "input") -> InputError:
        err = InputError(path=path, message=message, line=line, column=column, kind=kind)
        self.errors.append(err)
        log.debug("error recorded: %s", err)
        return err

    def stat(self, kind: str, key: str, value: Any) -> None:
        """Record a statistic for ``kind`` (shown in --verbose and the JSON summary)."""
        self.stats.setdefault(kind, {})[key] = value

    def add_stat(self, kind: str, key: str, amount: int | float = 1) -> None:
        bucket = self.stats.setdefault(kind, {})
        bucket[key] = bucket.get(key, 0) + amount
