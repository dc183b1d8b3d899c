//! `chiffre report`: one self-contained HTML page of the figures, the checks
//! and, for several documents, the reconciled quantities (the page itself is
//! written by `chiffre::report`).
//!
//! Inputs are read as `figures` reads them (the same chunks, HTML masking,
//! document language and invalid UTF-8 handling), so the page shows the
//! figures that `figures` prints; `check` runs on each whole document, as
//! `chiffre check` does. The page is written as the documents are read.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chiffre::compare::{self, Group};
use chiffre::report::{Document, FIGURE_LIMIT, Report};
use chiffre::{Extractor, LangMode, Options};

use crate::input::{self, Chunker, Source};
use crate::{Fatal, Run, report};

/// A document is shown up to this many bytes (and the rest of the chunk
/// that reaches it: 64 KiB at most, cut at a paragraph break); the rest is
/// not read.
pub(crate) const MAX_SHOWN: usize = 1 << 20;

/// The texts kept for the table across documents, in bytes and in figures;
/// documents past this budget are left out of it (matching figures across
/// documents takes memory in proportion to their figures).
const RECONCILE_BYTES: usize = 16 << 20;
const RECONCILE_FIGURES: usize = 20_000;

/// Arguments of `chiffre report`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files or directories (searched for *.txt, *.md, *.html); "-" or
    /// nothing reads standard input.
    paths: Vec<PathBuf>,
    /// The HTML file to write; default: standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Language: en, fr, de, ru, or auto (detected per paragraph).
    #[arg(long, default_value = "auto")]
    lang: String,
    /// The page's title.
    #[arg(long, default_value = "chiffre report")]
    title: String,
    /// In the table across documents, only the quantities stated by at
    /// least this many documents.
    #[arg(long, default_value_t = 2)]
    min_docs: usize,
    /// Significant digits shown for computed values (data attributes stay
    /// exact).
    #[arg(long, default_value_t = compare::DEFAULT_PRECISION,
          value_parser = clap::value_parser!(u32).range(1..=28))]
    precision: u32,
}

/// Bridges the library's `fmt::Write` to a byte sink, keeping the first I/O
/// error.
struct Sink<W: Write> {
    out: W,
    error: Option<io::Error>,
}

impl<W: Write> fmt::Write for Sink<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error.get_or_insert(e);
            fmt::Error
        })
    }
}

impl<W: Write> Sink<W> {
    /// The I/O error behind a formatting error.
    fn check(&mut self, r: fmt::Result) -> Result<(), Fatal> {
        r.map_err(|_| match self.error.take() {
            Some(e) => Fatal::from(e),
            None => Fatal("cannot write the report".into()),
        })
    }
}

pub(crate) fn run(a: Args) -> Result<ExitCode, Fatal> {
    let opts = Options {
        lang: a.lang.parse::<LangMode>()?,
        ..Options::default()
    };
    // The inputs are listed before the report is created, and the report
    // is never one of them (a report written into the folder it reads).
    let mut run = Run::default();
    let mut sources = run.sources(&a.paths);
    let out: Box<dyn Write> = match &a.output {
        Some(p) if p.as_os_str() != "-" => {
            let file =
                File::create(p).map_err(|e| Fatal(format!("{}: {e}", input::path_name(p))))?;
            let own = p.canonicalize().ok();
            sources.retain(|s| match s {
                Source::File(q) if own.is_some() && q.canonicalize().ok() == own => {
                    report(&format!("note: {}: the report itself, not read", s.name()));
                    false
                }
                _ => true,
            });
            Box::new(file)
        }
        _ => Box::new(io::stdout().lock()),
    };
    let mut sink = Sink {
        out: io::BufWriter::with_capacity(1 << 16, out),
        error: None,
    };
    let mut page = Report::new().with_precision(a.precision);
    let r = page.head(&mut sink, &a.title);
    let result = sink.check(r).and_then(|()| {
        let (kept, left_out) = documents(&mut run, sources, opts, |doc| {
            let r = page.document(&mut sink, doc);
            sink.check(r)
        })?;
        if left_out > 0 {
            let msg = format!(
                "{left_out} documents are left out of the table across documents, which \
                 takes at most {} MiB of text and {RECONCILE_FIGURES} figures in all.",
                RECONCILE_BYTES >> 20
            );
            report(&format!("note: {msg}"));
            let r = page.note(&mut sink, &msg);
            sink.check(r)?;
        }
        let pairs: Vec<(&str, &str)> = kept.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let groups: Vec<Group> = if pairs.len() >= 2 {
            compare::reconcile(&pairs, &opts)
                .into_iter()
                .filter(|g| chiffre::report::stated_by(g) >= a.min_docs)
                .collect()
        } else {
            Vec::new()
        };
        let r = page
            .reconcile(&mut sink, &groups)
            .and_then(|()| page.tail(&mut sink));
        sink.check(r)?;
        sink.out.flush().map_err(Fatal::from)
    });
    run.finish(result)
}

