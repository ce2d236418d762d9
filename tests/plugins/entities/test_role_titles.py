"""Role titles written before a name are not part of it ("Chief Executive Officer Tom Hale")."""

from __future__ import annotations

import pytest
from helpers.entities import annotate, make_annotator

from plugins.entities.ruletype import strip_titles


@pytest.fixture(scope="module")
def annotator(tmp_path_factory):
    return make_annotator("id: t.ent\nextends: entities\nignore: [CEO]\n", tmp_path_factory.mktemp("rules"))


@pytest.mark.parametrize(
    "raw, name",
    [
        ("Chief Executive Officer Tom Hale", "Tom Hale"),
        ("Prime Minister Ana Ruiz", "Ana Ruiz"),
        ("Mayor Ana Ruiz", "Ana Ruiz"),
        ("M. Delorme", "Delorme"),
        ("General Motors", "General Motors"),
        ("Chief Executive", "Chief Executive"),
    ],
)
def test_strip_titles(raw, name):
    s, _title = strip_titles(raw, 0, len(raw))
    assert raw[s:] == name


def test_an_organisation_keeps_its_words():
    raw = "Interior Ministry"
    assert strip_titles(raw, 0, len(raw), "ORG")[0] == 0


def test_title_run_before_a_name_in_english(annotator):
    doc = annotate(
        annotator, "Chief Executive Officer Tom Hale presented the results to investors on Monday.", lang="en"
    )
    got = [(m.text, m.label) for s in doc.sentences for m in s.entities]
    assert ("Tom Hale", "PER") in got
