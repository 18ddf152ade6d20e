"""The conversation: flow data, state machine, dialog, understanding, texts, saved sessions,
reports."""
