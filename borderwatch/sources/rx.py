"""Compiled patterns that skip a text which cannot hold a match.

Most of the extractor's patterns are scanned over every text, and most of them find
nothing in most texts; a scan that finds nothing still tries the pattern at every
character. Each pattern here knows a few words at least one of which every match must
contain (read from the pattern itself: "tip-off from" needs "tip"; "wom[ae]n who called"
needs "woman" or "women"), and a scan of a text without any of them ends at once. The
words are looked for in the text lower-cased, so the answer is the same as the pattern's
own: a text is skipped only when the pattern could not match anywhere in it.

A text that has the words is scanned with the pattern behind a guard: a lookahead of the
characters a match can begin with (`guarded`). The engine tries a pattern at every
character; an alternation of words under IGNORECASE is entered one word after another
there (its quick first-letter test works only for letters of one case), while the guard
turns most characters away with one test. The matches are the same: every match begins
with one of the guard's characters.
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._compiler as _compiler
import re._constants as C
import re._parser as _parser
import threading
from collections.abc import Iterator

# Characters IGNORECASE takes as the same though lower() does not ("ı" and "i", "ſ" and
# "s"): each is mapped to one of its class in both the words and the text.
_SAME = {}
for _char, _others in _casefix._EXTRA_CASES.items():
    _class = sorted({chr(_char).lower(), *(chr(o).lower() for o in _others)})
    _SAME[ord(_class[-1])] = _class[0]
    for _member in _class[1:]:
        _SAME[ord(_member)] = _class[0]

MAX_WORDS = 64  # the most alternatives a requirement may have (and still be cheap to ask)
MIN_LENGTH = 3  # a shorter word is in nearly every text: no use asking for it
MIN_TEXT = 200  # shorter strings (windows, lines) are scanned as they are
# and longer ones: a long report has most words in it, and asking for an absent word reads
# the whole of it, once a word
MAX_TEXT = 20_000


_SPACES = re.compile(r"\s+")


def _fold_char(char: str) -> str:
    """A pattern's letter as it is looked for: lower case, one of IGNORECASE's equals;
    any space (\\s) as " "."""
    if _SPACES.fullmatch(char):
        return " "
    return char.lower().translate(_SAME) if char != "\u0130" else "i"


def folded(text: str) -> str:
    """The text as the words are looked for in it: lower-cased, "İ" as "i" (its lower
    case is two characters), IGNORECASE's extra equivalences mapped to one, and every run
    of spaces, tabs and line breaks as one space (so "years\\s+later" needs "years later")."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    low = text.lower()
    if not low.isascii():
        low = low.translate(_SAME)
    return _SPACES.sub(" ", low)


_KEPT = threading.local()  # each thread its own (the web server extracts in several)


def _folded_once(text: str) -> str:
    """folded(text), kept for the few texts in hand (every pattern asks of the same text)."""
    kept_texts: dict[int, tuple[str, str]] | None = getattr(_KEPT, "texts", None)
    if kept_texts is None:
        kept_texts = _KEPT.texts = {}
    kept = kept_texts.get(id(text))
    if kept is not None and kept[0] is text:
        return kept[1]
    if len(kept_texts) >= 8:
        del kept_texts[next(iter(kept_texts))]  # the oldest
    low = folded(text)
    kept_texts[id(text)] = (text, low)  # (the text is held, so its id is not reused)
    return low


_ONLY_SPACES = (
    [(C.CATEGORY, C.CATEGORY_UNI_SPACE)],
    [(C.CATEGORY, C.CATEGORY_SPACE)],
    [(C.NEGATE, None), (C.CATEGORY, C.CATEGORY_UNI_NOT_SPACE), (C.LITERAL, 10)],  # [^\S\n]
    [(C.NEGATE, None), (C.CATEGORY, C.CATEGORY_NOT_SPACE), (C.LITERAL, 10)],
)


def _chars(op, av) -> set[str] | None:
    """The characters one item stands for as they are looked for ("[ae]": a and e; "\\s":
    a space), or None when they are many."""
    if op is C.LITERAL:
        return {_fold_char(chr(av))}
    if op is C.IN:
        if av in _ONLY_SPACES:
            return {" "}
        chars = set()
        for item_op, item in av:
            if item_op is not C.LITERAL:
                return None
            chars.add(_fold_char(chr(item)))
        return chars if len(chars) <= 4 else None
    return None


