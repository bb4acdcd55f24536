"""Pathological inputs for the benchmark: each grows one dimension a file controls.

A transcript in a pull request is written by someone else: it may hold thousands of
speakers, hundreds of thousands of one-word turns, one enormous line, or a YAML
document that leans on aliases. Each generator here writes such a file, of a size
given in the dimension it grows, deterministically; `run.py` times the commands on
one size and on twice that, and the time must about double.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from synth import WORDS

FIRST = """Ana Ben Cleo Dan Eve Finn Gus Hana Ivan Jo Kai Lea Mo Nia Omar Pia Rui Sam Tea Uma
Vic Wen Xia Yara Zoe Amara Bruno Chidi Dara Elif""".split()
LAST = """Smith Jones Okafor Garcia Miller Lukashenko Nguyen Lopez Wilson Moore Clark Lewis
Young Hall King Wright Scott Cooper Molina Hansen""".split()


def _voice(rng: random.Random, count: int) -> str:
    """A speaker's name of the kinds real files mix (full names, surnames, numbered and
    honorific labels), with near misses between them (one letter changed, an initial),
    all different."""
    shape = count % 6
    first, last = rng.choice(FIRST), rng.choice(LAST)
    number = f"{count:06d}"  # the same length whatever the count: only the count grows
    if shape == 0:
        return f"Speaker {number}"
    if shape == 1:
        return f"{first} {last}{number}"
    if shape == 2:
        return f"Dr. {first} {last} {number}"
    if shape == 3:
        return f"{first[0]}. {last}-{number}"
    if shape == 4:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(6, 14)))
        return word.title() + number
    return f"{last}{number}".upper()


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000"


def many_speakers(path: Path, speakers: int, seed: int = 1) -> Path:
    """WebVTT in which each of `speakers` voices speaks twice."""
    rng = random.Random(seed)
    names = [_voice(rng, number) for number in range(speakers)]
    lines = ["WEBVTT", ""]
    for second, name in enumerate(names + names):
        lines += [f"{_clock(second)} --> {_clock(second + 1)}", f"<v {name}>{_words(rng, 6)}", ""]
    return _write(path, "\n".join(lines))


def tiny_turns(path: Path, turns: int, seed: int = 1) -> Path:
    """Plain text of `turns` one-word turns between three speakers."""
    rng = random.Random(seed)
    speakers = ("Ana", "Ben", "Cleo")
    return _write(path, "".join(f"{speakers[n % 3]}: {rng.choice(WORDS)}\n" for n in range(turns)))


def one_huge_line(path: Path, size: int, seed: int = 1) -> Path:
    """One turn of about `size` bytes on a single line, sentences and all."""
    rng = random.Random(seed)
    parts = ["Ana: "]
    written = 5
    while written < size:
        sentence = _words(rng, 12).capitalize() + ("? " if rng.random() < 0.2 else ". ")
        parts.append(sentence)
        written += len(sentence)
    parts.append("\nBen: Thank you.\n")
    return _write(path, "".join(parts))


def long_speech(path: Path, paragraphs: int, seed: int = 1) -> Path:
    """A few turns, then one speaker's turn of `paragraphs` paragraphs (a lecture, a
    statement read into the record)."""
    rng = random.Random(seed)
    parts = [f"Ana: {_words(rng, 8).capitalize()}?\n\nBen: {_words(rng, 8)}.\n\n" for _ in range(5)]
    parts.append("Ben: Let me read the statement.\n\n")
    parts += [_words(rng, 14).capitalize() + ".\n\n" for _ in range(paragraphs)]
    parts.append("Ana: Thank you.\n")
    return _write(path, "".join(parts))


def punctuation_run(path: Path, marks: int) -> Path:
    """One turn ending in a run of `marks` question and exclamation marks ("?!?!...")."""
    return _write(path, "Ana: Really" + "?!" * (marks // 2) + "\nBen: Yes, really.\n")


def tag_lines(path: Path, lines: int, seed: int = 1) -> Path:
    """One turn of `lines` lines, each with HTML tags and an entity in it (text copied
    from a web page's source): a finding on every line of one block."""
    rng = random.Random(seed)
    parts = ["Ana: Where did this come from?\n\nBen: From the page.\n"]
    parts += [
        f"{_words(rng, 3)} <b>{_words(rng, 2)}</b> &amp; <i>{_words(rng, 3)}</i>\n"
        for _ in range(lines)
    ]
    parts.append("\nAna: Thank you.\n")
    return _write(path, "".join(parts))


def alias_yaml(path: Path, blocks: int, seed: int = 1) -> Path:
    """A YAML document of `blocks` turns whose speakers and texts are aliases of a few
    anchored ones (within the loader's budget: aliases as YAML means them)."""
    rng = random.Random(seed)
    texts = [_words(rng, 30).capitalize() + "." for _ in range(20)]
    lines = ["schema_version: 1", "speakers:"]
    lines += [f"- &s{n} Speaker {n}" for n in range(5)]
    lines.append("metadata: {title: Aliases}")
    lines.append("blocks:")
    for number in range(20):
        text = json.dumps(texts[number])
        lines.append(
            f"- {{kind: turn, speaker: *s{number % 5}, text: &t{number} {text}, "
            f"line: {number + 1}}}"
        )
    for number in range(20, blocks):
        lines.append(
            f"- {{kind: turn, speaker: *s{number % 5}, text: *t{rng.randrange(20)}, "
            f"line: {number + 1}}}"
        )
    return _write(path, "\n".join(lines) + "\n")


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(WORDS, k=count))


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def speakers_at_size(path: Path, speakers: int, size: int, seed: int = 1) -> Path:
    """WebVTT of about `size` bytes in which `speakers` voices take turns in order, each
    several times: the same file with more or fewer people in it, so that only the
    number of distinct labels changes between two sizes. Every tenth voice speaks once
    only (a rare label, as a misspelling would be). (Voice tags name every speaker
    outright; in plain text the parser rightly doubts thousands of odd names.)"""
    if path.exists() and abs(path.stat().st_size - size) < 4096:
        return path
    rng = random.Random(seed)
    names = [_voice(rng, number) for number in range(speakers)]
    regular = [name for number, name in enumerate(names) if number % 10]
    parts = ["WEBVTT\n\n"]
    written = len(parts[0])
    turn = 0
    while written < size:
        words = _words(rng, rng.randint(12, 24)).capitalize()
        name = names[turn] if turn < speakers else regular[turn % len(regular)]
        chunk = f"{_clock(turn)} --> {_clock(turn + 1)}\n<v {name}>{words}.\n\n"
        parts.append(chunk)
        written += len(chunk)
        turn += 1
    return _write(path, "".join(parts))
