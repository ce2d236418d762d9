"""Run the ``entities`` annotator alone on small texts (shared by the entity and role tests)."""

from __future__ import annotations

from pathlib import Path

from checker.context import RunContext
from checker.rules import load_rules
from checker.text.load import make_document
from checker.text.nlp import NlpProvider
from checker.text.segment import segment_document
from plugins.entities.ruletype import EntitiesRuleType


def make_annotator(rules_yaml: str, folder: Path):
    """An ``entities`` rule type set up with the rules in ``rules_yaml``; returns (instance, ctx)."""
    path = folder / "entities.yaml"
    path.write_text(rules_yaml, encoding="utf-8")
    rs = load_rules([path], {"entities": EntitiesRuleType})
    assert not rs.errors, rs.errors
    inst = EntitiesRuleType()
    ctx = RunContext(nlp=NlpProvider())
    inst.setup(rs.by_type("entities"), ctx)
    return inst, ctx


def annotate(annotator, text: str, lang: str = "fr"):
    """Segment ``text`` and annotate it; returns the document."""
    inst, ctx = annotator
    doc = make_document(text, f"t.{lang}.txt")
    doc.language = lang
    segment_document(doc, ctx.nlp.get(lang))
    inst.annotate(doc, inst.rules)
    return doc
