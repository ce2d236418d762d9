"""Helpers for plugin authors, and a pytest plugin with ready-made fixtures.

Build documents from strings, run one rule type (or a whole checker) on a few
in-memory articles with YAML rules given as strings or dicts, and assert findings::

    from checker.testing import check_texts, assert_finding

    def test_my_rule():
        result = check_texts(
            {"a.txt": "Microsoft a annoncé le 12 décembre 2024 son accord.",
             "b.txt": "Microsoft a annoncé le 3 janvier 2025 son accord."},
            rules=[MY_RULE_YAML],
            rule_types={"event-date": EventDateRuleType},
        )
        assert_finding(result, rule_id="dates.announced", between=("a.txt", "b.txt"), level="warning")

With factcheck installed, pytest loads this module as the ``factcheck`` plugin
(``pytest11`` entry point), so the fixtures ``factcheck_checker`` and ``factcheck_run``
are available to every test without an import.

This module imports nothing heavy (no spaCy, no torch) at import time: pytest loads it
in every test session of every project that has factcheck installed.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from checker.model import Document, Finding
    from checker.plugins import PluginHost
    from checker.run.pipeline import Checker, Result

__all__ = [
    "make_document",
    "prepare_document",
    "make_host",
    "make_checker",
    "check_texts",
    "run_rule_type",
    "findings_for",
    "assert_finding",
    "assert_no_finding",
    "assert_no_plugin_errors",
    "factcheck_checker",
    "factcheck_run",
]

RuleSpec = "str | Mapping[str, Any]"


# ----------------------------------------------------------------------------- documents
def make_document(text: str, id: str = "doc.txt", *, fmt: str = "txt", language: str | None = None) -> Document:
    """A ``Document`` built from a string, exactly as the loader builds one from a file.

    The document is not segmented yet (``sentences`` is empty); use
    :func:`prepare_document` for sentences with spaCy tokens.
    """
    from checker.text.load import make_document as _make

    doc = _make(text, id, fmt=fmt)
    if language:
        doc.language = language
    return doc


def prepare_document(
    text: str, id: str = "doc.txt", *, fmt: str = "txt", language: str | None = None, checker: Checker | None = None
) -> Document:
    """A cleaned and segmented ``Document`` (sentences with tokens), without annotations.

    ``language`` forces the language; otherwise it is detected as in a real run.
    """
    from checker.context import RunContext
    from checker.text.clean import clean_document
    from checker.text.segment import segment_document

    chk = checker or make_checker(rule_types={}, plugins=(), load_installed=False)
    doc = make_document(text, id, fmt=fmt)
    ctx = RunContext(options=chk.options, nlp=chk.nlp, documents={doc.id: doc})
    view, sections = clean_document(doc, ctx)
    if language:
        doc.language = language
    segment_document(doc, chk.nlp.get(doc.language), clean_view=view, sections=sections)
    return doc


# ----------------------------------------------------------------------------- rules
def _write_rules(rules: Iterable[Any], directory: Path) -> list[Path]:
    """Write YAML strings / dicts to files so that they load (and fail) like real rule files."""
    import yaml

    paths = []
    for i, rule in enumerate(rules):
        if isinstance(rule, (str, Path)) and not isinstance(rule, str):
            paths.append(Path(rule))
            continue
        if isinstance(rule, str):
            if "\n" not in rule and rule.strip().endswith((".yaml", ".yml")) and Path(rule).exists():
                paths.append(Path(rule))
                continue
            text = rule
        elif isinstance(rule, Mapping):
            text = yaml.safe_dump(dict(rule), allow_unicode=True, sort_keys=False)
        else:
            raise TypeError(f"a rule must be a YAML string, a dict or a path, got {type(rule).__name__}")
        path = directory / f"rule{i:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------- hosts and checkers
def make_host(
    *,
    rule_types: Mapping[str, type] | None = None,
    plugins: Iterable[Any] = (),
    load_installed: bool = True,
    allow: list[str] | None = None,
) -> PluginHost:
    """A ``PluginHost`` with the installed plugins (``load_installed``) and extra ones.

    ``plugins`` holds plugin objects or modules (``@hookimpl`` functions), or
    ``(name, object)`` pairs; ``rule_types`` maps names to ``RuleType`` classes and is
    registered as one extra plugin called ``test-rule-types``.
    """
    from checker import hookimpl
    from checker.plugins import PluginHost

    host = PluginHost()
    if load_installed:
        host.load_entry_points(allow=allow)
    for i, plugin in enumerate(plugins):
        if isinstance(plugin, tuple):
            name, obj = plugin
        else:
            obj = plugin
            name = getattr(obj, "__name__", None) or f"{type(obj).__name__}-{i}"
        host.register(obj, name)
    types = dict(rule_types or {})
    if types and load_installed:
        # a class already registered under that name (the plugin under test is installed) is not
        # registered twice; probed on a throw-away host because PluginHost.collect() runs once
        probe = PluginHost()
        probe.load_entry_points(allow=allow)
        probe.collect()
        types = {n: c for n, c in types.items() if probe.rule_types.get(n) is not c}
    if types:

        class _RuleTypes:
            @hookimpl
            def register_rule_types(self, register):
                for name, cls in types.items():
                    register(name, cls)

        host.register(_RuleTypes(), "test-rule-types")
    host.collect()
    return host


def make_checker(
    rules: Iterable[Any] = (),
    *,
    rule_types: Mapping[str, type] | None = None,
    plugins: Iterable[Any] = (),
    only_types: Iterable[str] | None = None,
    only_rules: Iterable[str] | None = None,
    builtin_rules: bool = False,
    load_installed: bool = True,
    rule_packs: bool = False,
    settings: Mapping[str, Any] | None = None,
    options: Any = None,
) -> Checker:
    """A ``Checker`` whose rules are ``rules`` (YAML strings, dicts or paths).

    Built-in rules (``builtin_rules``) and the rule packs of plugins (``rule_packs``) are
    off by default so that a test sees only its own rules; the installed plugins still
    load (their rule types, e.g. the ``entities`` annotator), unless
    ``load_installed=False`` (a host with only ``plugins`` and ``rule_types``).  Rule
    problems are in ``checker.errors`` (and in every result's ``errors``).
    """
    from checker.context import Options
    from checker.run.pipeline import Checker

    host = make_host(rule_types=rule_types, plugins=plugins, load_installed=load_installed)
    if not rule_packs:
        host.rule_packs = []
    opts = options or Options(progress=False, quiet=True, use_cache=False)
    if settings:
        opts.settings = {**opts.settings, **dict(settings)}
    with tempfile.TemporaryDirectory(prefix="factcheck-rules-") as tmp:
        packs = {p.resolve() for p in host.rule_packs}
        # with rule_packs=True, a pack the installed plugin already ships is loaded once, not twice
        paths = [p for p in _write_rules(rules, Path(tmp)) if p.resolve() not in packs]
        checker = Checker(
            host=host,
            rule_paths=paths,
            builtin_rules=builtin_rules,
            options=opts,
            only_types=only_types,
            only_rules=only_rules,
        )
    return checker


def check_texts(
    texts: Mapping[str, str] | Sequence[str],
    rules: Iterable[Any] = (),
    *,
    only_types: Iterable[str] | None = None,
    checker: Checker | None = None,
    **kwargs: Any,
) -> Result:
    """Run a check on in-memory articles and return the ``Result``.

    ``texts`` is ``{"a.txt": "...", "b.txt": "..."}`` or a list (ids ``doc0.txt``, ...).
    Other keyword arguments go to :func:`make_checker`.  Errors raised while loading
    rules are part of ``result.errors``.
    """
    chk = checker or make_checker(rules, only_types=only_types, **kwargs)
    return chk.check_texts(texts if isinstance(texts, Mapping) else list(texts))


def run_rule_type(
    rule_type: type,
    texts: Mapping[str, str] | Sequence[str],
    rules: Iterable[Any] = (),
    *,
    name: str | None = None,
    **kwargs: Any,
) -> Result:
    """Run a single rule type class (plus the annotators it relies on, e.g. ``entities``).

    The class is registered under ``name`` (default: ``rule_type.name``); other
    installed rule types that are not annotators are switched off.
    """
    type_name = name or getattr(rule_type, "name", "") or rule_type.__name__
    extra = dict(kwargs.pop("rule_types", {}) or {})
    extra[type_name] = rule_type
    return check_texts(texts, rules, only_types={type_name}, rule_types=extra, **kwargs)


# ----------------------------------------------------------------------------- assertions
def findings_for(
    result: Result,
    *,
    rule_id: str | None = None,
    kind: str | None = None,
    between: Sequence[str] | None = None,
    level: str | None = None,
    min_level: str | None = None,
) -> list[Finding]:
    """Findings of ``result`` matching every criterion given.

    ``between=("a.txt", "b.txt")``: the finding has evidence in both documents.
    ``level``: exact level; ``min_level``: that level or above.
    """
    from checker.model import level_at_least

    out = []
    for f in result.findings:
        if rule_id is not None and f.rule_id != rule_id:
            continue
        if kind is not None and f.kind != kind:
            continue
        if between is not None and not set(between) <= set(f.documents()):
            continue
        if level is not None and f.level != level:
            continue
        if min_level is not None and not level_at_least(f.level, min_level):
            continue
        out.append(f)
    return out


def _describe(result: Result) -> str:
    lines = [f"  {f.level} {f.rule_id} [{', '.join(f.documents())}]: {f.message}" for f in result.findings]
    errors = [f"  error: {e}" for e in result.errors]
    body = "\n".join(lines) or "  (no findings)"
    if errors:
        body += "\n" + "\n".join(errors)
    return body


def assert_finding(
    result: Result,
    *,
    rule_id: str | None = None,
    kind: str | None = None,
    between: Sequence[str] | None = None,
    level: str | None = None,
    min_level: str | None = None,
    count: int | None = None,
    values: Sequence[Any] | None = None,
) -> Finding:
    """Assert that a matching finding exists; return the first one.

    ``count`` asserts the exact number of matching findings; ``values`` asserts the
    evidence values (``Evidence.value``) of the first one, in evidence order.
    """
    found = findings_for(result, rule_id=rule_id, kind=kind, between=between, level=level, min_level=min_level)
    wanted = ", ".join(
        f"{k}={v!r}"
        for k, v in (
            ("rule_id", rule_id),
            ("kind", kind),
            ("between", between),
            ("level", level),
            ("min_level", min_level),
        )
        if v is not None
    )
    if not found:
        raise AssertionError(f"expected a finding with {wanted or 'any criteria'}; got:\n{_describe(result)}")
    if count is not None and len(found) != count:
        raise AssertionError(f"expected {count} finding(s) with {wanted}, got {len(found)}:\n{_describe(result)}")
    if values is not None:
        got = [ev.value for ev in found[0].evidence]
        if got != list(values):
            raise AssertionError(f"evidence values differ: expected {list(values)!r}, got {got!r}")
    return found[0]


def assert_no_finding(
    result: Result,
    *,
    rule_id: str | None = None,
    kind: str | None = None,
    between: Sequence[str] | None = None,
    level: str | None = None,
    min_level: str | None = None,
) -> None:
    """Assert that no finding matches (e.g. ``min_level="warning"`` for a consistent pair)."""
    found = findings_for(result, rule_id=rule_id, kind=kind, between=between, level=level, min_level=min_level)
    if found:
        raise AssertionError(f"expected no such finding, got {len(found)}:\n{_describe(result)}")


def assert_no_plugin_errors(result: Result) -> None:
    """Assert that no plugin or rule problem was reported during the run."""
    bad = [e for e in result.errors if e.kind in ("plugin", "rule")]
    if bad:
        raise AssertionError("plugin/rule errors:\n" + "\n".join(f"  {e}" for e in bad))


def result_json(result: Result) -> str:
    """A deterministic JSON dump of the findings (for golden-file tests)."""
    return json.dumps([f.to_dict() for f in result.findings], ensure_ascii=False, indent=2, sort_keys=True)


# ----------------------------------------------------------------------------- pytest plugin
try:  # pytest is optional at run time; the fixtures exist only when it is installed
    import pytest
except ImportError:  # pragma: no cover
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture
    def factcheck_checker():
        """Factory: ``factcheck_checker(rules, rule_types=..., plugins=..., only_types=...)`` -> ``Checker``."""
        return make_checker

    @pytest.fixture
    def factcheck_run():
        """Factory: ``factcheck_run(texts, rules, rule_types=..., only_types=...)`` -> ``Result``.

        Fails the test with a readable message when a rule given to it does not load.
        """

        def run(texts, rules=(), **kwargs):
            result = check_texts(texts, rules, **kwargs)
            bad = [e for e in result.errors if e.kind == "rule"]
            if bad:
                pytest.fail("rule errors:\n" + "\n".join(f"  {e}" for e in bad), pytrace=False)
            return result

        return run
