"""Project configuration: `.transcripts.yaml` or `[tool.transcripts]` in `pyproject.toml`.

One path for every command. The file is found by walking up from the first input (or
given with `--config`), read, and checked against `SETTINGS`: the settings a file may
hold, under the names users type (`to`, `per-file`, `speaker-map`), each with its type.
Top-level settings (`speakers`, `exclude`, ...) apply to every command that has them;
a table per command (`lint`, `stats`, ...) holds that command's. An unknown key or a
value of the wrong type is an error naming the file, the key and what is allowed.

A configuration cannot redirect or destroy. Only settings meant for a file are read
from one: never `output`, never an input. Discovery stops at the project or repository
root (a folder holding `pyproject.toml` or `.git`, as ruff stops at `pyproject.toml`),
and never reads a file from a folder that another user owns or that everyone may write
to (the system's temporary folder included): such a file could have been put there by
anyone. `--config FILE` names the file to use instead.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from . import safeyaml
from .compiled import kept
from .errors import TranscriptError
from .io import special_file

YAML_NAMES = (".transcripts.yaml", ".transcripts.yml")
PYPROJECT = "pyproject.toml"
#: What marks the root of a project or a repository: discovery goes no higher.
ROOT_MARKERS = (PYPROJECT, ".git", ".hg")


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest config file at or above `start` (a file or directory; default: cwd),
    up to the project or repository root, in folders the user controls; None if none."""
    here = Path(start or os.getcwd()).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        if not trusted(directory):
            return None  # anyone could have put a file here, or above
        for name in YAML_NAMES:
            candidate = directory / name
            if candidate.is_file() and trusted(candidate):
                return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and trusted(candidate) and _pyproject_section(candidate) is not None:
            return candidate
        if any((directory / marker).exists() for marker in ROOT_MARKERS):
            return None
    return None


def trusted(path: Path) -> bool:
    """May a setting be read from `path` (a folder or a file found by discovery)? Not
    when it is writable by everyone (sticky or not) or owned by a user other than this
    one or root. (On systems without user ids, every path is.)"""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return True
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_mode & stat.S_IWOTH:
        return False
    return info.st_uid in (os.getuid(), 0)


