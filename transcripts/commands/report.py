"""`transcripts report`: one self-contained HTML page of who spoke when, talk share and
the lint findings in place."""

from __future__ import annotations

import click

from .common import (
    complete_rules,
    config_option,
    encoding_option,
    from_option,
    input_files,
    output_option,
    report_error,
    selection_options,
    speaker_option,
)


@click.command(
    epilog="""\b
Examples:
  transcripts report interview.txt -o report.html
  transcripts report transcripts/ -o corpus.html --title "Spring interviews"
  transcripts report episode.vtt --ignore repeated-question -o episode.html
  transcripts parse interview.txt | transcripts report - -f json > report.html"""
)
@input_files
@output_option
@click.option("--title", metavar="TEXT", help="The page's title (default: the transcript's).")
@click.option(
    "--select",
    metavar="RULES",
    shell_complete=complete_rules,
    multiple=True,
    help="Show only the findings of these lint rules: codes, names or code prefixes.",
)
@click.option(
    "--ignore",
    metavar="RULES",
    shell_complete=complete_rules,
    multiple=True,
    help="Leave out the findings of these lint rules (codes, names or prefixes).",
)
@selection_options
@speaker_option
@from_option
@encoding_option
@config_option("report")
@click.pass_context
def report(
    ctx: click.Context,
    files: tuple[str, ...],
    output: str | None,
    title: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
    speakers: tuple[str, ...],
    from_format: str | None,
    encoding: str | None,
) -> int:
    """Write one self-contained HTML page that shows transcripts.

    For each FILE (a directory: the transcripts under it; - or none: standard input):
    its facts, a timeline of who spoke when, talk share from `transcripts stats`, and
    the text with every `transcripts lint` finding marked on its line. Several files
    give one page with an index. The page loads nothing and runs no text from a file;
    open it from disk or keep it as a CI artifact. See transcripts-report(1).

    Exit status: 0 written, 2 an input could not be read (the others are still in the
    page) or nothing could be.
    """
    from ..pipelines.report import report_files

    return report_files(
        files,
        output=output,
        title=title,
        select=select,
        ignore=ignore,
        speakers=speakers,
        from_format=from_format,
        encoding=encoding,
        config_path=ctx.meta.get("transcripts.config_path"),
        report=report_error,
        exclude=exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
    )
