"""Deterministic test records: sentences of the evaluation sets, shuffled and
mixed with generated figure sentences in four languages, emoji, accents and
Cyrillic, so that offsets after non-ASCII text are exercised everywhere."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parent.parent.parent.parent / "eval"

TEMPLATES = [
    "Revenue rose to ${a}.{b} billion in {y}, up {p}%.",
    "The miner will add {n} MW for about ${a} million a year over {t} years.",
    "Le groupe a levé {a},{b} milliards d'euros ; environ {n} salariés sont concernés.",
    "Der Konzern zahlt rund {a},{b} Mrd. Euro für {n} Megawatt über {t} Jahre.",
    "Выручка составила {a},{b} млрд рублей, а мощность — {n} МВт 🔋.",
    "Около {a} млн долларов в год — и {p}% рынка.",
    "🚀 Über {n} Mio. Euro — cést énorme: {a} 000 € pour {t} ans.",
    "Hashrate hit {n} EH/s ⛏️ while costs fell {p}% to ${a}.{b}.",
    "Between {a} and {n} million dollars, said the café’s owner (naïve façade).",
    "A loss of ${a},{n}00 was booked; shares fell {p}.{b}%.",
]


def _sentences() -> list[str]:
    out: list[str] = []
    for name in ("heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl"):
        path = EVAL / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                out += [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    return out


def records(n: int, seed: int = 0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pool = _sentences()
    out = []
    for i in range(n):
        if i % 97 == 5:
            out.append({"id": i, "text": None})
            continue
        parts = []
        for _ in range(rng.randint(1, 4)):
            if pool and rng.random() < 0.6:
                parts.append(rng.choice(pool))
            else:
                parts.append(
                    rng.choice(TEMPLATES).format(
                        a=rng.randint(1, 999),
                        b=rng.randint(0, 9),
                        n=rng.randint(2, 5000),
                        p=rng.randint(1, 99),
                        t=rng.randint(2, 30),
                        y=rng.randint(1990, 2030),
                    )
                )
        sep = rng.choice([" ", " ", "\n\n", " — ", " 👍 "])
        out.append({"id": i, "text": sep.join(parts)})
    return out
