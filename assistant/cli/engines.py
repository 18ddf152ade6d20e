"""Choosing how the assistant speaks and listens: voice where it can, text otherwise.

The voice modules (speaking.voice_speaker: pyttsx3 + sounddevice, listening.voice_listener:
Vosk + microphone) are wired in here and nowhere else in the dialog's path, and imported only
when a voice is built or listed: text and script modes never load numpy, sounddevice or
vosk. Each side falls back to text on its own, and says which mode it uses and why.
"""

from __future__ import annotations

import argparse
import sys

from assistant.cli.settings import InputMode, RunSettings, language
from assistant.interfaces import Listener, Speaker, VoiceUnavailable
from assistant.text_mode import ScriptListener, StdinListener, TextSpeaker


def add_arguments(run: argparse.ArgumentParser) -> None:
    from assistant.cli import listening_options, speaking_options

    speaking_options.add_arguments(run.add_argument_group("speaking"))
    listening_options.add_arguments(run.add_argument_group("listening"))


def handle_info_flags(args: argparse.Namespace) -> int | None:
    """--list-voices, --list-output-devices, --list-devices: print, return an exit code."""
    from assistant.cli import listening_options, speaking_options

    code = speaking_options.handle_info_flags(args, language(args))
    return code if code is not None else listening_options.handle_info_flags(args)


def _sentence(err: Exception) -> str:
    text = str(err).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def choose(
    run: RunSettings, args: argparse.Namespace, script: list[str] | None
) -> tuple[Speaker, Listener]:
    """The speaker and listener for this run.

    TEXT: print and type. SCRIPT: answers from the file, prompts printed (or spoken to
    files with --speak-to). VOICE: speak and listen, each side falling back to text.
    args: only for the voice modules' own options.
    """
    printer = TextSpeaker()
    speaker: Speaker = printer
    server_canceller = None
    if run.mode is InputMode.VOICE and script is None:
        from assistant.cli import echo_canceller_choice, listening_options

        # Before any stream opens: they open on the server canceller's sink and source.
        server_canceller = echo_canceller_choice.prepare(
            args, listening_options.barge_in_choice(getattr(args, "barge_in", None))
        )
    if run.mode is InputMode.VOICE or (script is not None and args.speak_to is not None):
        from assistant.audio import library_noise
        from assistant.cli import speaking_options
        from assistant.speaking import voice_speaker

        # ALSA's own messages ("underrun occurred") go to the log, not over the conversation.
        library_noise.route_alsa_errors_to_log()

        try:
            speaker = voice_speaker.build_speaker(
                speaking_options.settings(args, run.lang), printer
            )
        except VoiceUnavailable as err:
            _note(f"Speech output unavailable: {_sentence(err)} Prompts will be printed.")
    if server_canceller is not None and not _plays_aloud(speaker):
        # Nothing to hear over: unloaded before the microphone opens, so that it opens on
        # the user's microphone, not on the module's source about to go away.
        server_canceller.give_up(args, "no speech played aloud")
        server_canceller = None
    if script is not None:
        return speaker, ScriptListener(script)
    if run.mode is InputMode.TEXT:
        return speaker, StdinListener()
    try:
        return _voice_listener(speaker, printer, args, run)
    finally:
        if server_canceller is not None and not _hears_over_speech(speaker):
            server_canceller.close()


def _hears_over_speech(speaker: Speaker) -> bool:
    return getattr(speaker, "barge_in", None) is not None


def _plays_aloud(speaker: Speaker) -> bool:
    """A voice on the loudspeaker (not printed, not written to files by --speak-to)."""
    from assistant.speaking import playback

    return isinstance(getattr(speaker, "output", None), playback.Player)


def _voice_listener(
    speaker: Speaker, printer: Speaker, args: argparse.Namespace, run: RunSettings
) -> tuple[Speaker, Listener]:
    from assistant.cli import listening_options
    from assistant.listening import voice_listener

    try:
        settings = listening_options.settings_from(args)
        listener: Listener = voice_listener.build_listener(settings, run.lang)
    except VoiceUnavailable as err:
        _note(f"Voice input unavailable: {_sentence(err)} Type your answers instead.")
        return speaker, StdinListener()
    spoken = "speaking and listening" if speaker is not printer else "listening"
    _note(f"Voice mode: {spoken}. Say your answers out loud.")
    _share_output(speaker, listener)
    return speaker, listener


def _share_output(speaker: Speaker, listener: Listener) -> None:
    """Barge-in: the listener hears over what the speaker plays (voice on both sides)."""
    from assistant.listening import voice_listener
    from assistant.speaking import voice_speaker

    barge_in = getattr(listener, "barge_in", None)
    shared = (
        isinstance(speaker, voice_speaker.VoiceSpeaker)
        and barge_in is not None
        and speaker.listen_over_speech(barge_in)
    )
    if not shared and isinstance(listener, voice_listener.VoiceListener):
        listener.barge_in = None  # prompts only printed, or written to files: nothing to hear


def fallback_listener(run: RunSettings) -> Listener | None:
    """When the microphone is lost mid-session: typed answers, if anyone can type."""
    if run.mode is not InputMode.VOICE or not sys.stdin.isatty():
        return None
    _note("The microphone stopped working. Type your answers instead; progress is kept.")
    return StdinListener()
