//! Helpers shared by the integration tests (each test file that needs them
//! declares `mod common;`; a file uses only some of them).
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `chiffre` binary from the package root with `args`, `stdin`
/// written to its standard input.
pub fn chiffre(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiffre"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// The standard output of a run, as UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The standard error of a run, as UTF-8.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Formats `mantissa / 10^scale` with `group` between thousands (None: no
/// grouping) and `point` before the decimals.
pub fn render(mantissa: u64, scale: u32, group: Option<&str>, point: char) -> String {
    let digits = mantissa.to_string();
    let (int, frac) = if scale as usize >= digits.len() {
        (
            "0".to_string(),
            format!("{}{}", "0".repeat(scale as usize - digits.len()), digits),
        )
    } else {
        let cut = digits.len() - scale as usize;
        (digits[..cut].to_string(), digits[cut..].to_string())
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(group.unwrap_or(""));
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}{point}{frac}")
    }
}
