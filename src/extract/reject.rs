//! Stage 2, rejecting: rules that say a parsed reading is no figure (a year,
//! a date, a reference number, a phone number, an address, a split group).

use super::*;

/// The figure read at `start..end` is one part of a number split by a space
/// the language does not group with, and so no figure (neither part): a
/// group with a leading zero ("000", "050") after one to three digits and
/// one space that did not join them. "1 000 dollars" in English, which does
/// not group with a plain space, is neither 1 nor 0 dollars ("423 0000"
/// stays two numbers: four digits are no group).
pub(super) fn zero_group_split(text: &str, start: usize, end: usize) -> bool {
    for (a, i) in digit_runs(text.as_bytes(), start, end) {
        // The "000" alone, and the "1" before it.
        if a == start
            && let Some(c) = prev_char(text, a)
            && is_space(c)
            && zero_group(text, a)
            && group_head_before(text, a - c.len_utf8())
        {
            return true;
        }
        if i >= end
            && let Some(c) = next_char(text, i)
            && is_space(c)
            && group_head_before(text, i)
            && zero_group(text, i + c.len_utf8())
        {
            return true;
        }
    }
    false
}

/// Three digits at `at`, the first a zero, and no fourth: a thousands group
/// that cannot stand alone ("000", "050").
pub(super) fn zero_group(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    b.get(at) == Some(&b'0')
        && digit_at(text, at + 1)
        && digit_at(text, at + 2)
        && !digit_at(text, at + 3)
}

/// One to three digits end at `end`: they may head a thousands grouping
/// ("1", "423"; not "2019").
pub(super) fn group_head_before(text: &str, end: usize) -> bool {
    let b = &text.as_bytes()[..end];
    let n = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&n)
}

/// When `pos` is inside a URL or an e-mail address (a token with "://",
/// "www." or "@"), the end of that token.
pub(super) fn in_url(text: &str, pos: usize, pe: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let lo = pos.saturating_sub(300);
    let start = bytes[lo..pos]
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(lo, |i| lo + i + 1);
    let token = &bytes[start..pos];
    let url = token.windows(3).any(|w| w == b"://")
        || token.starts_with(b"www.")
        || token.contains(&b'@');
    if !url {
        return None;
    }
    let end = bytes[pos..pe]
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .map_or(pe, |i| pos + i);
    let mut end = end.max(pos + 1);
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    Some(end)
}

