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


def _walk(node: yaml.Node, path: Path_, pos: dict, keypos: dict) -> None:
    pos[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        for knode, vnode in node.value:
            key = knode.value if isinstance(knode, yaml.ScalarNode) else str(knode.value)
            keypos[path + (key,)] = _mark(knode)
            _walk(vnode, path + (key,), pos, keypos)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _walk(child, path + (i,), pos, keypos)


def load_all(text: str) -> list[YamlDoc]:
    """Parse every YAML document in ``text`` with the safe loader.

    Raises ``YamlError`` with the line and column of a syntax error.
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
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
        loader = yaml.SafeLoader("")
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise YamlError(f"invalid YAML: {exc.problem}", mark.line + 1 if mark else None,
                            mark.column + 1 if mark else None) from None
        pos: dict = {}
        keypos: dict = {}
        _walk(node, (), pos, keypos)
        docs.append(YamlDoc(data=data, positions=pos, key_positions=keypos, line=node.start_mark.line + 1))
    return docs
