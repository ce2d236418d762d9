#!/usr/bin/env python
"""Generate docs/rules.md, the YAML rule reference, from the registered rule types.

Every key of every built-in rule type comes from that type's JSON ``schema`` (the
same schema that validates rules), the common keys from ``checker.rules``, and each
type's example from the built-in rule packs in ``rules/``, so the reference cannot
drift: ``tests/test_docs_rules.py`` regenerates it and compares with the committed file.

    python scripts/gen_rules_doc.py            # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check    # exit 1 if docs/rules.md is stale
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import inspect
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "rules.md"
sys.path.insert(0, str(REPO))

COMMON_DOC = {
    "id": "Unique rule id (letters, digits, `.`, `_`, `-`); prefix with the language or pack (`fr.`, `dates.`).",
    "extends": "The rule type (see below), registered by a plugin.",
    "level": "Severity of its findings; `--fail-on` and `--min-level` compare against it. Default `warning`.",
    "message": "Finding message; placeholders such as `{a.value}`, `{a.doc}`, `{b.value}`, `{b.doc}` "
    "are filled per finding. Each rule type's section lists its placeholders; a message naming "
    "another one is refused when the rule is loaded, with the closest suggested (a type that "
    "declares none leaves unknown ones visible in the message). The template stays as written; "
    "its placeholders (values such as `13,75 milliards de dollars` / `$13.75 billion`, `{verdict}`) "
    "read the rule's first language (`languages`), else the finding's. Without a `message`, the "
    "rule type's own wording speaks the articles' language (`--lang` overrides).",
    "description": "What the rule checks (shown by `factcheck rules list`).",
    "enabled": "`false` keeps the rule loaded but switched off (as `--disable ID`). Default `true`.",
    "languages": "Only documents in these languages (ISO 639-1 codes); default: every language.",
    "tests": "Examples run by `factcheck rules test`: `conflict` pairs must give a finding of this rule "
    "linking both one-sentence documents, `consistent` pairs none at level warning or above.",
}


#: hand-written guides, one section each after the rule types: (rule type, title, file in scripts/rules_doc/)
GUIDES = [("relation", "Relation pattern language", "relation-patterns.md")]


def _anchor(title: str) -> str:
    return title.lower().replace(" ", "-")


def _type(node: dict[str, Any]) -> str:
    if not isinstance(node, dict):
        return ""
    if "$ref" in node:
        return "see " + node["$ref"].rsplit("/", 1)[-1]
    if "enum" in node:
        return "one of " + ", ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in node["enum"])
    if "const" in node:
        return f"`{json.dumps(node['const'], ensure_ascii=False)}`"
    for comb in ("oneOf", "anyOf"):
        if comb in node and "type" not in node:
            parts = [_type(n) for n in node[comb]]
            return " or ".join(p for p in parts if p)
    t = node.get("type", "")
    if isinstance(t, list):
        t = " or ".join(t)
    if t == "array":
        inner = _type(node.get("items", {}))
        return f"list of {inner}" if inner else "list"
    if t == "object" and "additionalProperties" in node and isinstance(node["additionalProperties"], dict):
        inner = _type(node["additionalProperties"])
        return f"mapping of {inner}" if inner else "mapping"
    return t


def _constraints(node: dict[str, Any]) -> str:
    out = []
    for key, label in (
        ("minimum", "≥"),
        ("exclusiveMinimum", ">"),
        ("maximum", "≤"),
        ("exclusiveMaximum", "<"),
        ("minItems", "items ≥"),
        ("maxItems", "items ≤"),
        ("minLength", "length ≥"),
        ("pattern", "pattern"),
    ):
        if key in node:
            value = node[key]
            out.append(f"{label} `{value}`" if key == "pattern" else f"{label} {value}")
    if "default" in node:
        out.append(f"default `{json.dumps(node['default'], ensure_ascii=False)}`")
    return ", ".join(out)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def flatten(schema: dict[str, Any], prefix: str = "", required: tuple[str, ...] = ()) -> list[tuple[str, dict, bool]]:
    """(dotted key, schema node, required) for every property, depth first, in schema order."""
    rows = []
    props = schema.get("properties", {}) if isinstance(schema, dict) else {}
    req = set(schema.get("required", [])) if isinstance(schema, dict) else set()
    for name, node in props.items():
        path = f"{prefix}{name}"
        rows.append((path, node, name in req))
        if not isinstance(node, dict):
            continue
        if node.get("properties"):
            rows.extend(flatten(node, path + "."))
        items = node.get("items")
        if isinstance(items, dict) and items.get("properties"):
            rows.extend(flatten(items, path + "[]."))
        for comb in ("oneOf", "anyOf"):
            for alt in node.get(comb, []) or []:
                if isinstance(alt, dict) and alt.get("properties"):
                    rows.extend(flatten(alt, path + "."))
                alt_items = alt.get("items") if isinstance(alt, dict) else None
                if isinstance(alt_items, dict) and alt_items.get("properties"):
                    rows.extend(flatten(alt_items, path + "[]."))
                for sub in (alt_items or {}).get("oneOf", []) if isinstance(alt_items, dict) else []:
                    if isinstance(sub, dict) and sub.get("properties"):
                        rows.extend(flatten(sub, path + "[]."))
        if isinstance(items, dict):
            for alt in items.get("oneOf", []) or []:
                if isinstance(alt, dict) and alt.get("properties"):
                    rows.extend(flatten(alt, path + "[]."))
    # keep the first occurrence of a path (alternatives may repeat keys)
    seen, out = set(), []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out


def _placeholders_line(cls) -> str:
    """What ``message`` may use, from the rule type's ``placeholders``."""
    names = getattr(cls, "placeholders", None)
    if names is None:
        return "Message placeholders: not declared by this rule type (`message` is not checked)."
    if not names:
        return "Message placeholders: none (its rules give no findings of their own)."
    paired = [n[2:] for n in names if n.startswith("a.") and f"b.{n[2:]}" in names]
    others = [n for n in names if n[2:] not in paired or n[:2] not in ("a.", "b.")]
    parts = []
    if paired:
        keys = ", ".join(f"`{k}`" for k in paired)
        parts.append(f"`{{a.KEY}}` (first side) and `{{b.KEY}}` (second side) for KEY in {keys}")
    parts += [f"`{{{n}}}`" for n in others]
    return "Message placeholders: " + "; ".join(parts) + "."


