"""The skill inside a real ovos-core 2.1: its skills service and intent service (pipelines
stop, converse, padacioso, fallback), run by ovoscope's MiniCroft on the fake message bus.

Only the audio output is played here (AudioOutput) and the user: every utterance goes in as
`recognizer_loop:utterance`, as from the speech recognizer, and ovos-core routes it (to the
intent, to the open `get_response`, to the stop service, to converse or to no skill).
Answers are script lines as in ovos_harness.py: plain words, `<silence>`, and
`<wake> A|B`: quiet at this question, then, woken, the user says A, then B.

Import this only after HOME points at a temporary folder.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ovos_bus_client.message import Message
from ovos_bus_client.session import SessionManager
from ovos_harness import (
    CONVERSATION_TIMEOUT_S,
    LANG,
    RESPONSE_TIMEOUT_S,
    WAKE_TOKEN,
    AudioOutput,
    response_timeout_s,
)
from ovoscope import get_minicroft

from assistant.conversation.report import Outcome
from assistant.ovos_skill.skill import SKILL_ID, IcloudPhotosSkill
from assistant.text_mode import SILENCE_TOKEN


class OvosCore:
    def __init__(self) -> None:
        self.croft = get_minicroft([SKILL_ID], max_wait=CONVERSATION_TIMEOUT_S)
        self.bus = self.croft.bus
        SessionManager.connect_to_bus(self.bus)
        self.spoken = AudioOutput(self.bus).spoken
        self.not_understood: list[str] = []
        """Utterances no skill took (`complete_intent_failure`)."""
        self.skill: IcloudPhotosSkill = self.croft.plugin_skills[SKILL_ID].instance
        self.skill.config_core.setdefault("skills", {})["get_response_timeout"] = RESPONSE_TIMEOUT_S
        self._answers: list[str] = []
        self._pending: str | None = None
        """The answer taken for the microphone that opened last, not said yet."""
        self._lock = threading.Lock()
        self.bus.on("mycroft.mic.listen", self._microphone)
        self.bus.on(f"{SKILL_ID}.get_response.waiting", self._answer_now)
        self.bus.on("complete_intent_failure", self._no_skill)

    @property
    def data_folder(self) -> Path:
        return Path(self.skill.file_system.path)

    def say(self, utterance: str) -> None:
        """The user says something to OpenVoiceOS (after its wake word)."""
        self.bus.emit(Message("recognizer_loop:utterance",
                              {"utterances": [utterance], "lang": LANG}))  # fmt: skip

    def talk(self, opening: str, *answers: str) -> Outcome | None:
        """Say `opening`, then answer; how the skill's conversation ended (None: it never
        started)."""
        with self._lock:
            self._answers, self._pending = list(answers), None
        self.skill.last_outcome = None
        done, started = threading.Event(), threading.Event()
        self.bus.once("mycroft.skill.handler.start", lambda _: started.set())
        self.bus.once("mycroft.skill.handler.complete", lambda _: done.set())
        self.bus.once("complete_intent_failure", lambda _: started.is_set() or done.set())
        threading.Thread(target=self.say, args=(opening,), daemon=True).start()
        assert done.wait(CONVERSATION_TIMEOUT_S), "the conversation did not end"
        return self.skill.last_outcome

    def close(self) -> None:
        self.croft.stop()

    def _no_skill(self, message: Message) -> None:
        self.not_understood += message.data.get("utterances") or []

    def _microphone(self, message: Message) -> None:
        with self._lock:
            # A microphone that opens again before the skill waited for the last answer (a
            # late one of the conversation before, seen once on a loaded machine) gets the same
            # answer: taking the next one too had both said at once, in either order.
            if self._pending is None:
                self._pending = self._answers.pop(0) if self._answers else "stop"
            answer = self._pending
            self.skill.config_core["skills"]["get_response_timeout"] = response_timeout_s(answer)
            if answer == SILENCE_TOKEN:
                self._pending = None
            elif answer.startswith(WAKE_TOKEN):
                self._pending = None
                words = answer.removeprefix(WAKE_TOKEN).split("|")
                self.bus.once("skill.converse.get_response.disable",
                              lambda _: self._in_turn(*words))  # fmt: skip

    def _answer_now(self, message: Message) -> None:
        """A person answers after the microphone opened, never within its first milliseconds:
        answered before the skill waits, a "stop" would leave get_response (ovos-workshop
        7.0.6) waiting forever."""
        with self._lock:
            answer, self._pending = self._pending, None
        if answer is not None:
            self._in_turn(answer)

    def _in_turn(self, *utterances: str) -> None:
        """Say each, one after the other, from another thread, as the listener would."""

        def speak_all() -> None:
            for u in utterances:
                self.say(u)

        threading.Thread(target=speak_all, daemon=True).start()
