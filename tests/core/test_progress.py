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
