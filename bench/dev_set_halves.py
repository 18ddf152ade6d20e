"""The dev set split by speaker: a tuning half and a check half.

    python bench/dev_set_halves.py ../shared/data/speech-commands-dev    # counts per half

Speech Commands file names start with the speaker's id (`<id>_nohash_<n>.wav`, other words
`<word>_<id>_nohash_<n>.wav`); noise clips are numbered. The distinct speaker ids, sorted,
go alternately to `tune` and `check` (noise clips by their number), so no speaker is in
both halves and the split does not depend on any result. Recognition is tuned on `tune`
only; `check` is what the tuning did not see.
"""

from __future__ import annotations

import sys
from pathlib import Path

HALVES = ("tune", "check", "all")


def speaker_of(wav: Path) -> str:
    """The speaker id in a file name, or the name itself for a noise clip."""
    parts = wav.stem.split("_")
    if len(parts) >= 3 and parts[-2] == "nohash":
        return parts[-3]
    return wav.stem


def recordings(folder: Path, half: str = "all") -> dict[str, list[Path]]:
    """label -> the sorted WAVs of that half (tune, check or all)."""
    by_label = {d.name: sorted(d.glob("*.wav")) for d in sorted(folder.iterdir()) if d.is_dir()}
    if half == "all":
        return by_label
    speakers = sorted({speaker_of(w) for files in by_label.values() for w in files})
    tuning = set(speakers[0::2])
    wanted = half == "tune"
    return {
        label: [w for w in files if (speaker_of(w) in tuning) == wanted]
        for label, files in by_label.items()
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    for half in ("tune", "check"):
        counts = {label: len(f) for label, f in recordings(folder, half).items()}
        print(half, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
