"""Built-in factcheck plugin: the ``numeric`` rule type.

Figures are read as a reader reads them and compared across articles:

* ``vocab``: word tables (number words, scales, currencies, bounds, counted-noun classes);
* ``numbers``: digits in every grouping and numbers in words (text2num);
* ``units``: units of measure through pint; ``eventdates``: dates through ``dates`` (dateparser);
* ``quantity``: the value type; ``parse``: finding the quantities of a sentence;
* ``nouns``: what a count counts, ages; ``slots``: tokens, predicates, owners of a figure;
* ``scope``: time scope, part / cumulative / one-day / change / place / holder tags;
  ``holders``: whose figure (one site or the body, a place named by an adjective);
  ``actors``: which names of a sentence say whose figure it is (not its dates, speakers, places);
* ``intervals``: exact, approximate, bounded and ranged values; ``match``: same measure,
  tolerance, meaning (the sentence encoder's ``ctx.embed``);
* ``generic``: rule-less pairing; ``schema``, ``messages``, ``ruletype``: the rule type.
"""

from __future__ import annotations

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    from plugins.numeric.ruletype import NumericRuleType

    register("numeric", NumericRuleType)
