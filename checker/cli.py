"""The ``factcheck`` command (Vale-like conventions).

Exit codes: 0 = nothing at or above ``--fail-on``; 1 = findings at or above it;
2 = usage, configuration or input error (the run still reports what it could check);
3 = internal error (a bug: one line on stderr names the file holding the traceback).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from pathlib import Path

from checker import __version__
from checker.fileio import atomic_write
from checker.model import LEVELS, InputError, level_at_least
from checker.report.escape import unicode_safe

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), after writing what was finished
NON_FATAL_KINDS = {"notice"}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with a one-line message, as argparse does, but never a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser(host=None) -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description="Find where articles about the same story disagree.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    common = _Parser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="configuration file (default: nearest .factcheck.yaml)")
    common.add_argument("--rules", metavar="DIR", action="append", default=[], help="extra rule directory (repeatable)")
    common.add_argument("--no-builtin-rules", action="store_true", help="do not load the rules shipped with factcheck")
    common.add_argument("-v", "--verbose", action="store_true", help="more detail (pairs scored, timings, cleaning)")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary on stderr")

    _add_check_command(sub, common)
    _add_rules_command(sub, common)
    _add_other_commands(sub, common)
    _add_serve_command(sub, common)
    if host is not None:
        host.add_commands(sub)
    return parser


def _add_check_command(sub, common) -> None:
    """``factcheck check``."""
    check = sub.add_parser("check", parents=[common], help="check articles against each other")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or - for standard input")
    check.add_argument(
        "--against",
        metavar="CORPUS",
        action="append",
        default=None,
        help="draft mode: compare PATHS only against this corpus (repeatable)",
    )
    check.add_argument(
        "-f", "--format", default=None, help="output format (text, json, jsonl, sarif, github, html, markdown, ...)"
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically)")
    check.add_argument(
        "--fail-on",
        choices=LEVELS + ("none",),
        default=None,
        help="lowest level that makes the exit code 1 (default: error)",
    )
    check.add_argument("--min-level", choices=LEVELS, default=None, help="lowest level reported (default: suggestion)")
    check.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline file")
    check.add_argument(
        "--show-suppressed",
        action="store_true",
        help="text format: list suppressed and baselined findings too (by default only counted)",
    )
    _add_selection_args(check)
    check.add_argument(
        "--device", choices=["cpu", "cuda", "auto"], default=None, help="device for models (default cpu)"
    )
    check.add_argument("--no-cache", action="store_true", help="do not read or write the model score cache")
    check.add_argument("--cache-dir", metavar="DIR", help="where model scores are cached")
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="worker processes for per-document work (default 0 = all cores; runs under 8 documents stay serial)",
    )
    check.add_argument(
        "--language", metavar="CODE", help="language of short texts whose language cannot be told (e.g. fr)"
    )
    check.add_argument(
        "--lang",
        metavar="CODE",
        choices=["en", "fr"],
        help="language of messages and report labels (default: the articles' language; en or fr)",
    )
    check.add_argument(
        "--stdin-format", choices=["txt", "md", "html"], default="txt", help="format of - (standard input)"
    )
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument(
        "--stats", action="store_true", help="add run statistics and timings to the report (also with -v)"
    )
    check.set_defaults(func=cmd_check)


def _add_selection_args(parser) -> None:
    """What a run looks at: ``--include``/``--exclude`` files, ``--only-rules``/``--disable`` rules
    (``check`` and ``baseline create|update`` take the same, so a baseline records what a check shows)."""
    parser.add_argument(
        "--include", metavar="GLOB", action="append", default=[], help="only files matching (directories)"
    )
    parser.add_argument(
        "--exclude", metavar="GLOB", action="append", default=[], help="skip files matching (directories)"
    )
    parser.add_argument(
        "--only-rules", metavar="IDS", type=_csv, default=None, help="run only these rule ids (comma separated)"
    )
    parser.add_argument("--disable", metavar="IDS", type=_csv, default=[], help="switch off these rule ids")
    parser.add_argument(
        "--disable-types",
        metavar="TYPES",
        type=_csv,
        default=[],
        help="switch off every rule of these rule types, e.g. nli (no model is loaded)",
    )


def _add_rules_command(sub, common) -> None:
    """``factcheck rules list|show|validate|test``."""
    rules = sub.add_parser("rules", help="list, show, validate and test rules")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=_Parser)
    r_list = rsub.add_parser("list", parents=[common], help="list loaded rules")
    r_list.add_argument("--format", "-f", choices=["text", "json"], default="text")
    r_list.set_defaults(func=cmd_rules_list)
    r_show = rsub.add_parser("show", parents=[common], help="show one rule")
    r_show.add_argument("rule_id")
    r_show.set_defaults(func=cmd_rules_show)
    r_val = rsub.add_parser("validate", parents=[common], help="validate rule files (default: all loaded rules)")
    r_val.add_argument("paths", nargs="*")
    r_val.set_defaults(func=cmd_rules_validate)
    r_test = rsub.add_parser("test", parents=[common], help="run the rules' embedded tests: examples")
    r_test.add_argument("paths", nargs="*")
    r_test.add_argument("--only-rules", metavar="IDS", type=_csv, default=None)
    r_test.set_defaults(func=cmd_rules_test)
    rules.set_defaults(func=lambda args: _missing_action(rules))


def _add_other_commands(sub, common) -> None:
    """``factcheck plugins``, ``config show`` and ``baseline create|update``."""
    plugins = sub.add_parser("plugins", help="list plugins, their hooks and rule types (JSON)")
    plugins.add_argument("--all", action="store_true", help="include plugins that failed to load")
    plugins.set_defaults(func=cmd_plugins)

    config = sub.add_parser("config", help="configuration")
    csub = config.add_subparsers(dest="config_command", metavar="ACTION", parser_class=_Parser)
    c_show = csub.add_parser("show", help="print the effective configuration and where it came from")
    c_show.add_argument("--config", metavar="FILE")
    c_show.set_defaults(func=cmd_config_show)
    config.set_defaults(func=lambda args: _missing_action(config))

    baseline = sub.add_parser("baseline", help="record current findings so that later runs hide them")
    bsub = baseline.add_subparsers(dest="baseline_command", metavar="ACTION", parser_class=_Parser)
    for name, helptext in (("create", "write a new baseline"), ("update", "refresh a baseline: keep, add, drop fixed")):
        b = bsub.add_parser(name, parents=[common], help=helptext)
        b.add_argument("paths", nargs="+", metavar="PATH")
        b.add_argument(
            "--baseline", metavar="FILE", default=None, help="baseline file (default .factcheck-baseline.json)"
        )
        b.add_argument("--against", metavar="CORPUS", action="append", default=None)
        b.add_argument(
            "--min-level", choices=LEVELS, default=None, help="lowest level recorded (default: as check shows)"
        )
        _add_selection_args(b)
        b.set_defaults(func=cmd_baseline, baseline_action=name)
    baseline.set_defaults(func=lambda args: _missing_action(baseline))


def _add_serve_command(sub, common) -> None:
    """``factcheck serve CORPUS``: the local HTTP service (extra ``factcheck[serve]``)."""
    serve = sub.add_parser(
        "serve", parents=[common], help="serve pre-publish checks of drafts against a corpus over local HTTP"
    )
    serve.add_argument("corpus", metavar="CORPUS", help="directory of the published articles to check drafts against")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    serve.add_argument(
        "--token",
        default=None,
        help="require 'Authorization: Bearer TOKEN' (default $FACTCHECK_SERVE_TOKEN; required off loopback)",
    )
    serve.add_argument(
        "--watch",
        metavar="SECONDS",
        type=float,
        nargs="?",
        const=2.0,
        default=None,
        help="reload the corpus when its files change (polling, default every 2 s)",
    )
    serve.add_argument(
        "--max-body", metavar="BYTES", type=int, default=2_000_000, help="largest request (default 2 MB)"
    )
    serve.add_argument("--min-level", choices=LEVELS, default=None, help="lowest level reported (default: suggestion)")
    serve.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline file")
    serve.add_argument("--include", metavar="GLOB", action="append", default=[], help="only corpus files matching")
    serve.add_argument("--exclude", metavar="GLOB", action="append", default=[], help="skip corpus files matching")
    serve.add_argument("--only-rules", metavar="IDS", type=_csv, default=None, help="run only these rule ids")
    serve.add_argument("--disable", metavar="IDS", type=_csv, default=[], help="switch off these rule ids")
    serve.add_argument("--device", choices=["cpu", "cuda", "auto"], default=None, help="device for models")
    serve.add_argument("--no-cache", action="store_true", help="no analysis or score cache (every check re-reads all)")
    serve.add_argument("--cache-dir", metavar="DIR", help="where analyses and model scores are cached")
    serve.add_argument("-j", "--jobs", type=int, default=1, help="worker processes per check (default 1)")
    serve.add_argument("--language", metavar="CODE", help="language of short texts whose language cannot be told")
    serve.set_defaults(func=cmd_serve)


def _missing_action(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_ERROR


# ----------------------------------------------------------------------------- helpers
def _print_errors(errors: list[InputError], *, explicit: set[str] | None = None, github: bool = False) -> None:
    """One line per problem on stderr: ``error:`` for those that set exit code 2, ``note:`` for the rest.

    File names are escaped (control characters, terminal escapes, non-UTF-8 bytes); under
    ``-f github`` also by the workflow-command rules, so a name cannot inject a command.
    """
    from checker.report.escape import printable
    from checker.report.github import escape_data

    fatal = {id(e) for e in _fatal_errors(errors, explicit or set())}
    for e in errors:
        prefix = "error" if id(e) in fatal else "note"
        line = escape_data(str(e)) if github else str(e)
        print(f"factcheck: {prefix}: {printable(line)}", file=sys.stderr)


def _display_path(path: str) -> str:
    """A configured (absolute) path shown relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return path


