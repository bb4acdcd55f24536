"""What `transcripts parse` does: read each input (a folder: the transcripts under it)
and write its document."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from .. import formats
from ..api import open_document
from ..errors import ExitCode, TranscriptError
from ..inputs import Selection, expand_inputs, or_standard_input
from ..io import display_name, open_output, refuse_to_overwrite_inputs
from ..model import Block, Transcript
from ..options import WriteOptions
from . import Report, check_encoding, input_failure

#: What `parse` writes: the document model's forms.
PARSE_FORMATS = ("json", "jsonl", "yaml")


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
    report: Report,
    select: Selection | None = None,
) -> int:
    """Parse each input and write their documents; a file that cannot be read is reported
    and skipped (exit status 2), the others are still written. A folder stands for the
    transcripts under it (`transcripts.inputs`); `to_format` None: from `output`'s
    extension, else JSON."""
    check_encoding(encoding)
    writer = formats.get_format(output_format(to_format, output, PARSE_FORMATS))
    inputs = list(expand_inputs(or_standard_input(paths), select))
    files = [item for item in inputs if isinstance(item, str)]
    refuse_to_overwrite_inputs(output, files)
    failures = 0
    many = len(inputs) > 1

    def documents() -> Iterator[tuple[Transcript, Iterator[Block]]]:
        nonlocal failures
        for path in inputs:
            if isinstance(path, TranscriptError):
                report(str(path))
                failures += 1
                continue
            try:
                header, blocks = open_document(
                    path,
                    from_format,
                    speakers=speakers,
                    encoding=encoding,
                    speaker_map=speaker_map,
                    diarization=diarization,
                )
                if many:  # read it all before writing any, so a failure drops only it
                    header.blocks = list(blocks)
                    blocks = iter(header.blocks)
            except Exception as error:
                report(str(input_failure(error, display_name(path))))
                failures += 1
                continue
            yield header, blocks

    stream = documents()
    first = next(stream, None)
    if first is None:  # nothing readable: write nothing, not even an empty file
        return ExitCode.ERROR
    with open_output(output) as sink:
        writer.writer_module().write_documents(
            itertools.chain([first], stream), sink, WriteOptions(), many=many
        )
    return ExitCode.ERROR if failures else ExitCode.OK
