//! The layout of an article as the checks see it: headline, paragraphs,
//! sentences, context words, and the cue phrases that mark totals and
//! unit prices.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::extract::Found;
use crate::lang::{Lang, Word};
use crate::lexicon::{fold_str, lexicon};
use crate::unit::Unit;

/// The byte spans of the figures, sorted by start, with the running maximum
/// of their ends: "does any figure overlap this range" in `O(log n)`.
#[derive(Debug)]
struct Spans {
    starts: Vec<usize>,
    /// `max_end[k]`: the largest end among the first `k + 1` spans.
    max_end: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<(usize, usize)>) -> Spans {
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for &(_, e) in &spans {
            m = m.max(e);
            max_end.push(m);
        }
        Spans {
            starts: spans.iter().map(|s| s.0).collect(),
            max_end,
        }
    }

    /// True when some figure has `start < e` and `s < end`.
    fn overlaps(&self, s: usize, e: usize) -> bool {
        let k = self.starts.partition_point(|&x| x < e);
        k > 0 && self.max_end[k - 1] > s
    }

    /// True when some figure has `start <= at < end`.
    fn covers(&self, at: usize) -> bool {
        self.overlaps(at, at + 1)
    }
}

/// Where each figure of an article sits.
///
/// Everything here is linear in the text (or `n log n` in the figures): the
/// layout is built in one pass, and the words of a sentence are read once
/// per pass over the figures ([`Words`]), however many figures it holds.
#[derive(Debug)]
pub(crate) struct Layout<'t> {
    pub text: &'t str,
    pub found: &'t [Found],
    /// For each figure: paragraph index.
    pub para: Vec<usize>,
    /// For each figure: sentence index (global), and the sentence's span.
    pub sentence: Vec<usize>,
    pub sentences: Vec<(usize, usize)>,
    /// The headline: leading short lines of the text (byte end).
    pub headline_end: usize,
    spans: Spans,
}

/// The word spans of one sentence (or of the headline), read once and kept
/// while the figures of that sentence are looked at: the checks visit the
/// figures in text order, so each sentence is tokenized once per pass.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// The span the words were read from.
    span: Option<(usize, usize)>,
    words: Vec<(usize, usize)>,
    /// How many word spans were read in all (see `CheckStats::words`).
    pub read: u64,
}

impl Words {
    /// The words of `text[s..e]`, read unless they are those of the last call.
    fn of(&mut self, text: &str, s: usize, e: usize) -> &[(usize, usize)] {
        if self.span != Some((s, e)) {
            self.words = tokens(text, s, e);
            self.read += self.words.len() as u64;
            self.span = Some((s, e));
        }
        &self.words
    }
}

