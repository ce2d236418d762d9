"""checker.testing: the helpers and pytest fixtures offered to plugin authors."""

from __future__ import annotations

import importlib.metadata as md
import re
import subprocess
import sys
import textwrap

import pytest

from checker.model import Claim, Evidence, Finding
from checker.pairing import unique_pairs
from checker.ruletype import RuleType
from checker.testing import (
    assert_finding,
    assert_no_finding,
    assert_no_plugin_errors,
    check_texts,
    findings_for,
    make_checker,
    make_document,
    prepare_document,
    result_json,
    run_rule_type,
)

_TAG = re.compile(r"\b([A-Z])=(\d+)")


class TagRuleType(RuleType):
    name = "tag"
    schema = {"type": "object", "properties": {"key": {"type": "string"}}}

    def extract(self, doc, rules):
        out = []
        for rule in rules:
            for sent in doc.sentences:
                for m in _TAG.finditer(sent.text):
                    if rule.get("key") and m.group(1) != rule.get("key"):
                        continue
                    out.append(
                        Claim(
                            kind=self.name,
                            doc_id=doc.id,
                            sentence=sent,
                            start=sent.start + m.start(),
                            end=sent.start + m.end(),
                            keys=(rule.id + m.group(1),),
                            value={"v": int(m.group(2))},
                            rule_id=rule.id,
                        )
                    )
        return out

    def compare(self, groups, rules):
        by_id = {r.id: r for r in rules}
        return [
            Finding(
                rule_id=a.rule_id,
                kind=self.name,
                level=by_id[a.rule_id].level,
                message="differ",
                evidence=[Evidence.from_claim(a), Evidence.from_claim(b)],
            )
            for a, b in unique_pairs(groups, self.ctx)
            if a.value != b.value
        ]


RULE_YAML = "id: t.k\nextends: tag\nlevel: error\nkey: K\n"
TEXTS = {"a.txt": "Le compteur indique K=1 et J=4.", "b.txt": "Le compteur indique K=2 et J=5."}


def test_make_document_keeps_text_and_offsets():
    doc = make_document("Ligne un.\r\nLigne deux.", "x.txt")
    assert doc.id == "x.txt" and doc.text == "Ligne un.\nLigne deux." and doc.sentences == []
    html = make_document("<p>Bonjour</p>", "x.html", fmt="html")
    assert html.text == "<p>Bonjour</p>" and "Bonjour" in html.view and "<p>" not in html.view
    assert make_document("Hello.", language="en").language == "en"


def test_prepare_document_segments_with_tokens():
    doc = prepare_document("Microsoft a investi. OpenAI a accepté.", "a.txt", language="fr")
    assert [s.text for s in doc.sentences] == ["Microsoft a investi.", "OpenAI a accepté."]
    assert doc.sentences[1].tokens is not None and doc.sentences[1].start == 21


def test_run_rule_type_with_yaml_string_and_dict_rules():
    result = run_rule_type(TagRuleType, TEXTS, [RULE_YAML])
    assert_no_plugin_errors(result)
    f = assert_finding(
        result, rule_id="t.k", between=("a.txt", "b.txt"), level="error", count=1, values=[{"v": 1}, {"v": 2}]
    )
    assert [e.quote for e in f.evidence] == ["K=1", "K=2"]
    as_dict = run_rule_type(TagRuleType, TEXTS, [{"id": "t.j", "extends": "tag", "level": "warning", "key": "J"}])
    assert [x.rule_id for x in as_dict.findings] == ["t.j"]
    # list of texts: ids doc0.txt, doc1.txt
    listed = run_rule_type(TagRuleType, list(TEXTS.values()), [RULE_YAML])
    assert_finding(listed, between=("doc0.txt", "doc1.txt"))


