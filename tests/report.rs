//! The HTML report (`chiffre report`, `chiffre::report`): hostile text is
//! escaped and cannot reorder the page, every figure of `chiffre figures`
//! is there once with its data attributes, the check rows are those of
//! `chiffre check`, the table across documents links to figures, and bad
//! input is reported, never a panic. (The rendered page is tested in a
//! real browser by `tests/browser.rs`.)

mod common;

use common::chiffre;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use chiffre::report::{Document, FIGURE_LIMIT, Report};
use chiffre::{Options, extract};
use sha2::Digest;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chiffre-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

// ---------------------------------------------------------------------
// A small reader of the page's own markup (its shape is ours: attribute
// values in double quotes, no raw `<` or `>` in text or values).

/// One element: its attributes and its inner HTML.
#[derive(Debug)]
struct El {
    attrs: BTreeMap<String, String>,
    inner: String,
}

impl El {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
    /// The element's text: tags dropped, references decoded.
    fn text(&self) -> String {
        text_of(&self.inner)
    }
}

/// Every `<tag ...>...</tag>` in `html` (not nested in itself).
fn elements(html: &str, tag: &str) -> Vec<El> {
    let (open, close) = (format!("<{tag} "), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        let gt = rest.find('>').expect("a tag ends");
        let attrs = attributes(&rest[..gt]);
        rest = &rest[gt + 1..];
        let end = rest.find(&close).expect("an element is closed");
        out.push(El {
            attrs,
            inner: rest[..end].to_string(),
        });
        rest = &rest[end + close.len()..];
    }
    out
}

fn attributes(s: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let eq = rest.find("=\"").expect("name=\"value\"");
        let name = rest[..eq].trim().to_string();
        let after = &rest[eq + 2..];
        let end = after.find('"').expect("a value ends");
        let value = &after[..end];
        assert!(
            !value.contains(['<', '>', '\'']),
            "raw markup in an attribute value: {value}"
        );
        assert!(
            out.insert(name.clone(), unescape(value)).is_none(),
            "attribute {name} twice"
        );
        rest = after[end + 1..].trim_start();
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let semi = rest[i..].find(';').expect("a reference ends") + i;
        let name = &rest[i + 1..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            n if n.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&n[2..], 16).unwrap()).unwrap()
            }
            n if n.starts_with('#') => char::from_u32(n[1..].parse().unwrap()).unwrap(),
            n => panic!("unknown reference &{n};"),
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

fn text_of(html: &str) -> String {
    let mut plain = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        plain.push_str(&rest[..i]);
        let gt = rest[i..].find('>').expect("a tag ends") + i;
        rest = &rest[gt + 1..];
    }
    plain.push_str(rest);
    unescape(&plain)
}

/// The document sections of a page, in order.
fn sections(page: &str) -> Vec<&str> {
    page.split("<section class=\"doc\"").skip(1).collect()
}

/// The shown text of a document section.
fn shown_text(section: &str) -> String {
    let start = section.find("<div class=\"text\">").expect("a text") + 18;
    let end = section[start..].find("</div>").expect("the text ends") + start;
    text_of(&section[start..end])
}

// ---------------------------------------------------------------------

