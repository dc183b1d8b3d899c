//! `report`: the figures of one or more articles as one self-contained
//! HTML page, for readers who would rather look than read JSON.
//!
//! The page shows each document's text with every figure highlighted in
//! place and coloured by kind, the relations [`check`](crate::compare::check)
//! found beside it, and, for several documents, the quantities that
//! [`reconcile`](crate::compare::reconcile) matched across them. Its style
//! and script are inline and it loads nothing: it works offline, and a
//! Content-Security-Policy forbids any other script or any request.
//!
//! # Safety of the text
//!
//! An article is untrusted input. Its text is written as text: `&`, `<`,
//! `>`, `"` and `'` are escaped everywhere; a carriage return is written as
//! `&#13;` (so that the page's text is the source's); control characters,
//! invisible format characters (bidirectional overrides and isolates,
//! zero-width characters, the soft hyphen...) and U+FFFD are each wrapped in
//! an isolated `<span class="cc" data-cp="U+202E">` that shows their code
//! point, so they cannot reorder the page; a NUL (an invalid byte, as the
//! command line reads it) is shown as U+FFFD.
//!
//! # Machine-readable hooks
//!
//! * Every figure is a `<mark class="fig">` whose text is exactly the
//!   figure as written, with `id="d{doc}-{start}-{end}"`, `data-start` and
//!   `data-end` (byte offsets in the text), `data-interval`, and one
//!   `data-*` attribute per non-null field of the figure's JSON (`kind`,
//!   `value` or `min`/`max`, `currency` or `unit`, `qualifier`, `period`,
//!   `scale`, `alternatives` and `inferred` as JSON...).
//! * Every check is a `<tr class="rel">` with `data-relation` (the
//!   relation's JSON `kind`), `data-consistent` (`true`, `false` or
//!   `null`), `data-figures` (the ids of its figures) and one `data-*`
//!   attribute per other non-null field of the relation's JSON.
//! * Every reconciled quantity is a `<tr class="group">` with `data-kind`,
//!   `data-consistent` and the reference's fields; each cell links to its
//!   figures.
//!
//! ```
//! let docs = [("en", "CoreWeave pays $9 billion for 1.3 GW.")];
//! let page = chiffre::report::html("Deal", &docs, &chiffre::Options::default());
//! assert!(page.contains(r#"data-kind="money" data-value="9000000000" data-currency="USD""#));
//! assert!(page.contains(r#"data-relation="price_per_capacity" data-consistent="null""#));
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write};

use crate::compare::{self, Group, Relation, Status};
use crate::{Found, Kind, Options};

/// At most this many figures of one document are highlighted; the text
/// after the last one is shown plain, with a note.
pub const FIGURE_LIMIT: usize = 10_000;

/// At most this many relations of one document are listed.
pub const RELATION_LIMIT: usize = 2_000;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// The SHA-256 of [`SCRIPT`], base64: the only script the page's
/// Content-Security-Policy lets run (a test recomputes it).
const SCRIPT_SHA256: &str = "y1CLKNIDF9IOT4kdEZNyrB2el/iaPxd2QB2F7Sqz6wc=";

/// One document of a report: its text as shown, the figures found in it
/// and the relations checked in it, with offsets into `text`.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The name shown (a path, `-`, an id).
    pub name: &'a str,
    /// The text as written (for HTML, the source with its markup, which is
    /// shown as text).
    pub text: &'a str,
    /// The figures, in order, with byte offsets into `text`.
    pub found: &'a [Found],
    /// The relations found by [`check`](crate::compare::check) in `text`.
    pub relations: &'a [Relation],
    /// A note shown above the text (e.g. that the text was cut).
    pub note: Option<&'a str>,
}