def _load_config(args):
    from checker.config import discover

    return discover(getattr(args, "config", None))


def _options(args, cfg):
    from checker.context import Options

    opts = Options()
    if cfg.get("languages"):
        opts.languages = tuple(cfg.get("languages"))
    opts.default_language = getattr(args, "language", None) or cfg.get("language")
    opts.lang = getattr(args, "lang", None) or cfg.get("lang")
    opts.spacy_models = dict(cfg.get("spacy_models", {}))
    opts.settings = dict(cfg.get("plugins", {}))
    opts.embedder = cfg.get("embedder")  # FACTCHECK_EMBEDDER still wins (checker.text.embed)
    opts.device = getattr(args, "device", None) or os.environ.get("FACTCHECK_DEVICE") or cfg.get("device", "cpu")
    cache_dir = getattr(args, "cache_dir", None) or os.environ.get("FACTCHECK_CACHE_DIR") or cfg.get("cache_dir")
    opts.cache_dir = Path(cache_dir) if cache_dir else None
    opts.use_cache = not getattr(args, "no_cache", False) and cfg.get("cache", True)
    opts.verbose = bool(getattr(args, "verbose", False))
    opts.quiet = bool(getattr(args, "quiet", False))
    jobs = getattr(args, "jobs", None)
    opts.jobs = jobs if jobs is not None else int(cfg.get("jobs", 0))  # 0 = all cores (small runs stay serial)
    opts.progress = not opts.quiet
    if cfg.get("max_file_mb"):
        opts.max_file_bytes = int(float(cfg.get("max_file_mb")) * 2**20)
    return opts


