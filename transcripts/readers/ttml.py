"""The TTML reader: W3C Timed Text (DFXP, IMSC), Apple Podcasts' transcripts included.

Each `<p>` is a piece, with its `begin`/`end` (or `dur`), times relative to the element
that contains it (TTML's parallel time containers); `<br/>` is a line break. Its
speaker is its `ttm:agent` (on the `<p>`, an element around it, or a `<span>` inside
it), named by the agent's `<ttm:name>` in the head when it has one. A `<p>` whose spans
name several agents (two speakers in one subtitle) is cut into a piece per agent, its
time shared out by length as in other captions. Text no agent claims may name its
speaker as other captions do, with `Name:` prefixes or `>>` changes (`speakermarks`).
Spans with times of their own (Apple's word spans) become the piece's timed words.
Times are clock times (`00:00:01.500`, `00:00:01:12` in frames, `00:00:01:12.1` with a
sub-frame) or offsets (`1.5s`, `1500ms`, `2h`, `30f`, `9000t` in ticks of
`ttp:tickRate`, which is the frame rate times `ttp:subFrameRate` when a frame rate is
given and one a second otherwise; Apple's bare seconds, which count from the start of
the media). The namespaces of DFXP's drafts (`2006/10/ttaf1`, `2006/04/ttaf1`), which
older Netflix and broadcast files still use, are read like TTML's. Parsed with the
safe XML parser (no entities).
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
from .speakermarks import PrefixRule, split_marks
from .turns import Part, assemble, parts_of_cue

TT = "http://www.w3.org/ns/ttml"
#: TTML's namespace and those of the DFXP drafts before it, whose `#metadata` and
#: `#parameter` namespaces name the same attributes.
TT_NAMESPACES = (TT, "http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1")
XML = "http://www.w3.org/XML/1998/namespace"
_OFFSET = re.compile(r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)")
_FRAMES = re.compile(r"\d+(?:\.\d+)?")  # frames, a sub-frame after the dot
_AGENT = tuple(f"{{{namespace}#metadata}}agent" for namespace in TT_NAMESPACES)


def _parameter(element: Element, name: str) -> str | None:
    """A `ttp:` parameter attribute of `element`, in any of the namespaces."""
    for namespace in TT_NAMESPACES:
        value = element.get(f"{{{namespace}#parameter}}{name}")
        if value is not None:
            return value
    return None


def _agent_of(element: Element, default: str | None) -> str | None:
    """The `ttm:agent` the element names, else `default` (the one around it)."""
    for attribute in _AGENT:
        value = element.get(attribute)
        if value is not None:
            return value.split()[0] if value.split() else default
    return default


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
        if len(fields) == 4:  # hh:mm:ss:frames, or frames.sub-frames
            clock = parse_clock(":".join(fields[:3]))
            if clock is not None and _FRAMES.fullmatch(fields[3]):
                return clock + float(fields[3]) / self.frame_rate
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
    cues: list[_Cue] = []
    if body is not None:
        _collect(body, 0.0, None, clock, cues, name)
    prefixes = PrefixRule(
        (text for cue in cues for who, text in cue.stretches() if who is None), options.speakers
    )
    parts = [part for cue in cues for part in cue.parts(agents, prefixes)]
    metadata = {}
    title = next((e for e in root.iter() if local(e.tag) == "title"), None)
    if title is not None and (title.text or "").strip():
        metadata["title"] = " ".join(title.text.split())  # type: ignore[union-attr]
    language = root.get(f"{{{XML}}}lang")
    if language:
        metadata["language"] = language
    parts.sort(key=lambda part: part.start if part.start is not None else 0.0)
    named_by_agents = any(who is not None for cue in cues for who, _ in cue.runs)
    return assemble(parts, source, options, metadata=metadata, inferred=not named_by_agents)


def _clock(root: Element, name: str, absolute: bool) -> _Clock:
    try:
        given_frame_rate = _parameter(root, "frameRate")
        frame_rate = float(given_frame_rate or "30")
        multiplier = _parameter(root, "frameRateMultiplier")
        if multiplier:
            numerator, denominator = (float(n) for n in multiplier.split())
            frame_rate *= numerator / denominator
        ticks = _parameter(root, "tickRate")
        if ticks is not None:
            tick_rate = float(ticks)
        elif given_frame_rate is not None:  # ticks are sub-frames (TTML 1, 6.2.11)
            tick_rate = frame_rate * float(_parameter(root, "subFrameRate") or "1")
        else:
            tick_rate = 1.0
    except (ValueError, ZeroDivisionError):
        raise TranscriptError("ttp:frameRate or ttp:tickRate is not a number", name) from None
    if frame_rate <= 0 or tick_rate <= 0:
        raise TranscriptError("ttp:frameRate and ttp:tickRate must be positive", name)
    return _Clock(frame_rate, tick_rate, absolute)


def _agents(root: Element) -> dict[str, str]:
    """Agent ids to names (`<ttm:agent xml:id="spk1"><ttm:name>Ana</ttm:name>`)."""
    names = {}
    for element in (e for e in root.iter() if e.tag in _AGENT):  # agents' tags are named so
        identifier = element.get(f"{{{XML}}}id")
        name = next((e.text for e in element if local(e.tag) == "name" and e.text), None)
        if identifier:
            names[identifier] = " ".join((name or identifier).split())
    return names


@dataclass(slots=True)
class _Cue:
    """One `<p>`: its text in runs of the agent that says each (None: no agent named),
    its times, and its timed words."""

    runs: list[tuple[str | None, str]]
    start: float
    end: float | None
    words: list[Word]

    def stretches(self) -> list[tuple[str | None, str]]:
        """The runs merged by agent, each with its text cleaned; white space between two
        agents' spans belongs to neither."""
        merged: list[tuple[str | None, str]] = []
        for who, text in self.runs:
            if merged and (merged[-1][0] == who or not text.strip()):
                merged[-1] = (merged[-1][0], merged[-1][1] + text)
            elif merged and not merged[-1][1].strip():
                merged[-1] = (who, merged[-1][1] + text)
            else:
                merged.append((who, text))
        cleaned = [(who, clean_lines(text)) for who, text in merged]
        return [(who, text) for who, text in cleaned if text] or [(None, "")]

    def parts(self, agents: dict[str, str], prefixes: PrefixRule) -> list[Part]:
        """The cue's parts: one per agent, `Name:` and `>>` marks read in text no agent
        claims; the timed words kept where they spell the one part's text."""
        stretches = self.stretches()
        if len(stretches) == 1 and stretches[0][0] is None:
            text = stretches[0][1]
            marks = split_marks(text, prefixes)
            if len(marks) == 1 and not marks[0][0]:  # unmarked: the text as it is
                return [Part(text, self.start, self.end, 0, 0, words=self._timed(text))]
        else:
            marks = []
            for who, text in stretches:
                if who is None:
                    marks.extend(split_marks(text, prefixes))
                else:
                    marks.append((True, agents.get(who, who), text))
        parts = parts_of_cue(
            marks, self.start, self.end if self.end is not None else self.start, 0, 0
        )
        if self.end is None:
            for part in parts:
                part.end = None
        if len(parts) == 1:
            parts[0].words = self._timed(parts[0].text)
        return parts

    def _timed(self, text: str) -> tuple[Word, ...] | None:
        """The cue's timed words, if they spell `text` (the last ones, after a prefix)."""
        said = text.split()
        if not self.words or len(said) > len(self.words):
            return None
        words = self.words[len(self.words) - len(said) :]
        return tuple(words) if [w.text for w in words] == said else None


