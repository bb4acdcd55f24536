"""Quotations in the prose around an interview, whom the prose says they quote, and
where that speaker's turns say it (or come closest to it).

A quotation is text between double quotes (“ ”, " ", « ») in a prose block: the lede,
the notes and the closing text around the turns, never a turn itself (a speaker quoting
someone is not a claim about the transcript). It is attributed when its sentence, the
quoted words left out, has a speech cue ("says", "told", "according to", ...) and names
exactly one roster speaker (by the label, the full name or the surname); or has a cue
and a pronoun ("he says") and the sentence before it names exactly one. Anything else is
left unattributed, and the rules say nothing about it.

Comparisons are in folded words (`sentence_keys.folded`: case, punctuation, quotes and
spacing dropped). `SpeakerWords` indexes every turn's words by word trigrams, so telling
whether a quotation was said is a few dictionary lookups, and by word stems, so the
closest sentence of a misquoted speaker is found by the stems it shares with the
quotation: both are built once, in time linear in the transcript.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from .. import names, words
from ..compiled import kept
from ..model import Block, Kind, Transcript
from .context import Context
from .sentence_keys import folded
from .text import FUNCTION_WORDS, locate

#: Blocks whose quotations are checked: the text around the interview.
PROSE_KINDS = frozenset({Kind.PROSE})

_QUOTED = kept(r"“([^“”\n]+)”|«\s*([^«»\n]+?)\s*»|(?<![\w\"])\"([^\"\n]+)\"(?!\w)")
#: Words that say the prose is reporting speech ("says Lukashenko", "he told the BBC").
_CUE_PATTERN = (
    r"\b(?:say|says|said|saying|tell|tells|told|add|adds|added|state|states|stated|"
    r"explain|explains|explained|claim|claims|claimed|argue|argues|argued|insist|insists|"
    r"insisted|warn|warns|warned|note|notes|noted|repl(?:y|ies|ied)|answer|answers|"
    r"answered|ask|asks|asked|continue|continues|continued|recall|recalls|recalled|"
    r"declare|declares|declared|call|calls|called|describe|describes|described|admit|"
    r"admits|admitted|stress|stresses|stressed|emphasi[sz]e[sd]?|assert|asserts|asserted|"
    r"according\s+to|in\s+(?:his|her|their)\s+words|put\s+it|puts\s+it|quoted\s+as)\b"
)


@functools.cache
def _cue() -> re.Pattern[str]:
    """The speech cue pattern, compiled on first use (most transcripts have no prose
    quotation, and start-up time counts)."""
    return kept(_CUE_PATTERN, re.IGNORECASE)


_PRONOUN = kept(r"\b(?:he|she)\b", re.IGNORECASE)
#: Where a quotation leaves words out or adds its own: "...", "…", "[the army]".
_GAP = kept(r"\.\s?\.\s?\.|…|\[[^\]]*\]")
#: Words in a row that the trigram index matches on; shorter parts of a quotation
#: (around an ellipsis) prove nothing either way and are not compared.
GRAM = 3
#: Letters of a word that stand for it when passages are compared ("escalating",
#: "escalation" and "escalate" share "escal").
STEM = 5


class Quotation(NamedTuple):
    """A quotation in prose block `block` (an index into `transcript.blocks`), from
    offset `start` to `end` of its text (the quote marks included), attributed to the
    roster speaker `speaker`."""

    block: int
    start: int
    end: int
    text: str
    speaker: str

    def words(self) -> list[str]:
        return folded(self.text).split()

    def parts(self) -> list[list[str]]:
        """The folded words of each stretch between the quotation's gaps."""
        return [folded(part).split() for part in _GAP.split(self.text)]


class Passage(NamedTuple):
    """A sentence of a turn: the block, its offset there, its text."""

    block: int
    start: int
    text: str


