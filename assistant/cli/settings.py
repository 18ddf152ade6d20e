"""The run-level options of the command line, turned into RunSettings here and only here.

    --text | --script FILE, --state-file PATH, --fresh, --report PATH, --lang LANG,
    --prompts DIR, --debug

Below the CLI nothing sees argparse. Building the settings also checks the files the run
will write (the state file, the summary beside it, the report) before the conversation
starts, so a path that cannot be written is one line and exit 2, not a failure at the end.
"""

from __future__ import annotations

import argparse
import enum
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.atomic_file import unwritable_reason
from assistant.cli.language_choice import UnknownLanguage, choose_language
from assistant.conversation.report import summary_path
from assistant.conversation.session_store import default_state_file
from assistant.paths import PROMPTS_DIR


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


class InputMode(enum.Enum):
    VOICE = "voice"
    """Speak and listen where possible, each side falling back to text on its own."""
    TEXT = "text"
    """Prompts printed, answers typed."""
    SCRIPT = "script"
    """Answers read from a script file."""


@dataclass(frozen=True)
class RunSettings:
    mode: InputMode
    script: Path | None
    """The script file (mode SCRIPT only)."""
    state_file: Path
    """Where progress is saved after every answer."""
    fresh: bool
    """Ignore a saved session."""
    report: Path | None
    """Where the JSON report goes on exit; None: no report."""
    lang: str
    """Language of the prompt files (en: prompts/en.yaml): --lang, else the locale's."""
    prompts: Path
    """The folder of the prompt files."""
    debug: bool
    """Log each turn, and show the traceback of an unexpected failure."""
    voiceover: bool | None = None
    """--voiceover (True) / --no-voiceover (False); None: the remembered choice, else asked
    by voice at the first start."""

    @property
    def summary(self) -> Path:
        """The Markdown summary, written beside the state file."""
        return summary_path(self.state_file)


def add_run_arguments(run: argparse.ArgumentParser) -> None:
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--text", action="store_true", help="type answers; prompts are printed")
    mode.add_argument("--script", type=Path, metavar="FILE",
                      help="answers from FILE, one utterance per line (# comments, blank lines "
                           "ignored; <silence> for saying nothing)")  # fmt: skip
    run.add_argument(
        "--state-file",
        type=Path,
        metavar="PATH",
        help=f"where progress is saved (default: {default_state_file()})",
    )
    run.add_argument("--fresh", action="store_true", help="ignore a saved session")
    run.add_argument("--report", type=Path, metavar="PATH", help="write a JSON report on exit")
    run.add_argument("--lang", help="language of prompts and answers (default: the system "
                                    "locale's, LANG=ko_KR.UTF-8 -> ko, else en)")  # fmt: skip
    run.add_argument(
        "--prompts",
        type=Path,
        default=PROMPTS_DIR,
        metavar="DIR",
        help="prompt files to use (default: the shipped ones)",
    )
    run.add_argument("--debug", action="store_true", help="log each turn and show tracebacks")
    run.add_argument("--voiceover", action=argparse.BooleanOptionalAction, default=None,
                     help="describe each screen with VoiceOver gestures (remembered)")  # fmt: skip


def run_settings(args: argparse.Namespace) -> RunSettings:
    """The settings of `run`, with the files it will write checked; UsageError if unusable."""
    mode = InputMode.SCRIPT if args.script else InputMode.TEXT if args.text else InputMode.VOICE
    settings = RunSettings(
        mode=mode,
        script=args.script,
        state_file=args.state_file or default_state_file(),
        fresh=args.fresh,
        report=args.report,
        lang=language(args),
        prompts=args.prompts,
        debug=args.debug,
        voiceover=args.voiceover,
    )
    check_output_paths(settings)
    return settings


def language(args: argparse.Namespace) -> str:
    """--lang, else the system locale's language, else en; UsageError for an unknown --lang."""
    try:
        return choose_language(args.lang, args.prompts)
    except UnknownLanguage as err:
        raise UsageError(str(err)) from None


def check_output_paths(settings: RunSettings) -> None:
    """Each file the run writes must be writable and distinct; UsageError naming it if not."""
    _check_writable("--state-file", settings.state_file)  # first: the summary's name needs it
    outputs = [("--state-file", settings.state_file), ("summary", settings.summary)]
    if settings.report is not None:
        outputs.append(("--report", settings.report))
    for name, path in outputs[1:]:
        _check_writable(name, path)
    for i, (name, path) in enumerate(outputs):
        for other_name, other in outputs[i + 1 :]:
            if _same_file(path, other):
                raise UsageError(f"{name} and {other_name} are the same file: {path}")


def _check_writable(name: str, path: Path) -> None:
    reason = unwritable_reason(path)
    if reason:
        raise UsageError(f"cannot write {name} {path}: {reason}")


def _same_file(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts
    except OSError:
        return False
