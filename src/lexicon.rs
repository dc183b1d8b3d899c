//! A compiled language table: a trie over folded surface forms.
//!
//! Lookups fold case (ASCII, Latin-1, Cyrillic, "ё" → "е"), treat every
//! white-space run as one space, every hyphen as '-', every apostrophe as
//! '\'', and report every entry that ends along the path, longest first.
//! Tables are compiled once per language, lazily.

use std::sync::LazyLock;

use crate::lang::{Entry, Lang, ScaleForm, Word, common};

/// Folds one character for matching.
#[inline]
pub(crate) fn fold(c: char) -> char {
    match c {
        'a'..='z' | '0'..='9' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        ' '
        | '\t'
        | '\n'
        | '\r'
        | '\u{a0}'
        | '\u{202f}'
        | '\u{2009}'
        | '\u{2007}'
        | '\u{200a}'
        | '\u{2002}'..='\u{2008}'
        | '\u{205f}'
        | '\u{3000}' => ' ',
        '\u{2010}' | '\u{2011}' => '-',
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{00b4}' => '\'',
        'Ё' | 'ё' => 'е',
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ if c.is_uppercase() => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        }
        _ => c,
    }
}

/// Folds a whole string (collapsing white-space runs).
pub(crate) fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(fold) {
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        out.push(c);
    }
    out
}

/// True for characters that make up words: letters and digits.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A meaning stored in the trie.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meaning {
    pub word: Word,
    /// For case-exact entries: the exact text required.
    pub exact: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    edge_start: u32,
    edge_len: u32,
    meaning_start: u32,
    meaning_len: u32,
}

/// One entry found at a position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit<'l, 't> {
    /// Byte offset just past the match.
    pub end: usize,
    meanings: &'l [Meaning],
    surface: &'t str,
}

impl<'l> Hit<'l, '_> {
    /// The meanings of the matched surface whose case fits.
    pub(crate) fn words(&self) -> impl Iterator<Item = Word> + '_ {
        self.meanings
            .iter()
            .filter(|m| m.exact.is_none_or(|e| e == self.surface))
            .map(|m| m.word)
    }
}

/// A compiled table.
#[derive(Debug)]
pub(crate) struct Lexicon {
    nodes: Vec<Node>,
    edges: Vec<(char, u32)>,
    meanings: Vec<Meaning>,
    /// Child of the root for each ASCII first character (0 = none).
    ascii_root: [u32; 128],
    /// Folded first characters of number words (ASCII as a mask).
    num_first_ascii: [bool; 128],
    num_first_other: Vec<char>,
}

/// The compiled lexicons, one per language, built on first use.
static LEXICONS: [LazyLock<Lexicon>; 4] = [
    LazyLock::new(|| Lexicon::build(Lang::En)),
    LazyLock::new(|| Lexicon::build(Lang::Fr)),
    LazyLock::new(|| Lexicon::build(Lang::De)),
    LazyLock::new(|| Lexicon::build(Lang::Ru)),
];

/// The compiled lexicon of a language.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    &LEXICONS[lang.index()]
}

/// A trie under construction.
#[derive(Default)]
struct Builder {
    children: Vec<Vec<(char, usize)>>,
    meanings: Vec<Vec<Meaning>>,
}

impl Builder {
    fn node(&mut self) -> usize {
        self.children.push(Vec::new());
        self.meanings.push(Vec::new());
        self.children.len() - 1
    }

    fn insert(&mut self, key: &str, m: Meaning) {
        let mut n = 0;
        for c in key.chars() {
            n = match self.children[n].iter().find(|(k, _)| *k == c) {
                Some(&(_, child)) => child,
                None => {
                    let child = self.node();
                    self.children[n].push((c, child));
                    child
                }
            };
        }
        let ms = &mut self.meanings[n];
        if !ms.iter().any(|x| x.word == m.word && x.exact == m.exact) {
            ms.push(m);
        }
    }
}

