"""The measures `stats` reports: an ordered table of named measures, each a small function
(csvkit's csvstat is the model). A measure's name is its stable field name in JSON, YAML
and CSV output; its `help` is its documentation, printed by `stats --list-fields` and
repeated word for word in the man page (a test holds them together).

A new measure is an entry in `MEASURES` (and, if it needs a number not counted yet, a
field of `counts.TextCounts`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .counts import TextCounts
from .tally import Longest, SpeakerTally


@dataclass(frozen=True, kw_only=True)
class Counts(TextCounts):
    """The raw numbers of one speaker, or of all speakers together, that measures use:
    the `TextCounts` of their turns, and what is known of the turns themselves."""

    name: str
    turns: int
    turn_lengths: Mapping[int, int]  # words per turn -> how many turns had that many
    longest: Longest | None  # (words, line, path) of the longest turn
    distinct_words: int
    talk_seconds: float | None

    @classmethod
    def of_speaker(cls, name: str, tally: SpeakerTally) -> tuple[Counts, set[str]]:
        """A speaker's counts, and their vocabulary (for the totals' distinct words)."""
        counts = cls(
            **tally.counts.as_dict(),
            name=name,
            turns=tally.turns,
            turn_lengths=tally.turn_lengths,
            longest=tally.longest,
            distinct_words=len(tally.vocabulary),
            talk_seconds=tally.talk_seconds,
        )
        return counts, tally.vocabulary

    @classmethod
    def total(cls, speakers: list[Counts], vocabulary: set[str]) -> Counts:
        """All speakers together: sums, every turn, the longest turn of all."""
        longest = None
        for counts in speakers:
            if counts.longest and (longest is None or counts.longest[0] > longest[0]):
                longest = counts.longest
        talk = [c.talk_seconds for c in speakers if c.talk_seconds is not None]
        lengths: Counter[int] = Counter()
        for counts in speakers:
            lengths.update(counts.turn_lengths)
        return cls(
            **TextCounts.summed(speakers).as_dict(),
            name="total",
            turns=sum(c.turns for c in speakers),
            turn_lengths=lengths,
            longest=longest,
            distinct_words=len(vocabulary),
            talk_seconds=sum(talk) if talk else None,
        )


@dataclass(frozen=True)
class Measure:
    """One named measure: `value(counts, totals)` gives it for a speaker (or, with the
    totals as `counts`, for everyone). `kind` says how it is shown: text, count, line,
    percent, mean, ratio or seconds. Numbers sort largest first unless `ascending`."""

    name: str
    header: str
    help: str
    kind: str
    value: Callable[[Counts, Counts], Any]
    ascending: bool = False


def _share(part: float | None, whole: float | None) -> float | None:
    if part is None or not whole:
        return None
    return round(100 * part / whole, 2)


def _ratio(part: float, whole: float, digits: int = 2) -> float | None:
    return round(part / whole, digits) if whole else None


def _significant(value: float | None, digits: int = 4) -> float | None:
    """`value` to `digits` significant digits: a ratio of a long text stays readable."""
    return None if value is None else float(f"{value:.{digits}g}")


def median_of_counts(counts: Mapping[int, int]) -> float | None:
    """The median of values given as {value: how many times it occurs} (what
    `statistics.median` gives of the values listed out)."""
    total = sum(counts.values())
    if not total:
        return None
    wanted = [(total - 1) // 2, total // 2]  # the middle one, or the middle two
    found: list[int] = []
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        while wanted and wanted[0] < seen:
            found.append(value)
            wanted.pop(0)
    return (found[0] + found[1]) / 2


MEASURES: tuple[Measure, ...] = (
    Measure(
        "speaker",
        "speaker",
        "The speaker's name as the transcript gives it.",
        "text",
        lambda c, t: c.name,
        ascending=True,
    ),
    Measure(
        "turns",
        "turns",
        "Turns taken. A turn resumed after an interruption (a continued turn, for example"
        " after a stage direction) counts once, and its words count toward that turn.",
        "count",
        lambda c, t: c.turns,
    ),
    Measure(
        "turns_share",
        "turns %",
        "The speaker's turns as a percentage of all turns.",
        "percent",
        lambda c, t: _share(c.turns, t.turns),
    ),
    Measure(
        "words",
        "words",
        "Words spoken (see WORDS in the manual); notes such as [laughter] are "
        "not speech and not counted.",
        "count",
        lambda c, t: c.words,
    ),
    Measure(
        "words_share",
        "words %",
        "The speaker's words as a percentage of all words spoken.",
        "percent",
        lambda c, t: _share(c.words, t.words),
    ),
    Measure(
        "sentences",
        "sentences",
        "Sentences (see SENTENCES in the manual).",
        "count",
        lambda c, t: c.sentences,
    ),
    Measure(
        "questions",
        "questions",
        "Sentences that end in a question mark; one turn may ask several.",
        "count",
        lambda c, t: c.questions,
    ),
    Measure(
        "question_turns",
        "q. turns",
        "Turns whose last sentence ends in a question mark.",
        "count",
        lambda c, t: c.question_turns,
    ),
    Measure(
        "words_per_turn_mean",
        "words/turn",
        "Mean words per turn.",
        "mean",
        lambda c, t: _ratio(c.words, c.turns),
    ),
    Measure(
        "words_per_turn_median",
        "median",
        "Median words per turn.",
        "mean",
        lambda c, t: median_of_counts(c.turn_lengths),
    ),
    Measure(
        "words_per_turn_max",
        "longest",
        "Words in the longest turn.",
        "count",
        lambda c, t: c.longest[0] if c.longest else None,
    ),
    Measure(
        "longest_turn_line",
        "line",
        "The line the longest turn starts on (the first such turn on a tie).",
        "line",
        lambda c, t: c.longest[1] if c.longest else None,
        ascending=True,
    ),
    Measure(
        "longest_turn_path",
        "in file",
        "The file that holds the longest turn (with several inputs, the table shows path:line).",
        "text",
        lambda c, t: c.longest[2] if c.longest else None,
        ascending=True,
    ),
    Measure(
        "utterances",
        "utterances",
        "Utterances, as CLAN and pylangacq count them for the mean length of utterance: "
        "sentences with at least one word and no code for unintelligible speech (xxx).",
        "count",
        lambda c, t: c.utterances,
    ),
    Measure(
        "mlu_words",
        "MLU-w",
        "Mean length of utterance in words: the words of the utterances divided by the "
        "number of utterances.",
        "mean",
        lambda c, t: _ratio(c.utterance_words, c.utterances),
    ),
    Measure(
        "distinct_words",
        "distinct",
        "Distinct words, ignoring case and the style of apostrophe (“It’s” and “it's” are"
        " one word).",
        "count",
        lambda c, t: c.distinct_words,
    ),
    Measure(
        "type_token_ratio",
        "TTR",
        "Distinct words divided by words. It falls as a text grows, so compare speakers "
        "who said a similar number of words.",
        "ratio",
        lambda c, t: _significant(_ratio(c.distinct_words, c.words, 12)),
    ),
    Measure(
        "talk_seconds",
        "talk time",
        "Seconds of speech, from the start and end times of the speaker's turns (subtitle"
        " and caption sources, JSON with times). A turn with a start and no end lasts "
        "until the next block with a start; the last such turn of a file has no known end"
        " and is left out. Empty when none of the speaker's turns has a time.",
        "seconds",
        lambda c, t: round(c.talk_seconds, 3) if c.talk_seconds is not None else None,
    ),
    Measure(
        "talk_share",
        "talk %",
        "The speaker's talk time as a percentage of all talk time.",
        "percent",
        lambda c, t: _share(c.talk_seconds, t.talk_seconds),
    ),
)

BY_NAME: dict[str, Measure] = {measure.name: measure for measure in MEASURES}
FIELDS: tuple[str, ...] = tuple(BY_NAME)

#: The whole-transcript record's fields beyond the measures, and their documentation.
TOTALS_ONLY: dict[str, str] = {
    "speakers": "How many speakers took at least one turn.",
    "non_speech_blocks": "Blocks that are not speech.",
    "non_speech": "Those blocks by kind, every kind listed (0 for none).",
    "files": "How many files were counted.",
}


def describe_fields(width: int = 100) -> str:
    """The fields and their documentation, as `stats --list-fields` prints them."""
    import textwrap

    rows = [(m.name, m.header, m.help) for m in MEASURES]
    extras = [(name, "", help) for name, help in TOTALS_ONLY.items()]
    names = max(len(name) for name, _, _ in rows + extras) + 2
    columns = max(len(header) for _, header, _ in rows) + 2
    indent = " " * (names + columns)

    def lines(entries: list[tuple[str, str, str]]) -> list[str]:
        return [
            textwrap.fill(
                help,
                width,
                initial_indent=f"{name:<{names}}{header:<{columns}}",
                subsequent_indent=indent,
            )
            for name, header, help in entries
        ]

    head = f"{'FIELD':<{names}}{'COLUMN':<{columns}}DESCRIPTION"
    tail = "Also in the totals record (JSON and YAML):"
    return "\n".join([head, *lines(rows), "", tail, *lines(extras)]) + "\n"
