"""What `transcripts convert` does: one input to another format, losses reported."""

from __future__ import annotations

from collections.abc import Sequence

from .. import formats, timing
from ..api import load_source
from ..errors import ExitCode, TranscriptError
from ..io import display_name, open_output, refuse_to_overwrite_inputs, write_output
from ..losses import Losses
from ..options import ReadOptions, WriteOptions
from ..speakermap import parse_speaker_map
from . import Report, check_encoding


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
    check_encoding(encoding)
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