impl<'t> Layout<'t> {
    pub(crate) fn new(text: &'t str, found: &'t [Found]) -> Layout<'t> {
        let paras = paragraphs(text);
        let spans = Spans::new(found.iter().map(|f| (f.start, f.end)).collect());
        let mut sentences = Vec::new();
        for &(ps, pe) in &paras {
            split_sentences(text, ps, pe, &spans, &mut sentences);
        }
        // The last range that starts at or before `pos` (ranges are sorted
        // and disjoint); the first when none does.
        let locate = |ranges: &[(usize, usize)], pos: usize| {
            ranges.partition_point(|&(s, _)| s <= pos).saturating_sub(1)
        };
        Layout {
            text,
            found,
            para: found.iter().map(|f| locate(&paras, f.start)).collect(),
            sentence: found.iter().map(|f| locate(&sentences, f.start)).collect(),
            sentences,
            headline_end: headline_end(text),
            spans,
        }
    }

    /// True when figure `i` is in the headline.
    pub(crate) fn in_headline(&self, i: usize) -> bool {
        self.found[i].end <= self.headline_end
    }

    /// The span the context of figure `i` is taken from: its sentence, or
    /// the whole headline for a headline figure.
    fn context_span(&self, i: usize) -> (usize, usize) {
        if self.in_headline(i) {
            (0, self.headline_end)
        } else {
            self.sentences[self.sentence[i]]
        }
    }

    /// The words around figure `i` that can tell which quantity it is: up
    /// to `n` words on each side within its sentence (the whole headline
    /// for a headline figure), folded, without stopwords, short words,
    /// numbers, figure text and words of the language tables ("billion",
    /// "about", "dollars"). Calls `each` once per word, possibly more than
    /// once for one word.
    ///
    /// The context of a headline figure is every content word of the
    /// headline (the words that overlap the figure are figure text), so it
    /// depends only on the language: callers may compute it once.
    pub(crate) fn context(
        &self,
        i: usize,
        n: usize,
        words: &mut Words,
        mut each: impl FnMut(String),
    ) {
        let f = &self.found[i];
        let (ss, se) = self.context_span(i);
        let words = words.of(self.text, ss, se);
        let take_all = self.in_headline(i);
        let n = if take_all { usize::MAX } else { n };
        // Words are sorted and disjoint: those that end by the figure's
        // start come first, those that start at or after its end last.
        let before = &words[..words.partition_point(|w| w.1 <= f.start)];
        let after = &words[words.partition_point(|w| w.0 < f.end)..];
        let lang = f.figure.lang;
        for w in before.iter().rev().take(n).chain(after.iter().take(n)) {
            if self.is_content(w.0, w.1, lang) {
                each(fold_str(&self.text[w.0..w.1]));
            }
        }
    }

    fn is_content(&self, s: usize, e: usize, lang: Lang) -> bool {
        let word = &self.text[s..e];
        if word.chars().count() < 3 || !word.chars().any(char::is_alphabetic) {
            return false;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if self.spans.overlaps(s, e) {
            return false;
        }
        let folded = fold_str(word);
        if stopwords().contains(&folded) {
            return false;
        }
        // A word of the language tables (scale, currency, qualifier, unit...);
        // the words that only read changes ("rose", "from") are content.
        lexicon(lang)
            .find(self.text, s, |w| (!w.is_change()).then_some(()))
            .is_none_or(|(_, end)| end < e)
    }

    /// True when a word that marks a total ("total", "insgesamt", "итого",
    /// "over its full term", "за весь срок"...) is within `n` words of
    /// figure `i`, in its sentence.
    pub(crate) fn total_cue(&self, i: usize, n: usize, words: &mut Words) -> bool {
        let f = &self.found[i];
        let (ss, se) = self.sentences[self.sentence[i]];
        let words = words.of(self.text, ss, se);
        let before = &words[..words.partition_point(|w| w.1 <= f.start)];
        let after = &words[words.partition_point(|w| w.0 < f.end)..];
        let near: Vec<(usize, usize)> = before[before.len().saturating_sub(n)..]
            .iter()
            .chain(after.iter().take(n))
            .copied()
            .collect();
        let lang = f.figure.lang;
        let lx = lexicon(lang);
        // A Total word of the language table.
        for &(s, _) in &near {
            if lx
                .find(self.text, s, |w| (w == Word::Total).then_some(()))
                .is_some()
            {
                return true;
            }
        }
        // A whole-term phrase.
        let folded: Vec<String> = near
            .iter()
            .map(|&(s, e)| fold_str(&self.text[s..e]))
            .collect();
        WHOLE_TERM.iter().any(|phrase| {
            folded
                .windows(phrase.len())
                .any(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b))
        })
    }

    /// True when money figure `i` is a price per unit of capacity: "$6.9
    /// million per megawatt", "6,9 млн долларов за каждый мегаватт", "5 à
    /// 10 millions d'euros par MW", "15 Cent pro Kilowattstunde".
    pub(crate) fn unit_price(&self, i: usize) -> bool {
        let f = &self.found[i];
        let rest_end = self.text.len().min(f.end + 80);
        let mut rest_end = rest_end;
        while !self.text.is_char_boundary(rest_end) {
            rest_end -= 1;
        }
        let words = tokens(self.text, f.end, rest_end);
        let lx = lexicon(f.figure.lang);
        let gap_ok = |from: usize, to: usize| {
            let gap = &self.text[from..to];
            gap.chars()
                .all(|c| c.is_whitespace() || matches!(c, '/' | '\'' | '’'))
                && !gap.contains("\n\n")
        };
        let mut prev_end = f.end;
        for (k, &(s, e)) in words.iter().take(4).enumerate() {
            if !gap_ok(prev_end, s) {
                return false;
            }
            let unit = lx.find(self.text, s, |w| match w {
                Word::Unit(u) if is_capacity_unit(u) => Some(()),
                _ => None,
            });
            if unit.is_some() && (k > 0 || self.text[f.end..s].contains('/')) {
                return true;
            }
            let w = fold_str(&self.text[s..e]);
            if !PER_WORDS.contains(&w.as_str()) {
                return false;
            }
            prev_end = e;
        }
        false
    }
}

/// The stopwords of every language, folded.
fn stopwords() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        Lang::ALL
            .iter()
            .flat_map(|l| l.table().stopwords.iter())
            .map(|sw| fold_str(sw))
            .collect()
    })
}

fn is_capacity_unit(u: Unit) -> bool {
    matches!(
        u.kind(),
        crate::figure::Kind::Power | crate::figure::Kind::Energy | crate::figure::Kind::Hashrate
    )
}

