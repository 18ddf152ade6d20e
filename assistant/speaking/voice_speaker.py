"""Spoken guidance: the pyttsx3 + sounddevice Speaker, its command-line options and factory.

Contract with cli.py / engines.py:
  add_arguments(parser)          --rate, --volume, --voice, --list-voices, --output-device,
                                 --list-output-devices, --quiet, --no-earcons, --speak-to
  handle_info_flags(args)        prints voices (or output devices) and returns 0; else None
  build_speaker(args, printer)   a Speaker, or VoiceUnavailable with a one-line message

Every prompt is printed (through the printer Speaker, unless --quiet) and then spoken;
say() returns once the last sample has been played, so the dialog never listens over its
own voice. Settings come from the config file, and command-line flags override them for
this run; "slower", "faster", "louder", "quieter" change them and are saved.

build_speaker() only loads the engine and checks the output device (about 0.1 s): nothing
is synthesized before the first say(), so the greeting starts quickly.

Also runnable for quick checks and benches:
    python -m assistant.speaking.voice_speaker [options] TEXT...
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant import preferences
from assistant.audio import devices
from assistant.interfaces import Control, Cue, Speaker, VoiceUnavailable

if TYPE_CHECKING:
    import numpy as np

    from assistant.speaking.pyttsx3_synthesizer import Synthesizer

# One step of "faster"/"slower": about 15 % at the default rate, clearly noticeable.
RATE_STEP_WPM = 25
# One step of "louder"/"quieter": 3 dB, the smallest change most people notice at once.
VOLUME_STEP_FACTOR = math.sqrt(2.0)


class Output(Protocol):
    """Where clips go: playback.Player (the device) or playback.WavDirectoryWriter."""

    def play(self, samples: np.ndarray, sample_rate_hz: int, volume: float = 1.0) -> bool: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


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
        "--voice", metavar="VOICE", help="voice id, name or language (see --list-voices)"
    )
    parser.add_argument("--list-voices", action="store_true", help="list English voices and exit")
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


def _english(languages: tuple[str, ...]) -> bool:
    return any(lang.lower().startswith("en") for lang in languages)


def handle_info_flags(args: argparse.Namespace) -> int | None:
    if getattr(args, "list_voices", False):
        return _print_voices()
    if getattr(args, "list_output_devices", False):
        return _print_output_devices()
    return None


def _print_voices() -> int:
    from assistant.speaking import pyttsx3_synthesizer

    try:
        synthesizer = pyttsx3_synthesizer.Synthesizer()
    except VoiceUnavailable as err:
        print(f"Cannot list voices: {err}", file=sys.stderr)
        return 1
    try:
        voices = [v for v in synthesizer.voices() if _english(v.languages)]
    finally:
        synthesizer.close()
    if not voices:
        print("No English voices found.")
        return 0
    for voice in voices:
        print(f"  {voice.id:24s} {voice.name}  ({', '.join(voice.languages)})")
    print("(pass --voice ID; the default is the engine's English voice)")
    return 0


def _print_output_devices() -> int:
    from assistant.speaking import playback

    return devices.print_devices(
        playback.list_output_devices, (VoiceUnavailable,), "speakers", "--output-device"
    )


class VoiceSpeaker:
    """Speaker: prints each prompt, then speaks it and returns when it has been heard."""

    def __init__(
        self,
        synthesizer: Synthesizer,
        output: Output,
        prefs: preferences.SpeechPreferences,
        printer: Speaker,
        quiet: bool = False,
        config_path: Path | None = None,
        warn_to: Any = None,
    ) -> None:
        self.synthesizer = synthesizer
        self.output = output
        self.rate_wpm = prefs.rate_wpm
        self.volume = prefs.volume
        self.earcons = prefs.earcons
        self.printer = printer
        self.quiet = quiet
        self.config_path = config_path
        self._warn_to = warn_to
        self._cue_clips: dict[Cue, np.ndarray] = {}
        self._broken = False
        """Set when the audio failed mid-session: from then on prompts are only printed."""

    # --- Speaker -------------------------------------------------------------------------

    def say(self, text: str) -> None:
        if not self.quiet or self._broken:
            self.printer.say(text)  # printed first, so it can be read while it is spoken
        if self._broken:
            return
        try:
            speech = self.synthesizer.synthesize(text, self.rate_wpm)
            self.output.play(speech.samples, speech.sample_rate_hz, self.volume)
        except VoiceUnavailable as err:
            self._give_up_speaking(err, text)

    def cue(self, cue: Cue) -> None:
        if not self.earcons or self._broken:
            return
        from assistant.speaking import earcons, playback

        if isinstance(self.output, playback.WavDirectoryWriter):
            return  # --speak-to records prompts only, one file each
        clip = self._cue_clips.get(cue)
        if clip is None:
            clip = self._cue_clips[cue] = earcons.earcon(cue, earcons.DEFAULT_SAMPLE_RATE_HZ)
        try:
            self.output.play(clip, earcons.DEFAULT_SAMPLE_RATE_HZ, self.volume)
        except VoiceUnavailable as err:
            self._give_up_speaking(err, None)

    def adjust(self, control: Control) -> bool:
        """One notch of rate or volume, saved for next time; False at the limit."""
        if control in (Control.SLOWER, Control.FASTER):
            step = RATE_STEP_WPM if control is Control.FASTER else -RATE_STEP_WPM
            new_rate = preferences.clamp_rate_wpm(self.rate_wpm + step)
            if new_rate == self.rate_wpm:
                return False
            self.rate_wpm = new_rate
            self._persist(rate_wpm=new_rate)
            return True
        factor = VOLUME_STEP_FACTOR if control is Control.LOUDER else 1 / VOLUME_STEP_FACTOR
        new_volume = preferences.clamp_volume(self.volume * factor)
        if math.isclose(new_volume, self.volume, abs_tol=1e-3):
            return False
        self.volume = new_volume
        self._persist(volume=new_volume)
        return True

    def close(self) -> None:
        self.output.stop()
        self.output.close()
        self.synthesizer.close()

    # --- helpers ---------------------------------------------------------------------------

    def stop(self) -> None:
        """Cut the prompt being spoken short (from another thread)."""
        self.output.stop()

    def _persist(self, **changes: Any) -> None:
        """Save only what the user just changed; flags given for this run stay unsaved."""
        try:
            saved = preferences.load_preferences(self.config_path, warn_to=self._warn_to)
            preferences.save_preferences(replace(saved, **changes), self.config_path)
        except OSError as err:
            print(
                f"warning: could not save speech settings ({err.strerror or err})",
                file=self._warn_to or sys.stderr,
                flush=True,
            )

    def _give_up_speaking(self, err: VoiceUnavailable, text: str | None) -> None:
        self._broken = True
        print(
            f"Speech output stopped working: {err} Prompts will be printed.",
            file=self._warn_to or sys.stderr,
            flush=True,
        )
        if text is not None and self.quiet:
            self.printer.say(text)  # --quiet, but silence would leave the user with nothing


def effective_preferences(
    args: argparse.Namespace, saved: preferences.SpeechPreferences
) -> preferences.SpeechPreferences:
    """Saved settings with this run's command-line flags on top."""
    prefs = saved
    if getattr(args, "rate", None) is not None:
        prefs = replace(prefs, rate_wpm=args.rate)
    if getattr(args, "volume", None) is not None:
        prefs = replace(prefs, volume=args.volume)
    if getattr(args, "voice", None):
        prefs = replace(prefs, voice=args.voice)
    if getattr(args, "no_earcons", False):
        prefs = replace(prefs, earcons=False)
    return prefs


