"""The extractor (pure: text + publication day in, proposed events out)."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.sources.extract import (
    WEEKDAYS,
    _bare_days,
    _calendar_day,
    _weekday_date,
    extract,
    find_affiliations,
    find_counts,
    find_nationalities,
    find_outcomes,
    find_times,
    find_triggers,
    normalise,
    season_period,
    table_cells,
)

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


DATEPARSER = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "REQUIRE_PARTS": []}


@settings(max_examples=150, deadline=None)
@given(
    published=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    weekday=st.sampled_from(WEEKDAYS),
)
def test_weekdays_resolve_as_dateparser_reads_them(published, weekday):
    """The calendar arithmetic that replaced dateparser (1.63) gives its day: the most
    recent such weekday before the publication day, or that day itself."""
    import dateparser

    base = {"RELATIVE_BASE": datetime(published.year, published.month, published.day, 12)}
    found = _weekday_date(weekday, published)
    assert found.strftime("%A").lower() == weekday.lower()
    assert 0 <= (published - found).days < 7
    if found != published:  # (on the day itself dateparser answers a week earlier)
        theirs = dateparser.parse(weekday, languages=["en"], settings=DATEPARSER | base)
        assert theirs.date() == found


@settings(max_examples=150, deadline=None)
@given(year=st.integers(1900, 2100), month=st.integers(1, 12), day=st.integers(1, 31))
def test_a_day_month_and_year_resolve_as_dateparser_reads_them(year, month, day):
    """No such day ("31 April", "29 February 2023") is None, as dateparser has it."""
    import dateparser

    phrase = f"{day} {date(2000, month, 1):%B} {year}"
    theirs = dateparser.parse(phrase, languages=["en"], settings=DATEPARSER)
    assert _calendar_day(year, month, day) == (theirs.date() if theirs else None)


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
    from borderwatch.sources import learned

    # the rules' reading: the keep decision retrained at 1.67 rates this lone sentence with
    # no publication day under its threshold (a text of one sentence has few of the
    # features it weighs; docs/EXTRACTION.md, "What 1.67 changed")
    with learned.use(_without_keep()):
        [e] = extract(
            "At least four people crossed from Russia near Svanvik on Saturday.", None
        ).events
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


# --- 1.1: constructions the held-out rounds showed the rules had not generalised to -------

THURSDAY = date(2025, 3, 20)  # the publication day of the probes below


def _events(text, published=THURSDAY):
    facts = extract(text, published)
    for e in facts.events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text, ev
    return facts.events


def test_a_sentence_that_pairs_people_with_days_gives_one_event_per_pair():
    first, second = _events(
        "Border guards detained two men on Monday and a woman on Wednesday near Storskog "
        "after they crossed from Russia."
    )
    assert (first.when.start, first.people_count) == (date(2025, 3, 17), 2)
    assert (second.when.start, second.people_count) == (date(2025, 3, 19), 1)
    for e in (first, second):  # what the sentence says outside the list goes to both
        assert e.places == ["Storskog"]
        assert e.detection == ["border_patrol"] and e.outcomes == ["detained"]
        assert (e.country_left, e.country_entered) == ("RU", "NO")
    assert [e.role for e in (first, second)] == ["main", "previous"]


def test_an_elided_verb_and_place_carry_over_to_the_next_pair():
    syrians, iraqi = _events(
        "Two Syrians crossed near Svanvik on Monday and an Iraqi man on Wednesday."
    )
    assert (syrians.nationality, syrians.people_count) == ("SY", 2)
    assert (iraqi.nationality, iraqi.people_count, iraqi.places) == ("IQ", 1, ["Svanvik"])


def test_a_list_after_a_colon_replaces_the_total():
    somali, iraqi = _events(
        "The Finnish Border Guard said on Monday that two men crossed from Russia into Finland "
        "near Salla during the weekend: a Somali citizen on Saturday and an Iraqi on Sunday. "
        "Both asked for asylum."
    )
    assert (somali.when.start, somali.nationality, somali.people_count) == (
        date(2025, 3, 15),
        "SO",
        1,
    )
    assert (iraqi.when.start, iraqi.nationality, iraqi.people_count) == (date(2025, 3, 16), "IQ", 1)
    assert somali.outcomes == iraqi.outcomes == ["asylum_requested"]
    assert (iraqi.country_left, iraqi.country_entered) == ("RU", "FI")


def test_one_person_with_two_days_stays_one_event():
    [e] = _events("A man crossed on Friday and was found by a patrol on Saturday near Svanvik.")
    assert e.when.start == date(2025, 3, 14)


def test_from_a_country_after_the_person_is_the_nationality_not_the_direction():
    [e] = _events(
        "A family of five from Iraq crossed the border from Russia near Kuusamo on Sunday."
    )
    assert (e.nationality, e.people_count, e.country_left) == ("IQ", 5, "RU")
    assert e.country_entered != "IQ"
    [e] = _events(
        "A man who arrived from Russia was detained at Storskog on Monday. He is from Afghanistan."
    )
    assert e.nationality == "AF"
    [e] = _events("Two men who came from Russia were detained near Vaggetem on Monday.")
    assert e.nationality is None


def test_more_nationalities_and_groups_named_together():
    [e] = _events(
        "A Sri Lankan man and a Bangladeshi woman crossed from Belarus into Lithuania on Friday."
    )
    assert (e.nationality, e.people_count) == ("LK", 2)
    [e] = _events(
        "A man from Afghanistan and his son crossed the border near Storskog on 11 March."
    )
    assert (e.nationality, e.people_count) == ("AF", 2)


def test_court_and_publication_dates_are_not_the_crossing_date():
    [e] = _events(
        "A Russian man who crossed the border near Grense Jakobselv on the night to Sunday was "
        "sentenced on Tuesday to 20 days in prison."
    )
    assert e.when.start == date(2025, 3, 15)  # the night to Sunday began on Saturday
    [e] = _events("The court heard on Monday that the man crossed the border at Storskog on 14.03.")
    assert (e.when.start, e.when.precision) == (date(2025, 3, 14), "day")
    [e] = _events(
        "A Norwegian man was sentenced by the district court on Tuesday for trying to cross the "
        "border into Russia near Grense Jakobselv in February."
    )
    assert (e.when.start, e.when.precision) == (date(2025, 2, 1), "month")


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("two weeks ago", date(2025, 3, 6)),
        ("three days ago", date(2025, 3, 17)),
        ("last Thursday", date(2025, 3, 13)),  # said on a Thursday: the week before
        ("on Thursday", date(2025, 3, 20)),
        ("on March 3rd", date(2025, 3, 3)),
        ("on the 3rd of March", date(2025, 3, 3)),
        ("on 14/03", date(2025, 3, 14)),
        ("in the night to 12 March", date(2025, 3, 11)),
        ("on the night between Saturday and Sunday", date(2025, 3, 15)),
    ],
)
def test_relative_and_numeric_days(phrase, day):
    [e] = _events(f"A Russian man crossed the border near Svanvik {phrase}.")
    assert (e.when.start, e.when.precision) == (day, "day")


def test_a_time_counted_from_the_event_before():
    first, second = _events(
        "Two men were detained near Skogfoss on Friday after crossing from Russia. A week "
        "earlier, a woman crossed near Nyrud."
    )
    assert second.when.start == first.when.start - timedelta(days=7)
    assert second.role == "previous"


def test_numbers_with_dots_after_at_are_times_of_day():
    [e] = _events("A man crossed the border near Svanvik at 14.03 on Monday.")
    assert e.when.start == date(2025, 3, 17)


@pytest.mark.parametrize(
    ("spelling", "place"),
    [
        ("the Pasvik-river", "Pasvikelva"),
        ("Pasvikelven", "Pasvikelva"),
        ("the Jakobselv river", "Jakobselva"),
        ("Skroeytnes", "Skrøytnes"),
        ("Svnavik", "Svanvik"),  # two letters swapped
        ("Treriksröysä", "Treriksrøysa"),  # Swedish and Finnish letters
    ],
)
def test_norwegian_and_odd_forms_of_places(spelling, place):
    [e] = _events(f"Two Russians crossed near {spelling} on Sunday.")
    assert e.places == [place]


def test_lower_case_misspelling_after_a_preposition():
    [e] = _events("two russian men crossed the border near skogfos on saturday night.")
    assert e.places == ["Skogfoss"]


@pytest.mark.parametrize(
    ("words", "place"),
    [
        ("at store skog", "Storskog"),
        ("at grense jakob selv", "Grense Jakobselv"),
        ("at ny rud", "Nyrud"),
        ("over the frozen jakob selva", "Jakobselva"),
        ("at svan vik", "Svanvik"),
    ],
)
def test_a_place_heard_as_separate_words(words, place):
    # a transcript's spelling: the words run together are a spelling, or one letter off
    [e] = _events(f"A man crossed the border {words} on Sunday and asked for asylum.")
    assert e.places == [place]


def test_separate_words_that_make_no_place_are_not_one():
    text = "A man crossed the border on Sunday.\r\nThe store skipped no tasks in the valley"
    [e] = _events(text)
    assert e.places == []


def test_places_that_are_a_destination_or_an_origin_are_not_where_it_happened():
    [e] = _events(
        "Two persons crossed south of Svanvik on Monday and were apprehended on the road to "
        "Skogfoss."
    )
    assert e.places == []
    [e] = _events(
        "A Russian conscript crossed into Norway near Skrøytnes on Sunday. He said he had "
        "deserted from his unit in Pechenga."
    )
    assert e.places == ["Skrøytnes"]


def test_affiliation_from_another_sentence_and_not_from_the_captors():
    [e] = _events(
        "A man crossed the border near Korpfjell on Sunday. According to police, he is a former "
        "officer in the Russian army."
    )
    assert e.affiliation == "armed forces"
    [e] = _events("A Russian man crossed near Svanvik on Sunday and was detained by soldiers.")
    assert e.affiliation is None
    [e] = _events(
        "A Russian family crossed at Storskog on Sunday. They feared the father would be mobilised."
    )
    assert e.affiliation is None


def test_the_same_man_keeps_who_he_is():
    news, earlier = _events(
        "A Norwegian man was stopped near Grense Jakobselv on Tuesday after trying to cross into "
        "Russia.\n\nIn 2022, the same man crossed the border at Storskog and was returned."
    )
    assert earlier.nationality == "NO"
    assert (earlier.country_left, earlier.country_entered) == ("NO", "RU")


def test_counts_of_attempts_and_purposes_are_not_events():
    assert (
        _events("In the last 24 hours, 42 attempts to cross the border illegally were prevented.")
        == []
    )
    assert _events("The fence is meant to stop large groups from crossing.") == []
    [e] = _events(
        "Lithuanian border guards turned back 23 migrants who tried to enter the country from "
        "Belarus over the weekend. On Saturday night, a Sri Lankan man who had crossed the "
        "border near Druskininkai was detained. It is the third crossing this year."
    )
    assert (e.role, e.nationality, e.people_count) == ("main", "LK", 1)
    assert (e.country_left, e.country_entered) == ("BY", "LT")


def test_the_authority_that_found_them_says_which_side():
    first, second = _events(
        "Estonian border guards detained two Russian citizens who crossed the Narva river on 3 "
        "March. On 5 March, another man was detained near Narva after swimming across."
    )
    assert (first.country_left, first.country_entered) == ("RU", "EE")


def test_a_log_entry_is_one_event():
    [e] = _events(
        "27.12 2215 Patrol J1 observes 1 person on the Russian side. No crossing.\n"
        "28.12 0540 Fence sensor alarm sector 7. Tracks in snow from the Jakobselva towards "
        "Grense Jakobselv. Patrol J2 apprehends 1 male near the chapel. Person (Russian "
        "citizen) asks for asylum.\n",
        date(2024, 12, 30),
    )
    assert e.when.start == date(2024, 12, 28)
    assert e.places == ["Jakobselva", "Grense Jakobselv"]
    assert e.detection == ["border_patrol", "sensor"]
    assert e.outcomes == ["detained", "asylum_requested"]


def test_all_persons_after_a_list_of_crossings_goes_to_each():
    friday, sunday = _events(
        "Update on the weekend\n\n"
        "- On Friday evening, three people crossed near Vaggetem. Two of them were found by a "
        "police dog patrol.\n"
        "- On Sunday morning, a woman from Belarus crossed at Svanvik.\n\n"
        "All persons found have been detained.",
        date(2024, 8, 5),
    )
    assert friday.detection == ["police"]
    assert friday.outcomes == sunday.outcomes == ["detained"]
    assert sunday.nationality == "BY"


def test_a_headline_about_a_persons_case_makes_an_old_crossing_the_news():
    [e] = _events(
        "Asylum granted to deserter\n\nThe Directorate of Immigration has granted asylum to a "
        "Russian deserter who crossed into Norway at Korpfjell on 4 November 2024."
    )
    assert e.role == "main"
    [e] = _events(
        "Ten years of the route\n\nA Russian deserter crossed into Norway at Korpfjell on 4 "
        "November 2024."
    )
    assert e.role == "previous"


def test_a_list_that_starts_with_the_day_keeps_each_place_with_its_part():
    monday, tuesday = _events(
        "On Monday, two men crossed near Svanvik and on Tuesday three more near Skogfoss."
    )
    assert (monday.people_count, monday.places) == (2, ["Svanvik"])
    assert (tuesday.people_count, tuesday.places) == (3, ["Skogfoss"])


def test_a_mixed_group_and_a_nationality_said_of_them_afterwards():
    [e] = _events("Three Iraqi men and a Syrian woman were detained near Svanvik on Tuesday.")
    assert (e.people_count, e.nationality) == (4, "IQ")
    friday, saturday = _events(
        "Border guards found a man near Nyrud on Friday. On Saturday a second man was found "
        "near Nyrud. Both are Syrians."
    )
    assert friday.nationality == saturday.nationality == "SY"


def test_of_several_days_the_crossing_takes_the_one_said_with_its_verb():
    [e] = _events(
        "A Russian man was handed over to Russian border guards at Storskog on Friday after he "
        "crossed into Norway near Svanvik on Wednesday."
    )
    assert e.when.start == date(2025, 3, 19)
    assert e.places == ["Svanvik"]  # Storskog is where he was handed back
    assert e.outcomes == ["returned"]


# --- 1.2: mechanisms for the constructions round 4 missed, tried on probes of our own ---


def test_who_found_them_in_other_words():
    [e] = _events(
        "A woman living near Nyrud phoned the police on Tuesday after seeing a man in wet "
        "clothes. A police patrol from Svanvik found the man, who had crossed the Pasvik river."
    )
    assert e.detection == ["police", "public_tip"]
    [e] = _events(
        "On Tuesday the Garrison of Sør-Varanger notified the police that a man had crossed the "
        "border near Storskog. He was detained."
    )
    assert e.detection == ["border_patrol"]
    [e] = _events(
        "On Tuesday the video surveillance system registered two men climbing over the fence "
        "from Belarus. Heat signatures were tracked by the police heli."
    )
    assert e.detection == ["sensor", "helicopter"]
    [e] = _events(
        "On Tuesday soldiers stop a Norwegian man who tries to cross at Grense Jakobselv."
    )
    assert e.detection == ["border_patrol"]
    [e] = _events(
        "On Tuesday a Belarusian woman crossed near Nyrud. She walked to the Pasvik border "
        "station on her own and reported to the soldiers on duty."
    )
    assert (e.detection, e.affiliation) == (["surrendered"], None)


def test_the_crossers_own_words_to_the_police_are_not_a_tip():
    [e] = _events("A Russian man crossed at Storskog on Tuesday. He told police he was a deserter.")
    assert "public_tip" not in e.detection


def test_a_night_with_an_hour_after_midnight_is_the_day_it_runs_into():
    [e] = _events("In the night to Sunday, at about 02:10, two men crossed from Belarus.")
    assert e.when.start == date(2025, 3, 16)
    [e] = _events("In the night to Sunday, shortly after three o'clock, a man crossed from Russia.")
    assert e.when.start == date(2025, 3, 16)
    [e] = _events("In the night to Sunday a man crossed the border from Russia.")
    assert e.when.start == date(2025, 3, 15)  # the night begins on Saturday


def test_a_month_of_last_year():
    [e] = _events("In January last year, a man crossed the frozen river near Skrøytnes.")
    assert (e.when.start, e.when.end, e.when.precision) == (
        date(2024, 1, 1),
        date(2024, 2, 1),
        "month",
    )


def test_a_year_review_with_month_headings():
    text = (
        "The year in review\n\n"
        "FEBRUARY - Two Russians ski across the frozen Pasvik river near Skogfoss. Both ask for "
        "asylum.\n\n"
        "MAY - Soldiers stop a Norwegian woman at the Jakobselva, a few metres from the border.\n\n"
        "In total, the police registered eleven persons crossing the border illegally in 2024.\n\n"
        "On Saturday, border guards detained a young man at Korpfjell who had climbed the fence."
    )
    february, may, saturday = _events(text, date(2024, 12, 30))
    assert (february.when.start, february.when.precision) == (date(2024, 2, 1), "month")
    assert february.people_count == 2 and february.outcomes == ["asylum_requested"]
    assert (may.when.start, may.nationality) == (date(2024, 5, 1), "NO")
    assert (may.country_left, may.country_entered) == ("NO", "RU")
    assert saturday.role == "main"


def test_a_crossing_of_the_last_days_is_the_news_before_one_of_months_ago():
    old, fresh = _events(
        "On 9 October a family of four crossed near Vaggetem. On Saturday a man crossed at "
        "Korpfjell.",
        date(2024, 12, 30),
    )
    assert (old.role, fresh.role) == ("previous", "main")
    [e] = _events("Last spring two brothers crossed the Pasvik river on a raft.", date(2025, 9, 15))
    assert e.role == "previous"  # a season told again months after it ended


def test_a_timeline_entry_with_a_crossing_told_in_passing():
    text = (
        "Timeline\n\n"
        "22.09.2023 - Andrei Medvedev, the former Wagner Group commander who crossed the frozen "
        "Pasvik river into Norway in January 2023, is stopped by police in a taxi at Grense "
        "Jakobselv, apparently on his way back to Russia. He is charged with attempting to "
        "cross the border illegally.\n\n"
        "This week - A 20-year-old conscript crosses the Jakobselva near Grense Jakobselv."
    )
    january, september, this_week = _events(text, None)
    assert (september.when.start, september.places) == (date(2023, 9, 22), ["Grense Jakobselv"])
    assert (september.country_left, september.country_entered) == ("NO", "RU")
    assert september.affiliation == "Wagner Group" and september.outcomes == ["charged"]
    assert september.detection == ["police"]
    assert (january.when.start, january.places) == (date(2023, 1, 1), ["Pasvikelva"])
    assert january.affiliation == "Wagner Group"
    assert (this_week.people_count, this_week.affiliation) == (1, "armed forces")


def test_a_heading_dates_the_entries_below_it():
    text = (
        "BORDER GUARD - OPERATIONS\n"
        "Daily information, 12.06.2024\n\n"
        "Events on the Polish-Belarusian border on 11.06.2024:\n\n"
        "1. At 02:15 a group of about 30 foreigners tried to break through the barrier from the "
        "Belarusian side.\n"
        "2. At 04:30 a patrol detained 4 citizens of Ethiopia who had crossed the border.\n"
    )
    first, second = _events(text, date(2024, 6, 12))
    assert first.when.start == second.when.start == date(2024, 6, 11)
    assert first.people_count == 30 and second.people_count == 4
    assert first.detection == ["border_patrol"]  # the border service's own message


def test_a_log_line_continues_an_entry_of_the_same_day():
    text = (
        "GSV - JARFJORD BORDER STATION\n"
        "02.07 1410 Watchtower reports 2 pers wading the Jakobselva from RU bank. J3 sent.\n"
        "02.07 1455 J3 apprehends both on the road at Grense Jakobselv. Nationality stated: RU. "
        "Both say asylum.\n"
        "03.07 0620 J2 stops 1 pers walking east near the border line. NOR citizen. Turned back.\n"
    )
    crossing, stopped = _events(text, date(2023, 7, 4))
    assert crossing.when.start == date(2023, 7, 2)
    assert (crossing.people_count, crossing.nationality) == (2, "RU")
    assert crossing.places == ["Jakobselva", "Grense Jakobselv"]
    assert crossing.detection == ["border_patrol"]
    assert (stopped.people_count, stopped.nationality) == (1, "NO")
    assert (stopped.country_left, stopped.country_entered) == ("NO", "RU")
    assert stopped.outcomes == ["returned"]


def test_a_feature_tells_the_person_before_the_crossing():
    text = (
        "A knock at the door\n\n"
        "In the loft of her farm in Svanvik sat a young man in a wet jacket.\n\n"
        "That was two weeks ago. Since then the 19-year-old, a Russian conscript, has applied "
        "for asylum. She phoned the police.\n\n"
        "Police believe he swam across the Pasvik river during the night."
    )
    [e] = _events(text, date(2024, 11, 25))
    assert e.when.start == date(2024, 11, 11)
    assert (e.people_count, e.nationality, e.affiliation) == (1, "RU", "armed forces")
    assert e.places == ["Pasvikelva", "Svanvik"]
    assert e.detection == ["public_tip"] and e.outcomes == ["asylum_requested"]


def test_the_noun_picks_the_event_of_a_list_and_all_three_goes_to_both():
    monday, wednesday = _events(
        "Two men crossed the Pasvik river near Svanvik on Monday and a woman near Nyrud on "
        "Wednesday.\n\nThe men are Russian citizens. They were spotted by a border patrol. The "
        "woman, a citizen of Belarus, walked to the border station on her own.\n\n"
        "All three have applied for asylum."
    )
    assert (monday.nationality, monday.detection) == ("RU", ["border_patrol"])
    assert (wednesday.nationality, wednesday.detection) == ("BY", ["surrendered"])
    assert monday.outcomes == wednesday.outcomes == ["asylum_requested"]


def test_the_bank_of_a_river_is_not_a_nationality():
    [e] = _events(
        "On 7 July two men swam across the Narva river from Russia. A patrol detained them on "
        "the Estonian bank. One is a citizen of the Russian Federation. The persons were made "
        "to return to the Russian bank.",
        date(2025, 7, 8),
    )
    assert e.nationality == "RU"
    assert e.outcomes == ["detained", "returned"]


# --- 1.3: the README's nights and weeks, and the constructions round 5 missed -----------


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("in the night to Sunday", date(2025, 3, 15), date(2025, 3, 17)),
        ("during the night between Saturday and Sunday", date(2025, 3, 15), date(2025, 3, 17)),
        ("in the night from Friday to Saturday", date(2025, 3, 14), date(2025, 3, 16)),
        ("in the night of 14 to 15 March", date(2025, 3, 14), date(2025, 3, 16)),
        ("in the night to 12 March", date(2025, 3, 11), date(2025, 3, 13)),
        ("in the night to Sunday, at about 02:10", date(2025, 3, 16), date(2025, 3, 17)),
        ("in the night to Sunday, at 23.30", date(2025, 3, 15), date(2025, 3, 16)),
        ("at 23:30 in the night between Saturday and Sunday", date(2025, 3, 15), date(2025, 3, 16)),
        ("on Saturday night", date(2025, 3, 15), date(2025, 3, 16)),
        ("last week", date(2025, 3, 10), date(2025, 3, 17)),
        ("earlier this week", date(2025, 3, 17), date(2025, 3, 21)),
        ("over the weekend", date(2025, 3, 15), date(2025, 3, 17)),
        ("last weekend", date(2025, 3, 15), date(2025, 3, 17)),
    ],
)
def test_nights_weeks_and_weekends_are_periods_of_days(phrase, start, end):
    [e] = _events(f"A Russian man crossed the border near Svanvik {phrase}.")
    assert (e.when.start, e.when.end, e.when.precision) == (start, end, "day")


@pytest.mark.parametrize(
    "phrase", ["in the night to Sunday", "last week", "this week", "over the weekend"]
)
def test_without_a_publication_day_nights_and_weeks_are_unknown(phrase):
    [e] = _events(f"A Russian man crossed the border near Svanvik {phrase}.", None)
    assert (e.when.start, e.when.end, e.when.precision) == (None, None, "unknown")


def test_a_weekend_said_on_a_sunday_and_a_week_said_on_a_monday():
    [e] = _events("A man crossed near Nyrud over the weekend.", date(2025, 3, 23))
    assert (e.when.start, e.when.end) == (date(2025, 3, 22), date(2025, 3, 24))
    [e] = _events("A man crossed near Nyrud this week.", date(2025, 3, 17))
    assert (e.when.start, e.when.end) == (date(2025, 3, 17), date(2025, 3, 18))


def test_a_day_told_later_narrows_a_week_to_that_day():
    [e] = _events(
        "A Russian man crossed into Norway near Svanvik earlier this week. He was spotted on "
        "Tuesday evening by a border patrol."
    )
    assert (e.when.start, e.when.end) == (date(2025, 3, 18), date(2025, 3, 19))
    [e] = _events(
        "A Finnish hunter spent two nights in Russian custody this week. He crossed into Russia "
        "on Tuesday afternoon."
    )
    assert e.when.start == date(2025, 3, 18)


def test_a_count_over_the_weekend_and_a_body_found_last_week_are_not_events():
    assert not _events(
        "Border guards turned back 23 migrants who tried to enter from Belarus over the weekend."
    )
    assert not _events("Last week, a Syrian man was found dead near the border fence.")


def test_the_time_of_a_decision_or_a_plan_is_not_the_crossings():
    [e] = _events(
        "He crossed the Jakobselva in the spring of 2024. Last week the Directorate of "
        "Immigration granted him asylum."
    )
    assert (e.when.start, e.when.precision) == (date(2024, 3, 1), "season")
    assert e.outcomes == ["granted"]
    [e] = _events(
        "A Russian man crossed into Norway at Korpfjell in May 2024. He was to be escorted back "
        "through Storskog in October, but went on his own."
    )
    assert e.when.start == date(2024, 5, 1)


def test_a_reports_day_dates_its_entries_of_an_hour():
    text = (
        "POLICE AND BORDER GUARD BOARD (PPA)\n"
        "Border situation report, 17.09.2025\n\n"
        "1. Narva. At 04.20 a patrol detained a man who had swum across the river. He applied "
        "for international protection; the application was forwarded to the migration "
        "bureau.\n\n"
        "2. Lake Peipus. At about 11.00 a camera detected a motorboat leaving the shore towards "
        "the Russian part of the lake. A patrol boat stopped the boat. The two men on board "
        "were fined for attempted illegal crossing.\n"
    )
    swimmer, boat = _events(text, date(2025, 9, 18))
    assert swimmer.when.start == boat.when.start == date(2025, 9, 17)
    assert (swimmer.country_left, swimmer.country_entered) == ("RU", "EE")  # the PPA's side
    assert swimmer.outcomes == ["detained", "asylum_requested", "referred"]
    assert (boat.country_left, boat.country_entered) == ("EE", "RU")
    assert boat.people_count == 2 and boat.outcomes == ["charged"]
    assert "border_patrol" in boat.detection
    # the camera is the rules' finding; the learned detection decision retrained at 1.65
    # rates it 0.500 against 0.5 for an event that is not the text's main one
    from borderwatch.sources import learned

    with learned.use(None):
        _, boat = _events(text, date(2025, 9, 18))
    assert "sensor" in boat.detection


def test_a_count_of_the_day_dates_the_entries_below_it():
    text = (
        "STRAŻ GRANICZNA - PODLASKI UNIT\n"
        "24-hour summary\n\n"
        "Yesterday there were 80 attempts to cross the border illegally.\n\n"
        "Kuźnica: at about 02:00 a group of 9 foreigners crossed the barrier using a ladder. "
        "They were escorted back to the border line.\n\n"
        "Czeremcha: in the afternoon a Belarusian soldier came to the barrier and asked the "
        "patrol for protection.\n"
    )
    group, soldier = _events(text, date(2025, 6, 17))
    assert group.when.start == soldier.when.start == date(2025, 6, 16)
    assert (group.country_left, group.country_entered) == ("BY", "PL")
    assert group.outcomes == ["returned"]
    assert (soldier.people_count, soldier.nationality) == (1, "BY")
    assert soldier.detection == ["surrendered"]


def test_questions_thought_experiments_and_nobody_in_particular_are_not_events():
    assert not _events("Q&A: What happens after someone crosses the border from Russia?")
    assert not _events(
        "Imagine a Friday in March. A bus stops at Storskog and forty people walk across."
    )
    assert not _events("Seven times in 2024 someone crossed the border outside Storskog.")
    assert not _events("Most of those who crossed applied for asylum, the police said.")
    assert not _events("It was at least the fourth unauthorised crossing of the border this year.")


def test_a_crossing_named_in_a_charge_is_the_one_told_after_it():
    [e] = _events(
        "The district court on Tuesday fined a 41-year-old Russian man for crossing the border "
        "outside Storskog. According to the judgment, the man waded across the Pasvikelva at "
        "Nyrud in the early hours of 2 May last year.",
        date(2025, 3, 20),
    )
    assert e.when.start == date(2024, 5, 2)
    assert (e.nationality, e.outcomes) == ("RU", ["charged"])
    assert e.places == ["Pasvikelva", "Nyrud"]  # "outside Storskog" is not where


def test_the_same_place_and_who_was_named_with_the_time():
    first, second, third = _events(
        "On 2 March a man crossed the frozen Pasvikelva at Skogfoss. Three days later a second "
        "man crossed at the same place.\n\n"
        "And on 14 March a Norwegian woman went the other way. She crossed the Jakobselva into "
        "Russia and was detained.",
    )
    assert second.places == first.places == ["Pasvikelva", "Skogfoss"]
    assert second.when.start == date(2025, 3, 5)
    assert (third.nationality, third.country_left, third.country_entered) == ("NO", "NO", "RU")


def test_a_time_then_the_person_in_focus_is_a_later_step():
    [e] = _events(
        "A Finnish herder crossed into Russia on Tuesday. On Thursday he was handed back to the "
        "Finnish Border Guard."
    )
    assert e.when.start == date(2025, 3, 18)
    assert e.outcomes == ["returned"]
    assert (e.country_left, e.country_entered) == ("FI", "RU")  # a neighbour's citizen


def test_early_mid_and_late_in_a_month():
    # the month itself (the corpus's convention: "early/late September" is the month)
    for phrase, start, end in [
        ("In late February", date(2025, 2, 1), date(2025, 3, 1)),
        ("In mid-January", date(2025, 1, 1), date(2025, 2, 1)),
        ("In early March 2024", date(2024, 3, 1), date(2024, 4, 1)),
    ]:
        [e] = _events(f"{phrase} a man crossed the border near Nyrud.")
        assert (e.when.start, e.when.end, e.when.precision) == (start, end, "month")


def test_more_ways_to_cross_and_to_say_where_to():
    [e] = _events("On Monday a patrol stopped four men who had climbed the border fence.")
    assert e.people_count == 4
    [e] = _events("On Monday a Lithuanian citizen tried to drive into Belarus on a forest road.")
    assert (e.country_left, e.country_entered) == ("LT", "BY")
    from borderwatch.sources import learned

    # the rules' reading: the keep decision vetoes so bare an event of years ago (it tells
    # no one's number, nationality or fate)
    with learned.use(_without_keep()):
        [e] = _events("In 2019 a herder followed his reindeer into Russia near Nellim.")
    assert e.when.start == date(2019, 1, 1)
    [e] = _events("The couple tried to reach Finland near Salla in winter 2024.")
    assert e.country_entered == "FI"


def test_who_called_and_whose_newspaper():
    [e] = _events(
        "- She could not speak. I let them in and called the police, Aslaksen tells Sør-Varanger "
        "Avis.\n\nThe police confirm that the family crossed from the Russian side near "
        "Vaggetem on Sunday. The case is sent over to the Police Immigration Service (PU)."
    )
    assert e.detection == ["public_tip"]  # "not" in the sentence before negates nothing
    assert e.places == ["Vaggetem"]  # a newspaper's name is no place
    assert e.outcomes == ["referred"]
    [e] = _events(
        "A man crossed near Nyrud on Sunday. We got the call from a resident at 04.41, the "
        "police said."
    )
    assert e.detection == ["public_tip"]


def test_a_dateline_and_a_pair_of_countries_are_neither_time_nor_nationality():
    [e] = _events(
        "OSLO, Mar 20 - Three men were arrested early on Tuesday after slipping past the barrier "
        "at Storskog on the Norwegian-Russian border. Police listed them as AF citizens."
    )
    assert e.when.start == date(2025, 3, 18)
    assert (e.nationality, e.country_left, e.country_entered) == ("AF", "RU", "NO")


def test_an_outbound_crossing_at_a_crossing_point_and_where_they_wanted_to_go():
    [e] = _events(
        "On Saturday a man was stopped by police at Storskog border station on his way to "
        "Russia. He is a Norwegian citizen and resident in Sør-Varanger, and wanted to visit a "
        "friend in Nikel. Police issued a fine of NOK 12 000, which he accepted."
    )
    assert e.places == ["Storskog"]
    assert (e.country_left, e.country_entered) == ("NO", "RU")
    assert "charged" in e.outcomes


def test_who_was_named_with_the_time_goes_with_the_crossing_after_it():
    [e] = _events(
        "It is just like that Wagner fellow in 2023. He came over the ice at Skrøytnes and knocked "
        "on a door."
    )
    assert (e.when.start, e.affiliation, e.places) == (
        date(2023, 1, 1),
        "Wagner Group",
        ["Skrøytnes"],
    )


def test_the_river_and_the_valley_the_text_has_named():
    from borderwatch.sources import learned

    # the rules' reading (the learned places decision, trained on the 2,036 dev texts of
    # 1.61, rates "the valley" 0.49 here: on the line, and not what this test is about)
    with learned.use(None):
        first, second = _events(
            "Two men waded across the Pasvik river into Norway on Tuesday.\n\n"
            "Crossings in the Pasvik valley are rare. In January 2023 a former Wagner commander "
            "crossed the frozen river further north in the valley."
        )
    assert set(second.places) == {"Pasvikelva", "Pasvik valley"}


def test_a_police_officer_who_saw_them():
    [e] = _events(
        "On Monday a man walked through the forest around Storskog. A police officer at the "
        "border control saw the man among the trees and stopped him."
    )
    assert e.detection == ["police"]


def test_stamps_after_a_weekday_and_a_feeds_timestamps():
    text = (
        "GRENSESTASJON - VAKTJOURNAL\n"
        "Week 12, 2025\n\n"
        "Man 17.03 2245  Patrol observes footprints at Skrøytnes. Helicopter requested.\n"
        "Tir 18.03 0115  Helicopter finds 1 person with thermal camera. Male, BY citizen, says "
        "he swam over. Detained.\n"
    )
    [e] = _events(text)
    assert (e.when.start, e.nationality, e.people_count) == (date(2025, 3, 18), "BY", 1)
    text = (
        "GSV OPS - INCIDENT FEED\n\n"
        "2025-03-15T02:14:09+01:00 | Thermal camera: 2 PAX crossing border clearing W-bound.\n"
        "2025-03-15T03:30:12+01:00 | PAX ID: nationality IN (both). Both claim asylum.\n"
    )
    [e] = _events(text)
    assert (e.when.start, e.people_count, e.nationality) == (date(2025, 3, 15), 2, "IN")
    assert e.outcomes == ["asylum_requested"]


# --- 1.4: the constructions round 6 missed, each tried on sentences of our own -----------


def test_an_hour_at_the_head_of_a_press_releases_paragraph_goes_on_with_the_story():
    [e] = _events(
        "FINNMARK POLICE DISTRICT\nPress release, 20 March 2025\n\n"
        "A woman was detained at Svanvik yesterday evening after crossing the Pasvik river "
        "from Russia.\n\n"
        "At about 21:05, soldiers on patrol saw a person rowing across the river. A police "
        "helicopter was called out, and a border patrol found the woman in the forest.\n\n"
        "The woman is a citizen of Georgia. She has asked for protection."
    )
    assert e.when.start == date(2025, 3, 19)
    assert (e.nationality, e.affiliation) == ("GE", None)
    assert e.detection == ["border_patrol", "helicopter"]
    assert e.outcomes == ["detained", "asylum_requested"]


def test_a_numbered_entry_with_an_hour_is_still_an_entry_of_its_own():
    first, second = _events(
        "BORDER GUARD SERVICE - DAILY REPORT\nReport, 20 March 2025\n\n"
        "1. Vaalimaa. At about 10.15 a patrol detained two men who had crossed the border "
        "from Russia.\n\n"
        "2. Imatra. At about 16.40 a camera saw a woman cross the border; she was detained."
    )
    assert (first.people_count, second.people_count) == (2, 1)


def test_a_log_dated_in_its_header_and_the_trail_that_leads_to_the_finding():
    text = (
        "GSV SKOGFOSS - DUTY LOG\nDATE: 19.03.2025   OFFICER: SGT HANSEN\n\n"
        "0210  Thermal cam Skogfoss: 1 pers moving E across Pasvikelva ice from RU bank.\n"
        "0214  Ops informed. P2 dispatched.\n"
        "0240  P2 apprehends 1 pers on NO bank. Female, states BY cit. No resistance.\n"
        "0300  Pers taken over by police.\n"
    )
    [e] = _events(text)
    assert (e.when.start, e.when.precision) == (date(2025, 3, 19), "day")
    assert set(e.places) == {"Skogfoss", "Pasvikelva"}
    assert (e.nationality, e.people_count) == ("BY", 1)
    assert e.detection == ["border_patrol", "sensor"]


def test_a_trail_stops_at_a_line_that_found_animals():
    text = (
        "GSV SKOGFOSS - DUTY LOG\nDATE: 19.03.2025\n\n"
        "0110  Fence alarm at Nyrud. Tracks of 2 reindeer. No border violation.\n"
        "0240  P2 apprehends 1 pers at Skogfoss. Male, states RU cit.\n"
    )
    [e] = _events(text)
    assert e.places == ["Skogfoss"]
    assert "sensor" not in e.detection


def test_a_lower_case_log_line_with_an_hour_is_no_heading():
    text = (
        "gsv jarfjord grensestasjon, vaktjournal 18.03.2025\n\n"
        "0310 obs 3 pers at skrøytnes, ru bank of the river, moving twd river\n"
        "0316 3 pers cross river on ice, now on no side\n"
        "0340 3 pers apprehended by patrol 2. all state af cit\n"
    )
    [e] = _events(text)
    assert (e.when.start, e.people_count, e.nationality) == (date(2025, 3, 18), 3, "AF")
    assert e.places == ["Skrøytnes"]
    assert e.outcomes == ["detained"]


@pytest.mark.parametrize(
    ("line", "start", "end", "precision"),
    [
        (
            "2019, March - A Syrian man crosses the border at Storskog.",
            "2019-03-01",
            "2019-04-01",
            "month",
        ),
        (
            "2021, 4 May - A Syrian man crosses the border at Storskog.",
            "2021-05-04",
            "2021-05-05",
            "day",
        ),
        (
            "2020, winter - A Syrian man crosses the border at Storskog.",
            "2019-12-01",
            "2020-03-01",
            "season",
        ),
    ],
)
def test_a_timelines_year_before_its_month_day_or_season(line, start, end, precision):
    [e] = _events("A timeline\n\n" + line)
    assert (e.when.start.isoformat(), e.when.end.isoformat(), e.when.precision) == (
        start,
        end,
        precision,
    )


def test_a_timelines_entry_of_a_day_is_not_the_crossing_of_its_month():
    first, second = _events(
        "A timeline\n\n"
        "2016, January - An Afghan man crosses the Jakobselva.\n\n"
        "2016, 20 January - Norway closes the route; arrivals at Storskog stop.\n\n"
        "2018, June - Two men cross the Pasvik river at Svanvik. Both are refused in 2019."
    )
    assert first.places == ["Jakobselva"]
    assert (second.places, second.outcomes) == (["Pasvikelva", "Svanvik"], ["refused"])


def test_a_review_or_timeline_has_news_only_of_the_last_days():
    events = _events(
        "The year in review\n\n"
        "February - A Russian man crosses the Pasvik river at Svanvik.\n\n"
        "October - Two men are detained at Korpfjell after crossing the border.",
        date(2025, 12, 30),
    )
    assert [e.role for e in events] == ["previous", "previous"]


def test_a_headline_in_the_present_tells_the_crossing():
    [e] = _events(
        "Father and son cross river into Pasvik valley\n\n"
        "Police say a Russian man and his 9-year-old son crossed the river in a boat on "
        "Tuesday."
    )
    assert "Pasvik valley" in e.places
    assert e.people_count == 2


def test_the_same_day_in_other_words_is_the_same_crossing_and_the_same_day_another():
    [e] = _events(
        "Two men were detained at Svanvik on Tuesday after crossing the river.\n\n"
        "18 March 2025 - Two Russian men cross the Pasvik river and are detained at Svanvik."
    )
    assert e.when.start == date(2025, 3, 18)
    events = _events(
        "On 18 March two men crossed the border at Svanvik. On the same day a woman tried to "
        "cross at Storskog."
    )
    assert len(events) == 2


def test_the_crossings_own_days_within_the_month_said_first():
    [e] = _events(
        "A Russian man who crossed the Jakobselva in February was fined on Monday.\n\n"
        "He told the court he swam over on the night of 3 to 4 February."
    )
    assert (e.when.start, e.when.end, e.when.precision) == (
        date(2025, 2, 3),
        date(2025, 2, 5),
        "day",
    )


def test_an_attempt_stopped_on_the_side_it_left_keeps_its_place():
    [e] = _events(
        "A Norwegian man was fined on Monday for trying to cross into Russia. A border patrol "
        "stopped him on the bank of the Pasvik river at Vaggetem on 2 March."
    )
    assert e.places == ["Pasvikelva", "Vaggetem"]
    assert (e.country_left, e.country_entered) == ("NO", "RU")


def test_what_is_neither_said_nor_certain_is_not_a_fact():
    [e] = _events(
        "Two Russian men crossed the border at Svanvik on Tuesday and were detained. The "
        "police would not say whether they had served in the Russian army, and have not "
        "decided whether they will be charged. Their lawyer says they could be sent back."
    )
    assert e.affiliation is None
    assert e.outcomes == ["detained"]


def test_soldiers_who_found_them_are_not_who_crossed():
    [e] = _events(
        "Soldiers at the Norwegian observation post on Korpfjell saw a Tajik man cross the "
        "border on Tuesday. One soldier was later praised for it."
    )
    assert (e.nationality, e.affiliation) == ("TJ", None)
    assert e.detection == ["border_patrol"]
    [e] = _events("Soldiers detain Iranian\n\nA man crossed the river at Nyrud on Tuesday.")
    assert e.affiliation is None
    [e] = _events("A Russian soldier crossed the border at Svanvik on Tuesday.")
    assert e.affiliation == "armed forces"


def test_tallies_and_classes_are_not_events():
    [e] = _events(
        "LATVIA - DAILY SITUATION\n\n"
        "Yesterday border guards detained four citizens of Iraq who had crossed the border "
        "from Belarus.\n\n"
        "Three criminal proceedings were opened in the past 24 hours."
    )
    assert "charged" not in e.outcomes
    assert (
        _events(
            "She is one of a handful of Afghans who have crossed the border at Storskog since "
            "2022. They came over the mountains."
        )
        == []
    )


def test_a_neighbours_call_and_a_call_of_ones_own():
    [e] = _events(
        '"A farmer saw three people walking along the fence at dawn and called us," the '
        "police said. They had crossed the river at Svanvik on Tuesday."
    )
    assert e.detection == ["public_tip"]
    [e] = _events(
        "A man crossed the Pasvik river at Skogfoss on Tuesday. On the bank he used his own "
        "phone to call the police."
    )
    assert e.detection == ["surrendered"]


def test_places_that_are_not_where_it_happened():
    [e] = _events(
        "Two men crossed the Jakobselva at Grense Jakobselv on Tuesday. They are being "
        "questioned in Kirkenes; one wanted to reach relatives in Murmansk."
    )
    assert e.places == ["Jakobselva", "Grense Jakobselv"]
    [e] = _events(
        "kirkenes (nnw) - a man walked around the barrier at storskog border station "
        "yesterday,police said."
    )
    assert e.places == ["Storskog"]


def test_where_a_caller_lives_a_lower_case_dateline_and_the_side_crossed_from():
    [e] = _events(
        "A Ukrainian crossed the border at Vaggetem on Sunday. A resident of the Pasvik valley "
        "called the police after seeing him on the road."
    )
    assert e.places == ["Vaggetem"]
    [e] = _events(
        "kirkenes,norway,29.04.2025 (NPA) - a man who crossed from russia on sunday was stopped "
        "by police on the road at grense jakobselv."
    )
    assert e.places == ["Grense Jakobselv"]
    [e] = _events(
        "A Norwegian was detained by Russian border guards after he crossed the border "
        "illegally from the Pasvik valley on Saturday."
    )
    assert e.places == ["Pasvik valley"]
    [e] = _events("A man from Nikel crossed the border on Saturday and asked for asylum.")
    assert e.places == []


def test_a_places_candidate_knows_who_was_found_there_and_what_else_the_event_names():
    from borderwatch.sources import learned

    with learned.capture():
        [e] = extract(
            "Man crossed in Sør-Varanger\n\nOn Friday a man crossed the river at Vaggetem. He "
            "was detained by the police at a farm in the Pasvik valley.",
            date(2025, 3, 7),
        ).events
    feats = {value: set(f) for value, f in e.learning["places"]}
    assert {"title:own", "title:region"} <= feats["Sør-Varanger"]
    assert "found_before" in feats["Pasvik valley"]
    assert "found_before" not in feats["Vaggetem"]


def test_a_when_clause_takes_the_place_of_the_clause_before():
    _, second = _events(
        "Two Syrians asked for asylum at Storskog on Tuesday. They are the first asylum "
        "seekers at Storskog since 2 January, when an Iraqi man came to the passport control."
    )
    assert second.when.start == date(2025, 1, 2)
    assert second.places == ["Storskog"]


def test_a_river_named_after_its_valley():
    [e] = _events("A man crossed the Pasvikas river at Skogfoss on Tuesday.")
    assert e.places == ["Pasvikelva", "Skogfoss"]


def test_detained_by_police_when_nobody_else_found_them():
    [e] = _events(
        "A man walked across the border at Storskog yesterday and was detained by police."
    )
    assert e.detection == ["police"]
    [e] = _events(
        "A camera saw a man cross the border at Storskog yesterday; he was detained by police."
    )
    assert e.detection == ["sensor"]


def test_a_foreigner_at_a_norwegian_place_goes_between_norway_and_russia():
    [e] = _events(
        "A Ukrainian man was stopped on Tuesday as he waded across the Jakobselva towards the "
        "Russian bank at Grense Jakobselv."
    )
    assert (e.country_left, e.country_entered) == ("NO", "RU")
    assert e.places == ["Jakobselva", "Grense Jakobselv"]


def test_more_cues_of_round_6():
    [e] = _events(
        "On Tuesday a young Syrian tried to force the border fence near Storskog. He was "
        "transferred to a reception centre for processing by the Norwegian Directorate of "
        "Immigration."
    )
    assert (e.nationality, e.outcomes) == ("SY", ["referred"])
    assert e.people_count == 1


def test_soldiers_on_duty_at_a_post_and_a_negation_that_ends_with_its_line():
    [e] = _events(
        "Soldiers on duty at the border post stopped two Syrians who had crossed the river at "
        "Svanvik on Monday."
    )
    assert (e.affiliation, e.detection, e.nationality) == (None, ["border_patrol"], "SY")
    text = (
        "GSV SVANVIK - LOG 19.03.2025\n"
        "0420 1 pers swims across river at Skogfoss, no further pers seen\n"
        "0431 1 pers apprehended by P3. states SY national\n"
    )
    [e] = _events(text)
    assert (e.nationality, e.outcomes) == ("SY", ["detained"])


# 1.5: conventions of the README and patterns of English that recur across writers


def test_those_who_came_forward_or_were_reported_were_not_found_by_the_guards():
    [e] = _events(
        "On Monday a Russian man walked up to a border patrol near Svanvik and turned himself "
        "in. He asked for asylum."
    )
    assert e.detection == ["surrendered"]
    [e] = _events(
        "On Monday a farmer in Vaggetem called the police after two men knocked on his door. "
        "A patrol picked them up an hour later; they had crossed the Pasvik river."
    )
    assert e.detection == ["public_tip"]
    # arriving at a crossing point and asking for protection there
    [e] = _events(
        "On Monday evening a man from Iraq came on foot from the Russian side to the Storskog "
        "border station and asked for asylum."
    )
    assert (e.detection, e.when.start) == (["surrendered"], date(2025, 3, 17))


def test_what_did_not_happen_gives_no_place_direction_or_finding():
    [e] = _events(
        "Two men crossed the Jakobselva on Monday rather than come to the Storskog crossing "
        "point, and were detained by soldiers. The court said he could have presented himself "
        "at Storskog."
    )
    assert e.places == ["Jakobselva"]
    assert e.detection == ["border_patrol"]
    [e] = _events(
        "On Monday a conscript walked across the Pasvik river rather than be sent to Ukraine."
    )
    assert (e.country_left, e.country_entered) == ("RU", "NO")
    # a rule, not a crossing
    assert _events("Crossing the border on foot at Storskog is not permitted.") == []


def test_places_in_names_of_outlets_and_offices_and_where_people_were_taken():
    [e] = _events(
        "KIRKENES (Finnmark Dagblad) - A man crossed the Pasvik river near Nyrud on Monday. "
        "A patrol drove him to Kirkenes, and his case was referred to the National Police "
        "Immigration Service in Kirkenes."
    )
    assert e.places == ["Pasvikelva", "Nyrud"]
    [e] = _events(
        "Radio Øst-Finnmark: a man crossed the Jakobselva on Monday and is now being held in "
        "Pechenga, according to media in Murmansk."
    )
    assert e.places == ["Jakobselva"]


def test_surveillance_described_and_searches_that_found_nobody_are_not_findings():
    [e] = _events(
        "On Monday two men crossed the Pasvik river near Svanvik and were detained by soldiers. "
        "The border is monitored with cameras and sensors, and the police helicopter can be "
        "used in searches."
    )
    assert e.detection == ["border_patrol"]


def test_the_group_a_man_deserted_from_and_soldiers_who_helped():
    [e] = _events("On Monday a man who says he deserted from the Wagner Group crossed at Svanvik.")
    assert e.affiliation == "Wagner Group"
    [e] = _events(
        "On Monday at least 40 foreigners tried to force the barrier from Belarus. With the "
        "support of soldiers of the Polish Army, the attempt was stopped."
    )
    assert (e.affiliation, e.people_count, e.people_lower_bound) == (None, 40, True)


def test_the_three_go_back_to_the_event_of_three_and_its_hour_picks_the_night():
    events = _events(
        "Three Russian men crossed the Pasvik river into Norway during the night to Tuesday, "
        "and in Finland a man was detained after crossing from Russia.\n\n"
        "The three were detained by a border patrol at Skrøytnes after ground sensors were "
        "triggered at about 02:10. All three have asked for asylum."
    )
    e = events[0]
    assert (e.people_count, e.when.start, e.when.end) == (3, date(2025, 3, 18), date(2025, 3, 19))
    assert "Skrøytnes" in e.places and "sensor" in e.detection
    assert "asylum_requested" in e.outcomes


def test_a_dated_line_of_a_fact_box_is_its_own_event():
    text = (
        "FACT BOX: crossings\n"
        "13 January 2023: A man crosses the Pasvik river at Skrøytnes. He is arrested.\n"
        "22 September 2023: The man is stopped by police at Grense Jakobselv and is charged "
        "with attempting to cross the border illegally.\n"
    )
    events = _events(text, None)
    assert [e.when.start for e in events] == [date(2023, 1, 13), date(2023, 9, 22)]
    assert events[1].places == ["Grense Jakobselv"]


def test_a_crossing_after_who_says_is_the_sentences_own_and_lower_case_full_stops():
    [e] = _events(
        "a russian citizen who says he deserted from the army crossed into norway on monday, "
        "the garrison said.a border patrol detained him at vaggetem. he has asked for asylum."
    )
    assert "Vaggetem" in e.places and "asylum_requested" in e.outcomes


def test_a_negation_inside_an_aside_does_not_negate_the_crossing():
    [e] = _events(
        "Three days ago, the young soldier - we call him Ivan, which is not his name - "
        "walked across the frozen river at Svanvik. Border guards detained him.",
        date(2025, 3, 10),
    )
    assert e.when.start == date(2025, 3, 7)
    assert e.places == ["Svanvik"]


def test_a_timeline_label_with_a_colon_narrates_in_the_present():
    text = (
        "Crossings - a chronology\n\n"
        "March 2021: Three men cross the Jakobselva on foot and are detained.\n\n"
        "Autumn 2021: A woman crosses the border at Vaggetem.\n"
    )
    events = _events(text, date(2025, 1, 5))
    assert [e.when.start for e in events] == [date(2021, 3, 1), date(2021, 9, 1)]


def test_a_time_told_before_the_first_crossing_dates_it():
    [e] = _events(
        "Shortly after 02:30 in the night to Tuesday a farmer near Svanvik phoned the police."
        "\n\nThe two men said they had crossed the Pasvikelva in a boat.",
        date(2025, 5, 8),
    )
    assert (e.when.start, e.when.end) == (date(2025, 5, 6), date(2025, 5, 7))


def test_a_day_of_the_month_alone_is_in_the_publication_month_or_the_one_before():
    [e] = _events("A man crossed the border at Storskog on the 3rd, police said.", date(2025, 6, 9))
    assert e.when.start == date(2025, 6, 3)
    [e] = _events("A man crossed the border at Storskog on the 21st.", date(2025, 6, 9))
    assert e.when.start == date(2025, 5, 21)


def test_getting_over_a_fence_and_entering_any_country_are_crossings():
    [e] = _events(
        "On Tuesday a group of ten tried to get over the fence into Latvia.", date(2025, 6, 9)
    )
    assert e.when.start == date(2025, 6, 3)
    [e] = _events("Two men entered Estonia near Narva on Sunday.", date(2025, 6, 9))
    assert e.when.start == date(2025, 6, 8)


def test_a_patrol_from_a_police_station_is_the_police():
    [e] = _events(
        "A man crossed the Pasvikelva on Friday. A patrol from Kirkenes police station "
        "stopped him at Skogfoss.",
        date(2025, 6, 9),
    )
    assert "police" in e.detection


# --- the learned place decision (borderwatch/sources/learned.py, data/learned.json) ---------

PROBE = (
    "A man waded across the Pasvikelva on Friday evening and then called the police from "
    "Skogfoss. A patrol took him to Kirkenes, where he was questioned on Saturday."
)


def test_the_learned_model_loads_once_and_is_small():
    from borderwatch.sources import learned

    model = learned.model()
    assert model is not None and model is learned.model()
    assert "places" in model.heads and model.heads["places"].weights
    assert "detection" in model.heads and model.heads["detection"].weights
    assert "events" in model.heads and model.heads["events"].weights
    assert "keep" in model.heads and model.heads["keep"].weights
    assert "nationality" in model.heads and model.heads["nationality"].weights
    # five heads trained on 2,636 texts: 8,530 weights in 200 KB (on 1,886: 168 KB; on
    # 1,646: 6,369 weights in 153 KB); the bound grows with dev, slower than it
    assert learned.MODEL_PATH.stat().st_size <= 240_000


def test_the_learned_model_drops_a_destination_the_rules_took_for_a_place():
    from borderwatch.sources import learned

    with learned.use(None):
        [by_rules] = extract(PROBE, date(2025, 6, 9)).events
    [e] = extract(PROBE, date(2025, 6, 9)).events
    assert by_rules.places == ["Pasvikelva", "Kirkenes"]
    assert e.places == ["Pasvikelva"]
    assert [ev.text for ev in e.evidence if ev.field == "places"] == ["Pasvikelva"]


def test_the_learned_model_may_drop_a_rules_place_for_another_but_not_leave_none():
    from borderwatch.sources import learned

    doubting = learned.Model({"places": learned.Head(-5.0, {})})  # rates every place 0.7 %
    with learned.use(doubting):
        [e] = extract(PROBE, date(2025, 6, 9)).events
    assert e.places == ["Pasvikelva"]  # the rules' first, as the likeliest of a flat model
    # and with the shipped weights, the founding article's crossing keeps its place
    [main, *_] = extract(article(), date(2025, 8, 25)).events
    assert main.places == ["Grense Jakobselv"]


TIP_AND_GUARDS = (
    "On Monday two men crossed the border near Svanvik. A resident called the police, and "
    "border guards detained them."
)


def test_the_learned_detection_keeps_the_guards_who_detained_after_a_tip():
    from borderwatch.sources import learned

    with learned.use(None):
        [by_rules] = extract(TIP_AND_GUARDS, date(2025, 6, 10)).events
    [e] = extract(TIP_AND_GUARDS, date(2025, 6, 10)).events
    # the rules keep them too: the text says the guards detained them
    assert by_rules.detection == ["border_patrol", "public_tip"]
    assert e.detection == ["border_patrol", "public_tip"]
    assert {ev.text for ev in e.evidence if ev.field == "detection"} == {
        "resident called",
        "border guards",
    }


def test_the_learned_detection_decides_every_candidate_method():
    from borderwatch.sources import learned

    places = learned.model().heads["places"]
    eager = learned.Model({"places": places, "detection": learned.Head(5.0, {})})
    doubting = learned.Model({"places": places, "detection": learned.Head(-5.0, {})})
    with learned.use(eager):
        [e] = extract(TIP_AND_GUARDS, date(2025, 6, 10)).events
    assert e.detection == ["border_patrol", "public_tip"]
    with learned.use(doubting):
        [e] = extract(TIP_AND_GUARDS, date(2025, 6, 10)).events
    assert e.detection == []
    assert not [ev for ev in e.evidence if ev.field == "detection"]


TURNED_BACK = "On Tuesday two Russian men were turned back by border guards at Storskog."
# no crossing verb and no weak trigger: only the learned event decision can take it
MET = "On Tuesday two Russian men were met by border guards at Storskog."


@pytest.mark.parametrize(
    "text",
    [
        MET,
        MET + "\n",
        MET + "\r\nThey went home.\r\n",
        # (1.43, trained on 1,346 texts, no longer takes "On Saturday a Russian conscript
        # turned up at a farm in Vaggetem, and the farmer phoned the police": 0.22; 1.55
        # reads "were turned back" by the rules, as an attempt)
    ],
)
def test_the_learned_event_decision_takes_a_dated_sentence_no_crossing_verb_told(text):
    from borderwatch.sources import learned

    shipped = learned.model()
    # the shipped decision doubts this one (0.21); one that takes every candidate shows
    # what a taken sentence becomes
    taking = learned.Model({**shipped.heads, "events": learned.Head(5.0, {})}, shipped.settings)
    with learned.use(None):
        assert extract(text, date(2025, 6, 10)).events == []
    with learned.use(taking):
        [e] = extract(text, date(2025, 6, 10)).events
    assert e.when.precision == "day" and e.when.start is not None
    assert len(e.places) == 1 and e.people_count in (1, 2)
    # the text's only event, and a recent one: its news (the rules found none to be)
    assert e.role == "main"


def test_an_event_the_decision_finds_is_the_news_only_where_the_rules_found_none():
    from borderwatch.sources import learned

    eager = learned.Model({**learned.model().heads, "events": learned.Head(5.0, {})})
    later = " Last year a man crossed the border at Svanvik on 4 May."
    with learned.use(eager):
        events = extract(MET + later, date(2025, 6, 10)).events
    roles = {e.places[0]: (e.role, e.when.start) for e in events}
    assert roles["Storskog"] == ("main", date(2025, 6, 10))  # the Tuesday of the first
    assert roles["Svanvik"][0] == "previous"  # the rules' event, of last year
    with learned.use(eager):
        old = extract("On 3 March 2021 two men were met at Storskog.", date(2025, 6, 10))
    assert [e.role for e in old.events] == ["previous"]  # four years old: not news


@pytest.mark.parametrize(
    "text",
    [
        "PRESS INVITATION\n\nThe border commissioners of Norway and Russia will meet at "
        "Storskog on Tuesday 14 October to discuss cooperation. Journalists are welcome.",
        "Minutes of the meeting on 3 March at Storskog.\nPresent: two Russian officers, three "
        "Norwegian officers.\nThe parties discussed the fence.",
        "The police said on Monday that the new fence at Storskog will be finished in June.",
    ],
)
def test_the_learned_event_decision_makes_no_event_of_a_meeting_or_a_plan(text):
    assert extract(text, date(2025, 6, 10)).events == []


def test_the_learned_event_decision_rates_only_dated_sentences_no_event_took():
    from borderwatch.sources import learned

    shipped = learned.model().heads
    eager = learned.Model({**shipped, "events": learned.Head(5.0, {})})
    doubting = learned.Model({**shipped, "events": learned.Head(-5.0, {})})
    with learned.use(eager):
        # the tip's sentence gives no time: no candidate; the crossing's is taken
        assert len(extract(TIP_AND_GUARDS, date(2025, 6, 10)).events) == 1
        assert len(extract(MET, date(2025, 6, 10)).events) == 1
    with learned.use(doubting):
        assert extract(MET, date(2025, 6, 10)).events == []
        # the rules' own attempt stands whatever the decision says
        assert len(extract(TURNED_BACK, date(2025, 6, 10)).events) == 1
        assert len(extract(TIP_AND_GUARDS, date(2025, 6, 10)).events) == 1


WENT_THROUGH = (
    "Two men crossed the river at Nyrud on Monday and asked for asylum.{eol}My brother went "
    "through the checkpoint last week, alone."
)


# (with the brother's sentence on the crossing's own line, the event decision retrained at
# 1.69 on 2,636 texts rates it below its threshold; on a line of its own it takes it)
@pytest.mark.parametrize("eol", ["\r\n", "\n\n"])
def test_the_learned_event_decision_takes_a_dated_movement_no_cue_reads(eol):
    from borderwatch.sources import learned

    text = WENT_THROUGH.format(eol=eol)
    with learned.use(None):
        assert len(extract(text, date(2024, 5, 10)).events) == 1
    first, second = extract(text, date(2024, 5, 10)).events
    assert first.role == "main" and first.places == ["Nyrud"]
    assert second.role == "previous" and second.when.text == "last week"
    assert second.when.start == date(2024, 4, 29)


def test_the_learned_event_decision_rates_a_sentence_whose_time_an_event_resolves():
    from borderwatch.sources import learned

    text = "The border in February: two Syrians refused entry at Storskog."
    with learned.capture(), learned.use(None):
        facts = extract(text, None)
    kinds = {text[start:end]: feats[:2] for (start, end), feats in facts.learning}
    # no publication date: "in February" is of no year, still a time (precision unknown)
    assert kinds == {text: ["k:relative", "p:unknown"]}


@pytest.mark.parametrize(
    "text",
    [
        "Minutes of the council meeting. On 12 March the members went through the budget of "
        "the border station.",
        "PRESS INVITATION\r\nOn Tuesday the minister came to Kirkenes. Guests went through "
        "the security check",
    ],
)
def test_the_learned_event_decision_makes_no_event_of_a_movement_that_is_no_crossing(text):
    assert extract(text, date(2025, 6, 10)).events == []


# --- the learned nationality decision: every nationality the text tells, per event ------

FARID = (
    "The long road north\n\n"
    "Farid, a 31-year-old Afghan, left Kabul in 2021 and drove a taxi in Moscow.\n\n"
    "The work dried up when the war began, and friends told him Norway would take him in.\n\n"
    "On Monday he crossed the border at Storskog and asked for asylum."
)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_the_learned_nationality_is_that_of_the_person_introduced_paragraphs_before(eol):
    [e] = extract(FARID.replace("\n", eol).rstrip("."), date(2025, 6, 11)).events
    assert e.nationality == "AF"
    assert [ev.text for ev in e.evidence if ev.field == "nationality"] == ["Afghan"]


def test_the_learned_nationality_decides_among_every_nationality_the_text_tells():
    from borderwatch.sources import learned

    told = (
        "Farid, a 31-year-old Afghan, drove a taxi in Moscow for two years.\n\n"
        "The work dried up when the war began. He bought a bicycle in Murmansk.\n\n"
        "The police said a man crossed the border at Storskog on Monday and asked for asylum."
    )
    places = learned.model().heads["places"]
    # a model that takes a nationality told paragraphs before the event, and one that
    # takes none
    far = learned.Model(
        {"places": places, "nationality": learned.Head(-5.0, {"near:before:more": 10.0})}
    )
    doubting = learned.Model({"places": places, "nationality": learned.Head(-5.0, {})})
    with learned.use(far):
        [e] = extract(told, date(2025, 6, 11)).events
    assert e.nationality == "AF"
    assert [ev.text for ev in e.evidence if ev.field == "nationality"] == ["Afghan"]
    with learned.use(doubting):
        [e] = extract(FARID, date(2025, 6, 11)).events
    assert e.nationality is None
    assert not [ev for ev in e.evidence if ev.field == "nationality"]


@pytest.mark.parametrize(
    "text",
    [
        "Norwegian border guards detained a man who crossed the border from Russia near "
        "Svanvik on Monday.",
        "A man crossed the border from Russia near Svanvik on Monday night. He was detained "
        "by Norwegian border guards an hour later.",
    ],
)
def test_the_learned_nationality_is_not_that_of_the_guards(text):
    from borderwatch.sources import learned

    [e] = extract(text, date(2025, 6, 11)).events
    assert e.nationality is None
    # not even a model that takes every value: the guards' is no candidate
    places = learned.model().heads["places"]
    eager = learned.Model({"places": places, "nationality": learned.Head(5.0, {})})
    with learned.use(eager):
        [e] = extract(text, date(2025, 6, 11)).events
    assert e.nationality is None


def test_the_learned_nationality_keeps_each_persons_own():
    text = (
        "On Monday a Syrian man crossed the border at Storskog and asked for asylum.\n\n"
        "On Thursday a woman from Yemen crossed the border near Svanvik and was detained by "
        "the police."
    )
    first, second = extract(text, date(2025, 6, 11)).events
    assert (first.when.start, first.nationality) == (date(2025, 6, 9), "SY")
    assert (second.when.start, second.nationality) == (date(2025, 6, 5), "YE")


def test_the_learned_nationality_makes_no_event_of_minutes():
    text = (
        "Minutes of the municipal council, 3 May\n\n"
        "The mayor, a Norwegian citizen, opened the meeting. The council discussed the new "
        "school road and the budget for 2026."
    )
    assert extract(text, date(2025, 6, 11)).events == []


def test_training_is_deterministic_with_a_fixed_seed(tmp_path):
    import shutil
    from pathlib import Path

    from borderwatch.sources import train

    dev = Path(__file__).parent / "corpus" / "dev"
    for text in sorted(dev.glob("*.txt"))[:40]:
        shutil.copy(text, tmp_path)
        shutil.copy(text.with_suffix(".json"), tmp_path)
    first = train.train([tmp_path], seed=0).as_dict()
    second = train.train([tmp_path], seed=0).as_dict()
    assert first == second
    assert first["heads"]["places"]["weights"]
    assert first["heads"]["detection"]["weights"]
    assert first["heads"]["nationality"]["weights"]


def test_the_shipped_weights_are_what_training_on_dev_produces():
    import json

    from borderwatch.sources import learned, train

    shipped = json.loads(learned.MODEL_PATH.read_text(encoding="utf-8"))
    trained = json.loads(json.dumps(train.train(seed=0).as_dict()))
    assert trained == shipped


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("On Friday a woman waded across at the mouth of the Jakobselva.", "Jakobselva mouth"),
        ("On Friday a woman crossed the Jakobselva at its mouth.", "Jakobselva mouth"),
        ("On Friday a woman crossed the Jakobselva at the river mouth.", "Jakobselva mouth"),
        ("On Friday a woman crossed the Jakobselva right at the mouth.", "Jakobselva mouth"),
        ("On Friday a man crossed the Jakobselva just by its source", "Jakobselva source"),
        (
            "On Friday a hunter crossed the line near the source of the river Jakobselva.",
            "Jakobselva source",
        ),
    ],
)
def test_an_end_of_a_river_is_the_gazetteer_place_of_that_end(sentence, place):
    from borderwatch.sources.extract import find_places, pipeline

    text = normalise(sentence).text
    values = {c.value for c in find_places(pipeline()(text), text)}
    assert place in values
    assert "Jakobselva" not in values


@pytest.mark.parametrize(
    "entry",
    [
        "March 2024 - Two Russian men cross the Pasvikelva and give themselves up to the police.",
        "March 2024 - Two Russian men cross the Pasvikelva and turn themselves in to a patrol.",
        "March 2024 - A Russian man crosses the Jakobselva and comes forward to ask for asylum.",
    ],
)
def test_a_timeline_in_the_present_tense_tells_a_surrender(entry):
    text = "TIMELINE: crossings in Finnmark\n\n" + entry + "\n"
    (event,) = extract(text, PUBLISHED).as_dict()["events"]
    assert event["detection"] == ["surrendered"]


def test_a_season_at_a_line_start_is_not_read_into_the_line_before():
    text = (
        "TIMELINE: Crossings outside Storskog since 2022\n\n"
        "Autumn 2022 - Three Russian men wade across the Pasvikelva at Skogfoss.\n"
    )
    (event,) = extract(text, PUBLISHED).as_dict()["events"]
    assert event["when"]["start"] == "2022-09-01"
    assert event["when"]["precision"] == "season"
    assert event["when"]["text"] == "Autumn 2022"


def _when(text: str, published: date | None = PUBLISHED) -> list[tuple]:
    return [
        (e["when"]["start"], e["when"]["end"], e["when"]["precision"])
        for e in extract(text, published).as_dict()["events"]
    ]


def test_a_date_written_year_first_with_dots_is_a_day():
    text = "A Russian man crossed the border at Storskog on 2025.08.09 and asked for asylum."
    assert _when(text) == [("2025-08-09", "2025-08-10", "day")]


def test_a_datelines_day_after_the_city_and_country_is_not_the_crossings():
    text = (
        "KIRKENES, Norway, Aug 25 (NPI) - A Russian man crossed the border at Storskog on "
        "Friday and asked for asylum, police said on Monday."
    )
    assert _when(text) == [("2025-08-22", "2025-08-23", "day")]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024, 41 persons crossed the border illegally, compared with 57 in 2023.",
        "In December alone, five persons were apprehended after crossing the border.",
        "In 2025 so far nine persons have crossed the border illegally.",
    ],
)
def test_a_number_of_people_over_a_month_or_a_year_is_a_count_not_an_event(sentence):
    assert extract("Border figures\n\n" + sentence, PUBLISHED).as_dict()["events"] == []


def test_a_part_of_a_counted_number_is_no_event_of_its_own():
    text = (
        "In 2024, 41 persons crossed the border illegally. Twelve of them crossed in the "
        "Pasvik valley and nine at Jakobselva."
    )
    assert extract(text, PUBLISHED).as_dict()["events"] == []


def test_that_is_how_many_tells_a_count():
    text = "Thirty-seven. That is how many people have asked for asylum after crossing this year."
    assert extract(text, PUBLISHED).as_dict()["events"] == []


def test_a_named_border_crossing_is_a_place_not_a_crossing():
    text = "Norway will keep its restrictions on travellers at the Storskog border crossing."
    assert extract(text, PUBLISHED).as_dict()["events"] == []


def test_choosing_to_cross_in_a_season_is_a_habit():
    text = 'Border figures\n\n"More people choose to cross in the terrain in winter," he said.'
    assert extract(text, PUBLISHED).as_dict()["events"] == []


def test_the_same_day_after_a_clauses_own_time_counts_from_it():
    text = (
        "A Lithuanian man tried to swim across the Pasvikelva on Friday. Earlier this week, "
        "soldiers stopped two Russian men who had waded across the Jakobselva and sent them "
        "back the same day."
    )
    assert ("2025-08-25", "2025-08-26", "day") in _when(text)


def test_late_in_the_year_is_the_last_third_of_the_year():
    text = "LATE IN THE YEAR: A Russian man walks up to the border station at Storskog."
    assert _when("Our year\n\n" + text, date(2025, 12, 30)) == [
        ("2025-09-01", "2026-01-01", "year")
    ]


def test_later_that_year_after_a_night_into_the_new_year_is_that_new_year():
    text = (
        "In the night to 1 January 2000 two Russian soldiers walked across the border at "
        "Vaggetem.\n\nLater that year a Russian woman crossed the frozen river at Svanvik."
    )
    assert ("2000-01-02", "2001-01-01", "year") in _when(text)


def test_a_weekday_apposed_to_a_date_names_that_dates_day():
    text = "On 7 June, a Saturday, a Russian soldier walked across the border at Storskog."
    assert _when(text, date(2025, 6, 30)) == [("2025-06-07", "2025-06-08", "day")]


def test_a_step_the_next_morning_does_not_narrow_a_night_of_two_dates():
    text = (
        "On the night of 12 to 13 July a Russian man swam for Norway at Vaggetem. He was "
        "detained and asked for asylum the next morning."
    )
    assert _when(text) == [("2025-07-12", "2025-07-14", "day")]


def test_a_log_trail_over_midnight_takes_the_day_it_was_first_seen():
    text = (
        "BORDER STATION - LOG EXTRACT\n\n"
        "04.10 2310  Radar contact, 2 pers, RU side, moving N towards the river.\n"
        "04.10 2341  UAV confirms 2 pers in the river. Both now NO side.\n"
        "05.10 0005  Contact lost in terrain.\n"
        "05.10 0040  Helicopter locates 2 pers approx 400 m W of the river.\n"
        "05.10 0112  Patrol 2 apprehends 2 pers.\n"
    )
    assert _when(text, date(2025, 10, 5)) == [("2025-10-04", "2025-10-05", "day")]


# --- who found them: findings the rules had missed (rounds 10–12) --------------------------


@pytest.mark.parametrize(
    "text, method",
    [
        (
            "On Monday a man crossed the river near Svanvik. A woman who was out with her dog "
            "saw him in the bushes and called the police.",
            "public_tip",
        ),
        (
            "On Monday a man waded across the Jakobselva. Tourists camping by the beach saw him "
            "walking up from the river and called the police.",
            "public_tip",
        ),
        (
            "A man crossed the border at Korpfjell on Monday. A police patrol on routine duty "
            "stopped him on the road.",
            "police",
        ),
        (
            "On Monday police at the Storskog border crossing stopped two men who tried to enter "
            "Norway with forged visas.",
            "police",
        ),
        (
            "On Monday a man arrived at Storskog without a visa. Refused entry by police border "
            "control.",
            "police",
        ),
        (
            "On Monday the video surveillance of the border guard detected a person crossing "
            "the Narva river.",
            "sensor",
        ),
        (
            "On Monday a group tried to climb the fence; the electronic barrier system raised "
            "the alarm.",
            "sensor",
        ),
        (
            "On Monday a man crossed at Treriksrøysa and reported to a Norwegian border patrol.",
            "surrendered",
        ),
        (
            "A soldier who had left his unit without permission presented himself at the border "
            "station at Storskog on Monday and asked for asylum.",
            "surrendered",
        ),
    ],
)
def test_who_found_them_as_a_reader_of_border_news_would_say(text, method):
    [e] = _events(text)
    assert method in e.detection


def test_lacking_papers_is_no_negation_of_the_finding_but_not_finding_them_is():
    [e] = _events("On Monday a man crossed without a visa and presented himself at Storskog.")
    assert e.detection == ["surrendered"]
    [e] = _events("On Monday a man crossed at Storskog; he did not present himself to anyone.")
    assert "surrendered" not in e.detection


def test_a_soldiers_army_names_his_nationality_but_not_that_of_those_who_stop_them():
    [e] = _events("In winter 2024 a Russian army deserter crossed into Norway at Grense Jakobselv.")
    assert (e.nationality, e.affiliation, e.people_count) == ("RU", "armed forces", 1)
    [e] = _events(
        "On Monday two conscripts from the Belarusian army walked across the border into Poland."
    )
    assert (e.nationality, e.affiliation, e.people_count) == ("BY", "armed forces", 2)
    [e] = _events("On 5 March a Russian army officer crossed the border near Svanvik.")
    assert (e.nationality, e.affiliation, e.people_count) == ("RU", "armed forces", 1)
    [e] = _events("One night in 1991 a Russian navy sailor came over the ice at Skogfoss.")
    assert (e.nationality, e.affiliation) == ("RU", "armed forces")
    [e] = _events(
        "On Tuesday a group of migrants tried to cross the barrier from Belarus. The attempt "
        "was stopped by our patrols, supported by soldiers of the Polish Army."
    )
    assert e.nationality is None


def test_an_officer_of_the_fsb_or_who_served_in_it_is_fsb():
    [e] = _events(
        "A man who says he is an officer of the Russian FSB crossed into Norway on Sunday."
    )
    assert e.affiliation == "FSB"
    [e] = _events(
        "A Russian man who crossed the border near Salla on Friday says he served in the FSB "
        "for eleven years."
    )
    assert e.affiliation == "FSB"


def test_the_people_most_of_a_group_are_is_its_nationality():
    [e] = _events(
        "On 3 November border guards stopped a group of 47 people, mostly Afghans, at the fence."
    )
    assert (e.nationality, e.people_count) == ("AF", 47)
    [e] = _events(
        "A group of more than ten people, most of them Afghans and some Iraqis, crossed from "
        "Russia on Thursday."
    )
    assert e.nationality == "AF"


def test_a_messages_sender_not_its_addressee_is_the_side_it_reports_for():
    text = (
        "To: Norwegian Border Commissioner\nFrom: Lapland Border Guard District\n\n"
        "1. On 4.11. a patrol apprehended a Russian man who had crossed the border from Russia "
        "in the terrain."
    )
    [e] = extract(text, date(2025, 11, 6)).events
    assert (e.country_left, e.country_entered) == ("RU", "FI")


def test_he_or_the_man_crossing_is_one_person():
    [e] = _events("In August 2023 he crossed the border near Vaggetem and was sent back.")
    assert (e.people_count, e.people_lower_bound) == (1, False)
    [e] = _events("The man, 29, had crossed into Norway at Korpfjell in March 2025.")
    assert e.people_count == 1
    [e] = _events("In March 2024 another man crossed the frozen Pasvikelva.")
    assert e.people_count == 1
    [e] = _events("In the winter of 2024, two brothers crossed the Jakobselva into Norway.")
    assert e.people_count == 2


def test_a_crossing_from_one_states_territory_into_anothers():
    [e] = _events(
        "On Friday a border detail detained a citizen of the Kingdom of Norway who had crossed "
        "the state border from the territory of Norway into the territory of the Russian "
        "Federation at the source of the Jakobselva."
    )
    assert (e.nationality, e.country_left, e.country_entered) == ("NO", "NO", "RU")


def test_an_attempt_stopped_by_the_guards_of_the_side_it_left_goes_the_other_way():
    [e] = _events(
        "Russian border guards on Monday detained two citizens of India at Nikel who were "
        "trying to reach the Norwegian border on foot."
    )
    assert (e.country_left, e.country_entered) == ("RU", "NO")
    text = (
        "A Russian man crossed the Finnish border on skis near Salla in March. On Friday, "
        "another man was stopped by Russian border guards before he reached the border line."
    )
    events = extract(text, PUBLISHED).events
    assert [(e.country_left, e.country_entered) for e in events] == [("RU", "FI"), ("RU", "FI")]


def test_with_no_publication_day_the_news_is_the_event_told_first():
    dated, other = _events(
        "On 12 February 2025 a man crossed the Narva river on the ice and was detained.\n\n"
        "Yesterday evening one more person tried to cross the river on the same section.",
        None,
    )
    assert (dated.role, other.role) == ("main", "previous")


@pytest.mark.parametrize(
    "title",
    [
        "Crossings on the border since 2022",
        "Storskog through the years",
        "Crossings I remember",
        "2024 at the border: four crossings and a deserter",
    ],
)
def test_a_timeline_or_memories_recognised_by_the_headline_have_no_old_news(title):
    text = (
        f"{title}\n\n"
        "In March 1987 a Russian soldier waded across the Jakobselva and was detained.\n\n"
        "On 14 September 2024 a man skied across the border at Korpfjell."
    )
    for published in (None, date(2025, 1, 2)):
        assert [e.role for e in _events(text, published)] == ["previous", "previous"]


def test_an_undated_timeline_has_news_only_of_the_last_days():
    text = (
        "Timeline: crossings at Korpfjell\n\n"
        "Last summer - Two Russians walk across the border at Korpfjell.\n\n"
        "This week - A man crosses the Pasvik river at Svanvik and asks for asylum."
    )
    summer, week = _events(text, None)
    assert (summer.role, week.role) == ("previous", "main")


def test_a_review_has_no_news_of_a_period_that_began_months_ago():
    events = _events(
        "2025 at the border: the year in review\n\n"
        "FEBRUARY - A Russian man crosses the Pasvik river at Svanvik.\n\n"
        "LATE 2025 - Two men cross the Pasvik river near Skogfoss and ask for asylum.",
        date(2025, 12, 30),
    )
    assert [e.role for e in events] == ["previous", "previous"]


def test_an_interview_about_an_old_crossing_has_no_news():
    text = (
        '"I went into the river at dawn"\n\n'
        "A former conscript tells about his crossing.\n\n"
        "When did you cross?\n"
        "- On 3 September 2023. I waded across the Jakobselva into Norway.\n\n"
        "What happened then?\n"
        "- Border soldiers found me and I asked for asylum."
    )
    for published in (None, date(2025, 5, 12)):
        [e] = _events(text, published)
        assert e.role == "previous"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("on 2 November last year", ("2024-11-02", "2024-11-03", "day")),
        ("on November 2 last year", ("2024-11-02", "2024-11-03", "day")),
        ("on 14 March this year", ("2025-03-14", "2025-03-15", "day")),
        ("one night in August two years ago", ("2023-08-01", "2023-09-01", "month")),
    ],
)
def test_a_date_or_month_with_the_year_said_in_words_takes_that_year(when, expected):
    text = f"A Russian man crossed the border at Storskog {when} and asked for asylum."
    assert _when(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "We must be prepared for a situation in which large groups try to cross the border, "
        "as we saw in 2023.",
        "Norway is ready to close its only border crossing with Russia, as it did in 2015.",
    ],
)
def test_a_situation_imagined_or_the_crossing_point_is_no_event(text):
    assert _events(text, date(2025, 5, 20)) == []


def test_the_second_unlawful_crossing_this_year_is_a_tally_not_an_event():
    text = (
        "On Sunday two men crossed the Jakobselva and were apprehended.\n\n"
        "This is the second unlawful border crossing registered in the area this year."
    )
    assert len(_events(text, date(2025, 3, 4))) == 1


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Border guards stopped the group and turned them back to Russia.", "returned"),
        ("Estonian border guards detained them and handed them back to Russia.", "returned"),
        ("They were held overnight at the police station in Kirkenes.", "detained"),
    ],
)
def test_an_outcome_told_with_its_object_between_the_words(sentence, outcome):
    [e] = _events(f"On Tuesday two Russian men crossed the border at Storskog. {sentence}")
    assert outcome in e.outcomes


@pytest.mark.parametrize(
    ("sentence", "detection"),
    [
        # the service as the finder, not the owner of the drone
        ("The border commissariat has apprehended him at Grense Jakobselv.", ["border_patrol"]),
        ("He was detected by one of the Border Guard's drones.", ["uav"]),
        # he came forward, and the patrol detained him
        (
            # who came forward was not found by the patrol that then detained him (README)
            "He gave himself up to a border patrol and was detained by the patrol.",
            ["surrendered"],
        ),
        ("He was stopped during a routine check by a police patrol.", ["police"]),
        (
            "He was arrested by the police after a resident had reported an unknown man.",
            ["public_tip"],
        ),
    ],
)
def test_who_found_them_in_the_authorities_words(sentence, detection):
    [e] = _events(f"On Tuesday a Russian man crossed the Jakobselva. {sentence}")
    assert sorted(e.detection) == sorted(detection)


@pytest.mark.parametrize(
    ("sentence", "detection"),
    [
        # the patrol found them: the border guards
        ("A border guard patrol found the two men near Svanvik that night.", ["border_patrol"]),
        # they came forward to the guards: surrendered alone
        ("The two men gave themselves up to Norwegian border guards.", ["surrendered"]),
        ("The two men walked up to a Finnish patrol and gave themselves up.", ["surrendered"]),
        (
            "They gave themselves up to the first Norwegian patrol they met and were detained.",
            ["surrendered"],
        ),
        # the police only drove them away after the guards had stopped them: not the police
        (
            "Border guards stopped the two men, and the police transported them to Kirkenes.",
            ["border_patrol"],
        ),
    ],
)
def test_who_found_them_and_who_only_held_or_moved_them(sentence, detection):
    [e] = _events(f"On Tuesday two Russian men crossed the Jakobselva. {sentence}")
    assert e.detection == detection


def test_a_helpers_conviction_is_neither_an_event_nor_the_crossers_charge():
    text = (
        "Court of Appeal: sentence upheld for aiding unlawful entry\n\n"
        "Judgment of 14 April 2025\n\n"
        "The court upheld the sentence of a man who was convicted of aiding three persons to "
        "enter Norway unlawfully.\n\n"
        "In August 2023 three citizens of Afghanistan crossed the Pasvikelva at Nyrud. They "
        "applied for asylum the following day."
    )
    [e] = _events(text, date(2025, 4, 15))
    assert e.when.start == date(2023, 8, 1)
    assert "charged" not in e.outcomes
    text = (
        "A man was convicted of organising the unlawful entry of eight persons. In the "
        "summer of 2024 the group crossed by boat at the mouth of the Jakobselva."
    )
    [e] = _events(text, date(2026, 6, 18))
    assert "charged" not in e.outcomes


@pytest.mark.parametrize(
    "sentence",
    [
        "On Sunday afternoon a young man came forward to border soldiers at the Korpfjell "
        "observation post and asked for protection.",
        "On 17 July two men steered their boat across the border line on the Pasvikelva.",
    ],
)
def test_a_crossing_told_by_the_boat_steered_or_the_soldiers_come_to(sentence):
    assert len(_events(sentence, date(2025, 12, 1))) == 1


def test_one_fold_serves_the_gazetteers_spellings_and_the_texts():
    from borderwatch.sources.extract import _fold

    assert _fold("Treriksröysä") == _fold("Treriksrøysa") == "treriksroysa"
    assert _fold("Sør-Varanger") == "sor-varanger"
    assert _fold("Pasvikælva") == "pasvikaelva"


REPORT = """EVENT REPORT - FI/RU LAND BORDER

