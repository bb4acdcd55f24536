"""The format registry: name -> reader and/or writer module, file extensions, sniffing.

Adding a format is adding a reader and/or writer module and one `Format` entry here;
nothing else changes. Modules are imported only when their format is used, so start-up
stays fast.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import NamedTuple

from .errors import TranscriptError
from .io import SourceText, decode
from .model import Block, Transcript, held_blocks
from .options import ReadOptions, WriteOptions


class Format(NamedTuple):
    """One format: what it is called, which extensions it owns, which modules read/write it.

    A reader module has `read(source, options) -> Transcript` and, optionally,
    `stream(source, options) -> (header, blocks)`, `sniff(text) -> bool` (the start of
    the text is this format's), `recognise(data) -> bool` (parsed JSON is this format's)
    or, for a binary format, `sniff_bytes(data) -> bool`. A writer
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
    # The reader takes the input's bytes (`SourceText.data`), not decoded text; `magic`
    # is how such a file starts, so other inputs never load the reader to be asked.
    binary: bool = False
    magic: bytes = b""

    def reader_module(self) -> ModuleType:
        if self.reader is None:
            raise TranscriptError(f"cannot read {self.name}; {readable_names()} can be read")
        return importlib.import_module(self.reader)

    def writer_module(self) -> ModuleType:
        if self.writer is None:
            raise TranscriptError(f"cannot write {self.name}; {writable_names()} can be written")
        return importlib.import_module(self.writer)

    def read(self, source: SourceText, options: ReadOptions | None = None) -> Transcript:
        """Read a document; the diarisation and speaker map, if any, are applied to it."""
        options = options or ReadOptions()
        module = self.reader_module()
        try:
            if hasattr(module, "stream"):  # listed as they come, each held compact
                transcript, blocks = module.stream(source, options)
                transcript.blocks = held_blocks(transcript, blocks)
            else:
                transcript = module.read(source, options)
        except TranscriptError as error:
            raise _with_json_formats(error) from None
        return _after_reading(transcript, options)

    def stream(
        self, source: SourceText, options: ReadOptions | None = None
    ) -> tuple[Transcript, Iterator[Block]]:
        """The header and blocks, built lazily where the reader can."""
        options = options or ReadOptions()
        module = self.reader_module()
        if hasattr(module, "stream") and options.diarization is None:
            header, blocks = module.stream(source, options)
            if options.speaker_map:
                from .speakermap import map_blocks, map_roster

                return map_roster(header, options.speaker_map), map_blocks(
                    blocks, options.speaker_map
                )
            return header, blocks
        transcript = self.read(source, options)
        return transcript, iter(transcript.blocks)

    def write(self, transcript: Transcript, options: WriteOptions | None = None) -> str | bytes:
        """The transcript in this format: text, or bytes for a binary format (docx)."""
        written: str | bytes = self.writer_module().write(transcript, options or WriteOptions())
        return written

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
        *(
            Format(
                name,
                description,
                (".json",),
                reader=f"transcripts.readers.stt.{module}",
                specific=True,
            )
            for name, module, description in (
                (
                    "whisper",
                    "whisper",
                    "OpenAI Whisper JSON and kin (faster-whisper, whisper-timestamped, stable-ts, "
                    "the API's verbose_json and diarized_json): segments, words",
                ),
                (
                    "whisperx",
                    "whisperx",
                    "WhisperX JSON: segments, aligned words, SPEAKER_00 labels",
                ),
                (
                    "whisper-cpp",
                    "whispercpp",
                    "whisper.cpp JSON (-oj, -ojf): segments in milliseconds",
                ),
                (
                    "aws-transcribe",
                    "aws",
                    "Amazon Transcribe JSON: items, speaker_labels (spk_0); Call Analytics' turns",
                ),
                (
                    "google-stt",
                    "google",
                    "Google Speech-to-Text response: results, words with speakerTag",
                ),
                (
                    "azure-stt",
                    "azure",
                    "Azure AI Speech batch and fast transcription: phrases in ticks or ms",
                ),
                (
                    "deepgram",
                    "deepgram",
                    "Deepgram response: words with speakers, paragraphs, utterances",
                ),
                ("assemblyai", "assemblyai", "AssemblyAI transcript: utterances, speakers A, B"),
                ("revai", "revai", "Rev.ai transcript: monologues of text and punct elements"),
                ("speechmatics", "speechmatics", "Speechmatics json-v2: words, punctuation, S1"),
            )
        ),
        Format(
            "rttm",
            "RTTM diarisation (pyannote): who spoke when, no words; also --diarization",
            (".rttm",),
            reader="transcripts.readers.rttm",
        ),
        Format(
            "cha",
            "CHAT (TalkBank/CHILDES): `*SPK:` main tiers, names from @Participants",
            (".cha",),
            reader="transcripts.readers.cha",
            writer="transcripts.writers.cha",
        ),
        Format(
            "sbv",
            "YouTube SubViewer captions: `0:00:01.000,0:00:04.000` cues",
            (".sbv",),
            reader="transcripts.readers.sbv",
        ),
        Format(
            "ass",
            "Advanced SubStation Alpha and SSA subtitles (Aegisub): Dialogue events, speakers "
            "from the Name field",
            (".ass", ".ssa"),
            reader="transcripts.readers.ass",
            writer="transcripts.writers.ass",
        ),
        Format(
            "trs",
            "Transcriber XML (LDC, oral history archives): turns between <Sync/> points, "
            "speakers from <Speakers>",
            (".trs",),
            reader="transcripts.readers.trs",
            # read as bytes, so the encoding its XML declaration names decodes it
            binary=True,
            magic=b"<?xml",
        ),
        Format(
            "ttml",
            "TTML / DFXP timed text, Apple Podcasts transcripts: <p> cues, ttm:agent speakers",
            (".ttml", ".dfxp", ".xml"),
            reader="transcripts.readers.ttml",
        ),
        Format(
            "tei",
            "TEI XML (DraCor plays, ParlaMint sittings): <sp> speeches and <u> utterances, "
            "speakers from who and <listPerson>, stage directions, acts and scenes",
            (".tei", ".xml"),
            reader="transcripts.readers.tei",
            # an .xml file whose root is <TEI> or <teiCorpus>; TTML keeps the others
            specific=True,
        ),
        Format(
            "podcast-html",
            "Podcast namespace HTML transcript: <cite>Speaker:</cite> <time>0:00</time> <p>",
            (".html", ".htm"),
            reader="transcripts.readers.podcasthtml",
            writer="transcripts.writers.podcasthtml",
            specific=True,
        ),
        Format(
            "eaf",
            "ELAN annotation document: one tier per speaker, annotations in milliseconds",
            (".eaf",),
            reader="transcripts.readers.eaf",
            writer="transcripts.writers.eaf",
        ),
        Format(
            "textgrid",
            "Praat TextGrid: one interval tier per speaker",
            (".textgrid",),
            reader="transcripts.readers.textgrid",
            writer="transcripts.writers.textgrid",
        ),
        Format(
            "docx",
            "Word document: a paragraph per turn, the speaker in bold "
            "(needs interview-transcripts[docx])",
            (".docx",),
            reader="transcripts.readers.docx",
            writer="transcripts.writers.docx",
            binary=True,
            magic=b"PK\x03\x04",  # a zip package
        ),
        Format(
            "pdf",
            "PDF (court, deposition and hearing transcripts): each page's text as printed, "
            "read by the text reader (needs interview-transcripts[pdf])",
            (".pdf",),
            reader="transcripts.readers.pdf",
            binary=True,
            magic=b"%PDF-",
        ),
        Format(
            "csv",
            "a table, one row per block: kind, speaker, label, line, end_line, start, end, "
            "text; other tools' tables are read by their column names (speaker, text, start)",
            (".csv",),
            reader="transcripts.readers.csv",
            writer="transcripts.writers.csv",
        ),
        Format(
            "parquet",
            "Apache Parquet: one row per block with its document's path, for pandas, polars "
            "and DuckDB (needs interview-transcripts[parquet])",
            (".parquet",),
            writer="transcripts.writers.parquet",
        ),
    )
}


