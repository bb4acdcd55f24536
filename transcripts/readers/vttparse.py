"""WebVTT files into cues: the header's metadata and each cue's times and payload.

Two parsers give the same answers (a test holds them to it): `parse_usual` reads the
usual file block by block without splitting it into lines (`iter_usual` gives its cues
one at a time, the usual timing line read by one pattern); `parse_lines` reads anything
line by line and names the line of whatever is malformed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import TranscriptError
from ..losses import note
from ..options import ReadOptions
from ..timing import TIMING_KEY, mark_from_note
from .cuetiming import MinuteMarks, parse_timing, usual_timing

#: What is said of the cues whose identifier is not kept: every identifier is dropped,
#: but one that is only the cue's number in order (``1``, ``2``, ... as SRT-derived files
#: have) says nothing a writer that numbers cues does not say again, so only the others
#: (``intro``, a UUID, numbers out of order, which styles and chapters may refer to) are
#: counted. SubRip's cue numbers are never a loss: the format defines them as a counter,
#: and every writer numbers cues afresh.
IDENTIFIERS = "{n} cue identifier{s}"


def says_more_than_its_number(identifier: str, number: int) -> bool:
    """Does a cue's identifier hold something beyond its position (`number`, from 1)?"""
    return identifier.strip() != str(number)


class Cue:
    """One cue as written: its times, its payload (text lines joined by "\n") and lines."""

    __slots__ = ("end", "end_line", "line", "payload", "start")

    def __init__(self, start: float, end: float, payload: str, line: int) -> None:
        self.start = start
        self.end = end
        self.payload = payload
        self.line = line
        self.end_line = line + payload.count("\n")


def parse_lines(
    lines: list[str], name: str, options: ReadOptions
) -> tuple[dict[str, Any], list[Cue]]:
    """The header's metadata and the cues, with a clear error for anything malformed."""
    first = lines[0]
    if not first.startswith("WEBVTT") or first[6:7] not in ("", " ", "\t"):
        raise TranscriptError("line 1: not a WebVTT file (the first line must be WEBVTT)", name)
    count = len(lines)
    index = 1
    while index < count and lines[index].strip() and "-->" not in lines[index]:
        index += 1
    metadata = _header(lines[:index])
    cues: list[Cue] = []
    comments = settings = identifiers = 0
    while index < count:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        keyword = line.split(None, 1)[0]
        if keyword in ("NOTE", "STYLE", "REGION") and "-->" not in line:
            end = index
            while end < count and lines[end].strip():
                end += 1
            block = "\n".join(lines[index:end])
            mark = mark_from_note(block) if keyword == "NOTE" else None
            if mark:
                metadata[TIMING_KEY] = mark
            else:
                comments += 1
            index = end
            continue
        if "-->" in line:
            timing = index
        elif index + 1 < count and "-->" in lines[index + 1]:
            timing = index + 1  # the line before is the cue's identifier
            identifiers += says_more_than_its_number(line, len(cues) + 1)
        else:
            raise TranscriptError(
                f"line {index + 1}: expected a cue timing (start --> end), found {line[:40]!r}",
                name,
            )
        start, end_time, cue_settings = parse_timing(lines[timing], timing + 1, name, "WebVTT")
        settings += bool(cue_settings)
        index = timing + 1
        payload_start = index
        while index < count:
            text = lines[index]
            if not text or "-->" in text or (not text.strip() and _next_is_cue(lines, index)):
                break
            index += 1
        cues.append(Cue(start, end_time, "\n".join(lines[payload_start:index]), payload_start + 1))
    note(options.losses, "cue settings of {n} cue{s}", settings)
    note(options.losses, IDENTIFIERS, identifiers)
    note(options.losses, "{n} comment, style or region block{s}", comments)
    return metadata, cues


_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # lines up to an empty line
_EMPTY_LINES = re.compile(r"\n*")
# The usual cue: its timing alone on its line (no identifier, no settings), then its
# payload up to an empty line. Any other block is read by the general code below.
_USUAL_CUE = re.compile(usual_timing(r"\.") + r"([^\n]+(?:\n[^\n]+)*)")


class UnusualCue(Exception):
    """The file holds something `iter_usual` leaves to `parse_lines`."""


def parse_usual(
    text: str, name: str, options: ReadOptions
) -> tuple[dict[str, Any], list[Cue]] | None:
    """`parse_lines` for the usual file, block by block without splitting it into lines; None
    when the file has anything `parse_lines` treats specially (a cue with no blank line before
    the next, a header run into a cue), so that `parse_lines` reads it instead."""
    metadata: dict[str, Any] = {}
    try:
        cues = [Cue(*cue) for cue in iter_usual(text, name, options, metadata)]
    except UnusualCue:
        return None
    return metadata, cues


