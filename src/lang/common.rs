//! Rows shared by every language: currency symbols, SI unit symbols, signs.
//!
//! ISO 4217 codes ("USD", "EUR") are not listed: the grammar accepts any
//! three upper-case letters that `iso_currency` knows, next to a number.

use iso_currency::Currency as C;

use super::{Entry, Word, cur, cur_before, cur_guess, cur_guess_before, exact, letter, w};
use crate::unit::{Crypto, Currency, Unit};

const BTC: Currency = Currency::Crypto(Crypto::Btc);

/// Currency codes that are also English words: read as a currency only
/// after a number ("5 TRY"), never before one ("ALL 5 solutions", "TOP 10").
pub(crate) static WORDLIKE_CODES: &[&str] = &[
    "ALL", "TOP", "CUP", "SOS", "MOP", "PEN", "TRY", "GEL", "BOB", "BAM", "HUF", "LAK", "MAD",
    "MRU", "NAD", "PAB", "SAR", "SEK", "TMT", "WST", "ZAR",
];

/// The shared rows, merged into every language's lexicon.
pub(crate) static WORDS: &[Entry] = &[
    // Currency symbols: before or after the number.
    w("$", cur_guess_before(C::USD)),
    w("$", cur_guess(C::USD)),
    w("US$", cur_before(C::USD)),
    w("US$", cur(C::USD)),
    w("U.S.$", cur_before(C::USD)),
    w("USD$", cur_before(C::USD)),
    w("C$", cur_before(C::CAD)),
    w("CA$", cur_before(C::CAD)),
    w("CAN$", cur_before(C::CAD)),
    w("A$", cur_before(C::AUD)),
    w("AU$", cur_before(C::AUD)),
    w("AUD$", cur_before(C::AUD)),
    w("NZ$", cur_before(C::NZD)),
    w("HK$", cur_before(C::HKD)),
    w("S$", cur_before(C::SGD)),
    w("R$", cur_before(C::BRL)),
    w("R$", cur(C::BRL)),
    w("MX$", cur_before(C::MXN)),
    w("€", cur_before(C::EUR)),
    w("€", cur(C::EUR)),
    w("£", cur_before(C::GBP)),
    w("£", cur(C::GBP)),
    w("¥", cur_before(C::JPY)),
    w("¥", cur(C::JPY)),
    w("￥", cur_before(C::JPY)),
    w("JP¥", cur_before(C::JPY)),
    w("CN¥", cur_before(C::CNY)),
    w("元", cur(C::CNY)),
    w("₽", cur_before(C::RUB)),
    w("₽", cur(C::RUB)),
    w("₴", cur_before(C::UAH)),
    w("₴", cur(C::UAH)),
    w("₹", cur_before(C::INR)),
    w("₹", cur(C::INR)),
    w("Rs.", cur_before(C::INR)),
    w("₩", cur_before(C::KRW)),
    w("₩", cur(C::KRW)),
    w("₺", cur_before(C::TRY)),
    w("₺", cur(C::TRY)),
    w("₪", cur_before(C::ILS)),
    w("₪", cur(C::ILS)),
    w("₱", cur_before(C::PHP)),
    w("₱", cur(C::PHP)),
    w("฿", cur_before(C::THB)),
    w("₫", cur(C::VND)),
    w("₦", cur_before(C::NGN)),
    w("zł", cur(C::PLN)),
    w("Kč", cur(C::CZK)),
    exact("Ft", cur(C::HUF)),
    w("zl", cur(C::PLN)),
    w("лв", cur(C::BGN)),
    w("лв.", cur(C::BGN)),
    exact("AU $", cur_before(C::AUD)),
    w("₿", Word::CurBefore(BTC)),
    w("₿", Word::Cur(BTC)),
    exact("Rs", cur_before(C::INR)),
    exact("KD", cur(C::KWD)),
    w("원", cur(C::KRW)),
    exact("RM", cur_before(C::MYR)),
    exact("RM", cur(C::MYR)),
    w("¢", Word::Subunit(None)),
    // Spaced forms of tokenised text ("c $ 16.4 million").
    w("C $", cur_before(C::CAD)),
    w("HK $", cur_before(C::HKD)),
    w("US $", cur_before(C::USD)),
    exact("A $", cur_before(C::AUD)),
    w("NZ $", cur_before(C::NZD)),
    exact("S $", cur_before(C::SGD)),
    w("Mex$", cur_before(C::MXN)),
    w("Mex$", cur(C::MXN)),
    // Crypto tickers (ISO codes are handled by the grammar).
    exact("BTC", Word::Cur(BTC)),
    exact("BTC", Word::CurBefore(BTC)),
    exact("XBT", Word::Cur(BTC)),
    exact("ETH", Word::Cur(Currency::Crypto(Crypto::Eth))),
    exact("USDT", Word::Cur(Currency::Crypto(Crypto::Usdt))),
    exact("USDC", Word::Cur(Currency::Crypto(Crypto::Usdc))),
    // Percent.
    w("%", Word::Percent),
    w("％", Word::Percent),
    w("pp", Word::PercentPoint),
    w("p.p.", Word::PercentPoint),
    // Power, energy, hashrate: SI symbols (case matters: "mW" is milliwatt).
    exact("W", Word::Unit(Unit::W)),
    exact("kW", Word::Unit(Unit::KW)),
    exact("KW", Word::Unit(Unit::KW)),
    exact("MW", Word::Unit(Unit::MW)),
    exact("GW", Word::Unit(Unit::GW)),
    exact("TW", Word::Unit(Unit::TW)),
    exact("Wh", Word::Unit(Unit::Wh)),
    exact("kWh", Word::Unit(Unit::KWh)),
    exact("KWh", Word::Unit(Unit::KWh)),
    exact("kW·h", Word::Unit(Unit::KWh)),
    exact("kW h", Word::Unit(Unit::KWh)),
    exact("MWh", Word::Unit(Unit::MWh)),
    exact("MW·h", Word::Unit(Unit::MWh)),
    exact("GWh", Word::Unit(Unit::GWh)),
    exact("TWh", Word::Unit(Unit::TWh)),
    exact("H/s", Word::Unit(Unit::Hs)),
    exact("kH/s", Word::Unit(Unit::KHs)),
    exact("MH/s", Word::Unit(Unit::MHs)),
    exact("GH/s", Word::Unit(Unit::GHs)),
    exact("TH/s", Word::Unit(Unit::THs)),
    exact("PH/s", Word::Unit(Unit::PHs)),
    exact("EH/s", Word::Unit(Unit::EHs)),
    exact("EH", Word::Unit(Unit::EHs)),
    // Scale letters that every language reads the same way.
    exact("K", letter(3)),
    exact("k", letter(3)),
];
