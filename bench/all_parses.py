"""Every parse of every phrase set, to compare the rules before and after a change.

    python bench/all_parses.py > /tmp/parses_before.txt     # on main
    python bench/all_parses.py > /tmp/parses_after.txt      # on the branch
    diff /tmp/parses_before.txt /tmp/parses_after.txt

Prints lang|file|question|text<TAB>intent for every line of bench/data/understanding_*.tsv,
en.examples.tsv and korean_*.tsv (and of any extra .tsv named, Korean when its name says
"korean"), parsed with the question and without it. A round of rules is judged line by line
on this diff: no line may become a wrong action, and every change should be to the line's
label (bench/history/understanding.md). A parse that raises prints ERROR and the message,
so one bad rule does not hide the other lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.conversation.understanding import Vocabulary  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
NO_QUESTION = "-"


def main(extra: list[str]) -> None:
    files = {
        "en": [*sorted(DATA.glob("understanding_*.tsv")), DATA / "en.examples.tsv"],
        "ko": sorted(DATA.glob("korean_*.tsv")),
    }
    for name in extra:
        files["ko" if "korean" in name else "en"].append(Path(name))
    for lang, paths in files.items():
        vocab = Vocabulary.load(lang)
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) < 2:
                    continue
                text, question = fields[0], None if fields[1] == NO_QUESTION else fields[1]
                for asked in dict.fromkeys([question, None]):
                    try:
                        got = vocab.parse(text, asked)
                    except Exception as exc:  # noqa: BLE001 - reported per line, not raised
                        got = f"ERROR {exc}"
                    print(f"{lang}|{path.name}|{asked}|{text}\t{got}")


if __name__ == "__main__":
    main(sys.argv[1:])