/// Writes a report page part by part, so that a caller can stream it:
/// [`head`](Report::head), then [`document`](Report::document) for each
/// document, then [`reconcile`](Report::reconcile) (optional), then
/// [`tail`](Report::tail). The library writes into any [`fmt::Write`]; it
/// never prints.
///
/// ```
/// use chiffre::report::{Document, Report};
/// use chiffre::{compare, extract, Options};
///
/// let text = "The deal: $9B for 1.3 GW.\n\nCoreWeave pays $9 billion for 1.3 GW of power.";
/// let (found, relations) = (extract(text, &Options::default()), compare::check(text, &Options::default()));
/// let mut page = String::new();
/// let mut report = Report::new();
/// report.head(&mut page, "One article")?;
/// report.document(&mut page, &Document { name: "a.txt", text, found: &found, relations: &relations, note: None })?;
/// report.tail(&mut page)?;
/// assert_eq!(page.matches("<mark ").count(), 4);
/// assert!(page.contains(r#"<tr class="rel" tabindex="0" data-relation="price_per_capacity" data-consistent="null""#));
/// # Ok::<(), std::fmt::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Report {
    precision: Option<u32>,
    names: Vec<String>,
    /// (document, start, end) of every figure written, and its text as
    /// shown (for HTML, with its markup: the table across documents gets
    /// the texts of the masked documents).
    ids: HashMap<(usize, usize, usize), String>,
    figures: usize,
    relations: usize,
    inconsistent: usize,
}

impl Report {
    /// A new report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Shows computed values with `digits` significant digits (default
    /// [`compare::DEFAULT_PRECISION`]); data attributes stay exact.
    pub fn with_precision(mut self, digits: u32) -> Report {
        self.precision = Some(digits.clamp(1, 28));
        self
    }

    fn digits(&self) -> u32 {
        self.precision.unwrap_or(compare::DEFAULT_PRECISION)
    }

