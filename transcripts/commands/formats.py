"""`transcripts formats`: the formats the readers and writers know."""

from __future__ import annotations

import click


@click.command(epilog="Example:\n\n  transcripts formats")
def formats() -> None:
    """List the formats transcripts can read and write, with their extensions."""
    from ..pipelines.formats import list_formats

    click.echo(list_formats(), nl=False)
