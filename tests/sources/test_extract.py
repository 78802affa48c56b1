"""The extractor (pure: text + publication day in, proposed events out)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.sources.extract import extract, normalise, season_period

from .helpers import article

PUBLISHED = date(2025, 8, 25)  # Monday after the crossing; "on Friday" is 22 August


@pytest.fixture(scope="module")
def founding():
    return extract(article(), PUBLISHED).as_dict()


def test_it_reads_the_main_event_of_the_founding_article(founding):
    main = [e for e in founding["events"] if e["role"] == "main"]
    assert len(main) == 1
    e = main[0]
    assert e["when"] == {
        "start": "2025-08-22",
        "end": "2025-08-23",
        "precision": "day",
        "text": "on Friday",
    }
    assert e["places"] == ["Grense Jakobselv"]
    assert (e["country_left"], e["country_entered"]) == ("RU", "NO")
    assert e["people"] == {"count": 1, "lower_bound": False}
    assert e["nationality"] == "RU"
    assert e["affiliation"] == "armed forces"
    assert e["detection"] == ["border_patrol", "uav"]
    assert e["outcomes"] == ["detained", "questioned", "asylum_requested", "referred"]
    assert 0 < e["confidence"] <= 1


def test_it_treats_kirkenes_as_a_reference_point_not_a_place(founding):
    main = founding["events"][0]
    assert "Kirkenes" not in main["places"]
    assert "Finnmark" not in main["places"]  # "Finmark Police County" is the police


def test_it_reads_the_three_earlier_events_with_their_precision(founding):
    previous = [e for e in founding["events"] if e["role"] == "previous"]
    assert [(e["when"]["start"], e["when"]["end"], e["when"]["precision"]) for e in previous] == [
        ("2023-01-01", "2023-02-01", "month"),
        ("2023-02-01", "2024-01-01", "year"),  # "later that year": after January
        ("2023-09-01", "2023-12-01", "season"),
    ]
    wagner, three, autumn = previous
    assert wagner["places"] == ["Pasvik valley"]  # "Pasviko Valley"
    assert wagner["affiliation"] == "Wagner Group"  # "wagner mercenary group"
    assert three["places"] == ["Pasvik valley"]  # "Pasvikas"
    assert three["people"] == {"count": 3, "lower_bound": False}
    assert autumn["places"] == ["Grense Jakobselv"]
    assert autumn["nationality"] == "RU"
    assert all((e["country_left"], e["country_entered"]) == ("RU", "NO") for e in previous)


def test_every_evidence_span_points_into_the_text_as_read(founding):
    text = article()
    spans = [ev for e in founding["events"] for ev in e["evidence"]]
    assert spans
    for ev in spans:
        assert text[ev["start"] : ev["end"]] == ev["text"], ev
    fields = {ev["field"] for ev in founding["events"][0]["evidence"]}
    assert {"event", "when", "places", "people", "nationality", "detection", "outcomes"} <= fields


def test_it_gives_the_source_title_and_publication(founding):
    assert founding["source"] == {
        "title": "Russian soldier Seeks Asylum in Norway,Citing Opposition to Ukraine War",
        "outlet": None,
        "published": "2025-08-25",
    }


def test_without_a_publication_day_a_weekday_gives_precision_unknown():
    facts = extract(article(), None).as_dict()
    main = facts["events"][0]
    assert main["role"] == "main"
    assert main["when"] == {"start": None, "end": None, "precision": "unknown", "text": "on Friday"}
    # absolute dates still resolve
    assert facts["events"][1]["when"]["start"] == "2023-01-01"


def test_the_publication_weekday_itself_is_that_day():
    facts = extract("A Russian man crossed the border near Storskog on Friday.", date(2025, 8, 22))
    assert facts.events[0].when.start == date(2025, 8, 22)


def test_it_copes_with_curly_quotes_missing_spaces_and_lower_case_names():
    text = (
        "police say a russian citizen crossed the border at grense jakobselv on tuesday,"
        "and was detained.He asked for asylum,the police’s spokesman said."
    )
    facts = extract(text, date(2024, 3, 14))
    [e] = facts.events
    assert e.places == ["Grense Jakobselv"]
    assert e.nationality == "RU"
    assert e.when.start == date(2024, 3, 12)
    assert e.outcomes == ["detained", "asylum_requested"]
    for ev in e.evidence:
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    ("spelling", "place"),
    [
        ("Pasviko Valley", "Pasvik valley"),
        ("Pasvikas", "Pasvik valley"),
        ("Korpfjel", "Korpfjell"),  # one letter off: not in the gazetteer
        ("Grense-Jakobselv", "Grense Jakobselv"),
        ("Svanvig", "Svanvik"),
    ],
)
def test_it_recognises_misspelled_places(spelling, place):
    facts = extract(f"Two Russians crossed the border near {spelling} on Sunday.", date(2024, 6, 3))
    assert facts.events[0].places == [place]


def test_it_proposes_nothing_for_a_text_without_crossings():
    text = (
        "The border commissioners met in Kirkenes on Tuesday. No illegal crossings have been "
        "registered this year. Reindeer regularly cross into Finland near Treriksrøysa."
    )
    assert extract(text, date(2024, 4, 18)).events == []


def test_it_reads_an_outbound_attempt_and_an_other_border():
    outbound = extract(
        "A Norwegian man was stopped by border guards at Jakobselva on Saturday night after "
        "trying to cross the river into Russia. He was fined.",
        date(2023, 6, 26),
    ).events[0]
    assert (outbound.country_left, outbound.country_entered) == ("NO", "RU")
    assert outbound.nationality == "NO"
    assert outbound.outcomes == ["charged"]
    finnish = extract(
        "The Finnish Border Guard said a Russian man crossed the border on a snowmobile near "
        "Vartius on Saturday and asked for asylum in Finland.",
        date(2024, 3, 4),
    ).events[0]
    assert (finnish.country_left, finnish.country_entered) == ("RU", "FI")
    assert finnish.places == []


def test_counts_say_whether_they_are_a_lower_bound():
    [e] = extract("At least four people crossed from Russia near Svanvik on Saturday.", None).events
    assert (e.people_count, e.people_lower_bound) == (4, True)
    [e] = extract("More than 50 migrants crossed from Belarus into Poland on Monday.", None).events
    assert (e.people_count, e.people_lower_bound) == (51, True)


def test_seasons_are_meteorological():
    assert season_period("autumn", 2023) == (date(2023, 9, 1), date(2023, 12, 1))
    assert season_period("winter", 2023) == (date(2022, 12, 1), date(2023, 3, 1))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word", ",", ".", "’", "“", "”", " ", "\n", "–", "\u00a0", "Ab", "x,y"]),
        max_size=40,
    )
)
def test_normalising_keeps_a_map_back_to_every_character(parts):
    original = "".join(parts)
    norm = normalise(original)
    assert len(norm.to_original) == len(norm.text) + 1
    for i, ch in enumerate(norm.text):
        source = original[norm.to_original[i]] if norm.to_original[i] < len(original) else ""
        assert ch == " " or ch == source or source in "’“”–\u00a0", (i, ch, source)
    assert norm.to_original == sorted(norm.to_original)