def _make_checker(args, cfg, **extra):
    from checker.run.pipeline import Checker

    rule_paths = list(cfg.get("rules", [])) + list(getattr(args, "rules", []) or [])
    builtin = cfg.get("builtin_rules", True) and not getattr(args, "no_builtin_rules", False)
    checker = Checker(
        rule_paths=rule_paths,
        builtin_rules=builtin,
        options=_options(args, cfg),
        disabled_rules=list(cfg.get("disable", [])) + list(getattr(args, "disable", []) or []),
        **extra,
    )
    _disable_types(checker, getattr(args, "disable_types", None) or [])
    return checker


def _disable_types(checker, types: list[str]) -> None:
    """``--disable-types nli``: every rule of these rule types off (as ``--disable`` of each id);
    an unknown type is a usage error with the closest names."""
    from checker.rules.schema import did_you_mean

    known = checker.host.rule_types
    unknown = [t for t in types if t not in known]
    if unknown:
        raise UsageError(
            "; ".join(
                f"--disable-types: unknown rule type {t!r}{did_you_mean(t, known)} (known: {', '.join(sorted(known))})"
                for t in unknown
            )
        )
    for rule in checker.ruleset.rules:
        if rule.extends in types:
            rule.enabled = False


def _check_rule_ids(ruleset, **given: list[str] | None) -> None:
    """``--only-rules``/``--disable`` naming no loaded rule is a usage error (exit 2), closest ids suggested."""
    import difflib

    known = sorted(r.id for r in ruleset.rules)
    problems = []
    for flag, ids in given.items():
        for rid in ids or []:
            if rid in known:
                continue
            close = difflib.get_close_matches(rid, known, n=3)
            hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else " (see factcheck rules list)"
            problems.append(f"--{flag.replace('_', '-')}: unknown rule id {rid!r}{hint}")
    if problems:
        raise UsageError("; ".join(problems))


