"""Slot mechanics of the numeric rule type: phrase matching, time scope, key entity, noun classes."""

import pytest

from checker.model import EntityMention, Sentence
from checker.run.pipeline import Checker
from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import time_scope
from plugins.numeric.slots import key_entities, phrase_positions, sentence_view


def _sent(text, mentions=(), lang="fr"):
    s = Sentence(doc_id="t.txt", index=0, text=text, start=0, end=len(text), language=lang)
    s.entities = [EntityMention(id=i, text=text[a:b], start=a, end=b, label=lab) for i, a, b, lab in mentions]
    return s


def _m(text, word, ident=None, label="ORG"):
    a = text.index(word)
    return (ident or word, a, a + len(word), label)


# ---------------------------------------------------------------- phrase_positions
@pytest.mark.parametrize(
    "text,phrase,expected_word",
    [
        ("Valmont réalise 3,1 milliards d'euros de chiffre d'affaires.", "chiffre d'affaires", "chiffre"),
        ("Valmont réalise 3,1 milliards d’euros de chiffre d’affaires.", "chiffre d'affaires", "chiffre"),
        ("La part de marché atteint 20 %.", "part de marché", "part"),
        ("Net income was $3 billion.", "net income", "Net"),
    ],
)
def test_phrase_positions_multiword_with_apostrophes(text, phrase, expected_word):
    view = sentence_view(_sent(text))  # regex tokens: "d'affaires" is one token
    pos = phrase_positions(view, phrase)
    assert [view.tokens[p].text for p in pos] == [expected_word]


def test_phrase_positions_spacy_tokens():
    ck = Checker(only_types=["numeric"])
    r = ck.check_texts(
        {
            "a.txt": "Pour Valmont, qui réalise 3,1 milliards d'euros de chiffre d'affaires, c'est un pas.",
            "b.txt": "Transalpes réalise 640 millions d'euros de chiffre d'affaires.",
        }
    )
    sent = r.documents["a.txt"].sentences[0] if isinstance(r.documents, dict) else r.documents[0].sentences[0]
    view = sentence_view(sent)
    assert len(phrase_positions(view, "chiffre d'affaires")) == 1
    assert phrase_positions(view, "chiffre d'affaires de la veille") == []


def test_exclusion_naming_chiffre_d_affaires_applies():
    """fr.numeric.deal-price excludes "chiffre d'affaires": a revenue figure is no deal price."""
    ck = Checker(only_types=["numeric", "entities"])
    r = ck.check_texts(
        {
            "a.txt": "Valmont a racheté Transalpes, qui réalise 640 millions d'euros de chiffre d'affaires.",
            "b.txt": "Valmont a racheté Transalpes pour 1,2 milliard d'euros.",
        }
    )
    assert not [f for f in r.findings if f.rule_id == "fr.numeric.deal-price"]


# ---------------------------------------------------------------- time scope
@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Le groupe de transport, fondé en 1978 par la famille Bertin, compte environ 4 500 salariés.", "fr", None),
        ("The firm was founded in 2019 and has 1,100 employees.", "en", None),
        ("Revenue grew 21% year on year, the fastest pace since 2021.", "en", None),
        ("Microsoft a investi 10 milliards de dollars en 2023.", "fr", "2023"),
        # a reference year of a comparison is not the figure's scope
        ("La participation s'établit à 48,7 %, en hausse de six points par rapport à 2020.", "fr", None),
        ("Turnout stood at 48.7%, up six points compared with 2020.", "en", None),
        ("Northwind reported third-quarter revenue of $4.2 billion.", "en", "quarter"),
        ("In 2023 the company had posted annual revenue of $14.8 billion.", "en", "2023/year"),
    ],
)
def test_time_scope(text, lang, expected):
    view = sentence_view(_sent(text, lang=lang))
    qs = parse_quantities(text, lang)
    years = [q for q in qs if q.qtype == "year"]
    q = [q for q in qs if q.qtype != "year"][0]
    assert time_scope(view, q, years, view.token_range(q.start, q.end), periods=True) == expected


# ---------------------------------------------------------------- key entity
def _owner(text, mentions, lang="fr", nth=0, previous=()):
    s = _sent(text, mentions, lang)
    view = sentence_view(s)
    q = [q for q in parse_quantities(text, lang) if q.qtype != "year"][nth]
    return key_entities(view, view.token_range(q.start, q.end), list(previous))


