"""The speaking options of the command line, turned once into SpeakingSettings.

--rate, --volume, --voice, --list-voices, --output-device, --list-output-devices, --quiet,
--no-earcons, --speak-to. Out-of-range numbers are usage errors (exit 2) with one line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant import preferences
from assistant.speaking.settings import SpeakingSettings


def _bounded(convert: Callable[[str], float], low: float, high: float, unit: str = "") -> Any:
    """An argparse type: a number within [low, high], or a one-line usage error."""

    def parse(text: str) -> float:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}{unit}")
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser | Any) -> None:
    """Speaking options (parser may be an argument group)."""
    parser.add_argument(
        "--rate",
        type=_bounded(int, preferences.RATE_MIN_WPM, preferences.RATE_MAX_WPM, " words per minute"),
        metavar="WPM",
        help="speaking rate in words per minute, "
        f"{preferences.RATE_MIN_WPM}-{preferences.RATE_MAX_WPM} "
        f"(default: saved setting, else {preferences.DEFAULT_RATE_WPM})",
    )
    parser.add_argument(
        "--volume",
        type=_bounded(float, preferences.VOLUME_MIN, preferences.VOLUME_MAX),
        metavar="LEVEL",
        help=f"speech volume {preferences.VOLUME_MIN}-{preferences.VOLUME_MAX} "
        f"(default: saved setting, else {preferences.DEFAULT_VOLUME})",
    )
    parser.add_argument(
        "--voice",
        metavar="VOICE",
        help="ENGINE:VOICE (rhvoice:slt, espeak:gmw/en-us), or a voice id, name or language "
        "(see --list-voices); remembered for next time",
    )
    parser.add_argument("--list-voices", action="store_true",
                        help="list the voices of every speech engine and exit")  # fmt: skip
    parser.add_argument(
        "--output-device",
        metavar="DEVICE",
        help="speaker: a device index or part of its name (see --list-output-devices)",
    )
    parser.add_argument("--list-output-devices", action="store_true", help="list speakers and exit")
    parser.add_argument(
        "--quiet", action="store_true", help="speak prompts without also printing them"
    )
    parser.add_argument(
        "--no-earcons",
        action="store_true",
        help="no tones when listening starts, or when an answer was (not) understood",
    )
    parser.add_argument(
        "--speak-to",
        type=Path,
        metavar="DIR",
        help="write each spoken prompt to DIR as 0001.wav, 0002.wav, ... instead of playing",
    )


def settings(args: argparse.Namespace, lang: str = "en") -> SpeakingSettings:
    return SpeakingSettings(
        rate_wpm=args.rate,
        volume=args.volume,
        voice=args.voice,
        earcons=not args.no_earcons,
        quiet=args.quiet,
        output_device=args.output_device,
        speak_to=args.speak_to,
        lang=lang,
    )


def handle_info_flags(args: argparse.Namespace, lang: str = "en") -> int | None:
    """--list-voices, --list-output-devices: print and return an exit code; None otherwise."""
    from assistant.speaking import voice_speaker

    if args.list_voices:
        return voice_speaker.print_voices(lang)
    if args.list_output_devices:
        return voice_speaker.print_output_devices()
    return None
