//! The resolved figure: an exact value with its currency or unit, its
//! qualifier, its period, and the audit trail of every guess made on the way.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::lang::Lang;
use crate::unit::{Currency, Unit};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// An amount of money (has a currency, or a currency subunit such as cents).
    Money,
    /// A percentage or a percentage-point change.
    Percent,
    /// Electrical power: W, kW, MW, GW, TW.
    Power,
    /// Energy: Wh, kWh, MWh, GWh, TWh.
    Energy,
    /// Mining hashrate: H/s up to EH/s.
    Hashrate,
    /// A span of time: years, months, weeks, days, hours.
    Duration,
    /// A physical measure: length, mass, volume, area, speed, angle,
    /// temperature, information, data rate ("10 km", "5 kg", "100 MB").
    Measure,
    /// A number of things named by a noun ("200 employees").
    Count,
    /// A multiplier: "doubled" (2), "tripled" (3), "halved" (0.5),
    /// "2.5-fold", "в 2,5 раза", "verdreifacht", "a doublé".
    Multiple,
    /// A bare number, returned only when asked for (`Kind::Number`).
    Number,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 10] = [
        Kind::Money,
        Kind::Percent,
        Kind::Power,
        Kind::Energy,
        Kind::Hashrate,
        Kind::Duration,
        Kind::Measure,
        Kind::Count,
        Kind::Multiple,
        Kind::Number,
    ];

    /// The name used in JSON and on the command line.
    ///
    /// ```
    /// assert_eq!(chiffre::Kind::Money.name(), "money");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Power => "power",
            Kind::Energy => "energy",
            Kind::Hashrate => "hashrate",
            Kind::Duration => "duration",
            Kind::Measure => "measure",
            Kind::Count => "count",
            Kind::Multiple => "multiple",
            Kind::Number => "number",
        }
    }

    /// Parses a kind name as written by [`Kind::name`].
    ///
    /// ```
    /// assert_eq!(chiffre::Kind::from_name("power"), Some(chiffre::Kind::Power));
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How the written figure relates to the true quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is ("$9 billion").
    #[default]
    Exact,
    /// "about", "около", "environ", "rund".
    Approx,
    /// "more than", "over", "свыше", "plus de", "mehr als" (strictly above).
    Over,
    /// "less than", "under", "менее", "moins de", "weniger als" (strictly below).
    Under,
    /// "at least", "не менее", "au moins", "mindestens".
    AtLeast,
    /// "up to", "до", "jusqu'à", "bis zu".
    AtMost,
}

impl Qualifier {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// The period a rate refers to ("a year", "в месяц", "par an").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Per year.
    Year,
    /// Per quarter.
    Quarter,
    /// Per month.
    Month,
    /// Per week.
    Week,
    /// Per day.
    Day,
    /// Per hour.
    Hour,
}

impl Period {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Quarter => "quarter",
            Period::Month => "month",
            Period::Week => "week",
            Period::Day => "day",
            Period::Hour => "hour",
        }
    }
}

impl std::str::FromStr for Period {
    type Err = crate::Error;
    /// A period by its [`name`](Period::name), in any case.
    ///
    /// ```
    /// assert_eq!("Month".parse::<chiffre::Period>()?, chiffre::Period::Month);
    /// assert!("fortnight".parse::<chiffre::Period>().is_err());
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Period, crate::Error> {
        [
            Period::Year,
            Period::Quarter,
            Period::Month,
            Period::Week,
            Period::Day,
            Period::Hour,
        ]
        .into_iter()
        .find(|p| p.name().eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            crate::Error::input(format!(
                "unknown period {s:?}: expected year, quarter, month, week, day or hour"
            ))
        })
    }
}

/// Whether a figure is reported as a gain or as a loss ("a loss of $388,000").
///
/// The value keeps the sign as written; a loss word only sets this field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// No loss word governs the figure.
    #[default]
    Neutral,
    /// A loss, deficit or decline word governs the figure.
    Loss,
}

/// A figure's value: one exact number, or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// One exact value.
    Exact(Decimal),
    /// A range such as "5–10 million": both ends inclusive.
    Range {
        /// Lower end.
        min: Decimal,
        /// Upper end.
        max: Decimal,
    },
}

