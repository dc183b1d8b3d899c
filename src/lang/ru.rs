//! Placeholder, filled by the table work.

use super::{Entry, LangTable, Lang};

pub(crate) static TABLE: LangTable = LangTable {
    lang: Lang::Ru,
    decimal_sep: ',',
    group_seps: &[' ', '\u{a0}', '\u{202f}', '\u{2009}', '\'', '’'],
    compound_numbers: false,
    words: WORDS,
    stopwords: &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
};

static WORDS: &[Entry] = &[];