def _doc_summary(cls) -> str:
    doc = inspect.getdoc(cls) or inspect.getdoc(sys.modules.get(cls.__module__)) or ""
    para = doc.strip().split("\n\n", 1)[0]
    return " ".join(para.split()).replace("``", "`")


def _example(type_name: str, ruleset) -> tuple[str, str] | None:
    import yaml

    rules = [
        r
        for r in ruleset.rules
        if r.extends == type_name and r.path and Path(r.path).resolve().is_relative_to((REPO / "rules").resolve())
    ]
    if not rules:
        return None

    def dumped(r):
        return yaml.safe_dump(r.body, allow_unicode=True, sort_keys=False, width=100).rstrip()

    best = min(rules, key=lambda r: (len(dumped(r)), r.id))
    rel = Path(best.path).resolve().relative_to(REPO).as_posix()
    return rel, dumped(best)


def builtin_rule_types(host) -> dict[str, type]:
    """Rule types of the plugins shipped in this repository (package ``plugins``)."""
    return {name: cls for name, cls in sorted(host.rule_types.items()) if cls.__module__.split(".")[0] == "plugins"}


def generate() -> str:
    from checker.plugins import PluginHost
    from checker.rules import COMMON_PROPERTIES, load_rules

    host = PluginHost()
    # only this repository's plugins: installed third-party ones must not change the reference
    own = [ep.name for ep in md.entry_points(group="factcheck") if ep.value.split(".")[0] in ("plugins", "checker")]
    host.load_entry_points(allow=own)
    host.collect()
    types = builtin_rule_types(host)
    ruleset = load_rules([REPO / "rules"], host.rule_types)

    lines = [
        "# YAML rule reference",
        "",
        "<!-- Generated by scripts/gen_rules_doc.py from the rule types' JSON schemas: do not edit by hand.",
        "     tests/test_docs_rules.py fails when this file is stale; regenerate with",
        "     `python scripts/gen_rules_doc.py`. -->",
        "",
        "A rule is a YAML mapping (several per file, separated by `---`) in `rules/<lang>/`, in a",
        "directory given with `--rules`, or in a plugin's rule pack. `extends` names the rule type;",
        "the other keys are validated against that type's JSON schema when the rule is loaded, and",
        "every problem is reported as `file:line:column` with the rule id and the key.",
        "",
        "Check rules with `factcheck rules validate`, run their examples with `factcheck rules test`,",
        "list them with `factcheck rules list`. Plugins add rule types: see [plugins.md](plugins.md).",
        "",
        "Rule types: " + ", ".join(f"[`{n}`](#{n})" for n in types),
        "",
        "Writing rules: " + ", ".join(f"[{title}](#{_anchor(title)})" for _, title, _ in GUIDES),
        "",
        "## Keys common to every rule",
        "",
        "| Key | Type | Constraints | Meaning |",
        "|---|---|---|---|",
    ]
    for key, node in COMMON_PROPERTIES.items():
        req = " (required)" if key in ("id", "extends") else ""
        lines.append(
            f"| `{key}`{req} | {_cell(_type(node))} | {_cell(_constraints(node))} | {_cell(COMMON_DOC.get(key, ''))} |"
        )
    lines += [
        "",
        "```yaml",
        "tests:",
        '  conflict:   [["first article sentence", "second article sentence"]]',
        '  consistent: [["first article sentence", "second article sentence"]]',
        "```",
        "",
    ]

    for name, cls in types.items():
        schema = getattr(cls, "schema", {}) or {}
        lines += [f"## {name}", ""]
        summary = _doc_summary(cls)
        if summary:
            lines += [summary, ""]
        lines.append(f"Defined by `{cls.__module__}.{cls.__name__}` (plugin `{host.rule_type_owner.get(name, '?')}`).")
        if getattr(cls, "order", 100) < 50:
            lines.append(
                "It is an annotator: it runs before every other rule type and stays active when others are selected."
            )
        if not getattr(cls, "testable", True):
            lines.append("`factcheck rules test` does not run its `tests:` examples.")
        for type_name, title, _ in GUIDES:
            if type_name == name:
                lines.append(f"How to write its rules, with a worked example: [{title}](#{_anchor(title)}).")
        lines += ["", _placeholders_line(cls), ""]
        rows = flatten(schema)
        if rows:
            lines += ["| Key | Type | Constraints | Meaning |", "|---|---|---|---|"]
            for path, node, required in rows:
                node = node if isinstance(node, dict) else {}
                req = " (required)" if required else ""
                lines.append(
                    f"| `{path}`{req} | {_cell(_type(node))} | {_cell(_constraints(node))} "
                    f"| {_cell(node.get('description', ''))} |"
                )
            lines.append("")
        else:
            lines += ["No type-specific keys.", ""]
        if schema.get("additionalProperties") is not False and "additionalProperties" in schema:
            lines += ["Other keys are accepted.", ""]
        example = _example(name, ruleset)
        if example:
            rel, body = example
            lines += [f"Example (`{rel}`):", "", "```yaml", body, "```", ""]
    for type_name, _, filename in GUIDES:
        if type_name in types:
            lines += [(REPO / "scripts" / "rules_doc" / filename).read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/rules.md differs")
    parser.add_argument("-o", "--output", default=str(OUT))
    args = parser.parse_args(argv)
    text = generate()
    out = Path(args.output)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is stale: run python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
