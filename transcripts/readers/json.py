"""The JSON reader: the document's dict form (what `parse` and `convert -t json` write)."""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from .common import jsonable
from .jsonlines import LineIndex, member_offsets


def load_json(source: SourceText) -> Any:
    """Parse JSON text, turning every failure into one line naming the place."""
    name = display_name(source.path)
    try:
        return json.loads(source.text)
    except json.JSONDecodeError as error:
        raise TranscriptError(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}", name
        ) from None
    except RecursionError:
        raise TranscriptError("JSON is nested too deeply to read", name) from None


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
    if isinstance(data, dict) and "blocks" not in data and "segments" in data:
        raise TranscriptError(
            'has "segments" but no "blocks": a podcast transcript? (read it with -f podcast)',
            name,
        )
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
    """Mark declared speakers as declared in a document read from structured data."""
    from ..model import Speaker

    known = {speaker.name: speaker for speaker in transcript.speakers}
    declared = [
        Speaker(name=name, aliases=known[name].aliases if name in known else (), inferred=False)
        for name in dict.fromkeys(names)
    ]
    others = [speaker for speaker in transcript.speakers if speaker.name not in set(names)]
    transcript.speakers = declared + others
    return transcript


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a JSON document."""
    return transcript_from_data(load_json(source), source, options or ReadOptions())


def sniff(text: str) -> bool:
    """JSON text opens with an object or an array (and is not JSON Lines)."""
    from .jsonl import sniff as is_jsonl

    return text.lstrip().startswith(("{", "[")) and not is_jsonl(text)
