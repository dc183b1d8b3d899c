"""Type stubs of the native module `chiffre._chiffre` (re-exported by `chiffre`)."""

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Optional, Union, final

__version__: str

class ChiffreError(ValueError):
    """A bad argument (unknown language, kind, region, unit, period), or figures
    that cannot be combined (two currencies, two dimensions, a division by zero)."""

    category: str

class ParseError(ChiffreError):
    """A text that is not exactly one figure.

    >>> try:
    ...     chiffre.parse("290 млн долларов и", lang="ru")
    ... except chiffre.ParseError as e:
    ...     print(e.offset, e.byte_offset, e.message)
    17 28 expected end of input after the figure, found 'и'
    """

    offset: int
    """Character offset (Python string index) of the error in `text`."""
    end: int
    """Character offset of the end of the span the error is about (== offset for a position)."""
    byte_offset: int
    byte_end: int
    message: str
    """The reason, without the place."""
    text: str
    category: str

_Kinds = Union[str, Iterable[str], None]
_FigureLike = Union["Figure", str]

@final
class Figure:
    """One figure, resolved to exact values (`Decimal`, never float).

    >>> f = chiffre.parse("около 290 млн долларов в год", lang="ru")
    >>> f.value, f.currency, f.qualifier, f.period
    (Decimal('290000000'), 'USD', 'approx', 'year')
    """

    @property
    def kind(self) -> str:
        """money, percent, power, energy, hashrate, duration, measure, count, multiple or number."""
    @property
    def value(self) -> Optional[Decimal]:
        """The exact value, or None for a range."""
    @property
    def min(self) -> Optional[Decimal]:
        """The lower end of a range, or None for one value."""
    @property
    def max(self) -> Optional[Decimal]:
        """The upper end of a range, or None for one value."""
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def unit(self) -> Optional[str]: ...
    @property
    def qualifier(self) -> str:
        """exact, approx, over, under, at_least or at_most."""
    @property
    def period(self) -> Optional[str]: ...
    @property
    def lang(self) -> str: ...
    @property
    def scale(self) -> Optional[str]: ...
    @property
    def polarity(self) -> str: ...
    @property
    def resolution(self) -> Decimal: ...
    @property
    def alternatives(self) -> list[dict[str, str]]:
        """Rejected readings: [{"rule": ..., "reading": ...}]."""
    @property
    def inferred(self) -> list[str]: ...
    @property
    def ambiguous(self) -> bool: ...
    def interval(self) -> "Interval":
        """Every value that rounds to the figure as written.

        >>> str(chiffre.parse("290 million dollars").interval())
        '[289500000, 290500000]'
        """
    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON object (decimals as exact strings).

        >>> chiffre.parse("$4.87").to_dict()["value"]
        '4.87'
        """
    def to_json(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...

@final
class Found:
    """A figure found in a text. `start`/`end` are character offsets:
    ``text[f.start:f.end] == f.text``; `byte_start`/`byte_end` are UTF-8 byte offsets."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def figure(self) -> Figure: ...
    def to_dict(self) -> dict[str, Any]:
        """start, end (characters), byte_start, byte_end, text, then the figure's fields."""
    def __eq__(self, other: object) -> bool: ...

@final
class Interval:
    """Exact decimals between two ends (None: unbounded)."""

    @property
    def min(self) -> Optional[Decimal]: ...
    @property
    def max(self) -> Optional[Decimal]: ...
    @property
    def min_inclusive(self) -> bool: ...
    @property
    def max_inclusive(self) -> bool: ...
    def contains(self, value: Union[Decimal, int, str]) -> bool:
        """Whether `value` lies in the interval (a float is refused: not exact)."""
    def intersects(self, other: "Interval") -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Derived:
    """The result of a computation: exact value, exact interval, unit.

    >>> d = chiffre.ratio("$9 billion", "1.3 GW", per="MW")
    >>> str(d), d.max
    ('6.923 million USD/MW [6.296 million, 7.6 million]', Decimal('7600000'))
    """

    @property
    def value(self) -> Decimal: ...
    @property
    def min(self) -> Optional[Decimal]: ...
    @property
    def max(self) -> Optional[Decimal]: ...
    @property
    def interval(self) -> Interval: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def unit(self) -> Optional[str]: ...
    def format(self, precision: int = 4) -> str: ...
    def to_dict(self) -> dict[str, Any]:
        """The CLI's ``--format json`` object."""

@final
class Change:
    @property
    def absolute(self) -> Derived: ...
    @property
    def percent(self) -> Derived: ...
    def to_dict(self) -> dict[str, Any]: ...

def parse(text: str, lang: Optional[str] = None) -> Figure:
    """Parses a string that holds exactly one figure; raises ParseError.

    >>> chiffre.parse("9 milliards de dollars", lang="fr").value
    Decimal('9000000000')
    """

def extract(
    text: str, lang: Optional[str] = "auto", kinds: _Kinds = None, region: Optional[str] = None
) -> list[Found]:
    """Every figure of a text, in order.

    >>> [(f.start, f.end, f.text) for f in chiffre.extract("Выручка — 290 млн долларов")]
    [(10, 26, '290 млн долларов')]
    """

def detect_lang(text: str) -> str: ...
def extract_table(
    data: Any,
    text: str = "text",
    id: Optional[str] = "id",
    lang: Optional[str] = None,
    kinds: _Kinds = None,
    region: Optional[str] = None,
    lang_column: Optional[str] = None,
) -> Any:
    """The native half of `chiffre.extract_table`: returns an object with
    `__arrow_c_stream__`."""

def total(
    figures: Iterable[_FigureLike],
    lang: Optional[str] = None,
    rates: Optional[str] = None,
    date: Union[datetime.date, str, None] = None,
    to: Optional[str] = None,
) -> Derived:
    """>>> str(chiffre.total(["290 млн долларов", "300 млн долларов"]))
    '590 million USD [589 million, 591 million]'
    """

def ratio(a: _FigureLike, b: _FigureLike, per: Optional[str] = None, lang: Optional[str] = None) -> Derived: ...
def per_period(
    total: _FigureLike, duration: _FigureLike, per: str = "year", lang: Optional[str] = None
) -> Derived: ...
def over_period(rate: _FigureLike, duration: _FigureLike, lang: Optional[str] = None) -> Derived: ...
def share(part: _FigureLike, whole: _FigureLike, lang: Optional[str] = None) -> Derived: ...
def change(start: _FigureLike, end: _FigureLike, lang: Optional[str] = None) -> Change: ...
def check(text: str, lang: Optional[str] = "auto", region: Optional[str] = None) -> list[dict[str, Any]]:
    """The CLI's ``chiffre check`` records (byte offsets), with ``char_start``/``char_end``
    added to each figure."""


