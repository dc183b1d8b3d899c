//! Precision-aware intervals: what a written figure can mean, as a set of
//! exact decimals, and interval arithmetic on those sets.
//!
//! # From a figure to an interval ([`Figure::interval`])
//!
//! `r` is the figure's resolution (the place value of its last written digit),
//! `v` its value (`min`/`max` for a range):
//!
//! | written as | interval |
//! |---|---|
//! | exact ("290 million") | `[v − r/2, v + r/2]` → `[289500000, 290500000]` |
//! | approx ("about 290 million") | `[v − w, v + w]`, `w = max(r/2, 5 % of │v│)` → `[275500000, 304500000]` |
//! | over ("more than 3.5 billion") | `(v, +∞)` |
//! | under ("less than 5 MW") | `(−∞, v)` |
//! | at least ("at least $5") | `[v, +∞)` |
//! | at most ("up to $5") | `(−∞, v]` |
//! | range ("5–10 million") | `[min − r/2, max + r/2]` (approx widens each end as above) |
//!
//! The approx rule is a decision: "about" in news copy covers a rounding to
//! two or three significant digits, so it widens the figure to at least
//! ±5 %; a figure written with more digits than that ("about 290.4
//! million") keeps its ±r/2 when r/2 is larger.
//!
//! # Arithmetic
//!
//! Every operation returns an interval that contains every result of the
//! operation on points drawn from the operands. Ends are exact decimals; when
//! an end cannot be represented exactly (a division by 1350, a product with
//! more than 28 digits) it is rounded *outward* (the lower end down, the
//! upper end up), so the result still contains every possible value. Open
//! ends stay open only when no point reaches them. Overflow and division by an
//! interval that contains zero are errors, never panics.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::error::Error;
use crate::figure::{DecStr, Figure, Qualifier};

/// One end of an [`Interval`].
///
/// ```
/// use chiffre::compare::Bound;
/// use rust_decimal::Decimal;
/// let b = Bound::Excluded(Decimal::from(5));
/// assert_eq!(b.value(), Some(Decimal::from(5)));
/// assert!(!b.is_inclusive());
/// assert_eq!(Bound::Unbounded.value(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// No limit on this side (−∞ for a lower end, +∞ for an upper end).
    Unbounded,
    /// The end value belongs to the interval (`[` or `]`).
    Included(Decimal),
    /// The end value does not belong to the interval (`(` or `)`).
    Excluded(Decimal),
}

impl Bound {
    /// The end value, or `None` when unbounded.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Bound::Unbounded => None,
            Bound::Included(v) | Bound::Excluded(v) => Some(v),
        }
    }

    /// True when the end value belongs to the interval.
    pub fn is_inclusive(self) -> bool {
        matches!(self, Bound::Included(_))
    }
}

/// A non-empty set of exact decimals between two [`Bound`]s.
///
/// ```
/// use chiffre::compare::Interval;
/// use rust_decimal::Decimal;
///
/// let f = chiffre::parse("290 million dollars", chiffre::Lang::En)?;
/// let iv = f.interval();
/// assert_eq!(iv.to_string(), "[289500000, 290500000]");
///
/// let years = Interval::closed(Decimal::from(12), Decimal::from(12))?;
/// assert_eq!(iv.mul(&years)?.to_string(), "[3474000000, 3486000000]");
/// # Ok::<(), chiffre::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    lower: Bound,
    upper: Bound,
}

/// The direction an inexact end is rounded to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Toward −∞ (lower ends).
    Down,
    /// Toward +∞ (upper ends).
    Up,
}

/// Moves an inexact result one unit in the last place in `dir`, so that it
/// bounds the true value (rust_decimal rounds to within one unit).
fn nudge(r: Decimal, dir: Dir) -> Result<Decimal, Error> {
    let s = r.scale();
    let step = |x: Decimal, ulp: Decimal| match dir {
        Dir::Down => x.checked_sub(ulp),
        Dir::Up => x.checked_add(ulp),
    };
    let n = step(r, Decimal::new(1, s)).ok_or_else(Error::overflow)?;
    if n.scale() == s {
        return Ok(n);
    }
    // The mantissa is full: drop one digit in the right direction first.
    if s == 0 {
        return Err(Error::overflow());
    }
    let strategy = match dir {
        Dir::Down => RoundingStrategy::ToNegativeInfinity,
        Dir::Up => RoundingStrategy::ToPositiveInfinity,
    };
    let c = r.round_dp_with_strategy(s - 1, strategy);
    step(c, Decimal::new(1, s - 1)).ok_or_else(Error::overflow)
}

