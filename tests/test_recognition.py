"""Recognition of spoken answers on real audio: human recordings and synthesized voices.

The dev set targets (from the issue) are asserted here on the whole dev set: yes and no
right >= 97%, yes never taken for no nor no for yes, "stop" heard as stop >= 95%, other
words acted on (an answer or a command, without asking) at most 2% and taken as an answer
at most 5% counting "Did you say ...?", noise never. "Right" includes an answer heard but
not confidently: the dialog then asks "Did you say no?".
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from audio_fixtures import dev_set_file, dev_set_files, whole_dev_set_files
from test_wav_io import write_endless_recording

from assistant.audio import wav_io
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening import noisy_room, recorded_audio, vosk_recognizer
from assistant.listening.decision_to_utterance import dialog_text, to_utterance
from assistant.listening.listening_words import ListeningWords
from assistant.listening.recognizer import Decision

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "bench"))
import bench_spoken_phrasings as bench_phrasings  # noqa: E402

ANSWERS = ("yes", "no")

pytestmark = pytest.mark.audio


@cache
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@cache
def words() -> ListeningWords:
    return ListeningWords.load("en", REPO_ROOT / "prompts")


@pytest.fixture(scope="session")
def engine(vosk_model_dir):
    started = time.perf_counter()
    loaded = vosk_recognizer.load_engine(vosk_model_dir)
    load_s = time.perf_counter() - started
    assert load_s < 5, f"model load took {load_s:.1f} s"
    return loaded


def new_recognizer(engine, **options) -> vosk_recognizer.PhraseRecognizer:
    """A fresh recognizer, as the assistant makes one for every answer."""
    return engine.recognizer(
        vocab().phrases(INTENTS), 16000, vocab().parse,
        distractors=words().distractors, continuations=words().continuations,
        named_words=words().named_words, **options,
    )  # fmt: skip


@pytest.fixture(scope="session")
def recognize(engine):
    """samples -> Decision, each with a fresh recognizer."""
    return lambda samples: recorded_audio.recognize_samples(new_recognizer(engine), samples)


def intent_of(decision: Decision) -> str:
    """The intent the dialog would act on (silence and unknown included)."""
    return vocab().parse(dialog_text(decision, vocab().parse))


# --- the shared dev set of real recordings ---------------------------------------------------


@pytest.fixture(scope="session")
def dev_results(recognize, engine):
    results: dict[str, list[tuple[str, Decision]]] = {}
    compute_s = audio_s = plain_s = 0.0
    for label in ("yes", "no", "stop", "unknown", "silence"):
        results[label] = []
        for wav in whole_dev_set_files(label):
            samples = wav_io.read_wav_16k_mono(wav)
            started = time.process_time()
            decision = recognize(samples)
            compute_s += time.process_time() - started
            audio_s += (decision.decided_at_ms + 300) / 1000  # audio fed, lead-in included
            results[label].append((wav.name, decision))
            # The baseline, right after on the same audio: one plain Vosk decode, no grammar.
            fed = np.zeros(int(16 * (decision.decided_at_ms + 300)), np.int16)
            part = samples[: len(fed) - 4800]
            fed[4800 : 4800 + len(part)] = part  # the same 300 ms lead-in, then the audio
            started = time.process_time()
            engine.transcribe(fed.tobytes(), 16000)
            plain_s += time.process_time() - started
    # CPU time of this process, not wall time: other jobs on the machine do not count.
    results["_rtf"] = compute_s / audio_s  # type: ignore[assignment]
    results["_plain_rtf"] = plain_s / audio_s  # type: ignore[assignment]
    return results


@pytest.mark.parametrize("label", ANSWERS)
def test_dev_set_answers_right_at_least_97_percent(dev_results, label):
    outcomes = [intent_of(d) for _, d in dev_results[label]]
    right = sum(o == label for o in outcomes) / len(outcomes)
    assert right >= 0.97, f"{label}: {right:.1%} right; heard {outcomes}"


def test_dev_set_never_confuses_yes_and_no(dev_results):
    for label, other in (("yes", "no"), ("no", "yes")):
        swapped = [name for name, d in dev_results[label] if intent_of(d) == other]
        assert swapped == [], f"{label} taken for {other}: {swapped}"


@pytest.mark.parametrize("label", ["unknown", "silence"])
def test_dev_set_other_words_and_noise_rarely_taken_as_an_answer(dev_results, label):
    taken = [(n, d.text) for n, d in dev_results[label] if intent_of(d) in ANSWERS]
    rate = len(taken) / len(dev_results[label])
    assert rate <= 0.05, f"{label}: {rate:.1%} taken as an answer: {taken}"
    # And never acted on without asking: anything taken is at most a "did you say ...?".
    confident = [n for n, d in dev_results[label] if intent_of(d) in ANSWERS and d.confident]
    assert confident == []


def acted_on(decision: Decision) -> bool:
    """The dialog would act on it without asking: a confident answer, or any command."""
    intent = intent_of(decision)
    if intent in ("unknown", "silence"):
        return False
    return intent not in ANSWERS or decision.confident


def test_dev_set_other_words_are_rarely_acted_on_and_noise_never(dev_results):
    acted = [(n, d.text) for n, d in dev_results["unknown"] if acted_on(d)]
    assert len(acted) / len(dev_results["unknown"]) <= 0.02, acted
    assert [(n, d.text) for n, d in dev_results["silence"] if intent_of(d) != "silence"] == []


def test_dev_set_stop_is_heard_as_stop_at_least_95_percent(dev_results):
    outcomes = [(n, d.text, intent_of(d)) for n, d in dev_results["stop"]]
    missed = [o for o in outcomes if o[2] != "stop"]
    right = 1 - len(missed) / len(outcomes)
    assert right >= 0.95, f"stop: {right:.1%} right; missed {missed}"


def test_a_synonym_heard_alone_is_asked_again_when_the_unrestricted_pass_hears_other_words(
    recognize,
):
    """Two speakers' "sheila", heard by the grammar as "sure" at confidence 1.0 (a synonym of
    yes that the prompts never ask for); the unrestricted pass hears "she'll"."""
    for name in ("unknown/sheila_44260689_nohash_0.wav", "unknown/sheila_af405b69_nohash_1.wav"):
        decision = recognize(wav_io.read_wav_16k_mono(dev_set_file(name)))
        assert intent_of(decision) == "unknown", (name, decision)


def test_stop_heard_as_step_is_decided_by_the_one_word_phrases(recognize):
    """Real "stop"s the grammar heard as "step" (of "next step") or as "stop" unsure: the
    one-word phrases' grammar is certain and the unrestricted pass agrees. Two speakers."""
    for name in ("stop/9b3ea809_nohash_0.wav", "stop/63f7a489_nohash_3.wav"):
        decision = recognize(wav_io.read_wav_16k_mono(dev_set_file(name)))
        assert (intent_of(decision), decision.confident) == ("stop", True), (name, decision)
        assert decision.reason.endswith("+one-word"), (name, decision)


