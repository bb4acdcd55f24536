"""Speaker colours that colour-blind readers can tell apart, and a fill for when they run out.

The first eight speakers get the Okabe–Ito colours (Okabe and Ito, "Color Universal
Design", 2008), ordered so that the first two, the usual interviewer and guest, are the
pair all three common kinds of colour blindness keep furthest apart (blue and orange).
Okabe–Ito's black is replaced by a mid grey, which shows on light and dark pages alike.
A ninth speaker gets the first colour again with a hatched fill, a seventeenth with a
dotted one, and so on: colour and fill together stay distinguishable where colour alone
cannot, and every row, bar and turn also carries its speaker's name as text.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Okabe–Ito, best-separated pair first; black replaced by grey for dark backgrounds.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#999999",  # grey (Okabe–Ito's black)
)

#: How fills differ once every colour is in use: solid first, then patterns.
FILLS: tuple[str, ...] = ("solid", "hatched", "dotted", "crossed")


@dataclass(frozen=True)
class SpeakerStyle:
    """How one speaker is drawn: a colour, a fill, and the CSS class that applies both."""

    index: int
    colour: str
    fill: str

    @property
    def css_class(self) -> str:
        return f"s{self.index}"

    @property
    def pattern_id(self) -> str | None:
        """The id of the SVG pattern that draws a patterned fill (None for a solid one)."""
        return None if self.fill == "solid" else f"fill-{self.index}"


def speaker_style(index: int) -> SpeakerStyle:
    """The style of the `index`-th speaker (from 0), in order of first appearance."""
    colours = len(OKABE_ITO)
    return SpeakerStyle(
        index=index,
        colour=OKABE_ITO[index % colours],
        fill=FILLS[(index // colours) % len(FILLS)],
    )
