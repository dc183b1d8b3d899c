//! Stage 5, changes: multipliers as figures ("doubled", "2.5-fold", "в
//! 2,5 раза") and the relation of a change: the change figure, the new
//! level and the old level, read after a word of rise or fall ("revenue rose
//! 12% to $4.5 billion from $4.02 billion").
//!
//! The words come from the language tables ([`Word::Rise`], [`Word::Fall`],
//! [`Word::Multiplier`], [`Word::TimesAfter`], [`Word::TimesBefore`],
//! [`Word::ChangeMark`]); this file names no language.
//!
//! # How a change is linked
//!
//! After a rise or fall word (or a multiplier that is itself a verb,
//! "doubled"), the figures that follow in the same sentence, before the
//! next such word and at most [`MAX_GAP`] bytes apart, take a part by the
//! word just before each: the change after "by" ("um", "на"), the new level
//! after "to" ("à", "auf", "до"), the old level after "from" ("contre",
//! "nach", "с", "vs"). The first figure right after the verb, unmarked, is
//! the change ("rose 12%", "up 250 basis points"). French "de" is the old
//! level when a new level of the same sort follows it ("de 130 € à 118 €"),
//! the change otherwise ("de 8,4 % à 1,2 milliard"). A range right after
//! the verb ("rose from $4.02 billion to $4.5 billion") is the two levels.
//! A figure that takes no part ends the change. A multiplier written as an
//! adverb ("threefold", "вдвое", "в 2,5 раза") is a figure only when it is
//! the change of a verb.

use super::tokens::{Token, first_at};
use super::*;
use std::collections::HashSet;

use crate::figure::Value;
use crate::lang::Mark;
use crate::unit::Unit;
use rust_decimal::Decimal;

/// Figures further apart than this (bytes of text between them) are not
/// parts of one change.
pub(crate) const MAX_GAP: usize = 64;

/// Whether a change is a rise or a fall, by the word that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// "rose", "a progressé", "stieg", "вырос", "doubled".
    Rise,
    /// "fell", "a reculé", "sank", "снизился", "halved".
    Fall,
}

impl Direction {
    /// The name used in JSON: `rise` or `fall`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Rise => "rise",
            Direction::Fall => "fall",
        }
    }
}

/// A change read in a text: indices into the figures returned with it
/// ([`extract_changes`]), and the word that states the direction.
///
/// ```
/// let text = "Revenue rose 12% to $4.5 billion from $4.02 billion.";
/// let (found, changes) = chiffre::extract_changes(text, &chiffre::Options::default());
/// let c = &changes[0];
/// assert_eq!(c.direction, chiffre::Direction::Rise);
/// assert_eq!(found[c.change.unwrap()].text(text), "12%");
/// assert_eq!(found[c.to.unwrap()].text(text), "$4.5 billion");
/// assert_eq!(found[c.from.unwrap()].text(text), "$4.02 billion");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLink {
    /// Rise or fall.
    pub direction: Direction,
    /// Byte offset of the word of change ("rose", or the multiplier
    /// "doubled" itself). It identifies the change in its text: `chiffre
    /// check` prints it as `change_id`, and `chiffre figures` on each
    /// figure of the change, so that a pipeline can join them.
    pub verb_start: usize,
    /// Byte offset just past it.
    pub verb_end: usize,
    /// The change: a percent, percentage or basis points, a multiple, or an
    /// amount of the levels' sort.
    pub change: Option<usize>,
    /// The old level.
    pub from: Option<usize>,
    /// The new level.
    pub to: Option<usize>,
}

impl ChangeLink {
    /// The parts of the change as (role name, figure index):
    /// `change`, `from`, `to`.
    pub fn parts(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        [
            ("change", self.change),
            ("from", self.from),
            ("to", self.to),
        ]
        .into_iter()
        .filter_map(|(r, i)| i.map(|i| (r, i)))
    }
}

