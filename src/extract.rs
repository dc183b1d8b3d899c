//! `extract`: every figure in free text, with its byte span.
//!
//! # How figures are found
//!
//! The text is cut into paragraphs (blank lines); each paragraph gets a
//! language (the one asked for, or detected, see [`crate::LangMode`]).
//! Candidate positions are the ASCII digits and the words that can start a
//! spelled-out number. From each candidate the scanner looks back for a
//! currency symbol or code, a sign, a qualifier or a range opener that
//! belongs to the figure, then runs the grammar forward from the earliest
//! such start; the first reading that covers the candidate wins. Spans never
//! overlap and always fall on character boundaries.
//!
//! # What is not a figure
//!
//! * digits glued to letters: tickers and models ("H100", "CORZ", "Q1",
//!   "GPT-4"), ordinals and decades ("4th", "1990s", "2000er", "4-й");
//! * digit groups joined by `.` `,` `:` `/` `-` that do not form a number
//!   or a range: dates ("7/7/2025", "2025-07-07", "07.07.2025"), times
//!   ("10:30"), versions and addresses ("1.2.3"), phone numbers ("+1 555 123 4567");
//! * a number next to a month name ("20 апреля", "7 July", "le 3 mars");
//! * a year read as a duration ("2025 года");
//! * a number right after a reference word ("section 3", "part two",
//!   "Kapitel 4", "глава 5") or in brackets ("[1]");
//! * a number cut by an invisible format character ("1\u{200b}000",
//!   "$1\u{200d}000", "1,\u{ad}000"): neither part is a figure; such a
//!   character between words, or between a currency and the digits, is white
//!   space. Digits under a right-to-left override (U+202E), displayed
//!   reversed; a group that cannot stand alone ("000") after a space that did
//!   not join it ("1 000 dollars" in English).
//!
//! A bare number becomes a *count* only when a count noun follows it
//! ("200 employees", "1 200 сотрудников"); other bare numbers are kind
//! `number`, returned only when asked for.
//!
//! # Context
//!
//! Some fields come from the sentence around the span, and the figure lists
//! them in [`Figure::inferred`]: a loss word shortly before the figure sets
//! the polarity ("a loss of $388,000"); a period adjective earlier in the
//! sentence sets the period of the next money figure ("average annual
//! revenue … about $290 million"); a verb such as "exceeds"/"превысит" sets
//! the qualifier `over`; a scale word stated once at the end of a list
//! applies to the list ("$5, $7 and $9 billion"); and a bare scaled number
//! takes the currency of the sentence when exactly one currency appears in it.

use crate::detect;
use crate::figure::{Alternative, Figure, Kind, Polarity, Qualifier, Rule};
use crate::grammar::{Cx, code_at, words};
use crate::lang::{Lang, Script, Word};
use crate::lexicon::{Lexicon, find_format, fold, is_format, is_letter, is_word_char};
use crate::parse::{LangMode, parse_raw};
use crate::resolve::{decimal, resolve};
use crate::unit::Currency;

/// A set of figure kinds.
///
/// ```
/// use chiffre::{Kind, KindSet};
/// let k = KindSet::default();
/// assert!(k.contains(Kind::Money) && !k.contains(Kind::Number));
/// let k: KindSet = "money,percent".parse()?;
/// assert!(k.contains(Kind::Percent) && !k.contains(Kind::Power));
/// # Ok::<(), chiffre::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KindSet(u16);

impl KindSet {
    /// Every kind, numbers included.
    pub fn all() -> KindSet {
        Kind::ALL.into_iter().collect()
    }
    /// No kind.
    pub fn empty() -> KindSet {
        KindSet(0)
    }
    /// Whether `k` is in the set.
    pub fn contains(self, k: Kind) -> bool {
        self.0 & (1 << k as u16) != 0
    }
    /// Adds a kind.
    pub fn insert(&mut self, k: Kind) {
        self.0 |= 1 << k as u16;
    }
}

impl Default for KindSet {
    /// Every kind except bare numbers.
    fn default() -> KindSet {
        Kind::ALL
            .into_iter()
            .filter(|k| *k != Kind::Number)
            .collect()
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> KindSet {
        let mut s = KindSet::empty();
        for k in iter {
            s.insert(k);
        }
        s
    }
}

impl std::str::FromStr for KindSet {
    type Err = crate::Error;
    /// A comma-separated list of kind names, or `all`.
    fn from_str(s: &str) -> Result<KindSet, crate::Error> {
        if s.trim() == "all" {
            return Ok(KindSet::all());
        }
        let set = s
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                Kind::from_name(p).ok_or_else(|| {
                    crate::Error::input(format!(
                        "unknown kind {p:?}: expected money, percent, power, energy, hashrate, duration, measure, count, number or all"
                    ))
                })
            })
            .collect::<Result<KindSet, _>>()?;
        if set == KindSet::empty() {
            return Err(crate::Error::input(
                "no kind given: expected a comma-separated list of money, percent, power, energy, hashrate, duration, measure, count, number, or all".to_string(),
            ));
        }
        Ok(set)
    }
}

/// What to extract, and in which language.
///
/// ```
/// let opts = chiffre::Options::default().lang(chiffre::Lang::Fr);
/// let found = chiffre::extract("Le rachat de 9 milliards de dollars.", &opts);
/// assert_eq!(found.len(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// The language, or `Auto` to detect it per paragraph.
    pub lang: LangMode,
    /// The kinds of figures to return.
    pub kinds: KindSet,
    /// The currency of the place the text was written, if known: a bare
    /// "$" or "dollars" in a Canadian paper is the Canadian dollar; "grand"
    /// is a thousand of it. Default: none (a bare dollar is the US dollar).
    pub local_currency: Option<Currency>,
    /// The text is a price field (a product page, a price column): a bare
    /// number is an amount of money, in `local_currency` if set.
    pub prices: bool,
}

impl Options {
    /// Sets the language.
    pub fn lang(mut self, lang: impl Into<LangMode>) -> Options {
        self.lang = lang.into();
        self
    }
    /// Sets the kinds.
    pub fn kinds(mut self, kinds: KindSet) -> Options {
        self.kinds = kinds;
        self
    }

    /// Reads the text as a price field: bare numbers are amounts of money.
    ///
    /// ```
    /// let opts = chiffre::Options::default().prices(true).local_currency(chiffre::Currency::EUR);
    /// let found = chiffre::extract("27,50", &opts);
    /// assert_eq!(found[0].figure.currency(), Some(chiffre::Currency::EUR));
    /// ```
    pub fn prices(mut self, yes: bool) -> Options {
        self.prices = yes;
        self
    }

    /// Sets the local currency (see the field).
    pub fn local_currency(mut self, c: Currency) -> Options {
        self.local_currency = Some(c);
        self
    }

    /// Sets the local currency from a region code (ISO 3166 alpha-2, or a
    /// locale such as `en-CA`): its main currency.
    ///
    /// ```
    /// let opts = chiffre::Options::default().region("en-CA")?;
    /// let found = chiffre::extract("It cost $5 million.", &opts);
    /// assert_eq!(found[0].figure.currency().map(|c| c.code()), Some("CAD"));
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn region(mut self, region: &str) -> Result<Options, crate::Error> {
        let code = region
            .rsplit(['-', '_'])
            .next()
            .unwrap_or(region)
            .to_ascii_uppercase();
        let country: iso_currency::Country = code.parse().map_err(|_| {
            crate::Error::input(format!(
                "unknown region {region:?}: expected an ISO 3166 code such as CA"
            ))
        })?;
        self.local_currency = Some(Currency::Iso(iso_currency::Currency::from(country)));
        Ok(self)
    }
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the first byte of the figure as written.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The figure.
    pub figure: Figure,
}

impl Found {
    /// The figure as written: `&text[start..end]`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Finds every figure in `text`, in order.
///
/// ```
/// use chiffre::{extract, Options, Kind, Qualifier};
/// use rust_decimal::Decimal;
///
/// let text = "CoreWeave agreed a 12-year deal worth about $3.5 billion.";
/// let found = extract(text, &Options::default());
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].text(text), "12-year");
/// assert_eq!(found[0].figure.kind(), Kind::Duration);
/// assert_eq!(found[1].text(text), "about $3.5 billion");
/// assert_eq!(found[1].figure.value().exact(), Some(Decimal::from(3_500_000_000u64)));
/// assert_eq!(found[1].figure.qualifier(), Qualifier::Approx);
/// ```
pub fn extract(text: &str, opts: &Options) -> Vec<Found> {
    Extractor::new(*opts).extract(text)
}