/// Hostile texts: what they must show, and how many figures they hold.
const HOSTILE: &[(&str, &str, usize)] = &[
    (
        "script",
        "<script>alert(1)</script> It costs $5 million.<script src=\"x.js\"></script>",
        1,
    ),
    (
        "closing mark",
        "</mark><mark onfocus=\"alert(1)\" tabindex=0>$9 billion</mark></div></section><!--",
        1,
    ),
    (
        "quotes",
        "He said \"it's $3.5 billion\" & 'more' &amp; &lt;b&gt; 'x'=\"y\" >",
        1,
    ),
    (
        "attribute breakout",
        "\" onmouseover=\"alert(1)\" x=' $7 billion ' data-kind=\"percent\"",
        1,
    ),
    (
        "rtl override",
        "Price \u{202E}$5 million\u{202C} and 200 MW, \u{2067}9 milliards de dollars\u{2069}.",
        2,
    ),
    (
        "rtl marks",
        "\u{200F}$7 billion\u{200E} for \u{061C}1.3 GW",
        2,
    ),
    (
        "zero width in a figure",
        "It pays $\u{200B}5 million for 200\u{00A0}MW.",
        2,
    ),
    (
        "controls",
        "a\0b \u{1b}[31m $4 million \u{85}\u{7f} 20% \u{c}\u{2028}\u{2029}\u{feff}",
        3,
    ),
    ("crlf", "Line one $1 million\r\n\r\nLine two 20%\r\n\r", 2),
    (
        "markup",
        "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">$2 billion</a><style>*{}</style>",
        1,
    ),
];

#[test]
fn hostile_text_is_shown_as_text() {
    for &(case, text, figures) in HOSTILE {
        let page = chiffre::report::html("t", &[("doc.txt", text)], &Options::default());
        // Only the page's own script and style.
        assert_eq!(page.matches("<script").count(), 1, "{case}");
        assert_eq!(page.matches("</script>").count(), 1, "{case}");
        assert_eq!(page.matches("<style").count(), 1, "{case}");
        assert!(
            !page.contains("<img") && !page.contains("<a href=\"javascript"),
            "{case}"
        );
        // The text shown is the source (a NUL as U+FFFD, as browsers read it).
        let docs = sections(&page);
        assert_eq!(docs.len(), 1, "{case}");
        assert_eq!(
            shown_text(docs[0]),
            text.replace('\0', "\u{FFFD}"),
            "{case}"
        );
        // Each figure once, its text exactly the figure's.
        let found = extract(text, &Options::default());
        assert_eq!(found.len(), figures, "{case}: {found:?}");
        let marks = elements(docs[0], "mark");
        assert_eq!(marks.len(), figures, "{case}");
        for (m, f) in marks.iter().zip(&found) {
            assert_eq!(m.text(), f.text(text), "{case}");
            assert_eq!(m.get("data-kind"), Some(f.figure.kind().name()), "{case}");
        }
        // No raw bidirectional or invisible character anywhere in the page;
        // a raw control character only inside its badge.
        for (i, c) in page.char_indices() {
            let invisible = matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}');
            assert!(!invisible, "{case}: raw U+{:04X} at {i}", c as u32);
            if c.is_control() && !matches!(c, '\n' | '\t') {
                let badge = format!("<span class=\"cc\" data-cp=\"U+{:04X}\">", c as u32);
                assert!(
                    page[..i].ends_with(&badge),
                    "{case}: raw U+{:04X} at {i}",
                    c as u32
                );
            }
        }
    }
}

#[test]
fn hostile_names_and_titles_are_escaped() {
    let name = "<b>\"x'</b>\u{202E}txt.evil";
    let title = "</title><script>alert(1)</script>\u{202E}";
    let page = chiffre::report::html(
        title,
        &[(name, "$5 million"), ("b", "$5 million")],
        &Options::default(),
    );
    assert_eq!(page.matches("<script").count(), 1);
    assert!(
        page.contains(
            "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\u{202e}</title>"
        )
    );
    assert!(page.contains(
        "<h2 id=\"doc0-h\">&lt;b&gt;&quot;x&#39;&lt;/b&gt;<span class=\"cc\" data-cp=\"U+202E\">&#x202E;</span>txt.evil</h2>"
    ));
    // The column of the table across documents is named by the file name.
    assert!(page.contains("<th><a href=\"#doc0\">b&gt;<span class=\"cc\""));
}

