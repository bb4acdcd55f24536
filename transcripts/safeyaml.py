"""PyYAML, used one way everywhere: safe loading and dumping only, LibYAML's C classes
when they are installed (several times faster), imported only when YAML is used."""

from __future__ import annotations

from typing import Any

#: How much larger than its text a YAML document may grow through aliases (counting
#: each node once per reference and each character of a scalar): enough for aliases
#: used as YAML means them, far too little for a "billion laughs" or a megabyte of text
#: aliased a hundred thousand times.
EXPANSION = 4
EXPANSION_SLACK = 1 << 20


def load(text: str) -> Any:
    """Parse one YAML document with the safe loader (never constructs Python objects);
    raises `yaml.YAMLError` on bad YAML, also on a value the loader cannot make (a date
    that does not exist, an integer of too many digits), and on aliases that would
    expand the document beyond `EXPANSION` times its text or refer to themselves."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:  # no alias without one
            check_expansion(node, EXPANSION * len(text) + EXPANSION_SLACK)
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


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


def dumper() -> Any:
    """The safe dumper class, the C one when available."""
    import yaml

    return getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any, **options: Any) -> str:
    """`data` as YAML, keys in their order, Unicode as it is."""
    import yaml

    return yaml.dump(data, Dumper=dumper(), sort_keys=False, allow_unicode=True, **options)


def uses_libyaml() -> bool:
    """Are LibYAML's C loader and dumper in use?"""
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))
