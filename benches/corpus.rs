//! A deterministic generator of news-like text with financial figures, and
//! the ground truth of every figure it writes.
//!
//! **Synthetic text, for throughput measurement.** The prose comes from a
//! few dozen hand-written sentence templates per language, and the figures
//! are written only in forms that chiffre reads; accuracy claims belong to
//! the conformance corpora and the blind evaluation sets, not to this text.
//!
//! ```ignore
//! let c = corpus::generate(42, 4 * corpus::MB, corpus::Langs::Mixed, corpus::Density::Dense);
//! for t in &c.truth {
//!     println!("{} {} {:?}", &c.text[t.start..t.end], t.value, t.currency);
//! }
//! ```
//!
//! * Languages: English, French, German, Russian, or mixed. In mixed dense
//!   text each paragraph draws its language; in mixed news text each
//!   article (a headline and its paragraphs) does.
//! * Densities: [`Density::News`] reads like wire copy (about 2,000 figures
//!   per MB: long figure-free sentences, headlines, datelines, dates and
//!   years); [`Density::Dense`] packs about 7,000 figures per MB. The rate is
//!   steered sentence by sentence, so it holds in every language although
//!   Cyrillic text takes twice the bytes.
//! * Figures: money in each language's styles ("$3.5bn", "US$290 million",
//!   "9 milliards de dollars", "1,3 Md€", "3,5 Mrd. Euro", "290 млн
//!   долларов", "1 234,5 руб."), percentages, power, energy, durations
//!   (digits and spelled: "douze ans", "zwölf Jahre") and counts, with each
//!   language's separators (U+00A0 and U+202F in French and Russian).
//! * Distractors that are not figures: dates ("March 3, 2021", "le 3 mars",
//!   "am 3. März 2021", "3 марта 2021 года") and years ("since 2015").
//! * Paragraphs are separated by one blank line.
//!
//! The random numbers come from splitmix64 seeded by the caller, and values
//! are built from integers (`Decimal::from_i128_with_scale`), so the same
//! seed gives the same bytes on every platform.

#![allow(dead_code)] // the bench and the tests use different parts

use chiffre::{Kind, Lang};
use rust_decimal::Decimal;

/// One megabyte as the densities count it: 10^6 bytes.
pub const MB: usize = 1_000_000;

const NBSP: &str = "\u{a0}";
const NNBSP: &str = "\u{202f}";

/// How many figures the text carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// Wire copy: about 2,000 figures per MB, headlines and long
    /// figure-free sentences.
    News,
    /// About 7,000 figures per MB: most sentences carry figures.
    Dense,
}

impl Density {
    /// The target number of figures per 10^6 bytes.
    pub fn figures_per_mb(self) -> usize {
        match self {
            Density::News => 2_000,
            Density::Dense => 7_000,
        }
    }
}

/// Which languages the text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Langs {
    /// One language throughout.
    One(Lang),
    /// A language drawn per paragraph (dense) or per article (news).
    Mixed,
}

impl Langs {
    /// `"en"`, `"fr"`, `"de"`, `"ru"` or `"mixed"`.
    pub fn from_name(name: &str) -> Option<Langs> {
        if name == "mixed" {
            return Some(Langs::Mixed);
        }
        Lang::from_code(name).map(Langs::One)
    }
}

/// One figure written into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    /// Byte offset of the first byte of the figure.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What it measures.
    pub kind: Kind,
    /// The exact value, scale words applied ("3,5 Mrd. Euro" = 3500000000);
    /// a percentage is the stated number, a power or energy stays in its unit.
    pub value: Decimal,
    /// ISO 4217 code, for money.
    pub currency: Option<&'static str>,
    /// chiffre's unit symbol: "MW", "GW", "GWh", "year", "month"...
    pub unit: Option<&'static str>,
    /// The language of the paragraph.
    pub lang: Lang,
    /// Which of the generator's forms wrote it ("fr.money.scale-de-name").
    pub form: &'static str,
}

/// The generated text and its figures, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    /// UTF-8 text; paragraphs separated by "\n\n".
    pub text: String,
    /// Every inserted figure, in text order.
    pub truth: Vec<Truth>,
    /// Number of paragraphs (headlines count as paragraphs).
    pub paragraphs: usize,
}

/// Generates at least `bytes` bytes of text (stopping at the first
/// paragraph end at or past it) from `seed`.
pub fn generate(seed: u64, bytes: usize, langs: Langs, density: Density) -> Corpus {
    let mut g = Gen {
        rng: Rng::new(seed),
        text: String::with_capacity(bytes + 4096),
        truth: Vec::new(),
        paragraphs: 0,
        density,
        lang: Lang::En,
        mixed: langs == Langs::Mixed,
    };
    let pick_lang = |rng: &mut Rng| match langs {
        Langs::One(l) => l,
        Langs::Mixed => *rng.pick(&Lang::ALL),
    };
    while g.text.len() < bytes {
        g.lang = pick_lang(&mut g.rng);
        match density {
            Density::Dense => {
                let n = g.rng.range(3, 7) as usize;
                g.paragraph(n);
            }
            Density::News => g.article(bytes),
        }
    }
    // The last paragraph has no blank line after it.
    while g.text.ends_with('\n') {
        g.text.pop();
    }
    Corpus {
        text: g.text,
        truth: g.truth,
        paragraphs: g.paragraphs,
    }
}

// ------------------------------------------------------------------ random

/// splitmix64: small, fast, and good enough to pick words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0), by multiply-and-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One item of `(item, weight)` pairs, by weight.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.below(total);
        for &(item, w) in items {
            if x < w {
                return item;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }
}

// ----------------------------------------------------------------- numbers

/// `m × 10^-scale`, exactly.
fn dec(m: u64, scale: u32) -> Decimal {
    Decimal::from_i128_with_scale(i128::from(m), scale)
}

/// `d × 10^exp`, exactly.
fn times_pow10(d: Decimal, exp: u32) -> Decimal {
    d * Decimal::from(10u64.pow(exp))
}

/// A mantissa for a scaled amount ("3.5" billion): 1–999 whole, or one or
/// two decimals that do not end in zero.
fn mantissa(r: &mut Rng, max_whole: u64) -> (u64, u32) {
    match r.weighted(&[(0u32, 45), (1, 40), (2, 15)]) {
        0 => (r.range(1, max_whole), 0),
        1 => {
            let m = r.range(11, max_whole.min(99) * 10 - 1);
            if m % 10 == 0 { (m / 10, 0) } else { (m, 1) }
        }
        _ => {
            let m = r.range(101, max_whole.min(9) * 100 - 1);
            if m % 10 == 0 { (m / 10, 1) } else { (m, 2) }
        }
    }
}

/// An unscaled amount: whole, or with two decimals ("1,234,567.89").
fn plain_amount(r: &mut Rng, small: bool) -> (u64, u32) {
    if small {
        // A price: 1.05 to 999.99, sometimes whole.
        if r.percent(20) {
            (r.range(2, 999), 0)
        } else {
            (r.range(105, 99_999), 2)
        }
    } else if r.percent(55) {
        (r.range(1_000, 9_999_999), 0)
    } else {
        (r.range(100_000, 999_999_999), 2)
    }
}

/// The digits of a whole number with a group separator every three digits.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A group separator of the language, drawn per number.
fn group_sep(r: &mut Rng, lang: Lang) -> &'static str {
    match lang {
        Lang::En => ",",
        Lang::De => ".",
        Lang::Fr => r.weighted(&[(NNBSP, 40), (NBSP, 35), (" ", 25)]),
        Lang::Ru => r.weighted(&[(" ", 45), (NBSP, 35), (NNBSP, 20)]),
    }
}

/// `m × 10^-scale` written in the language's style: "1,234.5", "1 234,5",
/// "1.234,5". Below 10,000, French, German and Russian often leave the
/// thousands ungrouped ("1200").
fn num(r: &mut Rng, lang: Lang, m: u64, scale: u32) -> String {
    let p = 10u64.pow(scale);
    let (whole, frac) = (m / p, m % p);
    let int = if whole >= 1000 && !(whole < 10_000 && lang != Lang::En && r.percent(40)) {
        let sep = group_sep(r, lang);
        grouped(whole, sep)
    } else {
        whole.to_string()
    };
    if scale == 0 {
        return int;
    }
    let point = if lang == Lang::En { '.' } else { ',' };
    format!("{int}{point}{frac:0width$}", width = scale as usize)
}

/// The space between a number and a symbol: French and Russian typesetters
/// use no-break spaces.
fn unit_space(r: &mut Rng, lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => r.weighted(&[(NNBSP, 40), (NBSP, 35), (" ", 25)]),
        Lang::Ru => r.weighted(&[(" ", 60), (NBSP, 30), (NNBSP, 10)]),
        _ => " ",
    }
}

/// Russian plural class of a whole number: 0 "один рубль", 1 "два рубля",
/// 2 "пять рублей". A fraction takes class 1 ("3,5 рубля").
fn ru_class(m: u64, scale: u32) -> usize {
    if scale > 0 {
        return 1;
    }
    let (a, b) = (m % 10, m % 100);
    if a == 1 && b != 11 {
        0
    } else if (2..=4).contains(&a) && !(12..=14).contains(&b) {
        1
    } else {
        2
    }
}

