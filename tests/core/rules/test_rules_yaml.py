"""YAML rule loading and validation: file:line:column messages, ids, unknown types."""

from __future__ import annotations

import textwrap

from helpers.fakeplugin import FakeWord

from checker.rules import format_safely, load_rules

TYPES = {"fake-word": FakeWord}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return p


def test_valid_rule_loads(tmp_path):
    write(
        tmp_path,
        "ok.yaml",
        """
        id: t.ok
        extends: fake-word
        level: error
        message: "{a.value} vs {b.value}"
        match: {word: chiffre}
        tests:
          conflict: [["chiffre 1", "chiffre 2"]]
    """,
    )
    rs = load_rules([tmp_path], TYPES)
    assert rs.errors == []
    (rule,) = rs.rules
    assert (rule.id, rule.level, rule.get("match.word"), rule.line) == ("t.ok", "error", "chiffre", 1)


def test_syntax_error_names_file_line_column(tmp_path):
    p = write(
        tmp_path,
        "broken.yaml",
        """
        id: t.broken
        extends: fake-word
        match: {word: [unclosed
    """,
    )
    rs = load_rules([p], TYPES)
    (err,) = rs.errors
    assert err.path == str(p) and err.line == 4 and err.column is not None
    assert "invalid YAML" in err.message


def test_schema_violations_point_at_the_key(tmp_path):
    p = write(
        tmp_path,
        "bad.yaml",
        """
        id: t.bad
        extends: fake-word
        level: fatal
        match:
          word: 12
          colour: red
    """,
    )
    rs = load_rules([p], TYPES)
    assert rs.rules == []
    msgs = {(e.line, e.message) for e in rs.errors}
    assert (3, "rule 't.bad': key 'level': must be one of suggestion, warning, error, got 'fatal'") in msgs
    assert any(line == 5 and "key 'match.word'" in m and "string" in m for line, m in msgs)
    assert (6, "rule 't.bad': key 'match.colour': unknown key") in msgs
    assert all(e.path == str(p) for e in rs.errors)


def test_unknown_extends_and_duplicate_ids(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        """
        id: t.same
        extends: fake-word
        match: {word: x}
        ---
        id: t.other
        extends: no-such-type
    """,
    )
    write(
        tmp_path,
        "b.yaml",
        """
        id: t.same
        extends: fake-word
        match: {word: y}
    """,
    )
    rs = load_rules([tmp_path], TYPES)
    assert [r.id for r in rs.rules] == ["t.same"]
    messages = sorted(str(e) for e in rs.errors)
    assert any("a.yaml:6:10: rule 't.other': key 'extends': unknown rule type 'no-such-type'" in m for m in messages)
    assert any("b.yaml:1:1: rule 't.same': duplicate id (first defined at" in m for m in messages)


def test_unsafe_yaml_tags_are_rejected(tmp_path):
    p = write(
        tmp_path,
        "evil.yaml",
        """
        id: t.evil
        extends: fake-word
        match: !!python/object/apply:os.system ["echo hi"]
    """,
    )
    rs = load_rules([p], TYPES)
    assert rs.rules == [] and rs.errors and rs.errors[0].line == 3


def test_missing_required_and_non_mapping(tmp_path):
    write(tmp_path, "a.yaml", "id: t.nomatch\nextends: fake-word\n")
    write(tmp_path, "b.yaml", "- just\n- a list\n")
    rs = load_rules([tmp_path], TYPES)
    messages = [str(e) for e in rs.errors]
    assert any("rule 't.nomatch': key 'match': is required" in m for m in messages)
    assert any("b.yaml:1:1: a rule must be a mapping" in m for m in messages)


def test_message_formatting_is_lenient():
    assert (
        format_safely("{a.value} ({a.doc}) vs {b.value}", {"a": {"value": 13, "doc": "000"}}) == "13 (000) vs {b.value}"
    )
    assert format_safely("broken {", {}) == "broken {"


def test_a_file_named_twice_is_read_once(tmp_path):
    p = write(tmp_path, "ok.yaml", "id: t.once\nextends: fake-word\nmatch: {word: x}\n")
    rs = load_rules([tmp_path, p, str(p)], TYPES)
    assert [r.id for r in rs.rules] == ["t.once"] and rs.errors == []
