"""misquote and misattributed-quote: quotations in the prose checked against the turns."""

from __future__ import annotations

import transcripts
from tests.conftest import corpus_files
from tests.lint.conftest import lint_text

RULE = "misquote"

INTERVIEW = (
    "Interviewer: What will the council do about the bridge?\n"
    "Maria Lopez: We are going to rebuild the old bridge before the winter comes. "
    "Nobody should expect a new design.\n"
    "Interviewer: And the money?\n"
    "Maria Lopez: The region pays half of it, and the rest comes from a loan.\n"
)


def _lint(prose: str, rule: str = RULE, **options: object):
    return lint_text(prose.strip() + "\n" + INTERVIEW, rule, **options)


def test_the_seed_gives_its_two_misquotes_with_the_closest_passages(seed):
    findings = [f for f in transcripts.lint(seed) if f.code.startswith("TR4")]
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("misquote", 2, 28),
        ("misquote", 2, 146),
    ]
    assert "“will be a step towards escalating the conflict”: Lukashenko" in findings[0].message
    assert [r.line for r in findings[0].related] == [10]  # "would only serve to escalate"
    assert "closest, line 10 (" in findings[0].message
    assert "“so that NATO forces are stationed in Ukraine”" in findings[1].message
    assert [r.line for r in findings[1].related] == [12]  # "NATO's military presence"


def test_a_misquote_names_the_closest_sentence_and_its_similarity():
    (finding,) = _lint("The mayor Maria Lopez said they would “build a new bridge before winter”.")
    assert finding.line == 1 and finding.column == 39
    assert "Maria Lopez does not say this" in finding.message
    assert [r.line for r in finding.related] == [3]  # "rebuild the old bridge before the winter"
    assert "% similar)" in finding.message


def test_an_accurate_quotation_is_not_reported_whatever_its_case_quotes_and_punctuation():
    for prose in (
        "“We are going to rebuild the old bridge,” says Lopez.",
        'Lopez said: "we are going to REBUILD the old bridge before the winter".',
        "According to Maria Lopez, «the region pays half of it».",
        "“Rebuild the old bridge ... before the winter comes”, Lopez told us.",
        "“The region pays [for] half of it”, Lopez added.",
        "Lopez says the bridge work starts soon. “Nobody should expect a new design,” she says.",
    ):
        assert _lint(prose) == [], prose


def test_he_says_after_a_name_attributes_the_quotation_to_that_name():
    prose = (
        "The plan was announced by Maria Lopez on Monday, says the council.\n"
        "“Nobody should expect a modern design”, she says."
    )
    (finding,) = _lint(prose)
    assert finding.line == 2 and "Maria Lopez" in finding.message


def test_quotations_it_cannot_attribute_are_left_alone():
    for prose in (
        "The bridge was “built to last a hundred years” in 1920.",  # no speech cue
        "“A bridge too far for the region”, says the opposition leader.",  # nobody on the roster
        "“The old bridge will fall down soon”, she says.",  # a pronoun with no name before
        "Lopez and the interviewer agreed that “the bridge is a priority now”, she said.",
    ):
        assert _lint(prose) == [], prose


def test_one_letter_labels_are_not_names_found_in_every_sentence():
    text = """
        The witness said “the car was red and it was going fast” to a police officer.
        Q: What did you see that night?
        A: A blue car, going slowly.
        Q: Anything else?
        A: Nothing at all.
    """
    assert lint_text(text, "TR4") == []


def test_short_quotations_and_quotations_inside_turns_are_not_checked():
    assert _lint("Lopez called the plan “a compromise”.") == []
    text = """
        Interviewer: You once said “the bridge will never be rebuilt in my lifetime”. Why?
        Maria Lopez: Because I was wrong about the money then.
    """
    assert lint_text(text, RULE) == []
    assert _lint("Lopez said it was “a bold plan for us”.", min_words=6) == []


def test_a_quotation_said_by_another_speaker_is_a_misattribution_not_a_misquote():
    prose = "Lopez asked “what will the council do about the bridge”, the paper says."
    assert _lint(prose) == []
    (finding,) = _lint(prose, "misattributed-quote")
    assert finding.line == 1
    assert "attributed to Maria Lopez, but Interviewer says it (line 2)" in finding.message
    assert [r.line for r in finding.related] == [2]


def test_the_real_corpus_has_no_quotation_findings():
    # The corpus's prose (show notes, a play's introduction, source notes) quotes no
    # speaker of its transcript, so any finding here would be a false positive.
    for path in corpus_files(".txt", ".md", ".htm"):
        assert transcripts.lint(path, select=["TR4"]) == [], path.name