// ----------------------------------------------------------------- figures

/// A figure ready to be written.
struct Fig {
    text: String,
    kind: Kind,
    value: Decimal,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    form: &'static str,
}

fn money_fig(text: String, value: Decimal, cur: &'static str, form: &'static str) -> Fig {
    Fig {
        text,
        kind: Kind::Money,
        value,
        currency: Some(cur),
        unit: None,
        form,
    }
}

/// A scale word's exponent, drawn so that trillions stay small.
fn scale_exp(r: &mut Rng, m: u64, scale: u32, thousands: bool) -> u32 {
    let small = m <= 30 * 10u64.pow(scale);
    let mut choices = vec![(6u32, 45u64), (9, 40)];
    if small {
        choices.push((12, 8));
    }
    if thousands {
        choices.push((3, 7));
    }
    r.weighted(&choices)
}

const EN_CURS: &[(&str, u64)] = &[
    ("USD", 42),
    ("EUR", 22),
    ("GBP", 10),
    ("JPY", 6),
    ("CHF", 5),
    ("CNY", 6),
    ("RUB", 9),
];

fn money_en(r: &mut Rng, small: bool) -> Fig {
    let cur = r.weighted(EN_CURS);
    let symbol: Option<&str> = match cur {
        "USD" => Some(if r.percent(75) { "$" } else { "US$" }),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    };
    let name = |n_is_one: bool| match cur {
        "USD" => "dollars",
        "EUR" => "euros",
        "GBP" => "pounds",
        "JPY" => "yen",
        "CHF" if n_is_one => "Swiss franc",
        "CHF" => "Swiss francs",
        "CNY" => "yuan",
        _ => "roubles",
    };
    if !small && r.percent(72) {
        let (m, s) = mantissa(r, 999);
        let exp = scale_exp(r, m, s, false);
        let value = times_pow10(dec(m, s), exp);
        let n = num(r, Lang::En, m, s);
        let (word, short) = match exp {
            6 => ("million", *r.pick(&["m", "mn"])),
            9 => ("billion", "bn"),
            _ => ("trillion", "tn"),
        };
        return match (symbol, r.below(4)) {
            (Some(sym), 0 | 1) => money_fig(
                format!("{sym}{n} {word}"),
                value,
                cur,
                "en.money.symbol-scale",
            ),
            (Some(sym), 2) => money_fig(
                format!("{sym}{n}{short}"),
                value,
                cur,
                "en.money.symbol-short-scale",
            ),
            (_, 3) | (None, 2) => money_fig(
                format!("{cur} {n} {word}"),
                value,
                cur,
                "en.money.code-scale",
            ),
            _ => money_fig(
                format!("{n} {word} {}", name(false)),
                value,
                cur,
                "en.money.scale-name",
            ),
        };
    }
    let (m, s) = plain_amount(r, small);
    let value = dec(m, s);
    let n = num(r, Lang::En, m, s);
    match (symbol, r.below(5)) {
        (Some(sym), 0..=2) => money_fig(format!("{sym}{n}"), value, cur, "en.money.symbol"),
        (_, 3) => money_fig(format!("{cur} {n}"), value, cur, "en.money.code"),
        _ => money_fig(
            format!("{n} {}", name(value == Decimal::ONE)),
            value,
            cur,
            "en.money.name",
        ),
    }
}

const FR_CURS: &[(&str, u64)] = &[
    ("EUR", 48),
    ("USD", 28),
    ("GBP", 5),
    ("CHF", 8),
    ("CNY", 4),
    ("RUB", 4),
    ("JPY", 3),
];

fn money_fr(r: &mut Rng, small: bool) -> Fig {
    let cur = r.weighted(FR_CURS);
    let symbol = match cur {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        _ => None,
    };
    // (plural name, singular name, elided "de")
    let (plural, singular, elide) = match cur {
        "EUR" => ("euros", "euro", true),
        "USD" => ("dollars", "dollar", false),
        "GBP" => ("livres sterling", "livre sterling", false),
        "CHF" => ("francs suisses", "franc suisse", false),
        "CNY" => ("yuans", "yuan", false),
        "RUB" => ("roubles", "rouble", false),
        _ => ("yens", "yen", false),
    };
    let sp = unit_space(r, Lang::Fr);
    if !small && r.percent(70) {
        let (m, s) = mantissa(r, 999);
        let exp = scale_exp(r, m, s, false);
        let n = num(r, Lang::Fr, m, s);
        let many = dec(m, s) >= Decimal::TWO;
        // French "billion" is 10^12 (long scale).
        let word = match (exp, many) {
            (6, true) => "millions",
            (6, false) => "million",
            (9, true) => "milliards",
            (9, false) => "milliard",
            (_, true) => "billions",
            (_, false) => "billion",
        };
        let value = times_pow10(dec(m, s), exp);
        let de = if elide { "d'" } else { "de " };
        return match r.below(10) {
            0..=5 => money_fig(
                format!("{n} {word} {de}{plural}"),
                value,
                cur,
                "fr.money.scale-de-name",
            ),
            6 | 7 if cur == "EUR" && exp < 12 => {
                let abbr = if exp == 6 { "M€" } else { "Md€" };
                money_fig(format!("{n}{sp}{abbr}"), value, cur, "fr.money.abbr-euro")
            }
            8 => money_fig(
                format!("{n} {word} {cur}"),
                value,
                cur,
                "fr.money.scale-code",
            ),
            _ => match symbol {
                Some(sym) => money_fig(
                    format!("{n} {word} de {sym}"),
                    value,
                    cur,
                    "fr.money.scale-de-symbol",
                ),
                None => money_fig(
                    format!("{n} {word} {de}{plural}"),
                    value,
                    cur,
                    "fr.money.scale-de-name",
                ),
            },
        };
    }
    let (m, s) = plain_amount(r, small);
    let value = dec(m, s);
    let n = num(r, Lang::Fr, m, s);
    match (symbol, r.below(5)) {
        (Some(sym), 0..=2) => money_fig(format!("{n}{sp}{sym}"), value, cur, "fr.money.symbol"),
        (_, 3) => money_fig(format!("{n} {cur}"), value, cur, "fr.money.code"),
        _ => {
            let name = if value >= Decimal::TWO {
                plural
            } else {
                singular
            };
            money_fig(format!("{n} {name}"), value, cur, "fr.money.name")
        }
    }
}

const DE_CURS: &[(&str, u64)] = &[
    ("EUR", 52),
    ("USD", 26),
    ("CHF", 8),
    ("GBP", 5),
    ("CNY", 3),
    ("RUB", 3),
    ("JPY", 3),
];

fn money_de(r: &mut Rng, small: bool) -> Fig {
    let cur = r.weighted(DE_CURS);
    let symbol = match cur {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        _ => None,
    };
    let name = match cur {
        "EUR" => "Euro",
        "USD" => *r.pick(&["Dollar", "US-Dollar"]),
        "GBP" => *r.pick(&["Pfund", "britische Pfund"]),
        "CHF" => *r.pick(&["Franken", "Schweizer Franken"]),
        "CNY" => "Yuan",
        "RUB" => "Rubel",
        _ => "Yen",
    };
    if !small && r.percent(70) {
        let (m, s) = mantissa(r, 999);
        let exp = scale_exp(r, m, s, true);
        let n = num(r, Lang::De, m, s);
        let one = m == 1 && s == 0;
        let abbr = r.percent(55);
        // German "Billion" is 10^12 (long scale).
        let word = match (exp, abbr, one) {
            (3, _, _) => "Tsd.",
            (6, true, _) => "Mio.",
            (9, true, _) => "Mrd.",
            (6, false, true) => "Million",
            (6, false, false) => "Millionen",
            (9, false, true) => "Milliarde",
            (9, false, false) => "Milliarden",
            (_, _, true) => "Billion",
            (_, _, false) => "Billionen",
        };
        let value = times_pow10(dec(m, s), exp);
        return match r.below(10) {
            0..=5 => money_fig(
                format!("{n} {word} {name}"),
                value,
                cur,
                "de.money.scale-name",
            ),
            6 | 7 if symbol.is_some() => money_fig(
                format!("{n} {word} {}", symbol.unwrap_or_default()),
                value,
                cur,
                "de.money.scale-symbol",
            ),
            8 if exp != 3 => money_fig(
                format!("{cur} {n} {word}"),
                value,
                cur,
                "de.money.code-scale",
            ),
            _ => money_fig(
                format!("{n} {word} {cur}"),
                value,
                cur,
                "de.money.scale-code",
            ),
        };
    }
    let (m, s) = plain_amount(r, small);
    let value = dec(m, s);
    let n = num(r, Lang::De, m, s);
    match (symbol, r.below(5)) {
        (Some(sym), 0..=2) => money_fig(format!("{n} {sym}"), value, cur, "de.money.symbol"),
        (_, 3) => money_fig(format!("{n} {cur}"), value, cur, "de.money.code"),
        _ => money_fig(format!("{n} {name}"), value, cur, "de.money.name"),
    }
}

const RU_CURS: &[(&str, u64)] = &[
    ("RUB", 48),
    ("USD", 28),
    ("EUR", 14),
    ("CNY", 6),
    ("GBP", 2),
    ("JPY", 2),
];

