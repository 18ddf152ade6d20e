"""Microphone capture through sounddevice (PortAudio): raw int16 mono blocks on a queue.

The PortAudio callback runs on a real-time audio thread, so it does the least possible:
copy the bytes onto a queue and count overflows. It never raises (an exception there would
stop the stream). Everything else, recognition included, happens on the listener's thread.

16 kHz is asked for first, because that is what the model was trained on; if the device
refuses it, the device's own default rate is used and handed to Vosk, which resamples.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any

from assistant.audio import devices, library_noise
from assistant.audio.audio_format import SPEECH_FORMAT

log = logging.getLogger(__name__)

PREFERRED_SAMPLE_RATE_HZ = SPEECH_FORMAT.sample_rate_hz
BLOCK_MS = 40
# Bound on queued audio: if the consumer stalls for longer, older blocks are dropped and
# counted, instead of growing memory without limit.
MAX_QUEUED_MS = 30_000


class MicrophoneError(Exception):
    """No usable microphone, or it failed; the message is one line for the user."""


def _sounddevice() -> Any:
    try:
        return devices.load_sounddevice()
    except (ImportError, OSError) as exc:  # OSError: PortAudio library missing
        raise MicrophoneError(f"sounddevice/PortAudio cannot be loaded: {exc}") from exc


def list_input_devices() -> list[dict[str, Any]]:
    """Devices with input channels: index, name, channels, default rate, is_default."""
    sd = _sounddevice()
    try:
        return devices.list_devices(sd, "input")
    except Exception as exc:
        raise MicrophoneError(f"cannot list audio devices: {exc}") from exc


@dataclass
class CaptureStats:
    overflows: int = 0
    dropped_blocks: int = 0
    blocks: int = 0


class Microphone:
    """An open input stream; read() gives the next block of int16 mono bytes."""

    def __init__(self, device: str | int | None = None, block_ms: int = BLOCK_MS) -> None:
        sd = _sounddevice()
        self.device = devices.parse_device(device)
        self.stats = CaptureStats()
        self._overflows_logged = 0
        self._dropped_logged = 0
        self._failed = threading.Event()
        self.sample_rate_hz = self._choose_rate(sd)
        block_frames = int(self.sample_rate_hz * block_ms / 1000)
        self._queue: queue.Queue[tuple[float, bytes]] = queue.Queue(
            maxsize=max(1, MAX_QUEUED_MS // block_ms)
        )
        try:
            with library_noise.stderr_to_log("opening the microphone"):
                self._stream = self._open(sd, block_frames)
        except Exception as exc:
            raise MicrophoneError(f"cannot open the microphone: {exc}") from exc

    def _open(self, sd: Any, block_frames: int) -> Any:
        stream = sd.RawInputStream(
            samplerate=self.sample_rate_hz,
            blocksize=block_frames,
            device=self.device,
            channels=1,
            dtype="int16",
            callback=self._callback,
            finished_callback=self._finished,
        )
        stream.start()
        return stream

    def _choose_rate(self, sd: Any) -> int:
        try:
            sd.check_input_settings(
                device=self.device, channels=1, dtype="int16", samplerate=PREFERRED_SAMPLE_RATE_HZ
            )
            return PREFERRED_SAMPLE_RATE_HZ
        except Exception:
            pass
        try:
            info = sd.query_devices(self.device, "input")
        except Exception as exc:
            raise MicrophoneError(f"no usable microphone: {exc}") from exc
        rate_hz = int(info["default_samplerate"])
        log.info(
            "microphone does not take %d Hz; using its %d Hz", PREFERRED_SAMPLE_RATE_HZ, rate_hz
        )
        return rate_hz

    # Runs on PortAudio's audio thread: copy, count, never raise.
    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        try:
            if status and status.input_overflow:
                self.stats.overflows += 1
            self.stats.blocks += 1
            # With its capture time on the stream clock: the echo canceller lines the
            # loudspeaker's reference up with it (audio/echo_reference.py).
            adc_time_s = float(getattr(time_info, "inputBufferAdcTime", 0.0))
            self._queue.put_nowait((adc_time_s, bytes(indata)))
        except queue.Full:
            self.stats.dropped_blocks += 1
        except Exception:  # noqa: BLE001 - nothing may escape into PortAudio
            self.stats.dropped_blocks += 1

    def _finished(self) -> None:
        self._failed.set()

    def drain(self) -> int:
        """Discard everything captured so far (e.g. while the assistant was speaking)."""
        dropped = 0
        while True:
            try:
                self._queue.get_nowait()
                dropped += 1
            except queue.Empty:
                return dropped

    def read(self, timeout_s: float = 1.0) -> bytes | None:
        """The next block, or None if nothing came within timeout_s."""
        timed = self.read_timed(timeout_s)
        return None if timed is None else timed[1]

    def read_timed(self, timeout_s: float = 1.0) -> tuple[float, bytes] | None:
        """The next block with the stream time (s) its first sample was captured."""
        self._log_overflows()
        try:
            return self._queue.get(timeout=timeout_s)
        except queue.Empty:
            return None

    @property
    def alive(self) -> bool:
        return not self._failed.is_set() and bool(self._stream.active)

    def _log_overflows(self) -> None:
        if self.stats.overflows > self._overflows_logged:
            log.warning(
                "microphone input overflowed %d times so far (audio was lost; not fatal)",
                self.stats.overflows,
            )
            self._overflows_logged = self.stats.overflows
        if self.stats.dropped_blocks > 2 * self._dropped_logged:
            # Expected while nobody reads for long (the queue is bounded and drained at each
            # listen anyway); logged so a stalled consumer shows up, each time the count at
            # least doubles, so a consumer that stays behind does not flood the log.
            log.info("microphone blocks dropped so far: %d", self.stats.dropped_blocks)
            self._dropped_logged = self.stats.dropped_blocks

    def close(self) -> None:
        try:
            self._stream.stop()
            self._stream.close()
        except Exception as exc:  # closing a dead stream must not take the session down
            log.debug("closing the microphone: %s", exc)
        self._failed.set()


def wait_for_audio(mic: Microphone, timeout_s: float) -> bool:
    """True once the microphone delivers a first block (PortAudio can start slowly)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if mic.stats.blocks:
            return True
        time.sleep(0.02)
    return False
