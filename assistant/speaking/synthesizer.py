"""The seam between the speaker and speech engines: the Synthesizer protocol, engines chosen
by name, and the voice chosen from the language (or the user's choice).

An engine is a name ("rhvoice", "espeak") served by a backend module
`assistant.speaking.<backend>_synthesizer` with `create(engine, voice, pronunciations)`,
as pytransitions picks its diagram engine by name. Both engines today go through pyttsx3
(espeak-ng's own driver, and ours for RHVoice); a third engine is one more module and one
more line in ENGINES.

Voices are named `engine:voice` (`rhvoice:slt`, `espeak:gmw/en-us`); a bare name is looked
up in every engine, by id, name or language. Importing this module is cheap: backends load
when a synthesizer is created.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from assistant.interfaces import VoiceUnavailable
from assistant.speaking.pronunciations import Pronunciations

if TYPE_CHECKING:
    import numpy as np

# Engine name -> backend module (assistant.speaking.<backend>_synthesizer). The order is
# the preference when no voice is asked for: RHVoice is far clearer (bench/history/speaking.md).
ENGINES = {"rhvoice": "pyttsx3", "espeak": "pyttsx3"}
ENGINE_LABELS = {"rhvoice": "RHVoice", "espeak": "espeak-ng"}
# The default voice of each engine per language; otherwise its first voice of the language.
# Chosen with bench/bench_intelligibility.py (bench/history/korean.md).
# Korean: MBROLA's recorded hn1 voice where it is installed (speaking/korean_voice.py), else
# espeak-ng's own "ko", with one note.
DEFAULT_VOICES = {
    ("rhvoice", "en"): "bdl", ("espeak", "en"): "gmw/en", ("espeak", "ko"): "mb/mb-hn1",
}  # fmt: skip
_noted_korean_fallback = False
SETUP_HINT = "script/setup installs it"


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
    """The engine's own id ("slt", "gmw/en-us")."""
    name: str
    languages: tuple[str, ...]
    engine: str = ""

    @property
    def qualified_id(self) -> str:
        return f"{self.engine}:{self.id}"

    def speaks(self, lang: str) -> bool:
        return any(code.lower().split("-")[0] == lang.lower() for code in self.languages)


class NoVoiceForLanguage(VoiceUnavailable):
    """The engine works but does not speak the language (RHVoice has no Korean): installing
    it again would not help, so no setup hint."""


class Synthesizer(Protocol):
    engine: str
    voice: str
    """The engine's id of the voice in use."""
    pronunciations: Pronunciations

    def voices(self) -> list[VoiceInfo]: ...

    def synthesize(self, text: str, rate_wpm: int) -> Speech:
        """Samples of the text spoken at rate_wpm. Raises VoiceUnavailable if it fails."""

    def prepare(self, rate_wpm: int) -> None:
        """Start loading what the first synthesis needs, in the background; returns at once."""

    def close(self) -> None: ...


def create(engine: str, voice: str | None = None, lang: str = "en") -> Synthesizer:
    """A synthesizer of this engine with this language's pronunciation table.

    voice None: the engine's default for the language. Raises VoiceUnavailable (one line)."""
    if engine not in ENGINES:
        raise VoiceUnavailable(f"no speech engine {engine!r} (known: {', '.join(ENGINES)}).")
    backend = importlib.import_module(f"assistant.speaking.{ENGINES[engine]}_synthesizer")
    synthesizer: Synthesizer = backend.create(
        engine, voice, Pronunciations.for_engine(lang, engine)
    )
    if voice is None:
        synthesizer.voice = default_voice(synthesizer, lang)
    return synthesizer


def default_voice(synthesizer: Synthesizer, lang: str) -> str:
    voices = [v for v in synthesizer.voices() if v.speaks(lang)]
    preferred = DEFAULT_VOICES.get((synthesizer.engine, lang))
    if any(v.id == preferred for v in voices):
        return str(preferred)
    if (synthesizer.engine, lang) == ("espeak", "ko"):
        from assistant.speaking import korean_voice

        if any(v.id == korean_voice.FALLBACK_VOICE_ID for v in voices):
            global _noted_korean_fallback  # noqa: PLW0603 - one note per process
            if not _noted_korean_fallback:
                _noted_korean_fallback = True
                print(korean_voice.MISSING_NOTE, file=sys.stderr)
            return korean_voice.FALLBACK_VOICE_ID
    if not voices:
        raise NoVoiceForLanguage(f"{ENGINE_LABELS[synthesizer.engine]} has no voice for {lang!r}.")
    return voices[0].id