impl Lexicon {
    fn build(lang: Lang) -> Lexicon {
        let mut b = Builder::default();
        b.node();
        let table = lang.table();
        debug_assert_eq!(table.lang, lang);
        let rows = common::WORDS
            .iter()
            .chain(table.words)
            .chain(table.cldr_currencies)
            .chain(crate::lang::cldr::symbols::SYMBOLS);
        for e in rows {
            Self::insert_entry(&mut b, e);
        }
        let mut lx = Lexicon {
            nodes: Vec::with_capacity(b.children.len()),
            edges: Vec::new(),
            meanings: Vec::new(),
            ascii_root: [0; 128],
            num_first_ascii: [false; 128],
            num_first_other: Vec::new(),
        };
        for e in common::WORDS.iter().chain(table.words.iter()) {
            let starts_number = matches!(
                e.word,
                Word::Num(..)
                    | Word::ScaleAlone(_)
                    | Word::Scale(_, ScaleForm::Word | ScaleForm::LongScale)
            );
            if let Some(c) = fold_str(e.text).chars().next()
                && starts_number
            {
                if c.is_ascii() {
                    lx.num_first_ascii[c as usize] = true;
                } else if !lx.num_first_other.contains(&c) {
                    lx.num_first_other.push(c);
                }
            }
        }
        for (children, meanings) in b.children.iter_mut().zip(&b.meanings) {
            children.sort_by_key(|(c, _)| *c);
            let node = Node {
                edge_start: lx.edges.len() as u32,
                edge_len: children.len() as u32,
                meaning_start: lx.meanings.len() as u32,
                meaning_len: meanings.len() as u32,
            };
            lx.edges
                .extend(children.iter().map(|&(c, n)| (c, n as u32)));
            lx.meanings.extend(meanings.iter().copied());
            lx.nodes.push(node);
        }
        for &(c, n) in &b.children[0] {
            if c.is_ascii() {
                lx.ascii_root[c as usize] = n as u32;
            }
        }
        lx
    }

    fn insert_entry(b: &mut Builder, e: &Entry) {
        let m = Meaning {
            word: e.word,
            exact: e.exact.then_some(e.text),
        };
        b.insert(&fold_str(e.text), m);
        // "Mrd." is also written "Mrd".
        if let Some(stem) = e.text.strip_suffix('.')
            && stem.chars().last().is_some_and(char::is_alphabetic)
        {
            let m = Meaning {
                word: e.word,
                exact: e.exact.then_some(stem),
            };
            b.insert(&fold_str(stem), m);
        }
    }

    #[inline]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 && c.is_ascii() {
            let n = self.ascii_root[c as usize];
            return (n != 0).then_some(n);
        }
        let n = &self.nodes[node as usize];
        let edges = &self.edges[n.edge_start as usize..(n.edge_start + n.edge_len) as usize];
        if edges.len() <= 8 {
            edges.iter().find(|(k, _)| *k == c).map(|&(_, n)| n)
        } else {
            edges
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .map(|i| edges[i].1)
        }
    }

    /// True when some entry starts with this (folded) character.
    #[inline]
    pub(crate) fn may_start(&self, c: char) -> bool {
        self.child(0, fold(c)).is_some()
    }

    /// True when some number word starts with this character.
    #[inline]
    pub(crate) fn may_start_number(&self, c: char) -> bool {
        let f = fold(c);
        if f.is_ascii() {
            self.num_first_ascii[f as usize]
        } else {
            self.num_first_other.contains(&f)
        }
    }

    /// Every entry that matches `text` at byte `pos`, longest first, that
    /// ends on a word boundary (an entry ending in a letter or digit must not
    /// be followed by one) and whose case fits.
    pub(crate) fn hits_at<'l>(&'l self, text: &str, pos: usize) -> Hits<'l> {
        self.hits_impl(text, pos, true)
    }

    /// Like [`Lexicon::hits_at`], but entries may end inside a word (for
    /// glued compounds such as "zweihundert").
    pub(crate) fn hits_at_unbounded<'l>(&'l self, text: &str, pos: usize) -> Hits<'l> {
        self.hits_impl(text, pos, false)
    }

    fn hits_impl<'l>(&'l self, text: &str, pos: usize, bounded: bool) -> Hits<'l> {
        let mut out = Hits {
            items: [(0, 0); MAX_HITS],
            len: 0,
            lex: self,
            text_ptr: 0,
        };
        let Some(rest) = text.get(pos..) else {
            return out;
        };
        let mut node = 0u32;
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let f = fold(c);
            let Some(next) = self.child(node, f) else {
                break;
            };
            node = next;
            let mut end = i + c.len_utf8();
            if f == ' ' {
                // Swallow the whole white-space run (but not a paragraph break).
                let mut newlines = usize::from(c == '\n');
                while let Some(&(j, d)) = chars.peek() {
                    if fold(d) != ' ' {
                        break;
                    }
                    newlines += usize::from(d == '\n');
                    if newlines > 1 {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                if newlines > 1 {
                    break;
                }
            }
            let prev_word_char = is_word_char(c);
            let n = &self.nodes[node as usize];
            if n.meaning_len > 0 {
                let mut after = rest[end..].chars();
                let next = after.next();
                // "c'est", "l'an": an apostrophe followed by a letter continues the word.
                let elided = matches!(next, Some('\'' | '’'))
                    && after.next().is_some_and(char::is_alphabetic);
                let boundary_ok = !bounded
                    || !prev_word_char
                    || !(next.is_some_and(char::is_alphabetic) || elided);
                if boundary_ok && out.len < MAX_HITS {
                    out.items[out.len] = (pos + end, node);
                    out.len += 1;
                }
            }
        }
        out.text_ptr = pos;
        out
    }

    fn meanings_of(&self, node: u32) -> &[Meaning] {
        let n = &self.nodes[node as usize];
        &self.meanings[n.meaning_start as usize..(n.meaning_start + n.meaning_len) as usize]
    }

    /// The first meaning at `pos` (longest match) accepted by `pick`.
    #[inline]
    pub(crate) fn find<T>(
        &self,
        text: &str,
        pos: usize,
        mut pick: impl FnMut(Word) -> Option<T>,
    ) -> Option<(T, usize)> {
        let first = text[pos..].chars().next()?;
        if !self.may_start(first) {
            return None;
        }
        for hit in self.hits_at(text, pos).iter(text) {
            for word in hit.words() {
                if let Some(t) = pick(word) {
                    return Some((t, hit.end));
                }
            }
        }
        None
    }
}

