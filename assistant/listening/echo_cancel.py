"""The microphone with the assistant's own voice taken out: acoustic echo cancellation.

EchoCancelledSource is an AudioSource (listen_loop.py) over the Microphone: each block it
reads is handed, 10 ms at a time, to an echo canceller together with what the loudspeaker
was playing at the moment the block was captured (audio/echo_reference.py). What comes
out is the room without the prompt: the user's voice over the assistant's.

Cancellers by name (CANCELLERS, --echo-canceller): "webrtc", WebRTC's AEC3 through the
`livekit` package's offline AudioProcessingModule (the default); "speex", libspeexdsp's
canceller and residual suppressor; "none" for headphones. README "Interrupting" and
bench/README.md have the measurements (echo removed, false interruptions, interruptions
heard, compute): AEC3 never let the assistant interrupt itself, but it also removes much
of a short word said over the prompt, with or without an echo under it.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from assistant.audio.echo_reference import EchoReference, SampleClock
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
"""How long a block may wait for its reference to be played (normally it already has: the
output is ahead of the DAC by its latency)."""


class EchoCancellerUnavailable(Exception):
    """The echo cancellation library cannot be loaded; one line for the user."""


class WebRtcEchoCanceller:
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


class SpeexEchoCanceller:
    """speexdsp's echo canceller (MDF adaptive filter) and its residual echo suppressor,
    from Debian's libspeexdsp1 through ctypes; the preprocessor's denoiser stays off (the
    recognizer was tuned on unprocessed audio)."""

    needs_reference = True
    FILTER_MS = 200
    """Echo tail the filter models: the reference lead, the sound server and the room."""
    _SET_SAMPLING_RATE = 24  # speex_echo.h: SPEEX_ECHO_SET_SAMPLING_RATE
    _SET_DENOISE = 0  # speex_preprocess.h: SPEEX_PREPROCESS_SET_DENOISE
    _SET_ECHO_STATE = 24  # speex_preprocess.h: SPEEX_PREPROCESS_SET_ECHO_STATE

    def __init__(self, sample_rate_hz: int) -> None:
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

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        captured = np.ascontiguousarray(captured, np.int16)
        played = np.ascontiguousarray(played, np.int16)
        out = self._out
        self._lib.speex_echo_cancellation(
            self._echo, captured.ctypes.data, played.ctypes.data, out.ctypes.data
        )
        self._lib.speex_preprocess_run(self._pre, out.ctypes.data)
        return out.copy()

    def __del__(self) -> None:
        lib = getattr(self, "_lib", None)
        if lib is not None:
            lib.speex_preprocess_state_destroy(self._pre)
            lib.speex_echo_state_destroy(self._echo)


class NoEchoCanceller:
    """--echo-canceller none, for headphones: there is no echo to cancel, and a canceller
    takes the user's voice out with the echo it expects (measured: README, Interrupting)."""

    needs_reference = False
    """No block waits for what the loudspeaker played (REFERENCE_LEAD_S saved)."""

    def __init__(self, sample_rate_hz: int) -> None:
        self.sample_rate_hz = sample_rate_hz
        self.frame_samples = sample_rate_hz * FRAME_MS // 1000

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        return captured


Canceller = WebRtcEchoCanceller | SpeexEchoCanceller | NoEchoCanceller
CANCELLERS: dict[str, type[Canceller]] = {
    "webrtc": WebRtcEchoCanceller,
    "speex": SpeexEchoCanceller,
    "none": NoEchoCanceller,
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

    def read(self, timeout_s: float = 1.0) -> bytes | None:
        timed = self.microphone.read_timed(timeout_s)
        if timed is None:
            return None
        adc_time_s, block = timed
        captured = np.frombuffer(block, np.int16)
        adc_time_s = self._clock.place(adc_time_s, len(captured))
        self.last_block_adc_s = adc_time_s
        n = self.canceller.frame_samples
        whole = len(captured) // n * n
        if not self.canceller.needs_reference:
            return block
        self._wait_for_reference(
            adc_time_s + REFERENCE_LEAD_S + len(captured) / self.sample_rate_hz
        )
        played = self.reference.take(adc_time_s + REFERENCE_LEAD_S, whole)
        started = time.perf_counter()
        out = [
            self.canceller.process(captured[i : i + n], played[i : i + n])
            for i in range(0, whole, n)
        ]
        self.compute_s += time.perf_counter() - started
        self.processed_s += len(captured) / self.sample_rate_hz
        out.append(captured[whole:])  # a block not a multiple of 10 ms: its tail as it is
        return np.concatenate(out).tobytes()

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


def cancelled(
    microphone: Microphone, canceller_name: str
) -> tuple[EchoCancelledSource, EchoReference]:
    """The microphone behind an echo canceller, and the reference the output must feed.

    Raises EchoCancellerUnavailable when the library is missing."""
    reference = EchoReference(microphone.sample_rate_hz)
    canceller = CANCELLERS[canceller_name](microphone.sample_rate_hz)
    return EchoCancelledSource(microphone, reference, canceller), reference
