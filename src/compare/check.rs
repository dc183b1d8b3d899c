//! `check`: the relations a reader checks inside one article.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::derived::{Derived, Num, Quantity};
use super::interval::Interval;
use super::ops::{accumulate, align, ratio_q, same_dimension};
use super::text::Layout;
use crate::error::Error;
use crate::extract::{Found, KindSet, Options, extract};
use crate::figure::{DecStr, Figure, Kind, Qualifier, Value};
use crate::unit::Unit;

/// What a [`Relation`] checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RelationKind {
    /// A rate with a period, times a term, against a stated total
    /// ("$290 million a year" × "12-year" vs "$3.5 billion over the term").
    RateTimesTermVsTotal,
    /// A deal's price divided by the capacity it buys ("$9 billion" /
    /// "1.3 GW" → USD per MW). A derived figure, with no verdict.
    PricePerCapacity,
    /// The same quantity stated twice ("$9B" in the headline, "$9 billion"
    /// in the body).
    Restated,
}

impl RelationKind {
    /// The name used in JSON: `rate_times_term_vs_total`,
    /// `price_per_capacity`, `restated`.
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::RateTimesTermVsTotal => "rate_times_term_vs_total",
            RelationKind::PricePerCapacity => "price_per_capacity",
            RelationKind::Restated => "restated",
        }
    }
}

/// The part a figure plays in a [`Relation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// A rate with a period ("$290 million a year").
    Rate,
    /// A duration ("12-year").
    Term,
    /// A stated total ("$3.5 billion in total").
    Total,
    /// A price ("$9 billion").
    Price,
    /// A capacity ("1.3 GW").
    Capacity,
    /// The first statement of a quantity.
    First,
    /// A later statement of the same quantity.
    Restatement,
}

impl Role {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Role::Rate => "rate",
            Role::Term => "term",
            Role::Total => "total",
            Role::Price => "price",
            Role::Capacity => "capacity",
            Role::First => "first",
            Role::Restatement => "restatement",
        }
    }
}

/// A figure taking part in a relation, with its byte span in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What the figure is in the relation.
    pub role: Role,
    /// Byte offset of the figure's first byte.
    pub start: usize,
    /// Byte offset just past the figure.
    pub end: usize,
    /// The figure as written (empty when the relation was built from
    /// figures rather than found in a text).
    pub text: String,
    /// The figure.
    pub figure: Figure,
}

/// One relation found by [`check`]: the figures involved, what they imply
/// (`computed`), what the text states (`stated`), and the verdict.
///
/// Serialises to one flat JSON object: `kind`, `figures` (role, start,
/// end, text), the computed `value`, `min`, `max`, `min_inclusive`,
/// `max_inclusive`, `currency`, `unit`, then `stated_min`, `stated_max`,
/// `stated_min_inclusive`, `stated_max_inclusive` (null when nothing is
/// stated), `consistent` (true, false or null) and `gap`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Relation {
    /// What is checked.
    pub kind: RelationKind,
    /// The figures involved, in the order of their roles.
    pub figures: Vec<Part>,
    /// What the figures imply: rate × term; price per capacity; for a
    /// restatement, the first statement.
    pub computed: Derived,
    /// What the text states, in the unit of `computed`: the total; the
    /// later statement; `None` for a price per capacity.
    pub stated: Option<Interval>,
    /// `Some(true)` when computed and stated agree, `Some(false)` when they
    /// do not, `None` when there is nothing to compare.
    pub consistent: Option<bool>,
    /// When inconsistent, how far apart: for a total, the gap between the
    /// intervals over the larger of their facing ends
    /// ([`Interval::relative_gap`]); for a restatement, the difference of
    /// the two values over the larger one.
    pub gap: Option<Decimal>,
}

impl Relation {
    /// The smallest start of the figures involved.
    pub fn start(&self) -> usize {
        self.figures
            .iter()
            .map(|p| p.start)
            .min()
            .unwrap_or_default()
    }
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct P<'a> {
            role: &'static str,
            start: usize,
            end: usize,
            text: &'a str,
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", self.kind.name())?;
        let parts: Vec<P<'_>> = self
            .figures
            .iter()
            .map(|p| P {
                role: p.role.name(),
                start: p.start,
                end: p.end,
                text: &p.text,
            })
            .collect();
        m.serialize_entry("figures", &parts)?;
        self.computed.serialize_fields(&mut m)?;
        match &self.stated {
            Some(iv) => iv.serialize_fields(&mut m, "stated_")?,
            None => {
                for k in ["stated_min", "stated_max"] {
                    m.serialize_entry(k, &None::<DecStr>)?;
                }
                for k in ["stated_min_inclusive", "stated_max_inclusive"] {
                    m.serialize_entry(k, &None::<bool>)?;
                }
            }
        }
        m.serialize_entry("consistent", &self.consistent)?;
        m.serialize_entry("gap", &self.gap.map(DecStr))?;
        m.end()
    }
}

