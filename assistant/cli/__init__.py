"""The command line: options, subcommands, and wiring the engines to the dialog."""
