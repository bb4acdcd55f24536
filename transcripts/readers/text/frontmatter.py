"""YAML front matter (`---` ... `---` at the top of a file) into document metadata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ... import safeyaml
from ..common import MAX_NODES, jsonable
from .lines import strip_ending

_MAX_LINES = 500  # a front matter longer than this is not front matter


def find_front_matter(lines: Sequence[str]) -> tuple[int, dict[str, Any]] | None:
    """The number of lines the front matter spans and its metadata, if the text opens with one.

    An opening `---` whose body is not a YAML mapping is left as text.
    """
    if not lines or strip_ending(lines[0]).rstrip() != "---":
        return None
    for index in range(1, min(len(lines), _MAX_LINES)):
        if strip_ending(lines[index]).rstrip() in ("---", "..."):
            body = "".join(lines[1:index])
            metadata = _load(body)
            if metadata is None:
                return None
            return index + 1, metadata
    return None


def _load(body: str) -> dict[str, Any] | None:
    import yaml

    try:
        data = safeyaml.load(body)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    budget = [MAX_NODES]
    return {str(key): jsonable(value, budget) for key, value in data.items()}


def declared_speakers(metadata: dict[str, Any]) -> list[str]:
    """The `speakers:` list of the front matter, as names."""
    speakers = metadata.get("speakers")
    if isinstance(speakers, str):
        speakers = [speakers]
    if not isinstance(speakers, list):
        return []
    return [str(name).strip() for name in speakers if str(name).strip()]


def tags_list(value: Any) -> list[str]:
    """A `tags:` value as a list of strings ("a, b" and ["a", "b"] alike)."""
    if isinstance(value, str):
        return [tag.strip() for tag in value.split(",") if tag.strip()]
    if isinstance(value, list):
        return [str(tag) for tag in value]
    return []
