//! The comparison verbs: `total`, `ratio`, `per-year`, `over-period`,
//! `share`, `change` (one computation on figures given as arguments) and
//! `check`, `reconcile` (relations inside articles and across them).

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chiffre::compare::{self, Derived, Group, Rates, Relation, RelationKind, Status};
use chiffre::{Currency, Figure, LangMode, Options, Period, Unit, Value};

use crate::input;
use crate::output::{Table, escape_controls, truncate};
use crate::{Fatal, Run, caret, report};

/// The comparison subcommands.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Verb {
    /// Add figures of one currency or dimension (MW + GW, years + months).
    Total(TotalArgs),
    /// Divide one figure by another: a price per unit ("USD/MW") or a multiple.
    Ratio(RatioArgs),
    /// Spread a total over a duration: the amount per year (or --per).
    #[command(name = "per-year", visible_alias = "per-period")]
    PerYear(PerYearArgs),
    /// Accumulate a rate ("290 M$ a year") over a duration: the total.
    #[command(name = "over-period")]
    OverPeriod(OverPeriodArgs),
    /// One figure as a percentage of another.
    Share(PairArgs),
    /// The change from one figure to another, absolute and in percent.
    Change(PairArgs),
    /// Check the relations inside articles: rate × term vs total, price per
    /// capacity, figures stated twice, changes.
    Check(CheckArgs),
    /// Group the figures of several documents that state the same quantity.
    Reconcile(ReconcileArgs),
}

/// Options shared by the single computations.
#[derive(Debug, clap::Args)]
pub(crate) struct One {
    /// Language of the figures: en, fr, de, ru or auto.
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Significant digits shown (JSON values stay exact).
    #[arg(long, default_value_t = compare::DEFAULT_PRECISION,
          value_parser = clap::value_parser!(u32).range(1..=28))]
    precision: u32,
    /// Output: one human line, or one JSON object with exact decimal strings.
    #[arg(long, value_enum, default_value = "human")]
    format: OneFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OneFormat {
    Human,
    Json,
}

/// Arguments of `chiffre total`.
#[derive(Debug, clap::Args)]
pub(crate) struct TotalArgs {
    /// The figures, e.g. "290 млн долларов" "300 млн долларов" (after `--`
    /// for a figure that starts with a minus sign).
    #[arg(required = true)]
    figures: Vec<String>,
    /// Exchange rates: a CSV file of date,from,to,rate lines.
    #[arg(long)]
    rates: Option<PathBuf>,
    /// The date of the rates to use (YYYY-MM-DD); default: the latest.
    #[arg(long, requires = "rates")]
    date: Option<String>,
    /// The currency of the total (default: the first figure's).
    #[arg(long, requires = "rates")]
    to: Option<String>,
    #[command(flatten)]
    one: One,
}

/// Arguments of `chiffre ratio`.
#[derive(Debug, clap::Args)]
pub(crate) struct RatioArgs {
    /// The numerator, e.g. "9 milliards de dollars".
    #[arg(allow_hyphen_values = true)]
    a: String,
    /// The denominator, e.g. "1,3 GW".
    #[arg(allow_hyphen_values = true)]
    b: String,
    /// The unit to express the price per (MW for a price in GW, TH/s...).
    #[arg(long)]
    per: Option<String>,
    #[command(flatten)]
    one: One,
}

/// Arguments of `chiffre per-year`.
#[derive(Debug, clap::Args)]
pub(crate) struct PerYearArgs {
    /// The total, e.g. "3,5 Mrd. Euro".
    #[arg(allow_hyphen_values = true)]
    total: String,
    /// The duration, e.g. "12 Jahre".
    duration: String,
    /// The period of the result: year, quarter, month, week, day or hour.
    #[arg(long, default_value = "year")]
    per: String,
    #[command(flatten)]
    one: One,
}

