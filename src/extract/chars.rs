//! Character classes and word boundaries that every stage reads: blanks
//! (invisible format characters count as white space between words), digits
//! and their separators, the joiners of dates and versions, word starts and
//! ends, the words before a position.

use super::*;

pub(super) fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character that ends at `pos` and its length, decoded from its
/// bytes when it is ASCII or two bytes long (Latin, Cyrillic): for loops
/// that walk back over many characters.
#[inline]
pub(super) fn char_ending_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    match pos.checked_sub(1).map(|p| bytes[p]) {
        None => None,
        Some(b) if b < 0x80 => Some((char::from(b), 1)),
        Some(b) if b < 0xc0 && pos >= 2 && (0xc2..0xe0).contains(&bytes[pos - 2]) => {
            let u = (u32::from(bytes[pos - 2] & 0x1f) << 6) | u32::from(b & 0x3f);
            char::from_u32(u).map(|c| (c, 2))
        }
        Some(_) => prev_char(text, pos).map(|c| (c, c.len_utf8())),
    }
}

pub(super) fn next_char(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// A real space (not a format character).
pub(super) fn is_space(c: char) -> bool {
    c != '\n' && fold(c) == ' '
}

/// The start of the run of format characters that ends at `pos`.
pub(super) fn format_run_before(text: &str, pos: usize) -> usize {
    let mut p = pos;
    while let Some(c) = prev_char(text, p)
        && is_format(c)
    {
        p -= c.len_utf8();
    }
    p
}

/// The end of the run of format characters that starts at `pos`.
pub(super) fn format_run_after(text: &str, pos: usize) -> usize {
    // Printable ASCII and white space are no format characters.
    if text
        .as_bytes()
        .get(pos)
        .is_some_and(|&b| (0x20..0x7f).contains(&b) || (0x09..=0x0d).contains(&b))
    {
        return pos;
    }
    let rest = &text[pos..];
    pos + (rest.len() - rest.trim_start_matches(is_format).len())
}

pub(super) fn digit_before(text: &str, pos: usize) -> bool {
    pos > 0 && text.as_bytes()[pos - 1].is_ascii_digit()
}

pub(super) fn digit_at(text: &str, pos: usize) -> bool {
    text.as_bytes().get(pos).is_some_and(u8::is_ascii_digit)
}

/// What may stand between two digits of one number: a group or decimal
/// separator, a space, or the joiner of a date, time or fraction.
pub(super) fn is_digit_sep(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '’' | ':' | '/') || is_space(c)
}

/// A sign that opens a number (not a hyphen after a word or a digit).
pub(super) fn sign_before(text: &str, pos: usize) -> bool {
    prev_char(text, pos).is_some_and(|c| {
        matches!(c, '-' | '\u{2212}' | '+')
            && !prev_char(text, pos - c.len_utf8()).is_some_and(|p| is_word_char(p) || is_joiner(p))
    })
}

/// A decimal point that may open a number (".5", ",5").
pub(super) fn point_before(text: &str, pos: usize) -> bool {
    prev_char(text, pos).is_some_and(|c| c == '.' || c == ',')
}

/// Chars that join digit groups in dates, times, versions and phones.
pub(super) fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/' | '-' | '\u{2010}' | '\u{2011}')
}

/// Skips a run of digits and joiners (a date, version, phone...).
pub(super) fn skip_blob(text: &str, pos: usize) -> usize {
    let mut end = pos;
    for (i, c) in text[pos..].char_indices() {
        if c.is_ascii_digit() || is_joiner(c) || is_word_char(c) {
            end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    end.max(pos + next_char(text, pos).map_or(1, char::len_utf8))
}

/// The first ASCII digit in `bytes[from..]`, eight bytes at a time.
pub(super) fn find_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(chunk) ^ (ONES * 0x30);
        // A byte of `x` below 10 (and without its high bit) was a digit.
        let below = x.wrapping_sub(ONES * 10) & !x & HIGHS;
        if below != 0 {
            return Some(i + (below.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| i + k)
}

/// The start of the run of letters that ends at `pos` (`pos` itself when
/// no letter ends there).
pub(super) fn word_start(text: &str, pos: usize) -> usize {
    let mut s = pos;
    while let Some(c) = prev_char(text, s) {
        if !is_letter(c) {
            break;
        }
        s -= c.len_utf8();
    }
    s
}

pub(super) fn word_end(text: &str, pos: usize) -> usize {
    let mut e = pos;
    for c in text[pos..].chars() {
        if !is_word_char(c) {
            break;
        }
        e += c.len_utf8();
    }
    e.max(pos + 1)
}

/// The end of the hyphenated word at `pos` ("quatre-vingt-dix",
/// "twenty-fifth"): word characters, and hyphens between them.
pub(super) fn compound_end(text: &str, pos: usize) -> usize {
    let mut e = word_end(text, pos);
    while let Some(h) = next_char(text, e)
        && matches!(h, '-' | '\u{2010}' | '\u{2011}')
        && next_char(text, e + h.len_utf8()).is_some_and(is_word_char)
    {
        e = word_end(text, e + h.len_utf8());
    }
    e
}

pub(super) fn skip_blanks(text: &str, pos: usize) -> usize {
    pos + text[pos..]
        .chars()
        .take_while(|c| is_blank(*c))
        .map(char::len_utf8)
        .sum::<usize>()
}

/// The start of the word before `pos` (skipping blanks).
pub(super) fn prev_word_start(text: &str, pos: usize) -> Option<usize> {
    let mut b = pos;
    while let Some(c) = prev_char(text, b) {
        if !is_blank(c) {
            break;
        }
        b -= c.len_utf8();
    }
    let mut s = b;
    while let Some(c) = prev_char(text, s) {
        // A format character inside a word ("Kapi\u{ad}tel") stays in it.
        if is_space(c) || c == '\n' || c == '(' || c == '"' {
            break;
        }
        s -= c.len_utf8();
    }
    let s = format_run_after(text, s).min(b);
    (s < b).then_some(s)
}
