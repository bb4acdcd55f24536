"""What the caption readers (vtt, srt, podcast) share: cue times, speaker marks, turns.

A caption file is a list of timed cues. Each reader cuts its cues into `Piece`s (one per
voice span, `>>` change or `Name:` prefix) and `assemble` turns them into blocks:
consecutive pieces of one speaker become one turn, with the first piece's start and the
last piece's end; a piece that is only a bracketed sound ("[laughter]") is a stage
direction. The rules are general, so every caption format reads the same way:

* A piece whose source names no speaker continues the current speaker when the file
  marks only changes of speaker (the podcast SRT convention, the UW captions); when the
  file marks the speaker on every cue (Zoom, Buzzsprout's VTT, our own writers), such a
  piece has no speaker. Which one a file does is counted, not guessed from its format.
* `Name:` at the start of a cue names a speaker only if the file's cues open with a
  name-shaped prefix more often than with any other words before a colon (so a file
  whose sentences contain colons gets no speakers from them).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import names
from ..errors import TranscriptError
from ..io import SourceText
from ..model import Block, Kind, Speaker, Transcript
from ..options import ReadOptions

# `hh:mm:ss.ttt` with hours optional; lenient on digit counts, so Teams' `0:0:0.570`
# and SRT's comma read too.
_TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9}))?")

# Line terminators of caption formats (and of the text reader): CRLF, LF, CR.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse_timestamp(text: str) -> float | None:
    """Seconds in a caption timestamp, or None when `text` is not one."""
    found = _TIMESTAMP.fullmatch(text)
    if found is None:
        return None
    hours, minutes, seconds, fraction = found.groups()
    if int(minutes) >= 60 or int(seconds) >= 60:
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        value += int(fraction) / 10 ** len(fraction)
    return round(value, 6)


# The usual timing line, read in one match (most files never need the general path).
_TIMING = re.compile(
    r"(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})[ \t]+-->[ \t]+"
    r"(?:(\d+):)?([0-5]\d):([0-5]\d)[.,](\d{3})(?:[ \t]+(.*))?"
)


def parse_timing(line: str, number: int, name: str, format_name: str) -> tuple[float, float, str]:
    """A `start --> end [settings]` line: its times and what follows them, or a clear error."""
    found = _TIMING.fullmatch(line)
    if found is not None:
        h1, m1, s1, f1, h2, m2, s2, f2, settings = found.groups()
        start = (int(h1 or 0) * 3600 + int(m1) * 60 + int(s1)) + int(f1) / 1000
        end = (int(h2 or 0) * 3600 + int(m2) * 60 + int(s2)) + int(f2) / 1000
        if end >= start:
            return round(start, 3), round(end, 3), (settings or "").strip()
    return _parse_timing_slowly(line, number, name, format_name)


def _parse_timing_slowly(
    line: str, number: int, name: str, format_name: str
) -> tuple[float, float, str]:
    head, arrow, tail = line.partition("-->")
    if not arrow:
        raise TranscriptError(f"line {number}: expected a cue timing (start --> end)", name)
    start_text = head.strip()
    tail = tail.strip()
    end_text, _, settings = tail.partition(" ")
    if "\t" in end_text:
        end_text, _, more = end_text.partition("\t")
        settings = f"{more} {settings}".strip()
    start = parse_timestamp(start_text)
    end = parse_timestamp(end_text)
    for text, value in ((start_text, start), (end_text, end)):
        if value is None:
            raise TranscriptError(
                f"line {number}: bad {format_name} timestamp {text!r} "
                f"(expected hh:mm:ss{',' if format_name == 'SRT' else '.'}ttt)",
                name,
            )
    assert start is not None and end is not None
    if end < start:
        raise TranscriptError(
            f"line {number}: cue ends ({end_text}) before it starts ({start_text})", name
        )
    return start, end, settings.strip()


@dataclass(slots=True)
class Piece:
    """A stretch of one cue's words with one speaker mark (or none).

    `marked` says the source names the speaker here (a voice span, a `Name:` prefix, a
    `>>` change, a podcast segment's `speaker`); `speaker` is that name, or None for
    `>>` without a name (a new, unknown speaker).
    """

    text: str
    start: float | None
    end: float | None
    line: int
    end_line: int
    marked: bool = False
    speaker: str | None = None


# A cue that is only a sound or an action: "[laughter]", "(applause)", "♪ music ♪".
_DIRECTION = re.compile(r"(?:\[[^\[\]]*\]|\([^()]*\)|[♪♫][^♪♫]*[♪♫]?)")

_NAME_MARKS = frozenset(".'’_-")
_MAX_NAME_WORDS = 4
# Any words before a colon at the start of a cue: a prefix candidate.
_PREFIX = re.compile(r"(?P<label>[^:\s][^:]{0,39}?)\s*:\s+(?=\S)")
# `>>` marks a change of speaker in broadcast captions, optionally with the name.
_CHANGE = re.compile(r"\s*>>\s*")


def is_direction(text: str) -> bool:
    return bool(text) and text[0] in "[(♪♫" and _DIRECTION.fullmatch(text) is not None


def is_name(label: str) -> bool:
    """Could this prefix name a speaker ("Sarah", "Speaker 2", "DR. FAUCI"), rather than
    open a sentence? One to four words, each opened by a capital or a digit (or a name
    particle inside), with a letter somewhere and no sentence punctuation."""
    words = label.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not any(c.isalpha() for c in label):
        return False
    if words[0].casefold().strip(".") in names.NON_SPEAKER_WORDS:
        return False
    for index, word in enumerate(words):
        if index and word in names.NAME_PARTICLES:
            continue
        if not (word[0].isupper() or word[0].istitle() or word[0].isdigit()):
            return False
        if not all(c.isalnum() or c in _NAME_MARKS for c in word):
            return False
    return True


class PrefixRule:
    """Decides, for a whole file, whether `Name:` at the start of a cue names a speaker.

    With declared speakers, exactly those names (in any case) are prefixes. Otherwise a
    file uses prefixes for speakers only when name-shaped prefixes outnumber the other
    words-before-a-colon its cues open with.
    """

    def __init__(self, texts: Iterable[str], declared: Sequence[str] = ()) -> None:
        self.declared = {name.casefold(): name for name in declared}
        if self.declared:
            self.enabled = True
            return
        names = others = 0
        for text in texts:
            if ">>" in text:  # each change of speaker may open with a name
                chunks = _CHANGE.split(text)
                found = next((_PREFIX.match(c) for c in chunks if _PREFIX.match(c)), None)
            else:
                found = _PREFIX.match(text)
            if found is None:
                continue
            if is_name(found["label"]):
                names += 1
            else:
                others += 1
        self.enabled = names > others

    def split(self, text: str) -> tuple[str | None, str]:
        """The speaker a cue's text opens with, if any, and the rest of the text."""
        if not self.enabled:
            return None, text
        found = _PREFIX.match(text)
        if found is None:
            return None, text
        label = " ".join(found["label"].split())
        if self.declared:
            name = self.declared.get(label.casefold())
            return (name, text[found.end() :]) if name else (None, text)
        return (label, text[found.end() :]) if is_name(label) else (None, text)


def split_marks(text: str, prefixes: PrefixRule | None) -> list[tuple[bool, str | None, str]]:
    """One unmarked stretch of cue text as (marked, speaker, text) parts: split at `>>`
    changes of speaker, with `Name:` prefixes read where the file uses them."""
    if ">>" not in text:
        name, rest = prefixes.split(text) if prefixes else (None, text)
        return [(name is not None, name, rest)]
    chunks = _CHANGE.split(text)
    parts: list[tuple[bool, str | None, str]] = []
    if chunks[0].strip():
        parts.append((False, None, chunks[0]))
    for chunk in chunks[1:]:
        name, rest = prefixes.split(chunk) if prefixes else (None, chunk)
        parts.append((True, name, rest))
    return parts


def share_time(
    parts: Sequence[tuple[bool, str | None, str]],
    start: float,
    end: float,
    line: int,
    end_line: int,
) -> list[Piece]:
    """Pieces for the parts of one cue, its time divided in proportion to their length.

    A part that is only a dialogue dash ("- " before a voice span) is dropped.
    """
    parts = [(marked, name, text.strip()) for marked, name, text in parts]
    parts = [part for part in parts if part[0] or part[2].strip("-– ")]
    if not parts:
        return []
    if len(parts) == 1:
        marked, name, text = parts[0]
        return [Piece(text, start, end, line, end_line, marked, name)]
    total = sum(len(text) for _, _, text in parts) or 1
    pieces = []
    done = 0
    for marked, name, text in parts:
        piece_start = start + (end - start) * done / total
        done += len(text)
        piece_end = start + (end - start) * done / total
        pieces.append(
            Piece(text, round(piece_start, 3), round(piece_end, 3), line, end_line, marked, name)
        )
    return pieces


def fold_rolling(cues: list[list[str]]) -> int:
    """Fold the repetition of rolling captions in place; the number of cues folded.

    Auto-generated captions (YouTube) show each line twice: at the bottom of one cue and
    again at the top of the next, while the next line is typed in. When a file does that
    for at least a quarter of its cues, the repeated leading lines of each cue are removed
    (and a line that grows word by word keeps only its new words). A file that repeats a
    line now and then ("Yes." / "Yes.") is left alone.
    """
    overlaps = []
    for previous, current in itertools.pairwise(cues):
        overlaps.append(_overlap(previous, current) if previous and current else (0, 0))
    folded = sum(1 for lines, chars in overlaps if lines or chars)
    if folded < 2 or folded * 4 < len(cues):
        return 0
    # Work backwards, so each cue is compared with its predecessor as it was written.
    for index in range(len(cues) - 1, 0, -1):
        lines, chars = overlaps[index - 1]
        current = cues[index]
        if lines:
            del current[:lines]
        elif chars:
            current[0] = current[0][chars:].lstrip()
    return folded


def _overlap(previous: list[str], current: list[str]) -> tuple[int, int]:
    """Whole lines of `current` that repeat the end of `previous`; else the characters of
    its first line that repeat `previous`'s last line (a line typed in word by word)."""
    for count in range(min(len(previous), len(current)), 0, -1):
        if previous[-count:] == current[:count]:
            return count, 0
    last, first = previous[-1], current[0]
    if len(first) > len(last) and first.startswith(last) and first[len(last)] == " ":
        return 0, len(last)
    return 0, 0


def marks_every_cue(pieces: Sequence[Piece]) -> bool:
    """Does the file name the speaker on every cue (so an unnamed cue has no speaker)?

    Counted: how often a cue names the same speaker as the cue right before it, against
    how often a named cue is followed (sounds aside) by an unnamed one. Files that mark
    only changes of speaker never repeat a name on adjacent cues; they may repeat it
    after a "[laughter]", which is why a sound in between breaks a repeat.
    """
    repeats = unmarked = 0
    for before, after in itertools.pairwise(pieces):
        if before.marked and after.marked and after.speaker is not None:
            repeats += after.speaker == before.speaker
    spoken = [piece for piece in pieces if not is_direction(piece.text)]
    for before, after in itertools.pairwise(spoken):
        unmarked += before.marked and not after.marked
    return repeats >= unmarked


def assemble(
    pieces: Sequence[Piece | Block],
    source: SourceText,
    options: ReadOptions,
    *,
    metadata: dict[str, Any] | None = None,
    inferred: bool = False,
    roster: Sequence[Speaker] = (),
) -> Transcript:
    """Blocks from pieces: one turn per run of one speaker, directions and unattributed text
    between them, each with its start and end time.

    Ready-made blocks among the pieces (a CHAT comment) pass through and interrupt the
    turn around them. `roster` lists speakers known beforehand (with their aliases);
    speakers first met in the pieces follow them.
    """
    every = marks_every_cue([piece for piece in pieces if isinstance(piece, Piece)])
    blocks: list[Block] = []
    parts: list[str] = []  # the open block's texts, joined when it closes
    current: str | None = None  # the speaker an unnamed piece continues
    last_speaker: str | None = None  # the speaker of the latest turn
    names: dict[str, None] = {}

    def close() -> None:
        if parts:
            blocks[-1].text = " ".join(" ".join(parts).split())
            parts.clear()

    for piece in pieces:
        if isinstance(piece, Block):
            close()
            blocks.append(piece)
            continue
        if not piece.text:
            if piece.marked:  # a bare `>>` or voice with no words still changes speaker
                current = piece.speaker
            continue
        if is_direction(piece.text):
            close()
            blocks.append(
                Block(
                    Kind.STAGE_DIRECTION,
                    piece.text,
                    piece.line,
                    piece.end_line,
                    start=piece.start,
                    end=piece.end,
                )
            )
            continue
        speaker = piece.speaker if piece.marked else (None if every else current)
        current = speaker
        kind = Kind.TURN if speaker else Kind.UNATTRIBUTED
        previous = blocks[-1] if blocks else None
        new_unknown = piece.marked and speaker is None  # `>>`: someone else, name unknown
        if (
            previous is not None
            and previous.kind == kind
            and previous.speaker == speaker
            and not new_unknown
        ):
            parts.append(piece.text)
            if piece.end is not None:
                previous.end = piece.end if previous.end is None else max(previous.end, piece.end)
            previous.end_line = piece.end_line
            continue
        close()
        continued = kind == Kind.TURN and speaker == last_speaker and previous is not None
        blocks.append(
            Block(
                kind,
                "",
                piece.line,
                piece.end_line,
                speaker=speaker,
                start=piece.start,
                end=piece.end,
                continued=continued,
            )
        )
        parts.append(piece.text)
        if speaker:
            last_speaker = speaker
            names[speaker] = None
    close()
    known = {speaker.name for speaker in roster}
    transcript = Transcript(
        blocks=blocks,
        speakers=[
            *roster,
            *(Speaker(name, inferred=inferred) for name in names if name not in known),
        ],
        metadata=metadata or {},
        source=source.path,
    )
    if options.speakers:
        from .document import declare_speakers

        transcript = declare_speakers(transcript, options.speakers)
    return transcript


def clean_spaces(text: str) -> str:
    """Single spaces between words (caption lines are joined into running text)."""
    return " ".join(text.split())
