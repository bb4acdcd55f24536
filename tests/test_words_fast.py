"""The fast twins in `transcripts.words_fast` agree with the reference rules in `words`."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts import words
from transcripts import words_fast as fast

_AFTER_END = re.compile(f"{fast.SPARED}*[{re.escape(words.CLOSERS)}]*")
_CUT = re.compile(f"[{re.escape(words.TERMINALS)}{fast.BOUNDARY}{fast.PARAGRAPH}]")


def spans_of(text: str, marked: str) -> list[tuple[int, int]]:
    """The sentence spans the marks say: a sentence runs to its end mark with the run's
    spared marks and the closing quotes after them, or to a boundary or paragraph break,
    without the white space around it."""
    spans = []
    start = 0
    for found in [*_CUT.finditer(marked), None]:
        at = len(marked) if found is None else found.start()
        stop = at
        if found is not None and found.group() in words.TERMINALS:
            stop = _AFTER_END.match(marked, at + 1).end()  # type: ignore[union-attr]
        left, right = start, stop
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            spans.append((left, right))
        start = max(stop, at + 1)
    return spans


def reference(text: str) -> list[tuple[int, int]]:
    """`words.sentence_spans` of each of the texts joined by the boundary."""
    spans = []
    offset = 0
    for part in text.split(fast.BOUNDARY):
        spans += [(offset + a, offset + b) for a, b in words.sentence_spans(part)]
        offset += len(part) + 1
    return spans


def agree(text: str) -> None:
    marked = fast.mark_sentence_ends(text)
    assert len(marked) == len(text)
    expected = reference(text)
    assert spans_of(text, marked) == expected, (text, marked)
    questions = sum(words.is_question(text[a:b]) for a, b in expected)
    assert fast.count_sentences(text) == (len(expected), questions), (text, marked)
    assert fast.count_sentences(fast.BOUNDARY + text) == (len(expected), questions), text
    # The abbreviation checks may be skipped where no token may hold an abbreviation.
    tokens = text.replace(fast.BOUNDARY, " ").split()
    if not fast.checks_abbreviations(map(fast.abbreviation_kind, tokens)):
        assert fast.mark_sentence_ends(text, abbreviations=False) == marked, text


# Pieces that exercise every rule: runs of marks, closers and openers, abbreviations in any
# case, initials, numbers after "No.", paragraph breaks, other scripts, the marks' own
# control characters, boundaries.
PIECES = [
    *"aBzZ0 .?!…。？！؟\n\t\"'“”‘’«»()[]¿¡—-$",
    "Mr", "mR", "MRS", "U.S", "e.g", "No", "no", "nos", "p", "pp", "approx", "etc", "J", "Ж",
    "ж", "É", "é", "İ", "Σ", "5", "٣", "½", " \n\n", "\n \n", "\r\n\r\n", "\xa0", "\u2003", "A.",
    "….", ".!", "?.", "S.B", "ſt", "\u212a",
    "\x01", "\x02", "\x03", "\x1f", "\x00", " The", " the", "好", "你",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_marked_sentence_ends_agree_with_the_reference(text):
    agree(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_marked_sentence_ends_agree_on_any_text(text):
    agree(text)


ascii_tokens = st.text(st.characters(max_codepoint=127), min_size=1, max_size=12).filter(
    lambda token: not any(c.isspace() for c in token)
)


@settings(max_examples=500)
@given(ascii_tokens)
def test_ascii_tokens_are_judged_as_the_word_rules_judge_them(token):
    fast.is_plain_word.cache_clear()
    assert fast.is_plain_word(token) == (
        len(words.token_words(token)) == 1 and not words.is_unintelligible(token)
    )