def quotations(context: Context, min_words: int) -> list[Quotation]:
    """The attributed quotations of the transcript's prose with `min_words` words or more."""
    transcript = context.transcript
    if Kind.PROSE not in context.kinds() or Kind.TURN not in context.kinds():
        return []
    speakers = _SpeakerNames(transcript)
    if not speakers.pattern:
        return []
    found: list[Quotation] = []
    previous: str = ""  # the sentence before, to resolve "he says"
    seen: set[tuple[int, int]] = set()  # a quotation over two sentences is one
    for index, block in enumerate(transcript.blocks):
        if block.kind not in PROSE_KINDS:
            if block.kind == Kind.TURN:
                previous = ""
            continue
        text = block.text
        marks = [
            (found.start(), found.end(), next(group for group in found.groups() if group))
            for found in _QUOTED.finditer(text)
        ]
        for start, end in words.sentence_spans(text):
            inside = [mark for mark in marks if mark[0] < end and mark[1] > start]
            if inside:
                # A quotation can run over sentence ends of its own ("“No. Never.”").
                start = min(start, inside[0][0])
                end = max(end, inside[-1][1])
            sentence = _without(text, start, end, marks)
            for quote_start, quote_end, quoted in inside:
                if (index, quote_start) in seen or len(folded(quoted).split()) < min_words:
                    continue
                seen.add((index, quote_start))
                speaker = _attribution(sentence, previous, speakers)
                if speaker is not None:
                    found.append(Quotation(index, quote_start, quote_end, quoted, speaker))
            previous = sentence
    return found


