"""Security notifications and restricted assessments."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from borderwatch.access import policy
from borderwatch.cases.queries import case_timeline
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.security import services
from borderwatch.security.models import SecurityNotification

OSLO = ZoneInfo("Europe/Oslo")
AT = datetime(2025, 8, 27, 10, 0, tzinfo=OSLO)
ASSESSMENT_TEXT = "Routine. The possibility of espionage was considered."


def test_it_refuses_to_notify_a_unit_that_is_not_a_security_service(main_case, pu, world):
    with pytest.raises(DomainError, match="not a security service"):
        services.send_security_notification(
            main_case, actor=pu, to_unit=world["udi"], reason="r", at=AT
        )


def test_it_refuses_a_second_open_notification(main_case, world, police, pu):
    with pytest.raises(AccessDenied):  # Finnmark no longer owns the case
        services.send_security_notification(
            main_case, actor=police, to_unit=world["pst"], reason="r", at=AT
        )
    n = services.send_security_notification(
        main_case, actor=pu, to_unit=world["pst"], reason="Second look", at=AT
    )
    with pytest.raises(DomainError, match="open notification"):
        services.send_security_notification(
            main_case, actor=pu, to_unit=world["pst"], reason="Again", at=AT
        )
    assert SecurityNotification.objects.filter(case=main_case).count() == 2
    assert n.status == "sent"


def test_it_lets_only_the_notified_security_service_assess(main_case, pu, pst):
    notification = main_case.security_notifications.get()
    with pytest.raises(AccessDenied):
        services.record_assessment(notification, actor=pu, conclusion="routine", text="x", at=AT)
    a = services.record_assessment(
        notification, actor=pst, conclusion="follow_up", text="Check unit", at=AT
    )
    assert a.conclusion == "follow_up"


def test_it_refuses_an_assessment_before_the_notification(main_case, pst):
    notification = main_case.security_notifications.get()
    with pytest.raises(DomainError, match="before the notification"):
        services.record_assessment(
            notification,
            actor=pst,
            conclusion="routine",
            text="",
            at=notification.sent_at - timedelta(minutes=1),
        )


def test_it_shows_the_assessment_to_the_security_service_alone(main_case, pu, pst, lawyer):
    assert "security" in policy.field_groups(pst, main_case)
    assert ASSESSMENT_TEXT in [e.detail for e in case_timeline(main_case, pst)]
    for actor in (pu, lawyer):
        assert "security" not in policy.field_groups(actor, main_case)
        entries = case_timeline(main_case, actor)
        assert ASSESSMENT_TEXT not in " ".join(e.detail for e in entries)
        assert any("restricted" in e.what for e in entries)
