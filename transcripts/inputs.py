"""Inputs named on the command line: files, `-`, and directories walked for transcripts."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from . import formats
from .errors import TranscriptError

STDIN = "-"


def transcript_extensions() -> frozenset[str]:
    """File extensions of the formats the tool can read (what a directory walk picks up)."""
    return frozenset(
        extension for fmt in formats.iter_formats() if fmt.reader for extension in fmt.extensions
    )


def expand_inputs(
    paths: Sequence[str], excluded: Callable[[str], bool] | None = None
) -> Iterator[str | TranscriptError]:
    """Each input in order: files and `-` as given; a directory stands for the files under
    it (sorted; hidden entries and `excluded` paths skipped) whose extension belongs to a
    readable format, or, when it holds none, for an error naming it."""
    extensions = transcript_extensions()
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        found = list(_walk(path, extensions, excluded or (lambda _: False)))
        if not found:
            listed = " ".join(sorted(extensions))
            yield TranscriptError(f"no transcript files found (looked for {listed})", path)
        yield from found


def _walk(
    directory: str, extensions: frozenset[str], excluded: Callable[[str], bool]
) -> Iterator[str]:
    for root, subdirectories, names in os.walk(directory):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and not excluded(os.path.join(root, name))
        )
        for name in sorted(names):
            path = os.path.join(root, name)
            if (
                not name.startswith(".")
                and os.path.splitext(name)[1].lower() in extensions
                and not excluded(path)
            ):
                yield path
