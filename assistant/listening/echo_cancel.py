"""The microphone with the assistant's own voice taken out: acoustic echo cancellation.

EchoCancelledSource is an AudioSource (listen_loop.py) over the Microphone: each block it
reads is handed, 10 ms at a time, to an echo canceller together with what the loudspeaker
was playing at the moment the block was captured (audio/echo_reference.py). What comes
out is the room without the prompt: the user's voice over the assistant's.

Cancellers by name (CANCELLERS, --echo-canceller; the command line's default `auto` picks
"pulse" or "speex+webrtc": cli/echo_canceller_choice.py): "speex+webrtc" (ListeningSettings'
default), libspeexdsp's linear filter then WebRTC's AEC3; "webrtc", AEC3 alone through the `livekit`
package's offline AudioProcessingModule; "speex", libspeexdsp's canceller and residual
suppressor; "none" for headphones; "pulse", the sound server's module-echo-cancel
(audio/pulse_echo_cancel.py), the blocks passed on as they came. README "Interrupting" and
bench/history/barge-in.md have the measurements (echo removed, false interruptions,
interruptions heard, compute): AEC3 never let the assistant interrupt itself, but it also
removes much of a short word said over the prompt; the linear filter before it leaves it
less to remove.

With headphones there is no echo: an EchoDetector in the source notices it after a few
seconds of speech and the microphone then goes through uncancelled.
"""

from __future__ import annotations

import collections
import time
from typing import Any, Self

import numpy as np

from assistant.audio.echo_reference import EchoReference, SampleClock
from assistant.listening import double_talk
from assistant.listening.microphone import CaptureStats, Microphone

FRAME_MS = 10
"""WebRTC's audio processing works on 10 ms frames."""
REFERENCE_LEAD_S = 0.08
"""Each microphone block is processed with the reference that played up to this much
*after* its capture time, i.e. the canceller sees the echo this much later than the stream
times say. Those times can be off by tens of ms either way (the ALSA pulse plugin
estimates its latencies: on the test server an echo arrived up to 40 ms before its
reported DAC time), and AEC3 finds any delay from 0 to several hundred ms but cannot
cancel an echo that comes before its reference."""
REFERENCE_WAIT_S = 0.2
LEVELS_KEEP_S = 15.0
"""Per-frame levels kept for levels() (a monitor's recognizer covers at most 10 s)."""
"""How long a block may wait for its reference to be played (normally it already has: the
output is ahead of the DAC by its latency)."""


ECHO_WINDOW_S = 1.0
"""The echo detector judges the microphone against the reference one second at a time."""
ECHO_LAGS_S = (-0.1, double_talk.MAX_ECHO_DELAY_S)
"""Echo delays it looks for, after the reference handed to the canceller (which is already
REFERENCE_LEAD_S ahead of the stream times): the rig's echo comes 0.12-0.15 s after it."""
ECHO_CORRELATION = 0.4
"""Peak normalized cross-correlation of microphone and reference above which a window has
an echo. Measured offline: 0.61-0.99 per window with the rig's loudspeaker heard (-6 dB,
35 s of prompts); at most 0.15 for real "stop" recordings back to back against the same
prompts (no echo, a user talking all the time). First set at 0.3; on the rig with
headphones a window reached 0.28 (tune half: a short word in a silent second), so 0.4
(bench/history/barge-in.md). Too low only costs the pass-through (it cancels, as without it)."""
NO_ECHO_AFTER_S = 3.0
"""Seconds of played speech with no echo before the microphone is passed uncancelled."""
OWN_VOICE_MAX_DELAY_S = 1.0
"""echo_correlation looks for the word in what played up to this long before it."""
PLAYED_SPEECH_LEVEL = 300.0
"""RMS (int16) of the reference above which a window counts as speech played."""


