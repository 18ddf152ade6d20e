"""What a session found: the JSON report, the Markdown summary and the spoken summary."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from assistant.atomic_file import write_text_atomically
from assistant.conversation.flow import ACTION, FIXED, Flow
from assistant.conversation.machine import split_state
from assistant.conversation.session_store import Answer
from assistant.conversation.texts import Texts


@dataclass
class Turn:
    state: str
    """Machine state when the user spoke."""
    heard: str
    """What was said or typed ("" for silence)."""
    intent: str
    """The canonical intent it was understood as."""


@dataclass
class Outcome:
    outcome: str
    """resolved, unresolved or stopped."""
    resolved_at_step: int | None
    fixed_by: str | None
    """Id of the action that fixed it (None if none, or not resolved)."""
    final_state: str
    """The state the session was in when it ended (for stopped: where it will resume)."""
    answers: list[Answer] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)


def question_id(state: str) -> str:
    """The flow.md id of a state: "s1_apple_id", or "fixed?" for a step's fixed question."""
    _, child = split_state(state)
    return "fixed?" if child == FIXED else child or state


def step_number(flow: Flow, state: str) -> int | None:
    parent, _ = split_state(state)
    return next((s.number for s in flow.steps if s.id == parent), None)


def changes(flow: Flow, answers: list[Answer]) -> list[str]:
    """Ids of the actions the user carried out."""
    ids = [question_id(a.state) for a in answers if a.intent == "yes"]
    return [i for i in ids if i in flow.node_ids and flow.node(i).kind == ACTION]


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
        "changes": changes(flow, outcome.answers),
        "turns": [{"state": t.state, "heard": t.heard, "intent": t.intent} for t in outcome.turns],
    }


def write_report(path: Path, flow: Flow, outcome: Outcome, lang: str) -> None:
    write_text_atomically(path, json.dumps(report_json(flow, outcome, lang), indent=2) + "\n")


def _checked_titles(flow: Flow, texts: Texts, answers: list[Answer]) -> list[str]:
    steps: list[int] = []
    for a in answers:
        number = step_number(flow, a.state)
        if number is not None and number not in steps:
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
    done = [texts.get(f"nodes.{i}.change") for i in changes(flow, outcome.answers)]
    if done:
        parts.append(texts.get("dialog.spoken_summary_changed", changes=", ".join(done)))
    elif checked:
        parts.append(texts.get("dialog.spoken_summary_nothing_changed"))
    return " ".join(parts)


def summary_markdown(flow: Flow, texts: Texts, outcome: Outcome) -> str:
    """The summary to take to a Genius Bar: outcome, every check and answer, every change."""
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    q_col, a_col = (
        texts.get("dialog.summary_question_column"),
        texts.get("dialog.summary_answer_column"),
    )
    lines = [f"# {texts.get('dialog.summary_title')}", "", f"{now}", "",
             outcome_line(flow, texts, outcome), "",
             f"## {texts.get('dialog.summary_checks_heading')}", "",
             f"| Step | {q_col} | {a_col} |", "|---|---|---|"]  # fmt: skip
    for a in outcome.answers:
        qid = question_id(a.state)
        what = (
            texts.get("dialog.fixed_summary")
            if qid == "fixed?"
            else texts.get(f"nodes.{qid}.summary")
        )
        is_action = qid in flow.node_ids and flow.node(qid).kind == ACTION
        answer = texts.get(
            f"dialog.answer_words.{'done' if is_action and a.intent == 'yes' else a.intent}"
        )
        lines.append(f"| {step_number(flow, a.state)} | {what} | {answer} |")
    lines += ["", f"## {texts.get('dialog.summary_changes_heading')}", ""]
    lines += [f"- {texts.get(f'nodes.{i}.summary')}" for i in changes(flow, outcome.answers)] or [
        "-"
    ]
    return "\n".join(lines) + "\n"


def summary_path(state_file: Path) -> Path:
    """Where the Markdown summary goes: beside the state file."""
    return state_file.with_name(f"{state_file.stem}-summary.md")
