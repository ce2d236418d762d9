"""Findings grouped by what they are about, for the HTML report.

The same figure (a numeric slot: ``general.workforce``), the same relation (one relation
of one object: the CEO of Ardelis), the same defined term, checked across several articles,
is one group; anything else stands alone.  Groups come in the order of their first finding
(the report's findings are already sorted), so the page stays byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.report.html_labels import labels
from checker.report.html_values import of_object, shown_triple, triple_parts, words


@dataclass
class Group:
    key: tuple
    kind: str  # "figure", "relation", "definition", "statement" ...: the label shown
    title: str
    findings: list = field(default_factory=list)  # (finding, finding id)

    def documents(self) -> list[str]:
        """Every article of the group: quoted ones and the others of each side, in path order."""
        seen: set[str] = set()
        for f, _ in self.findings:
            seen.update(ev.doc_id for ev in f.evidence)
            sides = f.explanation.get("sides") if isinstance(f.explanation, dict) else None
            for side in sides if isinstance(sides, list) else []:
                if isinstance(side, dict):
                    seen.update(str(d) for d in side.get("documents") or [])
        return sorted(seen)


def _first_value(f) -> dict:
    for ev in f.evidence:
        if isinstance(ev.value, dict):
            return ev.value
    return {}


def group_key(f) -> tuple:
    """What the finding is about."""
    expl = f.explanation if isinstance(f.explanation, dict) else {}
    value = _first_value(f)
    if f.kind == "numeric" and not f.within_document:
        return ("numeric", str(expl.get("slot") or value.get("slot") or f.rule_id))
    if f.kind == "relation" and value.get("relation") and value.get("object"):
        return ("relation", str(value["relation"]), str(value["object"]))
    if f.kind == "nli" and expl.get("term"):
        return ("nli", str(expl["term"]).lower())
    if f.kind in ("entity", "entities") and (value.get("id") or value.get("name")):
        return ("entity", str(value.get("id") or value.get("name")).lower())
    return ("one", f.rule_id, f.fingerprint, tuple((ev.doc_id, ev.start, ev.end) for ev in f.evidence))


def _description(rule) -> str:
    text = str(getattr(rule, "description", "") or "").strip()
    return text.split(" (")[0].rstrip(". ").strip()


def group_title(f, rule, lang: str) -> tuple[str, str]:
    """(kind label, title) of the group a finding starts."""
    w = labels(lang)
    key = group_key(f)
    if key[0] == "numeric":
        return w["figure"], _description(rule) or words(key[1])
    if key[0] == "relation":
        ev = f.evidence[0]
        parts = triple_parts(shown_triple(f, ev) or "")
        value = _first_value(f)
        if parts:
            obj = parts[2] if parts[2].strip() not in ("(?)", "?", "") else w["unnamed"]
            return w["relation"], of_object(parts[1], obj, lang)
        obj = (value.get("names") or {}).get("object") or value.get("object", "")
        return w["relation"], of_object(f"{words(key[1])} {w['of']}", str(obj), lang)
    if key[0] == "nli":
        return w["statement"], w["definition_of"].format(term=f.explanation["term"])
    if key[0] == "entity":
        value = _first_value(f)
        return w["name"], str(value.get("name") or value.get("id"))
    kind = {"numeric": w["figure"], "nli": w["statement"], "relation": w["relation"]}.get(f.kind, words(f.kind))
    return kind, _description(rule) or words(f.rule_id)


def group_findings(findings, fids, rules_by_id: dict, lang: str) -> list[Group]:
    groups: dict[tuple, Group] = {}
    for f, fid in zip(findings, fids):
        key = group_key(f)
        if key not in groups:
            kind, title = group_title(f, rules_by_id.get(f.rule_id), lang)
            groups[key] = Group(key, kind, title)
        groups[key].findings.append((f, fid))
    return list(groups.values())
