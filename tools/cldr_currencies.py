#!/usr/bin/env python3
"""Generate chiffre's currency-name tables from the Unicode CLDR.

Reads `cldr-numbers-full/main/<lang>/currencies.json` for en, fr, de and ru
from an npm install of `cldr-numbers-full` and writes `src/lang/cldr/*.rs`:
one `CURRENCIES: &[Entry]` table per language with every display name and
plural/case form of each ISO 4217 currency that `iso_currency` knows, plus
the unambiguous, letter-bearing currency symbols ("US$", "zł", "Kč").

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


MOD_RS = f"""\
//! Currency names from the Unicode CLDR, one table per language.
//!
//! Generated by `tools/cldr_currencies.py` from {CLDR_PACKAGE} {CLDR_VERSION}
//! (CLDR {CLDR_VERSION.split('.')[0]}) — do not edit. To regenerate, install the npm package
//! (`npm install {CLDR_PACKAGE}@{CLDR_VERSION}`) and run from the repository root:
//!
//! ```text
//! python3 tools/cldr_currencies.py --cldr /path/to/node_modules
//! ```
//!
//! Data derived from the Unicode CLDR (https://cldr.unicode.org),
//! Copyright © 1991-2025 Unicode, Inc., distributed under the Unicode
//! License v3 (https://www.unicode.org/license.txt).

pub(crate) mod de;
pub(crate) mod en;
pub(crate) mod fr;
pub(crate) mod ru;
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

    with open(os.path.join(out_dir, "mod.rs"), "w", encoding="utf-8") as f:
        f.write(MOD_RS)


if __name__ == "__main__":
    main()
