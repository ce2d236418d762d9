"""Progress reporting on stderr (rich) for long steps; silent when not on a TTY or --quiet."""

from __future__ import annotations

import contextlib
import sys


class _Null:
    def advance(self, amount: int = 1) -> None:
        pass

    def note(self, text: str) -> None:
        pass


@contextlib.contextmanager
def _null(description: str, total: int | None = None):
    yield _Null()


def make_progress(enabled: bool):
    """Return ``progress(description, total)`` -> context manager yielding an object with
    ``advance(amount)`` and ``note(text)``: what the current item is at, shown after the count
    (one long article: its stage and how far its sentences are parsed)."""
    if not enabled or not sys.stderr.isatty():
        return _null

    @contextlib.contextmanager
    def progress(description: str, total: int | None = None):
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[note]}"),
            console=Console(file=sys.stderr),
            transient=True,
        ) as bar:
            task = bar.add_task(description, total=total, note="")

            class _Handle:
                def advance(self, amount: int = 1) -> None:
                    bar.update(task, advance=amount, note="")

                def note(self, text: str) -> None:
                    bar.update(task, note=text)

            yield _Handle()

    return progress
