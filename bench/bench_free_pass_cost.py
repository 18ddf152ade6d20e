"""What the unrestricted second pass costs: compute (CPU) with it and without, paired per file.

    python bench/bench_free_pass_cost.py ../shared/data/speech-commands-dev [--list FILE]
    python bench/bench_free_pass_cost.py ../shared/data/speech-commands-dev --against DIR

Each recording is recognized as the answer to a yes/no question (a fresh recognizer each
time, as bench_recognition.py does). Compute is the process's CPU time (time.process_time),
not the wall clock, which the other jobs on a shared machine stretch; the real-time factor is
compute / audio fed.

By default each recording is recognized twice in a row, with the pass on and off, so both see
the same machine load: prints the real-time factor of each and in how many files the pass
ran and changed the text.

--against DIR: this checkout's pipeline against another checkout's (DIR, e.g. main's tree
from `git archive main`, with a `models` link to this one's), the pass on in both, each in a
process of its own, file by file in turns (which one goes first alternates), so both see the
same machine load: prints each one's real-time factor and every file whose decision differs
(its text, certainty, reason or time).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from assistant.audio import wav_io
from assistant.conversation.understanding import INTENTS, Vocabulary
from assistant.listening import recorded_audio, vosk_recognizer
from assistant.listening.listening_words import ListeningWords
from assistant.model_store import store
from assistant.paths import PROMPTS_DIR

REPO = Path(__file__).resolve().parent.parent
DECISION = ("text", "confident", "reason", "decided_at_ms")
"""What a decision is compared by: what was heard, how sure, why and when."""


class Pipeline:
    """The engine and the words, loaded once, recognizing one recording at a time."""

    def __init__(self, model_dir: Path) -> None:
        self.engine = vosk_recognizer.load_engine(model_dir)
        self.vocab = Vocabulary.load("en")
        self.words = ListeningWords.load("en", PROMPTS_DIR)

    def recognize(self, wav: Path, *, free_pass: bool = True) -> dict[str, Any]:
        """{"text", "confident", "reason", "decided_at_ms", "cpu_s", "audio_s"} of one
        recording."""
        samples = wav_io.read_wav_16k_mono(wav)
        self.engine.free_pass_enabled = free_pass
        started = time.process_time()
        recognizer = self.engine.recognizer(
            self.vocab.phrases(INTENTS), wav_io.SPEECH_FORMAT.sample_rate_hz, self.vocab.parse,
            distractors=self.words.distractors, continuations=self.words.continuations,
            named_words=self.words.named_words,
        )  # fmt: skip
        decision = recorded_audio.recognize_samples(recognizer, samples)
        return {
            "text": decision.text,
            "confident": decision.confident,
            "reason": decision.reason,
            "decided_at_ms": decision.decided_at_ms,
            "cpu_s": time.process_time() - started,
            "audio_s": (decision.decided_at_ms + recorded_audio.LEADING_SILENCE_MS) / 1000,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--list", help="file in the folder listing the recordings to use")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="another checkout of the project, compared file by file")  # fmt: skip
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    model_dir = store.find_model("en")
    if model_dir is None:
        print(store.missing_model_message("en", None), file=sys.stderr)
        return 2
    if args.serve:
        return serve(Pipeline(model_dir))
    if args.list:
        files = [args.folder / n for n in (args.folder / args.list).read_text().split()]
    else:
        files = sorted(args.folder.glob("*/*.wav"))
    if args.against is not None:
        if not (args.against / "assistant").is_dir():
            print(f"{args.against}: no checkout of this project (no assistant/)", file=sys.stderr)
            return 2
        return compare_checkouts(files, args.against)
    return pass_on_and_off(Pipeline(model_dir), files)


def pass_on_and_off(pipeline: Pipeline, files: list[Path]) -> int:
    heard: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for wav in files:
        for free in (True, False):
            heard[free].append(pipeline.recognize(wav, free_pass=free))
    changed = sum(a["text"] != b["text"] for a, b in zip(heard[True], heard[False], strict=True))
    print(f"{len(files)} files; CPU real-time factor with the pass {rtf(heard[True]):.3f}, "
          f"without {rtf(heard[False]):.3f}; text changed in {changed}")  # fmt: skip
    return 0


def compare_checkouts(files: list[Path], other: Path) -> int:
    """This checkout's pipeline and other's, each in a process of its own (serve), in turns."""
    workers = {"this": _start_worker(REPO), "other": _start_worker(other.resolve())}
    heard: dict[str, list[dict[str, Any]]] = {"this": [], "other": []}
    try:
        for index, wav in enumerate(files):
            order = ("this", "other") if index % 2 == 0 else ("other", "this")
            for name in order:
                heard[name].append(_ask(workers[name], wav))
    finally:
        for worker in workers.values():
            worker.stdin.close()  # type: ignore[union-attr]
            worker.wait()
    differ = [
        (wav.relative_to(wav.parent.parent), a, b)
        for wav, a, b in zip(files, heard["this"], heard["other"], strict=True)
        if [a[k] for k in DECISION] != [b[k] for k in DECISION]
    ]
    print(f"{len(files)} files; CPU real-time factor: this checkout {rtf(heard['this']):.3f}, "
          f"{other} {rtf(heard['other']):.3f}; decisions that differ: {len(differ)}")  # fmt: skip
    for name, a, b in differ:
        print(f"  {name}: {[a[k] for k in DECISION]} | {[b[k] for k in DECISION]}")
    return 0


def _start_worker(checkout: Path) -> subprocess.Popen[str]:
    """This script serving recordings, with the package imported from checkout (PYTHONPATH
    goes before the installed one); no bytecode written into the other checkout."""
    env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "-", "--serve"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=checkout,
    )  # fmt: skip


def _ask(worker: subprocess.Popen[str], wav: Path) -> dict[str, Any]:
    worker.stdin.write(f"{wav.resolve()}\n")  # type: ignore[union-attr]
    worker.stdin.flush()  # type: ignore[union-attr]
    line = worker.stdout.readline()  # type: ignore[union-attr]
    if not line:
        raise SystemExit(f"the worker for {wav} stopped (exit {worker.wait()})")
    return json.loads(line)


def serve(pipeline: Pipeline) -> int:
    """One recording's path per line in, its decision and cost as one JSON line out."""
    for line in sys.stdin:
        print(json.dumps(pipeline.recognize(Path(line.strip()))), flush=True)
    return 0


def rtf(heard: list[dict[str, Any]]) -> float:
    return sum(h["cpu_s"] for h in heard) / sum(h["audio_s"] for h in heard)


if __name__ == "__main__":
    sys.exit(main())
