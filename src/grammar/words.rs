//! Numbers written in words ("two hundred ninety million", "neuf
//! milliards", "einhundertneunundneunzig", "двести девяносто миллионов").
//!
//! The words come from the language table (`Word::Num`, `Word::Scale`,
//! `Word::NumAnd`); the composition rule is the same for every language:
//!
//! ```text
//! words  := group (scale group?)*          scales strictly decreasing
//! group  := hundreds? tens? units?         each place filled at most once
//! ```
//!
//! A units word may precede a tens word only across "and"/"und"
//! ("neunundneunzig" = 9 + 90); "hundred" multiplies what precedes it (or 1);
//! an article ("a", "an") counts only before "hundred" or a scale word;
//! "полтора" (1.5) only before a scale word. In languages that glue number
//! words ("zweihundert"), rows may follow each other inside one word, but
//! the number must end on a word boundary.

use crate::lang::{Place, ScaleForm, Word};
use crate::lexicon::{Lexicon, is_word_char};

/// A number read from words, fully valued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawWords {
    pub mantissa: i128,
    pub frac: u32,
    pub end: usize,
    /// Power of ten of the last written place ("nine billion" → 9).
    pub res_exp: u32,
    /// The last scale word used, if any.
    pub scale: Option<(u8, ScaleForm)>,
}

#[derive(Default, Clone, Copy)]
struct Group {
    hundreds: i128,
    tens: i128,
    units: i128,
    has_h: bool,
    has_t: bool,
    has_u: bool,
    tenths: bool,
    article: bool,
}

impl Group {
    fn value(&self) -> i128 {
        self.hundreds + self.tens + self.units
    }
    fn empty(&self) -> bool {
        !(self.has_h || self.has_t || self.has_u)
    }
    /// Exponent of the lowest filled place.
    fn low_exp(&self) -> u32 {
        if self.has_u {
            0
        } else if self.has_t {
            1
        } else if self.has_h {
            2
        } else {
            0
        }
    }
}

fn is_gap(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}' || crate::lexicon::fold(c) == ' '
}

/// Skips the gap between two number words: white space (no paragraph
/// break) or one hyphen.
fn skip_gap(text: &str, pos: usize) -> usize {
    let mut end = pos;
    let mut hyphens = 0;
    let mut newlines = 0;
    for (i, c) in text[pos..].char_indices() {
        if !is_gap(c) {
            break;
        }
        if matches!(c, '-' | '\u{2010}' | '\u{2011}') {
            hyphens += 1;
        }
        newlines += usize::from(c == '\n');
        if hyphens > 1 || newlines > 1 {
            break;
        }
        end = pos + i + c.len_utf8();
    }
    end
}

/// One token of a spelled number.
#[derive(Clone, Copy)]
enum Tok {
    Num(u16, Place),
    Scale(u8, ScaleForm),
    And,
}

fn tokens_at(lx: &Lexicon, text: &str, pos: usize, glued: bool) -> [(Option<Tok>, usize); 4] {
    let mut out = [(None, 0); 4];
    let mut n = 0;
    let hits = if glued { lx.hits_at_unbounded(text, pos) } else { lx.hits_at(text, pos) };
    for hit in hits.iter(text) {
        for w in hit.words() {
            let tok = match w {
                Word::Num(v, p) => Tok::Num(v, p),
                Word::Scale(e, f @ (ScaleForm::Word | ScaleForm::LongScale)) => Tok::Scale(e, f),
                Word::NumAnd => Tok::And,
                _ => continue,
            };
            if n < out.len() {
                out[n] = (Some(tok), hit.end);
                n += 1;
            }
        }
    }
    out
}

