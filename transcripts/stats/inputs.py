"""Inputs named on the command line: files, `-`, and directories walked for transcripts."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from .. import formats
from ..errors import TranscriptError


def expand_inputs(paths: Sequence[str]) -> Iterator[str | TranscriptError]:
    """Each input path in order; a directory gives the files under it (sorted, hidden
    files and directories skipped) whose extension belongs to a readable format, or an
    error when it holds none."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        found = list(_walk(path))
        if not found:
            readable = (f for f in formats.iter_formats() if f.reader)
            extensions = " ".join(ext for f in readable for ext in f.extensions)
            yield TranscriptError(f"no transcripts found (looked for {extensions})", path)
        yield from found


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and formats.format_for_extension(name) is not None:
                yield os.path.join(root, name)