/// How many words around a figure are searched for a total word.
const CUE_WINDOW: usize = 8;
/// How many words on each side of a figure make its context.
const CONTEXT_WINDOW: usize = 10;
/// Restatements further apart than this (relative) are different quantities.
const RESTATED_MAX_DIFF: Decimal = Decimal::from_parts(25, 0, 0, false, 2);
/// Shared context words that identify a restatement.
const RESTATED_SHARED_WORDS: usize = 3;
/// "100 million": figures this large (in the currency, or the base unit) are
/// distinctive enough to pair a headline with the body on one shared word.
const LARGE: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// Finds the relations a reader would check inside one article and says
/// whether each holds. See the [module docs](crate::compare) for the
/// pairing rules.
///
/// `opts` sets the language and the local currency; all kinds of figures
/// but bare numbers are read whatever `opts.kinds` says.
///
/// ```
/// use chiffre::compare::{check, RelationKind};
/// let text = "They signed a 10-year deal. It brings about $200 million a year, \
///             or about $5 billion in total.";
/// let rel = check(text, &chiffre::Options::default());
/// assert_eq!(rel.len(), 1);
/// assert_eq!(rel[0].kind, RelationKind::RateTimesTermVsTotal);
/// assert_eq!(rel[0].computed.interval().to_string(), "[1805000000, 2205000000]");
/// assert_eq!(rel[0].stated.unwrap().to_string(), "[4500000000, 5500000000]");
/// assert_eq!(rel[0].consistent, Some(false));
/// ```
pub fn check(text: &str, opts: &Options) -> Vec<Relation> {
    let opts = Options {
        kinds: KindSet::default(),
        ..*opts
    };
    let found = extract(text, &opts);
    let layout = Layout::new(text, &found);
    let qs: Vec<Option<Quantity>> = found.iter().map(|f| Quantity::of(&f.figure).ok()).collect();
    let mut out = Vec::new();
    rate_term_total(&layout, &qs, &mut out);
    price_per_capacity(&layout, &qs, &mut out);
    restated(&layout, &qs, &mut out);
    out.sort_by_key(|r| (r.start(), r.kind));
    out
}

fn part(text: &str, f: &Found, role: Role) -> Part {
    Part {
        role,
        start: f.start,
        end: f.end,
        text: f.text(text).to_string(),
        figure: f.figure.clone(),
    }
}

fn distance(a: &Found, b: &Found) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// (a) rate × term vs total.
fn rate_term_total(l: &Layout<'_>, qs: &[Option<Quantity>], out: &mut Vec<Relation>) {
    let found = l.found;
    for (ti, t) in found.iter().enumerate() {
        let Some(qt) = qs[ti] else { continue };
        if qt.per.is_some()
            || !matches!(
                t.figure.kind,
                Kind::Money | Kind::Power | Kind::Energy | Kind::Hashrate
            )
            || !l.total_cue(ti, CUE_WINDOW)
        {
            continue;
        }
        let Some(total_base) = qt.base_point() else {
            continue;
        };
        // The rate: same paragraph, same dimension, smaller than the total;
        // the nearest one, preferring one before the total.
        let rate = (0..found.len())
            .filter(|&ri| ri != ti && l.para[ri] == l.para[ti])
            .filter(|&ri| {
                qs[ri].is_some_and(|qr| {
                    qr.per.is_some_and(|p| p.kind() == Kind::Duration)
                        && qr.num.dimension() == qt.num.dimension()
                        && found[ri].figure.polarity == t.figure.polarity
                        && qr.base_point().is_some_and(|b| b.abs() < total_base.abs())
                })
            })
            .min_by_key(|&ri| (ri > ti, distance(&found[ri], t)));
        let Some(ri) = rate else { continue };
        let Some(qr) = qs[ri] else { continue };
        let Some(per) = qr.per else { continue };
        // The term: a duration of the rate's period family, longer than one
        // period, in the paragraph; one in the sentence of the rate or the
        // total first, then the nearest to the rate.
        let term = (0..found.len())
            .filter(|&di| l.para[di] == l.para[ti] && found[di].figure.kind == Kind::Duration)
            .filter(|&di| {
                qs[di].is_some_and(|qd| match qd.num {
                    Num::Unit(u) => {
                        u.base().0 == per.base().0
                            && qd
                                .point
                                .checked_mul(u.base().1)
                                .is_some_and(|x| x > per.base().1)
                    }
                    _ => false,
                })
            })
            .min_by_key(|&di| {
                let same_sentence =
                    l.sentence[di] == l.sentence[ri] || l.sentence[di] == l.sentence[ti];
                (!same_sentence, distance(&found[di], &found[ri]))
            });
        let Some(di) = term else { continue };
        let Some(qd) = qs[di] else { continue };
        let Ok(computed) = accumulate(&qr, &qd) else {
            continue;
        };
        let stated = match align(&computed, &qt) {
            Ok(s) => s,
            Err(_) => continue,
        };
        let consistent = computed.iv.intersects(&stated.iv);
        let gap = if consistent {
            None
        } else {
            computed.iv.relative_gap(&stated.iv)
        };
        out.push(Relation {
            kind: RelationKind::RateTimesTermVsTotal,
            figures: vec![
                part(l.text, &found[ri], Role::Rate),
                part(l.text, &found[di], Role::Term),
                part(l.text, t, Role::Total),
            ],
            computed: Derived::from_quantity(&computed),
            stated: Some(stated.iv),
            consistent: Some(consistent),
            gap,
        });
    }
}

