//! A compiled language table: a trie over folded surface forms.
//!
//! Lookups fold case (ASCII, Latin-1, Cyrillic, "ё" → "е"), treat every
//! white-space run as one space, every hyphen as '-', every apostrophe as
//! '\'', and report every entry that ends along the path, longest first.
//! An invisible format character inside a word ("Mil\u{ad}liarden" with a
//! soft hyphen) is skipped, so the word still matches.
//! Tables are compiled once per language, lazily.

use std::sync::LazyLock;

use crate::lang::{Entry, Lang, ScaleForm, Word, common};

/// Folds one character for matching.
#[inline(always)]
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        return match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            ' ' | '\t' | '\n' | '\r' => ' ',
            _ => c,
        };
    }
    fold_other(c)
}

/// Folds a non-ASCII character (see [`fold`]): the letters of the tables'
/// scripts, Cyrillic and Latin-1, by code-point range first.
#[inline]
fn fold_other(c: char) -> char {
    let u = c as u32;
    match u {
        0x430..=0x44f | 0xdf..=0xff => c,
        0x410..=0x42f | 0xc0..=0xd6 | 0xd8..=0xde => char::from_u32(u + 0x20).unwrap_or(c),
        // Ё, ё
        0x401 | 0x451 => 'е',
        0xa0 | 0x2002..=0x200a | 0x202f | 0x205f | 0x3000 => ' ',
        0x2010 | 0x2011 => '-',
        0x2018 | 0x2019 | 0x2bc | 0xb4 => '\'',
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

/// True for the invisible format characters (Unicode general category Cf):
/// the soft hyphen, zero-width space and joiners, bidirectional marks,
/// embeddings and isolates, the word joiner and invisible operators, the
/// byte order mark, and the rarer ones of other scripts; and for what
/// stands for an unreadable byte: the control characters other than
/// white space (the command line reads an invalid UTF-8 byte as NUL) and
/// U+FFFD. A number touching one is no figure.
#[inline]
pub(crate) fn is_format(c: char) -> bool {
    let u = c as u32;
    if u < 0xad {
        return matches!(u, 0x00..=0x08 | 0x0e..=0x1f | 0x7f..=0x9f);
    }
    // Latin, Greek, Cyrillic (the tables' letters): only the soft hyphen.
    if u < 0x600 {
        return u == 0xad;
    }
    if u == 0xfffd {
        return true;
    }
    matches!(
        u,
        0xad | 0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x890..=0x891
            | 0x8e2
            | 0x180e
            | 0x200b..=0x200f
            | 0x202a..=0x202e
            | 0x2060..=0x2064
            | 0x2066..=0x206f
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0001
            | 0xe0020..=0xe007f
    )
}

/// What stands for an unreadable byte (a control character other than white
/// space, or U+FFFD): unlike the other format characters it is no white
/// space between words either, and no figure touches it.
#[inline]
pub(crate) fn is_unreadable(c: char) -> bool {
    let u = c as u32;
    u == 0xfffd || (u < 0xa0 && is_format(c))
}

/// White space between the words of a figure or of a table entry: spaces,
/// and the invisible format characters that are not unreadable bytes
/// ("$\u{200b}5 million" reads as "$5 million"; "<\0$5" has no "<").
#[inline]
pub(crate) fn is_blank(c: char) -> bool {
    c != '\n' && (fold(c) == ' ' || (is_format(c) && !is_unreadable(c)))
}

/// The byte offset of the first format character in `s`: the control
/// characters found eight bytes at a time, the others by `memchr` on the
/// bytes that can lead them (format characters are rare: most texts have
/// none).
pub(crate) fn find_format(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if bytes.len() < 64 {
        // A short text (a figure given to `parse`): one pass with a table
        // of the bytes that are, or can lead, a format character.
        let leads = bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| FORMAT_LEADS[usize::from(b)])
            .map(|(i, _)| i);
        return first_format(s, leads);
    }
    let control = find_control(bytes);
    if bytes.is_ascii() {
        return control;
    }
    let [a, b, c, d, e, f, g, h, k, l] = FORMAT_LEAD_BYTES;
    [
        control,
        first_format(s, memchr::memchr3_iter(a, b, c, bytes)),
        first_format(s, memchr::memchr3_iter(d, e, f, bytes)),
        first_format(s, memchr::memchr3_iter(g, h, k, bytes)),
        first_format(s, memchr::memchr_iter(l, bytes)),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// The first of the offsets `at` where a format character starts.
fn first_format(s: &str, mut at: impl Iterator<Item = usize>) -> Option<usize> {
    at.find(|&i| {
        s.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(is_format)
    })
}

/// The bytes that lead the UTF-8 of the format characters above U+007F.
const FORMAT_LEAD_BYTES: [u8; 10] = [0xc2, 0xe2, 0xef, 0xd8, 0xdb, 0xdc, 0xe0, 0xe1, 0xf0, 0xf3];

/// The control bytes other than white space (`\t`…`\r`), and DEL: the
/// format characters of one byte.
const fn is_control_byte(b: u8) -> bool {
    b < 0x09 || (b >= 0x0e && b < 0x20) || b == 0x7f
}

/// The bytes that are, or can lead, a format character: the control
/// bytes and [`FORMAT_LEAD_BYTES`].
static FORMAT_LEADS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_control_byte(b as u8);
        b += 1;
    }
    let mut k = 0;
    while k < FORMAT_LEAD_BYTES.len() {
        t[FORMAT_LEAD_BYTES[k] as usize] = true;
        k += 1;
    }
    t
};

/// The first control byte other than white space (`\t`…`\r`), or DEL.
fn find_control(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(chunk);
        // Some byte below 0x20, or equal to 0x7f (no false negative).
        let low = x.wrapping_sub(ONES * 0x20) & !x;
        let y = x ^ (ONES * 0x7f);
        let del = y.wrapping_sub(ONES) & !y;
        if (low | del) & HIGHS != 0
            && let Some(k) = chunk.iter().position(|&b| is_control_byte(b))
        {
            return Some(i + k);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| is_control_byte(b))
        .map(|k| i + k)
}

/// The first character at or after byte `i` that is not a format character
/// (`' '` at the end of the text).
#[inline]
fn next_visible(text: &str, mut i: usize) -> (char, usize) {
    while i < text.len() {
        let (c, len) = next_char_at(text, i);
        if !is_format(c) {
            return (c, i);
        }
        i += len;
    }
    (' ', i)
}

/// The first characters the root finds by code point (see `Lexicon::root`).
const ROOT_CHARS: usize = 0x800;

/// Reorders `items` by their node number (stable), in linear time.
fn group_by_node<T: Copy>(items: Vec<T>, nodes: usize, node: impl Fn(&T) -> u32) -> Vec<T> {
    let mut starts = vec![0usize; nodes + 1];
    for it in &items {
        starts[node(it) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out: Vec<Option<T>> = vec![None; items.len()];
    for it in items {
        let n = node(&it) as usize;
        out[starts[n]] = Some(it);
        starts[n] += 1;
    }
    out.into_iter().flatten().collect()
}

/// The forms of a folded word the prefilter must find in raw text: as is,
/// capitalised, upper case, and with "ё" for every "е" (up to three).
fn case_variants(word: &str) -> Vec<String> {
    let mut base = vec![word.to_string()];
    let e_count = word.matches('е').count();
    if (1..=3).contains(&e_count) {
        // Every combination of е/ё.
        let positions: Vec<usize> = word.match_indices('е').map(|(i, _)| i).collect();
        for mask in 1u32..(1 << positions.len()) {
            let mut v = String::new();
            let mut last = 0;
            for (k, &p) in positions.iter().enumerate() {
                v.push_str(&word[last..p]);
                v.push(if mask & (1 << k) != 0 { 'ё' } else { 'е' });
                last = p + 'е'.len_utf8();
            }
            v.push_str(&word[last..]);
            base.push(v);
        }
    }
    let mut out = Vec::new();
    for w in base {
        let mut chars = w.chars();
        let title: String = match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        out.push(w.to_uppercase());
        out.push(title);
        out.push(w);
    }
    out
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

/// The character at byte `i` of `text` (a char boundary) and its length;
/// ASCII and two-byte characters (Latin, Cyrillic) decoded from their
/// bytes.
#[inline(always)]
pub(crate) fn next_char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    if let (0xc2..=0xdf, Some(&n)) = (b, bytes.get(i + 1)) {
        let u = (u32::from(b & 0x1f) << 6) | u32::from(n & 0x3f);
        if let Some(c) = char::from_u32(u) {
            return (c, 2);
        }
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// True for letters (`char::is_alphabetic`, pinned by a test), fast for
/// the scripts of the tables and for punctuation and currency signs.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{400}'..='\u{481}').contains(&c) || ('\u{48a}'..='\u{4ff}').contains(&c) {
        true
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '\u{d7}' && c != '\u{f7}'
    } else if is_sign(c) {
        false
    } else {
        c.is_alphabetic()
    }
}

/// General punctuation (dashes, quotes, invisible marks) and the currency
/// signs: no letter, no digit.
#[inline]
fn is_sign(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c) || ('\u{20a0}'..='\u{20cf}').contains(&c)
}

/// True for characters that make up words: letters and digits
/// (`char::is_alphanumeric`, pinned by a test).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{400}'..='\u{4ff}').contains(&c) {
        // Cyrillic: letters but for a few signs (҂ and the combining marks).
        !('\u{482}'..='\u{489}').contains(&c)
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '\u{d7}' && c != '\u{f7}'
    } else if is_sign(c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The words that may precede a number, keyed by their folded text
/// reversed: walking back from a position finds every such word that ends
/// there in one pass.
#[derive(Debug, Default)]
struct RevTrie {
    edges: std::collections::HashMap<(u32, char), u32, std::hash::BuildHasherDefault<FastHash>>,
    meanings: Vec<Vec<Meaning>>,
}

fn is_prefix_word(w: Word) -> bool {
    matches!(
        w,
        Word::Qual(_)
            | Word::RangeOpen
            | Word::CurBefore(_)
            | Word::CurGuessBefore(_)
            | Word::Minus
            | Word::PercentOf
    )
}

impl RevTrie {
    fn build(rows: &[&Entry]) -> RevTrie {
        let mut t = RevTrie {
            meanings: vec![Vec::new()],
            ..RevTrie::default()
        };
        for e in rows.iter().filter(|e| is_prefix_word(e.word)) {
            let m = Meaning {
                word: e.word,
                exact: e.exact.then_some(e.text),
            };
            t.insert(&fold_str(e.text), m);
            if let Some(stem) = e.text.strip_suffix('.')
                && stem.chars().last().is_some_and(char::is_alphabetic)
            {
                t.insert(
                    &fold_str(stem),
                    Meaning {
                        word: e.word,
                        exact: e.exact.then_some(stem),
                    },
                );
            }
        }
        t
    }

    fn insert(&mut self, key: &str, m: Meaning) {
        let mut n = 0u32;
        for c in key.chars().rev() {
            n = match self.edges.get(&(n, c)) {
                Some(&child) => child,
                None => {
                    let child = self.meanings.len() as u32;
                    self.meanings.push(Vec::new());
                    self.edges.insert((n, c), child);
                    child
                }
            };
        }
        if !self.meanings[n as usize]
            .iter()
            .any(|x| x.word == m.word && x.exact == m.exact)
        {
            self.meanings[n as usize].push(m);
        }
    }
}

/// A multiplicative hash for small integer keys (the build's edge index).
#[derive(Default)]
pub(crate) struct FastHash(u64);

impl std::hash::Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A meaning stored in the trie.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meaning {
    pub word: Word,
    /// For case-exact entries: the exact text required.
    pub exact: Option<&'static str>,
}

/// A node of the trie, in 16 bytes (four to a cache line: a walk loads
/// one per character).
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Where the node's meanings start in `Lexicon::meanings`.
    meaning_start: u32,
    meaning_len: u16,
    /// How many edges leave the node (saturated: only 0, 1 and more are
    /// told apart).
    edge_len: u16,
    /// The only edge of a node that has one (most nodes of a trie): its
    /// character and child, read without hashing.
    only: (u32, u32),
}

/// One entry found at a position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit<'l, 't> {
    /// Byte offset just past the match.
    pub end: usize,
    meanings: &'l [Meaning],
    surface: &'t str,
}

