//! Library errors as Python exceptions, with offsets in characters.

use std::ops::Range;

use chiffre::Category;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    chiffre,
    ChiffreError,
    PyValueError,
    "An error from chiffre: a bad argument (unknown language, kind or region), or figures that cannot be combined (two currencies, two dimensions, a division by zero)."
);
create_exception!(
    chiffre,
    ParseError,
    ChiffreError,
    "A text that is not exactly one figure. `offset` and `end` are character offsets into `text`, `byte_offset` and `byte_end` the UTF-8 byte offsets; `message` is the reason without the place."
);

/// The character index (Python string index) of a byte offset of `text`:
/// the number of characters that start before it. Never panics, whatever
/// the offset.
pub(crate) fn char_index(text: &str, byte: usize) -> usize {
    let bytes = text.as_bytes();
    let end = byte.min(bytes.len());
    bytes
        .get(..end)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| !is_continuation(b))
        .count()
}

/// True for the continuation bytes of a UTF-8 sequence (`10xxxxxx`).
pub(crate) fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The name of an error category, as given in the exception's `category`.
fn category_name(c: Category) -> &'static str {
    match c {
        Category::Syntax => "syntax",
        Category::Overflow => "overflow",
        Category::Encoding => "encoding",
        Category::Mismatch => "mismatch",
        Category::Arithmetic => "arithmetic",
        Category::Input => "input",
        _ => "other",
    }
}

/// The error message without the "byte N: " or "bytes a..b: " the library
/// puts before it.
fn strip_location(msg: &str, span: &Range<usize>) -> String {
    let one = format!("byte {}: ", span.start);
    let two = format!("bytes {}..{}: ", span.start, span.end);
    msg.strip_prefix(&two)
        .or_else(|| msg.strip_prefix(&one))
        .unwrap_or(msg)
        .to_string()
}

/// A `ParseError` for an error about `text`, with character offsets.
pub(crate) fn parse_error(py: Python<'_>, err: &chiffre::Error, text: &str) -> PyErr {
    let span = err.span();
    let (start, end) = (char_index(text, span.start), char_index(text, span.end));
    let message = strip_location(&err.to_string(), &span);
    let shown = if end > start {
        format!("characters {start}..{end}: {message}")
    } else {
        format!("character {start}: {message}")
    };
    let e = ParseError::new_err(shown);
    let attrs = |v: &Bound<'_, PyAny>| -> PyResult<()> {
        v.setattr("offset", start)?;
        v.setattr("end", end)?;
        v.setattr("byte_offset", span.start)?;
        v.setattr("byte_end", span.end)?;
        v.setattr("message", &message)?;
        v.setattr("text", text)?;
        v.setattr("category", category_name(err.category()))?;
        Ok(())
    };
    match attrs(e.value(py).as_any()) {
        Ok(()) => e,
        Err(other) => other,
    }
}

/// A `ChiffreError` for an error that is not about one text (a bad
/// argument, figures that cannot be combined).
pub(crate) fn chiffre_error(py: Python<'_>, err: &chiffre::Error) -> PyErr {
    let e = ChiffreError::new_err(err.to_string());
    match e
        .value(py)
        .setattr("category", category_name(err.category()))
    {
        Ok(()) => e,
        Err(other) => other,
    }
}

/// A `ChiffreError` from a message.
pub(crate) fn message(msg: impl Into<String>) -> PyErr {
    ChiffreError::new_err(msg.into())
}
