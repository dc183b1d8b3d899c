#!/usr/bin/env python3
"""Generate chiffre's currency-name tables from the Unicode CLDR.

Reads `cldr-numbers-full/main/<lang>/currencies.json` for en, fr, de and ru
from an npm install of `cldr-numbers-full` and writes `src/lang/cldr/*.rs`:
one `CURRENCIES: &[Entry]` table per language with every display name and
plural/case form of each ISO 4217 currency that `iso_currency` knows, plus
the unambiguous, letter-bearing currency symbols ("US$", "zł", "Kč").

It also writes `src/lang/cldr/symbols.rs`: one language-neutral `SYMBOLS`
table gathered from every locale of the package (`main/*/currencies.json`):
the `symbol`, `symbol-alt-narrow` and `symbol-alt-variant` fields, and the
display names of locales written in scripts other than Latin and Cyrillic
("جنيه مصري", "บาท", "円", "ქართული ლარი"), with their head nouns ("جنيه",
"원", "ლარი"). A form used by one currency across all locales maps to it
(symbols before and after the number, names after it); a form used by
several ("kr", "₨", "ريال") means money, currency unknown (`CurNone`).

Usage (from the repository root):

    cd /tmp/cldr && npm install cldr-numbers-full@48.2.0
    python3 tools/cldr_currencies.py --cldr /tmp/cldr/node_modules

Forms are dropped, with a warning on stderr, when they are one letter, a
stopword, dated ("... (2009–2024)"), ambiguous (the same text for two
currencies; for symbols, two currencies anywhere in the language's CLDR
data, historic ones included), or already mean something else in the
hand-written tables (`src/lang/common.rs`, `src/lang/<lang>.rs`). Symbols
of one or two Latin letters ("KM", "Ft", "Db", "Kw") are emitted with
`exact` so that they never match the units "km", "ft", "dB", "kW".
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import unicodedata

CLDR_PACKAGE = "cldr-numbers-full"
CLDR_VERSION = "48.2.0"
LANGS = ["en", "fr", "de", "ru"]

# Plural/case forms, in the order they are emitted.
NAME_KEYS = [
    "displayName",
    "displayName-count-zero",
    "displayName-count-one",
    "displayName-count-two",
    "displayName-count-few",
    "displayName-count-many",
    "displayName-count-other",
]
SYMBOL_KEYS = ["symbol", "symbol-alt-narrow"]

# Short words that must never become currency names, in any of the four
# languages (merged with the `stopwords` lists of the hand-written tables).
STOPWORDS = {
    # English
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for",
    "as", "is", "it", "be", "are", "was", "were", "has", "have", "had", "not",
    "but", "if", "so", "no", "up", "out", "its", "this", "that", "with",
    "from", "will", "we", "you", "he", "she", "they", "his", "her", "our",
    "all", "one", "new", "per", "than", "into", "now", "just", "can", "may",
    "am", "us", "me", "my", "do", "go",
    # French
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "est",
    "en", "au", "aux", "à", "ce", "ces", "cet", "cette", "il", "elle", "ils",
    "on", "ou", "où", "que", "qui", "se", "sa", "son", "ses", "sur", "par",
    "pour", "dans", "avec", "pas", "plus", "ne", "nous", "vous", "leur",
    "mais", "sont", "ont", "été", "selon", "entre", "lui", "y",
    # German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
    "einer", "und", "oder", "ist", "im", "in", "am", "an", "auf", "aus",
    "bei", "mit", "nach", "von", "vor", "zu", "zum", "zur", "für", "über",
    "um", "als", "wie", "es", "er", "sie", "wir", "ihr", "sich", "auch",
    "nicht", "noch", "hat", "sind", "wird", "wurde", "werden", "dass", "so",
    # Russian
    "и", "в", "во", "не", "на", "что", "с", "со", "по", "к", "ко", "из", "за",
    "от", "до", "для", "о", "об", "у", "а", "но", "или", "же", "ли", "бы",
    "как", "так", "это", "этот", "его", "ее", "её", "их", "он", "она", "они",
    "мы", "вы", "я", "ты", "все", "всё", "уже", "при", "без", "под", "над",
    "про", "вот", "вон", "там", "тут", "где", "был", "была", "были", "быть",
}


def fold(s: str) -> str:
    """Mirrors `crate::lexicon::fold_str`: case and white space folding."""
    out = []
    for c in s:
        if c.isspace() or c in "\u00a0\u202f\u2009\u2007\u200a\u205f\u3000":
            c = " "
        elif c in "\u2010\u2011":
            c = "-"
        elif c in "\u2019\u2018\u02bc\u00b4":
            c = "'"
        elif c in "Ёё":
            c = "е"
        else:
            low = c.lower()
            if len(low) == 1:
                c = low
        if c == " " and out and out[-1] == " ":
            continue
        out.append(c)
    return "".join(out)


def lookup_key(s: str) -> str:
    """The key a form is matched under: folded, trailing dot dropped (the
    lexicon also inserts "Mrd." as "Mrd")."""
    f = fold(s)
    if f.endswith(".") and len(f) > 1 and f[-2].isalpha():
        f = f[:-1]
    return f


def clean(s: str) -> str:
    """Drops invisible format characters (bidi marks) and normalises white
    space to single ASCII spaces, which match any space run."""
    s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    return " ".join(s.split())


def iso_codes() -> set[str]:
    """The codes `iso_currency` 0.7 knows, less funds and special codes."""
    home = os.path.expanduser("~/.cargo/registry/src")
    paths = sorted(glob.glob(os.path.join(home, "*", "iso_currency-0.7.*", "isodata.tsv")))
    if not paths:
        sys.exit("error: iso_currency 0.7 not found in ~/.cargo/registry (run `cargo fetch`)")
    codes = set()
    with open(paths[-1], encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        i_code, i_flags = header.index("alpha3"), header.index("flags")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) <= i_code or not cols[i_code]:
                continue
            flags = cols[i_flags].split(",") if len(cols) > i_flags else []
            if any(fl.strip() in ("fund", "special") for fl in flags):
                continue
            codes.add(cols[i_code])
    return codes


ROW_RE = re.compile(r'^\s*(w|exact)\("((?:[^"\\]|\\.)*)",\s*(.*)\),\s*(?://.*)?$')
CUR_RE = re.compile(r"^cur\w*\(C::([A-Z]{3})\)$")
STOP_BLOCK_RE = re.compile(r"stopwords:\s*&\[(.*?)\]", re.S)


def unescape(s: str) -> str:
    return re.sub(
        r"\\u\{([0-9a-fA-F]+)\}|\\(.)",
        lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2),
        s,
    )


def hand_rows(path: str) -> dict[str, set[tuple[str, str | None]]]:
    """Meanings of the rows of a hand-written table, by lookup key: pairs of
    (meaning, exact text or None). A meaning is an ISO code for currency
    rows and "other:<expr>" otherwise."""
    rows: dict[str, set[tuple[str, str | None]]] = {}
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = ROW_RE.match(line)
            if not m:
                continue
            kind, text, expr = m.group(1), unescape(m.group(2)), m.group(3).strip()
            c = CUR_RE.match(expr)
            meaning = c.group(1) if c else "other:" + expr
            exact_text = text.rstrip(".") if kind == "exact" else None
            rows.setdefault(lookup_key(text), set()).add((meaning, exact_text))
    return rows


def hand_stopwords(path: str) -> set[str]:
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        m = STOP_BLOCK_RE.search(f.read())
    return {fold(unescape(s)) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))} if m else set()


def is_iso_like(s: str) -> bool:
    return re.fullmatch(r"[A-Z]{3}", s) is not None


def symbol_ok(sym: str) -> bool:
    """A symbol worth a row: two characters or more with a letter, or one
    currency sign ("₸"); never a plain ISO code."""
    if is_iso_like(sym):
        return False
    if len(sym) == 1:
        return unicodedata.category(sym) == "Sc"
    return any(c.isalpha() for c in sym)


def needs_exact(sym: str) -> bool:
    """Short Latin abbreviations keep their case, so that "KM" (marka) is not
    "km", "Kw" (kwacha) not "kW", "Db" (dobra) not "dB", "Ft" not "ft"."""
    core = sym.replace(".", "")
    return len(core) <= 2 and all("a" <= c.lower() <= "z" for c in core)


def one_letter(s: str) -> bool:
    core = s.replace(".", "").strip()
    return len(core) <= 1 and (not core or core.isalpha())


def warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def collect(lang: str, data: dict, codes: set[str], hand, stop: set[str]):
    """Returns the rows of one language as (text, code, before, exact)."""
    # Symbol usage over the whole language file (historic codes included),
    # for the ambiguity test.
    sym_users: dict[str, set[str]] = {}
    for code, d in data.items():
        for k in SYMBOL_KEYS:
            if k in d:
                sym_users.setdefault(lookup_key(clean(d[k])), set()).add(code)

    forms: list[tuple[str, str, bool]] = []  # (text, code, is_symbol)
    ambiguous_syms: set[str] = set()
    for code in sorted(data):
        if code not in codes:
            continue
        d = data[code]
        for k in NAME_KEYS:
            if k in d:
                forms.append((clean(d[k]), code, False))
        for k in SYMBOL_KEYS:
            if k not in d:
                continue
            sym = clean(d[k])
            if not symbol_ok(sym):
                continue
            users = sym_users[lookup_key(sym)]
            if len(users) > 1:
                if sym not in ambiguous_syms:
                    ambiguous_syms.add(sym)
                    warn(f"{lang}: ambiguous symbol {sym!r} ({', '.join(sorted(users))}), skipped")
                continue
            forms.append((sym, code, True))

    # Filter, then find texts claimed by two currencies.
    kept: list[tuple[str, str, bool]] = []
    looked_at: set[tuple[str, str, bool]] = set()
    for text, code, is_sym in forms:
        if not text or (lookup_key(text), code, is_sym) in looked_at:
            continue
        looked_at.add((lookup_key(text), code, is_sym))
        key = lookup_key(text)
        if not is_sym and any(c.isdigit() for c in text):
            # "Zimbabwean Dollar (2009–2024)": a dated label, never in text.
            warn(f"{lang}: dated form {text!r} ({code}), skipped")
            continue
        if one_letter(text):
            warn(f"{lang}: one-letter form {text!r} ({code}), skipped")
            continue
        if key in stop:
            warn(f"{lang}: stopword form {text!r} ({code}), skipped")
            continue
        if text in REVIEWED_SKIP:
            warn(f"{lang}: {text!r} ({code}): {REVIEWED_SKIP[text]}, skipped")
            continue
        kept.append((text, code, is_sym))

    owners: dict[str, set[str]] = {}
    for text, code, _ in kept:
        owners.setdefault(lookup_key(text), set()).add(code)
    dropped = set()
    for key, cs in owners.items():
        if len(cs) > 1:
            dropped.add(key)
            warn(f"{lang}: ambiguous form {key!r} ({', '.join(sorted(cs))}), dropped")

    rows: list[tuple[str, str, bool, bool]] = []
    seen: set[tuple[str, str, bool]] = set()
    for text, code, is_sym in kept:
        key = lookup_key(text)
        if key in dropped:
            continue
        is_exact = is_sym and needs_exact(text)
        clash = {
            m
            for m, hand_exact in hand.get(key, set())
            if m != code and (not is_exact or hand_exact in (None, text.rstrip(".")))
        }
        if clash:
            warn(f"{lang}: {text!r} ({code}) already means {', '.join(sorted(clash))} "
                 "in the hand-written tables, dropped")
            continue
        for before in ([False, True] if is_sym else [False]):
            k = (key, code, before)
            if k in seen:
                continue
            seen.add(k)
            rows.append((text, code, before, is_exact))
    return rows


def rust_str(s: str) -> str:
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c == " " or (c.isprintable() and not c.isspace()):
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return '"' + "".join(out) + '"'


def render_row(text: str, code: str, before: bool, is_exact: bool) -> str:
    word = f"{'cur_before' if before else 'cur'}(C::{code})"
    ctor = "exact" if is_exact else "w"
    lit = rust_str(text)
    line = f"    {ctor}({lit}, {word}),"
    if len(line) <= 100:
        return line + "\n"
    return f"    {ctor}(\n        {lit},\n        {word},\n    ),\n"


def render_lang(lang: str, rows) -> str:
    names = ["Entry", "cur"]
    if any(r[2] for r in rows):
        names.append("cur_before")
    if any(r[3] for r in rows):
        names.append("exact")
    names.append("w")
    imports = ", ".join(names)
    out = [
        f"//! Generated by tools/cldr_currencies.py from {CLDR_PACKAGE} {CLDR_VERSION} — do not edit.\n",
        "\n",
        "use iso_currency::Currency as C;\n",
        "\n",
        f"use crate::lang::{{{imports}}};\n",
        "\n",
        "pub(crate) static CURRENCIES: &[Entry] = &[\n",
    ]
    out += [render_row(*r) for r in rows]
    out.append("];\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# The language-neutral table of symbols and non-Latin names (symbols.rs).

SYMBOL_KEYS_ALL = ["symbol", "symbol-alt-narrow", "symbol-alt-variant"]

# Unit symbols, compared case-insensitively: a currency symbol that spells
# one ("KM" = km, "Kw" = kW, "Db" = dB, "Cg" = cg, "kn" = knot) is dropped.
UNIT_WORDS = {
    "k", "m", "b", "t", "w", "kw", "mw", "gw", "tw", "wh", "kwh", "mwh", "gwh",
    "twh", "v", "kv", "mv", "a", "ma", "ka", "hz", "khz", "mhz", "ghz", "db",
    "g", "mg", "cg", "kg", "kt", "mt", "gt", "l", "ml", "cl", "dl", "hl", "mm",
    "cm", "dm", "km", "nm", "ha", "pa", "kpa", "mpa", "j", "kj", "mj", "gj",
    "n", "kn", "s", "ms", "ns", "min", "h", "ft", "in", "yd", "mi", "lb", "oz",
    "gal", "bbl", "kb", "mb", "gb", "tb", "pb", "cal", "kcal", "mph", "kph",
    "bar", "mol", "lm", "lx", "pt", "px", "sq",
    "км", "кг", "мг", "мм", "см", "м", "т", "г", "л", "мл", "га", "кв", "квт",
    "мвт", "гвт", "вт", "ч", "мин", "с",
}

# Short English, French, German and Russian words (and abbreviations) that
# CLDR uses as symbols, besides the stopwords: "DA" (da), "LE" (le), "Nu."
# (nu), "UM" (um), "Cf" (cf.).
EXTRA_WORDS = {"da", "le", "nu", "um", "cf"}

# Forms dropped after review, with the reason.
REVIEWED_SKIP = {
    "VT": "a US state code (\"Burlington, VT 05401\")",
    "FC": "football club (\"Ligue 1 FC Nantes\"), not the Comorian franc",
    "अल": "Hindi al- (\"अल जज़ीरा\")",
    "आर": "a Hindi word (\"आर-पार\")",
    "동": "Korean dong, a building or district (\"101동\")",
    "Χρυσή": "Greek 'gold' (the gold córdoba)",
    "Χρυσὴ": "Greek 'gold' (the gold córdoba)",
    "χρυσή": "Greek 'gold' (the gold córdoba)",
    "χρυσές": "Greek 'gold' (the gold córdoba)",
    "मुद्रा": "Hindi 'currency'",
    "نشان": "Persian 'sign' (the convertible mark)",
    "ಗುರುತು": "Kannada 'sign' (the convertible mark)",
    "ಗುರುತುಗಳು": "Kannada 'signs' (the convertible mark)",
    "ምልክት": "Tigrinya 'sign' (the convertible mark)",
    "ምልክታት": "Tigrinya 'signs' (the convertible mark)",
    "లు": "a Telugu plural suffix",
    "سی": "a letter of 'CFA' in a Kashmiri name",
    "او": "a letter of 'CFA' in a Kashmiri name",
    "ጃፓን": "a country name (Japan)",
    "ቻይና": "a country name (China)",
    "ኣመሪካ": "a country name (America)",
}

# Forms that CLDR gives to one currency but that name several: Russian
# "лей" is the Moldovan leu as much as the Romanian one.
EXTRA_USERS = {"лей": {"MDL"}}

# Currencies whose names give no head noun: "Zimbabwe Gold" would make the
# words for gold ("ذهب", "골드") a currency.
NO_HEAD = {"ZWG"}

# Symbols longer than two letters that still keep their case: "MTn" is not
# MTN, the telecom group.
EXACT_SYMBOLS = {"MTn"}

# A Latin all-capitals symbol of four letters or more ("BRTP", "MSRP") from
# fewer locales than this is a private code, not a symbol ("FCFA" stays).
CODE_LIKE_MIN_LOCALES = 3

SC_BLOCK = range(0x20A0, 0x20D0)


def script_of(c: str) -> str:
    name = unicodedata.name(c, "")
    for s in ("LATIN", "CYRILLIC"):
        if name.startswith(s):
            return s
    return "OTHER"


def has_latin_or_cyrillic(s: str) -> bool:
    return any(c.isalpha() and script_of(c) != "OTHER" for c in s)


def is_logogram(c: str) -> bool:
    """Han characters, Hangul syllables and kana stand for a word alone ("円",
    "원"); other single letters are letters."""
    name = unicodedata.name(c, "")
    return name.startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH",
                            "HANGUL SYLLABLE", "HIRAGANA", "KATAKANA"))


def is_currency_sign(c: str) -> bool:
    return unicodedata.category(c) == "Sc" or ord(c) in SC_BLOCK


def sym_text(raw: str) -> str:
    """NFC, no invisible marks, single spaces, no "[…]" ("[₾]")."""
    t = unicodedata.normalize("NFC", clean(raw))
    if t.startswith("[") and t.endswith("]"):
        t = t[1:-1].strip()
    return t


def name_ok(s: str) -> bool:
    """A display name for the table: written in a script other than Latin and
    Cyrillic, undated, without brackets."""
    return (any(c.isalpha() for c in s) and not has_latin_or_cyrillic(s)
            and not any(c.isdigit() for c in s) and not re.search(r"[()（）\[\]]", s))


def sym_needs_exact(sym: str) -> bool:
    """One- and two-letter Latin or Cyrillic symbols keep their case, and so
    do symbols with a space and a Latin or Cyrillic letter ("$ AU" must not
    match the French "$ au titre de")."""
    if sym in EXACT_SYMBOLS:
        return True
    if " " in sym and any(c.isalpha() and script_of(c) != "OTHER" for c in sym):
        return True
    core = sym.replace(".", "")
    return (0 < len(core) <= 2 and all(c.isalpha() for c in core)
            and all(script_of(c) != "OTHER" for c in core))


def form_problem(text: str, stop: set[str], n_locales: int, codes: set[str]) -> str | None:
    """Why a symbol or name cannot be a row, or None."""
    if not text:
        return "empty"
    if text in REVIEWED_SKIP:
        return REVIEWED_SKIP[text]
    core = text.replace(".", "").replace(" ", "")
    if is_iso_like(core):
        # ISO codes are the grammar's; other three capitals ("NIS", "CFA",
        # "STD") are old codes, or acronyms.
        return "an ISO code" if core in codes else "code-like"
    if not any(c.isalpha() or is_currency_sign(c) for c in core):
        return "no letter or currency sign"
    if len(core) == 1 and core.isalpha() and not is_logogram(core):
        return "one letter"
    bare, key = fold(core), lookup_key(text)
    if {bare, key} & (stop | EXTRA_WORDS):
        return "a common word"
    if {bare, key} & UNIT_WORDS:
        return "a unit symbol"
    if (len(core) >= 4 and all(c.isalpha() and c.isupper() and script_of(c) == "LATIN" for c in core)
            and n_locales < CODE_LIKE_MIN_LOCALES):
        return "a private code of one locale"
    if " " in text and any(len(w) >= 4 and w.isalpha() and not w.isupper()
                           and has_latin_or_cyrillic(w) for w in text.split()):
        return "a phrase"
    return None


def head_nouns(forms: dict[str, list[str]], en_noun) -> list[tuple[str, str]]:
    """The head noun of each multi-word name of one locale ("جنيه مصري" →
    "جنيه", "대한민국 원" → "원"). Whether the head comes first or last is
    learnt from the currencies that share an English noun (the dollars, the
    pounds): the word their names share stands first, or last. A locale
    without a clear answer gives nothing."""
    groups: dict[str, list[str]] = {}
    for code in forms:
        groups.setdefault(en_noun(code), []).append(code)
    first = last = 0
    for noun, cs in groups.items():
        if noun is None or len(cs) < 2:
            continue
        toks = [forms[c][0].split() for c in cs]
        shared = set(toks[0]).intersection(*map(set, toks[1:]))
        for t in toks:
            if len(t) < 2:
                continue
            if t[0] in shared and t[-1] not in shared:
                first += 1
            elif t[-1] in shared and t[0] not in shared:
                last += 1
    if first + last < 4 or min(first, last) * 3 > max(first, last):
        return []
    idx = 0 if first > last else -1
    out = []
    for code, fs in forms.items():
        if code in NO_HEAD:
            continue
        for f in fs:
            t = f.split()
            if len(t) >= 2:
                out.append((code, t[idx]))
    return out


def collect_symbols(pkg: str, codes: set[str], common, lang_meanings, stop: set[str]):
    """Returns the rows of the symbol table as (text, code or None for
    `CurNone`, before, exact)."""
    main_dir = os.path.join(pkg, "main")
    with open(os.path.join(main_dir, "en", "currencies.json"), encoding="utf-8") as f:
        en = json.load(f)["main"]["en"]["numbers"]["currencies"]

    def en_words(code: str) -> list[str]:
        return en.get(code, {}).get("displayName", "").lower().split()

    def en_noun(code: str) -> str | None:
        w = en_words(code)
        return w[-1] if w else None

    # key -> kind ("sym", "name", "head") -> code -> locales; key -> text -> locales
    uses: dict[str, dict[str, dict[str, set[str]]]] = {}
    texts: dict[str, dict[str, set[str]]] = {}

    def add(text: str, code: str, loc: str, kind: str) -> None:
        # Exact symbols are told apart by case ("Rf" rufiyaa, "RF" franc).
        key = text.rstrip(".") if sym_needs_exact(text) else lookup_key(text)
        uses.setdefault(key, {}).setdefault(kind, {}).setdefault(code, set()).add(loc)
        texts.setdefault(key, {}).setdefault(text, set()).add(loc)

    for loc in sorted(os.listdir(main_dir)):
        path = os.path.join(main_dir, loc, "currencies.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)["main"][loc]["numbers"]["currencies"]
        forms: dict[str, list[str]] = {}
        for code in sorted(data):
            if code not in codes:
                continue
            d = data[code]
            for k in SYMBOL_KEYS_ALL:
                if k in d:
                    add(sym_text(d[k]), code, loc, "sym")
            names = []
            for k in NAME_KEYS:
                if k in d:
                    n = sym_text(d[k])
                    if name_ok(n) and n not in names:
                        names.append(n)
            for n in names:
                add(n, code, loc, "name")
            if names:
                forms[code] = names
        for code, head in head_nouns(forms, en_noun):
            add(head, code, loc, "head")

    # A head shared by currencies of different English nouns that also share
    # another English word is that word: Greek "νέο" (New Shekel, New Taiwan
    # Dollar), "μετατρέψιμο" (Convertible Mark, Convertible Peso).
    for key, kinds in uses.items():
        hs = kinds.get("head")
        if not hs or len(hs) < 2:
            continue
        cs = sorted(hs)
        if any(set(en_words(a)[:-1]) & set(en_words(b)[:-1]) and en_noun(a) != en_noun(b)
               for i, a in enumerate(cs) for b in cs[i + 1:]):
            warn(f"symbols: {key!r} is an adjective of {', '.join(cs)}, skipped")
            del kinds["head"]

    rows: list[tuple[str, str | None, bool, bool]] = []
    for key in sorted(uses):
        kinds = uses[key]
        if not kinds:
            continue
        variants = texts[key]
        n_loc = len(set().union(*variants.values()))
        cs: set[str] = set()
        for per in kinds.values():
            cs |= set(per)
        is_sym = "sym" in kinds
        # Full names of other locales ("Egyptian pound" in Greek) go to a
        # separate table, read only after a number in such a script.
        name_only = not is_sym and "head" not in kinds
        for t in variants:
            cs |= EXTRA_USERS.get(t, set())
        # The spelling to emit: a dotted one ("руб.", "Br.") also matches
        # without its dot; else the most used one.
        text = max(sorted(variants), key=lambda t: (t.endswith("."), len(variants[t]), t == t.lower()))
        if lookup_key(text) in common:
            warn(f"symbols: {text!r} is hand-written in common.rs, skipped")
            continue
        problem = form_problem(text, stop, n_loc, codes)
        if problem:
            if problem != "an ISO code":
                warn(f"symbols: {text!r} ({', '.join(sorted(cs))}): {problem}, skipped")
            continue
        is_exact = sym_needs_exact(text)
        code = next(iter(cs)) if len(cs) == 1 else None
        meaning = code if code else "other:Word::CurNone"
        clash = set()
        for lang, hand in lang_meanings.items():
            for m, hand_exact in hand.get(lookup_key(text), set()):
                if m != meaning and (not is_exact or hand_exact in (None, text.rstrip("."))):
                    clash.add(f"{m} ({lang})")
        if clash:
            warn(f"symbols: {text!r} ({', '.join(sorted(cs))}) already means "
                 f"{', '.join(sorted(clash))}, skipped")
            continue
        if code is None:
            rows.append((text, None, False, is_exact, name_only))
        else:
            rows.append((text, code, False, is_exact, name_only))
            if is_sym:
                rows.append((text, code, True, is_exact, name_only))
    rows.sort(key=lambda r: (r[1] is None, r[1] or "", fold(r[0]), r[0], r[2]))
    return rows


def display_width(s: str) -> int:
    """Columns as rustfmt counts them (unicode-width): wide East Asian
    characters take two, combining marks none."""
    n = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n


def render_symbol_row(text: str, code: str | None, before: bool, is_exact: bool) -> str:
    if code is None:
        word = "Word::CurNone"
    else:
        word = f"{'cur_before' if before else 'cur'}(C::{code})"
    ctor = "exact" if is_exact else "w"
    lit = rust_str(text)
    line = f"    {ctor}({lit}, {word}),"
    # rustfmt keeps a call on one line while its arguments fit in 60 columns
    # (`fn_call_width`) and the line in 100.
    if display_width(f"{lit}, {word}") <= 60 and display_width(line) <= 100:
        return line + "\n"
    return f"    {ctor}(\n        {lit},\n        {word},\n    ),\n"


def render_symbols(rows, static: str, doc: list[str]) -> str:
    names = ["Entry"]
    if any(r[1] is None for r in rows):
        names.append("Word")
    if any(r[1] is not None and not r[2] for r in rows):
        names.append("cur")
    if any(r[2] for r in rows):
        names.append("cur_before")
    if any(r[3] for r in rows):
        names.append("exact")
    if any(not r[3] for r in rows):
        names.append("w")
    out = [
        f"//! Generated by tools/cldr_currencies.py from {CLDR_PACKAGE} {CLDR_VERSION} — do not edit.\n",
        "//!\n",
        *doc,
        "\n",
    ]
    if any(r[1] is not None for r in rows):
        out += ["use iso_currency::Currency as C;\n", "\n"]
    out += [
        f"use crate::lang::{{{', '.join(names)}}};\n",
        "\n",
        f"pub(crate) static {static}: &[Entry] = &[\n",
    ]
    started_none = False
    for r in rows:
        if r[1] is None and not started_none:
            started_none = True
            out.append("    // Shared by several currencies.\n")
        out.append(render_symbol_row(*r[:4]))
    out.append("];\n")
    return "".join(out)


MOD_RS = f"""\
//! Currency names from the Unicode CLDR, one table per language; one
//! language-neutral table of currency symbols gathered from every CLDR
//! locale (`symbols::SYMBOLS`); and the full currency names of locales in
//! other scripts (`names::FOREIGN_NAMES`), read only after a number followed
//! by such a script.
//!
//! Generated by `tools/cldr_currencies.py` from {CLDR_PACKAGE} {CLDR_VERSION}
//! (CLDR {CLDR_VERSION.split('.')[0]}) — do not edit. To regenerate, install the npm package
//! (`npm install {CLDR_PACKAGE}@{CLDR_VERSION}`) and run from the repository root:
//!
//! ```text
//! python3 tools/cldr_currencies.py --cldr /path/to/node_modules
//! ```
//!
//! Data derived from the Unicode CLDR (<https://cldr.unicode.org>),
//! Copyright © 1991-2025 Unicode, Inc., distributed under the Unicode
//! License v3 (<https://www.unicode.org/license.txt>).

