"""The microphone with the assistant's own voice taken out: acoustic echo cancellation.

EchoCancelledSource is an AudioSource (listen_loop.py) over the Microphone: each block it
reads is handed, 10 ms at a time, to WebRTC's audio processing module (AEC3, through the
`livekit` package's offline AudioProcessingModule) together with what the loudspeaker was
playing at the moment the block was captured (audio/echo_reference.py). What comes out
is the room without the prompt: the user's voice over the assistant's.

Why this implementation: README "Interrupting" has the measurements (echo return loss
enhancement, false interruptions, compute) against the alternatives. With headphones
there is no echo and the canceller passes the microphone through.
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


class EchoCancelledSource:
    """An AudioSource: the microphone's blocks with the loudspeaker's echo cancelled."""

    def __init__(
        self, microphone: Microphone, reference: EchoReference, canceller: WebRtcEchoCanceller
    ) -> None:
        self.microphone = microphone
        self.reference = reference
        self.canceller = canceller
        self.sample_rate_hz = microphone.sample_rate_hz
        self._clock = SampleClock(self.sample_rate_hz)
        self.last_block_adc_s = 0.0
        """Capture time (stream clock) of the first sample of the last block read."""

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
        self._wait_for_reference(adc_time_s + REFERENCE_LEAD_S + len(captured) / self.sample_rate_hz)
        played = self.reference.take(adc_time_s + REFERENCE_LEAD_S, whole)
        out = [
            self.canceller.process(captured[i : i + n], played[i : i + n])
            for i in range(0, whole, n)
        ]
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


def cancelled(microphone: Microphone) -> tuple[EchoCancelledSource, EchoReference]:
    """The microphone behind an echo canceller, and the reference the output must feed.

    Raises EchoCancellerUnavailable when the library is missing."""
    reference = EchoReference(microphone.sample_rate_hz)
    canceller = WebRtcEchoCanceller(microphone.sample_rate_hz)
    return EchoCancelledSource(microphone, reference, canceller), reference
