//! Computations on figures: totals, rates over periods, ratios, shares and
//! changes.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::derived::{Derived, Num, Quantity, period_unit};
use super::interval::{Interval, div_exact};
use super::rates::Rates;
use crate::error::Error;
use crate::figure::{Figure, Kind, Period};
use crate::unit::{Currency, Unit};

/// The sum of figures of one dimension: money of one currency, or units of
/// one dimension converted to a common unit (kW/MW/GW, kWh/MWh/GWh, H/s…EH/s,
/// years/quarters/months). Rates add when their periods convert exactly
/// (a monthly rate becomes yearly). Mixing currencies is an error naming
/// both (see [`total_with_rates`]).
///
/// The common unit is the largest unit of the inputs that every input
/// converts to exactly (GW for MW + GW; months for years + months).
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::total;
/// let a = parse("290 млн долларов", Lang::Ru)?;
/// let b = parse("300 млн долларов", Lang::Ru)?;
/// let t = total(&[a, b])?;
/// assert_eq!(t.value().to_string(), "590000000");
/// assert_eq!(t.interval().to_string(), "[589000000, 591000000]");
/// assert_eq!(t.unit(), "USD");
///
/// let mw = parse("200 MW", Lang::En)?;
/// let gw = parse("1.3 GW", Lang::En)?;
/// assert_eq!(total(&[mw, gw])?.to_string(), "1.5 GW [1.449, 1.551]");
///
/// let eur = parse("3,5 Mrd. Euro", Lang::De)?;
/// let usd = parse("$9 billion", Lang::En)?;
/// let err = total(&[eur, usd]).unwrap_err();
/// assert_eq!(err.to_string(), "cannot combine EUR with USD without an exchange rate");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn total(figures: &[Figure]) -> Result<Derived, Error> {
    derived("total", quantities(figures).and_then(|qs| sum(&qs)))
}

/// The result of the library function `op` as a [`Derived`]; an arithmetic
/// overflow names `op` ("total: the sum overflows...").
fn derived(op: &'static str, q: Result<Quantity, Error>) -> Result<Derived, Error> {
    q.map(|q| Derived::from_quantity(&q))
        .map_err(|e| e.in_op(op))
}

/// [`total`] with money in several currencies converted to the currency of
/// the first money figure, at the rates in force on `date`
/// (`NaiveDate::MAX` for the latest rates).
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::{total_with_rates, Rates};
/// let rates = Rates::from_csv("2024-06-03,EUR,USD,1.09")?;
/// let date = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
/// let a = parse("$1 million", Lang::En)?;
/// let b = parse("2 Mio. Euro", Lang::De)?;
/// let t = total_with_rates(&[a, b], &rates, date)?;
/// assert_eq!(t.value().to_string(), "3180000");
/// assert_eq!(t.interval().to_string(), "[2135000, 4225000]");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn total_with_rates(
    figures: &[Figure],
    rates: &Rates,
    date: NaiveDate,
) -> Result<Derived, Error> {
    let q = quantities(figures).and_then(|qs| match qs.iter().find_map(|q| q.num.currency()) {
        Some(target) => total_in_quantities(&qs, rates, date, target),
        None => sum(&qs),
    });
    derived("total_with_rates", q)
}

/// [`total_with_rates`] in a chosen currency.
///
/// ```
/// use chiffre::{parse, Lang, Currency};
/// use chiffre::compare::{total_in, Rates};
/// let rates = Rates::from_csv("2024-06-03,EUR,USD,1.25")?;
/// let date = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
/// let a = parse("$5", Lang::En)?;
/// let t = total_in(&[a], &rates, date, Currency::EUR)?;
/// assert_eq!(t.value().to_string(), "4");
/// assert_eq!(t.unit(), "EUR");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn total_in(
    figures: &[Figure],
    rates: &Rates,
    date: NaiveDate,
    currency: Currency,
) -> Result<Derived, Error> {
    let q = quantities(figures).and_then(|qs| total_in_quantities(&qs, rates, date, currency));
    derived("total_in", q)
}

fn total_in_quantities(
    qs: &[Quantity],
    rates: &Rates,
    date: NaiveDate,
    to: Currency,
) -> Result<Quantity, Error> {
    let converted = qs
        .iter()
        .map(|q| rates.convert(q, to, date))
        .collect::<Result<Vec<_>, _>>()?;
    sum(&converted)
}