    /// Writes the start of the page: its head (style, policy), title and
    /// legend.
    pub fn head<W: Write>(&mut self, out: &mut W, title: &str) -> fmt::Result {
        out.write_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")?;
        out.write_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        )?;
        writeln!(
            out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'; base-uri 'none'; \
             form-action 'none'\">"
        )?;
        writeln!(
            out,
            "<meta name=\"generator\" content=\"chiffre {}\">",
            env!("CARGO_PKG_VERSION")
        )?;
        out.write_str("<title>")?;
        write_plain(out, title)?;
        out.write_str("</title>\n<style>\n")?;
        out.write_str(STYLE)?;
        out.write_str("</style>\n</head>\n<body>\n<header>\n<h1>")?;
        write_text(out, title)?;
        writeln!(
            out,
            "</h1>\n<p class=\"generated\">Made by chiffre {}. Hover over a figure, or tab \
             to it, for its exact value; click a check to outline its figures.</p>",
            env!("CARGO_PKG_VERSION")
        )?;
        out.write_str("<ul class=\"legend\" aria-label=\"kinds of figures\">\n")?;
        for k in Kind::ALL {
            writeln!(
                out,
                "<li><span class=\"swatch k-{0}\"></span>{0}</li>",
                k.name()
            )?;
        }
        out.write_str(
            "<li><span class=\"fig bad\">$1</span> inconsistent</li>\n</ul>\n\
             <noscript><p class=\"note\">JavaScript is off: the figures' details are in \
             their data attributes.</p></noscript>\n</header>\n<main>\n",
        )
    }

    /// Writes one document: its text with the figures highlighted, and its
    /// checks beside it. Documents are numbered in the order written (the
    /// order of the documents given to [`reconcile`](crate::compare::reconcile)).
    pub fn document<W: Write>(&mut self, out: &mut W, doc: &Document<'_>) -> fmt::Result {
        let d = self.names.len();
        self.names.push(doc.name.to_string());
        // The figures of inconsistent relations are marked in the text.
        let bad: HashSet<(usize, usize)> = doc
            .relations
            .iter()
            .filter(|r| r.consistent == Some(false))
            .flat_map(|r| r.figures.iter().map(|p| (p.start, p.end)))
            .collect();
        let inconsistent = doc
            .relations
            .iter()
            .filter(|r| r.consistent == Some(false))
            .count();
        // Figures in order, inside the text, on character boundaries, not
        // overlapping: anything else is not highlighted (never a panic).
        let mut marks: Vec<&Found> = Vec::new();
        let mut unplaced = 0usize;
        let mut at = 0;
        for f in doc.found {
            let placed = f.start >= at && f.start < f.end && doc.text.get(f.start..f.end).is_some();
            if !placed {
                unplaced += 1;
            } else if marks.len() < FIGURE_LIMIT {
                marks.push(f);
                at = f.end;
            }
        }
        let over = doc.found.len() - unplaced - marks.len();
        self.figures += marks.len();
        self.relations += doc.relations.len();
        self.inconsistent += inconsistent;

        write!(
            out,
            "<section class=\"doc\" id=\"doc{d}\" aria-labelledby=\"doc{d}-h\">\n<h2 id=\"doc{d}-h\">"
        )?;
        write_text(out, doc.name)?;
        writeln!(
            out,
            "</h2>\n<p class=\"meta\">{} figures · {} checks{}</p>",
            marks.len(),
            doc.relations.len(),
            if inconsistent > 0 {
                format!(" · <strong>{inconsistent} inconsistent</strong>")
            } else {
                String::new()
            }
        )?;
        if let Some(note) = doc.note {
            out.write_str("<p class=\"note\">")?;
            write_text(out, note)?;
            out.write_str("</p>\n")?;
        }
        if over > 0 {
            writeln!(
                out,
                "<p class=\"note\">Only the first {FIGURE_LIMIT} figures are highlighted; \
                 {over} more are shown as plain text.</p>"
            )?;
        }
        if unplaced > 0 {
            writeln!(
                out,
                "<p class=\"note\">{unplaced} figures lie outside the text shown and are not \
                 highlighted.</p>"
            )?;
        }
        out.write_str("<div class=\"cols\">\n<div class=\"text\">")?;
        let mut at = 0;
        for f in marks {
            write_text(out, &doc.text[at..f.start])?;
            self.ids
                .insert((d, f.start, f.end), doc.text[f.start..f.end].to_string());
            write_figure(out, d, doc.text, f, bad.contains(&(f.start, f.end)))?;
            at = f.end;
        }
        write_text(out, &doc.text[at..])?;
        out.write_str("</div>\n")?;
        writeln!(
            out,
            "<aside class=\"checks\" aria-labelledby=\"doc{d}-checks\">\n<h3 id=\"doc{d}-checks\">Checks</h3>"
        )?;
        if doc.relations.is_empty() {
            out.write_str("<p class=\"none\">No relation between the figures was found.</p>\n")?;
        } else {
            out.write_str(
                "<div class=\"scroll\"><table>\n<thead><tr><th>relation</th><th>figures</th>\
                 <th>computed</th><th>stated</th><th>verdict</th><th>gap</th></tr></thead>\n<tbody>\n",
            )?;
            for r in doc.relations.iter().take(RELATION_LIMIT) {
                self.write_relation(out, d, doc.text, r)?;
            }
            out.write_str("</tbody></table></div>\n")?;
            if doc.relations.len() > RELATION_LIMIT {
                writeln!(
                    out,
                    "<p class=\"note\">Only the first {RELATION_LIMIT} of {} checks are listed.</p>",
                    doc.relations.len()
                )?;
            }
        }
        out.write_str("</aside>\n</div>\n</section>\n")
    }

    fn write_relation<W: Write>(
        &self,
        out: &mut W,
        d: usize,
        text: &str,
        r: &Relation,
    ) -> fmt::Result {
        let ids: Vec<String> = r
            .figures
            .iter()
            .map(|p| format!("d{d}-{}-{}", p.start, p.end))
            .collect();
        let verdict = match r.consistent {
            Some(true) => "consistent",
            Some(false) => "inconsistent",
            None => "no verdict",
        };
        write!(
            out,
            "<tr class=\"rel\" tabindex=\"0\" data-relation=\"{}\" data-consistent=\"{}\" data-figures=\"{}\"",
            attr(r.kind.name()),
            match r.consistent {
                Some(true) => "true",
                Some(false) => "false",
                None => "null",
            },
            ids.join(" ")
        )?;
        write_data(out, r, &["kind", "figures", "consistent"])?;
        out.write_str(">\n<td>")?;
        write_text(out, &relation_label(r.kind.name()))?;
        out.write_str("</td>\n<td>")?;
        for (i, p) in r.figures.iter().enumerate() {
            if i > 0 {
                out.write_str("<br>")?;
            }
            write!(out, "<span class=\"role\">{}</span> ", attr(p.role.name()))?;
            let shown = text.get(p.start..p.end).unwrap_or(&p.text);
            if self.ids.contains_key(&(d, p.start, p.end)) {
                write!(out, "<a href=\"#{}\">", ids[i])?;
                write_text(out, shown)?;
                out.write_str("</a>")?;
            } else {
                write_text(out, shown)?;
            }
        }
        out.write_str("</td>\n<td>")?;
        write_text(
            out,
            &r.computed.clone().with_precision(self.digits()).to_string(),
        )?;
        out.write_str("</td>\n<td>")?;
        match &r.stated {
            Some(s) => write_text(out, &s.format_sig(self.digits()))?,
            None => out.write_str("—")?,
        }
        write!(out, "</td>\n<td class=\"verdict\">{verdict}</td>\n<td>")?;
        if let Some(g) = r.gap {
            let pct = g * rust_decimal::Decimal::ONE_HUNDRED;
            write!(out, "{}%", pct.round_sf(2).unwrap_or(pct).normalize())?;
        }
        out.write_str("</td>\n</tr>\n")
    }

    /// Writes the table of the quantities stated across documents: one row
    /// per group, one column per document written, each cell linking to its
    /// figures. Nothing is written for fewer than two documents.
    pub fn reconcile<W: Write>(&mut self, out: &mut W, groups: &[Group]) -> fmt::Result {
        if self.names.len() < 2 {
            return Ok(());
        }
        out.write_str(
            "<section id=\"reconcile\" aria-labelledby=\"reconcile-h\">\n\
             <h2 id=\"reconcile-h\">Across documents</h2>\n<p class=\"meta\">The same quantity \
             across articles and languages: <strong>=</strong> states the reference value, \
             <strong>≠</strong> states another value, — does not state it.</p>\n",
        )?;
        if groups.is_empty() {
            return out.write_str(
                "<p class=\"none\">No quantity is stated by two documents.</p>\n</section>\n",
            );
        }
        out.write_str("<div class=\"scroll\"><table>\n<thead><tr><th>quantity</th><th>kind</th>")?;
        for (d, name) in self.names.iter().enumerate() {
            write!(out, "<th><a href=\"#doc{d}\">")?;
            write_text(out, short_name(name))?;
            out.write_str("</a></th>")?;
        }
        out.write_str("</tr></thead>\n<tbody>\n")?;
        for g in groups {
            write!(
                out,
                "<tr class=\"group\" data-consistent=\"{}\"",
                match g.consistent() {
                    Some(true) => "true",
                    Some(false) => "false",
                    None => "null",
                }
            )?;
            write_data(
                out,
                g,
                &["consistent", "figures", "agree", "differ", "lack"],
            )?;
            out.write_str(">\n<td>")?;
            let r = g.reference.clone().with_precision(self.digits());
            let quantity = match r.unit() {
                "" => r.display_value(),
                "%" => format!("{}%", r.display_value()),
                u => format!("{} {u}", r.display_value()),
            };
            write_text(out, &quantity)?;
            write!(out, "</td>\n<td>{}</td>\n", g.kind.name())?;
            for d in 0..self.names.len() {
                let status = g.status.get(d).copied().unwrap_or(Status::Lacks);
                write!(out, "<td class=\"{0}\" data-status=\"{0}\">", status.name())?;
                let sign = match status {
                    Status::Agrees => "= ",
                    Status::Differs => "≠ ",
                    Status::Lacks => "—",
                };
                out.write_str(sign)?;
                let members = g
                    .members
                    .iter()
                    .filter(|m| m.doc == d && m.agrees == (status == Status::Agrees));
                for (i, m) in members.enumerate() {
                    if i > 0 {
                        out.write_str("; ")?;
                    }
                    if let Some(shown) = self.ids.get(&(d, m.start, m.end)) {
                        write!(out, "<a href=\"#d{d}-{}-{}\">", m.start, m.end)?;
                        write_text(out, shown)?;
                        out.write_str("</a>")?;
                    } else {
                        write_text(out, &m.text)?;
                    }
                }
                out.write_str("</td>\n")?;
            }
            out.write_str("</tr>\n")?;
        }
        out.write_str("</tbody></table></div>\n</section>\n")
    }

    /// Writes a note between documents (e.g. what the table across
    /// documents leaves out).
    pub fn note<W: Write>(&mut self, out: &mut W, text: &str) -> fmt::Result {
        out.write_str("<p class=\"note\">")?;
        write_text(out, text)?;
        out.write_str("</p>\n")
    }

    /// Writes the end of the page: a summary, the tooltip and the script.
    pub fn tail<W: Write>(&mut self, out: &mut W) -> fmt::Result {
        write!(
            out,
            "</main>\n<footer><p class=\"meta\">{} documents · {} figures · {} checks · {} inconsistent</p></footer>\n\
             <div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>",
            self.names.len(),
            self.figures,
            self.relations,
            self.inconsistent
        )?;
        out.write_str(SCRIPT)?;
        out.write_str("</script>\n</body>\n</html>\n")
    }
}

