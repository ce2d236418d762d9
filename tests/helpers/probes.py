"""Probe rule types for the -j and analysis-cache tests: they record which process did the work."""

from __future__ import annotations

import os
import re

from checker.context import Options
from checker.model import Claim, Evidence, Finding
from checker.ruletype import RuleType
from checker.testing import make_checker

PARENT_PID = os.getpid()
NUMBER = re.compile(r"\d+")

PROBE_RULE = """
id: probe.count
extends: probe
level: warning
message: "{a.value} vs {b.value}"
"""


class ProbeRuleType(RuleType):
    """Deterministic toy rule type: the first number of each sentence, keyed by the word before it."""

    name = "probe"
    schema = {"type": "object"}

    def extract(self, doc, rules):
        out = []
        for s in doc.sentences:
            m = NUMBER.search(s.text)
            if not m:
                continue
            words = s.text[: m.start()].split()
            key = words[-1].lower() if words else ""
            self.ctx.add_stat("probe", "numbers", 1)
            out.append(
                Claim(
                    kind="probe",
                    doc_id=doc.id,
                    sentence=s,
                    start=s.start + m.start(),
                    end=s.start + m.end(),
                    keys=(key,),
                    value={"n": int(m.group())},
                    data=self.payload(s),
                )
            )
        return out

    def payload(self, sentence):
        return {"len": len(sentence.text)}

    def compare(self, groups, rules):
        rule = rules[0]
        out = []
        for g in groups:
            claims = sorted(g.claims, key=lambda c: (c.doc_id, c.start))
            for i, a in enumerate(claims):
                for b in claims[i + 1 :]:
                    if a.doc_id != b.doc_id and a.value != b.value:
                        out.append(
                            Finding(
                                rule_id=rule.id,
                                kind="probe",
                                level=rule.level,
                                message=f"{a.value['n']} vs {b.value['n']} ({a.data['len']})",
                                evidence=[Evidence.from_claim(a), Evidence.from_claim(b)],
                            )
                        )
        return out


class UnpicklableProbe(ProbeRuleType):
    def payload(self, sentence):
        return {"len": len(sentence.text), "fn": lambda: None}


class DyingProbe(ProbeRuleType):
    def extract(self, doc, rules):
        if os.getpid() != PARENT_PID:
            os._exit(3)  # a worker that crashes hard
        return super().extract(doc, rules)


def corpus(n: int = 9) -> dict[str, str]:
    texts = {}
    for i in range(n):
        texts[f"art{i:02d}.txt"] = (
            f"Le groupe a recruté {100 + (i % 3)} ingénieurs cette année. "
            f"Selon la direction, le chiffre d'affaires atteint {20 + (i % 2)} millions d'euros.\n\n"
            f"Le rapport compte {7 + i} pages et cite {3} sources."
        )
    texts["empty.txt"] = "   \n"  # an input error in the middle of the corpus keeps its place
    texts["zz_last.txt"] = "Le groupe a recruté 99 ingénieurs cette année."
    return texts


def run(rule_type, jobs: int, texts=None):
    checker = make_checker(
        [PROBE_RULE],
        rule_types={"probe": rule_type},
        only_types=["probe"],
        options=Options(progress=False, quiet=True, use_cache=False, jobs=jobs),
    )
    return checker.check_texts(texts or corpus())


def stable(stats):
    """Statistics without timings (``seconds``), which differ from run to run."""
    return {k: v for k, v in (stats or {}).items() if k != "seconds"}


def signature(result):
    return (
        [
            (
                f.rule_id,
                f.level,
                f.message,
                f.fingerprint,
                [(e.doc_id, e.start, e.end, e.line, e.column, e.quote) for e in f.evidence],
            )
            for f in result.findings
        ],
        [str(e) for e in result.errors],
        [
            (d.id, d.language, len(d.sentences), [(s.start, s.end, s.section) for s in d.sentences])
            for d in result.documents
        ],
    )
