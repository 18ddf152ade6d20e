"""How much of a whole conversation's speech is heard back: a scripted run of the assistant
recorded with --speak-to, every WAV recognized by Vosk (no grammar).

    python bench/bench_conversation_speech.py [--script bench/conversation-all-steps.txt]
                                              [--voice ENGINE:VOICE] [--rate WPM]

Runs `python -m assistant --script FILE --fresh --speak-to DIR` in a fresh config folder,
takes what it printed (the prompts, without the echoed "> answer" lines) as the reference
and the recognized WAVs, in order, as what was heard; both are normalized as in
bench_intelligibility.py. "Heard back" is the share of the reference words that the
alignment finds recognized as themselves: (words - substitutions - deletions) / words.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "bench"))

import bench_intelligibility as bi  # noqa: E402

from assistant.audio import wav_io  # noqa: E402
from assistant.model_store import store  # noqa: E402
from assistant.speaking.synthesizer import Speech  # noqa: E402

DEFAULT_SCRIPT = REPO_ROOT / "bench" / "conversation-all-steps.txt"


def words_heard(reference: list[str], hypothesis: list[str]) -> int:
    """Reference words aligned with an identical recognized word (Levenshtein alignment)."""
    rows, cols = len(reference) + 1, len(hypothesis) + 1
    cost = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        cost[i][0] = i
    for j in range(cols):
        cost[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            same = reference[i - 1] == hypothesis[j - 1]
            cost[i][j] = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                             cost[i - 1][j - 1] + (not same))  # fmt: skip
    i, j, hits = len(reference), len(hypothesis), 0
    while i > 0 and j > 0:
        same = reference[i - 1] == hypothesis[j - 1]
        if cost[i][j] == cost[i - 1][j - 1] + (not same):
            hits += same
            i, j = i - 1, j - 1
        elif cost[i][j] == cost[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--script", type=Path, default=DEFAULT_SCRIPT)
    parser.add_argument("--voice", help="ENGINE:VOICE (default: the assistant's default)")
    parser.add_argument("--rate", type=int, help="words per minute (default: the default)")
    args = parser.parse_args(argv)
    model_dir = store.find_model("en", None)
    if model_dir is None:
        print(store.missing_model_message("en", None), file=sys.stderr)
        return 2
    from vosk import Model, SetLogLevel

    SetLogLevel(-1)
    model = Model(str(model_dir))
    work = Path(tempfile.mkdtemp(prefix="bench-conversation-"))
    command = [
        sys.executable,
        "-m",
        "assistant",
        "--script",
        str(args.script),
        "--fresh",
        "--state-file",
        str(work / "session.json"),
        "--speak-to",
        str(work / "wav"),
    ]
    command += ["--voice", args.voice] if args.voice else []
    command += ["--rate", str(args.rate)] if args.rate else []  # fmt: skip
    env = {**os.environ, "XDG_CONFIG_HOME": str(work / "config")}
    run = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT,
                         check=True, timeout=600)  # fmt: skip
    printed = [line for line in run.stdout.splitlines() if not line.startswith("> ")]
    heard = []
    for path in sorted((work / "wav").glob("*.wav")):
        frames, rate_hz = wav_io.read_wav(path)
        heard.append(bi.recognize(model, Speech(wav_io.to_mono(frames), rate_hz, 0.0)))
    reference, hypothesis = bi.normalize(" ".join(printed)), bi.normalize(" ".join(heard))
    hits = words_heard(reference, hypothesis)
    voice_line = next((ln for ln in run.stderr.splitlines() if ln.startswith("Voice")), "")
    print(f"{len(heard)} prompts, {len(reference)} words: {hits / len(reference):.1%} heard "
          f"back; WER {bi.edit_distance(reference, hypothesis) / len(reference):.1%}"
          f"{'; ' + voice_line if voice_line else ''}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
