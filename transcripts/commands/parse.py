"""`transcripts parse`: raw transcripts into the structured document model."""

from __future__ import annotations

import click

from .common import (
    FormatChoice,
    checked_scheduler,
    chosen_files,
    config_option,
    diarization_option,
    encoding_option,
    from_option,
    input_files,
    output_option,
    report_error,
    scheduler_option,
    selection_options,
    speaker_map_option,
    speaker_option,
)


@click.command(
    epilog="""\b
Examples:
  transcripts parse interview.txt
  transcripts parse -t jsonl *.txt | jq -r 'select(.kind=="turn") | .speaker'
  transcripts parse -s Interviewer -s Lukashenko interview.txt -o interview.json
  transcripts parse -t parquet archive/ -o tables/   # blocks and speakers tables
  transcripts parse -t jsonl --scheduler local archive/ > archive.jsonl
  transcripts parse --explain interview.txt      # how the speaker labels were read
  transcripts parse --explain -v interview.txt   # ... and why each line was (not) one"""
)
@input_files
@click.option(
    "-t",
    "--to",
    "--format",
    "--output-format",
    "to_format",
    type=FormatChoice(["json", "jsonl", "yaml", "parquet"]),
    help="Output format, also named by its extension (yml, ndjson); default: from -o's "
    "extension, else json. Several inputs give a "
    "JSON array, a YAML stream or concatenated lines; parquet (with the parquet extra) is "
    "one table of all blocks with their file's path, and with -o DIR/ a speakers table "
    "beside it (DIR/blocks.parquet, DIR/speakers.parquet).",
)
@output_option
@click.option(
    "--explain",
    is_flag=True,
    help="Instead of the document, say how its speaker labels were inferred: the "
    "conventions chosen and the label-like lines rejected, with reasons (as data with an "
    "explicit -t json, jsonl or yaml).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="With --explain: also every candidate line's verdict and its reason.",
)
@selection_options
@speaker_option
@speaker_map_option
@diarization_option
@from_option
@encoding_option
@scheduler_option
@config_option("parse")
@click.pass_context
def parse(
    ctx: click.Context,
    files: tuple[str, ...],
    to_format: str | None,
    output: str | None,
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
    explain: bool,
    verbose: bool,
    speakers: tuple[str, ...],
    speaker_map: tuple[str, ...],
    diarization: str | None,
    from_format: str | None,
    encoding: str | None,
    scheduler: str | None,
) -> int:
    """Parse transcripts into turns, speakers and the text around them.

    Reads each FILE (a directory: the transcripts under it; none or -: standard
    input) and writes its document: metadata, the
    speaker roster and the blocks (turns, prose, headings, stage directions, ...),
    each with its source lines.
    """
    from ..pipelines.parse import explain_files, parse_files

    if explain:
        return explain_files(
            files,
            to_format or ("lines" if verbose else "text"),
            output,
            speakers=speakers,
            from_format=from_format,
            encoding=encoding,
            report=report_error,
            select=chosen_files(ctx, exclude, force_exclude, respect_gitignore),
        )
    return parse_files(
        files,
        to_format,
        output,
        speakers=speakers,
        from_format=from_format,
        encoding=encoding,
        speaker_map=speaker_map,
        diarization=diarization,
        scheduler=checked_scheduler(ctx, scheduler),
        report=report_error,
        select=chosen_files(ctx, exclude, force_exclude, respect_gitignore),
    )