/// Finds every figure in `text` and the changes they make up
/// ([`ChangeLink`], indices into the figures). The figures are those of
/// [`extract`].
///
/// ```
/// let text = "Le bénéfice a reculé de 8,4 % à 1,2 milliard d'euros.";
/// let opts = chiffre::Options::default().lang(chiffre::Lang::Fr);
/// let (found, changes) = chiffre::extract_changes(text, &opts);
/// assert_eq!(changes.len(), 1);
/// assert_eq!(changes[0].direction, chiffre::Direction::Fall);
/// assert_eq!(found[changes[0].change.unwrap()].text(text), "8,4 %");
/// ```
pub fn extract_changes(text: &str, opts: &Options) -> (Vec<Found>, Vec<ChangeLink>) {
    Extractor::new(*opts).extract_with_changes(text)
}

/// A word of interest in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    word: Word,
}

/// The words looked for in the whole paragraph: the words of change and
/// the multipliers (rare). The marks ("to", "de", "на") are frequent: they
/// are read only right before a figure ([`mark_before`]).
fn interesting(w: Word) -> Option<Word> {
    matches!(
        w,
        Word::Rise | Word::Fall | Word::Multiplier { .. } | Word::TimesBefore
    )
    .then_some(w)
}

/// The mark of a change that ends right before `pos` (only blanks
/// between): the longest of the one to three words before it ("compared
/// with", "par rapport à", "по сравнению с", "to").
fn mark_before(lx: &Lexicon, text: &str, pos: usize) -> Option<Mark> {
    let mut starts = [None; 3];
    let mut p = pos;
    for slot in &mut starts {
        while let Some(c) = prev_char(text, p).filter(|c| is_blank(*c)) {
            p -= c.len_utf8();
        }
        let end = p;
        while let Some(c) =
            prev_char(text, p).filter(|c| is_word_char(*c) || matches!(c, '.' | '\'' | '’'))
        {
            p -= c.len_utf8();
        }
        if p == end {
            break;
        }
        *slot = Some(p);
    }
    starts.iter().rev().flatten().find_map(|&ws| {
        let (m, end) = lx.find(text, ws, |w| match w {
            Word::ChangeMark(m) => Some(m),
            _ => None,
        })?;
        (end <= pos && text[end..pos].chars().all(is_blank)).then_some(m)
    })
}

/// For each language, the starts of the words of interest: a word that
/// starts otherwise is not looked up (nearly every word of a text), which
/// keeps the stage cheap.
static STARTS: LangStarts = LangStarts::new(|w| interesting(w).is_some());

/// The words of interest from `from` to `to`: words (`tokens`) that
/// start the paragraph or follow a space, a line break or an opening
/// bracket, outside figures other than bare numbers ("divisé par deux"
/// covers the number "deux").
fn hits(
    lang: Lang,
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    para: &[Found],
) -> Vec<Hit> {
    let lx = crate::lexicon::lexicon(lang);
    let mut out = Vec::new();
    let starts = STARTS.get(lang);
    let bytes = text.as_bytes();
    let mut k = 0; // next figure that may cover a position
    for t in &tokens[first_at(tokens, from)..] {
        let pos = t.start;
        if pos >= to {
            break;
        }
        // The paragraph's start, or after a space, a line break or an
        // opening bracket.
        if pos != from && !matches!(bytes[pos - 1], b' ' | b'\n' | b'(') {
            continue;
        }
        // The first letters first: most words stop here.
        if !starts.may_start_key(t.key) {
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            continue;
        };
        if !is_letter(c) || (pos == from && prev_char(text, from).is_some_and(is_word_char)) {
            continue;
        }
        while k < para.len() && para[k].end <= pos {
            k += 1;
        }
        if k < para.len() && para[k].start <= pos && para[k].figure.kind != Kind::Number {
            continue;
        }
        // The longest match with a meaning of interest.
        if let Some((word, end)) = lx.find(text, pos, interesting) {
            if end <= to {
                out.push(Hit {
                    start: pos,
                    end,
                    word,
                });
            }
        }
    }
    out
}

/// The meaning of interest among the words that end right at `pos` (only
/// blanks between), picked by `pick`.
fn hit_before<T>(
    hits: &[Hit],
    text: &str,
    pos: usize,
    pick: impl Fn(Word) -> Option<T>,
) -> Option<(T, usize)> {
    // The hits are in text order: the few that start before `pos`, from
    // the nearest (a binary search, so that a paragraph stays linear).
    let k = hits.partition_point(|h| h.start < pos);
    hits[..k].iter().rev().take(4).find_map(|h| {
        (h.end <= pos && text[h.end..pos].chars().all(is_blank))
            .then(|| pick(h.word).map(|t| (t, h.start)))
            .flatten()
    })
}

