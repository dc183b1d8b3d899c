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
use crate::lexicon::{Hits, Lexicon, is_blank, is_format, is_letter, is_word_char};
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
    /// A scale carried by the code ("MUSD" = millions of USD), else 0.
    pub scale: u8,
}

/// What follows a quantity and gives it its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Post {
    Cur(Cur),
    /// A coin: "dime" (10 cents), "nickel" (5 cents) of a dollar.
    Coin(Cur, u16),
    /// A currency name that names no single currency ("dinars", "riyals").
    CurNone,
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
            Post::Cur(_) | Post::Subunit(_) | Post::Coin(..) | Post::CurNone => 0,
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
pub(crate) struct Cx<'t> {
    pub text: &'t str,
    pub lx: &'static Lexicon,
    pub t: &'static LangTable,
    /// The currency of the place the text comes from (see `Options`).
    pub local: Option<Currency>,
    /// The last table lookups, by position: productions often ask for
    /// different words at the same place (qualifier? sign? currency?).
    pub memo: std::cell::RefCell<[(usize, Option<Hits<'static>>); 2]>,
    /// Inside a look-ahead (see `next_has_own_currency`).
    pub lookahead: std::cell::Cell<bool>,
    /// Runs of the grammar started from this context (work counter).
    pub parses: std::cell::Cell<u64>,
    /// The text may hold invisible format characters (when false, `extract`
    /// skips the rules about them).
    pub formats: bool,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A hyphen that joins two words ("9-billion", "290-million-dollar") at the
/// start of `i`, with any invisible format characters around it: the input
/// after it.
fn hyphen_join(i: &str) -> Option<&str> {
    let i = i.trim_start_matches(is_format);
    let c = i.chars().next().filter(|&c| is_hyphen(c))?;
    Some(i[c.len_utf8()..].trim_start_matches(is_format))
}

impl<'t> Cx<'t> {
    pub(crate) fn new(text: &'t str, lang: crate::lang::Lang) -> Cx<'t> {
        Cx {
            text,
            lx: crate::lexicon::lexicon(lang),
            t: lang.table(),
            local: None,
            memo: std::cell::RefCell::new([(usize::MAX, None); 2]),
            lookahead: std::cell::Cell::new(false),
            formats: true,
            parses: std::cell::Cell::new(0),
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
    #[inline]
    pub(crate) fn ws0(&self, i: &'t str) -> PResult<'t, ()> {
        // A visible ASCII character first (the common case): no white space.
        if i.as_bytes().first().is_some_and(|&b| b > b' ' && b < 0x7f) {
            return Ok((i, ()));
        }
        self.ws0_run(i)
    }

    /// [`Cx::ws0`] past its first byte test.
    fn ws0_run(&self, i: &'t str) -> PResult<'t, ()> {
        let mut newline = false;
        // Plain spaces first, by bytes (the common case).
        let spaces = i.bytes().take_while(|&b| b == b' ').count();
        let i = &i[spaces..];
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
    fn word<T>(&self, i: &'t str, mut pick: impl FnMut(Word) -> Option<T>) -> PResult<'t, T> {
        let pos = self.at(i);
        if let Some(hits) = self.hits(pos) {
            for hit in hits.iter(self.text) {
                for w in hit.words() {
                    if let Some(t) = pick(w) {
                        return Ok((self.rest(hit.end), t));
                    }
                }
            }
        }
        fail(i, Expected::Figure)
    }

    /// The table entries at `pos`, remembered for the next question at the
    /// same place.
    #[inline]
    fn hits(&self, pos: usize) -> Option<Hits<'static>> {
        {
            let memo = self.memo.borrow();
            if memo[0].0 == pos {
                return memo[0].1;
            }
            if memo[1].0 == pos {
                return memo[1].1;
            }
        }
        self.hits_new(pos)
    }

    /// [`Cx::hits`] at a position not remembered: looked up, and remembered.
    fn hits_new(&self, pos: usize) -> Option<Hits<'static>> {
        let first = self.text.get(pos..)?.chars().next()?;
        let h = self
            .lx
            .may_start(first)
            .then(|| self.lx.hits_at(self.text, pos));
        let mut memo = self.memo.borrow_mut();
        memo[1] = memo[0];
        memo[0] = (pos, h);
        h
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
        if compatible(lo, &hi, opened) && crate::resolve::range_values(lo, &hi).is_some() {
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
        // "per cent of twenty-two": the percent word before the number.
        let (i, percent_of) = opt(terminated(
            |i| self.word(i, |w| (w == Word::PercentOf).then_some(())),
            |i| self.ws0(i),
        ))
        .parse(i)?;
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
        // "deux millions de salariés", "deux douzaines de salariés": a
        // scale or dozen word takes a linker before its noun.
        let mut has_scale = qty.scale.is_some() || self.dozen_ends_at(qty.end);
        let mut mid_scale = false;
        // "280 с лишним сотрудников": a qualifier between number and noun.
        let (i, mid) = match self.qualifier_after(i) {
            Ok((j, q)) if self.post(j, has_scale).is_ok() => (j, Some(q)),
            // "5 с лишним млн долларов": the scale word comes after it.
            Ok((j, q)) if !has_scale => match self.scale_after(j) {
                Some((k, e, form)) => {
                    qty.scale = Some((e, form));
                    qty.scale_glued = false;
                    qty.scale_at = self.at(self.ws0(j)?.0);
                    qty.exp += i32::from(e);
                    qty.res_exp += i32::from(e);
                    qty.end = self.at(k);
                    has_scale = true;
                    mid_scale = true;
                    (k, Some(q))
                }
                _ => (i, None),
            },
            _ => (i, None),
        };
        let (mut i, mut post) = opt(|i| self.post(i, has_scale)).parse(i)?;
        if percent_of.is_some() {
            post = Some(Post::Percent);
            i = self.rest(qty.end);
        }
        if qty.scale.is_some()
            && matches!(post, Some(Post::Unit(u)) if u.kind() == crate::figure::Kind::Duration)
            && let Ok((after, ())) = self.ws0(i)
            && self.word(after, |w| (w == Word::Ago).then_some(())).is_ok()
        {
            // "47,1 млрд годом ранее": a time shift after an amount, no duration.
            post = None;
            i = self.rest(qty.end);
        }
        if cur_before.is_some() && !matches!(post, None | Some(Post::Cur(_) | Post::Subunit(_))) {
            // "$388 000 годом ранее": a currency before the number rules out a unit after it.
            post = None;
            i = self.rest(qty.end);
        }
        // A letter scale ("M", "b") needs to touch the digits or a currency;
        // apart from the digits, a letter that is a word of the language
        // ("$12 к эталонному": "к" is "to") is that word, not a scale.
        if let Some((e, ScaleForm::Letter)) = qty.scale
            && !qty.scale_glued
            && ((cur_before.is_none() && !matches!(post, Some(Post::Cur(_))))
                || self
                    .t
                    .stopwords
                    .contains(&self.text[qty.scale_at..qty.end].trim_end()))
        {
            qty.scale = None;
            qty.end = self.digits_end_before(qty.scale_at);
            qty.exp -= i32::from(e);
            qty.res_exp -= i32::from(e);
            let (j, p) = opt(|i| self.post(i, false)).parse(self.rest(qty.end))?;
            i = j;
            post = p;
        }
        let mut cur_before = cur_before;
        if let (Some(Post::Cur(a)), Some(b)) = (post, cur_before)
            && a.currency != b.currency
        {
            if b.guess && crate::resolve::same_family(a.currency, b.currency) {
                // "$1,190.00 AUD": the code settles the bare "$".
                cur_before = Some(a);
            } else {
                // "$5 EUR": keep the first currency only.
                post = None;
                i = self.rest(qty.end);
            }
        }
        // A scale after the currency ("75 USD million") or in the code ("30 MUSD").
        if qty.scale.is_none()
            && let Some(c) = post.and_then(|p| match p {
                Post::Cur(c) => Some(c),
                _ => None,
            })
        {
            let scale = if c.scale > 0 {
                Some((c.scale, self.at(i)))
            } else {
                let (j, ()) = self.ws0(i)?;
                self.word(j, |w| match w {
                    Word::Scale(e, ScaleForm::Word | ScaleForm::LongScale) => Some(e),
                    _ => None,
                })
                .ok()
                .map(|(k, e)| (e, self.at(k)))
            };
            if let Some((e, end)) = scale {
                qty.scale = Some((e, ScaleForm::Word));
                qty.exp += i32::from(e);
                qty.res_exp += i32::from(e);
                i = self.rest(end);
            }
        }
        if let Some(c) = cur_before
            && c.scale > 0
            && qty.scale.is_none()
        {
            qty.scale = Some((c.scale, ScaleForm::Word));
            qty.exp += i32::from(c.scale);
            qty.res_exp += i32::from(c.scale);
        }
        if qty.article_only
            && !matches!(
                post,
                Some(Post::Cur(_) | Post::Subunit(_) | Post::Coin(..) | Post::CurNone)
            )
        {
            // "un fonds", "ein Jahr zuvor": an article, not the number one.
            return fail(self.rest(start), Expected::Figure);
        }
        let mut end = self.at(i);
        if post.is_none() && self.glued_to_word(qty.end) {
            // "1990s", "4th", "2000er", "4-й": not a quantity.
            return fail(self.rest(qty.end), Expected::Figure);
        }
        let mut cents = None;
        let cur_for_cents = match post {
            Some(Post::Cur(c)) => Some(c),
            None if qty.scale.is_none() && qty.exp == 0 => cur_before,
            _ => None,
        };
        if let Some(c) = cur_for_cents
            && let Ok((j, v)) = self.cents(i, c.currency)
        {
            cents = Some(v);
            end = self.at(j);
        }
        let negative = neg1.or(neg2).unwrap_or(false);
        let mid = mid.filter(|_| post.is_some() || mid_scale);
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
        // An invisible character does not unglue: "4\u{200b}th".
        let rest = self.rest(end).trim_start_matches(is_format);
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) if is_letter(c) => true,
            Some(c) if is_hyphen(c) => {
                let after =
                    self.text.len() - rest[c.len_utf8()..].trim_start_matches(is_format).len();
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
        if let Some(code) = code_at(self.text, self.at(i))
            && !code.wordlike
        {
            let cur = Cur {
                currency: code.currency,
                guess: false,
                scale: code.scale,
            };
            return Ok((self.rest(code.end), cur));
        }
        let (rest, cur) = self.word(i, |w| match w {
            Word::CurBefore(c) => Some(Cur {
                currency: c,
                guess: false,
                scale: 0,
            }),
            Word::CurGuessBefore(c) => Some(Cur {
                currency: c,
                guess: true,
                scale: 0,
            }),
            _ => None,
        })?;
        Ok(self.refine_guess(rest, cur))
    }

    /// "$CAD", "$ CAD": a code right after an ambiguous symbol settles it.
    fn refine_guess(&self, rest: &'t str, cur: Cur) -> (&'t str, Cur) {
        if !cur.guess {
            return (rest, cur);
        }
        let at = self.at(rest);
        let skip = usize::from(rest.starts_with(' '));
        match code_at(self.text, at + skip) {
            Some(code) if code.scale == 0 && !code.wordlike => (
                self.rest(code.end),
                Cur {
                    currency: code.currency,
                    guess: false,
                    scale: 0,
                },
            ),
            _ => (rest, cur),
        }
    }

    // quantity := number (('-' | ws) scale)? | words
    /// A second, smaller scale after a scaled whole number: "7 млн 450
    /// тыс." = 7 450 000, "1 миллиард 200 миллионов" = 1 200 000 000. The
    /// second number must fit below the first scale; `q` is extended.
    fn compound_scale(&self, k: &'t str, q: &mut Quantity, e: u8) -> &'t str {
        if q.exp != i32::from(e) || q.lone.is_some() {
            return k;
        }
        let Ok((j, ())) = self.ws0(k) else {
            return k;
        };
        if j.len() == k.len() {
            return k;
        }
        let Ok(Some(n)) = number::number(self.text, self.at(j), self.t) else {
            return k;
        };
        if n.frac != 0 || n.lone.is_some() || n.mantissa <= 0 {
            return k;
        }
        let after = self.rest(n.end);
        let Ok((l, ())) = self.ws0(after) else {
            return k;
        };
        let Ok((r, e2)) = self.word(l, |w| match w {
            Word::Scale(e2, ScaleForm::Word) if e2 >= 3 && e2 < e => Some(e2),
            _ => None,
        }) else {
            return k;
        };
        let room = 10i128.checked_pow(u32::from(e - e2));
        let total = room
            .filter(|room| n.mantissa < *room)
            .and_then(|room| q.mantissa.checked_mul(room))
            .and_then(|m| m.checked_add(n.mantissa));
        let Some(total) = total else {
            return k;
        };
        q.mantissa = total;
        q.exp = i32::from(e2);
        q.res_exp = i32::from(e2);
        q.end = self.at(r);
        r
    }

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
                res_exp: w.res_exp,
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
        let (j, hyphen) = match hyphen_join(after) {
            Some(j) => (j, true),
            None => (self.ws0(after)?.0, false),
        };
        // A longer currency symbol at the same place wins over a scale
        // letter: "1 T$" is the paʻanga, not a trillion dollars.
        let currency_here = self
            .word(j, |w| {
                matches!(
                    w,
                    Word::Cur(_) | Word::CurGuess(_) | Word::CurNone | Word::CurBefore(_)
                )
                .then_some(())
            })
            .ok()
            .map(|(r, ())| r.len());
        if let Ok((k, (e, form))) = self.word(j, |w| match w {
            Word::Scale(e, f) => Some((e, f)),
            _ => None,
        }) && currency_here.is_none_or(|r| r >= k.len())
        {
            // A letter scale must touch the digits: "8-K" is a form's name.
            // An invisible character keeps it glued ("300\u{200b}k").
            let touching = self.text[n.end..self.at(j)].chars().all(is_format);
            let glued = touching || hyphen && form != ScaleForm::Letter;
            q.scale = Some((e, form));
            q.scale_glued = glued;
            q.scale_at = self.at(j);
            q.exp += i32::from(e);
            q.res_exp += i32::from(e);
            q.end = self.at(k);
            let k = self.compound_scale(k, &mut q, e);
            return Ok((k, q));
        }
        // "3 dozens", "200 dozen": twelve times the number.
        if let Ok((k, ())) = self
            .ws0(after)
            .and_then(|(j, ())| self.word(j, |w| (w == Word::Dozen).then_some(())))
            && let Some(m) = q.mantissa.checked_mul(12)
        {
            q.mantissa = m;
            q.end = self.at(k);
            return Ok((k, q));
        }
        Ok((after, q))
    }

    /// A dozen word ends the number at `end` ("deux douzaines").
    fn dozen_ends_at(&self, end: usize) -> bool {
        let start = self.text[..end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_letter(c))
            .last()
            .map_or(end, |(i, _)| i);
        start < end
            && self
                .word(self.rest(start), |w| (w == Word::Dozen).then_some(()))
                .is_ok_and(|(r, ())| self.at(r) == end)
    }

    // post := ('-' | ws) (linker ws)? (currency | subunit | percent | unit | count)
    fn post(&self, i: &'t str, has_scale: bool) -> PResult<'t, Post> {
        // A unit glued to number words ("zwölfjährigen") counts as hyphenated.
        let glued = self.text[..self.at(i)]
            .chars()
            .next_back()
            .is_some_and(is_letter)
            && i.starts_with(is_letter);
        let (j, hyphen) = match hyphen_join(i) {
            Some(j) => (j, true),
            None => (self.ws0(i)?.0, glued),
        };
        if hyphen && !j.starts_with(is_letter) {
            // "$10-$20": after a hyphen only a word joins ("290-million-dollar").
            return fail(i, Expected::Figure);
        }
        if has_scale
            && let Ok((k, ())) = terminated(
                |i| self.word(i, |w| (w == Word::Linker).then_some(())),
                |i| self.ws0(i),
            )
            .parse(j)
            && let Ok(r) = self.post_word(k, hyphen)
            && matches!(
                r.1,
                Post::Cur(_) | Post::CurNone | Post::Unit(_) | Post::Count
            )
        {
            return Ok(r);
        }
        self.post_word(j, hyphen)
    }

    fn post_word(&self, i: &'t str, hyphen: bool) -> PResult<'t, Post> {
        let pos = self.at(i);
        // A currency name in a script no table covers ("10 دولارات").
        if let Some(c) = i.chars().next()
            && !c.is_ascii()
            && is_letter(c)
            && crate::lang::Script::of(c).is_none()
        {
            let found = crate::lexicon::foreign().find(self.text, pos, |w| match w {
                Word::Cur(c) => Some(Post::Cur(Cur {
                    currency: c,
                    guess: false,
                    scale: 0,
                })),
                Word::CurNone => Some(Post::CurNone),
                _ => None,
            });
            if let Some((post, end)) = found {
                return Ok((self.rest(end), post));
            }
        }
        let (rest, post) = if let Some(code) = code_at(self.text, pos) {
            let cur = Cur {
                currency: code.currency,
                guess: false,
                scale: code.scale,
            };
            (self.rest(code.end), Post::Cur(cur))
        } else {
            let (rest, post) = self.word(i, |w| match w {
                Word::Cur(c) => Some(Post::Cur(Cur {
                    currency: c,
                    guess: false,
                    scale: 0,
                })),
                Word::CurGuess(c) => Some(Post::Cur(Cur {
                    currency: c,
                    guess: true,
                    scale: 0,
                })),
                Word::Subunit(c) => Some(Post::Subunit(c)),
                Word::Coin(c, cents) => Some(Post::Coin(
                    Cur {
                        currency: c,
                        guess: true,
                        scale: 0,
                    },
                    cents,
                )),
                Word::CurScale(c, e) => Some(Post::Cur(Cur {
                    currency: c,
                    guess: true,
                    scale: e,
                })),
                Word::CurNone => Some(Post::CurNone),
                Word::Percent => Some(Post::Percent),
                Word::PercentPoint => Some(Post::PercentPoint),
                Word::Unit(u) => Some(Post::Unit(u)),
                Word::UnitGlued(u) if hyphen => Some(Post::Unit(u)),
                Word::Count => Some(Post::Count),
                _ => None,
            })?;
            match post {
                Post::Cur(c) => {
                    let (rest, c) = self.refine_guess(rest, c);
                    (rest, Post::Cur(c))
                }
                other => (rest, other),
            }
        };
        if let Post::Cur(c) = post {
            let (after, ()) = self.ws0(rest)?;
            let prefix_capable = code_at(self.text, pos).is_some()
                || self
                    .word(i, |w| {
                        matches!(w, Word::CurBefore(_) | Word::CurGuessBefore(_)).then_some(())
                    })
                    .is_ok_and(|(r, ())| r.len() == rest.len());
            // A symbol glued to the next digits is that number's prefix
            // ("1 $10 bill"); one followed by a space may close this one.
            let glued_next = rest.starts_with(|c: char| c.is_ascii_digit());
            if prefix_capable && glued_next && !rest.is_empty() {
                return fail(i, Expected::Figure);
            }
            // A symbol glued to the number before it closes that number
            // ("1250€ 600").
            let glued_prev = self.text[..pos].ends_with(|c: char| c.is_ascii_digit());
            if prefix_capable
                && !glued_prev
                && after.starts_with(|c: char| c.is_ascii_digit())
                && self.cents(rest, c.currency).is_err()
                && !self.next_has_own_currency(after)
            {
                // "2025 $5 billion": the symbol belongs to the next number
                // (unless that number is a cents tail or has its own currency).
                return fail(i, Expected::Figure);
            }
        }
        Ok((rest, post))
    }

    /// Whether the number at `i` has a currency after it ("10 $ 30 $"). A
    /// one-level look-ahead: the look-ahead itself never looks further, so
    /// "1 $ 2 $ 3 $ …" stays linear.
    fn next_has_own_currency(&self, i: &'t str) -> bool {
        if self.lookahead.get() {
            return false;
        }
        self.lookahead.set(true);
        let own = self
            .side(i)
            .is_ok_and(|(_, s)| matches!(s.post, Some(Post::Cur(_))));
        self.lookahead.set(false);
        own
    }

    // cents := ws (and ws)? small_number (ws subunit)?
    /// The cents after an amount: "15 dollars 50 cents", "$20 43",
    /// "treize euros et quarante-cinq cents". Without a subunit word the
    /// number must have two digits (or be written in words) and end the
    /// phrase. Returns the cents as mantissa and exponent (/100).
    fn cents(&self, i: &'t str, currency: Currency) -> PResult<'t, (i128, i32)> {
        let (i, ()) = self.ws0(i)?;
        let (i, _) = opt(terminated(
            |i| self.word(i, |w| (w == Word::NumAnd).then_some(())),
            |i| self.ws0(i),
        ))
        .parse(i)?;
        let start = self.at(i);
        let bytes = self.text.as_bytes();
        if bytes.get(start).is_some_and(|b| b.is_ascii_digit()) {
            // Digits only, no separators: "50", "05", "1".
            let n = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if n > 2
                || bytes.get(start + n).is_some_and(|b| {
                    matches!(b, b',' | b'.')
                        && bytes.get(start + n + 1).is_some_and(u8::is_ascii_digit)
                })
            {
                return fail(i, Expected::Figure);
            }
        }
        let (j, q) = self.quantity(i)?;
        if q.scale.is_some() || q.exp != 0 || !(0..=99).contains(&q.mantissa) || q.article_only {
            return fail(i, Expected::Figure);
        }
        let (k, ()) = self.ws0(j)?;
        if let Ok((r, sub)) = self.word(k, |w| match w {
            Word::Subunit(c) => Some(c),
            _ => None,
        }) {
            if sub.is_some_and(|s| s != currency) {
                return fail(i, Expected::Figure);
            }
            return Ok((r, (q.mantissa, -2)));
        }
        // No subunit: two digits or words, then the end of the phrase.
        let digits = self.text[start..q.end].bytes().all(|b| b.is_ascii_digit());
        if digits && q.end - start != 2 {
            return fail(i, Expected::Figure);
        }
        let follows_word = k.starts_with(is_word_char);
        let follows_unit = self
            .word(k, |w| {
                matches!(
                    w,
                    Word::Cur(_)
                        | Word::CurGuess(_)
                        | Word::CurBefore(_)
                        | Word::CurGuessBefore(_)
                        | Word::Unit(_)
                        | Word::Percent
                        | Word::PercentPoint
                        | Word::Scale(..)
                )
                .then_some(())
            })
            .is_ok();
        if follows_word || follows_unit {
            return fail(i, Expected::Figure);
        }
        Ok((j, (q.mantissa, -2)))
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
    /// A scale word after white space: (rest, exponent, form).
    fn scale_after(&self, i: &'t str) -> Option<(&'t str, u8, ScaleForm)> {
        let (j, ()) = self.ws0(i).ok()?;
        let (k, (e, form)) = self
            .word(j, |w| match w {
                Word::Scale(e, f @ (ScaleForm::Word | ScaleForm::LongScale)) => Some((e, f)),
                _ => None,
            })
            .ok()?;
        Some((k, e, form))
    }

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

/// A currency code in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Code {
    pub currency: Currency,
    pub end: usize,
    /// "MUSD", "MEUR": millions of the currency (6), else 0.
    pub scale: u8,
    /// The code is also an English word ("ALL", "TOP"): only after a number.
    pub wordlike: bool,
}

/// A currency code at `pos`: three upper-case letters that name a currency
/// ("USD"), optionally glued to a "$" ("CAD$"), or prefixed by "M" for
/// millions ("MUSD"), or glued to a scale abbreviation ("MrdUSD", "BioUSD":
/// see `lang::common::CODE_SCALES`); not inside a word.
pub(crate) fn code_at(text: &str, pos: usize) -> Option<Code> {
    let bytes = text.as_bytes();
    if pos > 0
        && text[..pos]
            .trim_end_matches(is_format)
            .chars()
            .next_back()
            .is_some_and(is_letter)
    {
        return None;
    }
    let upper = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase))
    };
    let lookup = |from: usize| -> Option<Currency> {
        let code = std::str::from_utf8(bytes.get(from..from + 3)?).ok()?;
        let c = Currency::from_code(code)?;
        // Funds and special units (XAU, XDR...) are not money in news.
        match c {
            Currency::Iso(iso) if iso.is_fund() || iso.is_special() => None,
            _ => Some(c),
        }
    };
    let lower_dollar = bytes
        .get(pos..pos + 3)
        .is_some_and(|b| b.iter().all(u8::is_ascii_lowercase))
        && bytes.get(pos + 3) == Some(&b'$');
    let (currency, mut end, scale) = if lower_dollar
        && let Some(c) = std::str::from_utf8(&bytes[pos..pos + 3])
            .ok()
            .and_then(|s| Currency::from_code(&s.to_ascii_uppercase()))
    {
        // "cad$ 15", "nzd$15"
        (c, pos + 3, 0)
    } else if upper(pos, 3)
        && let Some(c) = lookup(pos)
    {
        (c, pos + 3, 0)
    } else if let Some(&(p, e)) = crate::lang::common::CODE_SCALES
        .iter()
        .find(|(p, _)| bytes[pos..].starts_with(p.as_bytes()))
        && upper(pos + p.len(), 3)
        && let Some(c) = lookup(pos + p.len())
    {
        (c, pos + p.len() + 3, e)
    } else {
        return code_with_format(text, pos);
    };
    if text[end..].starts_with('$') {
        end += 1;
    } else if text[end..].starts_with(" $") {
        // "NZD $100.70"
        end += 2;
    } else if text[end..].chars().next().is_some_and(is_letter) {
        return None;
    }
    let code = &text[end - 3 - usize::from(text[..end].ends_with('$'))
        ..end - usize::from(text[..end].ends_with('$'))];
    let wordlike = scale == 0 && crate::lang::common::WORDLIKE_CODES.contains(&code);
    Some(Code {
        currency,
        end,
        scale,
        wordlike,
    })
}

/// A currency code with invisible format characters between its letters
/// ("C\u{200b}HF"): read like the code itself.
fn code_with_format(text: &str, pos: usize) -> Option<Code> {
    let bytes = text.as_bytes();
    // Cheap first: one or two upper-case letters, then a non-ASCII character.
    let upper = bytes[pos.min(bytes.len())..]
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if !(1..3).contains(&upper) || bytes.get(pos + upper).is_none_or(u8::is_ascii) {
        return None;
    }
    let mut letters = [0u8; 3];
    let (mut n, mut end) = (0, pos);
    for (i, c) in text[pos..].char_indices() {
        if n == 3 {
            break;
        }
        if c.is_ascii_uppercase() {
            letters[n] = c as u8;
            n += 1;
            end = pos + i + 1;
        } else if !is_format(c) {
            return None;
        }
    }
    let rest = text[end..].trim_start_matches(is_format);
    if n != 3 || end - pos == 3 || rest.starts_with(is_letter) {
        return None;
    }
    let code = std::str::from_utf8(&letters).ok()?;
    let currency = Currency::from_code(code)?;
    if let Currency::Iso(iso) = currency
        && (iso.is_fund() || iso.is_special())
    {
        return None;
    }
    Some(Code {
        currency,
        end,
        scale: 0,
        wordlike: crate::lang::common::WORDLIKE_CODES.contains(&code),
    })
}

/// Whether two ends can form one range: same kind of post (currency,
/// unit...) where both state one, and not two different currencies.
fn compatible(lo: &RawSide, hi: &RawSide, opened: bool) -> bool {
    let cur_ok = match (lo.currency(), hi.currency()) {
        (Some(a), Some(b)) => a.currency == b.currency,
        _ => true,
    };
    let post_ok = match (lo.post, hi.post) {
        (Some(Post::Cur(_)), Some(Post::Cur(_))) => true,
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    // A stated unit on the lower end only ("5 MW to 10") is not a range,
    // unless a range was opened ("от 10 долларов до 20").
    let lo_only = !opened && lo.post.is_some() && hi.post.is_none() && hi.cur_before.is_none();
    // "fell 6.4% to $15.82": a percentage and an amount are not a range.
    let kinds_ok = match (lo.dimension(), hi.dimension()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    cur_ok && post_ok && !lo_only && kinds_ok
}
