"""Reading reports from files: text, HTML and PDF, and clear errors for the rest."""

from datetime import date

import pytest

from borderwatch.sources.ingest import UnreadableFile, read_document, reflow

from .helpers import make_pdf

HTML = b"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Russian soldier crosses at Grense Jakobselv | Barents Wire</title>
<meta property="og:title" content="Russian soldier crosses at Grense Jakobselv">
<meta property="og:site_name" content="Barents Wire">
<meta property="og:url" content="https://barents.example/2025/08/soldier">
<meta property="article:published_time" content="2025-08-25T09:30:00+02:00">
<style>p { color: red }</style><script>var x = "crossed the border";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Russian soldier crosses at Grense Jakobselv</h1>
<p>A Russian soldier crossed the border near Grense Jakobselv on Friday.</p>
<p>He was detained by police &amp; asked for asylum.</p></article>
<footer>Copyright Barents Wire</footer>
</body></html>"""


def test_it_reads_utf8_text_as_it_is():
    doc = read_document("Tittel\r\nA man crossed near Sør-Varanger.\r\n".encode(), "a.txt")
    assert doc.kind == "text"
    assert doc.text == "Tittel\r\nA man crossed near Sør-Varanger.\r\n"  # line endings kept
    assert doc.title == "Tittel"


def test_it_drops_the_byte_order_mark_and_reads_utf16():
    assert read_document(b"\xef\xbb\xbfHello", "a.txt").text == "Hello"
    assert read_document("Hei Sør".encode("utf-16"), "a.txt").text == "Hei Sør"


def test_it_reads_the_text_and_metadata_of_a_web_page():
    doc = read_document(HTML, "page.html")
    assert doc.kind == "html"
    assert doc.title == "Russian soldier crosses at Grense Jakobselv"
    assert doc.outlet == "Barents Wire"
    assert doc.url == "https://barents.example/2025/08/soldier"
    assert doc.language == "en"
    assert doc.published_at.isoformat() == "2025-08-25T09:30:00+02:00"
    assert "detained by police & asked for asylum." in doc.text
    assert "var x" not in doc.text and "color" not in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.text.splitlines()[0] == "Russian soldier crosses at Grense Jakobselv"


def test_it_reads_the_text_of_a_pdf():
    data = make_pdf(
        [
            "Two Russian men were detained on Saturday after crossing",
            "the frozen Pasvik river near Svanvik.",
            "Both have applied for asylum.",
        ],
        title="Pasvik crossing",
    )
    doc = read_document(data, "report.pdf")
    assert doc.kind == "pdf"
    assert doc.title == "Pasvik crossing"
    assert "after crossing the frozen Pasvik river near Svanvik." in doc.text  # wrap joined
    assert "\nBoth have applied for asylum." in doc.text


def test_reflow_joins_wrapped_lines_only():
    assert (
        reflow("It was detained\nby police.\nNext para")
        == "It was detained by police.\nNext para\n"
    )
    assert reflow("a cross-\nborder case") == "a cross-border case\n"
    assert reflow("Headline\n\nBody text.") == "Headline\n\nBody text.\n"


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "the file is empty."),
        (b"   \n\n", "blank.txt", "the file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", "binary data"),
        ("Sør".encode("latin-1"), "latin1.txt", "not UTF-8"),
        (b"%PDF-1.4\nthis is not really a pdf", "broken.pdf", "not a readable PDF"),
        (b"<html><body><script>x()</script></body></html>", "empty.html", "no text in it"),
    ],
)
def test_it_names_the_file_and_says_what_is_wrong(data, name, reason):
    with pytest.raises(UnreadableFile) as caught:
        read_document(data, name)
    assert caught.value.message.startswith(f"{name}: ")
    assert reason in caught.value.message
    assert caught.value.field == "file"


def test_it_refuses_a_pdf_without_text():
    with pytest.raises(UnreadableFile, match="no text to read"):
        read_document(make_pdf([]), "scan.pdf")


def test_a_page_dated_by_its_day_or_without_a_zone_keeps_what_it_says():
    day = HTML.replace(b"2025-08-25T09:30:00+02:00", b"2025-08-25")
    doc = read_document(day, "page.html")
    assert doc.published_at == date(2025, 8, 25) and doc.published_day() == date(2025, 8, 25)
    naive = HTML.replace(b"2025-08-25T09:30:00+02:00", b"2025-08-25T23:30:00")
    doc = read_document(naive, "page.html")
    assert doc.published_at.isoformat() == "2025-08-25T23:30:00+02:00"  # read in Norway
    assert doc.published_day() == date(2025, 8, 25)
    late = HTML.replace(b"2025-08-25T09:30:00+02:00", b"2025-08-25T23:30:00Z")
    assert read_document(late, "page.html").published_day() == date(2025, 8, 26)
    unread = HTML.replace(b"2025-08-25T09:30:00+02:00", b"25.08.2025")
    assert read_document(unread, "page.html").published_at is None
