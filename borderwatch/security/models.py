"""Security notifications and the security service's restricted assessments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecurityNotification(models.Model):
    """A case reported to the security service. Others may see that it exists and its status."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ASSESSED = "assessed", _("Assessed")
        CLOSED = "closed", _("Closed")

    case = models.ForeignKey(
        "cases.AsylumCase", on_delete=models.PROTECT, related_name="security_notifications"
    )
    from_unit = models.ForeignKey("access.Unit", on_delete=models.PROTECT, related_name="+")
    to_unit = models.ForeignKey(
        "access.Unit", on_delete=models.PROTECT, related_name="security_notifications"
    )
    reason = models.TextField()  # field group "security": the security service only
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)

    class Meta:
        ordering = ["sent_at"]

    def __str__(self):
        return f"Security notification {self.pk} on {self.case}"


class Assessment(models.Model):
    """The security service's assessment of a notified case. No one else may read it."""

    class Conclusion(models.TextChoices):
        ROUTINE = "routine", _("Routine")
        FOLLOW_UP = "follow_up", _("Needs follow-up")
        CONCERN = "concern", _("Security concern")

    notification = models.ForeignKey(
        SecurityNotification, on_delete=models.PROTECT, related_name="assessments"
    )
    unit = models.ForeignKey("access.Unit", on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField()
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    conclusion = models.CharField(max_length=20, choices=Conclusion.choices)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["assessed_at"]

    def __str__(self):
        return f"Assessment {self.pk} of notification {self.notification_id}"
