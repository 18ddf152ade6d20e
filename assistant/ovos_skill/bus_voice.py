"""The dialog's Speaker and Listener, spoken and heard through OpenVoiceOS.

OpenVoiceOS owns the microphone, the wake word and the voice, so these adapters only pass
words: `say` is the skill's `speak(text, wait=...)` and a turn is its `get_response`. As in
any OpenVoiceOS conversation, the microphone opens by itself only right after the assistant
has said something. When it has said nothing new (paused, and the user stayed quiet), the
adapter waits for the user to wake OpenVoiceOS and speak to the skill again, which reaches
it through the skill's converse ("resume", "stop", ...). Nothing here imports OpenVoiceOS:
the skill hands in itself, so these read as plain code.
"""

from __future__ import annotations

import math
import queue
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from assistant.interfaces import Control, Cue, Utterance


class SpeakingSkill(Protocol):
    """The methods of an OpenVoiceOS skill (ConversationalSkill) that the adapters use."""

    def activate(self, duration_minutes: float | None = None) -> None: ...

    def speak(self, utterance: str, expect_response: bool = False, wait: bool | int = False,
              meta: dict | None = None) -> None: ...  # fmt: skip

    def get_response(self, dialog: str = "", data: dict | None = None,
                     validator: Callable[[str], bool] | None = None,
                     on_fail: str | Callable[[str], str] | None = None,
                     num_retries: int = -1) -> str | None: ...  # fmt: skip


class _Turn:
    """What the speaker tells the listener: something was said since the last turn."""

    def __init__(self) -> None:
        self.spoke = False


class OvosSpeaker:
    def __init__(self, skill: SpeakingSkill, turn: _Turn) -> None:
        self.skill, self.turn = skill, turn

    def say(self, text: str) -> None:
        self.turn.spoke = True
        # Returns once OpenVoiceOS reports the audio ended, or after the longest it can take.
        self.skill.speak(text, wait=_longest_speech_s(text))

    def cue(self, cue: Cue) -> None:
        """OpenVoiceOS plays its own listening sound when it opens the microphone."""

    def adjust(self, control: Control) -> bool:
        """Rate and volume belong to OpenVoiceOS's settings: nothing changes here, and the
        dialog's answer to that (`at_limit`) is worded for OpenVoiceOS (prompts, skill.dialog)."""
        return False

    def close(self) -> None:
        """OpenVoiceOS owns the audio output."""


class OvosListener:
    def __init__(self, skill: SpeakingSkill, turn: _Turn) -> None:
        self.skill, self.turn = skill, turn
        self._heard: queue.Queue[str | None] = queue.Queue()
        """Words that reached the skill through converse; None: input has ended."""
        self._ended = threading.Event()

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        if self._ended.is_set():
            return None
        # Each turn keeps the skill at the top of OpenVoiceOS's active skills, so converse
        # reaches it however long the conversation; only a long silence (OpenVoiceOS's
        # converse timeout, 5 minutes by default) lets it go, which ends it as stopped.
        self.skill.activate()
        try:  # the user woke OpenVoiceOS and spoke to the skill while it was talking
            return self._utterance(self._heard.get_nowait())
        except queue.Empty:
            pass
        if self.turn.spoke:
            self.turn.spoke = False
            return self._ask()
        return self._utterance(self._heard.get())  # until converse, stop or deactivation

    def _ask(self) -> Utterance | None:
        """Open the microphone once; no answer in OpenVoiceOS's time counts as silence."""
        answer = self.skill.get_response(validator=_any_words, num_retries=0)
        if self._ended.is_set():  # stopped by OpenVoiceOS while listening
            return None
        return Utterance(answer or "")

    def _utterance(self, text: str | None) -> Utterance | None:
        return None if text is None else Utterance(text)

    def hear(self, text: str) -> None:
        """An utterance for the skill, from converse."""
        self._heard.put(text)

    def end(self) -> None:
        """Input has ended (stop, the skill deactivated or shut down): the dialog stops."""
        self._ended.set()
        self._heard.put(None)

    def close(self) -> None:
        """OpenVoiceOS owns the microphone."""


SLOWEST_VOICE_WPM = 100
"""A slow voice (ours speaks at 160 words per minute by default)."""
OVOS_DEFAULT_WAIT_S = 15
"""How long `speak(wait=True)` waits: shorter than our greeting at a slow voice."""


def _longest_speech_s(text: str) -> int:
    """Seconds to wait for the end of text's audio: as long as a slow voice takes, and a margin."""
    return max(OVOS_DEFAULT_WAIT_S, math.ceil(len(text.split()) * 60 / SLOWEST_VOICE_WPM) + 5)


def _any_words(utterance: str) -> bool:
    """Every answer goes to the dialog, which has its own re-prompts."""
    return True


def ovos_voice(skill: SpeakingSkill) -> tuple[OvosSpeaker, OvosListener]:
    """A speaker and a listener that take turns like an OpenVoiceOS conversation."""
    turn = _Turn()
    return OvosSpeaker(skill, turn), OvosListener(skill, turn)