def _without(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> str:
    """`text[start:end]` with the quotations in it blanked out."""
    pieces = []
    position = start
    for mark_start, mark_end, _ in marks:
        if mark_end <= start or mark_start >= end:
            continue
        pieces.append(text[position:mark_start])
        pieces.append(" … ")
        position = mark_end
    pieces.append(text[position:end])
    return "".join(pieces)


def _attribution(sentence: str, previous: str, speakers: _SpeakerNames) -> str | None:
    """The one roster speaker `sentence` (its quotations blanked out) says is quoted."""
    if not _cue().search(sentence):
        return None
    named = speakers.named(sentence)
    if len(named) == 1:
        return named.pop()
    if named or not _PRONOUN.search(sentence):
        return None
    before = speakers.named(previous)
    return before.pop() if len(before) == 1 else None


class _SpeakerNames:
    """How prose names the roster's speakers: each one's label and aliases, and the
    surname of a person's name when no other speaker has it."""

    def __init__(self, transcript: Transcript) -> None:
        forms: dict[str, set[str]] = defaultdict(set)
        for speaker in transcript.speakers:
            for label in (speaker.name, *speaker.aliases):
                forms[folded(label)].add(speaker.name)
                name = names.person_name(label)
                surname = names.surname_of(name) if name else None
                if name:
                    forms[folded(name)].add(speaker.name)
                if surname and len(surname[0]) >= 3:
                    forms[folded(surname[0])].add(speaker.name)
        # A label such as "Q", "A" or "So" is a word of any sentence, not a name in it.
        self.speaker_of = {
            form: who.pop()
            for form, who in forms.items()
            if len(form) >= 3 and form not in FUNCTION_WORDS and len(who) == 1
        }
        alternatives = "|".join(
            r"\s+".join(map(re.escape, form.split()))
            for form in sorted(self.speaker_of, key=len, reverse=True)
        )
        self.pattern = (
            re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if alternatives else None
        )

    def named(self, text: str) -> set[str]:
        """The roster speakers `text` names."""
        if self.pattern is None or not text:
            return set()
        return {
            self.speaker_of[folded(found.group())]
            for found in self.pattern.finditer(text)
            if folded(found.group()) in self.speaker_of
        }


class SpeakerWords:
    """Every speaker's turns as folded words, indexed by word trigrams and by stems."""

    def __init__(self, transcript: Transcript) -> None:
        self.blocks = transcript.blocks
        self.words: dict[str, list[str]] = defaultdict(list)
        self.grams: dict[str, dict[tuple[str, ...], list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        #: where each turn's words start in the speaker's stream, and its block
        self.turns: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for number, block in enumerate(transcript.blocks):
            if block.kind != Kind.TURN or not block.speaker:
                continue
            stream = self.words[block.speaker]
            grams = self.grams[block.speaker]
            turn = folded(block.text).split()
            offset = len(stream)
            self.turns[block.speaker].append((offset, number))
            for position in range(len(turn) - GRAM + 1):
                grams[tuple(turn[position : position + GRAM])].append(offset + position)
            stream.extend(turn)
            stream.append("\n")  # no quotation runs over two turns
        self._sentences: dict[str, list[Passage]] | None = None
        self._stems: dict[str, dict[str, list[int]]] = {}

    def says(self, speaker: str, quotation: Quotation) -> bool | None:
        """Did `speaker` say the quotation (every part of it of `GRAM` words or more)?
        None when no part is that long (nothing to compare)."""
        parts = [part for part in quotation.parts() if len(part) >= GRAM]
        if not parts:
            return None
        return all(self._find(speaker, part) is not None for part in parts)

    def _find(self, speaker: str, part: list[str]) -> int | None:
        """Where in `speaker`'s stream of words `part` starts, if it is there."""
        stream = self.words.get(speaker, [])
        for position in self.grams.get(speaker, {}).get(tuple(part[:GRAM]), ()):
            if stream[position : position + len(part)] == part:
                return position
        return None

    def where_said(self, speaker: str, quotation: Quotation) -> Passage:
        """The sentence of `speaker`'s turns where the quotation (its first long part)
        starts; the speaker must say it (see `says`)."""
        part = next(part for part in quotation.parts() if len(part) >= GRAM)
        position = self._find(speaker, part)
        assert position is not None
        turns = self.turns[speaker]
        _, block = turns[bisect.bisect_right(turns, (position, len(self.blocks))) - 1]
        sentences, _ = self._index(speaker)
        opening = " ".join(part[:GRAM])
        return next(
            (
                passage
                for passage in sentences
                if passage.block == block and opening in folded(passage.text)
            ),
            Passage(block, 0, self.blocks[block].text),
        )

    def who_said(self, quotation: Quotation) -> str | None:
        """The first speaker (in roster order of their turns) who said the quotation."""
        return next((speaker for speaker in self.words if self.says(speaker, quotation)), None)

    def closest(
        self, speaker: str, quotation: Quotation, context: str
    ) -> tuple[Passage, float] | None:
        """The sentence of `speaker`'s turns sharing most word stems with the quotation
        (the stems of the words around it in the prose count half), and how similar it
        is (difflib's ratio of the two stem sequences, 0 to 1)."""
        sentences, stems = self._index(speaker)
        wanted = _stems(quotation.words())
        around = _stems(folded(context).split()) - wanted
        votes: dict[int, float] = defaultdict(float)
        for stem in wanted:
            for number in stems.get(stem, ()):
                votes[number] += 1.0
        for stem in around:
            for number in stems.get(stem, ()):
                votes[number] += 0.5
        if not votes:
            return None

        def dice(number: int) -> float:
            size = len(_stems(folded(sentences[number].text).split()))
            return 2 * votes[number] / (len(wanted) + size)

        best = max(votes, key=lambda number: (dice(number), -number))
        passage = sentences[best]
        import difflib  # only for a misquote: not at every start-up

        similarity = difflib.SequenceMatcher(
            None, _stem_list(quotation.words()), _stem_list(folded(passage.text).split())
        ).ratio()
        return passage, similarity

    def _index(self, speaker: str) -> tuple[list[Passage], dict[str, list[int]]]:
        if self._sentences is None:
            self._sentences = defaultdict(list)
            for index, block in enumerate(self.blocks):
                if block.kind == Kind.TURN and block.speaker:
                    self._sentences[block.speaker].extend(
                        Passage(index, start, block.text[start:end])
                        for start, end in words.sentence_spans(block.text)
                    )
        sentences = self._sentences.get(speaker, [])
        if speaker not in self._stems:
            stems: dict[str, list[int]] = defaultdict(list)
            for number, passage in enumerate(sentences):
                for stem in _stems(folded(passage.text).split()):
                    stems[stem].append(number)
            self._stems[speaker] = stems
        return sentences, self._stems[speaker]

    def position(self, passage: Passage) -> tuple[int, int]:
        return locate(self.blocks[passage.block], passage.start)


def _stem_list(folded_words: list[str]) -> list[str]:
    return [word[:STEM] for word in folded_words if word not in FUNCTION_WORDS]


def _stems(folded_words: list[str]) -> set[str]:
    return set(_stem_list(folded_words))


def sentence_around(block: Block, quotation: Quotation) -> str:
    """The sentence of the prose that holds the quotation, the quotation left out."""
    text = block.text
    for start, end in words.sentence_spans(text):
        if start <= quotation.start < end or start < quotation.end <= end:
            return text[start : quotation.start] + " " + text[quotation.end : end]
    return ""


def checked(context: Context, min_words: int) -> Iterator[tuple[Quotation, SpeakerWords, bool]]:
    """Each attributed quotation the turns can judge, with the index and whether its
    speaker said it. Shared by misquote and misattributed-quote."""
    found = context.cached(f"quotations-{min_words}", lambda: quotations(context, min_words))
    if not found:
        return
    index = context.cached("speaker-words", lambda: SpeakerWords(context.transcript))
    for quotation in found:
        said = index.says(quotation.speaker, quotation)
        if said is not None and quotation.speaker in index.words:
            yield quotation, index, said
