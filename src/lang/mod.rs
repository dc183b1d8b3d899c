//! Languages, and the data that describes each of them.
//!
//! Every language is one file in this folder holding one `static TABLE:
//! LangTable`: pure data (number format, and a word list where each surface
//! form maps to a [`Word`] meaning). The grammar in `crate::grammar` reads
//! these tables and never names a language.
//!
//! # How to add a language
//!
//! 1. Copy `en.rs` to `<code>.rs` (ISO 639-1) and translate every row: all
//!    inflected forms of scale words, currency names, units, qualifiers,
//!    periods, number words, count nouns, month names and stopwords.
//!    Abbreviations are written with their dot ("Mrd."); the form without
//!    the dot is added automatically. Case is folded unless an entry is made
//!    with [`exact`] (use it for one-letter abbreviations such as "M").
//! 2. Add a variant to [`Lang`], its code to [`Lang::code`] and
//!    [`Lang::from_code`], and the table to [`Lang::table`].
//! 3. Add `tests/corpus/<code>.toml` with surface forms of real figures.
//!
//! # Matching rules shared by all languages
//!
//! * Case is folded (ASCII, Latin-1, Cyrillic; "ё" matches "е").
//! * A space in an entry matches any run of white space, including U+00A0,
//!   U+202F, U+2009 and U+2007; a hyphen matches U+2010 and U+2011; an
//!   apostrophe matches U+2019.
//! * An invisible format character (soft hyphen, zero-width space...) inside
//!   a word is skipped ("Mil\u{ad}liarden" matches "Milliarden").
//! * The longest entry wins, and an entry that ends in a letter or digit
//!   must not be followed by one ("million" never matches in "millions").

pub(crate) mod cldr;
pub(crate) mod common;
pub(crate) mod de;
pub(crate) mod en;
pub(crate) mod fr;
pub(crate) mod ru;

use std::fmt;

use crate::figure::{Period, Qualifier};
use crate::unit::{Currency, Unit};

/// A language chiffre reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order used to break ties.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Ru];

    /// The ISO 639-1 code.
    ///
    /// ```
    /// assert_eq!(chiffre::Lang::Ru.code(), "ru");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Ru => "ru",
        }
    }

    /// Looks a language up by its ISO 639-1 code (a region suffix such as
    /// `en-GB` is ignored).
    ///
    /// ```
    /// assert_eq!(chiffre::Lang::from_code("fr-CH"), Some(chiffre::Lang::Fr));
    /// assert_eq!(chiffre::Lang::from_code("xx"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or(code);
        match base.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "de" => Some(Lang::De),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub(crate) fn table(self) -> &'static LangTable {
        match self {
            Lang::En => &en::TABLE,
            Lang::Fr => &fr::TABLE,
            Lang::De => &de::TABLE,
            Lang::Ru => &ru::TABLE,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The data describing one language.
#[derive(Debug)]
pub(crate) struct LangTable {
    /// Which language this is.
    pub lang: Lang,
    /// The decimal separator of the language's usual style.
    pub decimal_sep: char,
    /// Characters that separate groups of three digits. A lone '.' or ','
    /// followed by exactly three digits is a group separator when it is
    /// listed here, and a decimal separator otherwise.
    pub group_seps: &'static [char],
    /// Number words may be glued into one word ("einhundertneunundneunzig").
    pub compound_numbers: bool,
    /// The script the language is written in.
    pub script: Script,
    /// Every word the grammar knows, with its meaning.
    pub words: &'static [Entry],
    /// Currency names generated from CLDR (`src/lang/cldr/<code>.rs`).
    pub cldr_currencies: &'static [Entry],
    /// The currency of a subunit word that names none ("cents" in English
    /// is US cents, "centimes" in French euro cents); a guess, recorded in
    /// the figure, and replaced by a local currency of the same family.
    pub subunit_currency: Currency,
    /// Scale abbreviations the language writes without a dot ("млрд"): a
    /// dot after one before a new sentence is the sentence's.
    pub dotless: &'static [&'static str],
    /// Currency names that several countries use, and the country words
    /// that tell which (see `extract::sentence`).
    pub places: &'static [Places],
    /// Frequent short words used to tell languages apart.
    pub stopwords: &'static [&'static str],
}

