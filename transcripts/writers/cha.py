"""The CHAT writer (TalkBank, CHILDES): `*SPK:` main tiers, speakers in @Participants.

Each speaker gets a three-letter code (the one it came with when it was read from
CHAT, else made from its name: `Ana Ruiz` is `ANA`), declared in `@Participants` and
`@ID` with the role `Participant`, or, read from CHAT, as it was declared there: its
`@Participants` entry (`CHI Target_Child`, a role without a name, stays so) and its
`@ID` line (age, sex and the rest kept). Each piece of a turn (a CHAT
utterance, a cue, a segment) is an utterance, with its time as a media bullet in
milliseconds (pieces that do not end a sentence, such as caption cues, run on into
the next); speech without a speaker is `*UNK` (Unidentified); stage directions,
prose and the other blocks are `@Comment` headers. CHAT needs an utterance to end
with `.`, `?` or `!`: one is added where the text has none (`losses` counts them).
The cha reader reads it back with the same speakers.
"""

from __future__ import annotations

import re

from ..losses import EMPTY_BLOCKS, note
from ..model import Block, Kind, Speaker, Transcript
from ..options import WriteOptions
from .timed import note_metadata, note_timings

_TERMINATORS = (".", "?", "!", "+...", "+/.", "+//.", "+/?", "+!?", '+"/.', '+".', "+.")
UNKNOWN = ("UNK", "Unidentified")


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a CHAT file."""
    options = options or WriteOptions()
    note_metadata(transcript, options.losses, keeps=frozenset([*_HEADERS, "id", "pid"]))
    note_timings(transcript.blocks, options.losses, keeps_pieces=True)
    codes = _codes(transcript)
    speaking = {block.speaker for block in transcript.blocks}  # one pass, not one a speaker
    used = [name for name in codes if name in speaking]
    commas = sum("," in name for name in used)
    note(
        options.losses,
        "the commas of {n} speaker name{s} (@Participants separates by them)",
        commas,
    )
    unknown = any(b.kind == Kind.UNATTRIBUTED and b.text.strip() for b in transcript.blocks)
    lines = ["@UTF8"]
    pid = transcript.metadata.get("pid")
    if isinstance(pid, str) and pid.strip():  # TalkBank's persistent id, before @Begin
        lines.append(f"@PID:\t{_one_line(pid)}")
    lines.append("@Begin")
    language = transcript.metadata.get("languages") or "eng"
    lines.append(f"@Languages:\t{_one_line(str(language))}")
    participants = [f"{codes[name][0]} {codes[name][1]}" for name in used]
    if unknown:
        participants.append(f"{UNKNOWN[0]} {UNKNOWN[1]}")
    if participants:
        lines.append("@Participants:\t" + ", ".join(participants))
    language_code = _one_line(str(language)).split(",")[0].strip() or "eng"
    identities = _identities(transcript.metadata.get("id"))
    for name in used:
        code, _, role = codes[name]
        written = identities.get(code, f"{language_code}|transcripts|{code}|||||{role}|||")
        lines.append(f"@ID:\t{written}")
    if unknown:
        lines.append(f"@ID:\t{language_code}|transcripts|{UNKNOWN[0]}|||||{UNKNOWN[1]}|||")
    for key in _HEADERS:
        value = transcript.metadata.get(key)
        if isinstance(value, str) and value.strip() and key not in ("languages", "participants"):
            lines.append(f"@{_HEADERS[key]}:\t{_one_line(value)}")
    ended = 0
    comments = 0
    empty = 0  # a CHAT utterance or comment has words
    for block in transcript.blocks:
        if not block.text.strip():
            empty += block.kind != Kind.FRONT_MATTER
            continue
        if block.kind == Kind.TURN and block.speaker in codes:
            code = codes[block.speaker][0]
        elif block.kind == Kind.UNATTRIBUTED:
            code = UNKNOWN[0]
        else:
            label = block.label if block.kind == Kind.LABELLED and block.label else "Comment"
            lines.append(f"@{_header_name(label)}:\t{_one_line(block.text)}")
            comments += block.kind not in (Kind.LABELLED,)
            continue
        for text, start, end in _utterances(block):
            text = _one_line(text)
            if not text.endswith(_TERMINATORS):
                text += " ."
                ended += 1
            bullet = (
                f" \x15{round(start * 1000)}_{round(end * 1000)}\x15"
                if start is not None and end is not None
                else ""
            )
            lines.append(f"*{code}:\t{text}{bullet}")
    lines.append("@End")
    note(options.losses, EMPTY_BLOCKS, empty)
    note(options.losses, "the kind of {n} block{s} (written as @Comment)", comments)
    note(options.losses, "{n} utterance{s} given an end mark (CHAT needs one)", ended)
    return "\n".join(lines) + "\n"


# Metadata the CHAT reader took from headers, written back as those headers.
_HEADERS = {
    "languages": "Languages",
    "participants": "Participants",
    "date": "Date",
    "location": "Location",
    "situation": "Situation",
    "media": "Media",
    "transcriber": "Transcriber",
    "comment": "Comment",
}


def _utterances(block: Block) -> list[tuple[str, float | None, float | None]]:
    """The block's utterances: its pieces, run together up to the end of a sentence (a
    caption cue is not an utterance; a CHAT utterance ends with its mark), each with
    its first piece's start and its last piece's end."""
    pieces = block.pieces
    if not pieces or " ".join(p.text for p in pieces).split() != block.text.split():
        return [(block.text, block.start, block.end)]
    utterances: list[tuple[str, float | None, float | None]] = []
    texts: list[str] = []
    start: float | None = None
    for piece in pieces:
        if not texts:
            start = piece.start
        texts.append(piece.text)
        if _one_line(piece.text).endswith(_TERMINATORS):
            utterances.append((" ".join(texts), start, piece.end))
            texts = []
    if texts:
        utterances.append((" ".join(texts), start, pieces[-1].end))
    return utterances


def _codes(transcript: Transcript) -> dict[str, tuple[str, str, str]]:
    """Each speaker's (code, its @Participants entry after the code, role)."""
    taken = {UNKNOWN[0]}
    # Each stem's last number tried: the numbers below it are taken for good, so many
    # speakers of one stem (`Speaker 1` ... `Speaker 20000`) are not counted up from 1
    # each time, which made the codes quadratic in the speakers.
    tried: dict[str, int] = {}
    codes: dict[str, tuple[str, str, str]] = {}
    declared = _declared(transcript.metadata.get("participants"))
    for speaker in _roster(transcript):
        code = next((a for a in speaker.aliases if re.fullmatch(r"[A-Z0-9]{2,7}", a)), None)
        if code is not None and code not in taken and code in declared:
            taken.add(code)
            codes[speaker.name] = (code, *declared[code])
            continue
        if code is None or code in taken:
            stem = re.sub(r"[^A-Za-z0-9]", "", speaker.name).upper()[:3] or "SPK"
            number = tried.get(stem, 1)
            code = _numbered(stem, number)
            while code in taken:
                number += 1
                code = _numbered(stem, number)
            tried[stem] = number
        taken.add(code)
        role = "Participant"
        # One word in a comma-separated list: a comma would split the speaker in two.
        word = "_".join(speaker.name.replace(",", " ").split())
        codes[speaker.name] = (code, f"{word} {role}", role)
    return codes


