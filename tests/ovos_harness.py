"""OpenVoiceOS around the skill, on its fake message bus (`ovos_utils.fakebus.FakeBus`).

The skill is the real one, loaded as OpenVoiceOS loads it; around it, this plays the parts of
ovos-core that a conversation touches, with the messages they send:
- the intent service: the skill's intent file, as registered on the bus, matched by padacioso
  (ovos-core's pure-Python intent engine) against what the user says first;
- the audio service: each `speak` is "played" and reported finished
  (`recognizer_loop:audio_output_end`), which `speak(..., wait=True)` waits for;
- the microphone and the converse service: when the skill opens the microphone
  (`mycroft.mic.listen`) the next answer is sent back as its `get_response` reply;
- the stop service: `{skill}.stop.ping` (can_stop), then `{skill}.stop`.

Answers are script lines as in the standalone app (`<silence>` for saying nothing), plus:
`<stop>`: the user says "stop" to OpenVoiceOS, whose stop service stops the skill;
`<wake> WORDS`: the user stays quiet, then wakes OpenVoiceOS and says WORDS, which reach
the skill through converse (if the skill takes them; if not, a `<wake>` that follows is said
next);
`<gone>`: the user stays quiet until OpenVoiceOS drops the skill from its active skills
(its converse timeout).
When the answers run out it is as if the user said stop, as in the standalone app.

Import this only after HOME points at a temporary folder: OpenVoiceOS reads and writes its
folders under HOME.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from ovos_bus_client.message import Message
from ovos_bus_client.session import SessionManager
from ovos_utils.fakebus import FakeBus
from padacioso import IntentContainer

from assistant.conversation.report import Outcome
from assistant.ovos_skill.skill import SKILL_ID, IcloudPhotosSkill
from assistant.text_mode import SILENCE_TOKEN

STOP_TOKEN = "<stop>"
GONE_TOKEN = "<gone>"
WAKE_TOKEN = "<wake> "
LANG = "en-US"
RESPONSE_TIMEOUT_S = 0.5
"""OpenVoiceOS's `skills.get_response_timeout` here: how long `<silence>` lasts."""
ANSWER_WAIT_S = 30.0
"""The same setting while the script has an answer for the question: the answer ends the wait
as soon as it arrives, and a busy machine never turns it into silence. With 0.5 s for every
question, a loaded full run once did (a test's old MiniCroft collected mid-conversation paused the
threads; the "yes" came late, the question was asked again and the answers fell out of step)."""

CONVERSATION_TIMEOUT_S = 60.0
"""A conversation that has not ended by then has hung: the test fails instead of waiting."""


def response_timeout_s(answer: str) -> float:
    """How long get_response waits at a question the script answers with `answer`: set when
    the microphone opens, before the skill starts waiting (the fake bus calls handlers at once)."""
    said_now = not (answer in (SILENCE_TOKEN, GONE_TOKEN) or answer.startswith(WAKE_TOKEN))
    return ANSWER_WAIT_S if said_now else RESPONSE_TIMEOUT_S


class AudioOutput:
    """ovos-audio's part: each `speak` is "played" and reported finished
    (`recognizer_loop:audio_output_end`), which `speak(..., wait=...)` waits for."""

    def __init__(self, bus: FakeBus) -> None:
        self.bus = bus
        self.spoken: list[str] = []
        """Everything the skill said, in order."""
        bus.on("speak", self._play)

    def _play(self, message: Message) -> None:
        self.spoken.append(message.data["utterance"])
        threading.Thread(target=self._finish_playing, args=(message,), daemon=True).start()

    def _finish_playing(self, message: Message) -> None:
        """Report the end of the audio once the skill waits for it (it starts waiting just
        after emitting `speak`; reported earlier, the end would be missed)."""
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline and not any(
            getattr(h, "__name__", "") == "handle_output_end"
            for h in self.bus.ee.listeners("recognizer_loop:audio_output_end")
        ):
            time.sleep(0.001)
        self.bus.emit(message.forward("recognizer_loop:audio_output_end"))