class EchoDetector:
    """Is the loudspeaker heard by the microphone at all? Headphones: no.

    A canceller that expects an echo takes out the user's voice with it, even where there is
    no echo (WebRTC's AEC3 removed most of a "stop" said over the first seconds of speech
    with headphones: README, Interrupting). So the source passes the microphone through
    uncancelled once NO_ECHO_AFTER_S of played speech have shown no echo and none had one.
    Until then (the session's first seconds of speech) it cancels, and once an echo has
    been heard it cancels for the rest of the session (a user talking over the prompt could
    hide the echo for a while): a missed interruption costs waiting for the prompt's end,
    an echo let through could act on its own voice. The canceller runs all along, so it is
    adapted whenever it is needed."""

    def __init__(self, sample_rate_hz: int) -> None:
        self.sample_rate_hz = sample_rate_hz
        self._window = int(ECHO_WINDOW_S * sample_rate_hz)
        self._captured: list[np.ndarray] = []
        self._played: list[np.ndarray] = []
        self._count = 0
        self.quiet_speech_s = 0.0
        """Played speech without an echo so far."""
        self.echo: bool | None = None
        """None until known: True once an echo was heard, False after NO_ECHO_AFTER_S."""
        self.correlations: list[float] = []
        """Peak correlation of each window with speech played (benches)."""

    def add(self, captured: np.ndarray, played: np.ndarray) -> None:
        self._captured.append(captured)
        self._played.append(played)
        self._count += len(captured)
        if self._count >= self._window:
            self._judge(np.concatenate(self._captured), np.concatenate(self._played))
            self._captured, self._played, self._count = [], [], 0

    def _judge(self, captured: np.ndarray, played: np.ndarray) -> None:
        if self.echo:
            return  # heard once: cancelled for the rest of the session
        ref = played.astype(np.float64)
        if np.sqrt(np.mean(ref * ref)) < PLAYED_SPEECH_LEVEL:
            return  # nothing (or only a faint cue) played: says nothing about an echo
        correlation = peak_correlation(captured.astype(np.float64), ref, self.sample_rate_hz)
        self.correlations.append(correlation)
        if correlation >= ECHO_CORRELATION:
            self.echo = True
            return
        self.quiet_speech_s += len(captured) / self.sample_rate_hz
        if self.quiet_speech_s >= NO_ECHO_AFTER_S:
            self.echo = False


def peak_correlation(captured: np.ndarray, played: np.ndarray, sample_rate_hz: int) -> float:
    """The largest |normalized cross-correlation| of captured with played delayed by
    ECHO_LAGS_S (whole-window normalization)."""
    norm = np.sqrt(np.dot(captured, captured) * np.dot(played, played))
    if norm <= 0.0:
        return 0.0
    corr = double_talk.cross_correlation(captured, played)  # sum captured[t + k] played[t]
    size = len(corr)
    low, high = (round(lag * sample_rate_hz) for lag in ECHO_LAGS_S)
    lags = (
        np.concatenate([corr[size + low :], corr[: high + 1]]) if low < 0 else corr[low : high + 1]
    )
    return float(np.max(np.abs(lags)) / norm)


class EchoCancellerUnavailable(Exception):
    """The echo cancellation library cannot be loaded; one line for the user."""


class _Canceller:
    """What every canceller is built by: cancelled() asks the class named (CANCELLERS) for
    one over the microphone, so that a canceller needing more than the sample rate (the
    server's, a second input) says so in its own class, not by its name there."""

    @classmethod
    def for_microphone(cls, microphone: Microphone) -> Self:
        return cls(microphone.sample_rate_hz)  # type: ignore[call-arg]  # each its own __init__


class WebRtcEchoCanceller(_Canceller):
    """AEC3 with a high-pass filter; no noise suppression or gain control (the recognizer
    was tuned on unprocessed audio)."""

    needs_reference = True

    def __init__(self, sample_rate_hz: int) -> None:
        try:
            from livekit import rtc
        except ImportError as exc:
            raise EchoCancellerUnavailable(f"the livekit package cannot be loaded: {exc}") from exc
        self._rtc = rtc
        self.sample_rate_hz = sample_rate_hz
        self.frame_samples = sample_rate_hz * FRAME_MS // 1000
        self._apm: Any = rtc.AudioProcessingModule(
            echo_cancellation=True,
            noise_suppression=False,
            high_pass_filter=True,
            auto_gain_control=False,
        )

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        """int16 frames of frame_samples: the capture with the echo of `played` removed."""
        rtc, rate, n = self._rtc, self.sample_rate_hz, self.frame_samples
        self._apm.process_reverse_stream(rtc.AudioFrame(played.tobytes(), rate, 1, n))
        frame = rtc.AudioFrame(captured.tobytes(), rate, 1, n)
        self._apm.process_stream(frame)
        return np.frombuffer(frame.data, np.int16).copy()


