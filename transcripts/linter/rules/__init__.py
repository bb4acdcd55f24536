"""The lint rules, one module each; this tuple is the registry (in code order).

A rule module defines `CODE` (family letters and digits, e.g. `TR201`), `NAME`
(kebab-case, e.g. `duplicate-passage`), `SEVERITY` (`error`, `warning` or `info`),
`OPTIONS` (a dict of option names and defaults, possibly empty), a docstring that is its
documentation (`transcripts lint --explain NAME`) and `check(transcript, options)`, a
generator of `Problem`s. Families: TR1 speakers and turns, TR2 repeated passages, TR3
characters and punctuation, TR4 quotations.

A rule checked across files rather than in one transcript (`copied-passage`) also sets
`ACROSS = True`; its `check` finds nothing alone, and the lint pipeline reports it from
the files' joined sentences (`linter.across`).
"""

RULE_MODULES: tuple[str, ...] = (
    "orphaned_passage",
    "non_speaker_label",
    "speaker_variant",
    "consecutive_speaker",
    "empty_turn",
    "speakers_not_found",
    "swallowed_label",
    "lost_label",
    "duplicate_passage",
    "near_duplicate_passage",
    "repeated_question",
    "repeated_turn",
    "copied_passage",
    "duplicate_transcript",
    "unbalanced_quotes",
    "encoding",
    "invisible_character",
    "html_entity",
    "misquote",
    "misattributed_quote",
)
