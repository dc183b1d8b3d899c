//! `Figure`, `Found`, `parse` and `extract`.

use chiffre::{KindSet, LangMode, Options, Polarity, Value};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use rust_decimal::Decimal;

use crate::errors::{chiffre_error, message, parse_error};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `decimal.Decimal` of an exact value, built from its string (no float on
/// the way): trailing fractional zeros are dropped, as in the JSON output.
pub(crate) fn py_decimal<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    DECIMAL
        .import(py, "decimal", "Decimal")?
        .call1((d.normalize().to_string(),))
}

/// `decimal.Decimal` of an optional value, or `None`.
pub(crate) fn py_opt_decimal<'py>(
    py: Python<'py>,
    d: Option<Decimal>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    d.map(|d| py_decimal(py, d)).transpose()
}

/// `json.loads` of a JSON text made by the library's serde serialisation:
/// the dictionaries are exactly the CLI's JSON objects.
pub(crate) fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    JSON_LOADS
        .get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(py.import("json")?.getattr("loads")?.unbind())
        })?
        .bind(py)
        .call1((json,))
}

/// Serialises with serde_json; the library's types always serialise.
pub(crate) fn to_json<T: serde::Serialize>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| message(e.to_string()))
}

/// The name of a polarity, as in JSON.
pub(crate) fn polarity_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Neutral => "neutral",
        Polarity::Loss => "loss",
    }
}

/// Reads a language argument: `None`, `"auto"`, or a code (`en`, `fr`, `de`, `ru`).
pub(crate) fn lang_mode(py: Python<'_>, lang: Option<&str>) -> PyResult<LangMode> {
    match lang {
        None => Ok(LangMode::Auto),
        Some(l) => l.parse().map_err(|e| chiffre_error(py, &e)),
    }
}

/// Reads a `kinds` argument: `None` (every kind but bare numbers), a string
/// (`"money,percent"` or `"all"`), or an iterable of kind names.
pub(crate) fn kind_set(py: Python<'_>, kinds: Option<&Bound<'_, PyAny>>) -> PyResult<KindSet> {
    let Some(k) = kinds else {
        return Ok(KindSet::default());
    };
    let list = if let Ok(s) = k.cast::<PyString>() {
        s.extract::<String>()?
    } else {
        let mut names = Vec::new();
        for item in k.try_iter()? {
            names.push(item?.extract::<String>()?);
        }
        names.join(",")
    };
    list.parse().map_err(|e| chiffre_error(py, &e))
}

/// Builds extraction options from the Python arguments.
pub(crate) fn options(
    py: Python<'_>,
    lang: Option<&str>,
    kinds: Option<&Bound<'_, PyAny>>,
    region: Option<&str>,
) -> PyResult<Options> {
    let mut opts = Options {
        lang: lang_mode(py, lang)?,
        kinds: kind_set(py, kinds)?,
        ..Options::default()
    };
    if let Some(r) = region {
        opts = opts.region(r).map_err(|e| chiffre_error(py, &e))?;
    }
    Ok(opts)
}

/// One figure, resolved to exact values.
///
/// Values are `decimal.Decimal` (never float). For a range, `value` is
/// `None` and `min`/`max` are its ends; for one value, `min` and `max` are
/// `None` — as in the CLI's JSON.
///
/// >>> f = chiffre.parse("около 290 млн долларов в год", lang="ru")
/// >>> f.value, f.currency, f.qualifier, f.period
/// (Decimal('290000000'), 'USD', 'approx', 'year')
#[pyclass(module = "chiffre", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Figure {
    pub(crate) inner: chiffre::Figure,
}

