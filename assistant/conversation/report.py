"""What a session found: the JSON report, the Markdown summary and the spoken summary."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from assistant.atomic_file import write_text_atomically
from assistant.conversation.flow import FIXED_QUESTION, Flow
from assistant.conversation.session_record import (
    Outcome,
    Turn,
    changes,
    question_id,
    step_number,
)
from assistant.conversation.session_store import Answer
from assistant.conversation.texts import Texts


def report_json(flow: Flow, outcome: Outcome, lang: str) -> dict:
    return {
        "outcome": outcome.outcome,
        "resolved_at_step": outcome.resolved_at_step,
        "fixed_by": outcome.fixed_by,
        "final_state": outcome.final_state,
        "lang": lang,
        "questions": [
            {
                "id": question_id(a.state),
                "step": step_number(flow, a.state),
                "intent": a.intent,
                "heard": a.heard,
            }
            for a in outcome.answers
        ],  # fmt: skip
        "changes": outcome.changes,
        "turns": [_turn_json(t) for t in outcome.turns],
    }


def _turn_json(turn: Turn) -> dict:
    """One turn; barge_in: said over a prompt, which was cut barge_in_after_ms into it."""
    return {
        "state": turn.state,
        "heard": turn.heard,
        "intent": turn.intent,
        "barge_in": turn.barge_in_after_ms is not None,
        "barge_in_after_ms": turn.barge_in_after_ms,
    }


def write_report(path: Path, flow: Flow, outcome: Outcome, lang: str) -> None:
    write_text_atomically(path, json.dumps(report_json(flow, outcome, lang), indent=2) + "\n")


def _checked_titles(flow: Flow, texts: Texts, answers: list[Answer]) -> list[str]:
    """What each step answered was about, in order, leaving out the steps where something
    was changed: those are said with the change ("We checked your settings, your internet
    connection. You changed: restarting.")."""
    steps: list[int] = []
    for a in answers:
        number = step_number(flow, a.state)
        if number is None or number in steps:
            continue
        if not changes(flow, answers, flow.steps[number - 1].id):
            steps.append(number)
    return [texts.get(f"steps.{flow.steps[n - 1].id}.checked") for n in steps]


def outcome_line(flow: Flow, texts: Texts, outcome: Outcome) -> str:
    if outcome.outcome == "resolved" and outcome.resolved_at_step:
        step = flow.steps[outcome.resolved_at_step - 1]
        change = texts.get(f"nodes.{outcome.fixed_by}.change") if outcome.fixed_by else ""
        return texts.get("dialog.summary_outcome_resolved", step=step.number,
                         title=texts.get(f"steps.{step.id}.title"), change=change)  # fmt: skip
    if outcome.outcome == "unresolved":
        return texts.get("dialog.summary_outcome_unresolved")
    return texts.get(
        "dialog.summary_outcome_stopped", step=step_number(flow, outcome.final_state) or 1
    )


def spoken_summary(flow: Flow, texts: Texts, outcome: Outcome) -> str:
    """A few plain sentences: what was checked and what was changed."""
    parts = []
    checked = _checked_titles(flow, texts, outcome.answers)
    if checked:
        parts.append(texts.get("dialog.spoken_summary_checked", steps=", ".join(checked)))
    # The change that fixed it was just said ("What fixed it was step 1: turning on sync").
    done = [texts.get(f"nodes.{i}.change") for i in outcome.changes if i != outcome.fixed_by]
    if done:
        parts.append(texts.get("dialog.spoken_summary_changed", changes=", ".join(done)))
    elif checked and not outcome.fixed_by:
        parts.append(texts.get("dialog.spoken_summary_nothing_changed"))
    return " ".join(parts)


def summary_markdown(flow: Flow, texts: Texts, outcome: Outcome) -> str:
    """The summary to take to a Genius Bar: outcome, every check and answer, every change.

    Headings and lists, no tables: a screen reader reads it in order, one line at a time.
    """
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    lines = [f"# {texts.get('dialog.summary_title')}", "", now, "",
             outcome_line(flow, texts, outcome), "",
             f"## {texts.get('dialog.summary_checks_heading')}"]  # fmt: skip
    step = None
    for a in outcome.answers:
        if step_number(flow, a.state) != step:
            step = step_number(flow, a.state)
            title = texts.get(f"steps.{flow.steps[(step or 1) - 1].id}.title")
            heading = texts.get("dialog.summary_step_heading", step=step, title=title)
            lines += ["", f"### {heading}", ""]
        said = _answer_word(flow, texts, a)
        lines.append(
            f"- {texts.get('dialog.summary_answer', question=_checked(texts, a), answer=said)}"
        )
    lines += ["", f"## {texts.get('dialog.summary_changes_heading')}", ""]
    made = [f"- {texts.get(f'nodes.{i}.summary')}" for i in outcome.changes]
    lines += made or [texts.get("dialog.summary_no_changes")]
    return "\n".join(lines) + "\n"


def _checked(texts: Texts, answer: Answer) -> str:
    qid = question_id(answer.state)
    return texts.get("dialog.fixed_summary" if qid == FIXED_QUESTION else f"nodes.{qid}.summary")


def _answer_word(flow: Flow, texts: Texts, answer: Answer) -> str:
    done = answer.intent == "yes" and flow.is_action(question_id(answer.state))
    return texts.get(f"dialog.answer_words.{'done' if done else answer.intent}")


def summary_path(state_file: Path) -> Path:
    """Where the Markdown summary goes: beside the state file."""
    return state_file.with_name(f"{state_file.stem}-summary.md")
