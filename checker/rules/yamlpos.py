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


_EXTRA_BREAKS = ("\x85", "\u2028", "\u2029")


def _pos(mark, text: str | None = None) -> tuple[int, int]:
    """1-based (line, column) of a PyYAML mark, counting lines by "\n" as editors do.

    YAML also breaks lines at U+0085/U+2028/U+2029; ``text`` given, the position is
    recomputed from the character index so that it matches the file's "\n" lines.
    """
    if text is not None and any(b in text for b in _EXTRA_BREAKS) and 0 <= mark.index <= len(text):
        i = mark.index
        return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1
    return mark.line + 1, mark.column + 1


def _mark(node: yaml.Node, text: str | None = None) -> tuple[int, int]:
    return _pos(node.start_mark, text)


MAX_NODES = 200_000  # aliases can make a small file expand enormously ("billion laughs")


def _walk(
    node: yaml.Node, path: Path_, pos: dict, keypos: dict, open_: set | None = None, text: str | None = None
) -> None:
    """Record positions; refuse recursive aliases (``&a [*a]``) and runaway alias expansion."""
    open_ = set() if open_ is None else open_
    if id(node) in open_:
        line, col = _mark(node, text)
        raise YamlError("invalid YAML: recursive alias (a node that contains itself)", line, col)
    if len(pos) >= MAX_NODES:
        raise YamlError(f"invalid YAML: more than {MAX_NODES} values once aliases are expanded", *_mark(node, text))
    pos[path] = _mark(node, text)
    if isinstance(node, yaml.MappingNode):
        open_.add(id(node))
        for knode, vnode in node.value:
            key = knode.value if isinstance(knode, yaml.ScalarNode) else str(knode.value)
            keypos[path + (key,)] = _mark(knode, text)
            _walk(vnode, path + (key,), pos, keypos, open_, text)
        open_.discard(id(node))
    elif isinstance(node, yaml.SequenceNode):
        open_.add(id(node))
        for i, child in enumerate(node.value):
            _walk(child, path + (i,), pos, keypos, open_, text)
        open_.discard(id(node))


class _Constructor(yaml.SafeLoader):
    """Safe constructor whose value errors (``!!int abc``, a 13th month) carry the node's position."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
            # PyYAML's own constructors fail this way on bad tagged scalars ("!!timestamp ''")
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"cannot read the {node.tag.rsplit(':', 1)[-1]} value {str(node.value)[:40]!r}: {exc}",
                node.start_mark,
            ) from None


def _compose_all(text: str) -> list:
    """The node trees of ``text``: by libyaml when PyYAML has it (15x faster), else in Python.

    Only well-formed text is read by libyaml: on any error, and for text with the extra
    YAML line breaks (where positions are recomputed from the index), the pure-Python
    parser reads it again, so messages and positions are the same with or without libyaml.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and not any(b in text for b in _EXTRA_BREAKS):
        try:
            return list(yaml.compose_all(text, Loader=fast))
        except (yaml.YAMLError, RecursionError):
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def load_all(text: str) -> list[YamlDoc]:
    """Parse every YAML document in ``text`` with the safe loader.

    Raises ``YamlError`` with the line and column of a syntax error.
    """
    try:
        nodes = _compose_all(text)
    except RecursionError:
        raise YamlError("invalid YAML: nesting too deep", None, None) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark, text) if mark else (None, None)
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
            _walk(node, (), pos, keypos, text=text)
        except RecursionError:
            raise YamlError("invalid YAML: nesting too deep", *_mark(node, text)) from None
        loader = _Constructor("")
        try:
            data = loader.construct_document(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            line, col = _pos(mark, text) if mark else (None, None)
            raise YamlError(f"invalid YAML: {exc.problem}", line, col) from None
        except RecursionError:
            raise YamlError("invalid YAML: nesting too deep", *_mark(node, text)) from None
        docs.append(YamlDoc(data=data, positions=pos, key_positions=keypos, line=_mark(node, text)[0]))
    return docs
