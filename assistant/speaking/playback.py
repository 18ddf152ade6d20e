"""Playing samples on the output device with sounddevice, returning when they have been heard.

One output stream is opened at the first clip and kept running for the whole session: its
callback plays the clip queued by play(), and silence between clips. So the cue, the prompt
and listening follow each other without a stream to open or drain in between (draining
cost up to 2 s on virtual devices), and everything that reaches the loudspeaker, silence
included, is handed with its DAC time to the echo reference (audio/echo_reference.py) that
the echo canceller subtracts from the microphone for barge-in. The stream runs at the rate
of the first clip (the voice's); a clip at another rate (a cue) is resampled to it.

play() returns once the callback has handed the last sample over and the stream's output
latency has passed: the prompt has been heard. stop() may be called from another thread
(barge-in): the callback drops the clip at its next block, and what the output buffer
already holds plays out: sound ends ~150 ms after stop() (the latency below, measured on
the test server's loudspeaker monitor).

With `abort_on_stop` (set by the voice Speaker when it listens over speech: barge-in; off
for a bare Player; bench_barge_in.py --no-abort) the callback instead aborts
the stream at its next block (sounddevice's CallbackAbort: PortAudio drops what is queued,
and ALSA's pulse plugin flushes the sound server's buffer), tells the echo reference that
nothing of what it was handed after that moment was played (EchoReference.cut: else the
canceller would subtract an echo that never came), and a background thread starts the
stream again, with the start wait below, for what comes next. Sound then ends within ~20 ms
of stop(). The restart makes the pulse plugin open a new server stream, and a null sink
with no other client then slept up to 2 s before the next clip was heard (barge-in round
four: a 1 s clip after a cut took 3.0 s); so with the abort the player keeps a second
stream open for the session that plays only silence (`keep_device_awake`): the server
always has a client at the session's latency, and the same clip takes 1.15 s (1.11 s
without the abort: bench/history/barge-in.md, round five). PortAudio is never called from the audio
thread itself, nor aborted from another thread while its callback runs.

The latency asked of PortAudio is a compromise: low risks dropouts when the CPU is busy,
high makes stop() slow. 50 ms was not enough: with six busy processes on two cores, 4 of 6
greetings lost most of their sound in an underrun storm (PortAudio's recovery through
ALSA's pulse plugin drops what was queued, and underruns again), and CI lost one too.
100 ms lost none of 6 (200 ms: none either), for 50 ms more before a stop() is heard.

A new stream is not playing yet when start() returns: PortAudio fills its buffer at once,
and the device may take a while to begin pulling (PulseAudio's null sink, asleep while
nothing plays, wakes only at its next timer: up to 2 s). A clip handed over before then
would be timed as if it were already heard, and a short one would run into the stall
deadline and be given up as a broken output (a CI run heard 96 ms of a 6.5 s greeting).
So the first play() waits until the device has pulled more blocks than the buffer holds.
"""

from __future__ import annotations

import math
import os
import threading
import wave
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.audio import devices
from assistant.interfaces import VoiceUnavailable

if TYPE_CHECKING:
    import numpy as np

    from assistant.audio.echo_reference import EchoReference

