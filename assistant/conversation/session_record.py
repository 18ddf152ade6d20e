"""What happened in one session: the answers that stand, every turn, what the user changed,
where a stopped session resumes, and the outcome the report and summaries read.

The dialog writes to the record; the report, the Markdown summary and the spoken summary
only read the `Outcome` it produces. What the user changed is worked out here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.conversation.flow import FIXED, FIXED_QUESTION, Flow
from assistant.conversation.machine import split_state
from assistant.conversation.session_store import Answer, Progress


@dataclass(frozen=True)
class Turn:
    state: str
    """Machine state when the user spoke."""
    heard: str
    """What was said or typed ("" for silence)."""
    intent: str
    """The canonical intent it was understood as."""
    barge_in_after_ms: float | None = None
    """Said over a prompt: how far into it the assistant was cut short (None: after it)."""


@dataclass
class Outcome:
    outcome: str
    """resolved, unresolved or stopped."""
    resolved_at_step: int | None
    fixed_by: str | None
    """Id of the action that fixed it (None if none, or not resolved)."""
    final_state: str
    """The state the session was in when it ended (for stopped: where it will resume)."""
    answers: list[Answer] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    """Ids of the actions the user carried out, in order."""


def question_id(state: str) -> str:
    """The flow id of a state: "s1_apple_id", or "fixed?" for a step's fixed question."""
    _, child = split_state(state)
    return FIXED_QUESTION if child == FIXED else child or state


def step_number(flow: Flow, state: str) -> int | None:
    """1-based step of a state; None outside the steps (start, final states)."""
    parent, _ = split_state(state)
    return next((s.number for s in flow.steps if s.id == parent), None)


def changes(flow: Flow, answers: list[Answer], step_id: str | None = None) -> list[str]:
    """Ids of the actions carried out (answered done), in one step or in all of them."""
    return [
        child
        for parent, child in (split_state(a.state) for a in answers if a.intent == "yes")
        if flow.is_action(child) and step_id in (None, parent)
    ]


class SessionRecord:
    """The answers that stand (oldest first; `back` takes the last one away), every turn,
    the saved session offered at the start, and where a stopped session resumes."""

    def __init__(self, flow: Flow, offer: Progress | None = None) -> None:
        self.flow = flow
        self.history: list[Answer] = []
        self.turns: list[Turn] = []
        self.offer = offer
        """An unfinished session saved earlier, offered at the start until taken or declined."""
        self.resume_at: str | None = None
        """The state a stopped session continues from; None while there is nothing to keep."""
        self.resolved_at_step: int | None = None
        self.fixed_by: str | None = None

    def heard(
        self, state: str, text: str, intent: str, barge_in_after_ms: float | None = None
    ) -> None:
        self.turns.append(Turn(state, text, intent, barge_in_after_ms))

    def answered(self, state: str, intent: str, text: str = "") -> None:
        self.history.append(Answer(state, intent, text))

    def undo(self) -> Answer | None:
        """Take back the last answer; None when there is none."""
        return self.history.pop() if self.history else None

    def take_offer(self) -> str:
        """Continue the offered session: its answers stand again; returns its state."""
        assert self.offer is not None
        self.history = list(self.offer.history)
        state, self.offer = self.offer.state, None
        return state

    def decline_offer(self) -> None:
        self.offer = None

    def start_over(self) -> None:
        self.history.clear()
        self.offer = None

    def changes(self, step_id: str | None = None) -> list[str]:
        return changes(self.flow, self.history, step_id)

    def fixed_at(self, state: str) -> None:
        """The photos sync again: at the step of `state`, by its last change (if any)."""
        parent, _ = split_state(state)
        self.resolved_at_step = step_number(self.flow, state)
        made = self.changes(parent)
        self.fixed_by = made[-1] if made else None

    def stopped_at(self, state: str | None) -> None:
        """Stopped in `state` (None: before the checks began); an offered session that was
        neither taken nor declined is kept for next time."""
        if state is None and self.offer is not None:
            state = self.take_offer()
        self.resume_at = state

    def progress(self, state: str | None) -> Progress | None:
        """What to save when in `state` (None: nothing begun, or the session has ended)."""
        return Progress(state, list(self.history)) if state is not None else None

    def outcome(self, final: str, resume_state: str) -> Outcome:
        return Outcome(final, self.resolved_at_step, self.fixed_by, resume_state,
                       list(self.history), list(self.turns), self.changes())  # fmt: skip