#[test]
fn csp_lets_only_the_page_script_run() {
    let page = chiffre::report::html("t", &[("a", "$1")], &Options::default());
    let start = page.find("<script>").unwrap() + 8;
    let end = page.find("</script>").unwrap();
    let hash = sha2::Sha256::digest(&page.as_bytes()[start..end]);
    let b64 = base64::engine::general_purpose::STANDARD.encode(hash);
    let csp = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src \
         'unsafe-inline'; script-src 'sha256-{b64}'; base-uri 'none'; form-action 'none'\">"
    );
    assert!(
        page.contains(&csp),
        "the script changed: set SCRIPT_SHA256 in src/report/mod.rs to {b64}"
    );
    // Nothing is loaded from anywhere.
    for needle in ["http://", "https://", "src=", "url(", "@import", "<link"] {
        assert!(!page.contains(needle), "{needle}");
    }
}

/// Pieces of hostile text and of figures, joined at random by the property
/// test below.
const PIECES: &[&str] = &[
    "$5 million",
    " 200 MW",
    "9 milliards de dollars",
    " около 290 млн долларов в год",
    "20%",
    " ",
    "\n\n",
    "\r\n",
    "\t",
    "<",
    ">",
    "&",
    "&amp;",
    "\"",
    "'",
    "</mark>",
    "<script>",
    "</div>",
    "<!--",
    "\u{202E}",
    "\u{2066}",
    "\u{200B}",
    "\u{200F}",
    "\u{AD}",
    "\0",
    "\u{1b}",
    "\u{85}",
    "\u{FEFF}",
    "\u{FFFD}",
    "\u{2028}",
    "é",
    "中",
    "𝟗",
    "1",
    ",",
    ".",
    "-",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// Whatever the text, the page shows it exactly, each figure once with
    /// its exact text, and one script.
    #[test]
    fn any_text_is_shown_exactly(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let page = chiffre::report::html("t", &[("doc", &text)], &Options::default());
        proptest::prop_assert_eq!(page.matches("<script").count(), 1);
        let section = sections(&page)[0];
        proptest::prop_assert_eq!(shown_text(section), text.replace('\0', "\u{FFFD}"));
        let found = extract(&text, &Options::default());
        let marks = elements(section, "mark");
        proptest::prop_assert_eq!(marks.len(), found.len());
        for (m, f) in marks.iter().zip(&found) {
            // A NUL can be inside a figure's span ("<\0$5 million": a
            // qualifier, then the number); browsers show it as U+FFFD.
            proptest::prop_assert_eq!(m.text(), f.text(&text).replace('\0', "\u{FFFD}"));
        }
    }
}

/// Spans that cannot be placed are not highlighted, and said so; figures
/// past the limit are shown as text.
#[test]
fn bad_spans_and_too_many_figures_never_panic() {
    let text = "é $5 million and $7 million";
    let good = extract(text, &Options::default());
    assert_eq!(good.len(), 2);
    let shifted = |start: usize, end: usize| {
        let mut f = good[0].clone();
        f.start = start;
        f.end = end;
        f
    };
    let cases: Vec<(&str, Vec<chiffre::Found>, usize, &str)> = vec![
        (
            "out of the text",
            vec![shifted(20, 99)],
            0,
            "1 figures lie outside",
        ),
        (
            "inside a character",
            vec![shifted(1, 5)],
            0,
            "1 figures lie outside",
        ),
        ("empty", vec![shifted(3, 3)], 0, "1 figures lie outside"),
        (
            "overlapping",
            vec![good[0].clone(), shifted(4, 8)],
            1,
            "1 figures lie outside",
        ),
        (
            "out of order",
            vec![good[1].clone(), good[0].clone()],
            1,
            "1 figures lie outside",
        ),
        ("fine", good.clone(), 2, "2 figures · 0 checks"),
    ];
    for (case, found, marks, note) in cases {
        let mut page = String::new();
        let mut r = Report::new();
        r.head(&mut page, "t").unwrap();
        let doc = Document {
            name: "a",
            text,
            found: &found,
            relations: &[],
            note: None,
        };
        r.document(&mut page, &doc).unwrap();
        r.tail(&mut page).unwrap();
        assert_eq!(elements(&page, "mark").len(), marks, "{case}");
        assert!(page.contains(note), "{case}");
        assert_eq!(shown_text(sections(&page)[0]), text, "{case}");
    }
    // Figure-dense text: the first FIGURE_LIMIT figures are highlighted.
    let dense = "$1 ".repeat(FIGURE_LIMIT + 500);
    let page = chiffre::report::html("t", &[("dense", &dense)], &Options::default());
    assert_eq!(page.matches("<mark ").count(), FIGURE_LIMIT);
    assert!(page.contains("Only the first 10000 figures are highlighted; 500 more"));
    assert_eq!(shown_text(sections(&page)[0]), dense);
}

