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
//!   "Kapitel 4", "глава 5") or in brackets ("[1]").
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
use crate::grammar::{Cx, iso_code, words};
use crate::lang::{Lang, ScaleForm, Word};
use crate::lexicon::{Lexicon, fold, is_word_char};
use crate::parse::{LangMode, parse_raw};
use crate::resolve::{decimal, resolve};

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
        Kind::ALL.into_iter().filter(|k| *k != Kind::Number).collect()
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
        s.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                Kind::from_name(p).ok_or_else(|| {
                    crate::Error::input(format!(
                        "unknown kind {p:?}: expected money, percent, power, energy, hashrate, duration, count, number or all"
                    ))
                })
            })
            .collect()
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
    let mut out = Vec::new();
    let doc_lang = match opts.lang {
        LangMode::Fixed(l) => l,
        LangMode::Auto => detect::detect(text),
    };
    for (ps, pe) in paragraphs(text) {
        let lang = match opts.lang {
            LangMode::Fixed(l) => l,
            LangMode::Auto => detect::paragraph_lang(&text[ps..pe], doc_lang),
        };
        let before = out.len();
        scan_paragraph(text, ps, pe, lang, &mut out);
        let para = &mut out[before..];
        distribute_list_scales(text, para, lang);
        currency_from_sentence(text, para);
        out.retain(|f: &Found| opts.kinds.contains(f.figure.kind));
        // retain above also revisits earlier paragraphs; that is harmless.
    }
    out
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