def _fatal_errors(errors: list[InputError], explicit_types: set[str]) -> list[InputError]:
    out = []
    for e in errors:
        if e.kind in NON_FATAL_KINDS:
            continue
        if e.kind == "model" and not (explicit_types & {"nli", "model"}):
            continue  # a degraded run counts only when the user asked for that rule type
        out.append(e)
    return out


# ----------------------------------------------------------------------------- commands
def cmd_check(args) -> int:
    cfg = _load_config(args)
    fmt = args.format or os.environ.get("FACTCHECK_FORMAT") or cfg.get("format", "text")
    fail_on = args.fail_on or os.environ.get("FACTCHECK_FAIL_ON") or cfg.get("fail_on", "error")
    min_level = args.min_level or os.environ.get("FACTCHECK_MIN_LEVEL") or cfg.get("min_level", "suggestion")
    if fail_on not in LEVELS + ("none",) or min_level not in LEVELS:
        raise UsageError(f"invalid level (fail-on={fail_on!r}, min-level={min_level!r})")
    paths = list(args.paths)
    if not paths:
        raise UsageError("no PATH given (use - for standard input)")
    against = args.against
    if against is None and cfg.get("against"):
        # draft mode from the configuration (used by the pre-commit hook)
        against = [_display_path(p) for p in cfg.get("against")]
    only = args.only_rules if args.only_rules is not None else cfg.get("only_rules")
    checker = _make_checker(args, cfg, only_rules=only)
    _check_rule_ids(checker.ruleset, only_rules=args.only_rules, disable=args.disable)
    writers = checker.host.formats
    if fmt not in writers:
        raise UsageError(f"unknown format '{fmt}' (available: {', '.join(sorted(writers))})")

    result = checker.check_paths(
        paths,
        against=against or [],
        include=args.include or cfg.get("include", []),
        exclude=args.exclude or cfg.get("exclude", []),
        stdin_format=args.stdin_format,
    )
    errors = list(cfg.errors) + list(result.errors)
    findings = result.findings
    hidden = _suppress(findings, result.documents, args.baseline or cfg.get("baseline"), errors)
    from checker.report import Report, filter_level

    explicit = {r.extends for r in checker.ruleset.rules if r.id in set(only)} if only else set()
    shown = filter_level(findings, min_level)
    color = args.color == "always" or (
        args.color == "auto"
        and not args.output
        and sys.stdout.isatty()
        and fmt == "text"
        and not os.environ.get("NO_COLOR")
    )
    report = Report(
        documents=result.documents,
        findings=shown,
        errors=errors,
        stats=result.stats,
        timings=result.timings,
        min_level=min_level,
        verbose=args.verbose,
        show_stats=args.stats or args.verbose,
        color=color,
        hidden_by_baseline=hidden,
        show_suppressed=args.show_suppressed,
        rules=[r for r in checker.ruleset.rules if r.enabled],
        problems=_fatal_errors(errors, explicit),
        lang=checker.options.lang,
    )
    buf = io.StringIO()
    writers[fmt](report, buf)
    text = unicode_safe(buf.getvalue())  # a non-UTF-8 byte in a file name must not break the output
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if fmt != "text" or args.output:
        _print_errors(errors, explicit=explicit, github=fmt == "github")
    if result.interrupted:
        return EXIT_INTERRUPTED  # the report holds what was finished before Ctrl-C
    if _fatal_errors(errors, explicit):
        return EXIT_ERROR
    active = [f for f in findings if f.suppressed is None]
    if any(level_at_least(f.level, fail_on) for f in active):
        return EXIT_FINDINGS
    return EXIT_OK


def _suppress(findings, documents, baseline_path, errors) -> int:
    """Mark findings silenced by inline directives and the baseline; the count hidden by it."""
    from checker.findings import suppress

    suppress.apply_inline(findings, {d.id: d for d in documents}, errors=errors)
    if not baseline_path:
        return 0
    from checker.findings import baseline as bl

    try:
        return bl.apply(findings, bl.load(baseline_path))
    except bl.BaselineError as exc:
        errors.append(exc.to_input_error())
        return 0


