"""Command line: `python -m assistant [run options]` and its subcommands.

Exit codes: 0 for any outcome of the conversation, 2 for bad usage or invalid files,
1 for an unexpected failure.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.atomic_file import write_text_atomically
from assistant.cli import engines
from assistant.conversation.check import check_prompts
from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.machine import all_states, mermaid_diagram
from assistant.conversation.prompt_files import PromptError
from assistant.conversation.report import summary_markdown, summary_path, write_report
from assistant.conversation.session_store import StateStore, default_state_file
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import FIXED_QUESTION, START_QUESTION, Vocabulary
from assistant.paths import PROMPTS_DIR
from assistant.text_mode import read_script

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("run", "check", "diagram", "parse", "models", "recognize")


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


def _add_run_arguments(run: argparse.ArgumentParser) -> None:
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
    run.add_argument("--lang", default="en", help="language of prompts and answers (default: en)")
    run.add_argument(
        "--prompts",
        type=Path,
        default=PROMPTS_DIR,
        metavar="DIR",
        help="prompt files to use (default: the shipped ones)",
    )
    run.add_argument("--debug", action="store_true", help="log each turn and show tracebacks")
    engines.add_arguments(run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Offline voice assistant for iCloud Photos not syncing on an iPhone. "
        "Without a subcommand it runs the conversation (the `run` options).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="talk through the checks (the default)")
    _add_run_arguments(run)
    run.set_defaults(func=cmd_run)

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

    engines.register_subcommands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in (*SUBCOMMANDS, "-h", "--help"):
        args_list.insert(0, "run")
    args = build_parser().parse_args(args_list)
    logging.basicConfig(level=logging.DEBUG if getattr(args, "debug", False) else logging.WARNING,
                        format="%(asctime)s %(name)s: %(message)s")  # fmt: skip
    try:
        return int(args.func(args))
    except (PromptError, UsageError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK
    except Exception as err:  # the last line of defence: one line, not a traceback
        if getattr(args, "debug", False):
            raise
        print(f"unexpected error: {type(err).__name__}: {err} (run with --debug for details)",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILURE


def cmd_check(args: argparse.Namespace) -> int:
    problems, summary = check_prompts(args.prompts_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return EXIT_USAGE
    print(summary)
    return EXIT_OK


def cmd_diagram(args: argparse.Namespace) -> int:
    sys.stdout.write(mermaid_diagram(Flow.load(args.prompts)))
    return EXIT_OK


def cmd_parse(args: argparse.Namespace) -> int:
    vocab = Vocabulary.load(args.lang, args.prompts)
    if args.question is not None:
        known = [START_QUESTION, *Flow.load(args.prompts).node_ids, FIXED_QUESTION]
        if args.question not in known:
            raise UsageError(f"unknown question {args.question!r}; one of: {', '.join(known)}")
    lines = sys.stdin if args.text == ["-"] else [" ".join(args.text)]
    for line in lines:
        text = line.rstrip("\n")
        result = {"text": text, "intent": vocab.parse(text, args.question)}
        if args.question is not None:
            result["question"] = args.question
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    info = engines.handle_info_flags(args)
    if info is not None:
        return info
    flow = Flow.load(args.prompts)
    texts = Texts.load(flow, args.lang, args.prompts)
    vocab = Vocabulary.load(args.lang, args.prompts)
    store = StateStore(args.state_file or default_state_file())
    saved = None
    if not args.fresh:
        saved, warning = store.load(all_states(flow))
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
    script = _read_script(args.script) if args.script else None
    speaker, listener = engines.choose(args, script)
    dialog = Dialog(flow, texts, vocab, speaker, listener, store, saved,
                    on_listener_lost=lambda: engines.fallback_listener(args))  # fmt: skip
    try:
        outcome = dialog.run()
    except KeyboardInterrupt:
        outcome = dialog.interrupt()
        print("\nStopped. Your progress is saved.", file=sys.stderr)
    finally:
        speaker.close()
        listener.close()
    if args.report:
        write_report(args.report, flow, outcome, args.lang)
    if outcome.answers:
        write_text_atomically(summary_path(store.path), summary_markdown(flow, texts, outcome))
    return EXIT_OK


def _read_script(path: Path) -> list[str]:
    try:
        return read_script(path)
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        raise UsageError(f"cannot read script {path}: {reason}") from None