impl<'l, 't> Hit<'l, 't> {
    /// The meanings of the matched surface whose case fits.
    pub(crate) fn words(&self) -> impl Iterator<Item = Word> + '_ {
        self.meanings
            .iter()
            .filter(|m| m.exact.is_none_or(|e| e == self.surface))
            .map(|m| m.word)
    }

    /// The same, consuming the hit.
    pub(crate) fn into_words(self) -> impl Iterator<Item = Word> + use<'l, 't> {
        let surface = self.surface;
        self.meanings
            .iter()
            .filter(move |m| m.exact.is_none_or(|e| e == surface))
            .map(|m| m.word)
    }
}

/// A compiled table.
#[derive(Debug)]
pub(crate) struct Lexicon {
    nodes: Vec<Node>,
    meanings: Vec<Meaning>,
    /// Child of the root for each first character below U+0800 (ASCII,
    /// Latin, Cyrillic), by code point (0 = none): most lookups end after
    /// the first character or two, so the first one is read without a hash
    /// probe.
    root: [u32; ROOT_CHARS],
    /// Folded first characters of number words: ASCII as a mask, others listed.
    num_first_ascii: [bool; 128],
    num_first_other: Vec<char>,
    /// Every edge, hashed: (node << 32 | char, child).
    table: Vec<(u64, u32)>,
    /// The words that come before a number (qualifiers, range openers,
    /// currencies, minus words), reversed, to find those that end at a place.
    rev: RevTrie,
    /// Finds the words that may start a spelled-out number (their first
    /// word in any ASCII case, or in lower, title and upper case, "ё" and
    /// "е" both): an Aho–Corasick automaton over the bytes, run anchored
    /// at word starts only, so a contiguous NFA (its build costs a third of
    /// a DFA's; the walk is as short, dying at the first byte no word
    /// continues with).
    num_finder: Option<aho_corasick::nfa::contiguous::NFA>,
    /// The start keys of the automaton's words: most words of a text are
    /// refused by a bit test before the automaton is run at them.
    num_starts: Starts,
}

