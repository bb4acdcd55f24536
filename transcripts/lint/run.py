"""What `transcripts lint` does, as library functions: find the inputs, lint each, report
the findings in the chosen format and decide the exit status."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import formats
from ..errors import ExitCode, TranscriptError
from ..io import STDIN, display_name, write_output
from .config import LintSettings, unknown_keys
from .engine import lint
from .finding import Finding
from .output import FORMATTERS, sarif, statistics, summary, use_colour
from .registry import all_rules, find_rule

Report = Callable[[str], None]


@dataclass
class LintRun:
    """The outcome of linting several inputs: findings, inputs that failed, files read."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: int = 0

    def exit_status(self, settings: LintSettings, exit_zero: bool = False) -> int:
        """2 when an input could not be linted; 1 when a finding is at or above the
        failing severity (unless `exit_zero`); 0 otherwise."""
        if self.errors:
            return ExitCode.ERROR
        if not exit_zero and any(f.severity >= settings.fail_on for f in self.findings):
            return ExitCode.FINDINGS
        return ExitCode.OK


def transcript_extensions() -> frozenset[str]:
    """File extensions of the formats the tool can read (what a directory walk picks up)."""
    return frozenset(
        extension
        for format in formats.FORMATS.values()
        if format.reader
        for extension in format.extensions
    )


def expand_paths(
    paths: Sequence[str], settings: LintSettings, report: Report | None = None
) -> Iterator[str]:
    """The inputs: files and `-` as given, directories walked (sorted, hidden entries and
    `exclude` globs skipped) for files with a transcript extension."""
    extensions = transcript_extensions()
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        found = 0
        for directory, subdirectories, names in os.walk(path):
            subdirectories[:] = sorted(
                name
                for name in subdirectories
                if not name.startswith(".")
                and not _excluded(settings, os.path.join(directory, name))
            )
            for name in sorted(names):
                candidate = os.path.join(directory, name)
                if (
                    not name.startswith(".")
                    and os.path.splitext(name)[1].lower() in extensions
                    and not _excluded(settings, candidate)
                ):
                    found += 1
                    yield candidate
        if not found and report:
            report(f"warning: no transcript files found in {path}")


def _excluded(settings: LintSettings, path: str) -> bool:
    return any(settings.matches(pattern, path) for pattern in settings.exclude)


def lint_paths(
    paths: Sequence[str],
    settings: LintSettings | None = None,
    *,
    from_format: str | None = None,
    encoding: str | None = None,
    report: Report | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> LintRun:
    """Lint every input; one that cannot be read is reported and counted as an error, and
    the others are still linted. `progress(number, path)` is told of each input."""
    from ..api import read

    settings = settings or LintSettings()
    run = LintRun()
    for number, path in enumerate(expand_paths(paths or [STDIN], settings, report), 1):
        if progress:
            progress(number, path)
        try:
            transcript = read(path, from_format, speakers=settings.speakers, encoding=encoding)
        except TranscriptError as error:
            message = str(error.with_path(display_name(path)))
            run.errors.append(message)
            if report:
                report(message)
            continue
        run.files += 1
        run.findings.extend(lint(transcript, settings, path=path))
    return run


class _Progress:
    """ "linting 12: path" on a terminal's standard error while many files are linted,
    rewritten in place and cleared at the end (only after the first second)."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, number: int, path: str) -> None:
        if time.monotonic() - self.started < 1.0:
            return
        sys.stderr.write(f"\r\x1b[Klinting {number}: {display_name(path)}"[:120])
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def explain(key: str) -> str:
    """The documentation of one rule (`--explain NAME`), or a table of all (`all`)."""
    if key.strip().lower() == "all":
        rules = all_rules()
        width = max(len(rule.name) for rule in rules)
        return "".join(
            f"{rule.code}  {rule.name:<{width}}  {rule.severity:<7}  {rule.summary}\n"
            for rule in rules
        )
    rule = find_rule(key)
    options = ""
    if rule.options:
        settings = ", ".join(f"{name}: {value!r}" for name, value in rule.options.items())
        options = f"\nDefaults: {settings}\n"
    return f"{rule.code} {rule.name} (default severity: {rule.severity})\n\n{rule.doc}\n{options}"


def run_lint(
    files: Sequence[str],
    *,
    output_format: str | None = None,
    output: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: str | None = None,
    exit_zero: bool = False,
    explain_rule: str | None = None,
    show_statistics: bool = False,
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    config: Mapping[str, Any] | None = None,
    config_path: str | None = None,
    report: Report | None = None,
    note: Report | None = None,
) -> int:
    """The whole `transcripts lint` command: settings from the config file and the
    options, lint the inputs, write the report, return the exit status. `report` gets
    one line per input that could not be linted, `note` the closing summary."""
    if explain_rule is not None:
        write_output(explain(explain_rule), output)
        return ExitCode.OK
    output_format = output_format or (config or {}).get("format") or "text"
    if output_format not in FORMATTERS:
        where = f"{config_path}: lint.format" if config_path else "--format"
        raise TranscriptError(
            f"{where}: unknown format {output_format!r}; use {', '.join(FORMATTERS)}"
        )
    if config_path:
        from ..config import load_config

        raw = load_config(config_path).get("lint") or {}
        if isinstance(raw, Mapping):
            unknown_keys(raw, f"{config_path}: lint")
    settings = LintSettings.from_config(config, config_path).with_overrides(
        select=select, ignore=ignore, fail_on=severity, speakers=speakers
    )
    progress = _Progress() if sys.stderr.isatty() else None
    run = lint_paths(
        files,
        settings,
        from_format=from_format,
        encoding=encoding,
        report=report,
        progress=progress,
    )
    if progress:
        progress.clear()
    if show_statistics:
        rendered = statistics(run.findings, as_json=output_format == "json")
    elif output_format == "sarif":
        rendered = sarif(run.findings, errors=run.errors)
    else:
        colour = output is None and output_format == "text" and use_colour()
        rendered = FORMATTERS[output_format](run.findings, colour)
    if rendered or output:
        write_output(rendered, output)
    if note and output_format == "text" and not show_statistics:
        note(summary(run.findings, run.files))
    return run.exit_status(settings, exit_zero)
