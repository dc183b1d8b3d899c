//! Numbers written in digits.
//!
//! # Separator rules
//!
//! Digits are read in groups joined by separators: `,` `.` the spaces
//! U+0020, U+00A0, U+202F, U+2009, U+2007 (figure space) and the apostrophes
//! `'` `’`. The roles are decided in this order:
//!
//! 1. Both `,` and `.` present: the last one, if it occurs once, is the
//!    decimal separator and the other groups thousands (`1,234,567.89`,
//!    `1.234.567,89`).
//! 2. The same `,` or `.` occurring more than once groups thousands
//!    (`1,234,567`, `1.234.567`).
//! 3. A space or apostrophe only ever groups thousands, and only when the
//!    language lists it (`1 234 567` in French and Russian; English accepts
//!    only the no-break, thin and figure spaces, so that "in 2019 200 people"
//!    stays two numbers).
//! 4. A lone `,` or `.` followed by exactly three digits after a first group
//!    of 1–3 digits that is not `0` is *ambiguous*: it groups thousands when
//!    the language lists it as a group separator (English `1,234` = 1234,
//!    German `3.350` = 3350) and is a decimal separator otherwise (French,
//!    German and Russian `1,234` = 1.234, English `1.234` = 1.234). The
//!    figure records the rule and the rejected reading.
//! 5. A lone `,` or `.` before 1, 2 or 4+ digits is a decimal separator in
//!    every language (`$4,87` = 4.87, `0,5`, `.5`).
//!
//! An invisible format character (U+200B, U+00AD...) is no separator: the
//! number stops before it, and `extract` rejects the parts of a number so
//! cut (`format_break` in `extract.rs`).
//!
//! Thousands groups must be well formed: a first group of 1–3 digits (no
//! leading zero), then groups of exactly three. When the separators seen do
//! not form a valid number, the longest valid prefix is taken and the rest
//! is left to the caller (which rejects "1.2.3" or "07.07.2025" as a whole).
//!
//! Values are accumulated as an `i128` mantissa with checked arithmetic and
//! a count of decimal places; nothing is ever rounded.

use crate::error::{Error, ErrorKind};
use crate::lang::LangTable;

/// A number as seen in digits, before any scale word is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawNumber {
    /// All digits read, as an integer.
    pub mantissa: i128,
    /// How many of those digits are decimals.
    pub frac: u32,
    /// Byte offset just past the number.
    pub end: usize,
    /// Set when a lone separator before three digits was resolved by the
    /// language (rule 4).
    pub lone: Option<LoneSep>,
    /// How many separated groups were read (1 for plain digits).
    pub groups: u8,
}

/// A lone `,`/`.` before exactly three digits and how it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LoneSep {
    pub sep: char,
    /// True when read as a thousands separator (then the alternative is a
    /// decimal point: the same mantissa with three more decimals).
    pub as_group: bool,
}

const MAX_GROUPS: usize = 16;

#[derive(Clone, Copy, Default)]
struct Group {
    start: usize,
    end: usize,
    /// The separator before this group ('\0' for the first).
    sep: char,
}

impl Group {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

fn is_sep(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\'' | '’'
    )
}

fn is_point(c: char) -> bool {
    c == ',' || c == '.'
}

fn digits_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

// number := digits (sep digits)* | point digits
/// Reads a number in digits at `pos`. `Ok(None)` when there is no digit
/// there; an error when the digits do not fit an exact decimal.
pub(crate) fn number(text: &str, pos: usize, t: &LangTable) -> Result<Option<RawNumber>, Error> {
    let bytes = text.as_bytes();
    let mut groups = [Group::default(); MAX_GROUPS];
    let mut n = 0;
    let first = *bytes.get(pos).unwrap_or(&0);
    if first.is_ascii_digit() {
        groups[0] = Group {
            start: pos,
            end: digits_end(bytes, pos),
            sep: '\0',
        };
    } else if (first == b'.' || first == b',') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)
    {
        // ".5": an empty first group, then the decimals.
        groups[0] = Group {
            start: pos,
            end: pos,
            sep: '\0',
        };
        groups[1] = Group {
            start: pos + 1,
            end: digits_end(bytes, pos + 1),
            sep: first as char,
        };
        return finish(text, &groups[..2], Some(1), None);
    } else {
        return Ok(None);
    }
    n += 1;
    while n < MAX_GROUPS {
        let at = groups[n - 1].end;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let after = at + c.len_utf8();
        if !is_sep(c) || !bytes.get(after).is_some_and(u8::is_ascii_digit) {
            break;
        }
        let g = Group {
            start: after,
            end: digits_end(bytes, after),
            sep: c,
        };
        if g.len() != 3 && !(c == ',' && g.len() == 2) {
            // Only a decimal part can have another length (or an Indian
            // two-digit group), and it ends the number; a space or
            // apostrophe never precedes one.
            if is_point(c) {
                groups[n] = g;
                n += 1;
            }
            break;
        }
        groups[n] = g;
        n += 1;
    }
    for k in (1..=n).rev() {
        if let Some((decimal, lone)) = interpret(text, &groups[..k], t) {
            return finish(text, &groups[..k], decimal, lone);
        }
    }
    // k = 1 always interprets.
    finish(text, &groups[..1], None, None)
}

