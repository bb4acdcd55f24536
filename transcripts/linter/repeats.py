"""Turning pairs of repeated sentences into findings: runs of sentences that repeat a run
of earlier ones become one finding for the whole passage (a pasted paragraph is one
defect, not five)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..compiled import kept
from ..model import Block, Kind, Transcript
from ..plurals import plural
from .context import Context
from .finding import Problem
from .passages import Sentence, SentenceTable
from .sentence_keys import sentence_spans
from .text import locate, quote


class Repeat(NamedTuple):
    """Sentence `later` repeats sentence `earlier`."""

    later: Sentence
    earlier: Sentence


_GAP = 5  # sentences that may be skipped inside a run (edited, or too short to compare)


def group_runs(repeats: Iterable[Repeat]) -> list[list[Repeat]]:
    """Repeats in source order, grouped into runs: a repeat joins the run before it when
    both its copies follow that run's copies closely (in the same block or the next
    blocks), so a pasted passage of several paragraphs is one run."""
    ordered = sorted(repeats, key=lambda r: (r.later.block, r.later.ordinal))
    runs: list[list[Repeat]] = []
    for repeat in ordered:
        if runs:
            last = runs[-1][-1]
            if _follows(last.later, repeat.later) and _follows(last.earlier, repeat.earlier):
                runs[-1].append(repeat)
                continue
        runs.append([repeat])
    return runs


def extend_runs(runs: list[list[Repeat]], table: SentenceTable) -> list[list[Repeat]]:
    """Each run grown by the sentences around it that repeat too, however short: a
    pasted paragraph is repeated whole, its "Thank you." included."""
    grown = []
    for run in runs:
        first, last = run[0], run[-1]
        before = []
        later, earlier = first.later, first.earlier
        while True:
            later = Sentence(later.block, later.ordinal - 1)
            earlier = Sentence(earlier.block, earlier.ordinal - 1)
            if not table.same(later, earlier) or later == first.earlier:
                break
            before.append(Repeat(later, earlier))
        after = []
        later, earlier = last.later, last.earlier
        while True:
            later = Sentence(later.block, later.ordinal + 1)
            earlier = Sentence(earlier.block, earlier.ordinal + 1)
            if not table.same(later, earlier) or earlier == first.later:
                break
            after.append(Repeat(later, earlier))
        grown.append([*reversed(before), *run, *after])
    return grown


def _follows(before: Sentence, after: Sentence) -> bool:
    if after.block == before.block:
        return 0 < after.ordinal - before.ordinal <= _GAP + 1
    return 0 < after.block - before.block <= 3 and after.ordinal <= _GAP


# Words of four letters or more: in running text some are in lower case.
_LONG_WORD = kept(r"[^\W\d_]{4,}")


def furniture(text: str) -> bool:
    """Does this "sentence" repeat by design: a heading, an address or a roll of names
    (every longer word capitalised), or a note in brackets?"""
    stripped = text.strip().strip("\"'“”‘’")
    if stripped[:1] in "([" and stripped[-1:] in ")]":
        return True
    long_words = _LONG_WORD.findall(stripped)
    return len(long_words) >= 2 and all(word[0].isupper() for word in long_words)


def insisting(run: list[Repeat], context: Context, turns: int) -> bool:
    """Is this a speaker saying one sentence again within their next `turns` turns (or
    later in the same turn)? Speakers who are interrupted or ignored repeat themselves;
    a pasting mistake repeats a passage. A run of two sentences or more is never this."""
    if len(run) > 1 or turns <= 0:
        return False
    later = context.turn_number(run[0].later.block)
    earlier = context.turn_number(run[0].earlier.block)
    return (
        later is not None
        and earlier is not None
        and later[0] == earlier[0]
        and later[1] - earlier[1] <= turns
    )


def across_speakers(run: list[Repeat], context: Context) -> bool:
    """Are the two copies in turns of different speakers? Two people saying the same
    sentence are reciting a formula ("Mr. Chief Justice, and may it please the Court")
    or quoting each other, not pasting by mistake."""
    later = context.turn_number(run[0].later.block)
    earlier = context.turn_number(run[0].earlier.block)
    return later is not None and earlier is not None and later[0] != earlier[0]


def embedded(run: list[Repeat], spans: Spans) -> bool:
    """Is this one sentence repeated inside other text at both places? A pasted passage
    is a paragraph or more; a lone sentence amid different words on both sides is a
    formula or a talking point ("Your Honor, at this time I would like to offer a
    stipulation between the parties.", said before each exhibit)."""
    if len(run) > 1:
        return False
    return not spans.stands_alone(run[0].later) and not spans.stands_alone(run[0].earlier)


class Spans:
    """Sentence offsets per block, computed only for the blocks a finding needs."""

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def span(self, sentence: Sentence) -> tuple[int, int]:
        spans = self._spans.get(sentence.block)
        if spans is None:
            spans = self._spans[sentence.block] = sentence_spans(
                self.transcript.blocks[sentence.block].text
            )
        if sentence.ordinal < len(spans):
            return spans[sentence.ordinal]
        return 0, len(self.transcript.blocks[sentence.block].text)  # cannot happen; be safe

    def stands_alone(self, sentence: Sentence) -> bool:
        """Is the sentence a whole paragraph of its block (its turn, if one paragraph)?"""
        text = self.transcript.blocks[sentence.block].text
        start, end = self.span(sentence)
        paragraph_start = text.rfind("\n\n", 0, start)
        paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
        paragraph_end = text.find("\n\n", end)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        return not text[paragraph_start:start].strip() and not text[end:paragraph_end].strip()

    def text(self, sentence: Sentence) -> str:
        start, end = self.span(sentence)
        return self.transcript.blocks[sentence.block].text[start:end]

    def start(self, sentence: Sentence) -> tuple[int, int]:
        block = self.transcript.blocks[sentence.block]
        return locate(block, self.span(sentence)[0])

    def end(self, sentence: Sentence) -> tuple[int, int]:
        block = self.transcript.blocks[sentence.block]
        return locate(block, self.span(sentence)[1])


def problems(
    transcript: Transcript,
    runs: Iterable[list[Repeat]],
    verb: str,
    spans: Spans | None = None,
) -> Iterator[Problem]:
    """One problem per run: "<verb> line 19: “…”" at the later copy, the earlier related.
    Runs of headings, addresses and bracketed notes only are skipped (see `furniture`),
    and so are lone sentences embedded in other text at both places (see `embedded`)."""
    spans = spans or Spans(transcript)
    for run in runs:
        if embedded(run, spans):
            continue
        if all(furniture(spans.text(repeat.later)) for repeat in run):
            continue
        first, last = run[0], run[-1]
        line, column = spans.start(first.later)
        end_line, end_column = spans.end(last.later)
        earlier_line, earlier_column = spans.start(first.earlier)
        earlier_end, _ = spans.end(last.earlier)
        where = (
            f"line {earlier_line}"
            if earlier_end == earlier_line
            else f"lines {earlier_line}-{earlier_end}"
        )
        size = f" ({plural(len(run), 'sentence')})" if len(run) > 1 else ""
        yield Problem(
            line,
            f"{verb} {where}{size}: {quote(spans.text(first.earlier))}",
            column,
            end_line=end_line,
            end_column=end_column,
            related=((earlier_line, earlier_column),),
        )


def in_verse(run: list[Repeat], context: Context) -> bool:
    """Is either copy of the run in a block of verse (a song, a poem): four lines or
    more, nearly all short and opening with a capital? A line repeated from a song is
    its refrain, sung again by design."""
    blocks = context.transcript.blocks
    return any(
        _is_verse(_lines_around(blocks, sentence.block))
        for repeat in run
        for sentence in (repeat.earlier, repeat.later)
    )


def _lines_around(blocks: list[Block], index: int) -> list[str]:
    """The block's lines; for text outside the turns (where a reader may have put each
    line of a song in a block of its own), those of its neighbours of the same kind too.
    A turn's neighbours are other turns, whose short lines make no song."""
    block = blocks[index]
    if block.kind == Kind.TURN:
        near = [block]
    else:
        near = [b for b in blocks[max(0, index - 3) : index + 4] if b.kind == block.kind]
    return [line.strip() for b in near for line in b.text.split("\n") if line.strip()]


def _is_verse(lines: list[str]) -> bool:
    if len(lines) < 4:
        return False
    verse = [line for line in lines if len(line) <= 60 and line.lstrip("\"“‘'([_")[:1].isupper()]
    return len(verse) >= 0.75 * len(lines)


#: The family of the rules that report a passage repeating another.
REPEAT_FAMILY = "TR2"


def one_finding_per_copy(problems: dict[str, list[Problem]]) -> dict[str, list[Problem]]:
    """`problems` (by rule code) without the repeat findings that lie inside another
    repeat rule's finding of the same copy: a stretch pasted again with a few edits is
    found partly word for word (duplicate-passage) and partly nearly (near-duplicate-
    passage), and is one defect, reported once as the longer span. A finding is inside
    another when its lines are, and so are the lines it repeats (the other's earlier copy
    taken as long as its later one). Sorting and a running maximum keep this
    O(n log n) in the findings."""
    spans = sorted(
        (problem.line, problem.end_line or problem.line, problem.related[0][0], code)
        for code, found in problems.items()
        if code.startswith(REPEAT_FAMILY)
        for problem in found
        if problem.related
    )
    if len(spans) < 2:
        return problems
    starts = [span[0] for span in spans]
    widest: list[tuple[int, int, int, str]] = []  # the span reaching furthest so far
    for span in spans:
        widest.append(span if not widest or span[1] > widest[-1][1] else widest[-1])

    def absorbed(code: str, problem: Problem) -> bool:
        if not problem.related:
            return False
        end = problem.end_line or problem.line
        index = bisect.bisect_right(starts, problem.line) - 1
        if index < 0:
            return False
        line, outer_end, earlier, outer_code = widest[index]
        if outer_code == code or outer_end < end or (line, outer_end) == (problem.line, end):
            return False
        related = problem.related[0][0]
        return earlier <= related <= earlier + (outer_end - line)

    return {
        code: [p for p in found if not absorbed(code, p)]
        if code.startswith(REPEAT_FAMILY)
        else found
        for code, found in problems.items()
    }
