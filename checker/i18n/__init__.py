"""Messages in the reader's language: which language a finding speaks, its message catalog,
and values formatted for that locale (babel).

* ``choose``: the language of a finding (its articles' language; a mixed pair speaks the
  draft's, else the first article's; ``--lang`` / ``lang:`` overrides) and of a report;
* ``catalog``: message templates keyed by id, in English and French (``t(id, lang, ...)``);
* ``format``: numbers, money with scale words, dates, durations and percentages
  ("13,75 milliards de dollars", "12 mars", "1,800 people").

Languages without a catalog (es, de...) read English.
"""

from __future__ import annotations

#: languages with a message catalog; any other reads the first
SUPPORTED = ("en", "fr")


def supported(lang: str | None) -> str:
    """``lang`` if it has a catalog (``fr-CA`` reads ``fr``), else English."""
    code = (lang or "").lower().replace("_", "-").split("-", 1)[0]
    return code if code in SUPPORTED else SUPPORTED[0]
