//! Tells the tests what is on this machine: the real articles of
//! `../shared/seeds` (or `$CHIFFRE_SEEDS`), and a Chromium for the browser
//! test of the report (`$CHROME`, else `chromium` or `chromium-browser` on
//! the `PATH`). Without them those tests are compiled as ignored, with the
//! reason, instead of passing having checked nothing.

use std::path::{Path, PathBuf};

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
    chromium();
}

/// Sets `chiffre_no_chromium` when no browser is found, and otherwise
/// `CHIFFRE_CHROMIUM` to its path.
fn chromium() {
    println!("cargo::rustc-check-cfg=cfg(chiffre_no_chromium)");
    println!("cargo::rerun-if-env-changed=CHROME");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    let found = std::env::var_os("CHROME")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| {
            ["chromium", "chromium-browser"]
                .iter()
                .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
                .find(|p| p.is_file())
        });
    match found {
        Some(p) => {
            println!("cargo::rerun-if-changed={}", p.display());
            println!("cargo::rustc-env=CHIFFRE_CHROMIUM={}", p.display());
        }
        None => {
            // Installing one later changes these folders: look again then.
            for d in dirs
                .iter()
                .filter(|d| d.is_absolute() && Path::new(d).is_dir())
            {
                println!("cargo::rerun-if-changed={}", d.display());
            }
            println!("cargo::rustc-cfg=chiffre_no_chromium");
        }
    }
}
