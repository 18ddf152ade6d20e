"""Korean hearing at the language's level: what the grammar does not hear surely is heard
again with the utterance scaled to `listening.level_peak` of prompts/ko.yaml.

The Korean model hears the assistant's Korean voice (MBROLA hn1) best at a peak of 0.2-0.5:
its "네" is nothing at all at the synthesizer's 0.89, and heard at 0.4 (bench/history/korean.md,
"Korean", round eight). The real model, the real voice; English has no level (unchanged).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest

from assistant.audio import wav_io
from assistant.conversation.prompt_files import PromptError
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening.listening_words import ListeningWords
from assistant.paths import PROMPTS_DIR

RATE_WPM = 160


def test_korean_has_a_listening_level_and_english_none():
    assert ListeningWords.load("ko", PROMPTS_DIR).level_peak == 0.4
    assert ListeningWords.load("en", PROMPTS_DIR).level_peak is None


@pytest.mark.parametrize("value", ["loud", 0, 1.5, True, [0.4]])
def test_a_level_that_is_no_peak_is_refused_with_its_key(tmp_path: Path, value):
    import yaml

    data = yaml.safe_load((PROMPTS_DIR / "ko.yaml").read_text(encoding="utf-8"))
    data["listening"]["level_peak"] = value
    (tmp_path / "ko.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PromptError, match="listening.level_peak"):
        ListeningWords.load("ko", tmp_path)


def _hear(engine, voice, text: str, question: str, peak: float, *, level: bool):
    """(intent, acted on at once) for the voice's text at that peak, as the voice listener
    hears it, with the language's level or without."""
    from assistant.listening import recorded_audio
    from assistant.listening.decision_to_utterance import to_utterance

    vocab = Vocabulary.load("ko")
    words = ListeningWords.load("ko", PROMPTS_DIR)
    meaning = functools.partial(vocab.parse, question=question)
    recognizer = engine.recognizer(
        vocab.phrases(INTENTS, question), 16000, meaning, distractors=words.distractors,
        continuations=words.continuations, named_words=words.named_words,
        level_peak=words.level_peak if level else None,
    )  # fmt: skip
    speech = voice.synthesize(text, RATE_WPM)
    samples = wav_io.resample(speech.samples, speech.sample_rate_hz, 16000)
    samples = samples * (peak / float(np.max(np.abs(samples))))
    decision = recorded_audio.recognize_samples(recognizer, wav_io.float_to_int16(samples))
    utterance = to_utterance(decision, meaning)
    return meaning(utterance.text), utterance.confident


@pytest.mark.audio
def test_a_short_answer_lost_at_full_scale_is_heard_at_the_korean_level(hn1, korean_engine):
    assert _hear(korean_engine, hn1, "네", "s1_apple_id", 0.89, level=False)[0] == "silence"
    assert _hear(korean_engine, hn1, "네", "s1_apple_id", 0.89, level=True)[0] == "yes"


@pytest.mark.audio
@pytest.mark.parametrize("peak", [0.05, 0.89])
def test_answers_heard_surely_stay_as_heard_at_any_level(hn1, korean_engine, peak):
    """A sure answer is never heard again (and so never changed by the level)."""
    assert _hear(korean_engine, hn1, "켰어요", "s1_turn_on", peak, level=True) == ("yes", True)
    assert _hear(korean_engine, hn1, "아뇨", "s1_apple_id", peak, level=True) == ("no", True)


@pytest.mark.audio
def test_the_korean_level_acts_on_no_speech_that_answers_nothing(hn1, korean_engine):
    """The second hearing adds no action on speech that answers nothing. (At quiet peaks
    the grammar alone already hears 아뇨 or 아직 alone, surely, in some of them:
    "강아지가 짖어요" at 0.1 is 아직; bench/history/korean.md, round eight.)"""
    sentences = ["점심에 뭐 먹을까요", "내일 회의가 몇 시예요", "바나나", "강아지가 짖어요"]
    for peak in (0.1, 0.89):
        for text in sentences:
            with_level = _hear(korean_engine, hn1, text, "s1_sync_on", peak, level=True)
            without = _hear(korean_engine, hn1, text, "s1_sync_on", peak, level=False)
            acted = with_level[1] and with_level[0] not in ("unknown", "silence")
            assert not acted or with_level == without, (text, peak, with_level, without)
            assert not (acted and peak == 0.89), (text, with_level)


@pytest.mark.audio
@pytest.mark.parametrize("question", ["s1_sync_on", "s2_photos_data"])
def test_grey_is_never_acted_on_as_yes(hn1, korean_engine, question):
    """hn1's "회색이에요" (it is grey: off) was heard as 됐어요 alone, surely, and acted on as
    yes; 됐어요 heard alone is now checked by the unrestricted pass, as 돼요 is."""
    for peak in (0.1, 0.89):
        intent, sure = _hear(korean_engine, hn1, "회색이에요", question, peak, level=True)
        assert not (sure and intent == "yes"), (peak, intent)