/// A multiple: a figure of kind `multiple` with the factor `v`.
fn multiple(v: Decimal, resolution: Decimal, lang: Lang, qualifier: Qualifier) -> Figure {
    Figure {
        kind: Kind::Multiple,
        value: Value::Exact(v),
        currency: None,
        unit: None,
        qualifier,
        period: None,
        lang,
        scale: None,
        polarity: Polarity::Neutral,
        resolution,
        alternatives: Vec::new(),
        inferred: Vec::new(),
        lone_group: None,
    }
}

/// A sentence ends in `gap`: a full stop, "!", "?" or ";" followed by white
/// space and a capital letter or a line break, or a line break.
fn sentence_break(gap: &str) -> bool {
    let mut w = [' ', ' ', ' '];
    for c in gap.chars() {
        if c == '\n' || c == ';' {
            return true;
        }
        w = [w[1], w[2], c];
        if matches!(w[0], '.' | '!' | '?') && w[1].is_whitespace() && w[2].is_uppercase() {
            return true;
        }
    }
    matches!(w[2], '!' | '?')
}

/// The sort of a figure, for pairing levels: kind, currency, dimension of
/// the unit.
fn sort_of(f: &Figure) -> (Kind, Option<crate::unit::Currency>, Option<Unit>) {
    (f.kind, f.currency, f.unit.map(|u| u.base().0))
}