def _collect(
    element: Element,
    offset: float,
    agent: str | None,
    clock: _Clock,
    cues: list[_Cue],
    name: str,
) -> None:
    """The `<p>`s under `element`, whose times count from `offset`, as cues."""
    for child in element:
        tag = local(child.tag)
        begin = _time(child.get("begin"), clock, name)
        start = (0.0 if clock.absolute and begin is not None else offset) + (begin or 0.0)
        who = _agent_of(child, agent)
        if tag == "p":
            end = _end(child, start, clock, name)
            runs: list[tuple[str | None, str]] = []
            words: list[Word] = []
            _text(child, start, who, clock, runs, words, name)
            cues.append(_Cue(runs, start, end, words))
        elif tag in ("div", "body"):
            _collect(child, start, who, clock, cues, name)


def _text(
    element: Element,
    start: float,
    agent: str | None,
    clock: _Clock,
    runs: list[tuple[str | None, str]],
    words: list[Word],
    name: str,
) -> None:
    """The element's text into `runs`, each with the agent saying it (line breaks at
    `<br/>`), its timed spans' words into `words`."""
    if element.text:
        runs.append((agent, element.text))
    for child in element:
        tag = local(child.tag)
        if tag == "br":
            runs.append((agent, "\n"))
        elif tag == "span":
            who = _agent_of(child, agent)
            begin = _time(child.get("begin"), clock, name)
            if begin is not None and not any(local(c.tag) == "span" for c in child):
                base = 0.0 if clock.absolute else start
                span_start = base + begin
                span_end = _end(child, span_start, clock, name, relative_to=base)
                for word in "".join(child.itertext()).split():
                    words.append(Word(word, span_start, span_end))
                runs.append((who, "".join(child.itertext())))
            else:
                _text(child, start + (begin or 0.0), who, clock, runs, words, name)
        if child.tail:
            runs.append((agent, child.tail))


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
    """TTML: an XML document whose root is `<tt>` in the TTML (or a DFXP draft's)
    namespace."""
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    return (
        head.startswith("<")
        and any(namespace in head for namespace in TT_NAMESPACES)
        and re.search(r"<(?:\w+:)?tt[\s>]", head) is not None
    )
