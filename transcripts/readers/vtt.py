"""The WebVTT reader: cues into turns, speakers from `<v Name>` voice spans.

Voice spans are read closed or not (`<v Sarah>text` and `<v Sarah>text</v>`); other
tags (`<c>`, `<i>`, ...) are removed and entities unescaped. Inline timestamps
(`word<00:00:04.160><c> next</c>`, YouTube's karaoke captions) become the cue's timed
words. Ruby text (`<ruby>漢<rt>かん</rt></ruby>字`: a reading shown over the base text)
is an annotation, not words of the cue: the cue reads `漢字`, and `losses` counts the
cues whose readings were left out. Files without voice spans may name speakers with
`Name:` prefixes or mark changes with `>>`. Each cue is kept as a piece of its turn,
with its times and line breaks. Cue settings, styling and comments are not kept;
`losses` counts them.
Timestamps are read leniently (Teams writes `0:0:0.570`). See `turns.py` for how cues
become turns.

`stream` gives the header and then the blocks one at a time (what `convert` streams into a
writer, and what `read` lists): a file with voice spans is held as a flat store of its
cues (`cuestore.py`), not as the cues' parts and turns at once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..io import SourceText, display_name
from ..losses import note
from ..model import Block, Transcript, Word
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..timecode import parse_clock
from .common import LINE_BREAK, clean_lines, listed, paused_gc
from .cuespacing import spaced_cleanly
from .cuestore import SPLIT, CueStore
from .rolling import fold_rolling, folded_count
from .speakermarks import Mark, PrefixRule, split_marks
from .turns import Hearing, Part, assemble, assemble_lazily, parts_of_cue
from .vttparse import Cue, UnusualCue, iter_usual, parse_lines, parse_usual

_TAG = re.compile(r"<([^<>]*)>")
_VOICE_TAG = re.compile(r"<v[ \t.]")
_VOICE = re.compile(r"v(?:\.\S*)?(?:\s+(.*))?", re.S)
_ONE_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?[ \t]+([^<>]*[^<>\s][^<>]*)>([^<]*)(?:</v>\s*)?")
_INLINE_TIME = re.compile(r"[\d:.]+")
_INLINE_TIME_TAG = re.compile(r"<(\d[\d:.]*)>")
_RUBY_TAG = re.compile(r"<(/?)(ruby|rt)(?=[.\s>])[^<>]*>")
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")
# Spacing `_clean` would change at the edges of a voice span's text (`<v Ana> hi`).
_SPACED_VOICE_MARKS = ("> ", " <")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a WebVTT file into turns."""
    return listed(stream(source, options))


def stream(
    source: SourceText, options: ReadOptions | None = None
) -> tuple[Transcript, Iterator[Block]]:
    """`read` as a header and its blocks. A file that names speakers with voice spans (the
    usual file: Zoom's, Teams', our own writer's) is read cue by cue into a flat store and
    its blocks built as they are asked for; a file without them is read whole (its
    `Name:` prefixes and rolling repeats are decided over all of its cues)."""
    options = options or ReadOptions()
    name = display_name(source.path)
    if _VOICE_TAG.search(source.text) is None:
        transcript = _read_unvoiced(source, name, options)
        blocks, transcript.blocks = transcript.blocks, []
        return transcript, iter(blocks)
    # Spaced as cleaned, voice spans included: a usual cue's text needs no cleaning.
    spaced = spaced_cleanly(source.text, _SPACED_VOICE_MARKS)
    with paused_gc():  # a million cues make millions of objects, none in a cycle
        try:
            metadata: dict[str, Any] = {}
            usual = iter_usual(source.text, name, options, metadata)
            cues, heard, tags = _voiced_cues(usual, spaced)
        except UnusualCue:
            metadata, parsed = parse_lines(LINE_BREAK.split(source.text), name, options)
            written = ((cue.start, cue.end, cue.payload, cue.line) for cue in parsed)
            cues, heard, tags = _voiced_cues(written, spaced)
    tags.report(options)
    return assemble_lazily(cues.parts, source, options, metadata=metadata, heard=heard)


def _read_unvoiced(source: SourceText, name: str, options: ReadOptions) -> Transcript:
    found = parse_usual(source.text, name, options)
    metadata, cues = found or parse_lines(LINE_BREAK.split(source.text), name, options)
    tags = _TagCounter()
    parts = _unvoiced_parts(cues, tags, options)
    tags.report(options)
    del cues  # the parts hold what is needed; on a large file the cues are much memory
    return assemble(parts, source, options, metadata=metadata, inferred=True)


