//! `chiffre figures`: every figure in files, directories, standard input
//! or JSON Lines records.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chiffre::{Extractor, KindSet, Lang, LangMode, Options, Row};
use indicatif::{ProgressBar, ProgressStyle};

use crate::input::{self, Chunker, Line, Lines, Source};
use crate::output::{Format, Rendered, Writer};
use crate::pipeline::{self, Feed};
use crate::{Fatal, Run};

/// Arguments of `chiffre figures`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or directories (searched for *.txt, *.md, *.html); "-" or
    /// nothing reads standard input.
    paths: Vec<PathBuf>,
    /// Language: en, fr, de, ru, or auto (detected per paragraph).
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Kinds to return, comma-separated: money, percent, power, energy,
    /// hashrate, duration, measure, count, multiple, number, or all. Default: all but
    /// number.
    #[arg(long)]
    kinds: Option<String>,
    /// Output format. Default: table on a terminal, jsonl otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Input format: plain text, or JSON Lines records {"id", "text", "lang"?}.
    #[arg(long, value_enum, default_value = "text")]
    input: InputFormat,
    /// The region the text comes from (ISO 3166 code such as CA, or a locale
    /// such as en-AU): a bare "$" or "dollars" is then its dollar.
    #[arg(long)]
    region: Option<String>,
    /// Read each text as a price field (a product page, a price column): a
    /// bare number is an amount of money, in the record's `currency` hint
    /// or the --region's currency when given.
    #[arg(long)]
    prices: bool,
    /// Worker threads, 1 to 64 (default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    threads: Option<u16>,
    /// Never show a progress bar.
    #[arg(long)]
    quiet: bool,
    /// Target size of the pieces the input is read in (for tests and tuning).
    #[arg(long, hide = true, default_value_t = input::CHUNK)]
    chunk_size: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum InputFormat {
    Text,
    Jsonl,
}

/// One record of `--input jsonl`.
#[derive(serde::Deserialize)]
struct Record {
    id: serde_json::Value,
    /// Must be there; `null` gives no row.
    #[serde(deserialize_with = "nullable")]
    text: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    /// The record's currency, as a hint: a text naming it ("GBP", "руб.",
    /// "Price in €"): the currency of bare amounts with --prices, and of a
    /// bare "$". A hint that names none is ignored.
    #[serde(default)]
    currency: Option<String>,
}

/// A field that must be present but may be null.
fn nullable<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(d)
}

pub(crate) fn run(a: Args) -> Result<ExitCode, Fatal> {
    let lang: LangMode = a.lang.parse()?;
    let kinds = match &a.kinds {
        Some(k) => k.parse::<KindSet>()?,
        None => KindSet::default(),
    };
    let mut opts = Options {
        lang,
        kinds,
        ..Options::default()
    };
    if let Some(r) = &a.region {
        opts = opts.region(r)?;
    }
    opts = opts.prices(a.prices);
    let format = a.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let threads = a
        .threads
        .map_or_else(pipeline::default_threads, usize::from);
    let mut run = Run::default();
    let sources = run.sources(&a.paths);
    let stdout = io::stdout().lock();
    let mut out = Writer::new(io::BufWriter::with_capacity(1 << 16, stdout), format)?;
    let progress = progress_bar(&sources, a.quiet);
    let names: Vec<Arc<str>> = sources.iter().map(|s| Arc::from(s.name())).collect();
    let chunk_size = a.chunk_size.max(1);
    let read = |feed: &Feed<Job>| match a.input {
        InputFormat::Text => read_text(&sources, &names, opts, chunk_size, feed),
        InputFormat::Jsonl => read_jsonl(&sources, &names, opts, chunk_size, feed),
    };
    let process = |job: Job| process(job, format);
    let result = pipeline::run(threads, read, process, |d: Done| {
        for note in &d.notes {
            run.problem(note);
        }
        if let Some((source, runs)) = &d.invalid {
            run.invalid_utf8(*source, &names[*source], runs);
        }
        out.write(d.rendered)?;
        progress.inc(d.bytes);
        Ok(())
    });
    progress.finish_and_clear();
    run.finish(result.and_then(|()| out.finish().map_err(Fatal::from)))
}

