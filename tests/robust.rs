//! Pathological inputs stay linear: each test feeds megabytes of a worst
//! case to `extract` (and `parse`) and asserts the work done — anchors and
//! grammar runs per byte, and the output size — never wall-clock time.

use chiffre::{Extractor, KindSet, Lang, Options, parse};

const MB: usize = 1_000_000;

/// Runs extract with every kind and returns (figures, stats).
fn run(text: &str) -> (usize, chiffre::Stats) {
    let mut ex = Extractor::new(Options::default().kinds(KindSet::all()));
    let n = ex.extract(text).len();
    (n, ex.stats())
}

/// The grammar runs at most a few times per anchor, and anchors are bounded
/// by the bytes.
fn assert_linear(name: &str, text: &str, stats: chiffre::Stats) {
    assert_eq!(
        stats.bytes as usize,
        text.len(),
        "{name}: every byte read once"
    );
    assert!(stats.anchors as usize <= text.len(), "{name}: {stats:?}");
    assert!(stats.parses <= 6 * stats.anchors + 1, "{name}: {stats:?}");
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

#[test]
fn ten_megabytes_of_digits() {
    let text = "7".repeat(10 * MB);
    let (n, stats) = run(&text);
    // Too large for an exact decimal: no figure, one anchor.
    assert_eq!(n, 0);
    assert_eq!(stats.anchors, 1);
    let err = parse(&text, Lang::En).unwrap_err();
    assert!(err.is_overflow());
    assert_eq!(err.span(), 0..text.len());
}

#[test]
fn ten_megabytes_of_ones() {
    let text = repeat("1 ", 10 * MB);
    let (n, stats) = run(&text);
    assert_linear("1 1 1", &text, stats);
    assert_eq!(n, text.len() / 2);
}

#[test]
fn ten_megabytes_of_scale_words() {
    for unit in ["million ", "millions ", "млн ", "Mrd. ", "milliards "] {
        let text = repeat(unit, 10 * MB);
        let (n, stats) = run(&text);
        assert_linear(unit, &text, stats);
        // A scale word alone is not a number.
        assert_eq!(n, 0, "{unit}");
    }
}

#[test]
fn repeated_qualifiers() {
    let text = format!("{} 5 dollars", repeat("about ", 10 * MB));
    let (n, stats) = run(&text);
    assert_linear("about about", &text, stats);
    assert_eq!(n, 1);
}

#[test]
fn currency_symbols_between_numbers() {
    // Each "$" could close the number before it or open the next one: the
    // look-ahead that decides is one level deep, so this stays linear.
    let text = repeat("1 $ ", 4 * MB);
    let (n, stats) = run(&text);
    assert_linear("1 $ 1 $", &text, stats);
    assert!(n >= text.len() / 8, "{n}");
}

#[test]
fn ranges_and_dates() {
    for unit in ["5-10-", "1.2.", "7/7/", "$5–$", "от 5 до "] {
        let text = repeat(unit, 4 * MB);
        let (_, stats) = run(&text);
        assert_linear(unit, &text, stats);
    }
}

#[test]
fn spelled_numbers_forever() {
    let text = repeat("one hundred and ", 4 * MB);
    let (_, stats) = run(&text);
    assert_linear("one hundred and", &text, stats);
}

#[test]
fn one_long_line() {
    // 20 MB on one line with a figure every 20 bytes (the CLI's streaming of
    // a 100 MB line is tested in src/bin/chiffre/input.rs).
    let text = repeat("costs $5 million, ", 20 * MB);
    let (n, stats) = run(&text);
    assert_linear("one line", &text, stats);
    assert_eq!(n, text.len() / "costs $5 million, ".len());
}

#[test]
fn parse_never_panics_on_long_junk() {
    for unit in ["$", "€ ", "-", "1,", ".", "about ", "between 5 and ", "½"] {
        let text = repeat(unit, MB);
        let _ = parse(&text, Lang::En);
        let _ = parse(&text, chiffre::LangMode::Auto);
    }
}

/// Inputs the fuzzer found (fuzz/artifacts), kept as regressions.
#[test]
fn fuzz_regressions() {
    for text in ["NO.5", "no. .5", "section.7", "art..3"] {
        let found = chiffre::extract(text, &Options::default().kinds(KindSet::all()));
        for f in &found {
            assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
        }
    }
}

#[test]
fn changes_forever() {
    // A verb of change, its change and its levels, over and over; and
    // verbs and marks with no figure: the change stage stays linear.
    let unit = "rose 5% to $4 from $3, ";
    let text = repeat(unit, 4 * MB);
    let (found, changes) =
        chiffre::extract_changes(&text, &Options::default().kinds(KindSet::all()));
    assert_eq!(found.len(), 3 * (text.len() / unit.len()));
    assert_eq!(changes.len(), text.len() / unit.len());
    for unit in [
        "rose fell to from by ",
        "doubled halved вдвое ",
        "de 5 à 6 € a reculé ",
    ] {
        let text = repeat(unit, 4 * MB);
        let (_, stats) = run(&text);
        assert_linear(unit, &text, stats);
    }
}