def test_a_one_word_command_is_not_taken_from_a_grammar_that_is_only_confident(recognize):
    """ "house": the one-word grammar hears "help" at 0.92, the unrestricted pass "help" at
    0.27: not certain, so not acted on."""
    wav = dev_set_file("unknown/house_6e916de8_nohash_0.wav")
    decision = recognize(wav_io.read_wav_16k_mono(wav))
    assert not acted_on(decision), decision


def test_dev_set_decisions_come_soon_after_the_last_word(dev_results):
    delays_ms = [
        d.decided_at_ms - d.speech_end_ms
        for label in ANSWERS
        for _, d in dev_results[label]
        if intent_of(d) == label and d.speech_end_ms is not None
    ]
    assert statistics.median(delays_ms) <= 350, sorted(delays_ms)
    assert sorted(delays_ms)[int(0.9 * len(delays_ms))] <= 500, sorted(delays_ms)


def test_recognition_costs_well_under_a_plain_decode(dev_results):
    """The recognizer's CPU time against one plain Vosk decode (no grammar) of the same audio,
    measured file by file in this process. Absolute CPU time per second of audio moved
    0.087-0.108 on the same code over hours on this shared host (one commit read under 0.1,
    then 0.106 a few minutes later, the machine otherwise idle), so the absolute target
    (< 0.1x real time) is the bench's figure, a median of paired runs (README, "Measured");
    this checks the cost relative to the baseline: 0.377 when it was written."""
    ratio = dev_results["_rtf"] / dev_results["_plain_rtf"]
    assert ratio < 0.4, (ratio, dev_results["_rtf"], dev_results["_plain_rtf"])


def test_early_endpointing_beats_vosk_default(engine, recognize):
    default = new_recognizer(engine, early_stable_ms=None)
    wav = dev_set_files("yes")[0]
    samples = wav_io.read_wav_16k_mono(wav)
    ours = recognize(samples)
    theirs = recorded_audio.recognize_samples(default, samples)
    assert ours.text == theirs.text == "yes"
    assert ours.reason == "early" and theirs.reason == "endpoint"
    assert ours.decided_at_ms + 300 < theirs.decided_at_ms


# --- synthesized answers (espeak-ng, several voices and rates) -------------------------------

VOICES = ("en-us", "en-gb", "en-us+f3")
RATES_WPM = (130, 175, 230)
ANSWER_WORDS = {"yes": "yes", "no": "no", "yeah": "yes", "nope": "no", "done": "yes",
                "not yet": "no", "it didn't work": "no", "i'm done": "yes"}  # fmt: skip
COMMAND_WORDS = {"go back": "back", "repeat": "repeat", "stop": "stop", "help": "help",
                 "start over": "start_over", "skip this step": "skip"}  # fmt: skip


def espeak_wav(tmp_dir: Path, text: str, voice: str = "en-us", rate_wpm: int = 175) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    path = tmp_dir / f"{voice}_{rate_wpm}_{text.replace(' ', '_')}.wav"
    if not path.exists():
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(rate_wpm), "-w", str(path), text],
            check=True,
            capture_output=True,
        )
    return path


@pytest.fixture(scope="session")
def synth_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("espeak")


@pytest.fixture(scope="session")
def synth_results(recognize, synth_dir):
    results = []
    for voice in VOICES:
        for rate in RATES_WPM:
            for text, intent in {**ANSWER_WORDS, **COMMAND_WORDS}.items():
                # espeak-ng writes 22050 Hz: this also exercises the resampling.
                wav = espeak_wav(synth_dir, text, voice, rate)
                decision = recognize(wav_io.read_wav_16k_mono(wav))
                results.append((voice, rate, text, intent, decision))
    return results


def test_synthesized_answers_mostly_right_and_never_swapped(synth_results):
    answers = [r for r in synth_results if r[3] in ANSWERS]
    right = [r for r in answers if intent_of(r[4]) == r[3]]
    swapped = [r[:3] for r in answers if intent_of(r[4]) in ANSWERS and intent_of(r[4]) != r[3]]
    assert swapped == []
    # Measured 84-96% per voice; synthetic voices are harder for the model than people.
    assert len(right) / len(answers) >= 0.8, [(r[:3], r[4].text) for r in answers]


def test_synthesized_commands_never_confidently_wrong(synth_results):
    commands = [r for r in synth_results if r[3] not in ANSWERS]
    wrong = [
        (r[:3], r[4].text)
        for r in commands
        if intent_of(r[4]) not in (r[3], "unknown", "silence") and r[4].confident
    ]
    assert wrong == []
    right = sum(intent_of(r[4]) == r[3] for r in commands)
    assert right / len(commands) >= 0.75


def test_pyttsx3_synthesized_answer(recognize):
    """pyttsx3 (espeak-ng driver) too, through the assistant's own synthesizer, which waits
    until espeak-ng is idle before reading the file. With raw save_to_file() + runAndWait()
    a "no" once came back as silence in a full run on a loaded machine (not reproduced
    alone: a wait on the driver, not the recognizer, is the suspect)."""
    pytest.importorskip("pyttsx3")
    from assistant.interfaces import VoiceUnavailable
    from assistant.speaking.pyttsx3_synthesizer import Pyttsx3Synthesizer

    try:
        synthesizer = Pyttsx3Synthesizer("espeak")
    except VoiceUnavailable as exc:  # no espeak-ng library
        pytest.skip(f"pyttsx3 cannot start: {exc}")
    heard = {}
    for text in ("yes", "no"):
        speech = synthesizer.synthesize(text, 175)
        samples = wav_io.resample(speech.samples, speech.sample_rate_hz, 16000)
        heard[text] = intent_of(recognize(wav_io.float_to_int16(samples)))
    assert heard == {"yes": "yes", "no": "no"}


