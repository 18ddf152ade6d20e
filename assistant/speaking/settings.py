"""How this run should speak, decided once at the command line (cli/speaking_options.py).

Nothing in assistant/speaking sees argparse: the CLI builds this and hands it down. A value
of None means "the saved setting" (config.toml [speech]), which in turn defaults to
assistant.preferences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SpeakingSettings:
    rate_wpm: int | None = None
    """Speaking rate, words per minute, for this run only; None: the saved rate."""
    volume: float | None = None
    """Gain 0.1-1.0 for this run only; None: the saved volume."""
    voice: str | None = None
    """"engine:voice" ("rhvoice:slt"), or a bare id, name or language; remembered once it
    is found. None: the saved voice, else the clearest installed voice of the language."""
    earcons: bool = True
    """False: no turn-taking tones (--no-earcons)."""
    quiet: bool = False
    """True: speak without also printing each prompt."""
    output_device: str | None = None
    """Device index or part of its name; None: the system's default output."""
    speak_to: Path | None = None
    """Write each prompt as DIR/0001.wav, ... instead of playing it."""
    lang: str = "en"
    """Language of the prompts: picks the voice and the pronunciation table."""
