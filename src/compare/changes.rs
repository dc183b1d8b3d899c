//! The `change` relation of [`check`](super::check): a change between an
//! old and a new level ([`ChangeLink`]), checked with interval arithmetic.
//!
//! The change is read four ways, by the figure that states it:
//!
//! | change | computed from the levels |
//! |---|---|
//! | a percent ("12%") | `(to / from − 1) × 100`, in % |
//! | percentage or basis points ("3 points", "250 bp") of percent levels | `to − from`, in pp |
//! | a multiple ("doubled", "2.5-fold", "вдвое") | `to / from`, a factor |
//! | an amount of the levels' sort ("$480 million") | `to − from` |
//!
//! A fall word makes the stated change negative ("fell 8%" is −8 %); a
//! multiple above one with a fall word divides ("сократилась вдвое" is
//! × 0.5; "halved" is 0.5 as written). With the three parts written, the
//! relation is consistent when the change computed from the levels (an
//! interval, from their written precision) meets the stated change's
//! interval. With two parts, the third is derived, without a verdict.
//!
//! A figure written exactly stands for the values that round to it, half
//! up: `[v − r/2, v + r/2)`, open above (the other relations keep both ends
//! closed). The open end decides the boundary cases of coarse figures:
//! "doubled to $2bn from $1.3bn" computes `[1.11, 2)`, which does not
//! reach 2.

use rust_decimal::Decimal;

use super::check::{Relation, RelationKind, Role, part};
use super::derived::{Derived, Num, Quantity};
use super::interval::{Bound, Interval};
use super::ops::{align, same_dimension};
use crate::error::Error;
use crate::extract::{ChangeLink, Direction, Found};
use crate::figure::{Figure, Kind};
use crate::unit::Unit;

/// How a change figure relates the two levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// A percent of the old level.
    Relative,
    /// Percentage (or basis) points between two percents.
    Points,
    /// A factor.
    Times,
    /// An amount of the levels' sort.
    Absolute,
}

fn how(c: &Figure) -> How {
    match (c.kind, c.unit) {
        (Kind::Multiple, _) => How::Times,
        (Kind::Percent, None) => How::Relative,
        (Kind::Percent, Some(_)) => How::Points,
        _ => How::Absolute,
    }
}

/// The figure as a quantity, its interval open above when it is written
/// exactly with a resolution (see the module docs).
fn quantity_of(f: &Figure) -> Result<Quantity, Error> {
    let mut q = Quantity::of(f)?;
    if f.qualifier == crate::figure::Qualifier::Exact && !f.resolution.is_zero() {
        if let Bound::Included(hi) = q.iv.upper() {
            if q.iv.min() != Some(hi) {
                q.iv = Interval::new(q.iv.lower(), Bound::Excluded(hi))?;
            }
        }
    }
    Ok(q)
}

fn overflow() -> Error {
    Error::overflow_in("a change")
}

/// The stated change, signed by the direction, in the unit of `how`:
/// a factor, a percent, percentage points, or the level's unit.
fn stated(c: &Figure, dir: Direction, how: How, level: &Quantity) -> Result<Quantity, Error> {
    let mut q = quantity_of(c)?;
    match how {
        How::Times => {
            if dir == Direction::Fall && q.point > Decimal::ONE {
                q.iv = Interval::point(Decimal::ONE).div(&q.iv)?;
                q.point = Decimal::ONE.checked_div(q.point).ok_or_else(overflow)?;
            }
            return Ok(q);
        }
        How::Points => {
            q = q.to_unit(Unit::PercentagePoint)?;
        }
        How::Absolute => {
            q = align(level, &q)?;
        }
        How::Relative => {}
    }
    if dir == Direction::Fall && q.point >= Decimal::ZERO {
        q.point = -q.point;
        q.iv = q.iv.neg();
    }
    Ok(q)
}

fn quantity(point: Decimal, iv: Interval, num: Num, per: Option<Unit>) -> Quantity {
    Quantity {
        point,
        iv,
        num,
        per,
        res: Decimal::ZERO,
    }
}

/// The change from `f` to `t` (aligned), in the unit of `how`.
fn computed(f: &Quantity, t: &Quantity, how: How) -> Result<Quantity, Error> {
    let hundred = Decimal::ONE_HUNDRED;
    Ok(match how {
        How::Times => quantity(
            t.point.checked_div(f.point).ok_or_else(overflow)?,
            t.iv.div(&f.iv)?,
            Num::Times,
            None,
        ),
        How::Relative => quantity(
            t.point
                .checked_div(f.point)
                .and_then(|x| x.checked_sub(Decimal::ONE))
                .and_then(|x| x.checked_mul(hundred))
                .ok_or_else(overflow)?,
            t.iv.div(&f.iv)?
                .sub(&Interval::point(Decimal::ONE))?
                .scale(hundred)?,
            Num::Percent,
            None,
        ),
        How::Points | How::Absolute => quantity(
            t.point.checked_sub(f.point).ok_or_else(overflow)?,
            t.iv.sub(&f.iv)?,
            if how == How::Points {
                Num::Unit(Unit::PercentagePoint)
            } else {
                f.num
            },
            f.per,
        ),
    })
}

