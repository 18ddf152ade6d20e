"""The listening options of the command line, turned into ListeningSettings here and only here.

--model DIR, --input-device DEVICE, --list-devices
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assistant.audio import devices
from assistant.listening import microphone
from assistant.listening.settings import ListeningSettings
from assistant.paths import PROMPTS_DIR


def add_arguments(parser: argparse.ArgumentParser | Any) -> None:
    """Listening options (parser may be an argument group)."""
    add_model_argument(parser)
    parser.add_argument(
        "--input-device",
        metavar="DEVICE",
        help="microphone: a device index or part of its name (see --list-devices)",
    )
    parser.add_argument("--list-devices", action="store_true", help="list microphones and exit")


def add_model_argument(parser: argparse.ArgumentParser | Any) -> None:
    parser.add_argument(
        "--model",
        metavar="DIR",
        type=Path,
        help="Vosk model folder (default: models/ of the checkout, then the user data folder)",
    )


def settings_from(args: argparse.Namespace) -> ListeningSettings:
    """The frozen settings for these parsed options."""
    return ListeningSettings(
        model_dir=args.model,
        input_device=getattr(args, "input_device", None),
        prompts_dir=getattr(args, "prompts", None) or PROMPTS_DIR,
    )


def handle_info_flags(args: argparse.Namespace) -> int | None:
    """--list-devices: print the microphones and return the exit code; None otherwise."""
    if not args.list_devices:
        return None
    return devices.print_devices(
        microphone.list_input_devices,
        (microphone.MicrophoneError,),
        "microphones",
        "--input-device",
    )
