//! The figure grammar: language-agnostic nom productions over one
//! language table.
//!
//! ```text
//! figure        := (qualifier ws)* (range_open ws)? side range_tail? tail
//! range_tail    := ws range_sep ws side
//! side          := sign? currency_before? sign? quantity post? cents?
//! quantity      := number (('-' | ws) scale)?  |  words
//! post          := ('-' | ws) (linker ws)? (currency | subunit | percent | unit | count)
//! cents         := ws and? ws number ws subunit
//! tail          := (ws period)? (ws qualifier_after)?
//! ```
//!
//! Every production is a method of [`Cx`] taking the remaining input; the
//! absolute byte offset of an input is `text.len() - input.len()`. Nothing
//! here names a language: words come from the table through the lexicon.

pub(crate) mod number;
pub(crate) mod words;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{opt, value};
use nom::error::{ErrorKind as NomKind, ParseError};
use nom::sequence::terminated;
use nom::{IResult, Parser};

use crate::error::{Error, Expected};
use crate::figure::{Period, Qualifier};
use crate::lang::{LangTable, ScaleForm, Word};
use crate::lexicon::{Lexicon, fold};
use crate::unit::{Currency, Unit};

pub(crate) use number::LoneSep;

/// The private grammar error: where, and what was expected.
#[derive(Debug)]
pub(crate) struct GErr {
    /// Length of the remaining input at the failure.
    rest: usize,
    expected: Expected,
    /// A precise error that must not be replaced (overflow).
    hard: Option<Error>,
}

impl<'t> ParseError<&'t str> for GErr {
    fn from_error_kind(input: &'t str, _kind: NomKind) -> Self {
        GErr {
            rest: input.len(),
            expected: Expected::Figure,
            hard: None,
        }
    }
    fn append(_input: &'t str, _kind: NomKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        // Keep the error that got furthest.
        if other.rest < self.rest { other } else { self }
    }
}

impl GErr {
    pub(crate) fn into_parts(self) -> (usize, Expected, Option<Error>) {
        (self.rest, self.expected, self.hard)
    }
}

pub(crate) type PResult<'t, T> = IResult<&'t str, T, GErr>;

fn fail<T>(i: &str, expected: Expected) -> PResult<'_, T> {
    Err(nom::Err::Error(GErr {
        rest: i.len(),
        expected,
        hard: None,
    }))
}

/// Replaces the expectation of a recoverable error that happened right at
/// the start of the production (deeper errors are more precise).
fn expecting<'t, T>(i: &'t str, r: PResult<'t, T>, expected: Expected) -> PResult<'t, T> {
    r.map_err(|e| match e {
        nom::Err::Error(mut g) if g.hard.is_none() && g.rest == i.len() => {
            g.expected = expected;
            nom::Err::Error(g)
        }
        other => other,
    })
}

/// A currency as written, and whether the reading was a default guess
/// (a bare "$" or "dollars").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cur {
    pub currency: Currency,
    pub guess: bool,
}

/// What follows a quantity and gives it its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Post {
    Cur(Cur),
    Subunit(Option<Currency>),
    Percent,
    PercentPoint,
    Unit(Unit),
    Count,
}

/// A number with its scale, as seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quantity {
    /// value = mantissa × 10^exp
    pub mantissa: i128,
    pub exp: i32,
    /// Place value of the last written digit: 10^res_exp.
    pub res_exp: i32,
    pub scale: Option<(u8, ScaleForm)>,
    /// The scale word touches the digits ("5bn", "$9-billion").
    pub scale_glued: bool,
    /// Where the scale word starts (to drop an unusable letter scale).
    pub scale_at: usize,
    pub lone: Option<LoneSep>,
    pub end: usize,
    /// Only an article was read ("un", "ein"): valid before a currency only.
    pub article_only: bool,
}

/// One end of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawSide {
    pub start: usize,
    pub end: usize,
    pub negative: bool,
    pub cur_before: Option<Cur>,
    pub qty: Quantity,
    pub post: Option<Post>,
    /// Cents after a currency ("15 dollars et 15 cents"): mantissa, exp.
    pub cents: Option<(i128, i32)>,
    /// A qualifier between the number and its noun ("280 с лишним сотрудников").
    pub mid: Option<Qualifier>,
}

impl RawSide {
    /// What the side measures, if it says: 0 money, 1 percent, 2 count,
    /// 3 + unit for units.
    fn dimension(&self) -> Option<u16> {
        if self.cur_before.is_some() {
            return Some(0);
        }
        Some(match self.post? {
            Post::Cur(_) | Post::Subunit(_) => 0,
            Post::Percent | Post::PercentPoint => 1,
            Post::Count => 2,
            Post::Unit(u) => 3 + u as u16,
        })
    }

