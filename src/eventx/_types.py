"""The event model: frozen value objects that every extraction stage produces.

Every span carries ``start``/``end`` character offsets into the text that was
passed in, so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

__all__ = ["Event", "Participant", "TimeExpression", "Trigger"]


def _span_dict(span: Any) -> dict[str, Any] | None:
    return None if span is None else span.to_dict()


@attrs.frozen
class Trigger:
    """The word or phrase that expresses an event.

    Attributes:
        text: The trigger as written ("spoke", "take part", "talks").
        start: Character offset of its first character.
        end: Character offset one past its last character.
        lemma: Its lemma; for a multi-word trigger the lemmas joined by spaces
            ("take part", "impose sanction").
    """

    text: str
    start: int
    end: int
    lemma: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return attrs.asdict(self)


@attrs.frozen
class Participant:
    """An actor, recipient or place of an event.

    Attributes:
        text: The full span ("US President Donald Trump").
        start: Character offset of its first character.
        end: Character offset one past its last character.
        head: The syntactic head word of the span ("Trump").
        kind: The entity kind (``"PERSON"``, ``"ORG"``, ``"GPE"``, ``"LOC"``,
            ``"NORP"``, ``"FAC"``, ``"EVENT"``…) or ``None`` when unknown.
        canonical: The fullest name the document gives this actor ("He" →
            "Ukrainian President Volodymyr Zelensky"); the mention itself when
            nothing in the document resolves it; ``None`` before resolution.
        actor_id: A per-document integer shared by every mention of one actor
            (places included), or ``None`` before resolution.
        country: ISO 3166-1 alpha-3 code of the actor's or place's country
            ("Russian Foreign Minister" → ``"RUS"``), or ``None``.
        sector: CAMEO/PLOVER sector code of the actor ("GOV", "MIL", "REB",
            "BUS", "MED"…), or ``None``.
        latitude: Latitude of a place found in the gazetteer, or ``None``.
        longitude: Longitude of a place found in the gazetteer, or ``None``.
        geonames_id: GeoNames id of a place found in the gazetteer, or ``None``.
    """

    text: str
    start: int
    end: int
    head: str
    kind: str | None = None
    canonical: str | None = None
    actor_id: int | None = None
    country: str | None = None
    sector: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return attrs.asdict(self)


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


@attrs.frozen
class TimeExpression:
    """A time expression normalised to a TIMEX3 value.

    Attributes:
        text: The expression as written ("last Thursday").
        start: Character offset of its first character.
        end: Character offset one past its last character.
        value: The TIMEX3 value: ``"2025-02-13"``, ``"2025-02"``, ``"2025-W08"``,
            ``"2025"``, ``"2025-02-17T15:00"``, ``"P3D"``, ``"PRESENT_REF"``…
            Relative expressions with no reference date keep an unresolved
            value with ``X`` placeholders (``"XXXX-XX-XX"``).
        type: ``"DATE"``, ``"TIME"``, ``"DURATION"`` or ``"SET"``.
        granularity: The unit of ``value``: ``"minute"``, ``"hour"``, ``"day"``,
            ``"week"``, ``"month"``, ``"quarter"``, ``"season"``, ``"year"``,
            ``"decade"``, ``"century"``, or ``None`` (durations, sets, vague
            references).
        earliest: First day (or moment) of the interval a DATE/TIME denotes.
        latest: Last day (or moment) of that interval.
    """

    text: str
    start: int
    end: int
    value: str
    type: str = "DATE"
    granularity: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields (dates as ISO strings)."""
        data = attrs.asdict(self)
        data["earliest"], data["latest"] = _iso(self.earliest), _iso(self.latest)
        return data


@attrs.frozen
class Event:
    """Who did what to whom, where and when.

    Attributes:
        type: PLOVER event type (``"CONSULT"``, ``"ASSAULT"``…) or ``None`` when
            the trigger is not in the ontology (reporting verbs, other predicates).
            As PLOVER codes them, a future or intended material event is the
            commitment or threat it states ("will send aid" → ``"AGREE"``,
            "will attack" → ``"THREATEN"``); the trigger keeps the action.
        quad: PLOVER quad category of ``type`` (``"VERBAL_COOPERATION"``…) or ``None``.
        trigger: The word or phrase expressing the event.
        who: The actors (source), several when coordinated.
        whom: The recipients (target), several when coordinated.
        where: The place the event happens, or ``None``.
        when: The time the event happens, or ``None``.
        negated: ``True`` when the text says the event did not (or will not) happen.
        modality: ``"asserted"``, ``"future"`` ("will", "expected to", "set to",
            "upcoming"), ``"intended"`` ("plan/hope/want to"), ``"obligation"``
            ("must", "should") or ``"hypothetical"`` ("could", "may", "would",
            conditional clauses, "potential").
        sentence: Index of the sentence (0-based) in the document.
    """

    type: str | None
    quad: str | None
    trigger: Trigger
    who: tuple[Participant, ...] = ()
    whom: tuple[Participant, ...] = ()
    where: Participant | None = None
    when: TimeExpression | None = None
    negated: bool = False
    modality: str = "asserted"
    sentence: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with exactly the keys ``type``, ``quad``, ``trigger``,
        ``who``, ``whom``, ``where``, ``when``, ``negated``, ``modality``, ``sentence``."""
        return {
            "type": self.type,
            "quad": self.quad,
            "trigger": self.trigger.to_dict(),
            "who": [p.to_dict() for p in self.who],
            "whom": [p.to_dict() for p in self.whom],
            "where": _span_dict(self.where),
            "when": _span_dict(self.when),
            "negated": self.negated,
            "modality": self.modality,
            "sentence": self.sentence,
        }

    def to_plover(self, document_id: str | None = None, date: str | dt.date | None = None,
                  text: str | None = None) -> dict[str, Any]:
        """A PLOVER JSON record (PLOVER manual, draft 2.0) of this event.

        ``id``, ``date``, ``actor``, ``recipient``, ``event``, ``event_loc``,
        ``event_text``, ``quad_code``, ``event_scale``, ``mode``, ``context``,
        ``text``, ``text_info``, ``coder``, ``coded_date`` follow the manual;
        ``eventx`` keeps this event's own type, modality, negation, trigger and time.
        PLOVER's coding conventions apply: a future or planned CONSULT, SUPPORT,
        COOPERATE or AID is ``AGREE``; DEMAND is ``REQUEST``; DISAPPROVE and
        INVESTIGATE are ``ACCUSE`` with that mode; negation and modality become the
        auxiliary modes ``negation``, ``future``, ``hypothetical`` in ``context``;
        a CONSULT has every party as actor unless it is a visit. See
        :doc:`/outputs`.

        Args:
            document_id: Prefix of the record ``id`` (``"<document_id>-<sentence>-<trigger start>-<trigger end>"``);
                default a hash of ``text``, or ``"eventx"``.
            date: The document's date (as ``reference_date``); the record's ``date``
                when the event's own time does not resolve to a day.
            text: The document the event was extracted from; fills ``text`` with
                the event's sentence and ``text_info`` with its offsets (else
                ``text`` is ``None`` and ``text_info`` has only ``sequence``).

        Raises:
            ValueError: The type has no PLOVER category (``None``, ``CRIME``, another
                ontology's types), no date can be given, or ``text`` is not the event's document.
            TypeError: An argument has a wrong type.
        """
        from eventx._outputs._plover_json import plover_record  # the mapping tables load on first use

        return plover_record(self, document_id=document_id, date=date, text=text)
