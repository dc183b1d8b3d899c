//! `check`: the relations a reader checks inside one article.

use std::collections::{HashMap, HashSet, VecDeque};

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::derived::{Derived, Num, Quantity};
use super::interval::Interval;
use super::ops::{accumulate, align, ratio_q, same_dimension};
use super::text::{Layout, Words};
use crate::error::Error;
use crate::extract::{Found, KindSet, Options, extract_changes};
use crate::figure::{DecStr, Figure, Kind, Polarity, Qualifier, Scale, Value};
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
    /// A change between two levels ("rose 12% to $4.5 billion from $4.02
    /// billion"): the change computed from the levels against the change
    /// stated; with two parts of three written, the third, derived.
    Change,
}

impl RelationKind {
    /// The name used in JSON: `rate_times_term_vs_total`,
    /// `price_per_capacity`, `restated`.
    pub fn name(self) -> &'static str {
        match self {
            RelationKind::RateTimesTermVsTotal => "rate_times_term_vs_total",
            RelationKind::PricePerCapacity => "price_per_capacity",
            RelationKind::Restated => "restated",
            RelationKind::Change => "change",
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
    /// The change stated ("12%", "doubled", "250 basis points").
    Change,
    /// The old level of a change ("from $4.02 billion").
    From,
    /// The new level of a change ("to $4.5 billion").
    To,
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
            Role::Change => "change",
            Role::From => "from",
            Role::To => "to",
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
    /// For a change, the byte offset of its word of change, which
    /// identifies it ([`ChangeLink::verb_start`](crate::ChangeLink::verb_start));
    /// `None` otherwise.
    pub change_id: Option<usize>,
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
        if let Some(id) = self.change_id {
            m.serialize_entry("change_id", &id)?;
        }
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
/// How many earlier figures of the same kind, currency or unit, period,
/// polarity and scale word a figure is compared with to find what it
/// restates (the latest ones), and how many headline figures of that sort
/// (the first ones). A figure has no restatement further back.
pub const RESTATED_WINDOW: usize = 64;

/// The work [`check_with_stats`] did on one text. Every count grows linearly
/// with the text, whatever the text (tests assert it on dense and on
/// pathological documents).
///
/// ```
/// use chiffre::compare::check_with_stats;
/// let (rel, stats) = check_with_stats("It paid $5 billion for 1.3 GW.", &chiffre::Options::default());
/// assert_eq!(rel.len(), 1);
/// assert_eq!(stats.figures, 2);
/// assert_eq!(stats.pairs, 1);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckStats {
    /// Figures found in the text.
    pub figures: u64,
    /// Candidate pairs of figures examined by the pairing rules: a rate, a
    /// term or a capacity tried for a total or a price, an earlier figure
    /// tried as the first statement of a later one. Bounded by a constant
    /// times `figures`: candidates come from indexes, never from all pairs.
    pub pairs: u64,
    /// Word spans read from the text for contexts and total cues (each
    /// sentence is read at most once per rule).
    pub words: u64,
}

/// Finds the relations a reader would check inside one article and says
/// whether each holds. See the [module docs](crate::compare) for the
/// pairing rules.
///
/// `opts` sets the language and the local currency; all kinds of figures
/// but bare numbers are read whatever `opts.kinds` says. The time taken is
/// linear in the text (`n log n` in its figures): see [`check_with_stats`].
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
    check_with_stats(text, opts).0
}

