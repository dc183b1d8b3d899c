//! Stage 0, cutting: where a stream may be cut so that no paragraph or
//! figure is split, and the paragraphs of a piece.

use super::*;

/// Where a stream may be cut so that no figure and no paragraph is split:
/// just after the last paragraph break (a blank line) in `buf` that lies at
/// or after `at_least`. `None` when there is none.
///
/// ```
/// let buf = b"one $5 bn.\n\ntwo $7 bn.\n\nthree";
/// assert_eq!(chiffre::cut_point(buf, 0), Some(24));
/// assert_eq!(chiffre::cut_point(b"no break here", 0), None);
/// ```
pub fn cut_point(buf: &[u8], at_least: usize) -> Option<usize> {
    let mut end = buf.len();
    while let Some(nl) = memchr::memrchr(b'\n', &buf[..end]) {
        if nl < at_least {
            return None;
        }
        // Is the line that ends at `nl` blank? Look back to the previous '\n'.
        let line_start = memchr::memrchr(b'\n', &buf[..nl]).map_or(0, |p| p + 1);
        let blank = buf[line_start..nl]
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r'));
        if blank && line_start > at_least {
            return Some(nl + 1);
        }
        end = nl;
    }
    None
}

/// Where to cut a stream buffer when only `buf[..limit]` may go into the
/// current piece: after the last paragraph break (no result changes), else
/// after the last line break, else after the last space that no figure
/// crosses (checked by reading 256 bytes around it), else on a UTF-8
/// character boundary. Returns 0 only when `limit` is 0.
///
/// A cut at a line break or a space keeps every figure whole, but the
/// context of a paragraph (its language, a period word on the line before)
/// is then read in two pieces; the CLI only falls back to it for lines of
/// several megabytes.
///
/// ```
/// let buf = "revenue of $5 million a year".as_bytes();
/// // Byte 16 is inside "$5 million": the cut moves before the figure.
/// assert_eq!(chiffre::cut_before(buf, 16), 11);
/// ```
pub fn cut_before(buf: &[u8], limit: usize) -> usize {
    let limit = limit.min(buf.len());
    if let Some(c) = cut_point(&buf[..limit], 0) {
        return c;
    }
    if let Some(nl) = memchr::memrchr(b'\n', &buf[..limit]) {
        return nl + 1;
    }
    let mut end = limit;
    for _ in 0..64 {
        let Some(sp) = memchr::memrchr(b' ', &buf[..end]) else {
            break;
        };
        if sp == 0 {
            break;
        }
        match straddling(buf, sp + 1) {
            None => return sp + 1,
            // Cut before the figure that crosses this space.
            Some(start) if start > 0 && start < end => end = start,
            Some(_) => break,
        }
    }
    let mut cut = limit;
    while cut > 0 && cut < buf.len() && (buf[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// The start of a figure that crosses byte `at` of `buf`, if any.
pub(super) fn straddling(buf: &[u8], at: usize) -> Option<usize> {
    let mut lo = at.saturating_sub(256);
    while lo > 0 && (buf[lo] & 0xC0) == 0x80 {
        lo -= 1;
    }
    let mut hi = (at + 256).min(buf.len());
    while hi < buf.len() && (buf[hi] & 0xC0) == 0x80 {
        hi += 1;
    }
    let text = std::str::from_utf8(&buf[lo..hi]).ok()?;
    let opts = Options::default().kinds(KindSet::all());
    extract(text, &opts)
        .iter()
        .find(|f| lo + f.start < at && lo + f.end > at)
        .map(|f| lo + f.start)
}

/// Paragraph ranges: text between blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let line = &text[line_start..nl];
        if line.trim().is_empty() && line_start > start {
            out.push((start, line_start));
            start = nl + 1;
        } else if line.trim().is_empty() {
            start = nl + 1;
        }
        line_start = nl + 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}
