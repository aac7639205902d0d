"""A large synthetic conference, planned in pure Python from a seed (see make_big_conference).

make_plan(seed) returns the same plan on every run: plain dataclasses, no database access,
so the command that writes it can delete and rebuild the event and get identical data.
Names are invented from lists of given and family names of several languages (with their
accents, and some in Arabic script, which is written right to left); organisations are
invented or generic, apart from well-known UN and intergovernmental bodies.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.text import slugify
from django_countries import countries

from demo.synthetic_data import (
    APPEARANCE_KINDS,
    APPROACHES,
    COUNTRY_REGION,
    DAY_LABELS,
    GOVERNMENT_BODIES,
    HOME_COUNTRY,
    NAMED_ORGANISATIONS,
    POSITIONS,
    REGIONS,
    ROOMS,
    SUBJECTS,
    TIMETABLE,
    TRANSLITERATION,
)
from documents.enums import DocumentKind
from programme.enums import SlotKind
from speakers.enums import Gender, Honorific, OrganisationCategory

DAYS = 5
SLOTS_PER_DAY = 24
APPEARANCES = 800
PEOPLE = 400
ORGANISATIONS = 150
DOCUMENTS = 1500
FIRST_DAY = datetime.date(2027, 3, 15)
DOCUMENT_HOST = "https://docs.example.org"


@dataclass
class PlannedOrganisation:
    name: str
    acronym: str
    category: str
    country: str
    positions: list  # what its people do there


@dataclass
class PlannedPerson:
    slug: str
    honorific: str
    given_names: str
    family_names: str
    gender: str
    position: str
    organisation: int  # index into Plan.organizations
    country: str
    email: str
    phone: str


@dataclass
class PlannedDocument:
    title: str
    kind: str
    language: str
    url: str
    is_public: bool = True
    translation_of: int | None = None  # index into the same list


@dataclass
class PlannedAppearance:
    person: int  # index into Plan.people
    role: str
    designation: str
    documents: list = field(default_factory=list)


@dataclass
class PlannedSlot:
    start_time: datetime.time
    end_time: datetime.time
    kind: str
    number: int | None
    title: str
    description: str
    room: str
    appearances: list = field(default_factory=list)
    documents: list = field(default_factory=list)


@dataclass
class PlannedDay:
    date: datetime.date
    labels: dict
    slots: list = field(default_factory=list)


@dataclass
class Plan:
    organisations: list
    people: list
    days: list
    documents: list  # of the event itself

    @property
    def slots(self):
        return [slot for day in self.days for slot in day.slots]

    @property
    def appearances(self):
        return [appearance for slot in self.slots for appearance in slot.appearances]


def exact_counts(rng, total, size, low, high, weights):
    """size counts between low and high, drawn with weights, nudged to add up to total."""
    values = list(range(low, high + 1))
    counts = rng.choices(values, weights=weights, k=size)
    while sum(counts) != total:
        index = rng.randrange(size)
        if sum(counts) > total and counts[index] > low:
            counts[index] -= 1
        elif sum(counts) < total and counts[index] < high:
            counts[index] += 1
    return counts


def country_name(code):
    return str(countries.name(code)) if code else ""


def _plan_organisations(rng):
    named = [
        PlannedOrganisation(name, acronym, category, country, POSITIONS[category])
        for name, acronym, category, country in NAMED_ORGANISATIONS
    ]
    codes = sorted(COUNTRY_REGION)
    rng.shuffle(codes)
    governments = []
    for index, code in enumerate(codes[: ORGANISATIONS - len(named)]):
        body, positions = GOVERNMENT_BODIES[index % len(GOVERNMENT_BODIES)]
        governments.append(
            PlannedOrganisation(
                body.format(country=country_name(code)),
                "",
                OrganisationCategory.GOVERNMENT,
                code,
                positions,
            )
        )
    organisations = governments + named
    if len(organisations) != ORGANISATIONS:
        raise RuntimeError("Not enough countries for the government organisations.")
    return organisations


def _name(rng, region, gender):
    data = REGIONS[region]
    pool = data["female"] if gender == Gender.FEMALE else data["male"]
    if gender not in (Gender.FEMALE, Gender.MALE):
        pool = data["female"] + data["male"]
    given, family = rng.choice(pool), rng.choice(data["family"])
    if isinstance(given, tuple):
        # Arabic: most people in Arabic script, some as their name is usually transliterated.
        script = 0 if rng.random() < 0.7 else 1
        latin = f"{given[1]} {family[1]}"
        return given[script], family[script], latin
    # Vietnamese names are said family name first; family_names still holds the family name.
    latin = f"{family} {given}" if data.get("family_first") else f"{given} {family}"
    return given, family, latin


def _plan_people(rng, organisations):
    order = list(range(ORGANISATIONS))
    rng.shuffle(order)
    people = []
    for index in range(PEOPLE):
        org_index = order[index % ORGANISATIONS]
        organisation = organisations[org_index]
        region = COUNTRY_REGION.get(organisation.country) or rng.choice(sorted(REGIONS))
        category = organisation.category
        if organisation.country and (category in HOME_COUNTRY or rng.random() < 0.5):
            country = organisation.country
        else:
            country = rng.choice(REGIONS[region]["countries"])
        gender = rng.choices(
            [Gender.FEMALE, Gender.MALE, Gender.NOT_RECORDED, Gender.OTHER],
            weights=[48, 48, 3, 1],
        )[0]
        given, family, latin = _name(rng, region, gender)
        honorific = rng.choices(
            [
                Honorific.MS if gender == Gender.FEMALE else Honorific.MR,
                Honorific.DR,
                Honorific.PROF,
                Honorific.HE,
                Honorific.NONE,
            ],
            weights=[50, 15, 5, 15 if organisation.category == "government" else 2, 15],
        )[0]
        if gender not in (Gender.FEMALE, Gender.MALE) and honorific in (Honorific.MS, Honorific.MR):
            honorific = Honorific.NONE
        slug = f"{slugify(latin.translate(TRANSLITERATION))}-{index + 1:03d}"
        people.append(
            PlannedPerson(
                slug=slug,
                honorific=honorific,
                given_names=given,
                family_names=family,
                gender=gender,
                position=rng.choice(organisation.positions),
                organisation=org_index,
                country=country,
                email=f"{slug}@people.example.org",
                phone=f"+41 22 555 {index + 1:04d}",
            )
        )
    return people


def _designation(rng, person, organisation):
    """The line printed after the name: often written out, otherwise left to the fields."""
    if rng.random() < 0.4:
        return ""
    parts = [person.position, organisation.name]
    if organisation.category != OrganisationCategory.GOVERNMENT and person.country:
        parts.append(country_name(person.country))
    return ", ".join(parts)


def _plan_days(rng):
    titles = [f"{approach} {subject}" for approach in APPROACHES for subject in SUBJECTS]
    rng.shuffle(titles)
    titles = iter(titles)
    days, number = [], 0
    for day_index in range(DAYS):
        day = PlannedDay(
            date=FIRST_DAY + datetime.timedelta(days=day_index),
            labels={language: labels[day_index] for language, labels in DAY_LABELS.items()},
        )
        for start, end, parallel, kind in TIMETABLE:
            for track in range(parallel):
                room = ROOMS[0] if parallel == 1 else ROOMS[track + 1]
                slot_kind, slot_number, description = kind, None, ""
                if kind == SlotKind.BREAK:
                    title = "Lunch break" if start == "12:45" else "Coffee break"
                    room = ""
                elif kind == "morning" and day_index == 0:
                    slot_kind, title = SlotKind.OPENING, "Opening of the conference"
                elif kind == "morning":
                    slot_kind, title = SlotKind.KEYNOTE, f"Keynote: {next(titles)}"
                elif kind == "evening" and day_index == DAYS - 1:
                    slot_kind, title = SlotKind.CLOSING, "Closing plenary"
                elif kind == "evening":
                    slot_kind = SlotKind.OTHER
                    title = "Reports from the day’s panels"
                else:
                    title = next(titles)
                    if kind == SlotKind.PANEL:
                        number += 1
                        slot_number = number
                    else:
                        title = f"Side event: {title}"
                if slot_kind not in (SlotKind.BREAK, SlotKind.OTHER):
                    description = (
                        f"Speakers from governments, international organisations and civil "
                        f"society exchange practices on {rng.choice(SUBJECTS)}."
                    )
                day.slots.append(
                    PlannedSlot(
                        start_time=datetime.time.fromisoformat(start),
                        end_time=datetime.time.fromisoformat(end),
                        kind=slot_kind,
                        number=slot_number,
                        title=title,
                        description=description,
                        room=room,
                    )
                )
        days.append(day)
    return days


def _roles(rng, slot, size):
    plenary = slot.kind in (SlotKind.OPENING, SlotKind.KEYNOTE, SlotKind.CLOSING)
    roles = ["Chair" if plenary or slot.kind == SlotKind.OTHER else "Moderator"]
    if slot.kind == SlotKind.KEYNOTE:
        roles.append("Keynote speaker")
    elif slot.kind == SlotKind.PANEL and rng.random() < 0.3:
        roles.append("Presenter")
    roles += ["Speaker"] * (size - len(roles))
    if slot.kind == SlotKind.PANEL and rng.random() < 0.15:
        roles[-1] = "Rapporteur"
    return roles


def _plan_appearances(rng, days, people, organisations):
    slots = [s for day in days for s in day.slots if s.kind != SlotKind.BREAK]
    sizes = exact_counts(rng, APPEARANCES, len(slots), 5, 10, [1, 2, 4, 4, 2, 1])
    # Everyone appears at least once; a few people (“regulars”) are invited again and again.
    newcomers = list(range(PEOPLE))
    rng.shuffle(newcomers)
    first_appearances = exact_counts(rng, PEOPLE, len(slots), 2, 5, [1, 2, 2, 1])
    regulars = set(rng.sample(range(PEOPLE), 40))
    weights = [8 if index in regulars else 1 for index in range(PEOPLE)]
    for slot, size, fresh in zip(slots, sizes, first_appearances, strict=True):
        chosen = [newcomers.pop() for _ in range(fresh)]
        while len(chosen) < size:
            candidate = rng.choices(range(PEOPLE), weights=weights)[0]
            if candidate not in chosen:
                chosen.append(candidate)
        rng.shuffle(chosen)
        for person_index, role in zip(chosen, _roles(rng, slot, size), strict=True):
            person = people[person_index]
            organisation = organisations[person.organisation]
            slot.appearances.append(
                PlannedAppearance(
                    person=person_index,
                    role=role,
                    designation=_designation(rng, person, organisation),
                )
            )
    if newcomers:
        raise RuntimeError("Some people were given no appearance.")


def _document(rng, counter, title, kind, language="en"):
    """An external document; about one in fifty is kept for staff (not public)."""
    counter[0] += 1
    url = f"{DOCUMENT_HOST}/synthetic/{counter[0]:04d}-{kind}.pdf"
    return PlannedDocument(title, kind, language, url, is_public=rng.random() >= 0.02)


def _language_of(person_country):
    region = COUNTRY_REGION.get(person_country)
    return {"francophone": "fr", "hispanic": "es"}.get(region, "en")


def _plan_documents(rng, days, people):
    counter = [0]
    event_documents = [
        _document(rng, counter, "Provisional agenda", DocumentKind.AGENDA),
        _document(rng, counter, "Ordre du jour provisoire", DocumentKind.AGENDA, "fr"),
        _document(rng, counter, "Programa provisional", DocumentKind.AGENDA, "es"),
        _document(rng, counter, "Concept note of the conference", DocumentKind.CONCEPT_NOTE),
        _document(rng, counter, "Report of the conference", DocumentKind.REPORT),
    ]
    for translated in event_documents[1:3]:
        translated.translation_of = 0
        translated.is_public = True
    event_documents[0].is_public = True
    slots = [s for day in days for s in day.slots if s.kind != SlotKind.BREAK]
    for slot in slots:
        slot.documents.append(
            _document(rng, counter, f"Concept note: {slot.title}", DocumentKind.CONCEPT_NOTE)
        )
    appearances = [a for s in slots for a in s.appearances]
    remaining = DOCUMENTS - len(event_documents) - len(slots)
    counts = exact_counts(rng, remaining, len(appearances), 0, 3, [2, 4, 4, 2])
    for appearance, count in zip(appearances, counts, strict=True):
        person = people[appearance.person]
        name = " ".join(part for part in (person.given_names, person.family_names) if part)
        kinds = list(APPEARANCE_KINDS[appearance.role])
        while len(kinds) < count:
            kinds.append(DocumentKind.OTHER)
        for kind in kinds[:count]:
            title = f"{DocumentKind(kind).label} – {name}"
            language = _language_of(person.country) if rng.random() < 0.5 else "en"
            appearance.documents.append(_document(rng, counter, title, kind, language))
    return event_documents


def make_plan(seed):
    """The whole synthetic conference, always the same for the same seed (in English)."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
    with translation.override("en"):
        return _make_plan(rng)


def _make_plan(rng):
    organisations = _plan_organisations(rng)
    people = _plan_people(rng, organisations)
    days = _plan_days(rng)
    _plan_appearances(rng, days, people, organisations)
    documents = _plan_documents(rng, days, people)
    return Plan(organisations=organisations, people=people, days=days, documents=documents)