/// The entries of a language's lexicon: the common words, its table, its
/// CLDR currency names and the currency symbols.
fn rows(lang: Lang) -> Vec<&'static Entry> {
    let table = lang.table();
    common::WORDS
        .iter()
        .chain(table.words)
        .chain(table.cldr_currencies)
        .chain(crate::lang::cldr::symbols::SYMBOLS)
        .collect()
}

/// The first word, folded, of each entry that may start a spelled-out
/// number (number words but halves, scale words): what the number-word
/// automaton looks for.
fn number_first_words<'r, 'e>(rows: &'r [&'e Entry]) -> impl Iterator<Item = String> + use<'r, 'e> {
    rows.iter()
        .filter(|e| {
            matches!(
                e.word,
                Word::Num(_, p) if !matches!(p, crate::lang::Place::Half | crate::lang::Place::AndHalf)
            ) || matches!(
                e.word,
                Word::ScaleAlone(_) | Word::Scale(_, ScaleForm::Word | ScaleForm::LongScale)
            )
        })
        .map(|e| {
            let folded = fold_str(e.text);
            let first = folded.split([' ', '-', '\'']).next().unwrap_or("");
            first.to_string()
        })
}

/// The compiled lexicons, one per language, built on first use.
static LEXICONS: [LazyLock<Lexicon>; 4] = [
    LazyLock::new(|| Lexicon::build(Lang::En)),
    LazyLock::new(|| Lexicon::build(Lang::Fr)),
    LazyLock::new(|| Lexicon::build(Lang::De)),
    LazyLock::new(|| Lexicon::build(Lang::Ru)),
];

