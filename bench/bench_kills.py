"""SIGKILL at random moments: is a saved session ever lost or corrupt?

Each trial starts from a saved session (the "old" version), runs a fresh text-mode
conversation whose answers are all waiting on standard input, and kills it with SIGKILL
at a random moment after its greeting (so every kill lands in the conversation, most of it
spent saving). The state file must then be the old version or one of the versions the
conversation saves (those of the same answers, replayed in-process up to each answer), and
load without a warning. Kills that left a temporary file behind landed mid-write.

    python bench/bench_kills.py [--kills 300] [--seed 1]

tests/test_kills.py runs a few dozen of these trials in CI.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))

from assistant.cli.main import main  # noqa: E402
from assistant.conversation.flow import Flow  # noqa: E402
from assistant.conversation.machine import all_states  # noqa: E402
from assistant.conversation.session_store import Answer, Progress, StateStore  # noqa: E402
from assistant.paths import PROMPTS_DIR  # noqa: E402

# Start, then through steps 1-7 without reaching an end: every answer is one save.
ANSWERS = ["yes", "yes", "no", "done", "no", "yes", "yes", "no", "done", "no", "yes", "done",
           "no", "no", "done", "no", "ready", "no", "yes", "done", "no"]  # fmt: skip
OLD = Progress("s1.s1_sign_in", [Answer("s1.s1_apple_id", "no", "an older session")])


def _versions(answers: list[str], workdir: Path) -> list[tuple]:
    """What the state file holds after each prefix of `answers` (the same CLI, in-process)."""
    versions = []
    for k in range(1, len(answers) + 1):
        script, state = workdir / f"prefix{k}.txt", workdir / f"prefix{k}.json"
        script.write_text("\n".join(answers[:k]) + "\n")
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            main(["--script", str(script), "--fresh", "--state-file", str(state)])
        versions.append(_key(json.loads(state.read_text())))
    return versions


def _key(data: dict) -> tuple:
    return data["state"], json.dumps(data["history"], sort_keys=True)


def _start(state: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--text", "--fresh", "--state-file", str(state)],
        cwd=CHECKOUT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(("\n".join(ANSWERS) + "\n").encode())
    proc.stdin.close()
    proc.stdout.readline()  # the greeting: the conversation has started
    return proc


def conversation_seconds(workdir: Path, runs: int = 3) -> float:
    """Median time from the greeting to the end of a whole (unkilled) run."""
    times = []
    for n in range(runs):
        proc = _start(workdir / f"calibrate{n}.json")
        started = time.monotonic()
        proc.wait(timeout=60)
        times.append(time.monotonic() - started)
    return statistics.median(times)


def run_trials(kills: int, seed: int) -> Counter:
    """Counts of what the state file held after each kill: old, new, lost, corrupt; and
    mid_write (a temporary file was left: the kill landed while a version was written)."""
    rng = random.Random(seed)
    counts: Counter = Counter()
    valid = all_states(Flow.load(PROMPTS_DIR))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        versions = set(_versions(ANSWERS, workdir))
        span = conversation_seconds(workdir)
        for n in range(kills):
            folder = workdir / f"trial{n}"
            folder.mkdir()
            state = folder / "session.json"
            StateStore(state).save(OLD)
            old = _key(json.loads(state.read_text()))
            proc = _start(state)
            time.sleep(rng.uniform(0, span))
            proc.kill()
            proc.wait()
            counts["mid_write"] += any(p.name.endswith(".tmp") for p in folder.iterdir())
            counts[_classify(state, valid, old, versions)] += 1
    return counts


def _classify(state: Path, valid: set[str], old: tuple, versions: set[tuple]) -> str:
    if not state.exists():
        return "lost"
    try:
        key = _key(json.loads(state.read_text()))
    except (ValueError, KeyError):
        return "corrupt"
    progress, warning = StateStore(state).load(valid)
    if progress is None or warning:
        return "corrupt"
    return "old" if key == old else "new" if key in versions else "corrupt"


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    counts = run_trials(args.kills, args.seed)
    print(f"{args.kills} kills in {time.monotonic() - started:.0f} s: "
          f"old {counts['old']}, new {counts['new']}, lost {counts['lost']}, "
          f"corrupt {counts['corrupt']}; mid-write {counts['mid_write']}")  # fmt: skip


if __name__ == "__main__":
    main_bench()
