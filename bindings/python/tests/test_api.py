"""The Python API: exact Decimal values, character offsets, errors."""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal

import pyarrow as pa
import pytest

import chiffre


def test_parse_values_are_exact_decimals():
    f = chiffre.parse("около 290 млн долларов в год", lang="ru")
    assert f.kind == "money"
    assert f.value == Decimal("290000000") and type(f.value) is Decimal
    assert (f.min, f.max) == (None, None)
    assert f.currency == "USD" and f.unit is None
    assert f.qualifier == "approx" and f.period == "year" and f.lang == "ru"
    assert f.scale == "million" and f.polarity == "neutral"
    assert f.resolution == Decimal("1000000") and type(f.resolution) is Decimal
    assert f.alternatives == [{"rule": "bare-dollar", "reading": "another dollar (CAD, AUD, HKD, SGD, NZD...)"}]
    assert f.inferred == [] and f.ambiguous


def test_decimals_keep_every_digit():
    # 0.1 + 0.2 is exact, and 28 significant digits survive (no float on the way).
    a, b = chiffre.parse("$0.1"), chiffre.parse("$0.2")
    assert a.value + b.value == Decimal("0.3")
    f = chiffre.parse("1234567890123456789.123456789", lang="en", )
    assert str(f.value) == "1234567890123456789.123456789"
    assert chiffre.parse("$4.87").value == Decimal("4.87")
    assert chiffre.parse("3,5 Mrd. Euro").value == Decimal("3500000000")
    assert chiffre.parse("1,234", lang="en").value == Decimal("1234")
    assert chiffre.parse("1,234", lang="fr").value == Decimal("1.234")


def test_range_has_min_and_max():
    f = chiffre.parse("$5–10 million", lang="en")
    assert f.value is None
    assert (f.min, f.max) == (Decimal("5000000"), Decimal("10000000"))
    assert type(f.min) is Decimal and type(f.max) is Decimal


def test_to_dict_is_the_cli_object(cli):
    from conftest import run_cli

    for text, lang in [
        ("около 290 млн долларов в год", "ru"),
        ("9 milliards de dollars", "fr"),
        ("$5–10 million", "en"),
        ("3,5 Mrd. Euro", "auto"),
        ("1.3 GW", "en"),
    ]:
        p = run_cli(cli, ["parse", text, "--lang", lang])
        assert p.returncode == 0, p.stderr
        expected = json.loads(p.stdout)
        f = chiffre.parse(text, lang=None if lang == "auto" else lang)
        assert f.to_dict() == expected
        assert json.loads(f.to_json()) == expected


def test_interval():
    iv = chiffre.parse("290 million dollars").interval()
    assert (iv.min, iv.max) == (Decimal("289500000"), Decimal("290500000"))
    assert iv.min_inclusive and iv.max_inclusive and str(iv) == "[289500000, 290500000]"
    assert iv.contains(Decimal("290000000")) and iv.contains("289500000") and not iv.contains(1)
    with pytest.raises(TypeError):
        iv.contains(290000000.0)
    over = chiffre.parse("more than $3.5 billion").interval()
    assert over.max is None and not over.min_inclusive and over.intersects(iv) is False


