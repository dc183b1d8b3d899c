//! chiffre: financial figures in news text, as exact decimals.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod detect;
mod error;
mod extract;
mod figure;
mod grammar;
pub mod lang;
mod lexicon;
mod parse;
mod resolve;
mod unit;

pub use error::{Category, Error};
pub use extract::{Found, KindSet, Options, extract};
pub use figure::{Alternative, Figure, Kind, Period, Polarity, Qualifier, Rule, Scale, Value};
pub use lang::Lang;
pub use parse::{LangMode, parse};
pub use unit::{Crypto, Currency, Unit};
