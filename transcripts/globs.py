"""Path patterns with gitignore's semantics, the one way every setting matches paths.

`exclude`, `per-file-ignores` and `.gitignore` files all use git's wildmatch rules
(through `pathspec`, the library ruff's Python users and black rely on): a pattern
without a slash matches a name at any depth (`*.bak`, `drafts`), one with a slash is
anchored where it is written (`court/*.txt`), `**` spans any number of folders
(`court/**/*.txt` also matches `court/a.txt`), a trailing slash matches folders only and
`!` re-includes. Patterns are relative to a root: the folder of the configuration file
that holds them, or of the `.gitignore`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any


@functools.lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


class PathPatterns:
    """Gitignore-style patterns relative to `root` (default: the current folder)."""

    def __init__(self, patterns: Iterable[str], root: str | os.PathLike[str] | None = None):
        self.patterns = tuple(patterns)
        self.root = os.path.abspath(root) if root is not None else None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def relative(self, path: str) -> str | None:
        """`path` relative to the root, in `/` form; None when it lies outside it."""
        root = self.root or os.getcwd()
        relative = os.path.relpath(os.path.abspath(path), root)
        if relative == os.curdir:
            return None
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return None
        return Path(relative).as_posix()

    def check(self, path: str, is_dir: bool = False) -> bool | None:
        """True when the last pattern that matches `path` includes it, False when it is a
        negation (`!keep.txt`), None when none matches. Outside the root, only patterns
        without a slash (a name, `*.bak`) can match."""
        if not self.patterns or path == "-":
            return None
        relative = self.relative(path)
        if relative is None:  # outside the root: only patterns of a name can name it
            relative = os.path.basename(os.path.abspath(path))
        # pathspec, like git, takes a folder pattern (`drafts/`) to name what is in it.
        include: bool | None = (
            _spec(self.patterns).check_file(relative + "/" if is_dir else relative).include
        )
        return include

    def matches(self, path: str, is_dir: bool = False) -> bool:
        """Does a pattern name `path` (and no later `!pattern` take it back)?"""
        return bool(self.check(path, is_dir))
