//! Language detection from script and words.
//!
//! A text with more Cyrillic than Latin letters is Russian. Otherwise each
//! Latin-script language scores one point per word of the text found among
//! its stopwords or its table's words (scale words, currency names,
//! qualifiers, units...) and one point per letter that only it uses among
//! the supported languages (ä ö ü ß for German; é è ê à ç œ for French).
//! The highest score wins; a tie is reported as such, so that callers can
//! try each tied language and say when the readings differ.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lang::{Lang, Word};
use crate::lexicon::fold_str;

/// How many words of a text are looked at.
const MAX_WORDS: usize = 200;

/// Word → bit set of the languages that use it.
static VOCAB: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    let mut map: HashMap<String, u8> = HashMap::new();
    for lang in Lang::ALL {
        let t = lang.table();
        let bit = 1u8 << lang.index();
        let table_words = t.words.iter().filter(|e| {
            matches!(
                e.word,
                Word::Scale(..)
                    | Word::Cur(_)
                    | Word::CurGuess(_)
                    | Word::Qual(_)
                    | Word::Period(_)
                    | Word::Unit(_)
                    | Word::Percent
                    | Word::Num(..)
                    | Word::Month
                    | Word::Count
            ) && e.text.chars().count() > 2
        });
        for w in t
            .stopwords
            .iter()
            .copied()
            .chain(table_words.map(|e| e.text))
        {
            for part in fold_str(w).split(|c: char| !c.is_alphabetic()) {
                if part.chars().count() >= 2 {
                    *map.entry(part.to_string()).or_default() |= bit;
                }
            }
        }
    }
    map
});

/// Scores of the four languages for `text`.
pub(crate) fn scores(text: &str) -> [u32; 4] {
    let mut s = [0u32; 4];
    let (mut cyr, mut lat) = (0u32, 0u32);
    let mut words = 0;
    let mut word = String::new();
    let mut lower_seen = false;
    // An all-caps word of three letters or fewer is an abbreviation ("AU$",
    // "DE"), not a word of the language.
    let flush = |word: &mut String, s: &mut [u32; 4], lower_seen: bool| {
        let abbreviation = !lower_seen && word.chars().count() <= 3;
        if !abbreviation && let Some(&bits) = VOCAB.get(word.as_str()) {
            for l in Lang::ALL {
                if bits & (1 << l.index()) != 0 {
                    s[l.index()] += 1;
                }
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            if ('\u{400}'..='\u{4ff}').contains(&c) {
                cyr += 1;
            } else if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
                lat += 1;
            }
            match c {
                'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => s[Lang::De.index()] += 1,
                'é' | 'è' | 'ê' | 'à' | 'ç' | 'œ' | 'ù' | 'î' | 'É' => {
                    s[Lang::Fr.index()] += 1
                }
                _ => {}
            }
            lower_seen |= c.is_lowercase();
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            flush(&mut word, &mut s, lower_seen);
            lower_seen = false;
            words += 1;
            if words >= MAX_WORDS {
                break;
            }
        }
    }
    if !word.is_empty() {
        flush(&mut word, &mut s, lower_seen);
    }
    if cyr > lat {
        return [0, 0, 0, cyr.max(1)];
    }
    s[Lang::Ru.index()] = 0;
    s
}

/// The languages with the best score, best first (ties in `Lang::ALL`
/// order). With no evidence at all: the three Latin-script languages, or
/// Russian for a Cyrillic text.
pub(crate) fn candidates(text: &str) -> Vec<Lang> {
    let s = scores(text);
    let best = s.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return vec![Lang::En, Lang::Fr, Lang::De];
    }
    Lang::ALL
        .into_iter()
        .filter(|l| s[l.index()] == best)
        .collect()
}

/// The single best language, if one stands out; else the first in order.
pub(crate) fn detect(text: &str) -> Lang {
    candidates(text)[0]
}

/// The language of a paragraph inside a document in `doc`: the
/// paragraph's own best language when it beats the document's language by
/// at least two points, else the document's (short lines such as headlines
/// carry too few words to decide alone).
pub(crate) fn paragraph_lang(text: &str, doc: Lang) -> Lang {
    let s = scores(text);
    let best = candidates(text)[0];
    if best != doc && s[best.index()] >= s[doc.index()] + 2 {
        best
    } else {
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_detect_each_language() {
        assert_eq!(detect("Выручка составит около 290 млн долларов"), Lang::Ru);
        assert_eq!(
            detect("L'acquisition de 9 milliards de dollars par le groupe"),
            Lang::Fr
        );
        assert_eq!(
            detect("Der Umsatz stieg auf 3,5 Mrd. Euro im Jahr"),
            Lang::De
        );
        assert_eq!(
            detect("The deal is worth more than $3.5 billion in total"),
            Lang::En
        );
    }

    #[test]
    fn ok_detect_reports_ties() {
        assert_eq!(candidates("3.350"), vec![Lang::En, Lang::Fr, Lang::De]);
    }
}