fn is_blank(c: char) -> bool {
    c != '\n' && fold(c) == ' '
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

fn scan_paragraph(text: &str, ps: usize, pe: usize, lang: Lang, out: &mut Vec<Found>) {
    let cx = Cx::new(text, lang);
    let bytes = text.as_bytes();
    let mut pos = ps;
    let mut floor = ps;
    while pos < pe {
        let Some(anchor) = next_anchor(&cx, text, pos, pe) else { break };
        match figure_at(&cx, text, anchor, floor, pe, lang) {
            Step::Found(f) => {
                pos = f.end.max(anchor + 1);
                floor = f.end;
                out.push(f);
            }
            Step::Skip(to) => pos = to.max(anchor + 1),
        }
        while pos < pe && !text.is_char_boundary(pos) {
            pos += 1;
        }
        let _ = bytes;
    }
}

/// The next digit or number-word start at or after `pos`.
fn next_anchor(cx: &Cx<'_>, text: &str, pos: usize, pe: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[pos..pe];
    let digit = bytes.iter().position(u8::is_ascii_digit).map(|i| pos + i);
    let limit = digit.unwrap_or(pe);
    // Word starts before the digit.
    let mut prev_word = prev_char(text, pos).is_some_and(is_word_char);
    for (i, c) in text[pos..limit].char_indices() {
        let word = is_word_char(c);
        if word && !prev_word && cx.lx.may_start_number(c) {
            let at = pos + i;
            if words::words(cx.lx, text, at, cx.t.compound_numbers).is_some() {
                return Some(at);
            }
        }
        prev_word = word;
    }
    digit
}

enum Step {
    Found(Found),
    Skip(usize),
}

/// Tries to read a figure that covers `anchor`.
fn figure_at(cx: &Cx<'_>, text: &str, anchor: usize, floor: usize, pe: usize, lang: Lang) -> Step {
    let blob_end = || Step::Skip(skip_blob(text, anchor));
    let is_digit = text.as_bytes()[anchor].is_ascii_digit();
    if is_digit {
        match prev_char(text, anchor) {
            // "H100", "Q1", "FY2025" — unless the letters are a currency code.
            Some(c) if c.is_alphabetic() => {
                let ws = word_start(text, anchor);
                let code = iso_code(text, ws).is_some_and(|(_, e)| e == anchor)
                    || cx.lx.find(text, ws, |w| matches!(w, Word::CurBefore(_)).then_some(())).is_some_and(|(_, e)| e == anchor);
                if !code {
                    return blob_end();
                }
            }
            // "GPT-4", "COVID-19"
            Some(h) if matches!(h, '-' | '\u{2010}' | '\u{2011}') => {
                if prev_char(text, anchor - h.len_utf8()).is_some_and(char::is_alphanumeric) {
                    return blob_end();
                }
            }
            Some('#') | Some('_') | Some('@') => return blob_end(),
            // Part of a digit blob already rejected ("7/7/2025").
            Some(c) if is_joiner(c) && prev_char(text, anchor - c.len_utf8()).is_some_and(|d| d.is_ascii_digit()) => {
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
        let Ok(raw) = parse_raw(text, s, lang) else { continue };
        if raw.end <= anchor || raw.end > pe {
            continue;
        }
        // Digit groups that continue past the figure: a date, time, version.
        let tail = &text[raw.end..];
        let mut tc = tail.chars();
        if let (Some(j), Some(d)) = (tc.next(), tc.next())
            && is_joiner(j)
            && d.is_ascii_digit()
        {
            return blob_end();
        }
        // An age: "45-year-old".
        if let Some(h) = next_char(text, raw.end)
            && matches!(h, '-' | '\u{2010}' | '\u{2011}')
            && cx.lx.find(text, raw.end + h.len_utf8(), |w| (w == Word::OrdinalSuffix).then_some(())).is_some()
        {
            return blob_end();
        }
        let Ok(mut figure) = resolve(&raw, lang) else { return blob_end() };
        if rejected(cx, text, raw.start, raw.end, &figure) {
            return Step::Skip(raw.end);
        }
        enrich(cx, text, raw.start, floor, &mut figure);
        return Step::Found(Found { start: raw.start, end: raw.end, figure });
    }
    if is_digit { blob_end() } else { Step::Skip(word_end(text, anchor)) }
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

/// "+1 555 123 4567", "+33 1 23 45 67 89".
fn looks_like_phone(text: &str, anchor: usize) -> bool {
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
    for _ in 0..4 {
        // A sign glued to the number or currency.
        if let Some(c) = prev_char(text, cur)
            && matches!(c, '-' | '\u{2212}' | '+')
            && cur - c.len_utf8() >= floor
            && !prev_char(text, cur - c.len_utf8()).is_some_and(|p| p.is_alphanumeric() || is_joiner(p))
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
    let lo = b.saturating_sub(40).max(floor);
    let mut best = None;
    let mut s = b;
    let mut words_seen = 0;
    while s > lo {
        let Some(c) = prev_char(text, s) else { break };
        s -= c.len_utf8();
        let before = prev_char(text, s);
        let boundary = s == floor || !is_word_char(c) || !before.is_some_and(is_word_char);
        if !boundary {
            continue;
        }
        if before.is_some_and(|p| is_blank(p) || p == '\n') {
            words_seen += 1;
        }
        let ends_here = |end: usize| end == b || (end <= cur && text[end..cur].chars().all(is_blank));
        let code = iso_code(text, s).is_some_and(|(_, e)| ends_here(e) && b == cur || e == b);
        let word = cx.lx.hits_at(text, s).iter(text).any(|h| {
            ends_here(h.end)
                && h.words().any(|w| {
                    matches!(
                        w,
                        Word::Qual(_)
                            | Word::RangeOpen
                            | Word::CurBefore(_)
                            | Word::CurGuessBefore(_)
                            | Word::Minus
                    )
                })
        });
        if code || word {
            best = Some(s);
        }
        if words_seen > 4 {
            break;
        }
    }
    best
}

/// Rules that reject a parsed figure (see the module docs).
fn rejected(cx: &Cx<'_>, text: &str, start: usize, end: usize, f: &Figure) -> bool {
    let bare = matches!(f.kind, Kind::Number | Kind::Count);
    // A year read as a duration: "2025 года".
    if f.kind == Kind::Duration
        && f.value.exact().is_some_and(|v| v.is_integer() && v >= 1000.into() && v <= 2100.into())
        && f.scale.is_none()
    {
        return true;
    }
    if !bare && f.kind != Kind::Duration {
        return false;
    }
    // Next to a month name: a date.
    let after = skip_blanks(text, end);
    let after = if next_char(text, after) == Some('.') { skip_blanks(text, after + 1) } else { after };
    if cx.lx.find(text, after, |w| (w == Word::Month).then_some(())).is_some() && f.kind != Kind::Duration {
        return true;
    }
    if let Some(ws) = prev_word_start(text, start)
        && let Some(((), e)) = cx.lx.find(text, ws, |w| matches!(w, Word::Month | Word::Reference).then_some(()))
        && text[e..start].chars().all(|c| is_blank(c) || c == '.' || c == '°')
    {
        return true;
    }
    // A footnote marker: "[1]".
    if prev_char(text, start) == Some('[') && next_char(text, end) == Some(']') {
        return true;
    }
    false
}

fn skip_blanks(text: &str, pos: usize) -> usize {
    pos + text[pos..].chars().take_while(|c| is_blank(*c)).map(char::len_utf8).sum::<usize>()
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
        if is_blank(c) || c == '\n' || c == '(' || c == '"' {
            break;
        }
        s -= c.len_utf8();
    }
    (s < b).then_some(s)
}

/// Starts of up to `n` words before `pos`, nearest first, staying in the
/// sentence and after `floor`.
fn words_back(text: &str, pos: usize, floor: usize, n: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = pos;
    while out.len() < n && i > floor {
        // Skip separators; stop at a sentence end.
        while let Some(c) = prev_char(text, i) {
            if i <= floor || is_word_char(c) {
                break;
            }
            if matches!(c, '!' | '?' | ';' | '\n')
                || (c == '.' && next_char(text, i).is_some_and(char::is_whitespace))
            {
                return out;
            }
            i -= c.len_utf8();
        }
        if i <= floor {
            break;
        }
        let end = i;
        while let Some(c) = prev_char(text, i) {
            if i <= floor || !(is_word_char(c) || c == '-' || c == '\'' || c == '’') {
                break;
            }
            i -= c.len_utf8();
        }
        if i == end {
            break;
        }
        out.push(i);
    }
    out
}

/// Context fields: loss polarity, period adjectives, qualifying verbs.
fn enrich(cx: &Cx<'_>, text: &str, start: usize, floor: usize, f: &mut Figure) {
    let find = |ws: usize, pick: &dyn Fn(Word) -> bool| {
        cx.lx.find(text, ws, |w| pick(w).then_some(w)).map(|(w, _)| w)
    };
    let back = words_back(text, start, floor, 24);
    if f.kind == Kind::Money {
        for &ws in back.iter().take(6) {
            if find(ws, &|w| w == Word::Loss).is_some() {
                f.polarity = Polarity::Loss;
                f.inferred.push("polarity");
                break;
            }
        }
        if f.period.is_none() {
            for &ws in back.iter() {
                if let Some(Word::PeriodAdj(p)) = find(ws, &|w| matches!(w, Word::PeriodAdj(_))) {
                    f.period = Some(p);
                    f.inferred.push("period");
                    break;
                }
                if find(ws, &|w| w == Word::Total).is_some() {
                    break;
                }
            }
        }
    }
    if f.qualifier == Qualifier::Exact && f.kind != Kind::Number {
        for &ws in back.iter().take(2) {
            if let Some(Word::QualVerb(q)) = find(ws, &|w| matches!(w, Word::QualVerb(_))) {
                f.qualifier = q;
                f.inferred.push("qualifier");
                break;
            }
        }
    }
}

/// "$5, $7 and $9 billion": a scale word written once at the end of a list
/// applies to the earlier items that have none.
fn distribute_list_scales(text: &str, para: &mut [Found], lang: Lang) {
    let lx = crate::lexicon::lexicon(lang);
    for i in (1..para.len()).rev() {
        let Some(scale) = para[i].figure.scale else { continue };
        let mut j = i;
        while j > 0 && list_gap(lx, &text[para[j - 1].end..para[j].start]) {
            let (prev, last) = (&para[j - 1].figure, &para[i].figure);
            let same = prev.kind == last.kind && prev.currency == last.currency && prev.unit == last.unit;
            if !same || prev.scale.is_some() || prev.value.exact().is_none() {
                break;
            }
            let Some(k) = decimal(1, scale.exponent() as i32) else { break };
            let (Some(v), Some(r)) = (prev.value.exact().and_then(|v| v.checked_mul(k)), prev.resolution.checked_mul(k)) else {
                break;
            };
            let f = &mut para[j - 1].figure;
            f.value = crate::figure::Value::Exact(v);
            f.resolution = r;
            f.scale = Some(scale);
            f.inferred.push("scale");
            f.alternatives.push(Alternative {
                rule: Rule::ScaleDistributed,
                reading: "without the scale word written at the end of the list".into(),
            });
            j -= 1;
        }
    }
}

/// A gap between two list items: commas and "and"-like words only.
fn list_gap(lx: &Lexicon, gap: &str) -> bool {
    let t = gap.trim();
    if t.is_empty() || t.len() > 12 {
        return t == "," && !gap.contains('\n');
    }
    let t = t.trim_start_matches(',').trim();
    t.is_empty()
        || lx.find(t, 0, |w| matches!(w, Word::NumAnd | Word::RangeSep { needs_open: true }).then_some(())).is_some_and(|(_, e)| e == t.len())
}

/// A bare scaled number ("2 billion") takes the currency of its sentence
/// when the sentence names exactly one.
fn currency_from_sentence(text: &str, para: &mut [Found]) {
    let mut sentence_start = 0;
    for i in 0..para.len() {
        if i > 0 && has_sentence_end(&text[para[i - 1].end..para[i].start]) {
            sentence_start = i;
        }
        let f = &para[i].figure;
        let scaled_word = matches!(f.scale, Some(_)) && f.kind == Kind::Number;
        if !scaled_word {
            continue;
        }
        let mut currencies = para[sentence_start..i]
            .iter()
            .filter(|g| g.figure.kind == Kind::Money)
            .filter_map(|g| g.figure.currency);
        let Some(c) = currencies.next() else { continue };
        if currencies.any(|d| d != c) {
            continue;
        }
        let f = &mut para[i].figure;
        f.kind = Kind::Money;
        f.currency = Some(c);
        f.inferred.push("currency");
        f.alternatives.push(Alternative {
            rule: Rule::FromContext,
            reading: "a bare number (no currency written)".into(),
        });
    }
    let _ = ScaleForm::Word;
}

fn has_sentence_end(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'!' | b'?' | b';' | b'\n') || (c == b'.' && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()))
    })
}
