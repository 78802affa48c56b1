"""The reports pages: paste or upload, errors beside the field, who may, no inline code."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from borderwatch.sources.models import SourceReport

from .helpers import article, make_pdf


def signed_in(client, actor):
    client.force_login(actor.user)
    return client


def field_error(html: str, field_id: str) -> str:
    match = re.search(rf'<p class="field-error" id="{field_id}_error">(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


def test_it_stores_a_pasted_report_and_shows_its_events(client, police):
    signed_in(client, police)
    form = client.get("/reports/new/")
    assert form.status_code == 200
    response = client.post(
        "/reports/new/", {"text": article(), "published": "2025-08-25", "language": "en"}
    )
    report = SourceReport.objects.get()
    assert response.status_code == 302 and response.url == f"/reports/{report.pk}/"
    assert report.channel == "page"
    page = client.get(response.url)
    html = page.content.decode()
    assert "4 event(s) proposed for review" in html
    assert "Grense Jakobselv" in html and "Fri 22 Aug 2025" in html
    assert "Border patrol, Drone" in html and "Asked for asylum" in html  # words, not codes
    assert '<mark title="places">Grense Jakobselv</mark>' in html
    assert client.get("/reports/").content.decode().count(f'href="/reports/{report.pk}/"') == 1
    # the day was given, not a time: shown as the day, not as noon
    assert report.published_day_only
    assert "Mon 25 Aug 2025</dd>" in html and "Mon 25 Aug 2025 12:00" not in html
    assert "<td>Mon 25 Aug 2025</td>" in client.get("/reports/").content.decode()


def test_it_stores_an_uploaded_pdf(client, guard):
    signed_in(client, guard)
    upload = SimpleUploadedFile(
        "log.pdf",
        make_pdf(["Two Russian men crossed the Pasvik river near Svanvik on Saturday."]),
        content_type="application/pdf",
    )
    response = client.post("/reports/new/", {"file": upload, "language": "en"})
    assert response.status_code == 302
    report = SourceReport.objects.get()
    assert report.channel == "upload" and report.file_name == "log.pdf"
    assert "Svanvik" in report.text


def test_it_shows_errors_beside_the_fields(client, police):
    signed_in(client, police)
    response = client.post("/reports/new/", {"text": "  ", "language": "en"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Paste the report" in field_error(html, "id_text")
    assert 'class="error-summary"' in html and 'href="#id_text"' in html
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")
    html = client.post("/reports/new/", {"file": empty, "language": "en"}).content.decode()
    assert field_error(html, "id_file")  # Django refuses an empty upload itself
    latin = SimpleUploadedFile("a.txt", "Sør".encode("latin-1"), content_type="text/plain")
    html = client.post("/reports/new/", {"file": latin, "language": "en"}).content.decode()
    assert "not UTF-8" in field_error(html, "id_file")
    both = SimpleUploadedFile("a.txt", b"A man crossed.", content_type="text/plain")
    html = client.post(
        "/reports/new/", {"file": both, "text": "Another.", "language": "en"}
    ).content.decode()
    assert "not both" in field_error(html, "id_file")
    # a file whose text is longer than may be pasted: split it (nothing stored)
    long = SimpleUploadedFile("year.txt", b"A man crossed. " * 70_000, content_type="text/plain")
    html = client.post("/reports/new/", {"file": long, "language": "en"}).content.decode()
    assert "longer than 1,000,000 characters" in field_error(html, "id_file")
    assert SourceReport.objects.count() == 0


def test_it_refuses_those_who_may_not_record_reports(client, police, lawyer):
    signed_in(client, police)
    client.post("/reports/new/", {"text": article(), "language": "en"})
    report = SourceReport.objects.get()
    signed_in(client, lawyer)
    assert client.get("/reports/").status_code == 403
    assert client.get("/reports/new/").status_code == 403
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    client.logout()
    assert client.get("/reports/").status_code == 302  # to the sign-in


def test_the_pages_have_no_inline_script_or_style_and_a_nav_link(client, police):
    signed_in(client, police)
    client.post("/reports/new/", {"text": article(), "language": "en"})
    report = SourceReport.objects.get()
    for path in ("/reports/", "/reports/new/", f"/reports/{report.pk}/"):
        html = client.get(path).content.decode()
        assert " style=" not in html and "<style" not in html
        assert not re.search(r"<script(?![^>]*\ssrc=)", html), path
        assert not re.search(r"<[^>]+\son[a-z]+=", html)
        assert 'href="/reports/"' in html


def test_every_contract_code_has_words_on_the_page():
    from borderwatch.sources.extract import DETECTION_METHODS, OUTCOMES
    from borderwatch.sources.templatetags.proposals import DETECTION_LABELS, OUTCOME_LABELS

    assert set(DETECTION_LABELS) == set(DETECTION_METHODS)
    assert set(OUTCOME_LABELS) == set(OUTCOMES)


def test_a_pasted_report_takes_its_language_from_the_text_unless_chosen(client, police):
    signed_in(client, police)
    assert "From the text" in client.get("/reports/new/").content.decode()
    norsk = "To menn krysset grensen ved Pasvikelva i natt. De ble pågrepet av Grensevakten."
    client.post("/reports/new/", {"text": norsk, "language": ""})
    client.post("/reports/new/", {"text": "Two men crossed at Svanvik.", "language": "no"})
    assert SourceReport.objects.get(text=norsk).language == "no"
    assert SourceReport.objects.get(text__startswith="Two men").language == "no"
    # the report's page says which language its text was read in
    page = client.get(f"/reports/{SourceReport.objects.get(text=norsk).pk}/").content.decode()
    assert "<dt>Language</dt><dd>Norwegian</dd>" in page
