"""Benchmark spoken-answer recognition on a folder of labelled WAVs.

    python bench/bench_recognition.py ../shared/data/speech-commands-dev [--half tune|check]

The folder has one subfolder per label. Labels named after an intent (yes, no, stop, ...)
must be recognized as that intent; any other label (unknown, silence, ...) must NOT be acted
on (an answer or a command), and is counted apart when it only brings "Did you say ...?".
--half picks the speakers tuned on or the others (bench/dev_set_halves.py).
Every file is recognized as the answer to a yes/no question, i.e.
with the phrases of all intents (answers and commands) as the grammar, streamed in 40 ms
slices with 1.5 s of silence after it, as from a microphone. --as-microphone adds no
digital silence at all (a microphone never gives it: the room's own floor before and after,
as the recording has it), and --noisy-room on|off sets the noisy room's second hearing
(assistant/listening/noisy_room.py; "heard again" counts the files it ran on).

Reports accuracy per class, the confusion table, confidence of accepted answers, decision
delay (audio ms from the end of the last word to the decision) for our early endpointing and
for Vosk's own endpointing, compute real-time factor, model load time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from dev_set_halves import HALVES, recordings

from assistant.audio import wav_io
from assistant.conversation import understanding
from assistant.listening import recorded_audio, vosk_recognizer
from assistant.listening.decision_to_utterance import dialog_text
from assistant.listening.listening_words import ListeningWords
from assistant.model_store import store
from assistant.paths import PROMPTS_DIR

ANSWERS = ("yes", "no")


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--half", choices=HALVES, default="all", help="speakers to use")
    parser.add_argument("--model", help="Vosk model folder (default: installed model)")
    parser.add_argument("--lang", default="en")
    parser.add_argument(
        "--min-confidence", type=float, default=vosk_recognizer.CONFIDENT_MIN_CONFIDENCE
    )
    parser.add_argument(
        "--distractors",
        default="default",
        help="'default' (the language file's), 'none', or comma-separated words",
    )
    parser.add_argument(
        "--no-free-pass", action="store_true", help="grammar only: no unrestricted second pass"
    )
    parser.add_argument("--early-stable-ms", type=float, default=vosk_recognizer.EARLY_STABLE_MS)
    parser.add_argument("--as-microphone", action="store_true",
                        help="no digital silence added around the recordings")  # fmt: skip
    parser.add_argument("--noisy-room", choices=("on", "off"),
                        help="the noisy room's second hearing (default: the engine's)")  # fmt: skip
    parser.add_argument("--details", action="store_true", help="one line per file")
    parser.add_argument("--json", type=Path, help="also write all results as JSON here")
    args = parser.parse_args(argv)

    model_dir = store.find_model(args.lang, args.model)
    if model_dir is None:
        print(store.missing_model_message(args.lang, args.model), file=sys.stderr)
        return 2
    load_started = time.perf_counter()
    engine = vosk_recognizer.load_engine(model_dir)
    engine.free_pass_enabled = not args.no_free_pass
    if args.noisy_room is not None:
        engine.noisy_room_enabled = args.noisy_room == "on"
    silence_ms = (
        {"leading_silence_ms": 0.0, "trailing_silence_ms": 0.0} if args.as_microphone else {}
    )
    load_s = time.perf_counter() - load_started

    vocab = understanding.Vocabulary.load(args.lang)
    words = ListeningWords.load(args.lang, PROMPTS_DIR)
    phrases = vocab.phrases(understanding.INTENTS)
    if args.distractors == "default":
        distractors: tuple[str, ...] = words.distractors
    elif args.distractors == "none":
        distractors = ()
    else:
        distractors = tuple(args.distractors.split(","))
    vocab_words = {w for p in phrases for w in p.split()}
    distractors = tuple(d for d in distractors if d not in vocab_words)

    def fresh(early_stable_ms: float | None) -> vosk_recognizer.PhraseRecognizer:
        """A new recognizer for each file, as the assistant makes one for each answer."""
        return engine.recognizer(
            phrases, wav_io.SPEECH_FORMAT.sample_rate_hz, vocab.parse,
            distractors=distractors, continuations=words.continuations,
            named_words=words.named_words,
            early_stable_ms=early_stable_ms, min_confidence=args.min_confidence,
        )  # fmt: skip

    early = fresh(args.early_stable_ms)  # for the grammar's size in the report

    files_by_label = recordings(args.folder, args.half)
    labels = sorted(files_by_label)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    delays_ms: dict[str, list[float]] = {"early": [], "vosk": []}
    accepted_confidences: dict[str, list[float]] = defaultdict(list)
    compute_s = 0.0
    audio_s = 0.0
    heard_again = 0
    rows = []
    for label in labels:
        for wav in files_by_label[label]:
            samples = wav_io.read_wav_16k_mono(wav)
            started = time.perf_counter()
            decision = recorded_audio.recognize_samples(
                fresh(args.early_stable_ms), samples, **silence_ms
            )
            heard_again += "+quieted" in decision.reason
            compute_s += time.perf_counter() - started
            audio_s += decision.decided_at_ms / 1000
            reference = recorded_audio.recognize_samples(fresh(None), samples, **silence_ms)
            # What the dialog would get: "" -> silence, UNK -> unknown.
            intent = vocab.parse(dialog_text(decision, vocab.parse))
            outcome = intent
            if intent in ANSWERS and not decision.confident:
                outcome = f"{intent}?"  # the dialog would ask "did you say ...?"
            confusion[label][outcome] += 1
            if intent in ANSWERS:
                accepted_confidences[f"{label}->{intent}"].append(decision.confidence)
            # Delay is measured from the end of the last word as aligned by Vosk's own,
            # unhurried decode of the same audio, for both modes.
            word_end_ms = reference.speech_end_ms
            if word_end_ms is not None and label in ANSWERS and intent == label:
                delays_ms["early"].append(decision.decided_at_ms - word_end_ms)
                delays_ms["vosk"].append(reference.decided_at_ms - word_end_ms)
            row = {
                "file": str(wav),
                "label": label,
                "text": decision.text,
                "intent": intent,
                "confidence": round(decision.confidence, 3),
                "confident": decision.confident,
                "reason": decision.reason,
                "decided_at_ms": round(decision.decided_at_ms),
                "word_end_ms": None if word_end_ms is None else round(word_end_ms),
                "vosk_decided_at_ms": round(reference.decided_at_ms),
                "vosk_text": reference.text,
            }
            rows.append(row)
            if args.details:
                print(json.dumps(row))

    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    outcomes = ["yes", "yes?", "no", "no?", "silence"] + sorted(
        {o for c in confusion.values() for o in c} - {"yes", "yes?", "no", "no?", "silence"}
    )
    print(f"## Recognition on {args.folder}\n")
    print(f"model {model_dir.name}, load {load_s:.2f} s, grammar {len(early.phrases)} phrases")
    print(f"+ {len(early.distractors)} distractors + [unk], min confidence {args.min_confidence}")
    print()
    print(
        f"speakers: {args.half}; digital silence added: {not args.as_microphone}; "
        f"noisy room's second hearing: {engine.noisy_room_enabled}, ran on {heard_again} files\n"
    )
    print(
        '| label | files | right | acted on, wrongly | "Did you say ...?", wrongly | asked again |'
    )
    print("|---|---|---|---|---|---|")
    for label in labels:
        counts = confusion[label]
        total = sum(counts.values())
        not_acted_on = counts["unknown"] + counts["silence"]
        if label in understanding.INTENTS:  # must be heard as itself
            right, asked = counts[label] + counts[f"{label}?"], not_acted_on
        else:  # other words and noise: right when not acted on
            right, asked = not_acted_on, 0
        confirmed = sum(n for o, n in counts.items() if o.endswith("?") and o != f"{label}?")
        acted = total - right - confirmed - asked
        print(
            f"| {label} | {total} | {right / total:.1%} ({right}) | {acted / total:.1%} ({acted}) "
            f"| {confirmed / total:.1%} ({confirmed}) | {asked} |"
        )
    print("\nConfusion (row: label; column: outcome; `x?` = answer x, not confident):\n")
    print("| label | " + " | ".join(outcomes) + " |")
    print("|---" * (len(outcomes) + 1) + "|")
    for label in labels:
        print(f"| {label} | " + " | ".join(str(confusion[label][o]) for o in outcomes) + " |")
    print("\nConfidence of answers (min word confidence):\n")
    for key, values in sorted(accepted_confidences.items()):
        below = sum(v < args.min_confidence for v in values)
        print(
            f"- {key}: n={len(values)}, min {min(values):.2f}, median "
            f"{statistics.median(values):.2f}, below threshold {below}"
        )
    print("\nDecision delay after the last word ends (audio ms, correct yes/no answers):\n")
    print("| endpointing | median | p95 | max |")
    print("|---|---|---|---|")
    for mode, values in delays_ms.items():
        name = "ours (early)" if mode == "early" else "Vosk default"
        print(
            f"| {name} | {statistics.median(values):.0f} | {percentile(values, 0.95):.0f} "
            f"| {max(values):.0f} |"
        )
    print(
        f"\ncompute {compute_s:.2f} s for {audio_s:.1f} s of audio: real-time factor "
        f"{compute_s / audio_s:.3f}; peak memory (max RSS) {peak_rss_mb:.0f} MB"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
