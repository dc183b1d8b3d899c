//! chiffre: financial figures in news text, as exact decimals.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod figure;
pub mod lang;
mod lexicon;
mod unit;

pub use figure::{Alternative, Figure, Kind, Period, Polarity, Qualifier, Rule, Scale, Value};
pub use lang::Lang;
pub use unit::{Crypto, Currency, Unit};
