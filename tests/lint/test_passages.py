"""The sentence table the repetition rules share: keys, cutting, and offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import transcripts
from transcripts import words
from transcripts.linter.context import Context
from transcripts.linter.sentence_keys import SEPARATOR, keys, sentence_key, sentence_spans
from transcripts.model import Block, Kind, Transcript


def _keys(text: str) -> list[str]:
    transcript = Transcript(blocks=[Block(Kind.TURN, text, 1, 1, "Ana")])
    return Context(transcript).sentences().all_keys()


def test_sentences_are_folded_and_cut_where_a_reader_would_cut_them():
    text = (
        "Take on the U.S. claims, Mr. Smith? It is 3.5 percent... “Yes!” she said. "
        "J. Smith went. OK?! Fine — state-of-the-art, don't (ok).\n\nNew paragraph"
    )
    assert _keys(text) == [
        "take on the us claims mr smith?",
        "it is 35 percent",
        "yes she said",
        "j smith went",
        "ok",
        "fine state of the art don t ok",
        "new paragraph",
    ]
    spans = [text[start:end] for start, end in sentence_spans(text)]
    assert spans == [
        "Take on the U.S. claims, Mr. Smith?",
        "It is 3.5 percent...",
        "“Yes!” she said.",
        "J. Smith went.",
        "OK?!",
        "Fine — state-of-the-art, don't (ok).",
        "New paragraph",
    ]


_PIECES = [
    *list("aB .?!…？。\n\"“”'’,-3xYzÉ\x00\x02\x1f\x01\x03\t"),
    *["Mr.", "U.S.", " the ", "\n\n", ". The", " ?", "  ", "ß", "İ", "Σ"],
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_every_sentence_of_the_table_has_its_offsets(texts):
    blocks = [Block(Kind.TURN, text, 2 * n + 1, 2 * n + 1, "Ana") for n, text in enumerate(texts)]
    table = Context(Transcript(blocks=blocks)).sentences()
    for index, key in enumerate(table.all_keys()):
        if key == SEPARATOR:
            continue
        sentence = table.at(index)
        spans = sentence_spans(blocks[sentence.block].text)
        assert sentence.ordinal < len(spans), (texts, key)
    # and every block's sentences are numbered alike by both
    counted = [0] * len(blocks)
    for index, key in enumerate(table.all_keys()):
        if key != SEPARATOR:
            counted[table.at(index).block] += 1
    for number, block in enumerate(blocks):
        if block.text and number in table.block_ids:
            assert counted[number] == len(sentence_spans(block.text)), block.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_lint_never_crashes_on_any_text(text):
    if not text.strip():
        return
    transcripts.lint(transcripts.parse(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_the_fast_keys_are_the_keys_of_the_sentences_the_rule_cuts(texts):
    expected = []
    for number, text in enumerate(texts):
        if number:
            expected.append(SEPARATOR)
        text = text.replace(SEPARATOR, " ")
        expected += [k for k in map(sentence_key, words.sentences(text)) if k not in ("", "?")]
    assert keys(texts) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=8), st.integers(1, 40))
def test_keys_folded_in_batches_are_the_keys_folded_at_once(texts, batch_chars):
    from transcripts.linter import sentence_keys

    whole = keys(texts)
    saved = sentence_keys.BATCH_CHARS
    sentence_keys.BATCH_CHARS = batch_chars
    try:
        assert keys(texts) == whole
    finally:
        sentence_keys.BATCH_CHARS = saved


def _repetitions() -> str:
    """A talk each repetition rule finds something in (a pasted passage, a rephrased
    sentence, a question asked again)."""
    filler = [
        f"{'BEN' if n % 2 else 'CAL'}: Filler line {n} says something about the weather."
        for n in range(12)
    ]
    pasted = (
        "ANA: I have worked on this farm for thirty years and I know every single field "
        "of it. The rain came late that year."
    )
    turns = [
        pasted,
        "BEN: I don't think anyone wants to see this conflict grow any wider than it is.",
        "ANA: Who was the farm leader of the UK farm at that time, do you remember?",
        "ANA: What did you grow on the farm in those years, barley or wheat?",
        "ANA: Where did you sell the potatoes that you grew on the farm?",
        *filler[:6],
        pasted,
        *filler[6:],
        "BEN: I do not think anyone wants to see this conflict grow any wider than it is.",
        "ANA: And who was the leader of the UK Farm at the time, do you remember?",
    ]
    return "\n\n".join(turns) + "\n"


def test_keys_that_share_a_hash_are_told_apart_by_their_text(monkeypatch):
    """The sentence table keeps hashes, not text: when every long key shares one hash,
    the repetition rules still find exactly what they find with honest hashes."""
    from transcripts.linter import passages

    expected = transcripts.lint(transcripts.parse(_repetitions()))
    assert {"TR201", "TR202", "TR203"} <= {finding.code for finding in expected}
    honest = hash
    # (the ends of long keys, of `EDGE` characters, keep their own hashes)
    colliding = lambda key: 7 if len(key) > passages.EDGE else honest(key)  # noqa: E731
    monkeypatch.setattr(passages, "hash", colliding, raising=False)
    assert transcripts.lint(transcripts.parse(_repetitions())) == expected
