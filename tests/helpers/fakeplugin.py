"""A tiny rule type used by the core's tests (independent of the built-in plugins).

``extends: fake-word`` rules name a word; a sentence "… <word> <number> …" is a claim;
two documents giving different numbers after the word conflict.
"""

from __future__ import annotations

import re

from checker import hookimpl
from checker.model import Claim, Evidence, Finding
from checker.pairing import cross_pairs
from checker.ruletype import RuleType


class FakeWord(RuleType):
    name = "fake-word"
    schema = {
        "properties": {
            "match": {
                "type": "object",
                "properties": {"word": {"type": "string"}},
                "required": ["word"],
                "additionalProperties": False,
            }
        },
        "required": ["match"],
    }

    def extract(self, doc, rules):
        claims = []
        for rule in rules:
            pat = re.compile(rf"\b{re.escape(rule.get('match.word'))}\s+(\d+)", re.I)
            for s in doc.sentences:
                for m in pat.finditer(s.text):
                    claims.append(
                        Claim(
                            kind=self.name,
                            doc_id=doc.id,
                            sentence=s,
                            start=s.start + m.start(),
                            end=s.start + m.end(),
                            keys=(rule.id,),
                            value={"n": int(m.group(1))},
                            rule_id=rule.id,
                        )
                    )
        return claims

    def compare(self, groups, rules):
        by_id = {r.id: r for r in rules}
        out = []
        for g in groups:
            rule = by_id[g.key]
            for a, b in cross_pairs(g, self.ctx):
                if a.value["n"] != b.value["n"]:
                    out.append(
                        Finding(
                            rule_id=rule.id,
                            kind=self.name,
                            level=rule.level,
                            message=rule.format_message(
                                a={"value": a.value["n"], "doc": a.doc_id}, b={"value": b.value["n"], "doc": b.doc_id}
                            ),
                            evidence=[Evidence.from_claim(a), Evidence.from_claim(b)],
                            score=0.9,
                            explanation={"reason": "different numbers"},
                        )
                    )
        return out


@hookimpl
def register_rule_types(register):
    register("fake-word", FakeWord)


def install_fake_host(monkeypatch):
    """Make ``default_host()`` (CLI and pipeline) load only the built-in formats and this plugin.

    Returns the host factory.  Also clears ``FACTCHECK_CONFIG`` so the test's own config is used.
    """
    import sys

    import checker.plugins
    import checker.run.pipeline
    from checker.plugins import PluginHost

    this = sys.modules[__name__]

    def make():
        h = PluginHost()
        h.load_entry_points(allow=["formats"])
        h.register(this, "fake")
        h.collect()
        return h

    monkeypatch.setattr(checker.plugins, "default_host", make)
    monkeypatch.setattr(checker.run.pipeline, "default_host", make)
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    return make
