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
from .paragraphs_scan import Paragraph
from .roster import Roster

# Kinds that interrupt a turn without ending it: the same speaker goes on afterwards.
_INTERRUPTIONS = frozenset({Kind.STAGE_DIRECTION, Kind.TIMESTAMP, Kind.LAYOUT})


class Assembler:
    """Builds the blocks of one document from its paragraphs and roster."""

    def __init__(
        self,
        lines: Sequence[str],
        paragraph_list: Sequence[Paragraph],
        roster: Roster,
        hashed: Sequence[int] = (),
    ) -> None:
        self.lines = lines
        self.hashed = hashed  # paragraphs (by index) that open with "#"
        self.paragraphs = paragraph_list
        self.roster = roster
        self._speakers: dict[str, str | None] = {}

    def speaker_for(self, label: str) -> str | None:
        """The speaker a candidate label names, if it names one (memoised per label)."""
        try:
            return self._speakers[label]
        except KeyError:
            speaker = self._speakers[label] = self.roster.speaker_for(label)
            return speaker

    def text_of(self, paragraph: Paragraph, skip_first: bool = False) -> str:
        """The paragraph's lines, stripped and joined by newlines (optionally without the first)."""
        first = paragraph.start + 1 if skip_first else paragraph.start
        if first == paragraph.last:
            return self.lines[first].strip()
        return "\n".join(line.strip() for line in self.lines[first : paragraph.last + 1])

    def turn_text(self, paragraph: Paragraph) -> str:
        """The text after the label: the rest of its line and the paragraph's other lines."""
        rest = self.lines[paragraph.start][paragraph.rest_at :].strip()
        if paragraph.last == paragraph.start:
            return rest
        following = self.text_of(paragraph, skip_first=True)
        return f"{rest}\n{following}" if rest else following

    def classify(
        self, paragraph: Paragraph, in_dialogue: bool
    ) -> tuple[str | None, str | None, str | None, str]:
        """(kind, speaker, label, text) of a paragraph as far as it can tell on its own;
        kind None means its position decides (continuation, unattributed or prose)."""
        label = paragraph.label
        if label is not None:
            speaker = self.speaker_for(label)
            if speaker is not None:
                return Kind.TURN, speaker, label, self.turn_text(paragraph)
        text = self.text_of(paragraph)
        kind = paragraphs.classify(text, in_dialogue)
        if kind is not None:
            return kind, None, None, text
        if (
            label is not None
            and not paragraph.bare
            and names.is_label_shaped(label)
            and not names.is_speaker_shaped(label)
        ):
            return Kind.LABELLED, None, label, self.turn_text(paragraph)
        return None, None, None, text

    def metadata(self, metadata: dict[str, Any]) -> dict[str, Any]:
        """Front matter metadata plus the title (the first heading before the dialogue)
        and the tags of tag lines, found before any block is built."""
        metadata = dict(metadata)
        if "tags" in metadata:
            metadata["tags"] = frontmatter.tags_list(metadata["tags"])
        title = metadata.get("title")
        for paragraph in self.paragraphs:
            kind, _, _, text = self.classify(paragraph, False)
            if kind == Kind.TURN:
                break
            if kind == Kind.HEADING and not title:
                title = paragraphs.heading_text(text)
        if title:
            metadata["title"] = title
        tags = self.tags()
        if tags:
            metadata["tags"] = list(dict.fromkeys([*metadata.get("tags", []), *tags]))
        return metadata

    def tags(self) -> list[str]:
        """The tags of every tag line (the scan noted the few paragraphs that may be one)."""
        tags: list[str] = []
        for index in self.hashed:
            words = self.text_of(self.paragraphs[index])
            if paragraphs.is_tags(words):
                tags.extend(paragraphs.tags_of(words))
        return tags

    def blocks(self, front_matter_end: int = 0) -> Iterator[Block]:
        """The document's blocks in order; each is yielded once the next one starts (which
        is when its raw text, the blank lines after it included, is known)."""
        lines = self.lines
        pending: Block | None = None
        if front_matter_end:
            body = "".join(lines[1 : front_matter_end - 1]).rstrip("\r\n")
            pending = Block(Kind.FRONT_MATTER, body, 1, front_matter_end)
        in_dialogue = False
        interrupted: str | None = None  # the speaker of a turn a stage direction interrupted
        speaker_for = self.speaker_for
        known = self._speakers  # label -> speaker, filled by speaker_for
        for paragraph in self.paragraphs:
            start, last, label = paragraph.start, paragraph.last, paragraph.label
            if label is None:
                speaker = None
            elif label in known:
                speaker = known[label]
            else:
                speaker = speaker_for(label)
            if speaker is not None:  # the common case, without the general classification
                if pending is not None:
                    pending.raw = "".join(lines[pending.line - 1 : start])
                    yield pending
                in_dialogue, interrupted = True, None
                if start == last:
                    words = lines[start][paragraph.rest_at :].strip()
                else:
                    words = self.turn_text(paragraph)
                pending = Block(
                    Kind.TURN, words, start + 1, last + 1, speaker, label, paragraph.time
                )
                continue
            kind, speaker, label, words = self.classify(paragraph, in_dialogue)
            if kind is None and pending is not None and pending.kind == Kind.TURN:
                # A paragraph continuing the turn: same block, joined as in the source.
                if pending.text:
                    pending.text += ("\n" if start == pending.end_line else "\n\n") + words
                else:
                    pending.text = words
                pending.end_line = last + 1
                continue
            if pending is not None:
                pending.raw = "".join(lines[pending.line - 1 : start])
                yield pending
            if kind == Kind.TURN:
                in_dialogue, interrupted = True, None
                pending = Block(
                    Kind.TURN, words, start + 1, last + 1, speaker, label, paragraph.time
                )
            elif kind is None:
                if interrupted is not None:
                    pending = Block(
                        Kind.TURN, words, start + 1, last + 1, interrupted, continued=True
                    )
                    interrupted = None
                else:
                    kind = Kind.UNATTRIBUTED if in_dialogue else Kind.PROSE
                    pending = Block(kind, words, start + 1, last + 1)
            else:
                if kind in _INTERRUPTIONS:
                    if pending is not None and pending.kind == Kind.TURN:
                        interrupted = pending.speaker
                else:
                    interrupted = None
                pending = Block(kind, words, start + 1, last + 1, label=label)
        if pending is not None:
            pending.raw = "".join(lines[pending.line - 1 :])
            yield pending
