//! Reading inputs: files, directories, standard input, JSON Lines; cut into
//! small chunks at paragraph breaks so that memory stays flat whatever the
//! shape of the input.
//!
//! What reaches the workers is always valid UTF-8 of the same length as the
//! source bytes, so that offsets stay those of the file: a UTF-8 byte order
//! mark, HTML markup and invalid bytes are replaced in place (by blanks or
//! NUL bytes), and a UTF-16 file (with its byte order mark) is decoded to
//! UTF-8 (its offsets are then those of the decoded text).

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Target chunk size: a chunk ends at the last paragraph break after half
/// of it. Small, so that the rows of a chunk of figure-dense text (about
/// 110 bytes of JSON per byte of "$1 $1 $1") stay a few megabytes.
pub(crate) const CHUNK: usize = 32 << 10;

/// A chunk with no paragraph break grows to this many times the target,
/// then is cut at a line break, else at a space no figure crosses.
const GROWTH: usize = 2;

/// The longest JSON Lines record read; a longer line is reported and
/// skipped (its bytes are not kept).
pub(crate) const MAX_LINE: usize = 16 << 20;

/// Where text comes from.
#[derive(Debug, Clone)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name shown in rows and messages: the path as written, with bytes
    /// that are not UTF-8 as `\xNN` (and `\` as `\\` in such a name).
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => path_name(p),
        }
    }

    /// Treat as HTML (by the file's extension).
    pub(crate) fn is_html(&self) -> bool {
        matches!(self, Source::File(p) if p.extension().and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")))
    }

    /// Opens the source for reading as UTF-8 (see [`decode`]).
    pub(crate) fn open(&self) -> io::Result<Box<dyn Read + Send>> {
        let raw: Box<dyn Read + Send> = match self {
            Source::Stdin => Box::new(io::stdin()),
            Source::File(p) => Box::new(File::open(p)?),
        };
        decode(raw)
    }
}

/// A path as text: lossless for UTF-8 names; other bytes as `\xNN`.
pub(crate) fn path_name(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut out = String::new();
            for chunk in bytes.utf8_chunks() {
                out.push_str(&chunk.valid().replace('\\', "\\\\"));
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            }
            out
        }
    }
}

/// Something said about the inputs while listing them.
#[derive(Debug)]
pub(crate) struct Notice {
    pub msg: String,
    /// Input was left unread (the run then ends with exit code 2).
    pub skipped: bool,
}

/// Expands the command-line paths: directories recursively (regular files
/// ending in .txt, .md, .html, .htm, sorted), "-" as standard input,
/// nothing as standard input. A directory walk follows symbolic links, but
/// reads each real file (device and inode) once and enters each directory
/// once; it never opens anything but a regular file. A path named on the
/// command line is read as given (a named pipe too).
pub(crate) fn sources(paths: &[PathBuf], notices: &mut Vec<Notice>) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut walk = Walk {
        seen: HashSet::new(),
        out: Vec::new(),
        notices,
    };
    for p in paths {
        if p.as_os_str() == "-" {
            walk.out.push(Source::Stdin);
        } else if p.is_dir() {
            if let Some(id) = file_id(p) {
                walk.seen.insert(id);
            }
            walk.dir(p);
        } else {
            if let Some(id) = file_id(p) {
                walk.seen.insert(id);
            }
            walk.out.push(Source::File(p.clone()));
        }
    }
    walk.out
}

/// A file's identity: device and inode.
#[cfg(unix)]
fn file_id(p: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(p: &Path) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let c = std::fs::canonicalize(p).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    c.hash(&mut h);
    Some((0, h.finish()))
}

struct Walk<'a> {
    seen: HashSet<(u64, u64)>,
    out: Vec<Source>,
    notices: &'a mut Vec<Notice>,
}

