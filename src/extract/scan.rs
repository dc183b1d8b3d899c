//! Stage 1, scanning: the places where a figure may start (a digit, a
//! spelled number word) and, from each, the grammar run from the earliest
//! prefix that belongs to it (currency, sign, qualifier, range opener). The
//! first reading that covers the anchor and passes `reject` is the figure.

use super::tokens::{Token, first_at};
use super::*;

pub(super) fn scan_paragraph(
    text: &str,
    ps: usize,
    pe: usize,
    r: &Reading<'_>,
    out: &mut Vec<Found>,
    stats: &mut Stats,
) {
    let lang = r.lang;
    // Invisible format characters are rare: without any, their rules are
    // not looked for.
    let formats = find_format(&text[ps..pe]).is_some();
    let cx = Cx {
        local: r.opts.local_currency,
        formats,
        ..Cx::new(text, lang)
    };
    stats.bytes += (pe - ps) as u64;
    let mut pos = ps;
    let mut floor = ps;
    let mut money_floor = ps;
    let mut digit_cache = None;
    let mut format_cache = (!formats).then_some(None);
    let reversed = reversed_spans(text, ps, pe);
    while pos < pe {
        let found = next_anchor(
            &cx,
            text,
            r.tokens,
            pos,
            pe,
            &mut digit_cache,
            &mut format_cache,
        );
        let Some(anchor) = found else {
            break;
        };
        stats.anchors += 1;
        let mut step = figure_at(&cx, text, anchor, floor, pe, lang);
        if !r.others.is_empty() {
            step = best_reading(step, r, text, anchor, floor, pe, formats);
        }
        let in_reversed = |a0: usize, b0: usize| reversed.iter().any(|&(a, b)| a < b0 && a0 < b);
        if let Step::Found(f) = &step
            && !reversed.is_empty()
            && (in_reversed(f.start, f.end)
                || joined_to(&cx, text, f.end, pe, |p| {
                    let e = parse_raw(text, p, lang).map_or(p + 1, |r| r.end);
                    in_reversed(p, e)
                }))
        {
            // Shown right to left ("\u{202e}0001 $" displays as "$ 1000"):
            // what the reader sees is not what is written; nor is the figure
            // whose range end or list scale is shown so.
            step = Step::Skip(f.end);
        }
        match step {
            Step::Found(mut f) => {
                pos = f.end.max(anchor + 1);
                let prev_end = out
                    .last()
                    .filter(|p| p.end <= f.start && p.start >= ps)
                    .map(|p| p.end);
                change_target(&cx, text, prev_end, &mut f);
                during(&cx, text, &mut f);
                let floors = (floor, money_floor);
                enrich(&cx, text, r.tokens, f.start, floors, &mut f.figure);
                floor = f.end;
                if f.figure.kind == Kind::Money {
                    money_floor = f.end;
                }
                out.push(f);
            }
            Step::Skip(to) => pos = to.max(anchor + 1),
        }
        while pos < pe && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    stats.parses += cx.parses.get();
}

/// Text in no known language: read the figure in every candidate language
/// and keep the longest reading; between readings of the same span, a lone
/// separator before three digits groups thousands unless a scale word
/// follows (the rule of `parse` with no language).
pub(super) fn best_reading(
    first: Step,
    r: &Reading<'_>,
    text: &str,
    anchor: usize,
    floor: usize,
    pe: usize,
    formats: bool,
) -> Step {
    // Another language can only read more, or differently, where a
    // separator touches the digits: a lone separator inside the figure, or
    // one followed by three digits after it.
    if let Step::Found(f) = &first {
        let rest = &text[f.end..];
        let sep_len = rest
            .chars()
            .next()
            .filter(|c| c.is_whitespace() || matches!(c, '.' | ',' | '\'' | '’'))
            .map_or(0, char::len_utf8);
        let after = rest.as_bytes();
        let more = sep_len > 0
            && after.len() >= sep_len + 3
            && after[sep_len..sep_len + 3].iter().all(u8::is_ascii_digit);
        if f.figure.lone_group.is_none() && !more {
            return first;
        }
    }
    let mut best = first;
    for &l in r.others {
        let cx = Cx {
            local: r.opts.local_currency,
            formats,
            ..Cx::new(text, l)
        };
        let step = figure_at(&cx, text, anchor, floor, pe, l);
        let better = match (&best, &step) {
            (Step::Found(a), Step::Found(b)) => {
                let (la, lb) = (a.end - a.start, b.end - b.start);
                let rule = |f: &Found| crate::parse::follows_no_language_rule(&f.figure);
                lb > la || (lb == la && a.figure.lone_group.is_some() && !rule(a) && rule(b))
            }
            (Step::Skip(_), Step::Found(_)) => true,
            _ => false,
        };
        if better {
            best = step;
        }
    }
    best
}

/// The next digit or number-word start at or after `pos`.
/// `digit`: the next digit found by an earlier call, if it is still ahead
/// (so that a paragraph with few digits is scanned for them once).
pub(super) fn next_anchor(
    cx: &Cx<'_>,
    text: &str,
    tokens: &[Token],
    pos: usize,
    pe: usize,
    digit_cache: &mut Option<Option<usize>>,
    format_cache: &mut Option<Option<usize>>,
) -> Option<usize> {
    let digit = match *digit_cache {
        Some(d) if d.is_none_or(|d| d >= pos) => d,
        _ => {
            let d = find_digit(&text.as_bytes()[..pe], pos);
            *digit_cache = Some(d);
            d
        }
    };
    let limit = digit.unwrap_or(pe);
    let cut_word = next_cut_number_word(cx, text, pos, limit, pe, format_cache);
    let limit = cut_word.unwrap_or(limit);
    // Number words before the digit, found by the prefilter and confirmed
    // by the word grammar.
    let mut from = pos;
    let mut next = first_at(tokens, pos);
    while from < limit {
        let Some(at) = next_number_word(cx, text, tokens, &mut next, from, limit) else {
            break;
        };
        // An article alone, before no table word, needs no grammar to be
        // refused (the table word test covers the denominators, "and" and
        // ordinals that `words` would read after it).
        let refused = words::article_alone(cx.lx, text, at, cx.t.compound_numbers).is_some_and(
            |(end, next)| next == blanks_end(text, end) && no_currency_after(cx, text, next),
        );
        if !refused
            && let Some(w) = words::words(cx.lx, text, at, cx.t.compound_numbers)
            && !(w.article_only && no_currency_at(cx, text, w.end))
        {
            return Some(at);
        }
        // Not a number here: nor anywhere inside the same hyphenated word
        // ("quatre-vingt-dix seconde" is an ordinal, its "vingt" is not 20).
        from = compound_end(text, at);
    }
    cut_word.or(digit)
}

/// The first word of the paragraph (`tokens`) from `from` to `limit` that
/// may start a spelled-out number: by its key first, then by the number-word
/// automaton run at its start ([`crate::lexicon::Lexicon::number_word_at`]).
/// `k`: the next token to try, kept between calls.
fn next_number_word(
    cx: &Cx<'_>,
    text: &str,
    tokens: &[Token],
    k: &mut usize,
    from: usize,
    limit: usize,
) -> Option<usize> {
    while *k < tokens.len() && tokens[*k].start < from {
        *k += 1;
    }
    while let Some(t) = tokens.get(*k) {
        if t.start >= limit {
            return None;
        }
        *k += 1;
        if cx.lx.may_start_number_key(t.key) && cx.lx.number_word_at(text, t.start, limit) {
            return Some(t.start);
        }
    }
    None
}

/// "a deal", "un fonds", "ein Jahr": an article alone is the number one only
/// before a currency ("un dollar", "einen Euro"; the grammar refuses it
/// otherwise). True when what follows `end` (after a hyphen or blanks) is
/// neither a table word, nor a currency code, nor a word of a script no
/// table covers: then the article is no anchor, and the grammar is not run.
fn no_currency_at(cx: &Cx<'_>, text: &str, end: usize) -> bool {
    no_currency_after(cx, text, blanks_end(text, end))
}

/// Past the blanks, line breaks and hyphens at `end`.
fn blanks_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let skipped = rest.trim_start_matches(|c: char| {
        is_blank(c) || matches!(c, '\n' | '\r' | '-' | '\u{2010}' | '\u{2011}')
    });
    end + (rest.len() - skipped.len())
}

