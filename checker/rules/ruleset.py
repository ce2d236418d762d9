"""YAML rules: loading, validation against the rule type's JSON schema, registry.

A rule file holds one rule, or several separated by ``---``.  Every problem is an
``InputError`` naming ``file:line:column``, the rule id and the offending key; valid
rules are kept and the run goes on.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from checker.model import InputError
from checker.rules.schema import (
    COMMON_PROPERTIES,
    did_you_mean,
    error_path,
    full_schema,
    readable_error,
    specific_error,
    unknown_placeholders,
)
from checker.rules.yamlpos import YamlDoc, YamlError, load_all

if TYPE_CHECKING:  # pragma: no cover
    from checker.ruletype import RuleType

RULE_SUFFIXES = (".yaml", ".yml")


@dataclass
class Rule:
    """A validated YAML rule."""

    id: str
    extends: str
    level: str = "warning"
    message: str = ""
    description: str = ""
    enabled: bool = True
    languages: tuple[str, ...] = ()
    body: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    line: int = 1
    tests: dict[str, list[list[str]]] = field(default_factory=dict)
    #: line of each ``tests:`` example in the rule's file, by (``conflict``/``consistent``, index)
    test_lines: dict[tuple[str, int], int] = field(default_factory=dict)

    def get(self, dotted: str, default: Any = None) -> Any:
        """``rule.get("compare.tolerance.relative", 0.0)``."""
        cur: Any = self.body
        for part in dotted.split("."):
            if not isinstance(cur, dict) or part not in cur:
                return default
            cur = cur[part]
        return cur

    def applies_to(self, language: str) -> bool:
        return not self.languages or language in self.languages

    def format_message(self, **values: Any) -> str:
        """Fill ``message`` placeholders (``{a.value}``, ``{b.doc}``...); unknown ones stay visible."""
        return format_safely(self.message, values) if self.message else ""

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.path else "<rule>"


class _Lenient(dict):
    def __missing__(self, key):
        return _Missing(key)


class _Missing:
    def __init__(self, name: str):
        self.name = name

    def __getattr__(self, attr: str) -> _Missing:
        return _Missing(f"{self.name}.{attr}")

    def __getitem__(self, item) -> _Missing:
        return _Missing(f"{self.name}[{item}]")

    def __format__(self, spec: str) -> str:
        return "{" + self.name + "}"


class _Attr(dict):
    """Mapping whose keys are also attributes, for ``{a.value}`` in messages."""

    def __getattr__(self, attr: str) -> Any:
        try:
            value = self[attr]
        except KeyError:
            return _Missing(attr)
        return _Attr(value) if isinstance(value, dict) else value


def format_safely(template: str, values: dict[str, Any]) -> str:
    wrapped = _Lenient({k: _Attr(v) if isinstance(v, dict) else v for k, v in values.items()})
    try:
        return string.Formatter().vformat(template, (), wrapped)
    except (ValueError, IndexError, TypeError):
        return template


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def by_type(self, name: str) -> list[Rule]:
        return [r for r in self.rules if r.extends == name and r.enabled]

    def get(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None


def _shown(path: Path) -> str:
    """Rule file name for messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def iter_rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Rule files under ``paths`` in a stable order; a file named twice is read once."""
    files: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        found = sorted(f for f in p.rglob("*") if f.suffix in RULE_SUFFIXES and f.is_file()) if p.is_dir() else [p]
        for f in found:
            key = f.resolve()
            if key in seen:
                continue
            seen.add(key)
            files.append(f)
    return files


def load_rules(
    paths: Iterable[str | Path], rule_types: dict[str, type[RuleType]], *, disabled: Iterable[str] = ()
) -> RuleSet:
    """Load and validate every rule under ``paths``.

    ``rule_types`` maps ``extends`` names to rule type classes (their ``schema`` is used).
    """
    result = RuleSet()
    seen: dict[str, Rule] = {}
    validators: dict[str, jsonschema.Draft202012Validator] = {}
    disabled = set(disabled)
    for file in iter_rule_files(paths):
        shown = _shown(file)
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            result.errors.append(InputError(shown, "rule path does not exist", kind="rule"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            result.errors.append(InputError(shown, f"cannot read rule file: {exc}", kind="rule"))
            continue
        try:
            docs = load_all(text)
        except YamlError as exc:
            result.errors.append(InputError(shown, exc.message, line=exc.line, column=exc.column, kind="rule"))
            continue
        for doc in docs:
            rule = _build_rule(doc, shown, rule_types, validators, result.errors)
            if rule is None:
                continue
            if rule.id in seen:
                first = seen[rule.id]
                result.errors.append(
                    InputError(
                        shown,
                        f"rule '{rule.id}': duplicate id (first defined at {first.location})",
                        line=rule.line,
                        column=1,
                        kind="rule",
                    )
                )
                continue
            if rule.id in disabled:
                rule.enabled = False
            seen[rule.id] = rule
            result.rules.append(rule)
    return result


def _missing_extends(doc: YamlDoc, data: dict, rid: str) -> tuple[int, int, str]:
    """Where and what to say when ``extends`` is missing: at a misspelt ``extend:``, if there is one."""
    misspelt = [k for k in data if isinstance(k, str) and k not in COMMON_PROPERTIES and did_you_mean(k, ["extends"])]
    if "extends" not in data and misspelt:
        line, col = doc.where((misspelt[0],), key=True)
        return (
            line,
            col,
            f"rule '{rid}': key '{misspelt[0]}': unknown key (did you mean 'extends'?); 'extends' is required",
        )
    line, col = doc.where(("extends",)) if "extends" in data else doc.where(())
    return line, col, f"rule '{rid}': key 'extends' is required (the rule type)"


def _bad_placeholders(doc: YamlDoc, data: dict, rid: str, path: str, allowed, errors: list) -> bool:
    """Report each placeholder of ``message`` the rule type does not fill; whether there was one."""
    bad = unknown_placeholders(data["message"], allowed) if allowed is not None and "message" in data else []
    line, col = doc.where(("message",))
    for problem in bad:
        errors.append(InputError(path, f"rule '{rid}': key 'message': {problem}", line=line, column=col, kind="rule"))
    return bool(bad)


def _build_rule(
    doc: YamlDoc, path: str, rule_types: dict[str, type[RuleType]], validators: dict, errors: list
) -> Rule | None:
    data = doc.data
    if not isinstance(data, dict):
        line, col = doc.where(())
        errors.append(
            InputError(path, f"a rule must be a mapping, got {type(data).__name__}", line=line, column=col, kind="rule")
        )
        return None
    rid = str(data["id"]) if isinstance(data.get("id"), str) else "<no id>"
    ext = data.get("extends")
    if not isinstance(ext, str) or not ext:
        line, col, message = _missing_extends(doc, data, rid)
        errors.append(InputError(path, message, line=line, column=col, kind="rule"))
        return None
    if ext not in rule_types:
        line, col = doc.where(("extends",))
        known = ", ".join(sorted(rule_types)) or "none loaded"
        errors.append(
            InputError(
                path,
                f"rule '{rid}': key 'extends': unknown rule type '{ext}'{did_you_mean(ext, rule_types)} (known: {known})",
                line=line,
                column=col,
                kind="rule",
            )
        )
        return None
    validator = validators.get(ext)
    if validator is None:
        validator = jsonschema.Draft202012Validator(full_schema(getattr(rule_types[ext], "schema", {}) or {}))
        validators[ext] = validator
    problems = [specific_error(e) for e in validator.iter_errors(data)]
    problems.sort(key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if problems:
        for err in problems:
            bpath, is_key, name = error_path(err)
            line, col = doc.where(bpath, key=is_key)
            errors.append(
                InputError(
                    path, f"rule '{rid}': key '{name}': {readable_error(err)}", line=line, column=col, kind="rule"
                )
            )
        return None
    if _bad_placeholders(doc, data, rid, path, getattr(rule_types[ext], "placeholders", None), errors):
        return None
    try:
        extra = list(rule_types[ext].check_rule(data) or [])
    except Exception as exc:  # noqa: BLE001 - a plugin's own check must not stop the loading
        extra = [((), f"rule check of type '{ext}' raised {type(exc).__name__}: {exc}")]
    if extra:
        for bpath, message in extra:
            line, col = doc.where(tuple(bpath))
            name = ".".join(map(str, bpath)) or "<rule>"
            errors.append(
                InputError(path, f"rule '{rid}': key '{name}': {message}", line=line, column=col, kind="rule")
            )
        return None
    return Rule(
        id=data["id"],
        extends=ext,
        level=data.get("level", "warning"),
        message=data.get("message", ""),
        description=data.get("description", ""),
        enabled=data.get("enabled", True),
        languages=tuple(data.get("languages", ())),
        body=data,
        path=path,
        line=doc.line,
        tests=data.get("tests", {}) or {},
        test_lines=_test_lines(doc, data.get("tests")),
    )


def _test_lines(doc, tests) -> dict[tuple[str, int], int]:
    """Where each ``tests:`` example stands, so that ``rules test`` names the rule's own file and line."""
    if not isinstance(tests, dict):
        return {}
    return {
        (str(kind), i): doc.where(("tests", kind, i))[0]
        for kind, pairs in tests.items()
        if isinstance(pairs, list)
        for i in range(len(pairs))
    }