/// A total spread over a duration: "3.5 billion over 12 years" → per
/// year. Months, quarters and years convert exactly, as do hours, days and
/// weeks; the two families do not mix. A negative duration is an error, and
/// so is a zero one (a division by zero).
///
/// ```
/// use chiffre::{parse, Lang, Period};
/// use chiffre::compare::per_period;
/// let total = parse("3,5 Mrd. Euro", Lang::De)?;
/// let term = parse("12 Jahre", Lang::De)?;
/// let d = per_period(&total, &term, Period::Year)?;
/// assert_eq!(d.unit(), "EUR/year");
/// assert_eq!(d.to_string(), "291.7 million EUR/year [276 million, 308.7 million]");
///
/// let back = parse("-3 years", Lang::En)?;
/// let err = per_period(&total, &back, Period::Year).unwrap_err();
/// assert_eq!(err.to_string(), "a duration cannot be negative, found -3 years");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn per_period(total: &Figure, duration: &Figure, per: Period) -> Result<Derived, Error> {
    derived("per_period", spread(total, duration, per))
}

/// [`per_period`] on quantities.
fn spread(total: &Figure, duration: &Figure, per: Period) -> Result<Quantity, Error> {
    let q = Quantity::of(total)?;
    if q.per.is_some() {
        return Err(Error::input(format!(
            "{total} is already a rate: it cannot be spread over a duration"
        )));
    }
    let (d, u) = duration_of(duration)?;
    let pu = period_unit(per);
    if u.base().0 != pu.base().0 {
        return Err(Error::unit_mismatch(u.symbol(), pu.symbol()));
    }
    // total / (d · f_u / f_per) = total · f_per / (d · f_u)
    let (fu, fp) = (u.base().1, pu.base().1);
    let den = d.iv.scale(fu)?;
    let iv = q.iv.scale(fp)?.div(&den)?;
    let den_point = mul(d.point, fu)?;
    if den_point.is_zero() {
        return Err(Error::division_by_zero());
    }
    let point = div(mul(q.point, fp)?, den_point)?;
    Ok(Quantity {
        point,
        iv,
        num: q.num,
        per: Some(pu),
        res: q.res,
    })
}

/// A rate accumulated over a duration: "290 million a year for 12 years"
/// → the total. The rate's period and the duration convert exactly
/// (a monthly rate over 2 years counts 24 months). A negative duration is
/// an error; over a zero duration the total is zero.
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::over_period;
/// let rate = parse("около 290 млн долларов в год", Lang::Ru)?;
/// let term = parse("12 лет", Lang::Ru)?;
/// let d = over_period(&rate, &term)?;
/// assert_eq!(d.value().to_string(), "3480000000");
/// assert_eq!(d.interval().to_string(), "[3168250000, 3806250000]");
/// assert_eq!(d.unit(), "USD");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn over_period(rate: &Figure, duration: &Figure) -> Result<Derived, Error> {
    let q = Quantity::of(rate).and_then(|r| accumulate(&r, &duration_of(duration)?.0));
    derived("over_period", q)
}

/// `rate × duration` on quantities; the rate must have a period of the
/// duration's family.
pub(crate) fn accumulate(r: &Quantity, d: &Quantity) -> Result<Quantity, Error> {
    let Some(p) = r.per else {
        return Err(Error::input(format!(
            "{} is not a rate: it has no period",
            r.label()
        )));
    };
    let Num::Unit(u) = d.num else {
        return Err(Error::unit_mismatch(&d.num.label(), "year"));
    };
    if u.base().0 != p.base().0 {
        return Err(Error::unit_mismatch(u.symbol(), p.symbol()));
    }
    non_negative_duration(d)?;
    let (fu, fp) = (u.base().1, p.base().1);
    let iv = r.iv.mul(&d.iv.scale(fu)?)?.div(&Interval::point(fp))?;
    let point = div(mul(mul(r.point, d.point)?, fu)?, fp)?;
    Ok(Quantity {
        point,
        iv,
        num: r.num,
        per: None,
        res: r.res,
    })
}

