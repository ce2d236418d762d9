"""The HTML report's own words (headings, filters, "why", "level"...), by report language.

The report speaks the language of the articles it checked: French when most documents are
French, English otherwise (and for any language without a table here).  Only the page's
chrome is translated here; finding messages come from the plugins.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "factcheck report",
        "findings": "Findings",
        "articles": "Articles",
        "problems": "Problems",
        "empty": "No disagreement found.",
        "checked": "checked",
        "document": "document",
        "documents": "documents",
        "of_which_suppressed": "of which {n} suppressed",
        "by_baseline": "{n} by the baseline",
        "problem": "problem",
        "problems_n": "problems",
        "filters": "filters",
        "suppressed": "suppressed",
        "showing": "showing {shown} of {total} findings ({open} open)",
        "error": "error",
        "errors": "errors",
        "warning": "warning",
        "warnings": "warnings",
        "suggestion": "suggestion",
        "suggestions": "suggestions",
        "level": "level",
        "why": "why",
        "score": "score",
        "rule": "rule",
        "rule_level": "the rule's level is {level}",
        "lowered": "level lowered from {rule} to {level}",
        "raised": "level raised from {rule} to {level}",
        "value": "value",
        "scope": "time scope",
        "articles_of_group": "articles",
        "finding": "finding",
        "findings_n": "findings",
        "says": "says",
        "figure": "figure",
        "relation": "relation",
        "statement": "statement",
        "definition_of": "definition of “{term}”",
        "name": "name",
        "and_more": "and {n} more",
        "tolerance": "tolerance {value}",
        "hedged_sides": "{n} side(s) hedged: one level lower per hedged side",
        "constraint.polarity": "one article states it, the other denies it",
        "constraint.functional": "only one value can be true at a time",
        "constraint.exclusive_shared": "one says exclusive, the other shared",
        "constraint.antonym": "the two relations exclude each other",
        "probabilities": "model: contradiction {contradiction}, entailment {entailment}",
        "within_document": "inside one article",
        "denied": "{subject}, not {claim}",
        "ended": "{subject}, no longer {claim}",
        "past": "in the past",
        "hedged": "hedged",
        "in_years": "in {years}",
        "between": "between {low} and {high}",
        "about": "about",
        "suppressed_note": "suppressed ({kind}{where}){why}",
        "removed": "removed",
        "of": "of",
        "colon": ": ",
        "unnamed": "(not named)",
    },
    "fr": {
        "title": "rapport factcheck",
        "findings": "Divergences",
        "articles": "Articles",
        "problems": "Problèmes",
        "empty": "Aucune divergence trouvée.",
        "checked": "vérifiés",
        "document": "document",
        "documents": "documents",
        "of_which_suppressed": "dont {n} masquées",
        "by_baseline": "{n} par la référence",
        "problem": "problème",
        "problems_n": "problèmes",
        "filters": "filtres",
        "suppressed": "masquées",
        "showing": "{shown} divergences affichées sur {total} ({open} ouvertes)",
        "error": "erreur",
        "errors": "erreurs",
        "warning": "avertissement",
        "warnings": "avertissements",
        "suggestion": "suggestion",
        "suggestions": "suggestions",
        "level": "niveau",
        "why": "pourquoi",
        "score": "score",
        "rule": "règle",
        "rule_level": "niveau de la règle : {level}",
        "lowered": "niveau abaissé de {rule} à {level}",
        "raised": "niveau relevé de {rule} à {level}",
        "value": "valeur",
        "scope": "période",
        "articles_of_group": "articles",
        "finding": "divergence",
        "findings_n": "divergences",
        "says": "dit",
        "figure": "chiffre",
        "relation": "relation",
        "statement": "affirmation",
        "definition_of": "définition de « {term} »",
        "name": "nom",
        "and_more": "et {n} de plus",
        "tolerance": "tolérance {value}",
        "hedged_sides": "{n} côté(s) au conditionnel : un niveau de moins par côté",
        "constraint.polarity": "un article l'affirme, l'autre le nie",
        "constraint.functional": "une seule valeur peut être vraie à la fois",
        "constraint.exclusive_shared": "l'un dit exclusif, l'autre partagé",
        "constraint.antonym": "les deux relations s'excluent",
        "probabilities": "modèle : contradiction {contradiction}, implication {entailment}",
        "within_document": "dans un seul article",
        "denied": "{subject} n'est pas {claim}",
        "ended": "{subject} n'est plus {claim}",
        "past": "au passé",
        "hedged": "au conditionnel",
        "in_years": "en {years}",
        "between": "entre {low} et {high}",
        "about": "environ",
        "suppressed_note": "masquée ({kind}{where}){why}",
        "removed": "retiré",
        "of": "de",
        "colon": " : ",
        "unnamed": "(non nommé)",
    },
}


def report_language(documents) -> str:
    """``fr`` when most documents are French, else ``en`` (ties and unknown languages: ``en``)."""
    counts: dict[str, int] = {}
    for d in documents:
        code = (getattr(d, "language", "") or "")[:2].lower()
        if code in LABELS:
            counts[code] = counts.get(code, 0) + 1
    if counts.get("fr", 0) > counts.get("en", 0):
        return "fr"
    return "en"


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


def level_word(level: str, lang: str, n: int = 1) -> str:
    """``warning`` / ``avertissements``: a level in the report's words, plural unless n is 1
    (French counts 0 in the singular)."""
    words = labels(lang)
    plural = n > 1 if lang == "fr" else n != 1
    return words.get(level + "s" if plural else level, level)
