"""What the unrestricted second pass costs: compute with it and without, paired per file.

    python bench/bench_free_pass_cost.py ../shared/data/speech-commands-dev [--list FILE]

Each recording is recognized twice in a row, as the answer to a yes/no question (a fresh
recognizer each time, as bench_recognition.py does), with the pass on and off, so both see
the same machine load. Prints the real-time factor of each (compute / audio fed) and in how
many files the pass ran and changed the text.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from assistant.audio import wav_io
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening import recorded_audio, vosk_recognizer
from assistant.listening.listening_words import ListeningWords
from assistant.model_store import store
from assistant.paths import PROMPTS_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--list", help="file in the folder listing the recordings to use")
    args = parser.parse_args(argv)
    model_dir = store.find_model("en")
    if model_dir is None:
        print(store.missing_model_message("en", None), file=sys.stderr)
        return 2
    engine = vosk_recognizer.load_engine(model_dir)
    vocab = Vocabulary.load("en")
    words = ListeningWords.load("en", PROMPTS_DIR)
    if args.list:
        files = [args.folder / n for n in (args.folder / args.list).read_text().split()]
    else:
        files = sorted(args.folder.glob("*/*.wav"))
    compute_s = {True: 0.0, False: 0.0}
    audio_s = {True: 0.0, False: 0.0}
    texts: dict[bool, list[str]] = {True: [], False: []}
    for wav in files:
        samples = wav_io.read_wav_16k_mono(wav)
        for free in (True, False):
            engine.free_pass_enabled = free
            recognizer = engine.recognizer(
                vocab.phrases(INTENTS), wav_io.SPEECH_FORMAT.sample_rate_hz, vocab.parse,
                distractors=words.distractors, continuations=words.continuations,
                named_words=words.named_words,
            )  # fmt: skip
            started = time.perf_counter()
            decision = recorded_audio.recognize_samples(recognizer, samples)
            compute_s[free] += time.perf_counter() - started
            audio_s[free] += (decision.decided_at_ms + recorded_audio.LEADING_SILENCE_MS) / 1000
            texts[free].append(decision.text)
    changed = sum(a != b for a, b in zip(texts[True], texts[False], strict=True))
    with_rtf = compute_s[True] / audio_s[True]
    without_rtf = compute_s[False] / audio_s[False]
    print(f"{len(files)} files; real-time factor with the pass {with_rtf:.3f}, without "
          f"{without_rtf:.3f}; text changed in {changed}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
