"""PyYAML, used one way everywhere: safe loading and dumping only, LibYAML's C classes
when they are installed (several times faster), imported only when YAML is used."""

from __future__ import annotations

from typing import Any


def load(text: str) -> Any:
    """Parse one YAML document with the safe loader (never constructs Python objects);
    raises `yaml.YAMLError` on bad YAML."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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