/// Russian currency names by plural class, and the usual abbreviation.
fn ru_currency(cur: &str) -> ([&'static str; 3], Option<&'static str>) {
    match cur {
        "RUB" => (["рубль", "рубля", "рублей"], Some("руб.")),
        "USD" => (["доллар", "доллара", "долларов"], Some("долл.")),
        "EUR" => (["евро", "евро", "евро"], None),
        "CNY" => (["юань", "юаня", "юаней"], None),
        "GBP" => (
            ["фунт стерлингов", "фунта стерлингов", "фунтов стерлингов"],
            None,
        ),
        _ => (["иена", "иены", "иен"], None),
    }
}

/// `at_end`: the figure ends a sentence. "$9 млрд" is then not written,
/// since chiffre reads the full stop as the dot of "млрд." (the span would
/// grow by one byte); "9 млрд долларов." is.
fn money_ru(r: &mut Rng, small: bool, at_end: bool) -> Fig {
    let cur = r.weighted(RU_CURS);
    let (names, abbr) = ru_currency(cur);
    if !small && r.percent(70) {
        let (m, s) = mantissa(r, 999);
        let exp = scale_exp(r, m, s, true);
        let n = num(r, Lang::Ru, m, s);
        let value = times_pow10(dec(m, s), exp);
        let class = ru_class(m, s);
        let word = if r.percent(70) {
            match exp {
                3 => "тыс.",
                6 => "млн",
                9 => "млрд",
                _ => "трлн",
            }
        } else {
            let forms = match exp {
                3 => ["тысяча", "тысячи", "тысяч"],
                6 => ["миллион", "миллиона", "миллионов"],
                9 => ["миллиард", "миллиарда", "миллиардов"],
                _ => ["триллион", "триллиона", "триллионов"],
            };
            forms[class]
        };
        // After a scale word the currency is in the genitive plural.
        return match r.below(10) {
            0..=5 => money_fig(
                format!("{n} {word} {}", names[2]),
                value,
                cur,
                "ru.money.scale-name",
            ),
            6 | 7 if abbr.is_some() => money_fig(
                format!("{n} {word} {}", abbr.unwrap_or_default()),
                value,
                cur,
                "ru.money.scale-abbr",
            ),
            8 if cur == "USD" && !at_end => {
                money_fig(format!("${n} {word}"), value, cur, "ru.money.symbol-scale")
            }
            _ => money_fig(
                format!("{n} {word} {}", names[2]),
                value,
                cur,
                "ru.money.scale-name",
            ),
        };
    }
    let (m, s) = plain_amount(r, small);
    // Russian copy often gives one decimal: "1 234,5 руб.".
    let (m, s) = if s == 2 && r.percent(25) {
        (m / 10, 1)
    } else {
        (m, s)
    };
    let value = dec(m, s);
    let n = num(r, Lang::Ru, m, s);
    match (abbr, r.below(5)) {
        (Some(a), 0 | 1) => money_fig(format!("{n} {a}"), value, cur, "ru.money.abbr"),
        _ if cur == "RUB" && r.percent(20) => {
            let sp = unit_space(r, Lang::Ru);
            money_fig(format!("{n}{sp}₽"), value, cur, "ru.money.symbol")
        }
        _ => {
            let name = names[ru_class(m, s)];
            money_fig(format!("{n} {name}"), value, cur, "ru.money.name")
        }
    }
}

fn money(r: &mut Rng, lang: Lang, small: bool, at_end: bool) -> Fig {
    match lang {
        Lang::En => money_en(r, small),
        Lang::Fr => money_fr(r, small),
        Lang::De => money_de(r, small),
        Lang::Ru => money_ru(r, small, at_end),
    }
}

fn percent(r: &mut Rng, lang: Lang) -> Fig {
    // Mostly small: rates, changes and shares below 15%.
    let top = r.weighted(&[(15u64, 65), (60, 28), (99, 7)]);
    let (m, s) = match r.weighted(&[(0u32, 40), (1, 45), (2, 15)]) {
        0 => (r.range(2, top), 0),
        1 => {
            let m = r.range(1, top * 10 - 1);
            if m % 10 == 0 { (m / 10, 0) } else { (m, 1) }
        }
        _ => (r.range(101, top.min(30) * 100 - 1), 2),
    };
    let n = num(r, lang, m, s);
    let value = dec(m, s);
    let word = r.percent(20);
    let (text, form) = match lang {
        Lang::En if word => (
            format!("{n} {}", r.pick(&["percent", "per cent"])),
            "en.percent.word",
        ),
        Lang::En => (format!("{n}%"), "en.percent.sign"),
        Lang::Fr if word => (format!("{n} pour cent"), "fr.percent.word"),
        Lang::Fr => {
            let sp = unit_space(r, Lang::Fr);
            (format!("{n}{sp}%"), "fr.percent.sign")
        }
        Lang::De if word => (format!("{n} Prozent"), "de.percent.word"),
        Lang::De => {
            let sp = if r.percent(60) { " " } else { "" };
            (format!("{n}{sp}%"), "de.percent.sign")
        }
        Lang::Ru if word => {
            let w = ["процент", "процента", "процентов"][ru_class(m, s)];
            (format!("{n} {w}"), "ru.percent.word")
        }
        Lang::Ru => {
            let sp = if r.percent(25) {
                unit_space(r, Lang::Ru)
            } else {
                ""
            };
            (format!("{n}{sp}%"), "ru.percent.sign")
        }
    };
    Fig {
        text,
        kind: Kind::Percent,
        value,
        currency: None,
        unit: None,
        form,
    }
}

fn power(r: &mut Rng, lang: Lang) -> Fig {
    let unit = r.weighted(&[("MW", 65u64), ("GW", 25), ("kW", 10)]);
    let (m, s) = match unit {
        "GW" => {
            let m = r.range(5, 250);
            if m % 10 == 0 { (m / 10, 0) } else { (m, 1) }
        }
        "kW" => (r.range(5, 950), 0),
        _ if r.percent(75) => (r.range(10, 4_800), 0),
        _ => (r.range(101, 9_999), 1),
    };
    let n = num(r, lang, m, s);
    let sp = unit_space(r, lang);
    let spelled = r.percent(20) && unit != "kW";
    let (text, form) = match lang {
        Lang::En if spelled => {
            let w = if unit == "MW" {
                "megawatts"
            } else {
                "gigawatts"
            };
            (format!("{n} {w}"), "en.power.word")
        }
        Lang::Fr if spelled => {
            let w = if unit == "MW" {
                "mégawatts"
            } else {
                "gigawatts"
            };
            (format!("{n} {w}"), "fr.power.word")
        }
        Lang::De if spelled => {
            let w = if unit == "MW" { "Megawatt" } else { "Gigawatt" };
            (format!("{n} {w}"), "de.power.word")
        }
        Lang::Ru if spelled => {
            let forms = if unit == "MW" {
                ["мегаватт", "мегаватта", "мегаватт"]
            } else {
                ["гигаватт", "гигаватта", "гигаватт"]
            };
            (format!("{n} {}", forms[ru_class(m, s)]), "ru.power.word")
        }
        Lang::Ru => {
            let sym = match unit {
                "MW" => "МВт",
                "GW" => "ГВт",
                _ => "кВт",
            };
            (format!("{n}{sp}{sym}"), "ru.power.symbol")
        }
        Lang::En => (format!("{n}{sp}{unit}"), "en.power.symbol"),
        Lang::Fr => (format!("{n}{sp}{unit}"), "fr.power.symbol"),
        Lang::De => (format!("{n}{sp}{unit}"), "de.power.symbol"),
    };
    Fig {
        text,
        kind: Kind::Power,
        value: dec(m, s),
        currency: None,
        unit: Some(unit),
        form,
    }
}

fn energy(r: &mut Rng, lang: Lang) -> Fig {
    let unit = r.weighted(&[("GWh", 50u64), ("MWh", 30), ("TWh", 20)]);
    let (m, s) = match unit {
        "TWh" => {
            let m = r.range(5, 999);
            if m % 10 == 0 { (m / 10, 0) } else { (m, 1) }
        }
        _ => (r.range(20, 48_000), 0),
    };
    let n = num(r, lang, m, s);
    let sp = unit_space(r, lang);
    let (text, form) = match lang {
        Lang::De if r.percent(20) => {
            let w = match unit {
                "GWh" => "Gigawattstunden",
                "MWh" => "Megawattstunden",
                _ => "Terawattstunden",
            };
            (format!("{n} {w}"), "de.energy.word")
        }
        Lang::Ru => {
            let sym = match unit {
                "GWh" => "ГВт·ч",
                "MWh" => "МВт·ч",
                _ => "ТВт·ч",
            };
            (format!("{n}{sp}{sym}"), "ru.energy.symbol")
        }
        Lang::En => (format!("{n}{sp}{unit}"), "en.energy.symbol"),
        Lang::Fr => (format!("{n}{sp}{unit}"), "fr.energy.symbol"),
        Lang::De => (format!("{n}{sp}{unit}"), "de.energy.symbol"),
    };
    Fig {
        text,
        kind: Kind::Energy,
        value: dec(m, s),
        currency: None,
        unit: Some(unit),
        form,
    }
}

const EN_SPELLED: [&str; 19] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const FR_SPELLED: [&str; 19] = [
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt",
];
const DE_SPELLED: [&str; 19] = [
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
    "zwanzig",
];
const RU_SPELLED: [&str; 19] = [
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
    "двадцать",
];

/// A duration as a noun phrase: "12 years", "douze ans", "zwölf Jahre"
/// (accusative), "12 лет" (accusative).
fn duration(r: &mut Rng, lang: Lang) -> Fig {
    let months = r.percent(30);
    let n = if months {
        r.range(2, 36)
    } else {
        r.range(2, 30)
    };
    let spelled = n <= 20 && r.percent(30);
    let digits = if spelled {
        match lang {
            Lang::En => EN_SPELLED[n as usize - 2],
            Lang::Fr => FR_SPELLED[n as usize - 2],
            Lang::De => DE_SPELLED[n as usize - 2],
            Lang::Ru => RU_SPELLED[n as usize - 2],
        }
        .to_string()
    } else {
        n.to_string()
    };
    let word = match (lang, months) {
        (Lang::En, false) => "years",
        (Lang::En, true) => "months",
        (Lang::Fr, false) => "ans",
        (Lang::Fr, true) => "mois",
        (Lang::De, false) => "Jahre",
        (Lang::De, true) => "Monate",
        (Lang::Ru, false) => ["год", "года", "лет"][ru_class(n, 0)],
        (Lang::Ru, true) => ["месяц", "месяца", "месяцев"][ru_class(n, 0)],
    };
    let form = match (lang, spelled) {
        (Lang::En, false) => "en.duration.digits",
        (Lang::En, true) => "en.duration.spelled",
        (Lang::Fr, false) => "fr.duration.digits",
        (Lang::Fr, true) => "fr.duration.spelled",
        (Lang::De, false) => "de.duration.digits",
        (Lang::De, true) => "de.duration.spelled",
        (Lang::Ru, false) => "ru.duration.digits",
        (Lang::Ru, true) => "ru.duration.spelled",
    };
    Fig {
        text: format!("{digits} {word}"),
        kind: Kind::Duration,
        value: Decimal::from(n),
        currency: None,
        unit: Some(if months { "month" } else { "year" }),
        form,
    }
}

/// A duration as an adjective glued to its number: "12-year",
/// "12-jährigen" (after "des", "einen"), "12-летний" (masculine). French has
/// no such form and gets a noun phrase.
fn duration_adj(r: &mut Rng, lang: Lang) -> Fig {
    let months = r.percent(25);
    let n = if months {
        r.range(3, 36)
    } else {
        r.range(2, 30)
    };
    let (text, form) = match (lang, months) {
        (Lang::En, false) => (format!("{n}-year"), "en.duration.adjective"),
        (Lang::En, true) => (format!("{n}-month"), "en.duration.adjective"),
        (Lang::De, false) => (format!("{n}-jährigen"), "de.duration.adjective"),
        (Lang::De, true) => (format!("{n}-monatigen"), "de.duration.adjective"),
        (Lang::Ru, false) => (format!("{n}-летний"), "ru.duration.adjective"),
        (Lang::Ru, true) => (format!("{n}-месячный"), "ru.duration.adjective"),
        (Lang::Fr, _) => return duration(r, lang),
    };
    Fig {
        text,
        kind: Kind::Duration,
        value: Decimal::from(n),
        currency: None,
        unit: Some(if months { "month" } else { "year" }),
        form,
    }
}

/// What a count counts: the nouns and the usual sizes differ.
#[derive(Clone, Copy)]
enum Counted {
    Staff,
    Jobs,
    Outlets,
    Customers,
}

fn count_nouns(lang: Lang, what: Counted) -> &'static [&'static str] {
    match (lang, what) {
        (Lang::En, Counted::Staff) => &["employees", "workers", "staff", "engineers"],
        (Lang::En, Counted::Jobs) => &["jobs"],
        (Lang::En, Counted::Outlets) => &["stores", "branches", "sites"],
        (Lang::En, Counted::Customers) => &["customers", "households", "homes", "subscribers"],
        (Lang::Fr, Counted::Staff) => &["salariés", "collaborateurs", "employés", "ingénieurs"],
        (Lang::Fr, Counted::Jobs) => &["emplois", "postes"],
        (Lang::Fr, Counted::Outlets) => &["magasins", "agences", "sites"],
        (Lang::Fr, Counted::Customers) => &["clients", "foyers", "logements", "abonnés"],
        (Lang::De, Counted::Staff) => &["Mitarbeiter", "Beschäftigte", "Angestellte", "Ingenieure"],
        (Lang::De, Counted::Jobs) => &["Arbeitsplätze", "Stellen"],
        (Lang::De, Counted::Outlets) => &["Filialen", "Standorte", "Geschäfte"],
        (Lang::De, Counted::Customers) => &["Kunden", "Haushalte", "Wohnungen", "Abonnenten"],
        // Russian: the genitive singular after 2–4, then the genitive
        // plural after 5+ (the nominative singular after 21, 31... is
        // avoided: the number is moved off it).
        (Lang::Ru, Counted::Staff) => &["сотрудника", "сотрудников", "работника", "работников"],
        (Lang::Ru, Counted::Jobs) => &["рабочих места", "рабочих мест"],
        (Lang::Ru, Counted::Outlets) => &["магазина", "магазинов", "объекта", "объектов"],
        (Lang::Ru, Counted::Customers) => &[
            "клиента",
            "клиентов",
            "пользователя",
            "пользователей",
            "подписчика",
            "подписчиков",
            "домохозяйства",
            "домохозяйств",
        ],
    }
}