/// A currency name shared by several countries ("riyals"): the words that
/// name each country (matched at a word start, so "Qatar" also finds
/// "Qatari"), and the currency the name means when no country is named.
#[derive(Debug)]
pub(crate) struct Places {
    /// The starts of the currency's names ("riyal" finds "riyals";
    /// "krone" finds "kroner"), one per spelling ("riyal", "rial").
    pub names: &'static [&'static str],
    /// Country words and their currency.
    pub countries: &'static [(&'static str, Currency)],
    /// The currency when the paragraph names no country of the list.
    pub usual: Option<Currency>,
}

/// The ISO currency `c`, in a const table.
pub(crate) const fn iso(c: iso_currency::Currency) -> Currency {
    Currency::Iso(c)
}

/// A writing system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
}

impl Script {
    /// The script of a letter, if it is one of ours.
    pub(crate) fn of(c: char) -> Option<Script> {
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            Some(Script::Latin)
        } else if ('\u{400}'..='\u{4ff}').contains(&c) {
            Some(Script::Cyrillic)
        } else {
            None
        }
    }
}

/// One row of a language table: a surface form and what it means.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub text: &'static str,
    pub word: Word,
    /// Match the case exactly (one-letter abbreviations: "M" is not "m").
    pub exact: bool,
}

/// A row whose case is folded when matching.
pub(crate) const fn w(text: &'static str, word: Word) -> Entry {
    Entry {
        text,
        word,
        exact: false,
    }
}

/// A row that only matches with exactly this case.
pub(crate) const fn exact(text: &'static str, word: Word) -> Entry {
    Entry {
        text,
        word,
        exact: true,
    }
}

