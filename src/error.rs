//! The one error type of the crate: opaque, small, with a byte span.

use std::fmt;
use std::ops::Range;

/// An error from parsing, extraction or comparison.
///
/// Every error names the byte span of the input it is about and what was
/// expected there. Messages are lowercase without a trailing period.
///
/// ```
/// let err = chiffre::parse("$", chiffre::Lang::En).unwrap_err();
/// assert_eq!(err.span(), 1..1);
/// assert_eq!(err.to_string(), "byte 1: expected a number after the currency, found end of input");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    span: Range<usize>,
}

/// What an error is about, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Category {
    /// The text is not a figure (or has more than one).
    Syntax,
    /// A value does not fit in an exact decimal (about ±7.9e28, 28 decimals).
    Overflow,
    /// The result of a computation on figures (a sum, a product, a unit or
    /// currency conversion of huge values) does not fit in an exact decimal.
    /// The message names the operation, not a place in a text.
    ArithmeticOverflow,
    /// The input bytes are not valid UTF-8.
    Encoding,
    /// Two figures cannot be combined (currencies or units differ).
    Mismatch,
    /// Arithmetic impossible on exact values (division by zero).
    Arithmetic,
    /// A bad argument or data file (unknown language, malformed rate).
    Input,
}

/// What the grammar expected at the failing position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    /// Any figure.
    Figure,
    /// A number after a currency symbol or code.
    NumberAfterCurrency,
    /// A number after a qualifier ("about", "около").
    NumberAfterQualifier,
    /// A number after a sign.
    NumberAfterSign,
    /// The second end of a range ("between 5 and …").
    RangeEnd,
    /// The word that closes a range opened by "between"/"от"/"entre".
    RangeSeparator,
    /// Nothing more: the figure was complete.
    EndOfInput,
}

impl Expected {
    fn describe(self) -> &'static str {
        match self {
            Expected::Figure => "a number or a figure",
            Expected::NumberAfterCurrency => "a number after the currency",
            Expected::NumberAfterQualifier => "a number after the qualifier",
            Expected::NumberAfterSign => "digits after the sign",
            Expected::RangeEnd => "the upper end of the range",
            Expected::RangeSeparator => {
                "a word closing the range (\"and\", \"to\", \"до\", \"et\", \"und\")"
            }
            Expected::EndOfInput => "end of input after the figure",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    Empty,
    Expected {
        what: Expected,
        found: Option<char>,
    },
    Invisible(char),
    Overflow,
    /// `op` (the library function, when known): `what` (the step) overflows.
    ArithmeticOverflow {
        op: Option<&'static str>,
        what: &'static str,
    },
    TooManyDecimals,
    InvalidUtf8,
    UnknownLang(String),
    CurrencyMismatch {
        left: String,
        right: String,
    },
    UnitMismatch {
        left: String,
        right: String,
    },
    DivisionByZero,
    Input(String),
}

impl Error {
    #[cold]
    pub(crate) fn new(kind: ErrorKind, span: Range<usize>) -> Error {
        Error(Box::new(Inner { kind, span }))
    }

    #[cold]
    pub(crate) fn expected(what: Expected, at: usize, found: Option<char>) -> Error {
        Error::new(ErrorKind::Expected { what, found }, at..at)
    }

    /// An invalid UTF-8 sequence at a byte offset (used by byte readers).
    ///
    /// ```
    /// let err = chiffre::Error::invalid_utf8(7);
    /// assert_eq!(err.to_string(), "byte 7: invalid UTF-8");
    /// ```
    #[cold]
    pub fn invalid_utf8(offset: usize) -> Error {
        Error::new(ErrorKind::InvalidUtf8, offset..offset)
    }

