//! The JSON Lines input path: records are decoded and extracted without
//! panicking, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[derive(serde::Deserialize)]
struct Record {
    #[allow(dead_code)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    lang: Option<String>,
}

fuzz_target!(|data: &[u8]| {
    for line in data.split(|b| *b == b'\n') {
        let Ok(rec) = serde_json::from_slice::<Record>(line) else { continue };
        let lang: chiffre::LangMode = rec.lang.as_deref().and_then(|l| l.parse().ok()).unwrap_or_default();
        let found = chiffre::extract(&rec.text, &chiffre::Options::default().lang(lang));
        for f in &found {
            let row = chiffre::Row { source: "fuzz", found: f, text: &rec.text, offset: 0 };
            let _ = serde_json::to_string(&row).unwrap();
        }
    }
});
