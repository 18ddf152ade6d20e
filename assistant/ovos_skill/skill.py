"""The OpenVoiceOS skill: "my iCloud photos aren't syncing" starts the same guided flow.

The conversation is the standalone app's `Dialog`, unchanged; only its Speaker and Listener
differ (bus_voice.py). Progress and the Genius Bar summary are saved in the skill's own data
folder, as the app saves them in its own. Registered for OpenVoiceOS's skill loader under
the entry-point groups `ovos.plugin.skill` and `opm.skill` (pyproject.toml).
"""

from __future__ import annotations

import threading
from pathlib import Path

import platformdirs
from ovos_bus_client.message import Message
from ovos_workshop.decorators import intent_handler
from ovos_workshop.skills.converse import ConversationalSkill

from assistant.atomic_file import write_text_atomically
from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.machine import all_states
from assistant.conversation.report import Outcome, summary_markdown, summary_path
from assistant.conversation.session_store import StateStore
from assistant.conversation.understanding import SILENCE, UNKNOWN, Vocabulary
from assistant.ovos_skill.bus_voice import OvosListener, ovos_voice
from assistant.ovos_skill.resources import (
    INTENT_FILE,
    prompt_language,
    skill_texts,
    write_locale,
)
from assistant.paths import APP_NAME, PROMPTS_DIR

SKILL_ID = "icloud-photos-assistant.skill"
"""The skill's id: its entry-point name, and the name of its data folder."""


def _resource_dir() -> Path:
    """Where the intent files written from prompts/ go: derived data, so the user's cache."""
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "ovos-skill"


class IcloudPhotosSkill(ConversationalSkill):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("resources_dir", str(write_locale(PROMPTS_DIR, _resource_dir())))
        self._listener: OvosListener | None = None
        self._vocab: Vocabulary | None = None
        self._running = threading.Lock()
        self.last_outcome: Outcome | None = None
        """How the last conversation ended (for tests and logs)."""
        super().__init__(*args, **kwargs)

    @property
    def state_file(self) -> Path:
        """Saved progress, in the skill's own data folder (the summary goes beside it)."""
        return Path(self.file_system.path) / "session.json"

    @intent_handler(INTENT_FILE)
    def handle_photos_not_syncing(self, message: Message) -> None:
        if not self._running.acquire(blocking=False):
            return  # a conversation is under way; what the user says reaches it by converse
        try:
            self.last_outcome = self._converse_whole_flow()
        finally:
            self._listener = None
            self._running.release()

    def _converse_whole_flow(self) -> Outcome:
        lang = prompt_language(self.lang, PROMPTS_DIR)
        flow = Flow.load(PROMPTS_DIR)
        texts = skill_texts(flow, lang, PROMPTS_DIR)
        store = StateStore(self.state_file)
        saved, warning = store.load(all_states(flow))
        if warning:
            self.log.warning(warning)
        self._vocab = Vocabulary.load(lang, PROMPTS_DIR)
        speaker, self._listener = ovos_voice(self)
        dialog = Dialog(flow, texts, self._vocab, speaker, self._listener, store, saved)
        outcome = dialog.run()
        if outcome.answers:
            write_text_atomically(summary_path(store.path), summary_markdown(flow, texts, outcome))
        return outcome

    # --- OpenVoiceOS's hooks ---------------------------------------------------------------
    def can_converse(self, message: Message) -> bool:
        """Only words the conversation understands: the rest ("what time is it") is left to
        the other skills, even while this one waits, paused."""
        if self._listener is None or self._vocab is None:
            return False
        utterances = message.data.get("utterances") or []
        return any(self._vocab.parse(u) not in (UNKNOWN, SILENCE) for u in utterances)

    def converse(self, message: Message) -> bool:
        """Words for the running conversation, said after waking OpenVoiceOS ("resume")."""
        listener, utterances = self._listener, message.data.get("utterances") or [""]
        if listener is None:
            return False
        listener.hear(utterances[0])
        return True

    def can_stop(self, message: Message) -> bool:
        return self._listener is not None

    def stop(self) -> bool:
        """OpenVoiceOS's "stop": the conversation ends as stopped, with progress saved."""
        return self._end_input()

    def handle_deactivate(self, message: Message) -> None:
        """No longer active, so no more words will reach converse: stop, progress saved."""
        self._end_input()

    def shutdown(self) -> None:
        self._end_input()

    def voc_match(self, utt: str, voc_filename: str, lang: str | None = None,
                  exact: bool = False) -> bool:  # fmt: skip
        """OpenVoiceOS would drop "cancel" from an answer; the dialog's vocabulary reads it
        (as stop), as in the standalone app."""
        if voc_filename == "cancel":
            return False
        return bool(super().voc_match(utt, voc_filename, lang, exact))

    def _end_input(self) -> bool:
        listener = self._listener
        if listener is None:
            return False
        listener.end()
        return True