const MAX_HITS: usize = 12;

/// The matches at one position.
#[derive(Debug)]
pub(crate) struct Hits<'l> {
    items: [(usize, u32); MAX_HITS],
    len: usize,
    lex: &'l Lexicon,
    text_ptr: usize,
}

impl<'l> Hits<'l> {
    /// The hits, longest first.
    pub(crate) fn iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Hit<'l, 't>> + 't {
        let start = self.text_ptr;
        self.items[..self.len]
            .iter()
            .rev()
            .map(move |&(end, node)| Hit {
                end,
                meanings: self.lex.meanings_of(node),
                surface: &text[start..end],
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ScaleForm;

    fn words_at(lang: Lang, text: &str) -> Vec<(usize, Word)> {
        let lx = lexicon(lang);
        let hits = lx.hits_at(text, 0);
        hits.iter(text)
            .flat_map(|h| h.words().map(move |w| (h.end, w)).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn ok_fold_cases() {
        assert_eq!(fold('Ё'), 'е');
        assert_eq!(fold('Д'), 'д');
        assert_eq!(fold('É'), 'é');
        assert_eq!(fold('\u{a0}'), ' ');
        assert_eq!(fold('’'), '\'');
        assert_eq!(fold_str("Mrd.  Euro"), "mrd. euro");
    }

    #[test]
    fn ok_lookup_longest_first_with_boundary() {
        let hits = words_at(Lang::En, "millions of");
        assert_eq!(hits[0], (8, Word::Scale(6, ScaleForm::Word)));
        // "million" must not match inside "millions".
        assert!(hits.iter().all(|(end, _)| *end == 8));
    }

    #[test]
    fn ok_lookup_whitespace_variants() {
        let hits = words_at(Lang::En, "more\u{a0}than 5");
        assert!(
            hits.iter()
                .any(|(end, w)| *end == 10 && matches!(w, Word::Qual(_)))
        );
    }

    #[test]
    fn ok_lookup_case_exact() {
        let m = words_at(Lang::En, "M ");
        assert!(
            m.iter()
                .any(|(_, w)| *w == Word::Scale(6, ScaleForm::Letter))
        );
        let lower = words_at(Lang::En, "m ");
        assert!(
            lower
                .iter()
                .any(|(_, w)| *w == Word::Scale(6, ScaleForm::Letter))
        );
        let mw = words_at(Lang::En, "mw ");
        assert!(mw.is_empty(), "{mw:?}");
    }

    #[test]
    fn ok_lookup_dotless_abbreviation() {
        let hits = words_at(Lang::En, "approx 5");
        assert!(
            hits.iter()
                .any(|(end, w)| *end == 6 && matches!(w, Word::Qual(_)))
        );
    }
}
