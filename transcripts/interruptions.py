"""Termination held back for a few steps that must not be cut in two.

Creating a temporary file and noting its name, renaming it into place, queueing a batch
while the queue holds its lock: a signal's exception raised in the middle of such steps
leaves a stray file, or a lock taken for ever. `signals_deferred` holds termination back
for them; the CLI's handlers are made `deferrable`, so they wait for its end.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold back termination signals for a few steps that must not be cut in two
    (creating a temporary file and noting its name; renaming it into place; queueing a
    batch while the queue holds its lock). The process's mask holds back a signal's
    default action; a handler made `deferrable` notes the signal instead of acting, for
    the mask alone cannot stop it: a signal may reach another thread, and Python then
    runs the handler in the main thread at whatever step it has reached. A noted signal
    is handled once the outermost section ends."""
    global _held_sections
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    block = getattr(signal, "pthread_sigmask", None)
    held = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}
    previous = block(signal.SIG_BLOCK, held) if block is not None else None
    _held_sections += 1
    try:
        yield
    finally:
        _held_sections -= 1
        if block is not None:
            block(signal.SIG_SETMASK, previous)
        if not _held_sections and _noted:
            signum = _noted[0]
            _noted.clear()
            handler = signal.getsignal(signum)
            if callable(handler):
                handler(signum, None)


_held_sections = 0  # how many `signals_deferred` sections the main thread is in
_noted: list[int] = []  # signals a deferrable handler noted inside them


def deferrable(
    handler: Callable[[int, Any], object],
) -> Callable[[int, Any], None]:
    """`handler` made to wait, inside a `signals_deferred` section, for its end."""

    def handle(signum: int, frame: Any) -> None:
        if _held_sections:
            _noted.append(signum)
            return
        handler(signum, frame)

    return handle
