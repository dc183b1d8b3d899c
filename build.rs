//! Tells the tests which shared data is on this machine: the real articles
//! of `../shared/seeds` (or `$CHIFFRE_SEEDS`). Without them the seed tests
//! are compiled as ignored, with the reason, instead of passing having
//! checked nothing.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(chiffre_no_seeds)");
    println!("cargo::rerun-if-env-changed=CHIFFRE_SEEDS");
    let seeds = std::env::var_os("CHIFFRE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default())
                .join("../shared/seeds")
        });
    println!("cargo::rerun-if-changed={}", seeds.display());
    if !seeds.is_dir() {
        println!("cargo::rustc-cfg=chiffre_no_seeds");
    }
}
