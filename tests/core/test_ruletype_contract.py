"""The rule-type contract: what a class must define, provides/requires ordering, selection."""

from __future__ import annotations

import pytest

from checker import hookimpl
from checker.context import Options, RunContext
from checker.model import Finding
from checker.plugins import PluginHost
from checker.rules import RuleSet
from checker.ruletype import RuleType
from checker.run.ruletypes import Selection, active_rule_types, execution_order, start_rule_types


class Extractor(RuleType):
    def extract(self, doc, rules):
        return []

    def compare(self, groups, rules) -> list[Finding]:
        return []


class Misspelled(RuleType):
    def extract(self, doc, rules):
        return []

    def compar(self, groups, rules):  # the typo the contract must catch
        return []


class Annotator(RuleType):
    provides = ("tags",)

    def annotate(self, doc, rules):
        return None


class SilentAnnotator(RuleType):
    def annotate(self, doc, rules):
        return None


class NeedsTags(Extractor):
    requires = ("tags",)
    order = 1  # would run first if order alone decided


class NeedsNothingProvided(Extractor):
    requires = ("weather",)


def host_with(**types) -> PluginHost:
    class Plugin:
        @staticmethod
        @hookimpl
        def register_rule_types(register):
            for name, cls in types.items():
                register(name, cls)

    host = PluginHost()
    host.register(Plugin, "probe")
    host.collect()
    return host


def test_base_methods_raise_instead_of_returning_nothing():
    inst = RuleType()
    with pytest.raises(NotImplementedError):
        inst.extract(None, [])
    with pytest.raises(NotImplementedError):
        inst.compare([], [])


@pytest.mark.parametrize(
    "cls,problem",
    [
        (Extractor, None),
        (Annotator, None),
        (NeedsTags, None),
        (Misspelled, "does not define compare"),
        (SilentAnnotator, "declares nothing in `provides`"),
    ],
)
def test_contract_problem(cls, problem):
    got = cls.contract_problem()
    assert (got is None) if problem is None else (problem in got), got


def test_host_refuses_a_class_that_breaks_the_contract_and_keeps_the_others():
    host = host_with(good=Extractor, typo=Misspelled)
    assert set(host.rule_types) == {"good"}
    (err,) = [e for e in host.errors if "typo" in e.message]
    assert err.kind == "plugin" and "does not define compare" in err.message and "'probe'" in err.message


def test_providers_run_first_whatever_their_order():
    # NeedsTags has the lowest order, yet runs after the annotator it requires
    assert execution_order({"needs": NeedsTags, "tags": Annotator, "plain": Extractor}) == ["plain", "tags", "needs"]
    assert execution_order({"needs": NeedsTags, "tags": Annotator}) == ["tags", "needs"]


def test_only_types_pulls_in_the_providers_it_requires():
    host = host_with(needs=NeedsTags, tags=Annotator, plain=Extractor)
    names = [n for n, _ in active_rule_types(host, Selection.of(only_types=["needs"]))]
    assert names == ["tags", "needs"]


def test_only_rules_keeps_the_rules_of_required_providers():
    from checker.rules import Rule

    host = host_with(needs=NeedsTags, tags=Annotator)
    rules = [
        Rule(id="alias", extends="tags", level="warning", message="", body={}),
        Rule(id="mine", extends="needs", level="warning", message="", body={}),
        Rule(id="other", extends="needs", level="warning", message="", body={}),
    ]
    ctx = RunContext(options=Options())
    started = start_rule_types(host, RuleSet(rules=rules), Selection.of(only_rules=["mine"]), ctx)
    assert {n: [r.id for r in rs] for n, _, rs in started} == {"tags": ["alias"], "needs": ["mine"]}


def test_a_requirement_nobody_provides_is_reported_and_skipped():
    host = host_with(lonely=NeedsNothingProvided, plain=Extractor)
    ctx = RunContext(options=Options())
    started = start_rule_types(host, RuleSet(), Selection(), ctx)
    assert [n for n, _, _ in started] == ["plain"]
    assert any("requires weather" in e.message and e.kind == "plugin" for e in ctx.errors)


def test_builtin_rule_types_declare_their_dependencies():
    from checker.plugins import default_host

    host = default_host()
    assert host.rule_types["entities"].provides == ("entities",)
    for name in ("numeric", "relation"):
        assert "entities" in host.rule_types[name].requires
    assert [n for n, _ in active_rule_types(host, Selection.of(only_types=["numeric"]))] == ["entities", "numeric"]


def test_load_plugins_env_filters_third_party_plugins_only(monkeypatch):
    from checker.plugins import default_host

    monkeypatch.setenv("FACTCHECK_LOAD_PLUGINS", "mine")
    host = default_host()
    assert {"formats", "numeric", "entities", "relations", "nli"} <= set(host.plugins)
    assert "text" in host.formats
    assert any("'mine'" in e.message for e in host.errors)
