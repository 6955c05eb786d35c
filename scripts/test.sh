#!/usr/bin/env bash
# Every test: the Rust workspace, then the Python package (crates/dateline-py) against the
# binary just built, and the Spark backfill (examples/spark) on a local[2] Spark.
# The Python half needs maturin, pytest, pyarrow, pandas and pyspark (and Java 17+ for Spark;
# duckdb is used when present); `.ci/run` installs them. Tests that read ../shared skip
# cleanly when it is absent. PYTHON picks the interpreter (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace

PY=${PYTHON:-python3}
if ! "$PY" -c "import maturin, pytest, pyarrow" 2>/dev/null; then
  echo "scripts/test.sh: the Python tests need: $PY -m pip install maturin pytest pyarrow pandas pyspark duckdb" >&2
  exit 1
fi
# the package from this tree, in cargo's dev profile (dependencies at opt-level 1): it compiles
# in a fraction of a release build's time, and the tests compare it with the debug binary
echo "== python package (maturin, dev profile)"
MATURIN_PEP517_ARGS="--profile dev" "$PY" -m pip install -q --force-reinstall --no-deps \
  --no-build-isolation ./crates/dateline-py
echo "== python tests"
"$PY" -m pytest -q -p no:cacheprovider crates/dateline-py/tests examples/spark
