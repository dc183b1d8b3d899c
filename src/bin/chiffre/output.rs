//! Output: the row formats of `chiffre figures` (jsonl, json, csv, table),
//! an aligned table that streams, and the escaping of text meant for a
//! terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
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

/// The CSV columns.
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

/// The table columns of `chiffre figures`.
pub(crate) const TABLE_HEADS: [&str; 9] = [
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

/// The rows rendered for one piece of input: text for the line formats
/// (each row followed by a line break; for JSON, each preceded by ",\n"),
/// cells for the table.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub text: Vec<u8>,
    pub cells: Vec<Vec<String>>,
    pub rows: usize,
}

impl Rendered {
    /// Renders one row in `format` and appends it. For a figure that is
    /// part of a change (`change`: its id and role), the JSON row ends with
    /// `"change_id"` (the offset of the change's word, as `chiffre check`
    /// prints it) and `"change_role"` (`change`, `from` or `to`).
    pub(crate) fn push(&mut self, format: Format, row: &Row<'_>, change: Option<(usize, &str)>) {
        self.rows += 1;
        match format {
            Format::Jsonl => {
                row.write_json(&mut self.text);
                change_fields(&mut self.text, change);
                self.text.push(b'\n');
            }
            Format::Json => {
                self.text.extend_from_slice(b",\n");
                row.write_json(&mut self.text);
                change_fields(&mut self.text, change);
            }
            Format::Csv => {
                let mut line = String::new();
                for (i, f) in fields(row).iter().enumerate() {
                    if i > 0 {
                        line.push(',');
                    }
                    csv_field(&mut line, &escape_controls(f));
                }
                line.push('\n');
                self.text.extend_from_slice(line.as_bytes());
            }
            Format::Table => self.cells.push(table_cells(row)),
        }
    }
}

/// Adds the change fields to the JSON object just written (before its
/// closing brace).
fn change_fields(out: &mut Vec<u8>, change: Option<(usize, &str)>) {
    let Some((id, role)) = change else { return };
    if out.last() == Some(&b'}') {
        out.pop();
        // Writing into a vector cannot fail; the role is a plain word.
        let _ = write!(out, ",\"change_id\":{id},\"change_role\":\"{role}\"}}");
    }
}

