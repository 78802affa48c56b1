"""Reading a report from a file: plain text, HTML or PDF. Pure: no Django models.

`read_document(data, name)` returns a `Document` (the text as it will be stored and
extracted, and what the file says about itself: title, outlet, URL, language, publication
time) or raises `UnreadableFile` with a message that names the file and says what is wrong.

* Text: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark; line endings
  are kept, so evidence offsets point into exactly what was read.
* HTML: the standard library's parser; the text of the page without scripts, styles,
  navigation, headers and footers, one line per block; the title from `<title>`, `og:title`
  or the first `<h1>`; outlet, URL, language and time from the usual meta tags.
* PDF: pypdf; the text of every page, with lines that a paragraph was wrapped into joined
  again (a line that does not end a sentence and is followed by one starting in lower case).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser

from borderwatch.lib.errors import DomainError
from borderwatch.lib.timefmt import OSLO

MAX_BYTES = 10 * 1024 * 1024  # larger files are refused: no report is that long
# the longest text the page and the API take (pasted, sent, or read from an uploaded file):
# they extract it while the user waits
MAX_CHARACTERS = 1_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}


class UnreadableFile(DomainError):
    """A file that cannot be read as a report, with the reason."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}", field="file")


@dataclass
class Document:
    text: str
    kind: str  # text, html, pdf
    title: str = ""
    outlet: str = ""
    url: str = ""
    language: str = ""
    published_at: datetime | date | None = None  # a date: only the day is known

    def published_day(self) -> date | None:
        """The publication day in Europe/Oslo, which relative dates count from."""
        at = self.published_at
        if isinstance(at, datetime):
            return at.astimezone(OSLO).date()
        return at


def _suffix(name: str) -> str:
    match = re.search(r"(\.[A-Za-z0-9]+)$", name)
    return match.group(1).lower() if match else ""


def sniff(data: bytes, name: str) -> str:
    """text, html or pdf: by the file's first bytes, else by its name."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:256]:
        return "html"
    suffix = _suffix(name)
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (a BOM is dropped) or UTF-16 with a BOM; nothing is guessed beyond that."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableFile(name, "it is not valid UTF-16 text.") from None
    if b"\x00" in data[:4096]:
        raise UnreadableFile(name, "it is not a text, HTML or PDF file (binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            name, f"it is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8."
        ) from None


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:300]
    return ""


# --- HTML ------------------------------------------------------------------------------------

SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "figcaption",
}
BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "main",
    "title",
}
VOID = {
    "br",
    "img",
    "meta",
    "link",
    "input",
    "hr",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
}


class _PageText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self.in_title = False
        self.in_h1 = False
        self.lang = ""
        self.canonical = ""
        self.time = ""

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower():
            self.canonical = a.get("href", "")
        if tag == "time" and a.get("datetime") and not self.time:
            self.time = a["datetime"]
        if tag in VOID:
            if tag == "br" and not self.skip_depth:
                self.parts.append("\n")
            return
        self.stack.append(tag)
        if tag in SKIP:
            self.skip_depth += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in BLOCKS and not self.skip_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in self.stack:
            while self.stack:
                open_tag = self.stack.pop()
                if open_tag in SKIP:
                    self.skip_depth -= 1
                if open_tag == "title":
                    self.in_title = False
                if open_tag == "h1":
                    self.in_h1 = False
                if open_tag == tag:
                    break
        if tag in BLOCKS and not self.skip_depth:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(data)


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip() + "\n"


def _parse_time(value: str) -> datetime | date | None:
    """A page's publication time: an instant (read in Europe/Oslo when it gives no zone),
    or the day alone ("2025-08-25"); None when it is not an ISO time."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    try:
        instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return instant.replace(tzinfo=OSLO) if instant.tzinfo is None else instant


def read_html(data: bytes, name: str) -> Document:
    charset = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    encoding = charset.group(1).decode("ascii") if charset else "utf-8"
    try:
        markup = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        markup = decode_text(data, name)
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    text = _tidy("".join(parser.parts))
    meta = parser.meta
    title = meta.get("og:title") or " ".join(parser.title.split()) or " ".join(parser.h1.split())
    published = _parse_time(
        meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("date")
        or meta.get("pubdate")
        or parser.time
    )
    return Document(
        text=text if text.strip() else "",
        kind="html",
        title=title[:300],
        outlet=(meta.get("og:site_name") or meta.get("application-name") or "")[:200],
        url=(meta.get("og:url") or parser.canonical or "")[:500],
        language=(parser.lang or "").split("-")[0][:10],
        published_at=published,
    )


# --- PDF -------------------------------------------------------------------------------------


def reflow(text: str) -> str:
    """Join the lines a paragraph was wrapped into: a line that does not end a sentence,
    followed by one that starts in lower case, continues it."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line[:1].islower() and not re.search(r"[.!?:;]['\")]?$", out[-1]):
            # a hyphen at the end of the line stays ("cross-\nborder" is "cross-border")
            joiner = "" if out[-1].endswith("-") else " "
            out[-1] = out[-1] + joiner + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out).strip() + "\n"


def read_pdf(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(name, "the PDF is encrypted; save an unprotected copy.")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
        title = (info.title if info and info.title else "") or ""
    except UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UnreadableFile(name, f"it is not a readable PDF ({exc}).") from None
    text = reflow("\n\n".join(p.strip() for p in pages if p.strip())) if any(pages) else ""
    if not text.strip():
        raise UnreadableFile(
            name, "the PDF has no text to read (a scanned image?); text recognition is not built."
        )
    return Document(text=text, kind="pdf", title=str(title)[:300])


# --- any file --------------------------------------------------------------------------------


def read_document(data: bytes, name: str) -> Document:
    """The report in a file's bytes; raises UnreadableFile (naming the file) if it is empty,
    too large or cannot be read."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(name, f"it is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise UnreadableFile(name, "the file is empty.")
    kind = sniff(data, name)
    if kind == "pdf":
        doc = read_pdf(data, name)
    elif kind == "html":
        doc = read_html(data, name)
    else:
        doc = Document(text=decode_text(data, name), kind="text")
    if not doc.text.strip():
        raise UnreadableFile(name, "there is no text in it.")
    if not doc.title:
        doc.title = first_line(doc.text)
    return doc
