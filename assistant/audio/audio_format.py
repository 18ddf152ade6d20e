"""The one audio format the speech side works in, and byte/time conversions for it.

Speech models (Vosk's included) are trained on 16 kHz mono 16-bit audio: recordings are
converted to it (wav_io), the microphone asks for it first, and tests and benchmarks write it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AudioFormat:
    """Raw little-endian PCM: what one stream of samples looks like."""

    sample_rate_hz: int
    """Frames per second (Hertz)."""
    channels: int = 1
    """Interleaved channels per frame."""
    sample_width_bytes: int = 2
    """Bytes per sample (2: signed 16-bit)."""

    @property
    def bytes_per_frame(self) -> int:
        return self.channels * self.sample_width_bytes

    def frames(self, duration_ms: float) -> int:
        """Frames in duration_ms of audio."""
        return int(self.sample_rate_hz * duration_ms / 1000)

    def bytes_for(self, duration_ms: float) -> int:
        """Bytes in duration_ms of audio."""
        return self.frames(duration_ms) * self.bytes_per_frame

    def duration_ms(self, num_bytes: int) -> float:
        """Audio time held by num_bytes."""
        return 1000.0 * num_bytes / self.bytes_per_frame / self.sample_rate_hz


SPEECH_FORMAT = AudioFormat(sample_rate_hz=16000, channels=1, sample_width_bytes=2)
"""16 kHz, mono, signed 16-bit: what the speech model was trained on."""
