"""Write one wording of prompts/en.yaml as its own file, for bench_intelligibility.py --prompts.

    python bench/wording_prompts.py plain OUT.yaml       # what a plain-mode user hears
    python bench/wording_prompts.py voiceover OUT.yaml   # what a VoiceOver user hears
    python bench/wording_prompts.py new OUT.yaml         # only the VoiceOver wordings

en.yaml keeps both wordings side by side (`voiceover:` beside a text), so the bench, which
reads every string of a file, would otherwise mix them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from assistant.conversation.prompt_files import load_yaml
from assistant.conversation.wording import VOICEOVER, apply_voiceover
from assistant.paths import PROMPTS_DIR


def plain(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    return {key: plain(value) for key, value in data.items() if key != VOICEOVER}


def only_voiceover(data: Any) -> Any:
    """The `voiceover:` mappings alone, under their parents' keys."""
    if not isinstance(data, dict):
        return None
    found = {}
    for key, value in data.items():
        inner = value if key == VOICEOVER else only_voiceover(value)
        if inner:
            found[key] = inner
    return found or None


WORDINGS = {"plain": plain, "voiceover": apply_voiceover, "new": only_voiceover}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in WORDINGS:
        print(__doc__, file=sys.stderr)
        return 2
    chosen = WORDINGS[argv[0]](load_yaml(PROMPTS_DIR / "en.yaml"))
    Path(argv[1]).write_text(yaml.safe_dump(chosen, sort_keys=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