/// Currency names of other scripts (Arabic, Hebrew, CJK...), read only after
/// a number followed by such a script.
static FOREIGN: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::from_rows(crate::lang::cldr::names::FOREIGN_NAMES.iter()));

/// The lexicon of currency names in scripts none of the tables use.
pub(crate) fn foreign() -> &'static Lexicon {
    &FOREIGN
}

/// The compiled lexicon of a language.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    &LEXICONS[lang.index()]
}

/// A trie under construction.
#[derive(Default)]
struct Builder {
    /// How many nodes (the root is node 0).
    nodes: usize,
    /// Every edge: (node, char, child).
    edges: Vec<(u32, char, u32)>,
    /// Every meaning: (node, meaning).
    meanings: Vec<(u32, Meaning)>,
    /// (node, char) → child, for a fast build.
    index: std::collections::HashMap<(u32, char), u32, std::hash::BuildHasherDefault<FastHash>>,
}

impl Builder {
    /// Inserts `key`, folded here as [`fold_str`] does (white-space runs as
    /// one space), without building the folded string.
    fn insert(&mut self, key: &str, m: Meaning) {
        let mut n = 0u32;
        let mut space = false;
        for c in key.chars().map(fold) {
            if c == ' ' && space {
                continue;
            }
            space = c == ' ';
            let (nodes, edges) = (&mut self.nodes, &mut self.edges);
            n = *self.index.entry((n, c)).or_insert_with(|| {
                let child = *nodes as u32;
                *nodes += 1;
                edges.push((n, c, child));
                child
            });
        }
        self.meanings.push((n, m));
    }
}

impl Lexicon {
    fn build(lang: Lang) -> Lexicon {
        let table = lang.table();
        debug_assert_eq!(table.lang, lang);
        Self::from_rows(rows(lang).into_iter())
    }