/// (b) price per capacity, within one sentence or the headline.
fn price_per_capacity(l: &Layout<'_>, qs: &[Option<Quantity>], out: &mut Vec<Relation>) {
    let found = l.found;
    let deal_money = |i: usize| {
        let f = &found[i].figure;
        f.kind == Kind::Money
            && f.unit != Some(Unit::Cent)
            && f.polarity == crate::figure::Polarity::Neutral
            && qs[i].is_some_and(|q| q.per.is_none())
            && !l.unit_price(i)
    };
    let capacity = |i: usize| {
        matches!(found[i].figure.kind, Kind::Power | Kind::Hashrate)
            && qs[i].is_some_and(|q| q.per.is_none())
    };
    // The headline is one unit; every other sentence is one.
    let unit_of = |i: usize| {
        if l.in_headline(i) {
            usize::MAX
        } else {
            l.sentence[i]
        }
    };
    let mut units: Vec<usize> = (0..found.len()).map(unit_of).collect();
    units.dedup();
    let mut seen: Vec<(Decimal, String)> = Vec::new();
    for u in units {
        let members: Vec<usize> = (0..found.len()).filter(|&i| unit_of(i) == u).collect();
        let money: Vec<usize> = members.iter().copied().filter(|&i| deal_money(i)).collect();
        let [mi] = money[..] else { continue };
        let Some(qm) = qs[mi] else { continue };
        for ci in members.iter().copied().filter(|&i| capacity(i)) {
            let Some(qc) = qs[ci] else { continue };
            let per = match (found[ci].figure.kind, qc.num) {
                (Kind::Power, _) => Unit::MW,
                (_, Num::Unit(u)) => u,
                _ => continue,
            };
            let Ok(q) = ratio_q(&qm, &qc, Some(per)) else {
                continue;
            };
            let key = (q.point.normalize(), q.label());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            out.push(Relation {
                kind: RelationKind::PricePerCapacity,
                figures: vec![
                    part(l.text, &found[mi], Role::Price),
                    part(l.text, &found[ci], Role::Capacity),
                ],
                computed: Derived::from_quantity(&q),
                stated: None,
                consistent: None,
                gap: None,
            });
        }
    }
}

/// True when the figure's qualifier is an inequality or its value a range:
/// its written value is only a limit.
fn is_limit(f: &Figure) -> bool {
    matches!(
        f.qualifier,
        Qualifier::Over | Qualifier::Under | Qualifier::AtLeast | Qualifier::AtMost
    ) || matches!(f.value, Value::Range { .. })
}

/// Whether two statements of one quantity agree. `b` is in `a`'s unit.
/// Their intervals must intersect, and their values be equal, or the finer
/// one round to the coarser one (they differ by less than half the coarser
/// resolution; a tie is a disagreement). With `limits`, a limit ("more
/// than") or a range agrees as soon as the intervals intersect.
pub(crate) fn agree(a: &Quantity, fa: &Figure, b: &Quantity, fb: &Figure, limits: bool) -> bool {
    if !a.iv.intersects(&b.iv) {
        return false;
    }
    if limits && (is_limit(fa) || is_limit(fb)) {
        return true;
    }
    if a.point == b.point {
        return true;
    }
    let diff = (a.point - b.point).abs();
    let half = a.res.abs().max(b.res.abs()) / Decimal::TWO;
    diff < half
}

/// `|a − b| / max(|a|, |b|)`; zero when both are zero.
pub(crate) fn relative_difference(a: Decimal, b: Decimal) -> Option<Decimal> {
    let mag = a.abs().max(b.abs());
    if mag.is_zero() {
        return Some(Decimal::ZERO);
    }
    a.checked_sub(b)?
        .abs()
        .checked_div(mag)
        .map(|d| d.normalize())
}

