//! `chiffre._chiffre`: the native module under the Python package `chiffre`.
//!
//! A thin layer over the `chiffre` crate: every function converts its
//! arguments, calls the library, and converts the result. Values cross into
//! Python as `decimal.Decimal` built from the exact decimal strings (never a
//! float); offsets cross as character offsets (Python string indices) next to
//! the byte offsets of the library; every library error becomes a
//! `chiffre.ChiffreError` (a `ValueError`), and a text that is not a figure a
//! `chiffre.ParseError` with its offsets in characters.

mod compare;
mod errors;
mod figure;
mod table;

use pyo3::prelude::*;

/// The native module; `python/chiffre/__init__.py` re-exports it.
#[pymodule]
fn _chiffre(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ChiffreError", py.get_type::<errors::ChiffreError>())?;
    m.add("ParseError", py.get_type::<errors::ParseError>())?;
    m.add_class::<figure::Figure>()?;
    m.add_class::<figure::Found>()?;
    m.add_class::<compare::Interval>()?;
    m.add_class::<compare::Derived>()?;
    m.add_class::<compare::Change>()?;
    m.add_function(wrap_pyfunction!(figure::parse, m)?)?;
    m.add_function(wrap_pyfunction!(figure::extract, m)?)?;
    m.add_function(wrap_pyfunction!(figure::detect_lang, m)?)?;
    m.add_function(wrap_pyfunction!(table::extract_table, m)?)?;
    m.add_function(wrap_pyfunction!(compare::total, m)?)?;
    m.add_function(wrap_pyfunction!(compare::ratio, m)?)?;
    m.add_function(wrap_pyfunction!(compare::per_period, m)?)?;
    m.add_function(wrap_pyfunction!(compare::over_period, m)?)?;
    m.add_function(wrap_pyfunction!(compare::share, m)?)?;
    m.add_function(wrap_pyfunction!(compare::change, m)?)?;
    m.add_function(wrap_pyfunction!(compare::check, m)?)?;
    Ok(())
}
