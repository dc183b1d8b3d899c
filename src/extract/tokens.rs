//! Stage 0b, tokens: each paragraph cut once into its words (runs of
//! letters and digits, [`is_word_char`]), each with the key of its first
//! letters ([`start_key`]). The stages that look for table words at word
//! starts read these instead of walking the paragraph again: the anchors
//! of spelled-out numbers (`scan`), the words before a figure (`context`)
//! and the words of change (`changes`).
//!
//! An invisible format character ends a token, like any other character
//! that is no letter or digit; the stages that read tokens say what they
//! do about such characters inside words.

use super::*;
use crate::lexicon::{next_char_at, start_key};

/// A word of a paragraph: where it starts, and the key of its first
/// letters (`None` when an invisible character comes among them, so that
/// a filter on the key lets the word through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    /// Byte offset of the word's first character.
    pub(super) start: usize,
    /// Byte offset just past its last.
    pub(super) end: usize,
    /// [`start_key`] at `start`.
    pub(super) key: Option<u64>,
}

/// The class of a byte at a character boundary.
const GAP: u8 = 0;
/// An ASCII letter or digit.
const WORD1: u8 = 1;
/// The lead byte of a two-byte letter: every character it leads is one
/// (Cyrillic U+0400..U+047F and U+04C0..U+04FF, Latin U+0100..U+023F).
const WORD2: u8 = 2;
/// Any other lead byte: the character is decoded and tested.
const OTHER: u8 = 3;
/// The lead byte of U+00C0..U+00FF: letters but × and ÷.
const LATIN1: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            WORD1
        } else {
            GAP
        };
        b += 1;
    }
    t[0xc3] = LATIN1;
    t[0xd0] = WORD2;
    t[0xd1] = WORD2;
    t[0xd3] = WORD2;
    let mut b = 0xc4;
    while b <= 0xc8 {
        t[b] = WORD2;
        b += 1;
    }
    t
};

/// Whether the character at `i` (a character boundary) is a letter or a
/// digit ([`is_word_char`]), and its length.
#[inline(always)]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let (c, len) = next_char_at(text, i);
    (is_word_char(c), len)
}

