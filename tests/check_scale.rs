//! `check` at scale: the work it does grows linearly with the text (asserted
//! on the candidate pairs it examines and the words it reads, not on time),
//! and its indexes give the relations that comparing all pairs gave.

use chiffre::Options;
use chiffre::compare::{Relation, RelationKind, Status, check, check_with_stats, reconcile};

const ARTICLE: &str = include_str!("../examples/articles/en-coreweave-deal.txt");

/// The `k`-th figure-dense sentence: a term, a rate and its total, a price
/// and a capacity, a restatement of the price (same sort, shared words),
/// counts and powers; values vary with `k`. `end` closes the sentence.
fn sentence(k: usize, end: &str) -> String {
    let v = 100 + k % 97;
    let y = 5 + k % 10;
    let p = 2 + k % 7;
    match k % 5 {
        0 => format!("Northwind signed a {y}-year hosting deal with Ridgeline in Texas{end}"),
        1 => format!(
            "The Texas hosting deal brings about ${v} million a year, or about ${p} billion in total{end}"
        ),
        2 => {
            format!("Ridgeline sold its Texas grid capacity for ${p}.{v} billion and {y}00 MW{end}")
        }
        3 => format!(
            "Analysts said the Ridgeline Texas grid capacity sale at ${p}.{v} billion was cheap{end}"
        ),
        _ => format!("The first phase covers {v} MW, {y} GW in all, and {v}0 employees{end}"),
    }
}

/// `n` sentences, five to a paragraph, under a headline.
fn dense(n: usize) -> String {
    let mut t = String::from("Northwind buys Ridgeline for $9 billion to secure 1.3 GW\n\n");
    for k in 0..n {
        t.push_str(&sentence(k, ". "));
        if k % 5 == 4 {
            t.push_str("\n\n");
        }
    }
    t
}

/// `n` sentences in one paragraph.
fn one_paragraph(n: usize) -> String {
    (0..n).map(|k| sentence(k, ". ")).collect()
}

/// `n` clauses in one sentence.
fn one_sentence(n: usize) -> String {
    (0..n).map(|k| sentence(k, ", and ")).collect()
}

/// `n` short lines without a full stop (all headline), then `n` sentences.
fn long_headline(n: usize) -> String {
    let mut t: String = (0..n).map(|k| sentence(k, "\n")).collect();
    t.push('\n');
    t.push_str(&one_paragraph(n));
    t
}

/// The pairs examined, for documents of 1,000, 10,000 and 100,000 sentences,
/// stay under a constant per sentence, and grow tenfold at most (with a
/// little slack) when the text does; so do the words read.
fn assert_linear(name: &str, make: fn(usize) -> String, sizes: &[usize]) {
    // A sentence has at most 3 figures; a figure is tried against at most
    // 64 + 64 earlier ones for a restatement, a few for a rate or a term.
    const PAIRS_PER_SENTENCE: u64 = 3 * 140;
    let mut last: Option<(usize, u64)> = None;
    for &n in sizes {
        let text = make(n);
        let (rel, stats) = check_with_stats(&text, &Options::default());
        assert!(stats.figures >= n as u64, "{name} {n}: {stats:?}");
        assert!(!rel.is_empty(), "{name} {n}: no relation");
        assert!(
            stats.pairs <= PAIRS_PER_SENTENCE * n as u64,
            "{name} {n}: {} pairs for {n} sentences",
            stats.pairs
        );
        // Each sentence is read at most once for the cues and once for the
        // contexts.
        let words = text.split(|c: char| !c.is_alphanumeric()).count() as u64;
        assert!(
            stats.words <= 2 * words,
            "{name} {n}: {} words read, {words} in the text",
            stats.words
        );
        if let Some((m, pairs)) = last {
            // pairs(n) / pairs(m) <= 1.2 · n / m
            assert!(
                stats.pairs * 10 * m as u64 <= pairs.max(1) * 12 * n as u64,
                "{name}: pairs grew from {pairs} to {} between {m} and {n} sentences",
                stats.pairs
            );
        }
        last = Some((n, stats.pairs));
    }
}

#[test]
fn ok_check_pairs_grow_linearly_on_dense_text() {
    assert_linear("dense", dense, &[1_000, 10_000, 100_000]);
}

#[test]
fn ok_check_pairs_grow_linearly_in_one_paragraph() {
    assert_linear("one paragraph", one_paragraph, &[1_000, 10_000, 100_000]);
}

#[test]
fn ok_check_pairs_grow_linearly_in_one_sentence() {
    assert_linear("one sentence", one_sentence, &[1_000, 10_000, 100_000]);
}

#[test]
fn ok_check_pairs_grow_linearly_under_a_long_headline() {
    assert_linear("long headline", long_headline, &[1_000, 10_000, 50_000]);
}