/// `a + b`, rounded in `dir` when inexact.
pub(crate) fn add_dir(a: Decimal, b: Decimal, dir: Dir) -> Result<Decimal, Error> {
    let what = "the sum";
    let r = a.checked_add(b).ok_or_else(|| Error::overflow_in(what))?;
    if r.scale() == a.scale().max(b.scale()) {
        Ok(r)
    } else {
        nudge(r, dir).map_err(|e| e.overflow_as(what))
    }
}

/// `a · b`, rounded in `dir` when inexact.
pub(crate) fn mul_dir(a: Decimal, b: Decimal, dir: Dir) -> Result<Decimal, Error> {
    let what = "the product";
    let r = a.checked_mul(b).ok_or_else(|| Error::overflow_in(what))?;
    if r.is_zero() || r.scale() == a.scale() + b.scale() {
        Ok(r)
    } else {
        nudge(r, dir).map_err(|e| e.overflow_as(what))
    }
}

/// `a / b` when it is exact, `None` otherwise.
pub(crate) fn div_exact(a: Decimal, b: Decimal) -> Option<Decimal> {
    let q = a.checked_div(b)?;
    let p = q.checked_mul(b)?;
    (p.scale() == q.scale() + b.scale() && p == a).then_some(q)
}

/// `a / b`, rounded in `dir` when inexact.
pub(crate) fn div_dir(a: Decimal, b: Decimal, dir: Dir) -> Result<Decimal, Error> {
    if b.is_zero() {
        return Err(Error::division_by_zero());
    }
    if let Some(q) = div_exact(a, b) {
        return Ok(q);
    }
    let what = "the quotient";
    let q = a.checked_div(b).ok_or_else(|| Error::overflow_in(what))?;
    nudge(q, dir).map_err(|e| e.overflow_as(what))
}

/// An end value on the extended line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ext {
    NegInf,
    Fin(Decimal),
    PosInf,
}

impl Ext {
    fn inf(positive: bool) -> Ext {
        if positive { Ext::PosInf } else { Ext::NegInf }
    }
    fn rank(self, other: Ext) -> std::cmp::Ordering {
        use std::cmp::Ordering::*;
        match (self, other) {
            (Ext::NegInf, Ext::NegInf) | (Ext::PosInf, Ext::PosInf) => Equal,
            (Ext::NegInf, _) | (_, Ext::PosInf) => Less,
            (_, Ext::NegInf) | (Ext::PosInf, _) => Greater,
            (Ext::Fin(a), Ext::Fin(b)) => a.cmp(&b),
        }
    }
}

/// An endpoint of an operand: its value and whether it is attained.
#[derive(Debug, Clone, Copy)]
struct End {
    v: Ext,
    closed: bool,
}

/// A corner of an operation: its value rounded down and up, and whether
/// some pair of points reaches it.
#[derive(Debug, Clone, Copy)]
struct Corner {
    down: Ext,
    up: Ext,
    closed: bool,
}

impl Corner {
    fn exact(v: Ext, closed: bool) -> Corner {
        Corner {
            down: v,
            up: v,
            closed,
        }
    }
}

fn sign(d: Decimal) -> i8 {
    if d.is_zero() {
        0
    } else if d.is_sign_negative() {
        -1
    } else {
        1
    }
}

fn ext_sign(e: Ext) -> i8 {
    match e {
        Ext::NegInf => -1,
        Ext::PosInf => 1,
        Ext::Fin(d) => sign(d),
    }
}

impl Interval {
    /// The interval between two bounds; an error when it would be empty.
    ///
    /// ```
    /// use chiffre::compare::{Bound, Interval};
    /// use rust_decimal::Decimal;
    /// let iv = Interval::new(Bound::Excluded(Decimal::from(3)), Bound::Unbounded)?;
    /// assert_eq!(iv.to_string(), "(3, +∞)");
    /// assert!(Interval::new(Bound::Included(Decimal::from(3)), Bound::Excluded(Decimal::from(3))).is_err());
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn new(lower: Bound, upper: Bound) -> Result<Interval, Error> {
        if non_empty(lower, upper) {
            Ok(Interval { lower, upper })
        } else {
            Err(Error::input(format!(
                "empty interval: {} to {}",
                show_bound(lower, true),
                show_bound(upper, false)
            )))
        }
    }

