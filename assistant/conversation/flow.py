"""The conversation's structure, read from prompts/flow.yaml and checked.

Checked on every load: every branch target exists, every node is reachable from the
first question, and every path ends in a final state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.paths import PROMPTS_DIR

FIXED = "fixed"
"""Target: ask whether the photos sync now."""
FIXED_QUESTION = "fixed?"
"""The id docs/flow.md gives that question, in reports and for understanding answers."""
NEXT = "next"
"""Target: end of the step (ask `fixed` if something changed in it, else the next step)."""
QUESTION = "question"
ACTION = "action"
FINAL_STATES = ("resolved", "unresolved", "stopped")


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    """`question` (answered yes or no) or `action` (answered done)."""
    branches: dict[str, str]
    """For a question: {"yes": target, "no": target}; for an action: {"done": target}."""


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    """1-based position in the flow."""
    nodes: tuple[Node, ...]

    @property
    def first(self) -> Node:
        return self.nodes[0]


@dataclass(frozen=True)
class Flow:
    steps: tuple[Step, ...]
    path: Path

    def node(self, node_id: str) -> Node:
        return self._nodes()[node_id]

    def is_action(self, node_id: str) -> bool:
        """Whether node_id is an action (answered done); False for `fixed` and unknown ids."""
        node = self._nodes().get(node_id)
        return node is not None and node.kind == ACTION

    def step_of(self, node_id: str) -> Step:
        return next(s for s in self.steps if any(n.id == node_id for n in s.nodes))

    def next_step(self, step: Step) -> Step | None:
        return self.steps[step.number] if step.number < len(self.steps) else None

    def _nodes(self) -> dict[str, Node]:
        return {n.id: n for s in self.steps for n in s.nodes}

    @property
    def node_ids(self) -> list[str]:
        return [n.id for s in self.steps for n in s.nodes]

    @classmethod
    def load(cls, prompts_dir: Path = PROMPTS_DIR) -> Flow:
        path = prompts_dir / "flow.yaml"
        steps = _parse_steps(path, load_yaml(path))
        flow = cls(steps, path)
        _check_targets(flow)
        _check_reachable(flow)
        return flow


def _parse_steps(path: Path, data: dict) -> tuple[Step, ...]:
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise PromptError(path, "steps", "missing or empty list of steps")
    steps = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_steps, start=1):
        key = f"steps[{number - 1}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise PromptError(path, f"{key}.id", "each step needs an id")
        raw_nodes = raw.get("nodes")
        if not isinstance(raw_nodes, list) or not raw_nodes:
            raise PromptError(path, f"{key}.nodes", "missing or empty list of nodes")
        nodes = tuple(_parse_node(path, f"{key}.nodes[{i}]", n) for i, n in enumerate(raw_nodes))
        for node_id in [raw["id"], *(n.id for n in nodes)]:
            if node_id in seen or node_id in (FIXED, NEXT, *FINAL_STATES, "start"):
                raise PromptError(path, key, f"id '{node_id}' is used twice or is reserved")
            seen.add(node_id)
        steps.append(Step(raw["id"], number, nodes))
    return tuple(steps)


def _parse_node(path: Path, key: str, raw: object) -> Node:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise PromptError(path, f"{key}.id", "each node needs an id")
    node_id = raw["id"]
    for kind, answers in ((QUESTION, ("yes", "no")), (ACTION, ("done",))):
        if kind not in raw:
            continue
        branches = raw[kind]
        if not isinstance(branches, dict) or sorted(branches) != sorted(answers):
            wanted = " and ".join(answers)
            raise PromptError(path, f"{key}.{kind}", f"'{node_id}' needs exactly {wanted}")
        return Node(node_id, kind, {a: str(branches[a]) for a in answers})
    raise PromptError(path, key, f"'{node_id}' must be a question or an action")


def _check_targets(flow: Flow) -> None:
    for step in flow.steps:
        local = {n.id for n in step.nodes}
        for i, node in enumerate(step.nodes):
            for answer, target in node.branches.items():
                if target not in local and target not in (FIXED, NEXT):
                    key = f"steps[{step.number - 1}].nodes[{i}].{node.kind}.{answer}"
                    raise PromptError(flow.path, key, f"unknown target '{target}'")


def _check_reachable(flow: Flow) -> None:
    """Every node reachable from its step's first node, and no loop without an exit."""
    for step in flow.steps:
        reached: set[str] = set()
        todo = [step.first.id]
        while todo:
            node_id = todo.pop()
            if node_id in reached or node_id in (FIXED, NEXT):
                continue
            reached.add(node_id)
            todo.extend(flow.node(node_id).branches.values())
        for node in step.nodes:
            if node.id not in reached:
                key = f"steps[{step.number - 1}]"
                raise PromptError(flow.path, key, f"node '{node.id}' can never be reached")
        _check_ends(flow, step)


def _check_ends(flow: Flow, step: Step) -> None:
    """Every node of a step leads, by some path, out of the step (to `fixed` or `next`)."""
    leaves: set[str] = set()
    changed = True
    while changed:
        changed = False
        for node in step.nodes:
            exits = any(t in (FIXED, NEXT) or t in leaves for t in node.branches.values())
            if exits and node.id not in leaves:
                leaves.add(node.id)
                changed = True
    for node in step.nodes:
        if node.id not in leaves:
            key = f"steps[{step.number - 1}]"
            raise PromptError(flow.path, key, f"node '{node.id}' never leads to an end")
