"""Table-driven tests of the quantity parser (French and English), incl. every numeric form of seeds/."""

import math

import pytest

from plugins.numeric.parse import parse_quantities, words_to_number

B, M, K = 1e9, 1e6, 1e3
INF = math.inf
Y = "year"

# (text, lang, expected quantity text, low, high, unit, approx, scale)  low/high for years: the year numbers
CASES = [
    # ---- seeds (every numeric form)
    (
        "Avec un investissement massif de 13,75 milliards de dollars de la part de Microsoft",
        "fr",
        "13,75 milliards de dollars",
        13.745 * B,
        13.755 * B,
        "USD",
        None,
        B,
    ),
    (
        "Après avoir investi pas moins de 13 milliards de dollars dans la jeune pousse",
        "fr",
        "pas moins de 13 milliards de dollars",
        13 * B,
        INF,
        "USD",
        "ge",
        B,
    ),
    (
        "des lourds investissements de Microsoft, dépassant les dix milliards de dollars, dans la start-up",
        "fr",
        "dépassant les dix milliards de dollars",
        10 * B,
        INF,
        "USD",
        "gt",
        B,
    ),
    (
        "Microsoft, ayant investi plus de 13 milliards de dollars dans OpenAI",
        "fr",
        "plus de 13 milliards de dollars",
        13 * B,
        INF,
        "USD",
        "gt",
        B,
    ),
    (
        "une somme colossale de 10 milliards de dollars ait été investie",
        "fr",
        "10 milliards de dollars",
        10 * B,
        10 * B,
        "USD",
        None,
        B,
    ),
    (
        "une implication financière majeure de 1 milliard de dollars",
        "fr",
        "1 milliard de dollars",
        1 * B,
        1 * B,
        "USD",
        None,
        B,
    ),
    (
        "la valorisation d'OpenAI, qui atteint désormais 300 milliards de dollars",
        "fr",
        "300 milliards de dollars",
        300 * B,
        300 * B,
        "USD",
        None,
        B,
    ),
    (
        "vise à construire jusqu'à 500 milliards de dollars de nouveaux centres",
        "fr",
        "jusqu'à 500 milliards de dollars",
        0,
        500 * B,
        "USD",
        "le",
        B,
    ),
    (
        "une startup spécialisée dans l'IA valorisée plus d'un milliard de dollars",
        "fr",
        "plus d'un milliard de dollars",
        1 * B,
        INF,
        "USD",
        "gt",
        B,
    ),
    ("avec des discussions évoquant une part de 30 à 35 %", "fr", "de 30 à 35 %", 30, 35, "percent", "range", 1),
    ("pourrait prendre fin en 2030 ou dès que l'AGI sera atteint", "fr", "en 2030", 2030, 2030, Y, None, 1),
    ("au-delà d'une date limite prédéterminée, qui serait 2030.", "fr", "2030", 2030, 2030, Y, None, 1),
    ("initialement rédigé en 2019 lorsque Microsoft a réalisé", "fr", "en 2019", 2019, 2019, Y, None, 1),
    ("l'AGI pourrait se manifester dès 2025, tout en tempérant", "fr", "dès 2025", 2025, 2025, Y, None, 1),
    ("pour s'associer avec l'entreprise d'IA en 2023, des inquiétudes", "fr", "en 2023", 2023, 2023, Y, None, 1),
    ("le Calendario Completo del 2025", "fr", "2025", 2025, 2025, Y, None, 1),
    # ---- decimal comma / point, thousands
    ("13.75 billion dollars", "en", "13.75 billion dollars", 13.745 * B, 13.755 * B, "USD", None, B),
    ("un budget de 1 000 euros", "fr", "1 000 euros", 1000, 1000, "EUR", None, 1),
    ("un budget de 1\u202f000 euros", "fr", "1\u202f000 euros", 1000, 1000, "EUR", None, 1),
    ("un budget de 1\u00a0000\u00a0000 euros", "fr", "1\u00a0000\u00a0000 euros", 1000000, 1000000, "EUR", None, 1),
    ("a budget of $1,000", "en", "$1,000", 1000, 1000, "USD", None, 1),
    ("a budget of $1,500,000", "en", "$1,500,000", 1500000, 1500000, "USD", None, 1),
    ("un budget de 1.000.000 euros", "fr", "1.000.000 euros", 1000000, 1000000, "EUR", None, 1),
    ("2,5 millions d'euros", "fr", "2,5 millions d'euros", 2.45 * M, 2.55 * M, "EUR", None, M),
    ("$2.5 million", "en", "$2.5 million", 2.45 * M, 2.55 * M, "USD", None, M),
    # ---- scale words and abbreviations
    ("10 Md$ investis", "fr", "10 Md$", 10 * B, 10 * B, "USD", None, B),
    ("13 Mds de dollars", "fr", "13 Mds de dollars", 13 * B, 13 * B, "USD", None, B),
    ("€10bn", "en", "€10bn", 10 * B, 10 * B, "EUR", None, B),
    ("$13.75bn", "en", "$13.75bn", 13.745 * B, 13.755 * B, "USD", None, B),
    ("$500M", "en", "$500M", 500 * M, 500 * M, "USD", None, M),
    ("300 M€", "fr", "300 M€", 300 * M, 300 * M, "EUR", None, M),
    ("50k$", "en", "50k$", 50 * K, 50 * K, "USD", None, K),
    ("deux mille euros", "fr", "deux mille euros", 2000, 2000, "EUR", None, 1),
    ("3 millions de dollars", "fr", "3 millions de dollars", 3 * M, 3 * M, "USD", None, M),
    ("$2 trillion", "en", "$2 trillion", 2e12, 2e12, "USD", None, 1e12),
    ("USD 4 billion", "en", "USD 4 billion", 4 * B, 4 * B, "USD", None, B),
    ("4 billion USD", "en", "4 billion USD", 4 * B, 4 * B, "USD", None, B),
    ("40 millions de livres sterling", "fr", "40 millions de livres sterling", 40 * M, 40 * M, "GBP", None, M),
    ("£40m", "en", "£40m", 40 * M, 40 * M, "GBP", None, M),
    ("a 40m race", "en", None, None, None, None, None, None),  # "m" without a currency is not a scale
    # ---- numbers in words (text2num)
    ("un milliard de dollars", "fr", "un milliard de dollars", 1 * B, 1 * B, "USD", None, B),
    ("dix milliards de dollars", "fr", "dix milliards de dollars", 10 * B, 10 * B, "USD", None, B),
    ("trente-cinq pour cent", "fr", "trente-cinq pour cent", 35, 35, "percent", None, 1),
    ("vingt et un millions d'euros", "fr", "vingt et un millions d'euros", 21 * M, 21 * M, "EUR", None, M),
    ("ten billion dollars", "en", "ten billion dollars", 10 * B, 10 * B, "USD", None, B),
    ("a billion dollars", "en", "a billion dollars", 1 * B, 1 * B, "USD", None, B),
    ("thirty five percent", "en", "thirty five percent", 35, 35, "percent", None, 1),
    ("one hundred million dollars", "en", "one hundred million dollars", 100 * M, 100 * M, "USD", None, M),
    # ---- percentages
    ("30 %", "fr", "30 %", 30, 30, "percent", None, 1),
    ("30 pour cent", "fr", "30 pour cent", 30, 30, "percent", None, 1),
    ("49 percent", "en", "49 percent", 49, 49, "percent", None, 1),
    ("12.5%", "en", "12.5%", 12.45, 12.55, "percent", None, 1),
    ("12,5 %", "fr", "12,5 %", 12.45, 12.55, "percent", None, 1),
    # ---- ranges
    ("30 à 35 %", "fr", "30 à 35 %", 30, 35, "percent", "range", 1),
    (
        "entre 10 et 12 milliards de dollars",
        "fr",
        "entre 10 et 12 milliards de dollars",
        10 * B,
        12 * B,
        "USD",
        "range",
        B,
    ),
    ("10-12 %", "fr", "10-12 %", 10, 12, "percent", "range", 1),
    ("between 10 and 12 percent", "en", "between 10 and 12 percent", 10, 12, "percent", "range", 1),
    ("from $10 to $12 billion", "en", "from $10 to $12 billion", 10 * B, 12 * B, "USD", "range", B),
    ("$10-12 billion", "en", "$10-12 billion", 10 * B, 12 * B, "USD", "range", B),
    ("entre 2019 et 2023", "fr", "entre 2019 et 2023", 2019, 2023, Y, "range", 1),
    # ---- approximators and bounds
    ("au moins 5 milliards d'euros", "fr", "au moins 5 milliards d'euros", 5 * B, INF, "EUR", "ge", B),
    ("au-delà de 5 milliards d'euros", "fr", "au-delà de 5 milliards d'euros", 5 * B, INF, "EUR", "gt", B),
    ("moins de 5 milliards d'euros", "fr", "moins de 5 milliards d'euros", 0, 5 * B, "EUR", "lt", B),
    ("près de 5 milliards d'euros", "fr", "près de 5 milliards d'euros", 4.5 * B, 5 * B, "EUR", "nearly", B),
    ("environ 5 milliards d'euros", "fr", "environ 5 milliards d'euros", 4.5 * B, 5.5 * B, "EUR", "about", B),
    ("quelque 5 milliards d'euros", "fr", "quelque 5 milliards d'euros", 4.5 * B, 5.5 * B, "EUR", "about", B),
    (
        "un peu plus de 5 milliards d'euros",
        "fr",
        "un peu plus de 5 milliards d'euros",
        5 * B,
        5.5 * B,
        "EUR",
        "just_over",
        B,
    ),
    ("more than $13 billion", "en", "more than $13 billion", 13 * B, INF, "USD", "gt", B),
    ("at least $13 billion", "en", "at least $13 billion", 13 * B, INF, "USD", "ge", B),
    ("no less than $13 billion", "en", "no less than $13 billion", 13 * B, INF, "USD", "ge", B),
    ("up to $500 billion", "en", "up to $500 billion", 0, 500 * B, "USD", "le", B),
    ("about $10 billion", "en", "about $10 billion", 9 * B, 11 * B, "USD", "about", B),
    ("nearly $10 billion", "en", "nearly $10 billion", 9 * B, 10 * B, "USD", "nearly", B),
    ("over 40%", "en", "over 40%", 40, INF, "percent", "gt", 1),
    ("less than 10 percent", "en", "less than 10 percent", 0, 10, "percent", "lt", 1),
    ("d'ici 2030", "fr", "d'ici 2030", -INF, 2030, Y, "le", 1),
    ("by 2030", "en", "by 2030", -INF, 2030, Y, "le", 1),
    ("avant 2030", "fr", "avant 2030", -INF, 2029, Y, "lt", 1),
    # ---- years and full dates
    ("Publié le 12 décembre 2024 à 08h07", "fr", "12 décembre 2024", "2024-12-12", "2024-12-12", "date", None, 1),
    ("le 1er janvier 2024", "fr", "1er janvier 2024", "2024-01-01", "2024-01-01", "date", None, 1),
    ("in January 2023", "en", "January 2023", "2023-01-01", "2023-01-31", "date", None, 1),
    ("on December 12, 2024", "en", "December 12, 2024", "2024-12-12", "2024-12-12", "date", None, 1),
    ("en février 2024", "fr", "février 2024", "2024-02-01", "2024-02-29", "date", None, 1),
    ("in 2019", "en", "in 2019", 2019, 2019, Y, None, 1),
    ("since 2016", "en", "since 2016", 2016, 2016, Y, None, 1),
    ("2024-03-01", "en", "2024-03-01", "2024-03-01", "2024-03-01", "date", None, 1),
    # ---- counts
    ("1 000 employés", "fr", "1 000", 1000, 1000, "count", None, 1),
    ("près de 2 000 salariés", "fr", "près de 2 000", 1800, 2000, "count", "nearly", 1),
    ("100 millions d'utilisateurs", "fr", "100 millions", 100 * M, 100 * M, "count", None, M),
    ("1,500 employees", "en", "1,500", 1500, 1500, "count", None, 1),
]