class SpeexEchoCanceller(_Canceller):
    """speexdsp's echo canceller (MDF adaptive filter) and its residual echo suppressor,
    from Debian's libspeexdsp1 through ctypes; the preprocessor's denoiser stays off (the
    recognizer was tuned on unprocessed audio)."""

    needs_reference = True
    FILTER_MS = 200
    """Echo tail the filter models: the reference lead, the sound server and the room."""
    _SET_SAMPLING_RATE = 24  # speex_echo.h: SPEEX_ECHO_SET_SAMPLING_RATE
    _SET_DENOISE = 0  # speex_preprocess.h: SPEEX_PREPROCESS_SET_DENOISE
    _SET_ECHO_STATE = 24  # speex_preprocess.h: SPEEX_PREPROCESS_SET_ECHO_STATE

    def __init__(self, sample_rate_hz: int, suppress_residual: bool = True) -> None:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("speexdsp") or "libspeexdsp.so.1"
        try:
            lib = ctypes.CDLL(name)
        except OSError as exc:
            raise EchoCancellerUnavailable(f"libspeexdsp cannot be loaded: {exc}") from exc
        lib.speex_echo_state_init.restype = ctypes.c_void_p
        lib.speex_echo_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
        lib.speex_preprocess_state_init.restype = ctypes.c_void_p
        lib.speex_preprocess_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
        lib.speex_echo_ctl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
        lib.speex_preprocess_ctl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
        lib.speex_echo_cancellation.argtypes = [ctypes.c_void_p] * 4
        lib.speex_preprocess_run.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.speex_echo_state_destroy.argtypes = [ctypes.c_void_p]
        lib.speex_preprocess_state_destroy.argtypes = [ctypes.c_void_p]
        self._lib = lib
        self.sample_rate_hz = sample_rate_hz
        self.frame_samples = sample_rate_hz * FRAME_MS // 1000
        tail = sample_rate_hz * self.FILTER_MS // 1000
        self._echo = lib.speex_echo_state_init(self.frame_samples, tail)
        self._pre = lib.speex_preprocess_state_init(self.frame_samples, sample_rate_hz)
        rate, off = ctypes.c_int(sample_rate_hz), ctypes.c_int(0)
        lib.speex_echo_ctl(self._echo, self._SET_SAMPLING_RATE, ctypes.byref(rate))
        lib.speex_preprocess_ctl(self._pre, self._SET_DENOISE, ctypes.byref(off))
        lib.speex_preprocess_ctl(self._pre, self._SET_ECHO_STATE, self._echo)
        self._out = np.zeros(self.frame_samples, np.int16)
        self._suppress_residual = suppress_residual

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        captured = np.ascontiguousarray(captured, np.int16)
        played = np.ascontiguousarray(played, np.int16)
        out = self._out
        self._lib.speex_echo_cancellation(
            self._echo, captured.ctypes.data, played.ctypes.data, out.ctypes.data
        )
        if self._suppress_residual:
            self._lib.speex_preprocess_run(self._pre, out.ctypes.data)
        return out.copy()

    def __del__(self) -> None:
        lib = getattr(self, "_lib", None)
        if lib is not None:
            lib.speex_preprocess_state_destroy(self._pre)
            lib.speex_echo_state_destroy(self._echo)


class CascadeEchoCanceller(_Canceller):
    """speexdsp's linear filter (no residual suppressor), then WebRTC's AEC3 on what it
    leaves (the default, "speex+webrtc"). AEC3 alone sees the whole echo and suppresses
    hard wherever the loudspeaker plays, much of the user's voice with it; after the linear
    filter it has less echo to remove. Measured on the rig's tune half (bench/history/barge-in.md):
    more echo removed (21.7 against 16.4 dB), more real stops interrupting (40% against
    33%), no false interruption either way. Without libspeexdsp it is AEC3 alone."""

    needs_reference = True

    def __init__(self, sample_rate_hz: int) -> None:
        self.aec3 = WebRtcEchoCanceller(sample_rate_hz)
        try:
            self.linear: SpeexEchoCanceller | None = SpeexEchoCanceller(
                sample_rate_hz, suppress_residual=False
            )
        except EchoCancellerUnavailable:
            self.linear = None
        self.sample_rate_hz = sample_rate_hz
        self.frame_samples = self.aec3.frame_samples

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        if self.linear is not None:
            captured = self.linear.process(captured, played)
        self.linear_out = captured
        return self.aec3.process(captured, played)

    linear_out: np.ndarray | None = None
    """The last frame after the linear filter alone (before AEC3): EchoCancelledSource
    hands it to the linear monitor of barge-in (double talk: AEC3's suppressor takes the
    user's word out with the echo, the linear filter does not)."""


