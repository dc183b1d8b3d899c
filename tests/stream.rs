//! Streaming: a text read in pieces gives the same figures as the whole
//! text. The CLI cuts its input where `cut_point` says (after a paragraph
//! break); these tests cut at every offset of texts with figures.

use chiffre::{
    Extractor, Found, KindSet, LangMode, Options, cut_before, cut_point, detect_lang, extract,
};

fn articles() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut text = String::new();
    for p in names {
        text.push_str(&std::fs::read_to_string(p).unwrap());
        text.push_str("\n\n");
    }
    text
}

/// Extracts `text` in two pieces cut at `cut`, with the document language
/// fixed as the CLI fixes it (detected on the first piece of at least
/// 1 MiB, here the whole text), and shifts the offsets back.
fn in_two(text: &str, cut: usize, opts: Options) -> Vec<Found> {
    let mut ex = Extractor::new(opts);
    if opts.lang == LangMode::Auto {
        ex.set_doc_lang(detect_lang(text));
    }
    let mut out = ex.extract(&text[..cut]);
    out.extend(ex.extract(&text[cut..]).into_iter().map(|f| Found {
        start: f.start + cut,
        end: f.end + cut,
        ..f
    }));
    out
}

#[test]
fn paragraph_cuts_at_every_offset_change_nothing() {
    let text = articles();
    let opts = Options::default().kinds(KindSet::all());
    let mut whole = Extractor::new(opts);
    whole.set_doc_lang(detect_lang(&text));
    let want = whole.extract(&text);
    assert!(want.len() > 50, "{}", want.len());
    let bytes = text.as_bytes();
    let mut cuts = 0;
    for k in 0..=bytes.len() {
        // The reader's buffer ends at k: it cuts after the last paragraph
        // break before k, or keeps everything for the next piece.
        let cut = cut_point(&bytes[..k], 0).unwrap_or(0);
        if cut == 0 {
            continue;
        }
        cuts += 1;
        let got = in_two(&text, cut, opts);
        assert_eq!(got, want, "cut at {cut} (offset {k})");
    }
    assert!(cuts > 1000);
}

#[test]
fn a_figure_across_a_space_cut_is_kept_whole() {
    // One long line: no paragraph or line break, so the cut falls on a space
    // that no figure crosses.
    let line =
        "The buyer paid about $3.5 billion, or roughly 290 млн долларов a year, for 200 MW; "
            .repeat(40);
    let opts = Options::default()
        .kinds(KindSet::all())
        .lang(chiffre::Lang::En);
    let want: Vec<(usize, usize, String)> = extract(&line, &opts)
        .iter()
        .map(|f| (f.start, f.end, f.figure.to_string()))
        .collect();
    for k in 1..line.len() {
        if !line.is_char_boundary(k) {
            continue;
        }
        let cut = cut_before(line.as_bytes(), k);
        assert!(cut <= k);
        let got: Vec<(usize, usize, String)> = in_two(&line, cut, opts)
            .iter()
            .map(|f| (f.start, f.end, f.figure.to_string()))
            .collect();
        assert_eq!(got, want, "cut at {cut} (offset {k})");
    }
}
