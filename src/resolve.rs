//! Phase two: from what was seen ([`RawFigure`]) to exact values
//! ([`Figure`]). All arithmetic is checked; overflow is an error.

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind};
use crate::figure::{Alternative, Figure, Kind, Polarity, Qualifier, Rule, Scale, Value};
use crate::grammar::{Post, Quantity, RawFigure, RawSide};
use crate::lang::{Lang, ScaleForm};
use crate::unit::{Currency, Unit};

/// `mantissa × 10^exp` as an exact decimal.
pub(crate) fn decimal(mantissa: i128, exp: i32) -> Option<Decimal> {
    if exp >= 0 {
        let m = 10i128
            .checked_pow(exp as u32)
            .and_then(|p| mantissa.checked_mul(p))?;
        Decimal::try_from_i128_with_scale(m, 0).ok()
    } else {
        let mut m = mantissa;
        let mut scale = exp.unsigned_abs();
        while scale > 28 && m % 10 == 0 {
            m /= 10;
            scale -= 1;
        }
        if scale > 28 {
            return None;
        }
        Decimal::try_from_i128_with_scale(m, scale).ok()
    }
}

/// The exponent a scale-less lower end borrows from the upper end
/// ("5–10 million": 5 is in millions too), when its number is below the
/// upper end's number. Returns the exponent to add.
fn borrowed_exp(lo: &Quantity, hi: &Quantity) -> Option<u8> {
    let (e, _) = hi.scale?;
    if lo.scale.is_some() {
        return None;
    }
    let lo_v = decimal(lo.mantissa, lo.exp)?;
    let hi_v = decimal(hi.mantissa, hi.exp - i32::from(e))?;
    (lo_v < hi_v).then_some(e)
}

fn side_value(s: &RawSide, extra_exp: i32) -> Option<Decimal> {
    let mut v = decimal(s.qty.mantissa, s.qty.exp + extra_exp)?;
    if let Some(Post::Coin(_, cents)) = s.post {
        // "ten dimes" = 10 × 0.10.
        v = v.checked_mul(decimal(i128::from(cents), -2)?)?;
    }
    if let Some(Post::Subunit(_)) = s.post {
        // "15 cents" = 0.15 of the main unit.
        v = v.checked_mul(decimal(1, -2)?)?;
    }
    if let Some((m, e)) = s.cents {
        v = v.checked_add(decimal(m, e)?)?;
    }
    Some(if s.negative { -v } else { v })
}

/// The two ends of a range, with the scale distributed; `None` when they
/// do not form an increasing range.
pub(crate) fn range_values(lo: &RawSide, hi: &RawSide) -> Option<(Decimal, Decimal)> {
    let extra = borrowed_exp(&lo.qty, &hi.qty).map_or(0, i32::from);
    let a = side_value(lo, extra)?;
    let b = side_value(hi, 0)?;
    (a < b).then_some((a, b))
}

/// Builds the figure. `lang` is the language whose table read it.
/// The currency a guessed name stands for: the local currency when it is
/// of the same family (a dollar for "$"/"dollars"/dimes), or any local
/// currency for a currency-less word such as "grand".
fn localise(c: crate::grammar::Cur, local: Option<Currency>, any_family: bool) -> Currency {
    match local {
        Some(l) if c.guess && (any_family || same_family(c.currency, l)) => l,
        _ => c.currency,
    }
}

/// Dollars are a family: "$" in Canada is the Canadian dollar.
pub(crate) fn same_family(a: Currency, b: Currency) -> bool {
    let dollar = |c: Currency| match c {
        Currency::Iso(i) => i.name().to_ascii_lowercase().contains("dollar"),
        Currency::Crypto(_) => false,
    };
    a == b || (dollar(a) && dollar(b))
}

