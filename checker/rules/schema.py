"""JSON schema of YAML rules: the keys every rule has, merged with a rule type's own schema,
and readable messages for validation errors."""

from __future__ import annotations

import re
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
        return "unknown key"
    if err.validator == "enum":
        return f"must be one of {', '.join(map(str, err.validator_value))}, got {err.instance!r}"
    if err.validator == "type":
        return f"must be of type {err.validator_value}, got {type(err.instance).__name__}"
    if err.validator == "required":
        return "is required"
    return err.message
