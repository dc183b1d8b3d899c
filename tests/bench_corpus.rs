//! The bench text generator (`benches/corpus.rs`): deterministic, of the
//! size asked for, at its two densities, and read by chiffre — every
//! inserted figure found at its exact span with its exact value and
//! currency or unit, in at least 97% of cases per language, and (at most
//! 3%) no figure where none was inserted: dates, years and names are no
//! figures.
//!
//! About 1.5 MB of text is extracted in all. Run with `-- --nocapture` to
//! see the recall per language and per form.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, HashMap};

use chiffre::{Found, Lang, Options, extract};
use corpus::{Corpus, Density, Langs, MB, Truth, generate};

/// Bytes per corpus in the accuracy and density tests.
const SIZE: usize = 150_000;

const LANGS: [Langs; 5] = [
    Langs::One(Lang::En),
    Langs::One(Lang::Fr),
    Langs::One(Lang::De),
    Langs::One(Lang::Ru),
    Langs::Mixed,
];
const DENSITIES: [Density; 2] = [Density::News, Density::Dense];

fn name(langs: Langs) -> &'static str {
    match langs {
        Langs::One(l) => l.code(),
        Langs::Mixed => "mixed",
    }
}

#[test]
fn same_seed_same_bytes() {
    for density in DENSITIES {
        let a = generate(7, 100_000, Langs::Mixed, density);
        let b = generate(7, 100_000, Langs::Mixed, density);
        assert_eq!(a, b, "{density:?}: seed 7 twice");
        let c = generate(8, 100_000, Langs::Mixed, density);
        assert_ne!(a.text, c.text, "{density:?}: seeds 7 and 8");
        assert_ne!(a.truth, c.truth, "{density:?}: seeds 7 and 8");
    }
}

#[test]
fn sizes_layout_and_spans() {
    for density in DENSITIES {
        for langs in LANGS {
            for size in [1, 5_000, 60_000] {
                let c = generate(3, size, langs, density);
                let what = format!("{density:?} {} {size}", name(langs));
                let len = c.text.len();
                // At least the size, at most one paragraph (news: one
                // article's last paragraph) more.
                assert!(len >= size, "{what}: {len} bytes");
                assert!(len < size + 4_000, "{what}: {len} bytes");
                assert!(!c.text.contains("\n\n\n") && !c.text.ends_with('\n'));
                assert_eq!(c.text.split("\n\n").count(), c.paragraphs, "{what}");
                assert!(
                    c.text
                        .split("\n\n")
                        .all(|p| !p.is_empty() && !p.contains('\n'))
                );
                check_spans(&c, &what);
            }
        }
    }
}

/// Spans in order, apart, on character boundaries, never across a paragraph
/// break, never with white space at either end.
fn check_spans(c: &Corpus, what: &str) {
    let mut last = 0;
    for t in &c.truth {
        assert!(last <= t.start && t.start < t.end, "{what}: {t:?}");
        let s = c
            .text
            .get(t.start..t.end)
            .expect("a span on char boundaries");
        assert!(!s.contains('\n') && s.trim() == s, "{what}: {s:?}");
        last = t.end;
    }
}

#[test]
fn densities_are_near_their_targets() {
    for density in DENSITIES {
        for langs in LANGS {
            let c = generate(11, SIZE, langs, density);
            let per_mb = c.truth.len() * MB / c.text.len();
            let target = density.figures_per_mb();
            eprintln!(
                "{density:?} {}: {} figures in {} bytes = {per_mb} per MB (target {target})",
                name(langs),
                c.truth.len(),
                c.text.len()
            );
            assert!(
                per_mb * 4 >= target * 3 && per_mb * 4 <= target * 5,
                "{density:?} {}: {per_mb} figures per MB, target {target} ± 25%",
                name(langs)
            );
        }
    }
}

/// The text around a span, for messages.
fn around(text: &str, start: usize, end: usize) -> &str {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 20).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[from..to]
}

/// Why an inserted figure was not read as written, or `None` when it was.
fn miss(t: &Truth, found: Option<&&Found>) -> Option<String> {
    let Some(f) = found else {
        return Some("no figure at this span".into());
    };
    let f = &f.figure;
    let got = (
        f.kind(),
        f.value().exact(),
        f.currency().map(|c| c.code()),
        f.unit().map(|u| u.symbol()),
    );
    let want = (t.kind, Some(t.value), t.currency, t.unit);
    (got != want).then(|| format!("got {got:?}, want {want:?}"))
}

#[test]
fn chiffre_reads_at_least_97_percent_per_language() {
    // (lang) -> (figures, read); (form) -> (figures, read)
    let mut by_form: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for density in DENSITIES {
        for langs in LANGS {
            let c = generate(5, SIZE, langs, density);
            let found = extract(&c.text, &Options::default());
            let at: HashMap<(usize, usize), &Found> =
                found.iter().map(|f| ((f.start, f.end), f)).collect();
            let mut by_lang: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            let mut examples: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            for t in &c.truth {
                let why = miss(t, at.get(&(t.start, t.end)));
                let ok = usize::from(why.is_none());
                let e = by_lang.entry(t.lang.code()).or_default();
                e.0 += 1;
                e.1 += ok;
                let e = by_form.entry(t.form).or_default();
                e.0 += 1;
                e.1 += ok;
                if let Some(why) = why {
                    let ex = examples.entry(t.form).or_default();
                    if ex.len() < 3 {
                        ex.push(format!(
                            "{:?} in {:?}: {why}",
                            &c.text[t.start..t.end],
                            around(&c.text, t.start, t.end)
                        ));
                    }
                }
            }
            // Figures chiffre reports where none was inserted (dates,
            // years and headlines are meant to give none).
            let inserted: std::collections::HashSet<(usize, usize)> =
                c.truth.iter().map(|t| (t.start, t.end)).collect();
            let extra: Vec<&Found> = found
                .iter()
                .filter(|f| !inserted.contains(&(f.start, f.end)))
                .collect();
            report.push(format!(
                "{density:?} {}: {} bytes, {} figures, {} found, {} not inserted{}",
                name(langs),
                c.text.len(),
                c.truth.len(),
                found.len(),
                extra.len(),
                extra
                    .iter()
                    .take(3)
                    .map(|f| format!(" {:?}", f.text(&c.text)))
                    .collect::<String>()
            ));
            if extra.len() * 100 > c.truth.len() * 3 {
                failures.push(format!(
                    "{density:?} {}: {} figures where none was inserted",
                    name(langs),
                    extra.len()
                ));
            }
            for (lang, (n, ok)) in by_lang {
                let permille = ok * 1000 / n;
                report.push(format!(
                    "    {lang}: {ok}/{n} = {}.{}%",
                    permille / 10,
                    permille % 10
                ));
                if ok * 100 < n * 97 {
                    failures.push(format!("{density:?} {} {lang}: {ok}/{n}", name(langs)));
                }
            }
            for (form, ex) in examples {
                for e in ex {
                    report.push(format!("    miss {form}: {e}"));
                }
            }
        }
    }
    for line in &report {
        eprintln!("{line}");
    }
    for (form, (n, ok)) in &by_form {
        eprintln!("{form:32} {ok:5}/{n:5}");
    }
    assert!(failures.is_empty(), "{failures:?}");
}
