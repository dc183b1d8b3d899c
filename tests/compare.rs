//! The comparison layer: intervals, totals, rates, ratios, `check` and
//! `reconcile`, with exact answers worked out by hand, and properties.

use std::path::PathBuf;
use std::str::FromStr;

use chiffre::compare::{
    self, Bound, Interval, Rates, RelationKind, Role, Status, check, reconcile,
};
use chiffre::{Currency, Figure, Lang, Options, Period, Unit, extract, parse};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn fig(s: &str, lang: Lang) -> Figure {
    parse(s, lang).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn iv(f: &str, lang: Lang) -> String {
    fig(f, lang).interval().to_string()
}

fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `x · y ≤ z` (or `≥` when `le` is false), computed exactly in integers.
fn product_cmp(x: Decimal, y: Decimal, z: Decimal, le: bool) -> bool {
    let scale = x.scale() + y.scale();
    let lhs = x.mantissa() * y.mantissa();
    let rhs = z.mantissa() * 10i128.pow(scale - z.scale());
    if le { lhs <= rhs } else { lhs >= rhs }
}

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

fn article(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/articles")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------- intervals

#[test]
fn interval_of_exact_figures_is_half_a_resolution_each_side() {
    assert_eq!(
        iv("290 million dollars", Lang::En),
        "[289500000, 290500000]"
    );
    assert_eq!(
        iv("3,5 млрд долларов", Lang::Ru),
        "[3450000000, 3550000000]"
    );
    assert_eq!(iv("$4.87", Lang::En), "[4.865, 4.875]");
    assert_eq!(iv("1.3 GW", Lang::En), "[1.25, 1.35]");
    assert_eq!(iv("1,300 MW", Lang::En), "[1299.5, 1300.5]");
    assert_eq!(iv("12-year", Lang::En), "[11.5, 12.5]");
    assert_eq!(iv("$9B", Lang::En), "[8500000000, 9500000000]");
}

#[test]
fn interval_of_approx_figures_is_at_least_five_percent() {
    // 5 % of 290 M = 14.5 M > r/2 = 0.5 M.
    assert_eq!(
        iv("около 290 млн долларов", Lang::Ru),
        "[275500000, 304500000]"
    );
    // r/2 = 500 M > 5 % of 7 bn = 350 M: the resolution wins.
    assert_eq!(iv("about $7 billion", Lang::En), "[6500000000, 7500000000]");
    // r/2 = 500 k > 5 % of 8 M = 400 k.
    assert_eq!(iv("rund 8 Mio. Euro", Lang::De), "[7500000, 8500000]");
    // 5 % of 290.4 M = 14.52 M.
    assert_eq!(
        iv("about $290.4 million", Lang::En),
        "[275880000, 304920000]"
    );
}

#[test]
fn interval_of_limits_and_ranges() {
    assert_eq!(iv("more than $3.5 billion", Lang::En), "(3500000000, +∞)");
    assert_eq!(iv("less than 5 MW", Lang::En), "(−∞, 5)");
    assert_eq!(iv("at least $5 million", Lang::En), "[5000000, +∞)");
    assert_eq!(iv("up to $5 million", Lang::En), "(−∞, 5000000]");
    assert_eq!(iv("$5–10 million", Lang::En), "[4500000, 10500000]");
    assert_eq!(iv("от 5 до 10 млн рублей", Lang::Ru), "[4500000, 10500000]");
    let f = fig("more than $3.5 billion", Lang::En);
    assert_eq!(f.interval().lower(), Bound::Excluded(d("3500000000")));
    assert_eq!(f.interval().upper(), Bound::Unbounded);
}

#[test]
fn interval_arithmetic_by_hand() {
    let a = Interval::closed(d("-2"), d("3")).unwrap();
    let b = Interval::closed(d("4"), d("5")).unwrap();
    assert_eq!(a.add(&b).unwrap().to_string(), "[2, 8]");
    assert_eq!(a.sub(&b).unwrap().to_string(), "[-7, -1]");
    assert_eq!(a.mul(&b).unwrap().to_string(), "[-10, 15]");
    assert_eq!(a.div(&b).unwrap().to_string(), "[-0.5, 0.75]");
    assert!(
        b.div(&a)
            .unwrap_err()
            .to_string()
            .contains("division by zero")
    );
    let open = Interval::new(Bound::Excluded(d("1")), Bound::Included(d("2"))).unwrap();
    assert_eq!(open.mul(&b).unwrap().to_string(), "(4, 10]");
    assert_eq!(open.neg().to_string(), "[-2, -1)");
    assert_eq!(
        Interval::below(d("0"))
            .mul(&Interval::below(d("0")))
            .unwrap()
            .to_string(),
        "(0, +∞)"
    );
    let max = Interval::point(Decimal::MAX);
    assert!(max.add(&max).unwrap_err().is_overflow());
    assert!(max.mul(&Interval::point(d("2"))).unwrap_err().is_overflow());
    assert_eq!(a.midpoint(), Some(d("0.5")));
    assert_eq!(Interval::everything().midpoint(), None);
    assert_eq!(a.relative_gap(&b), Some(d("0.25")));
    assert_eq!(a.relative_gap(&a), None);
}

// ------------------------------------------------------------ computations

#[test]
fn total_of_the_same_currency() {
    let t = compare::total(&[
        fig("290 млн долларов", Lang::Ru),
        fig("300 млн долларов", Lang::Ru),
    ])
    .unwrap();
    assert_eq!(t.value(), d("590000000"));
    assert_eq!(t.interval().to_string(), "[589000000, 591000000]");
    assert_eq!(t.unit(), "USD");
    assert_eq!(t.currency(), Some(Currency::USD));
    assert_eq!(t.to_string(), "590 million USD [589 million, 591 million]");
}

#[test]
fn total_converts_units_exactly() {
    let t = compare::total(&[fig("200 MW", Lang::En), fig("1.3 GW", Lang::En)]).unwrap();
    assert_eq!((t.value(), t.unit()), (d("1.5"), "GW"));
    assert_eq!(t.interval().to_string(), "[1.4495, 1.5505]");
    let t = compare::total(&[fig("12 years", Lang::En), fig("30 months", Lang::En)]).unwrap();
    assert_eq!((t.value(), t.unit()), (d("174"), "month"));
    assert_eq!(t.interval().to_string(), "[167.5, 180.5]");
    let t = compare::total(&[fig("2 years", Lang::En), fig("2 quarters", Lang::En)]).unwrap();
    assert_eq!((t.value(), t.unit()), (d("2.5"), "year"));
    let t = compare::total(&[fig("20 EH/s", Lang::En), fig("500 PH/s", Lang::En)]).unwrap();
    assert_eq!((t.value(), t.unit()), (d("20.5"), "EH/s"));
    // Rates: a monthly rate becomes yearly.
    let t = compare::total(&[
        fig("$1 million a year", Lang::En),
        fig("$1 million a month", Lang::En),
    ])
    .unwrap();
    assert_eq!((t.value(), t.unit()), (d("13000000"), "USD/year"));
    assert_eq!(t.interval().to_string(), "[6500000, 19500000]");
}

#[test]
fn total_refuses_to_mix() {
    let err =
        compare::total(&[fig("3,5 Mrd. Euro", Lang::De), fig("$9 billion", Lang::En)]).unwrap_err();
    assert!(err.is_mismatch());
    assert_eq!(
        err.to_string(),
        "cannot combine EUR with USD without an exchange rate"
    );
    let err = compare::total(&[fig("5 MW", Lang::En), fig("5 MWh", Lang::En)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot combine MW with MWh: different dimensions"
    );
    let err = compare::total(&[fig("$5", Lang::En), fig("$5 a year", Lang::En)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot combine USD with USD/year: different dimensions"
    );
    let err = compare::total(&[fig("5 days", Lang::En), fig("1 year", Lang::En)]).unwrap_err();
    assert!(err.is_mismatch(), "{err}");
    assert!(compare::total(&[]).is_err());
}

#[test]
fn total_with_dated_rates() {
    let rates = Rates::from_csv(
        "date,from,to,rate\n\
         # ECB reference rates\n\
         2024-01-02,EUR,USD,1.0945\n\
         2024-06-03,EUR,USD,1.0891\n\
         2024-06-03,GBP,USD,1.2763\n",
    )
    .unwrap();
    assert_eq!(rates.len(), 3);
    let figs = [fig("$1 million", Lang::En), fig("2 Mio. Euro", Lang::De)];
    // The rate in force on 2024-03-01 is the January one.
    let t = compare::total_with_rates(&figs, &rates, date("2024-03-01")).unwrap();
    assert_eq!(t.value(), d("3189000"));
    assert_eq!(t.interval().to_string(), "[2141750, 4236250]");
    let t = compare::total_with_rates(&figs, &rates, date("2024-06-03")).unwrap();
    assert_eq!(t.value(), d("3178200"));
    // Before any rate: an error naming the pair.
    let err = compare::total_with_rates(&figs, &rates, date("2023-12-31")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no EUR→USD exchange rate on or before 2023-12-31"
    );
    // Into euros: the inverse rate divides, rounded outward.
    let t = compare::total_in(
        &[fig("$10.891", Lang::En)],
        &rates,
        date("2024-07-01"),
        Currency::EUR,
    )
    .unwrap();
    assert_eq!(t.value(), d("10"));
    assert_eq!(t.unit(), "EUR");
    let (lo, hi) = (t.interval().min().unwrap(), t.interval().max().unwrap());
    assert!(product_cmp(lo, d("1.0891"), d("10.8905"), true));
    assert!(product_cmp(hi, d("1.0891"), d("10.8915"), false));
}

#[test]
fn rates_csv_errors_name_the_line() {
    let e = |csv: &str| Rates::from_csv(csv).unwrap_err().to_string();
    assert_eq!(
        e("2024-01-02,EUR,USD"),
        "rates line 1: expected 4 fields (date,from,to,rate), found 3"
    );
    assert_eq!(
        e("date,from,to,rate\n2024-01-02,EUR,QQQ,1.1"),
        "rates line 2: unknown currency \"QQQ\""
    );
    assert_eq!(
        e("2024-01-02,EUR,USD,1,1"),
        "rates line 1: expected 4 fields (date,from,to,rate), found 5"
    );
    assert_eq!(
        e("2024-01-02,EUR,USD,abc"),
        "rates line 1: bad rate \"abc\": expected a decimal number"
    );
    assert_eq!(
        e("2024-01-02,EUR,USD,-1"),
        "rates line 1: the EUR→USD rate must be positive, found -1"
    );
    assert_eq!(
        e("2024-01-02,EUR,USD,1.1\n2024-01-02,EUR,USD,1.2"),
        "rates line 2: two EUR→USD rates for 2024-01-02"
    );
}

#[test]
fn per_period_and_over_period() {
    let t = compare::per_period(
        &fig("3,5 Mrd. Euro", Lang::De),
        &fig("12 Jahre", Lang::De),
        Period::Year,
    )
    .unwrap();
    assert_eq!(t.unit(), "EUR/year");
    assert_eq!(t.value(), d("291666666.66666666666666666667"));
    // [3.45 bn / 12.5, 3.55 bn / 11.5]; the upper end rounded up.
    assert_eq!(t.interval().min(), Some(d("276000000")));
    let hi = t.interval().max().unwrap();
    assert_eq!(hi, d("308695652.17391304347826086958"));
    assert!(product_cmp(hi, d("11.5"), d("3550000000"), false));
    // Per month: 3.5 bn / 144 months.
    let m = compare::per_period(
        &fig("3,5 Mrd. Euro", Lang::De),
        &fig("12 Jahre", Lang::De),
        Period::Month,
    )
    .unwrap();
    assert_eq!(m.unit(), "EUR/month");
    assert_eq!(m.interval().min(), Some(d("23000000")));
    // Weeks and years do not mix.
    let err = compare::per_period(
        &fig("$5 million", Lang::En),
        &fig("12 weeks", Lang::En),
        Period::Year,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot combine week with year: different dimensions"
    );

    let t = compare::over_period(
        &fig("8 Mio. Euro im Monat", Lang::De),
        &fig("2 Jahre", Lang::De),
    )
    .unwrap();
    assert_eq!((t.value(), t.unit()), (d("192000000"), "EUR"));
    // [7.5 M, 8.5 M] × [1.5, 2.5] years × 12.
    assert_eq!(t.interval().to_string(), "[135000000, 255000000]");
    let err =
        compare::over_period(&fig("$5 million", Lang::En), &fig("2 years", Lang::En)).unwrap_err();
    assert_eq!(err.to_string(), "USD is not a rate: it has no period");
    let err = compare::over_period(
        &fig("$5 million a year", Lang::En),
        &fig("0 years", Lang::En),
    );
    assert!(err.is_ok(), "a zero term multiplies, it does not divide");
    let err = compare::per_period(
        &fig("$5 million", Lang::En),
        &fig("0 years", Lang::En),
        Period::Year,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "division by zero");
}

/// The Russian seed's contract: a 12-year contract, about $290 million a
/// year, over $3.5 billion in total.
#[test]
fn seed_ru_contract_terms_are_consistent() {
    let rate = fig("около 290 млн долларов в год", Lang::Ru);
    let term = fig("12-летний", Lang::Ru);
    // "превысит" (will exceed) is read from context: extract it.
    let text = "доход превысит 3,5 млрд долларов";
    let found = extract(text, &Options::default().lang(Lang::Ru));
    assert_eq!(found[0].text(text), "3,5 млрд долларов");
    let total = found[0].figure.clone();
    let computed = compare::over_period(&rate, &term).unwrap();
    assert_eq!(computed.value(), d("3480000000"));
    // [11.5 × 275.5 M, 12.5 × 304.5 M]
    assert_eq!(computed.interval().min(), Some(d("3168250000")));
    assert_eq!(computed.interval().max(), Some(d("3806250000")));
    assert_eq!(total.interval().to_string(), "(3500000000, +∞)");
    let r = compare::check_total(&rate, &term, &total).unwrap();
    assert_eq!(r.consistent, Some(true));
    assert_eq!(r.gap, None);

    // The same relation found in the seed itself.
    let Some(text) = seed("000_") else {
        println!("seeds not found (set CHIFFRE_SEEDS); skipping");
        return;
    };
    let rel = check(&text, &Options::default());
    let r = rel
        .iter()
        .find(|r| r.kind == RelationKind::RateTimesTermVsTotal)
        .expect("the contract relation");
    let texts: Vec<(Role, &str)> = r
        .figures
        .iter()
        .map(|p| (p.role, p.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (Role::Rate, "около 290 млн долларов"),
            (Role::Term, "12-летний"),
            (Role::Total, "3,5 млрд долларов"),
        ]
    );
    assert_eq!(
        r.computed.interval().to_string(),
        "[3168250000, 3806250000]"
    );
    assert_eq!(r.stated.unwrap().to_string(), "(3500000000, +∞)");
    assert_eq!(r.consistent, Some(true));
    assert!(rel.iter().all(|r| r.consistent != Some(false)));
}

/// The English seed: $9 billion for 1.3 GW of contracted power.
#[test]
fn seed_en_price_per_megawatt() {
    let exact = |a: &Figure, b: &Figure| {
        let r = compare::ratio_per(a, b, Unit::MW).unwrap();
        assert_eq!(r.unit(), "USD/MW");
        assert_eq!(r.value().to_string(), "6923076.9230769230769230769231");
        // [8.5 bn / 1350 MW, 9.5 bn / 1250 MW]: the lower end has no exact
        // decimal form and is rounded down.
        let (lo, hi) = (r.interval().min().unwrap(), r.interval().max().unwrap());
        assert_eq!(lo.to_string(), "6296296.2962962962962962962962");
        assert_eq!(hi.to_string(), "7600000");
        assert!(r.interval().lower().is_inclusive() && r.interval().upper().is_inclusive());
        assert!(product_cmp(lo, d("1350"), d("8500000000"), true));
        assert!(!product_cmp(
            lo + d("0.0000000000000000000001"),
            d("1350"),
            d("8500000000"),
            true
        ));
        assert_eq!(
            r.to_string(),
            "6.923 million USD/MW [6.296 million, 7.6 million]"
        );
        // Per GW, the default: the same price, a thousand times larger.
        let g = compare::ratio(a, b).unwrap();
        assert_eq!(g.unit(), "USD/GW");
        assert_eq!(g.interval().max(), Some(d("7600000000")));
    };
    exact(&fig("$9 billion", Lang::En), &fig("1.3 GW", Lang::En));
    let Some(text) = seed("003_") else {
        println!("seeds not found (set CHIFFRE_SEEDS); skipping");
        return;
    };
    let found = extract(&text, &Options::default());
    let money = found
        .iter()
        .find(|f| f.text(&text) == "$9 billion")
        .expect("$9 billion");
    let power = found
        .iter()
        .find(|f| f.figure.kind() == chiffre::Kind::Power)
        .expect("1.3 gigawatts");
    assert_eq!(power.text(&text), "1.3 gigawatts");
    exact(&money.figure, &power.figure);
}

#[test]
fn ratio_share_change() {
    let r = compare::ratio(
        &fig("9 milliards de dollars", Lang::Fr),
        &fig("3,5 milliards de dollars", Lang::Fr),
    )
    .unwrap();
    assert_eq!(r.unit(), "x");
    assert_eq!(r.currency(), None);
    assert_eq!(
        r.interval().max(),
        Some(d("2.7536231884057971014492753624"))
    );
    let r = compare::ratio(&fig("$100 million", Lang::En), &fig("5 EH/s", Lang::En)).unwrap();
    assert_eq!((r.value(), r.unit()), (d("20000000"), "USD/EH/s"));
    let r = compare::ratio_per(
        &fig("$100 million", Lang::En),
        &fig("5 EH/s", Lang::En),
        Unit::THs,
    )
    .unwrap();
    assert_eq!((r.value(), r.unit()), (d("20"), "USD/TH/s"));
    // [99.5 M / 5.5 M, 100.5 M / 4.5 M], both ends rounded outward.
    let (lo, hi) = (r.interval().min().unwrap(), r.interval().max().unwrap());
    assert_eq!(lo, d("18.09090909090909090909090909"));
    assert_eq!(hi, d("22.333333333333333333333333334"));
    assert!(product_cmp(lo, d("5500000"), d("99500000"), true));
    assert!(product_cmp(hi, d("4500000"), d("100500000"), false));
    let err = compare::ratio(&fig("$5", Lang::En), &fig("5 €", Lang::Fr)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot combine USD with EUR without an exchange rate"
    );
    let err = compare::ratio(&fig("$5 million", Lang::En), &fig("0 MW", Lang::En)).unwrap_err();
    assert_eq!(err.to_string(), "division by zero");
    let err =
        compare::ratio_per(&fig("$5", Lang::En), &fig("5 MW", Lang::En), Unit::Year).unwrap_err();
    assert!(err.is_mismatch());

    let s = compare::share(&fig("260 MW", Lang::En), &fig("1.3 GW", Lang::En)).unwrap();
    assert_eq!((s.value(), s.unit()), (d("20"), "%"));
    let c = compare::change(
        &fig("$210.7 million", Lang::En),
        &fig("$300 million", Lang::En),
    )
    .unwrap();
    assert_eq!(c.absolute.value(), d("89300000"));
    assert_eq!(c.absolute.interval().to_string(), "[88750000, 89850000]");
    assert_eq!(c.percent.unit(), "%");
    assert_eq!(c.percent.display_value(), "42.38");
}

#[test]
fn derived_json_has_exact_strings() {
    let r = compare::ratio_per(
        &fig("$9 billion", Lang::En),
        &fig("1.3 GW", Lang::En),
        Unit::MW,
    )
    .unwrap()
    .with_precision(2);
    assert_eq!(
        r.to_string(),
        "6.9 million USD/MW [6.2 million, 7.6 million]"
    );
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["value"], "6923076.9230769230769230769231");
    assert_eq!(v["min"], "6296296.2962962962962962962962");
    assert_eq!(v["max"], "7600000");
    assert_eq!(v["min_inclusive"], true);
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["unit"], "USD/MW");
    let over = compare::total(&[fig("more than $3.5 billion", Lang::En)]).unwrap();
    let v = serde_json::to_value(&over).unwrap();
    assert_eq!(v["min"], "3500000000");
    assert_eq!(v["min_inclusive"], false);
    assert_eq!(v["max"], serde_json::Value::Null);
}

// ------------------------------------------------------------------ check

#[test]
fn check_raises_no_alarm_on_consistent_articles() {
    for name in [
        "check/consistent.txt",
        "de-rechenzentren.txt",
        "en-coreweave-deal.txt",
        "fr-mineurs-ia.txt",
        "ru-majnery-ii.txt",
    ] {
        let text = article(name);
        let rel = check(&text, &Options::default());
        for r in &rel {
            assert_ne!(r.consistent, Some(false), "{name}: false alarm {r:#?}");
        }
        // Each of them states the contract's total, and it holds.
        assert!(
            rel.iter()
                .any(|r| r.kind == RelationKind::RateTimesTermVsTotal && r.consistent == Some(true)),
            "{name}: the rate × term vs total relation was not found"
        );
    }
}

#[test]
fn check_consistent_article_in_detail() {
    let text = article("check/consistent.txt");
    let rel = check(&text, &Options::default());
    let total = rel
        .iter()
        .find(|r| r.kind == RelationKind::RateTimesTermVsTotal)
        .unwrap();
    // 10-year [9.5, 10.5] × about $200 M a year [190 M, 210 M].
    assert_eq!(
        total.computed.interval().to_string(),
        "[1805000000, 2205000000]"
    );
    assert_eq!(
        total.stated.unwrap().to_string(),
        "[1500000000, 2500000000]"
    );
    let price = rel
        .iter()
        .find(|r| r.kind == RelationKind::PricePerCapacity)
        .unwrap();
    let texts: Vec<&str> = price.figures.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["$9B", "1.3 GW"]);
    assert_eq!(price.consistent, None);
    assert_eq!(price.computed.unit(), "USD/MW");
    let restated = rel
        .iter()
        .find(|r| r.kind == RelationKind::Restated && r.figures[1].text == "$9 billion")
        .expect("headline $9B restated as $9 billion");
    assert_eq!(restated.figures[0].text, "$9B");
    assert_eq!(restated.consistent, Some(true));
}

#[test]
fn check_flags_each_planted_inconsistency() {
    let text = article("check/inconsistent.txt");
    let rel = check(&text, &Options::default());
    let alarms: Vec<_> = rel.iter().filter(|r| r.consistent == Some(false)).collect();
    assert_eq!(alarms.len(), 4, "{alarms:#?}");
    // Two planted changes: "rose 21%" for 11.6 %, "doubled" for × 1.5.
    let changes: Vec<&str> = alarms
        .iter()
        .filter(|r| r.kind == RelationKind::Change)
        .map(|r| r.figures[0].text.as_str())
        .collect();
    assert_eq!(changes, ["21%", "doubled"]);
    // The total changed to about $5 billion vs 10 × about $200 M a year.
    let total = alarms
        .iter()
        .find(|r| r.kind == RelationKind::RateTimesTermVsTotal)
        .expect("the total");
    let texts: Vec<&str> = total.figures.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        ["about $200 million a year", "10-year", "about $5 billion"]
    );
    assert_eq!(
        total.computed.interval().to_string(),
        "[1805000000, 2205000000]"
    );
    assert_eq!(
        total.stated.unwrap().to_string(),
        "[4500000000, 5500000000]"
    );
    // (4.5 bn − 2.205 bn) / 4.5 bn
    assert_eq!(total.gap, Some(d("0.51")));
    // "$8.5 billion" vs the headline "$9B".
    let restated = alarms
        .iter()
        .find(|r| r.kind == RelationKind::Restated)
        .expect("the restated price");
    let texts: Vec<&str> = restated.figures.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["$9B", "$8.5 billion"]);
    assert_eq!(restated.gap.map(|g| g.round_dp(4)), Some(d("0.0556")));
    // The JSON row of a relation.
    let v = serde_json::to_value(total).unwrap();
    assert_eq!(v["kind"], "rate_times_term_vs_total");
    assert_eq!(v["consistent"], false);
    assert_eq!(v["min"], "1805000000");
    assert_eq!(v["stated_max"], "5500000000");
    assert_eq!(v["figures"][2]["text"], "about $5 billion");
}

