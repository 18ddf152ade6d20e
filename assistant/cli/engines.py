"""Choosing how the assistant speaks and listens: voice where it can, text otherwise.

The voice modules (speaking.voice_speaker: pyttsx3 + sounddevice, listening.voice_listener:
Vosk + microphone) are wired in here and nowhere else in the dialog's path; the heavy engines
inside them load only when a voice is built. Each side falls back to text on its own, and
says which mode it uses and why.
"""

from __future__ import annotations

import argparse
import sys

from assistant.cli import models_command, recognize_command, speaking_options
from assistant.interfaces import Listener, Speaker, VoiceUnavailable
from assistant.listening import voice_listener
from assistant.speaking import voice_speaker
from assistant.text_mode import ScriptListener, StdinListener, TextSpeaker


def add_arguments(run: argparse.ArgumentParser) -> None:
    speaking_options.add_arguments(run.add_argument_group("speaking"))
    voice_listener.add_arguments(run.add_argument_group("listening"))


def register_subcommands(sub: argparse._SubParsersAction) -> None:
    models_command.register(sub)
    recognize_command.register(sub)


def handle_info_flags(args: argparse.Namespace) -> int | None:
    """--list-voices, --list-output-devices, --list-devices: print, return an exit code."""
    code = speaking_options.handle_info_flags(args, args.lang)
    return code if code is not None else voice_listener.handle_info_flags(args)


def _sentence(err: Exception) -> str:
    text = str(err).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def choose(args: argparse.Namespace, script: list[str] | None) -> tuple[Speaker, Listener]:
    """The speaker and listener for this run.

    --text: print and type. --script: answers from the file, prompts printed (or spoken to
    files with --speak-to). Otherwise: speak and listen, each side falling back to text.
    """
    printer = TextSpeaker()
    speaker: Speaker = printer
    if not args.text and (script is None or args.speak_to is not None):
        try:
            speaker = voice_speaker.build_speaker(
                speaking_options.settings(args, args.lang), printer
            )
        except VoiceUnavailable as err:
            _note(f"Speech output unavailable: {_sentence(err)} Prompts will be printed.")
    if script is not None:
        return speaker, ScriptListener(script)
    if args.text:
        return speaker, StdinListener()
    try:
        listener: Listener = voice_listener.build_listener(args, args.lang)
    except VoiceUnavailable as err:
        _note(f"Voice input unavailable: {_sentence(err)} Type your answers instead.")
        return speaker, StdinListener()
    spoken = "speaking and listening" if speaker is not printer else "listening"
    _note(f"Voice mode: {spoken}. Say your answers out loud.")
    return speaker, listener


def fallback_listener(args: argparse.Namespace) -> Listener | None:
    """When the microphone is lost mid-session: typed answers, if anyone can type."""
    if args.text or args.script or not sys.stdin.isatty():
        return None
    _note("The microphone stopped working. Type your answers instead; progress is kept.")
    return StdinListener()