/// [`check`], with the work done: the figures found, the candidate pairs
/// examined and the words read ([`CheckStats`]).
pub fn check_with_stats(text: &str, opts: &Options) -> (Vec<Relation>, CheckStats) {
    let opts = Options {
        kinds: KindSet::default(),
        ..*opts
    };
    let (found, links) = extract_changes(text, &opts);
    let layout = Layout::new(text, &found);
    let qs: Vec<Option<Quantity>> = found.iter().map(|f| Quantity::of(&f.figure).ok()).collect();
    let mut stats = CheckStats {
        figures: found.len() as u64,
        ..CheckStats::default()
    };
    let mut out = Vec::new();
    rate_term_total(&layout, &qs, &mut stats, &mut out);
    price_per_capacity(&layout, &qs, &mut stats, &mut out);
    restated(&layout, &qs, &mut stats, &mut out);
    for l in &links {
        stats.pairs += 1;
        if let Some(r) = super::changes::relation(text, &found, l) {
            out.push(r);
        }
    }
    out.sort_by_key(|r| (r.start(), r.kind));
    (out, stats)
}

pub(super) fn part(text: &str, f: &Found, role: Role) -> Part {
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

/// The minimum of optional values, `None` standing for +∞.
fn min_some(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) | (None, x) => x,
    }
}

/// A segment tree of minimums over a list of optional values (`None` is
/// +∞): the last position before `end`, or the first at or after `start`,
/// whose value is below a threshold, in `O(log n)`.
struct MinTree {
    size: usize,
    /// Node 1 is the root; the leaves are `size..2 * size`.
    tree: Vec<Option<Decimal>>,
}

impl MinTree {
    fn new(values: &[Option<Decimal>]) -> MinTree {
        let size = values.len().next_power_of_two();
        let mut tree = vec![None; 2 * size];
        tree[size..size + values.len()].copy_from_slice(values);
        for k in (1..size).rev() {
            tree[k] = min_some(tree[2 * k], tree[2 * k + 1]);
        }
        MinTree { size, tree }
    }

    fn below(&self, node: usize, t: Decimal) -> bool {
        self.tree[node].is_some_and(|v| v < t)
    }

    /// The last position `< end` with a value `< t`.
    fn last_below(&self, end: usize, t: Decimal) -> Option<usize> {
        self.last_in(1, 0, self.size, end, t)
    }

    fn last_in(&self, node: usize, lo: usize, hi: usize, end: usize, t: Decimal) -> Option<usize> {
        if lo >= end || !self.below(node, t) {
            return None;
        }
        if hi - lo == 1 {
            return Some(lo);
        }
        let mid = lo + (hi - lo) / 2;
        self.last_in(2 * node + 1, mid, hi, end, t)
            .or_else(|| self.last_in(2 * node, lo, mid, end, t))
    }

    /// The first position `>= start` with a value `< t`.
    fn first_below(&self, start: usize, t: Decimal) -> Option<usize> {
        self.first_in(1, 0, self.size, start, t)
    }

    fn first_in(
        &self,
        node: usize,
        lo: usize,
        hi: usize,
        start: usize,
        t: Decimal,
    ) -> Option<usize> {
        if hi <= start || !self.below(node, t) {
            return None;
        }
        if hi - lo == 1 {
            return Some(lo);
        }
        let mid = lo + (hi - lo) / 2;
        self.first_in(2 * node, lo, mid, start, t)
            .or_else(|| self.first_in(2 * node + 1, mid, hi, start, t))
    }
}

/// The rates of one paragraph that can go with a total of one currency or
/// dimension and polarity: their figure indices, in text order, and the
/// tree of their absolute values in the base unit.
struct RateList {
    idx: Vec<usize>,
    tree: MinTree,
}

/// The sort of rate a total takes: its dimension and polarity.
type RateKey = (Num, Polarity);

/// The indexes rate × term vs total needs inside one paragraph, built when
/// the paragraph has a total.
struct ParaIndex {
    para: usize,
    /// Rates by (dimension, polarity).
    rates: HashMap<RateKey, RateList>,
    /// Terms by the period of the rate: the durations of that period's
    /// family longer than one period, in text order.
    terms: HashMap<Unit, Vec<usize>>,
}

