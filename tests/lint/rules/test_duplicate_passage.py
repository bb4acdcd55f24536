"""duplicate-passage: a sentence or paragraph that appears again, word for word."""

from __future__ import annotations

import transcripts
from tests.lint.conftest import lint_text

RULE = "duplicate-passage"


def test_the_seed_line_30_repeats_the_first_sentence_of_line_19(seed):
    (finding,) = [f for f in transcripts.lint(seed) if f.rule == RULE]
    assert (finding.line, finding.column) == (30, 14)
    assert [(r.path, r.line) for r in finding.related] == [(str(seed), 19)]
    assert "Thank you for your insights, President Lukashenko." in finding.message


def test_copies_match_after_folding_case_quotes_punctuation_and_spacing():
    text = """
        Ana: The committee will publish “its final report” in March, after the vote.
        Ben: Really?
        Ana: Yes.
        Ben: And then?
        Ana: Then we wait.
        Ben: How long?
        Ana: the committee will publish its final   report in March after the vote
    """
    (finding,) = lint_text(text, RULE, insist_turns=0)
    assert finding.line == 7 and finding.related[0].line == 1


def test_a_pasted_paragraph_is_one_finding_spanning_its_lines():
    paragraph = (
        "We met the delegation on Monday and agreed on a timetable. "
        "The first round of talks will be held in Geneva next month. "
        "Both sides have promised to bring their technical experts along."
    )
    text = f"Ana: {paragraph}\nBen: That is good news for everyone involved.\nAna: {paragraph}\n"
    (finding,) = lint_text(text, RULE)
    assert finding.line == 3
    assert "repeats line 1 (3 sentences)" in finding.message


def test_short_sentences_are_too_short_to_matter():
    text = """
        Ana: Thank you.
        Ben: Aye. Aye.
        Ana: Thank you.
        Ben: Aye. Aye.
    """
    assert lint_text(text, RULE) == []


def test_the_minimum_length_is_an_option():
    text = """
        Ana: We will see about that.
        Ben: Fine by me, for what it is worth.
        Ana: Good.
        Ben: Shall we go?
        Ana: Yes, but first this.
        Ben: What?
        Ana: We will see about that.
    """
    assert lint_text(text, RULE, insist_turns=0) == []
    assert [f.line for f in lint_text(text, RULE, min_length=10, insist_turns=0)] == [7]


def test_a_formula_that_recurs_is_not_a_copy_mistake():
    formula = "The Clerk will designate the amendment offered by the gentleman from Ohio."
    text = "".join(
        f"Chairman: {formula}\nClerk: Amendment number {n}, as read.\n" for n in range(3)
    )
    assert lint_text(text, RULE) == []
    assert len(lint_text(text, RULE, formula_repeats=0, insist_turns=0)) == 2


def test_a_template_with_changing_names_is_not_a_copy_mistake():
    names = ["Mr. Smith", "Ms. Watson", "Mr. King", "Mr. Lantos"]
    lines = [f"Chairman: The Chair recognizes the gentleman from Texas ({n}).\n" for n in names]
    text = "".join(line + "Member: Thank you, Mr. Chairman.\n" for line in lines)
    text += lines[0]
    assert lint_text(text, RULE) == []


def test_a_speaker_insisting_within_their_next_turns_is_natural():
    text = """
        Trump: Are you going to pack the court, are you going to answer that question?
        Biden: I am not going to answer that question, because it is a distraction.
        Trump: Are you going to pack the court, are you going to answer that question?
    """
    assert lint_text(text, RULE) == []
    assert [f.line for f in lint_text(text, RULE, insist_turns=0)] == [3]


def test_headings_that_repeat_by_design_are_not_reported():
    text = """
        Ana: Before the break we heard the following statement.

        Statement Of The Honorable Jane Smith, Secretary Of The Treasury

        Ben: Thank you for inviting me here today, Madam Chair.

        Statement Of The Honorable Jane Smith, Secretary Of The Treasury

        Ana: Please go on with the rest of your statement.
    """
    assert lint_text(text, RULE) == []


def test_a_lone_sentence_amid_different_words_at_both_places_is_a_formula():
    formula = "Your Honor, at this time I would like to offer a stipulation between the parties."
    text = (
        f"Murray: {formula} This is Government Exhibit Stip 2.\n"
        "Court: Very well, it is received.\nMurray: Thank you.\nCourt: Go on.\n"
        "Murray: Next question then.\nCourt: Proceed.\nMurray: One more.\nCourt: Yes.\n"
        f"Murray: {formula} This is Government Exhibit STIP-9.\n"
    )
    assert lint_text(text, RULE) == []
    alone = text.replace(f"{formula} This is Government Exhibit STIP-9.", formula)
    assert [f.line for f in lint_text(alone, RULE)] == [9]  # a whole turn pasted


def test_a_refrain_of_a_song_sung_again_is_not_a_duplicate():
    song = (
        "Should you fail to keep your distance,\n"
        "Goodness gracious, mind the paint!\n"
        "A girl is not a sinner just because she's not a saint!\n"
        "But my heart shall hold you dearer,\n"
    )
    rest = (
        "Ben: Lovely, quite lovely, the best thing I have heard this year.\n"
        "Lily: Thank you. The second verse is even better than the first, you know.\n"
        "Ben: Then sing it, please.\n"
        "Lily: A girl is not a sinner just because she's not a saint!\n"
    )
    sung = "Lily: I'll sing it for you now, the song the whole town is singing.\n" + song
    assert lint_text(sung + rest, RULE, insist_turns=0) == []
    # The same sentence said, not sung, is a repeated passage.
    said = "Lily: I have one thing to say. A girl is not a sinner just because she's not a saint!\n"
    assert len(lint_text(said + rest, RULE, insist_turns=0)) == 1