impl Walk<'_> {
    fn note(&mut self, msg: String, skipped: bool) {
        self.notices.push(Notice { msg, skipped });
    }

    fn dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.note(format!("{}: {e}", path_name(dir)), true);
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            // Follows links; a dangling link is reported.
            let meta = match std::fs::metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    if wanted(&p) || !p.is_symlink() {
                        self.note(format!("{}: {e}", path_name(&p)), true);
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                match file_id(&p) {
                    Some(id) if !self.seen.insert(id) => {
                        self.note(
                            format!(
                                "{}: directory already read (a symbolic link loop or a second link), skipped",
                                path_name(&p)
                            ),
                            false,
                        );
                    }
                    _ => self.dir(&p),
                }
            } else if wanted(&p) {
                if !meta.is_file() {
                    self.note(
                        format!("{}: not a regular file, not opened", path_name(&p)),
                        true,
                    );
                    continue;
                }
                match file_id(&p) {
                    Some(id) if !self.seen.insert(id) => self.note(
                        format!(
                            "{}: the same file as one already read (a link), skipped",
                            path_name(&p)
                        ),
                        false,
                    ),
                    _ => self.out.push(Source::File(p)),
                }
            }
        }
    }
}

/// Files a directory walk reads: .txt, .md, .html, .htm.
fn wanted(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "md" | "html" | "htm"
        )
    })
}