/// Runs the stage on the figures `out[before..]` of one paragraph (`ps..pe`,
/// its words `tokens`): adds the multiples, splits ranges that are two
/// levels, and pushes the changes (indices into `out`).
pub(super) fn changes(
    text: &str,
    tokens: &[Token],
    out: &mut Vec<Found>,
    before: usize,
    (ps, pe): (usize, usize),
    lang: Lang,
    links: &mut Vec<ChangeLink>,
) {
    let lx = crate::lexicon::lexicon(lang);
    // No word of change, no change (and no multiple): most paragraphs.
    let words = hits(lang, text, tokens, ps, pe, &out[before..]);
    if words.is_empty() {
        return;
    }
    let mut para: Vec<Found> = out.drain(before..).collect();
    // 1. Multipliers written as words: figures of their own.
    // (figure index after sorting is found later by span)
    let mut verbs: Vec<(usize, usize, Direction)> = Vec::new(); // start, end, dir
    let mut adverbs: HashSet<(usize, usize)> = HashSet::new(); // spans of adverb multiples
    // Figures covered by a multiplier word go; the words are added after.
    let mut gone = vec![false; para.len()];
    let mut added: Vec<Found> = Vec::new();
    for h in &words {
        match h.word {
            Word::Rise => verbs.push((h.start, h.end, Direction::Rise)),
            Word::Fall => verbs.push((h.start, h.end, Direction::Fall)),
            Word::Multiplier { num, den, verb } => {
                let Some(v) = Decimal::from(num).checked_div(Decimal::from(den)) else {
                    continue;
                };
                // Only over bare numbers ("deux" in "divisé par deux").
                let first = para.partition_point(|f| f.end <= h.start);
                let last = first + para[first..].partition_point(|f| f.start < h.end);
                if para[first..last]
                    .iter()
                    .any(|f| f.figure.kind != Kind::Number)
                {
                    continue;
                }
                gone[first..last].iter_mut().for_each(|g| *g = true);
                added.push(Found {
                    start: h.start,
                    end: h.end,
                    figure: multiple(v, Decimal::ZERO, lang, Qualifier::Exact),
                });
                if verb {
                    let dir = if num >= den {
                        Direction::Rise
                    } else {
                        Direction::Fall
                    };
                    verbs.push((h.start, h.end, dir));
                } else {
                    adverbs.insert((h.start, h.end));
                }
            }
            _ => {}
        }
    }
    if gone.contains(&true) || !added.is_empty() {
        let mut k = 0;
        para.retain(|_| {
            k += 1;
            !gone[k - 1]
        });
        para.extend(added);
        para.sort_by_key(|f| (f.start, f.end));
    }
    // 2. Numbers made multiples by a word after ("2.5-fold", "в 2,5 раза")
    // or before ("multiplié par 2,5").
    for f in para.iter_mut() {
        if f.figure.kind != Kind::Number
            || !matches!(f.figure.qualifier, Qualifier::Exact | Qualifier::Approx)
        {
            continue;
        }
        let Value::Exact(v) = f.figure.value else {
            continue;
        };
        if v <= Decimal::ZERO {
            continue;
        }
        let after = if text[f.end..].starts_with('-') {
            f.end
        } else {
            skip_blanks(text, f.end)
        };
        if let Some(((), end)) = lx.find(text, after, |w| (w == Word::TimesAfter).then_some(())) {
            let q = f.figure.qualifier;
            let res = f.figure.resolution;
            f.figure = multiple(v, res, lang, q);
            f.end = end;
            adverbs.insert((f.start, f.end));
        } else if let Some(((), ws)) = hit_before(&words, text, f.start, |w| {
            (w == Word::TimesBefore).then_some(())
        }) {
            let q = f.figure.qualifier;
            let res = f.figure.resolution;
            f.figure = multiple(v, res, lang, q);
            f.start = ws;
            verbs.push((ws, f.end, Direction::Rise));
        }
    }
    para.sort_by_key(|f| (f.start, f.end));
    // Spans must not overlap: a later figure inside an earlier one goes.
    let mut last_end = 0;
    para.retain(|f| {
        let keep = f.start >= last_end;
        if keep {
            last_end = f.end;
        }
        keep
    });
    verbs.sort_by_key(|v| v.0);
    verbs.dedup_by_key(|v| v.0);
    // 3. Ranges right after a verb that are two levels.
    let mut splits: Vec<(usize, Found, Found)> = Vec::new();
    for &(_, vend, _) in &verbs {
        let j = para.partition_point(|f| f.start < vend);
        if j >= para.len()
            || para[j].start - vend > MAX_GAP
            || sentence_break(&text[vend..para[j].start])
        {
            continue;
        }
        // The range is the first figure, or the second after a change.
        for k in [j, j + 1] {
            if k > j
                && (k >= para.len() || {
                    let gap = &text[para[j].end..para[k].start];
                    gap.len() > MAX_GAP
                        || sentence_break(gap)
                        || para[j].figure.kind == Kind::Number
                })
            {
                break;
            }
            if k < para.len() && matches!(para[k].figure.value, Value::Range { .. }) {
                if splits.last().is_none_or(|x| x.0 < k) {
                    if let Some((a, b)) = split_range(lx, text, &para[k], lang) {
                        splits.push((k, a, b));
                    }
                }
                break;
            }
        }
    }
    let split = !splits.is_empty();
    if split {
        let mut next = splits.into_iter().peekable();
        let mut rebuilt = Vec::with_capacity(para.len() + 1);
        for (k, f) in para.into_iter().enumerate() {
            match next.next_if(|x| x.0 == k) {
                Some((_, a, b)) => rebuilt.extend([a, b]),
                None => rebuilt.push(f),
            }
        }
        para = rebuilt;
    }
    // 4. The marks before each figure; "до 2,3 млрд" read as "up to" after
    // a change is the new level.
    let mut marks: Vec<Option<Mark>> = Vec::with_capacity(para.len());
    // Only the figures within reach of a verb need theirs.
    let reach = 4 * MAX_GAP;
    let near = |f: &Found| {
        let k = verbs.partition_point(|v| v.0 < f.start);
        verbs
            .get(k)
            .is_some_and(|v| v.0 - f.start <= reach + f.end - f.start)
            || k > 0 && f.start - verbs[k - 1].1.min(f.start) <= reach
    };
    for f in para.iter_mut() {
        if !near(f) {
            marks.push(None);
            continue;
        }
        let mut m = mark_before(lx, text, f.start);
        if m.is_none() && f.figure.qualifier == Qualifier::AtMost {
            if let Some((Mark::To, _)) = lx.find(text, f.start, |w| match w {
                Word::ChangeMark(m) => Some(m),
                _ => None,
            }) {
                m = Some(Mark::To);
            }
        }
        marks.push(m);
    }
    // 5. The changes.
    // A verb inside `s..e`: the first verb at or after `s` (verbs are in
    // text order).
    let verb_at = |s: usize, e: usize| {
        verbs
            .get(verbs.partition_point(|v| v.0 < s))
            .is_some_and(|v| v.1 <= e)
    };
    let mut linked_adverbs: HashSet<usize> = HashSet::new();
    let mut found_links: Vec<ChangeLink> = Vec::new();
    for &(vs, ve, dir) in &verbs {
        let mut link = ChangeLink {
            direction: dir,
            verb_start: vs,
            verb_end: ve,
            change: None,
            from: None,
            to: None,
        };
        // A multiplier verb is its own change.
        let k = para.partition_point(|f| f.start < vs);
        if para.get(k).is_some_and(|f| f.start == vs && f.end == ve) {
            link.change = Some(k);
        }
        let mut j = para.partition_point(|f| f.start < ve);
        let mut prev_end = ve;
        let mut first = true;
        while j < para.len() {
            let f = &para[j];
            let gap = &text[prev_end..f.start];
            if gap.len() > MAX_GAP || sentence_break(gap) || verb_at(prev_end, f.start) {
                break;
            }
            let comparable_next = |j: usize| {
                j + 1 < para.len()
                    && marks[j + 1] == Some(Mark::To)
                    && para[j + 1].start - para[j].end <= 16
                    && level_pair(&para[j].figure, &para[j + 1].figure)
            };
            let role = match marks[j] {
                Some(Mark::To) => Some(Mark::To),
                Some(Mark::From) => Some(Mark::From),
                Some(Mark::By) => Some(Mark::By),
                Some(Mark::ByOrFrom) if comparable_next(j) => {
                    by_or_from(&para[j].figure, &para[j + 1].figure, dir)
                }
                Some(Mark::ByOrFrom) => Some(Mark::By),
                None if first
                    && gap.split_whitespace().count() <= 2
                    && f.figure.qualifier != Qualifier::AtMost =>
                {
                    Some(Mark::By)
                }
                None => None,
            };
            let slot = match role {
                Some(Mark::To) => &mut link.to,
                Some(Mark::From) => &mut link.from,
                Some(_) => &mut link.change,
                None => break,
            };
            if slot.is_some() {
                break;
            }
            *slot = Some(j);
            first = false;
            prev_end = f.end;
            j += 1;
        }
        let self_change = link.change;
        if link.to.is_none() && link.from.is_none() && link.change == self_change {
            backward(&mut link, &para, &marks, text, &verb_at);
        }
        // "to 44% from 41%, up 3 points": the change of the levels just
        // read, after a comma.
        if let (None, None, Some(c)) = (link.from, link.to, link.change) {
            let j = para.partition_point(|f| f.end <= vs);
            if let Some(a) = found_links.last_mut() {
                let fits = [a.from, a.to]
                    .into_iter()
                    .flatten()
                    .all(|k| change_fits(&para[c].figure, &para[k].figure));
                // The levels' last figure is the last before the verb, in
                // the same sentence, close ("de 1 800 à 2 800 francs CFA le
                // kilogramme, soit une hausse de 55,6 %").
                let close = j > 0 && {
                    let gap = &text[para[j - 1].end..vs];
                    gap.len() <= MAX_GAP && !sentence_break(gap)
                };
                if close
                    && a.change.is_none()
                    && (a.from == Some(j - 1) || a.to == Some(j - 1))
                    && fits
                {
                    a.change = Some(c);
                    linked_adverbs.insert(c);
                    continue;
                }
            }
        }
        preceding_level(&mut link, &para, text);
        if validate(&mut link, &mut para) {
            if let Some(c) = link.change {
                linked_adverbs.insert(c);
            }
            found_links.push(link);
        }
    }
    // "to 44% from 41%, up 3 points": a change stated after the levels of
    // the same new level is one change.
    let mut merged: Vec<ChangeLink> = Vec::with_capacity(found_links.len());
    for b in found_links {
        if let Some(a) = merged.last_mut() {
            let shared = (a.to.is_some() && a.to == b.to) || (a.from.is_some() && a.from == b.from);
            let fits = (a.from.is_none() || b.from.is_none() || a.from == b.from)
                && (a.to.is_none() || b.to.is_none() || a.to == b.to);
            let reused = b.change.is_some() && (b.change == a.from || b.change == a.to);
            if shared && fits && !reused && a.change.is_none() && b.change.is_some() {
                a.change = b.change;
                a.from = a.from.or(b.from);
                a.to = a.to.or(b.to);
                continue;
            }
        }
        merged.push(b);
    }
    let found_links = merged;
    // The new level written as "up to" ("до 2,3 млрд"): the word is "to".
    for l in &found_links {
        let Some(t) = l.to else { continue };
        let f = &mut para[t];
        if f.figure.qualifier != Qualifier::AtMost {
            continue;
        }
        if let Some((Mark::To, e)) = lx.find(text, f.start, |w| match w {
            Word::ChangeMark(m) => Some(m),
            _ => None,
        }) {
            context::drop_qualifier_word(text, e, f, Rule::ChangeTarget, "at most (up to)");
        }
    }
    // Adverb multiples that are no change are no figure: back to numbers
    // (a number that was one) or dropped (a word).
    let mut keep = vec![true; para.len()];
    for (k, f) in para.iter_mut().enumerate() {
        let is_adverb = adverbs.contains(&(f.start, f.end));
        if f.figure.kind == Kind::Multiple && is_adverb && !linked_adverbs.contains(&k) {
            f.figure.kind = Kind::Number;
            if !f.text(text).chars().any(|c| c.is_ascii_digit()) {
                keep[k] = false;
            }
        }
    }
    let base = out.len();
    let mut new_index = vec![None; para.len()];
    let mut n = 0;
    for (k, f) in para.into_iter().enumerate() {
        if keep[k] {
            new_index[k] = Some(base + n);
            n += 1;
            out.push(f);
        }
    }
    for mut l in found_links {
        l.change = l.change.and_then(|k| new_index[k]);
        l.from = l.from.and_then(|k| new_index[k]);
        l.to = l.to.and_then(|k| new_index[k]);
        links.push(l);
    }
}

