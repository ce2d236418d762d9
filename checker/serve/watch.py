"""``factcheck serve --watch``: reload the corpus when one of its files changes (polling).

Polling (file modification times and sizes, every ``interval`` seconds) needs no extra
dependency and works on network drives, where change notifications often do not arrive.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger("factcheck")


class CorpusWatcher:
    """A daemon thread that reloads ``corpus`` whenever ``corpus.changed()``; ``stop()`` ends it."""

    def __init__(self, corpus, interval: float = 2.0) -> None:
        self.corpus = corpus
        self.interval = max(0.1, float(interval))
        self.reloads = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="factcheck-corpus-watch", daemon=True)

    def start(self) -> CorpusWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.interval + 5)

    def poll(self) -> bool:
        """One look: reload if something changed; whether it did."""
        if not self.corpus.changed():
            return False
        info = self.corpus.reload()
        self.reloads += 1
        log.info("corpus changed: reloaded %s (%d documents)", info["corpus"], info["documents"])
        return True

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception as exc:  # noqa: BLE001 - the watcher must outlive one bad read
                log.warning("corpus watcher: %s", exc)
