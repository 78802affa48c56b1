"""rx.Pattern: a text is skipped only when the pattern cannot match anywhere in it."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.sources import extract, rx

CORPUS = Path(__file__).parent / "corpus" / "dev"
FLAGS = re.IGNORECASE | re.UNICODE
PAD = "The weather in Kirkenes was calm and nothing else happened that day. " * 4


def words(pattern: str) -> set[str]:
    return set(rx.compile(pattern, FLAGS).words())


def test_the_words_a_pattern_needs_are_read_from_it():
    # of the words every match has, the most telling: "tip", not "from" or "by"
    assert words(r"\btip(?:-off|\s+off)?\s+(?:from|by)\b") == {"tip"}
    # a small class spells its words out; an alternation gives one word per branch
    assert words(r"\b(?:wom[ae]n|person)\s+who\s+called\b") == {" who called"}
    # spaces of any kind and number are one space (so are the text's); "s?" gives both
    assert words(r"\b(?:one|two)\s+years?[^\S\n]+later") == {" years later", " year later"}
    assert rx.folded("Two YEARS\n\t later") == "two years later"
    assert words(r"\b(?:detain(?:ed|s)?|arrest(?:ed)?)\b") == {"detain", "arrest"}
    # what a lookahead must see is needed too; an optional part is not
    assert words(r"\bpatrol(?=\s+found)") == {"patrol"}
    # (a word with another inside it is left out: "cameras" has "camera")
    assert words(r"(?:thermal\s+)?cameras?") == {"camera"}


def test_a_pattern_with_a_branch_that_needs_nothing_needs_nothing():
    assert words(r"\b(?:called|\d+)\b") == set()
    assert words(r"(?:ab|x)") == set()  # words shorter than three letters are no use


def test_a_text_without_the_words_is_not_scanned():
    pattern = rx.compile(r"\bsurrender(?:ed|s)?\b", FLAGS)
    assert not pattern.may_match(PAD)
    assert list(pattern.finditer(PAD)) == []
    assert pattern.may_match(PAD + " They SURRENDERED at once.")
    assert [m.group(0) for m in pattern.finditer(PAD + " They SURRENDERED.")] == ["SURRENDERED"]
    # short strings and very long ones are scanned as they are
    assert pattern.may_match("calm")
    assert pattern.may_match(PAD * 100)


@pytest.mark.parametrize(
    "text",
    [
        "DETA\u0130N",  # "İ": its lower case is two characters
        "DETA\u0131N",  # "ı", the same as "i" to IGNORECASE
        "detain" + "\u017f",  # "ſ", the same as "s"
    ],
)
def test_letters_ignorecase_takes_as_the_same_are_found(text):
    pattern = rx.compile(r"deta[i]n(?:s)?", FLAGS)
    assert pattern._re.search(PAD + text)
    assert pattern.may_match(PAD + text)


@settings(max_examples=200, deadline=None)
@given(
    chunk=st.text(alphabet="detainsurrδΣσςıİſKk \n\t\u00a0-", min_size=1, max_size=40),
)
def test_any_text_the_pattern_matches_may_match(chunk):
    for source in (r"\bdetains?\b", r"surrender(?:ed|s)?", r"σσσ", r"de\s+tain\s*s?\sd"):
        pattern = rx.compile(source, FLAGS)
        text = PAD + chunk
        if pattern._re.search(text):
            assert pattern.may_match(text)


def _extractor_patterns() -> dict[int, rx.Pattern]:
    """Every compiled pattern of the extractor: its names and its lists' (kind, pattern)."""
    patterns = {id(v): v for v in vars(extract).values() if isinstance(v, rx.Pattern)}
    for value in vars(extract).values():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, tuple) and isinstance(item[-1], rx.Pattern):
                    patterns[id(item[-1])] = item[-1]
    return patterns