    /// `[a, b]`; an error when `a > b`.
    pub fn closed(a: Decimal, b: Decimal) -> Result<Interval, Error> {
        Interval::new(Bound::Included(a), Bound::Included(b))
    }

    /// The single point `[v, v]`.
    pub fn point(v: Decimal) -> Interval {
        Interval {
            lower: Bound::Included(v),
            upper: Bound::Included(v),
        }
    }

    /// `(v, +∞)`: "more than v".
    pub fn above(v: Decimal) -> Interval {
        Interval {
            lower: Bound::Excluded(v),
            upper: Bound::Unbounded,
        }
    }

    /// `(−∞, v)`: "less than v".
    pub fn below(v: Decimal) -> Interval {
        Interval {
            lower: Bound::Unbounded,
            upper: Bound::Excluded(v),
        }
    }

    /// `[v, +∞)`: "at least v".
    pub fn at_least(v: Decimal) -> Interval {
        Interval {
            lower: Bound::Included(v),
            upper: Bound::Unbounded,
        }
    }

    /// `(−∞, v]`: "at most v".
    pub fn at_most(v: Decimal) -> Interval {
        Interval {
            lower: Bound::Unbounded,
            upper: Bound::Included(v),
        }
    }

    /// `(−∞, +∞)`.
    pub fn everything() -> Interval {
        Interval {
            lower: Bound::Unbounded,
            upper: Bound::Unbounded,
        }
    }

    /// The lower end.
    pub fn lower(&self) -> Bound {
        self.lower
    }

    /// The upper end.
    pub fn upper(&self) -> Bound {
        self.upper
    }

    /// The lower end's value (`None` when unbounded).
    pub fn min(&self) -> Option<Decimal> {
        self.lower.value()
    }

    /// The upper end's value (`None` when unbounded).
    pub fn max(&self) -> Option<Decimal> {
        self.upper.value()
    }

    /// True when both ends are finite.
    pub fn is_bounded(&self) -> bool {
        self.min().is_some() && self.max().is_some()
    }

    /// `{−x : x ∈ self}`.
    pub fn neg(&self) -> Interval {
        let flip = |b: Bound| match b {
            Bound::Unbounded => Bound::Unbounded,
            Bound::Included(v) => Bound::Included(-v),
            Bound::Excluded(v) => Bound::Excluded(-v),
        };
        Interval {
            lower: flip(self.upper),
            upper: flip(self.lower),
        }
    }

