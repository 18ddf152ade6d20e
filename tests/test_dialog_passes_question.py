"""The dialog tells understanding which question an utterance answers (issue 7): the flow
node id, "fixed?" for a step's fixed question, "start" at the start question, None for
"Did you say ...?"."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

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
        self.paused: list[bool] = []

    def phrases(self, intents: Iterable[str], question: str | None = None) -> list[str]:
        return self.real.phrases(intents, question)

    def parse(self, text: str, question: str | None = None, paused: bool = False) -> str:
        self.asked.append(question)
        self.paused.append(paused)
        return self.real.parse(text, question, paused)


class RecordingQueue(Queue):
    """Hears the given utterances, noting the question and phrases each turn listened for."""

    def __init__(self, *utterances: Utterance) -> None:
        super().__init__(*utterances)
        self.turns: list[tuple[str | None, list[str]]] = []

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        self.turns.append((question, list(phrases)))
        return super().listen(phrases, question)


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


def test_the_listener_hears_the_question_and_its_own_answers():
    """A recognizer is told which question it listens for, and its grammar holds that
    question's own answers ("it's off" at Sync this iPhone) besides the general ones."""
    flow = Flow.load()
    listener = RecordingQueue(Utterance("yes"), Utterance("yes"))
    speaker = TextSpeaker(io.StringIO())
    Dialog(flow, Texts.load(flow), Vocabulary.load(), speaker, listener).run()
    questions = [q for q, _ in listener.turns]
    assert questions[:3] == ["start", "s1_apple_id", "s1_sync_on"]
    at_sync = listener.turns[2][1]
    at_start = listener.turns[0][1]
    own = set(at_sync) - set(at_start)
    assert own, "s1_sync_on's grammar has no answers of its own"
    vocab = Vocabulary.load()
    assert {vocab.parse(p, "s1_sync_on") for p in own} <= {"yes", "no"}


def test_a_confirmation_is_parsed_without_a_flow_question():
    unsure = Utterance("no", confidence=0.4, confident=False)
    assert questions_for(Utterance("yes"), unsure, Utterance("yes")) == [
        "start", "s1_apple_id", None,
    ]  # fmt: skip


def test_while_paused_coming_back_with_an_answer_resumes_and_the_question_is_asked_again():
    """ "I'm back, it's on": not paused it answers; paused, only coming back counts."""
    flow = Flow.load()
    vocab = RecordingVocabulary(Vocabulary.load())
    out = io.StringIO()
    said = ("yes", "yes", "pause", "I'm back, it's on", "I'm back, it's on")
    Dialog(flow, Texts.load(flow), vocab, TextSpeaker(out), Queue(*map(Utterance, said))).run()  # type: ignore[arg-type]
    assert vocab.paused == [False, False, False, True, False]
    assert vocab.asked[3:] == ["s1_sync_on", "s1_sync_on"]  # resumed, then answered yes
    assert "Safari" in out.getvalue()  # the yes moved on to step 2
