"""The Django admin: reference data for administrators, audited; no case content."""

from borderwatch.access.models import AuditEvent, Unit


def test_it_lets_the_administrator_change_a_unit_and_audits_it(client, admin_actor):
    client.force_login(admin_actor.user)
    unit = Unit.objects.get(code="udi")
    response = client.post(
        f"/admin/access/unit/{unit.pk}/change/",
        {
            "code": "udi",
            "name": "Directorate of Immigration (UDI)",
            "short_name": "UDI",
            "kind": "directorate",
            "parent": "",
        },
    )
    assert response.status_code == 302, response.content[:500]
    event = AuditEvent.objects.filter(verb="admin.changed").latest("seq")
    assert event.actor == admin_actor.user
    assert event.payload == {"model": "access.unit", "action": "changed", "fields": ["name"]}


def test_it_keeps_other_roles_out_of_the_admin(client, police):
    client.force_login(police.user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_it_registers_no_case_content_in_the_admin(client, admin_actor):
    client.force_login(admin_actor.user)
    for path in (
        "/admin/cases/asylumcase/",
        "/admin/people/person/",
        "/admin/security/assessment/",
        "/admin/cases/interview/",
    ):
        assert client.get(path).status_code == 404


def test_it_shows_the_audit_trail_read_only(client, admin_actor, story):
    client.force_login(admin_actor.user)
    event = AuditEvent.objects.first()
    assert client.get("/admin/access/auditevent/").status_code == 200
    response = client.post(f"/admin/access/auditevent/{event.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403


def test_it_asks_the_policy_not_only_the_staff_flag(client, police):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    police.user.is_staff = True
    police.user.save()
    TOTPDevice.objects.create(user=police.user, name="phone", confirmed=True)
    client.force_login(police.user)  # passes the second factor too (tests/conftest.py)
    assert client.get("/cases/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