fn fields(row: &Row<'_>) -> [String; 14] {
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
    [
        row.source.to_string(),
        (row.found.start + row.offset).to_string(),
        (row.found.end + row.offset).to_string(),
        row.text
            .get(row.found.start..row.found.end)
            .unwrap_or("")
            .replace(['\n', '\r'], " "),
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

/// The cells of [`TABLE_HEADS`], escaped for a terminal.
fn table_cells(row: &Row<'_>) -> Vec<String> {
    let [
        source,
        start,
        end,
        text,
        kind,
        value,
        min,
        max,
        cur,
        unit,
        qual,
        period,
        lang,
        _,
    ] = fields(row);
    vec![
        truncate(&escape_controls(&source), 24),
        format!("{start}..{end}"),
        truncate(&escape_controls(&text), 40),
        kind,
        if value.is_empty() {
            format!("{min}..{max}")
        } else {
            value
        },
        if cur.is_empty() { unit } else { cur },
        qual,
        period,
        lang,
    ]
}

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Text made safe for a terminal: control characters (C0 but tab, DEL,
/// C1) and the bidirectional controls (U+202A–U+202E, U+2066–U+2069) are
/// written as `\u{..}`, so a file name or id cannot move the cursor,
/// recolour the terminal or reorder what follows.
pub(crate) fn escape_controls(s: &str) -> Cow<'_, str> {
    fn bad(c: char) -> bool {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes rendered rows with the separators of the format.
pub(crate) struct Writer<W: Write> {
    out: W,
    format: Format,
    rows: usize,
    table: Table,
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
            // Room for offsets up to 10^6 and values up to 10^12.
            table: Table::new(TABLE_HEADS.iter().map(|h| h.to_string()).collect())
                .with_min(&[0, 16, 20, 0, 14]),
        })
    }

    /// Writes the rows of one piece.
    pub(crate) fn write(&mut self, r: Rendered) -> io::Result<()> {
        if self.format == Format::Table {
            for row in r.cells {
                self.table.push(&mut self.out, row)?;
            }
            return Ok(());
        }
        let mut text = r.text.as_slice();
        if self.format == Format::Json && self.rows == 0 {
            // The first row of the array: no comma before it.
            text = text.strip_prefix(b",").unwrap_or(text);
        }
        self.out.write_all(text)?;
        self.rows += r.rows;
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        match self.format {
            Format::Json => self
                .out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?,
            Format::Table => self.table.finish(&mut self.out)?,
            _ => {}
        }
        self.out.flush()
    }
}

/// An aligned table that streams: the column widths are those of the
/// first [`Table::FIRST`] rows (held until then), and stay so; a later
/// cell wider than its column pushes the rest of its line (a value is never
/// cut).
pub(crate) struct Table {
    heads: Vec<String>,
    /// The least width of each column (room for what grows: offsets,
    /// values).
    min: Vec<usize>,
    held: Vec<Vec<String>>,
    widths: Option<Vec<usize>>,
}

impl Table {
    /// Rows held to set the widths.
    pub(crate) const FIRST: usize = 1000;

    pub(crate) fn new(heads: Vec<String>) -> Table {
        Table {
            heads,
            min: Vec::new(),
            held: Vec::new(),
            widths: None,
        }
    }

    /// The same table with least widths per column.
    pub(crate) fn with_min(mut self, min: &[usize]) -> Table {
        self.min = min.to_vec();
        self
    }

    /// Adds a row (its cells already escaped).
    pub(crate) fn push<W: Write>(&mut self, out: &mut W, row: Vec<String>) -> io::Result<()> {
        match &self.widths {
            Some(w) => line(out, w, &row),
            None => {
                self.held.push(row);
                if self.held.len() >= Table::FIRST {
                    self.flush_held(out)?;
                }
                Ok(())
            }
        }
    }

    fn flush_held<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        let mut widths: Vec<usize> = self
            .heads
            .iter()
            .enumerate()
            .map(|(i, h)| h.chars().count().max(self.min.get(i).copied().unwrap_or(0)))
            .collect();
        for row in &self.held {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        line(out, &widths, &self.heads)?;
        for row in std::mem::take(&mut self.held) {
            line(out, &widths, &row)?;
        }
        self.widths = Some(widths);
        Ok(())
    }

    /// Writes what is held (the header too, if no row came).
    pub(crate) fn finish<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        if self.widths.is_none() {
            self.flush_held(out)?;
        }
        Ok(())
    }
}

fn line<W: Write>(out: &mut W, widths: &[usize], cells: &[String]) -> io::Result<()> {
    let mut s = String::new();
    for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            s.push_str("  ");
        }
        s.push_str(c);
        for _ in c.chars().count()..*w {
            s.push(' ');
        }
    }
    writeln!(out, "{}", s.trim_end())
}

/// At most `n` characters, the last one "…" when cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_escape_controls() {
        assert_eq!(escape_controls("a.txt"), "a.txt");
        assert_eq!(escape_controls("a\u{1b}[31m\0b"), "a\\u{1b}[31m\\u{0}b");
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn ok_table_widths_hold_across_pieces() {
        let mut t = Table::new(vec!["a".into(), "b".into()]);
        let mut out = Vec::new();
        t.push(&mut out, vec!["x".into(), "1".into()]).unwrap();
        t.push(&mut out, vec!["longer".into(), "2".into()]).unwrap();
        t.finish(&mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let cols: Vec<usize> = s.lines().map(|l| l.rfind(' ').unwrap()).collect();
        assert_eq!(cols, vec![7, 7, 7], "{s}");
    }
}
