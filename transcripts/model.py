"""The document model every reader produces and every writer, rule and statistic consumes.

A `Transcript` is plain data: its source, metadata, the speaker roster and an ordered
list of `Block`s. Its dict form (`to_dict`/`from_dict`) is the JSON and YAML format,
versioned by `SCHEMA_VERSION` and described by the shipped `schema.json`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .errors import TranscriptError
from .io import text_encoding
from .spacing import clean_spaces, is_spaced
from .timecode import MAX_SECONDS, as_seconds

#: Version of the dict form; bump on any incompatible change to `to_dict`'s output.
SCHEMA_VERSION = 1


class Kind:
    """Block kinds: what a stretch of the source is, named for what it is."""

    TURN = "turn"  # speech by a speaker
    PROSE = "prose"  # narrative around the interview: lede, notes, closing text
    HEADING = "heading"  # a title or section heading
    TAGS = "tags"  # a tag line such as "#Putin #Ukraine"
    LABELLED = "labelled"  # "Question for Readers: ...", "Editor's note: ...": a label, no speaker
    STAGE_DIRECTION = "stage_direction"  # "(LAUGHTER)", "[crosstalk]"
    TIMESTAMP = "timestamp"  # a time marker standing alone
    UNATTRIBUTED = "unattributed"  # text inside the dialogue that belongs to no speaker
    LAYOUT = "layout"  # page headers, page markers, margin numbers: the page, not the text
    FRONT_MATTER = "front_matter"  # a YAML front matter block; its content is in metadata


KINDS: frozenset[str] = frozenset(
    value for name, value in vars(Kind).items() if not name.startswith("_")
)

#: Kinds that carry no words of the conversation; stats count them by kind.
NON_SPEECH_KINDS: frozenset[str] = KINDS - {Kind.TURN}


class Word(NamedTuple):
    """One word as a speech-to-text service (or a karaoke caption) timed it.

    A tuple, not an object with a dict: an hour of speech holds some ten thousand words,
    and a large archive many more. Any of the times and the confidence (0 to 1, as the
    service gave it) may be unknown.
    """

    text: str
    start: float | None = None
    end: float | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _timed_text(self.text, self.start, self.end)
        if self.confidence is not None:
            data["confidence"] = self.confidence
        return data


def _timed_text(text: str, start: float | None, end: float | None) -> dict[str, Any]:
    """The dict form of a word's or piece's text and times (unknown times left out)."""
    data: dict[str, Any] = {"text": text}
    if start is not None:
        data["start"] = start
    if end is not None:
        data["end"] = end
    return data


@dataclass(slots=True)
class Piece:
    """A unit a time-aligned source was made of: a caption cue, a speech-to-text segment,
    a CHAT utterance.

    Consecutive pieces of one speaker make one turn, whose `text` is their texts joined;
    the pieces keep what the turn alone cannot: each cue's own times and line breaks,
    and the words with their times and confidence where the source has them. Writers
    of timed formats write pieces back as they were, which makes round trips exact.
    """

    text: str
    start: float | None = None
    end: float | None = None
    words: tuple[Word, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _timed_text(self.text, self.start, self.end)
        if self.words is not None:
            data["words"] = [word.to_dict() for word in self.words]
        return data


class Block:
    """One stretch of the source: a turn, a heading, a stage direction, ...

    `line`/`end_line` are the 1-based, inclusive source lines of its content. `raw`,
    when the block came from a text source, is its exact source text (label, line
    endings and the blank lines that follow it included), which is what makes the
    text round trip byte-exact. `start`/`end` are times in seconds where known.
    `pieces`, for a block read from a time-aligned source, are the cues or segments it
    was assembled from (see `Piece`); None for a block read from text.

    A plain class with slots rather than a dataclass, for one reason: a transcript held
    whole (`read`, `lint`) keeps a block's `raw` as the text around its `text` (see
    `compact_blocks`) instead of a second copy of it, and `raw` is a property that
    gives the same string back. Attributes, equality, `repr`, pickling and the dict
    form are those the dataclass had.

    Likewise a turn assembled from time-aligned pieces may be made without its `text`
    (`text_from_pieces`): it is then its pieces' texts joined (`joined_text`), made on
    first asking and kept. A million cues' turns would otherwise hold every cue's words
    twice. Whoever changes such a block's pieces reads its text first.
    """

    __slots__ = (
        "_inner",
        "_raw",
        "continued",
        "end",
        "end_line",
        "kind",
        "label",
        "line",
        "pieces",
        "speaker",
        "start",
        "text",
    )
    __match_args__ = (
        "kind",
        "text",
        "line",
        "end_line",
        "speaker",
        "label",
        "start",
        "end",
        "continued",
        "raw",
        "pieces",
    )

    kind: str
    text: str
    line: int
    end_line: int
    speaker: str | None
    label: str | None
    start: float | None
    end: float | None
    continued: bool  # a turn resumed after an interruption (a stage direction, a page)
    pieces: list[Piece] | None
    # `raw` as given (a string or None), or, once compacted, the shared pair of what
    # comes before and after `_inner`, the text it was split around (the same object
    # as `text` unless `text` was reassigned since, which leaves `raw` as it was).
    _raw: str | tuple[str, str] | None
    _inner: str

    def __init__(
        self,
        kind: str,
        text: str,
        line: int = 0,
        end_line: int = 0,
        speaker: str | None = None,
        label: str | None = None,
        start: float | None = None,
        end: float | None = None,
        continued: bool = False,
        raw: str | None = None,
        pieces: list[Piece] | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.end_line = end_line
        self.speaker = speaker
        self.label = label
        self.start = start
        self.end = end
        self.continued = continued
        self._raw = raw
        self.pieces = pieces

    @property
    def raw(self) -> str | None:
        raw = self._raw
        if raw.__class__ is tuple:
            before, after = raw
            return before + self._inner + after
        return raw  # type: ignore[return-value]

    @raw.setter
    def raw(self, value: str | None) -> None:
        self._raw = value

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.kind,
            self.text,
            self.line,
            self.end_line,
            self.speaker,
            self.label,
            self.start,
            self.end,
            self.continued,
            self.raw,
            self.pieces,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Block):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        pairs = zip(self.__match_args__, self._fields(), strict=True)
        shown = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"{self.__class__.__qualname__}({shown})"

    def __getstate__(self) -> tuple[Any, ...]:
        """The slots as they are: a compacted block pickles compact (`--jobs` sends
        whole transcripts between processes)."""
        return tuple(getattr(self, name, None) for name in self.__slots__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            if name != "_inner" or value is not None:
                setattr(self, name, value)

    @property
    def is_turn(self) -> bool:
        return self.kind == Kind.TURN

    def to_dict(self, into: dict[str, Any] | None = None) -> dict[str, Any]:
        """The block's dict form; optional fields appear only when set.

        `into` is a dict to add the fields to (a writer's record with fields of its own).
        """
        data: dict[str, Any] = {} if into is None else into
        data["kind"] = self.kind
        if self.speaker is not None:
            data["speaker"] = self.speaker
        if self.label is not None:
            data["label"] = self.label
        data["text"] = self.text
        data["line"] = self.line
        data["end_line"] = self.end_line
        if self.start is not None:
            data["start"] = self.start
        if self.end is not None:
            data["end"] = self.end
        if self.continued:
            data["continued"] = True
        raw = self._raw
        if raw is not None:
            data["raw"] = self.raw if raw.__class__ is tuple else raw
        if self.pieces is not None:
            data["pieces"] = [piece.to_dict() for piece in self.pieces]
        return data


def block_records(
    blocks: Iterable[Block], lead: tuple[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Each block's dict form (`Block.to_dict`), after the field `lead` (key, value) when
    given: a writer's record with a field of its own (the JSON Lines `path`).

    The usual block of a text source, a turn as it was read (speaker and label, no
    times, its `raw` a string, no pieces), is made whole by one dict display, sized
    for its fields at once, in this one frame for the lot; any other by `to_dict`.
    (Added to a field at a time, a record outgrew its first table and was copied to a
    larger one: for every block of a large file.)"""
    records: list[dict[str, Any]] = []
    append = records.append
    key, value = lead if lead is not None else ("", None)  # (read only with a lead)
    for block in blocks:
        speaker, label, raw = block.speaker, block.label, block._raw
        if (
            speaker is None
            or label is None
            or raw.__class__ is not str
            or block.start is not None
            or block.end is not None
            or block.continued
            or block.pieces is not None
            or block.__class__ is not Block
        ):
            append(block.to_dict(None if lead is None else {key: value}))
        elif lead is None:
            append(
                {
                    "kind": block.kind,
                    "speaker": speaker,
                    "label": label,
                    "text": block.text,
                    "line": block.line,
                    "end_line": block.end_line,
                    "raw": raw,
                }
            )
        else:
            append(
                {
                    key: value,
                    "kind": block.kind,
                    "speaker": speaker,
                    "label": label,
                    "text": block.text,
                    "line": block.line,
                    "end_line": block.end_line,
                    "raw": raw,
                }
            )
    return records


class _TextFromPieces(Block):
    """A block whose `text` is still to be made from its pieces (`text_from_pieces`).

    Only such blocks have a `__getattr__`: on a class with one, CPython reads every
    attribute through a slower path, which on `Block` itself made `to_dict` three times
    slower. Once its text is made, the block is a plain `Block` again."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        if name == "text":
            text = joined_text(piece.text for piece in self.pieces or ())
            self.text = text
            self.__class__ = Block  # type: ignore[assignment]  # (the same slots: plain from now on)
            return text
        raise AttributeError(f"'Block' object has no attribute {name!r}")

    def __reduce_ex__(self, protocol: Any) -> Any:
        self.text  # noqa: B018  # made, so that a copy or a pickle is a plain Block
        return Block.__reduce_ex__(self, protocol)


def text_from_pieces(block: Block) -> None:
    """Let go of a turn's text, to be made again from its pieces when first asked for."""
    block.__class__ = _TextFromPieces
    del block.text


def joined_text(texts: Iterable[str]) -> str:
    """A turn's text from the texts of its pieces (caption cues, segments): joined by
    single spaces, each run of white space (a cue's line break) one space."""
    text = " ".join(texts)
    return text if is_spaced(text) else clean_spaces(text)


def held_blocks(transcript: Transcript, blocks: Iterable[Block]) -> list[Block]:
    """A document's blocks listed to be held whole: compacted (`compact_blocks`) when
    they came from a text source (a `layout` says so), whose blocks carry their `raw`."""
    return compact_blocks(blocks) if transcript.layout is not None else list(blocks)


#: Shortest text worth keeping `raw` around rather than as a copy: the pair it shares
#: with other blocks costs a lookup, and a short text saves less than that is worth.
COMPACT_LEAST = 32


def compact_blocks(blocks: Iterable[Block]) -> list[Block]:
    """The blocks in a list, each stored in less memory, for a transcript held whole.

    A text block's `raw` is mostly its `text` again: `"Ana: " + text + "\n\n"`. Kept as
    the pair of what comes before and after the text (one pair shared by every block
    with the same label and spacing), the copy goes; `raw` still gives the same string.
    Labels are shared the same way, and an `end_line` equal to `line` is the same int
    object. Nothing observable changes; this costs about half a microsecond a block,
    so streaming writers, which hold no block for long, never call it.
    """
    shared: dict[Any, Any] = {}
    share = shared.setdefault
    held = []
    for block in blocks:
        held.append(block)
        if block.end_line == block.line:
            block.end_line = block.line
        label = block.label
        if label is not None:
            block.label = share(label, label)
        raw, text = block._raw, block.text
        if raw.__class__ is not str or text.__class__ is not str or len(text) < COMPACT_LEAST:
            continue
        at = raw.find(text[:8])
        if at < 0 or not raw.startswith(text, at):
            at = raw.find(text)
            if at < 0:
                continue  # the text is not in the raw as it stands (line endings, wrapping)
        around = (raw[:at], raw[at + len(text) :])
        block._raw = share(around, around)
        block._inner = text
    return held


@dataclass(slots=True)
class Speaker:
    """A roster entry: the canonical name turns carry, the other labels used for the
    same person, and whether the parser inferred it or the user declared it."""

    name: str
    aliases: tuple[str, ...] = ()
    inferred: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases), "inferred": self.inferred}


