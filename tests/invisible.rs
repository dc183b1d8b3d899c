//! Invisible characters in and around numbers.
//!
//! The rule (README, "What is not a figure"): U+2007 FIGURE SPACE groups
//! digits like U+00A0, U+202F and U+2009. An invisible format character
//! (Unicode general category Cf: soft hyphen, zero-width space and joiners,
//! bidirectional marks, embeddings, overrides and isolates, word joiner,
//! invisible operators, BOM, Mongolian vowel separator) inside a number —
//! between two digits, between a digit and a separator, between a sign and
//! the number — makes it no figure: neither the part before it nor the part
//! after it, nor a figure joined to it (its range end, the list item that
//! carries its scale). Between a currency and the number, between the number and its
//! scale word or unit, or inside a word, it counts as white space. Digits
//! under a right-to-left override are shown reversed: no figure there.
//!
//! Whatever the rule, the invariant tested first is the one that matters for
//! a financial tool: a figure that covers the digits has the intended value,
//! or there is no figure — never another value.

mod common;

use common::render;

use std::ops::Range;

use chiffre::{Found, KindSet, Lang, Options, Value, extract, parse};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Every invisible format character the tests insert (all of category Cf
/// that news text may carry).
const FORMAT: &[char] = &[
    '\u{ad}',   // soft hyphen
    '\u{61c}',  // Arabic letter mark
    '\u{180e}', // Mongolian vowel separator
    '\u{200b}', // zero-width space
    '\u{200c}', // zero-width non-joiner
    '\u{200d}', // zero-width joiner
    '\u{200e}', // left-to-right mark
    '\u{200f}', // right-to-left mark
    '\u{202a}', // left-to-right embedding
    '\u{202b}', // right-to-left embedding
    '\u{202c}', // pop directional formatting
    '\u{202d}', // left-to-right override
    '\u{202e}', // right-to-left override
    '\u{2060}', // word joiner
    '\u{2061}', // function application
    '\u{2062}', // invisible times
    '\u{2063}', // invisible separator
    '\u{2064}', // invisible plus
    '\u{2066}', // left-to-right isolate
    '\u{2067}', // right-to-left isolate
    '\u{2068}', // first strong isolate
    '\u{2069}', // pop directional isolate
    '\u{feff}', // zero-width no-break space (BOM)
];

/// The right-to-left override: digits after it are displayed reversed.
const RLO: char = '\u{202e}';

fn all_kinds(lang: Lang) -> Options {
    Options::default().lang(lang).kinds(KindSet::all())
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The figures of `found` whose span overlaps `span`.
fn covering(found: &[Found], span: Range<usize>) -> Vec<&Found> {
    found
        .iter()
        .filter(|f| f.start < span.end && span.start < f.end)
        .collect()
}

fn show(text: &str, found: &[&Found]) -> String {
    found
        .iter()
        .map(|f| format!("{:?} = {}", f.text(text), f.figure))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every span is on character boundaries and inside the text.
fn spans_ok(text: &str, found: &[Found]) -> bool {
    found.iter().all(|f| {
        f.start < f.end
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end)
    })
}

/// `prefix d1 c d2 suffix`: the templates of the reliability issue, with the
/// value the writer meant (digits joined, times the scale).
struct Case {
    prefix: &'static str,
    suffix: &'static str,
    scale: u32,
}

const CASES: &[Case] = &[
    Case {
        prefix: "",
        suffix: " dollars",
        scale: 0,
    },
    Case {
        prefix: "$",
        suffix: "",
        scale: 0,
    },
    Case {
        prefix: "",
        suffix: " €",
        scale: 0,
    },
    Case {
        prefix: "",
        suffix: " млн рублей",
        scale: 6,
    },
    Case {
        prefix: "Revenue was ",
        suffix: " dollars last year.",
        scale: 0,
    },
    Case {
        prefix: "",
        suffix: "%",
        scale: 0,
    },
];

/// Inside the digits: never a wrong value, and (the rule chosen) no figure.
#[test]
fn format_char_inside_digits_never_gives_a_wrong_value() {
    let (mut checked, mut wrong, mut read) = (0, Vec::new(), Vec::new());
    for &c in FORMAT {
        for lang in Lang::ALL {
            for case in CASES {
                for d2 in ["000", "5"] {
                    let d1 = "1";
                    let text = format!("{}{d1}{c}{d2}{}", case.prefix, case.suffix);
                    let digits =
                        case.prefix.len()..case.prefix.len() + d1.len() + c.len_utf8() + d2.len();
                    let meant = dec(&format!("{d1}{d2}")) * Decimal::from(10u64.pow(case.scale));
                    let found = extract(&text, &all_kinds(lang));
                    assert!(spans_ok(&text, &found), "{text:?}");
                    let over = covering(&found, digits);
                    checked += 1;
                    if over.iter().any(|f| f.figure.value() != Value::Exact(meant)) {
                        wrong.push(format!("{lang} {text:?}: {}", show(&text, &over)));
                    } else if !over.is_empty() {
                        read.push(format!("{lang} {text:?}: {}", show(&text, &over)));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "wrong values:\n{}", wrong.join("\n"));
    assert!(read.is_empty(), "read through:\n{}", read.join("\n"));
    assert_eq!(checked, FORMAT.len() * 4 * CASES.len() * 2);
}

/// Next to a separator ("1,\u{ad}000", "1\u{200b}.5", "1 \u{200b}000"): the
/// value is the one read without the character, or there is no figure.
#[test]
fn format_char_next_to_a_separator_never_gives_a_wrong_value() {
    let seps = [
        ",", ".", "'", " ", "\u{a0}", "\u{202f}", "\u{2009}", "\u{2007}",
    ];
    let mut wrong = Vec::new();
    for &c in FORMAT {
        for lang in Lang::ALL {
            for sep in seps {
                for d2 in ["000", "5"] {
                    for case in CASES {
                        for dirty_num in [format!("1{sep}{c}{d2}"), format!("1{c}{sep}{d2}")] {
                            let clean_num = format!("1{sep}{d2}");
                            let at = case.prefix.len();
                            let clean = format!("{}{clean_num}{}", case.prefix, case.suffix);
                            let dirty = format!("{}{dirty_num}{}", case.prefix, case.suffix);
                            let opts = all_kinds(lang);
                            let clean_found = extract(&clean, &opts);
                            let meant: Vec<Value> =
                                covering(&clean_found, at..at + clean_num.len())
                                    .iter()
                                    .map(|f| f.figure.value())
                                    .collect();
                            let found = extract(&dirty, &opts);
                            assert!(spans_ok(&dirty, &found), "{dirty:?}");
                            let over = covering(&found, at..at + dirty_num.len());
                            // The rule: no figure at all over a cut number.
                            if !over.is_empty() {
                                wrong.push(format!(
                                    "{lang} {dirty:?}: {} (clean reading {meant:?})",
                                    show(&dirty, &over)
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// `parse` of one figure cut by an invisible character fails (or, never,
/// gives another value).
#[test]
fn parse_rejects_a_cut_number() {
    for &c in FORMAT {
        for lang in Lang::ALL {
            for text in [
                format!("1{c}000 dollars"),
                format!("$1{c}000"),
                format!("$1{c}00"),
                format!("1{c}000 €"),
                format!("1{c}000 млн рублей"),
                format!("1,{c}5 €"),
                format!("1{c}.5 €"),
                format!("-{c}5%"),
            ] {
                if let Ok(f) = parse(&text, lang) {
                    panic!("{lang} {text:?}: read as {f}");
                }
            }
        }
    }
    let err = parse("$1\u{200b}000", Lang::En).unwrap_err();
    assert_eq!(err.span(), 2..5);
    assert_eq!(
        err.to_string(),
        "bytes 2..5: invisible character U+200B inside the number"
    );
}

/// U+2007 FIGURE SPACE groups thousands wherever the no-break spaces do.
#[test]
fn figure_space_groups_digits() {
    let cases: &[(Lang, &str, &str, Option<&str>)] = &[
        (Lang::En, "$1\u{2007}000", "1000", Some("USD")),
        (
            Lang::En,
            "1\u{2007}000\u{2007}000 dollars",
            "1000000",
            Some("USD"),
        ),
        (Lang::En, "$1\u{2007}234.50", "1234.5", Some("USD")),
        (Lang::En, "1\u{2007}000 €", "1000", Some("EUR")),
        (Lang::Fr, "1\u{2007}000 €", "1000", Some("EUR")),
        (
            Lang::Fr,
            "1\u{2007}000\u{2007}000 €",
            "1000000",
            Some("EUR"),
        ),
        (Lang::Fr, "12\u{2007}345,67 euros", "12345.67", Some("EUR")),
        (
            Lang::Fr,
            "1\u{2007}500 millions d'euros",
            "1500000000",
            Some("EUR"),
        ),
        (Lang::De, "1\u{2007}000 Euro", "1000", Some("EUR")),
        (
            Lang::De,
            "1\u{2007}234\u{2007}567,89 €",
            "1234567.89",
            Some("EUR"),
        ),
        (
            Lang::Ru,
            "1\u{2007}000\u{2007}000 рублей",
            "1000000",
            Some("RUB"),
        ),
        (
            Lang::Ru,
            "1\u{2007}000 млн рублей",
            "1000000000",
            Some("RUB"),
        ),
        (Lang::Ru, "$1\u{2007}000", "1000", Some("USD")),
        (Lang::Ru, "12\u{2007}500 сотрудников", "12500", None),
    ];
    for &(lang, text, value, currency) in cases {
        let f = parse(text, lang).unwrap_or_else(|e| panic!("{lang} {text:?}: {e}"));
        assert_eq!(f.value(), Value::Exact(dec(value)), "{lang} {text:?}");
        assert_eq!(f.currency().map(|c| c.code()), currency, "{lang} {text:?}");
        let sentence = format!("Total: {text}.");
        let found = extract(&sentence, &all_kinds(lang));
        assert_eq!(found.len(), 1, "{lang} {sentence:?}: {found:?}");
        assert_eq!(found[0].text(&sentence), text, "{lang}");
        assert_eq!(found[0].figure.value(), Value::Exact(dec(value)), "{lang}");
    }
    // A first group of four digits is no thousands group, as with U+00A0.
    let text = "in 2019\u{2007}200 people";
    let found = extract(text, &all_kinds(Lang::En));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text(text), "200 people");
}

/// A space a language does not group with, before a group that cannot
/// stand alone ("000"): no figure rather than 0 or 1.
#[test]
fn space_that_does_not_group_gives_no_wrong_value() {
    // EN SPACE, EM SPACE, PUNCTUATION SPACE, HAIR SPACE, MEDIUM MATHEMATICAL
    // SPACE, IDEOGRAPHIC SPACE: no language groups with them.
    let spaces = [
        "\u{2002}", "\u{2003}", "\u{2008}", "\u{200a}", "\u{205f}", "\u{3000}",
    ];
    for lang in Lang::ALL {
        for sp in spaces {
            for text in [
                format!("1{sp}000 dollars"),
                format!("$1{sp}000"),
                format!("1{sp}000 €"),
            ] {
                let found = extract(&text, &all_kinds(lang));
                assert!(found.is_empty(), "{lang} {text:?}: {found:?}");
            }
        }
    }
    // English does not group with a plain space.
    for text in [
        "1 000 dollars",
        "$1 000",
        "It cost 5 000 euros.",
        "1 000.50 USD",
    ] {
        let found = extract(text, &all_kinds(Lang::En));
        let zero = Decimal::ZERO;
        assert!(
            found.iter().all(|f| f.figure.value() != Value::Exact(zero)),
            "{text:?}: {found:?}"
        );
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

/// Between a currency and the number, between the number and its scale or
/// unit, inside a word: white space, the figure keeps its value.
#[test]
fn format_char_between_words_is_white_space() {
    let cases: &[(Lang, &str, &str, Option<&str>)] = &[
        (Lang::En, "${c}5 million", "5000000", Some("USD")),
        (Lang::En, "$5{c} million", "5000000", Some("USD")),
        (Lang::En, "$5{c}million", "5000000", Some("USD")),
        (Lang::En, "5{c} million dollars", "5000000", Some("USD")),
        (Lang::En, "$5 mil{c}lion", "5000000", Some("USD")),
        (Lang::En, "$5 billion{c}", "5000000000", Some("USD")),
        (Lang::En, "$300{c}k", "300000", Some("USD")),
        (Lang::En, "5{c}%", "5", None),
        (Lang::En, "about{c} $5", "5", Some("USD")),
        (Lang::En, "two{c} million dollars", "2000000", Some("USD")),
        (
            Lang::Fr,
            "9{c} milliards de dollars",
            "9000000000",
            Some("USD"),
        ),
        (Lang::Fr, "1 000{c} €", "1000", Some("EUR")),
        (
            Lang::Fr,
            "2,5 mil{c}liards d'euros",
            "2500000000",
            Some("EUR"),
        ),
        (Lang::De, "3,5{c} Mrd. Euro", "3500000000", Some("EUR")),
        (
            Lang::De,
            "3,5 Mil{c}liar{c}den Euro",
            "3500000000",
            Some("EUR"),
        ),
        (Lang::De, "3,5 Mrd.{c} Euro", "3500000000", Some("EUR")),
        (Lang::Ru, "5{c} млн рублей", "5000000", Some("RUB")),
        (Lang::Ru, "5 млн руб{c}лей", "5000000", Some("RUB")),
        (Lang::Ru, "1 000 000{c} ₽", "1000000", Some("RUB")),
    ];
    for &c in FORMAT {
        for &(lang, pattern, value, currency) in cases {
            let text = pattern.replace("{c}", &c.to_string());
            let found = extract(&text, &all_kinds(lang));
            assert!(spans_ok(&text, &found), "{text:?}");
            if c == RLO && !pattern.ends_with("{c}") {
                // Under a right-to-left override: nothing is read after it.
                assert!(
                    found.iter().all(|f| f.end <= text.find(RLO).unwrap()),
                    "{lang} {text:?}: {found:?}"
                );
                continue;
            }
            assert_eq!(found.len(), 1, "{lang} {text:?}: {found:?}");
            let f = &found[0].figure;
            assert_eq!(f.value(), Value::Exact(dec(value)), "{lang} {text:?}");
            assert_eq!(f.currency().map(|c| c.code()), currency, "{lang} {text:?}");
        }
    }
}

/// Marks around whole figures (bidirectional text) hide no figure.
#[test]
fn marks_around_figures_keep_every_figure() {
    let cases: &[(Lang, &str, &[&str])] = &[
        (
            Lang::En,
            "{c}Revenue rose to {c}$5 million{c}, {c}up 12%{c}, with {c}200 employees{c}.",
            &["5000000", "12", "200"],
        ),
        (
            Lang::Fr,
            "{c}Le chiffre d'affaires atteint {c}9 milliards de dollars{c} et {c}1 000 €{c}.",
            &["9000000000", "1000"],
        ),
        (
            Lang::De,
            "{c}Der Umsatz stieg auf {c}3,5 Mrd. Euro{c} und {c}200 MW{c}.",
            &["3500000000", "200"],
        ),
        (
            Lang::Ru,
            "{c}Выручка составила {c}290 млн долларов{c}, а {c}1 000 000 ₽{c} ушли на налоги.",
            &["290000000", "1000000"],
        ),
    ];
    for &c in FORMAT.iter().filter(|&&c| c != RLO) {
        for &(lang, pattern, values) in cases {
            let text = pattern.replace("{c}", &c.to_string());
            let found = extract(&text, &Options::default().lang(lang));
            let got: Vec<Value> = found.iter().map(|f| f.figure.value()).collect();
            let want: Vec<Value> = values.iter().map(|v| Value::Exact(dec(v))).collect();
            assert_eq!(got, want, "{lang} {text:?}");
        }
    }
    // Isolates around a figure, the way bidi-aware editors write them.
    let text = "\u{2067}ارتفعت الإيرادات إلى\u{2069} \u{2066}$5 million\u{2069}";
    let found = extract(text, &Options::default().lang(Lang::En));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text(text), "$5 million");
}

/// Digits under a right-to-left override are displayed reversed
/// ("\u{202e}0001 $" shows "$ 1000"): no figure, and the figures after the
/// override ends are read.
#[test]
fn right_to_left_override_is_no_figure() {
    for lang in Lang::ALL {
        for text in [
            "\u{202e}0001 $",
            "\u{202e}$15 million",
            "a \u{202e}51 €",
            "\u{202e}\u{202a}x\u{202c}21 €",
        ] {
            let found = extract(text, &all_kinds(lang));
            assert!(found.is_empty(), "{lang} {text:?}: {found:?}");
        }
        for text in [
            "\u{202e}abc\u{202c} 15 €",
            "\u{202e}abc\n15 €",
            "\u{202e}abc \u{2066}15 €\u{2069}",
        ] {
            let found = extract(text, &all_kinds(lang));
            assert_eq!(found.len(), 1, "{lang} {text:?}: {found:?}");
            assert_eq!(found[0].figure.value(), Value::Exact(dec("15")));
        }
    }
}

/// Every surface form and sentence of the table tests (`tests/corpus/*.toml`)
/// with an invisible character inserted at each place in turn (the
/// character cycles through [`FORMAT`]): each figure found has the value of
/// a figure found at the same place without it, or there is none. This
/// covers ranges ("$5–1\u{200b}0 million" gives no "$5"), lists whose scale
/// is written once ("$5, $7 and $9\u{202e} billion" gives no "$5"), spelled
/// numbers ("soix\u{ad}ante et onze" is 71, not 11) and scale words.
#[test]
fn corpus_with_an_invisible_char_keeps_every_value() {
    use toml::Value as T;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let (mut checked, mut wrong) = (0usize, Vec::new());
    for lang in ["en", "fr", "de", "ru"] {
        let src = std::fs::read_to_string(dir.join(format!("{lang}.toml"))).unwrap();
        let doc: toml::Table = toml::from_str(&src).unwrap();
        let records = |kind: &str| {
            doc.get(kind)
                .and_then(T::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let mut texts: Vec<(String, chiffre::LangMode)> = Vec::new();
        for rec in records("parse").iter().chain(&records("extract")) {
            let mode = rec
                .get("lang")
                .and_then(T::as_str)
                .unwrap_or("auto")
                .parse()
                .unwrap();
            let forms = rec
                .get("forms")
                .and_then(T::as_array)
                .cloned()
                .unwrap_or_default();
            for t in forms.iter().chain(rec.get("text")).filter_map(T::as_str) {
                texts.push((t.to_string(), mode));
            }
        }
        for (text, mode) in texts {
            if text.contains(|c| FORMAT.contains(&c)) {
                continue;
            }
            let opts = Options {
                lang: mode,
                kinds: KindSet::all(),
                ..Options::default()
            };
            let clean = extract(&text, &opts);
            let bounds = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
            for (n, k) in bounds.enumerate() {
                let c = FORMAT[(n + checked) % FORMAT.len()];
                let dirty = format!("{}{c}{}", &text[..k], &text[k..]);
                let found = extract(&dirty, &opts);
                assert!(spans_ok(&dirty, &found), "{dirty:?}");
                checked += 1;
                for f in &found {
                    // The span in the text without the character.
                    let back = |x: usize| if x > k { x - c.len_utf8() } else { x };
                    let (s, e) = (back(f.start), back(f.end));
                    let same = clean
                        .iter()
                        .any(|g| g.start < e && s < g.end && g.figure.value() == f.figure.value());
                    if !same {
                        wrong.push(format!(
                            "{lang} {dirty:?}: {:?} = {}",
                            f.text(&dirty),
                            f.figure
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 20_000, "{checked}");
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Each language's number styles (group, decimal point), U+2007 included.
fn styles(lang: Lang) -> &'static [(Option<&'static str>, char)] {
    match lang {
        Lang::En => &[
            (None, '.'),
            (Some(","), '.'),
            (Some("\u{a0}"), '.'),
            (Some("\u{202f}"), '.'),
            (Some("\u{2007}"), '.'),
            (Some("'"), '.'),
        ],
        Lang::Fr => &[
            (None, ','),
            (Some(" "), ','),
            (Some("\u{a0}"), ','),
            (Some("\u{202f}"), ','),
            (Some("\u{2007}"), ','),
        ],
        Lang::De => &[
            (None, ','),
            (Some("."), ','),
            (Some("'"), '.'),
            (Some("\u{202f}"), ','),
            (Some("\u{2007}"), ','),
        ],
        Lang::Ru => &[
            (None, ','),
            (Some(" "), ','),
            (Some("\u{a0}"), ','),
            (Some("\u{2009}"), ','),
            (Some("\u{2007}"), ','),
        ],
    }
}

/// (before the number, after it, power of ten, currency code).
type Frame = (&'static str, &'static str, u32, Option<&'static str>);

fn frames(lang: Lang) -> &'static [Frame] {
    match lang {
        Lang::En => &[
            ("", "", 0, None),
            ("$", "", 0, Some("USD")),
            ("$", " million", 6, Some("USD")),
            ("", " billion dollars", 9, Some("USD")),
            ("", "bn euros", 9, Some("EUR")),
            ("", " thousand USD", 3, Some("USD")),
            ("", "%", 0, None),
        ],
        Lang::Fr => &[
            ("", "", 0, None),
            ("", " millions d'euros", 6, Some("EUR")),
            ("", " milliards de dollars", 9, Some("USD")),
            ("", " M€", 6, Some("EUR")),
            ("", " €", 0, Some("EUR")),
            ("", " %", 0, None),
        ],
        Lang::De => &[
            ("", "", 0, None),
            ("", " Mio. Euro", 6, Some("EUR")),
            ("", " Mrd. US-Dollar", 9, Some("USD")),
            ("", " Tsd. Franken", 3, Some("CHF")),
            ("", " €", 0, Some("EUR")),
        ],
        Lang::Ru => &[
            ("", "", 0, None),
            ("", " млн долларов", 6, Some("USD")),
            ("", " млрд рублей", 9, Some("RUB")),
            ("", " тыс. руб.", 3, Some("RUB")),
            ("", " ₽", 0, Some("RUB")),
            ("$", "", 0, Some("USD")),
        ],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// An invisible character inserted anywhere in a well-formed amount:
    /// every figure over the amount has its exact value (and currency), or
    /// there is none — never another value.
    #[test]
    fn random_format_char_never_changes_a_value(
        lang in prop::sample::select(Lang::ALL.to_vec()),
        mantissa in 0u64..10_000_000_000_000,
        decimals in 0u32..4,
        style_i in 0usize..6,
        frame_i in 0usize..7,
        c in prop::sample::select(FORMAT.to_vec()),
        at in any::<prop::sample::Index>(),
        framed in any::<bool>(),
    ) {
        let styles = styles(lang);
        let (group, point) = styles[style_i % styles.len()];
        let frames = frames(lang);
        let (before, after, exp, currency) = frames[frame_i % frames.len()];
        let amount = format!("{before}{}{after}", render(mantissa, decimals, group, point));
        let value = Decimal::from_i128_with_scale(i128::from(mantissa), decimals)
            * Decimal::from(10u64.pow(exp));
        let (lead, tail) = if framed { ("Total: ", ".") } else { ("", "") };
        let opts = all_kinds(lang);

        // The amount as written is read exactly (a year such as "2019" is not).
        let clean = format!("{lead}{amount}{tail}");
        let clean_found = extract(&clean, &opts);
        let base = covering(&clean_found, lead.len()..lead.len() + amount.len());
        prop_assume!(base.len() == 1 && base[0].figure.value() == Value::Exact(value));
        prop_assert_eq!(base[0].figure.currency().map(|c| c.code()), currency);

        // The same with an invisible character at a random place in it.
        let bounds: Vec<usize> = (0..=amount.len()).filter(|&i| amount.is_char_boundary(i)).collect();
        let k = bounds[at.index(bounds.len())];
        let dirty_amount = format!("{}{c}{}", &amount[..k], &amount[k..]);
        let dirty = format!("{lead}{dirty_amount}{tail}");
        let found = extract(&dirty, &opts);
        prop_assert!(spans_ok(&dirty, &found), "{:?}", dirty);
        for f in covering(&found, lead.len()..lead.len() + dirty_amount.len()) {
            prop_assert_eq!(
                f.figure.value(), Value::Exact(value),
                "{} {:?}: {:?} = {}", lang, dirty, f.text(&dirty), f.figure
            );
            if let Some(cur) = f.figure.currency() {
                prop_assert_eq!(Some(cur.code()), currency, "{} {:?}", lang, dirty);
            }
        }
        // Within a number the character cuts it: no figure.
        let digits = |s: &str, i: usize| s[..i].ends_with(|d: char| d.is_ascii_digit())
            && s[i..].starts_with(|d: char| d.is_ascii_digit());
        if digits(&amount, k) {
            prop_assert!(
                covering(&found, lead.len()..lead.len() + dirty_amount.len()).is_empty(),
                "{} {:?}: {:?}", lang, dirty, found
            );
        }
        // `parse` agrees: the exact value or an error.
        if let Ok(f) = parse(&dirty_amount, lang) {
            prop_assert_eq!(f.value(), Value::Exact(value), "{} parse {:?}", lang, dirty_amount);
        }
    }
}

/// What stands for an unreadable byte (the command line reads an invalid
/// UTF-8 byte as NUL; a control character; U+FFFD) is no white space: no
/// figure crosses it or touches it, on either side, since what it hid may
/// have belonged to the figure ("<\xFF$5 million" may have said "≤").
#[test]
fn unreadable_byte_is_touched_by_no_figure() {
    // (text, the figures that remain, as written)
    let cases: &[(&str, &[&str])] = &[
        ("<\0$5 million", &[]),
        ("about\0$7 million", &[]),
        ("about \u{fffd}$7 million", &[]),
        ("$3 million\0 in cash", &[]),
        ("\u{1}12% stake", &[]),
        ("12%\u{7f}", &[]),
        ("$5 million\u{85}", &[]),
        // Apart from it by a space, a figure is read as usual.
        ("< \0 $5 million", &["$5 million"]),
        ("\0 about $7 million", &["about $7 million"]),
        // Format characters that are not unreadable bytes stay white space.
        ("about\u{200b}$7 million", &["about\u{200b}$7 million"]),
    ];
    for (text, want) in cases {
        let found = extract(text, &Options::default().lang(Lang::En));
        let got: Vec<&str> = found.iter().map(|f| f.text(text)).collect();
        assert_eq!(&got, want, "{text:?}");
    }
}
