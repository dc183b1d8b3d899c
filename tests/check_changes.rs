//! `check` on changes, per language: articles written so that every change
//! holds, and the same articles with one planted error each. No alarm may
//! be raised on a consistent article; every planted error must be flagged.

use chiffre::compare::{RelationKind, check};
use chiffre::{Lang, Options};

/// (language, consistent article, the same with one error planted)
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "en",
        "Revenue rose 12% to $4.5 billion from $4.02 billion.",
        "Revenue rose 15% to $4.5 billion from $4.02 billion.",
    ),
    (
        "en",
        "Profit doubled to $2bn from $1bn.",
        "Profit doubled to $2bn from $1.3bn.",
    ),
    (
        "en",
        "Costs fell 5% to $1.9 billion from $2 billion.",
        "Costs fell 5% to $1.9 billion from $2.2 billion.",
    ),
    (
        "en",
        "Margins widened to 44% from 41%, up 3 percentage points.",
        "Margins widened to 44% from 41%, up 5 percentage points.",
    ),
    (
        "en",
        "Net debt decreased by $1.1 billion to $6.4 billion from $7.5 billion.",
        "Net debt decreased by $1.1 billion to $6.4 billion from $8.5 billion.",
    ),
    (
        "en",
        "Operating profit halved to $150 million from $300 million.",
        "Operating profit halved to $150 million from $200 million.",
    ),
    (
        "fr",
        "Le chiffre d'affaires a progressé de 12 % à 4,5 milliards d'euros, contre 4,02 milliards d'euros.",
        "Le chiffre d'affaires a progressé de 18 % à 4,5 milliards d'euros, contre 4,02 milliards d'euros.",
    ),
    (
        "fr",
        "Le bénéfice a doublé à 2 milliards d'euros, contre 1 milliard d'euros.",
        "Le bénéfice a doublé à 2 milliards d'euros, contre 1,3 milliard d'euros.",
    ),
    (
        "fr",
        "Le résultat a reculé de 4 % à 2,4 milliards d'euros, contre 2,5 milliards d'euros.",
        "Le résultat a reculé de 14 % à 2,4 milliards d'euros, contre 2,5 milliards d'euros.",
    ),
    (
        "fr",
        "Le taux de marge a progressé de 2 points de pourcentage à 18 %, contre 16 %.",
        "Le taux de marge a progressé de 5 points de pourcentage à 18 %, contre 16 %.",
    ),
    (
        "fr",
        "La dette a baissé de 130 millions d'euros à 870 millions d'euros, contre 1 milliard d'euros.",
        "La dette a baissé de 130 millions d'euros à 870 millions d'euros, contre 1,2 milliard d'euros.",
    ),
    (
        "de",
        "Der Umsatz stieg um 7 Prozent auf 3,1 Milliarden Euro, nach 2,9 Milliarden Euro.",
        "Der Umsatz stieg um 17 Prozent auf 3,1 Milliarden Euro, nach 2,9 Milliarden Euro.",
    ),
    (
        "de",
        "Der Gewinn verdoppelte sich auf 400 Millionen Euro, nach 200 Millionen Euro.",
        "Der Gewinn verdoppelte sich auf 400 Millionen Euro, nach 300 Millionen Euro.",
    ),
    (
        "de",
        "Der Gewinn sank um 12 Prozent auf 880 Millionen Euro, nach 1 Milliarde Euro.",
        "Der Gewinn sank um 12 Prozent auf 880 Millionen Euro, nach 900 Millionen Euro.",
    ),
    (
        "de",
        "Die Marge legte um 3,2 Prozentpunkte auf 18 Prozent zu, nach 14,8 Prozent.",
        "Die Marge legte um 5,2 Prozentpunkte auf 18 Prozent zu, nach 14,8 Prozent.",
    ),
    (
        "de",
        "Der Umsatz erhöhte sich um 200 Millionen Euro auf 2,2 Milliarden Euro, nach 2,0 Milliarden Euro.",
        "Der Umsatz erhöhte sich um 500 Millionen Euro auf 2,2 Milliarden Euro, nach 2,0 Milliarden Euro.",
    ),
    (
        "ru",
        "Выручка выросла на 15% до 2,3 млрд рублей с 2,0 млрд рублей.",
        "Выручка выросла на 25% до 2,3 млрд рублей с 2,0 млрд рублей.",
    ),
    (
        "ru",
        "Прибыль выросла вдвое, до 2 млрд рублей, с 1 млрд рублей.",
        "Прибыль выросла вдвое, до 2 млрд рублей, с 1,3 млрд рублей.",
    ),
    (
        "ru",
        "Прибыль снизилась на 10% до 900 млн рублей против 1 млрд рублей.",
        "Прибыль снизилась на 10% до 900 млн рублей против 950 млн рублей.",
    ),
    (
        "ru",
        "Доля выросла на 3 процентных пункта до 18% с 15%.",
        "Доля выросла на 5 процентных пунктов до 18% с 15%.",
    ),
    (
        "ru",
        "Долг уменьшился на 500 млн рублей до 3 млрд рублей против 3,5 млрд рублей.",
        "Долг уменьшился на 500 млн рублей до 3 млрд рублей против 4,5 млрд рублей.",
    ),
];

fn verdicts(text: &str, code: &str) -> Vec<Option<bool>> {
    let lang = Lang::from_code(code).unwrap_or(Lang::En);
    check(text, &Options::default().lang(lang))
        .into_iter()
        .filter(|r| r.kind == RelationKind::Change)
        .map(|r| r.consistent)
        .collect()
}

#[test]
fn ok_no_alarm_on_consistent_articles() {
    for (code, good, _) in ARTICLES {
        let v = verdicts(good, code);
        assert!(
            v.contains(&Some(true)),
            "{code}: no change checked in {good:?}: {v:?}"
        );
        assert!(
            !v.contains(&Some(false)),
            "{code}: false alarm on {good:?}: {v:?}"
        );
    }
}

#[test]
fn ok_every_planted_error_is_flagged() {
    for (code, _, bad) in ARTICLES {
        let v = verdicts(bad, code);
        assert!(
            v.contains(&Some(false)),
            "{code}: planted error missed in {bad:?}: {v:?}"
        );
    }
}

#[test]
fn ok_at_least_five_articles_per_language() {
    for code in ["en", "fr", "de", "ru"] {
        assert!(
            ARTICLES.iter().filter(|a| a.0 == code).count() >= 5,
            "{code}"
        );
    }
}

#[test]
fn ok_two_parts_derive_the_third() {
    let text = "Costs fell 20% to $400 million.";
    let rel = check(text, &Options::default());
    let c = rel.iter().find(|r| r.kind == RelationKind::Change).unwrap();
    assert_eq!(c.consistent, None);
    assert_eq!(c.computed.value().to_string(), "500000000");
    assert_eq!(c.computed.unit(), "USD");
    let text = "Revenue rose from $4.02 billion to $4.5 billion.";
    let rel = check(text, &Options::default());
    let c = rel.iter().find(|r| r.kind == RelationKind::Change).unwrap();
    assert_eq!(c.consistent, None);
    assert_eq!(c.computed.unit(), "%");
    assert_eq!(c.computed.display_value(), "11.94");
}
