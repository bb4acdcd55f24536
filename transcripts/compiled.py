"""Regular expressions compiled once and kept between runs.

The label grammar (`readers/text/shapes.py`) is a pattern of about 25,000 characters.
`re.compile` parses and compiles it in 30-80 ms, more than everything else a run on a
small file does. What it produces is a program, a list of integers, which the regular
expression engine (`_sre`) takes as it is. This module keeps that program in the user's
cache folder (as pip, ruff and mypy keep theirs) and hands it to the engine on the next
start, in under a millisecond.

Where: `$TRANSCRIPTS_CACHE_DIR` when set (set it empty to keep nothing), else
`transcripts` in `$XDG_CACHE_HOME` or `~/.cache` (`%LOCALAPPDATA%` on Windows), one file
per pattern, named with a checksum of it. A kept program is used only for exactly the
same pattern and flags, Python version and engine; any difference, a damaged file, or
internals other than these expect, and the pattern is compiled the usual way (and kept
again). A file is written whole or not at all, and a
folder that cannot be written is left alone. The engine checks a program it is given
before it runs it.

The patterns modules compile at import (`kept`, and `kept_regex` for the `regex`
module's) are kept the same way, all in one file: a few dozen small patterns cost
5-10 ms to compile at every start, about a tenth of a run on a small file. Each is
compiled the usual way the first time a Python (and `regex` build) meets it; what
was new is added to the file when the process ends.
"""

from __future__ import annotations

import atexit
import contextlib
import copyreg
import functools
import marshal
import os
import re
import sys
import zlib
from typing import TYPE_CHECKING, Any, AnyStr

if TYPE_CHECKING:
    import regex

_sre: Any
try:  # the engine's internals, as `re` itself uses them (Python 3.11 and later)
    import _sre  # type: ignore[import-not-found,no-redef]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons compile the usual way
    _sre = None

CACHE_VARIABLE = "TRANSCRIPTS_CACHE_DIR"
_SUFFIX = ".re"


def compile_kept(pattern: str, flags: int, name: str) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, its program kept in the cache folder under `name`
    (one file per pattern and Python), and read from there when it was kept by the same
    Python for the same pattern."""
    if _sre is None:
        return re.compile(pattern, flags)
    path = kept_path(name, pattern, flags)
    key = _key(pattern, flags)
    if path is not None:
        kept = _load(path, key, pattern)
        if kept is not None:
            return kept
    try:
        program = _program(pattern, flags)
        compiled = _from_program(pattern, program)
    except Exception:  # internals not as expected: the usual way, nothing kept
        return re.compile(pattern, flags)
    if path is not None:
        _store(path, (key, *program))
    return compiled


def cache_folder() -> str | None:
    """The folder kept programs live in, or None when the user asked for no cache."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return chosen or None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return os.path.join(os.environ["LOCALAPPDATA"], "transcripts", "Cache")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "transcripts")


def kept_path(name: str, pattern: str = "", flags: int = 0) -> str | None:
    """The file the program `name` is kept in for this Python and this pattern (None:
    keep nothing). The file name carries a checksum of the pattern, so two versions of
    the program installed side by side (a project's environment and pre-commit's) each
    keep their own file instead of each rewriting the other's at every start."""
    folder = cache_folder()
    if folder is None:
        return None
    checksum = zlib.crc32(f"{flags}|{pattern}".encode("utf-8", "surrogatepass"))
    tag = sys.implementation.cache_tag
    return os.path.join(folder, f"{name}-{checksum:08x}.{tag}{_SUFFIX}")


def _key(pattern: str, flags: int) -> tuple[str, str]:
    """What must be the same for a kept program to be this pattern's program: the
    pattern itself (kept with its program and compared whole, which is exact and costs
    no hash module at start-up), its flags, the Python and the engine."""
    return pattern, f"{flags}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"


Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _program(pattern: str | bytes, flags: int) -> Program:
    """The pattern compiled to the engine's program, the way `re.compile` does it."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    state = parsed.state
    groupindex = {str(group): int(number) for group, number in state.groupdict.items()}
    indexgroup: list[str | None] = [None] * state.groups
    for group, number in groupindex.items():
        indexgroup[number] = group
    return int(flags | state.flags), code, int(state.groups - 1), groupindex, tuple(indexgroup)


def _from_program(pattern: AnyStr, program: Program) -> re.Pattern[AnyStr]:
    compiled: re.Pattern[AnyStr] = _sre.compile(pattern, *program)
    return compiled


def _load(path: str, key: tuple[str, str], pattern: str) -> re.Pattern[str] | None:
    """The kept program at `path` as a pattern, or None if there is none for `key`."""
    try:
        with open(path, "rb") as handle:
            kept: Any = marshal.loads(handle.read())  # (`marshal.load` reads in small steps)
        if not isinstance(kept, tuple) or len(kept) != 6 or kept[0] != key:
            return None
        return _from_program(pattern, kept[1:])
    except Exception:  # missing, unreadable, damaged or refused by the engine
        return None


def _store(path: str, kept: tuple[Any, ...]) -> None:
    """Write `kept` to `path` whole (a temporary file renamed into place), or not at all."""
    folder = os.path.dirname(path)
    temporary = None
    try:
        os.makedirs(folder, exist_ok=True)
        import tempfile  # only when a program is written: not at every start-up

        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=_SUFFIX)
        with os.fdopen(handle, "wb") as out:
            marshal.dump(kept, out)
        os.replace(temporary, path)
        temporary = None
    except OSError:  # a read-only installation: compiled again next time, as bytecode is
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


# The patterns of `kept` and `kept_regex`: (engine, pattern, flags) -> what the engine
# takes to make the pattern again, marshalled on its own so that reading the file costs
# little more than reading its bytes, and only the patterns a run uses are decoded.
_Key = tuple[str, str | bytes, int]
_BUNDLE_NAME = "patterns"
#: a file holding more entries than this (patterns of many versions) is written again
#: with only the patterns this process used
_BUNDLE_MOST = 2_000


def kept(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)` for a pattern compiled at import: its program is
    kept with the other such patterns' in one file and read from there next time."""
    if _sre is None:
        return re.compile(pattern, flags)
    key = ("re", pattern, int(flags))
    bundle = _bundle()
    program = bundle.get(key)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except Exception:  # refused by the engine: compiled again below
            pass
    try:
        program = _program(pattern, flags)
        compiled = _from_program(pattern, program)
    except Exception:  # internals not as expected: the usual way, nothing kept
        return re.compile(pattern, flags)
    bundle.add(key, program)
    return compiled


