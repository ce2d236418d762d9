"""The warm corpus of ``factcheck serve`` and the checks of drafts against it.

A check here gives the same report as ``factcheck check DRAFT --against CORPUS -f json``
run from the same working directory with the same configuration: the same documents
(the corpus read with ``role="corpus"``, a draft that is a corpus file left out of the
corpus), the same run (``Checker.run`` with the draft as focus), the same suppression
(inline directives, then the baseline) and the same level filter.

The corpus files are read once (and again on :meth:`WarmCorpus.reload`); every check runs
on fresh copies, so no run sees what an earlier one did to its documents.  Their analysis
comes from the analysis cache, so only the draft is analysed.  Checks are serialised by a
lock: the checker and its models are shared.
"""

from __future__ import annotations

import copy
import io
import threading
import time
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from checker.model import Document, InputError
from checker.text.load import TEXT_SUFFIXES, expand_paths, load_paths, make_document, read_document

DEFAULT_DRAFT_NAME = "draft.txt"


class DraftError(Exception):
    """A request that cannot be checked: its message is for the client; ``status`` the HTTP code."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _same_file_key(doc: Document) -> str:
    return str(Path(doc.path).resolve()) if doc.path else doc.id


class WarmCorpus:
    """One corpus directory, read once, and a checker kept warm to check drafts against it."""

    def __init__(
        self,
        checker: Any,
        root: str,
        *,
        min_level: str = "suggestion",
        baseline: str | None = None,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        config_errors: Iterable[InputError] = (),
    ) -> None:
        if not Path(root).is_dir():
            raise DraftError(f"{root}: the corpus must be a directory", status=500)
        self.checker = checker
        checker.keep_corpus_in_memory = True  # corpus preparations stay in memory between checks
        self.root = root
        self.min_level = min_level
        self.baseline = baseline
        self.include = list(include)
        self.exclude = list(exclude)
        self.config_errors = list(config_errors)
        self._lock = threading.RLock()
        self.documents: list[Document] = []
        self.errors: list[InputError] = []
        self.loaded_at = 0.0
        self._snapshot: dict[str, tuple[int, int]] = {}
        self.reload()

    # -- the corpus -----------------------------------------------------------------------
    def reload(self) -> dict[str, Any]:
        """Read the corpus files again; returns what ``POST /corpus/reload`` answers."""
        with self._lock:
            snapshot = self.snapshot()
            loaded = load_paths([self.root], include=self.include, exclude=self.exclude, role="corpus")
            self.documents = list(loaded.documents)
            self.errors = list(loaded.errors)
            self._snapshot = snapshot
            self.loaded_at = time.time()
            return self.describe()

    def describe(self) -> dict[str, Any]:
        return {
            "corpus": self.root,
            "documents": len(self.documents),
            "errors": [e.to_dict() for e in self.errors],
            "loaded_at": round(self.loaded_at, 3),
        }

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """``{file: (mtime_ns, size)}`` of the corpus files (what the watcher compares)."""
        files, _ = expand_paths([self.root], self.include, self.exclude)
        out: dict[str, tuple[int, int]] = {}
        for f in files:
            try:
                st = Path(f).stat()
            except OSError:
                continue
            out[f] = (st.st_mtime_ns, st.st_size)
        return out

    def changed(self) -> bool:
        """Whether a corpus file was added, removed or modified since the last (re)load."""
        return self.snapshot() != self._snapshot

    def warm_up(self) -> None:
        """Load the models and fill the analysis cache: the first corpus article checked as a draft."""
        if self.documents:
            with self._lock:
                self._check(copy.deepcopy(self.documents[0]))

    # -- drafts ---------------------------------------------------------------------------
    def check_text(self, text: str, name: str = DEFAULT_DRAFT_NAME) -> dict[str, Any]:
        """Check a draft given as text; ``name`` is its document id and, by its suffix, its format."""
        if not text.strip():
            raise DraftError("'text' is empty: nothing to check")
        fmt = TEXT_SUFFIXES.get(PurePosixPath(name).suffix.lower(), "txt")
        return self._check(make_document(text, name, fmt=fmt, role="draft"))

    def check_path(self, relative: str) -> dict[str, Any]:
        """Check a file under the corpus directory (named relative to it) against the rest."""
        path = self.resolve(relative)
        try:
            doc = read_document(path, role="draft")
        except ValueError as exc:
            raise DraftError(f"{relative}: cannot be read: {exc}", status=422) from None
        except OSError as exc:
            raise DraftError(f"{relative}: cannot be read: {exc.strerror or exc}", status=422) from None
        if not doc.view.strip():
            raise DraftError(f"{relative}: empty article: nothing to check", status=422)
        return self._check(doc)

    def resolve(self, relative: str) -> str:
        """The path of a corpus file as the CLI would be given it (``CORPUS/relative``); refuses
        absolute paths and anything that leaves the corpus directory (``..``, links out)."""
        pure = PurePosixPath(relative.replace("\\", "/"))
        if not relative.strip() or pure.is_absolute() or (pure.parts and pure.parts[0].endswith(":")):
            raise DraftError("'path' must be relative to the corpus directory")
        root = Path(self.root).resolve()
        target = (root / pure).resolve()
        if target != root and root not in target.parents:
            raise DraftError("'path' leads outside the corpus directory", status=403)
        if not target.is_file():
            raise DraftError(f"{relative}: no such file in the corpus", status=404)
        return (PurePosixPath(Path(self.root).as_posix()) / target.relative_to(root).as_posix()).as_posix()

    def _check(self, draft: Document) -> dict[str, Any]:
        with self._lock:
            key = _same_file_key(draft)
            docs = [draft] + [copy.deepcopy(d) for d in self.documents if _same_file_key(d) != key]
            result = self.checker.run(docs, focus={draft.id}, input_errors=list(self.errors))
            errors = list(self.config_errors) + list(result.errors)
            hidden = self._suppress(result.findings, result.documents, errors)
            return self._report(result, errors, hidden)

    def _suppress(self, findings, documents, errors: list[InputError]) -> int:
        """Inline directives, then the baseline (as ``factcheck check`` does); the count hidden by it."""
        from checker.findings import suppress

        suppress.apply_inline(findings, {d.id: d for d in documents}, errors=errors)
        if not self.baseline:
            return 0
        from checker.findings import baseline as bl

        try:
            return bl.apply(findings, bl.load(self.baseline))
        except bl.BaselineError as exc:
            errors.append(exc.to_input_error())
            return 0

    def _report(self, result, errors: list[InputError], hidden: int) -> dict[str, Any]:
        import json

        from checker.report import Report, filter_level

        report = Report(
            documents=result.documents,
            findings=filter_level(result.findings, self.min_level),
            errors=errors,
            stats=result.stats,
            timings=result.timings,
            min_level=self.min_level,
            hidden_by_baseline=hidden,
            rules=[r for r in self.checker.ruleset.rules if r.enabled],
        )
        buf = io.StringIO()
        self.checker.host.formats["json"](report, buf)
        return json.loads(buf.getvalue())