@pytest.mark.parametrize(
    ("first", "second", "intent"), [("it", "didn't work", "no"), ("i don't", "think so", "no")]
)
def test_a_pause_mid_phrase_is_not_cut_off(recognize, synth_dir, first, second, intent):
    """ "it" ... "didn't work": deciding on "it" alone would be wrong (or "i" ... )."""
    pause = np.zeros(int(16000 * 0.45), np.int16)
    samples = np.concatenate(
        [wav_io.read_wav_16k_mono(espeak_wav(synth_dir, part)) if part else pause
         for part in (first, "", second)]
    )  # fmt: skip
    decision = recognize(samples)
    assert intent_of(decision) == intent, decision


def heard_in_every_test_voice(recognize, synth_dir, *parts: str) -> list[tuple[str, str, bool]]:
    """(voice and rate, intent, confident) for parts spoken with 300 ms pauses between."""
    pause = np.zeros(int(16000 * 0.3), np.int16)
    heard = []
    for voice in VOICES:
        for rate in RATES_WPM:
            spoken = [
                wav_io.read_wav_16k_mono(espeak_wav(synth_dir, p, voice, rate)) for p in parts
            ]
            samples = np.concatenate([x for part in spoken for x in (part, pause)][:-1])
            decision = recognize(samples)
            heard.append((f"{voice}@{rate}", intent_of(decision), decision.confident))
    return heard


@pytest.mark.parametrize("parts", [("definitely not",), ("definitely", "not")])
def test_definitely_not_is_never_taken_as_yes(recognize, synth_dir, parts):
    """ "definitely" alone is yes: deciding before "not" arrives (or dropping the "not" the
    grammar missed) flipped the answer. Measured: 7 of 9 voices heard as no in one breath,
    5 of 9 with a pause after "definitely"; never a yes acted on."""
    heard = heard_in_every_test_voice(recognize, synth_dir, *parts)
    assert [h for h in heard if h[1] == "yes" and h[2]] == []
    assert [h for h in heard if h[1] not in ("no", "yes", "unknown", "silence")] == []
    assert sum(h[1] == "no" for h in heard) >= (6 if len(parts) == 1 else 4), heard


def test_start_from_scratch_is_not_decided_on_lets_start(recognize, synth_dir):
    """ "let's start" is yes (at the start question); "... from scratch" is start over."""
    heard = heard_in_every_test_voice(recognize, synth_dir, "let's start from scratch")
    assert [h for h in heard if h[1] not in ("start_over", "unknown")] == []
    assert sum(h[1] == "start_over" for h in heard) >= 7, heard


def test_wait_go_back_is_not_decided_on_wait(recognize, synth_dir):
    """ "wait" alone is pause; followed by a command it is a correction, never decided early."""
    heard = heard_in_every_test_voice(recognize, synth_dir, "wait", "go back")
    assert [h for h in heard if h[1] not in ("back", "unknown")] == []
    assert sum(h[1] == "back" for h in heard) >= 7, heard


@pytest.mark.parametrize(
    ("text", "intent"), [("let's keep going", "resume"), ("from the beginning", "start_over")]
)
def test_an_unsure_early_decision_waits_for_the_whole_phrase(recognize, synth_dir, text, intent):
    """The grammar decided "let's skip" (of "let's keep going") or "from the begin" early and
    unsure, and the unrestricted pass then had only the audio up to there: asked again (3 and
    6 of the 9 test voices right before). Held like a prefix, the pass reads the whole
    utterance: 9 of 9 measured."""
    heard = heard_in_every_test_voice(recognize, synth_dir, text)
    assert [h for h in heard if h[1] not in (intent, "unknown", "silence")] == []
    assert sum(h[1] == intent and h[2] for h in heard) >= 8, heard


@pytest.mark.parametrize(
    ("text", "intent", "at_least"), [("previous question", "back", 6), ("I guess so yes", "yes", 8)]
)
def test_an_early_decision_the_unrestricted_pass_does_not_confirm_waits_for_the_whole_phrase(
    recognize, synth_dir, text, intent, at_least
):
    """The grammar decided "previous" (or "again", of "I guess") early and confidently, and
    the unrestricted pass that checks such a word had only the audio up to there ("premium",
    "i guess"): asked again. Not confirmed, the decision now waits for the whole phrase, as
    an unsure one does (round four). Of the 9 test voices, right before / after: "previous
    question" 1 / 7, "I guess so yes" 7 / 9."""
    heard = heard_in_every_test_voice(recognize, synth_dir, text)
    assert [h for h in heard if h[1] not in (intent, "unknown", "silence")] == []
    assert sum(h[1] == intent for h in heard) >= at_least, heard


def test_the_talk_after_an_answer_is_not_acted_on(engine, synth_dir):
    """Two other voices at 10 dB below a command: the unrestricted pass, reading to the end
    of the utterance, transcribed the answer and the talk after it ("sleek not really" for
    "speak up") and acted on it as no. Its words far quieter than the answer are now left
    out and its audio there turned down (background_speech.py, round four). Measured on
    these 36 files: 8 heard as another answer before (1 acted on, 7 "Did you say no?"), 1
    after ("Did you say no?" for a "speed up"), none acted on."""
    heard = []
    for text in ("speak up", "speed up", "sure", "um yes"):
        for voice in VOICES:
            for rate in RATES_WPM:
                speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text, voice, rate))
                decision = recorded_audio.recognize_samples(
                    new_recognizer(engine), with_talkers(synth_dir, speech),
                    leading_silence_ms=0, trailing_silence_ms=0,
                )  # fmt: skip
                utterance = to_utterance(decision, vocab().parse)
                heard.append((text, f"{voice}@{rate}", vocab().parse(utterance.text),
                              utterance.confident))  # fmt: skip
    intents = {"speak up": "louder", "speed up": "faster", "sure": "yes", "um yes": "yes"}
    wrong = [h for h in heard if h[2] not in (intents[h[0]], "unknown", "silence")]
    assert [h for h in wrong if h[3]] == [], heard
    assert len(wrong) <= 2, heard


def test_a_command_whose_unsure_words_carry_no_meaning_is_acted_on(recognize, synth_dir):
    """ "how many steps are left" transcribed with "are" (or "alt") under 0.85: the clear
    words alone mean where as well, so it is acted on (3 of 9 test voices before; 7 of 9
    measured: en-us+f3's "how many steps or lived" has two unsure words, and a transcript
    with several stays unsure, which talk nearby needs); never another action."""
    heard = heard_in_every_test_voice(recognize, synth_dir, "how many steps are left")
    assert [h for h in heard if h[1] not in ("where", "unknown", "silence")] == []
    assert sum(h[1] == "where" and h[2] for h in heard) >= 7, heard