/// (a) rate × term vs total.
///
/// The rate of a total is the nearest figure before it (else after it) in a
/// list of the paragraph's rates of its sort, under a value bound: one
/// query of a [`MinTree`]. The term is the nearest to the rate in a list of
/// the paragraph's durations, looked for in the sentences of the rate and
/// the total first: binary searches. Figures are sorted and disjoint, so
/// the nearest in a run of them is the last before or the first after.
fn rate_term_total(
    l: &Layout<'_>,
    qs: &[Option<Quantity>],
    stats: &mut CheckStats,
    out: &mut Vec<Relation>,
) {
    let found = l.found;
    let mut words = Words::default();
    // The figures of each paragraph: a run of indices (figures are in text
    // order).
    let para_range =
        |p: usize| l.para.partition_point(|&x| x < p)..l.para.partition_point(|&x| x <= p);
    let mut index: Option<ParaIndex> = None;
    for (ti, t) in found.iter().enumerate() {
        let Some(qt) = qs[ti] else { continue };
        if qt.per.is_some()
            || !matches!(
                t.figure.kind,
                Kind::Money | Kind::Power | Kind::Energy | Kind::Hashrate
            )
            || !l.total_cue(ti, CUE_WINDOW, &mut words)
        {
            continue;
        }
        let Some(total_base) = qt.base_point() else {
            continue;
        };
        if index.as_ref().is_none_or(|x| x.para != l.para[ti]) {
            index = Some(para_index(l, qs, para_range(l.para[ti])));
        }
        let Some(ix) = index.as_mut() else { continue };
        // The rate: same paragraph, same dimension, smaller than the total;
        // the nearest one, preferring one before the total.
        let Some(list) = ix.rates.get(&(qt.num.dimension(), t.figure.polarity)) else {
            continue;
        };
        let pos = list.idx.partition_point(|&x| x < ti);
        let bound = total_base.abs();
        let at = list
            .tree
            .last_below(pos, bound)
            .or_else(|| list.tree.first_below(pos, bound))
            .filter(|&k| k < list.idx.len());
        let Some(ri) = at.map(|k| list.idx[k]) else {
            continue;
        };
        stats.pairs += 1;
        let Some(qr) = qs[ri] else { continue };
        let Some(per) = qr.per else { continue };
        // The term: a duration of the rate's period family, longer than one
        // period, in the paragraph; one in the sentence of the rate or the
        // total first, then the nearest to the rate.
        let terms = ix.terms.entry(per).or_insert_with(|| {
            para_range(l.para[ti])
                .filter(|&di| found[di].figure.kind == Kind::Duration)
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
                .collect()
        });
        // The nearest to the rate among terms[a..b]: the last before it or
        // the first after it.
        let nearest = |a: usize, b: usize, cands: &mut Vec<usize>| {
            let p = a + terms[a..b].partition_point(|&x| x < ri);
            if p > a {
                cands.push(terms[p - 1]);
            }
            if p < b {
                cands.push(terms[p]);
            }
        };
        let sentence_run = |s: usize| {
            (
                terms.partition_point(|&x| l.sentence[x] < s),
                terms.partition_point(|&x| l.sentence[x] <= s),
            )
        };
        let mut cands = Vec::with_capacity(4);
        let (ra, rb) = sentence_run(l.sentence[ri]);
        nearest(ra, rb, &mut cands);
        if l.sentence[ti] != l.sentence[ri] {
            let (ta, tb) = sentence_run(l.sentence[ti]);
            nearest(ta, tb, &mut cands);
        }
        if cands.is_empty() {
            nearest(0, terms.len(), &mut cands);
        }
        stats.pairs += cands.len() as u64;
        let term = cands
            .iter()
            .copied()
            .min_by_key(|&di| (distance(&found[di], &found[ri]), di));
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
            change_id: None,
        });
    }
    stats.words += words.read;
}

