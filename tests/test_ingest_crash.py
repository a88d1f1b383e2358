"""Ingest is all or nothing, even when the process is killed or interrupted half-way."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leaktrace import synth

ENV = {k: v for k, v in os.environ.items() if not k.startswith("LEAKTRACE_")}


@pytest.fixture(scope="module")
def leak(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("leak") / "big.csv"
    synth.write_csv(path, synth.patients(4000, 3), seed=3)
    return path


def _default_sigint() -> None:
    # A runner started in the background (`cmd &` in a script) ignores SIGINT, and its
    # children inherit that: Python then installs no KeyboardInterrupt handler and the Ctrl-C
    # test would see the ingest finish. The child gets the terminal's default back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(home: Path, leak: Path, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "leaktrace",
            "--home",
            str(home),
            "ingest",
            str(leak),
            "--breach",
            name,
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        preexec_fn=_default_sigint,
    )


def _state(home: Path) -> tuple[list[str], int, int]:
    db = home / "leaktrace.db"
    if not db.exists():
        return [], 0, 0
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM breaches ORDER BY name")]
        exposures = conn.execute("SELECT count(*) FROM exposures").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM exposures WHERE breach_id NOT IN (SELECT id FROM breaches)"
        ).fetchone()[0]
    finally:
        conn.close()
    return names, exposures, orphans


@pytest.mark.parametrize("run", range(3))
def test_kill_9_leaves_nothing_and_rerun_succeeds(tmp_path: Path, leak: Path, run: int) -> None:
    home = tmp_path / "home"
    proc = _start(home, leak, "Killed")
    time.sleep(random.Random(run).uniform(0.8, 2.5))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    names, exposures, orphans = _state(home)
    assert orphans == 0
    if names:  # finished before the kill: then wholly
        assert names == ["Killed"]
        assert exposures > 0
    else:
        assert exposures == 0
    rerun = _start(home, leak, "Again")
    _out, err = rerun.communicate(timeout=300)
    assert rerun.returncode in (0, 2), err
    if names:
        assert "already ingested" in err  # same content refused without --force
    else:
        assert rerun.returncode == 0, err
        assert _state(home)[0] == ["Again"]


def _interrupted(home: Path, leak: Path, delay: float) -> subprocess.Popen[str]:
    proc = _start(home, leak, "Interrupted")
    # Interrupt the ingest, not the interpreter's start-up: on a loaded machine the imports
    # alone can outlast a fixed delay, and a Ctrl-C there never reaches the command.
    deadline = time.monotonic() + 60
    while not (home / "leaktrace.db").exists() and proc.poll() is None:
        assert time.monotonic() < deadline, "the ingest never opened its store"
        time.sleep(0.01)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    return proc


def test_ctrl_c_rolls_back(tmp_path: Path, leak: Path) -> None:
    # Half-way through if the machine allows, else sooner: a fast machine finishes this leak
    # in well under a second, and an ingest that finished tests nothing.
    for attempt, delay in enumerate((0.3, 0.1, 0.0)):
        home = tmp_path / f"home{attempt}"
        proc = _interrupted(home, leak, delay)
        out, err = proc.communicate(timeout=60)
        if proc.returncode != 0:
            break
    else:
        pytest.skip("the ingest finished before every interrupt on this machine")
    assert proc.returncode == 130
    assert err.strip().splitlines()[-1] == "error: interrupted; nothing was changed"
    assert out == ""
    assert _state(home)[:2] == ([], 0)
