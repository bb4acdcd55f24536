"""The Podcasting 2.0 JSON transcript writer: one segment per phrase, speaker on each.

`{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`, as
the podcast namespace's transcript spec describes it. Turns are cut into phrases of at
most 84 characters (closed early at a sentence end), so players can highlight as the
episode plays; a turn's pieces (the segments or cues it was read from) are written one
segment each, with their times; each segment names its speaker, and text without a speaker has none.
"""

from __future__ import annotations

from ..losses import note
from ..model import Transcript
from ..options import WriteOptions
from ..timing import estimated
from .jsonenc import dense
from .timed import cues, note_metadata, note_timings, timed_blocks

VERSION = "1.0.0"
WIDTH = 84  # characters a segment


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a podcast JSON transcript."""
    options = options or WriteOptions()
    blocks = timed_blocks(transcript, "podcast", options.losses)
    note_metadata(transcript, options.losses)
    if estimated(transcript):
        note(options.losses, "the note that the times are estimates (the format has no place)")
    segments = []
    note_timings(blocks, options.losses, keeps_pieces=True)
    for cue in cues(blocks, WIDTH, 1, losses=options.losses):
        segment: dict[str, object] = {}
        if cue.speaker:
            segment["speaker"] = cue.speaker
        segment["startTime"] = cue.start
        segment["endTime"] = cue.end
        segment["body"] = " ".join(cue.lines)
        segments.append(dense(segment))
    body = ",\n    ".join(segments)
    return (
        f'{{\n  "version": "{VERSION}",\n  "segments": [\n    {body}\n  ]\n}}\n'
        if segments
        else f'{{\n  "version": "{VERSION}",\n  "segments": []\n}}\n'
    )
