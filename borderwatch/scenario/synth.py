"""A seeded synthetic data set for benchmarks: `borderwatch scenario synth`.

Writes through bulk paths (bulk_create in batches, one transaction per batch) but keeps
the domain's rules: incidents inside the border sections over 20 years with seasonality,
a 2015-like surge month at Storskog and the time precision real reports have; persons
with names in their own script and transliterated; custody periods whose deadlines come
from cases/deadlines.py; asylum cases in every state whose history walks
workflow.TRANSITIONS, with ownership following accepted referrals; and an audit trail of
what was written, hash-chained on from the last row (`borderwatch audit verify` passes).

The same seed gives the same rows (ids aside). Only the console operator may run it.
"""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import shapely
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.access.models import AuditEvent, Unit, User
from borderwatch.border import geo, impact
from borderwatch.border.models import BorderSection, Incident, Place
from borderwatch.cases.choices import CaseState
from borderwatch.cases.deadlines import custody_clock
from borderwatch.cases.models import (
    AsylumCase,
    CaseTransition,
    Custody,
    Decision,
    Interview,
    Referral,
    Task,
)
from borderwatch.cases.workflow import DEFAULT_TASKS, TRANSITIONS
from borderwatch.lib.errors import AccessDenied
from borderwatch.lib.timefmt import format_period, period_containing
from borderwatch.people.models import Person

OSLO = ZoneInfo("Europe/Oslo")
START_YEAR, YEARS = 2006, 20  # incidents from 1 January 2006 to 1 January 2026
END = datetime(START_YEAR + YEARS, 1, 1, tzinfo=OSLO)
SURGE = (2015, 10, "storskog", 2000)  # year, month, section, arrivals (DOMAIN.md §7)

# relative frequency by month: few in deep winter, most in late summer and autumn
MONTH_WEIGHTS = [0.35, 0.35, 0.55, 0.8, 1.0, 1.3, 1.5, 1.6, 1.5, 1.3, 0.8, 0.45]
SECTION_WEIGHTS = {"pasvik": 0.35, "storskog": 0.35, "korpfjell": 0.1, "jakobselva": 0.2}
PRECISIONS = [("exact", 0.45), ("day", 0.25), ("month", 0.15), ("season", 0.1), ("year", 0.05)]
NATIONALITIES = [
    ("RU", 0.62),
    ("UA", 0.07),
    ("BY", 0.05),
    ("SY", 0.09),
    ("AF", 0.07),
    ("IR", 0.04),
    ("IQ", 0.03),
    ("ER", 0.03),
]
SURGE_NATIONALITIES = [("SY", 0.45), ("AF", 0.3), ("IQ", 0.1), ("IR", 0.1), ("RU", 0.05)]
PERSONS = [(1, 0.45), (2, 0.25), (3, 0.15), (4, 0.08), (5, 0.07)]
DETECTION = [
    ("patrol", 0.35),
    ("camera", 0.15),
    ("sensor", 0.1),
    ("surrendered", 0.2),
    ("police", 0.1),
    ("public_tip", 0.05),
    ("uav", 0.05),
]
CUSTODY = [("criminal_arrest", 0.5), ("immigration_arrest", 0.3), ("border_holding", 0.2)]
TARGET_STATES = [
    (CaseState.CLAIMED, 0.05),
    (CaseState.REFERRED, 0.04),
    (CaseState.ACCEPTED, 0.04),
    (CaseState.REGISTERED, 0.05),
    (CaseState.UNDER_VERIFICATION, 0.07),
    (CaseState.INTERVIEWED, 0.06),
    (CaseState.SENT_FOR_DECISION, 0.06),
    (CaseState.GRANTED, 0.12),
    (CaseState.REFUSED, 0.15),
    (CaseState.OTHER_COUNTRY, 0.05),
    (CaseState.WITHDRAWN, 0.06),
    (CaseState.CLOSED, 0.25),
]
LANGUAGE = {
    "RU": "Russian",
    "UA": "Ukrainian",
    "BY": "Russian",
    "SY": "Arabic",
    "IQ": "Arabic",
    "AF": "Dari",
    "IR": "Persian",
    "ER": "Tigrinya",
}

# --- names -----------------------------------------------------------------------------------

