"""A pyttsx3 driver for RHVoice: `register()`, then `pyttsx3.init("rhvoice")`.

pyttsx3 imports a driver only as `pyttsx3.drivers.<name>`, so register() puts this module
into sys.modules under that name. The driver does what pyttsx3's own drivers do: say(),
save_to_file(), stop(), the rate / volume / voice / voices properties, the started- and
finished-utterance events, and startLoop / endLoop / iterate.

Work is synchronous: RHVoice's C library (assistant.speaking.rhvoice_library) synthesizes a
prompt in a tenth of a second, so say() and save_to_file() finish before they return, and
the events are sent from the calling thread. stop() from another thread ends the message
within one chunk of audio (RHVoice asks the sink for each chunk).

The idle-proxy trap: after the first runAndWait() the proxy is idle, so on the next one it
runs the queued commands, endLoop included, as soon as they are pushed, which is before
runAndWait() calls startLoop(). A loop that simply waited for endLoop would then wait
forever; here an endLoop that comes before its startLoop makes that startLoop return at once.

Rate is in words per minute, as with espeak: RHVoice's relative rate times its voices' own
pace (NATURAL_RATE_WPM). Volume 0..1 scales the samples (RHVoice's relative volume).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
import wave
from typing import Any

from pyttsx3.voice import Voice

from assistant.speaking.rhvoice_library import RHVoiceEngine, RHVoiceVoice

DRIVER_NAME = "rhvoice"
# Words per minute of RHVoice's English voices at relative rate 1.0, pauses included:
# 183-187 wpm measured on three prompts with bdl, slt and alan.
NATURAL_RATE_WPM = 185
DEFAULT_VOICE = "bdl"
LOOP_POLL_S = 0.01
PLAYER = ("aplay", "-q")

_engine: RHVoiceEngine | None = None
_engine_lock = threading.Lock()


def register() -> None:
    """Make `pyttsx3.init("rhvoice")` find this driver."""
    import pyttsx3.drivers

    module = sys.modules[__name__]
    sys.modules.setdefault(f"pyttsx3.drivers.{DRIVER_NAME}", module)
    setattr(pyttsx3.drivers, DRIVER_NAME, module)


def shared_engine() -> RHVoiceEngine:
    """The process's RHVoice engine (loading voices twice would only cost memory)."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = RHVoiceEngine()
        return _engine


def buildDriver(proxy: Any) -> RHVoiceDriver:  # noqa: N802 - pyttsx3's name
    return RHVoiceDriver(proxy)


def _voice_id(voice: RHVoiceVoice) -> str:
    return voice.name.lower()


class RHVoiceDriver:
    def __init__(self, proxy: Any) -> None:
        self._proxy = proxy
        self._engine = shared_engine()
        self._voices = {_voice_id(v): v for v in self._engine.voices}
        self._voice = DEFAULT_VOICE if DEFAULT_VOICE in self._voices else next(iter(self._voices))
        self._rate_wpm = float(NATURAL_RATE_WPM)
        self._volume = 1.0
        self._looping = False
        self._ended_before_start = False
        self._stopping = threading.Event()
        self._player: subprocess.Popen[bytes] | None = None

    def destroy(self) -> None:
        self.stop()

    # --- properties ----------------------------------------------------------------------

    def getProperty(self, name: str) -> Any:  # noqa: N802
        if name == "voices":
            return [
                Voice(vid, v.name, [f"{v.language}-{v.country}" if v.country else v.language],
                      v.gender)
                for vid, v in self._voices.items()
            ]  # fmt: skip
        if name == "voice":
            return self._voice
        if name == "rate":
            return self._rate_wpm
        if name == "volume":
            return self._volume
        raise KeyError(f"unknown property {name}")

    def setProperty(self, name: str, value: Any) -> None:  # noqa: N802
        if name == "voice":
            wanted = str(value).lower()
            if wanted not in self._voices:
                raise ValueError(f"no RHVoice voice {value!r}")
            self._voice = wanted
        elif name == "rate":
            self._rate_wpm = float(value)
        elif name == "volume":
            self._volume = min(1.0, max(0.0, float(value)))
        else:
            raise KeyError(f"unknown property {name}")

    # --- speaking ------------------------------------------------------------------------

    def save_to_file(self, text: str, filename: str) -> None:
        self._utter(text, filename)

    def say(self, text: str) -> None:
        with tempfile.TemporaryDirectory(prefix="rhvoice-say-") as folder:
            path = os.path.join(folder, "say.wav")
            if self._utter(text, path, announce_end=False):
                self._play(path)
            self._proxy.notify("finished-utterance", completed=not self._stopping.is_set())
            self._proxy.setBusy(False)

    def stop(self) -> None:
        """Ends the utterance in progress (any thread); harmless when idle."""
        self._stopping.set()
        player = self._player
        if player is not None:
            with contextlib.suppress(OSError):
                player.terminate()

    def _utter(self, text: str, path: str, announce_end: bool = True) -> bool:
        """Synthesize into a WAV file, with the events. True when it was not stopped."""
        self._proxy.setBusy(True)
        self._stopping.clear()
        self._proxy.notify("started-utterance")
        chunks: list[bytes] = []

        def sink(pcm: bytes) -> bool:
            chunks.append(pcm)
            return not self._stopping.is_set()

        completed = False
        try:
            rate_hz = self._engine.speak(
                text, self._voice, self._rate_wpm / NATURAL_RATE_WPM, self._volume, sink
            )
            with wave.open(path, "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(rate_hz)
                out.writeframes(b"".join(chunks))
            completed = not self._stopping.is_set()
        except Exception as err:  # reported as pyttsx3 drivers do: an event, not a raise
            self._proxy.notify("error", exception=err)
        if announce_end:
            self._proxy.notify("finished-utterance", completed=completed)
            self._proxy.setBusy(False)
        return completed

    def _play(self, path: str) -> None:
        try:
            self._player = subprocess.Popen([*PLAYER, path])
        except OSError as err:
            self._proxy.notify("error", exception=err)
            return
        self._player.wait()
        self._player = None

    # --- loops ---------------------------------------------------------------------------

    def startLoop(self) -> None:  # noqa: N802
        self._looping = True
        self._proxy.setBusy(False)  # runs what is queued, endLoop included
        if self._ended_before_start:
            self._ended_before_start = False
            self._looping = False
        while self._looping:
            time.sleep(LOOP_POLL_S)

    def endLoop(self) -> None:  # noqa: N802
        if not self._looping:
            self._ended_before_start = True
        self._looping = False

    def iterate(self) -> Any:
        """For an external loop: commands run as they are queued, so only mark idle."""
        self._proxy.setBusy(False)
        yield