#[test]
fn check_keeps_quiet_without_evidence() {
    // Two different amounts of the same scale, no shared context: not a restatement.
    let text = "Revenue was $1.2 billion.\n\nCosts rose to $1.1 billion in the period.";
    assert!(check(text, &Options::default()).is_empty());
    // A total word, a rate, but no term: nothing to check.
    let text = "It brings $200 million a year, or $5 billion in total.";
    assert!(check(text, &Options::default()).is_empty());
    // A unit price is not a deal price.
    let text = "The 1.3 GW puts the price at roughly $6.9 million per megawatt.";
    assert!(check(text, &Options::default()).is_empty());
}

// --------------------------------------------------------------- reconcile

#[test]
fn reconcile_the_four_articles() {
    let names = [
        "en-coreweave-deal.txt",
        "fr-mineurs-ia.txt",
        "de-rechenzentren.txt",
        "ru-majnery-ii.txt",
    ];
    let docs: Vec<(String, String)> = names.iter().map(|n| (n.to_string(), article(n))).collect();
    let groups = reconcile(&docs, &Options::default());
    let find = |value: &str, unit: &str| {
        groups
            .iter()
            .find(|g| g.reference.value() == d(value) && g.reference.unit() == unit)
            .unwrap_or_else(|| panic!("{value} {unit}"))
    };
    let deal = find("9000000000", "USD");
    assert_eq!(deal.docs(Status::Agrees), names);
    let fr: Vec<&str> = deal
        .members
        .iter()
        .filter(|m| m.doc == 1)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(
        fr,
        ["9 milliards de dollars", "environ 9 milliards de dollars"]
    );
    assert_eq!(find("1.3", "GW").docs(Status::Agrees), names);
    assert_eq!(find("290000000", "USD/year").docs(Status::Agrees), names);
    let first_phase = find("200", "MW");
    assert_eq!(
        first_phase.docs(Status::Agrees),
        [
            "en-coreweave-deal.txt",
            "fr-mineurs-ia.txt",
            "ru-majnery-ii.txt"
        ]
    );
    assert_eq!(first_phase.docs(Status::Lacks), ["de-rechenzentren.txt"]);
    // "über 50 EH/s" and "dépasse 900 EH/s" are not one quantity.
    assert!(groups.iter().all(|g| g.members.len() < 2
        || g.kind != chiffre::Kind::Hashrate
        || g.reference.value() == d("20")));
    assert!(groups.iter().all(|g| g.docs(Status::Differs).is_empty()));
}

