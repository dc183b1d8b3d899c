//! End-to-end tests of the comparison verbs of the `chiffre` binary.

mod common;

use common::{chiffre, stderr, stdout};

use std::path::PathBuf;
use std::process::Output;

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(stdout(o).trim()).expect("one JSON object")
}

fn rows(o: &Output) -> Vec<serde_json::Value> {
    assert!(o.status.success(), "{}", stderr(o));
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

const ARTICLES: [&str; 4] = [
    "examples/articles/de-rechenzentren.txt",
    "examples/articles/en-coreweave-deal.txt",
    "examples/articles/fr-mineurs-ia.txt",
    "examples/articles/ru-majnery-ii.txt",
];

#[test]
fn total_human_and_json() {
    let o = chiffre(&["total", "290 млн долларов", "300 млн долларов"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "590 million USD [589 million, 591 million]\n");
    let v = json(&chiffre(
        &[
            "total",
            "290 млн долларов",
            "300 млн долларов",
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["value"], "590000000");
    assert_eq!(v["min"], "589000000");
    assert_eq!(v["max"], "591000000");
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["unit"], "USD");
}

#[test]
fn total_converts_units_and_takes_negative_figures_after_dashes() {
    let o = chiffre(&["total", "200 MW", "1.3 GW", "--lang", "en"], b"");
    assert_eq!(stdout(&o), "1.5 GW [1.449, 1.551]\n");
    let o = chiffre(&["total", "--", "-5 MW", "7 MW"], b"");
    assert_eq!(stdout(&o), "2 MW [1, 3]\n");
}

#[test]
fn total_with_rates_and_date() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let rates = dir.join("cli_compare_rates.csv");
    std::fs::write(
        &rates,
        "date,from,to,rate\n2024-01-02,EUR,USD,1.0945\n2024-06-03,EUR,USD,1.0891\n",
    )
    .unwrap();
    let r = rates.to_str().unwrap();
    let v = json(&chiffre(
        &[
            "total",
            "$1 million",
            "2 Mio. Euro",
            "--rates",
            r,
            "--date",
            "2024-03-01",
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["value"], "3189000");
    assert_eq!(v["min"], "2141750");
    assert_eq!(v["max"], "4236250");
    assert_eq!(v["currency"], "USD");
    // Without a date: the latest rate.
    let v = json(&chiffre(
        &[
            "total",
            "$1 million",
            "2 Mio. Euro",
            "--rates",
            r,
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["value"], "3178200");
    // Into euros.
    let v = json(&chiffre(
        // ("$10.891" without a language would be 10891: see the README.)
        &[
            "total", "$10.891", "--lang", "en", "--rates", r, "--to", "EUR", "--format", "json",
        ],
        b"",
    ));
    assert_eq!(v["value"], "10");
    assert_eq!(v["unit"], "EUR");
    // No rate on that date.
    let o = chiffre(
        &["total", "$1", "1 €", "--rates", r, "--date", "2020-01-01"],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "chiffre: no EUR→USD exchange rate on or before 2020-01-01\n"
    );
    // A bad rates file names the line.
    let bad = dir.join("cli_compare_bad_rates.csv");
    std::fs::write(&bad, "2024-01-02,EUR,USD,x\n").unwrap();
    let o = chiffre(&["total", "$1", "--rates", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("rates line 1: bad rate \"x\": expected a decimal number"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn mixing_currencies_is_an_error() {
    let o = chiffre(&["total", "$9 billion", "3,5 Mrd. Euro"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        "chiffre: cannot combine USD with EUR without an exchange rate\n"
    );
}

#[test]
fn a_figure_that_does_not_parse_shows_a_caret() {
    let o = chiffre(&["ratio", "$5", "1,3 XW"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "chiffre: \"1,3 XW\": byte 4: expected end of input after the figure, found 'X'\n  | 1,3 XW\n  |     ^\n"
    );
}

#[test]
fn ratio_per_megawatt() {
    let o = chiffre(
        &["ratio", "9 milliards de dollars", "1,3 GW", "--per", "MW"],
        b"",
    );
    assert_eq!(
        stdout(&o),
        "6.923 million USD/MW [6.296 million, 7.6 million]\n"
    );
    let v = json(&chiffre(
        &[
            "ratio",
            "9 milliards de dollars",
            "1,3 GW",
            "--per",
            "MW",
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["value"], "6923076.9230769230769230769231");
    assert_eq!(v["min"], "6296296.2962962962962962962962");
    assert_eq!(v["max"], "7600000");
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["unit"], "USD/MW");
    let o = chiffre(
        &[
            "ratio",
            "9 milliards de dollars",
            "1,3 GW",
            "--precision",
            "2",
        ],
        b"",
    );
    assert_eq!(
        stdout(&o),
        "6.9 billion USD/GW [6.2 billion, 7.6 billion]\n"
    );
    let o = chiffre(&["ratio", "$5 million", "0 MW"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "chiffre: division by zero\n");
    let o = chiffre(&["ratio", "$5", "1 MW", "--per", "XW"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown unit \"XW\""));
}

#[test]
fn per_year_and_over_period() {
    let o = chiffre(&["per-year", "3,5 Mrd. Euro", "12 Jahre"], b"");
    assert_eq!(
        stdout(&o),
        "291.7 million EUR/year [276 million, 308.7 million]\n"
    );
    let v = json(&chiffre(
        &[
            "per-year",
            "3,5 Mrd. Euro",
            "12 Jahre",
            "--per",
            "month",
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["unit"], "EUR/month");
    assert_eq!(v["min"], "23000000");
    let v = json(&chiffre(
        &[
            "over-period",
            "около 290 млн долларов в год",
            "12 лет",
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["value"], "3480000000");
    assert_eq!(v["min"], "3168250000");
    assert_eq!(v["max"], "3806250000");
    assert_eq!(v["unit"], "USD");
    let o = chiffre(&["over-period", "$5 million", "2 years"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "chiffre: USD is not a rate: it has no period\n");
}

#[test]
fn share_and_change() {
    let o = chiffre(&["share", "260 MW", "1.3 GW"], b"");
    assert_eq!(stdout(&o), "20% [19.22, 20.84]\n");
    let o = chiffre(&["change", "$210.7 million", "$300 million"], b"");
    assert_eq!(
        stdout(&o),
        "change: 89.3 million USD [88.75 million, 89.85 million]\npercent: 42.38% [42.11, 42.66]\n"
    );
    let v = json(&chiffre(
        &[
            "change",
            "$210.7 million",
            "$300 million",
            "--format",
            "json",
        ],
        b"",
    ));
    assert_eq!(v["absolute"]["value"], "89300000");
    assert_eq!(v["percent"]["unit"], "%");
}

#[test]
fn check_prints_jsonl_when_piped() {
    let o = chiffre(&["check", "examples/articles/check/inconsistent.txt"], b"");
    let rows = rows(&o);
    assert_eq!(rows.len(), 7);
    let alarms: Vec<&serde_json::Value> =
        rows.iter().filter(|r| r["consistent"] == false).collect();
    assert_eq!(alarms.len(), 4);
    // "Revenue rose 21% to $480 million from $430 million": 11.6 %.
    let change = alarms.iter().find(|r| r["kind"] == "change").unwrap();
    assert_eq!(change["figures"][0]["role"], "change");
    assert_eq!(change["figures"][0]["text"], "21%");
    assert_eq!(change["figures"][1]["role"], "from");
    assert_eq!(change["figures"][1]["text"], "$430 million");
    assert_eq!(change["figures"][2]["role"], "to");
    assert_eq!(change["figures"][2]["text"], "$480 million");
    assert_eq!(change["unit"], "%");
    assert_eq!(change["stated_min"], "20.5");
    assert_eq!(change["stated_max_inclusive"], false);
    assert_eq!(
        change["change_id"],
        change["figures"][0]["start"].as_u64().unwrap() - 5
    );
    let total = alarms
        .iter()
        .find(|r| r["kind"] == "rate_times_term_vs_total")
        .unwrap();
    assert_eq!(total["source"], "examples/articles/check/inconsistent.txt");
    assert_eq!(total["min"], "1805000000");
    assert_eq!(total["max"], "2205000000");
    assert_eq!(total["stated_min"], "4500000000");
    assert_eq!(total["stated_max"], "5500000000");
    assert_eq!(total["gap"], "0.51");
    assert_eq!(total["figures"][0]["role"], "rate");
    assert_eq!(total["figures"][0]["start"], 714);
    assert_eq!(total["figures"][0]["end"], 739);
    assert_eq!(total["figures"][2]["text"], "about $5 billion");
    let restated = alarms.iter().find(|r| r["kind"] == "restated").unwrap();
    assert_eq!(restated["figures"][0]["text"], "$9B");
    assert_eq!(restated["figures"][1]["text"], "$8.5 billion");
    let price = rows
        .iter()
        .find(|r| r["kind"] == "price_per_capacity")
        .unwrap();
    assert_eq!(price["consistent"], serde_json::Value::Null);
    assert_eq!(price["unit"], "USD/MW");
}

#[test]
fn check_raises_no_alarm_on_the_bundled_articles() {
    let mut args = vec!["check", "examples/articles/check/consistent.txt"];
    args.extend(ARTICLES);
    let rows = rows(&chiffre(&args, b""));
    assert!(rows.len() >= 10, "{rows:?}");
    assert!(rows.iter().all(|r| r["consistent"] != false), "{rows:?}");
    // The whole directory, recursively, finds the four planted alarms only
    // (a total, a restatement and two changes).
    let rows = rows_of(&chiffre(&["check", "examples/articles"], b""));
    let alarms: Vec<&serde_json::Value> =
        rows.iter().filter(|r| r["consistent"] == false).collect();
    assert_eq!(alarms.len(), 4);
    assert!(
        alarms
            .iter()
            .all(|r| r["source"] == "examples/articles/check/inconsistent.txt")
    );
}

fn rows_of(o: &Output) -> Vec<serde_json::Value> {
    rows(o)
}

#[test]
fn check_reads_stdin_and_prints_a_table() {
    let text =
        "They signed a 10-year deal worth about $200 million a year, or about $5 billion in total.";
    let o = chiffre(&["check", "-", "--format", "table"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("source"), "{out}");
    assert!(lines[0].contains("consistent"), "{out}");
    assert!(lines[1].contains("rate×term vs total"), "{out}");
    assert!(lines[1].contains("NO"), "{out}");
    assert!(lines[1].contains("51%"), "{out}");
}

#[test]
fn check_errors() {
    // A file that cannot be read is reported and skipped: exit 2 at the
    // end (like `figures`), not a fatal error.
    let o = chiffre(&["check", "no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("chiffre: no/such/file.txt: "),
        "{}",
        stderr(&o)
    );
    // (At the very start, FF FE would be a UTF-16 byte order mark.)
    let o = chiffre(&["check", "-"], b"ok \xff\xfe");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "chiffre: -: byte 3: invalid UTF-8 (2 bytes), skipped\n"
    );
}

#[test]
fn reconcile_groups_across_languages() {
    let rows = rows(&chiffre(
        &[
            "reconcile",
            "examples/articles/en-coreweave-deal.txt",
            "examples/articles/fr-mineurs-ia.txt",
            "examples/articles/de-rechenzentren.txt",
            "examples/articles/ru-majnery-ii.txt",
        ],
        b"",
    ));
    let deal = rows
        .iter()
        .find(|r| r["value"] == "9000000000" && r["unit"] == "USD")
        .expect("the deal");
    assert_eq!(deal["agree"].as_array().unwrap().len(), 4);
    assert_eq!(deal["consistent"], true);
    assert!(
        deal["figures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["text"] == "9 milliards de dollars")
    );
    let phase = rows
        .iter()
        .find(|r| r["value"] == "200" && r["unit"] == "MW")
        .expect("the first phase");
    assert_eq!(phase["lack"][0], "examples/articles/de-rechenzentren.txt");
    let single = rows
        .iter()
        .find(|r| r["value"] == "4.87")
        .expect("the share price");
    assert_eq!(single["consistent"], serde_json::Value::Null);
    // --min-docs keeps the quantities most documents share.
    let shared = rows_of(&chiffre(
        &[
            "reconcile",
            "--min-docs",
            "4",
            ARTICLES[0],
            ARTICLES[1],
            ARTICLES[2],
            ARTICLES[3],
        ],
        b"",
    ));
    let values: Vec<(&str, &str)> = shared
        .iter()
        .map(|r| (r["value"].as_str().unwrap(), r["unit"].as_str().unwrap()))
        .collect();
    assert_eq!(
        values,
        [
            ("12", "year"),
            ("290000000", "USD/year"),
            ("3500000000", "USD"),
            ("9000000000", "USD"),
            ("1.3", "GW"),
        ]
    );
}

#[test]
fn reconcile_table_has_a_column_per_document() {
    let o = chiffre(
        &[
            "reconcile",
            "--format",
            "table",
            "--min-docs",
            "4",
            ARTICLES[0],
            ARTICLES[1],
            ARTICLES[2],
            ARTICLES[3],
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    for head in [
        "quantity",
        "kind",
        "de-rechenzentren",
        "fr-mineurs-ia",
        "ru-majnery-ii",
    ] {
        assert!(lines[0].contains(head), "{out}");
    }
    let deal = lines
        .iter()
        .find(|l| l.starts_with("9 billion USD"))
        .unwrap();
    assert!(deal.contains("= 9 milliards de dollars"), "{out}");
    assert!(deal.contains("= 9 млрд долларов"), "{out}");
}

#[test]
fn err_negative_duration() {
    for args in [
        &["per-year", "$5 million", "--", "-3 years"][..],
        &["over-period", "$5 million a year", "--", "-3 years"][..],
        &["ratio", "$5 million", "--", "-3 years"][..],
    ] {
        let o = chiffre(args, b"");
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}");
        assert_eq!(
            stderr(&o),
            "chiffre: a duration cannot be negative, found -3 years\n",
            "{args:?}"
        );
    }
    let o = chiffre(&["per-year", "$5 million", "0 years"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "chiffre: division by zero\n");
}

#[test]
fn err_total_without_the_pair_names_no_date() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let rates = dir.join("cli_compare_rates_eur.csv");
    std::fs::write(&rates, "date,from,to,rate\n2024-06-03,EUR,USD,1.0891\n").unwrap();
    let r = rates.to_str().unwrap();
    let o = chiffre(&["total", "$1 million", "£2 million", "--rates", r], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(
        err,
        "chiffre: no GBP→USD exchange rate in the rates table (nor USD→GBP)\n"
    );
    let o = chiffre(&["total", "$1 million", "--rates", r, "--to", "GBP"], b"");
    assert_eq!(
        stderr(&o),
        "chiffre: no USD→GBP exchange rate in the rates table (nor GBP→USD)\n"
    );
    assert!(!stderr(&o).contains("262142"));
}

#[test]
fn err_arithmetic_overflow() {
    let huge = "$50000000000000000000000000000";
    let o = chiffre(&["total", huge, huge], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "chiffre: total: the sum overflows the decimal range (about 7.9 × 10^28)\n"
    );
    let o = chiffre(&["ratio", huge, "0.001 MW", "--per", "MW"], b"");
    assert_eq!(
        stderr(&o),
        "chiffre: ratio_per: the quotient overflows the decimal range (about 7.9 × 10^28)\n"
    );
}

#[test]
fn figures_rows_of_a_change_carry_its_id_and_role() {
    let o = chiffre(
        &["figures", "--format", "jsonl"],
        b"Revenue rose 12% to $4.5 billion from $4.02 billion. It paid $9 billion.",
    );
    let rows = rows(&o);
    assert_eq!(rows.len(), 4);
    let roles: Vec<(&str, &serde_json::Value, &serde_json::Value)> = rows
        .iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap_or(""),
                &r["change_id"],
                &r["change_role"],
            )
        })
        .collect();
    assert_eq!(
        roles[0],
        ("12%", &serde_json::json!(8), &serde_json::json!("change"))
    );
    assert_eq!(
        roles[1],
        (
            "$4.5 billion",
            &serde_json::json!(8),
            &serde_json::json!("to")
        )
    );
    assert_eq!(
        roles[2],
        (
            "$4.02 billion",
            &serde_json::json!(8),
            &serde_json::json!("from")
        )
    );
    // A figure in no change has neither field.
    assert_eq!(
        roles[3],
        (
            "$9 billion",
            &serde_json::Value::Null,
            &serde_json::Value::Null
        )
    );
    // The same id in `check`.
    let o = chiffre(
        &["check", "-"],
        b"Revenue rose 12% to $4.5 billion from $4.02 billion.",
    );
    let checked = self::rows(&o);
    assert_eq!(checked[0]["kind"], "change");
    assert_eq!(checked[0]["change_id"], 8);
    assert_eq!(checked[0]["consistent"], true);
}

#[test]
fn kinds_accept_multiple() {
    let o = chiffre(
        &["figures", "--format", "jsonl", "--kinds", "multiple"],
        b"Profit doubled to $2bn.",
    );
    let rows = rows(&o);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["kind"], "multiple");
    assert_eq!(rows[0]["value"], "2");
}