@cache
def rhvoice_engine():
    try:
        from assistant.speaking.rhvoice_library import RHVoiceEngine

        return RHVoiceEngine()
    except Exception as exc:  # the library or its voices missing
        pytest.skip(f"RHVoice is not installed (script/setup installs it): {exc}")


def rhvoice_speech(text: str, voice: str, rate: float) -> np.ndarray:
    """16 kHz int16 speech from RHVoice's C library (as the assistant speaks), silence cut."""
    chunks: list[bytes] = []
    rate_hz = rhvoice_engine().speak(text, voice, rate, 1.0, lambda c: chunks.append(c) is None)
    samples = np.frombuffer(b"".join(chunks), np.int16).astype(np.float32) / 32768
    speech = wav_io.to_16k_mono_int16(samples, rate_hz)
    loud = np.flatnonzero(np.abs(speech.astype(np.int32)) > 300)
    return speech[loud[0] : loud[-1] + 1]


def test_the_persons_own_soft_last_word_is_not_taken_for_talk_after_the_answer(recognize):
    """RHVoice slt ends these phrases on a soft word ("help", "quit", "up": by mean power
    6-9 dB below the loudest word), which the rule for talk after the answer left out
    ("i need": two readings, asked again). A word's level is now that of its loudest 30
    ms, and a soft word between two loud ones is kept (round five). Measured on these 18
    files (slt at 0.8 / 1.0 / 1.2 of its rate): right before / after 7 / 14, never
    another intent ("turn it down" is still asked again: "down" is 6.7 dB below "turn" at
    its loudest)."""
    phrases = {"I need help": "help", "I want to quit": "stop", "turn it up": "louder",
               "turn it down": "quieter", "just a sec": "pause",
               "how many steps are left": "where"}  # fmt: skip
    heard = []
    for text, intent in phrases.items():
        for rate in (0.8, 1.0, 1.2):
            decision = recognize(rhvoice_speech(text, "slt", rate))
            heard.append((text, rate, intent_of(decision), intent))
    assert [h for h in heard if h[2] not in (h[3], "unknown", "silence")] == []
    assert sum(h[2] == h[3] for h in heard) >= 13, heard


def heard_at_question(engine, synth_dir, text: str, question: str | None) -> list[tuple]:
    """(voice and rate, intent, confident, reason) in every test voice, at a question."""
    meaning = functools.partial(vocab().parse, question=question)
    heard = []
    for voice in VOICES:
        for rate in RATES_WPM:
            recognizer = engine.recognizer(
                vocab().phrases(INTENTS, question), 16000, meaning,
                distractors=words().distractors, continuations=words().continuations,
                named_words=words().named_words,
            )  # fmt: skip
            speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text, voice, rate))
            decision = recorded_audio.recognize_samples(recognizer, speech)
            utterance = to_utterance(decision, meaning)
            heard.append(
                (f"{voice}@{rate}", meaning(utterance.text), utterance.confident, decision.reason)
            )
    return heard


@pytest.mark.parametrize(
    ("text", "question", "intent", "at_least"),
    [("it's syncing", "fixed?", "yes", 7), ("where am I", None, "where", 8)],
)
def test_an_alternative_both_passes_anchor_is_taken(
    engine, synth_dir, text, question, intent, at_least
):
    """The small model writes "it's syncing" as "it's thinking" (the grammar: "it think"),
    "where am I" as "where are my" (the grammar: "where am"): asked again. The meant phrase
    is among the alternatives of both passes, nothing else there means anything, and it
    shares words with both best readings: taken (an answer confirmed, "Did you say yes?",
    unless both passes' alternatives have it). Of the 9 test voices, right with the n-best
    off / on: "it's syncing" 5 / 7, "where am I" 6 / 8 (round five)."""
    heard = heard_at_question(engine, synth_dir, text, question)
    assert [h for h in heard if h[1] not in (intent, "unknown", "silence")] == []
    assert sum(h[1] == intent for h in heard) >= at_least, heard


def test_an_alternative_no_best_reading_supports_is_not_taken(engine, synth_dir):
    """ "nah" (no word of the small model): the grammar heard "are", the unrestricted pass
    "the", and "they are" (yes) is an alternative of the grammar's n-best. Shared with
    the grammar's reading but not the pass's, it is a guess: asked again, never yes. (The
    grammar alone hears en-us+f3's "nah" at 230 wpm as "they are", confidently, with or
    without the n-best: a miss of the grammar, not of this rule.)"""
    heard = heard_at_question(engine, synth_dir, "nah", None)
    taken = [h for h in heard if "+nbest" in h[3]]
    assert [h for h in taken if h[1] not in ("no", "unknown", "silence")] == [], heard
    assert [h for h in heard if h[1] == "yes" and h[0] != "en-us+f3@230"] == [], heard


TALK = ("The weather tomorrow will be cloudy with a chance of rain in the afternoon. "
        "Our next guest has written three books about gardening.")  # fmt: skip


def with_talkers(synth_dir: Path, speech: np.ndarray, snr_db: float = 10.0) -> np.ndarray:
    """speech (300 ms in, 1.5 s after) with two other voices talking over all of it."""
    voices = [
        wav_io.read_wav_16k_mono(espeak_wav(synth_dir, TALK, v, 165)).astype(np.float32)
        for v in ("en-gb-scotland", "en-029")
    ]
    length = min(len(v) for v in voices)
    babble = (voices[0][:length] + voices[1][:length]) / 2
    spoken = speech.astype(np.float32)
    spoken = spoken[np.flatnonzero(np.abs(spoken) > 300)[0] :]
    padded = np.concatenate([np.zeros(4800, np.float32), spoken, np.zeros(24000, np.float32)])
    part = babble[8000 : 8000 + len(padded)]
    gain = np.sqrt(np.mean(spoken**2) / np.mean(part**2)) / 10 ** (snr_db / 20)
    return np.clip(padded + gain * part, -32768, 32767).astype(np.int16)


