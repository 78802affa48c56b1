"""What became of an incident, as far as the records say: one label per incident."""

from __future__ import annotations

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from borderwatch.access import policy
from borderwatch.access.actor import ROLE, Actor


class Outcome(models.TextChoices):
    DECIDED_GRANTED = "decided_granted", _("Decided: protection granted")
    DECIDED_REFUSED = "decided_refused", _("Decided: refused")
    DECIDED_OTHER_COUNTRY = "decided_other_country", _("Decided: another country responsible")
    DECIDED_MIXED = "decided_mixed", _("Decided: different outcomes for different persons")
    ASYLUM_REQUESTED = "asylum_requested", _("Asylum requested, not decided")
    DETAINED = "detained", _("Detained, no asylum request recorded")
    NOT_RECORDED = "not_recorded", _("Not recorded")


def outcome_expression(actor: Actor) -> Case:
    """The outcome of each incident, derived from the asylum cases and custody periods
    recorded against it (`AsylumCase.incident`, `Custody.incident`), as one SQL expression
    (correlated EXISTS subqueries: no query per incident).

    In order, the first that holds:

    * **decided: granted / refused / other country**: a case of the incident reached that
      decision (its state, a transition into that state, or a `Decision` row), so a case
      decided and then closed keeps its decision;
    * **decided: mixed**: cases of the same incident reached different decisions;
    * **asylum requested**: a case exists but none is decided (pending or withdrawn: a
      request was made);
    * **detained**: someone was held in custody after it, and no asylum case is recorded;
    * **not recorded**: nothing of the above is recorded, which says nothing about what
      really happened (the person may have gone back, or never been found).

    Statisticians and the console derive it from every record. Anyone else derives it
    only from the cases and custody periods they may see, so an outcome never reveals a
    case its reader could not open; for them "not recorded" means "not recorded where you
    can see it".
    """
    from borderwatch.cases.models import AsylumCase, Custody

    cases = AsylumCase.objects.filter(incident=OuterRef("pk"))
    custody = Custody.objects.filter(incident=OuterRef("pk"))
    # The same line as policy.incidents_countable_by: who counts every record.
    if not (actor.is_console or actor.has_role(ROLE.STATISTICIAN)):
        cases = cases.filter(pk__in=policy.cases_visible_to(actor).values("pk"))
        unit = actor.unit.pk if actor.unit else None
        custody = custody.filter(
            Q(owning_unit_id=unit) | Q(person__in=policy.persons_visible_to(actor).values("pk"))
        )

    def decided(state: str) -> Exists:
        return Exists(
            cases.filter(
                Q(state=state) | Q(transitions__to_state=state) | Q(decision__outcome=state)
            )
        )

    granted, refused, other = decided("granted"), decided("refused"), decided("other_country")
    return Case(
        When(
            (granted & refused) | (granted & other) | (refused & other),
            then=Value(Outcome.DECIDED_MIXED.value),
        ),
        When(granted, then=Value(Outcome.DECIDED_GRANTED.value)),
        When(refused, then=Value(Outcome.DECIDED_REFUSED.value)),
        When(other, then=Value(Outcome.DECIDED_OTHER_COUNTRY.value)),
        When(Exists(cases), then=Value(Outcome.ASYLUM_REQUESTED.value)),
        When(Exists(custody), then=Value(Outcome.DETAINED.value)),
        default=Value(Outcome.NOT_RECORDED.value),
        output_field=models.CharField(),
    )


def with_outcome(incidents: QuerySet, actor: Actor) -> QuerySet:
    """`incidents` annotated with `outcome` (see `outcome_expression`)."""
    return incidents.annotate(outcome=outcome_expression(actor))
