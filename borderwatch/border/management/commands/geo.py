import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.border import geo
from borderwatch.border import services as border
from borderwatch.border.models import BorderSection, Place
from borderwatch.lib.geo import validate_point


def _area_km2(shape) -> float:
    centre = shape.centroid
    return geo.project(shape, centre.y, centre.x).area / 1e6


class Command(BaseCommand):
    help = (
        "Border geography. 'geo import' replaces the border sections with a GeoJSON file "
        "(all or nothing); 'geo export' writes them out; 'geo show' lists them; "
        "'geo locate' places a point."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        i = sub.add_parser(
            "import",
            help="create or update border sections from a GeoJSON FeatureCollection",
            description="Create or update border sections from a GeoJSON FeatureCollection "
            "(WGS84) of Polygon or MultiPolygon features, each with properties.code, "
            "properties.name and optionally properties.description. The whole file is "
            "checked first (geometry types, closed rings, coordinates inside WGS84, valid "
            "shapes, unique codes); on any problem nothing changes. Sections not in the file "
            "stay as they are.",
        )
        i.add_argument("file", metavar="FILE.geojson", help="the file to import ('-': stdin)")
        i.add_argument(
            "--dry-run", action="store_true", help="check the file and say what would change"
        )
        add_actor_arguments(i)
        e = sub.add_parser(
            "export",
            help="write the border sections as GeoJSON (the format 'geo import' reads)",
        )
        e.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
        e.add_argument(
            "--shipped",
            action="store_true",
            help="write the default sections shipped with borderwatch instead",
        )
        sub.add_parser("show", help="list the border sections, the border line and the gazetteer")
        loc = sub.add_parser(
            "locate", help="say which section a point lies in and how far it is from the border"
        )
        loc.add_argument("lat", help="latitude, degrees (WGS84)")
        loc.add_argument("lon", help="longitude, degrees (WGS84)")

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    # --- import --------------------------------------------------------------------------

    def handle_import(self, *, file, dry_run, **options):
        actor = actor_from_options(options)
        if file == "-":
            name, raw = "stdin", sys.stdin.buffer.read()
        else:
            name = file
            try:
                raw = Path(file).read_bytes()
            except OSError as exc:
                raise CommandError(f"Cannot read {file}: {exc.strerror}.") from None
        try:
            sections = geo.validate_sections(raw)
        except geo.GeoDataError as exc:
            raise CommandError(f"{name}: {exc.message}") from None
        existing = {s.code: s for s in BorderSection.objects.all()}
        created = [s["code"] for s in sections if s["code"] not in existing]
        updated = [s["code"] for s in sections if s["code"] in existing]
        untouched = sorted(set(existing) - {s["code"] for s in sections})
        if dry_run:
            self.stdout.write(f"{name}: {len(sections)} sections, no problems (dry run).")
        else:
            with transaction.atomic():
                for s in sections:
                    old = existing.get(s["code"])
                    border.save_section(
                        actor=actor,
                        code=s["code"],
                        name=s["name"],
                        geometry=s["geometry"],
                        description=s["description"] or (old.description if old else ""),
                    )
            self.stdout.write(f"Imported {len(sections)} sections from {name}.")
        verb = "would be" if dry_run else "were"
        for label, codes in (("created", created), ("updated", updated)):
            if codes:
                self.stdout.write(f"  {label} {verb}: {', '.join(codes)}")
        if untouched:
            self.stdout.write(f"  not in the file, left as they are: {', '.join(untouched)}")
        self._check_places({s["code"]: s["geometry"] for s in sections})
        if not dry_run:
            self.stdout.write(
                "Detections filed from now on are placed in the new sections; those filed "
                "before keep the section they were given."
            )

    def _check_places(self, shapes: dict) -> None:
        """Say which gazetteer places fall outside the new geometry of their section."""
        from shapely.geometry import Point

        for place in Place.objects.select_related("section").filter(section__code__in=list(shapes)):
            shape = geo.section_shape(shapes[place.section.code])
            if not shape.covers(Point(place.lon, place.lat)):
                self.stdout.write(
                    f"  note: place {place.name!r} ({place.lat}, {place.lon}) lies outside the "
                    f"new geometry of its section {place.section.code!r}"
                )

    # --- export, show, locate --------------------------------------------------------------

    def handle_export(self, *, output, shipped, **options):
        if shipped:
            sections = list(geo.shipped_sections())
        else:
            sections = [
                {
                    "code": s.code,
                    "name": s.name,
                    "description": s.description,
                    "geometry": s.geometry,
                }
                for s in BorderSection.objects.exclude(geometry__isnull=True).order_by("code")
            ]
        features = [
            {
                "type": "Feature",
                "properties": {
                    "code": s["code"],
                    "name": s["name"],
                    "description": s["description"],
                },
                "geometry": s["geometry"],
            }
            for s in sections
        ]
        text = geo.collection_text(features)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {len(features)} sections to {output}.")
        else:
            self.stdout.write(text, ending="")

    def handle_show(self, **options):
        from shapely.geometry import shape

        line = geo.border_line()
        meta = json.loads(geo.geojson_text("border.geojson"))["features"][0]["properties"]
        length = geo.project(line, *reversed(line.centroid.coords[0])).length / 1000
        self.stdout.write(
            f"Border line: {len(line.coords)} points, {length:.1f} km ({meta['source']})."
        )
        self.stdout.write("Sections:")
        for s in BorderSection.objects.order_by("code"):
            if s.geometry:
                area = f"{s.geometry['type']}, {_area_km2(shape(s.geometry)):,.0f} km²"
            else:
                area = "no geometry"
            places = s.places.count()
            self.stdout.write(
                f"  {s.code:<12} {s.name:<40} {area}; {places} place{'s' if places != 1 else ''}"
            )
        outside = Place.objects.filter(section__isnull=True).values_list("name", flat=True)
        self.stdout.write(
            f"Places: {Place.objects.count()} ({len(outside)} in no section: "
            f"{', '.join(outside) or '—'})."
        )

    def handle_locate(self, *, lat, lon, **options):
        lat, lon = validate_point(lat, lon)
        section, distance = geo.locate(lat, lon, geo.sections_with_geometry())
        where = (
            f"in section {section.code} ({section.name})" if section else "outside every section"
        )
        self.stdout.write(f"{lat}, {lon}: {where}; {distance / 1000:,.1f} km from the border line.")