/// The whole page for named texts: the figures and checks of each, and the
/// quantities that at least two of them state.
///
/// ```
/// let docs = [
///     ("en", "CoreWeave pays $9 billion for 1.3 GW."),
///     ("fr", "CoreWeave paie 9 milliards de dollars pour 1,3 GW."),
/// ];
/// let page = chiffre::report::html("CoreWeave", &docs, &chiffre::Options::default());
/// assert!(page.contains(r#"<tr class="group" data-consistent="true" data-kind="money""#));
/// assert!(page.contains(r##"<a href="#d1-15-37">9 milliards de dollars</a>"##));
/// ```
pub fn html<N: AsRef<str>, T: AsRef<str>>(title: &str, docs: &[(N, T)], opts: &Options) -> String {
    let mut page = String::new();
    let mut report = Report::new();
    // Writing into a String cannot fail.
    let _ = report.head(&mut page, title);
    for (name, text) in docs {
        let text = text.as_ref();
        let found = crate::extract(text, opts);
        let relations = compare::check(text, opts);
        let _ = report.document(
            &mut page,
            &Document {
                name: name.as_ref(),
                text,
                found: &found,
                relations: &relations,
                note: None,
            },
        );
    }
    let groups: Vec<Group> = compare::reconcile(docs, opts)
        .into_iter()
        .filter(|g| stated_by(g) >= 2)
        .collect();
    let _ = report.reconcile(&mut page, &groups);
    let _ = report.tail(&mut page);
    page
}