Date/time: 14/03/2025, approx. 02:40 (LT)
Location: green border, FI-RU land border
Event type: Attempted irregular entry
Persons: at least 5
Nationality: Eritrean (stated)
Outcome: entry refused; persons returned to RU side

Remarks: Similar attempt recorded on 07/03/2025 in the same sector (3 persons, same outcome).
"""


# as filed, as pasted into the form (no last line break) and as a browser sends a form's
# text (CRLF)
@pytest.mark.parametrize("text", [REPORT, REPORT.rstrip("\n"), REPORT.replace("\n", "\r\n")])
def test_an_event_report_of_fields_is_one_event_with_its_fields(text):
    events = extract(text, date(2025, 3, 16)).as_dict()["events"]
    assert len(events) == 2
    main, other = events
    assert main["role"] == "main"
    assert (main["when"]["start"], main["when"]["precision"]) == ("2025-03-14", "day")
    assert main["people"] == {"count": 5, "lower_bound": True}
    assert main["nationality"] == "ER"  # not "LT" of "(LT)", the local time
    # refusal of entry is `returned` (the corpus README; `refused` is a refused request for
    # protection)
    assert set(main["outcomes"]) == {"returned"}
    # the remark's attempt of its own day and people, with the report's outcome
    assert other["role"] == "previous"
    assert other["when"]["start"] == "2025-03-07"
    assert other["people"] == {"count": 3, "lower_bound": False}
    assert set(other["outcomes"]) == {"returned"}


def test_a_device_that_detected_someone_found_them():
    text = (
        "A signalling complex detected a violator of the state border near Nikel on "
        "3 October. He was detained."
    )
    (event,) = extract(text, date(2025, 10, 12)).as_dict()["events"]
    assert event["when"]["start"] == "2025-10-03" and event["places"] == ["Nikel"]
    assert event["detection"] == ["sensor"] and event["outcomes"] == ["detained"]


@pytest.mark.parametrize("label", ["Location", "Place", "Area"])
def test_a_reports_location_field_gives_its_place_but_not_its_reference_point(label):
    text = (
        "Incident report\nDate and time: 2025-10-11 21:30\n"
        f"{label}: Korpfjell, 3 km from Grense Jakobselv\nNumber of persons: about 6\n"
        "Detection: UAV\nActions taken: persons apprehended and handed over to police"
    )
    (event,) = extract(text, date(2025, 10, 12)).as_dict()["events"]
    assert event["places"] == ["Korpfjell"]


@pytest.mark.parametrize(
    "text",
    [
        "PRESS INVITATION\nDate/time: 14/10/2025, 11:00\nLocation: Kirkenes police station\n"
        "Persons: the chief of police and the border commissioner\nTopic: the border",
        "Border commissioners' meeting\nDate: 03.10.2025\nLocation: Storskog\n"
        "Persons present: 6\nOutcome: protocol signed",
        "EXERCISE NOTICE\nDate/time: 20/10/2025, 08:00-16:00\nLocation: near Svanvik\n"
        "Persons: 40 soldiers\nDetection: drones will be used\nOutcome: none expected",
    ],
)
def test_a_notice_in_fields_with_no_crossing_finding_or_outcome_is_no_event(text):
    assert extract(text, date(2025, 10, 12)).as_dict()["events"] == []


def test_a_field_list_without_a_date_or_event_fields_is_no_report():
    text = "From: Border Guard\nTo: Editors\nSubject: Press conference\nLocation: Helsinki\n"
    assert extract(text, date(2025, 3, 16)).as_dict()["events"] == []


@pytest.mark.parametrize(
    ("written", "start"),
    [("09/04/2025", "2025-04-09"), ("26-07-2025", "2025-07-26"), ("27/01/25", "2025-01-27")],
)
def test_a_date_in_figures_with_slashes_or_dashes_is_day_first(written, start):
    text = f"Two men crossed the border near Svanvik on {written} and were detained."
    (event,) = extract(text, date(2025, 8, 1)).as_dict()["events"]
    assert (event["when"]["start"], event["when"]["precision"]) == (start, "day")


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("A man crossed at Storskog on Monday and was refused entry to Norway.", "returned"),
        ("A man crossed at Storskog on Monday; entry was denied.", "returned"),
        ("A man crossed at Storskog on Monday. A fine will be issued.", "charged"),
        (
            "A man crossed at Storskog on Monday. Asylum was requested on arrival.",
            "asylum_requested",
        ),
    ],
)
def test_outcomes_in_report_wording(sentence, outcome):
    (event,) = extract(sentence, date(2025, 8, 25)).as_dict()["events"]
    assert outcome in event["outcomes"]


def test_more_than_a_week_ago_is_no_day_of_the_crossing():
    text = (
        "A soldier who deserted more than a week ago crossed into Finland on Sunday night "
        "near Salla."
    )
    (event,) = extract(text, date(2025, 11, 17)).as_dict()["events"]
    assert event["when"]["start"] == "2025-11-16"


# --- after rounds 17 and 18 joined dev: what a gazetteer mention is, by kind -------------


def _roles(text):
    from borderwatch.sources.extract import find_places, pipeline

    text = normalise(text).text
    return [(c.value, c.extra["role"]) for c in find_places(pipeline()(text), text)]


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # a dateline of several places
        (
            "MURMANSK/KIRKENES, July 15 - Russian border guards detained a man on Sunday.",
            [("Murmansk", "dateline"), ("Kirkenes", "dateline")],
        ),
        # the region a town gives its name to
        (
            "An attempt was stopped at Nikel in the Murmansk region.",
            [("Nikel", "place"), ("Murmansk", "reference")],
        ),
        # where people live or work, the outlets of a town
        (
            "Three Murmansk residents were detained at Korpfjell, Murmansk media report.",
            [("Murmansk", "destination"), ("Korpfjell", "place"), ("Murmansk", "organisation")],
        ),
        (
            "The man, who lives and works in Kirkenes, rowed across the river.",
            [("Kirkenes", "destination")],
        ),
        # where they were going, where people met
        (
            "The group was heading for the Pasvik valley on foot.",
            [("Pasvik valley", "destination")],
        ),
        ("The commissioners met at Storskog on Wednesday.", [("Storskog", "destination")]),
        # a sentence or clause that says where places lie
        (
            "Vaggetem lies in the southern part of the Pasvik valley.",
            [("Vaggetem", "reference"), ("Pasvik valley", "reference")],
        ),
        (
            "They were stopped before the river, which forms the border down to the sea at "
            "Grense Jakobselv.",
            [("Grense Jakobselv", "reference")],
        ),
        # the side they left, for a place of the border
        (
            "A man walked from Grense Jakobselv across the border into Russia.",
            [("Grense Jakobselv", "place")],
        ),
        (
            "He rowed across the Pasvikelva from Skogfoss to the Russian bank.",
            [("Pasvikelva", "place"), ("Skogfoss", "place")],
        ),
        # a river's other name beside it, the river's end by the village's spelling
        (
            "The group was stopped at the source of the Jakobselva (Vorjema) river.",
            [("Jakobselva source", "place")],
        ),
        ("Two men rowed across the Jakobselv mouth.", [("Jakobselva mouth", "place")]),
    ],
)
def test_a_gazetteer_mention_has_the_role_a_reader_gives_it(sentence, roles):
    assert _roles(sentence) == roles


def test_a_region_or_a_home_town_is_not_where_they_crossed():
    [e] = _events(
        "On Wednesday evening three Murmansk residents were detained at Korpfjell in the "
        "Murmansk region as they tried to cross into Norway."
    )
    assert e.places == ["Korpfjell"]


def test_the_sentence_that_dates_a_finding_says_where_when_its_own_does_not():
    from borderwatch.sources import learned

    text = (
        "Tuesday 2.9. kl. 05.50: ground sensors at Skroytnes registered movement. A patrol "
        "found two men in the forest an hour later. They were detained."
    )
    with learned.use(None):
        [e] = _events(text, date(2025, 9, 8))
    assert e.places == ["Skrøytnes"]
    assert (e.country_left, e.country_entered) == ("RU", "NO")


# --- detection after rounds 17 and 18 joined dev: the finding in Russian and Nordic copy ---


def test_a_signalling_complex_and_a_quadcopter_are_the_border_services_equipment():
    [e] = _events(
        "Border guards of the FSB of Russia detained a citizen of Iraq on Tuesday who tried to "
        "cross into Norway near Nikel. A signalling system had detected him on his way to "
        "the line."
    )
    assert e.detection == ["border_patrol", "sensor"]
    [e] = _events(
        "On Tuesday three men crossed into Finland on a snowmobile near Salla. A quadcopter "
        "followed their tracks, and border guards detained them."
    )
    assert e.detection == ["border_patrol", "uav"]


def test_walking_to_the_border_guard_station_is_coming_forward():
    [e] = _events(
        "On Tuesday a Russian man crossed the Pasvikelva and walked straight to the Border "
        "Guard station at Svanvik, where he asked for asylum."
    )
    assert e.detection == ["surrendered"]


@pytest.mark.parametrize(
    "text",
    [
        "Two men crossed the Pasvikelva from Russia at Vaggetem on Tuesday. Reindeer herders "
        "saw them and phoned the border guard, and a patrol detained the men.",
        "Late on Tuesday I saw a woman row a small boat across the Pasvikelva near Skogfoss. "
        "I called the border guard, and two soldiers came and arrested her.",
    ],
)
def test_a_tip_to_the_border_guard_whose_patrol_detained_them(text):
    [e] = _events(text)
    assert e.detection == ["border_patrol", "public_tip"]


def test_a_person_named_who_called_the_border_guards_tipped_them():
    [e] = _events(
        "On Tuesday a Russian man waded across the Jakobselva and came to a cabin near the "
        "chapel. Halvorsen gave him dry clothes and then rang the border guards."
    )
    assert e.detection == ["public_tip"]


def test_phoning_the_police_oneself_is_coming_forward_not_a_tip():
    [e] = _events(
        "On Tuesday a Russian man crossed into Norway at Nyrud. He phoned the police himself "
        "and said he wanted to apply for asylum."
    )
    assert e.detection == ["surrendered"]


def test_stopped_at_passport_control_by_the_police_is_no_walk_up():
    [e] = _events(
        "Two men who arrived at the Storskog border crossing point on Tuesday were stopped at "
        "passport control by the police and sent back to Russia."
    )
    assert e.detection == ["police"]


def test_more_detained_at_the_same_spot_were_detained_by_the_same_guards():
    first, second = _events(
        "On 5 March 2024 border guards detained a man who tried to cross the border into "
        "Norway on the Pasvik river. The next day two more men were detained at the same spot.",
        None,
    )
    assert first.detection == second.detection == ["border_patrol"]


def test_a_border_guard_that_cannot_comment_found_nobody():
    [e] = _events(
        "In May 2024 two Russian men rowed across the Pasvikelva near Skogfoss. The border "
        "guard says it cannot comment on individual cases."
    )
    assert e.detection == []


def test_the_sensor_in_the_paragraphs_sentence_before_the_finding_saw_them():
    [e] = _events(
        "Tuesday 18.3. kl. 04.10: a motion sensor at Korpfjell gave an alarm. A patrol "
        "stopped a woman on the track half an hour later. She had crossed from Russia."
    )
    assert e.detection == ["border_patrol", "sensor"]


def test_russian_notices_state_fines_and_expulsion_in_their_own_words():
    [e] = _events(
        "On Saturday the border detail detained a citizen of Syria who tried to cross the "
        "state border into Norway. He was brought to administrative responsibility: the court "
        "appointed a fine of 5 thousand roubles with administrative expulsion from Russia."
    )
    assert e.outcomes == ["detained", "returned", "charged"]


def test_face_criminal_charges_and_handed_over_to_the_other_side_are_outcomes():
    [e] = _events(
        "On Tuesday border guards detained a Norwegian hunter who had crossed into Russia. "
        "He faces criminal charges and was transferred to the Norwegian side at Storskog."
    )
    assert e.outcomes == ["detained", "returned", "charged"]


def test_an_appeals_board_upholding_the_refusal_refused_the_application():
    [e] = _events(
        "A Russian man crossed at Storskog on 3 October 2022 and applied for asylum. The "
        "Directorate refused the application, and the Appeals Board upheld the refusal."
    )
    assert e.outcomes == ["asylum_requested", "refused"]
    [e] = _events(
        "A Russian man crossed at Storskog on 3 October 2022 and applied for asylum. His "
        "appeal is not upheld"
    )
    assert e.outcomes == ["asylum_requested", "refused"]


def test_the_verbs_enter_and_leave_name_the_sides_of_an_attempt():
    [e] = _events("On 12 April a man who tried to enter Finland on foot was turned back to Russia.")
    assert (e.country_left, e.country_entered) == ("RU", "FI")
    [e] = _events(
        "On Monday border guards detained two men who attempted to leave the territory of the "
        "Russian Federation into the Kingdom of Norway outside the checkpoint."
    )
    assert (e.country_left, e.country_entered) == ("RU", "NO")


def test_an_order_to_leave_a_country_is_not_the_way_they_came():
    [e] = _events(
        "Yesterday at about 03:00 a group of 12 foreigners crossed the barrier from Belarus. "
        "Border guards apprehended them, and they were issued decisions obliging them to "
        "leave Poland."
    )
    assert (e.country_left, e.country_entered) == ("BY", "PL")


def test_found_some_kilometres_inside_a_country_entered_it():
    [e] = _events(
        "A conscript crossed the border in the terrain on Monday at about 14.00. A drone "
        "located him about two kilometres inside Finland, and a patrol apprehended him.\r\n"
    )
    assert e.country_entered == "FI"


def test_going_to_the_police_office_oneself_is_coming_forward():
    [e] = _events(
        "A Russian conscript crossed the Pasvikelva last week. After the crossing he went "
        "himself to the police office at Svanvik and made himself known."
    )
    assert e.detection == ["surrendered"]


def test_not_yet_clarified_if_they_will_apply_for_asylum_is_no_request():
    [e] = _events(
        "Two men walked over the border from Russia at Grense Jakobselv on Tuesday. We have "
        "not yet clarified if they will apply for asylum, says the police."
    )
    assert "asylum_requested" not in e.outcomes


def test_pushed_back_into_a_country_is_the_side_they_left():
    [e] = _events(
        "More than forty migrants tried to force the fence on the Latvia-Belarus border on "
        "Thursday night, the State Border Guard said. Patrols turned them back into Belarus"
    )
    assert (e.country_left, e.country_entered) == ("BY", "LV")


def test_border_guards_alerted_by_a_resident_who_met_them_handled_the_event():
    from borderwatch.sources import learned

    # the rules' candidates; the learned decision weighs them (since 1.22's retraining it
    # keeps only the tip here, measured better over all rounds left out one by one)
    with learned.use(None):
        [e] = _events(
            "A Ukrainian woman rowed over the Pasvikelva on Saturday and went ashore at "
            "Svanvik. A farmer who saw the boat notified the Border Guard, which met the two "
            "on the bank."
        )
    assert e.detection == ["border_patrol", "public_tip"]


def test_a_judgments_crossing_of_months_before_is_background_not_news():
    text = (
        "ØST-FINNMARK DISTRICT COURT\n"
        "Judgment – summary\n\n"
        "The defendant, a Russian citizen aged 31, crossed the Pasvikelva at Svanvik on "
        "14 June 2025 and was detained by the police. He is fined NOK 15 000."
    )
    # (under the settled role convention a judgment's case of the last twelve months is its
    # news, read by its heading: the crossing of more than a year before is background)
    [e] = _events(text, date(2026, 11, 20))
    assert e.role == "previous"
    assert e.nationality == "RU"
    [e] = _events(text, date(2025, 11, 20))
    assert e.role == "main"
    # a crossing of the last days is the news of a remand ruling
    [e] = _events(text.replace("14 June 2025", "Monday 17 November 2025"), date(2025, 11, 20))
    assert e.role == "main"
    # "this year" marks the case as current, and CRLF line ends change nothing
    crlf = text.replace("14 June 2025", "3 February this year").replace("\n", "\r\n")
    [e] = _events(crlf, date(2025, 6, 14))
    assert e.role == "main"


def test_an_undated_decision_summary_or_counsels_statement_has_its_case_as_news():
    # (under the settled role convention: with no publication day the first crossing told is
    # the news, a look back's only)
    [e] = _events(
        "Summary of decision – Protection – Russia – Evasion of mobilisation\n"
        "The Board's conclusion: The appeal is not upheld.\n"
        "1. The complainant, a Russian citizen, crossed into Norway at Storskog on "
        "3 October 2022 and applied for asylum.",
        None,
    )
    assert e.role == "main"
    [e] = _events(
        "PRESS STATEMENT FROM COUNSEL\n"
        "Regarding my client, a 23-year-old Russian conscript\n"
        "1. My client crossed the border by swimming across the Pasvikelva at Skrøytnes on "
        "Saturday 12 August 2023.",
        None,
    )
    assert (e.role, e.nationality, e.affiliation) == ("main", "RU", "armed forces")


def test_a_news_story_about_a_court_case_keeps_its_news():
    # a headline, not a court's own heading: the writers of news take the case as news
    [e] = _events(
        "Court fines Russian who crossed at Svanvik\n\n"
        "A Russian man who crossed the Pasvikelva at Svanvik on 12 January was fined on "
        "Tuesday by the district court.",
        date(2025, 3, 5),
    )
    assert e.role == "main"


def test_a_crossing_last_year_or_years_before_is_not_the_news():
    [e] = _events(
        "Norwegian angler fined for straying into Russia\n\n"
        "A Norwegian man was fined on Tuesday for crossing the border river at Nyrud "
        "in August last year.",
        date(2025, 2, 18),
    )
    assert e.role == "previous"
    # a headline of this week's crossing does not make one of 2023 the news
    [e] = _events(
        "Man who says he is FSB officer came over at Storskog\n\n"
        "In 2023 a Russian man crossed the border at Storskog.",
        date(2025, 11, 12),
    )
    assert e.role == "previous"


def test_a_years_review_published_after_that_year_has_no_news():
    events = _events(
        "The border year 2024 – a timeline\n\n"
        "12.2. A Russian man crosses the Pasvik river at Svanvik.\n\n"
        "21.12. Two men are detained at Korpfjell after crossing the border.",
        date(2025, 1, 3),
    )
    assert [e.role for e in events] == ["previous", "previous"]


def test_a_memoirs_chapter_has_no_news():
    [e] = _events(
        "Chapter 7: Forty below\n\n"
        "In February 2001 a Russian soldier crossed the Jakobselva and was detained by the "
        "border patrol.",
        None,
    )
    assert e.role == "previous"


def test_words_of_a_court_or_an_ombudsman_inside_prose_make_no_document():
    # a news report that mentions a written question and a court in its sentences
    [e] = _events(
        "Two men crossed at Svanvik\n\n"
        "Two Russian men crossed the Pasvikelva at Svanvik on 2 October, police said. "
        "An MP has sent a written question to the minister. The district court will decide.",
        date(2025, 11, 20),
    )
    assert e.role == "main"


def test_norwegian_month_names_as_translated_copy_keeps_them():
    [e] = _events("On 4. mars 2025 a man from Syria went over the ice of the Pasvikelva.", None)
    assert (e.when.start, e.when.precision) == (date(2025, 3, 4), "day")
    [e] = _events("In januar a Syrian citizen went over the frontier by Jakobselva.")
    assert (e.when.start, e.when.end) == (date(2025, 1, 1), date(2025, 2, 1))
    [e] = _events("Januar 2024: two Russian men came over the frontier at Storskog.")
    assert (e.when.start, e.when.precision) == (date(2024, 1, 1), "month")
    # "Juli" alone is a name, not July
    assert not _events("Juli Kask met the press at the border station on Monday.")


def test_a_month_after_a_season_of_the_same_line_falls_within_it():
    [_, e] = _events(
        "On Tuesday a man crossed the Jakobselva. It is the second time this winter. In "
        "January a Syrian crossed the ice of the Pasvikelva.",
        date(2025, 3, 6),
    )
    assert (e.when.start, e.when.end) == (date(2025, 1, 1), date(2025, 2, 1))


def test_a_date_after_the_weekday_of_a_night_dates_it():
    [e] = _events(
        "In the night to Sunday 14 January 2024, at about 03.15, a man crossed the river."
    )
    assert (e.when.start, e.when.end) == (date(2024, 1, 14), date(2024, 1, 15))
    [e] = _events("In the night to Sunday 8 June 2025, at about 23.40, two men crossed the river.")
    assert (e.when.start, e.when.end) == (date(2025, 6, 7), date(2025, 6, 8))
    [e] = _events(
        "In the night between Friday 6 and Saturday 7 September 2024 three men crossed the "
        "river by boat.",
        None,
    )
    assert (e.when.start, e.when.end) == (date(2024, 9, 6), date(2024, 9, 8))
    [e] = _events("In the night from 4 on 5 October two men tried to cross the border.")
    assert (e.when.start, e.when.end) == (date(2024, 10, 4), date(2024, 10, 6))


def test_hours_as_translated_copy_writes_them_pick_the_night():
    [e] = _events(
        "In the night to Wednesday at 3 h 10 min a group of ten tried to cross the border."
    )
    assert (e.when.start, e.when.end) == (date(2025, 3, 19), date(2025, 3, 20))
    for hour in ("kl. 02.10", "2 h 10 min"):
        [e] = _events(
            "Three Russian men crossed the Pasvik river during the night to Tuesday.\n\nThe "
            f"three were detained after ground sensors were triggered at about {hour}."
        )
        assert (e.when.start, e.when.end) == (date(2025, 3, 18), date(2025, 3, 19))


def test_a_weekday_of_this_or_last_week_is_that_day():
    [e] = _events("On Tuesday of this week a Russian national crossed the Jakobselva on the ice.")
    assert (e.when.start, e.when.end) == (date(2025, 3, 18), date(2025, 3, 19))
    [e] = _events("On Tuesday last week a Russian national crossed the Jakobselva on the ice.")
    assert (e.when.start, e.when.end) == (date(2025, 3, 11), date(2025, 3, 12))


def test_the_beginning_or_end_of_a_year_is_its_early_or_late_part():
    [e] = _events("In the beginning of 2023 a former fighter crossed the Pasvikelva.")
    assert (e.when.start, e.when.end, e.when.precision) == (
        date(2023, 1, 1),
        date(2023, 5, 1),
        "year",
    )


def test_a_numbered_section_is_not_a_day_of_a_log():
    text = "3.1 A man crossed the river on Sunday.\n3.2 He asked for asylum.\n3.3 Outlook"
    assert [e.when.start for e in _events(text)] == [date(2025, 3, 16)]
    [e] = _events("02.06: One person crossed from the Russian side at Skrøytnes.")
    assert e.when.start == date(2025, 6, 2) - timedelta(days=365)


def test_not_less_than_is_a_lower_bound_and_not_a_negation():
    [e] = _events("On Monday a group of not less than twelve people tried to cross the border.")
    assert (e.people_count, e.people_lower_bound) == (12, True)
    [e] = _events("On Monday no fewer than sixty migrants crossed the border into Poland.")
    assert (e.people_count, e.people_lower_bound) == (60, True)
    [e] = _events("On Monday the border detail detained two violators of the state border.")
    assert e.people_count == 2


def test_went_over_the_frontier_is_a_crossing_and_went_over_the_figures_is_not():
    [e] = _events("On Monday a Syrian went over the frontier by the Jakobselva.")
    assert e.people_count == 1
    assert not _events("On Monday the committee went over the border budget for 2026.")
    # the way across after the border word (found trying it as a user: no event before)
    [e] = _events(
        "On Sunday, kl. 02.30, two Syrian men went over the frontier across the Pasvik river "
        "near Svanvik. The border guard detained them."
    )
    assert e.people_count == 2 and "Svanvik" in e.places
    assert not _events("On Monday the committee went over the border budget across all units.")


# Tuning after round 28: countries, detection and outcomes


def test_a_case_handed_to_the_immigration_police_is_referred():
    [e] = _events(
        "On Monday two Russian men crossed the Pasvik river at Svanvik and asked for asylum. "
        "The case has been handed to PU, which will register the applications today."
    )
    assert e.outcomes == ["asylum_requested", "referred"]
    # CRLF line ends and no final line break: a pasted e-mail
    [e] = _events(
        "Hi,\r\n\r\nOn Monday one pers. waded across the Jakobselva and asked for asylum.\r\n"
        "Case handed to the police immigration service"
    )
    assert "referred" in e.outcomes
    # handed to the police (not the immigration police) is no referral
    [e] = _events("On Monday a man crossed the Pasvik river at Svanvik. He was handed to police.")
    assert "referred" not in e.outcomes


def test_turned_back_towards_a_country_is_the_side_they_came_from():
    [e] = _events(
        "On Wednesday a patrol detected a group of six persons cutting the border fence. The "
        "persons were turned back towards Belarus. Among them were citizens of India."
    )
    assert (e.country_left, e.country_entered) == ("BY", None)
    [e] = _events(
        "On Wednesday a group of six migrants crossed from Belarus into Lithuania and were "
        "turned back towards Belarus the same night."
    )
    assert (e.country_left, e.country_entered) == ("BY", "LT")


def test_those_who_reported_to_us_or_came_to_a_patrol_themselves_surrendered():
    [e] = _events(
        "POLICE: the family crossed at Storskog on Saturday and reported to us themselves, "
        "they have applied for asylum"
    )
    assert e.detection == ["surrendered"]
    [e] = _events(
        "Over the weekend a soldier crossed the border into Lithuania and came to a patrol of "
        "the frontier station himself. He asked for asylum."
    )
    assert "surrendered" in e.detection
    [e] = _events(
        "On Monday a Syrian man crossed at Storskog. At the checkpoint he asked the Norwegian "
        "police for asylum."
    )
    assert (e.detection, e.outcomes) == (["surrendered"], ["asylum_requested"])
    # a patrol that found them, and a press invitation, are no surrender
    [e] = _events("On Monday a patrol found two men who had crossed the Pasvik river at Svanvik.")
    assert "surrendered" not in e.detection
    assert (
        _events(
            "Press invitation: Date: Monday 10:00. Location: Kirkenes police station. The police "
            "will present the annual report; journalists came to us themselves last year."
        )
        == []
    )


def test_telling_the_police_at_the_border_they_want_asylum_is_coming_forward():
    [e] = _events(
        "On Monday a family from Syria crossed at Storskog. At the border they told the "
        "Norwegian police that they wanted asylum."
    )
    assert e.detection == ["surrendered"]
    [e] = _events(
        "On Monday a man from Nikel drove to the Storskog crossing point and asked for "
        "protection at the checkpoint."
    )
    assert e.detection == ["surrendered"]
    # a neighbour who drove her to the police station found her: no surrender
    [e] = _events(
        "On Monday a woman crossed the frozen Pasvik river at Skogfoss. A neighbour found her "
        "by the road and drove her to the police station in Kirkenes."
    )
    assert "surrendered" not in e.detection


# --- Tuning after round 28: times said in words, hours as forms write them ---------------


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("in march twenty twenty-three", ("2023-03-01", "2023-04-01", "month")),
        ("in the winter of twenty twenty-four", ("2023-12-01", "2024-03-01", "season")),
        ("late in twenty twenty-three", ("2023-09-01", "2024-01-01", "year")),
        ("in two thousand and fifteen", ("2015-01-01", "2016-01-01", "year")),
        ("on the fourteenth of may", ("2025-05-14", "2025-05-15", "day")),
        ("on the twenty-second of november", ("2024-11-22", "2024-11-23", "day")),
        ("on march the third, twenty twenty-four", ("2024-03-03", "2024-03-04", "day")),
    ],
)
def test_dates_said_in_words_are_read_as_figures(phrase, expected):
    text = f"A Russian man crossed the river near Svanvik {phrase}, the border guard said."
    assert _when(text) == [expected]
    # as pasted: CRLF line ends, no final line break; the evidence is still the words said
    text = f"A Russian man crossed the river near Svanvik {phrase}.\r\nHe was detained"
    [e] = _events(text, PUBLISHED)
    assert e.when.text.endswith(phrase.split()[-1])


def test_numbers_in_words_that_are_no_year_stay_counts():
    text = "In June, twenty twenty-year-olds crossed the border at Storskog, police said."
    [e] = _events(text, PUBLISHED)
    assert (e.when.start, e.when.precision) == (date(2025, 6, 1), "month")
    text = "The press conference starts at 10. Twenty twenty-three was a quiet year, he said."
    assert _events(text, PUBLISHED) == []


def test_a_forms_hour_and_a_spoken_hour_pick_the_night():
    [e] = _events("In the night to Tuesday, kl. 0230, one man crossed at Storskog on foot.")
    assert (e.when.start, e.when.end) == (date(2025, 3, 18), date(2025, 3, 19))
    [e] = _events("In the night to Tuesday at about one a m a Russian man crossed the river.")
    assert (e.when.start, e.when.end) == (date(2025, 3, 18), date(2025, 3, 19))
    [e] = _events("In the night to Tuesday, kl. 2330, one man crossed at Storskog on foot.")
    assert (e.when.start, e.when.end) == (date(2025, 3, 17), date(2025, 3, 18))


def test_an_e_mails_sent_line_dates_the_message_not_the_event():
    text = (
        "From: Border Guard ops\r\nSent: Fri 19.12.25 06:45\r\n\r\nTwo Tajik men crossed the "
        "border from Russia near Korpfjell and were apprehended by a Norwegian border patrol"
    )
    [e] = _events(text, date(2025, 12, 19))
    assert e.when.precision == "unknown"  # no time of its own; the message's is not one
    [e] = _events(text.replace("Korpfjell", "Korpfjell on Thursday"), date(2025, 12, 19))
    assert (e.when.start, e.when.end) == (date(2025, 12, 18), date(2025, 12, 19))


def test_trying_to_enter_from_a_country_is_a_crossing_but_goods_entering_are_not():
    text = (
        "On Monday border guards turned back at least 14 migrants who tried to enter from Belarus."
    )
    [e] = _events(text)
    assert (e.when.start, e.people_count, e.people_lower_bound) == (date(2025, 3, 17), 14, True)
    assert e.country_left == "BY"
    text = "Press invitation\r\nThe minister will speak about timber that entered from Russia"
    assert _events(text) == []
    assert (
        _events("Timber worth 3 million kroner entered from Russia last year, customs said.") == []
    )


def test_a_text_of_lines_without_full_stops_is_read_not_taken_for_headings():
    # a sentence pasted without its last stop, a text message, a one-line note (found
    # trying the rules as a user: each gave no event before)
    [e] = _events("Two men crossed the border at Storskog on Monday and asked for asylum")
    assert e.people_count == 2 and "asylum_requested" in e.outcomes
    [e] = _events("Svanvik 0340\r\n2 pers RU nat apprehended near Svanvik, asked asylum\r\n")
    assert "Svanvik" in e.places and "detained" in e.outcomes
    # a headline over a body still is one, and a notice without a crossing is no event
    assert not _events("Minister to visit Storskog on Monday")
    [e] = _events("Two men crossed at Storskog\n\nTwo Syrians crossed at Storskog on Monday.")
    assert e.nationality == "SY"
    # a closing sentence pasted without its stop heads nothing: it is read (it was taken for
    # a heading and gave no event)
    for nl, tail in (("\n", ""), ("\n", "\n"), ("\r\n", "\r\n")):
        quiet = "It was a quiet week at the border."
        [e] = _events(f"{quiet}{nl}{nl}In May 2024 a woman crossed at Skogfoss{tail}")
        assert e.places == ["Skogfoss"] and e.when.start == date(2024, 5, 1)
    # and a signature after the report is no event of its own
    [e] = _events("Two men crossed at Storskog on Monday.\n\nFinnmark Police District")
    assert e.places == ["Storskog"]


def test_heading_for_a_countrys_border_is_where_they_were_going():
    [e] = _events(
        "Border guards on Tuesday detained a soldier near Nikel who was heading for the "
        "Norwegian border."
    )
    assert (e.country_left, e.country_entered) == ("RU", "NO")


def test_a_lawful_entry_on_a_visa_is_not_the_crossing():
    [e] = _events(
        "Border guards detained two men near Nikel on Monday. They had entered Russia on "
        "tourist visas and intended to cross into Norway.\r\nThey will be deported."
    )
    assert (e.country_left, e.country_entered) == ("RU", "NO")


def test_trying_to_get_into_a_country_names_the_side():
    [e] = _events("About 30 people tried to get over into Latvia from Belarus on Monday evening")
    assert (e.country_left, e.country_entered) == ("BY", "LV")


def test_shorthand_nat_after_a_code_or_a_demonym_is_the_nationality():
    [e] = _events("2 pers RU nat apprehended 0340 on Tuesday near Svanvik, asked asylum")
    assert e.nationality == "RU"
    [e] = _events("- Tue: 1 pers Syrian nat crossed the Pasvikelva on ice, apprehended by patrol.")
    assert e.nationality == "SY"


def test_soldiers_with_the_guards_or_spoken_to_are_not_the_crossers():
    [e] = _events(
        "On Sunday a group of migrants crossed the fence from Belarus. Polish border guards and "
        "soldiers were sent to the barrier."
    )
    assert e.affiliation is None
    [e] = _events(
        "Two border soldiers detained a man who swam the Pasvikelva at Skogfoss on Monday. He "
        "told the soldiers he was a citizen of Tajikistan, and the soldiers handed him to the "
        "police"
    )
    assert (e.affiliation, e.nationality) == (None, "TJ")


def test_a_dateline_of_several_places_in_capitals_is_no_place():
    [e] = _events(
        "ST PETERSBURG/MURMANSK, Mar 20 (Wire) - Estonian border guards detained a man who swam "
        "across the Narva river from Russia on Wednesday night."
    )
    assert (e.places, e.country_left, e.country_entered) == ([], "RU", "EE")


def test_a_birth_year_never_dates_the_crossing():
    text = (
        "A citizen of Uzbekistan, born in 1996, was found guilty. On the night of 26 to 27 "
        "January 2025, at about 03:40, he crossed the border near Nikel."
    )
    [e] = _events(text, date(2025, 6, 18))
    assert (e.when.start, e.when.end) == (date(2025, 1, 27), date(2025, 1, 28))
    [e] = _events("A man (date of birth: 03.05.1990) crossed the border at Storskog on Monday.")
    assert e.when.start == date(2025, 3, 17)


def test_this_night_and_a_night_of_two_days_in_figures():
    [e] = _events("2 pers RU nat apprehended 0340 this night near Svanvik", date(2025, 3, 4))
    assert (e.when.start, e.when.end, e.people_count) == (date(2025, 3, 4), date(2025, 3, 5), 2)
    text = "On the night of 16/17.03.2025 a man crossed the border near Svanvik.\r\n"
    [e] = _events(text, date(2025, 3, 20))
    assert (e.when.start, e.when.end) == (date(2025, 3, 16), date(2025, 3, 18))


def test_a_count_repeated_in_figures_and_a_guy_are_counted():
    [e] = _events("On Monday two (2) citizens of Norway crossed the line near Nikel.")
    assert e.people_count == 2
    [e] = _events("Last week a guy swam across the Pasvik river and was arrested.")
    assert e.people_count == 1
    [e] = _events("Last week the Wagner guy who went over the frozen Pasvik river was arrested.")
    assert e.people_count == 1


def test_arriving_at_a_crossing_point_or_asking_asylum_in_second_language_english():
    [e] = _events(
        "Last Thursday one Russian man came to Storskog border station and asked protection"
    )
    assert e.when.start == date(2025, 3, 13) and e.people_count == 1
    [e] = _events(
        "- 03.03 Storskog: 1 pers, citizen of Russia, came to border control, asked asylum."
    )
    assert "asylum_requested" in e.outcomes
    # not visitors of the checkpoint
    assert not _events(
        "Minutes\n\nJournalists who came to the checkpoint last year asked questions."
    )


def test_a_count_put_right_later_counts_the_news_event():
    text = (
        "Heard three men crossed at Svanvik yesterday.\n"
        "Reply: police say it was two men, not three. Both asked asylum."
    )
    [e] = _events(text)
    assert e.people_count == 2
    text = (
        "Heard that 3 soldiers came over the river at Skogfoss on Monday.\r\n"
        "Reply: Police say it was one man, a conscript, not three"
    )
    from borderwatch.sources import learned

    # (the rules' reading: the keep decision of 1.69 rates this two-line exchange 0.29,
    # just below its 0.3; short texts are few in dev, see docs/EXTRACTION.md)
    with learned.use(_without_keep()):
        [e] = _events(text)
    assert e.people_count == 1
    [e] = _events("Three men crossed at Svanvik on Monday, not three km from the road.")
    assert e.people_count == 3


# --- tuning after round 31: role, detection and outcomes ---------------------------------


def test_russian_official_wording_of_a_charge_and_a_handover():
    text = (
        "On Monday a Finnish hiker crossed the border near Korpfjell and was detained by a "
        "border detail.\r\nA criminal case under Article 322 of the Criminal Code has been "
        "opened against him"
    )
    [e] = _events(text)
    assert e.outcomes == ["detained", "charged"]
    text = (
        "Two Syrians crossed into Norway near Svanvik on Monday and were detained by a Norwegian "
        "patrol. On Wednesday the Norwegian side handed over both Syrians to Russian border guards."
    )
    [e] = _events(text)
    assert e.outcomes == ["detained", "returned"]
    [e] = _events(
        "In June a Norwegian tourist crossed the Jakobselva and was released after a fine."
    )
    assert "charged" in e.outcomes
    # a meeting's minutes: no crossing, so no event for the charge or the handover
    text = (
        "Minutes of the meeting, 12 March\r\nA criminal case was opened against the contractor. "
        "The Norwegian side handed over the minutes"
    )
    assert _events(text) == []


def test_a_dated_later_step_stays_with_the_persons_in_focus():
    text = (
        "On Monday two Norwegians crossed into Russia near Nikel and were detained by border "
        "guards.\n\nThe transfer of the persons to the Norwegian side will take place on "
        "24.03.2025 at 10:00."
    )
    [e] = _events(text)
    assert e.outcomes == ["detained", "returned"]
    # a dated clause with people of its own is another event
    text = "On Monday a man crossed at Storskog. On 19 March two others were detained at Storskog."
    assert len(_events(text)) == 2


def test_liaison_shorthand_for_the_border_guard_the_tip_and_the_referral():
    [e] = _events(
        "2 pers RU nat apprehended by grensevakt near Svanvik, asked asylum, transfer to PU"
    )
    assert e.role == "main"  # the only event, though no time is given
    assert e.detection == ["border_patrol"]
    assert e.outcomes == ["detained", "asylum_requested", "referred"]
    text = (
        "On Sunday a man crossed the border near Skogfoss. A local resident saw him on the road "
        "and called politiet.\r\n"
    )
    assert _events(text)[0].detection == ["public_tip"]
    text = "On Sunday 20 persons crossed the fence. Resident of village called to Straz Graniczna"
    assert _events(text)[0].detection == ["public_tip"]
    # a person called to a meeting tells nothing of a finding
    assert _events("Residents called to Mayor Hansen for a speech on Monday") == []


def test_a_season_or_year_counted_from_the_event_in_focus():
    text = (
        "In the winter of 2019 a Russian man crossed the frozen Pasvik river at Vaggetem.\r\n"
        "\r\nThe following spring his brother crossed the border at Storskog."
    )
    assert ("2019-03-01", "2019-06-01", "season") in _when(text)
    text = (
        "In October 2022 two Russians crossed the border at Storskog.\n\nThat same winter a "
        "man from Nikel walked across the ice at Svanvik.\n\nTwo years later a woman crossed "
        "the border at Skogfoss."
    )
    whens = _when(text)
    assert ("2022-12-01", "2023-03-01", "season") in whens
    # the year two after the one the winter ended in
    assert ("2025-01-01", "2026-01-01", "year") in whens


def test_a_season_counted_from_no_event_is_not_the_publications():
    text = "The following spring a Russian man crossed the border at Storskog."
    assert all(w[2] != "season" for w in _when(text))
    text = "Minutes: the following spring the committee will meet again in Kirkenes.\n"
    assert _when(text) == []
    # nor one counted past the publication day: the following spring of last week's crossing
    text = (
        "On Tuesday a Syrian woman crossed the border at Storskog.\r\n\r\n"
        "The following spring her husband crossed the border at Svanvik"
    )
    first, then = _when(text, date(2026, 11, 20))
    assert first == ("2026-11-17", "2026-11-18", "day")
    assert then == (None, None, "unknown")


def test_a_person_and_the_kin_or_companions_they_came_with_add_up():
    def people(text):
        [e] = _events(text)
        return e.people_count, e.people_lower_bound

    assert people("On Tuesday he and his younger brother crossed the river near Svanvik.") == (
        2,
        False,
    )
    assert people("On Monday a woman and her two children crossed at Storskog.") == (3, False)
    assert (
        people("On Monday a couple with a baby arrived at Storskog and asked for asylum.")[0] == 3
    )
    assert people("On Tuesday my wife and I walked across the border at Storskog.")[0] == 2
    assert people('"On Tuesday the three of us walked across the border at Storskog."')[0] == 3
    assert people('"We were four. On Tuesday we crossed the river near Nyrud."')[0] == 4
    assert people("On Monday a family from Syria, five of them, crossed at Storskog.")[0] == 5
    text = (
        "On Sunday she crossed near Vaggetem together with her mother, her two brothers and "
        "four other villagers."
    )
    assert people(text) == (8, False)
    assert people("On 2 February I crossed at Salla together with at least three other men.") == (
        4,
        True,
    )
    # "his children": how many is not said
    assert people("On Monday a man and his children crossed at Storskog.")[0] == 1


def test_kin_and_first_person_counts_outside_a_crossing_make_no_event():
    text = (
        "Invitation: On Monday the mayor and his wife will host the reception at the town "
        "hall. The three of us on the committee will be there.\r\nWe were four hours late "
        "last time; my wife and I thank the hosts."
    )
    assert _events(text) == []


def test_a_forms_numbered_field_and_a_tables_persons_column_give_the_count():
    form = (
        "INCIDENT FORM\r\n1. Date: 18.03.2025\r\n2. Location: Svanvik\r\n3. Number of persons: 3"
        "\r\n4. Description: Persons crossed the Pasvik river and were detained by a patrol."
    )
    assert [e.people_count for e in _events(form)] == [3]
    csv = (
        "date;time;location;persons;nationality;action\n"
        "2025-03-18;21:45;Svanvik;3;SY;detained after crossing\n"
        "2025-03-17;03:10;Nyrud;2;RU;detained after crossing"
    )
    assert [e.people_count for e in _events(csv)] == [3, 2]
    table = (
        "Date | Place | Pers. | Nat. | Outcome\r\n17/3 | Vaggetem | 4 | AF | crossed, asylum\r\n"
        "18/3 | Svanvik | 1 | SY | crossed, detained"
    )
    assert [e.people_count for e in _events(table)] == [4, 1]
    # a persons column where nobody crossed makes no event
    minutes = "date;time;location;persons;comment\n2025-03-18;10:00;Town hall;12;council meeting"
    assert _events(minutes) == []


# --- the keep decision: a learned veto on the events proposed (data/learned.json) ---------

IF_THEY_TRY = (
    "The minister said on Monday that if people try to cross the border at the Jakobselva, "
    "they will be stopped and returned to Russia."
)
CROSSED_AT_NIGHT = (
    "A Russian man crossed the Pasvik river on Monday night and was detained by border "
    "soldiers near Svanvik. He asked for asylum."
)


def _without_keep():
    from borderwatch.sources import learned

    shipped = learned.model()
    heads = {k: v for k, v in shipped.heads.items() if k != "keep"}
    return learned.Model(heads, shipped.settings)


@pytest.mark.parametrize(
    "text", [IF_THEY_TRY, "Fence plans\n\n" + IF_THEY_TRY, "Fence plans\r\n\r\n" + IF_THEY_TRY]
)
def test_the_keep_decision_vetoes_a_hypothetical_crossing(text):
    from borderwatch.sources import learned

    with learned.use(_without_keep()):
        assert len(extract(text, date(2025, 3, 12)).events) == 1  # the rules' event
    assert extract(text, date(2025, 3, 12)).events == []


@pytest.mark.parametrize("text", [CROSSED_AT_NIGHT, CROSSED_AT_NIGHT + "\r\n"])
def test_the_keep_decision_keeps_a_plain_crossing(text):
    [e] = extract(text, date(2025, 3, 12)).events
    assert e.role == "main" and e.places == ["Pasvikelva", "Svanvik"]


def test_a_vetoed_event_leaves_the_news_to_the_others():
    from borderwatch.sources import learned

    text = IF_THEY_TRY + " " + CROSSED_AT_NIGHT
    with learned.use(_without_keep()):
        assert [e.role for e in extract(text, date(2025, 3, 12)).events] == ["previous", "main"]
    [e] = extract(text, date(2025, 3, 12)).events
    assert e.role == "main" and e.when.text == "on Monday night"


def test_the_keep_decision_never_vetoes_a_tables_row():
    from borderwatch.sources import learned

    shipped = learned.model()
    doubting = learned.Model({**shipped.heads, "keep": learned.Head(-10.0, {})}, shipped.settings)
    table = (
        "Date | Place | Pers. | Nat. | Outcome\r\n17/3 | Vaggetem | 4 | AF | crossed, asylum\r\n"
        "18/3 | Svanvik | 1 | SY | crossed, detained"
    )
    with learned.use(doubting):
        assert [e.people_count for e in extract(table, date(2025, 3, 20)).events] == [4, 1]
        assert extract(CROSSED_AT_NIGHT, date(2025, 3, 12)).events == []


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_tables_row_opening_with_its_day_and_month_and_a_slash_is_dated(end):
    table = end.join(
        [
            "Handover, week 47",
            "Date | Place | Pers. | Outcome",
            "17/11 | Vaggetem | 4 | crossed, detained",
            "18/11 | Svanvik | 1 | crossed, detained",
        ]
    )
    events = _events(table, date(2026, 11, 23))
    assert [(e.when.start, e.when.precision, e.people_count) for e in events] == [
        (date(2026, 11, 17), "day", 4),
        (date(2026, 11, 18), "day", 1),
    ]
    # only at a row's start and before a separator: a score in a line is no day
    assert _events("Exercise results\nTeam A scored 3/4 | Team B 2/4", date(2026, 11, 23)) == []


@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=40),
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=20),
)
def test_the_taken_spans_answer_overlap_as_a_scan_of_all_of_them_does(added, asked):
    # the rules' "is this match inside a cue already found?" is looked up in order of start
    # (a long text's thousands of cues made the plain scan quadratic); it must say the same
    from borderwatch.sources.extract import _Taken

    taken, spans = _Taken(), []
    for start, length in added:
        taken.add(start, start + length)
        spans.append((start, start + length))
        for a, n in asked:
            assert taken.overlaps(a, a + n) == any(s < a + n and a < e for s, e in spans)


def test_a_long_log_is_read_line_by_line_like_a_short_one():
    # thousands of log lines (their sentence starts set at once) give what ten give
    line = "{:02d}.05 0710 Patrol found 2 men near Storskog, detained\n"
    short = "".join(line.format(d) for d in range(1, 11))
    long = "".join(line.format(d % 28 + 1) for d in range(2000))
    first = extract(short, date(2025, 6, 1)).events
    many = extract(long, date(2025, 6, 1)).events
    assert len(first) == 10 and len(many) == 28
    assert [e.when.start for e in many[:10]] == [e.when.start for e in first]


@pytest.mark.parametrize(
    "text, count",
    [
        ("On 2 May 2024 2 men crossed the border near Storskog.", 2),
        ("On 2 May 2024 12 men crossed the border near Storskog.", 12),
        ("Log, Saturday 27 September 2025\n13:02 one man crossed the border at Storskog.", 1),
    ],
)
def test_a_figure_after_a_full_date_leaves_the_date_whole(text, count):
    # the day's figure that follows is the people's count (or the next line's clock), not a
    # sign that "2 May 2024" is no date: read as "May 2024" the event was a month's count
    (event,) = extract(text, date(2025, 10, 1)).as_dict()["events"]
    assert event["when"]["precision"] == "day"
    assert event["when"]["start"] in ("2024-05-02", "2025-09-27")
    assert event["people"]["count"] == count


@pytest.mark.parametrize(
    "sentence",
    [
        "He gave himself up to a Norwegian border patrol.",
        "He surrenders to the first Norwegian patrol he meets.",
        "They came forward to border soldiers at the post.",
        "She presented herself to the Norwegian border guard.",
    ],
)
def test_guards_someone_came_forward_to_are_not_a_cue_that_they_found_him(sentence):
    # README: coming forward to the guards is `surrendered` alone; the guards are no finders
    from borderwatch.sources.extract import find_detection

    assert "border_patrol" not in {c.value for c in find_detection(sentence)}


@given(st.text(alphabet="ab .!?\n", max_size=30), st.data())
def test_a_sentence_is_bounded_by_the_nearest_stops(text, data):
    # the stops are looked for from the nearest one found so far, not from the text's ends
    # (a long text asked it at every cue); the sentence is the same as a plain search's
    from borderwatch.sources.extract import _sentence_bounds

    at = data.draw(st.integers(0, len(text)))
    stops = (". ", "! ", "? ", "\n")
    start = max(text.rfind(stop, 0, at) for stop in stops) + 1
    ends = [e for e in (text.find(stop, at) for stop in stops) if e >= 0]
    assert _sentence_bounds(text, at) == (start, min(ends, default=len(text)))


# --- a table's columns read as their headers say ---------------------------------------


def test_a_tables_nationality_detection_and_outcome_columns_are_read():
    table = (
        "Date | Place | Pers. | Nat. | Detected by | Outcome\r\n"
        "17/11 | Vaggetem | 4 | AF | tip | crossed, asylum\r\n"
        "18/11 | Storskog | 2 | SYR | patrol | crossed, refused"
    )
    events = _events(table, date(2026, 11, 23))
    assert [(e.people_count, e.nationality, e.detection, e.outcomes) for e in events] == [
        (4, "AF", ["public_tip"], ["asylum_requested"]),
        (2, "SY", ["border_patrol"], ["refused"]),
    ]


def test_a_tab_separated_table_and_a_header_in_another_order_are_read():
    tabbed = (
        "Date\tPlace\tPersons\tNationality\tDetected by\tOutcome\n"
        "17.11.2026\tVaggetem\t4\tAfghans\ttip\tcrossed, asylum\n"
        "18.11.2026\tSvanvik\t1\tSyria\tpatrol\tcrossed, detained"
    )
    events = _events(tabbed, date(2026, 11, 23))
    assert [(e.people_count, e.nationality) for e in events] == [(4, "AF"), (1, "SY")]
    reordered = (
        "Date;Outcome;Nat.;Pers.;Place\n"
        "17.11.2026;crossed, asylum;RU;3;Storskog\n"
        "18.11.2026;crossed, detained;AFG;1;Svanvik"
    )
    events = _events(reordered, date(2026, 11, 23))
    assert [(e.people_count, e.nationality, e.outcomes) for e in events] == [
        (3, "RU", ["asylum_requested"]),
        (1, "AF", ["detained"]),
    ]


def test_a_statistics_table_and_a_code_in_running_text_make_no_event_or_nationality():
    stats = (
        "Monthly figures, Storskog\n\nMonth | crossings | asylum applications\n"
        "January | 12 | 10\nFebruary | 8 | 7\n\n"
        "The figures were presented at the council meeting on Tuesday."
    )
    assert _events(stats, date(2026, 11, 23)) == []
    by_nationality = "Nationality | applications | status\nAF | 120 | pending\nSY | 80 | decided"
    assert _events(by_nationality, date(2026, 11, 23)) == []
    [event] = _events(
        "Two men crossed the Pasvik river near Svanvik on Monday and asked for asylum. "
        "AF and SY delegations met the border commissioner on Tuesday.",
        date(2026, 11, 23),
    )
    assert event.nationality is None


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_tables_date_column_dates_its_row_wherever_it_stands(end):
    for day in ("17.11.2026", "17/11"):
        table = end.join(
            [
                "Place | Pers. | Nat. | Outcome | Date",
                f"Vaggetem | 4 | AF | crossed, detained | {day}",
                f"Svanvik | 1 | SY | crossed, asylum | {day.replace('17', '18', 1)}",
            ]
        )  # no final line break: pasted as it is
        events = _events(table, date(2026, 11, 23))
        assert [(e.when.start, e.people_count, e.nationality, e.places) for e in events] == [
            (date(2026, 11, 17), 4, "AF", ["Vaggetem"]),
            (date(2026, 11, 18), 1, "SY", ["Svanvik"]),
        ]


@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_tab_separated_row_opening_with_its_day_and_month_and_a_slash_is_dated(end):
    table = end.join(
        [
            "When\tPlace\tPers.\tOutcome",
            "17/11\tVaggetem\t4\tcrossed, detained",
            "18/11\tSvanvik\t1\tcrossed, detained",
        ]
    )
    events = _events(table, date(2026, 11, 23))
    assert [(e.when.start, e.people_count) for e in events] == [
        (date(2026, 11, 17), 4),
        (date(2026, 11, 18), 1),
    ]
    # the day's words are the text's own, at their offsets
    assert [ev.text for e in events for ev in e.evidence if ev.field == "when"] == [
        "17/11",
        "18/11",
    ]


@pytest.mark.parametrize("end", ["", "\r\n"])
def test_a_tables_short_remarks_give_its_detection_and_outcome_words(end):
    table = (
        "Date | Place | Pers. | Outcome | Remarks\r\n"
        "17/11 | Vaggetem | 4 | crossed, detained | asylum req.\r\n"
        "18/11 | Svanvik | 1 | crossed, detained | tip from resident" + end
    )
    events = _events(table, date(2026, 11, 23))
    assert [(e.detection, e.outcomes) for e in events] == [
        ([], ["detained", "asylum_requested"]),
        (["public_tip"], ["detained"]),
    ]
    # a long remark is free text: its bare words are no finding
    [event] = _events(
        "Date | Place | Pers. | Outcome | Notes\n17/11 | Vaggetem | 4 | crossed, detained | "
        "the asylum question was raised with a resident of the village later",
        date(2026, 11, 23),
    )
    assert (event.detection, event.outcomes) == ([], ["detained"])


def test_a_statistics_table_with_a_date_and_a_remarks_column_makes_no_event():
    stats = (
        "Month | Pers. | Remarks | Date\r\n"
        "January | 12 | asylum | 31.01.2026\r\n"
        "February | 8 | tip | 28.02.2026"
    )
    assert _events(stats, date(2026, 11, 23)) == []
    minutes = (
        "Minutes of the council meeting\nTime | Item | Pers. | Notes\n"
        "10:00 | Opening | 12 | asylum\n11.11.2026 | Border | 3 | tip from residents\n\n"
        "The meeting closed at noon."
    )
    assert _events(minutes, date(2026, 11, 23)) == []


@pytest.mark.parametrize("sep", [" | ", "\t", ";"])
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_a_tables_dated_rows_are_events_without_a_crossings_word(sep, end):
    table = end.join(
        sep.join(cells)
        for cells in [
            ("Date", "Place", "Persons", "Nat.", "Outcome"),
            ("24.11", "Storskog", "2", "SYR", "asylum"),
            ("24.11", "Vaggetem", "1", "AFG", "returned"),
            ("25.11", "Svanvik", "3", "IRQ", "detained"),
        ]
    )
    events = _events("Handover, Kirkenes station" + end + end + table, date(2026, 11, 25))
    assert [
        (e.when.start, e.places, e.people_count, e.nationality, e.outcomes) for e in events
    ] == [
        (date(2026, 11, 24), ["Storskog"], 2, "SY", ["asylum_requested"]),
        (date(2026, 11, 24), ["Vaggetem"], 1, "AF", ["returned"]),
        (date(2026, 11, 25), ["Svanvik"], 3, "IQ", ["detained"]),
    ]
    # each row is the evidence of its event
    rows = table.split(end)[1:]
    assert [ev.text for e in events for ev in e.evidence if ev.field == "event"] == rows


def test_a_csv_rows_cells_without_spaces_give_their_places_and_counts():
    export = (
        "date;time;location;persons;nationality;detected_by;action\n"
        "2024-09-09;21:45;Svanvik, road 885;appr. 4;SY;resident phoned police;detained\n"
        "2024-09-05;n/a;Korpfjell;1;unknown;patrol;returned"
    )
    events = _events(export, date(2024, 9, 10))
    assert [(e.when.start, e.places, e.people_count, e.detection) for e in events] == [
        (date(2024, 9, 9), ["Svanvik"], 4, ["public_tip"]),
        (date(2024, 9, 5), ["Korpfjell"], 1, ["border_patrol"]),
    ]


def test_a_tables_rows_that_record_no_crossing_make_no_event():
    for row in (
        "26.11 | Treriksroysa | unknown | unknown | search negative, no pers. found",
        "Total | | 6 | | ",
        "Week 47 | Storskog | 6 | SY | asylum",
        "Jan 2026 | Storskog | 6 | SY | asylum",
        "26.11 | Storskog | 140 | RU | refused",  # the checkpoint's day, not a crossing
        "26.11 | Storskog | 4 | | ",  # a patrol roster's officers
    ):
        table = "Date | Place | Persons | Nat. | Outcome\n" + row
        assert _events(table, date(2026, 11, 27)) == [], row


@pytest.mark.parametrize("sep", [" | ", ";", "\t"])
def test_a_table_without_dates_takes_the_day_of_the_heading_over_it(sep):
    rows = [
        ["Place", "Persons", "Nat.", "Outcome"],
        ["Storskog", "2", "SYR", "asylum requested"],
        ["Svanvik", "1", "RUS", "detained, asylum"],
        ["Nyrud", "0", "-", "search negative, no pers. found"],
    ]
    table = "\n".join(sep.join(row) for row in rows)
    note = f"Handover note, night shift 24/25 November 2026\n\n{table}\n\nNothing else. /duty\n"
    events = _events(note, date(2026, 11, 25))
    assert [(e.places, e.people_count, e.nationality) for e in events] == [
        (["Storskog"], 2, "SY"),
        (["Svanvik"], 1, "RU"),
    ]
    # the night of two days is both of them
    assert {(e.when.start, e.when.end, e.when.precision) for e in events} == {
        (date(2026, 11, 24), date(2026, 11, 26), "day")
    }
    assert "asylum_requested" in events[0].outcomes and "detained" in events[1].outcomes


def test_a_table_under_a_months_heading_is_figures_not_events():
    for heading in ("Arrivals, November 2026", "Summary for 2025", "Arrivals by place"):
        table = "Place | Persons | Nat. | Outcome\nStorskog | 12 | SYR | asylum requested"
        assert _events(f"{heading}\n\n{table}\n", date(2026, 12, 2)) == [], heading


def test_a_night_shifts_two_days_are_a_span_of_both():
    for said, start, end in (
        ("Night shift 16/17.03.2026:", date(2026, 3, 16), date(2026, 3, 18)),
        ("Night 3-4 May 2026,", date(2026, 5, 3), date(2026, 5, 5)),
        ("In the night of 24/25 November 2026", date(2026, 11, 24), date(2026, 11, 26)),
    ):
        [event] = _events(f"{said} two men crossed the border at Storskog.", date(2026, 11, 26))
        assert (event.when.start, event.when.end) == (start, end), said


@pytest.mark.parametrize("end", ["", "\r\n"])
def test_a_military_date_time_group_dates_a_reports_event(end):
    report = (
        "EUROSUR INCIDENT 270415Z JAN 25\r\nUAV observed two pers. crossing the Pasvik "
        "river ice near Skogfoss; both detained by GSV patrol." + end
    )
    [event] = _events(report, date(2025, 1, 28))
    assert (event.when.start, event.when.precision) == (date(2025, 1, 27), "day")
    [event] = _events(
        "SITREP 11NOV24 0230Z: one pers. crossed at Jakobselva, detained by patrol.",
        date(2024, 11, 12),
    )
    assert event.when.start == date(2024, 11, 11)
    # a flight number and a clock in Zulu time are no date
    assert find_times("Flight SK4012 landed at 0230Z, gate B12NOV.", date(2025, 1, 28)) == []


# --- nationality: the constructions that name where the persons are from -----------------


def _nationalities(text, published=THURSDAY):
    return [e.nationality for e in _events(text, published)]


def test_a_people_named_after_those_counted_is_their_nationality():
    assert _nationalities(
        "Sat 08.03, 22:40 - 3 pers., Afghans, crossed the Pasvikelva at Nyrud on the ice. "
        "Apprehended by patrol."
    ) == ["AF"]
    assert _nationalities(
        "On Tuesday night border guards stopped at least six people, Iraqis they said, "
        "who had climbed the fence near Storskog."
    ) == ["IQ"]
    # "two men, Norwegian police said": who said it, not who the men are
    assert _nationalities(
        "Two men, Norwegian police said, crossed the river at Svanvik on Tuesday night."
    ) == [None]


def test_a_list_of_peoples_is_read_whole():
    assert _nationalities(
        "On Monday a group of about 20 crossed near Storskog. The group included Sudanese, "
        "Eritreans and Afghans, police said."
    ) == ["SD"]
    # the list's end says whose it is: the authorities', not the persons'
    assert _nationalities(
        "On Monday a man crossed the border near Treriksroysa. Finnish and Norwegian "
        "authorities are searching for him."
    ) == [None]


def test_where_a_person_says_they_are_from_is_their_nationality():
    assert _nationalities(
        'Farah, 31, from Somalia: "We walked over the border at Storskog on Tuesday night."'
    ) == ["SO"]
    assert _nationalities(
        "We are from Iraq. On Tuesday night we crossed the river at Svanvik in a small boat."
    ) == ["IQ"]
    assert _nationalities(
        "On Tuesday a group, maybe twelve, all from Sudan, crossed the border at Storskog."
    ) == ["SD"]


def test_a_form_or_logs_citizenship_field_names_the_country():
    assert _nationalities(
        "21.11 0140 Patrol 3 apprehends 1 pers. near Jakobselva. Pers. states citizenship "
        "SYRIA. Handed to police."
    ) == ["SY"]
    assert _nationalities(
        'date: 21.11\nlocation: Skogfoss\nno. of persons: 2\nnationality : "afghan"\n'
        "action taken: apprehended",
    ) == ["AF"]


def test_a_things_make_or_a_borrowed_passport_is_no_nationality():
    assert _nationalities(
        "On Tuesday police at Storskog found a man hidden in a Russian-registered lorry. "
        "The man is a citizen of Iraq."
    ) == ["IQ"]
    assert _nationalities(
        "On Tuesday a man tried to enter Norway at Storskog with a Latvian passport "
        "belonging to his cousin. He was stopped by the police."
    ) == [None]


def test_soldiers_who_stopped_the_persons_are_not_those_who_crossed():
    assert _nationalities(
        "On Tuesday night Polish soldiers and the Border Guard stopped a group of 14 at the "
        "fence near Bialowieza."
    ) == [None]
    # soldiers who crossed are
    assert _nationalities(
        "On Tuesday night two Russian soldiers from the garrison in Pechenga walked across "
        "the border at Korpfjell and asked for asylum."
    ) == ["RU"]
    assert _nationalities(
        "Igor, 23, deserted from the Belarusian army and crossed the river at Svanvik on "
        "Tuesday night."
    ) == ["BY"]


def test_the_receiving_sides_guards_in_a_headline_do_not_hide_the_persons_nationality():
    assert _nationalities(
        "Russian conscript gives himself up to Norwegian guards\n\nA Russian conscript who "
        "had left his unit crossed into Norway near Korpfjell on Tuesday night and asked for "
        "asylum."
    ) == ["RU"]


# --- places: corrections, speakers, later steps, origins and other borders --------------


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # a correction takes a place back; the place it gives instead stands
        (
            "14:10 UPDATE: The two men were found at Nyrud, not near Svanvik as we wrote earlier.",
            [("Nyrud", "place"), ("Svanvik", "alternative")],
        ),
        (
            "(Updated 15:02: an earlier version of this post said near Skogfoss.)",
            [("Skogfoss", "alternative")],
        ),
        # where an official spoke, and the town's court, council or Red Cross
        (
            "Speaking to reporters in Kirkenes, the police chief said a man had crossed "
            "at Svanvik.",
            [("Kirkenes", "destination"), ("Svanvik", "place")],
        ),
        (
            "Kirkenes court fines Russian man for crossing at Nyrud",
            [("Kirkenes", "organisation"), ("Nyrud", "place")],
        ),
        # a later step: transport to, where they are now; where the journey began
        (
            "Both detained at Korpfjell, transport to Kirkenes at 15:10.",
            [("Korpfjell", "place"), ("Kirkenes", "destination")],
        ),
        ("He is now in Kirkenes.", [("Kirkenes", "destination")]),
        ("After leaving Nikel he walked west.", [("Nikel", "destination")]),
        # not a correction: "not far from", and a place the text keeps
        (
            "The man crossed not far from Svanvik.",
            [("Svanvik", "place")],
        ),
    ],
)
def test_a_place_taken_back_or_of_a_later_step_is_not_where_they_crossed(sentence, roles):
    assert _roles(sentence) == roles


def test_a_place_a_live_blog_corrects_is_dropped_from_the_earlier_post_too():
    blog = (
        "LIVE: man found in the Pasvik valley\n\n"
        "09:52 Police say a man who crossed from Russia on Sunday night was found near "
        "Svanvik.\n\n"
        "13:40 CORRECTION: The man was found at Nyrud, not at Svanvik as we first reported."
    )
    [event] = _events(blog, date(2025, 3, 17))
    assert "Svanvik" not in event.places
    assert "Nyrud" in event.places
    # without "as … reported" a contrast is no correction of what was said before
    [event] = _events(
        "Two men crossed the Pasvikelva near Svanvik on Sunday. They were later found at "
        "Nyrud, not at Svanvik.",
        date(2025, 3, 17),
    )
    assert "Svanvik" in event.places


@pytest.mark.parametrize(
    "spelling, place",
    [("Korpfjellet", "Korpfjell"), ("Skogfossen", "Skogfoss"), ("Skroytneset", "Skrøytnes")],
)
def test_a_norwegian_definite_form_names_the_place(spelling, place):
    assert _roles(f"Two men crossed at {spelling} on Monday.") == [(place, "place")]


def test_words_run_together_into_a_spelling_beat_a_wider_phrase_one_letter_off():
    # "skog foss on" is one letter off "skogfossen": the two words are the name
    text = "a man swam across at skog foss on wednesday night"
    from borderwatch.sources.extract import find_places, pipeline

    [cue] = find_places(pipeline()(text), text)
    assert (cue.value, text[cue.start : cue.end]) == ("Skogfoss", "skog foss")


def test_a_crossing_between_two_other_countries_is_at_no_norwegian_place():
    [event] = _events(
        "A Russian man crossed into Finland from Russia near Salla on Monday, the Finnish "
        "Border Guard said. Storskog in Norway remained open."
    )
    assert (event.country_left, event.country_entered, event.places) == ("RU", "FI", [])
    # the tripoint is where Finland meets Norway and Russia: it stays
    [event] = _events(
        "A Russian man crossed from Russia into Finland at Treriksrøysa on Monday, the "
        "Finnish Border Guard said."
    )
    assert event.places == ["Treriksrøysa"]


# --- detection: how they were found, told in other words ----------------------------------


def _detection(text, published=THURSDAY):
    """The detection methods of each event of `text`."""
    return [e.detection for e in _events(text, published)]


def test_a_border_service_named_by_its_unit_found_them():
    assert _detection(
        "On Tuesday night officers of the Narva border department detained two men who had "
        "crossed the river from Russia."
    ) == [["border_patrol"]]
    assert _detection(
        "Two Norwegian skiers who strayed across the line at Korpfjell on Monday were detained "
        "by the Russian FSB border service."
    ) == [["border_patrol"]]
    # the service a person belongs to is not who found him
    [event] = _events(
        "A former officer of the FSB border service crossed into Norway at Korpfjell on Monday "
        "and gave himself up to the first soldiers he met."
    )
    assert event.detection == ["surrendered"]


def test_the_guards_who_found_them_are_the_border_patrol():
    [event] = _events(
        "He crossed the Pasvikelva alone on Sunday night and the guards found him near Svanvik "
        "in the morning."
    )
    assert event.detection == ["border_patrol"]


def test_a_police_patrol_that_saw_or_noticed_them_found_them():
    for sentence in (
        "A police patrol driving along the valley road late on Friday evening saw a man in wet "
        "clothes who said he had swum across the Pasvikelva.",
        "A man who crossed the frozen Pasvikelva on Friday walked for hours before a police car "
        "on its way to Kirkenes came upon him at Svanvik.",
        "On Friday three Afghans who had crossed from Belarus were found and detained by a "
        "police patrol near Hajnowka.",
    ):
        [event] = _events(sentence)
        assert event.detection == ["police"], sentence


def test_coming_up_to_the_guards_is_coming_forward():
    for sentence in (
        "On Monday a Russian soldier crossed at Korpfjell and came up to the border guards to "
        "ask for asylum.",
        "On Monday a man who says he deserted crossed into Finland on foot and approached a "
        "Finnish Border Guard patrol to seek asylum.",
    ):
        [event] = _events(sentence)
        assert event.detection == ["surrendered"], sentence
    # those who came forward were not found by the patrol that then detained them
    [event] = _events(
        "On Sunday a Russian conscript crossed at Korpfjell and walked up to a Norwegian border "
        "patrol. He was detained by the patrol and asked for asylum."
    )
    assert event.detection == ["surrendered"]


def test_trying_to_walk_to_the_post_is_not_coming_forward():
    [event] = _events(
        "On Monday a group of ten people tried to walk to the Norwegian post at Storskog but "
        "were turned back by Russian border guards before reaching the line."
    )
    assert "surrendered" not in event.detection


def test_a_resident_who_found_or_reported_them_told_the_authorities():
    for sentence in (
        "A young man who had crossed the river on Friday night was found half frozen near "
        "Nyrud by a snowmobile driver.",
        "On Friday night a Russian man crossed into Norway at Svanvik. He was detained by the "
        "police after a local resident reports him.",
        "On Sunday night a woman crossed the frozen Pasvikelva at Skogfoss. A neighbour found "
        "her sitting by the road and drove her to the police station.",
        "In the winter of 1965 a young man skied across the Pasvik at Vaggetem and knocked on "
        "a farmhouse door; the farmer telephoned the lensmann.",
    ):
        [event] = _events(sentence)
        assert "public_tip" in event.detection, sentence


def test_who_phoned_the_emergency_number_himself_came_forward():
    [event] = _events(
        "On Sunday a man swam across the Narva river and phoned the emergency number 112 "
        "himself from the Estonian bank."
    )
    assert event.detection == ["surrendered"]


# --- 1.43: what the learned decisions may not overrule ------------------------------------


@pytest.mark.parametrize(
    "before, came",
    [
        ("came on foot from the Russian side to the ", True),
        ("On Monday the family arrived at the ", True),
        ("a deserter presented himself at ", True),
        ("they came over at ", False),
        ("two Syrians crossed at ", False),
        ("were taken by car to the police in ", False),
    ],
)
def test_coming_up_to_a_crossing_point_is_told_apart_from_crossing_there(before, came):
    from borderwatch.sources.extract import CAME_TO_POINT

    assert bool(CAME_TO_POINT.search(before + "Storskog", 0, len(before))) is came


# --- detection and outcomes: a learned event's follow-up sentences, outcome and tip wordings


def test_a_learned_event_takes_the_sentences_that_go_on_about_its_persons():
    [event] = _events(
        "The author's second chapter is about a Syrian teacher who in March 2016 avoided the "
        "checkpoint and walked through the birch forest north of Storskog. A border patrol "
        "found him with a thermal camera before dawn. He was detained, applied for asylum and "
        "was refused two years later."
    )
    assert set(event.detection) == {"border_patrol", "sensor"}
    assert event.outcomes == ["detained", "asylum_requested", "refused"]


def test_a_sentence_with_a_time_of_its_own_ends_a_learned_events_follow_up():
    [event] = _events(
        "The author's second chapter is about a Syrian teacher who in March 2016 avoided the "
        "checkpoint and walked through the birch forest north of Storskog. In 2019 the fence "
        "was extended. He was detained."
    )
    assert event.outcomes == []


def test_asylum_granted_or_refused_in_other_words():
    [granted] = _events(
        "Ingrid remembers the Afghan brothers who in the autumn of 2015 came across the marsh "
        "near Vaggetem. They asked for asylum and were granted it the following year."
    )
    assert "granted" in granted.outcomes
    [refused] = _events(
        "On Monday two Iraqis crossed at Storskog and applied for asylum. Their applications "
        "were refused under the fast-track procedure, and the border guards sent them straight "
        "back to Russia."
    )
    assert {"refused", "returned"} <= set(refused.outcomes)
    [directorate] = _events(
        "On Monday two Iraqis crossed at Storskog. Three weeks later the Directorate of "
        "Immigration grants both men protection."
    )
    assert "granted" in directorate.outcomes


def test_a_possible_refusal_or_an_opinion_on_sending_back_is_no_outcome():
    [event] = _events(
        "On Monday two Iraqis crossed at Storskog. Their applications may be refused. Sending "
        "them straight back would be the right thing, a neighbour wrote."
    )
    assert event.outcomes == []


def test_in_may_is_a_month_and_without_a_visa_is_no_negation():
    [may] = _events("A family came to Storskog in May and asked for asylum at the control.")
    assert "asylum_requested" in may.outcomes
    [visa] = _events(
        "On Monday two Iraqis crossed at Storskog without visas and sought protection."
    )
    assert "asylum_requested" in visa.outcomes


def test_a_guide_a_tourist_or_a_forester_who_called_the_authorities_is_a_tip():
    for sentence in (
        "On Friday a man crossed the frozen Pasvik river near the lodge. The guide called the "
        "police, who took him into custody.",
        "On Friday two men crossed at Svanvik. A farmer saw their boat and called it in.",
        "On Friday a group came over the ridge at Treriksrøysa. A Finnish tourist saw them and "
        "phoned the Norwegian police.",
    ):
        [event] = _events(sentence)
        assert "public_tip" in event.detection, sentence
    [event] = _events(
        "On Friday a man crossed at Storskog and was stopped by the border guards. The tour "
        "guide told us about the border."
    )
    assert "public_tip" not in event.detection


# --- which crossings become events: timeline entries, fact boxes, tallies, crossing verbs ---


def test_a_timeline_entry_without_a_full_stop_is_read_not_taken_for_a_heading():
    events = _events(
        "Crossings in the Pasvik valley\n\n"
        "Jan 2024 - a Russian conscript crosses the Pasvikelva at Svanvik; later granted asylum\n"
        "3 feb 2024 - two Syrians cross the river near Skogfoss, detained by the border patrol\n"
        "Autumn 2024 - one man at Nyrud, returned\n",
        date(2025, 3, 1),
    )
    assert [(e.when.start, e.when.precision) for e in events] == [
        (date(2024, 1, 1), "month"),
        (date(2024, 2, 3), "day"),
        (date(2024, 9, 1), "season"),
    ]
    # a date alone on its line heads the lines below it: it is no event
    assert not _events("Monday 14 July:\nMeeting of the border council in Kirkenes.\n")


def test_a_fact_box_entry_of_people_and_a_place_is_a_case():
    events = _events(
        "On Tuesday a woman crossed the Pasvikelva at Vaggetem and was detained.\n\n"
        "EARLIER CASES\n"
        "- 14 Mar 2023: two men, Korpfjell, asylum requested\n"
        "- Summer 2022: one woman, Pasvik valley, returned\n",
        date(2025, 6, 12),
    )
    assert [(e.when.start, e.people_count) for e in events] == [
        (date(2025, 6, 10), 1),
        (date(2023, 3, 14), 2),
        (date(2022, 6, 1), 1),
    ]
    assert events[1].places == ["Korpfjell"]
    # a log line that reports people seen, its hour before them, is a step of the log
    assert not _events(
        "04.10 2310  Radar contact, 2 pers, RU side, near the Jakobselva mouth.\n"
        "04.10 2330  Contact lost. Patrol returns to station.\n",
        date(2025, 10, 5),
    )
    # a year's figure in a list is no case
    assert not _events("FIGURES\n- 2023: 41 persons, Pasvik valley\n", date(2025, 6, 12))


def test_a_crowd_counted_without_its_noun_is_a_tally():
    for sentence in (
        "In 2015 more than five thousand people came through Storskog in a few months.",
        "In November 2023 more than 900 came through the crossing points in a month.",
        "Back in 2015 hundreds came on bikes through Storskog.",
    ):
        assert not _events(sentence, date(2025, 6, 12)), sentence
    # they are one group, whatever crowd they were part of
    [event] = _events(
        "In the summer of 2021 the two brothers walked out of Belarus into Lithuania, among "
        "thousands of people who came that way that year.",
        date(2025, 6, 12),
    )
    assert event.people_count == 2


def test_people_a_device_saw_are_not_a_tally():
    [event] = _events(
        "In the night to Sunday a thermal camera registered two people crossing near the "
        "Jakobselva mouth. Border soldiers detained them on the beach.",
        date(2025, 6, 9),
    )
    assert event.people_count == 2
    [event] = _events(
        "They said a thermal camera had picked up someone walking over from the Russian side "
        "at Korpfjell on Saturday evening.",
        date(2025, 6, 9),
    )
    assert event.when.start == date(2025, 6, 7)
    # a year's count is still a tally
    assert not _events(
        "The police registered 41 persons who crossed the border irregularly in 2024.",
        date(2025, 6, 9),
    )


def test_one_group_over_a_weekend_is_an_event_but_a_weekends_count_is_not():
    [event] = _events(
        "Over the weekend a group of about 15 people tried to cross the fence near the border "
        "with Belarus. Border guards turned them back.",
        date(2025, 6, 9),
    )
    assert event.people_count == 15
    assert not _events("Border guards stopped 23 migrants over the weekend.", date(2025, 6, 9))


def test_more_ways_of_crossing():
    for sentence in (
        "On Wednesday a Norwegian hiker stepped across the line onto the Russian side at "
        "Treriksrøysa.",
        "On 19 May a group of about 15 foreigners got past the barrier near Białowieża.",
        "Earlier today a man came ashore at Grense Jakobselv after rowing from the Russian side.",
    ):
        assert len(_events(sentence, date(2025, 6, 12))) == 1, sentence
    # the rules' reading: the keep decision retrained at 1.63 rates this one sentence 0.299
    # against its threshold of 0.3 (a weak trigger, "persons" before it), as it rated
    # others at 1.61 (see test_a_norwegian_night_to_a_weekday_with_and_without_an_hour)
    from borderwatch.sources import learned

    with learned.use(_without_keep()):
        arrivals = _events(
            "At least eleven persons came on foot to Storskog on Monday evening.", date(2025, 6, 12)
        )
    assert len(arrivals) == 1
    # "it" is no person; stepping over as a reason for a fine is no event of its own
    assert not _events(
        "EDIT: a bear, not a man. A young one, it wandered back over to the Russian side on "
        "Monday.",
        date(2025, 6, 12),
    )
    assert not _events("The minister came to Storskog to visit the station on Monday.")


# --- after rounds jj to uu joined dev: the news of a case, a look back, a valley's river ---


def test_a_decisions_heading_makes_its_case_of_the_last_year_the_news():
    text = (
        "Borgarting Court of Appeal – judgment (summary)\n\n"
        "The appellant is a Russian citizen. On 9 July 2024 he crossed the border near "
        "Vaggetem on foot. He was detained by a border patrol and applied for asylum. In 2021 "
        "another man had crossed at the same place."
    )
    first, second = _events(text, date(2025, 2, 12))
    assert (first.when.start, first.role) == (date(2024, 7, 9), "main")
    assert second.role == "previous"
    # undated: the first crossing it tells is the news
    assert _events(text, None)[0].role == "main"
    # a case more than a year old is background
    first, _ = _events(text, date(2025, 9, 12))
    assert first.role == "previous"


def test_a_parliamentary_questions_heading_is_not_news_of_an_old_example():
    [first, _] = _events(
        "Written question No. 311 (2025–2026) from Representative Per Holm to the Minister\n\n"
        "Answer:\nSurveillance has improved. In a case from last summer, on 4 July 2025, a man "
        "crossed the border near Nyrud and was found by a drone. In 2023 two men crossed near "
        "Korpfjell.",
        date(2025, 12, 1),
    )
    assert first.role == "previous"


def test_an_anniversary_memory_or_obituary_headline_is_a_look_back():
    for headline in (
        "Ten years since the bicycles",
        "What the old border guard remembers",
        "Obituary: Arne Dahl (1948–2025)",
        "Johanna Lie (1950–2024)",
        "The summer of '98: a boat on the river",
    ):
        events = _events(
            f"{headline}\n\nIn October 2015 a man cycled across the border at Storskog. "
            "Last month another man crossed at Storskog on foot and asked for asylum.",
            date(2025, 11, 20),
        )
        assert [e.role for e in events] == ["previous", "previous"], headline
    # only a crossing of the last days is the news of a look back
    events = _events(
        "Ten years since the bicycles\n\nIn October 2015 a man cycled across the border at "
        "Storskog. On Monday another man crossed at Storskog on foot and asked for asylum.",
        date(2025, 11, 20),
    )
    assert [e.role for e in events] == ["previous", "main"]
    # a news headline is no look back: the crossing of last month is the news
    events = _events(
        "Man crosses at Storskog on foot\n\nLast month a man crossed at Storskog on foot and "
        "asked for asylum.",
        date(2025, 11, 20),
    )
    assert [e.role for e in events] == ["main"]


def test_the_valleys_short_name_crossed_is_the_river():
    for sentence in (
        "On Friday a man rowed across the Pasvik near Skogfoss and was detained.",
        "On Friday two women walked across the frozen Pasvik at Svanvik and asked for asylum.",
        "On Friday a man came over the Pasvik on the ice and knocked on a door at Svanvik.",
    ):
        [event] = _events(sentence)
        assert "Pasvikelva" in event.places and "Pasvik valley" not in event.places, sentence
    # the valley where they were found, and its road, are not the river
    for sentence in (
        "On Friday a man who had crossed the border was detained at a farm in the Pasvik.",
        "On Friday a patrol on the Pasvik road stopped a man who had crossed the border.",
    ):
        [event] = _events(sentence)
        assert "Pasvikelva" not in event.places, sentence


@pytest.mark.parametrize("headline", ["Man fined", "Court news", "Deserter granted asylum"])
def test_a_headlines_court_word_does_not_make_the_next_paragraphs_day_a_court_day(headline):
    text = f"{headline}\n\nOn Friday a man crossed the border at Storskog. He was detained.\n"
    [event] = _events(text, date(2026, 11, 25))
    assert (event.when.start, event.when.precision) == (date(2026, 11, 20), "day")
    # within a paragraph the court's word still dates the court's step, not the crossing
    [event] = _events(
        "A man who crossed at Storskog in March was fined on Friday.", date(2026, 11, 25)
    )
    assert event.when.start != date(2026, 11, 20)


def test_a_timeline_line_that_goes_on_about_the_persons_before_gives_their_event_its_outcome():
    timeline = (
        "Timeline\n\nDec 2022 - a Russian soldier crosses the Jakobselva and asks for asylum\n"
        "Mar 2023 - the soldier is granted protection\n"
    )
    [event] = _events(timeline, date(2026, 11, 25))
    assert event.outcomes == ["asylum_requested", "granted"]
    assert (event.when.start, event.when.precision) == (date(2022, 12, 1), "month")
    # a line about someone else is no step of the event before
    [event] = _events(
        "Timeline\n\nDec 2022 - a Russian soldier crosses the Jakobselva and asks for asylum\n"
        "Mar 2023 - a new fence is granted funding\n",
        date(2026, 11, 25),
    )
    assert event.outcomes == ["asylum_requested"]


# --- affiliation: only the persons crossing, only a group they belong to -------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # the guards, not the persons crossing
        "Soldiers from the Finnish army's border garrison found a man who had crossed near Salla.",
        "A man crossed near Svanvik on Friday. He told our soldiers that he wanted asylum.",
        "A man crossed near Svanvik on Friday. Two soldiers arrived and arrested him.",
        "A man crossed near Svanvik on Friday and was held by the border guard soldiers.",
        # not serving: denied, a call-up only, the service done long ago
        "A Russian who says he is not a soldier crossed the border near Nyrud on Friday.",
        "A Russian man who had never served in the army crossed near Nyrud on Friday.",
        "A reservist from Nikel who had received a summons crossed near Nyrud on Friday.",
        "A Russian who completed conscript service in 2012 crossed near Nyrud on Friday.",
        # a class, not persons: "deserters may get protection"
        "A man crossed near Nyrud on Friday. Deserters may have a stronger case for asylum.",
        # an official's title
        "A man crossed near Nyrud on Friday, said Lieutenant Colonel Ola Berg of the Border Guard.",
    ],
)
def test_an_affiliation_is_not_read_from_soldiers_who_are_not_the_persons_crossing(sentence):
    # the rules' reading: the keep decision retrained at 1.65 rates some of these lone
    # sentences under its threshold (the reservist 0.27 against 0.3: a text of one
    # sentence has few of the features it weighs; docs/EXTRACTION.md, "What 1.65 changed")
    from borderwatch.sources import learned

    with learned.use(_without_keep()):
        [event] = _events(sentence)
    assert event.affiliation is None, sentence


@pytest.mark.parametrize(
    "sentence, affiliation",
    [
        ("Two Russian conscripts crossed the Pasvikelva near Nyrud on Friday.", "armed forces"),
        ("On Friday two men who say they are deserters crossed near Nyrud.", "armed forces"),
        (
            "On Friday three men, who said they were reservists of the Russian army who had "
            "been called up, crossed at Storskog.",
            "armed forces",
        ),
        (
            "On Friday a serviceman of the Russian FSB Border Service crossed at Storskog.",
            "FSB",
        ),
        ("Deserters cross at Storskog\n\nTwo men crossed at Storskog on Friday.", "armed forces"),
    ],
)
def test_an_affiliation_is_read_for_the_persons_crossing(sentence, affiliation):
    [event] = _events(sentence)
    assert event.affiliation == affiliation, sentence


def test_a_pages_links_to_other_stories_give_no_affiliation():
    text = (
        "A man crossed the border at Storskog on Friday and asked for asylum.\n\n"
        "Related coverage\n"
        '• Wagner fighter who fled to Norway: "I regret nothing"\n'
        "→ Conscript who fled over the border speaks out\n"
    )
    [event] = _events(text)
    assert event.affiliation is None


def test_fsb_officers_who_stop_the_persons_are_not_their_group():
    [event] = _events("On Friday FSB officers stopped a man who tried to cross towards Norway.")
    assert event.affiliation is None


# --- subtitle files: the captions read as running prose ------------------------------------

SUBTITLES = """1
00:00:01,000 --> 00:00:04,000
[Kveldsnytt - English subtitles]