def _after_reading(transcript: Transcript, options: ReadOptions) -> Transcript:
    """The library steps every reader's document goes through: the diarisation's
    speakers given by overlap, then the speaker map."""
    if options.diarization is not None:
        from .readers.diarization import overlay, read_diarization

        overlay(transcript, read_diarization(options.diarization))
    if options.speaker_map:
        from .speakermap import apply_speaker_map

        apply_speaker_map(transcript, options.speaker_map)
    return transcript


def _with_json_formats(error: TranscriptError) -> TranscriptError:
    """An unknown kind of JSON, told which JSON formats are read."""
    from .readers.jsondata import UnknownJSON

    if not isinstance(error, UnknownJSON):
        return error
    known = ", ".join(f.name for f in FORMATS.values() if f.reader and ".json" in f.extensions)
    return TranscriptError(f"{error.message}; JSON formats read: {known}", error.path)


def get_format(name: str) -> Format:
    """The format called `name`, or named by the one extension only it has (`md`, `yml`,
    `txt`, `ndjson`, `webvtt`, `dfxp`, as pandoc and users say them), or an error listing
    the known ones."""
    key = name.lower()
    found = FORMATS.get(key)
    if found is not None:
        return found
    by_extension = [f for f in FORMATS.values() if "." + key.lstrip(".") in f.extensions]
    if len(by_extension) == 1:
        return by_extension[0]
    if by_extension:
        choices = " or ".join(f.name for f in by_extension)
        raise TranscriptError(f"format {name!r} may be {choices}: name one")
    raise TranscriptError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}")