    pub(crate) fn currency(&self) -> Option<Cur> {
        match self.post {
            Some(Post::Cur(c)) => Some(c),
            _ => self.cur_before,
        }
    }
}

/// A figure as seen, before values are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawFigure {
    pub start: usize,
    pub end: usize,
    pub qualifier: Option<Qualifier>,
    pub lo: RawSide,
    pub hi: Option<RawSide>,
    pub period: Option<Period>,
    pub qualifier_after: Option<Qualifier>,
}

/// The grammar's context: the whole text and one language's data.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'t> {
    pub text: &'t str,
    pub lx: &'static Lexicon,
    pub t: &'static LangTable,
}

fn is_blank(c: char) -> bool {
    c != '\n' && fold(c) == ' '
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

impl<'t> Cx<'t> {
    pub(crate) fn new(text: &'t str, lang: crate::lang::Lang) -> Cx<'t> {
        Cx {
            text,
            lx: crate::lexicon::lexicon(lang),
            t: lang.table(),
        }
    }

    #[inline]
    fn at(&self, i: &str) -> usize {
        self.text.len() - i.len()
    }

    #[inline]
    fn rest(&self, pos: usize) -> &'t str {
        &self.text[pos..]
    }

    // ws := blank* ('\n' blank*)?
    /// Optional white space, at most one line break.
    pub(crate) fn ws0(&self, i: &'t str) -> PResult<'t, ()> {
        let mut newline = false;
        let mut end = i.len();
        for (k, c) in i.char_indices() {
            if c == '\n' && !newline {
                newline = true;
                continue;
            }
            if c == '\r' || is_blank(c) {
                continue;
            }
            end = k;
            break;
        }
        Ok((&i[end..], ()))
    }

    /// The first table word at the start of `i` that `pick` accepts.
    fn word<T>(&self, i: &'t str, pick: impl FnMut(Word) -> Option<T>) -> PResult<'t, T> {
        match self.lx.find(self.text, self.at(i), pick) {
            Some((t, end)) => Ok((self.rest(end), t)),
            None => fail(i, Expected::Figure),
        }
    }

    // figure := (qualifier ws)* (range_open ws)? side range_tail? tail
    pub(crate) fn figure(&self, i: &'t str) -> PResult<'t, RawFigure> {
        let start = self.at(i);
        let mut qualifier = None;
        let mut i = i;
        for _ in 0..3 {
            match terminated(|i| self.qualifier(i), |i| self.ws0(i)).parse(i) {
                Ok((rest, q)) => {
                    qualifier.get_or_insert(q);
                    i = rest;
                }
                Err(_) => break,
            }
        }
        let (i, open) = opt(terminated(|i| self.range_open(i), |i| self.ws0(i))).parse(i)?;
        let first = if qualifier.is_some() {
            Expected::NumberAfterQualifier
        } else {
            Expected::Figure
        };
        let (i, lo) = expecting(i, self.side(i), first)?;
        let (i, hi) = match self.range_tail(i, open.is_some(), &lo) {
            Ok((rest, hi)) => (rest, Some(hi)),
            Err(nom::Err::Error(_)) => (i, None),
            Err(e) => return Err(e),
        };
        if open.is_some() && hi.is_none() {
            return fail(i, Expected::RangeSeparator);
        }
        let (i, period) = opt(|i| self.period(i)).parse(i)?;
        let (i, qualifier_after) = opt(|i| self.qualifier_after(i)).parse(i)?;
        let end = hi.map_or(lo.end, |h| h.end);
        let end = if period.is_some() || qualifier_after.is_some() {
            self.at(i)
        } else {
            end
        };
        let i = self.rest(end);
        Ok((
            i,
            RawFigure {
                start,
                end,
                qualifier,
                lo,
                hi,
                period,
                qualifier_after,
            },
        ))
    }

    // qualifier := <Word::Qual>
    fn qualifier(&self, i: &'t str) -> PResult<'t, Qualifier> {
        self.word(i, |w| match w {
            Word::Qual(q) => Some(q),
            _ => None,
        })
    }

    // range_open := <Word::RangeOpen>
    fn range_open(&self, i: &'t str) -> PResult<'t, ()> {
        self.word(i, |w| (w == Word::RangeOpen).then_some(()))
    }

    // range_tail := ws range_sep ws side
    /// The upper end of a range, accepted only when it agrees with the
    /// lower end (see [`compatible`]).
    fn range_tail(&self, i: &'t str, opened: bool, lo: &RawSide) -> PResult<'t, RawSide> {
        let (i, ()) = self.ws0(i)?;
        let (i, ()) = self.word(i, |w| match w {
            Word::RangeSep { needs_open } if opened || !needs_open => Some(()),
            _ => None,
        })?;
        let (i, ()) = self.ws0(i)?;
        let (rest, hi) = expecting(i, self.side(i), Expected::RangeEnd)?;
        if compatible(lo, &hi) && crate::resolve::range_values(lo, &hi).is_some() {
            Ok((rest, hi))
        } else {
            fail(i, Expected::RangeEnd)
        }
    }

    // sign := '-' | '−' | '+' | minus_word ws
    fn sign(&self, i: &'t str) -> PResult<'t, bool> {
        let symbol = alt((
            value(true, tag("-")),
            value(true, tag("\u{2212}")),
            value(false, tag("+")),
        ));
        let word = terminated(
            |i| self.word(i, |w| (w == Word::Minus).then_some(true)),
            |i| self.ws0(i),
        );
        alt((symbol, word)).parse(i)
    }

    // side := sign? currency_before? sign? quantity post? cents?
    fn side(&self, i: &'t str) -> PResult<'t, RawSide> {
        let start = self.at(i);
        let (i, neg1) = opt(|i| self.sign(i)).parse(i)?;
        let (i, cur_before) =
            opt(terminated(|i| self.currency_before(i), |i| self.ws0(i))).parse(i)?;
        let (i, neg2) = if neg1.is_none() && cur_before.is_some() {
            opt(|i| self.sign(i)).parse(i)?
        } else {
            (i, None)
        };
        let expected = match (cur_before, neg1.or(neg2)) {
            (Some(_), _) => Expected::NumberAfterCurrency,
            (None, Some(_)) => Expected::NumberAfterSign,
            (None, None) => Expected::Figure,
        };
        let (i, mut qty) = expecting(i, self.quantity(i), expected)?;
        let has_scale = qty.scale.is_some();
        // "280 с лишним сотрудников": a qualifier between number and noun.
        let (i, mid) = match self.qualifier_after(i) {
            Ok((j, q)) if self.post(j, has_scale).is_ok() => (j, Some(q)),
            _ => (i, None),
        };
        let (mut i, mut post) = opt(|i| self.post(i, has_scale)).parse(i)?;
        if cur_before.is_some() && !matches!(post, None | Some(Post::Cur(_) | Post::Subunit(_))) {
            // "$388 000 годом ранее": a currency before the number rules out a unit after it.
            post = None;
            i = self.rest(qty.end);
        }
        // A letter scale ("M", "b") needs to touch the digits or a currency.
        if let Some((_, ScaleForm::Letter)) = qty.scale
            && !qty.scale_glued
            && cur_before.is_none()
            && !matches!(post, Some(Post::Cur(_)))
        {
            qty.scale = None;
            qty.end = self.digits_end_before(qty.scale_at);
            qty.exp = qty.res_exp.min(qty.exp);
            let (j, p) = opt(|i| self.post(i, false)).parse(self.rest(qty.end))?;
            i = j;
            post = p;
        }
        if let (Some(Post::Cur(a)), Some(b)) = (post, cur_before)
            && a.currency != b.currency
        {
            // "$5 EUR": keep the first currency only.
            post = None;
            i = self.rest(qty.end);
        }
        if qty.article_only && !matches!(post, Some(Post::Cur(_) | Post::Subunit(_))) {
            // "un fonds", "ein Jahr zuvor": an article, not the number one.
            return fail(self.rest(start), Expected::Figure);
        }
        let mut end = self.at(i);
        if post.is_none() && self.glued_to_word(qty.end) {
            // "1990s", "4th", "2000er", "4-й": not a quantity.
            return fail(self.rest(qty.end), Expected::Figure);
        }
        let mut cents = None;
        if let Some(c) = post.and_then(|p| match p {
            Post::Cur(c) => Some(c),
            _ => None,
        }) && let Ok((j, v)) = self.cents(i, c.currency)
        {
            cents = Some(v);
            end = self.at(j);
        }
        let negative = neg1.or(neg2).unwrap_or(false);
        let mid = mid.filter(|_| post.is_some());
        Ok((
            self.rest(end),
            RawSide {
                start,
                end,
                negative,
                cur_before,
                qty,
                post,
                cents,
                mid,
            },
        ))
    }

    /// The end of the digits before a dropped scale word.
    fn digits_end_before(&self, scale_at: usize) -> usize {
        let before = &self.text[..scale_at];
        before
            .trim_end_matches(|c: char| is_blank(c) || is_hyphen(c) || c == '\n')
            .len()
    }

    /// True when the number at `end` runs straight into a word ("1990s"),
    /// or into an ordinal suffix after a hyphen ("4-й").
    fn glued_to_word(&self, end: usize) -> bool {
        let rest = self.rest(end);
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if c.is_alphabetic() => true,
            Some(c) if is_hyphen(c) => {
                let after = end + c.len_utf8();
                self.lx
                    .find(self.text, after, |w| {
                        (w == Word::OrdinalSuffix).then_some(())
                    })
                    .is_some()
            }
            _ => false,
        }
    }

    // currency_before := iso_code | <Word::CurBefore>
    fn currency_before(&self, i: &'t str) -> PResult<'t, Cur> {
        if let Some((c, end)) = iso_code(self.text, self.at(i)) {
            return Ok((
                self.rest(end),
                Cur {
                    currency: c,
                    guess: false,
                },
            ));
        }
        self.word(i, |w| match w {
            Word::CurBefore(c) => Some(Cur {
                currency: c,
                guess: false,
            }),
            Word::CurGuessBefore(c) => Some(Cur {
                currency: c,
                guess: true,
            }),
            _ => None,
        })
    }

    // quantity := number (('-' | ws) scale)? | words
    fn quantity(&self, i: &'t str) -> PResult<'t, Quantity> {
        let pos = self.at(i);
        let n = match number::number(self.text, pos, self.t) {
            Ok(n) => n,
            Err(e) => {
                return Err(nom::Err::Failure(GErr {
                    rest: i.len(),
                    expected: Expected::Figure,
                    hard: Some(e),
                }));
            }
        };
        let Some(n) = n else {
            let Some(w) = words::words(self.lx, self.text, pos, self.t.compound_numbers) else {
                return fail(i, Expected::Figure);
            };
            let q = Quantity {
                mantissa: w.mantissa,
                exp: -(w.frac as i32),
                res_exp: w.res_exp as i32,
                scale: w.scale,
                scale_glued: false,
                scale_at: w.end,
                lone: None,
                end: w.end,
                article_only: w.article_only,
            };
            return Ok((self.rest(w.end), q));
        };
        let frac = n.frac as i32;
        let mut q = Quantity {
            mantissa: n.mantissa,
            exp: -frac,
            res_exp: -frac,
            scale: None,
            scale_glued: false,
            scale_at: n.end,
            lone: n.lone,
            end: n.end,
            article_only: false,
        };
        // ('-' | ws) scale
        let after = self.rest(n.end);
        let (j, hyphen) = match after.chars().next() {
            Some(c) if is_hyphen(c) => (&after[c.len_utf8()..], true),
            _ => (self.ws0(after)?.0, false),
        };
        if let Ok((k, (e, form))) = self.word(j, |w| match w {
            Word::Scale(e, f) => Some((e, f)),
            _ => None,
        }) {
            let glued = hyphen || self.at(j) == n.end;
            q.scale = Some((e, form));
            q.scale_glued = glued;
            q.scale_at = self.at(j);
            q.exp += i32::from(e);
            q.res_exp += i32::from(e);
            q.end = self.at(k);
            return Ok((k, q));
        }
        Ok((after, q))
    }

    // post := ('-' | ws) (linker ws)? (currency | subunit | percent | unit | count)
    fn post(&self, i: &'t str, has_scale: bool) -> PResult<'t, Post> {
        // A unit glued to number words ("zwölfjährigen") counts as hyphenated.
        let glued = self.text[..self.at(i)]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
            && i.starts_with(char::is_alphabetic);
        let (j, hyphen) = match i.chars().next() {
            Some(c) if is_hyphen(c) => (&i[c.len_utf8()..], true),
            _ => (self.ws0(i)?.0, glued),
        };
        if has_scale
            && let Ok((k, ())) = terminated(
                |i| self.word(i, |w| (w == Word::Linker).then_some(())),
                |i| self.ws0(i),
            )
            .parse(j)
            && let Ok(r) = self.post_word(k, hyphen)
            && matches!(r.1, Post::Cur(_))
        {
            return Ok(r);
        }
        self.post_word(j, hyphen)
    }

    fn post_word(&self, i: &'t str, hyphen: bool) -> PResult<'t, Post> {
        let pos = self.at(i);
        let (rest, post) = if let Some((c, end)) = iso_code(self.text, pos) {
            (
                self.rest(end),
                Post::Cur(Cur {
                    currency: c,
                    guess: false,
                }),
            )
        } else {
            self.word(i, |w| match w {
                Word::Cur(c) => Some(Post::Cur(Cur {
                    currency: c,
                    guess: false,
                })),
                Word::CurGuess(c) => Some(Post::Cur(Cur {
                    currency: c,
                    guess: true,
                })),
                Word::Subunit(c) => Some(Post::Subunit(c)),
                Word::Percent => Some(Post::Percent),
                Word::PercentPoint => Some(Post::PercentPoint),
                Word::Unit(u) => Some(Post::Unit(u)),
                Word::UnitGlued(u) if hyphen => Some(Post::Unit(u)),
                Word::Count => Some(Post::Count),
                _ => None,
            })?
        };
        if matches!(post, Post::Cur(_))
            && self.ws0(rest)?.0.starts_with(|c: char| c.is_ascii_digit())
        {
            // "2025 $5 billion": the symbol belongs to the next number.
            return fail(i, Expected::Figure);
        }
        Ok((rest, post))
    }

    // cents := ws and? ws number ws subunit
    fn cents(&self, i: &'t str, currency: Currency) -> PResult<'t, (i128, i32)> {
        let (i, ()) = self.ws0(i)?;
        let (i, _) = opt(terminated(
            |i| {
                self.word(i, |w| {
                    matches!(w, Word::NumAnd | Word::RangeSep { needs_open: true }).then_some(())
                })
            },
            |i| self.ws0(i),
        ))
        .parse(i)?;
        let (i, q) = self.quantity(i)?;
        let (i, ()) = self.ws0(i)?;
        let (i, sub) = self.word(i, |w| match w {
            Word::Subunit(c) => Some(c),
            _ => None,
        })?;
        if q.scale.is_some() || sub.is_some_and(|s| s != currency) || q.exp < -2 {
            return fail(i, Expected::Figure);
        }
        // cents / 100
        Ok((i, (q.mantissa, q.exp - 2)))
    }

    // period := ws <Word::Period>
    fn period(&self, i: &'t str) -> PResult<'t, Period> {
        let (i, ()) = self.ws0(i)?;
        let (rest, p) = self.word(i, |w| match w {
            Word::Period(p) => Some(p),
            _ => None,
        })?;
        // "a year earlier", "годом ранее": a time shift, not a rate.
        let (after, ()) = self.ws0(rest)?;
        if self.word(after, |w| (w == Word::Ago).then_some(())).is_ok() {
            return fail(i, Expected::Figure);
        }
        Ok((rest, p))
    }

    // qualifier_after := ws <Word::QualAfter>   (not followed by a number)
    fn qualifier_after(&self, i: &'t str) -> PResult<'t, Qualifier> {
        let (i, ()) = self.ws0(i)?;
        let (rest, q) = self.word(i, |w| match w {
            Word::QualAfter(q) => Some(q),
            _ => None,
        })?;
        if self.ws0(rest)?.0.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(i, Expected::Figure);
        }
        Ok((rest, q))
    }
}

/// Three upper-case ASCII letters that name a currency, not followed by a letter.
pub(crate) fn iso_code(text: &str, pos: usize) -> Option<(Currency, usize)> {
    let b = text.as_bytes().get(pos..pos + 3)?;
    if !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    if pos > 0
        && text[..pos]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    {
        return None;
    }
    if text[pos + 3..]
        .chars()
        .next()
        .is_some_and(char::is_alphabetic)
    {
        return None;
    }
    let code = std::str::from_utf8(b).ok()?;
    let c = Currency::from_code(code)?;
    // Funds and special units (XAU, XDR...) are not money in news.
    if let Currency::Iso(iso) = c
        && (iso.is_fund() || iso.is_special())
    {
        return None;
    }
    Some((c, pos + 3))
}

/// Whether two ends can form one range: same kind of post (currency,
/// unit...) where both state one, and not two different currencies.
fn compatible(lo: &RawSide, hi: &RawSide) -> bool {
    let cur_ok = match (lo.currency(), hi.currency()) {
        (Some(a), Some(b)) => a.currency == b.currency,
        _ => true,
    };
    let post_ok = match (lo.post, hi.post) {
        (Some(Post::Cur(_)), Some(Post::Cur(_))) => true,
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    // A stated unit on the lower end only ("5 MW to 10") is not a range.
    let lo_only = lo.post.is_some() && hi.post.is_none() && hi.cur_before.is_none();
    // "fell 6.4% to $15.82": a percentage and an amount are not a range.
    let kinds_ok = match (lo.dimension(), hi.dimension()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    cur_ok && post_ok && !lo_only && kinds_ok
}