    /// `{x + y}` for x in `self`, y in `other`.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(1), Decimal::from(2))?;
    /// let b = Interval::above(Decimal::from(10));
    /// assert_eq!(a.add(&b)?.to_string(), "(11, +∞)");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn add(&self, other: &Interval) -> Result<Interval, Error> {
        let end = |a: Bound, b: Bound, dir: Dir| -> Result<Bound, Error> {
            Ok(match (a, b) {
                (Bound::Unbounded, _) | (_, Bound::Unbounded) => Bound::Unbounded,
                (a, b) => {
                    let (x, y) = (a.value().unwrap_or_default(), b.value().unwrap_or_default());
                    let s = add_dir(x, y, dir)?;
                    // An end rounded outward is strictly beyond every sum:
                    // keeping it closed is harmless.
                    let exact = x.checked_add(y) == Some(s);
                    if (a.is_inclusive() && b.is_inclusive()) || !exact {
                        Bound::Included(s)
                    } else {
                        Bound::Excluded(s)
                    }
                }
            })
        };
        Interval::new(
            end(self.lower, other.lower, Dir::Down)?,
            end(self.upper, other.upper, Dir::Up)?,
        )
    }

    /// `{x − y}` for x in `self`, y in `other`.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(10), Decimal::from(20))?;
    /// let b = Interval::closed(Decimal::from(1), Decimal::from(2))?;
    /// assert_eq!(a.sub(&b)?.to_string(), "[8, 19]");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn sub(&self, other: &Interval) -> Result<Interval, Error> {
        self.add(&other.neg())
            .map_err(|e| e.overflow_as("the difference"))
    }

    fn ends(&self) -> [End; 2] {
        let end = |b: Bound, lower: bool| match b {
            Bound::Unbounded => End {
                v: if lower { Ext::NegInf } else { Ext::PosInf },
                closed: false,
            },
            Bound::Included(v) => End {
                v: Ext::Fin(v),
                closed: true,
            },
            Bound::Excluded(v) => End {
                v: Ext::Fin(v),
                closed: false,
            },
        };
        [end(self.lower, true), end(self.upper, false)]
    }

    /// `{x · y}` for x in `self`, y in `other`, with signs and open or
    /// infinite ends handled.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(-2), Decimal::from(3))?;
    /// let b = Interval::closed(Decimal::from(4), Decimal::from(5))?;
    /// assert_eq!(a.mul(&b)?.to_string(), "[-10, 15]");
    /// let c = Interval::above(Decimal::from(2));
    /// assert_eq!(b.mul(&c)?.to_string(), "(8, +∞)");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn mul(&self, other: &Interval) -> Result<Interval, Error> {
        let mut corners = Vec::with_capacity(4);
        for a in self.ends() {
            for b in other.ends() {
                corners.push(mul_corner(a, b)?);
            }
        }
        hull(&corners)
    }

    /// `{x / y}` for x in `self`, y in `other`; an error when `other`
    /// contains zero.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let money = Interval::closed(Decimal::from(8_500), Decimal::from(9_500))?;
    /// let mw = Interval::closed(Decimal::from(1_250), Decimal::from(1_350))?;
    /// let per_mw = money.div(&mw)?;
    /// assert_eq!(per_mw.max(), Some(Decimal::new(76, 1)));
    /// assert!(per_mw.min().unwrap() * Decimal::from(1_350) <= Decimal::from(8_500));
    /// let zero = Interval::closed(Decimal::from(-1), Decimal::from(1))?;
    /// assert!(money.div(&zero).is_err());
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn div(&self, other: &Interval) -> Result<Interval, Error> {
        if other.contains(Decimal::ZERO) {
            return Err(Error::division_by_zero());
        }
        // The divisor lies on one side of zero.
        let positive = match other.lower {
            Bound::Unbounded => false,
            Bound::Included(v) | Bound::Excluded(v) => !v.is_sign_negative() || v.is_zero(),
        };
        let mut corners = Vec::with_capacity(4);
        for a in self.ends() {
            for b in other.ends() {
                if let Some(c) = div_corner(a, b, positive)? {
                    corners.push(c);
                }
            }
        }
        hull(&corners)
    }

    /// `{k · x}` for x in `self`.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(2), Decimal::from(3))?;
    /// assert_eq!(a.scale(Decimal::from(-12))?.to_string(), "[-36, -24]");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn scale(&self, k: Decimal) -> Result<Interval, Error> {
        self.mul(&Interval::point(k))
    }

    /// True when some number belongs to both intervals.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(1), Decimal::from(2))?;
    /// assert!(a.intersects(&Interval::at_least(Decimal::from(2))));
    /// assert!(!a.intersects(&Interval::above(Decimal::from(2))));
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn intersects(&self, other: &Interval) -> bool {
        let lower = tighter_lower(self.lower, other.lower);
        let upper = tighter_upper(self.upper, other.upper);
        non_empty(lower, upper)
    }

    /// True when `x` belongs to the interval.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// assert!(Interval::at_most(Decimal::from(5)).contains(Decimal::from(5)));
    /// assert!(!Interval::below(Decimal::from(5)).contains(Decimal::from(5)));
    /// ```
    pub fn contains(&self, x: Decimal) -> bool {
        let lower_ok = match self.lower {
            Bound::Unbounded => true,
            Bound::Included(v) => v <= x,
            Bound::Excluded(v) => v < x,
        };
        let upper_ok = match self.upper {
            Bound::Unbounded => true,
            Bound::Included(v) => x <= v,
            Bound::Excluded(v) => x < v,
        };
        lower_ok && upper_ok
    }

    /// True when every number of `other` belongs to `self`.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(1), Decimal::from(9))?;
    /// assert!(a.contains_interval(&Interval::closed(Decimal::from(2), Decimal::from(3))?));
    /// assert!(!a.contains_interval(&Interval::at_least(Decimal::from(2))));
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn contains_interval(&self, other: &Interval) -> bool {
        tighter_lower(self.lower, other.lower) == other.lower
            && tighter_upper(self.upper, other.upper) == other.upper
    }

    /// The point value shown for the interval: the middle of a bounded
    /// interval, the finite end of a half-bounded one, `None` for
    /// `(−∞, +∞)`.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(3), Decimal::from(4))?;
    /// assert_eq!(a.midpoint(), Some(Decimal::new(35, 1)));
    /// assert_eq!(Interval::above(Decimal::from(3)).midpoint(), Some(Decimal::from(3)));
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn midpoint(&self) -> Option<Decimal> {
        match (self.min(), self.max()) {
            (Some(a), Some(b)) => Some(midpoint(a, b)),
            (Some(a), None) | (None, Some(a)) => Some(a),
            (None, None) => None,
        }
    }

    /// When the intervals are disjoint, the gap between their facing ends
    /// divided by the larger magnitude of those two ends; `None` when they
    /// intersect.
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(1), Decimal::from(2))?;
    /// let b = Interval::closed(Decimal::from(4), Decimal::from(5))?;
    /// assert_eq!(a.relative_gap(&b), Some(Decimal::new(5, 1)));
    /// assert_eq!(b.relative_gap(&a), Some(Decimal::new(5, 1)));
    /// assert_eq!(a.relative_gap(&a), None);
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn relative_gap(&self, other: &Interval) -> Option<Decimal> {
        if self.intersects(other) {
            return None;
        }
        // Disjoint: one lies wholly below the other, so the facing ends are finite.
        let (low, high) = match (self.max(), other.min()) {
            (Some(a), Some(b)) if a <= b => (a, b),
            _ => (other.max()?, self.min()?),
        };
        let gap = high.checked_sub(low)?;
        let mag = low.abs().max(high.abs());
        if mag.is_zero() {
            return Some(Decimal::ZERO);
        }
        gap.checked_div(mag).map(|d| d.normalize())
    }

    /// The interval with each end rounded outward to `digits` significant
    /// digits and written with scale words ("[6.296 million, 7.6 million]").
    ///
    /// ```
    /// use chiffre::compare::Interval;
    /// use rust_decimal::Decimal;
    /// let a = Interval::closed(Decimal::from(289_500_000), Decimal::from(290_500_000))?;
    /// assert_eq!(a.format_sig(2), "[280 million, 300 million]");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn format_sig(&self, digits: u32) -> String {
        let lo = match self.lower {
            Bound::Unbounded => "(−∞".to_string(),
            Bound::Included(v) => format!("[{}", format_sig(v, digits, Dir::Down)),
            Bound::Excluded(v) => format!("({}", format_sig(v, digits, Dir::Down)),
        };
        let hi = match self.upper {
            Bound::Unbounded => "+∞)".to_string(),
            Bound::Included(v) => format!("{}]", format_sig(v, digits, Dir::Up)),
            Bound::Excluded(v) => format!("{})", format_sig(v, digits, Dir::Up)),
        };
        format!("{lo}, {hi}")
    }
}

