//! Derived results, and the internal quantity type the operations work on.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::interval::{Interval, format_sig_with};
use crate::error::Error;
use crate::figure::{DecStr, Figure, Kind, Period};
use crate::unit::{Currency, Unit};

/// The default number of significant digits shown by [`Derived`]'s `Display`.
pub const DEFAULT_PRECISION: u32 = 4;

/// The result of a computation on figures: an exact point value, the exact
/// interval of every value the inputs allow, and the unit as a string
/// ("USD", "USD/MW", "USD/year", "MW", "x", "%").
///
/// `Display` rounds to [`Derived::precision`] significant digits (default
/// 4), the interval outward; the exact values stay available through the
/// accessors and in JSON.
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::ratio_per;
/// let price = parse("$9 billion", Lang::En)?;
/// let power = parse("1.3 GW", Lang::En)?;
/// let d = ratio_per(&price, &power, chiffre::Unit::MW)?;
/// assert_eq!(d.unit(), "USD/MW");
/// assert_eq!(d.to_string(), "6.923 million USD/MW [6.296 million, 7.6 million]");
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["max"], "7600000");
/// assert_eq!(json["currency"], "USD");
/// # Ok::<(), chiffre::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub(crate) value: Decimal,
    pub(crate) interval: Interval,
    pub(crate) currency: Option<Currency>,
    pub(crate) unit: String,
    pub(crate) precision: u32,
}

impl Derived {
    /// The exact point value (computed from the figures' written values).
    pub fn value(&self) -> Decimal {
        self.value
    }
    /// The exact interval of every value the inputs allow.
    pub fn interval(&self) -> Interval {
        self.interval
    }
    /// The unit: "USD", "USD/MW", "USD/year", "GW", "x" (a multiple), "%";
    /// empty for a plain number.
    pub fn unit(&self) -> &str {
        &self.unit
    }
    /// The currency the result is counted in, if any ("USD" for "USD/MW").
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }
    /// The significant digits shown by `Display`.
    pub fn precision(&self) -> u32 {
        self.precision
    }
    /// The same result, shown with `digits` significant digits.
    ///
    /// ```
    /// let a = chiffre::parse("$9 billion", chiffre::Lang::En)?;
    /// let b = chiffre::parse("1.3 GW", chiffre::Lang::En)?;
    /// let d = chiffre::compare::ratio(&a, &b)?.with_precision(2);
    /// assert_eq!(d.to_string(), "6.9 billion USD/GW [6.2 billion, 7.6 billion]");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn with_precision(mut self, digits: u32) -> Derived {
        self.precision = digits.max(1);
        self
    }

    /// The point value rounded for display ("6.923 million").
    pub fn display_value(&self) -> String {
        format_sig_with(self.value, self.precision, None)
    }

    pub(crate) fn from_quantity(q: &Quantity) -> Derived {
        Derived {
            value: q.point.normalize(),
            interval: q.iv,
            currency: q.num.currency(),
            unit: q.label(),
            precision: DEFAULT_PRECISION,
        }
    }

    /// Writes the fields into a JSON map.
    pub(crate) fn serialize_fields<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_entry("value", &DecStr(self.value))?;
        self.interval.serialize_fields(m, "")?;
        m.serialize_entry("currency", &self.currency.map(|c| c.code()))?;
        m.serialize_entry("unit", &(!self.unit.is_empty()).then_some(&self.unit))?;
        Ok(())
    }
}

impl fmt::Display for Derived {
    /// `6.923 million USD/MW [6.296 million, 7.6 million]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_value())?;
        if !self.unit.is_empty() {
            if self.unit == "%" {
                f.write_str("%")?;
            } else {
                write!(f, " {}", self.unit)?;
            }
        }
        write!(f, " {}", self.interval.format_sig(self.precision))
    }
}

impl Serialize for Derived {
    /// `{"value": "...", "min": "...", "max": "...", "min_inclusive": true,
    /// "max_inclusive": true, "currency": "USD", "unit": "USD/MW"}`; decimals
    /// are exact strings, an unbounded end is `null`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.serialize_fields(&mut m)?;
        m.end()
    }
}

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Num {
    /// Money in a currency (cents are converted to the currency).
    Money(Currency),
    /// A physical unit (power, energy, hashrate, duration, percentage points).
    Unit(Unit),
    /// A percentage.
    Percent,
    /// A plain number or count.
    Plain,
    /// A multiple: the ratio of two quantities of the same dimension.
    Times,
}

impl Num {
    pub(crate) fn currency(self) -> Option<Currency> {
        match self {
            Num::Money(c) => Some(c),
            _ => None,
        }
    }

    pub(crate) fn label(self) -> String {
        match self {
            Num::Money(c) => c.code().to_string(),
            Num::Unit(u) => u.symbol().to_string(),
            Num::Percent => "%".to_string(),
            Num::Plain => String::new(),
            Num::Times => "x".to_string(),
        }
    }

    /// The dimension: two quantities can be added when their dimensions are
    /// equal (money: same currency; units: same base unit).
    pub(crate) fn dimension(self) -> Num {
        match self {
            Num::Unit(u) => Num::Unit(u.base().0),
            other => other,
        }
    }

    /// The factor to the base unit (1 for everything but units).
    pub(crate) fn factor(self) -> Decimal {
        match self {
            Num::Unit(u) => u.base().1,
            _ => Decimal::ONE,
        }
    }
}

