"""Reading recordings into the speech format (16 kHz mono int16), and writing WAVs.

Recordings come from anywhere (phones, editors, other tools), so reading goes through
libsndfile (soundfile): WAV of any PCM or float width, WAVE_FORMAT_EXTENSIBLE (24-bit from
sox and most editors), FLAC, OGG/Vorbis, AIFF, and any number of channels and any rate.
Channels are averaged; the rate is converted with a windowed-sinc low-pass (no aliasing when
going down) and linear interpolation, which is plenty for speech recognition.

Reads are bounded: a recording longer than MAX_RECORDING_S is refused from its header, and
it is read and resampled in blocks, so memory never holds more than the converted result
(at most MAX_RECORDING_S of 16 kHz int16: 19 MB) plus one block.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Iterator
from typing import Any

import numpy as np

from assistant.audio.audio_format import SPEECH_FORMAT

TARGET_SAMPLE_RATE_HZ = SPEECH_FORMAT.sample_rate_hz
# Taps of the anti-aliasing filter; odd so it has a centre tap and no delay.
LOWPASS_TAPS = 63
# Spoken answers last seconds; ten minutes is far beyond any, and bounds memory.
MAX_RECORDING_S = 600
MIN_SAMPLE_RATE_HZ = 1000
READ_BLOCK_FRAMES = 65536


class AudioFormatError(ValueError):
    """The file is not a recording this module can read; the message is for the user."""


def _soundfile() -> Any:
    try:
        import soundfile
    except (ImportError, OSError) as exc:  # OSError: libsndfile missing
        raise AudioFormatError(f"the soundfile package cannot be loaded: {exc}") from exc
    return soundfile


def iter_mono_blocks(path: str | os.PathLike[str]) -> tuple[int, Iterator[np.ndarray]]:
    """(sample rate, blocks of float32 mono samples in -1..1), checked and bounded first."""
    sf = _soundfile()
    try:
        info = sf.info(os.fspath(path))
    except FileNotFoundError:
        raise
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioFormatError(f"not a recording libsndfile can read: {exc}") from exc
    if info.channels < 1 or info.samplerate < MIN_SAMPLE_RATE_HZ:
        raise AudioFormatError(f"implausible header: {info.channels} ch, {info.samplerate} Hz")
    duration_s = info.frames / info.samplerate
    if duration_s > MAX_RECORDING_S:
        raise AudioFormatError(
            f"{duration_s:.0f} s long; recordings over {MAX_RECORDING_S} s are not read"
        )

    def blocks() -> Iterator[np.ndarray]:
        try:
            for block in sf.blocks(
                os.fspath(path), blocksize=READ_BLOCK_FRAMES, dtype="float32", always_2d=True
            ):
                yield block.mean(axis=1, dtype=np.float32)
        except (sf.LibsndfileError, RuntimeError) as exc:
            raise AudioFormatError(f"damaged recording: {exc}") from exc

    return info.samplerate, blocks()


def read_wav_mono(path: str | os.PathLike[str]) -> tuple[np.ndarray, int]:
    """(float32 mono samples in -1..1, sample rate) of a recording, at its own rate."""
    rate_hz, blocks = iter_mono_blocks(path)
    return _join(list(blocks)), rate_hz


def read_wav(path: str | os.PathLike[str]) -> tuple[np.ndarray, int]:
    """(float32 samples shaped (frames, 1) in -1..1, rate_hz): mono, at the file's rate."""
    samples, rate_hz = read_wav_mono(path)
    return samples.reshape(-1, 1), rate_hz


def read_wav_16k_mono(path: str | os.PathLike[str]) -> np.ndarray:
    """Any readable recording as int16 samples, 16 kHz mono, resampled block by block."""
    rate_hz, blocks = iter_mono_blocks(path)
    resampler = StreamingResampler(rate_hz, TARGET_SAMPLE_RATE_HZ)
    out = [float_to_int16(resampler.process(block)) for block in blocks]
    out.append(float_to_int16(resampler.flush()))
    return np.concatenate(out).astype(np.int16, copy=False)


def _join(blocks: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)


def to_mono(samples: np.ndarray) -> np.ndarray:
    """Average the channels of a (frames, channels) array; 1-D input is returned as is."""
    if samples.ndim == 1:
        return samples.astype(np.float32, copy=False)
    return samples.mean(axis=1, dtype=np.float32)


def _lowpass_kernel(cutoff_ratio: float) -> np.ndarray:
    """Windowed-sinc low-pass; cutoff_ratio is the cutoff as a fraction of the Nyquist rate."""
    half = LOWPASS_TAPS // 2
    n = np.arange(-half, half + 1, dtype=np.float64)
    kernel = cutoff_ratio * np.sinc(cutoff_ratio * n) * np.hamming(LOWPASS_TAPS)
    return (kernel / kernel.sum()).astype(np.float32)


