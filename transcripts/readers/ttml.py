"""The TTML reader: W3C Timed Text (DFXP, IMSC), Apple Podcasts' transcripts included.

Each `<p>` is a piece, with its `begin`/`end` (or `dur`), times relative to the element
that contains it (TTML's parallel time containers); `<br/>` is a line break. Its
speaker is its `ttm:agent` (on the `<p>` or an element around it), named by the
agent's `<ttm:name>` in the head when it has one. Spans with times of their own
(Apple's word spans) become the piece's timed words. Times are clock times
(`00:00:01.500`, `00:00:01:12` in frames) or offsets (`1.5s`, `1500ms`, `2h`, `30f`,
`9000t` in ticks of `ttp:tickRate`; Apple's bare seconds, which count from the start
of the media). Parsed with the safe XML parser (no entities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript, Word
from ..options import ReadOptions
from ..timecode import as_seconds, parse_clock
from ..xmlsafe import local, parse_xml
from .common import clean_lines
from .turns import Part, assemble

TT = "http://www.w3.org/ns/ttml"
TTM = "http://www.w3.org/ns/ttml#metadata"
TTP = "http://www.w3.org/ns/ttml#parameter"
XML = "http://www.w3.org/XML/1998/namespace"
_OFFSET = re.compile(r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)")


@dataclass(frozen=True, slots=True)
class _Clock:
    """How a document counts time: frames and ticks per second, and whether times count
    from the start of the media rather than from the element around them."""

    frame_rate: float = 30.0
    tick_rate: float = 1.0
    absolute: bool = False

    def seconds(self, value: str | None) -> float | None:
        """A time attribute in seconds; None when absent, unreadable or out of range."""
        if value is None:
            return None
        try:
            return as_seconds(self._seconds(value))
        except (ValueError, OverflowError):  # frames of a thousand digits
            return None

    def _seconds(self, value: str) -> float | None:
        value = value.strip()
        try:  # a bare number: seconds (Apple's transcripts write them)
            return float(value)
        except ValueError:
            pass
        found = _OFFSET.fullmatch(value)
        if found:
            number, unit = float(found.group(1)), found.group(2)
            scale = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}.get(unit)
            if scale is None:
                scale = 1 / (self.frame_rate if unit == "f" else self.tick_rate)
            return number * scale
        fields = value.split(":")
        if len(fields) == 4:  # hh:mm:ss:frames
            clock = parse_clock(":".join(fields[:3]))
            if clock is not None and fields[3].isdigit():
                return clock + int(fields[3]) / self.frame_rate
            return None
        return parse_clock(value)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a TTML document into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    root = parse_xml(source.text, name)
    if local(root.tag) != "tt":
        raise TranscriptError(f"not a TTML document (the root is <{local(root.tag)}>)", name)
    clock = _clock(root, name, absolute="apple.com/" in source.text[:2000])
    agents = _agents(root)
    body = next((child for child in root if local(child.tag) == "body"), None)
    parts: list[Part] = []
    if body is not None:
        _collect(body, 0.0, None, clock, agents, parts, name)
    metadata = {}
    title = next((e for e in root.iter() if local(e.tag) == "title"), None)
    if title is not None and (title.text or "").strip():
        metadata["title"] = " ".join(title.text.split())  # type: ignore[union-attr]
    language = root.get(f"{{{XML}}}lang")
    if language:
        metadata["language"] = language
    parts.sort(key=lambda part: part.start if part.start is not None else 0.0)
    return assemble(parts, source, options, metadata=metadata, inferred=False)


def _clock(root: Element, name: str, absolute: bool) -> _Clock:
    try:
        frame_rate = float(root.get(f"{{{TTP}}}frameRate", "30"))
        multiplier = root.get(f"{{{TTP}}}frameRateMultiplier")
        if multiplier:
            numerator, denominator = (float(n) for n in multiplier.split())
            frame_rate *= numerator / denominator
        tick_rate = float(root.get(f"{{{TTP}}}tickRate", str(frame_rate)))
    except (ValueError, ZeroDivisionError):
        raise TranscriptError("ttp:frameRate or ttp:tickRate is not a number", name) from None
    if frame_rate <= 0 or tick_rate <= 0:
        raise TranscriptError("ttp:frameRate and ttp:tickRate must be positive", name)
    return _Clock(frame_rate, tick_rate, absolute)


def _agents(root: Element) -> dict[str, str]:
    """Agent ids to names (`<ttm:agent xml:id="spk1"><ttm:name>Ana</ttm:name>`)."""
    names = {}
    for element in root.iter(f"{{{TTM}}}agent"):
        identifier = element.get(f"{{{XML}}}id")
        name = next((e.text for e in element if local(e.tag) == "name" and e.text), None)
        if identifier:
            names[identifier] = " ".join((name or identifier).split())
    return names


def _collect(
    element: Element,
    offset: float,
    agent: str | None,
    clock: _Clock,
    agents: dict[str, str],
    parts: list[Part],
    name: str,
) -> None:
    """The `<p>`s under `element`, whose times count from `offset`, as parts."""
    for child in element:
        tag = local(child.tag)
        begin = _time(child.get("begin"), clock, name)
        start = (0.0 if clock.absolute and begin is not None else offset) + (begin or 0.0)
        who = child.get(f"{{{TTM}}}agent", agent)
        if tag == "p":
            parts.append(_part(child, start, who, clock, agents, name))
        elif tag in ("div", "body"):
            _collect(child, start, who, clock, agents, parts, name)


def _part(
    p: Element, start: float, agent: str | None, clock: _Clock, agents: dict[str, str], name: str
) -> Part:
    end = _end(p, start, clock, name)
    texts: list[str] = []
    words: list[Word] = []
    _text(p, start, clock, texts, words, name)
    text = clean_lines("".join(texts))
    speaker = agents.get(agent.split()[0], agent.split()[0]) if agent else None
    timed = words if words and [w.text for w in words] == text.split() else None
    return Part(
        text, start, end, 0, 0, speaker is not None, speaker, tuple(timed) if timed else None
    )


def _text(
    element: Element, start: float, clock: _Clock, texts: list[str], words: list[Word], name: str
) -> None:
    """The element's text into `texts` (line breaks at `<br/>`), its timed spans' words
    into `words`."""
    if element.text:
        texts.append(element.text)
    for child in element:
        tag = local(child.tag)
        if tag == "br":
            texts.append("\n")
        elif tag == "span":
            begin = _time(child.get("begin"), clock, name)
            if begin is not None and not any(local(c.tag) == "span" for c in child):
                base = 0.0 if clock.absolute else start
                span_start = base + begin
                span_end = _end(child, span_start, clock, name, relative_to=base)
                for word in "".join(child.itertext()).split():
                    words.append(Word(word, span_start, span_end))
                texts.append("".join(child.itertext()))
            else:
                _text(child, start + (begin or 0.0), clock, texts, words, name)
        if child.tail:
            texts.append(child.tail)


def _end(
    element: Element, start: float, clock: _Clock, name: str, relative_to: float | None = None
) -> float | None:
    end = _time(element.get("end"), clock, name)
    if end is not None:
        base = start - (_time(element.get("begin"), clock, name) or 0.0)
        if relative_to is not None:
            base = relative_to
        return max(base + end, start)
    duration = _time(element.get("dur"), clock, name)
    return start + duration if duration is not None else None


def _time(value: str | None, clock: _Clock, name: str) -> float | None:
    if value is None:
        return None
    seconds = clock.seconds(value)
    if seconds is None:
        raise TranscriptError(f"bad TTML time expression {value[:30]!r}", name)
    return round(seconds, 6)


def sniff(text: str) -> bool:
    """TTML: an XML document whose root is `<tt>` in the TTML namespace."""
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    return head.startswith("<") and TT in head and re.search(r"<(?:\w+:)?tt[\s>]", head) is not None