/// Decides the roles of the separators of `g`: the index of the decimal
/// group, if any. `None` when the groups do not form a valid number.
fn interpret(text: &str, g: &[Group], t: &LangTable) -> Option<(Option<usize>, Option<LoneSep>)> {
    let k = g.len();
    if k == 1 {
        return Some((None, None));
    }
    let last = g[k - 1].sep;
    let thousands_ok =
        |upto: usize| well_grouped(text, &g[..upto]) || indian_grouped(text, &g[..upto]);
    if !is_point(last) {
        // Spaces and apostrophes only group, and only where the language says so.
        let ok = g[1..]
            .iter()
            .all(|x| !is_point(x.sep) && t.group_seps.contains(&x.sep));
        return (ok && thousands_ok(k)).then_some((None, None));
    }
    let count = g[1..].iter().filter(|x| x.sep == last).count();
    if count > 1 {
        // Repeated ',' or '.': thousands, whatever the language.
        let ok = g[1..].iter().all(|x| x.sep == last);
        return (ok && thousands_ok(k)).then_some((None, None));
    }
    if k >= 3 {
        // Other separators before a final unique point: they group.
        let other = g[1].sep;
        let same_class = g[1..k - 1].iter().all(|x| {
            x.sep == other
                || (!is_point(x.sep) && !is_point(other) && t.group_seps.contains(&x.sep))
        });
        let ok = same_class && (is_point(other) || t.group_seps.contains(&other));
        return (ok && thousands_ok(k - 1)).then_some((Some(k - 1), None));
    }
    // A lone point.
    let g0 = &text[g[0].start..g[0].end];
    let three = g[1].len() == 3;
    if !three || g0 == "0" || g0.len() > 3 || g0.starts_with('0') {
        return Some((Some(1), None));
    }
    let as_group = t.group_seps.contains(&last) && last != t.decimal_sep;
    let lone = Some(LoneSep {
        sep: last,
        as_group,
    });
    Some((if as_group { None } else { Some(1) }, lone))
}

/// Indian grouping with commas: "12,34,567" (lakhs and crores): a first
/// group of 1–2 digits, groups of two, a last group of three.
fn indian_grouped(text: &str, g: &[Group]) -> bool {
    let k = g.len();
    k >= 3
        && g[1..].iter().all(|x| x.sep == ',')
        && (1..=2).contains(&g[0].len())
        && !text[g[0].start..g[0].end].starts_with('0')
        && g[1..k - 1].iter().all(|x| x.len() == 2)
        && g[k - 1].len() == 3
}

/// First group of 1–3 digits without a leading zero, then groups of three.
fn well_grouped(text: &str, g: &[Group]) -> bool {
    let g0 = &text[g[0].start..g[0].end];
    (1..=3).contains(&g0.len())
        && !(g0.len() > 1 && g0.starts_with('0'))
        && g[1..].iter().all(|x| x.len() == 3)
}

