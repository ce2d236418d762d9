"""On-disk cache of prepared documents (clean + segment + annotate + extract).

A warm re-run of an unchanged corpus skips the per-document work entirely, and with
it the import of spaCy, lingua and any model: only pairing and comparison run.

Key: sha256 over

* a format version and ``checker.__version__``;
* the *code identity*: the content of the core's modules and of every active rule
  type's package (so an edited plugin or rule type, installed or editable, misses);
* the *rule identity*: every active rule (id, type, level, message, languages, body);
* the spaCy version and the version of every configured spaCy pipeline package
  (read with ``importlib.metadata``: spaCy itself is never imported for this);
* the options that change preparation (languages, spacy_models, settings);
* the document: id (claims carry it), format, role and text.

Value: a pickle (protocol 5) of the prepared document (sentences with ``tokens=None``,
removed regions, language, meta), its claims per rule type, the errors the document
produced and what it added to the run statistics, so a cached run reports exactly
what the cold run reported.  spaCy objects anywhere in the value are stored as None.

Files live in ``<cache_dir>/analysis/<2 hex>/<key>.pkl`` where ``cache_dir`` is
``options.cache_dir`` > ``FACTCHECK_CACHE_DIR`` > ``platformdirs.user_cache_dir("factcheck")``;
``options.use_cache = False`` (``--no-cache``) neither reads nor writes.  Writes are
atomic (temp file + ``os.replace``), so concurrent runs and ``-j`` workers are safe;
an unreadable or stale entry is ignored and rewritten, never an error.

Use (``checker.run.prepare.DocumentWork``)::

    cache = AnalysisCache.for_run(options, instances, spacy_models)
    prepared = cache.get(doc, ctx)          # a PreparedDoc, or None
    ...
    cache.put(doc, prepared, ctx)
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.fileio import atomic_write, cache_home
from checker.model import Document
from checker.run.prepared import PreparedDoc

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext

log = logging.getLogger("factcheck")

FORMAT = "factcheck-analysis-2"
SUBDIR = "analysis"
_CORE_DIR = Path(__file__).resolve().parent.parent  # the whole checker package


# ---------------------------------------------------------------------------------------
# where
# ---------------------------------------------------------------------------------------
def cache_root(options) -> Path:
    return cache_home(getattr(options, "cache_dir", None))


def enabled(ctx: RunContext) -> bool:
    return bool(getattr(ctx.options, "use_cache", True)) and os.environ.get("FACTCHECK_ANALYSIS_CACHE", "1") != "0"


# ---------------------------------------------------------------------------------------
# identity
# ---------------------------------------------------------------------------------------
def _hash_tree(h, directory: Path, seen: set[Path]) -> None:
    if directory in seen or not directory.is_dir():
        return
    seen.add(directory)
    for path in sorted(directory.rglob("*")):
        if path.suffix not in (".py", ".yaml", ".yml", ".json") or "__pycache__" in path.parts or not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(str(path.relative_to(directory)).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())


def _package_dir(cls: type) -> Path | None:
    """Directory of the module defining ``cls`` (the plugin package, e.g. plugins/numeric)."""
    module = sys.modules.get(cls.__module__)
    file = getattr(module, "__file__", None)
    return Path(file).resolve().parent if file else None


def _dist_version(name: str) -> str:
    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return "missing"


def identity(instances, options, spacy_models: dict[str, str]) -> str:
    """Everything that can change a prepared document, except the document."""
    from checker import __version__

    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{__version__}\0".encode())
    seen: set[Path] = set()
    _hash_tree(h, _CORE_DIR, seen)
    for name, inst, rules in instances:
        cls = type(inst)
        h.update(f"type\0{name}\0{cls.__module__}.{cls.__qualname__}\0{getattr(cls, 'version', '')}\0".encode())
        pkg = _package_dir(cls)
        if pkg is not None:
            _hash_tree(h, pkg, seen)
        for r in rules:
            blob = json.dumps(
                [r.id, r.extends, r.level, r.message, r.enabled, list(r.languages), r.body],
                sort_keys=True,
                default=str,
                ensure_ascii=False,
            )
            h.update(blob.encode("utf-8") + b"\0")
    h.update(f"spacy\0{_dist_version('spacy')}\0".encode())
    for lang, model in sorted((spacy_models or {}).items()):
        h.update(f"model\0{lang}\0{model}\0{_dist_version(model) if model else ''}\0".encode())
    h.update(json.dumps([list(options.languages), options.settings], sort_keys=True, default=str).encode())
    return h.hexdigest()


def _none() -> None:
    return None


class _Pickler(pickle.Pickler):
    """Pickles spaCy/thinc objects (tokens, spans, docs) as None."""

    def reducer_override(self, obj):  # noqa: D401 - pickle hook
        module = type(obj).__module__
        if module.startswith(("spacy.", "thinc.")):
            return _none, ()
        return NotImplemented


def dumps(value: Any) -> bytes:
    buf = io.BytesIO()
    _Pickler(buf, protocol=5).dump(value)
    return buf.getvalue()


class AnalysisCache:
    """Prepared documents on disk, for one identity (code, rules, options, pipelines)."""

    def __init__(self, options, identity: str, type_names: tuple[str, ...]) -> None:
        self.options = options
        self.identity = identity
        self.type_names = set(type_names)

    @classmethod
    def for_run(cls, options, instances, spacy_models: dict[str, str]) -> AnalysisCache:
        return cls(options, identity(instances, options, spacy_models), tuple(n for n, _, _ in instances))

    def key(self, doc: Document) -> str:
        h = hashlib.sha256()
        h.update(self.identity.encode())
        for part in (doc.id, doc.format, doc.role, doc.text):
            data = str(part).encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)
        return h.hexdigest()

    def path(self, doc: Document) -> Path:
        key = self.key(doc)
        return cache_root(self.options) / SUBDIR / key[:2] / f"{key}.pkl"

    def get(self, doc: Document, ctx: RunContext, *, count_misses: bool = True) -> PreparedDoc | None:
        """The cached preparation of ``doc``, or None (disabled, missing, unreadable, stale)."""
        if not enabled(ctx):
            return None
        path = self.path(doc)
        try:
            with open(path, "rb") as fh:
                entry = pickle.load(fh)
        except Exception as exc:  # noqa: BLE001 - a missing or broken entry is a miss, and gets rewritten
            if not isinstance(exc, FileNotFoundError):
                log.debug("analysis cache: unreadable %s (%s)", path, exc)
            entry = None
        if not isinstance(entry, PreparedDoc) or set(entry.claims) != self.type_names:
            if count_misses:
                ctx.add_stat("analysis_cache", "misses")
            return None
        ctx.add_stat("analysis_cache", "hits")
        return entry

    def put(self, doc: Document, prepared: PreparedDoc, ctx: RunContext) -> bool:
        if not enabled(ctx):
            return False
        # plugin trouble may be transient (a model that failed to load): do not freeze it
        if any(e.kind == "plugin" for e in prepared.errors):
            return False
        stats = {k: v for k, v in prepared.stats.items() if k != "analysis_cache"}
        entry = PreparedDoc(fields=prepared.fields, claims=prepared.claims, errors=prepared.errors, stats=stats)
        path = self.path(doc)
        try:
            data = dumps(entry)
        except Exception as exc:  # noqa: BLE001 - something a plugin put on a claim cannot be pickled
            log.debug("analysis cache: cannot pickle %s (%s)", doc.id, exc)
            ctx.add_stat("analysis_cache", "unpicklable")
            return False
        try:
            atomic_write(path, data)
        except OSError as exc:
            log.debug("analysis cache: cannot write %s (%s)", path, exc)
            return False
        ctx.add_stat("analysis_cache", "stored")
        return True
