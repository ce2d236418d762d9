"""Messages in the reader's language, on the evaluation corpora: every finding of a French
story speaks French, every finding of an English story English (message, reason, the values
of its sides, and the text report's labels).

Text the articles wrote is left out of the check: quotes (« », " ", “ ”), document names,
rule and slot ids in brackets; the word lists hold function words and the checker's own
vocabulary, never names, nor words both languages share (article, possible, initial, part,
suggestion, relations, total, date).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from checker.context import Options
from checker.report import Report
from checker.report.text import write_text
from checker.run.pipeline import Checker
from tests.helpers.paths import DATA

pytestmark = pytest.mark.slow

#: English words that a French finding never says (function words, the checker's wording)
ENGLISH = set(
    """
    says say said the and of or is are not no but with for to at in on by from that this it one other
    different scope scopes incompatible level lowered intervals interval cannot both true tolerance same
    measure context similarity implies implied about figure bound states order magnitude
    more why only value values give gives called shared privileged declared entities statements
    may contradict each defined differently model finds mean over directions entailment most time overall
    amount change per year checked errors error warning warnings percent count share
    problem problems hidden suppressed inline baseline affirmed denied any case
    """.split()
)
#: French words that an English finding never says
FRENCH = set(
    """
    dit disent donne donnent le la les l et de du des d un une au aux à en sur dans pour par est sont
    pas ne plus mais selon ou portée portées différent différente différentes incompatibles niveau
    abaissé intervalles vrais tous deux tolérance même mesure similarité contexte laisse entendre
    environ autre autres chiffre borne ordre grandeur seule valeur valeurs exclusif partagé privilégié
    affirmations semblent contredire définitions divergentes modèle lit sens implication période
    montant pourquoi vérifiés vérifié erreur erreurs avertissement avertissements problème problèmes
    masqué affirme dément titulaire fois
    """.split()
)

_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|‘[^’]*’|\[[^\]]*\]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def foreign_words(text: str, words: set[str], names: list[str]) -> set[str]:
    """The words of ``words`` in ``text`` outside quotes, brackets and document names."""
    text = _QUOTED.sub(" ", text)
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", " ", text)
    found = set()
    for w in _WORD.findall(text):
        for part in re.split(r"['’]", w.lower()):
            if part in words:
                found.add(part)
    return found


#: the development corpora (the blind ones are measured, never read: their findings are not
#: looked at by tests either)
DEVELOPMENT = ("eval", "eval-holdout", "eval-blind-2", "eval-blind-3", "eval-blind-4", "eval-blind-5")


def stories(prefix: str) -> list[Path]:
    return sorted(p for d in DEVELOPMENT for p in (DATA / d).iterdir() if p.is_dir() and p.name.startswith(prefix))


@pytest.fixture(scope="module")
def checker():
    return Checker(options=Options(use_cache=False))


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")}


def _said(finding) -> list[str]:
    expl = finding.explanation if isinstance(finding.explanation, dict) else {}
    out = [finding.message, str(expl.get("reason") or "")]
    out += [str(s.get("value", "")) for s in expl.get("sides", []) if isinstance(s, dict)]
    return out


def _labels(result) -> list[str]:
    """The text report's own lines: the "why" lines and the summary (not the quoted evidence)."""
    buf = io.StringIO()
    write_text(Report(documents=result.documents, findings=result.findings, errors=[]), buf)
    lines = buf.getvalue().splitlines()
    return [line for line in lines if line.startswith("  ") and "«" not in line] + lines[-1:]


@pytest.mark.parametrize(("prefix", "foreign", "lang"), [("fr-", ENGLISH, "fr"), ("en-", FRENCH, "en")])
def test_findings_speak_the_language_of_their_articles(checker, prefix, foreign, lang):
    folders = stories(prefix)
    assert len(folders) >= 8, folders
    bad = []
    total = 0
    for folder in folders:
        texts = _texts(folder)
        result = checker.check_texts(texts)
        names = [*texts, *(Path(n).stem for n in texts)]
        assert {d.language for d in result.documents} == {lang}, folder
        for f in result.findings:
            total += 1
            for text in _said(f):
                words = foreign_words(text, foreign, names)
                if words:
                    bad.append((folder.name, f.rule_id, sorted(words), text))
        for line in _labels(result):
            if foreign_words(line, foreign, names):
                bad.append((folder.name, "report", sorted(foreign_words(line, foreign, names)), line))
    assert total >= 10, total
    assert not bad, "\n".join(map(str, bad))


def test_the_word_check_catches_a_foreign_word():
    names = ["a.txt", "a"]
    assert foreign_words("a dit 10 milliards de dollars ; the intervals", ENGLISH, names) == {"the", "intervals"}
    assert foreign_words("«the quote» a [general.the] says", ENGLISH, names) == {"says"}
    assert foreign_words("$4 billion; l'écart de 3 %", FRENCH, names) == {"l", "de"}
