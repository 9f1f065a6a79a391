"""The stage contract and the frozen records that cross stage boundaries.

Stage contract (every stage in this package follows it):

* A stage is one module. Its work is done by a *pure* function from its input
  (an ``Article``, a ``str`` or a spaCy ``Doc``) to a tuple of the frozen records
  defined here; that function never mutates its input, never reads the clock,
  the local timezone, the network or the environment, and returns its records
  sorted by ``(start, end)`` so output never depends on set or dict order.
* Stages that work on a ``Doc`` are registered spaCy components (factory
  ``claims_<stage>``, configuration as keyword arguments). The component calls
  the pure function and writes the result in one small place:
  ``doc.spans[<stage key>]`` gets one labelled span per record and
  ``doc.user_data["claims:<stage key>"]`` the JSON-plain payloads
  (``record.to_dict()``), so documents survive ``Doc.to_bytes`` and
  multi-process piping.
* Offsets are half-open character offsets ``[start, end)`` into
  ``Article.text`` exactly as read. The clean stage masks boilerplate with
  spaces rather than deleting it, so ``doc.text`` has the same length as
  ``Article.text`` and every ``Doc`` offset is an article offset.
* The publication date (``Article.published``, ISO ``YYYY-MM-DD`` or ``None``)
  is the only anchor for relative expressions; it reaches ``Doc`` stages as
  ``doc.user_data[PUBLISHED_KEY]``.
* Stages read the text through ``pipeline.spans.text_of(doc)``: ``Doc.text``
  rebuilds it token by token, so the runner keeps the text it tokenized under
  ``doc.user_data[TEXT_KEY]``.
* A stage that cannot handle an article raises ``pipeline.errors.ArticleFailed``;
  the runner reports it for that article and goes on with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

PUBLISHED_KEY = "claims:published"
TEXT_KEY = "claims:text"

QuantityKind = Literal["money", "percent", "other"]


def payload_key(stage_key: str) -> str:
    """Key in ``doc.user_data`` under which a stage stores its JSON-plain payloads."""
    return f"claims:{stage_key}"


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read: the text is never altered after reading."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""  # where it was read from, e.g. "corpus/a.jsonl:12"
    published_from: str | None = None  # "record", "dateline", "metadata", "option"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A half-open character span of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of text the clean stage classified (headline, byline, boilerplate, body)."""

    start: int
    end: int
    kind: Literal["headline", "byline", "boilerplate", "dateline", "body"]


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named entity with the canonical name it resolves to within the article."""

    start: int
    end: int
    text: str
    label: str
    canonical: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "canonical": self.canonical,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityMention:
        return cls(
            int(data["start"]), int(data["end"]), data["text"], data["label"], data["canonical"]
        )


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A number with its unit: money (ISO 4217 currency), percent or another quantity.

    ``value`` is in the main unit (19 cents is 0.19 USD; a share such as ``three of four``
    is 0.75, its ``part`` 3 and ``whole`` 4, the figures a checker compares). ``qualifier`` keeps
    approximations such as ``about`` or ``more than``; ``range_id`` links the two
    ends of a range and ``equivalent_of`` points (by index in the article's
    sorted quantity list) at the amount this one restates in another currency.
    """

    start: int
    end: int
    text: str
    kind: QuantityKind
    value: float
    unit: str
    currency: str | None = None
    qualifier: str | None = None
    range_id: int | None = None
    equivalent_of: int | None = None
    rate: str | None = None  # "per barrel", "a share": the denominator of a rate
    # "4,472,0000 dlrs": digits grouped wrongly as printed; ``value`` reads the digits as they
    # stand (44,720,000), which the misprint makes doubtful.
    misprinted: bool = False
    # A share's own figures ("20,000 of the 28,000 workers": 20,000 of 28,000); None otherwise.
    part: float | None = None
    whole: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit,
            "currency": self.currency,
            "qualifier": self.qualifier,
            "range_id": self.range_id,
            "equivalent_of": self.equivalent_of,
            "rate": self.rate,
            "misprinted": self.misprinted,
            "part": self.part,
            "whole": self.whole,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuantityMention:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            kind=data["kind"],
            value=float(data["value"]),
            unit=data["unit"],
            currency=data.get("currency"),
            qualifier=data.get("qualifier"),
            range_id=data.get("range_id"),
            equivalent_of=data.get("equivalent_of"),
            rate=data.get("rate"),
            misprinted=bool(data.get("misprinted", False)),
            part=None if data.get("part") is None else float(data["part"]),
            whole=None if data.get("whole") is None else float(data["whole"]),
        )


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression with its TIMEX3 value at its own granularity.

    ``value`` is ``None`` when it cannot be resolved; ``unresolved`` then says why
    (for example ``"no publication date"``). ``type`` is the TIMEX3 type:
    DATE, TIME, DURATION or SET. ``range_id`` is shared by the two ends of a range
    such as ``from 2011 to 2016`` or ``between March and May`` (``None`` otherwise).
    """

    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"
    unresolved: str | None = None
    anchor: str | None = None  # what a relative value was resolved against
    range_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "type": self.type,
            "unresolved": self.unresolved,
            "anchor": self.anchor,
            "range_id": self.range_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            value=data.get("value"),
            type=data.get("type", "DATE"),
            unresolved=data.get("unresolved"),
            anchor=data.get("anchor"),
            range_id=data.get("range_id"),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: a content span, its source and cue, and the evidence behind it.

    ``speaker`` is the canonical name of the source when it resolves to an
    entity of the article (``Kim`` and ``he`` resolve to Kim Hyun-chong);
    ``evidence`` is where the data came from (``data from the Korea Trade
    International Association``), kept apart from who said it.
    """

    content: TextSpan
    source: TextSpan | None = None
    cue: TextSpan | None = None
    direct: bool = False
    speaker: str | None = None
    speaker_confidence: float | None = None
    role: str | None = None
    evidence: TextSpan | None = None

    @property
    def start(self) -> int:
        return self.content.start

    @property
    def end(self) -> int:
        return self.content.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "direct": self.direct,
            "speaker": self.speaker,
            "speaker_confidence": self.speaker_confidence,
            "role": self.role,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        def span(key: str) -> TextSpan | None:
            value = data.get(key)
            return TextSpan.from_dict(value) if value else None

        return cls(
            content=TextSpan.from_dict(data["content"]),
            source=span("source"),
            cue=span("cue"),
            direct=bool(data.get("direct", False)),
            speaker=data.get("speaker"),
            speaker_confidence=data.get("speaker_confidence"),
            role=data.get("role"),
            evidence=span("evidence"),
        )