pub(crate) fn resolve(
    raw: &RawFigure,
    lang: Lang,
    local: Option<Currency>,
) -> Result<Figure, Error> {
    let overflow = || Error::new(ErrorKind::Overflow, raw.start..raw.end);
    let mut alternatives = Vec::new();
    let lo = &raw.lo;
    let main = raw.hi.as_ref().unwrap_or(lo);
    let extra = raw
        .hi
        .as_ref()
        .and_then(|hi| borrowed_exp(&lo.qty, &hi.qty));
    let value = match &raw.hi {
        None => Value::Exact(side_value(lo, 0).ok_or_else(overflow)?),
        Some(hi) => {
            let (min, max) = range_values(lo, hi).ok_or_else(overflow)?;
            if extra.is_some() {
                alternatives.push(Alternative {
                    rule: Rule::ScaleDistributed,
                    reading: format!(
                        "lower end without the scale word: {}",
                        side_value(lo, 0).map_or_else(|| "?".into(), |v| v.normalize().to_string())
                    ),
                });
            }
            Value::Range { min, max }
        }
    };

    // Kind, currency and unit, from either end.
    let post = main.post.or(lo.post);
    let cur = main.currency().or(lo.currency());
    let (kind, unit) = match post {
        Some(Post::Percent) => (Kind::Percent, None),
        Some(Post::PercentPoint) => (Kind::Percent, Some(Unit::PercentagePoint)),
        Some(Post::Unit(u)) => (u.kind(), Some(u)),
        Some(Post::Count) => (Kind::Count, None),
        Some(Post::Cur(_) | Post::Subunit(_) | Post::Coin(..) | Post::CurNone) => {
            (Kind::Money, None)
        }
        None if cur.is_some() => (Kind::Money, None),
        None => (Kind::Number, None),
    };
    let mut subunit_guess = false;
    let currency = match post {
        Some(Post::Subunit(c)) => c.or(cur.map(|c| localise(c, local, false))).or_else(|| {
            // A bare "cents"/"centimes"/"Cent": the language's usual
            // currency of that word, the local one of its family first.
            let guess = crate::grammar::Cur {
                currency: lang.table().subunit_currency,
                guess: true,
                scale: 0,
            };
            subunit_guess = true;
            Some(localise(guess, local, false))
        }),
        Some(Post::Coin(c, _)) => Some(localise(c, local, false)),
        Some(Post::CurNone) => None,
        _ if kind == Kind::Money => cur.map(|c| localise(c, local, c.scale > 0)),
        _ => None,
    };
    if (subunit_guess || cur.is_some_and(|c| c.guess)) && currency == Some(Currency::USD) {
        alternatives.push(Alternative {
            rule: Rule::BareDollar,
            reading: "another dollar (CAD, AUD, HKD, SGD, NZD...)".to_string(),
        });
    }

    // Ambiguities of the written number.
    for side in std::iter::once(lo).chain(raw.hi.as_ref()) {
        if let Some(l) = side.qty.lone {
            let shift = if l.as_group { -3 } else { 3 };
            let alt = decimal(side.qty.mantissa, side.qty.exp + shift)
                .map(|d| if side.negative { -d } else { d });
            let what = if l.as_group {
                "a decimal separator"
            } else {
                "a thousands separator"
            };
            alternatives.push(Alternative {
                rule: Rule::LoneSeparatorByLanguage,
                reading: match alt {
                    Some(d) => format!("'{}' as {what}: {}", l.sep, d.normalize()),
                    None => format!("'{}' as {what}", l.sep),
                },
            });
        }
    }
    let scale = main.qty.scale.map(|(e, _)| Scale(e));
    if let Some((e, ScaleForm::LongScale)) = main.qty.scale {
        let short = e.saturating_sub(3);
        let reading = match value {
            Value::Exact(v) => decimal(1, -3)
                .and_then(|k| v.checked_mul(k))
                .map(|d| d.normalize().to_string()),
            Value::Range { .. } => None,
        };
        alternatives.push(Alternative {
            rule: Rule::LongScaleBillion,
            reading: match reading {
                Some(r) => format!("short-scale 10^{short}: {r}"),
                None => format!("short-scale 10^{short}"),
            },
        });
    }

    let sub_exp = if matches!(post, Some(Post::Subunit(_))) {
        alternatives.push(Alternative {
            rule: Rule::SubunitInMainUnit,
            reading: match value {
                Value::Exact(v) => format!(
                    "{} hundredths (cents)",
                    (v * Decimal::ONE_HUNDRED).normalize()
                ),
                Value::Range { min, max } => format!(
                    "{} to {} hundredths (cents)",
                    (min * Decimal::ONE_HUNDRED).normalize(),
                    (max * Decimal::ONE_HUNDRED).normalize()
                ),
            },
        });
        -2
    } else {
        0
    };
    let resolution = decimal(1, main.qty.res_exp + sub_exp).ok_or_else(overflow)?;
    let qualifier = raw
        .qualifier
        .or(raw.qualifier_after)
        .or(lo.mid)
        .or(raw.hi.and_then(|h| h.mid))
        .unwrap_or(Qualifier::Exact);
    Ok(Figure {
        kind,
        value,
        currency,
        unit,
        qualifier,
        period: raw.period,
        lang,
        scale,
        polarity: Polarity::Neutral,
        resolution,
        alternatives,
        inferred: Vec::new(),
        lone_group: lo
            .qty
            .lone
            .or(raw.hi.and_then(|h| h.qty.lone))
            .map(|l| l.as_group),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_decimal_exact() {
        assert_eq!(decimal(290, 6), Some(Decimal::from(290_000_000)));
        assert_eq!(decimal(487, -2).map(|d| d.to_string()), Some("4.87".into()));
        assert_eq!(decimal(35, 8), Some(Decimal::from(3_500_000_000u64)));
        assert_eq!(decimal(1, 30), None);
        assert_eq!(decimal(1, -29), None);
        assert_eq!(
            decimal(10, -29).map(|d| d.to_string()),
            Some("0.0000000000000000000000000001".into())
        );
    }
}