/// Extraction over a text that arrives in pieces (a stream cut at
/// paragraph breaks, see [`cut_point`]): the document's language is
/// detected on the first piece and kept for the rest, so that the result is
/// the same as for the whole text.
///
/// ```
/// let mut ex = chiffre::Extractor::new(chiffre::Options::default());
/// let a = ex.extract("Der Konzern zahlt 3,5 Mrd. Euro.\n\n");
/// let b = ex.extract("Rund 200 MW.\n");
/// assert_eq!((a.len(), b.len()), (1, 1));
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    opts: Options,
    doc_lang: Option<Lang>,
    stats: Stats,
}

/// The work an [`Extractor`] has done: it grows linearly with the input,
/// whatever the input (tests assert it on pathological texts).
///
/// ```
/// let mut ex = chiffre::Extractor::new(chiffre::Options::default());
/// ex.extract("It paid $5 billion and 200 MW.");
/// assert_eq!(ex.stats().anchors, 2);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Bytes read.
    pub bytes: u64,
    /// Places where a figure could start (a digit or a number word).
    pub anchors: u64,
    /// Runs of the grammar.
    pub parses: u64,
}

impl Extractor {
    /// A new extractor.
    pub fn new(opts: Options) -> Extractor {
        let doc_lang = match opts.lang {
            LangMode::Fixed(l) => Some(l),
            LangMode::Auto => None,
        };
        Extractor {
            opts,
            doc_lang,
            stats: Stats::default(),
        }
    }

    /// The work done so far.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// The document language, once known.
    pub fn doc_lang(&self) -> Option<Lang> {
        self.doc_lang
    }

    /// Fixes the document language (for pieces read out of order).
    pub fn set_doc_lang(&mut self, lang: Lang) {
        self.doc_lang = Some(lang);
    }

    /// Finds the figures of the next piece; offsets are relative to it.
    pub fn extract(&mut self, text: &str) -> Vec<Found> {
        let doc_lang = *self.doc_lang.get_or_insert_with(|| detect::detect(text));
        let doc_unknown = detect::scores(text).iter().all(|s| *s == 0);
        let mut out = Vec::new();
        for (ps, pe) in paragraphs(text) {
            let (lang, others): (Lang, &[Lang]) = match self.opts.lang {
                LangMode::Fixed(l) => (l, &[]),
                LangMode::Auto => {
                    let (lang, para_unknown) = detect::paragraph_lang(&text[ps..pe], doc_lang);
                    // No telling word at all: try the other Latin-script languages too.
                    let unknown = doc_unknown && para_unknown;
                    (lang, if unknown { &[Lang::Fr, Lang::De] } else { &[] })
                }
            };
            let before = out.len();
            let reading = Reading {
                lang,
                others,
                opts: &self.opts,
            };
            scan_paragraph(text, ps, pe, &reading, &mut out, &mut self.stats);
            let para = &mut out[before..];
            distribute_list_scales(text, para, lang);
            currency_from_sentence(text, para);
            if self.opts.prices {
                price_field(text, &mut out, before, self.opts.local_currency);
            }
        }
        out.retain(|f: &Found| self.opts.kinds.contains(f.figure.kind));
        out
    }
}

/// Where a stream may be cut so that no figure and no paragraph is split:
/// just after the last paragraph break (a blank line) in `buf` that lies at
/// or after `at_least`. `None` when there is none.
///
/// ```
/// let buf = b"one $5 bn.\n\ntwo $7 bn.\n\nthree";
/// assert_eq!(chiffre::cut_point(buf, 0), Some(24));
/// assert_eq!(chiffre::cut_point(b"no break here", 0), None);
/// ```
pub fn cut_point(buf: &[u8], at_least: usize) -> Option<usize> {
    let mut end = buf.len();
    while let Some(nl) = memchr::memrchr(b'\n', &buf[..end]) {
        if nl < at_least {
            return None;
        }
        // Is the line that ends at `nl` blank? Look back to the previous '\n'.
        let line_start = memchr::memrchr(b'\n', &buf[..nl]).map_or(0, |p| p + 1);
        let blank = buf[line_start..nl]
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r'));
        if blank && line_start > at_least {
            return Some(nl + 1);
        }
        end = nl;
    }
    None
}