2
00:00:04,500 --> 00:00:08,200
HOST: Good evening. Last Thursday night,
a young Russian man crossed

3
00:00:08,300 --> 00:00:11,900
the Pasvikelva near Nyrud
and asked for asylum.

4
00:00:12,000 --> 00:00:15,000
REPORTER: Police detained him
at 05:40 the next morning.
"""


def test_a_subtitle_files_captions_are_read_across_cue_breaks():
    [event] = _events(SUBTITLES, date(2026, 4, 8))
    assert "Pasvikelva" in event.places
    assert event.people_count == 1
    assert "asylum_requested" in event.outcomes
    assert (event.when.start, event.when.precision) == (date(2026, 4, 2), "day")
    # the cue numbers and timings are not counts or times
    for evidence in event.evidence:
        assert "-->" not in evidence.text and not evidence.text.strip().isdigit()


def test_a_subtitle_files_normalised_text_drops_timings_and_keeps_the_map():
    norm = normalise(SUBTITLES)
    assert "-->" not in norm.text
    assert "a young Russian man crossed the Pasvikelva near Nyrud and asked" in norm.text
    # a new speaker starts a paragraph
    assert "\n\nREPORTER: Police detained him at 05:40" in norm.text
    for i, ch in enumerate(norm.text):
        if ch not in " \n":
            assert SUBTITLES[norm.to_original[i]] == ch


def test_a_text_with_an_arrow_or_two_is_not_read_as_subtitles():
    text = "Timeline\n00:10 --> a man seen\nA man crossed near Nyrud on Friday\nat 05:40.\n"
    assert normalise(text).text == text


# --- when: Nordic dates, nights, months' parts and the page's own date ------------------


def test_early_mid_or_late_in_a_month_is_the_month():
    [e] = _events("In late November 2024 a man waded across the Jakobselva near Grense Jakobselv.")
    assert (e.when.start, e.when.end, e.when.precision) == (
        date(2024, 11, 1),
        date(2024, 12, 1),
        "month",
    )


def test_a_two_figure_year_is_of_the_century_that_keeps_it_before_publication():
    [e] = _events(
        "On Wednesday 17.08.88 a Polish tourist walked across the border at Storskog.",
        date(1988, 8, 19),
    )
    assert e.when.start == date(1988, 8, 17)
    [e] = _events("On 27/01/25 a man crossed the Pasvikelva near Svanvik.", date(2025, 2, 3))
    assert e.when.start == date(2025, 1, 27)


def test_shorthand_weekdays_before_a_day_and_month_in_figures():
    # "Tue 27.09." in English, "ke 10.1." in Finnish shorthand, "Lørdag 19.09." in Norwegian
    [e] = _events(
        "1. Tue 27.09. kl. ca. 1400: RU citizen, male, arrived by bus at Storskog and asked "
        "for asylum.",
        date(2022, 10, 5),
    )
    assert e.when.start == date(2022, 9, 27)
    [e] = _events(
        "- ke 10.1. klo 0200: a man crossed the border near Salla and asked for asylum.",
        date(2024, 1, 15),
    )
    assert e.when.start == date(2024, 1, 10)
    # not a section's number or a distance after an abbreviation-like word
    [e] = _events("A man crossed the river near Svanvik on Monday, la 3.5 km from the road.")
    assert e.when.start != date(2025, 5, 3)


def test_a_norwegian_night_to_a_weekday_with_and_without_an_hour():
    from borderwatch.sources import learned

    # a gloss in brackets repeats the night: not another Sunday (the rules' reading: the
    # keep decision of 1.61 rates so bare a one-line item 0.296, just under its 0.3)
    with learned.use(_without_keep()):
        [e] = _events(
            "a) Natt til søndag 16.10. (night to Sunday) kl. ca. 0130: 2 men paddled over the "
            "Pasvikelva at Svanvik from the Russian side.",
            date(2016, 11, 3),
        )
    assert (e.when.start, e.when.end) == (date(2016, 10, 16), date(2016, 10, 17))
    [e] = _events(
        "- Natt til onsdag 6.9. (night to Wednesday): a group of 20 pers. tried to cross the "
        "fence near Nikel.",
        date(2023, 9, 11),
    )
    assert (e.when.start, e.when.end) == (date(2023, 9, 5), date(2023, 9, 7))


def test_half_past_an_hour_of_the_night_picks_the_day_it_runs_into():
    [e] = _events(
        "In the night to Sunday, at half past one, a patrol found a man who had swum the "
        "Pasvikelva near Skogfoss.",
        date(2025, 6, 18),
    )
    assert (e.when.start, e.when.end) == (date(2025, 6, 15), date(2025, 6, 16))


def test_the_page_s_own_date_in_its_byline_is_not_the_crossing_s():
    text = (
        "The Evening Courier | World | Wednesday 18 June 2025\n\n"
        "A British skier was stopped by border guards on Monday after he crossed into Russia "
        "near Korpfjell."
    )
    [e] = _events(text, date(2025, 6, 18))
    assert e.when.start == date(2025, 6, 16)
    [e] = _events(
        "Updated: 18.06.2025 at 10:32\n\nA man swam across the Pasvikelva near Svanvik on "
        "Monday evening.",
        date(2025, 6, 18),
    )
    assert e.when.start == date(2025, 6, 16)
    # a table's row keeps its date
    [e] = _events("| 16.06.2025 | Svanvik | 1 man crossed the river |\n", date(2025, 6, 18))
    assert e.when.start == date(2025, 6, 16)


def test_one_sunday_in_a_month_is_not_a_day_of_the_publication_s_week():
    [e] = _events(
        "Ragnhild remembers one Sunday in October 2015, when a family cycled across the "
        "border at Storskog.",
        date(2023, 3, 26),
    )
    assert e.when.precision == "month"
    assert e.when.start == date(2015, 10, 1)


# --- 1.50: a negation before a crossing that is its own verb's ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A woman who had never been registered anywhere crossed at Nyrud on Friday.",
        "The soldier, who was not stopped by anyone, crossed the Jakobselva on Friday.",
    ],
)
def test_a_negation_of_another_verb_does_not_negate_the_crossing(sentence):
    [e] = _events(sentence, date(2025, 6, 9))
    assert e.when.start == date(2025, 6, 6)


@pytest.mark.parametrize(
    "sentence",
    [
        "The man had not crossed the border at Nyrud on Friday, the police said.",
        "On Friday the family was not allowed to cross at Storskog.",
    ],
)
def test_a_negated_crossing_stays_negated(sentence):
    assert not _events(sentence, date(2025, 6, 9))


# Structured texts officers exchange: numbered log items, event forms, e-mail chains -----


def test_a_numbered_items_stamp_dates_its_event():
    text = (
        "WEEKLY NOTE\nFrom: Border guard liaison\nDate: 18.03.2026\n\n"
        "Cases\n"
        "1) Mon 9.3. kl. 0610: two men crossed the Pasvikelva at Vaggetem in a canoe and "
        "were stopped by a patrol.\n"
        "2. Fredag 13.03. kl. 2215: a woman walked across the border at Korpfjell and asked "
        "for asylum.\n"
    )
    first, second = _events(text, date(2026, 3, 18))
    assert first.when.start == date(2026, 3, 9) and "Vaggetem" in first.places
    assert second.when.start == date(2026, 3, 13) and "Korpfjell" in second.places
    # the message's own date dates neither, and the item's number is not the stamp's words
    assert all(e.when.start != date(2026, 3, 18) for e in (first, second))
    assert first.when.text == "Mon 9.3"


def test_an_event_forms_event_time_field_dates_it_not_the_reports_own_date():
    form = (
        "EVENT REPORT\n"
        "Date of report: 11.02.2026 0800\n"
        "Event time: the night to Tuesday, at about 01:30\n"
        "Position: Skogfoss\n"
        "Persons: 2\n"
        "Nationality: Eritrean\n"
        "Narrative: Two men crossed the river, were seen by a thermal camera and detained.\n"
    )
    [event] = _events(form, date(2026, 2, 11))
    assert event.when.start == date(2026, 2, 10)
    assert event.people_count == 2 and event.nationality == "ER"
    # a case export's "Created:" is when the record was made, "Event date:" the event's
    export = (
        "CASE EXPORT\nCreated: 2026-02-14 09:00\nType: Illegal entry - green border\n"
        "Event date: 12.02.2026 21:50\n"
        "Location: Korpfjell, border marker 297\nPersons: 1\nNationality: Belarusian\n"
        "Detection: ground sensor alarm; patrol\n"
    )
    [event] = _events(export, date(2026, 2, 14))
    assert event.when.start == date(2026, 2, 12)
    # the marker's number before the next field's label is no count of persons
    assert event.people_count == 1


def test_an_event_form_whose_persons_field_says_nobody_gives_no_event():
    form = (
        "EVENT REPORT\nDate/time: 03.11. 0240 LT\nPosition: Pasvikelva near Nyrud\n"
        "Persons: 0\nNarrative: Ground sensor alarm, patrol on site 0310, "
        "a fox seen on camera. No persons.\n"
    )
    assert _events(form, date(2025, 11, 3)) == []


def test_a_quoted_messages_relative_day_counts_from_its_own_date():
    chain = (
        "Subject: RE: obs Svanvik\nFrom: Police duty officer\n"
        "Sent: Friday, 20 March 2026 10:05\n\n"
        "Noted, thanks. We will interview them today.\n\n"
        "> From: GSV operations\n> Sent: Wednesday, 18 March 2026 07:40\n"
        "> Yesterday evening two men crossed the Pasvikelva at Svanvik and were detained "
        "by a patrol.\n"
    )
    [event] = _events(chain, date(2026, 3, 20))
    assert (event.when.start, event.when.precision) == (date(2026, 3, 17), "day")
    # the chain's first message is the chain's own: its days count from publication
    [event] = _events(
        "From: GSV operations\nSent: Wednesday, 18 March 2026 07:40\n\n"
        "Yesterday evening two men crossed the Pasvikelva at Svanvik and were detained.\n",
        date(2026, 3, 20),
    )
    assert event.when.start == date(2026, 3, 19)


# --- timecoded scripts and the FSB told in other words -------------------------------------

SCRIPT = """FEATURE - "THE RIVER" (rough cut)
Narration and interviews. Timecode = programme TC.

