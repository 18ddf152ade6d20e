"""Text to speech samples with pyttsx3 (espeak-ng on Linux), by way of a WAV file.

Why a file and not engine.say(): with espeak-ng, runAndWait() returned after 0.012 s while
the sentence went on playing for ~6 s, so the assistant could not know when speech ended and
would have listened over its own voice. Synthesizing to a WAV and playing it ourselves
(assistant.speaking.playback) tells us exactly when the last sample has been played.

pyttsx3 pitfalls handled here:
* Several save_to_file() calls queued before one runAndWait() write only the last file:
  exactly one save_to_file() per runAndWait().
* Engines may hang when initialised again: one engine per process, created lazily, reused.
* Its espeak driver prints "Audio saved to ..." on stdout for every file: silenced, because
  stdout carries the prompts.
* It reports failures as events instead of raising: a missing or empty WAV is the error.
* Its espeak driver runs espeak-ng asynchronously: runAndWait() can return before the WAV
  is written, property changes are queued inside espeak, and the driver's end-of-loop
  calls espeak's Cancel() whenever espeak is still busy - which silently dropped a new
  rate, or the whole synthesis (no file at all). So each synthesis here is a handshake:
  set the properties, wait until espeak is idle (they have been applied), synthesize, wait
  for the driver's "finished-utterance" event, and retry once if it reports a cancel.

Synthesis is fast (~10 ms for a sentence with espeak-ng on this machine), and results are
cached by (text, rate, voice), so repeating a prompt costs nothing.
"""

from __future__ import annotations

import collections
import re
import shutil
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.interfaces import VoiceUnavailable
from assistant.paths import PROMPTS_DIR

if TYPE_CHECKING:
    import numpy as np

PRONUNCIATIONS_FILE = PROMPTS_DIR / "pronunciations.yaml"
CACHE_ENTRIES = 64
SYNTH_ATTEMPTS = 2
SYNTH_TIMEOUT_S = 30.0
IDLE_TIMEOUT_S = 2.0
IDLE_POLL_S = 0.001
# espeak-ng starts a WAV with a little silence and ENDPAUSE adds ~0.25 s at the end. Less
# at the start means a faster first word; some silence at the end keeps the listening cue
# from running straight into the last word.
KEEP_LEADING_SILENCE_MS = 20.0
KEEP_TRAILING_SILENCE_MS = 120.0
SILENCE_THRESHOLD = 0.01
# Every prompt is scaled to this peak, so volume 1.0 means the same loudness for any voice.
NORMALIZED_PEAK = 0.89
# First-order pre-emphasis, y[n] = x[n] - k * x[n-1]: about +6 dB per octave. espeak-ng's
# formant voice is dull, its consonants (s, t, th, f) weak next to the vowels; lifting the
# highs makes them stand out, and high frequencies are what age-related hearing loss takes
# first. Measured with bench/bench_intelligibility.py: Vosk WER 37% -> 29% on a sample of
# the prompts. Stronger (0.95 twice) made it far worse; 0 turns it off.
CLARITY_PREEMPHASIS = 0.95


@dataclass(frozen=True)
class Speech:
    """One synthesized prompt: float32 mono samples in -1..1."""

    samples: np.ndarray
    sample_rate_hz: int
    synth_ms: float
    """How long synthesis took (0 when it came from the cache)."""

    @property
    def duration_ms(self) -> float:
        return 1000.0 * len(self.samples) / self.sample_rate_hz


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]


class Pronunciations:
    """Replacements applied to the text sent to the engine, never to the printed text.

    Each entry of the YAML table is `written: spoken`. Entries made only of letters, digits
    and hyphens match whole words (case-sensitive); others match literally.
    """

    def __init__(self, table: dict[str, str]) -> None:
        self.table = dict(table)
        patterns = []
        # Longest first, so "iCloud Photos" would win over "iCloud".
        for written in sorted(self.table, key=len, reverse=True):
            escaped = re.escape(written)
            if re.fullmatch(r"[\w-]+", written):
                escaped = rf"(?<![\w-]){escaped}(?![\w-])"
            patterns.append(escaped)
        self._regex = re.compile("|".join(patterns)) if patterns else None

    @classmethod
    def load(cls, path: Path = PRONUNCIATIONS_FILE) -> Pronunciations:
        """The table from YAML; an empty one if the file is missing. Raises ValueError if bad."""
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            return cls({})
        except (OSError, yaml.YAMLError) as err:
            raise ValueError(f"cannot read {path}: {err}") from err
        table = data.get("replacements", {}) if isinstance(data, dict) else None
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()
        ):
            raise ValueError(f"{path}: 'replacements' must map written text to spoken text")
        return cls(table)

    def apply(self, text: str) -> str:
        if self._regex is None:
            return text
        return self._regex.sub(lambda match: self.table[match.group(0)], text)


def _load_pyttsx3() -> Any:
    try:
        import pyttsx3
    except ImportError as err:
        raise VoiceUnavailable(f"pyttsx3 is not installed ({err}).") from err
    return pyttsx3


