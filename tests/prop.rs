//! Property tests: round trips through each language's number style,
//! no panics on any input, error offsets inside the input, and extraction
//! invariants.

mod common;

use common::render;

use chiffre::{Kind, KindSet, Lang, Options, Value, extract, parse};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// The separator styles of each language: (group, decimal point).
fn styles(lang: Lang) -> Vec<(Option<&'static str>, char)> {
    match lang {
        Lang::En => vec![
            (None, '.'),
            (Some(","), '.'),
            (Some("\u{a0}"), '.'),
            (Some("\u{202f}"), '.'),
            (Some("'"), '.'),
        ],
        Lang::Fr => vec![
            (None, ','),
            (Some(" "), ','),
            (Some("\u{a0}"), ','),
            (Some("\u{202f}"), ','),
        ],
        Lang::De => vec![
            (None, ','),
            (Some("."), ','),
            (Some("'"), '.'),
            (Some("\u{202f}"), ','),
        ],
        Lang::Ru => vec![
            (None, ','),
            (Some(" "), ','),
            (Some("\u{a0}"), ','),
            (Some("\u{202f}"), ','),
            (Some("\u{2009}"), ','),
        ],
    }
}

/// Scale words and currency forms: (text after the number, exponent, currency code).
fn suffixes(lang: Lang) -> Vec<(&'static str, u32, Option<&'static str>)> {
    match lang {
        Lang::En => vec![
            ("", 0, None),
            (" million", 6, None),
            (" billion dollars", 9, Some("USD")),
            ("bn euros", 9, Some("EUR")),
            (" thousand USD", 3, Some("USD")),
        ],
        Lang::Fr => vec![
            ("", 0, None),
            (" millions d'euros", 6, Some("EUR")),
            (" milliards de dollars", 9, Some("USD")),
            (" M€", 6, Some("EUR")),
            (" €", 0, Some("EUR")),
        ],
        Lang::De => vec![
            ("", 0, None),
            (" Mio. Euro", 6, Some("EUR")),
            (" Mrd. US-Dollar", 9, Some("USD")),
            (" Tsd. Franken", 3, Some("CHF")),
            (" €", 0, Some("EUR")),
        ],
        Lang::Ru => vec![
            ("", 0, None),
            (" млн долларов", 6, Some("USD")),
            (" млрд рублей", 9, Some("RUB")),
            (" тыс. руб.", 3, Some("RUB")),
            (" ₽", 0, Some("RUB")),
        ],
    }
}

