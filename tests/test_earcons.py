"""The turn-taking tones: short, click-free, and telling the three cues apart by ear."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.interfaces import Cue
from assistant.speaking import earcons

RATE_HZ = earcons.DEFAULT_SAMPLE_RATE_HZ


def note_pitches_hz(samples: np.ndarray, sample_rate_hz: int = RATE_HZ) -> list[float]:
    """Dominant frequency of each stretch of sound separated by silence (one per note)."""
    loud = np.abs(samples) > 0.02
    pitches = []
    index = 0
    while index < len(samples):
        if not loud[index]:
            index += 1
            continue
        end = index
        # A note ends at the first 5 ms of silence.
        gap = int(sample_rate_hz * 0.005)
        while end < len(samples) and loud[end : end + gap].any():
            end += 1
        segment = samples[index:end]
        spectrum = np.abs(np.fft.rfft(segment * np.hanning(len(segment)), n=1 << 16))
        pitches.append(float(np.argmax(spectrum) * sample_rate_hz / (1 << 16)))
        index = end
    return pitches


@pytest.mark.parametrize("cue", list(Cue))
def test_each_cue_is_short_and_click_free(cue: Cue) -> None:
    clip = earcons.earcon(cue)
    assert clip.dtype == np.float32
    assert 60 <= 1000 * len(clip) / RATE_HZ <= 300
    assert np.max(np.abs(clip)) <= earcons.PEAK_AMPLITUDE + 1e-6
    # Starts and ends at (nearly) zero: no click when the stream opens and closes.
    assert abs(clip[0]) < 0.01 and abs(clip[-1]) < 0.01
    assert abs(1000 * len(clip) / RATE_HZ - earcons.duration_ms(cue)) < 2


def test_cues_differ_in_pitch_number_of_notes_and_direction() -> None:
    listening = note_pitches_hz(earcons.earcon(Cue.LISTENING))
    understood = note_pitches_hz(earcons.earcon(Cue.UNDERSTOOD))
    not_understood = note_pitches_hz(earcons.earcon(Cue.NOT_UNDERSTOOD))
    assert len(listening) == 2 and listening[1] > listening[0] * 1.3  # rising
    assert len(understood) == 1 and understood[0] > 1000  # one high note
    assert len(not_understood) == 2 and not_understood[1] < not_understood[0] / 1.3  # falling
    assert max(not_understood) < min(listening)  # low register, apart from the others


def test_other_sample_rates() -> None:
    clip = earcons.earcon(Cue.UNDERSTOOD, 48000)
    assert note_pitches_hz(clip, 48000) == pytest.approx([1320.0], abs=5)
