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
//! # The stages
//!
//! A figure travels through these files, each with one job:
//!
//! * `stream`: where a stream may be cut, and the paragraphs of a piece;
//! * `mod` (here): the language of each paragraph, then the stages below;
//! * `tokens`: the paragraph's words, cut once, with their spans and the
//!   keys of their first letters, for the stages that look for table words
//!   at word starts (`scan`, `context`, `changes`);
//! * `scan`: anchors (digits, number words) and the grammar run from the
//!   earliest prefix that belongs to each (`crate::grammar`, `crate::resolve`);
//! * `reject` and `invisible`: readings that are no figure;
//! * `context`: fields read from the sentence around a figure;
//! * `lists`: a scale or currency written once for a list;
//! * `sentence`: a dot that ends the sentence, and the country that says
//!   which "riyals" or "pesos" a figure counts in;
//! * `changes`: multiples ("doubled", "2.5-fold") and the changes that
//!   link a change figure to its old and new levels ([`extract_changes`]);
//! * `prices`: price fields (`Options::prices`);
//! * `chars`: the character classes and word boundaries they all read.
//!
//! # What is not a figure
//!
//! * digits glued to letters: tickers and models ("H100", "CORZ", "Q1",
//!   "GPT-4"), ordinals and decades ("4th", "1990s", "2000er", "4-й");
//! * digit groups joined by `.` `,` `:` `/` `-` that do not form a number
//!   or a range: dates ("7/7/2025", "2025-07-07", "07.07.2025"), times
//!   ("10:30"), versions and addresses ("1.2.3"), phone numbers ("+1 555 123 4567");
//! * a number next to a month name ("20 апреля", "7 July", "le 3 mars");
//! * a year read as a duration ("2025 года"), or years as a span of time
//!   ("в 2026-2035 годах", "2027–2031"), and an ordinal year ("2030-м");
//! * a capitalised number word inside a name ("Mille Feuilles", "Trois
//!   Rivières"): one word, not opening the sentence, before a capital;
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
//! takes the currency of the sentence when exactly one currency appears in it
//! ("41,3 Millionen Franken nach 38,6 Millionen"). A currency name several
//! countries use ("riyals", "pesos") takes the currency of the country the
//! paragraph names (rule `currency-by-place`, see `sentence`), and a dot
//! after a scale word the language writes without one ("11,3 млрд.") is the
//! sentence's when a new sentence follows.
//!
//! # Subunits
//!
//! "15 cents", "45p", "50 копеек" are money in the main unit (0.15 USD,
//! 0.45 GBP, 0.5 RUB): the figure lists the count of hundredths as an
//! alternative (rule `subunit-in-main-unit`); a subunit word that names no
//! currency takes the language's usual one (`LangTable::subunit_currency`:
//! US cents in English, euro cents in French), itself a guess that a local
//! currency of the same family replaces. A list's scale never reaches a
//! subunit ("6 Cent, fast 3 Millionen Euro").

use crate::detect;
use crate::figure::{Alternative, Figure, Kind, Polarity, Qualifier, Rule};
use crate::grammar::{Cx, code_at, words};
use crate::lang::{Lang, Script, Word};
use crate::lexicon::{
    LangStarts, Lexicon, find_format, fold, is_blank, is_format, is_letter, is_unreadable,
    is_word_char,
};
use crate::parse::{LangMode, parse_raw};
use crate::resolve::{decimal, resolve};
use crate::unit::Currency;

mod changes;
mod chars;
mod context;
mod invisible;
mod lists;
mod prices;
mod reject;
mod scan;
mod sentence;
mod stream;
mod tokens;

use chars::*;
use context::*;
use invisible::*;
use lists::*;
use reject::*;
use scan::*;
use sentence::*;