impl Value {
    /// The exact value, or `None` for a range.
    pub fn exact(&self) -> Option<Decimal> {
        match *self {
            Value::Exact(v) => Some(v),
            Value::Range { .. } => None,
        }
    }

    /// The lower end (the value itself when exact).
    pub fn min(&self) -> Decimal {
        match *self {
            Value::Exact(v) => v,
            Value::Range { min, .. } => min,
        }
    }

    /// The upper end (the value itself when exact).
    pub fn max(&self) -> Decimal {
        match *self {
            Value::Exact(v) => v,
            Value::Range { max, .. } => max,
        }
    }
}

/// The power of ten a scale word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scale(pub(crate) u8);

impl Scale {
    /// The exponent: 3 for thousand, 6 for million, 9 for billion.
    pub fn exponent(self) -> u32 {
        u32::from(self.0)
    }

    /// The short-scale English name of the power ("million", "billion").
    ///
    /// French and German "billion" are 10^12 and so are named "trillion".
    pub fn name(self) -> &'static str {
        match self.0 {
            2 => "hundred",
            3 => "thousand",
            5 => "lakh",
            6 => "million",
            7 => "crore",
            9 => "billion",
            12 => "trillion",
            15 => "quadrillion",
            _ => "power_of_ten",
        }
    }
}

/// Why an ambiguous reading was chosen: one rule, named in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A lone separator followed by exactly three digits ("1,234", "3.350"):
    /// the language decides whether it groups thousands or marks decimals.
    LoneSeparatorByLanguage,
    /// A lone separator followed by three digits, and no language known.
    LoneSeparatorNoLanguage,
    /// "billion"/"Billion" in French or German is 10^12 (long scale).
    LongScaleBillion,
    /// A bare "$" (or "dollar") is read as US dollars.
    BareDollar,
    /// The language of the text was guessed from its words.
    LanguageGuess,
    /// A scale word written once at the end of a range applies to both ends.
    ScaleDistributed,
    /// A currency or scale stated elsewhere in the sentence was applied.
    FromContext,
    /// A word that means both "up to" and "to" ("до") right after a change
    /// ("на 9,8%, до $17,05") reads as "to": the new level, not a maximum.
    ChangeTarget,
    /// A qualifier that is also a preposition of time ("over", "über")
    /// before a duration reads "during": "over six years" is six years.
    DuringNotOver,
    /// A subunit ("15 cents", "45p", "50 копеек") is reported in the main
    /// unit (0.15 USD, 0.45 GBP, 0.5 RUB); the alternative is the count of
    /// hundredths as written.
    SubunitInMainUnit,
    /// A currency name of several countries ("riyals", "pesos") takes the
    /// currency of the country the paragraph names, else the name's usual
    /// one; the alternative lists the other currencies of the name.
    CurrencyByPlace,
}

impl Rule {
    /// A stable identifier for the rule.
    pub fn id(self) -> &'static str {
        match self {
            Rule::LoneSeparatorByLanguage => "lone-separator-by-language",
            Rule::LoneSeparatorNoLanguage => "lone-separator-no-language",
            Rule::LongScaleBillion => "long-scale-billion",
            Rule::BareDollar => "bare-dollar",
            Rule::LanguageGuess => "language-guess",
            Rule::ScaleDistributed => "scale-distributed",
            Rule::FromContext => "from-context",
            Rule::ChangeTarget => "change-target",
            Rule::DuringNotOver => "during-not-over",
            Rule::SubunitInMainUnit => "subunit-in-main-unit",
            Rule::CurrencyByPlace => "currency-by-place",
        }
    }
}

/// A reading that was considered and rejected, with the rule that decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    /// The rule that chose the reported reading over this one.
    pub rule: Rule,
    /// What the rejected reading would have given, in words ("1.234", "CAD", "10^9").
    pub reading: String,
}

impl Serialize for Alternative {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("rule", self.rule.id())?;
        m.serialize_entry("reading", &self.reading)?;
        m.end()
    }
}