CYR_MALE = "Александр Алексей Андрей Артём Борис Вадим Виктор Владимир Дмитрий Евгений Иван \
Игорь Кирилл Максим Михаил Николай Олег Павел Роман Сергей Юрий Ярослав".split()
CYR_FEMALE = "Анна Валентина Дарья Екатерина Елена Ирина Ксения Мария Наталья Ольга Светлана \
Татьяна Юлия".split()
CYR_FAMILY = "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров \
Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев \
Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв \
Шевченко Бондаренко Коваленко Ткаченко Кравченко Лукашенко Щербаков Жуков".split()
# (original script, transliteration)
ARABIC_GIVEN = [
    ("محمد", "Mohammad"),
    ("أحمد", "Ahmad"),
    ("علي", "Ali"),
    ("عمر", "Omar"),
    ("خالد", "Khaled"),
    ("يوسف", "Yousef"),
    ("فاطمة", "Fatima"),
    ("مريم", "Maryam"),
    ("حسن", "Hasan"),
    ("ليلى", "Layla"),
]
ARABIC_FAMILY = [
    ("الأحمد", "al-Ahmad"),
    ("الحسن", "al-Hasan"),
    ("العلي", "al-Ali"),
    ("حداد", "Haddad"),
    ("خليل", "Khalil"),
    ("إبراهيم", "Ibrahim"),
    ("سليمان", "Suleiman"),
    ("ناصر", "Nasser"),
]
PERSIAN_GIVEN = [
    ("احمد", "Ahmad"),
    ("محمود", "Mahmoud"),
    ("رضا", "Reza"),
    ("فرید", "Farid"),
    ("زهرا", "Zahra"),
    ("شبنم", "Shabnam"),
    ("جواد", "Javad"),
    ("نسرین", "Nasrin"),
]
PERSIAN_FAMILY = [
    ("حسینی", "Hosseini"),
    ("احمدی", "Ahmadi"),
    ("رحیمی", "Rahimi"),
    ("کریمی", "Karimi"),
    ("نوری", "Nouri"),
    ("هاشمی", "Hashemi"),
    ("صدیقی", "Sediqi"),
]
GEEZ_GIVEN = [("ዮሃንስ", "Yohannes"), ("ሰላም", "Selam"), ("ዳዊት", "Dawit"), ("ሄኖክ", "Henok")]
GEEZ_FAMILY = [("ተስፋይ", "Tesfay"), ("ገብረ", "Gebre"), ("ሃይለ", "Haile"), ("በረኸት", "Berhe")]
SCRIPTS = {
    "SY": (ARABIC_GIVEN, ARABIC_FAMILY),
    "IQ": (ARABIC_GIVEN, ARABIC_FAMILY),
    "AF": (PERSIAN_GIVEN, PERSIAN_FAMILY),
    "IR": (PERSIAN_GIVEN, PERSIAN_FAMILY),
    "ER": (GEEZ_GIVEN, GEEZ_FAMILY),
}

# Cyrillic to Latin: the popular English spelling, then ICAO Doc 9303 (passports).
_COMMON = dict(
    zip(
        "абвгдезийклмнопрстуфыэіґ",
        "a b v g d e z i y k l m n o p r s t u f y e i g".split(),
        strict=True,
    )
)
POPULAR = _COMMON | {
    "ё": "yo",
    "ж": "zh",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ь": "",
    "ю": "yu",
    "я": "ya",
    "є": "ye",
    "ї": "yi",
}
ICAO = POPULAR | {"й": "i", "ё": "e", "ъ": "ie", "ю": "iu", "я": "ia", "є": "ie", "ї": "i"}


def transliterate(text: str, table: dict[str, str] = POPULAR) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        latin = table.get(low, ch)
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


def _feminine(family: str) -> str:
    if family.endswith(("ов", "ев", "ёв", "ин")):
        return family + "а"
    return family  # Ukrainian -enko and -ko names do not change


# --- helpers ---------------------------------------------------------------------------------


def _picker(rng: random.Random, pairs):
    values = [v for v, _ in pairs]
    cum, total = [], 0.0
    for _, w in pairs:
        total += w
        cum.append(total)
    return lambda: rng.choices(values, cum_weights=cum)[0]


