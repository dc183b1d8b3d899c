//! The HTML input path of the command line: markup with non-ASCII text in
//! scripts, styles, comments and attributes is masked without panicking,
//! the masked text keeps the length (so offsets stay those of the file) and
//! stays valid UTF-8, masking in chunks equals masking whole, and figures
//! found in it slice the original on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../src/bin/chiffre/input.rs"]
#[allow(dead_code)]
mod input;

fuzz_target!(|data: &[u8]| {
    let Some((&seed, rest)) = data.split_first() else { return };
    // Make markup likely: map some bytes to the characters HTML is made of.
    let mut html = Vec::with_capacity(rest.len());
    for &b in rest {
        match b {
            0xF0 => html.extend_from_slice(b"<script>"),
            0xF1 => html.extend_from_slice(b"</script>"),
            0xF2 => html.extend_from_slice(b"<style>"),
            0xF3 => html.extend_from_slice(b"</style>"),
            0xF4 => html.extend_from_slice(b"<!--"),
            0xF5 => html.extend_from_slice(b"-->"),
            0xF6 => html.extend_from_slice("€".as_bytes()),
            0xF7 => html.extend_from_slice("é".as_bytes()),
            0xF8 => html.extend_from_slice(b"&nbsp;"),
            0xF9 => html.extend_from_slice(b" $5 million "),
            0xFA => html.extend_from_slice(b"<p title=\""),
            _ => html.push(b),
        }
    }
    let valid = std::str::from_utf8(&html).is_ok();
    let mut whole = html.clone();
    input::HtmlMask::default().mask(&mut whole);
    assert_eq!(whole.len(), html.len());
    if valid {
        assert!(std::str::from_utf8(&whole).is_ok());
    }
    // The same in chunks of about `seed` bytes (10 to 265), cut where the
    // chunker cuts HTML: never inside a token that starts with '<' or '&'.
    let step = usize::from(seed) + 10;
    let mut mask = input::HtmlMask::default();
    let mut pieces = Vec::with_capacity(html.len());
    let mut at = 0;
    let mut exact = true;
    while at < html.len() {
        let mut end = (at + step).min(html.len());
        if end < html.len() {
            // As the chunker does: the cut in the piece's own buffer.
            match input::html_safe_cut(&html[at..], end - at) {
                Some(safe) => end = at + safe,
                // A run of '<' as long as a piece: which of them are masked
                // may differ (never a figure); not compared.
                None => exact = false,
            }
        }
        let mut c = html[at..end].to_vec();
        mask.mask(&mut c);
        pieces.extend_from_slice(&c);
        at = end;
    }
    if exact {
        assert_eq!(pieces, whole);
    }
    // Extraction on the masked text; spans slice the original.
    let (text, _) = input::to_text(whole, 0);
    let (original, _) = input::to_text(html, 0);
    for f in chiffre::extract(&text, &chiffre::Options::default()) {
        assert!(original.is_char_boundary(f.start) && original.is_char_boundary(f.end));
        let _ = &original[f.start..f.end];
    }
});