class NoEchoCanceller(_Canceller):
    """--echo-canceller none, for headphones: there is no echo to cancel, and a canceller
    takes the user's voice out with the echo it expects (measured: README, Interrupting)."""

    needs_reference = False
    """No block waits for what the loudspeaker played (REFERENCE_LEAD_S saved)."""

    def __init__(self, sample_rate_hz: int) -> None:
        self.sample_rate_hz = sample_rate_hz
        self.frame_samples = sample_rate_hz * FRAME_MS // 1000

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        return captured


class ServerEchoCanceller(_Canceller):
    """--echo-canceller pulse: the sound server cancels (audio/pulse_echo_cancel.py loads
    its module-echo-cancel, and the microphone is opened on the module's source), so the
    blocks go on as they came. It still takes the reference: the double-talk rules and the
    levels read the module's output against what played.

    What the module removes is measured against the microphone before it: `raw`, a second
    input opened on the module's master source (EchoCancelModule.open_master_microphone).
    take_raw() keeps the energy of each of its 10 ms frames by capture time, and
    echo_removed_db() sets them against the module's output at the same times, over the
    frames with speech played: what the unsure phrases' gate reads
    (barge_in.UNSURE_MIN_ECHO_REMOVED_DB). Without that input (no module of ours loaded,
    another rate) it reads 0 dB and the gate stays closed. It also reads 0 dB until ADAPT_S
    of played speech have gone through the module (round ten: a fresh module lets words of
    its own voice through over the greeting)."""

    needs_reference = True
    detects_echo = False
    """No EchoDetector: the module's output shows no echo whether there is one or not."""
    ADAPT_S = 6.0
    """Played speech before the module's removal is read (bench/history/barge-in.md, round
    ten)."""
    MIN_MATCHED = 0.5
    """echo_removed_db() needs a raw frame at this share of the played frames, else 0 dB."""

    def __init__(self, sample_rate_hz: int, raw: Microphone | None = None) -> None:
        self.sample_rate_hz = sample_rate_hz
        self.frame_samples = sample_rate_hz * FRAME_MS // 1000
        self.played_speech_s = 0.0
        self.raw = raw
        """The microphone before the module (None: not measured)."""
        self._raw_clock = SampleClock(sample_rate_hz)
        self._raw_levels: dict[int, float] = {}
        """Energy of each raw 10 ms frame by its capture time in frames (round(t / 10 ms))."""
        self._raw_latest = 0

    @classmethod
    def for_microphone(cls, microphone: Microphone) -> Self:
        """With the raw input on the module's master source, when it can be opened."""
        return cls(microphone.sample_rate_hz, _master_microphone(microphone))

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        if float(np.dot(played.astype(np.float64), played.astype(np.float64))) >= (
            PLAYED_SPEECH_LEVEL**2 * len(played)
        ):
            self.played_speech_s += len(played) / self.sample_rate_hz
        return captured

    def take_raw(self) -> None:
        """Keep the levels of what the raw microphone captured since the last call (called
        with each block of the module's output)."""
        if self.raw is None:
            return
        n, per_s = self.frame_samples, 1000 // FRAME_MS
        while (timed := self.raw.read_timed(0.0)) is not None:
            samples = np.frombuffer(timed[1], np.int16).astype(np.float64)
            start_s = self._raw_clock.place(timed[0], len(samples))
            whole = len(samples) // n * n
            blocks = samples[:whole].reshape(-1, n)
            energies = np.einsum("ij,ij->i", blocks, blocks)
            first = round(start_s * per_s)
            for k, energy in enumerate(energies):
                self._raw_levels[first + k] = float(energy)
            self._raw_latest = first + len(energies)
        oldest = self._raw_latest - int(LEVELS_KEEP_S * per_s)
        while self._raw_levels and next(iter(self._raw_levels)) < oldest:
            del self._raw_levels[next(iter(self._raw_levels))]

    def echo_removed_db(self, frames: list[tuple[float, float, float, float, float]]) -> float:
        """dB removed over frames (the source's levels with speech played: time, energy of
        the module's output...): the raw microphone's energy at the same times over the
        output's; 0 dB while adapting, without the raw input, or with too few of its frames."""
        if self.played_speech_s < self.ADAPT_S or self.raw is None or not frames:
            return 0.0
        per_s = 1000 // FRAME_MS
        raw_energy = out_energy = 0.0
        matched = 0
        for frame in frames:
            energy = self._raw_levels.get(round(frame[0] * per_s))
            if energy is not None:
                raw_energy += energy
                out_energy += frame[2]
                matched += 1
        if matched < self.MIN_MATCHED * len(frames):
            return 0.0
        return float(10 * np.log10(max(raw_energy, 1.0) / max(out_energy, 1.0)))

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()


