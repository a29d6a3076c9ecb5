"""Time vocabulary: every word the time grammar knows, as constant tables.

Nothing in here is code that decides anything; :mod:`._detect` builds its
regular expressions from these tables and :mod:`._normalise` looks values up
in them.
"""

from __future__ import annotations

# Month names and abbreviations (case-sensitive: capitalised only, so the verb
# "march" and the modal "may" never match).  "May" is further restricted by
# the grammar to contexts with a day, year or preposition.
MONTHS: dict[str, int] = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3,
    "April": 4, "Apr": 4, "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7,
    "August": 8, "Aug": 8, "September": 9, "Sept": 9, "Sep": 9,
    "October": 10, "Oct": 10, "November": 11, "Nov": 11, "December": 12,
    "Dec": 12,
}
# Abbreviations that only count with a trailing period (or a following digit):
# "Mar", "Jun" alone are too ambiguous as words.
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"}
)

WEEKDAYS: dict[str, int] = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4,
    "Saturday": 5, "Sunday": 6,
    # Abbreviations need a period ("Wed." but never "wed", "sun", "sat").
    "Mon.": 0, "Tue.": 1, "Tues.": 1, "Wed.": 2, "Thu.": 3, "Thur.": 3,
    "Thurs.": 3, "Fri.": 4, "Sat.": 5, "Sun.": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
    "a dozen": 12, "dozen": 12, "a half": 0.5,
}
# Quantities with no definite number: the value gets an "X" ("PXM").
VAGUE_QUANTITIES: frozenset[str] = frozenset(
    {"several", "many", "few", "a few", "some", "numerous", "a number of"}
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7,
    "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12, "13th": 13,
    "14th": 14, "15th": 15, "16th": 16, "17th": 17, "18th": 18, "19th": 19,
    "20th": 20, "21st": 21, "22nd": 22,
}

# Duration units: word (singular or plural) -> (ISO 8601 letter, is_time_part).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("2W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("10Y", False), "century": ("100Y", False),
    "weekend": ("WE", False), "semester": ("6M", False),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "fortnights": "fortnight",
    "months": "month", "quarters": "quarter", "years": "year",
    "decades": "decade", "centuries": "century", "weekends": "weekend",
}
# A fractional amount ("2 1/2 years", "a minute and a half") is written with
# the next smaller unit, as TimeML does: (letter, is_time) -> (smaller letter,
# how many make one, is_time).  P2.5Y -> P2Y6M, PT5.5H -> PT5H30M.
FRACTION_UNITS: dict[tuple[str, bool], tuple[str, int, bool]] = {
    ("Y", False): ("M", 12, False), ("Q", False): ("M", 3, False),
    ("M", False): ("D", 30, False), ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True), ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}
# Written fractions after a number: "2 1/2 years".
FRACTIONS: dict[str, float] = {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "¼": 0.25, "3/4": 0.75, "¾": 0.75}
# Words between a count and its unit that keep the count: "two more weeks".
COUNT_EXTENSIONS: frozenset[str] = frozenset({"more", "additional", "further", "extra"})

# Units a calendar expression ("last week", "this month") can name, with the
# granularity of the resulting value.
CALENDAR_UNITS: dict[str, str] = {
    "day": "day", "week": "week", "weekend": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade",
    "century": "century",
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
SEASON_PLURALS: dict[str, str] = {
    "springs": "spring", "summers": "summer", "falls": "fall", "autumns": "autumn", "winters": "winter",
}
# Months a season starts in (northern hemisphere, meteorological).
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Parts of the day: word -> (TIMEX3 code, first hour, last hour).
PARTS_OF_DAY: dict[str, tuple[str, int, int]] = {
    "morning": ("MO", 6, 11), "afternoon": ("AF", 12, 17),
    "evening": ("EV", 18, 21), "night": ("NI", 21, 23),
    "overnight": ("NI", 21, 23), "midday": ("MI", 12, 12),
    "mid-afternoon": ("AF", 12, 17), "mid afternoon": ("AF", 12, 17),
}
# Clock words with a fixed time.
CLOCK_WORDS: dict[str, str] = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}

# Deictic day words: word -> (day offset from the reference, part of day).
DEICTIC_DAYS: dict[str, tuple[int, str | None]] = {
    "today": (0, None), "tonight": (0, "NI"), "tomorrow": (1, None),
    "yesterday": (-1, None), "overnight": (-1, "NI"),
}

