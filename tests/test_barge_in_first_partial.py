"""Over speech the barge-in monitor decides on the first complete partial result (a phrase
of the grammar that nothing more could change), not once it has stayed the partial for a
block: one microphone block (40 ms) of the cut saved (bench/history/barge-in.md, barge-in round
four). Real "stop" recordings, the real model, fed in the microphone's 40 ms blocks as the
monitor feeds them; audio time only, so no load can change the outcome."""

from __future__ import annotations

import pytest
from audio_fixtures import DEV_SET, read_wav_16k_mono

from assistant.conversation.understanding import INTENTS, START_QUESTION, Vocabulary
from assistant.listening import barge_in, vosk_recognizer
from assistant.listening.listening_words import ListeningWords
from assistant.paths import PROMPTS_DIR

pytestmark = pytest.mark.audio

BLOCK_BYTES = 2 * 640  # the microphone's 40 ms blocks at 16 kHz


@pytest.fixture(scope="module")
def engine(vosk_model_dir):
    return vosk_recognizer.load_engine(vosk_model_dir)


def decide(engine, samples, early_stable_ms):  # type: ignore[no-untyped-def]
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    words = ListeningWords.load("en", PROMPTS_DIR)
    recognizer = engine.recognizer(
        vocab.phrases(INTENTS, START_QUESTION), 16000,
        lambda text: vocab.parse(text, START_QUESTION),
        distractors=words.distractors, continuations=words.continuations,
        early_stable_ms=early_stable_ms,
    )  # fmt: skip
    audio = samples.tobytes()
    for start in range(0, len(audio), BLOCK_BYTES):
        decision = recognizer.accept(audio[start : start + BLOCK_BYTES])
        if decision is not None:
            return decision
    return recognizer.flush()


def test_the_monitor_decides_on_the_first_complete_partial(engine):
    assert barge_in.MONITOR_EARLY_STABLE_MS == 0
    files = sorted((DEV_SET / "stop").glob("*.wav"))[:10]  # the tests' stop recordings
    if not files:
        pytest.skip(f"no stop recordings in {DEV_SET}")
    earlier = 0
    for wav in files:
        samples = read_wav_16k_mono(wav)
        first = decide(engine, samples, barge_in.MONITOR_EARLY_STABLE_MS)
        stable = decide(engine, samples, 40)  # round three: one block unchanged
        assert first.text == stable.text, wav.name  # the same phrase, only sooner
        if first.reason == stable.reason == "early":
            assert first.decided_at_ms == stable.decided_at_ms - 40, wav.name
            earlier += 1
    assert earlier >= 5  # most stops are decided early, each a block sooner