/// Where to cut a stream buffer when only `buf[..limit]` may go into the
/// current piece: after the last paragraph break (no result changes), else
/// after the last line break, else after the last space that no figure
/// crosses (checked by reading 256 bytes around it), else on a UTF-8
/// character boundary. Returns 0 only when `limit` is 0.
///
/// A cut at a line break or a space keeps every figure whole, but the
/// context of a paragraph (its language, a period word on the line before)
/// is then read in two pieces; the CLI only falls back to it for lines of
/// several megabytes.
///
/// ```
/// let buf = "revenue of $5 million a year".as_bytes();
/// // Byte 16 is inside "$5 million": the cut moves before the figure.
/// assert_eq!(chiffre::cut_before(buf, 16), 11);
/// ```
pub fn cut_before(buf: &[u8], limit: usize) -> usize {
    let limit = limit.min(buf.len());
    if let Some(c) = cut_point(&buf[..limit], 0) {
        return c;
    }
    if let Some(nl) = memchr::memrchr(b'\n', &buf[..limit]) {
        return nl + 1;
    }
    let mut end = limit;
    for _ in 0..64 {
        let Some(sp) = memchr::memrchr(b' ', &buf[..end]) else {
            break;
        };
        if sp == 0 {
            break;
        }
        match straddling(buf, sp + 1) {
            None => return sp + 1,
            // Cut before the figure that crosses this space.
            Some(start) if start > 0 && start < end => end = start,
            Some(_) => break,
        }
    }
    let mut cut = limit;
    while cut > 0 && cut < buf.len() && (buf[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// The start of a figure that crosses byte `at` of `buf`, if any.
fn straddling(buf: &[u8], at: usize) -> Option<usize> {
    let mut lo = at.saturating_sub(256);
    while lo > 0 && (buf[lo] & 0xC0) == 0x80 {
        lo -= 1;
    }
    let mut hi = (at + 256).min(buf.len());
    while hi < buf.len() && (buf[hi] & 0xC0) == 0x80 {
        hi += 1;
    }
    let text = std::str::from_utf8(&buf[lo..hi]).ok()?;
    let opts = Options::default().kinds(KindSet::all());
    extract(text, &opts)
        .iter()
        .find(|f| lo + f.start < at && lo + f.end > at)
        .map(|f| lo + f.start)
}

/// Paragraph ranges: text between blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let line = &text[line_start..nl];
        if line.trim().is_empty() && line_start > start {
            out.push((start, line_start));
            start = nl + 1;
        } else if line.trim().is_empty() {
            start = nl + 1;
        }
        line_start = nl + 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn next_char(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// White space between words; an invisible format character (zero-width
/// space, bidirectional mark) counts as white space between words, never
/// inside a number (see [`format_break`]).
fn is_blank(c: char) -> bool {
    c != '\n' && (fold(c) == ' ' || is_format(c))
}

/// A real space (not a format character).
fn is_space(c: char) -> bool {
    c != '\n' && fold(c) == ' '
}

/// The start of the run of format characters that ends at `pos`.
fn format_run_before(text: &str, pos: usize) -> usize {
    let mut p = pos;
    while let Some(c) = prev_char(text, p)
        && is_format(c)
    {
        p -= c.len_utf8();
    }
    p
}

/// The end of the run of format characters that starts at `pos`.
fn format_run_after(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    pos + (rest.len() - rest.trim_start_matches(is_format).len())
}

fn digit_before(text: &str, pos: usize) -> bool {
    pos > 0 && text.as_bytes()[pos - 1].is_ascii_digit()
}

fn digit_at(text: &str, pos: usize) -> bool {
    text.as_bytes().get(pos).is_some_and(u8::is_ascii_digit)
}

/// What may stand between two digits of one number: a group or decimal
/// separator, a space, or the joiner of a date, time or fraction.
fn is_digit_sep(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '’' | ':' | '/') || is_space(c)
}

/// A sign that opens a number (not a hyphen after a word or a digit).
fn sign_before(text: &str, pos: usize) -> bool {
    prev_char(text, pos).is_some_and(|c| {
        matches!(c, '-' | '\u{2212}' | '+')
            && !prev_char(text, pos - c.len_utf8())
                .is_some_and(|p| p.is_alphanumeric() || is_joiner(p))
    })
}

/// A decimal point that may open a number (".5", ",5").
fn point_before(text: &str, pos: usize) -> bool {
    prev_char(text, pos).is_some_and(|c| c == '.' || c == ',')
}

/// The figure read at `start..end` is one part of a number split by a space
/// the language does not group with, and so no figure (neither part): a
/// group with a leading zero ("000", "050") after one to three digits and
/// one space that did not join them. "1 000 dollars" in English, which does
/// not group with a plain space, is neither 1 nor 0 dollars ("423 0000"
/// stays two numbers: four digits are no group).
fn zero_group_split(text: &str, start: usize, end: usize) -> bool {
    for (a, i) in digit_runs(text.as_bytes(), start, end) {
        // The "000" alone, and the "1" before it.
        if a == start
            && let Some(c) = prev_char(text, a)
            && is_space(c)
            && zero_group(text, a)
            && group_head_before(text, a - c.len_utf8())
        {
            return true;
        }
        if i >= end
            && let Some(c) = next_char(text, i)
            && is_space(c)
            && group_head_before(text, i)
            && zero_group(text, i + c.len_utf8())
        {
            return true;
        }
    }
    false
}

/// The runs of ASCII digits that start in `start..end`, as (first byte,
/// byte past the last); a run may go on past `end`.
fn digit_runs(b: &[u8], start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = start;
    std::iter::from_fn(move || {
        while i < end && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let a = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        Some((a, i))
    })
}

/// Where an invisible format character (Unicode Cf: soft hyphen, zero-width
/// space or joiner, bidirectional mark, word joiner, BOM…) cuts a number of
/// the figure at `start..end`: between two digits, between a digit and a
/// separator ("1\u{200b}000", "1,\u{ad}000", "1\u{200b}.5"), between a sign
/// and the number ("-\u{200b}5", "-\u{200b}$5"), or anywhere in the digit
/// groups that continue the number beyond what was read ("100 0\u{ad}00 €").
/// The same character between a currency and the digits, or between the
/// number and its scale or unit, is white space ("$\u{200b}5 million" is $5
/// million) and no cut. Returns the offset of the first format character of
/// the cut.
pub(crate) fn format_break(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Before the figure: "1\u{200b}$5", "-\u{200b}$5".
    let p = format_run_before(text, start);
    if p < start && (digit_before(text, p) || sign_before(text, p)) {
        return Some(p);
    }
    for (a, i) in digit_runs(b, start, end) {
        let p = format_run_before(text, a);
        if p < a && (sign_before(text, p) || point_before(text, p)) {
            // "-\u{200b}5", ".\u{200b}5"
            return Some(p);
        }
        // The digit groups joined to this run, both ways (a few groups at
        // most: no number has more).
        let mut z = i;
        for _ in 0..MAX_WALK {
            let Some((next, cut)) = connector_after(text, z) else {
                break;
            };
            if cut.is_some() {
                return cut;
            }
            let run = b[next..]
                .iter()
                .take(MAX_RUN)
                .take_while(|d| d.is_ascii_digit())
                .count();
            if run == MAX_RUN {
                break;
            }
            z = next + run;
        }
        let mut a = a;
        for _ in 0..MAX_WALK {
            let Some((prev, cut)) = connector_before(text, a) else {
                break;
            };
            if cut.is_some() {
                return cut;
            }
            let run = b[..prev]
                .iter()
                .rev()
                .take(MAX_RUN)
                .take_while(|d| d.is_ascii_digit())
                .count();
            if run == MAX_RUN {
                break;
            }
            a = prev - run;
        }
    }
    None
}

/// The figure that ends at `end` is joined to a number cut by an invisible
/// character, which may be its range end or the list item that carries its
/// scale and currency ("$5–1\u{200b}0 million", "$5, $7 and $1\u{200b}0
/// billion"): what lies between is only what joins the parts of a figure
/// (see [`joining_gap`]). Up to four numbers are followed.
fn joined_to_cut(cx: &Cx<'_>, text: &str, end: usize, pe: usize) -> bool {
    joined_to(cx, text, end, pe, |p| {
        format_break(text, p, p + 1).is_some()
    })
}

/// Whether the figure that ends at `end` is joined (see [`joining_gap`],
/// through up to four numbers) to a number whose first digit at `p`
/// satisfies `bad`. Only looked for when a format character is near.
fn joined_to(cx: &Cx<'_>, text: &str, end: usize, pe: usize, bad: impl Fn(usize) -> bool) -> bool {
    // Cheap first: no format character in the next bytes, nothing to find.
    let mut w = (end + 160).min(pe);
    while !text.is_char_boundary(w) {
        w -= 1;
    }
    if find_format(&text[end..w.max(end)]).is_none() {
        return false;
    }
    let mut pos = end;
    for _ in 0..4 {
        let Some((p, _)) = joining_gap(cx, text, pos, pe) else {
            return false;
        };
        if bad(p) {
            return true;
        }
        pos = number_blob_end(text, p, pe);
    }
    false
}

/// Where to go on after a number cut at `end`: past the rest of the cut
/// number and, when a range separator joins it to another number, past the
/// figure read there ("$1.\u{200b}2 billion to $1.5 billion": the upper end
/// alone is not the figure written).
fn past_cut(cx: &Cx<'_>, text: &str, end: usize, pe: usize, lang: Lang) -> usize {
    let mut e = end;
    let mut last_run = None;
    while e < pe
        && let Some(c) = next_char(text, e)
        && (c.is_ascii_digit() || is_format(c) || matches!(c, ',' | '.' | '\''))
    {
        if c.is_ascii_digit() && !digit_before(text, e) {
            last_run = Some(e);
        }
        e += c.len_utf8();
    }
    // What its last digits would have carried ("1\u{200b}0 pour cent").
    if let Some(r) = last_run
        && let Ok(raw) = parse_raw(text, r, lang)
    {
        e = e.max(raw.end.min(pe));
    }
    match joining_gap(cx, text, e, pe) {
        Some((p, true)) => parse_raw(text, p, lang).map_or(p + 1, |r| r.end.min(pe)),
        _ => e,
    }
}

/// The start of the digits after `pos` when all between is what joins the
/// parts of one figure: blanks, dashes, commas, and words such as range
/// separators, "and", scale, currency and unit words, qualifiers (six at
/// most). The flag tells whether a range separator (or "and") was among
/// them.
fn joining_gap(cx: &Cx<'_>, text: &str, pos: usize, pe: usize) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    let (mut p, mut words, mut range) = (pos, 0, false);
    while p < pe && !b[p].is_ascii_digit() {
        let c = next_char(text, p)?;
        if is_blank(c) || c == ',' {
            p += c.len_utf8();
            continue;
        }
        if matches!(c, '-' | '–' | '—' | '\u{2010}' | '\u{2011}') {
            range = true;
            p += c.len_utf8();
            continue;
        }
        words += 1;
        if words > 6 {
            return None;
        }
        let joins = |w: Word| match w {
            Word::RangeSep { .. } | Word::RangeOpen | Word::NumAnd => Some(true),
            Word::Linker
            | Word::Scale(..)
            | Word::Cur(_)
            | Word::CurBefore(_)
            | Word::CurGuess(_)
            | Word::CurGuessBefore(_)
            | Word::CurScale(..)
            | Word::CurNone
            | Word::Unit(_)
            | Word::Percent
            | Word::PercentPoint
            | Word::Qual(_) => Some(false),
            _ => None,
        };
        p = match cx.lx.find(text, p, joins) {
            Some((r, e)) if e > p => {
                range |= r;
                e
            }
            _ => code_at(text, p)?.end,
        };
    }
    (p < pe && p > pos).then_some((p, range))
}

/// The end of the digits and separators of the number at `p`.
fn number_blob_end(text: &str, p: usize, pe: usize) -> usize {
    let b = text.as_bytes();
    let mut q = p;
    while q < pe && q - p < MAX_RUN {
        match b[q] {
            b'0'..=b'9' => q += 1,
            b',' | b'.' | b'\'' if digit_at(text, q + 1) => q += 1,
            _ => break,
        }
    }
    q.max(p + 1)
}

/// How many digit groups `format_break` follows from a run, each way.
const MAX_WALK: usize = 8;
/// A digit run this long is no group of a number.
const MAX_RUN: usize = 48;

/// What joins the digit run that ends at `z` to the next digits of the same
/// number: format characters, a separator, or a separator with format
/// characters around it. Returns where the next digits start and, when a
/// format character is part of the join, its offset.
fn connector_after(text: &str, z: usize) -> Option<(usize, Option<usize>)> {
    let q = format_run_after(text, z);
    if q > z && digit_at(text, q) {
        return Some((q, Some(z)));
    }
    let s = next_char(text, q).filter(|&s| is_digit_sep(s))?;
    let r = format_run_after(text, q + s.len_utf8());
    if !digit_at(text, r) {
        return None;
    }
    let cut = if q > z {
        Some(z)
    } else if r > q + s.len_utf8() {
        Some(q + s.len_utf8())
    } else {
        None
    };
    Some((r, cut))
}

/// The mirror of [`connector_after`] for the run that starts at `a`: where
/// the previous digits end, and the offset of a format character of the join.
fn connector_before(text: &str, a: usize) -> Option<(usize, Option<usize>)> {
    let p = format_run_before(text, a);
    if p < a && digit_before(text, p) {
        return Some((p, Some(p)));
    }
    let s = prev_char(text, p).filter(|&s| is_digit_sep(s))?;
    let q = format_run_before(text, p - s.len_utf8());
    if !digit_before(text, q) {
        return None;
    }
    let cut = if q < p - s.len_utf8() {
        Some(q)
    } else if p < a {
        Some(p)
    } else {
        None
    };
    Some((q, cut))
}

/// Three digits at `at`, the first a zero, and no fourth: a thousands group
/// that cannot stand alone ("000", "050").
fn zero_group(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    b.get(at) == Some(&b'0')
        && digit_at(text, at + 1)
        && digit_at(text, at + 2)
        && !digit_at(text, at + 3)
}

/// One to three digits end at `end`: they may head a thousands grouping
/// ("1", "423"; not "2019").
fn group_head_before(text: &str, end: usize) -> bool {
    let b = &text.as_bytes()[..end];
    let n = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&n)
}

/// Chars that join digit groups in dates, times, versions and phones.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/' | '-' | '\u{2010}' | '\u{2011}')
}

/// Skips a run of digits and joiners (a date, version, phone...).
fn skip_blob(text: &str, pos: usize) -> usize {
    let mut end = pos;
    for (i, c) in text[pos..].char_indices() {
        if c.is_ascii_digit() || is_joiner(c) || c.is_alphanumeric() {
            end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    end.max(pos + next_char(text, pos).map_or(1, char::len_utf8))
}

/// How a paragraph is read: its language, and the other languages to try
/// when no word tells which it is ("2 390 €" alone).
struct Reading<'a> {
    lang: Lang,
    others: &'a [Lang],
    opts: &'a Options,
}

fn scan_paragraph(
    text: &str,
    ps: usize,
    pe: usize,
    r: &Reading<'_>,
    out: &mut Vec<Found>,
    stats: &mut Stats,
) {
    let lang = r.lang;
    // Invisible format characters are rare: without any, their rules are
    // not looked for.
    let formats = find_format(&text[ps..pe]).is_some();
    let cx = Cx {
        local: r.opts.local_currency,
        formats,
        ..Cx::new(text, lang)
    };
    stats.bytes += (pe - ps) as u64;
    let mut pos = ps;
    let mut floor = ps;
    let mut money_floor = ps;
    let mut digit_cache = None;
    let mut format_cache = (!formats).then_some(None);
    let reversed = reversed_spans(text, ps, pe);
    while pos < pe {
        let Some(anchor) = next_anchor(&cx, text, pos, pe, &mut digit_cache, &mut format_cache)
        else {
            break;
        };
        stats.anchors += 1;
        let mut step = figure_at(&cx, text, anchor, floor, pe, lang);
        if !r.others.is_empty() {
            step = best_reading(step, r, text, anchor, floor, pe, formats);
        }
        let in_reversed = |a0: usize, b0: usize| reversed.iter().any(|&(a, b)| a < b0 && a0 < b);
        if let Step::Found(f) = &step
            && !reversed.is_empty()
            && (in_reversed(f.start, f.end)
                || joined_to(&cx, text, f.end, pe, |p| {
                    let e = parse_raw(text, p, lang).map_or(p + 1, |r| r.end);
                    in_reversed(p, e)
                }))
        {
            // Shown right to left ("\u{202e}0001 $" displays as "$ 1000"):
            // what the reader sees is not what is written; nor is the figure
            // whose range end or list scale is shown so.
            step = Step::Skip(f.end);
        }
        match step {
            Step::Found(mut f) => {
                pos = f.end.max(anchor + 1);
                let prev_end = out
                    .last()
                    .filter(|p| p.end <= f.start && p.start >= ps)
                    .map(|p| p.end);
                change_target(&cx, text, prev_end, &mut f);
                during(&cx, text, &mut f);
                enrich(&cx, text, f.start, (floor, money_floor), &mut f.figure);
                floor = f.end;
                if f.figure.kind == Kind::Money {
                    money_floor = f.end;
                }
                out.push(f);
            }
            Step::Skip(to) => pos = to.max(anchor + 1),
        }
        while pos < pe && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    stats.parses += cx.parses.get();
}

/// The spans of `text[ps..pe]` under a right-to-left override (U+202E, up
/// to its U+202C, a line end or the end of the paragraph), where digits are
/// displayed in reverse order: no figure is read there. Embeddings and
/// isolates opened inside an override end it until they are closed.
pub(crate) fn reversed_spans(text: &str, ps: usize, pe: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let para = &text[ps..pe];
    if !para.contains('\u{202e}') {
        return out;
    }
    // The open embeddings, overrides and isolates; `true` for an isolate.
    let mut stack: Vec<(char, bool)> = Vec::new();
    let mut from: Option<usize> = None;
    for (i, c) in para.char_indices() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => stack.push((c, false)),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => stack.push((c, true)),
            '\u{202c}' if stack.last().is_some_and(|&(_, iso)| !iso) => {
                stack.pop();
            }
            '\u{2069}' if stack.iter().any(|&(_, iso)| iso) => {
                // Closes the last isolate and everything opened inside it.
                while let Some((_, iso)) = stack.pop() {
                    if iso {
                        break;
                    }
                }
            }
            '\n' | '\r' | '\u{2029}' => stack.clear(),
            _ => {}
        }
        let inside = stack.last().is_some_and(|&(o, _)| o == '\u{202e}');
        match (inside, from) {
            (true, None) => from = Some(ps + i),
            (false, Some(f)) => {
                out.push((f, ps + i));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, pe));
    }
    out
}

/// "выросла на 7 п.п., до 41%", "замедлилась до 9,4%": after a change
/// figure and a comma, or right after a verb of change, a word that is both
/// "up to" and the "to" of a range ("до") starts the new level, not a
/// maximum. The figure then starts after that word.
fn change_target(cx: &Cx<'_>, text: &str, prev_end: Option<usize>, f: &mut Found) {
    if f.figure.qualifier != Qualifier::AtMost {
        return;
    }
    let after_change = prev_end.is_some_and(|e| text[e..f.start].trim_matches(is_blank) == ",");
    let after_verb = || {
        prev_word_start(text, f.start).is_some_and(|ws| {
            cx.lx
                .find(text, ws, |w| (w == Word::ChangeVerb).then_some(()))
                .is_some_and(|((), e)| text[e..f.start].chars().all(is_blank))
        })
    };
    if !after_change && !after_verb() {
        return;
    }
    let Some(((), word_end)) = cx.lx.find(text, f.start, |w| {
        matches!(w, Word::RangeSep { .. }).then_some(())
    }) else {
        return;
    };
    drop_qualifier_word(text, word_end, f, Rule::ChangeTarget, "at most (up to)");
}

/// The figure loses the qualifier word that ends at `word_end`: it starts
/// after it and is exact; the qualified reading becomes an alternative.
fn drop_qualifier_word(text: &str, word_end: usize, f: &mut Found, rule: Rule, reading: &str) {
    let start = skip_blanks(text, word_end);
    if start >= f.end {
        return;
    }
    f.start = start;
    f.figure.qualifier = Qualifier::Exact;
    f.figure.alternatives.push(Alternative {
        rule,
        reading: reading.to_string(),
    });
}

/// "paid over six years", "ein Vertrag über zwölf Jahre": a qualifier that
/// is also a preposition of time, before a duration, means "during": the
/// figure starts after it and is exact ("more than" is the alternative).
fn during(cx: &Cx<'_>, text: &str, f: &mut Found) {
    if f.figure.kind != Kind::Duration || f.figure.qualifier != Qualifier::Over {
        return;
    }
    let Some(((), word_end)) = cx
        .lx
        .find(text, f.start, |w| (w == Word::During).then_some(()))
    else {
        return;
    };
    // "over thirty years old", "over 20 years ago": more than.
    let next = skip_blanks(text, f.end);
    if cx
        .lx
        .find(text, next, |w| {
            matches!(w, Word::Age | Word::Ago).then_some(())
        })
        .is_some()
    {
        return;
    }
    drop_qualifier_word(text, word_end, f, Rule::DuringNotOver, "more than");
}

/// Text in no known language: read the figure in every candidate language
/// and keep the longest reading; between readings of the same span, a lone
/// separator before three digits groups thousands unless a scale word
/// follows (the rule of `parse` with no language).
fn best_reading(
    first: Step,
    r: &Reading<'_>,
    text: &str,
    anchor: usize,
    floor: usize,
    pe: usize,
    formats: bool,
) -> Step {
    // Another language can only read more, or differently, where a
    // separator touches the digits: a lone separator inside the figure, or
    // one followed by three digits after it.
    if let Step::Found(f) = &first {
        let rest = &text[f.end..];
        let sep_len = rest
            .chars()
            .next()
            .filter(|c| c.is_whitespace() || matches!(c, '.' | ',' | '\'' | '’'))
            .map_or(0, char::len_utf8);
        let after = rest.as_bytes();
        let more = sep_len > 0
            && after.len() >= sep_len + 3
            && after[sep_len..sep_len + 3].iter().all(u8::is_ascii_digit);
        if f.figure.lone_group.is_none() && !more {
            return first;
        }
    }
    let mut best = first;
    for &l in r.others {
        let cx = Cx {
            local: r.opts.local_currency,
            formats,
            ..Cx::new(text, l)
        };
        let step = figure_at(&cx, text, anchor, floor, pe, l);
        let better = match (&best, &step) {
            (Step::Found(a), Step::Found(b)) => {
                let (la, lb) = (a.end - a.start, b.end - b.start);
                let rule = |f: &Found| crate::parse::follows_no_language_rule(&f.figure);
                lb > la || (lb == la && a.figure.lone_group.is_some() && !rule(a) && rule(b))
            }
            (Step::Skip(_), Step::Found(_)) => true,
            _ => false,
        };
        if better {
            best = step;
        }
    }
    best
}

/// The next digit or number-word start at or after `pos`.
/// `digit`: the next digit found by an earlier call, if it is still ahead
/// (so that a paragraph with few digits is scanned for them once).
fn next_anchor(
    cx: &Cx<'_>,
    text: &str,
    pos: usize,
    pe: usize,
    digit_cache: &mut Option<Option<usize>>,
    format_cache: &mut Option<Option<usize>>,
) -> Option<usize> {
    let digit = match *digit_cache {
        Some(d) if d.is_none_or(|d| d >= pos) => d,
        _ => {
            let d = find_digit(&text.as_bytes()[..pe], pos);
            *digit_cache = Some(d);
            d
        }
    };
    let limit = digit.unwrap_or(pe);
    let cut_word = next_cut_number_word(cx, text, pos, limit, pe, format_cache);
    let limit = cut_word.unwrap_or(limit);
    // Number words before the digit, found by the prefilter and confirmed
    // by the word grammar.
    let mut from = pos;
    while from < limit {
        let Some(at) = cx.lx.next_number_word(text, from, limit) else {
            break;
        };
        if words::words(cx.lx, text, at, cx.t.compound_numbers).is_some() {
            return Some(at);
        }
        // Not a number here: nor anywhere inside the same hyphenated word
        // ("quatre-vingt-dix seconde" is an ordinal, its "vingt" is not 20).
        from = compound_end(text, at);
    }
    cut_word.or(digit)
}

/// The start of the next word in `pos..limit` that has an invisible format
/// character inside ("soix\u{ad}ante", "t\u{200b}wenty") and starts a
/// spelled number: the prefilter cannot see such words. `cache`: the next
/// in-word format character found by an earlier call.
fn next_cut_number_word(
    cx: &Cx<'_>,
    text: &str,
    mut pos: usize,
    limit: usize,
    pe: usize,
    cache: &mut Option<Option<usize>>,
) -> Option<usize> {
    loop {
        let f = match *cache {
            Some(f) if f.is_none_or(|f| f >= pos) => f,
            _ => {
                let f = next_format_in_word(text, pos, pe);
                *cache = Some(f);
                f
            }
        };
        let f = f.filter(|&f| f < limit)?;
        let mut ws = f;
        while let Some(c) = prev_char(text, ws)
            && (is_word_char(c) || is_format(c))
        {
            ws -= c.len_utf8();
        }
        let ws = format_run_after(text, ws);
        if ws >= pos && words::words(cx.lx, text, ws, cx.t.compound_numbers).is_some() {
            return Some(ws);
        }
        // Not a number: look after this word.
        let mut we = f;
        while let Some(c) = next_char(text, we)
            && (is_word_char(c) || is_format(c))
        {
            we += c.len_utf8();
        }
        pos = we.max(f + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        *cache = None;
    }
}

/// The next format character in `from..pe` that stands between two letters.
fn next_format_in_word(text: &str, mut from: usize, pe: usize) -> Option<usize> {
    loop {
        let i = from + find_format(&text[from..pe])?;
        let before = prev_char(text, format_run_before(text, i));
        let after = format_run_after(text, i);
        if before.is_some_and(is_letter) && next_char(text, after).is_some_and(is_letter) {
            return Some(i);
        }
        from = after.min(pe);
    }
}

/// The first ASCII digit in `bytes[from..]`, eight bytes at a time.
fn find_digit(bytes: &[u8], from: usize) -> Option<usize> {
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

enum Step {
    Found(Found),
    Skip(usize),
}

/// Tries to read a figure that covers `anchor`.
fn figure_at(cx: &Cx<'_>, text: &str, anchor: usize, floor: usize, pe: usize, lang: Lang) -> Step {
    let step = figure_in(cx, text, anchor, floor, pe, lang);
    // A figure written in another script than the paragraph's ("290 млн
    // долларов" quoted in English text): read it with that script's language.
    let weak = match &step {
        Step::Found(f) => f.figure.kind == Kind::Number,
        Step::Skip(_) => true,
    };
    if weak
        && let Some(script) = script_after(text, anchor, pe)
        && script != cx.t.script
        && let Some(other) = Lang::ALL.into_iter().find(|l| l.table().script == script)
    {
        let cx2 = Cx {
            local: cx.local,
            formats: cx.formats,
            ..Cx::new(text, other)
        };
        if let Step::Found(f) = figure_in(&cx2, text, anchor, floor, pe, other)
            && f.figure.kind != Kind::Number
        {
            return Step::Found(f);
        }
    }
    step
}

/// The script of the first letter after the number at `anchor`.
fn script_after(text: &str, anchor: usize, pe: usize) -> Option<Script> {
    text[anchor..pe]
        .chars()
        .take(24)
        .filter(|c| c.is_alphabetic())
        .find_map(Script::of)
}

fn figure_in(cx: &Cx<'_>, text: &str, anchor: usize, floor: usize, pe: usize, lang: Lang) -> Step {
    let blob_end = || Step::Skip(skip_blob(text, anchor));
    let is_digit = text.as_bytes()[anchor].is_ascii_digit();
    if let Some(end) = in_url(text, anchor, pe) {
        // "https://…?q=30%25": digits of an address.
        return Step::Skip(end);
    }
    if is_digit && cx.formats && format_break(text, anchor, anchor + 1).is_some() {
        // The digits of a number cut by an invisible character: skip what
        // would have been read from them ("1,\u{200b}5 миллиарда рублей").
        let read = parse_raw(text, anchor, lang).map_or(anchor, |r| r.end.min(pe));
        let end = read.max(skip_blob(text, anchor));
        return Step::Skip(past_cut(cx, text, end, pe, lang).max(end));
    }
    if is_digit {
        // What touches the digits, through invisible characters ("H\u{200b}100").
        let left = format_run_before(text, anchor);
        match prev_char(text, left) {
            // "H100", "Q1", "FY2025" — unless the letters are a currency code.
            Some(c) if c.is_alphabetic() => {
                let ws = word_start(text, left);
                let code = code_at(text, ws).is_some_and(|c| c.end == left && !c.wordlike)
                    || cx
                        .lx
                        .find(text, ws, |w| matches!(w, Word::CurBefore(_)).then_some(()))
                        .is_some_and(|(_, e)| e == left);
                if !code {
                    return blob_end();
                }
            }
            // "GPT-4", "COVID-19"
            Some(h)
                if matches!(h, '-' | '\u{2010}' | '\u{2011}')
                    && prev_char(text, format_run_before(text, left - h.len_utf8()))
                        .is_some_and(char::is_alphanumeric) =>
            {
                return blob_end();
            }
            Some('#') | Some('_') | Some('@') => return blob_end(),
            // Part of a digit blob already rejected ("7/7/2025").
            Some(c)
                if is_joiner(c)
                    && prev_char(text, format_run_before(text, left - c.len_utf8()))
                        .is_some_and(|d| d.is_ascii_digit()) =>
            {
                return blob_end();
            }
            _ => {}
        }
        if looks_like_phone(text, anchor) {
            return Step::Skip(skip_phone(text, anchor));
        }
    }
    let starts = left_starts(cx, text, anchor, floor);
    for &s in starts.iter() {
        cx.parses.set(cx.parses.get() + 1);
        let Ok(raw) = parse_raw(text, s, lang) else {
            continue;
        };
        if raw.end <= anchor || raw.end > pe {
            continue;
        }
        if cx.formats && format_break(text, raw.start, raw.end).is_some() {
            // Part of a number cut by an invisible character: no figure.
            return Step::Skip(past_cut(cx, text, raw.end, pe, lang).max(raw.end));
        }
        if zero_group_split(text, raw.start, raw.end)
            || cx.formats && joined_to_cut(cx, text, raw.end, pe)
        {
            // A "000" split off by a space, or a figure joined to a number
            // cut by an invisible character: no figure.
            return Step::Skip(raw.end);
        }
        // Digit groups that continue past the figure: a date, time, version.
        let tail = &text[raw.end..];
        let mut tc = tail.chars();
        if let (Some(j), Some(d)) = (tc.next(), tc.next())
            && is_joiner(j)
            && d.is_ascii_digit()
            && text[..raw.end].ends_with(|c: char| c.is_ascii_digit())
        {
            return blob_end();
        }
        // An age: "45-year-old".
        if let Some(h) = next_char(text, raw.end)
            && matches!(h, '-' | '\u{2010}' | '\u{2011}')
            && cx
                .lx
                .find(text, raw.end + h.len_utf8(), |w| {
                    (w == Word::OrdinalSuffix).then_some(())
                })
                .is_some()
        {
            return blob_end();
        }
        let Ok(figure) = resolve(&raw, lang, cx.local) else {
            return blob_end();
        };
        if rejected(cx, text, raw.start, raw.end, &figure) {
            return Step::Skip(raw.end);
        }
        return Step::Found(Found {
            start: raw.start,
            end: raw.end,
            figure,
        });
    }
    if is_digit {
        blob_end()
    } else {
        Step::Skip(word_end(text, anchor))
    }
}

/// When `pos` is inside a URL or an e-mail address (a token with "://",
/// "www." or "@"), the end of that token.
fn in_url(text: &str, pos: usize, pe: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let lo = pos.saturating_sub(300);
    let start = bytes[lo..pos]
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(lo, |i| lo + i + 1);
    let token = &bytes[start..pos];
    let url = token.windows(3).any(|w| w == b"://")
        || token.starts_with(b"www.")
        || token.contains(&b'@');
    if !url {
        return None;
    }
    let end = bytes[pos..pe]
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(pe, |i| pos + i);
    let mut end = end.max(pos + 1);
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    Some(end)
}

fn word_start(text: &str, pos: usize) -> usize {
    let mut s = pos;
    while let Some(c) = prev_char(text, s) {
        if !c.is_alphabetic() {
            break;
        }
        s -= c.len_utf8();
    }
    s
}

fn word_end(text: &str, pos: usize) -> usize {
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
fn compound_end(text: &str, pos: usize) -> usize {
    let mut e = word_end(text, pos);
    while let Some(h) = next_char(text, e)
        && matches!(h, '-' | '\u{2010}' | '\u{2011}')
        && next_char(text, e + h.len_utf8()).is_some_and(is_word_char)
    {
        e = word_end(text, e + h.len_utf8());
    }
    e
}

/// "+1 555 123 4567", "+33 1 23 45 67 89", seven or more digits after a
/// leading zero ("0612345678"), and digits after a leading zero glued to a
/// letter (a bond series "001Р"): a phone number or an identifier, not a
/// figure.
fn looks_like_phone(text: &str, anchor: usize) -> bool {
    let b = text.as_bytes();
    if b.get(anchor) == Some(&b'0') && b.get(anchor + 1).is_some_and(u8::is_ascii_digit) {
        let n = b[anchor..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        return n >= 7
            || next_char(text, format_run_after(text, anchor + n))
                .is_some_and(char::is_alphabetic);
    }
    if prev_char(text, anchor) != Some('+') {
        return false;
    }
    let digits = text[anchor..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .filter(char::is_ascii_digit)
        .count();
    digits >= 7
}

fn skip_phone(text: &str, anchor: usize) -> usize {
    anchor
        + text[anchor..]
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
            .map_or(text.len() - anchor, |(i, _)| i)
}

/// Earlier starts that may belong to the figure at `anchor`, earliest
/// first, then `anchor` itself.
fn left_starts(cx: &Cx<'_>, text: &str, anchor: usize, floor: usize) -> Vec<usize> {
    let mut starts = vec![anchor];
    let mut cur = anchor;
    // ".75 €": a decimal point that opens the number.
    if let Some(p) = prev_char(text, anchor)
        && matches!(p, '.' | ',')
        && anchor > floor
        && !prev_char(text, anchor - 1).is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        cur = anchor - 1;
        starts.push(cur);
    }
    for _ in 0..4 {
        // A sign glued to the number or currency.
        if let Some(c) = prev_char(text, cur)
            && matches!(c, '-' | '\u{2212}' | '+')
            && cur - c.len_utf8() >= floor
            && !prev_char(text, cur - c.len_utf8())
                .is_some_and(|p| p.is_alphanumeric() || is_joiner(p))
        {
            cur -= c.len_utf8();
            starts.push(cur);
            continue;
        }
        let mut b = cur;
        let mut newline = false;
        while let Some(c) = prev_char(text, b) {
            if b <= floor {
                break;
            }
            if is_blank(c) || (c == '\n' && !newline) || c == '\r' {
                newline |= c == '\n';
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        match prefix_ending_at(cx, text, b, cur, floor) {
            Some(s) => {
                cur = s;
                starts.push(s);
            }
            None => break,
        }
    }
    starts.reverse();
    starts
}

/// The earliest start of a prefix word (qualifier, range opener, currency,
/// minus word) that ends at `b`, with only blanks up to `cur`.
fn prefix_ending_at(cx: &Cx<'_>, text: &str, b: usize, cur: usize, floor: usize) -> Option<usize> {
    let mut best: Option<usize> = None;
    cx.lx.prefixes_ending_at(text, b, |s, w| {
        if s < floor {
            return;
        }
        let first = text[s..].chars().next().unwrap_or(' ');
        // Through invisible characters: "ma\u{200b}rs 2026" has no "rs".
        let before = prev_char(text, format_run_before(text, s));
        // A word must start a word; a symbol qualifier ("~", ">") must stand
        // apart: "<b>$9" is markup.
        let ok = if is_word_char(first) {
            !before.is_some_and(is_word_char)
        } else if matches!(w, Word::Qual(_)) {
            before.is_none_or(|p| is_blank(p) || matches!(p, '\n' | '(' | '['))
        } else {
            true
        };
        if ok {
            best = Some(best.map_or(s, |x| x.min(s)));
        }
    });
    // A currency code ("USD 300", "GBP3.01", "MUSD", "CAD$").
    for back in 3..=5 {
        if let Some(s) = b.checked_sub(back)
            && s >= floor
            && text.is_char_boundary(s)
            && code_at(text, s).is_some_and(|c| !c.wordlike && (c.end == b || c.end == cur))
        {
            best = Some(best.map_or(s, |x| x.min(s)));
        }
    }
    best
}

/// Rules that reject a parsed figure (see the module docs).
fn rejected(cx: &Cx<'_>, text: &str, start: usize, end: usize, f: &Figure) -> bool {
    let bare = matches!(f.kind, Kind::Number | Kind::Count);
    // A year read as a duration: "2025 года".
    if f.kind == Kind::Duration
        && f.value
            .exact()
            .is_some_and(|v| v.is_integer() && v >= 1000.into() && v <= 2100.into())
        && f.scale.is_none()
    {
        return true;
    }
    if !bare && f.kind != Kind::Duration {
        return false;
    }
    // A year: four digits between 1800 and 2100, alone or in a year range.
    if f.kind == Kind::Number && is_year_span(&text[start..end]) {
        return true;
    }
    // Next to a month name: a date.
    let after = skip_blanks(text, end);
    let after = if next_char(text, after) == Some('.') {
        skip_blanks(text, after + 1)
    } else {
        after
    };
    if cx
        .lx
        .find(text, after, |w| (w == Word::Month).then_some(()))
        .is_some()
        && f.kind != Kind::Duration
    {
        return true;
    }
    if let Some(ws) = prev_word_start(text, start) {
        // "l'article 3": also look after an elided article.
        let elided = text[ws..start]
            .find(['\'', '’'])
            .map(|i| ws + i + text[ws + i..].chars().next().map_or(1, char::len_utf8))
            .map(|p| format_run_after(text, p));
        for ws in std::iter::once(ws).chain(elided) {
            // A reference word before a duration is a duration's neighbour
            // ("$290 million a year over 6 years"), not its reference.
            if let Some(((), e)) = cx.lx.find(text, ws, |w| {
                (w == Word::Month || bare && w == Word::Reference).then_some(())
            }) && text
                .get(e..start)
                .is_some_and(|gap| gap.chars().all(|c| is_blank(c) || c == '.' || c == '°'))
            {
                return true;
            }
        }
    }
    // "the one", "which one", "the first one": a pronoun, not the number 1.
    if f.kind == Kind::Number
        && f.value.exact() == Some(rust_decimal::Decimal::ONE)
        && text[start..].starts_with(char::is_alphabetic)
        && let Some(ws) = prev_word_start(text, start)
        && let Some(((), e)) = cx.lx.find(text, ws, |w| {
            matches!(w, Word::Determiner | Word::Ordinal).then_some(())
        })
        && text
            .get(e..start)
            .is_some_and(|gap| gap.chars().all(is_blank))
    {
        return true;
    }
    // A footnote marker: "[1]".
    if prev_char(text, format_run_before(text, start)) == Some('[')
        && next_char(text, format_run_after(text, end)) == Some(']')
    {
        return true;
    }
    false
}

/// "2025", "2024-2025", "2024–25": years, not figures.
fn is_year_span(span: &str) -> bool {
    let mut groups = span.split(['-', '–', '—', '/']).map(str::trim);
    let Some(first) = groups.next() else {
        return false;
    };
    let year = |g: &str| {
        g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()) && ("1800"..="2100").contains(&g)
    };
    year(first)
        && groups.all(|g| year(g) || (g.len() == 2 && g.bytes().all(|b| b.is_ascii_digit())))
}

fn skip_blanks(text: &str, pos: usize) -> usize {
    pos + text[pos..]
        .chars()
        .take_while(|c| is_blank(*c))
        .map(char::len_utf8)
        .sum::<usize>()
}

/// The start of the word before `pos` (skipping blanks).
fn prev_word_start(text: &str, pos: usize) -> Option<usize> {
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

/// The starts of the words before `pos`, nearest first, staying in the
/// sentence and after `floor`.
struct WordsBack<'t> {
    text: &'t str,
    pos: usize,
    floor: usize,
}

impl Iterator for WordsBack<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let text = self.text;
        let mut i = self.pos;
        // Skip separators; stop at a sentence end.
        while let Some(c) = prev_char(text, i) {
            if i <= self.floor || is_word_char(c) {
                break;
            }
            if matches!(c, '!' | '?' | ';' | '\n')
                || (c == '.' && next_char(text, i).is_some_and(char::is_whitespace))
            {
                return None;
            }
            i -= c.len_utf8();
        }
        if i <= self.floor {
            return None;
        }
        let end = i;
        while let Some(c) = prev_char(text, i) {
            let in_word = is_word_char(c) || is_format(c) || matches!(c, '-' | '\'' | '’');
            if i <= self.floor || !in_word {
                break;
            }
            i -= c.len_utf8();
        }
        // A word starts at its first visible character.
        let i = format_run_after(text, i).min(end);
        if i == end {
            return None;
        }
        self.pos = i;
        Some(i)
    }
}

/// Context fields: loss polarity, period adjectives, qualifying verbs.
/// `floors`: the end of the previous figure, and of the previous money
/// figure (a period adjective skips over a percentage to its money figure).
fn enrich(cx: &Cx<'_>, text: &str, start: usize, floors: (usize, usize), f: &mut Figure) {
    if f.kind == Kind::Number {
        return;
    }
    let money = f.kind == Kind::Money;
    let (prev_end, money_floor) = floors;
    let (mut want_loss, mut want_period, mut want_verb) = (
        money,
        money && f.period.is_none(),
        f.qualifier == Qualifier::Exact,
    );
    let back = WordsBack {
        text,
        pos: start,
        floor: if money { money_floor } else { prev_end },
    };
    for (n, ws) in back.take(24).enumerate() {
        if !(want_loss || want_period || want_verb) {
            break;
        }
        let near = ws >= prev_end;
        let Some(c) = text[ws..].chars().next() else {
            break;
        };
        if !cx.lx.may_start(c) {
            continue;
        }
        let hits = cx.lx.hits_at(text, ws);
        let mut total = false;
        for w in hits.iter(text).flat_map(|h| h.into_words()) {
            match w {
                Word::Loss if want_loss && near && n < 6 => {
                    f.polarity = Polarity::Loss;
                    f.inferred.push("polarity");
                    want_loss = false;
                }
                Word::PeriodAdj(p) if want_period => {
                    f.period = Some(p);
                    f.inferred.push("period");
                    want_period = false;
                }
                Word::QualVerb(q) if want_verb && near && n < 2 => {
                    f.qualifier = q;
                    f.inferred.push("qualifier");
                    want_verb = false;
                }
                Word::Total => total = true,
                _ => {}
            }
        }
        if total {
            want_period = false;
        }
        if n >= 6 {
            want_loss = false;
        }
        if n >= 2 {
            want_verb = false;
        }
    }
}

/// "$5, $7 and $9 billion": a scale word written once at the end of a list
/// applies to the earlier items that have none.
fn distribute_list_scales(text: &str, para: &mut [Found], lang: Lang) {
    let lx = crate::lexicon::lexicon(lang);
    for i in (1..para.len()).rev() {
        let last = &para[i].figure;
        let scale = last.scale;
        // Only a list closed by a scale word or by a currency or unit.
        if scale.is_none() && last.kind == Kind::Number {
            continue;
        }
        let mut j = i;
        while j > 0 && list_gap(lx, &text[para[j - 1].end..para[j].start]) {
            let (prev, last) = (&para[j - 1].figure, &para[i].figure);
            let same =
                prev.kind == last.kind && prev.currency == last.currency && prev.unit == last.unit;
            // "5, 7 and 9 billion euros", "40, 60 und 80 MW": bare items
            // take the last item's kind, currency or unit.
            let bare = prev.kind == Kind::Number && prev.qualifier == Qualifier::Exact;
            if !(same || bare) || prev.scale.is_some() || prev.value.exact().is_none() {
                break;
            }
            if same && scale.is_none() {
                break;
            }
            let (kind, currency, unit) = (last.kind, last.currency, last.unit);
            let k = match scale {
                Some(sc) => decimal(1, sc.exponent() as i32),
                None => Some(rust_decimal::Decimal::ONE),
            };
            let Some(k) = k else { break };
            let (Some(v), Some(r)) = (
                prev.value.exact().and_then(|v| v.checked_mul(k)),
                prev.resolution.checked_mul(k),
            ) else {
                break;
            };
            let f = &mut para[j - 1].figure;
            if f.kind != kind {
                f.inferred.push(if currency.is_some() {
                    "currency"
                } else {
                    "unit"
                });
            }
            (f.kind, f.currency, f.unit) = (kind, currency, unit);
            f.value = crate::figure::Value::Exact(v);
            f.resolution = r;
            if let Some(sc) = scale {
                f.scale = Some(sc);
                f.inferred.push("scale");
            }
            f.alternatives.push(Alternative {
                rule: Rule::ScaleDistributed,
                reading: "a bare number: the scale, currency or unit is written once at the end of the list".into(),
            });
            j -= 1;
        }
    }
}

/// A gap between two list items: commas and "and"-like words only.
fn list_gap(lx: &Lexicon, gap: &str) -> bool {
    if gap.len() <= 48 && find_format(gap).is_some() {
        // Invisible characters in the gap are white space.
        let visible: String = gap.chars().filter(|c| !is_format(*c)).collect();
        return list_gap(lx, &visible);
    }
    let t = gap.trim();
    if t.is_empty() || t.len() > 12 {
        return t == "," && !gap.contains('\n');
    }
    let t = t.trim_start_matches(',').trim();
    t.is_empty()
        || lx
            .find(t, 0, |w| {
                matches!(w, Word::NumAnd | Word::RangeSep { needs_open: true }).then_some(())
            })
            .is_some_and(|(_, e)| e == t.len())
}

/// A bare scaled number ("2 billion") takes the currency of its sentence
/// when the sentence names exactly one.
fn currency_from_sentence(text: &str, para: &mut [Found]) {
    let mut i = 0;
    while i < para.len() {
        // The sentence: figures i..j with no sentence end between them.
        let mut j = i + 1;
        while j < para.len() && !has_sentence_end(&text[para[j - 1].end..para[j].start]) {
            j += 1;
        }
        let mut currencies = para[i..j]
            .iter()
            .filter(|g| g.figure.kind == Kind::Money && !g.figure.inferred.contains(&"currency"))
            .filter_map(|g| g.figure.currency);
        let only = currencies.next().filter(|c| currencies.all(|d| d == *c));
        if let Some(c) = only {
            for k in i..j {
                let word_scale = matches!(para[k].figure.scale, Some(s) if s.exponent() >= 3);
                if para[k].figure.kind != Kind::Number || !word_scale {
                    continue;
                }
                // The money figures nearby: is a bracket between them and the
                // bare number ("1.6 billion ($2.54 billion)" converts from
                // another currency)?
                let (fs, fe) = (para[k].start, para[k].end);
                let near = k.saturating_sub(8).max(i)..(k + 9).min(j);
                let apart = para[near]
                    .iter()
                    .filter(|g| g.figure.kind == Kind::Money)
                    .all(|g| {
                        let gap = if g.end <= fs {
                            &text[g.end..fs]
                        } else {
                            &text[fe..g.start.max(fe)]
                        };
                        gap.contains(['(', ')', '[', ']'])
                    });
                if apart {
                    continue;
                }
                let f = &mut para[k].figure;
                f.kind = Kind::Money;
                f.currency = Some(c);
                f.inferred.push("currency");
                f.alternatives.push(Alternative {
                    rule: Rule::FromContext,
                    reading: "a bare number (no currency written)".into(),
                });
            }
        }
        i = j;
    }
}

fn has_sentence_end(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'!' | b'?' | b';' | b'\n')
            || (c == b'.' && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()))
    })
}