/// `(a + b) / 2`, without overflow.
pub(crate) fn midpoint(a: Decimal, b: Decimal) -> Decimal {
    let two = Decimal::TWO;
    match a.checked_add(b).and_then(|s| s.checked_div(two)) {
        Some(m) => m,
        None => a / two + b / two,
    }
}

/// Writes a decimal without trailing zeros and without a negative zero.
pub(crate) fn plain(d: Decimal) -> String {
    if d.is_zero() {
        "0".to_string()
    } else {
        d.normalize().to_string()
    }
}

/// Rounds to `digits` significant digits (toward `dir`, or to nearest when
/// `None`) and writes the result with a scale word from a million up.
pub(crate) fn format_sig_with(d: Decimal, digits: u32, dir: Option<Dir>) -> String {
    let strategy = match dir {
        Some(Dir::Down) => RoundingStrategy::ToNegativeInfinity,
        Some(Dir::Up) => RoundingStrategy::ToPositiveInfinity,
        None => RoundingStrategy::MidpointAwayFromZero,
    };
    let r = d
        .round_sf_with_strategy(digits.max(1), strategy)
        .unwrap_or(d);
    let mag = r.abs();
    for (exp, word) in [(12u32, "trillion"), (9, "billion"), (6, "million")] {
        let unit = Decimal::from(10u64.pow(exp));
        if mag >= unit
            && let Some(q) = div_exact(r, unit)
        {
            return format!("{} {word}", plain(q));
        }
    }
    plain(r)
}

