"""Attribution stage: direct quotes and reported speech, with source, cue, speaker and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import spans
from pipeline.attribution.adjacent import leading_cue, trailing_cue
from pipeline.attribution.cues import (
    QUOTE_MARKS,
    Found,
    according,
    after_cue,
    cue_attributions,
    source_span,
)
from pipeline.attribution.direct import (
    adjacent,
    fragment_speaker,
    newcomer,
    paragraphs_of,
    previous_subject,
    reported_before,
    reported_by,
    runs_into,
    with_speaker,
    written_cue,
)
from pipeline.attribution.labels import label_cue
from pipeline.attribution.lexicon import (
    CueLexicon,
    default_lexicon,
    read_lexicon,
)
from pipeline.attribution.quotes import (
    Quote,
    find_quotes,
    find_single_quotes,
    is_speech,
    merge_split,
)
from pipeline.attribution.speakers import SpeakerResolver
from pipeline.contract import Attribution, EntityMention, TextSpan

STAGE_KEY = "claims_attribution"
ENTITIES_KEY = "claims_entities"
SPLIT_QUOTE_GAP = 200
MERGE_GAP = 250


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _token_flags(starts: Sequence[int], quotes: Sequence[Quote]) -> list[bool]:
    """For each token (by its start), whether it lies inside one of the quotes (one sweep)."""
    flags = [False] * len(starts)
    k = 0
    for i, start in enumerate(starts):
        while k < len(quotes) and quotes[k].end <= start:
            k += 1
        flags[i] = k < len(quotes) and quotes[k].start <= start < quotes[k].end
    return flags


def _quote_attributions(
    doc: Doc,
    text: str,
    starts: Sequence[int],
    quotes: Sequence[Quote],
    cues: list[Found],
    in_quote: list[bool],
    lexicon: CueLexicon,
) -> tuple[list[Found], list[Found]]:
    """Give each quote the cue that reports it; returns (direct, cues left over)."""
    used: set[int] = set()
    direct: list[Found] = []
    previous: Found | None = None
    for quote in quotes:
        span = (quote.start, quote.end)
        low, high = paragraphs_of(text, quote)
        best, best_score = None, 0.0
        for n, cue in enumerate(cues):
            if cue.cue is not None and not low <= cue.cue[0] < high:
                # The parser's sentence ran over a paragraph break: not this quote's cue.
                continue
            overlap = _overlap(span, cue.content)
            shorter = min(span[1] - span[0], cue.content[1] - cue.content[0])
            if n not in used and shorter > 0 and overlap / shorter > best_score:
                best, best_score = n, overlap / shorter
        found: Found | None = None
        if best is not None and best_score >= 0.5:
            used.add(best)
            prefix = text[cues[best].content[0] : quote.start]
            if runs_into(prefix):
                # "said that “…”": the quote is part of a reported clause, not a direct quote.
                content = (cues[best].content[0], max(quote.end, cues[best].content[1]))
                found = replace(cues[best], content=content)
            else:
                found = replace(cues[best], content=span, direct=True)
            head = found.source_head
            if found.source is None and head is not None and not in_quote[head]:
                # Dropped for lying inside the parsed clause; the quote alone is the content now.
                found = replace(found, source=source_span(doc[head], text, in_quote))
            if found.direct:
                found = written_cue(doc, text, starts, quote, found, in_quote, lexicon)
        else:
            found = adjacent(doc, text, starts, quote, in_quote, lexicon)
        if found is None and previous is not None and not quote.continued:
            folded = reported_before(text, quote, previous, cues, used)
            if folded is not None:
                # PolNeAR's convention: '… Kim said he was "meticulous." "If we …"': a quote
                # with no cue after someone else's reported speech carries that speech on.
                cues[folded] = replace(cues[folded], content=(cues[folded].content[0], quote.end))
                continue
        if found is None and previous is not None and (
            quote.continued or quote.start - previous.content[1] < MERGE_GAP
        ):
            found = None if quote.continued else newcomer(doc, text, quote, previous, in_quote)
            if found is None:
                # A quote with no cue of its own goes on the previous speaker's quotation.
                direct[-1] = previous = replace(previous, content=(previous.content[0], quote.end))
                continue
        if found is None:
            found = previous_subject(doc, text, quote, in_quote)
        if found is None:
            # No cue, no speaker in sight: more often a title or a document quoted than speech.
            continue
        head = found.source_head
        if (found.source is None or (head is not None and in_quote[head])) and (
            found.cue_token is not None
        ):
            # No subject, or one inherited from the quoted words: look beside the cue.
            found = with_speaker(text, found, doc[found.cue_token], in_quote)
        if found.source is None and found.cue_token is not None:
            found = fragment_speaker(doc, text, quote, found, in_quote)
        if (
            found.source is None and found.cue_token is not None and previous is not None
            and previous.cue_token == doc[found.cue_token].head.i
        ):
            # '"…," said Kim, adding: "…"': the participle speaks with the cue it hangs on.
            found = replace(found, source=previous.source, source_head=previous.source_head)
        found = reported_by(doc, text, quote, found, cues)
        direct.append(found)
        previous = found
    rest = [c for n, c in enumerate(cues) if n not in used]
    return direct, rest


def without_closing_mark(text: str, item: Found, closing: set[int]) -> Found:
    """Reported speech whose parsed clause took in the mark closing the quote before it."""
    start, end = item.content
    if start not in closing:
        return item
    # '… would only say, “talks go on.” ¶ Ruiz said …': the mark is the quote's.
    start += 1
    while start < end and text[start].isspace():
        start += 1
    return replace(item, content=(start, end)) if start < end else item


def _univocal(found: list[Found]) -> list[Found]:
    """Keep the outer attribution where one's cue lies inside another's content."""
    # A quote given its cue beats a parse that ran a clause over it from the next paragraph.
    ordered = sorted(found, key=lambda f: (not f.direct, -(f.content[1] - f.content[0]), f.content))
    kept: list[Found] = []
    for item in ordered:
        cue = item.cue
        if cue is not None and any(k.content[0] <= cue[0] < k.content[1] for k in kept):
            continue
        if any(_overlap(k.content, item.content) > 0.5 * (item.content[1] - item.content[0])
               for k in kept):
            continue
        kept.append(item)
    return kept


def find_attributions(
    doc: Doc, entities: Sequence[EntityMention], lexicon: CueLexicon | None = None
) -> tuple[Attribution, ...]:
    """Direct quotes and reported speech of the article, sorted by content offsets."""
    lex = lexicon or default_lexicon()
    text = spans.text_of(doc)
    starts: list[int] = doc.to_array(IDX).tolist()  # without building a Token each
    double = find_quotes(text)
    both = tuple(sorted(double + find_single_quotes(text, double), key=lambda q: (q.start, q.end)))
    # Starts of quotes with a cue right after them ("“…,” he said").
    trailed = {q.start for q in both if trailing_cue(doc, text, starts, q.end, lex) is not None}
    raw = tuple(
        q
        for q in both
        if is_speech(
            text,
            q,
            lex.min_quote_words,
            lex.short_quote_words,
            after_cue(doc, q.start, lex),
            q.start in trailed
            or leading_cue(doc, starts, q.start, lex)
            # A headline's "Jane Ortiz: ‘No Clue’": a short quote labelled with its speaker.
            or label_cue(doc, text, starts, q.start) is not None,
            lex.title_nouns,
        )
    )
    in_quote = _token_flags(starts, raw)
    cues = cue_attributions(doc, text, lex, in_quote) + according(doc, text, lex, in_quote)
    cues.sort(key=lambda f: (f.content, f.cue or (0, 0)))
    quotes = merge_split(text, raw, SPLIT_QUOTE_GAP, trailed)
    direct, indirect = _quote_attributions(doc, text, starts, quotes, cues, in_quote, lex)
    closing = {q.end - 1 for q in both if q.closed}
    kept = _univocal(direct + [without_closing_mark(text, item, closing) for item in indirect])
    kept.sort(key=lambda f: (f.content, f.cue or (0, 0)))
    resolver = SpeakerResolver(doc, text, entities, lex)
    records = [_record(doc, text, item, resolver) for item in kept]
    return spans.sorted_records(records, key=lambda a: (a.start, a.end))


def _text_span(text: str, span: tuple[int, int] | None) -> TextSpan | None:
    return TextSpan(span[0], span[1], text[span[0] : span[1]]) if span else None


def _record(doc: Doc, text: str, item: Found, resolver: SpeakerResolver) -> Attribution:
    speaker = None
    if item.source is not None and item.source_head is not None:
        speaker = resolver.resolve(doc[item.source_head], item.source[0], item.source[1])
    content = _text_span(text, item.content)
    assert content is not None
    return Attribution(
        content=content,
        source=_text_span(text, item.source),
        cue=_text_span(text, item.cue),
        # The gold standard's definition too: content that opens with a quotation mark.
        direct=item.direct or content.text[:1] in QUOTE_MARKS or content.text[:2] == "''",
        speaker=speaker.name if speaker else None,
        speaker_confidence=speaker.confidence if speaker else None,
        role=speaker.role if speaker else None,
        evidence=_text_span(text, item.evidence),
    )


class AttributionComponent:
    """spaCy component: runs :func:`find_attributions` on the entities stage's output."""

    def __init__(self, models_dir: str | None) -> None:
        self.lexicon = read_lexicon(Path(models_dir)) if models_dir else default_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        entities = spans.load(doc, ENTITIES_KEY, EntityMention.from_dict)
        records = find_attributions(doc, entities, self.lexicon)
        spans.store(doc, STAGE_KEY, records, label_of=_label)
        return doc


def _label(record: Attribution) -> str:
    return "DIRECT" if record.direct else "REPORTED"


@Language.factory(STAGE_KEY, default_config={"models_dir": ""})
def claims_attribution(nlp: Language, name: str, models_dir: str) -> AttributionComponent:
    """Factory of the attribution stage."""
    return AttributionComponent(models_dir or None)
