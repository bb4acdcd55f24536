"""`transcripts formats`: the formats the readers and writers know."""

from __future__ import annotations

import click


@click.command(epilog="Example:\n\n  transcripts formats")
def formats() -> None:
    """List the formats transcripts can read and write, with their extensions."""
    from ..io import write_output
    from ..pipelines.formats import list_formats

    write_output(list_formats(), None)
