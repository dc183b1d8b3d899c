//! Reading inputs: files, directories, standard input, JSON Lines; cut into
//! chunks at paragraph breaks so that memory stays flat.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Target chunk size. A chunk ends at the last paragraph break after this
/// many bytes; without one it grows up to `MAX_CHUNK`, then is cut at a line
/// break, then anywhere on a character boundary.
pub(crate) const CHUNK: usize = 1 << 20;
const MAX_CHUNK: usize = 8 << 20;

/// Where text comes from.
#[derive(Debug, Clone)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    pub(crate) fn open(&self) -> io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            Source::Stdin => Box::new(io::stdin()),
            Source::File(p) => Box::new(File::open(p)?),
        })
    }
}

/// Expands the command-line paths: directories recursively (files ending
/// in .txt, .md, .html, .htm, sorted), "-" as standard input, nothing as
/// standard input. Unreadable directories are reported in `errors`.
pub(crate) fn sources(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            walk(p, &mut out, errors);
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Source>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out, errors);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "html" | "htm"
            )
        }) {
            out.push(Source::File(p));
        }
    }
}

/// One piece of a source.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// Index of the source in the source list.
    pub source: usize,
    /// Byte offset of the chunk in its source.
    pub base: u64,
    pub bytes: Vec<u8>,
    /// The first chunk of its source (the document language is detected there).
    pub first: bool,
    /// Treat as HTML (tags masked).
    pub html: bool,
}

/// Reads a source chunk by chunk.
pub(crate) struct Chunker {
    source: usize,
    reader: Box<dyn Read + Send>,
    buf: Vec<u8>,
    base: u64,
    eof: bool,
    first: bool,
    html: bool,
    /// Target and largest chunk sizes.
    target: usize,
    max: usize,
}

impl Chunker {
    #[cfg(test)]
    pub(crate) fn new(source: usize, reader: Box<dyn Read + Send>, html: bool) -> Chunker {
        Chunker::with_size(source, reader, html, CHUNK)
    }

    /// A chunker aiming at `target` bytes a chunk (at most 8 × target).
    pub(crate) fn with_size(
        source: usize,
        reader: Box<dyn Read + Send>,
        html: bool,
        target: usize,
    ) -> Chunker {
        let target = target.max(1);
        Chunker {
            source,
            reader,
            buf: Vec::new(),
            base: 0,
            eof: false,
            first: true,
            html,
            target,
            max: target.saturating_mul(8).min(MAX_CHUNK.max(target)),
        }
    }

    /// The next chunk, or `None` at the end.
    pub(crate) fn next_chunk(&mut self) -> io::Result<Option<Chunk>> {
        while !self.eof && self.buf.len() < self.target {
            self.fill()?;
        }
        let mut cut = chiffre::cut_point(&self.buf, self.target.min(self.buf.len()) / 2);
        while cut.is_none() && !self.eof && self.buf.len() < self.max {
            let before = self.buf.len();
            self.fill()?;
            cut = chiffre::cut_point(&self.buf, before.saturating_sub(1));
        }
        if self.eof && self.buf.is_empty() {
            return Ok(None);
        }
        let cut = match cut {
            _ if self.eof && self.buf.len() <= self.max => self.buf.len(),
            Some(c) => c,
            // Keep some bytes after the cut so that it can see a figure
            // crossing it.
            None => fallback_cut(&self.buf, self.max.min(self.buf.len().saturating_sub(512))),
        };
        let rest = self.buf.split_off(cut);
        let bytes = std::mem::replace(&mut self.buf, rest);
        let chunk = Chunk {
            source: self.source,
            base: self.base,
            bytes,
            first: self.first,
            html: self.html,
        };
        self.base += cut as u64;
        self.first = false;
        Ok(Some(chunk))
    }

    fn fill(&mut self) -> io::Result<()> {
        let old = self.buf.len();
        self.buf
            .resize(old + (256 << 10).min(self.target.max(4096)), 0);
        let n = loop {
            match self.reader.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(())
    }
}

/// A cut for a buffer with no paragraph break in reach (see
/// [`chiffre::cut_before`]).
fn fallback_cut(buf: &[u8], limit: usize) -> usize {
    chiffre::cut_before(buf, limit.max(1)).max(1)
}

/// Splits bytes into valid UTF-8 segments: `(offset, text)`, and the
/// offsets of invalid sequences.
pub(crate) fn utf8_segments(bytes: &[u8]) -> (Vec<(usize, &str)>, Vec<usize>) {
    let mut segs = Vec::new();
    let mut bad = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(s) => {
                segs.push((at, s));
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                if good > 0 {
                    // Safe: checked just above.
                    segs.push((at, std::str::from_utf8(&bytes[at..at + good]).unwrap_or("")));
                }
                bad.push(at + good);
                at += good + e.error_len().unwrap_or(bytes.len() - at - good).max(1);
            }
        }
    }
    (segs, bad)
}

