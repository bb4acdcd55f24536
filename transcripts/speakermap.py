"""Renaming speakers: machine labels (`spk_0`, `SPEAKER_00`, `A`) to people's names.

`--speaker-map 'spk_0=Ana Ruiz'` (repeatable), or `speaker-map:` in the configuration
file, for any format. A renamed speaker keeps its old label as an alias; two labels
mapped to one name become one speaker, and consecutive time-aligned turns of that
speaker one turn. Labels not in the map stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from .errors import TranscriptError
from .model import Block, Kind, Speaker, Transcript

SpeakerMap = tuple[tuple[str, str], ...]


def parse_speaker_map(
    values: Iterable[str] | Iterable[tuple[str, str]] | Mapping[str, str],
) -> SpeakerMap:
    """`LABEL=NAME` items (or pairs, or a mapping from a configuration file) as (label,
    name) pairs; an item without `=` or with an empty side is an error naming it."""
    if isinstance(values, Mapping):
        values = [f"{label}={name}" for label, name in values.items()]
    pairs = []
    for value in values:
        if isinstance(value, tuple) and len(value) == 2:
            value = f"{value[0]}={value[1]}"
        label, equals, name = str(value).partition("=")
        label, name = " ".join(label.split()), " ".join(name.split())
        if not equals or not label or not name:
            raise TranscriptError(
                f"--speaker-map: expected LABEL=NAME (e.g. 'spk_0=Ana Ruiz'), found {value!r}"
            )
        pairs.append((label, name))
    return tuple(pairs)


def apply_speaker_map(transcript: Transcript, mapping: SpeakerMap) -> Transcript:
    """Rename the transcript's speakers in place (blocks and roster) and return it."""
    if not mapping:
        return transcript
    names = dict(mapping)
    transcript.speakers = _roster(transcript.speakers, names)
    transcript.blocks = _merge_turns(list(map_blocks(transcript.blocks, mapping)))
    return transcript


def map_blocks(blocks: Iterable[Block], mapping: SpeakerMap) -> Iterator[Block]:
    """The blocks with their speakers renamed, one by one (for streamed documents)."""
    names = dict(mapping)
    for block in blocks:
        if block.speaker is not None and block.speaker in names:
            block.speaker = names[block.speaker]
        yield block


def map_roster(transcript: Transcript, mapping: SpeakerMap) -> Transcript:
    """Rename the roster only (a streamed document's blocks follow by `map_blocks`)."""
    transcript.speakers = _roster(transcript.speakers, dict(mapping))
    return transcript


def _roster(speakers: list[Speaker], names: dict[str, str]) -> list[Speaker]:
    """The roster renamed; the old label becomes an alias; entries merged by new name."""
    merged: dict[str, Speaker] = {}
    for speaker in speakers:
        name = names.get(speaker.name, speaker.name)
        aliases = speaker.aliases + ((speaker.name,) if name != speaker.name else ())
        if name in merged:
            before = merged[name]
            before.aliases = tuple(dict.fromkeys((*before.aliases, *aliases)))
            before.inferred = before.inferred and speaker.inferred
        else:
            merged[name] = Speaker(name, tuple(dict.fromkeys(aliases)), speaker.inferred)
    return list(merged.values())


def _merge_turns(blocks: list[Block]) -> list[Block]:
    """Consecutive time-aligned turns of one speaker (two labels now one name) as one."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and block.kind == Kind.TURN == previous.kind
            and block.speaker == previous.speaker
            and block.pieces is not None
            and previous.pieces is not None
            and block.raw is None
            and previous.raw is None
        ):
            previous.text = f"{previous.text} {block.text}".strip()
            previous.pieces.extend(block.pieces)
            if block.end is not None:
                previous.end = block.end if previous.end is None else max(previous.end, block.end)
            previous.end_line = max(previous.end_line, block.end_line)
            continue
        merged.append(block)
    return merged
