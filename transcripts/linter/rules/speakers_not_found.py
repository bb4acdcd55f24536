"""Speakers not found: the document's speaker labels were not recognised, or barely.

The text reader infers each document's label convention from the document itself. When it
finds no speaker at all, or its labels attribute less than about half of the text that
reads as speech, everything that stands on the parse (turn counts, the other rules) is
unreliable: the labels may be written in a way the reader did not take for labels. The
finding names the most frequent label-like lines that were not taken and why.

Ways out: `transcripts parse --explain FILE` shows what was inferred and why; declare the
speakers with `--speaker NAME` (or `speakers:` in the configuration or front matter).

Example (each speaker's name, alone and unmarked, over one line of speech):
  Ana
  Where were you?
  Ben
  At home.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem

CODE = "TR106"
NAME = "speakers-not-found"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {}


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    inference = transcript.inference
    warning = getattr(inference, "warning", None)
    if not warning:
        return
    rejected = getattr(inference, "rejected", None) or []
    line = 1
    if rejected:
        family = max(rejected, key=lambda rejection: len(rejection.family.uses)).family
        line = family.uses[0].line + 1
    elif transcript.blocks:
        line = transcript.blocks[0].line or 1
    yield Problem(line, warning[:1].upper() + warning[1:])
