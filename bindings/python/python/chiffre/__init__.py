"""chiffre: the financial figures of news text, as exact decimals.

Every value is a :class:`decimal.Decimal` built from the exact decimal string
(never a float). Offsets are character offsets (``text[f.start:f.end]`` is the
figure as written), with the UTF-8 byte offsets beside them.

>>> import chiffre
>>> f = chiffre.parse("около 290 млн долларов в год", lang="ru")
>>> f.value, f.currency, f.qualifier, f.period
(Decimal('290000000'), 'USD', 'approx', 'year')
>>> text = "CoreWeave paiera 9 milliards de dollars pour 1,3 GW."
>>> [(x.text, x.figure.value, x.figure.unit) for x in chiffre.extract(text)]
[('9 milliards de dollars', Decimal('9000000000'), None), ('1,3 GW', Decimal('1.3'), 'GW')]

Submodules: :mod:`chiffre.polars` (``figures(df)`` → ``polars.DataFrame``) and
:mod:`chiffre.spark` (``figures(df)`` through ``DataFrame.mapInArrow``, and the
SQL table function ``chiffre_figures``), both imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Optional, Union

from ._chiffre import (
    Change,
    ChiffreError,
    Derived,
    Figure,
    Found,
    Interval,
    ParseError,
    __version__,
    change,
    check,
    detect_lang,
    extract,
    over_period,
    parse,
    per_period,
    ratio,
    share,
    total,
)
from ._chiffre import extract_table as _extract_table

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "Change",
    "ChiffreError",
    "Derived",
    "Figure",
    "Found",
    "Interval",
    "ParseError",
    "TABLE_COLUMNS",
    "__version__",
    "change",
    "check",
    "detect_lang",
    "extract",
    "extract_table",
    "over_period",
    "parse",
    "per_period",
    "ratio",
    "share",
    "total",
]

#: The columns of :func:`extract_table`, in order.
TABLE_COLUMNS = (
    "id",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "text",
    "kind",
    "value",
    "min",
    "max",
    "currency",
    "unit",
    "qualifier",
    "period",
    "lang",
    "scale",
    "polarity",
    "resolution",
    "alternatives",
    "inferred",
)


def _arrow_input(data: Any, text: str, id: Optional[str], lang_column: Optional[str]) -> Any:
    """Whatever `data` is, something with the Arrow PyCapsule interface."""
    if hasattr(data, "__arrow_c_stream__") or hasattr(data, "__arrow_c_array__"):
        return data
    import pyarrow as pa

    if hasattr(data, "collect") and hasattr(data, "lazy"):  # a polars LazyFrame
        return data.collect()
    if isinstance(data, Mapping):  # one column per key
        return pa.table(dict(data))
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes)):
        rows = list(data)
        if not rows:
            cols = {text: pa.array([], pa.string())}
            if id is not None:
                cols[id] = pa.array([], pa.int64())
            if lang_column is not None:
                cols[lang_column] = pa.array([], pa.string())
            return pa.table(cols)
        if not all(isinstance(r, Mapping) for r in rows):
            raise TypeError("extract_table: a list must hold dicts (one record each)")
        return pa.Table.from_pylist(rows)
    if hasattr(data, "to_arrow"):  # older objects without the PyCapsule interface
        return data.to_arrow()
    raise TypeError(
        "extract_table: expected an Arrow table or record batch, a Polars or pandas "
        f"DataFrame, a DuckDB result or a list of dicts, got {type(data).__name__}"
    )


def extract_table(
    data: Any,
    text: str = "text",
    id: Optional[str] = "id",
    lang: Optional[str] = None,
    kinds: Union[str, Iterable[str], None] = None,
    *,
    region: Optional[str] = None,
    lang_column: Optional[str] = None,
) -> "pyarrow.Table":
    """The figures of a column of texts, one row per figure, as a ``pyarrow.Table``.

    `data` is anything that speaks the Arrow PyCapsule interface (a pyarrow
    Table or RecordBatch, a Polars DataFrame, a DuckDB result...) or a list of
    dicts. `text` names the column of texts; `id` the column copied to each
    row's ``id`` (same type; ``None`` numbers the records from 0). `lang`:
    ``None``/"auto" (detected per paragraph) or en, fr, de, ru; `lang_column`
    names a column of per-record languages (null: `lang`). `kinds` and
    `region` are as in :func:`extract`.

    Columns (:data:`TABLE_COLUMNS`): ``id``; ``start``, ``end`` (character
    offsets in the record's text), ``byte_start``, ``byte_end`` (UTF-8 byte
    offsets); ``text`` (the figure as written); ``kind``; ``value``, ``min``,
    ``max`` as exact decimal strings; ``currency``, ``unit``, ``qualifier``,
    ``period``, ``lang``, ``scale``, ``polarity``, ``resolution``;
    ``alternatives`` (list of ``{rule, reading}``) and ``inferred`` (list of
    field names). A record whose text is null gives no row.

    The loop runs in Rust with the GIL released, batch by batch.

    >>> t = chiffre.extract_table([{"id": 1, "text": "Le rachat: 9 milliards de dollars."},
    ...                            {"id": 2, "text": None}])
    >>> t.select(["id", "start", "end", "text", "value", "currency"]).to_pylist()
    [{'id': 1, 'start': 11, 'end': 33, 'text': '9 milliards de dollars', 'value': '9000000000', 'currency': 'USD'}]
    """
    import pyarrow as pa

    src = _arrow_input(data, text, id, lang_column)
    out = _extract_table(src, text, id, lang, kinds, region, lang_column)
    return pa.table(out)


def __getattr__(name: str) -> Any:
    # `chiffre.polars` and `chiffre.spark` load on first use (their
    # dependencies are optional).
    if name in ("polars", "spark"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
