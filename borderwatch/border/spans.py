"""The incident spans and months (border.IncidentSpan, border.IncidentMonth), kept by
PostgreSQL triggers on border_incident.

One statement-level trigger per INSERT, UPDATE and DELETE reads the rows the statement
changed (transition tables) and adds or takes away their sums in one upsert per table, so
a COPY of a million rows costs two grouped INSERTs, not a million. The upserts take their
rows in key order, so two statements touching the same sums wait for each other rather
than deadlock (two transactions of several statements each still can, in which case
PostgreSQL rolls one back with an error and nothing is lost). Installed, and filled from
the incidents already there, by migration border/0006; a change to this SQL needs a new
migration that calls `install()` (an older migration must not: it runs before the tables
of later ones exist). `rebuild()` recomputes both from scratch; `drift()` counts the sums
that disagree with the incidents.
"""

from __future__ import annotations

SPANS = "border_incidentspan"
MONTHS = "border_incidentmonth"
INCIDENTS = "border_incident"
SPAN_KEY = "first_day, last_day, section_pk, nationality, country_entered"
MONTH_KEY = "month, section_pk, nationality, country_entered"
SUMS = ("records", "incidents_max", "persons_min", "persons_max", "persons_open")

# The key and the sums of a set of incident rows `r` (crossings only), as the model says,
# and whether the period lies within one month.
_GROUPED = """
    SELECT g.*, date_trunc('month', g.first_day::timestamp)
                    = date_trunc('month', g.last_day::timestamp) AS within_month
    FROM (
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
    ) AS g
"""

# The same rows per month, of those whose period lies within one month.
_MONTHLY = f"""
    SELECT date_trunc('month', s.first_day::timestamp)::date AS month, s.section_pk,
           s.nationality, s.country_entered, {", ".join(f"sum(s.{n}) AS {n}" for n in SUMS)}
    FROM ({{grouped}}) AS s
    WHERE s.within_month
    GROUP BY 1, 2, 3, 4
"""

_ADD = ", ".join(f"{n} = t.{n} + EXCLUDED.{n}" for n in SUMS)


def _upsert_spans(rows: str, sign: str) -> str:
    grouped = _GROUPED.format(rows=rows, sign=sign)
    return f"""
        INSERT INTO {SPANS} AS t ({SPAN_KEY}, {", ".join(SUMS)}, within_month)
        SELECT {SPAN_KEY}, {", ".join(SUMS)}, within_month FROM ({grouped}) AS s
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ({SPAN_KEY}) DO UPDATE SET {_ADD}"""  # noqa: S608


def _upsert_months(rows: str, sign: str) -> str:
    monthly = _MONTHLY.format(grouped=_GROUPED.format(rows=rows, sign=sign))
    return f"""
        INSERT INTO {MONTHS} AS t ({MONTH_KEY}, {", ".join(SUMS)})
        SELECT * FROM ({monthly}) AS m ORDER BY 1, 2, 3, 4
        ON CONFLICT ({MONTH_KEY}) DO UPDATE SET {_ADD}"""  # noqa: S608


def _both(rows: str, sign: str) -> str:
    return f"{_upsert_spans(rows, sign)};\n{_upsert_months(rows, sign)}"


INSTALL = [
    f"""CREATE OR REPLACE FUNCTION borderwatch_incident_spans() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            {_both("old_rows", "-")};
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            {_both("new_rows", "")};
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
    """Recompute every span and month from the incidents (in the caller's transaction);
    the number of spans. The incidents are locked against writes meanwhile."""
    if not kept(connection):
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {INCIDENTS} IN SHARE MODE")
        cursor.execute(f"DELETE FROM {SPANS}")  # noqa: S608
        cursor.execute(f"DELETE FROM {MONTHS}")  # noqa: S608
        cursor.execute(_both(INCIDENTS, ""))
        cursor.execute(f"SELECT count(*) FROM {SPANS}")  # noqa: S608
        return cursor.fetchone()[0]


def drift(connection) -> int:
    """How many spans and months differ from a recomputation over the incidents (0: all
    right)."""
    if not kept(connection):
        return 0
    grouped = _GROUPED.format(rows=INCIDENTS, sign="")
    fresh = {SPANS: (SPAN_KEY, grouped), MONTHS: (MONTH_KEY, _MONTHLY.format(grouped=grouped))}
    sums = ", ".join(SUMS)
    differ = 0
    with connection.cursor() as cursor:
        for table, (key, computed) in fresh.items():
            cursor.execute(
                f"""SELECT count(*) FROM (
                      (SELECT {key}, {sums} FROM ({computed}) AS f
                       EXCEPT SELECT {key}, {sums} FROM {table} WHERE records <> 0)
                      UNION ALL
                      (SELECT {key}, {sums} FROM {table} WHERE records <> 0
                       EXCEPT SELECT {key}, {sums} FROM ({computed}) AS f)
                   ) AS d"""  # noqa: S608
            )
            differ += cursor.fetchone()[0]
    return differ
