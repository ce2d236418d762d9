"""Amounts of data are a measure with units, through pint (issue 12).

Written for the development miss ``en-cyberattack-derby-council`` (eval-blind-9) before the
code: "about 2 terabytes of data" / "2 gigabytes of files" were two counts of two nouns
("terabyte", "gigabyte") and were never compared.  One number in two units is a misreport's
signature, as "300 miles" / "300 km" is.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


@pytest.mark.parametrize(
    "text,lang,low_gb",
    [
        ("The gang copied 2 terabytes of data.", "en", 2000.0),
        ("The gang copied 2 TB of data.", "en", 2000.0),
        ("Les pirates ont copié 2 To de données.", "fr", 2000.0),
        ("Les pirates ont dérobé 500 gigaoctets de fichiers.", "fr", 500.0),
        ("A 120 MB file was leaked.", "en", 0.12),
    ],
)
def test_an_amount_of_data_is_read_in_one_base(text, lang, low_gb):
    (q,) = parse_quantities(text, lang)
    assert q.qtype == "data"
    assert q.low == pytest.approx(low_gb)


@pytest.mark.parametrize("text", ["To be fair, 3 people came.", "Mo Farah won 2 races."])
def test_a_word_that_looks_like_a_symbol_is_no_unit(text):
    assert all(q.qtype != "data" for q in parse_quantities(text, "en"))


def test_one_number_in_two_data_units_conflicts():
    a = "The gang copied and encrypted about 2 terabytes of council data, the council said."
    b = "The gang claims to have copied 2 gigabytes of council data, the council said."
    got = warnings(a, b)
    assert got and "another unit" in got[0].message, [f.message for f in findings(a, b)]


def test_one_amount_in_two_units_agrees():
    a = "The gang copied 2 terabytes of council data, the council said."
    b = "The gang copied 2,000 gigabytes of council data, the council said."
    assert not findings(a, b), [f.message for f in findings(a, b)]
