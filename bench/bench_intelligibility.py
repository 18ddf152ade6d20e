"""Intelligibility of the assistant's own voice: word error rate of Vosk on every prompt.

    python bench/bench_intelligibility.py [--rate 165 --rate 140 ...]
                                          [--voice rhvoice:slt --voice espeak:gmw/en ...]
                                          [--model DIR] [--details] [--json FILE]

Every string the assistant says in prompts/en.yaml (the sections of what the user says, of
listening and of the OpenVoiceOS skill are skipped) is synthesized exactly as voice_speaker
speaks it (the engine's pronunciation table for the language, same trimming, pre-emphasis
and normalization), converted to 16 kHz, and recognized by the Vosk English model in free
mode (no grammar). WER = (substitutions + deletions + insertions) / reference words, per
prompt and overall (summed over all prompts, so long prompts count
for more). {placeholders} are filled with sample values, as the dialog would.

Reference and recognized text are normalized the same way before counting: lower case, no
punctuation, digits as words, and the few product names the model writes as one word or
two ("i phone" / "iphone", "wi fi" / "wifi") in one spelling. Nothing else is forgiven.

A machine's ear is a stand-in for a person's, not the same: the small Vosk model is much
less forgiving of synthetic speech than people are. It is used to compare rates, voices and
pronunciations, and to catch a prompt that comes out garbled.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import string
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from assistant import preferences
from assistant.audio import wav_io
from assistant.conversation.understanding import LANGUAGE_DATA_SECTIONS
from assistant.model_store import store
from assistant.speaking import synthesizer as synthesizers
from assistant.speaking.pronunciations import Pronunciations

REPO_ROOT = Path(__file__).resolve().parent.parent
PROMPTS_FILE = REPO_ROOT / "prompts" / "en.yaml"
VOSK_SAMPLE_RATE_HZ = 16000
# Silence around each prompt, as a microphone would hear it: Vosk's first and last words
# suffer when the audio starts or stops right at the edge of speech.
PAD_MS = 300
# What the user says, and what listening or OpenVoiceOS (its own voice) use: not our prompts.
SKIPPED_TOP_LEVEL_KEYS = (*LANGUAGE_DATA_SECTIONS, "listening", "skill")
PLACEHOLDER_SAMPLES = {
    "step": "3",
    "total": "7",
    "count": "2",
    "title": "Check your iCloud storage",
    "remaining": "One more step after this one.",
    "answer": "yes",
    "change": "turning on Sync this iPhone",
    "changes": "turning on Sync this iPhone, and freeing up iCloud storage",
    "steps": "your settings, your internet connection, and your iCloud storage",
}
NUMBER_WORDS = {
    "0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
    "7": "seven", "8": "eight", "9": "nine", "10": "ten",
}  # fmt: skip
# Product names the model may spell as one word, two, or with "eye" for the "i" they are
# pronounced with: one spelling each. Only these names; a lone "I" heard as "eye" still counts.
SAME_WORDS = {
    "i phone": "iphone",
    "eye phone": "iphone",
    "wi fi": "wifi",
    "i o s": "ios",
    "eye o s": "ios",
    "icloud": "i cloud",
    "eye cloud": "i cloud",
}


def prompt_strings(data: Any, path: str = "") -> list[tuple[str, str]]:
    """(key path, text) for every string in the YAML, skipping the user's vocabulary."""
    found: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if not path and key in SKIPPED_TOP_LEVEL_KEYS:
                continue
            found += prompt_strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += prompt_strings(value, f"{path}[{index}]")
    elif isinstance(data, str) and data.strip():
        found.append((path, data))
    return found


def fill_placeholders(text: str) -> str:
    names = [name for _, name, _, _ in string.Formatter().parse(text) if name]
    return text.format(**{name: PLACEHOLDER_SAMPLES.get(name, "three") for name in names})


def normalize(text: str) -> list[str]:
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    words = [NUMBER_WORDS.get(w, w) for w in text.split()]
    joined = " " + " ".join(words) + " "
    for variant, canonical in SAME_WORDS.items():
        joined = joined.replace(f" {variant} ", f" {canonical} ")
    return joined.split()


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, 1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp_word in enumerate(hypothesis, 1):
            current[j] = min(
                previous[j] + 1,  # deletion
                current[j - 1] + 1,  # insertion
                previous[j - 1] + (ref_word != hyp_word),  # substitution or match
            )
        previous = current
    return previous[-1]


def recognize(model: Any, speech: synthesizers.Speech) -> str:
    import numpy as np
    from vosk import KaldiRecognizer

    pcm16k = wav_io.resample(speech.samples, speech.sample_rate_hz, VOSK_SAMPLE_RATE_HZ)
    pad = np.zeros(int(VOSK_SAMPLE_RATE_HZ * PAD_MS / 1000), np.float32)
    pcm = wav_io.float_to_int16(np.concatenate([pad, pcm16k, pad]))
    recognizer = KaldiRecognizer(model, VOSK_SAMPLE_RATE_HZ)
    text_parts = []
    data = pcm.tobytes()
    slice_bytes = VOSK_SAMPLE_RATE_HZ // 5 * 2  # 200 ms slices, as from a microphone
    for begin in range(0, len(data), slice_bytes):
        if recognizer.AcceptWaveform(data[begin : begin + slice_bytes]):
            text_parts.append(json.loads(recognizer.Result()).get("text", ""))
    text_parts.append(json.loads(recognizer.FinalResult()).get("text", ""))
    return " ".join(part for part in text_parts if part)


