"""Dates in the numeric rule type (issue 12, item 3), read by ``plugins.numeric.dates``:
each date form, the dateline never an event date, dates of another event never compared,
a weekday that contradicts its date carried on the claim."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.eventdates import document_dates, in_sentence
from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags


def day(q):
    return dt.date.fromordinal(int(q.low)), dt.date.fromordinal(int(q.high))


@pytest.mark.parametrize(
    "text,lang,low,high",
    [
        ("La Commission a infligé l'amende le jeudi 3 avril 2025.", "fr", dt.date(2025, 4, 3), dt.date(2025, 4, 3)),
        ("The Commission fined Kestrel on 14 March 2025.", "en", dt.date(2025, 3, 14), dt.date(2025, 3, 14)),
        (
            "Le 2 mars 2025, dans la nuit du 16 au 17 novembre 2024, le cyclone a frappé.",
            "fr",
            dt.date(2025, 3, 2),
            dt.date(2025, 3, 2),
        ),
        ("La fusion sera finalisée fin mars 2026.", "fr", dt.date(2026, 3, 20), dt.date(2026, 3, 31)),
        ("Production starts in early April 2026.", "en", dt.date(2026, 4, 1), dt.date(2026, 4, 10)),
    ],
)
def test_date_forms(text, lang, low, high):
    got = document_dates(text, lang)
    assert got, text
    assert day(got[0]) == (low, high)


def test_relative_day_anchored_to_the_publication_date():
    text = "Publié le 5 avril 2025\n\nLe suspect a été arrêté mardi à Lyon."
    got = [q for q in document_dates(text, "fr") if q.text == "mardi"]
    assert got and day(got[0])[0] == dt.date(2025, 4, 1) and got[0].unit == "date"


def test_a_day_without_year_or_anchor_is_a_day_month():
    (q,) = document_dates("Le second tour a eu lieu le dimanche 22 mars.", "fr")
    assert q.unit == "daymonth"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("PORT SELWYN, Sept 11 (Global Wire) - At least 112 people were killed on Tuesday 9 September.", "en"),
        ("PARIS, 10 juin 2025 - Orphéa a annoncé ses résultats le 12 juin 2025.", "fr"),
    ],
)
def test_the_dateline_is_no_event_date(text, lang):
    dates = document_dates(text, lang)
    events = [q.text for q in dates if not q.extra.get("dateline")]
    assert events and not any(t in ("Sept 11", "10 juin 2025") for t in events)
    # the dateline comes back marked, so that parse_quantities masks its digits and drops it
    assert [q.text for q in dates if q.extra.get("dateline")] in (["Sept 11"], ["10 juin 2025"])


def test_weekday_contradicting_its_date_is_marked():
    (q,) = document_dates("L'amende a été infligée le mercredi 3 avril 2025.", "fr")
    assert q.extra["weekday_conflict"] is True
    (q,) = document_dates("L'amende a été infligée le jeudi 3 avril 2025.", "fr")
    assert q.extra["weekday_conflict"] is False


def test_in_sentence_makes_offsets_relative():
    text = "Intro. The fine came on 14 March 2025."
    (q,) = in_sentence(document_dates(text, "en"), 7, len(text))
    assert text[7:][q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text,lang",
    [
        ("It is the second penalty for the company after a €110 million fine in 2021.", "en"),
        ("C'est la deuxième sanction après une amende de 110 millions d'euros en 2021.", "fr"),
    ],
)
def test_a_date_of_another_event_is_tagged(text, lang):
    years = [q for q in parse_quantities(text, lang) if q.qtype == "year"]
    assert years and scope_tags(text, years[0]) == {"event": "other"}


def test_dates_of_one_event_conflict_and_of_another_event_stay_silent():
    assert warnings(
        "The Commission fined Kestrel €350 million on 14 March 2025.",
        "The Commission fined Kestrel €350 million on 12 March 2025.",
    )
    assert warnings(
        "La Commission a infligé une amende à Kestrel le 14 mars 2025.",
        "La Commission a infligé une amende à Kestrel le 12 mars 2025.",
    )
    assert (
        warnings(
            "The Commission fined Kestrel on 14 March 2025.",
            "It is Kestrel's second penalty after a €110 million fine in 2021.",
        )
        == []
    )


def test_unreadable_dates_are_skipped():
    for text in ["le 45 mars 2025", "on 31 February 2025", "fin 99999", "la nuit du 40 au 41"]:
        document_dates(text, "fr")
        findings(text, "Le 3 mars 2025, rien.")
