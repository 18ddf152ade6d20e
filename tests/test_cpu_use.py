"""The CPU ledger of listening over speech (assistant/audio/cpu_use.py): a part is charged the
CPU its own thread spent in it, not the time it waited, and parts add up per name."""

from __future__ import annotations

import threading
import time

from assistant.audio.cpu_use import CpuUse


def _busy(cpu_s: float) -> None:
    started = time.thread_time()
    while time.thread_time() - started < cpu_s:
        pass


def test_waiting_costs_nothing_and_work_is_charged_to_its_part() -> None:
    cpu = CpuUse()
    with cpu.charge("waiting"):
        time.sleep(0.2)
    with cpu.charge("working"):
        _busy(0.05)
    with cpu.charge("working"):
        _busy(0.05)
    seconds = cpu.snapshot()
    assert seconds["waiting"] < 0.02
    assert 0.1 <= seconds["working"] < 0.5


def test_another_threads_work_is_not_charged_to_this_part() -> None:
    cpu = CpuUse()
    other = threading.Thread(target=_busy, args=(0.2,))
    with cpu.charge("mine"):
        other.start()
        other.join()
    assert cpu.snapshot()["mine"] < 0.1
