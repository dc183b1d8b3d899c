//! `reconcile`: the same quantities across several documents.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::check::{agree, comparable, relative_difference};
use super::derived::{Derived, Num, Quantity};
use super::ops::align;
use crate::extract::{KindSet, Options, extract};
use crate::figure::{Figure, Kind, Polarity, Qualifier, Scale, Value};
use crate::unit::Unit;

/// How a document stands with respect to a [`Group`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// The document states the group's reference value.
    Agrees,
    /// The document states the quantity with another value.
    Differs,
    /// The document does not state the quantity.
    Lacks,
}

impl Status {
    /// The name used in JSON: `agrees`, `differs`, `lacks`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Agrees => "agrees",
            Status::Differs => "differs",
            Status::Lacks => "lacks",
        }
    }
}

/// One figure of a [`Group`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The index of the document in the input.
    pub doc: usize,
    /// Byte offset of the figure in its document.
    pub start: usize,
    /// Byte offset just past the figure.
    pub end: usize,
    /// The figure as written.
    pub text: String,
    /// The figure.
    pub figure: Figure,
    /// True when the figure states the reference value.
    pub agrees: bool,
}

/// One quantity across documents: the reference value (the value most
/// documents state, as its most precise statement gives it), the figures that state it or a different value, and
/// the status of every document.
///
/// Serialises to one flat JSON object: `kind`, `value`, `min`, `max`,
/// `min_inclusive`, `max_inclusive`, `currency`, `unit` (the reference),
/// `agree`, `differ`, `lack` (document names), `consistent` (see
/// [`Group::consistent`]) and `figures` (`doc`, `start`,
/// `end`, `text`, `agrees`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Group {
    /// What the quantity measures.
    pub kind: Kind,
    /// The reference value, its interval and unit.
    pub reference: Derived,
    /// The figures, in document order.
    pub members: Vec<Member>,
    /// The status of each document, in input order.
    pub status: Vec<Status>,
    /// The names of the documents, in input order.
    pub names: Vec<String>,
}

impl Group {
    /// `Some(false)` when some document states a different value,
    /// `Some(true)` when at least two documents state the quantity and all
    /// agree, `None` when only one document states it.
    ///
    /// ```
    /// use chiffre::compare::reconcile;
    /// let docs = [("a", "It costs $9 billion."), ("b", "Il coûte 9 milliards de dollars.")];
    /// assert_eq!(reconcile(&docs, &chiffre::Options::default())[0].consistent(), Some(true));
    /// ```
    pub fn consistent(&self) -> Option<bool> {
        if self.status.contains(&Status::Differs) {
            Some(false)
        } else if self.status.iter().filter(|s| **s == Status::Agrees).count() >= 2 {
            Some(true)
        } else {
            None
        }
    }

    /// The names of the documents with the given status.
    ///
    /// ```
    /// use chiffre::compare::{reconcile, Status};
    /// let docs = [("en", "The deal is worth $9 billion."), ("fr", "Un accord de 9 milliards de dollars."), ("de", "Keine Zahl.")];
    /// let groups = reconcile(&docs, &chiffre::Options::default());
    /// assert_eq!(groups[0].docs(Status::Agrees), ["en", "fr"]);
    /// assert_eq!(groups[0].docs(Status::Lacks), ["de"]);
    /// ```
    pub fn docs(&self, status: Status) -> Vec<&str> {
        self.names
            .iter()
            .zip(&self.status)
            .filter(|(_, s)| **s == status)
            .map(|(n, _)| n.as_str())
            .collect()
    }
}

impl Serialize for Group {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct M<'a> {
            doc: &'a str,
            start: usize,
            end: usize,
            text: &'a str,
            agrees: bool,
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", self.kind.name())?;
        self.reference.serialize_fields(&mut m)?;
        m.serialize_entry("agree", &self.docs(Status::Agrees))?;
        m.serialize_entry("differ", &self.docs(Status::Differs))?;
        m.serialize_entry("lack", &self.docs(Status::Lacks))?;
        m.serialize_entry("consistent", &self.consistent())?;
        let members: Vec<M<'_>> = self
            .members
            .iter()
            .map(|x| M {
                doc: self.names.get(x.doc).map_or("", String::as_str),
                start: x.start,
                end: x.end,
                text: &x.text,
                agrees: x.agrees,
            })
            .collect();
        m.serialize_entry("figures", &members)?;
        m.end()
    }
}

