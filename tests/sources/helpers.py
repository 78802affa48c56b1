"""Test helpers for the sources app: the founding article and a small PDF maker."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "borderwatch" / "scenario" / "article.txt"
CORPUS = Path(__file__).resolve().parent / "corpus"


def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def make_pdf(lines: list[str], title: str = "") -> bytes:
    """A one-page PDF whose text is `lines` (Helvetica, WinAnsi), built by hand."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = " ".join(f"({esc(line)}) Tj T*" for line in lines)
    content = f"BT /F1 11 Tf 50 800 Td 14 TL {body} ET".encode("cp1252")
    info = f"<< /Title ({esc(title)}) >>" if title else "<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        info.encode("cp1252"),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return out
