"""Regular expressions from rule files, kept from hanging a run.

* :func:`regex_problem` is the load-time check (``rules validate`` reports it with the rule's
  file and line): the pattern must compile and must not nest unbounded quantifiers, the shape
  (``(a+)+``, ``(\\w*\\s?)*``) whose backtracking is exponential in the length of the text;
* :func:`compile_user_regex` compiles with the ``regex`` module, whose matching accepts a
  ``timeout``: :data:`MATCH_TIMEOUT` bounds every search a rule type runs with it
  (``rx.finditer(text, timeout=MATCH_TIMEOUT)`` raises ``TimeoutError``), so a pattern the
  check lets through still cannot stall a run; the rule type reports the rule and goes on.
"""

from __future__ import annotations

import re
from typing import Any

import regex

#: seconds one search of a user pattern may take before it is abandoned
MATCH_TIMEOUT = 0.5
#: longer patterns are refused (they are aliases, not programs)
MAX_PATTERN_LENGTH = 1000

try:  # Python 3.11+
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT}
if hasattr(_sre_constants, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_sre_constants.POSSESSIVE_REPEAT)
_UNBOUNDED = _sre_constants.MAXREPEAT
#: a bounded repeat with more repetitions than this counts as unbounded
_LARGE = 10


def _children(args: Any) -> list[Any]:
    """Sub-patterns (``SubPattern`` objects) inside one parsed item's arguments."""
    out = []
    for a in args if isinstance(args, (list, tuple)) else [args]:
        if isinstance(a, _sre_parse.SubPattern):
            out.append(a)
        elif isinstance(a, (list, tuple)):
            out.extend(_children(a))
    return out


def _nested_repeat(items: Any, inside: bool) -> bool:
    """Whether ``items`` holds a repeat of many that contains another repeat of many."""
    for op, args in items:
        if op in _REPEATS:
            low, high, body = args
            many = high == _UNBOUNDED or high > _LARGE
            if many and inside:
                return True
            if _nested_repeat(body, inside or many):
                return True
            continue
        for child in _children(args):
            if _nested_repeat(child, inside):
                return True
    return False


def regex_problem(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` may not be used as a rule's regular expression, or None."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"pattern longer than {MAX_PATTERN_LENGTH} characters"
    try:
        parsed = _sre_parse.parse(pattern, flags)
        regex.compile(pattern, flags)
    except (re.error, regex.error, OverflowError, RecursionError) as exc:
        return f"invalid regular expression: {exc}"
    if _nested_repeat(parsed, False):
        return (
            "nested quantifiers (a repeated group that itself repeats, like (a+)+): "
            "matching can take exponential time; rewrite it without the outer or inner repetition"
        )
    return None


def compile_user_regex(pattern: str, flags: int = 0) -> Any:
    """A ``regex`` pattern object; search it with ``timeout=MATCH_TIMEOUT``."""
    return regex.compile(pattern, flags)
