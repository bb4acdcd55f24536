"""A chat app's notices (`Ana joined the channel`, WhatsApp's group lines): the words a
notice must hold are looked for before its pattern, and that changes no answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import paragraphs
from transcripts.readers.text.paragraphs import is_chat_notice

_PIECES = [
    "Ana", "ana_r", "42bot", " ", "has ", "joined", "left", "the channel", "#fieldwork",
    "12/03/2024, 09:20 - ", "Messages and calls are end-to-end encrypted", "added", "Ben",
    "removed", "created group", "changed", ".", ":", "x", "[12/03/2024, 09:20:02] ", "\u200e",
    "[4/3/24, 9:20 PM] ", "[", "Family: ",
]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_a_notice_is_what_the_notice_pattern_says_whatever_words_are_looked_for_first(text):
    plain = len(text) <= 240 and "\n" not in text
    assert is_chat_notice(text) == (plain and paragraphs._chat_notice().fullmatch(text) is not None)


def test_joins_leaves_and_whatsapp_group_lines_are_notices_and_sentences_are_not():
    assert is_chat_notice("Ana joined the channel")
    assert is_chat_notice("ben has left the meeting")
    assert is_chat_notice("12/03/2024, 09:20 - Tom left")
    assert is_chat_notice("[12/03/2024, 09:20:02] \u200eAna added Ben")  # an iPhone's export
    assert is_chat_notice("\u200e[4/3/24, 9:20:02 PM] Tom left")
    assert not is_chat_notice("[12/03/2024, 09:20:02] Tom: I left early")
    assert is_chat_notice(
        "[12/03/2024, 09:14:02] Family: \u200eMessages and calls are end-to-end encrypted."
    )
    assert is_chat_notice("Messages and calls are end-to-end encrypted. No one outside...")
    assert not is_chat_notice("Then Ana joined the meeting.")
    assert not is_chat_notice("She left the channel open for questions, she said.")
