"""Inputs named on the command line: files, `-`, and directories walked for transcripts.

Every command that takes several inputs selects them here, the way ruff does:

- a directory stands for the transcripts under it, in sorted order: files with the
  extension of a readable format, but not hidden entries, not what `.gitignore` files
  ignore (`respect_gitignore`), not what `exclude` names, not the usual project files
  (`README.md`, `LICENSE`, `requirements.txt`, ...) and not folders of installed
  software (`node_modules`, `site-packages`, `venv`). A file whose extension other data
  shares (`.json`, `.yaml`, `.jsonl`, `.xml`, `.csv`) is taken only when its content is
  a transcript document or a known speech-to-text or caption format (a table whose
  header names a text column): a `package.json`, an `mkdocs.yml` or a table of figures
  is not;
- a file named on the command line is taken as it is (and is an error if it is no
  transcript), unless `exclude` names it (`force_exclude`, on by default, so a
  pre-commit hook that passes file names honours the configuration);
- special files (FIFOs, devices, sockets) are skipped when walking and refused when
  named, so nothing blocks on a pipe or reads `/dev/zero` for ever; a symbolic-link
  loop or a folder that cannot be searched is a one-line error, and the walk goes on.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence

from . import formats
from .compiled import kept
from .errors import TranscriptError
from .globs import PathPatterns
from .io import decode, not_a_regular_file, read_bytes, special_file

STDIN = "-"

#: Folders of installed software, never walked (hidden ones, `.venv` and `.git`
#: included, are never walked either).
SKIPPED_FOLDERS = frozenset(
    {"node_modules", "site-packages", "venv", "__pycache__", "__pypackages__"}
)

#: Files every project has that are no transcripts (compared without case or extension).
PROJECT_FILES = frozenset(
    """readme changelog changes history news contributing license licence copying authors
    notice code_of_conduct security support requirements constraints cmakelists robots
    """.split()
)

#: Extensions that other kinds of data share: such a file is taken on a walk only when
#: its content is a transcript (see `_is_transcript`).
SHARED_EXTENSIONS = frozenset({".json", ".jsonl", ".ndjson", ".yaml", ".yml", ".xml", ".csv"})


class NothingFound(TranscriptError):
    """A folder named as an input holds no transcript (a warning for `lint`)."""


class Selection:
    """Which files a walk takes and which named files are passed over.

    `exclude` holds gitignore-style patterns, each set relative to its own root (the
    configuration file's folder, or the current one for `--exclude`). Not changed once
    made. (Written out, not a frozen dataclass, which costs 0.6 ms to make at import:
    `extensions` defaults to what the formats read, worked out when one is made.)"""

    # (in the order of the fields)
    __slots__ = ("exclude", "respect_gitignore", "force_exclude", "extensions")  # noqa: RUF023

    def __init__(
        self,
        exclude: tuple[PathPatterns, ...] = (),
        respect_gitignore: bool = True,
        force_exclude: bool = True,
        extensions: frozenset[str] | None = None,
    ) -> None:
        self.exclude = exclude
        self.respect_gitignore = respect_gitignore
        self.force_exclude = force_exclude
        self.extensions = transcript_extensions() if extensions is None else extensions

    def excludes(self, path: str, is_dir: bool = False) -> bool:
        return any(patterns.matches(path, is_dir) for patterns in self.exclude)


def selection(
    settings: Mapping[str, object] | None = None,
    config_path: str | None = None,
    *,
    exclude: Sequence[str] = (),
    respect_gitignore: bool | None = None,
    force_exclude: bool | None = None,
) -> Selection:
    """The selection a command's settings (`config.configuration`) and options make:
    the file's `exclude` and `extend-exclude` (relative to the file's folder) and the
    command line's `exclude` (relative to the current folder) all apply; a flag given
    on the command line wins over the file."""
    settings = settings or {}
    root = os.path.dirname(os.path.abspath(config_path)) if config_path else None
    from_file = [
        str(pattern)
        for key in ("exclude", "extend-exclude")
        for pattern in _listed(settings.get(key))
    ]
    patterns = tuple(p for p in (PathPatterns(from_file, root), PathPatterns(exclude)) if p)

    def flag(given: bool | None, key: str) -> bool:
        if given is not None:
            return given
        value = settings.get(key, True)
        return value if isinstance(value, bool) else True

    return Selection(
        exclude=patterns,
        respect_gitignore=flag(respect_gitignore, "respect-gitignore"),
        force_exclude=flag(force_exclude, "force-exclude"),
    )


def _listed(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, Iterable) else [value]


def or_standard_input(paths: Sequence[str]) -> list[str]:
    """The inputs, or standard input when none is named: but not a terminal, where a
    command would wait in silence for text nobody means to type."""
    if paths:
        return list(paths)
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise TranscriptError(
            "no input: name transcript files or folders, or pipe a transcript to standard "
            "input (-); --help shows the options"
        )
    return [STDIN]


def transcript_extensions() -> frozenset[str]:
    """File extensions of the formats the tool can read (what a directory walk picks up)."""
    return frozenset(
        extension for fmt in formats.iter_formats() if fmt.reader for extension in fmt.extensions
    )


def expand_inputs(
    paths: Sequence[str], select: Selection | None = None
) -> Iterator[str | TranscriptError]:
    """Each input in order: files and `-` as given (unless excluded, see `Selection`);
    a directory stands for the transcripts under it, or, when it holds none, for an
    error naming it. A special file, a symbolic-link loop or a folder that cannot be
    searched is an error in its place; the others still come."""
    select = select or Selection()
    for path in paths:
        if path == STDIN:
            yield path
            continue
        kind = _kind(path)
        if isinstance(kind, TranscriptError):
            yield kind
        elif kind == "missing" or kind == "file":
            if not (kind == "file" and select.force_exclude and select.excludes(path)):
                yield path  # a missing file is the reader's to report
        elif kind == "directory":
            found = False  # files come as they are found: a walk is never held whole
            for item in _walk(path, select):
                found = found or isinstance(item, str)
                yield item
            if not found:
                listed = " ".join(sorted(select.extensions))
                yield NothingFound(f"no transcript files found (looked for {listed})", path)
        else:
            yield not_a_regular_file(kind, path)


def _kind(path: str) -> str | TranscriptError:
    """ "file", "directory", "missing", what special file `path` is, or the error that
    keeps it from being looked at (a symbolic-link loop, permission denied)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return TranscriptError("is a symbolic-link loop", path)
        return TranscriptError(f"cannot look at it: {error.strerror or error}", path)
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "directory"
    return special_file(mode) or "a file of another kind"