/// Values further apart than this (relative) are different quantities,
/// not one quantity stated differently.
const DIFFERS_MAX: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

struct Item {
    doc: usize,
    start: usize,
    end: usize,
    text: String,
    figure: Figure,
    q: Quantity,
}

/// Groups the figures of several documents (possibly in different
/// languages) that denote the same quantity, and says which documents
/// agree, which state a different value, and which lack it.
///
/// Two figures state the same value when they have the same kind, currency
/// or dimension (after unit conversion: "1.3 GW" = "1,300 MW"), period and
/// polarity, their intervals intersect, and their values are equal or the
/// finer one rounds to the coarser one ("more than 50" and "more than 900"
/// do not state the same value, though their intervals meet). A document *differs* when it states
/// none of the group's values that agree, but a figure of the same kind,
/// unit, period and scale word within 10 % of the reference value, and no
/// document states both values. Groups come in order of first appearance.
///
/// Figures are matched through indexes by sort and value, not against every
/// group: within one document the time is `n log n` in its figures; across
/// documents a value group is tried against the quantities of its sort
/// within 10 % of it that some other document could still join.
///
/// ```
/// use chiffre::compare::{reconcile, Status};
/// let docs = [
///     ("en", "CoreWeave pays $9 billion for 1.3 GW of power."),
///     ("fr", "CoreWeave paie 9 milliards de dollars."),
///     ("de", "CoreWeave zahlt 8,5 Mrd. Dollar für 1.300 MW."),
/// ];
/// let groups = reconcile(&docs, &chiffre::Options::default());
/// let money = &groups[0];
/// assert_eq!(money.reference.value().to_string(), "9000000000");
/// assert_eq!(money.docs(Status::Agrees), ["en", "fr"]);
/// assert_eq!(money.docs(Status::Differs), ["de"]);
/// let power = &groups[1];
/// assert_eq!(power.docs(Status::Agrees), ["en", "de"]);
/// assert_eq!(power.docs(Status::Lacks), ["fr"]);
/// ```
pub fn reconcile<N: AsRef<str>, T: AsRef<str>>(docs: &[(N, T)], opts: &Options) -> Vec<Group> {
    let opts = Options {
        kinds: KindSet::default(),
        ..*opts
    };
    let mut items = Vec::new();
    for (d, (_, text)) in docs.iter().enumerate() {
        for f in extract(text.as_ref(), &opts) {
            if let Ok(q) = Quantity::of(&f.figure) {
                items.push(Item {
                    doc: d,
                    start: f.start,
                    end: f.end,
                    text: f.text(text.as_ref()).to_string(),
                    figure: f.figure,
                    q,
                });
            }
        }
    }
    // Value groups: each item joins the first group whose reference it
    // agrees with. The references are indexed by sort and value, so an item
    // is compared only with those near enough to agree.
    let mut values: Vec<Vec<usize>> = Vec::new();
    let mut refs: HashMap<ValueKey, Refs> = HashMap::new();
    let mut cands: Vec<usize> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let key = value_key(it);
        cands.clear();
        if let Some(r) = refs.get(&key) {
            r.candidates(it, &mut cands);
        }
        cands.sort_unstable();
        cands.dedup();
        let joined = cands
            .iter()
            .copied()
            .find(|&g| same_value(&items[values[g][0]], it));
        match joined {
            Some(g) => values[g].push(k),
            None => {
                refs.entry(key).or_default().insert(it, values.len());
                values.push(vec![k]);
            }
        }
    }
    // Quantities: value groups that are near misses of each other, stated by
    // disjoint sets of documents. The quantities are indexed by sort and by
    // the value of their first group.
    let docs_of = |g: &[usize]| -> Vec<usize> {
        let mut d: Vec<usize> = g.iter().map(|&k| items[k].doc).collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let value_docs: Vec<Vec<usize>> = values.iter().map(|g| docs_of(g)).collect();
    let mut quantities: Vec<Vec<usize>> = Vec::new();
    // The documents of each quantity, sorted.
    let mut quantity_docs: Vec<Vec<usize>> = Vec::new();
    let mut firsts: HashMap<QuantityKey, BTreeMap<Decimal, Vec<usize>>> = HashMap::new();
    let docs_count = docs.len();
    for (gi, g) in values.iter().enumerate() {
        let r = &items[g[0]];
        let mine = &value_docs[gi];
        let key = quantity_key(r);
        cands.clear();
        let base = r.q.base_point().filter(|_| r.figure.kind != Kind::Percent);
        if let (Some(y), Some(index)) = (base, firsts.get(&key)) {
            let (lo, hi) = near_range(y);
            for ids in index.range(lo..=hi).map(|(_, v)| v) {
                cands.extend(ids);
            }
        }
        cands.sort_unstable();
        let home = cands.iter().copied().find(|&q| {
            near_miss(&items[values[quantities[q][0]][0]], r) && disjoint(&quantity_docs[q], mine)
        });
        match home {
            Some(q) => {
                quantities[q].push(gi);
                let docs = &mut quantity_docs[q];
                docs.extend(mine);
                docs.sort_unstable();
                docs.dedup();
                if docs.len() == docs_count {
                    unindex(&mut firsts, &items[values[quantities[q][0]][0]], q);
                }
            }
            None => {
                // A quantity stated by every document takes no other value:
                // it is not indexed (with one document, none is).
                if let Some(y) = base
                    && mine.len() < docs_count
                {
                    firsts
                        .entry(key)
                        .or_default()
                        .entry(y)
                        .or_default()
                        .push(quantities.len());
                }
                quantities.push(vec![gi]);
                quantity_docs.push(mine.clone());
            }
        }
    }
    let names: Vec<String> = docs.iter().map(|(n, _)| n.as_ref().to_string()).collect();
    quantities
        .iter()
        .map(|q| {
            // The reference: the value stated by the most documents.
            let reference = q
                .iter()
                .copied()
                .enumerate()
                .max_by_key(|&(pos, gi)| (docs_of(&values[gi]).len(), std::cmp::Reverse(pos)))
                .map_or(q[0], |(_, gi)| gi);
            // Shown: the most precise statement of the reference value
            // (exact, then approx, then a limit or range).
            let rank = |it: &Item| match (it.figure.qualifier, it.figure.value) {
                (_, Value::Range { .. }) => 2,
                (Qualifier::Exact, _) => 0,
                (Qualifier::Approx, _) => 1,
                _ => 3,
            };
            let r = values[reference]
                .iter()
                .map(|&k| &items[k])
                .min_by_key(|it| rank(it))
                .unwrap_or(&items[values[reference][0]]);
            let mut status = vec![Status::Lacks; docs.len()];
            let mut members = Vec::new();
            for &gi in q {
                let agrees = gi == reference;
                for &k in &values[gi] {
                    let it = &items[k];
                    if agrees {
                        status[it.doc] = Status::Agrees;
                    } else if status[it.doc] == Status::Lacks {
                        status[it.doc] = Status::Differs;
                    }
                    members.push(Member {
                        doc: it.doc,
                        start: it.start,
                        end: it.end,
                        text: it.text.clone(),
                        figure: it.figure.clone(),
                        agrees,
                    });
                }
            }
            members.sort_by_key(|m| (m.doc, m.start));
            Group {
                kind: r.figure.kind,
                reference: Derived::from_quantity(&r.q),
                members,
                status,
                names: names.clone(),
            }
        })
        .collect()
}