/// Rounds a decimal to `digits` significant digits (half away from zero)
/// and writes it with a scale word from a million up: the form used by
/// [`Derived`](super::Derived)'s `Display`.
///
/// ```
/// use chiffre::compare::format_decimal;
/// use rust_decimal::Decimal;
/// assert_eq!(format_decimal(Decimal::from(6_923_076), 4), "6.923 million");
/// assert_eq!(format_decimal(Decimal::new(48_750, 4), 2), "4.9");
/// ```
pub fn format_decimal(d: Decimal, digits: u32) -> String {
    format_sig_with(d, digits, None)
}

fn format_sig(d: Decimal, digits: u32, dir: Dir) -> String {
    format_sig_with(d, digits, Some(dir))
}

fn show_bound(b: Bound, lower: bool) -> String {
    match (b, lower) {
        (Bound::Unbounded, true) => "(−∞".into(),
        (Bound::Unbounded, false) => "+∞)".into(),
        (Bound::Included(v), true) => format!("[{}", plain(v)),
        (Bound::Included(v), false) => format!("{}]", plain(v)),
        (Bound::Excluded(v), true) => format!("({}", plain(v)),
        (Bound::Excluded(v), false) => format!("{})", plain(v)),
    }
}

/// Whether the interval between two bounds has a point.
fn non_empty(lower: Bound, upper: Bound) -> bool {
    match (lower.value(), upper.value()) {
        (Some(a), Some(b)) => a < b || (a == b && lower.is_inclusive() && upper.is_inclusive()),
        _ => true,
    }
}

/// The larger (more restrictive) of two lower bounds.
fn tighter_lower(a: Bound, b: Bound) -> Bound {
    match (a.value(), b.value()) {
        (None, _) => b,
        (_, None) => a,
        (Some(x), Some(y)) if x > y => a,
        (Some(x), Some(y)) if x < y => b,
        _ if !a.is_inclusive() => a,
        _ => b,
    }
}

/// The smaller (more restrictive) of two upper bounds.
fn tighter_upper(a: Bound, b: Bound) -> Bound {
    match (a.value(), b.value()) {
        (None, _) => b,
        (_, None) => a,
        (Some(x), Some(y)) if x < y => a,
        (Some(x), Some(y)) if x > y => b,
        _ if !a.is_inclusive() => a,
        _ => b,
    }
}

fn mul_corner(a: End, b: End) -> Result<Corner, Error> {
    let zero_closed = |e: End| e.closed && e.v == Ext::Fin(Decimal::ZERO);
    Ok(match (a.v, b.v) {
        (Ext::Fin(x), Ext::Fin(y)) => Corner {
            down: Ext::Fin(mul_dir(x, y, Dir::Down)?),
            up: Ext::Fin(mul_dir(x, y, Dir::Up)?),
            closed: (a.closed && b.closed) || zero_closed(a) || zero_closed(b),
        },
        (x, y) => {
            let s = ext_sign(x) * ext_sign(y);
            if s == 0 {
                // 0 · ∞: the zero end times any finite point of the other side.
                Corner::exact(Ext::Fin(Decimal::ZERO), zero_closed(a) || zero_closed(b))
            } else {
                Corner::exact(Ext::inf(s > 0), false)
            }
        }
    })
}

/// A corner of `a / b` where `b` lies on one side of zero (`positive`).
fn div_corner(a: End, b: End, positive: bool) -> Result<Option<Corner>, Error> {
    let side: i8 = if positive { 1 } else { -1 };
    let zero_closed = a.closed && a.v == Ext::Fin(Decimal::ZERO);
    Ok(Some(match (a.v, b.v) {
        // ∞ / ∞: covered by the other corners.
        (Ext::NegInf | Ext::PosInf, Ext::NegInf | Ext::PosInf) => return Ok(None),
        (Ext::Fin(x), Ext::NegInf | Ext::PosInf) => {
            let _ = x;
            Corner::exact(Ext::Fin(Decimal::ZERO), zero_closed)
        }
        (Ext::Fin(x), Ext::Fin(y)) if y.is_zero() => {
            // An open zero end of the divisor: x / (0±).
            if x.is_zero() {
                Corner::exact(Ext::Fin(Decimal::ZERO), zero_closed)
            } else {
                Corner::exact(Ext::inf(sign(x) * side > 0), false)
            }
        }
        (Ext::Fin(x), Ext::Fin(y)) => Corner {
            down: Ext::Fin(div_dir(x, y, Dir::Down)?),
            up: Ext::Fin(div_dir(x, y, Dir::Up)?),
            closed: (a.closed && b.closed) || zero_closed,
        },
        (inf, Ext::Fin(y)) => {
            let sy = if y.is_zero() { side } else { sign(y) };
            Corner::exact(Ext::inf(ext_sign(inf) * sy > 0), false)
        }
    }))
}