/// One figure, resolved to exact values.
///
/// Serialises to the flat JSON object described in the README:
/// `{"kind": "money", "value": "290000000", "min": null, "max": null,
/// "currency": "USD", "unit": null, "qualifier": "approx", "period": "year",
/// "lang": "ru", "scale": "million", ...}`.
///
/// ```
/// let f = chiffre::parse("около 290 млн долларов", chiffre::Lang::Ru)?;
/// assert_eq!(f.value().exact(), Some(rust_decimal::Decimal::from(290_000_000)));
/// assert_eq!(f.currency().map(|c| c.code()), Some("USD"));
/// assert_eq!(f.qualifier(), chiffre::Qualifier::Approx);
/// # Ok::<(), chiffre::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub(crate) kind: Kind,
    pub(crate) value: Value,
    pub(crate) currency: Option<Currency>,
    pub(crate) unit: Option<Unit>,
    pub(crate) qualifier: Qualifier,
    pub(crate) period: Option<Period>,
    pub(crate) lang: Lang,
    pub(crate) scale: Option<Scale>,
    pub(crate) polarity: Polarity,
    /// The place value of the last written digit, in the figure's unit:
    /// 10^6 for "290 million", 10^8 for "3,5 млрд", 0.01 for "$4.87".
    pub(crate) resolution: Decimal,
    pub(crate) alternatives: Vec<Alternative>,
    /// Fields that were taken from the surrounding sentence, not from the span.
    pub(crate) inferred: Vec<&'static str>,
    /// How a lone separator before three digits was read (true: thousands).
    pub(crate) lone_group: Option<bool>,
}

impl Figure {
    /// What the figure measures.
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// The exact value or range.
    pub fn value(&self) -> Value {
        self.value
    }
    /// The currency, for money.
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }
    /// The unit: MW, kWh, EH/s, year, pp, cent...
    pub fn unit(&self) -> Option<Unit> {
        self.unit
    }
    /// The qualifier ("about", "over"...).
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }
    /// The period of a rate ("a year").
    pub fn period(&self) -> Option<Period> {
        self.period
    }
    /// The language the figure was read in.
    pub fn lang(&self) -> Lang {
        self.lang
    }
    /// The scale word used, if any.
    pub fn scale(&self) -> Option<Scale> {
        self.scale
    }
    /// Gain or loss.
    pub fn polarity(&self) -> Polarity {
        self.polarity
    }
    /// The place value of the last written digit ("290 million" → 1000000).
    pub fn resolution(&self) -> Decimal {
        self.resolution
    }
    /// Readings that were rejected, each with the rule that decided.
    pub fn alternatives(&self) -> &[Alternative] {
        &self.alternatives
    }
    /// The fields taken from the sentence around the span (e.g. `"period"`).
    pub fn inferred(&self) -> &[&'static str] {
        &self.inferred
    }
    /// True when some reading was a guess (there are alternatives).
    pub fn is_ambiguous(&self) -> bool {
        !self.alternatives.is_empty()
    }

    /// Writes the figure's fields into a JSON map (shared by `Figure` and
    /// the extraction rows, which add their own fields around them).
    pub(crate) fn serialize_fields<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let (value, min, max) = match self.value {
            Value::Exact(v) => (Some(v), None, None),
            Value::Range { min, max } => (None, Some(min), Some(max)),
        };
        m.serialize_entry("kind", self.kind.name())?;
        m.serialize_entry("value", &value.map(DecStr))?;
        m.serialize_entry("min", &min.map(DecStr))?;
        m.serialize_entry("max", &max.map(DecStr))?;
        m.serialize_entry("currency", &self.currency.map(|c| c.code()))?;
        m.serialize_entry("unit", &self.unit.map(|u| u.symbol()))?;
        m.serialize_entry("qualifier", self.qualifier.name())?;
        m.serialize_entry("period", &self.period.map(Period::name))?;
        m.serialize_entry("lang", self.lang.code())?;
        m.serialize_entry("scale", &self.scale.map(Scale::name))?;
        m.serialize_entry("polarity", &self.polarity)?;
        m.serialize_entry("resolution", &DecStr(self.resolution))?;
        m.serialize_entry("alternatives", &self.alternatives)?;
        m.serialize_entry("inferred", &self.inferred)?;
        Ok(())
    }
}

