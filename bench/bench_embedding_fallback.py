"""The embedding fallback (bench/embedding_fallback.py, not adopted) measured where it would
have acted: on what the rules left unknown when each of heldout13-heldout16 was first
measured (bench/history/understanding.md, "Round eight").

    python bench/bench_embedding_fallback.py            # the table in history/understanding.md
    python bench/bench_embedding_fallback.py --details  # every reading it took
    python bench/bench_embedding_fallback.py --cost     # loading, per-parse time, memory

For each set, the parser of the commit at which the set was first measured (before any rule
was tuned on it) is run from a temporary git worktree on the set, and its vocabulary's
phrases are taken as the fallback's vocabulary examples (today's language file holds phrases
learnt from these very sets); the other examples are bench/data/en.examples.tsv (the older
sets, heldout12 and before). Scored on the residue (what that parser left unknown): right
gained, wrong actions added. Also, as a check of precision on more phrasings: the fallback
alone on every phrasing of the set not in the vocabulary that its gate lets through.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import embedding_fallback as ef  # noqa: E402
from bench_understanding import SETS, as_acted  # noqa: E402

from assistant.conversation.understanding import UNKNOWN, Vocabulary  # noqa: E402

FIRST_MEASURED = {
    "heldout13": "266e38f", "heldout14": "df1b859", "heldout15": "79901d2",
    "heldout16": "3d3f69d",
}  # fmt: skip
"""The commit whose parser gave each set's first measurement (bench/history/understanding.md)."""

_DUMP = r"""
import json, sys
from pathlib import Path
from assistant.conversation.understanding import INTENTS, Vocabulary
assert sys.argv[3] in __import__("assistant").__file__
v = Vocabulary.load("en", Path(sys.argv[3]) / "prompts")
ex = [(" ".join(p), None, m.kind) for p, m in v.general.items() if m.kind in INTENTS]
for q, t in v.by_question.items():
    ex += [(" ".join(p), q, m.kind) for p, m in t.items() if m.kind in INTENTS]
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    text, q, intent = line.split("\t")
    q = None if q == "-" else q
    rows.append((text, q, intent, v.parse(text, q), v.is_listed(text, q)))
json.dump({"examples": ex, "rows": rows}, open(sys.argv[2], "w"))
"""


def first_parse(name: str, commit: str, scratch: Path) -> dict:
    """The set parsed by the parser of `commit`, and that vocabulary's phrases."""
    tree, out = scratch / f"wt-{commit}", scratch / f"{name}.json"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree),
                    commit], check=True)  # fmt: skip
    try:
        subprocess.run([sys.executable, "-c", _DUMP, str(SETS[name]), str(out), str(tree)],
                       check=True, cwd=scratch,
                       env={**os.environ, "PYTHONPATH": str(tree)})  # fmt: skip
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                       check=True)  # fmt: skip
    return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--cost", action="store_true", help="only the cost, in a fresh process")
    args = parser.parse_args(argv)
    vocab = Vocabulary.load("en")
    examples_file = ef.EXAMPLES
    if args.cost:
        cost(vocab, examples_file)
        return 0
    if ef.EmbeddingFallback.load(vocab, None, examples_file) is None:
        sys.exit(
            "no embedding model: pip install -e '.[bench-embedding]' and "
            "python bench/embedding_fallback.py --fetch"
        )
    print(f"gate: similarity >= {ef.MIN_SIMILARITY}, margin >= {ef.MIN_MARGIN}, "
          f"mean of the {ef.K} nearest\n")  # fmt: skip
    print(
        "| set (first measured at) | residue: left unknown | with a meaning | gate lets through "
        "| right gained | wrong actions added | alone on the whole set: right / wrong |"
    )
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0, 0, 0, 0, 0, 0]
    notes = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, commit in FIRST_MEASURED.items():
            data = first_parse(name, commit, Path(scratch))
            old = [ef.Example(t, q, i) for t, q, i in data["examples"]]
            fallback = ef.EmbeddingFallback.load(
                vocab, None, examples_file, extra=old, with_vocabulary=False
            )
            assert fallback is not None
            counts = [0, 0, 0, 0, 0, 0, 0]
            for text, question, intent, got, listed in data["rows"]:
                if listed:
                    continue
                read = as_acted(fallback.read(text, question), question)
                through = fallback.blocked(text, question) is None
                if through and read != UNKNOWN:
                    counts[5 if read == intent else 6] += 1
                if got != UNKNOWN:
                    continue
                counts[0] += 1
                counts[1] += intent != UNKNOWN
                counts[2] += through
                if read != UNKNOWN:
                    counts[3 if read == intent else 4] += 1
                    notes.append(f"  {'right' if read == intent else 'WRONG'}  {name} "
                                 f"{question or '-'}: {text!r} -> {read} "
                                 f"(meant {intent})")  # fmt: skip
            print(f"| {name} (`{commit}`) | {counts[0]} | {counts[1]} | {counts[2]} | "
                  f"{counts[3]} | {counts[4]} | {counts[5]} / {counts[6]} |")  # fmt: skip
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
    print(f"| all four | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} | {totals[4]} | "
          f"{totals[5]} / {totals[6]} |")  # fmt: skip
    if args.details:
        print("\n" + "\n".join(notes))
    return 0


def cost(vocab: Vocabulary, examples_file: Path) -> None:
    """Loading (cached vectors, and computing them), per-read time, memory, model size."""
    model = ef.find()
    assert model is not None
    size = sum(f.stat().st_size for f in model.iterdir()) / 1e6
    before = _rss_mb()
    started = time.perf_counter()
    fallback = ef.EmbeddingFallback.load(vocab, None, examples_file)
    cached_ms = (time.perf_counter() - started) * 1e3
    assert fallback is not None
    started = time.perf_counter()
    fallback.vectors = fallback.embed([e.text for e in fallback.examples])
    embed_s = time.perf_counter() - started
    rows = [line.split("\t") for line in SETS["heldout6"].read_text().splitlines() if line]
    times, embedded = [], []
    for text, question, _ in rows:
        q = None if question == "-" else question
        started = time.perf_counter()
        fallback.read(text, q)
        times.append((time.perf_counter() - started) * 1e3)
        if fallback.blocked(text, q) is None:
            embedded.append(times[-1])
    after = _rss_mb()
    print(f"\nmodel {size:.1f} MB on disk; {len(fallback.examples)} examples; loading "
          f"{cached_ms:.0f} ms with the examples' vectors cached, computing them "
          f"{embed_s:.1f} s; a read (gate + embedding + nearest): median "
          f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms ({len(times)} phrasings "
          f"of heldout6); of the {len(embedded)} its gate lets through (embedded): median "
          f"{statistics.median(embedded):.1f} ms, max {max(embedded):.1f} ms; resident memory "
          f"{before:.0f} -> {after:.0f} MB "
          f"(the vocabulary alone, then with the fallback loaded and used)")  # fmt: skip


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    raise SystemExit(main())