def _numbered(stem: str, number: int) -> str:
    """The code of a stem's `number`th speaker: the stem itself, then `SP2`, `S10`."""
    if number == 1:
        return stem
    return f"{stem[:2]}{number}" if number < 10 else f"{stem[:1]}{number}"


def _declared(participants: object) -> dict[str, tuple[str, str]]:
    """The `@Participants` entries a document read from CHAT kept (its metadata): each
    code's entry after the code (`Eve Target_Child`, or a role alone) and its role."""
    if not isinstance(participants, str):
        return {}
    declared = {}
    for entry in participants.split(","):
        words = _one_line(entry).split()
        if len(words) >= 2:
            declared[words[0]] = (" ".join(words[1:]), words[-1])
    return declared


def _identities(ids: object) -> dict[str, str]:
    """The `@ID` lines a document read from CHAT kept, by the code in their third field."""
    lines = ids if isinstance(ids, list) else [ids] if isinstance(ids, str) else []
    found: dict[str, str] = {}
    for line in lines:
        fields = _one_line(str(line)).split("|")
        if len(fields) >= 8 and fields[2]:
            found.setdefault(fields[2], _one_line(str(line)))
    return found


def _roster(transcript: Transcript) -> list[Speaker]:
    known = {s.name for s in transcript.speakers}
    extra = [Speaker(b.speaker) for b in transcript.blocks if b.speaker and b.speaker not in known]
    return [*transcript.speakers, *{s.name: s for s in extra}.values()]


def _one_line(text: str) -> str:
    return " ".join(text.replace("\x15", " ").split())


def _header_name(label: str) -> str:
    return " ".join(label.replace(":", " ").split()) or "Comment"
