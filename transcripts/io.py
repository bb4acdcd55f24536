"""Reading input bytes into text, and writing output safely.

Inputs are decoded strictly (UTF-8 by default, a BOM tolerated, UTF-16/32 detected by
their BOM) so that a wrong guess is an error naming the byte, never silent mojibake.
Outputs to a file go to a temporary file renamed into place, so a failed or interrupted
run never leaves a half-written file; `-o` naming an input is refused, never obeyed.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from .errors import TranscriptError

STDIN = "-"

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(slots=True)
class SourceText:
    """Decoded input: the text (BOM removed), where it came from and how it was encoded.

    A binary format (a Word document) is not decoded: its bytes are in `data` and `text`
    is empty. `parsed` caches the JSON data of the text once parsed (as a one-element
    tuple), so that telling JSON dialects apart and reading one parse the file once.
    """

    text: str
    path: str = STDIN
    encoding: str = "utf-8"
    bom: bool = False
    data: bytes | None = None
    parsed: tuple[Any] | None = None


def display_name(path: str) -> str:
    """How error messages name an input: `-` is standard input."""
    return "<stdin>" if path == STDIN else path


def read_bytes(path: str) -> bytes:
    """All bytes of `path` (or standard input for `-`), with a one-line error on failure."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise TranscriptError("no such file", display_name(path)) from None
    except IsADirectoryError:
        raise TranscriptError("is a directory, not a file", display_name(path)) from None
    except PermissionError:
        raise TranscriptError("permission denied", display_name(path)) from None
    except OSError as error:
        raise TranscriptError(error.strerror or str(error), display_name(path)) from None


def decode(data: bytes, path: str = STDIN, encoding: str | None = None) -> SourceText:
    """Decode input bytes strictly; the error names the byte offset and line and suggests a fix."""
    name = display_name(path)
    if not data:
        raise TranscriptError("is empty", name)
    bom = False
    if encoding is None:
        encoding = "utf-8"
        for mark, bom_encoding in _BOMS:
            if data.startswith(mark):
                encoding, bom = bom_encoding, True
                data = data[len(mark) :]
                break
        if not bom:
            nul = data.find(b"\x00")
            if nul >= 0:
                raise TranscriptError(
                    f"looks like a binary file (NUL byte at offset {nul}), not a transcript", name
                )
    else:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise TranscriptError(f"unknown encoding {encoding!r}") from None
        mark = codecs.BOM_UTF8 if encoding == "utf-8" else None
        if mark and data.startswith(mark):
            bom, data = True, data[len(mark) :]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        offset = error.start + (len(codecs.BOM_UTF8) if bom and encoding == "utf-8" else 0)
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        hint = "; try --encoding cp1252 (or latin-1)" if encoding == "utf-8" else ""
        raise TranscriptError(
            f"cannot decode byte 0x{byte:02x} at offset {offset} (line {line}) as "
            f"{encoding.upper()}{hint}",
            name,
        ) from None
    return SourceText(text=text, path=path, encoding=encoding, bom=bom)


class Sink:
    """A destination for text (and already-encoded bytes) that writes in large chunks."""

    _CHUNK = 1 << 20

    def __init__(self, stream: BinaryIO, encoding: str = "utf-8") -> None:
        self._stream = stream
        self._encoding = encoding
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, text: str) -> None:
        try:
            data = text.encode(self._encoding)
        except UnicodeEncodeError as error:
            raise TranscriptError(
                f"cannot encode {text[error.start]!r} as {self._encoding.upper()}"
            ) from None
        self.write_bytes(data)

    def write_bytes(self, data: bytes) -> None:
        """Write bytes that are already in the sink's encoding (UTF-8 JSON, say)."""
        self._parts.append(data)
        self._size += len(data)
        if self._size >= self._CHUNK:
            self.flush()

    @property
    def encoding(self) -> str:
        return self._encoding

    def flush(self) -> None:
        if self._parts:
            self._stream.write(b"".join(self._parts))
            self._parts.clear()
            self._size = 0


@contextlib.contextmanager
def open_output(path: str | None, encoding: str = "utf-8") -> Iterator[Sink]:
    """A sink for `path` (stdout for None or `-`); a file appears only if all went well."""
    if path is None or path == STDIN:
        sink = Sink(sys.stdout.buffer, encoding)
        yield sink
        sink.flush()
        sys.stdout.buffer.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise TranscriptError("is a directory; give a file name for the output", path)
    if os.path.exists(path) and not os.path.isfile(path):
        # A device or a pipe (/dev/null, a FIFO): write straight to it, never replace it.
        with _open_special(path) as handle:
            sink = Sink(handle, encoding)
            yield sink
            sink.flush()
        return
    import tempfile  # only when writing a file: it costs start-up time otherwise

    try:
        fd, temp = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
        )
    except FileNotFoundError:
        raise TranscriptError("cannot write: its directory does not exist", path) from None
    except OSError as error:
        raise TranscriptError(f"cannot write: {error.strerror or error}", path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            sink = Sink(handle, encoding)
            yield sink
            sink.flush()
        _copy_mode(path, temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _open_special(path: str) -> BinaryIO:
    try:
        return open(path, "wb")
    except OSError as error:
        raise TranscriptError(f"cannot write: {error.strerror or error}", path) from None


def refuse_to_overwrite_inputs(output: str | None, inputs: Iterable[str]) -> None:
    """An error if `-o` names one of the inputs: the output would replace the input it
    was made from (a report over a transcript, JSON over its text), which is never
    what a user means and would lose the input."""
    if output is None or output == STDIN or not os.path.exists(output):
        return
    for path in inputs:
        if path == STDIN:
            continue
        try:
            same = os.path.samefile(path, output)
        except OSError:
            continue
        if same:
            raise TranscriptError("is also an input; write the output to another file (-o)", output)


def write_output(text: str | bytes, path: str | None, encoding: str = "utf-8") -> None:
    """Write a whole output at once (see `open_output`); bytes (a Word document) are
    written as they are, but never to a terminal."""
    if isinstance(text, bytes) and (path is None or path == STDIN) and sys.stdout.isatty():
        raise TranscriptError("the output is a binary file; write it to a file with -o FILE")
    with open_output(path, encoding) as sink:
        if isinstance(text, bytes):
            sink.write_bytes(text)
        else:
            sink.write(text)


def _copy_mode(target: str, temp: str) -> None:
    """Give the new file the permissions of the one it replaces, or the umask default."""
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)
