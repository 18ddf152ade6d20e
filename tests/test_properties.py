"""Whatever is said, in any order: no exception, always a valid state, every clear answer
moves the machine, the answers on record replay to where the session is, and answers alone
always bring the session to resolved or unresolved.

These fail when the dialog is sabotaged: with `Dialog._answer` returning at once, the first
"yes" no longer leaves the start question (see test_answers_alone_reach_resolved_or_unresolved
and the per-turn check in CheckingListener).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.conversation.dialog import Dialog, Mode
from assistant.conversation.flow import FINAL_STATES, Flow
from assistant.conversation.machine import START, all_states, split_state
from assistant.conversation.session_record import Outcome
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import ANSWERS, INTENTS, Vocabulary
from assistant.interfaces import Utterance
from assistant.text_mode import TextSpeaker

FLOW = Flow.load()
TEXTS = Texts.load(FLOW)
VOCAB = Vocabulary.load()
VALID = all_states(FLOW) | set(FINAL_STATES)
SAY_FOR = {"yes": "yes", "no": "no", "skip": "skip"}
"""What to say to give a recorded answer again."""

said = st.one_of(
    st.sampled_from([p for i in VOCAB.phrases_by_intent for p in VOCAB.phrases([i])]),
    st.sampled_from(["", "banana", "yes no", "not okay", "um"]),
    st.text(max_size=20),
)
heard = st.builds(Utterance, text=said, confidence=st.floats(0, 1),
                  confident=st.booleans())  # fmt: skip


@dataclass(frozen=True)
class Before:
    """The dialog as it was when an utterance was handed to it."""

    mode: Mode
    state: str
    answers: int
    confident: bool


def check_the_turn_moved_the_machine(dialog: Dialog, before: Before) -> None:
    """A clear yes or no at a question moves the machine and goes on record; "no" at an
    action keeps waiting; "no" at the start question pauses."""
    intent = dialog.record.turns[-1].intent
    if intent not in ANSWERS or not before.confident:
        return
    if before.mode is Mode.STARTING:
        if intent == "yes":
            assert dialog.state != START, "yes at the start question did not begin"
        else:
            assert dialog.mode is Mode.PAUSED
    elif before.mode is Mode.ASKING:
        if intent == "no" and FLOW.is_action(split_state(before.state)[1]):
            assert dialog.state == before.state and len(dialog.record.history) == before.answers
        else:
            assert dialog.state != before.state, f"{intent} did not move {before.state}"
            assert len(dialog.record.history) == before.answers + 1


class CheckingListener:
    """Feeds the utterances; before each turn checks the state and what the last turn did."""

    def __init__(self, utterances: list[Utterance], dialog_ref: list[Dialog]) -> None:
        self.utterances = list(utterances)
        self.dialog_ref = dialog_ref
        self.before: Before | None = None

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        dialog = self.dialog_ref[0]
        self.check_last_turn()
        assert dialog.state in VALID and dialog.state not in FINAL_STATES, dialog.state
        assert phrases, "the recognizer always gets something to listen for"
        if not self.utterances:
            return None
        utterance = self.utterances.pop(0)
        self.before = Before(dialog.mode, dialog.state, len(dialog.record.history),
                             utterance.confident)  # fmt: skip
        return utterance

    def check_last_turn(self) -> None:
        if self.before is not None:
            check_the_turn_moved_the_machine(self.dialog_ref[0], self.before)
            self.before = None

    def close(self) -> None:
        pass


def converse(utterances: list[Utterance]) -> tuple[Dialog, Outcome]:
    ref: list[Dialog] = []
    listener = CheckingListener(utterances, ref)
    dialog = Dialog(FLOW, TEXTS, VOCAB, TextSpeaker(io.StringIO()), listener)
    ref.append(dialog)
    outcome = dialog.run()
    listener.check_last_turn()
    return dialog, outcome


def replay(outcome: Outcome) -> None:
    """The answers on record, said again from the start, pass through the same states and
    end where the session ended."""
    if not outcome.answers:
        return
    answers = list(outcome.answers)
    replayed, final = converse([Utterance("yes")] + [Utterance(SAY_FOR[a.intent]) for a in answers])
    assert [a.state for a in replayed.record.history] == [a.state for a in answers]
    if outcome.outcome == "stopped":
        assert final.final_state == outcome.final_state
    else:
        assert final.outcome == outcome.outcome
        assert (final.resolved_at_step, final.fixed_by) == (
            outcome.resolved_at_step,
            outcome.fixed_by,
        )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(heard, max_size=80))
def test_any_sequence_of_utterances(utterances):
    dialog, outcome = converse(utterances)
    assert dialog.state in FINAL_STATES and dialog.mode is Mode.ENDED
    assert (outcome.resolved_at_step is not None) == (outcome.outcome == "resolved")
    if outcome.outcome == "stopped":
        assert outcome.final_state in all_states(FLOW)
    replay(outcome)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["yes", "no", "skip", "back", "start over", "done"]),
                max_size=200))  # fmt: skip
def test_answers_alone_reach_resolved_or_unresolved(words):
    """After "yes" to begin, answers and moves alone always end the session: with one skip
    per step at most after them, it is resolved or unresolved, never left hanging."""
    tail = ["skip"] * len(FLOW.steps)
    _, outcome = converse([Utterance(w) for w in ["yes", *words, *tail]])
    assert outcome.outcome in ("resolved", "unresolved"), outcome.final_state
    replay(outcome)


def test_each_answer_moves_the_machine():
    """The plainest case of the properties above, as a fixed conversation."""
    dialog, outcome = converse([Utterance(w) for w in ("yes", "yes", "no", "done", "yes")])
    assert [t.state for t in dialog.record.turns] == [
        START, "s1.s1_apple_id", "s1.s1_sync_on", "s1.s1_turn_on", "s1.fixed",
    ]  # fmt: skip
    assert (outcome.outcome, outcome.resolved_at_step, outcome.fixed_by) == (
        "resolved", 1, "s1_turn_on",
    )  # fmt: skip


def test_every_command_has_a_handler():
    dialog = Dialog(FLOW, TEXTS, VOCAB, TextSpeaker(io.StringIO()), CheckingListener([], []))
    assert set(dialog.commands) == set(INTENTS) - set(ANSWERS)
