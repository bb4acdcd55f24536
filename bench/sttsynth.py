"""Synthetic speech-to-text JSON of any size, one file per service our readers know.

Every file holds the same kind of talk: three speakers taking turns of one to four
sentences, each word timed (and scored) in the service's own units and shapes, with the
views each service writes beside its words (utterances, paragraphs, speaker segments,
a diarised repetition of the words), as the real outputs in `../shared/formats/` do.
The shapes follow our fixtures (`tests/readers/stt_fixtures/`) and those real files, so
the bench needs no shared folder. Deterministic: the same seed gives the same bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synth import WORDS, generate_whisper_json

SPEAKERS = 3


@dataclass
class Said:
    """One word of the talk: its text (punctuation apart), times in seconds, score."""

    word: str
    start: float
    end: float
    confidence: float
    speaker: int
    punctuation: str  # "" or the mark that follows the word ("," "." "?")


@dataclass
class Sentence:
    speaker: int
    words: list[Said]

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return self.words[-1].end

    def text(self) -> str:
        return " ".join(w.word + w.punctuation for w in self.words)


def _talk(rng: random.Random) -> Iterator[list[Sentence]]:
    """Turns of the talk, forever: each a speaker's one to four sentences."""
    clock = 0.0
    speaker = 0
    while True:
        speaker = (speaker + rng.randint(1, SPEAKERS - 1)) % SPEAKERS
        turn = []
        for _ in range(rng.randint(1, 4)):
            words = []
            chosen = rng.choices(WORDS, k=rng.randint(4, 18))
            for index, word in enumerate(chosen):
                duration = round(rng.uniform(0.12, 0.6), 2)
                last = index == len(chosen) - 1
                mark = ("?" if rng.random() < 0.2 else ".") if last else ""
                if not mark and rng.random() < 0.08:
                    mark = ","
                text = word.capitalize() if index == 0 else word
                start = round(clock, 2)
                clock = round(clock + duration, 2)
                confidence = round(rng.uniform(0.5, 1.0), 4)
                words.append(Said(text, start, clock, confidence, speaker, mark))
                clock = round(clock + rng.uniform(0.0, 0.1), 2)
            turn.append(Sentence(speaker, words))
            clock = round(clock + rng.uniform(0.1, 0.8), 2)
        yield turn


def _turns(size: int, seed: int, cost: Callable[[list[Sentence]], int]) -> list[list[Sentence]]:
    """Turns of the talk until they cost about `size` bytes in the dialect's JSON."""
    rng = random.Random(seed)
    turns = []
    written = 0
    for turn in _talk(rng):
        if written >= size:
            break
        turns.append(turn)
        written += cost(turn)
    return turns


def _dumps(value: Any) -> int:
    return len(json.dumps(value))


# Each dialect: the JSON of some turns (the file's bulk), and the whole file's data.


def _whisperx_segment(sentence: Sentence) -> dict[str, Any]:
    label = f"SPEAKER_{sentence.speaker:02d}"
    return {
        "start": sentence.start,
        "end": sentence.end,
        "text": " " + sentence.text(),
        "words": [
            {
                "word": w.word + w.punctuation,
                "start": w.start,
                "end": w.end,
                "score": round(w.confidence, 3),
                "speaker": label,
            }
            for w in sentence.words
        ],
        "speaker": label,
    }


def whisperx(turns: list[list[Sentence]]) -> dict[str, Any]:
    segments = [_whisperx_segment(s) for turn in turns for s in turn]
    word_segments = [word for segment in segments for word in segment["words"]]
    return {"segments": segments, "word_segments": word_segments, "language": "en"}


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    return (
        f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}"
        f",{millis % 1000:03d}"
    )


def _whisper_cpp_segment(sentence: Sentence) -> dict[str, Any]:
    return {
        "timestamps": {"from": _clock(sentence.start), "to": _clock(sentence.end)},
        "offsets": {"from": round(sentence.start * 1000), "to": round(sentence.end * 1000)},
        "text": " " + sentence.text(),
    }


