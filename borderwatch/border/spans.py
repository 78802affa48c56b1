"""The incident spans (border.IncidentSpan) kept by PostgreSQL triggers on border_incident.

One statement-level trigger per INSERT, UPDATE and DELETE reads the rows the statement
changed (transition tables) and adds or takes away their sums in one upsert, so a COPY of a
million rows costs one grouped INSERT, not a million. The upsert takes its rows in key
order, so two statements touching the same spans wait for each other rather than deadlock
(two transactions of several statements each still can, in which case PostgreSQL rolls one
back with an error and nothing is lost). Installed, and filled from the
incidents already there, by migration border/0005_incident_spans. `rebuild()` recomputes
them from scratch; `drift()` counts the spans that disagree with the incidents.
"""

from __future__ import annotations

SPANS = "border_incidentspan"
INCIDENTS = "border_incident"
KEY = "first_day, last_day, section_pk, nationality, country_entered"

# The key and the sums of a set of incident rows `r` (crossings only), as the model says.
_GROUPED = """
    SELECT (r.occurred_from AT TIME ZONE 'Europe/Oslo')::date AS first_day,
           ((r.occurred_to - interval '1 microsecond') AT TIME ZONE 'Europe/Oslo')::date
               AS last_day,
           coalesce(r.section_id, 0) AS section_pk, r.nationality, r.country_entered,
           {sign} count(*) AS records,
           {sign} sum(CASE WHEN r.crossings_uncertain AND r.persons_count > 0
                           THEN r.persons_count ELSE 1 END) AS incidents_max,
           {sign} sum(coalesce(r.persons_count, 1)) AS persons_min,
           {sign} sum(coalesce(r.persons_count, 0)) AS persons_max,
           {sign} count(*) FILTER (WHERE r.persons_count IS NULL
                                    OR r.persons_count_is_lower_bound) AS persons_open
    FROM {rows} AS r
    WHERE NOT r.attempted_only
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
"""

_UPSERT = f"""
    INSERT INTO {SPANS} AS s ({KEY}, records, incidents_max, persons_min, persons_max,
                              persons_open)
    {{grouped}}
    ON CONFLICT ({KEY}) DO UPDATE SET
        records = s.records + EXCLUDED.records,
        incidents_max = s.incidents_max + EXCLUDED.incidents_max,
        persons_min = s.persons_min + EXCLUDED.persons_min,
        persons_max = s.persons_max + EXCLUDED.persons_max,
        persons_open = s.persons_open + EXCLUDED.persons_open
"""


def _upsert(rows: str, sign: str) -> str:
    return _UPSERT.format(grouped=_GROUPED.format(rows=rows, sign=sign))


INSTALL = [
    f"""CREATE OR REPLACE FUNCTION borderwatch_incident_spans() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            {_upsert("old_rows", "-")};
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            {_upsert("new_rows", "")};
          END IF;
          RETURN NULL;
        END $$""",
    f"""CREATE OR REPLACE TRIGGER incident_spans_insert AFTER INSERT ON {INCIDENTS}
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION borderwatch_incident_spans()""",
    f"""CREATE OR REPLACE TRIGGER incident_spans_update AFTER UPDATE ON {INCIDENTS}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION borderwatch_incident_spans()""",
    f"""CREATE OR REPLACE TRIGGER incident_spans_delete AFTER DELETE ON {INCIDENTS}
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION borderwatch_incident_spans()""",
]

UNINSTALL = [
    f"DROP TRIGGER IF EXISTS incident_spans_insert ON {INCIDENTS}",
    f"DROP TRIGGER IF EXISTS incident_spans_update ON {INCIDENTS}",
    f"DROP TRIGGER IF EXISTS incident_spans_delete ON {INCIDENTS}",
    "DROP FUNCTION IF EXISTS borderwatch_incident_spans()",
]


def kept(connection) -> bool:
    """Whether this database keeps the spans (PostgreSQL only)."""
    return connection.vendor == "postgresql"


def install(connection) -> None:
    if not kept(connection):
        return
    with connection.cursor() as cursor:
        for sql in INSTALL:
            cursor.execute(sql)


def uninstall(connection) -> None:
    if not kept(connection):
        return
    with connection.cursor() as cursor:
        for sql in UNINSTALL:
            cursor.execute(sql)


def rebuild(connection) -> int:
    """Recompute every span from the incidents (in the caller's transaction); the number of
    spans. The table is locked against incident writes meanwhile."""
    if not kept(connection):
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {INCIDENTS} IN SHARE MODE")
        cursor.execute(f"DELETE FROM {SPANS}")  # noqa: S608
        cursor.execute(_upsert(INCIDENTS, ""))
        cursor.execute(f"SELECT count(*) FROM {SPANS}")  # noqa: S608
        return cursor.fetchone()[0]


def drift(connection) -> int:
    """How many spans differ from a recomputation over the incidents (0: all right)."""
    if not kept(connection):
        return 0
    fresh = _GROUPED.format(rows=INCIDENTS, sign="")
    sums = "records, incidents_max, persons_min, persons_max, persons_open"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT count(*) FROM (
                  (SELECT {KEY}, {sums} FROM ({fresh}) AS f
                   EXCEPT SELECT {KEY}, {sums} FROM {SPANS} WHERE records <> 0)
                  UNION ALL
                  (SELECT {KEY}, {sums} FROM {SPANS} WHERE records <> 0
                   EXCEPT SELECT {KEY}, {sums} FROM ({fresh}) AS f)
               ) AS d"""  # noqa: S608
        )
        return cursor.fetchone()[0]
