"""The WebVTT reader: cues into turns, speakers from `<v Name>` voice spans.

Voice spans are read closed or not (`<v Sarah>text` and `<v Sarah>text</v>`); other
tags (inline word timings, `<c>`, `<i>`, ...) are removed and entities unescaped. Files
without voice spans may name speakers with `Name:` prefixes or mark changes with `>>`.
Cue settings, styling and comments are not kept; `losses` counts them. Timestamps are
read leniently (Teams writes `0:0:0.570`). See `captions.py` for how cues become turns.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Transcript
from ..options import ReadOptions
from ..timing import TIMING_KEY, mark_from_note
from .captions import (
    LINE_BREAK,
    Piece,
    PrefixRule,
    assemble,
    clean_spaces,
    fold_rolling,
    parse_timing,
    share_time,
    split_marks,
)

_TAG = re.compile(r"<([^<>]*)>")
_VOICE_TAG = re.compile(r"<v[ \t.]")
_VOICE = re.compile(r"v(?:\.\S*)?(?:\s+(.*))?", re.S)
_ONE_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?[ \t]+([^<>]*[^<>\s][^<>]*)>([^<]*)(?:</v>\s*)?")
_INLINE_TIME = re.compile(r"[\d:.]+")
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")


class _Cue:
    __slots__ = ("end", "end_line", "line", "payload", "start")

    def __init__(self, start: float, end: float, payload: str, line: int) -> None:
        self.start = start
        self.end = end
        self.payload = payload  # the cue's text lines, joined by "\n"
        self.line = line
        self.end_line = line + payload.count("\n")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a WebVTT file into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    found = _parse_usual(source.text, name, options)
    metadata, cues = found or _parse(LINE_BREAK.split(source.text), name, options)
    has_voices = _VOICE_TAG.search(source.text) is not None
    tags = _TagCounter()
    pieces: list[Piece] = []
    if has_voices:
        names: dict[str, str] = {}  # voice annotations as written -> clean names
        for cue in cues:
            simple = _ONE_VOICE.fullmatch(cue.payload)
            if simple is not None:  # the usual cue: one voice, plain text (no tags at all)
                annotation, text = simple.groups()
                speaker = names.get(annotation)
                if speaker is None:
                    speaker = names[annotation] = _clean(annotation)
                piece = Piece(_clean(text), cue.start, cue.end, cue.line, cue.end_line)
                piece.marked, piece.speaker = True, speaker
                pieces.append(piece)
                continue
            parts = []
            for marked, speaker, text in _voice_runs(cue.payload, tags):
                if marked:
                    parts.append((True, speaker, text))
                else:
                    parts.extend(split_marks(text, None))
            pieces.extend(share_time(parts, cue.start, cue.end, cue.line, cue.end_line))
    else:
        texts = []
        for cue in cues:
            raws = cue.payload.split("\n")
            texts.append([line for line in (_clean(raw, tags) for raw in raws) if line])
            tags.end_cue()
        folded = fold_rolling(texts)
        note(options.losses, "{n} rolling-caption repeat{s} (folded)", folded)
        joined = [" ".join(lines) for lines in texts]
        prefixes = PrefixRule(joined, options.speakers)
        for cue, text in zip(cues, joined, strict=True):
            pieces.extend(
                share_time(split_marks(text, prefixes), cue.start, cue.end, cue.line, cue.end_line)
            )
    tags.report(options)
    del cues  # the pieces hold what is needed; on a large file the cues are much memory
    inferred = not has_voices
    return assemble(pieces, source, options, metadata=metadata, inferred=inferred)


def _parse(lines: list[str], name: str, options: ReadOptions) -> tuple[dict[str, Any], list[_Cue]]:
    """The header's metadata and the cues, with a clear error for anything malformed."""
    first = lines[0]
    if not first.startswith("WEBVTT") or first[6:7] not in ("", " ", "\t"):
        raise TranscriptError("line 1: not a WebVTT file (the first line must be WEBVTT)", name)
    count = len(lines)
    index = 1
    while index < count and lines[index].strip() and "-->" not in lines[index]:
        index += 1
    metadata = _header(lines[:index])
    cues: list[_Cue] = []
    comments = settings = 0
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
        cues.append(_Cue(start, end_time, "\n".join(lines[payload_start:index]), payload_start + 1))
    note(options.losses, "cue settings of {n} cue{s}", settings)
    note(options.losses, "{n} comment, style or region block{s}", comments)
    return metadata, cues


_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # lines up to an empty line