/// The smallest interval holding every corner.
fn hull(corners: &[Corner]) -> Result<Interval, Error> {
    let mut lo: Option<(Ext, bool)> = None;
    let mut hi: Option<(Ext, bool)> = None;
    for c in corners {
        lo = Some(match lo {
            None => (c.down, c.closed),
            Some((v, closed)) => match c.down.rank(v) {
                std::cmp::Ordering::Less => (c.down, c.closed),
                std::cmp::Ordering::Equal => (v, closed || c.closed),
                std::cmp::Ordering::Greater => (v, closed),
            },
        });
        hi = Some(match hi {
            None => (c.up, c.closed),
            Some((v, closed)) => match c.up.rank(v) {
                std::cmp::Ordering::Greater => (c.up, c.closed),
                std::cmp::Ordering::Equal => (v, closed || c.closed),
                std::cmp::Ordering::Less => (v, closed),
            },
        });
    }
    // A corner rounded outward is never reached: its end may stay closed.
    let exact_at = |v: Ext, down: bool| {
        corners.iter().any(|c| {
            let (d, u) = (c.down, c.up);
            d == u && (if down { d } else { u }) == v
        })
    };
    let bound = |e: Option<(Ext, bool)>, down: bool| match e {
        None | Some((Ext::NegInf | Ext::PosInf, _)) => Bound::Unbounded,
        Some((Ext::Fin(v), closed)) => {
            if closed || !exact_at(Ext::Fin(v), down) {
                Bound::Included(v)
            } else {
                Bound::Excluded(v)
            }
        }
    };
    Interval::new(bound(lo, true), bound(hi, false))
}

impl fmt::Display for Interval {
    /// `[289500000, 290500000]`, `(3500000000, +∞)`, `(−∞, 5]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}",
            show_bound(self.lower, true),
            show_bound(self.upper, false)
        )
    }
}

impl Interval {
    /// Writes `min`, `max` (exact decimal strings, `null` when unbounded)
    /// and `min_inclusive`, `max_inclusive` into a JSON map.
    pub(crate) fn serialize_fields<M: SerializeMap>(
        &self,
        m: &mut M,
        prefix: &str,
    ) -> Result<(), M::Error> {
        m.serialize_entry(&format!("{prefix}min"), &self.min().map(DecStr))?;
        m.serialize_entry(&format!("{prefix}max"), &self.max().map(DecStr))?;
        m.serialize_entry(
            &format!("{prefix}min_inclusive"),
            &self.lower.is_inclusive(),
        )?;
        m.serialize_entry(
            &format!("{prefix}max_inclusive"),
            &self.upper.is_inclusive(),
        )?;
        Ok(())
    }
}

impl Serialize for Interval {
    /// `{"min": "289500000", "max": "290500000", "min_inclusive": true,
    /// "max_inclusive": true}`; an unbounded end is `null`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        self.serialize_fields(&mut m, "")?;
        m.end()
    }
}

impl Figure {
    /// The set of values the figure can stand for, from its resolution and
    /// qualifier (see [`crate::compare`] for the rules).
    ///
    /// ```
    /// use chiffre::{parse, Lang};
    /// let f = parse("290 млн долларов", Lang::Ru)?;
    /// assert_eq!(f.interval().to_string(), "[289500000, 290500000]");
    /// let f = parse("3,5 млрд долларов", Lang::Ru)?;
    /// assert_eq!(f.interval().to_string(), "[3450000000, 3550000000]");
    /// let f = parse("около 290 млн долларов", Lang::Ru)?;
    /// assert_eq!(f.interval().to_string(), "[275500000, 304500000]");
    /// let f = parse("more than $3.5 billion", Lang::En)?;
    /// assert_eq!(f.interval().to_string(), "(3500000000, +∞)");
    /// let f = parse("$5–10 million", Lang::En)?;
    /// assert_eq!(f.interval().to_string(), "[4500000, 10500000]");
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    pub fn interval(&self) -> Interval {
        let (lo, hi) = (self.value.min(), self.value.max());
        let half = self.resolution.abs() / Decimal::TWO;
        let five_percent = Decimal::new(5, 2);
        let widen = |v: Decimal| -> Decimal {
            match self.qualifier {
                Qualifier::Approx => half.max(v.abs() * five_percent),
                _ => half,
            }
        };
        // An end that does not fit in a decimal is left open-ended (wider,
        // so still correct).
        let down = |v: Decimal, w: Decimal| {
            add_dir(v, -w, Dir::Down).map_or(Bound::Unbounded, Bound::Included)
        };
        let up = |v: Decimal, w: Decimal| {
            add_dir(v, w, Dir::Up).map_or(Bound::Unbounded, Bound::Included)
        };
        let (lower, upper) = match self.qualifier {
            Qualifier::Exact | Qualifier::Approx => (down(lo, widen(lo)), up(hi, widen(hi))),
            Qualifier::Over => (Bound::Excluded(lo), Bound::Unbounded),
            Qualifier::Under => (Bound::Unbounded, Bound::Excluded(hi)),
            Qualifier::AtLeast => (Bound::Included(lo), Bound::Unbounded),
            Qualifier::AtMost => (Bound::Unbounded, Bound::Included(hi)),
        };
        Interval::new(lower, upper).unwrap_or_else(|_| Interval::everything())
    }

