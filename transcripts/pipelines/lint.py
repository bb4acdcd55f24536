"""What `transcripts lint` does, as library functions: find the inputs, lint each, report
the findings in the chosen format and decide the exit status."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..api import read
from ..config import load_config
from ..errors import ExitCode, TranscriptError
from ..inputs import STDIN, expand_inputs
from ..io import display_name, refuse_to_overwrite_inputs, write_output
from ..linter.config import LintSettings, unknown_keys
from ..linter.engine import lint
from ..linter.finding import Finding
from ..linter.output import FORMATTERS, sarif, statistics, summary, use_colour
from ..linter.registry import all_rules, find_rule
from ..parallel import map_ordered
from . import Report, check_encoding, input_failure


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


def expand_paths(
    paths: Sequence[str], settings: LintSettings, report: Report | None = None
) -> Iterator[str]:
    """The inputs: files and `-` as given, directories walked (sorted, hidden entries and
    `exclude` globs skipped) for files with a transcript extension. A directory with
    none is a warning, not an error: there is nothing to lint, and nothing wrong."""
    for item in expand_inputs(paths, lambda path: _excluded(settings, path)):
        if isinstance(item, TranscriptError):
            if report:
                report(f"warning: no transcript files found in {item.path}")
            continue
        yield item


def _excluded(settings: LintSettings, path: str) -> bool:
    return any(settings.matches(pattern, path) for pattern in settings.exclude)


def lint_paths(
    paths: Sequence[str],
    settings: LintSettings | None = None,
    *,
    from_format: str | None = None,
    encoding: str | None = None,
    report: Report | None = None,
    jobs: int = 1,
    output: str | None = None,
) -> LintRun:
    """Lint every input; one that cannot be read is reported and counted as an error, and
    the others are still linted. With `jobs` > 1 files are linted in that many processes;
    the findings are the same, in the same order. `output`, the report's file, must not
    be one of the inputs."""
    check_encoding(encoding)
    settings = settings or LintSettings()
    run = LintRun()
    files = list(expand_paths(paths or [STDIN], settings, report))
    refuse_to_overwrite_inputs(output, files)
    work = functools.partial(
        _lint_file, settings=settings, from_format=from_format, encoding=encoding
    )
    jobs = 1 if STDIN in files else jobs  # standard input is read by this process
    for result in map_ordered(work, files, jobs, label="Linting"):
        if isinstance(result, str):
            run.errors.append(result)
            if report:
                report(result)
            continue
        run.files += 1
        run.findings.extend(result)
    return run


def _lint_file(
    path: str, settings: LintSettings, from_format: str | None, encoding: str | None
) -> list[Finding] | str:
    """One input's findings, or the one-line error that kept it from being linted."""
    try:
        transcript = read(path, from_format, speakers=settings.speakers, encoding=encoding)
        return lint(transcript, settings, path=path)
    except Exception as error:
        return str(input_failure(error, display_name(path)))


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
    jobs: int = 1,
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
        raw = load_config(config_path).get("lint") or {}
        if isinstance(raw, Mapping):
            unknown_keys(raw, f"{config_path}: lint")
    settings = LintSettings.from_config(config, config_path).with_overrides(
        select=select, ignore=ignore, fail_on=severity, speakers=speakers
    )
    run = lint_paths(
        files,
        settings,
        from_format=from_format,
        encoding=encoding,
        report=report,
        jobs=jobs,
        output=output,
    )
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
