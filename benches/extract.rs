//! Throughput of `extract` and `parse` on text from `benches/corpus.rs`.
//!
//! The text is generated in memory (seed 42, 4 MB per language and mixed),
//! so the bench needs nothing outside the repository. Run with
//!
//! ```sh
//! cargo bench --bench extract
//! ```
//!
//! Every group reports bytes per second; `baseline/digits` is a bare pass
//! that counts ASCII digits, to state extract's speed as a fraction of a
//! scan. `default/*` and `number/mixed` read dense text (about 7,000
//! figures per MB), `news/mixed` wire copy (about 2,000 per MB, headlines,
//! dates and long figure-free sentences). `parse/amount/1000` parses the
//! first 1,000 money, percent and power figures of the mixed text, as the
//! generator wrote them.
//!
//! `shared/mixed` is a cross-check with the earlier measurements: the same
//! extraction on the text of `../shared/bench/gen_corpus.py` (or
//! `$CHIFFRE_GEN_CORPUS`), generated once into `target/bench-corpus/`. It
//! runs only when that script and `python3` are there.
//!
//! The mixed dense text is also written to `target/bench-corpus/mixed-4mb.txt`
//! for `cargo run --release --example throughput`.

mod corpus;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use chiffre::{Kind, KindSet, Lang, Options, extract, parse};
use corpus::{Corpus, Density, Langs, MB, generate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: u64 = 42;
const SIZE: usize = 4 * MB;

fn corpus(langs: &str, density: Density) -> Corpus {
    let langs = Langs::from_name(langs).expect("a language name");
    generate(SEED, SIZE, langs, density)
}

/// The first 1,000 money, percent and power figures of the mixed text, as
/// written: a fixed list of typical amounts.
fn typical_amounts(mixed: &Corpus) -> Vec<(&str, Lang)> {
    mixed
        .truth
        .iter()
        .filter(|t| matches!(t.kind, Kind::Money | Kind::Percent | Kind::Power))
        .map(|t| (&mixed.text[t.start..t.end], t.lang))
        .take(1000)
        .collect()
}

/// The mixed text of `../shared/bench/gen_corpus.py`, if the script and
/// `python3` are there (generated once into `target/bench-corpus/`).
fn shared_corpus() -> Result<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = std::env::var_os("CHIFFRE_GEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/bench/gen_corpus.py"));
    if !script.is_file() {
        return Err(format!("{} not found", script.display()));
    }
    let dir = root.join("target/bench-corpus");
    let path = dir.join("shared-mixed-4mb.txt");
    if !path.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let partial = dir.join("shared-mixed-4mb.txt.partial");
        let status = Command::new("python3")
            .arg(&script)
            .args(["--seed", "42", "--mb", "4", "--lang", "mixed", "--out"])
            .arg(&partial)
            .status()
            .map_err(|e| format!("python3: {e}"))?;
        if !status.success() {
            return Err(format!("python3 {}: {status}", script.display()));
        }
        std::fs::rename(&partial, &path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn bench(c: &mut Criterion) {
    let mixed = corpus("mixed", Density::Dense);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-corpus");
    if let Err(e) = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("mixed-4mb.txt"), &mixed.text))
    {
        eprintln!("target/bench-corpus/mixed-4mb.txt not written: {e}");
    }

    let mut g = c.benchmark_group("extract");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Bytes(mixed.text.len() as u64));
    g.bench_function("baseline/digits", |b| {
        b.iter(|| {
            let n = black_box(&mixed.text)
                .bytes()
                .filter(u8::is_ascii_digit)
                .count();
            assert!(n > 0);
            n
        })
    });
    for lang in ["mixed", "en", "fr", "de", "ru"] {
        let owned;
        let text = if lang == "mixed" {
            &mixed.text
        } else {
            owned = corpus(lang, Density::Dense).text;
            &owned
        };
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("default/{lang}"), |b| {
            b.iter(|| {
                let found = extract(black_box(text), &Options::default());
                assert!(found.len() > 1000);
                found.len()
            })
        });
    }
    let news = corpus("mixed", Density::News).text;
    g.throughput(Throughput::Bytes(news.len() as u64));
    g.bench_function("news/mixed", |b| {
        b.iter(|| {
            let found = extract(black_box(&news), &Options::default());
            assert!(found.len() > 1000);
            found.len()
        })
    });
    drop(news);
    g.throughput(Throughput::Bytes(mixed.text.len() as u64));
    g.bench_function("number/mixed", |b| {
        let opts = Options::default().kinds(KindSet::all());
        b.iter(|| {
            let found = extract(black_box(&mixed.text), &opts);
            assert!(found.len() > 1000);
            found.len()
        })
    });
    g.finish();

    let amounts = typical_amounts(&mixed);
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

    match shared_corpus() {
        Ok(text) => {
            let mut g = c.benchmark_group("shared");
            g.sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(4))
                .throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function("mixed", |b| {
                b.iter(|| {
                    let found = extract(black_box(&text), &Options::default());
                    assert!(found.len() > 1000);
                    found.len()
                })
            });
            g.finish();
        }
        Err(why) => eprintln!("shared/mixed skipped: {why}"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
