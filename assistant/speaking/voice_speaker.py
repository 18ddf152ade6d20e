"""Spoken guidance: the Speaker that prints each prompt, then speaks it through a
Synthesizer (assistant.speaking.synthesizer) and an output (device or WAV folder).

Contract with cli/engines.py:
  build_speaker(settings, printer)   a Speaker, or VoiceUnavailable with a one-line message
  print_voices(lang), print_output_devices()   for --list-voices, --list-output-devices

Every prompt is printed (through the printer Speaker, unless quiet) and then spoken;
say() returns once the last sample has been played, so the dialog never listens over its
own voice. Settings come from the config file, and this run's SpeakingSettings override
them; "slower", "faster", "louder", "quieter" change them and are saved, and so is a voice
chosen with --voice.

build_speaker() only loads the engine and checks the output device (about 0.1 s): nothing
is synthesized before the first say(), so the greeting starts quickly.

Also runnable for quick checks and benches (options as the assistant's speaking options):
    python -m assistant.speaking.voice_speaker [options] TEXT...
"""

from __future__ import annotations

import math
import queue
import re
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from assistant import preferences
from assistant.audio import devices
from assistant.interfaces import Control, Cue, Speaker, VoiceUnavailable
from assistant.speaking.settings import SpeakingSettings

if TYPE_CHECKING:
    import numpy as np

    from assistant.listening.barge_in import BargeIn
    from assistant.speaking.synthesizer import Synthesizer

# Prompts this long or longer play their first sentence while the rest is synthesized (about
# 150 ms of RHVoice's time); shorter ones are synthesized whole, with natural pauses.
SPLIT_MIN_CHARS = 150
_SENTENCE_END = re.compile(r"(.+?[.!?])\s+(?=\S)", re.S)


def _split_first_sentence(text: str) -> tuple[str, str]:
    """("Hello.", "I will help...") for a text of several sentences; (text, "") otherwise."""
    match = _SENTENCE_END.match(text)
    return (match.group(1), text[match.end() :]) if match else (text, "")


def _split_answer_part(text: str, hint: str) -> tuple[str, str]:
    """(question, answer part): from the prompt's answer hint on, or else whatever
    follows its last question mark ("Shall we begin?" | "Please say yes or no."). Answers
    may cut the prompt once the question has been spoken; ("...", "") when none may."""
    at = text.rfind(hint) if hint else -1
    if at >= 0:
        return text[:at].rstrip(), text[at:]
    question_end = text.rfind("?") + 1
    if question_end and text[question_end:].strip():
        return text[:question_end], text[question_end:].strip()
    return text, ""


# One step of "faster"/"slower": about 15 % at the default rate, clearly noticeable.
RATE_STEP_WPM = 25
# One step of "louder"/"quieter": 3 dB, the smallest change most people notice at once.
VOLUME_STEP_FACTOR = math.sqrt(2.0)


class Output(Protocol):
    """Where clips go: playback.Player (the device) or playback.WavDirectoryWriter."""

    def play(self, samples: np.ndarray, sample_rate_hz: int, volume: float = 1.0) -> bool: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


def print_voices(lang: str = "en") -> int:
    """--list-voices: every engine's voices for the language, the default marked."""
    from assistant.speaking import synthesizer

    voices, missing = synthesizer.all_voices(lang)
    for line in missing:
        print(f"(not available: {line})")
    if not voices:
        print(f"No voices for {lang!r} found.")
        return 1
    default = synthesizer.default_voice_id(lang)
    for voice in voices:
        mark = "  (default)" if voice.qualified_id == default else ""
        print(f"  {voice.qualified_id:26s} {voice.name}  ({', '.join(voice.languages)}){mark}")
    print("(pass --voice ENGINE:VOICE, e.g. --voice espeak:gmw/en-us; it is remembered)")
    return 0