/// The rates of the paragraph whose figures are `range`, by dimension and
/// polarity (the terms are listed when a rate asks for them).
fn para_index(l: &Layout<'_>, qs: &[Option<Quantity>], range: std::ops::Range<usize>) -> ParaIndex {
    let para = l.para.get(range.start).copied().unwrap_or_default();
    // (figure, its absolute value in the base unit) by (dimension, polarity).
    let mut lists: HashMap<RateKey, Vec<(usize, Option<Decimal>)>> = HashMap::new();
    for ri in range {
        let Some(qr) = qs[ri] else { continue };
        if qr.per.is_none_or(|p| p.kind() != Kind::Duration) {
            continue;
        }
        lists
            .entry((qr.num.dimension(), l.found[ri].figure.polarity))
            .or_default()
            .push((ri, qr.base_point().map(|b| b.abs())));
    }
    ParaIndex {
        para,
        rates: lists
            .into_iter()
            .map(|(k, list)| {
                let values: Vec<Option<Decimal>> = list.iter().map(|x| x.1).collect();
                let idx = list.into_iter().map(|x| x.0).collect();
                (
                    k,
                    RateList {
                        idx,
                        tree: MinTree::new(&values),
                    },
                )
            })
            .collect(),
        terms: HashMap::new(),
    }
}

