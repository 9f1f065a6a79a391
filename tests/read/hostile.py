"""A seeded generator of hostile inputs: every class of bad input a desk's archive may hold."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import zstandard

WORDS = ("output", "rose", "fell", "percent", "tonnes", "the", "ministry", "said", "shares",
         "in", "March", "prices", "index", "by", "to", "dlrs", "mln", "traders", "on", "Monday")
SCRIPTS = ("\u0627\u0644\u0646\u0641\u0637", "\u05e9\u05e7\u05dc", "\u6e2f\u53e3", "\u0939\u093f",
           "\u0414\u0443\u043c\u0430", "\U0001f4c8", "e\u0301", "\u200f", "\u202e", "\u2066",
           "\ufeff", "\u00a0", "\u2028")
TAGS = ("<div>", "</p>", "<script>var x=1<2;</script>", "<style>a{width:9px}</style>", "<br/>",
        "<html>", "<body onload=x>", "</body></html>", "<!-- c -->", "&amp;", "&#x10ffff;",
        "&#0;", "<![CDATA[", "<head>", "<meta charset=utf-8>", "<table><tr><td>", "<a href='")


@dataclass(frozen=True, slots=True)
class Hostile:
    """One hostile input file: its class, its name (the suffix decides the format), its bytes."""

    kind: str
    name: str
    data: bytes


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14))) + "."


def number(rng: random.Random, digits: int) -> str:
    return rng.choice(("", "-", "$", "0.")) + "".join(rng.choice("0123456789") for _ in
                                                   range(rng.randint(1, digits)))


def random_bytes(rng: random.Random) -> Hostile:
    suffix = rng.choice((".txt", ".jsonl", ".sgm", ".warc", ".html"))
    return Hostile("random bytes", f"r{suffix}", rng.randbytes(rng.randint(0, 3000)))


def invalid_utf8(rng: random.Random) -> Hostile:
    text = sentence(rng).encode()
    cut = rng.randint(0, len(text))
    bad = text[:cut] + rng.choice((b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88"))
    if rng.random() < 0.5:
        return Hostile("invalid UTF-8", "u.txt", bad + text[cut:])
    good = json.dumps({"text": sentence(rng)}).encode()
    return Hostile("invalid UTF-8", "u.jsonl", good + b"\n" + b'{"text": "' + bad + b'"}\n' + good)


def lone_surrogate(rng: random.Random) -> Hostile:
    code = f"\\u{rng.randint(0xD800, 0xDFFF):04x}"
    field = rng.choice(("text", "id", "title", "source", "url", "published"))
    record = {"text": sentence(rng), "id": f"s{rng.randint(0, 99)}"}
    line = json.dumps(record)[:-1] + f', "{field}": "x{code}y"}}'
    return Hostile("lone surrogates", "s.jsonl", (json.dumps(record) + "\n" + line + "\n").encode())


def nul(rng: random.Random) -> Hostile:
    text = sentence(rng)
    at = rng.randint(0, len(text))
    suffix = rng.choice((".txt", ".jsonl", ".sgm"))
    if suffix == ".jsonl":
        payload = json.dumps({"text": text[:at] + "\x00" + text[at:]}).encode()
        payload = payload if rng.random() < 0.5 else payload + b"\x00"
        return Hostile("NUL", "n.jsonl", payload)
    return Hostile("NUL", f"n{suffix}", (text[:at] + "\x00" + text[at:]).encode())


def json_value(rng: random.Random, depth: int) -> object:
    roll = rng.random()
    if depth <= 0 or roll < 0.3:
        return rng.choice((None, True, 1.5e308, -0.0, 10**rng.randint(0, 500), sentence(rng), ""))
    if roll < 0.65:
        return [json_value(rng, depth - 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(("text", "id", "x", "title")): json_value(rng, depth - 1)
            for _ in range(rng.randint(0, 3))}


def huge_or_nested_json(rng: random.Random) -> Hostile:
    roll = rng.random()
    if roll < 0.3:
        depth = rng.choice((50, 900, 5_000, 50_000))
        line = '{"text": ' + "[" * depth + "]" * depth + "}"
    elif roll < 0.5:
        line = json.dumps({"text": sentence(rng) * rng.randint(100, 900), "id": "big"})
    else:
        line = json.dumps(json_value(rng, rng.randint(1, 6)))
    return Hostile("huge and nested JSON", "j.jsonl", (line + "\n").encode())


# Digits of the numbers drawn; a caller may narrow them (see the pipeline test).
NUMBER_DIGITS = (5, 40, 400, 5_000)


def numbers(rng: random.Random, digit_choices: tuple[int, ...] = NUMBER_DIGITS) -> Hostile:
    roll = rng.random()
    digits = rng.choice(digit_choices)
    if roll < 0.4:
        text = f"The debt reached {number(rng, digits)} dlrs, the ministry said."
        return Hostile("numbers", "d.txt", text.encode())
    if roll < 0.7:
        return Hostile("numbers", "d.txt", number(rng, digits).encode())
    digits_only = number(rng, digits).lstrip("$") or "1"
    raw = rng.choice((digits_only, "1e999", "-1e-999", "NaN", "Infinity"))
    return Hostile("numbers", "d.jsonl", f'{{"id": {raw}, "text": "{sentence(rng)}"}}\n'.encode())


def enormous(rng: random.Random) -> Hostile:
    size = rng.choice((3_000, 9_000, 40_000))
    unit = rng.choice(("a", "'", "9", "word ", "\u00e9", "-"))
    body = unit * (size // len(unit))
    if rng.random() < 0.5:
        return Hostile("enormous lines and words", "e.txt", body.encode())
    good = json.dumps({"text": sentence(rng)})
    return Hostile("enormous lines and words", "e.jsonl",
                   f'{good}\n{{"text": "{body}"}}\n{good}\n'.encode())


def mixed_scripts(rng: random.Random) -> Hostile:
    parts = [rng.choice(SCRIPTS + WORDS) for _ in range(rng.randint(1, 40))]
    text = " ".join(parts) + " " + sentence(rng)
    if rng.random() < 0.5:
        return Hostile("mixed scripts", "m.txt", text.encode())
    return Hostile("mixed scripts", "m.jsonl", json.dumps({"text": text}).encode())


def html_soup(rng: random.Random) -> Hostile:
    soup = "".join(rng.choice(TAGS) + (sentence(rng) if rng.random() < 0.5 else "")
                   for _ in range(rng.randint(1, 30)))
    return Hostile("HTML soup", rng.choice(("h.txt", "h.html")), soup.encode())


def sgml(rng: random.Random) -> Hostile:
    pieces = []
    for n in range(rng.randint(0, 6)):
        body = f"<TEXT><TITLE>{sentence(rng)}</TITLE><BODY>{sentence(rng)}</BODY></TEXT>"
        close = rng.choice(("</REUTERS>", "</REUTERS>", "", "</REUTER"))
        pieces.append(f'<REUTERS NEWID="{n}"><DATE>{rng.choice(("2-MAR-1987", "x"))}</DATE>'
                      f"{body}{close}\n")
    return Hostile("SGML", "w.sgm", "".join(pieces).encode())


COMPRESS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


def compressed(rng: random.Random) -> Hostile:
    suffix = rng.choice(sorted(COMPRESS))
    inner = json.dumps({"text": sentence(rng)}).encode() * rng.randint(1, 20)
    data = COMPRESS[suffix](inner)
    roll = rng.random()
    if roll < 0.3:
        data = b""
    elif roll < 0.8:
        data = data[: rng.randint(1, max(len(data) - 1, 1))]
    return Hostile("truncated and empty compressed", f"c.jsonl{suffix}", data)


@cache
def _bomb(suffix: str, byte: bytes) -> bytes:
    # Past the floor the tests set, 2 MB of one byte expands far over the bomb ratio.
    return COMPRESS[suffix](byte * (2 << 20))


def bomb(rng: random.Random) -> Hostile:
    suffix = rng.choice(sorted(COMPRESS))
    data = _bomb(suffix, rng.choice((b"\n", b"a", b" ")))
    return Hostile("decompression bombs", f"b{rng.choice(('.txt', '.jsonl'))}{suffix}", data)


CLASSES: tuple[Callable[[random.Random], Hostile], ...] = (
    random_bytes, invalid_utf8, lone_surrogate, nul, huge_or_nested_json, numbers, enormous,
    mixed_scripts, html_soup, sgml, compressed, bomb,
)
# How often each class is drawn: bombs and HTML cost most, so they are rarer.
WEIGHTS = (14, 10, 10, 8, 8, 10, 6, 10, 4, 8, 10, 2)


def hostile_inputs(
    seed: int, count: int, digits: tuple[int, ...] = NUMBER_DIGITS
) -> Iterator[Hostile]:
    """``count`` hostile inputs drawn from every class, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        make = rng.choices(CLASSES, WEIGHTS)[0]
        yield numbers(rng, digits) if make is numbers else make(rng)
