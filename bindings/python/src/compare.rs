//! The comparison layer: intervals, totals, ratios, rates over periods,
//! and `check`.

use chiffre::compare as cmp;
use chiffre::{Currency, LangMode, Period, Unit};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString};
use rust_decimal::Decimal;

use crate::errors::{char_index, chiffre_error, message, parse_error};
use crate::figure::{Figure, json_to_py, lang_mode, options, py_opt_decimal, to_json};

/// A set of exact decimals between two ends; an end is `None` when
/// unbounded, and inclusive or not.
///
/// >>> chiffre.parse("290 million dollars").interval()
/// <Interval [289500000, 290500000]>
#[pyclass(module = "chiffre", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Interval {
    pub(crate) inner: cmp::Interval,
}

/// Reads an exact decimal from a `Decimal`, an `int` or a string; a float
/// is refused (it is not exact).
fn exact(v: &Bound<'_, PyAny>) -> PyResult<Decimal> {
    if v.is_instance_of::<pyo3::types::PyFloat>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "a float is not an exact value: pass a decimal.Decimal, an int or a string",
        ));
    }
    let s: String = v.str()?.extract()?;
    let s = s.as_str();
    Decimal::from_str_exact(s.trim())
        .or_else(|_| Decimal::from_scientific(s.trim()))
        .map_err(|e| message(format!("not an exact decimal: {s:?} ({e})")))
}

#[pymethods]
impl Interval {
    /// The lower end (`Decimal`), or `None` for −∞.
    #[getter]
    fn min<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_decimal(py, self.inner.min())
    }
    /// The upper end (`Decimal`), or `None` for +∞.
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_decimal(py, self.inner.max())
    }
    /// Whether the lower end belongs to the interval.
    #[getter]
    fn min_inclusive(&self) -> bool {
        self.inner.lower().is_inclusive()
    }
    /// Whether the upper end belongs to the interval.
    #[getter]
    fn max_inclusive(&self) -> bool {
        self.inner.upper().is_inclusive()
    }
    /// Whether `value` (a `Decimal`, `int` or string; not a float) lies in the interval.
    fn contains(&self, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.contains(exact(value)?))
    }
    /// Whether the two intervals share a value.
    fn intersects(&self, other: &Interval) -> bool {
        self.inner.intersects(&other.inner)
    }
    /// `{"min", "max", "min_inclusive", "max_inclusive"}`, decimals as exact strings.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.inner)?)
    }
    fn __str__(&self) -> String {
        self.inner.to_string()
    }
    fn __repr__(&self) -> String {
        format!("<Interval {}>", self.inner)
    }
}

/// The result of a computation on figures: the exact point value, the exact
/// interval of every value the inputs allow, and the unit ("USD", "USD/MW",
/// "USD/year", "x", "%").
///
/// `str()` rounds to 4 significant digits (see `format`); `to_dict()` is the
/// CLI's `--format json` object, with exact decimal strings.
///
/// >>> d = chiffre.ratio("$9 billion", "1.3 GW", per="MW")
/// >>> str(d)
/// '6.923 million USD/MW [6.296 million, 7.6 million]'
#[pyclass(module = "chiffre", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Derived {
    inner: cmp::Derived,
}

#[pymethods]
impl Derived {
    /// The exact point value (`Decimal`), computed from the written values.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::figure::py_decimal(py, self.inner.value())
    }
    /// The lower end of the interval (`Decimal`), or `None` when unbounded.
    #[getter]
    fn min<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_decimal(py, self.inner.interval().min())
    }
    /// The upper end of the interval (`Decimal`), or `None` when unbounded.
    #[getter]
    fn max<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_decimal(py, self.inner.interval().max())
    }
    /// The interval of every value the inputs allow.
    #[getter]
    fn interval(&self) -> Interval {
        Interval {
            inner: self.inner.interval(),
        }
    }
    /// The currency the result is counted in, if any.
    #[getter]
    fn currency(&self) -> Option<&'static str> {
        self.inner.currency().map(|c| c.code())
    }
    /// "USD", "USD/MW", "USD/year", "GW", "x" (a multiple), "%"; `None` for a plain number.
    #[getter]
    fn unit(&self) -> Option<String> {
        (!self.inner.unit().is_empty()).then(|| self.inner.unit().to_string())
    }
    /// The human form with `precision` significant digits (the interval
    /// rounded outward): "6.9 billion USD/GW [6.2 billion, 7.6 billion]".
    #[pyo3(signature = (precision=4))]
    fn format(&self, precision: u32) -> String {
        self.inner.clone().with_precision(precision).to_string()
    }
    /// The CLI's `--format json` object: value, min, max, min_inclusive,
    /// max_inclusive, currency, unit (decimals as exact strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.inner)?)
    }
    fn __str__(&self) -> String {
        self.inner.to_string()
    }
    fn __repr__(&self) -> String {
        format!("<Derived {}>", self.inner)
    }
}