@dataclass(slots=True)
class Layout:
    """How a text source was encoded, so the text writer can give back its exact bytes."""

    encoding: str = "utf-8"
    bom: bool = False
    leading: str = ""  # blank lines before the first block, verbatim

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"encoding": self.encoding, "bom": self.bom}
        if self.leading:
            data["leading"] = self.leading
        return data


@dataclass(slots=True)
class Transcript:
    """A whole document: metadata, roster and blocks in source order."""

    blocks: list[Block] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    layout: Layout | None = None
    # What the text reader inferred about the labels (`readers.text.evidence.Inference`:
    # its `summary()` and `warning`); None for other formats. Not part of the dict form.
    inference: Any = field(default=None, compare=False, repr=False)

    def turns(self) -> Iterator[Block]:
        """The speech blocks, in order."""
        return (block for block in self.blocks if block.kind == Kind.TURN)

    @property
    def title(self) -> str | None:
        title = self.metadata.get("title")
        return title if isinstance(title, str) else None

    def speaker_names(self) -> list[str]:
        return [speaker.name for speaker in self.speakers]

    def header_dict(self) -> dict[str, Any]:
        """Everything in the dict form except the blocks (for streaming writers)."""
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        if self.source is not None:
            data["source"] = self.source
        data["metadata"] = self.metadata
        data["speakers"] = [speaker.to_dict() for speaker in self.speakers]
        if self.layout is not None:
            data["layout"] = self.layout.to_dict()
        return data

    def to_dict(self) -> dict[str, Any]:
        """The versioned dict form: the JSON and YAML document."""
        data = self.header_dict()
        data["blocks"] = [block.to_dict() for block in self.blocks]
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Transcript:
        """Build a transcript from its dict form, with a precise error for any bad field."""
        return _DictReader().transcript(data)


