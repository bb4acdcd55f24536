"""One sentence rule, every user held to it: the golden cases in tests/cases/sentences.yaml,
the samples and the corpus give the same sentences to the reference (`words`), its fast
twin (`words_fast`), stats' counts and lint's sentence table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import SAMPLES, corpus_files
from tests.test_words_fast import spans_of
from transcripts import read, words, words_fast
from transcripts.linter import sentence_keys
from transcripts.linter.context import Context
from transcripts.linter.passages import PASSAGE_KINDS
from transcripts.model import Block, Kind, Transcript
from transcripts.statistics.counting import SpeakerCounter
from transcripts.statistics.counts import profile

key_of = sentence_keys.sentence_key
CASES = yaml.safe_load((Path(__file__).parent / "cases" / "sentences.yaml").read_text("utf-8"))


def check_every_user(texts: list[str]) -> None:
    """The users of the rule agree with the reference on each text, and on all at once."""
    expected = [words.sentences(text) for text in texts]
    questions = [sum(map(words.is_question, found)) for found in expected]
    counter = SpeakerCounter()
    for line, text in enumerate(texts, 1):
        spoken = words.speech(text)
        marked = words_fast.mark_sentence_ends(text)
        found = [text[a:b] for a, b in spans_of(text, marked)]
        assert found == expected[line - 1], text
        assert words_fast.count_sentences(text) == (len(found), questions[line - 1]), text
        reference = profile(text).counts  # stats' reference count, notes removed
        assert (reference.sentences, reference.questions) == (
            len(words.sentences(spoken)),
            sum(map(words.is_question, words.sentences(spoken))),
        ), text
        keyed = [
            s for s in expected[line - 1] if sentence_keys.has_key(sentence_keys.sentence_key(s))
        ]
        spans = sentence_keys.sentence_spans(text)
        assert [text[a:b] for a, b in spans] == keyed, text
        counter.add(text, line)
    counter.flush()
    spoken = [words.sentences(words.speech(text)) for text in texts]
    assert counter.counts.sentences == sum(map(len, spoken))
    assert counter.counts.questions == sum(sum(map(words.is_question, s)) for s in spoken)
    blocks = [Block(Kind.TURN, text, n, n, "Ana") for n, text in enumerate(texts, 1)]
    table = Context(Transcript(blocks=blocks)).sentences()
    keys = [key for key in table.all_keys() if key != sentence_keys.SEPARATOR]
    assert keys == [
        key for found in expected for key in map(key_of, found) if sentence_keys.has_key(key)
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["why"][:60])
def test_golden_sentence_cases(case):
    found = words.sentences(case["text"])
    assert found == case["sentences"]
    assert [s for s in found if words.is_question(s)] == case.get("questions", [])
    check_every_user([case["text"]])


def test_all_golden_cases_at_once():
    check_every_user([case["text"] for case in CASES])


@pytest.mark.parametrize(
    "path", [*sorted(SAMPLES.iterdir()), *corpus_files()], ids=lambda path: path.name
)
def test_every_user_cuts_real_transcripts_alike(path):
    try:
        transcript = read(path)
    except Exception as error:  # a format no reader handles yet
        pytest.skip(str(error))
    texts = [block.text for block in transcript.blocks if block.kind in PASSAGE_KINDS]
    check_every_user(texts)
