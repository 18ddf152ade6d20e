"""The state machine, built from the flow data with transitions' HierarchicalMachine.

Each step is a parent state whose children are its nodes plus `fixed` (the question
"Are your photos syncing now?"). State names join parent and child with "." — the
library's default "_" would split ids like `s1_apple_id`.

The branches are data; the only Python here is the generic meaning of the targets
`fixed` and `next` (see prompts/flow.yaml). Transitions name their callbacks; the
model (the dialog) implements them:
    changed_in_step()   condition: did the user change something in the current step?
    nothing_changed()   after leaving a step in which nothing needed changing.
    photos_fixed()      before entering `resolved`, while the state is still `sN.fixed`.
"""

from __future__ import annotations

from typing import Any

from transitions.extensions import HierarchicalGraphMachine, HierarchicalMachine
from transitions.extensions.nesting import NestedState

from assistant.conversation.flow import FINAL_STATES, FIXED, NEXT, QUESTION, Flow, Step

START = "start"
DIAGRAM_TITLE = "iCloud Photos troubleshooting flow"
SEPARATOR = "."


class _DottedState(NestedState):
    separator = SEPARATOR


class FlowMachine(HierarchicalMachine):
    state_cls = _DottedState


class _FlowGraphMachine(HierarchicalGraphMachine):
    state_cls = _DottedState


def state_name(step: Step, child: str) -> str:
    return f"{step.id}{SEPARATOR}{child}"


def split_state(state: str) -> tuple[str, str]:
    """("s1", "s1_apple_id") for "s1.s1_apple_id"; ("start", "") for a top-level state."""
    parent, _, child = state.partition(SEPARATOR)
    return parent, child


def all_states(flow: Flow) -> set[str]:
    """Every non-final state a session can be saved in."""
    states = {START}
    for step in flow.steps:
        states |= {state_name(step, child) for child in (*(n.id for n in step.nodes), FIXED)}
    return states


def machine_config(flow: Flow) -> dict[str, Any]:
    """States and transitions as data, for FlowMachine or the diagram."""
    states: list[Any] = [START]
    states += [{"name": s.id, "children": [*(n.id for n in s.nodes), FIXED]} for s in flow.steps]
    states += [{"name": name, "final": True} for name in FINAL_STATES]

    def entry_after(step: Step) -> str:
        following = flow.next_step(step)
        return state_name(following, following.first.id) if following else "unresolved"

    first = flow.steps[0]
    transitions: list[dict[str, Any]] = [
        {"trigger": "yes", "source": START, "dest": state_name(first, first.first.id)},
        {"trigger": "stop", "source": START, "dest": "stopped"},
    ]
    for step in flow.steps:
        for node in step.nodes:
            for answer, target in node.branches.items():
                trigger = answer if node.kind == QUESTION else "yes"
                source = state_name(step, node.id)
                if target == NEXT:
                    transitions += [
                        {"trigger": trigger, "source": source, "dest": state_name(step, FIXED),
                         "conditions": "changed_in_step"},
                        {"trigger": trigger, "source": source, "dest": entry_after(step),
                         "unless": "changed_in_step", "after": "nothing_changed"},
                    ]  # fmt: skip
                else:
                    dest = state_name(step, target)
                    transitions.append({"trigger": trigger, "source": source, "dest": dest})
        fixed = state_name(step, FIXED)
        transitions += [
            {"trigger": "yes", "source": fixed, "dest": "resolved", "before": "photos_fixed"},
            {"trigger": "no", "source": fixed, "dest": entry_after(step)},
            {"trigger": "skip", "source": step.id, "dest": entry_after(step)},
            {"trigger": "stop", "source": step.id, "dest": "stopped"},
        ]
    return {"states": states, "transitions": transitions, "initial": START}


def build_machine(flow: Flow, model: object) -> FlowMachine:
    return FlowMachine(
        model=model, auto_transitions=False, ignore_invalid_triggers=True, **machine_config(flow)
    )


def mermaid_diagram(flow: Flow) -> str:
    """The flow as a Mermaid state diagram, drawn from the same configuration."""

    class _Model:
        def changed_in_step(self) -> bool:
            return False

    graph = _FlowGraphMachine(
        model=_Model(), graph_engine="mermaid", show_conditions=True, auto_transitions=False,
        **machine_config(flow),
    )  # fmt: skip
    lines = str(graph.get_graph().draw(None)).splitlines()
    body = lines[lines.index("stateDiagram-v2") :]
    # Drop the styling that marks a live model's current state: a static picture has none.
    body = [ln for ln in body if not ln.lstrip().startswith(("classDef", "Class "))]
    return "\n".join(["---", f"title: {DIAGRAM_TITLE}", "---", *body]) + "\n"