/// [`no_currency_at`] once the blanks are skipped: `p` is where the next
/// word starts.
fn no_currency_after(cx: &Cx<'_>, text: &str, p: usize) -> bool {
    let Some(c) = text[p..].chars().next() else {
        return true;
    };
    let table_word = cx.lx.may_start(c) && cx.lx.hits_at(text, p).iter(text).next().is_some();
    let foreign = !c.is_ascii() && is_letter(c) && Script::of(c).is_none();
    !(table_word || foreign || code_at(text, p).is_some())
}

/// The start of the next word in `pos..limit` that has an invisible format
/// character inside ("soix\u{ad}ante", "t\u{200b}wenty") and starts a
/// spelled number: the prefilter cannot see such words. `cache`: the next
/// in-word format character found by an earlier call.
pub(super) fn next_cut_number_word(
    cx: &Cx<'_>,
    text: &str,
    mut pos: usize,
    limit: usize,
    pe: usize,
    cache: &mut Option<Option<usize>>,
) -> Option<usize> {
    loop {
        let f = match *cache {
            Some(f) if f.is_none_or(|f| f >= pos) => f,
            _ => {
                let f = next_format_in_word(text, pos, pe);
                *cache = Some(f);
                f
            }
        };
        let f = f.filter(|&f| f < limit)?;
        let mut ws = f;
        while let Some(c) = prev_char(text, ws)
            && (is_word_char(c) || is_format(c))
        {
            ws -= c.len_utf8();
        }
        let ws = format_run_after(text, ws);
        if ws >= pos && words::words(cx.lx, text, ws, cx.t.compound_numbers).is_some() {
            return Some(ws);
        }
        // Not a number: look after this word.
        let mut we = f;
        while let Some(c) = next_char(text, we)
            && (is_word_char(c) || is_format(c))
        {
            we += c.len_utf8();
        }
        pos = we.max(f + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        *cache = None;
    }
}

pub(super) enum Step {
    Found(Found),
    Skip(usize),
}

/// Tries to read a figure that covers `anchor`.
pub(super) fn figure_at(
    cx: &Cx<'_>,
    text: &str,
    anchor: usize,
    floor: usize,
    pe: usize,
    lang: Lang,
) -> Step {
    let step = figure_in(cx, text, anchor, floor, pe, lang);
    // A figure written in another script than the paragraph's ("290 млн
    // долларов" quoted in English text): read it with that script's language.
    let weak = match &step {
        Step::Found(f) => f.figure.kind == Kind::Number,
        Step::Skip(_) => true,
    };
    if weak
        && let Some(script) = script_after(text, anchor, pe)
        && script != cx.t.script
        && let Some(other) = Lang::ALL.into_iter().find(|l| l.table().script == script)
    {
        let cx2 = Cx {
            local: cx.local,
            formats: cx.formats,
            ..Cx::new(text, other)
        };
        if let Step::Found(f) = figure_in(&cx2, text, anchor, floor, pe, other)
            && f.figure.kind != Kind::Number
        {
            return Step::Found(f);
        }
    }
    step
}

/// The script of the first letter after the number at `anchor`.
pub(super) fn script_after(text: &str, anchor: usize, pe: usize) -> Option<Script> {
    text[anchor..pe]
        .chars()
        .take(24)
        .filter(|&c| is_letter(c))
        .find_map(Script::of)
}

pub(super) fn figure_in(
    cx: &Cx<'_>,
    text: &str,
    anchor: usize,
    floor: usize,
    pe: usize,
    lang: Lang,
) -> Step {
    let blob_end = || Step::Skip(skip_blob(text, anchor));
    let is_digit = text.as_bytes()[anchor].is_ascii_digit();
    if let Some(end) = in_url(text, anchor, pe) {
        // "https://…?q=30%25": digits of an address.
        return Step::Skip(end);
    }
    if is_digit && cx.formats && format_break(text, anchor, anchor + 1).is_some() {
        // The digits of a number cut by an invisible character: skip what
        // would have been read from them ("1,\u{200b}5 миллиарда рублей").
        let read = parse_raw(text, anchor, lang).map_or(anchor, |r| r.end.min(pe));
        let end = read.max(skip_blob(text, anchor));
        return Step::Skip(past_cut(cx, text, end, pe, lang).max(end));
    }
    if is_digit {
        // What touches the digits, through invisible characters ("H\u{200b}100").
        let left = format_run_before(text, anchor);
        match prev_char(text, left) {
            // "H100", "Q1", "FY2025" — unless the letters are a currency code.
            Some(c) if is_letter(c) => {
                let ws = word_start(text, left);
                // "$US75": a symbol before the letters may open the prefix.
                let sym = prev_char(text, ws)
                    .filter(|&c| !is_word_char(c) && !is_blank(c))
                    .map(|c| ws - c.len_utf8());
                let code = code_at(text, ws).is_some_and(|c| c.end == left && !c.wordlike)
                    || std::iter::once(ws).chain(sym).any(|ws| {
                        cx.lx
                            .find(text, ws, |w| matches!(w, Word::CurBefore(_)).then_some(()))
                            .is_some_and(|(_, e)| e == left)
                    });
                if !code {
                    return blob_end();
                }
            }
            // "GPT-4", "COVID-19"
            Some(h)
                if matches!(h, '-' | '\u{2010}' | '\u{2011}')
                    && prev_char(text, format_run_before(text, left - h.len_utf8()))
                        .is_some_and(is_word_char) =>
            {
                return blob_end();
            }
            Some('#') | Some('_') | Some('@') => return blob_end(),
            // Part of a digit blob already rejected ("7/7/2025").
            Some(c)
                if is_joiner(c)
                    && prev_char(text, format_run_before(text, left - c.len_utf8()))
                        .is_some_and(|d| d.is_ascii_digit()) =>
            {
                return blob_end();
            }
            _ => {}
        }
        if looks_like_phone(text, anchor) {
            return Step::Skip(skip_phone(text, anchor));
        }
    }
    let starts = left_starts(cx, text, anchor, floor);
    for &s in starts.iter() {
        cx.parses.set(cx.parses.get() + 1);
        let Ok(raw) = parse_raw(text, s, lang) else {
            continue;
        };
        if raw.end <= anchor || raw.end > pe {
            continue;
        }
        if cx.formats
            && (prev_char(text, raw.start).is_some_and(is_unreadable)
                || next_char(text, raw.end).is_some_and(is_unreadable))
        {
            // Next to an unreadable byte ("<\0$5 million"): what it hid may
            // have belonged to the figure.
            return Step::Skip(raw.end);
        }
        if cx.formats && format_break(text, raw.start, raw.end).is_some() {
            // Part of a number cut by an invisible character: no figure.
            return Step::Skip(past_cut(cx, text, raw.end, pe, lang).max(raw.end));
        }
        if zero_group_split(text, raw.start, raw.end)
            || cx.formats && joined_to_cut(cx, text, raw.end, pe)
        {
            // A "000" split off by a space, or a figure joined to a number
            // cut by an invisible character: no figure.
            return Step::Skip(raw.end);
        }
        // Digit groups that continue past the figure: a date, time, version.
        let tail = &text[raw.end..];
        let mut tc = tail.chars();
        if let (Some(j), Some(d)) = (tc.next(), tc.next())
            && is_joiner(j)
            && d.is_ascii_digit()
            && text[..raw.end].ends_with(|c: char| c.is_ascii_digit())
        {
            return blob_end();
        }
        // An age: "45-year-old".
        if let Some(h) = next_char(text, raw.end)
            && matches!(h, '-' | '\u{2010}' | '\u{2011}')
            && cx
                .lx
                .find(text, raw.end + h.len_utf8(), |w| {
                    (w == Word::OrdinalSuffix).then_some(())
                })
                .is_some()
        {
            return blob_end();
        }
        let Ok(figure) = resolve(&raw, lang, cx.local) else {
            return blob_end();
        };
        if rejected(cx, text, raw.start, raw.end, &figure) {
            return Step::Skip(raw.end);
        }
        return Step::Found(Found {
            start: raw.start,
            end: raw.end,
            figure,
        });
    }
    if is_digit {
        blob_end()
    } else {
        Step::Skip(word_end(text, anchor))
    }
}

/// Earlier starts that may belong to the figure at `anchor`, earliest
/// first, then `anchor` itself.
pub(super) fn left_starts(cx: &Cx<'_>, text: &str, anchor: usize, floor: usize) -> Vec<usize> {
    let mut starts = vec![anchor];
    let mut cur = anchor;
    // ".75 €": a decimal point that opens the number.
    if let Some(p) = prev_char(text, anchor)
        && matches!(p, '.' | ',')
        && anchor > floor
        && !prev_char(text, anchor - 1).is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        cur = anchor - 1;
        starts.push(cur);
    }
    for _ in 0..4 {
        // A sign glued to the number or currency.
        if let Some(c) = prev_char(text, cur)
            && matches!(c, '-' | '\u{2212}' | '+')
            && cur - c.len_utf8() >= floor
            && !prev_char(text, cur - c.len_utf8()).is_some_and(|p| is_word_char(p) || is_joiner(p))
        {
            cur -= c.len_utf8();
            starts.push(cur);
            continue;
        }
        let mut b = cur;
        let mut newline = false;
        while let Some(c) = prev_char(text, b) {
            if b <= floor {
                break;
            }
            if is_blank(c) || (c == '\n' && !newline) || c == '\r' {
                newline |= c == '\n';
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        match prefix_ending_at(cx, text, b, cur, floor) {
            Some(s) => {
                cur = s;
                starts.push(s);
            }
            None => break,
        }
    }
    starts.reverse();
    starts
}

/// The earliest start of a prefix word (qualifier, range opener, currency,
/// minus word) that ends at `b`, with only blanks up to `cur`.
pub(super) fn prefix_ending_at(
    cx: &Cx<'_>,
    text: &str,
    b: usize,
    cur: usize,
    floor: usize,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    cx.lx.prefixes_ending_at(text, b, |s, w| {
        if s < floor {
            return;
        }
        let first = text[s..].chars().next().unwrap_or(' ');
        // Through invisible characters: "ma\u{200b}rs 2026" has no "rs".
        let before = prev_char(text, format_run_before(text, s));
        // A word must start a word; a symbol qualifier ("~", ">") must stand
        // apart: "<b>$9" is markup.
        let ok = if is_word_char(first) {
            !before.is_some_and(is_word_char)
        } else if matches!(w, Word::Qual(_)) {
            before.is_none_or(|p| is_blank(p) || matches!(p, '\n' | '(' | '['))
        } else {
            true
        };
        if ok {
            best = Some(best.map_or(s, |x| x.min(s)));
        }
    });
    // A currency code ("USD 300", "GBP3.01", "MUSD", "CAD$").
    for back in 3..=5 {
        if let Some(s) = b.checked_sub(back)
            && s >= floor
            && text.is_char_boundary(s)
            && code_at(text, s).is_some_and(|c| !c.wordlike && (c.end == b || c.end == cur))
        {
            best = Some(best.map_or(s, |x| x.min(s)));
        }
    }
    best
}