/// Looks at the first bytes: a UTF-16 byte order mark switches to a
/// UTF-16 decoder; anything else is passed through as it is.
pub(crate) fn decode(mut raw: Box<dyn Read + Send>) -> io::Result<Box<dyn Read + Send>> {
    let mut head = [0u8; 2];
    let mut n = 0;
    while n < 2 {
        match raw.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let prefix = io::Cursor::new(head[..n].to_vec());
    Ok(match &head[..n] {
        [0xFF, 0xFE] => Box::new(Utf16::new(raw, false)),
        [0xFE, 0xFF] => Box::new(Utf16::new(raw, true)),
        _ => Box::new(prefix.chain(raw)),
    })
}

/// A UTF-16 stream (after its byte order mark) decoded to UTF-8. An
/// unpaired surrogate becomes U+FFFD.
struct Utf16 {
    raw: Box<dyn Read + Send>,
    big_endian: bool,
    /// Bytes read but not yet decoded (an odd byte, a high surrogate).
    pending: Vec<u8>,
    /// Decoded UTF-8 not yet handed out.
    out: Vec<u8>,
    at: usize,
    eof: bool,
}

impl Utf16 {
    fn new(raw: Box<dyn Read + Send>, big_endian: bool) -> Utf16 {
        Utf16 {
            raw,
            big_endian,
            pending: Vec::new(),
            out: Vec::new(),
            at: 0,
            eof: false,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        let mut buf = [0u8; 16 << 10];
        let n = loop {
            match self.raw.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.pending.extend_from_slice(&buf[..n]);
        let whole = self.pending.len() / 2 * 2;
        let mut units: Vec<u16> = self.pending[..whole]
            .chunks_exact(2)
            .map(|p| {
                if self.big_endian {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            })
            .collect();
        let mut keep = self.pending[whole..].to_vec();
        // A high surrogate at the end waits for its pair.
        if !self.eof && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
            let u = units.pop().unwrap_or_default();
            let b = if self.big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            let mut k = b.to_vec();
            k.extend_from_slice(&keep);
            keep = k;
        }
        self.pending = keep;
        self.out.clear();
        self.at = 0;
        for c in char::decode_utf16(units) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            let mut b = [0u8; 4];
            self.out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        }
        if self.eof && !self.pending.is_empty() {
            // An odd byte at the end.
            self.out.extend_from_slice("\u{FFFD}".as_bytes());
            self.pending.clear();
        }
        Ok(())
    }
}

impl Read for Utf16 {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// One piece of a source.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// Byte offset of the chunk in its source.
    pub base: u64,
    pub bytes: Vec<u8>,
    /// For HTML: the bytes as written (`bytes` has the markup masked).
    pub original: Option<Vec<u8>>,
    /// The first chunk of its source (the document language is detected there).
    pub first: bool,
}

/// Reads a source chunk by chunk. The first chunk is checked for a NUL
/// byte (a binary file: an error) and a UTF-8 byte order mark (blanked);
/// HTML markup is masked as the chunks go (the masker keeps its state
/// across chunks).
pub(crate) struct Chunker {
    reader: Box<dyn Read + Send>,
    buf: Vec<u8>,
    base: u64,
    eof: bool,
    first: bool,
    html: Option<HtmlMask>,
    /// Target and largest chunk sizes.
    target: usize,
    max: usize,
}

impl Chunker {
    #[cfg(test)]
    pub(crate) fn new(reader: Box<dyn Read + Send>, html: bool) -> Chunker {
        Chunker::with_size(reader, html, CHUNK)
    }

    /// A chunker aiming at `target` bytes a chunk (at most `GROWTH` × target).
    pub(crate) fn with_size(reader: Box<dyn Read + Send>, html: bool, target: usize) -> Chunker {
        let target = target.max(1);
        Chunker {
            reader,
            buf: Vec::new(),
            base: 0,
            eof: false,
            first: true,
            html: html.then(HtmlMask::default),
            target,
            max: target.saturating_mul(GROWTH),
        }
    }

    /// The next chunk, or `None` at the end. A binary file is an error of
    /// kind `InvalidData` on the first call.
    pub(crate) fn next_chunk(&mut self) -> io::Result<Option<Chunk>> {
        while !self.eof && self.buf.len() < self.target {
            self.fill()?;
        }
        if self.first {
            self.check_head()?;
        }
        let mut cut = chiffre::cut_point(&self.buf, self.target.min(self.buf.len()) / 2);
        // Without a paragraph break, read on to the largest size, and 512
        // bytes past it: the fallback cut looks there for a figure crossing
        // it (and a character cut by a short read is completed).
        while cut.is_none() && !self.eof && self.buf.len() < self.max + 512 {
            let before = self.buf.len();
            self.fill()?;
            cut = chiffre::cut_point(&self.buf, before.saturating_sub(1));
        }
        if self.eof && self.buf.is_empty() {
            return Ok(None);
        }
        let cut = match cut {
            _ if self.eof && self.buf.len() <= self.max => self.buf.len(),
            Some(c) if c <= self.max => c,
            // Keep some bytes after the cut so that it can see a figure
            // crossing it.
            _ => fallback_cut(&self.buf, self.max.min(self.buf.len().saturating_sub(512))),
        };
        let cut = if self.html.is_some() && cut < self.buf.len() {
            html_safe_cut(&self.buf, cut).unwrap_or(cut)
        } else {
            cut
        };
        let rest = self.buf.split_off(cut);
        let mut bytes = std::mem::replace(&mut self.buf, rest);
        let original = self.html.as_mut().map(|mask| {
            let original = bytes.clone();
            mask.mask(&mut bytes);
            original
        });
        let chunk = Chunk {
            base: self.base,
            bytes,
            original,
            first: self.first,
        };
        self.base += cut as u64;
        self.first = false;
        Ok(Some(chunk))
    }

    /// Whether every chunk has been given out.
    pub(crate) fn is_done(&self) -> bool {
        self.eof && self.buf.is_empty()
    }

    /// The start of a source: binary files are refused, a UTF-8 byte order
    /// mark is blanked (offsets stay those of the file).
    fn check_head(&mut self) -> io::Result<()> {
        let head = &self.buf[..self.buf.len().min(8 << 10)];
        if let Some(at) = memchr::memchr(0, head) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("byte {at}: a NUL byte: a binary file, skipped"),
            ));
        }
        if self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf[..3].copy_from_slice(b"   ");
        }
        Ok(())
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
    let mut cut = chiffre::cut_before(buf, limit.max(1)).max(1);
    // Never inside a character (only tiny pieces come this far).
    while cut < buf.len() && (buf[cut] & 0xC0) == 0x80 {
        cut += 1;
    }
    cut
}

