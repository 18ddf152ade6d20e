"""Reading the YAML files in prompts/, with errors that name the file and the key.

A prompt file may come from anyone (`--prompts DIR`), so reading it is bounded: a size limit,
UTF-8 only, a nesting limit, and a limit on what anchors and aliases may expand to (a
"billion laughs" file is refused instead of filling memory). Each file is parsed once per
process: Texts, Vocabulary and the listener share the parsed data, so callers must not
change it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 500_000
"""A prompt file larger than this is refused (the shipped en.yaml: 12 kB)."""
MAX_DEPTH = 32
"""Deepest nesting of lists and mappings (the shipped files use 4)."""
MAX_NODES = 20_000
"""Most values a file may hold, as written and once every alias is expanded (the shipped
en.yaml: 510). Checked while parsing, so a file of tiny values stops early."""


class PromptError(Exception):
    """An invalid prompt file; str() is one line naming the file and the key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path = path
        self.key = key


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans (only true/false: YAML 1.1 would read the answers
    yes/no as booleans) and a nesting limit checked before the composer recurses."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        self._nodes += 1
        try:
            if self._nodes > MAX_NODES:
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_NODES} values", self.peek_event().start_mark
                )
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"nested deeper than {MAX_DEPTH} levels",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

_parsed: dict[tuple[str, int, int], dict[str, Any]] = {}
"""(resolved path, size, mtime) -> parsed data: each file is parsed once per process."""


def load_yaml(path: Path) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; shared between callers, read-only."""
    raw, identity = _read_bounded(path)
    if identity in _parsed:
        return _parsed[identity]
    text = _decode(path, raw)
    try:
        data = _parse(path, text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark else text.count("\n", 0, getattr(err, "position", 0)) + 1
        where = f"line {line}"
        problem = getattr(err, "problem", None) or getattr(err, "reason", None) or err
        raise PromptError(path, where, f"not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise PromptError(path, "(top level)", "expected a mapping of keys")
    _parsed[identity] = data
    return data


def _parse(path: Path, text: str) -> Any:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        _check_expansion(path, root)
        return loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _read_bounded(path: Path) -> tuple[bytes, tuple[str, int, int]]:
    """The bytes of a regular file of at most MAX_FILE_BYTES, and what identifies this
    version of it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise PromptError(path, "(file)", "not a regular file")
            if info.st_size > MAX_FILE_BYTES:
                raise PromptError(path, "(file)", f"larger than {MAX_FILE_BYTES} bytes")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise PromptError(path, "(file)", f"cannot read: {err.strerror or err}") from None
    if len(raw) > MAX_FILE_BYTES:  # grew while being read
        raise PromptError(path, "(file)", f"larger than {MAX_FILE_BYTES} bytes")
    return raw, (str(path.resolve()), info.st_size, info.st_mtime_ns)


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise PromptError(path, f"line {line}", f"not UTF-8 text (byte 0x{raw[err.start]:02x} "
                          f"at offset {err.start}); save the file as UTF-8") from None  # fmt: skip


def _check_expansion(path: Path, root: yaml.Node | None) -> None:
    try:
        size = _expanded_size(root, {}) if root is not None else 0
    except ValueError as err:
        raise PromptError(path, "(file)", str(err)) from None
    if size > MAX_NODES:
        raise PromptError(path, "(file)", f"aliases expand to more than {MAX_NODES} values")


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values the node stands for with aliases expanded, counted without expanding
    them (an alias is the same node object, so each node is measured once)."""
    if id(node) in sizes:
        if sizes[id(node)] < 0:
            raise ValueError("an alias refers to a value that contains it")
        return sizes[id(node)]
    sizes[id(node)] = -1  # being measured
    if isinstance(node, yaml.SequenceNode):
        total = 1 + sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        total = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    else:
        total = 1
    sizes[id(node)] = min(total, MAX_NODES + 1)
    return sizes[id(node)]