def _voiced_cues(
    cues: Iterable[tuple[float, float, str, int]], spaced: bool
) -> tuple[CueStore, Hearing, _TagCounter]:
    """The cues of a file that names speakers with voice spans, their marks read (and
    heard), in a flat store; what was lost of their tags, counted. In a file `spaced`
    as cleaned, a usual cue's text without entities or bidi marks is kept as written."""
    store = CueStore()
    heard = Hearing()
    hear = heard.hear
    tags = _TagCounter()
    numbers: dict[str, int] = {}  # voice annotations as written -> their speaker's number
    names: list[str] = []  # the speakers the numbers number: clean names
    for start, end, payload, line in cues:
        end_line = line + payload.count("\n")
        simple = _ONE_VOICE.fullmatch(payload)
        if simple is not None:  # the usual cue: one voice, plain text (no tags at all)
            annotation, text = simple.groups()
            number = numbers.get(annotation)
            if number is None:
                speaker = clean_spaces(_clean(annotation))
                number = numbers[annotation] = len(names)
                names.append(speaker)
            if not spaced or "&" in text or "\u200e" in text or "\u200f" in text:
                text = _clean(text)
            store.add(start, end, line, end_line, text, number)
            hear(True, names[number], text)
            continue
        parts = _voiced_parts(Cue(start, end, payload, line), tags)
        store.add(start, end, line, end_line, parts, SPLIT)
        for part in parts:
            hear(part.marked, part.speaker, part.text)
    store.names = names
    return store, heard, tags


def _voiced_parts(cue: Cue, tags: _TagCounter) -> list[Part]:
    """The parts of a cue of a file that names speakers with voice spans (any cue but
    the usual one, which `_voiced_cues` reads itself)."""
    marks: list[Mark] = []
    for marked, speaker, text in _voice_runs(cue.payload, tags):
        marks.extend([(True, speaker, text)] if marked else split_marks(text, None))
    found = parts_of_cue(marks, cue.start, cue.end, cue.line, cue.end_line)
    if len(found) == 1 and "<" in cue.payload:
        found[0].words = _kept_words(_cue_words(cue), found[0].text, tags)
    tags.note_shared(len(found))
    tags.end_cue()
    return found


def _unvoiced_parts(cues: list[Cue], tags: _TagCounter, options: ReadOptions) -> list[Part]:
    """Parts of a file without voice spans: speakers from `Name:` and `>>`, if any."""
    texts = []
    for cue in cues:
        payload = _without_ruby_text(cue.payload, tags) if "<rt" in cue.payload else cue.payload
        lines = [_clean(raw, tags) for raw in payload.split("\n")]
        texts.append([line for line in lines if line])
        tags.end_cue()
    before = [list(lines) for lines in texts] if tags.timed else None
    overlaps = fold_rolling(texts)
    note(options.losses, "{n} rolling-caption repeat{s} (folded)", folded_count(overlaps))
    joined = ["\n".join(lines) for lines in texts]
    prefixes = PrefixRule(joined, options.speakers)
    parts: list[Part] = []
    for index, (cue, text) in enumerate(zip(cues, joined, strict=True)):
        found = parts_of_cue(
            split_marks(text, prefixes), cue.start, cue.end, cue.line, cue.end_line
        )
        if before is not None and len(found) == 1 and "<" in cue.payload:
            words = _cue_words(cue)
            if words is not None and overlaps is not None and overlaps[index] != (0, 0):
                words = _unfolded_words(words, before[index], texts[index], cue.start)
            found[0].words = _kept_words(words, found[0].text, tags)
        tags.note_shared(len(found))
        parts.extend(found)
    return parts


def _cue_words(cue: Cue) -> list[list[Word]] | None:
    """The words of each line of a cue with inline timestamps, timed from them: a word
    starts at the timestamp before it (the first at the cue's start) and ends at the next
    (the last at the cue's end); a word inside a stretch between two timestamps has no
    time of its own. None when the cue has no inline timestamp or they cannot be read."""
    payload = _without_ruby_text(cue.payload) if "<rt" in cue.payload else cue.payload
    chunks = _INLINE_TIME_TAG.split(payload)  # text, time, text, time, ..., text
    if len(chunks) == 1:
        return None
    inside = (parse_clock(time) for time in chunks[1::2])  # a time outside the cue is unknown
    times = [
        cue.start,
        *(t if t is not None and cue.start <= t <= cue.end else None for t in inside),
        cue.end,
    ]
    words: list[Word] = []
    for index, chunk in enumerate(chunks[::2]):
        texts = _clean(chunk).split()
        last = len(texts) - 1
        for position, text in enumerate(texts):
            start = times[index] if position == 0 else None
            end = times[index + 1] if position == last else None
            if start is not None and end is not None and end < start:
                end = None  # timestamps out of order (seen in YouTube's): keep the start
            words.append(Word(text, start, end))
    lines: list[list[Word]] = []
    for raw in payload.split("\n"):
        count = len(_clean(raw).split())
        if count:
            lines.append(words[:count])
            del words[:count]
    return lines if not words and all(lines) else None


def _unfolded_words(
    words: list[list[Word]], before: list[str], after: list[str], start: float
) -> list[list[Word]] | None:
    """The words of a rolling cue's lines that folding kept (None when it cut a line).
    The first word kept is said as the cue begins (the lines above it were said in the
    cue before: YouTube's `to<00:00:02.800><c> talk</c>` under the repeated line), so
    it starts at the cue's `start` when no timestamp gave it one."""
    removed = len(before) - len(after)
    if len(words) != len(before) or (after and before[removed] != after[0]):
        return None
    kept = words[removed:]
    if removed and kept and kept[0] and kept[0][0].start is None:
        kept[0] = [kept[0][0]._replace(start=start), *kept[0][1:]]
    return kept


