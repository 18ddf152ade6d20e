"""The voice Speaker and Listener of a session, built in-process on the test sound server
and joined for barge-in as cli/engines.py joins them; shared by tests and the bench."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.listening import voice_listener
from assistant.listening.settings import ListeningSettings
from assistant.speaking import voice_speaker
from assistant.speaking.settings import SpeakingSettings

MODEL_READY_TIMEOUT_S = 60.0


class SilentPrinter(voice_speaker._LinePrinter):
    """The printer Speaker: keeps what would have been printed."""

    def __init__(self) -> None:
        self.printed: list[str] = []

    def say(self, text: str) -> None:
        self.printed.append(text)


@dataclass
class VoicePair:
    speaker: voice_speaker.VoiceSpeaker
    listener: voice_listener.VoiceListener
    printer: SilentPrinter

    def close(self) -> None:
        self.speaker.close()
        self.listener.close()


def voice_pair(
    model_dir: Path,
    config_path: Path,
    barge_in: bool = True,
    rate_wpm: int | None = None,
    silence_timeout_ms: float = 8000,
    echo_canceller: str = "speex+webrtc",
) -> VoicePair:
    """Speaker (default voice) and Listener with the model loaded; barge-in joined. The
    in-process canceller unless another is named: the product's default (`auto`) is the
    server's module on the rig's PulseAudio, which needs it loaded first (test_barge_in_pulse's
    `module` fixture)."""
    printer = SilentPrinter()
    speaker = voice_speaker.build_speaker(
        SpeakingSettings(rate_wpm=rate_wpm, earcons=False), printer, config_path=config_path
    )
    listener = voice_listener.build_listener(
        ListeningSettings(
            model_dir=model_dir,
            barge_in=barge_in,
            silence_timeout_ms=silence_timeout_ms,
            echo_canceller=echo_canceller,
        ),
        "en",
    )
    listener.engine(MODEL_READY_TIMEOUT_S)
    if listener.barge_in is not None:
        assert speaker.listen_over_speech(listener.barge_in)
    return VoicePair(speaker, listener, printer)


def sound_spans_s(samples: np.ndarray, rate_hz: int, threshold: int = 300) -> tuple[float, float]:
    """(first, last) time in s at which the recording is not silent; (0, 0) if it never is."""
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > threshold)
    if len(loud) == 0:
        return 0.0, 0.0
    return loud[0] / rate_hz, loud[-1] / rate_hz


def wait_until(condition, timeout_s: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False