fn progress_bar(sources: &[Source], quiet: bool) -> ProgressBar {
    let total: u64 = sources
        .iter()
        .filter_map(|s| match s {
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum();
    if quiet || !io::stderr().is_terminal() || total < (8 << 20) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// A piece of work: a piece of text to extract, or a problem to report in
/// its place in the input order.
enum Job {
    Text(Piece),
    Problem(String),
}

/// A piece of a source or a record, with what a worker needs to process it
/// alone.
struct Piece {
    /// Index of the source (for the invalid UTF-8 report).
    source: usize,
    /// The name printed in rows: the path, or the record's id.
    name: Arc<str>,
    /// Offset of the piece in its file or record.
    base: u64,
    bytes: Vec<u8>,
    /// For HTML, the bytes as written (`bytes` has the markup masked):
    /// the rows show the figures as written.
    original: Option<Vec<u8>>,
    opts: Options,
    doc_lang: Option<Lang>,
    /// Report invalid UTF-8 (files; a JSON string is always valid).
    check_utf8: bool,
}

/// What a worker returns for one job.
struct Done {
    rendered: Rendered,
    notes: Vec<String>,
    /// Runs of invalid UTF-8: the source, and the runs.
    invalid: Option<(usize, Vec<input::BadRun>)>,
    /// Input bytes covered (for the progress bar).
    bytes: u64,
}

fn read_text(
    sources: &[Source],
    names: &[Arc<str>],
    opts: Options,
    chunk_size: usize,
    feed: &Feed<Job>,
) -> bool {
    for (i, src) in sources.iter().enumerate() {
        let reader = match src.open() {
            Ok(r) => r,
            Err(e) => {
                if !feed.send(Job::Problem(format!("{}: {e}", names[i]))) {
                    return false;
                }
                continue;
            }
        };
        let mut chunker = Chunker::with_size(reader, src.is_html(), chunk_size);
        let mut doc_lang = match opts.lang {
            LangMode::Fixed(l) => Some(l),
            LangMode::Auto => None,
        };
        loop {
            let chunk = match chunker.next_chunk() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => {
                    if !feed.send(Job::Problem(format!("{}: {e}", names[i]))) {
                        return false;
                    }
                    break;
                }
            };
            if chunk.first && doc_lang.is_none() {
                let text = String::from_utf8_lossy(&chunk.bytes);
                doc_lang = Some(chiffre::detect_lang(&text));
            }
            let piece = Piece {
                source: i,
                name: names[i].clone(),
                base: chunk.base,
                bytes: chunk.bytes,
                original: chunk.original,
                opts,
                doc_lang,
                check_utf8: true,
            };
            if !feed.send(Job::Text(piece)) {
                return false;
            }
        }
    }
    true
}

fn read_jsonl(
    sources: &[Source],
    names: &[Arc<str>],
    opts: Options,
    chunk_size: usize,
    feed: &Feed<Job>,
) -> bool {
    for (i, src) in sources.iter().enumerate() {
        let name = &names[i];
        let reader = match src.open() {
            Ok(r) => r,
            Err(e) => {
                if !feed.send(Job::Problem(format!("{name}: {e}"))) {
                    return false;
                }
                continue;
            }
        };
        let mut lines = Lines::new(reader);
        loop {
            let sent = match lines.next_line() {
                Ok(None) => break,
                Err(e) => {
                    if !feed.send(Job::Problem(format!("{name}: {e}"))) {
                        return false;
                    }
                    break;
                }
                Ok(Some(Line::TooLong(n))) => feed.send(Job::Problem(format!(
                    "{name}: line {n}: longer than {} MiB, skipped",
                    input::MAX_LINE >> 20
                ))),
                Ok(Some(Line::Text(n, line))) => match record(&line, opts) {
                    Ok(None) => true,
                    Ok(Some((id, text, opts))) => {
                        send_record(i, id.into(), text, opts, chunk_size, feed)
                    }
                    Err(msg) => feed.send(Job::Problem(format!("{name}: line {n}: {msg}"))),
                },
            };
            if !sent {
                return false;
            }
        }
    }
    true
}

/// Reads one JSON Lines record: its id, text and options; `None` for a
/// blank line or a record whose text is null.
fn record(line: &[u8], opts: Options) -> Result<Option<(String, String, Options)>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let rec: Record = serde_json::from_slice(line).map_err(|e| e.to_string())?;
    let id = match &rec.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut opts = match &rec.lang {
        Some(l) => Options {
            lang: l.parse().map_err(|e: chiffre::Error| e.to_string())?,
            ..opts
        },
        None => opts,
    };
    // A hint that names no currency ("Price:") is no hint, as in
    // price-parser's API.
    if let Some(c) = rec.currency.as_deref().and_then(chiffre::currency_in) {
        opts = opts.local_currency(c);
    }
    Ok(rec.text.map(|t| (id, t, opts)))
}

/// Sends a record as one piece, or, when it is larger than a chunk, as
/// pieces cut at paragraph breaks (else line breaks, else safe spaces),
/// with the document language of the first piece.
fn send_record(
    source: usize,
    id: Arc<str>,
    text: String,
    opts: Options,
    chunk_size: usize,
    feed: &Feed<Job>,
) -> bool {
    let piece = |base: usize, bytes: Vec<u8>, doc_lang: Option<Lang>| {
        Job::Text(Piece {
            source,
            name: id.clone(),
            base: base as u64,
            bytes,
            original: None,
            opts,
            doc_lang,
            check_utf8: false,
        })
    };
    if text.len() <= chunk_size * 2 {
        return feed.send(piece(0, text.into_bytes(), None));
    }
    let bytes = text.as_bytes();
    let mut doc_lang = match opts.lang {
        LangMode::Fixed(l) => Some(l),
        LangMode::Auto => None,
    };
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let mut cut = if rest.len() <= chunk_size * 2 {
            rest.len()
        } else {
            match chiffre::cut_point(&rest[..chunk_size * 2], chunk_size / 2) {
                Some(c) => c,
                None => chiffre::cut_before(rest, chunk_size * 2).max(1),
            }
        };
        // At least one whole character (a piece smaller than a character).
        while !text.is_char_boundary(at + cut) {
            cut += 1;
        }
        let part = &text[at..at + cut];
        if doc_lang.is_none() {
            doc_lang = Some(chiffre::detect_lang(part));
        }
        if !feed.send(piece(at, part.as_bytes().to_vec(), doc_lang)) {
            return false;
        }
        at += cut;
    }
    true
}