def _kept_words(
    lines: list[list[Word]] | None, text: str, tags: _TagCounter
) -> tuple[Word, ...] | None:
    """A cue's timed words, if they spell its text exactly; else None (counted as lost)."""
    if lines is None:
        return None
    words = tuple(word for line in lines for word in line)
    if [word.text for word in words] != text.split():
        return None
    tags.kept_words()
    return words


class _TagCounter:
    """Counts the cues whose inline timings or styling were removed, or whose time was
    shared out among several speakers."""

    def __init__(self) -> None:
        self.timed = 0  # cues with inline timestamps
        self.words_kept = 0  # cues whose timestamps were kept as timed words
        self.styled = 0
        self.shared = 0
        self.ruby = 0  # cues whose ruby text (readings) was left out
        self._timed_now = False
        self._styled_now = False
        self._ruby_now = False

    def see(self, content: str) -> None:
        if _INLINE_TIME.fullmatch(content):
            self._timed_now = True
        elif content and content != "/v":
            self._styled_now = True

    def saw_ruby_text(self) -> None:
        self._ruby_now = True

    def end_cue(self) -> None:
        self.timed += self._timed_now
        self.styled += self._styled_now
        self.ruby += self._ruby_now
        self._timed_now = self._styled_now = self._ruby_now = False

    def kept_words(self) -> None:
        self.words_kept += 1

    def note_shared(self, parts: int) -> None:
        self.shared += parts > 1

    def report(self, options: ReadOptions) -> None:
        note(options.losses, "word timings of {n} cue{s}", self.timed - self.words_kept)
        note(options.losses, "styling of {n} cue{s}", self.styled)
        note(options.losses, "ruby text (readings over the words) of {n} cue{s}", self.ruby)
        note(
            options.losses,
            "the times of {n} cue{s} shared by several speakers (split by characters)",
            self.shared,
        )


def _clean(text: str, tags: _TagCounter | None = None) -> str:
    """Cue text without tags, entities unescaped, spaces single, line breaks kept."""
    if "<" in text:
        if tags is not None:
            for content in _TAG.findall(text):
                tags.see(content)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\u200e" in text or "\u200f" in text:
        text = text.translate(_BIDI_MARKS)
    return clean_lines(text)


def _voice_runs(payload: str, tags: _TagCounter) -> list[Mark]:
    """The cue's text cut at voice spans: (marked, speaker, clean text) in order.

    A voice span runs to its `</v>`, to the next voice span or to the end of the cue.
    (The usual cue, one voice span and plain text, is read by `_voiced_cues` itself.)
    """
    if "<rt" in payload:
        payload = _without_ruby_text(payload, tags)
    runs: list[Mark] = []
    marked, speaker = False, None
    position = 0
    pending: list[str] = []
    for found in _TAG.finditer(payload):
        content = found.group(1)
        pending.append(payload[position : found.start()])
        position = found.end()
        voice = _VOICE.fullmatch(content) if content[:1] == "v" else None
        if voice is not None and voice.group(1) and voice.group(1).strip():
            runs.append((marked, speaker, _clean("".join(pending))))
            pending = []
            marked, speaker = True, clean_spaces(_clean(voice.group(1)))
        elif content == "/v":
            runs.append((marked, speaker, _clean("".join(pending))))
            pending = []
            marked, speaker = False, None
        else:
            tags.see(content)
    pending.append(payload[position:])
    runs.append((marked, speaker, _clean("".join(pending))))
    return [run for run in runs if run[0] or run[2]]


def _without_ruby_text(payload: str, tags: _TagCounter | None = None) -> str:
    """The payload without its ruby text: `<ruby>漢<rt>かん</rt></ruby>字` gives
    `<ruby>漢<rt></rt></ruby>字`, the base text only as the words of the cue. As WebVTT's cue text
    parsing rules read it, `<rt>` opens ruby text only inside `<ruby>`, and `</rt>` or
    `</ruby>` (whose `</rt>` may be left out) closes it. A line break inside ruby text
    goes with it: the base text around it is one word (the cue's lines keep their
    numbers: they are counted from the payload as written)."""
    kept: list[str] = []
    position = 0
    open_rubies = 0
    reading_from: int | None = None  # where the ruby text being left out starts
    left_out = False
    for found in _RUBY_TAG.finditer(payload):
        closing, name = found.groups()
        if reading_from is not None:
            if not closing:
                continue  # inside ruby text: left out with it
            reading_from = None
            position = found.start()
        if name == "ruby":
            open_rubies = max(open_rubies + (-1 if closing else 1), 0)
        elif not closing and open_rubies:
            kept.append(payload[position : found.end()])
            reading_from = position = found.end()
            left_out = True
    if reading_from is None:  # else ruby text runs to the end of the cue
        kept.append(payload[position:])
    if tags is not None and left_out:
        tags.saw_ruby_text()
    return "".join(kept)


def sniff(text: str) -> bool:
    """WebVTT files open with WEBVTT."""
    return text.startswith("WEBVTT") and text[6:7] in ("", " ", "\t", "\n", "\r")
