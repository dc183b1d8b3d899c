//! Stage 4, lists: a scale, currency or unit written once at the end of a
//! list applies to its bare items ("$5, $7 and $9 billion").

use super::*;

/// "$5, $7 and $9 billion": a scale word written once at the end of a list
/// applies to the earlier items that have none.
pub(super) fn distribute_list_scales(text: &str, para: &mut [Found], lang: Lang) {
    let lx = crate::lexicon::lexicon(lang);
    for i in (1..para.len()).rev() {
        let last = &para[i].figure;
        let scale = last.scale;
        // Only a list closed by a scale word or by a currency or unit.
        if scale.is_none() && last.kind == Kind::Number {
            continue;
        }
        let mut j = i;
        while j > 0 && list_gap(lx, &text[para[j - 1].end..para[j].start]) {
            let (prev, last) = (&para[j - 1].figure, &para[i].figure);
            let same =
                prev.kind == last.kind && prev.currency == last.currency && prev.unit == last.unit;
            // "5, 7 and 9 billion euros", "40, 60 und 80 MW": bare items
            // take the last item's kind, currency or unit.
            let bare = prev.kind == Kind::Number && prev.qualifier == Qualifier::Exact;
            // A subunit ("6 Cent", "9 cents") counts hundredths: no list
            // scale applies to it, nor its unit to bare items.
            let subunit = |f: &Figure| {
                f.alternatives
                    .iter()
                    .any(|a| a.rule == Rule::SubunitInMainUnit)
            };
            if !(same || bare)
                || subunit(prev)
                || subunit(last)
                || prev.scale.is_some()
                || prev.value.exact().is_none()
            {
                break;
            }
            if same && scale.is_none() {
                break;
            }
            let (kind, currency, unit) = (last.kind, last.currency, last.unit);
            let k = match scale {
                Some(sc) => decimal(1, sc.exponent() as i32),
                None => Some(rust_decimal::Decimal::ONE),
            };
            let Some(k) = k else { break };
            let (Some(v), Some(r)) = (
                prev.value.exact().and_then(|v| v.checked_mul(k)),
                prev.resolution.checked_mul(k),
            ) else {
                break;
            };
            let f = &mut para[j - 1].figure;
            if f.kind != kind {
                f.inferred.push(if currency.is_some() {
                    "currency"
                } else {
                    "unit"
                });
            }
            (f.kind, f.currency, f.unit) = (kind, currency, unit);
            f.value = crate::figure::Value::Exact(v);
            f.resolution = r;
            if let Some(sc) = scale {
                f.scale = Some(sc);
                f.inferred.push("scale");
            }
            f.alternatives.push(Alternative {
                rule: Rule::ScaleDistributed,
                reading: "a bare number: the scale, currency or unit is written once at the end of the list".into(),
            });
            j -= 1;
        }
    }
}

/// A gap between two list items: commas and "and"-like words only.
pub(super) fn list_gap(lx: &Lexicon, gap: &str) -> bool {
    if gap.len() <= 48 && find_format(gap).is_some() {
        // Invisible characters in the gap are white space.
        let visible: String = gap.chars().filter(|c| !is_format(*c)).collect();
        return list_gap(lx, &visible);
    }
    let t = gap.trim();
    if t.is_empty() || t.len() > 12 {
        return t == "," && !gap.contains('\n');
    }
    let t = t.trim_start_matches(',').trim();
    t.is_empty()
        || lx
            .find(t, 0, |w| {
                matches!(w, Word::NumAnd | Word::RangeSep { needs_open: true }).then_some(())
            })
            .is_some_and(|(_, e)| e == t.len())
}