def build_speaker(
    args: argparse.Namespace,
    printer: Speaker,
    config_path: Path | None = None,
) -> VoiceSpeaker:
    """The voice Speaker for these options. Raises VoiceUnavailable (one line) when there is
    no speech engine or no output device; the caller then falls back to text."""
    from assistant.speaking import playback, pyttsx3_synthesizer

    prefs = effective_preferences(args, preferences.load_preferences(config_path))
    speak_to = getattr(args, "speak_to", None)
    output: Output
    if speak_to is not None:
        output = playback.WavDirectoryWriter(speak_to)
    else:
        output = playback.Player(getattr(args, "output_device", None))
    try:
        pronunciations = pyttsx3_synthesizer.Pronunciations.load()
    except ValueError as err:
        print(f"warning: {err}; pronunciation fixes are off", file=sys.stderr)
        pronunciations = pyttsx3_synthesizer.Pronunciations({})
    synthesizer = pyttsx3_synthesizer.Synthesizer(pronunciations=pronunciations)
    if prefs.voice:
        voice_id = synthesizer.resolve_voice(prefs.voice)
        if voice_id is None:
            print(
                f"warning: no voice {prefs.voice!r} (see --list-voices); using the default voice",
                file=sys.stderr,
            )
        synthesizer.voice = voice_id
    quiet = bool(getattr(args, "quiet", False))
    return VoiceSpeaker(synthesizer, output, prefs, printer, quiet, config_path)


class _LinePrinter:
    """The smallest printer Speaker, for running this module on its own."""

    def say(self, text: str) -> None:
        print(text, flush=True)

    def cue(self, cue: Cue) -> None:
        pass

    def adjust(self, control: Control) -> bool:
        return True

    def close(self) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.speaking.voice_speaker",
        description="Speak lines with the assistant's voice.",
    )
    add_arguments(parser)
    parser.add_argument("--cue", choices=[c.value for c in Cue], action="append", default=[],
                        help="play this cue after the lines (repeatable)")  # fmt: skip
    parser.add_argument("text", nargs="*", help="lines to speak, one prompt each")
    args = parser.parse_args(argv)
    info = handle_info_flags(args)
    if info is not None:
        return info
    try:
        speaker = build_speaker(args, _LinePrinter())
    except VoiceUnavailable as err:
        print(f"Speech output unavailable: {err}", file=sys.stderr)
        return 1
    try:
        for line in args.text:
            speaker.say(line)
        for name in args.cue:
            speaker.cue(Cue(name))
    finally:
        speaker.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