@dataclass(frozen=True, slots=True)
class Check:
    """Something the article states that the pipeline could verify from the article itself."""

    kind: str
    stated: float | None
    computed: float | None
    consistent: bool | None
    explanation: str = ""
    start: int | None = None
    end: int | None = None
    # The change record behind a change check: what went from what to what, and when.
    from_value: float | None = None
    to_value: float | None = None
    from_date: str | None = None
    to_date: str | None = None
    # The figures as written, the interval the written figures allow for the computed value
    # and the clause they were bound in, so a failed check can explain itself.
    stated_text: str | None = None
    from_text: str | None = None
    to_text: str | None = None
    computed_low: float | None = None
    computed_high: float | None = None
    clause: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "stated": self.stated,
            "computed": self.computed,
            "consistent": self.consistent,
            "explanation": self.explanation,
            "start": self.start,
            "end": self.end,
            "from_value": self.from_value,
            "to_value": self.to_value,
            "from_date": self.from_date,
            "to_date": self.to_date,
            "stated_text": self.stated_text,
            "from_text": self.from_text,
            "to_text": self.to_text,
            "computed_low": self.computed_low,
            "computed_high": self.computed_high,
            "clause": self.clause.to_dict() if self.clause else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Check:
        return cls(
            kind=data["kind"],
            stated=data.get("stated"),
            computed=data.get("computed"),
            consistent=data.get("consistent"),
            explanation=data.get("explanation", ""),
            start=data.get("start"),
            end=data.get("end"),
            from_value=data.get("from_value"),
            to_value=data.get("to_value"),
            from_date=data.get("from_date"),
            to_date=data.get("to_date"),
            stated_text=data.get("stated_text"),
            from_text=data.get("from_text"),
            to_text=data.get("to_text"),
            computed_low=data.get("computed_low"),
            computed_high=data.get("computed_high"),
            clause=TextSpan.from_dict(data["clause"]) if data.get("clause") else None,
        )


