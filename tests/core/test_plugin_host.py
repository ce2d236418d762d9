"""Failure isolation of the plugin host: every broken plugin is reported by name and
never corrupts what the other plugins contribute or find.

A small healthy rule type (``tag``: ``KEY=value`` markers, conflicting values across
documents) runs next to broken variants of itself; each test checks that the healthy
one's findings are exactly what they are without the broken one.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest
from helpers.paths import DATA

from checker import hookimpl
from checker.model import Claim, Evidence, Finding
from checker.pairing import unique_pairs
from checker.plugins import PluginHost
from checker.ruletype import RuleType
from checker.testing import check_texts, make_host

SITE = DATA / "plugins" / "site"
TEXTS = {"a.txt": "Le compteur indique K=1. Le voisin dit J=5.", "b.txt": "Le compteur indique K=2. Le voisin dit J=5."}
_TAG = re.compile(r"\b([A-Z])=(\d+)")


class TagRuleType(RuleType):
    """Healthy reference rule type: ``K=1`` in one article, ``K=2`` in another -> finding."""

    name = "tag"
    schema = {"type": "object", "properties": {"prefix": {"type": "string"}}}

    def extract(self, doc, rules):
        out = []
        for rule in rules:
            for sent in doc.sentences:
                for m in _TAG.finditer(sent.text):
                    out.append(
                        Claim(
                            kind=self.name,
                            doc_id=doc.id,
                            sentence=sent,
                            start=sent.start + m.start(),
                            end=sent.start + m.end(),
                            keys=(m.group(1),),
                            value={"v": int(m.group(2))},
                            rule_id=rule.id,
                        )
                    )
        return out

    def compare(self, groups, rules):
        rule = {r.id: r for r in rules}
        out = []
        for a, b in unique_pairs(groups, self.ctx):
            if a.value != b.value:
                out.append(
                    Finding(
                        rule_id=a.rule_id,
                        kind=self.name,
                        level=rule[a.rule_id].level,
                        message="differ",
                        evidence=[Evidence.from_claim(a), Evidence.from_claim(b)],
                    )
                )
        return out


def rule(type_name: str, rid: str | None = None) -> str:
    return f"id: {rid or 'r.' + type_name}\nextends: {type_name}\nlevel: error\n"


def run(extra_types: dict, texts=TEXTS, **kwargs):
    types = {"tag": TagRuleType, **extra_types}
    rules = [rule(n) for n in types]
    return check_texts(texts, rules, rule_types=types, only_types=set(types), **kwargs)


def tag_findings(result):
    return [(f.rule_id, [(e.doc_id, e.quote) for e in f.evidence]) for f in result.findings if f.kind == "tag"]


EXPECTED = [("r.tag", [("a.txt", "K=1"), ("b.txt", "K=2")])]


def plugin_errors(result_or_host):
    return [str(e) for e in result_or_host.errors if e.kind == "plugin"]


def test_reference_rule_type_alone():
    result = run({})
    assert tag_findings(result) == EXPECTED
    assert plugin_errors(result) == []


# ----------------------------------------------------------------------------- raising rule types
def _raising(step: str):
    def boom(self, *args, **kwargs):
        raise RuntimeError(f"kaput in {step}")

    members = {step: boom, "name": f"raise-{step}"}
    if step == "annotate":  # an annotator declares what it assigns
        members["provides"] = ("raise-tags",)
    return type(f"Raise{step.title()}", (TagRuleType,), members)


@pytest.mark.parametrize("step", ["setup", "annotate", "extract", "pair", "compare"])
def test_rule_type_raising_in_a_step_is_reported_and_isolated(step):
    cls = _raising(step)
    result = run({cls.name: cls})
    assert tag_findings(result) == EXPECTED
    errors = plugin_errors(result)
    assert len(errors) >= 1
    assert all("plugin 'test-rule-types'" in e and f"rule type '{cls.name}'" in e for e in errors), errors
    assert any(f"kaput in {step}" in e for e in errors), errors
    if step != "annotate":  # a failed annotation does not stop that type's own extraction
        assert not [f for f in result.findings if f.kind == cls.name]


def test_rule_type_failing_in_constructor_is_reported():
    class BadInit(TagRuleType):
        name = "bad-init"

        def __init__(self):
            raise TypeError("needs an argument")

    result = run({"bad-init": BadInit})
    assert tag_findings(result) == EXPECTED
    assert any("bad-init" in e and "failed to start" in e for e in plugin_errors(result))


def test_failure_in_one_document_keeps_the_claims_of_the_others():
    class Picky(TagRuleType):
        name = "picky"

        def extract(self, doc, rules):
            if doc.id == "b.txt":
                raise ValueError("cannot read b")
            return super().extract(doc, rules)

    texts = {**TEXTS, "c.txt": "Le compteur indique K=3."}
    result = run({"picky": Picky}, texts=texts)
    picky = sorted(tuple(f.documents()) for f in result.findings if f.kind == "picky")
    assert picky == [("a.txt", "c.txt")]
    assert any("picky" in e and "cannot read b" in e and "extract" in e for e in plugin_errors(result))


# ----------------------------------------------------------------------------- malformed findings
def _returning(name: str, make):
    class Bad(TagRuleType):
        def compare(self, groups, rules):
            good = super().compare(groups, rules)
            return good + make(self, good)

    Bad.name = name
    return Bad


def _finding(level="error", evidence=None, **kw):
    fields = {"rule_id": "r.x", "kind": "", "message": "m", **kw}
    return Finding(level=level, evidence=evidence or [], **fields)


MALFORMED = {
    "wrong-type": (lambda self, good: [{"rule_id": "r.x"}, "finding"], "instead of a Finding"),
    "one-document": (
        lambda self, good: [_finding(evidence=[Evidence("a.txt", 0, 2), Evidence("a.txt", 3, 5)])],
        "two documents",
    ),
    "no-evidence": (lambda self, good: [_finding()], "two documents"),
    "outside-text": (
        lambda self, good: [_finding(evidence=[Evidence("a.txt", 0, 2), Evidence("b.txt", 5, 10_000)])],
        "outside its document",
    ),
    "negative-offset": (
        lambda self, good: [_finding(evidence=[Evidence("a.txt", -3, 2), Evidence("b.txt", 0, 2)])],
        "outside its document",
    ),
    "unknown-doc": (
        lambda self, good: [_finding(evidence=[Evidence("a.txt", 0, 2), Evidence("zz.txt", 0, 2)])],
        "outside its document",
    ),
    "unknown-level": (
        lambda self, good: [_finding(level="fatal", evidence=[Evidence("a.txt", 0, 2), Evidence("b.txt", 0, 2)])],
        "unknown level",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_findings_are_dropped_and_reported(case):
    make, words = MALFORMED[case]
    cls = _returning(f"bad-{case}", make)
    result = run({cls.name: cls})
    assert tag_findings(result) == EXPECTED
    # the rule type's own good findings are kept, the malformed ones dropped
    mine = [f for f in result.findings if f.kind == cls.name]
    assert [(f.rule_id, [(e.doc_id, e.quote) for e in f.evidence]) for f in mine] == [
        (f"r.{cls.name}", [("a.txt", "K=1"), ("b.txt", "K=2")])
    ]
    errors = plugin_errors(result)
    assert errors and all(f"rule type '{cls.name}'" in e and "dropped" in e for e in errors), errors
    assert any(words in e for e in errors), errors


# Malformations that used to crash the core (evidence items, offsets and score are validated).
CRASHING = {
    "evidence-not-evidence": lambda self, good: [_finding(evidence=["a.txt", "b.txt"])],
    "offsets-not-int": lambda self, good: [_finding(evidence=[Evidence("a.txt", "0", "2"), Evidence("b.txt", 0, 2)])],
    "score-not-number": lambda self, good: [
        _finding(score="high", evidence=[Evidence("a.txt", 0, 2), Evidence("b.txt", 0, 2)])
    ],
}


@pytest.mark.parametrize("case", sorted(CRASHING))
def test_malformed_evidence_offsets_and_score_are_dropped_and_reported(case):
    cls = _returning(f"bad-{case}", CRASHING[case])
    result = run({cls.name: cls})
    assert tag_findings(result) == EXPECTED
    assert any(cls.name in e for e in plugin_errors(result))


# Findings whose fields have the wrong type passed validation and crashed the report writers.
_SIDES = [Evidence("a.txt", 0, 2), Evidence("b.txt", 0, 2)]
UNWRITABLE = {
    "rule-id-none": lambda self, good: [_finding(evidence=list(_SIDES), rule_id=None)],
    "message-none": lambda self, good: [_finding(evidence=list(_SIDES), message=None)],
    "kind-number": lambda self, good: [_finding(evidence=list(_SIDES), kind=7)],
    "set-in-explanation": lambda self, good: [_finding(evidence=list(_SIDES), explanation={"seen": {1, 2}})],
    "set-in-value": lambda self, good: [
        _finding(evidence=[Evidence("a.txt", 0, 2, value={"n": {1}}), Evidence("b.txt", 0, 2)])
    ],
    "value-not-mapping": lambda self, good: [
        _finding(evidence=[Evidence("a.txt", 0, 2, value=[1]), Evidence("b.txt", 0, 2)])
    ],
    "bool-offsets": lambda self, good: [_finding(evidence=[Evidence("a.txt", False, True), Evidence("b.txt", 0, 2)])],
}


@pytest.mark.parametrize("case", sorted(UNWRITABLE))
def test_findings_the_writers_cannot_write_are_dropped_and_every_writer_runs(case):
    import io

    from checker.plugins import default_host
    from checker.report import Report

    cls = _returning(f"bad-{case}", UNWRITABLE[case])
    result = run({cls.name: cls})
    assert tag_findings(result) == EXPECTED
    assert [f.rule_id for f in result.findings if f.kind == cls.name] == [f"r.{cls.name}"]  # its good one
    errors = plugin_errors(result)
    assert len(errors) == 1 and f"rule type '{cls.name}'" in errors[0] and "dropped" in errors[0], errors
    report = Report(documents=result.documents, findings=result.findings, errors=result.errors)
    for name, writer in sorted(default_host().formats.items()):
        buf = io.StringIO()
        writer(report, buf)  # no writer raises
        if name == "json":
            assert len(json.loads(buf.getvalue())["findings"]) == len(result.findings)


def test_compare_returning_a_non_iterable_is_reported():
    cls = type("NotAList", (TagRuleType,), {"name": "bad-not-a-list", "compare": lambda self, g, r: 42})
    result = run({cls.name: cls})
    assert tag_findings(result) == EXPECTED
    assert any("bad-not-a-list" in e and "compare" in e for e in plugin_errors(result))


def test_a_rule_type_cannot_steal_another_rule_types_findings_kind():
    """A finding keeps the kind its rule type gave; an empty kind is filled with the type name."""
    result = run({})
    assert all(f.kind == "tag" for f in result.findings)


# ----------------------------------------------------------------------------- registration problems
class _Plugin:
    def __init__(self, **hooks):
        for name, fn in hooks.items():
            setattr(self, name, hookimpl(fn))


def test_invalid_schema_is_reported_at_registration_and_the_type_is_not_usable():
    class BadSchema(TagRuleType):
        name = "bad-schema"
        schema = {"type": "object", "properties": {"prefix": {"type": "strang"}}}

    host = make_host(rule_types={"bad-schema": BadSchema, "tag": TagRuleType}, load_installed=False)
    assert "tag" in host.rule_types and "bad-schema" not in host.rule_types
    errors = plugin_errors(host)
    assert len(errors) == 1 and "'test-rule-types'" in errors[0] and "bad-schema" in errors[0]
    assert "invalid JSON schema" in errors[0]
    result = run({"bad-schema": BadSchema})
    assert tag_findings(result) == EXPECTED
    # rules extending it are reported as unknown type, by file and line
    rule_errors = [e for e in result.errors if e.kind == "rule"]
    assert any("unknown rule type 'bad-schema'" in e.message and e.line == 2 for e in rule_errors)


@pytest.mark.parametrize(
    "bad,words",
    [
        (lambda register: register("x", dict), "not a checker.ruletype.RuleType subclass"),
        (lambda register: register("", TagRuleType), "without a name"),
        (lambda register: register("x", TagRuleType()), "not a checker.ruletype.RuleType subclass"),
    ],
)
def test_bad_rule_type_registrations(bad, words):
    host = PluginHost()
    host.register(_Plugin(register_rule_types=lambda register: bad(register)), "badreg")
    host.register(_Plugin(register_rule_types=lambda register: register("tag", TagRuleType)), "goodreg")
    host.collect()
    assert list(host.rule_types) == ["tag"]
    errors = plugin_errors(host)
    assert len(errors) == 1 and "plugin 'badreg'" in errors[0] and words in errors[0], errors


def test_hook_raising_is_reported_and_later_registrations_of_others_survive():
    def explode(register):
        register("half", TagRuleType)
        raise KeyError("oops")

    host = PluginHost()
    host.register(_Plugin(register_rule_types=explode), "aaa-explodes")
    host.register(_Plugin(register_rule_types=lambda register: register("tag", TagRuleType)), "zzz-good")
    host.collect()
    assert "tag" in host.rule_types
    errors = plugin_errors(host)
    assert len(errors) == 1 and "plugin 'aaa-explodes'" in errors[0] and "KeyError" in errors[0]
    assert host.plugins["aaa-explodes"].error


def test_duplicate_rule_type_name_is_reported_and_first_owner_kept():
    class Other(TagRuleType):
        pass

    host = PluginHost()
    host.register(_Plugin(register_rule_types=lambda register: register("tag", TagRuleType)), "aaa")
    host.register(_Plugin(register_rule_types=lambda register: register("tag", Other)), "bbb")
    host.collect()
    assert host.rule_types["tag"] is TagRuleType and host.rule_type_owner["tag"] == "aaa"
    assert any("plugin 'bbb'" in e and "already registered by plugin 'aaa'" in e for e in plugin_errors(host))


def test_unknown_hook_and_bad_hook_signature_are_reported():
    host = PluginHost()
    host.register(_Plugin(register_rule_type=lambda register: None), "typo")
    host.register(_Plugin(register_rule_types=lambda registrar: None), "badargs")
    host.register(_Plugin(register_rule_types=lambda register: register("tag", TagRuleType)), "good")
    host.collect()
    assert list(host.rule_types) == ["tag"]
    errors = plugin_errors(host)
    assert any("plugin 'typo'" in e and "register_rule_type" in e for e in errors), errors
    assert any("plugin 'badargs'" in e and "registrar" in e for e in errors), errors
    assert host.plugins["good"].error is None


def test_missing_rule_pack_and_bad_format_are_reported(tmp_path):
    host = PluginHost()
    host.register(_Plugin(register_rule_packs=lambda register: register(tmp_path / "nope")), "packs")
    host.register(_Plugin(register_formats=lambda register: register("x", None)), "fmts")
    host.collect()
    assert host.rule_packs == [] and "x" not in host.formats
    errors = plugin_errors(host)
    assert any("plugin 'packs'" in e and "does not exist" in e for e in errors)
    assert any("plugin 'fmts'" in e and "not callable" in e for e in errors)


def test_failing_command_hook_is_reported():
    import argparse

    host = PluginHost()

    def boom(cli):
        raise RuntimeError("cannot add command")

    host.register(_Plugin(register_commands=boom), "badcmd")
    host.collect()
    host.add_commands(argparse.ArgumentParser().add_subparsers())
    assert any("plugin 'badcmd'" in e and "register_commands" in e for e in plugin_errors(host))


# ----------------------------------------------------------------------------- through real entry points
@pytest.fixture
def bad_site(monkeypatch):
    monkeypatch.syspath_prepend(str(SITE))
    monkeypatch.delenv("FACTCHECK_LOAD_PLUGINS", raising=False)
    return SITE


BAD = ["zz-bad-hook", "zz-bad-import", "zz-bad-schema", "zz-good", "zz-missing-module", "zz-typo-hook"]


def test_entry_points_broken_plugins_each_reported_by_name(bad_site):
    host = PluginHost()
    host.load_entry_points(allow=BAD + ["formats"])
    host.collect()
    errors = plugin_errors(host)
    by_plugin = {name: [e for e in errors if f"plugin '{name}'" in e] for name in BAD}
    assert "boom at import time" in by_plugin["zz-bad-import"][0]
    assert "failed to load" in by_plugin["zz-missing-module"][0]
    assert any("hook exploded" in e for e in by_plugin["zz-bad-hook"])
    assert any("not callable" in e for e in by_plugin["zz-bad-hook"])
    assert "register_rule_type" in by_plugin["zz-typo-hook"][0]
    assert "invalid JSON schema" in by_plugin["zz-bad-schema"][0]
    assert by_plugin["zz-good"] == []
    assert {"fc-good-count", "text", "json"} <= set(host.formats)
    listing = {p["name"]: p for p in host.listing()}
    assert listing["zz-good"]["hooks"] == ["register_formats"] and "error" not in listing["zz-good"]
    assert listing["zz-bad-import"]["error"]


def test_entry_points_broken_plugins_do_not_change_findings(bad_site):
    """Everything installed (the broken site included) plus the healthy rule type: same findings."""
    result = run({})
    assert tag_findings(result) == EXPECTED
    errors = plugin_errors(result)
    for name in ("zz-bad-hook", "zz-bad-import", "zz-bad-schema", "zz-missing-module", "zz-typo-hook"):
        assert any(f"plugin '{name}'" in e for e in errors), (name, errors)
    assert not any("zz-good" in e for e in errors)


def test_cli_plugins_reports_broken_entry_points(bad_site, tmp_path):
    env_path = str(bad_site)
    import os

    env = {
        **os.environ,
        "PYTHONPATH": env_path + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "FACTCHECK_LOAD_PLUGINS": ",".join(BAD + ["formats"]),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "plugins", "--all"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2
    listing = {p["name"]: p for p in json.loads(proc.stdout)}
    assert "error" in listing["zz-bad-import"] and "error" not in listing["zz-good"]
    assert "Traceback" not in proc.stderr
    assert "plugin 'zz-bad-import'" in proc.stderr and "plugin 'zz-bad-hook'" in proc.stderr
    # without --all, only healthy plugins are listed; errors still go to stderr
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "plugins"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    names = {p["name"] for p in json.loads(proc.stdout)}
    assert "zz-good" in names and "zz-bad-import" not in names


# ----------------------------------------------------------------------------- slow plugins
class SlowRuleType(TagRuleType):
    name = "slow"
    delay = 0.3

    def extract(self, doc, rules):
        time.sleep(self.delay)
        return super().extract(doc, rules)


def test_slow_rule_type_does_not_change_other_findings():
    fast = run({})
    slow = run({"slow": SlowRuleType})
    assert tag_findings(slow) == tag_findings(fast) == EXPECTED
    assert [f.rule_id for f in slow.findings if f.kind == "slow"] == ["r.slow"]


def test_slow_rule_type_within_its_budget_runs_to_the_end():
    """Per-rule-type seconds in Result.stats; within options.settings['time_budget'] nothing is said."""
    result = run({"slow": SlowRuleType}, settings={"time_budget": 30})
    assert result.stats["slow"]["seconds"] >= 0.5  # two documents x 0.3 s
    assert result.stats["tag"]["seconds"] < result.stats["slow"]["seconds"]
    assert not [e for e in result.errors if "'slow'" in e.message]


def test_slow_rule_type_is_stopped_at_its_budget_and_the_others_keep_their_findings():
    result = run({"slow": SlowRuleType}, settings={"time_budget": 0.1})
    assert result.stats["slow"]["seconds"] < 0.5  # interrupted in its first call, the second skipped
    assert tag_findings(result) == EXPECTED
    (note,) = [e for e in result.errors if "'slow'" in e.message]
    assert note.kind == "plugin" and "time budget" in note.message


def test_collect_again_after_a_new_register_does_not_double_registrations():
    from helpers import fakeplugin

    from checker import hookimpl
    from checker.plugins import PluginHost

    class Formats:
        @hookimpl
        def register_formats(self, register):
            register("fake-format", lambda report, stream: None)

    class Broken:
        @hookimpl
        def register_rule_packs(self, register):
            raise RuntimeError("boom")

    host = PluginHost()
    host.register(fakeplugin, "fake")
    host.register(Broken(), "broken")
    host.collect()
    host.register(Formats(), "formats-extra")
    host.collect()
    assert host.plugins["fake"].rule_types == ["fake-word"]
    assert list(host.formats) == ["fake-format"]
    assert [e.message for e in host.errors] == ["plugin 'broken': hook register_rule_packs raised RuntimeError: boom"]


def test_a_plugin_calling_sys_exit_is_isolated():
    import sys

    from helpers import fakeplugin

    from checker import hookimpl
    from checker.plugins import PluginHost

    class Quitter:
        @hookimpl
        def register_formats(self, register):
            sys.exit(3)

    host = PluginHost()
    host.register(Quitter(), "quitter")
    host.register(fakeplugin, "fake")
    host.collect()
    assert "fake-word" in host.rule_types
    assert any("quitter" in e.message and "SystemExit" in e.message for e in host.errors)