/// A run of invalid UTF-8: its offset in the source and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadRun {
    pub at: u64,
    pub len: usize,
}

/// The message for a run of invalid UTF-8 at `at` (offset in the source).
pub(crate) fn invalid_message(at: u64, len: usize) -> String {
    if len == 1 {
        format!("byte {at}: invalid UTF-8, skipped")
    } else {
        format!("byte {at}: invalid UTF-8 ({len} bytes), skipped")
    }
}

/// Makes `bytes` valid UTF-8 of the same length: each invalid byte becomes
/// a NUL byte, which no figure crosses or touches (a number glued to one
/// is no figure). Returns the text and the runs of invalid bytes
/// (consecutive invalid sequences are one run), at their offsets in the
/// source: `base` is that of the first byte.
pub(crate) fn to_text(bytes: Vec<u8>, base: u64) -> (String, Vec<BadRun>) {
    // Valid text (nearly always) is validated once, and not copied.
    let mut bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, Vec::new()),
        Err(e) => e.into_bytes(),
    };
    let mut runs: Vec<BadRun> = Vec::new();
    let mut at = 0;
    loop {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(e) => {
                let start = at + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - start).max(1);
                for b in &mut bytes[start..start + len] {
                    *b = 0;
                }
                let start_at = base + start as u64;
                match runs.last_mut() {
                    Some(r) if r.at + r.len as u64 == start_at => r.len += len,
                    _ => runs.push(BadRun { at: start_at, len }),
                }
                at = start + len;
            }
        }
    }
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, runs)
}

/// Masks HTML markup with blanks of the same length (line breaks kept),
/// so that offsets stay those of the file: tags, comments, and the
/// contents of `<script>` and `<style>`; `&nbsp;` becomes six blanks. It
/// works on bytes and keeps its state from one chunk to the next, so a
/// script, comment or tag may span chunks. Masked regions start and end at
/// ASCII bytes, so valid UTF-8 stays valid.
#[derive(Debug, Default)]
pub(crate) struct HtmlMask {
    state: Mask,
    /// How much of the closing marker has been matched.
    matched: usize,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Mask {
    #[default]
    Text,
    /// Inside `<...>`; `Raw` follows the opening tag of a script or style.
    Tag(Option<Raw>),
    Comment,
    Raw(Raw),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    Script,
    Style,
}

impl Raw {
    fn close(self) -> &'static [u8] {
        match self {
            Raw::Script => b"</script",
            Raw::Style => b"</style",
        }
    }
}

