"""Playing samples on the output device with sounddevice, returning when they have been heard.

play() writes the samples to a PortAudio output stream in short slices and then stops the
stream, which drains it: PortAudio returns from stop only once the last buffer has gone
to the device. So when play() returns, the prompt has been played, and the assistant can
start listening without hearing itself.

A stream is opened per clip: that costs about a millisecond, and an idle open stream would
keep the sound server busy between turns. The latency asked of PortAudio is a compromise:
very low (a few ms) risks dropouts while the speech model loads on the other core, high
makes the first word late; 50 ms plays smoothly and starts at once.

stop() may be called from another thread: the clip ends within one slice (~50 ms).
"""

from __future__ import annotations

import os
import threading
import wave
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.audio import devices
from assistant.interfaces import VoiceUnavailable

if TYPE_CHECKING:
    import numpy as np

OUTPUT_LATENCY_S = 0.05
SLICE_MS = 50.0
# Measured on PortAudio -> ALSA -> PulseAudio with a 500 ms chirp recorded from the sink:
# stopping the stream returned ~70 ms before the end had been played and closing it then
# dropped that end, and the first ~20 ms (50 ms on the first clip) never came out. Silence
# around every clip makes those losses silence: the prompt and the cue are heard whole, and
# play() still returns only after the last sound.
LEAD_PADDING_MS = 50.0
TAIL_PADDING_MS = 150.0


def _sounddevice() -> Any:
    try:
        return devices.load_sounddevice()
    except (ImportError, OSError) as err:  # OSError: the PortAudio library is missing
        raise VoiceUnavailable(f"no audio output library ({err}).") from err


def list_output_devices() -> list[dict[str, Any]]:
    """Devices that can play sound: index, name, channels, default_sample_rate_hz, is_default."""
    sd = _sounddevice()
    try:
        return devices.list_devices(sd, "output")
    except Exception as err:  # PortAudio errors come as sd.PortAudioError
        raise VoiceUnavailable(f"cannot list audio devices ({err}).") from err


def check_output_device(device: str | int | None) -> int:
    """The index of the device that play() will use; VoiceUnavailable if there is none."""
    sd = _sounddevice()
    try:
        # PortAudio marks "no default output" as index -1; query_devices() then fails with
        # a message about device -1, which would mean nothing to the user.
        if device is None and sd.default.device[1] < 0:
            raise VoiceUnavailable("no audio output device found.")
        info = sd.query_devices(devices.parse_device(device), kind="output")
    except VoiceUnavailable:
        raise
    except ValueError as err:  # sounddevice: no such device / no default output device
        if device is None:
            raise VoiceUnavailable("no audio output device found.") from err
        raise VoiceUnavailable(f"no audio output device matching {device!r} ({err}).") from err
    except Exception as err:
        raise VoiceUnavailable(f"audio output is not working ({err}).") from err
    if info["max_output_channels"] < 1:
        raise VoiceUnavailable(f"device {info['name']!r} cannot play sound.")
    return int(info["index"])


class Player:
    """Plays float32 mono clips on one output device, scaled by a volume gain."""

    def __init__(self, device: str | int | None = None) -> None:
        self.device = check_output_device(device)
        self._stop_requested = threading.Event()
        self._lock = threading.Lock()

    def play(self, samples: np.ndarray, sample_rate_hz: int, volume: float = 1.0) -> bool:
        """Play and block until the last sample has been played. False if stop() cut it short.

        Raises VoiceUnavailable if the device fails (unplugged, sound server gone).
        """
        import numpy as np

        sd = _sounddevice()
        self._stop_requested.clear()
        lead = np.zeros(int(sample_rate_hz * LEAD_PADDING_MS / 1000), np.float32)
        tail = np.zeros(int(sample_rate_hz * TAIL_PADDING_MS / 1000), np.float32)
        pcm = np.concatenate([lead, np.clip(samples * volume, -1.0, 1.0), tail])
        pcm = pcm.astype(np.float32, copy=False)
        slice_frames = max(1, int(sample_rate_hz * SLICE_MS / 1000))
        with self._lock:
            try:
                stream = sd.OutputStream(
                    samplerate=sample_rate_hz,
                    device=self.device,
                    channels=1,
                    dtype="float32",
                    latency=OUTPUT_LATENCY_S,
                )
            except Exception as err:
                raise VoiceUnavailable(f"cannot open the audio output ({err}).") from err
            completed = True
            try:
                stream.start()
                for begin in range(0, len(pcm), slice_frames):
                    if self._stop_requested.is_set():
                        completed = False
                        break
                    # write() blocks in C with the GIL released until there is room.
                    stream.write(pcm[begin : begin + slice_frames])
                if completed:
                    stream.stop()  # drains: returns after the last buffer has been played
                else:
                    stream.abort()  # drops what is still buffered: silence at once
            except Exception as err:
                raise VoiceUnavailable(f"audio output failed ({err}).") from err
            finally:
                stream.close()
        return completed

    def stop(self) -> None:
        """Cut the current clip short (from another thread); harmless when nothing plays."""
        self._stop_requested.set()

    def close(self) -> None:
        self.stop()


class WavDirectoryWriter:
    """--speak-to DIR: each clip becomes the next numbered WAV (0001.wav, ...) in DIR.

    Same play() as Player, so the speaker does not care; no audio device is needed. It
    numbers on from the highest file already there, so earlier runs are never overwritten.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise VoiceUnavailable(f"cannot create {self.directory} ({err.strerror}).") from err
        taken = [int(p.stem) for p in self.directory.glob("*.wav") if p.stem.isdigit()]
        self._next_number = max(taken, default=0) + 1
        self.written: list[Path] = []

    def play(self, samples: np.ndarray, sample_rate_hz: int, volume: float = 1.0) -> bool:
        import numpy as np

        pcm = np.clip(samples * volume, -1.0, 1.0)
        path = self.directory / f"{self._next_number:04d}.wav"
        try:
            with wave.open(str(path), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(sample_rate_hz)
                out.writeframes(np.round(pcm * 32767).astype("<i2").tobytes())
        except OSError as err:
            raise VoiceUnavailable(f"cannot write {path} ({err.strerror}).") from err
        self._next_number += 1
        self.written.append(path)
        return True

    def stop(self) -> None:
        """Writing a file is not interruptible; nothing to do."""

    def close(self) -> None:
        """Every file is closed as soon as it is written."""
