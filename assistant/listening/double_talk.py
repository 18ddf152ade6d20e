"""Is someone talking over the prompt? An energy double-talk detector on 10 ms frames.

The microphone's energy over a word is set against what the prompt's echo alone would bring
there: the echo path's gain (energy captured over energy played, in the seconds of played
speech before the word) times the energy that played over the word one echo delay earlier.
The prompt's own voice stays near 0 dB; a user talking over it rises by how much louder the
user is than the echo.

The echo delay is measured, not assumed: on the test rig the echo comes 0.12-0.15 s after
the reference the canceller gets on a quiet machine and 0.17 s or more on a loaded one (the
sound server raises its latency after an underrun). A fixed 0.2 s window, averaged, counted
the quiet gap before a word as part of its echo: the commands the greeting lists after
commas ("go back, pause, and stop") measured 2-4 dB of talk with nobody talking, and a
clean-clone CI run cut the greeting on its own "pause" (bench/history/barge-in.md).
"""

from __future__ import annotations

import numpy as np

FRAME_S = 0.01
MIN_ECHO_FRAMES = 30
"""The gain needs this many frames (0.3 s) of played speech before the word."""
MAX_ECHO_DELAY_S = 0.5
"""The longest echo delay looked for, after the reference the canceller gets (here and in
echo_cancel.ECHO_LAGS_S, the echo detector's)."""
MAX_LAG_FRAMES = round(MAX_ECHO_DELAY_S / FRAME_S)
"""Echo delays looked for, in frames: 0 to MAX_ECHO_DELAY_S."""
LAG_WINDOW_S = 3.0
"""The delay is measured over this much audio before the word..."""
MIN_LAG_PLAYED_FRAMES = 50
"""...with at least this much played speech in it (0.5 s)..."""
MIN_LAG_CORRELATION = 0.3
"""...and trusted when the energies correlate this well at it (the rig's echo: 0.6-0.9)."""
LAG_SLACK_FRAMES = 3
"""The expected echo is the largest over the measured delay +- this many frames (30 ms of
jitter); without a measured delay, over every delay looked for: never under-counted."""
LOG_FLOOR = 1e3
"""Energies are correlated as logs, with this floor (silence is not -inf)."""


def measured_lag(captured: np.ndarray, played: np.ndarray, loud: float) -> int | None:
    """The echo delay in frames at which the captured energies follow the played ones best,
    or None when too little speech played or nothing follows it well enough."""
    if len(captured) <= MAX_LAG_FRAMES or int(np.sum(played >= loud)) < MIN_LAG_PLAYED_FRAMES:
        return None
    mic, ref = np.log10(captured + LOG_FLOOR), np.log10(played + LOG_FLOOR)
    best, best_lag = MIN_LAG_CORRELATION, None
    for lag in range(MAX_LAG_FRAMES + 1):
        a, b = mic[lag:], ref[: len(ref) - lag]
        if a.std() == 0.0 or b.std() == 0.0:
            continue
        correlation = float(np.corrcoef(a, b)[0, 1])
        if correlation > best:
            best, best_lag = correlation, lag
    return best_lag


def double_talk_db(
    times: np.ndarray,
    captured: np.ndarray,
    played: np.ndarray,
    start_s: float,
    end_s: float,
    before_s: float,
    loud: float,
) -> float | None:
    """How much more the microphone captured from start_s to end_s (a word) than the echo
    alone would have brought, dB. times, captured, played: per consecutive frame, its
    capture time and energies. before_s: the played speech before the word the gain is
    measured over; loud: a frame's played energy that counts as speech. None without enough
    played speech before the word, or no frame in it."""
    word = np.flatnonzero((times >= start_s) & (times < end_s))
    if len(word) == 0:
        return None
    window = np.flatnonzero((times >= start_s - LAG_WINDOW_S) & (times < start_s))
    lag = measured_lag(captured[window], played[window], loud) if len(window) else None
    lags = (
        range(MAX_LAG_FRAMES + 1)
        if lag is None
        else range(max(0, lag - LAG_SLACK_FRAMES), lag + LAG_SLACK_FRAMES + 1)
    )
    before = np.flatnonzero((times >= start_s - before_s) & (times < start_s))
    expected = None
    for shift in lags:
        echoed = before[before - shift >= 0]
        echoed = echoed[played[echoed - shift] >= loud]
        if len(echoed) < MIN_ECHO_FRAMES:
            continue
        gain = float(np.sum(captured[echoed])) / max(float(np.sum(played[echoed - shift])), 1.0)
        echo = gain * float(np.sum(played[word[word - shift >= 0] - shift]))
        expected = echo if expected is None else max(expected, echo)
    if expected is None:
        return None
    expected = max(expected, float(len(word)))
    return float(10 * np.log10(max(float(np.sum(captured[word])), 1.0) / expected))


OWN_VOICE_CORRELATION = 0.7
"""A word whose captured audio correlates this well (normalized, at its best delay) with a
stretch of what played before it is the prompt's own voice, whatever the energies say. The
own voice through the test rig: 0.97-0.99 per word. A user talking X dB over an echo that
correlates c: at most c / sqrt(1 + 10^(X/10)), 0.71 at 0 dB and 0.58 at 3 dB even at c = 1,
and the energy rule asks 3 dB: the two never disagree about a user over a linear echo, and
where the room makes the echo less like what played this finds less of it (no worse than
the energies alone). The energies judge the echo expected where it is; this finds it
wherever the delay went: the test rig's echo reader, behind on a loaded machine, once
delayed it by half a second, and the energies read 80 dB of "talk" over the prompt's own
words (bench/history/barge-in.md)."""
QUIET_PLAYED_RMS = 100.0
"""Stretches of played audio quieter than this (RMS, int16) are not compared."""


def cross_correlation(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """c[k] = sum over t of x[t + k] * y[t], by FFT over a power of two at least
    len(x) + len(y) - 1 long: lag k >= 0 at c[k], a negative lag at c[len(c) + k]."""
    size = 1 << (len(x) + len(y) - 1).bit_length()
    return np.fft.irfft(np.fft.rfft(x, size) * np.conj(np.fft.rfft(y, size)), size)


def echo_correlation(word: np.ndarray, played: np.ndarray) -> float:
    """The largest normalized correlation of the word's captured samples with a stretch of
    the played samples as long as it, at any offset: played runs from the longest delay
    looked for before the word to the word's end. 0.0 when either is silent."""
    n, m = len(word), len(played)
    if n == 0 or m < n:
        return 0.0
    w, p = word.astype(np.float64), played.astype(np.float64)
    word_norm = float(np.sqrt(np.dot(w, w)))
    if word_norm == 0.0:
        return 0.0
    corr = cross_correlation(p, w)[: m - n + 1]
    energy = np.concatenate([[0.0], np.cumsum(p * p)])
    window = energy[n:] - energy[: m - n + 1]
    loud = window >= n * QUIET_PLAYED_RMS**2
    if not loud.any():
        return 0.0
    return float(np.max(np.abs(corr[loud]) / (word_norm * np.sqrt(window[loud]))))
