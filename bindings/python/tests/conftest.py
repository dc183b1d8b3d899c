"""Shared fixtures: the CLI binary, the evaluation records, generated records,
and a local Spark session.

A test that cannot run here (no CLI binary, no Java) fails under CI
(``CI=true``) and is skipped with its reason otherwise: never a silent pass.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
EVAL = ROOT / "eval"
EVAL_SETS = ["heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl"]

sys.path.insert(0, str(HERE))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Fails under CI, skips (with the reason) elsewhere."""
    if in_ci():
        pytest.fail(f"cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `chiffre` binary: $CHIFFRE_BIN, or target/release/chiffre."""
    path = Path(os.environ.get("CHIFFRE_BIN", ROOT / "target" / "release" / "chiffre"))
    if not path.is_file():
        unavailable(f"no CLI binary at {path}: run `cargo build --release` at the root or set CHIFFRE_BIN")
    return path


def run_cli(cli: Path, args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(cli), *args], input=stdin.encode("utf-8"), capture_output=True, check=False
    )


def cli_rows(cli: Path, records: list[dict[str, Any]], *extra: str) -> list[dict[str, Any]]:
    """`chiffre figures --input jsonl` on the records: its rows, parsed."""
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    p = run_cli(cli, ["figures", "--input", "jsonl", "--format", "jsonl", "--quiet", *extra], lines)
    assert p.returncode == 0, p.stderr.decode()
    rows = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines() if line]
    # The CLI adds the change a figure takes part in (`change_id`,
    # `change_role`); the Python rows do not carry it yet.
    for r in rows:
        r.pop("change_id", None)
        r.pop("change_role", None)
    return rows


FIGURE_FIELDS = [
    "kind", "value", "min", "max", "currency", "unit", "qualifier", "period", "lang",
    "scale", "polarity", "resolution", "alternatives", "inferred",
]


def as_cli_row(row: dict[str, Any]) -> dict[str, Any]:
    """An `extract_table` row in the shape of the CLI's JSON row (byte offsets;
    the id as the CLI writes it)."""
    source = row["id"] if isinstance(row["id"], str) else json.dumps(row["id"])
    out = {"source": source, "start": row["byte_start"], "end": row["byte_end"], "text": row["text"]}
    out.update({k: row[k] for k in FIGURE_FIELDS})
    return out


@pytest.fixture(scope="session")
def eval_records() -> dict[str, list[dict[str, Any]]]:
    sets = {}
    for name in EVAL_SETS:
        path = EVAL / name
        if not path.is_file():
            unavailable(f"evaluation set {path} is missing")
        with path.open(encoding="utf-8") as f:
            sets[name] = [
                {"id": r["id"], "text": r["text"], "lang": r.get("lang")}
                for r in map(json.loads, filter(str.strip, f))
            ]
    return sets


@pytest.fixture(scope="session")
def generated() -> list[dict[str, Any]]:
    """12,000 generated records (ids 0..), some with null text."""
    from corpus import records

    return records(12_000, seed=13)


def java_version() -> int | None:
    java = shutil.which("java")
    if java is None and os.environ.get("JAVA_HOME"):
        cand = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
        java = str(cand) if cand.is_file() else None
    if java is None:
        return None
    p = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    m = re.search(r'version "(\d+)(?:\.(\d+))?', p.stderr + p.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


@pytest.fixture(scope="session")
def spark():
    v = java_version()
    if v is None:
        unavailable("Java not found (`java -version` failed): Spark needs Java 17")
    if v < 17:
        unavailable(f"Java {v} found: PySpark 4 needs Java 17 or later")
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        unavailable(f"pyspark is not installed ({e})")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("chiffre-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
