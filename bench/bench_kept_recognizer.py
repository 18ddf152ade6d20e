"""What a kept unrestricted recognizer carries from one utterance to the next, and what a
fresh one costs.

    python bench/bench_kept_recognizer.py [--clips 40]

The talk-mixed phrasings of tests/test_recognition.py (en-gb and en-us at 175 wpm, two in
three with the bench's talkers 10 dB below, seeded), each heard without a grammar:
- by a fresh recognizer (the reference);
- by one recognizer kept across all of them, as rounds three to eight did;
- where the kept one differs: by a fresh recognizer fed the same clip twice (the second
  hearing), by one fed the clip before it first, and by one fed the clip before it and then
  given its graph again (SetGrammar("[]") composes the lookahead graph anew and keeps
  everything else: the clock, the object).
Then the CPU of a fresh recognizer's first and second hearing of silence, noise and a clip.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bench_spoken_phrasings as phrasings
import numpy as np

from assistant.listening import vosk_recognizer
from assistant.model_store import store

RATE_HZ = 16000


def talk_mixed(count: int) -> list[bytes]:
    """As tests/test_recognition.py's talk_mixed(load_phrasings()[:count], 7, voices)."""
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is not installed")
    folder = Path(tempfile.mkdtemp(prefix="kept-recognizer-"))
    try:
        talk, rng = phrasings.talkers(folder), np.random.default_rng(7)
        clips = []
        for index, (_intent, _question, text) in enumerate(phrasings.load_phrasings()[:count]):
            speech = phrasings.espeak(folder, text, ("en-gb", "en-us")[index % 2], 175)
            clips.append(phrasings.mix(speech, talk if index % 3 else None, 10.0, rng).tobytes())
        return clips
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def heard(recognizer: Any, audio: bytes) -> list[tuple[str, float]]:
    """Words and confidences (4 places) of one whole utterance, the same dither every time."""
    vosk_recognizer._same_dither_every_time()
    recognizer.AcceptWaveform(audio)
    result = json.loads(recognizer.FinalResult())
    return [(w["word"], round(w["conf"], 4)) for w in result.get("result", [])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=40)
    args = parser.parse_args(argv)
    model_dir = store.find_model("en")
    if model_dir is None:
        print(store.missing_model_message("en", None), file=sys.stderr)
        return 2
    model = vosk_recognizer.load_model(model_dir)

    def fresh() -> Any:
        return vosk_recognizer._fresh_recognizer(model, RATE_HZ)

    clips = talk_mixed(args.clips)
    reference = [heard(fresh(), clip) for clip in clips]
    kept = fresh()
    differ = [i for i, clip in enumerate(clips) if heard(kept, clip) != reference[i]]
    print(f"{len(clips)} clips; a kept recognizer hears {len(differ)} otherwise: {differ}")
    for i in differ:
        twice = fresh()
        heard(twice, clips[i])
        after = fresh()
        heard(after, clips[i - 1])
        recomposed = fresh()
        heard(recomposed, clips[i - 1])
        recomposed.SetGrammar("[]")
        same = [heard(r, clips[i]) == reference[i] for r in (twice, after, recomposed)]
        print(f"  clip {i}, the same as fresh: heard twice {same[0]}, after clip {i - 1} "
              f"{same[1]}, after clip {i - 1} with its graph composed again {same[2]}")  # fmt: skip
    noise = np.random.default_rng(0).normal(0, 300, RATE_HZ * 3 // 2).astype(np.int16)
    for name, audio in (
        ("1.5 s of silence", bytes(RATE_HZ * 3)),
        ("1.5 s of white noise", noise.tobytes()),
        (f"clip {differ[0] if differ else 0}", clips[differ[0] if differ else 0]),
    ):
        costs = []
        for _ in range(3):
            recognizer = fresh()
            started = time.process_time()
            heard(recognizer, audio)
            first = time.process_time() - started
            heard(recognizer, audio)
            costs.append((first, time.process_time() - started - first))
        first, second = (sorted(c[k] for c in costs)[1] for k in (0, 1))
        print(f"  CPU, {name} ({len(audio) / 2 / RATE_HZ:.1f} s): a fresh recognizer's first "
              f"hearing {first:.3f} s, its second {second:.3f} s (median of 3)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
