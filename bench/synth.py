"""A deterministic synthetic interview transcript of any size, for the benchmarks.

It mixes what real transcripts hold: prose and a title before the dialogue, several
speakers with mixed-case, ALL-CAPS and honorific labels, multi-paragraph turns, stage
directions, and planted verbatim and near-duplicate passages (for lint).
"""

from __future__ import annotations

import random
from pathlib import Path

SPEAKERS = ["Interviewer", "Dr. Amara Okafor", "MR. COOPER", "Lukashenko", "Jane Smith"]
WORDS = """the a of to and in that is was for on it with as his they be at one have this from
or had by word but what some we can out other were all there when up use your how said an
each she which do their time if will way about many then them write would like so these
her long make thing see him two has look more day could go come did number sound no most
people my over know water than call first who may down side been now find any new work
part take get place made live where after back little only round man year came show every
good me give our under name very through just form sentence great think say help low line
differ turn cause much mean before move right boy old too same tell does set three want
air well also play small end put home read hand port large spell add even land here must
big high such follow act why ask men change went light kind off need house picture try us
again animal point mother world near build self earth father head stand own page should
country found answer school grow study still learn plant cover food sun four between state
keep eye never last let thought city tree cross farm hard start might story saw far sea
draw left late run don't while press close night real life few north""".split()
DIRECTIONS = ["(LAUGHTER)", "[crosstalk]", "(Applause.)", "[inaudible]"]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 22))
    end = "?" if rng.random() < 0.2 else "."
    return " ".join(words).capitalize() + end


def _paragraph(rng: random.Random, memory: list[str]) -> str:
    sentences = []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if memory and roll < 0.01:  # a verbatim repeat of an earlier passage
            sentences.append(rng.choice(memory))
        elif memory and roll < 0.02:  # a near-duplicate: one word changed
            words = rng.choice(memory).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            sentences.append(" ".join(words))
        else:
            sentence = _sentence(rng)
            sentences.append(sentence)
            if len(memory) < 5000 and rng.random() < 0.05:
                memory.append(sentence)
    return " ".join(sentences)


def generate(path: Path, size: int, seed: int = 1) -> Path:
    """Write a transcript of about `size` bytes to `path` (reused if already that size)."""
    if path.exists() and abs(path.stat().st_size - size) < 4096:
        return path
    rng = random.Random(seed)
    memory: list[str] = []
    parts = [
        "A synthetic conversation, generated for benchmarking the transcripts tool.\n\n",
        "#benchmark #synthetic\n\n",
        "Interview with Everyone: A Benchmark\n\n",
    ]
    written = sum(len(part) for part in parts)
    speaker = 0
    while written < size:
        speaker = (speaker + rng.randint(1, len(SPEAKERS) - 1)) % len(SPEAKERS)
        chunk = f"{SPEAKERS[speaker]}: {_paragraph(rng, memory)}\n\n"
        if rng.random() < 0.15:
            chunk += _paragraph(rng, memory) + "\n\n"
        if rng.random() < 0.03:
            chunk += rng.choice(DIRECTIONS) + "\n\n"
        parts.append(chunk)
        written += len(chunk)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")
    return path


def generate_whisper_json(path: Path, size: int, seed: int = 1) -> Path:
    """Write a Whisper-style speech-to-text JSON of about `size` bytes: segments of a
    sentence or two, each word timed with a probability (reused if already that size)."""
    import json

    if path.exists() and abs(path.stat().st_size - size) < 65536:
        return path
    rng = random.Random(seed)
    segments = []
    written = 0
    clock = 0.0
    while written < size:
        words = []
        start = clock
        for word in rng.choices(WORDS, k=rng.randint(6, 24)):
            duration = round(rng.uniform(0.12, 0.6), 3)
            words.append(
                {
                    "word": " " + word,
                    "start": round(clock, 3),
                    "end": round(clock + duration, 3),
                    "probability": round(rng.uniform(0.5, 1.0), 4),
                }
            )
            clock += duration
        text = "".join(w["word"] for w in words) + "."
        words[-1]["word"] += "."
        segment = {
            "id": len(segments),
            "seek": 0,
            "start": round(start, 3),
            "end": round(clock, 3),
            "text": text,
            "tokens": [rng.randint(200, 50000) for _ in range(len(words))],
            "temperature": 0.0,
            "avg_logprob": round(-rng.random(), 4),
            "compression_ratio": 1.4,
            "no_speech_prob": round(rng.random() / 10, 4),
            "words": words,
        }
        segments.append(segment)
        written += len(json.dumps(segment)) + 2
        clock += rng.uniform(0.1, 1.5)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"text": "", "segments": segments, "language": "en"}, handle)
    return path