def named_among(value: str, among: Iterable[str]) -> str | None:
    """The name among `among` that `value` gives: the name itself (any case), or a format
    named by the one extension only it has (`yml` for yaml, `md` for markdown); None when
    it gives none of them. The choices of `-t`, `-f` and their settings in a
    configuration all ask this."""
    choices = set(among)
    key = value.lower()
    if key in choices:
        return key
    try:
        name = get_format(value).name
    except TranscriptError:
        return None
    return name if name in choices else None


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


def format_for_extension(path: str, text: str | SourceText | None = None) -> Format | None:
    """The readable format owning `path`'s extension, if any.

    When several formats share the extension (`.json`: ours, the podcast transcript,
    the speech-to-text dialects), the content decides among them; without content, or
    when no specific one recognises it, the general one. A `.txt` file whose content a
    structured format recognises is that format (`PLAIN_TEXT_EXTENSIONS`), and so is a
    caption file saved under another caption format's extension (`MISNAMED_CAPTIONS`).
    """
    extension = os.path.splitext(path)[1].lower()
    if not extension:
        return None
    if extension in PLAIN_TEXT_EXTENSIONS and text is not None:
        structured = _structured_content(text)
        if structured is not None:
            return structured
    owners = [f for f in FORMATS.values() if extension in f.extensions and f.reader]
    if text is not None and len(owners) == 1 and owners[0].name in MISNAMED_CAPTIONS:
        return _captions_named(owners[0], text)
    if len(owners) > 1 and text is not None:
        return sniff(text, owners) or _general(owners)
    return _general(owners) if owners else None


#: Extensions that say only "text": a file so named holding captions or a speech-to-text
#: service's JSON is read as what it holds (`_structured_content`).
PLAIN_TEXT_EXTENSIONS = (".txt", ".text")


#: Caption formats whose files are often saved under one another's extension (a WebVTT
#: file named `.srt` by a downloader, SubRip renamed `.vtt`): such a file whose content
#: its extension's reader does not recognise, and another's does, is read as that one.
MISNAMED_CAPTIONS = ("srt", "vtt", "sbv")


def _captions_named(named: Format, text: str | SourceText) -> Format:
    """The caption format a file named as `named` holds: `named`, unless its reader does
    not recognise the content and another caption format's reader does."""
    head = (text.text if isinstance(text, SourceText) else text)[:4096].lstrip("\ufeff")
    if named.reader_module().sniff(head):
        return named
    others = [FORMATS[name] for name in MISNAMED_CAPTIONS if name != named.name]
    return sniff(head, others) or named