def print_output_devices() -> int:
    """--list-output-devices."""
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
        self.barge_in: BargeIn | None = None
        """Set by listen_over_speech(): the user may cut prompts short."""

    def listen_over_speech(self, barge_in: BargeIn) -> bool:
        """Share the output with the listener's barge-in: every played block goes to its
        echo reference, and an interruption stops the sound. False for --speak-to."""
        from assistant.speaking import playback

        if not isinstance(self.output, playback.Player):
            return False
        self.output.reference = barge_in.reference
        # A cut drops what the output has queued (~150 ms sooner silent), with a silent
        # stream kept beside it so the restart costs the next prompt no wait
        # (bench/history/barge-in.md, barge-in round five).
        self.output.abort_on_stop = True
        barge_in.connect_output(self.output.stop)
        self.barge_in = barge_in
        return True

    # --- Speaker -------------------------------------------------------------------------

    def say(self, text: str) -> None:
        if not self.quiet or self._broken:
            self.printer.say(text)  # printed first, so it can be read while it is spoken
        if self._broken or self._interrupted():
            return
        try:
            if self.barge_in is None:
                self._speak(text)
            else:
                with self.barge_in.speaking(text):
                    self._speak(text)
        except VoiceUnavailable as err:
            self._give_up_speaking(err, text)

    def _interrupted(self) -> bool:
        """The user spoke over a prompt (barge-in): quiet until the dialog has heard it."""
        return self.barge_in is not None and self.barge_in.interrupted

    def _speak(self, text: str) -> None:
        """Plays the pieces of the prompt in turn, each synthesized while the one before it
        plays: RHVoice takes ~15 ms per second of speech, 0.3 s for the greeting, which
        would otherwise all come before the first word. --speak-to keeps one file per
        prompt. With barge-in, answers may interrupt from the answer piece on."""
        pieces, answers_from = self._pieces(text)
        results: queue.Queue[Any] = queue.Queue()
        cancelled = threading.Event()

        def synthesize_rest() -> None:
            for piece in pieces[1:]:
                if cancelled.is_set():
                    return
                try:
                    results.put(self.synthesizer.synthesize(piece, self.rate_wpm))
                except VoiceUnavailable as err:
                    results.put(err)
                    return

        speech: Any = self.synthesizer.synthesize(pieces[0], self.rate_wpm)
        worker = threading.Thread(target=synthesize_rest, name="synthesize-rest", daemon=True)
        worker.start()
        try:
            for index in range(len(pieces)):
                if index > 0:
                    speech = results.get()
                if isinstance(speech, VoiceUnavailable):
                    raise speech
                if index == answers_from and self.barge_in is not None:
                    self.barge_in.open_answers()
                if not self.output.play(speech.samples, speech.sample_rate_hz, self.volume):
                    return  # cut short by stop()
        finally:
            cancelled.set()
            worker.join()  # the synthesizer is not shared between threads

    def _pieces(self, text: str) -> tuple[list[str], int]:
        """The texts to synthesize one after another, and the index of the piece from
        which answers may interrupt (len(pieces): none may)."""
        from assistant.speaking import playback

        body, answer_part = text, ""
        if self.barge_in is not None:
            body, answer_part = _split_answer_part(text, self.barge_in.hint)
        pieces = [body]
        if len(body) >= SPLIT_MIN_CHARS and not isinstance(
            self.output, playback.WavDirectoryWriter
        ):
            pieces = list(_split_first_sentence(body))
        pieces = [piece for piece in pieces if piece]
        answers_from = len(pieces)
        if answer_part:
            pieces.append(answer_part)
        return pieces or [text], answers_from

    def cue(self, cue: Cue) -> None:
        if not self.earcons or self._broken or self._interrupted():
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
    settings: SpeakingSettings, saved: preferences.SpeechPreferences
) -> preferences.SpeechPreferences:
    """Saved settings with this run's settings on top."""
    prefs = saved
    if settings.rate_wpm is not None:
        prefs = replace(prefs, rate_wpm=settings.rate_wpm)
    if settings.volume is not None:
        prefs = replace(prefs, volume=settings.volume)
    if settings.voice:
        prefs = replace(prefs, voice=settings.voice)
    if not settings.earcons:
        prefs = replace(prefs, earcons=False)
    return prefs


def build_speaker(
    settings: SpeakingSettings,
    printer: Speaker,
    config_path: Path | None = None,
) -> VoiceSpeaker:
    """The voice Speaker for these settings. Raises VoiceUnavailable (one line) when there
    is no speech engine or no output device; the caller then falls back to text."""
    from assistant.speaking import playback, synthesizer

    saved = preferences.load_preferences(config_path)
    prefs = effective_preferences(settings, saved)
    chosen = synthesizer.choose(settings.lang, prefs.voice)
    chosen.prepare(prefs.rate_wpm)  # the voice loads while the output device opens
    output: Output
    try:
        if settings.speak_to is not None:
            output = playback.WavDirectoryWriter(settings.speak_to)
        else:
            output = playback.Player(settings.output_device)
    except VoiceUnavailable:
        chosen.close()
        raise
    speaker = VoiceSpeaker(chosen, output, prefs, printer, settings.quiet, config_path)
    voice_id = f"{chosen.engine}:{chosen.voice}"
    if settings.voice and voice_id != saved.voice and _asked_for(settings.voice, voice_id):
        speaker._persist(voice=voice_id)  # the user chose it: remembered like the rate
    return speaker


def _asked_for(wanted: str, voice_id: str) -> bool:
    """False when the wanted voice was not found and the default stands in for it."""
    from assistant.speaking import synthesizer

    engine, _ = synthesizer.split_voice(wanted)
    return engine is None or voice_id.startswith(f"{engine}:")


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
    import argparse

    from assistant.cli import speaking_options

    parser = argparse.ArgumentParser(
        prog="python -m assistant.speaking.voice_speaker",
        description="Speak lines with the assistant's voice.",
    )
    speaking_options.add_arguments(parser)
    parser.add_argument("--cue", choices=[c.value for c in Cue], action="append", default=[],
                        help="play this cue after the lines (repeatable)")  # fmt: skip
    parser.add_argument("text", nargs="*", help="lines to speak, one prompt each")
    args = parser.parse_args(argv)
    info = speaking_options.handle_info_flags(args)
    if info is not None:
        return info
    try:
        speaker = build_speaker(speaking_options.settings(args), _LinePrinter())
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
