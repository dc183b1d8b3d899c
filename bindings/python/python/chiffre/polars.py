"""Figures of a Polars DataFrame.

>>> import polars as pl, chiffre.polars
>>> df = pl.DataFrame({"id": [1, 2], "text": ["It paid $9 billion.", "Rund 200 MW."]})
>>> chiffre.polars.figures(df).select("id", "text", "kind", "value", "unit").rows()
[(1, '$9 billion', 'money', '9000000000', None), (2, 'Rund 200 MW', 'power', '200', 'MW')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Optional, Union

from . import extract_table

if TYPE_CHECKING:
    import polars as pl

__all__ = ["figures"]


def figures(
    df: "Union[pl.DataFrame, pl.LazyFrame]",
    text: str = "text",
    id: Optional[str] = "id",
    lang: Optional[str] = None,
    kinds: Union[str, Iterable[str], None] = None,
    *,
    region: Optional[str] = None,
    lang_column: Optional[str] = None,
) -> "pl.DataFrame":
    """One row per figure of ``df[text]``, as a ``polars.DataFrame``.

    The columns are those of :func:`chiffre.extract_table` (values as exact
    decimal strings; ``start``/``end`` in characters). A LazyFrame is
    collected first. The data goes to Rust and back through Arrow, without
    Python objects per row.
    """
    import polars as pl

    if isinstance(df, pl.LazyFrame):
        df = df.collect()
    cols = [c for c in (text, id, lang_column) if c is not None]
    table = extract_table(
        df.select(cols), text=text, id=id, lang=lang, kinds=kinds, region=region, lang_column=lang_column
    )
    out = pl.from_arrow(table)
    assert isinstance(out, pl.DataFrame)
    return out
