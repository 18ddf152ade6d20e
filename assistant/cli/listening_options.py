"""The listening options of the command line, turned into ListeningSettings here and only here.

--model DIR, --input-device DEVICE, --list-devices, --barge-in / --no-barge-in,
--echo-canceller
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant import preferences
from assistant.audio import devices
from assistant.listening import microphone
from assistant.listening.settings import ListeningSettings
from assistant.paths import PROMPTS_DIR

# "auto" (the default: cli/echo_canceller_choice.py turns it into "pulse" or "speex+webrtc"
# before the streams open), then listening/echo_cancel.CANCELLERS (not imported here: it
# loads numpy).
ECHO_CANCELLERS = ("auto", "speex+webrtc", "webrtc", "speex", "none", "pulse")


def add_arguments(parser: argparse.ArgumentParser | Any) -> None:
    """Listening options (parser may be an argument group)."""
    add_model_argument(parser)
    parser.add_argument(
        "--input-device",
        metavar="DEVICE",
        help="microphone: a device index or part of its name (see --list-devices)",
    )
    parser.add_argument("--list-devices", action="store_true", help="list microphones and exit")
    parser.add_argument(
        "--barge-in",
        dest="barge_in",
        action="store_true",
        default=None,
        help="let me interrupt the assistant while it speaks (the default; remembered)",
    )
    parser.add_argument(
        "--no-barge-in",
        dest="barge_in",
        action="store_false",
        help="only listen once the assistant has finished speaking (remembered)",
    )
    parser.add_argument(
        "--echo-canceller",
        choices=ECHO_CANCELLERS,
        default=ECHO_CANCELLERS[0],
        help="how its own voice is taken out of the microphone while it speaks: auto "
        "(default: pulse where the sound server is PulseAudio, which measured better, "
        "speex+webrtc elsewhere, e.g. on PipeWire), speex+webrtc, webrtc, speex, none "
        "(headphones are noticed without it), or pulse (the sound server's echo-cancel "
        "module, loaded for the session; speex+webrtc where it cannot be)",
    )


def add_model_argument(parser: argparse.ArgumentParser | Any) -> None:
    parser.add_argument(
        "--model",
        metavar="DIR",
        type=Path,
        help="Vosk model folder (default: models/ of the checkout, then the user data folder)",
    )


def settings_from(args: argparse.Namespace) -> ListeningSettings:
    """The frozen settings for these parsed options; --barge-in/--no-barge-in is saved in
    the config file (like "slower"), the saved choice applies when neither is given."""
    return ListeningSettings(
        model_dir=args.model,
        input_device=getattr(args, "input_device", None),
        prompts_dir=getattr(args, "prompts", None) or PROMPTS_DIR,
        barge_in=barge_in_choice(getattr(args, "barge_in", None)),
        echo_canceller=_listener_canceller(getattr(args, "echo_canceller", None)),
    )


def _listener_canceller(name: str | None) -> str:
    """The canceller the listener builds: "auto" still unresolved (the server's module not
    prepared: cli/echo_canceller_choice.py) is the in-process one, as where it cannot load."""
    if name is None or name == ECHO_CANCELLERS[0]:
        return ListeningSettings.echo_canceller
    return name


def barge_in_choice(given: bool | None) -> bool:
    """The flag given (then remembered), or the remembered choice (on by default)."""
    saved = preferences.load_preferences()
    if given is None:
        return saved.barge_in
    if given != saved.barge_in:
        try:
            preferences.save_preferences(replace(saved, barge_in=given))
        except OSError as err:
            print(f"warning: could not save the barge-in choice ({err.strerror or err})",
                  file=sys.stderr, flush=True)  # fmt: skip
    return given


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