/// A figure ready for arithmetic: point value, interval, what it counts,
/// and the period or unit it is "per".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quantity {
    pub point: Decimal,
    pub iv: Interval,
    pub num: Num,
    pub per: Option<Unit>,
    /// The resolution, in `num`'s unit.
    pub res: Decimal,
}

/// The duration unit of a period.
pub(crate) fn period_unit(p: Period) -> Unit {
    match p {
        Period::Year => Unit::Year,
        Period::Quarter => Unit::Quarter,
        Period::Month => Unit::Month,
        Period::Week => Unit::Week,
        Period::Day => Unit::Day,
        Period::Hour => Unit::Hour,
    }
}

impl Quantity {
    /// The figure as a quantity; money in cents becomes money in the
    /// currency. Money without a known currency is an error.
    pub(crate) fn of(f: &Figure) -> Result<Quantity, Error> {
        let mut q = Quantity {
            point: f.point(),
            iv: f.interval(),
            num: Num::Plain,
            per: f.period.map(period_unit),
            res: f.resolution,
        };
        match f.kind {
            Kind::Money => {
                let c = f
                    .currency
                    .ok_or_else(|| Error::input(format!("{f}: the currency is not known")))?;
                q.num = Num::Money(c);
                if f.unit == Some(Unit::Cent) {
                    let k = Decimal::new(1, 2);
                    let what = "the conversion of cents";
                    let overflow = || Error::overflow_in(what);
                    q.point = q.point.checked_mul(k).ok_or_else(overflow)?;
                    q.iv = q.iv.scale(k).map_err(|e| e.overflow_as(what))?;
                    q.res = q.res.checked_mul(k).ok_or_else(overflow)?;
                }
            }
            Kind::Percent => {
                q.num = match f.unit {
                    Some(u) => Num::Unit(u),
                    None => Num::Percent,
                }
            }
            Kind::Count | Kind::Number => q.num = Num::Plain,
            Kind::Multiple => q.num = Num::Times,
            _ => {
                let u = f
                    .unit
                    .ok_or_else(|| Error::input(format!("{f}: the unit is not known")))?;
                q.num = Num::Unit(u);
            }
        }
        Ok(q)
    }

    /// The unit label: "USD", "USD/year", "MW".
    pub(crate) fn label(&self) -> String {
        let n = self.num.label();
        match self.per {
            Some(p) if n.is_empty() => format!("1/{}", p.symbol()),
            Some(p) => format!("{n}/{}", p.symbol()),
            None => n,
        }
    }

    /// The point value in the base unit of the dimension (W, Wh, H/s, month
    /// or hour), for comparisons; `None` on overflow.
    pub(crate) fn base_point(&self) -> Option<Decimal> {
        self.point.checked_mul(self.num.factor())
    }

    /// The quantity expressed in another unit of the same dimension. The
    /// interval stays exact (outward rounding); the point value is rounded
    /// to nearest when the conversion is not exact.
    pub(crate) fn to_unit(self, to: Unit) -> Result<Quantity, Error> {
        let Num::Unit(from) = self.num else {
            return Err(Error::unit_mismatch(&self.num.label(), to.symbol()));
        };
        if from == to {
            return Ok(self);
        }
        let ((fb, ff), (tb, tf)) = (from.base(), to.base());
        if fb != tb {
            return Err(Error::unit_mismatch(from.symbol(), to.symbol()));
        }
        let what = "a unit conversion";
        Ok(Quantity {
            point: convert_point(self.point, ff, tf)?,
            iv: self
                .iv
                .scale(ff)
                .and_then(|iv| iv.div(&Interval::point(tf)))
                .map_err(|e| e.overflow_as(what))?,
            num: Num::Unit(to),
            per: self.per,
            res: convert_point(self.res, ff, tf)?,
        })
    }

    /// The rate expressed per another period unit of the same family
    /// (per month → per year multiplies by 12).
    pub(crate) fn to_per(self, to: Unit) -> Result<Quantity, Error> {
        let Some(from) = self.per else {
            return Err(Error::unit_mismatch(
                &self.label(),
                &format!("per {}", to.symbol()),
            ));
        };
        if from == to {
            return Ok(self);
        }
        let ((fb, ff), (tb, tf)) = (from.base(), to.base());
        if fb != tb {
            return Err(Error::unit_mismatch(from.symbol(), to.symbol()));
        }
        // x per `from` = x · tf/ff per `to`.
        let what = "a unit conversion";
        Ok(Quantity {
            point: convert_point(self.point, tf, ff)?,
            iv: self
                .iv
                .scale(tf)
                .and_then(|iv| iv.div(&Interval::point(ff)))
                .map_err(|e| e.overflow_as(what))?,
            num: self.num,
            per: Some(to),
            res: convert_point(self.res, tf, ff)?,
        })
    }
}

/// `x · from / to`, rounded to nearest.
pub(crate) fn convert_point(x: Decimal, from: Decimal, to: Decimal) -> Result<Decimal, Error> {
    let overflow = || Error::overflow_in("a unit conversion");
    x.checked_mul(from)
        .ok_or_else(overflow)?
        .checked_div(to)
        .ok_or_else(|| {
            if to.is_zero() {
                Error::division_by_zero()
            } else {
                overflow()
            }
        })
}
