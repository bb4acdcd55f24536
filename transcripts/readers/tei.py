"""The TEI reader (`.tei`, and `.xml` whose root is `<TEI>` or `<teiCorpus>`): plays and
transcribed speech encoded by the Text Encoding Initiative's guidelines (DraCor's drama
corpora, theatre-classique, ParlaMint's parliamentary sittings).

Plays (Performance Texts): each `<sp>` is a turn. Its speaker is the person its `who`
points to, named as the header's `<listPerson>` (`<person xml:id="x"><persName>`) or the
cast list (`<role xml:id="x">`) names them, so that every speech of one character counts
as one speaker in `stats` however the printed `<speaker>` label varies ("CLAUDIA.",
"CLAUDIA GALOTTI."); the labels as printed (a trailing period or colon stripped) are
kept as the speaker's aliases. A speech whose `who` names no listed person is named by
the first label printed for that id, and one with no `who` by its label. Verse lines
(`<l>`) are joined by line breaks, paragraphs (`<p>`, `<ab>`, `<lg>`) by blank lines. A
`<stage>` inside a speech is a stage direction labelled with the speaker, cutting the
speech where it stands (what follows it is the same turn, continued), so that stage
directions are not counted as words said; one between speeches is a stage direction.
The `<head>`s of acts and scenes are headings, the cast list is prose (a line per
`<castItem>`), and so is the front matter.

Speech (Transcriptions of Speech): each `<u>` is a turn, its speaker from `who` as
above (the id itself when no person is listed: ParlaMint keeps its persons in another
file); ParlaMint's `<note type="speaker">` printed before an utterance is kept as an
alias of its speaker. Times come from `start`/`end` when they are times (seconds or a
clock time) or point to a `<timeline>`'s `<when>` (an `interval` `since` another, in the
timeline's `unit`), or from `synch`; otherwise the turn is untimed. `<seg>` and `<s>`
are joined with spaces. `<pause/>`, `<vocal>`, `<kinesic>`, `<incident>` and `<gap>`
are written in brackets, as caption readers write sounds ("[laughter]", their `<desc>`,
else their type or reason). Between utterances they are stage directions (labelled
with their `who`); inside an untimed utterance they cut it as a `<stage>` cuts a speech
(ParlaMint's "[Aplavz]" is no word of the speaker's), while a timed utterance keeps them
in its text, as a caption does, so that its times still cover it whole; a pause stays
in the text. An utterance that holds nothing else is a stage direction.

A `<note>` is kept as a note labelled `Note` (after the speech or paragraph it was in:
`losses` says its place is not kept). The title is the header's `<titleStmt><title>`
(the main one in the document's language), the author its `<author>`s, the language
the root's `xml:lang`. Parsed with the safe XML parser (no entities, no DTD fetched);
`xi:include` is not followed, so a ParlaMint corpus root file, which only includes its
sittings, is read as holding no speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Block, Kind, Speaker, Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..timecode import as_seconds, parse_clock
from ..xmlsafe import local, parse_xml
from .document import declare_speakers

TEI = "http://www.tei-c.org/ns/1.0"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_ID, _LANG = _XML + "id", _XML + "lang"
_XINCLUDE = "{http://www.w3.org/2001/XInclude}include"

#: Elements that only hold blocks: read through.
_CONTAINERS = frozenset(
    "TEI text front body back group div div1 div2 div3 div4 div5 div6 div7 spGrp titlePage "
    "argument epigraph".split()
)
_HEADINGS = frozenset({"head", "titlePart", "docTitle"})
#: The drama module's directions (`<move>`, `<view>`: a film's or a play's) and `<stage>`.
_DIRECTIONS = frozenset("stage move view camera sound tech caption".split())
#: Things heard or seen that no one says: written in brackets.
_EVENTS = frozenset("pause vocal kinesic incident gap".split())
#: Marks with no text of their own (page, column and line beginnings, anchors).
_MARKS = frozenset("pb cb milestone anchor timeline fw figure graphic".split())
_PARAGRAPHS = frozenset("p ab lg quote list table opener closer trailer".split())
_LINES = frozenset("l item row castItem".split())
_SPEECH = frozenset({"sp", "u"})

# Whitespace in the XML is layout: any run of it (and the two separators below, which
# XML 1.0 cannot hold) is one space.
_LINE, _PARAGRAPH = "\x00", "\x01"
_SPACES = re.compile(r"[\s\x00\x01]+")
_LABEL_END = re.compile(r"[\s.:：,;]+$")
_UNITS = {"s": 1.0, "ms": 0.001, "min": 60.0, "h": 3600.0, "d": 86400.0}
_NOTES_INSIDE = "the place of {n} note{s} inside a speech or paragraph (kept as notes after it)"


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a TEI play or transcription into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    root = parse_xml(source.text, name)
    if _tag(root) not in ("TEI", "teiCorpus"):
        raise TranscriptError(f"not a TEI document (the root is <{local(root.tag)[:40]}>)", name)
    reading = _Reading(root, options)
    try:
        reading.blocks_of(root)
    except RecursionError:
        raise TranscriptError("XML nested too deeply to read", name) from None
    reading.flush_label()
    if not reading.speeches:
        hint = ""
        if any(element.tag == _XINCLUDE for element in root.iter()):
            hint = " (the files it includes with <xi:include> are not read: give them)"
        raise TranscriptError(f"holds no <sp> or <u> elements{hint}", name)
    speakers = [
        Speaker(speaker, tuple(alias for alias in aliases if alias != speaker), inferred=False)
        for speaker, aliases in reading.roster.items()
    ]
    transcript = Transcript(
        blocks=reading.blocks,
        speakers=speakers,
        metadata=_metadata(root),
        source=source.path,
    )
    if options.speakers:
        transcript = declare_speakers(transcript, options.speakers)
    return transcript


def _tag(element: Element) -> str:
    """The element's name in the TEI namespace (or none); "" for another namespace's."""
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return ""
    if tag[:1] != "{":
        return tag
    namespace, _, name = tag[1:].partition("}")
    return name if namespace == TEI else ""


def _children(element: Element, *names: str) -> Iterator[Element]:
    return (child for child in element if _tag(child) in names)


def _plain(element: Element) -> str:
    """An element's text on one line."""
    return clean_spaces("".join(element.itertext()))


