"""Barge-in, round three: what the monitor is unsure of is asked about, and an answer begun
over the hint is not lost when the prompt ends.

The dialog tests give the dialog the utterances barge-in hands it (text components, no sound
path); the audio tests run real recordings on the test sound server (tests/barge_in_rig.py).
"""

from __future__ import annotations

import io
import threading
import time

import numpy as np
import pytest
from audio_fixtures import dev_set_files, read_wav_16k_mono
from barge_in_rig import sound_spans_s, voice_pair, wait_until
from conversation import Queue

from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.interfaces import Utterance
from assistant.listening.barge_in import _after_last_pause, _command_within
from assistant.listening.recognizer import Decision, Word
from assistant.paths import PROMPTS_DIR
from assistant.text_mode import TextSpeaker

UNSURE_STOP_OVER_A_PROMPT = Utterance("stop", 0.62, False, barge_in_after_ms=2400)
QUESTION = "Is the Photos app set to sync with iCloud? Open Settings, then tap your name."
HINT = "Say yes or no."


def converse(*utterances: Utterance) -> tuple[Dialog, str, Queue]:
    flow = Flow.load()
    out = io.StringIO()
    heard = Queue(*utterances)
    dialog = Dialog(flow, Texts.load(flow), Vocabulary.load(), TextSpeaker(out), heard)
    dialog.run()
    return dialog, out.getvalue(), heard


def test_an_unsure_stop_over_a_prompt_is_confirmed_then_stops():
    more = Utterance("yes")
    dialog, out, heard = converse(
        Utterance("yes"), UNSURE_STOP_OVER_A_PROMPT, Utterance("yes"), more
    )
    assert "Did you say stop?" in out
    assert dialog.outcome().outcome == "stopped"
    assert heard.utterances == [more]  # it stopped on the confirmation, not for lack of input


def test_an_unsure_stop_over_a_prompt_that_was_not_said_goes_on():
    dialog, out, _ = converse(
        Utterance("yes"), UNSURE_STOP_OVER_A_PROMPT, Utterance("no"), Utterance("yes")
    )
    assert "Did you say stop?" in out
    assert out.count("signed in with the same Apple Account") == 2  # the prompt, again
    assert [a.intent for a in dialog.record.history] == ["yes"]  # then answered as usual


def test_a_sure_stop_over_a_prompt_is_not_asked_about():
    more = Utterance("yes")
    dialog, out, heard = converse(Utterance("yes"), Utterance("stop", barge_in_after_ms=2400), more)
    assert "Did you say" not in out
    assert heard.utterances == [more]


@pytest.fixture
def headphones(pulse_server, virtual_mic, vosk_model_dir, tmp_path):
    pair = voice_pair(vosk_model_dir, tmp_path / "config.toml", echo_canceller="none")
    yield pair
    pair.close()


@pytest.mark.audio
@pytest.mark.parametrize(("label", "index"), [("yes", 4), ("no", 5)])
def test_an_answer_begun_as_the_hint_ends_is_heard(headphones, virtual_mic, label, index):
    """A real answer whose first sound comes 0.15 s before "Say yes or no." ends: the prompt
    ends while the monitor is hearing it. Whether the monitor decides it before the end (the
    prompt is cut) or hands what it heard to the turn after the prompt (BargeIn.carry_
    unfinished), the turn returns that answer: before round three the turn started after the
    word and heard silence. Either path is right, so the test does not depend on where,
    under load, the prompt's end falls in the word."""
    pair = headphones
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    question = "photos_sync_on"
    phrases = vocab.phrases(INTENTS, question)
    hint = pair.speaker.synthesizer.synthesize(HINT, pair.speaker.rate_wpm)
    hint_s = len(hint.samples) / hint.sample_rate_hz
    answer = read_wav_16k_mono(dev_set_files(label)[index])
    onset_s = sound_spans_s(answer, 16000)[0]
    pair.listener.expect(phrases, question, HINT)
    speaking = threading.Thread(target=pair.speaker.say, args=(f"{QUESTION} {HINT}",))
    speaking.start()
    assert wait_until(lambda: pair.listener.barge_in.answers_open, 20.0)
    time.sleep(max(0.0, hint_s - 0.15 - onset_s))
    virtual_mic.write_samples(answer)
    speaking.join(timeout=20.0)
    assert not speaking.is_alive()
    utterance = pair.listener.listen(phrases, question)
    assert utterance is not None
    assert vocab.parse(utterance.text, question) == label, utterance
    assert np.isfinite(hint_s)


