"""What the report shows for one article: its marks, tooltip texts and claim order."""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence

from pipeline.claims.build import TYPE_DESCRIPTIONS
from pipeline.contract import (
    ArticleResult,
    Attribution,
    Check,
    Claim,
    DateMention,
    EntityMention,
    QuantityMention,
)
from pipeline.review.marks import Mark

# Nesting layers, outer first.
LAYER_REGION, LAYER_CLAIM, LAYER_SOURCE, LAYER_MENTION = 0, 1, 2, 3

# Known claim types get fixed colours; others a stable one from their name.
PALETTE_SIZE = 8
KNOWN_TYPES = {"statistic": 0, "quote": 1, "attributed_statement": 2, "comparison": 3,
               "change": 4, "prediction": 5, "assertion": 6, "dated_event": 7}

ENTITY_KINDS = {"PERSON": ("person", "person"), "ORG": ("org", "organization"),
                "GPE": ("place", "place"), "LOC": ("place", "place"), "NORP": ("group", "group"),
                "LAW": ("law", "agreement or law"),
                "AGREEMENT": ("law", "agreement"), "EVENT": ("event", "event"),
                "PRODUCT": ("product", "product"), "FAC": ("place", "facility")}
NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "DATE", "TIME", "CARDINAL", "QUANTITY",
                            "ORDINAL"})
QUANTITY_NAMES = {"money": "money", "percent": "percent", "other": "quantity"}
MINUS = "\u2212"


def type_slot(claim_type: str) -> int:
    """Palette slot of a claim type: fixed for known types, a stable hash for others."""
    if claim_type in KNOWN_TYPES:
        return KNOWN_TYPES[claim_type]
    return zlib.crc32(claim_type.encode("utf-8")) % PALETTE_SIZE


def type_description(claim_type: str) -> str:
    """What a claim type means, as the claim/1 schema says it (its name for an unknown type)."""
    meaning = TYPE_DESCRIPTIONS.get(claim_type)
    return f"{claim_type.replace('_', ' ')}: {meaning}" if meaning else claim_type


def checkworthiness(claim: Claim) -> float | None:
    """The claim's check-worthiness score, when it has a finite one."""
    value = claim.checkworthiness
    return value if value is not None and math.isfinite(value) else None


def claim_order(claims: Sequence[Claim]) -> list[Claim]:
    """Claims by check-worthiness, highest first; ties in text order."""
    return sorted(claims, key=lambda c: (-(checkworthiness(c) or 0.0), c.start, c.end,
                                         c.claim_id))


