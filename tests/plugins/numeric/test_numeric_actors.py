"""Whose figure it is: the names of a sentence that are no actor of its figures (issue 12),
written for the development story ``en-storm-hester-power-cuts`` (eval-blind-10) before the
code: "Highland Council leader Callum Reid said the council had opened five rest centres"
against "Highland Council has opened three rest centres, in Ullapool, Lairg and Portree" was
never compared, because Reid (the speaker) and Lairg, Portree (places listed after "in
Ullapool") were read as two different owners.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from checker.model import EntityMention, Sentence
from plugins.numeric.actors import listed_after, not_actors


class _View:
    def __init__(self, sentence):
        self.sentence = sentence


def _view(text: str, names: list[str]) -> _View:
    ents = []
    for name in names:
        i = text.index(name)
        ents.append(EntityMention(id=name.lower(), text=name, start=i, end=i + len(name), label=""))
    return _View(Sentence(doc_id="a.txt", index=0, text=text, start=0, end=len(text), language="en", entities=ents))


@pytest.mark.parametrize(
    "text,name",
    [
        ("Callum Reid said the council had opened five rest centres.", "Callum Reid"),
        ('"Check on your neighbours," said Fiona Gray, who runs the network.', "Fiona Gray"),
        ("Trois écoles restent fermées, a déclaré Yann Le Bihan.", "Yann Le Bihan"),
        ("Trois écoles restent fermées, assure Yann Le Bihan, le maire.", "Yann Le Bihan"),
        ("Jeudi 10 décembre, la travée s'est effondrée, emportant trois véhicules.", "Jeudi 10"),
    ],
)
def test_speakers_and_dates_are_no_actors(text, name):
    assert name.lower() in not_actors(_view(text, [name]))


@pytest.mark.parametrize(
    "text,name",
    [
        ("Kestrel said it would close Acme's plant.", "Acme"),
        ("Acme employs 4,200 people, Reid said.", "Acme"),
    ],
)
def test_the_owner_of_a_figure_stays_an_actor(text, name):
    assert name.lower() not in not_actors(_view(text, [name]))


def test_names_listed_after_a_place_are_places():
    view = _view("It opened three rest centres, in Ullapool, Lairg and Portree.", ["Ullapool", "Lairg", "Portree"])
    assert listed_after(view, {"ullapool"}) == {"lairg", "portree"}
    assert listed_after(view, set()) == set()


def test_a_speaker_and_listed_places_no_longer_keep_two_counts_apart():
    a = "Highland Council leader Callum Reid said the council had opened five rest centres offering hot food."
    b = "Highland Council has opened three rest centres, in Ullapool, Lairg and Portree, and is delivering water."
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_two_named_owners_still_keep_their_figures_apart():
    a = "Northwind has opened five depots across the region, its chief executive said."
    b = "Southgate has opened three depots across the region, according to the company."
    assert not warnings(a, b), [f.message for f in warnings(a, b)]


@pytest.mark.parametrize(
    "text,name",
    [
        ("Harwick Athletic said on Monday it had sold 40,000 season tickets.", "Harwick Athletic"),
        ("Acme a indiqué jeudi qu'elle supprimait 300 postes.", "Acme"),
        ("Northwind said that it would hire 200 drivers.", "Northwind"),
    ],
)
def test_a_speaker_reporting_on_itself_stays_an_actor(text, name):
    assert name.lower() not in not_actors(_view(text, [name]))
