"""The dialog tells understanding which question an utterance answers (issue 7): the flow
node id, "fixed?" for a step's fixed question, "start" at the start question, None for
"Did you say ...?"."""

from __future__ import annotations

import io
from collections.abc import Iterable

from conversation import Queue

from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import Vocabulary
from assistant.interfaces import Utterance
from assistant.text_mode import TextSpeaker


class RecordingVocabulary:
    """The real vocabulary, noting the question each utterance was parsed for."""

    def __init__(self, real: Vocabulary) -> None:
        self.real = real
        self.asked: list[str | None] = []

    def phrases(self, intents: Iterable[str]) -> list[str]:
        return self.real.phrases(intents)

    def parse(self, text: str, question: str | None = None) -> str:
        self.asked.append(question)
        return self.real.parse(text, question)


def questions_for(*utterances: Utterance) -> list[str | None]:
    flow = Flow.load()
    vocab = RecordingVocabulary(Vocabulary.load())
    speaker = TextSpeaker(io.StringIO())
    Dialog(flow, Texts.load(flow), vocab, speaker, Queue(*utterances)).run()  # type: ignore[arg-type]
    return vocab.asked


def test_each_utterance_is_parsed_for_the_question_it_answers():
    said = [Utterance(w) for w in ("yes", "yes", "repeat", "no", "done", "no", "yes")]
    assert questions_for(*said) == [
        "start", "s1_apple_id", "s1_sync_on", "s1_sync_on", "s1_turn_on", "fixed?", "s2_online",
    ]  # fmt: skip


def test_a_confirmation_is_parsed_without_a_flow_question():
    unsure = Utterance("no", confidence=0.4, confident=False)
    assert questions_for(Utterance("yes"), unsure, Utterance("yes")) == [
        "start", "s1_apple_id", None,
    ]  # fmt: skip
