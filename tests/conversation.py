"""Run the assistant on a scripted conversation, the way a developer would from the shell."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.interfaces import Utterance


@dataclass
class Result:
    exit_code: int
    output: str
    """Everything printed: prompts and the echoed answers ("> yes")."""
    errors: str
    report: dict

    @property
    def outcome(self) -> str:
        return self.report["outcome"]

    @property
    def asked(self) -> list[str]:
        """Ids of the questions and actions whose answers stand, in order."""
        return [q["id"] for q in self.report["questions"]]

    @property
    def states_heard_in(self) -> list[str]:
        """The state of every turn, in order (commands included)."""
        return [t["state"] for t in self.report["turns"]]


class Conversation:
    """Scripted sessions sharing one state file, as a returning user would."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp_path = tmp_path
        self.capsys = capsys
        self.state_file = tmp_path / "session.json"
        self.runs = 0

    def run(self, *lines: str, fresh: bool = False, extra: tuple[str, ...] = ()) -> Result:
        self.runs += 1
        script = self.tmp_path / f"script{self.runs}.txt"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = self.tmp_path / f"report{self.runs}.json"
        args = ["--script", str(script), "--state-file", str(self.state_file),
                "--report", str(report), *(("--fresh",) if fresh else ()), *extra]  # fmt: skip
        self.capsys.readouterr()
        code = main(args)
        captured = self.capsys.readouterr()
        data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
        return Result(code, captured.out, captured.err, data)


@pytest.fixture
def talk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Conversation:
    return Conversation(tmp_path, capsys)


class Queue:
    """A listener that hears the given utterances in order, then input ends."""

    def __init__(self, *utterances: Utterance) -> None:
        self.utterances = list(utterances)

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        return self.utterances.pop(0) if self.utterances else None

    def close(self) -> None:
        pass
