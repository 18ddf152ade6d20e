"""Barge-in on the real sound path: the voice Speaker and Listener of a session, the real
Vosk model, the private PulseAudio server and, with `echo_path`, the loudspeaker heard by
the microphone 6 dB down and 40 ms late (tests/audio_fixtures.py). Real people's "stop",
"yes" and "no" from the dev set are played into the microphone over the prompts.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from audio_fixtures import DEV_SET, dev_set_files, read_wav_16k_mono
from barge_in_rig import sound_spans_s, voice_pair, wait_until

from assistant.conversation.understanding import INTENTS, START_QUESTION, Vocabulary
from assistant.paths import PROMPTS_DIR

pytestmark = pytest.mark.audio

GREETING = (
    "Hello. I will help you get iCloud Photos syncing on your iPhone again, in up to seven "
    "checks, one at a time. At any time, say help, repeat, go back, pause, and stop."
)
QUESTION = "Is the Photos app set to sync with iCloud? Open Settings, then tap your name."
HINT = "Say yes or no."
# The user speaks this long after the prompt has started (or after the hint has).
SPEAK_AFTER_S = 2.0
CUT_LATENCY_MAX_S = 1.0
"""The prompt is cut within a second of the word's end. Issue 10 asks for 300 ms (median)
and 500 ms (p95): bench/history/barge-in.md has the figures (round five, with headphones: 200 / 408
ms; through the echo path the p95 is not met). A second keeps this test robust under load."""


def stop_files() -> list:
    """Real "stop" recordings (the first subset of the dev set has none)."""
    files = sorted((DEV_SET / "stop").glob("*.wav"))
    if not files:
        pytest.skip(f"no stop recordings in {DEV_SET}")
    return files


@pytest.fixture
def vocab() -> Vocabulary:
    return Vocabulary.load("en", PROMPTS_DIR)


@pytest.fixture
def pair(pulse_server, virtual_mic, vosk_model_dir, tmp_path):
    """Speakers: the echo canceller on (the default)."""
    pair = voice_pair(vosk_model_dir, tmp_path / "config.toml")
    yield pair
    pair.close()


@pytest.fixture
def headphones(pulse_server, virtual_mic, vosk_model_dir, tmp_path):
    """Headphones: no echo path and --echo-canceller none. With speakers, the canceller also
    takes much of the user's voice out while the prompt plays: 54% of real stops (check half,
    round five) interrupt through the echo path (bench/history/barge-in.md), so the
    interrupting tests run here, where the outcome depends on the recognizer alone."""
    pair = voice_pair(vosk_model_dir, tmp_path / "config.toml", echo_canceller="none")
    yield pair
    pair.close()


def say_in_background(pair, text: str) -> threading.Thread:
    thread = threading.Thread(target=pair.speaker.say, args=(text,), daemon=True)
    thread.start()
    return thread


def cut_latency_s(pair) -> float:
    """From the end of the word (capture clock) to the first block of silence (DAC clock)."""
    last = pair.listener.barge_in.last
    assert last is not None and last.word_end_adc_s is not None
    assert pair.speaker.output.cut_at_dac_s is not None
    return pair.speaker.output.cut_at_dac_s - last.word_end_adc_s


def test_own_voice_through_the_echo_path_is_not_heard(pair, echo_path, vocab):
    """The greeting names every command ("help, repeat, go back, pause, and stop"): played
    whole through the echo path: none of it interrupts, and no phrase of it is heard where it
    could act: the canceller sometimes lets one of its own words through on a loaded machine
    (a clean-clone run heard the greeting's own "repeat"), and the main monitor then refuses it
    for want of double talk, which is what makes the own voice safe. (Double talk is judged
    at the echo's measured delay: a fixed window counted the comma before a listed command as
    part of its echo, and a CI run cut the greeting on its own "pause" at 4 dB of "talk":
    assistant/listening/double_talk.py. While the canceller converges it also lets through
    distractor words, "what did time and it on". Words heard at all while nobody talks are
    the issue's target, not met: bench/history/barge-in.md counts them, 6 on round nine's
    check half.)"""
    question = START_QUESTION
    pair.listener.expect(vocab.phrases(INTENTS, question), question)
    started = time.monotonic()
    pair.speaker.say(f"{GREETING} Shall we begin? Please say yes or no.")
    assert time.monotonic() - started > 8.0  # spoken whole
    barge_in = pair.listener.barge_in
    rig = f"echo path: {echo_path.underrun_samples} missing, {echo_path.trimmed_samples} trimmed"
    assert not barge_in.interrupted, (barge_in.interrupted_by, barge_in.last, rig)
    could_act = [p for p in barge_in.phrases_heard if p not in barge_in.without_double_talk]
    assert could_act == [], barge_in.heard
    # The linear monitor (the speex filter's output, before AEC3) heard the prompt too, and
    # its double-talk rules acted on none of it (test_barge_in_linear.py: what it is for).
    assert not any(acts for *_, acts in barge_in.linear_decisions), barge_in.linear_decisions
    assert echo_path.echoed_ms > 6000  # the microphone did hear the loudspeaker
    assert pair.listener._source.detector.echo is True  # and it was cancelled all along
    assert echo_path.underrun_samples == 0  # at a steady delay


@pytest.mark.parametrize("question", ["photos_sync_on", "s4_optimized"])
def test_a_question_nobody_answers_gives_the_next_turn_nothing(
    pulse_server, virtual_mic, echo_path, vosk_model_dir, tmp_path, vocab, question
):
    """A question and its hint ("Say yes or no.") spoken whole through the echo path while
    nobody talks, then the turn after it as the dialog runs it. The monitor used to hand
    that turn what it had heard since the answers opened, whatever it was: the canceller's
    leftovers of the hint, which the turn once heard as "no" (bench/history/barge-in.md, round
    eight, s4_optimized). Only audio with someone talking over it goes on now; here none
    does, and the turn acts on nothing."""
    pair = voice_pair(vosk_model_dir, tmp_path / "config.toml", silence_timeout_ms=3000)
    try:
        phrases = vocab.phrases(INTENTS, question)
        pair.listener.expect(phrases, question, HINT)
        started = time.monotonic()
        pair.speaker.say(f"{QUESTION} {HINT}")
        assert time.monotonic() - started > 4.0  # spoken whole
        barge_in = pair.listener.barge_in
        assert barge_in.take() is None
        assert barge_in.answers_open and echo_path.echoed_ms > 3000
        assert barge_in.carried_count == 0  # the hint's echo is not an answer begun
        utterance = pair.listener.listen(phrases, question)
        acted_on = utterance is not None and vocab.parse(utterance.text, question)
        assert acted_on in (False, "silence", "unknown"), utterance
    finally:
        pair.close()


def test_own_voice_with_the_reference_lost_does_not_interrupt(pair, echo_path, vocab):
    """If what the loudspeaker plays never reaches the canceller (the reference lost or
    misaligned, seen once in a bench run), nothing is cancelled and the monitor hears the
    prompt itself: a prompt that says commands alone must still not cut itself."""
    question = START_QUESTION
    pair.speaker.output.reference = None  # the played blocks no longer reach the canceller
    pair.listener.expect(vocab.phrases(INTENTS, question), question)
    started = time.monotonic()
    pair.speaker.say("Stop. You can say that at any time, and I will end the session for you.")
    assert time.monotonic() - started > 3.0  # spoken whole
    barge_in = pair.listener.barge_in
    assert not barge_in.interrupted
    assert echo_path.echoed_ms > 2000
    # It did hear its own words as phrases that could interrupt: the guard, not the
    # canceller, kept them from acting (else this test would say nothing).
    assert barge_in.unreferenced, (barge_in.heard, barge_in.decisions)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_real_stop_over_a_prompt_cuts_it_quickly(headphones, virtual_mic, vocab, index):
    pair = headphones
    pair.listener.expect(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
    stop = read_wav_16k_mono(stop_files()[index])
    speaking = say_in_background(pair, GREETING)
    time.sleep(SPEAK_AFTER_S)
    virtual_mic.write_samples(stop)
    speaking.join(timeout=8.0)
    assert not speaking.is_alive(), "the greeting was not cut"
    utterance = pair.listener.listen(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
    assert utterance is not None and vocab.parse(utterance.text, START_QUESTION) == "stop"
    assert utterance.barge_in_after_ms is not None
    assert SPEAK_AFTER_S * 1000 < utterance.barge_in_after_ms < SPEAK_AFTER_S * 1000 + 2500
    assert cut_latency_s(pair) <= CUT_LATENCY_MAX_S


def test_after_a_cut_the_next_prompt_is_heard_whole(
    headphones, virtual_mic, vocab, speaker_recording
):
    """With barge-in, a stop aborts the output stream (what it had queued is dropped:
    playback.py, abort_on_stop, the default since round five); the stream starts again in
    the background, and what the assistant says next is heard."""
    pair = headphones
    assert pair.speaker.output.abort_on_stop
    pair.listener.expect(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
    speaking = say_in_background(pair, GREETING)
    time.sleep(SPEAK_AFTER_S)
    virtual_mic.write_samples(read_wav_16k_mono(stop_files()[0]))
    speaking.join(timeout=8.0)
    assert not speaking.is_alive(), "the greeting was not cut"
    assert pair.listener.listen(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
    rec = speaker_recording()
    started = time.monotonic()
    pair.speaker.say("Goodbye. Your session has ended.")
    spoken_s = time.monotonic() - started
    samples = rec.stop()
    first_s, last_s = sound_spans_s(samples, rec.sample_rate_hz)
    assert last_s - first_s > 1.0, (first_s, last_s, spoken_s)
    assert pair.speaker.output.restarts == 1


def test_headphones_with_the_default_canceller_hear_a_stop_whole(pair, virtual_mic, vocab):
    """No echo path, the default canceller: once a few seconds of the greeting have shown no
    echo (echo_cancel.EchoDetector), the microphone goes through uncancelled, so a real
    "stop" 6 s in is not taken out with an echo that is not there."""
    pair.listener.expect(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
    speaking = say_in_background(pair, GREETING)
    assert wait_until(lambda: pair.listener._source.detector.echo is False, 8.0)
    time.sleep(0.5)
    virtual_mic.write_samples(read_wav_16k_mono(stop_files()[1]))
    speaking.join(timeout=8.0)
    assert not speaking.is_alive(), "the greeting was not cut"
    utterance = pair.listener.listen(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
    assert utterance is not None and vocab.parse(utterance.text, START_QUESTION) == "stop"
    assert utterance.barge_in_after_ms is not None


@pytest.mark.parametrize(("label", "index"), [("yes", 0), ("no", 1), ("yes", 2)])
def test_answer_over_the_hint_is_never_taken_as_the_other_answer(
    headphones, virtual_mic, vocab, label, index
):
    """A real answer said as soon as "Say yes or no." starts, and the turn that follows the
    prompt, as the dialog runs them (listen() once say() has returned). The monitor takes a
    confident answer over the hint, an unsure one to be confirmed, and one it has not
    decided when the prompt ends goes on in the turn after it (test_barge_in_confirm.py);
    bench/history/barge-in.md has the figures. What must always hold is that it never becomes the
    other answer."""
    pair = headphones
    question = "photos_sync_on"
    phrases = vocab.phrases(INTENTS, question)
    pair.listener.expect(phrases, question, HINT)
    speaking = say_in_background(pair, f"{QUESTION} {HINT}")
    assert wait_until(lambda: pair.listener.barge_in.answers_open, 15.0)
    virtual_mic.write_samples(read_wav_16k_mono(dev_set_files(label)[index]))
    speaking.join(timeout=15.0)
    assert not speaking.is_alive()
    utterance = pair.listener.listen(phrases, question)
    other = {"yes": "no", "no": "yes"}[label]
    assert utterance is None or vocab.parse(utterance.text, question) != other


def test_an_answer_before_the_question_is_said_does_not_cut_it(pair, echo_path, virtual_mic, vocab):
    question = "photos_sync_on"
    phrases = vocab.phrases(INTENTS, question)
    pair.listener.expect(phrases, question, HINT)
    started = time.monotonic()
    speaking = say_in_background(pair, f"{QUESTION} {HINT}")
    time.sleep(0.8)
    virtual_mic.write_samples(read_wav_16k_mono(dev_set_files("yes")[3]))
    speaking.join(timeout=20.0)
    assert not pair.listener.barge_in.interrupted
    assert time.monotonic() - started > 4.0  # the whole prompt was spoken


def test_without_barge_in_nothing_is_heard_over_speech(
    pulse_server, virtual_mic, echo_path, vosk_model_dir, tmp_path, vocab
):
    pair = voice_pair(vosk_model_dir, tmp_path / "config.toml", barge_in=False)
    try:
        assert pair.listener.barge_in is None and pair.speaker.barge_in is None
        pair.listener.expect(vocab.phrases(INTENTS, START_QUESTION), START_QUESTION)
        started = time.monotonic()
        speaking = say_in_background(pair, GREETING)
        time.sleep(SPEAK_AFTER_S)
        virtual_mic.write_samples(read_wav_16k_mono(stop_files()[0]))
        speaking.join(timeout=30.0)
        assert time.monotonic() - started > 6.0  # spoken whole
    finally:
        pair.close()


def test_one_output_stream_for_prompts_and_cues(pair, speaker_recording):
    """No stream is opened or drained between clips: prompt, cue and prompt follow each
    other with the clips' own silences only."""
    from assistant.interfaces import Cue

    pair.speaker.earcons = True
    stream = None
    rec = speaker_recording()
    for _ in range(2):
        pair.speaker.say("One.")
        stream = stream or pair.speaker.output._stream
        pair.speaker.cue(Cue.LISTENING)
        assert pair.speaker.output._stream is stream
    samples = rec.stop()
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > 300)
    gaps_s = np.diff(loud) / rec.sample_rate_hz
    assert gaps_s.max() < 0.6, f"a gap of {gaps_s.max():.2f} s between clips"
