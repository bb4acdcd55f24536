"""Per-speaker statistics of transcripts: turns, words, sentences, questions, words per
turn, mean length of utterance, distinct words, talk time.

    import transcripts
    report = transcripts.stats(transcripts.read("interview.txt"))
    report.speaker("Lukashenko")["turns"]      # a record per speaker, keyed by field name
    report.totals["non_speech"]                # blocks that are not speech, by kind

`counting` counts one speaker's turns, `tally` counts blocks in one pass, `measures` names
what is reported, `report` builds the records, `render` prints them. What the `stats`
command does with many files is in `transcripts.pipelines.stats`; nothing here imports
that layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
