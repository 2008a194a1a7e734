-- The citizen profile. Every table refers to a person by a random UUID; the provider's identifier
-- (such as a national ID claim) exists only as an HMAC in profile_identity, under a key kept
-- outside the database. Deleting a person cascades through every table below except the audit log.

CREATE TABLE profile_person (
    id              uuid PRIMARY KEY,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- Interests and other person-level fields are edited under this version (optimistic locking).
    version         bigint NOT NULL DEFAULT 0,
    interest_text   text NOT NULL DEFAULT '',
    -- RIASEC answers as "R:3,I:1,..." sums and the number of questions answered per letter.
    riasec          jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE profile_identity (
    -- HMAC-SHA256 of the identity claim's value; the value itself is never stored.
    identity_hmac   bytea PRIMARY KEY,
    person_id       uuid NOT NULL UNIQUE REFERENCES profile_person (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- Work, education, free-time activities, positions of trust and other skills: one table, a kind.
CREATE TABLE profile_experience (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('WORK', 'EDUCATION', 'ACTIVITY', 'TRUST', 'OTHER')),
    organisation    text NOT NULL DEFAULT '',
    title           text NOT NULL,
    start_date      date,
    end_date        date,
    description     text NOT NULL DEFAULT '',
    -- An education offering from the catalogue, once the catalogue module provides ids.
    offering_id     text,
    version         bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX profile_experience_person ON profile_experience (person_id);

-- Skills the engine suggested for one experience and what the person decided. A rejected row stays,
-- so the same suggestion never comes back for that experience.
CREATE TABLE profile_suggestion (
    experience_id   uuid NOT NULL REFERENCES profile_experience (id) ON DELETE CASCADE,
    person_id       uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    skill_uri       text NOT NULL,
    label           text NOT NULL,
    evidence        text NOT NULL DEFAULT '',
    score           double precision NOT NULL,
    decision        text NOT NULL DEFAULT 'PENDING' CHECK (decision IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    PRIMARY KEY (experience_id, skill_uri)
);
CREATE INDEX profile_suggestion_person ON profile_suggestion (person_id);

CREATE TABLE profile_credential (
    id                  uuid PRIMARY KEY,
    person_id           uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    format              text NOT NULL,
    title               text NOT NULL,
    issuer              text NOT NULL,
    issued_on           date,
    signature_checked   boolean NOT NULL,
    verification_note   text NOT NULL,
    document            text NOT NULL,
    imported_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX profile_credential_person ON profile_credential (person_id);

CREATE TABLE profile_skill (
    id                  uuid PRIMARY KEY,
    person_id           uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    skill_uri           text NOT NULL,
    label               text NOT NULL,
    source_kind         text NOT NULL CHECK (source_kind IN ('EXPERIENCE', 'CREDENTIAL', 'LEARNING', 'MANUAL')),
    experience_id       uuid REFERENCES profile_experience (id) ON DELETE CASCADE,
    credential_id       uuid REFERENCES profile_credential (id) ON DELETE CASCADE,
    source_label        text NOT NULL,
    evidence            text NOT NULL DEFAULT '',
    proficiency         text NOT NULL CHECK (proficiency IN ('BASIC', 'INTERMEDIATE', 'ADVANCED', 'EXPERT')),
    proficiency_verified boolean NOT NULL DEFAULT false,
    last_used           date,
    verified            boolean NOT NULL DEFAULT false,
    issuer              text,
    version             bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX profile_skill_person ON profile_skill (person_id);
CREATE UNIQUE INDEX profile_skill_source ON profile_skill
    (person_id, skill_uri, source_kind, coalesce(experience_id, credential_id, '00000000-0000-0000-0000-000000000000'::uuid), source_label);

CREATE TABLE profile_language (
    person_id   uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    language    text NOT NULL,
    -- CEFR level A1..C2, or NATIVE.
    level       text NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE')),
    PRIMARY KEY (person_id, language)
);

CREATE TABLE profile_interest (
    person_id   uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    concept_uri text NOT NULL,
    concept_type text NOT NULL CHECK (concept_type IN ('SKILL', 'OCCUPATION')),
    label       text NOT NULL,
    PRIMARY KEY (person_id, concept_uri)
);

-- Consent history: a row per decision; the newest row per purpose is in force.
CREATE TABLE profile_consent (
    id              bigserial PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    purpose         text NOT NULL,
    text_version    int NOT NULL,
    granted         boolean NOT NULL,
    decided_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX profile_consent_person ON profile_consent (person_id, purpose, id DESC);

-- Who accessed whose personal data. No personal data beyond the random person UUID: no names,
-- no claims, no texts. Survives account deletion on purpose (as the single deletion record).
CREATE TABLE profile_audit (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    person_id   uuid,
    actor       text NOT NULL,
    action      text NOT NULL
);
CREATE INDEX profile_audit_person ON profile_audit (person_id);
