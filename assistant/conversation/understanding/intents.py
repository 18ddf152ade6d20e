"""The intents an utterance is read as, and the question ids the reading depends on."""

from __future__ import annotations

from assistant.conversation import interpretation

INTENTS = (
    "yes", "no", "repeat", "back", "skip", "help", "pause", "resume", "stop",
    "start_over", "where", "slower", "faster", "louder", "quieter",
)  # fmt: skip
ANSWERS = ("yes", "no")
HELP = interpretation.HELP
UNKNOWN = interpretation.UNKNOWN
SILENCE = "silence"
START_QUESTION = "start"
"""Question id of "Shall we begin?" (and of the offer to continue a saved session)."""
FIXED_QUESTION = "fixed?"
"""Question id of "Are your photos syncing now?", asked after a change (flow.md)."""
