"""Command line: `python -m assistant [run options]` and its subcommands.

The command line becomes settings here (cli/settings.py) and nothing below sees argparse.
Exit codes (assistant/exit_codes.py): 0 for any outcome of the conversation, 2 for bad usage
or a file that cannot be read or written (one line naming it), 1 for an unexpected failure.
Ctrl-C, SIGTERM and SIGHUP stop the conversation as `stopped`, progress, report and summary
saved (cli/stop_signals.py).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.atomic_file import NotARegularFile, write_text_atomically
from assistant.cli import engines, stop_signals
from assistant.cli.commands import HELP, stopped_exit_code, with_command
from assistant.cli.settings import (
    InputMode,
    RunSettings,
    UsageError,
    add_run_arguments,
    run_settings,
)
from assistant.conversation import wording
from assistant.conversation.check import check_prompts
from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.machine import START, all_states, mermaid_diagram
from assistant.conversation.prompt_files import PromptError
from assistant.conversation.report import Outcome, summary_markdown, write_report
from assistant.conversation.session_store import Progress, StateStore
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import FIXED_QUESTION, START_QUESTION, Vocabulary
from assistant.exit_codes import ExitCode
from assistant.interfaces import Listener, Speaker
from assistant.paths import PROMPTS_DIR
from assistant.text_mode import read_script, replace_undecodable

# Subcommands whose modules load heavy libraries (numpy, the model store): imported only
# when named, so that the conversation in text mode never loads them.
LAZY_SUBCOMMANDS = {
    "models": "assistant.cli.models_command",
    "recognize": "assistant.cli.recognize_command",
}


def build_parser(command: str = "run") -> argparse.ArgumentParser:
    """The parser for `command` (all subcommands for "-h")."""
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Offline voice assistant for iCloud Photos not syncing on an iPhone. "
        "Without a subcommand it runs the conversation (the `run` options).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="talk through the checks (the default)")
    add_run_arguments(run)
    engines.add_arguments(run)

    check = sub.add_parser("check", help="validate prompt files")
    check.add_argument("prompts_dir", nargs="?", type=Path, default=PROMPTS_DIR,
                       metavar="PROMPTS_DIR")  # fmt: skip
    check.set_defaults(func=cmd_check)

    diagram = sub.add_parser("diagram", help="print the flow as a Mermaid state diagram")
    diagram.add_argument("--prompts", type=Path, default=PROMPTS_DIR, metavar="DIR")
    diagram.set_defaults(func=cmd_diagram)

    parse = sub.add_parser("parse", help="show the intent of an utterance as JSON")
    parse.add_argument("--lang", default="en")
    parse.add_argument("--prompts", type=Path, default=PROMPTS_DIR, metavar="DIR")
    parse.add_argument("--question", metavar="ID",
                       help="the question answered: a flow node id, fixed? or start "
                            "(default: none, the general vocabulary)")  # fmt: skip
    parse.add_argument(
        "text", nargs="+", metavar="TEXT", help="the utterance, or - for stdin lines"
    )
    parse.set_defaults(func=cmd_parse)

    for name, module in LAZY_SUBCOMMANDS.items():
        if command in (name, *HELP):
            importlib.import_module(module).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = with_command(sys.argv[1:] if argv is None else argv)
    with stop_signals.handled() as stop:
        try:
            return _main(argv, stop)
        except (KeyboardInterrupt, RuntimeError) as exc:
            # Before the conversation started, or another command; or wrapped, raised
            # inside a class being created by a lazy import (stop_signals.is_stop).
            if not stop_signals.is_stop(exc):
                raise
            print("Stopped.", file=sys.stderr)
            return stopped_exit_code(argv)


def _main(argv: list[str], stop: stop_signals.StopRequest) -> int:
    args = build_parser(argv[0]).parse_args(argv)
    debug = getattr(args, "debug", False)
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(asctime)s %(name)s: %(message)s")  # fmt: skip
    try:
        if args.command == "run":
            return cmd_run(args, stop)
        return int(args.func(args))
    except (PromptError, UsageError, NotARegularFile) as err:
        print(f"error: {err}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as err:  # the last line of defence: one line, not a traceback
        if debug:
            raise
        if isinstance(err, OSError) and err.filename is not None:  # a file we read or wrote
            print(f"error: {err.filename}: {err.strerror}", file=sys.stderr)
            return ExitCode.USAGE
        print(f"unexpected error: {type(err).__name__}: {err} (run with --debug for details)",
              file=sys.stderr)  # fmt: skip
        return ExitCode.FAILURE


def cmd_check(args: argparse.Namespace) -> int:
    problems, summary = check_prompts(args.prompts_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return ExitCode.USAGE
    print(summary)
    return ExitCode.OK


def cmd_diagram(args: argparse.Namespace) -> int:
    sys.stdout.write(mermaid_diagram(Flow.load(args.prompts)))
    return ExitCode.OK


def cmd_parse(args: argparse.Namespace) -> int:
    vocab = Vocabulary.load(args.lang, args.prompts)
    if args.question is not None:
        known = [START_QUESTION, *Flow.load(args.prompts).node_ids, FIXED_QUESTION]
        if args.question not in known:
            raise UsageError(f"unknown question {args.question!r}; one of: {', '.join(known)}")
    lines = sys.stdin if args.text == ["-"] else [" ".join(args.text)]
    replace_undecodable(sys.stdin)
    for line in lines:
        text = line.rstrip("\n")
        result = {"text": text, "intent": vocab.parse(text, args.question)}
        if args.question is not None:
            result["question"] = args.question
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return ExitCode.OK


def cmd_run(args: argparse.Namespace, stop: stop_signals.StopRequest) -> int:
    info = engines.handle_info_flags(args)
    if info is not None:
        return info
    settings = run_settings(args)
    flow = Flow.load(settings.prompts)
    texts = wording.WordedTexts.load(flow, settings.lang, settings.prompts)
    vocab = Vocabulary.load(settings.lang, settings.prompts)
    store = StateStore(settings.state_file)
    saved = None
    if not settings.fresh:
        saved, warning = store.load(all_states(flow))
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
    script = _read_script(settings.script) if settings.script else None
    try:
        speaker, listener = engines.choose(settings, args, script)
        texts.voiceover = _choose_wording(settings, texts, vocab, speaker, listener)
        dialog = Dialog(flow, texts, vocab, speaker, listener, store, saved,
                        on_listener_lost=lambda: engines.fallback_listener(settings))  # fmt: skip
    except KeyboardInterrupt:
        stop.disarm()
        print("\nStopped before the first question. Nothing was changed.", file=sys.stderr)
        outcome = _outcome_before_start(saved)
    else:
        try:
            outcome = _converse(dialog, stop)
        finally:
            speaker.close()
            listener.close()
    _write_results(settings, flow, texts, outcome)
    return ExitCode.OK


def _choose_wording(
    settings: RunSettings,
    texts: wording.WordedTexts,
    vocab: Vocabulary,
    speaker: Speaker,
    listener: Listener,
) -> bool:
    """VoiceOver wording or plain: the flag, else the remembered choice, else (by voice, at
    the first start) the user's answer. Typed and scripted runs are never asked, and scripts
    never change what is remembered."""
    voice = settings.mode is InputMode.VOICE
    ask = (lambda: wording.offer_voiceover(texts, vocab, speaker, listener)) if voice else None
    remember = settings.mode is not InputMode.SCRIPT
    return wording.choose_voiceover(settings.voiceover, ask, remember=remember)


def _converse(dialog: Dialog, stop: stop_signals.StopRequest) -> Outcome:
    """Run the conversation; a stop signal ends it as stopped, progress saved."""
    try:
        return dialog.run()
    except KeyboardInterrupt:
        outcome = dialog.interrupt()
        print("\nStopped. Your progress is saved.", file=sys.stderr)
        return outcome
    finally:
        stop.disarm()  # from here on nothing may be left half-written


def _outcome_before_start(saved: Progress | None) -> Outcome:
    """Stopped before the dialog began: where the saved session (if any) stands, unchanged."""
    if saved is None:
        return Outcome("stopped", None, None, START)
    return Outcome("stopped", None, None, saved.state, list(saved.history))


def _write_results(settings: RunSettings, flow: Flow, texts: Texts, outcome: Outcome) -> None:
    if settings.report:
        write_report(settings.report, flow, outcome, settings.lang)
    if outcome.answers:
        write_text_atomically(settings.summary, summary_markdown(flow, texts, outcome))


def _read_script(path: Path) -> list[str]:
    try:
        return read_script(path)
    except (OSError, ValueError) as err:  # UnicodeDecodeError, ScriptTooLong
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise UsageError(f"cannot read script {path}: {reason}") from None