class StreamingResampler:
    """Mono float resampling block by block, the same result as on the whole signal."""

    def __init__(self, from_rate_hz: int, to_rate_hz: int) -> None:
        self.from_rate_hz = from_rate_hz
        self.to_rate_hz = to_rate_hz
        self._step = from_rate_hz / to_rate_hz
        going_down = to_rate_hz < from_rate_hz
        # Keep a little margin under the new Nyquist frequency.
        self._kernel = _lowpass_kernel(0.95 * to_rate_hz / from_rate_hz) if going_down else None
        half = LOWPASS_TAPS // 2
        # Filter state: the input the next output still needs (zeros before the start and
        # after the end, as np.convolve(mode="same") on the whole signal).
        self._history = np.zeros(half if going_down else 0, np.float32)
        self._delay = half if going_down else 0
        self._context = 2 * half
        self._filtered = np.zeros(0, np.float32)
        """Filtered samples not yet interpolated past, starting at input index _base."""
        self._base = 0
        self._next_out = 0
        self._input_frames = 0

    def process(self, block: np.ndarray) -> np.ndarray:
        self._input_frames += len(block)
        return self._emit(self._filter(block.astype(np.float32, copy=False)), final=False)

    def flush(self) -> np.ndarray:
        """The rest, once the input has ended."""
        return self._emit(self._filter(np.zeros(self._delay, np.float32)), final=True)

    def _filter(self, block: np.ndarray) -> np.ndarray:
        if self._kernel is None:
            return block
        joined = np.concatenate([self._history, block])
        self._history = joined[max(0, len(joined) - self._context) :]
        if len(joined) < len(self._kernel):
            return np.zeros(0, np.float32)
        return np.convolve(joined, self._kernel, mode="valid").astype(np.float32)

    def _emit(self, filtered: np.ndarray, *, final: bool) -> np.ndarray:
        if self.from_rate_hz == self.to_rate_hz:
            return filtered[: max(0, self._input_frames - self._next_out)] if final else filtered
        available = np.concatenate([self._filtered, filtered])
        total_out = int(round(self._input_frames / self._step))
        last_index = self._base + len(available) - 1  # highest input index we can use
        if final:
            count = max(0, total_out - self._next_out)
        else:
            # Output k sits at input position k*step; it needs the sample after it too.
            count = max(
                0, min(total_out, int(np.floor((last_index - 1) / self._step)) + 1) - self._next_out
            )
        positions = (self._next_out + np.arange(count, dtype=np.float64)) * self._step
        indices = self._base + np.arange(len(available))
        out = (
            np.interp(positions, indices, available).astype(np.float32)
            if len(available)
            else np.zeros(count, np.float32)
        )
        self._next_out += count
        keep_from = max(0, int(np.floor(self._next_out * self._step)) - self._base)
        keep_from = min(keep_from, max(0, len(available) - 1))
        self._filtered = available[keep_from:]
        self._base += keep_from
        return out


def resample(samples: np.ndarray, from_rate_hz: int, to_rate_hz: int) -> np.ndarray:
    """Resample mono float samples from one rate to another (whole signal at once)."""
    if from_rate_hz == to_rate_hz or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    resampler = StreamingResampler(from_rate_hz, to_rate_hz)
    return np.concatenate([resampler.process(samples), resampler.flush()])


def float_to_int16(samples: np.ndarray) -> np.ndarray:
    return (np.clip(samples, -1.0, 32767 / 32768) * 32768.0).astype(np.int16)


def to_16k_mono_int16(samples: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """Float (frames[, channels]) samples at any rate -> int16 mono at 16 kHz."""
    return float_to_int16(resample(to_mono(samples), sample_rate_hz, TARGET_SAMPLE_RATE_HZ))


def write_wav(
    path: str | os.PathLike[str],
    samples: np.ndarray,
    sample_rate_hz: int = TARGET_SAMPLE_RATE_HZ,
) -> None:
    """Write int16 samples, shaped (frames,) or (frames, channels), as a 16-bit PCM WAV."""
    pcm = np.ascontiguousarray(samples, dtype="<i2")
    with wave.open(os.fspath(path), "wb") as out:
        out.setnchannels(1 if pcm.ndim == 1 else pcm.shape[1])
        out.setsampwidth(SPEECH_FORMAT.sample_width_bytes)
        out.setframerate(sample_rate_hz)
        out.writeframes(pcm.tobytes())


def duration_ms(samples: np.ndarray, sample_rate_hz: int = TARGET_SAMPLE_RATE_HZ) -> float:
    return 1000.0 * len(samples) / sample_rate_hz
