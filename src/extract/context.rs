//! Stage 3, context: fields that come from the sentence around a figure —
//! loss polarity, period adjectives, qualifying verbs, the new level of a
//! change ("до 41%"), "over six years" as a duration, and the currency of
//! a sentence for its bare scaled numbers.

use super::tokens::{Token, first_at};
use super::*;
use crate::lexicon::start_key;

/// "выросла на 7 п.п., до 41%", "замедлилась до 9,4%": after a change
/// figure and a comma, or right after a verb of change, a word that is both
/// "up to" and the "to" of a range ("до") starts the new level, not a
/// maximum. The figure then starts after that word.
pub(super) fn change_target(cx: &Cx<'_>, text: &str, prev_end: Option<usize>, f: &mut Found) {
    if f.figure.qualifier != Qualifier::AtMost {
        return;
    }
    let after_change = prev_end.is_some_and(|e| text[e..f.start].trim_matches(is_blank) == ",");
    let after_verb = || {
        prev_word_start(text, f.start).is_some_and(|ws| {
            cx.lx
                .find(text, ws, |w| (w == Word::ChangeVerb).then_some(()))
                .is_some_and(|((), e)| text[e..f.start].chars().all(is_blank))
        })
    };
    if !after_change && !after_verb() {
        return;
    }
    let Some(((), word_end)) = cx.lx.find(text, f.start, |w| {
        matches!(w, Word::RangeSep { .. }).then_some(())
    }) else {
        return;
    };
    drop_qualifier_word(text, word_end, f, Rule::ChangeTarget, "at most (up to)");
}

/// The figure loses the qualifier word that ends at `word_end`: it starts
/// after it and is exact; the qualified reading becomes an alternative.
pub(super) fn drop_qualifier_word(
    text: &str,
    word_end: usize,
    f: &mut Found,
    rule: Rule,
    reading: &str,
) {
    let start = skip_blanks(text, word_end);
    if start >= f.end {
        return;
    }
    f.start = start;
    f.figure.qualifier = Qualifier::Exact;
    f.figure.alternatives.push(Alternative {
        rule,
        reading: reading.to_string(),
    });
}

/// "paid over six years", "ein Vertrag über zwölf Jahre": a qualifier that
/// is also a preposition of time, before a duration, means "during": the
/// figure starts after it and is exact ("more than" is the alternative).
pub(super) fn during(cx: &Cx<'_>, text: &str, f: &mut Found) {
    if f.figure.kind != Kind::Duration || f.figure.qualifier != Qualifier::Over {
        return;
    }
    let Some(((), word_end)) = cx
        .lx
        .find(text, f.start, |w| (w == Word::During).then_some(()))
    else {
        return;
    };
    // "over thirty years old", "over 20 years ago": more than.
    let next = skip_blanks(text, f.end);
    if cx
        .lx
        .find(text, next, |w| {
            matches!(w, Word::Age | Word::Ago).then_some(())
        })
        .is_some()
    {
        return;
    }
    drop_qualifier_word(text, word_end, f, Rule::DuringNotOver, "more than");
}

/// The starts of the words before `pos`, nearest first, staying in the
/// sentence and after `floor`, each with its start key. A word is a chain
/// of tokens joined by hyphens, apostrophes or invisible characters
/// ("long-term", "l'annuel"), starting at its first visible character; the
/// walk jumps over the tokens and reads only the characters between them
/// (a property test pins it to the same walk made a character at a time).
pub(super) struct WordsBack<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// How many tokens start before `pos` (at most).
    k: usize,
    pos: usize,
    floor: usize,
}

impl<'t> WordsBack<'t> {
    pub(super) fn new(text: &'t str, tokens: &'t [Token], pos: usize, floor: usize) -> Self {
        WordsBack {
            text,
            tokens,
            k: first_at(tokens, pos),
            pos,
            floor,
        }
    }
}

/// A character that joins the tokens of one word.
fn is_joiner_char(c: char) -> bool {
    is_format(c) || matches!(c, '-' | '\'' | '’')
}

