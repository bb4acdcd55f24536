"""Lint settings: which rules run, how severe they are, their options, per-file ignores.

They come from the `lint` table of the project configuration (`.transcripts.yaml`, or
`[tool.transcripts.lint]` in `pyproject.toml`) and from the command line, which wins:

    lint:
      select: [TR1, duplicate-passage]   # codes, names or code prefixes; default: all
      ignore: [repeated-question]
      severity: warning                  # the failing severity (--severity)
      rules:                             # per rule (code or name): options and severity
        duplicate-passage: {min-words: 8, severity: error}
        invisible-character: off
      per-file-ignores:                  # glob (relative to the config file) -> rules
        "court/**/*.txt": [orphaned-passage]
      exclude: ["drafts/"]               # globs never linted (see `transcripts.inputs`)
      baseline: lint-baseline.json       # findings accepted for now (see `baseline`)
    speakers: [Interviewer, Lukashenko]  # declared speakers, shared with `parse`

On the command line `--select` replaces the file's `select` (as ruff's does), while
`--extend-select` and `--ignore` add to what the file says. Globs have gitignore's
semantics (`transcripts.globs`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from ..errors import TranscriptError
from ..globs import PathPatterns
from .finding import Severity
from .registry import Rule, all_rules, check_selectors, find_rule, resolve

# Nothing to change in place: the defaults of LintSettings' mappings.
_NO_SETTINGS: Mapping[str, Any] = MappingProxyType({})


class LintSettings(NamedTuple):
    """Everything that decides what the linter reports; `LintSettings()` is the default.

    (A NamedTuple, not a frozen dataclass: making a dataclass costs almost a millisecond
    at import, and every `transcripts lint` imports this.)"""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    options: Mapping[str, Mapping[str, Any]] = _NO_SETTINGS  # code -> options
    severities: Mapping[str, Severity | None] = _NO_SETTINGS  # None: off
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    root: str | None = None  # directory that relative patterns start from

    @classmethod
    def from_config(
        cls, config: Mapping[str, Any] | None, path: str | os.PathLike[str] | None = None
    ) -> LintSettings:
        """Settings from a config mapping (`config.settings_for(..., "lint")`); `path` is
        the file it came from, named in errors and the root of relative patterns."""
        config = {str(key).replace("_", "-"): value for key, value in (config or {}).items()}
        where = f"{path}: lint" if path else "lint settings"
        raw_select = config.get("select")
        select = None if raw_select is None else selectors(raw_select, f"{where}.select")
        extend = selectors(config.get("extend-select", ()), f"{where}.extend-select")
        if select is not None:  # with no `select`, every rule runs: nothing to extend
            select = (*select, *extend)
        ignore = (
            *selectors(config.get("ignore", ()), f"{where}.ignore"),
            *selectors(config.get("extend-ignore", ()), f"{where}.extend-ignore"),
        )
        settings = cls(
            select=select,
            ignore=ignore,
            fail_on=Severity.parse(config.get("severity", "warning"), f"{where}.severity"),
            per_file_ignores=_per_file_ignores(config.get("per-file-ignores", {}), where),
            exclude=_strings(config.get("exclude", ()), f"{where}.exclude"),
            speakers=_strings(config.get("speakers", ()), f"{where}.speakers"),
            root=str(Path(path).resolve().parent) if path else None,
        )
        options, severities = _rule_settings(config.get("rules", {}), f"{where}.rules")
        return settings._replace(options=options, severities=severities)

    def with_overrides(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        fail_on: str | Severity | None = None,
        speakers: Sequence[str] | None = None,
        extend_select: Sequence[str] | None = None,
    ) -> LintSettings:
        """These settings with command-line values (those that are given) on top:
        `select` replaces the selection (as ruff's `--select` does), `extend_select`
        adds to it and `ignore` adds to the ignored rules."""
        changes: dict[str, Any] = {}
        if select:
            changes["select"] = selectors(select, "--select")
        if extend_select:
            base = changes.get("select", self.select)
            added = selectors(extend_select, "--extend-select")
            changes["select"] = None if base is None else (*base, *added)
        if ignore:
            changes["ignore"] = (*self.ignore, *selectors(ignore, "--ignore"))
        if fail_on is not None:
            changes["fail_on"] = Severity.parse(fail_on, "--severity")
        if speakers:
            changes["speakers"] = tuple(speakers)
        return self._replace(**changes)

    def rules_for(self, path: str | None = None) -> list[Rule]:
        """The rules that run on `path`: selected, not ignored, not turned off."""
        ignore = list(self.ignore)
        if path and self.per_file_ignores:
            for pattern, rules in self.per_file_ignores:
                if self.matches(pattern, path):
                    ignore.extend(rules)
        chosen = resolve(all_rules(), self.select, ignore)
        return [rule for rule in chosen if self.severities.get(rule.code, rule.severity)]

    def options_for(self, rule: Rule) -> dict[str, Any]:
        return {**rule.options, **self.options.get(rule.code, {})}

    def severity_for(self, rule: Rule) -> Severity:
        return self.severities.get(rule.code) or rule.severity

    def matches(self, pattern: str, path: str) -> bool:
        """Does glob `pattern` name `path`? Gitignore semantics (`transcripts.globs`),
        relative to the config file's folder (else the current one): a pattern without
        a slash names a file anywhere by its name."""
        return PathPatterns((pattern,), self.root).matches(path)


def selectors(value: Any, where: str) -> tuple[str, ...]:
    """Rule selectors from a list or a comma-separated string, each checked to name a rule."""
    items = _strings(value, where)
    result = tuple(part.strip() for item in items for part in item.split(",") if part.strip())
    check_selectors(result, where)
    return result


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        items = tuple(value)
        if all(isinstance(item, str) for item in items):
            return items
    raise TranscriptError(f"{where}: expected a list of strings, found {value!r}")


def _per_file_ignores(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        raise TranscriptError(f"{where}.per-file-ignores: expected a table of glob: rules")
    return tuple(
        (str(pattern), selectors(rules, f"{where}.per-file-ignores.{pattern}"))
        for pattern, rules in value.items()
    )


def _rule_settings(
    value: Any, where: str
) -> tuple[dict[str, dict[str, Any]], dict[str, Severity | None]]:
    """Per-rule options and severities from the `rules` table, checked against each
    rule's options (names and types), so a typo is an error rather than ignored."""
    if not isinstance(value, Mapping):
        raise TranscriptError(f"{where}: expected a table of rule: settings")
    options: dict[str, dict[str, Any]] = {}
    severities: dict[str, Severity | None] = {}
    for key, entry in value.items():
        rule = _rule(str(key), where)
        here = f"{where}.{key}"
        if entry is False or entry == "off":  # YAML reads a bare `off` as false
            severities[rule.code] = None
            continue
        if entry is True or entry == "on":
            continue
        if isinstance(entry, str):
            severities[rule.code] = Severity.parse(entry, here)
            continue
        if not isinstance(entry, Mapping):
            raise TranscriptError(f"{here}: expected off, a severity or a table of options")
        for name, setting in entry.items():
            if name == "severity":
                off = setting is False or setting == "off"
                severities[rule.code] = None if off else Severity.parse(setting, f"{here}.{name}")
                continue
            options.setdefault(rule.code, {})[name] = _option(rule, str(name), setting, here)
    return options, severities


def _rule(key: str, where: str) -> Rule:
    try:
        return find_rule(key)
    except TranscriptError as error:
        raise TranscriptError(f"{where}: {error.message}") from None


def _option(rule: Rule, name: str, value: Any, where: str) -> Any:
    """`value` for option `name` of `rule`, of the type of its default."""
    if name not in rule.options:
        known = ", ".join(["severity", *rule.options])
        raise TranscriptError(f"{where}: {rule.name} has no option {name!r} (it has {known})")
    default = rule.options[name]
    kind = type(default)
    if kind is bool:
        ok = isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif kind in (list, tuple):
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, kind)
    if not ok:
        raise TranscriptError(
            f"{where}.{name}: expected {_kind_name(kind)} like {default!r}, found {value!r}"
        )
    return value


def _kind_name(kind: type) -> str:
    return {
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        str: "a string",
        list: "a list of strings",
        tuple: "a list of strings",
    }.get(kind, kind.__name__)