def whisper_cpp(turns: list[list[Sentence]]) -> dict[str, Any]:
    return {
        "systeminfo": "AVX = 1 | AVX2 = 1 | NEON = 0",
        "model": {"type": "base", "multilingual": False, "vocab": 51864},
        "params": {"model": "models/ggml-base.en.bin", "language": "en", "translate": False},
        "result": {"language": "en"},
        "transcription": [_whisper_cpp_segment(s) for turn in turns for s in turn],
    }


def _words_and_marks(
    turn: list[Sentence],
    word: Callable[[Said], dict[str, Any]],
    mark: Callable[[Said], dict[str, Any]],
) -> list[dict[str, Any]]:
    """Each word's item, and after a word that has punctuation the mark's own item (AWS
    and Speechmatics list punctuation as items of its own)."""
    found = []
    for sentence in turn:
        for w in sentence.words:
            found.append(word(w))
            if w.punctuation:
                found.append(mark(w))
    return found


def _aws_word(w: Said) -> dict[str, Any]:
    return {
        "start_time": f"{w.start:g}",
        "end_time": f"{w.end:g}",
        "alternatives": [{"confidence": f"{w.confidence:g}", "content": w.word}],
        "type": "pronunciation",
        "speaker_label": f"spk_{w.speaker}",
    }


def _aws_mark(w: Said) -> dict[str, Any]:
    return {
        "alternatives": [{"confidence": "0.0", "content": w.punctuation}],
        "type": "punctuation",
        "speaker_label": f"spk_{w.speaker}",
    }


def _aws_items(turn: list[Sentence]) -> list[dict[str, Any]]:
    return _words_and_marks(turn, _aws_word, _aws_mark)


def _aws_segment(turn: list[Sentence]) -> dict[str, Any]:
    label = f"spk_{turn[0].speaker}"
    return {
        "start_time": f"{turn[0].start:g}",
        "speaker_label": label,
        "end_time": f"{turn[-1].end:g}",
        "items": [
            {"start_time": f"{w.start:g}", "speaker_label": label, "end_time": f"{w.end:g}"}
            for s in turn
            for w in s.words
        ],
    }


def aws(turns: list[list[Sentence]]) -> dict[str, Any]:
    text = " ".join(s.text() for turn in turns for s in turn)
    return {
        "jobName": "interview",
        "accountId": "123456789012",
        "results": {
            "transcripts": [{"transcript": text}],
            "speaker_labels": {
                "speakers": SPEAKERS,
                "segments": [_aws_segment(turn) for turn in turns],
            },
            "items": [item for turn in turns for item in _aws_items(turn)],
        },
        "status": "COMPLETED",
    }


def _google_time(seconds: float) -> str:
    return f"{seconds:.3f}s"


def _google_words(sentence: Sentence, tagged: bool) -> list[dict[str, Any]]:
    words = []
    for w in sentence.words:
        word: dict[str, Any] = {
            "startTime": _google_time(w.start),
            "endTime": _google_time(w.end),
            "word": w.word + w.punctuation,
        }
        if tagged:
            word["speakerTag"] = w.speaker + 1
        words.append(word)
    return words


def google(turns: list[list[Sentence]]) -> dict[str, Any]:
    """One result per turn, then the last result: every word again with its speaker."""
    results = []
    for turn in turns:
        alternative = {
            "transcript": " ".join(s.text() for s in turn),
            "confidence": 0.92,
            "words": [w for s in turn for w in _google_words(s, False)],
        }
        results.append(
            {
                "alternatives": [alternative],
                "resultEndTime": _google_time(turn[-1].end),
                "languageCode": "en-us",
            }
        )
    tagged = [w for turn in turns for s in turn for w in _google_words(s, True)]
    results.append({"alternatives": [{"words": tagged}], "languageCode": "en-us"})
    return {"results": results, "totalBilledTime": f"{round(turns[-1][-1].end)}s"}


_TICKS = 10_000_000


def _azure_duration(seconds: float) -> str:
    return f"PT{seconds:.2f}S"


