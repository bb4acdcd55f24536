"""The Transcriber reader (`.trs`): the XML of the Transcriber tool (LDC corpora, oral
history archives).

`<Trans><Speakers><Speaker id="spk1" name="Ana Ruiz"/></Speakers><Episode><Section
type="report" startTime="0" endTime="12.5"><Turn speaker="spk1" startTime="0"
endTime="5.2"><Sync time="0"/>text<Sync time="2.1"/>more text</Turn>...`, times in
seconds.

Each stretch of a turn between two `<Sync/>` points is a piece, from its sync time to
the next (the last to the turn's end), so the turns keep the times the transcriber
aligned. A turn's speaker is named in `<Speakers>` (its id when it has no name); a turn
without one is unattributed. Overlapping speech (`speaker="spk1 spk2"`, its text after
`<Who nb="1"/>` and `<Who nb="2"/>`) is a piece for each speaker at the same times,
so a turn each. Sections (report, nontrans, filler) only group the turns.

An instantaneous noise (`<Event type="noise" desc="laugh"/>`, the default kind) is
written in the text as `[laugh]`, and a stretch that is only such noises is a stage
direction. The other events annotate the words around them (a language, a
pronunciation, a named entity, noise over speech: `extent` begin, end, previous,
next): they are left out, and counted in `losses`, as are `<Background/>` marks. A
`<Comment desc="..."/>` is kept as a note labelled `Comment`, after the turn it was
in (`losses` says its place in the turn is not kept).

The file is read as bytes and decoded as its XML declaration says (ISO-8859-1 in most
Transcriber files; `--encoding` overrides it), then parsed with the safe XML parser:
the DTD it declares (`trans-14.dtd`) is never fetched, entity declarations are refused.
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element

from ..errors import TranscriptError
from ..io import SourceText, decode, display_name
from ..losses import note
from ..model import Block, Kind, Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..timecode import as_seconds
from ..xmlsafe import parse_xml
from .turns import Part, assemble

_ROOT = re.compile(r"<Trans[\s>/]")
_ROOT_BYTES = re.compile(rb"<Trans[\s>/]")

_DECLARED = re.compile(rb"""\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]{0,39})["']""")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_CLOSING = frozenset(".,;:!?)]…")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WORD_EVENTS = "{n} Transcriber event{s} about the words (not kept)"


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Transcriber file into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    root = parse_xml(_decoded(source, options), name)
    if root.tag != "Trans":
        raise TranscriptError(f"not a Transcriber file (the root is <{root.tag[:40]}>)", name)
    names = {
        speaker.get("id", ""): clean_spaces(speaker.get("name") or speaker.get("id") or "")
        for speaker in root.iter("Speaker")
    }
    reading = _Reading(names, options, name)
    for turn in root.iter("Turn"):
        reading.turn(turn)
    note(options.losses, "{n} Background mark{s}", reading.backgrounds)
    metadata: dict[str, str] = {}
    for key, attribute in (("media", "audio_filename"), ("language", _XML_LANG)):
        value = root.get(attribute)
        if value and value.strip():
            metadata[key] = value.strip()
    return assemble(reading.items, source, options, metadata=metadata, every_part_marked=True)


