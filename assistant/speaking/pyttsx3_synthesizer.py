"""The pyttsx3 backend: text to samples through one of pyttsx3's drivers, by way of a WAV file.

Two engines use it: "espeak" (pyttsx3's espeak-ng driver) and "rhvoice" (our driver,
assistant.speaking.rhvoice_driver, registered with pyttsx3 before use).

Why a file and not engine.say(): with espeak-ng, runAndWait() returned after 0.012 s while
the sentence went on playing for ~6 s, so the assistant could not know when speech ended and
would have listened over its own voice. Synthesizing to a WAV and playing it ourselves
(assistant.speaking.playback) tells us exactly when the last sample has been played.

pyttsx3 pitfalls handled here:
* Several save_to_file() calls queued before one runAndWait() write only the last file:
  exactly one save_to_file() per runAndWait().
* Engines may hang when initialised again: one engine per driver and process, created
  lazily, reused.
* Its espeak driver prints "Audio saved to ..." on stdout for every file: silenced, because
  stdout carries the prompts.
* It reports failures as events instead of raising: a missing or empty WAV is the error.
* Its espeak driver runs espeak-ng asynchronously: runAndWait() can return before the WAV
  is written, property changes are queued inside espeak, and the driver's end-of-loop
  calls espeak's Cancel() whenever espeak is still busy - which silently dropped a new
  rate, or the whole synthesis (no file at all). So each synthesis here is a handshake:
  set the properties, wait until espeak is idle (they have been applied), synthesize, wait
  for the driver's "finished-utterance" event, and retry once if it reports a cancel.
  (The RHVoice driver works synchronously; the handshake costs it nothing.)

Results are cached by (text, rate, voice), so repeating a prompt costs nothing.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.audio import wav_io
from assistant.interfaces import VoiceUnavailable
from assistant.speaking.pronunciations import Pronunciations
from assistant.speaking.synthesizer import Speech, VoiceInfo

if TYPE_CHECKING:
    import numpy as np

CACHE_ENTRIES = 64
WARM_UP_TEXT = "Hello."
SYNTH_ATTEMPTS = 2
SYNTH_TIMEOUT_S = 30.0
IDLE_TIMEOUT_S = 2.0
IDLE_POLL_S = 0.001
# Engines start a WAV with a little silence (espeak-ng's ENDPAUSE adds ~0.25 s at the end).
# Less at the start means a faster first word; some silence at the end keeps the listening
# cue from running straight into the last word.
KEEP_LEADING_SILENCE_MS = 20.0
KEEP_TRAILING_SILENCE_MS = 120.0
SILENCE_THRESHOLD = 0.01
# Every prompt is scaled to this peak, so volume 1.0 means the same loudness for any voice.
NORMALIZED_PEAK = 0.89
# First-order pre-emphasis, y[n] = x[n] - k * x[n-1]: about +6 dB per octave, per engine.
# espeak-ng's formant voice is dull, its consonants (s, t, th, f) weak next to the vowels;
# lifting the highs makes them stand out, and high frequencies are what age-related hearing
# loss takes first. Measured with bench/bench_intelligibility.py: espeak-ng's Vosk WER 37% ->
# 29% on a sample of the prompts; stronger (0.95 twice) made it far worse. RHVoice's voice
# is not dull, and lifting its highs only hurt it (bench/pronunciation-tuning.txt, WER
# slt/bdl: none 11.5%/8.2%, k=0.5 13.9%/9.8%, k=0.95 16.4%/9.8%). 0 turns it off.
CLARITY_PREEMPHASIS = {"espeak": 0.95, "rhvoice": 0.0}
# MBROLA's voices are recordings, like RHVoice's: no pre-emphasis (bench/history/korean.md).
RECORDED_VOICE_PREFIX = "mb/"


def create(engine: str, voice: str | None, pronunciations: Pronunciations) -> Pyttsx3Synthesizer:
    """The synthesizers.create() hook: this engine through its pyttsx3 driver."""
    return Pyttsx3Synthesizer(engine, voice, pronunciations)


def _load_pyttsx3(driver: str) -> Any:
    try:
        import pyttsx3
    except ImportError as err:
        raise VoiceUnavailable(f"pyttsx3 is not installed ({err}).") from err
    if driver == "rhvoice":
        from assistant.speaking import rhvoice_driver

        rhvoice_driver.register()
    else:  # before espeak-ng starts: the data folder with the Korean MBROLA voice, if installed
        from assistant.speaking import korean_voice

        korean_voice.use_data_path()
    return pyttsx3


class _Engine:
    """The process's one pyttsx3 engine per driver (they may hang when initialised again),
    shared by every synthesizer of that driver, with the handshake that makes each
    synthesis complete (see top)."""

    _instances: dict[str, _Engine] = {}
    _instances_lock = threading.Lock()

    @classmethod
    def get(cls, driver: str) -> _Engine:
        with cls._instances_lock:
            if driver not in cls._instances:
                cls._instances[driver] = cls(driver)
            return cls._instances[driver]

    def __init__(self, driver: str) -> None:
        pyttsx3 = _load_pyttsx3(driver)
        try:
            # pyttsx3 keeps one engine per name it was asked for; the platform's default
            # driver is asked for as None, so that other pyttsx3 users in the process
            # (pyttsx3.init()) share our engine instead of starting espeak-ng again.
            default = pyttsx3.engine.default_engine_by_sys_platform()
            self.engine = pyttsx3.init(None if driver == default else driver)
        except VoiceUnavailable:  # the driver's own one-line reason
            raise
        except Exception as err:  # library or voice data missing, driver failing to load, ...
            raise VoiceUnavailable(f"cannot start ({type(err).__name__}: {err}).") from err
        _silence_driver_prints(self.engine)
        self.default_voice = str(self.engine.getProperty("voice") or "")
        """The driver's own voice, read before any synthesizer sets another: the engine's
        current voice is whatever was used last (after Korean, MBROLA's hn1, which said
        English "no" as 144 ms of nothing)."""
        self._espeak = getattr(getattr(self.engine.proxy, "_module", None), "_espeak", None)
        self._sample_rate = _espeak_sample_rate(self._espeak)
        self._finished = threading.Event()
        self._completed = False
        self.lock = threading.Lock()
        """Held for each synthesis: the engine does one thing at a time."""
        self.engine.connect("finished-utterance", self._on_finished)
        # The driver starts "busy", so properties set before the first runAndWait() would be
        # queued behind its Cancel(); an empty first loop leaves it idle.
        self.engine.runAndWait()
        self._wait_until_idle()

    def _on_finished(self, completed: bool = True, **_: Any) -> None:
        self._completed = bool(completed)
        self._finished.set()

    def _wait_until_idle(self) -> None:
        """Until espeak has worked through its queue (so nothing is left to cancel)."""
        if self._espeak is None:
            return
        deadline = time.monotonic() + IDLE_TIMEOUT_S
        while self._espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(IDLE_POLL_S)

    def voices(self) -> list[VoiceInfo]:
        with self.lock:
            found = self.engine.getProperty("voices") or []
        return [
            VoiceInfo(str(v.id), str(v.name or v.id), tuple(str(lang) for lang in v.languages))
            for v in found
        ]

    def synthesize_to(self, spoken: str, rate_wpm: int, voice: str | None, path: Path) -> int:
        """One save_to_file per runAndWait. The WAV's true sample rate when the driver says it
        completed (pyttsx3's espeak driver labels every file 22,050 Hz, but an MBROLA voice
        speaks at 16 kHz: espeak-ng's own figure, read for the voice just used), else 0."""
        with self.lock:
            # Set every time: another Synthesizer may have changed them.
            self.engine.setProperty("voice", voice)
            self.engine.setProperty("rate", rate_wpm)
            # Full engine volume; the user's volume is applied at playback, so the cache
            # holds one copy per (text, rate, voice) whatever the volume.
            self.engine.setProperty("volume", 1.0)
            self._wait_until_idle()
            self._finished.clear()
            mbrola = bool(voice) and str(voice).startswith(RECORDED_VOICE_PREFIX)
            with _without_mbrola_warnings() if mbrola else contextlib.nullcontext():
                self.engine.save_to_file(spoken, str(path))
                self.engine.runAndWait()
                if not self._finished.wait(SYNTH_TIMEOUT_S):
                    raise VoiceUnavailable("speech synthesis did not finish.")
                self._wait_until_idle()
            if not (self._completed and path.exists()):
                return 0
            return self._sample_rate() if self._sample_rate is not None else -1


class Pyttsx3Synthesizer:
    """synthesize(text, rate_wpm) -> Speech, with pronunciations and a cache. Thread-safe."""

    def __init__(
        self,
        engine: str = "espeak",
        voice: str | None = None,
        pronunciations: Pronunciations | None = None,
        cache_entries: int = CACHE_ENTRIES,
    ) -> None:
        self.engine = engine
        self._engine = _Engine.get(engine)
        self.pronunciations = pronunciations or Pronunciations({})
        self.voice = voice or self._engine.default_voice
        self._lock = threading.Lock()
        self._tmp_dir = Path(tempfile.mkdtemp(prefix="assistant-tts-"))
        self._cache: collections.OrderedDict[tuple[str, int, str], Speech] = (
            collections.OrderedDict()
        )
        self._cache_entries = cache_entries
        self._counter = 0
        self._warm_up: threading.Thread | None = None

    @property
    def preemphasis(self) -> float:
        if self.voice.startswith(RECORDED_VOICE_PREFIX):
            return 0.0
        return CLARITY_PREEMPHASIS.get(self.engine, 0.0)

    def voices(self) -> list[VoiceInfo]:
        found = [VoiceInfo(v.id, v.name, v.languages, self.engine) for v in self._engine.voices()]
        if self.engine == "espeak":  # espeak-ng does not list MBROLA voices; ours is there
            from assistant.speaking import korean_voice

            found += korean_voice.voices(self.engine)
        return found

    def synthesize(self, text: str, rate_wpm: int) -> Speech:
        """Samples of the text spoken at rate_wpm. Raises VoiceUnavailable if synthesis fails."""
        spoken = self.pronunciations.apply(text)
        key = (spoken, rate_wpm, self.voice)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return Speech(cached.samples, cached.sample_rate_hz, 0.0)
            speech = self._synthesize_uncached(spoken, rate_wpm)
            self._cache[key] = speech
            while len(self._cache) > self._cache_entries:
                self._cache.popitem(last=False)
            return speech

    def _synthesize_uncached(self, spoken: str, rate_wpm: int) -> Speech:
        started = time.perf_counter()
        self._counter += 1
        path = self._tmp_dir / f"{self._counter:06d}.wav"
        true_rate_hz = 0
        for _attempt in range(SYNTH_ATTEMPTS):
            # The engine's voice is shared: say which one every time.
            true_rate_hz = self._engine.synthesize_to(spoken, rate_wpm, self.voice, path)
            if true_rate_hz:
                break
        try:
            frames, sample_rate_hz = wav_io.read_wav(path)
            if true_rate_hz > 0:
                sample_rate_hz = true_rate_hz
        except (OSError, wav_io.AudioFormatError) as err:
            raise VoiceUnavailable(f"speech synthesis failed ({err}).") from err
        finally:
            path.unlink(missing_ok=True)
        samples = wav_io.to_mono(frames)
        if len(samples) == 0:
            raise VoiceUnavailable("speech synthesis produced no audio.")
        samples = _trim_and_normalize(samples, sample_rate_hz, self.preemphasis)
        synth_ms = 1000.0 * (time.perf_counter() - started)
        return Speech(samples, sample_rate_hz, synth_ms)

    def prepare(self, rate_wpm: int) -> None:
        """Loads the voice in a background thread, while the caller opens the output device:
        RHVoice reads a voice's data on its first message (~0.15 s), which would otherwise
        delay the first word. The work is in C, so it runs beside Python on the other core."""

        def warm_up() -> None:
            # A folder of its own: close() may remove ours meanwhile, and espeak's driver
            # never ends its loop when it cannot write the file. A failure here is reported
            # by the first real prompt, which meets it again.
            with (
                tempfile.TemporaryDirectory(prefix="assistant-tts-warm-up-") as folder,
                contextlib.suppress(VoiceUnavailable),
            ):
                path = Path(folder) / "warm-up.wav"
                self._engine.synthesize_to(WARM_UP_TEXT, rate_wpm, self.voice, path)

        self._warm_up = threading.Thread(target=warm_up, name="voice-warm-up", daemon=True)
        self._warm_up.start()

    def close(self) -> None:
        """Removes the temporary folder; the engine stays for the rest of the process.

        Waits for the warm-up (a fraction of a second): a thread still inside the engine
        while the interpreter exits may write noise to stderr, or crash it."""
        if self._warm_up is not None:
            self._warm_up.join(SYNTH_TIMEOUT_S)
        shutil.rmtree(self._tmp_dir, ignore_errors=True)


def _espeak_sample_rate(espeak: Any) -> Any:
    """espeak-ng's espeak_ng_GetSampleRate (the current voice's rate), or None."""
    function = getattr(getattr(espeak, "dll", None), "espeak_ng_GetSampleRate", None)
    if function is None:
        return None
    function.restype = ctypes.c_int
    function.argtypes = []
    return function


@contextlib.contextmanager
def _without_mbrola_warnings() -> Iterator[None]:
    """libespeak-ng copies every line MBROLA writes to its stderr onto ours ("mbrola: Warning:
    a-l unknown, replaced with _-_", "Saturation on ..."): one per rare diphone, which would
    scatter over the dialog. While an MBROLA voice synthesizes, file descriptor 2 goes to a
    file; afterwards every other line written meanwhile (by any thread) is passed on."""
    from assistant.audio import library_noise

    lines: list[bytes] = []
    try:
        with library_noise.captured_stderr() as lines:
            yield
    finally:
        kept = [line for line in lines if not line.startswith(b"mbrola: ")]
        if kept:
            os.write(2, b"".join(kept))


def _silence_driver_prints(engine: Any) -> None:
    """pyttsx3's espeak driver prints one line per saved file; shadow print in its module.

    A module-level name beats the builtin, so only that module is affected (redirecting
    sys.stdout instead would also swallow other threads' output).
    """
    module = getattr(getattr(engine, "proxy", None), "_module", None)
    if module is not None:
        module.print = lambda *args, **kwargs: None


def _trim_and_normalize(samples: np.ndarray, sample_rate_hz: int, preemphasis: float) -> np.ndarray:
    import numpy as np

    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD)
    if len(loud) == 0:
        return samples
    keep_lead = int(sample_rate_hz * KEEP_LEADING_SILENCE_MS / 1000)
    keep_tail = int(sample_rate_hz * KEEP_TRAILING_SILENCE_MS / 1000)
    start = max(0, int(loud[0]) - keep_lead)
    end = min(len(samples), int(loud[-1]) + 1 + keep_tail)
    trimmed = samples[start:end]
    if preemphasis:
        trimmed = np.concatenate([trimmed[:1], trimmed[1:] - preemphasis * trimmed[:-1]])
    peak = float(np.max(np.abs(trimmed)))
    return (trimmed * (NORMALIZED_PEAK / peak)).astype(np.float32)
