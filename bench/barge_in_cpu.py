"""Where the CPU goes while the assistant speaks with barge-in on (bench_barge_in.py).

Only the time inside say() counts (the turns after the prompts do not), split into:

* speech synthesis (the TTS engine, timed around each synthesize() on its thread): the cost
  of speaking, with or without barge-in, not of listening over it;
* listening over speech, charged by the code itself (assistant/audio/cpu_use.py: the CPU of
  the thread running each part): the echo reference fed by the output callback, and the
  barge-in monitor's thread, which reads the microphone through the canceller (canceller,
  echo detector, the levels kept for the double-talk rules) and feeds the main and the
  linear monitors' recognizers (each with its command spotter and its decisions);
* every long-lived thread of the process, from /proc/self/task (utime + stime, 10 ms ticks):
  the audio callbacks, the sound server's client threads, the test rig's threads (the echo
  path and the virtual microphone, which are not the assistant), named where Python knows
  them. Threads that live only inside one say() (the monitor, synthesis of the rest) are not
  seen there, but are in the two items above.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from typing import Any

TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")


def thread_cpu() -> dict[int, tuple[str, float]]:
    """{thread id: (name, CPU seconds so far)} for every thread of this process."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    out: dict[int, tuple[str, float]] = {}
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as comm:
                native = comm.read().strip()
        except OSError:
            continue  # ended meanwhile
        tid, ticks = int(task), int(fields[11]) + int(fields[12])  # utime, stime
        out[tid] = (names.get(tid, f"native {native}"), ticks * TICK_S)
    return out


class MeteredSynthesizer:
    """The Speaker's synthesizer, with the CPU of each synthesize() added up."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.cpu_s = 0.0
        self._lock = threading.Lock()

    def synthesize(self, text: str, rate_wpm: int) -> Any:
        started = time.thread_time()
        try:
            return self.inner.synthesize(text, rate_wpm)
        finally:
            with self._lock:
                self.cpu_s += time.thread_time() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class SpeakingCpu:
    """CPU spent inside say() calls, by part; wrap each say() in measure()."""

    def __init__(self, synthesizer: MeteredSynthesizer, ledger: Any) -> None:
        """ledger: the session's assistant.audio.cpu_use.CpuUse (EchoReference.cpu)."""
        self.synthesizer = synthesizer
        self.ledger = ledger
        self.spoken_s = 0.0
        self.process_s = 0.0
        self.synthesis_s = 0.0
        self.parts: dict[str, float] = defaultdict(float)
        self.threads: dict[str, float] = defaultdict(float)

    def measure(self, say: Any) -> None:
        wall, cpu = time.monotonic(), time.process_time()
        synth, parts, threads = self.synthesizer.cpu_s, self.ledger.snapshot(), thread_cpu()
        say()
        self.spoken_s += time.monotonic() - wall
        self.process_s += time.process_time() - cpu
        self.synthesis_s += self.synthesizer.cpu_s - synth
        for part, seconds in self.ledger.snapshot().items():
            self.parts[part] += seconds - parts.get(part, 0.0)
        for tid, (name, seconds) in thread_cpu().items():
            if tid in threads:
                self.threads[name] += seconds - threads[tid][1]

    def report(self) -> str:
        per_s = max(self.spoken_s, 1e-9)
        parts = dict(self.parts)
        monitor = parts.pop("barge-in thread", 0.0)
        reading = sum(parts.get(p, 0.0) for p in ("canceller", "echo detector", "levels kept"))
        listening = monitor + parts.get("echo reference", 0.0)
        inside = [f"{part} {seconds / per_s:.4f}" for part, seconds in sorted(parts.items())]
        rest = monitor - reading - parts.get("main recognizer", 0.0)
        rest -= parts.get("linear recognizer", 0.0)
        busy = sorted(self.threads.items(), key=lambda item: -item[1])
        threads = [f"{name} {seconds / per_s:.4f}" for name, seconds in busy if seconds > 0]
        return (
            f"CPU while speaking ({self.spoken_s:.0f} s spoken), s per s: whole process "
            f"{self.process_s / per_s:.3f}; speech synthesis {self.synthesis_s / per_s:.3f}; "
            f"listening over speech (monitor thread + echo reference) {listening / per_s:.3f}, "
            f"of it: {', '.join(inside)}, rest of the monitor thread {rest / per_s:.4f}; "
            f"long-lived threads: {', '.join(threads)}"
        )
