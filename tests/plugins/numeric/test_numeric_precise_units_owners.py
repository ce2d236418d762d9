"""Figures the checker read, paired and then let go (issue 12, fifth session; the kinds of
miss found on the promoted development corpora eval-blind-2 and eval-blind-5, written here in
new words before the code):

* two precise figures ("14,236" / "14,326") are exact: the rounding tolerance is for round
  figures ("14,000") and unit conversions, and a bound's own figure is no rounding;
* another figure of one side's sentence stands for a bound's *stated* figure only ("37
  crashes and nine injuries" against "fewer than 20 crashes": the 20 is not the nine);
* an owner the English name guesser found has no known kind: a street and a runner are no
  two owners of one figure, and a name inside a longer one is that name;
* the units of hyphenated adjectives ("a two-mile radius", "a 12-kilometre stretch",
  "a $4-million upgrade") and approximate durations ("une vingtaine de secondes").
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


def test_two_precise_figures_close_together_conflict():
    a = "Organisers said 14,236 cyclists completed the full route on Sunday."
    b = "Organisers said 14,326 cyclists completed the full route on Sunday."
    assert len(warnings(a, b)) == 1


@pytest.mark.parametrize(
    "a,b",
    [
        (
            "Organisers said 14,000 cyclists completed the full route on Sunday.",
            "Organisers said 14,236 cyclists completed the full route on Sunday.",
        ),
        ("The limit near schools is 15 mph, the council said.", "The limit near schools is 24 km/h, the council said."),
        (
            "Les organisateurs ont compté 1 500 participants au départ dimanche.",
            "Les organisateurs ont compté 1 496 participants au départ dimanche.",
        ),
    ],
)
def test_a_round_figure_or_a_conversion_keeps_its_tolerance(a, b):
    assert findings(a, b) == []


def test_a_precise_figure_below_a_stated_lower_bound_conflicts():
    a = "Organisers said 21,610 cyclists started the route on Sunday."
    b = "Organisers said more than 22,000 cyclists started the route on Sunday."
    assert len(warnings(a, b)) == 1


def test_a_sibling_figure_is_not_read_into_the_other_sides_bound():
    a = "Regulators have received reports of 37 fires and nine injuries linked to the charger."
    b = "Regulators have linked fewer than 20 fires to the charger so far."
    got = findings(a, b)
    assert [sorted(e.quote for e in f.evidence) for f in got] == [["37", "fewer than 20"]]


def test_the_other_figure_of_a_sentence_still_explains_the_other_side():
    a = "Regulators have received reports of 37 fires, 12 of them in apartments."
    b = "Regulators say 12 fires broke out in apartments."
    assert findings(a, b) == []


def test_guessed_english_names_of_no_known_kind_do_not_part_two_figures():
    a = "In Dunmore, Maria Okafor won the marathon in 2:21:08."
    b = "In Dunmore, the marathon winner raced down Quayside Road in 2:22:08."
    assert len(findings(a, b)) == 1


def test_a_name_inside_a_longer_name_is_the_same_owner():
    a = "The Dunmore Harbour Festival sold 41,236 tickets, organisers said."
    b = "Dunmore sold 45,263 tickets, organisers said."
    assert len(findings(a, b)) == 1


@pytest.mark.parametrize(
    "text,lang,qtype,nominal",
    [
        ("Homes within a two-mile radius were evacuated.", "en", "length", 3218.688),
        ("Crews cleared a 12-kilometre stretch of the motorway.", "en", "length", 12000.0),
        ("The board approved a $4-million upgrade of the plant.", "en", "money", 4_000_000.0),
        ("Le sol a tremblé pendant une vingtaine de secondes.", "fr", "duration", 20 / 86400),
        ("The shaking lasted about a dozen seconds.", "en", "duration", 12 / 86400),
    ],
)
def test_hyphenated_units_and_rough_durations(text, lang, qtype, nominal):
    got = [q for q in parse_quantities(text, lang) if q.qtype == qtype]
    assert len(got) == 1, [(q.text, q.qtype) for q in parse_quantities(text, lang)]
    assert got[0].nominal == pytest.approx(nominal, rel=1e-6)


@pytest.mark.parametrize(
    "text,lang", [("He scored in the 4-3 win.", "en"), ("Le GPT-4 de la société a été lancé.", "fr")]
)
def test_hyphens_that_carry_no_unit(text, lang):
    assert [q.qtype for q in parse_quantities(text, lang) if q.qtype in ("length", "money", "duration")] == []


@pytest.mark.parametrize(
    "a,b",
    [
        (
            "L'alarme est restée muette pendant quarante secondes, selon le parquet.",
            "L'alarme est restée muette pendant quarante minutes, selon le parquet.",
        ),
        ("The ferry was delayed for 12 minutes on Friday.", "The ferry was delayed for 12 hours on Friday."),
    ],
)
def test_one_figure_in_two_units_is_a_unit_mistake(a, b):
    assert len(warnings(a, b)) == 1


def test_one_number_in_units_far_apart_is_two_spans():
    a = "The ferry was delayed for three hours on Friday."
    b = "The ferry was delayed for three years on Friday."
    assert [f.level for f in findings(a, b)] == ["suggestion"]


def test_spans_far_apart_in_other_figures_stay_suggestions():
    a = "The ferry was delayed for 12 minutes on Friday."
    b = "The ferry was delayed for 20 hours on Friday."
    assert [f.level for f in findings(a, b)] == ["suggestion"]


def test_rough_durations_of_two_units_conflict():
    a = "Le sol a tremblé pendant une vingtaine de secondes, selon les sismologues."
    b = "Le sol a tremblé pendant une vingtaine de minutes, selon les sismologues."
    assert len(findings(a, b)) == 1


@pytest.mark.parametrize(
    "text,lang,noun",
    [
        ("The agency spoke to four people who were injured in the blast.", "en", "injured"),
        ("Quatre personnes qui ont été blessées ont porté plainte.", "fr", "injured"),
        ("Two men who were arrested on Friday appeared in court.", "en", "arrested"),
        ("Trois hommes ont été interpellés dimanche.", "fr", "arrested"),
    ],
)
def test_what_befell_people_in_a_relative_clause_or_men_and_women(text, lang, noun):
    assert [q.noun for q in parse_quantities(text, lang) if q.qtype == "count"] == [noun]


def test_men_and_individuals_are_people():
    a = "Selon le parquet, trois individus cagoulés ont pénétré dans le musée."
    b = "Selon le parquet, deux hommes ont pénétré dans le musée."
    assert len(warnings(a, b)) == 1


def test_a_prison_term_is_quoted_from_the_body_not_the_headline():
    a = (
        "Former Corvex boss sentenced to four years in fraud case\n\nBy Ann Lee\n\n"
        "BRUSSELS - Jan Peeters was sentenced to four years in prison, two of them suspended."
    )
    b = (
        "Affaire Corvex : Jan Peeters condamné à cinq ans de prison\n\nPar Marc Dupuis\n\n"
        "Le tribunal a condamné Jan Peeters à cinq ans de prison, dont deux avec sursis."
    )
    got = warnings(a, b, embedder="auto")
    assert len(got) == 1
    assert {
        e.doc_id: e.start > a.index("\n\nBRUSSELS") if e.doc_id == "a.txt" else e.start > b.index("\n\nLe")
        for e in got[0].evidence
    } == {
        "a.txt": True,
        "b.txt": True,
    }


@pytest.mark.parametrize(
    "text,lang", [("Le tribunal l'a condamné à cinq ans de prison ferme.", "fr"), ("He got four years in jail.", "en")]
)
def test_a_prison_term_is_a_duration(text, lang):
    assert [q.qtype for q in parse_quantities(text, lang)] == ["duration"]


def test_the_message_names_a_tolerance_only_where_it_applies():
    precise = findings(
        "Organisers said 14,236 cyclists completed the full route on Sunday.",
        "Organisers said 14,326 cyclists completed the full route on Sunday.",
    )
    rounded = findings(
        "Organisers said 14,000 cyclists completed the full route on Sunday.",
        "Organisers said 15,236 cyclists completed the full route on Sunday.",
    )
    assert "tolerance" not in precise[0].explanation["reason"]
    assert "tolerance" in rounded[0].explanation["reason"]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("It will cut 1,040 jobs, roughly one in ten employees.", "en"),
        ("Un salarié sur dix perdra son emploi.", "fr"),
        ("One out of five patients improved.", "en"),
    ],
)
def test_the_denominator_of_a_ratio_is_no_count(text, lang):
    assert [q.nominal for q in parse_quantities(text, lang) if q.qtype == "count" and q.nominal in (5, 10)] == []


def test_a_span_after_sur_is_no_ratio():
    assert [q.qtype for q in parse_quantities("Il a signé un contrat sur cinq ans.", "fr")] == ["duration"]


def test_an_excluded_word_after_a_headcount_is_no_layoff():
    a = "The startup has about 400 employees and serves 2,300 customers."
    b = "The firm was founded in 2019 and has 1,100 employees."
    assert len(warnings(a, b)) == 1