def _azure_phrase(sentence: Sentence) -> dict[str, Any]:
    lexical = " ".join(w.word.lower() for w in sentence.words)
    return {
        "recognitionStatus": "Success",
        "channel": 0,
        "speaker": sentence.speaker + 1,
        "offset": _azure_duration(sentence.start),
        "duration": _azure_duration(sentence.end - sentence.start),
        "offsetInTicks": float(round(sentence.start * _TICKS)),
        "durationInTicks": float(round((sentence.end - sentence.start) * _TICKS)),
        "nBest": [
            {
                "confidence": 0.93,
                "lexical": lexical,
                "itn": lexical,
                "maskedITN": lexical,
                "display": sentence.text(),
                "words": [
                    {
                        "word": w.word.lower(),
                        "offset": _azure_duration(w.start),
                        "duration": _azure_duration(w.end - w.start),
                        "offsetInTicks": float(round(w.start * _TICKS)),
                        "durationInTicks": float(round((w.end - w.start) * _TICKS)),
                        "confidence": w.confidence,
                    }
                    for w in sentence.words
                ],
            }
        ],
    }


def azure(turns: list[list[Sentence]]) -> dict[str, Any]:
    end = turns[-1][-1].end
    text = " ".join(s.text() for turn in turns for s in turn)
    return {
        "source": "https://example.invalid/interview.wav",
        "timestamp": "2024-05-01T10:00:00Z",
        "durationInTicks": round(end * _TICKS),
        "duration": _azure_duration(end),
        "combinedRecognizedPhrases": [
            {"channel": 0, "lexical": text.lower(), "itn": text, "maskedITN": text, "display": text}
        ],
        "recognizedPhrases": [_azure_phrase(s) for turn in turns for s in turn],
    }


def _deepgram_word(w: Said) -> dict[str, Any]:
    return {
        "word": w.word.lower(),
        "start": w.start,
        "end": w.end,
        "confidence": w.confidence,
        "speaker": w.speaker,
        "speaker_confidence": 0.8,
        "punctuated_word": w.word + w.punctuation,
    }


def _deepgram_paragraph(turn: list[Sentence]) -> dict[str, Any]:
    return {
        "sentences": [{"text": s.text(), "start": s.start, "end": s.end} for s in turn],
        "speaker": turn[0].speaker,
        "num_words": sum(len(s.words) for s in turn),
        "start": turn[0].start,
        "end": turn[-1].end,
    }


def _deepgram_utterance(sentence: Sentence, number: int) -> dict[str, Any]:
    return {
        "start": sentence.start,
        "end": sentence.end,
        "confidence": 0.95,
        "channel": 0,
        "transcript": sentence.text(),
        "words": [_deepgram_word(w) for w in sentence.words],
        "speaker": sentence.speaker,
        "id": f"00000000-0000-0000-0000-{number:012d}",
    }


def deepgram(turns: list[list[Sentence]]) -> dict[str, Any]:
    sentences = [s for turn in turns for s in turn]
    alternative = {
        "transcript": " ".join(s.text() for s in sentences),
        "confidence": 0.98,
        "words": [_deepgram_word(w) for s in sentences for w in s.words],
        "paragraphs": {
            "transcript": "".join(
                f"\nSpeaker {turn[0].speaker}: " + " ".join(s.text() for s in turn) + "\n"
                for turn in turns
            ),
            "paragraphs": [_deepgram_paragraph(turn) for turn in turns],
        },
    }
    return {
        "metadata": {
            "request_id": "00000000-0000-0000-0000-000000000000",
            "created": "2024-05-01T10:00:00.000Z",
            "duration": sentences[-1].end,
            "channels": 1,
        },
        "results": {
            "channels": [{"alternatives": [alternative]}],
            "utterances": [_deepgram_utterance(s, n) for n, s in enumerate(sentences)],
        },
    }


def _assemblyai_word(w: Said) -> dict[str, Any]:
    return {
        "text": w.word + w.punctuation,
        "start": round(w.start * 1000),
        "end": round(w.end * 1000),
        "confidence": w.confidence,
        "speaker": "ABC"[w.speaker],
    }


def assemblyai(turns: list[list[Sentence]]) -> dict[str, Any]:
    words = [_assemblyai_word(w) for turn in turns for s in turn for w in s.words]
    utterances = [
        {
            "confidence": 0.95,
            "end": round(turn[-1].end * 1000),
            "speaker": "ABC"[turn[0].speaker],
            "start": round(turn[0].start * 1000),
            "text": " ".join(s.text() for s in turn),
            "words": [_assemblyai_word(w) for s in turn for w in s.words],
        }
        for turn in turns
    ]
    return {
        "id": "transcript-id",
        "language_code": "en_us",
        "status": "completed",
        "text": " ".join(u["text"] for u in utterances),
        "words": words,
        "utterances": utterances,
        "confidence": 0.95,
        "audio_duration": round(turns[-1][-1].end),
        "punctuate": True,
        "format_text": True,
        "speaker_labels": True,
    }


