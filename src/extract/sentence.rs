//! Stage 4b, the sentence around a figure: a dot that ends the sentence,
//! and the country that tells which "riyals", "dinars", "pesos" or
//! "kroner" a figure counts in.
//!
//! # The sentence's dot
//!
//! A dot written after an abbreviation belongs to the figure ("3,5 Mrd.
//! Euro", "21 млрд руб."). A scale word the language writes without a dot
//! ([`crate::lang::LangTable::dotless`]: Russian "млн", "млрд", "трлн")
//! followed by a dot and then a new sentence (the end of the paragraph, a
//! line break, or a space before a capital letter or a quote) leaves that
//! dot to the sentence: "чистый долг — 11,3 млрд. Закрытие…" gives
//! "11,3 млрд".
//!
//! # The country of a currency name
//!
//! A currency name that several countries use ("riyals", "dinars",
//! "pesos", "kroner", "couronnes", "Kronen") is read with the table
//! [`crate::lang::LangTable::places`]: when the paragraph names exactly one
//! of the countries listed for that name, the figure takes its currency;
//! when it names none, the name's usual currency if it has one ("riyals"
//! SAR, "pesos" MXN); when it names two or more, no currency. The figure
//! lists `currency` in [`Figure::inferred`] and the other currencies of
//! the name as an alternative ([`Rule::CurrencyByPlace`]).

use super::*;
use crate::lexicon::fold_str;

/// Drops a sentence's dot from the end of the figures of one paragraph.
pub(super) fn sentence_dot(text: &str, para: &mut [Found], lang: Lang) {
    let dotless = lang.table().dotless;
    if dotless.is_empty() {
        return;
    }
    for f in para.iter_mut() {
        let Some(stem) = text[f.start..f.end].strip_suffix('.') else {
            continue;
        };
        let word = &stem[word_start(stem, stem.len())..];
        if word.is_empty() || !dotless.iter().any(|d| fold_str(d) == fold_str(word)) {
            continue;
        }
        if new_sentence_at(text, f.end) {
            f.end -= 1;
        }
    }
}

/// What follows `at` starts a new sentence: nothing, a line break, or
/// white space then a capital letter, a quote or a dash.
fn new_sentence_at(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    match rest.next() {
        None | Some('\n' | '\r') => true,
        Some(c) if is_blank(c) => {
            let next = rest.find(|c| !is_blank(*c));
            next.is_none_or(|n| {
                n.is_uppercase() || matches!(n, '\n' | '\r' | '«' | '"' | '„' | '“' | '—' | '–')
            })
        }
        _ => false,
    }
}

/// Gives a currency to the money figures of one paragraph (`ps..pe`) that
/// end in a currency name shared by several countries.
pub(super) fn currency_by_place(text: &str, ps: usize, pe: usize, para: &mut [Found], lang: Lang) {
    let places = lang.table().places;
    // The paragraph folded, once, when a figure first needs it.
    let mut folded: Option<String> = None;
    for f in para.iter_mut() {
        if f.figure.kind != Kind::Money || f.figure.currency.is_some() {
            continue;
        }
        let span = &text[f.start..f.end];
        let word = fold_str(&span[word_start(span, span.len())..]);
        let Some(name) = places
            .iter()
            .find(|p| p.names.iter().any(|n| word.starts_with(&fold_str(n))))
        else {
            continue;
        };
        let folded = folded.get_or_insert_with(|| fold_str(&text[ps..pe]));
        let mut named = name
            .countries
            .iter()
            .filter(|(place, _)| names_place(folded, place))
            .map(|(_, c)| *c);
        let first = named.next();
        let currency = match first {
            Some(c) if named.all(|d| d == c) => Some(c),
            Some(_) => None,
            None => name.usual,
        };
        let Some(c) = currency else {
            continue;
        };
        let mut others: Vec<&str> = name
            .countries
            .iter()
            .map(|(_, o)| o.code())
            .filter(|o| *o != c.code())
            .collect();
        others.dedup();
        f.figure.currency = Some(c);
        f.figure.inferred.push("currency");
        f.figure.alternatives.push(Alternative {
            rule: Rule::CurrencyByPlace,
            reading: others.join(", "),
        });
    }
}

/// The paragraph (`folded`) has a word that starts with `place` ("Qatar",
/// "Qatari").
fn names_place(folded: &str, place: &str) -> bool {
    let p = fold_str(place);
    folded.match_indices(p.as_str()).any(|(i, _)| {
        folded[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c))
    })
}
