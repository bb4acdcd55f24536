"""The library's front door: read, parse, write, convert and lint, part of the command
layer.

`transcripts.read(path)` reads any supported file; `transcripts.parse(text)` parses a
string; `transcripts.write(transcript, "json")` renders one; `transcripts.convert(...)`
does both and says what the target format could not hold; `transcripts.estimate_timing`
gives untimed blocks estimated times; `transcripts.lint(t)` lints a transcript or a
path. (`transcripts.stats` is the statistics engine's own function.) The command layer
(`pipelines`) calls these too; engines never import this module. Every one of them
works in the calling process: none starts another.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from . import formats
from .errors import TranscriptError
from .io import SourceText, display_name, read_bytes
from .model import Block, Transcript, held_blocks
from .options import ReadOptions, WriteOptions
from .readers.common import paused_gc
from .speakermap import parse_speaker_map

if TYPE_CHECKING:
    from .linter import Finding, LintSettings
    from .losses import Losses


def load_source(
    path: str | os.PathLike[str], format: str | None = None, encoding: str | None = None
) -> tuple[SourceText, formats.Format]:
    """Read and decode an input, and settle its format (given, by extension, or sniffed)."""
    path = os.fspath(path)
    source, chosen = formats.open_source(path, read_bytes(path), format, encoding)
    if chosen.reader is None:
        raise TranscriptError(
            f"cannot read {chosen.name}; readable formats: {formats.readable_names()}",
            display_name(path),
        )
    return source, chosen


def read_options(
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
    speaker_map: Iterable[str] | Mapping[str, str] = (),
    diarization: str | None = None,
    losses: Losses | None = None,
) -> ReadOptions:
    """The readers' options from what a user gives (`speaker_map` as `NAME=LABEL` texts
    or a mapping, checked here)."""
    return ReadOptions(
        speakers=tuple(speakers),
        encoding=encoding,
        losses=losses,
        speaker_map=parse_speaker_map(speaker_map),
        diarization=diarization,
    )


def open_document(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
    speaker_map: Iterable[str] | Mapping[str, str] = (),
    diarization: str | None = None,
) -> tuple[Transcript, Iterator[Block]]:
    """A document's header and its blocks as an iterator (streamed where the reader can).

    `speaker_map` renames speakers (`["spk_0=Ana Ruiz"]`); `diarization` names an RTTM
    file whose speakers are given to a timed transcript by overlap.
    """
    source, chosen = load_source(path, format, encoding)
    source.transient = True  # only the reader sees it
    options = read_options(
        speakers=speakers, encoding=encoding, speaker_map=speaker_map, diarization=diarization
    )
    try:
        return chosen.stream(source, options)
    except TranscriptError as error:
        raise error.with_path(display_name(source.path)) from None


def read(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
    speaker_map: Iterable[str] | Mapping[str, str] = (),
    diarization: str | None = None,
) -> Transcript:
    """Read a transcript file (or `-` for stdin) of any readable format (see
    `open_document` for the speaker map and the diarisation).

    >>> t = read("samples/lukashenko-interview.txt")  # doctest: +SKIP
    >>> [s.name for s in t.speakers]  # doctest: +SKIP
    ['Interviewer', 'Lukashenko']
    """
    with paused_gc():  # a large file's blocks are many objects, none in a cycle
        transcript, blocks = open_document(
            path,
            format,
            speakers=speakers,
            encoding=encoding,
            speaker_map=speaker_map,
            diarization=diarization,
        )
        transcript.blocks = held_blocks(transcript, blocks)
    return transcript


def read_document(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
) -> tuple[Transcript, SourceText, formats.Format]:
    """A transcript with the decoded text it was read from and its format: what `lint`
    needs to honour the comments in a file, to fix it and to point into it."""
    source, chosen = load_source(path, format, encoding)
    return read_source(source, chosen, speakers=speakers, encoding=encoding), source, chosen


def read_source(
    source: SourceText,
    chosen: formats.Format,
    *,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
) -> Transcript:
    """A transcript from a loaded source (`load_source`): for a caller that takes what it
    needs of the text first, then lets the reader drop it (`SourceText.transient`)."""
    try:
        return chosen.read(source, ReadOptions(speakers=tuple(speakers), encoding=encoding))
    except TranscriptError as error:
        raise error.with_path(display_name(source.path)) from None


def parse(
    text: str, *, format: str = "text", source: str | None = None, speakers: Sequence[str] = ()
) -> Transcript:
    """Parse transcript content given as a string (plain text unless `format` says otherwise)."""
    options = ReadOptions(speakers=tuple(speakers))
    return formats.get_format(format).read(SourceText(text=text, path=source or "-"), options)


def write(transcript: Transcript, format: str = "json", *, path: str | None = None) -> str | bytes:
    """Render a transcript in any writable format."""
    return formats.get_format(format).write(transcript, WriteOptions(path=path))


class Conversion(NamedTuple):
    """What `convert` made: the output (text, or bytes for a binary format such as
    docx) and what the target format could not hold (`losses.phrases()`, `lost`)."""

    output: str | bytes
    losses: Losses

    @property
    def lost(self) -> str:
        """The losses in one line, as `transcripts convert` reports them ("" if none)."""
        return self.losses.summary()


def convert(
    transcript: Transcript | str | os.PathLike[str],
    to: str,
    *,
    format: str | None = None,
    estimate_timing: float | None = None,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
    speaker_map: Iterable[str] | Mapping[str, str] = (),
    diarization: str | None = None,
) -> Conversion:
    """A transcript (or the file at a path, read as `read` reads it) in the format `to`,
    with the loss report: what the reader and the writer could not carry over.

    `estimate_timing` (words per minute) first gives blocks without times estimated
    ones, as `transcripts convert --estimate-timing` does; caption formats need times.

    >>> result = convert("interview.txt", "srt", estimate_timing=150)  # doctest: +SKIP
    >>> result.lost  # doctest: +SKIP
    '6 prose blocks; 1 heading'
    """
    from .losses import Losses  # for conversions only: not at every start-up

    losses = Losses()
    writer = formats.get_format(to)
    if not isinstance(transcript, Transcript):
        source, reader = load_source(transcript, format, encoding)
        options = read_options(
            speakers=speakers,
            encoding=encoding,
            speaker_map=speaker_map,
            diarization=diarization,
            losses=losses,
        )
        try:
            transcript = reader.read(source, options)
        except TranscriptError as error:
            raise error.with_path(display_name(source.path)) from None
    if estimate_timing is not None:
        from .timing import estimate_timing as estimate

        estimate(transcript, estimate_timing)
    output = writer.write(transcript, WriteOptions(path=transcript.source, losses=losses))
    if isinstance(output, str):
        from .writers.strings import writable

        output = writable(output, losses)
    return Conversion(output, losses)


def estimate_timing(transcript: Transcript, words_per_minute: float = 150) -> int:
    """Give the spoken blocks without times estimated ones at `words_per_minute` (about
    150 for conversation), marked as estimates in the metadata; the number estimated."""
    from .timing import estimate_timing as estimate

    return estimate(transcript, words_per_minute)


def lint(
    transcript: Transcript | str | os.PathLike[str],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    settings: LintSettings | None = None,
) -> list[Finding]:
    """Lint a transcript (or read the file at a path first) and return its findings,
    sorted by line. `select` and `ignore` take rule codes, names or code prefixes;
    `settings` (a `transcripts.LintSettings`) gives full control. It runs in the calling
    process. A path is read with its comments honoured (`<!-- transcripts:
    disable-line ... -->`) and findings on a JSON or YAML document name its own lines.

    >>> findings = lint(read("samples/lukashenko-interview.txt"))  # doctest: +SKIP
    >>> [(f.line, f.rule) for f in findings][:2]  # doctest: +SKIP
    [(21, 'non-speaker-label'), (22, 'orphaned-passage')]
    """
    from .linter import LintSettings as Settings
    from .linter.engine import lint as run_rules

    settings = settings or Settings()
    if select is not None or ignore:
        settings = settings.with_overrides(select=select, ignore=ignore)
    if not isinstance(transcript, Transcript):
        from .linter.engine import lint_document

        path = os.fspath(transcript)
        document, source, chosen = read_document(path, speakers=settings.speakers)
        return lint_document(document, source.text, chosen.name, settings, path=path)
    return run_rules(transcript, settings)