class OvosHarness:
    def __init__(self) -> None:
        self.bus = FakeBus()
        SessionManager.connect_to_bus(self.bus)
        self.microphone_opened = 0
        self.left_to_other_skills: list[str] = []
        """What the user said after a wake word that the skill did not take (converse)."""
        self.intent_files: dict[str, list[str]] = {}
        """Registered intent name -> its example sentences."""
        self._answers: list[str] = []
        self.bus.on("padatious:register_intent", self._register_intent)
        self._audio = AudioOutput(self.bus)
        self.spoken = self._audio.spoken
        self.bus.on("mycroft.mic.listen", self._microphone)
        self.skill = IcloudPhotosSkill(bus=self.bus, skill_id=SKILL_ID)
        self.skill.config_core.setdefault("skills", {})["get_response_timeout"] = RESPONSE_TIMEOUT_S
        self._intents = IntentContainer(fuzz=True)
        for name, samples in self.intent_files.items():
            self._intents.add_intent(name, samples)

    @property
    def data_folder(self) -> Path:
        return Path(self.skill.file_system.path)

    def match(self, utterance: str) -> str | None:
        """The intent OpenVoiceOS would pick for the utterance, if any of this skill's."""
        return self._intents.calc_intent(utterance.lower()).get("name")

    def talk(self, opening: str, *answers: str) -> Outcome:
        """Say `opening` to OpenVoiceOS, then answer the skill; how the conversation ended."""
        intent = self.match(opening)
        assert intent is not None, f"no intent of the skill matches {opening!r}"
        self._answers = list(answers)
        done = threading.Event()
        self.bus.once("mycroft.skill.handler.complete", lambda _: done.set())
        message = Message(intent, {"utterance": opening, "lang": LANG})
        # ovos-core runs each intent handler in its own thread; so does this.
        threading.Thread(target=self.bus.emit, args=(message,), daemon=True).start()
        assert done.wait(CONVERSATION_TIMEOUT_S), "the conversation did not end"
        assert self.skill.last_outcome is not None
        return self.skill.last_outcome

    def said(self, text: str) -> int:
        """How many times the skill said something containing text."""
        return sum(text in s for s in self.spoken)

    # --- the parts of OpenVoiceOS -------------------------------------------------------------
    def _register_intent(self, message: Message) -> None:
        self.intent_files[message.data["name"]] = list(message.data["samples"])

    def _microphone(self, message: Message) -> None:
        self.microphone_opened += 1
        answer = self._answers.pop(0) if self._answers else STOP_TOKEN
        self.skill.config_core["skills"]["get_response_timeout"] = response_timeout_s(answer)
        if answer == SILENCE_TOKEN:
            return  # nothing said: get_response times out
        if answer == STOP_TOKEN:
            self._after(f"{SKILL_ID}.get_response.waiting", self._stop_service)
        elif answer == GONE_TOKEN:
            self._after("skill.converse.get_response.disable", self._converse_timeout)
        elif answer.startswith(WAKE_TOKEN):
            words = answer.removeprefix(WAKE_TOKEN)
            self._after("skill.converse.get_response.disable", lambda: self._converse(words))
        else:
            self.bus.emit(message.forward(f"{SKILL_ID}.converse.get_response",
                                          {"utterances": [answer], "lang": LANG}))  # fmt: skip

    def _after(self, msg_type: str, then: Callable[[], object]) -> None:
        """Once msg_type is emitted, run `then` in its own thread, as a service would."""
        self.bus.once(msg_type, lambda _: threading.Thread(target=then, daemon=True).start())

    def _converse(self, words: str) -> None:
        ping = self.bus.wait_for_response(
            Message(f"{SKILL_ID}.converse.ping", {"utterances": [words], "lang": LANG}),
            "skill.converse.pong",
        )
        if ping and ping.data.get("can_handle"):
            self.bus.emit(Message(f"{SKILL_ID}.converse.request",
                                  {"utterances": [words], "lang": LANG}))  # fmt: skip
            return
        self.left_to_other_skills.append(words)
        if self._answers and self._answers[0].startswith(WAKE_TOKEN):
            self._converse(self._answers.pop(0).removeprefix(WAKE_TOKEN))

    def _converse_timeout(self) -> None:
        self.bus.emit(Message("intent.service.skills.deactivated", {"skill_id": SKILL_ID}))

    def _stop_service(self) -> None:
        ping = self.bus.wait_for_response(Message(f"{SKILL_ID}.stop.ping"), "skill.stop.pong")
        if ping and ping.data.get("can_handle"):
            self.bus.emit(Message(f"{SKILL_ID}.stop"))
