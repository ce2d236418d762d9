"""Input loading: encodings, formats, directories, stdin, bad input."""

from __future__ import annotations

import codecs
import io
import sys

import pytest

from checker.text.load import (
    decode_bytes,
    expand_paths,
    html_view,
    load_paths,
    markdown_view,
    read_document,
)

FR = "Microsoft a investi 13,75 milliards de dollars dans OpenAI, a déclaré l’entreprise à Redmond."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (FR.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FR.encode("utf-8"), "utf-8-sig"),
        (FR.encode("utf-16"), "utf-16"),
        (FR.replace("’", "'").encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_decode_exactly(data, encoding):
    text, enc = decode_bytes(data)
    assert text.replace("’", "'") == FR.replace("’", "'")
    assert enc == encoding


def test_latin1_and_cp1252_files_decode(tmp_path):
    latin = "Le géant de Redmond a investi près de 13 milliards de dollars. Répété : élevé, façade, où."
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    cp = "L’accord « exclusif » – signé en 2019 – coûte 10 € … selon l’œuvre."
    (tmp_path / "cp1252.txt").write_bytes(cp.encode("cp1252"))
    loaded = load_paths([str(tmp_path)])
    texts = {d.id.rsplit("/", 1)[-1]: d.text for d in loaded.documents}
    assert texts["latin1.txt"] == latin
    assert texts["cp1252.txt"] == cp
    assert loaded.errors == []


def test_binary_empty_and_missing_are_reported_not_raised(tmp_path):
    (tmp_path / "good.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    loaded = load_paths([str(tmp_path), str(tmp_path / "nope.txt")])
    assert [d.id.rsplit("/", 1)[-1] for d in loaded.documents] == ["good.txt"]
    messages = {e.path.rsplit("/", 1)[-1]: e.message for e in loaded.errors}
    assert "binary" in messages["image.txt"]
    assert "empty" in messages["empty.txt"]
    assert "no such file" in messages["nope.txt"]


def test_directory_recursion_include_exclude_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("# Titre\n\nTexte.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b" / "skip.txt").write_text("Texte.", encoding="utf-8")
    files, errors = expand_paths([str(tmp_path)], exclude=["skip.txt"])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt", "z.md"]
    # nothing is skipped silently: the JSON file is mentioned as a notice
    assert [(e.kind, e.message) for e in errors] == [
        ("notice", "1 file with other extensions not read (use --include to add them)")
    ]
    files, errors = expand_paths([str(tmp_path)], include=["*.md"])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["z.md"]
    assert errors == []


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FR.encode("utf-8"))))
    doc = read_document("-")
    assert doc.id == "<stdin>" and doc.text == FR


def test_html_view_keeps_offsets_and_hides_markup():
    src = (
        '<html><head><title>T</title><style>p{color:red}</style><script>var x = "13 milliards";</script></head>'
        "<body><p>Microsoft a investi <b>13,75&nbsp;milliards</b> &amp; plus.</p><!-- note --></body></html>"
    )
    view = html_view(src)
    assert len(view) == len(src)
    assert "13 milliards" not in view and "color" not in view and "note" not in view
    assert "Microsoft a investi" in view
    i = src.index("13,75")
    assert view[i : i + 5] == "13,75"
    assert "&" in view and "&amp;" not in view


def test_markdown_view_masks_syntax_keeps_text():
    src = "# Titre\n\n**Microsoft** a investi [13 milliards](http://x.example/y) *selon* `Reuters`.\n<!-- c -->\n"
    view = markdown_view(src)
    assert len(view) == len(src)
    assert "**" not in view and "http" not in view and "#" not in view and "c -->" not in view
    assert "Microsoft" in view and "13 milliards" in view and "selon" in view


def test_html_document_detected_from_doctype(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<!DOCTYPE html><html><body><p>Bonjour à tous.</p></body></html>", encoding="utf-8")
    doc = read_document(str(p))
    assert doc.format == "html"
    assert "<p>" not in doc.view
