"""Telling the C allocator that this process is a short batch job.

glibc's `malloc` gives the top of its heap back to the operating system whenever more
than 128 KiB of it is free, and takes it back page by page when the heap grows again.
Reading a large transcript frees and allocates that much many times over (lines,
candidates, output batches), so the kernel zeroes and maps the same pages again and
again: on a 50 MB file, over 200,000 page faults and a quarter of the run. (Blocks larger
than 128 KiB keep a mapping of their own, given back when freed: taking them from the
heap too saves a few more faults, but a freed 20 MB file buffer then stays resident,
unused by Python's own small-object arenas, and raises the peak.) A command-line
run that ends within seconds is better off keeping what it has freed until it exits; its
peak memory does not change, only how often it is handed back and forth.
"""

from __future__ import annotations

import sys

_M_TRIM_THRESHOLD = -1  # mallopt's parameter number, from glibc's <malloc.h>
_KEEP = 1 << 30  # trim the heap only when a gigabyte of its top is free

#: An input this large is worth the tuning. A smaller one frees too little for the page
#: faults to matter, and loading `ctypes` to tune costs a small file's run about 2 ms.
LARGE_INPUT = 1 << 20

_wanted = False  # set by the command line: tune when a large input is read


def keep_freed_memory_for_large_inputs() -> None:
    """From now on, the first input of `LARGE_INPUT` bytes or more read (`input_read`)
    makes this process keep freed memory: what the command line asks for at its start.
    A library caller's process is left as it is."""
    global _wanted
    _wanted = True


def input_read(size: int) -> None:
    """An input of `size` bytes was read: keep freed memory from now on if the command
    line asked for it and the input is large (once a process)."""
    global _wanted
    if _wanted and size >= LARGE_INPUT:
        _wanted = False
        keep_freed_memory()


def keep_freed_memory() -> None:
    """Ask glibc to keep freed heap memory for reuse; elsewhere, do nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt  # libc is loaded into every CPython process
    except (OSError, AttributeError, ImportError):  # musl, or no ctypes: nothing to tune
        return
    mallopt(_M_TRIM_THRESHOLD, _KEEP)