/// How many documents state a group's quantity (agree or differ).
pub fn stated_by(group: &Group) -> usize {
    group.status.iter().filter(|s| **s != Status::Lacks).count()
}

/// "rate × term vs total" for `rate_times_term_vs_total`; any other
/// relation by its JSON name, underscores as spaces.
fn relation_label(name: &str) -> String {
    match name {
        "rate_times_term_vs_total" => "rate × term vs total".into(),
        other => other.replace('_', " "),
    }
}

fn write_figure<W: Write>(out: &mut W, d: usize, text: &str, f: &Found, bad: bool) -> fmt::Result {
    write!(
        out,
        "<mark id=\"d{d}-{0}-{1}\" class=\"fig k-{2}{3}\" tabindex=\"0\" aria-describedby=\"tip\"",
        f.start,
        f.end,
        f.figure.kind().name(),
        if bad { " bad" } else { "" }
    )?;
    write_data(out, &f.figure, &[])?;
    write!(
        out,
        " data-start=\"{}\" data-end=\"{}\" data-interval=\"{}\"",
        f.start,
        f.end,
        attr(&f.figure.interval().to_string())
    )?;
    if bad {
        out.write_str(" data-inconsistent=\"true\"")?;
    }
    out.write_str(">")?;
    write_text(out, &text[f.start..f.end])?;
    out.write_str("</mark>")
}