/// `a / b`: a price per capacity when `b` has a unit ("USD/MW", "USD/EH/s",
/// "USD/GWh", in `b`'s unit), or a plain multiple ("x") when both have the
/// same dimension (money of one currency, power and power...).
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::ratio;
/// let a = parse("9 milliards de dollars", Lang::Fr)?;
/// let b = parse("3,5 milliards de dollars", Lang::Fr)?;
/// let d = ratio(&a, &b)?;
/// assert_eq!(d.unit(), "x");
/// assert_eq!(d.to_string(), "2.571 x [2.394, 2.754]");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn ratio(a: &Figure, b: &Figure) -> Result<Derived, Error> {
    let q = Quantity::of(a).and_then(|qa| ratio_q(&qa, &Quantity::of(b)?, None));
    derived("ratio", q)
}

/// [`ratio`] per a chosen unit of `b`'s dimension: "USD/GW" shown as
/// "USD/MW".
///
/// ```
/// use chiffre::{parse, Lang, Unit};
/// use chiffre::compare::ratio_per;
/// let a = parse("$9 billion", Lang::En)?;
/// let b = parse("1.3 GW", Lang::En)?;
/// let d = ratio_per(&a, &b, Unit::MW)?;
/// assert_eq!(d.interval().max().unwrap().to_string(), "7600000");
/// assert_eq!(d.unit(), "USD/MW");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn ratio_per(a: &Figure, b: &Figure, per: Unit) -> Result<Derived, Error> {
    let q = Quantity::of(a).and_then(|qa| ratio_q(&qa, &Quantity::of(b)?, Some(per)));
    derived("ratio_per", q)
}

pub(crate) fn ratio_q(qa: &Quantity, qb: &Quantity, per: Option<Unit>) -> Result<Quantity, Error> {
    non_negative_duration(qb)?;
    if let (Num::Money(x), Num::Money(y)) = (qa.num, qb.num)
        && x != y
    {
        return Err(Error::currency_mismatch(x.code(), y.code()));
    }
    if qa.num.dimension() == qb.num.dimension() {
        if per.is_some() {
            return Err(Error::input(format!(
                "{} and {} have the same dimension: their ratio is a multiple, not a price per unit",
                qa.label(),
                qb.label()
            )));
        }
        let qb = align(qa, qb)?;
        return Ok(Quantity {
            point: div(qa.point, qb.point)?,
            iv: qa.iv.div(&qb.iv)?,
            num: Num::Times,
            per: None,
            res: Decimal::ZERO,
        });
    }
    let Num::Unit(u) = qb.num else {
        return Err(Error::unit_mismatch(&qa.label(), &qb.label()));
    };
    if qa.per.is_some() || qb.per.is_some() {
        return Err(Error::input(format!(
            "cannot divide {} by {}: divide totals, not rates",
            qa.label(),
            qb.label()
        )));
    }
    let target = per.unwrap_or(u);
    let qb = qb.to_unit(target)?;
    Ok(Quantity {
        point: div(qa.point, qb.point)?,
        iv: qa.iv.div(&qb.iv)?,
        num: qa.num,
        per: Some(target),
        res: Decimal::ZERO,
    })
}

/// `part / whole` in percent, for two figures of one dimension.
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::share;
/// let part = parse("260 MW", Lang::En)?;
/// let whole = parse("1.3 GW", Lang::En)?;
/// let d = share(&part, &whole)?;
/// assert_eq!(d.value().to_string(), "20");
/// assert_eq!(d.to_string(), "20% [19.22, 20.84]");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn share(part: &Figure, whole: &Figure) -> Result<Derived, Error> {
    derived("share", share_q(part, whole))
}

/// [`share`] on quantities.
fn share_q(part: &Figure, whole: &Figure) -> Result<Quantity, Error> {
    let (p, w) = (Quantity::of(part)?, Quantity::of(whole)?);
    same_dimension(&p, &w)?;
    let w = align(&p, &w)?;
    let hundred = Decimal::ONE_HUNDRED;
    Ok(Quantity {
        point: mul(div(p.point, w.point)?, hundred)?,
        iv: p.iv.div(&w.iv)?.scale(hundred)?,
        num: Num::Percent,
        per: None,
        res: Decimal::ZERO,
    })
}