/// Words between a price and its unit: "per", "a", "par", "pro", "je",
/// "за каждый", "на каждый"...
const PER_WORDS: &[&str] = &[
    "per",
    "a",
    "an",
    "each",
    "every",
    "for",
    "par",
    "le",
    "la",
    "l",
    "chaque",
    "pour",
    "du",
    "pro",
    "je",
    "für",
    "jedes",
    "jeden",
    "jede",
    "das",
    "den",
    "за",
    "на",
    "каждый",
    "каждую",
    "каждое",
    "один",
    "одну",
    "в",
    "расчете",
];

/// Phrases (folded words) that say a figure covers a whole term.
const WHOLE_TERM: &[&[&str]] = &[
    // English
    &["full", "term"],
    &["whole", "term"],
    &["entire", "term"],
    &["over", "its", "term"],
    &["over", "their", "term"],
    &["over", "the", "term"],
    &["life", "of", "the", "contract"],
    &["life", "of", "the", "deal"],
    &["life", "of", "the", "agreement"],
    &["lifetime"],
    &["full", "period"],
    &["whole", "period"],
    &["entire", "period"],
    &["full", "duration"],
    &["entire", "duration"],
    &["whole", "duration"],
    // French
    &["toute", "la", "durée"],
    &["toute", "la", "période"],
    &["sur", "la", "durée"],
    &["durée", "totale"],
    &["durée", "du", "contrat"],
    // German
    &["gesamte", "laufzeit"],
    &["gesamten", "laufzeit"],
    &["ganze", "laufzeit"],
    &["ganzen", "laufzeit"],
    &["über", "die", "laufzeit"],
    &["vertragslaufzeit"],
    &["gesamten", "zeitraum"],
    // Russian
    &["весь", "срок"],
    &["весь", "период"],
    &["все", "время", "действия"],
    &["срок", "действия", "контракта"],
    &["срок", "действия", "договора"],
];

/// Word spans (runs of letters and digits) in `text[s..e]`.
pub(crate) fn tokens(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[s..e].char_indices() {
        let at = s + i;
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(at);
            }
        } else if let Some(st) = start.take() {
            out.push((st, at));
        }
    }
    if let Some(st) = start {
        out.push((st, e));
    }
    out
}

/// Paragraphs: text between blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push((s, pos));
                start = None;
            }
            (false, None) => start = Some(pos),
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Cuts a paragraph into sentences: after `.`, `!`, `?`, `;` or `…` followed
/// by white space and a capital, digit, quote or dash (never inside a
/// figure: "3,5 Mrd. Dollar"), and at line breaks.
fn split_sentences(
    text: &str,
    ps: usize,
    pe: usize,
    figures: &Spans,
    out: &mut Vec<(usize, usize)>,
) {
    let mut start = ps;
    let para = &text[ps..pe];
    for (i, c) in para.char_indices() {
        let at = ps + i;
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' | ';' | '…' => {
                let inside = figures.covers(at);
                let rest = &para[i + c.len_utf8()..];
                let mut r = rest.chars();
                let ws = r.next().is_none_or(char::is_whitespace);
                let next = rest.trim_start().chars().next();
                !inside
                    && ws
                    && next.is_none_or(|n| {
                        n.is_uppercase()
                            || n.is_ascii_digit()
                            || matches!(
                                n,
                                '"' | '«' | '„' | '“' | '—' | '–' | '-' | '(' | '$' | '€'
                            )
                    })
            }
            _ => false,
        };
        if end_here {
            let end = at + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = end;
        }
    }
    if !text[start..pe].trim().is_empty() {
        out.push((start, pe));
    }
}

/// The end of the headline: the leading lines of the text that are short
/// (at most 200 characters) and do not end like a sentence; 0 when the text
/// starts with body text.
fn headline_end(text: &str) -> usize {
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        pos += line.len();
        if t.is_empty() {
            continue;
        }
        let sentence_like = t.ends_with(['.', '!', '?', ':', ';', '…']);
        if t.chars().count() > 200 || sentence_like {
            break;
        }
        end = pos;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_paragraphs_and_sentences() {
        let text = "Title $9B\n\nOne sentence. Two 3,5 Mrd. Dollar here. U.S. firms.\nLast";
        let paras = paragraphs(text);
        assert_eq!(paras.len(), 2);
        let fig = text.find("3,5").unwrap();
        let mut s = Vec::new();
        let figures = Spans::new(vec![(fig, fig + 14)]);
        split_sentences(text, paras[1].0, paras[1].1, &figures, &mut s);
        let got: Vec<&str> = s.iter().map(|&(a, b)| text[a..b].trim()).collect();
        assert_eq!(
            got,
            [
                "One sentence.",
                "Two 3,5 Mrd. Dollar here.",
                "U.S. firms.",
                "Last"
            ]
        );
        assert_eq!(headline_end(text), 10);
        assert_eq!(headline_end("Body text starts here.\n\nMore"), 0);
    }
}