pub use changes::{ChangeLink, Direction, extract_changes};
pub(crate) use invisible::{format_break, reversed_spans};
pub use prices::currency_in;
use prices::price_field;
pub(crate) use stream::paragraphs;
pub use stream::{cut_before, cut_point};

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
                        "unknown kind {p:?}: expected money, percent, power, energy, hashrate, duration, measure, count, multiple, number or all"
                    ))
                })
            })
            .collect::<Result<KindSet, _>>()?;
        if set == KindSet::empty() {
            return Err(crate::Error::input(
                "no kind given: expected a comma-separated list of money, percent, power, energy, hashrate, duration, measure, count, multiple, number, or all".to_string(),
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
    /// The words of the paragraph being read (a buffer kept between
    /// paragraphs).
    tokens: Vec<tokens::Token>,
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
            tokens: Vec::new(),
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
        self.extract_with_changes(text).0
    }

    /// Finds the figures of the next piece and the changes they make up
    /// ([`ChangeLink`], indices into the figures); offsets are relative to
    /// the piece.
    pub fn extract_with_changes(&mut self, text: &str) -> (Vec<Found>, Vec<ChangeLink>) {
        let mut links = Vec::new();
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
            tokens::tokens(text, ps, pe, &mut self.tokens);
            let reading = Reading {
                lang,
                others,
                opts: &self.opts,
                tokens: &self.tokens,
            };
            scan_paragraph(text, ps, pe, &reading, &mut out, &mut self.stats);
            let para = &mut out[before..];
            sentence_dot(text, para, lang);
            currency_by_place(text, ps, pe, para, lang);
            distribute_list_scales(text, para, lang);
            currency_from_sentence(text, para);
            let words = &self.tokens;
            changes::changes(text, words, &mut out, before, (ps, pe), lang, &mut links);
            if self.opts.prices {
                price_field(text, &mut out, before, self.opts.local_currency);
            }
        }
        // Keep the kinds asked for; the changes point at the kept figures.
        let mut index = Vec::with_capacity(out.len());
        let mut n = 0;
        for f in &out {
            let keep = self.opts.kinds.contains(f.figure.kind);
            index.push(keep.then_some(n));
            n += usize::from(keep);
        }
        out.retain(|f: &Found| self.opts.kinds.contains(f.figure.kind));
        let kept = |i: Option<usize>| i.and_then(|i| index[i]);
        links.retain_mut(|l| {
            (l.change, l.from, l.to) = (kept(l.change), kept(l.from), kept(l.to));
            l.change.is_some() || l.from.is_some() || l.to.is_some()
        });
        (out, links)
    }
}

/// How a paragraph is read: its language, and the other languages to try
/// when no word tells which it is ("2 390 €" alone).
struct Reading<'a> {
    lang: Lang,
    others: &'a [Lang],
    opts: &'a Options,
    /// The paragraph's words.
    tokens: &'a [tokens::Token],
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

impl Row<'_> {
    /// Appends the row as one line of JSON (no line break), byte for byte
    /// what `serde_json` writes for it, without going through `serde`: the
    /// keys are constants and the strings are escaped in place. The command
    /// line writes its JSONL rows so.
    ///
    /// ```
    /// let text = "about $9 billion";
    /// let found = chiffre::extract(text, &chiffre::Options::default());
    /// let row = chiffre::Row { source: "stdin", found: &found[0], text, offset: 0 };
    /// let mut out = Vec::new();
    /// row.write_json(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&row).unwrap());
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        use crate::figure::json;
        out.extend_from_slice(b"{\"source\":");
        json::str(out, self.source);
        out.extend_from_slice(b",\"start\":");
        json::uint(out, self.found.start + self.offset);
        out.extend_from_slice(b",\"end\":");
        json::uint(out, self.found.end + self.offset);
        out.extend_from_slice(b",\"text\":");
        json::str(
            out,
            self.text
                .get(self.found.start..self.found.end)
                .unwrap_or(""),
        );
        self.found.figure.write_json_fields(out);
        out.push(b'}');
    }
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
