-- The thematic groups' events (docs/community.md, "Events"): an agenda, registration with a
-- waiting list, an iCalendar file and a recording link. person_id holds the profile's PersonId,
-- without a foreign key across modules, as in the other community tables.

CREATE TABLE community_event (
    id                     uuid PRIMARY KEY,
    group_id               uuid NOT NULL REFERENCES community_group (id),
    -- Events created together as a monthly series share this id; each is its own event after.
    series_id              uuid,
    title                  jsonb NOT NULL,
    agenda                 jsonb NOT NULL,
    starts_at              timestamptz NOT NULL,
    ends_at                timestamptz NOT NULL,
    place                  text,
    online_url             text,
    capacity               integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    registration_closes_at timestamptz NOT NULL,
    recording_url          text,
    captions_url           text,
    -- The iCalendar SEQUENCE: raised by every change the calendars should pick up.
    sequence               integer NOT NULL DEFAULT 0,
    cancelled              boolean NOT NULL DEFAULT false,
    updated_at             timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (registration_closes_at <= starts_at),
    CHECK (place IS NOT NULL OR online_url IS NOT NULL),
    -- A recording needs its captions or transcript (issue 19).
    CHECK ((recording_url IS NULL) = (captions_url IS NULL))
);

CREATE INDEX community_event_group ON community_event (group_id, starts_at);

-- A registration holds a place (waiting = false) or a place in the waiting list, whose order is
-- the order of registration (queued; registered_at is equal under a fixed clock).
CREATE TABLE community_event_registration (
    event_id      uuid NOT NULL REFERENCES community_event (id) ON DELETE CASCADE,
    person_id     uuid NOT NULL,
    queued        bigint GENERATED ALWAYS AS IDENTITY,
    waiting       boolean NOT NULL,
    registered_at timestamptz NOT NULL,
    -- Set when the day-before reminder was put in the notifications' outbox: once per person.
    reminded_at   timestamptz,
    PRIMARY KEY (event_id, person_id)
);

CREATE INDEX community_event_registration_person ON community_event_registration (person_id);