/// A found figure with its source, ready to serialise as one flat record:
/// `source, start, end, text`, then the figure's fields.
///
/// ```
/// let text = "about $9 billion";
/// let found = chiffre::extract(text, &chiffre::Options::default());
/// let row = chiffre::Row { source: "stdin", found: &found[0], text, offset: 0 };
/// let json = serde_json::to_string(&row).unwrap();
/// assert!(json.starts_with(r#"{"source":"stdin","start":0,"end":16,"text":"about $9 billion","kind":"money","value":"9000000000""#));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// Where the text came from (a path, or a record id).
    pub source: &'a str,
    /// The figure and its span.
    pub found: &'a Found,
    /// The text the span refers to.
    pub text: &'a str,
    /// Added to the printed offsets (the position of `text` in its source).
    pub offset: usize,
}

impl serde::Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("source", self.source)?;
        m.serialize_entry("start", &(self.found.start + self.offset))?;
        m.serialize_entry("end", &(self.found.end + self.offset))?;
        m.serialize_entry(
            "text",
            self.text
                .get(self.found.start..self.found.end)
                .unwrap_or(""),
        )?;
        self.found.figure.serialize_fields(&mut m)?;
        m.end()
    }
}

/// The first currency named in a short text (a symbol, a code or a name in
/// any of the languages), e.g. the currency column of a price table.
///
/// ```
/// use chiffre::{currency_in, Currency};
/// assert_eq!(currency_in("Price: 100,00 руб."), Some(Currency::RUB));
/// assert_eq!(currency_in("in euros"), Some(Currency::EUR));
/// assert_eq!(currency_in("no money here"), None);
/// ```
pub fn currency_in(text: &str) -> Option<Currency> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = !prev.is_some_and(is_word_char) || !is_word_char(c);
        prev = Some(c);
        if !starts {
            continue;
        }
        if let Some(code) = code_at(text, i) {
            return Some(code.currency);
        }
        for lang in Lang::ALL {
            let found = crate::lexicon::lexicon(lang).find(text, i, |w| match w {
                Word::Cur(c) | Word::CurBefore(c) | Word::CurGuess(c) | Word::CurGuessBefore(c) => {
                    Some(c)
                }
                _ => None,
            });
            if let Some((c, _)) = found {
                return Some(c);
            }
        }
    }
    None
}

