"""Turn-taking cues (earcons): short tones made in code, one per Cue.

They must be told apart without seeing anything, so they differ in three ways at once:
pitch register, number of notes and direction.

* LISTENING: two notes rising a fifth (660 -> 990 Hz), "your turn" - the common convention
  for a voice assistant that has started to listen.
* UNDERSTOOD: one short high note (1320 Hz), a light "got it".
* NOT_UNDERSTOOD: two low notes falling (440 -> 311 Hz, a tritone), with a little
  third harmonic so it sounds duller - an "uh-oh".

All are under 300 ms, so they never hold up the conversation, and each note has 8 ms
fades so there are no clicks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.interfaces import Cue

if TYPE_CHECKING:
    import numpy as np

DEFAULT_SAMPLE_RATE_HZ = 22050
FADE_MS = 8.0
GAP_MS = 25.0
# Below the speech peak level (~0.9 after normalization): a cue should not startle.
PEAK_AMPLITUDE = 0.5


@dataclass(frozen=True)
class Note:
    frequency_hz: float
    duration_ms: float
    third_harmonic: float = 0.0
    """Relative level of the 3rd harmonic; gives the "not understood" tone a duller colour."""


EARCON_NOTES: dict[Cue, tuple[Note, ...]] = {
    Cue.LISTENING: (Note(660.0, 90.0), Note(990.0, 110.0)),
    Cue.UNDERSTOOD: (Note(1320.0, 90.0),),
    Cue.NOT_UNDERSTOOD: (Note(440.0, 110.0, 0.3), Note(311.0, 150.0, 0.3)),
}


def _note_samples(note: Note, sample_rate_hz: int) -> np.ndarray:
    import numpy as np

    count = int(sample_rate_hz * note.duration_ms / 1000)
    t = np.arange(count, dtype=np.float64) / sample_rate_hz
    wave = np.sin(2 * np.pi * note.frequency_hz * t)
    if note.third_harmonic:
        wave += note.third_harmonic * np.sin(2 * np.pi * 3 * note.frequency_hz * t)
        wave /= 1.0 + note.third_harmonic
    fade = min(count // 2, int(sample_rate_hz * FADE_MS / 1000))
    if fade:
        ramp = np.sin(np.linspace(0.0, np.pi / 2, fade)) ** 2
        wave[:fade] *= ramp
        wave[-fade:] *= ramp[::-1]
    return wave


def earcon(cue: Cue, sample_rate_hz: int = DEFAULT_SAMPLE_RATE_HZ) -> np.ndarray:
    """float32 mono samples in -1..1 for a cue (before the user's volume is applied)."""
    import numpy as np

    gap = np.zeros(int(sample_rate_hz * GAP_MS / 1000))
    parts: list[np.ndarray] = []
    for index, note in enumerate(EARCON_NOTES[cue]):
        if index:
            parts.append(gap)
        parts.append(_note_samples(note, sample_rate_hz))
    return (np.concatenate(parts) * PEAK_AMPLITUDE).astype(np.float32)


def duration_ms(cue: Cue) -> float:
    notes = EARCON_NOTES[cue]
    return sum(note.duration_ms for note in notes) + GAP_MS * (len(notes) - 1)
