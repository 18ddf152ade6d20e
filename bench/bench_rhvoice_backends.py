"""RHVoice two ways: its C library in the process (what the driver uses) or its command-line
synthesizer (RHVoice-test) per prompt. Milliseconds to synthesize each prompt.

    python bench/bench_rhvoice_backends.py [--prompts N] [--voice slt]

Both synthesize the same distinct prompts of prompts/en.yaml (placeholders filled) at the
default rate into a WAV file; the library path is timed through the assistant's pyttsx3
driver, uncached, the command from launch to exit.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "bench"))

import bench_intelligibility as bi  # noqa: E402

from assistant import preferences  # noqa: E402
from assistant.speaking import pyttsx3_synthesizer, rhvoice_driver  # noqa: E402


def command_ms(text: str, voice: str, rate_wpm: int, out: Path) -> float:
    # RHVoice-test takes the rate in percent of the voice's own pace.
    percent = round(100 * rate_wpm / rhvoice_driver.NATURAL_RATE_WPM)
    started = time.perf_counter()
    subprocess.run(["RHVoice-test", "-p", voice, "-r", str(percent), "-o", str(out)],
                   input=text.encode(), check=True, capture_output=True)  # fmt: skip
    return 1000 * (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=40, help="how many prompts (default 40)")
    parser.add_argument("--voice", default="slt")
    args = parser.parse_args(argv)
    raw = bi.prompt_strings(yaml.safe_load(bi.PROMPTS_FILE.read_text(encoding="utf-8")))
    texts = list(dict.fromkeys(bi.fill_placeholders(text) for _, text in raw))[: args.prompts]
    rate = preferences.DEFAULT_RATE_WPM
    synthesizer = pyttsx3_synthesizer.Pyttsx3Synthesizer("rhvoice", args.voice, cache_entries=0)
    synthesizer.synthesize("Hello.", rate)  # loads the voice, as the first prompt would
    library = [synthesizer.synthesize(text, rate).synth_ms for text in texts]
    synthesizer.close()
    with tempfile.TemporaryDirectory() as folder:
        command = [command_ms(t, args.voice, rate, Path(folder) / "out.wav") for t in texts]
    for name, values in (("C library (ctypes)", library), ("RHVoice-test command", command)):
        print(f"{name}: median {statistics.median(values):.0f} ms per prompt, "
              f"max {max(values):.0f} ms ({len(values)} prompts)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
