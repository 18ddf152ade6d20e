"""Recognizing a recording as if it were spoken into the microphone (`recognize`, tests, bench).

Silence is put around it, as a microphone would have: the model misses words that start in
its very first frames (measured: synthesized "no" and "done" were lost without it), and
endpointing needs the silence after the speech. The first decision wins.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.audio.audio_format import AudioFormat
from assistant.listening.recognizer import Decision, Recognizer, Word

LEADING_SILENCE_MS = 300.0
TRAILING_SILENCE_MS = 1500.0
# Audio is fed in slices of this length (also the microphone's block size).
CHUNK_MS = 40


def recognize_samples(
    recognizer: Recognizer,
    samples: np.ndarray,
    *,
    leading_silence_ms: float = LEADING_SILENCE_MS,
    trailing_silence_ms: float = TRAILING_SILENCE_MS,
    chunk_ms: float = CHUNK_MS,
) -> Decision:
    """Feed int16 mono samples (at the recognizer's rate) to a fresh recognizer.

    Times in the Decision are relative to the start of the recording.
    """
    stream = AudioFormat(recognizer.sample_rate_hz)
    lead = np.zeros(stream.frames(leading_silence_ms), np.int16)
    tail = np.zeros(stream.frames(trailing_silence_ms), np.int16)
    padded = np.concatenate([lead, np.ascontiguousarray(samples, dtype=np.int16), tail])
    step = stream.frames(chunk_ms)
    decision = None
    for start in range(0, len(padded), step):
        decision = recognizer.accept(padded[start : start + step].tobytes())
        if decision is not None:
            break
    if decision is None:
        decision = recognizer.flush()
    lead_s = len(lead) / stream.sample_rate_hz
    words = [
        Word(w.word, w.confidence, w.start_s - lead_s, w.end_s - lead_s) for w in decision.words
    ]
    return replace(decision, decided_at_ms=decision.decided_at_ms - 1000.0 * lead_s, words=words)