class InputSet:
    """The files `expand_inputs(paths, select)` gives, asked of one file at a time
    without walking anything (`path in inputs`): an output about to be written into a
    folder must not replace an input, read already or still to come (`b.json` converted
    to text over the `b.txt` beside it). Named files are known by their identity, so a
    long list of them costs one look each, once."""

    def __init__(self, paths: Sequence[str], select: Selection | None = None) -> None:
        self.select = select or Selection()
        self.files: set[tuple[int, int]] = set()
        self.folders: list[str] = []
        for path in paths:
            if path == STDIN:
                continue
            kind = _kind(path)
            if kind == "directory":
                self.folders.append(path)
            elif kind == "file" and not (self.select.force_exclude and self.select.excludes(path)):
                info = os.stat(path)
                self.files.add((info.st_dev, info.st_ino))

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str) or path == STDIN:
            return False
        try:
            info = os.stat(path)
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode):
            return False
        if (info.st_dev, info.st_ino) in self.files:
            return True
        return any(_walked(path, folder, self.select) for folder in self.folders)


def _walked(path: str, directory: str, select: Selection) -> bool:
    """Would walking `directory` (`_walk`) give the file `path`? The same decisions,
    made for the folders on the way down to it alone."""
    inside = os.path.relpath(os.path.realpath(path), os.path.realpath(directory))
    if inside == os.pardir or inside.startswith(os.pardir + os.sep):
        return False
    if select.force_exclude and select.excludes(directory, True):
        return False
    ignores = _GitIgnores.above(directory) if select.respect_gitignore else None
    if ignores is not None:
        ignores = ignores.entering(directory)
    *folders, name = inside.split(os.sep)
    folder = directory
    for part in folders:
        folder = os.path.join(folder, part)
        if part.startswith(".") or part in SKIPPED_FOLDERS or os.path.islink(folder):
            return False
        if select.excludes(folder, True) or (ignores and ignores.ignored(folder, True)):
            return False
        if ignores is not None:
            ignores = ignores.entering(folder)
    found = os.path.join(folder, name)
    return not name.startswith(".") and _wanted(found, name, select, ignores)


