"""Disk cache of NLI pair scores (sqlite, safe for concurrent processes).

Key: model identity (name + config + weight file size/mtime) and the exact
(premise, hypothesis) text.  Value: the label probabilities as JSON.  A re-run on
unchanged articles finds every pair here and does no model work.

Rows are data, never code, and are checked on read (:func:`valid_scores`): a mapping of
canonical labels (the model's own label set when the caller knows it) to probabilities
in [0, 1] that sum to 1.  A row of another shape (``{}``, a label missing, a list) would
otherwise read as zeros and silently remove findings: it is a miss instead, counted in
``ScoreCache.rejected`` for the caller's notice, and is scored and rewritten.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from checker.fileio import content_key

log = logging.getLogger("factcheck")
FILENAME = "nli-scores.sqlite3"


def default_cache_dir(configured: str | Path | None = None) -> Path:
    """``FACTCHECK_CACHE_DIR`` > configured ``cache_dir`` > the platform user cache dir."""
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck"))


LABELS = frozenset({"entailment", "neutral", "contradiction", "not_entailment"})
SUM_TOLERANCE = 1e-3


def valid_scores(value: object, labels: frozenset[str] | None = None) -> bool:
    """Whether ``value`` is a row the model could have written (``labels``: its label set)."""
    if not isinstance(value, dict) or len(value) < 2 or "entailment" not in value:
        return False
    if not set(value) <= (labels or LABELS) or (labels is not None and set(value) != labels):
        return False
    probs = list(value.values())
    if not all(isinstance(p, (int, float)) and not isinstance(p, bool) and math.isfinite(p) for p in probs):
        return False
    return all(0.0 <= p <= 1.0 for p in probs) and abs(sum(probs) - 1.0) <= SUM_TOLERANCE


def pair_key(identity: str, premise: str, hypothesis: str) -> str:
    return content_key(identity, premise, hypothesis)


class ScoreCache:
    """``get_many(identity, pairs)`` / ``put_many(identity, items)``; never raises on I/O trouble."""

    def __init__(self, directory: str | Path):
        self.path = Path(directory) / FILENAME
        self.conn: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0
        self.rejected = 0  # rows of a wrong shape read (and ignored) so far
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("CREATE TABLE IF NOT EXISTS scores (key TEXT PRIMARY KEY, model TEXT, probs TEXT)")
        except (OSError, sqlite3.Error) as exc:
            log.warning("NLI score cache disabled: cannot open %s (%s)", self.path, exc)
            self.conn = None

    def get_many(
        self, identity: str, pairs: Iterable[tuple[str, str]], labels: frozenset[str] | None = None
    ) -> dict[tuple[str, str], dict[str, float]]:
        """The stored scores of ``pairs`` that have the right shape (``labels``: the model's)."""
        pairs = list(dict.fromkeys(pairs))
        found: dict[tuple[str, str], dict[str, float]] = {}
        if self.conn is None or not pairs:
            self.misses += len(pairs)
            return found
        keys = {pair_key(identity, p, h): (p, h) for p, h in pairs}
        klist = list(keys)
        try:
            for i in range(0, len(klist), 500):
                chunk = klist[i : i + 500]
                q = f"SELECT key, probs FROM scores WHERE key IN ({','.join('?' * len(chunk))})"
                for k, probs in self.conn.execute(q, chunk):
                    value = _json(probs)
                    if valid_scores(value, labels):
                        found[keys[k]] = value
                    else:
                        self.rejected += 1
        except sqlite3.Error as exc:
            log.warning("NLI score cache read failed (%s); scoring again", exc)
            found = {}
        self.hits += len(found)
        self.misses += len(pairs) - len(found)
        return found

    def put_many(self, identity: str, items: dict[tuple[str, str], dict[str, float]]) -> None:
        if self.conn is None or not items:
            return
        rows = [(pair_key(identity, p, h), identity, json.dumps(v, sort_keys=True)) for (p, h), v in items.items()]
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany("INSERT OR REPLACE INTO scores (key, model, probs) VALUES (?, ?, ?)", rows)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            log.warning("NLI score cache write failed (%s)", exc)
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _json(text: object) -> object:
    try:
        return json.loads(text) if isinstance(text, (str, bytes)) else None
    except (ValueError, RecursionError):
        return None