/// What a word means to the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Word {
    /// A cardinal number word and its place ("twenty" = `Num(20, Ten)`).
    Num(u16, Place),
    /// A scale word: the power of ten, and how it is written.
    Scale(u8, ScaleForm),
    /// A singular scale word that may stand without a number and then
    /// means one of it ("тысяча", "миллион", "mille", "tausend").
    ScaleAlone(u8),
    /// A currency name written after the number ("dollars", "долларов").
    Cur(Currency),
    /// A currency name or symbol written before the number ("US$", "€" before
    /// the number). Symbols usually appear in both lists.
    CurBefore(Currency),
    /// An ambiguous currency name after the number, read by default as this
    /// currency ("dollars" → USD); the figure records the guess.
    CurGuess(Currency),
    /// An ambiguous currency symbol before the number ("$" → USD).
    CurGuessBefore(Currency),
    /// A coin of a dollar currency after the number, with its value in
    /// cents: "dimes" = `Coin(USD, 10)`; the local dollar replaces USD.
    Coin(Currency, u16),
    /// A currency word that carries a scale: "grand" = 1000 of the local
    /// currency (USD by default).
    CurScale(Currency, u8),
    /// A currency name that names no single ISO currency ("dinars",
    /// "riyals", historic "francs", "pesetas"): money, currency unknown.
    CurNone,
    /// A currency subunit written after the number ("cents", "копеек"):
    /// the value is given in the main unit (15 cents = 0.15), in this
    /// currency, else the one before the number, else the language's
    /// [`LangTable::subunit_currency`].
    Subunit(Option<Currency>),
    /// A unit written after the number ("MW", "megawatts", "лет").
    Unit(Unit),
    /// A unit glued to the number by a hyphen only ("12-летний", "12-jährigen").
    UnitGlued(Unit),
    /// The percent sign or word ("%", "percent", "процентов").
    Percent,
    /// Percentage points ("п.п.", "percentage points").
    PercentPoint,
    /// A period after a rate ("a year", "в год", "par an").
    Period(Period),
    /// A period adjective before the figure, read from context ("annual",
    /// "среднегодовой"): applies to the next figure in the sentence.
    PeriodAdj(Period),
    /// A qualifier before the number ("about", "около").
    Qual(Qualifier),
    /// A qualifier after the figure ("or more", "с лишним").
    QualAfter(Qualifier),
    /// A verb before the figure that qualifies it without being part of it
    /// ("exceeds", "превысит"); read from context.
    QualVerb(Qualifier),
    /// A time shift after a period word: "a year *earlier*", "годом *ранее*"
    /// (then the period word is not a rate).
    Ago,
    /// Opens a range ("between", "from", "от", "entre", "zwischen").
    RangeOpen,
    /// Joins the two ends of a range. `needs_open`: only after [`Word::RangeOpen`]
    /// ("and" after "between"); otherwise standalone ("to", "bis", "–").
    RangeSep { needs_open: bool },
    /// Joins number words ("one hundred *and* five", "vingt *et* un").
    NumAnd,
    /// Links a scale word to a currency name ("milliards *de* dollars").
    Linker,
    /// A minus word ("minus", "минус").
    Minus,
    /// A noun that makes a bare number a count ("employees", "сотрудников").
    Count,
    /// A loss word governing a following figure ("loss", "убыток").
    Loss,
    /// A word that marks a total ("total", "insgesamt", "совокупный").
    Total,
    /// A month name: a number next to it is a date, not a figure.
    Month,
    /// A word after which a number is a reference, not a figure ("section",
    /// "part", "Kapitel", "глава").
    Reference,
    /// An ordinal number word ("fifth", "twentieth", "cinquième", "fünfte",
    /// "пятый"): a spelled number followed by one is an ordinal, not a
    /// figure ("twenty-fifth", "двадцать первый"). Also the denominators of
    /// fractions that are no exact decimal ("tiers", "Drittel", "трети"):
    /// "deux tiers" is no figure, and not the number 2.
    Ordinal,
    /// The denominator of a spelled fraction, as 2^twos × 5^fives (only
    /// fractions that end in decimals are figures), and the numerators it
    /// agrees with: "one fifth", "three fifths", "drei Viertel", "одна
    /// пятая", "три пятых". Written with [`den`].
    Denom { twos: u8, fives: u8, agree: Agree },
    /// A qualifier that is also a preposition of time ("over", "über"):
    /// before a duration it means "during" ("paid over six years", "ein
    /// Vertrag über zwölf Jahre"), not "more than".
    During,
    /// An age after a duration ("thirty years *old*", "30 Jahre *alt*"): the
    /// qualifier before it keeps its "more than" reading.
    Age,
    /// A verb of change ("выросла", "снизил"): after it, a word that means
    /// both "up to" and "to" ("до") means "to" ("выросла до 41%").
    ChangeVerb,
    /// A determiner before "one" that makes it a pronoun ("the one", "which
    /// one", "this one"), not the number 1.
    Determiner,
    /// "of" after a fraction ("a fifth *of* the staff"): tells "a fifth"
    /// the fraction from "a fifth straight year" the ordinal.
    FractionOf,
    /// The decimal point of a spelled number ("two point five", "deux
    /// virgule cinq", "zwei Komma fünf").
    Point,
    /// A dozen: multiplies the units and tens before it by twelve ("two
    /// dozen" = 24, "3 dozens" = 36).
    Dozen,
    /// "percent of" before a number ("per cent of twenty-two").
    PercentOf,
    /// A suffix glued by a hyphen that makes the number an ordinal or a
    /// decade ("4-й", "2000-х", "90er").
    OrdinalSuffix,
    /// A word of rise ("rose", "a progressé", "stieg", "вырос", "up").
    Rise,
    /// A word of fall ("fell", "a reculé", "sank", "снизился", "down").
    Fall,
    /// A multiplier written as a word: the factor `num / den`; `verb` when
    /// the word is itself the verb of change ("doubled", "halbiert"), not
    /// an adverb that needs one ("threefold", "вдвое").
    Multiplier { num: u8, den: u8, verb: bool },
    /// After a number, makes it a multiple ("2.5-fold", "в 2,5 раза").
    TimesAfter,
    /// Before a number, makes it a multiple ("multiplié par 2,5").
    TimesBefore,
    /// What the figure after it is in a change (`Mark`).
    ChangeMark(Mark),
}