/// Masks HTML markup with spaces of the same length, so that offsets stay
/// those of the file: tags, comments, `<script>`/`<style>` contents and
/// `&nbsp;` become blanks.
pub(crate) fn mask_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<&str> = None;
    while i < bytes.len() {
        if let Some(end) = skip_until {
            if text[i..].len() >= end.len() && text[i..i + end.len()].eq_ignore_ascii_case(end) {
                skip_until = None;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                push_blank(&mut out, c);
                i += c.len_utf8();
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c == '<' {
            let close = text[i..].find('>').map_or(text.len(), |j| i + j + 1);
            let tag = text[i..close].to_ascii_lowercase();
            if tag.starts_with("<script") {
                skip_until = Some("</script");
            } else if tag.starts_with("<style") {
                skip_until = Some("</style");
            }
            for ch in text[i..close].chars() {
                push_blank(&mut out, ch);
            }
            i = close;
        } else if text[i..].starts_with("&nbsp;") {
            out.push_str("      ");
            i += 6;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// A blank of the same UTF-8 length as `c`, keeping line breaks.
fn push_blank(out: &mut String, c: char) {
    if c == '\n' {
        out.push('\n');
    } else {
        for _ in 0..c.len_utf8() {
            out.push(' ');
        }
    }
}

/// A JSON Lines reader that yields numbered lines (1-based).
pub(crate) struct Lines {
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl Lines {
    pub(crate) fn new(r: Box<dyn Read + Send>) -> Lines {
        Lines {
            reader: Box::new(BufReader::with_capacity(1 << 16, r)),
            line: 0,
        }
    }

    pub(crate) fn next_line(&mut self) -> io::Result<Option<(usize, Vec<u8>)>> {
        let mut buf = Vec::new();
        let n = self.reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        self.line += 1;
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Some((self.line, buf)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_utf8_segments() {
        let (segs, bad) = utf8_segments(b"ab\xffcd");
        assert_eq!(segs, vec![(0, "ab"), (3, "cd")]);
        assert_eq!(bad, vec![2]);
    }

    #[test]
    fn ok_mask_html_keeps_offsets() {
        let html = "<p>Deal: <b>$9&nbsp;billion</b></p><script>var x = 5;</script>";
        let masked = mask_html(html);
        assert_eq!(masked.len(), html.len());
        assert_eq!(&masked[12..16], "$9  ");
        assert!(!masked.contains('5'));
    }

    /// An endless line: "costs $5 million, " repeated, `len` bytes in all.
    struct Line {
        left: usize,
        at: usize,
    }

    impl Read for Line {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            const UNIT: &[u8] = b"costs $5 million, ";
            let n = out.len().min(self.left);
            for b in &mut out[..n] {
                *b = UNIT[self.at % UNIT.len()];
                self.at += 1;
            }
            self.left -= n;
            Ok(n)
        }
    }

    #[test]
    fn ok_chunker_cuts_a_100_mb_line_between_figures() {
        let len = 100_000_000;
        let mut ch = Chunker::new(0, Box::new(Line { left: len, at: 0 }), false);
        let (mut total, mut chunks) = (0, 0);
        while let Some(c) = ch.next_chunk().unwrap() {
            assert_eq!(c.base as usize, total);
            assert!(c.bytes.len() <= MAX_CHUNK);
            // Every cut falls outside "$5 million": no figure is split.
            if total + c.bytes.len() < len {
                let tail = String::from_utf8_lossy(&c.bytes[c.bytes.len() - 20..]).to_string();
                assert!(tail.ends_with(", ") || tail.ends_with("costs "), "{tail:?}");
            }
            total += c.bytes.len();
            chunks += 1;
        }
        assert_eq!(total, len);
        assert!(chunks >= 100 / 8, "{chunks}");
    }

    #[test]
    fn ok_chunker_cuts_at_paragraphs() {
        let text = "a $5 bn.\n\n".repeat(300_000);
        let mut ch = Chunker::new(
            0,
            Box::new(io::Cursor::new(text.clone().into_bytes())),
            false,
        );
        let mut total = 0;
        while let Some(c) = ch.next_chunk().unwrap() {
            assert_eq!(c.base as usize, total);
            assert!(c.bytes.ends_with(b"\n\n"));
            total += c.bytes.len();
        }
        assert_eq!(total, text.len());
    }
}
