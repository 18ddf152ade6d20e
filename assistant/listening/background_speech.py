"""Words of background speech: far quieter than the answer heard with them.

With people talking in the room (a TV, the kitchen), the grammar turns their words into
grammar words too, before and after the answer and in its pauses ("yeah" then "on not
really" from the talkers), and an answer comes out as another one. The person answering
speaks to the device, so their words are the loudest of the utterance; a word more than
BACKGROUND_DB below the loudest one heard with it is taken as background and left out.

Measured on the tuning voices (bench/README.md, round three): talkers at 10 dB, right
78 -> 81 of 204 files, wrong "Did you say ...?" 16 -> 9, wrong actions 2 -> 1; clean speech
unchanged (one wrong action fewer). Pure logic: the engine module applies it.
"""

from __future__ import annotations

import numpy as np

from assistant.listening.recognizer import Word

BACKGROUND_DB = 6.0
"""How far below the loudest word a word is background (6 and 10 dB measured: 6 kept more
right answers in talkers, the same clean)."""


def word_levels_db(words: list[Word], audio: bytes | bytearray, sample_rate_hz: int) -> list[float]:
    """Each word's power over its span of the int16 mono audio, in dB."""
    samples = np.frombuffer(audio[: len(audio) & ~1], np.int16).astype(np.float32)
    levels = []
    for word in words:
        start = max(0, int(word.start_s * sample_rate_hz))
        end = max(start + 1, int(word.end_s * sample_rate_hz))
        span = samples[start:end]
        power = float(np.mean(span**2)) if len(span) else 0.0
        levels.append(10.0 * np.log10(power + 1.0))
    return levels


def foreground(words: list[Word], audio: bytes | bytearray, sample_rate_hz: int) -> list[Word]:
    """The words within BACKGROUND_DB of the loudest one (all of them for one word, whose
    audio is then not read)."""
    if len(words) < 2:
        return words
    levels = word_levels_db(words, audio, sample_rate_hz)
    loudest = max(levels)
    return [w for w, level in zip(words, levels, strict=True) if level >= loudest - BACKGROUND_DB]
