"""The interviewer asking the same question again.

A question whose content words (the words left after dropping function words such as
"the", "do", "you", "what") are exactly those of a question the same speaker asked in
an earlier turn, with someone else's turn in between: "Who was the farm leader of the
UK farm at that time?" and, later, "And who was the leader of the UK Farm at the
time?". In an edited interview it is usually a question pasted twice or a follow-up
that lost its new part; in a raw transcript it may be a question the guest dodged,
which is worth knowing too. That is why this rule is informational.

Only the questions of the interviewers count: speakers who asked at least `asker-share`
of all the turns that ask something (the moderator of a debate, the examining attorney,
the reporters' `Q`), since the other side's questions are mostly rhetorical. A question
needs at least `min-words` content words to be compared (short ones such as "Why?" or
"Is that true?" recur naturally). Questions repeated word for word are left to
duplicate-passage.

Options:
  min-words: fewest content words a question needs to be compared (default 4)
  asker-share: share of the asking turns that makes a speaker an interviewer
    (default 0.3)

Example:
  Interviewer: Who was the farm leader of the UK farm at that time?
  ...
  Interviewer: And who was the leader of the UK Farm at the time?
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import compress, repeat
from operator import itemgetter

from ...model import Kind, Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..passages import Sentence
from ..repeats import Spans
from ..text import FUNCTION_WORDS, quote

CODE = "TR203"
NAME = "repeated-question"
SEVERITY = "info"
USES = ("sentences",)  # the shared sentence table (see `Context.LARGE`)
OPTIONS = {"min-words": 4, "asker-share": 0.3}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    askers = _interviewers(transcript, options["asker-share"])
    if not askers:
        return
    table = options.context.sentences()
    min_words = options["min-words"]
    number = options.context.turn_number
    questions = dict.fromkeys(  # in order of first appearance
        key
        for index, key in table.questions()
        if (number(table.at(index).block) or ("",))[0] in askers
    )
    # Content words of each different question, by C-level maps; Python code only sees
    # the questions whose content words another wording shares.
    words = map(str.split, map(itemgetter(slice(None, -1)), questions))
    contents = list(map(frozenset, map(set.difference, map(set, words), repeat(FUNCTION_WORDS))))
    shared = Counter(contents)
    wordings: defaultdict[frozenset[str], list[str]] = defaultdict(list)
    for key, content in compress(
        zip(questions, contents, strict=True), map((1).__lt__, map(shared.__getitem__, contents))
    ):
        if len(content) >= min_words:
            wordings[content].append(key)
    families = [keys for keys in wordings.values() if len(keys) > 1]
    if not families:
        return
    where = table.locate(key for family in families for key in family)
    spans = Spans(transcript)
    for wordings_of_one in families:
        asked = sorted(
            (sentence.block, sentence.ordinal, key)
            for key in wordings_of_one
            for sentence in where[key]
            if (number(sentence.block) or ("",))[0] in askers
        )
        reported: set[str] = set()
        for position, (block, ordinal, key) in enumerate(asked):
            speaker, own, turn = number(block)  # type: ignore[misc]
            for earlier_block, earlier_ordinal, earlier_key in asked[:position]:
                earlier_speaker, earlier_own, earlier_turn = number(earlier_block)  # type: ignore[misc]
                if (
                    key in reported
                    or earlier_key == key
                    or earlier_speaker != speaker
                    or earlier_own == own
                    or turn - earlier_turn < 2
                ):
                    continue
                reported.add(key)
                later = Sentence(block, ordinal)
                earlier = Sentence(earlier_block, earlier_ordinal)
                line, column = spans.start(later)
                earlier_line, earlier_column = spans.start(earlier)
                yield Problem(
                    line,
                    f"{speaker} asks again what they asked at line {earlier_line}: "
                    f"{quote(spans.text(earlier))}",
                    column,
                    related=((earlier_line, earlier_column),),
                )


def _interviewers(transcript: Transcript, share: float) -> set[str]:
    """Speakers who asked at least `share` of the turns that ask a question (and three
    such turns at least)."""
    asking: Counter[str] = Counter(
        block.speaker
        for block in transcript.blocks
        if block.kind == Kind.TURN and block.speaker and "?" in block.text
    )
    total = sum(asking.values())
    return {speaker for speaker, count in asking.items() if count >= 3 and count >= share * total}