/// "1,200 employees", "1 200 сотрудников".
fn count(r: &mut Rng, lang: Lang, what: Counted) -> Fig {
    let mut n = match what {
        Counted::Outlets => r.range(12, 2_500),
        Counted::Customers => match r.below(3) {
            0 => r.range(1_000, 99_999),
            1 => r.range(100_000, 999_999),
            _ => r.range(1_000_000, 25_000_000),
        },
        Counted::Staff | Counted::Jobs => match r.below(3) {
            0 => r.range(12, 99),
            1 => r.range(100, 9_999),
            _ => r.range(10_000, 250_000),
        },
    };
    if lang == Lang::Ru && ru_class(n, 0) == 0 {
        n += 1;
    }
    let digits = num(r, lang, n, 0);
    let nouns = count_nouns(lang, what);
    let noun = if lang == Lang::Ru {
        // (2–4 form, 5+ form) pairs
        let pair = r.below(nouns.len() as u64 / 2) as usize * 2;
        nouns[pair + ru_class(n, 0) - 1]
    } else {
        r.pick(nouns)
    };
    let form = match lang {
        Lang::En => "en.count",
        Lang::Fr => "fr.count",
        Lang::De => "de.count",
        Lang::Ru => "ru.count",
    };
    Fig {
        text: format!("{digits} {noun}"),
        kind: Kind::Count,
        value: Decimal::from(n),
        currency: None,
        unit: None,
        form,
    }
}

// ------------------------------------------------------------ distractors

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A date with its preposition ("on March 3, 2021", "le 3 mars 2021", "am
/// 3. März 2021", "3 марта 2021 года"): digits that are no figure.
fn date(r: &mut Rng, lang: Lang, with_year: bool) -> String {
    let day = r.range(1, 28);
    let month = r.below(12) as usize;
    let year = r.range(2009, 2031);
    match (lang, with_year) {
        (Lang::En, true) if r.percent(50) => format!("on {} {day}, {year}", EN_MONTHS[month]),
        (Lang::En, true) => format!("on {day} {} {year}", EN_MONTHS[month]),
        (Lang::En, false) => format!("on {} {day}", EN_MONTHS[month]),
        (Lang::Fr, _) => {
            let d = if day == 1 {
                "1er".to_string()
            } else {
                day.to_string()
            };
            if with_year {
                format!("le {d} {} {year}", FR_MONTHS[month])
            } else {
                format!("le {d} {}", FR_MONTHS[month])
            }
        }
        (Lang::De, true) => format!("am {day}. {} {year}", DE_MONTHS[month]),
        (Lang::De, false) => format!("am {day}. {}", DE_MONTHS[month]),
        (Lang::Ru, true) => format!("{day} {} {year} года", RU_MONTHS[month]),
        (Lang::Ru, false) => format!("{day} {}", RU_MONTHS[month]),
    }
}

/// The day and month of a dateline ("March 3", "3 mars", "3. März", "3 марта").
fn dateline_day(r: &mut Rng, lang: Lang) -> String {
    let day = r.range(1, 28);
    let month = r.below(12) as usize;
    match lang {
        Lang::En => format!("{} {day}", EN_MONTHS[month]),
        Lang::Fr => format!("{day} {}", FR_MONTHS[month]),
        Lang::De => format!("{day}. {}", DE_MONTHS[month]),
        Lang::Ru => format!("{day} {}", RU_MONTHS[month]),
    }
}

// -------------------------------------------------------------- templates

/// The words of one language. Template slots:
///
/// * figures: `{M}` an amount of money, `{m}` a price, `{P}` a percentage,
///   `{W}` power, `{E}` energy, `{D}` a duration ("12 years"), `{A}` a
///   duration adjective ("12-year"), `{C}` staff ("1,200 employees"), `{J}`
///   jobs, `{B}` shops and branches, `{U}` customers and households;
/// * no figure: `{Y}` a year, `{T}` a date, `{O}` a company, `{N}` a person,
///   `{L}` a place (Russian: prepositional case), `{Q}` a reporting period.
struct Tongue {
    figures: &'static [&'static str],
    fillers: &'static [&'static str],
    headlines: &'static [&'static str],
    orgs: &'static [&'static str],
    people: &'static [&'static str],
    /// (dateline form, form used in templates)
    places: &'static [(&'static str, &'static str)],
    periods: &'static [&'static str],
}