fn lang_strategy() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any decimal written in a language's style parses back exactly.
    #[test]
    fn roundtrip_every_style(
        lang in lang_strategy(),
        mantissa in 0u64..10_000_000_000_000,
        scale in 0u32..5,
        style_i in 0usize..5,
        suffix_i in 0usize..5,
        negative in any::<bool>(),
    ) {
        let styles = styles(lang);
        let (group, point) = styles[style_i % styles.len()];
        let suffixes = suffixes(lang);
        let (suffix, exp, currency) = suffixes[suffix_i % suffixes.len()];
        // A lone separator before exactly three digits follows the
        // language's rule; keep it out of this property (tested by tables).
        let body = render(mantissa, scale, group, point);
        let lone_three = {
            let seps: Vec<usize> = body.match_indices([',', '.']).map(|(i, _)| i).collect();
            seps.len() == 1 && body.len() - seps[0] - 1 == 3
        };
        prop_assume!(!lone_three || group.is_some() && body.matches(group.unwrap()).count() > 0 && scale != 0);
        prop_assume!(!(lone_three && group.is_none()));
        let sign = if negative && mantissa != 0 { "-" } else { "" };
        let text = format!("{sign}{body}{suffix}");
        let f = parse(&text, lang).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        let mut want = Decimal::from_i128_with_scale(i128::from(mantissa), scale);
        want *= Decimal::from(10u64.pow(exp));
        if negative && mantissa != 0 {
            want = -want;
        }
        prop_assert_eq!(f.value(), Value::Exact(want), "{:?}", text);
        prop_assert_eq!(f.currency().map(|c| c.code()), currency, "{:?}", text);
        prop_assert_eq!(f.scale().map(|s| s.exponent()), if exp == 0 { None } else { Some(exp) }, "{:?}", text);
    }

    /// No string makes `parse` panic, and errors point inside the input.
    #[test]
    fn parse_never_panics(text in "\\PC{0,40}", lang in lang_strategy()) {
        for mode in [chiffre::LangMode::Auto, lang.into()] {
            if let Err(e) = parse(&text, mode) {
                prop_assert!(e.span().start <= e.span().end && e.span().end <= text.len(), "{:?} {:?}", text, e);
            }
        }
    }

    /// Figure-like strings (digits, separators, scale and currency words)
    /// never panic either, and errors point inside the input.
    #[test]
    fn parse_figure_like_never_panics(
        text in "[0-9 ,.\\-–$€%]{0,6}(million|млн|Mrd\\.|milliards| de | d'|dollars|€|%| to | и | bis |около |about )?[0-9 ,.]{0,8}(bn|M|k|MW|ГВт|euros|рублей)?",
        lang in lang_strategy(),
    ) {
        if let Err(e) = parse(&text, lang) {
            prop_assert!(e.span().end <= text.len());
        }
    }

    /// Extraction: spans sorted, disjoint, on char boundaries; each span
    /// parses back to the same value and kind.
    #[test]
    fn extract_spans_are_sound(text in "\\PC{0,80}") {
        let found = extract(&text, &Options::default().kinds(KindSet::all()));
        let mut last = 0;
        for f in &found {
            prop_assert!(f.start >= last && f.start < f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            last = f.end;
        }
    }

    /// A figure put into random prose is found at its offset, with its value.
    #[test]
    fn extract_finds_an_inserted_figure(
        before in "[vwxz ,;:()]{0,30}",
        after in "[vwxz ,;:()]{0,30}",
        which in 0usize..6,
    ) {
        let figures = [
            ("$3.5 billion", "3500000000", Kind::Money),
            ("290 млн долларов", "290000000", Kind::Money),
            ("9 milliards de dollars", "9000000000", Kind::Money),
            ("3,5 Mrd. Euro", "3500000000", Kind::Money),
            ("1.3 GW", "1.3", Kind::Power),
            ("12,5 %", "12.5", Kind::Percent),
        ];
        let (fig, value, kind) = figures[which];
        let text = format!("{before} {fig} {after}");
        let at = before.len() + 1;
        let found = extract(&text, &Options::default());
        let hit = found.iter().find(|f| f.start == at);
        prop_assert!(hit.is_some(), "{:?}: {:?}", text, found);
        let hit = hit.unwrap();
        prop_assert_eq!(hit.end, at + fig.len());
        prop_assert_eq!(hit.figure.kind(), kind);
        prop_assert_eq!(hit.figure.value().exact().map(|v| v.normalize().to_string()), Some(value.to_string()));
    }

    /// Re-parsing a span found in prose gives the same value (context
    /// fields such as an inferred period aside).
    #[test]
    fn extract_spans_reparse(
        words in prop::collection::vec(prop::sample::select(vec![
            "about", "$5", "billion", "and", "7", "million", "euros", "revenue", "a", "year", "200", "MW",
            "more", "than", "12-year", "deal", "%", "12,5", "the", "in", "2025", "between", "to", "€1.2bn",
        ]), 0..20),
    ) {
        let text = words.join(" ");
        for f in extract(&text, &Options::default().lang(Lang::En)) {
            if !f.figure.inferred().is_empty() {
                continue;
            }
            let again = parse(f.text(&text), Lang::En);
            prop_assert!(again.is_ok(), "{:?} in {:?}: {:?}", f.text(&text), text, again);
            let again = again.unwrap();
            prop_assert_eq!(again.value(), f.figure.value(), "{:?}", f.text(&text));
            prop_assert_eq!(again.kind(), f.figure.kind());
            prop_assert_eq!(again.currency(), f.figure.currency());
        }
    }

    /// The row writer of the command line is byte for byte `serde_json`,
    /// whatever the source name and the text around the figures (quotes,
    /// backslashes, control and format characters, any script).
    #[test]
    fn row_json_is_serde_json(
        source in "[\\x00-\\x1f\"\\\\a-z/é\u{202e}\u{7f}]{0,12}",
        words in prop::collection::vec(prop::sample::select(vec![
            "about", "$5", "billion", "\"", "\\", "\t", "\u{1}", "\u{7f}", "12,5", "%", "€1.2bn",
            "loss", "a", "year", "200", "MW", "около", "290", "млн", "долларов", "\u{200b}", "x\u{1f}",
        ]), 0..16),
        offset in 0usize..1_000_000,
    ) {
        let text = words.join(" ");
        for f in extract(&text, &Options::default().kinds(KindSet::all())) {
            let row = chiffre::Row { source: &source, found: &f, text: &text, offset };
            let mut out = Vec::new();
            row.write_json(&mut out);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&row).unwrap());
        }
    }
}