#[test]
fn reconcile_shows_a_document_that_differs() {
    let docs = [
        (
            "a",
            "CoreWeave buys Core Scientific for $9 billion to secure 1.3 GW.",
        ),
        (
            "b",
            "CoreWeave rachète Core Scientific pour 9 milliards de dollars.",
        ),
        (
            "c",
            "CoreWeave kauft Core Scientific für 8,5 Mrd. Dollar und 1.300 MW.",
        ),
    ];
    let groups = reconcile(&docs, &Options::default());
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].docs(Status::Agrees), ["a", "b"]);
    assert_eq!(groups[0].docs(Status::Differs), ["c"]);
    assert_eq!(groups[1].reference.unit(), "GW");
    assert_eq!(groups[1].docs(Status::Agrees), ["a", "c"]);
    assert_eq!(groups[1].docs(Status::Lacks), ["b"]);
    let v = serde_json::to_value(&groups[0]).unwrap();
    assert_eq!(v["value"], "9000000000");
    assert_eq!(v["differ"][0], "c");
    assert_eq!(v["consistent"], false);
    assert_eq!(groups[0].consistent(), Some(false));
    assert_eq!(groups[1].consistent(), Some(true));
    assert_eq!(v["figures"][2]["text"], "8,5 Mrd. Dollar");
    assert_eq!(v["figures"][2]["agrees"], false);
}