def decided_in_noise(engine, samples: np.ndarray, meaning, question: str | None) -> Decision:
    """A fresh recognizer's decision at question on samples that carry their own silence
    and noise around the speech (none added)."""
    recognizer = engine.recognizer(
        vocab().phrases(INTENTS, question), 16000, meaning,
        distractors=words().distractors, continuations=words().continuations,
        named_words=words().named_words,
    )  # fmt: skip
    return recorded_audio.recognize_samples(
        recognizer, samples, leading_silence_ms=0, trailing_silence_ms=0
    )


def test_the_n_best_is_not_read_with_people_talking_nearby(engine, synth_dir):
    """The n-best's alternatives are near-ties, and with talk around the answer they are the
    talk's words ("that's again" for "skip", acted on as repeat, round five's tuning): it
    is read only for speech well clear of its background (free_pass.NBEST_CLEAR_DB). The
    same phrasings that take an alternative in clean speech
    (test_an_alternative_both_passes_anchor_is_taken), with talkers at 10 dB: never."""
    reasons = []
    for text, question in (("it's syncing", "fixed?"), ("where am I", None)):
        meaning = functools.partial(vocab().parse, question=question)
        for voice in VOICES:
            speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text, voice, 175))
            decision = decided_in_noise(engine, with_talkers(synth_dir, speech), meaning, question)
            reasons.append((text, voice, decision.text, decision.reason))
    assert [r for r in reasons if "+nbest" in r[3]] == [], reasons


def test_background_talkers_are_not_heard_as_the_answer(engine, synth_dir):
    """Two other voices at 10 dB below the answer: their words, joined to it by the grammar
    ("yeah" then "on not really"), made other answers: 9 of these 27 files heard as "no"
    (2 "yes", 6 "yeah", 1 "go back") before the words far quieter than the loudest were
    left out (background_speech.py); 1 after, the rest right or asked again."""
    heard = []
    for text, intent in (("yes", "yes"), ("yeah", "yes"), ("go back", "back")):
        for voice in VOICES:
            for rate in RATES_WPM:
                speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text, voice, rate))
                decision = recorded_audio.recognize_samples(
                    new_recognizer(engine), with_talkers(synth_dir, speech),
                    leading_silence_ms=0, trailing_silence_ms=0,
                )  # fmt: skip
                heard.append((text, f"{voice}@{rate}", intent, intent_of(decision)))
    wrong = [h for h in heard if h[3] not in (h[2], "unknown", "silence")]
    assert len(wrong) <= 2, wrong
    assert sum(h[3] == h[2] for h in heard) >= 14, heard


def test_a_quiet_room_is_heard_once(engine):
    """Real people's answers, fed as a microphone gives them (no digital silence around
    them: the barge-in monitor, a live turn), are not heard a second time: their room's
    floor stands 25-49 dB below them, as loud as talk 10 dB down by round six's measure,
    but steady (noisy_room.noisy, round seven)."""
    vocab = Vocabulary.load("en")
    heard_again = []
    for label in ("yes", "no", "stop"):
        for wav in whole_dev_set_files(label)[:8]:
            recognizer = engine.recognizer(
                vocab.phrases(INTENTS, "s1_sync_on"),
                16000,
                lambda text: vocab.parse(text, "s1_sync_on"),
            )
            decision = recorded_audio.recognize_samples(
                recognizer, wav_io.read_wav_16k_mono(wav),
                leading_silence_ms=0.0, trailing_silence_ms=0.0)  # fmt: skip
            if "+quieted" in decision.reason:
                heard_again.append((label, wav.name, decision.reason))
    assert heard_again == []


def test_a_quiet_room_is_heard_as_it_was(dev_results, synth_results):
    """The second hearing with the noise suppressed (noisy_room.py) is for rooms that
    never go quiet: the suppressor costs clean speech (88.0% against 90.2% right on the
    tuning voices when run on everything, round six). The dev set's real recordings, noise
    clips included, and clean synthesized answers are never heard again."""
    heard_again = [
        (label, name, d.reason)
        for label, results in dev_results.items()
        if not label.startswith("_")
        for name, d in results
        if "+quieted" in d.reason
    ]
    heard_again += [(r[0], r[2], r[4].reason) for r in synth_results if "+quieted" in r[4].reason]
    assert heard_again == []


def test_talk_around_an_answer_makes_a_noisy_room(synth_dir):
    """Two voices 10 dB below an answer: a noisy room; the answer alone: a quiet one."""
    speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, "yes it's switched on"))
    quiet = np.concatenate([np.zeros(4800, np.int16), speech, np.zeros(24000, np.int16)])
    assert not noisy_room.noisy(quiet.tobytes(), 16000)
    assert noisy_room.noisy(with_talkers(synth_dir, speech).tobytes(), 16000)


def test_talkers_make_a_noisy_room_and_a_steady_noise_does_not():
    """The bench's own mixes (bench_spoken_phrasings.talkers, pink and mix, seeded), with a
    quiet microphone floor under them (no digital silence): people talking 10 dB below the
    answer come and go and are a noisy room; pink noise as loud is steady and is not, nor
    the answer alone over the floor (noisy_room.noisy; bench/bench_noisy_room.py, round
    seven: talkers 95% of the tuning voices' files, pink and clean none)."""
    folder = Path(tempfile.mkdtemp(prefix="noisy-room-"))
    try:
        rng = np.random.default_rng(3)
        noises = {"talkers": bench_phrasings.talkers(folder),
                  "pink": bench_phrasings.pink(16000 * 30, rng), "clean": None}  # fmt: skip
        called: dict[str, int] = {name: 0 for name in noises}
        texts = [text for _intent, _question, text in bench_phrasings.load_phrasings()[::6]]
        for name, noise in noises.items():
            for text in texts:
                speech = bench_phrasings.espeak(folder, text, "en-us", 175)
                mixed = bench_phrasings.mix(speech, noise, 10.0, rng).astype(np.float64)
                floor = rng.normal(0.0, 30.0, len(mixed))  # about -60 dBFS, a quiet room
                heard = np.clip(mixed + floor, -32768, 32767).astype(np.int16)
                called[name] += noisy_room.noisy(heard.tobytes(), 16000)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert called["talkers"] >= 0.9 * len(texts), called
    assert called["pink"] == called["clean"] == 0, called


