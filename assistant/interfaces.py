"""The seams between the dialog and the engines that speak and listen.

The dialog only ever talks to a `Speaker` and a `Listener`. Text, pyttsx3, Vosk and
sounddevice implementations sit behind these, so engines can be swapped or driven by tests.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Cue(enum.Enum):
    """Short turn-taking signals (earcons in voice mode)."""

    LISTENING = "listening"
    """The assistant has finished speaking and is waiting for the user."""
    UNDERSTOOD = "understood"
    """The last utterance was understood."""
    NOT_UNDERSTOOD = "not_understood"
    """The last utterance was not understood (or there was silence)."""


class Control(enum.Enum):
    """Spoken commands that change how the assistant speaks."""

    SLOWER = "slower"
    FASTER = "faster"
    LOUDER = "louder"
    QUIETER = "quieter"


@dataclass(frozen=True)
class Utterance:
    """One turn of the user, as heard or typed."""

    text: str
    """What was said, lower-case words; empty string for silence (nothing said in time)."""
    confidence: float = 1.0
    """Recognizer confidence, 0.0 to 1.0 (mean word confidence); 1.0 for typed input."""
    confident: bool = True
    """False when the recognizer is unsure: the dialog confirms yes/no before acting on it."""
    barge_in_after_ms: float | None = None
    """Said over a prompt (barge-in): how far into that prompt, in ms, the assistant was
    cut short. None when said after the prompt, as always in text mode."""


class Speaker(Protocol):
    def say(self, text: str) -> None:
        """Speak (or print) one prompt; returns only once the whole of it has been heard."""

    def cue(self, cue: Cue) -> None:
        """Play a turn-taking cue; returns once it has finished playing."""

    def adjust(self, control: Control) -> bool:
        """Change rate or volume one notch and remember it; False when already at the limit."""

    def close(self) -> None:
        """Release devices; called once at the end of the session."""


class Listener(Protocol):
    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        """Wait for the user's next utterance.

        phrases: what can sensibly be said now (answers and commands), so a recognizer can
        restrict itself to them. question: the id of the question being answered (a flow
        node id, `fixed?` or `start`), so a recognizer can read what it hears in context.
        Returns Utterance("") for silence, None when input has ended (end of a script, end
        of standard input, microphone gone for good).
        """

    def close(self) -> None:
        """Release devices; called once at the end of the session."""


class HearsOverSpeech(Protocol):
    """A Listener that may also hear while the Speaker speaks (barge-in, voice mode).

    The dialog calls expect() before each thing it says, with what the next listen() would
    be given, so an utterance over the prompt can be understood in the same context; an
    interrupting utterance is then returned by that next listen(), with
    `barge_in_after_ms` set. Listeners without this method simply do not hear over speech.
    """

    def expect(self, phrases: Sequence[str], question: str | None, hint: str = "") -> None:
        """phrases, question: as for listen(); empty phrases: nothing may interrupt.
        hint: the answer hint that ends the coming prompt ("Say yes or no."): answers may
        interrupt from its start, commands at any moment."""


class VoiceUnavailable(Exception):
    """A voice engine or device cannot be used; the message is one line for the user."""
