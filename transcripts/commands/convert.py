"""`transcripts convert`: transcripts from one format to another."""

from __future__ import annotations

import click

from .common import (
    chosen_files,
    complete_formats,
    config_option,
    diarization_option,
    encoding_option,
    from_option,
    report_error,
    selection_options,
    speaker_map_option,
    speaker_option,
)


@click.command(
    epilog="""\b
Examples:
  transcripts convert interview.txt -o interview.json   # -t from the extension
  transcripts convert interview.json -t text
  transcripts convert transcripts/ -t json -o json/    # a folder: one file each
  transcripts convert episode.vtt -t text           # speakers from <v Name> voices
  transcripts convert interview.txt -t srt --estimate-timing 150
  transcripts convert whisper.json -t vtt --diarization pyannote.rttm
  transcripts convert job.json -t docx -o job.docx --speaker-map 'spk_0=Ana Ruiz'
  cat interview.yaml | transcripts convert - -t json"""
)
@click.argument(
    "files",
    nargs=-1,
    metavar="INPUT...",
    # Not checked here: an unreadable file is that file's one-line error (see input_files).
    type=click.Path(allow_dash=True, readable=False),
    is_eager=True,
)
@from_option
@click.option(
    "-t",
    "--to",
    "--format",
    "--output-format",
    "to_format",
    metavar="FORMAT",
    shell_complete=complete_formats(writable=True),
    help="Output format: text, markdown, json, jsonl, yaml, vtt, srt, podcast, "
    "podcast-html, eaf, textgrid, docx, cha, csv or parquet (`transcripts formats` lists "
    "them), or an extension only one has (md, yml, txt, webvtt, ...); default: from -o "
    "FILE's extension.",
)
@click.option(
    "-o",
    "--output",
    "--output-file",
    "output",
    metavar="FILE|DIR",
    type=click.Path(allow_dash=True),
    help="Write to FILE (atomically; never over an input) instead of standard output; "
    "several inputs or a folder: into the folder DIR, one file each.",
)
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
@selection_options
@config_option("convert")
@click.pass_context
def convert(
    ctx: click.Context,
    files: tuple[str, ...],
    from_format: str | None,
    to_format: str | None,
    output: str | None,
    estimate_timing: float | None,
    speakers: tuple[str, ...],
    speaker_map: tuple[str, ...],
    diarization: str | None,
    encoding: str | None,
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
) -> int:
    """Convert INPUT (a file, a folder of transcripts, or -) to another format.

    Text read by the text reader comes back byte for byte from its json, jsonl or
    yaml form. Captions and speech-to-text output become turns with start and end
    times, keeping each cue or segment (and timed word) for an exact way back. What
    the target format cannot hold is reported on stderr in one line. Several
    inputs (or a folder) are converted into the folder -o DIR, one file each.
    """
    from ..pipelines.convert import convert_files

    return convert_files(
        files,
        to_format,
        output,
        select=chosen_files(ctx, exclude, force_exclude, respect_gitignore),
        from_format=from_format,
        speakers=speakers,
        encoding=encoding,
        estimate_timing=estimate_timing,
        speaker_map=speaker_map,
        diarization=diarization,
        report=report_error,
    )
