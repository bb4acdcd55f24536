"""speaker-variant: one person under several labels."""

from __future__ import annotations

import regex
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from tests.lint.conftest import lint_text
from transcripts.linter.label_index import LIMIT, LabelIndex
from transcripts.linter.rules.speaker_variant import _Label, _misspelt, _variants, within_edits
from transcripts.model import Block, Kind

RULE = "speaker-variant"


def _dialogue(*labels: str) -> str:
    lines = []
    for number, label in enumerate(labels):
        other = "Interviewer" if number % 2 == 0 else label
        lines.append(f"Interviewer: Question number {number} is about the talks?")
        lines.append(f"{label}: Answer number {number}, given at some length.")
        _ = other
    return "\n".join(lines) + "\n"


def test_a_label_without_its_space_is_the_same_speaker():
    text = _dialogue("Speaker 4", "Speaker 4", "Speaker 4", "Speaker4")
    (finding,) = lint_text(text, RULE)
    assert finding.line == 8
    assert "“Speaker4” (1 turn) and “Speaker 4” (3 turns)" in finding.message
    assert "the same name written differently" in finding.message
    assert [r.line for r in finding.related] == [2]


def test_a_one_letter_misspelling_of_a_frequent_label_is_reported():
    text = _dialogue("Lukashenko", "Lukashenko", "Lukashenko", "Lukashenka")
    (finding,) = lint_text(text, RULE)
    assert "“Lukashenka”" in finding.message and "a misspelling" in finding.message


def test_a_full_name_used_again_after_the_surname_is_reported():
    text = _dialogue("Lukashenko", "Lukashenko", "Alexander Lukashenko")
    (finding,) = lint_text(text, RULE)
    assert "full name and by surname" in finding.message


def test_a_full_name_that_only_introduces_the_speaker_is_the_news_convention():
    text = _dialogue("Alexander Lukashenko", "Lukashenko", "Lukashenko", "Lukashenko")
    assert lint_text(text, RULE) == []


def test_numbered_speakers_and_honorifics_name_different_people():
    assert not _misspelt("Speaker 1", "Speaker 2")
    assert not _misspelt("Speaker 10", "Speaker 11")
    assert not _misspelt("Mr. Smithson", "Ms. Smithson")
    assert not _misspelt("J. Robertson", "K. Robertson")


def test_two_labels_both_in_regular_use_are_two_people():
    text = _dialogue("Mr. Hansen", "Mr. Hanson", "Mr. Hansen", "Mr. Hanson") * 2
    assert lint_text(text, RULE) == []


def test_different_names_are_not_variants():
    text = _dialogue("Rob Pike", "Robert Griesemer", "Rob Pike", "Carmen Andoh")
    assert lint_text(text, RULE) == []


# The index (label_index) against its twin that compares every pair.

_NAME_PARTS = ["Ana", "Lukashenko", "Lukashenka", "Speaker", "Dr.", "Mr.", "J.", "Smithson"]


@st.composite
def _label_texts(draw: st.DrawFn) -> str:
    """Labels near one another: shared words, one or two letters changed, case,
    spacing, digits and honorifics, so that every reason of the rule comes up."""
    words = draw(st.lists(st.sampled_from(_NAME_PARTS), min_size=1, max_size=3))
    text = " ".join(words)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["", "a", "e", "o", "1", "2", " ", "."]))
            + text[at + 1 :]
        )
    if draw(st.booleans()):
        text = text.upper()
    if draw(st.booleans()):
        text += f" {draw(st.integers(0, 12))}"
    return text


@settings(max_examples=300, deadline=None)
@example(labels=[("Lukashenko", 3), ("Lukashenka", 1)], established=3)
@example(labels=[("Alexandra Lukashenko", 3), ("Alexandre Lukashenka", 1)], established=3)
@example(labels=[("Speaker 4", 3), ("Speaker4", 1), ("Speaker 5", 1)], established=3)
@given(
    labels=st.lists(st.tuples(_label_texts(), st.integers(1, 4)), min_size=2, max_size=LIMIT - 2),
    established=st.integers(1, 4),
)
def test_the_index_gives_the_findings_of_comparing_every_pair(labels, established):
    ordered = []
    for line, (text, uses) in enumerate(dict(labels).items(), start=1):
        first = Block(Kind.TURN, "x", line, line, text, label=text)
        last = Block(Kind.TURN, "x", 1000 - line, 1000 - line, text, label=text)
        ordered.append(_Label(text, uses, first, last))
    ordered.sort(key=lambda label: (-label.uses, label.first.line))
    indexed = list(_variants(ordered, established, indexed=True))
    every_pair = list(_variants(ordered, established, indexed=False))
    assert indexed == every_pair


