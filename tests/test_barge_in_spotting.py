"""Over speech, a command said right after other words ("and tap your name stop": prompt words the
canceller let through, then the user) is decided once it has been the last word of the
partial result for a moment, not at Vosk's endpoint ~1 s later (barge_in.CommandSpotter;
bench/history/barge-in.md, barge-in round six). Real "stop" recordings after the default voice's
prompt words, the real model, fed in the microphone's 40 ms blocks as the monitor feeds
them; audio time only, so no load can change the outcome."""

from __future__ import annotations

import numpy as np
import pytest
from audio_fixtures import DEV_SET, read_wav_16k_mono
from barge_in_rig import sound_spans_s

from assistant.audio.echo_reference import resample
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.interfaces import VoiceUnavailable
from assistant.listening import barge_in, vosk_recognizer
from assistant.listening.listening_words import ListeningWords
from assistant.paths import PROMPTS_DIR

pytestmark = pytest.mark.audio

RATE = 16_000
BLOCK_BYTES = 2 * 640  # the microphone's 40 ms blocks
QUESTION = "s1_sync_on"
PROMPT_WORDS = "Open Settings and tap your name"


@pytest.fixture(scope="module")
def engine(vosk_model_dir):
    return vosk_recognizer.load_engine(vosk_model_dir)


@pytest.fixture(scope="module")
def prompt_words() -> np.ndarray:
    return spoken_prompt_words()


def spoken_prompt_words() -> np.ndarray:
    from assistant.speaking import synthesizer

    try:
        voice = synthesizer.choose("en", None)
    except VoiceUnavailable as err:
        pytest.skip(f"no speech engine: {err}")
    speech = voice.synthesize(PROMPT_WORDS, 160)
    voice.close()
    samples = resample(speech.samples.astype(np.float32), speech.sample_rate_hz, RATE)
    return samples * 32767.0 * 0.5  # what the filter let through: quieter than the user


def hear(engine, samples: np.ndarray, spotting: bool):  # type: ignore[no-untyped-def]
    """The linear monitor's decision on samples (with 1 s of silence after), as it judges
    it: the command its last words make."""
    vocab = Vocabulary.load("en", PROMPTS_DIR)
    words = ListeningWords.load("en", PROMPTS_DIR)
    meaning = lambda text: vocab.parse(text, QUESTION)  # noqa: E731
    recognizer = engine.recognizer(
        vocab.phrases(INTENTS, QUESTION), RATE, meaning,
        distractors=words.distractors, continuations=words.continuations,
        early_stable_ms=barge_in.MONITOR_EARLY_STABLE_MS,
    )  # fmt: skip
    spotter = barge_in.CommandSpotter(meaning)
    padded = np.concatenate([samples, np.zeros(RATE)])
    audio = np.clip(padded, -32768, 32767).astype(np.int16).tobytes()
    for start in range(0, len(audio), BLOCK_BYTES):
        block = audio[start : start + BLOCK_BYTES]
        decision = spotter.accept(recognizer, block) if spotting else recognizer.accept(block)
        if decision is not None:
            return barge_in._command_within(decision, recognizer, meaning)
    return barge_in._command_within(recognizer.flush(), recognizer, meaning)


def joined(first: np.ndarray, then: np.ndarray) -> np.ndarray:
    """first's sound, then then's, with no pause between (the silences trimmed)."""
    first_end = sound_spans_s(first, RATE)[1]
    then_start = sound_spans_s(then, RATE)[0]
    return np.concatenate([first[: int(first_end * RATE)], then[int(then_start * RATE) :]])


def test_a_stop_right_after_prompt_words_is_decided_sooner(engine, prompt_words):
    files = sorted((DEV_SET / "stop").glob("*.wav"))[:10]  # the tests' stop recordings
    if not files:
        pytest.skip(f"no stop recordings in {DEV_SET}")
    sooner = 0
    for wav in files:
        samples = joined(prompt_words, read_wav_16k_mono(wav).astype(np.float64))
        spotted, waited = hear(engine, samples, True), hear(engine, samples, False)
        assert spotted.decided_at_ms <= waited.decided_at_ms, wav.name
        if spotted.text == "stop" and spotted.confident:
            assert waited.text == "stop", wav.name  # the same command, never another
            sooner += spotted.decided_at_ms <= waited.decided_at_ms - 300
    assert sooner >= 6, sooner  # 9 of the 10 when written: 400-640 ms sooner


def test_prompt_words_alone_are_not_flushed_early(engine, prompt_words):
    """No command at the end: nothing spotted, the recognizer decides as it always did."""
    spotted, waited = hear(engine, prompt_words, True), hear(engine, prompt_words, False)
    assert (spotted.text, spotted.decided_at_ms) == (waited.text, waited.decided_at_ms)
