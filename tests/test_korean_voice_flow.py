"""The whole conversation in Korean by voice, on the tests' virtual sound devices.

`python -m assistant --lang ko` runs as a subprocess on the private sound server, as the
English end-to-end tests do (test_voice_e2e.py's Session): it speaks Korean with its Korean
voice (MBROLA hn1) into the null sink and listens to the virtual microphone with the real
Korean model. The person is played into that microphone: each answer spoken by the same
Korean voice, at a microphone's level (peak 0.5, not the synthesizer's full scale), once
the assistant listens.

The person answers what is asked, as a person would, for one situation (Sync this iPhone
was off; turning it on fixed it): the question printed decides the answer, a question asked
again gets the same answer again, and "X라고 하셨나요?" is answered 맞아요 when X means what
was meant, else 아뇨. The answers are those the recognition bench hears at confidence 1.0 at
every peak from 0.2 to 0.89 (bench/history/korean.md, "Korean", round eight): 맞아요 (the start and
the account), 꺼져 있어요, 켰어요, 동기화돼요. Not 네: hn1's 네 is heard only at 0.63 between
peaks 0.2 and 0.5 (confirmed first) and not at all at 0.89.

Any break on the Korean path fails it: the model not found or not loaded, Hangul lost in the
grammar, the Korean reading of what is heard, the flow's Korean texts, the Korean voice.
A question the situation does not lead to (a wrong path after a misheard answer), or more
turns than the path allows, fails at once with the transcript. No timing threshold: each
turn may take as long as a busy machine needs (TURN_TIMEOUT_S is only a hang guard).
"""

from __future__ import annotations

import queue
import time
from pathlib import Path

import numpy as np
import pytest
import yaml
from test_voice_e2e import LISTENING_MARK, TURN_TIMEOUT_S, Session

from assistant.audio import wav_io
from assistant.conversation.understanding import Vocabulary
from assistant.paths import PROMPTS_DIR

pytestmark = pytest.mark.audio

ANSWER_PEAK = 0.5
"""The answers' peak: a voice at a microphone's level (bench/history/korean.md, "Korean": hn1's
answers are heard best between 0.2 and 0.5)."""
RATE_WPM = 160
MAX_TURNS = 12
"""Five questions on this path; each may be confirmed or asked again once or twice."""
TEXTS = yaml.safe_load((PROMPTS_DIR / "ko.yaml").read_text(encoding="utf-8"))
CONFIRM_END = TEXTS["dialog"]["confirm"].split("{answer}")[1].split("?")[0] + "?"
# What the person means at each question, and how they say it.
SITUATION = {
    "start": ("yes", "맞아요"),
    "s1_apple_id": ("yes", "맞아요"),
    "s1_sync_on": ("no", "꺼져 있어요"),
    "s1_turn_on": ("yes", "켰어요"),
    "fixed?": ("yes", "동기화돼요"),
}
QUESTION_TEXTS = {
    "start": TEXTS["dialog"]["start_question"].split("?")[0] + "?",
    "s1_apple_id": TEXTS["nodes"]["s1_apple_id"]["prompt"],
    "s1_sync_on": TEXTS["nodes"]["s1_sync_on"]["prompt"],
    "s1_turn_on": TEXTS["nodes"]["s1_turn_on"]["prompt"],
    "fixed?": TEXTS["dialog"]["fixed_question"].split("?")[0] + "?",
}


@pytest.fixture(scope="module")
def korean_speech(tmp_path_factory):
    """speech(text) -> a WAV of the assistant's Korean voice saying it, at ANSWER_PEAK."""
    from assistant.speaking import korean_voice
    from assistant.speaking import synthesizer as synthesizers

    if not korean_voice.mbrola_installed():
        pytest.skip("MBROLA's Korean voice is not installed (script/setup installs it)")
    voice = synthesizers.create("espeak", lang="ko")
    folder = tmp_path_factory.mktemp("korean-answers")
    made: dict[str, Path] = {}

    def speech(text: str) -> Path:
        if text not in made:
            spoken = voice.synthesize(text, RATE_WPM)
            samples = wav_io.resample(spoken.samples, spoken.sample_rate_hz, 16000)
            samples = samples * (ANSWER_PEAK / max(1e-9, float(np.max(np.abs(samples)))))
            path = folder / f"{len(made)}.wav"
            wav_io.write_wav(path, wav_io.float_to_int16(samples), 16000)
            made[text] = path
        return made[text]

    yield speech
    voice.close()


