"""What is left now, and a price per share, are other figures than the whole (issue 12).

Written from development false alarms before the code:

* "About 68,000 homes lost power" / "Fewer than 5,000 homes ... were still without power early
  this morning" (``en-storm-hester-power-cuts``, eval-blind-10): the count of what is left is
  not the count of the whole event;
* "au prix de 41,50 euros par action" / "for €2.4 billion" (``mixed-ceo-acquisition``,
  eval-blind-2): a price per share is a price per unit;
* "Quelque 600 pompiers étaient encore engagés" was read as a change: "encore" ending the
  words read after the figure matched the pattern of "encore 600" before it.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags


def _tags(text: str, lang: str, qtype: str):
    got = [q for q in parse_quantities(text, lang) if q.qtype == qtype]
    assert len(got) == 1, [(q.text, q.qtype) for q in parse_quantities(text, lang)]
    return scope_tags(text, got[0], lang)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Fewer than 5,000 homes in the north of Scotland were still without power early this morning.", "en"),
        ("Quelque 600 pompiers étaient encore engagés mercredi.", "fr"),
        ("Quelque 3 000 foyers sont toujours privés d'électricité.", "fr"),
        ("More than 400 people were injured and 58 are still missing, the agency said.", "en"),
    ],
)
def test_what_is_left_is_tagged(text, lang):
    tags = scope_tags(text, [q for q in parse_quantities(text, lang) if q.qtype == "count"][-1], lang)
    assert tags.get("period") == "remaining"
    assert "delta" not in tags


@pytest.mark.parametrize(
    "text,lang",
    [
        ("About 68,000 homes lost power when the storm hit.", "en"),
        ("Il faudra encore 300 ouvriers pour finir le chantier.", "fr"),  # another 300: a change
        ("Some 120 staff are still to be hired.", "en"),
        # a copula of state states a present state, as "are" does (mixed-bousculade-palais12-bruxelles)
        ("Two people remain in critical condition, the emergency services said.", "en"),
        # the remainder is the next conjunct's (en-cyclone-toll)
        ("More than 400 people were injured and 58 are still missing.", "en"),
        ("Le butin est évalué à 21 millions d'euros par les assureurs, encore sous le choc.", "fr"),
    ],
)
def test_a_whole_or_a_change_is_not(text, lang):
    q = [q for q in parse_quantities(text, lang) if q.qtype in ("count", "money")][0]
    assert scope_tags(text, q, lang).get("period") != "remaining"


def test_another_figure_before_is_still_a_change():
    assert _tags("Il faudra encore 300 ouvriers pour finir le chantier.", "fr", "count").get("delta") == "delta"


def test_what_is_left_is_no_conflict_with_the_whole():
    a = "About 68,000 homes in the north of Scotland lost power when the storm hit the region."
    b = "Fewer than 5,000 homes in the north of Scotland were still without power early this morning."
    assert not warnings(a, b), [f.message for f in warnings(a, b)]


def test_two_counts_of_what_is_left_still_conflict():
    a = "Plus de 900 pompiers étaient toujours mobilisés mercredi sur le feu de Cadenet."
    b = "Quelque 600 pompiers étaient encore engagés mercredi sur le feu de Cadenet."
    assert warnings(a, b), [f.message for f in findings(a, b)]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Brennar reprendra les 68 % du capital au prix de 41,50 euros par action.", "fr"),
        ("The offer values each share at $12.40 per share in cash.", "en"),
        ("La dépense atteint 12 euros par habitant.", "fr"),
    ],
)
def test_a_price_per_unit_is_tagged(text, lang):
    assert _tags(text, lang, "money").get("frequency") == "per unit"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le projet est financé à hauteur de 5 millions d'euros par la région.", "fr"),  # an agent
        ("Le projet coûte 2 milliards d'euros par an.", "fr"),  # a yearly rate
        ("Le butin est évalué à 21 millions d'euros par les assureurs.", "fr"),  # an agent (fr-vol-musee-fabre)
    ],
)
def test_an_agent_or_a_period_is_no_unit(text, lang):
    assert _tags(text, lang, "money").get("frequency") is None


def test_a_price_per_share_is_not_the_deal_price():
    a = "Brennar rachète Solvéo au prix de 41,50 euros par action, a annoncé le groupe."
    b = "Brennar a accepté de racheter Solvéo pour 2,4 milliards d'euros, a annoncé le groupe."
    assert not warnings(a, b), [f.message for f in warnings(a, b)]
