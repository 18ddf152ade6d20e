"""A device of the bench's sound server read in real time by parec (s16le 16 kHz mono), each
read handed to a callback on a thread of its own (bench_barge_in.py's meters)."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable

import numpy as np


class ParecReader:
    def __init__(  # type: ignore[no-untyped-def]
        self, server, device: str, latency_ms: int, read_bytes: int,
        on_read: Callable[[np.ndarray], None],
    ) -> None:  # fmt: skip
        """device: a source, or a sink's ".monitor"; on_read gets each read's int16 samples."""
        self._on_read = on_read
        self._read_bytes = read_bytes
        self._process = subprocess.Popen(
            ["parec", f"--device={device}", "--format=s16le", "--rate=16000", "--channels=1",
             f"--latency-msec={latency_ms}"],
            env={**os.environ, **server.env}, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while data := self._process.stdout.read(self._read_bytes):
            self._on_read(np.frombuffer(data[: len(data) // 2 * 2], np.int16))

    def close(self) -> None:
        self._process.terminate()
