"""What `transcripts parse` does: read each input (a folder: the transcripts under it)
and write its document."""

from __future__ import annotations

import functools
import itertools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .. import formats, safeyaml
from ..api import open_document, read
from ..errors import ExitCode, TranscriptError
from ..inputs import Selection, expand_inputs, or_standard_input
from ..io import display_name, open_output, refuse_to_overwrite_inputs, write_output
from ..model import Block, Transcript, held_blocks
from ..options import WriteOptions
from ..progress import shown
from ..streams import then_run
from ..terminal import printable
from . import (
    Report,
    check_encoding,
    input_failure,
    reader_warning,
    warn_when_read,
)
from .stream import checked, counter, map_inputs

#: What `parse` writes: the document model's forms.
PARSE_FORMATS = ("json", "jsonl", "yaml", "parquet")
#: What `parse --explain` writes as data (besides its text forms, "text" and "lines").
EXPLAIN_FORMATS = ("json", "jsonl", "yaml")


def output_format(to_format: str | None, output: str | None, allowed: Sequence[str]) -> str:
    """The format to write: as given (`-t`), else the one `-o FILE`'s extension names
    when it is `allowed`, else the first allowed one."""
    if to_format:
        return to_format
    if output and output != "-":
        named = formats.writer_for_extension(output)
        if named is not None and named.name in allowed:
            return named.name
    return allowed[0]


def parse_files(
    paths: Sequence[str],
    to_format: str | None,
    output: str | None,
    *,
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    speaker_map: Sequence[str] = (),
    diarization: str | None = None,
    scheduler: str | None = None,
    report: Report,
    select: Selection | None = None,
) -> int:
    """Parse each input and write their documents; a file that cannot be read is reported
    and skipped (exit status 2), the others are still written. A folder stands for the
    transcripts under it (`transcripts.inputs`); `to_format` None: from `output`'s
    extension, else JSON. With `scheduler` (a Dask scheduler's address, or `local`), the
    files are read on that cluster and written here, in the same order."""
    check_encoding(encoding)
    writer = formats.get_format(output_format(to_format, output, PARSE_FORMATS))
    if getattr(writer.writer_module(), "BINARY", False):  # Parquet
        if (output is None or output == "-") and sys.stdout.isatty():
            raise TranscriptError(f"{writer.name} is binary: write it to a file with -o FILE")
        writer.writer_module().schema()  # a missing library is said before any input is read
    tables = _table_files(writer.name, output)
    # Inputs stream in one at a time (an archive is never listed whole); the first two
    # say whether one document or several are written.
    stream_in = expand_inputs(or_standard_input(paths), select)
    targets: list[str | None] = [*tables] if tables else [output]
    for target in targets:
        stream_in = checked(stream_in, target)  # no output may be an input
    ahead = list(itertools.islice(stream_in, 2))
    inputs = itertools.chain(ahead, stream_in)
    failures = 0
    many = len(ahead) > 1
    options: dict[str, Any] = {
        "format": from_format,
        "speakers": tuple(speakers),
        "encoding": encoding,
        "speaker_map": tuple(speaker_map),
        "diarization": diarization,
    }
    opened: Iterator[Opened | TranscriptError]
    if scheduler:  # read on the cluster's workers, whole, in order
        read = functools.partial(_open_to_send, **options)
        opened = map_inputs(read, inputs, 0, scheduler)
    else:
        opened = (
            path if isinstance(path, TranscriptError) else _open(path, many, **options)
            for path in inputs
        )
    shown_opened = shown(opened, "Parsing", counter(paths, select))

    def documents() -> Iterator[tuple[Transcript, Iterator[Block]]]:
        nonlocal failures
        for item in shown_opened:
            if isinstance(item, TranscriptError):
                report(str(item))
                failures += 1
                continue
            yield item.header, item.blocks_then_warning(report)

    stream = documents()
    first = next(stream, None)
    if first is None:  # nothing readable: write nothing, not even an empty file
        return ExitCode.ERROR
    documents_read = itertools.chain([first], stream)
    if tables:
        os.makedirs(os.path.dirname(tables[0]), exist_ok=True)
        with open_output(tables[0]) as blocks_sink, open_output(tables[1]) as speakers_sink:
            writer.writer_module().write_tables(documents_read, blocks_sink, speakers_sink)
    else:
        with open_output(output) as sink:
            writer.writer_module().write_documents(documents_read, sink, WriteOptions(), many=many)
    return ExitCode.ERROR if failures else ExitCode.OK


