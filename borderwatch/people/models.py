"""Persons and their identity documents."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Person(models.Model):
    """Someone involved in an incident, as they gave their identity and as it was verified.

    Names are kept as given, in the original script, and in transliterations; all of it is
    personal data (field group "personal").
    """

    given_names = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    name_original_script = models.CharField(max_length=200, blank=True)
    transliterations = models.JSONField(default=list, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    age_claimed = models.PositiveSmallIntegerField(null=True, blank=True)
    nationality = models.CharField(max_length=2, blank=True)  # ISO 3166-1 alpha-2
    claimed_affiliation = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=60, blank=True)
    vulnerabilities = models.TextField(blank=True)
    owning_unit = models.ForeignKey("access.Unit", on_delete=models.PROTECT, related_name="persons")
    external_ref = models.CharField(max_length=120, unique=True, null=True, blank=True)
    created_at = models.DateTimeField()
    pseudonymised_at = models.DateTimeField(null=True, blank=True)  # after retention

    class Meta:
        ordering = ["family_name", "given_names", "id"]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"P-{self.pk:06d}" if self.pk else "P-new"

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.given_names, self.family_name) if p)
        return name or _("(name not known)")

    def age_on(self, day) -> int | None:
        if self.date_of_birth:
            dob = self.date_of_birth
            return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
        return self.age_claimed


class IdentityDocument(models.Model):
    """A passport, ID card or military ticket, and what its check found."""

    class Kind(models.TextChoices):
        PASSPORT = "passport", _("Passport")
        ID_CARD = "id_card", _("Identity card")
        MILITARY_ID = "military_id", _("Military identity document")
        OTHER = "other", _("Other")

    class Verification(models.TextChoices):
        NOT_CHECKED = "not_checked", _("Not checked")
        GENUINE = "genuine", _("Genuine")
        FALSE = "false", _("False or altered")
        INCONCLUSIVE = "inconclusive", _("Inconclusive")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.CharField(max_length=60, blank=True)
    issuing_state = models.CharField(max_length=2, blank=True)
    mrz = models.TextField(blank=True)
    verification = models.CharField(
        max_length=20, choices=Verification.choices, default=Verification.NOT_CHECKED
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.get_kind_display()} {self.issuing_state}"