impl HtmlMask {
    /// Masks one chunk in place.
    pub(crate) fn mask(&mut self, bytes: &mut [u8]) {
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                Mask::Text => {
                    let b = bytes[i];
                    if b == b'<' {
                        let next = bytes.get(i + 1).copied();
                        // "a < b", "<5%": not a tag.
                        if next.is_some_and(|n| !(n.is_ascii_alphabetic() || b"/!?".contains(&n))) {
                            i += 1;
                            continue;
                        }
                        let rest = &bytes[i..];
                        self.state = if rest.starts_with(b"<!--") {
                            Mask::Comment
                        } else if starts_with_tag(rest, b"<script") {
                            Mask::Tag(Some(Raw::Script))
                        } else if starts_with_tag(rest, b"<style") {
                            Mask::Tag(Some(Raw::Style))
                        } else {
                            Mask::Tag(None)
                        };
                        self.matched = 0;
                        blank(&mut bytes[i]);
                        if self.state == Mask::Comment {
                            // Skip past "<!--" so that "<!-->" is not its end.
                            let n = 4.min(bytes.len() - i);
                            bytes[i..i + n].iter_mut().for_each(blank);
                            i += n;
                            continue;
                        }
                    } else if bytes[i..].starts_with(b"&nbsp;") {
                        bytes[i..i + 6].fill(b' ');
                        i += 6;
                        continue;
                    }
                }
                Mask::Tag(raw) => {
                    if bytes[i] == b'>' {
                        self.state = raw.map_or(Mask::Text, Mask::Raw);
                        self.matched = 0;
                    }
                    blank(&mut bytes[i]);
                }
                Mask::Comment => {
                    // The end is "-->": count the dashes before '>'.
                    let b = bytes[i];
                    if b == b'>' && self.matched >= 2 {
                        self.state = Mask::Text;
                    }
                    self.matched = if b == b'-' { self.matched + 1 } else { 0 };
                    blank(&mut bytes[i]);
                }
                Mask::Raw(raw) => {
                    let close = raw.close();
                    let b = bytes[i].to_ascii_lowercase();
                    if b == close[self.matched] {
                        self.matched += 1;
                        if self.matched == close.len() {
                            // The rest of the closing tag is a tag.
                            self.state = Mask::Tag(None);
                            self.matched = 0;
                        }
                    } else {
                        self.matched = usize::from(b == b'<');
                    }
                    blank(&mut bytes[i]);
                }
            }
            i += 1;
        }
    }
}

/// A cut of HTML moved before a `<` or `&` that starts a token the cut
/// would split ("<scr|ipt", "&nb|sp;"), so that masking in pieces reads
/// every token whole (the masker looks at most 8 bytes ahead).
/// `None` when the token starts at the start of `buf` (the cut cannot
/// move: only a run of '<' as long as a piece does that).
pub(crate) fn html_safe_cut(buf: &[u8], cut: usize) -> Option<usize> {
    let mut c = cut;
    // Back over an unfinished token: the earliest '<' or '&' of the last 8
    // bytes with no blank, '>' or ';' after it.
    for i in (cut.saturating_sub(8)..cut).rev() {
        match buf[i] {
            b'<' | b'&' => c = i,
            b if b.is_ascii_whitespace() || b == b'>' || b == b';' => break,
            _ => {}
        }
    }
    // A '<' just before the cut would look at the byte after it.
    while c > 0 && buf[c - 1] == b'<' {
        c -= 1;
    }
    (c > 0).then_some(c)
}

