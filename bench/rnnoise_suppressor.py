"""RNNoise (Xiph's recurrent-network noise suppressor, BSD-3) on a 16 kHz utterance.

The network's weights are compiled into the library pyrnnoise ships (librnnoise.so; its
rnnoise_create(NULL) takes them): nothing is downloaded. The library is loaded directly,
not through pyrnnoise's Python package, which imports a file-conversion stack (audiolab,
av) this needs none of. RNNoise works on 48 kHz audio in 10 ms frames: the utterance is
resampled up by 3 and back down (a windowed-sinc low-pass at 8 kHz), here in numpy.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.util
from pathlib import Path

import numpy as np

RNNOISE_RATE_HZ = 48_000
_FRAME = 480
"""RNNoise's frame: 10 ms at 48 kHz (rnnoise_get_frame_size)."""
_TAPS = 96
"""Half the length of the resampling low-pass (taps each side), at 48 kHz."""


class RNNoiseUnavailable(RuntimeError):
    """pyrnnoise's library is not installed or cannot be loaded."""


@functools.cache
def library() -> ctypes.CDLL:
    """pyrnnoise's librnnoise.so, loaded (RNNoiseUnavailable if it cannot be)."""
    spec = importlib.util.find_spec("pyrnnoise")  # the package is found, not imported
    if spec is None or not spec.submodule_search_locations:
        raise RNNoiseUnavailable("pyrnnoise is not installed (pip install pyrnnoise)")
    path = Path(next(iter(spec.submodule_search_locations))) / "librnnoise.so"
    try:
        lib = ctypes.CDLL(str(path))
    except OSError as exc:
        raise RNNoiseUnavailable(f"cannot load {path}: {exc}") from exc
    lib.rnnoise_create.argtypes = [ctypes.c_void_p]
    lib.rnnoise_create.restype = ctypes.c_void_p
    lib.rnnoise_destroy.argtypes = [ctypes.c_void_p]
    lib.rnnoise_process_frame.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_float)
    ]  # fmt: skip
    lib.rnnoise_process_frame.restype = ctypes.c_float
    return lib


@functools.cache
def _low_pass(factor: int) -> np.ndarray:
    """A Blackman-windowed sinc passing below 1/factor of the Nyquist frequency."""
    n = np.arange(-_TAPS, _TAPS + 1)
    taps = np.sinc(n / factor) / factor * np.blackman(len(n))
    return (taps / taps.sum()).astype(np.float32)


def suppress(samples: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """int16 mono samples through a fresh RNNoise state (it learns the noise from the
    utterance's start), at sample_rate_hz in and out; 16 kHz or 48 kHz."""
    factor = RNNOISE_RATE_HZ // sample_rate_hz
    if factor * sample_rate_hz != RNNOISE_RATE_HZ:
        raise ValueError(f"RNNoise needs a rate dividing 48 kHz, not {sample_rate_hz} Hz")
    audio = samples.astype(np.float32)
    if factor > 1:  # zeros between the samples, then the images above 8 kHz filtered out
        up = np.zeros(len(audio) * factor, np.float32)
        up[::factor] = audio * factor
        audio = np.convolve(up, _low_pass(factor), mode="same").astype(np.float32)
    padded = np.concatenate([audio, np.zeros(-len(audio) % _FRAME, np.float32)])
    out = np.empty_like(padded)
    lib = library()
    state = lib.rnnoise_create(None)
    try:
        frame = np.empty(_FRAME, np.float32)
        pointer = frame.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
        for at in range(0, len(padded), _FRAME):
            frame[:] = padded[at : at + _FRAME]
            lib.rnnoise_process_frame(state, pointer, pointer)
            out[at : at + _FRAME] = frame
    finally:
        lib.rnnoise_destroy(state)
    out = out[: len(audio)]
    if factor > 1:
        out = np.convolve(out, _low_pass(factor), mode="same")[::factor]
    return np.clip(np.round(out), -32768, 32767).astype(np.int16)
