"""PulseAudio's own echo canceller on the bench's sound server (bench_barge_in.py --canceller
pulse).

`module-echo-cancel` (issue 10 names it) filters a source against a sink: it makes a sink
whose output it plays to the master sink and keeps as its reference, and a source with the
master source's capture cancelled. On the rig: the assistant plays to `aec_speaker` (its
audio goes on to the `speaker` null sink, whose monitor the echo path mixes into the
microphone) and records from `aec_mic` (the `mic` pipe source, echo removed). The Debian
build (PulseAudio 16.1) links libwebrtc_audio_processing.so.1 (WebRTC's audio processing of
the 0.3 series: its AEC with `extended_filter`, `drift_compensation`, not AEC3) and
libspeexdsp; `aec_method=webrtc` or `speex`, with `aec_args` as the module parses them.

The assistant's own canceller is then replaced by AlreadyCancelled: the monitors, the
double-talk rules and the levels they read keep working on what the module hands over, with
the played audio as the reference for the levels (the "captured" level is the module's
output, so "echo removed" reads 0 dB and no unsure phrase cuts: the rules' own gate).
"""

from __future__ import annotations

import os
import time

import numpy as np
from parec_reader import ParecReader

SOURCE, SINK = "aec_mic", "aec_speaker"
DEFAULT_ARGS = {
    "webrtc": "analog_gain_control=0 digital_gain_control=0 noise_suppression=0 extended_filter=1"
    " high_pass_filter=0",  # as the product's pulse_echo_cancel.WEBRTC_ARGS
    "speex": "",
}
"""No gain control (it would change the user's level against the echo's, which the
double-talk rules compare) and no noise suppression (the recognizer hears the voice as
the microphone gave it); the extended filter for a delay the module does not know."""


def load(server, method: str, aec_args: str | None) -> str:  # type: ignore[no-untyped-def]
    """Load the module on the server and make its sink and source the defaults the assistant
    opens; the module's index. Raises subprocess.CalledProcessError if it will not load."""
    args = DEFAULT_ARGS.get(method, "") if aec_args is None else aec_args
    module = server.pactl(
        "load-module", "module-echo-cancel", f"source_name={SOURCE}", f"sink_name={SINK}",
        f"source_master={server.mic_source}", f"sink_master={server.speaker_sink}",
        "rate=16000", "channels=1", f"aec_method={method}",
        *([f'aec_args="{args}"'] if args else []),
    ).strip()  # fmt: skip
    server.pactl("set-default-sink", SINK)
    server.pactl("set-default-source", SOURCE)
    print(f"pulse echo-cancel: module {module}, aec_method={method}, aec_args={args!r}")
    return module


class AlreadyCancelled:
    """The session's canceller when the sound server cancels: hands the microphone's blocks
    on as they came, so the levels, the double-talk rules and the monitors read the module's
    output against the played audio."""

    needs_reference = True

    def __init__(self, frame_samples: int) -> None:
        self.frame_samples = frame_samples

    def process(self, captured: np.ndarray, played: np.ndarray) -> np.ndarray:
        return captured


class RawMicMeter:
    """The microphone before the module (the `mic` source, read by parec): its energy while
    metering, against the module's output, for the echo removed."""

    def __init__(self, server) -> None:  # type: ignore[no-untyped-def]
        self.energy = 0.0
        self.metering = False
        self._reader = ParecReader(server, server.mic_source, 20, 640, self._add)

    def _add(self, samples: np.ndarray) -> None:
        if self.metering:
            self.energy += float(np.dot(samples.astype(np.float64), samples.astype(np.float64)))

    def close(self) -> None:
        self._reader.close()


class ProcessCpu:
    """CPU seconds of another process (the sound server, where the module runs) per wall
    second, between start() and stop()."""

    TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._cpu = self._wall = 0.0

    def _now(self) -> float:
        with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * self.TICK_S  # utime, stime

    def start(self) -> None:
        self._cpu, self._wall = self._now(), time.monotonic()

    def stop(self) -> float:
        return (self._now() - self._cpu) / max(time.monotonic() - self._wall, 1e-9)
