"""A passage that also appears in another file: pasted from one transcript into another.

Checked when `lint` is given several files or a folder (or `--index FILE`, which keeps
an index of an archive between runs, so a new transcript is checked against all of
it). A passage is two or more consecutive sentences, or one long sentence, found word
for word in another file after folding case, spacing, quotes and punctuation. The
finding is on the later copy (files are taken in the order given, folders walked in
name order; files already in an `--index` come first), with the first file that holds
the passage as its related location. A passage in N files gives N - 1 findings, each
against the first copy.

Natural sharing is left alone:
- boilerplate: a sentence held by more than `max-files` files (a show's standard
  introduction, "Thank you for joining us.", a licence) is never part of a copy;
- short sentences: fewer than 20 characters once folded are not indexed;
- short passages: a run of sentences shorter than `min-length` folded characters in
  all, or a lone sentence shorter than `long-sentence`;
- openings and closings: a passage among the first four or the last four indexed
  sentences of both files is a show's standard welcome or sign-off;
- text outside the dialogue: a passage must be in a speaker's turns in both files
  (a quotation of an interview in an article's prose is not a pasting mistake);
- the same interview filed twice is one `duplicate-transcript` finding instead.

Options:
  max-files: a sentence in more files than this is boilerplate (default 3)
  min-length: shortest run of two or more sentences to report, in folded characters
    (default 80)
  long-sentence: shortest single sentence to report alone, in folded characters
    (default 150)

Example (`lint a.txt b.txt`, b.txt pasted a turn of a.txt):
  b.txt:14:7: TR205 [copied-passage] also in a.txt line 9 (2 sentences): “We closed ...”
"""

from __future__ import annotations

CODE = "TR205"
NAME = "copied-passage"
SEVERITY = "warning"
OPTIONS = {"max-files": 3, "min-length": 80, "long-sentence": 150}
#: Checked across files (`linter.across`), not one transcript at a time: no `check`.
ACROSS = True