/// "+1 555 123 4567", "+33 1 23 45 67 89", seven or more digits after a
/// leading zero ("0612345678"), and digits after a leading zero glued to a
/// letter (a bond series "001Р"): a phone number or an identifier, not a
/// figure.
pub(super) fn looks_like_phone(text: &str, anchor: usize) -> bool {
    let b = text.as_bytes();
    if b.get(anchor) == Some(&b'0') && b.get(anchor + 1).is_some_and(u8::is_ascii_digit) {
        let n = b[anchor..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        return n >= 7
            || next_char(text, format_run_after(text, anchor + n)).is_some_and(is_letter);
    }
    if prev_char(text, anchor) != Some('+') {
        return false;
    }
    let digits = text[anchor..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .filter(char::is_ascii_digit)
        .count();
    digits >= 7
}

pub(super) fn skip_phone(text: &str, anchor: usize) -> usize {
    anchor
        + text[anchor..]
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
            .map_or(text.len() - anchor, |(i, _)| i)
}

/// Rules that reject a parsed figure (see the module docs).
pub(super) fn rejected(cx: &Cx<'_>, text: &str, start: usize, end: usize, f: &Figure) -> bool {
    let bare = matches!(f.kind, Kind::Number | Kind::Count);
    // The span without invisible format characters ("2027\u{ad}–2031").
    let plain: std::borrow::Cow<'_, str> = if cx.formats {
        text[start..end]
            .chars()
            .filter(|c| !is_format(*c))
            .collect::<String>()
            .into()
    } else {
        text[start..end].into()
    };
    // A year read as a duration: "2025 года".
    if f.kind == Kind::Duration
        && f.value
            .exact()
            .is_some_and(|v| v.is_integer() && v >= 1000.into() && v <= 2100.into())
        && f.scale.is_none()
    {
        return true;
    }
    // Years read as a span of time: "в 2026-2035 годах", "2027–2031".
    if f.kind == Kind::Duration
        && f.scale.is_none()
        && let crate::figure::Value::Range { min, max } = f.value
        && [min, max]
            .iter()
            .all(|v| v.is_integer() && *v >= 1000.into() && *v <= 2100.into())
    {
        return true;
    }
    // An ordinal year: "в 2030-м", "2030-х" (a year, a hyphen, an ending).
    if let Some((num, tail)) = plain.split_once('-')
        && is_year_span(num)
        && !tail.is_empty()
        && tail.chars().count() <= 2
        && tail.chars().all(is_letter)
    {
        return true;
    }
    if !bare && f.kind != Kind::Duration {
        return false;
    }
    // A year: four digits between 1800 and 2100, alone or in a year range.
    if f.kind == Kind::Number && is_year_span(&plain) {
        return true;
    }
    // A number before a currency or unit word cut by an invisible character
    // ("45 M\u{2064}E"): no bare number.
    if f.kind == Kind::Number && cx.formats {
        let w = skip_blanks(text, format_run_after(text, end));
        let word: String = text[w..]
            .chars()
            .take_while(|&c| is_letter(c) || is_format(c))
            .collect();
        let joined: String = word.chars().filter(|c| !is_format(*c)).collect();
        let carries = cx
            .lx
            .find(&joined, 0, |w| {
                matches!(
                    w,
                    Word::Cur(_) | Word::CurGuess(_) | Word::CurScale(..) | Word::Unit(_)
                )
                .then_some(())
            })
            .is_some_and(|(_, e)| e == joined.len())
            // A currency code, maybe with its scale ("B\u{200b}ioUSD").
            || code_at(&joined, 0).is_some_and(|c| c.end == joined.len());
        if w > end && word.chars().any(is_format) && carries {
            return true;
        }
    }
    // Next to a month name: a date.
    let after = skip_blanks(text, end);
    let after = if next_char(text, after) == Some('.') {
        skip_blanks(text, after + 1)
    } else {
        after
    };
    if cx
        .lx
        .find(text, after, |w| (w == Word::Month).then_some(()))
        .is_some()
        && f.kind != Kind::Duration
    {
        return true;
    }
    if let Some(ws) = prev_word_start(text, start) {
        // "l'article 3": also look after an elided article.
        let elided = text[ws..start]
            .find(['\'', '’'])
            .map(|i| ws + i + text[ws + i..].chars().next().map_or(1, char::len_utf8))
            .map(|p| format_run_after(text, p));
        for ws in std::iter::once(ws).chain(elided) {
            // A reference word before a duration is a duration's neighbour
            // ("$290 million a year over 6 years"), not its reference.
            if let Some(((), e)) = cx.lx.find(text, ws, |w| {
                (w == Word::Month || bare && w == Word::Reference).then_some(())
            }) && text
                .get(e..start)
                .is_some_and(|gap| gap.chars().all(|c| is_blank(c) || c == '.' || c == '°'))
            {
                return true;
            }
        }
    }
    // A capitalised number word inside a name ("Mille Feuilles", "Trois
    // Rivières"): one word, not opening the sentence, before a capital.
    let after = skip_blanks(text, format_run_after(text, end));
    let before = format_run_before(text, start);
    if plain.starts_with(char::is_uppercase)
        && plain.chars().all(is_letter)
        && next_char(text, format_run_after(text, after)).is_some_and(char::is_uppercase)
        && after > format_run_after(text, end)
        && prev_char(text, before).is_some_and(is_blank)
        && text[..before]
            .trim_end_matches(|c: char| is_blank(c) || is_format(c))
            .chars()
            .next_back()
            .is_some_and(|c| is_word_char(c) || c == ',')
    {
        return true;
    }
    // "the one", "which one", "the first one": a pronoun, not the number 1.
    if f.kind == Kind::Number
        && f.value.exact() == Some(rust_decimal::Decimal::ONE)
        && text[start..].starts_with(is_letter)
        && let Some(ws) = prev_word_start(text, start)
        && let Some(((), e)) = cx.lx.find(text, ws, |w| {
            matches!(w, Word::Determiner | Word::Ordinal).then_some(())
        })
        && text
            .get(e..start)
            .is_some_and(|gap| gap.chars().all(is_blank))
    {
        return true;
    }
    // A footnote marker: "[1]".
    if prev_char(text, format_run_before(text, start)) == Some('[')
        && next_char(text, format_run_after(text, end)) == Some(']')
    {
        return true;
    }
    false
}

/// "2025", "2024-2025", "2024–25": years, not figures.
pub(super) fn is_year_span(span: &str) -> bool {
    let mut groups = span.split(['-', '–', '—', '/']).map(str::trim);
    let Some(first) = groups.next() else {
        return false;
    };
    let year = |g: &str| {
        g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()) && ("1800"..="2100").contains(&g)
    };
    year(first)
        && groups.all(|g| year(g) || (g.len() == 2 && g.bytes().all(|b| b.is_ascii_digit())))
}
