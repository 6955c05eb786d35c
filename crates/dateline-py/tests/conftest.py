"""Fixtures: the `dateline` command to compare against, the repository, and ../shared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SHARED = os.path.join(os.path.dirname(REPO), "shared")


def find_cli():
    """The `dateline` binary: $DATELINE_BIN, else the workspace's debug or release build."""
    if os.environ.get("DATELINE_BIN"):
        return os.environ["DATELINE_BIN"]
    targets = [os.environ.get("CARGO_TARGET_DIR"), os.path.join(REPO, "target")]
    for t in filter(None, targets):
        for profile in ("debug", "release"):
            p = os.path.join(t, profile, "dateline")
            if os.path.exists(p):
                return p
    return shutil.which("dateline")


@pytest.fixture(scope="session")
def cli():
    path = find_cli()
    if not path:
        pytest.skip("no dateline binary (cargo build, or set DATELINE_BIN)")
    return path


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def shared():
    if not os.path.isdir(SHARED):
        pytest.skip("../shared is absent (the seed and the shared news are not in a plain clone)")
    return SHARED


def run_cli(cli, args, stdin=None):
    """Run the command; returns its stdout lines (text)."""
    r = subprocess.run([cli, *args], input=stdin, capture_output=True, check=False)
    assert r.returncode in (0, 1), r.stderr.decode("utf-8", "replace")
    return r.stdout.decode("utf-8").splitlines()