/// What two statements of one value share ([`comparable`]): kind,
/// currency or dimension, period and polarity.
type ValueKey = (Kind, Num, Option<(Unit, Decimal)>, Polarity);

fn value_key(it: &Item) -> ValueKey {
    (
        it.figure.kind,
        it.q.num.dimension(),
        it.q.per.map(|p| p.base()),
        it.figure.polarity,
    )
}

/// What a near miss shares with a quantity: a value's sort and scale word.
type QuantityKey = (Kind, Num, Option<(Unit, Decimal)>, Polarity, Option<Scale>);

fn quantity_key(it: &Item) -> QuantityKey {
    let (k, n, p, pol) = value_key(it);
    (k, n, p, pol, it.figure.scale)
}

/// The resolution in the base unit of the dimension.
fn base_res(q: &Quantity) -> Option<Decimal> {
    q.res.abs().checked_mul(q.num.factor())
}

/// A margin for the rounding of unit conversions, in the base unit:
/// `|x| · 10⁻²⁰ + 10⁻⁸`, far below any written resolution.
fn slack(x: Decimal) -> Decimal {
    x.abs()
        .checked_mul(Decimal::new(1, 20))
        .and_then(|s| s.checked_add(Decimal::new(1, 8)))
        .unwrap_or(Decimal::MAX)
}

