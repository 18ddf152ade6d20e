"""The double-talk detector (assistant/listening/double_talk.py) on frame energies shaped like
a prompt that lists commands after commas: its own echo, however late, is never taken for
someone talking; a user's word over it is."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.listening.double_talk import OWN_VOICE_CORRELATION, double_talk_db, echo_correlation

FRAME_S = 0.01
LOUD = 300.0**2 * 160
SPEECH = 2000.0**2 * 160
"""A frame of played speech (RMS 2000)."""


def listed_commands(seconds: float = 6.0) -> np.ndarray:
    """Played energy of a prompt like "help, repeat, go back, pause, and stop": 0.45 s words
    with 0.25 s pauses (the commas) between them, each word louder than the last."""
    frames = int(seconds / FRAME_S)
    played = np.zeros(frames)
    t = 0
    level = 0.5
    while t < frames:
        played[t : t + 45] = SPEECH * level
        level = min(level * 1.25, 2.0)
        t += 45 + 25
    return played


def echo_of(played: np.ndarray, delay_s: float, gain_db: float = -6.0) -> np.ndarray:
    shift = int(round(delay_s / FRAME_S))
    captured = np.full_like(played, 100.0 * 160)  # the room's own floor
    captured[shift:] += played[: len(played) - shift] * 10 ** (gain_db / 10)
    return captured


def last_word(played: np.ndarray, delay_s: float) -> tuple[float, float]:
    """Where the microphone hears the prompt's last whole word (capture clock, s)."""
    starts = np.flatnonzero(np.diff((played > 0).astype(int)) == 1) + 1
    start = starts[-2] * FRAME_S + delay_s
    return start, start + 0.45


@pytest.mark.parametrize("delay_s", [0.12, 0.17, 0.25, 0.4])
def test_the_prompt_s_own_word_is_no_double_talk_however_late_its_echo(delay_s):
    """A fixed 0.2 s window counted the comma's silence before a listed command as part of
    its echo: the greeting's own "pause" measured 4 dB of talk on a loaded machine."""
    played = listed_commands()
    captured = echo_of(played, delay_s)
    times = np.arange(len(played)) * FRAME_S
    start, end = last_word(played, delay_s)
    talk = double_talk_db(times, captured, played, start, end, 1.5, LOUD)
    assert talk is not None and talk < 1.0


@pytest.mark.parametrize("delay_s", [0.12, 0.25, 0.4])
def test_a_word_said_over_the_prompt_is_double_talk(delay_s):
    """A user's "stop" 6 dB louder than the echo, over the prompt's last word."""
    played = listed_commands()
    captured = echo_of(played, delay_s)
    times = np.arange(len(played)) * FRAME_S
    start, end = last_word(played, delay_s)
    word = (times >= start) & (times < end)
    captured[word] += captured[word] * 10 ** (6.0 / 10)
    talk = double_talk_db(times, captured, played, start, end, 1.5, LOUD)
    assert talk is not None and talk >= 4.0


def test_nothing_played_before_the_word_says_nothing():
    times = np.arange(300) * FRAME_S
    quiet = np.zeros(300)
    assert double_talk_db(times, quiet + 1e4, quiet, 2.0, 2.4, 1.5, LOUD) is None


def speech_like(rng: np.random.Generator, seconds: float) -> np.ndarray:
    """Noise shaped in time like syllables (5 a second), as int16 samples at 16 kHz."""
    n = int(seconds * 16000)
    envelope = np.abs(np.sin(np.arange(n) * np.pi * 5 / 16000))
    return (rng.standard_normal(n) * 3000 * envelope).astype(np.int16)


@pytest.mark.parametrize("delay_s", [0.05, 0.17, 0.6])
def test_the_prompt_s_own_audio_is_found_wherever_its_echo_went(delay_s):
    """The microphone's audio over a word, found in what played up to a second before it."""
    rng = np.random.default_rng(1)
    played = speech_like(rng, 3.0)
    shift = int(delay_s * 16000)
    word = (played[2 * 16000 - shift : int(2.4 * 16000) - shift] * 0.5).astype(np.int16)
    assert echo_correlation(word, played[16000 : int(2.4 * 16000)]) >= OWN_VOICE_CORRELATION


@pytest.mark.parametrize("over_db", [3.0, 6.0, 10.0])
def test_a_user_talking_over_the_echo_is_not_the_prompt_s_own(over_db):
    """From the 3 dB over the echo that the energy rule asks, a user's word is the user's."""
    rng = np.random.default_rng(2)
    played = speech_like(rng, 3.0)
    shift = int(0.17 * 16000)
    echo = played[2 * 16000 - shift : int(2.4 * 16000) - shift].astype(np.float64) * 0.5
    user = speech_like(rng, 0.4).astype(np.float64)
    user *= np.sqrt(np.mean(echo**2) / np.mean(user**2)) * 10 ** (over_db / 20)
    word = np.clip(echo + user, -32768, 32767).astype(np.int16)
    assert echo_correlation(word, played[16000 : int(2.4 * 16000)]) < OWN_VOICE_CORRELATION
