"""Plugin host: entry-point loading with per-plugin error isolation.

Every plugin, built-in or third-party, is a module (or object) listed in the
``factcheck`` entry-point group.  A plugin that fails to import, or raises inside a
hook, is reported by name; the others keep working (as in sqlfluff).
``FACTCHECK_LOAD_PLUGINS=a,b`` restricts which *third-party* entry points are loaded;
the built-in plugins (those of the ``factcheck`` distribution itself) always load, so a
restricted run still has its report formats and the annotators other plugins require.
A rule-type class that breaks the contract of ``checker.ruletype.RuleType`` (no
``compare``, an annotator without ``provides``) is refused at registration, by name.
"""

from __future__ import annotations

import importlib.metadata as md
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from checker import PROJECT, hookspecs
from checker.model import InputError
from checker.rules import check_schema
from checker.ruletype import RuleType

log = logging.getLogger("factcheck")
HOOKS = ("register_rule_types", "register_rule_packs", "register_formats", "register_commands")


@dataclass
class PluginInfo:
    name: str
    version: str = ""
    module: str = ""
    hooks: list[str] = field(default_factory=list)
    rule_types: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    rule_packs: list[str] = field(default_factory=list)
    error: str | None = None
    load_error: str | None = None  # failures at import/registration survive a new collect()

    def to_dict(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "version": self.version,
            "hooks": self.hooks,
            "rule_types": self.rule_types,
            "formats": self.formats,
            "rule_packs": self.rule_packs,
        }
        if self.error:
            out["error"] = self.error
        return out