/// Two figures that can be the old and the new level of one quantity (a
/// bare number takes the other's sort).
fn level_pair(a: &Figure, b: &Figure) -> bool {
    a.kind != Kind::Multiple
        && b.kind != Kind::Multiple
        && (sort_of(a) == sort_of(b) || a.kind == Kind::Number || b.kind == Kind::Number)
}

/// Keeps a change only when its parts fit: levels of one sort, a change
/// that is a percent, a multiple or of the levels' sort; at least two
/// parts, or a percent or a multiple alone. A bare number as the old level
/// takes the new level's currency, unit and scale ("von 2,9 auf 3,1
/// Milliarden Euro").
fn validate(l: &mut ChangeLink, para: &mut [Found]) -> bool {
    // Levels are not multiples or durations.
    for slot in [&mut l.from, &mut l.to] {
        if slot.is_some_and(|k| matches!(para[k].figure.kind, Kind::Multiple | Kind::Duration)) {
            *slot = None;
        }
    }
    if let (Some(a), Some(b)) = (l.from, l.to) {
        if para[a].figure.kind == Kind::Number && para[b].figure.kind != Kind::Number {
            inherit(para, a, b);
        }
        if sort_of(&para[a].figure) != sort_of(&para[b].figure) {
            l.from = None;
        }
    }
    for slot in [&mut l.from, &mut l.to] {
        if slot.is_some_and(|k| para[k].figure.kind == Kind::Number) {
            *slot = None;
        }
    }
    if let Some(c) = l.change {
        let cf = &para[c].figure;
        let ok = !matches!(cf.kind, Kind::Number | Kind::Duration)
            && cf.qualifier != Qualifier::AtMost
            && [l.from, l.to]
                .into_iter()
                .flatten()
                .all(|k| change_fits(cf, &para[k].figure));
        if !ok {
            l.change = None;
        }
    }
    // A figure plays one part.
    if l.change.is_some() && (l.change == l.from || l.change == l.to) {
        l.change = None;
    }
    if l.from.is_some() && l.from == l.to {
        l.from = None;
    }
    let parts = [l.change, l.from, l.to].iter().flatten().count();
    parts >= 2
        || l.change
            .is_some_and(|c| matches!(para[c].figure.kind, Kind::Percent | Kind::Multiple))
}