00:00:00  [ATMOS: river, wind]

00:00:06  NARRATOR
Last Thursday night a young Russian man from the town of Nikel
swam across the Pasvikelva near Nyrud in the dark. A Border
Guard patrol found him at dawn, wet and cold,
and he asked for asylum.

00:00:21  INTERVIEW - the duty officer
"He was shaking. We gave him a blanket."

00:00:30  NARRATOR
The police say he has been questioned.
"""


def test_a_scripts_timecodes_are_dropped_and_its_wrapped_lines_joined():
    norm = normalise(SCRIPT)
    assert "00:00:06" not in norm.text and "00:00:21" not in norm.text
    assert (
        "Last Thursday night a young Russian man from the town of Nikel swam across the "
        "Pasvikelva near Nyrud in the dark. A Border Guard patrol found him at dawn, wet and "
        "cold, and he asked" in norm.text
    )
    # the title block and a label before a capital stay as they are
    assert norm.text.startswith('FEATURE - "THE RIVER" (rough cut)\nNarration')
    assert "NARRATOR\nLast Thursday" in norm.text
    for i, ch in enumerate(norm.text):
        if ch not in " \n":
            assert SCRIPT[norm.to_original[i]] == ch


def test_a_scripts_crossing_is_read_across_its_wrapped_lines():
    [event] = _events(SCRIPT, date(2026, 4, 8))
    assert (event.when.start, event.when.precision) == (date(2026, 4, 2), "day")
    assert "Pasvikelva" in event.places
    assert "border_patrol" in event.detection
    assert "asylum_requested" in event.outcomes


def test_clock_times_of_a_log_are_not_timecodes():
    log = (
        "07:10 Patrol found tracks\nleading west from the river.\n"
        "07:45 Two men stopped\nnear Nyrud.\n08:20 Handed to police.\n"
    )
    assert normalise(log).text == log
    text = "00:00:10 one\nA man crossed near Nyrud\non Friday.\n"  # one timecode only
    assert normalise(text).text == text


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday a Russian who said he was FSB crossed the Pasvikelva near Nyrud.",
        "On Friday a man crossed at Storskog. He admitted that he works for the FSB.",
        "On Friday an officer of the Russian border service, the FSB, crossed near Nyrud.",
        "On Friday a man who claims to be an FSB border guard crossed near Nyrud.",
        "On Friday a Russian who served with the Border Service of the FSB crossed near Nyrud.",
    ],
)
def test_the_fsb_is_read_in_other_words(sentence):
    [event] = _events(sentence)
    assert event.affiliation == "FSB", sentence


def test_fsb_guards_who_take_the_persons_back_are_not_their_group():
    [event] = _events(
        "On Friday a man crossed near Nyrud. He was handed back to FSB border guards at Storskog."
    )
    assert event.affiliation is None


# Events the rules missed: arrivals at a crossing point's control, log entries ----------


def test_an_arrival_at_a_crossing_points_control_is_a_crossing():
    [event] = _events(
        "On Tuesday at 16.40 a Russian man came by taxi to the Norwegian control at "
        "Storskog and said he wanted protection.",
        date(2026, 5, 14),
    )
    assert event.when.start == date(2026, 5, 12)
    assert event.people_count == 1
    [event] = _events(
        "Around 03:00 on Sunday a woman walked in at the Storskog station and asked for asylum.",
        date(2026, 5, 14),
    )
    assert event.when.start == date(2026, 5, 10)
    # a driver who takes others to the checkpoint and goes home crosses nothing himself
    assert not any(
        c.start == 0
        for c in find_triggers("A neighbour drove them to the Russian checkpoint and left.")
    )
    # an office's control room or the police station is no crossing point
    assert find_triggers("On Monday she reported to the control room at the police station.") == []


def test_a_summarys_dated_case_without_a_verb_is_an_event_with_its_hour():
    summary = (
        "WEEKLY SUMMARY WEEK 19\n\n"
        "Single cases:\n"
        "- Tue 5.5. kl. 0940: family of 4 (Iraqi passports) on foot at Storskog control. "
        "Asked for asylum.\n"
        "- Thu 7.5. kl. ca. 2210: 2 pers. at Storskog control without visa, refused entry.\n"
    )
    first, second = _events(summary, date(2026, 5, 11))
    assert (first.when.start, first.people_count) == (date(2026, 5, 5), 4)
    assert (second.when.start, second.people_count) == (date(2026, 5, 7), 2)
    # a log's step after its hour is not the entry's person named first
    assert _events("Log 7.5.\n- Thu 7.5. 2210 Radar contact, 2 pers. on the lake.\n") == []


def test_a_lettered_items_date_stamps_its_line():
    summary = (
        "2. Storskog\n"
        "  a) Friday 8.5. kl. 1015: 1 man, passenger in a bus, at Storskog passport control, "
        "no visa, asked for asylum in the booth.\n"
    )
    [event] = _events(summary, date(2026, 5, 11))
    assert event.when.start == date(2026, 5, 8)
    assert "asylum_requested" in event.outcomes


def test_what_a_person_lacked_does_not_negate_the_crossing():
    [event] = _events(
        "A conscript who had left his unit without permission presented himself at the "
        "border station at Storskog on Monday and asked for protection.",
        date(2026, 5, 14),
    )
    assert "asylum_requested" in event.outcomes
    [cue] = [c for c in find_triggers("He had not presented himself at the control.")]
    assert cue.extra["negated"]


# --- when: a document's own date, an entry's date, a crowd the person was part of ---


def test_a_letterheads_date_field_is_not_the_time_of_the_event_told():
    note = (
        "Til: Politiet Finnmark\nFra: Grensevakta, stab\nDato: 16.03.2026\n\n"
        "Info about a Norwegian citizen held in Russia:\n"
        "- Last Thursday, ca. kl. 1700, a Norwegian man drove his snowmobile across the "
        "border near Nyrud and was stopped by Russian border guards.\n"
    )
    [event] = _events(note, date(2026, 3, 16))
    assert (event.when.start, event.when.precision) == (date(2026, 3, 12), "day")
    # a log's entries that give only an hour are still of the day its date field gives
    [event] = _events(
        "Vaktlogg Vaggetem\nDate: 09.01.2025\n\n"
        "0307 two persons crossed the Pasvikelva on the ice near Vaggetem, detained 0331.\n",
        date(2025, 1, 10),
    )
    assert event.when.start == date(2025, 1, 9)


def test_an_entry_opening_with_its_date_dates_the_crossing_it_goes_on_to_tell():
    mail = (
        "Subject: Judgment - illegal crossing at Jakobselva, December 2025\n\n"
        "Facts (from the judgment):\n"
        "- Fri 12.12.2025 ca. kl. 1400: 1 man crossed the Jakobselva on the ice from RU to "
        "NO. Stopped by a border patrol on the Norwegian bank.\n"
    )
    events = _events(mail, date(2026, 5, 4))
    assert date(2025, 12, 12) in [e.when.start for e in events if e.when.precision == "day"]


def test_a_crossing_together_with_a_crowd_is_one_event_of_its_own_day():
    [event] = _events(
        "On 7 November 2015 he crossed the border at Storskog on a bicycle, together with "
        "hundreds of others that week.",
        date(2023, 5, 10),
    )
    assert (event.when.start, event.when.precision) == (date(2015, 11, 7), "day")
    # the crowd counted alone is no event
    assert _events("Hundreds of others crossed at Storskog that week.", date(2023, 5, 10)) == []


# -- 1.55: refused entry, turned back and pushed back are attempts (the corpus README) --


def test_persons_turned_back_or_refused_entry_made_an_attempt_the_rules_read():
    from borderwatch.sources import learned

    with learned.use(None):
        [event] = _events(
            "On Sunday a Tajik man was refused entry at Storskog and sent back to Russia.",
            date(2025, 3, 12),
        )
        assert event.places == ["Storskog"] and event.when.start == date(2025, 3, 9)
        assert "returned" in event.outcomes
        [event] = _events(
            "Late on Friday two Syrian men were turned back by Finnish border guards at Salla.",
            date(2025, 3, 12),
        )
        assert event.people_count == 2 and event.nationality == "SY"


def test_a_rule_or_a_years_number_refused_entry_is_no_attempt():
    # what will be done as a rule, and a year's tally, are not a crossing
    assert (
        _events(
            "From today, Russian tourists will as a rule be refused entry at Storskog.",
            date(2025, 3, 12),
        )
        == []
    )
    assert (
        _events(
            "In 2024, 96 people were refused entry at Storskog and 14 applied for asylum.",
            date(2025, 3, 12),
        )
        == []
    )
    # a group that turned back of its own accord was not stopped: no weak trigger
    assert (
        _events("The hikers turned back before the border sign at Treriksrøysa.", date(2025, 3, 12))
        == []
    )


# -- releases and posts: refusal of entry is a return, found by whoever runs the control --


def test_refusal_of_entry_is_returned_not_refused():
    # the corpus README: refusal of entry is `returned`; `refused` is a refused request for
    # protection
    [event] = _events(
        "A Kazakh lorry driver was refused entry at Storskog on Tuesday because his visa had "
        "expired.",
        date(2025, 6, 12),
    )
    assert "returned" in event.outcomes and "refused" not in event.outcomes
    # a refused application is still `refused`
    [event] = _events(
        "Two Russian men crossed the Pasvikelva near Svanvik on Monday and asked for asylum. "
        "Their applications were refused in the fast track.",
        date(2025, 6, 12),
    )
    assert "refused" in event.outcomes


def test_a_refusal_at_storskog_was_found_by_the_police_who_run_its_control():
    [event] = _events(
        "On Monday a Georgian woman was refused entry at Storskog: her invitation letter proved "
        "to be forged. She was sent back to the Russian side the same afternoon.",
        date(2025, 6, 12),
    )
    assert event.detection == ["police"] and "returned" in event.outcomes
    # a report of that control, its lines naming no place: its heading does
    [event] = _events(
        "Border control Storskog - weekly report\n\n"
        "Tue. 10.06 kl. 09.40 - A Russian man in his forties was refused entry and returned "
        "to Russia.\n",
        date(2025, 6, 12),
    )
    assert event.detection == ["police"]
    # not a refusal at another border's control (run by border guards), nor at Storskog
    # by those who found them (border guards who stopped them in the terrain)
    [event] = _events(
        "On Monday a Georgian woman was refused entry at the Salla crossing point and sent "
        "back to Russia.",
        date(2025, 6, 12),
    )
    assert "police" not in event.detection
    [event] = _events(
        "On Monday border guards stopped a man near Storskog who had crossed on foot; he was "
        "refused entry and sent back.",
        date(2025, 6, 12),
    )
    assert "police" not in event.detection and "border_patrol" in event.detection


# Norwegian events: crossing verbs, counts, peoples, affiliations, negation and plans -----


def test_norwegian_crossing_verbs_make_events_with_their_people():
    [event] = _events(
        "Natt til tirsdag 3. mars krysset to afghanske menn Pasvikelva ved Vaggetem. "
        "De ble pågrepet av Grensevakten og søkte asyl.",
        date(2026, 3, 5),
    )
    assert event.people_count == 2 and event.nationality == "AF"
    [event] = _events(
        "En russisk statsborger meldte seg i grensekontrollen på Storskog lørdag 7. mars "
        "kl. 14.10. Han opplyste at han er vernepliktig soldat og har desertert.",
        date(2026, 3, 9),
    )
    assert event.people_count == 1 and event.nationality == "RU"
    assert event.affiliation == "armed forces"
    [event] = _events(
        "Søndag 8. mars tok minst fem personer seg over grensa ved Jakobselva. Alle ble "
        "pågrepet av Grensevakten.",
        date(2026, 3, 9),
    )
    assert event.people_count == 5 and event.people_lower_bound


def test_norwegian_attempts_and_forms_are_read():
    [event] = _events(
        "0215  Patrulje obs. 1 pers. som forsøkte å krysse isen mot russisk side. Pers. "
        "stanset ved Skogfoss.\nMann, 31 år, oppgir iransk statsborgerskap.",
        date(2026, 2, 3),
    )
    assert event.nationality == "IR"


def test_norwegian_negations_animals_plans_and_tallies_make_no_event():
    published = date(2026, 3, 9)
    # nothing crossed, an animal crossed, a plan, a year's number
    assert _events("Lørdag 7. mars: ingen personer krysset grensen ved Pasvik.", published) == []
    assert (
        _events("Søndag 8. mars krysset en flokk rein Jakobselva, sier Grensevakten.", published)
        == []
    )
    assert (
        _events("Gjerdet skal hindre at noen krysser grensen ved Storskog i vinter.", published)
        == []
    )
    assert (
        _events(
            "I 2025 var det totalt fem ulovlige grensepasseringer i terrenget i Sør-Varanger.",
            published,
        )
        == []
    )
    # a word both languages have is not read as Norwegian on an English line
    [event] = _events(
        "On Saturday 7 March a man walked to the Storskog control and asked for asylum.",
        published,
    )
    assert event.people_count == 1


# --- Norwegian text: the times, detection, outcomes and places of events ------------------


@pytest.mark.parametrize(
    "words, start, end",
    [
        # published Wednesday 15 October 2025
        ("Mannen kom over i går kveld.", date(2025, 10, 14), date(2025, 10, 15)),
        ("Han ble pågrepet i forgårs.", date(2025, 10, 13), date(2025, 10, 14)),
        # "i natt": the night just gone, both days unless an hour picks one (the corpus README)
        ("De ble observert i natt.", date(2025, 10, 14), date(2025, 10, 16)),
        ("De kom over i natt, rundt klokken 04.20.", date(2025, 10, 15), date(2025, 10, 16)),
        # "i formiddag", "i ettermiddag": this morning, this afternoon
        ("En familie kom til Storskog i ettermiddag.", date(2025, 10, 15), date(2025, 10, 16)),
        ("Han ble stanset i formiddag.", date(2025, 10, 15), date(2025, 10, 16)),
        ("Han gikk over for to uker siden.", date(2025, 10, 1), date(2025, 10, 2)),
        ("Det skjedde 14. februar i fjor.", date(2024, 2, 14), date(2024, 2, 15)),
        ("Grensevakten så ham mandag 3. mars.", date(2025, 3, 3), date(2025, 3, 4)),
        ("Paret kom i fjor høst.", date(2024, 9, 1), date(2024, 12, 1)),
        ("Det var tre slike saker forrige uke.", date(2025, 10, 6), date(2025, 10, 13)),
        ("Hun kom over i helgen.", date(2025, 10, 11), date(2025, 10, 13)),
        ("Han ble stanset på lørdag.", date(2025, 10, 11), date(2025, 10, 12)),
        ("Det skjedde fredag forrige uke.", date(2025, 10, 10), date(2025, 10, 11)),
        ("Han kom onsdag i forrige uke.", date(2025, 10, 8), date(2025, 10, 9)),
        ("Tirsdag kveld kl 2210 kom hun over.", date(2025, 10, 14), date(2025, 10, 15)),
        ("I juli i fjor kom en mann over elva.", date(2024, 7, 1), date(2024, 8, 1)),
        ("I 2019 kom han over.", date(2019, 1, 1), date(2020, 1, 1)),
        # a night by the day it runs into: both days, unless an hour picks one
        ("Natt til søndag kom de over.", date(2025, 10, 11), date(2025, 10, 13)),
        ("Natt til søndag, kl 0205, kom de over.", date(2025, 10, 12), date(2025, 10, 13)),
        ("Natt til 21. september kom de over.", date(2025, 9, 20), date(2025, 9, 22)),
        # nynorsk's own weekday names
        ("Natt til laurdag 11. oktober gjekk han over.", date(2025, 10, 10), date(2025, 10, 12)),
        ("Han kom over på tysdag.", date(2025, 10, 14), date(2025, 10, 15)),
    ],
)
def test_norwegian_dates_and_relative_dates_count_from_the_publication(words, start, end):
    [cue] = find_times(words, date(2025, 10, 15))
    assert (cue.value.when.start, cue.value.when.end) == (start, end)


def test_norwegian_words_that_are_no_time():
    # "en mandagskveld i oktober": some Monday of that month, not one of this week;
    # "i dag" is not "i dagene"
    cues = find_times("Det var en mandagskveld i oktober 2015.", date(2025, 10, 15))
    assert [c.value.when.precision for c in cues] == ["month"]
    assert find_times("Han ventet i dagevis.", date(2025, 10, 15)) == []


def _norwegian_outcomes(text):
    from borderwatch.sources.extract import find_outcomes

    return {c.value for c in find_outcomes(text) if not c.extra["negated"]}


@pytest.mark.parametrize(
    "sentence, outcomes",
    [
        ("Mannen ble pågrepet og innbrakt til arresten.", {"detained"}),
        ("Han er avhørt og har søkt asyl i Norge.", {"questioned", "asylum_requested"}),
        ("Begge fremsatte asylsøknad, og saken er oversendt PU.", {"asylum_requested", "referred"}),
        ("Hun ble løslatt i går.", {"released"}),
        ("Nektet innreise og bortvist, returnert til russisk side.", {"returned"}),
        ("Han ble overlevert til russiske myndigheter på Storskog.", {"returned"}),
        ("Politiet har ilagt mannen forelegg for ulovlig grensepassering.", {"charged"}),
        ("Han fikk innvilget beskyttelse i fjor.", {"granted"}),
        ("Han fikk avslag fra UDI i desember.", {"refused"}),
        # not: handed to the police, a fine only considered, no request made
        ("Overlevert politiet ved Vaggetem.", set()),
        ("Politiet vurderer forelegg.", set()),
        ("Han søkte ikke beskyttelse.", set()),
    ],
)
def test_norwegian_outcomes(sentence, outcomes):
    assert _norwegian_outcomes(sentence) == outcomes


@pytest.mark.parametrize(
    "sentence, method",
    [
        ("Termisk kamera obs. 1 pers. ved Vaggetem.", "sensor"),
        ("Gjerdealarm seksjon 3 ved Storskog.", "sensor"),
        ("Drone satt inn fra Skogfoss.", "uav"),
        ("Helikopteret søkte langs elva.", "helicopter"),
        ("Grensepatruljen stanset to menn ved Nyrud.", "border_patrol"),
        ("En politipatrulje stanset mannen på E105.", "police"),
        ("Han meldte seg i kontrollen og ba om beskyttelse.", "surrendered"),
        ("Politiet fikk tips fra publikum om to menn ved Svanvik.", "public_tip"),
        ("En beboer ringte politiet og fortalte om en fremmed.", "public_tip"),
    ],
)
def test_norwegian_detection_words(sentence, method):
    from borderwatch.sources.extract import find_detection

    assert method in {c.value for c in find_detection(sentence)}


def test_norwegian_detection_not_read_in_a_police_car_or_a_sign_up():
    from borderwatch.sources.extract import find_detection

    found = {c.value for c in find_detection("Han meldte seg på kurset. Politipatrulje på vei.")}
    assert "surrendered" not in found and "police" not in found


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # a direction from a place makes it a reference point; where they were taken after, a
        # destination; the mouth of the river is the gazetteer's place
        ("Spor over isen ca 3 km sør for Grense Jakobselv.", [("Grense Jakobselv", "reference")]),
        ("Båten ble fraktet til Svanvik for oppbevaring.", [("Svanvik", "destination")]),
        ("To menn ble anholdt ved utløpet av Jakobselva.", [("Jakobselva mouth", "place")]),
        ("Han ble pågrepet ved Vaggetem.", [("Vaggetem", "place")]),
    ],
)
def test_norwegian_place_wordings(sentence, roles):
    assert _roles(sentence) == roles


def test_an_english_sentence_with_norwegian_cue_words_is_read_whole():
    # an officer's English with the Norwegian words of the log: the time, the finding and
    # the outcomes are read (the crossing verb is English)
    [event] = _events(
        "Two men crossed the border near Vaggetem i går kveld; termisk kamera saw them, "
        "both pågrepet and søkte asyl.",
        date(2025, 10, 15),
    )
    assert event.when.start == date(2025, 10, 14)
    assert "sensor" in event.detection
    assert {"detained", "asylum_requested"} <= set(event.outcomes)


# --- messages between agencies: hard-wrapped e-mails, quoted replies, case headings -------


WRAPPED_REFERRAL = (
    "From:    Duty officer, immigration section, Kirkenes\n"
    "Date:    09.04.2025\n"
    "Subject: Referral - arrivals at Storskog requesting protection\n"
    "\n"
    "The two persons below came to the passport control at Storskog yesterday evening\n"
    "from the Russian side and told the officer on duty that they wished to apply for\n"
    "protection in Norway. Both are citizens of Eritrea and had no visa for Norway. The\n"
    "cases are hereby referred to PU for registration.\n"
)


def test_a_hard_wrapped_message_is_read_as_its_paragraphs():
    norm = normalise(WRAPPED_REFERRAL)
    # the lines the paragraph was wrapped at are joined; the header block stays lines
    assert "evening from the Russian side and told the officer" in norm.text
    assert "apply for protection in Norway" in norm.text
    assert "Kirkenes\nDate:" in norm.text and "protection\n\nThe two" in norm.text
    [event] = _events(WRAPPED_REFERRAL, date(2025, 4, 9))
    assert event.when.start == date(2025, 4, 8) and event.places == ["Storskog"]
    assert event.people_count == 2 and event.nationality == "ER"
    assert {"asylum_requested", "referred"} <= set(event.outcomes)


def test_a_quoted_reply_is_joined_without_its_quote_marks():
    text = (
        "Yes, he is ours. Case number 25/118.\n"
        "\n"
        "> On 11 March 2025, at 09:14, Reception centre Kirkenes wrote:\n"
        ">\n"
        "> We had a man delivered to the reception centre late last night by a police\n"
        "> car, an Uzbek citizen of about 40, with no papers from you. Did he arrive at\n"
        "> Storskog yesterday? We need a case number before we can register him for the\n"
        "> allowance.\n"
    )
    norm = normalise(text)
    assert "by a police car, an Uzbek citizen" in norm.text
    assert "arrive at Storskog yesterday?" in norm.text
    assert "> On 11 March 2025" in norm.text  # the quoted header stays a line of its own


def test_short_lines_lists_tables_and_titles_are_not_joined():
    # a title over its dateline, a list's entries, a table's rows: lines of their own
    for text in (
        "Plenary debate on the situation at the external border with Russia and Belarus\n"
        "Strasbourg, 5 December 2023\n",
        "Dec 2022 - a Russian soldier crosses the border in the Pasvik valley, later\n"
        "Summer 2024 - three persons at Skogfoss are found by a patrol and returned\n"
        "Late 2024 - one man at Vaggetem is charged with crossing the border illegally\n",
        "date;time;location;persons;nationality;detected_by;action;comment text here\n"
        "2024-09-09;21:45;Svanvik, road 885;4;SY;resident phoned police;detained;asylum\n"
        "2024-09-02;03:10;Pasvikelva at Nyrud;2;RU;thermal camera + patrol;detained;none\n",
    ):
        assert normalise(text).text.count("\n") == text.count("\n")


def test_a_case_heading_dates_its_case_under_the_messages_date():
    text = (
        "Date:    20.03.2025\n"
        "Subject: Notification - two Russian citizens who arrived this week\n"
        "\n"
        "CASE 1 - Apprehension near Nyrud, Monday 17 March\n"
        "\n"
        "At 05.50 a ground sensor by the Pasvikelva registered movement on the ice. A patrol\n"
        "apprehended a man who had walked across the ice from the Russian bank.\n"
    )
    [event] = _events(text)
    assert event.when.start == date(2025, 3, 17)
    # a letterhead's own day after a comma is still the report's, not a case's
    [event] = _events(
        "Daily information, 20.03.2025\n\nAt 05.50 a patrol apprehended a man who had "
        "walked across the ice of the Pasvikelva from the Russian bank."
    )
    assert event.when.start == date(2025, 3, 20)


def test_a_finnish_month_name_is_not_an_english_abbreviation():
    # "marraskuuta" (November) is not "mar": the quoted message's day stays unread
    text = (
        "Sent: torstai 23. marraskuuta 2023 09:31\n\n"
        "On 18.11. four persons crossed from Russia through the forest near Salla."
    )
    assert not any(
        c.value.when is not None and c.value.when.start.month == 3
        for c in find_times(text, date(2023, 11, 23))
    )


# --- logs and forms: day headings and interleaved entries (exp15-logs) ------------------


def test_a_later_day_heading_dates_and_opens_the_entries_below_it():
    text = (
        "BORDER GUARD DISTRICT - DAILY EXTRACT\n"
        "03.02.2026\n\n"
        "Monday 02.02.2026 kl. 21.10 - Skogfoss\n"
        "A patrol stopped two men who crossed the Pasvikelva from the Russian bank. They are "
        "citizens of Iraq and asked for asylum.\n\n"
        "Sunday 01.02.2026 kl. 14.30 - Storskog\n"
        "A Russian woman was refused entry at the control and sent back.\n"
    )
    events = _events(text, date(2026, 2, 3))
    assert [e.when.start for e in events] == [date(2026, 2, 2), date(2026, 2, 1)]
    assert events[1].people_count == 1 and events[1].nationality == "RU"
    assert "asylum_requested" not in events[1].outcomes


def test_a_date_alone_on_its_line_heads_the_entries_below():
    text = (
        "Liaison note, 06.03.2026: below the lines from the partner's report.\n\n"
        "05.03.2026 (Thu)\n"
        "- approx 02.10, area of Salla: 3 citizens of Syria detected by camera and detained.\n"
    )
    [event] = _events(text, date(2026, 3, 6))
    assert event.when.start == date(2026, 3, 5) and event.nationality == "SY"


def test_a_log_line_of_other_people_is_another_event_not_a_step_of_the_one_before():
    text = (
        "Daily extract 05.03.2026\n\n"
        "- approx 19.40, area of Salla: group of 12 citizens of Iraq crossed the fence and "
        "were detained by a patrol.\n"
        "- approx 23.10, area of Vartius: 2 citizens of Syria detected by camera, detained. "
        "Both applied for protection.\n"
    )
    first, second = _events(text, date(2026, 3, 6))
    assert (first.people_count, first.nationality) == (12, "IQ")
    assert (second.people_count, second.nationality) == (2, "SY")
    assert "asylum_requested" in second.outcomes and "asylum_requested" not in first.outcomes


def test_a_later_step_with_some_of_the_people_stays_with_its_event():
    # the UAV finds two of the boat's "at least 3": a step of the same crossing, not another
    text = (
        "NIGHT LOG 14.09.2025\n\n"
        "0140 camera: boat crossing the Pasvikelva at Nyrud from the RU bank, at least 3 pers. "
        "in the boat. Patrols sent.\n"
        "0240 UAV IR: 2 pers. under trees approx 400 m W of the bank.\n"
        "0320 patrol stops 2 men in the forest at Nyrud. They say they are Syrian citizens.\n"
    )
    [event] = _events(text, date(2025, 9, 14))
    assert event.places[:1] == ["Pasvikelva"] or "Nyrud" in event.places


# --- Norwegian directions (1.61) ---------------------------------------------------------


def test_a_norwegian_text_says_which_way_a_crossing_on_another_border_went():
    text = (
        "Natt til tirsdag krysset en gruppe på tolv personer grensen fra Belarus til Polen "
        "nær Kuźnica. Polske grensevakter pågrep dem like etter."
    )
    [event] = _events(text, date(2025, 11, 6))
    assert (event.country_entered, event.country_left) == ("PL", "BY")


def test_a_norwegian_side_named_by_its_adjective_is_a_direction():
    text = "En russisk mann tok seg inn på finsk side ved Salla torsdag og søkte asyl."
    [event] = _events(text, date(2025, 11, 6))
    assert event.country_entered == "FI"


def test_where_a_person_is_from_and_where_he_was_sent_back_to_are_not_where_he_went():
    text = (
        "Kom en mann fra Syria over grensen ved Storskog i går, ble han avvist og sendt "
        "tilbake til Russland samme kveld."
    )
    [event] = _events(text, date(2025, 11, 6))
    assert event.country_left != "SY" and event.country_entered != "RU"


def test_norwegian_crossings_with_an_adverbial_or_the_subject_inside_the_verb():
    published = date(2025, 8, 21)
    [event] = _events(
        "Minst fire personer tok seg natt til onsdag over grensen ved Svanvik. Politiet har "
        "pågrepet dem, og de er avhørt.",
        published,
    )
    assert event.when.start == date(2025, 8, 19) and event.people_count == 4
    [event] = _events(
        "Natt til mandag svømte en ung russisk mann over Pasvikelva ved Nyrud. Han ble "
        "pågrepet av Grensevakten og har søkt asyl.",
        published,
    )
    assert event.nationality == "RU" and "Pasvikelva" in event.places
    [event] = _events(
        "Tirsdag forsøkte rundt 40 migranter å bryte seg gjennom grensegjerdet ved Kuźnica. "
        "Polske grensevakter stanset dem.",
        published,
    )
    assert event.people_count == 40 and event.country_entered == "PL"


def test_a_boat_that_drifted_over_the_sea_border_is_a_crossing():
    text = (
        "En liten motorbåt med to russiske menn hadde drevet over sjøgrensen fra russisk side "
        "etter motorstopp. Kystvakten tok dem om bord onsdag."
    )
    [event] = _events(text, date(2022, 10, 28))
    assert event.people_count == 2 and event.country_left == "RU"


def test_a_norwegian_arrival_at_the_control_with_its_people_between_the_words():
    text = (
        "I kveld kl. 21.35 kom to menn syklende inn til kontrollen på Storskog fra russisk side. "
        "Begge oppgir å være syriske statsborgere og har søkt om beskyttelse."
    )
    [event] = _events(text, date(2015, 10, 13))
    assert event.people_count == 2 and event.places == ["Storskog"]
    [event] = _events(
        "Minst 30 personer kom over Storskog på sykkel lørdag. Alle søkte asyl og er oversendt PU.",
        date(2015, 10, 26),
    )
    assert event.people_count == 30 and event.people_lower_bound


def test_a_fence_that_nobody_got_through_in_norwegian_is_not_read_as_the_fence_of_a_crossing():
    # "gjerdet" is mended: a repair, not a crossing
    assert _events("Gjerdet ved Storskog ble reparert tirsdag. Ingen har tatt seg over.") == []


def test_a_short_norwegian_police_post_is_read_as_norwegian():
    [event] = _events(
        "Kl. 03.10 krysset to personer grensen ved Pasvikelva. De er pågrepet.", date(2025, 3, 4)
    )
    assert event.people_count == 2 and "detained" in event.outcomes
    # a short English table with one shared abbreviation is not Norwegian
    assert _events("Place | Persons\nNyrud | 0 | no pers. found\n", date(2025, 3, 4)) == []


def test_a_norwegian_pronoun_after_the_verb_is_one_person():
    text = (
        "Natt til søndag krysset han grensen ved Skogfoss, ifølge politiet. Grensevakten "
        "pågrep ham ved riksveien, og han har søkt asyl."
    )
    [event] = _events(text, date(2025, 3, 4))
    assert event.people_count == 1
    text = "I natt krysset han og broren grensen ved Skogfoss. De er pågrepet."
    [event] = _events(text, date(2025, 3, 4))
    assert event.people_count != 1


def test_asking_for_protection_at_the_control_desk_is_coming_forward():
    text = (
        "Storskog, vaktlogg fredag\n"
        "0930 – Russisk statsborger, mann 27 år, kom gående fra russisk side. Han ba om "
        "beskyttelse ved skranken. PU varslet og overtar.\n"
    )
    [event] = _events(text, date(2022, 9, 30))
    assert event.detection == ["surrendered"]


# --- operations and patrol logs: retracted incidents, hour-stamped entries ----------------


def test_an_incident_the_log_concludes_was_no_crossing_is_not_an_event():
    text = (
        "GSV OPS LOGG 12.02.2026\n\n"
        "0312  Sensor S-11 ved Vaggetem: mulig ulovlig grensepassering, 2 pers. på TK. "
        "Patrulje sendt.\n"
        "0355  Patrulje ved S-11: spor fra elg i snøen. Ingen personer funnet.\n"
        "0400  Ingen grensepassering. Sak lukket.\n"
    )
    assert _events(text, date(2026, 2, 12)) == []


def test_a_retraction_under_another_heading_does_not_undo_the_crossing_before_it():
    text = (
        "WEEKLY SUMMARY\n\n"
        "Mon 9.2. - Pasvik\n"
        "Two men crossed the ice of the Pasvikelva near Svanvik at night. A patrol saw them "
        "on the Norwegian bank.\n\n"
        "Wed 11.2. - Korpfjell\n"
        "Tracks near Korpfjell were reported by a hiker. No persons were found.\n"
    )
    from borderwatch.sources import learned

    with learned.use(_without_keep()):  # (the keep decision at 1.67 vetoes it: the rules')
        [event] = _events(text, date(2026, 2, 13))
    assert event.people_count == 2 and "Svanvik" in event.places


def test_an_hour_stamped_log_line_of_other_people_stopped_at_the_control_is_its_own_event():
    text = (
        "STORSKOG - VAKTLOGG\n"
        "Dato: onsdag 04.11.2026\n\n"
        "kl. 07.00  Skiftet overtatt fra natt. Ingen avvik i natt, og det er rolig nå.\n"
        "kl. 08.10  6 pers. ankommet på sykkel. Syriske borgere. Alle ber om asyl.\n"
        "kl. 09.05  RU-borger (kvinne, 52), russisk statsborger, stanset i kontroll: "
        "visum utløpt. Bortvist.\n"
    )
    first, second = _events(text, date(2026, 11, 4))
    assert (first.people_count, first.nationality) == (6, "SY")
    assert second.nationality == "RU" and "returned" in second.outcomes
    assert "returned" not in first.outcomes


def test_a_log_line_hour_before_pers_is_not_a_count():
    text = (
        "GSV logg tirsdag 10.03.2026\n\n"
        "2305  Kamera viser 1 pers. som klatrer over gjerdet fra russisk side.\n"
        "2321  Pers. pågrepet i terrenget av patrulje.\n"
    )
    [event] = _events(text, date(2026, 3, 11))
    assert event.people_count == 1 and "detained" in event.outcomes


# --- incident forms: Norwegian and two-language labels, items, nobody found (exp16-forms) ---


def test_a_norwegian_form_with_wrapped_values_is_one_event_read_from_its_fields():
    text = (
        "HENDELSESRAPPORT\n"
        "Saksnr.:      20240311-7\n"
        "Registrert:   12.03.2024 kl. 08.10\n"
        "\n"
        "Tid:          Mandag 11.03.2024 kl. 21.15\n"
        "Sted:         Storskog, innreisekontrollen\n"
        "Pers.:        2\n"
        "Nasj.:        syriske statsborgere\n"
        "Oppdaget av:  Henvendte seg selv ved passkontrollen\n"
        "Tiltak:       Kort avhør med tolk,\n"
        "              saken overført PU.\n"
        "Utfall:       Søkte beskyttelse.\n"
        "\n"
        "Fritekst: De kom med buss fra Murmansk og ba om asyl da de ble spurt om formålet med "
        "reisen. Ingen av dem har vært i Norge før.\n"
    )
    [event] = _events(text, date(2024, 3, 12))
    assert event.when.start == date(2024, 3, 11)
    assert (event.people_count, event.nationality, event.places) == (2, "SY", ["Storskog"])
    assert "asylum_requested" in event.outcomes and "surrendered" in event.detection


def test_lettered_items_of_a_two_language_form_are_each_their_own_event():
    text = (
        "DAILY REPORT 06.02.2025\n"
        "\n"
        "A) BORTVISNING / REFUSAL OF ENTRY\n"
        "   Tid / Time:        05.02.2025 kl. 10.40\n"
        "   Sted / Place:      Storskog, innreisekontroll\n"
        "   Pers. / Persons:   3\n"
        "   Utfall / Outcome:  Bortvist, returnert til russisk side kl. 11.20.\n"
        "\n"
        "B) SØKNAD OM BESKYTTELSE / ASYLUM REQUEST\n"
        "   Tid / Time:        05.02.2025 kl. 16.05\n"
        "   Sted / Place:      Storskog, innreisekontroll\n"
        "   Pers. / Persons:   1\n"
        "   Utfall / Outcome:  Søkte beskyttelse.\n"
    )
    first, second = _events(text, date(2025, 2, 6))
    assert (first.people_count, second.people_count) == (3, 1)
    assert "returned" in first.outcomes and "asylum_requested" not in first.outcomes
    assert "asylum_requested" in second.outcomes and "returned" not in second.outcomes


def test_a_form_item_whose_alarm_found_nobody_is_no_event():
    text = (
        "SKIFTRAPPORT 14.01.2026\n"
        "\n"
        "1) SENSORALARM\n"
        "   Tid:      13.01.2026 kl. 23.40\n"
        "   Sted:     Vaggetem, sensorlinje V-4\n"
        "   Pers.:    0. Nasj.: -.\n"
        "   Utfall:   Falsk alarm, elg. Ingen personer funnet.\n"
    )
    assert _events(text, date(2026, 1, 14)) == []


def test_a_direction_field_with_an_arrow_says_which_way_they_crossed():
    text = (
        "Time:       Sat 10.08.2024, approx. 15:10\n"
        "Place:      Treriksrøysa\n"
        "Persons:    1\n"
        "Direction:  Norway → Russia (stepped past the cairn)\n"
        "Outcome:    Detained by Russian border guards, handed back at Storskog.\n"
    )
    [event] = _events(text, date(2024, 8, 12))
    assert (event.country_left, event.country_entered) == ("NO", "RU")


def test_an_arrow_between_countries_that_is_no_crossing_gives_no_direction():
    from borderwatch.sources.extract import find_directions

    assert find_directions("1. UAV hand-over NO→FI at the tripoint needs a common map.") == []
    assert [c.value for c in find_directions("1 pers. crossed RU→NO at Vaggetem")] == [
        ("left", "RU"),
        ("entered", "NO"),
    ]


# --- agency messages and situation reports: corrected counts, the interview as a noun ---


def test_a_reply_that_corrects_the_count_puts_the_event_right():
    text = (
        "Subject: RE: Two Syrians at Storskog 03.05 - CORRECTION\n\n"
        "Correction to yesterday's message: they were four, not two. The children were "
        "registered with their parents later in the evening.\n\n"
        "> At 16.10 today two Syrian citizens came on bicycles to the passport control at "
        "Storskog and asked for asylum.\n"
    )
    [event] = _events(text, date(2026, 5, 4))
    assert event.people_count == 4
    # the evidence is the words that put it right, not the count they replace
    assert [e.text for e in event.evidence if e.field == "people"] == ["four, not two"]


def test_a_norwegian_correction_of_the_count_puts_the_event_right():
    text = (
        "KORREKSJON: Det riktige tallet er fem personer, ikke tre.\n\n"
        "I natt kl. 02.30 kom tre personer over Pasvikelva ved Svanvik. En patrulje fra "
        "grensestasjonen pågrep dem ved veien.\n"
    )
    [event] = _events(text, date(2026, 3, 12))
    assert event.people_count == 5
    assert [e.text for e in event.evidence if e.field == "people"] == ["fem personer, ikke tre"]


def test_a_correction_in_another_events_section_leaves_the_news_alone():
    text = (
        "WEEKLY SUMMARY week 11\n\n"
        "A1  12.03.2026, approx. 23:30. Two persons crossed the frozen Pasvikelva near "
        "Skogfoss. A patrol apprehended both.\n\n"
        "A2  CORRECTION (week 10, item A1)\n"
        "    The number of persons is three, not two as reported last week. The two men "
        "apprehended near Nyrud on 06.03 at 02:40 had crossed with a third man, found later "
        "the same morning.\n"
    )
    events = _events(text, date(2026, 3, 18))
    assert [e.people_count for e in events] == [2, 3]


def test_a_count_that_is_not_of_persons_is_no_correction():
    # a room's capacity put right is not the count of those who crossed
    text = (
        "At 14.20 today 40 persons came on bicycles to the Storskog control and asked for "
        "asylum. The waiting hall had room for 25, not 40, so buses were sent.\n"
    )
    from borderwatch.sources import learned

    with learned.use(_without_keep()):  # (the keep decision at 1.67 rates it 0.27: the rules')
        [event] = _events(text, date(2026, 3, 12))
    assert event.people_count == 40


def test_an_interview_told_as_a_noun_is_questioned():
    text = (
        "On Saturday at 16.40 a woman walked across the ice of the Pasvikelva at Svanvik. "
        "She was brought to Kirkenes police station and given a short interview with an "
        "interpreter. She asked for protection.\n"
    )
    [event] = _events(text, date(2026, 2, 16))
    assert "questioned" in event.outcomes


def test_interview_notes_and_a_wish_to_interview_are_not_questioned():
    text = (
        "On Saturday at 16.40 a woman walked across the ice of the Pasvikelva at Svanvik "
        "and asked for protection. PST may wish to interview her; the patrol report and "
        "the interview notes are enclosed.\n"
    )
    [event] = _events(text, date(2026, 2, 16))
    assert "questioned" not in event.outcomes


# --- officers' Norwegian logs: weekday stamps, the crossing point's own log, code shorthand


def test_a_log_entry_stamped_with_a_norwegian_weekday_abbreviation_is_that_day():
    text = (
        "GSV PASVIK – helgelogg\n\n"
        "Lør kl 2215: 2 pers. krysset Pasvikelva på isen ved Skogfoss, fra russisk side. "
        "Patrulje sendt.\n\n"
        "søn 0340 - Mann (30) kom over grensen ved Vaggetem og ble pågrepet av patruljen.\n"
    )
    first, second = _events(text, date(2026, 3, 2))  # a Monday
    assert (first.when.start, first.when.precision) == (date(2026, 2, 28), "day")
    assert (second.when.start, second.when.precision) == (date(2026, 3, 1), "day")


def test_an_abbreviation_that_is_no_stamp_is_no_weekday():
    # "man" (one, people) opens a sentence and "Tor" is a name: no hour follows them
    text = (
        "Man kan ikke utelukke at flere kom over.\n"
        "Tor Eriksen meldte at en mann krysset Pasvikelva ved Skogfoss i går kveld.\n"
    )
    from borderwatch.sources import learned

    with learned.use(_without_keep()):  # (the keep decision at 1.65 rates it 0.27: the rules')
        [event] = _events(text, date(2026, 3, 2))
    assert event.when.start == date(2026, 3, 1)


def test_an_entry_of_the_crossing_points_log_without_a_place_is_at_that_point():
    text = (
        "POLITIET – STORSKOG GRENSEKONTROLLSTASJON\n"
        "Vaktlogg onsdag 04.03.2026\n\n"
        "0915 – 3 pers. ankom på sykkel fra russisk side. Syriske statsborgere. Alle "
        "fremsatte asylsøknad. Overført PU.\n"
    )
    [event] = _events(text, date(2026, 3, 4))
    assert event.places == ["Storskog"]
    assert event.detection == ["surrendered"]


def test_an_arrest_in_the_crossing_points_log_takes_no_place_from_its_heading():
    # an arrest is made where the log would say; a news text's title is no log's heading
    log = (
        "STORSKOG – vaktlogg\n\n"
        "0215 Info fra GSV: en mann krysset grensen i terrenget og ble pågrepet.\n"
    )
    news = (
        "Storskog: flere søker asyl\n\n"
        "En russisk mann kom til fots over grensen i går og søkte asyl.\n"
    )
    [arrest] = _events(log, date(2026, 3, 4))
    [told] = _events(news, date(2026, 3, 4))
    assert arrest.places == [] and told.places == []


def test_a_countrys_code_in_an_officers_shorthand_is_nationality_and_count():
    text = (
        "STORSKOG GKS – dagsrapport\n\n"
        "1010 – 2 SYR-borgere ankom i personbil og søkte beskyttelse.\n\n"
        "1345 – 3 x AFG ankom med bussen, nektet innreise og returnert til russisk side.\n"
    )
    first, second = _events(text, date(2026, 3, 4))
    assert (first.nationality, first.people_count) == ("SY", 2)
    assert (second.nationality, second.people_count) == ("AF", 3)


def test_capitals_that_are_no_countrys_code_give_no_nationality():
    # the three of the mobile police unit (UP) are not travellers; the EU is no country
    helped = (
        "STORSKOG GKS – dagsrapport\n\n"
        "1345 – 3 x UP bistod i kontrollen. En russisk mann ankom med bussen, nektet "
        "innreise og returnert til russisk side.\n"
    )
    european = (
        "STORSKOG GKS – dagsrapport\n\n"
        "1345 – EU-borger, kvinne (40), kom til fots over grensen fra russisk side og ble "
        "nektet innreise.\n"
    )
    [event] = _events(helped, date(2026, 3, 4))
    assert (event.nationality, event.people_count) == ("RU", 1)
    [event] = _events(european, date(2026, 3, 4))
    assert (event.nationality, event.people_count) == (None, 1)


# --- Norwegian formal records and news (rulings, decisions, written questions; nynorsk) ---


def test_a_norwegian_night_dated_in_words_is_that_night():
    # a ruling dates the night with the day written out: both days, as "natt til torsdag"
    [event] = _events(
        "Natt til torsdag 12. oktober 2023 gikk han fra russisk side over riksgrensen ved "
        "Jakobselva. Han ble pågrepet av politiet samme dag.\n",
        date(2023, 11, 8),
    )
    assert (event.when.start, event.when.end) == (date(2023, 10, 11), date(2023, 10, 13))


def test_a_written_question_has_news_only_of_the_last_month():
    # the record's own dates ("Besvart: …") are not a crossing's, and a crossing told in
    # the minister's answer is its news only when of the last month
    head = (
        "Dokument nr. 15:402 (2025–2026)\n"
        "Skriftlig spørsmål fra Per Olsen (Sp) til justis- og beredskapsministeren\n"
        "Besvart: 20.01.2026 av justis- og beredskapsministeren\n\n"
        "Svar:\n"
    )
    story = "{} krysset to menn grensen ved Skogfoss og ble pågrepet. Begge søkte beskyttelse.\n"
    [old] = _events(head + story.format("Den 3. november 2025"), date(2026, 1, 20))
    assert old.role == "previous" and old.when.start == date(2025, 11, 3)
    [new] = _events(head + story.format("Den 3. januar 2026"), date(2026, 1, 20))
    assert new.role == "main"


def test_a_court_step_dates_the_step_not_a_crossing():
    # "ble varetektsfengslet 14. mars": the custody's day, no crossing of its own
    [event] = _events(
        "Han ble varetektsfengslet 14. mars 2025. Natt til 10. mars 2025 krysset han "
        "grensen ved Jakobselva og ble stanset av en grensepatrulje.\n",
        date(2025, 3, 20),
    )
    assert event.when.start == date(2025, 3, 9)


def test_nynorsk_crossing_with_its_people_finding_and_outcomes():
    [event] = _events(
        "Russarar padla over Pasvikelva\n\n"
        "Sommaren 2024 kom to unge russarar over Pasvikelva ved Svanvik i ein liten kajakk. "
        "Dei vart pågripne av politiet og søkte om vern same kveld. Eit varmekamera hadde "
        "fanga dei opp.\n",
        date(2025, 3, 1),
    )
    assert event.when.start == date(2024, 6, 1) and event.when.precision == "season"
    assert (event.people_count, event.nationality) == (2, "RU")
    assert event.detection == ["sensor"]
    assert {"detained", "asylum_requested"} <= set(event.outcomes)


def test_nynorsk_year_friend_and_negated_protection_are_not_read():
    # "Vinteren 2024" is no count of 2024, "Kameraten" (a friend) no camera, and "søkte
    # ikkje om vern" no request for protection
    [event] = _events(
        "Vinteren 2024 gjekk ein russar på ski over grensa ved Nyrud. Kameraten hans venta "
        "på russisk side, og russaren søkte ikkje om vern.\n",
        date(2025, 3, 1),
    )
    assert event.people_count == 1 and event.nationality == "RU"
    assert "sensor" not in event.detection
    assert "asylum_requested" not in event.outcomes


# English agency reports and press: the coast guard, and boats drifting across a sea border


def test_a_boat_drifting_across_the_sea_border_picked_up_by_the_coastguard():
    # a drift across the sea border is a crossing; the coast guard that picks the men up
    # does the border control at sea (`border_patrol`)
    text = (
        "Norway's coastguard picks up two Russians in the Varangerfjord\n\n"
        "Two Russian fishermen drifted across the sea border into Norwegian waters off "
        "Grense Jakobselv on Monday evening after their engine failed. A coastguard vessel "
        "on patrol picked the men up shortly after 21.00. They were handed back to the "
        "Russian border guard the next morning.\n"
    )
    [event] = _events(text, date(2026, 3, 5))
    assert event.when.start == date(2026, 3, 2)
    assert event.people_count == 2
    assert "border_patrol" in event.detection


def test_talk_drifting_and_a_boat_drifting_out_of_a_fjord_are_no_crossing():
    text = (
        "The meeting drifted into a long discussion of the new fence. A leisure boat was "
        "seen drifting out of the fjord on Monday; the Coast Guard was informed.\n"
    )
    assert _events(text, date(2026, 3, 5)) == []


# -- 1.64: a demonym before a thing is no person ------------------------------------------


def test_a_demonym_before_a_boat_or_a_passport_is_no_person():
    text = (
        "A small Russian fishing boat with two men on board drifted across the sea border "
        "into Norwegian waters near the Jakobselva mouth on Monday evening. The Coast Guard "
        "picked up the two men and towed the boat back to the line."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["people"] == {"count": 2, "lower_bound": False}
    assert e["nationality"] is None  # (the boat's flag is not said to be the men's)
    # the person before the thing is one: "a Lithuanian lorry driver walked across"
    [e] = [
        e.as_dict()
        for e in _events(
            "On Friday a Lithuanian lorry driver walked across the border into Belarus.",
            date(2026, 11, 25),
        )
    ]
    assert e["people"] == {"count": 1, "lower_bound": False}


# -- 1.66: officers' Norwegian logs: hours after a weekday, wrapped columns, case lists -----


def test_a_custody_logs_hours_after_its_weekday_are_no_dates():
    # "søn 15.05" in a log of Sunday's hours is 15:05 (15 May 2021 was no Sunday); a date
    # with its own hour after it stays a date
    text = (
        "ARRESTLOGG – VARDØ PS\n"
        "Tid (20.–21.06.21)   Hendelse\n"
        "søn 15.05            KV melder en åpen båt med 2 personer som driver nordover\n"
        "                     forbi grenselinjen i Varangerfjorden. Motorstopp.\n"
        "søn 15.40            Begge tatt om bord i KV, pågrepet ved ankomst Vardø.\n"
    )
    [event] = _events(text, date(2021, 6, 21))
    assert event.when.start == date(2021, 6, 20)
    assert event.people_count == 2
    assert [ev.text for ev in event.evidence if ev.field == "event"] == [
        "driver nordover\n                     forbi grenselinjen"
    ]
    [event] = _events(
        "Søn 14.03 ca kl 1030: russisk statsborger bortvist på Storskog.", date(2021, 3, 16)
    )
    assert event.when.start == date(2021, 3, 14)


def test_a_boat_drifting_past_a_quay_is_no_crossing():
    text = "søn 16.05  Båten drev forbi kaia i Vardø og ble fortøyd av havnevakta.\n"
    assert _events(text, date(2021, 6, 21)) == []


def test_a_lettered_handover_item_is_dated_by_its_weekday():
    text = (
        "VAKTOVERLEVERING HELG\n"
        "2. HENDELSER\n"
        "a) Fre kl 2130: sensoralarm Pasvik, rein. Ingen tiltak.\n"
        "b) Lør kl 0215: to menn pågrepet av GV ved Skogfoss etter at de kom over elva. "
        "Begge ba om asyl.\n"
    )
    [event] = _events(text, date(2025, 3, 10))
    assert event.when.start == date(2025, 3, 8)
    assert event.people_count == 2


def test_a_norwegian_case_lists_columns_give_each_rows_people_and_nationality():
    text = (
        "Saksoversikt ankomster Storskog, uke 12\n\n"
        "| Saksnr  | Ankomst          | Nasj. | Ant. | Sted     | Status pr 24.03              |\n"
        "|---------|------------------|-------|------|----------|------------------------------|\n"
        "| 25-0411 | 21.03.25 kl 1015 | SYR   | 3    | Storskog | Asyl søkt. PU har overtatt.  |\n"
        "| 25-0418 | 22.03.25 kl 1740 | AFG   | 1    | Storskog | Asyl søkt. Innkvartert.      |\n"
    )
    first, second = sorted(_events(text, date(2025, 3, 24)), key=lambda e: e.when.start)
    assert (first.people_count, first.nationality) == (3, "SY")
    assert (second.people_count, second.nationality) == (1, "AF")
    assert "asylum_requested" in first.outcomes


def test_an_exports_field_list_reads_its_rows_after_a_note():
    text = (
        "SAKSLISTE – GRENSESAKER\n"
        "Uttrekk: felt: saksnr;dato hendelse;nasj;antall;sted;kort beskrivelse\n"
        "Merk: dato hendelse er når personen kom.\n\n"
        "25-0102;fr 14.03.2025 kl 09.20;RUS;2;Storskog;Ba om beskyttelse ved kontrollen.\n"
    )
    [event] = _events(text, date(2025, 3, 17))
    assert (event.people_count, event.nationality) == (2, "RU")
    # a sentence with semicolons after a note is no row of the list
    assert (
        table_cells(
            "saksnr;dato hendelse;nasj;antall\nMerk: se under.\n"
            "Vi kom; de gikk; alle ble; borte; nå\n"
        )
        == []
    )


def test_a_bracketed_log_stamp_dates_its_entry():
    text = (
        "Utdrag ops-logg, laget 12.03.25 av OL\n"
        "[11.03 2148] GSV melder: to menn kom over isen på Pasvikelva ved Vaggetem.\n"
        "[11.03 2230] Begge pågrepet av GSV, ba om asyl.\n"
    )
    [event] = _events(text, date(2025, 3, 12))
    assert event.when.start == date(2025, 3, 11)
    assert event.when.text == "11.03"


def test_pu_taking_over_in_a_log_is_a_referral():
    text = (
        "Lør kl 2250: to menn pågrepet i terrenget ved Storskog av GV. Begge ba om asyl. "
        "PU tok over søn morgen.\n"
    )
    [event] = _events(text, date(2025, 3, 10))
    assert "referred" in event.outcomes
    assert "border_patrol" in event.detection
    text = "Lør kl 2250: to menn pågrepet ved Storskog, ba om asyl. PU tar kontakt med UDI.\n"
    [event] = _events(text, date(2025, 3, 10))
    assert "referred" not in event.outcomes


# -- 1.65: Norwegian formal records (rulings, decisions, fines) and their tables ----------


def test_a_records_one_party_is_one_person():
    text = (
        "Klageren krysset Pasvikelva ved Skogfoss natt til 3. mars 2025 og ble pågrepet "
        "av Grensevakten."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 6, 1))]
    assert e["people"] == {"count": 1, "lower_bound": False}
    # "søkerne", "de tiltalte": more than one, and how many is not said
    text = "Søkerne kom over grensen ved Storskog 14. mai 2025 og ba om beskyttelse samme dag."
    [e] = [e.as_dict() for e in _events(text, date(2025, 6, 1))]
    assert e["people"]["count"] is None
    text = (
        "De tiltalte krysset Pasvikelva ved Nyrud natt til lørdag 3. mai 2025 og ble pågrepet "
        "av Grensevakten."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 9, 1))]
    assert e["people"]["count"] is None


def test_the_one_a_decision_or_a_fine_is_addressed_to_is_one_person():
    text = (
        "Den 2. april 2025 ankom du Storskog grensekontrollsted med buss fra Murmansk. Du ble "
        "nektet innreise og bortvist samme kveld."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 6, 1))]
    assert e["people"] == {"count": 1, "lower_bound": False}
    assert "returned" in e["outcomes"]
    text = (
        "Lørdag 5. juli 2025 ca. kl. 12.00 ved Treriksrøysa gikk De rundt røysa, slik at De "
        "krysset riksgrensen til Russland."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 7, 20))]
    assert e["people"] == {"count": 1, "lower_bound": False}
    # "De" opening a sentence is "they": how many is not said
    text = "De kom over elva natt til søndag og ble pågrepet ved Skogfoss."
    [e] = [e.as_dict() for e in _events(text, date(2025, 7, 20))]
    assert e["people"]["count"] is None


def test_an_indictment_and_a_fine_notice_are_charged():
    text = (
        "Tiltalte kjørte over grensen ved Storskog fredag 6. juni 2025 ca. kl. 14.10. A er "
        "satt under tiltale for overtredelse av utlendingsloven."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 9, 1))]
    assert "charged" in e["outcomes"]
    assert e["people"] == {"count": 1, "lower_bound": False}
    text = (
        "Mannen krysset Jakobselva fredag 4. juli 2025. Han ble frifunnet i tingretten, "
        "som la vekt på at han var i nød."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 1))]
    assert "charged" in e["outcomes"]
    # the law's threat of a fine is no fine
    text = (
        "Mannen krysset Jakobselva fredag 4. juli 2025 og ble sendt tilbake til russisk side. "
        "Overtredelse av grenseloven straffes med bot."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 7, 10))]
    assert "charged" not in e["outcomes"]


def test_cirka_with_an_hour_after_midnight_picks_the_day_the_night_runs_into():
    text = (
        "Natt til lørdag, cirka klokken 02.30, fikk Grensevakten utslag på et kamera ved "
        "Vaggetem. To menn hadde krysset Pasvikelva fra russisk side og ble pågrepet."
    )
    [e] = _events(text, date(2025, 10, 13))
    assert (e.when.start, e.when.end) == (date(2025, 10, 11), date(2025, 10, 12))
    [e] = _events(text.replace("02.30", "22.30"), date(2025, 10, 13))
    assert (e.when.start, e.when.end) == (date(2025, 10, 10), date(2025, 10, 11))


def test_a_norwegian_case_list_is_read_as_a_table():
    text = (
        "Tabell 2 Saker i perioden\n\n"
        "Dato | Sted | Antall | Statsborgerskap | Tiltak\n"
        "12.03.2025 | Skogfoss | 2 | syrisk | Pågrepet, søkte asyl\n"
        "14.03.2025 | Storskog | 1 | russisk | Bortvist til RU\n"
    )
    first, second = [e.as_dict() for e in _events(text, date(2025, 4, 1))]
    assert first["people"] == {"count": 2, "lower_bound": False}
    assert first["nationality"] == "SY"
    assert second["nationality"] == "RU"
    assert "returned" in second["outcomes"]


def test_norways_code_in_a_table_row_is_no_negation():
    text = (
        "Dato/tid | Sted | Pers. | Nat. | Tiltak\n"
        "16.03 0410 | Jakobselva | 2 | IND | Krysset isen mot NO, pågrepet\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 3, 18))]
    assert e["people"] == {"count": 2, "lower_bound": False}
    assert e["nationality"] == "IN"
    # a row that found no one is still none
    text = (
        "Dato/tid | Sted | Pers. | Nat. | Tiltak\n"
        "16.03 0410 | Jakobselva | 0 | – | Sporsøk, NO pers. funnet\n"
    )
    assert _events(text, date(2025, 3, 18)) == []


def test_medio_primo_and_ultimo_name_a_month():
    for words, month in (("medio mars", 3), ("primo april", 4), ("ultimo februar", 2)):
        text = (
            f"En russisk mann krysset Pasvikelva ved Skogfoss {words} og ble pågrepet av "
            "Grensevakten."
        )
        [e] = _events(text, date(2025, 6, 1))
        assert (e.when.start, e.when.precision) == (date(2025, month, 1), "month")
    # "primo" alone is no month
    text = "En russisk mann krysset Pasvikelva ved Skogfoss primo og ble pågrepet."
    [e] = _events(text, date(2025, 6, 1))
    assert e.when.precision == "unknown"


def test_the_office_a_person_is_handed_to_is_no_place_of_the_crossing():
    # "Overlevert politiet Kirkenes": handed to the police there (found in the make run
    # trial of 28 November 2026), as "overlevert til politiet i Kirkenes" already was
    text = (
        "GSV SVANVIK – VAKTJOURNAL\n"
        "Tirsdag 24.11.2026\n\n"
        "0212  Sensoralarm sektor Skrøytnes. Patrulje P2 sendt.\n"
        "0340  P2 har kontakt: 1 mann, oppgir å være fra Murmansk. Ingen ID.\n"
        "0415  Overlevert politiet Kirkenes. Mannen ba om beskyttelse.\n"
    )
    [event] = _events(text, date(2026, 11, 25))
    assert event.places == ["Skrøytnes"]
    assert event.when.start == date(2026, 11, 24)
    # (a crossing at the office's place keeps its place)
    [event] = _events("En mann krysset grensen ved Kirkenes i natt og ble overført PU Kirkenes.")
    assert event.places == ["Kirkenes"]


# -- English officials' and press copy: a country's things, a soldier's past, nights ------


def test_a_country_s_clock_court_or_control_is_no_nationality():
    text = (
        "On Tuesday 3 March at about 16:30 Norwegian time the patrol saw a man wade across "
        "the Jakobselva from the Norwegian to the Russian bank. A Finnish district court "
        "fined him later; the Finnish LO and the Norwegian–Russian commission were told. "
        "Partners (NO, EE) were informed. He is a citizen of Georgia."
    )
    assert {c.value for c in find_nationalities(text)} == {"GE"}
    # the person is still read: "a Finnish woman", "(RU)", "a Norwegian citizen"
    text = "A Finnish woman (RU) and a Norwegian citizen crossed at 16:30."
    assert [c.value for c in find_nationalities(text)] == ["FI", "RU", "NO"]


def test_a_patrol_s_soldiers_a_police_rank_and_a_denied_service_are_no_affiliation():
    text = (
        "Reaction: Patrol (2 soldiers, vehicle) dispatched from Svanvik. The man had been "
        "called up but did not report (not a serving soldier).\n\n"
        "Contact: Detective sergeant Anna Berg, Ivalo police\n"
        "Lieutenant, liaison officer, GSV\n"
    )
    assert find_affiliations(text) == []
    # a soldier of his own is read
    cues = find_affiliations("He says he is a conscript who left his unit.")
    assert {c.value for c in cues} == {"armed forces"}


def test_when_he_left_his_unit_is_not_the_time_of_the_crossing_in_focus():
    text = (
        "On Sunday at 04:50 a camera recorded one person wading across the Jakobselva from "
        "the Russian side. A patrol detained him by the road at Grense Jakobselv. He is a "
        "Russian national, 24, and says he deserted from his brigade three days earlier. He "
        "has been questioned by police and has asked for asylum."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["when"]["start"] == "2026-11-22"
    assert e["affiliation"] == "armed forces"
    assert "asylum_requested" in e["outcomes"]
    # with no time of the crossing, his desertion's time is the only one told
    text = (
        "A Russian contract soldier deserted in February 2025 while on leave. He crossed the "
        "frozen Pasvikelva on foot at night and asked for asylum."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["when"]["start"] == "2025-02-01"


def test_a_night_s_days_or_hour_in_brackets():
    text = (
        "In the night between Thursday and Friday (20/21 November) a man crossed the border "
        "from Belarus into Latvia."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert (e["when"]["start"], e["when"]["end"]) == ("2026-11-20", "2026-11-22")
    text = "In the night to 21 November (at 03:10) a man crossed the border into Latvia."
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert (e["when"]["start"], e["when"]["end"]) == ("2026-11-21", "2026-11-22")
    # no hour: both days
    text = "In the night to 21 November a man crossed the border into Latvia."
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert (e["when"]["start"], e["when"]["end"]) == ("2026-11-20", "2026-11-22")


def test_a_man_who_fled_his_unit_serves_in_the_armed_forces():
    text = (
        "On Monday a Russian man crossed into Norway near Svanvik. He told the police he had "
        "fled his unit near Pechenga."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["affiliation"] == "armed forces"
    # one who fled the call-up never joined: no affiliation
    text = (
        "On Monday a Russian man crossed into Norway near Svanvik. He had fled mobilisation "
        "and left his family in Murmansk."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["affiliation"] is None


def test_a_date_of_birth_or_a_report_s_writing_does_not_date_a_crossing():
    text = (
        "Date           : 19.11.2026 (Thursday)\n"
        "Report written : 20.11.2026 06:15\n\n"
        "At 22.41 a man (DOB 03/07/1991) walked across the border at Vaggetem from Russia "
        "and was detained by the patrol.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 20))]
    assert e["when"]["start"] == "2026-11-19"
    # the day told as the field of the event stays: "Date: 19.11.2026"
    assert all(ev.text != "03/07/1991" for ev in _events(text, date(2026, 11, 20))[0].evidence)


# --- reports on a past year, and the year a named weekday agrees with ---------------------


def test_a_date_without_a_year_in_an_annual_report_is_of_the_year_it_reports_on():
    text = (
        "FINNMARK POLITIDISTRIKT\n"
        "ÅRSRAPPORT 2023\n\n"
        "Grensesaker\n\n"
        "Den 4. desember krysset to menn fra Russland over Pasvikelva ved Nyrud. De ble "
        "pågrepet av Grensevakten og søkte asyl.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2024, 3, 20))]
    assert e["when"]["start"] == "2023-12-04"
    # a report on a past year is a look back: its cases are not the news
    assert e["role"] == "previous"
    # not in a news story of the same day: 4 December is of the year before publication
    # only because it would otherwise lie after it
    news = (
        "Den 4. desember krysset to menn fra Russland over Pasvikelva ved Nyrud. De ble "
        "pågrepet av Grensevakten og søkte asyl.\n"
    )
    [e] = [e.as_dict() for e in _events(news, date(2024, 12, 20))]
    assert e["when"]["start"] == "2024-12-04"


def test_the_named_weekday_picks_the_year_of_a_date_without_one():
    text = "Lørdag 14. januar krysset en mann Pasvikelva ved Nyrud. Han ble pågrepet."
    [e] = [e.as_dict() for e in _events(text, date(2024, 3, 20))]
    # 14 January 2023 was a Saturday, 14 January 2024 a Sunday
    assert e["when"]["start"] == "2023-01-14"
    text = "Søndag 14. januar krysset en mann Pasvikelva ved Nyrud. Han ble pågrepet."
    [e] = [e.as_dict() for e in _events(text, date(2024, 3, 20))]
    assert e["when"]["start"] == "2024-01-14"


def test_a_weekday_of_the_publication_year_keeps_a_date_out_of_the_reviewed_year():
    text = (
        "Refugee Watch — Quarterly Monitoring Brief Q4 2025\n"
        "Published 20 January 2026\n\n"
        "On Sunday (18 January) two men crossed the frozen Pasvikelva at Nyrud. A Border "
        "Guard patrol detained them; both have asked for asylum.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 1, 20))]
    assert e["when"]["start"] == "2026-01-18"


# Norwegian formal records and media (1.67): decisions, rulings and news in bokmål and
# nynorsk -----------------------------------------------------------------------------------


def test_a_decision_not_to_examine_the_application_is_refused():
    text = (
        "En syrisk mann kom over Storskog på sykkel mandag 2. november 2015 og søkte "
        "beskyttelse samme dag. Søknaden om beskyttelse tas ikke til realitetsbehandling."
    )
    [e] = [e.as_dict() for e in _events(text, date(2015, 11, 20))]
    assert "refused" in e["outcomes"]
    text = (
        "En afghansk mann kom over Storskog 3. november 2015 og søkte asyl. UDI besluttet at "
        "søknaden ikke skulle realitetsbehandles."
    )
    [e] = [e.as_dict() for e in _events(text, date(2015, 11, 20))]
    assert "refused" in e["outcomes"]
    # an application examined on its merits is not refused
    text = (
        "En afghansk mann kom over Storskog 3. november 2015 og søkte asyl. Søknaden skal "
        "realitetsbehandles i Norge."
    )
    [e] = [e.as_dict() for e in _events(text, date(2015, 11, 20))]
    assert "refused" not in e["outcomes"]


def test_a_record_s_words_for_a_return_are_returned():
    for words in (
        "Han ble overlevert norske myndigheter ved Storskog to dager senere.",
        "Han ble tilbakeført til norsk side samme kveld.",
        "Russiske grensevakter sende han attende til norsk side etter ein time.",
        "Han ble kjørt tilbake til den norske siden av russiske grensevakter.",
    ):
        text = (
            "En norsk statsborger krysset grensen til russisk side ved Treriksrøysa lørdag "
            f"14. juli 2018 under en fottur. {words}"
        )
        [e] = [e.as_dict() for e in _events(text, date(2018, 7, 20))]
        assert "returned" in e["outcomes"], words
    # a driver who drove back himself, and a case sent back to the directorate, are not
    for words in (
        "Sjåføren snudde og kjørte tilbake til russisk side.",
        "Klagen ble tatt til følge og saken ble sendt tilbake til UDI.",
    ):
        text = (
            f"En syrisk familie kom til Storskog i bil lørdag 14. juli 2018 og ba om asyl. {words}"
        )
        [e] = [e.as_dict() for e in _events(text, date(2018, 7, 20))]
        assert "returned" not in e["outcomes"], words


def test_a_negation_does_not_reach_into_the_next_clause():
    text = (
        "I august ble en mann pågrepet ved Svanvik etter å ha krysset grensen fra russisk "
        "side. Han søkte ikke beskyttelse og ble uttransportert til Russland."
    )
    [e] = [e.as_dict() for e in _events(text, date(2023, 10, 2))]
    assert "returned" in e["outcomes"]
    assert "asylum_requested" not in e["outcomes"]
    # (the English plural "men" is no conjunction)
    text = (
        "On Monday two men crossed the Jakobselva and were detained. Neither of the men has "
        "applied for protection."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert "asylum_requested" not in e["outcomes"]


def test_a_sentence_to_a_fine_is_charged():
    text = (
        "Søndag 2. juni 2019 padlet tiltalte over Pasvikelva ved Nyrud til russisk side. "
        "A dømmes for overtredelse av grenseloven til en bot på 12 000 kroner."
    )
    [e] = [e.as_dict() for e in _events(text, date(2019, 8, 20))]
    assert "charged" in e["outcomes"]


def test_a_refusal_of_entry_told_after_the_arrival_at_storskog_is_the_police_s():
    text = (
        "Den 9. juni 2025 ankom en usbekisk mann Storskog grensekontrollsted med rutebussen "
        "fra Murmansk og viste fram et falskt visum.\n\n"
        "Han ble nektet innreise og bortvist samme dag."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 6, 20))]
    assert e["detection"] == ["police"]
    # Storskog named only after the refusal, of other cases, is not where it happened
    text = (
        "Yesterday at 14.20 at the Narva checkpoint a Russian man came over the bridge and "
        "was refused entry to Estonia. He had no visa.\n\n"
        "Please tell us if you have similar cases at Storskog."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert "police" not in e["detection"]


def test_one_who_came_forward_and_then_tells_when_he_crossed_is_one_event():
    text = (
        "En russisk mann i 20-årene møtte opp ved politistasjonen i Kirkenes onsdag "
        "formiddag og ba om beskyttelse.\n"
        "Han forteller selv at han gikk over grensen i Pasvik til fots natt til søndag."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 1, 15))]
    assert (e["when"]["start"], e["when"]["end"]) == ("2026-01-10", "2026-01-12")
    assert "asylum_requested" in e["outcomes"]
    text = (
        "A Russian man turned up at the police station in Kirkenes on Wednesday morning and "
        "asked for protection. He says he walked across the border in Pasvik on the night "
        "to Sunday."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 1, 15))]
    assert e["when"]["start"] == "2026-01-10"
    # another person's crossing a month before is another event (the rules' reading: the
    # keep decision retrained at 1.67 rates the brother's crossing 0.298 against 0.3)
    text = (
        "A Russian man turned up at the police station in Kirkenes on Wednesday morning and "
        "asked for protection. His brother crossed the border in Pasvik on 2 December."
    )
    from borderwatch.sources import learned

    with learned.use(_without_keep()):
        assert len(_events(text, date(2026, 1, 15))) == 2


def test_what_a_person_says_of_where_he_is_from_is_his_nationality():
    text = (
        "Patruljen stanset en mann ved Korpfjell kl. 04.10 søndag 22. februar. Han oppga å "
        "være fra Tadsjikistan og sa at han hadde gått over grensen."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 3, 20))]
    assert e["nationality"] == "TJ"
    text = (
        "To personer, oppgitt å være fra Somalia, meldte seg ved politistasjonen i Kirkenes "
        "03.02.2026 kl. 08.15 etter å ha krysset grensen ved Pasvikelva."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 3, 20))]
    assert e["nationality"] == "SO"
    # where he came from is not where he is from
    text = (
        "En mann kom over grensen fra Russland ved Korpfjell søndag 22. februar og ble "
        "pågrepet av Grensevakten."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 3, 20))]
    assert e["nationality"] is None


def test_a_quarter_is_its_three_months_and_a_numbered_week_its_seven_days():
    text = "I første kvartal 2025 krysset en russisk mann grensen ved Svanvik og ble pågrepet."
    [e] = [e.as_dict() for e in _events(text, date(2025, 6, 10))]
    assert (e["when"]["start"], e["when"]["end"], e["when"]["precision"]) == (
        "2025-01-01",
        "2025-04-01",
        "month",
    )
    text = "In the second quarter of 2025 a Russian man crossed the border at Svanvik."
    [e] = [e.as_dict() for e in _events(text, date(2025, 9, 10))]
    assert (e["when"]["start"], e["when"]["end"]) == ("2025-04-01", "2025-07-01")
    text = "I uke 12 krysset en russisk mann grensen ved Svanvik og ble pågrepet."
    [e] = [e.as_dict() for e in _events(text, date(2025, 6, 10))]
    assert (e["when"]["start"], e["when"]["end"], e["when"]["precision"]) == (
        "2025-03-17",
        "2025-03-24",
        "day",
    )
    # a quarter past the hour is no quarter of a year
    text = "At a quarter past one a Russian man crossed the border at Svanvik."
    [e] = [e.as_dict() for e in _events(text, date(2025, 9, 10))]
    assert e["when"]["precision"] != "month"


def test_nynorsk_words_for_asking_for_protection_and_being_questioned():
    text = (
        "Natt til laurdag padla ein russisk mann over Pasvikelva ved Svanvik. Han bad om vern "
        "og vart avhøyrd same dag."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 10, 20))]
    assert {"asylum_requested", "questioned"} <= set(e["outcomes"])
    # a request for a helicopter is no request for protection
    text = "Natt til laurdag padla ein russisk mann over Pasvikelva. Politiet bad om helikopter."
    [e] = [e.as_dict() for e in _events(text, date(2025, 10, 20))]
    assert "asylum_requested" not in e["outcomes"]


# English press and officials' English, affiliation in both languages (1.67) ----------------


def test_a_service_the_text_itself_calls_unconfirmed_is_left_out():
    text = (
        "Russian soldier crosses the Pasvik river\n\n"
        "On Sunday a Russian man who says he served in a motorised rifle brigade crossed "
        "the Pasvik river into Norway near Svanvik and asked for asylum. His claims about "
        "his service have not been independently confirmed."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["affiliation"] is None
    # the police declining to confirm it is not the text calling it unconfirmed
    text = (
        "On Sunday a Russian soldier crossed the Pasvik river into Norway near Svanvik and "
        "asked for asylum. The police would not confirm which unit he had served in."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["affiliation"] == "armed forces"


def test_another_person_s_service_stays_when_one_claim_is_unconfirmed():
    text = (
        "In January 2023 a man who said he had fought for the Wagner Group crossed the "
        "Pasvik river into Norway. We have not been able to confirm that he fought in "
        "Ukraine.\n\n"
        "In March 2024 two Russian soldiers who had deserted from their unit waded across "
        "the Jakobselva and were picked up by border guards."
    )
    first, second = (e.as_dict() for e in _events(text, date(2024, 3, 20)))
    assert first["affiliation"] is None
    assert second["affiliation"] == "armed forces"


def test_a_patrol_s_soldiers_after_its_call_sign_are_not_the_persons():
    text = (
        "1. At 0210 a thermal camera showed one person crossing the ice near Vaggetem from "
        "Russia.\n"
        "2. Patrol KOBBE 12 (2 x soldiers, 1 x snowmobile) dispatched from Svanvik; the man "
        "was apprehended at 0305.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["affiliation"] is None


def test_norwegian_affiliation_from_a_unit_left_and_a_soviet_soldier():
    text = (
        "Man 17.11 kl 0915: Russisk mann (31) møtte på politistasjonen i Kirkenes. Han krysset "
        "grensen ved Nyrud natt til søndag. Oppgir å ha forlatt sin enhet i Pechenga."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] == "armed forces"
    text = (
        "Sommeren 1986 krysset en ung sovjetisk soldat grensen over Jakobselva. Han ble "
        "pågrepet av grensepatruljen."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] == "armed forces"


def test_a_norwegian_question_whether_he_is_a_soldier_gives_no_affiliation():
    text = (
        "I går kveld meldte en mann seg for politiet i Kirkenes etter å ha krysset grensen "
        "fra Russland. Flere har spurt oss om mannen er soldat. Det vet vi ikke."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] is None


def test_asking_for_asylum_at_a_control_booth_or_a_station_door_is_coming_forward():
    text = (
        "Last week a Russian man drove up to the Storskog crossing, passed the Russian "
        "checkpoint and, at the Norwegian booth, asked for asylum."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["detection"] == ["surrendered"]
    text = (
        "On Monday at 07:55 a man knocked on the door of the Border Guard station at Svanvik "
        "and said he had crossed the Pasvik river from Russia during the night."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert e["detection"] == ["surrendered"]
    # a house's door: the resident who let him in told the police
    text = (
        "On Monday a man who had crossed the Pasvik river from Russia knocked on the door of "
        "a house near Svanvik. The owner called the police."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert "surrendered" not in e["detection"]


def test_a_utc_date_time_group_is_dated_by_the_local_day():
    text = (
        "INCIDENT REPORT\n"
        "DTG of detection: 132250Z OCT 26\n"
        "One person crossed the Pasvikelva from Russia near Vaggetem and was apprehended by "
        "the patrol.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 10, 14))]
    assert (e["when"]["start"], e["when"]["end"]) == ("2026-10-14", "2026-10-15")
    # earlier in the UTC evening it is still the same day in Norway
    text = text.replace("132250Z", "131950Z")
    [e] = [e.as_dict() for e in _events(text, date(2026, 10, 14))]
    assert e["when"]["start"] == "2026-10-13"


def test_the_same_man_told_before_the_new_crossing_keeps_his_nationality():
    text = (
        "On Sunday a citizen of Latvia was refused entry at Storskog and returned to the "
        "Russian side.\n\n"
        "On Monday at about 11:00 the same man was observed by the Border Guard walking "
        "towards the river near Grense Jakobselv. A patrol stopped him 50 metres from the "
        "line. He told the patrol that he wanted to walk over to Russia."
    )
    first, second = (e.as_dict() for e in _events(text, date(2026, 7, 7)))
    assert first["nationality"] == second["nationality"] == "LV"


def test_he_crossing_again_is_the_person_told_before_unless_another_was_introduced():
    text = (
        "On 3 March 2024 a Russian conscript crossed the Pasvik river near Svanvik and "
        "asked for asylum. In August 2024 he crossed into Finland near Salla and was "
        "detained by the Finnish Border Guard."
    )
    first, second = (e.as_dict() for e in _events(text, date(2024, 9, 1)))
    assert (second["nationality"], second["affiliation"]) == ("RU", "armed forces")
    # another person, of another people, told in between: "she" is not the conscript
    text = (
        "On 3 March 2024 a Russian conscript crossed the Pasvik river near Svanvik and "
        "asked for asylum. Mariam, an Eritrean student, had studied in Murmansk. In August "
        "2024 she crossed into Finland near Salla and was detained by the Finnish Border "
        "Guard."
    )
    events = [e.as_dict() for e in _events(text, date(2024, 9, 1))]
    assert events[-1]["nationality"] != "RU"
    assert events[-1]["affiliation"] is None


def test_returns_told_as_a_bus_back_an_escort_to_the_line_or_a_hand_over_at_sea():
    text = (
        "On Sunday border guards stopped six Afghans at the fence near Kuźnica after they "
        "crossed from Belarus. They were escorted to the border line."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert "returned" in e["outcomes"]
    text = (
        "On Saturday two Russian fishermen drifted across the sea border into Norwegian "
        "waters and were picked up by the Coast Guard. The next morning the Coast Guard "
        "handed the men and their boat over to a vessel of the Russian border service."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert "returned" in e["outcomes"]
    # taken to the border station is not a return
    text = (
        "On Sunday border guards stopped six Afghans at the fence near Kuźnica after they "
        "crossed from Belarus. They were escorted to the border station in Kuźnica."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 25))]
    assert "returned" not in e["outcomes"]


def test_a_norwegian_deserter_from_wagner_belongs_to_wagner():
    text = (
        "I januar 2023 krysset en russisk mann som sa han hadde desertert fra Wagner-gruppen, "
        "grensen i Pasvikdalen. Han ble pågrepet av grensevakten."
    )
    [e] = [e.as_dict() for e in _events(text, date(2023, 1, 20))]
    assert e["affiliation"] == "Wagner Group"


def test_a_norwegian_text_calling_the_service_unconfirmed_leaves_it_out():
    text = (
        "Natt til søndag krysset en russisk soldat grensen ved Nyrud. Han ble pågrepet av "
        "grensepatruljen. Vi har ikke kunnet bekrefte at han har tjenestegjort i hæren."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] is None
    # all he told called unconfirmed, his service not named: it stays
    text = (
        "Natt til søndag krysset en russisk soldat grensen ved Nyrud. Han ble pågrepet av "
        "grensepatruljen. Han sier at en kamerat ble stanset på russisk side. (Opplysningen "
        "er ikke bekreftet.)"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] == "armed forces"


def test_a_contract_soldier_of_the_fsb_border_service_is_fsb():
    text = (
        "For tre dager siden krysset en russisk mann grensen ved Svanvik. Han opplyser at "
        "han er kontraktsoldat i FSBs grensetjeneste."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] == "FSB"


def test_a_case_box_drawn_in_characters_is_read_as_its_paragraph():
    text = (
        "+--------------------------------------------------------------+\n"
        "| CASE 2 - Omar, 31                                            |\n"
        "|                                                              |\n"
        "| On 5 November 2021 Omar, a Syrian, crossed the fence near    |\n"
        "| Kuźnica and was stopped within an hour by a Border Guard     |\n"
        "| patrol. He was pushed back to Belarus the same night.       |\n"
        "+--------------------------------------------------------------+\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2022, 3, 1))]
    assert e["when"]["start"] == "2021-11-05"
    assert e["nationality"] == "SY"
    assert "returned" in e["outcomes"]
    # a table's rows between two rules stay rows (more than a frame's two bars)
    table = (
        "+----------------+----------------+\n"
        "| Date | Persons |\n"
        "+----------------+----------------+\n"
    )
    from borderwatch.sources.extract import normalise

    assert normalise(table).text == table


def test_a_report_on_a_past_year_dates_its_days_in_that_year():
    text = (
        "FINNMARK POLICE DISTRICT\n"
        "Annual Report 2025 - border cases\n\n"
        "Late November - A Russian man crossed the Pasvikelva near Svanvik and was "
        "detained by the Border Guard.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 3, 10))]
    assert e["when"]["start"] == "2025-11-01"
    assert e["role"] == "previous"
    # a news story dates such a day in the publication's year
    text = "Late February a Russian man crossed the Pasvikelva near Svanvik."
    [e] = [e.as_dict() for e in _events(text, date(2026, 3, 10))]
    assert e["when"]["start"] == "2026-02-01"


def test_an_iso_time_in_utc_is_dated_by_the_local_day():
    text = (
        "INCIDENT NOTIFICATION\n"
        "WHEN: 2026-01-17T2340Z\n"
        "A man crossed the Pasvikelva on the ice from Russia near Skogfoss and was "
        "apprehended by the Norwegian Border Guard.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 1, 19))]
    assert e["when"]["start"] == "2026-01-18"
    # with the offset written out, the day as written
    text = text.replace("2026-01-17T2340Z", "2026-01-17T23:40+01:00")
    [e] = [e.as_dict() for e in _events(text, date(2026, 1, 19))]
    assert e["when"]["start"] == "2026-01-17"


def test_arriving_at_a_bcp_and_asking_for_protection_is_coming_forward():
    text = (
        "On 2 December fourteen persons arrived together at the Salla BCP in two cars from "
        "the Russian side. All fourteen applied for international protection on arrival."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 12, 10))]
    assert e["detection"] == ["surrendered"]


def test_a_norwegian_denial_of_service_gives_no_affiliation():
    text = (
        "Onsdag forrige uke meldte en russisk mann seg i kontrollen på Storskog og ba om "
        "beskyttelse. Han har ikke tjenestegjort i hæren."
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] is None
    text = text.replace("Han har ikke tjenestegjort i hæren.", "Han har tjenestegjort i hæren.")
    [e] = [e.as_dict() for e in _events(text, date(2026, 11, 18))]
    assert e["affiliation"] == "armed forces"


# --- Norwegian on-duty writing: entries, their headings and their days (1.67) ---


def test_a_handover_s_lettered_entries_by_weekday_and_hour_are_events_of_their_own():
    text = (
        "VAKTOVERLEVERING - STORSKOG\n"
        "Periode: fre 14.11 kl 1400 - man 17.11 kl 0700\n\n"
        "2. HENDELSER\n"
        "a) Fre 2215 - RUS mann (41), personbil, alene. Kunne ikke dokumentere formålet. "
        "Nektet innreise, vedtak fattet 2240. Kjørte tilbake 2300.\n"
        "b) Lø ca 1130 - AFG kvinne (29) kom med buss fra Nikel, ba om beskyttelse ved "
        "skranken. PU overtok saken.\n"
        "c) Sø 0410 - Melding fra GV: alarm v/ Skogfoss, rein på kamera. Til orientering.\n"
    )
    events = [e.as_dict() for e in _events(text, date(2025, 11, 17))]
    assert [e["when"]["start"] for e in events] == ["2025-11-14", "2025-11-15"]
    assert [e["nationality"] for e in events] == ["RU", "AF"]
    assert "returned" in events[0]["outcomes"]
    assert "asylum_requested" in events[1]["outcomes"]


def test_numbered_entry_headings_under_a_day_heading_are_one_event_each():
    text = (
        "PU - ANKOMSTNOTATER STORSKOG\n"
        "Intern arbeidsliste.\n\n"
        "11.03 (ti)\n"
        "#1 kl 0945\n"
        "RUS mann, 33. Kom med buss fra Murmansk.\n"
        "Ba om beskyttelse ved kontrollen. Overført PU 1010.\n\n"
        "#2 kl 1420\n"
        "SYR kvinne (40) og sønn (12). Egen bil.\n"
        "Ba begge om beskyttelse ved kontrollen.\n"
    )
    events = [e.as_dict() for e in _events(text, date(2025, 3, 12))]
    assert len(events) == 2
    assert all(e["when"]["start"] == "2025-03-11" for e in events)
    assert [e["nationality"] for e in events] == ["RU", "SY"]
    assert events[0]["people"]["count"] == 1
    assert all(e["places"] == ["Storskog"] for e in events)
    # the entry's hour after "kl" is not a count of persons
    assert all(e["people"]["count"] != 945 for e in events)


def test_the_same_day_s_entries_with_their_own_hours_and_people_stay_apart():
    text = (
        "OVERLEVERING HELG - STORSKOG\n\n"
        "1) lør 08.03 kl 1015 - 1 mann, irakisk statsborger, kom på sykkel. Søkte asyl.\n"
        "2) lør 08.03 kl 2140 - kamera ved gjerdet viste 3 pers. som gikk over grensen "
        "nord for stasjonen. Patruljen stanset dem 2205.\n"
    )
    events = [e.as_dict() for e in _events(text, date(2025, 3, 10))]
    assert [e["people"]["count"] for e in events] == [1, 3]
    assert all(e["when"]["start"] == "2025-03-08" for e in events)
    # a later step of the same day's event, its persons not told before, stays with it
    text = (
        "GSV - DAGLOGG\n\n"
        "12.02 0640 Patrulje melder skispor over Pasvikelva fra russisk side ved Skogfoss.\n"
        "12.02 1010 Politiet stanser to personer på vegen ved Skogfoss. De søker asyl.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 2, 13))]
    assert e["people"]["count"] == 2


def test_a_weekday_before_its_date_is_that_date_and_our_is_no_spring():
    text = (
        "SAMMENSTILT LOGG\n\n"
        "Søndag 12.10.2025\n"
        "kl. 03.20  Kamera viste én person som krysset elva ved Vaggetem fra russisk side.\n"
        "kl. 04.05  Patruljen pågrep mannen. Han ba ikke om beskyttelse i vår nærhet.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 20))]
    assert e["when"]["start"] == "2025-10-12"
    assert e["when"]["precision"] == "day"


def test_two_persons_a_log_names_by_their_ages_are_two():
    text = (
        "OVERLEVERING HELG - STORSKOG\n\n"
        "LØR 08.03\n"
        "1640 - RUS mann (52) og kvinne (47) kom i egen bil, ba om beskyttelse i skranken. "
        "Begge hadde pass. PU ble varslet, og de ble hentet 1800.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 3, 10))]
    assert e["people"]["count"] == 2
    # persons told apart, each in a sentence of their own, are not one pair
    text = (
        "1640 - RUS mann (52) kom i egen bil. Kvinne (47) ventet på russisk side, og hun ble der."
    )
    assert [c.value for c in find_counts(text)] == [(1, False), (1, False)]


def test_the_police_feed_s_hour_and_place_headings_are_cases_of_their_own():
    text = (
        "POLITILOGGEN - Finnmark politidistrikt\n"
        "Fredag 14.03.2025\n\n"
        "kl. 02.10 - Sør-Varanger\n"
        "En mann har meldt seg ved Storskog grensepasseringssted og bedt om beskyttelse. "
        "Han er tatt hånd om av politiet.\n\n"
        "kl. 04.45 - Sør-Varanger\n"
        "Grensevakten har observert 3 personer ved Skogfoss som har krysset grensen fra "
        "russisk side. Patruljer er på vei.\n\n"
        "kl. 06.30 - Alta\n"
        "Trafikkulykke på E6. Ingen skadd.\n"
    )
    events = [e.as_dict() for e in _events(text, date(2025, 3, 14))]
    assert [e["people"]["count"] for e in events] == [1, 3]
    assert all(e["when"]["start"] == "2025-03-14" for e in events)
    # a thread's bare hours are posts about one case, not cases of their own
    text = (
        "Politiet i Finnmark\n\n"
        "kl. 06.40\n"
        "Grensevakten melder om ferske spor i snøen fra Pasvikelva ved Nyrud og inn på norsk "
        "side. Patruljer er på vei.\n\n"
        "kl. 09.15\n"
        "Patruljen har funnet og pågrepet to personer på vegen ved Vaggetem. De er kalde, "
        "men uskadde.\n"
    )
    assert len(_events(text, date(2025, 3, 14))) <= 1


def test_the_immigration_police_taking_the_case_is_referred():
    text = (
        "Two persons (RUS) crossed the Pasvikelva on foot near Vaggetem on Sunday and were "
        "stopped by a Border Guard patrol. Both asked for asylum. PU takes the case."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 24))]
    assert "referred" in e["outcomes"]
    # the immigration police only told, or not taking over, is not a referral
    text = (
        "Two persons (RUS) crossed the Pasvikelva on foot near Vaggetem on Sunday and were "
        "stopped by a Border Guard patrol. Both asked for asylum. PU has not taken over yet."
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 24))]
    assert "referred" not in e["outcomes"]


# -- 1.69: nynorsk sailing, the coast guard's "plukka opp", nynorsk weekdays --------------


def test_nynorsk_sailing_over_the_sea_border_on_a_nynorsk_weekday_is_a_crossing():
    # THURSDAY is 20 March 2025: "måndag" is the 17th
    [event] = _events(
        "Ein russisk mann segla ein open båt over sjøgrensa og vart plukka opp av Kystvakta "
        "ved Grense Jakobselv måndag kveld. Han har søkt asyl."
    )
    assert event.places == ["Grense Jakobselv"]
    assert (event.country_left, event.country_entered) == ("RU", "NO")
    assert event.when.start == date(2025, 3, 17) and event.when.precision == "day"
    assert "asylum_requested" in event.outcomes


@pytest.mark.parametrize(
    "day, start",
    [("tysdag", date(2025, 3, 18)), ("laurdag", date(2025, 3, 15)), ("sundag", date(2025, 3, 16))],
)
def test_nynorsk_weekday_names_date_the_crossing(day, start):
    [event] = _events(f"To menn kom over grensa ved Storskog {day} og søkte om vern.")
    assert event.when.start == start and event.when.precision == "day"


def test_picked_up_by_the_coast_guard_in_norwegian_is_how_the_crossing_was_found():
    [event] = _events(
        "To russarar vart plukka opp i ein drivande båt ved Jakobselva søndag. Dei søkte om vern."
    )
    assert event.people_count == 2 and event.places == ["Jakobselva"]
    assert not _events("Ho plukka opp bær ved Storskog i går.")


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago a man crossed the border at Storskog and asked for asylum.",
        "For to år siden kom en mann over grensen ved Storskog og søkte asyl.",
        "For to år sidan kom ein mann over grensa ved Storskog og søkte om vern.",
    ],
)
def test_years_ago_is_that_year(text):
    [event] = _events(text, date(2026, 10, 12))
    assert (event.when.start, event.when.end) == (date(2024, 1, 1), date(2025, 1, 1))
    assert event.when.precision == "year"


def test_a_month_years_ago_is_that_month_of_that_year():
    [event] = _events(
        "In August two years ago a man crossed the border at Storskog.", date(2026, 10, 12)
    )
    assert (event.when.start, event.when.precision) == (date(2024, 8, 1), "month")
    [event] = _events("Two years ago a man crossed the border at Storskog.", None)
    assert event.when.precision == "unknown"


def test_a_claimed_fsb_service_and_residence_granted_in_norwegian_and_nynorsk():
    [claimed] = _events(
        "I august kom ein mann over Storskog som seier han er tidlegare offiser i den "
        "russiske tryggingstenesta FSB. Han bad om asyl same kveld.",
        date(2026, 10, 12),
    )
    assert claimed.affiliation == "FSB"
    [old] = _events(
        "For ti år sidan kom ein mann med bakgrunn frå FSB over grensa i Pasvik. Han vart "
        "pågripen av Grensevakta, søkte asyl og fekk opphald etter eit halvt år.",
        date(2026, 10, 12),
    )
    assert old.affiliation == "FSB" and "granted" in old.outcomes
    [staying] = _events(
        "En mann kom over grensen ved Storskog i går og søkte asyl. Han fikk opphold på "
        "mottaket i Kirkenes.",
        date(2026, 10, 12),
    )
    assert "granted" not in staying.outcomes


@pytest.mark.parametrize(
    "where, place",
    [
        ("nær Jakobselvas kilde", "Jakobselva source"),
        ("ved Jakobselvas utløp", "Jakobselva mouth"),
        ("ved Jakobselva", "Jakobselva"),
    ],
)
def test_a_rivers_end_in_the_norwegian_genitive_is_that_end(where, place):
    [event] = _events(
        f"En mann kom over grensen {where} i går, kilde: politiet. Han ble pågrepet av "
        "Grensevakten og søkte asyl."
    )
    assert event.places == [place]


@pytest.mark.parametrize("said", ["i formiddag", "i ettermiddag"])
def test_this_forenoon_and_this_afternoon_in_norwegian_are_the_publication_day(said):
    [event] = _events(f"Åtte syrere syklet over grensen ved Storskog {said} og søkte asyl.")
    assert (event.when.start, event.when.precision) == (THURSDAY, "day")


def test_nynorsk_now_is_no_negation_and_its_words_for_the_immigration_police_refer():
    [event] = _events(
        "Ein russisk mann kom over grensa ved Storskog i går. Han har no søkt asyl, og saka "
        "er send vidare til Politiets utlendingseining."
    )
    assert {"asylum_requested", "referred"} <= set(event.outcomes)
    [refused] = _events("Ein russisk mann kom over grensa ved Storskog i går. Han har no asyl.")
    assert "asylum_requested" not in refused.outcomes


def test_each_case_of_a_case_list_is_its_own_event():
    text = (
        "ÅRSRAPPORT 2023\n\n6.2 Utvalgte saker\n\n"
        "Sak 2023-A (januar)\n"
        "Den 13. januar 2023 gikk to russiske statsborgere over isen på Pasvikelva ved Nyrud. "
        "En patrulje fra Grensevakten pågrep begge. De søkte beskyttelse.\n\n"
        "Sak 2023-B (juni)\n"
        "Medio juni krysset en norsk statsborger grensen til russisk side ved Treriksrøysa. "
        "Han ble ilagt forelegg.\n\n"
        "Sak 2023-C (september)\n"
        "I uke 38 møtte en russisk mann opp ved kontrollen på Storskog og ba om beskyttelse. "
        "Han ble registrert av PU.\n"
    )
    events = _events(text, date(2024, 3, 20))
    assert [e.when.start for e in events] == [
        date(2023, 1, 13),
        date(2023, 6, 1),
        date(2023, 9, 18),
    ]
    assert [e.places[:1] for e in events] == [["Pasvikelva"], ["Treriksrøysa"], ["Storskog"]]


def test_the_subject_after_the_verb_in_norwegian_word_order_still_crosses():
    [event] = _events(
        "Vinteren 2024 gikk to russiske brødre over grensen nær Jakobselvas kilde. De ble "
        "pågrepet og søkte asyl.",
        date(2026, 10, 12),
    )
    assert event.people_count == 2 and event.places == ["Jakobselva source"]
    assert event.when.precision == "season" and event.when.start == date(2023, 12, 1)
    assert not _events("I går gikk to russiske turister over brua i Kirkenes.")


def test_a_fact_checks_verdict_retracts_the_claimed_crossing():
    text = (
        "FACT CHECK\n\nNo, armed Russians did not cross the border at Korpfjell\n\n"
        'CLAIM: A video shared thousands of times this week shows "five armed Russian '
        'soldiers crossing into Norway at Korpfjell". The caption claims they walked into '
        "Finnmark yesterday.\n\nVERDICT: False.\n\n"
        "The Border Guard said the men were Norwegian conscripts on an ordinary patrol. "
        '"Nobody has crossed the border at Korpfjell this month," the press officer said.\n'
    )
    assert not _events(text)


def test_a_duty_chat_s_bracketed_hours_are_its_lines_stamps():
    text = (
        "GSV OPS - Signal, fre 14.03.2025\n\n"
        "[02:10] P-1: OPS, vi har 2 pers på vei opp fra elva ved Skogfoss, kommer fra RU side.\n"
        "[02:11] OPS: mottatt\n"
        "[02:25] P-1: stoppet begge. De ber om asyl\n"
        "[02:40] OPS: ok, politiet varslet\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 3, 14))]
    assert e["people"]["count"] == 2
    assert "asylum_requested" in e["outcomes"]
    # the brackets are blanked in place: the text keeps its length
    assert len(normalise(text).text) == len(text)
    # one bracketed hour is an aside, not a chat's stamp
    assert normalise("Meldt inn [02:10] av P-1.\n[02:11] OPS: ok\n").text.count("[") == 2


def test_a_day_heading_with_its_weekday_first_dates_the_entries_below_it():
    text = (
        "GSV - OBSERVASJONSPOST\n"
        "Postlogg, ons 14.10.2026\n\n"
        "tir 13.10.\n"
        "1105  Post obs. 1 pers. krysser grenselinjen ved Korpfjell. Kamera.\n"
        "1140  Patrulje pågriper pers. Ber om asyl.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2026, 10, 14))]
    assert e["when"]["start"] == "2026-10-13"


def test_norwegian_crossing_words_past_the_control_and_over_the_border_line():
    def crossings(text):
        return [text[c.start : c.end] for c in find_triggers(text) if c.kind == "trigger"]

    assert crossings(
        "Storskog: en mann syklet forbi kontrollbua uten å stoppe og ble stanset."
    ) == ["syklet forbi kontrollbua"]
    assert crossings(
        "Kamera viste 1 person som gikk vestover ned fra fjellet over grenselinja og ble stanset."
    ) == ["gikk vestover ned fra fjellet over grenselinja"]
    # a walk along the river, or a drive past the police station, is no crossing
    assert not crossings(
        "Han gikk en lang tur langs elva og over til hytta i går. Vi kjørte forbi stasjonen."
    )


def test_a_bare_day_line_heads_a_log_whose_hours_are_written_without_a_dot():
    text = (
        "DAILY LOG - liaison officer, Latgale sector\n"
        "Date written: 17.08.23\n\n"
        "16.08\n"
        "0230  Drone: group moving W on LV side, came through a gap under the fence. Counted 9.\n"
        "0258  Patrol intercepts the group 2 km inside LV. 9 men, say they are Afghans.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2023, 8, 17))]
    assert e["when"]["start"] == "2023-08-16"
    # a live blog's bare hours ("09.15", a day no calendar has) head no day
    assert _bare_days(["Live", "06.12", "Politiet melder", "09.15", "Ny melding"]) == set()
    assert _bare_days(["Logg", "16.08", "0230 Drone", "17.08", "0110 Alarm"]) == {1, 3}


def test_a_log_s_shorthand_for_citizen_gives_the_nationality():
    text = "kl 1420: 1 mann, tadsjikisk statsb., bortvist ved skranken på Storskog. Ikke visum."
    assert [c.value for c in find_nationalities(text)] == ["TJ"]
    # a side or an authority is not the person's nationality
    assert (
        find_nationalities("Han gikk tilbake til russisk side og ble overlevert til kontrollen.")
        == []
    )


def test_the_immigration_police_s_reply_in_a_log_that_they_take_the_case_is_referred():
    for line in (
        "0415  PU (vakthavende) orientert, tar saken.",
        "1040  PU varslet kl 1040, de tar saken.",
        "1400  PU: overtar asylsaken, intervju planlegges.",
        "0900  Saken er hos PU.",
        "0900  Arrestant overlatt PU.",
    ):
        text = "1 mann krysset grensen ved Skogfoss og ble pågrepet av GSV.\n" + line
        outcomes = [c.value for c in find_outcomes(text)]
        assert "referred" in outcomes, line
    # to be confirmed, or not taken, is no referral yet
    for line in ("PU må bekrefte at de tar den.", "PU har ikke tatt saken ennå."):
        text = "1 mann krysset grensen ved Skogfoss og ble pågrepet av GSV.\n" + line
        assert "referred" not in [c.value for c in find_outcomes(text)], line


def test_a_form_s_numbered_fields_are_an_event_report():
    text = (
        "GRENSEHENDELSE - SKJEMA\n\n"
        "01  Saksnr.:            GH-2016-004\n"
        "02  Dato/tid obs.:      13.01.2016 kl 04:20\n"
        "03  Sted:               Pasvikelva v/ Svanvik, på isen\n"
        "04  Retning:            RU → NO\n"
        "05  Antall:             1 (mann)\n"
        "06  Oppdaget av:        Termisk kamera (stasjon Svanvik)\n"
        "07  Tiltak:             Pågrepet 05:05 av patrulje GV.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2016, 1, 13))]
    assert e["when"]["start"] == "2016-01-13"
    assert "Pasvikelva" in e["places"]
    # a report's lettered list of corrections is no form of its own
    text = (
        "2. CORRECTIONS\n"
        "a) Number of persons: corrected to 3.\n"
        "b) Nationality: not confirmed.\n"
        "c) Time of crossing: about 04:00 on 07/02/2026.\n"
    )
    assert _events(text, date(2026, 2, 8)) == []


def test_a_one_sentence_norwegian_post_is_read_as_norwegian():
    [event] = _events("En syrisk kvinne søkte asyl ved Storskog lørdag.", date(2017, 3, 6))
    assert (event.people_count, event.nationality) == (1, "SY")
    assert event.when.start == date(2017, 3, 4)
    [english] = _events("A Russian man crossed at Storskog on Sunday.", date(2017, 3, 6))
    assert (english.people_count, english.nationality) == (1, "RU")


# -- nights, questions, pages updated and periods (rounds 82-86's writers) -----------------


def test_the_night_just_gone_is_not_yesterday_afternoon_s_event():
    # "i natt" is both days, yet a crossing told of yesterday afternoon is another one
    text = (
        "En mann tok seg i natt over Pasvikelva fra Russland ved Svanvik og ble pågrepet.\n\n"
        "Også i går ettermiddag kom det folk fra russisk side. En familie på tre kom til "
        "passkontrollen på Storskog og ba om beskyttelse."
    )
    events = [e.as_dict() for e in _events(text, date(2025, 11, 26))]
    assert [(e["when"]["start"], e["when"]["end"]) for e in events] == [
        ("2025-11-25", "2025-11-27"),
        ("2025-11-25", "2025-11-26"),
    ]
    assert [e["people"]["count"] for e in events] == [1, 3]


def test_a_norwegian_hour_in_the_next_sentence_picks_the_night():
    text = (
        "Ein mann gjekk over isen på Pasvikelva ved Nyrud natt til tysdag.\n\n"
        "Grensevakta fekk melding frå ein bakkesensor klokka 03.15, og ein patrulje fann "
        "mannen ei knapp time seinare."
    )
    [e] = _events(text, date(2026, 2, 11))
    assert (e.when.start, e.when.end) == (date(2026, 2, 10), date(2026, 2, 11))
    # "ved 04-tida natt til mandag": the hour before the night
    [e] = _events(
        "Grensevaktens kameraer oppdaget tre personer som kom over Pasvikelva ved Vaggetem ved "
        "04-tida natt til mandag. En patrulje pågrep dem.",
        date(2019, 10, 29),
    )
    assert (e.when.start, e.when.end) == (date(2019, 10, 28), date(2019, 10, 29))
    [e] = _events(
        "En mann krysset grensen ved Vaggetem like etter klokka 01 natt til onsdag.",
        date(2019, 10, 31),
    )
    assert (e.when.start, e.when.end) == (date(2019, 10, 30), date(2019, 10, 31))
    # (no hour: the night is both days)
    [e] = _events("En mann krysset grensen ved Vaggetem natt til onsdag.", date(2019, 10, 31))
    assert (e.when.start, e.when.end) == (date(2019, 10, 29), date(2019, 10, 31))


def test_a_norwegian_year_s_review_has_only_a_recent_crossing_as_news():
    text = (
        "ÅRET SOM GJEKK: Grensa i 2025\n\n"
        "JANUAR\n"
        "Den 4. januar kom ein russisk mann gåande til passkontrollen på Storskog og bad om "
        "asyl.\n\n"
        "DESEMBER\n"
        "Natt til laurdag 20. desember gjekk ein syrisk mann over isen på Jakobselva."
    )
    events = _events(text, date(2025, 12, 30))
    assert [e.role for e in events] == ["previous", "main"]
    # (a news headline is no look back: the first crossing of the last months is the news)
    text = text.replace("ÅRET SOM GJEKK: Grensa i 2025", "To menn kom over grensa i år")
    events = _events(text, date(2025, 5, 30))
    assert [e.role for e in events] == ["main", "previous"]


def test_the_day_a_page_was_updated_or_an_outlet_told_is_no_event_s_time():
    text = (
        "Saken er oppdatert tirsdag kl. 14.40 med nye opplysninger fra politiet.\n\n"
        "To personer kom til passkontrollen på Storskog mandag ettermiddag og ba om asyl."
    )
    [e] = _events(text, date(2025, 3, 18))
    assert e.when.start == date(2025, 3, 17)
    text = (
        "A Russian soldier crossed the sea border in a small boat and came ashore at Grense "
        "Jakobselv in the night to Sunday, police chief inspector Anne Dahl told Barents News "
        "North on Tuesday."
    )
    [e] = _events(text, date(2023, 1, 11))
    assert e.when.start == date(2023, 1, 7)


def test_a_number_asked_for_or_counted_over_a_period_is_no_event():
    text = (
        "«Hvor mange russiske statsborgere har søkt beskyttelse ved Storskog etter 21. "
        "september?»\n\n"
        "Etter opplysninger fra PU har 27 russiske statsborgere søkt beskyttelse i perioden "
        "21. september til 12. oktober 2022.\n\n"
        "Tirsdag 4. oktober kom to russiske menn til grensestasjonen på Storskog og ba om "
        "beskyttelse."
    )
    events = _events(text, date(2022, 10, 14))
    assert [(e.when.start, e.role) for e in events] == [(date(2022, 10, 4), "main")]
    # (one person's crossing over some days is an event)
    [e] = _events(
        "Han gikk over isen på Pasvikelva ved Skrøytnes i tidsrommet 9.–11. januar 2019.",
        date(2019, 3, 1),
    )
    assert e.places == ["Pasvikelva", "Skrøytnes"]


def test_a_report_s_section_numbers_are_no_dates():
    text = (
        "6. Observations:\n"
        "6.1  0348 – unknown vehicle parked at the rest area, a tourist sleeping.\n"
        "6.2  0421 – patrol observed 1 man walking on the road at Vaggetem, clothes wet. He "
        "said he crossed the Pasvikelva swimming.\n"
    )
    [e] = _events(text, date(2024, 8, 12))
    assert e.when is None or e.when.start != date(2024, 2, 6)
    # (a log's days of one month, one digit each, are dates)
    text = (
        "6.2 0421 – patrol observed 1 man walking on the road at Vaggetem, clothes wet. He "
        "said he crossed the Pasvikelva swimming.\n"
        "7.2 1100 – handed over to the police.\n"
    )
    [e] = _events(text, date(2024, 2, 12))
    assert e.when.start == date(2024, 2, 6)


@pytest.mark.parametrize(
    "words, reporting",
    [
        # a military report's own date-time group: when it was written
        ("Reporting DTG: 170630Z SEP 18\n", True),
        ("Event DTG: 151540Z SEP 18\n", False),
        # when a page was updated, and an outlet of several words told
        ("Saken er oppdatert tirsdag kl. 14.40.", True),
        ("De kom over tirsdag kl. 14.40.", False),
        ("The police told Barents News North on Tuesday.", True),
        ("The police told him he crossed on Tuesday.", False),
    ],
)
def test_the_time_a_report_was_written_updated_or_told_is_reporting(words, reporting):
    [cue] = find_times(words, date(2018, 9, 20))
    assert cue.extra["reporting"] is reporting


def test_a_numbered_forms_fields_with_dots_or_colons_make_its_event():
    form = (
        "INCIDENT NOTIFICATION\n"
        "Field 01  Case no.:               2025/0099\n"
        "Field 02  Date/time of incident:  14/11/2025 kl. 10.05 (local)\n"
        "Field 03  Place:                  Storskog BCP, lane 1\n"
        "Field 04  Person(s):              1 male, b. 1980\n"
        "Field 05  Citizenship:            Russian Federation\n"
        "Field 06  Measures:               Refused entry and returned to the Russian control.\n"
    )
    [e] = [e.as_dict() for e in _events(form, date(2025, 11, 15))]
    assert e["when"]["start"] == "2025-11-14"
    # the field's number ("Field 04  Person(s)") is no count of persons
    assert (e["people"]["count"], e["nationality"], e["places"]) == (1, "RU", ["Storskog"])
    dotted = (
        "INCIDENT FORM\n"
        "Field 1  Date of incident ........... 03.02.2025\n"
        "Field 2  Time (LT) .................. 10:20\n"
        "Field 3  Place ...................... Muotkavaara\n"
        "Field 4  Number of persons .......... 1\n"
        "Field 5  Nationality ................ UKRAINE\n"
        "Field 6  Apprehension ............... detained by the patrol at 14:05\n"
    )
    [e] = [e.as_dict() for e in _events(dotted, date(2025, 2, 4))]
    # "Time (LT)" is local time, not Lithuania
    assert (e["people"]["count"], e["nationality"]) == (1, "UA")


def test_a_notifications_numbered_incidents_with_dtgs_are_events_of_their_own():
    bundle = (
        "INCIDENT NOTIFICATION BUNDLE\n\n"
        "[1] INC-ID 0412   SECTOR: LAND-03\n"
        "    CAT: UNAUTH. BORDER CROSSING\n"
        "    DTG: 161715Z NOV 25\n"
        "    DESC: A camera detected 3 persons. A patrol apprehended the group. NAT: SOM.\n\n"
        "[2] INC-ID 0414   SECTOR: SALLA-BCP\n"
        "    TYPE: ASYLUM AT BCP\n"
        "    DTG: 162250Z NOV 25\n"
        "    LOC: Storskog\n"
        "    PERS: 1 M. NAT: YEM.\n"
        "    ACTION: asked asylum at the counter.\n"
    )
    events = [e.as_dict() for e in _events(bundle, date(2025, 11, 17))]
    assert [(e["when"]["start"], e["people"]["count"], e["nationality"]) for e in events] == [
        ("2025-11-16", 3, "SO"),
        ("2025-11-16", 1, "YE"),  # 23:50 at Storskog
    ]
    assert events[1]["places"] == ["Storskog"]
    # a notice's fields that tell no crossing are no event
    notice = "NOTICE\n[1] MEETING\n    DTG: 161715Z NOV 25\n    TYPE: liaison meeting\n"
    assert _events(notice, date(2025, 11, 17)) == []


def test_a_tables_qualified_heads_mixed_nationalities_and_open_counts_are_read():
    table = (
        "| Date LT          | Area      | Pers. | Nat. (stated) | Result                 |\n"
        "|------------------|-----------|-------|---------------|------------------------|\n"
        "| 24/06/2025 02:30 | Dubicze   | 23    | ERI, SOM, ETH | 23 detained            |\n"
        "| 27/06/2025 21:15 | Druskin.  | 6     | IND           | refused entry, to BY   |\n"
        "| 28/06/2025 03:40 | Robezn.   | 3+    | AFG           | 3 detained             |\n"
    )
    events = [e.as_dict() for e in _events(table, date(2025, 6, 30))]
    assert [(e["when"]["start"], e["nationality"], e["people"]) for e in events] == [
        ("2025-06-24", "ER", {"count": 23, "lower_bound": False}),
        ("2025-06-27", "IN", {"count": 6, "lower_bound": False}),
        ("2025-06-28", "AF", {"count": 3, "lower_bound": True}),
    ]


def test_a_shift_logs_day_heading_and_entries_with_their_own_people_stay_apart():
    log = (
        "STORSKOG POLICE BORDER CONTROL - SHIFT LOG (ENG. COPY FOR PU)\n"
        "Wed 28.09.2022 0700 - Thu 29.09.2022 0800\n\n"
        "Wed 28.09\n"
        "11.30  2 male RU citizens came in own car. At first line they ask asylum in Norway. "
        "PU take case.\n"
        "22.15  1 male RU citizen, 35, on foot, visa expired. Refused entry at first line. "
        "Returned to RU control 22.50.\n"
    )
    first, second = [e.as_dict() for e in _events(log, date(2022, 9, 29))]
    assert (first["people"]["count"], second["people"]["count"]) == (1 + 1, 1)
    assert first["when"]["start"] == second["when"]["start"] == "2022-09-28"
    # asked at the control's first line, in the log of Storskog: they came forward there
    assert first["places"] == ["Storskog"] and first["detection"] == ["surrendered"]
    assert first["outcomes"] == ["asylum_requested", "referred"]
    assert second["outcomes"] == ["returned"]
    # "refused entry" with its subject before it is read as before, not as a log's line
    assert find_triggers("The minister refused entry to the delegation.") == []


def test_officers_country_codes_name_the_side_crossed_to_and_from():
    text = (
        "1) NARVA RIVER ICE CROSSING\n"
        "Yesterday a camera detected 1 person walking over the ice from the RU bank. A "
        "patrol detained him. He asked asylum. Case handed to the Migration Bureau.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 12))]
    assert e["country_left"] == "RU" and "referred" in e["outcomes"]
    text = (
        "DAILY REPORT\n\n2.2  09.11.2025 ~11:00 - PSG Kuznica\n"
        "     A group of 14 persons damaged the fence and entered PL territory. Detected by "
        "patrol.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 12))]
    # a section's number before a date is no date of its own
    assert e["when"]["start"] == "2025-11-09" and e["people"]["count"] == 14
    assert e["country_entered"] == "PL"
    # sent back to a side is where they went back, not where they went
    back = (
        "18.01 23:30 2 pers. stopped by patrol at Jakobselva. "
        "Sent back across the river to RU side."
    )
    [e] = [e.as_dict() for e in _events(back, date(2025, 1, 19))]
    assert e["country_entered"] != "RU"


def test_the_side_they_were_found_on_or_inside_is_the_side_entered():
    text = (
        "Yesterday at 19.40 a thermal camera detected 1 person walking over the ice from "
        "the RU bank. A patrol met the person on the EE bank and detained him."
    )
    [e] = [e.as_dict() for e in _events(text, date(2024, 1, 29))]
    assert (e["country_left"], e["country_entered"]) == ("RU", "EE")
    text = (
        "DTG 161715Z NOV 23: a thermal camera detected 3 persons moving west, inside FI "
        "territory. A patrol apprehended the group."
    )
    [e] = [e.as_dict() for e in _events(text, date(2023, 11, 17))]
    assert e["country_entered"] == "FI"
    # a side they only waited on is not where they were found
    text = (
        "Yesterday at 19.40 a thermal camera detected 1 person walking over the ice from "
        "the RU bank. Before that he waited on the LV side for a day. A patrol detained him."
    )
    [e] = [e.as_dict() for e in _events(text, date(2024, 1, 29))]
    assert e["country_entered"] != "LV"


def test_a_logs_case_to_pu_and_a_migration_bureau_taking_the_case_are_referred():
    text = (
        "13.10 1535 | Storskog ctrl | 1 male, Afghan citizen, came on bicycle at 1520. "
        "Ask asylum. Case to PU."
    )
    [e] = [e.as_dict() for e in _events(text, date(2015, 10, 14))]
    assert "referred" in e["outcomes"] and "asylum_requested" in e["outcomes"]
    text = (
        "On Thursday a Russian woman came on foot to Narva-1 and asked international "
        "protection at our control. The Migration Bureau took the case."
    )
    [e] = [e.as_dict() for e in _events(text, date(2024, 1, 29))]
    assert "referred" in e["outcomes"]
    text = (
        "At 0050Z thermal camera detected 2 persons crossing the Pasvikelva near Vaggetem. "
        "A patrol detained both. PU (National Police Immigration Service) informed 0130Z "
        "and takes the case."
    )
    from borderwatch.sources import learned

    # (the rules' reading: the keep decision of 1.69 rates this three-line note 0.29, just
    # below its 0.3; short texts are few in dev, see docs/EXTRACTION.md)
    with learned.use(_without_keep()):
        [e] = [e.as_dict() for e in _events(text, date(2025, 3, 14))]
    assert "referred" in e["outcomes"]
    # a court sending the case back for a new decision is no referral
    text = (
        "The man crossed into Finland in 2023 and asked for asylum. The court returned the "
        "case to the Immigration Service for a new decision."
    )
    assert all("referred" not in e.outcomes for e in _events(text, date(2025, 6, 2)))


def test_a_number_with_a_space_between_its_thousands_is_read_whole():
    # Norwegian writing groups thousands with a space: "1 064", not 64
    assert [c.value for c in find_counts("I fjor kom 1 064 personer til Storskog.")] == [
        (1064, False)
    ]
    assert [c.value for c in find_counts("In all, 2 614 people arrived that autumn.")] == [
        (2614, False)
    ]
    # two numbers side by side are not one ("kl. 14 kom 2 menn")
    assert [c.value for c in find_counts("Kl. 14 kom 2 menn over grensen ved Nyrud.")] == [
        (2, False)
    ]


def test_norwegian_kin_and_companions_add_up_as_the_english_do():
    def counts(text):
        return [c.value for c in find_counts(text)]

    assert counts("I natt kom en afghansk mann og hans to barn over grensen ved Storskog.") == [
        (3, False)
    ]
    assert counts("En kvinne og sønnen ble stoppet av politiet på Storskog i natt.") == [(2, False)]
    assert counts("Sammen med kona og tre barn syklet han over grensen på Storskog.") == [
        (5, False)
    ]
    # a log's parent and child named bare, and by their ages
    assert counts("- kl 0930: kvinne og sønn (ca 15), russiske statsb., ba om beskyttelse.") == [
        (2, False)
    ]
    assert counts("1410 - RUS far (44) og datter (9) ankom Storskog og søkte asyl.") == [(2, False)]
    # "hans barn": how many is not said
    assert counts("En mann og hans barn ble stoppet av politiet på Storskog i natt.") == [
        (1, False)
    ]


def test_a_logs_shorthand_for_a_people_gives_the_nationality_and_ends_no_sentence():
    text = (
        "Saker:\n"
        "• Man 10.03 kl 0915 – 2 ukr. statsb. bortvist ved skranken på Storskog, ikke visum.\n"
        "• Ons 12.03 kl 1120 – syr. kvinne, 45, ba om asyl ved skranken på Storskog.\n"
    )
    assert [c.value for c in find_nationalities(text)] == ["UA", "SY"]
    assert [c.value for c in find_counts(text)] == [(2, False), (1, False)]
    assert [e.nationality for e in _events(text, date(2025, 3, 14))] == ["UA", "SY"]
    # the country's side and tower are no person's nationality
    assert find_nationalities("Sporene gikk fra russ. side mot russ. tårn ved grensen.") == []


def test_a_norwegian_age_before_the_person_is_no_count():
    assert find_counts("En 34 år gammel russer gikk over grensen ved Jakobselva i helga.") == []
    assert find_counts("Ein 23 år gamal nordmann gjekk over grensa ved Skogfoss.") == []
    # a count with a word before its noun still counts
    assert [c.value for c in find_counts("To unge russere kom over grensen ved Nyrud.")] == [
        (2, False)
    ]


def test_what_the_man_says_of_his_country_gives_the_nationality_in_norwegian():
    text = "En mann kom over grensen ved Storskog i natt. Mannen oppga å være fra Eritrea."
    assert [c.value for c in find_nationalities(text)] == ["ER"]
    # the country he came over from is not his nationality
    assert find_nationalities("Mannen kom over grensen fra Russland i natt.") == []


# -- exp20-y2: logs and chats across borders -------------------------------------------


def test_the_immigration_police_arriving_and_taking_the_case_is_referred():
    text = (
        "[06:10] Storskog: yesterday evening 3 persons came to the control and asked asylum.\n"
        "[09:20] Storskog: PU has arrived and takes the case. Family to Kirkenes at 11.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 24))]
    assert "referred" in e["outcomes"]
    # the immigration police only arriving is no referral
    text = (
        "[06:10] Storskog: yesterday evening 3 persons came to the control and asked asylum.\n"
        "[09:20] Storskog: PU has arrived. Family to Kirkenes at 11.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 24))]
    assert "referred" not in e["outcomes"]


def test_a_log_entry_about_both_goes_to_the_earlier_entry_of_two_persons():
    text = (
        "[03:05] Patrol: 2 males apprehended near Grense Jakobselv, came over the river.\n"
        "[03:11] Patrol: they say afghan. both ask asylum.\n"
        "[03:22] Ops: on 14.12. 1 somali man came over at Jakobselva too, police took him\n"
        "[06:40] Ops: both afghans in Kirkenes, registered. PU informed and will take the case\n"
    )
    events = [e.as_dict() for e in _events(text, date(2025, 3, 2))]
    two = [e for e in events if e["people"]["count"] == 2]
    one = [e for e in events if e["people"]["count"] == 1]
    assert len(two) == 1 and "referred" in two[0]["outcomes"]
    assert all("referred" not in e["outcomes"] for e in one)


def test_a_log_asking_at_the_control_for_protection_is_a_weak_trigger():
    text = "23.55  Storskog control: one man asked at the control for protection in Norway."
    spans = [text[c.start : c.end] for c in find_triggers(text) if c.kind == "weak_trigger"]
    assert spans == ["asked at the control for protection"]
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 24))]
    assert "asylum_requested" in e["outcomes"] and e["people"]["count"] == 1
    # asking at the control for a form is no request for protection
    text = "23.55  Storskog control: one man asked at the control for a form."
    assert not [c for c in find_triggers(text) if c.kind == "weak_trigger"]


def test_one_traveller_refused_entry_in_a_log_is_an_attempt_of_one_person():
    text = "06.30  Storskog police control: one traveller refused entry, sent back to Russia."
    [e] = [e.as_dict() for e in _events(text, date(2025, 11, 24))]
    assert e["people"]["count"] == 1 and "returned" in e["outcomes"]
    # travellers counted at the control are its traffic, and a passenger car no person
    assert find_counts("Total in shift: 164 travellers in, 151 out.") == []
    assert find_counts("They came in two passenger cars.") == []


def test_a_norwegian_logs_shortened_demonym_and_citizen_give_count_and_nationality():
    text = "• Man 27.02 kl 0915 – 2 ukr. statsb. bortvist ved skranken. Gikk tilbake."
    [e] = [e.as_dict() for e in _events(text, date(2017, 3, 6))]
    assert e["people"] == {"count": 2, "lower_bound": False} and e["nationality"] == "UA"
    assert e["when"]["start"] == "2017-02-27"
    # the age between commas: "afgh. mann, 31, ba om asyl"
    text = "• Lør 04.03 kl 1120 – afgh. mann, 31, ba om asyl ved skranken."
    [e] = [e.as_dict() for e in _events(text, date(2017, 3, 6))]
    assert e["people"]["count"] == 1 and e["nationality"] == "AF"
    # a shortened word before another that is no person is no count
    assert find_counts("3 alarmer, 1 søk. Ingen pers påtruffet.") == []


def test_the_day_a_logs_notes_were_written_is_not_the_day_of_its_entries():
    text = (
        "Notater fra vakt natt til mandag (Storskog)\n"
        "Op.: vpl. Hansen   Skrevet ferdig tirsdag 18.10 kl 0900\n\n"
        "0340  Kamera: en mann klatrer over gjerdet ved Storskog.\n"
        "0352  Patrulje tok ham. Pågrepet.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2022, 10, 18))]
    assert e["when"]["start"] == "2022-10-16" and e["when"]["text"] == "natt til mandag"
    # the day a log's entries are of, in its heading, still dates them
    text = (
        "Notater fra vakt tirsdag 18.10 (Storskog)\n\n"
        "0340  Kamera: en mann klatrer over gjerdet ved Storskog.\n"
        "0352  Patrulje tok ham. Pågrepet.\n"
    )
    [e] = [e.as_dict() for e in _events(text, date(2022, 10, 19))]
    assert e["when"]["start"] == "2022-10-18"


def test_just_after_new_year_is_january():
    text = (
        "Like etter nyttår kom en russisk mann gående til passkontrollen på Storskog og ba om asyl."
    )
    [e] = _events(text, date(2025, 12, 30))
    assert (e.when.start, e.when.end, e.when.precision) == (
        date(2025, 1, 1),
        date(2025, 2, 1),
        "month",
    )
    # a month with its year said after it still reads the year
    [c] = [c for c in find_times("I august i fjor fikk han forelegg.", date(2021, 7, 5))]
    assert (c.value.when.start, c.value.when.precision) == (date(2020, 8, 1), "month")
    # New Year itself names no month
    assert not find_times("Han kom over grensen i nyttårshelga.", date(2025, 12, 30))


def test_a_suspicion_of_illegal_crossing_is_the_charge_not_a_crossing_of_its_own():
    text = (
        "Emne: Tolk russisk i dag kl 14\n\n"
        "En russisk mann kom over grensen ved Treriksrøysa natt til søndag og ble pågrepet "
        "av Grensevakten.\n"
        "- Hva: avhør av siktet, mistanke om ulovlig grensepassering.\n"
    )
    [e] = _events(text, date(2026, 3, 9))
    assert e.when.start == date(2026, 3, 7) and e.role == "main"
    text = "Mannen er mistenkt for ulovlig grensepassering ved Storskog, og han er ikke pågrepet."
    assert find_triggers(text)[0].extra["charge"]
    # a crossing told without the suspicion is one
    text = "Han foretok en ulovlig grensepassering ved Storskog, og han er ikke pågrepet."
    assert not find_triggers(text)[0].extra["charge"]


def test_a_round_ups_source_and_its_day_after_an_items_headline_date_no_event():
    text = (
        "What the Murmansk media wrote this week\n\n"
        "1. Woman not let out (Murman Online, Friday)\n"
        "A Ukrainian woman was stopped at the checkpoint last Thursday as she tried to leave "
        "Russia for Norway by bus. She was sent back to Murmansk.\n"
    )
    [e] = _events(text, date(2025, 4, 7))
    assert e.when.start == date(2025, 4, 3)
    times = {text[c.start : c.end]: c for c in find_times(text, date(2025, 4, 7))}
    assert times["Friday"].extra["reporting"]
    assert not times["last Thursday"].extra["reporting"]
    # a place and its day in brackets that the sentence goes on after are the event's
    text = "Incident #2 of week 45 (Skrøytnes, Wed 05.11): number of persons was 2, not 3."
    [c] = [c for c in find_times(text, date(2025, 11, 17)) if c.kind == "time"]
    assert not c.extra["reporting"]


def test_a_return_told_with_the_earlier_crossing_of_those_returned_is_no_crossing_that_day():
    # "sent back on Tuesday, … people who arrived last autumn, police said": the relative
    # clause tells the crossing, with its own time; the sentence's day is the return's
    text = (
        "Norway sent 13 asylum seekers back to Russia on Tuesday, the first returns of people "
        "who arrived at the Storskog crossing last autumn, police said. They included a "
        "family of four from Afghanistan who had cycled across at Storskog on 11 November."
    )
    events = _events(text, date(2016, 1, 21))
    assert all(e.when.start != date(2016, 1, 19) for e in events)
    [main] = [e for e in events if e.role == "main"]
    assert main.when.start == date(2015, 11, 11)
    # one time for the sentence and the relative clause: the crossing is that day's
    text = (
        "Police at Storskog stopped two Chinese nationals who tried to enter Norway with "
        "forged visas on Tuesday, police said."
    )
    [e] = _events(text, date(2025, 3, 13))
    assert e.when.start == date(2025, 3, 11) and "police" in e.detection


def test_entering_a_countrys_border_zone_is_no_crossing():
    text = "The man, who had entered Russia's border zone on a valid permit, was stopped."
    assert not find_triggers(text)
    text = "The man entered Russia on foot and was stopped."
    assert find_triggers(text)


def test_a_nights_hour_told_in_a_later_sentence_of_what_happened_picks_its_day():
    # "Tuesday" said on Wednesday: the night to Tuesday runs Monday to Tuesday
    text = (
        "En mann krysset grensen fra Russland til Norge natt til tirsdag. Ifølge "
        "Grensevakten skjedde det ved 01.40-tiden."
    )
    [e] = _events(text, date(2024, 11, 27))
    assert (e.when.start, e.when.end) == (date(2024, 11, 26), date(2024, 11, 27))
    text = (
        "A Russian soldier crossed the sea border in a small boat in the night to Sunday. "
        "He came ashore at about 03.30 and called the police."
    )
    [e] = _events(text, date(2023, 1, 11))
    assert (e.when.start, e.when.end) == (date(2023, 1, 8), date(2023, 1, 9))
    # an hour of a later call, not of what happened, leaves the night both days
    text = (
        "A Russian soldier crossed the sea border in a small boat in the night to Sunday. "
        "The police were told at about 03.30."
    )
    [e] = _events(text, date(2023, 1, 11))
    assert (e.when.start, e.when.end) == (date(2023, 1, 7), date(2023, 1, 9))


def test_a_land_or_road_crossing_is_the_crossing_point_not_a_crossing():
    text = (
        "A Russian man asked for asylum at Storskog on Monday, the first such request at "
        "Norway's only land crossing with Russia since the mobilisation two weeks ago."
    )
    [e] = _events(text, date(2022, 10, 4))
    assert e.when.start == date(2022, 10, 3) and e.role == "main"
    assert not find_triggers("Storskog is the only road crossing on the border.")
    # the crossing of a person is one
    assert find_triggers("His crossing on Monday was the first since the mobilisation.")


def test_those_who_refused_a_traveller_entry_tell_an_attempted_crossing():
    text = (
        "Norwegian police refused entry to a Russian citizen at the Storskog border crossing "
        "on Monday after finding that his visa was forged."
    )
    [e] = _events(text, date(2024, 5, 22))
    assert e.when.start == date(2024, 5, 20) and "returned" in e.outcomes
    assert find_triggers("Border guards denied him entry at the checkpoint.")
    # a refusal of entry to a country in general is no one's crossing
    assert not find_triggers("The ministry refused entry to Norway as a policy.")


def test_a_numbered_forms_nationality_code_after_dot_leaders_is_read():
    # found in the make run trial of 1.69: "Nationality ........ UKRAINE" was read, a code not
    text = (
        "INCIDENT REPORT NO. 14/2026\n"
        "Field 02  Date/time of incident ........ 25.11.2026, approx. 02:40 (LT)\n"
        "Field 03  Place ........ Pasvikelva near Vaggetem\n"
        "Field 04  Number of persons ........ 3\n"
        "Field 05  Nationality ........ AFG\n"
        "Field 07  Action ........ Patrol detained all three on NOR side. Asked asylum.\n"
    )
    [event] = _events(text, date(2026, 11, 26))
    assert (event.nationality, event.people_count) == ("AF", 3)
    assert _events(text.replace("AFG", "unknown"), date(2026, 11, 26))[0].nationality is None
