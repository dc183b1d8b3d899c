//! Dated exchange rates, read from CSV.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::derived::{Num, Quantity};
use super::interval::Interval;
use crate::error::Error;
use crate::unit::Currency;

/// A table of dated exchange rates: "on this date, one `from` is worth
/// `rate` of `to`". A conversion uses the rate in force on the date asked
/// for: the latest row dated on or before it (`NaiveDate::MAX` asks for the
/// latest rates). When only the opposite pair
/// is listed, its inverse is used (the interval is then divided by the rate,
/// rounded outward).
///
/// ```
/// use chiffre::compare::Rates;
/// use chrono::NaiveDate;
/// let rates = Rates::from_csv("date,from,to,rate\n2024-01-02,EUR,USD,1.0945\n2024-06-03,EUR,USD,1.0891\n")?;
/// let on = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
/// let eur = chiffre::Currency::EUR;
/// let usd = chiffre::Currency::USD;
/// assert_eq!(rates.rate(eur, usd, on("2024-03-01")).map(|r| r.to_string()), Some("1.0945".into()));
/// assert_eq!(rates.rate(eur, usd, on("2024-06-03")).map(|r| r.to_string()), Some("1.0891".into()));
/// assert_eq!(rates.rate(eur, usd, on("2023-12-31")), None);
/// # Ok::<(), chiffre::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rates {
    table: BTreeMap<(Currency, Currency), BTreeMap<NaiveDate, Decimal>>,
}

impl Rates {
    /// An empty table.
    pub fn new() -> Rates {
        Rates::default()
    }

    /// Reads `date,from,to,rate` lines: ISO dates (`2024-06-03`), currency
    /// codes, and exact decimal rates (`1.0891`). A first line starting with
    /// `date` is a header; blank lines and lines starting with `#` are
    /// skipped. Malformed lines and a pair listed twice for one date are
    /// errors naming the line.
    ///
    /// ```
    /// let err = chiffre::compare::Rates::from_csv("2024-13-01,EUR,USD,1.08").unwrap_err();
    /// assert_eq!(err.to_string(), "rates line 1: bad date \"2024-13-01\": expected YYYY-MM-DD");
    /// ```
    pub fn from_csv(text: &str) -> Result<Rates, Error> {
        let mut rates = Rates::new();
        let mut seen_data = false;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim().trim_start_matches('\u{feff}');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            if !seen_data && fields[0].eq_ignore_ascii_case("date") {
                seen_data = true;
                continue;
            }
            seen_data = true;
            let bad = |what: String| Error::input(format!("rates line {n}: {what}"));
            let [date, from, to, rate] = fields[..] else {
                return Err(bad(format!(
                    "expected 4 fields (date,from,to,rate), found {}",
                    fields.len()
                )));
            };
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|_| bad(format!("bad date {date:?}: expected YYYY-MM-DD")))?;
            let currency = |code: &str| {
                Currency::from_code(&code.to_ascii_uppercase())
                    .ok_or_else(|| bad(format!("unknown currency {code:?}")))
            };
            let (from, to) = (currency(from)?, currency(to)?);
            let value = Decimal::from_str_exact(rate)
                .map_err(|_| bad(format!("bad rate {rate:?}: expected a decimal number")))?;
            rates
                .insert(date, from, to, value)
                .map_err(|e| bad(e.to_string()))?;
        }
        Ok(rates)
    }

    /// Adds one rate. The rate must be positive, and the pair must not
    /// already have a rate on that date.
    pub fn insert(
        &mut self,
        date: NaiveDate,
        from: Currency,
        to: Currency,
        rate: Decimal,
    ) -> Result<(), Error> {
        if rate <= Decimal::ZERO {
            return Err(Error::input(format!(
                "the {from}→{to} rate must be positive, found {rate}"
            )));
        }
        let dated = self.table.entry((from, to)).or_default();
        if dated.insert(date, rate).is_some() {
            return Err(Error::input(format!("two {from}→{to} rates for {date}")));
        }
        Ok(())
    }

    /// The number of rates.
    pub fn len(&self) -> usize {
        self.table.values().map(BTreeMap::len).sum()
    }

    /// True when the table has no rate.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `from`→`to` rate in force on `date`: the latest row for that pair
    /// dated on or before it (the inverse pair is not consulted).
    pub fn rate(&self, from: Currency, to: Currency, date: NaiveDate) -> Option<Decimal> {
        self.dated(from, to, date).map(|(_, r)| r)
    }

    fn dated(&self, from: Currency, to: Currency, date: NaiveDate) -> Option<(NaiveDate, Decimal)> {
        self.table
            .get(&(from, to))?
            .range(..=date)
            .next_back()
            .map(|(d, r)| (*d, *r))
    }

    /// Converts a money quantity to `to`.
    pub(crate) fn convert(
        &self,
        q: &Quantity,
        to: Currency,
        date: NaiveDate,
    ) -> Result<Quantity, Error> {
        let Num::Money(from) = q.num else {
            return Ok(*q);
        };
        if from == to {
            return Ok(*q);
        }
        let direct = self.dated(from, to, date);
        let inverse = self.dated(to, from, date);
        let mut out = *q;
        out.num = Num::Money(to);
        let what = "the conversion to another currency";
        let overflow = || Error::overflow_in(what);
        match (direct, inverse) {
            (Some((dd, r)), inv) if inv.is_none_or(|(di, _)| dd >= di) => {
                out.iv = q.iv.scale(r).map_err(|e| e.overflow_as(what))?;
                out.point = q.point.checked_mul(r).ok_or_else(overflow)?;
                out.res = q.res.checked_mul(r).ok_or_else(overflow)?;
            }
            (_, Some((_, r))) => {
                out.iv =
                    q.iv.div(&Interval::point(r))
                        .map_err(|e| e.overflow_as(what))?;
                out.point = q.point.checked_div(r).ok_or_else(overflow)?;
                out.res = q.res.checked_div(r).ok_or_else(overflow)?;
            }
            _ => {
                // No row of the pair at all: say so, without a date (the
                // date may be `NaiveDate::MAX`, "the latest rates").
                let listed =
                    self.table.contains_key(&(from, to)) || self.table.contains_key(&(to, from));
                return Err(Error::input(if listed {
                    format!("no {from}→{to} exchange rate on or before {date}")
                } else {
                    format!("no {from}→{to} exchange rate in the rates table (nor {to}→{from})")
                }));
            }
        }
        Ok(out)
    }
}
