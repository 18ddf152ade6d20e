"""Words of background speech: far quieter than the answer heard with them.

With people talking in the room (a TV, the kitchen), the grammar turns their words into
grammar words too, before and after the answer and in its pauses ("yeah" then "on not
really" from the talkers), and an answer comes out as another one. The person answering
speaks to the device, so their words are the loudest of the utterance; a word more than
BACKGROUND_DB below the loudest one heard with it is taken as background and left out.

Measured on the tuning voices (bench/history/hearing.md, round three): talkers at 10 dB, right
78 -> 81 of 204 files, wrong "Did you say ...?" 16 -> 9, wrong actions 2 -> 1; clean speech
unchanged (one wrong action fewer). Pure logic: the engine module applies it.

The unrestricted pass hears the same talk in the audio around the answer, and a transcript
of the answer and their words means nothing or something else. Its audio is turned down
(QUIET_GAIN_DB) wherever it is more than QUIET_DB below the loudest part of the utterance,
except within QUIET_HANG_S of it (round four).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Literal

import numpy as np

from assistant.listening.recognizer import Word

BACKGROUND_DB = 6.0
"""How far below the loudest word a word is background (6 and 10 dB measured: 6 kept more
right answers in talkers, the same clean)."""


def word_levels_db(
    words: list[Word], audio: bytes | bytearray, sample_rate_hz: int, *, loudest_part: bool = False
) -> list[float]:
    """Each word's level in the int16 mono audio, in dB: its mean power, or with
    loudest_part the power of its loudest 30 ms.

    A word's mean falls with its consonants and its unvoiced end ("help", "quit", "steps"
    6-9 dB below "need" or "many" in RHVoice slt's phrases, round five), so the person's
    own last word was taken for talk after the answer; its vowel is as loud as the rest,
    and talk 10 dB down is 10 dB down at its loudest too. The unrestricted pass's rule
    (foreground_transcript) uses the loudest part; the grammar's (foreground) keeps the
    mean: with the loudest part and only the words around the answer left out, the held-out
    voices' talkers were acted on more (round five: "turned it on" for "turn it up")."""
    samples = _samples(audio)
    frame = max(1, int(sample_rate_hz * _FRAME_S))
    levels = []
    for word in words:
        start = max(0, int(word.start_s * sample_rate_hz))
        end = max(start + 1, int(word.end_s * sample_rate_hz))
        span = samples[start:end]
        if loudest_part and len(span) // frame >= _LEVEL_FRAMES:
            power = float(np.max(_moving_mean(_frame_powers(span, frame))))
        else:
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


def foreground_transcript(
    words: list[Word], audio: bytes | bytearray, sample_rate_hz: int,
    meaning: Callable[[str], str], not_understood: Collection[str],
) -> tuple[list[Word], bool]:  # fmt: skip
    """(the unrestricted pass's words without the background ones, whether leaving those out
    turns one meaning into another). The same rule as the grammar's words: reading to the
    end of the utterance, the pass also transcribes the talk after the answer ("sleek not
    really" for "speak up", "the not really" for "speed up", both acted on as no in the
    first held-out measurement of round four), and those words are quieter than the
    answer's. Leaving them out changes what it means (into another meaning, or into
    nothing: "where to start from scratch" with a short "to" 16 dB down): two readings, the
    caller asks again, as for the grammar's words. Only the quiet words after the last
    loud one are left out: before it, a soft word is the person's own start ("from" of
    "from the beginning", 6 dB below "beginning", en-us at 175 wpm) or between two of their
    loud words ("a" of "just a sec", "i" of "what can I say": 9-12 dB below the loudest
    word at its loudest 30 ms, round five), and a word's level is its loudest 30 ms
    (word_levels_db). A transcript that means nothing keeps
    all its words: the pass's rules compare them with the grammar's (a real
    "no" is "i no" to the grammar and "i know" to the pass, its "i" quiet: without it, a
    clear "know" contradicted the "no"). Measured: bench/history/hearing.md, round four."""
    if len(words) < 2:
        return words, False
    levels = word_levels_db(words, audio, sample_rate_hz, loudest_part=True)
    loud = [i for i, level in enumerate(levels) if level >= max(levels) - BACKGROUND_DB]
    kept = words[: loud[-1] + 1]
    whole = meaning(" ".join(w.word for w in words))
    if len(kept) == len(words) or whole in not_understood:
        return words, False
    rest = meaning(" ".join(w.word for w in kept)) if kept else "silence"
    return kept, whole != rest