def test_a_long_answer_decided_at_its_last_word_is_no_noisy_room(synth_dir):
    """An answer decided at its last word is mostly speech: its own soft parts read as a
    loud room that comes and goes, unless the room outside its words, quiet, says
    otherwise (noisy_room.noisy's speech_s). Round seven's first held-out run: clean and
    pink answers decided early heard again (5 and 18 of 408). Here: 300 ms of a quiet
    microphone floor, then the answer, the audio ending with it; without speech_s all six
    of slt's were noisy (round seven)."""
    rng = np.random.default_rng(5)
    called = []
    for text in ("yes I'm signed in", "yes they're syncing now", "no I'm not signed in",
                 "I guess so yes", "absolutely yes", "not yet it's still going"):  # fmt: skip
        for voice, speech in (
            *((v, wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text, v))) for v in VOICES[:2]),
            ("rhvoice:slt", rhvoice_speech(text, "slt", 1.0)),
        ):
            heard = np.concatenate([np.zeros(4800), speech]) + rng.normal(0, 30, 4800 + len(speech))
            audio = np.clip(heard, -32768, 32767).astype(np.int16).tobytes()
            if noisy_room.noisy(audio, 16000, (0.3, 0.3 + len(speech) / 16000)):
                called.append((text, voice))
    assert called == []


def test_talk_is_a_noisy_room_with_the_answers_words_left_out_or_too_little_room(synth_dir):
    """The room outside the words heard only vetoes a noisy reading when it is quiet: talk
    there is still a noisy room, and with under 100 ms of room outside (the grammar took
    the talk before and after the answer for words) the whole utterance decides, as
    before (round seven's try that needed the room outside lost noisy answers)."""
    speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, "yes it's switched on"))
    mixed = with_talkers(synth_dir, speech)
    whole_s = len(mixed) / 16000
    assert noisy_room.noisy(mixed.tobytes(), 16000, (0.3, 0.3 + len(speech) / 16000))
    assert noisy_room.noisy(mixed.tobytes(), 16000, (0.05, whole_s - 0.05))


def heard_through_talkers(engine) -> list[tuple[str, str, str, bool]]:
    """(the intent said, the voice, the intent heard, acted on without asking) for every
    second phrasing of the bench's set in espeak-ng en-us and en-gb at 175 wpm, mixed with
    the bench's talkers 10 dB below (bench_spoken_phrasings.talkers and mix, seeded)."""
    folder = Path(tempfile.mkdtemp(prefix="noisy-room-"))
    try:
        talk, rng = bench_phrasings.talkers(folder), np.random.default_rng(6)
        heard = []
        for voice in ("en-us", "en-gb"):
            for intent, question, text in bench_phrasings.load_phrasings()[::2]:
                speech = bench_phrasings.espeak(folder, text, voice, 175)
                meaning = functools.partial(vocab().parse, question=question)
                mixed = bench_phrasings.mix(speech, talk, 10.0, rng)
                decision = decided_in_noise(engine, mixed, meaning, question)
                utterance = to_utterance(decision, meaning)
                heard.append((intent, voice, meaning(utterance.text), utterance.confident))
        return heard
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_answers_in_a_noisy_room_are_heard_with_the_noise_suppressed(engine):
    """With people talking 10 dB below the answer, the utterance is heard again with the
    room's noise suppressed (noisy_room.py, round six). On these 102 files (tuning voices):
    56 right with it, 49 without; acted on as something else 0 with it, 1 without ("stop"
    as yes), "Did you say ...?" something else 2 with it, 7 without."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    engine.noisy_room_enabled = False
    try:
        without_rule = heard_through_talkers(engine)
    finally:
        engine.noisy_room_enabled = True
    with_rule = heard_through_talkers(engine)
    right, acted_wrongly = (
        [sum(h[2] == h[0] for h in heard) for heard in (with_rule, without_rule)],
        [
            [h for h in heard if h[2] not in (h[0], "unknown", "silence") and h[3]]
            for heard in (with_rule, without_rule)
        ],
    )
    assert acted_wrongly[0] == [], acted_wrongly
    assert right[0] >= right[1] + 6, right


def heard_with_talkers(engine, synth_dir, text: str, voice: str, rate: int) -> tuple[str, bool]:
    """(the intent heard, acted on without asking) for text said with the tests' talkers."""
    speech = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text, voice, rate))
    decision = decided_in_noise(engine, with_talkers(synth_dir, speech), vocab().parse, None)
    utterance = to_utterance(decision, vocab().parse)
    return vocab().parse(utterance.text), utterance.confident


@pytest.mark.parametrize(
    ("text", "voice", "rate", "intent"),
    [("skip", "en-us", 175, "skip"), ("skip this step", "en-us", 175, "skip"),
     ("hold on", "en-us", 175, "pause"), ("speed up", "en-us", 175, "faster")],
)  # fmt: skip
def test_a_command_heard_only_once_quieted_is_acted_on(engine, synth_dir, text, voice, rate,
                                                        intent):  # fmt: skip
    """Through the talk the streaming decision heard only unknown speech; once quieted, the
    command, sure. No other reading to doubt it, so it is acted on (round eight: asked
    again before, 9 of 408 such commands on the tuning talkers, none wrong)."""
    assert heard_with_talkers(engine, synth_dir, text, voice, rate) == (intent, True)


@pytest.mark.parametrize(
    ("text", "voice", "rate"),
    [("how many steps are left", "en-us", 175), ("turn it down", "en-gb", 130)],
)  # fmt: skip
def test_an_answer_heard_only_once_quieted_is_not_acted_on(engine, synth_dir, text, voice, rate):
    """The same, but the quieted hearing a sure answer ("i'm ready", "it's now"): a command
    said through the talk taken for an answer is the worst outcome, so it is never acted on
    from the quieted hearing alone (at most "Did you say yes?")."""
    intent, acted = heard_with_talkers(engine, synth_dir, text, voice, rate)
    assert not (acted and intent in ("yes", "no")), (intent, acted)


@pytest.mark.parametrize("text", ["okay", "definitely not", "it's on"])
def test_an_answer_sure_only_through_the_talk_is_confirmed(engine, synth_dir, text):
    """en-us at 130 wpm through the tests' talkers: the streaming decision is a sure answer,
    the quieted hearing the same answer, unsure. An answer is confirmed ("Did you say
    yes?") unless the hearing it is taken from is sure: keeping the streaming certainty for
    answers acted on a sure "turned it on" streamed for "turn it up" as yes (round eight's
    held-out run); commands keep it ("too loud", "speak up" on the tuning talkers)."""
    intent, acted = heard_with_talkers(engine, synth_dir, text, "en-us", 130)
    assert (intent, acted) == (vocab().parse(text), False)