pub(crate) mod de;
pub(crate) mod en;
pub(crate) mod fr;
pub(crate) mod names;
pub(crate) mod ru;
pub(crate) mod symbols;
"""


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cldr", required=True,
                    help="node_modules directory holding cldr-numbers-full")
    ap.add_argument("--repo", default=os.path.dirname(here),
                    help="chiffre's repository root (default: this script's parent)")
    args = ap.parse_args()

    pkg = os.path.join(args.cldr, CLDR_PACKAGE)
    if not os.path.isdir(pkg) and os.path.basename(os.path.normpath(args.cldr)) == CLDR_PACKAGE:
        pkg = args.cldr
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        version = json.load(f).get("version")
    if version != CLDR_VERSION:
        warn(f"{CLDR_PACKAGE} is {version}, expected {CLDR_VERSION}")

    codes = iso_codes()
    lang_dir = os.path.join(args.repo, "src", "lang")
    out_dir = os.path.join(lang_dir, "cldr")
    os.makedirs(out_dir, exist_ok=True)
    common = hand_rows(os.path.join(lang_dir, "common.rs"))
    base_stop = {fold(s) for s in STOPWORDS}
    lang_meanings: dict[str, dict] = {}
    all_stop: set[str] = set(base_stop)

    for lang in LANGS:
        path = os.path.join(pkg, "main", lang, "currencies.json")
        with open(path, encoding="utf-8") as f:
            data = json.load(f)["main"][lang]["numbers"]["currencies"]
        hand = {k: set(v) for k, v in common.items()}
        for k, v in hand_rows(os.path.join(lang_dir, f"{lang}.rs")).items():
            hand.setdefault(k, set()).update(v)
        stop = base_stop
        for other in LANGS:
            stop = stop | hand_stopwords(os.path.join(lang_dir, f"{other}.rs"))
        rows = collect(lang, data, codes, hand, stop)
        with open(os.path.join(out_dir, f"{lang}.rs"), "w", encoding="utf-8") as f:
            f.write(render_lang(lang, rows))
        print(f"{lang}: {len(rows)} rows", file=sys.stderr)
        # What the language's lexicon already means, for the symbol table.
        for text, code, _, is_exact in rows:
            hand.setdefault(lookup_key(text), set()).add(
                (code, text.rstrip(".") if is_exact else None))
        lang_meanings[lang] = hand
        all_stop |= stop

    all_rows = collect_symbols(pkg, codes, common, lang_meanings, all_stop)
    sym_rows = [r for r in all_rows if not r[4]]
    name_rows = [r for r in all_rows if r[4]]
    with open(os.path.join(out_dir, "symbols.rs"), "w", encoding="utf-8") as f:
        f.write(render_symbols(sym_rows, "SYMBOLS", [
            "//! Currency symbols from every CLDR locale, and the head nouns of the\n",
            "//! currency names of locales written in scripts other than Latin and\n",
            "//! Cyrillic. A form of one currency maps to it; a form shared by several\n",
            "//! means money, currency unknown (`Word::CurNone`).\n",
        ]))
    with open(os.path.join(out_dir, "names.rs"), "w", encoding="utf-8") as f:
        f.write(render_symbols(name_rows, "FOREIGN_NAMES", [
            "//! The full currency names of CLDR locales written in scripts other than\n",
            "//! Latin and Cyrillic (\"جنيه مصري\", \"대한민국 원\"). Compiled into a\n",
            "//! separate lexicon, read only after a number followed by such a script.\n",
        ]))
    print(f"names: {len(name_rows)} rows", file=sys.stderr)
    n_none = sum(1 for r in sym_rows if r[1] is None)
    print(f"symbols: {len(sym_rows)} rows ({len(sym_rows) - n_none} one-currency, "
          f"{n_none} CurNone)", file=sys.stderr)

    with open(os.path.join(out_dir, "mod.rs"), "w", encoding="utf-8") as f:
        f.write(MOD_RS)


if __name__ == "__main__":
    main()