/// One `data-*` attribute per non-null field of `item`'s JSON object
/// (strings as they are, other values as JSON), but the `skip` fields.
fn write_data<W: Write, T: serde::Serialize>(out: &mut W, item: &T, skip: &[&str]) -> fmt::Result {
    let Some(fields) = serde_json::to_string(item)
        .ok()
        .and_then(|json| serde_json::from_str::<Fields>(&json).ok())
    else {
        return Ok(());
    };
    for (k, v) in fields.0 {
        if skip.contains(&k.as_str()) || v.is_null() {
            continue;
        }
        let value = match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let name: String = k
            .chars()
            .map(|c| match c {
                'a'..='z' | '0'..='9' | '-' => c,
                'A'..='Z' => c.to_ascii_lowercase(),
                _ => '-',
            })
            .collect();
        write!(out, " data-{name}=\"{}\"", attr(&value))?;
    }
    Ok(())
}

/// The fields of a JSON object in their order.
struct Fields(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Fields, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Fields, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry()? {
                    out.push(entry);
                }
                Ok(Fields(out))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A file name without its folders.
fn short_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// Text escaped for an attribute value in double quotes (or text).
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = write_plain(&mut out, s);
    out
}

/// Escapes `& < > " '`; control and format characters become `\u{..}`
/// (for the title and attributes, where no markup can show them).
fn write_plain<W: Write>(out: &mut W, s: &str) -> fmt::Result {
    for c in s.chars() {
        match c {
            '&' => out.write_str("&amp;")?,
            '<' => out.write_str("&lt;")?,
            '>' => out.write_str("&gt;")?,
            '"' => out.write_str("&quot;")?,
            '\'' => out.write_str("&#39;")?,
            c if is_special(c) => write!(out, "\\u{{{:x}}}", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

/// Control, invisible format and separator characters: shown by a badge.
fn is_special(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || crate::lexicon::is_format(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Writes source text as HTML text: escaped, with every special character
/// in its own isolated badge (see the module docs).
fn write_text<W: Write>(out: &mut W, s: &str) -> fmt::Result {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let esc = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\r' => "&#13;",
            c if is_special(c) => "",
            _ => continue,
        };
        out.write_str(&s[plain..i])?;
        plain = i + c.len_utf8();
        if !esc.is_empty() {
            out.write_str(esc)?;
            continue;
        }
        write!(out, "<span class=\"cc\" data-cp=\"U+{:04X}\">", c as u32)?;
        match c {
            // The HTML parser turns NUL into U+FFFD: say so.
            '\0' => out.write_str("&#xFFFD;")?,
            // A reference to U+0080–U+009F would be read as windows-1252.
            c if c.is_control() => out.write_char(c)?,
            c => write!(out, "&#x{:X};", c as u32)?,
        }
        out.write_str("</span>")?;
    }
    out.write_str(&s[plain..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_write_text_escapes() {
        let cases = [
            ("a<b>&\"'", "a&lt;b&gt;&amp;&quot;&#39;"),
            ("x\r\ny", "x&#13;\ny"),
            (
                "\u{202E}1",
                "<span class=\"cc\" data-cp=\"U+202E\">&#x202E;</span>1",
            ),
            (
                "\0",
                "<span class=\"cc\" data-cp=\"U+0000\">&#xFFFD;</span>",
            ),
            (
                "\u{85}",
                "<span class=\"cc\" data-cp=\"U+0085\">\u{85}</span>",
            ),
            (
                "é\u{2028}",
                "é<span class=\"cc\" data-cp=\"U+2028\">&#x2028;</span>",
            ),
        ];
        for (input, want) in cases {
            let mut s = String::new();
            write_text(&mut s, input).unwrap();
            assert_eq!(s, want, "{input:?}");
        }
    }

    #[test]
    fn ok_relation_label() {
        assert_eq!(
            relation_label("rate_times_term_vs_total"),
            "rate × term vs total"
        );
        assert_eq!(relation_label("price_per_capacity"), "price per capacity");
        assert_eq!(relation_label("change"), "change");
    }
}
