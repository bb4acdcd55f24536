"""From tallies to reports: one record per speaker and one for the whole transcript,
with the fields of `measures.MEASURES`, sorted and filtered as asked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import OptionError
from .measures import BY_NAME, FIELDS, MEASURES, TOTALS_ONLY, Counts
from .tally import NON_SPEECH_ORDER, Tally

#: The default sort field; numbers sort largest first.
DEFAULT_SORT = "words"
#: Fields of the whole-transcript record beyond the measures.
TOTAL_EXTRAS = tuple(TOTALS_ONLY)


@dataclass
class Report:
    """Statistics of one transcript, or of several combined by speaker name.

    `speakers` holds one record (a dict keyed by field name) per speaker, `totals` the
    record of all speakers together plus `speakers` (how many took a turn),
    `non_speech_blocks`, `non_speech` (blocks that are not speech, by kind) and `files`.
    `path` is set on the reports of `--per-file`.
    """

    speakers: list[dict[str, Any]]
    totals: dict[str, Any]
    path: str | None = None

    @property
    def files(self) -> int:
        """How many files were counted."""
        return int(self.totals.get("files", 0))

    def speaker(self, name: str) -> dict[str, Any]:
        """The record of the speaker called `name`."""
        for record in self.speakers:
            if record["speaker"] == name:
                return record
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        """The JSON/YAML form: {"speakers": [...], "totals": {...}} (and "path")."""
        data: dict[str, Any] = {} if self.path is None else {"path": self.path}
        data["speakers"] = self.speakers
        data["totals"] = self.totals
        return data


def check_field(name: str, option: str, per_file: bool = False) -> str:
    """`name` if it is a field, else an error that lists the fields."""
    known = ("path", *FIELDS) if per_file else FIELDS
    if name not in known:
        raise OptionError(option, f"unknown field {name!r}; choose from: {', '.join(known)}")
    return name


def build_report(
    tally: Tally,
    *,
    sort: str = DEFAULT_SORT,
    reverse: bool = False,
    only: Sequence[str] = (),
    path: str | None = None,
) -> Report:
    """The report of a tally: records in `sort` order, restricted to the speakers named in
    `only` (the totals always cover every speaker)."""
    per_speaker: list[Counts] = []
    vocabulary: set[str] = set()
    for name, speaker in tally.speakers.items():
        counts, words = Counts.of_speaker(name, speaker)
        per_speaker.append(counts)
        vocabulary |= words
    totals = Counts.total(per_speaker, vocabulary)
    prefix = {} if path is None else {"path": path}
    records = [
        {**prefix, **{m.name: m.value(counts, totals) for m in MEASURES}} for counts in per_speaker
    ]
    if only:
        wanted = {name.casefold() for name in only}
        records = [r for r in records if r["speaker"].casefold() in wanted]
    total_record: dict[str, Any] = {**prefix}
    total_record.update({m.name: m.value(totals, totals) for m in MEASURES[1:]})
    non_speech = {kind: tally.non_speech.get(kind, 0) for kind in NON_SPEECH_ORDER}
    total_record["speakers"] = sum(1 for counts in per_speaker if counts.turns)
    total_record["non_speech_blocks"] = sum(non_speech.values())
    total_record["non_speech"] = non_speech
    total_record["files"] = tally.files
    return Report(speakers=sort_records(records, sort, reverse), totals=total_record, path=path)


def sort_records(
    records: list[dict[str, Any]], field_name: str, reverse: bool = False
) -> list[dict[str, Any]]:
    """Records sorted by a field: numbers largest first, names and lines in ascending
    order, `reverse` flips that; empty values always come last. Ties keep the order in
    which speakers first appear."""
    measure = BY_NAME.get(field_name)
    ascending = measure.ascending if measure else True  # "path"
    if reverse:
        ascending = not ascending
    present = [r for r in records if r.get(field_name) is not None]
    missing = [r for r in records if r.get(field_name) is None]

    def key(record: dict[str, Any]) -> Any:
        value = record[field_name]
        return value.casefold() if isinstance(value, str) else value

    return sorted(present, key=key, reverse=not ascending) + missing


def check_only(only: Sequence[str], speakers: Iterable[str]) -> None:
    """An error when a name given to `--only` matches none of the `speakers` counted."""
    names = set(speakers)
    known = {name.casefold() for name in names}
    unknown = [name for name in only if name.casefold() not in known]
    if unknown:
        listed = ", ".join(sorted(names, key=lambda name: (name.casefold(), name)))
        raise OptionError(
            "--only", f"no speaker named {unknown[0]!r}; speakers: {listed or 'none'}"
        )
