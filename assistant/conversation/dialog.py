"""The conversation: say the prompt, listen, understand, move the machine, save.

The dialog is the machine's model: transitions calls the callbacks named in
machine.py on it. Commands that are not branches of the flow (repeat, back, pause, ...)
are handled here the same way at every question, so nothing in this file knows a step.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from assistant.conversation.flow import ACTION, FINAL_STATES, FIXED, Flow
from assistant.conversation.machine import START, build_machine, split_state, state_name
from assistant.conversation.report import Outcome, Turn, question_id, spoken_summary, step_number
from assistant.conversation.session_store import Answer, Progress, StateStore
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import ANSWERS, INTENTS, SILENCE, UNKNOWN, Vocabulary
from assistant.interfaces import Control, Cue, Listener, Speaker, Utterance

log = logging.getLogger(__name__)

LADDER_PAUSE_AFTER_MISSES = 3
"""Unknown or silent turns in a row before the assistant pauses (flow.md's re-prompt ladder)."""
_CONTROLS = {c.value: c for c in Control}


class Dialog:
    # Set on the instance by the machine: the current state and the flow's triggers.
    state: str
    yes: Callable[[], bool]
    no: Callable[[], bool]
    skip: Callable[[], bool]
    stop: Callable[[], bool]

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
        self.flow, self.texts, self.vocab = flow, texts, vocab
        self.speaker, self.listener, self.store = speaker, listener, store
        self.saved = saved if saved and saved.state not in (START, *FINAL_STATES) else None
        self.on_listener_lost = on_listener_lost
        self.machine = build_machine(flow, self)
        self.history: list[Answer] = []
        self.turns: list[Turn] = []
        self.paused = False
        self.misses = 0
        self.resolved_at_step: int | None = None
        self.fixed_by: str | None = None
        self._announced_step: str | None = None
        self._notes: list[str] = []
        self._confirming: tuple[str, str] | None = None  # (intent, heard) awaiting "did you say"
        self._resume_from = START  # where a stopped session continues

    # --- callbacks named in machine.py ------------------------------------------------
    def changed_in_step(self) -> bool:
        return bool(self._changes_in(split_state(self.state)[0]))

    def nothing_changed(self) -> None:
        self._notes.append(self.texts.get("dialog.nothing_changed"))

    def photos_fixed(self) -> None:
        parent, _ = split_state(self.state)
        self.resolved_at_step = step_number(self.flow, self.state)
        changed = self._changes_in(parent)
        self.fixed_by = changed[-1] if changed else None

    # --- the loop -----------------------------------------------------------------------
    def run(self) -> Outcome:
        """Talk until the session ends; progress is saved after every answer."""
        self._say_opening()
        while self.state not in FINAL_STATES:
            utterance = self._listen()
            if utterance is None:
                self._stop()
                break
            self._handle(utterance)
        self._say_ending()
        return self.outcome()

    def interrupt(self) -> Outcome:
        """Ctrl-C: end as stopped, with progress saved."""
        if self.state not in FINAL_STATES:
            self._stop()
        return self.outcome()

    def outcome(self) -> Outcome:
        final = self.state if self.state in FINAL_STATES else "stopped"
        return Outcome(final, self.resolved_at_step, self.fixed_by, self._resume_state(),
                       list(self.history), list(self.turns))  # fmt: skip

    def _listen(self) -> Utterance | None:
        self.speaker.cue(Cue.LISTENING)
        started = time.monotonic()
        utterance = self.listener.listen(self._phrases())
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
        if self.paused:
            return self.vocab.phrases(("resume", "stop"))
        return self.vocab.phrases(INTENTS)

    def _handle(self, utterance: Utterance) -> None:
        intent = self.vocab.parse(utterance.text)
        self.turns.append(Turn(self.state, utterance.text, intent))
        understood = intent not in (UNKNOWN, SILENCE)
        self.speaker.cue(Cue.UNDERSTOOD if understood else Cue.NOT_UNDERSTOOD)
        if self.paused:
            self._while_paused(intent)
        elif self._confirming:
            self._after_confirmation(intent)
        elif not understood:
            self._missed()
        elif intent in ANSWERS and not utterance.confident:
            self.misses = 0
            self._confirming = (intent, utterance.text)
            word = self.texts.get(f"dialog.answer_words.{intent}")
            self.speaker.say(self.texts.get("dialog.confirm", answer=word))
        else:
            self.misses = 0
            self._act(intent, utterance.text)

    def _act(self, intent: str, heard: str) -> None:
        if intent in ANSWERS or (intent in ("resume", "skip") and self.state == START):
            self._answer("yes" if intent not in ANSWERS else intent, heard)
            return
        handler = getattr(self, f"_cmd_{intent}", None)
        if handler:
            handler()
        elif intent in _CONTROLS:
            self._control(_CONTROLS[intent])

    # --- answers ------------------------------------------------------------------------
    def _answer(self, intent: str, heard: str) -> None:
        if self.state == START:
            self._answer_start(intent)
            return
        node_id = split_state(self.state)[1]
        if node_id != FIXED and self.flow.node(node_id).kind == ACTION and intent == "no":
            self.speaker.say(self.texts.get("dialog.not_yet"))
            return
        self.history.append(Answer(self.state, intent, heard))
        getattr(self, intent)()  # the machine's trigger
        self._after_move()

    def _answer_start(self, intent: str) -> None:
        if intent == "no" and not self.saved:
            self._cmd_pause()
            return
        if intent == "yes" and self.saved:
            self.history = list(self.saved.history)
            self.machine.set_state(self.saved.state, self)
        else:
            self.yes()
        self.saved = None
        self._after_move()

    def _after_move(self) -> None:
        self._save()
        if self.state not in FINAL_STATES:
            self._say_prompt()

    def _after_confirmation(self, intent: str) -> None:
        assert self._confirming is not None
        confirmed, heard = self._confirming
        self._confirming = None
        if intent == "yes":
            self._act(confirmed, heard)
        elif intent == "no":
            self.speaker.say(self.texts.get("dialog.confirm_rejected"))
            self._say_prompt()
        elif intent in (UNKNOWN, SILENCE):
            self._missed()
        else:  # a command instead of an answer: do it
            self._act(intent, heard)

    def _missed(self) -> None:
        self.misses += 1
        if self.misses >= LADDER_PAUSE_AFTER_MISSES:
            self.misses = 0
            self.paused = True
            self.speaker.say(self.texts.get("dialog.ladder_pause"))
            return
        parts = [self.texts.get("dialog.reprompt_first"), self._answer_hint()]
        if self.misses == 2:
            parts.append(self.texts.get("dialog.reprompt_hint"))
        self.speaker.say(" ".join(parts))

    def _while_paused(self, intent: str) -> None:
        if intent == "resume":
            self.paused = False
            if self.state == START:  # "begin" after "not now" answers the start question
                self._answer_start("yes")
            else:
                self._say_prompt()
        elif intent == "stop":
            self.paused = False
            self._cmd_stop()
        elif intent != SILENCE:  # while paused, quiet is expected: no nagging
            self.speaker.say(self.texts.get("dialog.paused_reminder"))

    # --- commands (flow.md's table) -------------------------------------------------------
    def _cmd_repeat(self) -> None:
        self._say_prompt()

    def _cmd_resume(self) -> None:
        self._say_prompt()

    def _cmd_back(self) -> None:
        if not self.history:
            if self.state != START:
                self.speaker.say(self.texts.get("dialog.first_question"))
            self._say_prompt()
            return
        previous = self.history.pop()
        self.machine.set_state(previous.state, self)
        self._save()
        self._say_prompt()

    def _cmd_skip(self) -> None:
        self.history.append(Answer(self.state, "skip"))
        self.skip()
        self._after_move()

    def _cmd_help(self) -> None:
        if self.state == START:
            self.speaker.say(self.texts.get("dialog.commands"))
            self._say_prompt()
            return
        node_id = split_state(self.state)[1]
        parts = [] if node_id == FIXED else [self.texts.get(f"nodes.{node_id}.help")]
        kind = "help_action" if self._at_action() else "help_question"
        parts += [self.texts.get(f"dialog.{kind}"), self.texts.get("dialog.help_commands")]
        self.speaker.say(" ".join(parts))

    def _cmd_pause(self) -> None:
        self.paused = True
        self.speaker.say(self.texts.get("dialog.paused"))

    def _cmd_stop(self) -> None:
        self._stop()

    def _cmd_start_over(self) -> None:
        self.history.clear()
        self.saved = None
        first = self.flow.steps[0]
        self.machine.set_state(state_name(first, first.first.id), self)
        self._announced_step = None
        self._save()
        self.speaker.say(self.texts.get("dialog.start_over"))
        self._say_prompt()

    def _cmd_where(self) -> None:
        number = step_number(self.flow, self.state)
        if number is None:
            self.speaker.say(self.texts.get("dialog.where_start"))
            return
        total = len(self.flow.steps)
        title = self.texts.get(f"steps.{self.flow.steps[number - 1].id}.title")
        remaining = self._remaining_text(total - number)
        where = self.texts.get(
            "dialog.where", step=number, total=total, title=title, remaining=remaining
        )
        self.speaker.say(where)

    def _remaining_text(self, left: int) -> str:
        case = ("none", "one", "many")[min(left, 2)]
        return self.texts.get(f"dialog.where_remaining.{case}", count=left)

    def _control(self, control: Control) -> None:
        changed = self.speaker.adjust(control)
        self.speaker.say(
            self.texts.get(f"dialog.{control.value}" if changed else "dialog.at_limit")
        )
        self._say_prompt()  # heard again at the new setting: usually why it was asked

    # --- speaking -----------------------------------------------------------------------
    def _say_opening(self) -> None:
        greeting = [self.texts.get("dialog.greeting"), self.texts.get("dialog.commands")]
        self.speaker.say(" ".join(greeting))
        self._say_prompt()

    def _say_prompt(self) -> None:
        """The current question or action, with what to answer; a new step is announced."""
        parts, self._notes = self._notes, []
        if self.state == START:
            if self.saved:
                step = step_number(self.flow, self.saved.state)
                parts.append(self.texts.get("dialog.resume_question", step=step))
            else:
                parts.append(self.texts.get("dialog.start_question"))
            self.speaker.say(" ".join(parts))
            return
        parent, node_id = split_state(self.state)
        parts.append(self._step_intro(parent))
        if node_id == FIXED:
            parts.append(self.texts.get("dialog.fixed_question"))
        else:
            parts += [self.texts.get(f"nodes.{node_id}.prompt"), self._answer_hint()]
        self.speaker.say(" ".join(p for p in parts if p))

    def _step_intro(self, parent: str) -> str:
        if self._announced_step == parent:
            return ""
        self._announced_step = parent
        step = next(s for s in self.flow.steps if s.id == parent)
        return self.texts.get("dialog.step_intro", step=step.number, total=len(self.flow.steps),
                              title=self.texts.get(f"steps.{step.id}.title"))  # fmt: skip

    def _answer_hint(self) -> str:
        node_id = split_state(self.state)[1]
        if node_id and node_id != FIXED and self.texts.has(f"nodes.{node_id}.answer"):
            return self.texts.get(f"nodes.{node_id}.answer")
        return self.texts.get("dialog.answer_done" if self._at_action() else "dialog.answer_yes_no")

    def _say_ending(self) -> None:
        if self.state in ("resolved", "unresolved"):
            summary = spoken_summary(self.flow, self.texts, self.outcome())
            saved = self.texts.get("dialog.summary_saved")
            self.speaker.say(" ".join([self._verdict(), summary, saved]))
        elif self._resume_state() == START:
            self.speaker.say(self.texts.get("dialog.stopped_at_start"))
        else:
            number = step_number(self.flow, self._resume_state())
            self.speaker.say(self.texts.get("dialog.stopped", step=number))

    def _verdict(self) -> str:
        if self.state == "unresolved":
            return self.texts.get("dialog.unresolved")
        step = self.flow.steps[(self.resolved_at_step or 1) - 1]
        title = self.texts.get(f"steps.{step.id}.title")
        if not self.fixed_by:
            return self.texts.get("dialog.resolved_by_nothing", step=step.number, title=title)
        change = self.texts.get(f"nodes.{self.fixed_by}.change")
        return self.texts.get("dialog.resolved", step=step.number, title=title, change=change)

    # --- state --------------------------------------------------------------------------
    def _stop(self) -> None:
        self._resume_from = self.state if self.state not in FINAL_STATES else START
        if self._resume_from == START and self.saved:
            self._resume_from = self.saved.state  # stopped at the offer: keep the old session
            self.history = list(self.saved.history)
        self.stop()  # the machine's trigger
        self._save()

    def _resume_state(self) -> str:
        if self.state == "stopped":
            return self._resume_from
        return self.state

    def _save(self) -> None:
        if self.store is None:
            return
        if self.state in ("resolved", "unresolved") or self._resume_state() == START:
            self.store.clear()
            return
        self.store.save(Progress(self._resume_state(), list(self.history)))

    def _at_action(self) -> bool:
        node_id = split_state(self.state)[1]
        return node_id not in ("", FIXED) and self.flow.node(node_id).kind == ACTION

    def _changes_in(self, parent: str) -> list[str]:
        ids = [question_id(a.state) for a in self.history
               if a.intent == "yes" and split_state(a.state)[0] == parent]  # fmt: skip
        return [i for i in ids if i != "fixed?" and self.flow.node(i).kind == ACTION]
