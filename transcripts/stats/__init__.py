"""Per-speaker statistics of transcripts: turns, words, sentences, questions, words per
turn, mean length of utterance, distinct words, talk time.

    import transcripts
    report = transcripts.stats(transcripts.read("interview.txt"))
    report.speaker("Lukashenko")["turns"]      # a record per speaker, keyed by field name
    report.totals["non_speech"]                # blocks that are not speech, by kind

`tally` counts blocks in one pass, `measures` names what is reported, `report` builds the
records, `render` prints them, `pipeline` is the `transcripts stats` command.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Transcript
from .measures import FIELDS, MEASURES
from .report import DEFAULT_SORT, Report, build_report, check_field
from .tally import tally_documents

__all__ = ["DEFAULT_SORT", "FIELDS", "MEASURES", "Report", "stats"]


def stats(
    transcripts: Transcript | Iterable[Transcript],
    *,
    sort: str = DEFAULT_SORT,
    reverse: bool = False,
    only: Sequence[str] = (),
    single_process: bool = False,
) -> Report:
    """Statistics of a transcript, or of several combined by speaker name.

    Records are sorted by the field `sort` (largest first for numbers; `reverse` flips
    the order); `only` keeps the records of the speakers named (the totals still cover
    everyone). A long transcript is partly counted in a second process where that
    helps; `single_process` keeps all the work in this one.
    """
    if isinstance(transcripts, Transcript):
        transcripts = [transcripts]
    check_field(sort, "sort")
    documents = [(t, t.blocks, t.source or "-") for t in transcripts]
    tally = tally_documents(documents, single_process=single_process)
    return build_report(tally, sort=sort, reverse=reverse, only=only)


class _CallableModule(types.ModuleType):
    """Importing this package makes `transcripts.stats` the package, not the function
    `transcripts/__init__.py` hands out lazily; calling the package calls the function,
    so `transcripts.stats(t)` works whichever was imported first."""

    def __call__(self, *args: Any, **kwargs: Any) -> Report:
        return stats(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