OUTPUT_LATENCY_S = 0.1
BLOCK_MS = 20.0
# How long play() waits for the callback beyond the clip's own length before it calls the
# output broken (a stream whose callback stopped running: device unplugged, server gone).
STALL_MARGIN_S = 2.0
# How long a new stream may take to start pulling blocks before the output counts as broken.
START_TIMEOUT_S = 5.0


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
    """Plays float32 mono clips on one output device, scaled by a volume gain, through one
    output stream kept open from the first clip to close()."""

    def __init__(self, device: str | int | None = None) -> None:
        self.device = check_output_device(device)
        self.reference: EchoReference | None = None
        """Set by the voice session when it listens over speech: gets every played block."""
        self.sample_rate_hz: int | None = None
        self._stream: Any = None
        self._lock = threading.Lock()
        """Held by play(): one clip at a time."""
        self._clip: np.ndarray | None = None
        self._position = 0
        self._stop_requested = threading.Event()
        self._clip_done = threading.Event()
        self._failed = threading.Event()
        self._running = threading.Event()
        """Set by the callback once the device pulls blocks (module doc)."""
        self._calls = 0
        self._running_after_calls = 0
        self._abort_error: type[Exception] | None = None
        """sounddevice's CallbackAbort, raised by the callback to drop what is queued."""
        self._aborting = False
        """Set by the callback when it aborts the stream for a stop(): not a failure."""
        self._tail_until_s: float | None = None
        """DAC time the last clip's last sample plays until: a stop() before then cuts it."""
        self._restart: threading.Thread | None = None
        """Starts the stream again after a stop() aborted it."""
        self._ready = threading.Event()
        """Clear from a stop()'s abort until the stream has started again: the next clip
        waits for it (PortAudio may call the finished callback a little after the abort)."""
        self._ready.set()
        self._closing = False
        self.restarts = 0
        """Streams started again after a cut (tests, benches)."""
        self.abort_on_stop = False
        """stop() aborts the stream, so what it has queued is dropped (module doc); off: it
        only stops filling the buffer, and what that holds plays out."""
        self.keep_device_awake = True
        """With abort_on_stop: a second output stream that plays only silence, opened with
        the first and kept to close(), so the sound server always has a client at the
        session's latency while the main stream restarts after a cut (module doc)."""
        self._keeper: Any = None
        self._keeper_tried = False
        self.cut_at_dac_s: float | None = None
        """Stream time the sound stopped at after the last stop(): the aborting callback's
        current time, after which nothing queued was played (barge-in latency)."""

    def play(self, samples: np.ndarray, sample_rate_hz: int, volume: float = 1.0) -> bool:
        """Play and block until the last sample has been played. False if stop() cut it short.

        Raises VoiceUnavailable if the device fails (unplugged, sound server gone).
        """
        import numpy as np

        from assistant.audio.echo_reference import resample

        with self._lock:
            self._stop_requested.clear()
            self._ensure_stream(sample_rate_hz)
            if self._stop_requested.is_set():
                return False  # stop() while the output was starting: the clip is cut whole
            assert self.sample_rate_hz is not None
            pcm = np.clip(samples * volume, -1.0, 1.0).astype(np.float32, copy=False)
            pcm = resample(pcm, sample_rate_hz, self.sample_rate_hz)
            self._clip_done.clear()
            self._position = 0
            self._tail_until_s = None
            self._clip = pcm
            deadline_s = len(pcm) / self.sample_rate_hz + STALL_MARGIN_S
            if not self._clip_done.wait(deadline_s) or self._failed.is_set():
                self._clip = None
                raise VoiceUnavailable("audio output stopped working.")
            if self._stop_requested.is_set():
                return False
            # The callback has handed the last sample to PortAudio; it is heard once the
            # stream's output latency has passed. A stop() meanwhile still counts.
            return not self._stop_requested.wait(float(self._stream.latency))

    def _ensure_stream(self, sample_rate_hz: int) -> None:
        # A stop() aborted the stream: it is starting again (in the background), wait for it.
        if not self._ready.wait(START_TIMEOUT_S + 1.0):
            self._failed.set()
        if self.abort_on_stop and self.keep_device_awake and not self._keeper_tried:
            self._keeper_tried = True
            self._keeper = self._silent_stream(_sounddevice(), sample_rate_hz)
        if self._stream is not None and not self._failed.is_set():
            return
        # A stream that failed (the sound server went away) is closed before its
        # replacement opens: left open, PortAudio tears it down at exit, where it can crash.
        self._discard_stream()
        sd = _sounddevice()
        self.sample_rate_hz = self.sample_rate_hz or sample_rate_hz
        self._failed.clear()
        self._running.clear()
        self._aborting = False
        self._calls = 0
        self._abort_error = sd.CallbackAbort
        try:
            self._stream = sd.OutputStream(
                samplerate=self.sample_rate_hz,
                device=self.device,
                channels=1,
                dtype="float32",
                latency=OUTPUT_LATENCY_S,
                blocksize=int(self.sample_rate_hz * BLOCK_MS / 1000),
                callback=self._callback,
                finished_callback=self._finished,
            )
            # More calls than the buffer can hold blocks: the device has pulled some. PortAudio
            # fills more than the latency it reports (3 blocks for 40 ms, 8 for 120 ms, 12 for
            # 180 ms on ALSA's pulse plugin), so twice that, plus two: ~0.1 s more at the start.
            latency_blocks = math.ceil(float(self._stream.latency) * 1000 / BLOCK_MS)
            self._running_after_calls = 2 * latency_blocks + 2
            self._stream.start()
        except Exception as err:
            self._stream = None
            raise VoiceUnavailable(f"cannot open the audio output ({err}).") from err
        if not self._running.wait(START_TIMEOUT_S) or self._failed.is_set():
            self._discard_stream()
            raise VoiceUnavailable("the audio output did not start playing.")

    def _silent_stream(self, sd: Any, sample_rate_hz: int) -> Any:
        """The keeper (keep_device_awake): None where the device takes only one stream."""
        rate_hz = self.sample_rate_hz or sample_rate_hz

        def silence(outdata: Any, frames: int, time_info: Any, status: Any) -> None:
            outdata.fill(0.0)

        try:
            stream = sd.OutputStream(
                samplerate=rate_hz,
                device=self.device,
                channels=1,
                dtype="float32",
                latency=OUTPUT_LATENCY_S,
                blocksize=int(rate_hz * BLOCK_MS / 1000),
                callback=silence,
            )
            stream.start()
        except Exception:  # noqa: BLE001 - a device without mixing: cuts cost a restart wait
            return None
        return stream

    # Runs on PortAudio's audio thread: fill, hand to the reference, never raise (but the abort).
    def _callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        try:
            self._calls += 1
            if self._calls >= self._running_after_calls:
                self._running.set()
            block = outdata[:, 0]
            block.fill(0.0)
            clip = self._clip
            if self._stop_requested.is_set() and self._cut_now(clip, time_info.currentTime):
                self._cut(time_info.currentTime)
            elif clip is not None and self._stop_requested.is_set():  # not abort_on_stop
                self._clip = None
                self.cut_at_dac_s = time_info.outputBufferDacTime
                self._clip_done.set()
            elif clip is not None:
                taken = clip[self._position : self._position + frames]
                block[: len(taken)] = taken
                self._position += len(taken)
                if self._position >= len(clip):
                    rate_hz = self.sample_rate_hz or 1
                    self._tail_until_s = time_info.outputBufferDacTime + len(taken) / rate_hz
                    self._clip = None
                    self._clip_done.set()
            if self.reference is not None and self.sample_rate_hz:
                self.reference.add(time_info.outputBufferDacTime, block, self.sample_rate_hz)
        except Exception as err:  # noqa: BLE001 - nothing may escape into PortAudio
            if self._abort_error is not None and isinstance(err, self._abort_error):
                raise
            self._clip_done.set()

    def _cut_now(self, clip: np.ndarray | None, now_s: float) -> bool:
        """A stop() while a clip plays, or while the last of one is still queued."""
        if not self.abort_on_stop:
            return False
        return clip is not None or (self._tail_until_s is not None and now_s < self._tail_until_s)

    def _cut(self, now_s: float) -> None:
        """Abort the stream: what is queued is dropped, so nothing plays from now_s on."""
        self._clip = None
        self._tail_until_s = None
        self.cut_at_dac_s = now_s
        if self.reference is not None:
            self.reference.cut(now_s)
        self._ready.clear()
        self._aborting = True
        self._clip_done.set()
        assert self._abort_error is not None
        raise self._abort_error

    def _finished(self) -> None:
        """PortAudio's finished callback (audio thread): a stop()'s abort, or a failure."""
        if not self._aborting:
            self._failed.set()
            return
        if self._closing:
            self._ready.set()
            return
        restart = threading.Thread(target=self._start_again, name="output-restart", daemon=True)
        self._restart = restart
        restart.start()

    def _start_again(self) -> None:
        """After a stop()'s abort: the same stream, started again and waited for as a new one
        (module doc); if it does not start, the next clip opens a new stream."""
        try:
            stream = self._stream
            if stream is None:
                return
            stream.stop()  # PortAudio's callback thread has ended: a stopped stream again
            self._running.clear()
            self._calls = 0
            self._aborting = False
            stream.start()
            if not self._running.wait(START_TIMEOUT_S):
                self._failed.set()
            else:
                self.restarts += 1
        except Exception:  # noqa: BLE001 - the next play() opens a new stream
            self._failed.set()
        finally:
            self._ready.set()

    def stop(self) -> None:
        """Cut the current clip short (from another thread); harmless when nothing plays."""
        self._stop_requested.set()
        if self._clip is None:
            self._clip_done.set()

    def close(self) -> None:
        self._closing = True
        self.stop()
        self._ready.wait(START_TIMEOUT_S + 1.0)  # a restart under way ends first
        restart, self._restart = self._restart, None
        if restart is not None:
            restart.join()
        self._discard_stream()
        keeper, self._keeper = self._keeper, None
        if keeper is not None:
            try:
                keeper.abort()
                keeper.close()
            except Exception:  # noqa: BLE001 - as _discard_stream
                pass

    def _discard_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # noqa: BLE001 - closing a dead stream must not end the session
                pass


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