/// The factor `1 + s/100` of a relative change (or `s` itself for a
/// multiple), as a quantity.
fn factor(s: &Quantity, how: How) -> Result<Quantity, Error> {
    Ok(match how {
        How::Times => *s,
        _ => {
            let cent = Decimal::new(1, 2);
            quantity(
                s.point
                    .checked_mul(cent)
                    .and_then(|x| x.checked_add(Decimal::ONE))
                    .ok_or_else(overflow)?,
                s.iv.scale(cent)?.add(&Interval::point(Decimal::ONE))?,
                Num::Times,
                None,
            )
        }
    })
}

/// The level on the other side of `level` through the change `s`: the new
/// level (`forward`) or the old one.
fn other_level(level: &Quantity, s: &Quantity, how: How, forward: bool) -> Result<Quantity, Error> {
    let (point, iv) = match how {
        How::Times | How::Relative => {
            let k = factor(s, how)?;
            if forward {
                (
                    level.point.checked_mul(k.point).ok_or_else(overflow)?,
                    level.iv.mul(&k.iv)?,
                )
            } else {
                (
                    level.point.checked_div(k.point).ok_or_else(overflow)?,
                    level.iv.div(&k.iv)?,
                )
            }
        }
        How::Points | How::Absolute => {
            if forward {
                (
                    level.point.checked_add(s.point).ok_or_else(overflow)?,
                    level.iv.add(&s.iv)?,
                )
            } else {
                (
                    level.point.checked_sub(s.point).ok_or_else(overflow)?,
                    level.iv.sub(&s.iv)?,
                )
            }
        }
    };
    Ok(quantity(point, iv, level.num, level.per))
}

/// The relation of one change, or `None` when fewer than two parts are
/// written or the arithmetic fails (a currency unknown, an overflow, a
/// division by an interval around zero).
pub(super) fn relation(text: &str, found: &[Found], l: &ChangeLink) -> Option<Relation> {
    let mut figures = Vec::new();
    for (role, i) in [
        (Role::Change, l.change),
        (Role::From, l.from),
        (Role::To, l.to),
    ] {
        if let Some(i) = i {
            figures.push(part(text, found.get(i)?, role));
        }
    }
    let fig = |i: Option<usize>| i.and_then(|i| found.get(i)).map(|f| &f.figure);
    let (c, f, t) = (fig(l.change), fig(l.from), fig(l.to));
    let r = |computed: Quantity, stated: Option<Interval>| {
        let consistent = stated.map(|s| computed.iv.intersects(&s));
        // The gap between the intervals; when they only touch at an open
        // end, the difference of the values over the stated one.
        let gap = match (consistent, stated) {
            (Some(false), Some(s)) => computed
                .iv
                .relative_gap(&s)
                .filter(|g| !g.is_zero())
                .or_else(|| {
                    let sp = s.midpoint()?;
                    (computed.point - sp)
                        .abs()
                        .checked_div(sp.abs())
                        .map(|g| g.normalize())
                }),
            _ => None,
        };
        Relation {
            kind: RelationKind::Change,
            figures: figures.clone(),
            computed: Derived::from_quantity(&computed),
            stated,
            consistent,
            gap,
            change_id: Some(l.verb_start),
        }
    };
    match (c, f, t) {
        (Some(c), Some(f), Some(t)) => {
            let (qf, qt) = (quantity_of(f).ok()?, quantity_of(t).ok()?);
            same_dimension(&qf, &qt).ok()?;
            let qt = align(&qf, &qt).ok()?;
            let how = how(c);
            let s = stated(c, l.direction, how, &qf).ok()?;
            let comp = computed(&qf, &qt, how).ok()?;
            Some(r(comp, Some(s.iv)))
        }
        (None, Some(f), Some(t)) => {
            let (qf, qt) = (quantity_of(f).ok()?, quantity_of(t).ok()?);
            same_dimension(&qf, &qt).ok()?;
            let qt = align(&qf, &qt).ok()?;
            let how = if f.kind == Kind::Percent && f.unit.is_none() {
                How::Points
            } else {
                How::Relative
            };
            Some(r(computed(&qf, &qt, how).ok()?, None))
        }
        (Some(c), Some(level), None) | (Some(c), None, Some(level)) => {
            let q = quantity_of(level).ok()?;
            let how = how(c);
            let s = stated(c, l.direction, how, &q).ok()?;
            let forward = f.is_some();
            Some(r(other_level(&q, &s, how, forward).ok()?, None))
        }
        _ => None,
    }
}
