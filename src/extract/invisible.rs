//! Stage 2, rejecting (invisible characters): a number cut by a format
//! character, or shown reversed by a right-to-left override, is no figure;
//! nor is a figure joined to such a number.

use super::*;

/// The runs of ASCII digits that start in `start..end`, as (first byte,
/// byte past the last); a run may go on past `end`.
pub(super) fn digit_runs(
    b: &[u8],
    start: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = start;
    std::iter::from_fn(move || {
        while i < end && !b[i].is_ascii_digit() {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let a = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        Some((a, i))
    })
}

/// Where an invisible format character (Unicode Cf: soft hyphen, zero-width
/// space or joiner, bidirectional mark, word joiner, BOM…) cuts a number of
/// the figure at `start..end`: between two digits, between a digit and a
/// separator ("1\u{200b}000", "1,\u{ad}000", "1\u{200b}.5"), between a sign
/// and the number ("-\u{200b}5", "-\u{200b}$5"), or anywhere in the digit
/// groups that continue the number beyond what was read ("100 0\u{ad}00 €").
/// The same character between a currency and the digits, or between the
/// number and its scale or unit, is white space ("$\u{200b}5 million" is $5
/// million) and no cut. Returns the offset of the first format character of
/// the cut.
pub(crate) fn format_break(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Before the figure: "1\u{200b}$5", "-\u{200b}$5".
    let p = format_run_before(text, start);
    if p < start && (digit_before(text, p) || sign_before(text, p)) {
        return Some(p);
    }
    for (a, i) in digit_runs(b, start, end) {
        let p = format_run_before(text, a);
        if p < a && (sign_before(text, p) || point_before(text, p)) {
            // "-\u{200b}5", ".\u{200b}5"
            return Some(p);
        }
        // The digit groups joined to this run, both ways (a few groups at
        // most: no number has more).
        let mut z = i;
        for _ in 0..MAX_WALK {
            let Some((next, cut)) = connector_after(text, z) else {
                break;
            };
            if cut.is_some() {
                return cut;
            }
            let run = b[next..]
                .iter()
                .take(MAX_RUN)
                .take_while(|d| d.is_ascii_digit())
                .count();
            if run == MAX_RUN {
                break;
            }
            z = next + run;
        }
        let mut a = a;
        for _ in 0..MAX_WALK {
            let Some((prev, cut)) = connector_before(text, a) else {
                break;
            };
            if cut.is_some() {
                return cut;
            }
            let run = b[..prev]
                .iter()
                .rev()
                .take(MAX_RUN)
                .take_while(|d| d.is_ascii_digit())
                .count();
            if run == MAX_RUN {
                break;
            }
            a = prev - run;
        }
    }
    None
}

/// The figure that ends at `end` is joined to a number cut by an invisible
/// character, which may be its range end or the list item that carries its
/// scale and currency ("$5–1\u{200b}0 million", "$5, $7 and $1\u{200b}0
/// billion"): what lies between is only what joins the parts of a figure
/// (see [`joining_gap`]). Up to four numbers are followed.
pub(super) fn joined_to_cut(cx: &Cx<'_>, text: &str, end: usize, pe: usize) -> bool {
    joined_to(cx, text, end, pe, |p| {
        format_break(text, p, p + 1).is_some()
    })
}

/// Whether the figure that ends at `end` is joined (see [`joining_gap`],
/// through up to four numbers) to a number whose first digit at `p`
/// satisfies `bad`. Only looked for when a format character is near.
pub(super) fn joined_to(
    cx: &Cx<'_>,
    text: &str,
    end: usize,
    pe: usize,
    bad: impl Fn(usize) -> bool,
) -> bool {
    // Cheap first: no format character in the next bytes, nothing to find.
    let mut w = (end + 160).min(pe);
    while !text.is_char_boundary(w) {
        w -= 1;
    }
    if find_format(&text[end..w.max(end)]).is_none() {
        return false;
    }
    let mut pos = end;
    for _ in 0..4 {
        let Some((p, _)) = joining_gap(cx, text, pos, pe) else {
            return false;
        };
        if bad(p) {
            return true;
        }
        pos = number_blob_end(text, p, pe);
    }
    false
}

/// Where to go on after a number cut at `end`: past the rest of the cut
/// number and, when a range separator joins it to another number, past the
/// figure read there ("$1.\u{200b}2 billion to $1.5 billion": the upper end
/// alone is not the figure written).
pub(super) fn past_cut(cx: &Cx<'_>, text: &str, end: usize, pe: usize, lang: Lang) -> usize {
    let mut e = end;
    let mut last_run = None;
    while e < pe
        && let Some(c) = next_char(text, e)
        && (c.is_ascii_digit() || is_format(c) || matches!(c, ',' | '.' | '\''))
    {
        if c.is_ascii_digit() && !digit_before(text, e) {
            last_run = Some(e);
        }
        e += c.len_utf8();
    }
    // What its last digits would have carried ("1\u{200b}0 pour cent").
    if let Some(r) = last_run
        && let Ok(raw) = parse_raw(text, r, lang)
    {
        e = e.max(raw.end.min(pe));
    }
    match joining_gap(cx, text, e, pe) {
        Some((p, true)) => parse_raw(text, p, lang).map_or(p + 1, |r| r.end.min(pe)),
        _ => e,
    }
}

/// The start of the digits after `pos` when all between is what joins the
/// parts of one figure: blanks, dashes, commas, and words such as range
/// separators, "and", scale, currency and unit words, qualifiers (six at
/// most). The flag tells whether a range separator (or "and") was among
/// them.
pub(super) fn joining_gap(cx: &Cx<'_>, text: &str, pos: usize, pe: usize) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    let (mut p, mut words, mut range) = (pos, 0, false);
    while p < pe && !b[p].is_ascii_digit() {
        let c = next_char(text, p)?;
        if is_blank(c) || c == ',' {
            p += c.len_utf8();
            continue;
        }
        if matches!(c, '-' | '–' | '—' | '\u{2010}' | '\u{2011}') {
            range = true;
            p += c.len_utf8();
            continue;
        }
        words += 1;
        if words > 6 {
            return None;
        }
        let joins = |w: Word| match w {
            Word::RangeSep { .. } | Word::RangeOpen | Word::NumAnd => Some(true),
            Word::Linker
            | Word::Scale(..)
            | Word::Cur(_)
            | Word::CurBefore(_)
            | Word::CurGuess(_)
            | Word::CurGuessBefore(_)
            | Word::CurScale(..)
            | Word::CurNone
            | Word::Unit(_)
            | Word::Percent
            | Word::PercentPoint
            | Word::Qual(_) => Some(false),
            _ => None,
        };
        p = match cx.lx.find(text, p, joins) {
            Some((r, e)) if e > p => {
                range |= r;
                e
            }
            _ => code_at(text, p)?.end,
        };
    }
    (p < pe && p > pos).then_some((p, range))
}

/// The end of the digits and separators of the number at `p`.
pub(super) fn number_blob_end(text: &str, p: usize, pe: usize) -> usize {
    let b = text.as_bytes();
    let mut q = p;
    while q < pe && q - p < MAX_RUN {
        match b[q] {
            b'0'..=b'9' => q += 1,
            b',' | b'.' | b'\'' if digit_at(text, q + 1) => q += 1,
            _ => break,
        }
    }
    q.max(p + 1)
}

/// How many digit groups `format_break` follows from a run, each way.
pub(super) const MAX_WALK: usize = 8;
/// A digit run this long is no group of a number.
pub(super) const MAX_RUN: usize = 48;

/// What joins the digit run that ends at `z` to the next digits of the same
/// number: format characters, a separator, or a separator with format
/// characters around it. Returns where the next digits start and, when a
/// format character is part of the join, its offset.
pub(super) fn connector_after(text: &str, z: usize) -> Option<(usize, Option<usize>)> {
    let q = format_run_after(text, z);
    if q > z && digit_at(text, q) {
        return Some((q, Some(z)));
    }
    let s = next_char(text, q).filter(|&s| is_digit_sep(s))?;
    let r = format_run_after(text, q + s.len_utf8());
    if !digit_at(text, r) {
        return None;
    }
    let cut = if q > z {
        Some(z)
    } else if r > q + s.len_utf8() {
        Some(q + s.len_utf8())
    } else {
        None
    };
    Some((r, cut))
}

/// The mirror of [`connector_after`] for the run that starts at `a`: where
/// the previous digits end, and the offset of a format character of the join.
pub(super) fn connector_before(text: &str, a: usize) -> Option<(usize, Option<usize>)> {
    let p = format_run_before(text, a);
    if p < a && digit_before(text, p) {
        return Some((p, Some(p)));
    }
    let s = prev_char(text, p).filter(|&s| is_digit_sep(s))?;
    let q = format_run_before(text, p - s.len_utf8());
    if !digit_before(text, q) {
        return None;
    }
    let cut = if q < p - s.len_utf8() {
        Some(q)
    } else if p < a {
        Some(p)
    } else {
        None
    };
    Some((q, cut))
}

/// The spans of `text[ps..pe]` under a right-to-left override (U+202E, up
/// to its U+202C, a line end or the end of the paragraph), where digits are
/// displayed in reverse order: no figure is read there. Embeddings and
/// isolates opened inside an override end it until they are closed.
pub(crate) fn reversed_spans(text: &str, ps: usize, pe: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let para = &text[ps..pe];
    if !para.contains('\u{202e}') {
        return out;
    }
    // The open embeddings, overrides and isolates; `true` for an isolate.
    let mut stack: Vec<(char, bool)> = Vec::new();
    let mut from: Option<usize> = None;
    for (i, c) in para.char_indices() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => stack.push((c, false)),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => stack.push((c, true)),
            '\u{202c}' if stack.last().is_some_and(|&(_, iso)| !iso) => {
                stack.pop();
            }
            '\u{2069}' if stack.iter().any(|&(_, iso)| iso) => {
                // Closes the last isolate and everything opened inside it.
                while let Some((_, iso)) = stack.pop() {
                    if iso {
                        break;
                    }
                }
            }
            '\n' | '\r' | '\u{2029}' => stack.clear(),
            _ => {}
        }
        let inside = stack.last().is_some_and(|&(o, _)| o == '\u{202e}');
        match (inside, from) {
            (true, None) => from = Some(ps + i),
            (false, Some(f)) => {
                out.push((f, ps + i));
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        out.push((f, pe));
    }
    out
}

/// The next format character in `from..pe` that stands between two letters.
pub(super) fn next_format_in_word(text: &str, mut from: usize, pe: usize) -> Option<usize> {
    loop {
        let i = from + find_format(&text[from..pe])?;
        let before = prev_char(text, format_run_before(text, i));
        let after = format_run_after(text, i);
        if before.is_some_and(is_letter) && next_char(text, after).is_some_and(is_letter) {
            return Some(i);
        }
        from = after.min(pe);
    }
}
