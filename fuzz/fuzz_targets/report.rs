//! The HTML report on any text: no panic, and no markup of the text
//! reaches the page — the page has as many `<script`, `<mark` openings and
//! `</mark>` closings as the figures and the page itself make, whatever the
//! text holds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Up to three documents, cut at NUL bytes.
    let docs: Vec<(String, &str)> = text
        .splitn(3, '\0')
        .enumerate()
        .map(|(i, t)| (format!("doc{i}<b>\"'"), t))
        .collect();
    let opts = chiffre::Options::default();
    let page = chiffre::report::html("<title>", &docs, &opts);
    let empty = chiffre::report::html("<title>", &[("x", "")], &opts);
    let count = |p: &str, s: &str| p.matches(s).count();
    assert_eq!(count(&page, "<script"), count(&empty, "<script"));
    assert_eq!(count(&page, "<mark"), count(&page, "</mark>"));
    let figures: usize = docs
        .iter()
        .map(|(_, t)| chiffre::extract(t, &opts).len())
        .sum();
    assert!(count(&page, "<mark") <= figures + count(&empty, "<mark"));
});