/// The change from one figure to another: `absolute` (in the unit of the
/// first) and `percent`, each a `Derived`.
#[pyclass(module = "chiffre", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct Change {
    inner: cmp::Change,
}

#[pymethods]
impl Change {
    /// `to − from`, in the unit of `from`.
    #[getter]
    fn absolute(&self) -> Derived {
        Derived {
            inner: self.inner.absolute.clone(),
        }
    }
    /// `(to / from − 1) × 100`.
    #[getter]
    fn percent(&self) -> Derived {
        Derived {
            inner: self.inner.percent.clone(),
        }
    }
    /// The CLI's JSON: `{"absolute": {...}, "percent": {...}}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.inner)?)
    }
    fn __str__(&self) -> String {
        format!(
            "change: {}\npercent: {}",
            self.inner.absolute, self.inner.percent
        )
    }
    fn __repr__(&self) -> String {
        format!("<Change {} ({})>", self.inner.absolute, self.inner.percent)
    }
}

/// A figure argument: a `Figure`, or a string parsed in `lang`.
fn figure_arg(py: Python<'_>, obj: &Bound<'_, PyAny>, lang: LangMode) -> PyResult<chiffre::Figure> {
    if let Ok(f) = obj.cast::<Figure>() {
        return Ok(f.get().inner.clone());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text: String = s.extract()?;
        return chiffre::parse(&text, lang).map_err(|e| parse_error(py, &e, &text));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "expected a chiffre.Figure or a str, got {}",
        obj.get_type().name()?
    )))
}

/// A unit or period argument (the library's parsing, the library's message).
fn arg<T: std::str::FromStr<Err = chiffre::Error>>(s: &str) -> PyResult<T> {
    s.parse()
        .map_err(|e: chiffre::Error| message(e.to_string()))
}

fn derived(py: Python<'_>, r: Result<cmp::Derived, chiffre::Error>) -> PyResult<Derived> {
    r.map(|inner| Derived { inner })
        .map_err(|e| chiffre_error(py, &e))
}

/// The sum of figures of one currency or dimension (MW + GW → GW; years +
/// months → months). Figures are `Figure`s or strings (parsed in `lang`).
///
/// With `rates` (CSV text of `date,from,to,rate` lines) money in several
/// currencies is converted at the rates in force on `date` (a
/// `datetime.date` or "YYYY-MM-DD"; default the latest) into `to` (default:
/// the first figure's currency).
///
/// >>> str(chiffre.total(["290 млн долларов", "300 млн долларов"]))
/// '590 million USD [589 million, 591 million]'
#[pyfunction]
#[pyo3(signature = (figures, lang=None, rates=None, date=None, to=None))]
pub fn total(
    py: Python<'_>,
    figures: &Bound<'_, PyAny>,
    lang: Option<String>,
    rates: Option<String>,
    date: Option<&Bound<'_, PyAny>>,
    to: Option<String>,
) -> PyResult<Derived> {
    let lang = lang_mode(py, lang.as_deref())?;
    let mut fs = Vec::new();
    for f in figures.try_iter()? {
        fs.push(figure_arg(py, &f?, lang)?);
    }
    let Some(csv) = rates else {
        if date.is_some() || to.is_some() {
            return Err(message("date and to need rates"));
        }
        return derived(py, cmp::total(&fs));
    };
    let rates = cmp::Rates::from_csv(&csv).map_err(|e| chiffre_error(py, &e))?;
    let date = match date {
        None => chrono::NaiveDate::MAX,
        Some(d) => {
            let s: String = d.str()?.extract()?;
            let s = s.as_str();
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| message(format!("bad date {s:?}: expected YYYY-MM-DD")))?
        }
    };
    match to {
        Some(code) => {
            let c = Currency::from_code(&code.to_ascii_uppercase())
                .ok_or_else(|| message(format!("unknown currency {code:?}")))?;
            derived(py, cmp::total_in(&fs, &rates, date, c))
        }
        None => derived(py, cmp::total_with_rates(&fs, &rates, date)),
    }
}

/// `a / b`: a price per unit of `b` ("USD/GW"; "USD/MW" with `per="MW"`), or
/// a multiple ("x") of two figures of one dimension.
///
/// >>> str(chiffre.ratio("9 milliards de dollars", "1,3 GW", per="MW"))
/// '6.923 million USD/MW [6.296 million, 7.6 million]'
#[pyfunction]
#[pyo3(signature = (a, b, per=None, lang=None))]
pub fn ratio(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    per: Option<String>,
    lang: Option<String>,
) -> PyResult<Derived> {
    let lang = lang_mode(py, lang.as_deref())?;
    let (a, b) = (figure_arg(py, a, lang)?, figure_arg(py, b, lang)?);
    match per {
        Some(u) => derived(py, cmp::ratio_per(&a, &b, arg::<Unit>(&u)?)),
        None => derived(py, cmp::ratio(&a, &b)),
    }
}