/// The words of `text[ps..pe]`, in order, into `out` (cleared first).
///
/// Eight bytes of ASCII are read at once: a mask of their letters and
/// digits gives the word starts among them, with no branch per byte. Other
/// text goes a character at a time, a word at a time once inside one
/// (two-byte letters by their lead byte).
pub(super) fn tokens(text: &str, ps: usize, pe: usize, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = ps;
    // Whether the character before `i` belongs to a word that started at
    // or after `ps`.
    let mut in_word = false;
    while i < pe {
        if let Some(eight) = bytes.get(i..i + 8).filter(|_| i + 8 <= pe) {
            let x = u64::from_le_bytes(eight.try_into().unwrap_or([0x80; 8]));
            if x & HIGH == 0 {
                let word = ascii_word_bytes(x);
                // A word byte after a byte that is none (or after the
                // previous eight, for the first) starts a word; a byte that
                // is none after a word byte ends one. They alternate.
                let before = (word << 8) | u64::from(in_word) << 7;
                let mut marks = (word & !before) | (!word & before & HIGH);
                while marks != 0 {
                    let bit = marks & marks.wrapping_neg();
                    let at = i + (bit.trailing_zeros() / 8) as usize;
                    // A mark on a word byte starts a word; else it ends one.
                    if word & bit != 0 {
                        out.push(Token {
                            start: at,
                            end: pe,
                            key: start_key(text, at),
                        });
                    } else if let Some(t) = out.last_mut() {
                        t.end = at;
                    }
                    marks &= marks - 1;
                }
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        if in_word {
            // The rest of the word, by lead bytes.
            i = word_rest(text, i, pe);
            if let Some(t) = out.last_mut() {
                t.end = i;
            }
            in_word = false;
            continue;
        }
        let (word, len) = word_char_at(text, i);
        if word {
            out.push(Token {
                start: i,
                end: pe,
                key: start_key(text, i),
            });
            in_word = true;
        }
        i += len;
    }
}

/// The high bit of each of eight bytes.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each of these eight ASCII bytes that is a letter or a
/// digit: a byte below 0x80 lies in `lo..=hi` when adding `0x80 - lo` sets
/// its high bit and adding `0x7f - hi` does not (no carry crosses a byte).
#[inline(always)]
fn ascii_word_bytes(x: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let within = |x: u64, lo: u8, hi: u8| {
        let above = x.wrapping_add(LOW * u64::from(0x80 - lo));
        let over = x.wrapping_add(LOW * u64::from(0x7f - hi));
        above & !over & HIGH
    };
    within(x, b'0', b'9') | within(x | (LOW * 0x20), b'a', b'z')
}

/// Past the word characters from `i` (inside a word) up to `pe`.
#[inline]
fn word_rest(text: &str, mut i: usize, pe: usize) -> usize {
    let bytes = text.as_bytes();
    while i < pe {
        match CLASS[usize::from(bytes[i])] {
            WORD1 => i += 1,
            WORD2 => i += 2,
            GAP => break,
            LATIN1 if !matches!(bytes.get(i + 1), Some(0x97 | 0xb7)) => i += 2,
            _ => {
                let (word, len) = word_char_at(text, i);
                if !word {
                    break;
                }
                i += len;
            }
        }
    }
    i
}

/// For property tests: a text drawn from `chars` (`picks` index it), and
/// the span between the two of its character boundaries (its end
/// included) that `at` picks, in order.
#[cfg(test)]
pub(super) fn drawn(
    chars: &[char],
    picks: &[usize],
    at: (usize, usize),
) -> (String, (usize, usize)) {
    let text: String = picks.iter().map(|&k| chars[k % chars.len()]).collect();
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let (a, b) = (bounds[at.0 % bounds.len()], bounds[at.1 % bounds.len()]);
    (text, (a.min(b), a.max(b)))
}

/// The first token that starts at or after `pos`.
pub(super) fn first_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokens by their definition: each letter or digit after none,
    /// to the next character that is none (or the paragraph's end), with
    /// the start key of its position.
    fn reference(text: &str, ps: usize, pe: usize) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::new();
        let mut prev_word = false;
        for (i, c) in text[ps..pe].char_indices() {
            let word = is_word_char(c);
            if word && !prev_word {
                out.push(Token {
                    start: ps + i,
                    end: pe,
                    key: start_key(text, ps + i),
                });
            }
            if !word && prev_word {
                out.last_mut().expect("a word before").end = ps + i;
            }
            prev_word = word;
        }
        out
    }

    /// Characters of every class the tokenizer tells apart.
    const CHARS: &[char] = &[
        'a', 'Z', 'e', 'k', '0', '9', ' ', ' ', '.', '-', '\'', '(', '\n', '$', '€', 'é', 'É', 'ß',
        'ü', '×', '÷', 'ё', 'Ё', 'д', 'Ж', 'ѣ', '҂', 'Ӏ', 'ĳ', 'ʼ', '’', '\u{a0}', '\u{ad}',
        '\u{200b}', '\u{202e}', '\u{1}', '²', '½', '中', '٣', '🙂', 'ǅ',
    ];

    /// Indices into [`CHARS`], an ASCII character three times out of four,
    /// so that runs of eight ASCII bytes (the eight-at-a-time path) are
    /// common, next to every other class.
    fn picks() -> impl Strategy<Value = Vec<usize>> {
        let ascii: Vec<usize> = (0..CHARS.len()).filter(|&k| CHARS[k].is_ascii()).collect();
        let pick = prop_oneof![3 => proptest::sample::select(ascii), 1 => 0..CHARS.len()];
        proptest::collection::vec(pick, 0..60)
    }

    proptest! {
        #[test]
        fn prop_tokens_are_the_reference(
            picks in picks(),
            cut in (0usize..60, 0usize..60),
        ) {
            let (text, (ps, pe)) = drawn(CHARS, &picks, cut);
            let mut out = Vec::new();
            tokens(&text, ps, pe, &mut out);
            prop_assert_eq!(&out, &reference(&text, ps, pe), "{:?} {}..{}", text, ps, pe);
        }
    }

    /// The tokens of a text, as the words they span.
    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokens(text, 0, text.len(), &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn ok_tokens_are_runs_of_letters_and_digits() {
        let cases: &[(&str, &[&str])] = &[
            (
                "rose 12% to $4.5 billion",
                &["rose", "12", "to", "4", "5", "billion"],
            ),
            ("12-летний контракт", &["12", "летний", "контракт"]),
            (
                "l'acquisition (9 milliards)",
                &["l", "acquisition", "9", "milliards"],
            ),
            // An invisible character ends a word.
            ("capst\u{ad}one", &["capst", "one"]),
            ("  ", &[]),
            ("H100 × 2", &["H100", "2"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "{text:?}");
        }
    }

    #[test]
    fn ok_byte_classes_are_the_character_classes() {
        for c in (0..0x800).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            match CLASS[usize::from(lead)] {
                WORD1 => assert!(c.is_ascii_alphanumeric(), "{c:?}"),
                WORD2 => assert!(is_word_char(c) && c.len_utf8() == 2, "{c:?}"),
                GAP => assert!(c.is_ascii() && !c.is_ascii_alphanumeric(), "{c:?}"),
                LATIN1 => assert_eq!(is_word_char(c), !matches!(c, '×' | '÷'), "{c:?}"),
                _ => assert!(!c.is_ascii(), "{c:?}"),
            }
        }
    }

    #[test]
    fn ok_token_keys_are_start_keys() {
        let texts = [
            "Ro\u{ad}se rose ÉTÉ ёлка Ёж a\u{1}b de\u{200b}ux 2nd x²y ʼab Straße a1b ab1 ВЫРОС Ab",
            "в 2,5 раза; à 9 milliards — un\u{ad}",
            "ab",
        ];
        for text in texts {
            let mut out = Vec::new();
            tokens(text, 0, text.len(), &mut out);
            for t in &out {
                assert_eq!(t.key, start_key(text, t.start), "{text:?} at {}", t.start);
            }
            // A paragraph cut inside a word: the key reads on.
            tokens(text, 0, 1, &mut out);
            assert_eq!(out[0].key, start_key(text, 0), "{text:?} cut");
        }
        let mut out = Vec::new();
        tokens("Ro\u{ad}se", 0, 5, &mut out);
        assert_eq!(out[0].key, None);
    }
}
