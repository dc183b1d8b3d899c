"""chiffre.spark on a real local Spark (local[2]), against the CLI."""

from __future__ import annotations

import pyarrow as pa

import chiffre
import chiffre.spark
from conftest import as_cli_row, cli_rows


def spark_df(spark, records, partitions):
    table = pa.table({"id": pa.array([r["id"] for r in records], pa.int64()),
                      "text": pa.array([r["text"] for r in records], pa.string())})
    df = spark.createDataFrame(table.to_pandas(), "id bigint, text string")
    return df.repartition(partitions)


def sort_key(row):
    return (int(row["source"]), row["start"])


def test_spark_figures_equal_cli_rows(spark, cli, generated):
    assert len(generated) >= 10_000
    df = spark_df(spark, generated, 8)
    assert df.rdd.getNumPartitions() >= 8
    out = chiffre.spark.figures(df)
    assert out.columns == list(chiffre.TABLE_COLUMNS)
    assert dict(out.dtypes)["id"] == "bigint" and dict(out.dtypes)["value"] == "string"
    got = [as_cli_row(r.asDict(recursive=True)) for r in out.collect()]
    expected = cli_rows(cli, [r for r in generated if r["text"] is not None])
    assert len(got) == len(expected) > 20_000
    assert sorted(got, key=sort_key) == sorted(expected, key=sort_key)


def test_spark_string_ids_languages_and_no_id(spark):
    df = spark.createDataFrame(
        [("a", "Выручка — 290 млн долларов 🎉", None), ("b", None, None), ("c", "1,234 €", "fr")],
        "doc string, body string, l string",
    )
    out = chiffre.spark.figures(df, text="body", id="doc", lang="ru", lang_column="l")
    rows = sorted(tuple(r) for r in out.select("id", "start", "end", "text", "value", "lang").collect())
    assert rows == [("a", 10, 26, "290 млн долларов", "290000000", "ru"), ("c", 0, 7, "1,234 €", "1.234", "fr")]
    anon = chiffre.spark.figures(df, text="body", id=None).select("id").collect()
    assert len(anon) == 2 and len({r.id for r in anon}) == 2


def test_spark_sql_udtf(spark):
    chiffre.spark.register(spark)
    spark.createDataFrame(
        [(1, "It paid $9 billion for 1.3 GW 🎉."), (2, None), (3, "Выручка — 290 млн долларов")], "id bigint, text string"
    ).createOrReplaceTempView("chiffre_docs")
    rows = spark.sql(
        "SELECT d.id, f.start, f.text, f.value, f.unit, f.alternatives "
        "FROM chiffre_docs d, LATERAL chiffre_figures(d.text) f ORDER BY d.id, f.start"
    ).collect()
    assert [(r.id, r.start, r.text, r.value, r.unit) for r in rows] == [
        (1, 8, "$9 billion", "9000000000", None),
        (1, 23, "1.3 GW", "1.3", "GW"),
        (3, 10, "290 млн долларов", "290000000", None),
    ]
    assert rows[0].alternatives[0].rule == "bare-dollar"