// ---------------------------------------------------------------------
// The page against the other verbs on the same input.

/// Inputs of every kind: the bundled articles, HTML, invalid UTF-8, bidi
/// controls and CRLF. Returns the paths, and whether input is skipped.
fn inputs(name: &str) -> Vec<String> {
    let dir = scratch(name);
    std::fs::write(
        dir.join("a.html"),
        "<html><head><script>var x = \"$5 million\";</script><style>p{}</style></head>\
         <body><p title=\"$7 million\">CoreWeave pays <b>$9 billion</b> for 1.3&nbsp;GW.</p>\
         <!-- $3 million --><p>Rund <b>3,5&nbsp;Mrd. Euro</b> über zwölf Jahre.</p></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), b"Costs $4 million.\xff\xfe then 20% \n").unwrap();
    std::fs::write(
        dir.join("c.txt"),
        "Deal \u{202E}worth $5 million\u{202C}.\r\n\r\n$\u{200B}5 million and 200 MW.\r\n",
    )
    .unwrap();
    let mut paths: Vec<String> = ["examples/articles"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    paths.push(dir.to_string_lossy().into_owned());
    paths
}

fn report_of(name: &str, paths: &[String]) -> (String, Output) {
    let out = scratch(name).join("report.html");
    let mut args = vec!["report", "-o", out.to_str().unwrap()];
    args.extend(paths.iter().map(String::as_str));
    let o = chiffre(&args, b"");
    (std::fs::read_to_string(&out).unwrap(), o)
}

/// The documents of a page by name, with their sections.
fn docs_by_name(page: &str) -> HashMap<String, (usize, &str)> {
    sections(page)
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let h = elements(s, "h2").remove(0).text();
            (h, (i, s))
        })
        .collect()
}

