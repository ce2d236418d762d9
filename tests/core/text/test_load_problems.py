"""Nothing given on the command line is lost silently: unreadable folders, symbolic-link loops,
damaged UTF-8 and files over the size limit are each reported for what they are."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from checker.text.load import decode_bytes, expand_paths, load_paths

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and permissions")
TEXT = "Le maire de Lyon a annoncé 12 morts mardi, à l’hôpital Édouard-Herriot.\n"


def _messages(errors) -> dict[str, str]:
    return {e.path: e.message for e in errors}


@pytest.fixture
def unreadable(monkeypatch):
    """Make ``os.scandir`` fail for the folders added to the returned set (works as root too)."""
    locked: set[str] = set()
    real = os.scandir

    def scandir(path="."):
        if os.path.abspath(path) in locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return locked


def test_an_unreadable_subdirectory_is_reported(tmp_path, unreadable):
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(TEXT, encoding="utf-8")
    unreadable.add(str(tmp_path / "locked"))
    files, errors = expand_paths([str(tmp_path)])
    assert files == [str(tmp_path / "ok.txt")]
    assert _messages(errors) == {
        str(tmp_path / "locked"): "directory cannot be read: permission denied; its files were not checked"
    }


def test_an_unreadable_directory_on_the_command_line_is_not_called_empty(tmp_path, unreadable):
    (tmp_path / "locked").mkdir()
    unreadable.add(str(tmp_path / "locked"))
    files, errors = expand_paths([str(tmp_path / "locked")])
    assert files == []
    (message,) = _messages(errors).values()
    assert "permission denied" in message and "no article files" not in message


@posix_only
def test_symbolic_link_loops_inside_a_directory_are_reported(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("self.txt", tmp_path / "self.txt")  # a link to itself: ELOOP
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")  # a link back to a parent folder
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "linked.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("real", tmp_path / "alias")  # an ordinary link to a folder is followed
    files, errors = expand_paths([str(tmp_path)])
    assert {Path(f).resolve() for f in files} == {tmp_path / "ok.txt", (tmp_path / "real" / "linked.txt").resolve()}
    assert _messages(errors) == {
        str(tmp_path / "self.txt"): "symbolic link loop: not read",
        str(tmp_path / "sub" / "up"): "symbolic link loop (leads back to a parent directory): not followed",
    }


@posix_only
def test_a_symbolic_link_loop_on_the_command_line_is_not_called_missing(tmp_path):
    os.symlink("loop.txt", tmp_path / "loop.txt")
    files, errors = expand_paths([str(tmp_path / "loop.txt"), str(tmp_path / "missing.txt")])
    assert files == []
    assert _messages(errors) == {
        str(tmp_path / "loop.txt"): "symbolic link loop: not read",
        str(tmp_path / "missing.txt"): "no such file or directory",
    }


def test_one_bad_byte_in_utf8_is_replaced_not_turned_into_cp1252(tmp_path):
    data = TEXT.encode("utf-8")
    cut = data.index(b"12")
    damaged = data[:cut] + b"\xff" + data[cut:]
    notes: list[str] = []
    text, encoding = decode_bytes(damaged, notes)
    assert encoding == "utf-8"
    assert text == TEXT[: TEXT.index("12")] + "\ufffd" + TEXT[TEXT.index("12") :]
    assert notes == [f"invalid UTF-8 byte at byte offset {cut} replaced by U+FFFD"]
    (tmp_path / "a.txt").write_bytes(damaged)
    loaded = load_paths([str(tmp_path / "a.txt")])
    assert [d.encoding for d in loaded.documents] == ["utf-8"] and "hôpital" in loaded.documents[0].text
    assert [(e.kind, e.message) for e in loaded.errors] == [("notice", notes[0])]


def test_single_byte_text_is_still_read_as_cp1252():
    text, encoding = decode_bytes(TEXT.encode("cp1252"), [])
    assert (text, encoding) == (TEXT, "cp1252")


def test_a_file_over_the_size_limit_is_refused_and_the_others_are_read(tmp_path):
    (tmp_path / "big.txt").write_text(TEXT * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text(TEXT, encoding="utf-8")
    loaded = load_paths([str(tmp_path / "big.txt"), str(tmp_path / "small.txt")], max_bytes=len(TEXT.encode()) * 10)
    assert [Path(d.id).name for d in loaded.documents] == ["small.txt"]
    (error,) = loaded.errors
    assert error.path == str(tmp_path / "big.txt")
    assert error.message.startswith("skipped: file too large") and "max_file_mb" in error.message
