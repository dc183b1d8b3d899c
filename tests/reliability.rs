//! Archive-scale reliability of the `chiffre` binary: hostile and unusual
//! inputs never panic, hang or lose the results of other inputs; memory
//! stays flat whatever the shape of the input (asserted on the peak RSS the
//! binary reports, never on time).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn chiffre(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiffre"))
        .args(args)
        .env("CHIFFRE_PEAK_RSS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let o = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    o
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn rows(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// The peak resident memory the binary reported, in MB.
fn peak_mb(o: &Output) -> u64 {
    let err = stderr(o);
    let kb: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("chiffre: peak RSS "))
        .and_then(|l| l.strip_suffix(" kB"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in {err}"));
    kb / 1024
}

/// A fresh directory for one test.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chiffre-rel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs `figures` on a file written to disk, stdout discarded (the output
/// of figure-dense text is a hundred times its size), and returns the peak
/// RSS in MB and the number of rows counted by a second pass.
fn peak_on(path: &Path, extra: &[&str]) -> u64 {
    let mut args = vec!["figures", "--quiet", "--format", "jsonl", p(path)];
    args.extend_from_slice(extra);
    let o = Command::new(env!("CARGO_BIN_EXE_chiffre"))
        .args(&args)
        .env("CHIFFRE_PEAK_RSS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    peak_mb(&o)
}

#[test]
fn html_with_non_ascii_in_scripts_styles_comments_does_not_panic() {
    let d = dir("html");
    let html = "<html><head><style>p::before { content: \"€ ü 5\" }</style>\
        <script>var s = \"prix : 5 € — é\"; if (a < b) {}</script></head>\
        <body><!-- 7 € — ü --><p title=\"9 € é\">Le rachat de 9&nbsp;milliards de dollars.</p>\
        <p>Über 3,5 Mrd. Euro</p></body></html>";
    std::fs::write(d.join("a.html"), html).unwrap();
    std::fs::write(d.join("b.txt"), "It paid $5 million.").unwrap();
    for verb in [
        &["figures", "--format", "jsonl"][..],
        &["check", "--format", "jsonl"][..],
    ] {
        let mut args = verb.to_vec();
        args.push(p(&d));
        let o = chiffre(&args, b"");
        assert!(o.status.success(), "{verb:?}: {}", stderr(&o));
        if verb[0] == "figures" {
            let r = rows(&o);
            let texts: Vec<&str> = r.iter().map(|r| r["text"].as_str().unwrap()).collect();
            assert_eq!(
                texts,
                ["9&nbsp;milliards de dollars", "3,5 Mrd. Euro", "$5 million"]
            );
            // Offsets are those of the file.
            let start = r[0]["start"].as_u64().unwrap() as usize;
            let end = r[0]["end"].as_u64().unwrap() as usize;
            assert_eq!(&html[start..end], "9&nbsp;milliards de dollars");
        }
    }
    let mut args = vec!["reconcile", "--format", "jsonl"];
    let (a, b) = (d.join("a.html"), d.join("b.txt"));
    args.extend([p(&a), p(&b)]);
    let o = chiffre(&args, b"");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn memory_is_flat_on_dense_text_without_blank_lines() {
    let d = dir("dense");
    let dense = d.join("dense.txt");
    std::fs::write(&dense, "$1 ".repeat(4_000_000 / 3)).unwrap();
    let lines = d.join("lines.txt");
    let sentence =
        "The company said revenue rose 12% to $4.5 billion, and it will hire 200 engineers.\n";
    std::fs::write(&lines, sentence.repeat(8_000_000 / sentence.len())).unwrap();
    for threads in ["1", "2"] {
        for f in [&dense, &lines] {
            let mb = peak_on(f, &["--threads", threads]);
            assert!(mb < 64, "{} with {threads} threads: {mb} MB", f.display());
        }
    }
}

#[test]
fn memory_is_flat_on_large_jsonl_records() {
    let d = dir("jsonl");
    let path = d.join("big.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    for i in 0..4 {
        let text = "Deal of $1 million. ".repeat(3_000_000 / 20);
        writeln!(f, "{}", serde_json::json!({"id": i, "text": text})).unwrap();
    }
    drop(f);
    for threads in ["1", "2"] {
        let o = Command::new(env!("CARGO_BIN_EXE_chiffre"))
            .args([
                "figures",
                "--input",
                "jsonl",
                "--threads",
                threads,
                p(&path),
            ])
            .env("CHIFFRE_PEAK_RSS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 4 * 150_000);
        let mb = peak_mb(&o);
        assert!(mb < 64, "{threads} threads: {mb} MB");
    }
}

#[test]
fn a_large_record_gives_the_rows_of_its_pieces_with_record_offsets() {
    let text = "Le groupe a payé 9 milliards de dollars.\n\n".repeat(5_000);
    let line = serde_json::json!({"id": "big", "text": text}).to_string();
    let o = chiffre(&["figures", "--input", "jsonl"], line.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let r = rows(&o);
    assert_eq!(r.len(), 5_000);
    for row in &r {
        let (s, e) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], "9 milliards de dollars");
        assert_eq!(row["value"], "9000000000");
        assert_eq!(row["lang"], "fr");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_directory_is_not_opened() {
    let d = dir("fifo");
    let fifo = d.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        // No mkfifo here: nothing to test (reported, not passed silently).
        panic!("mkfifo is needed for this test");
    }
    std::fs::write(d.join("real.txt"), "It paid $5 million.").unwrap();
    for verb in ["figures", "check"] {
        let o = chiffre(&[verb, "--format", "jsonl", p(&d)], b"");
        assert_eq!(o.status.code(), Some(2), "{verb}: {}", stderr(&o));
        assert!(stderr(&o).contains("pipe.txt: not a regular file, not opened"));
        if verb == "figures" {
            assert_eq!(rows(&o).len(), 1);
        }
    }
}

#[test]
fn threads_beyond_the_limit_are_an_error() {
    let o = chiffre(&["figures", "--threads", "20000"], b"$5");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("20000"), "{}", stderr(&o));
    let o = chiffre(&["figures", "--threads", "0"], b"$5");
    assert_eq!(o.status.code(), Some(1));
    let o = chiffre(&["figures", "--threads", "64", "--format", "jsonl"], b"$5");
    assert!(o.status.success());
    assert_eq!(rows(&o).len(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_duplicate_links_are_read_once() {
    let d = dir("links");
    std::fs::write(d.join("a.txt"), "It paid $5 million.").unwrap();
    std::os::unix::fs::symlink(".", d.join("loop")).unwrap();
    std::os::unix::fs::symlink(d.join("a.txt"), d.join("b.txt")).unwrap();
    let o = chiffre(&["figures", "--format", "jsonl", p(&d)], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(rows(&o).len(), 1);
    let err = stderr(&o);
    assert!(
        err.contains("b.txt: the same file as one already read"),
        "{err}"
    );
    assert!(err.contains("loop: directory already read"), "{err}");
    let o = chiffre(&["reconcile", "--format", "jsonl", p(&d)], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let groups: Vec<serde_json::Value> = rows(&o);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["figures"].as_array().unwrap().len(), 1);
}

#[test]
fn check_and_reconcile_skip_a_bad_file_and_go_on() {
    let d = dir("badfile");
    std::fs::write(
        d.join("a.txt"),
        b"A bad byte \xff here. It paid $5 million.",
    )
    .unwrap();
    let good = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/articles/check/consistent.txt"
    );
    std::fs::copy(good, d.join("b.txt")).unwrap();
    let o = chiffre(&["check", "--format", "jsonl", p(&d)], b"");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a.txt: byte 11: invalid UTF-8"),
        "{}",
        stderr(&o)
    );
    let r = rows(&o);
    assert!(
        r.iter()
            .any(|r| r["source"].as_str().unwrap().ends_with("b.txt"))
    );
    let o = chiffre(&["reconcile", "--format", "jsonl", p(&d)], b"");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!rows(&o).is_empty());
}

#[test]
fn binary_input_is_skipped_with_one_message() {
    let d = dir("binary");
    // Deterministic noise with NUL bytes.
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..5_000_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    std::fs::write(d.join("noise.txt"), &noise).unwrap();
    std::fs::write(d.join("ok.txt"), "It paid $5 million.").unwrap();
    let o = chiffre(&["figures", "--format", "jsonl", p(&d)], b"");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(rows(&o).len(), 1);
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.contains("peak RSS")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("noise.txt: byte "), "{err}");
    assert!(lines[0].contains("binary file, skipped"), "{err}");
}

#[test]
fn invalid_utf8_runs_are_coalesced_and_capped() {
    // 1,000 runs of two invalid bytes, no NUL: text with many bad bytes.
    let mut text = Vec::new();
    for _ in 0..1000 {
        text.extend_from_slice(b"ok \xff\xfe ");
    }
    text.extend_from_slice(b"It paid $5 million.");
    let o = chiffre(&["figures", "--format", "jsonl"], &text);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().filter(|l| !l.contains("peak RSS")).collect();
    assert_eq!(lines.len(), 11, "{err}");
    assert!(
        lines[0].contains("-: byte 3: invalid UTF-8 (2 bytes), skipped"),
        "{err}"
    );
    assert!(
        lines[10].contains("990 more runs of invalid UTF-8 not shown"),
        "{err}"
    );
    assert_eq!(rows(&o).len(), 1);
}

#[test]
fn a_number_split_by_an_invalid_byte_is_no_figure() {
    let o = chiffre(
        &["figures", "--format", "jsonl"],
        b"It paid 1\xff000 dollars. Later: $5 million.",
    );
    assert_eq!(o.status.code(), Some(2));
    let r = rows(&o);
    let values: Vec<&str> = r.iter().map(|r| r["value"].as_str().unwrap()).collect();
    assert_eq!(values, ["5000000"], "{}", stdout(&o));
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    for big in [false, true] {
        let text = "Le groupe a payé 9 milliards de dollars.";
        let mut bytes = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            bytes.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        let o = chiffre(&["figures", "--format", "jsonl"], &bytes);
        assert!(o.status.success(), "{}", stderr(&o));
        let r = rows(&o);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0]["text"], "9 milliards de dollars");
        assert_eq!(r[0]["value"], "9000000000");
    }
}

#[test]
fn a_utf8_bom_keeps_offsets_and_line_one_of_jsonl() {
    let o = chiffre(
        &["figures", "--format", "jsonl"],
        "\u{feff}$5 million".as_bytes(),
    );
    let r = rows(&o);
    assert_eq!(
        (r[0]["start"].as_u64(), r[0]["end"].as_u64()),
        (Some(3), Some(13))
    );
    let o = chiffre(
        &["figures", "--input", "jsonl"],
        "\u{feff}{\"id\":1,\"text\":\"$5 million\"}\n{\"id\":2,\"text\":\"$7 million\"}\n"
            .as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(rows(&o).len(), 2);
}

#[test]
fn table_widths_hold_across_batches_and_cells_are_escaped() {
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!("Item {i} costs ${i} million.\n\n"));
    }
    let o = chiffre(
        &["figures", "--format", "table", "--chunk-size", "500"],
        text.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let col: Vec<usize> = out
        .lines()
        .map(|l| l.find("money").or_else(|| l.find("kind")).unwrap())
        .collect();
    assert_eq!(col.len(), 3001);
    assert!(col.iter().all(|c| *c == col[0]), "{out}");
    // An id with NUL and escape characters stays in its column, escaped.
    let rec = serde_json::json!({"id": "a\u{0}b\u{1b}[31m", "text": "$5 million"}).to_string();
    let o = chiffre(
        &["figures", "--input", "jsonl", "--format", "table"],
        rec.as_bytes(),
    );
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{0}'), "{out:?}");
    let row = out.lines().nth(1).unwrap();
    assert!(row.starts_with("a\\u{0}b\\u{1b}[31m"), "{row}");
    assert!(row.contains("5000000"), "{row}");
}

#[test]
fn empty_kinds_is_an_error() {
    let o = chiffre(&["figures", "--kinds", ""], b"$5");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no kind given"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_keeps_exit_2_after_skipped_input() {
    use std::io::{BufRead, BufReader};
    let d = dir("pipe2");
    std::fs::write(d.join("a.txt"), b"bad \xff byte").unwrap();
    std::fs::write(
        d.join("b.txt"),
        "The deal is worth $5 billion.\n\n".repeat(200_000),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiffre"))
        .args(["figures", "--quiet", p(&d)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_escaped_and_can_be_mapped_back() {
    use std::os::unix::ffi::OsStrExt;
    let d = dir("names");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(d.join(name), "It paid $5 million.").unwrap();
    let o = chiffre(&["figures", "--format", "jsonl", p(&d)], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let r = rows(&o);
    assert!(
        r[0]["source"].as_str().unwrap().ends_with("caf\\xE9.txt"),
        "{r:?}"
    );
}

#[test]
fn tiny_pieces_never_split_a_character() {
    // Pieces of one byte (the hidden --chunk-size) over three-byte
    // characters and no space: every piece is at least one character.
    let text = "€€€€ 5 € €€€ и ещё 7 млн рублей";
    let rec = serde_json::json!({"id": "x", "text": text}).to_string();
    for size in ["1", "2", "3"] {
        let o = chiffre(
            &["figures", "--input", "jsonl", "--chunk-size", size],
            rec.as_bytes(),
        );
        assert!(o.status.success(), "{size}: {}", stderr(&o));
        let o = chiffre(
            &["figures", "--format", "jsonl", "--chunk-size", size],
            text.as_bytes(),
        );
        assert!(o.status.success(), "{size}: {}", stderr(&o));
    }
}
