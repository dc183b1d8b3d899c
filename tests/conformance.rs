//! Conformance with other projects' test suites (Microsoft Recognizers-Text,
//! Scrapinghub price-parser, Facebook Duckling), converted to JSON Lines in
//! `../shared/corpora` (or `$CHIFFRE_CORPORA`).
//!
//! Every case runs `extract` in the case's language (`und` = detected),
//! restricted to the case's scope, and passes when the multiset of values
//! found (the value, or min/max for intervals; the currency where the case
//! names one) equals the expected one. `ordinal` files are negative tests:
//! no money, percent or number may be found.
//!
//! Prints a table (file, cases, passed, rate, first failures) and fails when
//! a file falls below its floor in `tests/conformance_floors.toml`. Cases
//! judged wrong upstream are listed, with the reason, in
//! `tests/conformance_exclusions.toml`.
//!
//! A subunit figure ("10 cent", 0.10 in chiffre) is compared by its count
//! of hundredths, as the suites write it.
//!
//! `CHIFFRE_CONFORMANCE_FAILURES=N` prints N failures per file (default 5);
//! `CHIFFRE_CONFORMANCE_ONLY=substr` runs only matching files.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;

use chiffre::{Kind, KindSet, LangMode, Options, Qualifier, Value, extract};
use rust_decimal::Decimal;
use serde_json::Value as J;

/// One expected or found item: value, or interval bounds; currency.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    value: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    currency: Option<String>,
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = |v: Option<Decimal>| v.map_or("·".to_string(), |v| v.normalize().to_string());
        match self.value {
            Some(v) => write!(f, "{}", v.normalize())?,
            None => write!(f, "[{}, {}]", d(self.min), d(self.max))?,
        }
        if let Some(c) = &self.currency {
            write!(f, " {c}")?;
        }
        Ok(())
    }
}

fn dec(v: &J) -> Option<Decimal> {
    v.as_str()
        .and_then(|s| Decimal::from_str_exact(s).ok())
        .map(|d| d.normalize())
}

fn corpora_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CHIFFRE_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    dir.is_dir().then_some(dir)
}

/// The kinds to ask for, from the case's scope.
fn kinds_for(scope: &[String]) -> KindSet {
    let mut k = KindSet::empty();
    for s in scope {
        match s.as_str() {
            "money" => k.insert(Kind::Money),
            "percent" => k.insert(Kind::Percent),
            // Recognizers' dimension model has no durations (those belong
            // to its date-time model): "three hours" is not asked for.
            "dimension" => {
                for d in [Kind::Power, Kind::Energy, Kind::Hashrate, Kind::Measure] {
                    k.insert(d);
                }
            }
            "ordinal" => {
                for d in [Kind::Money, Kind::Percent, Kind::Number] {
                    k.insert(d);
                }
            }
            // The number-range model reads "20~100 gram" as the range
            // 20..100: every kind is asked for.
            "number-range" => return KindSet::all(),
            // The number model finds bare numbers only: "the 180ml liquid"
            // holds none (Recognizers' NumberModel #3), so measures are
            // not asked for.
            _ => {
                for d in Kind::ALL.into_iter().filter(|d| *d != Kind::Measure) {
                    k.insert(d);
                }
            }
        }
    }
    k
}

/// A found figure as a comparable item: its value, and the interval its
/// qualifier or range states (open ends for over/under/at least/at most).
fn found_item(f: &chiffre::Figure) -> Item {
    let currency = f.currency().map(|c| c.code().to_string());
    // The suites write a subunit as counted ("10 cent" = 10); chiffre gives
    // it in the main unit (0.10) and names the rule: compare the count.
    let hundredths = f
        .alternatives()
        .iter()
        .any(|a| a.rule == chiffre::Rule::SubunitInMainUnit);
    let value = match f.value() {
        Value::Exact(v) if hundredths => Value::Exact(v * Decimal::ONE_HUNDRED),
        Value::Range { min, max } if hundredths => Value::Range {
            min: min * Decimal::ONE_HUNDRED,
            max: max * Decimal::ONE_HUNDRED,
        },
        v => v,
    };
    match value {
        Value::Range { min, max } => Item {
            value: None,
            min: Some(min.normalize()),
            max: Some(max.normalize()),
            currency,
        },
        Value::Exact(v) => {
            let v = v.normalize();
            let (min, max) = match f.qualifier() {
                Qualifier::Over | Qualifier::AtLeast => (Some(v), None),
                Qualifier::Under | Qualifier::AtMost => (None, Some(v)),
                _ => (Some(v), Some(v)),
            };
            Item {
                value: Some(v),
                min,
                max,
                currency,
            }
        }
    }
}

fn expected_item(e: &J) -> Item {
    let value = dec(&e["value"]);
    let (min, max) = if value.is_none() {
        (dec(&e["min"]), dec(&e["max"]))
    } else {
        (None, None)
    };
    Item {
        value,
        min,
        max,
        currency: e["currency"].as_str().map(String::from),
    }
}

/// Whether a found item satisfies an expected one.
fn matches(exp: &Item, got: &Item) -> bool {
    let cur_ok = exp.currency.is_none() || exp.currency == got.currency;
    let val_ok = match exp.value {
        Some(v) => got.value == Some(v),
        None => exp.min == got.min && exp.max == got.max,
    };
    cur_ok && val_ok
}