// words := group (scale group?)*
/// Reads a spelled-out number at `pos` (which must start a word).
pub(crate) fn words(lx: &Lexicon, text: &str, pos: usize, compound: bool) -> Option<RawWords> {
    if text[..pos].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let mut total: i128 = 0;
    let mut g = Group::default();
    let mut last_scale: u8 = u8::MAX;
    let mut scale: Option<(u8, ScaleForm)> = None;
    let mut res_exp: u32 = 0;
    let mut frac = 0u32;
    let mut end = pos;
    // Position after the last token (may be inside a word when glued).
    let mut cursor = pos;
    let mut pending_and = false;
    let mut any = false;
    // Last end that sits on a word boundary, with the state at that point.
    let mut committed: Option<RawWords> = None;
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > 64 {
            break;
        }
        let inside_word = cursor > pos && text[..cursor].chars().next_back().is_some_and(is_word_char)
            && text[cursor..].chars().next().is_some_and(is_word_char);
        let at = if any && !inside_word { skip_gap(text, cursor) } else { cursor };
        if any && at == cursor && !inside_word && at < text.len() {
            // Words must be separated (or glued inside one word).
            if !text[at..].chars().next().is_some_and(|c| !is_word_char(c)) {
                break;
            }
        }
        if inside_word && !compound {
            break;
        }
        let glued = compound;
        let cands = tokens_at(lx, text, at, glued);
        let mut applied = false;
        for (tok, tok_end) in cands.iter().filter_map(|(t, e)| t.map(|t| (t, *e))) {
            // A glued token must leave us at a word boundary or before
            // another number token; that is checked by `committed`.
            let before = (total, g, last_scale, scale, res_exp, frac, pending_and);
            let ok = match tok {
                Tok::And => {
                    if !any || pending_and {
                        false
                    } else {
                        pending_and = true;
                        true
                    }
                }
                Tok::Num(v, place) => apply_num(&mut g, i128::from(v), place, pending_and, text, tok_end, lx, compound),
                Tok::Scale(e, form) => {
                    if e >= last_scale || g.tenths && e < 3 {
                        false
                    } else {
                        let base = if g.empty() { 1 } else { g.value() };
                        // A scale word alone: only "thousand"-words ("mille
                        // euros", "тысяча рублей"); "millions" alone is vague.
                        if g.empty() && (any && !pending_and || !any && e != 3) {
                            // "thousand million": a scale must follow a group.
                            false
                        } else {
                            let low = if g.empty() { 0 } else { g.low_exp() };
                            match pow10(u32::from(e)).and_then(|p| base.checked_mul(p)) {
                                Some(v) => match total.checked_add(v) {
                                    Some(t) => {
                                        total = t;
                                        res_exp = u32::from(e) + low;
                                        if g.tenths {
                                            frac = 1;
                                            res_exp = res_exp.saturating_sub(1);
                                        }
                                        last_scale = e;
                                        scale = Some((e, form));
                                        g = Group::default();
                                        true
                                    }
                                    None => false,
                                },
                                None => false,
                            }
                        }
                    }
                }
            };
            if ok {
                if !matches!(tok, Tok::And) {
                    pending_and = false;
                    any = true;
                    end = tok_end;
                }
                cursor = tok_end;
                applied = true;
                break;
            }
            (total, g, last_scale, scale, res_exp, frac, pending_and) = before;
        }
        if !applied {
            break;
        }
        if !matches!(cands[0].0, Some(Tok::And)) || !pending_and {
            let boundary = !text[end..].chars().next().is_some_and(is_word_char);
            if boundary && any && !g.article && !(g.tenths && g.empty()) {
                let value = total + if g.tenths { 0 } else { g.value() };
                let exp = if g.empty() { res_exp } else { g.low_exp() };
                if !(g.tenths && !g.empty()) {
                    committed = Some(RawWords { mantissa: value, frac, end, res_exp: exp, scale });
                }
            }
        }
    }
    committed.filter(|w| w.end > pos)
}