    fn from_rows<'e>(rows: impl Iterator<Item = &'e Entry>) -> Lexicon {
        let rows: Vec<&Entry> = rows.collect();
        let mut b = Builder {
            nodes: 1,
            ..Builder::default()
        };
        b.index.reserve(rows.len() * 8);
        b.edges.reserve(rows.len() * 8);
        for &e in &rows {
            Self::insert_entry(&mut b, e);
        }
        let mut lx = Lexicon {
            nodes: Vec::with_capacity(b.nodes),
            meanings: Vec::new(),
            root: [0; ROOT_CHARS],
            num_finder: None,
            num_starts: Starts([0; 64]),
            num_first_ascii: [false; 128],
            num_first_other: Vec::new(),
            table: Vec::new(),
            rev: RevTrie::build(&rows),
        };
        let mut patterns: Vec<String> = Vec::new();
        for first in number_first_words(&rows) {
            if let Some(c) = first.chars().next() {
                if c.is_ascii() {
                    lx.num_first_ascii[c as usize] = true;
                } else if !lx.num_first_other.contains(&c) {
                    lx.num_first_other.push(c);
                }
            }
            match first.as_str() {
                "" => {}
                // The automaton ignores ASCII case: one form is enough.
                f if f.is_ascii() => patterns.push(first),
                f => patterns.extend(case_variants(f)),
            }
        }
        patterns.sort();
        patterns.dedup();
        lx.num_starts = Starts::of_words(&patterns);
        lx.num_finder = aho_corasick::nfa::contiguous::NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .ok();
        // Group edges and meanings by node, in linear time (a stable counting
        // sort: meanings keep their table order).
        b.edges = group_by_node(std::mem::take(&mut b.edges), b.nodes, |e| e.0);
        b.meanings = group_by_node(std::mem::take(&mut b.meanings), b.nodes, |m| m.0);
        b.meanings
            .dedup_by(|a, b| a.0 == b.0 && a.1.word == b.1.word && a.1.exact == b.1.exact);
        let (mut ei, mut mi) = (0, 0);
        // Where each node's edges start in `b.edges`, for the table below.
        let mut edge_starts = Vec::with_capacity(b.nodes);
        for node in 0..b.nodes as u32 {
            let e0 = ei;
            while ei < b.edges.len() && b.edges[ei].0 == node {
                ei += 1;
            }
            let m0 = mi;
            while mi < b.meanings.len() && b.meanings[mi].0 == node {
                mi += 1;
            }
            let children = &b.edges[e0..ei];
            edge_starts.push(e0);
            lx.nodes.push(Node {
                meaning_start: m0 as u32,
                // A node holds a handful of meanings (pinned by a test).
                meaning_len: u16::try_from(mi - m0).unwrap_or(u16::MAX),
                edge_len: u16::try_from(ei - e0).unwrap_or(u16::MAX),
                only: match children {
                    [(_, c, n)] => (*c as u32, *n),
                    _ => (u32::MAX, 0),
                },
            });
        }
        lx.meanings = b.meanings.iter().map(|&(_, m)| m).collect();
        for &(n, c, child) in &b.edges {
            if n == 0 && (c as usize) < ROOT_CHARS {
                lx.root[c as usize] = child;
            }
        }
        // The edge table, at most half full, of the edges `child` does not
        // read otherwise: those of the root (but its first characters below
        // U+0800) and of the nodes with several. A small table stays in
        // cache.
        let hashed = |node: usize, n: &Node| node == 0 || n.edge_len > 1;
        let edges_of = |node: usize| {
            let end = edge_starts.get(node + 1).copied();
            &b.edges[edge_starts[node]..end.unwrap_or(b.edges.len())]
        };
        let in_table: usize = lx
            .nodes
            .iter()
            .enumerate()
            .filter(|&(node, n)| hashed(node, n))
            .map(|(node, _)| edges_of(node).len())
            .sum();
        let size = (in_table * 2).next_power_of_two().max(16);
        lx.table = vec![(EMPTY, 0); size];
        let mask = size - 1;
        for (node, n) in lx.nodes.iter().enumerate() {
            if !hashed(node, n) {
                continue;
            }
            for &(_, c, child) in edges_of(node) {
                if node == 0 && (c as usize) < ROOT_CHARS {
                    continue;
                }
                let key = ((node as u64) << 32) | u64::from(c as u32);
                let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
                while lx.table[i].0 != EMPTY {
                    i = (i + 1) & mask;
                }
                lx.table[i] = (key, child);
            }
        }
        lx
    }

    fn insert_entry(b: &mut Builder, e: &Entry) {
        let m = Meaning {
            word: e.word,
            exact: e.exact.then_some(e.text),
        };
        b.insert(e.text, m);
        // "Mrd." is also written "Mrd".
        if let Some(stem) = e.text.strip_suffix('.')
            && stem.chars().last().is_some_and(char::is_alphabetic)
        {
            let m = Meaning {
                word: e.word,
                exact: e.exact.then_some(stem),
            };
            b.insert(stem, m);
        }
    }

    #[inline]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 && (c as usize) < ROOT_CHARS {
            let n = self.root[c as usize];
            return (n != 0).then_some(n);
        }
        let n = &self.nodes[node as usize];
        if n.edge_len == 1 {
            return (n.only.0 == c as u32).then_some(n.only.1);
        }
        if n.edge_len == 0 {
            return None;
        }
        // One open-addressing table of every edge: (node, char) → child.
        let key = (u64::from(node) << 32) | u64::from(c as u32);
        let mask = self.table.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        loop {
            let (k, child) = self.table[i];
            if k == key {
                return Some(child);
            }
            if k == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
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

    /// True when some entry starts with this (folded) character.
    #[inline]
    pub(crate) fn may_start(&self, c: char) -> bool {
        self.child(0, fold(c)).is_some()
    }

    /// Calls `f(start, word)` for every word that may precede a number and
    /// ends exactly at `end` (case-exact entries checked), nearest first.
    pub(crate) fn prefixes_ending_at(
        &self,
        text: &str,
        end: usize,
        mut f: impl FnMut(usize, Word),
    ) {
        let mut node = 0u32;
        let mut i = end;
        while let Some(c) = text[..i].chars().next_back() {
            if node != 0 && is_format(c) {
                // Invisible inside a word: "mi\u{ad}nus".
                i -= c.len_utf8();
                continue;
            }
            let folded = fold(c);
            let Some(&next) = self.rev.edges.get(&(node, folded)) else {
                break;
            };
            node = next;
            i -= c.len_utf8();
            if folded == ' ' {
                // The whole white-space run (no paragraph break).
                let mut newlines = usize::from(c == '\n');
                while let Some(d) = text[..i].chars().next_back() {
                    if fold(d) != ' ' || (d == '\n' && newlines > 0) {
                        break;
                    }
                    newlines += usize::from(d == '\n');
                    i -= d.len_utf8();
                }
            }
            for m in &self.rev.meanings[node as usize] {
                if m.exact.is_none_or(|e| e == &text[i..end]) {
                    f(i, m.word);
                }
            }
        }
    }

    /// Whether a word that may start a spelled-out number begins right at
    /// `start` and ends by `to`, on a word boundary. A first word of one
    /// or two letters counts only whole: "a" does not start "about", nor
    /// "un" "until" (no such word glues to another); longer ones may start a
    /// glued compound ("zweihundert", "трехлетние").
    ///
    /// The automaton is walked by hand from its anchored start at `start`
    /// until it dies, every word that matches reported where it ends
    /// (standard semantics), and a match counts when it starts at `start`
    /// (a reported match may be a word that ends there but started later).
    /// The callers ask at word starts
    /// ([`crate::extract`]'s tokens, runs of letters and digits): every
    /// first word starts with a letter (pinned by a test), so that no start
    /// on a word boundary is missed; each start is first filtered by its
    /// key ([`Lexicon::may_start_number_key`]).
    pub(crate) fn number_word_at(&self, text: &str, start: usize, to: usize) -> bool {
        use aho_corasick::automaton::Automaton;
        let Some(nfa) = self.num_finder.as_ref() else {
            return false;
        };
        let Ok(mut sid) = nfa.start_state(aho_corasick::Anchored::Yes) else {
            return false;
        };
        // Every match that starts at `start` ends within the longest pattern.
        let end = to.min(start.saturating_add(nfa.max_pattern_len()));
        let bytes = text.as_bytes();
        for at in start + 1..=end {
            sid = nfa.next_state(aho_corasick::Anchored::Yes, sid, bytes[at - 1]);
            if !nfa.is_special(sid) {
                continue;
            }
            if nfa.is_dead(sid) {
                return false;
            }
            if !nfa.is_match(sid) {
                continue;
            }
            for k in 0..nfa.match_len(sid) {
                if at - nfa.pattern_len(nfa.match_pattern(sid, k)) == start
                    && number_match_passes(text, start, at)
                {
                    return true;
                }
            }
        }
        false
    }

    /// False only when no word that starts a spelled-out number has this
    /// start key ([`start_key`] of the position): most words of a text.
    #[inline]
    pub(crate) fn may_start_number_key(&self, key: Option<u64>) -> bool {
        self.num_starts.may_start_key(key)
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
            text_ptr: pos,
        };
        let bytes = text.as_bytes();
        if pos >= bytes.len() || !text.is_char_boundary(pos) {
            return out;
        }
        let mut node = 0u32;
        let mut i = pos;
        while i < bytes.len() {
            // The next character, folded: ASCII by table, the rest decoded.
            let (c, len) = next_char_at(text, i);
            if len > 1 && node != 0 && is_format(c) {
                // Invisible inside a word: "mil\u{ad}lion" is "million".
                i += len;
                continue;
            }
            let f = fold(c);
            let Some(next) = self.child(node, f) else {
                break;
            };
            node = next;
            let mut end = i + len;
            if f == ' ' {
                // Swallow the whole white-space run (but not a paragraph break).
                let mut newlines = usize::from(c == '\n');
                while end < bytes.len() {
                    let (d, dl) = next_char_at(text, end);
                    if fold(d) != ' ' {
                        break;
                    }
                    newlines += usize::from(d == '\n');
                    if newlines > 1 {
                        return out;
                    }
                    end += dl;
                }
            }
            let n = &self.nodes[node as usize];
            if n.meaning_len > 0 {
                let boundary_ok = !bounded || !is_word_char(c) || {
                    // The next visible character ("million\u{ad}s" goes on).
                    let (next, at) = next_visible(text, end);
                    let nl = next.len_utf8();
                    // "c'est", "l'an": an apostrophe followed by a letter continues the word.
                    let elided = matches!(next, '\'' | '’')
                        && at + nl < bytes.len()
                        && is_letter(next_char_at(text, at + nl).0);
                    !(is_letter(next) || elided)
                };
                if boundary_ok && out.len < MAX_HITS {
                    out.items[out.len] = ((end - pos) as u32, node);
                    out.len += 1;
                }
            }
            i = end;
        }
        out
    }

    fn meanings_of(&self, node: u32) -> &[Meaning] {
        let n = &self.nodes[node as usize];
        let start = n.meaning_start as usize;
        &self.meanings[start..start + usize::from(n.meaning_len)]
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

const MAX_HITS: usize = 6;

/// An empty slot of the edge table (no node has this number).
const EMPTY: u64 = u64::MAX;

/// The matches at one position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hits<'l> {
    /// (end − start, node) of each hit, shortest first.
    items: [(u32, u32); MAX_HITS],
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
            .map(move |&(len, node)| {
                let end = start + len as usize;
                Hit {
                    end,
                    meanings: self.lex.meanings_of(node),
                    surface: &text[start..end],
                }
            })
    }
}

