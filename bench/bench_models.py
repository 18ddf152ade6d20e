"""Speech models: load time and memory per language, and what an install costs.

    python bench/bench_models.py --runs 3
    python bench/bench_models.py --runs 3 --install PATH [--install-lang ko]

For each language whose model is installed (found as the assistant finds it), loads it in
a fresh process, runs times, and reports the median load time and the median peak memory
(max RSS) of that process. With --install, installs the archive or folder into a temporary
models folder the same number of times (``models install --force``) and reports the median
wall time and peak memory of the command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.model_store import store

LOAD = """
import sys, time, vosk
vosk.SetLogLevel(-1)
started = time.perf_counter()
vosk.Model(sys.argv[1])
print(time.perf_counter() - started)
"""


def run_child(cmd: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    wall_s = time.perf_counter() - started
    out = child.stdout.read() if child.stdout else ""
    err = child.stderr.read() if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({child.returncode}): {err.strip()}")
    return wall_s, usage.ru_maxrss / 1024, out  # ru_maxrss is in KiB on Linux


def bench_loads(runs: int) -> None:
    print("| language | model | load, median | peak memory, median | runs |")
    print("|---|---|---|---|---|")
    for lang, spec in sorted(store.CATALOG.items()):
        model = store.find_model(lang)
        if model is None:
            print(f"| {lang} | {spec.name} | not installed | | |")
            continue
        loads_s, peaks_mb = [], []
        for _ in range(runs):
            _, peak_mb, out = run_child([sys.executable, "-c", LOAD, str(model)])
            loads_s.append(float(out.strip()))
            peaks_mb.append(peak_mb)
        print(f"| {lang} | {spec.name} | {statistics.median(loads_s):.2f} s "
              f"| {statistics.median(peaks_mb):.0f} MB | {runs} |")  # fmt: skip


def bench_install(source: Path, lang: str, runs: int) -> None:
    walls_s, peaks_mb = [], []
    with tempfile.TemporaryDirectory() as models_dir:
        for _ in range(runs):
            wall_s, peak_mb, _ = run_child(
                [sys.executable, "-m", "assistant", "models", "install", lang, "--force",
                 "--from", str(source), "--dir", models_dir]
            )  # fmt: skip
            walls_s.append(wall_s)
            peaks_mb.append(peak_mb)
    print(f"\ninstall {lang} from {source.name}: {statistics.median(walls_s):.2f} s, "
          f"peak memory {statistics.median(peaks_mb):.0f} MB (medians of {runs})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--install", type=Path, metavar="PATH", help="archive or folder")
    parser.add_argument("--install-lang", default="en", metavar="LANG")
    args = parser.parse_args()
    bench_loads(args.runs)
    if args.install is not None:
        bench_install(args.install, args.install_lang, args.runs)


if __name__ == "__main__":
    main()
