"""consecutive-speaker: the same speaker in two turns in a row."""

from __future__ import annotations

import transcripts
from tests.lint.conftest import lint_text
from transcripts.linter import LintSettings
from transcripts.model import Block, Kind, Transcript

RULE = "consecutive-speaker"


def test_two_turns_in_a_row_are_reported_at_the_second():
    text = """
        Chris Wallace: Gentlemen, the first question.
        Joe R Biden: There is no evidence of that.
        Joe R Biden: This is not going to end well.
        Donald J Trump: It is not.
    """
    (finding,) = lint_text(text, RULE)
    assert (finding.line, finding.column) == (3, 1)
    assert "Joe R Biden speaks again right after their turn at line 2" in finding.message
    assert [r.line for r in finding.related] == [2]


def test_a_turn_resumed_after_an_interruption_is_one_turn():
    text = """
        Ana: We looked at the figures, and

        [crosstalk]

        they were lower than we hoped.

        Ben: Lower by how much?
    """
    assert lint_text(text, RULE) == []


def test_a_stage_direction_between_two_labelled_turns_explains_the_new_label():
    text = """
        MR. COOPER: We'll be right back.

        (Commercial break begins.)

        MR. COOPER: And welcome back.
        THE PRESIDENT: Thank you.
    """
    assert lint_text(text, RULE) == []


def test_lost_text_between_the_turns_is_left_to_orphaned_passage(seed):
    import transcripts

    assert [f for f in transcripts.lint(seed) if f.rule == RULE] == []


def test_labels_for_several_people_may_follow_each_other():
    # Two reporters in a row are both "Q".
    transcript = Transcript(
        blocks=[
            Block(Kind.TURN, "Go ahead.", 1, 1, "MS. JEAN-PIERRE", "MS. JEAN-PIERRE"),
            Block(Kind.TURN, "On the strikes, what is the plan?", 2, 2, "Q", "Q"),
            Block(Kind.TURN, "And a follow-up on the rail talks?", 3, 3, "Q", "Q"),
            Block(Kind.TURN, "Let me take both.", 4, 4, "MS. JEAN-PIERRE", "MS. JEAN-PIERRE"),
        ]
    )
    assert transcripts.lint(transcript, select=[RULE]) == []


def test_timed_labels_of_an_export_are_paragraphs_not_repeated_turns():
    # Rev and Otter label every paragraph with the speaker and a time.
    transcript = Transcript(
        blocks=[
            Block(Kind.TURN, "Welcome to the show.", 1, 1, "Speaker 1", start=1.0),
            Block(Kind.TURN, "Today we talk about splicing.", 3, 3, "Speaker 1", start=9.0),
            Block(Kind.TURN, "Thanks for having me.", 5, 5, "Speaker 2", start=15.0),
        ]
    )
    assert transcripts.lint(transcript, select=[RULE]) == []
    transcript.blocks[1].start = None
    assert [f.line for f in transcripts.lint(transcript, select=[RULE])] == [3]


def test_two_labels_for_one_speaker_are_a_change_of_role_not_a_dropped_label():
    transcript = Transcript(
        blocks=[
            Block(Kind.TURN, "Overruled. You may answer.", 1, 1, "THE COURT", "THE COURT"),
            Block(Kind.TURN, "Yes, your Honor.", 2, 2, "Le Zhou", "THE WITNESS"),
            Block(Kind.TURN, "The money came from my earnings.", 3, 3, "Le Zhou", "A"),
            Block(Kind.TURN, "And then?", 4, 4, "Ms. Murray", "Q"),
        ]
    )
    assert transcripts.lint(transcript, select=[RULE]) == []


def test_many_repeats_are_the_transcripts_convention_a_few_are_defects():
    def transcript(repeats: int, turns: int) -> Transcript:
        speakers = ["Member", "Member", "Chair"] * repeats  # one repeat per triple
        speakers += ["Member", "Chair"] * ((turns - len(speakers)) // 2)
        return Transcript(
            blocks=[
                Block(Kind.TURN, f"Words {n}.", n + 1, n + 1, speaker, speaker)
                for n, speaker in enumerate(speakers)
            ]
        )

    assert len(transcripts.lint(transcript(4, 200), select=[RULE])) == 4
    assert transcripts.lint(transcript(12, 200), select=[RULE]) == []  # 6% of turns
    settings = LintSettings.from_config({"rules": {RULE: {"max-share": 0.5}}, "select": [RULE]})
    assert len(transcripts.lint(transcript(12, 200), settings=settings)) == 12


def test_a_label_repeated_after_a_stage_direction_closing_the_turn_is_not_a_dropped_label():
    text = """
        LILY.

        Oh, boys, it's gone. I couldn't----

          [_BLAND plays the introductory symphony and then pauses. Then she
          sings, he accompanying her._

        LILY.

        There, it came back.

        BLAND.

        Bravo! [_He claps._]

        LILY.

        Thank you.
    """
    assert lint_text(text, RULE) == []


def test_a_chats_messages_stamped_with_the_time_of_day_may_follow_each_other():
    text = """
        (09:14:10 AM) Maria: Hello, how can I help you today?
        (09:14:40 AM) Visitor 48213: hi, I was charged twice this month
        (09:15:02 AM) Maria: I'm sorry about that. Let me check your account.
        (09:16:30 AM) Maria: I can see the duplicate charge, I've refunded it now.
        (09:17:01 AM) Visitor 48213: thanks!
    """
    assert lint_text(text, RULE) == []


def test_a_time_inside_the_speech_is_no_stamp_of_the_turn():
    text = """
        Ana: Where were you?
        Ben: At the station by 9:15, as agreed.
        Ben: Then the train left at 9:40.
        Ana: I see.
    """
    assert len(lint_text(text, RULE)) == 1