def iter_usual(
    text: str, name: str, options: ReadOptions, metadata: dict[str, Any]
) -> Iterator[tuple[float, float, str, int]]:
    """The cues of `parse_usual` one at a time, as (start, end, payload, first line of the
    payload), raising `UnusualCue` where the file stops being usual; `metadata` is filled
    from the header and the notes as they are read, and what was lost is noted at the end."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = _BLOCK.match(text)
    if first is None or "-->" in first.group():
        raise UnusualCue
    header = first.group().split("\n")
    if not header[0].startswith("WEBVTT") or header[0][6:7] not in ("", " ", "\t"):
        raise UnusualCue
    if not all(line.strip() for line in header[1:]):  # a blank-looking line ends a header
        raise UnusualCue
    metadata.update(_header(header))
    comments = settings = identifiers = 0
    number = 0  # cues yielded
    minutes = MinuteMarks()
    line = len(header)  # the number of the last line read
    position = first.end()
    length = len(text)
    while True:
        block_start = _EMPTY_LINES.match(text, position).end()  # type: ignore[union-attr]
        if block_start >= length:
            break
        line += block_start - position  # now the block's first line
        usual = _USUAL_CUE.match(text, block_start)
        if usual is not None:
            hm1, s1, f1, hm2, s2, f2, payload = usual.groups()
            start = (minutes[hm1] + int(s1 + f1)) / 1000  # see `MinuteMarks`
            end = (minutes[hm2] + int(s2 + f2)) / 1000
            if "-->" in payload:
                raise UnusualCue
            if end >= start:
                number += 1
                yield start, end, payload, line + 1
                line += 1 + payload.count("\n")
                position = usual.end()
                continue
        found = _BLOCK.match(text, block_start)
        assert found is not None  # a block starts here: not at an empty line, not at the end
        position = found.end()
        block = found.group()
        head, _, rest = block.partition("\n")
        if "-->" in head:
            timing, payload, payload_line = head, rest, line + 1
        else:
            keyword = head.split(None, 1)[0] if head.strip() else ""
            if keyword in ("NOTE", "STYLE", "REGION"):
                if "-->" in block or "\n " in block or "\n\t" in block:
                    raise UnusualCue  # `parse_lines` ends these at a blank-looking line
                mark = mark_from_note(block) if keyword == "NOTE" else None
                if mark:
                    metadata[TIMING_KEY] = mark
                else:
                    comments += 1
                line += block.count("\n")
                continue
            timing, _, payload = rest.partition("\n")
            payload_line = line + 2
            if "-->" not in timing:
                raise UnusualCue
            identifiers += says_more_than_its_number(head, number + 1)
        if "-->" in payload:
            raise UnusualCue
        start, end, cue_settings = parse_timing(timing, payload_line - 1, name, "WebVTT")
        settings += bool(cue_settings)
        number += 1
        yield start, end, payload, payload_line
        line += block.count("\n")
    note(options.losses, "cue settings of {n} cue{s}", settings)
    note(options.losses, IDENTIFIERS, identifiers)
    note(options.losses, "{n} comment, style or region block{s}", comments)


def _header(lines: list[str]) -> dict[str, Any]:
    """Metadata from the header: the title after WEBVTT, then "Key: value" lines (the old
    "Kind: captions" metadata) and HLS's "KEY=value" (`X-TIMESTAMP-MAP=LOCAL:...,MPEGTS:...`,
    whose value holds colons)."""
    metadata: dict[str, Any] = {}
    title = lines[0][6:].strip().lstrip("-").strip()
    if title:
        metadata["title"] = title
    for line in lines[1:]:
        found = _HEADER_FIELD.match(line)
        if found:
            metadata[found["key"].strip().lower()] = found["value"].strip()
    return metadata


_HEADER_FIELD = re.compile(r"(?P<key>[^:=]*[^:=\s][^:=]*)[:=](?P<value>.*)", re.S)


def _next_is_cue(lines: list[str], index: int) -> bool:
    """A whitespace-only line ends a cue when a timing (or an identifier and a timing)
    follows; otherwise it is part of the cue (rolling captions have such lines)."""
    after = lines[index + 1 : index + 3]
    if after and "-->" in after[0]:
        return True
    return len(after) == 2 and after[0].strip().isdigit() and "-->" in after[1]
