//! The four real articles in ../shared/seeds: chiffre must read them
//! exactly. Each test lists every figure by hand (span, kind, value,
//! currency or unit, qualifier) — anything else found is a failure, so the
//! distractors in the articles (years, dates, quarters, tickers) are covered
//! too. The seeds are read from `$CHIFFRE_SEEDS` or `../shared/seeds`;
//! without that directory the tests are ignored, with the reason (see
//! build.rs), never passed.

use std::path::PathBuf;

use chiffre::{Options, Polarity, extract};

fn seed(prefix: &str) -> Option<String> {
    let dir = std::env::var_os("CHIFFRE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    std::fs::read_to_string(entry.path()).ok()
}

/// (span, kind, value, currency or unit, qualifier, period)
type Want = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn check(prefix: &str, want: &[Want]) -> Option<Vec<chiffre::Found>> {
    // The directory is there (else the test is ignored): a missing article
    // is a failure.
    let text =
        seed(prefix).unwrap_or_else(|| panic!("no seed article {prefix}* in the seeds directory"));
    let found = extract(&text, &Options::default());
    let got: Vec<[String; 6]> = found
        .iter()
        .map(|f| {
            let fig = &f.figure;
            let cu = fig
                .currency()
                .map(|c| c.code())
                .or(fig.unit().map(|u| u.symbol()))
                .unwrap_or("");
            let value = match fig.value() {
                chiffre::Value::Exact(v) => v.normalize().to_string(),
                chiffre::Value::Range { min, max } => {
                    format!("{}..{}", min.normalize(), max.normalize())
                }
            };
            let period = fig.period().map(|p| p.name()).unwrap_or("");
            [
                f.text(&text),
                fig.kind().name(),
                &value,
                cu,
                fig.qualifier().name(),
                period,
            ]
            .map(String::from)
        })
        .collect();
    let want: Vec<[String; 6]> = want
        .iter()
        .map(|w| [w.0, w.1, w.2, w.3, w.4, w.5].map(String::from))
        .collect();
    assert_eq!(got, want, "{prefix}: figures differ");
    Some(found)
}

#[test]
#[cfg_attr(
    chiffre_no_seeds,
    ignore = "needs the real articles of ../shared/seeds (or set CHIFFRE_SEEDS)"
)]
fn seed_ru_core_scientific_coreweave() {
    let want: &[Want] = &[
        ("12-летний", "duration", "12", "year", "exact", ""),
        (
            "около 290 млн долларов",
            "money",
            "290000000",
            "USD",
            "approx",
            "year",
        ),
        (
            "3,5 млрд долларов",
            "money",
            "3500000000",
            "USD",
            "over",
            "",
        ),
        ("200 МВт", "power", "200", "MW", "exact", ""),
        (
            "около 300 млн долларов",
            "money",
            "300000000",
            "USD",
            "approx",
            "",
        ),
        (
            "210,7 млн долларов",
            "money",
            "210700000",
            "USD",
            "exact",
            "",
        ),
        ("$388 000", "money", "388000", "USD", "exact", ""),
        ("$4,87", "money", "4.87", "USD", "exact", ""),
        ("2,53%", "percent", "2.53", "", "exact", ""),
        ("50%", "percent", "50", "", "exact", ""),
        ("150 млн долларов", "money", "150000000", "USD", "exact", ""),
    ];
    if let Some(found) = check("000_", want) {
        // The loss: "убыток на $388 000" keeps the value and sets the polarity.
        assert_eq!(found[6].figure.polarity(), Polarity::Loss);
        assert!(
            found
                .iter()
                .filter(|f| f.figure.polarity() == Polarity::Loss)
                .count()
                == 1
        );
    }
}

#[test]
#[cfg_attr(
    chiffre_no_seeds,
    ignore = "needs the real articles of ../shared/seeds (or set CHIFFRE_SEEDS)"
)]
fn seed_fr_coreweave_acquisition() {
    let want: &[Want] = &[
        (
            "9 milliards de dollars",
            "money",
            "9000000000",
            "USD",
            "exact",
            "",
        ),
        (
            "9 milliards de dollars",
            "money",
            "9000000000",
            "USD",
            "exact",
            "",
        ),
        // "l'action a quadruplé depuis son introduction": a multiple.
        ("quadruplé", "multiple", "4", "", "exact", ""),
        ("20 %", "percent", "20", "", "exact", ""),
        ("40 %", "percent", "40", "", "exact", ""),
    ];
    check("001_", want);
}

#[test]
#[cfg_attr(
    chiffre_no_seeds,
    ignore = "needs the real articles of ../shared/seeds (or set CHIFFRE_SEEDS)"
)]
fn seed_de_mara_strategies() {
    let want: &[Want] = &[
        ("vier Jahren", "duration", "4", "year", "exact", ""),
        ("50 Prozent", "percent", "50", "", "exact", ""),
    ];
    check("002_", want);
}

#[test]
#[cfg_attr(
    chiffre_no_seeds,
    ignore = "needs the real articles of ../shared/seeds (or set CHIFFRE_SEEDS)"
)]
fn seed_en_backchannel() {
    let nine = ("$9 billion", "money", "9000000000", "USD", "exact", "");
    let want: &[Want] = &[
        ("$9B", "money", "9000000000", "USD", "exact", ""),
        nine,
        nine,
        ("$30 billion", "money", "30000000000", "USD", "exact", ""),
        nine,
        nine,
        nine,
        ("1.3 gigawatts", "power", "1.3", "GW", "exact", ""),
    ];
    check("003_", want);
}
