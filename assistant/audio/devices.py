"""Sound devices as PortAudio (through sounddevice) sees them, for microphones and speakers.

One place for what `--list-devices`, `--list-output-devices`, `--input-device` and
`--output-device` mean, so both directions behave the same.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Literal


def load_sounddevice() -> Any:
    """sounddevice, imported on first use (text mode never loads it), with what ALSA and
    PortAudio print while they scan the devices sent to the log, not the user's screen.

    Raises ImportError or OSError (the PortAudio library is missing); each direction turns
    that into its own message.
    """
    from assistant.audio import library_noise

    library_noise.route_alsa_errors_to_log()
    with library_noise.stderr_to_log("PortAudio"):
        import sounddevice
    return sounddevice


def parse_device(device: str | int | None) -> int | str | None:
    """A device given on the command line: an index ("3"), part of a name, or None (default)."""
    if device is None or isinstance(device, int):
        return device
    text = device.strip()
    if not text:
        return None
    return int(text) if text.isdigit() else text  # PortAudio matches parts of names itself


def list_devices(sd: Any, kind: Literal["input", "output"]) -> list[dict[str, Any]]:
    """Devices with channels of that kind: index, name, channels, default rate, is_default.

    Raises whatever PortAudio raises (sounddevice.PortAudioError) when it cannot list.
    """
    devices = sd.query_devices()
    default = sd.default.device[0 if kind == "input" else 1]
    channels_key = f"max_{kind}_channels"
    return [
        {
            "index": index,
            "name": info["name"],
            "channels": info[channels_key],
            "default_sample_rate_hz": int(info["default_samplerate"]),
            "is_default": index == default,
        }
        for index, info in enumerate(devices)
        if info.get(channels_key, 0) > 0
    ]


def print_devices(
    lister: Callable[[], list[dict[str, Any]]],
    errors: tuple[type[Exception], ...],
    plural_noun: str,
    option: str,
) -> int:
    """The listing for --list-devices / --list-output-devices; returns the exit code.

    lister: mic.list_input_devices or playback.list_output_devices; errors: what they raise
    with a one-line message when PortAudio cannot list.
    """
    try:
        devices = lister()
    except errors as err:
        print(f"Cannot list {plural_noun}: {err}", file=sys.stderr)
        return 1
    if not devices:
        print(f"No {plural_noun} found.")
        return 0
    for device in devices:
        marker = "*" if device["is_default"] else " "
        print(
            f"{marker} {device['index']:3d}  {device['name']}  "
            f"({device['channels']} ch, {device['default_sample_rate_hz']} Hz)"
        )
    print(f"(* = default; pass {option} INDEX or part of the name)")
    return 0
