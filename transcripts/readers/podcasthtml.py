"""The podcast namespace's HTML transcript: `<cite>Speaker:</cite>`, `<time>0:00</time>`,
then the speech in `<p>`.

As the namespace's transcript spec shows it (`text/html` transcripts): each `<cite>`
names the speaker of the paragraphs after it, each `<time>` gives the time the next
paragraph starts. Every `<p>` is a piece; consecutive pieces of one speaker are one
turn. Other markup is read for its text only. Read with the standard library's HTML
parser, which expands no entities but the named ones of HTML.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..timecode import parse_clock
from .turns import Part, assemble


class _Transcript(HTMLParser):
    """Collects (speaker, start, text, line) for each paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str | None, float | None, str, int]] = []
        self.speaker: str | None = None
        self.start: float | None = None
        self.title: str | None = None
        self._inside: str | None = None  # cite, time, p or title, while in one
        self._text: list[str] = []
        self._line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("cite", "time", "p", "title") and self._inside is None:
            self._inside, self._text = tag, []
            self._line = self.getpos()[0]
            if tag == "time":
                datetime = dict(attrs).get("datetime")
                if datetime:
                    self._text.append(datetime)
        elif tag == "br" and self._inside == "p":
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag != self._inside:
            return
        text = clean_spaces("".join(self._text))
        self._inside = None
        if tag == "cite":
            self.speaker = text.rstrip(":：").strip() or None
        elif tag == "time":
            self.start = parse_clock(text.split()[0]) if text else None
        elif tag == "title":
            self.title = text or None
        elif text:
            self.paragraphs.append((self.speaker, self.start, text, self._line))
            self.start = None

    def handle_data(self, data: str) -> None:
        if self._inside is not None and not (self._inside == "time" and self._text):
            self._text.append(data)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a podcast HTML transcript into turns."""
    options = options or ReadOptions()
    parser = _Transcript()
    parser.feed(source.text)
    parser.close()
    if not parser.paragraphs:
        raise TranscriptError(
            "has no paragraphs (<p>) to read as a podcast HTML transcript",
            display_name(source.path),
        )
    parts = []
    for index, (speaker, start, text, line) in enumerate(parser.paragraphs):
        following = parser.paragraphs[index + 1][1] if index + 1 < len(parser.paragraphs) else None
        end = (
            following
            if start is not None and following is not None and following >= start
            else None
        )
        parts.append(Part(text, start, end, line, line, speaker is not None, speaker))
    metadata = {"title": parser.title} if parser.title else {}
    return assemble(parts, source, options, metadata=metadata, inferred=False)


def sniff(text: str) -> bool:
    """HTML that names speakers in `<cite>` and times paragraphs with `<time>`."""
    head = text[:20000].lower()
    return "<cite>" in head and "<time" in head and "<p" in head