// -------------------------------------------------------------- properties

/// A decimal with up to 3 decimals, |x| ≤ 10^6.
fn small() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000i64..=1_000_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s))
}

/// An interval (ends closed, open or unbounded) and a point inside it.
fn interval_and_point() -> impl Strategy<Value = (Interval, Decimal)> {
    (
        small(),
        (0i64..=2_000_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
        0u8..3,
        0u8..3,
        0i64..=100,
        small(),
    )
        .prop_map(|(a, w, lk, uk, k, extra)| {
            let b = a + w;
            let zero_width = w.is_zero();
            let lower = match (lk, zero_width) {
                (_, true) if lk != 2 => Bound::Included(a),
                (0, _) => Bound::Included(a),
                (1, _) => Bound::Excluded(a),
                _ => Bound::Unbounded,
            };
            let upper = match (uk, zero_width) {
                (_, true) if uk != 2 => Bound::Included(b),
                (0, _) => Bound::Included(b),
                (1, _) => Bound::Excluded(b),
                _ => Bound::Unbounded,
            };
            let mut k = k;
            if matches!(lower, Bound::Excluded(_)) && k == 0 {
                k = 1;
            }
            if matches!(upper, Bound::Excluded(_)) && k == 100 {
                k = 99;
            }
            let mut x = a + w * Decimal::new(k, 2);
            // Beyond an unbounded end.
            if lower == Bound::Unbounded && extra.is_sign_negative() {
                x = a + extra;
            }
            if upper == Bound::Unbounded && !extra.is_sign_negative() && k > 50 {
                x = b + extra;
            }
            (Interval::new(lower, upper).unwrap(), x)
        })
}

fn money_text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "about ", "more than ", "up to ", "at least "]),
        1u32..10_000,
        0u32..3,
        prop::sample::select(vec!["", " thousand", " million", " billion"]),
    )
        .prop_map(|(q, m, s, scale)| format!("{q}${}{scale}", Decimal::new(i64::from(m), s)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Interval arithmetic contains the point arithmetic of any values drawn
    /// from inside the operands.
    #[test]
    fn interval_ops_contain_point_ops((a, x) in interval_and_point(), (b, y) in interval_and_point()) {
        prop_assert!(a.contains(x) && b.contains(y));
        let sum = a.add(&b).unwrap();
        prop_assert!(sum.contains(x + y), "{a} + {b} = {sum} ∌ {}", x + y);
        let diff = a.sub(&b).unwrap();
        prop_assert!(diff.contains(x - y), "{a} - {b} = {diff} ∌ {}", x - y);
        let prod = a.mul(&b).unwrap();
        prop_assert!(prod.contains(x * y), "{a} · {b} = {prod} ∌ {}", x * y);
        match a.div(&b) {
            Ok(q) => {
                prop_assert!(!b.contains(Decimal::ZERO));
                let p = x / y;
                prop_assert!(q.contains(p), "{a} / {b} = {q} ∌ {p}");
            }
            Err(e) => {
                prop_assert!(b.contains(Decimal::ZERO), "{a} / {b}: {e}");
                prop_assert_eq!(e.to_string(), "division by zero");
            }
        }
        let k = y;
        let scaled = a.scale(k).unwrap();
        prop_assert!(scaled.contains(x * k));
        prop_assert!(a.intersects(&Interval::point(x)));
        prop_assert!(a.contains_interval(&Interval::point(x)));
    }

    /// Products and quotients with long mantissas (rounded, not exact) are
    /// bracketed by the interval ends, checked exactly in integers.
    #[test]
    fn rounded_ends_bracket_the_exact_value(
        (mx, sx) in (-999_999_999_999_999i64..=999_999_999_999_999, 0u32..=12),
        (my, sy) in (-999_999_999_999_999i64..=999_999_999_999_999, 0u32..=12),
    ) {
        let (x, y) = (Decimal::new(mx, sx), Decimal::new(my, sy));
        // a·10^-sa <=> b·10^-sb, exactly; None when i128 would overflow.
        let cmp = |a: i128, sa: u32, b: i128, sb: u32| -> Option<std::cmp::Ordering> {
            let s = sa.max(sb);
            let a = a.checked_mul(10i128.checked_pow(s - sa)?)?;
            let b = b.checked_mul(10i128.checked_pow(s - sb)?)?;
            Some(a.cmp(&b))
        };
        use std::cmp::Ordering::*;
        let p = match Interval::point(x).mul(&Interval::point(y)) {
            Ok(p) => p,
            Err(e) => {
                // Beyond ±7.9e28: an error, never a wrong bound.
                prop_assert!(e.is_overflow());
                return Ok(());
            }
        };
        let (lo, hi) = (p.min().unwrap(), p.max().unwrap());
        let exact = (i128::from(mx) * i128::from(my), sx + sy);
        if let Some(o) = cmp(lo.mantissa(), lo.scale(), exact.0, exact.1) {
            prop_assert!(o != Greater, "{x} · {y}: lower end {lo}");
        }
        if let Some(o) = cmp(hi.mantissa(), hi.scale(), exact.0, exact.1) {
            prop_assert!(o != Less, "{x} · {y}: upper end {hi}");
        }
        prop_assume!(my != 0);
        let q = match Interval::point(x).div(&Interval::point(y)) {
            Ok(q) => q,
            Err(e) => {
                prop_assert!(e.is_overflow());
                return Ok(());
            }
        };
        let (lo, hi) = (q.min().unwrap(), q.max().unwrap());
        // lo ≤ x/y ≤ hi  <=>  lo·y ≤ x ≤ hi·y for y > 0 (reversed for y < 0).
        let x_exact = (i128::from(mx), sx);
        for (end, want) in [(lo, if my > 0 { Greater } else { Less }), (hi, if my > 0 { Less } else { Greater })] {
            let prod = end.mantissa().checked_mul(i128::from(my));
            if let Some(prod) = prod
                && let Some(o) = cmp(prod, end.scale() + sy, x_exact.0, x_exact.1)
            {
                prop_assert!(o != want, "{x} / {y}: end {end} is on the wrong side");
            }
        }
    }

    /// A total does not depend on the order of the figures.
    #[test]
    fn total_is_order_independent(
        (texts, shuffled) in prop::collection::vec(money_text(), 1..6)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let figs = |t: &[String]| t.iter().map(|s| fig(s, Lang::En)).collect::<Vec<_>>();
        let a = compare::total(&figs(&texts)).unwrap();
        let b = compare::total(&figs(&shuffled)).unwrap();
        prop_assert_eq!(a.value(), b.value());
        prop_assert_eq!(a.interval(), b.interval());
        prop_assert_eq!(a.to_string(), b.to_string());
    }

    /// `ratio(a, b) · b` contains `a`, for the default unit and for MW.
    #[test]
    fn ratio_times_denominator_contains_numerator(
        a in money_text(),
        (m, s) in (1u32..100_000, 0u32..3),
        unit in prop::sample::select(vec!["kW", "MW", "GW", "TW"]),
    ) {
        let fa = fig(&a, Lang::En);
        let fb = fig(&format!("{} {unit}", Decimal::new(i64::from(m), s)), Lang::En);
        let r = compare::ratio(&fa, &fb).unwrap();
        let back = r.interval().mul(&fb.interval()).unwrap();
        prop_assert!(back.contains_interval(&fa.interval()), "{r} · {} = {back} ⊉ {}", fb.interval(), fa.interval());
        let per_mw = compare::ratio_per(&fa, &fb, Unit::MW).unwrap();
        let to_mw = compare::convert(Decimal::ONE, fb.unit().unwrap(), Unit::MW).unwrap();
        let b_mw = fb.interval().scale(to_mw).unwrap();
        let back = per_mw.interval().mul(&b_mw).unwrap();
        prop_assert!(back.contains_interval(&fa.interval()));
    }

    /// Unit conversions round-trip exactly whenever the conversion is exact,
    /// and always within powers of ten.
    #[test]
    fn unit_conversions_round_trip(
        x in (-1_000_000_000i64..1_000_000_000, 0u32..6).prop_map(|(m, s)| Decimal::new(m, s)),
        u in prop::sample::select(Unit::ALL.to_vec()),
        v in prop::sample::select(Unit::ALL.to_vec()),
    ) {
        let same = u.base().0 == v.base().0;
        match compare::convert(x, u, v) {
            Ok(y) => {
                prop_assert!(same);
                prop_assert_eq!(compare::convert(y, v, u).unwrap(), x);
            }
            Err(e) => {
                let powers_of_ten = matches!(u.kind(), chiffre::Kind::Power | chiffre::Kind::Energy | chiffre::Kind::Hashrate);
                prop_assert!(!same || !powers_of_ten, "{x} {u} → {v}: {e}");
            }
        }
        // To the base unit and back is always exact.
        let (base, _) = u.base();
        let y = compare::convert(x, u, base).unwrap();
        prop_assert_eq!(compare::convert(y, base, u).unwrap(), x);
    }
}

// ------------------------------------------------- errors that say what is meant

#[test]
fn err_duration_negative() {
    let money = fig("$5 million", Lang::En);
    let rate = fig("$5 million a year", Lang::En);
    let back = fig("-3 years", Lang::En);
    let msg = "a duration cannot be negative, found -3 years";
    let err = compare::per_period(&money, &back, Period::Year).unwrap_err();
    assert_eq!(err.to_string(), msg);
    assert_eq!(err.category(), chiffre::Category::Input);
    let err = compare::over_period(&rate, &back).unwrap_err();
    assert_eq!(err.to_string(), msg);
    let err = compare::ratio(&money, &back).unwrap_err();
    assert_eq!(err.to_string(), msg);
    let total = fig("$15 million", Lang::En);
    let err = compare::check_total(&rate, &back, &total).unwrap_err();
    assert_eq!(err.to_string(), msg);
    let err = compare::over_period(&rate, &fig("-1 month", Lang::En)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a duration cannot be negative, found -1 month"
    );
    let err = compare::per_period(&money, &fig("-0.5 years", Lang::En), Period::Month).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a duration cannot be negative, found -0.5 years"
    );
    // Zero: spreading over it divides by zero.
    let err = compare::per_period(&money, &fig("0 months", Lang::En), Period::Year).unwrap_err();
    assert_eq!(err.to_string(), "division by zero");
    assert_eq!(err.category(), chiffre::Category::Arithmetic);
    // Positive durations are unchanged.
    let y = compare::per_period(&money, &fig("2 years", Lang::En), Period::Year).unwrap();
    assert_eq!(y.value(), d("2500000"));
}

