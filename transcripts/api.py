"""The library's front door: read, parse, write and lint, part of the command layer.

`transcripts.read(path)` reads any supported file; `transcripts.parse(text)` parses a
string; `transcripts.write(transcript, "json")` renders one; `transcripts.lint(t)` lints
a transcript or a path. (`transcripts.stats` is the statistics engine's own function.)
The command layer (`pipelines`) calls these too; engines never import this module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from . import formats
from .errors import TranscriptError
from .io import SourceText, display_name, read_bytes
from .model import Block, Transcript
from .options import ReadOptions, WriteOptions
from .speakermap import parse_speaker_map

if TYPE_CHECKING:
    from .linter import Finding, LintSettings


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
    options = ReadOptions(
        speakers=tuple(speakers),
        encoding=encoding,
        speaker_map=parse_speaker_map(speaker_map),
        diarization=diarization,
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
    transcript, blocks = open_document(
        path,
        format,
        speakers=speakers,
        encoding=encoding,
        speaker_map=speaker_map,
        diarization=diarization,
    )
    transcript.blocks = list(blocks)
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
    try:
        transcript = chosen.read(source, ReadOptions(speakers=tuple(speakers), encoding=encoding))
    except TranscriptError as error:
        raise error.with_path(display_name(source.path)) from None
    return transcript, source, chosen


def parse(
    text: str, *, format: str = "text", source: str | None = None, speakers: Sequence[str] = ()
) -> Transcript:
    """Parse transcript content given as a string (plain text unless `format` says otherwise)."""
    options = ReadOptions(speakers=tuple(speakers))
    return formats.get_format(format).read(SourceText(text=text, path=source or "-"), options)


def write(transcript: Transcript, format: str = "json", *, path: str | None = None) -> str | bytes:
    """Render a transcript in any writable format."""
    return formats.get_format(format).write(transcript, WriteOptions(path=path))


def lint(
    transcript: Transcript | str | os.PathLike[str],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    settings: LintSettings | None = None,
) -> list[Finding]:
    """Lint a transcript (or read the file at a path first) and return its findings,
    sorted by line. `select` and `ignore` take rule codes, names or code prefixes;
    `settings` (a `transcripts.LintSettings`) gives full control.

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
        path = os.fspath(transcript)
        return run_rules(read(path, speakers=settings.speakers), settings, path=path)
    return run_rules(transcript, settings)
