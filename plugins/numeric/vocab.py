"""Word tables of the numeric reader: number words, scales, currencies, approximators and
bounds, months, counted-noun classes and the regex fragments built from them (French and English)."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- vocabulary
NUMBER_WORDS = {
    "fr": """zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
             seize vingt vingts trente quarante cinquante soixante septante huitante octante nonante cent cents
             mille""".split(),
    "en": """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
             sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
             thousand""".split(),
}
ALL_NUMBER_WORDS = sorted({w for ws in NUMBER_WORDS.values() for w in ws}, key=len, reverse=True)
SMALL_WORDS = {"un", "une", "one", "a", "an"}

# scale words -> (multiplier, canonical label)
SCALES: list[tuple[str, float, str]] = [
    (r"milliards?", 1e9, "billion"),
    (r"mrds?", 1e9, "billion"),
    (r"mds?", 1e9, "billion"),
    (r"billions?", 1e9, "billion"),  # French "billion" (1e12) handled by language below
    (r"bn", 1e9, "billion"),
    (r"trillions?", 1e12, "trillion"),
    (r"tn", 1e12, "trillion"),
    (r"millions?", 1e6, "million"),
    (r"mio", 1e6, "million"),
    (r"mn", 1e6, "million"),
    (r"mille", 1e3, "thousand"),
    (r"thousands?", 1e3, "thousand"),
    (r"k", 1e3, "thousand"),
    (r"M", 1e6, "million"),
    (r"B", 1e9, "billion"),
    (r"m", 1e6, "million"),  # "£40m" (UK press); only next to a currency
    (r"b", 1e9, "billion"),
]
SCALE_RE = "|".join(s for s, _, _ in SCALES)

CURRENCY_WORDS = [
    (r"dollars?\s+(?:am[ée]ricains?|US)", "USD"),
    (r"dollars?", "USD"),
    (r"US\s?\$", "USD"),
    (r"\$", "USD"),
    (r"USD", "USD"),
    (r"euros?", "EUR"),
    (r"€", "EUR"),
    (r"EUR", "EUR"),
    (r"livres?\s+sterling", "GBP"),
    (r"pounds?(?:\s+sterling)?", "GBP"),
    (r"£", "GBP"),
    (r"GBP", "GBP"),
    (r"francs?\s+suisses?", "CHF"),
    (r"CHF", "CHF"),
    (r"yens?", "JPY"),
    (r"¥", "JPY"),
    (r"yuans?", "CNY"),
]
CUR_RE = "|".join(c for c, _ in CURRENCY_WORDS)
CUR_PREFIX_RE = r"US\s?\$|\$|€|£|¥|USD|EUR|GBP|CHF"
PERCENT_RE = r"%|pour\s?cents?|pourcents?|per\s?cent|percent|pct"

# approximators: phrase -> kind
APPROX: list[tuple[str, str]] = [
    # lower bounds
    (r"pas\s+moins\s+d[e']", "ge"),
    (r"au\s+moins", "ge"),
    (r"au\s+minimum", "ge"),
    (r"minimum\s+d[e']", "ge"),
    (r"no\s+less\s+than", "ge"),
    (r"not\s+less\s+than", "ge"),
    (r"at\s+least", "ge"),
    (r"a\s+minimum\s+of", "ge"),
    (r"un\s+peu\s+plus\s+d[e']", "just_over"),
    (r"l[ée]g[èe]rement\s+plus\s+d[e']", "just_over"),
    (r"just\s+(?:over|above)", "just_over"),
    (r"slightly\s+(?:more\s+than|over|above)", "just_over"),
    (r"plus\s+d[e']", "gt"),
    (r"davantage\s+que", "gt"),
    (r"d[ée]pass(?:ant|e|es|er|era|eront|erait|eraient|ait|aient|é|ée|és)", "gt"),
    (r"north\s+of", "gt"),
    (r"no\s+fewer\s+than", "ge"),
    (r"not\s+fewer\s+than", "ge"),
    (r"au[- ]del[àa]\s+d[e']", "gt"),
    (r"au[- ]del[àa]\s+des", "gt"),
    (r"sup[ée]rieure?s?\s+[àa]", "gt"),
    (r"more\s+than", "gt"),
    (r"in\s+excess\s+of", "gt"),
    (r"exceeding", "gt"),
    (r"upwards\s+of", "gt"),
    (r"over", "gt"),
    (r"above", "gt"),
    (r"beyond", "gt"),
    # upper bounds
    (r"pas\s+plus\s+d[e']", "le"),
    (r"jusqu['’]\s?[àa]", "le"),
    (r"au\s+plus", "le"),
    (r"au\s+maximum", "le"),
    (r"maximum\s+d[e']", "le"),
    (r"up\s+to", "le"),
    (r"at\s+most", "le"),
    (r"as\s+much\s+as", "le"),
    (r"as\s+many\s+as", "le"),
    (r"no\s+more\s+than", "le"),
    (r"not\s+more\s+than", "le"),
    (r"a\s+maximum\s+of", "le"),
    (r"un\s+peu\s+moins\s+d[e']", "nearly"),
    (r"just\s+(?:under|below)", "nearly"),
    (r"moins\s+d[e']", "lt"),
    (r"inf[ée]rieure?s?\s+[àa]", "lt"),
    (r"less\s+than", "lt"),
    (r"fewer\s+than", "lt"),
    (r"under", "lt"),
    (r"below", "lt"),
    (r"en\s+dessous\s+d[e']", "lt"),
    (r"south\s+of", "lt"),
    (r"just\s+shy\s+of", "nearly"),
    # approximations
    (r"pr[èe]s\s+d[e']", "nearly"),
    (r"presque", "nearly"),
    (r"quasiment", "nearly"),
    (r"pas\s+loin\s+d[e']", "nearly"),
    (r"nearly", "nearly"),
    (r"almost", "nearly"),
    (r"close\s+to", "nearly"),
    (r"environ", "about"),
    (r"quelque", "about"),
    (r"autour\s+d[e']", "about"),
    (r"aux\s+alentours\s+d[e']", "about"),
    (r"approximativement", "about"),
    (r"[àa]\s+peu\s+pr[èe]s", "about"),
    (r"grosso\s+modo", "about"),
    (r"about", "about"),
    (r"around", "about"),
    (r"approximately", "about"),
    (r"roughly", "about"),
    (r"some", "about"),
    (r"circa", "about"),
    (r"an\s+estimated", "about"),
    (r"~", "about"),
    (r"env\.", "about"),
]
#: adverbs between a bound and its figure that keep the bound ("dépassera largement les 20
#: millions", "well over 500,000", "bien au-delà de"): they strengthen it, never reverse it
INTENSIFIER_RE = (
    r"(?:largement|nettement|bien|très\s+largement|sensiblement|légèrement|well|far|comfortably|easily|slightly|"
    r"significantly|substantially)"
)
APPROX_KIND = {}
APPROX_RE = "|".join(f"(?:{p})" for p, _ in APPROX)

# years and time prepositions
YEAR_PREP: list[tuple[str, str | None]] = [
    (r"d['’]ici(?:\s+[àa])?(?:\s+(?:la\s+)?fin\s+d[e'])?", "le"),
    (r"avant", "lt"),
    (r"apr[èe]s", "gt"),
    (r"jusqu['’]\s?en", "le"),
    (r"by", "le"),
    (r"before", "lt"),
    (r"after", "gt"),
    (r"until", "le"),
    (r"au[- ]del[àa]\s+d[e']", "gt"),
    (r"beyond", "gt"),
    (r"d[èe]s", None),
    (r"depuis", None),
    (r"[àa]\s+partir\s+d[e']", None),
    (r"en", None),
    (r"in", None),
    (r"since", None),
    (r"from", None),
    (r"au\s+cours\s+d[e']", None),
    (r"durant", None),
    (r"during", None),
]
YEAR_PREP_RE = "|".join(f"(?:{p})" for p, _ in YEAR_PREP)

MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "janv.": 1,
    "févr.": 2,
    "jan.": 1,
    "feb.": 2,
    "aug.": 8,
    "sept.": 9,
    "oct.": 10,
    "nov.": 11,
    "déc.": 12,
    "dec.": 12,
}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
PHASE_RE = re.compile(r"(?<![\w])(?P<kind>phase|stade|stage)\s+(?P<n>[1-4]|I{1,3}|IV)(?![\w/.,]\d|[\w])", re.I)
MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

NUM_DIGITS = (
    r"\d{1,3}(?:['’][\d]{3})+(?:[.,]\d+)?(?![\d'’])"  # 45'300 (Swiss)
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?![\d])"  # 1 000 / 1 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 1,000,000.5 (English)
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])"  # 1.000.000 (French/German)
    r"|\d+(?:[.,]\d+)?"
)
WORD_NUM = (
    r"(?:" + "|".join(ALL_NUMBER_WORDS) + r")(?:(?:[\s\-]+|\s+(?:et|and)\s+)(?:" + "|".join(ALL_NUMBER_WORDS) + r"))*"
)
NUM = (
    rf"(?:{NUM_DIGITS}|(?<![\w])(?:{WORD_NUM})(?![\w])|(?<![\w])(?:a|an)(?=\s+(?:{SCALE_RE})\b)"
    r"|(?<![\w])a(?=\s+(?:day|week|month|year|decade|hour|minute)\b))"  # "for a month"
)

TIME_AFTER = re.compile(r"\s?(?:h\d|h(?![\w])|:\d\d)", re.I)
ORDINAL_AFTER = re.compile(r"(?:er|re|e|è|ème|eme|ème|nd|nde|st|rd|th|°)(?![\w])", re.I)
AGE_AFTER = re.compile(r"[\s\-]?(?:ans|an|years?|yrs?)(?:[\s\-]old)?(?![\w])", re.I)
DURATION_PREP = re.compile(
    r"(?:depuis|pendant|durant|en|sur|dans|il\s+y\s+a|d[ée]lai\s+d[e'’]|deadline\s+of|plus\s+d[e']|moins\s+d[e']|pr[èe]s\s+d[e']|environ|"
    r"for|over|within|in|after|since|more\s+than|less\s+than|nearly|about|the\s+past|the\s+last|next)\s*$",
    re.I,
)
DEADLINE_AFTER = re.compile(
    r"\s+(?:to\s+[^\W\d_]|(?:pour|afin\s+d[e'’])\s+(?:se\s+|s['’])?[^\W\d_]+(?:er|ir|re)\b)", re.I
)
#: what makes "à cinq ans" a prison term, not an age: "à cinq ans de prison", "four years in jail"
SENTENCE_AFTER = re.compile(
    r"\s+(?:de\s+prison|d['’]emprisonnement|de\s+r[ée]clusion|ferme|avec\s+sursis|in\s+prison|in\s+jail|behind\s+bars)\b",
    re.I,
)
AGE_BEFORE = re.compile(r"(?:[âa]g[ée]e?s?\s+d[e']|aged|age)\s*$", re.I)
REF_BEFORE = re.compile(
    r"(?:n°|no\.|nº|#|num[ée]ro|number|[ée]tape|step|chapitre|chapter|partie|part|page|p\.|pp\.|article|art\.|"
    r"section|version|v|saison|season|épisode|episode|tome|volume|vol\.|niveau|level|phase|top|rang|rank)\s*$",
    re.I,
)
STOP_NOUNS = set(
    """de du des d et ou à a au aux en le la les l un une dans sur pour par avec que qui ce cette ces son sa ses
    leur leurs of and or the in on at to for by with from than that which this these those its their is are was were
    est sont été être a ont has have had dont où it per par plus than versus vs contre each chacun chacune fois times""".split()
    # a day after a count says when, not what is counted ("58 000 mardi et 41 000 mercredi")
    + """lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui monday tuesday wednesday thursday
    friday saturday sunday yesterday today""".split()
)
# Counted nouns that name the same thing in articles (and languages): a count of
# "salariés" and one of "employees" or "people employed" measure one headcount.  The
# class name becomes ``Quantity.noun`` (so counts of one class are compared); the word
# as written stays in ``extra["noun_text"]`` for display.
NOUN_CLASSES = {
    "employees": """salarié salariés employé employés collaborateur collaborateurs agent agents
                    employee employees staff workers worker personnel""",
    "people": """personne personnes people habitants habitant résidents residents individus individuals persons
                 hommes femmes men women""",
    "jobs": """emploi emplois poste postes job jobs""",
    "stores": """magasin magasins boutique boutiques enseigne store stores shop shops outlet outlets""",
    "customers": """client clients clientes customer customers""",
    "users": """utilisateur utilisateurs utilisatrices usager usagers abonné abonnés user users subscriber subscribers""",
    "vehicles": """véhicule véhicules voiture voitures vehicle vehicles car cars""",
    "deaths": """mort morts décès tué tués victime victimes dead deaths death fatalities killed""",
    "injured": """blessé blessés blessée blessées injured injuries wounded""",
    "displaced": """déplacé déplacés déplacées sinistrés évacués displaced evacuees""",
    "missing": """disparu disparus disparues missing""",
    "patients": """patient patients patiente patientes malades participants volontaires volunteers""",
    "votes": """voix vote votes suffrage suffrages ballots""",
    "seats": """siège sièges seat seats""",
    "goals": """but buts goal goals""",
    "matches": """match matchs matches rencontres""",
    # the dead and the injured together ("50 sheep killed or injured"): a toll of both
    "casualties": """casualties""",
}
NOUN_CLASS = {w: cls for cls, words in NOUN_CLASSES.items() for w in words.split()}

# What a count of people or jobs is *about*: "112 people were killed" counts deaths,
# "600 emplois sauvés" and "1 450 emplois menacés" are two different counts.  A word of
# this table right after the counted noun (auxiliaries skipped), or a verb just before
# the number ("killed 240 people", "supprimer 300 postes"), refines the noun class:
# a people count becomes that class, any other count becomes ``class:modifier``.
MODIFIERS = {
    "deaths": """killed died dead perished tué tuée tués tuées morts mortes décédés décédées péri kill kills tuer tue
                 tuant""",
    "injured": """injured hurt wounded blessés blessées blessé blessée injuries""",
    "displaced": """displaced evacuated homeless déplacés déplacées évacués évacuées
                    sinistrés relogés forced""",
    "missing": """missing disparus disparues""",
    # the seriously injured are some of the injured, not all of them ("quatre blessés, dont un grave")
    "seriously_injured": """grave graves grièvement gravement seriously critically""",
    "hospitalised": """hospitalisés hospitalisées hospitalisé hospitalisée hospitalised hospitalized admitted""",
    "arrested": """arrested detained interpellés interpellées interpellé arrêtés arrêtées arrêté placés""",
    "rescued": """rescued secourus secourues sauvetés""",
    "threatened": """threatened menacés menacées menacé menace menacent threatens threaten risk risque jeu""",
    "cut": """cut cuts lost eliminated axed supprimés supprimées supprimer suppression supprime supprimera
              supprimeront détruits perdus slashed shed""",
    "saved": """saved preserved retained kept sauvés sauvées sauvegardés préservés maintenus conservés repris reprises
                sauver sauve préserver""",
    "employees": """employs employ employed employing emploie emploient emploiera emploieront employait
                    salarie salariés""",
    "created": """created create creates creating new créés créées créer crée créé créée créera créeront créent
                  création nouveaux nouvelles hiring""",
}
MODIFIER_CLASS = {w: cls for cls, words in MODIFIERS.items() for w in words.split()}
# Verbs that refine a figure only from before it ("killing five people", "injuring
# thirty-one", "tuant deux personnes"): after a figure they start a new clause ("five
# people ... and injuring thirty-one").
BEFORE_MODIFIERS = {
    "deaths": "killing tuant",
    "injured": "injuring wounding blessant",
}
BEFORE_MODIFIER_CLASS = {w: cls for cls, words in BEFORE_MODIFIERS.items() for w in words.split()}
#: what a count of unnamed living beings can be refined to by its verb alone ("Quatre
#: voyageurs sont morts", "31 ont été blessés"): a toll, whatever the noun
TOLLS = {"deaths", "injured", "missing", "hospitalised"}
PEOPLE_CLASSES = {"people", "employees"}
MOD_SKIP = set(
    """were was are is have has had been be being ont a été sont étaient était ont été ou et and or
                 remain remains remained restent reste demeurent still encore now désormais
                 or also aussi déjà already reportedly still toujours according for pour par by
                 dû du due durent doivent devront être had to must should
                 who qui that""".split()  # relative clauses: "four people who were injured"
)
#: "d'entre eux", "of them" after a number: a part of people already named ("Trois d'entre
#: eux ont été blessés")
OF_THEM_RE = r"(?:d['’]entre\s+(?:eux|elles|nous)|of\s+them)"
#: the auxiliaries between a counted noun and its participle ("ont été", "were", "have been")
_AUX_RE = r"(?:(?:ont|have|had|were|was|sont|ont\s+été|have\s+been|had\s+been)\s+)?(?:été\s+)?"
#: "tuées ou blessées", "killed or injured", "morts et blessés" after a counted noun: one toll
#: of both, neither the dead nor the injured (nor a headcount)
JOINT_TOLL = re.compile(
    rf"\s*{_AUX_RE}(?:tu[ée]e?s?|morte?s?|killed|dead)\s+(?:ou|et|or|and)\s+(?:bless[ée]e?s?|injured|wounded|hurt)\b",
    re.I,
)
#: taken to hospital after a counted noun (or none: "Trois d'entre eux"): hospitalised
HOSPITAL_AFTER = re.compile(
    rf"\s*(?:(?:d['’]entre\s+(?:eux|elles)|of\s+them)\s+)?{_AUX_RE}"
    r"(?:transport[ée]e?s?|admise?s?|évacu[ée]e?s?|conduite?s?|taken|rushed|airlifted|flown|treated|admitted)\s+"
    r"(?:(?:à|a)\s+l['’]\s*h[ôo]pital|(?:à|a)ux\s+urgences|(?:to|at|in)\s+(?:the\s+|a\s+|local\s+)?hospitals?)\b",
    re.I,
)
MODIFIABLE = {
    "people": {
        "deaths",
        "injured",
        "seriously_injured",
        "displaced",
        "missing",
        "employees",
        "hospitalised",
        "arrested",
        "rescued",
    },
    "injured": {"hospitalised", "seriously_injured"},
    "jobs": {"threatened", "cut", "saved"},  # created jobs are the plain class
    "employees": {"cut", "saved"},
}  # "menace les 1 450 salariés": still the workforce


#: a possessive or the article after "of"/"de" ("2,380 of its members", "1 100 de ses salariés")
POSSESSIVE = r"(?:its|their|his|her|our|the|ses|leurs|son|sa|nos|vos)"
#: the counted noun after a figure: "1 200 salariés", "2 000 de policiers", "2,380 of its
#: members", "1 100 de ses salariés" (the possessive after "of"/"de" is skipped)
WORD_AFTER = re.compile(rf"\s*(?:(?:de|of)\s+(?:{POSSESSIVE}\s+)?|d['’]\s*)?(?P<w>[^\W\d_][\w\-’']*)")
DURATION_UNITS = {
    "ans": "year",
    "an": "year",
    "années": "year",
    "année": "year",
    "years": "year",
    "year": "year",
    "mois": "month",
    "months": "month",
    "month": "month",
    "semaines": "week",
    "semaine": "week",
    "weeks": "week",
    "week": "week",
    "jours": "day",
    "jour": "day",
    "days": "day",
    "day": "day",
    "heures": "hour",
    "hours": "hour",
    "heure": "hour",
    "hour": "hour",
    "minutes": "minute",
    "minute": "minute",
    "secondes": "second",
    "seconde": "second",
    "seconds": "second",
    "second": "second",
}


RATE_AFTER = re.compile(
    r"\s*(?:par\s+an(?:n[ée]e)?|chaque\s+ann[ée]e|annuellement|per\s+(?:year|annum)|a\s+year|"
    r"each\s+year|annually|/\s?an|/\s?yr|/\s?year)(?![\w])",
    re.I,
)
HYPHEN_UNIT = re.compile(r"[\-‑](?P<u>years?|months?|weeks?|days?|hours?|minutes?|ans|mois)(?![\w])", re.I)
SPEED_AFTER = re.compile(
    r"\s?(?P<u>km\s?/\s?h|kmh|km\s+par\s+heure|kilom[èe]tres?[\s\-](?:par\s+|/\s?|à\s+l['’]\s?)heure|"
    r"kilomet(?:er|re)s?\s+(?:per|an)\s+hour|kph|mph|miles?\s+(?:per|an)\s+hour)(?![\w])",
    re.I,
)
PERSON_NOUN_BEFORE = re.compile(
    r"(?:homme|femme|garçon|fille|enfant|adolescente?|jeune|victime|conducteur|conductrice|joueur|joueuse|"
    r"man|woman|boy|girl|child|player)\s+(?:de|d['’]|of)\s*$",
    re.I,
)
NAME_COMMA = re.compile(r"(?:^|[\s(])(?:[A-ZÀ-Ý][\w\-’']+\s+){0,3}[A-ZÀ-Ý][\w\-’']+\s*,\s*$")


ENUM_PREV = re.compile(r"\d[\d \u00a0\u202f.,]*\s+(?P<w>[^\W\d_][\w\-’']*)")
#: the parts after a colon of a counted figure ("99 000 voyageurs ont été concernés : 58 000 mardi
#: et 41 000 mercredi"): the text before a part, ending on the colon and any earlier parts
COLON_PARTS = re.compile(
    r"\d[\d \u00a0\u202f.,]*\s+(?P<w>[^\W\d_][\w\-’']*)[^:.;!?\d]{0,60}:\s*"
    r"(?:\d[\d \u00a0\u202f.,]*(?:\s+[^\W\d_][\w\-’']*){1,2}\s*(?:,|\bet\b|\band\b)\s*)*$"
)
ENUM_GAP = re.compile(r"\s*(?:,|;|\bet\b|\band\b|\bcontre\b|\bagainst\b)\s+(?:[A-ZÀ-Ý][\w\-’']*\s+){1,3}")


# approximate number nouns: "une trentaine de morts" (about 30), "a dozen people"
APPROX_NOUNS = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
    "dozen": 12,
    "score": 20,
}

# a clock time, not a duration: "vers 5 heures du matin", "à 8 heures", "at 7 o'clock"
CLOCK_BEFORE = re.compile(
    r"(?:\bvers|\b[àa]|\bd[èe]s|\bjusqu['’]\s?[àa]|\bavant|\bapr[èe]s|\bat|\baround|\bby|\buntil|\bbefore|\bafter)\s*$",
    re.I,
)
CLOCK_AFTER = re.compile(
    r"\s*(?:h(?:eures?)?\s*\d{2}\b|heures?\s+(?:du\s+matin|du\s+soir|de\s+l['’]apr[èe]s-midi|pile|précises)|"
    r"o['’]clock|[ap]\.?m\.?(?![\w])|:\d\d)",
    re.I,
)

# What follows "durer", "last": a duration even in years ("durera 2 ans", "will last 2 years")
DURATION_VERB_BEFORE = re.compile(
    r"(?:dur(?:e|er|era|eront|ait|aient|é|ée)|last(?:s|ed|ing)?|une\s+dur[ée]e\s+d[e']|a\s+term\s+of|period\s+of|"
    r"p[ée]riode\s+d[e']|prison|emprisonnement|r[ée]clusion|sentence[d]?\s+to|condamn[ée]e?s?\s+[àa])\s*$",
    re.I,
)

# ranks: "3e place", "third place", "finished fifth", "classé 5e"
ORDINAL_WORDS = {
    "premier": 1,
    "première": 1,
    "deuxième": 2,
    "second": 2,
    "seconde": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
    "septième": 7,
    "huitième": 8,
    "neuvième": 9,
    "dixième": 10,
    "first": 1,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
RANK_NOUNS = r"place|position|rang|rank|spot"
