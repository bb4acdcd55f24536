"""Readers of speech-to-text services' JSON, one module per dialect, told apart by keys.

Every dialect becomes the same thing: parts (the service's segments or utterances, or,
for services that time only words, sentences of about two caption lines cut at word
times) with their speaker and timed words, assembled into turns by `turns.assemble`:
consecutive parts of one speaker make one turn. Punctuation that a service gives as a
token of its own is attached to the word before it. Machine speaker labels (`spk_0`,
`SPEAKER_00`, `A`, `S1`, speaker numbers) are kept as they are; `--speaker-map` names
them.

Where a service offers several views that can disagree, the reader follows the finest
diarisation it has: Deepgram's per-word speakers (which its paragraphs agree with)
rather than its utterances, whose single speaker can hide a change of speaker inside
them; Google's last result, which repeats every word with its speaker tag.

Speed: a reader reads the usual list of words (every word with the same keys, plain
times) at once with `bulk`, and any other list word by word, which names the place of
an error; the two give the same document (`tests/readers/test_stt_fast.py`).
"""
