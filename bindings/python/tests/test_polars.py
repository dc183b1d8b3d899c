"""chiffre.polars on real Polars frames, against the CLI."""

from __future__ import annotations

import pytest

from conftest import as_cli_row, cli_rows

import polars as pl  # noqa: E402

import chiffre  # noqa: E402
import chiffre.polars  # noqa: E402


def test_polars_rows_equal_cli_rows(cli, generated):
    df = pl.DataFrame(generated, schema={"id": pl.Int64, "text": pl.String})
    out = chiffre.polars.figures(df)
    assert isinstance(out, pl.DataFrame)
    assert out.columns == list(chiffre.TABLE_COLUMNS)
    assert out.schema["value"] == pl.String and out.schema["start"] == pl.Int64
    expected = cli_rows(cli, [r for r in generated if r["text"] is not None])
    assert [as_cli_row(r) for r in out.to_dicts()] == expected


def test_polars_lazy_names_and_languages():
    df = pl.LazyFrame(
        {
            "doc": ["a", "b", "c"],
            "body": ["Выручка — 290 млн долларов 🎉", None, "1,234 €"],
            "l": [None, None, "fr"],
        }
    )
    out = chiffre.polars.figures(df, text="body", id="doc", lang="ru", lang_column="l")
    assert out.select("id", "start", "end", "text", "value", "lang").rows() == [
        ("a", 10, 26, "290 млн долларов", "290000000", "ru"),
        ("c", 0, 7, "1,234 €", "1.234", "fr"),
    ]
    # A Polars frame also goes straight to extract_table (Arrow PyCapsule).
    t = chiffre.extract_table(df.collect(), text="body", id="doc", lang_column="l")
    assert t.num_rows == 2
