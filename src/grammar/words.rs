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

use crate::lang::{Agree, Place, ScaleForm, Word};
use crate::lexicon::{Lexicon, is_word_char};

/// A number read from words, fully valued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawWords {
    pub mantissa: i128,
    pub frac: u32,
    pub end: usize,
    /// Power of ten of the last written place ("nine billion" → 9, "two
    /// point five" → -1).
    pub res_exp: i32,
    /// The last scale word used, if any.
    pub scale: Option<(u8, ScaleForm)>,
    /// Only an article ("a", "un", "ein") was read: 1, valid before a
    /// currency only ("un dollar", "einen Euro").
    pub article_only: bool,
}

#[derive(Default, Clone, Copy)]
struct Group {
    hundreds: i128,
    tens: i128,
    units: i128,
    has_h: bool,
    has_t: bool,
    has_u: bool,
    fraction: bool,
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
    c == '-'
        || c == '\u{2010}'
        || c == '\u{2011}'
        || crate::lexicon::fold(c) == ' '
        || crate::lexicon::is_format(c)
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
    /// A scale word; `alone`: it may stand without a number ("тысяча").
    Scale(u8, ScaleForm, bool),
    And,
    Point,
    Dozen,
}

/// The number tokens at `pos`, longest first. In languages that do not glue
/// number words, a token must end on a word boundary or just before a
/// glued unit ("двенадцати|летний").
fn tokens_at(lx: &Lexicon, text: &str, pos: usize, compound: bool) -> [(Option<Tok>, usize); 6] {
    let mut out = [(None, 0); 6];
    let mut n = 0;
    for hit in lx.hits_at_unbounded(text, pos).iter(text) {
        // "полмиллиарда": a fraction may glue to a scale word even where
        // number words do not glue.
        let glued_fraction = || {
            lx.find(text, hit.end, |x| {
                matches!(x, Word::Scale(..) | Word::ScaleAlone(_)).then_some(())
            })
            .is_some()
        };
        let bounded = compound || ends_ok(lx, text, hit.end);
        for w in hit.words() {
            let fraction = matches!(w, Word::Num(_, Place::Fraction));
            if !(bounded || fraction && glued_fraction()) {
                continue;
            }
            let tok = match w {
                Word::Num(v, p) => Tok::Num(v, p),
                Word::Scale(e, f @ (ScaleForm::Word | ScaleForm::LongScale)) => {
                    Tok::Scale(e, f, false)
                }
                Word::ScaleAlone(e) => Tok::Scale(e, ScaleForm::Word, true),
                Word::NumAnd => Tok::And,
                Word::Point => Tok::Point,
                Word::Dozen => Tok::Dozen,
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

/// A number may end here: at a word boundary, or where a unit glued to
/// number words begins ("zwölf|jährigen").
fn ends_ok(lx: &Lexicon, text: &str, end: usize) -> bool {
    let glued_word = text[..end].chars().next_back().is_some_and(is_word_char)
        && text[end..].chars().next().is_some_and(is_word_char);
    !glued_word
        || lx
            .find(text, end, |w| matches!(w, Word::UnitGlued(_)).then_some(()))
            .is_some()
}

/// The state of a spelled number being read.
#[derive(Clone, Copy)]
struct State {
    total: i128,
    g: Group,
    last_scale: u8,
    /// The largest scale read so far (0: none).
    top_scale: u8,
    scale: Option<(u8, ScaleForm)>,
    res_exp: u32,
    frac: u32,
    pending_and: bool,
    /// After "point": the decimals read so far (mantissa, count), whether
    /// the last one came from a tens word, and whether digits are still due.
    point: bool,
    dec: (i128, u32),
    dec_last_ten: bool,
    pending_point: bool,
    /// A scale word closed a decimal number ("two point two million").
    closed: bool,
    any: bool,
    /// Position after the last token, "and" included.
    cursor: usize,
    /// Position after the last number token.
    end: usize,
}

impl State {
    fn apply(
        &mut self,
        tok: Tok,
        lx: &Lexicon,
        text: &str,
        tok_end: usize,
        compound: bool,
    ) -> bool {
        if self.closed {
            return false;
        }
        if self.point {
            return self.apply_decimal(tok, tok_end);
        }
        match tok {
            Tok::And => {
                if !self.any || self.pending_and {
                    return false;
                }
                self.pending_and = true;
                return true;
            }
            Tok::Point => {
                if !self.any
                    || self.pending_and
                    || self.frac != 0
                    || self.g.fraction
                    || self.g.article
                {
                    return false;
                }
                self.point = true;
                self.pending_point = true;
                return true;
            }
            Tok::Dozen => {
                // "two dozen": the units and tens before it, times twelve.
                let g = &mut self.g;
                if g.article && g.units != 1 || self.frac != 0 {
                    return false;
                }
                // "half a dozen" = 6, "one and a half dozen" = 18 (a
                // fraction is in hundredths).
                let n = if g.fraction {
                    if g.units * 12 % 100 != 0 {
                        return false;
                    }
                    g.units * 12 / 100
                } else if g.has_t || g.has_u {
                    (g.tens + g.units) * 12
                } else {
                    12
                };
                let Some(t) = self.total.checked_add(n) else {
                    return false;
                };
                g.fraction = false;
                self.total = t;
                g.tens = 0;
                g.units = 0;
                g.has_t = false;
                g.has_u = false;
                g.article = false;
                self.res_exp = 0;
            }
            Tok::Num(5, p @ (Place::Half | Place::AndHalf)) => {
                // "demi" follows the language's "and"; "and a half" has its own.
                if self.pending_and != (p == Place::Half) {
                    return false;
                }
                if !self.half() {
                    return false;
                }
            }
            Tok::Num(_, Place::Half | Place::AndHalf) => return false,
            Tok::Num(v, place) => {
                if !apply_num(
                    &mut self.g,
                    i128::from(v),
                    place,
                    self.pending_and,
                    text,
                    tok_end,
                    lx,
                    compound,
                ) {
                    return false;
                }
            }
            Tok::Scale(e, form, _) if e >= self.last_scale => {
                if !self.times_scale(e, form) {
                    return false;
                }
            }
            Tok::Scale(e, form, alone) => {
                let g = self.g;
                // A scale word without a number: only singular forms listed
                // as such ("mille euros", "миллион долларов"); "millions"
                // alone is vague.
                if g.empty() && (self.any && !self.pending_and || !self.any && !alone) {
                    return false;
                }
                let base = if g.empty() { 1 } else { g.value() };
                let Some(v) = pow10(u32::from(e)).and_then(|p| base.checked_mul(p)) else {
                    return false;
                };
                let Some(t) = self.total.checked_add(v) else {
                    return false;
                };
                self.total = t;
                self.res_exp = u32::from(e) + if g.empty() { 0 } else { g.low_exp() };
                if g.fraction {
                    // The fraction is in hundredths.
                    self.frac = 2;
                    self.res_exp = self.res_exp.saturating_sub(2);
                }
                self.last_scale = e;
                self.top_scale = self.top_scale.max(e);
                self.scale = Some((e, form));
                self.g = Group::default();
            }
        }
        self.pending_and = false;
        self.any = true;
        self.end = tok_end;
        true
    }

    /// "deux mille milliards", "three thousand million", "тысяча
    /// миллиардов": a scale word above every scale read so far multiplies
    /// the whole number read so far. Below the top scale it is no number
    /// ("two billion three thousand million").
    fn times_scale(&mut self, e: u8, form: ScaleForm) -> bool {
        let g = self.g;
        if self.last_scale == u8::MAX
            || e <= self.top_scale
            || self.pending_and
            || self.frac != 0
            || g.fraction
        {
            return false;
        }
        let Some(v) = self
            .total
            .checked_add(g.value())
            .and_then(|t| t.checked_mul(pow10(u32::from(e))?))
        else {
            return false;
        };
        let low = if g.empty() { self.res_exp } else { g.low_exp() };
        self.total = v;
        self.res_exp = low + u32::from(e);
        self.last_scale = e;
        self.top_scale = e;
        self.scale = Some((e, form));
        self.g = Group::default();
        true
    }

    /// "un milliard et demi", "a million and a half": half of the last
    /// scale word. "two and a half (billion)", "два с половиной
    /// (миллиарда)": the group plus a half, as a fraction in hundredths.
    fn half(&mut self) -> bool {
        let g = &mut self.g;
        if g.empty() {
            if self.last_scale == u8::MAX || self.last_scale == 0 {
                return false;
            }
            let half = pow10(u32::from(self.last_scale) - 1).map(|p| 5 * p);
            match half.and_then(|h| self.total.checked_add(h)) {
                Some(t) => self.total = t,
                None => return false,
            }
            self.res_exp = u32::from(self.last_scale) - 1;
            return true;
        }
        if g.fraction || g.article {
            return false;
        }
        let Some(units) = g.value().checked_mul(100).and_then(|v| v.checked_add(50)) else {
            return false;
        };
        *g = Group {
            units,
            has_u: true,
            fraction: true,
            ..Group::default()
        };
        true
    }

    /// A token after "point": digits, or a scale word that closes the number.
    fn apply_decimal(&mut self, tok: Tok, tok_end: usize) -> bool {
        let (m, n) = self.dec;
        match tok {
            Tok::Num(v, Place::Unit) => {
                self.dec = if self.dec_last_ten {
                    (m + i128::from(v), n)
                } else {
                    (m * 10 + i128::from(v), n + 1)
                };
                self.dec_last_ten = false;
            }
            Tok::Num(v, Place::Ten | Place::Teen) if !self.dec_last_ten && n <= 26 => {
                self.dec = (m * 100 + i128::from(v), n + 2);
                self.dec_last_ten = v % 10 == 0;
            }
            Tok::Scale(e, form, _) if !self.pending_point && e < self.last_scale => {
                // "two point two million": (integer.decimals) × 10^e.
                let Some(v) = pow10(n)
                    .and_then(|p| self.total.checked_add(self.g.value())?.checked_mul(p))
                    .and_then(|x| x.checked_add(m))
                    .and_then(|x| x.checked_mul(pow10(u32::from(e))?))
                else {
                    return false;
                };
                self.total = v;
                self.frac = n;
                self.g = Group::default();
                self.res_exp = u32::from(e).saturating_sub(n);
                self.scale = Some((e, form));
                self.last_scale = e;
                self.point = false;
                self.closed = true;
            }
            _ => return false,
        }
        if n > 28 {
            return false;
        }
        self.pending_point = false;
        self.end = tok_end;
        true
    }

    /// The value read so far, if the state is a complete number.
    fn snapshot(&self) -> Option<RawWords> {
        if self.pending_point {
            return None;
        }
        if self.point {
            let (m, n) = self.dec;
            let int = self.total.checked_add(self.g.value())?;
            let mantissa = int.checked_mul(pow10(n)?)?.checked_add(m)?;
            return Some(RawWords {
                mantissa,
                frac: n,
                end: self.end,
                res_exp: -(n as i32),
                scale: self.scale,
                article_only: false,
            });
        }
        let g = &self.g;
        if g.fraction {
            // "полтора" alone: 1.5; "half" or "quarter" alone is no number.
            if self.total != 0 || g.units < 100 {
                return None;
            }
            return Some(RawWords {
                mantissa: g.units,
                frac: 2,
                end: self.end,
                res_exp: -2,
                scale: None,
                article_only: false,
            });
        }
        let article_only = g.article && self.total == 0;
        // `total` is already in units of 10^-frac (after "полтора миллиарда").
        let value = self
            .total
            .checked_add(g.value().checked_mul(pow10(self.frac)?)?)?;
        let res_exp = if g.empty() {
            self.res_exp as i32
        } else {
            g.low_exp() as i32
        };
        Some(RawWords {
            mantissa: value,
            frac: self.frac,
            end: self.end,
            res_exp,
            scale: self.scale,
            article_only,
        })
    }
}

/// An article alone at `pos` ("a deal", "un fonds", "ein Jahr"): the
/// longest token there reads as an article (which [`words`] tries first at
/// the start of a number), nothing is glued to it, and no number token
/// follows the gap. [`words`] then reads no more than the article
/// (`article_only`), unless a denominator, an "and" or an ordinal word
/// follows, which the caller rules out with a table word test. Returns the
/// article's end and where the gap after it ends.
pub(crate) fn article_alone(
    lx: &Lexicon,
    text: &str,
    pos: usize,
    compound: bool,
) -> Option<(usize, usize)> {
    let toks = tokens_at(lx, text, pos, compound);
    let end = toks.iter().filter_map(|(t, e)| t.map(|_| *e)).max()?;
    let article = toks
        .iter()
        .any(|(t, e)| *e == end && matches!(t, Some(Tok::Num(_, Place::Article))));
    if !article || text[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    let next = skip_gap(text, end);
    tokens_at(lx, text, next, compound)
        .iter()
        .all(|(t, _)| t.is_none())
        .then_some((end, next))
}

// words := cardinal (denominator | "and" cardinal denominator)?
/// Reads a spelled-out number at `pos` (which must start a word): a
/// cardinal, a fraction, or a whole number and a fraction; `None` for an
/// ordinal ("twenty-fifth") and for a fraction that is no exact decimal.
pub(crate) fn words(lx: &Lexicon, text: &str, pos: usize, compound: bool) -> Option<RawWords> {
    let w = cardinal(lx, text, pos, compound)?;
    if let Some(f) = fraction(lx, text, &w, compound) {
        return Some(f);
    }
    // "twenty-fifth", "двадцать первый", "vingt et unième": a spelled number
    // followed by an ordinal word is an ordinal, not a number.
    if followed_by_ordinal(lx, text, w.end) {
        return None;
    }
    match mixed(lx, text, &w, compound) {
        Mixed::Not => Some(w),
        Mixed::Exact(m) => Some(m),
        Mixed::Inexact => None,
    }
}

/// An ordinal word follows, maybe after the language's "and" ("vingt et
/// unième", "twenty-fifth").
fn followed_by_ordinal(lx: &Lexicon, text: &str, end: usize) -> bool {
    let mut next = skip_gap(text, end);
    if next > end
        && let Some(((), and_end)) = lx.find(text, next, |x| (x == Word::NumAnd).then_some(()))
        && skip_gap(text, and_end) > and_end
    {
        next = skip_gap(text, and_end);
    }
    next > end
        && lx
            .find(text, next, |x| (x == Word::Ordinal).then_some(()))
            .is_some()
}

enum Mixed {
    Not,
    Exact(RawWords),
    Inexact,
}

// mixed := cardinal "and" cardinal denominator
/// "three and a fifth" (3.2), "trois et un cinquième": a whole number and
/// a fraction. "forty-two and a third" is no exact decimal: no figure.
fn mixed(lx: &Lexicon, text: &str, w: &RawWords, compound: bool) -> Mixed {
    if w.frac != 0 || w.article_only {
        return Mixed::Not;
    }
    let at = skip_gap(text, w.end);
    let Some(((), and_end)) = lx.find(text, at, |x| (x == Word::NumAnd).then_some(())) else {
        return Mixed::Not;
    };
    let p = skip_gap(text, and_end);
    let Some(n) = (p > and_end)
        .then(|| cardinal(lx, text, p, compound))
        .flatten()
    else {
        return Mixed::Not;
    };
    if let Some(f) = fraction(lx, text, &n, compound) {
        // The fraction must be below one ("three and a fifth", not "three
        // and six fifths").
        let whole = pow10(f.frac)
            .filter(|p| f.mantissa < *p)
            .and_then(|p| w.mantissa.checked_mul(p)?.checked_add(f.mantissa));
        return match whole {
            Some(mantissa) => Mixed::Exact(RawWords { mantissa, ..f }),
            None => Mixed::Not,
        };
    }
    if followed_by_ordinal(lx, text, n.end) && (n.mantissa == 1 || n.article_only) {
        return Mixed::Inexact;
    }
    Mixed::Not
}

// cardinal := group (scale group?)*
/// The cardinal number at `pos`, up to where it is complete.
fn cardinal(lx: &Lexicon, text: &str, pos: usize, compound: bool) -> Option<RawWords> {
    if !text[pos..]
        .chars()
        .next()
        .is_some_and(|c| lx.may_start_number(c))
        || text[..pos].chars().next_back().is_some_and(is_word_char)
    {
        return None;
    }
    let mut st = State {
        total: 0,
        g: Group::default(),
        last_scale: u8::MAX,
        top_scale: 0,
        scale: None,
        res_exp: 0,
        frac: 0,
        pending_and: false,
        point: false,
        dec: (0, 0),
        dec_last_ten: false,
        pending_point: false,
        closed: false,
        any: false,
        cursor: pos,
        end: pos,
    };
    let mut committed: Option<RawWords> = None;
    for _ in 0..64 {
        let cur = st.cursor;
        let inside_word = cur > pos
            && text[..cur].chars().next_back().is_some_and(is_word_char)
            && text[cur..].chars().next().is_some_and(is_word_char);
        if inside_word && !compound && !st.g.fraction {
            break;
        }
        let at = if st.any && !inside_word {
            skip_gap(text, cur)
        } else {
            cur
        };
        if st.any
            && !inside_word
            && at == cur
            && text[at..].chars().next().is_some_and(is_word_char)
        {
            break;
        }
        let mut cands = tokens_at(lx, text, at, compound);
        // Longest first; for the same surface, an article reading ("un",
        // "ein") comes first at the start of a number, last inside one.
        let article_rank =
            |t: &Option<Tok>| usize::from(matches!(t, Some(Tok::Num(_, Place::Article))) == st.any);
        cands.sort_by_key(|(t, e)| (std::cmp::Reverse(*e), article_rank(t)));
        let mut applied = false;
        for (tok, tok_end) in cands.iter().filter_map(|(t, e)| t.map(|t| (t, *e))) {
            let mut next = st;
            if next.apply(tok, lx, text, tok_end, compound) {
                next.cursor = tok_end;
                st = next;
                applied = true;
                break;
            }
        }
        if !applied {
            break;
        }
        if !st.pending_and && ends_ok(lx, text, st.end) {
            if let Some(w) = st.snapshot() {
                committed = Some(w);
            }
        }
    }
    committed.filter(|w| w.end > pos)
}

// fraction := words denominator
/// "three fifths", "un cinquième des", "drei Viertel", "одна пятая": the
/// number read, divided by the denominator word after it, when the two
/// agree ("one fifth", "three fifths"; "twenty fifth" is an ordinal). A
/// singular that is also an ordinal needs "of" after it, or no word: "a
/// fifth of the staff" is a fraction, "a fifth straight year" is not.
fn fraction(lx: &Lexicon, text: &str, w: &RawWords, compound: bool) -> Option<RawWords> {
    let glued = compound
        && text[..w.end].chars().next_back().is_some_and(is_word_char)
        && text[w.end..].chars().next().is_some_and(is_word_char);
    let at = if glued { w.end } else { skip_gap(text, w.end) };
    if at == w.end && !glued {
        return None;
    }
    let (twos, fives, agree, end) = lx
        .find(text, at, |x| match x {
            Word::Denom { twos, fives, agree } => Some((twos, fives, agree)),
            _ => None,
        })
        .map(|((t, f, a), end)| (t, f, a, end))?;
    let one = w.mantissa == 1 && w.frac == 0;
    let agrees = match agree {
        Agree::One | Agree::OneOf => one,
        Agree::Many => !one,
        Agree::Any => true,
    };
    if !agrees {
        return None;
    }
    if agree == Agree::OneOf {
        let next = skip_gap(text, end);
        let of = lx
            .find(text, next, |x| (x == Word::FractionOf).then_some(()))
            .is_some();
        if !of && text[next..].chars().next().is_some_and(is_word_char) {
            return None;
        }
    }
    // n / (2^a 5^b) = n × 2^(k-a) 5^(k-b) / 10^k with k = max(a, b).
    let k = u32::from(twos.max(fives));
    let times = 2i128
        .checked_pow(k - u32::from(twos))?
        .checked_mul(5i128.checked_pow(k - u32::from(fives))?)?;
    let frac = w.frac.checked_add(k).filter(|f| *f <= 28)?;
    Some(RawWords {
        mantissa: w.mantissa.checked_mul(times)?,
        frac,
        end,
        res_exp: -(frac as i32),
        scale: None,
        article_only: false,
    })
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
    if g.article && after_and && place == Place::Ten {
        // "ein|und|zwanzig": the article read first was the unit.
        g.article = false;
    }
    if g.fraction || g.article {
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
            let m = if g.has_t || g.has_u {
                g.tens + g.units
            } else {
                1
            };
            g.hundreds = m * 100;
            g.has_h = true;
            g.tens = 0;
            g.units = 0;
            g.has_t = false;
            g.has_u = false;
        }
        Place::Article => {
            if !g.empty() {
                return false;
            }
            g.article = true;
            g.units = 1;
            g.has_u = true;
        }
        Place::Fraction => {
            if !g.empty() {
                return false;
            }
            g.fraction = true;
            g.units = v;
            g.has_u = true;
        }
        Place::Half | Place::AndHalf => return false,
    }
    let _ = (text, tok_end, lx, compound);
    true
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
    fn ok_halves() {
        // (mantissa, decimals, end)
        assert_eq!(read(Lang::En, "two and a half"), Some((250, 2, 14)));
        assert_eq!(
            read(Lang::En, "two and a half billion"),
            Some((250_000_000_000, 2, 22))
        );
        assert_eq!(
            read(Lang::En, "a million and a half"),
            Some((1_500_000, 0, 20))
        );
        assert_eq!(read(Lang::En, "half a dozen"), Some((6, 0, 12)));
        assert_eq!(
            read(Lang::Fr, "un milliard et demi"),
            Some((1_500_000_000, 0, 19))
        );
        let r = "два с половиной миллиарда";
        assert_eq!(read(Lang::Ru, r), Some((250_000_000_000, 2, r.len())));
        assert_eq!(
            read(Lang::Ru, "полмиллиарда"),
            Some((50_000_000_000, 2, "полмиллиарда".len()))
        );
        // "пол" alone is a floor, not a half; "and a half" cannot start a number.
        assert_eq!(read(Lang::Ru, "пол компании"), None);
        assert_eq!(read(Lang::En, "and a half"), None);
    }

    #[test]
    fn ok_words_english() {
        assert_eq!(read(Lang::En, "nine"), Some((9, 0, 4)));
        assert_eq!(read(Lang::En, "twenty-one"), Some((21, 0, 10)));
        assert_eq!(read(Lang::En, "one hundred and five"), Some((105, 0, 20)));
        assert_eq!(
            read(Lang::En, "nine billion dollars"),
            Some((9_000_000_000, 0, 12))
        );
        assert_eq!(
            read(Lang::En, "two hundred ninety million"),
            Some((290_000_000, 0, 26))
        );
        assert_eq!(read(Lang::En, "a million"), Some((1_000_000, 0, 9)));
        assert_eq!(read(Lang::En, "nineteen hundred"), Some((1900, 0, 16)));
    }

    #[test]
    fn ok_words_fractions() {
        assert_eq!(
            read(Lang::Ru, "полтора миллиарда"),
            Some((150_000_000_000, 2, 33))
        );
        assert_eq!(read(Lang::Ru, "полтора года"), Some((150, 2, 14)));
        assert_eq!(
            read(Lang::Fr, "un milliard et demi"),
            Some((1_500_000_000, 0, 19))
        );
    }

    #[test]
    fn ok_words_article_alone() {
        let w = words(lexicon(Lang::Fr), "un dollar", 0, false).unwrap();
        assert!(w.article_only);
        assert_eq!(w.mantissa, 1);
        let w = words(lexicon(Lang::Fr), "vingt et un", 0, false).unwrap();
        assert!(!w.article_only);
        assert_eq!(w.mantissa, 21);
    }

    #[test]
    fn ok_words_stop_at_repeated_place() {
        // "five five" is two numbers.
        assert_eq!(read(Lang::En, "five five"), Some((5, 0, 4)));
        // "and" is not taken when nothing follows.
        assert_eq!(read(Lang::En, "five and then"), Some((5, 0, 4)));
    }

    #[test]
    fn err_words_not_numbers() {
        assert_eq!(read(Lang::En, "fourth"), None);
        assert_eq!(read(Lang::En, "someone"), None);
    }
}
