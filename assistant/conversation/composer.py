"""Composing what the assistant says, from the language file: prompts with their answer hint,
step announcements, re-prompts, help, "where am I" and the goodbye.

No control flow lives here: the dialog decides what happens and asks the composer for the
words. The only state is which step was announced last, so a step is announced once.
"""

from __future__ import annotations

from assistant.conversation.flow import FIXED, Flow, Step
from assistant.conversation.machine import split_state
from assistant.conversation.report import spoken_summary
from assistant.conversation.session_record import Outcome, step_number
from assistant.conversation.session_store import Progress
from assistant.conversation.texts import Texts
from assistant.interfaces import Control

REPROMPT_HINT_FROM_MISS = 2
"""From this miss in a row on, the re-prompt adds "you can also say repeat, or help"."""


class Composer:
    def __init__(self, flow: Flow, texts: Texts) -> None:
        self.flow, self.texts = flow, texts
        self._announced_step: str | None = None

    def line(self, key: str) -> str:
        """A dialog text that takes no values ("paused", "not_yet", ...)."""
        return self.texts.get(f"dialog.{key}")

    def opening(self) -> str:
        return " ".join([self.line("greeting"), self.line("commands")])

    def start_question(self, offer: Progress | None, notes: list[str]) -> str:
        if offer is None:
            return " ".join([*notes, self.line("start_question")])
        step = step_number(self.flow, offer.state)
        return " ".join([*notes, self.texts.get("dialog.resume_question", step=step)])

    def prompt(self, state: str, notes: list[str]) -> str:
        """The question or action of `state` with what to answer; a new step is announced."""
        parent, node_id = split_state(state)
        parts = [*notes, self._step_intro(parent)]
        if node_id == FIXED:
            parts.append(self.line("fixed_question"))
        else:
            parts += [self.texts.get(f"nodes.{node_id}.prompt"), self.answer_hint(state)]
        return " ".join(p for p in parts if p)

    def forget_announced_step(self) -> None:
        """The next prompt announces its step again (after starting over)."""
        self._announced_step = None

    def answer_hint(self, state: str) -> str:
        node_id = split_state(state)[1]
        if node_id and node_id != FIXED and self.texts.has(f"nodes.{node_id}.answer"):
            return self.texts.get(f"nodes.{node_id}.answer")
        return self.line("answer_done" if self.flow.is_action(node_id) else "answer_yes_no")

    def reprompt(self, misses: int, state: str) -> str:
        """The re-prompt ladder's words for this many misses in a row."""
        parts = [self.line("reprompt_first"), self.answer_hint(state)]
        if misses >= REPROMPT_HINT_FROM_MISS:
            parts.append(self.line("reprompt_hint"))
        return " ".join(parts)

    def confirm(self, intent: str) -> str:
        return self.texts.get(
            "dialog.confirm", answer=self.texts.get(f"dialog.answer_words.{intent}")
        )

    def help(self, state: str) -> str:
        node_id = split_state(state)[1]
        parts = [] if node_id == FIXED else [self.texts.get(f"nodes.{node_id}.help")]
        kind = "help_action" if self.flow.is_action(node_id) else "help_question"
        return " ".join([*parts, self.line(kind), self.line("help_commands")])

    def where(self, state: str) -> str:
        number = step_number(self.flow, state)
        if number is None:
            return self.line("where_start")
        left = len(self.flow.steps) - number
        case = ("none", "one", "many")[min(left, 2)]
        remaining = self.texts.get(f"dialog.where_remaining.{case}", count=left)
        step = self.flow.steps[number - 1]
        return self.texts.get("dialog.where", step=number, title=self._title(step),
                              remaining=remaining)  # fmt: skip

    def control(self, control: Control, changed: bool) -> str:
        return self.line(control.value if changed else "at_limit")

    def ending(self, outcome: Outcome) -> str:
        """What is said as the session ends: the verdict and summary, or how to resume."""
        if outcome.outcome in ("resolved", "unresolved"):
            summary = spoken_summary(self.flow, self.texts, outcome)
            said = [self._verdict(outcome), summary, self.line("summary_saved")]
            return " ".join(part for part in said if part)
        number = step_number(self.flow, outcome.final_state)
        if number is None:
            return self.line("stopped_at_start")
        return self.texts.get("dialog.stopped", step=number)

    def _verdict(self, outcome: Outcome) -> str:
        if outcome.outcome == "unresolved":
            return self.line("unresolved")
        step = self.flow.steps[(outcome.resolved_at_step or 1) - 1]
        if not outcome.fixed_by:
            return self.texts.get("dialog.resolved_by_nothing", step=step.number,
                                  title=self._title(step))  # fmt: skip
        change = self.texts.get(f"nodes.{outcome.fixed_by}.change")
        return self.texts.get("dialog.resolved", step=step.number, title=self._title(step),
                              change=change)  # fmt: skip

    def _step_intro(self, parent: str) -> str:
        if self._announced_step == parent:
            return ""
        self._announced_step = parent
        step = next(s for s in self.flow.steps if s.id == parent)
        return self.texts.get("dialog.step_intro", step=step.number, title=self._title(step))

    def _title(self, step: Step) -> str:
        return self.texts.get(f"steps.{step.id}.title")