#[test]
fn ok_check_dense_text_has_every_relation() {
    let rel = check(&dense(50), &Options::default());
    for kind in [
        RelationKind::RateTimesTermVsTotal,
        RelationKind::PricePerCapacity,
        RelationKind::Restated,
    ] {
        assert!(rel.iter().any(|r| r.kind == kind), "{kind:?} missing");
    }
}

/// FNV-1a, 64 bits.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn spans(r: &Relation) -> Vec<(usize, usize, &str)> {
    r.figures
        .iter()
        .map(|p| (p.start, p.end, p.text.as_str()))
        .collect()
}

/// 4 MB of the English article repeated (1,773 copies, a blank line apart):
/// the relations are those that comparing all pairs found, before the
/// indexes (the figures below were taken from that version's output).
#[test]
fn ok_check_4mb_gives_the_relations_of_all_pairs() {
    let copy = format!("{}\n\n", ARTICLE.trim_end_matches('\n'));
    let text = copy.repeat(1_773);
    assert!(text.len() > 4_000_000);
    let rel = check(&text, &Options::default());
    assert_eq!(rel.len(), 24_812);
    let count = |k| rel.iter().filter(|r| r.kind == k).count();
    assert_eq!(count(RelationKind::Restated), 23_038);
    assert_eq!(count(RelationKind::RateTimesTermVsTotal), 1_773);
    assert_eq!(count(RelationKind::PricePerCapacity), 1);

    // The first copy: what the article alone gives.
    let alone = check(ARTICLE, &Options::default());
    let first: Vec<&Relation> = rel
        .iter()
        .filter(|r| r.figures.iter().all(|p| p.end <= copy.len()))
        .collect();
    assert_eq!(first, alone.iter().collect::<Vec<_>>());

    // The second copy's headline restates the document's headline, the
    // body its twin in the first copy.
    let r = &rel[2];
    assert_eq!(r.kind, RelationKind::Restated);
    assert_eq!(
        spans(r),
        [(37, 47, "$9 billion"), (2296, 2306, "$9 billion")]
    );
    assert_eq!(r.consistent, Some(true));
    let twin = rel
        .iter()
        .find(|r| spans(r)[0].0 == 300)
        .expect("a restatement of the body's $9 billion");
    assert_eq!(
        spans(twin),
        [
            (300, 316, "about $9 billion"),
            (2559, 2575, "about $9 billion")
        ]
    );

    // The end of the text.
    let last = &rel[rel.len() - 3..];
    assert_eq!(
        spans(&last[0]),
        [
            (4_002_206, 4_002_227, "roughly 280 employees"),
            (4_004_465, 4_004_486, "roughly 280 employees")
        ]
    );
    assert_eq!(last[1].computed.value().to_string(), "7500000");
    assert_eq!(last[2].kind, RelationKind::RateTimesTermVsTotal);
    assert_eq!(
        spans(&last[2]),
        [
            (4_003_707, 4_003_732, "about $290 million a year"),
            (4_003_545, 4_003_552, "12-year"),
            (4_003_737, 4_003_757, "roughly $3.5 billion")
        ]
    );
    assert_eq!(last[2].computed.value().to_string(), "3480000000");
    assert_eq!(last[2].consistent, Some(true));

    // Every relation, as JSON, hashed: the same bytes as before.
    let lines: Vec<String> = rel
        .iter()
        .map(|r| serde_json::to_string(r).expect("a relation serialises"))
        .collect();
    assert_eq!(fnv(lines.join("\n").as_bytes()), 0x2e55_baad_ea5f_d119);
}

/// One document of 5,000 distinct amounts and powers (all pairs took
/// minutes at 20,000): one group each, in order, none consistent or not.
#[test]
fn ok_reconcile_many_distinct_values_in_one_document() {
    let n = 5_000;
    let text: String = (0..n)
        .map(|k| {
            format!(
                "The fund paid ${} for {} MW. ",
                1_000 + 7 * k,
                10_000 + 3 * k
            )
        })
        .collect();
    let groups = reconcile(&[("a", text.as_str())], &Options::default());
    assert_eq!(groups.len(), 2 * n);
    assert!(
        groups.iter().all(|g| g.members.len() == 1
            && g.consistent().is_none()
            && g.status == [Status::Agrees])
    );
    assert_eq!(groups[0].reference.value().to_string(), "1000");
    assert_eq!(groups[1].reference.value().to_string(), "10000");
    assert_eq!(groups[2 * n - 2].reference.value().to_string(), "35993");

    // The same text in a second document: every group has both.
    let docs = [("a", text.as_str()), ("b", text.as_str())];
    let groups = reconcile(&docs, &Options::default());
    assert_eq!(groups.len(), 2 * n);
    assert!(groups.iter().all(|g| g.consistent() == Some(true)));
}