def _structured_content(text: str | SourceText) -> Format | None:
    """The format a plain-text file's content is unmistakably in, if any: captions (a
    cue's timing arrow in its opening, then what the SubRip or WebVTT reader
    recognises), a service's JSON, or a transcript table (a CSV header naming a speaker
    and a text column, and only columns a table has). Only such content is asked about,
    so a transcript's run does not import every reader to be told it is text."""
    source = text if isinstance(text, SourceText) else SourceText(text=text)
    head = source.text[:4096]
    if "-->" in head:
        return sniff(source, [FORMATS["srt"], FORMATS["vtt"]])
    if head.lstrip()[:1] in ("{", "[") and _parse_json(source):
        # (any JSON is "json"; read so only in a service's schema, not any data at all)
        dialects = [f for f in FORMATS.values() if f.specific and ".json" in f.extensions]
        return sniff(source, dialects)
    first = head.split("\n", 1)[0]
    if ":" not in first and "\t" not in first and ("," in first or ";" in first):
        # a table's header ("speaker,start,end,text"), asked of the CSV reader (a table
        # with tabs the text reader reads itself, its bytes kept: "Ana<TAB>text" is text)
        from .readers.csv import is_table_in_plain_text

        if is_table_in_plain_text(source.text):
            return FORMATS["csv"]
    return None


def writer_for_extension(path: str) -> Format | None:
    """The writable format `path`'s extension names (`-o interview.yaml`: yaml), the
    general one where several share it (`.json`: json, not podcast); None if none."""
    extension = os.path.splitext(path)[1].lower()
    owners = [f for f in FORMATS.values() if extension and extension in f.extensions and f.writer]
    return _general(owners) if owners else None


def _general(formats: list[Format]) -> Format:
    return next((f for f in formats if not f.specific), formats[0])


def sniff(text: str | SourceText, among: Iterable[Format] | None = None) -> Format | None:
    """The format whose reader recognises the content, if any.

    Specific formats are asked before the general ones they are a case of. A reader
    module recognises text by its start (`sniff(head)`), or JSON data by its keys
    (`recognise(data)`): JSON is parsed once for all of them (and kept on the source
    for the reader).
    """
    source = text if isinstance(text, SourceText) else SourceText(text=text)
    head = source.text[:4096]
    candidates = list(FORMATS.values() if among is None else among)
    candidates.sort(key=lambda format: not format.specific)
    json_like: bool | None = None
    for format in candidates:
        if format.reader is None:
            continue
        module = format.reader_module()
        if hasattr(module, "recognise"):
            if json_like is None:
                json_like = _parse_json(source)
            if json_like and module.recognise(source.parsed[0]):  # type: ignore[index]
                return format
        elif hasattr(module, "sniff") and module.sniff(head):
            return format
    return None


def _parse_json(source: SourceText) -> bool:
    """Parse the source as JSON (once) if it looks like JSON; whether it is."""
    from .readers.jsondata import is_json, load_json

    if source.parsed is None:
        if not is_json(source.text[:4096]):
            return False
        try:
            load_json(source)
        except TranscriptError:
            return False
    return True


def guess_format(path: str, text: str | SourceText | None = None) -> Format:
    """The input format: by extension, else by content, else plain text."""
    format = format_for_extension(path, text)
    if format is None and text is not None:
        format = sniff(text)
    return format or FORMATS["text"]


def open_source(
    path: str, data: bytes, format: str | None = None, encoding: str | None = None
) -> tuple[SourceText, Format]:
    """An input's bytes as a source for its format (given, by extension, or sniffed):
    decoded text, or the bytes themselves for a binary format (a Word document)."""
    chosen = get_format(format) if format else _binary_format(path, data)
    if chosen is not None and chosen.binary:
        return SourceText(text="", path=path, data=data), chosen
    source = decode(data, path, encoding)
    return source, chosen or guess_format(path, source)


def _binary_format(path: str, data: bytes) -> Format | None:
    """The binary format owning the extension, or whose reader recognises the bytes."""
    extension = os.path.splitext(path)[1].lower()
    for format in FORMATS.values():
        if format.binary and format.reader:
            if extension in format.extensions:
                return format
            if not data.startswith(format.magic):
                continue
            module = format.reader_module()
            if hasattr(module, "sniff_bytes") and module.sniff_bytes(data[:4096]):
                return format
    return None


def iter_formats() -> Iterable[Format]:
    return FORMATS.values()