def find_voice(voices: list[VoiceInfo], wanted: str) -> VoiceInfo | None:
    """A voice by id, name or language code ("en-us"), case-insensitive; None if unknown."""
    key = wanted.strip().lower()
    for matches in (
        lambda v: v.id.lower() == key,
        lambda v: v.name.lower() == key,
        lambda v: key in (lang.lower() for lang in v.languages),
        lambda v: v.id.lower().endswith("/" + key),
    ):
        for voice in voices:
            if matches(voice):
                return voice
    return None


def split_voice(wanted: str) -> tuple[str | None, str]:
    """ "rhvoice:slt" -> ("rhvoice", "slt"); "slt" -> (None, "slt")."""
    engine, sep, name = wanted.partition(":")
    if sep and engine.strip().lower() in ENGINES:
        return engine.strip().lower(), name
    return None, wanted


def choose(lang: str, wanted: str | None, warn_to: TextIO | None = None) -> Synthesizer:
    """The synthesizer for this run: the wanted voice if there is one, else the clearest
    engine that works, with one line saying why when it is not the first choice.
    Raises VoiceUnavailable when no engine works at all."""
    out = warn_to or sys.stderr
    if wanted:
        engine, name = split_voice(wanted)
        found = _wanted_voice(engine, name, lang)
        if found is not None:
            return found
        print(f"warning: no voice {wanted!r} (see --list-voices); using the default voice",
              file=out)  # fmt: skip
    reasons: list[str] = []
    hint = ""
    for engine, opened in _open_each(lang, ENGINES):
        if isinstance(opened, NoVoiceForLanguage):  # the language chooses the engine
            reasons.append(str(opened).rstrip("."))
            continue
        if isinstance(opened, VoiceUnavailable):
            reasons.append(f"{ENGINE_LABELS[engine]}: {str(opened).rstrip('.')}")
            hint = f" ({SETUP_HINT})"
            continue
        if reasons:
            print(f"Voice: {ENGINE_LABELS[engine]}, because " + "; ".join(reasons) + f"{hint}.",
                  file=out)  # fmt: skip
        return opened
    raise VoiceUnavailable("no speech engine works (" + "; ".join(reasons) + ").")


def _open_each(
    lang: str, engines: Iterable[str]
) -> Iterator[tuple[str, Synthesizer | VoiceUnavailable]]:
    """Each engine's synthesizer for the language, or why it cannot start, in this order."""
    for engine in engines:
        try:
            opened = create(engine, lang=lang)
        except VoiceUnavailable as err:
            yield engine, err
            continue
        yield engine, opened


def _wanted_voice(engine: str | None, name: str, lang: str) -> Synthesizer | None:
    for _, opened in _open_each(lang, [engine] if engine else ENGINES):
        if isinstance(opened, VoiceUnavailable):
            continue
        voice = find_voice(opened.voices(), name)
        if voice is not None:
            opened.voice = voice.id
            return opened
        opened.close()
    return None


def all_voices(lang: str) -> tuple[list[VoiceInfo], list[str]]:
    """Every engine's voices for the language, and one line per engine that is missing."""
    voices: list[VoiceInfo] = []
    missing: list[str] = []
    for engine, opened in _open_each(lang, ENGINES):
        if isinstance(opened, VoiceUnavailable):
            missing.append(f"{ENGINE_LABELS[engine]}: {opened}")
            continue
        voices += [v for v in opened.voices() if v.speaks(lang)]
        opened.close()
    return voices, missing


def default_voice_id(lang: str) -> str | None:
    """The `engine:voice` that choose() takes when no voice is asked for; None if none."""
    for engine, opened in _open_each(lang, ENGINES):
        if not isinstance(opened, VoiceUnavailable):
            opened.close()
            return f"{engine}:{opened.voice}"
    return None
