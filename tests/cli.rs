//! End-to-end tests of the `chiffre` binary.

mod common;

use common::{chiffre, stderr, stdout};

use std::process::{Command, Output, Stdio};

fn rows(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn parse_prints_one_json_object() {
    let o = chiffre(
        &["parse", "около 290 млн долларов в год", "--lang", "ru"],
        b"",
    );
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["kind"], "money");
    assert_eq!(v["value"], "290000000");
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["qualifier"], "approx");
    assert_eq!(v["period"], "year");
    assert_eq!(v["lang"], "ru");
    assert_eq!(v["scale"], "million");
    assert_eq!(v["min"], serde_json::Value::Null);
}

#[test]
fn parse_error_exits_1_with_offset_and_caret() {
    let o = chiffre(&["parse", "5 7", "--lang", "en"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("byte 2: expected end of input after the figure, found '7'"),
        "{err}"
    );
    assert!(err.contains("  |   ^"), "{err}");
}

#[test]
fn parse_reads_stdin_and_reports_invalid_utf8() {
    let o = chiffre(&["parse", "-"], b"$4,87");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(r#""value":"4.87""#));
    let o = chiffre(&["parse", "-"], b"$4\xff87");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("byte 2: invalid UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn parse_reports_ambiguity() {
    let o = chiffre(&["parse", "3.350 €"], b"");
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["value"], "3350");
    assert_eq!(v["alternatives"][0]["rule"], "lone-separator-no-language");
}

#[test]
fn figures_from_stdin_jsonl() {
    let o = chiffre(
        &["figures", "--format", "jsonl"],
        "Le rachat de 9 milliards de dollars, en 2025.".as_bytes(),
    );
    assert!(o.status.success());
    let r = rows(&o);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["source"], "-");
    assert_eq!(r[0]["start"], 13);
    assert_eq!(r[0]["end"], 35);
    assert_eq!(r[0]["text"], "9 milliards de dollars");
    assert_eq!(r[0]["value"], "9000000000");
    assert_eq!(r[0]["lang"], "fr");
}

#[test]
fn figures_from_files_and_a_directory_in_order() {
    let dir = std::env::temp_dir().join(format!("chiffre-cli-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("a.txt"), "Revenue of $290 million a year.").unwrap();
    std::fs::write(sub.join("b.md"), "**200 МВт** мощности").unwrap();
    std::fs::write(sub.join("c.html"), "<p>rund <b>3,5&nbsp;Mrd. Euro</b></p>").unwrap();
    std::fs::write(sub.join("skip.bin"), "$5 billion").unwrap();
    let o = chiffre(
        &["figures", dir.to_str().unwrap(), "--format", "jsonl"],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let r = rows(&o);
    let texts: Vec<&str> = r.iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "$290 million a year",
            "200 МВт",
            "rund <b>3,5&nbsp;Mrd. Euro"
        ]
    );
    assert_eq!(r[1]["unit"], "MW");
    assert_eq!(r[2]["value"], "3500000000");
    assert_eq!(r[2]["qualifier"], "approx");
    assert!(r[0]["source"].as_str().unwrap().ends_with("a.txt"));
    // Two files given explicitly keep their order.
    let a = dir.join("a.txt");
    let b = sub.join("b.md");
    let o = chiffre(
        &[
            "figures",
            b.to_str().unwrap(),
            a.to_str().unwrap(),
            "--format",
            "csv",
        ],
        b"",
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("source,start,end,text,kind,value"));
    assert!(lines[1].contains("200 МВт") && lines[2].contains("$290 million a year"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn figures_jsonl_input_skips_bad_lines_and_exits_2() {
    let input = concat!(
        r#"{"id": "a1", "text": "about $9 billion"}"#,
        "\n{not json}\n",
        r#"{"id": 7, "text": "12 лет по 290 млн долларов в год", "lang": "ru"}"#,
        "\n",
        r#"{"text": "no id"}"#,
        "\n"
    );
    let o = chiffre(
        &["figures", "--input", "jsonl", "--format", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(2));
    let r = rows(&o);
    let ids: Vec<String> = r
        .iter()
        .map(|v| v["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a1", "7", "7"]);
    assert_eq!(r[2]["period"], "year");
    let err = stderr(&o);
    assert!(err.contains("line 2:"), "{err}");
    assert!(err.contains("line 4:"), "{err}");
}

#[test]
fn figures_invalid_utf8_is_reported_and_the_rest_processed() {
    let o = chiffre(
        &["figures", "--format", "jsonl"],
        b"first $5 billion \xff\xfe then 200 MW",
    );
    assert_eq!(o.status.code(), Some(2));
    let r = rows(&o);
    assert_eq!(r.len(), 2);
    assert_eq!(r[1]["start"], 25);
    assert!(
        stderr(&o).contains("-: byte 17: invalid UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn figures_kinds_and_bad_kind() {
    let o = chiffre(
        &["figures", "--kinds", "power", "--format", "jsonl"],
        b"$5 billion for 200 MW",
    );
    let r = rows(&o);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["kind"], "power");
    let o = chiffre(&["figures", "--kinds", "gold"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown kind \"gold\""));
}

#[test]
fn figures_missing_file_is_reported_and_others_processed() {
    let o = chiffre(
        &["figures", "/nonexistent/x.txt", "-", "--format", "jsonl"],
        b"$5 billion",
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(rows(&o).len(), 1);
    assert!(stderr(&o).contains("/nonexistent/x.txt"));
}

#[test]
fn figures_output_is_the_same_whatever_the_threads_and_chunks() {
    let dir = std::env::temp_dir().join(format!("chiffre-cli-par-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let articles = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut text = String::new();
    for name in [
        "en-coreweave-deal.txt",
        "fr-mineurs-ia.txt",
        "de-rechenzentren.txt",
        "ru-majnery-ii.txt",
    ] {
        text.push_str(&std::fs::read_to_string(format!("{articles}/{name}")).unwrap());
        text.push_str("\n\n");
    }
    let big = dir.join("big.txt");
    std::fs::write(&big, text.repeat(25)).unwrap();
    let path = big.to_str().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["figures", path, "--format", "jsonl"];
        args.extend_from_slice(extra);
        let o = chiffre(&args, b"");
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let reference = run(&["--threads", "1"]);
    assert!(
        reference.lines().count() > 1500,
        "{}",
        reference.lines().count()
    );
    assert_eq!(run(&["--threads", "2"]), reference);
    assert_eq!(run(&["--threads", "1", "--chunk-size", "1000"]), reference);
    assert_eq!(run(&["--threads", "2", "--chunk-size", "777"]), reference);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = std::env::temp_dir().join(format!("chiffre-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("long.txt");
    std::fs::write(&path, "The deal is worth $5 billion.\n\n".repeat(200_000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiffre"))
        .args(["figures", "--quiet", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone: the rest of the output has nowhere to go.
    let o = child.wait_with_output().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let row: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(row["value"], "5000000000");
    assert!(o.status.success(), "{:?}", o.status);
    assert_eq!(stderr(&o), "");
}

#[test]
fn figures_prices_with_a_currency_hint_per_record() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"34.99\", \"currency\": \"GBP\"}\n",
        "{\"id\": 2, \"text\": \"27,50\", \"currency\": \"€\", \"lang\": \"fr\"}\n",
        "{\"id\": 3, \"text\": \"100,00\", \"currency\": \"руб.\"}\n",
        "{\"id\": 4, \"text\": \"5\", \"currency\": \"no such money\"}\n",
    );
    let o = chiffre(
        &["figures", "--input", "jsonl", "--prices"],
        input.as_bytes(),
    );
    // A hint that names no currency is no hint (record 4: an amount of an
    // unknown currency).
    assert!(o.status.success(), "{}", stderr(&o));
    let got: Vec<String> = rows(&o)
        .iter()
        .map(|r| format!("{} {} {}", r["source"], r["value"], r["currency"]))
        .collect();
    assert_eq!(
        got,
        [
            r#""1" "34.99" "GBP""#,
            r#""2" "27.5" "EUR""#,
            r#""3" "100" "RUB""#,
            r#""4" "5" null"#
        ]
    );
    // Without --prices a bare number is no money.
    let o = chiffre(
        &["figures", "--input", "jsonl"],
        b"{\"id\": 1, \"text\": \"34.99\", \"currency\": \"GBP\"}\n",
    );
    assert!(rows(&o).is_empty());
}
