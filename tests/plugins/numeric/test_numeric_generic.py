"""Generic (rule-less) numeric comparison: quantities are paired by WHAT THEY MEASURE
(type, unit, counted-noun class refined by its modifiers), overlapping entities and a
TF-IDF context similarity, top-k partners per claim; the level rises with context
similarity and entity overlap."""

import pytest

from checker.rules import Rule
from checker.run.pipeline import Checker
from plugins.numeric.generic import DEFAULTS, cosine, measure_key, overlap, pair_generic
from plugins.numeric.parse import parse_quantities


@pytest.fixture(scope="module")
def checker():
    return Checker(only_types=["numeric", "entities"])


def _generic(result):
    return [f for f in result.findings if f.kind == "numeric" and f.rule_id.endswith(".generic")]


def _numeric(result):
    return [f for f in result.findings if f.kind == "numeric"]


def _key(text, lang):
    (q,) = [q for q in parse_quantities(text, lang)]
    return measure_key(q)


# ---------------------------------------------------------------- what a quantity measures
@pytest.mark.parametrize(
    "a,la,b,lb",
    [
        ("87 dead", "en", "112 deaths", "en"),
        ("At least 112 people were killed", "en", "87 morts", "fr"),
        ("Le bilan est de 87 morts", "fr", "112 personnes ont été tuées", "fr"),
        ("About 250 people were injured", "en", "430 blessés", "fr"),
        ("1 240 patients", "fr", "1,240 patients", "en"),
        ("41 sièges", "fr", "39 seats", "en"),
        ("1 230 voix", "fr", "850 votes", "en"),
        ("123 magasins", "fr", "132 points de vente", "fr"),
        ("a five-year contract", "en", "un contrat de quatre ans", "fr"),
        ("le 22 mars", "fr", "on 16 August", "en"),
        ("winds of 190 km/h", "en", "des rafales à 120 mph", "en"),
    ],
)
def test_same_measure_across_words_and_languages(a, la, b, lb):
    assert _key(a, la) == _key(b, lb)


@pytest.mark.parametrize(
    "a,la,b,lb",
    [
        ("87 dead", "en", "About 250 people were injured", "en"),  # deaths vs injured
        ("87 morts", "fr", "430 blessés", "fr"),
        ("1 450 emplois menacés", "fr", "600 emplois sauvés", "fr"),  # modifiers of one noun
        ("300 jobs will be cut", "en", "the plan saved 600 jobs", "en"),
        ("123 magasins", "fr", "1 200 salariés", "fr"),
        ("41 sièges", "fr", "1 230 voix", "fr"),
        ("Claire Dumont, 47 ans", "fr", "un contrat de cinq ans", "fr"),  # an age is no duration
        ("le 22 mars", "fr", "le 22 mars 2026", "fr"),  # a day without year vs a dated day
    ],
)
def test_different_measures(a, la, b, lb):
    assert _key(a, la) != _key(b, lb)


def test_entity_overlap_and_cosine():
    assert overlap({"a", "b"}, {"b"}) == 1.0
    assert overlap({"a"}, {"b"}) == 0.0
    assert overlap(set(), {"b"}) is None
    assert cosine({"x": 1.0}, {"x": 1.0}) == pytest.approx(1.0)
    assert cosine({"x": 1.0}, {"y": 1.0}) == 0.0


# ---------------------------------------------------------------- end to end
def test_different_counted_nouns_never_pair(checker):
    r = checker.check_texts(
        {
            "a.txt": "Le cyclone Mira a fait 87 morts à Port Selwyn.",
            "b.txt": "Le cyclone Mira a fait 430 blessés à Port Selwyn.",
        }
    )
    assert _numeric(r) == []


def test_jobs_threatened_and_saved_are_not_one_slot(checker):
    r = checker.check_texts(
        {
            "a.txt": "La liquidation de Bricomar menace 1 450 emplois en France.",
            "b.txt": "La reprise partielle de Bricomar permet de sauver 600 emplois en France.",
        }
    )
    assert _numeric(r) == []


def test_death_toll_conflict_any_wording(checker):
    r = checker.check_texts(
        {
            "a.txt": "At least 112 people were killed when Cyclone Mira hit Port Selwyn.",
            "b.txt": "The toll from Cyclone Mira in Port Selwyn rose to 87 dead on Thursday.",
        }
    )
    found = _numeric(r)
    assert len(found) == 1
    f = found[0]
    assert f.rule_id == "en.numeric.generic" and f.explanation["generic"]["measure"] == "count:deaths"
    assert {e.doc_id for e in f.evidence} == {"a.txt", "b.txt"}
    assert f.level in ("warning", "suggestion")


def test_death_toll_is_not_a_headcount(checker):
    r = checker.check_texts(
        {
            "a.txt": "At least 112 people were killed when Cyclone Mira hit Port Selwyn.",
            "b.txt": "About 250 people were injured when Cyclone Mira hit Port Selwyn.",
        }
    )
    assert not [f for f in r.findings if f.rule_id.endswith("workforce")]
    assert _numeric(r) == []


def test_french_and_english_pair(checker):
    r = checker.check_texts(
        {
            "a.txt": "L'essai de Novagen sur la sclérose en plaques a inclus 1 240 patients en Europe.",
            "b.txt": "The Novagen multiple sclerosis trial enrolled 1,420 patients across Europe.",
        }
    )
    found = _generic(r)
    assert len(found) == 1 and found[0].explanation["generic"]["measure"] == "count:patients"


