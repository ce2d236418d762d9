"""docs/rules.md cannot drift from the rule types' JSON schemas.

If a test here fails after a schema or built-in rule change, regenerate the reference:
``python scripts/gen_rules_doc.py``.
"""

from __future__ import annotations

import importlib.util
import re

import pytest
import yaml
from helpers.paths import REPO

DOC = REPO / "docs" / "rules.md"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", REPO / "scripts" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(gen):
    return gen.generate()


@pytest.fixture(scope="module")
def host():
    from checker.plugins import default_host

    return default_host()


def test_committed_reference_is_up_to_date(generated):
    assert DOC.read_text(encoding="utf-8") == generated, "docs/rules.md is stale: run python scripts/gen_rules_doc.py"


def test_every_builtin_rule_type_and_key_is_documented(gen, generated, host):
    from checker.rules import COMMON_PROPERTIES

    types = gen.builtin_rule_types(host)
    assert {"entities", "numeric", "nli", "relation"} <= set(types)
    for name, cls in types.items():
        section = generated.split(f"\n## {name}\n", 1)
        assert len(section) == 2, f"no section for rule type {name}"
        body = section[1].split("\n## ", 1)[0]
        for path, _node, _req in gen.flatten(cls.schema or {}):
            assert f"| `{path}`" in body, f"{name}: key {path} missing from the reference"
    for key in COMMON_PROPERTIES:
        assert f"| `{key}`" in generated


def test_flatten_walks_nested_objects_arrays_and_alternatives(gen):
    schema = {
        "type": "object",
        "required": ["a"],
        "properties": {
            "a": {"type": "string", "description": "A key"},
            "b": {"type": "object", "properties": {"c": {"enum": ["x", "y"], "default": "x"}}},
            "d": {
                "type": "array",
                "items": {
                    "oneOf": [
                        {"type": "string"},
                        {"type": "object", "properties": {"e": {"type": "integer", "minimum": 0}}},
                    ]
                },
            },
        },
    }
    rows = {path: (gen._type(node), gen._constraints(node), req) for path, node, req in gen.flatten(schema)}
    assert list(rows) == ["a", "b", "b.c", "d", "d[].e"]
    assert rows["a"] == ("string", "", True)
    assert rows["b.c"] == ('one of `"x"`, `"y"`', 'default `"x"`', False)
    assert rows["d"][0] == "list of string or object"
    assert rows["d[].e"][1] == "≥ 0"


def test_examples_in_the_reference_are_valid_rules(generated, host, tmp_path):
    from checker.rules import load_rules

    blocks = re.findall(r"^Example \(`([^`]+)`\):\n\n```yaml\n(.*?)^```", generated, re.M | re.S)
    assert len(blocks) >= 4
    for i, (source, body) in enumerate(blocks):
        assert (REPO / source).is_file(), source
        data = yaml.safe_load(body)
        path = tmp_path / f"ex{i}.yaml"
        path.write_text(body, encoding="utf-8")
        loaded = load_rules([path], host.rule_types)
        assert not loaded.errors, [str(e) for e in loaded.errors]
        assert loaded.rules[0].id == data["id"]


def test_check_mode_reports_a_stale_file(gen, tmp_path, capsys):
    stale = tmp_path / "rules.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert gen.main(["--check", "-o", str(stale)]) == 1
    assert "stale" in capsys.readouterr().err
    assert gen.main(["-o", str(stale)]) == 0
    assert gen.main(["--check", "-o", str(stale)]) == 0


def test_every_key_has_a_description(gen, host):
    """An analyst writes rules from docs/rules.md alone: no key of a built-in rule type without a meaning."""
    from checker.rules import COMMON_PROPERTIES

    missing = [
        f"{name}: {path}"
        for name, cls in gen.builtin_rule_types(host).items()
        for path, node, _req in gen.flatten(cls.schema or {})
        if not (isinstance(node, dict) and str(node.get("description", "")).strip())
    ]
    missing += [f"common: {key}" for key in COMMON_PROPERTIES if not gen.COMMON_DOC.get(key, "").strip()]
    assert missing == [], "keys without a description (add one in the schema): " + ", ".join(missing)


def test_each_rule_type_section_lists_its_message_placeholders(gen, generated, host):
    for name, cls in gen.builtin_rule_types(host).items():
        body = generated.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        (line,) = [x for x in body.splitlines() if x.startswith("Message placeholders:")]
        for placeholder in cls.placeholders or ():
            side, _, key = placeholder.partition(".")
            assert f"`{{{placeholder}}}`" in line or (side in "ab" and f"`{key}`" in line), (name, placeholder)
    relation = generated.split("\n## relation\n", 1)[1]
    assert "`{a.KEY}` (first side) and `{b.KEY}` (second side) for KEY in `value`, `doc`, `quote`" in relation


def _pattern_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    assert "\n## Relation pattern language\n" in text, "docs/rules.md has no section on the relation pattern language"
    return text.split("\n## Relation pattern language\n", 1)[1].split("\n## ", 1)[0]


def test_the_pattern_language_section_covers_every_token_and_option():
    section = _pattern_section()
    for token in ("{subj}", "{obj}", "{role}", "{qual}", "{be}", "{det}", "word?", "(a\\|b c)", "...N", "`,`"):
        assert f"`{token}`" in section or token in section, token
    for topic in ("Negation, hedges and adverbs are kept", "Appositions", "`qualifier: exclusive`", "`swap: true`"):
        assert topic in section, topic
    assert "`qualifiers:`" in section and "`object: context`" in section and "`negate: true`" in section


@pytest.mark.slow
def test_the_worked_relation_example_of_the_docs_passes_rules_test(tmp_path):
    """An outsider copies the example from docs/rules.md, saves it and runs `factcheck rules test` on it."""
    import os
    import subprocess
    import sys

    (body,) = re.findall(r"^```yaml\n(.*?)^```", _pattern_section(), re.M | re.S)
    rule = yaml.safe_load(body)
    assert rule["extends"] == "relation" and rule["qualifiers"]
    assert any("{qual}" in (p if isinstance(p, str) else p["pattern"]) for p in rule["patterns"])
    assert len(rule["tests"]["conflict"]) >= 3 and rule["tests"]["consistent"]
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "distributor.yaml").write_text(body, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_CONFIG", "FACTCHECK_LOAD_PLUGINS")}
    env["PYTHONPATH"] = str(REPO)
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "test", "myrules/distributor.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    cases = len(rule["tests"]["conflict"]) + len(rule["tests"]["consistent"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == f"{cases} passed, 0 failed", proc.stdout
