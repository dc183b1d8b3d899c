//! A quick throughput check outside criterion (for profiling):
//! `cargo run --release --example throughput -- FILE [ROUNDS]`.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a text file");
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let opts = chiffre::Options::default();
    let mut found = 0;
    let start = Instant::now();
    for _ in 0..rounds {
        found = chiffre::extract(&text, &opts).len();
    }
    let elapsed = start.elapsed();
    let bytes = text.len() as u128 * u128::from(rounds);
    let mb_per_s = bytes * 1000 / elapsed.as_micros().max(1);
    println!(
        "{found} figures, {} KB/ms ({} bytes x {rounds} in {elapsed:?})",
        mb_per_s / 1000,
        text.len()
    );
}