/// (b) price per capacity, within one sentence or the headline.
fn price_per_capacity(
    l: &Layout<'_>,
    qs: &[Option<Quantity>],
    stats: &mut CheckStats,
    out: &mut Vec<Relation>,
) {
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
    let mut members_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..found.len() {
        members_of.entry(unit_of(i)).or_default().push(i);
    }
    let mut seen: HashSet<(Decimal, String)> = HashSet::new();
    for u in units {
        let members = members_of.get(&u).map_or(&[][..], Vec::as_slice);
        let money: Vec<usize> = members.iter().copied().filter(|&i| deal_money(i)).collect();
        let [mi] = money[..] else { continue };
        let Some(qm) = qs[mi] else { continue };
        for ci in members.iter().copied().filter(|&i| capacity(i)) {
            stats.pairs += 1;
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
            if !seen.insert(key) {
                continue;
            }
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
                change_id: None,
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

/// What two statements of one quantity share: kind, currency or dimension,
/// period and polarity ([`comparable`]), and the scale word.
type RestatedKey = (Kind, Num, Option<(Unit, Decimal)>, Polarity, Option<Scale>);

/// Context words, interned: each figure's context is a sorted run of word
/// numbers in one arena.
#[derive(Default)]
struct Contexts {
    ids: HashMap<String, u32>,
    arena: Vec<u32>,
    /// For each figure: its run in `arena`.
    runs: Vec<std::ops::Range<usize>>,
}

impl Contexts {
    /// Stores a context (any order, duplicates allowed) and returns its run.
    fn store(&mut self, words: Vec<String>) -> std::ops::Range<usize> {
        let start = self.arena.len();
        for w in words {
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(w).or_insert(next);
            self.arena.push(id);
        }
        self.arena[start..].sort_unstable();
        let mut end = start;
        for k in start..self.arena.len() {
            if end == start || self.arena[end - 1] != self.arena[k] {
                self.arena[end] = self.arena[k];
                end += 1;
            }
        }
        self.arena.truncate(end);
        start..end
    }

    fn get(&self, i: usize) -> &[u32] {
        self.runs.get(i).map_or(&[][..], |r| &self.arena[r.clone()])
    }
}

/// The number of words two sorted runs share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if large.len() > 8 * small.len() {
        return small
            .iter()
            .filter(|w| large.binary_search(w).is_ok())
            .count();
    }
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < small.len() && j < large.len() {
        match small[i].cmp(&large[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// (c) the same quantity stated twice.
///
/// A later figure is compared with the [`RESTATED_WINDOW`] latest earlier
/// figures of its sort ([`RestatedKey`]), newest first, and with the first
/// [`RESTATED_WINDOW`] headline figures of its sort: a hash index, not all
/// pairs. The one sharing the most context words wins, the latest on a
/// tie; the search stops early when a figure shares every word of the later
/// one's context (no earlier figure can do better).
fn restated(
    l: &Layout<'_>,
    qs: &[Option<Quantity>],
    stats: &mut CheckStats,
    out: &mut Vec<Relation>,
) {
    let found = l.found;
    let eligible = |i: usize| {
        qs[i].is_some()
            && matches!(
                found[i].figure.kind,
                Kind::Money | Kind::Power | Kind::Energy | Kind::Hashrate | Kind::Count
            )
    };
    let mut words = Words::default();
    let mut cx = Contexts {
        runs: vec![0..0; found.len()],
        ..Contexts::default()
    };
    // A headline figure's context is the headline's content words, which
    // depend only on the language: read once per language.
    let mut headline_runs: Vec<(crate::lang::Lang, std::ops::Range<usize>)> = Vec::new();
    let mut recent: HashMap<RestatedKey, VecDeque<usize>> = HashMap::new();
    let mut headline: HashMap<RestatedKey, Vec<usize>> = HashMap::new();
    for j in 0..found.len() {
        let Some(qj) = qs[j].filter(|_| eligible(j)) else {
            continue;
        };
        let fj = &found[j].figure;
        let key: RestatedKey = (
            fj.kind,
            qj.num.dimension(),
            qj.per.map(|p| p.base()),
            fj.polarity,
            fj.scale,
        );
        let in_headline = l.in_headline(j);
        cx.runs[j] = match headline_runs
            .iter()
            .find(|(lang, _)| in_headline && *lang == fj.lang)
        {
            Some((_, run)) => run.clone(),
            None => {
                let mut ws = Vec::new();
                l.context(j, CONTEXT_WINDOW, &mut words, |w| ws.push(w));
                let run = cx.store(ws);
                if in_headline {
                    headline_runs.push((fj.lang, run.clone()));
                }
                run
            }
        };
        let cj = cx.get(j);
        let mut best: Option<(usize, usize)> = None; // (shared words, i)
        // Newest first: a later figure wins a tie, so only a strictly
        // better one replaces the best.
        let window = recent.get(&key).into_iter().flat_map(|q| q.iter().rev());
        let oldest = recent
            .get(&key)
            .and_then(|q| q.front().copied())
            .unwrap_or(j);
        let heads = headline
            .get(&key)
            .into_iter()
            .flat_map(|h| h.iter().rev())
            .filter(|&&i| i < oldest);
        for &i in window.chain(heads) {
            if best.is_some_and(|(s, _)| s == cj.len()) {
                break;
            }
            stats.pairs += 1;
            let Some(qi) = qs[i].filter(|_| eligible(i)) else {
                continue;
            };
            let fi = &found[i].figure;
            let same_sentence = if l.in_headline(i) || in_headline {
                l.in_headline(i) && in_headline
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
            let shared = shared(cx.get(i), cj);
            let headline_pair = l.in_headline(i) != in_headline;
            let large = a.abs() >= LARGE && b.abs() >= LARGE;
            let evidence =
                shared >= RESTATED_SHARED_WORDS || (headline_pair && large && shared >= 1);
            if evidence && best.is_none_or(|(s, _)| shared > s) {
                best = Some((shared, i));
            }
        }
        let q = recent.entry(key).or_default();
        if q.len() == RESTATED_WINDOW {
            q.pop_front();
        }
        q.push_back(j);
        if in_headline {
            let h = headline.entry(key).or_default();
            if h.len() < RESTATED_WINDOW {
                h.push(j);
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
            change_id: None,
        });
    }
    stats.words += words.read;
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
    let named = |e: Error| e.in_op("check_total");
    let computed = accumulate(&qr, &qd).map_err(named)?;
    let stated = align(&computed, &qt).map_err(named)?;
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
        change_id: None,
    })
}
