//! Comparing figures: precision-aware intervals, totals, rates over
//! periods, ratios, and the consistency checks a reader makes inside one
//! article ([`check`]) and across several ([`reconcile`]).
//!
//! All arithmetic is exact, on `rust_decimal::Decimal`; overflow and
//! division by zero are errors, never panics.
//!
//! # Intervals
//!
//! A written figure stands for every value that rounds to it.
//! [`Figure::interval`](crate::Figure::interval) turns a figure into an
//! [`Interval`], with `r` its resolution (the place value of the last
//! written digit):
//!
//! | written as | interval |
//! |---|---|
//! | exact ("290 million") | `[v − r/2, v + r/2]`: `[289.5 M, 290.5 M]`; "3,5 млрд" → `[3.45 bn, 3.55 bn]` |
//! | approx ("about 290 million") | `[v − w, v + w]` with `w = max(r/2, 5 % of │v│)`: `[275.5 M, 304.5 M]` |
//! | over ("more than") | `(v, +∞)` |
//! | under ("less than") | `(−∞, v)` |
//! | at least | `[v, +∞)` |
//! | at most ("up to") | `(−∞, v]` |
//! | a range ("5–10 million") | `[min − r/2, max + r/2]` (approx: each end widened as above) |
//!
//! The ±5 % of "about" is a decision: news copy rounds "about" figures to two
//! or three significant digits, so "about" covers at least ±5 %.
//!
//! Interval arithmetic ([`Interval::add`], [`sub`](Interval::sub),
//! [`mul`](Interval::mul), [`div`](Interval::div)) returns an interval that
//! contains every result on points of the operands; an end that has no exact
//! decimal form (a division by 1350) is rounded outward. Dividing by an
//! interval that contains zero is an error.
//!
//! # Computations
//!
//! [`total`], [`total_with_rates`], [`per_period`], [`over_period`],
//! [`ratio`], [`ratio_per`], [`share`] and [`change`] take figures and
//! return a [`Derived`]: the exact point value (from the written values), the
//! exact interval (from the figures' intervals), and the unit as a string
//! ("USD", "USD/MW", "USD/year", "x", "%"). Display rounds to 4 significant
//! digits ([`Derived::with_precision`]); JSON keeps the exact decimals.
//!
//! Units convert exactly: kW/MW/GW, kWh/MWh/GWh, H/s…EH/s by powers of ten;
//! months, quarters and years by 3 and 12; hours, days and weeks by 24 and
//! 168. The two duration families do not mix (a year is not a whole number
//! of days). Money in cents counts hundredths of its currency. Money in two
//! currencies needs [`Rates`].
//!
//! # What `check` pairs
//!
//! A check that cries wolf is worse than none, so every pairing needs
//! positive evidence and anything doubtful is left out.
//!
//! **Rate × term vs total** ([`RelationKind::RateTimesTermVsTotal`]). A
//! *total* is a figure of money, power, energy or hashrate with no period
//! and, within 8 words of it in its sentence, a total word of the language
//! tables ("total", "in total", "insgesamt", "au total", "итого",
//! "совокупный"...) or a whole-term phrase ("over its term", "full term",
//! "sur toute la durée", "gesamte Laufzeit", "за весь срок", "весь период").
//! Its *rate* is the nearest figure of the same currency or dimension, in the
//! same paragraph, with a period ("a year", "pro Jahr") and a smaller value;
//! one before the total is preferred. Its *term* is a duration of the same
//! paragraph that converts to the rate's period and is longer than one
//! period; one in the sentence of the rate or the total is preferred, then the
//! nearest to the rate. The relation is consistent when `rate × term`
//! intersects the total's interval ("12-year" × "about $290 million a year"
//! = `[3.168 bn, 3.806 bn]` against "over $3.5 billion" = `(3.5 bn, +∞)`).
//!
//! **Price per capacity** ([`RelationKind::PricePerCapacity`]). In one
//! sentence, or in the headline (the leading short lines of the text), one
//! amount of money (not a rate, not a loss, not itself a unit price such as
//! "$6.9 million per megawatt") and a power or hashrate figure: the price per
//! MW (per the hashrate's own unit). A derived figure, without a verdict.
//! The same result found twice is reported once.
//!
//! **Restated** ([`RelationKind::Restated`]). Two figures in different
//! sentences are one quantity stated twice when they have the same kind
//! (money, power, energy, hashrate, count), currency or dimension, period,
//! polarity and scale word ("billion" is not "million"), their values are
//! within 25 % of each other (further apart they are different quantities),
//! and the words around them (10 words on each side in the sentence, the
//! whole headline for a headline figure; without stopwords, words of the
//! language tables and figures) share at least 3 words — or, for a headline
//! figure and a body figure each of at least 100 million (in the currency or
//! the base unit), at least one word. Each figure is compared with the
//! earlier figures of its sort (kind, currency or dimension, period,
//! polarity, scale word) — the [`RESTATED_WINDOW`] latest, and the first
//! [`RESTATED_WINDOW`] of the headline — and pairs with the one that shares
//! the most words (the latest on a tie). They agree when their values
//! are equal, or when the finer one rounds to the coarser one (they differ by
//! less than half the coarser resolution; a tie is a disagreement: "$8.5
//! billion" does not agree with "$9B"); a figure written as a limit ("more
//! than") or a range agrees when the intervals intersect.
//!
//! **Change** ([`RelationKind::Change`]). A change read by
//! [`extract_changes`](crate::extract_changes) — the change figure, the
//! old level, the new level — is checked when all three are written: the
//! change computed from the levels (a percent, points of a percent, a
//! factor or an amount, by the change figure's kind) against the change
//! stated, signed by the word of rise or fall. Each level stands for the
//! values that round to it, open above (`[v − r/2, v + r/2)`), so that
//! "doubled to $2bn from $1.3bn" (`[1.11, 2)`) does not hold. With two parts
//! written, the third is derived, without a verdict.
//!
//! # What `reconcile` groups
//!
//! Across documents, two figures state the same value when they have the
//! same kind, currency or dimension after conversion, period and polarity,
//! their intervals intersect, and their values are equal or the finer one
//! rounds to the coarser one ("9 milliards de dollars" ≡ "$9 billion";
//! "1.3 GW" ≡ "1,300 MW"; "more than $3.5 billion" ≡ "about $3.5 billion").
//! Unlike a restatement inside one article, a limit is not matched by its
//! interval alone: "over 50 EH/s" and "over 900 EH/s" are two quantities.
//! Each group's reference is the value most documents state, shown by its
//! most precise statement. A document *differs* when it has a
//! figure of the same kind, unit, period and scale word within 10 % of a
//! group's reference value while no document states both; it *lacks* the
//! quantity otherwise.

mod changes;
mod check;
mod derived;
mod interval;
mod ops;
mod rates;
mod reconcile;
mod text;

pub use check::{
    CheckStats, Part, RESTATED_WINDOW, Relation, RelationKind, Role, check, check_total,
    check_with_stats,
};
pub use derived::{DEFAULT_PRECISION, Derived};
pub use interval::{Bound, Interval, format_decimal};
pub use ops::{
    Change, change, convert, over_period, per_period, ratio, ratio_per, share, total, total_in,
    total_with_rates,
};
pub use rates::Rates;
pub use reconcile::{Group, Member, Status, reconcile};