def run(
    prompts: list[tuple[str, str]],
    synthesizer: synthesizers.Synthesizer,
    model: Any,
    rate_wpm: int,
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for key, raw in prompts:
        text = fill_placeholders(raw)
        speech = synthesizer.synthesize(text, rate_wpm)
        heard = recognize(model, speech)
        reference, hypothesis = normalize(text), normalize(heard)
        errors = edit_distance(reference, hypothesis)
        rows.append(
            {
                "key": key,
                "text": text,
                "heard": heard,
                "words": len(reference),
                "errors": errors,
                "wer": errors / max(1, len(reference)),
                "synth_ms": speech.synth_ms,
                "audio_ms": speech.duration_ms,
            }
        )
    total_words = sum(r["words"] for r in rows)
    total_errors = sum(r["errors"] for r in rows)
    total_synth_ms = sum(r["synth_ms"] for r in rows)
    total_audio_s = sum(r["audio_ms"] for r in rows) / 1000
    return {
        "rate_wpm": rate_wpm,
        "voice": f"{synthesizer.engine}:{synthesizer.voice}",
        "prompts": len(rows),
        "words": total_words,
        "overall_wer": total_errors / max(1, total_words),
        "median_prompt_wer": statistics.median(r["wer"] for r in rows),
        "prompts_over_25pct": sum(r["wer"] > 0.25 for r in rows),
        "synth_ms_median": statistics.median(r["synth_ms"] for r in rows),
        "synth_ms_max": max(r["synth_ms"] for r in rows),
        "synth_ms_per_audio_s": total_synth_ms / total_audio_s,
        "rows": rows,
    }


def run_and_print(
    prompts: list[tuple[str, str]],
    synthesizer: synthesizers.Synthesizer,
    model: Any,
    rate_wpm: int,
    details: bool,
) -> dict[str, Any]:
    started = time.perf_counter()
    result = run(prompts, synthesizer, model, rate_wpm)
    if details:
        for row in result["rows"]:
            print(f"  {row['wer']:6.1%}  {row['key']}: {row['text']!r}")
            if row["errors"]:
                print(f"          heard: {row['heard']!r}")
    print(
        f"rate {rate_wpm} wpm, voice {result['voice']}: overall WER "
        f"{result['overall_wer']:.1%} over {result['words']} words in {result['prompts']} "
        f"prompts; median prompt WER {result['median_prompt_wer']:.1%}; "
        f"{result['prompts_over_25pct']} prompts over 25%; synth median "
        f"{result['synth_ms_median']:.1f} ms, max {result['synth_ms_max']:.1f} ms "
        f"({result['synth_ms_per_audio_s']:.1f} ms per second of audio) "
        f"[{time.perf_counter() - started:.0f} s]",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, action="append", metavar="WPM",
                        help=f"rate(s) (default: {preferences.DEFAULT_RATE_WPM})")  # fmt: skip
    parser.add_argument("--voice", action="append", metavar="ENGINE:VOICE",
                        help="voice(s) (default: the assistant's default voice)")  # fmt: skip
    parser.add_argument("--prompts", type=Path, default=PROMPTS_FILE)
    parser.add_argument(
        "--sentences",
        type=Path,
        metavar="FILE",
        help="speak these lines instead of the prompts (a tuning set)",
    )
    parser.add_argument("--pronunciations", type=Path, metavar="YAML",
                        help="this table instead of the engine's own (to try entries)")  # fmt: skip
    parser.add_argument("--model", help="Vosk model folder (default: installed model)")
    parser.add_argument("--details", action="store_true", help="one line per prompt")
    parser.add_argument("--json", type=Path, help="write all results here")
    args = parser.parse_args(argv)

    model_dir = store.find_model("en", args.model)
    if model_dir is None:
        print(store.missing_model_message("en", args.model), file=sys.stderr)
        return 2
    from vosk import Model, SetLogLevel

    SetLogLevel(-1)
    model = Model(str(model_dir))
    if args.sentences:
        lines = args.sentences.read_text(encoding="utf-8").splitlines()
        prompts = [(f"line {i}", t) for i, t in enumerate(lines, 1) if t and t[0] != "#"]
    else:
        prompts = prompt_strings(yaml.safe_load(args.prompts.read_text(encoding="utf-8")))
    results = []
    for voice in args.voice or [None]:
        synthesizer = synthesizers.choose("en", voice)
        if args.pronunciations:
            synthesizer.pronunciations = Pronunciations.load(args.pronunciations)
        for rate_wpm in args.rate or [preferences.DEFAULT_RATE_WPM]:
            results.append(run_and_print(prompts, synthesizer, model, rate_wpm, args.details))
        synthesizer.close()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
