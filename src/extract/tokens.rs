//! Stage 0, tokens: each paragraph cut once into its words (runs of
//! letters and digits, [`is_word_char`]), each with the key of its first
//! letters ([`start_key`]). The stages that look for table words at word
//! starts read these instead of walking the paragraph again: the anchors
//! of spelled-out numbers (`scan`) and the words of change (`changes`).
//!
//! An invisible format character ends a token, like any other character
//! that is no letter or digit; the stages that read tokens say what they
//! do about such characters inside words.

use super::*;
use crate::lexicon::start_key;

/// A word of a paragraph: where it starts, and the key of its first
/// letters (`None` when an invisible character comes among them, so that
/// a filter on the key lets the word through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    /// Byte offset of the word's first character.
    pub(super) start: usize,
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

/// The character at `i` (a character boundary), its length, and whether
/// it is a letter or a digit ([`is_word_char`]). Two-byte characters
/// (Latin, Cyrillic) are decoded from their bytes.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize, bool) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (char::from(b), 1, CLASS[usize::from(b)] == WORD1);
    }
    if b < 0xe0 && i + 1 < bytes.len() {
        // A lead byte of two (0xc2..=0xdf at a boundary of valid UTF-8).
        let u = (u32::from(b & 0x1f) << 6) | u32::from(bytes[i + 1] & 0x3f);
        let c = char::from_u32(u).unwrap_or(' ');
        let word = match u {
            0x400..=0x481 | 0x48a..=0x4ff => true,
            0x482..=0x489 => false,
            0xc0..=0x24f => u != 0xd7 && u != 0xf7,
            _ => is_word_char(c),
        };
        return (c, 2, word);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8(), is_word_char(c))
}

/// The words of `text[ps..pe]`, in order, into `out` (cleared first).
pub(super) fn tokens(text: &str, ps: usize, pe: usize, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = ps;
    while i < pe {
        // The gap before the next word: ASCII first.
        if CLASS[usize::from(bytes[i])] == GAP {
            i += 1;
            continue;
        }
        let (c, len, word) = char_at(text, i);
        if !word {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        // The key of the first letters, as `start_key` reads them: up to
        // three letters, folded; a digit ends it. ASCII from its bytes.
        let (mut key, mut letters) = (0u64, 0);
        let mut open = add_letter(&mut key, &mut letters, c);
        while open && i < pe {
            let b = bytes[i];
            if b.is_ascii_alphabetic() {
                key = (key << 21) | u64::from(b | 0x20);
                letters += 1;
                open = letters < 3;
                i += 1;
                continue;
            }
            if b < 0x80 {
                // A digit ends the key; anything else, the word.
                open = !b.is_ascii_digit();
                i += usize::from(!open);
                break;
            }
            let (c, len, word) = char_at(text, i);
            if !word {
                break;
            }
            open = add_letter(&mut key, &mut letters, c);
            i += len;
        }
        // The rest of the word, by lead bytes.
        while i < pe {
            match CLASS[usize::from(bytes[i])] {
                WORD1 => i += 1,
                WORD2 => i += 2,
                GAP => break,
                LATIN1 if !matches!(bytes.get(i + 1), Some(0x97 | 0xb7)) => i += 2,
                _ => {
                    let (_, len, word) = char_at(text, i);
                    if !word {
                        break;
                    }
                    i += len;
                }
            }
        }
        // A word of fewer than three letters: `start_key` reads the
        // character after it too (an invisible one leaves the key unsure).
        let key = if !open || i >= text.len() {
            Some(key)
        } else if i >= pe {
            start_key(text, start)
        } else {
            let (c, _, _) = char_at(text, i);
            (c.is_ascii() || !is_format(c)).then_some(key)
        };
        out.push(Token { start, key });
    }
}

/// Adds the letter `c` (a letter or a digit) to a start key: false when
/// the key is complete (three letters) or ended (by a digit).
#[inline(always)]
fn add_letter(key: &mut u64, letters: &mut u32, c: char) -> bool {
    let u = c as u32;
    let f = match u {
        0x61..=0x7a | 0x430..=0x44f => u,
        0x41..=0x5a | 0x410..=0x42f => u + 0x20,
        _ if c.is_ascii() => return false,
        _ => {
            let f = fold(c);
            if !is_letter(f) {
                return false;
            }
            f as u32
        }
    };
    *key = (*key << 21) | u64::from(f);
    *letters += 1;
    *letters < 3
}

/// The first token that starts at or after `pos`.
pub(super) fn first_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token starts of a text, as the words they start.
    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokens(text, 0, text.len(), &mut out);
        out.iter()
            .map(|t| {
                let rest = &text[t.start..];
                let end = rest
                    .char_indices()
                    .find(|(_, c)| !is_word_char(*c))
                    .map_or(rest.len(), |(i, _)| i);
                &rest[..end]
            })
            .collect()
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