@dataclass(frozen=True, slots=True)
class Edit:
    """One rewrite of a claim's words: ``[start, end)`` into the claim's own text.

    ``start == end`` inserts (a quote's speaker, an ``According to`` frame);
    ``reason`` says what was resolved (``pronoun``, ``role``, ``possessive``,
    ``relative_date``, ``quote_speaker``, ``reported_source``) and
    ``confidence`` how sure the resolution is.
    """

    start: int
    end: int
    original: str
    replacement: str
    reason: str
    confidence: float
    entity: str | None = None  # the canonical name a pronoun or description resolved to

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "reason": self.reason,
            "confidence": self.confidence,
            "entity": self.entity,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edit:
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["original"]),
            str(data["replacement"]),
            str(data["reason"]),
            float(data["confidence"]),
            data.get("entity"),
        )


@dataclass(frozen=True, slots=True)
class Standalone:
    """A claim written to be checked without its article: its text with the edits applied."""

    text: str
    edits: tuple[Edit, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "edits": [e.to_dict() for e in self.edits]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Standalone:
        return cls(str(data["text"]), tuple(Edit.from_dict(e) for e in data.get("edits", ())))


@dataclass(frozen=True, slots=True)
class Annotations:
    """Every mention the pipeline found in one article."""

    article: Article
    entities: tuple[EntityMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sentences: tuple[TextSpan, ...] = ()
    regions: tuple[Region, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable claim: a sentence (or quote) with everything needed to check it."""

    claim_id: str
    article_id: str
    text: str
    start: int
    end: int
    type: str
    entities: tuple[EntityMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    attribution: Attribution | None = None
    checks: tuple[Check, ...] = ()
    published: str | None = None
    checkworthiness: float | None = None  # in [0, 1]: how worth checking, for ranking a queue
    claim_key: str | None = None  # equal for the same claim worded differently elsewhere
    standalone: Standalone | None = None  # the claim checkable without its article

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "schema": "claim/1",
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "published": self.published,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "entities": [e.to_dict() for e in self.entities],
            "quantities": [q.to_dict() for q in self.quantities],
            "dates": [d.to_dict() for d in self.dates],
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "checks": [c.to_dict() for c in self.checks],
            "checkworthiness": self.checkworthiness,
            "claim_key": self.claim_key,
            "standalone": self.standalone.to_dict() if self.standalone else None,
        }
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """A ``claim/1`` record read back (fields beyond the contract are ignored)."""
        attribution = data.get("attribution")
        standalone = data.get("standalone")
        return cls(
            claim_id=str(data["claim_id"]),
            article_id=str(data["article_id"]),
            text=str(data["text"]),
            start=int(data["start"]),
            end=int(data["end"]),
            type=str(data["type"]),
            entities=tuple(EntityMention.from_dict(e) for e in data.get("entities", ())),
            quantities=tuple(QuantityMention.from_dict(q) for q in data.get("quantities", ())),
            dates=tuple(DateMention.from_dict(d) for d in data.get("dates", ())),
            attribution=Attribution.from_dict(attribution) if attribution else None,
            checks=tuple(Check.from_dict(c) for c in data.get("checks", ())),
            published=data.get("published"),
            checkworthiness=data.get("checkworthiness"),
            claim_key=data.get("claim_key"),
            standalone=Standalone.from_dict(standalone) if standalone else None,
        )


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline made of one article: its annotations and the claims built from them."""

    annotations: Annotations
    claims: tuple[Claim, ...]

    @property
    def article(self) -> Article:
        return self.annotations.article
