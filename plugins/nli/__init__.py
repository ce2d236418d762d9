"""Built-in factcheck plugin: ``nli`` rule type (multilingual NLI claim conflicts).

Importing this package is cheap: ``torch``/``transformers`` are imported only when an
NLI rule actually needs the model (see ``backend.py``).
"""

from checker import hookimpl

from .ruletype import NliRuleType


@hookimpl
def register_rule_types(register):
    register("nli", NliRuleType)