    /// A bad argument or data value, with a message.
    #[cold]
    pub fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input(message.into()), 0..0)
    }

    /// Two currencies that cannot be combined without an exchange rate.
    ///
    /// ```
    /// let e = chiffre::Error::currency_mismatch("USD", "EUR");
    /// assert!(e.is_mismatch());
    /// assert_eq!(e.to_string(), "cannot combine USD with EUR without an exchange rate");
    /// ```
    #[cold]
    pub fn currency_mismatch(left: &str, right: &str) -> Error {
        Error::new(
            ErrorKind::CurrencyMismatch {
                left: left.into(),
                right: right.into(),
            },
            0..0,
        )
    }

    /// Two units of different dimensions (MW and years).
    #[cold]
    pub fn unit_mismatch(left: &str, right: &str) -> Error {
        Error::new(
            ErrorKind::UnitMismatch {
                left: left.into(),
                right: right.into(),
            },
            0..0,
        )
    }

    /// A division by zero in exact arithmetic.
    #[cold]
    pub fn division_by_zero() -> Error {
        Error::new(ErrorKind::DivisionByZero, 0..0)
    }

    /// A result of arithmetic too large for an exact decimal.
    ///
    /// ```
    /// let e = chiffre::Error::overflow();
    /// assert!(e.is_overflow());
    /// assert_eq!(e.category(), chiffre::Category::ArithmeticOverflow);
    /// assert_eq!(e.to_string(), "the result overflows the decimal range (about 7.9 × 10^28)");
    /// ```
    #[cold]
    pub fn overflow() -> Error {
        Error::overflow_in("the result")
    }

    /// An arithmetic overflow in one step of a computation: `what` is "the
    /// sum", "the product", "a unit conversion"...
    #[cold]
    pub(crate) fn overflow_in(what: &'static str) -> Error {
        Error::new(ErrorKind::ArithmeticOverflow { op: None, what }, 0..0)
    }

    /// The same error, an arithmetic overflow said to happen in `what`
    /// ("a unit conversion" for the product inside it); other errors
    /// unchanged.
    pub(crate) fn overflow_as(mut self, what: &'static str) -> Error {
        if let ErrorKind::ArithmeticOverflow { what: w, .. } = &mut self.0.kind {
            *w = what;
        }
        self
    }

    /// The same error, an arithmetic overflow named after the library
    /// function `op` it happened in ("total", "per_period"), unless an inner
    /// function already named it; other errors unchanged.
    pub(crate) fn in_op(mut self, op: &'static str) -> Error {
        if let ErrorKind::ArithmeticOverflow { op: o @ None, .. } = &mut self.0.kind {
            *o = Some(op);
        }
        self
    }

    /// The same error, about the byte span `span` of the input.
    pub fn with_span(mut self, span: Range<usize>) -> Error {
        self.0.span = span;
        self
    }

    #[cold]
    pub(crate) fn unknown_lang(code: &str) -> Error {
        Error::new(ErrorKind::UnknownLang(code.to_string()), 0..0)
    }

    /// The byte span of the input the error is about (empty for a position).
    pub fn span(&self) -> Range<usize> {
        self.0.span.clone()
    }

    /// The byte offset where the error starts.
    pub fn offset(&self) -> usize {
        self.0.span.start
    }

    /// The broad category.
    pub fn category(&self) -> Category {
        match self.0.kind {
            ErrorKind::Empty | ErrorKind::Expected { .. } | ErrorKind::Invisible(_) => {
                Category::Syntax
            }
            ErrorKind::Overflow | ErrorKind::TooManyDecimals => Category::Overflow,
            ErrorKind::ArithmeticOverflow { .. } => Category::ArithmeticOverflow,
            ErrorKind::InvalidUtf8 => Category::Encoding,
            ErrorKind::CurrencyMismatch { .. } | ErrorKind::UnitMismatch { .. } => {
                Category::Mismatch
            }
            ErrorKind::DivisionByZero => Category::Arithmetic,
            ErrorKind::UnknownLang(_) | ErrorKind::Input(_) => Category::Input,
        }
    }

    /// True when a value did not fit in an exact decimal: a number too
    /// large to read ([`Category::Overflow`]) or the result of a computation
    /// ([`Category::ArithmeticOverflow`]).
    pub fn is_overflow(&self) -> bool {
        matches!(
            self.category(),
            Category::Overflow | Category::ArithmeticOverflow
        )
    }

    /// True when currencies or units could not be combined.
    pub fn is_mismatch(&self) -> bool {
        self.category() == Category::Mismatch
    }
}

fn quote(found: Option<char>) -> String {
    match found {
        None => "end of input".to_string(),
        Some(c) if c.is_control() || c.is_whitespace() => format!("{:?}", c),
        Some(c) => format!("'{c}'"),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Range { start, end } = self.0.span;
        // Errors about input text name their place; comparison errors
        // without a span do not.
        let located = matches!(
            self.category(),
            Category::Syntax | Category::Overflow | Category::Encoding
        ) || end > 0;
        let at = if end > start {
            format!("bytes {start}..{end}: ")
        } else if located {
            format!("byte {start}: ")
        } else {
            String::new()
        };
        match &self.0.kind {
            ErrorKind::Empty => write!(f, "{at}expected a figure, found empty input"),
            ErrorKind::Expected { what, found } => {
                write!(
                    f,
                    "{at}expected {}, found {}",
                    what.describe(),
                    quote(*found)
                )
            }
            // An invisible format character inside a number ("1\u{200b}000").
            ErrorKind::Invisible(c) => write!(
                f,
                "{at}invisible character U+{:04X} inside the number",
                u32::from(*c)
            ),
            ErrorKind::Overflow => write!(
                f,
                "{at}number too large for an exact decimal (the limit is about 7.9e28)"
            ),
            ErrorKind::ArithmeticOverflow { op, what } => {
                f.write_str(&at)?;
                if let Some(op) = op {
                    write!(f, "{op}: ")?;
                }
                write!(f, "{what} overflows the decimal range (about 7.9 × 10^28)")
            }
            ErrorKind::TooManyDecimals => {
                write!(
                    f,
                    "{at}too many decimal places for an exact decimal (the limit is 28)"
                )
            }
            ErrorKind::InvalidUtf8 => write!(f, "{at}invalid UTF-8"),
            ErrorKind::UnknownLang(code) => {
                write!(
                    f,
                    "unknown language {code:?}: expected en, fr, de, ru or auto"
                )
            }
            ErrorKind::CurrencyMismatch { left, right } => write!(
                f,
                "{at}cannot combine {left} with {right} without an exchange rate"
            ),
            ErrorKind::UnitMismatch { left, right } => {
                write!(
                    f,
                    "{at}cannot combine {left} with {right}: different dimensions"
                )
            }
            ErrorKind::DivisionByZero => write!(f, "{at}division by zero"),
            ErrorKind::Input(msg) => f.write_str(msg),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("span", &self.0.span)
            .field("message", &self.to_string())
            .finish()
    }
}

impl std::error::Error for Error {}