def _table_files(format_name: str, output: str | None) -> list[str]:
    """`parse -t parquet -o DIR` (a folder, or a name ending in `/`): the blocks and the
    speakers tables it writes in DIR; [] for any other output."""
    if format_name != "parquet" or not output or output == "-":
        return []
    if not (os.path.isdir(output) or output.endswith(("/", os.sep))):
        return []
    from ..writers.parquet import BLOCKS_FILE, SPEAKERS_FILE

    return [os.path.join(output, BLOCKS_FILE), os.path.join(output, SPEAKERS_FILE)]


@dataclass
class Opened:
    """One input opened: its path, its header and its blocks, either as they stream from
    the reader (`stream`) or read whole into `header.blocks` (several inputs, so that a
    failure drops only that one; or read on a cluster's worker and sent back whole, with
    the reader's `warning` said there and its evidence left behind, which would double
    what crosses the wire)."""

    path: str
    header: Transcript
    stream: Iterator[Block] | None = None
    sent: bool = False
    warning: str | None = None

    def blocks_then_warning(self, report: Report) -> Iterator[Block]:
        """The blocks, then the reader's warning about the document reported."""
        if not self.sent:
            blocks = self.stream if self.stream is not None else iter(self.header.blocks)
            return warn_when_read(self.header, blocks, self.path, report)
        warning = self.warning
        return then_run(self.header.blocks, lambda: report(warning) if warning else None)


def _open(path: str, whole: bool, **options: Any) -> Opened | TranscriptError:
    """One input opened (`Opened`), or the error that kept it from being read."""
    try:
        header, blocks = open_document(path, **options)
        if whole:
            header.blocks = list(blocks)
            return Opened(path, header)
        return Opened(path, header, blocks)
    except Exception as error:
        return input_failure(error, display_name(path))


def _open_to_send(path: str, **options: Any) -> Opened | TranscriptError:
    """One input read whole on a cluster's worker, ready to be sent back."""
    opened = _open(path, True, **options)
    if isinstance(opened, Opened):  # compact, it pickles smaller: less crosses the wire
        opened.header.blocks = held_blocks(opened.header, opened.header.blocks)
        opened.warning = reader_warning(opened.header, path)
        opened.header.inference = None
        opened.sent = True
    return opened


def explain_files(
    paths: Sequence[str],
    how: str,
    output: str | None,
    *,
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    report: Report,
    select: Selection | None = None,
) -> int:
    """What the text reader inferred about each input's speaker labels, written instead of
    the documents: the conventions chosen with counts and examples and the label-like
    lines rejected with reasons (`how` "text"), with every candidate's verdict too
    ("lines"), or all of it as data ("json", "jsonl" or "yaml")."""
    from ..readers.text.explain import render, to_dict

    check_encoding(encoding)
    if how not in ("text", "lines", *EXPLAIN_FORMATS):
        raise TranscriptError(f"--explain writes text, json, jsonl or yaml, not {how}")
    inputs = list(expand_inputs(or_standard_input(paths), select))
    refuse_to_overwrite_inputs(output, [item for item in inputs if isinstance(item, str)])
    failures = 0
    reports: list[str] = []
    data: list[dict[str, object]] = []
    for path in inputs:
        if isinstance(path, TranscriptError):  # an input the walk could not use
            report(str(path))
            failures += 1
            continue
        try:
            transcript = read(path, from_format, speakers=speakers, encoding=encoding)
        except Exception as error:
            report(str(input_failure(error, display_name(path))))
            failures += 1
            continue
        name = display_name(path)
        inference = transcript.inference
        if inference is None:
            reports.append(f"{printable(name)}: read as structured data; no labels to infer")
            data.append({"path": name, "summary": None})
        elif how in EXPLAIN_FORMATS:
            data.append(to_dict(inference, name))
        else:
            reports.append(render(inference, name, verbose=how == "lines"))
    if len(data) + len(reports) == 0:
        return ExitCode.ERROR
    if how == "jsonl":
        text = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in data)
    elif how == "yaml":
        text = safeyaml.dump(data if len(inputs) > 1 else data[0] if data else None)
    elif how == "json":
        payload = data[0] if len(inputs) == 1 and data else data
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join(reports) + "\n"
    write_output(text, output)
    return ExitCode.ERROR if failures else ExitCode.OK