class _DictReader:
    """Checks a dict form field by field; errors name the field (`blocks[3].line`)."""

    def transcript(self, data: Any) -> Transcript:
        if not isinstance(data, Mapping):
            raise TranscriptError(
                f"expected a transcript object at the top level, found {_type_name(data)}"
            )
        version = data.get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or isinstance(version, bool):
            raise TranscriptError("schema_version: expected an integer")
        if version > SCHEMA_VERSION:
            raise TranscriptError(
                f"schema_version {version} is newer than this tool reads ({SCHEMA_VERSION}); "
                "upgrade transcripts"
            )
        if "blocks" not in data:
            raise TranscriptError("missing 'blocks' (the list of the transcript's blocks)")
        blocks_data = data["blocks"]
        if not isinstance(blocks_data, list):
            raise TranscriptError(f"blocks: expected a list, found {_type_name(blocks_data)}")
        blocks = [self.block(item, f"blocks[{i}]") for i, item in enumerate(blocks_data)]
        speakers = self.speakers(data.get("speakers", []))
        metadata = data.get("metadata", {})
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, Mapping):
            raise TranscriptError(f"metadata: expected an object, found {_type_name(metadata)}")
        source = self.optional_str(data, "source", "source")
        layout = self.layout(data["layout"]) if data.get("layout") is not None else None
        known = {name for speaker in speakers for name in (speaker.name, *speaker.aliases)}
        missing = [b.speaker for b in blocks if b.speaker is not None and b.speaker not in known]
        for name in dict.fromkeys(missing):  # speakers used but not listed join the roster
            speakers.append(Speaker(name=name, inferred=True))
        return Transcript(
            blocks=blocks,
            speakers=speakers,
            metadata=dict(metadata),
            source=source,
            layout=layout,
        )

    def speakers(self, data: Any) -> list[Speaker]:
        if not isinstance(data, list):
            raise TranscriptError(f"speakers: expected a list, found {_type_name(data)}")
        speakers = []
        for i, item in enumerate(data):
            where = f"speakers[{i}]"
            if isinstance(item, str):  # a bare name is a convenient shorthand
                speakers.append(Speaker(name=item, inferred=False))
                continue
            if not isinstance(item, Mapping):
                raise TranscriptError(f"{where}: expected an object, found {_type_name(item)}")
            name = item.get("name")
            if not isinstance(name, str) or not name:
                raise TranscriptError(f"{where}.name: expected a non-empty string")
            aliases = item.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise TranscriptError(f"{where}.aliases: expected a list of strings")
            inferred = item.get("inferred", True)
            if not isinstance(inferred, bool):
                raise TranscriptError(f"{where}.inferred: expected true or false")
            speakers.append(Speaker(name=name, aliases=tuple(aliases), inferred=inferred))
        return speakers

    def block(self, data: Any, where: str) -> Block:
        if not isinstance(data, Mapping):
            raise TranscriptError(f"{where}: expected an object, found {_type_name(data)}")
        kind = data.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            raise TranscriptError(
                f"{where}.kind: expected one of {', '.join(sorted(KINDS))}, found {_shown(kind)}"
            )
        text = data.get("text", "")
        if not isinstance(text, str):
            raise TranscriptError(f"{where}.text: expected a string, found {_type_name(text)}")
        line = self.line_number(data, "line", f"{where}.line", default=0)
        end_line = self.line_number(data, "end_line", f"{where}.end_line", default=line)
        if end_line < line:
            raise TranscriptError(f"{where}.end_line: {end_line} is before line {line}")
        speaker = self.optional_str(data, "speaker", f"{where}.speaker")
        if kind == Kind.TURN and not speaker:
            raise TranscriptError(f"{where}.speaker: a turn needs a speaker")
        continued = data.get("continued", False)
        if not isinstance(continued, bool):
            raise TranscriptError(f"{where}.continued: expected true or false")
        start, end = self.span(data, where)  # a block, like its pieces, ends after it starts
        return Block(
            kind=kind,
            text=text,
            line=line,
            end_line=end_line,
            speaker=speaker,
            label=self.optional_str(data, "label", f"{where}.label"),
            start=start,
            end=end,
            continued=continued,
            raw=self.optional_str(data, "raw", f"{where}.raw"),
            pieces=self.pieces(data["pieces"], f"{where}.pieces") if "pieces" in data else None,
        )

    def pieces(self, data: Any, where: str) -> list[Piece]:
        pieces = []
        for at, item in self.objects(data, where):
            text = self.text(item, at, default="")
            start, end = self.span(item, at)
            words = item.get("words")
            pieces.append(
                Piece(text, start, end, None if words is None else self.words(words, f"{at}.words"))
            )
        return pieces

    def words(self, data: Any, where: str) -> tuple[Word, ...]:
        words = []
        for at, item in self.objects(data, where):
            text = self.text(item, at)
            start, end = self.span(item, at)
            confidence = item.get("confidence")
            if confidence is not None and not _is_finite_number(confidence):
                raise TranscriptError(
                    f"{at}.confidence: expected a number, found {_shown(confidence)}"
                )
            words.append(Word(text, start, end, confidence))
        return tuple(words)

    @staticmethod
    def objects(data: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """The objects of a list, each with its place (`pieces[2]`)."""
        if not isinstance(data, list):
            raise TranscriptError(f"{where}: expected a list, found {_type_name(data)}")
        for index, item in enumerate(data):
            at = f"{where}[{index}]"
            if not isinstance(item, Mapping):
                raise TranscriptError(f"{at}: expected an object, found {_type_name(item)}")
            yield at, item

    @staticmethod
    def text(data: Mapping[str, Any], where: str, default: str | None = None) -> str:
        text = data.get("text", default)
        if not isinstance(text, str):
            raise TranscriptError(f"{where}.text: expected a string, found {_type_name(text)}")
        return text

    def span(self, data: Mapping[str, Any], where: str) -> tuple[float | None, float | None]:
        start = self.optional_time(data, "start", f"{where}.start")
        end = self.optional_time(data, "end", f"{where}.end")
        if start is not None and end is not None and end < start:
            raise TranscriptError(f"{where}.end: {end:g} is before its start {start:g}")
        return start, end

    def layout(self, data: Any) -> Layout:
        if not isinstance(data, Mapping):
            raise TranscriptError(f"layout: expected an object, found {_type_name(data)}")
        encoding = data.get("encoding", "utf-8")
        if not isinstance(encoding, str):
            raise TranscriptError("layout.encoding: expected a string")
        try:
            encoding = text_encoding(encoding)
        except TranscriptError as error:
            raise TranscriptError(f"layout.encoding: {error.message}") from None
        bom = data.get("bom", False)
        if not isinstance(bom, bool):
            raise TranscriptError("layout.bom: expected true or false")
        leading = data.get("leading", "")
        if not isinstance(leading, str):
            raise TranscriptError("layout.leading: expected a string")
        return Layout(encoding=encoding, bom=bom, leading=leading)

    @staticmethod
    def line_number(data: Mapping[str, Any], key: str, where: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_LINE:
            raise TranscriptError(f"{where}: expected a line number, found {_shown(value)}")
        return value

    @staticmethod
    def optional_str(data: Mapping[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise TranscriptError(f"{where}: expected a string, found {_type_name(value)}")
        return value

    @staticmethod
    def optional_time(data: Mapping[str, Any], key: str, where: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TranscriptError(f"{where}: expected seconds as a number, found {_shown(value)}")
        if as_seconds(value) is None:
            raise TranscriptError(
                f"{where}: expected a non-negative number of seconds (at most "
                f"{MAX_SECONDS:g}), found {_shown(value)}"
            )
        return value


#: The largest line number read: the largest integer every JSON reader reads exactly.
MAX_LINE = 2**53 - 1


def _is_finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer beyond any float
        return False


def _shown(value: Any, limit: int = 40) -> str:
    """A value from a file in an error message: its repr, cut short (an integer of
    thousands of digits, a long string)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