# texts where nothing is a quantity
NOT_QUANTITIES = [
    ("des modèles de langage avancés comme GPT-3 puis GPT-4.", "fr"),
    ("Rédacteur en chef pour la rédaction média d'idax, 36 ans et dans l'édition", "fr"),
    ("1. Premier point de la liste", "fr"),
    ("2) Second point", "fr"),
    # ("à 08h07" is a clock time: tests/plugins/numeric/test_numeric_clock_times.py)
    ("le 3e trimestre", "fr"),
    ("the 21st century", "en"),
    ("les deux géants technologiques", "fr"),  # (without "les", a small count: test_numeric_counts_sources)
    ("les deux entreprises", "fr"),
    ("un accord", "fr"),
    ("Windows 11 et Microsoft 365", "fr"),
    ("NVIDIA H100 GPUs", "en"),
    ("chapitre 3 du rapport", "fr"),
    ("la 5G et la 3D", "fr"),
]

VAGUE = [
    ("lui injectant des milliards de dollars", "fr", "USD"),
    ("de plusieurs milliards de dollars", "fr", "USD"),
    ("l'entreprise a déjà collecté des milliards", "fr", "count"),
    ("l'attention de millions d'utilisateurs", "fr", "count"),
    ("has poured billions of dollars into", "en", "USD"),
    ("several billion dollars", "en", "USD"),
    ("des dizaines de milliards d'euros", "fr", "EUR"),
]