# "today's world", "the youth of today": "today" meaning the present era, not the
# day of the reference date, is PRESENT_REF (TimeML).  Nouns (after "today's",
# an adjective allowed between) that make that reading.
TODAY_GENERIC_NOUNS: frozenset[str] = frozenset(
    {"world", "society", "societies", "youth", "generation", "generations", "children", "kids", "teenagers",
     "young", "students", "economy", "economies", "market", "marketplace", "markets", "technology",
     "technologies", "computers", "standards", "culture", "environment", "climate", "media", "politics",
     "warfare", "workplace", "workforce", "families", "parents", "women", "men", "consumers", "people",
     "realities", "reality", "age", "era", "times", "life", "lives", "cities", "schools", "medicine",
     "science", "industry", "business", "military", "europe", "america", "africa", "asia", "russia", "china"}
)

# Relative determiners before a calendar unit: word -> offset (None = this).
RELATIVE_SHIFT: dict[str, int] = {
    "this": 0, "current": 0, "the current": 0, "the present": 0,
    "last": -1, "past": -1, "previous": -1, "the previous": -1,
    "the last": -1, "the past": -1, "next": 1, "coming": 1, "the coming": 1,
    "the next": 1, "following": 1, "the following": 1, "the same": 0,
    "that": 0, "the": 0, "this past": -1, "the prior": -1, "prior": -1,
}
# "a week earlier", "two days ago": direction words.
DIRECTION_WORDS: dict[str, int] = {
    "ago": -1, "earlier": -1, "before": -1, "previously": -1, "back": -1,
    "later": 1, "from now": 1, "hence": 1, "after": 1, "afterward": 1,
    "afterwards": 1, "on": 1,
}

# Vague references: word -> TIMEX3 value (type DATE).
VAGUE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "at this time": "PRESENT_REF", "current": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "recent": "PAST_REF",
    "lately": "PAST_REF",
    "in the past": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF",
    "past years": "PAST_REF", "in years past": "PAST_REF",
    "in the future": "FUTURE_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "coming months": "FUTURE_REF",
    "future quarters": "FUTURE_REF", "coming quarters": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "a later date": "FUTURE_REF",
    "one day": "FUTURE_REF", "someday": "FUTURE_REF", "some day": "FUTURE_REF",
}
# Not listed: "previously", "formerly", "once" ("was once a leader") — TimeML
# annotators leave these adverbs untagged (on TBAQ-cleaned 2 of 19 are tagged).
# Vague words that only count in some contexts: "current"/"recent"/"future" are adjectives and
# only count before a noun.  The grammar restricts them; this table lists the
# nouns after which an adjective reading is a *false* positive.
# Words after which a vague adverb is part of a temporal connective, not a
# time: "soon after the attack", "shortly before".
VAGUE_REFUSED_BEFORE: dict[str, frozenset[str]] = {
    "soon": frozenset({"after", "afterward", "afterwards", "thereafter", "enough"}),
}
# Future references that are wrong in a past-tense clause ("he was soon
# released", "a trickle that soon became a flood"): dropped there, unless a
# modal or "to" right before them looks ahead ("they may soon seek").
FUTURE_ONLY_IN_NONPAST: frozenset[str] = frozenset({"soon"})
LOOKAHEAD_WORDS: frozenset[str] = frozenset(
    {"will", "would", "may", "might", "could", "can", "should", "must", "shall", "to", "'ll"}
)
VAGUE_NEEDS_FOLLOWER: frozenset[str] = frozenset({"current", "recent", "future"})
VAGUE_BAD_FOLLOWERS: frozenset[str] = frozenset(
    {"account", "accounts", "affairs", "events", "flow", "flows", "contracts",
     "contract", "of", "to", "generations", "generation", "delivery", "wife",
     "husband", "leader", "leaders", "member", "members", "employees",
     "president", "chairman", "director", "law", "laws", "rules", "owner",
     "owners", "home", "tenants", "administration", "government", "form"}
)

# Set (frequency) adverbs: word -> (value, granularity of the period).
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "semiannually": "P6M", "biannually": "P6M",
}
# Quantifiers that make "every week" a set.
SET_QUANTIFIERS: frozenset[str] = frozenset({"every", "each", "per", "a", "an"})