def _rules_checker(args, paths: list[str] | None = None):
    cfg = _load_config(args)
    if paths:
        args.rules = list(getattr(args, "rules", []) or []) + list(paths)
    return _make_checker(args, cfg), cfg


def cmd_rules_list(args) -> int:
    checker, cfg = _rules_checker(args)
    rules = sorted(checker.ruleset.rules, key=lambda r: r.id)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "extends": r.extends,
                        "level": r.level,
                        "enabled": r.enabled,
                        "description": r.description,
                        "path": r.path,
                        "line": r.line,
                    }
                    for r in rules
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        width = max((len(r.id) for r in rules), default=10)
        for r in rules:
            state = "" if r.enabled else " (disabled)"
            print(f"{r.id:<{width}}  {r.extends:<10} {r.level:<10} {r.description}{state}")
    errors = list(cfg.errors) + checker.errors
    _print_errors(errors)
    return EXIT_ERROR if _fatal_errors(errors, set()) else EXIT_OK


def cmd_rules_show(args) -> int:
    import yaml

    checker, cfg = _rules_checker(args)
    rule = checker.ruleset.get(args.rule_id)
    if rule is None:
        print(f"factcheck: error: no rule with id '{args.rule_id}'", file=sys.stderr)
        return EXIT_ERROR
    print(f"# {rule.location}")
    print(yaml.safe_dump(rule.body, allow_unicode=True, sort_keys=False).rstrip())
    return EXIT_OK


def cmd_rules_validate(args) -> int:
    from checker.plugins import default_host
    from checker.rules import load_rules

    if args.paths:
        host = default_host()
        ruleset = load_rules(args.paths, host.rule_types)
        errors = list(host.errors) + ruleset.errors
        count = len(ruleset.rules)
    else:
        checker, cfg = _rules_checker(args)
        errors = list(cfg.errors) + checker.errors
        count = len(checker.ruleset.rules)
    for e in errors:
        print(str(e))
    print(f"{count} valid rule{'s' if count != 1 else ''}, {len(errors)} problem{'s' if len(errors) != 1 else ''}")
    return EXIT_ERROR if errors else EXIT_OK


def cmd_rules_test(args) -> int:
    from checker.run.ruletest import run_rule_tests

    checker, cfg = _rules_checker(args, args.paths)
    _check_rule_ids(checker.ruleset, only_rules=args.only_rules)
    selected = None
    if args.paths:
        from checker.rules import iter_rule_files

        files = {p.resolve() for p in iter_rule_files(args.paths)}
        selected = {r.id for r in checker.ruleset.rules if r.path and Path(r.path).resolve() in files}
    if args.only_rules:
        selected = set(args.only_rules) if selected is None else selected & set(args.only_rules)
    outcomes = run_rule_tests(checker, selected)
    failed = 0
    for o in outcomes:
        mark = "ok  " if o.passed else "FAIL"
        if not o.passed:
            failed += 1
        print(f"{mark} {o.rule_id} {o.expectation} #{o.index + 1}: {o.detail}")
    errors = list(cfg.errors) + checker.errors
    _print_errors(errors)
    print(f"{len(outcomes) - failed} passed, {failed} failed")
    if failed:
        return EXIT_FINDINGS
    return EXIT_ERROR if _fatal_errors(errors, set()) else EXIT_OK


def cmd_plugins(args) -> int:
    from checker.plugins import default_host

    host = default_host()
    listing = host.listing()
    if not args.all:
        listing = [p for p in listing if "error" not in p]
    print(json.dumps(listing, ensure_ascii=False, indent=2))
    _print_errors(host.errors)
    return EXIT_ERROR if host.errors else EXIT_OK


def cmd_config_show(args) -> int:
    import yaml

    cfg = _load_config(args)
    print(f"# source: {cfg.source or '(defaults: no configuration file found)'}")
    defaults = {
        "fail_on": "error",
        "min_level": "suggestion",
        "format": "text",
        "device": "cpu",
        "cache": True,
        "builtin_rules": True,
        "jobs": 0,
    }
    merged = {**defaults, **cfg.values}
    print(yaml.safe_dump(merged, allow_unicode=True, sort_keys=True).rstrip())
    _print_errors(cfg.errors)
    return EXIT_ERROR if cfg.errors else EXIT_OK