class _Reading:
    """The turns read so far, as parts and notes in order, and what was left out."""

    def __init__(self, names: dict[str, str], options: ReadOptions, name: str) -> None:
        self.names = names
        self.losses = options.losses
        self.name = name
        self.items: list[Part | Block] = []
        self.backgrounds = 0

    def turn(self, turn: Element) -> None:
        """One `<Turn>`: a part for each speaker's stretch between sync points, then
        its comments."""
        start = self._time(turn, "startTime")
        end = self._time(turn, "endTime")
        if end < start:
            raise TranscriptError(f"a turn at {start:g} s ends before it starts", self.name)
        ids = (turn.get("speaker") or "").split()
        speakers: list[str | None] = [self.names.get(id_, id_) for id_ in ids] or [None]
        syncs = [start]  # the start of each stretch between sync points
        # (stretch, speaker, texts): None where an event was left out
        runs: list[tuple[int, int, list[str | None]]] = [(0, 0, [])]
        comments: list[Block] = []
        runs[-1][2].append(turn.text or "")
        for child in turn:
            stretch, who, _ = runs[-1]
            if child.tag == "Sync":
                syncs.append(self._time(child, "time"))
                runs.append((len(syncs) - 1, who, []))
            elif child.tag == "Who":
                runs.append((stretch, self._who(child, len(speakers)), []))
            elif child.tag == "Event":
                runs[-1][2].append(self._event(child))
            elif child.tag == "Comment":
                text = clean_spaces(child.get("desc") or "")
                if text:
                    comments.append(
                        Block(Kind.LABELLED, text, label="Comment", start=syncs[stretch])
                    )
            elif child.tag == "Background":
                self.backgrounds += 1
            runs[-1][2].append(child.tail or "")
        ends = [*syncs[1:], end]
        for stretch, who, texts in runs:
            text = _joined(texts)
            if not text:
                continue
            first, last = syncs[stretch], ends[stretch]
            if last < first:
                raise TranscriptError(
                    f"the turn at {start:g} s has a sync point at {last:g} s, "
                    f"before the one at {first:g} s",
                    self.name,
                )
            speaker = speakers[who]
            self.items.append(Part(text, first, last, 0, 0, speaker is not None, speaker))
        note(
            self.losses,
            "the place of {n} comment{s} inside a turn (kept as notes after it)",
            len(comments),
        )
        self.items.extend(comments)

    def _time(self, element: Element, attribute: str) -> float:
        value = element.get(attribute)
        try:
            seconds = as_seconds(float(value)) if value is not None else None
        except (ValueError, OverflowError):
            seconds = None
        if seconds is None:
            shown = "no" if value is None else repr(value[:24])
            raise TranscriptError(
                f"<{element.tag}> has {shown} {attribute}, where seconds are needed", self.name
            )
        return seconds

    def _who(self, element: Element, count: int) -> int:
        """The index of the speaker a `<Who nb="2"/>` names among the turn's speakers."""
        value = element.get("nb", "")
        if not value.isdigit() or not 1 <= int(value[:6]) <= count:
            raise TranscriptError(
                f'<Who nb="{value[:12]}"/> names none of the {count} speakers of its turn',
                self.name,
            )
        return int(value) - 1

    def _event(self, event: Element) -> str | None:
        """An instantaneous noise as `[desc]`; any other event counted, and None."""
        kind = event.get("type") or "noise"
        extent = event.get("extent") or "instantaneous"
        desc = clean_spaces(event.get("desc") or "")
        if kind == "noise" and extent == "instantaneous" and desc:
            return f" [{desc}] "
        note(self.losses, _WORD_EVENTS, 1, "noise over speech" if kind == "noise" else kind)
        return None


def _joined(texts: list[str | None]) -> str:
    """A stretch's texts single-spaced, with no space left before punctuation where an
    event was left out (`fifty-one <Event .../>.` is `fifty-one.`)."""
    kept: list[str] = []
    for text in texts:
        if text is None:
            kept.append(" ")
        elif kept and kept[-1] == " " and text.lstrip()[:1] in _CLOSING:
            kept[-2:] = [kept[-2].rstrip() if len(kept) > 1 else "", text.lstrip()]
        else:
            kept.append(text)
    return clean_spaces("".join(kept))


def _decoded(source: SourceText, options: ReadOptions) -> str:
    """The file's text: decoded as `--encoding` says, else as its XML declaration says,
    else by its byte order mark or as UTF-8 (`io.decode`, strict, its errors naming the
    byte). Expat decodes only a few encodings itself (not Shift_JIS or GB2312, which
    Transcriber files of Asian languages declare); Python knows them all."""
    data = source.data
    if data is None:
        return source.text  # decoded already (standard input sniffed, a library call)
    encoding = options.encoding
    if encoding is None and not data.startswith(_BOMS):
        declared = _DECLARED.match(data)
        encoding = declared.group(1).decode("ascii") if declared else None
    try:
        return decode(data, source.path, encoding).text
    except TranscriptError as error:
        if error.path is not None:
            raise
        # an encoding Python does not know, named by the file (or by `--encoding`)
        raise TranscriptError(error.message, display_name(source.path)) from None


def sniff(text: str) -> bool:
    """Transcriber files are XML whose root is `<Trans>`."""
    return _ROOT.search(text[:2000]) is not None


def sniff_bytes(data: bytes) -> bool:
    """`sniff` of the undecoded start of a file (it is decoded as its XML says)."""
    return _ROOT_BYTES.search(data[:2000]) is not None
