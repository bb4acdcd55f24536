"""What `transcripts convert` does: inputs to another format, losses reported.

One input goes to `-o FILE` (or standard output). Several inputs, or a folder, go to a
folder (`-o DIR`), each under its own name with the new format's extension (a walked
folder's files keep their place below it), as `pandoc`-driving scripts and `ffmpeg`
batch loops name them.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from typing import Any

from .. import formats, timing
from ..api import load_source, read_options
from ..errors import ExitCode, TranscriptError
from ..inputs import STDIN, InputSet, Selection, expand_inputs, or_standard_input
from ..io import display_name, open_output, refuse_to_overwrite_inputs, write_output
from ..losses import Losses
from ..model import held_blocks
from ..options import WriteOptions
from ..progress import shown
from ..writers.strings import WritableSink, writable
from . import Report, check_encoding, input_failure, warn_when_read
from .parse import output_format
from .stream import counter


def convert_files(
    paths: Sequence[str],
    to_format: str | None,
    output: str | None,
    *,
    report: Report,
    select: Selection | None = None,
    **options: Any,
) -> int:
    """Convert each input (a folder: the transcripts under it). One input goes to
    `output` (a file, or standard output when None); several go into the folder
    `output` (created if missing), each named after its input with the new format's
    extension. A file that cannot be converted is reported and the others still are
    (exit status 2). `to_format` None: the format `output`'s extension names."""
    check_encoding(options.get("encoding"))
    # Inputs stream in one at a time (a folder is never listed whole); the first two say
    # whether this converts one file or several.
    stream_in = expand_inputs(or_standard_input(paths), select)
    ahead = list(itertools.islice(stream_in, 2))
    items = itertools.chain(ahead, stream_in)
    walked = any(os.path.isdir(path) for path in paths)
    if len(ahead) == 1 and not walked:
        item = ahead[0]
        if isinstance(item, TranscriptError):
            raise item
        target = output_format(to_format, output, formats.names(writable=True))
        if to_format is None and (output is None or formats.writer_for_extension(output) is None):
            raise TranscriptError("say which format to write with -t FORMAT (or -o FILE.EXT)")
        return convert_file(item, target, output, report=report, **options)
    if not to_format:
        raise TranscriptError("say which format to write with -t FORMAT")
    if not output or output == STDIN or os.path.isfile(output):
        raise TranscriptError("several inputs are converted into a folder: give one with -o DIR")
    writer = formats.get_format(to_format)
    extension = writer.extensions[0] if writer.extensions else f".{writer.name}"
    roots = [path for path in paths if os.path.isdir(path)]
    inputs = InputSet(paths, select)
    failures, written = 0, set()
    for item in shown(items, "Converting", counter(paths, select)):
        try:
            if isinstance(item, TranscriptError):
                raise item
            if item == STDIN:
                raise TranscriptError("standard input cannot be one of several inputs", STDIN)
            target = os.path.join(output, _output_name(item, roots, extension))
            if target in written:
                raise TranscriptError(f"another input was already written to {target}", item)
            if target in inputs:
                raise TranscriptError(
                    f"its output {display_name(target)} would replace an input; "
                    "convert into another folder (-o DIR)",
                    item,
                )
            written.add(target)
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
            convert_file(item, to_format, target, report=report, **options)
        except OSError as error:
            report(f"{output}: cannot write: {error.strerror or error}")
            failures += 1
        except Exception as error:
            name = display_name(item if isinstance(item, str) else STDIN)
            report(str(input_failure(error, name)))
            failures += 1
    return ExitCode.ERROR if failures else ExitCode.OK


def _output_name(path: str, roots: Sequence[str], extension: str) -> str:
    """Where an input's output goes below the output folder: its place below the
    folder it was walked from (its name alone when named), with the new extension."""
    relative = os.path.basename(path)
    for root in roots:
        inside = os.path.relpath(path, root)
        if not inside.startswith(os.pardir):
            relative = inside
            break
    return os.path.splitext(relative)[0] + extension


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
    source.transient = True  # only the reader sees it
    name = display_name(path)
    losses = Losses()
    options = read_options(
        speakers=speakers,
        encoding=encoding,
        speaker_map=speaker_map,
        diarization=diarization,
        losses=losses,
    )
    write_options = WriteOptions(path=path, losses=losses)
    try:
        header, blocks = reader.stream(source, options)
        if report is not None:
            blocks = warn_when_read(header, blocks, path, report)
        if writer.streams and estimate_timing is None:
            with open_output(output, writer.output_encoding(header)) as sink:
                checked = WritableSink(sink, losses)
                writer.writer_module().write_documents([(header, blocks)], checked, write_options)
        else:
            header.blocks = held_blocks(header, blocks)
            if estimate_timing is not None:
                timing.estimate_timing(header, estimate_timing)
            text = writer.write(header, write_options)
            if isinstance(text, str):
                text = writable(text, losses)
            write_output(text, output, writer.output_encoding(header))
    except TranscriptError as error:
        raise error.with_path(name) from None
    except OSError:
        raise  # the system's refusal names its own file; a closed pipe ends quietly
    except Exception as error:  # named here (a bug too): the CLI cannot tell which file
        raise input_failure(error, name) from None
    if losses and report is not None:
        report(f"{name}: converting {reader.name} to {writer.name} lost {losses.summary()}")
    return ExitCode.OK