#[test]
fn err_rates_without_the_pair_name_no_date() {
    let rates = Rates::from_csv("2024-06-03,EUR,USD,1.0891").unwrap();
    let usd = fig("$1 million", Lang::En);
    let gbp = fig("£2 million", Lang::En);
    // The latest rates: no date to speak of.
    let err =
        compare::total_with_rates(&[usd.clone(), gbp], &rates, chrono::NaiveDate::MAX).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no GBP→USD exchange rate in the rates table (nor USD→GBP)"
    );
    let err = compare::total_in(
        std::slice::from_ref(&usd),
        &rates,
        chrono::NaiveDate::MAX,
        Currency::JPY,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no USD→JPY exchange rate in the rates table (nor JPY→USD)"
    );
    // A pair listed only after the date: the date is the caller's.
    let eur = fig("2 Mio. Euro", Lang::De);
    let early = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let err = compare::total_with_rates(&[usd, eur], &rates, early).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no EUR→USD exchange rate on or before 2020-01-01"
    );
}

#[test]
fn err_arithmetic_overflow_names_the_operation() {
    let huge = fig("$50000000000000000000000000000", Lang::En);
    let check = |r: Result<compare::Derived, chiffre::Error>, msg: &str| {
        let err = r.unwrap_err();
        assert_eq!(err.to_string(), msg);
        assert_eq!(err.category(), chiffre::Category::ArithmeticOverflow);
        assert!(err.is_overflow());
        assert_eq!(err.span(), 0..0);
    };
    check(
        compare::total(&[huge.clone(), huge.clone()]),
        "total: the sum overflows the decimal range (about 7.9 × 10^28)",
    );
    let tiny_mw = fig("0.001 MW", Lang::En);
    check(
        compare::ratio(&huge, &tiny_mw),
        "ratio: the quotient overflows the decimal range (about 7.9 × 10^28)",
    );
    check(
        compare::ratio_per(&huge, &tiny_mw, Unit::MW),
        "ratio_per: the quotient overflows the decimal range (about 7.9 × 10^28)",
    );
    check(
        compare::per_period(&huge, &fig("1 month", Lang::En), Period::Year),
        "per_period: the product overflows the decimal range (about 7.9 × 10^28)",
    );
    check(
        compare::over_period(
            &fig("$50000000000000000000000000000 a year", Lang::En),
            &fig("10 years", Lang::En),
        ),
        "over_period: the product overflows the decimal range (about 7.9 × 10^28)",
    );
    check(
        compare::share(&fig("50000000000000000000000000000 MW", Lang::En), &tiny_mw),
        "share: the quotient overflows the decimal range (about 7.9 × 10^28)",
    );
    let rates = Rates::from_csv("2024-06-03,EUR,USD,10").unwrap();
    check(
        compare::total_with_rates(
            &[
                fig("$1", Lang::En),
                fig("50000000000000000000000000000 euros", Lang::En),
            ],
            &rates,
            chrono::NaiveDate::MAX,
        ),
        "total_with_rates: the conversion to another currency overflows the decimal range (about 7.9 × 10^28)",
    );
    let err =
        compare::change(&huge, &fig("-$50000000000000000000000000000", Lang::En)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "change: the difference overflows the decimal range (about 7.9 × 10^28)"
    );
    let err = compare::convert(Decimal::MAX, Unit::GW, Unit::MW).unwrap_err();
    assert_eq!(
        err.to_string(),
        "convert: the product overflows the decimal range (about 7.9 × 10^28)"
    );
    assert_eq!(err.category(), chiffre::Category::ArithmeticOverflow);
    // Interval arithmetic on its own names the step only.
    let max = Interval::point(Decimal::MAX);
    assert_eq!(
        max.add(&max).unwrap_err().to_string(),
        "the sum overflows the decimal range (about 7.9 × 10^28)"
    );
    assert_eq!(
        max.sub(&Interval::point(Decimal::MIN))
            .unwrap_err()
            .to_string(),
        "the difference overflows the decimal range (about 7.9 × 10^28)"
    );
    assert_eq!(
        max.mul(&Interval::point(d("2"))).unwrap_err().to_string(),
        "the product overflows the decimal range (about 7.9 × 10^28)"
    );
    // A number too large to read is another category, with its place.
    let err = parse("$900000000000000000000000000000", Lang::En).unwrap_err();
    assert_eq!(err.category(), chiffre::Category::Overflow);
    assert!(err.to_string().starts_with("byte"), "{err}");
}
