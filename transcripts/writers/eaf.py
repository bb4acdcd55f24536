"""The ELAN writer (`.eaf`, EAF 3.0): one tier per speaker, each piece an annotation.

A turn's pieces (its cues or segments) are written with their own times, else the
turn is one annotation. Unattributed speech goes on a tier of its own
(`unattributed`), stage directions on `stage directions`; other blocks have no place.
Times are whole milliseconds. ELAN, pympi and the eaf reader read it back.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..model import Transcript
from ..options import WriteOptions
from ..tiers import NOT_SPEAKERS
from ..xmlsafe import xml_text
from .tierspans import tier_spans
from .timed import note_metadata, note_timings, timed_blocks


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as an ELAN annotation document."""
    options = options or WriteOptions()
    blocks = timed_blocks(transcript, "eaf", options.losses)
    note_metadata(transcript, options.losses)
    note_timings(blocks, options.losses, keeps_pieces=True)
    tiers = {
        tier: [(round(start * 1000), round(stop * 1000), text) for start, stop, text in spans]
        for tier, spans in tier_spans(blocks).items()
    }
    slots: list[int] = []
    lines = []
    annotation = 0
    for tier, spans in tiers.items():
        participant = "" if tier in NOT_SPEAKERS else tier
        lines.append(
            f'    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID={quoteattr(xml_text(tier))} '
            f"PARTICIPANT={quoteattr(xml_text(participant))}>"
        )
        for start, stop, text in spans:
            annotation += 1
            slots.extend((start, stop))
            first, second = len(slots) - 1, len(slots)
            lines.append(
                f'        <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{annotation}" '
                f'TIME_SLOT_REF1="ts{first}" TIME_SLOT_REF2="ts{second}">'
                f"<ANNOTATION_VALUE>{escape(xml_text(text))}</ANNOTATION_VALUE>"
                "</ALIGNABLE_ANNOTATION></ANNOTATION>"
            )
        lines.append("    </TIER>")
    time_order = "".join(
        f'\n        <TIME_SLOT TIME_SLOT_ID="ts{index}" TIME_VALUE="{value}"/>'
        for index, value in enumerate(slots, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ANNOTATION_DOCUMENT AUTHOR="" DATE="1970-01-01T00:00:00Z" FORMAT="3.0" VERSION="3.0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">\n'
        '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>\n'
        f"    <TIME_ORDER>{time_order}\n    </TIME_ORDER>\n"
        + "\n".join(lines)
        + ("\n" if lines else "")
        + '    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" '
        'TIME_ALIGNABLE="true"/>\n'
        "</ANNOTATION_DOCUMENT>\n"
    )