/// The change from one figure to another: absolute (in the first figure's
/// unit) and relative (percent of the first).
///
/// ```
/// use chiffre::{parse, Lang};
/// use chiffre::compare::change;
/// let from = parse("$210.7 million", Lang::En)?;
/// let to = parse("$300 million", Lang::En)?;
/// let c = change(&from, &to)?;
/// assert_eq!(c.absolute.value().to_string(), "89300000");
/// assert_eq!(c.absolute.interval().to_string(), "[88750000, 89850000]");
/// assert_eq!(c.percent.display_value(), "42.38");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn change(from: &Figure, to: &Figure) -> Result<Change, Error> {
    change_q(from, to).map_err(|e| e.in_op("change"))
}

/// [`change`], naming no operation on overflow.
fn change_q(from: &Figure, to: &Figure) -> Result<Change, Error> {
    let (f, t) = (Quantity::of(from)?, Quantity::of(to)?);
    same_dimension(&f, &t)?;
    let t = align(&f, &t)?;
    let absolute = Quantity {
        point: t
            .point
            .checked_sub(f.point)
            .ok_or_else(|| Error::overflow_in("the difference"))?,
        iv: t.iv.sub(&f.iv)?,
        num: f.num,
        per: f.per,
        res: f.res.max(t.res),
    };
    let hundred = Decimal::ONE_HUNDRED;
    let percent = Quantity {
        point: mul(
            div(t.point, f.point)?
                .checked_sub(Decimal::ONE)
                .ok_or_else(|| Error::overflow_in("the difference"))?,
            hundred,
        )?,
        iv: t
            .iv
            .div(&f.iv)?
            .sub(&Interval::point(Decimal::ONE))?
            .scale(hundred)?,
        num: Num::Percent,
        per: None,
        res: Decimal::ZERO,
    };
    Ok(Change {
        absolute: Derived::from_quantity(&absolute),
        percent: Derived::from_quantity(&percent),
    })
}

/// The result of [`change`]. Serialises to `{"absolute": {...},
/// "percent": {...}}`, each a [`Derived`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// `to − from`, in the unit of `from`.
    pub absolute: Derived,
    /// `(to / from − 1) × 100`, in percent.
    pub percent: Derived,
}