/// A total spread over a duration, per `per` (year, quarter, month, week,
/// day, hour).
///
/// >>> str(chiffre.per_period("3,5 Mrd. Euro", "12 Jahre"))
/// '291.7 million EUR/year [276 million, 308.7 million]'
#[pyfunction]
#[pyo3(signature = (total, duration, per="year".to_string(), lang=None))]
#[pyo3(text_signature = "(total, duration, per='year', lang=None)")]
pub fn per_period(
    py: Python<'_>,
    total: &Bound<'_, PyAny>,
    duration: &Bound<'_, PyAny>,
    per: String,
    lang: Option<String>,
) -> PyResult<Derived> {
    let lang = lang_mode(py, lang.as_deref())?;
    let (t, d) = (
        figure_arg(py, total, lang)?,
        figure_arg(py, duration, lang)?,
    );
    derived(py, cmp::per_period(&t, &d, arg::<Period>(&per)?))
}

/// A rate accumulated over a duration: "290 M$ a year" for "12 years" → the total.
///
/// >>> str(chiffre.over_period("около 290 млн долларов в год", "12 лет"))
/// '3.48 billion USD [3.168 billion, 3.807 billion]'
#[pyfunction]
#[pyo3(signature = (rate, duration, lang=None))]
pub fn over_period(
    py: Python<'_>,
    rate: &Bound<'_, PyAny>,
    duration: &Bound<'_, PyAny>,
    lang: Option<String>,
) -> PyResult<Derived> {
    let lang = lang_mode(py, lang.as_deref())?;
    let (r, d) = (figure_arg(py, rate, lang)?, figure_arg(py, duration, lang)?);
    derived(py, cmp::over_period(&r, &d))
}

/// `part` as a percentage of `whole`.
///
/// >>> str(chiffre.share("260 MW", "1.3 GW"))
/// '20% [19.22, 20.84]'
#[pyfunction]
#[pyo3(signature = (part, whole, lang=None))]
pub fn share(
    py: Python<'_>,
    part: &Bound<'_, PyAny>,
    whole: &Bound<'_, PyAny>,
    lang: Option<String>,
) -> PyResult<Derived> {
    let lang = lang_mode(py, lang.as_deref())?;
    let (p, w) = (figure_arg(py, part, lang)?, figure_arg(py, whole, lang)?);
    derived(py, cmp::share(&p, &w))
}

/// The change from one figure to another, absolute and in percent.
///
/// >>> c = chiffre.change("$210.7 million", "$300 million")
/// >>> c.absolute.value, c.percent.format(4)
/// (Decimal('89300000'), '42.38% [42.11, 42.66]')
#[pyfunction]
#[pyo3(signature = (start, end, lang=None))]
pub fn change(
    py: Python<'_>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    lang: Option<String>,
) -> PyResult<Change> {
    let lang = lang_mode(py, lang.as_deref())?;
    let (a, b) = (figure_arg(py, start, lang)?, figure_arg(py, end, lang)?);
    cmp::change(&a, &b)
        .map(|inner| Change { inner })
        .map_err(|e| chiffre_error(py, &e))
}

/// The relations a reader checks inside one article (rate × term vs total,
/// price per capacity, a figure restated, a change between two levels), as
/// the CLI's `chiffre check`
/// JSON records (without `source`): `start`/`end` of each figure are byte
/// offsets as in the CLI, and each figure also has `char_start`/`char_end`
/// (Python string indices).
///
/// >>> rel = chiffre.check("They signed a 10-year deal. It brings about $200 million "
/// ...                     "a year, or about $5 billion in total.")
/// >>> rel[0]["kind"], rel[0]["consistent"], rel[0]["gap"]
/// ('rate_times_term_vs_total', False, '0.51')
#[pyfunction]
#[pyo3(signature = (text, lang=Some("auto".to_string()), region=None))]
#[pyo3(text_signature = "(text, lang='auto', region=None)")]
pub fn check<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    lang: Option<String>,
    region: Option<String>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = options(py, lang.as_deref(), None, region.as_deref())?;
    let text: &str = &text;
    let relations = py.detach(|| cmp::check(text, &opts));
    let out = PyList::empty(py);
    for r in &relations {
        let rec = json_to_py(py, &to_json(r)?)?;
        let parts = rec.get_item("figures")?;
        for (i, p) in r.figures.iter().enumerate() {
            let d = parts.get_item(i)?;
            let d = d.cast::<PyDict>()?;
            d.set_item("char_start", char_index(text, p.start))?;
            d.set_item("char_end", char_index(text, p.end))?;
        }
        out.append(rec)?;
    }
    Ok(out)
}