/// The bare number `para[a]` takes the kind, currency, unit and scale of
/// `para[b]` (the scale multiplies its value, as for a list).
fn inherit(para: &mut [Found], a: usize, b: usize) {
    let (kind, currency, unit, scale) = {
        let f = &para[b].figure;
        (f.kind, f.currency, f.unit, f.scale)
    };
    let f = &mut para[a].figure;
    if f.qualifier != Qualifier::Exact {
        return;
    }
    if f.scale.is_some() {
        // "de 1,2 milliard à 3,4 milliards d'euros": the scale is its own.
        (f.kind, f.currency, f.unit) = (kind, currency, unit);
        f.inferred.push(if currency.is_some() {
            "currency"
        } else {
            "unit"
        });
        return;
    }
    let Value::Exact(v) = f.value else { return };
    let k = match scale {
        Some(sc) => decimal(1, sc.exponent() as i32),
        None => Some(Decimal::ONE),
    };
    let Some(k) = k else { return };
    let (Some(v), Some(r)) = (v.checked_mul(k), f.resolution.checked_mul(k)) else {
        return;
    };
    f.value = Value::Exact(v);
    f.resolution = r;
    (f.kind, f.currency, f.unit) = (kind, currency, unit);
    f.inferred.push(if currency.is_some() {
        "currency"
    } else {
        "unit"
    });
    if let Some(sc) = scale {
        f.scale = Some(sc);
        f.inferred.push("scale");
    }
    f.alternatives.push(Alternative {
        rule: Rule::ScaleDistributed,
        reading:
            "a bare number: the old level of a change takes the new level's scale, currency or unit"
                .into(),
    });
}

