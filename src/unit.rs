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
    /// A hundredth of a currency (cent, centime, kopeck, penny): the value is
    /// the number of subunits as written.
    Cent,
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
            Unit::Cent => "cent",
        }
    }

    /// Looks a unit up by its [`symbol`](Unit::symbol).
    pub fn from_symbol(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.symbol() == s)
    }

    /// Every unit.
    pub const ALL: [Unit; 25] = [
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
        Unit::Cent,
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
            Unit::PercentagePoint => Kind::Percent,
            Unit::Cent => Kind::Money,
        }
    }

    /// The base unit of the unit's dimension and the exact factor to it:
    /// `MW` → (`W`, 10^6), `Month` → (`Month`, 1), `Year` → (`Month`, 12).
    ///
    /// Durations use the month as base for years, quarters and months (exact),
    /// and the hour for weeks, days and hours; the two families do not mix.
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
            Unit::Cent => (Unit::Cent, Decimal::ONE),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}