/// `rest` starts with `tag` (any case) followed by a blank, `>` or `/`.
fn starts_with_tag(rest: &[u8], tag: &[u8]) -> bool {
    rest.len() > tag.len()
        && rest[..tag.len()].eq_ignore_ascii_case(tag)
        && matches!(rest[tag.len()], b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/')
}

/// A blank in place of a byte, keeping line breaks.
fn blank(b: &mut u8) {
    if *b != b'\n' {
        *b = b' ';
    }
}

/// Masks a whole HTML document (see [`HtmlMask`]).
#[cfg(test)]
pub(crate) fn mask_html(bytes: &mut [u8]) {
    HtmlMask::default().mask(bytes);
}

/// A line of JSON Lines input.
#[derive(Debug)]
pub(crate) enum Line {
    /// The line (1-based number, bytes without the line break).
    Text(usize, Vec<u8>),
    /// A line longer than [`MAX_LINE`], skipped (its number).
    TooLong(usize),
}

/// A JSON Lines reader that yields numbered lines (1-based), each at most
/// [`MAX_LINE`] bytes; a UTF-8 byte order mark before line 1 is dropped.
pub(crate) struct Lines {
    reader: Box<dyn BufRead + Send>,
    line: usize,
    max: usize,
}

impl Lines {
    pub(crate) fn new(r: Box<dyn Read + Send>) -> Lines {
        Lines {
            reader: Box::new(BufReader::with_capacity(1 << 16, r)),
            line: 0,
            max: MAX_LINE,
        }
    }

    pub(crate) fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut buf = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            if !too_long {
                if buf.len() + take > self.max + 2 {
                    too_long = true;
                    buf = Vec::new();
                } else {
                    buf.extend_from_slice(&avail[..take]);
                }
            }
            self.reader.consume(take);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        if too_long {
            return Ok(Some(Line::TooLong(self.line)));
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        if self.line == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        Ok(Some(Line::Text(self.line, buf)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_to_text_keeps_length_and_coalesces_runs() {
        let (text, runs) = to_text(b"ab\xff\xfecd\xffe".to_vec(), 100);
        assert_eq!(text, "ab\0\0cd\0e");
        assert_eq!(
            runs,
            vec![BadRun { at: 102, len: 2 }, BadRun { at: 106, len: 1 }]
        );
    }

    fn masked(html: &str) -> String {
        let mut b = html.as_bytes().to_vec();
        mask_html(&mut b);
        String::from_utf8(b).unwrap()
    }

    #[test]
    fn ok_mask_html_keeps_offsets() {
        let html = "<p>Deal: <b>$9&nbsp;billion</b></p><script>var x = 5;</script>";
        let m = masked(html);
        assert_eq!(m.len(), html.len());
        assert_eq!(&m[12..16], "$9  ");
        assert!(!m.contains('5'));
    }

    #[test]
    fn ok_mask_html_non_ascii_in_script_style_comment_attribute() {
        let html = "<script>const s = \"é€ 5\";</script><style>/* ü */</style>\
                    <!-- €5 --><a title=\"€ 7\">$9</a> x < 5 €";
        let m = masked(html);
        assert_eq!(m.len(), html.len());
        assert_eq!(
            m.split_whitespace().collect::<Vec<_>>(),
            ["$9", "x", "<", "5", "€"]
        );
    }

    #[test]
    fn ok_mask_html_across_chunks() {
        // Cuts inside a script, its closing tag and a comment's end.
        let html = "<script>x = \"5| €\"</scr|ipt>7 €<!-- 9 |€ -|->8 €";
        let mut mask = HtmlMask::default();
        let mut out = String::new();
        for part in html.split('|') {
            let mut b = part.as_bytes().to_vec();
            mask.mask(&mut b);
            out.push_str(std::str::from_utf8(&b).unwrap());
        }
        assert_eq!(
            out.split_whitespace().collect::<Vec<_>>(),
            ["7", "€", "8", "€"]
        );
    }

    /// An endless line: "costs $5 million, " repeated, `len` bytes in all.
    struct Endless {
        left: usize,
        at: usize,
    }

    impl Read for Endless {
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
        let mut ch = Chunker::new(Box::new(Endless { left: len, at: 0 }), false);
        let (mut total, mut chunks) = (0, 0);
        while let Some(c) = ch.next_chunk().unwrap() {
            assert_eq!(c.base as usize, total);
            assert!(c.bytes.len() <= CHUNK * GROWTH);
            // Every cut falls outside "$5 million": no figure is split.
            if total + c.bytes.len() < len {
                let tail = String::from_utf8_lossy(&c.bytes[c.bytes.len() - 20..]).to_string();
                assert!(tail.ends_with(", ") || tail.ends_with("costs "), "{tail:?}");
            }
            total += c.bytes.len();
            chunks += 1;
        }
        assert_eq!(total, len);
        assert!(chunks >= len / (CHUNK * GROWTH), "{chunks}");
    }

    #[test]
    fn ok_chunker_cuts_at_paragraphs() {
        let text = "a $5 bn.\n\n".repeat(300_000);
        let mut ch = Chunker::new(Box::new(io::Cursor::new(text.clone().into_bytes())), false);
        let mut total = 0;
        while let Some(c) = ch.next_chunk().unwrap() {
            assert_eq!(c.base as usize, total);
            assert!(c.bytes.ends_with(b"\n\n"));
            assert!(c.bytes.len() <= CHUNK * GROWTH);
            total += c.bytes.len();
        }
        assert_eq!(total, text.len());
    }

    #[test]
    fn ok_utf16_is_decoded() {
        for big in [false, true] {
            let text = "Le prix : 9 milliards d’euros 😀 et 5 €.";
            let mut bytes = if big {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for u in text.encode_utf16() {
                bytes.extend(if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            let mut r = decode(Box::new(io::Cursor::new(bytes))).unwrap();
            let mut out = String::new();
            r.read_to_string(&mut out).unwrap();
            assert_eq!(out, text);
        }
    }

    #[test]
    fn ok_lines_drop_bom_and_skip_long_lines() {
        let mut data = b"\xEF\xBB\xBF{\"id\":1}\n".to_vec();
        data.extend(vec![b'x'; MAX_LINE + 10]);
        data.extend(b"\n{\"id\":3}");
        let mut l = Lines::new(Box::new(io::Cursor::new(data)));
        assert!(matches!(l.next_line().unwrap(), Some(Line::Text(1, b)) if b == b"{\"id\":1}"));
        assert!(matches!(l.next_line().unwrap(), Some(Line::TooLong(2))));
        assert!(matches!(l.next_line().unwrap(), Some(Line::Text(3, b)) if b == b"{\"id\":3}"));
        assert!(l.next_line().unwrap().is_none());
    }
}

#[cfg(test)]
mod fuzz_regressions {
    use super::*;

    /// Masking in pieces cut where the chunker cuts equals masking whole.
    fn pieces_equal_whole(html: &[u8]) {
        let mut whole = html.to_vec();
        mask_html(&mut whole);
        for step in 10..300 {
            let mut mask = HtmlMask::default();
            let mut pieces = Vec::new();
            let mut at = 0;
            while at < html.len() {
                let mut end = (at + step).min(html.len());
                if end < html.len() {
                    // As the chunker does: the cut in the piece's buffer.
                    let Some(safe) = html_safe_cut(&html[at..], end - at) else {
                        // A run of '<' as long as a piece: which of them
                        // are masked may differ (never a figure).
                        return;
                    };
                    end = at + safe;
                }
                let mut c = html[at..end].to_vec();
                mask.mask(&mut c);
                pieces.extend_from_slice(&c);
                at = end;
            }
            assert_eq!(pieces, whole, "step {step}");
        }
    }

    #[test]
    fn ok_fuzz_html_crashes() {
        let mut run = vec![b'<'; 100];
        run.extend_from_slice(b":        \n   ");
        pieces_equal_whole(&run);
        pieces_equal_whole(b"\0\0\0t de 9&nbsp;m<<<<<<<<<<<<<<<<illibsp;milliards;miLe rachp;milliards;miLe rhtcml>\0\0");
        pieces_equal_whole(b"<html><scrip\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1d\x1dt><<htjl>tml><\x20\xff\xff\xff\xff\xa9\xe2\xc2\xac\x20\x176\";</scri");
    }
}

#[cfg(test)]
mod tiny {
    use super::*;

    #[test]
    fn ok_tiny_chunks_are_whole_characters() {
        let text = "€€€€ 5 € €€€ и ещё 7 млн рублей";
        for size in 1..4 {
            // Through `decode`, whose first read gives two bytes.
            let mut ch = Chunker::with_size(
                decode(Box::new(io::Cursor::new(text.as_bytes().to_vec()))).unwrap(),
                false,
                size,
            );
            let mut all = Vec::new();
            while let Some(c) = ch.next_chunk().unwrap() {
                assert!(
                    std::str::from_utf8(&c.bytes).is_ok(),
                    "{size}: {:?}",
                    c.bytes
                );
                all.extend(c.bytes);
            }
            assert_eq!(all, text.as_bytes());
        }
    }
}
