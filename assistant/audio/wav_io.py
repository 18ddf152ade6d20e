"""WAV reading and conversion to what Vosk wants: 16 kHz, mono, signed 16-bit samples.

Recordings come from anywhere (phones, other tools), so any PCM WAV is accepted: 8/16/24/32
bit, any number of channels, any sample rate. Channels are averaged; the rate is converted
with a windowed-sinc low-pass (to avoid aliasing when going down) and linear interpolation,
which is plenty for speech recognition and needs nothing beyond numpy.
"""

from __future__ import annotations

import os
import wave

import numpy as np

TARGET_SAMPLE_RATE_HZ = 16000
# Taps of the anti-aliasing filter; odd so it has a centre tap and no delay after "same".
LOWPASS_TAPS = 63


class AudioFormatError(ValueError):
    """The file is not a WAV this module can read; the message is for the user."""


def read_wav(path: str | os.PathLike[str]) -> tuple[np.ndarray, int]:
    """Read a PCM WAV. Returns (float32 samples shaped (frames, channels) in -1..1, rate_hz)."""
    try:
        with wave.open(os.fspath(path), "rb") as wav:
            channels = wav.getnchannels()
            sample_width_bytes = wav.getsampwidth()
            sample_rate_hz = wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError:
        raise
    except (wave.Error, EOFError) as exc:
        raise AudioFormatError(f"not a PCM WAV file: {exc}") from exc
    if channels < 1 or sample_rate_hz < 1000:
        raise AudioFormatError(f"implausible WAV header: {channels} ch, {sample_rate_hz} Hz")
    samples = _pcm_to_float(raw, sample_width_bytes)
    frames = len(samples) // channels
    return samples[: frames * channels].reshape(frames, channels), sample_rate_hz


def _pcm_to_float(raw: bytes, sample_width_bytes: int) -> np.ndarray:
    if sample_width_bytes == 1:  # 8-bit WAV is unsigned
        return (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
    if sample_width_bytes == 2:
        return np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    if sample_width_bytes == 3:
        usable = len(raw) // 3 * 3
        triplets = np.frombuffer(raw[:usable], np.uint8).reshape(-1, 3).astype(np.int32)
        values = triplets[:, 0] | (triplets[:, 1] << 8) | (triplets[:, 2] << 16)
        values = np.where(values >= 1 << 23, values - (1 << 24), values)
        return values.astype(np.float32) / float(1 << 23)
    if sample_width_bytes == 4:
        return (np.frombuffer(raw, "<i4").astype(np.float64) / float(1 << 31)).astype(np.float32)
    raise AudioFormatError(f"unsupported sample width: {sample_width_bytes * 8} bit")


def to_mono(samples: np.ndarray) -> np.ndarray:
    """Average the channels of a (frames, channels) array; 1-D input is returned as is."""
    if samples.ndim == 1:
        return samples.astype(np.float32, copy=False)
    return samples.mean(axis=1, dtype=np.float32)


def _lowpass(samples: np.ndarray, cutoff_ratio: float) -> np.ndarray:
    """Windowed-sinc low-pass; cutoff_ratio is the cutoff as a fraction of the Nyquist rate."""
    half = LOWPASS_TAPS // 2
    n = np.arange(-half, half + 1, dtype=np.float64)
    kernel = cutoff_ratio * np.sinc(cutoff_ratio * n) * np.hamming(LOWPASS_TAPS)
    kernel /= kernel.sum()
    return np.convolve(samples, kernel.astype(np.float32), mode="same")


def resample(samples: np.ndarray, from_rate_hz: int, to_rate_hz: int) -> np.ndarray:
    """Resample mono float samples from one rate to another."""
    if from_rate_hz == to_rate_hz or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    if to_rate_hz < from_rate_hz:
        # Keep a little margin under the new Nyquist frequency.
        samples = _lowpass(samples, 0.95 * to_rate_hz / from_rate_hz)
    duration_s = len(samples) / from_rate_hz
    out_frames = max(1, int(round(duration_s * to_rate_hz)))
    source_positions = np.arange(out_frames, dtype=np.float64) * (from_rate_hz / to_rate_hz)
    return np.interp(source_positions, np.arange(len(samples)), samples).astype(np.float32)


def float_to_int16(samples: np.ndarray) -> np.ndarray:
    return (np.clip(samples, -1.0, 32767 / 32768) * 32768.0).astype(np.int16)


def to_16k_mono_int16(samples: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """Float (frames[, channels]) samples at any rate -> int16 mono at 16 kHz."""
    mono = to_mono(samples)
    return float_to_int16(resample(mono, sample_rate_hz, TARGET_SAMPLE_RATE_HZ))


def read_wav_16k_mono(path: str | os.PathLike[str]) -> np.ndarray:
    """Read any PCM WAV as int16 samples, 16 kHz mono."""
    samples, sample_rate_hz = read_wav(path)
    return to_16k_mono_int16(samples, sample_rate_hz)


def write_wav_int16(
    path: str | os.PathLike[str], samples: np.ndarray, sample_rate_hz: int = TARGET_SAMPLE_RATE_HZ
) -> None:
    """Write int16 mono samples as a WAV."""
    with wave.open(os.fspath(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate_hz)
        out.writeframes(np.ascontiguousarray(samples, dtype="<i2").tobytes())


def duration_ms(samples: np.ndarray, sample_rate_hz: int = TARGET_SAMPLE_RATE_HZ) -> float:
    return 1000.0 * len(samples) / sample_rate_hz