fn tongue(lang: Lang) -> &'static Tongue {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::Ru => &RU,
    }
}

static EN: Tongue = Tongue {
    figures: &[
        "{O} reported net income of {M} for the {Q}, a rise of {P} on the same period last year.",
        "The acquisition values {O} at {M} including debt, and still needs the approval of competition authorities.",
        "{O} will spend {M} on a solar park outside {L} with a peak output of {W}.",
        "Under a {A} supply contract, {O} has agreed to buy {E} of electricity from the project.",
        "{N}, who chairs the board, said in {L} that the group would shed {J} by the end of the decade.",
        "Sales climbed {P} to {M}, ahead of the consensus compiled by the company.",
        "Its shares ended the session at {m}, which gives the business a market value of {M}.",
        "Consumer prices rose {P} in the {Q}, the slowest pace since {Y}.",
        "The lender set aside {M} to cover bad loans, compared with {M} in the previous quarter.",
        "The site, which employs {C}, will add {W} of capacity when it is finished.",
        "{O} sold {M} of bonds on Tuesday, and demand was strong enough to cut the coupon to {P}.",
        "Regulators can impose penalties of {M} for each breach, according to the draft rules.",
        "{O}, which opened its first office in {L} in {Y}, now has {C}.",
        "The central bank held its benchmark rate at {P} for another meeting, as most economists had expected.",
        "The turbines, ordered for {M}, are rated at {W} each.",
        "The grid operator said demand reached {E} on the coldest day of the winter.",
        "During its first {D}, the fund returned {P}, its managers said in a letter to clients.",
        "The {A} lease is worth {M}, the filing showed.",
        "{O} cut its forecast and now expects revenue of {M} and an operating margin of {P}.",
        "The plan would create {J} and generate {E} of clean power, its backers say.",
        "Labour costs make up {P} of the budget, which stands at {M}.",
        "The merger would give the combined group {C} and sales of {M}.",
        "A spokeswoman said the refinery had been idle for {D} and would need {M} in repairs.",
        "{O} raised its dividend to {m} a share and announced a buyback of {M}.",
        "Unemployment in {L} fell to {P}, while wages grew {P} in nominal terms.",
        "The battery system in {L}, rated at {W}, can store {E}.",
        "{O} paid {M} for a {P} stake in the venture.",
        "Exports rose to {M} in the {Q} as shipments of machinery recovered.",
        "The {A} concession, signed {T}, obliges the operator to invest {M} in the network.",
        "Output at the smelter fell {P} after the plant lost {W} of supply during the storm.",
        "The retailer will close {B} and write down {M} of assets.",
        "Revenue: {M}. Operating profit: {M}. Margin: {P}.",
        "{O} expects to spend {M} this year, of which {M} will go to the grid and {M} to new plants.",
        "{O} now supplies {U}, and its share of the market has climbed to {P}.",
        "The utility sold {E} in the {Q}, down {P} on a year earlier, at an average price of {m}.",
    ],
    fillers: &[
        "Analysts cautioned that the recovery remained fragile, pointing to weak order books, stubborn wage pressure and the lingering effect of higher borrowing costs on smaller firms.",
        "The company did not respond to a request for comment outside regular business hours.",
        "Investors have grown wary of the sector after a string of profit warnings earlier this year, and several funds have trimmed their holdings as a result.",
        "People familiar with the talks said the two sides were still far apart on price, although neither wanted the negotiations to collapse before the summer.",
        "A decision is expected after the summer, once the competition authority has completed its review of the deal and heard the objections of rival bidders.",
        "Trade unions said they would resist any attempt to close plants without a clear plan for retraining workers and protecting pensions.",
        "Officials in {L} described the meeting as constructive but declined to give details.",
        "The board, which met {T}, also approved changes to the way senior executives are paid and promised to publish a fuller report.",
        "Demand from Asia, the largest market for the group, has softened as the property sector there struggles to find a floor.",
        "Shares in the sector have lagged the broader market since {Y}, when a change in subsidy rules squeezed margins across the industry.",
        "The ministry said it would publish a more detailed assessment before parliament breaks for the recess.",
        "Several rating agencies have put the group on watch, citing uncertainty about its refinancing plans and the cost of its pension obligations.",
        "Competitors are watching closely, since the outcome could set a precedent for similar projects across the region.",
        "Environmental groups welcomed the decision but said the timetable was still too slow and the targets too vague.",
        "{N}, the chief financial officer, is due to step down at the end of the year, and the search for a successor is under way.",
        "Bad weather and a shortage of skilled staff delayed construction by several months, according to a report commissioned by the lenders.",
        "The announcement came as investors weighed fresh signals on interest rates, trade and the health of consumer spending.",
        "Lawmakers in {L} are expected to debate the proposal in the autumn, and opposition parties have already signalled that they will try to amend it.",
    ],
    headlines: &[
        "{O} to cut {J} as orders slump",
        "{O} profit jumps {P} on strong demand",
        "{O} agrees {M} takeover of smaller rival",
        "Inflation in {L} eases to {P}",
        "{O} wins {A} contract to supply power to {L}",
        "Regulator fines {O} {M} over reporting failures",
        "{O} plans {W} wind farm off the coast",
        "Shares in {O} slide after profit warning",
        "Talks on sale of {O} stall over price",
        "Wage deal ends strike at {O} plant in {L}",
        "Storage project in {L} to hold {E}",
        "{O} shareholders back new board",
    ],
    orgs: &[
        "Greywater Power",
        "Larkfield Bank",
        "Corven Minerals",
        "Ashgrove Retail",
        "Pellham Airways",
        "Tidemark Utilities",
        "Rowan & Sable",
        "Kestrel Logistics",
        "Brightmoor Telecom",
        "the Harwick Group",
        "Fenland Water",
        "Oakridge Capital",
    ],
    people: &[
        "Margaret Ellison",
        "David Okafor",
        "Lena Marsh",
        "Robert Kline",
        "Aisha Rahman",
        "Peter Dunmore",
    ],
    places: &[
        ("Leeds", "Leeds"),
        ("Denver", "Denver"),
        ("Rotterdam", "Rotterdam"),
        ("Osaka", "Osaka"),
        ("Calgary", "Calgary"),
        ("Melbourne", "Melbourne"),
        ("Glasgow", "Glasgow"),
        ("Austin", "Austin"),
    ],
    periods: &[
        "first quarter",
        "second quarter",
        "third quarter",
        "fourth quarter",
        "first half",
        "second half",
        "financial year",
    ],
};

