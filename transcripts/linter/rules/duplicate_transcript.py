"""The same interview filed twice: most of a file's sentences are in one other file.

Checked when `lint` is given several files or a folder (or `--index FILE`). When at
least `share` of the sentences of one of two files (of the shorter, when they differ)
are in the other, and at least `min-sentences` of them, the later file gets one finding
at its first line naming the earlier one, instead of a `copied-passage` finding for each
passage. Two formats of one recording (an SRT and a WebVTT of the same captions) are
the same interview too. Boilerplate (sentences held by more than `max-files` files) and
sentences shorter than 20 folded characters do not count.

Options:
  share: the part of a file's sentences that makes it a copy (default 0.5)
  min-sentences: the fewest shared sentences for that (default 5)
  max-files: a sentence in more files than this is boilerplate (default 3)

Example (`lint archive/`, one interview saved under two names):
  archive/b.txt:1:1: TR206 [duplicate-transcript] the same interview as archive/a.txt
  (212 of 230 sentences)
"""

from __future__ import annotations

CODE = "TR206"
NAME = "duplicate-transcript"
SEVERITY = "warning"
OPTIONS = {"share": 0.5, "min-sentences": 5, "max-files": 3}
#: Checked across files (`linter.across`), not one transcript at a time: no `check`.
ACROSS = True