def _revai_monologue(turn: list[Sentence]) -> dict[str, Any]:
    elements: list[dict[str, Any]] = []
    for sentence in turn:
        for w in sentence.words:
            if elements:
                elements.append({"type": "punct", "value": " "})
            elements.append(
                {
                    "type": "text",
                    "value": w.word,
                    "ts": w.start,
                    "end_ts": w.end,
                    "confidence": w.confidence,
                }
            )
            if w.punctuation:
                elements.append({"type": "punct", "value": w.punctuation})
    return {"speaker": turn[0].speaker, "elements": elements}


def revai(turns: list[list[Sentence]]) -> dict[str, Any]:
    return {"monologues": [_revai_monologue(turn) for turn in turns]}


def _speechmatics_alternative(content: str, confidence: float, w: Said) -> dict[str, Any]:
    return {
        "content": content,
        "confidence": confidence,
        "language": "en",
        "speaker": f"S{w.speaker + 1}",
    }


def _speechmatics_word(w: Said) -> dict[str, Any]:
    return {
        "type": "word",
        "start_time": w.start,
        "end_time": w.end,
        "alternatives": [_speechmatics_alternative(w.word, w.confidence, w)],
    }


def _speechmatics_mark(w: Said) -> dict[str, Any]:
    return {
        "type": "punctuation",
        "start_time": w.end,
        "end_time": w.end,
        "is_eos": w.punctuation in ".?",
        "attaches_to": "previous",
        "alternatives": [_speechmatics_alternative(w.punctuation, 1.0, w)],
    }


def _speechmatics_results(turn: list[Sentence]) -> list[dict[str, Any]]:
    return _words_and_marks(turn, _speechmatics_word, _speechmatics_mark)


def speechmatics(turns: list[list[Sentence]]) -> dict[str, Any]:
    return {
        "format": "2.9",
        "job": {"id": "job-id", "data_name": "interview.wav", "created_at": "2024-05-01"},
        "metadata": {
            "created_at": "2024-05-01T10:00:05Z",
            "type": "transcription",
            "transcription_config": {"language": "en", "diarization": "speaker"},
        },
        "results": [result for turn in turns for result in _speechmatics_results(turn)],
    }


#: Each service (our format name): the whole file's data from turns of the talk.
DIALECTS: dict[str, Callable[[list[list[Sentence]]], dict[str, Any]]] = {
    "whisperx": whisperx,
    "whisper-cpp": whisper_cpp,
    "aws-transcribe": aws,
    "google-stt": google,
    "azure-stt": azure,
    "deepgram": deepgram,
    "assemblyai": assemblyai,
    "revai": revai,
    "speechmatics": speechmatics,
}


def stt_data(dialect: str, size: int, seed: int = 1) -> dict[str, Any]:
    """`dialect`'s JSON data of about `size` bytes once written."""
    build = DIALECTS[dialect]
    # What one more turn adds to the file (its words and the views beside them), so the
    # file's header does not count once per turn.
    turns = _turns(size, seed, lambda turn: _dumps(build([turn, turn])) - _dumps(build([turn])))
    return build(turns)


def generate_stt_json(dialect: str, path: Path, size: int, seed: int = 1) -> Path:
    """Write `dialect`'s JSON of about `size` bytes to `path` (reused if about that size)."""
    if path.exists() and abs(path.stat().st_size - size) < size // 10:
        return path
    data = stt_data(dialect, size, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    return path


def generate_service(service: str, path: Path, size: int) -> Path:
    """`generate_stt_json`, or for Whisper `synth.generate_whisper_json`."""
    if service == "whisper":
        return generate_whisper_json(path, size)
    return generate_stt_json(service, path, size)


if __name__ == "__main__":  # python bench/sttsynth.py SERVICE PATH SIZE
    import sys

    generate_service(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
