"""The fast counter agrees with the reference count of the word and sentence rules."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_files
from transcripts.api import read
from transcripts.model import Kind
from transcripts.statistics import counting
from transcripts.statistics.counting import SpeakerCounter
from transcripts.statistics.counts import TextCounts, profile
from transcripts.words import word_type, words

# Pieces that exercise every rule: end marks in runs, closers and openers, abbreviations,
# initials, numbers after "No.", notes, CHAT codes, odd white space, other scripts, NUL.
PIECES = [
    "a", "A", "É", "é", "ж", "Ж", "0", " ", ".", "?", "!", "?.", ".!", "!?", "…", "...",
    " \n", "\t", ")", '"', "'", "’", "”", "“", "(", "[", "]", "Mr", "mr", "U.S", "No",
    "no", "p", " 5", "e.g", "J", "xxx", "-", "--", "—", "12:30", "。", "？", "¿", "Dr.",
    "(inaudible)", "[laughs]", "\\[04:22\\]", "[x](http://a)", "x@y.zz", "3,000", "'cause",
    "\x00", "\x1f", "\xa0", "İ", "Is it?", " Yes.", " ok", "5(no.", " No. 5", "(Mr.", " A.",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
turns = st.lists(st.tuples(texts, st.booleans()), min_size=1, max_size=12)


def reference(items: list[tuple[str, bool]]) -> tuple:
    """Counts from `profile`, continued texts merged into the turn they resume (a turn
    asks a question when its last part does)."""
    profiles = [(profile(text), continued) for text, continued in items]
    turn_words: list[int] = []
    asked: list[bool] = []
    for result, continued in profiles:
        if continued and turn_words:
            turn_words[-1] += result.counts.words
            asked[-1] = result.ends_with_question
        else:
            turn_words.append(result.counts.words)
            asked.append(result.ends_with_question)
    total = sum((result.counts for result, _ in profiles), TextCounts())
    return replace(total, question_turns=sum(asked)), turn_words


def fast(items: list[tuple[str, bool]], batch: int) -> SpeakerCounter:
    saved = counting.BATCH
    counting.BATCH = batch
    try:
        counter = SpeakerCounter()
        for line, (text, continued) in enumerate(items, 1):
            counter.add(text, line, continued)
        counter.flush()
    finally:
        counting.BATCH = saved
    return counter


def summary(counter: SpeakerCounter) -> tuple:
    return counter.counts, counter.turn_words


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(turns, st.sampled_from([1, 3, 1024]))
def test_the_fast_counter_agrees_with_the_reference(items, batch):
    counter = fast(items, batch)
    assert summary(counter) == reference(items)
    assert counter.vocabulary() == {word_type(w) for text, _ in items for w in words(text)}


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(turns, min_size=1, max_size=4))
def test_speakers_sharing_what_their_tokens_are_count_as_they_would_alone(speakers):
    # A document's counters share one TokenKinds (each token judged once for all).
    kinds = counting.TokenKinds()
    for items in speakers:
        counter = SpeakerCounter(kinds)
        for line, (text, continued) in enumerate(items, 1):
            counter.add(text, line, continued)
        counter.flush()
        assert summary(counter) == reference(items)
        assert counter.vocabulary() == {word_type(w) for text, _ in items for w in words(text)}


def test_a_profile_counts_words_sentences_questions_and_utterances():
    result = profile("Is it true? Yes (inaudible) it is. I think so.")
    counts = result.counts
    assert (counts.words, counts.sentences, counts.questions) == (9, 3, 1)
    # "Yes xxx it is." holds an unintelligible passage: not an utterance for MLU
    assert (counts.utterances, counts.utterance_words) == (2, 6)
    assert not result.ends_with_question and counts.question_turns == 0


def test_counts_add_up_field_by_field():
    one = TextCounts(words=3, sentences=1, questions=1, question_turns=1)
    assert one + one == TextCounts(words=6, sentences=2, questions=2, question_turns=2)
    assert sum([one, one, one], TextCounts()).words == 9


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_real_transcripts_count_the_same_both_ways(path):
    try:
        transcript = read(path)
    except Exception as error:  # a format no reader handles yet
        pytest.skip(str(error))
    by_speaker: dict[str, list[tuple[str, bool]]] = {}
    for block in transcript.blocks:
        if block.kind == Kind.TURN:
            by_speaker.setdefault(block.speaker, []).append((block.text, block.continued))
    for items in by_speaker.values():
        assert summary(fast(items, 64)) == reference(items)
