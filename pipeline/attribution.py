"""Attribution stage: direct quotes and reported speech, with source, cue, speaker and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline import spans
from pipeline.attribution_lexicon import CueLexicon, default_lexicon, read_lexicon
from pipeline.attribution_quotes import Quote, find_quotes, is_speech, merge_split
from pipeline.attribution_speakers import SpeakerResolver
from pipeline.contract import Attribution, EntityMention, TextSpan

STAGE_KEY = "claims_attribution"
ENTITIES_KEY = "claims_entities"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
TRIM = " \n\t,;:—-–"
SPLIT_QUOTE_GAP = 60
QUOTE_MARKS = "\"“”„‟«»"


@dataclass(frozen=True, slots=True)
class _Found:
    """An attribution before speaker resolution, with token indices for the resolver."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None  # token index
    cue_token: int | None
    evidence: tuple[int, int] | None = None
    direct: bool = False


def _char_span(tokens: Sequence[Token], text: str) -> tuple[int, int] | None:
    """Character extent of contiguous tokens, trimmed of surrounding punctuation and blanks."""
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM + ".":
        end -= 1
    return (start, end) if end > start else None


def _subtree_span(
    token: Token, text: str, exclude: Token | None = None
) -> tuple[int, int] | None:
    """Span of a token's subtree; the part on the longer side of ``exclude``'s subtree if given."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i + 1
    if exclude is not None and left <= exclude.i < right:
        ex_l, ex_r = exclude.left_edge.i, exclude.right_edge.i + 1
        if ex_l - left >= right - ex_r:
            right = ex_l
        else:
            left = ex_r
    return _char_span(doc[left:right], text)


def _source_of(verb: Token) -> Token | None:
    """The subject of a cue verb, inherited through xcomp/conj/advcl chains when it has none."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return child
        agent = [c for c in current.children if c.dep_ == "agent"]
        if agent:
            objects = [c for c in agent[0].children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


def _content_of(verb: Token, lexicon: CueLexicon, text: str) -> tuple[int, int] | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and lemma in lexicon.clausal:
            return _subtree_span(child, text)
    for child in children:
        if child.dep_ == "xcomp" and lemma in lexicon.xcomp:
            return _subtree_span(child, text)
    preps = lexicon.nominal_preps.get(lemma, frozenset())
    for child in children:
        if child.dep_ in ("dobj", "dative") and lemma in lexicon.nominal:
            return _subtree_span(child, text)
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _subtree_span(objects[0], text)
    if verb.dep_ == "parataxis" and lemma in lexicon.clausal:
        # "The deal is fair, he said": the cue hangs off the clause it reports.
        return _subtree_span(verb.head, text, exclude=verb)
    return None


def _evidence_of(verb: Token, lexicon: CueLexicon, text: str) -> tuple[int, int] | None:
    """``based on data from X`` / ``citing X`` next to a cue: where the data came from."""
    doc = verb.doc
    for token in verb.subtree:
        for phrase in lexicon.evidence:
            if token.lower_ != phrase[0]:
                continue
            words = doc[token.i : token.i + len(phrase)]
            if len(words) == len(phrase) and all(
                w.lower_ == p for w, p in zip(words, phrase, strict=True)
            ):
                last = words[-1]
                objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
                if objects:
                    return _subtree_span(objects[0], text)
    return None


def _according(doc: Doc, text: str, lexicon: CueLexicon, in_quote: list[bool]) -> list[_Found]:
    found: list[_Found] = []
    for token in doc:
        for phrase in lexicon.according:
            if token.lower_ != phrase[0]:
                continue
            words = doc[token.i : token.i + len(phrase)]
            if len(words) != len(phrase) or in_quote[token.i]:
                continue
            if not all(w.lower_ == p for w, p in zip(words, phrase, strict=True)):
                continue
            objects = [c for c in words[-1].children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            content = _subtree_span(token.sent.root, text, exclude=token)
            if content is None:
                continue
            found.append(
                _Found(
                    content,
                    (words[0].idx, words[-1].idx + len(words[-1].text)),
                    _subtree_span(source, text),
                    source.i,
                    token.i,
                )
            )
    return found


def _cue_attributions(
    doc: Doc, text: str, lexicon: CueLexicon, in_quote: list[bool]
) -> list[_Found]:
    found: list[_Found] = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or in_quote[token.i]:
            continue
        if not lexicon.is_cue(token.lemma_.lower()):
            continue
        content = _content_of(token, lexicon, text)
        if content is None:
            continue
        subject = _source_of(token)
        source = _subtree_span(subject, text) if subject is not None else None
        if source is not None and content[0] <= source[0] < content[1]:
            source = None
        found.append(
            _Found(
                content,
                (token.idx, token.idx + len(token.text)),
                source,
                subject.i if subject is not None else None,
                token.i,
                _evidence_of(token, lexicon, text),
            )
        )
    return found


def _after_cue(doc: Doc, start: int, lexicon: CueLexicon) -> bool:
    """Whether the quote opening at ``start`` directly follows a cue verb (``says “…”``)."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return False
    before = doc[token.start - 1]
    return before.pos_ == "VERB" and lexicon.is_cue(before.lemma_.lower())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _token_flags(doc: Doc, quotes: Sequence[Quote]) -> list[bool]:
    """For each token, whether it lies inside one of the quotes (one linear sweep)."""
    flags = [False] * len(doc)
    k = 0
    for token in doc:
        while k < len(quotes) and quotes[k].end <= token.idx:
            k += 1
        flags[token.i] = k < len(quotes) and quotes[k].start <= token.idx < quotes[k].end
    return flags


def _quote_attributions(
    doc: Doc,
    text: str,
    quotes: Sequence[Quote],
    cues: list[_Found],
    in_quote: list[bool],
    lexicon: CueLexicon,
) -> tuple[list[_Found], list[_Found]]:
    """Give each quote the cue that reports it; returns (direct, cues left over)."""
    used: set[int] = set()
    direct: list[_Found] = []
    previous: _Found | None = None
    for quote in quotes:
        span = (quote.start, quote.end)
        best, best_score = None, 0.0
        for n, cue in enumerate(cues):
            overlap = _overlap(span, cue.content)
            shorter = min(span[1] - span[0], cue.content[1] - cue.content[0])
            if n not in used and shorter > 0 and overlap / shorter > best_score:
                best, best_score = n, overlap / shorter
        found: _Found | None = None
        if best is not None and best_score >= 0.5:
            used.add(best)
            found = replace(cues[best], content=span, direct=True)
        else:
            found = _nearby_cue(doc, text, quote, previous, in_quote, lexicon)
        direct.append(found)
        previous = found
    rest = [c for n, c in enumerate(cues) if n not in used]
    return direct, rest


def _nearby_cue(
    doc: Doc,
    text: str,
    quote: Quote,
    previous: _Found | None,
    in_quote: list[bool],
    lexicon: CueLexicon,
) -> _Found:
    """A quote whose cue does not govern it (``"…," he said.``), or the previous speaker's."""
    span = (quote.start, quote.end)
    inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    best: Token | None = None
    if inside is not None:
        first, last = inside[0].sent, inside[-1].sent
        start = first.start
        before = doc[first.start - 1].sent if first.start > 0 else None
        if before is not None and before.text.rstrip().endswith(":"):
            # "Clinton said in a statement:" introducing the quote.
            start = before.start
        for token in doc[start : last.end]:
            if in_quote[token.i] or token.pos_ != "VERB":
                continue
            if token.lemma_.lower() not in lexicon.clausal:
                continue
            if best is None or _distance(token, quote) < _distance(best, quote):
                best = token
    if best is not None:
        subject = _source_of(best)
        return _Found(
            span,
            (best.idx, best.idx + len(best.text)),
            _subtree_span(subject, text) if subject is not None else None,
            subject.i if subject is not None else None,
            best.i,
            direct=True,
        )
    if previous is not None and (quote.continued or quote.start - previous.content[1] < 400):
        return replace(previous, content=span, cue=None, direct=True)
    return _Found(span, None, None, None, None, direct=True)


def _distance(token: Token, quote: Quote) -> int:
    if token.idx >= quote.end:
        return token.idx - quote.end
    if token.idx < quote.start:
        return quote.start - token.idx
    return 0


def _univocal(found: list[_Found]) -> list[_Found]:
    """Keep the outer attribution where one's cue lies inside another's content."""
    ordered = sorted(found, key=lambda f: (-(f.content[1] - f.content[0]), f.content))
    kept: list[_Found] = []
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
    text = doc.text
    raw = tuple(
        q
        for q in find_quotes(text)
        if is_speech(
            text, q, lex.min_quote_words, lex.short_quote_words, _after_cue(doc, q.start, lex)
        )
    )
    in_quote = _token_flags(doc, raw)
    cues = _cue_attributions(doc, text, lex, in_quote) + _according(doc, text, lex, in_quote)
    cues.sort(key=lambda f: (f.content, f.cue or (0, 0)))
    quotes = merge_split(text, raw, SPLIT_QUOTE_GAP)
    direct, indirect = _quote_attributions(doc, text, quotes, cues, in_quote, lex)
    kept = _univocal(direct + indirect)
    kept.sort(key=lambda f: (f.content, f.cue or (0, 0)))
    resolver = SpeakerResolver(doc, text, entities, lex)
    records = [_record(doc, text, item, resolver) for item in kept]
    return spans.sorted_records(records, key=lambda a: (a.start, a.end))


def _text_span(text: str, span: tuple[int, int] | None) -> TextSpan | None:
    return TextSpan(span[0], span[1], text[span[0] : span[1]]) if span else None


def _record(doc: Doc, text: str, item: _Found, resolver: SpeakerResolver) -> Attribution:
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
        direct=item.direct or content.text[:1] in QUOTE_MARKS,
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