def _spelled(run: set[str], chars: set[str]) -> set[str]:
    """Each word of the run followed by each character (a space after a space is the
    same one space: the text's spaces are folded into one)."""
    return {
        word if char == " " and word.endswith(" ") else word + char
        for word in run
        for char in chars
    }


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Of two requirements, the more telling one: its shortest word longer, then fewer."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def required(items) -> set[str] | None:
    """Words of which every match of the parsed sequence contains at least one, or None
    when nothing is required."""
    best: set[str] | None = None
    run: set[str] = {""}  # the literal strings the sequence spells out up to here

    def close() -> None:
        nonlocal best, run
        if run != {""}:
            best = _better(best, run)
        run = {""}

    for op, av in items:
        if op in (C.LITERAL, C.IN):
            chars = _chars(op, av)
            if chars is not None and len(run) * len(chars) <= MAX_WORDS:
                run = _spelled(run, chars)
            else:
                close()
            continue
        if op is C.AT:
            continue  # \b, ^, $: take no characters, so the run goes on
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and len(av[2]) == 1:
            # one character repeated: "s?" (a word with it and without), "\\s+" (one space)
            chars = _chars(*av[2][0])
            low, high = av[0], av[1]
            if chars == {" "} and high >= 1:
                run = _spelled(run, {" "} if low >= 1 else {"", " "})
                continue
            if chars is not None and low == 0 and high == 1:
                if len(run) * (len(chars) + 1) <= MAX_WORDS:
                    run = _spelled(run, {""} | chars)
                    continue
        close()
        inner: set[str] | None = None
        if op is C.SUBPATTERN:
            inner = required(av[3])
        elif op is C.ATOMIC_GROUP:
            inner = required(av)
        elif op is C.BRANCH:
            alternatives = [required(branch) for branch in av[1]]
            if all(a is not None for a in alternatives):
                union = set().union(*alternatives)
                inner = union if len(union) <= MAX_WORDS else None
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = required(av[2])
        elif op is C.ASSERT:  # what a lookahead or lookbehind must see is in the text
            inner = required(av[1])
        best = _better(best, inner)
    close()
    if best is not None and "" in best:
        return None
    return best


class _Anything(Exception):
    """A match could begin with nearly any character: no guard."""


# classes too wide to guard with (\w, \S, …)
_WIDE = {
    C.CATEGORY_WORD, C.CATEGORY_NOT_WORD, C.CATEGORY_NOT_SPACE, C.CATEGORY_NOT_DIGIT,
    C.CATEGORY_UNI_WORD, C.CATEGORY_UNI_NOT_WORD, C.CATEGORY_UNI_NOT_SPACE,
    C.CATEGORY_UNI_NOT_DIGIT,
}  # fmt: skip


_STARTS = (C.AT_BEGINNING, C.AT_BEGINNING_STRING)  # "^" and "\\A"