/// Arguments of `chiffre over-period`.
#[derive(Debug, clap::Args)]
pub(crate) struct OverPeriodArgs {
    /// The rate, e.g. "290 M$ a year".
    #[arg(allow_hyphen_values = true)]
    rate: String,
    /// The duration, e.g. "12 years".
    duration: String,
    #[command(flatten)]
    one: One,
}

/// Arguments of `chiffre share` and `chiffre change`.
#[derive(Debug, clap::Args)]
pub(crate) struct PairArgs {
    /// The first figure (the part; the starting value).
    #[arg(allow_hyphen_values = true)]
    a: String,
    /// The second figure (the whole; the new value).
    #[arg(allow_hyphen_values = true)]
    b: String,
    #[command(flatten)]
    one: One,
}

/// Output of `check` and `reconcile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    /// An aligned table.
    Table,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `chiffre check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files or directories (*.txt, *.md, *.html); "-" reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Language: en, fr, de, ru, or auto (detected per paragraph).
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Output format. Default: table on a terminal, jsonl otherwise.
    #[arg(long, value_enum)]
    format: Option<ListFormat>,
    /// Significant digits shown in the table.
    #[arg(long, default_value_t = compare::DEFAULT_PRECISION,
          value_parser = clap::value_parser!(u32).range(1..=28))]
    precision: u32,
}

/// Arguments of `chiffre reconcile`.
#[derive(Debug, clap::Args)]
pub(crate) struct ReconcileArgs {
    /// The documents: files or directories (*.txt, *.md, *.html).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Language: en, fr, de, ru, or auto (detected per paragraph).
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Output format. Default: table on a terminal, jsonl otherwise.
    #[arg(long, value_enum)]
    format: Option<ListFormat>,
    /// Only quantities stated by at least this many documents.
    #[arg(long, default_value_t = 1)]
    min_docs: usize,
    /// Significant digits shown in the table.
    #[arg(long, default_value_t = compare::DEFAULT_PRECISION,
          value_parser = clap::value_parser!(u32).range(1..=28))]
    precision: u32,
}

/// Runs one comparison subcommand.
pub(crate) fn run(verb: Verb) -> Result<ExitCode, Fatal> {
    match verb {
        Verb::Total(a) => run_total(a),
        Verb::Ratio(a) => {
            let lang = lang(&a.one.lang)?;
            let (x, y) = (figure(&a.a, lang)?, figure(&a.b, lang)?);
            let d = match &a.per {
                Some(p) => compare::ratio_per(&x, &y, p.parse::<Unit>()?)?,
                None => compare::ratio(&x, &y)?,
            };
            print_one(&d, &a.one)
        }
        Verb::PerYear(a) => {
            let lang = lang(&a.one.lang)?;
            let (t, d) = (figure(&a.total, lang)?, figure(&a.duration, lang)?);
            print_one(
                &compare::per_period(&t, &d, a.per.parse::<Period>()?)?,
                &a.one,
            )
        }
        Verb::OverPeriod(a) => {
            let lang = lang(&a.one.lang)?;
            let (r, d) = (figure(&a.rate, lang)?, figure(&a.duration, lang)?);
            print_one(&compare::over_period(&r, &d)?, &a.one)
        }
        Verb::Share(a) => {
            let lang = lang(&a.one.lang)?;
            let (x, y) = (figure(&a.a, lang)?, figure(&a.b, lang)?);
            print_one(&compare::share(&x, &y)?, &a.one)
        }
        Verb::Change(a) => {
            let lang = lang(&a.one.lang)?;
            let (x, y) = (figure(&a.a, lang)?, figure(&a.b, lang)?);
            let c = compare::change(&x, &y)?;
            let (abs, pct) = (
                c.absolute.with_precision(a.one.precision),
                c.percent.with_precision(a.one.precision),
            );
            let mut out = io::stdout().lock();
            match a.one.format {
                OneFormat::Human => {
                    writeln!(out, "change: {abs}")?;
                    writeln!(out, "percent: {pct}")?;
                }
                OneFormat::Json => {
                    let c = compare::Change {
                        absolute: abs,
                        percent: pct,
                    };
                    let line = serde_json::to_string(&c).map_err(|e| Fatal(e.to_string()))?;
                    writeln!(out, "{line}")?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Verb::Check(a) => run_check(a),
        Verb::Reconcile(a) => run_reconcile(a),
    }
}

fn lang(s: &str) -> Result<LangMode, Fatal> {
    Ok(s.parse::<LangMode>()?)
}

/// Parses one figure argument; on error, the message names the argument
/// and shows where it failed.
fn figure(text: &str, lang: LangMode) -> Result<Figure, Fatal> {
    chiffre::parse(text, lang).map_err(|e| {
        let mut msg = format!("{text:?}: {e}");
        if !text.contains('\n') {
            msg.push('\n');
            msg.push_str(&caret(text, &e));
        }
        Fatal(msg)
    })
}

fn print_one(d: &Derived, one: &One) -> Result<ExitCode, Fatal> {
    let d = d.clone().with_precision(one.precision);
    let mut out = io::stdout().lock();
    match one.format {
        OneFormat::Human => writeln!(out, "{d}")?,
        OneFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string(&d).map_err(|e| Fatal(e.to_string()))?
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

fn run_total(a: TotalArgs) -> Result<ExitCode, Fatal> {
    let lang = lang(&a.one.lang)?;
    let figures = a
        .figures
        .iter()
        .map(|t| figure(t, lang))
        .collect::<Result<Vec<_>, _>>()?;
    let d = match &a.rates {
        None => compare::total(&figures)?,
        Some(path) => {
            let csv = std::fs::read_to_string(path)
                .map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
            let rates =
                Rates::from_csv(&csv).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
            let date = match &a.date {
                Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| Fatal(format!("bad date {s:?}: expected YYYY-MM-DD")))?,
                None => chrono::NaiveDate::MAX,
            };
            match &a.to {
                Some(code) => {
                    let c = Currency::from_code(&code.to_ascii_uppercase())
                        .ok_or_else(|| Fatal(format!("unknown currency {code:?}")))?;
                    compare::total_in(&figures, &rates, date, c)?
                }
                None => compare::total_with_rates(&figures, &rates, date)?,
            }
        }
    };
    print_one(&d, &a.one)
}

/// A document: its name and its text (HTML masked, invalid UTF-8 bytes
/// as NUL bytes so that offsets stay those of the file), or a piece of it
/// when it is larger than [`DOC_PIECE`].
struct Doc {
    name: String,
    text: String,
    /// Offset of the text in its file.
    base: u64,
}

/// Documents are read whole up to twice this size; a larger one is read
/// in pieces of about this size, cut at paragraph breaks (`check` then
/// sees no relation across pieces; `reconcile` skips it).
const DOC_PIECE: usize = 32 << 20;

/// Reads the documents one at a time and hands each to `each`; a document
/// that cannot be read is reported and skipped. Stops at the first error of
/// `each` (the output was closed).
fn for_each_doc(
    run: &mut Run,
    paths: &[PathBuf],
    mut each: impl FnMut(&mut Run, Doc, bool) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    for (i, src) in run.sources(paths).into_iter().enumerate() {
        let name = src.name();
        let Some(reader) = run.open(&src) else {
            continue;
        };
        let mut chunker = input::Chunker::with_size(reader, src.is_html(), DOC_PIECE);
        let mut pieces = 0;
        loop {
            let chunk = match chunker.next_chunk() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => {
                    run.problem(&format!("{name}: {e}"));
                    break;
                }
            };
            let (text, runs) = input::to_text(chunk.bytes, chunk.base);
            run.invalid_utf8(i, &name, &runs);
            pieces += 1;
            let doc = Doc {
                name: name.clone(),
                text,
                base: chunk.base,
            };
            let whole = chunk.first && chunker.is_done();
            each(run, doc, whole)?;
            if pieces == 2 {
                report(&format!(
                    "note: {name}: larger than {} MiB, read in pieces",
                    DOC_PIECE >> 20
                ));
            }
        }
    }
    Ok(())
}

fn list_format(f: Option<ListFormat>) -> ListFormat {
    f.unwrap_or(if io::stdout().is_terminal() {
        ListFormat::Table
    } else {
        ListFormat::Jsonl
    })
}

/// A JSON row: `source` first, then the object's own fields.
#[derive(serde::Serialize)]
struct SourceRow<'a, T: serde::Serialize> {
    source: &'a str,
    #[serde(flatten)]
    item: &'a T,
}

fn run_check(a: CheckArgs) -> Result<ExitCode, Fatal> {
    let opts = Options {
        lang: lang(&a.lang)?,
        ..Options::default()
    };
    let format = list_format(a.format);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let heads = [
        "source",
        "relation",
        "span",
        "figures",
        "computed",
        "stated",
        "consistent",
        "gap",
    ];
    let mut table = Table::new(heads.iter().map(|h| h.to_string()).collect());
    let mut run = Run::default();
    // Rows go out document by document.
    let result = for_each_doc(&mut run, &a.paths, |_, doc, _| {
        for mut r in compare::check(&doc.text, &opts) {
            shift(&mut r, doc.base);
            match format {
                ListFormat::Jsonl => {
                    let row = SourceRow {
                        source: &doc.name,
                        item: &r,
                    };
                    let line = serde_json::to_string(&row).map_err(|e| Fatal(e.to_string()))?;
                    writeln!(out, "{line}")?;
                }
                ListFormat::Table => {
                    table.push(&mut out, check_cells(&doc.name, &r, a.precision))?;
                }
            }
        }
        out.flush()?;
        Ok(())
    })
    .and_then(|()| {
        if format == ListFormat::Table {
            table.finish(&mut out)?;
        }
        out.flush()?;
        Ok(())
    });
    run.finish(result)
}

/// Offsets of a relation found in a piece, made offsets of the file.
fn shift(r: &mut Relation, base: u64) {
    if let Some(id) = &mut r.change_id {
        *id += base as usize;
    }
    for p in &mut r.figures {
        p.start += base as usize;
        p.end += base as usize;
    }
}

fn check_cells(source: &str, r: &Relation, precision: u32) -> Vec<String> {
    let texts: Vec<String> = r.figures.iter().map(|p| clean(&p.text)).collect();
    let t = |i: usize| texts.get(i).cloned().unwrap_or_default();
    let (kind, figures) = match r.kind {
        RelationKind::RateTimesTermVsTotal => (
            "rate×term vs total",
            format!("{} × {} vs {}", t(0), t(1), t(2)),
        ),
        RelationKind::PricePerCapacity => ("price/capacity", format!("{} / {}", t(0), t(1))),
        RelationKind::Restated => (
            "restated",
            format!(
                "{} {} {}",
                t(0),
                if r.consistent == Some(false) {
                    "≠"
                } else {
                    "="
                },
                t(1)
            ),
        ),
        RelationKind::Change => {
            // "12%: $4.02 billion → $4.5 billion"; "?" for the part derived.
            let role = |name: &str| {
                r.figures
                    .iter()
                    .zip(&texts)
                    .find(|(p, _)| p.role.name() == name)
                    .map_or_else(|| "?".to_string(), |(_, t)| t.clone())
            };
            (
                "change",
                format!("{}: {} → {}", role("change"), role("from"), role("to")),
            )
        }
        _ => ("relation", texts.join(", ")),
    };
    let start = r.start();
    let end = r.figures.iter().map(|p| p.end).max().unwrap_or_default();
    let computed = r.computed.clone().with_precision(precision);
    vec![
        truncate_left(&escape(source), 32),
        kind.to_string(),
        format!("{start}..{end}"),
        truncate(&escape(&figures), 70),
        computed.to_string(),
        r.stated
            .map(|s| s.format_sig(precision))
            .unwrap_or_else(|| "-".into()),
        match r.consistent {
            Some(true) => "yes".into(),
            Some(false) => "NO".into(),
            None => "-".into(),
        },
        r.gap
            .map(|g| {
                let pct = g * rust_decimal::Decimal::ONE_HUNDRED;
                format!("{}%", pct.round_sf(2).unwrap_or(pct).normalize())
            })
            .unwrap_or_default(),
    ]
}

fn run_reconcile(a: ReconcileArgs) -> Result<ExitCode, Fatal> {
    let opts = Options {
        lang: lang(&a.lang)?,
        ..Options::default()
    };
    let mut run = Run::default();
    let mut docs: Vec<Doc> = Vec::new();
    let mut too_large: Option<String> = None;
    for_each_doc(&mut run, &a.paths, |run, doc, whole| {
        if whole {
            docs.push(doc);
        } else if too_large.as_ref() != Some(&doc.name) {
            run.problem(&format!(
                "{}: larger than {} MiB: too large to reconcile, skipped",
                doc.name,
                DOC_PIECE >> 20
            ));
            too_large = Some(doc.name);
        }
        Ok(())
    })?;
    let pairs: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.name.as_str(), d.text.as_str()))
        .collect();
    let groups: Vec<Group> = compare::reconcile(&pairs, &opts)
        .into_iter()
        .filter(|g| g.status.iter().filter(|s| **s != Status::Lacks).count() >= a.min_docs)
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    match list_format(a.format) {
        ListFormat::Jsonl => {
            for g in &groups {
                let line = serde_json::to_string(g).map_err(|e| Fatal(e.to_string()))?;
                writeln!(out, "{line}")?;
            }
        }
        ListFormat::Table => {
            let mut heads: Vec<String> = vec!["quantity".into(), "kind".into()];
            heads.extend(docs.iter().map(|d| short_name(&d.name)));
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    let r = g.reference.clone().with_precision(a.precision);
                    let unit = if r.unit().is_empty() {
                        String::new()
                    } else if r.unit() == "%" {
                        "%".into()
                    } else {
                        format!(" {}", r.unit())
                    };
                    let range = g.members.iter().find(|m| m.agrees).and_then(|m| {
                        match (m.figure.value(), m.figure.unit()) {
                            (Value::Range { min, max }, u) if u != Some(Unit::Cent) => {
                                let lo = compare::format_decimal(min, a.precision);
                                let hi = compare::format_decimal(max, a.precision);
                                // "5–10 million", not "5 million–10 million".
                                let lo = match (lo.split_once(' '), hi.split_once(' ')) {
                                    (Some((n, w)), Some((_, v))) if w == v => n.to_string(),
                                    _ => lo,
                                };
                                Some(format!("{lo}–{hi}"))
                            }
                            _ => None,
                        }
                    });
                    let value = range.unwrap_or_else(|| r.display_value());
                    let mut row = vec![format!("{value}{unit}"), g.kind.name().into()];
                    for (d, status) in g.status.iter().enumerate() {
                        let text = g
                            .members
                            .iter()
                            .find(|m| m.doc == d && (m.agrees == (*status == Status::Agrees)))
                            .map(|m| truncate(&clean(&m.text), 26))
                            .unwrap_or_default();
                        row.push(match status {
                            Status::Agrees => format!("= {text}"),
                            Status::Differs => format!("≠ {text}"),
                            Status::Lacks => "—".into(),
                        });
                    }
                    row
                })
                .collect();
            let mut table = Table::new(heads.iter().map(|h| escape(h)).collect());
            for row in rows {
                table.push(&mut out, row.iter().map(|c| escape(c)).collect())?;
            }
            table.finish(&mut out)?;
        }
    }
    let result = out.flush().map_err(Fatal::from);
    run.finish(result)
}

/// A cell made safe for a terminal.
fn escape(s: &str) -> String {
    escape_controls(s).into_owned()
}

/// A file name without its folders and extension, at most 16 characters.
fn short_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    truncate(stem, 16)
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps the end of a long path: "…check/consistent.txt".
fn truncate_left(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        s.to_string()
    } else {
        let tail: String = s.chars().skip(count - n.saturating_sub(1)).collect();
        format!("…{tail}")
    }
}
