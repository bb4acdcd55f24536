"""PyYAML, used one way everywhere: safe loading and dumping only, LibYAML's C classes
when they are installed (several times faster), imported only when YAML is used.

Loading follows YAML 1.2's core schema, not PyYAML's YAML 1.1 rules: only `true` and
`false` are booleans, numbers are decimal, `0o` octal or `0x` hexadecimal, and
everything else is text. So front matter keeps what was written: `country: NO` is the
string "NO" (YAML 1.1 made it false), `duration: 1:02:03` is "1:02:03" (not 3723
seconds), `date: 2024-05-01` is "2024-05-01" (not a date object), `on: x` has the key
"on".
"""

from __future__ import annotations

import functools
import re
from typing import Any, ClassVar

# The core schema's implicit types (https://yaml.org/spec/1.2.2/#1023-core-schema).
_CORE_TAGS: tuple[tuple[str, str, str], ...] = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
)


@functools.cache
def _core_loader() -> Any:
    """The safe loader (the C one when available) with the core schema's resolvers and
    constructors for its integers (`0o17`, `0x1F`) and floats (`1e3`)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class CoreLoader(base):  # type: ignore[misc, valid-type]
        yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}

        def construct_yaml_int(self, node: Any) -> int:
            value = str(self.construct_scalar(node))
            if value.startswith(("0o", "0x")):
                return int(value[2:], 8 if value[1] == "o" else 16)
            return int(value)

        def construct_yaml_float(self, node: Any) -> float:
            value = str(self.construct_scalar(node)).lower()
            if value.lstrip("+-") == ".inf":
                return float("-inf") if value.startswith("-") else float("inf")
            if value == ".nan":
                return float("nan")
            return float(value)

    for tag, pattern, first in _CORE_TAGS:
        # "\0" stands for the empty scalar, which PyYAML files under "".
        starts = [char.replace("\0", "") for char in first]
        CoreLoader.add_implicit_resolver(tag, re.compile(pattern), starts)
    CoreLoader.add_constructor("tag:yaml.org,2002:int", CoreLoader.construct_yaml_int)
    CoreLoader.add_constructor("tag:yaml.org,2002:float", CoreLoader.construct_yaml_float)
    return CoreLoader


#: How much larger than its text a YAML document may grow through aliases (counting
#: each node once per reference and each character of a scalar): enough for aliases
#: used as YAML means them, far too little for a "billion laughs" or a megabyte of text
#: aliased a hundred thousand times.
EXPANSION = 4
EXPANSION_SLACK = 1 << 20


class DuplicateKey(ValueError):
    """A mapping that gives one key twice (`line`: 1-based), which `load(unique_keys=True)`
    refuses: PyYAML keeps the last value without a word (yamllint's `key-duplicates`)."""

    def __init__(self, key: str, line: int) -> None:
        super().__init__(f"line {line}: duplicate key {key!r}")
        self.key = key
        self.line = line


def load(text: str, unique_keys: bool = False) -> Any:
    """Parse one YAML document with the safe loader under YAML 1.2's core schema (never
    constructs Python objects); raises `yaml.YAMLError` on bad YAML, also on a value the
    loader cannot make (an integer of too many digits), and on aliases that would expand
    the document beyond `EXPANSION` times its text or refer to themselves. With
    `unique_keys` (a configuration file, where the second of two settings would win
    unseen), a key given twice in a mapping is a `DuplicateKey`."""
    import yaml

    loader = _core_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:  # no alias without one
            check_expansion(node, EXPANSION * len(text) + EXPANSION_SLACK)
        if unique_keys:
            check_unique_keys(node)
        try:
            return loader.construct_document(node)
        except (ValueError, OverflowError, TypeError) as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read a value: {error}", None
            ) from None
    finally:
        loader.dispose()


def check_expansion(root: Any, budget: int) -> None:
    """Refuse a node graph whose expansion (each node counted once per path to it, each
    scalar by its length) exceeds `budget`, or that contains itself. Computed once per
    node (the sizes of shared nodes are remembered), so the check is linear in the text."""
    import yaml

    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1 + len(node.value)
            continue
        children = _children(node)
        if done:
            on_path.discard(key)
            size = 1 + sum(sizes[id(child)] for child in children)
            if size > budget:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"too large or too deeply aliased to read (beyond {EXPANSION} times its size)",
                    node.start_mark,
                )
            sizes[key] = size
        elif key not in sizes:
            if key in on_path:
                raise yaml.composer.ComposerError(
                    None, None, "an alias refers to a node that contains it", node.start_mark
                )
            on_path.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)


def check_unique_keys(root: Any) -> None:
    """Raise `DuplicateKey` for the first mapping (in document order) that gives a
    scalar key twice; a merge key (`<<`) may repeat what it merges, as YAML means."""
    import yaml

    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes or isinstance(node, yaml.ScalarNode):
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if key.value in keys:
                        raise DuplicateKey(key.value, key.start_mark.line + 1)
                    keys.add(key.value)
        stack.extend(reversed(_children(node)))


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


def reads_as_other_than_text(text: str) -> bool:
    """Would `text`, written plain, load as something other than that string under the
    core schema (`1e3`, `0o17`, `null`)? PyYAML's dumper quotes only what YAML 1.1 reads
    otherwise; such strings must be quoted too."""
    return any(pattern.match(text) for pattern in _core_patterns())


@functools.cache
def _core_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for _, pattern, _ in _CORE_TAGS)


@functools.cache
def dumper() -> Any:
    """The safe dumper class (the C one when available), which quotes the strings that
    either YAML 1.1 or YAML 1.2's core schema would read as something else."""
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class CoreSafeDumper(base):  # type: ignore[misc, valid-type]
        def represent_str(self, data: str) -> Any:
            style = '"' if reads_as_other_than_text(data) else None
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    CoreSafeDumper.add_representer(str, CoreSafeDumper.represent_str)
    return CoreSafeDumper


def dump(data: Any, **options: Any) -> str:
    """`data` as YAML, keys in their order, Unicode as it is. Strings that YAML 1.1 would
    read as something else (`"NO"`, `"1:02:03"`) are quoted, so any reader reads them
    back as strings."""
    import yaml

    text: str = yaml.dump(data, Dumper=dumper(), sort_keys=False, allow_unicode=True, **options)
    return text


def uses_libyaml() -> bool:
    """Are LibYAML's C loader and dumper in use?"""
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))
