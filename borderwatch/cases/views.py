"""Case pages: the work queues, one case with the steps the user may take, the steps
before a case exists (apprehension and custody), tasks, and the unit's notifications.

Every view starts at the policy funnel (`actor_view` turns NotVisible into 404 and
AccessDenied into 403) and changes nothing itself: it calls cases.services. A refusal
(`DomainError`) is shown beside the field it names with the input kept; a `Conflict`
(someone else changed the case first) changes nothing and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, F, Q, Value, When
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from borderwatch.access import audit, policy
from borderwatch.access.actor import ROLE, Actor
from borderwatch.access.models import User
from borderwatch.access.views import actor_view
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError, NotVisible
from borderwatch.lib.timefmt import format_instant

from . import queues, services, workflow
from .choices import OPEN, CaseState
from .forms import (
    ApprehensionForm,
    AssignTaskForm,
    AsylumRequestForm,
    CompleteTaskForm,
    CounselForm,
    CriminalMatterForm,
    EndCustodyForm,
    QuestioningForm,
    QueueForm,
    StepForm,
)
from .models import AsylumCase, Clock, Custody, Decision, Task
from .queries import CaseRecords, case_readers, case_timeline, read_case

PAGE_SIZE = 50
CONFLICT = gettext_lazy(
    "Someone else changed this case while you were working: reload it and check what "
    "changed before you try again. Nothing you sent was saved; below is the case as it is now."
)

# --- time left ----------------------------------------------------------------------------


def time_left(due: datetime | None, now: datetime) -> str:
    """'2 h 10 min left', '3 d 4 h left', 'overdue by 3 h' (to the minute)."""
    if due is None:
        return ""
    seconds = (due - now).total_seconds()
    minutes = int(abs(seconds) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        span = (
            _("%(d)s d %(h)s h") % {"d": days, "h": hours} if hours else _("%(d)s d") % {"d": days}
        )
    elif hours:
        span = (
            _("%(h)s h %(m)s min") % {"h": hours, "m": mins}
            if mins
            else _("%(h)s h") % {"h": hours}
        )
    else:
        span = _("%(m)s min") % {"m": mins}
    if seconds < 0:
        return _("overdue by %(span)s") % {"span": span}
    return _("%(span)s left") % {"span": span}


def urgency(due: datetime | None, now: datetime) -> str:
    """A CSS class: 'overdue', 'soon' (within the queues' due window) or ''."""
    if due is None:
        return ""
    if due < now:
        return "overdue"
    if due < now + queues.DUE_WINDOW:
        return "soon"
    return ""


@dataclass
class Deadline:
    """A clock as a page shows it."""

    clock: Clock
    left: str
    urgency: str

    @classmethod
    def of(cls, clock: Clock, now: datetime) -> Deadline:
        if clock.stopped_at is not None:
            return cls(clock, "", "")
        return cls(clock, time_left(clock.due_at, now), urgency(clock.due_at, now))


def _refusal(form, err: DomainError) -> None:
    """A refusal from a service: beside the field it names, or re-raised as 403/404."""
    if isinstance(err, AccessDenied | NotVisible):
        raise err
    form.put_error(err)


# --- the queues ---------------------------------------------------------------------------

QUEUE_LABELS = {
    "mine": gettext_lazy("My unit's open cases"),
    "referred": gettext_lazy("Referrals waiting for us"),
    "due": gettext_lazy("Due in the next 24 hours"),
    "overdue": gettext_lazy("Overdue"),
    "all": gettext_lazy("All cases I may see"),
}
STATE_ORDER = Case(
    *[When(state=s, then=Value(i)) for i, s in enumerate(CaseState.values)], default=Value(99)
)
# Cases without a running clock go last either way.
ORDER = {
    "due": (F("next_due").asc(nulls_last=True), "-claimed_at", "-id"),
    "-due": (F("next_due").desc(nulls_last=True), "-claimed_at", "-id"),
    "claimed": ("claimed_at", "id"),
    "-claimed": ("-claimed_at", "-id"),
    "state": (STATE_ORDER, F("next_due").asc(nulls_last=True), "-id"),
    "updated": ("-updated_at", "-id"),
}
# Clicking a column heading: its sort, or the reverse when it is the sort already.
COLUMN_SORTS = {"due": ("due", "-due"), "claimed": ("-claimed", "claimed"), "state": ("state",)}


@dataclass
class QueueRow:
    case: AsylumCase
    left: str
    urgency: str


def works_cases(actor: Actor) -> bool:
    return actor.has_role(*policy.CASE_ROLES)


@actor_view
def case_list(request):
    """The work queues of the acting unit, with counts, a state filter and sorting."""
    actor = request.actor
    now = timezone.now()
    works = works_cases(actor)
    queue = request.GET.get("queue") or ("mine" if works else "all")
    if queue not in queues.QUEUES or (not works and queue != "all"):
        queue = "mine" if works else "all"
    form = QueueForm(request.GET)
    state, sort = "", "due"
    if form.is_valid():
        state = form.cleaned_data["state"]
        sort = form.cleaned_data["sort"] or "due"
    rows = queues.cases(actor, queue, now=now, state=state).order_by(*ORDER[sort])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = [
        QueueRow(c, time_left(c.next_due, now), urgency(c.next_due, now)) for c in page
    ]

    def url(**change) -> str:
        params = {"queue": queue, "state": state, "sort": sort, **change}
        return "?" + urlencode({k: v for k, v in params.items() if v})

    tabs = []
    deadlines = []
    if works:
        counts = queues.counts(actor, now=now)
        tabs = [
            {"key": k, "label": QUEUE_LABELS[k], "count": counts[k], "url": url(queue=k, page="")}
            for k in queues.QUEUES
        ]
        # Clocks that are no case's yet (custody before a claim, EUROSUR reports).
        deadlines = [
            Deadline.of(c, now)
            for c in queues.clocks_of(actor, now=now)
            .filter(case__isnull=True, due_at__lt=now + queues.DUE_WINDOW)
            .order_by("due_at", "id")[:PAGE_SIZE]
        ]
    columns = {}
    for column, options in COLUMN_SORTS.items():
        current = sort in options
        following = options[(options.index(sort) + 1) % len(options)] if current else options[0]
        direction = ""
        if current:
            direction = "descending" if sort.startswith("-") else "ascending"
        columns[column] = {"url": url(sort=following), "aria_sort": direction}
    context = {
        "form": form,
        "queue": queue,
        "queue_label": QUEUE_LABELS[queue],
        "tabs": tabs,
        "page": page,
        "deadlines": deadlines,
        "columns": columns,
        "filtered": bool(state),
        "page_url": url(),
        "clear_url": url(state=""),
        "works": works,
    }
    return render(request, "cases/case_list.html", context)


# --- one case -----------------------------------------------------------------------------


@dataclass
class StepView:
    """A step the user may take, with its form (inputs, or just the case's version)."""

    form: StepForm
    open: bool = False

    @property
    def transition(self):
        return self.form.transition

    @property
    def needs_input(self) -> bool:
        return any(not f.is_hidden for f in self.form)


@dataclass
class TaskView:
    task: Task
    left: str
    urgency: str
    complete: CompleteTaskForm | None = None
    assign: AssignTaskForm | None = None
    open: str = ""  # "complete" or "assign" after a refusal


def _next_steps(case: AsylumCase, actor: Actor) -> tuple[list, list]:
    """The steps the actor may take now (as workflow.allowed), and those their role and
    turn allow but the case does not yet, with the reason (e.g. tasks still open)."""
    allowed, blocked = [], []
    for transition in workflow.TRANSITIONS.values():
        try:
            workflow.check(case, transition, actor)
        except AccessDenied:
            continue
        except DomainError as err:
            if case.state in transition.sources:
                blocked.append((transition, err.message))
            continue
        allowed.append(transition)
    return allowed, blocked


def _may_work_tasks(actor: Actor, task: Task) -> bool:
    return actor.acts_for(task.unit_id) and actor.has_role(
        ROLE.IMMIGRATION_CASEWORKER, ROLE.DECISION_CASEWORKER, ROLE.POLICE_OPERATIONS
    )


def _members(unit_id) -> list[tuple[int, str]]:
    users = User.objects.filter(memberships__unit_id=unit_id).distinct()
    return [(u.pk, str(u)) for u in users.order_by("first_name", "last_name", "username")]


def _case_page(
    request,
    pk,
    *,
    step_form: StepForm | None = None,
    task_form=None,
    conflict: bool = False,
    status: int = 200,
):
    actor = request.actor
    now = timezone.now()
    case, groups = read_case(actor, pk)
    person = case.person
    allowed, blocked = _next_steps(case, actor)
    steps = []
    for transition in allowed:
        if step_form is not None and step_form.step == transition.name:
            if conflict:  # their input, against the case as it is now
                kept = {k: v for k, v in step_form.cleaned_data.items() if k != "version"}
                steps.append(StepView(StepForm(transition.name, case=case, initial=kept), True))
            else:
                steps.append(StepView(step_form, True))
        else:
            steps.append(StepView(StepForm(transition.name, case=case)))
    forward = [s for s in steps if not s.form.holds_back]
    back = [s for s in steps if s.form.holds_back]

    members: dict = {}
    tasks = []
    for task in case.tasks.select_related("assignee", "unit"):
        view = TaskView(task, "", "")
        if task.status == Task.Status.OPEN:
            view.left, view.urgency = time_left(task.due_at, now), urgency(task.due_at, now)
            if _may_work_tasks(actor, task):
                if task.unit_id not in members:
                    members[task.unit_id] = _members(task.unit_id)
                prefix = f"task{task.pk}"
                view.complete = CompleteTaskForm(prefix=prefix)
                view.assign = AssignTaskForm(
                    prefix=f"assign{task.pk}",
                    members=members[task.unit_id],
                    initial={"assignee": task.assignee_id},
                )
                if task_form is not None and task_form.prefix in (prefix, f"assign{task.pk}"):
                    kind = "complete" if task_form.prefix == prefix else "assign"
                    setattr(view, kind, task_form)
                    view.open = kind
        tasks.append(view)

    clocks = Clock.objects.filter(Q(case=case) | Q(custody__person_id=case.person_id))
    clocks = [
        Deadline.of(c, now)
        for c in clocks.select_related("owning_unit", "task", "referral__to_unit", "custody")
    ]
    records = CaseRecords.of(case)
    custodies = records.custodies
    police = actor.has_role(ROLE.POLICE_OPERATIONS)
    for c in custodies:
        c.openable = police and actor.acts_for(c.owning_unit_id)
    errors = [f for f in (step_form, task_form) if f is not None and f.errors]
    context = {
        "case": case,
        "person": person,
        "groups": groups,
        "timeline": case_timeline(case, actor, records),
        "custodies": custodies,
        "counsel": [r for r in records.representations if r.ended_at is None],
        "referrals": records.referrals,
        "notifications": records.notifications,
        "interviews": records.interviews,
        "decision": Decision.objects.filter(case=case).select_related("unit").first(),
        "next_steps": allowed,
        "forward": forward,
        "back": back,
        "blocked": blocked,
        "tasks": tasks,
        "open_tasks": sum(1 for t in tasks if t.task.status == Task.Status.OPEN),
        # Tasks show their own deadlines.
        "running": [d for d in clocks if d.clock.stopped_at is None and not d.clock.task_id],
        "stopped": [d for d in clocks if d.clock.stopped_at is not None and not d.clock.task_id],
        "conflict": CONFLICT if conflict else "",
        "error_forms": errors,
        "incident_visible": case.incident_id is not None
        and policy.incidents_visible_to(actor).filter(pk=case.incident_id).exists(),
        "readers": case_readers(case, actor),
    }
    return render(request, "cases/case_detail.html", context, status=status)


@actor_view
def case_detail(request, pk: int):
    return _case_page(request, pk)  # a GET: the policy remembers its answers (middleware)


def _after_change(request, case: AsylumCase):
    """Back to the case, or to the queues when the step took it out of the actor's sight
    (e.g. a referral rejected)."""
    if policy.cases_visible_to(request.actor).filter(pk=case.pk).exists():
        return redirect("case_detail", case.pk)
    return redirect("case_list")


@require_POST
@actor_view
def case_step(request, pk: int, name: str):
    """Take one workflow step with the form's input and the version the user saw."""
    actor = request.actor
    case = policy.get_case_for(actor, pk)
    if name not in workflow.TRANSITIONS:
        raise NotVisible(_("There is no such step."))
    form = StepForm(name, request.POST, case=case)
    if form.is_valid():
        try:
            services.perform(
                case,
                name,
                actor=actor,
                fields=form.service_fields(),
                expected_version=form.cleaned_data["version"],
            )
        except Conflict:
            return _case_page(request, pk, step_form=form, conflict=True, status=409)
        except DomainError as err:
            _refusal(form, err)
        else:
            case.refresh_from_db()
            messages.success(
                request,
                _("%(case)s: “%(step)s” done. The case is now “%(state)s”.")
                % {
                    "case": case.reference,
                    "step": _(form.transition.label),
                    "state": case.get_state_display(),
                },
            )
            return _after_change(request, case)
    return _case_page(request, pk, step_form=form, status=400)


def _task_for(actor: Actor, pk: int, task_pk: int) -> tuple[AsylumCase, Task]:
    case = policy.get_case_for(actor, pk)
    return case, policy.get_visible(case.tasks.all(), task_pk, "task")


@require_POST
@actor_view
def task_complete(request, pk: int, task_pk: int):
    actor = request.actor
    case, task = _task_for(actor, pk, task_pk)
    form = CompleteTaskForm(request.POST, prefix=f"task{task.pk}")
    if form.is_valid():
        try:
            services.complete_task(
                task,
                actor=actor,
                result=form.cleaned_data["result"],
                evidence=form.cleaned_data["evidence"],
                cancelled=form.cleaned_data["cancelled"],
            )
        except DomainError as err:
            _refusal(form, err)
        else:
            task.refresh_from_db()
            messages.success(
                request,
                _("%(task)s: %(status)s.")
                % {"task": task.get_kind_display(), "status": task.get_status_display().lower()},
            )
            return redirect(reverse("case_detail", args=[case.pk]) + "#tasks")
    return _case_page(request, pk, task_form=form, status=400)


@require_POST
@actor_view
def task_assign(request, pk: int, task_pk: int):
    actor = request.actor
    case, task = _task_for(actor, pk, task_pk)
    form = AssignTaskForm(request.POST, prefix=f"assign{task.pk}", members=_members(task.unit_id))
    if form.is_valid():
        raw = form.cleaned_data["assignee"]
        assignee = User.objects.filter(pk=raw).first() if raw else None
        try:
            services.assign_task(task, actor=actor, assignee=assignee)
        except DomainError as err:
            _refusal(form, err)
        else:
            messages.success(
                request,
                _("%(task)s: assigned to %(who)s.")
                % {"task": task.get_kind_display(), "who": assignee or _("nobody")},
            )
            return redirect(reverse("case_detail", args=[case.pk]) + "#tasks")
    return _case_page(request, pk, task_form=form, status=400)


# --- before a case: apprehension and custody -------------------------------------------------


def _custody_for(actor: Actor, pk) -> Custody:
    """A custody period the acting police unit holds (404 otherwise)."""
    return policy.get_visible(
        policy.custodies_visible_to(actor).select_related(
            "person", "incident", "owning_unit", "place"
        ),
        pk,
        "custody",
    )


@actor_view
def apprehension(request, pk: int):
    """Record that a person of an incident was apprehended (the police unit owning it)."""
    actor = request.actor
    incident = policy.get_incident_for(actor, pk)
    policy.require(actor, "apprehension.record", incident)
    if request.method == "POST":
        form = ApprehensionForm(request.POST, incident=incident)
        if form.is_valid():
            try:
                custody = services.record_apprehension(
                    incident, actor=actor, **form.service_kwargs()
                )
            except DomainError as err:
                _refusal(form, err)
            else:
                messages.success(
                    request,
                    _("%(person)s recorded, in custody until a court or release by %(due)s.")
                    % {
                        "person": custody.person.reference,
                        "due": format_instant(custody.court_deadline),
                    },
                )
                return redirect("custody_detail", custody.pk)
        status = 400
    else:
        form = ApprehensionForm(incident=incident)
        status = 200
    return render(
        request,
        "cases/apprehension.html",
        {"incident": incident, "form": form, "error_forms": [form] if form.errors else []},
        status=status,
    )


CUSTODY_FORMS = {
    "questioning": QuestioningForm,
    "asylum-request": AsylumRequestForm,
    "criminal-matter": CriminalMatterForm,
    "counsel": CounselForm,
    "end": EndCustodyForm,
}
CUSTODY_LABELS = {
    "questioning": gettext_lazy("Record police questioning"),
    "asylum-request": gettext_lazy("Record the asylum request"),
    "criminal-matter": gettext_lazy("Open a criminal matter"),
    "counsel": gettext_lazy("Assign counsel"),
    "end": gettext_lazy("End the custody"),
}


def _custody_form(action: str, custody: Custody, data=None, **kwargs):
    cls = CUSTODY_FORMS[action]
    if cls is CounselForm:
        kwargs["person"] = custody.person
    return cls(data, prefix=action, **kwargs)


def _custody_page(request, custody: Custody, *, bound=None, status=200):
    actor = request.actor
    now = timezone.now()
    person = custody.person
    audit.record(
        actor,
        "person.viewed",
        person,
        related=custody,
        fields=["personal", "interview"],
        payload={"view": "custody"},
    )
    case = (
        policy.cases_visible_to(actor)
        .filter(person=person, state__in=OPEN)
        .order_by("-claimed_at")
        .first()
    )
    actions = []
    for action in CUSTODY_FORMS:
        if action in ("questioning", "end") and custody.ended_at is not None:
            continue
        if action == "asylum-request" and case is not None:
            continue
        is_bound = bound is not None and bound.prefix == action
        form = bound if is_bound else _custody_form(action, custody)
        label = CUSTODY_LABELS[action]
        actions.append({"key": action, "label": label, "form": form, "open": is_bound})
    clocks = [Deadline.of(c, now) for c in custody.clocks.select_related("owning_unit")]
    context = {
        "custody": custody,
        "person": person,
        "case": case,
        "court_left": "" if custody.ended_at else time_left(custody.court_deadline, now),
        "court_urgency": "" if custody.ended_at else urgency(custody.court_deadline, now),
        "counsel_left": time_left(custody.counsel_deadline, now)
        if custody.counsel_deadline and not custody.ended_at
        else "",
        "running": [d for d in clocks if d.clock.stopped_at is None],
        "stopped": [d for d in clocks if d.clock.stopped_at is not None],
        "interviews": person.interviews.filter(owning_unit_id=actor.unit.pk),
        "matters": person.criminal_matters.filter(owning_unit_id=actor.unit.pk),
        "counsel": person.representations.filter(ended_at__isnull=True),
        "others": person.custodies.exclude(pk=custody.pk).filter(owning_unit_id=actor.unit.pk),
        "actions": actions,
        "error_forms": [bound] if bound is not None and bound.errors else [],
    }
    return render(request, "cases/custody.html", context, status=status)


@actor_view
def custody_detail(request, pk: int):
    return _custody_page(request, _custody_for(request.actor, pk))


@require_POST
@actor_view
def custody_action(request, pk: int, action: str):
    """Questioning, the asylum request, a criminal matter, counsel, the end of custody."""
    actor = request.actor
    custody = _custody_for(actor, pk)
    if action not in CUSTODY_FORMS:
        raise NotVisible(_("There is no such action."))
    form = _custody_form(action, custody, request.POST)
    person = custody.person
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "questioning":
                services.record_interview(person, actor=actor, kind="questioning", **data)
                done = _("Police questioning recorded.")
            elif action == "asylum-request":
                case = services.record_asylum_request(
                    person,
                    actor=actor,
                    requested_at=data["requested_at"],
                    incident=custody.incident,
                )
                messages.success(
                    request,
                    _("%(case)s opened: %(person)s asked for protection.")
                    % {"case": case.reference, "person": person.reference},
                )
                return redirect("case_detail", case.pk)
            elif action == "criminal-matter":
                services.open_criminal_matter(
                    person, actor=actor, incident=custody.incident, **data
                )
                done = _("Criminal matter opened.")
            elif action == "counsel":
                services.assign_counsel(person, actor=actor, **form.service_kwargs(person))
                done = _("Counsel assigned.")
            else:
                services.end_custody(
                    custody,
                    actor=actor,
                    ended_at=data["ended_at"],
                    reason=data["reason"],
                    note=data["note"],
                )
                done = _("Custody ended.")
        except DomainError as err:
            _refusal(form, err)
        else:
            messages.success(request, done)
            return redirect("custody_detail", custody.pk)
    return _custody_page(request, custody, bound=form, status=400)


# --- notifications ------------------------------------------------------------------------


def notifications_for(actor: Actor | None):
    """The acting unit's in-app notifications (policy.notifications_visible_to); None for
    someone with no notices to see."""
    if actor is None or actor.unit is None or actor.user is None:
        return None
    return policy.notifications_visible_to(actor)


@actor_view
def notification_list(request):
    actor = request.actor
    qs = notifications_for(actor)
    if qs is None:
        raise AccessDenied(_("Notifications belong to a unit; you act for none."))
    show = request.GET.get("show", "unread")
    if show not in ("unread", "all"):
        show = "unread"
    unread = qs.filter(read_at__isnull=True).count()
    listed = qs.filter(read_at__isnull=True) if show == "unread" else qs
    page = Paginator(
        listed.select_related("case", "clock", "read_by").order_by("-created_at", "-id"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    case_ids = {n.case_id for n in page if n.case_id}
    openable = set(
        policy.cases_visible_to(actor).filter(pk__in=case_ids).values_list("pk", flat=True)
    )
    context = {"page": page, "show": show, "unread": unread, "openable": openable}
    return render(request, "cases/notifications.html", context)


@require_POST
@actor_view
def notifications_read(request):
    """Mark one notification (`id`) or all the unit's unread ones (`all`) as read."""
    actor = request.actor
    qs = notifications_for(actor)
    if qs is None:
        raise AccessDenied(_("Notifications belong to a unit; you act for none."))
    unread = qs.filter(read_at__isnull=True)
    raw = request.POST.get("id", "")
    if request.POST.get("all"):
        chosen = list(unread)
    elif raw.isdigit():
        chosen = [policy.get_visible(qs, int(raw), "notification")]
    else:
        chosen = []
    for notification in chosen:
        services.mark_notification_read(notification, actor=actor)
    if chosen:
        messages.success(
            request,
            ngettext(
                "%(n)s notification marked as read.",
                "%(n)s notifications marked as read.",
                len(chosen),
            )
            % {"n": len(chosen)},
        )
    target = reverse("notifications")
    if request.POST.get("show") == "all":
        target += "?show=all"
    return redirect(target)