static FR: Tongue = Tongue {
    figures: &[
        "{O} a dégagé un bénéfice net de {M} au {Q}, en progression de {P} sur un an.",
        "L'acquisition valorise {O} à {M}, dette comprise, et doit encore être autorisée par les autorités de la concurrence.",
        "{O} consacrera {M} à un parc solaire situé près de {L}, d'une puissance de {W}.",
        "Le contrat, conclu pour {D}, porte sur la livraison de {E} d'électricité.",
        "{N}, présidente du directoire, a confirmé à {L} la suppression de {J} d'ici à la fin de la décennie.",
        "Les ventes ont bondi de {P} pour atteindre {M}, un niveau jamais atteint par le groupe.",
        "Le titre a terminé la séance à {m}, ce qui porte la capitalisation du groupe à {M}.",
        "Les prix à la consommation ont augmenté de {P} au {Q}, leur plus faible hausse depuis {Y}.",
        "La banque a provisionné {M} pour faire face aux impayés, contre {M} le trimestre précédent.",
        "Le site, qui emploie {C}, apportera {W} de capacités nouvelles une fois achevé.",
        "{O} a levé {M} sur le marché obligataire mardi, avec un coupon de {P}.",
        "Les sanctions pourront atteindre {M} par infraction, selon le projet de texte.",
        "Installée à {L} depuis {Y}, l'entreprise compte désormais {C}.",
        "La banque centrale a maintenu son taux directeur à {P}, comme l'attendaient les économistes.",
        "Les turbines, commandées pour {M}, affichent chacune une puissance de {W}.",
        "Le gestionnaire du réseau indique que la consommation a atteint {E} lors de la journée la plus froide de l'hiver.",
        "Depuis {D}, le fonds affiche un rendement de {P}, selon une lettre adressée aux porteurs de parts.",
        "Le bail, d'une durée de {D}, représente un engagement de {M}.",
        "{O} a abaissé ses prévisions et table désormais sur un chiffre d'affaires de {M} et une marge opérationnelle de {P}.",
        "Le projet doit créer {J} et produire {E} d'électricité renouvelable.",
        "La masse salariale représente {P} du budget, qui s'élève à {M}.",
        "La fusion donnerait naissance à un groupe de {C} réalisant un chiffre d'affaires de {M}.",
        "La raffinerie est à l'arrêt depuis {D} et les réparations coûteront {M}, selon une porte-parole.",
        "{O} versera un dividende de {m} par action et rachètera ses propres titres pour {M}.",
        "À {L}, le taux de chômage a reculé à {P}, tandis que les salaires ont progressé de {P}.",
        "La batterie installée à {L}, d'une puissance de {W}, peut stocker {E}.",
        "Le groupe a déboursé {M} pour prendre {P} du capital de la coentreprise.",
        "Les exportations ont atteint {M} au {Q}, portées par la reprise des ventes de machines.",
        "La concession, signée {T} pour {D}, oblige l'exploitant à investir {M} dans le réseau.",
        "La production de l'usine a chuté de {P} après la perte de {W} d'approvisionnement pendant la tempête.",
        "L'enseigne fermera {B} et dépréciera {M} d'actifs.",
        "Chiffre d'affaires : {M}. Résultat opérationnel : {M}. Marge : {P}.",
        "{O} prévoit d'investir {M} cette année, dont {M} dans le réseau et {M} dans de nouvelles centrales.",
        "{O} alimente désormais {U}, et sa part de marché atteint {P}.",
        "Le fournisseur a vendu {E} au {Q}, en baisse de {P} sur un an, au prix moyen de {m}.",
    ],
    fillers: &[
        "Les analystes jugent la reprise fragile, en raison de carnets de commandes dégarnis, de pressions salariales persistantes et du coût du crédit pour les petites entreprises.",
        "L'entreprise n'a pas donné suite aux sollicitations de la presse en dehors des heures de bureau.",
        "Les investisseurs se méfient du secteur après une série d'avertissements sur résultats, et plusieurs fonds ont allégé leurs positions ces dernières semaines.",
        "Selon des sources proches des discussions, les deux parties restent éloignées sur le prix, même si aucune ne souhaite une rupture des négociations avant l'été.",
        "Une décision est attendue après l'été, lorsque l'autorité de la concurrence aura achevé son examen du dossier et entendu les objections des concurrents.",
        "Les syndicats promettent de s'opposer à toute fermeture de site qui ne serait pas accompagnée d'un plan de reconversion crédible.",
        "À {L}, les responsables ont qualifié la réunion de constructive, sans donner davantage de détails.",
        "Le conseil d'administration, réuni {T}, a également revu la rémunération des dirigeants et promis un rapport plus complet.",
        "La demande asiatique, principal débouché du groupe, s'essouffle à mesure que le secteur immobilier peine à se redresser.",
        "Le secteur fait moins bien que l'ensemble de la cote depuis {Y}, lorsque la réforme des aides publiques a pesé sur les marges.",
        "Le ministère publiera une évaluation plus détaillée avant la suspension des travaux parlementaires.",
        "Plusieurs agences de notation ont placé le groupe sous surveillance, invoquant les incertitudes sur son refinancement et le coût de ses engagements de retraite.",
        "La concurrence suit le dossier de près, car son issue pourrait faire jurisprudence pour d'autres projets de la région.",
        "Les associations de défense de l'environnement saluent la décision mais jugent le calendrier trop lent et les objectifs trop flous.",
        "{N}, directrice financière, quittera ses fonctions à la fin de l'année, et la recherche d'un successeur est engagée.",
        "Les intempéries et la pénurie de main-d'œuvre qualifiée ont retardé le chantier de plusieurs mois, selon un rapport commandé par les prêteurs.",
        "L'annonce intervient alors que les marchés scrutent les signaux sur les taux d'intérêt, le commerce mondial et la consommation des ménages.",
        "Les députés devraient examiner le texte à l'automne, et l'opposition a déjà fait savoir qu'elle tenterait de l'amender.",
    ],
    headlines: &[
        "{O} va supprimer {J}",
        "Le bénéfice de {O} bondit de {P}",
        "{O} s'offre un concurrent pour {M}",
        "L'inflation ralentit à {P} à {L}",
        "{O} remporte un contrat de {D} pour alimenter {L}",
        "Amende de {M} pour {O}",
        "{O} prévoit un parc éolien en mer de {W}",
        "Le titre {O} chute après un avertissement sur résultats",
        "Les discussions sur la vente de {O} achoppent sur le prix",
        "Fin de la grève dans l'usine {O} de {L}",
        "Un site de stockage de {E} à {L}",
        "Les actionnaires de {O} approuvent le nouveau conseil",
    ],
    orgs: &[
        "Groupe Arvel",
        "Banque Sorlin",
        "Minerais du Causse",
        "Enseignes Vautrin",
        "Aéroligne Mistral",
        "Eaux de la Vézère",
        "Transports Delorme",
        "Télécom Armor",
        "Société Fréville",
        "Capital Ardoise",
    ],
    people: &[
        "Hélène Marchal",
        "Nadia Benali",
        "Camille Rousset",
        "Agnès Perrin",
        "Inès Lambert",
    ],
    places: &[
        ("Nantes", "Nantes"),
        ("Lille", "Lille"),
        ("Rennes", "Rennes"),
        ("Grenoble", "Grenoble"),
        ("Strasbourg", "Strasbourg"),
        ("Liège", "Liège"),
        ("Lausanne", "Lausanne"),
        ("Québec", "Québec"),
    ],
    periods: &[
        "premier trimestre",
        "deuxième trimestre",
        "troisième trimestre",
        "quatrième trimestre",
        "premier semestre",
        "second semestre",
    ],
};

