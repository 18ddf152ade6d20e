"""Which recordings the noisy-room measure calls noisy (assistant/listening/noisy_room.py).

    python bench/bench_noisy_room.py ../shared/data/speech-commands-dev [--half tune|check|all]
        [--voices V,V] [--rates WPM] [--details]

The noisy room's second hearing (the WebRTC noise suppressor) must run with people talking
nearby, and never for a real microphone's own floor: the dev set's recordings are fed as a
microphone gives them (no digital silence around them), and the phrasings of
bench_spoken_phrasings.py are mixed as that bench mixes them (its own functions: clean,
talkers and pink noise at 10 dB). Per kind: the share called noisy, and the two levels the
measure reads (median, 5th-95th percentile): how far the quietest quarter is below the
loudest 30 ms, and its spread.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_spoken_phrasings as phrasings  # noqa: E402
from dev_set_halves import HALVES, recordings  # noqa: E402

from assistant.audio import wav_io  # noqa: E402
from assistant.listening import noisy_room  # noqa: E402

RATE_HZ = wav_io.SPEECH_FORMAT.sample_rate_hz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_set", type=Path)
    parser.add_argument("--half", choices=HALVES, default="all")
    parser.add_argument("--voices", default="en-us,en-gb,rhvoice:slt,mb-us2")
    parser.add_argument("--rates", default="175")
    parser.add_argument("--details", action="store_true", help="one JSON line per file")
    args = parser.parse_args(argv)
    if not args.dev_set.is_dir():
        print(f"no dev set at {args.dev_set}", file=sys.stderr)
        return 2
    missing = phrasings.voices_missing(args.voices.split(","))
    if missing:
        print("cannot synthesize: " + "; ".join(missing), file=sys.stderr)
        return 2
    kinds: dict[str, list[tuple[str, np.ndarray]]] = defaultdict(list)
    for label, files in recordings(args.dev_set, args.half).items():
        for wav in files:
            kinds[f"dev set {args.half}: {label}"].append((wav.name, wav_io.read_wav_16k_mono(wav)))
    folder = Path(tempfile.mkdtemp(prefix="bench-noisy-room-"))
    try:
        rng = np.random.default_rng(7)  # as bench_spoken_phrasings
        noises = {"clean": None, "talkers": phrasings.talkers(folder),
                  "pink": phrasings.pink(RATE_HZ * 60, rng)}  # fmt: skip
        for condition, noise in noises.items():
            for voice in args.voices.split(","):
                for rate in map(int, args.rates.split(",")):
                    for _intent, _question, text in phrasings.load_phrasings():
                        speech = phrasings.espeak(folder, text, voice, rate)
                        mixed = phrasings.mix(speech, noise, 10.0, rng)
                        kinds[f"voices, {condition}"].append((f"{voice}@{rate} {text}", mixed))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("| kind | files | called noisy | depth below the loudest, dB | spread, dB |")
    print("|---|---|---|---|---|")
    for kind, files in kinds.items():
        called, depths, spreads = [], [], []
        for name, samples in files:
            is_noisy = noisy_room.noisy(samples.astype(np.int16).tobytes(), RATE_HZ)
            depth, spread = noisy_room.room_levels_db(samples.tobytes(), RATE_HZ) or (0.0, 0.0)
            called.append(is_noisy)
            depths.append(depth)
            spreads.append(spread)
            if args.details:
                row = {"kind": kind, "file": name, "noisy": is_noisy,
                       "depth_db": round(depth, 1), "spread_db": round(spread, 1)}  # fmt: skip
                print(json.dumps(row))
        print(f"| {kind} | {len(files)} | {sum(called)} ({100 * sum(called) / len(files):.1f}%) "
              f"| {_spread(depths)} | {_spread(spreads)} |", flush=True)  # fmt: skip
    return 0


def _spread(values: list[float]) -> str:
    p5, p50, p95 = np.percentile(values, [5, 50, 95])
    return f"{p50:.1f} ({p5:.1f}-{p95:.1f})"


if __name__ == "__main__":
    sys.exit(main())
