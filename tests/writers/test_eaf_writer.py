"""The ELAN writer: time slots listed in time order, as ELAN's TIME_ORDER is, whatever
the order of the tiers that refer to them."""

from __future__ import annotations

import re
from pathlib import Path

from transcripts import read
from transcripts.formats import get_format
from transcripts.io import decode

FIXTURES = Path(__file__).parent.parent / "readers" / "format_fixtures"

_SLOT = re.compile(r'<TIME_SLOT TIME_SLOT_ID="ts(\d+)" TIME_VALUE="(\d+)"/>')
_REFS = re.compile(r'TIME_SLOT_REF1="ts(\d+)" TIME_SLOT_REF2="ts(\d+)"><ANNOTATION_VALUE>([^<]*)<')


def _slots_and_annotations(
    written: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    slots = [(int(number), int(value)) for number, value in _SLOT.findall(written)]
    times = dict(slots)
    annotations = [(times[int(a)], times[int(b)], text) for a, b, text in _REFS.findall(written)]
    return slots, annotations


def test_elan_time_slots_are_written_in_time_order():
    transcript = read(str(FIXTURES / "eaf-unaligned-slots.eaf"))
    written = get_format("eaf").write(transcript)
    slots, annotations = _slots_and_annotations(written)
    assert [number for number, _ in slots] == list(range(1, len(slots) + 1))
    assert [value for _, value in slots] == sorted(value for _, value in slots)
    # Each annotation still refers to its own times.
    assert annotations == [
        (1000, 3000, "How did it start?"),
        (5500, 7000, "I see."),
        (3500, 5000, "With a letter."),
    ]


def test_elan_written_with_slots_in_time_order_reads_back_the_same():
    transcript = read(str(FIXTURES / "eaf-unaligned-slots.eaf"))
    eaf = get_format("eaf")
    written = eaf.write(transcript)
    again = eaf.write(eaf.read(decode(written.encode("utf-8"), "again.eaf")))
    assert again == written
