"""What `transcripts parse` does: read each input and write its document."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from .. import formats
from ..api import open_document
from ..errors import ExitCode
from ..io import display_name, open_output, refuse_to_overwrite_inputs
from ..model import Block, Transcript
from ..options import WriteOptions
from . import Report, check_encoding, input_failure


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
    check_encoding(encoding)
    writer = formats.get_format(to_format)
    refuse_to_overwrite_inputs(output, paths)
    failures = 0

    many = len(paths) > 1

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