/// "from $4.02 billion to $4.5 billion" after a verb of change: the old and
/// the new level, not a range. `None` when the range is not written as
/// "open X sep Y" or the parts do not read back to its ends.
fn split_range(lx: &Lexicon, text: &str, f: &Found, lang: Lang) -> Option<(Found, Found)> {
    let span = &text[f.start..f.end];
    // The opening word: "from", "de", "von", "с"; none in "climbed $500
    // million to $3 billion" (the change, then the new level).
    let open_end = lx
        .find(text, f.start, |w| {
            matches!(
                w,
                Word::RangeOpen | Word::ChangeMark(Mark::From | Mark::ByOrFrom)
            )
            .then_some(())
        })
        .map_or(f.start, |((), e)| e);
    // The separator: the first word "to" after a digit.
    let first_digit = f.start + span.find(|c: char| c.is_ascii_digit())?;
    let mut pos = first_digit;
    let mut sep = None;
    let mut prev = None;
    while pos < f.end {
        let c = text[pos..].chars().next()?;
        if is_letter(c) && !prev.is_some_and(is_word_char) {
            if let Some(((), e)) = lx.find(text, pos, |w| {
                matches!(w, Word::RangeSep { .. } | Word::ChangeMark(Mark::To)).then_some(())
            }) {
                sep = Some((pos, e));
                break;
            }
        }
        prev = Some(c);
        pos += c.len_utf8();
    }
    let (ss, se) = sep?;
    let ls = skip_blanks(text, open_end);
    let le = ss
        - text[..ss]
            .chars()
            .rev()
            .take_while(|c| is_blank(*c))
            .map(char::len_utf8)
            .sum::<usize>();
    let rs = skip_blanks(text, se);
    if ls >= le || rs >= f.end {
        return None;
    }
    let mut left = crate::parse::parse(&text[ls..le], lang).ok()?;
    let right = crate::parse::parse(&text[rs..f.end], lang).ok()?;
    let mut pair = [
        Found {
            start: ls,
            end: le,
            figure: left.clone(),
        },
        Found {
            start: rs,
            end: f.end,
            figure: right.clone(),
        },
    ];
    if left.kind == Kind::Number && right.kind != Kind::Number {
        inherit(&mut pair, 0, 1);
        left = pair[0].figure.clone();
    }
    let (lv, rv) = (left.value.exact()?, right.value.exact()?);
    let (min, max) = (f.figure.value.min(), f.figure.value.max());
    if !((lv == min && rv == max) || (lv == max && rv == min)) || sort_of(&left) != sort_of(&right)
    {
        return None;
    }
    let [a, b] = pair;
    Some((a, b))
}

