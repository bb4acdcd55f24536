"""What `transcripts report` does, as a library function: walk the inputs, read, count
and lint each, and write one HTML page, atomically.

The inputs are walked as `lint` and `stats` walk them (`inputs.expand_inputs`: files as
given, directories for the transcripts under them, the `lint` table's `exclude` globs
skipped). An input that cannot be read is reported in one line, listed in the page's
index, and the others still make it into the report (exit status 2).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import ExitCode, TranscriptError
from ..inputs import STDIN, expand_inputs, or_standard_input, selection
from ..io import display_name, refuse_to_overwrite_inputs, write_output
from ..linter import LintSettings
from ..report import article_of
from ..report.page import Article, FileError, render_page
from . import Report, check_encoding, input_failure


def lint_settings(
    config_path: str | None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    speakers: Sequence[str] = (),
) -> LintSettings:
    """The findings a report shows are those `transcripts lint` reports with the same
    configuration file (its `lint` table), narrowed by `select` and `ignore`."""
    config = configuration_of(config_path)
    return LintSettings.from_config(config, config_path).with_overrides(
        select=select, ignore=ignore, speakers=speakers
    )


def configuration_of(config_path: str | None) -> Mapping[str, Any]:
    """The `lint` settings of a configuration file (the report's findings and file
    selection follow them), or none."""
    if not config_path:
        return {}
    from ..config import configuration

    return configuration("lint", config_path).settings


def report_files(
    paths: Sequence[str],
    *,
    output: str | None = None,
    title: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    config_path: str | None = None,
    report: Report,
    exclude: Sequence[str] = (),
    force_exclude: bool | None = None,
    respect_gitignore: bool | None = None,
) -> int:
    """Write the report of every input to `output` (standard output when None or `-`,
    never a terminal: HTML is for a browser). Returns the exit status."""
    if output in (None, STDIN) and sys.stdout.isatty():
        raise TranscriptError("the report is an HTML page; write it to a file with -o FILE")
    check_encoding(encoding)
    settings = lint_settings(config_path, select=select, ignore=ignore, speakers=speakers)
    chosen = selection(
        configuration_of(config_path),
        config_path,
        exclude=exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
    )
    inputs = list(expand_inputs(or_standard_input(paths), chosen))
    refuse_to_overwrite_inputs(output, [item for item in inputs if isinstance(item, str)])
    many = len(inputs) > 1
    articles: list[Article] = []
    errors: list[FileError] = []
    speakers_drawn = 0
    for item in inputs:
        try:
            if isinstance(item, TranscriptError):
                raise item
            number = len(articles) + 1
            article, drawn = _article(item, settings, from_format, encoding, number, many)
        except Exception as error:
            error = input_failure(error, display_name(item if isinstance(item, str) else STDIN))
            report(str(error))
            errors.append(FileError(error.path or "", error.message))
            continue
        articles.append(article)
        speakers_drawn = max(speakers_drawn, drawn)
    if not articles:  # nothing readable: write nothing, not even an empty page
        return ExitCode.ERROR
    write_output(render_page(articles, errors, title=title, speakers=speakers_drawn), output)
    return ExitCode.ERROR if errors else ExitCode.OK


def _article(
    path: str,
    settings: LintSettings,
    from_format: str | None,
    encoding: str | None,
    number: int,
    many: bool,
) -> tuple[Article, int]:
    """One input's report, rendered, and how many speakers it colours."""
    from ..api import read

    transcript = read(path, from_format, speakers=settings.speakers, encoding=encoding)
    return article_of(transcript, settings, number, many, source=display_name(path))
