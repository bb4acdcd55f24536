"""Project configuration: `.transcripts.yaml` or `[tool.transcripts]` in `pyproject.toml`.

Found by walking up from the first input (like ruff), or given with `--config`. The
result is a plain dict: top-level settings (`speakers`) apply to every command, and a
table per command (`lint`, `stats`, ...) holds that command's settings. Commands feed it
to click's `default_map`, so a flag on the command line always wins.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from . import safeyaml
from .errors import TranscriptError

YAML_NAMES = (".transcripts.yaml", ".transcripts.yml")
PYPROJECT = "pyproject.toml"


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest config file at or above `start` (a file or directory; default: cwd)."""
    here = Path(start or os.getcwd()).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in YAML_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _pyproject_section(candidate) is not None:
            return candidate
    return None


def load_config(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The settings in a config file, checked to be a mapping."""
    path = Path(path)
    if path.name == PYPROJECT:
        section = _pyproject_section(path)
        return dict(section or {})
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        data = safeyaml.load(text)
    except OSError as error:
        raise TranscriptError(f"cannot read config: {error.strerror or error}", str(path)) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        message = " ".join(str(error).split())
        raise TranscriptError(f"invalid config: {message}", str(path)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TranscriptError("invalid config: expected a mapping of settings", str(path))
    return data


# The ways TOML can spell the key path tool.transcripts: a dotted header or key
# ("[tool.transcripts]", "[[tool.transcripts]]", 'tool."transcripts".lint = ...'), a key
# under a [tool] table ("transcripts.lint = ..."), or an inline table ("tool = {...}").
_DOTTED = re.compile(rb"""tool["']?\s*\.\s*["']?transcripts\b""")
_TOOL_TABLE = re.compile(rb"""^\s*\[\s*["']?tool["']?\s*\]""", re.M)
_KEY = re.compile(rb"""^\s*["']?transcripts["']?\s*[.=]""", re.M)
_INLINE = re.compile(rb"""(?:^|[\s.])["']?tool["']?\s*=\s*\{""", re.M)


def _may_hold_our_table(raw: bytes) -> bool:
    """Might this pyproject.toml's text hold a [tool.transcripts] table? (False only when
    no spelling of that key path is in it.)"""
    if b"transcripts" not in raw:
        return False
    return bool(
        _DOTTED.search(raw) or (_TOOL_TABLE.search(raw) and _KEY.search(raw)) or _INLINE.search(raw)
    )


def _pyproject_section(path: Path) -> dict[str, Any] | None:
    """The `[tool.transcripts]` table of a pyproject.toml, or None when it has none. A
    file that cannot hold one (see `_may_hold_our_table`) is not parsed: most projects'
    own pyproject.toml, found on the walk up, costs one read instead of a TOML parser."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not _may_hold_our_table(raw):
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise TranscriptError(f"invalid TOML: {error}", str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise TranscriptError(f"invalid TOML: {error}", str(path)) from None
    section = data.get("tool", {}).get("transcripts")
    return section if isinstance(section, dict) else None


#: Top-level settings whose value is a mapping (not a command's table).
MAPPING_SETTINGS = frozenset({"speaker-map"})


def _setting(key: str, value: Any) -> Any:
    """A mapping setting as the `LABEL=NAME` items its option takes."""
    if key in MAPPING_SETTINGS and isinstance(value, dict):
        return [f"{label}={name}" for label, name in value.items()]
    return value


def settings_for(config: dict[str, Any], command: str) -> dict[str, Any]:
    """The settings a command sees: shared top-level ones, then its own table."""
    shared = {
        key: _setting(key, value)
        for key, value in config.items()
        if not isinstance(value, dict) or key in MAPPING_SETTINGS
    }
    own = config.get(command)
    if own is not None and not isinstance(own, dict):
        raise TranscriptError(f"config: '{command}' must be a table of settings")
    return {**shared, **(own or {})}