def _date(x):
    import datetime as dt

    if isinstance(x, str):
        return float(dt.date.fromisoformat(x).toordinal())
    return x


def test_table_has_at_least_80_expressions():
    assert len(CASES) + len(VAGUE) >= 80


@pytest.mark.parametrize("text,lang,qtext,low,high,unit,approx,scale", CASES, ids=[c[0][:40] for c in CASES])
def test_parse_table(text, lang, qtext, low, high, unit, approx, scale):
    got = [q for q in parse_quantities(text, lang) if not q.vague]
    if qtext is None:
        assert got == []
        return
    assert got, f"nothing read in {text!r}"
    q = got[0]
    assert q.text == qtext
    assert q.unit == unit
    assert q.approx == approx
    if unit == "year":
        import datetime as dt

        lo = dt.date.fromordinal(int(q.low)).year if not math.isinf(q.low) else -INF
        hi = dt.date.fromordinal(int(q.high)).year if not math.isinf(q.high) else INF
        assert (lo, hi) == (low, high)
    else:
        assert q.low == pytest.approx(_date(low), rel=1e-9, abs=1e-9)
        high = _date(high)
        assert q.high == pytest.approx(high, rel=1e-9, abs=1e-9) if not math.isinf(high) else math.isinf(q.high)
        assert q.scale == scale
    # provenance: the span is exactly the quoted text
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text,lang", NOT_QUANTITIES)
def test_not_quantities(text, lang):
    assert [q.text for q in parse_quantities(text, lang)] == []


