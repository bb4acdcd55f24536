"""What `transcripts parse` does: read each input and write its document."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence

from .. import formats, safeyaml
from ..api import open_document, read
from ..errors import ExitCode, TranscriptError
from ..io import display_name, open_output, refuse_to_overwrite_inputs, write_output
from ..model import Block, Transcript
from ..options import WriteOptions
from ..terminal import printable
from . import Report, warn_when_read


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
                header, blocks = open_document(
                    path,
                    from_format,
                    speakers=speakers,
                    encoding=encoding,
                    speaker_map=speaker_map,
                    diarization=diarization,
                )
                yield header, warn_when_read(header, blocks, path, report)
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


_DATA = ("json", "jsonl", "yaml")


def explain_files(
    paths: Sequence[str],
    how: str,
    output: str | None,
    *,
    speakers: Sequence[str] = (),
    from_format: str | None = None,
    encoding: str | None = None,
    report: Report,
) -> int:
    """What the text reader inferred about each input's speaker labels, written instead of
    the documents: the conventions chosen with counts and examples and the label-like
    lines rejected with reasons (`how` "text"), with every candidate's verdict too
    ("lines"), or all of it as data ("json", "jsonl" or "yaml")."""
    from ..readers.text.explain import render, to_dict

    refuse_to_overwrite_inputs(output, paths)
    failures = 0
    reports: list[str] = []
    data: list[dict[str, object]] = []
    for path in paths:
        try:
            transcript = read(path, from_format, speakers=speakers, encoding=encoding)
        except TranscriptError as error:
            report(str(error))
            failures += 1
            continue
        name = display_name(path)
        inference = transcript.inference
        if inference is None:
            reports.append(f"{printable(name)}: read as structured data; no labels to infer")
            data.append({"path": name, "summary": None})
        elif how in _DATA:
            data.append(to_dict(inference, name))
        else:
            reports.append(render(inference, name, verbose=how == "lines"))
    if len(data) + len(reports) == 0:
        return ExitCode.ERROR
    if how == "jsonl":
        text = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in data)
    elif how == "yaml":
        text = safeyaml.dump(data if len(paths) > 1 else data[0] if data else None)
    elif how == "json":
        payload = data[0] if len(paths) == 1 and data else data
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join(reports) + "\n"
    write_output(text, output)
    return ExitCode.ERROR if failures else ExitCode.OK
