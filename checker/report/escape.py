"""Text that is safe to write out, whatever a file name holds.

* :func:`unicode_safe`: lone surrogates (a non-UTF-8 byte in a file name, decoded by
  Python with ``surrogateescape``) become U+FFFD, so the output is valid UTF-8;
* :func:`printable`: additionally shows control characters (ESC of terminal escape
  sequences, newlines, carriage returns...) as ``\\x1b``-style escapes, so a file name
  can neither repaint the terminal nor start a line of its own.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
#: C0 controls, DEL and the C1 controls (CSI \x9b starts escape sequences too)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def unicode_safe(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def printable(text: str) -> str:
    """``text`` for one line of terminal output: surrogates as U+FFFD, control characters escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", unicode_safe(text))