def _month_start(y: int, m: int) -> datetime:
    return datetime(y + (m - 1) // 12, (m - 1) % 12 + 1, 1, tzinfo=OSLO)


def _section_points(section: BorderSection, n: int, gen: np.random.Generator) -> np.ndarray:
    """`n` points (lon, lat) drawn uniformly inside the section's area."""
    geometry = section.geometry or next(
        s["geometry"] for s in geo.shipped_sections() if s["code"] == section.code
    )
    shape = geo.section_shape(geometry)
    minx, miny, maxx, maxy = shape.bounds
    out = np.empty((0, 2))
    while len(out) < n:
        xy = gen.uniform((minx, miny), (maxx, maxy), size=(max(n, 256) * 2, 2))
        out = np.vstack([out, xy[shapely.contains_xy(shape, xy[:, 0], xy[:, 1])]])
    return out[:n]


def _batched(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


@dataclass
class SynthResult:
    counts: dict[str, int] = field(default_factory=dict)
    surge_arrivals: int = 0
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


# audit facts: kind -> (verb, target type)
KINDS = [
    ("incident.opened", "border.incident"),
    ("apprehension.recorded", "cases.custody"),
    ("custody.ended", "cases.custody"),
    ("case.opened", "cases.asylumcase"),
    ("case.transition", "cases.asylumcase"),
    ("referral.sent", "cases.referral"),
    ("referral.accepted", "cases.referral"),
    ("referral.rejected", "cases.referral"),
    ("referral.withdrawn", "cases.referral"),
    ("case.decided", "cases.decision"),
    ("incident.viewed", "border.incident"),
    ("person.viewed", "people.person"),
    ("case.viewed", "cases.asylumcase"),
]
K = {verb: i for i, (verb, _) in enumerate(KINDS)}
REFERRAL_VERB = {"accepted": "referral.accepted", "rejected": "referral.rejected"}
REFERRAL_VERB["withdrawn"] = "referral.withdrawn"
STEP_NAMES = ["claim", *TRANSITIONS]
STATES = ["", *CaseState.values]
END_REASONS = [r.value for r in Custody.EndReason]


class _Synth:
    def __init__(self, *, seed: int, batch: int, bar: tqdm):
        self.rng = random.Random(seed)
        self.gen = np.random.default_rng(seed)
        self.batch = batch
        self.bar = bar
        units = {u.code: u for u in Unit.objects.all()}
        self.police_unit, self.pu_unit, self.udi_unit = (
            units["finnmark-pd"],
            units["pu"],
            units["udi"],
        )
        users = {u.username: u for u in User.objects.filter(username__in=["police", "pu", "udi"])}
        # who acts: (user, unit, name); index into this list in the audit facts
        self.actors = [
            (users["police"], self.police_unit),
            (users["pu"], self.pu_unit),
            (users["udi"], self.udi_unit),
        ]
        # the facts of the audit trail, compactly
        self.f_at, self.f_kind, self.f_target = array("q"), array("b"), array("q")
        self.f_actor, self.f_extra = array("b"), array("q")

    def fact(self, at: datetime, kind: str, target: int, actor: int, extra: int = 0) -> None:
        self.f_at.append(int(at.timestamp()))
        self.f_kind.append(K[kind])
        self.f_target.append(target)
        self.f_actor.append(actor)
        self.f_extra.append(extra)

    def write(self, model, rows) -> list:
        out = []
        for chunk in _batched(rows, self.batch):
            with transaction.atomic():
                out += model.objects.bulk_create(chunk)
            self.bar.update(len(chunk))
        return out

    # --- incidents ---------------------------------------------------------------------------

    def incidents(self, n: int) -> tuple[list[Incident], int]:
        rng = self.rng
        sections = {s.code: s for s in BorderSection.objects.filter(code__in=SECTION_WEIGHTS)}
        codes = [c for c in SECTION_WEIGHTS if c in sections]
        places = {
            c: list(Place.objects.filter(section=sections[c]).order_by("name")) for c in codes
        }
        points = {c: _section_points(sections[c], min(n, 5000) + 1, self.gen) for c in codes}
        section_of = _picker(rng, [(c, SECTION_WEIGHTS[c]) for c in codes])
        precision_of = _picker(rng, PRECISIONS)
        nationality_of = _picker(rng, NATIONALITIES)
        surge_nationality = _picker(rng, SURGE_NATIONALITIES)
        persons_of = _picker(rng, PERSONS)
        detection_of = _picker(rng, DETECTION)
        months = [(y, m) for y in range(START_YEAR, START_YEAR + YEARS) for m in range(1, 13)]
        weights = [MONTH_WEIGHTS[m - 1] * (2.0 if y >= 2022 else 1.0) for y, m in months]
        ruleset = impact.rules()
        sy, sm, scode, arrivals = SURGE
        surge_left = arrivals if scode in sections else 0
        surge_max = n // 5
        rows, surge_count, surge_persons = [], 0, 0
        for i in range(n):
            surge = surge_left > 0 and surge_count < surge_max
            if surge:
                y, m, code = sy, sm, scode
                precision = rng.choice(["exact", "exact", "day"])
                nationality = surge_nationality()
            else:
                y, m = rng.choices(months, weights)[0]
                code = section_of()
                precision = precision_of()
                nationality = nationality_of()
            start = _month_start(y, m)
            at = start + (_month_start(y, m + 1) - start) * rng.random()
            occurred_from, occurred_to = period_containing(at, precision)
            occurred_to = min(occurred_to, END)
            lag = timedelta(hours=rng.uniform(0.2, 6))
            if precision in ("exact", "day"):
                opened_at = max(at, occurred_from) + lag
            else:  # known later, from a report or a person's account
                opened_at = occurred_to + timedelta(days=rng.uniform(0, 60))
            opened_at = min(opened_at, END - timedelta(days=2))
            count = persons_of()
            lon, lat = points[code][rng.randrange(len(points[code]))]
            place = rng.choice(places[code]) if places[code] and rng.random() < 0.25 else None
            kind = "unauthorised_crossing"
            if not surge and rng.random() < 0.05:
                kind = "cross_border_crime" if rng.random() < 0.8 else "other"
            exit_ = not surge and rng.random() < 0.08
            incident = Incident(
                type=kind,
                status="closed" if opened_at < END - timedelta(days=60) else "open",
                owning_unit=self.police_unit,
                summary=f"Synthetic incident {i + 1} (seed data).",
                occurred_from=occurred_from,
                occurred_to=occurred_to,
                time_precision=precision,
                time_text=""
                if precision == "exact"
                else format_period(occurred_from, occurred_to, precision),
                lat=round(float(lat), 5),
                lon=round(float(lon), 5),
                location_approximate=precision in ("season", "year"),
                place=place,
                section=sections[code],
                country_left="NO" if exit_ else "RU",
                country_entered="RU" if exit_ else "NO",
                attempted_only=not surge and rng.random() < 0.05,
                persons_count=count,
                persons_count_is_lower_bound=rng.random() < 0.08,
                crossings_uncertain=count > 1 and rng.random() < 0.05,
                nationality=nationality,
                claimed_affiliation="Wagner Group (claimed)"
                if nationality == "RU" and rng.random() < 0.01
                else "",
                detection_method="surrendered" if surge else detection_of(),
                opened_at=opened_at,
            )
            incident.impact_level, incident.impact_rule = impact.incident_level(incident, ruleset)
            rows.append(incident)
            if surge:
                surge_count += 1
                surge_persons += count
                surge_left -= count
        saved = self.write(Incident, rows)
        for inc in saved:
            self.fact(inc.opened_at, "incident.opened", inc.pk, 0)
        return saved, surge_persons

    # --- persons and custody -----------------------------------------------------------------

    def name(self, nationality: str) -> tuple[str, str, str, list[str]]:
        rng = self.rng
        if nationality in ("RU", "UA", "BY"):
            female = rng.random() < 0.25
            given = rng.choice(CYR_FEMALE if female else CYR_MALE)
            family = rng.choice(CYR_FAMILY)
            family = _feminine(family) if female else family
            original = f"{given} {family}"
            latin = transliterate(original)
            icao = transliterate(original, ICAO)
            variants = [latin] + ([icao] if icao != latin else [])
            g, f = latin.split(" ", 1)
            return g, f, original, variants
        given_list, family_list = SCRIPTS[nationality]
        (g0, g), (f0, f) = rng.choice(given_list), rng.choice(family_list)
        return g, f, f"{g0} {f0}", [f"{g} {f}"]

    def persons(self, m: int, incidents: list[Incident]) -> tuple[list[Person], list, list]:
        rng = self.rng
        links, rows, ages = [], [], []
        for _ in range(m):
            inc = incidents[rng.randrange(len(incidents))]
            nationality = inc.nationality or "RU"
            given, family, original, variants = self.name(nationality)
            age = rng.randint(14, 17) if rng.random() < 0.07 else rng.randint(18, 62)
            born = (inc.occurred_from.astimezone(OSLO) - timedelta(days=365.25 * age)).date()
            born -= timedelta(days=rng.randrange(365))
            no_dob = rng.random() < 0.1
            rows.append(
                Person(
                    given_names=given,
                    family_name=family,
                    name_original_script=original,
                    transliterations=variants,
                    date_of_birth=None if no_dob else born,
                    age_claimed=age if no_dob else None,
                    nationality=nationality,
                    language=LANGUAGE.get(nationality, ""),
                    owning_unit=self.police_unit,
                    created_at=inc.opened_at,
                )
            )
            links.append(inc)
            ages.append(age)
        saved = self.write(Person, rows)
        through = Incident.persons.through
        self.write(
            through,
            [
                through(incident_id=inc.pk, person_id=p.pk)
                for inc, p in sorted(zip(links, saved, strict=True), key=lambda x: x[0].pk)
            ],
        )
        return saved, links, ages

    def custody(self, persons, links, ages) -> list[Custody]:
        rng = self.rng
        basis_of = _picker(rng, CUSTODY)
        rows = []
        for person, inc, age in zip(persons, links, ages, strict=True):
            if rng.random() >= 0.7:
                continue
            basis = basis_of()
            started = inc.opened_at + timedelta(minutes=rng.randint(5, 240))
            holding = started - timedelta(hours=rng.uniform(0.5, 3)) if rng.random() < 0.2 else None
            if basis == "border_holding":
                holding = None
            clock = custody_clock(basis, started, minor=age < 18, held_at_border_since=holding)
            span = (clock.court_deadline - started).total_seconds()
            ended = started + timedelta(seconds=int(span * rng.uniform(0.05, 0.98)))
            reason = rng.choice(END_REASONS)
            if basis == "border_holding" and reason == "before_court":
                reason = "transferred"
            rows.append(
                Custody(
                    person=person,
                    incident=inc,
                    owning_unit=self.police_unit,
                    legal_basis=basis,
                    started_at=started,
                    clock_started_at=clock.clock_started_at,
                    court_deadline=clock.court_deadline,
                    counsel_deadline=clock.counsel_deadline,
                    lat=inc.lat,
                    lon=inc.lon,
                    place=inc.place,
                    ended_at=ended,
                    end_reason=reason,
                )
            )
        saved = self.write(Custody, rows)
        for c in saved:
            self.fact(c.started_at, "apprehension.recorded", c.pk, 0)
            self.fact(c.ended_at, "custody.ended", c.pk, 0, END_REASONS.index(c.end_reason))
        return saved

    # --- cases -------------------------------------------------------------------------------

    def path(self, target: str) -> list[str]:
        """A legal path of transition names from 'claimed' to `target`."""
        rng = self.rng
        detour = []
        if rng.random() < 0.12:
            detour = ["refer", rng.choice(["reject_referral", "withdraw_referral"])]
        main = ["refer", "accept_referral", "register"]
        if rng.random() < 0.85:
            main.append("start_verification")
        main += ["record_interview", "send_for_decision"]
        upto = {
            CaseState.CLAIMED: 0,
            CaseState.REFERRED: 1,
            CaseState.ACCEPTED: 2,
            CaseState.REGISTERED: 3,
            CaseState.UNDER_VERIFICATION: 4,
            CaseState.INTERVIEWED: len(main) - 1,
            CaseState.SENT_FOR_DECISION: len(main),
        }
        outcome = {
            CaseState.GRANTED: "grant",
            CaseState.REFUSED: "refuse",
            CaseState.OTHER_COUNTRY: "other_country",
        }
        if target == CaseState.UNDER_VERIFICATION and "start_verification" not in main:
            main.insert(3, "start_verification")
        if target in upto:
            return detour + main[: upto[target]]
        if target in outcome:
            return detour + main + [outcome[target]]
        if target == CaseState.WITHDRAWN:  # from claimed, accepted, registered, verifying...
            return detour + main[: rng.choice([0, 2, 3, len(main) - 1])] + ["withdraw_claim"]
        # closed: after a decision, or after a withdrawal the immigration unit owns
        if rng.random() < 0.8:
            return detour + main + [rng.choice(list(outcome.values())), "close"]
        return detour + main[: rng.choice([2, 3, len(main) - 1])] + ["withdraw_claim", "close"]

    def cases(self, persons, links, custodies) -> dict[str, int]:
        rng = self.rng
        state_of = _picker(rng, TARGET_STATES)
        custody_of = {c.person_id: c for c in custodies}
        police, pu, udi = self.police_unit, self.pu_unit, self.udi_unit
        role_actor = {"police": 0, "pu": 1, "udi": 2}
        plans, cases = [], []
        for i, (person, inc) in enumerate(zip(persons, links, strict=True)):
            target = CaseState.values[i] if i < len(CaseState.values) else state_of()
            custody = custody_of.get(person.pk)
            claimed = (custody.started_at if custody else inc.opened_at) + timedelta(minutes=30)
            steps = self.path(target)
            gaps = [rng.uniform(0.2, 40) * 86400 for _ in steps]
            budget = (END - claimed).total_seconds() * 0.9
            if sum(gaps) > budget:
                gaps = [g * budget / sum(gaps) for g in gaps]
            plans.append((claimed, steps, gaps))
            cases.append(
                AsylumCase(
                    person=person,
                    incident=inc,
                    owning_unit=police,
                    state=CaseState.CLAIMED,
                    claimed_at=claimed,
                    updated_at=claimed,
                )
            )
        # walk each plan through the declared transitions, then write the end state
        referrals, tasks, interviews, decisions = [], [], [], []
        for case, (claimed, steps, gaps) in zip(cases, plans, strict=True):
            state, owner, at, pending = CaseState.CLAIMED, police, claimed, None
            history = [("claim", "", state, claimed, 0)]
            for name, gap in zip(steps, gaps, strict=True):
                t = TRANSITIONS[name]
                assert state in t.sources, (name, state)
                at = at + timedelta(seconds=int(gap) + 1)
                who = "police" if owner == police else ("pu" if owner == pu else "udi")
                if name == "refer":
                    pending = Referral(
                        case=case,
                        from_unit=owner,
                        to_unit=pu,
                        reason="For registration of the asylum application.",
                        sent_at=at,
                        sent_by=self.actors[role_actor[who]][0],
                    )
                    referrals.append(pending)
                elif name == "send_for_decision":
                    pending = Referral(
                        case=case,
                        from_unit=pu,
                        to_unit=udi,
                        reason="Sent for decision.",
                        sent_at=at,
                        sent_by=self.actors[1][0],
                    )
                    referrals.append(pending)
                elif name in (
                    "accept_referral",
                    "reject_referral",
                    "grant",
                    "refuse",
                    "other_country",
                ):
                    who = "pu" if pending.to_unit == pu else "udi"
                    status = "rejected" if name == "reject_referral" else "accepted"
                    pending.status, pending.answered_at = status, at
                    pending.answered_by = self.actors[role_actor[who]][0]
                    pending.answer_reason = "not ours" if status == "rejected" else ""
                    if status == "accepted":
                        owner = pending.to_unit
                    if name in ("grant", "refuse", "other_country"):
                        pending.answer_reason = "decided"
                        decisions.append((case, t.target, at))
                    pending = None
                elif name == "withdraw_referral":
                    pending.status, pending.answered_at = "withdrawn", at
                    pending.answered_by = self.actors[role_actor[who]][0]
                    pending.answer_reason = "sent by mistake"
                    pending = None
                elif name == "start_verification":
                    tasks.append((case, at))
                elif name == "record_interview":
                    interviews.append((case, at))
                history.append((name, state, t.target, at, role_actor[who]))
                state = t.target
            case.state, case.owning_unit, case.updated_at = state, owner, at
            case.version = len(history)
            case._history = history
        saved = self.write(AsylumCase, cases)
        for case in saved:
            self.fact(case.claimed_at, "case.opened", case.pk, 0)
        rows = []
        for case in saved:
            for name, from_state, to_state, at, actor in case._history:
                user, unit = self.actors[actor]
                rows.append(
                    CaseTransition(
                        case=case,
                        name=name,
                        from_state=from_state,
                        to_state=to_state,
                        at=at,
                        actor=user,
                        actor_name=user.get_username(),
                        unit=unit,
                    )
                )
                if name != "claim":
                    extra = (
                        STEP_NAMES.index(name) * 10000
                        + STATES.index(from_state) * 100
                        + STATES.index(to_state)
                    )
                    self.fact(at, "case.transition", case.pk, actor, extra)
        self.write(CaseTransition, rows)
        for r in referrals:
            r.case_id = r.case.pk
        saved_refs = self.write(Referral, referrals)
        for r in saved_refs:
            self.fact(r.sent_at, "referral.sent", r.pk, 0 if r.from_unit == police else 1)
            if r.answered_at:
                actor = 1 if r.to_unit == pu else 2
                if r.status == "withdrawn":
                    actor = 0 if r.from_unit == police else 1
                self.fact(r.answered_at, REFERRAL_VERB[r.status], r.pk, actor)
        # verification tasks: done before the case went on, cancelled on withdrawal,
        # some still open while verifying
        task_rows = []
        for case, at in tasks:
            for kind in DEFAULT_TASKS:
                if case.state == CaseState.UNDER_VERIFICATION and rng.random() < 0.6:
                    status, done = Task.Status.OPEN, None
                elif case.state in (CaseState.WITHDRAWN,) or (
                    case.state == CaseState.CLOSED and case._history[-2][0] == "withdraw_claim"
                ):
                    status, done = Task.Status.CANCELLED, case._history[-1][3]
                else:
                    status, done = Task.Status.DONE, at + timedelta(hours=rng.uniform(1, 48))
                task_rows.append(
                    Task(
                        case=case,
                        kind=kind,
                        unit=pu,
                        due_at=at + timedelta(hours=72),
                        status=status,
                        result="checked" if status == Task.Status.DONE else "",
                        created_at=at,
                        completed_at=done,
                    )
                )
        self.write(Task, task_rows)
        self.write(
            Interview,
            [
                Interview(
                    person_id=case.person_id,
                    case=case,
                    owning_unit=pu,
                    kind=Interview.Kind.ASYLUM,
                    held_at=at,
                    interviewer=self.actors[1][0],
                    interviewer_name=self.actors[1][0].get_username(),
                    language=case.person.language,
                    summary="Account given (synthetic).",
                )
                for case, at in interviews
            ],
        )
        saved_dec = self.write(
            Decision,
            [
                Decision(
                    case=case,
                    outcome=outcome,
                    decided_at=at,
                    decided_by=self.actors[2][0],
                    unit=udi,
                    reasoning="Synthetic decision.",
                )
                for case, outcome, at in decisions
            ],
        )
        for d in saved_dec:
            self.fact(d.decided_at, "case.decided", d.pk, 2, d.case_id)
        self.decided = {d.pk: d.outcome for d in saved_dec}
        self.case_ids = [c.pk for c in saved]
        return {
            "cases": len(saved),
            "transitions": len(rows),
            "referrals": len(saved_refs),
            "tasks": len(task_rows),
            "interviews": len(interviews),
            "decisions": len(saved_dec),
        }

    # --- the audit trail ---------------------------------------------------------------------

    def audit_trail(self, n: int, ids: dict[str, list[int]], decided_outcome: dict) -> int:
        """`n` events: what was written (sampled if more), the rest reads; hash-chained."""
        at = np.frombuffer(self.f_at, dtype=np.int64)
        kind = np.frombuffer(self.f_kind, dtype=np.int8)
        target = np.frombuffer(self.f_target, dtype=np.int64)
        actor = np.frombuffer(self.f_actor, dtype=np.int8)
        extra = np.frombuffer(self.f_extra, dtype=np.int64)
        if len(at) > n:
            keep = np.sort(self.gen.choice(len(at), size=n, replace=False))
            at, kind, target, actor, extra = (a[keep] for a in (at, kind, target, actor, extra))
        elif len(at) < n:
            fill = n - len(at)
            reads = [k for k in ("incident.viewed", "person.viewed", "case.viewed") if ids[k]]
            if not reads:
                fill = 0
            which = self.gen.integers(0, max(len(reads), 1), size=fill)
            base = at[self.gen.integers(0, len(at), size=fill)] if len(at) else np.zeros(fill)
            r_at = base.astype(np.int64) + self.gen.integers(60, 30 * 86400, size=fill)
            r_at = np.minimum(r_at, int(timezone.now().timestamp()) - 60)
            r_kind = np.array([K[reads[w]] for w in which], dtype=np.int8)
            r_target = np.array(
                [ids[reads[w]][self.gen.integers(0, len(ids[reads[w]]))] for w in which],
                dtype=np.int64,
            )
            r_actor = self.gen.integers(0, 3, size=fill).astype(np.int8)
            at = np.concatenate([at, r_at])
            kind = np.concatenate([kind, r_kind])
            target = np.concatenate([target, r_target])
            actor = np.concatenate([actor, r_actor])
            extra = np.concatenate([extra, np.zeros(fill, dtype=np.int64)])
        order = np.argsort(at, kind="stable")
        names = [(u.pk, u.get_username(), unit.pk) for u, unit in self.actors]
        written = 0
        for lo in range(0, len(order), self.batch):
            idx = order[lo : lo + self.batch]
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [audit._LOCK_KEY])
                last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
                seq, prev = (last[0], last[1]) if last else (0, audit.GENESIS)
                rows = []
                for j in idx:
                    verb, target_type = KINDS[kind[j]]
                    user_id, user_name, unit_id = names[actor[j]]
                    payload, related = {}, ("", "")
                    if verb == "case.transition":
                        e = int(extra[j])
                        payload = {
                            "name": STEP_NAMES[e // 10000],
                            "from": STATES[e // 100 % 100],
                            "to": STATES[e % 100],
                        }
                    elif verb == "custody.ended":
                        payload = {"reason": END_REASONS[int(extra[j])]}
                    elif verb == "case.decided":
                        payload = {"outcome": decided_outcome[int(target[j])]}
                        related = ("cases.asylumcase", str(int(extra[j])))
                    seq += 1
                    event = AuditEvent(
                        seq=seq,
                        at=datetime.fromtimestamp(int(at[j]), tz=UTC),
                        actor_id=user_id,
                        actor_name=user_name,
                        unit_id=unit_id,
                        verb=verb,
                        target_type=target_type,
                        target_id=str(int(target[j])),
                        related_type=related[0],
                        related_id=related[1],
                        fields=[],
                        payload=payload,
                        reason="",
                        channel="system",
                        request_id="",
                        ip="",
                        prev_hash=prev,
                    )
                    event.hash = prev = audit.row_digest(event)
                    rows.append(event)
                AuditEvent.objects.bulk_create(rows)
            written += len(rows)
            self.bar.update(len(rows))
        return written


def synthesise(
    *,
    actor: Actor,
    incidents: int,
    persons: int,
    audit_events: int,
    seed: int = 1,
    batch: int = 5000,
    progress: bool = False,
) -> SynthResult:
    """Write a synthetic data set of the given sizes; see the module's docstring."""
    policy.require(actor, "reference.manage")
    if not actor.is_console:
        raise AccessDenied("Only the console operator may synthesise data.")
    if incidents < 1 or persons < 0 or audit_events < 0 or batch < 1:
        raise ValueError("sizes must be positive")
    if not Unit.objects.filter(code="finnmark-pd").exists():
        from borderwatch.scenario import founding

        founding.load()
    started = timezone.now()
    # rough total for the bar: incidents, persons and links, custody, cases with history
    total = incidents + persons * 12 + audit_events
    with tqdm(total=total, unit="rows", disable=not progress, smoothing=0.1) as bar:
        s = _Synth(seed=seed, batch=batch, bar=bar)
        result = SynthResult()
        saved, result.surge_arrivals = s.incidents(incidents)
        result.counts["incidents"] = len(saved)
        people, links, ages = s.persons(persons, saved) if persons else ([], [], [])
        result.counts["persons"] = len(people)
        custodies = s.custody(people, links, ages)
        result.counts["custody"] = len(custodies)
        result.counts |= s.cases(people, links, custodies)
        ids = {
            "incident.viewed": [i.pk for i in saved],
            "person.viewed": [p.pk for p in people],
            "case.viewed": getattr(s, "case_ids", []),
        }
        result.counts["audit_events"] = s.audit_trail(audit_events, ids, getattr(s, "decided", {}))
        bar.total = bar.n
        bar.refresh()
    result.seconds = (timezone.now() - started).total_seconds()
    audit.record(
        actor,
        "scenario.synthesised",
        payload={"seed": seed, "surge_arrivals": result.surge_arrivals, **result.counts},
    )
    return result