/// A match of the number-word automaton from `start` to `at` counts: a
/// first word of one or two characters is whole (not followed by a
/// letter), and the match starts a word (through invisible characters:
/// "capst\u{ad}one" has no "one").
fn number_match_passes(text: &str, start: usize, at: usize) -> bool {
    let short = text[start..at].chars().nth(2).is_none();
    if short && text[at..].chars().next().is_some_and(is_letter) {
        return false;
    }
    !text[..start]
        .trim_end_matches(is_format)
        .chars()
        .next_back()
        .is_some_and(is_word_char)
}

/// A filter on the first letters of some table words: before a lookup,
/// the up to three letters that start a position say whether any word of
/// interest may start there (a bit set, so that most words of a text cost
/// a few instructions instead of a trie walk).
#[derive(Debug)]
pub(crate) struct Starts([u64; 64]);

impl Starts {
    /// The starts of the words of `lang`'s lexicon whose meaning `pick`
    /// accepts.
    pub(crate) fn of(lang: Lang, pick: impl Fn(Word) -> bool) -> Starts {
        Starts::of_words(
            rows(lang)
                .into_iter()
                .filter(|e| pick(e.word))
                .map(|e| fold_str(e.text)),
        )
    }

    /// False only when no word of interest has this start key
    /// ([`start_key`] of a position); true when one may (or when the key is
    /// unsure, `None`: an invisible character among the first letters).
    #[inline]
    pub(crate) fn may_start_key(&self, key: Option<u64>) -> bool {
        key.is_none_or(|key| {
            let b = start_bit(key);
            self.0[b / 64] & (1 << (b % 64)) != 0
        })
    }