def asked(printed: str) -> tuple[str | None, str | None]:
    """(the question, the answer it confirms or None) that the printed prompts end on;
    (None, None) when they name no question of the path (a re-prompt: "죄송해요, 잘 못
    들었어요. 다시, 또는 도움말이라고 말해도 돼요.")."""
    places = {q: printed.rfind(text) for q, text in QUESTION_TEXTS.items()}
    confirm = printed.rfind(CONFIRM_END)
    question = max(places, key=lambda q: places[q])
    if confirm > places[question]:
        line = printed[:confirm].splitlines()[-1]
        return "confirm", line.strip()
    if places[question] < 0:
        return None, None
    return question, None


class Person:
    """Answers the question the assistant prints, for SITUATION."""

    def __init__(self, session: Session, virtual_mic, speech, situation=None) -> None:
        self.session, self.mic, self.speech = session, virtual_mic, speech
        self.situation: dict[str, tuple[str, str]] = situation or SITUATION
        self.vocab = Vocabulary.load("ko")
        self.heard_questions: list[str] = []

    def converse(self) -> None:
        printed: list[str] = []
        question = "start"
        for _turn in range(MAX_TURNS):
            if not self._read_until_listening(printed):
                return  # the assistant ended
            asked_now, confirmed = asked("".join(printed))
            printed.clear()
            if asked_now is None:  # asked again: the same answer again
                text = self.situation[question][1]
            elif asked_now == "confirm":
                meant = self.situation[question][0]
                heard = self.vocab.parse(confirmed or "", question=question)
                text = "맞아요" if heard == meant else "아뇨"
            else:
                question = asked_now
                self.heard_questions.append(question)
                text = self.situation[question][1]
            self.mic.silence(300)  # a person takes a moment before answering
            self.mic.write_wav(self.speech(text))
        raise AssertionError(f"more than {MAX_TURNS} turns:\n{self.session.transcript()}")

    def _read_until_listening(self, printed: list[str]) -> bool:
        deadline = time.monotonic() + TURN_TIMEOUT_S
        while True:
            try:
                line = self.session.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"hung:\n{self.session.transcript()}") from None
            if line is None:
                return False
            if LISTENING_MARK in line:
                return True
            printed.append(line)


def test_the_whole_conversation_in_korean_by_voice(pulse_server, virtual_mic, korean_model_dir,
                                                   korean_speech, tmp_path):  # fmt: skip
    session = Session(pulse_server, tmp_path, korean_model_dir, ("--lang", "ko",
                                                                 "--no-voiceover"))  # fmt: skip
    try:
        person = Person(session, virtual_mic, korean_speech)
        person.converse()
        report = session.finish()
    finally:
        session.kill()
    transcript = session.transcript()
    print(f"turns: {len(report['turns'])}; asked: {person.heard_questions}")
    assert report["outcome"] == "resolved", transcript
    assert report["lang"] == "ko"
    assert report["resolved_at_step"] == 1, transcript
    assert report["fixed_by"] == "s1_turn_on", transcript
    answered = {q["id"]: q["intent"] for q in report["questions"]}
    assert answered == {"s1_apple_id": "yes", "s1_sync_on": "no", "s1_turn_on": "yes",
                        "fixed?": "yes"}, answered  # fmt: skip
    # every question of the path was asked, in order, in Korean
    assert list(dict.fromkeys(person.heard_questions)) == list(SITUATION), transcript
    assert "Voice mode: speaking and listening" in transcript
    assert "Speech output stopped working" not in transcript
    assert "espeak-ng's own" not in transcript, "the Korean voice is MBROLA hn1"
    assert TEXTS["dialog"]["resolved"].split("!")[0] in transcript


def test_stop_said_in_korean_ends_the_conversation_kept(pulse_server, virtual_mic,
                                                       korean_model_dir, korean_speech,
                                                       tmp_path):  # fmt: skip
    """A command by voice: 그만 at the first question (heard at confidence 1.0 at peaks 0.5
    and 0.89) stops, and the progress is kept, said in Korean."""
    session = Session(pulse_server, tmp_path, korean_model_dir, ("--lang", "ko",
                                                                 "--no-voiceover"))  # fmt: skip
    situation = {"start": ("yes", "맞아요"), "s1_apple_id": ("stop", "그만")}
    try:
        Person(session, virtual_mic, korean_speech, situation).converse()
        report = session.finish()
    finally:
        session.kill()
    transcript = session.transcript()
    assert report["outcome"] == "stopped", transcript
    assert report["lang"] == "ko"
    assert [t.get("intent") for t in report["turns"]][-1] == "stop", report["turns"]
    assert TEXTS["dialog"]["stopped"].split(".")[0] in transcript