impl Iterator for WordsBack<'_> {
    type Item = (usize, Option<u64>);
    fn next(&mut self) -> Option<(usize, Option<u64>)> {
        let (text, tokens, floor) = (self.text, self.tokens, self.floor);
        let mut i = self.pos;
        while self.k > 0 && tokens[self.k - 1].start >= i {
            self.k -= 1;
        }
        // Skip the separators back to the token before; stop at a sentence
        // end.
        let word_end = match self.k {
            0 => 0,
            k => tokens[k - 1].end.min(i),
        };
        while i > word_end && i > floor {
            let (c, len) = char_ending_at(text, i)?;
            if matches!(c, '!' | '?' | ';' | '\n')
                || (c == '.' && next_char(text, i).is_some_and(char::is_whitespace))
            {
                return None;
            }
            i -= len;
        }
        if i <= floor || self.k == 0 {
            return None;
        }
        // Back over the chain of tokens and joiners.
        let end = i;
        let mut j = self.k;
        loop {
            i = tokens[j - 1].start.max(floor);
            if i <= floor {
                break;
            }
            let prev_end = if j >= 2 { tokens[j - 2].end } else { 0 };
            while i > prev_end && i > floor {
                match char_ending_at(text, i) {
                    Some((c, len)) if is_joiner_char(c) => i -= len,
                    _ => break,
                }
            }
            if i != prev_end || i <= floor || j < 2 {
                break;
            }
            j -= 1;
        }
        // A word starts at its first visible character.
        let ws = format_run_after(text, i).min(end);
        if ws == end {
            return None;
        }
        self.pos = ws;
        self.k = j;
        let key = if ws == tokens[j - 1].start {
            tokens[j - 1].key
        } else {
            start_key(text, ws)
        };
        Some((ws, key))
    }
}

/// For each language, the starts of the words that `enrich` looks for.
static CONTEXT_STARTS: LangStarts = LangStarts::new(|w| {
    matches!(
        w,
        Word::Loss | Word::PeriodAdj(_) | Word::QualVerb(_) | Word::Total
    )
});

/// Context fields: loss polarity, period adjectives, qualifying verbs.
/// `floors`: the end of the previous figure, and of the previous money
/// figure (a period adjective skips over a percentage to its money figure).
pub(super) fn enrich(
    cx: &Cx<'_>,
    text: &str,
    tokens: &[Token],
    start: usize,
    floors: (usize, usize),
    f: &mut Figure,
) {
    if f.kind == Kind::Number {
        return;
    }
    let money = f.kind == Kind::Money;
    let (prev_end, money_floor) = floors;
    let (mut want_loss, mut want_period, mut want_verb) = (
        money,
        money && f.period.is_none(),
        f.qualifier == Qualifier::Exact,
    );
    let floor = if money { money_floor } else { prev_end };
    let back = WordsBack::new(text, tokens, start, floor);
    for (n, (ws, key)) in back.take(24).enumerate() {
        if !(want_loss || want_period || want_verb) {
            break;
        }
        let near = ws >= prev_end;
        let Some(c) = text[ws..].chars().next() else {
            break;
        };
        if !cx.lx.may_start(c) || !CONTEXT_STARTS.get(cx.t.lang).may_start_key(key) {
            continue;
        }
        let hits = cx.lx.hits_at(text, ws);
        let mut total = false;
        for w in hits.iter(text).flat_map(|h| h.into_words()) {
            match w {
                Word::Loss if want_loss && near && n < 6 => {
                    f.polarity = Polarity::Loss;
                    f.inferred.push("polarity");
                    want_loss = false;
                }
                Word::PeriodAdj(p) if want_period => {
                    f.period = Some(p);
                    f.inferred.push("period");
                    want_period = false;
                }
                Word::QualVerb(q) if want_verb && near && n < 2 => {
                    f.qualifier = q;
                    f.inferred.push("qualifier");
                    want_verb = false;
                }
                Word::Total => total = true,
                _ => {}
            }
        }
        if total {
            want_period = false;
        }
        if n >= 6 {
            want_loss = false;
        }
        if n >= 2 {
            want_verb = false;
        }
    }
}

