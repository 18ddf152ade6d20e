"""CPU time spent by each part of listening over speech, for benches (bench_barge_in.py).

Each part is charged the CPU time of the thread running it (time.thread_time): a part that
waits (for a microphone block, for the reference) costs nothing while it waits, and what
other threads or processes do on the machine is not counted in it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator


class CpuUse:
    """Seconds of CPU per part ("canceller", "main recognizer", ...); thread-safe."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def charge(self, part: str) -> Iterator[None]:
        """Charge the CPU time of the calling thread inside this block to part."""
        started = time.thread_time()
        try:
            yield
        finally:
            self.add(part, time.thread_time() - started)

    def add(self, part: str, seconds: float) -> None:
        with self._lock:
            self.seconds[part] = self.seconds.get(part, 0.0) + seconds

    def snapshot(self) -> dict[str, float]:
        with self._lock:
            return dict(self.seconds)
