"""Recognition of spoken answers on real audio: human recordings and synthesized voices.

The dev set targets (from the issue) are asserted here: yes and no right >= 97%, yes never
taken for no nor no for yes, other words and noise taken as an answer at most 5%. "Right"
includes an answer heard but not confidently: the dialog then asks "Did you say no?".
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import wave
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from audio_fixtures import dev_set_files

from assistant.audio import wav_io
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening import vosk_recognizer

REPO_ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ("yes", "no")

pytestmark = pytest.mark.audio


@cache
def vocab() -> Vocabulary:
    return Vocabulary.load("en")


@pytest.fixture(scope="session")
def vosk_model(vosk_model_dir):
    started = time.perf_counter()
    model = vosk_recognizer.load_model(vosk_model_dir)
    load_s = time.perf_counter() - started
    assert load_s < 5, f"model load took {load_s:.1f} s"
    return model


@pytest.fixture(scope="session")
def recognizer(vosk_model):
    return vosk_recognizer.PhraseRecognizer(
        vosk_model, vocab().phrases(INTENTS), meaning=vocab().parse
    )


def intent_of(decision: vosk_recognizer.Decision) -> str:
    """The intent the dialog would act on (silence and unknown included)."""
    return vocab().parse(vosk_recognizer.dialog_text(decision, vocab().parse))


# --- the shared dev set of real recordings ---------------------------------------------------


@pytest.fixture(scope="session")
def dev_results(recognizer):
    results: dict[str, list[tuple[str, vosk_recognizer.Decision]]] = {}
    compute_s = audio_s = 0.0
    for label in ("yes", "no", "unknown", "silence"):
        results[label] = []
        for wav in dev_set_files(label):
            samples = wav_io.read_wav_16k_mono(wav)
            started = time.perf_counter()
            decision = vosk_recognizer.recognize_samples(recognizer, samples)
            compute_s += time.perf_counter() - started
            audio_s += (decision.decided_at_ms + 300) / 1000  # audio fed, lead-in included
            results[label].append((wav.name, decision))
    results["_rtf"] = compute_s / audio_s  # type: ignore[assignment]
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


def test_dev_set_decisions_come_soon_after_the_last_word(dev_results):
    delays_ms = [
        d.decided_at_ms - d.speech_end_ms
        for label in ANSWERS
        for _, d in dev_results[label]
        if intent_of(d) == label and d.speech_end_ms is not None
    ]
    assert statistics.median(delays_ms) <= 350, sorted(delays_ms)
    assert sorted(delays_ms)[int(0.9 * len(delays_ms))] <= 500, sorted(delays_ms)


def test_recognition_is_well_under_real_time(dev_results):
    assert dev_results["_rtf"] < 0.1


def test_early_endpointing_beats_vosk_default(vosk_model, recognizer):
    default = vosk_recognizer.PhraseRecognizer(
        vosk_model, vocab().phrases(INTENTS), meaning=vocab().parse, early_stable_ms=None
    )
    wav = dev_set_files("yes")[0]
    samples = wav_io.read_wav_16k_mono(wav)
    ours = vosk_recognizer.recognize_samples(recognizer, samples)
    theirs = vosk_recognizer.recognize_samples(default, samples)
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
def synth_results(recognizer, synth_dir):
    results = []
    for voice in VOICES:
        for rate in RATES_WPM:
            for text, intent in {**ANSWER_WORDS, **COMMAND_WORDS}.items():
                # espeak-ng writes 22050 Hz: this also exercises the resampling.
                wav = espeak_wav(synth_dir, text, voice, rate)
                decision = vosk_recognizer.recognize_samples(
                    recognizer, wav_io.read_wav_16k_mono(wav)
                )
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


def test_pyttsx3_synthesized_answer(recognizer, tmp_path):
    """pyttsx3 (espeak-ng driver) too; one save_to_file per runAndWait, or files get lost."""
    pyttsx3 = pytest.importorskip("pyttsx3")
    try:
        engine = pyttsx3.init()
    except Exception as exc:  # no espeak-ng library
        pytest.skip(f"pyttsx3 cannot start: {exc}")
    heard = {}
    for text in ("yes", "no"):
        path = tmp_path / f"{text}.wav"
        engine.save_to_file(text, str(path))
        engine.runAndWait()
        heard[text] = intent_of(
            vosk_recognizer.recognize_samples(recognizer, wav_io.read_wav_16k_mono(path))
        )
    assert heard == {"yes": "yes", "no": "no"}


@pytest.mark.parametrize(
    ("first", "second", "intent"), [("it", "didn't work", "no"), ("i don't", "think so", "no")]
)
def test_a_pause_mid_phrase_is_not_cut_off(recognizer, synth_dir, first, second, intent):
    """ "it" ... "didn't work": deciding on "it" alone would be wrong (or "i" ... )."""
    pause = np.zeros(int(16000 * 0.45), np.int16)
    samples = np.concatenate(
        [wav_io.read_wav_16k_mono(espeak_wav(synth_dir, part)) if part else pause
         for part in (first, "", second)]
    )  # fmt: skip
    decision = vosk_recognizer.recognize_samples(recognizer, samples)
    assert intent_of(decision) == intent, decision


# --- grammar building ----------------------------------------------------------------------------


def test_phrases_with_unknown_words_are_dropped(vosk_model):
    rec = vosk_recognizer.PhraseRecognizer(
        vosk_model, ["yes", "no", "zzqx blorf", "Café", "go  back"]
    )
    assert rec.phrases == ["yes", "no", "go back"]
    assert set(rec.dropped_phrases) == {"zzqx blorf", "café"}


def test_distractors_never_include_a_phrase_word(vosk_model):
    rec = vosk_recognizer.PhraseRecognizer(vosk_model, ["hello there", "yes"])
    assert "hello" not in rec.distractors


def test_early_finalization_only_when_nothing_longer_changes_the_meaning(vosk_model):
    rec = vosk_recognizer.PhraseRecognizer(
        vosk_model, vocab().phrases(INTENTS), meaning=vocab().parse
    )
    assert rec.can_finalize_early("yes")  # "yes please" is still yes
    assert rec.can_finalize_early("no")
    assert not rec.can_finalize_early("it is")  # "it is not" means no
    assert not rec.can_finalize_early("i")  # not a phrase


# --- audio conversion and the recognize command -------------------------------------------------


def write_pcm(path: Path, samples: np.ndarray, rate_hz: int, channels: int, width: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate_hz)
        out.writeframes(samples.tobytes())
    return path


def test_any_rate_and_channels_convert_to_16k_mono(tmp_path):
    rate_hz = 44100
    t = np.arange(rate_hz) / rate_hz
    tone = 0.5 * np.sin(2 * np.pi * 440 * t)
    stereo16 = (np.stack([tone, tone], axis=1) * 32767).astype("<i2")
    out = wav_io.read_wav_16k_mono(write_pcm(tmp_path / "s.wav", stereo16, rate_hz, 2, 2))
    assert len(out) == 16000
    assert abs(np.abs(out).max() / 32768 - 0.5) < 0.02
    # The 440 Hz tone is still 440 Hz (zero crossings per second).
    crossings = np.count_nonzero(np.diff(np.signbit(out.astype(np.int32))))
    assert abs(crossings / 2 - 440) < 5
    as_int32 = (tone * (2**31 - 1)).astype("<i4")
    out32 = wav_io.read_wav_16k_mono(write_pcm(tmp_path / "m32.wav", as_int32, rate_hz, 1, 4))
    assert np.abs(out32.astype(np.int32) - out.astype(np.int32)).max() < 50
    tone_8k = 0.5 * np.sin(2 * np.pi * 440 * np.arange(8000) / 8000)
    u8 = ((tone_8k * 127) + 128).astype(np.uint8)  # 8-bit WAV is unsigned
    out8 = wav_io.read_wav_16k_mono(write_pcm(tmp_path / "m8.wav", u8, 8000, 1, 1))
    assert len(out8) == 16000  # upsampled 8 kHz -> 16 kHz
    assert abs(np.count_nonzero(np.diff(np.signbit(out8.astype(np.int32)))) / 2 - 440) < 5


def run_recognize(*wavs: Path | str) -> subprocess.CompletedProcess[str]:
    code = (
        "import argparse, sys\n"
        "from assistant.cli import recognize_command\n"
        "p = argparse.ArgumentParser(); sub = p.add_subparsers()\n"
        "recognize_command.register(sub)\n"
        "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "recognize", *map(str, wavs)],
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
    stereo_yes = write_pcm(tmp_path / "yes48k.wav", (wide * 32767).astype("<i2"), rate_hz, 2, 2)
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