def test_on_corpus_texts_no_pattern_of_the_extractor_is_skipped_where_it_matches():
    patterns = _extractor_patterns()
    assert len(patterns) > 200
    texts = [p.read_text() for p in sorted(CORPUS.glob("*.txt"))[::40]]
    skipped = 0
    for pattern in patterns.values():
        for text in texts:
            if not pattern.may_match(text):
                skipped += 1
                assert pattern._re.search(text) is None, (pattern.pattern[:80], text[:80])
    assert skipped > 0


def test_patterns_answer_the_same_from_several_threads_at_once():
    """The web server extracts in several threads: each keeps its own folded texts."""
    from concurrent.futures import ThreadPoolExecutor

    pattern = rx.compile(r"\bsurrender(?:ed|s)?\b", FLAGS)
    texts = [PAD * (1 + i % 3) + (" They surrendered." if i % 2 else "") for i in range(200)]
    alone = [len(list(pattern.finditer(text))) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda text: len(list(pattern.finditer(text))), texts))
    assert together == alone


def _firsts(source: str) -> tuple[bool, set[str]]:
    """(can the pattern match nothing, the letters a match can begin with)"""
    found: list = []
    empty = rx.first_characters(rx._parser.parse(source, FLAGS).data, found)
    return empty, {chr(code) for op, code in found if op is rx.C.LITERAL}


def test_the_characters_a_match_begins_with_are_read_from_the_pattern():
    # \b and lookarounds take no character; each branch gives its own first letter
    assert _firsts(r"\b(?<!to\s)(?:detain(?:ed)?|arrest|apprehend)\b") == (False, {"d", "a"})
    # an optional part gives its letters and those of what follows it
    assert _firsts(r"(?:the\s+)?(?:last|past)\s+week") == (False, {"t", "l", "p"})
    assert _firsts(r"(?:ab)?") == (True, {"a"})  # can match nothing: no guard
    with pytest.raises(rx._Anything):
        rx.first_characters(rx._parser.parse(r"\w+\s+crossed", FLAGS).data, [])


def test_a_pattern_is_guarded_only_where_the_engine_does_not_look_for_its_start_itself():
    guarded = rx.guarded(r"\b(?:detain|arrest)(?:ed|s)?\b", FLAGS)
    assert guarded.pattern is None  # compiled with the guard in front, from the parse
    # case-sensitive, a digit first (the engine finds those itself), any word first, or
    # a pattern that can match nothing: the pattern as it is
    for source, flags in [
        (r"\b(?:detain|arrest)", re.UNICODE),
        (r"[0-9.]\d*\s+km", FLAGS),
        (r"\w+\s+crossed", FLAGS),
        (r"(?:ab)?", FLAGS),
    ]:
        assert rx.guarded(source, flags).pattern == source


def _same(pattern: rx.Pattern, plain: re.Pattern, text: str) -> None:
    guarded = pattern.scanner()
    assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ], pattern.pattern[:80]
    for at in range(0, len(text), 13):
        a, b = guarded.match(text, at), plain.match(text, at)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@settings(max_examples=200, deadline=None)
@given(chunk=st.text(alphabet="detainrsDETAINRSıİſKk\u212a σΣς-\n\t\u00a01.,", max_size=60))
def test_a_guarded_pattern_matches_what_the_pattern_matches(chunk):
    for source in (
        r"\b(?<!to\s)(?:detain(?:ed|s)?|arrest(?:ed|s)?)\b",
        r"(?:the\s+)?(?:k|σ)\w*",
        r"\b(?:ıs|İs|ſa)\b",
        r"(?:-|\.)?\s*(?:rest|tain)",
    ):
        _same(rx.compile(source, FLAGS), re.compile(source, FLAGS), chunk)


def test_on_corpus_texts_every_guarded_pattern_of_the_extractor_matches_as_it_would_alone():
    patterns = _extractor_patterns()
    texts = [p.read_text() for p in sorted(CORPUS.glob("*.txt"))[::150]]
    guarded = 0
    for pattern in patterns.values():
        if pattern.scanner() is pattern._re or pattern.scanner().pattern is not None:
            continue
        guarded += 1
        for text in texts:
            _same(pattern, pattern._re, text)
    assert guarded > 200
