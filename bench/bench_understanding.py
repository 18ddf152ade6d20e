"""How often typed (or transcribed) answers are understood right, and how often wrongly acted on.

    python bench/bench_understanding.py                       # the held-out half
    python bench/bench_understanding.py --set dev --details   # the half the rules were tuned on

A phrase file has one phrasing per line: text<TAB>question<TAB>intent, the question being a
flow node id, `fixed?`, `start`, or `-` for none. Each phrasing is parsed as the dialog does
(`Vocabulary.parse(text, question)`) and scored:

- right: the intent expected;
- missed: `unknown` (or `silence`) for something with a meaning: the assistant asks again;
- wrong action: any other intent, which the dialog would act on: an answer flipped (yes <-> no),
  a command taken for an answer or the reverse, another command, or acting on what should have
  been `unknown`.

"Not in the vocabulary" leaves out phrasings that are, word for word, a phrase listed in the
language file for that question: the target (>= 97% right) is about phrasings nobody listed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.conversation.understanding import (  # noqa: E402
    ANSWERS,
    SILENCE,
    START_QUESTION,
    UNKNOWN,
    Vocabulary,
)  # fmt: skip

DATA = Path(__file__).resolve().parent / "data"
SET_NAMES = ("dev", "heldout", *(f"heldout{n}" for n in range(2, 34)), "dev21", "dev22")
SETS = {name: DATA / f"understanding_{name}.tsv" for name in SET_NAMES}
NO_QUESTION = "-"
Parse = Callable[[str, "str | None"], str]


@dataclass(frozen=True)
class Phrasing:
    text: str
    question: str | None
    intent: str


def read_phrasings(path: Path) -> list[Phrasing]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            sys.exit(f"{path}:{number}: expected text<TAB>question<TAB>intent")
        text, question, intent = fields
        rows.append(Phrasing(text, None if question == NO_QUESTION else question, intent))
    return rows


def as_acted(intent: str, question: str | None) -> str:
    """The intent as the dialog acts on it: at the start question "resume" ("carry on") and
    "skip" ("next step") answer yes (dialog.Dialog._act)."""
    if question == START_QUESTION and intent in ("resume", "skip"):
        return "yes"
    return intent


def outcome(expected: str, got: str) -> str:
    """right, missed (asked again) or the kind of wrong action."""
    if got == expected:
        return "right"
    if got in (UNKNOWN, SILENCE):
        return "missed"
    if expected in ANSWERS and got in ANSWERS:
        return "wrong: answer flipped"
    if expected in ANSWERS:
        return "wrong: answer taken for a command"
    if got in ANSWERS:
        return "wrong: answer where none was meant" if expected == UNKNOWN else (
            "wrong: command taken for an answer")  # fmt: skip
    return "wrong: another command"


def score(
    vocab: Vocabulary, rows: list[Phrasing], use_question: bool, parse: Parse | None = None
) -> dict[str, Counter[str]]:
    parse = parse or vocab.parse
    counts: dict[str, Counter[str]] = {"all": Counter(), "unlisted": Counter()}
    for row in rows:
        question = row.question if use_question else None
        result = outcome(row.intent, as_acted(parse(row.text, question), question))
        counts["all"][result] += 1
        if not vocab.is_listed(row.text, row.question):
            counts["unlisted"][result] += 1
    return counts


def details(parse: Parse, rows: list[Phrasing]) -> None:
    for row in rows:
        got = as_acted(parse(row.text, row.question), row.question)
        if got != row.intent:
            print(f"  {outcome(row.intent, got):36} {row.question or '-':20} "
                  f"{row.text!r}: expected {row.intent}, got {got}")  # fmt: skip


def report(name: str, counts: Counter[str]) -> None:
    total = sum(counts.values())
    if not total:
        return
    wrong = sum(n for k, n in counts.items() if k.startswith("wrong"))
    right, missed, wrong_pct = (100 * n / total for n in (counts["right"], counts["missed"], wrong))
    print(f"| {name} | {total} | {right:.1f}% | {missed:.1f}% | {wrong} ({wrong_pct:.1f}%) |")
    for kind, n in sorted(counts.items()):
        if kind.startswith("wrong"):
            print(f"|   {kind[7:]} | | | | {n} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="heldout", help="dev, heldout, or a phrase file")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--details", action="store_true", help="list every phrasing not right")
    parser.add_argument("--technique", choices=("rules", "classifier", "both"), default="rules",
                        help="the assistant's rules (default), the paraphrase classifier, or the "
                             "classifier only where the rules say unknown")  # fmt: skip
    parser.add_argument("--min-posterior", type=float, default=0.9,
                        help="below it the classifier says unknown (default 0.9)")  # fmt: skip
    parser.add_argument("--no-gate", action="store_true",
                        help="the rules alone, without the safety gate (safety.py)")  # fmt: skip
    parser.add_argument("--fallback", choices=("on", "off"), default="off",
                        help="on: the embedding fallback (measured, not adopted: "
                             "bench/history/understanding.md 'Round eight') where the rules "
                             "say unknown; off: the assistant (default)")  # fmt: skip
    parser.add_argument("--timing", action="store_true",
                        help="also time loading and parsing")  # fmt: skip
    args = parser.parse_args(argv)
    path = SETS.get(args.set, DATA / f"understanding_{args.set}.tsv")  # a later set: heldout17
    if not path.is_file():
        path = Path(args.set)
    if not path.is_file():
        parser.error(f"no phrase set {args.set!r}: one of {', '.join(SET_NAMES)}, or a phrase file")
    rows = read_phrasings(path)
    started = time.perf_counter()
    vocab = Vocabulary.load(args.lang)
    load_ms = (time.perf_counter() - started) * 1e3
    if args.no_gate:
        vocab = replace(vocab, gated=False)
    parse = technique(vocab, args.technique, args.min_posterior)
    if args.fallback == "on":
        from embedding_fallback import EmbeddingFallback, with_fallback

        fallback = EmbeddingFallback.load(vocab)
        if fallback is None:
            parser.error("no embedding model: pip install -e '.[bench-embedding]' and "
                         "python bench/embedding_fallback.py --fetch")  # fmt: skip
        parse = with_fallback(parse, fallback)
    how = "the embedding fallback" if args.fallback == "on" else "no fallback"
    print(f"{path.name}: {len(rows)} phrasings, {args.technique}, {how}\n")
    print("| phrasings | n | right | asked again | wrong actions |")
    print("|---|---|---|---|---|")
    with_context = score(vocab, rows, use_question=True, parse=parse)
    report("all", with_context["all"])
    report("not in the vocabulary", with_context["unlisted"])
    without = score(vocab, rows, use_question=False, parse=parse)
    report("all, question not passed", without["all"])
    if args.details:
        print()
        details(parse, rows)
    if args.timing:
        print()
        timing(vocab, rows, load_ms)
    return 0


def timing(vocab: Vocabulary, rows: list[Phrasing], load_ms: float, rounds: int = 5) -> None:
    """Parse time per phrasing: the median over phrasings of each one's best of `rounds`."""
    times = []
    for row in rows:
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            vocab.parse(row.text, row.question)
            best = min(best, time.perf_counter() - started)
        times.append(best * 1e3)
    print(f"loading the vocabulary: {load_ms:.0f} ms; parsing: median "
          f"{statistics.median(times):.3f} ms, max {max(times):.2f} ms per phrasing "
          f"(best of {rounds}, {len(times)} phrasings)")  # fmt: skip


def technique(vocab: Vocabulary, name: str, min_posterior: float) -> Parse:
    if name == "rules":
        return vocab.parse
    from paraphrase_classifier import NaiveBayes

    classifier = NaiveBayes(vocab, min_posterior).train()
    if name == "classifier":
        return classifier.parse

    def both(text: str, question: str | None) -> str:
        by_rules = vocab.parse(text, question)
        return classifier.parse(text, question) if by_rules == UNKNOWN else by_rules

    return both


if __name__ == "__main__":
    raise SystemExit(main())