def load_config(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The settings in a config file, checked to be a mapping (not yet against `SETTINGS`;
    `check_config` does that)."""
    path = Path(path)
    _refuse_special(path)
    if path.name == PYPROJECT:
        section = _pyproject_section(path)
        return dict(section or {})
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        data = safeyaml.load(text, unique_keys=True)
    except OSError as error:
        raise TranscriptError(f"cannot read config: {error.strerror or error}", str(path)) from None
    except safeyaml.DuplicateKey as error:
        raise TranscriptError(
            f"invalid config: line {error.line}: the key {error.key!r} is given twice; "
            "give each setting once",
            str(path),
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        message = " ".join(str(error).split())
        raise TranscriptError(f"invalid config: {message}", str(path)) from None
    except RecursionError:
        raise TranscriptError("invalid config: nested too deeply", str(path)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TranscriptError("invalid config: expected a mapping of settings", str(path))
    return data


def _refuse_special(path: Path) -> None:
    """An error unless `path` is a regular file (or a link to one) or /dev/null (no
    settings, as `--config /dev/null` means elsewhere): read as a config, /dev/zero would
    be read until memory ran out, and a named pipe would wait for a writer for ever."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise TranscriptError(f"cannot read config: {error.strerror or error}", str(path)) from None
    if not stat.S_ISREG(mode) and not (stat.S_ISCHR(mode) and _is_devnull(path)):
        kind = special_file(mode) or ("a directory" if stat.S_ISDIR(mode) else "no file")
        raise TranscriptError(f"cannot read config: it is {kind}, not a regular file", str(path))


def _is_devnull(path: Path) -> bool:
    try:
        return os.path.samefile(path, os.devnull)
    except OSError:
        return False


# The ways TOML can spell the key path tool.transcripts: a dotted header or key
# ("[tool.transcripts]", "[[tool.transcripts]]", 'tool."transcripts".lint = ...'), a key
# under a [tool] table ("transcripts.lint = ..."), or an inline table ("tool = {...}").
_DOTTED = kept(rb"""tool["']?\s*\.\s*["']?transcripts\b""")
_TOOL_TABLE = kept(rb"""^\s*\[\s*["']?tool["']?\s*\]""", re.M)
_KEY = kept(rb"""^\s*["']?transcripts["']?\s*[.=]""", re.M)
_INLINE = kept(rb"""(?:^|[\s.])["']?tool["']?\s*=\s*\{""", re.M)


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
    tool = data.get("tool", {})
    section = tool.get("transcripts") if isinstance(tool, dict) else None
    return section if isinstance(section, dict) else None


# --- What a file may hold ----------------------------------------------------------------


class Setting(NamedTuple):
    """One setting a configuration file may hold: the name users type, the command-line
    parameter it gives a default to (None: the library reads it from the settings), what
    values it takes, and how to read one."""

    key: str
    param: str | None
    allowed: str
    read: Callable[[Any], Any]


def _strings(value: Any) -> list[str]:
    """A list of strings; a string is split at commas (`fields = "a,b"`)."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise ValueError


def _names(value: Any) -> list[str]:
    """A list of names (speakers): a string is one name, commas and all."""
    if isinstance(value, str):
        return [value]
    return _strings(value)


def _string(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise ValueError


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError


def _positive(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    raise ValueError


def _table(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise ValueError


def _speaker_map(value: Any) -> list[str]:
    """`{label: name}` or a list of `LABEL=NAME`, as the items `--speaker-map` takes."""
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return [f"{label}={name}" for label, name in value.items()]
    items = _strings(value)
    if all("=" in item for item in items):
        return items
    raise ValueError


def _choice(*choices: str) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if isinstance(value, str) and value.lower() in choices:
            return value.lower()
        raise ValueError

    return read


def _format(readable: bool | None = None, writable: bool | None = None) -> Callable[[Any], str]:
    """A format name among those read (or written), checked when the file is read."""

    def read(value: Any) -> str:
        from .formats import names

        return _named_format(value, names(readable, writable))

    return read


def _format_choice(*choices: str) -> Callable[[Any], str]:
    """One of `choices`, a format also by the one extension only it has (`md`, `yml`), as
    the option it sets takes it."""

    def read(value: Any) -> str:
        return _named_format(value, choices)

    return read


def _named_format(value: Any, choices: Iterable[str]) -> str:
    from .formats import named_among

    named = named_among(value, choices) if isinstance(value, str) else None
    if named is None:
        raise ValueError
    return named


def _setting(key: str, param: str | None, allowed: str, read: Callable[[Any], Any]) -> Setting:
    return Setting(key, param, allowed, read)


_LIST = "a list of strings (or one comma-separated string)"
_FORMATS_READ = "a format name (`transcripts formats` lists them)"

#: Settings at the top level of the file; each command takes those it has options for.
SHARED: dict[str, Setting] = {
    s.key: s
    for s in (
        _setting("speakers", "speakers", "a list of names", _names),
        _setting("speaker-map", "speaker_map", "a table of label: name", _speaker_map),
        _setting("encoding", "encoding", "an encoding name such as cp1252", _string),
        _setting("from", "from_format", _FORMATS_READ, _format(readable=True)),
        _setting("exclude", None, f"{_LIST} of globs (gitignore syntax)", _strings),
        _setting("extend-exclude", None, f"{_LIST} of globs (gitignore syntax)", _strings),
        _setting("respect-gitignore", "respect_gitignore", "true or false", _flag),
        _setting("force-exclude", "force_exclude", "true or false", _flag),
        _setting(
            "scheduler",
            "scheduler",
            "local, or a Dask scheduler's address (from --config FILE only)",
            _string,
        ),
    )
}

_JOBS = _setting("jobs", "jobs", "a whole number (0: one per core)", _count)

#: Each command's table. Command-line-only options (`output`, the inputs, `--fix`,
#: `--write-baseline`, `--diff`, ...) are deliberately absent: a file never decides
#: where output goes or that files are rewritten.
COMMANDS: dict[str, dict[str, Setting]] = {
    "parse": {
        s.key: s
        for s in (
            _setting(
                "to", "to_format", "json, jsonl or yaml", _format_choice("json", "jsonl", "yaml")
            ),
        )
    },
    "convert": {
        s.key: s
        for s in (
            _setting(
                "to",
                "to_format",
                "a format that is written (`transcripts formats`)",
                _format(writable=True),
            ),
            _setting("estimate-timing", "estimate_timing", "words per minute (>0)", _positive),
        )
    },
    "stats": {
        s.key: s
        for s in (
            _setting(
                "format",
                "format",
                "table, json, yaml, csv or markdown",
                _format_choice("table", "json", "yaml", "csv", "markdown"),
            ),
            _setting("per-file", "per_file", "true or false", _flag),
            _setting("sort", "sort", "a field name (--list-fields)", _string),
            _setting("reverse", "reverse", "true or false", _flag),
            _setting("fields", "fields", f"{_LIST} of field names", _strings),
            _setting("only", "only", "a list of speaker names", _names),
            _setting("totals", "totals", "true or false", _flag),
            _setting("tablefmt", "tablefmt", "a tabulate format name", _string),
            _JOBS,
        )
    },
    "lint": {
        s.key: s
        for s in (
            _setting(
                "format",
                None,
                "text, json, github or sarif",
                _choice("text", "json", "github", "sarif"),
            ),
            _setting("select", None, f"{_LIST} of rule codes, names or prefixes", _strings),
            _setting("extend-select", None, f"{_LIST} of rule selectors", _strings),
            _setting("ignore", None, f"{_LIST} of rule selectors", _strings),
            _setting("extend-ignore", None, f"{_LIST} of rule selectors", _strings),
            _setting(
                "severity", None, "error, warning or info", _choice("error", "warning", "info")
            ),
            _setting("rules", None, "a table of rule: off, a severity or options", _table),
            _setting("per-file-ignores", None, "a table of glob: rules", _table),
            _setting("exclude", None, f"{_LIST} of globs (gitignore syntax)", _strings),
            _setting("baseline", None, "the path of a baseline file", _string),
            _setting("exit-zero", "exit_zero", "true or false", _flag),
            _setting("statistics", "statistics", "true or false", _flag),
            _JOBS,
        )
    },
    "report": {
        s.key: s
        for s in (
            _setting("title", "title", "a string", _string),
            _setting("select", "select", f"{_LIST} of rule selectors", _strings),
            _setting("ignore", "ignore", f"{_LIST} of rule selectors", _strings),
        )
    },
}


#: Other spellings of the output format's setting, as of its option (`-t`, `--to`,
#: `--format`, `--output-format` are one option in every command).
_FORMAT_NAMES = ("to", "format", "output-format")


def _alias(key: str, known: Mapping[str, Setting]) -> str:
    if key in _FORMAT_NAMES:
        return next((name for name in _FORMAT_NAMES if name in known), key)
    return key


def check_config(config: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The file's settings, checked and read, keys in their canonical (kebab-case) form:
    an unknown key or a wrong type is an error naming `where` (the file), the key and
    what is allowed."""
    checked: dict[str, Any] = {}
    for raw_key, value in config.items():
        key = _canonical(raw_key)
        if key in COMMANDS:
            if not isinstance(value, Mapping):
                raise TranscriptError(f"{key}: expected a table of {key} settings", where)
            known = {**SHARED, **COMMANDS[key]}
            checked[key] = {
                _alias(_canonical(k), known): _read(known, k, v, f"{key}.", where)
                for k, v in value.items()
            }
        else:
            checked[key] = _read(SHARED, raw_key, value, "", where, tables=COMMANDS)
    return checked


def _canonical(key: Any) -> str:
    return str(key).replace("_", "-")


def _read(
    known: Mapping[str, Setting],
    raw_key: Any,
    value: Any,
    prefix: str,
    where: str,
    tables: Iterable[str] = (),
) -> Any:
    """One setting's value, read; an unknown key or a wrong type is an error."""
    key = _alias(_canonical(raw_key), known)
    setting = known.get(key)
    if setting is None:
        import difflib

        names = sorted([*known, *tables])
        close = difflib.get_close_matches(key, names, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        table = f"the {prefix.rstrip('.')} table's" if prefix else "top-level"
        raise TranscriptError(
            f"{prefix}{raw_key}: unknown setting; {hint}{table} settings are {', '.join(names)}",
            where,
        )
    try:
        return setting.read(value)
    except ValueError:
        raise TranscriptError(
            f"{prefix}{raw_key}: expected {setting.allowed}, found {_shown(value)}", where
        ) from None


def _shown(value: Any) -> str:
    """A value from a file as an error message shows it: escaped (repr) and short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def settings_for(config: Mapping[str, Any], command: str) -> dict[str, Any]:
    """The settings a command sees, from a checked configuration (`check_config`): the
    shared top-level ones, then its own table (which wins)."""
    shared = {key: value for key, value in config.items() if key not in COMMANDS}
    own = config.get(command) or {}
    return {**shared, **own}


def defaults_for(
    command: str, settings: Mapping[str, Any], params: Iterable[str]
) -> dict[str, Any]:
    """Click defaults (`default_map`) from a command's settings: only the settings that
    give a command-line parameter its default, and only for parameters it has."""
    known = {**SHARED, **COMMANDS.get(command, {})}
    names = set(params)
    defaults = {}
    for key, value in settings.items():
        setting = known.get(key)
        if setting is not None and setting.param in names:
            defaults[setting.param] = value
    return defaults


class Configuration(NamedTuple):
    """A command's checked settings, the file they came from (None: no file), and the
    setting of the file that gave each command-line parameter its default, as the file
    names it (`stats.sort`, `encoding`), for an error about that value."""

    settings: dict[str, Any]
    path: str | None
    sources: dict[str, str]


def configuration(
    command: str, given: str | os.PathLike[str] | None, inputs: Iterable[str] = ()
) -> Configuration:
    """A command's configuration: from `given` (`--config`), else the file discovered
    from the first input that is a path (else the current folder); empty when there is
    none."""
    if given is not None:
        path: Path | None = Path(given)
    else:
        first = next((item for item in inputs if item != "-"), None)
        path = find_config(first)
    if path is None:
        return Configuration({}, None, {})
    config = check_config(load_config(path), str(path))
    return Configuration(settings_for(config, command), str(path), _sources(config, command))


def _sources(config: Mapping[str, Any], command: str) -> dict[str, str]:
    """Parameter -> the setting that gives it its default, named as in the file: the
    command's table wins over the top level, as in `settings_for`."""
    known = {**SHARED, **COMMANDS.get(command, {})}
    sources = {}
    own = config.get(command) or {}
    for key, name in [
        *((k, k) for k in config if k not in COMMANDS),
        *((k, f"{command}.{k}") for k in own),
    ]:
        setting = known.get(key)
        if setting is not None and setting.param is not None:
            sources[setting.param] = name
    return sources
