"""Message templates keyed by id, in English and French.

``t(id, lang, **values)`` fills one with ``str.format``; a language without the id reads the
English template.  Ids are grouped by who speaks them: ``report.*`` (text and Markdown
labels), ``side.*`` (several articles on one side), ``numeric.*``, ``relation.*``, ``nli.*``.
"""

from __future__ import annotations

from checker.i18n import supported

MESSAGES: dict[str, dict[str, str]] = {
    # -- reports (text, Markdown) -------------------------------------------------
    "report.why": {"en": "why: {reason}", "fr": "pourquoi : {reason}"},
    "report.note": {"en": "note", "fr": "note"},
    "report.problem": {"en": "problem", "fr": "problème"},
    "report.problems": {"en": "{n} problem", "fr": "{n} problème"},
    "report.problems.plural": {"en": "{n} problems", "fr": "{n} problèmes"},
    "report.documents": {"en": "{n} document", "fr": "{n} document"},
    "report.documents.plural": {"en": "{n} documents", "fr": "{n} documents"},
    "report.checked": {"en": "{documents} checked: {counts}", "fr": "{documents} vérifiés : {counts}"},
    "report.checked.one": {"en": "{documents} checked: {counts}", "fr": "{documents} vérifié : {counts}"},
    "level.error": {"en": "{n} error", "fr": "{n} erreur"},
    "level.error.plural": {"en": "{n} errors", "fr": "{n} erreurs"},
    "level.warning": {"en": "{n} warning", "fr": "{n} avertissement"},
    "level.warning.plural": {"en": "{n} warnings", "fr": "{n} avertissements"},
    "level.suggestion": {"en": "{n} suggestion", "fr": "{n} suggestion"},
    "level.suggestion.plural": {"en": "{n} suggestions", "fr": "{n} suggestions"},
    "report.suppressed_inline": {"en": "{n} suppressed inline", "fr": "{n} masqué(s) dans le texte"},
    "report.hidden_by_baseline": {"en": "{n} hidden by baseline", "fr": "{n} masqué(s) par la référence"},
    "report.suppressed_kind": {"en": "{n} suppressed ({kind})", "fr": "{n} masqué(s) ({kind})"},
    "report.show_suppressed": {
        "en": " (--show-suppressed lists them)",
        "fr": " (--show-suppressed les liste)",
    },
    "report.suppressed_tag": {"en": "suppressed: {how}", "fr": "masqué : {how}"},
    "md.title": {"en": "## factcheck report", "fr": "## Rapport factcheck"},
    "md.suppressed_count": {"en": "; {n} suppressed", "fr": " ; {n} masqué(s)"},
    "md.hidden": {"en": " ({n} hidden by the baseline)", "fr": " ({n} masqué(s) par la référence)"},
    "md.problems_count": {"en": "; {problems}", "fr": " ; {problems}"},
    "md.header": {
        "en": "| Level | Rule | Article | Other article(s) | Message |",
        "fr": "| Niveau | Règle | Article | Autre(s) article(s) | Message |",
    },
    "md.header_suppressed": {
        "en": "| Level | Rule | Article | Other article(s) | Message | Suppressed by |",
        "fr": "| Niveau | Règle | Article | Autre(s) article(s) | Message | Masqué par |",
    },
    "md.none": {"en": "No disagreement found.", "fr": "Aucun désaccord trouvé."},
    "md.suppressed_summary": {"en": "{n} suppressed finding", "fr": "{n} constat masqué"},
    "md.suppressed_summary.plural": {"en": "{n} suppressed findings", "fr": "{n} constats masqués"},
    "md.problems": {"en": "### Problems", "fr": "### Problèmes"},
    "level.name.error": {"en": "error", "fr": "erreur"},
    "level.name.warning": {"en": "warning", "fr": "avertissement"},
    "level.name.suggestion": {"en": "suggestion", "fr": "suggestion"},
    # -- several articles on one side ---------------------------------------------
    "side.one": {"en": "{n} article says", "fr": "{n} article dit"},
    "side.many": {"en": "{n} articles say", "fr": "{n} articles disent"},
    "side.more": {"en": "+{k} more", "fr": "+{k} autre"},
    "side.more.plural": {"en": "+{k} more", "fr": "+{k} autres"},
    "list.sep": {"en": "; ", "fr": " ; "},
    "title.sep": {"en": ": ", "fr": " : "},
    # -- numeric ------------------------------------------------------------------
    "numeric.verdict.conflict": {"en": "incompatible", "fr": "incompatibles"},
    "numeric.verdict.scope": {
        "en": "different scopes, possibly compatible",
        "fr": "portées différentes, peut-être compatibles",
    },
    "numeric.verdict.scope_conflict": {
        "en": "incompatible, different scopes",
        "fr": "incompatibles, portées différentes",
    },
    "numeric.word.conflict": {"en": "incompatible", "fr": "incompatibles"},
    "numeric.word.scope": {"en": "different scope", "fr": "portée différente"},
    "numeric.word.scope_conflict": {"en": "incompatible, different scope", "fr": "incompatibles, portée différente"},
    "numeric.default": {
        "en": "{a} says {va} («{qa}»); {b} says {vb} («{qb}»); {word} [{slot}]",
        "fr": "{a} dit {va} («{qa}») ; {b} dit {vb} («{qb}») ; {word} [{slot}]",
    },
    "numeric.note": {"en": "{message} ({note})", "fr": "{message} ({note})"},
    "numeric.implied": {
        "en": "«{text}» implies about {value}, not the other figure (a bound states the order of magnitude)",
        "fr": "«{text}» laisse entendre environ {value}, pas l'autre chiffre (une borne donne l'ordre de grandeur)",
    },
    "numeric.implied_values": {
        "en": "the implied values cannot both be true",
        "fr": "les valeurs sous-entendues ne peuvent être vraies toutes les deux",
    },
    "numeric.intervals": {
        "en": "the intervals cannot both be true",
        "fr": "les intervalles ne peuvent être vrais tous les deux",
    },
    "numeric.tolerance": {"en": " (tolerance {tolerance})", "fr": " (tolérance {tolerance})"},
    "numeric.slip.scale": {
        "en": "the figures differ by a shifted decimal (×{factor}): perhaps one figure misreported",
        "fr": "les chiffres diffèrent d'une virgule déplacée (×{factor}) : peut-être un même chiffre mal reporté",
    },
    "numeric.slip.digits": {
        "en": "the figures differ by two transposed digits: perhaps one figure misreported",
        "fr": "les chiffres diffèrent par deux chiffres inversés : peut-être un même chiffre mal reporté",
    },
    "numeric.slip.weekday": {
        "en": "the same date is given two different weekdays",
        "fr": "la même date est donnée avec deux jours de la semaine différents",
    },
    "numeric.slip.unit": {
        "en": "the same number is given in another unit: perhaps one figure misreported",
        "fr": "le même nombre est donné dans une autre unité : peut-être un même chiffre mal reporté",
    },
    "numeric.other_days": {
        "en": "the two sentences name different days: perhaps each day's own figure",
        "fr": "les deux phrases nomment des jours différents : peut-être le chiffre de chaque jour",
    },
    "numeric.stated_by_both": {
        "en": "the other article also gives this figure elsewhere: perhaps another fact of the same kind",
        "fr": "l'autre article donne aussi ce chiffre ailleurs : peut-être un autre fait du même genre",
    },
    "numeric.shared_series": {
        "en": "both articles also give {value} for this measure: perhaps other points of one series",
        "fr": "les deux articles donnent aussi {value} pour cette mesure : peut-être d'autres points d'une même série",
    },
    "numeric.tags": {"en": "different scope ({a} vs {b})", "fr": "portée différente ({a} vs {b})"},
    "numeric.time_scope_part": {
        "en": "different time scope ({scope} vs overall): the {part} may be one part of the {whole}",
        "fr": "période différente ({scope} vs total) : {part} pourrait n'être qu'une partie de {whole}",
    },
    "numeric.time_scope_lowered": {
        "en": "different time scope ({scope} vs overall); level lowered",
        "fr": "période différente ({scope} vs total) ; niveau abaissé",
    },
    "numeric.generic": {
        "en": "{reason}; same measure ({measure}), context similarity {similarity}",
        "fr": "{reason} ; même mesure ({measure}), similarité du contexte {similarity}",
    },
    "measure.money": {"en": "amount", "fr": "montant"},
    "measure.share": {"en": "share", "fr": "part"},
    "measure.count": {"en": "count", "fr": "nombre"},
    "measure.year": {"en": "year", "fr": "année"},
    "measure.date": {"en": "date", "fr": "date"},
    "measure.duration": {"en": "duration", "fr": "durée"},
    "measure.age": {"en": "age", "fr": "âge"},
    "measure.speed": {"en": "speed", "fr": "vitesse"},
    "measure.rank": {"en": "rank", "fr": "rang"},
    "measure.length": {"en": "length", "fr": "longueur"},
    "measure.area": {"en": "area", "fr": "surface"},
    "measure.mass": {"en": "mass", "fr": "masse"},
    "measure.volume": {"en": "volume", "fr": "volume"},
    "measure.power": {"en": "power", "fr": "puissance"},
    "measure.energy": {"en": "energy", "fr": "énergie"},
    "measure.data": {"en": "amount of data", "fr": "volume de données"},
    "numeric.scope.initial": {"en": "initial amount", "fr": "montant initial"},
    "numeric.scope.previous-year": {"en": "previous year", "fr": "année précédente"},
    "numeric.scope.next-year": {"en": "next year", "fr": "année suivante"},
    "numeric.period.quarter": {"en": "quarter", "fr": "trimestre"},
    "numeric.period.half": {"en": "half-year", "fr": "semestre"},
    "numeric.period.year": {"en": "full year", "fr": "année pleine"},
    "numeric.tag.overall": {"en": "overall", "fr": "total"},
    "numeric.tag.part": {"en": "a part", "fr": "une partie"},
    "numeric.tag.part.each": {"en": "each one's share", "fr": "la part de chacun"},
    "numeric.tag.basis.gross": {"en": "fees or tax included", "fr": "frais ou taxes compris"},
    "numeric.tag.basis.net": {"en": "before fees or tax", "fr": "hors frais ou taxes"},
    "numeric.tag.delta": {"en": "a change", "fr": "une variation"},
    "numeric.tag.span": {"en": "a span", "fr": "une durée"},
    "numeric.tag.place": {"en": "in {value}", "fr": "à {value}"},
    "numeric.tag.holder.site": {"en": "one site", "fr": "un seul site"},
    "numeric.tag.holder.body": {"en": "the whole body", "fr": "l'ensemble de l'entreprise"},
    "numeric.tag.period.yearly": {"en": "per year", "fr": "par an"},
    "numeric.tag.period.cumulative": {"en": "cumulative", "fr": "cumul"},
    "numeric.tag.period.day": {"en": "one day", "fr": "un seul jour"},
    "numeric.tag.period.window": {"en": "a stated time window", "fr": "une période donnée"},
    "numeric.weekday.reason": {"en": "weekday contradicts its date", "fr": "le jour de la semaine contredit la date"},
    # -- relations ----------------------------------------------------------------
    "relation.default": {
        "en": "Incompatible relations ({constraint}): {a} ({doc_a}) vs {b} ({doc_b})",
        "fr": "Relations incompatibles ({constraint}) : {a} ({doc_a}) vs {b} ({doc_b})",
    },
    "relation.constraint.polarity": {"en": "affirmed and denied", "fr": "affirmée et niée"},
    "relation.constraint.functional": {"en": "only one value", "fr": "une seule valeur"},
    "relation.constraint.exclusive_shared": {"en": "exclusive or shared", "fr": "exclusive ou partagée"},
    "relation.constraint.antonym": {"en": "incompatible relations", "fr": "relations incompatibles"},
    "relation.polarity": {
        "en": "one article says {triple}, the other says it is not the case",
        "fr": "un article affirme {triple}, l'autre le dément",
    },
    "relation.polarity.change": {
        "en": "one article says {triple}, the other says it is not the case any more",
        "fr": "un article affirme {triple}, l'autre dit que ce n'est plus le cas",
    },
    "relation.functional": {
        "en": "{what}: only one value is possible, but the articles give {first} and {second}",
        "fr": "{what} : une seule valeur possible, mais les articles donnent {first} et {second}",
    },
    "relation.functional.exclusive": {
        "en": "{what}: only one value is possible when exclusive, but the articles give {first} and {second}",
        "fr": "{what} : une seule valeur possible en cas d'exclusivité, mais les articles donnent {first} et {second}",
    },
    "relation.two_offices": {
        "en": "{name} {org} is given two different offices: {first} (“{quote_a}”) and {second} (“{quote_b}”)",
        "fr": "{name} {org} : deux fonctions différentes, {first} (« {quote_a} ») et {second} (« {quote_b} »)",
    },
    "relation.one_holder": {
        "en": "{name} has one {office} at a time, but the articles give {first} and {second}",
        "fr": "« {office} » ({name}) : un seul titulaire à la fois, mais les articles donnent {first} et {second}",
    },
    "relation.exclusive_shared": {
        "en": "{triple} is called exclusive in one article and shared or privileged (not exclusive) in the other",
        "fr": "{triple} : exclusif selon un article, partagé ou privilégié (non exclusif) selon l'autre",
    },
    "relation.antonym": {
        "en": "«{first}» and «{second}» are declared incompatible for the same entities",
        "fr": "« {first} » et « {second} » : relations déclarées incompatibles pour les mêmes entités",
    },
    # -- NLI ----------------------------------------------------------------------
    "nli.statements": {
        "en": 'Statements may contradict each other: "{qa}" ({a}) vs "{qb}" ({b})',
        "fr": "Ces affirmations semblent se contredire : « {qa} » ({a}) vs « {qb} » ({b})",
    },
    "nli.definitions": {
        "en": '\'{term}\' is defined differently: "{da}" ({a}) vs "{db}" ({b})',
        "fr": "Définitions divergentes de « {term} » : « {da} » ({a}) vs « {db} » ({b})",
    },
    "nli.statements.reason": {
        "en": "the model finds a contradiction (mean p={p} over both directions, entailment at most {e})",
        "fr": "le modèle lit une contradiction (p moyenne {p} dans les deux sens, implication au plus {e})",
    },
    "nli.definitions.reason": {
        "en": "the two definitions of '{term}' do not entail each other (entailment {ab} / {ba}, contradiction {c})",
        "fr": "les deux définitions de « {term} » ne s'impliquent pas l'une l'autre "
        "(implication {ab} / {ba}, contradiction {c})",
    },
}


def t(key: str, lang: str | None, **values) -> str:
    """The template ``key`` in ``lang`` (English where it has none), filled with ``values``."""
    entry = MESSAGES[key]
    template = entry.get(supported(lang)) or entry["en"]
    return template.format(**values) if values else template


def plural(key: str, n: int, lang: str | None, **values) -> str:
    """``key`` for one, ``key.plural`` for other counts (French: 0 and 1 are singular)."""
    lang = supported(lang)
    one = n in (0, 1) if lang == "fr" else n == 1
    return t(key if one else key + ".plural", lang, n=n, **values)
