"""Text inside the dialogue that belongs to no speaker.

A paragraph between the first and the last turn that has no label and does not continue
the turn before it (the parser's `unattributed` blocks): a fragment left between turns,
a sentence cut at the start or the end, a question with nobody asking it. It usually
means a speaker label was lost in editing, or text was pasted in the wrong place.

The message says what the passage looks like (a question with no asker, a sentence
that starts in lower case or stops without punctuation) and, for a question, who
probably asked it when one speaker has asked nearly all questions so far ("probably
Interviewer: 6 of 6 questions so far are theirs").

Only passages that read as running text are reported (at least two words in five in
lower case): a list of names (a roll call), a title, a table of contents or a page
header is layout, not a lost line of speech.

Options:
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

from ...model import Kind, Transcript
from ...words import words
from ..context import RuleOptions
from ..finding import Problem
from ..text import locate, quote

CODE = "TR101"
NAME = "orphaned-passage"
SEVERITY = "warning"
OPTIONS = {"guess-after": 3, "guess-share": 0.8}

_CLOSING = ".?!…:;\"'”’)]—–-"  # a sentence or a cut-off turn may end with these


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    dialogue = options.context.dialogue()
    if not dialogue or Kind.UNATTRIBUTED not in options.context.kinds():
        return
    askers: Counter[str] = Counter()  # turns that ask a question, per speaker, so far
    for index in dialogue:
        block = transcript.blocks[index]
        if block.kind == Kind.TURN:
            if "?" in block.text and block.speaker and not block.continued:
                askers[block.speaker] += 1
            continue
        if block.kind != Kind.UNATTRIBUTED or not _reads_as_text(block.text):
            continue
        line, column = locate(block, 0)
        message = f"{quote(block.text)} belongs to no speaker: {_what_it_looks_like(block.text)}"
        guess = _likely_asker(block.text, askers, options)
        if guess:
            message += f"; {guess}"
        yield Problem(line, message, column, end_line=block.end_line)


def _reads_as_text(text: str) -> bool:
    """Does the passage read as running text (at least two words in five in lower
    case), rather than a list of names, a title, a table of contents or a page header?"""
    tokens = words(text)
    if len(tokens) < 2:
        return bool(tokens) and text.rstrip().endswith("?")
    lower = sum(1 for token in tokens if token[0].islower())
    return lower >= 2 and 5 * lower >= 2 * len(tokens)


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
