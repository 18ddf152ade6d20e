"""Reading recordings into the speech format: any rate, channels, width and container;
bounded memory; a clear error for what cannot be read. Real files, written by libsndfile."""

from __future__ import annotations

import wave

import numpy as np
import pytest
import soundfile

from assistant.audio import wav_io
from assistant.audio.audio_format import SPEECH_FORMAT


def tone(rate_hz: int, seconds: float = 1.0, hz: float = 440.0) -> np.ndarray:
    return 0.5 * np.sin(2 * np.pi * hz * np.arange(int(rate_hz * seconds)) / rate_hz)


def crossings_per_second(samples: np.ndarray) -> float:
    return (
        np.count_nonzero(np.diff(np.signbit(samples.astype(np.int32))))
        / 2
        / (len(samples) / SPEECH_FORMAT.sample_rate_hz)
    )


@pytest.mark.parametrize(
    ("rate_hz", "channels", "subtype", "fmt"),
    [
        (44100, 2, "PCM_16", "WAV"),
        (44100, 1, "PCM_32", "WAV"),
        (8000, 1, "PCM_U8", "WAV"),  # 8-bit WAV is unsigned
        (48000, 2, "PCM_24", "WAVEX"),  # WAVE_FORMAT_EXTENSIBLE, as sox and editors write it
        (22050, 1, "FLOAT", "WAV"),
        (32000, 1, "PCM_16", "FLAC"),
    ],
)
def test_any_rate_channels_width_and_container_become_16k_mono(
    tmp_path, rate_hz, channels, subtype, fmt
):
    signal = np.repeat(tone(rate_hz)[:, None], channels, axis=1)
    path = tmp_path / f"t.{'flac' if fmt == 'FLAC' else 'wav'}"
    soundfile.write(str(path), signal, rate_hz, subtype=subtype, format=fmt)
    out = wav_io.read_wav_16k_mono(path)
    assert out.dtype == np.int16
    assert len(out) == SPEECH_FORMAT.sample_rate_hz
    assert abs(np.abs(out).max() / 32768 - 0.5) < 0.02
    assert abs(crossings_per_second(out) - 440) < 5  # still 440 Hz


def test_wave_format_extensible_24_bit_is_read(tmp_path):
    path = tmp_path / "x24.wav"
    soundfile.write(str(path), tone(16000), 16000, subtype="PCM_24", format="WAVEX")
    assert path.read_bytes()[20:22] == (0xFFFE).to_bytes(2, "little")  # really extensible
    assert len(wav_io.read_wav_16k_mono(path)) == 16000


def test_block_by_block_resampling_equals_resampling_the_whole(tmp_path, monkeypatch):
    rate_hz = 44100
    noise = np.random.default_rng(1).uniform(-0.3, 0.3, rate_hz * 2 + 77)
    path = tmp_path / "n.wav"
    soundfile.write(str(path), noise, rate_hz, subtype="FLOAT")
    monkeypatch.setattr(wav_io, "READ_BLOCK_FRAMES", 1000)
    blockwise = wav_io.read_wav_16k_mono(path)
    whole = wav_io.float_to_int16(wav_io.resample(noise.astype(np.float32), rate_hz, 16000))
    assert len(blockwise) == len(whole)
    assert np.abs(blockwise.astype(np.int32) - whole).max() <= 1


def write_endless_recording(path):
    """10 MB of 8-bit silence at 1000 Hz: 2.8 hours, 320 MB once at 16 kHz int16."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(1000)
        out.writeframes(bytes([128]) * 10_000_000)
    return path


def test_a_long_recording_is_refused_from_its_header(tmp_path):
    """Refused before reading, instead of growing past 1.7 GB as it once did."""
    path = write_endless_recording(tmp_path / "long.wav")
    with pytest.raises(wav_io.AudioFormatError, match="600 s"):
        wav_io.read_wav_16k_mono(path)


@pytest.mark.parametrize("content", [b"RIFF....not really", b"", b"\x00" * 5000])
def test_what_is_not_a_recording_is_a_clear_error(tmp_path, content):
    path = tmp_path / "junk.wav"
    path.write_bytes(content)
    with pytest.raises(wav_io.AudioFormatError):
        wav_io.read_wav_16k_mono(path)


def test_written_wavs_read_back_the_same(tmp_path):
    samples = (np.arange(-1000, 1000) * 16).astype(np.int16)
    wav_io.write_wav(tmp_path / "w.wav", samples)
    assert np.array_equal(wav_io.read_wav_16k_mono(tmp_path / "w.wav"), samples)
    mono, rate_hz = wav_io.read_wav_mono(tmp_path / "w.wav")
    assert rate_hz == 16000 and mono.dtype == np.float32
