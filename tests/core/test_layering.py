"""The house rules of the code base, checked by walking the imports and definitions.

* no import circle in ``checker/`` or ``plugins/`` (imports inside functions count;
  those under ``if TYPE_CHECKING:`` do not, they never run);
* ``checker.text`` and ``checker.rules`` never import ``checker.run``; plugins never
  import ``checker.run`` (they import what plugin authors import);
* the top of ``checker/`` stays small, and no function grows past about 80 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("checker", "plugins")
MAX_FUNCTION_LINES = 80
MAX_TOP_MODULES = 15


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """Modules of ``known`` that the file imports (resolving relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    out: set[str] = set()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = name.split(".") if is_pkg else name.split(".")[:-1]
                pkg = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join(pkg + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def graph() -> dict[str, set[str]]:
    mods = sources()
    known = set(mods)
    return {name: imported(path, name, known) for name, path in mods.items()}


def _package_faces(g: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package's ``__init__`` importing its own submodules is its face, not a dependency
    edge back from them: keep edges from a submodule to its parent package out."""
    return {m: {t for t in deps if not m.startswith(t + ".")} for m, deps in g.items()}


def find_cycles(g: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_circle():
    assert find_cycles(_package_faces(graph())) == []


def test_cycle_finder_sees_a_circle():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize(
    "lower,forbidden",
    [
        ("checker.text", "checker.run"),
        ("checker.rules", "checker.run"),
        ("checker.findings", "checker.run"),
        ("plugins", "checker.run"),
        ("plugins", "checker.text.load"),
    ],
)
def test_layers(lower, forbidden):
    bad = {
        m: sorted(t for t in deps if t == forbidden or t.startswith(forbidden + "."))
        for m, deps in graph().items()
        if m == lower or m.startswith(lower + ".")
    }
    assert {m: v for m, v in bad.items() if v} == {}


def test_top_of_checker_stays_small():
    top = sorted(p.name for p in (ROOT / "checker").glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def long_functions(limit: int = MAX_FUNCTION_LINES) -> list[str]:
    out = []
    for path in sources().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    out.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    return sorted(out)


def test_no_function_over_80_lines():
    assert long_functions() == []