QUIET_DB = 10.0
"""How far below the utterance's loudest 30 ms the unrestricted pass's audio is turned
down. Measured on the tuning voices (bench/history/hearing.md, round four), talkers at 10 dB: right
78 -> 84 of 204, yes<->no flips 6 -> 3; clean unchanged, pink 162 -> 164. (With 150 ms
kept around: 6, 8, 10, 15 dB gave 81, 86, 84, 77 right, a spread within the bench's noise,
and 5-7 flips.)"""
QUIET_GAIN_DB = -40.0
QUIET_HANG_S = 0.3
"""Kept on both sides of the loud parts: the lead-in and the word ends the model needs (as
FREE_PASS_MARGIN_S); measured: 60 ms 10 flips, 150 ms 5, 300 ms 3 (talkers, tuning)."""
_FRAME_S = 0.01
_LEVEL_FRAMES = 3


def _samples(audio: bytes | bytearray) -> np.ndarray:
    return np.frombuffer(audio[: len(audio) & ~1], np.int16).astype(np.float32)


def _frame_powers(samples: np.ndarray, frame: int) -> np.ndarray:
    """Mean power of each whole frame of frame samples (a last partial frame left out)."""
    count = len(samples) // frame
    return np.mean(samples[: count * frame].reshape(count, frame) ** 2, axis=1)


def _moving_mean(powers: np.ndarray, mode: Literal["valid", "full"] = "valid") -> np.ndarray:
    """powers averaged over _LEVEL_FRAMES frames (30 ms)."""
    return np.convolve(powers, np.ones(_LEVEL_FRAMES) / _LEVEL_FRAMES, mode=mode)


def quiet_parts_turned_down(audio: bytes | bytearray, sample_rate_hz: int) -> bytes:
    """int16 mono audio with its parts more than QUIET_DB below its loudest 30 ms turned
    down by QUIET_GAIN_DB, QUIET_HANG_S kept around every loud part, gain changes smoothed
    over 10 ms. The whole utterance is known, so the level is keyed to its loudest part
    (the person answering, closest to the microphone), not to a running guess."""
    samples = _samples(audio)
    frame = max(1, int(sample_rate_hz * _FRAME_S))
    count = len(samples) // frame
    if count == 0:
        return samples.astype(np.int16).tobytes()
    smooth = _moving_mean(_frame_powers(samples, frame), mode="full")[:count]
    levels = 10.0 * np.log10(smooth + 1.0)
    loud = levels >= levels.max() - QUIET_DB
    hang = int(round(QUIET_HANG_S / _FRAME_S))
    # Centred by hand: numpy's "same" gives the longer of the two lengths, so audio shorter
    # than the window (0.61 s) made the gains longer than the audio (ValueError).
    spread = np.convolve(loud.astype(np.float32), np.ones(2 * hang + 1), mode="full")
    kept = spread[hang : hang + count] > 0
    gains = np.where(kept, 1.0, 10 ** (QUIET_GAIN_DB / 20)).astype(np.float32)
    stepped = np.repeat(gains, frame)
    stepped = np.concatenate([stepped, np.full(len(samples) - len(stepped), gains[-1])])
    smoothed = np.convolve(stepped, np.ones(frame) / frame, mode="same")
    return np.clip(np.round(samples * smoothed), -32768, 32767).astype(np.int16).tobytes()


def frame_levels_db(
    audio: bytes | bytearray, sample_rate_hz: int, *, smoothed: bool = False
) -> np.ndarray:
    """The int16 mono audio's level every 10 ms, in dB (its mean power + 1, so digital
    silence is 0 dB); smoothed: each averaged over 30 ms (none for audio shorter)."""
    powers = _frame_powers(_samples(audio), max(1, int(sample_rate_hz * _FRAME_S)))
    return _db(_smoothed(powers) if smoothed else powers)


def frame_levels_both_db(
    audio: bytes | bytearray, sample_rate_hz: int
) -> tuple[np.ndarray, np.ndarray]:
    """frame_levels_db as it is and smoothed, from one pass over the audio."""
    powers = _frame_powers(_samples(audio), max(1, int(sample_rate_hz * _FRAME_S)))
    return _db(powers), _db(_smoothed(powers))


def _smoothed(powers: np.ndarray) -> np.ndarray:
    return _moving_mean(powers) if len(powers) >= _LEVEL_FRAMES else powers[:0]


def _db(powers: np.ndarray) -> np.ndarray:
    return 10.0 * np.log10(powers + 1.0)


def clear_of_background_db(audio: bytes | bytearray, sample_rate_hz: int) -> float:
    """How far the utterance's loudest 30 ms stands above its quieter parts (the 10th
    percentile of its 30 ms levels), in dB: the background it was heard in. Measured on
    the bench's files (round five): clean 73-80 dB, talkers at 10 dB SNR 20-33, pink
    16-24; the dev set's real recordings, with the 300 ms before and 1.5 s after that
    bench_recognition feeds, 56 dB and more."""
    levels = frame_levels_db(audio, sample_rate_hz, smoothed=True)
    if len(levels) == 0:
        return 0.0
    return float(levels.max() - np.percentile(levels, 10))
