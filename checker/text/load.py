"""Read inputs (files, directories, stdin) into ``Document`` objects.

Encodings: UTF-8 (with or without BOM), UTF-16 (BOM), then charset detection for
Latin-1/CP1252 and others.  Binary files are reported and skipped.  HTML and Markdown
keep their original text; ``Document.view`` masks markup with spaces so that every
offset stays an offset into the original file.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import html
import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from checker.model import Document, InputError

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_EXCLUDE = ("**/.git/**", "**/node_modules/**", "**/.venv/**", "**/__pycache__/**")


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


# ----------------------------------------------------------------------------- decoding
def decode_bytes(data: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    """Decode file bytes; return (text, encoding).  Raises ValueError for binary data.

    UTF-8 text with a few invalid bytes stays UTF-8: each bad byte becomes U+FFFD and
    ``notes`` (when given) receives a line naming their byte offsets.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32"), "utf-32"
    # UTF-16 without BOM: many NULs at odd or even positions
    if data and len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_textual(text) and _mostly_latin_script(text):
                return text, enc
        raise ValueError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        damaged = _mostly_utf8(data)
        if damaged is not None:
            text, bad = damaged
            if notes is not None:
                shown = ", ".join(str(b) for b in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
                notes.append(
                    f"invalid UTF-8 byte{'s' if len(bad) != 1 else ''} at byte offset{'s' if len(bad) != 1 else ''} "
                    f"{shown} replaced by U+FFFD"
                )
            return text, "utf-8"
    else:
        if not _looks_textual(text):
            raise ValueError("binary file (control characters)")
        return text, "utf-8"
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    # Western European single-byte text (the common case for French, Spanish, German...)
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mostly_western(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        enc = best.encoding
        # charset detectors often say latin-1 where cp1252 (a superset for printable text) is meant
        if enc in ("latin_1", "iso8859_1", "ascii", "iso8859_15"):
            enc = "cp1252"
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            text = data.decode("cp1252", errors="replace")
        if _looks_textual(text):
            return text, enc
    text = data.decode("cp1252", errors="replace")
    if _looks_textual(text):
        return text, "cp1252"
    raise ValueError("binary file (not decodable as text)")


def _mostly_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 text with a few damaged bytes: (text with U+FFFD, byte offsets of the bad bytes), else None.

    It is UTF-8 when its valid multi-byte sequences outnumber the invalid bytes: text in a
    single-byte encoding (CP1252 "é" = one byte) almost never forms a valid UTF-8 sequence.
    """
    bad: list[int] = []
    pos = 0
    view = memoryview(data)  # slices without copies: each try decodes only up to the next bad byte
    while len(bad) <= 1000:  # more damage than that: not UTF-8
        try:
            codecs.utf_8_decode(view[pos:], "strict", True)
            break
        except UnicodeDecodeError as err:
            bad.extend(range(pos + err.start, pos + err.end))
            pos += err.end
    else:
        return None
    text = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if not bad or multibyte <= len(bad) or b"\x00" in data:
        return None
    without = text.replace("\ufffd", "")
    if not _looks_textual(without):
        return None
    return text, bad


# characters of Western European prose in CP1252; the no-break space is everywhere in French
# typography ("3,50\u00a0€", "«\u00a0oui\u00a0»").  Letters that mostly come from misreading
# Central European CP1250 text (ì ø å ò ¹ ³ ...) are left out on purpose.
_WESTERN = set("ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜŸàâäçèéêëîïôöùûüÿæœÆŒÁÍÓÚÑáíóúñ¿¡ßãõÃÕ’‘“”«»–—…€°·•©®™ ªº§\u00a0")


def _mostly_western(text: str) -> bool:
    extra = [ch for ch in text if ord(ch) > 127]
    if not extra:
        return True
    return sum(ch in _WESTERN for ch in extra) / len(extra) >= 0.9 and _looks_textual(text)


def _mostly_latin_script(text: str) -> bool:
    """Plausible natural-language text: letters, digits, spaces and punctuation of common scripts."""
    ok = sum(1 for ch in text if ch.isspace() or (ord(ch) < 0x2100 and (ch.isalnum() or ch in ".,;:!?'\"()-«»’–…%€$")))
    return ok / max(1, len(text)) >= 0.85


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / len(text) < 0.02


# ----------------------------------------------------------------------------- views
_MD_PATTERNS = [
    re.compile(r"<!--.*?-->", re.S),  # comments (directives are read elsewhere)
    re.compile(r"^\s{0,3}#{1,6}(?=\s)", re.M),  # heading marks
    re.compile(r"^\s{0,3}>\s?", re.M),  # blockquote marks
    re.compile(r"(\*\*|__|~~)"),  # bold / strike
    re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"),  # italics with *
    re.compile(r"(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])"),  # italics with _
    re.compile(r"`+"),  # inline code ticks
    re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M),  # horizontal rules
]
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(max(0, start), min(end, len(chars))):
        if chars[i] != "\n":
            chars[i] = " "


def markdown_view(text: str) -> str:
    chars = list(text)
    for m in _MD_LINK.finditer(text):
        # keep the link text, mask "[" and "](url)"
        _mask(chars, m.start(), m.start(1))
        _mask(chars, m.end(1), m.end())
    for pat in _MD_PATTERNS:
        for m in pat.finditer(text):
            _mask(chars, m.start(), m.end())
    return "".join(chars)


BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "figcaption",
    "title",
    "nav",
    "aside",
}
HIDDEN_TAGS = {"script", "style", "noscript", "template", "head", "svg"}


class _ViewBuilder(HTMLParser):
    """Masks tags, comments and hidden elements; decodes entities in place."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.chars = list(text)
        self.hidden = 0
        self.in_head = False
        self._line_offsets = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._line_offsets.append(i + 1)

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_offsets[line - 1] + col

    def _mask_raw(self, raw: str | None, newline: bool = False) -> None:
        start = self._offset()
        end = start + len(raw or "")
        _mask(self.chars, start, end)
        if newline and end > start and self.chars[start] != "\n":
            self.chars[start] = "\n"

    def handle_starttag(self, tag, attrs):
        self._mask_raw(self.get_starttag_text(), tag in BLOCK_TAGS)
        if self.in_head and (tag == "body" or (tag in BLOCK_TAGS and tag != "title")):
            # "</head>" is optional in HTML: <body> or any content element closes the head
            self.in_head = False
            self.hidden = max(0, self.hidden - 1)
        if tag in HIDDEN_TAGS:
            if tag == "head":
                if self.in_head:
                    return
                self.in_head = True
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        self._mask_raw(self.get_starttag_text(), tag in BLOCK_TAGS)

    def handle_endtag(self, tag):
        start = self._offset()
        end = self.text.find(">", start) + 1 or len(self.text)
        _mask(self.chars, start, end)
        if tag in BLOCK_TAGS and end > start:
            self.chars[start] = "\n"
        if tag == "head":
            if self.in_head:
                self.in_head = False
                self.hidden = max(0, self.hidden - 1)
        elif tag in HIDDEN_TAGS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if self.hidden:
            start = self._offset()
            _mask(self.chars, start, start + len(data))

    def handle_comment(self, data):
        # "<!--data-->", but also bogus comments such as "</<p>" or "<!x>" ("<" + 1 char + data + ">")
        start = self._offset()
        inner = start + (4 if self.text.startswith("<!--", start) else 2) + len(data)
        end = self.text.find(">", inner) + 1 or len(self.text)
        _mask(self.chars, start, end)

    def handle_decl(self, decl):
        start = self._offset()
        _mask(self.chars, start, start + len(decl) + 3)

    def handle_pi(self, data):
        start = self._offset()
        _mask(self.chars, start, start + len(data) + 3)

    def _entity(self, raw: str) -> None:
        start = self._offset()
        if self.text.startswith(raw, start):
            decoded = html.unescape(raw)
            if self.hidden:
                _mask(self.chars, start, start + len(raw))
                return
            _mask(self.chars, start, start + len(raw))
            self.chars[start] = decoded[:1] if len(decoded) == 1 else " "

    def handle_entityref(self, name):
        raw = f"&{name};" if self.text.startswith(f"&{name};", self._offset()) else f"&{name}"
        self._entity(raw)

    def handle_charref(self, name):
        raw = f"&#{name};" if self.text.startswith(f"&#{name};", self._offset()) else f"&#{name}"
        self._entity(raw)

    def close(self):
        # What the parser still holds at the end is an unterminated construct.  Like a
        # browser, hide an unclosed <script>/<style> (raw text to the end of the file) and
        # an unclosed comment; other leftovers (e.g. "a <b" at the very end) stay as text.
        while self.rawdata:
            rest = self.rawdata
            start = len(self.text) - len(rest)
            if self.cdata_elem or self.hidden or rest.startswith("<!--"):
                _mask(self.chars, start, len(self.text))
                self.rawdata = ""
                break
            if not rest.startswith("&"):
                break
            # the parser waits for the ";" of an "&#" that never comes: that "&#..." is plain
            # text up to the next tag, and parsing goes on from there
            k = rest.find("<", 1)
            k = len(rest) if k == -1 else k
            self.updatepos(0, k)
            self.rawdata = rest[k:]
            self.goahead(0)
        super().close()


#: an "&" that starts a character or entity reference; any other "&" is plain text
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*)")


def _stray_ampersands_neutralised(text: str) -> str:
    """The same text (same length, same offsets) with stray "&" replaced by a plain character.

    html.parser waits for the end of an incomplete reference such as "&#<": at the end of
    the document it then hands everything after it to ``handle_data`` as visible text,
    script and style content included.
    """
    if "&" not in text:
        return text
    return "".join("_" if ch == "&" and not _REFERENCE.match(text, i) else ch for i, ch in enumerate(text))


def html_view(text: str) -> str:
    builder = _ViewBuilder(text)
    builder.feed(_stray_ampersands_neutralised(text))
    builder.close()
    view = "".join(builder.chars)
    return view.replace("\xa0", " ")


def make_document(
    text: str, doc_id: str, *, path: str | None = None, fmt: str = "txt", encoding: str = "utf-8", role: str = "article"
) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if fmt == "html":
        view = html_view(text)
    elif fmt == "md":
        view = markdown_view(text)
    else:
        view = text
    return Document(id=doc_id, text=text, view=view, path=path, format=fmt, encoding=encoding, role=role)


# ----------------------------------------------------------------------------- paths
def _matches(path: Path, patterns: Iterable[str]) -> bool:
    s = path.as_posix()
    return any(fnmatch.fnmatch(s, pat) or fnmatch.fnmatch(path.name, pat) for pat in patterns)


def _stat_problem(exc: OSError) -> str:
    """What an ``os.stat`` failure means, in the words of the report."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: not read"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file or directory"
    if exc.errno == errno.EACCES:
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _walk(root: Path, errors: list[InputError], exclude: list[str]) -> list[Path]:
    """Every file under ``root``; what cannot be read is reported in ``errors``, never skipped silently.

    Symbolic links to directories are followed unless they lead back to a directory being
    walked (a loop, reported); links that loop or point nowhere are reported too.  Folders
    whose every file would be excluded (``**/.git/**``) are not entered.
    """
    files: list[Path] = []

    def visit(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            why = "permission denied" if exc.errno == errno.EACCES else (exc.strerror or str(exc))
            errors.append(InputError(str(folder), f"directory cannot be read: {why}; its files were not checked"))
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                st = os.stat(path)
            except OSError as exc:
                if exc.errno == errno.ENOENT and entry.is_symlink():
                    if path.suffix.lower() in TEXT_SUFFIXES:
                        errors.append(InputError(str(path), "broken symbolic link: not read"))
                    continue
                errors.append(InputError(str(path), _stat_problem(exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                if _matches(path / "\x00", exclude):
                    continue
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    errors.append(
                        InputError(str(path), "symbolic link loop (leads back to a parent directory): not followed")
                    )
                    continue
                visit(path, ancestors | {key})
            elif stat.S_ISREG(st.st_mode):
                files.append(path)

    top = os.stat(root)
    visit(root, frozenset({(top.st_dev, top.st_ino)}))
    return files


def expand_paths(
    paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> tuple[list[str], list[InputError]]:
    """Files to read, in a stable order; ``-`` stands for standard input."""
    include = list(include)
    exclude = list(DEFAULT_EXCLUDE) + list(exclude)
    files: list[str] = []
    errors: list[InputError] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        try:
            st = os.stat(p)
        except OSError as exc:
            errors.append(InputError(raw, _stat_problem(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = []
            other = 0
            walk_errors: list[InputError] = []
            for f in sorted(_walk(p, walk_errors, exclude)):
                if _matches(f, exclude):
                    continue
                if include:
                    if not _matches(f, include):
                        continue
                elif f.suffix.lower() not in TEXT_SUFFIXES:
                    if not f.name.startswith("."):
                        other += 1
                    continue
                found.append(str(f))
            errors.extend(walk_errors)
            if not found and not walk_errors:
                errors.append(InputError(raw, "directory contains no article files (.txt, .md, .html)"))
            if other:
                errors.append(
                    InputError(
                        raw,
                        f"{other} file{'s' if other != 1 else ''} with other extensions not read "
                        "(use --include to add them)",
                        kind="notice",
                    )
                )
            files.extend(found)
        else:
            files.append(raw)
    seen: set[str] = set()
    unique: list[str] = []
    for name in files:
        key = name if name == "-" else str(Path(name).resolve())
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique, errors


#: input files larger than this are refused (``max_file_mb`` in the configuration)
MAX_FILE_BYTES = 50 * 2**20


def _too_big(size: int, limit: int) -> ValueError:
    return ValueError(
        f"file too large ({size / 2**20:.1f} MB, the limit is {limit / 2**20:g} MB; set max_file_mb to raise it)"
    )


def read_document(
    path: str,
    *,
    role: str = "article",
    stdin_name: str = "<stdin>",
    stdin_format: str = "txt",
    max_bytes: int = MAX_FILE_BYTES,
) -> Document:
    """Read one file (or ``-``).  Raises ``ValueError``/``OSError`` with a clear message."""
    notes: list[str] = []
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_big(len(data), max_bytes)
        text, enc = decode_bytes(data, notes)
        doc = make_document(text, stdin_name, path=None, fmt=stdin_format, encoding=enc, role=role)
    else:
        p = Path(path)
        with open(p, "rb") as fh:  # read at most the limit: a huge file is refused, not loaded
            data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_big(max(len(data), os.fstat(fh.fileno()).st_size), max_bytes)
        text, enc = decode_bytes(data, notes)
        fmt = TEXT_SUFFIXES.get(p.suffix.lower(), "txt")
        if fmt == "txt" and re.match(r"\s*(<!doctype html|<html\b)", text[:200], re.I):
            fmt = "html"
        doc = make_document(text, path, path=path, fmt=fmt, encoding=enc, role=role)
    if notes:
        doc.meta["load_notes"] = notes  # reported as notices by load_paths
    return doc


def load_paths(
    paths: Iterable[str],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    role: str = "article",
    stdin_format: str = "txt",
    max_bytes: int = MAX_FILE_BYTES,
) -> Loaded:
    out = Loaded()
    files, errors = expand_paths(paths, include, exclude)
    out.errors.extend(errors)
    for f in files:
        try:
            doc = read_document(f, role=role, stdin_format=stdin_format, max_bytes=max_bytes)
        except ValueError as exc:
            out.errors.append(InputError(f, f"skipped: {exc}"))
            continue
        except IsADirectoryError:
            out.errors.append(InputError(f, "is a directory"))
            continue
        except PermissionError:
            out.errors.append(InputError(f, "cannot read file: permission denied"))
            continue
        except OSError as exc:
            out.errors.append(InputError(f, f"cannot read file: {exc.strerror or exc}"))
            continue
        for note in doc.meta.pop("load_notes", []):
            out.errors.append(InputError(doc.id, note, kind="notice"))
        if not doc.view.strip():
            out.errors.append(InputError(f, "empty article: nothing to check"))
            continue
        out.documents.append(doc)
    return out
