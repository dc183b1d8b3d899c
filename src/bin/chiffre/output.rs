//! Output formats for `chiffre figures`: jsonl, json, csv, table.

use std::io::{self, Write};

use chiffre::{Row, Value};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Comma-separated values with a header line.
    Csv,
    /// An aligned table for a terminal.
    Table,
}

/// The CSV and table columns.
const COLUMNS: [&str; 14] = [
    "source",
    "start",
    "end",
    "text",
    "kind",
    "value",
    "min",
    "max",
    "currency",
    "unit",
    "qualifier",
    "period",
    "lang",
    "polarity",
];

/// Renders one row in `format` (without the separators between rows).
pub(crate) fn render(format: Format, row: &Row<'_>) -> String {
    match format {
        Format::Jsonl | Format::Json => serde_json::to_string(row).unwrap_or_default(),
        Format::Csv => fields(row)
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(","),
        Format::Table => fields(row).join("\u{0}"),
    }
}

fn fields(row: &Row<'_>) -> Vec<String> {
    let f = &row.found.figure;
    let (value, min, max) = match f.value() {
        Value::Exact(v) => (v.normalize().to_string(), String::new(), String::new()),
        Value::Range { min, max } => (
            String::new(),
            min.normalize().to_string(),
            max.normalize().to_string(),
        ),
    };
    let opt = |o: Option<String>| o.unwrap_or_default();
    vec![
        row.source.to_string(),
        (row.found.start + row.offset).to_string(),
        (row.found.end + row.offset).to_string(),
        row.found.text(row.text).replace(['\n', '\r'], " "),
        f.kind().name().to_string(),
        value,
        min,
        max,
        opt(f.currency().map(|c| c.code().to_string())),
        opt(f.unit().map(|u| u.symbol().to_string())),
        f.qualifier().name().to_string(),
        opt(f.period().map(|p| p.name().to_string())),
        f.lang().code().to_string(),
        format!("{:?}", f.polarity()).to_lowercase(),
    ]
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes rendered rows with the separators of the format.
pub(crate) struct Writer<W: Write> {
    out: W,
    format: Format,
    rows: usize,
}

impl<W: Write> Writer<W> {
    pub(crate) fn new(mut out: W, format: Format) -> io::Result<Writer<W>> {
        match format {
            Format::Json => out.write_all(b"[")?,
            Format::Csv => writeln!(out, "{}", COLUMNS.join(","))?,
            _ => {}
        }
        Ok(Writer {
            out,
            format,
            rows: 0,
        })
    }

    /// Writes a batch of rendered rows.
    pub(crate) fn write_batch(&mut self, rows: &[String]) -> io::Result<()> {
        if self.format == Format::Table {
            return self.write_table(rows);
        }
        for r in rows {
            if self.format == Format::Json {
                self.out
                    .write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
                self.out.write_all(r.as_bytes())?;
            } else {
                self.out.write_all(r.as_bytes())?;
                self.out.write_all(b"\n")?;
            }
            self.rows += 1;
        }
        Ok(())
    }

    /// An aligned table: source, span, text, kind, value, currency/unit,
    /// qualifier, period, lang.
    fn write_table(&mut self, rows: &[String]) -> io::Result<()> {
        let shown = [0usize, 1, 3, 4, 5, 8, 10, 11, 12];
        let heads = [
            "source",
            "span",
            "text",
            "kind",
            "value",
            "cur/unit",
            "qualifier",
            "period",
            "lang",
        ];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let f: Vec<&str> = r.split('\u{0}').collect();
                let get = |i: usize| f.get(i).copied().unwrap_or("");
                shown
                    .iter()
                    .map(|&i| match i {
                        1 => format!("{}..{}", get(1), get(2)),
                        3 => truncate(get(3), 40),
                        5 if get(5).is_empty() => format!("{}..{}", get(6), get(7)),
                        8 => {
                            if get(8).is_empty() {
                                get(9).to_string()
                            } else {
                                get(8).to_string()
                            }
                        }
                        0 => truncate(get(0), 24),
                        _ => get(i).to_string(),
                    })
                    .collect()
            })
            .collect();
        let mut widths: Vec<usize> = heads.iter().map(|h| h.chars().count()).collect();
        for row in &cells {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        if self.rows == 0 {
            let line: Vec<String> = heads.iter().zip(&widths).map(|(h, w)| pad(h, *w)).collect();
            writeln!(self.out, "{}", line.join("  ").trim_end())?;
        }
        for row in &cells {
            let line: Vec<String> = row.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
            writeln!(self.out, "{}", line.join("  ").trim_end())?;
            self.rows += 1;
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}