/// A verb at the end of its clause ("auf 2 Milliarden Euro verdoppelt",
/// "ist um 7 Prozent auf 3,1 Milliarden Euro gestiegen"): the marked
/// figures right before it, in the same sentence.
fn backward(
    l: &mut ChangeLink,
    para: &[Found],
    marks: &[Option<Mark>],
    text: &str,
    verb_at: &dyn Fn(usize, usize) -> bool,
) {
    let mut j = para.partition_point(|f| f.end <= l.verb_start);
    let mut next_start = l.verb_start;
    let mut roles = (None, None, None); // change, from, to
    while j > 0 {
        j -= 1;
        let f = &para[j];
        if l.change == Some(j) {
            next_start = f.start;
            continue;
        }
        let gap = &text[f.end..next_start];
        // The verb ends the clause of the figures: right after the last one
        // ("auf 2 Milliarden Euro verdoppelt"), with no comma between.
        let last = next_start == l.verb_start;
        if gap.len() > MAX_GAP
            || sentence_break(gap)
            || verb_at(f.end, next_start)
            || (last && (gap.contains(',') || gap.split_whitespace().count() > 2))
        {
            break;
        }
        if matches!(marks[j], Some(Mark::To | Mark::From))
            && l.change
                .is_some_and(|c| !change_fits(&para[c].figure, &f.figure))
        {
            break;
        }
        let slot = match marks[j] {
            Some(Mark::To) => &mut roles.2,
            Some(Mark::From) => &mut roles.1,
            Some(Mark::By | Mark::ByOrFrom) => &mut roles.0,
            None => break,
        };
        if slot.is_some() {
            break;
        }
        *slot = Some(j);
        next_start = f.start;
    }
    if l.change.is_none() {
        l.change = roles.0;
    }
    l.from = roles.1;
    l.to = roles.2;
}

/// "$4.5 billion, up 12% from $4.02 billion": a level right before the
/// verb, after a comma, is the new level.
fn preceding_level(l: &mut ChangeLink, para: &[Found], text: &str) {
    if l.to.is_some() {
        return;
    }
    let j = para.partition_point(|f| f.end <= l.verb_start);
    if j == 0 {
        return;
    }
    let f = &para[j - 1];
    if text[f.end..l.verb_start].trim() != ","
        || matches!(
            f.figure.kind,
            Kind::Multiple | Kind::Duration | Kind::Number
        )
        || l.change == Some(j - 1)
        || l.change
            .is_some_and(|c| !change_fits(&para[c].figure, &f.figure))
        || l.from
            .is_some_and(|a| sort_of(&para[a].figure) != sort_of(&f.figure))
    {
        return;
    }
    l.to = Some(j - 1);
}

/// Whether `change` can be the change of the level `level`: a percent or a
/// multiple of anything; percentage or basis points of a percent; an
/// amount of the level's sort.
fn change_fits(change: &Figure, level: &Figure) -> bool {
    match (change.kind, change.unit) {
        (Kind::Multiple, _) | (Kind::Percent, None) => true,
        (Kind::Percent, Some(_)) => level.kind == Kind::Percent && level.unit.is_none(),
        _ => sort_of(change) == sort_of(level),
    }
}

/// French "de X à Y" with X and Y of one sort: the old level or the
/// change? After a fall, X above Y is the old level ("a abaissé sa
/// prévision de 130 € à 118 €"), X below Y the change. After a rise, X
/// below Y with the same scale word is the old level ("de 2 € à 12 €", "de
/// 1,2 milliard à 3,4 milliards"), with another scale word the change
/// ("de 500 millions d'euros à 3 milliards"); X above Y reads neither way.
fn by_or_from(x: &Figure, y: &Figure, dir: Direction) -> Option<Mark> {
    let (a, b) = (x.value.exact()?, y.value.exact()?);
    match dir {
        Direction::Fall if a > b => Some(Mark::From),
        Direction::Fall => Some(Mark::By),
        Direction::Rise if a < b && x.scale == y.scale => Some(Mark::From),
        Direction::Rise if a < b => Some(Mark::By),
        Direction::Rise => None,
    }
}
