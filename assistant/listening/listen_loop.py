"""One turn of listening to the microphone: from "your turn" to a Decision.

Half duplex: whatever the microphone captured before the turn (the assistant's own voice) is
discarded, then the first echo_guard_ms still in the pipeline. The turn ends with the
recognizer's decision, or with silence after silence_timeout_ms, or at max_turn_ms whatever
is heard. No audio block at all for mic_stall_timeout_s, or a stream that stopped, means the
microphone is gone (MicrophoneLost).
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from assistant.audio.audio_format import AudioFormat
from assistant.listening.recognizer import Decision, Recognizer
from assistant.listening.settings import ListeningSettings

READ_TIMEOUT_S = 0.5


class MicrophoneLost(Exception):
    """The microphone stopped delivering sound."""


class AudioSource(Protocol):
    """What the loop needs of a microphone (microphone.Microphone is one)."""

    sample_rate_hz: int

    def drain(self) -> int: ...

    def read(self, timeout_s: float = 1.0) -> bytes | None: ...

    @property
    def alive(self) -> bool: ...

    def close(self) -> None: ...


def listen_turn(
    source: AudioSource,
    recognizer: Recognizer,
    settings: ListeningSettings,
    listening: threading.Event | None = None,
    carried: bytes = b"",
) -> Decision:
    """Listen until the recognizer decides, or the turn times out.

    listening: set once earlier audio is discarded and the turn's audio is being taken
    (tests and benchmarks start speaking then, as a person hears the cue).
    carried: an answer begun over the prompt (barge_in.BargeIn.take_carried): the turn
    hears it first, then what was captured since, none of it discarded.
    """
    audio_format = AudioFormat(source.sample_rate_hz)
    guard_bytes = 0 if carried else audio_format.bytes_for(settings.echo_guard_ms)
    if not carried:
        source.drain()
    if listening is not None:
        listening.set()
    step = audio_format.bytes_for(40)
    for start in range(0, len(carried), step):
        decision = recognizer.accept(carried[start : start + step])
        if decision is not None:
            return decision
    last_block_at = time.monotonic()
    while True:
        block = source.read(timeout_s=READ_TIMEOUT_S)
        if block is None:
            stalled = time.monotonic() - last_block_at > settings.mic_stall_timeout_s
            if not source.alive or stalled:
                raise MicrophoneLost("The microphone stopped delivering sound.")
            continue
        last_block_at = time.monotonic()
        if guard_bytes > 0:
            guard_bytes -= len(block)
            continue
        decision = recognizer.accept(block)
        if decision is not None:
            return decision
        if _turn_over(recognizer, settings):
            return recognizer.flush()


def _turn_over(recognizer: Recognizer, settings: ListeningSettings) -> bool:
    silent_too_long = (
        not recognizer.heard_speech and recognizer.audio_ms >= settings.silence_timeout_ms
    )
    return silent_too_long or recognizer.audio_ms >= settings.max_turn_ms
