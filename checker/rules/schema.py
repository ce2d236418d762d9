"""JSON schema of YAML rules: the keys every rule has, merged with a rule type's own schema,
and readable messages for validation errors."""

from __future__ import annotations

import difflib
import json
import re
import string
from collections.abc import Iterable
from typing import Any

import jsonschema

from checker.model import LEVELS

COMMON_PROPERTIES: dict[str, Any] = {
    "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"},
    "extends": {"type": "string", "minLength": 1},
    "level": {"enum": list(LEVELS)},
    "message": {"type": "string"},
    "description": {"type": "string"},
    "enabled": {"type": "boolean"},
    "languages": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2,3}$"}},
    "tests": {
        "type": "object",
        "properties": {
            "conflict": {"$ref": "#/$defs/pairs"},
            "consistent": {"$ref": "#/$defs/pairs"},
        },
        "additionalProperties": False,
    },
}
COMMON_DEFS = {
    "pairs": {
        "type": "array",
        "items": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
    }
}


def full_schema(type_schema: dict[str, Any]) -> dict[str, Any]:
    """Merge the common rule keys with a rule type's schema."""
    schema = dict(type_schema)
    props = dict(COMMON_PROPERTIES)
    props.update(type_schema.get("properties", {}))
    schema["type"] = "object"
    schema["properties"] = props
    schema["required"] = sorted(set(type_schema.get("required", [])) | {"id", "extends"})
    schema.setdefault("additionalProperties", False)
    defs = dict(COMMON_DEFS)
    defs.update(type_schema.get("$defs", {}))
    schema["$defs"] = defs
    return schema


def check_schema(type_schema: dict[str, Any]) -> str | None:
    """Return a message when a rule type declares an invalid JSON schema."""
    try:
        jsonschema.Draft202012Validator.check_schema(full_schema(type_schema))
    except jsonschema.SchemaError as exc:
        return f"invalid JSON schema: {exc.message}"
    return None


def error_path(err: jsonschema.ValidationError) -> tuple[tuple, bool, str]:
    """Path to blame, whether it names a key, and a readable key name."""
    path = tuple(err.absolute_path)
    if err.validator == "additionalProperties":
        extra = re.findall(r"'([^']+)' (?:was|were) unexpected", err.message)
        names = re.findall(r"'([^']+)'", err.message.split("(")[-1]) if not extra else []
        key = (extra or names or [""])[0]
        return path + (key,), True, ".".join(map(str, path + (key,)))
    if err.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        name = ".".join(map(str, path + ((missing[0],) if missing else ())))
        return path, False, name
    return path, False, ".".join(map(str, path)) or "<rule>"


def readable_error(err: jsonschema.ValidationError) -> str:
    if err.validator == "additionalProperties":
        return "unknown key" + did_you_mean(error_path(err)[0][-1], (err.schema or {}).get("properties", {}))
    if err.validator == "enum":
        return f"must be one of {_values(err.validator_value)}, got {_shown(err.instance)}" + _close_value(
            err.instance, err.validator_value
        )
    if err.validator == "type":
        return f"must be of type {err.validator_value}, got {type(err.instance).__name__}"
    if err.validator == "required":
        return "is required"
    if err.validator in ("oneOf", "anyOf"):
        alternatives = [_describe(alt) for alt in err.validator_value]
        if all(alternatives):
            values = [v for alt in err.validator_value if isinstance(alt, dict) for v in alt.get("enum", [])]
            return f"must be {'; or '.join(alternatives)}, got {_shown(err.instance)}" + _close_value(
                err.instance, values
            )
    return err.message


def specific_error(err: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For ``oneOf``/``anyOf``, the error inside the one alternative of the value's type, if only one fits.

    A pattern mapping with a misspelt key is then "unknown key", not "not valid under any of the
    given schemas"; its path is that of the inner error, so the position points at the key.
    """
    while err.validator in ("oneOf", "anyOf") and err.context:
        by_alt: dict[int, list[jsonschema.ValidationError]] = {}
        for sub in err.context:
            by_alt.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        fitting = [
            subs for subs in by_alt.values() if not any(s.validator == "type" and not s.relative_path for s in subs)
        ]
        if len(fitting) != 1 or len(by_alt) < 2:
            break
        err = sorted(fitting[0], key=lambda e: (-len(e.absolute_path), list(map(str, e.absolute_path)), e.message))[0]
    return err


def did_you_mean(word: object, candidates: Iterable[str], shown=repr) -> str:
    """`` (did you mean 'extends'?)`` when a candidate is close to ``word`` (difflib), else ``""``."""
    close = difflib.get_close_matches(str(word), sorted(map(str, candidates)), n=3)
    return f" (did you mean {' or '.join(shown(c) for c in close)}?)" if close else ""


def message_placeholders(template: str) -> list[str] | None:
    """Dotted names of the ``{...}`` fields of a message (``a[value]`` reads ``a.value``); None if malformed."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError:
        return None
    return [re.sub(r"\[([^\]]*)\]", r".\1", f) for f in fields]


def unknown_placeholders(template: str, allowed: Iterable[str]) -> list[str]:
    """``message`` problems: each placeholder not in ``allowed`` (nor a prefix of one), closest suggested."""
    names = message_placeholders(template) or []
    allowed = list(allowed)
    ok = set(allowed) | {a.rsplit(".", i)[0] for a in allowed for i in range(1, a.count(".") + 1)}
    problems = []
    for name in dict.fromkeys(names):
        if name not in ok:
            same_side = [a for a in allowed if a.split(".")[0] == name.split(".")[0]]  # a.valeur: a.value
            braced = lambda c: "{" + c + "}"  # noqa: E731
            hint = (
                did_you_mean(name, same_side, shown=braced)
                or did_you_mean(name, allowed, shown=braced)
                or f" (placeholders: {', '.join('{' + a + '}' for a in allowed)})"
            )
            if not allowed:
                hint = " (this rule type fills no placeholders)"
            problems.append(f"unknown placeholder {{{name}}}{hint}")
    return problems


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # a YAML date, a set...: still one readable line
        return repr(value)


def _values(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values)


def _close_value(value: Any, values: Iterable[Any]) -> str:
    if not isinstance(value, str):
        return ""
    return did_you_mean(value, [v for v in values if isinstance(v, str)])


_KINDS = {
    "string": "a string",
    "object": "a mapping",
    "array": "a list",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
}


def _describe(alt: Any) -> str:
    """``one of a, b`` / ``a string matching ^[A-Z]{3}$`` / ``a list``: a readable alternative, or ``""``."""
    if not isinstance(alt, dict):
        return ""
    if "enum" in alt:
        return f"one of {_values(alt['enum'])}"
    if "const" in alt:
        return _shown(alt["const"])
    kind = _KINDS.get(str(alt.get("type")), "")
    if kind and "pattern" in alt:
        return f"{kind} matching {alt['pattern']}"
    return kind
