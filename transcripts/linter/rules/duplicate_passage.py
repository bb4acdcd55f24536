"""A sentence or paragraph that appears again, word for word.

Sentences are compared after folding case, spacing, quotes and punctuation, anywhere in
the file (turns, unattributed text, notes and prose; not headings, page furniture or
stage directions). The finding is on the later copy, with the earlier one as its related
location; consecutive repeated sentences are reported once, as one passage (short ones
included when they are part of it).

Natural repetition is left alone:
- short sentences ("Thank you.", "Aye. Aye.", "Are you going to pack the court?"):
  fewer than `min-length` characters once folded (about seven words);
- formulas: a sentence that occurs `formula-repeats` times or more is a refrain or a
  procedural line ("The Clerk will designate the amendment."), not a pasting mistake;
  so is one whose first or last twenty characters open or close that many different
  sentences ("Mr. Chairman, I yield 2 minutes to ...", "... is recognized for 5
  minutes.");
- refrains: a sentence of a song or a poem (a block of four lines or more, nearly all
  short and capitalised) sung again;
- headings, addresses and rolls of names (every longer word capitalised) and notes in
  brackets, which repeat by design;
- insistence: a speaker saying a sentence again in the same turn or within their next
  `insist-turns` turns (interrupted speakers repeat themselves). A repeated run of two
  sentences or more is always reported;
- two speakers saying the same sentence: a formula ("Mr. Chief Justice, and may it
  please the Court:") or one quoting the other, unless `across-speakers` is true;
- one sentence repeated amid different words at both places (neither copy is a whole
  paragraph): a formula or a talking point ("Your Honor, at this time I would like to
  offer a stipulation between the parties."). A pasting mistake copies a paragraph, or
  at least two sentences together.

Options:
  min-length: shortest sentence worth reporting, in characters after folding case,
    punctuation and spacing (default 40)
  formula-repeats: occurrences from which a sentence counts as a formula (default 3;
    0 reports every repeat)
  insist-turns: a speaker's own turns within which a repeated sentence is insistence
    (default 3; 0 reports those too)
  across-speakers: report a sentence repeated by another speaker too (default false)

Example (line 30 repeats the first sentence of line 19):
  19 Interviewer: Thank you for your insights, President Lukashenko. Given this ...
  30 Interviewer: Thank you for your insights, President Lukashenko.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..repeats import (
    Repeat,
    across_speakers,
    extend_runs,
    group_runs,
    in_verse,
    insisting,
    problems,
)

CODE = "TR201"
NAME = "duplicate-passage"
SEVERITY = "warning"
USES = ("sentences",)  # the shared sentence table (see `Context.LARGE`)
OPTIONS = {"min-length": 40, "formula-repeats": 3, "insist-turns": 3, "across-speakers": False}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    table = options.context.sentences()
    shortest = options["min-length"]
    formula = options["formula-repeats"] or float("inf")
    # Sentences seen more than once, with where they are (most sentences occur once).
    repeated = {
        key: where for key, where in table.repeated(shortest).items() if len(where) < formula
    }
    if not repeated:
        return
    edges = options.context.sentence_edges()
    repeats: list[Repeat] = []
    for key, where in repeated.items():
        if edges.variants(key) < formula:
            first = table.at(where[0])
            repeats.extend(Repeat(table.at(later), first) for later in where[1:])
    runs = [
        run
        for run in extend_runs(group_runs(repeats), table)
        if not insisting(run, options.context, options["insist-turns"])
        and not in_verse(run, options.context)
        and (options["across-speakers"] or not across_speakers(run, options.context))
    ]
    yield from problems(transcript, runs, "repeats")