#[test]
fn every_figure_appears_once_with_its_attributes() {
    let paths = inputs("figures-in");
    let (page, o) = report_of("figures-page", &paths);
    assert_eq!(
        o.status.code(),
        Some(2),
        "invalid UTF-8 is skipped: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("b.txt: byte 17: invalid UTF-8 (2 bytes), skipped"));
    let mut args = vec!["figures", "--format", "jsonl"];
    args.extend(paths.iter().map(String::as_str));
    let f = chiffre(&args, b"");
    assert_eq!(f.status.code(), Some(2));
    let rows = jsonl(&f);
    let docs = docs_by_name(&page);
    assert_eq!(docs.len(), 9);
    let mut marks: HashMap<String, El> = HashMap::new();
    for (_, s) in docs.values() {
        for m in elements(s, "mark") {
            let id = m.get("id").unwrap().to_string();
            assert!(marks.insert(id.clone(), m).is_none(), "{id} twice");
        }
    }
    assert_eq!(marks.len(), rows.len());
    let fields = [
        "kind",
        "value",
        "min",
        "max",
        "currency",
        "unit",
        "qualifier",
        "period",
        "lang",
        "scale",
        "polarity",
        "resolution",
        "alternatives",
        "inferred",
    ];
    for row in &rows {
        let source = row["source"].as_str().unwrap();
        let (d, _) = docs[source];
        let (start, end) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        let m = &marks[&format!("d{d}-{start}-{end}")];
        assert_eq!(m.text(), row["text"].as_str().unwrap(), "{row}");
        assert_eq!(m.get("data-start"), Some(start.to_string().as_str()));
        assert_eq!(m.get("data-end"), Some(end.to_string().as_str()));
        assert_eq!(m.get("tabindex"), Some("0"));
        assert!(m.get("data-interval").is_some());
        for k in fields {
            let want = match &row[k] {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some(s.clone()),
                other => Some(other.to_string()),
            };
            assert_eq!(
                m.get(&format!("data-{k}")).map(String::from),
                want,
                "{k} of {row}"
            );
        }
        assert!(
            m.get("data-value").is_some()
                || m.get("data-min").is_some() && m.get("data-max").is_some()
        );
    }
    // The source is shown whole: markup as text, CRLF and bidi controls kept.
    let (_, html) = docs.iter().find(|(n, _)| n.ends_with("a.html")).unwrap().1;
    assert!(shown_text(html).starts_with("<html><head><script>var x = \"$5 million\";</script>"));
    let (_, c) = docs.iter().find(|(n, _)| n.ends_with("c.txt")).unwrap().1;
    assert_eq!(
        shown_text(c),
        "Deal \u{202E}worth $5 million\u{202C}.\r\n\r\n$\u{200B}5 million and 200 MW.\r\n"
    );
    let (_, b) = docs.iter().find(|(n, _)| n.ends_with("b.txt")).unwrap().1;
    assert!(b.contains("<span class=\"cc\" data-cp=\"U+0000\">&#xFFFD;</span><span class=\"cc\" data-cp=\"U+0000\">&#xFFFD;</span>"));
}

#[test]
fn check_rows_match_check() {
    let paths = inputs("check-in");
    let (page, _) = report_of("check-page", &paths);
    let mut args = vec!["check", "--format", "jsonl"];
    args.extend(paths.iter().map(String::as_str));
    let c = chiffre(&args, b"");
    assert_eq!(c.status.code(), Some(2), "{}", stderr(&c));
    let relations = jsonl(&c);
    assert!(relations.len() >= 20, "{}", relations.len());
    assert!(relations.iter().any(|r| r["consistent"] == false));
    let docs = docs_by_name(&page);
    let mut by_doc: HashMap<&str, Vec<&serde_json::Value>> = HashMap::new();
    for r in &relations {
        by_doc
            .entry(r["source"].as_str().unwrap())
            .or_default()
            .push(r);
    }
    for (name, (d, section)) in &docs {
        let rows = elements(section, "tr")
            .into_iter()
            .filter(|r| r.get("class") == Some("rel"))
            .collect::<Vec<_>>();
        let want = by_doc.remove(name.as_str()).unwrap_or_default();
        assert_eq!(rows.len(), want.len(), "{name}");
        for (row, r) in rows.iter().zip(want) {
            assert_eq!(row.get("data-relation"), r["kind"].as_str(), "{name}");
            assert_eq!(
                row.get("data-consistent").unwrap(),
                r["consistent"].to_string()
            );
            let ids: Vec<String> = r["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| format!("d{d}-{}-{}", p["start"], p["end"]))
                .collect();
            assert_eq!(row.get("data-figures").unwrap(), ids.join(" "));
            for id in &ids {
                assert!(row.inner.contains(&format!("<a href=\"#{id}\">")), "{id}");
                assert!(section.contains(&format!("<mark id=\"{id}\"")), "{id}");
            }
            for k in [
                "value",
                "min",
                "max",
                "currency",
                "unit",
                "stated_min",
                "stated_max",
                "gap",
            ] {
                let want = r[k].as_str().map(String::from);
                assert_eq!(
                    row.get(&format!("data-{}", k.replace('_', "-")))
                        .map(String::from),
                    want,
                    "{k}"
                );
            }
            let verdict = match r["consistent"].as_bool() {
                Some(true) => "consistent",
                Some(false) => "inconsistent",
                None => "no verdict",
            };
            assert!(
                row.inner
                    .contains(&format!("<td class=\"verdict\">{verdict}</td>"))
            );
            // The figures of an inconsistent relation are marked in the text.
            if r["consistent"] == false {
                for id in &ids {
                    let m = elements(section, "mark")
                        .into_iter()
                        .find(|m| m.get("id") == Some(id))
                        .unwrap();
                    assert_eq!(m.get("data-inconsistent"), Some("true"));
                    assert!(m.get("class").unwrap().ends_with(" bad"));
                }
            }
        }
    }
    assert!(by_doc.is_empty(), "relations of no document: {by_doc:?}");
}

#[test]
fn reconcile_table_links_to_figures() {
    let paths: Vec<String> = [
        "examples/articles/de-rechenzentren.txt",
        "examples/articles/en-coreweave-deal.txt",
        "examples/articles/fr-mineurs-ia.txt",
        "examples/articles/ru-majnery-ii.txt",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let (page, o) = report_of("reconcile-page", &paths);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut args = vec!["reconcile", "--format", "jsonl", "--min-docs", "2"];
    args.extend(paths.iter().map(String::as_str));
    let groups = jsonl(&chiffre(&args, b""));
    let table = &page[page
        .find("<section id=\"reconcile\"")
        .expect("a table across documents")..];
    let rows: Vec<El> = elements(table, "tr")
        .into_iter()
        .filter(|r| r.get("class") == Some("group"))
        .collect();
    assert_eq!(rows.len(), groups.len());
    assert_eq!(rows.len(), 14);
    for (row, g) in rows.iter().zip(&groups) {
        assert_eq!(row.get("data-kind"), g["kind"].as_str());
        assert_eq!(row.get("data-value"), g["value"].as_str());
        assert_eq!(
            row.get("data-consistent").unwrap(),
            g["consistent"].to_string()
        );
        for m in g["figures"].as_array().unwrap() {
            let d = paths
                .iter()
                .position(|p| p == m["doc"].as_str().unwrap())
                .unwrap();
            let id = format!("d{d}-{}-{}", m["start"], m["end"]);
            assert!(
                row.inner.contains(&format!("<a href=\"#{id}\">")),
                "{id} in {}",
                row.inner
            );
            assert!(page.contains(&format!("<mark id=\"{id}\"")), "{id}");
        }
    }
    // One column per document, named by its file.
    assert!(table.contains("<th><a href=\"#doc3\">ru-majnery-ii.txt</a></th>"));

    // A figure of an HTML document is shown as written, markup included.
    let dir = scratch("reconcile-html");
    std::fs::write(
        dir.join("a.html"),
        "<p>Core zahlt rund <b>3,5&nbsp;Mrd. Euro</b>.</p>",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "Core zahlt rund 3,5 Mrd. Euro.").unwrap();
    let (page, o) = report_of("reconcile-html-page", &[dir.to_string_lossy().into_owned()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = &page[page.find("<section id=\"reconcile\"").unwrap()..];
    assert!(
        table.contains("= <a href=\"#d0-14-40\">rund &lt;b&gt;3,5&amp;nbsp;Mrd. Euro</a>"),
        "{table}"
    );
    assert!(
        table.contains("= <a href=\"#d1-11-29\">rund 3,5 Mrd. Euro</a>"),
        "{table}"
    );
}

// ---------------------------------------------------------------------
// The command line: inputs, limits, exit codes.

#[test]
fn reads_stdin_and_writes_stdout() {
    let o = chiffre(
        &["report"],
        "CoreWeave paie 9 milliards de dollars pour 1,3 GW.".as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = String::from_utf8(o.stdout).unwrap();
    let marks = elements(&page, "mark");
    assert_eq!(marks.len(), 2);
    assert_eq!(marks[0].get("id"), Some("d0-15-37"));
    assert!(page.contains("<h2 id=\"doc0-h\">-</h2>"));
    // One document: no table across documents.
    assert!(!page.contains("id=\"reconcile\""));
}

/// (files written, extra arguments, exit code, what stderr says, what the
/// page holds).
type Case = (
    &'static str,
    Vec<(&'static str, Vec<u8>)>,
    i32,
    &'static str,
    &'static str,
);

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let big = "Le contrat vaut 9 milliards de dollars.\n\n".repeat(40_000);
    let cases: Vec<Case> = vec![
        (
            "fine",
            vec![("a.txt", b"$5 million".to_vec())],
            0,
            "",
            "1 documents · 1 figures",
        ),
        (
            "binary",
            vec![
                ("a.txt", b"\0\x01$5 million".to_vec()),
                ("b.txt", b"$7 million".to_vec()),
            ],
            2,
            "a.txt: byte 0: a NUL byte: a binary file, skipped",
            "1 documents · 1 figures",
        ),
        (
            "invalid UTF-8",
            vec![("a.txt", b"$5 million \xC3( 20%".to_vec())],
            2,
            "a.txt: byte 11: invalid UTF-8, skipped",
            "<span class=\"cc\" data-cp=\"U+0000\">&#xFFFD;</span>(",
        ),
        (
            "too large",
            vec![("big.txt", big.clone().into_bytes())],
            2,
            "big.txt: larger than the 1024 KiB a report shows: only its first",
            "This document is larger than the 1024 KiB a report shows",
        ),
        (
            "UTF-16",
            vec![("a.txt", {
                let mut b = vec![0xFF, 0xFE];
                b.extend(
                    "It costs $5 million."
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                );
                b
            })],
            0,
            "",
            ">$5 million</mark>",
        ),
    ];
    for (case, files, code, err, holds) in cases {
        let dir = scratch(&format!("bad-{}", case.replace(' ', "-")));
        let mut args: Vec<String> = vec!["report".into(), "-o".into()];
        args.push(dir.join("out.html").to_string_lossy().into_owned());
        for (name, bytes) in &files {
            std::fs::write(dir.join(name), bytes).unwrap();
            args.push(dir.join(name).to_string_lossy().into_owned());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = chiffre(&args, b"");
        assert_eq!(o.status.code(), Some(code), "{case}: {}", stderr(&o));
        assert!(stderr(&o).contains(err), "{case}: {}", stderr(&o));
        let page = std::fs::read_to_string(dir.join("out.html")).unwrap();
        assert!(page.contains(holds), "{case}");
        assert!(page.ends_with("</html>\n"), "{case}");
        if case == "too large" {
            let shown = shown_text(sections(&page)[0]);
            assert!(
                shown.len() >= 1 << 20 && shown.len() < (1 << 20) + (70 << 10),
                "{}",
                shown.len()
            );
            assert!(big.starts_with(&shown));
            assert!(page.len() < 8 << 20, "{}", page.len());
        }
    }
    // A report written into the folder it reads is not one of its inputs.
    let dir = scratch("own");
    std::fs::write(dir.join("a.txt"), "$5 million").unwrap();
    std::fs::write(
        dir.join("report.html"),
        "<p>$7 million from an old report</p>",
    )
    .unwrap();
    let out = dir.join("report.html");
    let o = chiffre(
        &["report", dir.to_str().unwrap(), "-o", out.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("report.html: the report itself, not read"));
    let page = std::fs::read_to_string(&out).unwrap();
    assert_eq!(sections(&page).len(), 1);
    // A report that cannot be written is a fatal error.
    let o = chiffre(
        &[
            "report",
            "-o",
            "/nonexistent/dir/r.html",
            "examples/articles/check",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/dir/r.html"),
        "{}",
        stderr(&o)
    );
    assert!(Path::new("examples/articles").exists());
}
