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
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lang::{Lang, Word};
use crate::lexicon::fold;

/// How many words of a document are looked at.
const DOC_WORDS: usize = 200;
/// How many words of a paragraph are looked at.
const PARA_WORDS: usize = 24;
/// The longest word looked up, in bytes.
const MAX_WORD: usize = 48;

/// FNV-1a: the vocabulary is small and trusted, so a fast hash will do.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Keyed by the UTF-8 bytes of the folded word (a lookup needs no
/// validation of the bytes it folded).
type Vocab = HashMap<Box<[u8]>, u8, BuildHasherDefault<Fnv>>;

/// Word → bit set of the languages that use it.
static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut map = Vocab::default();
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
        // The folded letter runs of each word, of two letters or more.
        let mut part = String::new();
        let add = |part: &mut String, map: &mut Vocab| {
            if part.chars().nth(1).is_some() {
                match map.get_mut(part.as_bytes()) {
                    Some(bits) => *bits |= bit,
                    None => {
                        map.insert(part.as_bytes().into(), bit);
                    }
                }
            }
            part.clear();
        };
        for w in t
            .stopwords
            .iter()
            .copied()
            .chain(table_words.map(|e| e.text))
        {
            for c in w.chars().map(fold) {
                if c.is_alphabetic() {
                    part.push(c);
                } else {
                    add(&mut part, &mut map);
                }
            }
            add(&mut part, &mut map);
        }
    }
    map
});

/// Scores of the four languages for the first `max_words` words of `text`.
fn scores_n(text: &str, max_words: usize) -> [u32; 4] {
    let mut s = [0u32; 4];
    let (mut cyr, mut lat) = (0u32, 0u32);
    let mut words = 0;
    let mut buf = [0u8; MAX_WORD];
    let mut len = 0usize;
    let mut too_long = false;
    let mut lower_seen = false;
    let mut chars = 0usize;
    let flush = |buf: &[u8], s: &mut [u32; 4], lower_seen: bool, chars: usize| {
        // An all-caps word of three letters or fewer is an abbreviation
        // ("AU$", "DE"), not a word of the language.
        if !lower_seen && chars <= 3 {
            return;
        }
        if let Some(&bits) = VOCAB.get(buf) {
            for l in Lang::ALL {
                if bits & (1 << l.index()) != 0 {
                    s[l.index()] += 1;
                }
            }
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path: letters fold by setting the case bit.
        let (letter, c, step) = if b < 0x80 {
            (b.is_ascii_alphabetic(), b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (crate::lexicon::is_letter(c), c, c.len_utf8())
        };
        i += step;
        if letter {
            if b < 0x80 {
                lat += 1;
                lower_seen |= b.is_ascii_lowercase();
                if len < MAX_WORD {
                    buf[len] = b | 0x20;
                    len += 1;
                } else {
                    too_long = true;
                }
                chars += 1;
                continue;
            }
            if ('\u{400}'..='\u{4ff}').contains(&c) {
                cyr += 1;
                lower_seen |= ('\u{430}'..='\u{45f}').contains(&c);
            } else if ('\u{c0}'..='\u{24f}').contains(&c) {
                lat += 1;
                lower_seen |= c.is_lowercase();
                match c {
                    'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => s[Lang::De.index()] += 1,
                    'é' | 'è' | 'ê' | 'à' | 'ç' | 'œ' | 'ù' | 'î' | 'É' => {
                        s[Lang::Fr.index()] += 1
                    }
                    _ => {}
                }
            } else {
                lower_seen = true;
            }
            chars += 1;
            let f = fold(c);
            let n = f.len_utf8();
            if len + n <= MAX_WORD {
                f.encode_utf8(&mut buf[len..len + n]);
                len += n;
            } else {
                too_long = true;
            }
        } else if chars > 0 {
            if !too_long {
                flush(&buf[..len], &mut s, lower_seen, chars);
            }
            (len, too_long, lower_seen, chars) = (0, false, false, 0);
            words += 1;
            if words >= max_words || (words >= 8 && decided(&s, cyr, lat)) {
                break;
            }
        }
    }
    if chars > 0 && !too_long {
        flush(&buf[..len], &mut s, lower_seen, chars);
    }
    if cyr > lat {
        return [0, 0, 0, cyr.max(1)];
    }
    s[Lang::Ru.index()] = 0;
    s
}

/// The evidence so far is overwhelming: one script, and a language at
/// least four points ahead of every other (reading on would not change it).
fn decided(s: &[u32; 4], cyr: u32, lat: u32) -> bool {
    if cyr > 4 * lat.max(1) || lat > 4 * cyr.max(1) && cyr == 0 {
        let mut sorted = *s;
        sorted.sort_unstable();
        return cyr > lat || sorted[3] >= sorted[2] + 4;
    }
    false
}

/// Scores of the four languages for `text` (its first 200 words).
pub(crate) fn scores(text: &str) -> [u32; 4] {
    scores_n(text, DOC_WORDS)
}

/// The languages with the best score, best first (ties in `Lang::ALL`
/// order). With no evidence at all: the three Latin-script languages.
fn best(s: &[u32; 4]) -> Vec<Lang> {
    let top = s.iter().copied().max().unwrap_or(0);
    if top == 0 {
        return vec![Lang::En, Lang::Fr, Lang::De];
    }
    Lang::ALL
        .into_iter()
        .filter(|l| s[l.index()] == top)
        .collect()
}

/// The languages with the best score for `text`, best first.
pub(crate) fn candidates(text: &str) -> Vec<Lang> {
    best(&scores(text))
}

/// The single best language, if one stands out; else the first in order.
pub(crate) fn detect(text: &str) -> Lang {
    candidates(text)[0]
}

/// The language of a paragraph inside a document in `doc`: the
/// paragraph's own best language when it beats the document's language by
/// at least two points, else the document's (short lines such as headlines
/// carry too few words to decide alone). Also says whether the paragraph
/// has no telling word at all.
pub(crate) fn paragraph_lang(text: &str, doc: Lang) -> (Lang, bool) {
    let s = scores_n(text, PARA_WORDS);
    let unknown = s.iter().all(|x| *x == 0);
    let top = best(&s)[0];
    let lang = if top != doc && s[top.index()] >= s[doc.index()] + 2 {
        top
    } else {
        doc
    };
    (lang, unknown)
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
