"""On-disk cache of prepared documents (clean + segment + annotate + extract).

A warm re-run of an unchanged corpus skips the per-document work entirely, and with
it the import of spaCy, lingua and any model: only pairing and comparison run.

Key: sha256 over

* a format version and ``checker.__version__``;
* the *code identity*: the content of the core's modules and of every active rule
  type's package (so an edited plugin or rule type, installed or editable, misses);
* the *rule identity*: every active rule (id, type, level, message, languages, body),
  each rule type's ``version`` and the version of the distribution that provides it;
* the spaCy version and the version of every configured spaCy pipeline package
  (read with ``importlib.metadata``: spaCy itself is never imported for this);
* the options that change preparation (languages, spacy_models, settings, embedder);
* the document as preparation receives it: id (claims carry it), format, role, the
  language assigned to it for this run (it depends on the other documents and on
  ``language:``) and text.

Value: a pickle (protocol 5) of the prepared document (sentences with ``tokens=None``,
removed regions, language, meta), its claims per rule type, the errors the document
produced and what it added to the run statistics, so a cached run reports exactly
what the cold run reported.  spaCy objects anywhere in the value are stored as None.
The pickle is signed (``checker.run.signing``: HMAC-SHA256 with a per-user key kept
outside any project) and is never unpickled unless its signature is right: a cache
directory chosen by a checked repository cannot run code.  An unsigned or wrongly
signed entry is a miss and one notice naming the file; it is then rewritten.

Files live in ``<cache_dir>/analysis/<2 hex>/<key>.pkl`` where ``cache_dir`` is
``options.cache_dir`` > ``FACTCHECK_CACHE_DIR`` > ``platformdirs.user_cache_dir("factcheck")``;
``options.use_cache = False`` (``--no-cache``) neither reads nor writes.  Writes are
atomic (temp file + ``os.replace``), so concurrent runs and ``-j`` workers are safe;
an unreadable or stale entry is ignored and rewritten, never an error.  Without a usable
key (``checker.run.signing.KeyUnavailable``) the cache is off for the run, with one notice.

Use (``checker.run.prepare.DocumentWork``)::

    cache = AnalysisCache.for_run(options, instances, spacy_models)
    key = cache.key(doc)                        # before preparation changes the document
    prepared = cache.get(doc, ctx, key=key)     # a PreparedDoc, or None
    ...
    cache.put(doc, prepared, ctx, key=key)
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
import pickle
import sys
from collections import OrderedDict
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.fileio import atomic_write, cache_home
from checker.model import Document
from checker.run import signing
from checker.run.prepared import PreparedDoc

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext

log = logging.getLogger("factcheck")

FORMAT = "factcheck-analysis-3"
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


@functools.lru_cache(maxsize=1)
def _distributions_by_package() -> dict[str, list[str]]:
    try:
        return dict(metadata.packages_distributions())
    except Exception:  # noqa: BLE001 - broken metadata of some other package
        return {}


def _plugin_version(cls: type) -> str:
    """Version of the installed distribution(s) providing ``cls`` ("" when none does)."""
    names = _distributions_by_package().get(cls.__module__.split(".")[0], [])
    return ",".join(sorted(f"{n}={_dist_version(n)}" for n in set(names)))


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
        h.update(f"dist\0{_plugin_version(cls)}\0".encode())
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
    embedder = os.environ.get("FACTCHECK_EMBEDDER") or getattr(options, "embedder", None)
    h.update(json.dumps([list(options.languages), options.settings, embedder], sort_keys=True, default=str).encode())
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


#: corpus preparations a long-running process keeps in memory (least recently used dropped)
MEMORY_ENTRIES = 20_000


class AnalysisCache:
    """Prepared documents on disk, for one identity (code, rules, options, pipelines).

    With ``memory=True`` (``factcheck serve``) the preparations of corpus documents are also
    kept in this process, so a run reads them neither from disk nor through the unpickler:
    each run gets a fresh copy (``PreparedDoc.fresh``).  Drafts, which change from one
    check to the next, are not kept."""

    def __init__(self, options, identity: str, type_names: tuple[str, ...], *, memory: bool = False) -> None:
        self.options = options
        self.identity = identity
        self.type_names = set(type_names)
        self.memory: OrderedDict[str, PreparedDoc] | None = OrderedDict() if memory else None
        self._key: bytes | None = None
        self._key_problem: str | None = None
        self._reported: set[tuple[str | None, str]] = set()  # notices already given

    @classmethod
    def for_run(cls, options, instances, spacy_models: dict[str, str], *, memory: bool = False) -> AnalysisCache:
        names = tuple(n for n, _, _ in instances)
        return cls(options, identity(instances, options, spacy_models), names, memory=memory)

    def _remember(self, doc: Document, key: str, prepared: PreparedDoc) -> None:
        if self.memory is None or doc.role != "corpus":
            return
        self.memory[key] = prepared
        self.memory.move_to_end(key)
        while len(self.memory) > MEMORY_ENTRIES:
            self.memory.popitem(last=False)

    def key(self, doc: Document) -> str:
        """The entry key of ``doc`` as it is *before* preparation (its language included)."""
        h = hashlib.sha256()
        h.update(self.identity.encode())
        for part in (doc.id, doc.format, doc.role, doc.language, doc.text):
            data = str(part).encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)
        return h.hexdigest()

    def path(self, doc: Document, key: str | None = None) -> Path:
        key = key or self.key(doc)
        return cache_root(self.options) / SUBDIR / key[:2] / f"{key}.pkl"

    def signing_key(self, ctx: RunContext) -> bytes | None:
        """The user's signing key; None (and one notice) when it cannot be had: no cache then."""
        if self._key is None and self._key_problem is None:
            try:
                self._key = signing.load_key()
            except signing.KeyUnavailable as exc:
                self._key_problem = f"analysis cache off: {exc}"
        if self._key_problem is not None:
            self._notice(ctx, None, self._key_problem)
        return self._key

    def _notice(self, ctx: RunContext, path: str | None, message: str) -> None:
        if (path, message) not in self._reported:
            self._reported.add((path, message))
            ctx.error(path, message, kind="notice")

    def get(
        self, doc: Document, ctx: RunContext, *, count_misses: bool = True, key: str | None = None
    ) -> PreparedDoc | None:
        """The cached preparation of ``doc``, or None (disabled, missing, unsigned, unreadable, stale)."""
        if not enabled(ctx):
            return None
        secret = self.signing_key(ctx)
        if secret is None:
            return None
        key = key or self.key(doc)
        if self.memory is not None and key in self.memory:
            self.memory.move_to_end(key)
            ctx.add_stat("analysis_cache", "hits")
            return self.memory[key].fresh()
        entry = self._load(self.path(doc, key), key, secret, ctx)
        if not isinstance(entry, PreparedDoc) or set(entry.claims) != self.type_names:
            if count_misses:
                ctx.add_stat("analysis_cache", "misses")
            return None
        ctx.add_stat("analysis_cache", "hits")
        if self.memory is not None and doc.role == "corpus":
            self._remember(doc, key, entry)
            return entry.fresh()
        return entry

    def _load(self, path: Path, key: str, secret: bytes, ctx: RunContext) -> Any:
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.debug("analysis cache: unreadable %s (%s)", path, exc)
            return None
        payload = signing.verify(secret, key, blob)
        if payload is None:  # never unpickled: it may come from anywhere
            ctx.add_stat("analysis_cache", "unsigned")
            self._notice(ctx, str(path), "analysis cache entry not signed with this user's key: ignored")
            return None
        try:
            return pickle.loads(payload)
        except Exception as exc:  # noqa: BLE001 - our own entry from an older code version: a miss
            log.debug("analysis cache: unreadable %s (%s)", path, exc)
            return None

    def put(self, doc: Document, prepared: PreparedDoc, ctx: RunContext, *, key: str | None = None) -> bool:
        """Store ``prepared`` under ``key`` (the key ``get`` used: the document may have changed since)."""
        if not enabled(ctx):
            return False
        # plugin trouble may be transient (a model that failed to load): do not freeze it
        if any(e.kind == "plugin" for e in prepared.errors):
            return False
        secret = self.signing_key(ctx)
        if secret is None:
            return False
        stats = {k: v for k, v in prepared.stats.items() if k != "analysis_cache"}
        entry = PreparedDoc(fields=prepared.fields, claims=prepared.claims, errors=prepared.errors, stats=stats)
        key = key or self.key(doc)
        path = self.path(doc, key)
        try:
            data = dumps(entry)
        except Exception as exc:  # noqa: BLE001 - something a plugin put on a claim cannot be pickled
            log.debug("analysis cache: cannot pickle %s (%s)", doc.id, exc)
            ctx.add_stat("analysis_cache", "unpicklable")
            return False
        try:
            atomic_write(path, signing.sign(secret, key, data))
        except OSError as exc:
            log.debug("analysis cache: cannot write %s (%s)", path, exc)
            return False
        ctx.add_stat("analysis_cache", "stored")
        if self.memory is not None and doc.role == "corpus":
            self._remember(doc, key, pickle.loads(data))  # what a read from disk gives (no spaCy objects)
        return True


def read_entry(path: Path) -> Any:
    """The value of a cache file written by this user (tests, debugging); None if not signed."""
    key = path.stem
    payload = signing.verify(signing.load_key(), key, path.read_bytes())
    return None if payload is None else pickle.loads(payload)
