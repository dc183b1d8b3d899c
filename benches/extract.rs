//! Throughput of `extract` and `parse` on text from ../shared/bench/gen_corpus.py.
//!
//! The corpora are generated once into `target/bench-corpus/` (4 MB per
//! language, seed 42) if missing; this needs `python3` and
//! `../shared/bench/gen_corpus.py` (or `$CHIFFRE_GEN_CORPUS`). Run with
//!
//! ```sh
//! cargo bench --bench extract
//! ```
//!
//! Every group reports bytes per second; `baseline/digits` is a bare pass
//! that counts ASCII digits, to state extract's speed as a fraction of a scan.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use chiffre::{KindSet, Lang, Options, extract, parse};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const MB: &str = "4";

fn corpus(lang: &str) -> (String, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-corpus");
    let path = dir.join(format!("{lang}-{MB}mb.txt"));
    let truth = dir.join(format!("{lang}-{MB}mb.truth.jsonl"));
    if !path.exists() {
        std::fs::create_dir_all(&dir).expect("target/bench-corpus");
        let script = std::env::var_os("CHIFFRE_GEN_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared/bench/gen_corpus.py"));
        let status = Command::new("python3")
            .arg(&script)
            .args(["--seed", "42", "--mb", MB, "--lang", lang, "--out"])
            .arg(&path)
            .arg("--truth")
            .arg(&truth)
            .status()
            .unwrap_or_else(|e| panic!("python3 {}: {e}", script.display()));
        assert!(status.success(), "gen_corpus.py failed for {lang}");
    }
    (
        std::fs::read_to_string(&path).expect("the generated corpus"),
        truth,
    )
}

/// The first 1,000 money, percent and power figures of the mixed corpus, as
/// written: a fixed list of typical amounts.
fn typical_amounts() -> Vec<(String, Lang)> {
    let (text, truth) = corpus("mixed");
    let truth = std::fs::read_to_string(truth).expect("the truth file");
    truth
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| matches!(v["kind"].as_str(), Some("money" | "percent" | "power")))
        .filter_map(|v| {
            let (s, e) = (v["start"].as_u64()? as usize, v["end"].as_u64()? as usize);
            let lang = Lang::from_code(v["lang"].as_str()?)?;
            Some((text.get(s..e)?.to_string(), lang))
        })
        .take(1000)
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let mixed = corpus("mixed").0;
    g.throughput(Throughput::Bytes(mixed.len() as u64));
    g.bench_function("baseline/digits", |b| {
        b.iter(|| {
            let n = black_box(&mixed).bytes().filter(u8::is_ascii_digit).count();
            assert!(n > 0);
            n
        })
    });
    for lang in ["mixed", "en", "fr", "de", "ru"] {
        let text = corpus(lang).0;
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("default/{lang}"), |b| {
            b.iter(|| {
                let found = extract(black_box(&text), &Options::default());
                assert!(found.len() > 1000);
                found.len()
            })
        });
    }
    g.throughput(Throughput::Bytes(mixed.len() as u64));
    g.bench_function("number/mixed", |b| {
        let opts = Options::default().kinds(KindSet::all());
        b.iter(|| {
            let found = extract(black_box(&mixed), &opts);
            assert!(found.len() > 1000);
            found.len()
        })
    });
    g.finish();

    let amounts = typical_amounts();
    let mut g = c.benchmark_group("parse");
    g.sample_size(20)
        .throughput(Throughput::Elements(amounts.len() as u64));
    g.bench_function("amount/1000", |b| {
        b.iter(|| {
            let mut ok = 0;
            for (text, lang) in &amounts {
                ok += usize::from(parse(black_box(text), *lang).is_ok());
            }
            assert!(
                ok * 10 >= amounts.len() * 9,
                "{ok} of {} parsed",
                amounts.len()
            );
            ok
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