    /// The point value: the value, or the middle of a range.
    pub(crate) fn point(&self) -> Decimal {
        match self.value {
            crate::figure::Value::Exact(v) => v,
            crate::figure::Value::Range { min, max } => midpoint(min, max),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn ok_directed_division_brackets_the_quotient() {
        let (a, b) = (d("8500000000"), d("1350"));
        let lo = div_dir(a, b, Dir::Down).unwrap();
        let hi = div_dir(a, b, Dir::Up).unwrap();
        assert!(lo < hi);
        // Exact check in integers: lo · b ≤ a ≤ hi · b.
        let scaled = |x: Decimal, s: u32| x.mantissa() * 10i128.pow(s - x.scale());
        assert!(lo.mantissa() * b.mantissa() <= scaled(a, lo.scale()));
        assert!(hi.mantissa() * b.mantissa() >= scaled(a, hi.scale()));
        assert_eq!(lo.to_string(), "6296296.2962962962962962962962");
        assert_eq!(hi.to_string(), "6296296.2962962962962962962964");
        assert_eq!(
            div_dir(d("9500000000"), d("1250"), Dir::Down).unwrap(),
            d("7600000")
        );
        let third_lo = div_dir(d("-1"), d("3"), Dir::Down).unwrap();
        let third_hi = div_dir(d("-1"), d("3"), Dir::Up).unwrap();
        assert!(third_lo < third_hi && third_hi < Decimal::ZERO);
    }

    #[test]
    fn ok_nudge_with_a_full_mantissa() {
        let big = d("7922816251426433759354395033.5");
        let up = nudge(big, Dir::Up).unwrap();
        let down = nudge(big, Dir::Down).unwrap();
        assert!(down < big && big < up);
        assert!(nudge(Decimal::MAX, Dir::Up).is_err());
    }

    #[test]
    fn ok_inexact_add_rounds_outward() {
        let a = Decimal::MAX - Decimal::ONE;
        let b = d("0.3");
        let up = add_dir(a, b, Dir::Up).unwrap();
        assert!(up >= a);
        let down = add_dir(a, b, Dir::Down).unwrap();
        assert!(down <= a + Decimal::ONE);
    }

    #[test]
    fn ok_open_zero_divisor_end() {
        let a = Interval::closed(d("1"), d("2")).unwrap();
        let b = Interval::new(Bound::Excluded(Decimal::ZERO), Bound::Included(d("1"))).unwrap();
        assert_eq!(a.div(&b).unwrap().to_string(), "[1, +∞)");
        let neg = b.neg();
        assert_eq!(a.div(&neg).unwrap().to_string(), "(−∞, -1]");
    }

    #[test]
    fn ok_infinite_products() {
        let a = Interval::new(Bound::Excluded(Decimal::ZERO), Bound::Included(d("1"))).unwrap();
        let b = Interval::at_least(d("1"));
        assert_eq!(a.mul(&b).unwrap().to_string(), "(0, +∞)");
        let c = Interval::closed(Decimal::ZERO, d("1")).unwrap();
        assert_eq!(c.mul(&b).unwrap().to_string(), "[0, +∞)");
        let all = Interval::everything();
        assert_eq!(c.mul(&all).unwrap().to_string(), "(−∞, +∞)");
        let x = Interval::at_least(d("1"));
        assert_eq!(x.div(&x).unwrap().to_string(), "(0, +∞)");
    }
}