def _walk(directory: str, select: Selection) -> Iterator[str | TranscriptError]:
    if select.force_exclude and select.excludes(directory, True):
        return
    ignores = _GitIgnores.above(directory) if select.respect_gitignore else None
    yield from _walk_folder(directory, select, ignores)


def _walk_folder(
    directory: str, select: Selection, ignores: _GitIgnores | None
) -> Iterator[str | TranscriptError]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        reason = "permission denied" if error.errno == errno.EACCES else error.strerror
        yield TranscriptError(f"cannot search folder: {reason or error}", directory)
        return
    if ignores is not None:
        ignores = ignores.entering(directory)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        kind = _kind(path)
        if isinstance(kind, TranscriptError):
            if kind.message.startswith("is a symbolic-link loop") or not entry.is_symlink():
                yield kind
            continue  # a dangling link is no input
        if kind == "directory":
            if entry.is_symlink() or entry.name in SKIPPED_FOLDERS:
                continue  # links to folders are not followed (as git and ruff do)
            if select.excludes(path, True) or (ignores and ignores.ignored(path, True)):
                continue
            yield from _walk_folder(path, select, ignores)
        elif kind == "file" and _wanted(path, entry.name, select, ignores):
            yield path
        # special files (and dangling links) are passed over in silence


def _wanted(path: str, name: str, select: Selection, ignores: _GitIgnores | None) -> bool:
    extension = os.path.splitext(name)[1].lower()
    if extension not in select.extensions:
        return False
    stem = name.split(".", 1)[0].lower()
    if stem in PROJECT_FILES or stem.startswith("requirements"):
        return False
    if select.excludes(path) or (ignores and ignores.ignored(path)):
        return False
    return extension not in SHARED_EXTENSIONS or _is_transcript(path, extension)


_YAML_DOCUMENT = kept(r"^blocks[ \t]*:", re.M)


def _is_transcript(path: str, extension: str) -> bool:
    """Is this `.json`, `.jsonl`, `.yaml` or `.xml` file a transcript document or the
    output of a known speech-to-text service or caption format, by its content?"""
    try:
        source = decode(read_bytes(path), path)
    except TranscriptError:
        return False
    if extension in (".yaml", ".yml"):
        return bool(_YAML_DOCUMENT.search(source.text))
    if extension in (".jsonl", ".ndjson"):
        from .readers.jsondata import is_json_lines

        return is_json_lines(source.text) and '"kind"' in source.text
    if extension == ".xml":
        from .readers import ttml

        return bool(ttml.sniff(source.text[:4096]))
    if extension == ".csv":
        from .readers.csv import is_transcript_table

        return is_transcript_table(source.text)
    chosen = formats.format_for_extension(path, source)
    if chosen is None or source.parsed is None:
        return False
    if chosen.specific:
        return True
    from .readers.json import is_document

    return is_document(source.parsed[0])


class _GitIgnores:
    """The `.gitignore` files (and `.git/info/exclude`) that apply in a folder: those of
    the repository's folders from its root down, each relative to its own folder."""

    def __init__(self, layers: tuple[PathPatterns, ...] = ()) -> None:
        self.layers = layers

    @classmethod
    def above(cls, directory: str) -> _GitIgnores:
        """The ignore files that apply to what is in `directory`, from the folders above
        it up to its repository's root (none when it is in no repository). A folder
        that those files ignore is walked all the same when it is named: what they say
        then applies to nothing in it."""
        here = os.path.abspath(directory)
        chain = [here]
        while not os.path.exists(os.path.join(chain[-1], ".git")):
            parent = os.path.dirname(chain[-1])
            if parent == chain[-1]:
                return cls()  # in no repository: only the walk's own .gitignore files
            chain.append(parent)
        root = chain[-1]
        layers = [_read_patterns(os.path.join(root, ".git", "info", "exclude"), root)]
        layers += [_read_patterns(os.path.join(f, ".gitignore"), f) for f in reversed(chain[1:])]
        found = cls(tuple(layer for layer in layers if layer))
        return cls() if found.ignored(here, True) else found

    def entering(self, directory: str) -> _GitIgnores:
        patterns = _read_patterns(os.path.join(directory, ".gitignore"), directory)
        return _GitIgnores((*self.layers, patterns)) if patterns else self

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        """Does the deepest ignore file that decides about `path` ignore it?"""
        decision = False
        for patterns in self.layers:
            result = patterns.check(path, is_dir)
            if result is not None:
                decision = result
        return decision


def _read_patterns(path: str, root: str) -> PathPatterns | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return PathPatterns(lines, root) if lines else None