TEXTS = [
    "Выручка — 290 млн долларов, а мощность 1,3 ГВт.",
    "Le café a levé 9 milliards de dollars pour 1,3 GW, déjà.",
    "🚀🚀 It paid $9 billion for 1.3 GW 🎉 and about $290 million a year.",
    "Straße: über 3,5 Mrd. Euro 💶 für 200 MW — naïve.",
    "e\u0301e\u0301 (combining accents) then $5 million, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 then 20%.",
    "数字 ¥ 中文 then $7 billion",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_are_characters(text):
    found = chiffre.extract(text)
    assert found, text
    raw = text.encode("utf-8")
    for f in found:
        assert text[f.start:f.end] == f.text
        assert raw[f.byte_start:f.byte_end].decode("utf-8") == f.text
        assert f.start <= f.byte_start
    assert any(f.start < f.byte_start for f in found) or text.isascii()


def test_extract_examples():
    text = "CoreWeave paiera 9 milliards de dollars pour 1,3 GW, en 2025."
    found = chiffre.extract(text)
    assert [(f.text, f.figure.value, f.figure.unit) for f in found] == [
        ("9 milliards de dollars", Decimal("9000000000"), None),
        ("1,3 GW", Decimal("1.3"), "GW"),
    ]
    d = found[0].to_dict()
    assert (d["start"], d["end"], d["byte_start"], d["byte_end"]) == (17, 39, 17, 39)
    assert d["value"] == "9000000000" and d["currency"] == "USD"


def test_extract_options():
    text = "It cost $5 million and 200 MW, plus 42."
    assert [f.figure.kind for f in chiffre.extract(text, kinds="money")] == ["money"]
    assert [f.figure.kind for f in chiffre.extract(text, kinds=["power", "number"])] == ["power", "number"]
    assert len(chiffre.extract(text, kinds="all")) == 3
    assert chiffre.extract(text, region="en-CA")[0].figure.currency == "CAD"
    assert chiffre.extract("1,234 €", lang="fr")[0].figure.value == Decimal("1.234")


def test_parse_error_offsets_are_characters():
    with pytest.raises(chiffre.ParseError) as e:
        chiffre.parse("290 млн долларов и", lang="ru")
    err = e.value
    assert isinstance(err, ValueError) and isinstance(err, chiffre.ChiffreError)
    assert err.offset == 17 and err.byte_offset == 28
    assert err.text[err.offset] == "и"
    assert err.message == "expected end of input after the figure, found 'и'"
    assert str(err) == "character 17: expected end of input after the figure, found 'и'"
    assert err.category == "syntax"

    with pytest.raises(chiffre.ParseError) as e:
        chiffre.parse("3,5 Mrd. Euro und", lang="de")
    assert (e.value.offset, e.value.byte_offset) == (14, 14)

    for text in ["5 € и", "🎉🎉 $5 🎉", "naïve 5", "约 5 7"]:
        with pytest.raises(chiffre.ParseError) as e:
            chiffre.parse(text)
        err = e.value
        assert err.byte_offset == len(text[: err.offset].encode("utf-8")), text
        assert err.message in str(err) and str(err).startswith(f"character {err.offset}: ")
    with pytest.raises(chiffre.ParseError) as e:
        chiffre.parse("5 € и", lang="fr")
    assert (e.value.offset, e.value.byte_offset) == (4, 6)

    with pytest.raises(chiffre.ParseError) as e:
        chiffre.parse("   ")
    assert e.value.offset == 0 and "empty input" in str(e.value)


def test_bad_arguments_are_value_errors():
    with pytest.raises(chiffre.ChiffreError, match="unknown language"):
        chiffre.parse("5", lang="xx")
    with pytest.raises(ValueError, match="unknown kind"):
        chiffre.extract("5", kinds="money,gold")
    with pytest.raises(ValueError, match="unknown region"):
        chiffre.extract("$5", region="ZZZ")
    with pytest.raises(ValueError):
        chiffre.parse("\ud800 5")  # a lone surrogate cannot be UTF-8


def test_compare_functions():
    d = chiffre.ratio("$9 billion", "1.3 GW", per="MW")
    assert str(d) == "6.923 million USD/MW [6.296 million, 7.6 million]"
    assert d.max == Decimal("7600000") and d.unit == "USD/MW" and d.currency == "USD"
    t = chiffre.total(["290 млн долларов", chiffre.parse("300 млн долларов", lang="ru")], lang="ru")
    assert t.value == Decimal("590000000") and str(t.interval) == "[589000000, 591000000]"
    assert chiffre.total(["200 MW", "1.3 GW"]).format(4) == "1.5 GW [1.449, 1.551]"
    o = chiffre.over_period("около 290 млн долларов в год", "12 лет")
    assert (o.min, o.max) == (Decimal("3168250000"), Decimal("3806250000"))
    y = chiffre.per_period("3,5 Mrd. Euro", "12 Jahre")
    assert y.unit == "EUR/year" and str(y) == "291.7 million EUR/year [276 million, 308.7 million]"
    assert chiffre.per_period("3,5 Mrd. Euro", "12 Jahre", per="month", lang="de").format(3) == (
        "24.3 million EUR/month [23 million, 25.8 million]"
    )
    assert chiffre.share("260 MW", "1.3 GW").value == Decimal("20")
    c = chiffre.change("$210.7 million", "$300 million")
    assert c.absolute.value == Decimal("89300000") and c.percent.format() == "42.38% [42.11, 42.66]"
    r = chiffre.total(["$1 million", "2 Mio. Euro"], rates="date,from,to,rate\n2024-06-03,EUR,USD,1.0891\n",
                      date="2024-07-01")
    assert str(r) == "3.178 million USD [2.133 million, 4.223 million]"
    with pytest.raises(chiffre.ChiffreError, match="cannot combine USD with EUR") as e:
        chiffre.total(["$9 billion", "3,5 Mrd. Euro"])
    assert e.value.category == "mismatch" and not isinstance(e.value, chiffre.ParseError)
    with pytest.raises(chiffre.ParseError):
        chiffre.total(["$9 billion", "nine dollars and"], lang="en")
    with pytest.raises(TypeError):
        chiffre.total([1.5])


def test_multiples_and_changes():
    found = chiffre.extract("Profit doubled to $2bn from $1.3bn.")
    assert [(f.text, f.figure.kind) for f in found] == [
        ("doubled", "multiple"), ("$2bn", "money"), ("$1.3bn", "money")]
    rel = [r for r in chiffre.check("Profit doubled to $2bn from $1.3bn.") if r["kind"] == "change"]
    assert len(rel) == 1 and rel[0]["consistent"] is False
    assert [p["role"] for p in rel[0]["figures"]] == ["change", "from", "to"]


def test_check_records():
    text = ("🎉 They signed a 10-year deal. It brings about $200 million a year, "
            "or about $5 billion in total.")
    rel = chiffre.check(text)
    assert len(rel) == 1
    r = rel[0]
    assert r["kind"] == "rate_times_term_vs_total" and r["consistent"] is False and r["gap"] == "0.51"
    assert (r["min"], r["max"]) == ("1805000000", "2205000000")
    for p in r["figures"]:
        assert text[p["char_start"]:p["char_end"]] == p["text"]
        assert text.encode()[p["start"]:p["end"]].decode() == p["text"]


def test_extract_table_basic():
    t = chiffre.extract_table(
        [{"id": "a", "text": "Выручка — 290 млн долларов 🎉 и 1,3 ГВт"}, {"id": "b", "text": None},
         {"id": None, "text": "$5–10 million"}]
    )
    assert t.column_names == list(chiffre.TABLE_COLUMNS)
    rows = t.to_pylist()
    assert [(r["id"], r["text"], r["value"], r["min"], r["max"]) for r in rows] == [
        ("a", "290 млн долларов", "290000000", None, None),
        ("a", "1,3 ГВт", "1.3", None, None),
        (None, "$5–10 million", None, "5000000", "10000000"),
    ]
    assert (rows[1]["start"], rows[1]["byte_start"]) == (31, 55)
    for name in ("value", "min", "max", "resolution"):
        assert t.schema.field(name).type == pa.string()


def test_extract_table_inputs():
    texts = ["It paid $9 billion.", None, "Rund 200 MW."]
    batch = pa.record_batch({"doc": pa.array([10, 11, 12], pa.int32()), "body": pa.array(texts, pa.large_string())})
    t = chiffre.extract_table(batch, text="body", id="doc")
    assert t.schema.field("id").type == pa.int32()
    assert t.column("id").to_pylist() == [10, 12]
    view = pa.table({"text": pa.array(texts, pa.string_view())})
    assert chiffre.extract_table(view, id=None).column("id").to_pylist() == [0, 2]
    # A stream of several batches: ids number the records across batches.
    reader = pa.RecordBatchReader.from_batches(
        view.schema, [pa.record_batch({"text": pa.array(texts, pa.string_view())})] * 3
    )
    assert chiffre.extract_table(reader, id=None).column("id").to_pylist() == [0, 2, 3, 5, 6, 8]
    assert chiffre.extract_table({"text": texts}, id=None).num_rows == 2
    import pandas as pd
    frame = pd.DataFrame({"id": ["x", "y", "z"], "text": texts})
    assert chiffre.extract_table(frame).column("id").to_pylist() == ["x", "z"]
    assert chiffre.extract_table([], id=None).num_rows == 0
    with pytest.raises(ValueError, match="no column \"id\""):
        chiffre.extract_table({"text": texts})
    with pytest.raises(TypeError, match="not a string column"):
        chiffre.extract_table({"text": [1, 2]}, id=None)
    with pytest.raises(ValueError, match="row 1: unknown language"):
        chiffre.extract_table({"text": ["5 MW", "6 MW"], "l": ["en", "xx"]}, id=None, lang_column="l")
    langs = chiffre.extract_table({"text": ["1,234 €", "1,234 €"], "l": ["fr", None]}, id=None, lang="en",
                                  lang_column="l")
    assert langs.column("value").to_pylist() == ["1.234", "1234"]


def test_extract_table_releases_the_gil():
    from chiffre import _chiffre

    text = " ".join(["Выручка составила 290 млн долларов, а мощность 1,3 ГВт."] * 40)
    table = pa.table({"text": [text] * 1500})
    window: list[float] = []
    done = threading.Event()

    def work():
        t_in = time.perf_counter()
        _chiffre.extract_table(table, "text", None)
        window.extend([t_in, time.perf_counter()])
        done.set()

    samples = []
    th = threading.Thread(target=work)
    th.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        if ticks % 1000 == 0:
            samples.append(time.perf_counter())
    th.join()
    t_in, t_out = window
    assert t_out - t_in > 0.1
    # With the GIL held during the native call, this thread could not run
    # inside the call's window.
    inside = [t for t in samples if t_in + 0.03 < t < t_out - 0.03]
    assert len(inside) > 10, (t_out - t_in, len(samples), len(inside))


def test_type_stubs_match_the_module():
    import ast
    from pathlib import Path

    from chiffre import _chiffre

    stub = Path(chiffre.__file__).with_name("_chiffre.pyi")
    assert stub.is_file() and Path(chiffre.__file__).with_name("py.typed").is_file()
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    declared: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            declared[node.name] = {
                n.name for n in node.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
            } | {
                n.target.id for n in node.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
            }
        elif isinstance(node, ast.FunctionDef):
            declared[node.name] = set()
    public = {n for n in dir(_chiffre) if not n.startswith("_")}
    assert public == set(declared), public ^ set(declared)
    for name, members in declared.items():
        obj = getattr(_chiffre, name)
        if isinstance(obj, type) and not issubclass(obj, Exception):
            have = {n for n in dir(obj) if not n.startswith("_")}
            assert have == members, (name, have ^ members)


def test_extract_table_dictionary_columns():
    texts = pa.array(["It paid $9 billion.", None, "It paid $9 billion.", "1,234 €"]).dictionary_encode()
    langs = pa.array(["en", "en", None, "fr"]).dictionary_encode()
    t = chiffre.extract_table(pa.table({"text": texts, "l": langs}), id=None, lang_column="l")
    assert t.select(["id", "value"]).to_pylist() == [
        {"id": 0, "value": "9000000000"}, {"id": 2, "value": "9000000000"}, {"id": 3, "value": "1.234"}
    ]