#[pymethods]
impl Figure {
    /// What the figure measures: money, percent, power, energy, hashrate,
    /// duration, measure, count, multiple ("doubled" = 2) or number.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind().name()
    }
    /// The exact value (`Decimal`), or `None` for a range.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_decimal(py, self.inner.value().exact())
    }
    /// The lower end of a range (`Decimal`), or `None` for one value.
    #[getter]
    fn min<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.inner.value() {
            Value::Range { min, .. } => py_opt_decimal(py, Some(min)),
            _ => Ok(None),
        }
    }
    /// The upper end of a range (`Decimal`), or `None` for one value.
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.inner.value() {
            Value::Range { max, .. } => py_opt_decimal(py, Some(max)),
            _ => Ok(None),
        }
    }
    /// ISO 4217 code (or BTC, ETH, USDT, USDC), for money.
    #[getter]
    fn currency(&self) -> Option<&'static str> {
        self.inner.currency().map(|c| c.code())
    }
    /// The unit symbol: MW, kWh, EH/s, year, pp, cent, km...
    #[getter]
    fn unit(&self) -> Option<&'static str> {
        self.inner.unit().map(|u| u.symbol())
    }
    /// exact, approx, over, under, at_least or at_most.
    #[getter]
    fn qualifier(&self) -> &'static str {
        self.inner.qualifier().name()
    }
    /// The period of a rate: year, quarter, month, week, day, hour, or `None`.
    #[getter]
    fn period(&self) -> Option<&'static str> {
        self.inner.period().map(|p| p.name())
    }
    /// The language the figure was read in: en, fr, de or ru.
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.lang().code()
    }
    /// The scale word used (thousand, million, billion, trillion...), or `None`.
    #[getter]
    fn scale(&self) -> Option<&'static str> {
        self.inner.scale().map(|s| s.name())
    }
    /// neutral, or loss when a loss word governs the figure.
    #[getter]
    fn polarity(&self) -> &'static str {
        polarity_name(self.inner.polarity())
    }
    /// The place value of the last written digit (`Decimal`): 1000000 for "290 million".
    #[getter]
    fn resolution<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_decimal(py, self.inner.resolution())
    }
    /// Readings considered and rejected: a list of `{"rule", "reading"}` dicts.
    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for a in self.inner.alternatives() {
            let d = PyDict::new(py);
            d.set_item("rule", a.rule.id())?;
            d.set_item("reading", &a.reading)?;
            list.append(d)?;
        }
        Ok(list)
    }
    /// The fields taken from the sentence around the figure (period, polarity,
    /// qualifier, currency, scale).
    #[getter]
    fn inferred(&self) -> Vec<&'static str> {
        self.inner.inferred().to_vec()
    }
    /// True when some reading was a guess (`alternatives` is not empty).
    #[getter]
    fn ambiguous(&self) -> bool {
        self.inner.is_ambiguous()
    }
    /// The interval of every value that rounds to the figure as written
    /// ("290 million" is [289500000, 290500000]).
    fn interval(&self) -> crate::compare::Interval {
        crate::compare::Interval {
            inner: self.inner.interval(),
        }
    }
    /// The fields of the CLI's JSON object, with the same values (decimals as
    /// exact strings, so that `json.dumps` works).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.inner)?)
    }
    /// The CLI's JSON object for this figure, as a string.
    fn to_json(&self) -> PyResult<String> {
        to_json(&self.inner)
    }
    fn __str__(&self) -> String {
        self.inner.to_string()
    }
    fn __repr__(&self) -> String {
        format!("<Figure {} {}>", self.inner.kind().name(), self.inner)
    }
}

/// One figure found in a text: its span and the figure.
///
/// `start` and `end` are character offsets (`text[f.start:f.end]` is the
/// figure as written); `byte_start` and `byte_end` are UTF-8 byte offsets.
#[pyclass(module = "chiffre", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Found {
    /// Character offset of the figure's first character.
    #[pyo3(get)]
    start: usize,
    /// Character offset just past the figure.
    #[pyo3(get)]
    end: usize,
    /// UTF-8 byte offset of the figure's first byte.
    #[pyo3(get)]
    byte_start: usize,
    /// UTF-8 byte offset just past the figure.
    #[pyo3(get)]
    byte_end: usize,
    /// The figure as written.
    #[pyo3(get)]
    text: String,
    figure: Figure,
}

#[pymethods]
impl Found {
    /// The figure.
    #[getter]
    fn figure(&self) -> Figure {
        self.figure.clone()
    }
    /// The CLI's JSON row without `source`: `start` and `end` in characters,
    /// `byte_start`, `byte_end`, `text`, then the figure's fields.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("byte_start", self.byte_start)?;
        d.set_item("byte_end", self.byte_end)?;
        d.set_item("text", &self.text)?;
        d.update(self.figure.to_dict(py)?.cast::<pyo3::types::PyMapping>()?)?;
        Ok(d.into_any())
    }
    fn __repr__(&self) -> String {
        format!(
            "<Found {}..{} {:?} {}>",
            self.start, self.end, self.text, self.figure.inner
        )
    }
}