static DE: Tongue = Tongue {
    figures: &[
        "{O} erzielte im {Q} einen Nettogewinn von {M}, ein Plus von {P} gegenüber dem Vorjahreszeitraum.",
        "Die Übernahme bewertet {O} einschließlich Schulden mit {M}; die Kartellbehörden müssen noch zustimmen.",
        "{O} steckt {M} in einen Solarpark bei {L}, der eine Spitzenleistung von {W} haben soll.",
        "Der Liefervertrag läuft {D} und umfasst {E} Strom.",
        "{N}, Vorstandschefin des Konzerns, kündigte in {L} den Abbau von {J} an.",
        "Der Umsatz kletterte um {P} auf {M} und lag damit deutlich besser als von Analysten erwartet.",
        "Die Aktie schloss bei {m}, womit das Unternehmen an der Börse {M} wert ist.",
        "Die Verbraucherpreise stiegen im {Q} um {P}, so langsam wie seit {Y} nicht mehr.",
        "Die Bank bildete Rückstellungen in Höhe von {M} für faule Kredite, nach {M} im Vorquartal.",
        "Das Werk, das {C} beschäftigt, soll nach der Fertigstellung zusätzlich {W} liefern.",
        "{O} platzierte am Dienstag eine Anleihe im Volumen von {M} mit einem Kupon von {P}.",
        "Bei Verstößen drohen Strafen von {M} je Fall, heißt es im Entwurf.",
        "Das Unternehmen ist seit {Y} in {L} vertreten und beschäftigt inzwischen {C}.",
        "Die Notenbank beließ den Leitzins bei {P}, wie es die meisten Volkswirte erwartet hatten.",
        "Die Turbinen, für {M} bestellt, leisten jeweils {W}.",
        "Nach Angaben des Netzbetreibers erreichte der Verbrauch am kältesten Tag des Winters {E}.",
        "Der Mietvertrag wurde für {D} geschlossen und hat ein Volumen von {M}.",
        "Im Rahmen des {A} Liefervertrags bezieht {O} den Strom direkt aus dem Windpark.",
        "{O} senkte die Prognose und rechnet nun mit einem Umsatz von {M} und einer operativen Marge von {P}.",
        "Das Projekt soll {J} schaffen und {E} Ökostrom erzeugen.",
        "Die Personalkosten machen {P} des Budgets aus, das sich auf {M} beläuft.",
        "Nach der Fusion käme der Konzern auf {C} und einen Umsatz von {M}.",
        "Die Raffinerie war {D} außer Betrieb, die Reparatur kostet nach Angaben einer Sprecherin {M}.",
        "{O} erhöht die Dividende auf {m} je Aktie und kauft eigene Papiere für {M} zurück.",
        "In {L} sank die Arbeitslosenquote auf {P}, während die Löhne um {P} zulegten.",
        "Der Batteriespeicher in {L} hat eine Leistung von {W} und kann {E} aufnehmen.",
        "Für einen Anteil von {P} an dem Gemeinschaftsunternehmen zahlte der Konzern {M}.",
        "Die Exporte stiegen im {Q} auf {M}, getragen von der Erholung im Maschinenbau.",
        "Die Konzession, {T} unterzeichnet, verpflichtet den Betreiber, {M} in das Netz zu investieren.",
        "Die Produktion der Hütte sank um {P}, nachdem im Sturm {W} an Versorgung ausgefallen waren.",
        "Die Handelskette schließt {B} und schreibt {M} auf Vermögenswerte ab.",
        "Umsatz: {M}. Operatives Ergebnis: {M}. Marge: {P}.",
        "{O} will in diesem Jahr {M} investieren, davon {M} in das Netz und {M} in neue Kraftwerke.",
        "{O} versorgt inzwischen {U}, der Marktanteil ist auf {P} gestiegen.",
        "Im {Q} verkaufte der Versorger {E}, ein Minus von {P} gegenüber dem Vorjahr, zu einem Durchschnittspreis von {m}.",
        "Wegen des {A} Vertrags mit dem Netzbetreiber rechnet {O} mit stabilen Einnahmen.",
    ],
    fillers: &[
        "Analysten halten die Erholung für brüchig und verweisen auf dünne Auftragsbücher, anhaltenden Lohndruck und die hohen Finanzierungskosten kleinerer Unternehmen.",
        "Das Unternehmen war außerhalb der Geschäftszeiten für eine Stellungnahme nicht zu erreichen.",
        "Anleger meiden die Branche nach einer Reihe von Gewinnwarnungen, und mehrere Fonds haben ihre Positionen in den vergangenen Wochen verringert.",
        "Nach Angaben von Personen, die mit den Gesprächen vertraut sind, liegen beide Seiten beim Preis noch weit auseinander, wollen die Verhandlungen aber nicht scheitern lassen.",
        "Eine Entscheidung wird nach dem Sommer erwartet, wenn das Kartellamt seine Prüfung abgeschlossen und die Einwände der Wettbewerber angehört hat.",
        "Die Gewerkschaften kündigten Widerstand gegen jede Schließung an, die nicht von einem glaubwürdigen Plan zur Umschulung der Belegschaft begleitet wird.",
        "Vertreter der Stadt {L} nannten das Treffen konstruktiv, wollten sich aber nicht zu Einzelheiten äußern.",
        "Der Aufsichtsrat, der {T} tagte, billigte zudem eine neue Vergütungsordnung für den Vorstand.",
        "Die Nachfrage aus Asien, dem wichtigsten Absatzmarkt des Konzerns, lässt nach, weil sich der dortige Immobiliensektor nur langsam fängt.",
        "Die Branche entwickelt sich seit {Y} schwächer als der Gesamtmarkt, als geänderte Förderregeln die Margen drückten.",
        "Das Ministerium will vor der parlamentarischen Sommerpause eine ausführlichere Bewertung vorlegen.",
        "Mehrere Ratingagenturen prüfen eine Herabstufung und verweisen auf Unsicherheiten bei der Refinanzierung und den Pensionslasten.",
        "Die Konkurrenz beobachtet das Verfahren genau, weil es zum Präzedenzfall für ähnliche Vorhaben in der Region werden könnte.",
        "Umweltverbände begrüßten die Entscheidung, kritisierten den Zeitplan aber als zu langsam und die Ziele als zu vage.",
        "{N}, die Finanzchefin, scheidet zum Jahresende aus, die Suche nach einer Nachfolgerin läuft bereits.",
        "Schlechtes Wetter und der Mangel an Fachkräften haben den Bau um mehrere Monate verzögert, heißt es in einem Gutachten für die Kreditgeber.",
        "Die Ankündigung fiel in eine Zeit, in der Anleger neue Signale zu Zinsen, Handel und Konsum abwägen.",
        "Der Landtag soll im Herbst über den Vorschlag beraten, die Opposition hat bereits Änderungsanträge angekündigt.",
    ],
    headlines: &[
        "{O} streicht {J}",
        "Gewinn von {O} springt um {P}",
        "{O} übernimmt Konkurrenten für {M}",
        "Inflation in {L} sinkt auf {P}",
        "{O} gewinnt Großauftrag für Stromversorgung in {L}",
        "Aufsicht verhängt Strafe von {M} gegen {O}",
        "{O} plant Windpark mit {W} vor der Küste",
        "Aktie von {O} bricht nach Gewinnwarnung ein",
        "Verkauf von {O} stockt am Preis",
        "Tarifeinigung beendet Streik bei {O} in {L}",
        "Speicher in {L} soll {E} fassen",
        "Aktionäre von {O} stimmen neuem Aufsichtsrat zu",
    ],
    orgs: &[
        "Weserkraft",
        "Lindbank",
        "Harzmetall",
        "Brenner",
        "Alpenflug",
        "Auenwerk",
        "Kolbe Logistik",
        "Nordnetz",
        "Kessler",
        "Tannberg Capital",
    ],
    people: &[
        "Sabine Wendt",
        "Claudia Reuter",
        "Miriam Falk",
        "Petra Lorenz",
        "Johanna Sieber",
    ],
    places: &[
        ("Dresden", "Dresden"),
        ("Leipzig", "Leipzig"),
        ("Bremen", "Bremen"),
        ("Hannover", "Hannover"),
        ("Graz", "Graz"),
        ("Basel", "Basel"),
        ("Düsseldorf", "Düsseldorf"),
        ("Nürnberg", "Nürnberg"),
    ],
    periods: &[
        "ersten Quartal",
        "zweiten Quartal",
        "dritten Quartal",
        "vierten Quartal",
        "ersten Halbjahr",
        "zweiten Halbjahr",
    ],
};

static RU: Tongue = Tongue {
    figures: &[
        "{O} сообщила, что чистая прибыль в {Q} составила {M} и выросла на {P} в годовом выражении.",
        "Стоимость сделки с учётом долга составит {M}, её ещё должны одобрить антимонопольные органы.",
        "{O} направит {M} на строительство солнечной электростанции мощностью {W} в {L}.",
        "Контракт заключён на {D} и предусматривает поставку {E} электроэнергии.",
        "{N}, председатель правления, заявила в {L}, что к концу десятилетия компания сократит {J}.",
        "Выручка выросла на {P} и составила {M}, что оказалось лучше прогнозов аналитиков.",
        "Акции завершили торги на отметке {m}, а рыночная капитализация компании достигла {M}.",
        "Потребительские цены в {Q} выросли на {P}, это самый медленный рост с {Y} года.",
        "Банк сформировал резервы под проблемные кредиты на сумму {M}, тогда как кварталом ранее на эти цели ушло {M}.",
        "На предприятии работают {C}, а после модернизации его мощность увеличится на {W}.",
        "{O} разместила облигации на {M} со ставкой купона {P}.",
        "Штрафы за каждое нарушение могут составить {M}, следует из проекта документа.",
        "{O} работает в {L} с {Y} года, сейчас в её штате {C}.",
        "Центробанк сохранил ключевую ставку на уровне {P}, как и ожидали экономисты.",
        "Каждая из турбин, заказанных за {M}, будет иметь мощность {W}.",
        "По данным системного оператора, потребление в самый холодный день зимы достигло {E}.",
        "За последние {D} доходность фонда составила {P}, говорится в письме управляющих.",
        "Договор аренды заключён на {D}, его стоимость оценивается в {M}.",
        "{O} понизила прогноз и теперь ожидает выручку в {M} при операционной марже {P}.",
        "Проект позволит создать {J} и вырабатывать {E} чистой электроэнергии.",
        "Расходы на персонал составляют {P} бюджета, объём которого достигает {M}.",
        "После слияния в объединённой компании будут работать {C}, а её выручка составит {M}.",
        "Ремонт завода, простаивающего уже {D}, обойдётся в {M}, сообщила пресс-секретарь.",
        "{O} выплатит дивиденды в размере {m} на акцию и выкупит собственные бумаги на {M}.",
        "Уровень безработицы в {L} составил {P}, а зарплаты выросли на {P}.",
        "Накопитель энергии в {L} мощностью {W} способен хранить {E}.",
        "{O} заплатила {M} за долю в {P} в совместном предприятии.",
        "Экспорт в {Q} составил {M} благодаря восстановлению поставок оборудования.",
        "Стороны подписали {A} контракт на сумму {M}, документ датирован {T}.",
        "Выпуск продукции на заводе сократился на {P} после того, как во время урагана предприятие лишилось {W} мощностей.",
        "Торговая сеть закроет {B} и спишет активы на {M}.",
        "Выручка: {M}. Операционная прибыль: {M}. Рентабельность: {P}.",
        "{O} планирует инвестировать в этом году {M}, из них {M} пойдут на сети, а {M} — на новые станции.",
        "Сейчас услугами компании пользуются {U}, а её доля рынка достигла {P}.",
        "В {Q} компания продала {E}, что на {P} меньше, чем годом ранее, по средней цене {m}.",
        "По {A} соглашению компания получит право на добычу в {L}.",
    ],
    fillers: &[
        "Аналитики считают восстановление неустойчивым, указывая на слабый портфель заказов, давление на зарплаты и дорогие кредиты для небольших компаний.",
        "В компании не ответили на запрос о комментарии в нерабочее время.",
        "Инвесторы с осторожностью относятся к отрасли после серии предупреждений о снижении прибыли, и несколько фондов в последние недели сократили свои позиции.",
        "По словам источников, знакомых с ходом переговоров, стороны пока далеки от согласия по цене, но ни одна из них не хочет срыва сделки.",
        "Решение ожидается после лета, когда антимонопольная служба завершит проверку и рассмотрит возражения конкурентов.",
        "Профсоюзы пообещали противостоять закрытию предприятий, если оно не будет сопровождаться понятной программой переобучения работников.",
        "Представители властей в {L} назвали встречу конструктивной, но подробностей не сообщили.",
        "Совет директоров, собравшийся {T}, также утвердил новые правила вознаграждения менеджмента.",
        "Спрос в Азии, главном рынке сбыта группы, ослабевает, поскольку местный строительный сектор никак не может нащупать дно.",
        "С {Y} года отрасль отстаёт от рынка в целом, когда изменение правил субсидирования ударило по рентабельности.",
        "В министерстве пообещали представить более подробную оценку до начала парламентских каникул.",
        "Несколько рейтинговых агентств поместили группу в список на пересмотр, сославшись на неопределённость с рефинансированием долга.",
        "Конкуренты внимательно следят за делом, поскольку его исход может стать прецедентом для похожих проектов в регионе.",
        "Экологические организации приветствовали решение, но назвали сроки слишком растянутыми, а цели размытыми.",
        "{N}, финансовый директор, покинет пост в конце года, поиск преемника уже начался.",
        "Непогода и нехватка квалифицированных кадров задержали строительство на несколько месяцев, говорится в отчёте, подготовленном для кредиторов.",
        "Заявление прозвучало в тот момент, когда инвесторы оценивают новые сигналы о ставках, торговле и потребительском спросе.",
        "Депутаты рассмотрят законопроект осенью, а оппозиция уже заявила о намерении внести в него поправки.",
    ],
    headlines: &[
        "{O} сократит {J}",
        "Прибыль компании выросла на {P}",
        "{O} купит конкурента за {M}",
        "Инфляция в {L} замедлилась",
        "{O} получила контракт на энергоснабжение в {L}",
        "Регулятор оштрафовал банк на {M}",
        "{O} построит ветропарк мощностью {W}",
        "Акции компании упали после предупреждения о прибыли",
        "Переговоры о продаже компании зашли в тупик",
        "Забастовка на заводе в {L} завершилась",
        "Накопитель в {L} вместит {E}",
        "Акционеры одобрили новый состав совета директоров",
    ],
    orgs: &[
        "Компания «Тайга-Энерго»",
        "Группа «Ладога»",
        "Корпорация «Уралмет»",
        "Сеть «Полушка»",
        "Авиакомпания «Северное крыло»",
        "Компания «Волжские сети»",
        "Группа «Кедр»",
        "Компания «Связьинвест-Юг»",
    ],
    people: &[
        "Марина Соколова",
        "Ирина Белова",
        "Татьяна Громова",
        "Наталья Зуева",
        "Светлана Орлова",
    ],
    places: &[
        ("Томск", "Томске"),
        ("Пермь", "Перми"),
        ("Тюмень", "Тюмени"),
        ("Красноярск", "Красноярске"),
        ("Воронеж", "Воронеже"),
        ("Уфа", "Уфе"),
        ("Иркутск", "Иркутске"),
        ("Владивосток", "Владивостоке"),
    ],
    periods: &[
        "первом квартале",
        "втором квартале",
        "третьем квартале",
        "четвёртом квартале",
        "первом полугодии",
        "втором полугодии",
    ],
};