@pytest.mark.parametrize("text", ["how many steps are left", "I want to quit"])
def test_words_of_the_unrestricted_pass_keep_their_times(recognize, synth_dir, text):
    """Its transcript is of a slice of the audio; its word times are the utterance's, as
    the grammar's are (recognize's speech_end_ms, the decision delay)."""
    spoken = wav_io.read_wav_16k_mono(espeak_wav(synth_dir, text))
    samples = np.concatenate([np.zeros(16000, np.int16), spoken])  # 1 s of silence first
    decision = recognize(samples)
    assert "+free" in decision.reason and not decision.in_grammar, decision
    assert decision.words[0].start_s >= 0.8, decision.words
    assert 1000 < decision.speech_end_ms <= wav_io.duration_ms(samples), decision.words


def test_silence_and_quiet_noise_are_never_heard_as_words(recognize):
    rng = np.random.default_rng(8)
    three_s = 3 * 16000
    white = rng.standard_normal(three_s)
    spectrum = np.fft.rfft(rng.standard_normal(three_s))
    pink = np.fft.irfft(spectrum / np.sqrt(np.maximum(np.arange(len(spectrum)), 1)), three_s)
    quiet = {
        "digital silence": np.zeros(three_s),
        "white noise at -50 dBFS": white / np.abs(white).max() * 10 ** (-50 / 20),
        "pink noise at -40 dBFS": pink / np.abs(pink).max() * 10 ** (-40 / 20),
    }
    for name, signal in quiet.items():
        decision = recognize((signal * 32767).astype(np.int16))
        assert decision.text == "", (name, decision)
    noise_clips = whole_dev_set_files("silence")
    heard = [(w.name, recognize(wav_io.read_wav_16k_mono(w)).text) for w in noise_clips]
    assert [h for h in heard if h[1] not in ("", "[unk]")] == []


# --- grammar building with the real model's vocabulary -------------------------------------------


def test_phrases_with_words_the_model_lacks_are_dropped(engine):
    rec = engine.recognizer(["yes", "no", "zzqx blorf", "Café", "go  back"], 16000, str)
    assert rec.phrases == ["yes", "no", "go back"]
    assert set(rec.dropped_phrases) == {"zzqx blorf", "café"}


def test_distractors_come_from_the_language_file_and_never_include_a_phrase_word(engine):
    assert "hello" in words().distractors
    rec = engine.recognizer(["hello there", "yes"], 16000, str, distractors=words().distractors)
    assert "hello" not in rec.distractors and "water" in rec.distractors


# --- audio conversion and the recognize command -------------------------------------------------


def write_pcm(path: Path, samples: np.ndarray, rate_hz: int, subtype: str = "PCM_16") -> Path:
    """Any format libsndfile writes (tests make odd ones on purpose)."""
    import soundfile

    soundfile.write(str(path), samples, rate_hz, subtype=subtype)
    return path


def run_recognize(*args: Path | str) -> subprocess.CompletedProcess[str]:
    """`recognize ARGS`; the child's peak memory (MB) goes to stderr's last line.

    Peak memory is the process's own high-water mark (VmHWM): ru_maxrss would carry over
    the test runner's size, which Linux keeps across fork and exec."""
    code = (
        "import argparse, sys\n"
        "from assistant.cli import recognize_command\n"
        "p = argparse.ArgumentParser(); sub = p.add_subparsers()\n"
        "recognize_command.register(sub)\n"
        "a = p.parse_args(sys.argv[1:]); code = a.func(a)\n"
        "hwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM:')][0]\n"
        "print(int(hwm.split()[1]) // 1024, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "recognize", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        env={**os.environ},
    )


def test_recognize_command_prints_json_lines_in_order(vosk_model_dir, synth_dir, tmp_path):
    yes = dev_set_files("yes")[0]
    no_synth = espeak_wav(synth_dir, "no", "en-gb", 175)  # 22050 Hz
    rate_hz = 48000
    stereo = np.repeat(wav_io.read_wav(yes)[0], 2, axis=1)  # 16 kHz mono -> 48 kHz stereo
    stereo = wav_io.resample(stereo[:, 0], 16000, rate_hz)
    wide = np.stack([stereo, stereo], axis=1)
    stereo_yes = write_pcm(tmp_path / "yes48k.wav", wide, rate_hz)
    proc = run_recognize(yes, no_synth, stereo_yes)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(yes), str(no_synth), str(stereo_yes)]
    assert [r["intent"] for r in rows] == ["yes", "no", "yes"]
    for row in rows:
        assert {"file", "text", "intent", "confidence"} <= row.keys()


def test_recognize_command_bad_files_give_error_lines_and_exit_2(vosk_model_dir, tmp_path):
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF....not really")
    yes = dev_set_files("yes")[0]
    proc = run_recognize(tmp_path / "missing.wav", junk, yes)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "error" in rows[0] and "error" in rows[1]
    assert rows[2]["intent"] == "yes"


def test_recognize_starts_every_file_afresh(vosk_model_dir, tmp_path):
    """Nothing heard in one file changes the next: a silent file between files, or none,
    gives the same text for every file (with one recognizer for all, 163 of 1,488 changed
    and a silent file came back as "sure")."""
    silent = write_pcm(tmp_path / "silent.wav", np.zeros(16000), 16000)
    files = [dev_set_files(label)[i] for label in ("yes", "unknown", "no") for i in (2, 5)]
    alone = run_recognize(*files)
    between = run_recognize(*[f for wav in files for f in (wav, silent)])
    assert alone.returncode == between.returncode == 0, between.stderr
    texts_alone = [json.loads(line)["text"] for line in alone.stdout.splitlines()]
    rows = [json.loads(line) for line in between.stdout.splitlines()]
    assert [r["text"] for r in rows[0::2]] == texts_alone
    assert [r["text"] for r in rows[1::2]] == [""] * len(files)


def test_recognize_reads_answers_in_the_context_of_a_question(vosk_model_dir):
    proc = run_recognize("--question", "s1_sync_on", dev_set_files("no")[1])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["intent"] == "no"


def test_recognize_refuses_an_endless_recording_in_bounded_memory(vosk_model_dir, tmp_path):
    """10 MB of 8-bit audio at 1000 Hz (2.8 hours) once grew past 1.7 GB."""
    path = write_endless_recording(tmp_path / "long.wav")
    proc = run_recognize(path, dev_set_files("yes")[0])
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "600 s" in rows[0]["error"] and rows[1]["intent"] == "yes"
    assert int(proc.stderr.split()[-1]) < 500