impl Figure {
    /// Appends the fields of [`Figure::serialize_fields`] as JSON members
    /// (each preceded by a comma), byte for byte what `serde_json` writes:
    /// the keys are written once as constants, the strings escaped in place.
    pub(crate) fn write_json_fields(&self, out: &mut Vec<u8>) {
        let (value, min, max) = match self.value {
            Value::Exact(v) => (Some(v), None, None),
            Value::Range { min, max } => (None, Some(min), Some(max)),
        };
        out.extend_from_slice(b",\"kind\":");
        json::str(out, self.kind.name());
        out.extend_from_slice(b",\"value\":");
        json::opt_dec(out, value);
        out.extend_from_slice(b",\"min\":");
        json::opt_dec(out, min);
        out.extend_from_slice(b",\"max\":");
        json::opt_dec(out, max);
        out.extend_from_slice(b",\"currency\":");
        json::opt_str(out, self.currency.map(|c| c.code()));
        out.extend_from_slice(b",\"unit\":");
        json::opt_str(out, self.unit.map(|u| u.symbol()));
        out.extend_from_slice(b",\"qualifier\":");
        json::str(out, self.qualifier.name());
        out.extend_from_slice(b",\"period\":");
        json::opt_str(out, self.period.map(Period::name));
        out.extend_from_slice(b",\"lang\":");
        json::str(out, self.lang.code());
        out.extend_from_slice(b",\"scale\":");
        json::opt_str(out, self.scale.map(Scale::name));
        out.extend_from_slice(b",\"polarity\":");
        json::str(
            out,
            match self.polarity {
                Polarity::Neutral => "neutral",
                Polarity::Loss => "loss",
            },
        );
        out.extend_from_slice(b",\"resolution\":");
        json::dec(out, self.resolution);
        out.extend_from_slice(b",\"alternatives\":[");
        for (i, a) in self.alternatives.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"rule\":");
            json::str(out, a.rule.id());
            out.extend_from_slice(b",\"reading\":");
            json::str(out, &a.reading);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"inferred\":[");
        for (i, f) in self.inferred.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json::str(out, f);
        }
        out.push(b']');
    }
}

/// The JSON pieces of the row writer, as `serde_json` writes them.
pub(crate) mod json {
    use rust_decimal::Decimal;