def _parse_usual(
    text: str, name: str, options: ReadOptions
) -> tuple[dict[str, Any], list[_Cue]] | None:
    """`_parse` for the usual file, block by block without splitting it into lines; None
    when the file has anything `_parse` treats specially (a cue with no blank line before
    the next, a header run into a cue), so that `_parse` reads it instead."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLOCK.finditer(text)
    first = next(blocks, None)
    if first is None or first.start() != 0 or "-->" in first.group():
        return None
    header = first.group().split("\n")
    if not header[0].startswith("WEBVTT") or header[0][6:7] not in ("", " ", "\t"):
        return None
    if not all(line.strip() for line in header[1:]):  # a blank-looking line ends a header
        return None
    metadata = _header(header)
    cues: list[_Cue] = []
    comments = settings = 0
    line = len(header)  # the number of the last line read
    position = first.end()
    for found in blocks:
        line += text.count("\n", position, found.start())  # now the block's first line
        position = found.end()
        block = found.group()
        head, _, rest = block.partition("\n")
        if "-->" in head:
            timing, payload, payload_line = head, rest, line + 1
        else:
            keyword = head.split(None, 1)[0] if head.strip() else ""
            if keyword in ("NOTE", "STYLE", "REGION"):
                if "-->" in block or "\n " in block or "\n\t" in block:
                    return None  # `_parse` ends these at a blank-looking line
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
                return None
        if "-->" in payload:
            return None
        start, end, cue_settings = parse_timing(timing, payload_line - 1, name, "WebVTT")
        settings += bool(cue_settings)
        cues.append(_Cue(start, end, payload, payload_line))
        line += block.count("\n")
    note(options.losses, "cue settings of {n} cue{s}", settings)
    note(options.losses, "{n} comment, style or region block{s}", comments)
    return metadata, cues


def _header(lines: list[str]) -> dict[str, Any]:
    """Metadata from the header: the title after WEBVTT, then "Key: value" lines (the old
    "Kind: captions" metadata)."""
    metadata: dict[str, Any] = {}
    title = lines[0][6:].strip().lstrip("-").strip()
    if title:
        metadata["title"] = title
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if colon and key.strip():
            metadata[key.strip().lower()] = value.strip()
    return metadata


def _next_is_cue(lines: list[str], index: int) -> bool:
    """A whitespace-only line ends a cue when a timing (or an identifier and a timing)
    follows; otherwise it is part of the cue (rolling captions have such lines)."""
    after = lines[index + 1 : index + 3]
    if after and "-->" in after[0]:
        return True
    return len(after) == 2 and after[0].strip().isdigit() and "-->" in after[1]


class _TagCounter:
    """Counts the cues whose inline timings or styling were removed."""

    def __init__(self) -> None:
        self.timed = 0
        self.styled = 0
        self._timed_now = False
        self._styled_now = False

    def see(self, content: str) -> None:
        if _INLINE_TIME.fullmatch(content):
            self._timed_now = True
        elif content and content != "/v":
            self._styled_now = True

    def end_cue(self) -> None:
        self.timed += self._timed_now
        self.styled += self._styled_now
        self._timed_now = self._styled_now = False

    def report(self, options: ReadOptions) -> None:
        note(options.losses, "word timings of {n} cue{s}", self.timed)
        note(options.losses, "styling of {n} cue{s}", self.styled)


def _clean(text: str, tags: _TagCounter | None = None) -> str:
    """Cue text without tags, entities unescaped, spaces single."""
    if "<" in text:
        if tags is not None:
            for content in _TAG.findall(text):
                tags.see(content)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\u200e" in text or "\u200f" in text:
        text = text.translate(_BIDI_MARKS)
    return clean_spaces(text)


def _voice_runs(payload: str, tags: _TagCounter) -> list[tuple[bool, str | None, str]]:
    """The cue's text cut at voice spans: (marked, speaker, clean text) in order.

    A voice span runs to its `</v>`, to the next voice span or to the end of the cue.
    """
    simple = _ONE_VOICE.fullmatch(payload)
    if simple is not None:  # the usual cue: one voice span and plain text
        annotation, text = simple.groups()
        return [(True, _clean(annotation), _clean(text))]
    runs: list[tuple[bool, str | None, str]] = []
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
            marked, speaker = True, _clean(voice.group(1))
        elif content == "/v":
            runs.append((marked, speaker, _clean("".join(pending))))
            pending = []
            marked, speaker = False, None
        else:
            tags.see(content)
    pending.append(payload[position:])
    runs.append((marked, speaker, _clean("".join(pending))))
    tags.end_cue()
    return [run for run in runs if run[0] or run[2]]


def sniff(text: str) -> bool:
    """WebVTT files open with WEBVTT."""
    return text.startswith("WEBVTT") and text[6:7] in ("", " ", "\t", "\n", "\r")