def number(value: float) -> str:
    """A normalized value written out in full: 43500000000, 0.03, 2.5."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e21:
        return str(int(value))
    return repr(value)


def short_number(value: float) -> str:
    """A computed figure rounded for reading, with a true minus sign: −2.76."""
    text = f"{value:.2f}" if abs(value) >= 0.1 else f"{value:.2g}"
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", MINUS)


def quantity_tip(q: QuantityMention) -> str:
    """Tooltip of a quantity: its kind and normalized value (``money: 43500000000 USD``)."""
    unit = q.currency or q.unit
    if q.kind == "percent":
        unit = "%" if unit in ("", "percent", "%", "percentage") else unit
    value = f"{number(q.value)} {unit}".strip()
    if q.qualifier:
        value = f"{q.qualifier} {value}"
    if q.rate:
        value = f"{value} {q.rate}"
    return f"{QUANTITY_NAMES.get(q.kind, q.kind)}: {value}"


def date_tip(d: DateMention) -> str:
    """Tooltip of a date: its TIMEX3 value, or why it could not be resolved."""
    if d.value is None:
        return f"date: unresolved ({d.unresolved or 'no value'})"
    name = d.type.lower() if d.type and d.type != "DATE" else "date"
    anchor = f", relative to {d.anchor}" if d.anchor else ""
    return f"{name}: {d.value}{anchor}"


def entity_tip(e: EntityMention) -> str:
    """Tooltip of an entity: what kind it is and the canonical name it resolves to."""
    kind = ENTITY_KINDS.get(e.label, (e.label.lower(), e.label.lower()))[1]
    return f"{kind}: {e.canonical or e.text}"


def check_words(check: Check) -> str:
    """A check explained in words a fact-checker can act on (the checks stage's own, if any)."""
    kind = check.kind.replace("_", " ")
    verdict = ("Check failed" if check.consistent is False else
               "Check passed" if check.consistent is True else "Not verifiable")
    if check.explanation:
        return f"{verdict} ({kind}): {check.explanation}{clause_words(check)}"
    unit = " %" if "percent" in check.kind else ""
    stated = f"{short_number(check.stated)}{unit}" if check.stated is not None else "a figure"
    if check.stated_text:
        stated = check.stated_text
    computed = (f"{short_number(check.computed)}{unit}" if check.computed is not None
                else "nothing")
    if check.consistent is False:
        return (f"{verdict} ({kind}): the article states {stated}, "
                f"but its own figures give {computed}.")
    if check.consistent is True:
        return f"{verdict} ({kind}): stated {stated}, computed {computed}."
    return f"{verdict} ({kind}): stated {stated}."


def clause_words(check: Check) -> str:
    """`` Read in: "…"``: the words a failed check bound its figures in, for a desk to reread."""
    if check.consistent is not False or check.clause is None:
        return ""
    words = " ".join(check.clause.text.split())
    return f' Read in: "{words}".'


def source_tip(a: Attribution) -> str:
    """Tooltip of an attribution's source: the speaker it resolves to, or the source as written."""
    how = "direct quote" if a.direct else "reported"
    if a.speaker:
        return f"speaker: {a.speaker} ({how})"
    text = a.source.text if a.source else ""
    return f"source: {text} ({how}, speaker unresolved)"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def claim_dom_id(prefix: str, index: int) -> str:
    """DOM id of a claim's highlight (ids never contain input text)."""
    return f"{prefix}-c{index}"


def _stated_quantity(check: Check, quantities: Sequence[QuantityMention]) -> QuantityMention | None:
    """The figure a check found wrong: the quantity in the check's span with the stated value."""
    if check.stated is None or check.start is None or check.end is None:
        return None
    for q in quantities:
        inside = check.start <= q.start and q.end <= check.end
        if inside and math.isclose(abs(q.value), abs(check.stated), rel_tol=1e-9, abs_tol=1e-12):
            return q
    return None


def article_marks(result: ArticleResult, prefix: str) -> list[Mark]:
    """Every mark of one article: regions, claims, sources and evidence, mentions, failed checks."""
    ann = result.annotations
    marks: list[Mark] = []
    for region in ann.regions:
        if region.kind in ("headline", "byline", "boilerplate", "dateline"):
            marks.append(Mark(region.start, region.end, LAYER_REGION, ("rg", f"rg-{region.kind}"),
                              tag="span"))
    claim_index = {c.claim_id: i for i, c in enumerate(claim_order(result.claims))}
    wrong_figures: dict[tuple[int, int], list[str]] = {}  # stated quantity -> explanations
    check_spans: dict[tuple[int, int], list[str]] = {}  # a failed check's whole span
    for claim in result.claims:
        i = claim_index[claim.claim_id]
        failed = [c for c in claim.checks if c.consistent is False]
        classes = ["cl", f"t{type_slot(claim.type)}"] + (["failed"] if failed else [])
        marks.append(Mark(claim.start, claim.end, LAYER_CLAIM, tuple(classes),
                          attrs=(("data-claim-id", claim.claim_id), ("data-type", claim.type)),
                          dom_id=claim_dom_id(prefix, i)))
        for check in failed:
            if check.start is None or check.end is None:
                continue
            words = check_words(check)
            stated = _stated_quantity(check, ann.quantities)
            if stated is not None:
                wrong_figures.setdefault((stated.start, stated.end), []).append(words)
            if stated is None or (stated.start, stated.end) != (check.start, check.end):
                check_spans.setdefault((check.start, check.end), []).append(words)
    seq = 0

    def mention(start: int, end: int, kind: str, tip: str, label: str,
                layer: int = LAYER_MENTION) -> None:
        nonlocal seq
        seq += 1
        fail = wrong_figures.pop((start, end), None)
        classes = ("m", f"k-{kind}", "fail") if fail else ("m", f"k-{kind}")
        full_tip = " — ".join([tip, *fail]) if fail else tip
        marks.append(Mark(start, end, layer, classes, attrs=(("data-kind", kind),),
                          tip=full_tip, label=label, dom_id=f"{prefix}-m{seq}", focusable=True))

    for (start, end), explanations in sorted(check_spans.items()):
        mention(start, end, "check", " ".join(explanations), "check failed", LAYER_SOURCE)
    source_tips: dict[tuple[int, int], list[str]] = {}
    source_kinds: dict[tuple[int, int], str] = {}
    for a in ann.attributions:
        if a.source is not None:
            span = (a.source.start, a.source.end)
            tips = source_tips.setdefault(span, [])
            if source_tip(a) not in tips:
                tips.append(source_tip(a))
            if a.speaker or span not in source_kinds:
                source_kinds[span] = "speaker" if a.speaker else "source"
        if a.evidence is not None:
            mention(a.evidence.start, a.evidence.end, "evidence",
                    f"data source: {a.evidence.text}", "data", LAYER_SOURCE)
    for span, tips in source_tips.items():
        kind = source_kinds[span]
        mention(span[0], span[1], kind, "; ".join(tips), kind, LAYER_SOURCE)
    numeric_spans = {(q.start, q.end) for q in ann.quantities} | {(d.start, d.end)
                                                                 for d in ann.dates}
    for q in ann.quantities:
        mention(q.start, q.end, "qty", quantity_tip(q), QUANTITY_NAMES.get(q.kind, q.kind))
    for d in ann.dates:
        mention(d.start, d.end, "date", date_tip(d), "date")
    for e in ann.entities:
        span = (e.start, e.end)
        if span in source_tips or (e.label in NUMERIC_LABELS and span in numeric_spans):
            continue  # already marked with a more specific value
        kind = ENTITY_KINDS.get(e.label, (_slug(e.label), e.label.lower()))[0]
        mention(e.start, e.end, kind, entity_tip(e), e.label)
    return marks


# What each kind of standalone edit did, for its tooltip.
EDIT_REASONS = {
    "pronoun": "pronoun resolved",
    "possessive": "possessive resolved",
    "description": "description resolved",
    "role": "role resolved to the person given that title",
    "antecedent": "pronoun resolved to the subject of the sentence before",
    "relative_date": "relative date written out",
    "quote_speaker": "speaker of the quote",
    "reported_source": "source of the reported statement",
}


def standalone_marks(claim: Claim, prefix: str) -> tuple[str, list[Mark]]:
    """The claim's standalone text and a mark on each edit, its reason and original on hover."""
    standalone = claim.standalone
    if standalone is None or not standalone.edits:
        return "", []
    marks, shift = [], 0
    for n, edit in enumerate(standalone.edits):
        start = edit.start + shift
        end = start + len(edit.replacement)
        shift += len(edit.replacement) - (edit.end - edit.start)
        was = f"; the article has “{' '.join(edit.original.split())}”" if edit.original else ""
        reason = EDIT_REASONS.get(edit.reason, edit.reason)
        tip = f"{reason}{was} (confidence {edit.confidence:.2f})"
        marks.append(Mark(start, end, LAYER_MENTION, ("m", "k-edit"),
                          attrs=(("data-reason", edit.reason),), tip=tip,
                          dom_id=f"{prefix}-e{n}", focusable=True))
    return standalone.text, marks