def kept_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)` for a pattern compiled at import, kept like
    `kept`'s: what is kept is what pickling the pattern keeps (the `regex` module's
    own program for it, with the build of the engine that made it), so only a pattern
    that pickles to plain data is kept. A kept pattern is made by the engine alone
    (`_regex_engine`), without importing the rest of `regex`."""
    # ("_regex": the engine that makes it, and the build is kept with it; "regex" keys,
    # whose programs came with the `regex` version instead, are an earlier release's)
    key = ("_regex", pattern, int(flags))
    bundle = _bundle()
    found = bundle.get(key)
    engine = _regex_engine()
    if found is not None and engine is not None and found[0] == engine[1]:
        try:
            read: regex.Pattern[str] = engine[0].compile(*found[1])
            return read
        except Exception:  # refused by the engine: compiled again below
            pass
    import regex

    compiled = regex.compile(pattern, flags)
    try:
        reduced: Any = copyreg.dispatch_table[type(compiled)](compiled)
        rebuild, made = reduced
        marshal.dumps(made)  # plain data only
    except Exception:
        return compiled
    if engine is not None and rebuild is engine[0].compile:
        bundle.add(key, (engine[1], made))
    return compiled


@functools.cache
def _regex_engine() -> tuple[Any, str] | None:
    """The `regex` module's engine (the extension `regex._regex`, which unpickling a
    pattern calls) and what identifies its build: its file, size, time and magic
    number. When `regex` is not imported yet, the engine is loaded on its own, as
    `import regex` would load it (and later finds it loaded): importing the whole
    module costs 6-8 ms at every start, most of it the pattern compiler
    (`regex._regex_core`), which a kept pattern does not need. (A pattern's `sub` with
    a template string imports `regex` itself when it needs it.) None: no engine found
    where `import regex` would look, and nothing is kept."""
    name = "regex._regex"
    try:
        engine = sys.modules.get(name)
        if engine is None:
            import importlib.machinery
            import importlib.util

            package = importlib.util.find_spec("regex")  # (imports nothing: a top-level name)
            if package is None or not package.submodule_search_locations:
                return None
            spec = importlib.machinery.PathFinder.find_spec(
                name, package.submodule_search_locations
            )
            if spec is None or not isinstance(spec.loader, importlib.machinery.ExtensionFileLoader):
                return None
            engine = importlib.util.module_from_spec(spec)
            sys.modules[name] = engine
            try:
                spec.loader.exec_module(engine)
            except BaseException:
                del sys.modules[name]
                raise
        path = engine.__file__
        made = os.stat(path) if path else None
        if made is None:
            return None
        build = f"{path}|{made.st_size}|{made.st_mtime_ns}|{engine.MAGIC}"
    except Exception:  # not found, or not as expected: `regex` compiles as usual
        return None
    return engine, build


class _Bundle:
    """The kept patterns read from the file, those this process used, and those it
    compiled; what it compiled is written with the rest when the process ends."""

    def __init__(self, path: str | None, check: str, kept: dict[_Key, bytes]) -> None:
        self.path = path
        self.check = check
        self.kept = kept
        self.used: set[_Key] = set()
        self.added = False

    def get(self, key: _Key) -> Any:
        """The kept program of `key`, or None."""
        found = self.kept.get(key)
        if found is None:
            return None
        self.used.add(key)
        try:
            return marshal.loads(found)
        except Exception:  # damaged
            return None

    def add(self, key: _Key, program: Any) -> None:
        self.kept[key] = marshal.dumps(program)
        self.used.add(key)
        if self.path is not None and not self.added:
            self.added = True
            atexit.register(self.store)

    def store(self) -> None:
        kept = self.kept
        if len(kept) > _BUNDLE_MOST:
            kept = {key: kept[key] for key in self.used if key in kept}
        if self.path is not None:
            _store(self.path, (self.check, kept))


@functools.cache
def _bundle() -> _Bundle:
    """The kept patterns of this Python (none when nothing is kept, or the file is
    missing, damaged or written by another Python)."""
    folder = cache_folder()
    path = None
    if folder is not None:
        path = os.path.join(folder, f"{_BUNDLE_NAME}.{sys.implementation.cache_tag}{_SUFFIX}")
    check = sys.version
    if _sre is not None:
        check = f"{check}|{_sre.MAGIC}|{_sre.CODESIZE}"
    if path is not None:
        try:
            with open(path, "rb") as handle:
                found: Any = marshal.loads(handle.read())
            if isinstance(found, tuple) and len(found) == 2 and found[0] == check:
                return _Bundle(path, check, dict(found[1]))
        except Exception:  # missing, unreadable or damaged: start again
            pass
    return _Bundle(path, check, {})
