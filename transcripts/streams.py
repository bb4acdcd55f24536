"""Streams of items handed on without a Python frame per item: what the readers and the
pipelines chain after a stream of blocks (a count to finish, a warning to give) once
its last item is taken."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def then_run(items: Iterable[T], action: Callable[[], None]) -> Iterator[T]:
    """The items as they come, and `action` called once the last has been taken.

    A chain rather than a generator that yields from `items`: each item then passes
    through C alone, not through one more Python frame (a block stream of a large file
    is some 200,000 items, each handed on by every such layer)."""
    return itertools.chain(items, _calling(action))


def _calling(action: Callable[[], None]) -> Iterator[Any]:
    """An empty iterator that calls `action` when first asked for an item."""
    action()
    return
    yield  # (a generator: `action` waits for the first `next`)
