"""`transcripts convert`: one transcript from one format to another."""

from __future__ import annotations

import click

from .common import encoding_option, from_option, output_option, speaker_option


@click.command(
    epilog="""\b
Examples:
  transcripts convert interview.txt -t json -o interview.json
  transcripts convert interview.json -t text
  cat interview.yaml | transcripts convert - -f yaml -t json"""
)
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@from_option
@click.option("-t", "--to", "to_format", metavar="FORMAT", required=True, help="Output format.")
@output_option
@speaker_option
@encoding_option
def convert(input_path, from_format, to_format, output, speakers, encoding):
    """Convert INPUT (a file or -) to another format.

    Text read by the text reader comes back byte for byte from its json, jsonl or
    yaml form. `transcripts formats` lists the formats.
    """
    from ..pipelines import convert_file

    return convert_file(
        input_path,
        to_format,
        output,
        from_format=from_format,
        speakers=speakers,
        encoding=encoding,
    )
