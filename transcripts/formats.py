"""The format registry: name -> reader and/or writer module, file extensions, sniffing.

Adding a format is adding a reader and/or writer module and one `Format` entry here;
nothing else changes. Modules are imported only when their format is used, so start-up
stays fast.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType

from .errors import TranscriptError
from .io import SourceText
from .model import Block, Transcript
from .options import ReadOptions, WriteOptions


@dataclass(frozen=True, slots=True)
class Format:
    """One format: what it is called, which extensions it owns, which modules read/write it.

    A reader module has `read(source, options) -> Transcript` and, optionally,
    `stream(source, options) -> (header, blocks)` and `sniff(text) -> bool`. A writer
    module has `write(transcript, options) -> str` and, optionally, `write_documents`
    (streaming, several documents) and `encoding(transcript)` (output encoding).
    """

    name: str
    description: str
    extensions: tuple[str, ...] = ()
    reader: str | None = None
    writer: str | None = None
    # A special case of a more general format with the same extension (a podcast
    # transcript is JSON): its content is checked first.
    specific: bool = False

    def reader_module(self) -> ModuleType:
        if self.reader is None:
            raise TranscriptError(f"cannot read {self.name}; {readable_names()} can be read")
        return importlib.import_module(self.reader)

    def writer_module(self) -> ModuleType:
        if self.writer is None:
            raise TranscriptError(f"cannot write {self.name}; {writable_names()} can be written")
        return importlib.import_module(self.writer)

    def read(self, source: SourceText, options: ReadOptions | None = None) -> Transcript:
        return self.reader_module().read(source, options or ReadOptions())

    def stream(
        self, source: SourceText, options: ReadOptions | None = None
    ) -> tuple[Transcript, Iterator[Block]]:
        """The header and blocks, built lazily where the reader can."""
        module = self.reader_module()
        if hasattr(module, "stream"):
            return module.stream(source, options or ReadOptions())
        transcript = module.read(source, options or ReadOptions())
        return transcript, iter(transcript.blocks)

    def write(self, transcript: Transcript, options: WriteOptions | None = None) -> str:
        return self.writer_module().write(transcript, options or WriteOptions())

    def output_encoding(self, transcript: Transcript) -> str:
        module = self.writer_module()
        return module.encoding(transcript) if hasattr(module, "encoding") else "utf-8"

    @property
    def streams(self) -> bool:
        """Can the writer write blocks as they come (and several documents at once)?"""
        return self.writer is not None and hasattr(self.writer_module(), "write_documents")


FORMATS: dict[str, Format] = {
    format.name: format
    for format in (
        Format(
            "text",
            "plain text: `Speaker: text` and the conventions the parser recognises",
            (".txt", ".text", ".htm", ".html"),
            reader="transcripts.readers.text",
            writer="transcripts.writers.text",
        ),
        Format(
            "markdown",
            "Markdown: `**Speaker:** text`, headings for titles (read by the text reader)",
            (".md", ".markdown"),
            reader="transcripts.readers.markdown",
            writer="transcripts.writers.markdown",
        ),
        Format(
            "json",
            "the document model as JSON (schema: transcripts/schema.json)",
            (".json",),
            reader="transcripts.readers.json",
            writer="transcripts.writers.json",
        ),
        Format(
            "jsonl",
            "JSON Lines: a header record, then one block per line",
            (".jsonl", ".ndjson"),
            reader="transcripts.readers.jsonl",
            writer="transcripts.writers.jsonl",
        ),
        Format(
            "yaml",
            "the document model as YAML",
            (".yaml", ".yml"),
            reader="transcripts.readers.yaml",
            writer="transcripts.writers.yaml",
        ),
        Format(
            "vtt",
            "WebVTT captions: `<v Speaker>` voice spans, cue times kept",
            (".vtt", ".webvtt"),
            reader="transcripts.readers.vtt",
            writer="transcripts.writers.vtt",
        ),
        Format(
            "srt",
            "SubRip captions: `Speaker:` where the speaker changes, cue times kept",
            (".srt",),
            reader="transcripts.readers.srt",
            writer="transcripts.writers.srt",
        ),
        Format(
            "podcast",
            "Podcasting 2.0 JSON transcript (version, segments: speaker, startTime, endTime, body)",
            (".json",),
            reader="transcripts.readers.podcast",
            writer="transcripts.writers.podcast",
            specific=True,
        ),
        Format(
            "cha",
            "CHAT (TalkBank/CHILDES): `*SPK:` main tiers, names from @Participants",
            (".cha",),
            reader="transcripts.readers.cha",
        ),
        Format(
            "csv",
            "one row per block: kind, speaker, label, line, end_line, start, end, text",
            (".csv",),
            writer="transcripts.writers.csv",
        ),
    )
}


def get_format(name: str) -> Format:
    """The format called `name`, or an error listing the known ones."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise TranscriptError(
            f"unknown format {name!r}; known formats: {', '.join(FORMATS)}"
        ) from None


def readable_names() -> str:
    return ", ".join(name for name, format in FORMATS.items() if format.reader)


def writable_names() -> str:
    return ", ".join(name for name, format in FORMATS.items() if format.writer)


def names(readable: bool | None = None, writable: bool | None = None) -> list[str]:
    """Format names, optionally only those that can be read or written."""
    return [
        name
        for name, format in FORMATS.items()
        if (readable is None or bool(format.reader) == readable)
        and (writable is None or bool(format.writer) == writable)
    ]


def format_for_extension(path: str, text: str | None = None) -> Format | None:
    """The readable format owning `path`'s extension, if any.

    When several formats share the extension (`.json`: ours and the podcast
    transcript), the content decides among them; without content, the general one.
    """
    extension = os.path.splitext(path)[1].lower()
    if not extension:
        return None
    owners = [f for f in FORMATS.values() if extension in f.extensions and f.reader]
    if len(owners) > 1 and text is not None:
        return sniff(text, owners) or _general(owners)
    return _general(owners) if owners else None


def _general(formats: list[Format]) -> Format:
    return next((f for f in formats if not f.specific), formats[0])


def sniff(text: str, among: Iterable[Format] | None = None) -> Format | None:
    """The format whose reader recognises the start of `text`, if any.

    Specific formats are asked before the general ones they are a case of.
    """
    head = text[:4096]
    candidates = list(FORMATS.values() if among is None else among)
    candidates.sort(key=lambda format: not format.specific)
    for format in candidates:
        if format.reader is None:
            continue
        module = format.reader_module()
        if hasattr(module, "sniff") and module.sniff(head):
            return format
    return None


def guess_format(path: str, text: str | None = None) -> Format:
    """The input format: by extension, else by content, else plain text."""
    format = format_for_extension(path, text)
    if format is None and text is not None:
        format = sniff(text)
    return format or FORMATS["text"]


def iter_formats() -> Iterable[Format]:
    return FORMATS.values()
