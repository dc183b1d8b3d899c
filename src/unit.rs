//! Currencies and physical units.

use std::fmt;

use rust_decimal::Decimal;

use crate::figure::Kind;

/// A currency: any ISO 4217 currency, or one of a few crypto-assets that
/// have no ISO code.
///
/// ```
/// use chiffre::Currency;
/// assert_eq!(Currency::from_code("USD").map(|c| c.code()), Some("USD"));
/// assert_eq!(Currency::from_code("BTC"), Some(Currency::Crypto(chiffre::Crypto::Btc)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Currency {
    /// An ISO 4217 currency.
    Iso(iso_currency::Currency),
    /// A crypto-asset without an ISO code.
    Crypto(Crypto),
}

/// Crypto-assets that news text prices things in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Crypto {
    /// Bitcoin.
    Btc,
    /// Ether.
    Eth,
    /// Tether.
    Usdt,
    /// USD Coin.
    Usdc,
}

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency::Iso(iso_currency::Currency::USD);
    /// Euro.
    pub const EUR: Currency = Currency::Iso(iso_currency::Currency::EUR);
    /// Pound sterling.
    pub const GBP: Currency = Currency::Iso(iso_currency::Currency::GBP);
    /// Russian rouble.
    pub const RUB: Currency = Currency::Iso(iso_currency::Currency::RUB);
    /// Japanese yen.
    pub const JPY: Currency = Currency::Iso(iso_currency::Currency::JPY);
    /// Swiss franc.
    pub const CHF: Currency = Currency::Iso(iso_currency::Currency::CHF);
    /// Chinese yuan.
    pub const CNY: Currency = Currency::Iso(iso_currency::Currency::CNY);
    /// Bitcoin.
    pub const BTC: Currency = Currency::Crypto(Crypto::Btc);

    /// The code: ISO 4217 for fiat, the market ticker for crypto.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Iso(c) => c.code(),
            Currency::Crypto(Crypto::Btc) => "BTC",
            Currency::Crypto(Crypto::Eth) => "ETH",
            Currency::Crypto(Crypto::Usdt) => "USDT",
            Currency::Crypto(Crypto::Usdc) => "USDC",
        }
    }

    /// Looks a code up: ISO 4217 or one of the crypto tickers.
    pub fn from_code(code: &str) -> Option<Currency> {
        match code {
            "BTC" | "XBT" => Some(Currency::Crypto(Crypto::Btc)),
            "ETH" => Some(Currency::Crypto(Crypto::Eth)),
            "USDT" => Some(Currency::Crypto(Crypto::Usdt)),
            "USDC" => Some(Currency::Crypto(Crypto::Usdc)),
            _ => iso_currency::Currency::from_code(code).map(Currency::Iso),
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A physical or counting unit attached to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Unit {
    /// Watt.
    W,
    /// Kilowatt.
    KW,
    /// Megawatt.
    MW,
    /// Gigawatt.
    GW,
    /// Terawatt.
    TW,
    /// Watt-hour.
    Wh,
    /// Kilowatt-hour.
    KWh,
    /// Megawatt-hour.
    MWh,
    /// Gigawatt-hour.
    GWh,
    /// Terawatt-hour.
    TWh,
    /// Hashes per second.
    Hs,
    /// Kilohashes per second.
    KHs,
    /// Megahashes per second.
    MHs,
    /// Gigahashes per second.
    GHs,
    /// Terahashes per second.
    THs,
    /// Petahashes per second.
    PHs,
    /// Exahashes per second.
    EHs,
    /// Years (a duration).
    Year,
    /// Quarters (a duration).
    Quarter,
    /// Months (a duration).
    Month,
    /// Weeks (a duration).
    Week,
    /// Days (a duration).
    Day,
    /// Hours (a duration).
    Hour,
    /// Percentage points.
    PercentagePoint,
    /// Basis points: hundredths of a percentage point.
    BasisPoint,
    /// A hundredth of a currency (cent, centime, kopeck, penny): the value is
    /// the number of subunits as written. `extract` and `parse` report
    /// subunits in the main unit (rule `subunit-in-main-unit`) and no longer
    /// give this unit; it stays for figures built from older output.
    Cent,
    /// Nanometre (length).
    Nanometre,
    /// Micrometre (length).
    Micrometre,
    /// Millimetre (length).
    Millimetre,
    /// Centimetre (length).
    Centimetre,
    /// Decimetre (length).
    Decimetre,
    /// Metre: the base of lengths.
    Metre,
    /// Kilometre (length).
    Kilometre,
    /// Inch: 0.0254 m.
    Inch,
    /// Foot: 0.3048 m.
    Foot,
    /// Yard: 0.9144 m.
    Yard,
    /// Statute mile: 1609.344 m.
    Mile,
    /// Nautical mile: 1852 m.
    NauticalMile,
    /// Microgram (mass).
    Microgram,
    /// Milligram (mass).
    Milligram,
    /// Gram: the base of masses.
    Gram,
    /// Kilogram (mass).
    Kilogram,
    /// Metric tonne: 1000 kg (also the reading of a bare "ton").
    Tonne,
    /// Avoirdupois ounce: 28.349523125 g.
    Ounce,
    /// Avoirdupois pound: 453.59237 g.
    Pound,
    /// Millilitre (volume).
    Millilitre,
    /// Centilitre (volume).
    Centilitre,
    /// Litre: the base of volumes.
    Litre,
    /// Hectolitre (volume).
    Hectolitre,
    /// Cubic metre: 1000 l.
    CubicMetre,
    /// Cubic foot: 28.316846592 l.
    CubicFoot,
    /// US gallon: 3.785411784 l.
    Gallon,
    /// Oil barrel: 42 US gallons, 158.987294928 l.
    Barrel,
    /// Square metre: the base of areas.
    SquareMetre,
    /// Square kilometre (area).
    SquareKilometre,
    /// Hectare: 10000 m².
    Hectare,
    /// Acre: 4046.8564224 m².
    Acre,
    /// Square foot: 0.09290304 m².
    SquareFoot,
    /// Square mile: 2589988.110336 m².
    SquareMile,
    /// Kilometre per hour: the base of speeds (every factor to it is exact).
    KmPerHour,
    /// Metre per second: 3.6 km/h.
    MetrePerSecond,
    /// Mile per hour: 1.609344 km/h.
    MilePerHour,
    /// Knot: 1.852 km/h.
    Knot,
    /// Degree of angle ("degrees" may also be a temperature difference).
    Degree,
    /// Radian: its own base (π has no exact decimal).
    Radian,
    /// Degree Celsius: its own base (scales with an offset do not convert by a factor).
    Celsius,
    /// Degree Fahrenheit: its own base.
    Fahrenheit,
    /// Bit: 1/8 byte.
    Bit,
    /// Kilobit: 125 bytes.
    Kilobit,
    /// Megabit: 125000 bytes.
    Megabit,
    /// Gigabit (10^9 bits).
    Gigabit,
    /// Terabit (10^12 bits).
    Terabit,
    /// Byte: the base of information.
    Byte,
    /// Kilobyte: 1000 bytes (decimal).
    Kilobyte,
    /// Megabyte: 10^6 bytes.
    Megabyte,
    /// Gigabyte: 10^9 bytes.
    Gigabyte,
    /// Terabyte: 10^12 bytes.
    Terabyte,
    /// Petabyte: 10^15 bytes.
    Petabyte,
    /// Kibibyte: 1024 bytes.
    Kibibyte,
    /// Mebibyte: 1024^2 bytes.
    Mebibyte,
    /// Gibibyte: 1024^3 bytes.
    Gibibyte,
    /// Tebibyte: 1024^4 bytes.
    Tebibyte,
    /// Bit per second: the base of data rates.
    BitPerSecond,
    /// Kilobit per second.
    KilobitPerSecond,
    /// Megabit per second.
    MegabitPerSecond,
    /// Gigabit per second.
    GigabitPerSecond,
    /// Terabit per second.
    TerabitPerSecond,
}

impl Unit {
    /// The symbol used in JSON ("MW", "kWh", "EH/s", "year", "pp", "cent").
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::W => "W",
            Unit::KW => "kW",
            Unit::MW => "MW",
            Unit::GW => "GW",
            Unit::TW => "TW",
            Unit::Wh => "Wh",
            Unit::KWh => "kWh",
            Unit::MWh => "MWh",
            Unit::GWh => "GWh",
            Unit::TWh => "TWh",
            Unit::Hs => "H/s",
            Unit::KHs => "kH/s",
            Unit::MHs => "MH/s",
            Unit::GHs => "GH/s",
            Unit::THs => "TH/s",
            Unit::PHs => "PH/s",
            Unit::EHs => "EH/s",
            Unit::Year => "year",
            Unit::Quarter => "quarter",
            Unit::Month => "month",
            Unit::Week => "week",
            Unit::Day => "day",
            Unit::Hour => "hour",
            Unit::PercentagePoint => "pp",
            Unit::BasisPoint => "bp",
            Unit::Cent => "cent",
            Unit::Nanometre => "nm",
            Unit::Micrometre => "µm",
            Unit::Millimetre => "mm",
            Unit::Centimetre => "cm",
            Unit::Decimetre => "dm",
            Unit::Metre => "m",
            Unit::Kilometre => "km",
            Unit::Inch => "in",
            Unit::Foot => "ft",
            Unit::Yard => "yd",
            Unit::Mile => "mi",
            Unit::NauticalMile => "nmi",
            Unit::Microgram => "µg",
            Unit::Milligram => "mg",
            Unit::Gram => "g",
            Unit::Kilogram => "kg",
            Unit::Tonne => "t",
            Unit::Ounce => "oz",
            Unit::Pound => "lb",
            Unit::Millilitre => "ml",
            Unit::Centilitre => "cl",
            Unit::Litre => "l",
            Unit::Hectolitre => "hl",
            Unit::CubicMetre => "m3",
            Unit::CubicFoot => "ft3",
            Unit::Gallon => "gal",
            Unit::Barrel => "bbl",
            Unit::SquareMetre => "m2",
            Unit::SquareKilometre => "km2",
            Unit::Hectare => "ha",
            Unit::Acre => "acre",
            Unit::SquareFoot => "ft2",
            Unit::SquareMile => "mi2",
            Unit::KmPerHour => "km/h",
            Unit::MetrePerSecond => "m/s",
            Unit::MilePerHour => "mph",
            Unit::Knot => "kn",
            Unit::Degree => "deg",
            Unit::Radian => "rad",
            Unit::Celsius => "degC",
            Unit::Fahrenheit => "degF",
            Unit::Bit => "bit",
            Unit::Kilobit => "kbit",
            Unit::Megabit => "Mbit",
            Unit::Gigabit => "Gbit",
            Unit::Terabit => "Tbit",
            Unit::Byte => "B",
            Unit::Kilobyte => "KB",
            Unit::Megabyte => "MB",
            Unit::Gigabyte => "GB",
            Unit::Terabyte => "TB",
            Unit::Petabyte => "PB",
            Unit::Kibibyte => "KiB",
            Unit::Mebibyte => "MiB",
            Unit::Gibibyte => "GiB",
            Unit::Tebibyte => "TiB",
            Unit::BitPerSecond => "bit/s",
            Unit::KilobitPerSecond => "kbit/s",
            Unit::MegabitPerSecond => "Mbit/s",
            Unit::GigabitPerSecond => "Gbit/s",
            Unit::TerabitPerSecond => "Tbit/s",
        }
    }

    /// Looks a unit up by its [`symbol`](Unit::symbol).
    pub fn from_symbol(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.symbol() == s)
    }

    /// Every unit.
    pub const ALL: [Unit; 87] = [
        Unit::W,
        Unit::KW,
        Unit::MW,
        Unit::GW,
        Unit::TW,
        Unit::Wh,
        Unit::KWh,
        Unit::MWh,
        Unit::GWh,
        Unit::TWh,
        Unit::Hs,
        Unit::KHs,
        Unit::MHs,
        Unit::GHs,
        Unit::THs,
        Unit::PHs,
        Unit::EHs,
        Unit::Year,
        Unit::Quarter,
        Unit::Month,
        Unit::Week,
        Unit::Day,
        Unit::Hour,
        Unit::PercentagePoint,
        Unit::BasisPoint,
        Unit::Cent,
        Unit::Nanometre,
        Unit::Micrometre,
        Unit::Millimetre,
        Unit::Centimetre,
        Unit::Decimetre,
        Unit::Metre,
        Unit::Kilometre,
        Unit::Inch,
        Unit::Foot,
        Unit::Yard,
        Unit::Mile,
        Unit::NauticalMile,
        Unit::Microgram,
        Unit::Milligram,
        Unit::Gram,
        Unit::Kilogram,
        Unit::Tonne,
        Unit::Ounce,
        Unit::Pound,
        Unit::Millilitre,
        Unit::Centilitre,
        Unit::Litre,
        Unit::Hectolitre,
        Unit::CubicMetre,
        Unit::CubicFoot,
        Unit::Gallon,
        Unit::Barrel,
        Unit::SquareMetre,
        Unit::SquareKilometre,
        Unit::Hectare,
        Unit::Acre,
        Unit::SquareFoot,
        Unit::SquareMile,
        Unit::KmPerHour,
        Unit::MetrePerSecond,
        Unit::MilePerHour,
        Unit::Knot,
        Unit::Degree,
        Unit::Radian,
        Unit::Celsius,
        Unit::Fahrenheit,
        Unit::Bit,
        Unit::Kilobit,
        Unit::Megabit,
        Unit::Gigabit,
        Unit::Terabit,
        Unit::Byte,
        Unit::Kilobyte,
        Unit::Megabyte,
        Unit::Gigabyte,
        Unit::Terabyte,
        Unit::Petabyte,
        Unit::Kibibyte,
        Unit::Mebibyte,
        Unit::Gibibyte,
        Unit::Tebibyte,
        Unit::BitPerSecond,
        Unit::KilobitPerSecond,
        Unit::MegabitPerSecond,
        Unit::GigabitPerSecond,
        Unit::TerabitPerSecond,
    ];

    /// The kind of figure this unit makes.
    pub fn kind(self) -> Kind {
        match self {
            Unit::W | Unit::KW | Unit::MW | Unit::GW | Unit::TW => Kind::Power,
            Unit::Wh | Unit::KWh | Unit::MWh | Unit::GWh | Unit::TWh => Kind::Energy,
            Unit::Hs | Unit::KHs | Unit::MHs | Unit::GHs | Unit::THs | Unit::PHs | Unit::EHs => {
                Kind::Hashrate
            }
            Unit::Year | Unit::Quarter | Unit::Month | Unit::Week | Unit::Day | Unit::Hour => {
                Kind::Duration
            }
            Unit::PercentagePoint | Unit::BasisPoint => Kind::Percent,
            Unit::Cent => Kind::Money,
            Unit::Nanometre
            | Unit::Micrometre
            | Unit::Millimetre
            | Unit::Centimetre
            | Unit::Decimetre
            | Unit::Metre
            | Unit::Kilometre
            | Unit::Inch
            | Unit::Foot
            | Unit::Yard
            | Unit::Mile
            | Unit::NauticalMile
            | Unit::Microgram
            | Unit::Milligram
            | Unit::Gram
            | Unit::Kilogram
            | Unit::Tonne
            | Unit::Ounce
            | Unit::Pound
            | Unit::Millilitre
            | Unit::Centilitre
            | Unit::Litre
            | Unit::Hectolitre
            | Unit::CubicMetre
            | Unit::CubicFoot
            | Unit::Gallon
            | Unit::Barrel
            | Unit::SquareMetre
            | Unit::SquareKilometre
            | Unit::Hectare
            | Unit::Acre
            | Unit::SquareFoot
            | Unit::SquareMile
            | Unit::KmPerHour
            | Unit::MetrePerSecond
            | Unit::MilePerHour
            | Unit::Knot
            | Unit::Degree
            | Unit::Radian
            | Unit::Celsius
            | Unit::Fahrenheit
            | Unit::Bit
            | Unit::Kilobit
            | Unit::Megabit
            | Unit::Gigabit
            | Unit::Terabit
            | Unit::Byte
            | Unit::Kilobyte
            | Unit::Megabyte
            | Unit::Gigabyte
            | Unit::Terabyte
            | Unit::Petabyte
            | Unit::Kibibyte
            | Unit::Mebibyte
            | Unit::Gibibyte
            | Unit::Tebibyte
            | Unit::BitPerSecond
            | Unit::KilobitPerSecond
            | Unit::MegabitPerSecond
            | Unit::GigabitPerSecond
            | Unit::TerabitPerSecond => Kind::Measure,
        }
    }

    /// The base unit of the unit's dimension and the exact factor to it:
    /// `MW` → (`W`, 10^6), `Month` → (`Month`, 1), `Year` → (`Month`, 12).
    ///
    /// Durations use the month as base for years, quarters and months (exact),
    /// and the hour for weeks, days and hours; the two families do not mix.
    /// Measures use the metre, gram, litre, square metre, km/h (so that m/s,
    /// mph and knots are exact), degree and byte (bits are 1/8 byte); radians
    /// and temperatures are their own bases.
    pub fn base(self) -> (Unit, Decimal) {
        let p = |e: u32| Decimal::from(10u64.pow(e));
        match self {
            Unit::W => (Unit::W, p(0)),
            Unit::KW => (Unit::W, p(3)),
            Unit::MW => (Unit::W, p(6)),
            Unit::GW => (Unit::W, p(9)),
            Unit::TW => (Unit::W, p(12)),
            Unit::Wh => (Unit::Wh, p(0)),
            Unit::KWh => (Unit::Wh, p(3)),
            Unit::MWh => (Unit::Wh, p(6)),
            Unit::GWh => (Unit::Wh, p(9)),
            Unit::TWh => (Unit::Wh, p(12)),
            Unit::Hs => (Unit::Hs, p(0)),
            Unit::KHs => (Unit::Hs, p(3)),
            Unit::MHs => (Unit::Hs, p(6)),
            Unit::GHs => (Unit::Hs, p(9)),
            Unit::THs => (Unit::Hs, p(12)),
            Unit::PHs => (Unit::Hs, p(15)),
            Unit::EHs => (Unit::Hs, p(18)),
            Unit::Year => (Unit::Month, Decimal::from(12)),
            Unit::Quarter => (Unit::Month, Decimal::from(3)),
            Unit::Month => (Unit::Month, Decimal::ONE),
            Unit::Week => (Unit::Hour, Decimal::from(168)),
            Unit::Day => (Unit::Hour, Decimal::from(24)),
            Unit::Hour => (Unit::Hour, Decimal::ONE),
            Unit::PercentagePoint => (Unit::PercentagePoint, Decimal::ONE),
            Unit::BasisPoint => (Unit::PercentagePoint, Decimal::from_i128_with_scale(1, 2)),
            Unit::Cent => (Unit::Cent, Decimal::ONE),
            Unit::Nanometre => (Unit::Metre, Decimal::from_i128_with_scale(1, 9)),
            Unit::Micrometre => (Unit::Metre, Decimal::from_i128_with_scale(1, 6)),
            Unit::Millimetre => (Unit::Metre, Decimal::from_i128_with_scale(1, 3)),
            Unit::Centimetre => (Unit::Metre, Decimal::from_i128_with_scale(1, 2)),
            Unit::Decimetre => (Unit::Metre, Decimal::from_i128_with_scale(1, 1)),
            Unit::Metre => (Unit::Metre, Decimal::ONE),
            Unit::Kilometre => (Unit::Metre, Decimal::from(1000u64)),
            Unit::Inch => (Unit::Metre, Decimal::from_i128_with_scale(254, 4)),
            Unit::Foot => (Unit::Metre, Decimal::from_i128_with_scale(3048, 4)),
            Unit::Yard => (Unit::Metre, Decimal::from_i128_with_scale(9144, 4)),
            Unit::Mile => (Unit::Metre, Decimal::from_i128_with_scale(1609344, 3)),
            Unit::NauticalMile => (Unit::Metre, Decimal::from(1852u64)),
            Unit::Microgram => (Unit::Gram, Decimal::from_i128_with_scale(1, 6)),
            Unit::Milligram => (Unit::Gram, Decimal::from_i128_with_scale(1, 3)),
            Unit::Gram => (Unit::Gram, Decimal::ONE),
            Unit::Kilogram => (Unit::Gram, Decimal::from(1000u64)),
            Unit::Tonne => (Unit::Gram, Decimal::from(1000000u64)),
            Unit::Ounce => (Unit::Gram, Decimal::from_i128_with_scale(28349523125, 9)),
            Unit::Pound => (Unit::Gram, Decimal::from_i128_with_scale(45359237, 5)),
            Unit::Millilitre => (Unit::Litre, Decimal::from_i128_with_scale(1, 3)),
            Unit::Centilitre => (Unit::Litre, Decimal::from_i128_with_scale(1, 2)),
            Unit::Litre => (Unit::Litre, Decimal::ONE),
            Unit::Hectolitre => (Unit::Litre, Decimal::from(100u64)),
            Unit::CubicMetre => (Unit::Litre, Decimal::from(1000u64)),
            Unit::CubicFoot => (Unit::Litre, Decimal::from_i128_with_scale(28316846592, 9)),
            Unit::Gallon => (Unit::Litre, Decimal::from_i128_with_scale(3785411784, 9)),
            Unit::Barrel => (Unit::Litre, Decimal::from_i128_with_scale(158987294928, 9)),
            Unit::SquareMetre => (Unit::SquareMetre, Decimal::ONE),
            Unit::SquareKilometre => (Unit::SquareMetre, Decimal::from(1000000u64)),
            Unit::Hectare => (Unit::SquareMetre, Decimal::from(10000u64)),
            Unit::Acre => (
                Unit::SquareMetre,
                Decimal::from_i128_with_scale(40468564224, 7),
            ),
            Unit::SquareFoot => (Unit::SquareMetre, Decimal::from_i128_with_scale(9290304, 8)),
            Unit::SquareMile => (
                Unit::SquareMetre,
                Decimal::from_i128_with_scale(2589988110336, 6),
            ),
            Unit::KmPerHour => (Unit::KmPerHour, Decimal::ONE),
            Unit::MetrePerSecond => (Unit::KmPerHour, Decimal::from_i128_with_scale(36, 1)),
            Unit::MilePerHour => (Unit::KmPerHour, Decimal::from_i128_with_scale(1609344, 6)),
            Unit::Knot => (Unit::KmPerHour, Decimal::from_i128_with_scale(1852, 3)),
            Unit::Degree => (Unit::Degree, Decimal::ONE),
            Unit::Radian => (Unit::Radian, Decimal::ONE),
            Unit::Celsius => (Unit::Celsius, Decimal::ONE),
            Unit::Fahrenheit => (Unit::Fahrenheit, Decimal::ONE),
            Unit::Bit => (Unit::Byte, Decimal::from_i128_with_scale(125, 3)),
            Unit::Kilobit => (Unit::Byte, Decimal::from(125u64)),
            Unit::Megabit => (Unit::Byte, Decimal::from(125000u64)),
            Unit::Gigabit => (Unit::Byte, Decimal::from(125000000u64)),
            Unit::Terabit => (Unit::Byte, Decimal::from(125000000000u64)),
            Unit::Byte => (Unit::Byte, Decimal::ONE),
            Unit::Kilobyte => (Unit::Byte, Decimal::from(1000u64)),
            Unit::Megabyte => (Unit::Byte, Decimal::from(1000000u64)),
            Unit::Gigabyte => (Unit::Byte, Decimal::from(1000000000u64)),
            Unit::Terabyte => (Unit::Byte, Decimal::from(1000000000000u64)),
            Unit::Petabyte => (Unit::Byte, Decimal::from(1000000000000000u64)),
            Unit::Kibibyte => (Unit::Byte, Decimal::from(1024u64)),
            Unit::Mebibyte => (Unit::Byte, Decimal::from(1048576u64)),
            Unit::Gibibyte => (Unit::Byte, Decimal::from(1073741824u64)),
            Unit::Tebibyte => (Unit::Byte, Decimal::from(1099511627776u64)),
            Unit::BitPerSecond => (Unit::BitPerSecond, Decimal::ONE),
            Unit::KilobitPerSecond => (Unit::BitPerSecond, Decimal::from(1000u64)),
            Unit::MegabitPerSecond => (Unit::BitPerSecond, Decimal::from(1000000u64)),
            Unit::GigabitPerSecond => (Unit::BitPerSecond, Decimal::from(1000000000u64)),
            Unit::TerabitPerSecond => (Unit::BitPerSecond, Decimal::from(1000000000000u64)),
        }
    }
}

impl std::str::FromStr for Unit {
    type Err = crate::Error;
    /// A unit by its [`symbol`](Unit::symbol): exactly as written first
    /// ("mW" is not "MW"), else in any case ("mwh" is MWh).
    ///
    /// ```
    /// assert_eq!("MW".parse::<chiffre::Unit>()?, chiffre::Unit::MW);
    /// assert_eq!("eh/s".parse::<chiffre::Unit>()?.symbol(), "EH/s");
    /// assert!("furlong".parse::<chiffre::Unit>().is_err());
    /// # Ok::<(), chiffre::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<Unit, crate::Error> {
        Unit::from_symbol(s)
            .or_else(|| {
                Unit::ALL
                    .into_iter()
                    .find(|u| u.symbol().eq_ignore_ascii_case(s))
            })
            .ok_or_else(|| {
                crate::Error::input(format!(
                    "unknown unit {s:?}: expected a unit such as W, kW, MW, GW, MWh, TH/s, EH/s"
                ))
            })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}
