"""Which wording the assistant speaks: plain (what is on the screen) or VoiceOver (gestures).

People who use VoiceOver move with swipes, act with a double-tap and hear each control's
label and state; "tap the green switch" means nothing to them. The language file keeps a
VoiceOver wording beside a text, under `voiceover:` ("nodes.s1_sync_on.voiceover.prompt"
beside "nodes.s1_sync_on.prompt", "dialog.voiceover.greeting" beside "dialog.greeting").
`WordedTexts` is a `Texts` that prefers that wording while `voiceover` is on, so the dialog
keeps asking for the plain key and never knows which wording it got.

The choice comes from --voiceover / --no-voiceover, else from the config file ([wording]
voiceover = true), else from asking once at the first start ("Do you use VoiceOver on your
iPhone?"); a flag or an answer is remembered in the config.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.atomic_file import write_atomically
from assistant.conversation.flow import Flow
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import Vocabulary
from assistant.interfaces import Cue, Listener, Speaker

VOICEOVER = "voiceover"
"""The key that holds a text's VoiceOver wording, beside the plain one."""
NODE_TEXTS = ("prompt", "help")
"""Every node has both wordings of these (`check` verifies it)."""
OFFER_KEYS = ("dialog.voiceover_offer", "dialog.voiceover_chosen", "dialog.plain_chosen")
"""What the first-start question says."""
CONFIG_TABLE = "wording"
"""The config.toml table of this choice ([speech] belongs to the speaking settings)."""
OFFER_ATTEMPTS = 2
"""Times the first-start question is asked before going on in the plain wording."""


def voiceover_key(key: str) -> str:
    """The key of the VoiceOver wording of `key`: "a.b.prompt" -> "a.b.voiceover.prompt"."""
    parent, _, leaf = key.rpartition(".")
    return f"{parent}.{VOICEOVER}.{leaf}" if parent else f"{VOICEOVER}.{leaf}"


class WordedTexts(Texts):
    """The words of one language, in the VoiceOver wording wherever there is one and
    `voiceover` is on (set it once the choice is known); otherwise exactly `Texts`."""

    voiceover: bool = False

    def _chosen(self, key: str) -> str:
        if self.voiceover and super().has(voiceover_key(key)):
            return voiceover_key(key)
        return key

    def get(self, key: str, **values: object) -> str:
        return super().get(self._chosen(key), **values)

    def has(self, key: str) -> bool:
        return super().has(self._chosen(key))

    def wordings(self, key: str) -> list[str]:
        return super().wordings(self._chosen(key))


def missing_wordings(flow: Flow, texts: Texts) -> list[str]:
    """`check`'s lines for what the VoiceOver wording lacks: every node's prompt and help,
    and the first-start question. Empty when complete."""
    keys = [voiceover_key(f"nodes.{node.id}.{k}") for s in flow.steps for node in s.nodes
            for k in NODE_TEXTS]  # fmt: skip
    problems = []
    for key in [*keys, *OFFER_KEYS]:
        wordings = texts.wordings(key) if texts.has(key) else []
        if not wordings or not all(w.strip() and w != "None" for w in wordings):
            problems.append(f"{texts.path}: {key}: missing (every text needs a VoiceOver wording)")
    return problems


def apply_voiceover(data: Any) -> Any:
    """A language file's data as a VoiceOver user hears it: every `voiceover:` wording in
    place of the plain one, and no `voiceover:` keys left. For tools that read the file's
    keys themselves (the prompt-length test, the intelligibility bench)."""
    if not isinstance(data, dict):
        return data
    out = {key: apply_voiceover(value) for key, value in data.items() if key != VOICEOVER}
    variant = data.get(VOICEOVER)
    if isinstance(variant, dict):
        out.update(variant)
    return out


# --- asking once ------------------------------------------------------------------------
def offer_voiceover(
    texts: Texts, vocab: Vocabulary, speaker: Speaker, listener: Listener
) -> bool | None:
    """Ask "Do you use VoiceOver on your iPhone?": True, False, or None when there was no
    clear answer (silence, something else twice, input ended)."""
    for _ in range(OFFER_ATTEMPTS):
        speaker.say(texts.get("dialog.voiceover_offer"))
        speaker.cue(Cue.LISTENING)
        utterance = listener.listen(vocab.phrases(("yes", "no")))
        if utterance is None:
            return None
        intent = vocab.parse(utterance.text)
        if intent in ("yes", "no") and utterance.confident:
            speaker.cue(Cue.UNDERSTOOD)
            chosen = "dialog.voiceover_chosen" if intent == "yes" else "dialog.plain_chosen"
            speaker.say(texts.get(chosen))
            return intent == "yes"
        speaker.cue(Cue.NOT_UNDERSTOOD)
    return None


def choose_voiceover(
    flag: bool | None,
    ask: Callable[[], bool | None] | None,
    config_path: Path | None = None,
    remember: bool = True,
) -> bool:
    """Whether to use the VoiceOver wording.

    flag: --voiceover (True) / --no-voiceover (False) / neither (None); a flag wins.
    ask: asks the user (offer_voiceover); None where nobody can answer (a script).
    Without a flag, the remembered choice; without one, the answer to `ask`. A flag or an
    answer is remembered when `remember` (so the question comes once).
    """
    if flag is not None:
        chosen: bool | None = flag
    else:
        saved = saved_voiceover(config_path)
        if saved is not None:
            return saved
        chosen = ask() if ask is not None else None
    if chosen is not None and remember:
        _remember(chosen, config_path)
    return bool(chosen)


# --- remembering ------------------------------------------------------------------------
def _config_path(path: Path | None) -> Path:
    if path is not None:
        return path
    from assistant.preferences import default_config_path

    return default_config_path()


def _read_config(path: Path) -> dict[str, Any] | None:
    """The whole document; {} when absent; None when unreadable (the speech settings,
    which read the same file, already warn about that)."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def saved_voiceover(config_path: Path | None = None) -> bool | None:
    """The remembered choice, or None when there is none (or it is not true/false)."""
    document = _read_config(_config_path(config_path)) or {}
    table = document.get(CONFIG_TABLE)
    value = table.get(VOICEOVER) if isinstance(table, dict) else None
    return value if isinstance(value, bool) else None


def _remember(voiceover: bool, config_path: Path | None) -> None:
    """Write [wording] voiceover, keeping every other table and key; a file that cannot be
    written costs only the memory of this choice (one warning line)."""
    import tomli_w

    path = _config_path(config_path)
    document = dict(_read_config(path) or {})
    table = document.get(CONFIG_TABLE)
    document[CONFIG_TABLE] = {**(table if isinstance(table, dict) else {}), VOICEOVER: voiceover}
    try:
        write_atomically(path, tomli_w.dumps(document).encode("utf-8"))
    except OSError as err:
        print(f"warning: cannot remember the VoiceOver choice in {path} ({err.strerror})",
              file=sys.stderr)  # fmt: skip
