//! Table-driven tests: one expected figure, many surface forms.
//!
//! Reads every `tests/corpus/*.toml`. Two kinds of records:
//!
//! ```toml
//! [[parse]]                      # chiffre::parse(form, lang) for each form
//! name = "ru-290-million-usd"
//! lang = "ru"                    # en | fr | de | ru | auto
//! kind = "money"
//! value = "290000000"            # or min = "..." / max = "..." for a range
//! currency = "USD"               # optional: checked when present ("" = none)
//! unit = "MW"                    # optional, same
//! qualifier = "approx"           # optional, default "exact"
//! period = "year"                # optional, default none
//! forms = ["около 290 млн долларов", "примерно 290 миллионов долларов"]
//!
//! [[parse_error]]                # chiffre::parse must fail at this offset
//! name = "..."
//! lang = "en"
//! text = "$"
//! offset = 1
//!
//! [[extract]]                    # chiffre::extract(text) gives exactly these
//! name = "..."
//! lang = "fr"
//! kinds = "all"                  # optional, default kinds otherwise
//! text = "..."
//! expect = [{ text = "9 milliards de dollars", value = "9000000000", currency = "USD" }]
//! ```
//!
//! In `expect`, every field but `text` is optional; `text` is the exact
//! span. The test prints every failing case, then fails.

use std::fs;
use std::path::Path;

use chiffre::{Figure, LangMode, Options, Value, extract, parse};
use toml::Value as T;

fn field<'a>(t: &'a T, k: &str) -> Option<&'a str> {
    t.get(k).and_then(T::as_str)
}

/// Compares one figure with the expected fields of a record.
fn check(f: &Figure, exp: &T) -> Result<(), String> {
    let mut errs = Vec::new();
    let mut eq = |name: &str, got: Option<String>| {
        if let Some(want) = field(exp, name) {
            let got = got.unwrap_or_default();
            if got != want {
                errs.push(format!("{name}: expected {want:?}, got {got:?}"));
            }
        }
    };
    let (v, min, max) = match f.value() {
        Value::Exact(v) => (Some(v.normalize().to_string()), None, None),
        Value::Range { min, max } => (
            None,
            Some(min.normalize().to_string()),
            Some(max.normalize().to_string()),
        ),
    };
    eq("kind", Some(f.kind().name().to_string()));
    eq("value", v);
    eq("min", min);
    eq("max", max);
    eq("currency", f.currency().map(|c| c.code().to_string()));
    eq("unit", f.unit().map(|u| u.symbol().to_string()));
    eq("period", f.period().map(|p| p.name().to_string()));
    eq("scale", f.scale().map(|s| s.name().to_string()));
    eq(
        "polarity",
        Some(format!("{:?}", f.polarity()).to_lowercase()),
    );
    if exp.get("qualifier").is_some() || exp.get("forms").is_some() {
        let want = field(exp, "qualifier").unwrap_or("exact");
        if f.qualifier().name() != want {
            errs.push(format!(
                "qualifier: expected {want:?}, got {:?}",
                f.qualifier().name()
            ));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join("; "))
    }
}

fn lang_of(rec: &T) -> LangMode {
    field(rec, "lang")
        .unwrap_or("auto")
        .parse()
        .expect("a valid lang")
}

#[test]
fn corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut cases, mut failures) = (0usize, Vec::new());
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let src = fs::read_to_string(path).unwrap();
        let table: toml::Table =
            toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = T::Table(table);
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let mut per_file = 0;
        for rec in doc.get("parse").and_then(T::as_array).into_iter().flatten() {
            let name = field(rec, "name").unwrap_or("?");
            for form in rec.get("forms").and_then(T::as_array).into_iter().flatten() {
                let form = form.as_str().unwrap();
                per_file += 1;
                match parse(form, lang_of(rec)) {
                    Ok(f) => {
                        if let Err(e) = check(&f, rec) {
                            failures.push(format!("{file} {name} {form:?}: {e}"));
                        }
                    }
                    Err(e) => failures.push(format!("{file} {name} {form:?}: error {e}")),
                }
            }
        }
        for rec in doc
            .get("parse_error")
            .and_then(T::as_array)
            .into_iter()
            .flatten()
        {
            let name = field(rec, "name").unwrap_or("?");
            let text = field(rec, "text").unwrap();
            per_file += 1;
            match parse(text, lang_of(rec)) {
                Ok(f) => failures.push(format!(
                    "{file} {name} {text:?}: expected an error, got {f}"
                )),
                Err(e) => {
                    if let Some(off) = rec.get("offset").and_then(T::as_integer)
                        && e.offset() != off as usize
                    {
                        failures.push(format!(
                            "{file} {name} {text:?}: error at {}, expected {off}: {e}",
                            e.offset()
                        ));
                    }
                    if let Some(msg) = field(rec, "message")
                        && e.to_string() != msg
                    {
                        failures.push(format!(
                            "{file} {name}: message {:?}, expected {msg:?}",
                            e.to_string()
                        ));
                    }
                }
            }
        }
        for rec in doc
            .get("extract")
            .and_then(T::as_array)
            .into_iter()
            .flatten()
        {
            let name = field(rec, "name").unwrap_or("?");
            let text = field(rec, "text").unwrap();
            per_file += 1;
            let kinds = field(rec, "kinds")
                .map(|k| k.parse().unwrap())
                .unwrap_or_default();
            let found = extract(
                text,
                &Options {
                    lang: lang_of(rec),
                    kinds,
                    ..Options::default()
                },
            );
            let expect = rec
                .get("expect")
                .and_then(T::as_array)
                .cloned()
                .unwrap_or_default();
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{:?} {}", f.text(text), f.figure))
                .collect();
            if found.len() != expect.len() {
                failures.push(format!(
                    "{file} {name}: expected {} figures, got {}: {got:?}",
                    expect.len(),
                    found.len()
                ));
                continue;
            }
            for (f, e) in found.iter().zip(&expect) {
                if let Some(want) = field(e, "text")
                    && f.text(text) != want
                {
                    failures.push(format!(
                        "{file} {name}: span {:?}, expected {want:?}",
                        f.text(text)
                    ));
                }
                if let Err(err) = check(&f.figure, e) {
                    failures.push(format!("{file} {name} {:?}: {err}", f.text(text)));
                }
            }
        }
        println!("{file}: {per_file} cases");
        cases += per_file;
    }
    println!("{cases} cases, {} failures", failures.len());
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} corpus cases failed (see above)",
        failures.len()
    );
}
