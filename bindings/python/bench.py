#!/usr/bin/env python3
"""Throughput of `chiffre.extract_table` next to the CLI's, one thread, on the
same generated text.

    python bindings/python/bench.py [--mb 16] [--seed 42] [--runs 3] [--bin target/release/chiffre]

The text comes from the project's generator (``../shared/bench/gen_corpus.py
--lang mixed``, or ``$CHIFFRE_GEN_CORPUS``), the same as the Rust benches.
Its paragraphs become the records of a pyarrow table (``id``, ``text``) and
of a JSON Lines file. Timed, best of `--runs`:

* ``extract_table``: one call on the table (the work runs in Rust, on the
  calling thread, with the GIL released);
* ``chiffre figures --threads 1`` on the text file (one extraction worker;
  the CLI reads and writes on two more threads), output to /dev/null;
* ``chiffre figures --input jsonl --threads 1`` on the records.

MB/s are 10^6 bytes of input text per second (the records' texts for the
table and the JSONL runs, the whole file for the text run).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def generator() -> Path:
    env = os.environ.get("CHIFFRE_GEN_CORPUS")
    cands = [Path(env)] if env else []
    cands += [ROOT.parent / "shared" / "bench" / "gen_corpus.py"]
    for c in cands:
        if c.is_file():
            return c
    sys.exit("bench.py: gen_corpus.py not found (set CHIFFRE_GEN_CORPUS)")


def best(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=16)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bin", default=os.environ.get("CHIFFRE_BIN", str(ROOT / "target" / "release" / "chiffre")))
    a = ap.parse_args()

    import pyarrow as pa

    import chiffre

    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / "bench.txt"
        subprocess.run(
            [sys.executable, str(generator()), "--seed", str(a.seed), "--mb", str(a.mb), "--lang", "mixed", "--out", str(txt)],
            check=True,
        )
        text = txt.read_text(encoding="utf-8")
        paras = [p for p in text.split("\n\n") if p.strip()]
        jsonl = Path(tmp) / "bench.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for i, p in enumerate(paras):
                f.write(json.dumps({"id": i, "text": p}, ensure_ascii=False) + "\n")
        table = pa.table({"id": pa.array(range(len(paras)), pa.int64()), "text": pa.array(paras, pa.string())})
        rec_bytes = sum(len(p.encode()) for p in paras)
        file_bytes = txt.stat().st_size

        rows = chiffre.extract_table(table).num_rows
        t_table = best(a.runs, lambda: chiffre.extract_table(table))

        def cli(*args: str, stdin: Path) -> None:
            with stdin.open("rb") as i, open(os.devnull, "wb") as o:
                subprocess.run([a.bin, "figures", "--threads", "1", "--quiet", *args], stdin=i, stdout=o, check=True)

        t_text = best(a.runs, lambda: cli(stdin=txt))
        t_jsonl = best(a.runs, lambda: cli("--input", "jsonl", stdin=jsonl))

    mbs = lambda b, t: b / t / 1e6  # noqa: E731
    res = {
        "text_mb": round(file_bytes / 1e6, 2),
        "records": len(paras),
        "figures": rows,
        "extract_table_mb_s": round(mbs(rec_bytes, t_table), 1),
        "cli_text_mb_s": round(mbs(file_bytes, t_text), 1),
        "cli_jsonl_mb_s": round(mbs(rec_bytes, t_jsonl), 1),
    }
    res["cli_text_over_table"] = round(res["cli_text_mb_s"] / res["extract_table_mb_s"], 2)
    res["cli_jsonl_over_table"] = round(res["cli_jsonl_mb_s"] / res["extract_table_mb_s"], 2)
    print(f"{'run':<40} {'MB/s':>8}")
    print(f"{'extract_table (one call, one thread)':<40} {res['extract_table_mb_s']:>8}")
    print(f"{'chiffre figures --threads 1 (text)':<40} {res['cli_text_mb_s']:>8}")
    print(f"{'chiffre figures --threads 1 (jsonl)':<40} {res['cli_jsonl_mb_s']:>8}")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
