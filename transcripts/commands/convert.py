"""`transcripts convert`: one transcript from one format to another."""

from __future__ import annotations

import click

from .common import (
    diarization_option,
    encoding_option,
    from_option,
    output_option,
    report_error,
    speaker_map_option,
    speaker_option,
)


@click.command(
    epilog="""\b
Examples:
  transcripts convert interview.txt -t json -o interview.json
  transcripts convert interview.json -t text
  transcripts convert episode.vtt -t text           # speakers from <v Name> voices
  transcripts convert interview.txt -t srt --estimate-timing 150
  transcripts convert whisper.json -t vtt --diarization pyannote.rttm
  transcripts convert job.json -t docx -o job.docx --speaker-map 'spk_0=Ana Ruiz'
  cat interview.yaml | transcripts convert - -t json"""
)
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True, readable=False))
@from_option
@click.option(
    "-t",
    "--to",
    "to_format",
    metavar="FORMAT",
    required=True,
    help="Output format: text, markdown, json, jsonl, yaml, vtt, srt, podcast, "
    "podcast-html, eaf, textgrid, docx, cha or csv (`transcripts formats` lists them).",
)
@output_option
@click.option(
    "--estimate-timing",
    metavar="WPM",
    type=click.FloatRange(min=0, min_open=True),
    help="Give blocks without times estimated ones at WPM words per minute (about 150 "
    "for conversation), marked as estimates; caption formats need times.",
)
@speaker_option
@speaker_map_option
@diarization_option
@encoding_option
def convert(
    input_path,
    from_format,
    to_format,
    output,
    estimate_timing,
    speakers,
    speaker_map,
    diarization,
    encoding,
):
    """Convert INPUT (a file or -) to another format.

    Text read by the text reader comes back byte for byte from its json, jsonl or
    yaml form. Captions and speech-to-text output become turns with start and end
    times, keeping each cue or segment (and timed word) for an exact way back. What
    the target format cannot hold is reported on stderr in one line.
    """
    from ..pipelines.convert import convert_file

    return convert_file(
        input_path,
        to_format,
        output,
        from_format=from_format,
        speakers=speakers,
        encoding=encoding,
        estimate_timing=estimate_timing,
        speaker_map=speaker_map,
        diarization=diarization,
        report=report_error,
    )