def _clock(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}{separator}{millis % 1000:03d}"


def generate_captions(folder: Path, cues: int, seed: int = 1) -> tuple[Path, Path]:
    """Write the same talk as SubRip and as WebVTT, `cues` cues each (reused if present).

    Each cue holds one or two caption lines. The SubRip file follows the podcast
    convention (`Name:` opens the cue where the speaker changes); the WebVTT file names
    the speaker of every cue with a voice span, as Zoom and our own writer do.
    """
    srt_path = folder / f"captions-{cues}.srt"
    vtt_path = folder / f"captions-{cues}.vtt"
    if srt_path.exists() and vtt_path.exists():
        return srt_path, vtt_path
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    clock = 0.0
    speaker = 0
    with open(srt_path, "w", encoding="utf-8") as srt, open(vtt_path, "w", encoding="utf-8") as vtt:
        vtt.write("WEBVTT\n\n")
        for number in range(1, cues + 1):
            changed = number == 1 or rng.random() < 0.1
            if changed:
                speaker = (speaker + rng.randint(1, len(SPEAKERS) - 1)) % len(SPEAKERS)
            lines = [" ".join(rng.choices(WORDS, k=rng.randint(3, 6)))]
            if rng.random() < 0.6:
                lines.append(" ".join(rng.choices(WORDS, k=rng.randint(3, 6))))
            start, clock = clock, clock + rng.uniform(1.0, 4.0)
            name = SPEAKERS[speaker]
            text = "\n".join(lines)
            srt.write(
                f"{number}\n{_clock(start, ',')} --> {_clock(clock, ',')}\n"
                + (f"{name}: {text}" if changed else text)
                + "\n\n"
            )
            vtt.write(f"{_clock(start, '.')} --> {_clock(clock, '.')}\n<v {name}>{text}\n\n")
            clock += rng.uniform(0.0, 0.3)
    return srt_path, vtt_path


def generate_chat(path: Path, size: int, seed: int = 1) -> Path:
    """Write a CHAT (CHILDES) file of about `size` bytes: headers, then main tiers of
    three participants, some with %mor dependent tiers (reused if already that size)."""
    if path.exists() and abs(path.stat().st_size - size) < 4096:
        return path
    rng = random.Random(seed)
    parts = [
        "@UTF8\n@Begin\n@Languages:\teng\n",
        "@Participants:\tCHI Eve Target_Child, MOT Sue Mother, COL Colin Investigator\n",
        "@ID:\teng|Brown|CHI|1;06.|female|||Target_Child|||\n",
        "@ID:\teng|Brown|MOT|||||Mother|||\n",
        "@ID:\teng|Brown|COL|||||Investigator|||\n",
    ]
    written = sum(len(part) for part in parts)
    while written < size:
        who = rng.choice(("CHI", "MOT", "MOT", "COL"))
        words = rng.choices(WORDS, k=rng.randint(2, 12))
        line = f"*{who}:\t{' '.join(words)} .\n"
        if rng.random() < 0.5:
            line += "%mor:\t" + " ".join(f"n|{word}" for word in words) + " .\n"
        parts.append(line)
        written += len(line)
    parts.append("@End\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")
    return path
