//! The `chiffre` command line: a thin layer over the library.
//!
//! Exit codes: 0 success; 1 a fatal error (bad arguments, a figure that does
//! not parse, output that cannot be written); 2 some input was skipped
//! (unreadable file, invalid UTF-8, malformed JSON line) while the rest was
//! processed.

mod compare;
mod figures;
mod input;
mod output;
mod pipeline;
mod report;

use std::io::{self, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Find the financial figures in news text, as exact decimals.
#[derive(Debug, Parser)]
#[command(name = "chiffre", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find every figure in files, directories or standard input.
    Figures(figures::Args),
    /// Parse one figure and print it as JSON.
    Parse(ParseArgs),
    #[command(flatten)]
    Compare(compare::Verb),
    /// Write one self-contained HTML page: each text with its figures
    /// highlighted, its checks beside it, and the quantities across texts.
    Report(report::Args),
}

/// Arguments of `chiffre parse`.
#[derive(Debug, clap::Args)]
struct ParseArgs {
    /// The figure, e.g. "290 млн долларов"; "-" reads standard input.
    #[arg(allow_hyphen_values = true)]
    text: std::ffi::OsString,
    /// Language: en, fr, de, ru or auto.
    #[arg(long, default_value = "auto")]
    lang: String,
    /// Print the JSON on several lines.
    #[arg(long)]
    pretty: bool,
}

fn main() -> ExitCode {
    // Bad arguments are a fatal error (exit 1); --help and --version succeed.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let code = run(cli);
    if std::env::var_os("CHIFFRE_PEAK_RSS").is_some() {
        // For the memory tests: the peak resident set, from the kernel.
        if let Some(kb) = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmHWM:").map(str::trim).map(String::from))
            })
        {
            report(&format!("peak RSS {kb}"));
        }
    }
    code
}

fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Parse(a) => run_parse(a),
        Command::Figures(a) => figures::run(a),
        Command::Compare(v) => compare::run(v),
        Command::Report(a) => report::run(a),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away ("| head"): what it read was
        // written, the rest was not wanted. Quiet, like cat or ripgrep.
        Err(e) if e.is_closed_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            report(&e.0);
            ExitCode::from(1)
        }
    }
}

/// Writes a message to standard error, escaped for a terminal (a closed
/// standard error is ignored: the results still go out).
pub(crate) fn report(msg: &str) {
    let lines: Vec<_> = msg.split('\n').map(output::escape_controls).collect();
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "chiffre: {}", lines.join("\n"));
}

/// The state of a run over many inputs: whether some input was skipped.
/// Every problem is reported as it happens; the run goes on.
#[derive(Debug, Default)]
pub(crate) struct Run {
    bad: bool,
    invalid: Invalid,
}

/// Runs of invalid UTF-8 reported for the current source: at most
/// [`Invalid::SHOWN`] per source, then how many more there were.
#[derive(Debug, Default)]
struct Invalid {
    source: Option<usize>,
    name: String,
    shown: usize,
    more: usize,
}

impl Invalid {
    const SHOWN: usize = 10;
}

impl Run {
    /// Lists the inputs, reporting what the listing skipped or noticed.
    pub(crate) fn sources(&mut self, paths: &[std::path::PathBuf]) -> Vec<input::Source> {
        let mut notices = Vec::new();
        let sources = input::sources(paths, &mut notices);
        for n in notices {
            if n.skipped {
                self.problem(&n.msg);
            } else {
                report(&format!("note: {}", n.msg));
            }
        }
        sources
    }

    /// Reports input that was skipped; the run will end with exit code 2.
    pub(crate) fn problem(&mut self, msg: &str) {
        self.bad = true;
        report(msg);
    }

    /// Opens a source; one that cannot be opened is reported (and the run
    /// will exit 2).
    pub(crate) fn open(&mut self, src: &input::Source) -> Option<Box<dyn std::io::Read + Send>> {
        match src.open() {
            Ok(r) => Some(r),
            Err(e) => {
                self.problem(&format!("{}: {e}", src.name()));
                None
            }
        }
    }

    /// Reports runs of invalid UTF-8 — (offset in the source, length) —
    /// of source number `source`: at most ten per source, then a count
    /// when the next source begins or the run ends.
    pub(crate) fn invalid_utf8(&mut self, source: usize, name: &str, runs: &[input::BadRun]) {
        if self.invalid.source != Some(source) {
            self.close_invalid();
            self.invalid.source = Some(source);
            self.invalid.name = name.to_string();
        }
        for &input::BadRun { at, len } in runs {
            if self.invalid.shown < Invalid::SHOWN {
                self.invalid.shown += 1;
                self.problem(&format!("{name}: {}", input::invalid_message(at, len)));
            } else {
                self.invalid.more += 1;
            }
        }
    }

    fn close_invalid(&mut self) {
        let invalid = std::mem::take(&mut self.invalid);
        if invalid.more > 0 {
            self.problem(&format!(
                "{}: {} more runs of invalid UTF-8 not shown",
                invalid.name, invalid.more
            ));
        }
    }

    /// The exit code: 2 when some input was skipped, also when the output
    /// was closed early by its reader; a fatal error otherwise.
    pub(crate) fn finish(mut self, result: Result<(), Fatal>) -> Result<ExitCode, Fatal> {
        self.close_invalid();
        let code = if self.bad {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
        match result {
            Ok(()) => Ok(code),
            Err(e) if e.is_closed_pipe() => Ok(code),
            Err(e) => Err(e),
        }
    }
}

/// A fatal error of the CLI, already formatted.
#[derive(Debug)]
pub(crate) struct Fatal(String);

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Fatal {
    /// The output pipe was closed by its reader.
    fn is_closed_pipe(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Fatal {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Fatal(String::new());
        }
        Fatal(e.to_string())
    }
}

impl From<chiffre::Error> for Fatal {
    fn from(e: chiffre::Error) -> Fatal {
        Fatal(e.to_string())
    }
}

/// Shows where an error is in a one-line input, with a caret.
pub(crate) fn caret(text: &str, err: &chiffre::Error) -> String {
    let start = err.span().start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[line_start..line_end];
    let col = text[line_start..start].chars().count();
    let width = text[start..err.span().end.clamp(start, line_end)]
        .chars()
        .count()
        .max(1);
    format!("  | {line}\n  | {}{}", " ".repeat(col), "^".repeat(width))
}

fn run_parse(a: ParseArgs) -> Result<ExitCode, Fatal> {
    let lang: chiffre::LangMode = a.lang.parse()?;
    let bytes = if a.text == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        a.text.into_encoded_bytes()
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return Err(Fatal(
                chiffre::Error::invalid_utf8(e.valid_up_to()).to_string(),
            ));
        }
    };
    match chiffre::parse(text, lang) {
        Ok(f) => {
            let json = if a.pretty {
                serde_json::to_string_pretty(&f)
            } else {
                serde_json::to_string(&f)
            };
            let mut out = io::stdout().lock();
            writeln!(out, "{}", json.map_err(|e| Fatal(e.to_string()))?)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let mut msg = e.to_string();
            if !text.contains('\n') {
                msg = format!("{msg}\n{}", caret(text, &e));
            }
            let mut err = io::stderr().lock();
            let _ = writeln!(err, "chiffre: {msg}");
            Ok(ExitCode::from(1))
        }
    }
}