fn process(job: Job, format: Format) -> Done {
    let piece = match job {
        Job::Problem(msg) => {
            return Done {
                rendered: Rendered::default(),
                notes: vec![msg],
                invalid: None,
                bytes: 0,
            };
        }
        Job::Text(p) => p,
    };
    let bytes = piece.bytes.len() as u64;
    let (text, runs) = input::to_text(piece.bytes, piece.base);
    let invalid = (piece.check_utf8 && !runs.is_empty()).then_some((piece.source, runs));
    let mut ex = Extractor::new(piece.opts);
    if let Some(l) = piece.doc_lang {
        ex.set_doc_lang(l);
    }
    let (found, changes) = ex.extract_with_changes(&text);
    // The change each figure takes part in: (id, role).
    let mut part_of: Vec<Option<(usize, &str)>> = vec![None; found.len()];
    for c in &changes {
        for (role, i) in c.parts() {
            if let Some(slot) = part_of.get_mut(i) {
                *slot = Some((c.verb_start + piece.base as usize, role));
            }
        }
    }
    let shown = match piece.original {
        Some(o) => input::to_text(o, piece.base).0,
        None => text,
    };
    let mut rendered = Rendered::default();
    for (found, change) in found.iter().zip(part_of) {
        let row = Row {
            source: &piece.name,
            found,
            text: &shown,
            offset: piece.base as usize,
        };
        rendered.push(format, &row, change);
    }
    Done {
        rendered,
        notes: Vec::new(),
        invalid,
        bytes,
    }
}