/// The base values within 10 % of `y` lie in this range (widened: the exact
/// test is [`near_miss`]).
fn near_range(y: Decimal) -> (Decimal, Decimal) {
    let (small, large) = (Decimal::new(8, 1), Decimal::new(125, 2));
    let mul = |k: Decimal, dflt: Decimal| y.checked_mul(k).unwrap_or(dflt);
    if y.is_sign_negative() {
        (mul(large, Decimal::MIN), mul(small, Decimal::ZERO))
    } else {
        (mul(small, Decimal::ZERO), mul(large, Decimal::MAX))
    }
}

/// Takes quantity `q`, whose first value group's reference is `first`, out
/// of the index of quantities.
fn unindex(
    firsts: &mut HashMap<QuantityKey, BTreeMap<Decimal, Vec<usize>>>,
    first: &Item,
    q: usize,
) {
    let Some(y) = first.q.base_point() else {
        return;
    };
    if let Some(index) = firsts.get_mut(&quantity_key(first))
        && let Some(qs) = index.get_mut(&y)
    {
        qs.retain(|&x| x != q);
        if qs.is_empty() {
            index.remove(&y);
        }
    }
}

/// True when two sorted lists share no element.
fn disjoint(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// The references of the value groups of one [`ValueKey`], indexed so that
/// the groups an item can agree with are found without trying them all.
///
/// An item agrees with a reference only if their values are equal or differ
/// by less than half the coarser resolution. The references are kept by
/// resolution (in the base unit), each class a map from the base value to
/// the groups; for an item, each class is searched within the larger of the
/// two resolutions (plus a margin for conversions), a superset of the
/// groups it can join. [`same_value`] decides.
#[derive(Default)]
struct Refs {
    classes: HashMap<Decimal, BTreeMap<Decimal, Vec<usize>>>,
    /// Groups whose reference has no base value (overflow): always tried.
    loose: Vec<usize>,
    /// Every group of the key, for an item without a base value.
    all: Vec<usize>,
}

impl Refs {
    fn insert(&mut self, it: &Item, group: usize) {
        self.all.push(group);
        match (it.q.base_point(), base_res(&it.q)) {
            (Some(b), Some(r)) => self
                .classes
                .entry(r.normalize())
                .or_default()
                .entry(b)
                .or_default()
                .push(group),
            _ => self.loose.push(group),
        }
    }

    fn candidates(&self, it: &Item, out: &mut Vec<usize>) {
        let (Some(b), Some(rb)) = (it.q.base_point(), base_res(&it.q)) else {
            out.extend(&self.all);
            return;
        };
        out.extend(&self.loose);
        let margin = slack(b);
        for (&c, refs) in &self.classes {
            let radius = c.max(rb).checked_add(margin).unwrap_or(Decimal::MAX);
            let lo = b.checked_sub(radius).unwrap_or(Decimal::MIN);
            let hi = b.checked_add(radius).unwrap_or(Decimal::MAX);
            for groups in refs.range(lo..=hi).map(|(_, g)| g) {
                out.extend(groups);
            }
        }
    }
}

fn same_value(r: &Item, it: &Item) -> bool {
    if !comparable(&r.q, &r.figure, &it.q, &it.figure) {
        return false;
    }
    match align(&r.q, &it.q) {
        Ok(b) => agree(&r.q, &r.figure, &b, &it.figure, false),
        Err(_) => false,
    }
}

fn near_miss(a: &Item, b: &Item) -> bool {
    if a.figure.kind == Kind::Percent
        || !comparable(&a.q, &a.figure, &b.q, &b.figure)
        || a.figure.scale != b.figure.scale
    {
        return false;
    }
    match (a.q.base_point(), b.q.base_point()) {
        (Some(x), Some(y)) => relative_difference(x, y).is_some_and(|d| d <= DIFFERS_MAX),
        _ => false,
    }
}
