"""Whatever is said, in any order: no exception, always a valid state, and the session
ends only in a final state."""

from __future__ import annotations

import io
from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import FINAL_STATES, Flow
from assistant.conversation.machine import all_states
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import Vocabulary
from assistant.interfaces import Utterance
from assistant.text_mode import TextSpeaker

FLOW = Flow.load()
TEXTS = Texts.load(FLOW)
VOCAB = Vocabulary.load()
VALID = all_states(FLOW) | set(FINAL_STATES)

said = st.one_of(
    st.sampled_from([p for i in VOCAB.phrases_by_intent for p in VOCAB.phrases([i])]),
    st.sampled_from(["", "banana", "yes no", "not okay", "um"]),
    st.text(max_size=20),
)
heard = st.builds(Utterance, text=said, confidence=st.floats(0, 1),
                  confident=st.booleans())  # fmt: skip


class CheckingListener:
    """Feeds the utterances and checks the machine's state before each turn."""

    def __init__(self, utterances: list[Utterance], dialog_ref: list[Dialog]) -> None:
        self.utterances = list(utterances)
        self.dialog_ref = dialog_ref

    def listen(self, phrases: Sequence[str]) -> Utterance | None:
        state = self.dialog_ref[0].state
        assert state in VALID and state not in FINAL_STATES, state
        assert phrases, "the recognizer always gets something to listen for"
        return self.utterances.pop(0) if self.utterances else None

    def close(self) -> None:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(heard, max_size=80))
def test_any_sequence_of_utterances(utterances):
    ref: list[Dialog] = []
    listener = CheckingListener(utterances, ref)
    dialog = Dialog(FLOW, TEXTS, VOCAB, TextSpeaker(io.StringIO()), listener)
    ref.append(dialog)
    outcome = dialog.run()
    assert dialog.state in FINAL_STATES
    assert outcome.outcome in FINAL_STATES
    assert (outcome.resolved_at_step is not None) == (outcome.outcome == "resolved")
    if outcome.outcome == "stopped":
        assert outcome.final_state in all_states(FLOW)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["yes", "no", "skip", "back", "start over", "done"]),
                min_size=60, max_size=200))  # fmt: skip
def test_answers_alone_always_reach_an_end(words):
    """Enough answers always end the session: no loop without an exit."""
    ref: list[Dialog] = []
    listener = CheckingListener([Utterance(w) for w in words] + [Utterance("skip")] * 20, ref)
    dialog = Dialog(FLOW, TEXTS, VOCAB, TextSpeaker(io.StringIO()), listener)
    ref.append(dialog)
    outcome = dialog.run()
    assert outcome.outcome in FINAL_STATES
