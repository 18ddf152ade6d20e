"""`python -m assistant`: stop signals are handled before anything else is imported, so
Ctrl-C, SIGTERM or SIGHUP during start-up end quietly too (never a traceback)."""

import sys

from assistant.cli import stop_signals

stop_signals.install()
try:
    from assistant.cli.main import main

    code = main()
except (KeyboardInterrupt, RuntimeError) as exc:
    # RuntimeError: a stop raised inside a class being created while a module is imported
    # comes wrapped (stop_signals.is_stop).
    if not stop_signals.is_stop(exc):
        raise
    from assistant.cli.commands import stopped_exit_code

    print("Stopped.", file=sys.stderr)
    code = stopped_exit_code(sys.argv[1:])
stop_signals.ignore()  # the process is ending: a late signal changes nothing now
sys.exit(code)