// -------------------------------------------------------------- the writer

struct Gen {
    rng: Rng,
    text: String,
    truth: Vec<Truth>,
    paragraphs: usize,
    density: Density,
    lang: Lang,
    mixed: bool,
}

impl Gen {
    /// True when the text carries fewer figures than its length asks for.
    fn behind(&self) -> bool {
        self.truth.len() * MB < self.text.len() * self.density.figures_per_mb()
    }

    /// A news article: a headline, then paragraphs, the first one opening
    /// with a dateline.
    fn article(&mut self, limit: usize) {
        let t = tongue(self.lang);
        let mut headline = *self.rng.pick(t.headlines);
        // In mixed text a short headline is read in the language of the
        // text before it (chiffre needs more words to switch), where "USD
        // 3.5 billion" would be French or German long scale and "3,324 MW"
        // 3.324: there, headlines carry no figure.
        while self.mixed && has_figure_slot(headline) {
            headline = *self.rng.pick(t.headlines);
        }
        self.render(headline);
        self.end_paragraph();
        let (city, _) = *self.rng.pick(t.places);
        let day = dateline_day(&mut self.rng, self.lang);
        self.text.push_str(&city.to_uppercase());
        self.text.push_str(", ");
        self.text.push_str(&day);
        self.text.push_str(" — ");
        let paragraphs = self.rng.range(3, 6);
        for i in 0..paragraphs {
            if i > 0 && self.text.len() >= limit {
                break;
            }
            let n = self.rng.range(2, 4) as usize;
            self.sentences(n);
            self.end_paragraph();
        }
    }

    /// A paragraph of `n` sentences.
    fn paragraph(&mut self, n: usize) {
        self.sentences(n);
        self.end_paragraph();
    }

    fn sentences(&mut self, n: usize) {
        let t = tongue(self.lang);
        let mut last = "";
        for i in 0..n {
            if i > 0 {
                self.text.push(' ');
            }
            // Steer the density: a sentence with figures when behind.
            let want_figures = if self.behind() {
                self.rng.percent(85)
            } else {
                self.rng.percent(10)
            };
            let pool = if want_figures { t.figures } else { t.fillers };
            let mut tpl = *self.rng.pick(pool);
            // No sentence twice in a row.
            while tpl == last {
                tpl = *self.rng.pick(pool);
            }
            last = tpl;
            self.render(tpl);
        }
    }

    fn end_paragraph(&mut self) {
        self.text.push_str("\n\n");
        self.paragraphs += 1;
    }

    /// Writes a template, filling its slots.
    fn render(&mut self, tpl: &str) {
        let lang = self.lang;
        let t = tongue(lang);
        let mut rest = tpl;
        let mut sentence_start = true;
        while let Some(open) = rest.find('{') {
            self.literal(&rest[..open]);
            if open > 0 {
                sentence_start = false;
            }
            let close = open + rest[open..].find('}').expect("a closed slot");
            let slot = &rest[open + 1..close];
            rest = &rest[close + 1..];
            let at_end = rest.starts_with('.');
            let r = &mut self.rng;
            let fig = match slot {
                "M" => Some(money(r, lang, false, at_end)),
                "m" => Some(money(r, lang, true, at_end)),
                "P" => Some(percent(r, lang)),
                "W" => Some(power(r, lang)),
                "E" => Some(energy(r, lang)),
                "D" => Some(duration(r, lang)),
                "A" => Some(duration_adj(r, lang)),
                "C" => Some(count(r, lang, Counted::Staff)),
                "J" => Some(count(r, lang, Counted::Jobs)),
                "B" => Some(count(r, lang, Counted::Outlets)),
                "U" => Some(count(r, lang, Counted::Customers)),
                _ => None,
            };
            match fig {
                Some(f) => self.figure(f),
                None => {
                    let words = match slot {
                        "O" => (*r.pick(t.orgs)).to_string(),
                        "N" => (*r.pick(t.people)).to_string(),
                        "L" => r.pick(t.places).1.to_string(),
                        "Q" => (*r.pick(t.periods)).to_string(),
                        "Y" => r.range(2005, 2024).to_string(),
                        "T" => {
                            let with_year = r.percent(60);
                            date(r, lang, with_year)
                        }
                        other => panic!("unknown slot {{{other}}} in {tpl:?}"),
                    };
                    // A name opening a sentence is capitalised ("the
                    // Harwick Group" → "The Harwick Group"); inside one, a
                    // Russian company type is lower-cased ("компания «...»").
                    if sentence_start {
                        self.literal(&capitalise(&words));
                    } else if lang == Lang::Ru && slot == "O" {
                        self.literal(&lower_first(&words));
                    } else {
                        self.literal(&words);
                    }
                }
            }
            sentence_start = false;
        }
        self.literal(rest);
    }

    /// Writes template text. An abbreviation that ends a sentence keeps one
    /// dot: "3,5 Mrd." + ". Umsatz" gives "3,5 Mrd. Umsatz".
    fn literal(&mut self, mut s: &str) {
        if s.starts_with('.') && self.text.ends_with('.') {
            s = &s[1..];
        }
        self.text.push_str(s);
    }

    fn figure(&mut self, f: Fig) {
        // A figure never follows digits with only a space between: "in
        // 2019 200 jobs" would read as one number in French.
        let before = self.text.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        assert!(
            !before.ends_with(|c: char| c.is_ascii_digit()),
            "a figure right after digits: {:?}",
            tail(&self.text, 40)
        );
        let start = self.text.len();
        self.text.push_str(&f.text);
        self.truth.push(Truth {
            start,
            end: self.text.len(),
            kind: f.kind,
            value: f.value,
            currency: f.currency,
            unit: f.unit,
            lang: self.lang,
            form: f.form,
        });
    }
}

/// Whether a template has a figure slot.
fn has_figure_slot(tpl: &str) -> bool {
    [
        "{M}", "{m}", "{P}", "{W}", "{E}", "{D}", "{A}", "{C}", "{J}", "{B}", "{U}",
    ]
    .iter()
    .any(|slot| tpl.contains(slot))
}

/// The last `n` bytes of `s` or a little more, on a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[i..]
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