#[allow(clippy::too_many_arguments)]
fn apply_num(
    g: &mut Group,
    v: i128,
    place: Place,
    after_and: bool,
    text: &str,
    tok_end: usize,
    lx: &Lexicon,
    compound: bool,
) -> bool {
    if g.tenths || g.article {
        // Only a scale word (or "hundred" after an article) may follow.
        if g.article && place == Place::Hundred {
            g.article = false;
            g.units = 0;
            g.has_u = false;
            g.hundreds = 100;
            g.has_h = true;
            return true;
        }
        return false;
    }
    match place {
        Place::Unit => {
            if g.has_u {
                return false;
            }
            g.units = v;
            g.has_u = true;
        }
        Place::Teen => {
            if g.has_t || g.has_u {
                return false;
            }
            g.tens = v;
            g.has_t = true;
            g.has_u = v % 10 != 0;
        }
        Place::Ten => {
            if g.has_t || (g.has_u && !after_and) {
                return false;
            }
            g.tens = v;
            g.has_t = true;
        }
        Place::Hundreds => {
            if !g.empty() {
                return false;
            }
            g.hundreds = v;
            g.has_h = true;
        }
        Place::Hundred => {
            if g.has_h {
                return false;
            }
            let m = if g.has_t || g.has_u { g.tens + g.units } else { 1 };
            g.hundreds = m * 100;
            g.has_h = true;
            g.tens = 0;
            g.units = 0;
            g.has_t = false;
            g.has_u = false;
        }
        Place::Article => {
            if !g.empty() || !followed_by_multiplier(lx, text, tok_end, compound) {
                return false;
            }
            g.article = true;
            g.units = 1;
            g.has_u = true;
        }
        Place::Tenths => {
            if !g.empty() || !followed_by_multiplier(lx, text, tok_end, compound) {
                return false;
            }
            g.tenths = true;
            g.units = v;
            g.has_u = true;
        }
    }
    true
}

/// True when the next word is "hundred" or a scale word.
fn followed_by_multiplier(lx: &Lexicon, text: &str, pos: usize, compound: bool) -> bool {
    let at = skip_gap(text, pos);
    tokens_at(lx, text, at, compound).iter().any(|(t, _)| {
        matches!(t, Some(Tok::Scale(..)) | Some(Tok::Num(_, Place::Hundred)))
    })
}

fn pow10(e: u32) -> Option<i128> {
    10i128.checked_pow(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::lexicon::lexicon;

    fn read(lang: Lang, s: &str) -> Option<(i128, u32, usize)> {
        let t = lang.table();
        words(lexicon(lang), s, 0, t.compound_numbers).map(|w| (w.mantissa, w.frac, w.end))
    }

    #[test]
    fn ok_words_english() {
        assert_eq!(read(Lang::En, "nine"), Some((9, 0, 4)));
        assert_eq!(read(Lang::En, "twenty-one"), Some((21, 0, 10)));
        assert_eq!(read(Lang::En, "one hundred and five"), Some((105, 0, 20)));
        assert_eq!(read(Lang::En, "nine billion dollars"), Some((9_000_000_000, 0, 12)));
        assert_eq!(
            read(Lang::En, "two hundred ninety million"),
            Some((290_000_000, 0, 26))
        );
        assert_eq!(read(Lang::En, "a million"), Some((1_000_000, 0, 9)));
        assert_eq!(read(Lang::En, "nineteen hundred"), Some((1900, 0, 16)));
    }

    #[test]
    fn ok_words_stop_at_repeated_place() {
        // "five five" is two numbers.
        assert_eq!(read(Lang::En, "five five"), Some((5, 0, 4)));
        // "and" is not taken when nothing follows.
        assert_eq!(read(Lang::En, "five and then"), Some((5, 0, 4)));
    }

    #[test]
    fn err_words_article_alone() {
        assert_eq!(read(Lang::En, "a dog"), None);
        assert_eq!(read(Lang::En, "fourth"), None);
        assert_eq!(read(Lang::En, "someone"), None);
    }
}
