"""A passage that repeats an earlier one with small edits.

A sentence that is nearly the same as an earlier one: a word changed, a word added or
dropped, contractions expanded ("don't" / "do not"). Similarity is the share of words
the two sentences have in common, in the same order (2 × matching words / all words),
with contractions expanded, and must reach `threshold`. Exact repeats are left to
duplicate-passage; consecutive near-repeated sentences are reported once, as one
passage.

Candidates are found in time linear in the input, never by comparing all pairs: each
sentence is indexed by its first and its last twenty characters (after folding case and
punctuation), so a copy whose edits all fall in one half of the sentence meets its
original in the index.

Natural variation is left alone: sentences shorter than `min-words` words (short ones
are alike by chance); families of three or more variants, and sentences whose first or
last twenty characters open or close three or more different sentences (formulas such
as "The question is on the amendment offered by Mr. X.", "Mr. Chairman, I yield 2
minutes to ..."); sentences that differ only in numbers; a speaker rephrasing a sentence in
the same turn or within their next `insist-turns` turns; and a question that nearly
repeats an earlier sentence (a question asked again, or someone's words quoted back to
them: repeated-question's business, not a pasting mistake); unless
`across-speakers` is true, a sentence another speaker nearly said before (a paraphrase
or a quotation); and one sentence amid different words at both places (neither copy is
a whole paragraph).

A stretch pasted again with edits is found partly word for word by duplicate-passage
and partly here; it is one defect, reported once, as the longer span (the linter drops
a repeat finding that lies inside another rule's finding of the same copy).

Options:
  min-words: shortest sentence, in words, worth comparing (default 10)
  threshold: lowest similarity reported, between 0 and 1 (default 0.9)
  formula-repeats: variants from which a family of sentences counts as a formula
    (default 3; 0 reports every one)
  insist-turns: a speaker's own turns within which a rephrased sentence is not
    reported (default 3; 0 reports those too)
  across-speakers: report a sentence another speaker nearly said before (default false)

Example:
  Lukashenko: I don't think anyone wants to see this conflict grow any wider.
  ...
  Lukashenko: I do not think anyone wants to see this conflict grow any wider.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ...compiled import kept
from ...model import Transcript
from ..context import RuleOptions
from ..finding import Problem
from ..passages import EDGE, word_count
from ..repeats import Repeat, Spans, across_speakers, group_runs, insisting, problems

CODE = "TR202"
NAME = "near-duplicate-passage"
SEVERITY = "warning"
USES = ("sentences",)  # the shared sentence table (see `Context.LARGE`)
OPTIONS = {
    "min-words": 10,
    "threshold": 0.9,
    "formula-repeats": 3,
    "insist-turns": 3,
    "across-speakers": False,
}

_DIGITS = kept(r"\d+")
_NEIGHBOURS = 24  # earlier sentences of one index entry compared with each new one

# Contractions after folding ("don't" is "don t"): the second part, read in full.
_SUFFIXES = {"t": "not", "m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
_WHOLE = {"won": "will", "can": "can", "don": "do", "ain": "am", "shan": "shall"}
_IS_AFTER = frozenset("it that what there here he she who where how let".split())


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    table = options.context.sentences()
    edges = options.context.sentence_edges()
    min_words = options["min-words"]
    threshold = options["threshold"]
    formula = options["formula-repeats"] or float("inf")
    shortest = max(2 * EDGE + 4, 2 * min_words - 1)
    # Each different sentence once, in order of first appearance (a Counter keeps it).
    # Candidates share their opening or closing with another sentence, but not with
    # so many that they follow a template ("Mr. Chairman, I yield 2 minutes to ...").
    # One cheap pass picks them out; the similarity test runs on candidates only.
    shared_heads, shared_tails = edges.shared(2, formula)
    picked = [
        (index, head, tail)
        for index, head, tail in edges.distinct()
        if (head in shared_heads or tail in shared_tails) and table.lengths[index] >= shortest
    ]
    key_at = table.texts(index for index, _, _ in picked)
    candidates = [(key_at[index], head, tail) for index, head, tail in picked]
    groups: defaultdict[tuple[bool, int], list[str]] = defaultdict(list)
    for key, head, tail in candidates:
        if edges.heads[head] >= formula or edges.tails[tail] >= formula:
            continue
        if head in shared_heads:
            groups[True, head].append(key)
        if tail in shared_tails:
            groups[False, tail].append(key)
    order = {key: position for position, (key, _, _) in enumerate(candidates)}
    pairs: dict[str, str] = {}  # later sentence -> the earliest similar earlier one
    for members in groups.values():
        for position, key in enumerate(members):
            for earlier in members[max(0, position - _NEIGHBOURS) : position]:
                current = pairs.get(key)
                if (current is None or order[earlier] < order[current]) and _similar(
                    earlier, key, threshold, min_words
                ):
                    pairs[key] = earlier
    if not pairs:
        return
    family = _families(pairs)
    sizes: Counter[str] = Counter()  # sentences (exact copies included) per family
    for member, root in family.items():
        sizes[root] += table.count(member)
    wanted = [key for key in pairs if sizes[family[key]] < formula]
    where = table.locate({*wanted, *(pairs[key] for key in wanted)})
    spans = Spans(transcript)
    repeats = []
    for key in wanted:
        repeat = Repeat(where[key][0], where[pairs[key]][0])
        if not spans.text(repeat.later).rstrip("\"'”’)] ").endswith("?"):
            repeats.append(repeat)
    runs = [
        run
        for run in group_runs(repeats)
        if not insisting(run, options.context, options["insist-turns"])
        and (options["across-speakers"] or not across_speakers(run, options.context))
    ]
    yield from problems(transcript, runs, "nearly repeats", spans)


def _similar(a: str, b: str, threshold: float, min_words: int) -> bool:
    """Are folded sentences `a` and `b` at least `threshold` alike (see the docstring)?"""
    if word_count(a) < min_words or word_count(b) < min_words:
        return False
    words_a, words_b = _expand(a.split()), _expand(b.split())
    if words_a == words_b:
        return True  # they differ in contractions only
    if _DIGITS.sub("#", " ".join(words_a)) == _DIGITS.sub("#", " ".join(words_b)):
        return False  # they differ in numbers only: a template ("I yield 2 minutes")
    total = len(words_a) + len(words_b)
    if 2 * min(len(words_a), len(words_b)) < threshold * total:
        return False
    import difflib  # only for a pair of candidates: not at every start-up

    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _expand(words: list[str]) -> list[str]:
    """Folded words with contractions written out: "don t" -> "do not", "i m" -> "i am"."""
    result: list[str] = []
    for word in words:
        if result and word in _SUFFIXES and (word != "t" or result[-1].endswith("n")):
            previous = result.pop()
            if word == "t":
                previous = _WHOLE.get(previous, previous[:-1])
            result.extend((previous, _SUFFIXES[word]))
        elif result and word == "s" and result[-1] in _IS_AFTER:
            result.append("us" if result[-1] == "let" else "is")
        else:
            result.append(word)
    return result


def _families(pairs: dict[str, str]) -> dict[str, str]:
    """Each sentence of `pairs` -> a representative of the sentences it is linked to by
    similarity, directly or through others (a union-find)."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for later, earlier in pairs.items():
        parent.setdefault(later, later)
        parent.setdefault(earlier, earlier)
        root_a, root_b = root(later), root(earlier)
        if root_a != root_b:
            parent[root_a] = root_b
    return {node: root(node) for node in parent}
