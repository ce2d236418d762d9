"""Which rule types run, in which order, with which rules, and one guarded step of one of them.

* Selection: ``--only-types`` keeps the named rule types *and* the providers of what they
  require (transitively); ``--only-rules`` filters the rules of every rule type except the
  providers another active rule type requires (an alias list is needed by every rule).
* Order: providers before the rule types that require them (a topological order), then
  ``order``, then name; a rule type whose requirement nobody provides is reported and skipped.
* Guard: an exception in a plugin's step is one ``plugin`` error naming the plugin and
  the step, never a crash.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.context import RunContext
from checker.ruletype import RuleType
from checker.run.budget import BudgetExceeded, TimeBudget

if TYPE_CHECKING:  # pragma: no cover
    from checker.plugins import PluginHost
    from checker.rules import Rule, RuleSet

log = logging.getLogger("factcheck")

#: (name, set-up instance, its rules), in execution order.
Active = tuple[str, RuleType, list["Rule"]]


@dataclass(frozen=True)
class Selection:
    """What the user restricted the run to (None = everything)."""

    only_types: frozenset[str] | None = None
    only_rules: frozenset[str] | None = None

    @classmethod
    def of(cls, only_types: Iterable[str] | None = None, only_rules: Iterable[str] | None = None) -> Selection:
        return cls(
            frozenset(only_types) if only_types is not None else None,
            frozenset(only_rules) if only_rules is not None else None,
        )


def _providers(classes: dict[str, type[RuleType]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in sorted(classes):
        for what in classes[name].provides:
            out.setdefault(what, []).append(name)
    return out


def _with_providers(wanted: set[str], classes: dict[str, type[RuleType]]) -> set[str]:
    providers = _providers(classes)
    out, todo = set(wanted), list(sorted(wanted))
    while todo:
        for what in classes[todo.pop()].requires:
            for p in providers.get(what, []):
                if p not in out:
                    out.add(p)
                    todo.append(p)
    return out


def execution_order(classes: dict[str, type[RuleType]]) -> list[str]:
    """Providers first; otherwise by (``order``, name).  A cycle falls back to that order."""
    providers = _providers(classes)
    deps = {n: {p for what in classes[n].requires for p in providers.get(what, []) if p != n} for n in classes}
    ready = [(classes[n].order, n) for n in classes if not deps[n]]
    heapq.heapify(ready)
    out: list[str] = []
    while ready:
        _, n = heapq.heappop(ready)
        out.append(n)
        for m in classes:
            if n in deps[m]:
                deps[m].discard(n)
                if not deps[m] and m not in out:
                    heapq.heappush(ready, (classes[m].order, m))
    out.extend(sorted((n for n in classes if n not in out), key=lambda n: (classes[n].order, n)))
    return out


def active_rule_types(host: PluginHost, selection: Selection) -> list[tuple[str, type[RuleType]]]:
    classes = dict(host.rule_types)
    names = set(classes)
    if selection.only_types is not None:
        names = _with_providers({n for n in names if n in selection.only_types}, classes)
    chosen = {n: classes[n] for n in names}
    return [(n, chosen[n]) for n in execution_order(chosen)]


def required_providers(classes: dict[str, type[RuleType]]) -> set[str]:
    """Active rule types that provide something another active rule type requires."""
    providers = _providers(classes)
    return {p for n, cls in classes.items() for what in cls.requires for p in providers.get(what, []) if p != n}


def rules_for(
    ruleset: RuleSet, name: str, selection: Selection, providers: AbstractSet[str] = frozenset()
) -> list[Rule]:
    rules = ruleset.by_type(name)
    if selection.only_rules is not None and name not in providers:
        rules = [r for r in rules if r.id in selection.only_rules]
    return rules


def start_rule_types(
    host: PluginHost, ruleset: RuleSet, selection: Selection, ctx: RunContext, names: list[str] | None = None
) -> list[Active]:
    """Instantiate and set up the active rule types (or exactly ``names``), in execution order."""
    chosen = active_rule_types(host, selection) if names is None else [(n, host.rule_types[n]) for n in names]
    classes = dict(chosen)
    providers = required_providers(classes)
    provided = {what for cls in classes.values() for what in cls.provides}
    out: list[Active] = []
    for name, cls in chosen:
        owner = host.rule_type_owner.get(name, "?")
        missing = [what for what in cls.requires if what not in provided]
        if missing:
            ctx.error(
                None,
                f"plugin '{owner}': rule type '{name}' requires {', '.join(missing)}, "
                "which no installed rule type provides; skipped",
                kind="plugin",
            )
            continue
        rules = rules_for(ruleset, name, selection, providers)
        try:
            inst = cls()
            inst.setup(rules, ctx)
        except Exception as exc:  # noqa: BLE001 - isolate plugin failures
            ctx.error(
                None,
                f"plugin '{owner}': rule type '{name}' failed to start: {type(exc).__name__}: {exc}",
                kind="plugin",
            )
            continue
        out.append((name, inst, rules))
    return out


def guarded(ctx: RunContext, owner: str, name: str, step: str, fn: Callable[[], Any]) -> Any:
    """``fn()`` within the rule type's time budget (``checker.run.budget``), or None after
    reporting what it raised, or that its budget ran out, as the plugin's error."""
    budget: TimeBudget | None = getattr(ctx, "budget", None)
    try:
        return budget.call(name, fn) if budget is not None else fn()
    except BudgetExceeded:
        assert budget is not None
        if name not in budget.reported:
            budget.reported.add(name)
            ctx.error(
                None,
                f"plugin '{owner}': rule type '{name}' ran out of its time budget ({budget.seconds:g} s) in {step}; "
                "the rest of its work is skipped",
                kind="plugin",
            )
        return None
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - one failing rule type must not stop the run
        log.debug("rule type %s failed in %s", name, step, exc_info=True)
        ctx.error(
            None, f"plugin '{owner}': rule type '{name}' raised in {step}: {type(exc).__name__}: {exc}", kind="plugin"
        )
        return None
