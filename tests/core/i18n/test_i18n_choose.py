"""Which language a finding and a report speak (checker.i18n.choose) and the catalog."""

from __future__ import annotations

import pytest

from checker.context import Options, RunContext
from checker.i18n.catalog import MESSAGES, plural, t
from checker.i18n.choose import finding_language, report_language, rule_language
from checker.model import Document


def ctx(langs: dict[str, str], *, focus=None, lang=None) -> RunContext:
    docs = {d: Document(id=d, text="x", language=code) for d, code in langs.items()}
    return RunContext(options=Options(lang=lang), documents=docs, focus=focus)


def test_a_pair_speaks_its_articles_language():
    assert finding_language(ctx({"a.txt": "fr", "b.txt": "fr"}), ["a.txt", "b.txt"]) == "fr"
    assert finding_language(ctx({"a.txt": "en", "b.txt": "en"}), ["a.txt", "b.txt"]) == "en"


def test_a_mixed_pair_speaks_the_first_articles_language_by_id():
    c = ctx({"a.txt": "en", "b.txt": "fr"})
    assert finding_language(c, ["b.txt", "a.txt"]) == "en"
    c = ctx({"a.txt": "fr", "b.txt": "en"})
    assert finding_language(c, ["b.txt", "a.txt"]) == "fr"


def test_a_mixed_pair_in_draft_mode_speaks_the_drafts_language():
    c = ctx({"a.txt": "fr", "z-draft.txt": "en"}, focus={"z-draft.txt"})
    assert finding_language(c, ["a.txt", "z-draft.txt"]) == "en"


def test_lang_overrides():
    c = ctx({"a.txt": "fr", "b.txt": "fr"}, lang="en")
    assert finding_language(c, ["a.txt", "b.txt"]) == "en"


def test_unknown_or_other_languages():
    assert finding_language(ctx({"a.txt": "und"}), ["a.txt"], fallback="fr") == "fr"
    assert finding_language(ctx({"a.txt": "es", "b.txt": "es"}), ["a.txt", "b.txt"]) == "en"
    assert finding_language(None, ["a.txt"]) == "en"


def test_report_language():
    fr = Document(id="b.txt", text="x", language="fr")
    en = Document(id="a.txt", text="x", language="en")
    draft = Document(id="c.txt", text="x", language="fr", role="draft")
    assert report_language([fr]) == "fr"
    assert report_language([fr, en]) == "en"  # the first by id
    assert report_language([en, draft]) == "fr"  # the draft's
    assert report_language([fr], "en") == "en"
    assert report_language([]) == "en"


class _Rule:
    def __init__(self, message, languages):
        self.message, self.languages = message, languages


def test_a_rules_template_keeps_its_language():
    assert rule_language(_Rule("Montant : {a.value}", ["fr"]), "en") == "fr"
    assert rule_language(_Rule("", ["fr"]), "en") == "en"  # no template: the finding's language
    assert rule_language(_Rule("{a.value}", []), "en") == "en"


def test_every_message_has_english_and_french_with_the_same_placeholders():
    import string

    for key, entry in MESSAGES.items():
        assert set(entry) == {"en", "fr"}, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("en", "fr")]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize(
    ("n", "fr", "en"), [(0, "0 erreur", "0 errors"), (1, "1 erreur", "1 error"), (2, "2 erreurs", "2 errors")]
)
def test_plural(n, fr, en):
    assert plural("level.error", n, "fr") == fr
    assert plural("level.error", n, "en") == en


def test_missing_language_reads_english():
    assert t("report.why", "es", reason="x") == "why: x"