    /// The starts of these words (each given in any case; table words hold
    /// no invisible characters, so each has a key).
    fn of_words(words: impl IntoIterator<Item = impl AsRef<str>>) -> Starts {
        let mut bits = [0u64; 64];
        for w in words {
            if let Some(key) = start_key(w.as_ref(), 0) {
                let b = start_bit(key);
                bits[b / 64] |= 1 << (b % 64);
            }
        }
        Starts(bits)
    }
}

/// A [`Starts`] for each language, each built when its language is first
/// read (a text in one language builds one).
pub(crate) struct LangStarts {
    pick: fn(Word) -> bool,
    sets: [std::sync::OnceLock<Starts>; 4],
}

impl LangStarts {
    /// The starts of the words whose meaning `pick` accepts.
    pub(crate) const fn new(pick: fn(Word) -> bool) -> LangStarts {
        LangStarts {
            pick,
            sets: [const { std::sync::OnceLock::new() }; 4],
        }
    }

    /// The starts of `lang`'s words.
    pub(crate) fn get(&self, lang: Lang) -> &Starts {
        self.sets[lang.index()].get_or_init(|| Starts::of(lang, self.pick))
    }
}

/// The folded letters, up to three, at the start of `text[pos..]` (a
/// non-letter ends them), packed; `None` when an invisible character
/// comes first (a lookup skips those inside a word).
#[inline(always)]
pub(crate) fn start_key(text: &str, pos: usize) -> Option<u64> {
    let bytes = text.as_bytes();
    let mut key = 0u64;
    let mut i = pos;
    for _ in 0..3 {
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b < 0x80 {
            // ASCII: a letter folds by its case bit; anything else ends.
            if !b.is_ascii_alphabetic() {
                break;
            }
            key = (key << 21) | u64::from(b | 0x20);
            i += 1;
            continue;
        }
        let (c, len) = next_char_at(text, i);
        let f = match c as u32 {
            // The tables' letters (Cyrillic, Latin-1): no format character,
            // folded by range (pinned to `fold` by a test).
            0x430..=0x44f | 0xdf..=0xf6 | 0xf8..=0xff => c,
            u @ (0x410..=0x42f | 0xc0..=0xd6 | 0xd8..=0xde) => {
                char::from_u32(u + 0x20).unwrap_or(c)
            }
            _ => {
                if is_format(c) {
                    return None;
                }
                let f = fold(c);
                if !is_letter(f) {
                    break;
                }
                f
            }
        };
        key = (key << 21) | u64::from(f as u32);
        i += len;
    }
    Some(key)
}