/// Character offsets of ascending byte offsets, counted incrementally (one
/// pass over the text for spans in order; a recount from the start otherwise).
pub(crate) struct CharCursor<'t> {
    text: &'t [u8],
    byte: usize,
    chars: usize,
}

impl<'t> CharCursor<'t> {
    pub(crate) fn new(text: &'t str) -> CharCursor<'t> {
        CharCursor {
            text: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    /// The character index of byte offset `b`.
    pub(crate) fn at(&mut self, b: usize) -> usize {
        let b = b.min(self.text.len());
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let seg = self.text.get(self.byte..b).unwrap_or_default();
        self.chars += if seg.is_ascii() {
            seg.len()
        } else {
            seg.iter()
                .filter(|&&c| !crate::errors::is_continuation(c))
                .count()
        };
        self.byte = b;
        self.chars
    }
}

/// Parses a string that holds exactly one figure (white space around it is
/// allowed).
///
/// `lang`: `None` or `"auto"` (detected from script and words), or `"en"`,
/// `"fr"`, `"de"`, `"ru"`. Raises `ParseError` (a `ValueError`) with
/// `offset` in characters.
///
/// >>> chiffre.parse("9 milliards de dollars", lang="fr").value
/// Decimal('9000000000')
/// >>> chiffre.parse("3,5 Mrd. Euro und")
/// Traceback (most recent call last):
/// chiffre.ParseError: character 14: expected end of input after the figure, found 'u'
#[pyfunction]
#[pyo3(signature = (text, lang=None))]
pub fn parse(py: Python<'_>, text: PyBackedStr, lang: Option<String>) -> PyResult<Figure> {
    let mode = lang_mode(py, lang.as_deref())?;
    match py.detach(|| chiffre::parse(&text, mode)) {
        Ok(inner) => Ok(Figure { inner }),
        Err(e) => Err(parse_error(py, &e, &text)),
    }
}

/// Finds every figure of a text, in order.
///
/// `lang`: `"auto"` (detected per paragraph) or a code; `kinds`: `None`
/// (every kind but bare numbers), `"all"`, a comma list or an iterable of
/// kind names; `region`: an ISO 3166 code or locale ("CA", "en-AU") whose
/// dollar a bare "$" is.
///
/// >>> text = "🚀 Выручка — 290 млн долларов"
/// >>> [(f.start, f.end, f.byte_start, f.text, f.figure.value) for f in chiffre.extract(text)]
/// [(12, 28, 24, '290 млн долларов', Decimal('290000000'))]
#[pyfunction]
#[pyo3(signature = (text, lang=Some("auto".to_string()), kinds=None, region=None))]
#[pyo3(text_signature = "(text, lang='auto', kinds=None, region=None)")]
pub fn extract(
    py: Python<'_>,
    text: PyBackedStr,
    lang: Option<String>,
    kinds: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
) -> PyResult<Vec<Found>> {
    let opts = options(py, lang.as_deref(), kinds, region.as_deref())?;
    let text: &str = &text;
    Ok(py.detach(|| {
        let found = chiffre::extract(text, &opts);
        let mut cur = CharCursor::new(text);
        found
            .into_iter()
            .map(|f| {
                let (start, end) = (cur.at(f.start), cur.at(f.end));
                Found {
                    start,
                    end,
                    byte_start: f.start,
                    byte_end: f.end,
                    text: text.get(f.start..f.end).unwrap_or_default().to_string(),
                    figure: Figure { inner: f.figure },
                }
            })
            .collect()
    }))
}

/// The language of a text, detected from its script and words: en, fr, de or ru.
///
/// >>> chiffre.detect_lang("Выручка составит 290 млн долларов")
/// 'ru'
#[pyfunction]
pub fn detect_lang(text: PyBackedStr) -> &'static str {
    chiffre::detect_lang(&text).code()
}
