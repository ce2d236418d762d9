"""Files the checker writes: atomically (an interrupted run never leaves half a file behind),
under one cache home, keyed by content."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from pathlib import Path


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8 with ``\\n`` newlines, or bytes) to ``path`` atomically.

    The file gets the mode an ordinary ``open()`` would give it: an existing file keeps its
    mode, a new one gets ``0o666`` less the umask (not ``mkstemp``'s private ``0o600``).
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file", str(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
    try:
        os.chmod(tmp, mode)
        if isinstance(data, str):
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(data)
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: Path) -> int:
    """The permission bits ``target`` keeps (it exists) or would get from ``open()`` (it does not)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def cache_home(configured: str | os.PathLike | None = None) -> Path:
    """Where caches live: ``configured`` (``cache_dir``) > ``FACTCHECK_CACHE_DIR`` > the user cache dir."""
    chosen = configured or os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck"))


def content_key(*parts: str) -> str:
    """sha256 over length-prefixed UTF-8 parts (no two part lists share a key)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()