def _words(*spec: tuple[str, float, float, float]) -> list[Word]:
    return [Word(w, c, start, end) for w, c, start, end in spec]


class _Grammar:
    """What _after_last_pause reads of the monitor's recognizer: its grammar."""

    phrases = ("stop", "go back", "yes", "no")
    distractors = ("step", "set", "in")
    min_confidence = 0.85


def test_a_command_after_a_pause_is_judged_alone():
    """What the canceller let through of the prompt ("in set"), then the user's "stop" 1.3 s
    later: the recognizer joins them into one utterance that is no phrase (round three,
    tune half); the words after the pause are the command."""
    heard = Decision(
        "in set stop", 0.51, False, False, 3520, "endpoint",
        _words(("in", 0.56, 0.0, 0.33), ("set", 0.51, 0.33, 0.63), ("stop", 1.0, 1.98, 2.67)),
    )  # fmt: skip
    tail = _after_last_pause(heard, _Grammar())
    assert (tail.text, tail.in_grammar, tail.confident) == ("stop", True, True)


def test_words_without_a_pause_stay_one_utterance():
    heard = Decision(
        "set stop", 0.51, False, False, 1200, "endpoint",
        _words(("set", 0.51, 0.2, 0.5), ("stop", 1.0, 0.6, 1.0)),
    )  # fmt: skip
    assert _after_last_pause(heard, _Grammar()) is heard


def test_a_command_with_prompt_words_after_it_is_judged_on_its_own_words():
    """The linear monitor: the user's "stop" amid prompt words the linear filter let
    through, with more of them after it (round eight, tune half: "in are name on stop or"):
    the command is decided on its own word, so the double-talk rules judge that word."""
    heard = Decision(
        "in are name on stop or", 0.47, False, False, 2900, "flush",
        _words(("in", 1.0, 0.15, 0.36), ("are", 0.87, 1.47, 1.65), ("name", 1.0, 1.65, 1.95),
               ("on", 1.0, 1.95, 2.13), ("stop", 1.0, 2.13, 2.70), ("or", 0.47, 2.70, 2.82)),
    )  # fmt: skip
    command = _command_within(heard, _Grammar(), lambda text: text)
    assert (command.text, command.confident) == ("stop", True)
    assert [(w.start_s, w.end_s) for w in command.words] == [(2.13, 2.70)]


def test_prompt_words_alone_make_no_command():
    heard = Decision(
        "in set stop or", 0.47, False, False, 2900, "flush",
        _words(("in", 1.0, 0.15, 0.36), ("set", 1.0, 0.4, 0.6), ("stop", 0.62, 0.7, 1.0),
               ("or", 0.47, 1.0, 1.2)),
    )  # fmt: skip
    assert _command_within(heard, _Grammar(), lambda text: text) is heard  # an unsure "stop"


def test_an_unsure_stop_over_the_pause_reminder_does_not_end_the_session():
    """While paused only "resume" and "stop" count, and they act at once: a guess heard
    over speech is not one of them (the session is not stopped on it)."""
    more = Utterance("resume")
    dialog, out, heard = converse(
        Utterance("yes"), Utterance("pause"), Utterance("maybe"), UNSURE_STOP_OVER_A_PROMPT, more
    )
    assert heard.utterances == []  # went on to "resume": not stopped on the guess
    assert "Did you say stop?" not in out