/// A bare scaled number ("2 billion") takes the currency of its sentence
/// when the sentence names exactly one; when it names several, the
/// currency of the nearest money figure before it ("142 billion USDT, up
/// from 118 billion, and $1.3 billion": 118 billion USDT).
pub(super) fn currency_from_sentence(text: &str, para: &mut [Found]) {
    let mut i = 0;
    while i < para.len() {
        // The sentence: figures i..j with no sentence end between them.
        let mut j = i + 1;
        while j < para.len() && !has_sentence_end(&text[para[j - 1].end..para[j].start]) {
            j += 1;
        }
        // A currency name read by its country counts as written.
        let written = |g: &Found| {
            g.figure.kind == Kind::Money
                && (!g.figure.inferred.contains(&"currency")
                    || g.figure
                        .alternatives
                        .iter()
                        .any(|a| a.rule == Rule::CurrencyByPlace))
        };
        let mut currencies = para[i..j]
            .iter()
            .filter(|g| written(g))
            .filter_map(|g| g.figure.currency);
        let only = currencies.next().filter(|c| currencies.all(|d| d == *c));
        for k in i..j {
            let word_scale = matches!(para[k].figure.scale, Some(s) if s.exponent() >= 3);
            if para[k].figure.kind != Kind::Number || !word_scale {
                continue;
            }
            let Some(c) = only.or_else(|| {
                para[i..k]
                    .iter()
                    .rev()
                    .find(|g| written(g))
                    .and_then(|g| g.figure.currency)
            }) else {
                continue;
            };
            // The money figures nearby: is a bracket between them and the
            // bare number ("1.6 billion ($2.54 billion)" converts from
            // another currency)?
            let (fs, fe) = (para[k].start, para[k].end);
            let near = k.saturating_sub(8).max(i)..(k + 9).min(j);
            let apart = para[near]
                .iter()
                .filter(|g| g.figure.kind == Kind::Money)
                .all(|g| {
                    let gap = if g.end <= fs {
                        &text[g.end..fs]
                    } else {
                        &text[fe..g.start.max(fe)]
                    };
                    gap.contains(['(', ')', '[', ']'])
                });
            if apart {
                continue;
            }
            let f = &mut para[k].figure;
            f.kind = Kind::Money;
            f.currency = Some(c);
            f.inferred.push("currency");
            f.alternatives.push(Alternative {
                rule: Rule::FromContext,
                reading: "a bare number (no currency written)".into(),
            });
        }
        i = j;
    }
}

pub(super) fn has_sentence_end(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'!' | b'?' | b';' | b'\n')
            || (c == b'.' && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()))
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens;
    use super::*;
    use proptest::prelude::*;

    /// The word starts before `pos` walked a character at a time: the
    /// definition [`WordsBack`] reads from the tokens.
    fn reference(text: &str, mut pos: usize, floor: usize) -> Vec<usize> {
        let mut out = Vec::new();
        loop {
            let mut i = pos;
            while let Some((c, len)) = char_ending_at(text, i) {
                if i <= floor || is_word_char(c) {
                    break;
                }
                if matches!(c, '!' | '?' | ';' | '\n')
                    || (c == '.' && next_char(text, i).is_some_and(char::is_whitespace))
                {
                    return out;
                }
                i -= len;
            }
            if i <= floor {
                return out;
            }
            let end = i;
            while let Some((c, len)) = char_ending_at(text, i) {
                if i <= floor || !(is_word_char(c) || is_joiner_char(c)) {
                    break;
                }
                i -= len;
            }
            let ws = format_run_after(text, i).min(end);
            if ws == end {
                return out;
            }
            out.push(ws);
            pos = ws;
        }
    }

    const CHARS: &[char] = &[
        'a', 'B', '7', ' ', ' ', '-', '\'', '’', '.', '!', '?', ';', '\n', ',', '$', 'é', 'д', '×',
        '\u{ad}', '\u{200b}', '\u{a0}', '中',
    ];

    proptest! {
        #[test]
        fn prop_words_back_is_the_character_walk(
            picks in proptest::collection::vec(0..CHARS.len(), 0..50),
            at in (0usize..50, 0usize..50),
        ) {
            let (text, (floor, pos)) = tokens::drawn(CHARS, &picks, at);
            let mut toks = Vec::new();
            tokens::tokens(&text, 0, text.len(), &mut toks);
            let got: Vec<(usize, Option<u64>)> = WordsBack::new(&text, &toks, pos, floor).collect();
            let want = reference(&text, pos, floor);
            let starts: Vec<usize> = got.iter().map(|g| g.0).collect();
            prop_assert_eq!(&starts, &want, "{:?} pos {} floor {}", text, pos, floor);
            for (ws, key) in got {
                prop_assert_eq!(key, start_key(&text, ws), "{:?} at {}", text, ws);
            }
        }
    }
}
