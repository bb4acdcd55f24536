"""The measures `stats` reports: an ordered table of named measures, each a small function
(csvkit's csvstat is the model). A measure's name is its stable field name in JSON, YAML
and CSV output; its `help` is its documentation."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .tally import SpeakerTally


@dataclass(frozen=True)
class Counts:
    """The raw numbers of one speaker, or of all speakers together, that measures use."""

    name: str
    turns: int
    words: int
    sentences: int
    questions: int
    question_turns: int
    utterances: int
    utterance_words: int
    turn_words: tuple[int, ...]
    longest: tuple[int, int, str | None] | None  # (words, line, path) of the longest turn
    distinct_words: int
    talk_seconds: float | None

    @classmethod
    def of_speaker(cls, name: str, tally: SpeakerTally) -> tuple[Counts, set[str]]:
        """A speaker's counts, and their vocabulary (for the totals' distinct words)."""
        counter = tally.counter
        vocabulary = counter.vocabulary()
        longest = None
        if counter.turn_words:
            most = max(counter.turn_words)
            index = counter.turn_words.index(most)  # the first of the longest turns
            longest = (most, counter.turn_lines[index], tally.source_of(index))
        counts = cls(
            name=name,
            turns=counter.turns,
            words=counter.words,
            sentences=counter.sentences,
            questions=counter.questions,
            question_turns=counter.question_turns,
            utterances=counter.utterances,
            utterance_words=counter.utterance_words,
            turn_words=tuple(counter.turn_words),
            longest=longest,
            distinct_words=len(vocabulary),
            talk_seconds=tally.talk_seconds,
        )
        return counts, vocabulary

    @classmethod
    def total(cls, speakers: list[Counts], vocabulary: set[str]) -> Counts:
        """All speakers together: sums, every turn, the longest turn of all."""
        longest = None
        for counts in speakers:
            if counts.longest and (longest is None or counts.longest[0] > longest[0]):
                longest = counts.longest
        talk = [c.talk_seconds for c in speakers if c.talk_seconds is not None]
        return cls(
            name="total",
            turns=sum(c.turns for c in speakers),
            words=sum(c.words for c in speakers),
            sentences=sum(c.sentences for c in speakers),
            questions=sum(c.questions for c in speakers),
            question_turns=sum(c.question_turns for c in speakers),
            utterances=sum(c.utterances for c in speakers),
            utterance_words=sum(c.utterance_words for c in speakers),
            turn_words=tuple(n for c in speakers for n in c.turn_words),
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


def _median(values: tuple[int, ...]) -> float | None:
    return float(statistics.median(values)) if values else None


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
        "Turns taken. A turn resumed after an interruption (a continued turn) counts once.",
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
        "Words spoken (see WORDS): notes such as [laughter] are not counted.",
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
        "Sentences (see SENTENCES).",
        "count",
        lambda c, t: c.sentences,
    ),
    Measure(
        "questions",
        "questions",
        "Sentences that end in a question mark; a turn may ask several.",
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
        lambda c, t: _median(c.turn_words),
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
        "The file that holds the longest turn.",
        "text",
        lambda c, t: c.longest[2] if c.longest else None,
        ascending=True,
    ),
    Measure(
        "utterances",
        "utterances",
        "Utterances: sentences with at least one word and no code for unintelligible "
        "speech (xxx), as CLAN and pylangacq count them for MLU.",
        "count",
        lambda c, t: c.utterances,
    ),
    Measure(
        "mlu_words",
        "MLU-w",
        "Mean length of utterance in words: words in utterances / utterances.",
        "mean",
        lambda c, t: _ratio(c.utterance_words, c.utterances),
    ),
    Measure(
        "distinct_words",
        "distinct",
        "Distinct words, ignoring case (it's and it’s are one word).",
        "count",
        lambda c, t: c.distinct_words,
    ),
    Measure(
        "type_token_ratio",
        "TTR",
        "Type-token ratio: distinct words / words. It falls as a text grows, so compare "
        "speakers who said a similar number of words.",
        "ratio",
        lambda c, t: _significant(_ratio(c.distinct_words, c.words, 12)),
    ),
    Measure(
        "talk_seconds",
        "talk time",
        "Seconds of speech, from the turns' start and end times (a turn with a start and no "
        "end lasts until the next timed block starts); empty when the source has no times.",
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