/// The bit of a start in a [`Starts`] (starts may share one).
#[inline]
fn start_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ScaleForm;

    /// What `number_word_at` and its callers rely on: a first word starts
    /// with a letter (so it starts a token), its non-letters come only at
    /// its end ("mrd."), and a first word of one or two characters is
    /// letters only; and the key filter lets each of its forms through,
    /// whatever follows it.
    #[test]
    fn ok_number_first_words_have_their_letters_first() {
        for lang in Lang::ALL {
            let lx = lexicon(lang);
            for first in number_first_words(&rows(lang)) {
                let first = first.as_str();
                assert!(
                    first.chars().next().is_some_and(char::is_alphabetic),
                    "{lang:?} {first:?}"
                );
                let letters = first.trim_end_matches(|c: char| !c.is_alphabetic());
                assert!(
                    letters.chars().all(char::is_alphabetic),
                    "{lang:?} {first:?}"
                );
                let short = first.chars().count() <= 2;
                if short {
                    assert_eq!(letters, first, "{lang:?} {first:?}");
                }
                let forms = if first.is_ascii() {
                    vec![first.to_string(), first.to_uppercase()]
                } else {
                    case_variants(first)
                };
                for form in forms {
                    // A short word counts only before a non-letter.
                    let after: &[&str] = if short {
                        &[" ", "", "1"]
                    } else {
                        &[" ", "x", "1", "я"]
                    };
                    for a in after {
                        let text = format!("{form}{a}");
                        assert!(
                            lx.may_start_number_key(start_key(&text, 0)),
                            "{lang:?} {text:?}"
                        );
                        assert!(lx.number_word_at(&text, 0, text.len()), "{lang:?} {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn ok_nodes_hold_every_meaning() {
        // The 16-bit counts of the nodes lose nothing: the nodes' meanings
        // follow each other and add up to all of them, and no edge count
        // is saturated.
        for lang in Lang::ALL {
            let lx = lexicon(lang);
            let counted: usize = lx.nodes.iter().map(|n| usize::from(n.meaning_len)).sum();
            assert_eq!(counted, lx.meanings.len(), "{lang:?}");
            let mut next = 0;
            for n in &lx.nodes {
                assert_eq!(n.meaning_start as usize, next, "{lang:?}");
                next += usize::from(n.meaning_len);
            }
            assert!(lx.nodes.iter().all(|n| n.edge_len < u16::MAX), "{lang:?}");
        }
    }

    /// `start_key`'s folds by range are `fold` on those letters.
    #[test]
    fn ok_start_key_is_the_fold_of_each_character() {
        for c in (0x80..0x3_0000).filter_map(char::from_u32) {
            let text = format!("{c}ab");
            let f = fold(c);
            let want = if is_format(c) {
                None
            } else if is_letter(f) {
                Some(((u64::from(f as u32) << 21) | u64::from(b'a')) << 21 | u64::from(b'b'))
            } else {
                Some(0)
            };
            assert_eq!(start_key(&text, 0), want, "{c:?}");
        }
    }

    #[test]
    fn ok_next_char_at_decodes_as_std() {
        let text: String = (0..0x3_0000).filter_map(char::from_u32).collect();
        let mut i = 0;
        for c in text.chars() {
            assert_eq!(next_char_at(&text, i), (c, c.len_utf8()), "{c:?}");
            i += c.len_utf8();
        }
    }

    #[test]
    fn ok_letter_tests_are_the_standard_ones() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn ok_find_format_short_and_long_agree() {
        let pieces = [
            "a",
            "1",
            " ",
            "é",
            "\u{ad}",
            "\u{200b}",
            "\u{202e}",
            "\u{feff}",
            "\u{1}",
            "\t",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "млн",
            "€",
            "\u{fffd}",
            "\u{e0041}",
            "\u{61c}",
            "\u{2066}",
            "ā",
            "\u{3000}",
            "\n",
        ];
        let mut seed = 11u64;
        for n in 0..200 {
            let s: String = (0..n % 40)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    pieces[(seed >> 33) as usize % pieces.len()]
                })
                .collect();
            let plain = s
                .char_indices()
                .find(|&(_, c)| is_format(c))
                .map(|(i, _)| i);
            assert_eq!(find_format(&s), plain, "{s:?}");
            // The same text made long enough for the `memchr` passes.
            let long = format!("{}{s}", "x".repeat(64));
            assert_eq!(find_format(&long), plain.map(|i| i + 64), "{s:?}");
        }
    }

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
    fn ok_lookup_skips_format_chars_inside_words() {
        for text in ["mil\u{ad}lion ", "mil\u{200b}lion ", "million\u{ad} "] {
            let hits = words_at(Lang::En, text);
            assert!(
                hits.iter()
                    .any(|(_, w)| *w == Word::Scale(6, ScaleForm::Word)),
                "{text:?}: {hits:?}"
            );
        }
        // Not at the start of a word, and "million\u{ad}s" is "millions".
        assert!(words_at(Lang::En, "\u{200b}million").is_empty());
        let hits = words_at(Lang::En, "million\u{ad}s ");
        assert!(hits.iter().all(|(end, _)| *end == 10), "{hits:?}");
        assert!(is_format('\u{feff}') && is_format('\u{ad}') && !is_format('\u{2007}'));
    }

    #[test]
    fn ok_find_format_every_char() {
        // Every character, at every position of an eight-byte chunk.
        for u in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            for pad in [0, 3, 7, 8] {
                let s = format!("{}{c}ab", "x".repeat(pad));
                let naive = s
                    .char_indices()
                    .find(|&(_, d)| is_format(d))
                    .map(|(i, _)| i);
                assert_eq!(find_format(&s), naive, "U+{u:04X} after {pad}");
            }
        }
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