# Fixed-date holidays: name -> (month, day); movable ones are computed.
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31),
    "New Year's": (1, 1), "Christmas": (12, 25), "Christmas Day": (12, 25),
    "Christmas Eve": (12, 24), "Boxing Day": (12, 26),
    "Independence Day": (7, 4), "the Fourth of July": (7, 4),
    "Fourth of July": (7, 4), "Halloween": (10, 31),
    "Valentine's Day": (2, 14), "St. Patrick's Day": (3, 17),
    "Veterans Day": (11, 11), "Armistice Day": (11, 11),
    "Bastille Day": (7, 14), "May Day": (5, 1), "Guy Fawkes Night": (11, 5),
}
# Movable holidays: name -> (month, weekday, nth; -1 = last) or "easter".
HOLIDAYS_MOVABLE: dict[str, tuple[int, int, int] | str] = {
    "Thanksgiving": (11, 3, 4), "Thanksgiving Day": (11, 3, 4),
    "Labor Day": (9, 0, 1), "Memorial Day": (5, 0, -1),
    "Martin Luther King Day": (1, 0, 3), "Presidents Day": (2, 0, 3),
    "Presidents' Day": (2, 0, 3), "Columbus Day": (10, 0, 2),
    "Mother's Day": (5, 6, 2), "Father's Day": (6, 6, 3),
    "Easter": "easter", "Easter Sunday": "easter", "Good Friday": "easter-2",
    "Easter Monday": "easter+1", "Election Day": "election",
}
# Lower-case nouns that turn a holiday name into a modifier ("Christmas tree").
HOLIDAY_MODIFIER_NOUNS: frozenset[str] = frozenset(
    {"tree", "trees", "card", "cards", "carol", "carols", "present", "presents",
     "gift", "gifts", "lights", "decorations", "shopping", "sales", "spirit",
     "party", "parties", "dinner", "turkey", "market", "markets", "island",
     "parade", "pudding", "song", "songs", "movie", "special", "bonus",
     "message", "address", "truce", "offensive", "bombing", "story"}
)

# Words before a day-of-week/date that give "late Thursday", "early May": the
# value keeps the base date (TimeML puts this in the mod attribute).
MODIFIERS: dict[str, str] = {
    "early": "START", "late": "END", "mid": "MID", "mid-": "MID",
    "the end of": "END", "the beginning of": "START", "the start of": "START",
    "the middle of": "MID", "the turn of": "START", "end of": "END",
    "beginning of": "START", "start of": "START", "earlier": "BEFORE",
    "later": "AFTER",
}

# Tense cues for the fall-back heuristic: lower-cased words.
FUTURE_CUES: frozenset[str] = frozenset(
    {"will", "'ll", "shall", "next", "upcoming", "scheduled", "expected",
     "slated", "due", "coming", "won't", "wo", "tomorrow",
     "effective"}
)
PAST_CUES: frozenset[str] = frozenset(
    {"said", "was", "were", "had", "did", "met", "told", "took", "went",
     "came", "made", "gave", "left", "held", "began", "won", "lost", "fell",
     "rose", "sold", "bought", "paid", "spoke", "wrote", "saw", "ran", "got",
     "hit", "cut", "shot", "put", "last", "ago", "earlier", "yesterday",
     "announced", "reported", "closed", "killed", "attacked", "struck",
     "broke", "brought", "caught", "chose", "drove", "flew", "found", "led",
     "meant", "kept", "knew", "felt", "heard", "thought", "sent", "stood",
     "became", "agreed", "ended", "began", "signed", "died", "arrived"}
)
# Words that end in -ed but are not past-tense verbs or mark the future.
NOT_PAST_ED: frozenset[str] = frozenset(
    {"expected", "scheduled", "planned", "proposed", "intended", "need",
     "indeed", "speed", "seed", "feed", "bed", "red", "hundred", "united",
     "limited", "red", "shed", "based", "related", "unexpected", "supposed",
     "prepared", "designed", "slated", "tied"}
)
# An "-ed" form right after these words is a passive or infinitive ("will be
# named", "to be completed"), not a past-tense verb.
NOT_PAST_AFTER: frozenset[str] = frozenset(
    {"be", "being", "to", "will", "would", "can", "could", "may", "might",
     "should", "must", "shall", "get", "gets"}
)
# A word right before a month/day without a year that fixes which side of the
# reference date it lies on, however far: "the quarter ended Oct. 31" (written
# Oct. 27) is last year's; "since March" is in the past.
DATE_SIDE_BEFORE: dict[str, str] = {"ended": "past", "since": "past"}
FUTURE_PHRASES: tuple[str, ...] = (
    "will", "going to", "is to", "are to", "to be", "is set to", "are set to",
    "expected to", "scheduled to", "plans to", "plan to", "due to", "slated to",
    "set to", "planning to", "as soon as", "would be", "will be",
)
# Phrases that contain a future cue but are past ("had been due to expire
# Friday"), or that use a cue word in another sense ("next to the embassy"):
# cues inside them do not count; the PAST ones count as past.
PAST_PHRASES: tuple[str, ...] = (
    "had been due to", "had been scheduled to", "had been expected to",
    "had been set to", "had been slated to", "had been planned",
    "had planned to", "had been planning to", "had been expected",
)
NOT_CUE_PHRASES: tuple[str, ...] = ("next to", "next door", "due to the", "due to a", "due to its")

# Words before a four-digit number that make it an amount, not a year.
NOT_YEAR_PREVIOUS: frozenset[str] = frozenset(
    {"about", "some", "nearly", "almost", "than", "only", "least", "top",
     "flight", "route", "room", "number", "model", "page", "dow", "approximately",
     "roughly", "estimated", "additional", "another", "extra", "her", "his"}
)
