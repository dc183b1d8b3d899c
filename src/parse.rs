//! `parse`: one string that is exactly one figure.

use std::fmt;
use std::str::FromStr;

use crate::detect;
use crate::error::{Error, ErrorKind, Expected};
use crate::figure::{Alternative, Figure, Rule};
use crate::grammar::{Cx, GErr, RawFigure};
use crate::lang::Lang;
use crate::lexicon::is_format;
use crate::resolve::resolve;

/// Which language to read a text in: a fixed one, or detected.
///
/// ```
/// use chiffre::{Lang, LangMode};
/// assert_eq!("auto".parse::<LangMode>()?, LangMode::Auto);
/// assert_eq!("ru".parse::<LangMode>()?, LangMode::Fixed(Lang::Ru));
/// assert_eq!(LangMode::from(Lang::De), LangMode::Fixed(Lang::De));
/// # Ok::<(), chiffre::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LangMode {
    /// Detect the language from script and words (see the README).
    #[default]
    Auto,
    /// Read in this language.
    Fixed(Lang),
}

impl From<Lang> for LangMode {
    fn from(l: Lang) -> LangMode {
        LangMode::Fixed(l)
    }
}

impl FromStr for LangMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<LangMode, Error> {
        if s.eq_ignore_ascii_case("auto") || s == "und" {
            return Ok(LangMode::Auto);
        }
        Lang::from_code(s)
            .map(LangMode::Fixed)
            .ok_or_else(|| Error::unknown_lang(s))
    }
}

impl fmt::Display for LangMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LangMode::Auto => f.write_str("auto"),
            LangMode::Fixed(l) => f.write_str(l.code()),
        }
    }
}

/// Parses a string that holds exactly one figure (white space around it
/// is allowed).
///
/// ```
/// use chiffre::{parse, Lang, Kind};
/// use rust_decimal::Decimal;
///
/// let f = parse("9 milliards de dollars", Lang::Fr)?;
/// assert_eq!(f.kind(), Kind::Money);
/// assert_eq!(f.value().exact(), Some(Decimal::from(9_000_000_000u64)));
/// assert_eq!(f.currency().unwrap().code(), "USD");
///
/// let f = parse("3,5 Mrd. Euro", chiffre::LangMode::Auto)?;
/// assert_eq!(f.value().exact(), Some(Decimal::from(3_500_000_000u64)));
///
/// let err = parse("5 7", Lang::En).unwrap_err();
/// assert_eq!(err.to_string(), "byte 2: expected end of input after the figure, found '7'");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn parse(text: &str, lang: impl Into<LangMode>) -> Result<Figure, Error> {
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, 0..0));
    }
    match lang.into() {
        LangMode::Fixed(l) => parse_in(text, l),
        LangMode::Auto => parse_auto(text),
    }
}

/// Reads `text` in one language.
pub(crate) fn parse_in(text: &str, lang: Lang) -> Result<Figure, Error> {
    // White space and invisible format characters around the figure.
    let around = |c: char| c.is_whitespace() || is_format(c);
    let start = text.len() - text.trim_start_matches(around).len();
    let raw = parse_raw(text, start, lang)?;
    let formats = crate::lexicon::find_format(text).is_some();
    if formats && let Some(at) = crate::extract::format_break(text, raw.start, raw.end) {
        // "1\u{200b}000", "$1\u{200b}00": an invisible character cuts the number.
        let c = text[at..].chars().next().unwrap_or('\u{200b}');
        return Err(Error::new(ErrorKind::Invisible(c), at..at + c.len_utf8()));
    }
    // A right-to-left override is a format character.
    if formats
        && let Some(&(at, _)) = crate::extract::reversed_spans(text, 0, text.len())
            .iter()
            .find(|&&(a, b)| a < raw.end && raw.start < b)
    {
        // Under a right-to-left override the digits are shown reversed.
        let c = text[at..].chars().next().unwrap_or('\u{202e}');
        return Err(Error::new(ErrorKind::Invisible(c), at..at + c.len_utf8()));
    }
    let after = text[raw.end..].trim_start_matches(around);
    if !after.is_empty() {
        let at = text.len() - after.len();
        return Err(Error::expected(
            Expected::EndOfInput,
            at,
            after.chars().next(),
        ));
    }
    resolve(&raw, lang, None)
}

/// Runs the grammar at `start`.
pub(crate) fn parse_raw(text: &str, start: usize, lang: Lang) -> Result<RawFigure, Error> {
    let cx = Cx::new(text, lang);
    match cx.figure(&text[start..]) {
        Ok((_, raw)) => Ok(raw),
        Err(nom::Err::Error(g) | nom::Err::Failure(g)) => Err(grammar_error(text, g)),
        Err(nom::Err::Incomplete(_)) => Err(Error::expected(Expected::Figure, start, None)),
    }
}

fn grammar_error(text: &str, g: GErr) -> Error {
    let (rest, expected, hard) = g.into_parts();
    if let Some(e) = hard {
        return e;
    }
    let at = text.len().saturating_sub(rest);
    Error::expected(expected, at, text.get(at..).and_then(|s| s.chars().next()))
}

/// Reads `text` in every likely language and reports disagreement.
fn parse_auto(text: &str) -> Result<Figure, Error> {
    let langs = detect::candidates(text);
    let mut results: Vec<(Lang, Result<Figure, Error>)> =
        langs.iter().map(|&l| (l, parse_in(text, l))).collect();
    if results.len() == 1 {
        return results.remove(0).1;
    }
    let ok: Vec<&Figure> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .collect();
    let Some(first) = ok.first() else {
        return results.remove(0).1;
    };
    let same = |a: &Figure, b: &Figure| {
        a.value == b.value && a.currency == b.currency && a.unit == b.unit && a.kind == b.kind
    };
    if ok.iter().all(|f| same(first, f)) {
        return Ok((*first).clone());
    }
    // The readings differ: choose by the rule for text in no known
    // language, and list the others.
    let chosen = ok
        .iter()
        .find(|f| follows_no_language_rule(f))
        .copied()
        .unwrap_or(first);
    let mut out = chosen.clone();
    out.alternatives
        .retain(|a| a.rule != Rule::LoneSeparatorByLanguage);
    let lone = out.lone_group.is_some();
    for f in ok.iter().filter(|f| !same(chosen, f)) {
        out.alternatives.push(Alternative {
            rule: if lone {
                Rule::LoneSeparatorNoLanguage
            } else {
                Rule::LanguageGuess
            },
            reading: format!("read as {}: {}", f.lang.code(), f),
        });
    }
    Ok(out)
}

/// The reading of a lone separator before three digits when no language is
/// known: thousands, unless a scale word follows ("1.234 billion") or the
/// currency counts thousandths ("423.923 KD": the Kuwaiti dinar has three
/// decimals).
pub(crate) fn follows_no_language_rule(f: &Figure) -> bool {
    let thousandths = match f.currency {
        Some(crate::unit::Currency::Iso(c)) => c.exponent() == Some(3),
        _ => false,
    };
    f.lone_group
        .is_some_and(|g| g == (f.scale.is_none() && !thousandths))
}