impl Word {
    /// A word that only reads changes (rise, fall, multiplier, the marks of
    /// a change): not a table word for the context of a figure.
    pub(crate) fn is_change(self) -> bool {
        matches!(
            self,
            Word::Rise
                | Word::Fall
                | Word::Multiplier { .. }
                | Word::TimesAfter
                | Word::TimesBefore
                | Word::ChangeMark(_)
        )
    }
}

/// The part of a change the figure after a word plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Mark {
    /// The change itself ("by", "um", "на").
    By,
    /// The old level ("from", "contre", "nach", "с").
    From,
    /// The new level ("to", "à", "auf", "до").
    To,
    /// The change, or the old level when a new level of the same sort
    /// follows (French "de": "de 8 %" is by, "de 130 € à 118 €" is from).
    ByOrFrom,
}

/// Which numerators a fraction's denominator word agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Agree {
    /// Only one: "одна пятая", "un quart".
    One,
    /// Only one, and the word is also an ordinal: a fraction only before
    /// "of" or at the end of the words ("a fifth of the staff", "un
    /// cinquième des recettes"; not "a fifth straight year", "the one
    /// hundredth flight").
    OneOf,
    /// Any other: "three fifths", "trois cinquièmes", "три пятых".
    Many,
    /// Every numerator: "ein Fünftel", "drei Fünftel".
    Any,
}

/// The place a number word fills in a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Place {
    /// 0–9.
    Unit,
    /// Fills both tens and units: 10–19, and the French 71–79 and 91–99
    /// ("soixante et onze", "quatre-vingt-douze").
    Teen,
    /// 20, 30 … 90 (also French 70 "soixante-dix", 80, 90 forms).
    Ten,
    /// A complete hundreds value: Russian "двести" = 200, "сто" = 100.
    Hundreds,
    /// The multiplier "hundred"/"cent"/"hundert": multiplies what precedes (or 1).
    Hundred,
    /// "a"/"an"/"un"/"ein": 1 in front of "hundred" or a scale word; alone,
    /// only before a currency ("un dollar", "einen Euro").
    Article,
    /// A fraction, in hundredths: "полтора" = `Num(150, Fraction)` (1.5),
    /// "half" = 50, "three quarters" = 75; before a scale word ("полтора
    /// миллиарда", "half a million") or alone ("полтора года").
    Fraction,
    /// "demi" in "un milliard et demi": half of the preceding scale word,
    /// or a half added to the number before ("deux et demi"); always
    /// `Num(5, Half)`, after the language's "and".
    Half,
    /// "and a half" as one row ("two and a half billion", "два с половиной
    /// миллиарда", "a million and a half"): as `Half`, with its own "and".
    AndHalf,
}

/// How a scale word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ScaleForm {
    /// A word or an unambiguous abbreviation ("million", "млн", "Mrd.", "bn").
    Word,
    /// A one- or two-letter abbreviation ("k", "M", "b"): accepted when glued to
    /// the digits, or when the figure has a currency.
    Letter,
    /// The long-scale "billion" of French and German: 10^12, flagged as an
    /// ambiguity since English readers take it as 10^9.
    LongScale,
}

// Shorthands for the tables.
pub(crate) use Place::{AndHalf, Article, Fraction, Half, Hundred, Hundreds, Teen, Ten};

/// `Place::Unit`, renamed so that tables can also use `Unit` for units.
pub(crate) const UNIT: Place = Place::Unit;

/// A scale word written out (`sc(6)` = million).
pub(crate) const fn sc(exp: u8) -> Word {
    Word::Scale(exp, ScaleForm::Word)
}