/// Converts a value between two units of one dimension, exactly: an error
/// when the units differ in dimension or when the result has no exact
/// decimal form (months to years: 1 month = 1/12 year).
///
/// ```
/// use chiffre::Unit;
/// use chiffre::compare::convert;
/// use rust_decimal::Decimal;
/// assert_eq!(convert(Decimal::new(13, 1), Unit::GW, Unit::MW)?, Decimal::from(1300));
/// assert_eq!(convert(Decimal::from(30), Unit::Month, Unit::Year)?, Decimal::new(25, 1));
/// assert!(convert(Decimal::from(1), Unit::Month, Unit::Year).is_err());
/// assert!(convert(Decimal::from(1), Unit::MW, Unit::MWh).is_err());
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn convert(value: Decimal, from: Unit, to: Unit) -> Result<Decimal, Error> {
    let ((fb, ff), (tb, tf)) = (from.base(), to.base());
    if fb != tb {
        return Err(Error::unit_mismatch(from.symbol(), to.symbol()));
    }
    let x = mul(value, ff).map_err(|e| e.in_op("convert"))?;
    div_exact(x, tf).ok_or_else(|| {
        Error::input(format!(
            "{} {} has no exact value in {}",
            value.normalize(),
            from.symbol(),
            to.symbol()
        ))
    })
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Error> {
    a.checked_mul(b)
        .ok_or_else(|| Error::overflow_in("the product"))
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal, Error> {
    if b.is_zero() {
        return Err(Error::division_by_zero());
    }
    a.checked_div(b)
        .ok_or_else(|| Error::overflow_in("the quotient"))
}

pub(crate) fn quantities(figures: &[Figure]) -> Result<Vec<Quantity>, Error> {
    figures.iter().map(Quantity::of).collect()
}

/// A duration figure as a quantity with its unit; an error when it is not
/// a duration, or a negative one.
fn duration_of(f: &Figure) -> Result<(Quantity, Unit), Error> {
    let q = Quantity::of(f)?;
    match q.num {
        Num::Unit(u) if f.kind == Kind::Duration && q.per.is_none() => {
            non_negative_duration(&q)?;
            Ok((q, u))
        }
        _ => Err(Error::unit_mismatch(&q.label(), "a duration")),
    }
}

/// An error when `q` is a negative duration ("-3 years"): a total cannot be
/// spread over it, a rate accumulated over it, nor a figure divided by it.
/// A zero duration is left to the arithmetic: it multiplies to zero, and
/// dividing by it is a division by zero.
fn non_negative_duration(q: &Quantity) -> Result<(), Error> {
    match q.num {
        Num::Unit(u) if u.kind() == Kind::Duration && q.point < Decimal::ZERO => {
            // The duration symbols are English nouns: "-3 years", "-1 month".
            let plural = if q.point == -Decimal::ONE { "" } else { "s" };
            Err(Error::input(format!(
                "a duration cannot be negative, found {} {}{plural}",
                q.point.normalize(),
                u.symbol()
            )))
        }
        _ => Ok(()),
    }
}

/// Checks that two quantities can be added: same currency, same dimension,
/// and rates of the same period family.
pub(crate) fn same_dimension(a: &Quantity, b: &Quantity) -> Result<(), Error> {
    match (a.num, b.num) {
        (Num::Money(x), Num::Money(y)) if x != y => {
            return Err(Error::currency_mismatch(x.code(), y.code()));
        }
        (x, y) if x.dimension() != y.dimension() => {
            return Err(Error::unit_mismatch(&a.label(), &b.label()));
        }
        _ => {}
    }
    match (a.per, b.per) {
        (None, None) => Ok(()),
        (Some(p), Some(q)) if p.base().0 == q.base().0 => Ok(()),
        _ => Err(Error::unit_mismatch(&a.label(), &b.label())),
    }
}

/// `b` in the unit and period of `a`.
pub(crate) fn align(a: &Quantity, b: &Quantity) -> Result<Quantity, Error> {
    let mut b = *b;
    if let Num::Unit(u) = a.num {
        b = b.to_unit(u)?;
    }
    if let Some(p) = a.per {
        b = b.to_per(p)?;
    }
    Ok(b)
}

/// The largest of `units` that every unit converts to exactly.
fn common_unit(units: &[Unit]) -> Unit {
    let mut sorted: Vec<Unit> = units.to_vec();
    sorted.sort_by_key(|u| std::cmp::Reverse(u.base().1));
    sorted
        .iter()
        .copied()
        .find(|t| {
            units
                .iter()
                .all(|u| div_exact(u.base().1, t.base().1).is_some())
        })
        .unwrap_or(sorted[sorted.len() - 1])
}

/// The largest of the periods `pers`: rates per smaller periods convert to
/// it by an exact multiplication.
fn common_per(pers: &[Unit]) -> Unit {
    let mut sorted: Vec<Unit> = pers.to_vec();
    sorted.sort_by_key(|u| std::cmp::Reverse(u.base().1));
    sorted
        .iter()
        .copied()
        .find(|t| {
            pers.iter()
                .all(|p| div_exact(t.base().1, p.base().1).is_some())
        })
        .unwrap_or(sorted[sorted.len() - 1])
}

/// The sum of quantities of one dimension.
pub(crate) fn sum(qs: &[Quantity]) -> Result<Quantity, Error> {
    let Some(first) = qs.first() else {
        return Err(Error::input("nothing to add: no figures"));
    };
    for q in &qs[1..] {
        same_dimension(first, q)?;
    }
    let units: Vec<Unit> = qs
        .iter()
        .filter_map(|q| match q.num {
            Num::Unit(u) => Some(u),
            _ => None,
        })
        .collect();
    let pers: Vec<Unit> = qs.iter().filter_map(|q| q.per).collect();
    let unit = (!units.is_empty()).then(|| common_unit(&units));
    let per = (!pers.is_empty()).then(|| common_per(&pers));
    let mut acc: Option<Quantity> = None;
    for q in qs {
        let mut q = *q;
        if let Some(u) = unit {
            q = q.to_unit(u)?;
        }
        if let Some(p) = per {
            q = q.to_per(p)?;
        }
        acc = Some(match acc {
            None => q,
            Some(a) => Quantity {
                point: a
                    .point
                    .checked_add(q.point)
                    .ok_or_else(|| Error::overflow_in("the sum"))?,
                iv: a.iv.add(&q.iv)?,
                num: a.num,
                per: a.per,
                res: a.res.max(q.res),
            },
        });
    }
    acc.ok_or_else(|| Error::input("nothing to add: no figures"))
}