Canceller = (
    CascadeEchoCanceller
    | WebRtcEchoCanceller
    | SpeexEchoCanceller
    | NoEchoCanceller
    | ServerEchoCanceller
)
CANCELLERS: dict[str, type[Canceller]] = {
    "speex+webrtc": CascadeEchoCanceller,
    "webrtc": WebRtcEchoCanceller,
    "speex": SpeexEchoCanceller,
    "none": NoEchoCanceller,
    "pulse": ServerEchoCanceller,
}
"""Echo cancellers by name (ListeningSettings.echo_canceller), compared by
bench/bench_barge_in.py --canceller."""


class EchoCancelledSource:
    """An AudioSource: the microphone's blocks with the loudspeaker's echo cancelled."""

    def __init__(
        self,
        microphone: Microphone,
        reference: EchoReference,
        canceller: Canceller,
    ) -> None:
        self.microphone = microphone
        self.reference = reference
        self.canceller = canceller
        self.sample_rate_hz = microphone.sample_rate_hz
        self._clock = SampleClock(self.sample_rate_hz)
        self.last_block_adc_s = 0.0
        """Capture time (stream clock) of the first sample of the last block read."""
        self.compute_s = 0.0
        self.processed_s = 0.0
        """Time spent cancelling, and audio cancelled (benches: compute per real time)."""
        self._levels: collections.deque[tuple[float, float, float, float, float]] = (
            collections.deque()
        )
        """(capture time, energy in, energy out, energy played, energy after the linear
        filter alone) of each 10 ms frame."""
        self._samples: collections.deque[tuple[float, np.ndarray, np.ndarray]] = collections.deque()
        """(capture time, captured, played) of each block cancelled, for echo_correlation."""
        self.cpu = reference.cpu
        """CPU by part (benches), the reference's ledger: one per session."""
        self.detector = EchoDetector(self.sample_rate_hz)
        """With headphones the microphone goes through uncancelled (EchoDetector)."""
        self.last_linear: bytes | None = None
        """The last block read after the linear filter alone, before AEC3 (the cascade
        only, and only while cancelling): what barge-in's linear monitor hears."""

    def read(self, timeout_s: float = 1.0) -> bytes | None:
        timed = self.microphone.read_timed(timeout_s)
        if timed is None:
            return None
        adc_time_s, block = timed
        captured = np.frombuffer(block, np.int16)
        adc_time_s = self._clock.place(adc_time_s, len(captured))
        self.last_block_adc_s = adc_time_s
        self.last_linear = None
        n = self.canceller.frame_samples
        whole = len(captured) // n * n
        if not self.canceller.needs_reference:
            return block
        self._wait_for_reference(
            adc_time_s + REFERENCE_LEAD_S + len(captured) / self.sample_rate_hz
        )
        played = self.reference.take(adc_time_s + REFERENCE_LEAD_S, whole)
        started = time.perf_counter()
        out, linear = [], []
        with self.cpu.charge("canceller"):
            take_raw = getattr(self.canceller, "take_raw", None)
            if take_raw is not None:
                take_raw()
            for i in range(0, whole, n):
                out.append(self.canceller.process(captured[i : i + n], played[i : i + n]))
                frame = getattr(self.canceller, "linear_out", None)
                if frame is not None:
                    linear.append(frame)
        if getattr(self.canceller, "detects_echo", True):
            with self.cpu.charge("echo detector"):
                self.detector.add(captured[:whole], played)
        self.compute_s += time.perf_counter() - started
        self.processed_s += len(captured) / self.sample_rate_hz
        with self.cpu.charge("levels kept"):
            self._keep_levels(adc_time_s, captured[:whole], out, played, linear)
            self._samples.append((adc_time_s, captured[:whole], played))
            while self._samples and adc_time_s - self._samples[0][0] > LEVELS_KEEP_S:
                self._samples.popleft()
        if self.detector.echo is False:
            return block  # headphones: nothing to cancel, and the user's voice kept whole
        if len(linear) == len(out):
            linear.append(captured[whole:])
            self.last_linear = np.concatenate(linear).tobytes()
        out.append(captured[whole:])  # a block not a multiple of 10 ms: its tail as it is
        return np.concatenate(out).tobytes()

    def _keep_levels(
        self,
        adc_time_s: float,
        captured: np.ndarray,
        out: list[np.ndarray],
        played: np.ndarray,
        linear: list[np.ndarray],
    ) -> None:
        n = self.canceller.frame_samples
        for k, frame_out in enumerate(out):
            frame_in = captured[k * n : (k + 1) * n].astype(np.float64)
            frame_lin = (linear[k] if k < len(linear) else frame_out).astype(np.float64)
            self._levels.append((
                adc_time_s + k * n / self.sample_rate_hz,
                float(np.dot(frame_in, frame_in)),
                float(np.dot(frame_out.astype(np.float64), frame_out.astype(np.float64))),
                float(np.dot(played[k * n : (k + 1) * n].astype(np.float64),
                             played[k * n : (k + 1) * n].astype(np.float64))),
                float(np.dot(frame_lin, frame_lin)),
            ))  # fmt: skip
        while self._levels and adc_time_s - self._levels[0][0] > LEVELS_KEEP_S:
            self._levels.popleft()

    def levels(self, start_s: float, end_s: float) -> tuple[float, float, float, float] | None:
        """Energy (dB) captured, left after cancelling, played, and left after the linear
        filter alone, from start_s to end_s (capture clock); None when no frame of that span
        was cancelled."""
        frames = [f for f in list(self._levels) if start_s <= f[0] < end_s]
        if not frames:
            return None
        sums = np.sum(np.array([f[1:] for f in frames]), axis=0)
        return tuple(float(10 * np.log10(max(x, 1.0))) for x in sums)  # type: ignore[return-value]

    def linear_rise_db(self, start_s: float, end_s: float, before_s: float) -> float | None:
        """How much louder the linear filter's output is from start_s to end_s (a word) than
        over the before_s before it while speech played (the echo it leaves), dB per frame;
        None without a linear stream or played speech before. Double talk: a user speaking
        over the prompt raises it, the prompt's own echo left by the filter does not."""
        loud = PLAYED_SPEECH_LEVEL**2 * self.canceller.frame_samples
        frames = list(self._levels)
        word = [f[4] for f in frames if start_s <= f[0] < end_s]
        echo = [f[4] for f in frames if start_s - before_s <= f[0] < start_s and f[3] >= loud]
        if not word or len(echo) < len(word) // 2 + 1:
            return None
        return float(10 * np.log10(max(float(np.mean(word)), 1.0) / max(float(np.mean(echo)), 1.0)))

    def double_talk_db(self, start_s: float, end_s: float, before_s: float) -> float | None:
        """How much more the microphone captured from start_s to end_s (a word) than the
        echo alone would have brought, dB (double_talk.py: the echo path's gain and delay
        measured over the played speech before it); None without played speech before."""
        frames = np.array([f[:4] for f in list(self._levels)], np.float64).reshape(-1, 4)
        loud = PLAYED_SPEECH_LEVEL**2 * self.canceller.frame_samples
        times, captured, played = frames[:, 0], frames[:, 1], frames[:, 3]
        return double_talk.double_talk_db(times, captured, played, start_s, end_s, before_s, loud)

    def echo_correlation(self, start_s: float, end_s: float) -> float | None:
        """How much the microphone's audio from start_s to end_s (a word) looks like what
        played up to OWN_VOICE_MAX_DELAY_S before it (double_talk.echo_correlation: 0 to 1);
        None when those samples are not kept (yet, or any more)."""
        rate = self.sample_rate_hz
        earliest_s = start_s - OWN_VOICE_MAX_DELAY_S
        blocks = [b for b in list(self._samples) if b[0] + len(b[1]) / rate > earliest_s]
        if not blocks or blocks[-1][0] + len(blocks[-1][1]) / rate < end_s:
            return None
        captured = np.concatenate([b[1] for b in blocks])
        played = np.concatenate([b[2] for b in blocks])
        # Blocks are back to back except where the capture clock jumped: place each time in
        # the block that holds it.
        starts = np.array([b[0] for b in blocks])
        offsets = np.concatenate([[0], np.cumsum([len(b[1]) for b in blocks])])

        def index(time_s: float) -> int:
            block = max(0, int(np.searchsorted(starts, time_s, side="right")) - 1)
            return int(offsets[block] + max(0.0, time_s - starts[block]) * rate)

        start, end, earliest = index(start_s), index(end_s), index(earliest_s)
        return double_talk.echo_correlation(captured[start:end], played[earliest:end])

    @property
    def passes_through(self) -> bool:
        """The microphone goes through uncancelled: no echo heard (EchoDetector), or no
        canceller (--echo-canceller none)."""
        return self.detector.echo is False or not self.canceller.needs_reference

    def echo_removed_db(self, start_s: float, end_s: float) -> float | None:
        """How much of the echo the canceller removed from start_s to end_s (capture clock),
        dB, over the frames with speech played; None when none was played then. With the
        microphone passed through (no echo heard: EchoDetector), infinity."""
        if self.passes_through:
            return float("inf")
        loud = PLAYED_SPEECH_LEVEL**2 * self.canceller.frame_samples
        frames = [f for f in list(self._levels) if start_s <= f[0] < end_s and f[3] >= loud]
        if not frames:
            return None
        own_measure = getattr(self.canceller, "echo_removed_db", None)
        if own_measure is not None:
            return float(own_measure(frames))  # the sound server cancels: against the raw input
        energy_in = sum(f[1] for f in frames)
        energy_out = sum(f[2] for f in frames)
        return float(10 * np.log10(max(energy_in, 1.0) / max(energy_out, 1.0)))

    def _wait_for_reference(self, until_s: float) -> None:
        deadline = time.monotonic() + REFERENCE_WAIT_S
        while self.reference.playing_until(until_s) and time.monotonic() < deadline:
            time.sleep(0.005)

    def drain(self) -> int:
        return self.microphone.drain()

    @property
    def alive(self) -> bool:
        return self.microphone.alive

    @property
    def stats(self) -> CaptureStats:
        return self.microphone.stats

    def close(self) -> None:
        self.microphone.close()
        closing = getattr(self.canceller, "close", None)
        if closing is not None:
            closing()


def cancelled(
    microphone: Microphone, canceller_name: str
) -> tuple[EchoCancelledSource, EchoReference]:
    """The microphone behind an echo canceller, and the reference the output must feed.

    Raises EchoCancellerUnavailable when the library is missing."""
    reference = EchoReference(microphone.sample_rate_hz)
    canceller = CANCELLERS[canceller_name].for_microphone(microphone)
    return EchoCancelledSource(microphone, reference, canceller), reference


def _master_microphone(microphone: Microphone) -> Microphone | None:
    """The microphone before this process's echo-cancel module (its master source), at the
    module output's rate; None without a module of ours or where it cannot be opened (the
    echo removed is then not measured: the unsure phrases' gate stays closed)."""
    from assistant.audio import pulse_echo_cancel
    from assistant.listening.microphone import MicrophoneError

    module = pulse_echo_cancel.loaded()
    if module is None:
        return None
    try:
        raw = module.open_master_microphone(lambda: Microphone(None))
    except MicrophoneError:
        return None
    if raw.sample_rate_hz != microphone.sample_rate_hz:
        raw.close()
        return None
    return raw
