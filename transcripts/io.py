"""Reading input bytes into text, and writing output safely.

Inputs are decoded strictly (UTF-8 by default, a BOM tolerated, UTF-16/32 detected by
their BOM) so that a wrong guess is an error naming the byte, never silent mojibake.
Outputs to a file go to a temporary file renamed into place, so a failed or interrupted
run never leaves a half-written file; `-o` naming an input is refused, never obeyed.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from .compiled import kept
from .errors import STDOUT_NAME, TranscriptError
from .heap import input_read
from .interruptions import signals_deferred

STDIN = "-"

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceText:
    """Decoded input: the text (BOM removed), where it came from and how it was encoded.

    A binary format (a Word document) is not decoded: its bytes are in `data` and `text`
    is empty. `parsed` caches the JSON data of the text once parsed (as a one-element
    tuple), so that telling JSON dialects apart and reading one parse the file once.
    `transient` says the caller will not look at `text` again once a reader has it: a
    reader that holds the text in another form (its lines) then drops it, so a large
    file is not held twice at the reader's peak.
    """

    # (Written out, not a dataclass: making one costs 0.3-0.7 ms at import, and every
    # run imports this. The slots are in the order of the fields.)
    __slots__ = ("text", "path", "encoding", "bom", "data", "parsed", "transient")  # noqa: RUF023

    def __init__(
        self,
        text: str,
        path: str = STDIN,
        encoding: str = "utf-8",
        bom: bool = False,
        data: bytes | None = None,
        parsed: tuple[Any] | None = None,
        transient: bool = False,
    ) -> None:
        self.text = text
        self.path = path
        self.encoding = encoding
        self.bom = bom
        self.data = data
        self.parsed = parsed
        self.transient = transient


def display_name(path: str) -> str:
    """How error messages name an input: `-` is standard input."""
    return "<stdin>" if path == STDIN else path


#: Files that are neither regular files nor folders, as messages name them.
SPECIAL_FILES: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_file(mode: int) -> str | None:
    """What special file a file of this `st_mode` is (see `SPECIAL_FILES`), or None."""
    return next((name for test, name in SPECIAL_FILES if test(mode)), None)


def not_a_regular_file(kind: str, path: str) -> TranscriptError:
    """The one error for an input that is a special file (`kind`, as `special_file`
    names it): a command refuses a named one (`inputs`); reading refuses a device."""
    return TranscriptError(
        f"is {kind}, not a regular file; give its content on standard input (-)",
        display_name(path),
    )


def read_bytes(path: str) -> bytes:
    """All bytes of `path` (or standard input for `-`), with a one-line error on failure."""
    if path == STDIN:
        stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise TranscriptError("cannot read: standard input is closed", display_name(path))
        try:
            data = stream.read()
        except OSError as error:
            raise TranscriptError(
                f"cannot read: {error.strerror or error}", display_name(path)
            ) from None
        input_read(len(data))
        return data
    try:
        with open(path, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
                # /dev/zero would be read until memory runs out, a terminal until ^D; a
                # pipe (what `<(...)` gives a library caller) is read to its end.
                raise not_a_regular_file(special_file(mode) or "a device", path)
            data = handle.read()
    except FileNotFoundError:
        raise TranscriptError("no such file", display_name(path)) from None
    except IsADirectoryError:
        raise TranscriptError("is a directory, not a file", display_name(path)) from None
    except PermissionError:
        raise TranscriptError("permission denied", display_name(path)) from None
    except OSError as error:
        raise TranscriptError(error.strerror or str(error), display_name(path)) from None
    input_read(len(data))
    return data


def decode(data: bytes, path: str = STDIN, encoding: str | None = None) -> SourceText:
    """Decode input bytes strictly; the error names the byte offset and line and suggests a fix.

    Without `encoding`: UTF-8, or UTF-16/32 by their byte order mark. With one (any text
    encoding Python knows), a byte order mark of that encoding is noted and removed, and
    the byte order read is kept (`utf-16` becomes `utf-16-be` for a big-endian file), so
    that writing the text back gives the same bytes, mark and byte order.
    """
    name = display_name(path)
    if not data:
        raise TranscriptError("is empty", name)
    bom = False
    skipped = 0
    if encoding is None:
        encoding = "utf-8"
        for mark, bom_encoding in _BOMS:
            if data.startswith(mark):
                encoding, bom, skipped = bom_encoding, True, len(mark)
                break
        if not bom:
            nul = data.find(b"\x00")
            if nul >= 0:
                unmarked = _unmarked_utf16(data)
                raise TranscriptError(
                    f"looks like {unmarked.upper()} text without a byte order mark; "
                    f"read it with --encoding {unmarked}"
                    if unmarked
                    else f"looks like a binary file (NUL byte at offset {nul}), not a transcript",
                    name,
                )
    else:
        encoding = text_encoding(encoding)
        encoding, bom = _byte_order(encoding, data)
        skipped = len(_MARKS.get(encoding, b"")) if bom else 0
    try:
        text = _decoded(data, skipped, encoding)
    except UnicodeDecodeError as error:
        # (`error.start` counts from the end of the byte order mark)
        line = data.count(b"\n", skipped, skipped + error.start) + 1
        byte = data[skipped + error.start] if skipped + error.start < len(data) else 0
        hint = "; try --encoding cp1252 (or latin-1)" if encoding == "utf-8" else ""
        raise TranscriptError(
            f"cannot decode byte 0x{byte:02x} at offset {error.start + skipped} (line {line}) as "
            f"{encoding.upper()}{hint}",
            name,
        ) from None
    except UnicodeError as error:  # a codec that refuses in its own way (idna, undefined)
        raise TranscriptError(f"cannot decode as {encoding.upper()}: {error}", name) from None
    if encoding not in _NO_SURROGATES:  # an escape codec can make half characters
        found = _surrogate().search(text)
        if found:
            raise TranscriptError(
                f"decoding as {encoding.upper()} gives a lone surrogate "
                f"(\\u{ord(found.group()):04x}), which is not text",
                name,
            )
    return SourceText(text=text, path=path, encoding=encoding, bom=bom)


def _decoded(data: bytes, skipped: int, encoding: str) -> str:
    """`data` decoded from byte `skipped` on (after a byte order mark): read in place,
    not copied first (a large file's bytes are not held twice)."""
    if not skipped:
        return data.decode(encoding)
    with memoryview(data) as view:  # (an encoding with a mark: one of Python's own codecs)
        return str(view[skipped:], encoding)


def _unmarked_utf16(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the file starts as text in that encoding with no
    byte order mark would (mostly Latin script: nearly every other byte NUL, the bytes
    between none), so the error can say how to read it instead of calling it binary."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    for encoding, high, low in (("utf-16-le", 1, 0), ("utf-16-be", 0, 1)):
        highs, lows = sample[high::2], sample[low::2]
        if highs.count(0) >= 0.9 * len(highs) and not lows.count(0):
            return encoding
    return None


def text_encoding(name: str) -> str:
    """The canonical name of a text encoding (bytes to text and back), or an error:
    `--encoding rot13` (text to text), `zlib_codec` or `base64` (bytes to bytes) are
    codecs, but not encodings of text."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        raise TranscriptError(f"unknown encoding {name!r}") from None
    try:
        "".encode(info.name)
        b"".decode(info.name)
    except LookupError:
        raise TranscriptError(
            f"{name!r} is not a text encoding; give one such as utf-8, utf-16 or cp1252"
        ) from None
    except UnicodeError:
        pass  # a codec that refuses even nothing (`undefined`): decoding will say so
    return info.name


# The byte order marks an encoding may start with, by the encoding they mean.
_MARKS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
_NATIVE = "le" if sys.byteorder == "little" else "be"
_NO_SURROGATES = frozenset({"utf-8", *_MARKS, "ascii", "iso8859-1", "cp1252"})


@functools.cache
def _surrogate() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


def _byte_order(encoding: str, data: bytes) -> tuple[str, bool]:
    """The encoding with its byte order settled, and whether `data` opens with its mark:
    `utf-16` and `utf-32` by their mark (else the byte order Python assumes), `utf-8-sig`
    as `utf-8` with a mark."""
    if encoding in ("utf-16", "utf-32"):
        for order in ("le", "be"):
            if data.startswith(_MARKS[f"{encoding}-{order}"]) and not (
                encoding == "utf-16" and data.startswith(codecs.BOM_UTF32_LE)
            ):
                return f"{encoding}-{order}", True
        return f"{encoding}-{_NATIVE}", False
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    mark = _MARKS.get(encoding)
    return encoding, bool(mark) and data.startswith(mark)  # type: ignore[arg-type]


class Sink:
    """A destination for text (and already-encoded bytes) that writes in large chunks.

    A failure to write (a full disk, a file size limit, a closed stream) is an error
    naming the destination; a closed pipe stays a `BrokenPipeError` (`| head`)."""

    # Written a chunk at a time, joined first: under the C allocator's threshold for giving
    # a buffer a mapping of its own (128 KiB), so the buffer is taken from the heap and
    # reused, not mapped and unmapped again chunk after chunk (a page fault each 4 KiB:
    # 25,000 for 100 MB of JSON Lines). (`heap.py` keeps the heap from shrinking.)
    _CHUNK = 1 << 16

    def __init__(self, stream: BinaryIO, encoding: str = "utf-8", name: str = STDOUT_NAME) -> None:
        self._stream = stream
        self._encoding = encoding
        self._name = name
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, text: str) -> None:
        try:
            data = text.encode(self._encoding)
        except UnicodeEncodeError as error:
            raise TranscriptError(
                f"cannot encode {text[error.start]!r} as {self._encoding.upper()}", self._name
            ) from None
        self.write_bytes(data)

    def write_bytes(self, data: bytes) -> None:
        """Write bytes that are already in the sink's encoding (UTF-8 JSON, say)."""
        self._parts.append(data)
        self._size += len(data)
        if self._size >= self._CHUNK:
            self.flush(final=False)

    @property
    def encoding(self) -> str:
        return self._encoding

    def flush(self, final: bool = True) -> None:
        """Write what is buffered; `final`: nothing more will be written."""
        if self._parts:
            data = b"".join(self._parts)
            self._parts.clear()
            self._size = 0
            with write_errors(self._name):
                _write_all(self._stream, data)


class TerminalSink(Sink):
    """A sink whose stream is a terminal: the text is shown through `terminal.shown`, so
    an escape sequence, a bare carriage return or a bidirectional override in a file
    shows as an escape instead of acting on the terminal. Bytes are decoded as they
    come (a character, or a CRLF, may span two writes), escaped and encoded again."""

    def __init__(self, stream: BinaryIO, encoding: str = "utf-8", name: str = STDOUT_NAME) -> None:
        super().__init__(stream, encoding, name)
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._held = ""  # a CR at the end of what was decoded: is an LF next?

    def flush(self, final: bool = True) -> None:
        from .terminal import shown

        data = b"".join(self._parts)
        self._parts.clear()
        self._size = 0
        text = self._held + self._decoder.decode(data, final)
        self._held = ""
        if text.endswith("\r") and not final:
            text, self._held = text[:-1], "\r"
        if text:
            with write_errors(self._name):
                _write_all(self._stream, shown(text).encode(self._encoding, "replace"))


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """Write all of `data`: an unbuffered file may take only part of it at a time."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        view = view[written if written is not None else 0 :]


@contextlib.contextmanager
def write_errors(name: str) -> Iterator[None]:
    """An `OSError` while writing `name` as a one-line error (a closed pipe excepted:
    `| head` ends the run quietly, see the CLI)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise TranscriptError(f"cannot write: {error.strerror or error}", name) from None


def standard_output() -> BinaryIO:
    """Standard output's byte stream, or an error when the process was started without
    one (`>&-`)."""
    stream = sys.stdout
    if stream is None or getattr(stream, "buffer", None) is None:
        raise TranscriptError("cannot write: standard output is closed", STDOUT_NAME)
    return stream.buffer


@contextlib.contextmanager
def open_output(
    path: str | None, encoding: str = "utf-8", *, as_is: bool = False
) -> Iterator[Sink]:
    """A sink for `path` (stdout for None or `-`); a file appears only if all went well.

    A regular file (new, or an existing one, also through a symbolic link, which is
    followed to its target and kept; never a read-only one) is written to a temporary
    file beside it, renamed into place at the end and removed on any failure, Ctrl-C or
    termination (`SIGTERM`, `SIGHUP`: the CLI turns them into exceptions). A device, a
    pipe or a standard stream (`/dev/null`, a FIFO, `/dev/stdout`, `/dev/fd/3`) is
    written to as it is, never replaced.

    Written to a terminal, text from a file is shown escaped (`terminal.shown`), unless
    the output is `as_is`: rendered by us with every piece of a file's text escaped
    already (lint's report, the stats table), its colours our own.
    """
    if path is None or path == STDIN:
        yield from _write_to_stream(standard_output(), encoding, STDOUT_NAME, as_is)
        return
    target = output_target(path)
    if isinstance(target, int):
        yield from _write_to_descriptor(target, encoding, path, as_is)
        return
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise TranscriptError(f"cannot write: {error.strerror or error}", path) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise TranscriptError("is a directory; give a file name for the output", path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        yield from _write_to_special(target, encoding, path, as_is)
        return
    if info is not None and _write_protected(target, info):
        raise TranscriptError("is read-only; not replaced (write to another file)", path)
    yield from _write_by_renaming(target, info, encoding, path)


def _write_protected(target: str, info: os.stat_result) -> bool:
    """Is the existing file `target` one its owner keeps from being changed? Writing by
    renaming needs only the folder's permission, so without asking, a read-only file
    would be replaced where `>` would be refused. A file with no write permission for
    anyone is kept even from root (`rm` calls it write-protected)."""
    return not info.st_mode & 0o222 or not os.access(target, os.W_OK)


def _write_to_stream(
    stream: BinaryIO, encoding: str, name: str, as_is: bool = False
) -> Iterator[Sink]:
    """A sink for an open stream; a terminal's shows the text escaped (`TerminalSink`)
    unless it is `as_is`: output made safe to show already (see `open_output`)."""
    kind = Sink if as_is or not _is_terminal(stream) else TerminalSink
    sink = kind(stream, encoding, name)
    yield sink
    sink.flush()
    with write_errors(name):
        stream.flush()


def _write_to_descriptor(fd: int, encoding: str, name: str, as_is: bool) -> Iterator[Sink]:
    """`/dev/stdout`, `/dev/fd/N` and the like: the open descriptor itself."""
    if fd == 1:
        yield from _write_to_stream(standard_output(), encoding, name, as_is)
        return
    try:
        handle = os.fdopen(os.dup(fd), "wb", buffering=0)
    except OSError as error:
        raise TranscriptError(f"cannot write: {error.strerror or error}", name) from None
    with handle:
        yield from _write_to_stream(handle, encoding, name, as_is)


def _write_to_special(target: str, encoding: str, name: str, as_is: bool) -> Iterator[Sink]:
    """A device or a pipe, opened for writing as it is: never created, truncated or
    replaced (which is also why a regular file there now is refused)."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise TranscriptError(f"cannot write: {error.strerror or error}", name) from None
    if stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by a regular file since it was looked at
        os.close(fd)
        raise TranscriptError("changed while it was being opened; try again", name)
    with os.fdopen(fd, "wb", buffering=0) as handle:
        yield from _write_to_stream(handle, encoding, name, as_is)


def _write_by_renaming(
    target: str, info: os.stat_result | None, encoding: str, name: str
) -> Iterator[Sink]:
    import tempfile  # only when writing a file: it costs start-up time otherwise

    directory = os.path.dirname(os.path.abspath(target))
    temp: str | None = None
    try:
        with signals_deferred():  # no termination between creating it and knowing its name
            try:
                fd, temp = tempfile.mkstemp(
                    dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
                )
            except FileNotFoundError:
                raise TranscriptError("cannot write: its directory does not exist", name) from None
            except OSError as error:
                raise TranscriptError(f"cannot write: {error.strerror or error}", name) from None
        with os.fdopen(fd, "wb", buffering=0) as handle:
            yield from _write_to_stream(handle, encoding, name)
        _copy_mode(info, temp)
        with signals_deferred(), write_errors(name):
            os.replace(temp, target)
            temp = None
    finally:
        if temp is not None:
            # A second ^C or SIGTERM while unwinding must not cut the removal short.
            with signals_deferred(), contextlib.suppress(OSError):
                os.unlink(temp)


#: How many symbolic links a path may go through, as the kernel allows (Linux: 40).
_MAX_LINKS = 40
_DESCRIPTOR = kept(r"/(?:dev|proc/self)/fd/(\d+)")
_STANDARD_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}


def output_target(path: str) -> str | int:
    """Where writing `path` goes: the file it names, or the end of the chain of symbolic
    links it names (so the link is kept and its target written), or an open descriptor
    (`/dev/stdout`, `/dev/fd/3`). A loop of links is an error, and so is a link that
    another user owns in a shared sticky folder such as /tmp, which is never followed
    (the kernel's `protected_symlinks` rule: someone else's link there is a trap)."""
    current = path
    for _ in range(_MAX_LINKS + 1):
        descriptor = _descriptor_of(current)
        if descriptor is not None:
            return descriptor
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return current  # a new file (also the missing target of a dangling link)
        except OSError as error:
            raise TranscriptError(f"cannot write: {error.strerror or error}", path) from None
        if not stat.S_ISLNK(info.st_mode):
            return current
        _refuse_planted_link(current, info, path)
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    raise TranscriptError("cannot write: a loop of symbolic links", path)


def _descriptor_of(path: str) -> int | None:
    normal = os.path.normpath(path)
    if normal in _STANDARD_STREAMS:
        return _STANDARD_STREAMS[normal]
    found = _DESCRIPTOR.fullmatch(normal)
    return int(found.group(1)) if found else None


def _refuse_planted_link(link: str, info: os.stat_result, name: str) -> None:
    folder = os.path.dirname(os.path.abspath(link))
    try:
        owner = os.stat(folder)
    except OSError:
        return
    shared = owner.st_mode & stat.S_ISVTX and owner.st_mode & stat.S_IWOTH
    if shared and info.st_uid not in (os.geteuid(), owner.st_uid):
        raise TranscriptError(
            f"is a symbolic link another user owns in the shared folder {folder}; not "
            "followed (write to a file of your own)",
            name,
        )


def refuse_to_overwrite_inputs(
    output: str | None, inputs: Iterable[str], option: str = "-o"
) -> None:
    """An error if `output` (given with `option`: `-o`, `--write-baseline`) names one of
    the inputs: the output would replace the input it was made from (a report over a
    transcript, JSON over its text), which is never what a user means and would lose
    the input."""
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
            raise TranscriptError(
                f"is also an input; write the output to another file ({option})", output
            )


def write_output(
    text: str | bytes, path: str | None, encoding: str = "utf-8", *, as_is: bool = False
) -> None:
    """Write a whole output at once (see `open_output`); bytes (a Word document) are
    written as they are, but never to a terminal."""
    if isinstance(text, bytes) and (path is None or path == STDIN) and _stdout_is_a_terminal():
        raise TranscriptError("the output is a binary file; write it to a file with -o FILE")
    with open_output(path, encoding, as_is=as_is) as sink:
        if isinstance(text, bytes):
            sink.write_bytes(text)
        else:
            sink.write(text)


def _stdout_is_a_terminal() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _is_terminal(stream: BinaryIO) -> bool:
    """Is the stream a terminal (text written to it acts on what the user sees)?"""
    try:
        return stream.isatty()
    except (OSError, ValueError):  # closed, or no descriptor at all
        return False


def _copy_mode(replaced: os.stat_result | None, temp: str) -> None:
    """Give the new file the permissions (and, where allowed, the owner) of the one it
    replaces, or the umask's default for a new file."""
    if replaced is not None:
        mode = replaced.st_mode & 0o7777
        with contextlib.suppress(OSError):
            os.chown(temp, replaced.st_uid, replaced.st_gid)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)
