"""The diagram drawn from the machine, and confirming answers the recognizer was unsure of."""

from __future__ import annotations

import io
from pathlib import Path

from conversation import Queue

from assistant.cli.main import main
from assistant.conversation.dialog import Dialog
from assistant.conversation.flow import Flow
from assistant.conversation.texts import Texts
from assistant.conversation.understanding import Vocabulary
from assistant.interfaces import Utterance
from assistant.text_mode import TextSpeaker


def test_diagram_is_mermaid_with_every_question(capsys):
    assert main(["diagram"]) == 0
    out = capsys.readouterr().out
    assert "stateDiagram-v2" in out
    for node_id in Flow.load().node_ids:
        assert f"{node_id}" in out
    assert "s1.s1_apple_id --> s1.s1_sign_in: no" in out
    assert "s1.fixed --> resolved: yes" in out
    assert "s7.fixed --> unresolved: no" in out


def converse(*utterances: Utterance) -> tuple[Dialog, str]:
    flow = Flow.load()
    out = io.StringIO()
    dialog = Dialog(flow, Texts.load(flow), Vocabulary.load(), TextSpeaker(out), Queue(*utterances))
    dialog.run()
    return dialog, out.getvalue()


UNSURE_NO = Utterance("no", confidence=0.4, confident=False)


def test_an_unsure_answer_is_confirmed_before_acting():
    dialog, out = converse(Utterance("yes"), UNSURE_NO, Utterance("yes"))
    assert "Did you say no?" in out
    assert [a.intent for a in dialog.record.history] == ["no"]


def test_a_rejected_confirmation_asks_the_question_again():
    dialog, out = converse(Utterance("yes"), UNSURE_NO, Utterance("no"))
    assert "Did you say no?" in out
    assert dialog.record.history == []
    assert out.count("signed in with the same Apple Account") == 2


def test_readme_shows_the_current_diagram(capsys):
    main(["diagram"])
    drawn = capsys.readouterr().out
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{drawn}```" in readme, "run: python -m assistant diagram, paste in README"
