"""The document model's dict form (from JSON, JSON Lines or YAML) into a `Transcript`."""

from __future__ import annotations

import re
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Speaker, Transcript
from ..options import ReadOptions
from .common import jsonable
from .jsonpositions import LineIndex, member_offsets


def transcript_from_data(data: Any, source: SourceText, options: ReadOptions) -> Transcript:
    """A transcript from its dict form; one document (a one-element list is accepted)."""
    name = display_name(source.path)
    if isinstance(data, list):
        if len(data) != 1:
            raise TranscriptError(
                f"holds {len(data)} documents (the output of `parse` on several files); "
                "give one document",
                name,
            )
        data = data[0]
    try:
        transcript = Transcript.from_dict(data)
        transcript.metadata = jsonable(transcript.metadata)
    except TranscriptError as error:
        raise TranscriptError(_with_line(error.message, source.text), name) from None
    except RecursionError:
        raise TranscriptError("document is nested too deeply to read", name) from None
    if transcript.source is None:
        transcript.source = source.path
    if options.speakers:
        transcript = declare_speakers(transcript, options.speakers)
    return transcript


_BLOCK_AT = re.compile(r"blocks\[(\d+)\]")


def _with_line(message: str, text: str) -> str:
    """A message about `blocks[N]` led by the block's source line, when it can be found."""
    found = _BLOCK_AT.match(message)
    if found is None:
        return message
    spans = member_offsets(text, "blocks")
    index = int(found.group(1))
    if not spans or index >= len(spans):
        return message
    return f"line {LineIndex(text).line(spans[index][0])}: {message}"


def declare_speakers(transcript: Transcript, names: tuple[str, ...]) -> Transcript:
    """Mark declared speakers as declared, first in the roster, keeping their aliases."""
    known = {speaker.name: speaker for speaker in transcript.speakers}
    declared = [
        Speaker(name=name, aliases=known[name].aliases if name in known else (), inferred=False)
        for name in dict.fromkeys(names)
    ]
    others = [speaker for speaker in transcript.speakers if speaker.name not in set(names)]
    transcript.speakers = declared + others
    return transcript
