//! The README's examples are real output: every `console` block whose
//! commands are `chiffre ...` on files of this repository is run, and its
//! output compared with what the README shows. Blocks that need files the
//! repository does not have (`cat a.txt b.txt`) are listed as not run.
//!
//! `CHIFFRE_BLESS_README=1 cargo test --release --test readme` rewrites the
//! README's outputs from today's code.

use std::path::Path;
use std::process::Command;

/// One `$ command` of a console block and the lines shown after it.
struct Example {
    command: String,
    shown: Vec<String>,
    /// Line numbers of the shown output in the README (0-based, end excluded).
    lines: std::ops::Range<usize>,
}

fn examples(readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start() != "```console" {
            i += 1;
            continue;
        }
        i += 1;
        let mut current: Option<Example> = None;
        while i < lines.len() && lines[i].trim_start() != "```" {
            if let Some(cmd) = lines[i].strip_prefix("$ ") {
                out.extend(current.take());
                current = Some(Example {
                    command: cmd.to_string(),
                    shown: Vec::new(),
                    lines: i + 1..i + 1,
                });
            } else if let Some(ex) = &mut current {
                ex.shown.push(lines[i].to_string());
                ex.lines.end = i + 1;
            }
            i += 1;
        }
        out.extend(current.take());
        i += 1;
    }
    out
}

/// Runs a README command from the repository root with `chiffre` on the
/// PATH (standard error shown after standard output, as on a terminal);
/// `None` when it uses something this repository does not have.
fn run(root: &Path, command: &str) -> Option<Vec<String>> {
    let first = command.split_whitespace().next()?;
    if first != "chiffre" {
        return None;
    }
    // Every argument that looks like a path must exist (globs expanded by sh).
    for arg in command.split_whitespace().skip(2) {
        let file_like = arg.contains('/')
            || [".txt", ".csv", ".md", ".html", ".jsonl"]
                .iter()
                .any(|e| arg.ends_with(e));
        if file_like && !arg.contains('*') && !root.join(arg).exists() {
            return None;
        }
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_chiffre"));
    let path = format!(
        "{}:{}",
        bin.parent()?.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} 2>&1"))
        .current_dir(root)
        .env("PATH", path)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    Some(text.lines().map(|l| l.trim_end().to_string()).collect())
}

#[test]
fn readme_examples_are_todays_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let bless = std::env::var_os("CHIFFRE_BLESS_README").is_some();
    let mut lines: Vec<String> = readme.lines().map(String::from).collect();
    let (mut checked, mut not_run, mut wrong) = (0, Vec::new(), Vec::new());
    // From the end, so that rewriting keeps the earlier line numbers.
    for ex in examples(&readme).into_iter().rev() {
        let Some(got) = run(root, &ex.command) else {
            not_run.push(ex.command.clone());
            continue;
        };
        checked += 1;
        let shown: Vec<String> = ex.shown.iter().map(|l| l.trim_end().to_string()).collect();
        if got != shown {
            if bless {
                lines.splice(ex.lines.clone(), got);
            } else {
                wrong.push(format!(
                    "$ {}\n--- README\n{}\n--- today\n{}",
                    ex.command,
                    shown.join("\n"),
                    got.join("\n")
                ));
            }
        }
    }
    if bless {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(root.join("README.md"), text).unwrap();
    }
    eprintln!("README: {checked} examples run; not run (files not in the repository): {not_run:?}");
    assert!(checked >= 3, "only {checked} README examples could be run");
    assert!(
        wrong.is_empty(),
        "README examples differ from today's output (CHIFFRE_BLESS_README=1 rewrites them):\n{}",
        wrong.join("\n\n")
    );
}