/// Accumulates the digits of `g` into a mantissa.
fn finish(
    text: &str,
    g: &[Group],
    decimal: Option<usize>,
    lone: Option<LoneSep>,
) -> Result<Option<RawNumber>, Error> {
    let start = g[0].start;
    let end = g[g.len() - 1].end;
    let mut mantissa: i128 = 0;
    let overflow = || Error::new(ErrorKind::Overflow, start..end);
    for grp in g {
        let digits = &text.as_bytes()[grp.start..grp.end];
        if digits.len() > 40 {
            return Err(overflow());
        }
        for d in digits {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d - b'0')))
                .ok_or_else(overflow)?;
        }
    }
    let frac = match decimal {
        Some(i) => g[i].len() as u32,
        None => 0,
    };
    if frac > 28 {
        return Err(Error::new(ErrorKind::TooManyDecimals, start..end));
    }
    Ok(Some(RawNumber {
        mantissa,
        frac,
        end,
        lone,
        groups: g.len() as u8,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn read(s: &str, lang: Lang) -> (i128, u32, usize) {
        let n = number(s, 0, lang.table()).unwrap().unwrap();
        (n.mantissa, n.frac, n.end)
    }

    #[test]
    fn ok_number_plain() {
        assert_eq!(read("290", Lang::Ru), (290, 0, 3));
        assert_eq!(read("0005", Lang::En), (5, 0, 4));
    }

    #[test]
    fn ok_number_both_separators() {
        assert_eq!(read("1,234,567.89", Lang::En), (123456789, 2, 12));
        assert_eq!(read("1.234.567,89", Lang::De), (123456789, 2, 12));
        assert_eq!(read("1'234'567.89", Lang::De), (123456789, 2, 12));
        // The roles are clear whatever the language.
        assert_eq!(read("1,234,567.89", Lang::Ru), (123456789, 2, 12));
        assert_eq!(read("1.234.567,89", Lang::En), (123456789, 2, 12));
    }

    #[test]
    fn ok_number_spaces() {
        for s in [
            "1 234 567,89",
            "1\u{a0}234\u{a0}567,89",
            "1\u{202f}234\u{202f}567,89",
            "1\u{2007}234\u{2007}567,89",
        ] {
            assert_eq!(read(s, Lang::Fr), (123456789, 2, s.len()), "{s:?}");
            assert_eq!(read(s, Lang::Ru), (123456789, 2, s.len()), "{s:?}");
        }
        // A plain space does not group in English; the figure space does.
        assert_eq!(read("2019 200", Lang::En), (2019, 0, 4));
        assert_eq!(read("1\u{2007}000", Lang::En), (1000, 0, 7));
        // An invisible character is no separator.
        assert_eq!(read("1\u{200b}000", Lang::Fr), (1, 0, 1));
        // A first group of four digits cannot be a thousands group.
        assert_eq!(read("2019 200", Lang::Ru), (2019, 0, 4));
    }

    #[test]
    fn ok_number_lone_separator() {
        assert_eq!(read("1,234", Lang::En), (1234, 0, 5));
        assert_eq!(read("1,234", Lang::Fr), (1234, 3, 5));
        assert_eq!(read("3.350", Lang::De), (3350, 0, 5));
        assert_eq!(read("3.350", Lang::En), (3350, 3, 5));
        let n = number("1,234", 0, Lang::En.table()).unwrap().unwrap();
        assert_eq!(
            n.lone,
            Some(LoneSep {
                sep: ',',
                as_group: true
            })
        );
        // Not three digits: a decimal everywhere.
        for l in Lang::ALL {
            assert_eq!(read("4,87", l), (487, 2, 4));
            assert_eq!(read("0,500", l), (500, 3, 5));
            assert_eq!(read("1,2345", l), (12345, 4, 6));
        }
    }

    #[test]
    fn ok_number_indian_grouping() {
        assert_eq!(read("12,34,567.89", Lang::En), (123456789, 2, 12));
        assert_eq!(read("1,00,000", Lang::En), (100000, 0, 8));
    }

    #[test]
    fn ok_number_leading_point() {
        assert_eq!(read(".5", Lang::En), (5, 1, 2));
        assert_eq!(read(",5", Lang::Fr), (5, 1, 2));
    }

    #[test]
    fn ok_number_longest_valid_prefix() {
        assert_eq!(read("1.2.3", Lang::En), (12, 1, 3));
        assert_eq!(read("07.07.2025", Lang::De), (707, 2, 5));
        assert_eq!(read("192.168.1.2", Lang::En), (192168, 3, 7));
    }

    #[test]
    fn err_number_overflow() {
        let digits = "9".repeat(60);
        let err = number(&digits, 0, Lang::En.table()).unwrap_err();
        assert!(err.is_overflow());
        assert_eq!(err.span(), 0..60);
        let decimals = format!("0.{}", "1".repeat(30));
        assert!(
            number(&decimals, 0, Lang::En.table())
                .unwrap_err()
                .is_overflow()
        );
    }
}
