"""No input crashes the interpreter: random Unicode through every entry point."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chiffre

# Text that looks like news often enough to find figures, and anything else.
pieces = st.sampled_from(
    ["$", "€", "5", "1,234", "3.5", " млн", " млрд долларов", " milliards", " Mrd.", " billion", " MW", " GW",
     "%", " about ", "около ", "between ", " and ", "–", "-", "\n\n", " ", "🎉", "é", "\u0301", "\u00a0",
     "\u202f", "'", "12-year", " a year", " в год", "0", "9" * 30, ".", ",", "(", "[1]", "https://x.y/5"]
)
texty = st.one_of(st.text(), st.lists(st.one_of(pieces, st.text(max_size=3)), max_size=40).map("".join))
langs = st.sampled_from([None, "auto", "en", "fr", "de", "ru"])

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texty, langs)
def test_extract_never_crashes_and_offsets_slice(text, lang):
    found = chiffre.extract(text, lang=lang, kinds="all")
    raw = text.encode("utf-8")
    last = 0
    for f in found:
        assert last <= f.start <= f.end <= len(text)
        last = f.end
        assert text[f.start:f.end] == f.text
        assert raw[f.byte_start:f.byte_end].decode("utf-8") == f.text
        fig = f.figure
        for v in (fig.value, fig.min, fig.max):
            assert v is None or type(v) is Decimal
        assert type(fig.resolution) is Decimal
        assert fig.to_dict()["kind"] == fig.kind


@SETTINGS
@given(texty, langs)
def test_parse_returns_a_figure_or_raises_parse_error(text, lang):
    try:
        f = chiffre.parse(text, lang=lang)
    except chiffre.ParseError as e:
        assert 0 <= e.offset <= e.end <= len(text)
        assert e.byte_offset == len(text[: e.offset].encode("utf-8"))
        assert str(e).startswith("character")
    else:
        assert f.value is not None or (f.min is not None and f.max is not None)


@SETTINGS
@given(st.lists(st.one_of(st.none(), texty), max_size=12))
def test_extract_table_equals_extract(texts):
    t = chiffre.extract_table(pa.table({"text": pa.array(texts, pa.string())}), id=None)
    rows = t.to_pylist()
    expected = [
        {"id": i, **f.to_dict()} for i, x in enumerate(texts) if x is not None for f in chiffre.extract(x)
    ]
    assert rows == expected


@SETTINGS
@given(texty, texty)
def test_computations_raise_value_errors_only(a, b):
    for call in (
        lambda: chiffre.total([a, b]),
        lambda: chiffre.ratio(a, b),
        lambda: chiffre.per_period(a, b),
        lambda: chiffre.over_period(a, b),
        lambda: chiffre.share(a, b),
        lambda: chiffre.change(a, b),
    ):
        try:
            d = call()
        except ValueError:
            pass
        else:
            assert d is not None
    for r in chiffre.check(a + "\n" + b):
        assert isinstance(r["kind"], str)