/// "119. 95": the value of `a` with `b` as its cents, when `b` is two digits
/// typed after ". " or ", " and the currencies agree.
fn spaced_decimals(text: &str, a: &Found, b: &Found) -> Option<rust_decimal::Decimal> {
    let gap = text.get(a.end..b.start)?;
    let bytes = &text.as_bytes()[b.start..];
    let two_digits = b.end - b.start >= 2
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && !bytes.get(2).is_some_and(u8::is_ascii_digit);
    let a_ends_in_digit = text[..a.end].ends_with(|c: char| c.is_ascii_digit());
    let same_currency = a
        .figure
        .currency
        .is_none_or(|c| b.figure.currency.is_none_or(|d| c == d));
    if !(matches!(gap, ". " | ", ") && two_digits && a_ends_in_digit && same_currency) {
        return None;
    }
    let (av, bv) = (a.figure.value.exact()?, b.figure.value.exact()?);
    if !bv.is_integer() {
        return None;
    }
    av.checked_add(bv.checked_mul(decimal(1, -2)?)?)
}

/// A price field (`Options::prices`): "119. 95" and "1.837, 32 €" are one
/// price whose decimals were typed after a space; and when no figure of the
/// field names a currency, its bare numbers are amounts in the local
/// currency.
fn price_field(text: &str, out: &mut Vec<Found>, from: usize, local: Option<Currency>) {
    // Join in one pass (no removal in the middle of the vector).
    let tail: Vec<Found> = out.drain(from..).collect();
    let mut joined: Vec<Found> = Vec::with_capacity(tail.len());
    let mut last_joined = false;
    for b in tail {
        if !last_joined
            && let Some(a) = joined.last_mut()
            && let Some(sum) = spaced_decimals(text, a, &b)
        {
            last_joined = true;
            a.end = b.end;
            a.figure.value = crate::figure::Value::Exact(sum);
            a.figure.resolution = decimal(1, -2).unwrap_or(a.figure.resolution);
            if a.figure.currency.is_none() {
                a.figure.currency = b.figure.currency;
                a.figure.kind = b.figure.kind;
            }
            continue;
        }
        last_joined = false;
        joined.push(b);
    }
    out.extend(joined);
    // A price field holds prices: "1 L" or "1 км" there is a price whose
    // currency sign (lempira, convertible mark) reads as a unit.
    if out[from..].iter().all(|f| f.figure.kind != Kind::Money) {
        for f in &mut out[from..] {
            if matches!(f.figure.kind, Kind::Number | Kind::Measure) {
                f.figure.kind = Kind::Money;
                f.figure.currency = local;
                f.figure.unit = None;
                if local.is_some() {
                    f.figure.inferred.push("currency");
                }
            }
        }
    }
}