/// Whether two figures can be statements of one quantity at all: same
/// kind, currency or dimension, period, polarity and scale word.
pub(crate) fn comparable(qa: &Quantity, fa: &Figure, qb: &Quantity, fb: &Figure) -> bool {
    fa.kind == fb.kind
        && same_dimension(qa, qb).is_ok()
        && qa.per.map(|p| p.base()) == qb.per.map(|p| p.base())
        && fa.polarity == fb.polarity
}

/// (c) the same quantity stated twice.
fn restated(l: &Layout<'_>, qs: &[Option<Quantity>], out: &mut Vec<Relation>) {
    let found = l.found;
    let eligible = |i: usize| {
        qs[i].is_some()
            && matches!(
                found[i].figure.kind,
                Kind::Money | Kind::Power | Kind::Energy | Kind::Hashrate | Kind::Count
            )
    };
    let contexts: Vec<BTreeSet<String>> = (0..found.len())
        .map(|i| {
            if eligible(i) {
                l.context(i, CONTEXT_WINDOW)
            } else {
                BTreeSet::new()
            }
        })
        .collect();
    for j in 0..found.len() {
        let Some(qj) = qs[j].filter(|_| eligible(j)) else {
            continue;
        };
        let fj = &found[j].figure;
        let mut best: Option<(usize, usize)> = None; // (shared words, i)
        for i in 0..j {
            let Some(qi) = qs[i].filter(|_| eligible(i)) else {
                continue;
            };
            let fi = &found[i].figure;
            let same_sentence = if l.in_headline(i) || l.in_headline(j) {
                l.in_headline(i) && l.in_headline(j)
            } else {
                l.sentence[i] == l.sentence[j]
            };
            if same_sentence || !comparable(&qi, fi, &qj, fj) || fi.scale != fj.scale {
                continue;
            }
            let (Some(a), Some(b)) = (qi.base_point(), qj.base_point()) else {
                continue;
            };
            if relative_difference(a, b).is_none_or(|d| d > RESTATED_MAX_DIFF) {
                continue;
            }
            let shared = contexts[i].intersection(&contexts[j]).count();
            let headline = l.in_headline(i) != l.in_headline(j);
            let large = a.abs() >= LARGE && b.abs() >= LARGE;
            let evidence = shared >= RESTATED_SHARED_WORDS || (headline && large && shared >= 1);
            if evidence && best.is_none_or(|(s, _)| shared >= s) {
                best = Some((shared, i));
            }
        }
        let Some((_, i)) = best else { continue };
        let Some(qi) = qs[i] else { continue };
        let Ok(qj_al) = align(&qi, &qj) else { continue };
        let ok = agree(&qi, &found[i].figure, &qj_al, fj, true);
        let gap = if ok {
            None
        } else {
            relative_difference(qi.point, qj_al.point)
        };
        out.push(Relation {
            kind: RelationKind::Restated,
            figures: vec![
                part(l.text, &found[i], Role::First),
                part(l.text, &found[j], Role::Restatement),
            ],
            computed: Derived::from_quantity(&qi),
            stated: Some(qj_al.iv),
            consistent: Some(ok),
            gap,
        });
    }
}

/// Checks one relation by hand: `rate × term` against `total`, the rule
/// [`check`] applies (intervals must intersect).
///
/// ```
/// use chiffre::{parse, Lang};
/// let rate = parse("около 290 млн долларов в год", Lang::Ru)?;
/// let term = parse("12 лет", Lang::Ru)?;
/// let total = parse("более 3,5 млрд долларов", Lang::Ru)?;
/// let r = chiffre::compare::check_total(&rate, &term, &total)?;
/// assert_eq!(r.consistent, Some(true));
/// assert_eq!(r.computed.interval().to_string(), "[3168250000, 3806250000]");
/// # Ok::<(), chiffre::Error>(())
/// ```
pub fn check_total(rate: &Figure, term: &Figure, total: &Figure) -> Result<Relation, Error> {
    let qr = Quantity::of(rate)?;
    let qd = Quantity::of(term)?;
    if term.kind != Kind::Duration {
        return Err(Error::unit_mismatch(&qd.label(), "a duration"));
    }
    let qt = Quantity::of(total)?;
    let computed = accumulate(&qr, &qd)?;
    let stated = align(&computed, &qt)?;
    same_dimension(&computed, &stated)?;
    let consistent = computed.iv.intersects(&stated.iv);
    let span = |f: &Figure, role| Part {
        role,
        start: 0,
        end: 0,
        text: String::new(),
        figure: f.clone(),
    };
    Ok(Relation {
        kind: RelationKind::RateTimesTermVsTotal,
        figures: vec![
            span(rate, Role::Rate),
            span(term, Role::Term),
            span(total, Role::Total),
        ],
        computed: Derived::from_quantity(&computed),
        stated: Some(stated.iv),
        consistent: Some(consistent),
        gap: if consistent {
            None
        } else {
            computed.iv.relative_gap(&stated.iv)
        },
    })
}