@pytest.mark.parametrize("text,lang,unit", VAGUE)
def test_vague(text, lang, unit):
    got = parse_quantities(text, lang)
    assert len(got) == 1 and got[0].vague and got[0].unit == unit


def test_lower_bound_implies_an_upper_bound():
    q = parse_quantities("pas moins de 8 milliards de dollars", "fr")[0]
    assert q.high == INF and q.soft_high == pytest.approx(12 * B)
    q = parse_quantities("up to 500 billion dollars", "en")[0]
    assert q.low == 0 and q.soft_low == pytest.approx(500 * B / 1.5)


def test_french_billion_is_ten_to_the_twelve():
    assert parse_quantities("un billion d'euros", "fr")[0].low == pytest.approx(1e12)


def test_words_to_number_wraps_text2num():
    assert words_to_number("trente-cinq", "fr") == 35
    assert words_to_number("ten", "en") == 10
    assert words_to_number("pomme", "fr") is None


def test_value_is_json_ready():
    import json

    q = parse_quantities("plus de 13 milliards de dollars", "fr")[0]
    v = q.to_value()
    json.dumps(v)
    assert v["low"] == 13_000_000_000 and v["high"] is None and v["unit"] == "USD" and v["approx"] == "gt"


# ---- forms read since the held-out corpus (FR and EN): (text, lang, quantity text, type, unit/noun, low, high)
NEW_FORMS = [
    # counts of any noun, the noun's class as unit
    ("1 240 patients ont été inclus", "fr", "1 240", "count", "patients", 1240, 1240),
    ("l'enseigne compte 123 magasins", "fr", "123", "count", "stores", 123, 123),
    ("132 points de vente", "fr", "132", "count", "stores", 132, 132),
    ("avec 1 230 voix d'avance", "fr", "1 230", "count", "votes", 1230, 1230),
    ("39 sièges sur 55", "fr", "39", "count", "seats", 39, 39),
    ("the party won 41 seats", "en", "41", "count", "seats", 41, 41),
    ("87 dead", "en", "87", "count", "deaths", 87, 87),  # "de" of "dead" is not French "de"
    ("112 deaths", "en", "112", "count", "deaths", 112, 112),
    ("le bilan s'établit à 87 morts", "fr", "87", "count", "deaths", 87, 87),
    ("At least 112 people were killed", "en", "At least 112", "count", "deaths", 112, INF),
    ("Cyclone Tavi killed 240 people", "en", "240", "count", "deaths", 240, 240),
    ("About 250 people were injured", "en", "About 250", "count", "injured", 225, 275),
    ("430 blessés", "fr", "430", "count", "injured", 430, 430),
    ("Around 35,000 people have been displaced", "en", "Around 35,000", "count", "displaced", 31500, 38500),
    ("1 450 emplois menacés", "fr", "1 450", "count", "jobs:threatened", 1450, 1450),
    ("600 emplois sauvés", "fr", "600", "count", "jobs:saved", 600, 600),
    ("the plan saved 600 jobs", "en", "600", "count", "jobs:saved", 600, 600),
    ("l'usine créera 500 emplois", "fr", "500", "count", "jobs", 500, 500),
    ("Transalpes emploie 4 500 personnes", "fr", "4 500", "count", "employees", 4500, 4500),
    ("4 500 personnes vivent dans la commune", "fr", "4 500", "count", "people", 4500, 4500),
    # ages of persons
    ("Claire Dumont, 47 ans, a été élue", "fr", "47 ans", "age", "age", 47, 47),
    ("the 24-year-old striker", "en", "24-year-old", "age", "age", 24, 24),
    ("Silva, 24, signed on Monday", "en", "24", "age", "age", 24, 24),
    ("aged 52, the chief executive", "en", "52", "age", "age", 52, 52),
    ("a 36-year-old engineer", "en", "36-year-old", "age", "age", 36, 36),
    ("une femme de 36 ans", "fr", "36 ans", "age", "age", 36, 36),
    # durations
    ("a five-year contract", "en", "five-year", "duration", "day", 5 * 365.25, 5 * 365.25),
    ("a four-year deal", "en", "four-year", "duration", "day", 4 * 365.25, 4 * 365.25),
    ("a 4-year deal", "en", "4-year", "duration", "day", 4 * 365.25, 4 * 365.25),
    ("un suivi de 18 mois", "fr", "18 mois", "duration", "day", 18 * 30.4375, 18 * 30.4375),
    ("after 24 months", "en", "24 months", "duration", "day", 2 * 365.25, 2 * 365.25),
    ("un contrat de cinq ans", "fr", "cinq ans", "duration", "day", 5 * 365.25, 5 * 365.25),
    # speeds (mph converted to km/h)
    ("des rafales à 190 km/h", "fr", "190 km/h", "speed", "speed", 190, 190),
    ("winds of 210 km/h", "en", "210 km/h", "speed", "speed", 210, 210),
    ("winds of 120 mph", "en", "120 mph", "speed", "speed", 120 * 1.609344, 120 * 1.609344),
    # trial phases: a rank
    ("son essai de phase 3 sur le vectamab", "fr", "phase 3", "rank", "phase", 3, 3),
    ("The phase 2 trial enrolled 2,140 patients", "en", "phase 2", "rank", "phase", 2, 2),
    ("a Phase III study", "en", "Phase III", "rank", "phase", 3, 3),
    # money after a verb or a noun
    ("the government pledged $250 million in emergency aid", "en", "$250 million", "money", "USD", 250 * M, 250 * M),
    ("un passif de 120 millions d'euros", "fr", "120 millions d'euros", "money", "EUR", 120 * M, 120 * M),
]

