"""Safe YAML loading that remembers where every key and value came from."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path_ = tuple  # a path of mapping keys / sequence indexes


@dataclass
class YamlDoc:
    data: Any
    positions: dict[Path_, tuple[int, int]]  # path -> 1-based (line, column) of the value
    key_positions: dict[Path_, tuple[int, int]]  # path -> position of the key itself
    line: int  # where the document starts

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Best position for ``path``: itself, else the nearest parent."""
        table = self.key_positions if key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (self.line, 1))


class YamlError(Exception):
    def __init__(self, message: str, line: int | None, column: int | None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


MAX_NODES = 200_000  # aliases can make a small file expand enormously ("billion laughs")


def _walk(node: yaml.Node, path: Path_, pos: dict, keypos: dict, open_: set | None = None) -> None:
    """Record positions; refuse recursive aliases (``&a [*a]``) and runaway alias expansion."""
    open_ = set() if open_ is None else open_
    if id(node) in open_:
        line, col = _mark(node)
        raise YamlError("invalid YAML: recursive alias (a node that contains itself)", line, col)
    if len(pos) >= MAX_NODES:
        raise YamlError(f"invalid YAML: more than {MAX_NODES} values once aliases are expanded", *_mark(node))
    pos[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        open_.add(id(node))
        for knode, vnode in node.value:
            key = knode.value if isinstance(knode, yaml.ScalarNode) else str(knode.value)
            keypos[path + (key,)] = _mark(knode)
            _walk(vnode, path + (key,), pos, keypos, open_)
        open_.discard(id(node))
    elif isinstance(node, yaml.SequenceNode):
        open_.add(id(node))
        for i, child in enumerate(node.value):
            _walk(child, path + (i,), pos, keypos, open_)
        open_.discard(id(node))


class _Constructor(yaml.SafeLoader):
    """Safe constructor whose value errors (``!!int abc``, a 13th month) carry the node's position."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the {node.tag.rsplit(':', 1)[-1]} value {str(node.value)[:40]!r}: {exc}",
                node.start_mark) from None


def load_all(text: str) -> list[YamlDoc]:
    """Parse every YAML document in ``text`` with the safe loader.

    Raises ``YamlError`` with the line and column of a syntax error.
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except RecursionError:
        raise YamlError("invalid YAML: nesting too deep", None, None) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        if exc.context:
            problem = f"{exc.context}, {problem}"
        raise YamlError(f"invalid YAML: {problem}", line, col) from None
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise YamlError(f"invalid YAML: {exc}", None, None) from None
    docs = []
    for node in nodes:
        if node is None:
            continue
        pos: dict = {}
        keypos: dict = {}
        try:
            _walk(node, (), pos, keypos)
        except RecursionError:
            raise YamlError("invalid YAML: nesting too deep", *_mark(node)) from None
        loader = _Constructor("")
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise YamlError(f"invalid YAML: {exc.problem}", mark.line + 1 if mark else None,
                            mark.column + 1 if mark else None) from None
        except RecursionError:
            raise YamlError("invalid YAML: nesting too deep", *_mark(node)) from None
        docs.append(YamlDoc(data=data, positions=pos, key_positions=keypos, line=node.start_mark.line + 1))
    return docs
