"""Telling the C allocator that this process is a short batch job.

glibc's `malloc` gives the top of its heap back to the operating system whenever more
than 128 KiB of it is free, and takes it back page by page when the heap grows again.
Reading a large transcript frees and allocates that much many times over (lines,
candidates, output batches), so the kernel zeroes and maps the same pages again and
again: on a 50 MB file, over 200,000 page faults and a quarter of the run. Blocks larger
than 128 KiB (a batch of output, a long line) get a mapping of their own, unmapped and
faulted in afresh each time; they come from the heap too. A command-line
run that ends within seconds is better off keeping what it has freed until it exits; its
peak memory does not change, only how often it is handed back and forth.
"""

from __future__ import annotations

import sys

# mallopt's parameter numbers, from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_KEEP = 1 << 30  # trim the heap only when a gigabyte of its top is free
# Blocks up to this size come from the heap, not from a mapping of their own that is
# unmapped when freed (glibc's largest allowed; the default is 128 KiB).
_OWN_MAPPING_FROM = 32 << 20


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
    mallopt(_M_MMAP_THRESHOLD, _OWN_MAPPING_FROM)
