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

Integration (``Checker.prepare``)::

    from checker import analysis_cache
    for d in docs:
        cached = analysis_cache.load_prepared(self, d, ctx, instances)
        if cached is not None:
            for name, got in cached.items():
                claims_by_type.setdefault(name, []).extend(got)
            continue
        mark = analysis_cache.mark(ctx)
        ... clean, segment, annotate, extract into doc_claims ...
        analysis_cache.store_prepared(self, d, ctx, instances, doc_claims, mark)
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import pickle
import sys
from dataclasses import dataclass, fields
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.fileio import atomic_write
from checker.model import Document, InputError

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext
    from checker.pipeline import Checker

log = logging.getLogger("factcheck")

FORMAT = "factcheck-analysis-1"
SUBDIR = "analysis"
DOC_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("id", "text", "view", "_line_starts"))
_CORE_DIR = Path(__file__).resolve().parent


# ---------------------------------------------------------------------------------------
# where
# ---------------------------------------------------------------------------------------
def cache_root(options) -> Path:
    configured = getattr(options, "cache_dir", None) or os.environ.get("FACTCHECK_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck"))


def enabled(ctx: "RunContext") -> bool:
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


def identity(checker: "Checker", instances) -> str:
    """Everything that can change a prepared document, except the document (memoised)."""
    names = tuple(name for name, _, _ in instances)
    memo = checker.__dict__.setdefault("_analysis_identity", {})
    if names in memo:
        return memo[names]
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
            blob = json.dumps([r.id, r.extends, r.level, r.message, r.enabled, list(r.languages), r.body],
                              sort_keys=True, default=str, ensure_ascii=False)
            h.update(blob.encode("utf-8") + b"\0")
    opts = checker.options
    models = dict(getattr(checker.nlp, "models", {}) or {})
    h.update(f"spacy\0{_dist_version('spacy')}\0".encode())
    for lang, model in sorted(models.items()):
        h.update(f"model\0{lang}\0{model}\0{_dist_version(model) if model else ''}\0".encode())
    h.update(json.dumps([list(opts.languages), opts.settings], sort_keys=True, default=str).encode())
    value = h.hexdigest()
    memo[names] = value
    return value


def doc_key(checker: "Checker", doc: Document, instances) -> str:
    h = hashlib.sha256()
    h.update(identity(checker, instances).encode())
    for part in (doc.id, doc.format, doc.role, doc.text):
        data = str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def entry_path(ctx: "RunContext", key: str) -> Path:
    return cache_root(ctx.options) / SUBDIR / key[:2] / f"{key}.pkl"


# ---------------------------------------------------------------------------------------
# value
# ---------------------------------------------------------------------------------------
@dataclass
class Entry:
    fields: dict[str, Any]
    claims: dict[str, list]
    errors: list[InputError]
    stats: dict[str, dict[str, Any]]


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


def mark(ctx: "RunContext") -> tuple[int, dict[str, dict[str, Any]]]:
    """What ``store_prepared`` compares against: the error count and a stats snapshot."""
    return len(ctx.errors), {k: dict(v) for k, v in ctx.stats.items()}


def stats_delta(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for kind, bucket in after.items():
        old = before.get(kind, {})
        for key, value in bucket.items():
            if key in old and old[key] == value:
                continue
            if _is_number(value) and _is_number(old.get(key)):
                value = value - old[key]
            out.setdefault(kind, {})[key] = value
    return out


def add_stats(ctx: "RunContext", delta: dict[str, dict[str, Any]]) -> None:
    for kind, bucket in delta.items():
        for key, value in bucket.items():
            old = ctx.stats.get(kind, {}).get(key)
            if _is_number(value) and _is_number(old):
                ctx.stats[kind][key] = old + value
            else:
                ctx.stat(kind, key, value)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def lookup(checker: "Checker", doc: Document, ctx: "RunContext", instances, *, count_misses: bool = True
           ) -> Entry | None:
    """The cached entry for ``doc``, or None (disabled, missing, unreadable, stale)."""
    if not enabled(ctx):
        return None
    path = entry_path(ctx, doc_key(checker, doc, instances))
    try:
        with open(path, "rb") as fh:
            entry = pickle.load(fh)
    except FileNotFoundError:
        if count_misses:
            ctx.add_stat("analysis_cache", "misses")
        return None
    except Exception as exc:  # noqa: BLE001 - a broken entry is a miss, and gets rewritten
        log.debug("analysis cache: unreadable %s (%s)", path, exc)
        if count_misses:
            ctx.add_stat("analysis_cache", "misses")
        return None
    if not isinstance(entry, Entry) or set(entry.claims) != {name for name, _, _ in instances}:
        if count_misses:
            ctx.add_stat("analysis_cache", "misses")
        return None
    ctx.add_stat("analysis_cache", "hits")
    return entry


def apply(entry: Entry, doc: Document, ctx: "RunContext") -> dict[str, list]:
    """Put a cached preparation onto ``doc`` and its errors/stats into ``ctx``."""
    for k, v in entry.fields.items():
        setattr(doc, k, v)
    rule_errors = {(e.kind, e.path, e.line, e.column, e.message) for e in ctx.errors if e.kind == "rule"}
    for e in entry.errors:
        if e.kind == "rule" and (e.kind, e.path, e.line, e.column, e.message) in rule_errors:
            continue
        ctx.errors.append(e)
    add_stats(ctx, entry.stats)
    return entry.claims


def load_prepared(checker: "Checker", doc: Document, ctx: "RunContext", instances) -> dict[str, list] | None:
    """Claims by rule type of a cached preparation of ``doc`` (applied to doc and ctx), or None."""
    entry = lookup(checker, doc, ctx, instances)
    if entry is None:
        return None
    return apply(entry, doc, ctx)


def make_entry(doc: Document, claims: dict[str, list], errors: list[InputError],
               stats: dict[str, dict[str, Any]]) -> Entry:
    return Entry(fields={k: getattr(doc, k) for k in DOC_FIELDS}, claims=claims, errors=list(errors), stats=stats)


def store_entry(checker: "Checker", doc: Document, ctx: "RunContext", instances, entry: Entry) -> bool:
    if not enabled(ctx):
        return False
    # plugin trouble may be transient (a model that failed to load): do not freeze it
    if any(e.kind == "plugin" for e in entry.errors):
        return False
    path = entry_path(ctx, doc_key(checker, doc, instances))
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


def store_prepared(checker: "Checker", doc: Document, ctx: "RunContext", instances, claims: dict[str, list],
                   mark_: tuple[int, dict[str, dict[str, Any]]]) -> bool:
    """Store ``doc``'s preparation; ``mark_`` is what :func:`mark` returned before it began."""
    n_err, before = mark_
    stats = stats_delta(before, ctx.stats)
    stats.pop("analysis_cache", None)
    return store_entry(checker, doc, ctx, instances, make_entry(doc, claims, ctx.errors[n_err:], stats))
