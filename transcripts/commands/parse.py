"""`transcripts parse`: raw transcripts into the structured document model."""

from __future__ import annotations

import click

from .common import (
    config_option,
    diarization_option,
    encoding_option,
    from_option,
    input_files,
    output_option,
    report_error,
    speaker_map_option,
    speaker_option,
)


@click.command(
    epilog="""\b
Examples:
  transcripts parse interview.txt
  transcripts parse -t jsonl *.txt | jq -r 'select(.kind=="turn") | .speaker'
  transcripts parse -s Interviewer -s Lukashenko interview.txt -o interview.json
  transcripts parse --explain interview.txt      # how the speaker labels were read
  transcripts parse --explain -v interview.txt   # ... and why each line was (not) one"""
)
@input_files
@click.option(
    "-t",
    "--to",
    "to_format",
    type=click.Choice(["json", "jsonl", "yaml"]),
    default="json",
    show_default=True,
    help="Output format; several inputs give a JSON array, a YAML stream or concatenated lines.",
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
@speaker_option
@speaker_map_option
@diarization_option
@from_option
@encoding_option
@config_option("parse")
@click.pass_context
def parse(
    ctx,
    files,
    to_format,
    output,
    explain,
    verbose,
    speakers,
    speaker_map,
    diarization,
    from_format,
    encoding,
):
    """Parse transcripts into turns, speakers and the text around them.

    Reads each FILE (or standard input) and writes its document: metadata, the
    speaker roster and the blocks (turns, prose, headings, stage directions, ...),
    each with its source lines.
    """
    from ..pipelines.parse import explain_files, parse_files

    if explain:
        chosen = ctx.get_parameter_source("to_format") != click.core.ParameterSource.DEFAULT
        return explain_files(
            files or ("-",),
            to_format if chosen else ("lines" if verbose else "text"),
            output,
            speakers=speakers,
            from_format=from_format,
            encoding=encoding,
            report=report_error,
        )
    return parse_files(
        files or ("-",),
        to_format,
        output,
        speakers=speakers,
        from_format=from_format,
        encoding=encoding,
        speaker_map=speaker_map,
        diarization=diarization,
        report=report_error,
    )
