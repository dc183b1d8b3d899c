//! The layout of an article as the checks see it: headline, paragraphs,
//! sentences, context words, and the cue phrases that mark totals and
//! unit prices.

use std::collections::BTreeSet;

use crate::extract::Found;
use crate::lang::{Lang, Word};
use crate::lexicon::{fold_str, lexicon};
use crate::unit::Unit;

/// Where each figure of an article sits.
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
}

impl<'t> Layout<'t> {
    pub(crate) fn new(text: &'t str, found: &'t [Found]) -> Layout<'t> {
        let paras = paragraphs(text);
        let spans: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
        let mut sentences = Vec::new();
        for &(ps, pe) in &paras {
            split_sentences(text, ps, pe, &spans, &mut sentences);
        }
        let locate = |ranges: &[(usize, usize)], pos: usize| {
            ranges
                .iter()
                .rposition(|&(s, _)| s <= pos)
                .unwrap_or_default()
        };
        Layout {
            text,
            found,
            para: found.iter().map(|f| locate(&paras, f.start)).collect(),
            sentence: found.iter().map(|f| locate(&sentences, f.start)).collect(),
            sentences,
            headline_end: headline_end(text),
            // (paragraph spans are only needed to locate figures)
        }
    }

    /// True when figure `i` is in the headline.
    pub(crate) fn in_headline(&self, i: usize) -> bool {
        self.found[i].end <= self.headline_end
    }

    /// The words around figure `i` that can tell which quantity it is: up
    /// to `n` words on each side within its sentence (the whole headline
    /// for a headline figure), folded, without stopwords, short words,
    /// numbers, figure text and words of the language tables ("billion",
    /// "about", "dollars").
    pub(crate) fn context(&self, i: usize, n: usize) -> BTreeSet<String> {
        let f = &self.found[i];
        let (ss, se) = if self.in_headline(i) {
            (0, self.headline_end)
        } else {
            self.sentences[self.sentence[i]]
        };
        let words = tokens(self.text, ss, se);
        let before: Vec<&(usize, usize)> = words.iter().filter(|w| w.1 <= f.start).collect();
        let after: Vec<&(usize, usize)> = words.iter().filter(|w| w.0 >= f.end).collect();
        let take_all = self.in_headline(i);
        let chosen = before
            .iter()
            .rev()
            .take(if take_all { usize::MAX } else { n })
            .chain(after.iter().take(if take_all { usize::MAX } else { n }));
        let lang = f.figure.lang;
        chosen
            .filter(|w| self.is_content(w.0, w.1, lang))
            .map(|w| fold_str(&self.text[w.0..w.1]))
            .collect()
    }

    fn is_content(&self, s: usize, e: usize, lang: Lang) -> bool {
        let word = &self.text[s..e];
        if word.chars().count() < 3 || !word.chars().any(char::is_alphabetic) {
            return false;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if self.found.iter().any(|f| f.start < e && s < f.end) {
            return false;
        }
        let folded = fold_str(word);
        if Lang::ALL
            .iter()
            .any(|l| l.table().stopwords.iter().any(|sw| fold_str(sw) == folded))
        {
            return false;
        }
        // A word of the language tables (scale, currency, qualifier, unit...).
        lexicon(lang)
            .find(self.text, s, |_| Some(()))
            .is_none_or(|(_, end)| end < e)
    }

    /// True when a word that marks a total ("total", "insgesamt", "итого",
    /// "over its full term", "за весь срок"...) is within `n` words of
    /// figure `i`, in its sentence.
    pub(crate) fn total_cue(&self, i: usize, n: usize) -> bool {
        let f = &self.found[i];
        let (ss, se) = self.sentences[self.sentence[i]];
        let words = tokens(self.text, ss, se);
        let before: Vec<(usize, usize)> =
            words.iter().copied().filter(|w| w.1 <= f.start).collect();
        let after: Vec<(usize, usize)> = words.iter().copied().filter(|w| w.0 >= f.end).collect();
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
    figures: &[(usize, usize)],
    out: &mut Vec<(usize, usize)>,
) {
    let mut start = ps;
    let para = &text[ps..pe];
    for (i, c) in para.char_indices() {
        let at = ps + i;
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' | ';' | '…' => {
                let inside = figures.iter().any(|&(s, e)| s <= at && at < e);
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
        split_sentences(text, paras[1].0, paras[1].1, &[(fig, fig + 14)], &mut s);
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
