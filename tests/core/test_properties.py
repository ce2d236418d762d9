"""Property-based tests (hypothesis) of the core's invariants.

Loading, views, cleaning, segmentation, YAML rules, inline suppressions and the CLI are
fed random (but bounded) inputs; each test states an invariant the rest of the pipeline
relies on (offsets into the original text, errors instead of tracebacks, exit codes).
Example counts are small so the whole file runs in a few seconds.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from checker.findings.suppress import apply_inline, parse_directives
from checker.model import Evidence, Finding, InputError
from checker.rules.yamlpos import YamlError, load_all
from checker.text.clean import clean_document
from checker.text.load import decode_bytes, html_view, make_document, markdown_view
from checker.text.segment import segment_document

# FACTCHECK_PROPERTY_SCALE=20 runs twenty times more examples (bug hunting; the default keeps CI fast)
SCALE = max(1, int(os.environ.get("FACTCHECK_PROPERTY_SCALE", "1")))
FAST = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(
    max_examples=15 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# ----------------------------------------------------------------------------- strategies
# characters articles really contain: accents, French quotes, (narrow) no-break spaces,
# CR/LF, tabs, typographic punctuation, euro sign, emoji
_SPECIAL = "éèêàâçôûùïÉÀÇœŒ«»\u00a0\u202f\r\n\t’“”–—…€%.,;:!?()-'\"0123456789 "
ARTICLE_CHARS = st.one_of(
    st.sampled_from(list(_SPECIAL) + ["😀", "🇫🇷", "👍🏽"]),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0xA0, max_codepoint=0x24F),
)
article_text = st.lists(ARTICLE_CHARS, max_size=120).map("".join)

_MARKUP = [
    "<p>",
    "</p>",
    "<div class='x'>",
    "</div>",
    "<br>",
    "<br/>",
    '<a href="u">',
    "</a>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<!-- c -->",
    "<",
    ">",
    "</",
    "<!",
    "<?x ?>",
    "<!DOCTYPE html>",
    "&amp;",
    "&nbsp;",
    "&#233;",
    "&#x20AC;",
    "&",
    "&#",
    "&foo;",
    "&eacute",
    "<li>",
    "<h1>",
    "</h1>",
    "<img src=x>",
    "<svg>",
    "</svg>",
    "<head>",
    "</head>",
    "<![CDATA[x]]>",
    "**",
    "__",
    "_",
    "*",
    "`",
    "[",
    "](",
    ")",
    "](http://x)",
    "# ",
    "> ",
    "---",
    "\n",
    "\r\n",
    " ",
    "\t",
    "«",
    "»",
    "\u00a0",
]
markup_soup = st.lists(st.one_of(st.sampled_from(_MARKUP), article_text), max_size=25).map("".join)

# text for hidden parts: a marker that the soup can never produce
SECRET = "QZXJ"


# ----------------------------------------------------------------------------- 1. loading
PROSE_LATIN = set("éèêëàâäçôöûùüïîÉÈÊÀÂÇÔÎœŒæ«»\u00a0’‘“”–—…€°áíóúñÑ¿¡ß")
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252"]


def _encode(text: str, enc: str) -> bytes:
    if enc == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if enc == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(enc)


# French prose: decoding must be exact for what articles contain
prose_words = st.lists(
    st.sampled_from(
        [
            "Le",
            "chiffre",
            "d’affaires",
            "a",
            "atteint",
            "13,75",
            "milliards",
            "€",
            "«",
            "»",
            "é",
            "à",
            "ça",
            "déjà",
            "Noël",
            "où",
            "—",
            "…",
            "\u00a0",
            "\r\n",
            "\n",
            "\t",
            "😀",
            "Œuvre",
            "100 %",
            "M.",
            "Nadella",
            "señor",
            "über",
            "naïve",
        ]
    ),
    min_size=1,
    max_size=40,
).map(" ".join)


@FAST
@given(text=st.one_of(article_text, prose_words), enc=st.sampled_from(ENCODINGS))
@example(text="Le café coûte 3,50\u00a0€ « très cher »\r\n", enc="cp1252")
@example(text="é", enc="cp1252")
@example(text="", enc="utf-16")
def test_decode_bytes_round_trips_every_supported_encoding(text, enc):
    try:
        data = _encode(text, enc)
    except UnicodeEncodeError:
        assume(False)
    # an encoded text that contains control characters is reported as binary, that is fine;
    # anything the loader accepts must be the original text
    if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in text):
        assume(False)
    if enc == "cp1252" and not text.isascii():
        # single-byte text is guessed: require it for Western European prose characters, and
        # bytes that are not also valid UTF-8 (b"\xc3\xa9" is "é" in UTF-8 and "Ã©" in CP1252)
        assume(all(ch.isascii() or ch in PROSE_LATIN for ch in text))
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            assume(False)
    decoded, used = decode_bytes(data)
    assert decoded == text, (enc, used)
    # the loader normalises line ends afterwards, and only that
    doc = make_document(decoded, "a.txt")
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")


@FAST
@given(data=st.binary(max_size=300))
@example(data=b"\xff\xfe\x00")  # UTF-16 BOM then an odd byte
@example(data=b"\xfe\xff\xd8\x00")  # UTF-16 BOM then a lone surrogate
@example(data=b"\xef\xbb\xbf\xff")  # UTF-8 BOM then invalid UTF-8
@example(data=b"\x00\x00\xfe\xff\x00")
@example(data=b"\xff\xfe\x00\x00\x00\xd8\x00\x00")  # UTF-32 BOM, invalid code point
def test_decode_random_bytes_only_raises_value_error(data):
    try:
        text, enc = decode_bytes(data)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and enc


# ----------------------------------------------------------------------------- 2. views
@FAST
@given(text=markup_soup)
@example(text="<a href='<script>'>x</a>")
@example(text="<scr<script>ipt>")
@example(text="&#99999999999;&#x110000;&#0;")
@example(text="<p>\r\n</p>")
def test_views_keep_length_and_never_raise(text):
    for view in (markdown_view(text), html_view(text)):
        assert isinstance(view, str)
        assert len(view) == len(text)
    # line structure is preserved: a newline of the view is a newline of the text
    hv = html_view(text)
    assert all(hv[i] == "\n" for i, ch in enumerate(text) if ch == "\n")


@FAST
@given(
    before=markup_soup,
    after=markup_soup,
    wrapper=st.sampled_from(
        [
            ("<script>", "</script>"),
            ("<style>", "</style>"),
            ("<!--", "-->"),
            ("<script type='x'>", "</script >"),
            ("<STYLE>", "</STYLE>"),
            ("<!-- a -- b ", "-->"),
            ("<noscript>", "</noscript>"),
        ]
    ),
    inner=st.lists(
        st.sampled_from(["<p>", "</p>", "&amp;", "x < y", "if (a && b) {}", " ", "\n", "«"]), max_size=4
    ).map("".join),
)
def test_html_view_never_shows_script_style_or_comment_text(before, after, wrapper, inner):
    # "</" or "<!" right before "<script>" starts a bogus comment that swallows the tag up to its
    # ">" (as in browsers): the marker would be ordinary text.  A "<p>" first ends such a construct.
    text = before + "<p>" + wrapper[0] + inner + SECRET + inner + wrapper[1] + after
    view = html_view(text)
    assert len(view) == len(text)
    assert SECRET not in view


@FAST
@given(before=markup_soup, after=markup_soup)
def test_markdown_view_never_shows_comment_text(before, after):
    assume("<!--" not in before)  # an earlier unclosed comment opener would swallow ours
    text = before + "<!-- " + SECRET + " -->" + after
    view = markdown_view(text)
    assert len(view) == len(text)
    assert SECRET not in view


# ----------------------------------------------------------------------------- 3./4. cleaning and segmentation
# sentences with the tricky tokens; their spans must never hold a sentence boundary
TRICKY = [
    "13,75",
    "1 000",
    "1\u00a0000",
    "1\u202f000",
    "3.5",
    "30 à 35 %",
    "M. Nadella",
    "Mme Durand",
    "Dr. Martin",
    "M. Satya Nadella",
    "2,5 milliards",
    "0.25",
]
word = st.sampled_from(
    [
        "le",
        "chiffre",
        "Microsoft",
        "atteint",
        "selon",
        "OpenAI",
        "a",
        "dit",
        "qu’il",
        "« bien »",
        "•",
        "-",
        "(source)",
        "etc.",
        "p.",
        "U.S.",
        "Inc.",
        "…",
        "!",
        "?",
        ".",
        ":",
        "\n",
        "\n\n",
        "\n- ",
        "\n• ",
        "2024.",
        "Le",
        "Il",
        "Elle",
        "**gras**",
        "«",
        "»",
        "\t",
        "  ",
    ]
)
_piece = st.one_of(word.map(lambda w: (w, False)), st.sampled_from(TRICKY).map(lambda w: (w, True)))


@st.composite
def tricky_text(draw):
    parts = draw(st.lists(_piece, min_size=1, max_size=30))
    text, spans = "", []
    for w, tricky in parts:
        if text and not text.endswith(("\n", " ")):
            text += " "
        if tricky:
            spans.append((len(text), len(text) + len(w)))
        text += w
    return text, spans


def _check_sentences(doc, sentences, spans=()):
    prev_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end] == s.text
        assert s.start >= prev_end, "sentences overlap or are out of order"
        prev_end = s.end
        assert s.text.strip(), "empty sentence"
        assert s.text == s.text.strip(), f"sentence with surrounding whitespace: {s.text!r}"
    for a, b in spans:
        for s in sentences:
            assert not (a < s.start < b), f"sentence starts inside {doc.text[a:b]!r}: {s.text!r}"
            assert not (a < s.end < b), f"sentence ends inside {doc.text[a:b]!r}: {s.text!r}"


@FAST
@given(data=tricky_text())
@example(data=("Le chiffre atteint 13,75 milliards. M. Nadella a dit 1 000.", [(19, 24), (36, 46), (54, 59)]))
def test_segmentation_offsets_and_tricky_tokens(data):
    text, spans = data
    doc = make_document(text, "a.txt")
    _check_sentences(doc, segment_document(doc, None), spans)


@FAST
@given(text=st.one_of(article_text, markup_soup), fmt=st.sampled_from(["txt", "md", "html"]))
def test_segmentation_of_any_text_keeps_exact_offsets(text, fmt):
    doc = make_document(text, "a." + fmt, fmt=fmt)
    sentences = segment_document(doc, None)
    _check_sentences(doc, sentences)
    # the sentence is visible text: it never starts or ends inside masked markup
    for s in sentences:
        assert doc.view[s.start].strip() and doc.view[s.end - 1].strip()


REASONS = {"teaser", "byline", "author-bio", "breadcrumb", "related-content"}
SECTIONS = {"faq", "quote", "attribution"}
lines = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "À lire également : Microsoft investit encore",
                "Lire aussi",
                "Par Jean Dupont",
                "Publié le 3 mars 2024",
                "Jean Dupont",
                "Jean Dupont est journaliste passionné depuis plus de 10 ans.",
                "Accueil › Tech › IA",
                "www.exemple.fr",
                "Questions fréquemment posées",
                "« Nous sommes très fiers de ce partenariat. »",
                "— Satya Nadella",
                "El acuerdo entre Microsoft y OpenAI cambia todo el sector tecnológico.",
                "Microsoft a investi 13 milliards de dollars dans OpenAI depuis 2019.",
                "The deal between Microsoft and OpenAI changes the whole technology sector.",
                "",
                "   ",
                "\t",
            ]
        ),
        article_text.map(lambda t: t.replace("\r", "")),
    ),
    max_size=14,
).map("\n".join)


@SLOW
@given(text=lines, fmt=st.sampled_from(["txt", "md"]))
def test_cleaning_keeps_offsets_and_documented_reasons(text, fmt):
    doc = make_document(text, "a." + fmt, fmt=fmt)
    view, sections = clean_document(doc, None)
    assert len(view) == len(doc.view)
    prev_end = 0
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= len(doc.text)
        assert r.start >= prev_end, "removed regions overlap or are unsorted"
        prev_end = r.end
        assert r.reason in REASONS or (r.reason.startswith("language:") and len(r.reason) > 9), r.reason
        assert not view[r.start : r.end].strip()
    for a, b, label in sections:
        assert 0 <= a <= b <= len(doc.text) and label in SECTIONS
    # what is not removed is left as it was
    removed = {i for r in doc.removed for i in range(r.start, r.end)}
    assert all(view[i] == doc.view[i] for i in range(len(view)) if i not in removed)
    _check_sentences(doc, segment_document(doc, None, clean_view=view, sections=sections))


@pytest.fixture(scope="module")
def nlp_fr():
    from checker.text.nlp import NlpProvider

    return NlpProvider().get("fr")


@settings(
    max_examples=8 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=tricky_text())
def test_segmentation_with_the_real_french_pipeline(nlp_fr, data):
    text, spans = data
    doc = make_document(text, "a.txt")
    doc.language = "fr"
    sentences = segment_document(doc, nlp_fr)
    _check_sentences(doc, sentences, spans)
    for s in sentences:
        assert s.tokens is not None and s.tokens.text == doc.view[s.start : s.end]


# ----------------------------------------------------------------------------- 5. YAML rules
_YAML_BITS = [
    "id: ",
    "extends: ",
    "fake-word",
    "match:",
    "\n  word: chiffre",
    "level: ",
    "error",
    "bogus",
    "message: ",
    "- ",
    "---\n",
    "...\n",
    "{",
    "}",
    "[",
    "]",
    ": ",
    ", ",
    "&a ",
    "*a",
    "*b",
    "!!python/object:os.system ",
    "!!binary ",
    "!!timestamp ",
    "!!int ",
    "!!float ",
    "!!set ",
    "!!omap ",
    "!!str ",
    "!foo ",
    "? ",
    "|\n  ",
    ">\n  ",
    "'",
    '"',
    "\t",
    "%YAML 1.1\n",
    "%TAG ! x\n",
    "<<: ",
    "2001-13-45",
    "2024-02-30 25:61:00",
    "0x1G",
    "1_000",
    "1e400",
    ".nan",
    "~",
    "null",
    "true",
    "yes",
    "\n",
    "  ",
    "tests:\n  conflict: [[a, b]]",
    "languages: [fr, EN]",
    "é",
    "\\u12",
    "\ufeff",
    "\x00",
    "\x85",
    "\u2028",
    "#",
    "=",
    "enabled: ",
    "id: 2001-01-01",
]
yamlish = st.lists(st.one_of(st.sampled_from(_YAML_BITS), st.text(max_size=6)), max_size=30).map("".join)


@FAST
@given(text=yamlish)
@example(text="a: !!timestamp 2001-13-45")
@example(text="a: !!int abc")
@example(text="a: !!float x")
@example(text="a: &a [*a]")
@example(text="[" * 3000)
@example(text="a: !!binary '!!!'")
@example(text="<<: 1")
@example(text="a: 2001-02-30")
@example(text="!!timestamp ")
def test_yaml_loading_raises_only_yaml_error(text):
    try:
        docs = load_all(text)
    except YamlError as exc:
        assert exc.message
        nlines = text.count("\n") + 1
        if exc.line is not None:
            assert 1 <= exc.line <= nlines + 1
        return
    for d in docs:
        for line, col in list(d.positions.values()) + list(d.key_positions.values()):
            assert line >= 1 and col >= 1


@SLOW
@given(text=st.one_of(yamlish, yamlish.map(lambda t: "id: r1\nextends: fake-word\nmatch: {word: chiffre}\n" + t)))
@example(text="id: r1\nextends: fake-word\nmatch: &a {word: *a}")
@example(text="id: r1\nextends: fake-word\nmatch: {word: chiffre}\nlevel: !!timestamp 2001-01-01")
@example(text="id: r1\nextends: fake-word\nmatch: {word: chiffre}\n---\nid: r1\nextends: fake-word\nmatch: {word: x}\n")
def test_rule_loading_reports_errors_with_a_line(text):
    from helpers.fakeplugin import FakeWord

    from checker.rules import load_rules

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "r.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        ruleset = load_rules([path], {"fake-word": FakeWord})
    nlines = text.count("\n") + 1
    for e in ruleset.errors:
        assert isinstance(e, InputError) and e.path and e.message
        assert e.path.endswith("r.yaml")
        if e.line is not None:
            assert 1 <= e.line <= nlines + 1, (e, text)
    for r in ruleset.rules:
        assert r.extends == "fake-word" and isinstance(r.id, str) and r.level in ("error", "warning", "suggestion")


# ----------------------------------------------------------------------------- 6. suppressions
def _finding(rule_id: str, a, b, a_span, b_span) -> Finding:
    return Finding(
        rule_id=rule_id,
        kind="fake-word",
        level="error",
        message="m",
        evidence=[
            Evidence(doc_id=a.id, start=a_span[0], end=a_span[1]),
            Evidence(doc_id=b.id, start=b_span[0], end=b_span[1]),
        ],
        score=0.9,
        explanation={"reason": "r"},
    )


comment_body = st.lists(
    st.one_of(
        st.sampled_from(
            list("-[]\"'«»“”„,* \n\\")
            + ["factcheck-", "disable", "enable", "-next-line", "-line", " -- ", "fr.amount", "fr.*"]
        ),
        st.characters(min_codepoint=0x20, max_codepoint=0x17F),
    ),
    max_size=40,
).map("".join)


@FAST
@given(
    bodies=st.lists(comment_body, max_size=4),
    filler=st.lists(article_text, min_size=1, max_size=4),
    fmt=st.sampled_from(["txt", "md", "html"]),
)
def test_random_directives_never_raise(bodies, filler, fmt):
    parts = []
    for i, f in enumerate(filler):
        parts.append(f)
        if i < len(bodies):
            parts.append("<!--" + bodies[i].replace("-->", "") + "-->")
    text = "\n".join(parts) + "\nLe chiffre 12.\n"
    a = make_document(text, "a." + fmt, fmt=fmt)
    b = make_document("Le chiffre 13.\n", "b.txt")
    n = len(a.text)
    spans = [(0, max(1, n // 2)), (n - 5, n - 1), (0, n)]
    findings = [_finding(r, a, b, s, (3, 10)) for r in ("fr.amount", "en.x") for s in spans if 0 <= s[0] < s[1] <= n]
    errors: list[InputError] = []
    apply_inline(findings, {a.id: a, b.id: b}, errors=errors)
    for e in errors:
        assert e.path == a.id and e.line is not None and 1 <= e.line <= a.text.count("\n") + 1
    for d in parse_directives(a):
        assert 0 <= d.start < d.end <= n
        if d.scope:
            assert 0 <= d.scope[0] <= d.scope[1] <= n


OTHER_RULES = ["fr.amounts", "fr.amoun", "en.amount", "fr.date", "fr.amount.x", "fr.amount?x", "x"]
match_text = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x17F, exclude_characters='"\\'), min_size=1, max_size=15
)


@st.composite
def other_rule_directive(draw):
    name = draw(st.sampled_from(["disable", "disable-next-line", "disable-line", "enable"]))
    items = []
    for rule in draw(st.lists(st.sampled_from(OTHER_RULES), min_size=1, max_size=3)):
        m = draw(st.none() | match_text)
        items.append(rule if m is None else f'{rule}["{m}"]')
    why = draw(st.none() | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x17F), max_size=20))
    body = f" factcheck-{name} " + draw(st.sampled_from([", ", " ", ","])).join(items)
    if why is not None:
        body += " -- " + why
    return "<!--" + body.replace("-->", "") + " -->"


@FAST
@given(
    directives=st.lists(other_rule_directive(), min_size=1, max_size=4),
    lines=st.lists(
        st.sampled_from(["Le chiffre 12 est connu.", "", "**Le chiffre 12**", "- item 12", "Une autre phrase."]),
        min_size=1,
        max_size=5,
    ),
    side=st.sampled_from(["a", "b"]),
)
def test_directive_naming_another_rule_never_suppresses(directives, lines, side):
    body = []
    for i, ln in enumerate(lines):
        if i < len(directives):
            body.append(directives[i])
        body.append(ln)
    body.extend(directives[len(lines) :])
    text = "\n".join(body) + "\nLe chiffre 12 est connu.\n"
    plain = "Le chiffre 13 est connu.\n"
    a = make_document(text if side == "a" else plain, "a.md", fmt="md")
    b = make_document(plain if side == "a" else text, "b.md", fmt="md")
    findings = []
    for doc_a, doc_b in ((a, b), (b, a)):
        for start in range(0, len(doc_a.text) - 1, 7):
            findings.append(_finding("fr.amount", doc_a, doc_b, (start, min(len(doc_a.text), start + 12)), (0, 5)))
    assert apply_inline(findings, {a.id: a, b.id: b}) == 0
    assert all(f.suppressed is None for f in findings)


# ----------------------------------------------------------------------------- 7. CLI
RULE = """id: t.chiffre
extends: fake-word
level: error
message: "chiffre {a.value} ({a.doc}) vs {b.value} ({b.doc})"
match: {word: chiffre}
"""


@pytest.fixture
def cli_project(tmp_path, monkeypatch):
    from helpers import fakeplugin

    fakeplugin.install_fake_host(monkeypatch)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "chiffre.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("rules: [rules]\nbuiltin_rules: false\nlanguage: fr\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


_file_content = st.one_of(
    st.binary(max_size=200),
    st.tuples(st.one_of(article_text, markup_soup, prose_words), st.sampled_from(["utf-8", "utf-16", "cp1252"])).map(
        lambda te: te[0].encode(te[1], "replace")
    ),
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"Le chiffre 12 est connu.\n",
            b"Le chiffre 13 est connu.\n",
            "Le chiffre 13 est connu. « é »\n".encode("cp1252"),
        ]
    ),
)


@SLOW
@given(
    files=st.lists(st.tuples(st.sampled_from(["txt", "md", "html"]), _file_content), min_size=1, max_size=3),
    fmt=st.sampled_from(["text", "json", "sarif"]),
)
def test_cli_never_raises_and_returns_a_documented_code(cli_project, capsys, files, fmt):
    with tempfile.TemporaryDirectory(dir=cli_project) as d:
        names = []
        for i, (ext, data) in enumerate(files):
            p = Path(d) / f"f{i}.{ext}"
            p.write_bytes(data)
            names.append(os.path.relpath(p, cli_project))
        names.append("Le-chiffre.txt")  # a missing path among them
        code = __import__("checker.cli", fromlist=["main"]).main(["check", *names, "-f", fmt, "--no-cache"])
        out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert code == 2  # the missing path is an input error
    assert "Le-chiffre.txt" in out + err


@FAST
@given(
    lines=st.lists(
        st.sampled_from(["Le chiffre 12 est connu.", "", "**Le chiffre 12**", "- item 12", "Autre."]), max_size=4
    ),
    name=st.sampled_from(["disable-line", "disable"]),
    pattern=st.sampled_from(["fr.amount", "fr.*", "*"]),
    why=st.text(st.characters(min_codepoint=0x20, max_codepoint=0x17F), max_size=15),
)
def test_directive_naming_the_rule_suppresses_its_line(lines, name, pattern, why):
    # the counterpart of the property above, so that it cannot pass by never suppressing
    target = "Le chiffre 12 est connu."
    text = "\n".join(lines + [f"<!-- factcheck-{name} {pattern} -- {why.replace('-->', '')} --> {target}"] + lines)
    a = make_document(text + "\n", "a.md", fmt="md")
    b = make_document("Le chiffre 13 est connu.\n", "b.md", fmt="md")
    start = a.text.index(target, a.text.index("factcheck-"))
    f = _finding("fr.amount", b, a, (0, 10), (start, start + len(target)))
    assert apply_inline([f], {a.id: a, b.id: b}) == 1 and f.suppressed["kind"] == "inline"