class PluginHost:
    """Loads plugins and collects what they register."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.plugins: dict[str, PluginInfo] = {}
        self.errors: list[InputError] = []
        self.rule_types: dict[str, type[RuleType]] = {}
        self.rule_type_owner: dict[str, str] = {}
        self.formats: dict[str, Callable] = {}
        self.rule_packs: list[Path] = []
        self._collected = False

    # -- loading ------------------------------------------------------------------
    def load_entry_points(self, group: str = PROJECT, allow: list[str] | None = None) -> None:
        """Load the entry points of ``group``: exactly those named in ``allow`` when given
        (tests, embedding applications); else all of them, or the built-ins plus the
        third-party plugins named in ``FACTCHECK_LOAD_PLUGINS``."""
        keep_builtins = allow is None
        if allow is None:
            env = os.environ.get("FACTCHECK_LOAD_PLUGINS")
            allow = [n.strip() for n in env.split(",") if n.strip()] if env is not None else None
        eps = sorted(md.entry_points(group=group), key=lambda ep: ep.name)
        for ep in eps:
            if allow is not None and ep.name not in allow and not (keep_builtins and is_builtin(ep)):
                continue
            if ep.name in self.plugins:
                continue
            version = getattr(getattr(ep, "dist", None), "version", "") or ""
            info = PluginInfo(name=ep.name, version=version, module=ep.value)
            self.plugins[ep.name] = info
            try:
                obj = ep.load()
            except Exception as exc:  # noqa: BLE001 - isolate any import failure
                self._fail(info, f"failed to load ({type(exc).__name__}: {exc})")
                continue
            self.register(obj, ep.name, info)
        if allow:
            for name in allow:
                if name not in self.plugins:
                    self.errors.append(
                        InputError(
                            None, f"plugin '{name}' named in FACTCHECK_LOAD_PLUGINS is not installed", kind="plugin"
                        )
                    )

    def register(self, obj: Any, name: str, info: PluginInfo | None = None) -> None:
        """Register a plugin object (used for entry points and by tests)."""
        info = info or self.plugins.setdefault(name, PluginInfo(name=name, module=getattr(obj, "__name__", "")))
        self.plugins[name] = info
        try:
            self.pm.register(obj, name=name)
            self.pm.check_pending()
        except Exception as exc:  # noqa: BLE001 - pluggy validation errors, unknown hooks
            if self.pm.is_registered(obj):
                self.pm.unregister(obj)
            self._fail(info, f"invalid plugin ({type(exc).__name__}: {exc})")
            return
        info.hooks = sorted(impl.name for impl in self.pm.get_hookcallers(obj) or [])
        self._collected = False

    def _fail(self, info: PluginInfo, message: str, *, collecting: bool = False) -> None:
        info.error = message
        if not collecting:
            info.load_error = message
        err = InputError(None, f"plugin '{info.name}': {message}", kind="plugin")
        err._from_collect = collecting  # type: ignore[attr-defined]
        self.errors.append(err)
        log.debug("plugin %s: %s", info.name, message)

    # -- collecting registrations ---------------------------------------------------
    def _call_each(
        self, hook: str, make_register: Callable[[PluginInfo], Callable | None], extra: dict | None = None
    ) -> None:
        caller = getattr(self.pm.hook, hook)
        for impl in sorted(caller.get_hookimpls(), key=lambda i: i.plugin_name):
            info = self.plugins.get(impl.plugin_name) or PluginInfo(name=impl.plugin_name)
            kwargs = dict(extra or {})
            if "register" in impl.argnames:
                kwargs["register"] = make_register(info)
            try:
                impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - isolate plugin failures
                self._fail(info, f"hook {hook} raised {type(exc).__name__}: {exc}", collecting=True)

    def collect(self) -> None:
        """Ask every plugin what it registers (again from scratch after a new ``register``)."""
        if self._collected:
            return
        self._collected = True
        self.rule_types, self.rule_type_owner, self.formats, self.rule_packs = {}, {}, {}, []
        self.errors = [e for e in self.errors if not getattr(e, "_from_collect", False)]
        for info in self.plugins.values():
            info.rule_types, info.formats, info.rule_packs = [], [], []
            info.error = info.load_error

        def rule_type_register(info: PluginInfo):
            def register(name, cls=None):
                if cls is None:  # register(Class) form
                    name, cls = getattr(name, "name", ""), name
                if not (isinstance(cls, type) and issubclass(cls, RuleType)):
                    self._fail(info, f"rule type '{name}' is not a checker.ruletype.RuleType subclass", collecting=True)
                    return
                if not isinstance(name, str) or not name:
                    self._fail(info, "rule type registered without a name", collecting=True)
                    return
                problem = check_schema(getattr(cls, "schema", {}) or {})
                if problem:
                    self._fail(info, f"rule type '{name}': {problem}", collecting=True)
                    return
                broken = cls.contract_problem()
                if broken:
                    self._fail(info, f"rule type '{name}' {broken}", collecting=True)
                    return
                if name in self.rule_types and self.rule_type_owner[name] != info.name:
                    self._fail(
                        info,
                        f"rule type '{name}' already registered by plugin '{self.rule_type_owner[name]}'",
                        collecting=True,
                    )
                    return
                if not getattr(cls, "name", None):
                    cls.name = name
                self.rule_types[name] = cls
                self.rule_type_owner[name] = info.name
                info.rule_types.append(name)

            return register

        def pack_register(info: PluginInfo):
            def register(path):
                p = Path(path)
                if not p.exists():
                    self._fail(info, f"rule pack '{p}' does not exist", collecting=True)
                    return
                self.rule_packs.append(p)
                info.rule_packs.append(str(p))

            return register

        def format_register(info: PluginInfo):
            def register(name, writer):
                if not callable(writer):
                    self._fail(info, f"format '{name}' writer is not callable", collecting=True)
                    return
                self.formats[name] = writer
                info.formats.append(name)

            return register

        self._call_each("register_rule_types", rule_type_register)
        self._call_each("register_rule_packs", pack_register)
        self._call_each("register_formats", format_register)

    def add_commands(self, subparsers) -> None:
        self._call_each("register_commands", lambda info: None, extra={"cli": subparsers})

    def listing(self) -> list[dict[str, Any]]:
        self.collect()
        return [self.plugins[name].to_dict() for name in sorted(self.plugins)]


def is_builtin(ep: md.EntryPoint) -> bool:
    """Whether an entry point belongs to factcheck itself (a built-in plugin)."""
    dist = getattr(ep, "dist", None)
    name = getattr(dist, "name", None) or getattr(getattr(dist, "metadata", None), "get", lambda _k: None)("Name") or ""
    return name.lower().replace("_", "-") == PROJECT


def default_host() -> PluginHost:
    host = PluginHost()
    host.load_entry_points()
    host.collect()
    return host