    /// A JSON string: `"` and `\\` escaped, control characters as `\n`,
    /// `\t`… or `\u00XX` (lower-case hex); everything else as is.
    pub(crate) fn str(out: &mut Vec<u8>, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(b'"');
        let b = s.as_bytes();
        let mut from = 0;
        for (i, &c) in b.iter().enumerate().skip(plain_prefix(b)) {
            if c >= 0x20 && c != b'"' && c != b'\\' {
                continue;
            }
            out.extend_from_slice(&b[from..i]);
            from = i + 1;
            match c {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                _ => out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(c >> 4)],
                    HEX[usize::from(c & 0xf)],
                ]),
            }
        }
        out.extend_from_slice(&b[from..]);
        out.push(b'"');
    }

    /// How many bytes at the start of `b` need no escape, counted eight
    /// at a time (a multiple of eight: the byte loop does the rest).
    fn plain_prefix(b: &[u8]) -> usize {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let has_zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGHS != 0;
        let mut i = 0;
        while let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            // Some byte below 0x20, a quote or a backslash: each test is
            // exact about whether the word holds one (it may point at the
            // wrong byte, which does not matter here).
            let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0;
            if control || has_zero(x ^ (ONES * u64::from(b'"'))) || has_zero(x ^ (ONES * 0x5c)) {
                break;
            }
            i += 8;
        }
        i
    }

    /// A string or `null`.
    pub(crate) fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => str(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// A decimal as a string, normalised ("3500000000", "4.87").
    ///
    /// Written from the mantissa's digits, as `Display` writes the
    /// normalised decimal (pinned against it by a test), without the
    /// formatting machinery.
    pub(crate) fn dec(out: &mut Vec<u8>, d: Decimal) {
        let d = d.normalize();
        out.push(b'"');
        let m = d.mantissa();
        if m < 0 {
            out.push(b'-');
        }
        let mut buf = [0u8; 40];
        let digits = digits(m.unsigned_abs(), &mut buf);
        let scale = d.scale() as usize;
        if scale == 0 {
            out.extend_from_slice(digits);
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            out.extend_from_slice(int);
            out.push(b'.');
            out.extend_from_slice(frac);
        } else {
            out.extend_from_slice(b"0.");
            out.resize(out.len() + scale - digits.len(), b'0');
            out.extend_from_slice(digits);
        }
        out.push(b'"');
    }

    /// The decimal digits of `n`, written at the end of `buf`.
    fn digits(n: u128, buf: &mut [u8; 40]) -> &[u8] {
        let mut i = buf.len();
        // A 96-bit mantissa: 64-bit division once it fits.
        let mut n = n;
        while n > u128::from(u64::MAX) {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        let mut n = n as u64;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        &buf[i..]
    }

    /// A decimal string or `null`.
    pub(crate) fn opt_dec(out: &mut Vec<u8>, d: Option<Decimal>) {
        match d {
            Some(d) => dec(out, d),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// An unsigned integer.
    pub(crate) fn uint(out: &mut Vec<u8>, n: usize) {
        let mut buf = [0u8; 40];
        out.extend_from_slice(digits(n as u128, &mut buf));
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use proptest::prelude::*;
        use std::str::FromStr;

        proptest! {
            /// `str` writes what serde_json writes, whatever the string
            /// (quotes, backslashes and control characters anywhere among
            /// long plain runs, and characters of every UTF-8 length).
            #[test]
            fn ok_str_writes_as_serde_json(s in "([\"\\\\\\x00-\\x1f\\x7f]|[a-z ]{0,20}|[é€\u{10348}])*") {
                let mut out = Vec::new();
                str(&mut out, &s);
                prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
            }
        }

        #[test]
        fn ok_dec_writes_as_display() {
            let cases = [
                "0",
                "-0",
                "0.000",
                "-0.50",
                "1",
                "-1",
                "4.87",
                "0.05",
                "-0.0001",
                "224000000000",
                "3.500",
                "1e-28",
                "79228162514264337593543950335",
                "-79228162514264337593543950335",
                "7.9228162514264337593543950335",
                "0.0000000000000000000000000001",
                "18446744073709551616",
                "18446744073709551615",
                "1000000",
                "12.3400",
            ];
            for c in cases {
                let d = Decimal::from_str(c)
                    .or_else(|_| Decimal::from_scientific(c))
                    .unwrap();
                let mut out = Vec::new();
                dec(&mut out, d);
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    format!("\"{}\"", d.normalize()),
                    "{c}"
                );
            }
            let d = Decimal::from_parts(0, 0, 0, true, 5);
            let mut out = Vec::new();
            dec(&mut out, d);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                format!("\"{}\"", d.normalize())
            );
            for n in [0usize, 7, 10, 99, 12345, usize::MAX] {
                let mut out = Vec::new();
                uint(&mut out, n);
                assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
            }
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.serialize_fields(&mut m)?;
        m.end()
    }
}

impl fmt::Display for Figure {
    /// A compact human form: `~290000000 USD/year`, `5..10 MW`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = match self.qualifier {
            Qualifier::Exact => "",
            Qualifier::Approx => "~",
            Qualifier::Over => ">",
            Qualifier::Under => "<",
            Qualifier::AtLeast => ">=",
            Qualifier::AtMost => "<=",
        };
        match self.value {
            Value::Exact(v) => write!(f, "{q}{}", v.normalize())?,
            Value::Range { min, max } => write!(f, "{q}{}..{}", min.normalize(), max.normalize())?,
        }
        if let Some(c) = self.currency {
            write!(f, " {}", c.code())?;
        }
        match self.unit {
            Some(u) => write!(f, " {}", u.symbol())?,
            None if self.kind == Kind::Percent => f.write_str("%")?,
            None if self.kind == Kind::Multiple => f.write_str("x")?,
            None => {}
        }
        if let Some(p) = self.period {
            write!(f, "/{}", p.name())?;
        }
        Ok(())
    }
}

/// A decimal serialised as a plain string without trailing fractional zeros.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DecStr(pub(crate) Decimal);

impl Serialize for DecStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}
