"""Silence a library's loggers while it runs: what matters to the user is said in one
line (a read, a run's error), not in the library's own log of retries and repairs.
One definition for Dask (`cluster.py`) and pypdf (`readers/pdf.py`)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


@contextlib.contextmanager
def silenced(package: str) -> Iterator[None]:
    """The loggers of `package` (and of its modules) raised past CRITICAL for the
    block, set back as they were however it ends."""
    loggers = [
        logging.getLogger(name)
        for name in [package, *logging.root.manager.loggerDict]
        if name.split(".")[0] == package
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
