"""Speech output timing: time to first word, when say() returns, and synthesis time.

    python bench/bench_speech.py [--runs 7] [--cmd "python -m assistant --script s.txt"]
                                 [--json FILE]

1. Time to first word: from the moment a new process is started to the first audible
   sample on the output device. The device is the null sink of a private PulseAudio server
   (started here unless PULSE_SERVER is set), whose monitor is recorded with parec at 10 ms
   latency; each block of samples is time-stamped on arrival (wall clock, shared with the
   launching code), and the first sample above -34 dBFS is dated from its block. Arrival
   comes a little after playing, so the figure errs on the slow side (by about 10 ms). By
   default the process is `python -m assistant.speaking.voice_speaker --quiet GREETING`: interpreter
   start, imports, engine start, device check, synthesis, playback - what the assistant
   does before its greeting. --cmd measures any other command (e.g. the whole assistant).
2. say() return: in this process, how long after the last audible sample of a prompt
   say() returned (>= 0: the assistant never listens over its own voice).
3. Synthesis: milliseconds per prompt of prompts/en.yaml at the default rate (uncached).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "bench"))
sys.path.insert(0, str(REPO_ROOT / "tests"))

GREETING = (
    "Hello. I'll help you get iCloud Photos syncing on your iPhone again. We'll go through "
    "up to seven checks, one at a time."
)
RECORD_RATE_HZ = 22050
BLOCK_BYTES = 441 * 2  # 20 ms blocks
AUDIBLE_LEVEL = 0.02  # -34 dBFS
# The null sink starts with a 2 s latency and takes that long to adopt the recorder's
# low latency; playing before then delays the first sound by up to ~0.9 s.
SETTLE_S = 2.5


class MonitorRecorder:
    """parec of a sink's monitor; samples with the wall-clock time each block arrived."""

    def __init__(self, source: str, env: dict[str, str]) -> None:
        self._process = subprocess.Popen(
            ["parec", f"--device={source}", "--format=s16le", f"--rate={RECORD_RATE_HZ}",
             "--channels=1", "--latency-msec=10", "--raw"],
            stdout=subprocess.PIPE, env=env,
        )  # fmt: skip
        self.blocks: list[tuple[float, np.ndarray]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while True:
            data = self._process.stdout.read1(BLOCK_BYTES)  # type: ignore[attr-defined]
            if not data:
                return
            arrived = time.time()
            samples = np.frombuffer(data[: len(data) // 2 * 2], "<i2").astype(np.float32)
            with self._lock:
                self.blocks.append((arrived, samples / 32768.0))

    def audible_times(self, after: float) -> tuple[float | None, float | None]:
        """Wall-clock times of the first and last audible samples played after `after`."""
        first = last = None
        with self._lock:
            blocks = list(self.blocks)
        for arrived, samples in blocks:
            loud = np.flatnonzero(np.abs(samples) > AUDIBLE_LEVEL)
            if len(loud) == 0:
                continue
            block_start = arrived - len(samples) / RECORD_RATE_HZ
            t_first = block_start + loud[0] / RECORD_RATE_HZ
            t_last = block_start + (loud[-1] + 1) / RECORD_RATE_HZ
            if t_last < after:
                continue
            if first is None:
                first = max(t_first, after)
            last = t_last
        return first, last

    def close(self) -> None:
        self._process.terminate()
        self._process.wait()
        self._thread.join(timeout=2)


def start_private_pulse() -> tuple[dict[str, str], Any]:
    """A private PulseAudio server as the tests use (tests/audio_fixtures.py)."""
    from audio_fixtures import _start_pulse  # the tests' set-up, reused as it is

    base = Path(tempfile.mkdtemp(prefix="bench-speech-pulse-"))
    server = _start_pulse(base)
    return server.env, server


def time_to_first_word(
    command: list[str], runs: int, recorder: MonitorRecorder, env: dict[str, str]
) -> list[float]:
    results = []
    for _ in range(runs):
        time.sleep(0.5)
        started = time.time()
        # Not checked: a --cmd may well be ended by `timeout` once it has spoken.
        subprocess.run(command, env=env, cwd=REPO_ROOT, check=False,
                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)  # fmt: skip
        time.sleep(0.3)
        first, _ = recorder.audible_times(after=started)
        if first is None:
            raise RuntimeError(f"nothing audible from {shlex.join(command)}")
        results.append(first - started)
    return results


def say_return_lags(recorder: MonitorRecorder, runs: int, voice: str | None) -> list[float]:
    from assistant.speaking import voice_speaker
    from assistant.speaking.settings import SpeakingSettings
    from assistant.text_mode import TextSpeaker

    speaker = voice_speaker.build_speaker(
        SpeakingSettings(quiet=True, voice=voice),
        TextSpeaker(io.StringIO()),
        config_path=Path(tempfile.mkdtemp()) / "preferences.toml",
    )
    lags = []
    for index in range(runs):
        time.sleep(0.3)
        started = time.time()
        speaker.say(f"Step {index + 1} of 7. Please say yes or no.")
        returned = time.time()
        time.sleep(0.4)
        _, last = recorder.audible_times(after=started)
        if last is None:
            raise RuntimeError("the prompt was not heard")
        lags.append(returned - last)
    speaker.close()
    return lags


def synthesis_times(voice: str | None) -> dict[str, Any]:
    """Each distinct prompt once, so each is synthesized (the cache serves repeats)."""
    import bench_intelligibility as bi

    from assistant import preferences
    from assistant.speaking import synthesizer as synthesizers

    raw_prompts = bi.prompt_strings(yaml.safe_load(bi.PROMPTS_FILE.read_text(encoding="utf-8")))
    prompts = list(dict.fromkeys(bi.fill_placeholders(raw) for _, raw in raw_prompts))
    synthesizer = synthesizers.choose("en", voice)
    synth_ms, audio_ms = [], []
    for text in prompts:
        speech = synthesizer.synthesize(text, preferences.DEFAULT_RATE_WPM)
        synth_ms.append(speech.synth_ms)
        audio_ms.append(speech.duration_ms)
    synthesizer.close()
    return {
        "voice": f"{synthesizer.engine}:{synthesizer.voice}",
        "prompts": len(prompts),
        "synth_ms_median": statistics.median(synth_ms),
        "synth_ms_max": max(synth_ms),
        "synth_ms_per_audio_s": 1000 * sum(synth_ms) / sum(audio_ms),
        "audio_ms_median": statistics.median(audio_ms),
    }


def describe(values: list[float]) -> str:
    ms = [1000 * v for v in values]
    return (
        f"median {statistics.median(ms):.0f} ms, min {min(ms):.0f}, max {max(ms):.0f} "
        f"(n={len(ms)}: {', '.join(f'{v:.0f}' for v in ms)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cmd", help="command to time instead of the speaker saying a greeting")
    parser.add_argument("--voice", metavar="ENGINE:VOICE",
                        help="voice to time (default: the assistant's default voice)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)

    server = None
    if os.environ.get("PULSE_SERVER"):
        pulse_env: dict[str, str] = {}
        sink = "speaker"
    else:
        pulse_env, server = start_private_pulse()
        sink = server.speaker_sink
    # A config folder of its own: the user's saved voice and rate must not skew the timing
    # (and a --voice given here must not be remembered for them).
    pulse_env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-speech-config-")
    env = {**os.environ, **pulse_env}
    os.environ.update(pulse_env)  # for say_return_lags in this process
    command = (
        shlex.split(args.cmd)
        if args.cmd
        else [
            sys.executable,
            "-m",
            "assistant.speaking.voice_speaker",
            "--quiet",
            *(["--voice", args.voice] if args.voice else []),
            GREETING,
        ]  # fmt: skip
    )
    mic = None
    if server is not None:
        from audio_fixtures import VirtualMic

        # The pipe-source microphone stalls without a writer; a --cmd that listens (the
        # whole assistant) needs it to deliver silence.
        mic = VirtualMic(server.mic_fifo)
    recorder = MonitorRecorder(f"{sink}.monitor", env)
    try:
        time.sleep(SETTLE_S)
        ttfw = time_to_first_word(command, args.runs, recorder, env)
        print(f"time to first word ({shlex.join(command[:3])} ...): {describe(ttfw)}", flush=True)
        lags = say_return_lags(recorder, args.runs, args.voice)
        print(f"say() returned after the last audible sample by: {describe(lags)}", flush=True)
    finally:
        recorder.close()
        if mic is not None:
            mic.close()
        if server is not None:
            server.process.terminate()
            server.process.wait()
    synth = synthesis_times(args.voice)
    print(
        f"synthesis of {synth['prompts']} prompts, {synth['voice']}: "
        f"median {synth['synth_ms_median']:.1f} ms, "
        f"max {synth['synth_ms_max']:.1f} ms, {synth['synth_ms_per_audio_s']:.1f} ms per "
        f"second of speech (median prompt {synth['audio_ms_median'] / 1000:.1f} s long)"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"ttfw_s": ttfw, "say_return_lag_s": lags, "synthesis": synth}, indent=1)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
