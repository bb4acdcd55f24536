"""`transcripts stats`: per-speaker statistics as a table, Markdown, CSV, JSON or YAML."""

from __future__ import annotations

import click

from .common import (
    FormatChoice,
    chosen_files,
    cluster_jobs,
    complete_fields,
    config_option,
    diarization_option,
    encoding_option,
    from_option,
    input_files,
    jobs_option,
    output_option,
    report_error,
    scheduler_option,
    selection_options,
    speaker_map_option,
    speaker_option,
)


def _list_fields(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        from ..io import write_output
        from ..statistics.measures import describe_fields

        write_output(describe_fields(), None)
        ctx.exit()


@click.command(
    epilog="""\b
Examples:
  transcripts stats interview.txt
  transcripts stats --format csv --per-file transcripts/ > stats.csv
  transcripts stats --format json interview.txt | jq '.speakers[] | {speaker, words}'
  transcripts stats --fields speaker,turns,questions --sort questions *.txt
  transcripts stats --only Lukashenko --tablefmt github interview.txt
  transcripts stats --list-fields
  transcripts stats --per-file --format csv --scheduler tcp://scheduler:8786 archive/"""
)
@input_files
@click.option(
    "-t",
    "--to",
    "--format",
    "--output-format",
    "format",
    type=FormatChoice(["table", "json", "yaml", "csv", "markdown"]),
    default="table",
    show_default=True,
    help="Output format (md and yml name markdown and yaml); json, yaml and csv carry "
    "every field under its stable name.",
)
@click.option(
    "--per-file",
    is_flag=True,
    help="One block of statistics per file, with a path column (default: all inputs "
    "combined, speakers matched by name).",
)
@click.option(
    "--sort",
    metavar="FIELD",
    shell_complete=complete_fields,
    default="words",
    show_default=True,
    help="Sort speakers by FIELD: numbers largest first, names and lines A to Z "
    "(--list-fields lists them).",
)
@click.option("--reverse", is_flag=True, help="Reverse the sort order.")
@click.option(
    "--fields",
    metavar="LIST",
    shell_complete=complete_fields,
    multiple=True,
    help="Show only these fields, in this order (comma-separated or repeated; "
    "--list-fields lists them).",
)
@click.option(
    "--list-fields",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_list_fields,
    help="List the fields with what each one counts, and exit.",
)
@click.option(
    "--only",
    metavar="NAME",
    multiple=True,
    help="Show only this speaker (repeatable); the total still counts everyone.",
)
@click.option(
    "--totals/--no-totals",
    default=None,
    help="Add the total row to the table and Markdown (default: on) or CSV (default: off, "
    "so that a column's sum is not doubled; the totals are in JSON and YAML).",
)
@click.option(
    "--tablefmt",
    metavar="NAME",
    default="simple",
    show_default=True,
    help="tabulate's table format for --format table: simple, github, grid, plain, ...",
)
@selection_options
@output_option
@speaker_option
@speaker_map_option
@diarization_option
@from_option
@encoding_option
@jobs_option
@scheduler_option
@config_option("stats")
@click.pass_context
def stats(
    ctx: click.Context,
    files: tuple[str, ...],
    format: str,
    per_file: bool,
    sort: str,
    reverse: bool,
    fields: tuple[str, ...],
    only: tuple[str, ...],
    totals: bool | None,
    tablefmt: str,
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
    output: str | None,
    speakers: tuple[str, ...],
    speaker_map: tuple[str, ...],
    diarization: str | None,
    from_format: str | None,
    encoding: str | None,
    jobs: int,
    scheduler: str | None,
) -> int:
    """Count, per speaker, who talked, how much and how.

    Turns, words and their share, sentences, questions, words per turn (mean, median,
    longest and its line), mean length of utterance in words, distinct words and
    type-token ratio, and talk time when the source has times; for the whole transcript
    also the blocks that are not speech, by kind. Reads each FILE (a directory: the
    transcripts under it) or standard input; several inputs are combined by speaker
    name unless --per-file. --list-fields lists every field and what it counts.
    """
    from ..pipelines.stats import stats_files

    return stats_files(
        files,
        format=format,
        output=output,
        per_file=per_file,
        sort=sort,
        reverse=reverse,
        fields=[name.strip() for value in fields for name in value.split(",") if name.strip()],
        only=only,
        totals=totals,
        tablefmt=tablefmt,
        speakers=speakers,
        from_format=from_format,
        encoding=encoding,
        speaker_map=speaker_map,
        diarization=diarization,
        jobs=cluster_jobs(ctx, scheduler, jobs),
        scheduler=scheduler,
        report=report_error,
        select=chosen_files(ctx, exclude, force_exclude, respect_gitignore),
    )