/// Multiset equality under `matches`.
fn case_passes(expected: &[Item], found: &[Item]) -> bool {
    if expected.len() != found.len() {
        return false;
    }
    let mut used = vec![false; found.len()];
    expected.iter().all(|e| {
        if let Some(i) = (0..found.len()).find(|&i| !used[i] && matches(e, &found[i])) {
            used[i] = true;
            true
        } else {
            false
        }
    })
}

struct FileResult {
    cases: usize,
    passed: usize,
    failures: Vec<String>,
}

fn run_file(path: &PathBuf, excluded: &BTreeMap<String, String>, show: usize) -> FileResult {
    let data = std::fs::read_to_string(path).expect("a readable corpus file");
    let mut r = FileResult {
        cases: 0,
        passed: 0,
        failures: Vec::new(),
    };
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: J = serde_json::from_str(line).expect("valid JSON");
        let id = case["id"].as_str().unwrap_or("?").to_string();
        if excluded.contains_key(&id) {
            continue;
        }
        r.cases += 1;
        let text = case["text"].as_str().unwrap_or("");
        let scope: Vec<String> = case["scope"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(String::from))
            .collect();
        let lang =
            LangMode::from_str(case["lang"].as_str().unwrap_or("und")).unwrap_or(LangMode::Auto);
        let ordinal = scope.iter().any(|s| s == "ordinal");
        let mut opts = Options {
            lang,
            kinds: kinds_for(&scope),
            ..Options::default()
        };
        // Duckling's locale cases ("en-CA"): the region sets the local dollar.
        if let Some(locale) = case["locale"].as_str() {
            opts = opts.region(locale).unwrap_or(opts);
        }
        // price-parser reads price fields, with the currency column as a
        // hint (its API: parse(price, currency_hint)).
        if id.starts_with("priceparser:") {
            opts = opts.prices(true);
            if let Some(c) = case["currency_hint"]
                .as_str()
                .and_then(chiffre::currency_in)
            {
                opts = opts.local_currency(c);
            }
        }
        let found: Vec<Item> = extract(text, &opts)
            .iter()
            .map(|f| found_item(&f.figure))
            .collect();
        let expected: Vec<Item> = if ordinal {
            Vec::new()
        } else {
            case["expected"]
                .as_array()
                .into_iter()
                .flatten()
                .map(expected_item)
                .collect()
        };
        if case_passes(&expected, &found) {
            r.passed += 1;
        } else if r.failures.len() < show {
            let list = |v: &[Item]| {
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            r.failures.push(format!(
                "    {id}\n      text:     {text:?}\n      expected: {}\n      found:    {}",
                list(&expected),
                list(&found)
            ));
        }
    }
    r
}

fn load_toml(name: &str) -> toml::Table {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name);
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let Some(dir) = corpora_dir() else {
        println!(
            "conformance: corpora not found (set CHIFFRE_CORPORA or put them in ../shared/corpora); skipped"
        );
        return;
    };
    let floors = load_toml("conformance_floors.toml");
    let floors = floors
        .get("floors")
        .and_then(|f| f.as_table())
        .cloned()
        .unwrap_or_default();
    let excluded: BTreeMap<String, String> = load_toml("conformance_exclusions.toml")
        .get("case")
        .and_then(|c| c.as_array())
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c.get("id")?.as_str()?.to_string(),
                c.get("reason")?.as_str()?.to_string(),
            ))
        })
        .collect();
    let show = std::env::var("CHIFFRE_CONFORMANCE_FAILURES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let only = std::env::var("CHIFFRE_CONFORMANCE_ONLY").ok();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpora directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .filter(|p| {
            only.as_ref()
                .is_none_or(|o| p.to_string_lossy().contains(o.as_str()))
        })
        .collect();
    files.sort();
    let mut below = Vec::new();
    let mut rows = Vec::new();
    let (mut all_cases, mut all_passed) = (0, 0);
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let r = run_file(path, &excluded, show);
        let rate_pm = (r.passed * 1000).checked_div(r.cases).unwrap_or(1000);
        let floor = floors
            .get(&name)
            .and_then(toml::Value::as_integer)
            .unwrap_or(0);
        let mark = if (rate_pm as i64) < floor * 10 {
            "  BELOW FLOOR"
        } else {
            ""
        };
        if !mark.is_empty() {
            below.push(format!(
                "{name}: {}.{}% < floor {floor}%",
                rate_pm / 10,
                rate_pm % 10
            ));
        }
        rows.push(format!(
            "| {name} | {} | {} | {}.{}% | {floor}% |{mark}",
            r.cases,
            r.passed,
            rate_pm / 10,
            rate_pm % 10
        ));
        all_cases += r.cases;
        all_passed += r.passed;
        if !r.failures.is_empty() && r.passed < r.cases {
            rows.push(format!(
                "  first failures of {name}:\n{}",
                r.failures.join("\n")
            ));
        }
    }
    println!(
        "\nconformance: {} files, {all_cases} cases, {all_passed} passed, {} excluded\n",
        files.len(),
        excluded.len()
    );
    println!("| corpus file | cases | passed | rate | floor |\n|---|---:|---:|---:|---:|");
    for r in rows {
        println!("{r}");
    }
    if !below.is_empty() {
        eprintln!("\nconformance below the floors:\n  {}", below.join("\n  "));
        std::process::exit(1);
    }
}
