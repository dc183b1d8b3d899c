//! Precision and recall of `extract` on an annotated held-out set
//! (eval/heldout.jsonl: {"id", "lang", "text", "expected": [...]}).
//!
//! ```sh
//! cargo run --release --example eval -- eval/heldout.jsonl
//! ```
//!
//! A found figure is a true positive when an expected figure has the same
//! span text, kind, value (or min/max), currency and unit.

use std::collections::BTreeMap;

use chiffre::{Options, Value, extract};
use serde_json::Value as J;

fn key(text: &str, kind: &str, value: &str, min: &str, max: &str, cur: &str, unit: &str) -> String {
    format!("{text}|{kind}|{value}|{min}|{max}|{cur}|{unit}")
}

fn s(v: &J) -> String {
    v.as_str().unwrap_or("").to_string()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "eval/heldout.jsonl".into());
    let data = std::fs::read_to_string(&path).expect("the held-out file");
    let mut per_lang: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: J = serde_json::from_str(line).expect("valid JSON");
        let text = s(&case["text"]);
        let lang = s(&case["lang"]);
        let opts = Options::default().lang(lang.parse::<chiffre::LangMode>().unwrap_or_default());
        let mut want: Vec<String> = case["expected"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                key(
                    &s(&e["text"]),
                    &s(&e["kind"]),
                    &s(&e["value"]),
                    &s(&e["min"]),
                    &s(&e["max"]),
                    &s(&e["currency"]),
                    &s(&e["unit"]),
                )
            })
            .collect();
        let got: Vec<String> = extract(&text, &opts)
            .iter()
            .map(|f| {
                let fig = &f.figure;
                let (v, lo, hi) = match fig.value() {
                    Value::Exact(v) => (v.normalize().to_string(), String::new(), String::new()),
                    Value::Range { min, max } => (
                        String::new(),
                        min.normalize().to_string(),
                        max.normalize().to_string(),
                    ),
                };
                let cur = fig
                    .currency()
                    .map(|c| c.code().to_string())
                    .unwrap_or_default();
                let unit = fig
                    .unit()
                    .map(|u| u.symbol().to_string())
                    .unwrap_or_default();
                key(f.text(&text), fig.kind().name(), &v, &lo, &hi, &cur, &unit)
            })
            .collect();
        let entry = per_lang.entry(lang.clone()).or_default();
        for g in &got {
            if let Some(i) = want.iter().position(|w| w == g) {
                want.remove(i);
                entry.0 += 1;
            } else {
                entry.1 += 1;
                println!("{} FP {g}", s(&case["id"]));
            }
        }
        for w in &want {
            entry.2 += 1;
            println!("{} FN {w}", s(&case["id"]));
        }
    }
    println!("\n| lang | tp | fp | fn | precision | recall |\n|---|---:|---:|---:|---:|---:|");
    let mut tot = (0, 0, 0);
    for (lang, (tp, fp, fnn)) in &per_lang {
        tot = (tot.0 + tp, tot.1 + fp, tot.2 + fnn);
        row(lang, *tp, *fp, *fnn);
    }
    row("all", tot.0, tot.1, tot.2);
}

fn row(lang: &str, tp: usize, fp: usize, fnn: usize) {
    // Per mille, in integers: the crate has no floating point.
    let p = tp * 1000 / (tp + fp).max(1);
    let r = tp * 1000 / (tp + fnn).max(1);
    println!(
        "| {lang} | {tp} | {fp} | {fnn} | {}.{}% | {}.{}% |",
        p / 10,
        p % 10,
        r / 10,
        r % 10
    );
}
