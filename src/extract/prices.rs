//! Price fields (`Options::prices`): decimals typed after a space, bare
//! numbers as money; and the currency named in a short text.

use super::*;

/// The first currency named in a short text (a symbol, a code or a name in
/// any of the languages), e.g. the currency column of a price table.
///
/// ```
/// use chiffre::{currency_in, Currency};
/// assert_eq!(currency_in("Price: 100,00 руб."), Some(Currency::RUB));
/// assert_eq!(currency_in("in euros"), Some(Currency::EUR));
/// assert_eq!(currency_in("no money here"), None);
/// ```
pub fn currency_in(text: &str) -> Option<Currency> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = !prev.is_some_and(is_word_char) || !is_word_char(c);
        prev = Some(c);
        if !starts {
            continue;
        }
        if let Some(code) = code_at(text, i) {
            return Some(code.currency);
        }
        for lang in Lang::ALL {
            let found = crate::lexicon::lexicon(lang).find(text, i, |w| match w {
                Word::Cur(c) | Word::CurBefore(c) | Word::CurGuess(c) | Word::CurGuessBefore(c) => {
                    Some(c)
                }
                _ => None,
            });
            if let Some((c, _)) = found {
                return Some(c);
            }
        }
    }
    None
}

/// "119. 95": the value of `a` with `b` as its cents, when `b` is two digits
/// typed after ". " or ", " and the currencies agree.
pub(super) fn spaced_decimals(text: &str, a: &Found, b: &Found) -> Option<rust_decimal::Decimal> {
    let gap = text.get(a.end..b.start)?;
    let bytes = &text.as_bytes()[b.start..];
    let two_digits = b.end - b.start >= 2
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && !bytes.get(2).is_some_and(u8::is_ascii_digit);
    let a_ends_in_digit = text[..a.end].ends_with(|c: char| c.is_ascii_digit());
    let same_currency = a
        .figure
        .currency
        .is_none_or(|c| b.figure.currency.is_none_or(|d| c == d));
    if !(matches!(gap, ". " | ", ") && two_digits && a_ends_in_digit && same_currency) {
        return None;
    }
    let (av, bv) = (a.figure.value.exact()?, b.figure.value.exact()?);
    if !bv.is_integer() {
        return None;
    }
    av.checked_add(bv.checked_mul(decimal(1, -2)?)?)
}

/// A price field (`Options::prices`): "119. 95" and "1.837, 32 €" are one
/// price whose decimals were typed after a space; and when no figure of the
/// field names a currency, its bare numbers are amounts in the local
/// currency.
pub(super) fn price_field(text: &str, out: &mut Vec<Found>, from: usize, local: Option<Currency>) {
    // Join in one pass (no removal in the middle of the vector).
    let tail: Vec<Found> = out.drain(from..).collect();
    let mut joined: Vec<Found> = Vec::with_capacity(tail.len());
    let mut last_joined = false;
    for b in tail {
        if !last_joined
            && let Some(a) = joined.last_mut()
            && let Some(sum) = spaced_decimals(text, a, &b)
        {
            last_joined = true;
            a.end = b.end;
            a.figure.value = crate::figure::Value::Exact(sum);
            a.figure.resolution = decimal(1, -2).unwrap_or(a.figure.resolution);
            if a.figure.currency.is_none() {
                a.figure.currency = b.figure.currency;
                a.figure.kind = b.figure.kind;
            }
            continue;
        }
        last_joined = false;
        joined.push(b);
    }
    out.extend(joined);
    // A price field holds prices: "1 L" or "1 км" there is a price whose
    // currency sign (lempira, convertible mark) reads as a unit.
    if out[from..].iter().all(|f| f.figure.kind != Kind::Money) {
        for f in &mut out[from..] {
            if matches!(f.figure.kind, Kind::Number | Kind::Measure) {
                f.figure.kind = Kind::Money;
                f.figure.currency = local;
                f.figure.unit = None;
                if local.is_some() {
                    f.figure.inferred.push("currency");
                }
            }
        }
    }
}
