"""The columns of an incident import file (`borderwatch import`, border/importing.py).

No Django here: bench/import_rows.py writes such files without setting Django up.
"""

# The columns a file may have, in the order the rejects file and the docs list them.
COLUMNS = (
    "external_ref",
    "occurred_from",
    "occurred_to",
    "time_precision",
    "time_text",
    "lat",
    "lon",
    "place",
    "section",
    "country_left",
    "country_entered",
    "attempted_only",
    "persons_count",
    "persons_count_is_lower_bound",
    "crossings_uncertain",
    "nationality",
    "claimed_affiliation",
    "detection_method",
    "type",
    "status",
    "summary",
    "owning_unit",
)
REQUIRED = ("external_ref", "occurred_from")
