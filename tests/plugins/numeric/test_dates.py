"""Date mentions (plugins.numeric.dates): forms, offsets, weekdays, relative days,
non-dates, span compatibility and publication dates, French and English."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.numeric.dates import DateMention, compatible, find_dates, publication_date

D = datetime.date
ANCHOR = D(2026, 4, 5)  # a Sunday


def only(text, lang, anchor=ANCHOR):
    found = find_dates(text, lang, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


def test_anchor_is_a_sunday():
    assert calendar.weekday(2026, 4, 5) == calendar.SUNDAY


# ------------------------------------------------------------------ forms and offsets

# (lang, sentence, mention text, low, high, granularity, year_stated)
FORMS = [
    # full dates
    (
        "fr",
        "Le 3 avril 2026, la police a arrêté trois hommes.",
        "3 avril 2026",
        D(2026, 4, 3),
        D(2026, 4, 3),
        "day",
        True,
    ),
    ("fr", "Il est né le 1er mai 1990 à Lyon.", "1er mai 1990", D(1990, 5, 1), D(1990, 5, 1), "day", True),
    ("fr", "Le procès s'ouvre le 17 nov. 2025.", "17 nov. 2025", D(2025, 11, 17), D(2025, 11, 17), "day", True),
    ("fr", "Le décret du 03/04/2026 est paru.", "03/04/2026", D(2026, 4, 3), D(2026, 4, 3), "day", True),
    ("en", "The decree of 03/04/2026 was published.", "03/04/2026", D(2026, 3, 4), D(2026, 3, 4), "day", True),
    ("en", "On April 3, 2026, police arrested three men.", "April 3, 2026", D(2026, 4, 3), D(2026, 4, 3), "day", True),
    ("en", "He was arrested on 3 April 2026 in Leeds.", "3 April 2026", D(2026, 4, 3), D(2026, 4, 3), "day", True),
    ("en", "The report is dated 2026-04-03.", "2026-04-03", D(2026, 4, 3), D(2026, 4, 3), "day", True),
    ("en", "The vote is on the 12th of May.", "12th of May", D(2026, 5, 12), D(2026, 5, 12), "day", False),
    # day + month, year inferred from the anchor (nearest occurrence)
    ("fr", "Les faits remontent au 16 novembre.", "16 novembre", D(2025, 11, 16), D(2025, 11, 16), "day", False),
    ("fr", "Le sommet aura lieu le 3 mai.", "3 mai", D(2026, 5, 3), D(2026, 5, 3), "day", False),
    ("en", "Police said on Aug. 6 that ...", "Aug. 6", D(2026, 8, 6), D(2026, 8, 6), "day", False),
    # weekday + day
    ("fr", "Vendredi 3 avril, les grévistes ont voté.", "Vendredi 3 avril", D(2026, 4, 3), D(2026, 4, 3), "day", False),
    ("en", "On Friday, April 3, the strikers voted.", "Friday, April 3", D(2026, 4, 3), D(2026, 4, 3), "day", False),
    # spans
    (
        "fr",
        "Les faits ont eu lieu dans la nuit du 16 au 17 novembre.",
        "nuit du 16 au 17 novembre",
        D(2025, 11, 16),
        D(2025, 11, 17),
        "days",
        False,
    ),
    ("fr", "Le salon se tient du 3 au 5 mai.", "du 3 au 5 mai", D(2026, 5, 3), D(2026, 5, 5), "days", False),
    (
        "fr",
        "Fermé du 28 février au 2 mars 2026.",
        "du 28 février au 2 mars 2026",
        D(2026, 2, 28),
        D(2026, 3, 2),
        "days",
        True,
    ),
    (
        "fr",
        "dans la nuit de dimanche 16 à lundi 17 novembre 2025, un incendie",
        "nuit de dimanche 16 à lundi 17 novembre 2025",
        D(2025, 11, 16),
        D(2025, 11, 17),
        "days",
        True,
    ),
    (
        "fr",
        "Cambriolage dans la nuit de dimanche 16 à lundi 17 novembre.",
        "nuit de dimanche 16 à lundi 17 novembre",
        D(2025, 11, 16),
        D(2025, 11, 17),
        "days",
        False,
    ),
    ("fr", "Grève les 3 et 4 mai.", "3 et 4 mai", D(2026, 5, 3), D(2026, 5, 4), "days", False),
    (
        "fr",
        "Ils se réunissent entre le 3 et le 5 mai.",
        "entre le 3 et le 5 mai",
        D(2026, 5, 3),
        D(2026, 5, 5),
        "days",
        False,
    ),
    ("fr", "Festival 3-5 mai 2026.", "3-5 mai 2026", D(2026, 5, 3), D(2026, 5, 5), "days", True),
    ("en", "The fair runs between May 3 and 5.", "between May 3 and 5", D(2026, 5, 3), D(2026, 5, 5), "days", False),
    (
        "en",
        "The fair runs from May 3 to May 5, 2026.",
        "from May 3 to May 5, 2026",
        D(2026, 5, 3),
        D(2026, 5, 5),
        "days",
        True,
    ),
    ("en", "The fair runs May 3-5.", "May 3-5", D(2026, 5, 3), D(2026, 5, 5), "days", False),
    (
        "en",
        "It happened on the night of May 3 to 4.",
        "night of May 3 to 4",
        D(2026, 5, 3),
        D(2026, 5, 4),
        "days",
        False,
    ),
    # months and parts of months
    ("fr", "Le chantier finira fin mars.", "fin mars", D(2026, 3, 20), D(2026, 3, 31), "part_of_month", False),
    ("fr", "Reprise début avril.", "début avril", D(2026, 4, 1), D(2026, 4, 10), "part_of_month", False),
    ("fr", "Rendez-vous à la mi-juin.", "mi-juin", D(2026, 6, 10), D(2026, 6, 20), "part_of_month", False),
    (
        "fr",
        "Il a été élu fin novembre 2025.",
        "fin novembre 2025",
        D(2025, 11, 20),
        D(2025, 11, 30),
        "part_of_month",
        True,
    ),
    ("fr", "Les travaux ont commencé en mars.", "mars", D(2026, 3, 1), D(2026, 3, 31), "month", False),
    ("fr", "Le chiffre d'avril 2026 est connu.", "avril 2026", D(2026, 4, 1), D(2026, 4, 30), "month", True),
    (
        "en",
        "Work will end by the end of March.",
        "end of March",
        D(2026, 3, 20),
        D(2026, 3, 31),
        "part_of_month",
        False,
    ),
    ("en", "Talks resume early April.", "early April", D(2026, 4, 1), D(2026, 4, 10), "part_of_month", False),
    ("en", "A decision is due mid-June.", "mid-June", D(2026, 6, 10), D(2026, 6, 20), "part_of_month", False),
    ("en", "Prices rose in March.", "March", D(2026, 3, 1), D(2026, 3, 31), "month", False),
    ("en", "Sales in February 2024 fell.", "February 2024", D(2024, 2, 1), D(2024, 2, 29), "month", True),
    # years and year ranges
    ("fr", "Il a été condamné en 2019.", "2019", D(2019, 1, 1), D(2019, 12, 31), "year", True),
    ("fr", "Il vit à Lyon depuis 2019.", "2019", D(2019, 1, 1), D(2019, 12, 31), "year", True),
    ("fr", "Le plan couvre 2019-2021.", "2019-2021", D(2019, 1, 1), D(2021, 12, 31), "years", True),
    ("fr", "Il a dirigé le club de 2019 à 2021.", "de 2019 à 2021", D(2019, 1, 1), D(2021, 12, 31), "years", True),
    ("en", "He was convicted in 2019.", "2019", D(2019, 1, 1), D(2019, 12, 31), "year", True),
    ("en", "He served from 2019 to 2021.", "from 2019 to 2021", D(2019, 1, 1), D(2021, 12, 31), "years", True),
    ("en", "The 2019–2021 plan failed.", "2019–2021", D(2019, 1, 1), D(2021, 12, 31), "years", True),
    # a full date may be older than the 1800-2100 window of years alone
    (
        "fr",
        "La prise de la Bastille, le 14 juillet 1789.",
        "14 juillet 1789",
        D(1789, 7, 14),
        D(1789, 7, 14),
        "day",
        True,
    ),
]


@pytest.mark.parametrize("lang,text,mention,low,high,gran,stated", FORMS)
def test_forms(lang, text, mention, low, high, gran, stated):
    d = only(text, lang)
    assert (d.text, d.low, d.high, d.granularity, d.year_stated) == (mention, low, high, gran, stated)
    assert text[d.start : d.end] == d.text
    assert text.index(mention) == d.start
    assert not d.relative


def test_several_mentions_in_order():
    text = "Arrêté le 3 avril 2026, il sera jugé du 3 au 5 mai, comme en 2019."
    found = find_dates(text, "fr", anchor=ANCHOR)
    assert [d.text for d in found] == ["3 avril 2026", "du 3 au 5 mai", "2019"]
    assert all(text[d.start : d.end] == d.text for d in found)


def test_year_inferred_from_preceding_stated_date():
    text = "Le 3 mars 2019, il est arrêté. Le 5 mars, il est relâché."
    _first, second = find_dates(text, "fr", anchor=ANCHOR)
    assert second.low == D(2019, 3, 5) and not second.year_stated


# ------------------------------------------------------------------------------ weekdays


@pytest.mark.parametrize(
    "lang,text,weekday,conflict",
    [
        ("fr", "jeudi 3 avril 2026", calendar.THURSDAY, True),  # 3 April 2026 is a Friday
        ("fr", "vendredi 3 avril 2026", calendar.FRIDAY, False),
        ("en", "Thursday, April 3, 2026", calendar.THURSDAY, True),
        ("en", "Friday, April 3, 2026", calendar.FRIDAY, False),
        ("fr", "dans la nuit de samedi 16 à dimanche 17 novembre 2025", calendar.SATURDAY, True),
        ("fr", "dans la nuit de dimanche 16 à lundi 17 novembre 2025", calendar.SUNDAY, False),
    ],
)
def test_weekday_conflict(lang, text, weekday, conflict):
    d = only(text, lang)
    assert d.weekday == weekday
    assert d.weekday_conflict is conflict
    real = calendar.weekday(d.low.year, d.low.month, d.low.day)
    assert (real != weekday) is conflict


def test_weekday_picks_the_matching_year_when_unwritten():
    # 6 Aug 2025 was a Wednesday; from an August 2025 anchor the year is 2025, no conflict
    d = only("Wednesday, Aug. 6", "en", anchor=D(2025, 8, 7))
    assert (d.low, d.weekday, d.weekday_conflict, d.year_stated) == (D(2025, 8, 6), 2, False, False)
    # with no anchor at all a weekday decides the year and is never a conflict
    d = only("Wednesday, Aug. 6", "en", anchor=None)
    assert d.low.weekday() == 2 and not d.weekday_conflict


def test_weekday_with_day_only_needs_anchor():
    d = only("Il est arrivé le mardi 4 au soir.", "fr", anchor=D(2025, 11, 5))
    assert (d.text, d.low, d.weekday, d.relative) == ("le mardi 4", D(2025, 11, 4), 1, True)
    assert find_dates("Il est arrivé le mardi 4 au soir.", "fr", anchor=None) == []


# -------------------------------------------------------------------------- relative days

# anchor Sunday 5 April 2026
RELATIVE = [
    ("fr", "Il a été arrêté hier.", "hier", D(2026, 4, 4)),
    ("fr", "Il est libre aujourd'hui.", "aujourd'hui", D(2026, 4, 5)),
    ("fr", "Il est arrivé avant-hier.", "avant-hier", D(2026, 4, 3)),
    ("fr", "Il sera jugé demain.", "demain", D(2026, 4, 6)),
    ("fr", "Mardi, la police a perquisitionné.", "Mardi", D(2026, 3, 31)),
    ("fr", "Il a parlé lundi dernier.", "lundi dernier", D(2026, 3, 30)),
    ("fr", "Il parlera mardi prochain.", "mardi prochain", D(2026, 4, 7)),
    ("fr", "Le verdict sera rendu jeudi.", "jeudi", D(2026, 4, 9)),
    ("en", "He was arrested yesterday.", "yesterday", D(2026, 4, 4)),
    ("en", "He is free today.", "today", D(2026, 4, 5)),
    ("en", "He spoke last Tuesday.", "last Tuesday", D(2026, 3, 31)),
    ("en", "Police said on Monday that ...", "Monday", D(2026, 3, 30)),
    ("en", "Police said Friday that ...", "Friday", D(2026, 4, 3)),
    ("en", "The court will rule Thursday.", "Thursday", D(2026, 4, 9)),
    ("en", "He speaks next Tuesday.", "next Tuesday", D(2026, 4, 7)),
    ("fr", "Il a disparu il y a trois jours.", "il y a trois jours", D(2026, 4, 2)),
    ("en", "He vanished three days ago.", "three days ago", D(2026, 4, 2)),
]


@pytest.mark.parametrize("lang,text,mention,day", RELATIVE)
def test_relative_days(lang, text, mention, day):
    d = only(text, lang)
    assert (d.text, d.low, d.high, d.granularity) == (mention, day, day, "day")
    assert d.relative and not d.year_stated
    assert text[d.start : d.end] == mention
    assert not d.weekday_conflict


@pytest.mark.parametrize("lang,text,mention,day", RELATIVE)
def test_relative_days_need_anchor(lang, text, mention, day):
    # without an anchor no day is known; a weekday keeps its weekday alone ("weekday")
    got = find_dates(text, lang, anchor=None)
    assert all(d.granularity == "weekday" and d.weekday == day.weekday() for d in got), got
    assert len(got) == (1 if any(w in mention.lower() for w in _WEEKDAY_WORDS) else 0)


_WEEKDAY_WORDS = (
    *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
)


# tense near a bare weekday: the nearest cue decides, else the nearest occurrence
@pytest.mark.parametrize(
    "lang,text,anchor,mention,day",
    [
        # Wednesday 11 June 2025: a verb governing another date word does not count
        (
            "fr",
            ("La direction a confirmé mercredi soir l'annulation de 620 vols jeudi, premier jour de grève."),
            D(2025, 6, 11),
            "jeudi",
            D(2025, 6, 12),
        ),
        ("fr", "Les hôtesses seront en grève jeudi.", D(2025, 6, 11), "jeudi", D(2025, 6, 12)),
        ("fr", "Le conseil se réunira samedi.", D(2026, 3, 23), "samedi", D(2026, 3, 28)),
        # Friday 13 March 2026: a past verb right before wins over a future inside the quote
        (
            "fr",
            "Le ministre a répété jeudi soir que la réforme « ne sera pas retirée ».",
            D(2026, 3, 13),
            "jeudi",
            D(2026, 3, 12),
        ),
        ("fr", "Il est arrivé ce jeudi.", D(2026, 3, 12), "ce jeudi", D(2026, 3, 12)),
        ("en", "Voltara shares fell 6% on Thursday.", D(2026, 3, 12), "Thursday", D(2026, 3, 12)),
        ("en", "Trading will resume Wednesday.", D(2026, 3, 2), "Wednesday", D(2026, 3, 4)),
        ("en", "Brittany on Wednesday adopted a budget.", D(2026, 3, 12), "Wednesday", D(2026, 3, 11)),
    ],
)
def test_bare_weekday_tense(lang, text, anchor, mention, day):
    d = find_dates(text, lang, anchor=anchor)[-1]
    assert (d.text, d.low, d.relative) == (mention, day, True)


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "The Mail on Sunday reported the deal."),
        ("en", "Black Friday sales rose."),
        ("en", "The Sunday Times said so."),
        ("fr", "Le carnaval de Mardi gras attire du monde."),
        ("fr", "La messe du vendredi saint."),
    ],
)
def test_weekday_names_that_are_no_day(lang, text):
    assert find_dates(text, lang, anchor=ANCHOR) == []


def test_weekday_and_date_preferred_over_ce_weekday():
    d = only("la grève de ce jeudi 12 mars a perturbé le trafic", "fr", D(2026, 3, 12))
    assert (d.text, d.low, d.relative, d.weekday_conflict) == ("jeudi 12 mars", D(2026, 3, 12), False, False)


def test_unanchored_night_weekdays_choose_their_year():
    # no anchor: the weekdays (Saturday 15 / Sunday 16 November) pick 2025, no conflict
    d = only("Le vol, survenu dans la nuit de samedi 15 à dimanche 16 novembre, a été découvert.", "fr", None)
    assert (d.low, d.high, d.weekday_conflict) == (D(2025, 11, 15), D(2025, 11, 16), False)


def test_context_year_only_from_nearby_day_mention():
    text = "Elle préside Darcel depuis juillet 2024. Les magasins fermeront le 30 novembre."
    second = find_dates(text, "fr", anchor=D(2025, 10, 15))[1]
    assert second.low == D(2025, 11, 30)  # the anchor, not the background month


def test_relative_night():
    d = only("Un incendie s'est déclaré dans la nuit de samedi à dimanche.", "fr")
    assert (d.text, d.low, d.high, d.granularity, d.relative) == (
        "nuit de samedi à dimanche",
        D(2026, 4, 4),
        D(2026, 4, 5),
        "days",
        True,
    )
    d = only("A fire broke out last night.", "en")
    assert (d.low, d.high, d.granularity, d.relative) == (D(2026, 4, 4), D(2026, 4, 5), "days", True)


def test_datetime_anchor_accepted():
    assert only("hier", "fr", anchor=datetime.datetime(2026, 4, 5, 11, 20)).low == D(2026, 4, 4)


# ----------------------------------------------------------------------------- non-dates

NON_DATES = [
    ("fr", "Le montant atteint 2 000 euros."),
    ("fr", "Plus de 1 500 manifestants ont défilé."),
    ("fr", "L'interpellation a eu lieu vers 5 heures du matin."),
    ("fr", "Le train est parti à 8 h 42."),
    ("fr", "La grève a duré trois jours."),
    ("fr", "Le chômage a reculé de 7,5 %."),
    ("fr", "Appelez le 06 12 34 56 78 ou le 01.23.45.67.89."),
    ("fr", "Le club joue en Top 14 cette saison."),
    ("fr", "Il a terminé 3e sur 12 au classement."),
    ("fr", "Le livre a été tiré en 2000 exemplaires."),
    ("fr", "Ils étaient sept."),
    ("fr", "La mer est belle ; le jeu est ouvert."),
    ("fr", "La sonde a atterri sur Mars."),
    ("fr", "La hausse passe du 3 au 5 %."),
    ("fr", "Le score est de 2019 à 2 000 points."),
    ("fr", "Il a 2019 abonnés."),
    ("fr", "Il a été élu il y a deux ans, en 1500 voix."),
    ("fr", "Le 3 mai 2000 euros ont été versés."),
    ("fr", "Le règne de 1500 à 1600."),
    ("en", "The bill totals $2,000 for 1,500 people."),
    ("en", "The train left at 7:42 a.m. and arrived 8:15 p.m."),
    ("en", "The strike lasted three days."),
    ("en", "Unemployment fell 7.5% in the quarter."),
    ("en", "Call 555-123-4567 for details."),
    ("en", "He finished 3rd of 12 in the rankings."),
    ("en", "Prices may march higher; the sun rose."),
    ("en", "Theresa May said the plan works."),
    ("en", "He scored 2019 points in his career."),
]


@pytest.mark.parametrize("lang,text", NON_DATES)
def test_non_dates(lang, text):
    assert find_dates(text, lang, anchor=ANCHOR) == []


def test_habitual_weekday_is_not_a_date():
    assert find_dates("Le marché a lieu le mardi et tous les jeudis.", "fr", anchor=ANCHOR) == []
    assert find_dates("The market opens every Tuesday.", "en", anchor=ANCHOR) == []


def test_clock_time_after_weekday_is_not_a_day():
    d = only("Mardi 8 h 42, la police est intervenue.", "fr")
    assert d.text == "Mardi" and d.relative


@pytest.mark.parametrize("text,lang", [("", "fr"), ("3 avril 2026", "de"), ("hier", "xx")])
def test_bad_input(text, lang):
    assert find_dates(text, lang, anchor=ANCHOR) == []


# --------------------------------------------------------------------------- compatible


def _m(text, lang="fr", anchor=ANCHOR):
    return only(text, lang, anchor)


COMPATIBLE = [
    ("fin mars 2026", "31 mars 2026", True),
    ("fin mars 2026", "25 mars 2026", True),
    ("fin mars 2026", "3 mars 2026", False),
    ("début avril 2026", "3 avril 2026", True),
    ("début avril 2026", "fin avril 2026", False),
    ("mars 2026", "12 mars 2026", True),
    ("mars 2026", "12 avril 2026", False),
    ("nuit du 16 au 17 novembre 2025", "nuit du 15 au 16 novembre 2025", False),
    ("nuit du 16 au 17 novembre 2025", "nuit du 16 au 17 novembre 2025", True),
    ("nuit du 16 au 17 novembre 2025", "17 novembre 2025", True),
    ("nuit du 16 au 17 novembre 2025", "16 novembre 2025", True),
    ("nuit du 16 au 17 novembre 2025", "15 novembre 2025", False),
    ("du 3 au 5 mai 2026", "4 mai 2026", True),
    ("du 3 au 5 mai 2026", "du 4 au 6 mai 2026", False),
    ("du 3 au 5 mai 2026", "mai 2026", True),
    ("3 avril 2026", "03/04/2026", True),
    ("3 avril 2026", "4 avril 2026", False),
    ("en 2019", "de 2019 à 2021", True),
    ("en 2022", "de 2019 à 2021", False),
    ("de 2019 à 2021", "de 2018 à 2021", True),  # one range nests in the other
    ("de 2019 à 2021", "de 2020 à 2022", False),
    ("en 2019", "3 avril 2019", True),
    ("en 2019", "3 avril 2020", False),
    ("mi-juin 2026", "fin juin 2026", True),  # shared edge: the 20th
    ("mi-juin 2026", "début juin 2026", True),  # shared edge: the 10th
]


@pytest.mark.parametrize("a,b,expected", COMPATIBLE)
def test_compatible(a, b, expected):
    ma, mb = _m(a), _m(b)
    assert compatible(ma, mb) is expected
    assert compatible(mb, ma) is expected


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("the end of March 2026", "March 31, 2026", True),
        ("early April 2026", "April 20, 2026", False),
        ("between May 3 and 5, 2026", "May 4, 2026", True),
        ("yesterday", "April 4, 2026", True),
        ("last Tuesday", "April 1, 2026", False),
    ],
)
def test_compatible_en(a, b, expected):
    assert compatible(_m(a, "en"), _m(b, "en")) is expected


def test_compatible_across_languages():
    assert compatible(_m("fin mars 2026"), _m("the end of March 2026", "en"))
    assert not compatible(
        _m("dans la nuit du 16 au 17 novembre 2025"), _m("the night of November 15 to 16, 2025", "en")
    )


_dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))
_grans = st.sampled_from(["day", "days", "month", "part_of_month", "year", "years"])


@st.composite
def mentions(draw):
    low = draw(_dates)
    high = low + datetime.timedelta(days=draw(st.integers(0, 800)))
    return DateMention(0, 1, "x", low, high, draw(_grans), None, False, False, True)


@settings(max_examples=300, deadline=None)
@given(mentions(), mentions())
def test_compatible_is_symmetric(a, b):
    assert compatible(a, b) == compatible(b, a)
    assert compatible(a, a)


# ----------------------------------------------------------------------- never raises

_alphabet = st.sampled_from(
    list("0123456789 /.-,:'’hH%€$éèàûçaeinorstuvdlmjfAMJDS\n")
    + [
        "mars",
        "avril",
        "mai",
        "juin",
        "novembre",
        "lundi",
        "mardi",
        "jeudi",
        "hier",
        "nuit",
        "du",
        "au",
        "de",
        "à",
        "en",
        "fin",
        "mi",
        "début",
        "les",
        "et",
        "entre",
        "le",
        "March",
        "April",
        "May",
        "Aug.",
        "Monday",
        "Tuesday",
        "last",
        "between",
        "and",
        "from",
        "to",
        "night",
        "of",
        "early",
        "mid",
        "end",
        "in",
        "2019",
        "2021",
        "29",
        "31",
        "1er",
        "3rd",
        "février",
        "February",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_alphabet, max_size=30).map(" ".join), st.sampled_from(["fr", "en"]), st.one_of(st.none(), _dates))
def test_find_dates_never_raises(text, lang, anchor):
    for d in find_dates(text, lang, anchor=anchor):
        assert text[d.start : d.end] == d.text
        assert d.low <= d.high
        assert d.granularity in {"day", "days", "month", "part_of_month", "year", "years", "weekday"}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["fr", "en"]))
def test_random_text_never_raises(text, lang):
    find_dates(text, lang, anchor=ANCHOR)
    publication_date(text, lang)


# ---------------------------------------------------------------------- publication date


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("fr", "Le 17 novembre 2025 à 11h20\nLa police a interpellé deux hommes.", D(2025, 11, 17)),
        ("fr", "Par Jean Dupont\nPublié le lundi 17 novembre 2025 à 11h20\nTexte.", D(2025, 11, 17)),
        ("fr", "Publié le 17/11/2025 à 11:20, mis à jour le 18/11/2025 à 08:00\nTexte.", D(2025, 11, 17)),
        ("fr", "Mis à jour le 18 novembre 2025\nTexte.", D(2025, 11, 18)),
        ("fr", "PARIS, 3 avril 2026 (AFP) - Les syndicats ont appelé à la grève.", D(2026, 4, 3)),
        ("fr", "Paris, le 3 avril 2026\nLes syndicats ont appelé à la grève.", D(2026, 4, 3)),
        ("en", "Published March 4, 2026\nPolice said on Monday ...", D(2026, 3, 4)),
        ("en", "By Jane Doe\nUpdated 7:42 a.m. ET, August 6, 2025\nText.", D(2025, 8, 6)),
        ("en", "WASHINGTON, March 4, 2026 (Reuters) - The Senate voted ...", D(2026, 3, 4)),
        ("en", "By Jane Doe\nMarch 4, 2026\nThe Senate voted ...", D(2026, 3, 4)),
        ("fr", "Titre\n\nfranceinfo avec AFP - Publié le 18 novembre 2025\n\nTexte.", D(2025, 11, 18)),
        ("fr", "Titre\n\nmercredi 6 août 2025 à 19:45 - Par la rédaction de France Bleu\n", D(2025, 8, 6)),
        # an author's byline ending in the date
        ("fr", "Titre\nici Nord – Par la rédaction, le mardi 8 décembre 2026 à 12:15\n\nTexte.", D(2026, 12, 8)),
        ("fr", "Titre\nPar Julien Caron, le 3 mars 2026\n\nTexte.", D(2026, 3, 3)),
        ("en", "Title\nBy Jane Doe | Dec. 3, 2026\n\nText.", D(2026, 12, 3)),
        ("en", "Title\nBy Jane Doe and Tom Hale, March 4, 2026 at 9:12 a.m.\n\nText.", D(2026, 3, 4)),
    ],
)
def test_publication_date(lang, text, expected):
    assert publication_date(text, lang) == expected


@pytest.mark.parametrize(
    "lang,text",
    [
        ("fr", "Le 3 avril 2026, la police a arrêté quarante personnes dans le centre de Lyon."),
        ("fr", "En France, le 3 avril 2026, la police a arrêté quarante personnes."),
        ("fr", "La police a interpellé deux hommes hier soir.\nIls seront jugés."),
        ("en", "On April 3, 2026, police arrested forty people in central Leeds after clashes."),
        ("en", ""),
        ("en", "PARIS, March 18 (Reuters) - Europe's newest rocket ..."),  # no year written
        # "par" in a body sentence is no byline: a verb comes before the date
        ("fr", "La décision a été prise par le conseil municipal, le 3 avril 2026, après un long débat."),
        ("en", "The plan was approved by the council on March 4, 2026, after a long debate in the chamber."),
    ],
)
def test_no_publication_date(lang, text):
    assert publication_date(text, lang) is None


def test_publication_date_anchors_relative_days():
    article = "Publié le 17 novembre 2025 à 11h20\nLe suspect a été arrêté hier, a indiqué le parquet."
    anchor = publication_date(article, "fr")
    body = article.splitlines()[1]
    assert only(body, "fr", anchor).low == D(2025, 11, 16)


# ---------------------------------------------------------------------------------- speed
