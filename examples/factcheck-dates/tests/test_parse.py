import pytest
from factcheck_dates.parse import days_apart, find_dates


def dates(text, lang="fr"):
    return [(text[d.start : d.end], d.iso()) for d in find_dates(text, lang)]


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("annoncé le 12 décembre 2024.", "fr", [("12 décembre 2024", "2024-12-12")]),
        ("le 1er janvier 2025", "fr", [("1er janvier 2025", "2025-01-01")]),
        ("le 3 FÉVR. 2023 puis le 4 aout", "fr", [("3 FÉVR. 2023", "2023-02-03"), ("4 aout", "--08-04")]),
        ("en décembre 2024", "fr", [("décembre 2024", "2024-12")]),
        ("on December 12, 2024.", "en", [("December 12, 2024", "2024-12-12")]),
        ("on 3rd of March 2024", "en", [("3rd of March 2024", "2024-03-03")]),
        ("on Dec. 3", "en", [("Dec. 3", "--12-03")]),
        ("in May 2024 you may see 12 results", "en", [("May 2024", "2024-05")]),
        ("2024-01-05", "fr", [("2024-01-05", "2024-01-05")]),
        ("03/01/2025", "fr", [("03/01/2025", "2025-01-03")]),
        ("03/01/2025", "en", [("03/01/2025", "2025-03-01")]),
        ("le 31 avril 2024", "fr", [("avril 2024", "2024-04")]),  # no 31 April: month only
        ("13,75 milliards en 2023 ; 12 mars", "fr", [("12 mars", "--03-12")]),
        ("la planète Mars et le mois de mai", "fr", []),
    ],
)
def test_find_dates(text, lang, expected):
    assert dates(text, lang) == expected


def test_days_apart_uses_shared_precision():
    (a,) = find_dates("12 décembre 2024")
    (b,) = find_dates("3 janvier 2025")
    (m,) = find_dates("décembre 2024")
    (n,) = find_dates("le 30 décembre")
    (o,) = find_dates("le 2 janvier")
    assert days_apart(a, b) == 22
    assert days_apart(a, m) == 0
    assert days_apart(n, o) == 3  # no year: shortest way round the calendar
    assert days_apart(a, n) == 18