def test_compatible_bound_is_not_a_conflict(checker):
    r = checker.check_texts(
        {
            "a.txt": "More than 400 people were injured when Cyclone Mira hit Port Selwyn.",
            "b.txt": "Hospitals treated 430 people for injuries after Cyclone Mira hit Port Selwyn.",
        }
    )
    assert _numeric(r) == []


def test_level_follows_context_similarity(checker):
    same = checker.check_texts(
        {
            "a.txt": "Airbus a livré 735 avions à Lufthansa en 2019.",
            "b.txt": "Airbus a livré 500 avions à Lufthansa en 2019.",
        }
    )
    (f,) = _generic(same)
    assert f.level == "warning" and f.explanation["generic"]["context_similarity"] >= DEFAULTS["warn_similarity"]


def test_different_owners_are_not_compared(checker):
    r = checker.check_texts(
        {
            "a.txt": "Claire Dumont l'emporte avec 52,4 % des suffrages à Saint-Aubin.",
            "b.txt": "Bernard Lecoq recueille 45,8 % des suffrages à Saint-Aubin.",
        }
    )
    assert _generic(r) == []


def test_candidate_pairs_per_claim_bounded(checker):
    """Many articles stating one measure: each claim keeps at most top_k partners, never all pairs."""
    n = 24
    texts = {
        f"d{i:02d}.txt": f"Le cyclone Mira a fait {100 + i} morts à Port Selwyn selon le bilan numéro {i}."
        for i in range(n)
    }
    r = checker.check_texts(texts)
    k = DEFAULTS["top_k"]
    assert r.stats["numeric"]["generic_pairs"] <= n * k
    assert r.stats["numeric"]["generic_pairs"] < n * (n - 1) // 2
    found = _generic(r)
    assert 0 < len(found) <= n * k  # every figure differs: one finding per kept pair at most


def test_pair_generic_bounded_unit():
    """pair_generic itself: n claims of one measure in n documents -> at most n*k groups."""
    from checker.model import Claim, Sentence

    class Ctx:
        focus = None

        def allowed(self, a, b):
            return a != b

        def add_stat(self, *a):
            pass

    rule = Rule(id="x.generic", extends="numeric", level="suggestion", message="", body={"generic": True})
    claims = []
    for i in range(30):
        text = f"Le cyclone a fait {i} morts."
        s = Sentence(doc_id=f"d{i}", index=0, text=text, start=0, end=len(text), language="fr")
        q = parse_quantities(text, "fr")[0]
        c = Claim(
            kind="numeric",
            doc_id=f"d{i}",
            sentence=s,
            start=q.start,
            end=q.end,
            keys=("numeric-generic:count:deaths",),
            value={"slot": "count:deaths"},
            rule_id=rule.id,
            data={
                "q": q,
                "rule": rule,
                "scope": None,
                "terms": ["cyclone", "deaths", "faire"],
                "ents": [],
                "own_ents": [],
                "owner": [],
            },
        )
        claims.append(c)
    groups = pair_generic(claims, Ctx())
    assert 0 < len(groups) <= 30 * DEFAULTS["top_k"]
    assert all(len(g.claims) == 2 and g.claims[0].doc_id != g.claims[1].doc_id for g in groups)
    # deterministic
    again = pair_generic(list(reversed(claims)), Ctx())
    assert [g.key for g in groups] == [g.key for g in again]


def test_large_block_uses_the_inverted_index():
    """Above INDEX_FROM claims of one measure, only pairs sharing a context term or an
    entity are scored (fewer than all pairs), and the result stays deterministic."""
    from checker.model import Claim, Sentence
    from plugins.numeric import generic

    class Ctx:
        focus = None

        def allowed(self, a, b):
            return a != b

        def add_stat(self, *a):
            pass

    rule = Rule(id="x.generic", extends="numeric", level="suggestion", message="", body={"generic": True})
    n = generic.INDEX_FROM + 36
    claims = []
    for i in range(n):
        text = f"Le cyclone a fait {i} morts."
        s = Sentence(doc_id=f"d{i:03d}", index=0, text=text, start=0, end=len(text), language="fr")
        q = parse_quantities(text, "fr")[0]
        topic = f"topic{i % 10}"  # ten topics: claims meet only within their topic
        claims.append(
            Claim(
                kind="numeric",
                doc_id=f"d{i:03d}",
                sentence=s,
                start=q.start,
                end=q.end,
                keys=("numeric-generic:count:deaths",),
                value={"slot": "count:deaths"},
                rule_id=rule.id,
                data={
                    "q": q,
                    "rule": rule,
                    "scope": None,
                    "terms": [topic, f"word{i}"],
                    "ents": [],
                    "own_ents": [],
                    "owner": [],
                },
            )
        )
    generic._tfidf([c.data["terms"] for c in claims])
    pairs = list(generic._candidate_index_pairs(claims))
    assert 0 < len(pairs) < n * (n - 1) // 2
    assert all(claims[i].data["terms"][0] == claims[j].data["terms"][0] for i, j in pairs)
    groups = pair_generic(claims, Ctx())
    assert groups and all(g.claims[0].data["terms"][0] == g.claims[1].data["terms"][0] for g in groups)
    assert len(groups) <= n * DEFAULTS["top_k"]
