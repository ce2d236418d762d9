"""Progress on stderr: shown on a terminal, silent otherwise or with --quiet."""

from __future__ import annotations

import io
import sys

from checker.context import Options, RunContext
from checker.progress import make_progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal(monkeypatch):
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    with make_progress(True)("Reading articles", total=3) as bar:
        for _ in range(3):
            bar.advance()
    assert "Reading articles" in fake.getvalue()


def test_progress_is_silent_off_a_terminal_or_quiet(monkeypatch):
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stderr", plain)
    with make_progress(True)("Reading articles", total=3) as bar:
        bar.advance()
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    ctx = RunContext(options=Options(progress=True, quiet=True))
    with ctx.progress("Reading articles", total=3) as bar:
        bar.advance()
    assert plain.getvalue() == "" and fake.getvalue() == ""


def test_a_note_says_where_the_current_item_is(monkeypatch):
    fake = FakeTTY()
    monkeypatch.setattr(sys, "stderr", fake)
    with make_progress(True)("Reading articles", total=1) as bar:
        bar.note("long.txt: parsing sentences 256/7,147")
    assert "parsing sentences 256/7,147" in fake.getvalue()
    with make_progress(False)("Reading articles", total=1) as bar:
        bar.note("ignored")  # the silent handle takes notes too


class _Notes:
    def __init__(self) -> None:
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        self.notes.append(text)


def test_a_long_article_reports_its_stages_and_parsed_sentences():
    """One long article is one item of "Reading articles": its stages (cleaning, sentences,
    each rule type's steps) and the sentences parsed so far are told to the progress handle."""
    import spacy

    from checker.run.prepare import DocumentWork
    from checker.text.load import make_document
    from checker.text.segment import PROGRESS_EVERY

    class _Blank:
        def get(self, lang):
            return spacy.blank("fr")

    class _Extracting:
        @classmethod
        def defines(cls, step):
            return step == "extract"

        def extract(self, doc, rules):
            return []

    n = PROGRESS_EVERY * 2 + 10
    text = " ".join(f"Phrase numéro {i} du rapport." for i in range(n - 1)) + "\n\n" + "mot " * 1000  # a notice too
    doc = make_document(text, "long.txt")
    doc.language = "fr"
    ctx = RunContext(options=Options(progress=False, quiet=True))
    work = DocumentWork(_Blank(), ctx, [("numeric", _Extracting(), [])], {"numeric": "test"})
    notes = _Notes()
    prepared = work.prepare(doc, 0, notes)
    distinct = len({s.text for s in doc.sentences})
    assert distinct > 2 * PROGRESS_EVERY and any(e.kind == "notice" for e in prepared.errors)
    assert notes.notes[:2] == ["long.txt: cleaning", "long.txt: sentences"]
    parsed = [t for t in notes.notes if "parsing sentences" in t]
    steps = (PROGRESS_EVERY, 2 * PROGRESS_EVERY, distinct)
    assert parsed == [f"long.txt: parsing sentences {k:,}/{distinct:,}" for k in steps]
    assert notes.notes[-1] == "long.txt: numeric extract"
    work.prepare(make_document("Une phrase courte.", "short.txt"), 1)  # no handle: nothing told
