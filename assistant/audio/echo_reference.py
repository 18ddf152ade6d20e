"""What the loudspeaker played, on the audio clock, for the echo canceller to subtract.

The output stream's callback adds every block it hands to the device (speech, cues and the
silence between them) with the time PortAudio says that block reaches the DAC; the
microphone asks for the samples that were playing when a block of its own was captured
(the ADC time of that block). Both times are on PortAudio's stream clock, so the
canceller gets a reference already lined up with the echo to within the sound server's and
the room's delay, which it estimates itself (WebRTC's AEC3 follows delays of hundreds of ms).

Samples are kept at the microphone's rate as int16, for KEEP_S seconds. The output hands
blocks over ahead of their DAC time (its latency); when a stop() aborts the stream, what it
had handed over but the device dropped is taken back (cut()), and until the output runs
again nothing is playing: the microphone does not wait for blocks that will not come.
"""

from __future__ import annotations

import collections
import threading

import numpy as np

from assistant.audio.cpu_use import CpuUse

KEEP_S = 4.0
# The stream times PortAudio reports jitter by a few ms from block to block, but the samples
# themselves are back to back: a timeline rebuilt from the raw times would tear the
# reference apart every block, and the canceller could not model the echo (measured: 2-15
# dB of echo removed instead of 25-30). So blocks stay back to back unless the reported
# time is further than this from the expected one (an underrun, a dropped block, a drain).
REANCHOR_S = 0.03


class SampleClock:
    """Times of consecutive blocks on one stream: back to back, re-anchored on a jump."""

    def __init__(self, sample_rate_hz: int) -> None:
        self.sample_rate_hz = sample_rate_hz
        self._next_s: float | None = None

    def place(self, reported_s: float, count: int) -> float:
        """The start time to use for a block of count samples PortAudio timed reported_s."""
        start_s = reported_s
        if self._next_s is not None and abs(reported_s - self._next_s) < REANCHOR_S:
            start_s = self._next_s
        self._next_s = start_s + count / self.sample_rate_hz
        return start_s


def resample(samples: np.ndarray, from_hz: int, to_hz: int) -> np.ndarray:
    """Linear resampling of a float block: enough for a reference or a tone, not for speech
    that people hear (the speech keeps its own rate on the output stream)."""
    if from_hz == to_hz or len(samples) == 0:
        return samples
    count = max(1, round(len(samples) * to_hz / from_hz))
    positions = np.arange(count) * (from_hz / to_hz)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)


class EchoReference:
    """Blocks of played audio with their DAC times; thread-safe (audio thread adds)."""

    def __init__(self, sample_rate_hz: int) -> None:
        self.sample_rate_hz = sample_rate_hz
        self._blocks: collections.deque[tuple[float, np.ndarray]] = collections.deque()
        self._lock = threading.Lock()
        self._clock = SampleClock(sample_rate_hz)
        self._stopped = False
        """The output was aborted (cut()) and has not handed a block over since."""
        self.cpu = CpuUse()
        """CPU spent on listening over speech, by part: this reference's feeding, and the
        source and barge-in monitors that use it (benches)."""

    def add(self, dac_time_s: float, samples: np.ndarray, sample_rate_hz: int) -> None:
        """Called from the output callback: float32 samples at the output's rate."""
        with self.cpu.charge("echo reference"):
            self._add(dac_time_s, samples, sample_rate_hz)

    def _add(self, dac_time_s: float, samples: np.ndarray, sample_rate_hz: int) -> None:
        block = resample(samples, sample_rate_hz, self.sample_rate_hz)
        pcm = np.clip(block * 32767.0, -32768, 32767).astype(np.int16)
        with self._lock:
            self._stopped = False
            dac_time_s = self._clock.place(dac_time_s, len(pcm))
            self._blocks.append((dac_time_s, pcm))
            while self._blocks and dac_time_s - self._blocks[0][0] > KEEP_S:
                self._blocks.popleft()

    def cut(self, at_s: float) -> None:
        """The output stopped at at_s (DAC clock) and dropped what it had queued: the samples
        handed over for later were never played, so they are taken out. Called from the
        output callback that aborts the stream."""
        with self._lock:
            while self._blocks and self._blocks[-1][0] >= at_s:
                self._blocks.pop()
            if self._blocks:
                start_s, pcm = self._blocks[-1]
                keep = max(0, round((at_s - start_s) * self.sample_rate_hz))
                self._blocks[-1] = (start_s, pcm[:keep])
            self._clock = SampleClock(self.sample_rate_hz)  # the next block is timed anew
            self._stopped = True

    def playing_until(self, time_s: float) -> bool:
        """The output is running (its last block is recent) but has not reached time_s."""
        with self._lock:
            if not self._blocks or self._stopped:
                return False
            start_s, pcm = self._blocks[-1]
        end_s = start_s + len(pcm) / self.sample_rate_hz
        return time_s - KEEP_S < end_s < time_s

    def take(self, adc_time_s: float, count: int) -> np.ndarray:
        """The count samples that were playing from adc_time_s on (zeros where nothing was)."""
        out = np.zeros(count, np.int16)
        rate = self.sample_rate_hz
        end_s = adc_time_s + count / rate
        with self._lock:
            blocks = list(self._blocks)
        for start_s, pcm in reversed(blocks):
            block_end_s = start_s + len(pcm) / rate
            if block_end_s <= adc_time_s:
                break
            if start_s >= end_s:
                continue
            offset = round((start_s - adc_time_s) * rate)
            src_from = max(0, -offset)
            dst_from = max(0, offset)
            length = min(len(pcm) - src_from, count - dst_from)
            if length > 0:
                out[dst_from : dst_from + length] = pcm[src_from : src_from + length]
        return out
