"""What the commands do, as library functions: read inputs, write outputs, report errors.

The click commands only gather options and call these, so everything here is usable
(and testable) without the command line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

from . import formats, safeyaml, timing
from .api import load_source, open_document
from .errors import ExitCode, TranscriptError
from .io import display_name, open_output, refuse_to_overwrite_inputs, write_output
from .losses import Losses
from .model import Block, Transcript
from .options import ReadOptions, WriteOptions
from .speakermap import parse_speaker_map

Report = Callable[[str], None]


def parse_files(
    paths: Sequence[str],
    to_format: str,
    output: str | None,
    *,
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    speaker_map: Sequence[str] = (),
    diarization: str | None = None,
    report: Report,
) -> int:
    """Parse each input and write their documents; a file that cannot be read is reported
    and skipped (exit status 2), the others are still written."""
    writer = formats.get_format(to_format)
    refuse_to_overwrite_inputs(output, paths)
    failures = 0

    def documents() -> Iterator[tuple[Transcript, Iterator[Block]]]:
        nonlocal failures
        for path in paths:
            try:
                yield open_document(
                    path,
                    from_format,
                    speakers=speakers,
                    encoding=encoding,
                    speaker_map=speaker_map,
                    diarization=diarization,
                )
            except TranscriptError as error:
                report(str(error))
                failures += 1

    stream = documents()
    first = next(stream, None)
    if first is None:  # nothing readable: write nothing, not even an empty file
        return ExitCode.ERROR
    with open_output(output) as sink:
        writer.writer_module().write_documents(
            itertools.chain([first], stream), sink, WriteOptions(), many=len(paths) > 1
        )
    return ExitCode.ERROR if failures else ExitCode.OK


def convert_file(
    path: str,
    to_format: str,
    output: str | None,
    *,
    from_format: str | None = None,
    speakers: Sequence[str] = (),
    encoding: str | None = None,
    estimate_timing: float | None = None,
    speaker_map: Sequence[str] = (),
    diarization: str | None = None,
    report: Report | None = None,
) -> int:
    """Convert one input to `to_format`; the output file appears only when all went well.

    `estimate_timing` (words per minute) gives blocks without times estimated ones,
    marked as estimates. What the conversion could not carry over is reported once, in
    one line, through `report`.
    """
    writer = formats.get_format(to_format)
    refuse_to_overwrite_inputs(output, [path])
    writer.writer_module()  # an unwritable format fails before any input is read
    source, reader = load_source(path, from_format, encoding)
    name = display_name(path)
    losses = Losses()
    read_options = ReadOptions(
        speakers=tuple(speakers),
        encoding=encoding,
        losses=losses,
        speaker_map=parse_speaker_map(speaker_map),
        diarization=diarization,
    )
    write_options = WriteOptions(path=path, losses=losses)
    try:
        header, blocks = reader.stream(source, read_options)
        if writer.streams and estimate_timing is None:
            with open_output(output, writer.output_encoding(header)) as sink:
                writer.writer_module().write_documents([(header, blocks)], sink, write_options)
        else:
            header.blocks = list(blocks)
            if estimate_timing is not None:
                timing.estimate_timing(header, estimate_timing)
            text = writer.write(header, write_options)
            write_output(text, output, writer.output_encoding(header))
    except TranscriptError as error:
        raise error.with_path(name) from None
    if losses and report is not None:
        report(f"{name}: converting {reader.name} to {writer.name} lost {losses.summary()}")
    return ExitCode.OK


def list_formats() -> str:
    """The format table `transcripts formats` prints."""
    rows = []
    for format in formats.iter_formats():
        rows.append(
            (
                format.name,
                "yes" if format.reader else "no",
                "yes" if format.writer else "no",
                " ".join(format.extensions) or "-",
                format.description,
            )
        )
    header = ("format", "read", "write", "extensions", "description")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        for row in [header, *rows]
    ]
    shared = sorted(ext for ext, count in _extension_counts().items() if count > 1)
    note = (
        f"\nInput format: -f, else the extension ({', '.join(shared)}: by content), "
        "else the content.\n"
        if shared
        else ""
    )
    return "\n".join(line.rstrip() for line in lines) + "\n" + note + yaml_backend_note()


def _extension_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for format in formats.iter_formats():
        if format.reader:
            for extension in format.extensions:
                counts[extension] = counts.get(extension, 0) + 1
    return counts


def yaml_backend_note() -> str:
    """Whether PyYAML's fast C loader and dumper are in use."""
    if safeyaml.uses_libyaml():
        return "\nYAML: PyYAML with the LibYAML C loader and dumper.\n"
    return "\nYAML: PyYAML's pure-Python loader and dumper (install LibYAML for speed).\n"
