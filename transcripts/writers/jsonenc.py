"""JSON encoding shared by the json and jsonl writers: compact items, no ASCII escaping."""

from __future__ import annotations

import json
from typing import Any

_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode
_dense = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode


def compact(value: Any) -> str:
    """One-line JSON with a space after separators, for human-facing output."""
    return _compact(value)


def dense(value: Any) -> str:
    """One-line JSON without spaces, for machine-facing streams (JSON Lines)."""
    return _dense(value)


def pretty(value: Any, indent: int = 2) -> str:
    """Indented JSON for small nested values (metadata)."""
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