def test_a_recording_is_heard_the_same_whatever_ran_before(engine):
    """Kaldi dithers the features with the process-wide rand(): without a fresh seed per
    utterance, a marginal recording's result depended on what the process did before."""
    import ctypes

    libc = ctypes.CDLL(None)
    samples = wav_io.read_wav_16k_mono(dev_set_files("no")[4])
    heard = set()
    for history in range(5):
        libc.srand(history)  # as if other recognizers or libraries had drawn numbers
        decision = recorded_audio.recognize_samples(new_recognizer(engine), samples)
        heard.add((decision.text, decision.confidence, decision.decided_at_ms))
    assert len(heard) == 1, heard


def talk_mixed(
    phrasings: list[tuple[str, str | None, str]], seed: int, voices=("en-us", "en-gb")
) -> list[tuple[np.ndarray, str | None]]:
    """(samples, question) of each phrasing, in the voices by turns at 175 wpm, two in three
    with the bench's talkers 10 dB below (bench_spoken_phrasings.talkers and mix, seeded)."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    folder = Path(tempfile.mkdtemp(prefix="carry-over-"))
    try:
        talk, rng = bench_phrasings.talkers(folder), np.random.default_rng(seed)
        mixed = []
        for index, (_intent, question, text) in enumerate(phrasings):
            speech = bench_phrasings.espeak(folder, text, voices[index % 2], 175)
            noise = talk if index % 3 else None
            mixed.append((bench_phrasings.mix(speech, noise, 10.0, rng), question))
        return mixed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_turn_s_unrestricted_pass_hears_as_a_fresh_recognizer_whatever_the_turn_before_heard(
    engine,
):
    """Each turn the dialog makes (engine.recognizer) runs its unrestricted passes on a
    recognizer of its own: what the turn before heard does not change what this one hears.
    Talk-mixed phrasings: a recognizer that heard clip 13 hears clip 14 with other
    confidences than a new one does, and likewise 26 after 25 and 35 after 34
    (bench/bench_kept_recognizer.py, round ten): rounds three to eight kept one recognizer
    for the whole process, and 3 of these 40 came out otherwise (round nine)."""
    import vosk

    phrasings = bench_phrasings.load_phrasings()[:40]
    clips = [samples.tobytes() for samples, _ in talk_mixed(phrasings, 7, ("en-gb", "en-us"))]

    def new_turn() -> vosk_recognizer.TurnRecognizer:
        recognizer = engine.recognizer(vocab().phrases(INTENTS, None), 16000, vocab().parse)
        return recognizer.turn

    def rounded(heard: list[Any]) -> list[tuple[str, float, float, float]]:
        return [(w.word, round(w.confidence, 3), round(w.start_s, 2), round(w.end_s, 2))
                for w in heard]  # fmt: skip

    changed = []
    for before, clip in ((13, 14), (25, 26), (34, 35)):
        turn_before, turn = new_turn(), new_turn()
        engine.transcribe(clips[before], 16000, turn=turn_before)
        heard = engine.transcribe(clips[clip], 16000, turn=turn)
        fresh = vosk.KaldiRecognizer(engine.model, 16000.0)
        fresh.SetWords(True)
        vosk_recognizer._same_dither_every_time()
        fresh.AcceptWaveform(clips[clip])
        if rounded(heard) != rounded(vosk_recognizer._words(fresh.FinalResult())):
            changed.append(clip)
    assert changed == []


def every_hearing(engine, samples: np.ndarray, meaning, question: str | None) -> list[Any]:
    """A turn's decision and, in a noisy room, both its hearings (text, certainty, words with
    their confidences and times), then what each of its unrestricted passes heard (the
    engine's own transcribe and alternatives, recorded as they return)."""
    passes: list[Any] = []

    def recorded(method):
        def run(*args, **kwargs):
            result = method(*args, **kwargs)
            passes.append([(getattr(r, "word", None), round(getattr(r, "confidence", 0.0), 3),
                            getattr(r, "text", None)) for r in result])  # fmt: skip
            return result

        return run

    recognizer = engine.recognizer(
        vocab().phrases(INTENTS, question), 16000, meaning,
        distractors=words().distractors, continuations=words().continuations,
        named_words=words().named_words,
    )  # fmt: skip
    engine.transcribe = recorded(type(engine).transcribe.__get__(engine))
    engine.alternatives = recorded(type(engine).alternatives.__get__(engine))
    try:
        decision = recorded_audio.recognize_samples(
            recognizer, samples, leading_silence_ms=0, trailing_silence_ms=0
        )
    finally:
        del engine.transcribe, engine.alternatives
    hearings = [
        (name, d.text, d.confident, d.reason, [
            (w.word, round(w.confidence, 3), round(w.start_s, 2), round(w.end_s, 2))
            for w in d.words
        ])
        for name, d in (("final", decision), *sorted(recognizer.hearings.items()))
    ]  # fmt: skip
    return [*hearings, passes]


def test_every_turn_is_heard_as_in_a_fresh_process_whatever_ran_before(vosk_model_dir):
    """Nothing heard in one turn carries over to the next, in any hearing: the grammar's,
    the unrestricted passes and their n-best, a noisy room's second hearing. Each file's
    hearings in a fresh process (a new engine, the file first) equal its hearings after the
    others, in two orders. Talk-mixed phrasings, where every pass runs; each pass recorded
    as the engine returns it (with the recognizer kept for the whole process, rounds three
    to eight, these 12 happened to come out the same: the test above finds it)."""
    turns = [
        (samples, functools.partial(vocab().parse, question=question), question)
        for samples, question in talk_mixed(bench_phrasings.load_phrasings()[1::9], 9)
    ]
    kept = vosk_recognizer.load_engine(vosk_model_dir)
    forward = [every_hearing(kept, *turn) for turn in turns]
    backward = [every_hearing(kept, *turn) for turn in turns[::-1]][::-1]
    alone = [every_hearing(vosk_recognizer.load_engine(vosk_model_dir), *turns[i]) for i in (1, 7)]
    assert [i for i in range(len(turns)) if forward[i] != backward[i]] == []
    assert [forward[1], forward[7]] == alone
    assert sum(bool(turn[-1]) for turn in forward) >= len(turns) // 2, "passes must run"
