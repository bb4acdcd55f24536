"""Walking the paragraphs in order and building blocks: where position decides the kind.

An unlabelled paragraph continues the turn before it; after a stage direction or a page
marker that interrupted a turn it resumes that turn (`continued`); after any other
non-turn inside the dialogue it is unattributed text; before the dialogue it is prose.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ...model import Block, Kind
from . import frontmatter, names, paragraphs
from .lines import strip_ending
from .paragraphs_scan import Paragraph
from .roster import Roster

# Kinds that interrupt a turn without ending it: the same speaker goes on afterwards.
_INTERRUPTIONS = frozenset({Kind.STAGE_DIRECTION, Kind.TIMESTAMP, Kind.LAYOUT})


class _Pending:
    """A block being built: its kind, first and last source lines, and text so far."""

    __slots__ = ("continued", "kind", "label", "last", "speaker", "start", "texts", "time")

    def __init__(
        self,
        kind: str,
        start: int,
        last: int,
        text: str,
        speaker: str | None = None,
        label: str | None = None,
        time: float | None = None,
        continued: bool = False,
    ) -> None:
        self.kind = kind
        self.start = start
        self.last = last
        self.texts = [text]
        self.speaker = speaker
        self.label = label
        self.time = time
        self.continued = continued


class Assembler:
    """Builds the blocks of one document from its paragraphs and roster."""

    def __init__(
        self,
        lines: Sequence[str],
        paragraph_list: Sequence[Paragraph],
        roster: Roster,
        body_start: int,
    ) -> None:
        self.lines = lines
        self.paragraphs = paragraph_list
        self.roster = roster
        self.body_start = body_start

    def text_of(self, paragraph: Paragraph, skip_first: bool = False) -> str:
        """The paragraph's lines, stripped and joined by newlines (optionally without the first)."""
        first = paragraph.start + 1 if skip_first else paragraph.start
        return "\n".join(
            strip_ending(line).strip() for line in self.lines[first : paragraph.last + 1]
        )

    def turn_text(self, paragraph: Paragraph, rest: str) -> str:
        if paragraph.last == paragraph.start:
            return rest
        following = self.text_of(paragraph, skip_first=True)
        return f"{rest}\n{following}" if rest else following

    def classify(
        self, paragraph: Paragraph, in_dialogue: bool
    ) -> tuple[str | None, str | None, str | None, str]:
        """(kind, speaker, label, text) of a paragraph as far as it can tell on its own;
        kind None means its position decides (continuation, unattributed or prose)."""
        match = paragraph.match
        if match is not None:
            speaker = self.roster.speaker_for(match.label)
            if speaker is not None:
                return Kind.TURN, speaker, match.label, self.turn_text(paragraph, match.rest)
        text = self.text_of(paragraph)
        kind = paragraphs.classify(text, in_dialogue)
        if kind is not None:
            return kind, None, None, text
        if (
            match is not None
            and match.rest
            and names.is_label_shaped(match.label)
            and not names.is_speaker_shaped(match.label)
        ):
            return Kind.LABELLED, None, match.label, self.turn_text(paragraph, match.rest)
        return None, None, None, text

    def metadata(self, metadata: dict[str, Any]) -> dict[str, Any]:
        """Front matter metadata plus the title (the first heading before the dialogue)
        and the tags of tag lines, found before any block is built."""
        metadata = dict(metadata)
        if "tags" in metadata:
            metadata["tags"] = frontmatter.tags_list(metadata["tags"])
        title = metadata.get("title")
        tags: list[str] = []
        in_dialogue = False
        for paragraph in self.paragraphs:
            if not in_dialogue:
                kind, _, _, text = self.classify(paragraph, False)
                if kind == Kind.TURN:
                    in_dialogue = True
                elif kind == Kind.HEADING and not title:
                    title = paragraphs.heading_text(text)
                elif kind == Kind.TAGS:
                    tags.extend(paragraphs.tags_of(text))
            elif paragraph.match is None and self.lines[paragraph.start].lstrip().startswith("#"):
                text = self.text_of(paragraph)
                if paragraphs.is_tags(text):
                    tags.extend(paragraphs.tags_of(text))
        if title:
            metadata["title"] = title
        if tags:
            metadata["tags"] = list(dict.fromkeys([*metadata.get("tags", []), *tags]))
        return metadata

    def blocks(self, front_matter_end: int = 0) -> Iterator[Block]:
        """The document's blocks in order; each is yielded once the next one starts."""
        lines = self.lines
        pending: _Pending | None = None
        if front_matter_end:
            body = "".join(lines[1 : front_matter_end - 1])
            pending = _Pending(Kind.FRONT_MATTER, 0, front_matter_end - 1, body.rstrip("\r\n"))
        in_dialogue = False
        interrupted: str | None = None  # the speaker of a turn a stage direction interrupted
        for paragraph in self.paragraphs:
            kind, speaker, label, text = self.classify(paragraph, in_dialogue)
            start, last = paragraph.start, paragraph.last
            if kind is None and pending is not None and pending.kind == Kind.TURN:
                separator = "\n" if start == pending.last + 1 else "\n\n"
                if pending.texts != [""]:
                    pending.texts.append(separator)
                pending.texts.append(text)
                pending.last = last
                continue
            if pending is not None:
                yield self._build(pending, start)
            if kind == Kind.TURN:
                in_dialogue, interrupted = True, None
                match = paragraph.match
                pending = _Pending(
                    Kind.TURN, start, last, text, speaker, label, match.start if match else None
                )
            elif kind is None:
                if interrupted is not None:
                    pending = _Pending(Kind.TURN, start, last, text, interrupted, continued=True)
                    interrupted = None
                else:
                    pending = _Pending(
                        Kind.UNATTRIBUTED if in_dialogue else Kind.PROSE, start, last, text
                    )
            else:
                if kind in _INTERRUPTIONS:
                    if pending is not None and pending.kind == Kind.TURN:
                        interrupted = pending.speaker
                else:
                    interrupted = None
                pending = _Pending(kind, start, last, text, label=label)
        if pending is not None:
            yield self._build(pending, len(lines))

    def _build(self, pending: _Pending, next_start: int) -> Block:
        texts = pending.texts
        return Block(
            kind=pending.kind,
            text=texts[0] if len(texts) == 1 else "".join(texts),
            line=pending.start + 1,
            end_line=pending.last + 1,
            speaker=pending.speaker,
            label=pending.label,
            start=pending.time,
            continued=pending.continued,
            raw="".join(self.lines[pending.start : next_start]),
        )