def first_characters(items, out: list) -> bool:
    """Add to `out` the class items ((LITERAL, code), (RANGE, …), (CATEGORY, …)) a match of
    the parsed `items` can begin with, and (AT, "^") where one begins at the start of the
    text or a line ("^\\W*in total": anything may follow); True when the items can match
    nothing at all (then what follows them begins the match too). Raises _Anything."""
    for op, av in items:
        if op is C.AT and av in _STARTS:
            out.append((op, av))
            return False
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue  # takes no character: the next item gives the first one
        if op is C.LITERAL:
            out.append((op, av))
            return False
        if op is C.IN:
            if any(o is C.NEGATE or (o is C.CATEGORY and a in _WIDE) for o, a in av):
                raise _Anything
            out.extend(av)
            return False
        if op is C.SUBPATTERN and (av[1] | av[2]) & re.MULTILINE:
            raise _Anything  # ("(?m:^…)": the guard's "^" would not be that one)
        if op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
            if not first_characters(av[3] if op is C.SUBPATTERN else av, out):
                return False
        elif op is C.BRANCH:
            if not any([first_characters(branch, out) for branch in av[1]]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not first_characters(av[2], out) and av[0] >= 1:
                return False
        else:  # any character, a class outside brackets (\w), a group's reference, …
            raise _Anything
    return True


def _engine_finds_it_alone(items, flags: int) -> bool:
    """Does the engine look for the pattern's first character itself (a case-blind letter
    or class it can find with a fast scan; it gives up on those with cases under
    IGNORECASE)? A guard in front would hide it."""
    while items and items[0][0] is C.SUBPATTERN:
        items = items[0][1][3]
    if not items:
        return False
    op, av = items[0]
    ignored = bool(flags & re.IGNORECASE)

    def cased(code: int) -> bool:
        return ignored and chr(code).lower() != chr(code).upper()

    if op is C.LITERAL:
        return not cased(av)
    if op is C.BRANCH:
        firsts = [branch[0] if branch else None for branch in av[1]]
        return all(f is not None and f[0] is C.LITERAL and not cased(f[1]) for f in firsts)
    if op is C.IN:
        return not any(
            (o is C.LITERAL and cased(a))
            or (o is C.RANGE and any(cased(code) for code in range(a[0], a[1] + 1)))
            for o, a in av
        )
    return False


def guarded(pattern: str, flags: int) -> re.Pattern:
    """The pattern compiled with a lookahead of the characters its matches begin with in
    front: "(?=[dabr])" before "\\b(?:detain|arrest|apprehend|returned)". The compiled
    pattern itself when no guard would help: case-sensitive, or a match can begin with
    nearly anything, or the engine already looks for its first character."""
    tree = _parser.parse(pattern, flags)
    flags |= tree.state.flags
    firsts: list = []
    try:
        empty = first_characters(tree.data, firsts)
    except _Anything:
        empty = True
    chars = [item for item in firsts if item[0] is not C.AT]
    if empty or not chars or not flags & re.IGNORECASE or _engine_finds_it_alone(tree.data, flags):
        return re.compile(pattern, flags)
    # "(?=[dabr])", or "(?=[dabr]|^)" when a branch begins at the start of a line
    choices = [[(C.IN, chars)], *([item] for item in dict.fromkeys(firsts) if item[0] is C.AT)]
    look = [(C.BRANCH, (None, choices))] if len(choices) > 1 else choices[0]
    tree.data.insert(0, (C.ASSERT, (1, _parser.SubPattern(tree.state, look))))
    return _compiler.compile(tree, flags)


class Pattern:
    """A compiled pattern that scans a long text only when one of its required words is in
    it. It answers as the `re.Pattern` it wraps does (finditer, search, match, …)."""

    __slots__ = ("_known", "_re", "_scan", "_words", "flags", "groupindex", "groups", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._re = re.compile(pattern, flags)
        self.pattern, self.flags = pattern, flags
        self.groupindex, self.groups = self._re.groupindex, self._re.groups
        self._words: tuple[str, ...] | None = None  # read from the pattern when first needed
        # the last text `within` was asked of, and the answer (one pair, so that a thread
        # reading it never sees one thread's text with another's answer)
        self._known: tuple[str, bool] | None = None
        self._scan: re.Pattern | None = None  # guarded(): compiled when first scanned with

    def scanner(self) -> re.Pattern:
        """The pattern behind its guard, for finditer, findall and search (the same
        matches; match and fullmatch, asked at one place, use the pattern itself)."""
        if self._scan is None:
            self._scan = guarded(self.pattern, self.flags)
        return self._scan

    def words(self) -> tuple[str, ...]:
        """The words one of which every match contains (empty: none is required)."""
        if self._words is None:
            found = required(_parser.parse(self.pattern, self.flags).data)
            if found is None or min(len(word.strip()) for word in found) < MIN_LENGTH:
                self._words = ()
            else:
                # a word with another inside it says nothing more ("cameras": "camera")
                found = {w for w in found if not any(o != w and o in w for o in found)}
                self._words = tuple(sorted(found, key=len, reverse=True))
        return self._words

    def may_match(self, text: str) -> bool:
        """False only when no match can be in the text (none of the words is)."""
        words = self._words if self._words is not None else self.words()
        if not words or not MIN_TEXT <= len(text) <= MAX_TEXT:
            return True
        low = _folded_once(text)
        return any(word in low for word in words)

    def finditer(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match]:
        if not self.may_match(string):
            return iter(())
        return (self._scan or self.scanner()).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> list:
        if not self.may_match(string):
            return []
        return (self._scan or self.scanner()).findall(string, pos, endpos)

    def may_match_within(self, text: str) -> bool:
        """may_match(text), remembered for the last text asked (the windows of one text
        ask it again and again)."""
        known = self._known
        if known is not None and known[0] is text:
            return known[1]
        answer = self.may_match(text)
        self._known = (text, answer)
        return answer

    def search(
        self, string: str, pos: int = 0, endpos: int = 2**63 - 1, *, within: str | None = None
    ) -> re.Match | None:
        """As re.Pattern.search. `within`: a text the string was cut from; when that holds
        none of the words, neither can the string, and it is not scanned. (Without it a
        string is always scanned: it is mostly a window cut from the text, a new string
        each time, and reading its words would cost more than the search.)"""
        if within is not None and not self.may_match_within(within):
            return None
        return (self._scan or self.scanner()).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match | None:
        return (self._scan or self.scanner()).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match | None:
        return (self._scan or self.scanner()).fullmatch(string, pos, endpos)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return (self._scan or self.scanner()).sub(repl, string, count)

    def subn(self, repl, string: str, count: int = 0) -> tuple[str, int]:
        return (self._scan or self.scanner()).subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list:
        return (self._scan or self.scanner()).split(string, maxsplit)

    def __repr__(self) -> str:
        return f"rx.Pattern({self.pattern[:60]!r})"


def compile(pattern: str, flags: int = 0) -> Pattern:  # noqa: A001 (as re.compile)
    return Pattern(pattern, flags)
