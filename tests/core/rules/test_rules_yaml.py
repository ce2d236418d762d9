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


class Typed(FakeWord):
    """A rule type that declares its placeholders and has alternatives in its schema."""

    name = "typed"
    placeholders = ("a.value", "a.doc", "b.value", "b.doc", "a.time.tense", "reason")
    schema = {
        "properties": {
            "match": FakeWord.schema["properties"]["match"],
            "unit": {
                "oneOf": [{"enum": ["currency", "duration", "count"]}, {"type": "string", "pattern": "^[A-Z]{3}$"}]
            },
            "mode": {"enum": ["pairs", "definitions"]},
            "patterns": {
                "type": "array",
                "items": {
                    "oneOf": [
                        {"type": "string"},
                        {
                            "type": "object",
                            "properties": {"pattern": {"type": "string"}, "swap": {"type": "boolean"}},
                            "additionalProperties": False,
                        },
                    ]
                },
            },
        },
        "required": ["match"],
    }


TYPED = {"fake-word": FakeWord, "typed": Typed}


def errors_of(tmp_path, text):
    p = write(tmp_path, "r.yaml", text)
    rs = load_rules([p], TYPED)
    return rs, [(e.line, e.column, e.message) for e in rs.errors]


def test_unknown_message_placeholder_is_refused_with_the_closest_suggested(tmp_path):
    rs, errs = errors_of(
        tmp_path,
        """
        id: t.msg
        extends: typed
        match: {word: x}
        message: "{a.valeur} ({a.doc}) vs {b.value}: {reason} {a.time} {a.time.tense} {{literal}}"
    """,
    )
    assert rs.rules == []
    assert errs == [(4, 10, "rule 't.msg': key 'message': unknown placeholder {a.valeur} (did you mean {a.value}?)")]


def test_placeholder_far_from_any_lists_them_and_undeclared_types_are_not_checked(tmp_path):
    _, errs = errors_of(
        tmp_path,
        """
        id: t.msg
        extends: typed
        match: {word: x}
        message: "{zzz}"
        ---
        id: t.free
        extends: fake-word
        match: {word: x}
        message: "{anything.goes}"
    """,
    )
    (only,) = errs
    assert only[2] == (
        "rule 't.msg': key 'message': unknown placeholder {zzz} "
        "(placeholders: {a.value}, {a.doc}, {b.value}, {b.doc}, {a.time.tense}, {reason})"
    )


def test_misspelt_keys_suggest_the_right_one(tmp_path):
    _, errs = errors_of(
        tmp_path,
        """
        id: t.one
        extend: typed
        match: {word: x}
        ---
        id: t.two
        extends: typed
        mach: {word: x}
        ---
        id: t.three
        extends: typd
    """,
    )
    assert (2, 1, "rule 't.one': key 'extend': unknown key (did you mean 'extends'?); 'extends' is required") in errs
    assert (7, 1, "rule 't.two': key 'mach': unknown key (did you mean 'match'?)") in errs
    assert any(
        line == 10 and "unknown rule type 'typd' (did you mean 'typed'?) (known: fake-word, typed)" in m
        for line, _, m in errs
    )


def test_enum_errors_list_the_valid_values_also_inside_alternatives(tmp_path):
    _, errs = errors_of(
        tmp_path,
        """
        id: t.enum
        extends: typed
        match: {word: x}
        unit: durée
        mode: pair
        patterns:
          - "{subj} de {obj}"
          - {pattern: "{subj} par {obj}", swapp: true}
    """,
    )
    assert (
        4,
        7,
        (
            "rule 't.enum': key 'unit': must be one of currency, duration, count; or a string matching ^[A-Z]{3}$, "
            "got 'durée'"
        ),
    ) in errs
    assert (
        5,
        7,
        "rule 't.enum': key 'mode': must be one of pairs, definitions, got 'pair' (did you mean 'pairs'?)",
    ) in errs
    assert (8, 35, "rule 't.enum': key 'patterns.1.swapp': unknown key (did you mean 'swap'?)") in errs
    assert not any("not valid under any" in m for _, _, m in errs)


def test_values_json_cannot_show_are_still_reported(tmp_path):
    _, errs = errors_of(tmp_path, "id: t.date\nextends: typed\nmatch: {word: x}\nmode: 2001-01-01\n")
    assert errs == [
        (4, 7, "rule 't.date': key 'mode': must be one of pairs, definitions, got datetime.date(2001, 1, 1)")
    ]