def _label(text: str) -> str:
    """A printed speaker label as a name: "DER PRINZ." is DER PRINZ."""
    return _LABEL_END.sub("", clean_spaces(text))


def _ids(value: str | None) -> list[str]:
    """The ids a `who` (or `synch`) points to: "#a #b" is a and b (and "persons.xml#c"
    is c: the file is not read)."""
    ids = (pointer.rsplit("#", 1)[-1] for pointer in (value or "").split())
    return [id_ for id_ in ids if id_]


class _Flow:
    """The text of a speech or paragraph as it is read: its words single-spaced, with
    line and paragraph breaks where the markup puts them."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.said = False  # words, not only events in brackets

    def add(self, text: str | None) -> None:
        if text:
            self.chunks.append(_SPACES.sub(" ", text))
            if not self.said and text.strip():
                self.said = True

    def event(self, text: str) -> None:
        self.chunks.append(f" [{text}] ")

    def line(self) -> None:
        self.chunks.append(_LINE)

    def paragraph(self) -> None:
        self.chunks.append(_PARAGRAPH)

    def joined_right(self) -> None:
        """No space before what comes next (ParlaMint's `join="right"` tokens)."""
        if self.chunks:
            self.chunks[-1] = self.chunks[-1].rstrip(" ")

    def take(self) -> tuple[str, bool]:
        """The text so far (lines by line breaks, paragraphs by blank lines) and whether
        it holds words; then nothing."""
        paragraphs = []
        for paragraph in "".join(self.chunks).split(_PARAGRAPH):
            lines = [clean_spaces(line) for line in paragraph.split(_LINE)]
            lines = [line for line in lines if line]
            if lines:
                paragraphs.append("\n".join(lines))
        said = self.said
        self.chunks, self.said = [], False
        return "\n\n".join(paragraphs), said


class _Reading:
    """The blocks read so far, the roster and what the header says about persons."""

    def __init__(self, root: Element, options: ReadOptions) -> None:
        self.losses = options.losses
        self.blocks: list[Block] = []
        self.roster: dict[str, dict[str, None]] = {}  # name: its aliases, in order
        self.people = _people(root)
        self.first_labels: dict[str, str] = {}  # an unlisted id: the label first printed
        self.timeline = _Timeline(root)
        self.timed = False  # the utterance being read has times
        self.speeches = 0
        self.last_speaker: str | None = None
        self.label: str | None = None  # ParlaMint's note naming the next speaker
        self.notes: list[Block] = []  # notes met inside the speech being read

    # -- blocks between speeches

    def blocks_of(self, element: Element) -> None:
        for child in element:
            tag = _tag(child)
            if not tag or tag == "teiHeader" or tag in _MARKS:
                continue
            if tag in _CONTAINERS or tag == "teiCorpus":
                self.blocks_of(child)
            elif tag == "sp":
                self.speech(child)
            elif tag == "u":
                self.utterance(child)
            elif tag in _HEADINGS:
                self.add_flowed(Kind.HEADING, child)
                self.last_speaker = None
            elif tag in _DIRECTIONS:
                self.add_flowed(Kind.STAGE_DIRECTION, child)
            elif tag in _EVENTS:
                who = self.name_of(_ids(child.get("who")))
                self.add(Block(Kind.STAGE_DIRECTION, f"[{_event(child)}]", label=who))
            elif tag == "note":
                if child.get("type") == "speaker" and _plain(child):
                    self.flush_label()
                    self.label = _label("".join(child.itertext()))
                else:
                    self.add_flowed(Kind.LABELLED, child, "Note")
            elif tag == "castList":
                self.cast_list(child)
            elif _holds_speech(child):
                self.blocks_of(child)
            else:
                self.add_flowed(Kind.PROSE, child)

    def add(self, block: Block) -> None:
        """A block, unless empty; a speaker's label waiting for its utterance, if any,
        is kept as a note before it."""
        if not block.text:
            return
        self.flush_label()
        self.blocks.append(block)

    def flush_label(self) -> None:
        if self.label is not None:
            label, self.label = self.label, None
            self.blocks.append(Block(Kind.LABELLED, label, label="Note"))

    def cast_list(self, cast: Element) -> None:
        """The cast list: its heading, then a line per cast item (a group's heading and
        items among them)."""
        for head in _children(cast, "head"):
            self.add(Block(Kind.HEADING, _plain(head)))
        lines: list[str] = []

        def collect(element: Element) -> None:
            for child in element:
                tag = _tag(child)
                if tag == "castGroup":
                    collect(child)
                elif tag == "castItem" or (tag in ("head", "roleDesc") and element is not cast):
                    lines.append(_plain(child))

        collect(cast)
        self.add(Block(Kind.PROSE, "\n".join(line for line in lines if line)))

    def add_flowed(self, kind: str, element: Element, label: str | None = None) -> None:
        """A block of the element's text (a heading's on one line), then the notes that
        were inside it."""
        flow = _Flow()
        self.flow(element, flow, False, None)
        text, _ = flow.take()
        self.add(Block(kind, clean_spaces(text) if kind == Kind.HEADING else text, label=label))
        self.add_notes()

    def add_notes(self) -> None:
        note(self.losses, _NOTES_INSIDE, len(self.notes))
        self.blocks.extend(self.notes)
        self.notes = []

    # -- speeches

    def speech(self, sp: Element) -> None:
        """An `<sp>`: a turn, cut by the stage directions inside it."""
        labels = [_label("".join(s.itertext())) for s in _children(sp, "speaker")]
        label = next((text for text in labels if text), None)
        ids = _ids(sp.get("who"))
        if len(ids) == 1 and ids[0] not in self.people:
            speaker: str | None = self.first_labels.setdefault(ids[0], label or ids[0])
        elif len(ids) > 1 and label:
            speaker = label  # several at once ("BEIDE."), named as printed
        else:
            speaker = self.name_of(ids) or label
        self.speak(sp, speaker, label, None, None)

    def utterance(self, u: Element) -> None:
        """A `<u>`: a turn, its times from `start`/`end` or `synch` where they are times."""
        label, self.label = self.label, None
        speaker = self.name_of(_ids(u.get("who")))
        start, end = self.timeline.seconds(u.get("start")), self.timeline.seconds(u.get("end"))
        synch = _ids(u.get("synch"))
        if start is None and end is None and synch:
            start = self.timeline.seconds("#" + synch[0])
            end = self.timeline.seconds("#" + synch[1]) if len(synch) > 1 else None
        if start is not None and end is not None and end < start:
            note(self.losses, "the end time of {n} utterance{s} before its start", 1)
            end = None
        self.speak(u, speaker or label, label, start, end)

    def speak(
        self,
        element: Element,
        speaker: str | None,
        label: str | None,
        start: float | None,
        end: float | None,
    ) -> None:
        self.speeches += 1
        if speaker:
            aliases = self.roster.setdefault(speaker, {})
            if label:
                aliases[label] = None
        flow = _Flow()
        self.timed = start is not None or end is not None
        self.flow(element, flow, True, speaker)
        self.timed = False
        self.turn(flow, speaker, start, end)

    def turn(
        self,
        flow: _Flow,
        speaker: str | None,
        start: float | None = None,
        end: float | None = None,
    ) -> None:
        """The speech read so far as a turn (a stage direction if it holds only sounds),
        then the notes that were inside it."""
        text, said = flow.take()
        if text and not said:
            self.add(Block(Kind.STAGE_DIRECTION, text, label=speaker, start=start, end=end))
        elif text:
            kind = Kind.TURN if speaker else Kind.UNATTRIBUTED
            continued = speaker is not None and speaker == self.last_speaker
            self.add(Block(kind, text, speaker=speaker, start=start, end=end, continued=continued))
            if speaker:
                self.last_speaker = speaker
        self.add_notes()

    def flow(self, element: Element, flow: _Flow, speech: bool, speaker: str | None) -> None:
        """An element's text into `flow`: line and paragraph breaks where the markup puts
        them, sounds in brackets; a stage direction in a speech cuts it."""
        flow.add(element.text)
        for child in element:
            tag = _tag(child)
            if tag in _LINES or tag == "lb":
                flow.line()
                if tag != "lb":
                    self.flow(child, flow, speech, speaker)
                    flow.line()
            elif tag in _PARAGRAPHS or tag in _HEADINGS:
                flow.paragraph()
                self.flow(child, flow, speech, speaker)
                flow.paragraph()
            elif tag == "speaker" or tag in _MARKS:
                pass
            elif tag in _DIRECTIONS and speech:
                self.turn(flow, speaker)
                direction = _Flow()
                self.flow(child, direction, False, None)
                text, _ = direction.take()
                self.add(Block(Kind.STAGE_DIRECTION, text, label=speaker))
            elif tag in _EVENTS and speech and tag != "pause" and not self.timed:
                # what is heard or seen is no word said: it cuts an untimed speech as a
                # stage direction does (a timed one keeps it in its text, as captions do)
                self.turn(flow, speaker)
                who = self.name_of(_ids(child.get("who")))
                self.add(Block(Kind.STAGE_DIRECTION, f"[{_event(child)}]", label=who))
            elif tag in _EVENTS:
                flow.event(_event(child))
            elif tag == "note":
                inside = _Flow()
                self.flow(child, inside, False, None)
                text, _ = inside.take()
                if text:
                    self.notes.append(Block(Kind.LABELLED, text, label="Note"))
            elif tag == "choice":
                chosen = next(_children(child, "corr", "reg", "expan"), None)
                if chosen is None:
                    chosen = next(iter(child), None)
                if chosen is not None:
                    self.flow(chosen, flow, speech, speaker)
            elif tag in ("w", "pc"):
                if child.get("join") in ("left", "both"):
                    flow.joined_right()
                flow.add("".join(child.itertext()))
                if child.get("join") in ("right", "both"):
                    flow.add(child.tail.lstrip() if child.tail else None)
                    flow.joined_right()
                    continue
            else:  # inline markup (<hi>, <seg>, <s>, <foreign>, <name>), any namespace
                flow.add(" " if tag in ("seg", "s") else None)
                self.flow(child, flow, speech, speaker)
                flow.add(" " if tag in ("seg", "s") else None)
            flow.add(child.tail)

    def name_of(self, ids: list[str]) -> str | None:
        """The name of the person (or persons) `who` points to: as listed, else the id."""
        names = [self.people.get(id_) or self.first_labels.get(id_) or id_ for id_ in ids]
        return " & ".join(names) if names else None


def _holds_speech(element: Element) -> bool:
    return any(_tag(inner) in _SPEECH for inner in element.iter())


def _event(element: Element) -> str:
    """What a `<pause/>`, `<vocal>`, `<kinesic>`, `<incident>` or `<gap>` says happened:
    its description, else its type or reason, else its name."""
    desc = next(_children(element, "desc"), None)
    text = _plain(desc) if desc is not None else _plain(element)
    for attribute in ("type", "reason"):
        if not text:
            text = clean_spaces(element.get(attribute) or "")
    return text or _tag(element) or "event"


def _people(root: Element) -> dict[str, str]:
    """Ids to names: persons and groups of the header (`<person>`, `<personGrp>`) and
    roles of the cast list (`<role xml:id>`, `<castItem xml:id>`)."""
    people: dict[str, str] = {}
    for element in root.iter():
        tag = _tag(element)
        identifier = element.get(_ID)
        if not identifier or tag not in ("person", "personGrp", "role", "castItem"):
            continue
        name: str | None
        if tag in ("person", "personGrp"):
            name = _person_name(element)
            for other in _children(element, "persName", "name"):  # DraCor's short names
                if other.get(_ID) and name:
                    people.setdefault(other.get(_ID), name)  # type: ignore[arg-type]
        elif tag == "castItem":
            role = next(_children(element, "role"), None)
            name = _plain(role) if role is not None else None
        else:
            name = _plain(element)
        if name:
            people.setdefault(identifier, name)
    return people


def _person_name(person: Element) -> str | None:
    """A person's first `<persName>` (or `<name>`): forenames before surnames when it
    is made of them, as ParlaMint's are (`<surname>`, `<forename>`)."""
    found = next(_children(person, "persName", "name"), None)
    if found is None:
        return None
    forenames = [_plain(part) for part in _children(found, "forename")]
    surnames = [_plain(part) for part in _children(found, "surname", "nameLink", "genName")]
    if forenames or surnames:
        return clean_spaces(" ".join(forenames + surnames)) or None
    return _plain(found) or None


class _Timeline:
    """The `<when>`s of the document's timelines, as seconds from their origin."""

    def __init__(self, root: Element) -> None:
        self.whens: dict[str, tuple[Element, float]] = {}  # id: the when, its unit
        for timeline in (e for e in root.iter() if _tag(e) == "timeline"):
            unit = _UNITS.get((timeline.get("unit") or "s").strip(), 1.0)
            for when in _children(timeline, "when"):
                if when.get(_ID):
                    self.whens[when.get(_ID)] = (when, unit)  # type: ignore[index]
        self.known: dict[str, float | None] = {}

    def seconds(self, value: str | None) -> float | None:
        """A time attribute in seconds: a number or clock time, or a pointer to a `<when>`;
        None when it is neither."""
        if value is None:
            return None
        value = value.strip()
        if value.startswith("#") or value in self.whens:
            return self._when(value.lstrip("#"), set())
        try:
            return as_seconds(float(value))
        except (ValueError, OverflowError):
            clock = parse_clock(value) if len(value) < 40 else None
            return as_seconds(clock) if clock is not None else None

    def _when(self, identifier: str, seen: set[str]) -> float | None:
        if identifier in self.known:
            return self.known[identifier]
        found = self.whens.get(identifier)
        if found is None or identifier in seen or len(seen) > 10_000:
            return None
        seen.add(identifier)
        when, unit = found
        interval, since = when.get("interval"), _ids(when.get("since"))
        seconds: float | None
        if interval is None and not since:
            seconds = 0.0  # the origin
        else:
            base = self._when(since[0], seen) if since else 0.0
            try:
                step = float(interval) * unit if interval is not None else None
            except (ValueError, OverflowError):
                step = None
            seconds = as_seconds(base + step) if base is not None and step is not None else None
            if seconds is not None:
                seconds = round(seconds, 6)
        self.known[identifier] = seconds
        return seconds


def _metadata(root: Element) -> dict[str, str]:
    """The title (the main one in the document's language), the authors, the language."""
    metadata: dict[str, str] = {}
    language = (root.get(_LANG) or "").strip()
    header = next(_children(root, "teiHeader"), None)
    statement = None
    if header is not None:
        for path in ("fileDesc", "titleStmt"):
            header = next(_children(header, path), None) if header is not None else None
        statement = header
    if statement is not None:
        titles = [t for t in _children(statement, "title") if _plain(t)]
        main = [t for t in titles if t.get("type") in (None, "main")] or titles
        in_language = [t for t in main if t.get(_LANG) == language]
        if main:
            metadata["title"] = _plain((in_language or main)[0])
        authors = [_plain(author) for author in _children(statement, "author")]
        if any(authors):
            metadata["author"] = "; ".join(author for author in authors if author)
    if language:
        metadata["language"] = language
    return metadata


_COMMENTS = re.compile(r"<!--.*?-->|<\?.*?\?>", re.DOTALL)
_ROOT = re.compile(r"<(?:([A-Za-z_][\w.-]*):)?(?:TEI|teiCorpus)(?=[\s/>])([^>]*)>")


def sniff(text: str) -> bool:
    """TEI: XML whose root is `<TEI>` or `<teiCorpus>`, in the TEI namespace or none."""
    head = _COMMENTS.sub("", text[:8192])
    start = re.search(r"<(?!!)", head)
    if start is None:
        return False
    found = _ROOT.match(head, start.start())
    if found is None:
        return False
    prefix, attributes = found.group(1), found.group(2)
    declaration = re.search(
        r"\bxmlns" + (":" + re.escape(prefix) if prefix else "") + r"""\s*=\s*["']([^"']*)["']""",
        attributes,
    )
    if declaration is None:
        return prefix is None
    return declaration.group(1) == TEI
