"""Shared fixtures for the report, suppression and baseline tests.

Findings are built directly (no plugin runs): documents through ``make_document`` so
views and line numbers are the real ones, evidence located by searching the text, and
quotes/lines/fingerprints filled the way the pipeline's finalisation fills them.
"""

from __future__ import annotations

from checker.findings.finalize import fingerprint
from checker.model import Document, Evidence, Finding
from checker.report import Report
from checker.text.load import make_document

DOC_A = """# Microsoft et OpenAI

Microsoft a investi **13,75 milliards de dollars** dans OpenAI depuis 2019.

- Le partenariat a été signé en *janvier 2023*.
- OpenAI compte 1 500 salariés.
"""

DOC_B = """Microsoft et OpenAI, une alliance

Microsoft a investi 10 milliards de dollars dans OpenAI depuis 2019.
Le partenariat a été signé en mars 2023.
OpenAI compte 3 000 salariés.
"""


def docs(
    a: str = DOC_A,
    b: str = DOC_B,
    *,
    fmt_a: str = "md",
    fmt_b: str = "txt",
    id_a: str = "articles/a.md",
    id_b: str = "articles/b.txt",
) -> dict[str, Document]:
    da = make_document(a, id_a, fmt=fmt_a)
    db = make_document(b, id_b, fmt=fmt_b)
    da.language = db.language = "fr"
    return {da.id: da, db.id: db}


def ev(doc: Document, needle: str, value=None, nth: int = 0) -> Evidence:
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(needle, pos + 1)
    return Evidence(doc_id=doc.id, start=pos, end=pos + len(needle), value=value)


def finding(
    documents: dict[str, Document],
    rule_id: str,
    level: str,
    sides: list[tuple[str, str, dict | None]],
    message: str = "",
    reason: str = "values differ",
    score: float = 0.9,
) -> Finding:
    evidence = [ev(documents[doc_id], needle, value) for doc_id, needle, value in sides]
    f = Finding(
        rule_id=rule_id,
        kind=rule_id.split(".")[0],
        level=level,
        message=message or f"{rule_id}: disagreement",
        evidence=evidence,
        score=score,
        explanation={"reason": reason},
    )
    finalize(f, documents)
    return f


def finalize(f: Finding, documents: dict[str, Document]) -> Finding:
    for e in f.evidence:
        d = documents[e.doc_id]
        e.quote = d.text[e.start : e.end]
        e.line, e.column = d.line_col(e.start)
        e.end_line, e.end_column = d.line_col(e.end)
    f.fingerprint = fingerprint(f, documents)
    return f


def sample(documents: dict[str, Document] | None = None) -> tuple[dict[str, Document], list[Finding]]:
    """Three findings of three levels between the two sample articles."""
    documents = documents or docs()
    a, b = list(documents)
    fs = [
        finding(
            documents,
            "fr.investment-amount",
            "error",
            [
                (a, "13,75 milliards de dollars", {"low": 13.75e9, "high": 13.75e9, "unit": "USD"}),
                (b, "10 milliards de dollars", {"low": 1e10, "high": 1e10, "unit": "USD"}),
            ],
            message="Montant divergent : 13,75 milliards vs 10 milliards",
            reason="13.75e9 USD != 1e10 USD",
        ),
        finding(
            documents,
            "fr.date",
            "warning",
            [(a, "janvier 2023", {"date": "2023-01"}), (b, "mars 2023", {"date": "2023-03"})],
            message="Date divergente",
            reason="2023-01 vs 2023-03",
        ),
        finding(
            documents,
            "generic.quantity",
            "suggestion",
            [(a, "1 500 salariés", {"value": 1500}), (b, "3 000 salariés", {"value": 3000})],
            message="Effectif divergent",
            reason="1500 vs 3000",
        ),
    ]
    return documents, fs


def report(documents: dict[str, Document], findings: list[Finding], **kw) -> Report:
    return Report(documents=list(documents.values()), findings=findings, **kw)


# ----------------------------------------------------------------------------- helper tests
