"""Figures of a Spark DataFrame, on any cluster with Spark >= 3.4.

``figures(df)`` runs :func:`chiffre.extract_table` on each Arrow batch of
each partition through ``DataFrame.mapInArrow``: the executors need the
``chiffre`` wheel installed (it has no dependency but pyarrow, which PySpark
already needs for Arrow), nothing else::

    import chiffre.spark
    out = chiffre.spark.figures(spark.table("news"), text="body", id="doc_id")
    out.write.parquet("figures.parquet")

On Spark >= 3.5, :func:`register` makes a SQL table function::

    chiffre.spark.register(spark)            # chiffre_figures(text)
    spark.sql("SELECT n.doc_id, f.* FROM news n, LATERAL chiffre_figures(n.body) f")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Optional, Union

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["FIGURE_COLUMNS_DDL", "figures", "register", "schema_ddl"]

#: The Spark SQL types of the figure columns (everything but ``id``), in
#: the order of :data:`chiffre.TABLE_COLUMNS`.
FIGURE_COLUMNS_DDL = (
    "`start` bigint, `end` bigint, `byte_start` bigint, `byte_end` bigint, "
    "`text` string, `kind` string, `value` string, `min` string, `max` string, "
    "`currency` string, `unit` string, `qualifier` string, `period` string, "
    "`lang` string, `scale` string, `polarity` string, `resolution` string, "
    "`alternatives` array<struct<rule:string,reading:string>>, `inferred` array<string>"
)


def schema_ddl(id_type: str = "bigint") -> str:
    """The DDL schema of :func:`figures`' result for an id column of `id_type`."""
    return f"`id` {id_type}, {FIGURE_COLUMNS_DDL}"


_ROW_ID = "__chiffre_row_id"


def figures(
    df: "DataFrame",
    text: str = "text",
    id: Optional[str] = "id",
    lang: Optional[str] = None,
    kinds: Union[str, Iterable[str], None] = None,
    *,
    region: Optional[str] = None,
    lang_column: Optional[str] = None,
) -> "DataFrame":
    """One row per figure of ``df[text]``, as a Spark DataFrame.

    The columns are those of :func:`chiffre.extract_table`; ``id`` has the
    type of ``df[id]`` (``id=None``: a unique ``bigint`` from
    ``monotonically_increasing_id()``). Lazy, like any Spark transformation.
    """
    from pyspark.sql import functions as F

    if id is None:
        df = df.withColumn(_ROW_ID, F.monotonically_increasing_id())
        id = _ROW_ID
    id_type = df.schema[id].dataType.simpleString()
    cols = [c for c in (text, id, lang_column) if c is not None]
    kinds_arg = kinds if kinds is None or isinstance(kinds, str) else list(kinds)

    def run(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import chiffre

        for batch in batches:
            table = chiffre.extract_table(
                batch,
                text=text,
                id=id,
                lang=lang,
                kinds=kinds_arg,
                region=region,
                lang_column=lang_column,
            )
            yield from table.to_batches()

    return df.select(*cols).mapInArrow(run, schema_ddl(id_type))


def register(
    spark: "SparkSession",
    name: str = "chiffre_figures",
    lang: Optional[str] = "auto",
    kinds: Union[str, Iterable[str], None] = None,
    region: Optional[str] = None,
) -> Any:
    """Registers the SQL table function `name(text)` (Spark >= 3.5): one row
    per figure of `text`, with the columns of :func:`figures` but ``id``.

    >>> chiffre.spark.register(spark)
    >>> spark.sql("SELECT d.id, f.text, f.value FROM docs d, LATERAL chiffre_figures(d.text) f")
    """
    from pyspark.sql.functions import udtf

    kinds_arg = kinds if kinds is None or isinstance(kinds, str) else list(kinds)
    fields = (
        "start", "end", "byte_start", "byte_end", "text", "kind", "value", "min", "max",
        "currency", "unit", "qualifier", "period", "lang", "scale", "polarity", "resolution",
    )

    class ChiffreFigures:
        def eval(self, text: Optional[str]) -> Iterator[tuple]:
            import chiffre

            if text is None:
                return
            for f in chiffre.extract(text, lang=lang, kinds=kinds_arg, region=region):
                row = f.to_dict()
                yield tuple(row[k] for k in fields) + (
                    [(a["rule"], a["reading"]) for a in row["alternatives"]],
                    row["inferred"],
                )

    fn = udtf(ChiffreFigures, returnType=FIGURE_COLUMNS_DDL)
    spark.udtf.register(name, fn)
    return fn
