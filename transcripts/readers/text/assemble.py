"""Walking the paragraphs in order and building blocks: where position decides the kind.

An unlabelled paragraph continues the turn before it; after a stage direction that
interrupted a turn it resumes that turn (`continued`); after any other non-turn inside
the dialogue it is unattributed text; before the dialogue it is prose. Page layout
between a turn and the paragraph that continues it stays inside the turn (in its raw
text, not its words), so a page break never splits a turn.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import islice, pairwise
from operator import itemgetter
from typing import Any

from ... import names
from ...compiled import kept
from ...model import Block, Kind
from ...timecode import parse_clock, parse_spoken_time, parse_time_of_day
from . import frontmatter, paragraphs, segments
from .candidates import SENTENCE_ENDS
from .lines import indent_width
from .pages import Page
from .paragraphs_scan import APART_KIND, SPEECH_WINDOW, Paragraph, is_list_item
from .roster import Roster, is_speech
from .shapes import shape_of

# A person's name written as a field's value is no longer than this.
_NAME_VALUE_WIDTH = 60
# Kinds that interrupt a turn without ending it: the same speaker goes on afterwards.
_INTERRUPTIONS = frozenset({Kind.STAGE_DIRECTION, Kind.TIMESTAMP, Kind.LAYOUT})
# (read once per block: a module's name is quicker to read than a class's attribute)
_TURN, _UNATTRIBUTED = Kind.TURN, Kind.UNATTRIBUTED


class Assembler:
    """Builds the blocks of one document from its paragraphs and roster."""

    def __init__(
        self,
        lines: Sequence[str],
        paragraph_list: Sequence[Paragraph],
        roster: Roster,
        hashed: Sequence[int] = (),
        page: Page | None = None,
        attributed: dict[int, str] | None = None,
        chat_log: bool = False,
        code: AbstractSet[int] | None = None,
        segmented: bool = False,
    ) -> None:
        self.lines = lines
        self.chat_log = chat_log  # labels are a chat log's `<nick>`: it has chat events
        self.segmented = segmented  # no one named, each line timed: segments of speech
        # the lines of Markdown code blocks, fences included: their words are code, never
        # a heading or a direction (a chatbot's diagram in capitals), whoever wrote them
        self.code = code or frozenset()
        self.hashed = hashed  # paragraphs (by index) that open with "#"
        self.paragraphs = paragraph_list
        self.roster = roster
        self.page = page  # the page layout of paginated or hard-wrapped text
        # Turns whose speaker their place decides ("Q" is the examining lawyer), by the
        # paragraph's first line; their labels are looked up there first.
        self.attributed = attributed or {}
        self.runaway = runaway_paragraphs(paragraph_list)
        self.speech_indent = (
            speech_indent(lines, paragraph_list) if page is None or not page.numbered else 0
        )
        self._speakers: dict[str, str | None] = {}
        self._after: dict[int, Paragraph] | None = None  # first line -> the next paragraph
        self._words: frozenset[str] | None = None  # the words of the speakers' names
        for label in roster.contextual:
            self._speakers[label] = _IN_CONTEXT
        # The characters of the dialogue-like text in the blocks built so far: of turns and
        # of someone unnamed marked as speaking (`>>`, `――`), and of text inside the
        # dialogue that no label names (the inference's share attributed, counted here, as
        # each block is finished, rather than by one more pass over the blocks).
        self.spoken = 0
        self.unspoken = 0

    def speaker_for(self, label: str) -> str | None:
        """The speaker a candidate label names, if it names one (memoised per label)."""
        try:
            return self._speakers[label]
        except KeyError:
            speaker = self._speakers[label] = self.roster.speaker_for(label)
            return speaker

    def speaker_of(self, paragraph: Paragraph) -> str | None:
        """The speaker of a labelled paragraph, its place considered (None when its label
        was not taken as a speaker's)."""
        if not paragraph.speaker:
            return None
        speaker = self.speaker_for(paragraph.label)  # type: ignore[arg-type]
        if speaker is _IN_CONTEXT:
            return self.attributed.get(paragraph.start) or self.roster.speaker_for(
                paragraph.label  # type: ignore[arg-type]
            )
        return speaker

    def text_of(self, paragraph: Paragraph, skip_first: bool = False) -> str:
        """The paragraph's lines, stripped and joined by newlines (optionally without the
        first); on a printed page, without margin numbers and the page's layout."""
        first = paragraph.start + 1 if skip_first else paragraph.start
        page = self.page
        if page is not None:
            return page.joined(self.lines, first, paragraph.last)
        if first == paragraph.last:
            return self.lines[first].strip()
        return "\n".join(line.strip() for line in self.lines[first : paragraph.last + 1])

    def turn_text(self, paragraph: Paragraph, at: int | None = None) -> str:
        """The text after the label (or after `at` on its first line: a timed segment's
        words, past its time): the rest of its line and the paragraph's other lines."""
        line = self.lines[paragraph.start]
        rest = line[paragraph.rest_at if at is None else at :]
        rest = self.page.clean(rest) if self.page is not None else rest.strip()
        if rest[-1:] in _WRAPPER_ENDS:
            rest = without_closing_wrapper(line, rest)
        if paragraph.last == paragraph.start:
            return rest
        following = self.text_of(paragraph, skip_first=True)
        return f"{rest}\n{following}" if rest else following

    def classify(
        self, paragraph: Paragraph, in_dialogue: bool
    ) -> tuple[str | None, str | None, str | None, str]:
        """(kind, speaker, label, text) of a paragraph as far as it can tell on its own;
        kind None means its position decides (continuation, unattributed or prose)."""
        label, kind = paragraph.label, paragraph.kind
        if self.code and paragraph.start in self.code and label is None:
            text = self.text_of(paragraph)
            if paragraphs.is_separator(text):
                return Kind.LAYOUT, None, None, text  # the fence itself
            event = self._chat_event(paragraph) if self.chat_log else None
            if event is not None:  # a chat log pasted as code: "13:58  * ana claps"
                return event
            return None, None, None, text  # code: its position decides whose it is
        if kind is not None:  # decided by its place on the page
            if kind == Kind.LAYOUT:  # a page header, a page number, a marker
                lines = self.lines[paragraph.start : paragraph.last + 1]
                text = "\n".join(line.strip() for line in lines if not line.isspace())
                return Kind.LAYOUT, None, None, text
            text = self.text_of(paragraph)
            if kind == APART_KIND:  # a heading or a note, else text of no speaker's
                if self._is_page_number(paragraph):
                    return Kind.LAYOUT, None, None, text
                if text[:1] in paragraphs.ENTRANCE_OPENINGS and self._is_entrance_or_exit(text):
                    return Kind.STAGE_DIRECTION, None, None, text  # "      _Enter Halla._"
                kind = paragraphs.classify(text, in_dialogue) or (
                    Kind.UNATTRIBUTED if in_dialogue else Kind.PROSE
                )
            return kind, None, None, text
        if self.chat_log:
            event = self._chat_event(paragraph)
            if event is not None:
                return event
        if label is not None:
            speaker = self.speaker_of(paragraph)
            if speaker is not None:
                return Kind.TURN, speaker, label, self.turn_text(paragraph)
            if paragraph.rule == "chevron":  # ">>": someone speaks, the text does not say who
                return Kind.UNATTRIBUTED, None, label, self.turn_text(paragraph)
            if in_dialogue and names.is_cue_label(label):  # a radio play's "SOUND: ..."
                return Kind.STAGE_DIRECTION, None, label, self.turn_text(paragraph)
            if (
                in_dialogue
                and not paragraph.bare
                and self.lines[paragraph.start].lstrip()[:1] in _ITALIC_MARKS
                and self.roster.speaker_for(label) is not None
                and self.turn_text(paragraph)[:1].islower()
            ):
                # "_Filch_ going out, turns back.": a speaker named in italics in a
                # direction, in another shape than the speakers' labels (not taken)
                return Kind.STAGE_DIRECTION, None, None, self.text_of(paragraph)
            if (
                self._is_field(paragraph)
                or self._is_entry(paragraph)
                or (not in_dialogue and self._names_who(paragraph))
                or (in_dialogue and self._marked_note(paragraph))
            ):
                return Kind.LABELLED, None, label, self.turn_text(paragraph)
        text = self.text_of(paragraph)
        if self._is_page_number(paragraph):
            return Kind.LAYOUT, None, None, text
        if text[:1] in paragraphs.ENTRANCE_OPENINGS and self._is_entrance_or_exit(text):
            return Kind.STAGE_DIRECTION, None, None, text  # "Enter OBERON.", "_Exit._"
        if paragraphs.is_day_separator(text) and self._speaker_follows(paragraph):
            return Kind.TIMESTAMP, None, None, text  # Slack's "Yesterday" over a message
        kind = paragraphs.classify(text, in_dialogue)
        if kind is not None:
            if kind == Kind.HEADING and paragraphs.is_markdown_heading(text):
                text = paragraphs.heading_text(text)  # "# Title": the words, not the markup
            return kind, None, None, text
        if label is None:  # (most paragraphs: what follows asks about their label)
            if (
                not in_dialogue
                and paragraph is self.paragraphs[0]
                and self._is_headline(paragraph, text)
            ):
                return Kind.HEADING, None, None, text
            return None, None, None, text
        if paragraph.bare and paragraph.start == paragraph.last and names.is_song_title(label):
            return Kind.HEADING, None, None, text  # "THE FAIRIES' SONG." over its verse
        if (
            names.is_label_shaped(label)
            # with a declared roster, a name that is not in it is still a label
            and (self.roster.declared or not names.is_speaker_shaped(label))
        ):
            if not paragraph.bare or paragraph.time is not None:
                if paragraph.start == paragraph.last and names.is_numbered_section(label):
                    # "SCENE III. The wood.", "Episode 42: Sourdough, again"
                    return Kind.HEADING, None, None, text
                if self._has_colon(paragraph):
                    # "Update: ...", "**Break:** [24:27]": a label that is no speaker.
                    return Kind.LABELLED, None, label, self.turn_text(paragraph)
            elif paragraph.start == paragraph.last and not self._ends_a_sentence(paragraph):
                return Kind.HEADING, None, None, text  # "Background:" over what follows
        if (
            paragraph.bare
            and paragraph.start == paragraph.last
            and in_dialogue
            and (text.endswith((":", "：")) or self._titles_a_section(paragraph, text))
            and self._speaker_follows(paragraph)
        ):
            return Kind.HEADING, None, None, text  # "Questions & Answers:" between turns
        return None, None, None, text

    def _is_entrance_or_exit(self, text: str) -> bool:
        """A play's entrance or exit: the verb alone ("Exit.", "Exeunt."), set in italics
        ("_Enter Hamlet._"), or naming one of the document's speakers ("Enter OBERON at one
        door", "Exit PUCK."). Speech may open with the verb too ("Enter the code", "Exit
        polls showed..."), but names no speaker after it."""
        entrance = paragraphs.entrance_of(text)
        if entrance is None:
            return False
        if not entrance.who or entrance.marked:
            return True
        runs = names.capitalised_runs(entrance.who)
        if any(self.speaker_for(name) is not None for name in runs):
            return True
        # "Enter three or four Citizens with clubs": a word of a speaker's name (FIRST
        # CITIZEN), perhaps in the plural
        words = self._speaker_words()
        return any(
            word in words or word.removesuffix("s") in words
            for run in runs
            for word in names.normalise(run).split()
        )

    def _leaves(self, text: str, speaker: str) -> bool:
        """Is the stage direction the exit of the speaker whose turn it interrupted (a bare
        "Exit.", an "Exeunt.", or "[_Exit Witch and Ogre._" under the Witch's speech)?
        Then what follows it is not more of that speaker's turn."""
        entrance = paragraphs.entrance_of(text)
        if entrance is None:
            return False
        verb = text.lstrip("[_* ")[:4].casefold()
        if verb not in ("exit", "exeu"):
            return False  # "Enter HORATIO": someone comes; the speaker goes on
        if verb == "exeu" or not entrance.who:
            return True
        return any(self.speaker_for(run) == speaker for run in names.capitalised_runs(entrance.who))

    def _speaker_words(self) -> frozenset[str]:
        """The words of the speakers' names, folded (asked only by entrances)."""
        if self._words is None:
            self._words = frozenset(
                word
                for speaker in self.roster.speakers
                for word in names.normalise(speaker.name).split()
            )
        return self._words

    def _chat_event(self, paragraph: Paragraph) -> tuple[str, None, str | None, str] | None:
        """A chat log's line that is no message, as a stage direction: a nick joining or
        leaving (no one's), or a nick's action, "* alice waves", labelled with who acts
        (what alice does, not what she says: counted as hers by label, not as speech)."""
        if paragraph.start != paragraph.last:
            return None
        text = self.text_of(paragraph)
        event = paragraphs.chat_event(text)
        if event is None:
            return None
        actor = event.nick and (self.speaker_for(event.nick) or event.nick)
        return Kind.STAGE_DIRECTION, None, actor, text

    def _next(self, paragraph: Paragraph) -> Paragraph | None:
        """The paragraph after this one (the map is built the first time it is asked:
        most text never asks)."""
        if self._after is None:
            self._after = {before.start: after for before, after in pairwise(self.paragraphs)}
        return self._after.get(paragraph.start)

    def _is_headline(self, paragraph: Paragraph, text: str) -> bool:
        """Is the document's first paragraph a headline in sentence case ("Ukraine's
        farmers plant under fire", as news sites write them): one short line of two
        words or more opening with a capital, no sentence ended, a blank line under it,
        in a document with speakers? (A headline in title case is a heading anyway.)"""
        below = paragraph.last + 1
        return (
            paragraph.start == paragraph.last
            and len(text) <= _HEADLINE_WIDTH
            and text[:1].isupper()
            and " " in text
            and not text.endswith(_SENTENCE_GOES_ON)
            and (below >= len(self.lines) or self.lines[below].isspace())
            and bool(self.roster.speakers)
        )

    def _speaker_follows(self, paragraph: Paragraph) -> bool:
        """Is the paragraph after this one (past a rule or other layout) a speaker's
        label?"""
        after = self._next(paragraph)
        while after is not None and (after.kind == Kind.LAYOUT or self._is_rule(after)):
            after = self._next(after)
        return after is not None and after.speaker

    def _titles_a_section(self, paragraph: Paragraph, text: str) -> bool:
        """A line in title case set off by a rule above it ("Questions and Answers"
        between rules of dashes), not the words under a name alone ("ROPER." then "Lord
        Farncombe----")."""
        if not paragraphs.is_title_case_heading(text) or paragraph.start == 0:
            return False
        above = paragraph.start - 1
        while above > 0 and self.lines[above].isspace():
            above -= 1
        return paragraphs.is_separator(self.lines[above].strip())

    def _is_page_number(self, paragraph: Paragraph) -> bool:
        """A script's "13." alone far from the margin: the page's number, layout."""
        return paragraph.start == paragraph.last and paragraphs.is_page_number(
            self.lines[paragraph.start]
        )

    def _is_rule(self, paragraph: Paragraph) -> bool:
        """Is the paragraph a rule of dashes or the like, on a line of its own?"""
        return paragraph.start == paragraph.last and paragraphs.is_separator(
            self.lines[paragraph.start].strip()
        )

    def _is_field(self, paragraph: Paragraph) -> bool:
        """A label with a value that is not speech ("**Date:** 2026-04-29", "Agenda:
        <URL>"), or a label naming a field whatever its value ("Author: Edith Marsh",
        "Release Date: March 3, 2009")."""
        label = paragraph.label
        return (
            not paragraph.bare
            and self._has_colon(paragraph)
            and names.is_label_shaped(label)  # type: ignore[arg-type]
            and not names.is_speaker_shaped(label)  # type: ignore[arg-type]
            and (
                names.is_field_name(label)  # type: ignore[arg-type]
                or not is_speech(self.turn_text(paragraph)[:SPEECH_WINDOW])
            )
            # a line in capitals is a heading even with a colon ("TRANSCRIPT: SECOND DEBATE")
            and not paragraphs.is_all_caps_heading(self.text_of(paragraph))
        )

    def _in_a_message(self, line: str, start: int) -> bool:
        """Is this heading at line `start`, no label, one of a message's own: where the
        speakers' labels are Markdown headings ("## User", "## Assistant" over a chatbot
        conversation's messages), a heading between two of them, or as deep as theirs
        or deeper ("## Context becomes a function")? The text under it is still the
        speaker's. A shallower one after the last label ("## Notes" under "### Ana
        Lima" labels) is a section of the document."""
        level, last_label = self._heading_labels
        return level > 0 and (
            start < last_label or _heading_level(line) >= level or _heading_level(line) == 0
        )

    @functools.cached_property
    def _heading_labels(self) -> tuple[int, int]:
        """The level of the shallowest speaker's label set as a Markdown heading (0 where
        no label is one), and the line of the last such label. (Asked only at a heading
        inside the dialogue: walking every paragraph is wasted on a document's title.)"""
        lines = self.lines
        labels = [
            paragraph.start
            for paragraph in self.paragraphs
            if paragraph.speaker and lines[paragraph.start].lstrip(" \t")[:1] == "#"
        ]
        if not labels:
            return 0, -1
        return min(_heading_level(lines[start]) for start in labels), labels[-1]

    @functools.cached_property
    def speech_is_one_block(self) -> bool:
        """In a screenplay a speech is one block: a paragraph after a blank line under a
        cue's speech is action. A screenplay is told by its cues standing further in than
        their speech, or by its scene headings ("INT. DINER - NIGHT"). (Asked only where
        such a paragraph comes.)"""
        lines, paragraph_list = self.lines, self.paragraphs
        if self.speech_indent and cue_indent(lines, paragraph_list) > self.speech_indent:
            return True
        return is_screenplay(lines, paragraph_list)

    def _ends_a_sentence(self, paragraph: Paragraph) -> bool:
        """Is the paragraph, a word or two alone on its line, a sentence said ("Da.",
        "Yes.": a reply under a name standing alone), not a heading ("Background:")? It
        ends in a period after a word in lower case."""
        line = self.lines[paragraph.start].rstrip()
        return line.endswith(".") and line[-2:-1].islower()

    def _marked_note(self, paragraph: Paragraph) -> bool:
        """Is this label, not taken as a speaker's, set apart in bold before a colon
        ("**[NOTAS DE OBSERVACIÓN]:** [Sonríe]", "**PROBE aplicado (si/no):**" between an
        interview's "**E3:**" turns)? A note on the interview, never words of the turn
        above (a sentence going on over a line bears no such marks)."""
        opening = self.lines[paragraph.start].lstrip(" \t")[:2]
        return opening == "**" and self._has_colon(paragraph)

    def _has_colon(self, paragraph: Paragraph) -> bool:
        """Does the paragraph's label end in a colon? A field or a note is labelled so
        ("Update: ..."); a name before a period or a dash that is no one's label
        ("The -- when you enact ...") is the start of a sentence."""
        opening = self.lines[paragraph.start][: paragraph.rest_at]
        return ":" in opening or "：" in opening

    def _is_entry(self, paragraph: Paragraph) -> bool:
        """A label no one speaks under that opens a list item ("- Revenue: $4.2B, up
        12%") or spells out an abbreviation ("EPS: earnings per share"): an entry of a
        summary or a glossary, not prose."""
        if paragraph.bare:
            return False
        if is_list_item(self.lines[paragraph.start]):
            return True
        return names.is_expansion(paragraph.label, self.turn_text(paragraph))  # type: ignore[arg-type]

    def _names_who(self, paragraph: Paragraph) -> bool:
        """A role or a field followed by a person's name and nothing else ("Interviewer:
        Tom Brown", "Host: Jane Doe", "Transcriber: Ann Lee"): a header's line saying
        who, not a turn and not a heading."""
        label = paragraph.label
        if paragraph.bare or label is None:
            return False
        if not self._has_colon(paragraph):
            return False  # "INT. DINER - NIGHT": a screenplay's scene, not a field
        if not (names.is_role(names.normalise(label)) or names.is_field_name(label)):
            return False
        value = self.turn_text(paragraph)
        return len(value) <= _NAME_VALUE_WIDTH and names.is_speaker_shaped(value)

    def metadata(self, metadata: dict[str, Any]) -> dict[str, Any]:
        """Front matter metadata plus the title (the first heading before the dialogue)
        and the tags of tag lines, found before any block is built."""
        metadata = dict(metadata)
        if "tags" in metadata:
            metadata["tags"] = frontmatter.tags_list(metadata["tags"])
        title = metadata.get("title")
        for paragraph in () if title else self.paragraphs:  # (a document's title is known)
            kind, _, _, text = self.classify(paragraph, False)
            if kind == Kind.TURN:
                break
            if kind == Kind.HEADING:
                title = paragraphs.heading_text(text)
                if title.rstrip("*_ ").endswith((":", "：")) or _SCENE_HEADING.match(title):
                    title = ""  # "**News:**", "FADE IN:", "EXT. PATIO - DAY": no title
                    break
                if not any(map(str.isalpha, title)):
                    title = ""  # "[*]", "* * *": a mark, not a title: the next may be one
                    continue
                if title:
                    break  # the first heading is the title: the rest need not be asked
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

    def blocks(self, front_matter_end: int = 0, release: bool = False) -> Iterator[Block]:
        """The document's blocks in order; each is yielded once the next one starts (which
        is when its raw text, the blank lines after it included, is known). With
        `release`, the lines of each block are let go of once it has its raw text (the
        caller owns `lines` and needs them no more): a transcript read whole then never
        holds its text as lines and as blocks at once."""
        lines = self.lines
        released = 0  # lines before this are let go of (with `release`)
        pending: Block | None = None
        if front_matter_end:
            body = "".join(lines[1 : front_matter_end - 1]).rstrip("\r\n")
            pending = Block(Kind.FRONT_MATTER, body, 1, front_matter_end)
        more: list[str] = []  # the paragraphs continuing the pending turn, to join once
        in_dialogue = False
        cue = False  # the pending turn's label stands alone over its speech
        acting = False
        interrupted: str | None = None  # the speaker of a turn a stage direction interrupted
        carried: str | None = None  # the speaker whose speech a "(MORE)" carries over a page
        resumed = -1  # the line under that speaker's name alone atop the next page
        stamp_above = -1  # the line right under the last time marker
        speaker_for = self.speaker_for
        known = self._speakers  # label -> speaker, filled by speaker_for
        plain = self.page is None
        for paragraph in self.paragraphs:
            # (its fields in one step: a named tuple's field read by name is a lookup each)
            start, last, label, rest_at, named, bare, _, stamp, _ = paragraph
            if release and start - released > _RELEASE_EVERY and pending is not None:
                # The lines of the blocks yielded so far: nothing reads behind the
                # pending block (a list slice at a time, not a step per block).
                upto = pending.line - 1
                lines[released:upto] = [""] * (upto - released)  # type: ignore[index]
                released = upto
            if label is None or not named:
                speaker = None
            elif label in known:
                speaker = known[label]
                if speaker is _IN_CONTEXT:
                    speaker = self.speaker_of(paragraph)
            else:
                speaker = speaker_for(label)
            if speaker is not None:  # the common case, without the general classification
                if carried is not None and pending is not None and pending.speaker == carried:
                    # "NAME (CONT'D)" over the next page after "(MORE)": the same speech.
                    words = self.turn_text(paragraph)
                    if words:
                        more.append("\n" + words)
                    pending.end_line = last + 1
                    carried, resumed = None, -1 if words else last + 1
                    continue
                if pending is not None:
                    yield self._finished(pending, more, start)
                in_dialogue, interrupted = True, None
                time = stamp
                if start == stamp_above and time is None:  # a time marker right above
                    time = _time_above(pending)  # type: ignore[arg-type]
                if start == last and plain:
                    words = lines[start][rest_at:].strip()
                    if words[-1:] in _WRAPPER_ENDS:
                        words = without_closing_wrapper(lines[start], words)
                elif start == last and not lines[start][rest_at:].strip():
                    words = ""  # a label alone on its line (`turn_text`'s answer, on any page)
                else:
                    words = self.turn_text(paragraph)
                    if bare and time is None and words.lstrip()[:1].isdigit():
                        time, words = _time_below(words)
                pending = Block(_TURN, words, start + 1, last + 1, speaker, label, time)
                cue = bare  # the name alone over the speech, as a script's cue
                acting = False  # (action after a blank line under the speech, once begun)
                continue
            if self.segmented:
                found = segments.opening(lines[start])
                if found is not None:
                    # "[00:00.000 --> 00:05.000]  Hello": a segment of someone's speech
                    if pending is not None:
                        yield self._finished(pending, more, start)
                    in_dialogue, interrupted = True, None
                    pending = Block(
                        _UNATTRIBUTED,
                        self.turn_text(paragraph, found.words_at),
                        start + 1,
                        last + 1,
                        start=found.start,
                        end=found.end,
                    )
                    continue
            kind, speaker, label, words = self.classify(paragraph, in_dialogue)
            if kind == Kind.LABELLED and (
                _speech_goes_on(pending, more, lines, start) or _list_goes_on(pending, lines, start)
            ):
                # "CLARENCE:" alone on its line, then "Then this is mine opinion: that King
                # Lewis"; "and defend yourself" over "By calmness or by absence: all's in
                # anger."; "1. Building an App: a two-part series" right under an answer:
                # the speech, not a field
                kind, label, words = None, None, self.text_of(paragraph)
            elif (
                kind == Kind.HEADING
                and paragraph.label is not None
                and _right_under_a_bare_label(pending, more, start)
                and not paragraphs.is_all_caps_heading(words)
            ):
                # "**Simon Liang** [3:57]" then "The" (cut off): a word shaped like a
                # label not taken, right under a name alone, is what the name said (a
                # heading in capitals there is the next section's: the speech was lost)
                kind, label, words = None, None, self.text_of(paragraph)
            if kind is None and start in self.runaway:
                interrupted = None  # far past where this document's turns end: no one's
                if pending is not None and pending.kind == Kind.TURN:
                    yield self._finished(pending, more, start)
                    pending = None
            if (
                kind is None
                and in_dialogue
                and self.speech_indent
                and indent_width(lines[start]) < self.speech_indent
            ):
                # A screenplay's action, at the margin under speech set in from it: what
                # happens, not what the last speaker goes on to say.
                kind = Kind.STAGE_DIRECTION
            if (
                kind is None
                and cue
                and pending is not None
                and pending.kind in _SPEECH_OR_ACTION
                and (start > pending.end_line or acting)
                and self.speech_is_one_block
            ):
                # ... or set as the speech is, after a blank line under a speech, and what
                # follows that action up to the next cue: a speech is one block
                kind = Kind.STAGE_DIRECTION
                acting = True
            if (
                kind is None
                and pending is not None
                and (pending.kind == _TURN or _is_unnamed_speech(pending))
            ):
                # A paragraph continuing the turn: same block, joined as in the source.
                if pending.text or more:
                    more.append(("\n" if start == pending.end_line else "\n\n") + words)
                else:
                    if pending.start is None and start == pending.end_line:
                        # the time under the name ("Ana Ruiz" over "  9:14 AM")
                        pending.start, words = _time_below(words)
                    pending.text = words
                pending.end_line = last + 1
                continue
            if kind is None and self._runs_on(pending, more, start):
                # "Enter OBERON at one door, with his train," then "and TITANIA at
                # another": a direction over two lines is one direction. (Asked after
                # the turn above: a direction runs on under a direction only.)
                more.append("\n" + words)
                pending.end_line = last + 1  # type: ignore[union-attr]
                continue
            if (
                kind == Kind.LAYOUT
                and carried is None
                and self._carried_over(pending, paragraph, marked_only=True)
            ):
                carried = pending.speaker  # type: ignore[union-attr]
                continue  # a page break, then "NAME (CONT'D)": the same speech goes on
            if kind == Kind.LAYOUT and (
                (carried is not None and pending is not None and pending.speaker == carried)
                or self._continues_turn(pending, paragraph)
            ):
                continue  # a page break inside a turn: its lines join the turn's raw text
            if (
                kind == Kind.STAGE_DIRECTION
                and paragraphs.is_more_mark(words)
                and self._carried_over(pending, paragraph)
            ):
                carried = pending.speaker  # type: ignore[union-attr]
                continue  # "(MORE)" at the foot of a page: layout inside the turn
            if (
                kind == Kind.STAGE_DIRECTION
                and pending is not None
                and pending.kind == Kind.TURN
                and (not pending.text or start == resumed)
            ):
                # A screenplay's parenthetical right under the name ("JOHN" then
                # "(quietly)"): how the turn is said, the first words of the turn.
                if pending.text:
                    more.append("\n" + words)
                else:
                    pending.text = words
                pending.end_line = last + 1
                continue
            if kind == Kind.TIMESTAMP and paragraphs.is_spoken_time(words):
                # Teams' transcript pane copied: "0 minutes 3 seconds0:03" under the name,
                # then "Peter Hogg 0 minutes 6 seconds" over each utterance of the turn,
                # for a screen reader: when the turn (or its next part) starts. A stamp
                # naming a speaker whose turn is not under way (the export's first
                # utterances, with no name above them) starts that speaker's turn.
                written = paragraphs.spoken_time_name(words)
                who = self.speaker_for(written) if written else None
                if (
                    pending is not None
                    and pending.kind == Kind.TURN
                    and (who is None or who == pending.speaker)
                ):
                    if pending.start is None:
                        pending.start = parse_spoken_time(words)
                    pending.end_line = last + 1
                    continue
                if who is not None:
                    if pending is not None:
                        yield self._finished(pending, more, start)
                    in_dialogue, interrupted = True, None
                    pending = Block(_TURN, "", start + 1, last + 1, who, written)
                    pending.start = parse_spoken_time(words)
                    continue
            if (
                kind == Kind.TIMESTAMP
                and pending is not None
                and pending.kind == Kind.TURN
                and not pending.text
                and pending.start is None
            ):
                # A time right under a name that stands alone ("Jane Doe" then
                # "00:00:05"): when the turn starts, not a marker of its own; a time of
                # day there ("9:14 AM") is when the message was sent, the label's too.
                time = parse_clock(words)
                if time is not None or parse_time_of_day(words) is not None:
                    pending.start = time
                    pending.end_line = last + 1
                    continue
            if pending is not None:
                yield self._finished(pending, more, start)
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
                # (a heading before the dialogue interrupts nothing: no turn came yet)
                if kind in _INTERRUPTIONS or (
                    kind == Kind.HEADING and in_dialogue and self._in_a_message(lines[start], start)
                ):
                    if pending is not None and pending.kind == Kind.TURN:
                        interrupted = pending.speaker
                    if interrupted is not None and self._leaves(words, interrupted):
                        interrupted = None  # "[_Exit Witch._": what follows is not hers
                else:
                    interrupted = None
                time = paragraph.time
                if time is not None and paragraph.label and names.is_field_name(paragraph.label):
                    time = None  # "Duration: 01:08:10": the field's value, no time in it
                pending = Block(kind, words, start + 1, last + 1, label=label, start=time)
                if kind == Kind.TIMESTAMP:
                    stamp_above = last + 1  # (the line a label right under it would open)
        if pending is not None:
            yield self._finished(pending, more, len(lines))

    def _finished(self, block: Block, more: list[str], end: int) -> Block:
        """The block complete: the paragraphs gathered for a turn joined onto its text, once
        (adding each to the text as it came would copy the growing text every time,
        quadratic in a long speech), and its raw text, its lines up to `end` (exclusive).
        Its text is counted as it is finished (`spoken`, `unspoken`)."""
        if more:
            block.text = "".join([block.text, *more])
            more.clear()
        first = block.line - 1
        lines = self.lines
        # (a line and the blank line after it, the usual turn: two strings added, without
        # the list a slice to join makes; set in its slot, as `raw`'s setter would, without
        # a call to it per block)
        block._raw = (
            lines[first] + lines[end - 1] if end - first == 2 else "".join(lines[first:end])
        )
        kind = block.kind
        if kind == _TURN or (kind == _UNATTRIBUTED and block.label is not None):
            self.spoken += len(block.text)
        elif kind == _UNATTRIBUTED:
            self.unspoken += len(block.text)
        return block

    @staticmethod
    def _runs_on(pending: Block | None, more: list[str], start: int) -> bool:
        """Does a stage direction run on to the line `start`, right under it: does its
        last line stop mid-sentence (a bracketed one ends with its bracket)?"""
        if pending is None or pending.kind != Kind.STAGE_DIRECTION or start != pending.end_line:
            return False
        last = more[-1] if more else pending.text
        return not last.endswith(paragraphs.LINE_ENDS)

    def _carried_over(
        self, pending: Block | None, paragraph: Paragraph, marked_only: bool = False
    ) -> bool:
        """Does the turn go on over a page break (this paragraph): is the next paragraph
        past the page's layout a label of the same speaker? After "(MORE)" any such label
        carries it on (a screenplay's "NAME (CONT'D)" at the top of the next page); at a
        page break without it (`marked_only`), only a cue marked as going on ("LENA
        (CONT'D)") does."""
        if pending is None or pending.kind != Kind.TURN:
            return False
        following = self._past_layout(paragraph)
        return (
            following is not None
            and following.speaker
            and (not marked_only or paragraphs.is_continued_cue(following.label))  # type: ignore[arg-type]
            and self.speaker_of(following) == pending.speaker
        )

    def _past_layout(self, paragraph: Paragraph) -> Paragraph | None:
        """The first paragraph after this one that is not the page's layout (a header, a
        page's number)."""
        following = self._next(paragraph)
        while following is not None and (
            following.kind == Kind.LAYOUT
            or (following.label is None and self._is_page_number(following))
        ):
            following = self._next(following)
        return following

    def _continues_turn(self, pending: Block | None, paragraph: Paragraph) -> bool:
        """Is this layout paragraph a page break between a turn and a paragraph that
        continues it?"""
        if pending is None or pending.kind != Kind.TURN:
            return False
        following = self._next(paragraph)
        if following is None:
            return False
        if following.speaker or following.kind is not None:
            return False  # (a label not taken, "Sure." in "Sure. China improved", is text)
        return self.classify(following, True)[0] is None


_RELEASE_EVERY = 4096  # lines


def without_closing_wrapper(line: str, rest: str) -> str:
    """The words after a label, without the wrapper's closing mark where the label's
    wrapper closes at the end of the line ("**Q: How did you start?**"), not after the
    name; other words as they are (an "**Ana:** that was **great**" keeps its bold)."""
    shape = shape_of(line)
    if shape is None or shape.trailing is None:
        return rest
    return rest.removesuffix(shape.trailing).rstrip()


# What the words of a turn end with when its label's wrapper may close the line.
_WRAPPER_ENDS = frozenset("*_")


_HEADLINE_WIDTH = 100  # a news headline's characters, at most
# How a line that is no headline ends: a sentence, or a clause going on (`LINE_ENDS` holds
# the colons and semicolons already).
_SENTENCE_GOES_ON = (*paragraphs.LINE_ENDS, ",")


def _speech_goes_on(
    pending: Block | None, more: list[str], lines: Sequence[str], start: int
) -> bool:
    """Does the paragraph at line `start` go on with the pending turn whatever it opens
    with: the turn's label stands alone with no words yet, or its last line, right above,
    ends no sentence (as `candidates.SENTENCE_ENDS` tells the line before a label)?"""
    if pending is None or pending.kind != Kind.TURN:
        return False
    if not pending.text and not more:
        return True
    return start == pending.end_line and not lines[start - 1].rstrip().endswith(SENTENCE_ENDS)


def _heading_level(line: str) -> int:
    """The number of "#" a Markdown heading's line opens with."""
    stripped = line.lstrip(" \t")
    return len(stripped) - len(stripped.lstrip("#"))


def _is_unnamed_speech(block: Block) -> bool:
    """Is the block the words after a label that names no one (a broadcast `>>`,
    "[00:22:41]  :"), or a timed segment of a transcript naming no one? Someone's
    speech, which the paragraphs after it go on with, as they do with a turn."""
    return block.kind == _UNATTRIBUTED and (block.label is not None or block.start is not None)


def _list_goes_on(pending: Block | None, lines: Sequence[str], start: int) -> bool:
    """Is the line at `start` a list item right under a turn's words, no blank line
    between ("A: I wrote several tutorials." then "1. Building an App: ...")? The list
    is the speaker's, however its items open."""
    return (
        pending is not None
        and pending.kind == Kind.TURN
        and start == pending.end_line
        and bool(pending.text)
        and is_list_item(lines[start])
    )


def _right_under_a_bare_label(pending: Block | None, more: list[str], start: int) -> bool:
    """Is line `start` right under a turn's label that stands alone with no words yet?"""
    return (
        pending is not None
        and pending.kind == Kind.TURN
        and not pending.text
        and not more
        and start == pending.end_line
    )


def _time_above(block: Block) -> float | None:
    """The time a marker right above a label gives its turn ("00:00:05" over "Jane Doe",
    a Teams document's "0:0:5.520 --> 0:0:9.100" over the name: a span's start); None
    for a time of day or a date."""
    return parse_clock(block.text.split("-->", 1)[0].split(" - ", 1)[0].strip(" \t[]()"))


def _time_below(words: str) -> tuple[float | None, str]:
    """The time on the first line of a turn under a name standing alone ("Jane Doe" then
    "00:00:05" then the speech), and the words after it; (None, words) when there is
    none. A time of day there ("Ana Ruiz" then "9:14 AM") is when a message was sent,
    no time in a recording: (None, the words after it)."""
    first, _, rest = words.partition("\n")
    if not first.lstrip()[:1].isdigit():  # a time opens with a digit; speech seldom does
        return None, words
    time = parse_clock(first)
    if time is None and parse_time_of_day(first) is not None:
        return None, rest
    return (time, rest) if time is not None else (None, words)


def speech_indent(lines: Sequence[str], paragraph_list: Sequence[Paragraph]) -> int:
    """The columns a document sets its speech in from the margin, under names that stand
    alone (a screenplay's dialogue, 10 to 15 columns in): the indentation of the line
    under most such labels (past a parenthetical, which stands further in), when that is
    at least `SPEECH_INDENT_LEAST`; else 0."""
    indents: Counter[int] = Counter()
    # (names alone are few where they are not the convention: `filter` passes over the
    # others at C speed)
    for paragraph in filter(_BARE, paragraph_list):
        if paragraph.speaker:
            below = paragraph.start + 1
            # a parenthetical under the name ("(quietly)") is set in further than speech
            while below + 1 < len(lines) and lines[below].lstrip(" \t\xa0")[:1] == "(":
                below += 1
            if below < len(lines) and not lines[below].isspace():
                indents[indent_width(lines[below])] += 1
                if len(indents) == 1 and indents.total() >= _SPEECH_INDENT_SAMPLE:
                    break  # one indentation all along: enough to tell
    if not indents:
        return 0
    indent, count = indents.most_common(1)[0]
    if indent < SPEECH_INDENT_LEAST or count < SPEECH_INDENT_SHARE * indents.total():
        return 0
    return indent


_SPEECH_OR_ACTION = (Kind.TURN, Kind.STAGE_DIRECTION)
_BARE = itemgetter(5)  # `Paragraph.bare`, by position
_START = itemgetter(0)  # `Paragraph.start`
_ITALIC_MARKS = ("_", "*")
# A screenplay's scene heading: "INT. DINER - NIGHT", "EXT. STREET - DAY", "I/E CAR",
# perhaps after its scene number ("12 INT. STORE - LATER 12").
_SCENE_HEADING = kept(r"[ \t]*(?:\d{1,4}[A-Z]?[ \t]+)?(?:INT|EXT|EST|INT\./EXT|I/E)[. ]")
# Two scene headings make a screenplay.
SCENES_LEAST = 2


def is_screenplay(lines: Sequence[str], paragraph_list: Sequence[Paragraph]) -> bool:
    """Does the text hold a screenplay's scene headings among names alone over their
    speech (a cue's, not an interview's "INTERVIEWER" over several paragraphs)?"""
    # (names alone are few where they are not the convention: `filter` asks each
    # paragraph at C speed, where a generator's test cost a transcript of "Name: text")
    if not any(paragraph.speaker for paragraph in filter(_BARE, paragraph_list)):
        return False
    # (each paragraph's first line asked at C speed: a record of 80,000 paragraphs)
    firsts = map(lines.__getitem__, map(_START, paragraph_list))
    scenes = filter(None, map(_SCENE_HEADING.match, firsts))
    return sum(1 for _ in islice(scenes, SCENES_LEAST)) == SCENES_LEAST


def cue_indent(lines: Sequence[str], paragraph_list: Sequence[Paragraph]) -> int:
    """The column most names standing alone over their speech are set at (0 when none
    stands alone)."""
    indents = Counter(
        indent_width(lines[paragraph.start])
        for paragraph in paragraph_list[: _SPEECH_INDENT_SAMPLE * 10]
        if paragraph.speaker and paragraph.bare
    )
    return indents.most_common(1)[0][0] if indents else 0


# Speech set in from the margin by at least this many columns, under at least this share
# of the labels standing alone, marks text at the margin as something else.
SPEECH_INDENT_LEAST = 4
SPEECH_INDENT_SHARE = 0.8
_SPEECH_INDENT_SAMPLE = 200


def runaway_paragraphs(paragraphs: Sequence[Paragraph]) -> set[int]:
    """The first lines of unlabelled paragraphs that run on far past where this document's
    turns end: text no one says, though it follows a turn.

    A turn goes on over the unlabelled paragraphs after it. In a document whose turns hold
    a paragraph or two, a turn followed by hundreds (a second, raw copy of the
    conversation pasted below the transcript) is not one long turn: past `RUNAWAY_FACTOR`
    times the document's usual longest turn (its 99th percentile, at least
    `RUNAWAY_LEAST`), what follows the turn's usual length is unattributed.
    """
    # Counted first as lengths, without a list per turn: most documents have no runaway
    # run, and the starts are collected only for those that do.
    lengths: list[int] = []  # per turn: how many unlabelled paragraphs follow it
    for paragraph in paragraphs:
        if paragraph.speaker:
            lengths.append(0)
        elif paragraph.label is not None or paragraph.kind is not None:
            if lengths:
                lengths.append(0)  # a note or a heading ends the run; it belongs to no turn
        elif lengths:
            lengths[-1] += 1
    if len(lengths) < RUNAWAY_TURNS:
        return set()
    ranked = sorted(lengths)
    usual = ranked[len(ranked) // 2]
    longest = ranked[min(len(ranked) - 1, len(ranked) * 99 // 100)]
    limit = max(RUNAWAY_LEAST, RUNAWAY_FACTOR * longest)
    if ranked[-1] <= limit:
        return set()
    runaway: set[int] = set()
    run = -1  # the run the paragraph is in (an index into `lengths`)
    taken = 0  # paragraphs of that run seen so far
    for paragraph in paragraphs:
        if paragraph.speaker or (
            run >= 0 and (paragraph.label is not None or paragraph.kind is not None)
        ):
            run, taken = run + 1, 0
        elif paragraph.label is None and paragraph.kind is None and run >= 0:
            if lengths[run] > limit and taken >= usual:
                runaway.add(paragraph.start)
            taken += 1
    return runaway


# Turns enough to know how long a document's turns run, and how far past that is too far.
RUNAWAY_TURNS = 20
RUNAWAY_FACTOR = 5
RUNAWAY_LEAST = 10

# Marks labels whose speaker depends on where they are (`attribution.py`).
_IN_CONTEXT = "\0in context"
