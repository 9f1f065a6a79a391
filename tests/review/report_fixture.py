"""Test fixture: the seed article's ArticleResult built by hand (offsets found with str.find).

This is a fixture for the report and ClaimReview tests, not pipeline output: it lets those
tests pin exact marks and tooltips without depending on what the stages find.
"""

from __future__ import annotations

from typing import Any

from pipeline.contract import (
    Annotations,
    Article,
    ArticleResult,
    Attribution,
    Check,
    Claim,
    DateMention,
    EntityMention,
    QuantityKind,
    QuantityMention,
    Region,
    TextSpan,
)
from tests.conftest import SEED


class Finder:
    """Offsets of substrings of one text, searched in order of appearance."""

    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, needle: str, after: str = "") -> tuple[int, int]:
        base = self.text.index(after) if after else 0
        start = self.text.index(needle, base)
        return start, start + len(needle)

    def ts(self, needle: str, after: str = "") -> TextSpan:
        start, end = self.span(needle, after)
        return TextSpan(start, end, needle)


def seed_text() -> str:
    """The seed article as the pipeline reads it."""
    return SEED.read_text(encoding="utf-8")


def hand_seed_result(text: str | None = None, url: str | None = None) -> ArticleResult:
    """The seed's annotations and claims as the acceptance criteria describe them."""
    text = seed_text() if text is None else text
    f = Finder(text)
    article = Article(id="000_e8c7711d66f6db41", text=text, published="2017-08-23",
                      source="Efe via syndication", url=url)

    def q(needle: str, kind: QuantityKind, value: float, currency: str | None) -> QuantityMention:
        start, end = f.span(needle)
        unit = currency or ("percent" if kind == "percent" else "")
        return QuantityMention(start, end, needle, kind, value, unit, currency)

    quantities = (
        q("0.03 percent", "percent", 0.03, None),
        q("$43.5 billion", "money", 43.5e9, "USD"),
        q("$42.3 billion", "money", 42.3e9, "USD"),
        q("US$27.7 billion", "money", 27.7e9, "USD"),
        q("S$37.7 billion", "money", 37.7e9, "SGD"),
        q("$16.2 billion", "money", 16.2e9, "USD"),
        q("$1.74 billion", "money", 1.74e9, "USD"),
    )

    def d(needle: str, value: str, after: str = "") -> DateMention:
        start, end = f.span(needle, after)
        return DateMention(start, end, needle, value, anchor="2017-08-23")

    dates = tuple(sorted((
        d("2011", "2011"), d("2016", "2016", after="$42.3"), d("previous year", "2016"),
        d("last month", "2017-07"), d("5 years ago", "2012"), d("August 22", "2017-08-22"),
        d("Tuesday", "2017-08-22", after="said Tuesday"), d("2016", "2016", after="In 2016"),
    ), key=lambda m: (m.start, m.end)))

    def e(needle: str, label: str, canonical: str, after: str = "") -> EntityMention:
        start, end = f.span(needle, after)
        return EntityMention(start, end, needle, label, canonical)

    entities = tuple(sorted((
        e("Robert Lighthizer", "PERSON", "Robert Lighthizer"),
        e("Kim Hyun-chong", "PERSON", "Kim Hyun-chong"),
        e("The Wall Street Journal", "ORG", "The Wall Street Journal"),
        e("KORUS", "LAW", "KORUS"),
        e("Korea Trade International Association", "ORG", "Korea Trade International Association"),
        e("USA", "GPE", "United States", after="The value of"),
        e("United States", "GPE", "United States", after="win-win"),
        e("Seoul", "GPE", "Seoul", after="Seoul maintains"),
    ), key=lambda m: (m.start, m.end)))

    quote1 = f.ts("I think it's better that we maintain the agreement because it's a win-win")
    quote2 = f.ts("The U.S. needs South Korea's cooperation more than ever to address North Korea")
    report_said = f.ts("the report said")
    official = f.ts("a trade ministry official")
    attributions = (
        Attribution(content=quote1, source=f.ts("Kim", after="win-win"),
                    cue=f.ts("said", after="win-win"), direct=True, speaker="Kim Hyun-chong"),
        Attribution(content=f.ts("The value of USA goods exported to Korea fell 0.03 percent "
                                 "from $43.5 billion in 2011 to $42.3 billion in 2016"),
                    source=f.ts("the report"), cue=TextSpan(report_said.end - 4,
                                                            report_said.end, "said")),
        Attribution(content=f.ts("In 2016, South Korea's vehicle exports to the United States "
                                 "stood at $16.2 billion, while its imports of USA cars were "
                                 "$1.74 billion"),
                    source=official, cue=f.ts("said", after="ministry official"),
                    role="trade ministry official",
                    evidence=f.ts("data from the Korea Trade International Association")),
        Attribution(content=f.ts("it would not necessarily renegotiate terms"),
                    source=f.ts("Seoul", after="Seoul maintains"),
                    cue=f.ts("saying", after="rising"),
                    speaker="Seoul"),
        Attribution(content=quote2, source=f.ts("he", after="North Korea\""),
                    cue=f.ts("said", after="North Korea\""), direct=True, speaker=None),
    )
    attributions = tuple(sorted(attributions, key=lambda a: (a.start, a.end)))

    def claim(cid: str, sentence: str, ctype: str, checks: tuple[Check, ...] = ()) -> Claim:
        start, end = f.span(sentence)

        def inside(x: Any) -> bool:
            return bool(start <= x.start and x.end <= end)

        return Claim(claim_id=cid, article_id=article.id, text=sentence, start=start, end=end,
                     type=ctype, quantities=tuple(filter(inside, quantities)),
                     dates=tuple(filter(inside, dates)), entities=tuple(filter(inside, entities)),
                     attribution=next(filter(inside, attributions), None), checks=checks,
                     published=article.published)

    pct = f.span("0.03 percent")
    fell = Check("percent_change", -0.03, -2.7586, False, "", pct[0], pct[1])
    claims = (
        claim("c-fell", "The value of USA goods exported to Korea fell 0.03 percent from $43.5 "
              "billion in 2011 to $42.3 billion in 2016, the report said.", "change", (fell,)),
        claim("c-win", quote1.text, "quote"),
        claim("c-deficit", "United States figures indicate its goods deficit with South Korea "
              "was US$27.7 billion (S$37.7 billion) previous year.", "statistic"),
        claim("c-cars", "In 2016, South Korea's vehicle exports to the United States stood at "
              "$16.2 billion, while its imports of USA cars were $1.74 billion, a trade ministry "
              "official said based on data from the Korea Trade International Association.",
              "statistic"),
        claim("c-seoul", "Seoul maintains that the deal has been mutually beneficial, with "
              "exports of American beef to South Korea rising, saying last month that it would "
              "not necessarily renegotiate terms.", "attributed_statement"),
        claim("c-needs", quote2.text, "quote"),
    )
    headline_end = text.index("\n")
    more = f.span("More news: Tal Afar Facts: Iraqi Forces Launch Assault To Retake ISIS Bastion")
    byline = f.span("Adam Floyd")
    regions = (Region(0, headline_end, "headline"), Region(more[0], more[1], "boilerplate"),
               Region(byline[0], byline[1], "byline"))
    annotations = Annotations(article=article, entities=entities, quantities=quantities,
                              dates=dates, attributions=attributions, regions=regions)
    return ArticleResult(annotations, tuple(sorted(claims, key=lambda c: (c.start, c.end))))