def cmd_baseline(args) -> int:
    from checker.findings import baseline as bl
    from checker.findings import suppress

    cfg = _load_config(args)
    path = args.baseline or cfg.get("baseline") or ".factcheck-baseline.json"
    only = args.only_rules if args.only_rules is not None else cfg.get("only_rules")
    checker = _make_checker(args, cfg, only_rules=only)
    _check_rule_ids(checker.ruleset, only_rules=args.only_rules, disable=args.disable)
    result = checker.check_paths(
        args.paths,
        against=args.against or cfg.get("against") or [],
        include=args.include or cfg.get("include", []),
        exclude=args.exclude or cfg.get("exclude", []),
    )
    docs = {d.id: d for d in result.documents}
    errors = list(cfg.errors) + list(result.errors)
    suppress.apply_inline(result.findings, docs, errors=errors)
    min_level = args.min_level or os.environ.get("FACTCHECK_MIN_LEVEL") or cfg.get("min_level", "suggestion")
    if min_level not in LEVELS:
        raise UsageError(f"invalid level (min-level={min_level!r})")
    active = [f for f in result.findings if f.suppressed is None and level_at_least(f.level, min_level)]
    try:
        if args.baseline_action == "create":
            summary = bl.create(path, active)
        else:
            summary = bl.update(path, active, documents=list(docs))
    except bl.BaselineError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    counts = ", ".join(f"{v} {k}" for k, v in summary.items()) if isinstance(summary, dict) else str(summary)
    print(f"{path}: {counts}")
    _print_errors(errors)
    return EXIT_ERROR if _fatal_errors(errors, set()) else EXIT_OK


def cmd_serve(args) -> int:
    try:
        from checker.serve.app import is_loopback, serve
        from checker.serve.corpus import DraftError, WarmCorpus
    except ImportError as exc:
        raise UsageError(
            f"factcheck serve needs Starlette and uvicorn: pip install 'factcheck[serve]' ({exc})"
        ) from None
    token = args.token or os.environ.get("FACTCHECK_SERVE_TOKEN") or None
    if not is_loopback(args.host) and not token:
        raise UsageError(
            f"--host {args.host} is reachable from other machines: give --token (or FACTCHECK_SERVE_TOKEN)"
        )
    if args.max_body < 1:
        raise UsageError("--max-body must be a positive number of bytes")
    cfg = _load_config(args)
    min_level = args.min_level or os.environ.get("FACTCHECK_MIN_LEVEL") or cfg.get("min_level", "suggestion")
    if min_level not in LEVELS:
        raise UsageError(f"invalid level (min-level={min_level!r})")
    only = args.only_rules if args.only_rules is not None else cfg.get("only_rules")
    checker = _make_checker(args, cfg, only_rules=only)
    try:
        corpus = WarmCorpus(
            checker,
            args.corpus,
            min_level=min_level,
            baseline=args.baseline or cfg.get("baseline"),
            include=args.include or cfg.get("include", []),
            exclude=args.exclude or cfg.get("exclude", []),
            config_errors=cfg.errors,
        )
    except DraftError as exc:
        raise UsageError(exc.message) from None
    _print_errors(list(cfg.errors) + checker.errors + corpus.errors)
    return serve(corpus, host=args.host, port=args.port, token=token, max_body=args.max_body, watch=args.watch)


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("FACTCHECK_LOG", "WARNING").upper(), format="factcheck: %(levelname)s: %(message)s"
    )
    host = None
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw and raw[0] not in {"check", "rules", "plugins", "config", "baseline", "serve", "-h", "--help", "--version"}:
        from checker.plugins import default_host

        host = default_host()  # plugin sub-commands
    parser = build_parser(host)
    try:
        args = parser.parse_args(raw)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_ERROR
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # e.g. -o into a place that cannot be written
        from checker.report.escape import printable

        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(printable(f"factcheck: error: {where}{exc.strerror or exc}"), file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a bug: never exit 1 ("findings") or show a traceback
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    """Write the traceback to a file in the temp directory; one line on stderr says where; exit 3."""
    import tempfile
    import traceback

    from checker.report.escape import printable

    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        fd, where = tempfile.mkstemp(prefix="factcheck-crash-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"factcheck {__version__}\nargv: {sys.argv!r}\n\n{detail}")
        hint = f"full traceback in {where}"
    except OSError:
        hint = "the traceback could not be written to the temp directory"
    summary = printable(f"{type(exc).__name__}: {exc}")[:300]
    print(f"factcheck: internal error: {summary} ({hint}; please report it)", file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
