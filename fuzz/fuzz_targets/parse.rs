//! `parse` never panics, and every error names an offset inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in ["auto", "en", "fr", "de", "ru"] {
        let mode: chiffre::LangMode = lang.parse().unwrap();
        match chiffre::parse(text, mode) {
            Ok(f) => {
                // A parsed figure serialises.
                let _ = serde_json::to_string(&f).unwrap();
            }
            Err(e) => {
                assert!(e.span().start <= text.len() && e.span().end <= text.len(), "{e:?}");
                assert!(e.span().start <= e.span().end);
            }
        }
    }
});
