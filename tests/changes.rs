//! Multiples and change relations, per language: each sentence with the
//! changes read in it, written `direction change | from -> to` (the texts
//! of the figures, `-` for a part not written), `;` between changes, and
//! nothing for a sentence without one. The negatives are the figures that
//! look like a change and are not: a stake, a share of revenue, "up to",
//! a change without levels ("rose 12% in 2024" has no levels), vague
//! multipliers ("a twofold increase in risk", "double-digit").

use chiffre::{Kind, Lang, Options, extract, extract_changes};
use rust_decimal::Decimal;

/// (language, sentence, changes)
const CASES: &[(&str, &str, &str)] = &[
    (
        "en",
        "Revenue rose 12% to $4.5 billion from $4.02 billion.",
        "rise 12% | $4.02 billion -> $4.5 billion",
    ),
    (
        "en",
        "Net income fell 8% to $1.2 billion.",
        "fall 8% | - -> $1.2 billion",
    ),
    ("en", "Profit doubled to $2bn.", "rise doubled | - -> $2bn"),
    (
        "en",
        "Sales tripled to $900 million from $300 million.",
        "rise tripled | $300 million -> $900 million",
    ),
    (
        "en",
        "Operating profit halved to $150 million.",
        "fall halved | - -> $150 million",
    ),
    (
        "en",
        "The company's debt quadrupled to $8 billion.",
        "rise quadrupled | - -> $8 billion",
    ),
    (
        "en",
        "Revenue grew 2.5-fold to $4.5 billion.",
        "rise 2.5-fold | - -> $4.5 billion",
    ),
    (
        "en",
        "Shipments rose threefold in the quarter.",
        "rise threefold | - -> -",
    ),
    (
        "en",
        "The central bank cut its rate by 25 basis points to 4.5%.",
        "fall 25 basis points | - -> 4.5%",
    ),
    (
        "en",
        "The yield rose 30 basis points.",
        "rise 30 basis points | - -> -",
    ),
    (
        "en",
        "Margins widened to 44% from 41%, up 3 percentage points.",
        "rise 3 percentage points | 41% -> 44%",
    ),
    (
        "en",
        "Revenue rose from $4.02 billion to $4.5 billion.",
        "rise - | $4.02 billion -> $4.5 billion",
    ),
    (
        "en",
        "Revenue was $4.5 billion, up 12% from $4.02 billion.",
        "rise 12% | $4.02 billion -> $4.5 billion",
    ),
    (
        "en",
        "Quarterly sales jumped 20% to $600 million.",
        "rise 20% | - -> $600 million",
    ),
    (
        "en",
        "Costs declined 5% to $1.9 billion from $2 billion.",
        "fall 5% | $2 billion -> $1.9 billion",
    ),
    ("en", "The stock slumped 30%.", "fall 30% | - -> -"),
    (
        "en",
        "Profit climbed $500 million to $3 billion.",
        "rise $500 million | - -> $3 billion",
    ),
    (
        "en",
        "Unemployment fell to 4.1% from 4.3%.",
        "fall - | 4.3% -> 4.1%",
    ),
    (
        "en",
        "Exports dropped 7.5% to $210 billion.",
        "fall 7.5% | - -> $210 billion",
    ),
    (
        "en",
        "Net debt decreased by $1.1 billion to $6.4 billion.",
        "fall $1.1 billion | - -> $6.4 billion",
    ),
    (
        "en",
        "Revenue increased 15% to $2.3 billion, compared with $2 billion a year earlier.",
        "rise 15% | $2 billion -> $2.3 billion",
    ),
    ("en", "The company holds a 12% stake in the venture.", ""),
    ("en", "Costs were 12% of revenue.", ""),
    ("en", "Prices could rise up to 12% next year.", ""),
    ("en", "Sales rose 12% in 2024.", "rise 12% | - -> -"),
    ("en", "The group reported a twofold increase in risk.", ""),
    ("en", "The fund posted double-digit growth.", ""),
    ("en", "It paid $4.5 billion for the unit.", ""),
    (
        "en",
        "Revenue surged 40% to $1.4 billion.",
        "rise 40% | - -> $1.4 billion",
    ),
    (
        "en",
        "Output soared 60% to 800 MW.",
        "rise 60% | - -> 800 MW",
    ),
    (
        "en",
        "Subscribers grew 10% to 5.5 million users.",
        "rise 10% | - -> 5.5 million users",
    ),
    (
        "en",
        "The dividend was raised 5% to $1.05 per share.",
        "rise 5% | - -> $1.05",
    ),
    (
        "fr",
        "Le bénéfice a reculé de 8,4 % à 1,2 milliard d'euros.",
        "fall 8,4 % | - -> 1,2 milliard d'euros",
    ),
    (
        "fr",
        "Le chiffre d'affaires a progressé de 12 % à 4,5 milliards d'euros.",
        "rise 12 % | - -> 4,5 milliards d'euros",
    ),
    (
        "fr",
        "Le groupe a abaissé sa prévision de 130 € à 118 €.",
        "fall - | 130 € -> 118 €",
    ),
    (
        "fr",
        "Le bénéfice net a doublé à 2 milliards d'euros.",
        "rise doublé | - -> 2 milliards d'euros",
    ),
    (
        "fr",
        "Le chiffre d'affaires a triplé à 3 milliards d'euros.",
        "rise triplé | - -> 3 milliards d'euros",
    ),
    (
        "fr",
        "Les ventes ont chuté de 20 % à 800 millions d'euros.",
        "fall 20 % | - -> 800 millions d'euros",
    ),
    (
        "fr",
        "La dette a été divisée par deux.",
        "fall divisée par deux | - -> -",
    ),
    (
        "fr",
        "Le chiffre d'affaires a été multiplié par 2,5.",
        "rise multiplié par 2,5 | - -> -",
    ),
    (
        "fr",
        "Le résultat a augmenté de 5 % à 630 millions d'euros, contre 600 millions d'euros un an plus tôt.",
        "rise 5 % | 600 millions d'euros -> 630 millions d'euros",
    ),
    ("fr", "Les ventes ont bondi de 30 %.", "rise 30 % | - -> -"),
    (
        "fr",
        "Le taux de marge a progressé de 2 points de pourcentage à 18 %.",
        "rise 2 points de pourcentage | - -> 18 %",
    ),
    (
        "fr",
        "La production a diminué de 10 % à 90 MW.",
        "fall 10 % | - -> 90 MW",
    ),
    (
        "fr",
        "Les exportations ont baissé de 3 %.",
        "fall 3 % | - -> -",
    ),
    (
        "fr",
        "Le bénéfice a grimpé de 1,2 milliard à 3,4 milliards d'euros.",
        "rise - | 1,2 milliard -> 3,4 milliards d'euros",
    ),
    (
        "fr",
        "Le chiffre d'affaires a quadruplé.",
        "rise quadruplé | - -> -",
    ),
    ("fr", "Le groupe détient une participation de 12 %.", ""),
    (
        "fr",
        "Les coûts représentent 12 % du chiffre d'affaires.",
        "",
    ),
    ("fr", "Les prix pourraient augmenter jusqu'à 12 %.", ""),
    (
        "fr",
        "Les ventes ont progressé de 12 % en 2024.",
        "rise 12 % | - -> -",
    ),
    (
        "fr",
        "Le résultat a reculé de 4 % à 2,4 milliards d'euros.",
        "fall 4 % | - -> 2,4 milliards d'euros",
    ),
    (
        "fr",
        "La dette a augmenté de 500 millions d'euros à 3 milliards d'euros.",
        "rise 500 millions d'euros | - -> 3 milliards d'euros",
    ),
    (
        "fr",
        "Le chômage a baissé à 7,3 % contre 7,5 %.",
        "fall - | 7,5 % -> 7,3 %",
    ),
    ("fr", "Le titre a chuté de 15 %.", "fall 15 % | - -> -"),
    (
        "fr",
        "Le chiffre d'affaires a bondi de 40 % à 1,4 milliard d'euros.",
        "rise 40 % | - -> 1,4 milliard d'euros",
    ),
    ("fr", "Le groupe emploie 1 200 salariés.", ""),
    (
        "fr",
        "La Banque centrale a relevé ses taux de 25 points de base.",
        "rise 25 points de base | - -> -",
    ),
    (
        "fr",
        "Les revenus ont progressé de 6 % à 530 millions d'euros.",
        "rise 6 % | - -> 530 millions d'euros",
    ),
    (
        "fr",
        "Le prix a augmenté de 2 € à 12 €.",
        "rise - | 2 € -> 12 €",
    ),
    (
        "fr",
        "Le chiffre d'affaires s'est replié de 3 % à 970 millions d'euros.",
        "fall 3 % | - -> 970 millions d'euros",
    ),
    ("fr", "Il a payé 4,5 milliards d'euros.", ""),
    ("fr", "Le bénéfice a fondu de 60 %.", "fall 60 % | - -> -"),
    (
        "fr",
        "Le gouvernement a relevé le prix de 1 800 à 2 800 francs CFA le kilogramme, soit une hausse de 55,6 %.",
        "rise 55,6 % | 1 800 -> 2 800 francs CFA",
    ),
    // A later verb does not reach back over a comma: "chute" is no change
    // of "de 10,25 à 9,50" (heldout4 fr-62 read 10,25 as change and old level).
    (
        "fr",
        "Kiwilac a abaissé sa prévision de 10,25 à 9,50 dollars néo-zélandais le kilo, invoquant la chute des cours.",
        "fall - | 10,25 -> 9,50 dollars néo-zélandais",
    ),
    (
        "de",
        "Der Umsatz stieg um 7 Prozent auf 3,1 Milliarden Euro.",
        "rise 7 Prozent | - -> 3,1 Milliarden Euro",
    ),
    (
        "de",
        "Der Umsatz stieg von 2,9 auf 3,1 Milliarden Euro.",
        "rise - | 2,9 -> 3,1 Milliarden Euro",
    ),
    (
        "de",
        "Der Gewinn sank um 12 Prozent auf 880 Millionen Euro.",
        "fall 12 Prozent | - -> 880 Millionen Euro",
    ),
    (
        "de",
        "Der Gewinn hat sich auf 2 Milliarden Euro verdoppelt.",
        "rise verdoppelt | - -> 2 Milliarden Euro",
    ),
    (
        "de",
        "Der Umsatz hat sich verdreifacht.",
        "rise verdreifacht | - -> -",
    ),
    (
        "de",
        "Die Marge legte um 3,2 Prozentpunkte auf 18 Prozent zu.",
        "rise 3,2 Prozentpunkte | - -> 18 Prozent",
    ),
    (
        "de",
        "Der Umsatz ist um 7 Prozent auf 3,1 Milliarden Euro gestiegen.",
        "rise 7 Prozent | - -> 3,1 Milliarden Euro",
    ),
    (
        "de",
        "Die Schulden wurden halbiert.",
        "fall halbiert | - -> -",
    ),
    (
        "de",
        "Der Umsatz wuchs um 10 Prozent auf 1,1 Milliarden Euro, nach 1 Milliarde Euro im Vorjahr.",
        "rise 10 Prozent | 1 Milliarde Euro -> 1,1 Milliarden Euro",
    ),
    (
        "de",
        "Der Gewinn fiel um 20 Prozent.",
        "fall 20 Prozent | - -> -",
    ),
    ("de", "Die Produktion sank auf 900 MW.", ""),
    (
        "de",
        "Der Umsatz stieg um das Dreifache.",
        "rise um das Dreifache | - -> -",
    ),
    (
        "de",
        "Der Auftragseingang kletterte um 15 Prozent auf 2,3 Milliarden Euro.",
        "rise 15 Prozent | - -> 2,3 Milliarden Euro",
    ),
    (
        "de",
        "Die Zinsen wurden um 25 Basispunkte gesenkt.",
        "fall 25 Basispunkte | - -> -",
    ),
    ("de", "Der Konzern hält einen Anteil von 12 Prozent.", ""),
    ("de", "Die Kosten machen 12 Prozent des Umsatzes aus.", ""),
    ("de", "Die Preise könnten um bis zu 12 Prozent steigen.", ""),
    (
        "de",
        "Der Umsatz stieg 2024 um 12 Prozent.",
        "rise 12 Prozent | - -> -",
    ),
    (
        "de",
        "Der Umsatz legte um 5 Prozent auf 630 Millionen Euro zu.",
        "rise 5 Prozent | - -> 630 Millionen Euro",
    ),
    (
        "de",
        "Der Gewinn schrumpfte um 30 Prozent auf 70 Millionen Euro.",
        "fall 30 Prozent | - -> 70 Millionen Euro",
    ),
    (
        "de",
        "Der Gewinn stieg von 1,2 Milliarden Euro auf 1,5 Milliarden Euro.",
        "rise - | 1,2 Milliarden Euro -> 1,5 Milliarden Euro",
    ),
    (
        "de",
        "Die Arbeitslosenquote sank von 6,1 auf 5,8 Prozent.",
        "fall - | 6,1 -> 5,8 Prozent",
    ),
    ("de", "Der Konzern beschäftigt 1200 Mitarbeiter.", ""),
    ("de", "Er zahlte 4,5 Milliarden Euro.", ""),
    (
        "de",
        "Der Umsatz erhöhte sich um 200 Millionen Euro auf 2,2 Milliarden Euro.",
        "rise 200 Millionen Euro | - -> 2,2 Milliarden Euro",
    ),
    (
        "de",
        "Die Exporte fielen um 4 Prozent auf 1,5 Billionen Euro.",
        "fall 4 Prozent | - -> 1,5 Billionen Euro",
    ),
    (
        "de",
        "Der Umsatz ist um 8 Prozent gesunken.",
        "fall 8 Prozent | - -> -",
    ),
    (
        "de",
        "Der Umsatz wuchs um 6 Prozent.",
        "rise 6 Prozent | - -> -",
    ),
    ("de", "Die Aktie verlor 15 Prozent.", ""),
    (
        "de",
        "Der Gewinn verdoppelte sich auf 400 Millionen Euro.",
        "rise verdoppelte | - -> 400 Millionen Euro",
    ),
    (
        "de",
        "Der Umsatz stieg um 4 Prozent auf 2,6 Milliarden Euro.",
        "rise 4 Prozent | - -> 2,6 Milliarden Euro",
    ),
    (
        "ru",
        "Выручка выросла на 15% до 2,3 млрд рублей.",
        "rise 15% | - -> 2,3 млрд рублей",
    ),
    (
        "ru",
        "Выручка выросла с 2 до 2,3 млрд рублей.",
        "rise - | 2 -> 2,3 млрд рублей",
    ),
    (
        "ru",
        "Прибыль снизилась на 10% до 900 млн рублей.",
        "fall 10% | - -> 900 млн рублей",
    ),
    (
        "ru",
        "Прибыль сократилась вдвое, до 1 млрд рублей.",
        "fall вдвое | - -> 1 млрд рублей",
    ),
    (
        "ru",
        "Выручка выросла в 2,5 раза, до 3 млрд рублей.",
        "rise 2,5 раза | - -> 3 млрд рублей",
    ),
    ("ru", "Выручка выросла втрое.", "rise втрое | - -> -"),
    ("ru", "Продажи упали на 20%.", "fall 20% | - -> -"),
    (
        "ru",
        "Ставка повышена на 200 базисных пунктов.",
        "rise 200 базисных пунктов | - -> -",
    ),
    (
        "ru",
        "Доля выросла на 3 процентных пункта до 18%.",
        "rise 3 процентных пункта | - -> 18%",
    ),
    (
        "ru",
        "Выручка увеличилась на 12% до 4,5 млрд рублей по сравнению с 4 млрд рублей годом ранее.",
        "rise 12% | 4 млрд рублей -> 4,5 млрд рублей",
    ),
    (
        "ru",
        "Долг уменьшился на 500 млн рублей до 3 млрд рублей.",
        "fall 500 млн рублей | - -> 3 млрд рублей",
    ),
    ("ru", "Компании принадлежит 12% акций.", ""),
    ("ru", "Расходы составили 12% выручки.", ""),
    ("ru", "Цены могут вырасти до 12%.", ""),
    (
        "ru",
        "Выручка выросла на 12% в 2024 году.",
        "rise 12% | - -> -",
    ),
    ("ru", "Выручка выросла вдвое.", "rise вдвое | - -> -"),
    ("ru", "Инфляция замедлилась до 7,4%.", ""),
    (
        "ru",
        "Прибыль упала на 30% до 70 млн рублей.",
        "fall 30% | - -> 70 млн рублей",
    ),
    (
        "ru",
        "Экспорт сократился на 4% до 1,5 трлн рублей.",
        "fall 4% | - -> 1,5 трлн рублей",
    ),
    (
        "ru",
        "Выручка увеличилась с 1,2 млрд до 1,5 млрд рублей.",
        "rise - | 1,2 млрд -> 1,5 млрд рублей",
    ),
    (
        "ru",
        "Безработица снизилась с 3,1% до 2,9%.",
        "fall - | 3,1% -> 2,9%",
    ),
    ("ru", "В компании работают 1200 сотрудников.", ""),
    ("ru", "Компания заплатила 4,5 млрд рублей.", ""),
    (
        "ru",
        "Выручка выросла на 200 млн рублей до 2,2 млрд рублей.",
        "rise 200 млн рублей | - -> 2,2 млрд рублей",
    ),
    (
        "ru",
        "Прибыль подскочила на 40% до 1,4 млрд рублей.",
        "rise 40% | - -> 1,4 млрд рублей",
    ),
    (
        "ru",
        "Мощность выросла на 10% до 1,1 ГВт.",
        "rise 10% | - -> 1,1 ГВт",
    ),
    (
        "ru",
        "Продажи выросли на 6% до 530 млн рублей.",
        "rise 6% | - -> 530 млн рублей",
    ),
    ("ru", "Акции подешевели на 15%.", "fall 15% | - -> -"),
    (
        "ru",
        "Выручка снизилась на 3% до 970 млн рублей против 1 млрд рублей годом ранее.",
        "fall 3% | 1 млрд рублей -> 970 млн рублей",
    ),
    ("ru", "Доходы упали на 8%.", "fall 8% | - -> -"),
    (
        "ru",
        "Прибыль выросла на 5% до 630 млн рублей против 600 млн рублей.",
        "rise 5% | 600 млн рублей -> 630 млн рублей",
    ),
];

fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::En)
}

fn render(text: &str, l: Lang) -> String {
    let (found, changes) = extract_changes(text, &Options::default().lang(l));
    let t = |i: Option<usize>| i.map_or("-", |i| found[i].text(text));
    changes
        .iter()
        .map(|c| {
            format!(
                "{} {} | {} -> {}",
                c.direction.name(),
                t(c.change),
                t(c.from),
                t(c.to)
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

#[test]
fn ok_changes_per_language() {
    let mut failures = Vec::new();
    for (code, text, want) in CASES {
        let got = render(text, lang(code));
        if got != *want {
            failures.push(format!("{code}: {text}\n  want: {want}\n  got:  {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ok_at_least_thirty_sentences_per_language() {
    for code in ["en", "fr", "de", "ru"] {
        let n = CASES.iter().filter(|c| c.0 == code).count();
        assert!(n >= 30, "{code}: {n} sentences");
    }
}

/// (language, sentence, the multiple as written, its value); an empty
/// span: no multiple.
const MULTIPLES: &[(&str, &str, &str, &str)] = &[
    ("en", "Profit doubled to $2bn.", "doubled", "2"),
    ("en", "Sales tripled.", "tripled", "3"),
    ("en", "Debt quadrupled.", "quadrupled", "4"),
    ("en", "Operating profit halved.", "halved", "0.5"),
    ("en", "Revenue grew 2.5-fold.", "2.5-fold", "2.5"),
    ("en", "Shipments rose threefold.", "threefold", "3"),
    (
        "en",
        "The group reported a twofold increase in risk.",
        "",
        "",
    ),
    ("en", "The fund posted double-digit growth.", "", ""),
    ("en", "The shares cost 2.5 times book value.", "", ""),
    ("fr", "Le bénéfice a doublé.", "doublé", "2"),
    ("fr", "Le chiffre d'affaires a triplé.", "triplé", "3"),
    (
        "fr",
        "La dette a été divisée par deux.",
        "divisée par deux",
        "0.5",
    ),
    (
        "fr",
        "Le chiffre d'affaires a été multiplié par 2,5.",
        "multiplié par 2,5",
        "2.5",
    ),
    ("de", "Der Gewinn hat sich verdoppelt.", "verdoppelt", "2"),
    (
        "de",
        "Der Umsatz hat sich verdreifacht.",
        "verdreifacht",
        "3",
    ),
    ("de", "Die Schulden wurden halbiert.", "halbiert", "0.5"),
    (
        "de",
        "Der Umsatz stieg um das Dreifache.",
        "um das Dreifache",
        "3",
    ),
    ("ru", "Выручка выросла вдвое.", "вдвое", "2"),
    ("ru", "Выручка выросла втрое.", "втрое", "3"),
    ("ru", "Выручка выросла в 2,5 раза.", "2,5 раза", "2.5"),
    ("ru", "Это в 2,5 раза больше, чем год назад.", "", ""),
];

#[test]
fn ok_multiples() {
    for (code, text, span, value) in MULTIPLES {
        let found = extract(text, &Options::default().lang(lang(code)));
        let m: Vec<_> = found
            .iter()
            .filter(|f| f.figure.kind() == Kind::Multiple)
            .collect();
        if span.is_empty() {
            assert!(m.is_empty(), "{text}: {:?}", m);
            continue;
        }
        assert_eq!(m.len(), 1, "{text}: {found:?}");
        assert_eq!(m[0].text(text), *span, "{text}");
        let v: Decimal = value.parse().unwrap();
        assert_eq!(m[0].figure.value().exact(), Some(v), "{text}");
    }
}

#[test]
fn ok_old_level_takes_the_new_levels_scale() {
    // "von 2,9 auf 3,1 Milliarden Euro": 2.9 billion euros.
    for (code, text, old, value) in [
        (
            "de",
            "Der Umsatz stieg von 2,9 auf 3,1 Milliarden Euro.",
            "2,9",
            "2900000000",
        ),
        (
            "ru",
            "Выручка выросла с 2 до 2,3 млрд рублей.",
            "2",
            "2000000000",
        ),
        (
            "en",
            "Revenue rose from $4.02 billion to $4.5 billion.",
            "$4.02 billion",
            "4020000000",
        ),
    ] {
        let (found, changes) = extract_changes(text, &Options::default().lang(lang(code)));
        let from = &found[changes[0].from.unwrap()];
        assert_eq!(from.text(text), old);
        assert_eq!(from.figure.value().exact(), Some(value.parse().unwrap()));
        assert_eq!(
            from.figure.currency(),
            found[changes[0].to.unwrap()].figure.currency()
        );
    }
}

#[test]
fn ok_basis_points_are_their_own_unit() {
    let found = extract("The Fed cut rates by 25 basis points.", &Options::default());
    assert_eq!(found[0].figure.unit().map(|u| u.symbol()), Some("bp"));
    assert_eq!(found[0].figure.value().exact(), Some(Decimal::from(25)));
}

#[test]
fn ok_new_level_written_as_up_to_is_exact() {
    let text = "Выручка выросла на 15% до 2,3 млрд рублей.";
    let (found, changes) = extract_changes(text, &Options::default().lang(Lang::Ru));
    let to = &found[changes[0].to.unwrap()];
    assert_eq!(to.text(text), "2,3 млрд рублей");
    assert_eq!(to.figure.qualifier(), chiffre::Qualifier::Exact);
}
