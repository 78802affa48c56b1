"""The founding scenario (scenario/article.txt), told through the service functions.

Units and demo users, the border sections and places it needs, the 2025 crossing near
Grense Jakobselv step by step, and the earlier events the article names, each with the
precision the article gives. Loading is idempotent: every step looks for what it would
create (by code, username, name or external reference) and skips what is there.

Facts not in the article are marked here: exact times of day, the search's call sign,
the release on Monday, and approximate coordinates of places DOMAIN.md marks UNVERIFIED.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from borderwatch.access import audit
from borderwatch.access.actor import Actor
from borderwatch.access.models import Membership, Unit, User
from borderwatch.access.services import create_unit, create_user, grant_membership
from borderwatch.border import geo
from borderwatch.border import services as border
from borderwatch.border.models import BorderSection, Detection, Incident, Place
from borderwatch.cases import services as cases
from borderwatch.security import services as security
from borderwatch.sources.services import record_source_report

OSLO = ZoneInfo("Europe/Oslo")
ARTICLE = Path(__file__).with_name("article.txt")
MAIN_REF = "scenario:2025-08-22-grense-jakobselv"


def at(y, m, d, hh=0, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=OSLO)


UNITS = [
    # code, name, short name, kind
    ("gsv", "Garrison of Sør-Varanger", "GSV", Unit.Kind.BORDER_GUARD),
    ("finnmark-pd", "Finnmark police district", "Finnmark PD", Unit.Kind.POLICE),
    ("pu", "National Police Immigration Service", "PU", Unit.Kind.IMMIGRATION_POLICE),
    ("pst", "Police Security Service", "PST", Unit.Kind.SECURITY_SERVICE),
    ("udi", "Directorate of Immigration", "UDI", Unit.Kind.DIRECTORATE),
    ("counsel", "External defence counsel", "Counsel", Unit.Kind.LAW_FIRM),
    ("bw-admin", "borderwatch administration", "Admin", Unit.Kind.OTHER),
]

# username, first name, last name, unit code, role — one per role of DESIGN.md §1.
DEMO_USERS = [
    ("guard", "Ola", "Grensevakt", "gsv", Membership.Role.BORDER_GUARD),
    ("police", "Kari", "Politi", "finnmark-pd", Membership.Role.POLICE_OPERATIONS),
    ("pu", "Per", "Utlending", "pu", Membership.Role.IMMIGRATION_CASEWORKER),
    ("udi", "Ingrid", "Direktorat", "udi", Membership.Role.DECISION_CASEWORKER),
    ("pst", "Siri", "Sikkerhet", "pst", Membership.Role.SECURITY_ANALYST),
    ("lawyer", "Trond P.", "Biti", "counsel", Membership.Role.LAWYER),
    ("analyst", "Anne", "Statistikk", "finnmark-pd", Membership.Role.STATISTICIAN),
    ("admin", "Arne", "Admin", "bw-admin", Membership.Role.ADMINISTRATOR),
]

# The default border sections (borderwatch/border/geodata/sections.geojson, derived from
# Natural Earth by scripts/derive_geography.py): code, name, description.
SECTIONS = [(s["code"], s["name"], s["description"]) for s in geo.shipped_sections()]

# The gazetteer (borderwatch/border/geodata/gazetteer.json):
# name, lat, lon, section code, approximate, variants, note
PLACES = [
    (
        p["name"],
        p["lat"],
        p["lon"],
        p["section"],
        p["approximate"],
        [v["name"] for v in p["variants"]],
        p["note"],
    )
    for p in geo.gazetteer()
]

# The earlier events the article names, with the precision it gives.
EARLIER = [
    dict(
        external_ref="scenario:2023-01-pasvik-wagner",
        place="Pasvik valley",
        occurred_from=at(2023, 1, 1),
        occurred_to=at(2023, 2, 1),
        time_precision="month",
        time_text="In January 2023",
        persons_count=1,
        nationality="RU",
        claimed_affiliation="Wagner Group (claimed)",
        summary="A man claiming affiliation with the Wagner mercenary group crossed the "
        "border in the Pasvik valley.",
    ),
    dict(
        external_ref="scenario:2023-later-pasvik-three",
        place="Pasvik valley",
        occurred_from=at(2023, 1, 14),
        occurred_to=at(2024, 1, 1),
        time_precision="year",
        time_text="later that year (2023)",
        persons_count=3,
        crossings_uncertain=True,
        nationality="RU",
        summary="Three more individuals crossed at Pasvik later in 2023. The article does "
        "not say whether they crossed together or apart (UNVERIFIED elsewhere).",
    ),
    dict(
        external_ref="scenario:2023-autumn-grense-jakobselv",
        place="Grense Jakobselv",
        occurred_from=at(2023, 9, 1),
        occurred_to=at(2023, 12, 1),
        time_precision="season",
        time_text="in the autumn of 2023",
        persons_count=1,
        nationality="RU",
        summary="Another Russian citizen sought refuge in Grense Jakobselv (UNVERIFIED elsewhere).",
    ),
]


@dataclass
class LoadResult:
    created: bool
    password: str | None = None  # the demo password, when this run set it
    counts: dict = field(default_factory=dict)


def demo_password_path():
    from django.conf import settings

    return Path(settings.VAR_DIR) / "demo_password"


def demo_password() -> str:
    """BORDERWATCH_DEMO_PASSWORD, else a random one made once and kept in var/ (0600)."""
    import os

    env = os.environ.get("BORDERWATCH_DEMO_PASSWORD")
    if env:
        return env
    path = demo_password_path()
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    password = "-".join(secrets.token_urlsafe(4) for _ in range(3))
    path.write_text(password)
    path.chmod(0o600)
    return password


def _actor(username: str) -> Actor:
    return Actor.for_user(User.objects.get(username=username), channel="system")


def _reference_data(console: Actor, password: str) -> None:
    from borderwatch.access import otp

    units = {u.code: u for u in Unit.objects.all()}
    for code, name, short, kind in UNITS:
        if code not in units:
            units[code] = create_unit(
                actor=console, code=code, name=name, short_name=short, kind=kind
            )
    for username, first, last, unit_code, role in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = create_user(
                actor=console,
                username=username,
                password=password,
                first_name=first,
                last_name=last,
            )
            if role == Membership.Role.ADMINISTRATOR:
                user.is_staff = user.is_superuser = True
                user.save(update_fields=["is_staff", "is_superuser"])
        grant_membership(actor=console, user=user, unit=units[unit_code], role=role)
        if otp.requires_second_factor(user):  # pst, admin: a TOTP device with a known key
            otp.enrol_with_key(
                actor=console, user=user, key_hex=otp.demo_key(password, username), name="demo"
            )
    sections = {s.code: s for s in BorderSection.objects.all()}
    shapes = {s["code"]: s["geometry"] for s in geo.shipped_sections()}
    for code, name, description in SECTIONS:
        if code not in sections or sections[code].geometry is None:
            sections[code] = border.save_section(
                actor=console,
                code=code,
                name=name,
                description=description,
                geometry=shapes[code],
                responsible_units=[units["gsv"]],
            )
    known = set(Place.objects.values_list("name", flat=True))
    for name, lat, lon, section, approx, variants, note in PLACES:
        if name not in known:
            border.save_place(
                actor=console,
                name=name,
                lat=lat,
                lon=lon,
                variants=variants,
                section=sections.get(section),
                approximate=approx,
                note=note,
            )


def _article(police: Actor):
    report, _ = record_source_report(
        actor=police,
        title="Russian soldier Seeks Asylum in Norway, Citing Opposition to Ukraine War",
        text=ARTICLE.read_text(encoding="utf-8"),
        outlet="press report (citing Dagbladet, VG)",
        published_at=date(2025, 8, 25),  # the day only
        language="en",
    )
    return report


def _main_story(report) -> Incident:
    guard, police, pu, pst = (_actor(n) for n in ("guard", "police", "pu", "pst"))
    units = {u.code: u for u in Unit.objects.all()}
    grense = Place.objects.get(name="Grense Jakobselv")

    detection = Detection.objects.filter(
        sender_id="scenario-2025-08-22-gsv-1"
    ).first() or border.file_detection(
        actor=guard,
        detected_at=at(2025, 8, 22, 7, 15),
        lat=69.7712,
        lon=30.8205,
        source="patrol",
        place=grense,
        sender_id="scenario-2025-08-22-gsv-1",
        description="Patrol saw a man climb the fence after crossing the Jakobselva; "
        "police alerted.",
    )
    incident = border.open_incident(
        actor=police,
        detections=[detection],
        occurred_from=at(2025, 8, 22),
        occurred_to=at(2025, 8, 23),
        time_precision="day",
        time_text="Friday 22 August 2025 (one outlet says the 21st)",
        place=grense,
        country_left="RU",
        country_entered="NO",
        persons_count=1,
        nationality="RU",
        claimed_affiliation="Russian armed forces (says he deserted)",
        detection_method="patrol",
        external_ref=MAIN_REF,
        opened_at=at(2025, 8, 22, 7, 30),
        summary="A Russian soldier crossed the Jakobselva near Grense Jakobselv, was "
        "found in a drone search and detained without resistance; he asked for asylum.",
    )
    border.link_source(incident, report, actor=police)
    border.send_event_report(
        incident,
        actor=police,
        sent_at=at(2025, 8, 22, 12, 0),
        credibility="reported by own border guards",
        reliability="completely reliable",
        validation_status="validated",
    )
    search = border.start_search(
        incident,
        actor=police,
        started_at=at(2025, 8, 22, 7, 40),
        assets=[
            {"kind": "uav", "call_sign": "Police UAV (call sign not reported)"},
            {"kind": "patrol", "call_sign": "GSV patrol, Grense Jakobselv", "unit": units["gsv"]},
        ],
    )
    border.end_search(search, actor=police, ended_at=at(2025, 8, 22, 9, 0), outcome="found")
    custody = cases.record_apprehension(
        incident,
        actor=police,
        apprehended_at=at(2025, 8, 22, 9, 0),
        legal_basis="criminal_arrest",
        place=grense,
        lat=69.7731,
        lon=30.8260,
        person={
            "nationality": "RU",
            "language": "Russian",
            "claimed_affiliation": "Russian armed forces; says he served in Ukraine and deserted",
            "external_ref": "scenario:2025-soldier",
        },
    )
    person = custody.person
    matter = cases.open_criminal_matter(
        person,
        actor=police,
        incident=incident,
        opened_at=at(2025, 8, 22, 10, 0),
        offence="Illegal crossing of the Norway–Russia border",
        legal_reference="grenseloven (Border Act) and its regulations",
    )
    cases.record_interview(
        person,
        actor=police,
        kind="questioning",
        held_at=at(2025, 8, 22, 13, 0),
        language="Russian",
        interpreter="Russian interpreter",
        summary="Says he was stationed in Ukraine and decided to desert. Did not resist "
        "arrest; declined to elaborate on his reasons for crossing.",
    )
    case = cases.record_asylum_request(
        person, actor=police, incident=incident, requested_at=at(2025, 8, 22, 14, 0)
    )
    lawyer = User.objects.get(username="lawyer")
    cases.assign_counsel(
        person,
        actor=police,
        kind="defence",
        lawyer=lawyer,
        lawyer_name="Trond P. Biti",
        criminal_matter=matter,
        appointed_at=at(2025, 8, 22, 15, 0),
    )
    notification = security.send_security_notification(
        case,
        actor=police,
        to_unit=units["pst"],
        at=at(2025, 8, 22, 16, 0),
        reason="Russian soldier who says he deserted from the war in Ukraine.",
    )
    cases.record_interview(
        person,
        actor=police,
        kind="questioning",
        held_at=at(2025, 8, 23, 11, 0),
        language="Russian",
        interpreter="Russian interpreter",
        summary="Second questioning. Confirms the request for asylum; describes himself as "
        "a conscious protester against the war.",
    )
    security.record_assessment(
        notification,
        actor=pst,
        conclusion="routine",
        at=at(2025, 8, 24, 10, 0),
        text="Routine. The possibility of espionage was considered.",
    )
    cases.end_custody(
        custody,
        actor=police,
        ended_at=at(2025, 8, 25, 11, 0),
        reason="released",
        note="Held over the weekend for questioning (release time assumed).",
    )
    referral = cases.refer_case(
        case,
        actor=police,
        to_unit=units["pu"],
        at=at(2025, 8, 25, 12, 0),
        reason="Asylum application: registration and processing by the National Police "
        "Immigration Service.",
    )
    cases.accept_referral(referral, actor=pu, at=at(2025, 8, 26, 9, 30))
    return incident


def _earlier(report) -> None:
    police = _actor("police")
    places = {p.name: p for p in Place.objects.all()}
    for spec in EARLIER:
        if Incident.objects.filter(external_ref=spec["external_ref"]).exists():
            continue
        spec = dict(spec)
        place = places[spec.pop("place")]
        incident = border.open_incident(
            actor=police, place=place, country_left="RU", country_entered="NO", **spec
        )
        border.link_source(incident, report, actor=police)


@transaction.atomic
def load() -> LoadResult:
    """Load the founding scenario, or find it loaded. One transaction: all or nothing."""
    console = Actor.console()
    password = demo_password()
    _reference_data(console, password)
    police = _actor("police")
    report = _article(police)
    created = not Incident.objects.filter(external_ref=MAIN_REF).exists()
    if created:
        _main_story(report)
    _earlier(report)
    audit.record(console, "scenario.loaded", payload={"created": created})
    return LoadResult(
        created=created, password=password, counts={"incidents": Incident.objects.count()}
    )