def test_a_label_is_compared_with_at_most_a_bounded_number_of_others():
    # Thousands of labels that differ only in a number, or in an initial: each is
    # compared with a bounded number of others, however many there are.
    keys = [f"speaker{n}" for n in range(3000)] + [
        f"{chr(0x3B1 + n % 25)}smithson" for n in range(3000)
    ]
    index = LabelIndex(keys)
    most = 0
    for key in keys:
        found = list(index.candidates(key, surname=None, last_name=None, misspelt=True))
        most = max(most, len(found))
        index.add(key, surname=None, last_name=None)
    assert most <= LIMIT


def test_ordinal_and_qualified_roles_are_different_people():
    text = """
        First Citizen: Before we proceed any further, hear me speak.
        Second Citizen: Speak, speak.
        Fifth Citizen: We are resolved.
        Sixth Citizen: Resolved, resolved.
        Messenger: News, my lord.
        Fourth Messenger: More news.
        Messenger: And more.
        Young Marcius: I will not be trod upon.
        Marcius: Nor I.
        Marcius: Away.
    """
    assert lint_text(text, "speaker-variant") == []


def test_group_labels_and_plurals_are_not_variants_of_one_speaker():
    text = """
        Hamlet: Swear.
        ALL: We swear.
        Hamlet: Again.
        All: We swear, my lord.
        Mariner: All lost!
        Mariners: To prayers, to prayers!
        Mariner: All lost!
    """
    assert lint_text(text, "speaker-variant") == []


def test_two_roles_sharing_a_last_word_are_not_one_person_by_full_name_and_surname():
    text = """
        The Speaker: Order, order.
        Mr. Blair: I commend the motion to the House.
        Hon. Members: Hear, hear!
        Mr. Hague: The Prime Minister has not answered.
        Some hon. Members: Answer!
        Mr. Blair: I have answered.
        Hon. Members: Hear, hear!
    """
    assert lint_text(text, "speaker-variant") == []


def test_a_group_and_part_of_it_are_not_one_person_by_full_name_and_surname():
    text = """
        THE LADIES: Good evening!
        LILY: Good evening, ladies.
        SOME OF THE LADIES: Oh, Lily!
        LILY: Sit, please.
        SOME OF THE LADIES: Thank you.
        LILY: Tea?
    """
    assert lint_text(text, "speaker-variant") == []


def test_a_label_joining_several_names_is_a_group_not_a_variant_of_its_last_name():
    text = """
        Lily: Good evening.
        Bland: Evening.
        Lily: Sit down.
        Cooling and Lily: Together, then!
        Lily: Yes.
        Roper & Bland: Again!
        Bland: Enough.
        Lily: Quite.
    """
    assert lint_text(text, "speaker-variant") == []


@st.composite
def _near_keys(draw: st.DrawFn) -> tuple[str, str]:
    """A key of six characters or more (the rule compares no shorter ones) and another
    made from it by up to three insertions, deletions or substitutions."""
    letters = "abcé1 "
    key = draw(st.text(alphabet=letters, min_size=6, max_size=16))
    other = list(key)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(other)))
        edit = draw(st.sampled_from(["insert", "delete", "substitute"]))
        if edit == "insert":
            other.insert(at, draw(st.sampled_from(letters)))
        elif other:
            at = min(at, len(other) - 1)
            if edit == "delete":
                del other[at]
            else:
                other[at] = draw(st.sampled_from(letters))
    return key, "".join(other)


@settings(max_examples=500, deadline=None)
@given(_near_keys(), st.integers(min_value=1, max_value=2))
def test_within_edits_answers_as_regex_fuzzy_matching_does(keys, errors):
    a, b = keys
    assume(len(b) >= 6)
    fuzzy = regex.compile(f"(?:{regex.escape(a)}){{e<={errors}}}", regex.BESTMATCH)
    assert within_edits(a, b, errors) == (fuzzy.fullmatch(b) is not None)
