"""The per-user key that signs analysis-cache entries, and the signatures themselves.

A cache directory can be chosen by a checked repository (``cache_dir:`` in its
``.factcheck.yaml``), so what is found there is not trusted: an analysis-cache entry is
a pickle, and unpickling runs code.  Every entry is therefore written as

    MAGIC | HMAC-SHA256(key, entry key + NUL + payload) | payload

with a random secret that lives outside any project: ``FACTCHECK_CACHE_KEY_FILE`` if
set (tests, CI), else ``platformdirs.user_config_dir("factcheck")/cache-key``.  It is
created on first use (32 random bytes, hex, mode 0600) and refused when other users may
read or write it.  An entry whose signature is missing or wrong is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

KEY_ENV = "FACTCHECK_CACHE_KEY_FILE"
KEY_NAME = "cache-key"
KEY_BYTES = 32
MAGIC = b"factcheck-signed-1\n"
TAG_BYTES = hashlib.sha256().digest_size

_KEYS: dict[Path, bytes] = {}  # key file -> key, once per process


class KeyUnavailable(Exception):
    """The signing key cannot be read or created; the message is one line for the user."""


def key_path() -> Path:
    """``FACTCHECK_CACHE_KEY_FILE`` > ``<user config dir>/factcheck/cache-key``."""
    env = os.environ.get(KEY_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("factcheck")) / KEY_NAME


def load_key(path: Path | None = None) -> bytes:
    """The signing key, created on first use; raises :class:`KeyUnavailable`."""
    path = path or key_path()
    key = _KEYS.get(path)
    if key is None:
        key = _read_key(path)
        if key is None:
            _create_key(path)
            key = _read_key(path)
            if key is None:  # pragma: no cover - removed between creation and reading
                raise KeyUnavailable(f"cache key {path} vanished after it was created")
        _KEYS[path] = key
    return key


def _read_key(path: Path) -> bytes | None:
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after fstat
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyUnavailable(f"cannot read cache key {path} ({exc.strerror or exc})") from exc
    with fh:
        st = os.fstat(fh.fileno())
        if os.name == "posix":
            if st.st_mode & 0o077:
                raise KeyUnavailable(f"cache key {path} may be read or written by other users (chmod 600 it)")
            if st.st_uid != os.getuid():
                raise KeyUnavailable(f"cache key {path} belongs to another user")
        raw = fh.read(4 * KEY_BYTES)
    try:
        key = bytes.fromhex(raw.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyUnavailable(f"cache key {path} is not {KEY_BYTES} bytes in hex (delete it to make a new one)")
    return key


def _create_key(path: Path) -> None:
    """Write a new key without ever replacing one that another process made meanwhile."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = (secrets.token_hex(KEY_BYTES) + "\n").encode("ascii")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            try:
                os.link(tmp, path)  # complete or absent, and never replaces a key made meanwhile
            except FileExistsError:
                pass
            except OSError:  # no hard links on this file system
                _create_exclusive(path, data)
        finally:
            os.unlink(tmp)
    except OSError as exc:
        raise KeyUnavailable(f"cannot create cache key {path} ({exc.strerror or exc})") from exc


def _create_exclusive(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _tag(key: bytes, context: str, payload: bytes) -> bytes:
    mac = hmac.new(key, context.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def sign(key: bytes, context: str, payload: bytes) -> bytes:
    """``payload`` with its signature; ``context`` (the entry's cache key) is signed with it."""
    return MAGIC + _tag(key, context, payload) + payload


def verify(key: bytes, context: str, blob: bytes) -> bytes | None:
    """The payload of a signed ``blob``, or None when the signature is missing or wrong."""
    head = len(MAGIC) + TAG_BYTES
    if len(blob) < head or not blob.startswith(MAGIC):
        return None
    payload = blob[head:]
    if not hmac.compare_digest(blob[len(MAGIC) : head], _tag(key, context, payload)):
        return None
    return payload