def test_key_entity_nearest_holder():
    t = "Les actionnaires d'Ostral détiendront 55 % du nouvel ensemble, contre 45 % pour ceux de Bricomar."
    ms = [_m(t, "Ostral"), _m(t, "Bricomar")]
    assert _owner(t, ms, nth=0) == ["Ostral"]
    assert _owner(t, ms, nth=1) == ["Bricomar"]
    t = "Les actionnaires d'Ostral détiendront 60 % du nouvel ensemble et ceux de Bricomar 40 %."
    ms = [_m(t, "Ostral"), _m(t, "Bricomar")]
    assert _owner(t, ms, nth=0) == ["Ostral"]
    assert _owner(t, ms, nth=1) == ["Bricomar"]


def test_key_entity_owner_precedes_object():
    for t in ("Brightline owns a 30% stake in DataForge.", "Brightline already owns a 15% stake in DataForge."):
        assert _owner(t, [_m(t, "Brightline"), _m(t, "DataForge")], lang="en") == ["Brightline"]


def test_key_entity_skips_places_agents_and_asides():
    t = "Kestrel is headquartered in Amsterdam and employs 6,000 people."
    assert _owner(t, [_m(t, "Kestrel"), _m(t, "Amsterdam", label="")], lang="en") == ["Kestrel"]
    t = "DataForge, co-founded by Tom Reyes, employs roughly 400 people."
    assert _owner(t, [_m(t, "DataForge"), _m(t, "Tom Reyes", label="")], lang="en") == ["DataForge"]
    t = "Transalpes emploie 2 000 salariés, dont 600 en Rhône-Alpes."
    assert _owner(t, [_m(t, "Transalpes"), _m(t, "Rhône-Alpes", label="LOC")]) == ["Transalpes"]


def test_key_entity_from_previous_sentence():
    prev = "Transalpes a racheté Valmont pour 800 millions d'euros."
    p = _sent(prev, [_m(prev, "Transalpes"), _m(prev, "Valmont")])
    t = "Le transporteur savoyard emploie 2 000 salariés."
    assert _owner(t, [], previous=[p]) == ["Transalpes", "Valmont"]  # compared with either company


# ---------------------------------------------------------------- end to end
@pytest.fixture(scope="module")
def checker():
    return Checker(only_types=["numeric", "entities"])


def _warn(checker, a, b, rule_prefix):
    r = checker.check_texts({"a.txt": a, "b.txt": b})
    return [f for f in r.findings if f.rule_id.startswith(rule_prefix) and f.level in ("warning", "error")]


def test_revenue_of_two_companies_not_compared(checker):
    a = "Valmont est un groupe lyonnais. Pour Valmont, qui réalise déjà 3,1 milliards d'euros de chiffre d'affaires, c'est un pas."
    b = "Transalpes est un transporteur. L'entreprise réalise aujourd'hui 640 millions d'euros de chiffre d'affaires."
    assert not _warn(checker, a, b, "fr.numeric.revenue")
    b2 = "Valmont est un groupe lyonnais. Valmont réalise 2 milliards d'euros de chiffre d'affaires."
    assert _warn(checker, a, b2, "fr.numeric.revenue")


def test_stake_split_between_holders(checker):
    a = "Ostral et Bricomar fusionnent. Les actionnaires d'Ostral détiendront 60 % du nouvel ensemble et ceux de Bricomar 40 %."
    b = "Ostral et Bricomar fusionnent. Les actionnaires d'Ostral détiendront 55 % du nouvel ensemble, contre 45 % pour ceux de Bricomar."
    found = _warn(checker, a, b, "fr.numeric.stake")
    pairs = {tuple(sorted(e.quote for e in f.evidence)) for f in found}
    assert pairs == {("55 %", "60 %"), ("40 %", "45 %")}


def test_headcount_nouns_of_the_rule_are_one_class(checker):
    a = "Brightline is buying DataForge. DataForge employs roughly 400 people."
    b = "Brightline is buying DataForge. The Austin-based firm was founded in 2019 and has 1,100 employees."
    assert _warn(checker, a, b, "en.numeric.workforce")
    c = "Brightline is buying DataForge. The startup has about 400 employees."
    assert not _warn(checker, a, c, "en.numeric.workforce")


def test_durations_and_growth(checker):
    assert _warn(
        checker,
        "Kestrel has two months to change its practices.",
        "The company will have six months to comply.",
        "en.numeric.deadline",
    )
    assert _warn(
        checker,
        "Northwind revenue was $4.2 billion, up 12% from a year earlier.",
        "Northwind revenue grew 21% year on year, the fastest pace since 2021.",
        "en.numeric.growth",
    )