/// A fraction's denominator (`den(8, Agree::Many)` = "eighths"); it must
/// be 2^a × 5^b, so that the fraction is an exact decimal (checked when
/// the table is compiled).
pub(crate) const fn den(d: u64, agree: Agree) -> Word {
    let (mut n, mut twos, mut fives) = (d, 0u8, 0u8);
    while n > 1 && n % 2 == 0 {
        n /= 2;
        twos += 1;
    }
    while n > 1 && n % 5 == 0 {
        n /= 5;
        fives += 1;
    }
    assert!(n == 1 && d > 1, "a denominator must be 2^a × 5^b");
    Word::Denom { twos, fives, agree }
}

/// A one-letter scale abbreviation (`letter(6)` = "M").
pub(crate) const fn letter(exp: u8) -> Word {
    Word::Scale(exp, ScaleForm::Letter)
}

/// The long-scale billion (10^12).
pub(crate) const fn long_billion() -> Word {
    Word::Scale(12, ScaleForm::LongScale)
}

/// A currency name after the number.
pub(crate) const fn cur(c: iso_currency::Currency) -> Word {
    Word::Cur(Currency::Iso(c))
}

/// A currency name or symbol before the number.
pub(crate) const fn cur_before(c: iso_currency::Currency) -> Word {
    Word::CurBefore(Currency::Iso(c))
}

/// An ambiguous currency name after the number ("dollars" → USD, guessed).
pub(crate) const fn cur_guess(c: iso_currency::Currency) -> Word {
    Word::CurGuess(Currency::Iso(c))
}

/// An ambiguous currency symbol before the number ("$" → USD, guessed).
pub(crate) const fn cur_guess_before(c: iso_currency::Currency) -> Word {
    Word::CurGuessBefore(Currency::Iso(c))
}

/// A number word.
pub(crate) const fn num(v: u16, p: Place) -> Word {
    Word::Num(v, p)
}

#[cfg(test)]
pub(crate) mod table_tests {
    //! Invariants every table must keep.
    use super::*;
    use std::collections::HashSet;

    pub(crate) fn check(t: &LangTable) {
        let mut seen = HashSet::new();
        for e in t.words {
            assert!(!e.text.is_empty(), "{:?}: empty entry", t.lang);
            assert_eq!(
                e.text,
                e.text.trim(),
                "{:?}: untrimmed {:?}",
                t.lang,
                e.text
            );
            assert!(
                !e.text.contains("  "),
                "{:?}: double space in {:?}",
                t.lang,
                e.text
            );
            let surface = if e.exact {
                e.text.to_string()
            } else {
                crate::lexicon::fold_str(e.text)
            };
            let key = (surface, e.exact, e.word);
            assert!(
                seen.insert(key),
                "{:?}: duplicate row {:?} {:?}",
                t.lang,
                e.text,
                e.word
            );
            if let Word::Num(v, p) = e.word {
                match p {
                    Place::Unit => assert!(v <= 9, "{:?}", e.text),
                    Place::Teen => assert!((10..=99).contains(&v), "{:?}", e.text),
                    Place::Ten => assert!(v % 10 == 0 && (20..=90).contains(&v), "{:?}", e.text),
                    Place::Hundreds => {
                        assert!(v % 100 == 0 && (100..=900).contains(&v), "{:?}", e.text)
                    }
                    Place::Hundred => assert_eq!(v, 100, "{:?}", e.text),
                    Place::Article => assert_eq!(v, 1, "{:?}", e.text),
                    Place::Fraction => assert!(v > 0 && v % 100 != 0, "{:?}", e.text),
                    Place::Half | Place::AndHalf => assert_eq!(v, 5, "{:?}", e.text),
                }
            }
        }
        assert!(t.stopwords.len() >= 10, "{:?}: too few stopwords", t.lang);
        assert!(t.group_seps.iter().all(|c| *c != t.decimal_sep));
    }

    #[test]
    fn every_table_keeps_its_invariants() {
        for l in Lang::ALL {
            check(l.table());
            assert_eq!(l.table().lang, l);
        }
    }
}
