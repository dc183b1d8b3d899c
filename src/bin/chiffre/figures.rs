//! `chiffre figures`: every figure in files, directories, standard input
//! or JSON Lines records.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use chiffre::{Extractor, KindSet, Lang, LangMode, Options, Row};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::Fatal;
use crate::input::{self, Chunk, Chunker, Lines, Source};
use crate::output::{self, Format, Writer};

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
    /// hashrate, duration, measure, count, number, or all. Default: all but
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
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
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
    text: String,
    #[serde(default)]
    lang: Option<String>,
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
    let format = a.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| Fatal(e.to_string()))?;
    }
    let mut problems = Vec::new();
    let sources = input::sources(&a.paths, &mut problems);
    for p in &problems {
        eprintln!("chiffre: {p}");
    }
    let stdout = io::stdout().lock();
    let mut out = Writer::new(io::BufWriter::with_capacity(1 << 16, stdout), format)?;
    let progress = progress_bar(&sources, a.quiet);
    let bad = match a.input {
        InputFormat::Text => run_text(&sources, opts, format, &mut out, &progress, a.chunk_size)?,
        InputFormat::Jsonl => run_jsonl(&sources, opts, format, &mut out)?,
    };
    progress.finish_and_clear();
    out.finish()?;
    Ok(if bad || !problems.is_empty() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
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

/// A chunk with what the workers need to process it alone.
struct Job {
    chunk: Chunk,
    doc_lang: Option<Lang>,
}

/// What a worker returns for one chunk: rendered rows, and problems.
struct Done {
    rows: Vec<String>,
    problems: Vec<String>,
    /// Input bytes the chunk covered (for the progress bar).
    bytes: u64,
}

fn run_text<W: io::Write>(
    sources: &[Source],
    opts: Options,
    format: Format,
    out: &mut Writer<W>,
    progress: &ProgressBar,
    chunk_size: usize,
) -> Result<bool, Fatal> {
    let names: Vec<String> = sources.iter().map(Source::name).collect();
    let batch_size = rayon::current_num_threads() * 2;
    let read = |jobs: &mpsc::SyncSender<Job>| -> bool {
        let mut bad = false;
        for (i, src) in sources.iter().enumerate() {
            let Some(reader) = open_or_report(src, &mut bad) else {
                continue;
            };
            let html = matches!(src, Source::File(p) if p.extension().is_some_and(|e| e == "html" || e == "htm"));
            let mut chunker = Chunker::with_size(i, reader, html, chunk_size);
            let mut doc_lang = match opts.lang {
                LangMode::Fixed(l) => Some(l),
                LangMode::Auto => None,
            };
            loop {
                let chunk = match chunker.next_chunk() {
                    Ok(Some(c)) => c,
                    Ok(None) => break,
                    Err(e) => {
                        eprintln!("chiffre: {}: {e}", src.name());
                        bad = true;
                        break;
                    }
                };
                if chunk.first && doc_lang.is_none() {
                    let (segs, _) = input::utf8_segments(&chunk.bytes);
                    doc_lang = segs.first().map(|(_, s)| chiffre::detect_lang(s));
                }
                bad |= std::str::from_utf8(&chunk.bytes).is_err();
                if jobs.send(Job { chunk, doc_lang }).is_err() {
                    // The writer stopped on an error: nothing more to do.
                    return bad;
                }
            }
        }
        bad
    };
    let process = |job: &Job| process_chunk(job, opts, format, &names);
    pipeline(batch_size, read, process, |d: Done| {
        for p in &d.problems {
            eprintln!("chiffre: {p}");
        }
        out.write_batch(&d.rows)?;
        progress.inc(d.bytes);
        Ok(())
    })
}

/// Opens a source; if it cannot be opened, says so and marks the run bad.
fn open_or_report(src: &Source, bad: &mut bool) -> Option<Box<dyn io::Read + Send>> {
    match src.open() {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("chiffre: {}: {e}", src.name());
            *bad = true;
            None
        }
    }
}

