"""Parity with the command line: the same rows, field by field."""

from __future__ import annotations

import json
import pyarrow as pa
import pytest

import chiffre
from conftest import EVAL_SETS, ROOT, as_cli_row, cli_rows, run_cli


def table_rows(records, **kw):
    t = chiffre.extract_table(records, **kw)
    return t.to_pylist()


@pytest.mark.parametrize("name", EVAL_SETS)
def test_eval_set_rows_equal_cli_rows(cli, eval_records, name):
    records = eval_records[name]
    assert len(records) >= 60
    # With each record's language, as the CLI reads `lang` from the JSON line.
    expected = cli_rows(cli, records)
    rows = table_rows(records, lang_column="lang")
    assert len(rows) == len(expected) > 100
    for row, exp in zip(rows, expected):
        assert as_cli_row(row) == exp
    # Offsets: characters for `start`/`end`, bytes for the CLI's.
    texts = {r["id"]: r["text"] for r in records}
    for row in rows:
        text = texts[row["id"]]
        assert text[row["start"]:row["end"]] == row["text"]
        assert text.encode()[row["byte_start"]:row["byte_end"]].decode() == row["text"]


@pytest.mark.parametrize("name", EVAL_SETS)
def test_eval_set_auto_language_and_all_kinds(cli, eval_records, name):
    records = [{"id": r["id"], "text": r["text"]} for r in eval_records[name]]
    expected = cli_rows(cli, records, "--kinds", "all")
    rows = table_rows(records, kinds="all")
    assert [as_cli_row(r) for r in rows] == expected


def test_eval_rows_equal_extract(eval_records):
    # extract() and extract_table() agree too (same offsets, same figures).
    records = eval_records["heldout3.jsonl"]
    rows = table_rows(pa.Table.from_pylist(records), lang_column="lang")
    from_extract = []
    for r in records:
        for f in chiffre.extract(r["text"], lang=r["lang"]):
            d = f.to_dict()
            from_extract.append({"id": r["id"], **d})
    assert rows == from_extract


def test_generated_rows_equal_cli_rows(cli, generated):
    expected = cli_rows(cli, [r for r in generated if r["text"] is not None])
    rows = table_rows(generated)
    assert len(rows) == len(expected) > 20_000
    assert [as_cli_row(r) for r in rows] == expected


def test_ids_of_other_types(cli):
    records = [{"id": 7, "text": "It paid $9 billion."}, {"id": "x-1", "text": "Rund 200 MW."}]
    expected = cli_rows(cli, records)
    t = chiffre.extract_table(pa.table({"id": pa.array(["7", "x-1"]), "text": [r["text"] for r in records]}))
    assert [as_cli_row(r) for r in t.to_pylist()] == expected


def test_check_equals_cli_check(cli):
    for path in sorted((ROOT / "examples" / "articles").glob("**/*.txt")):
        text = path.read_text(encoding="utf-8")
        p = run_cli(cli, ["check", str(path), "--format", "jsonl"])
        assert p.returncode == 0, p.stderr
        expected = [json.loads(line) for line in p.stdout.decode().splitlines()]
        got = chiffre.check(text)
        assert len(got) == len(expected) > 0, path
        for g, e in zip(got, expected):
            e.pop("source")
            for part in g["figures"]:
                assert text[part.pop("char_start"):part.pop("char_end")] == part["text"]
            assert g == e


@pytest.mark.parametrize(
    "verb, args, call",
    [
        ("total", ["290 млн долларов", "300 млн долларов"],
         lambda: chiffre.total(["290 млн долларов", "300 млн долларов"])),
        ("total", ["200 MW", "1.3 GW"], lambda: chiffre.total(["200 MW", "1.3 GW"])),
        ("ratio", ["9 milliards de dollars", "1,3 GW", "--per", "MW"],
         lambda: chiffre.ratio("9 milliards de dollars", "1,3 GW", per="MW")),
        ("per-year", ["3,5 Mrd. Euro", "12 Jahre", "--per", "month"],
         lambda: chiffre.per_period("3,5 Mrd. Euro", "12 Jahre", per="month")),
        ("over-period", ["около 290 млн долларов в год", "12 лет"],
         lambda: chiffre.over_period("около 290 млн долларов в год", "12 лет")),
        ("share", ["260 MW", "1.3 GW"], lambda: chiffre.share("260 MW", "1.3 GW")),
        ("change", ["$210.7 million", "$300 million"], lambda: chiffre.change("$210.7 million", "$300 million")),
    ],
)
def test_computations_equal_cli(cli, verb, args, call):
    p = run_cli(cli, [verb, *args, "--format", "json"])
    assert p.returncode == 0, p.stderr
    assert call().to_dict() == json.loads(p.stdout)
    human = run_cli(cli, [verb, *args])
    assert str(call()) == human.stdout.decode().rstrip("\n")