def test_rule_paths_are_accepted(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(RULE_YAML, encoding="utf-8")
    assert_finding(run_rule_type(TagRuleType, TEXTS, [path]), rule_id="t.k")
    assert_finding(run_rule_type(TagRuleType, TEXTS, [str(path)]), rule_id="t.k")


def test_assertion_messages_show_what_was_found():
    result = run_rule_type(TagRuleType, TEXTS, [RULE_YAML])
    with pytest.raises(
        AssertionError, match=r"(?s)expected a finding with rule_id='nope'.*error t\.k \[a\.txt, b\.txt\]"
    ):
        assert_finding(result, rule_id="nope")
    with pytest.raises(AssertionError, match="expected 2 finding"):
        assert_finding(result, rule_id="t.k", count=2)
    with pytest.raises(AssertionError, match="evidence values differ"):
        assert_finding(result, rule_id="t.k", values=[{"v": 9}, {"v": 2}])
    with pytest.raises(AssertionError, match="expected no such finding, got 1"):
        assert_no_finding(result, min_level="warning")
    assert_no_finding(result, level="suggestion")
    assert_no_finding(result, between=("a.txt", "c.txt"))
    assert findings_for(result, kind="tag", min_level="error") == result.findings


def test_invalid_rule_is_an_error_not_an_exception():
    result = check_texts(
        TEXTS, ["id: t.bad\nextends: tag\nkey: [1]\n"], rule_types={"tag": TagRuleType}, only_types={"tag"}
    )
    errors = [e for e in result.errors if e.kind == "rule"]
    assert errors and "key 'key'" in errors[0].message and errors[0].line == 3
    with pytest.raises(AssertionError, match="plugin/rule errors"):
        assert_no_plugin_errors(result)
    with pytest.raises(TypeError):
        check_texts(TEXTS, [42], rule_types={"tag": TagRuleType})


def test_builtin_rules_and_packs_are_off_unless_asked():
    checker = make_checker([RULE_YAML], rule_types={"tag": TagRuleType})
    assert [r.id for r in checker.ruleset.rules] == ["t.k"]
    with_builtin = make_checker([RULE_YAML], rule_types={"tag": TagRuleType}, builtin_rules=True)
    assert len(with_builtin.ruleset.rules) > 1
    # a reusable checker
    assert checker.check_texts(TEXTS).findings and not checker.check_texts({"a.txt": "K=1.", "b.txt": "K=1."}).findings


def test_result_json_is_deterministic():
    first = result_json(run_rule_type(TagRuleType, TEXTS, [RULE_YAML]))
    assert first == result_json(run_rule_type(TagRuleType, TEXTS, [RULE_YAML])) and '"t.k"' in first


def test_settings_reach_the_rule_type():
    seen = {}

    class Spy(TagRuleType):
        name = "spy"

        def setup(self, rules, ctx):
            super().setup(rules, ctx)
            seen.update(ctx.options.settings)

    run_rule_type(Spy, TEXTS, ["id: t.s\nextends: spy\n"], settings={"spy": {"x": 1}})
    assert seen == {"spy": {"x": 1}}


def test_import_is_cheap():
    code = (
        "import sys, checker.testing; heavy = [m for m in ('spacy', 'torch', 'transformers') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_fixtures_work_as_a_pytest_plugin(tmp_path):
    (tmp_path / "test_fixtures.py").write_text(
        textwrap.dedent("""
        from checker.testing import assert_finding
        from tests_support import TagRuleType

        def test_run(factcheck_run):
            result = factcheck_run({"a.txt": "K=1 ici.", "b.txt": "K=2 ici."},
                                   ["id: t.k\\nextends: tag\\nlevel: error\\n"], rule_types={"tag": TagRuleType})
            assert_finding(result, rule_id="t.k")

        def test_checker(factcheck_checker):
            checker = factcheck_checker(["id: t.k\\nextends: tag\\n"], rule_types={"tag": TagRuleType})
            assert [r.id for r in checker.ruleset.rules] == ["t.k"]

        def test_bad_rule_fails_clearly(factcheck_run):
            factcheck_run({"a.txt": "x", "b.txt": "y"}, ["id: t.k\\nextends: tag\\nlevel: fatal\\n"],
                          rule_types={"tag": TagRuleType})
        """),
        encoding="utf-8",
    )
    (tmp_path / "tests_support.py").write_text("import re\n" + _source_of_tag_rule_type(), encoding="utf-8")
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_fixtures.py"]
    if not any(ep.name == "factcheck" for ep in md.entry_points(group="pytest11")):
        args[3:3] = ["-p", "checker.testing"]  # until factcheck declares its pytest11 entry point
    proc = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert "1 failed, 2 passed" in proc.stdout, proc.stdout[-3000:]
    assert "rule errors:" in proc.stdout and "key 'level'" in proc.stdout


def _source_of_tag_rule_type() -> str:
    import inspect

    header = (
        "from checker.model import Claim, Evidence, Finding\nfrom checker.pairing import unique_pairs\n"
        "from checker.ruletype import RuleType\n_TAG = re.compile(r'\\b([A-Z])=(\\d+)')\n"
    )
    return header + inspect.getsource(TagRuleType)