/// Reads every source like `figures` does, hands each document to `each`
/// with its figures and checks, and returns the (name, analysed text) of
/// each document for the table across documents (an empty text for those
/// past its budget) and how many were left out. A document that cannot be
/// read is reported and skipped; one larger than [`MAX_SHOWN`] is cut, with
/// a note in the page, and reported. Figures past [`FIGURE_LIMIT`] are
/// counted, not kept.
fn documents(
    run: &mut Run,
    sources: Vec<Source>,
    opts: Options,
    mut each: impl FnMut(&Document<'_>) -> Result<(), Fatal>,
) -> Result<(Vec<(String, String)>, usize), Fatal> {
    let mut kept: Vec<(String, String)> = Vec::new();
    let (mut bytes, mut figures) = (RECONCILE_BYTES, RECONCILE_FIGURES);
    let mut left_out = 0usize;
    for (i, src) in sources.into_iter().enumerate() {
        let name = src.name();
        let Some(reader) = run.open(&src) else {
            continue;
        };
        let mut chunker = Chunker::with_size(reader, src.is_html(), input::CHUNK);
        let mut ex = Extractor::new(opts);
        let (mut text, mut shown, mut found) = (String::new(), String::new(), Vec::new());
        let mut note = None;
        let mut read_any = false;
        let mut more = 0usize;
        loop {
            let chunk = match chunker.next_chunk() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => {
                    run.problem(&format!("{name}: {e}"));
                    if read_any {
                        note = Some(format!("A read error cut this document: {e}."));
                    }
                    break;
                }
            };
            read_any = true;
            // The document language of `figures`: detected on the first chunk.
            if chunk.first && matches!(opts.lang, LangMode::Auto) {
                ex.set_doc_lang(chiffre::detect_lang(&String::from_utf8_lossy(&chunk.bytes)));
            }
            let base = chunk.base as usize;
            let (piece, runs) = input::to_text(chunk.bytes, chunk.base);
            run.invalid_utf8(i, &name, &runs);
            for mut f in ex.extract(&piece) {
                if found.len() < FIGURE_LIMIT {
                    f.start += base;
                    f.end += base;
                    found.push(f);
                } else {
                    more += 1;
                }
            }
            match chunk.original {
                Some(o) => shown.push_str(&input::to_text(o, chunk.base).0),
                None => shown.push_str(&piece),
            }
            text.push_str(&piece);
            if text.len() >= MAX_SHOWN && !at_end(&mut chunker) {
                let msg = format!(
                    "larger than the {} KiB a report shows: only its first {} bytes are shown \
                     and checked",
                    MAX_SHOWN >> 10,
                    text.len()
                );
                run.problem(&format!("{name}: {msg}"));
                note = Some(format!("This document is {msg}."));
                break;
            }
        }
        if !read_any {
            continue;
        }
        if more > 0 {
            let msg = format!(
                "Only the first {FIGURE_LIMIT} figures are highlighted; {more} more are shown \
                 as plain text."
            );
            note = Some(match note {
                Some(n) => format!("{n} {msg}"),
                None => msg,
            });
        }
        let relations = compare::check(&text, &opts);
        each(&Document {
            name: &name,
            text: &shown,
            found: &found,
            relations: &relations,
            note: note.as_deref(),
        })?;
        let count = found.len() + more;
        if text.len() <= bytes && count <= figures {
            bytes -= text.len();
            figures -= count;
            kept.push((name, text));
        } else {
            left_out += 1;
            // Keep the numbering of the documents: an empty text states nothing.
            kept.push((name, String::new()));
        }
    }
    Ok((kept, left_out))
}

/// Whether the source has nothing more (reads one more chunk to know,
/// when the end was not seen yet).
fn at_end(chunker: &mut Chunker) -> bool {
    chunker.is_done() || matches!(chunker.next_chunk(), Ok(None))
}