class _Engine:
    """The process's one pyttsx3 engine (they may hang when initialised again), shared by
    every Synthesizer, with the handshake that makes each synthesis complete (see top)."""

    _instance: _Engine | None = None
    _instance_lock = threading.Lock()

    @classmethod
    def get(cls) -> _Engine:
        with cls._instance_lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def __init__(self) -> None:
        pyttsx3 = _load_pyttsx3()
        try:
            self.engine = pyttsx3.init()
        except Exception as err:  # espeak-ng library missing, driver failing to load, ...
            raise VoiceUnavailable(f"no speech engine ({type(err).__name__}: {err}).") from err
        _silence_driver_prints(self.engine)
        self._espeak = getattr(getattr(self.engine.proxy, "_module", None), "_espeak", None)
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

    def synthesize_to(self, spoken: str, rate_wpm: int, voice: str | None, path: Path) -> bool:
        """One save_to_file per runAndWait; True when the driver says it completed."""
        with self.lock:
            # Set every time: another Synthesizer may have changed them.
            if voice:
                self.engine.setProperty("voice", voice)
            self.engine.setProperty("rate", rate_wpm)
            # Full engine volume; the user's volume is applied at playback, so the cache
            # holds one copy per (text, rate, voice) whatever the volume.
            self.engine.setProperty("volume", 1.0)
            self._wait_until_idle()
            self._finished.clear()
            self.engine.save_to_file(spoken, str(path))
            self.engine.runAndWait()
            if not self._finished.wait(SYNTH_TIMEOUT_S):
                raise VoiceUnavailable("speech synthesis did not finish.")
            self._wait_until_idle()
            return self._completed and path.exists()


class Synthesizer:
    """synthesize(text, rate_wpm) -> Speech, with pronunciations and a cache. Thread-safe."""

    def __init__(
        self,
        voice: str | None = None,
        pronunciations: Pronunciations | None = None,
        cache_entries: int = CACHE_ENTRIES,
    ) -> None:
        self._engine = _Engine.get()
        self.pronunciations = pronunciations or Pronunciations({})
        self.voice = voice
        self._default_voice = str(self._engine.engine.getProperty("voice") or "")
        self._lock = threading.Lock()
        self._tmp_dir = Path(tempfile.mkdtemp(prefix="assistant-tts-"))
        self._cache: collections.OrderedDict[tuple[str, int, str | None], Speech] = (
            collections.OrderedDict()
        )
        self._cache_entries = cache_entries
        self._counter = 0

    def voices(self) -> list[VoiceInfo]:
        return self._engine.voices()

    def resolve_voice(self, wanted: str) -> str | None:
        """The engine id for a voice given by id, name or language code; None if unknown."""
        wanted_key = wanted.strip().lower()
        voices = self.voices()
        for matches in (
            lambda v: v.id.lower() == wanted_key,
            lambda v: v.name.lower() == wanted_key,
            lambda v: wanted_key in (lang.lower() for lang in v.languages),
            lambda v: v.id.lower().endswith("/" + wanted_key),
        ):
            for voice in voices:
                if matches(voice):
                    return voice.id
        return None

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
        # The engine's voice is shared: say which one every time (the default if none).
        voice = self.voice or self._default_voice or None
        for _attempt in range(SYNTH_ATTEMPTS):
            if self._engine.synthesize_to(spoken, rate_wpm, voice, path):
                break
        try:
            samples, sample_rate_hz = _read_wav_mono(path)
        except (OSError, wave.Error, EOFError) as err:
            raise VoiceUnavailable(f"speech synthesis failed ({err}).") from err
        finally:
            path.unlink(missing_ok=True)
        if len(samples) == 0:
            raise VoiceUnavailable("speech synthesis produced no audio.")
        samples = _trim_and_normalize(samples, sample_rate_hz)
        synth_ms = 1000.0 * (time.perf_counter() - started)
        return Speech(samples, sample_rate_hz, synth_ms)

    def close(self) -> None:
        """Removes the temporary folder; the engine stays for the rest of the process."""
        shutil.rmtree(self._tmp_dir, ignore_errors=True)


def _silence_driver_prints(engine: Any) -> None:
    """pyttsx3's espeak driver prints one line per saved file; shadow print in its module.

    A module-level name beats the builtin, so only that module is affected (redirecting
    sys.stdout instead would also swallow other threads' output).
    """
    module = getattr(getattr(engine, "proxy", None), "_module", None)
    if module is not None:
        module.print = lambda *args, **kwargs: None


def _read_wav_mono(path: Path) -> tuple[np.ndarray, int]:
    import numpy as np

    with wave.open(str(path), "rb") as wav:
        channels = wav.getnchannels()
        sample_width_bytes = wav.getsampwidth()
        sample_rate_hz = wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    if sample_width_bytes != 2:
        raise wave.Error(f"unexpected {sample_width_bytes * 8}-bit WAV from the engine")
    samples = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples[: len(samples) // channels * channels]
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples, sample_rate_hz


def _trim_and_normalize(samples: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    import numpy as np

    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD)
    if len(loud) == 0:
        return samples
    keep_lead = int(sample_rate_hz * KEEP_LEADING_SILENCE_MS / 1000)
    keep_tail = int(sample_rate_hz * KEEP_TRAILING_SILENCE_MS / 1000)
    start = max(0, int(loud[0]) - keep_lead)
    end = min(len(samples), int(loud[-1]) + 1 + keep_tail)
    trimmed = samples[start:end]
    if CLARITY_PREEMPHASIS:
        trimmed = np.concatenate([trimmed[:1], trimmed[1:] - CLARITY_PREEMPHASIS * trimmed[:-1]])
    peak = float(np.max(np.abs(trimmed)))
    return (trimmed * (NORMALIZED_PEAK / peak)).astype(np.float32)
