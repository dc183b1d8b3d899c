#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod compare;
mod detect;
mod error;
mod extract;
mod figure;
mod grammar;
mod lang;
mod lexicon;
mod parse;
pub mod report;
mod resolve;
mod unit;

pub use error::{Category, Error};
pub use extract::{
    ChangeLink, Direction, Extractor, Found, KindSet, Options, Row, Stats, currency_in, cut_before,
    cut_point, extract, extract_changes,
};
pub use figure::{Alternative, Figure, Kind, Period, Polarity, Qualifier, Rule, Scale, Value};
pub use lang::Lang;
pub use parse::{LangMode, parse};

/// Detects the language of a text from its script and words (see the README).
///
/// ```
/// assert_eq!(chiffre::detect_lang("Выручка составит 290 млн долларов"), chiffre::Lang::Ru);
/// ```
pub fn detect_lang(text: &str) -> Lang {
    detect::detect(text)
}
pub use unit::{Crypto, Currency, Unit};
