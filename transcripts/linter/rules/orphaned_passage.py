"""Text inside the dialogue that belongs to no speaker.

A paragraph between the first and the last turn that has no label and does not continue
the turn before it (the parser's `unattributed` blocks): a fragment left between turns,
a sentence cut at the start or the end, a question with nobody asking it. It usually
means a speaker label was lost in editing, or text was pasted in the wrong place.

The message says what the passage looks like (a question with no asker, a sentence
that starts in lower case or stops without punctuation) and, for a question, who
probably asked it when one speaker has asked nearly all questions so far ("probably
Interviewer: 6 of 6 questions so far are theirs").

Consecutive paragraphs of such text are one passage, reported once at its first line.
Only passages that read as lost speech are reported: short (a passage longer than
`max-words` words is a document read into the record: an amendment, a letter, an
article), running text (a list of names, a title, a table of contents or a page header
has fewer than two words in five in lower case), and speech rather than narration (a
question, a sentence cut at its start, or words with "I", "you" or "we": "So the
amendment was rejected." is the record's narration, not a lost turn).

Options:
  max-words: longest passage, in words, taken for lost speech (default 60)
  guess-after: questions asked before a guess is made (default 3)
  guess-share: share of those questions one speaker must have asked (default 0.8)

Example (line 22 has lost its label):
  Lukashenko: ... seeking peace should always outweigh the impulse to escalate.
  Take on the U.S. claims regarding North Korean soldiers in Russia?
  Lukashenko: The United States often seeks to manipulate narratives ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...model import Block, Kind, Transcript
from ...words import count_words, words
from ..context import RuleOptions
from ..finding import Problem
from ..text import locate, quote

CODE = "TR101"
NAME = "orphaned-passage"
SEVERITY = "warning"
OPTIONS = {"max-words": 60, "guess-after": 3, "guess-share": 0.8}

# Words that mark speech: someone speaking of themselves or to someone.
_PERSONAL = frozenset(
    """i i'm i’m i've i’ve i'd i’d i'll i’ll me my mine we we're we’re we've we’ve we'll
    we’ll us our ours you you're you’re you've you’ve you'll you’ll your yours""".split()
)

# Blocks that may sit inside one lost passage without ending it (a page break).
_WITHIN_A_PASSAGE = frozenset({Kind.LAYOUT, Kind.TIMESTAMP})

_CLOSING = ".?!…:;\"'”’)]—–-"  # a sentence or a cut-off turn may end with these


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    dialogue = options.context.dialogue()
    if not dialogue or Kind.UNATTRIBUTED not in options.context.kinds():
        return
    blocks = transcript.blocks
    askers: Counter[str] = Counter()  # turns that ask a question, per speaker, so far
    passage: list[Block] = []  # consecutive unattributed blocks: one lost passage
    for index in dialogue:
        block = blocks[index]
        if block.kind == Kind.UNATTRIBUTED:
            passage.append(block)
            continue
        if block.kind in _WITHIN_A_PASSAGE and passage:
            continue
        if passage:
            problem = _check_passage(passage, askers, options)
            if problem:
                yield problem
            passage = []
        if block.kind == Kind.TURN and "?" in block.text and block.speaker and not block.continued:
            askers[block.speaker] += 1


def _check_passage(
    passage: list[Block], askers: Counter[str], options: RuleOptions
) -> Problem | None:
    """The problem with one run of unattributed blocks, if it reads as a lost piece of
    the conversation rather than a document read into the record."""
    text = "\n\n".join(block.text for block in passage)
    if (
        count_words(text) > options["max-words"]
        or not _reads_as_text(text)
        or not _reads_as_speech(text)
    ):
        return None
    first = passage[0]
    line, column = locate(first, 0)
    message = f"{quote(text)} belongs to no speaker: {_what_it_looks_like(text)}"
    guess = _likely_asker(text, askers, options)
    if guess:
        message += f"; {guess}"
    return Problem(line, message, column, end_line=passage[-1].end_line)


def _reads_as_text(text: str) -> bool:
    """Does the passage read as running text (at least two words in five in lower
    case), rather than a list of names, a title, a table of contents or a page header?"""
    tokens = words(text)
    if len(tokens) < 2:
        return bool(tokens) and text.rstrip().endswith("?")
    lower = sum(1 for token in tokens if token[0].islower())
    return lower >= 2 and 5 * lower >= 2 * len(tokens)


def _reads_as_speech(text: str) -> bool:
    """Is this likely someone's words rather than narration or a document: a question,
    a sentence cut at its start, or words spoken by or to a person (I, you, we)?"""
    stripped = text.strip()
    if stripped.rstrip("\"'”’)]").endswith("?"):
        return True
    tokens = words(stripped)
    if stripped[:1].islower() and len(tokens) >= 3:
        return True
    return any(token.lower() in _PERSONAL for token in tokens)


def _what_it_looks_like(text: str) -> str:
    stripped = text.strip()
    if stripped.endswith("?"):
        return "a question with no asker"
    if stripped[:1].islower():
        return "a fragment that starts mid-sentence"
    if stripped[-1:] not in _CLOSING:
        return "a sentence that stops without punctuation"
    return "a passage between turns with no label"


def _likely_asker(text: str, askers: Counter[str], options: RuleOptions) -> str | None:
    """ "probably X: n of m questions so far are theirs", when the roles make it likely."""
    if not text.rstrip().endswith("?"):
        return None
    total = sum(askers.values())
    if total < options["guess-after"] or not askers:
        return None
    speaker, count = askers.most_common(1)[0]
    if count / total < options["guess-share"]:
        return None
    return f"probably {speaker}: {count} of {total} questions so far are theirs"
