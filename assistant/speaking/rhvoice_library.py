"""RHVoice's C library (libRHVoice.so.5, Debian package librhvoice5) through ctypes.

Why the library and not the command-line synthesizer (RHVoice-test): the command loads the
language and voice data on every call. Measured on 40 prompts at the default rate
(bench/bench_rhvoice_backends.py): the command takes a median of 133 ms per prompt, the
library 41 ms, because the engine and its voices stay loaded in the process.

The declarations mirror /usr/include/RHVoice.h of RHVoice 1.8 (LGPL-2.1+).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.interfaces import VoiceUnavailable

LIBRARY_NAMES = ("libRHVoice.so.5", "libRHVoice.so")
DATA_DIR = Path("/usr/share/RHVoice")
CONFIG_DIR = Path("/etc/RHVoice")
MESSAGE_TEXT = 0  # RHVoice_message_text
GENDERS = {1: "male", 2: "female"}

_SetSampleRate = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p)
_PlaySpeech = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_uint, ctypes.c_void_p
)


class _Callbacks(ctypes.Structure):
    # Only the two required callbacks; the optional ones must be null pointers.
    _fields_ = [
        ("set_sample_rate", _SetSampleRate),
        ("play_speech", _PlaySpeech),
        *[
            (name, ctypes.c_void_p)
            for name in (
                "process_mark",
                "word_starts",
                "word_ends",
                "sentence_starts",
                "sentence_ends",
                "play_audio",
                "done",
            )  # fmt: skip
        ],
    ]


class _InitParams(ctypes.Structure):
    _fields_ = [
        ("data_path", ctypes.c_char_p),
        ("config_path", ctypes.c_char_p),
        ("resource_paths", ctypes.POINTER(ctypes.c_char_p)),
        ("callbacks", _Callbacks),
        ("options", ctypes.c_uint),
    ]


class _VoiceInfo(ctypes.Structure):
    _fields_ = [
        ("language", ctypes.c_char_p),
        ("name", ctypes.c_char_p),
        ("gender", ctypes.c_int),
        ("country", ctypes.c_char_p),
    ]


class _SynthParams(ctypes.Structure):
    _fields_ = [
        ("voice_profile", ctypes.c_char_p),
        ("absolute_rate", ctypes.c_double),
        ("absolute_pitch", ctypes.c_double),
        ("absolute_volume", ctypes.c_double),
        ("relative_rate", ctypes.c_double),
        ("relative_pitch", ctypes.c_double),
        ("relative_volume", ctypes.c_double),
        ("punctuation_mode", ctypes.c_int),
        ("punctuation_list", ctypes.c_char_p),
        ("capitals_mode", ctypes.c_int),
        ("flags", ctypes.c_int),
    ]


@dataclass(frozen=True)
class RHVoiceVoice:
    name: str
    """As RHVoice names it ("Bdl"); profiles are matched case-insensitively."""
    language: str
    """ISO 639-1 code, "en"."""
    country: str
    gender: str | None


class RHVoiceUnavailable(VoiceUnavailable):
    """The library or its voice data is missing; the message is one line for the user."""


def _load_library() -> ctypes.CDLL:
    names = [*LIBRARY_NAMES, ctypes.util.find_library("RHVoice")]
    errors = []
    for name in filter(None, names):
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError as err:
            errors.append(str(err))
    else:
        raise RHVoiceUnavailable(f"not installed ({errors[0]})")
    lib.RHVoice_new_tts_engine.restype = ctypes.c_void_p
    lib.RHVoice_new_tts_engine.argtypes = [ctypes.POINTER(_InitParams)]
    lib.RHVoice_get_number_of_voices.restype = ctypes.c_uint
    lib.RHVoice_get_number_of_voices.argtypes = [ctypes.c_void_p]
    lib.RHVoice_get_voices.restype = ctypes.POINTER(_VoiceInfo)
    lib.RHVoice_get_voices.argtypes = [ctypes.c_void_p]
    lib.RHVoice_new_message.restype = ctypes.c_void_p
    lib.RHVoice_new_message.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint,
                                        ctypes.c_int, ctypes.POINTER(_SynthParams),
                                        ctypes.c_void_p]  # fmt: skip
    lib.RHVoice_speak.restype = ctypes.c_int
    lib.RHVoice_speak.argtypes = [ctypes.c_void_p]
    lib.RHVoice_delete_message.argtypes = [ctypes.c_void_p]
    return lib


class RHVoiceEngine:
    """One RHVoice engine (voices load lazily on their first message). Thread-safe: one
    message is spoken at a time."""

    def __init__(self, data_dir: Path | None = None, config_dir: Path | None = None) -> None:
        data_dir = data_dir or DATA_DIR  # read now, so a test can point it elsewhere
        config_dir = config_dir or CONFIG_DIR
        self._lib = _load_library()
        # Kept as attributes: ctypes callbacks must outlive the engine that calls them.
        self._on_rate = _SetSampleRate(self._set_sample_rate)
        self._on_samples = _PlaySpeech(self._play_speech)
        self._params = _InitParams(
            str(data_dir).encode(),
            str(config_dir).encode(),
            None,
            _Callbacks(self._on_rate, self._on_samples),
            0,
        )
        self._handle = self._lib.RHVoice_new_tts_engine(ctypes.byref(self._params))
        if not self._handle:
            raise RHVoiceUnavailable(f"no voice data in {data_dir}")
        self.voices = self._list_voices()
        if not self.voices:
            raise RHVoiceUnavailable(f"no RHVoice voices installed in {data_dir}")
        self._lock = threading.Lock()
        self._sample_rate_hz = 0
        self._sink: Callable[[bytes], bool] = lambda _: True

    def _list_voices(self) -> list[RHVoiceVoice]:
        count = self._lib.RHVoice_get_number_of_voices(self._handle)
        infos = self._lib.RHVoice_get_voices(self._handle)
        return [
            RHVoiceVoice(
                (infos[i].name or b"").decode(),
                (infos[i].language or b"").decode(),
                (infos[i].country or b"").decode(),
                GENDERS.get(infos[i].gender),
            )
            for i in range(count)
        ]

    def _set_sample_rate(self, sample_rate_hz: int, _user_data: int | None) -> int:
        self._sample_rate_hz = sample_rate_hz
        return 1

    def _play_speech(self, samples: Any, count: int, _user_data: int | None) -> int:
        # Returning 0 asks RHVoice to stop the message.
        return int(self._sink(ctypes.string_at(samples, count * 2)))

    def speak(
        self,
        text: str,
        voice: str,
        rate: float,
        volume: float,
        sink: Callable[[bytes], bool],
    ) -> int:
        """Synthesize text, handing 16-bit mono PCM chunks to sink (False stops). Returns the
        sample rate in Hz. rate and volume are relative: 1.0 is the voice's own."""
        encoded = text.encode("utf-8")
        params = _SynthParams(voice.encode(), 0.0, 0.0, 0.0, rate, 1.0, volume, 0, None, 0, 0)
        with self._lock:
            self._sink = sink
            message = self._lib.RHVoice_new_message(
                self._handle, encoded, len(encoded), MESSAGE_TEXT, ctypes.byref(params), None
            )
            if not message:
                raise RHVoiceUnavailable(f"RHVoice refused the text (voice {voice!r})")
            try:
                self._lib.RHVoice_speak(message)
            finally:
                self._lib.RHVoice_delete_message(message)
                self._sink = lambda _: True
            return self._sample_rate_hz