/// Reads, extracts and writes at the same time: `read` sends jobs from its
/// own thread, batches of them are processed in parallel on the rayon pool,
/// and `write` consumes the results in input order on this thread (which
/// owns the output). Returns `read`'s verdict (some input was bad).
fn pipeline<J, D>(
    batch_size: usize,
    read: impl FnOnce(&mpsc::SyncSender<J>) -> bool + Send,
    process: impl Fn(&J) -> D + Sync,
    mut write: impl FnMut(D) -> Result<(), Fatal>,
) -> Result<bool, Fatal>
where
    J: Send + Sync,
    D: Send,
{
    std::thread::scope(|s| {
        let (job_tx, job_rx) = mpsc::sync_channel::<J>(batch_size);
        let (done_tx, done_rx) = mpsc::sync_channel::<Vec<D>>(1);
        let reader = s.spawn(move || read(&job_tx));
        let process = &process;
        s.spawn(move || {
            let mut batch = Vec::with_capacity(batch_size);
            let mut open = true;
            while open {
                while batch.len() < batch_size {
                    match job_rx.recv() {
                        Ok(j) => batch.push(j),
                        Err(_) => {
                            open = false;
                            break;
                        }
                    }
                }
                if batch.is_empty() {
                    break;
                }
                let done: Vec<D> = batch.par_iter().map(process).collect();
                batch.clear();
                if done_tx.send(done).is_err() {
                    break;
                }
            }
        });
        let mut result = Ok(());
        'write: for done in done_rx.iter() {
            for d in done {
                if let Err(e) = write(d) {
                    result = Err(e);
                    break 'write;
                }
            }
        }
        // Stops the other stages if writing failed.
        drop(done_rx);
        let bad = reader.join().unwrap_or(true);
        result.map(|()| bad)
    })
}

fn process_chunk(job: &Job, opts: Options, format: Format, names: &[String]) -> Done {
    let chunk = &job.chunk;
    let name = &names[chunk.source];
    let mut done = Done {
        rows: Vec::new(),
        problems: Vec::new(),
        bytes: chunk.bytes.len() as u64,
    };
    let (segs, invalid) = input::utf8_segments(&chunk.bytes);
    for off in invalid {
        done.problems.push(format!(
            "{name}: byte {}: invalid UTF-8, skipped",
            chunk.base + off as u64
        ));
    }
    for (off, text) in segs {
        // HTML: markup is masked with blanks of the same length, so spans
        // found in the masked text are spans of the file.
        let masked;
        let scanned = if chunk.html {
            masked = input::mask_html(text);
            masked.as_str()
        } else {
            text
        };
        let mut ex = Extractor::new(opts);
        if let Some(l) = job.doc_lang {
            ex.set_doc_lang(l);
        }
        let base = chunk.base as usize + off;
        for found in ex.extract(scanned) {
            let row = Row {
                source: name,
                found: &found,
                text,
                offset: base,
            };
            done.rows.push(output::render(format, &row));
        }
    }
    done
}

fn run_jsonl<W: io::Write>(
    sources: &[Source],
    opts: Options,
    format: Format,
    out: &mut Writer<W>,
) -> Result<bool, Fatal> {
    let names: Vec<String> = sources.iter().map(Source::name).collect();
    let batch_size = rayon::current_num_threads() * 64;
    // A job: the source, the line number, the line.
    let read = |jobs: &mpsc::SyncSender<(usize, usize, Vec<u8>)>| -> bool {
        let mut bad = false;
        for (i, src) in sources.iter().enumerate() {
            let Some(reader) = open_or_report(src, &mut bad) else {
                continue;
            };
            let mut lines = Lines::new(reader);
            loop {
                match lines.next_line() {
                    Ok(Some((n, line))) => {
                        if jobs.send((i, n, line)).is_err() {
                            return bad;
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        eprintln!("chiffre: {}: {e}", names[i]);
                        bad = true;
                        break;
                    }
                }
            }
        }
        bad
    };
    let process =
        |(i, n, line): &(usize, usize, Vec<u8>)| process_record(*n, line, opts, format, &names[*i]);
    let mut bad_record = false;
    let bad = pipeline(batch_size, read, process, |d| {
        match d {
            Ok(rows) => out.write_batch(&rows)?,
            Err(msg) => {
                eprintln!("chiffre: {msg}");
                bad_record = true;
            }
        }
        Ok(())
    })?;
    Ok(bad || bad_record)
}

fn process_record(
    n: usize,
    line: &[u8],
    opts: Options,
    format: Format,
    name: &str,
) -> Result<Vec<String>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let rec: Record = serde_json::from_slice(line).map_err(|e| format!("{name}: line {n}: {e}"))?;
    let id = match &rec.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let opts = match &rec.lang {
        Some(l) => Options {
            lang: l.parse().map_err(|e| format!("{name}: line {n}: {e}"))?,
            ..opts
        },
        None => opts,
    };
    let found = chiffre::extract(&rec.text, &opts);
    Ok(found
        .iter()
        .map(|f| {
            output::render(
                format,
                &Row {
                    source: &id,
                    found: f,
                    text: &rec.text,
                    offset: 0,
                },
            )
        })
        .collect())
}
