"""Small helpers the caption reader and writer tests share."""

from __future__ import annotations

from transcripts.formats import get_format
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.model import Transcript
from transcripts.options import ReadOptions


def read_as(
    format_name: str, text: str, *, speakers=(), losses: Losses | None = None
) -> Transcript:
    """Read `text` with one format's reader, as the CLI would."""
    options = ReadOptions(speakers=tuple(speakers), losses=losses)
    return get_format(format_name).read(SourceText(text=text, path="x"), options)


def turns(transcript: Transcript) -> list[tuple[str | None, str]]:
    """(speaker, text) of every block that is speech or text without a speaker."""
    return [
        (block.speaker, block.text)
        for block in transcript.blocks
        if block.kind in ("turn", "unattributed")
    ]


def kinds(transcript: Transcript) -> list[str]:
    return [block.kind for block in transcript.blocks]
