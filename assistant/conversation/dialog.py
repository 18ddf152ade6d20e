"""The conversation loop: listen, understand, act on the answer or command, save, prompt.

The dialog is the machine's model: transitions calls the callbacks named in machine.py on
it. Besides the machine's state, the dialog is in one `Mode` (starting, offering to
resume, asking, confirming, paused, ended). Commands that are not branches of the flow
(repeat, back, pause, ...) are found in one table, from intent to handler, and work the
same at every question, so nothing here knows a step. What happened is kept by the
session record, the words come from the composer; see docs/flow.md for the behaviour.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from functools import partial

from assistant.conversation.composer import Composer
from assistant.conversation.flow import FINAL_STATES, Flow
from assistant.conversation.machine import START, build_machine, split_state, state_name
from assistant.conversation.session_record import Outcome, SessionRecord, question_id, step_number
from assistant.conversation.session_store import Progress, StateStore
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import (
    ANSWERS,
    INTENTS,
    SILENCE,
    START_QUESTION,
    UNKNOWN,
    Vocabulary,
)
from assistant.interfaces import Control, Cue, Listener, Speaker, Utterance

log = logging.getLogger(__name__)

LADDER_PAUSE_AFTER_MISSES = 3
"""Unknown or silent turns in a row before the assistant pauses (docs/flow.md, re-prompt
ladder)."""


class Mode(enum.Enum):
    STARTING = "starting"
    """At the start question: shall we begin?"""
    OFFERING_RESUME = "offering_resume"
    """At the start question, offering to continue a saved session."""
    ASKING = "asking"
    """At a question or action of a step."""
    CONFIRMING = "confirming"
    """Asking "Did you say no?" about an answer the recognizer was unsure of."""
    PAUSED = "paused"
    """Listening only for resume and stop."""
    ENDED = "ended"
    """In a final state."""


_AT_START = (Mode.STARTING, Mode.OFFERING_RESUME)


class Dialog:
    # Set on the instance by the machine: the current state and the way to fire a trigger.
    state: str
    trigger: Callable[[str], bool]

    def __init__(
        self,
        flow: Flow,
        texts: Texts,
        vocab: Vocabulary,
        speaker: Speaker,
        listener: Listener,
        store: StateStore | None = None,
        saved: Progress | None = None,
        on_listener_lost: Callable[[], Listener | None] | None = None,
    ) -> None:
        """saved: an unfinished session to offer to continue.
        on_listener_lost: called when the listener's input ends for good; may return a
        replacement (voice -> text) so the session carries on with progress kept."""
        self.flow, self.vocab = flow, vocab
        self.speaker, self.listener, self.store = speaker, listener, store
        self.on_listener_lost = on_listener_lost
        in_a_step = saved is not None and step_number(flow, saved.state) is not None
        self.record = SessionRecord(flow, saved if in_a_step else None)
        self.compose = Composer(flow, texts)
        self.machine = build_machine(flow, self)
        self.mode = self._settled_mode()
        self.misses = 0
        self._unsure: tuple[str, str] = ("", "")
        """While CONFIRMING: the answer asked about, and what was heard."""
        self._notes: list[str] = []
        """Said before the next prompt (the machine's nothing_changed)."""
        self.commands: dict[str, Callable[[], None]] = {
            "repeat": self._say_prompt,
            "resume": self._say_prompt,
            "back": self._back,
            "skip": self._skip,
            "help": self._help,
            "pause": self._pause,
            "stop": self._stop,
            "start_over": self._start_over,
            "where": self._where,
            "slower": partial(self._control, Control.SLOWER),
            "faster": partial(self._control, Control.FASTER),
            "louder": partial(self._control, Control.LOUDER),
            "quieter": partial(self._control, Control.QUIETER),
        }

    # --- callbacks named in machine.py ------------------------------------------------
    def changed_in_step(self) -> bool:
        return bool(self.record.changes(split_state(self.state)[0]))

    def nothing_changed(self) -> None:
        self._notes.append(self.compose.line("nothing_changed"))

    def photos_fixed(self) -> None:
        self.record.fixed_at(self.state)

    # --- the loop -----------------------------------------------------------------------
    def run(self) -> Outcome:
        """Talk until the session ends; progress is saved after every answer."""
        self._say(self.compose.opening())
        self._say_prompt()
        while self.mode is not Mode.ENDED:
            utterance = self._listen()
            if utterance is None:
                self._stop()
                break
            self._handle(utterance)
        self._say(self.compose.ending(self.outcome()))
        return self.outcome()

    def interrupt(self) -> Outcome:
        """Ctrl-C: end as stopped, with progress saved."""
        if self.state not in FINAL_STATES:  # the state, not the mode: Ctrl-C may come mid-move
            self._stop()
        return self.outcome()

    def outcome(self) -> Outcome:
        final = self.state if self.state in FINAL_STATES else "stopped"
        where = (self.record.resume_at or START) if self.state == "stopped" else self.state
        return self.record.outcome(final, where)

    def _settled_mode(self) -> Mode:
        """The mode the machine's state implies once no pause or confirmation is pending;
        the one place that knows what the start state and the final states mean."""
        if self.state in FINAL_STATES:
            return Mode.ENDED
        if self.state == START:
            return Mode.OFFERING_RESUME if self.record.offer else Mode.STARTING
        return Mode.ASKING

    def _at_start(self) -> bool:
        return self._settled_mode() in _AT_START

    def _listen(self) -> Utterance | None:
        self.speaker.cue(Cue.LISTENING)
        started = time.monotonic()
        utterance = self.listener.listen(self._phrases(), question=self._question())
        if utterance is None and self.on_listener_lost:
            replacement = self.on_listener_lost()
            if replacement is not None:
                self.listener = replacement
                self._say_prompt()
                return self._listen()
        log.debug("turn: listened %.0f ms, heard %r", (time.monotonic() - started) * 1e3,
                  utterance.text if utterance else None)  # fmt: skip
        return utterance

    def _phrases(self) -> list[str]:
        """What can be said now: for the recognizer's grammar."""
        if self.mode is Mode.PAUSED:
            return self.vocab.phrases(("resume", "stop"))
        return self.vocab.phrases(INTENTS, self._question())

    def _question(self) -> str | None:
        """The id of the question being answered, for understanding: a node id, "fixed?",
        "start" at the start question, None for "Did you say ...?"."""
        if self.mode is Mode.CONFIRMING:
            return None
        if self._at_start():
            return START_QUESTION
        return question_id(self.state)

    def _handle(self, utterance: Utterance) -> None:
        paused = self.mode is Mode.PAUSED  # "I'm back, it's on": resumes when paused, else answers
        intent = self.vocab.parse(utterance.text, question=self._question(), paused=paused)
        self.record.heard(self.state, utterance.text, intent, utterance.barge_in_after_ms)
        understood = intent not in (UNKNOWN, SILENCE)
        self.speaker.cue(Cue.UNDERSTOOD if understood else Cue.NOT_UNDERSTOOD)
        if self.mode is Mode.PAUSED:  # a guess over a prompt does not end a pause
            guessed = not utterance.confident and utterance.barge_in_after_ms is not None
            self._while_paused(UNKNOWN if guessed else intent)
        elif self.mode is Mode.CONFIRMING:
            self._after_confirmation(intent)
        elif not understood:
            self._missed()
        elif not utterance.confident and (
            intent in ANSWERS or utterance.barge_in_after_ms is not None
        ):  # an unsure command comes only from barge-in, which cut the prompt on it
            self.misses = 0
            self._unsure, self.mode = (intent, utterance.text), Mode.CONFIRMING
            self._say(self._confirmation(intent, utterance.text))
        else:
            self.misses = 0
            self._act(intent, utterance.text)

    def _confirmation(self, intent: str, heard: str) -> str:
        """ "Did you say no?"; a command heard unsure over a prompt is named as heard."""
        if intent in ANSWERS:
            return self.compose.confirm(intent)
        return self.compose.texts.get("dialog.confirm", answer=heard)

    def _act(self, intent: str, heard: str) -> None:
        if intent in ANSWERS:
            self._answer(intent, heard)
        elif intent in ("resume", "skip") and self._at_start():
            self._answer("yes", heard)  # "begin", "next step": yes to the start question
        else:
            self.commands.get(intent, self._missed)()

    # --- answers ------------------------------------------------------------------------
    def _answer(self, intent: str, heard: str) -> None:
        if self._at_start():
            self._answer_start(intent)
            return
        if intent == "no" and self._at_action():  # an action's no waits: unless refused
            declined = self.vocab.declines(heard, self._question())
            self._say(self.compose.line("declined" if declined else "not_yet"))
            return
        self.record.answered(self.state, intent, heard)
        self.trigger(intent)
        self._after_move()

    def _answer_start(self, intent: str) -> None:
        if self.mode is Mode.OFFERING_RESUME and intent == "yes":
            self.machine.set_state(self.record.take_offer(), self)
        elif self.mode is Mode.OFFERING_RESUME:
            self.record.decline_offer()
            self.trigger("yes")
        elif intent == "no":
            self._pause()
            return
        else:
            self.trigger("yes")
        self._after_move()

    def _after_move(self) -> None:
        self.mode = self._settled_mode()
        self._save()
        if self.mode is not Mode.ENDED:
            self._say_prompt()

    def _after_confirmation(self, intent: str) -> None:
        confirmed, heard = self._unsure
        self.mode = self._settled_mode()
        if intent == "yes":
            self._act(confirmed, heard)
        elif intent == "no":
            self._say(self.compose.line("confirm_rejected"))
            self._say_prompt()
        elif intent in (UNKNOWN, SILENCE):
            self._missed()
        else:  # a command instead of an answer: do it
            self._act(intent, heard)

    def _missed(self) -> None:
        self.misses += 1
        if self.misses >= LADDER_PAUSE_AFTER_MISSES:
            self.misses = 0
            self.mode = Mode.PAUSED
            self._say(self.compose.line("ladder_pause"))
            return
        self._say(
            self.compose.reprompt(self.misses, self.state), self.compose.answer_hint(self.state)
        )

    def _while_paused(self, intent: str) -> None:
        if intent == "resume":
            self.mode = self._settled_mode()
            if self._at_start():  # "begin" after "not now" answers the start question
                self._answer_start("yes")
            else:
                self._say_prompt()
        elif intent == "stop":
            self._stop()
        elif intent != SILENCE:  # while paused, quiet is expected: no nagging
            self._say(self.compose.line("paused_reminder"))

    # --- commands (docs/flow.md's table), found through self.commands ------------------
    def _back(self) -> None:
        previous = self.record.undo()
        if previous is None:
            if not self._at_start():
                self._say(self.compose.line("first_question"))
            self._say_prompt()
            return
        self.machine.set_state(previous.state, self)
        self.mode = self._settled_mode()
        self._save()
        self._say_prompt()

    def _skip(self) -> None:
        self.record.answered(self.state, "skip")
        self.trigger("skip")
        self._after_move()

    def _help(self) -> None:
        if self._at_start():
            self._say(self.compose.line("commands"))
            self._say_prompt()
        else:
            self._say(self.compose.help(self.state))

    def _pause(self) -> None:
        self.mode = Mode.PAUSED
        self._say(self.compose.line("paused"))

    def _stop(self) -> None:
        """Stop (said, or input ended): progress saved, to resume where this left off."""
        self.record.stopped_at(None if self._at_start() else self.state)
        self.trigger("stop")
        self.mode = Mode.ENDED
        self._save()

    def _start_over(self) -> None:
        self.record.start_over()
        first = self.flow.steps[0]
        self.machine.set_state(state_name(first, first.first.id), self)
        self.mode = self._settled_mode()
        self.compose.forget_announced_step()
        self._save()
        self._say(self.compose.line("start_over"))
        self._say_prompt()

    def _where(self) -> None:
        """The step and what remains, then the question again: by voice the turn would
        otherwise end on "5 more steps after this one", with nothing saying it is the
        user's turn or what to answer."""
        self._say(self.compose.where(self.state))
        self._say_prompt()

    def _control(self, control: Control) -> None:
        changed = self.speaker.adjust(control)
        self._say(self.compose.control(control, changed))
        self._say_prompt()  # heard again at the new setting: usually why it was asked

    # --- speaking and saving --------------------------------------------------------------
    def _say(self, text: str, hint: str = "") -> None:
        """Say text. A listener that hears over speech (interfaces.HearsOverSpeech) is told
        first what the next turn would listen for, so the user may cut the prompt short:
        commands at any moment, answers once the question is said (from the hint on)."""
        expect = getattr(self.listener, "expect", None)
        if expect is not None:
            phrases = [] if self.mode is Mode.ENDED else self._phrases()
            expect(phrases, self._question(), hint)
        self.speaker.say(text)

    def _say_prompt(self) -> None:
        """The current question or action, with what to answer, and any pending notes."""
        notes, self._notes = self._notes, []
        if self._at_start():
            self._say(self.compose.start_question(self.record.offer, notes))
        else:
            hint = self.compose.answer_hint(self.state)
            self._say(self.compose.prompt(self.state, notes), hint)

    def _save(self) -> None:
        """Save where this session would continue; clear the file when there is nothing to
        continue (not begun, or ended resolved or unresolved)."""
        if self.store is None:
            return
        if self.state == "stopped":
            resume_at = self.record.resume_at
        else:
            resume_at = None if self.mode is Mode.ENDED or self._at_start() else self.state
        progress = self.record.progress(resume_at)
        if progress is None:
            self.store.clear()
        else:
            self.store.save(progress)

    def _at_action(self) -> bool:
        return self.flow.is_action(split_state(self.state)[1])