# dates without a year: day and month (year unknown), never a count of "mars"
DAY_MONTH = [
    ("le dimanche 22 mars", "fr", "22 mars", 3, 22),
    ("le 22 octobre", "fr", "22 octobre", 10, 22),
    ("on 16 August", "en", "16 August", 8, 16),
    ("on Tuesday 9 September", "en", "9 September", 9, 9),
    ("on September 7, the storm", "en", "September 7", 9, 7),
]


@pytest.mark.parametrize("text,lang,qtext,qtype,unit,low,high", NEW_FORMS)
def test_new_forms(text, lang, qtext, qtype, unit, low, high):
    got = [q for q in parse_quantities(text, lang) if q.text == qtext]
    assert got, [q.text for q in parse_quantities(text, lang)]
    q = got[0]
    assert q.qtype == qtype
    assert (q.noun if qtype == "count" else q.unit) == unit
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high) if not math.isinf(high) else math.isinf(q.high)


@pytest.mark.parametrize("text,lang,qtext,month,day", DAY_MONTH)
def test_day_month_without_year(text, lang, qtext, month, day):
    import datetime as dt

    qs = parse_quantities(text, lang)
    assert [q.text for q in qs] == [qtext]
    q = qs[0]
    assert q.qtype == "date" and q.unit == "daymonth" and q.extra["no_year"]
    d = dt.date.fromordinal(int(q.low))
    assert (d.month, d.day) == (month, day)
    assert q.to_value()["display"] == f"--{month:02d}-{day:02d}"


def test_full_date_still_has_its_year():
    (q,) = parse_quantities("le 12 décembre 2024", "fr")
    assert q.unit == "date" and q.to_value()["display"] == "2024-12-12"
