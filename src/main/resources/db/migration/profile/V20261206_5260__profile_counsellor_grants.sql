-- Scoped, time-limited consents of a person to one guidance counsellor of one organisation
-- (CounsellorConsents). A row is never updated except to revoke it, so the person's history of
-- consents stays readable. Deleting either person removes the row.
CREATE TABLE profile_counsellor_grant (
    id              uuid PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    counsellor_id   uuid NOT NULL REFERENCES profile_person (id) ON DELETE CASCADE,
    -- The organisation id from the counsellor's sign-in claim when the consent was given: the
    -- consent does not follow the counsellor to another organisation.
    organisation    text NOT NULL,
    -- The name the person chose to show the counsellor; the profile itself holds no names.
    client_name     text NOT NULL,
    parts           text[] NOT NULL CHECK (cardinality(parts) > 0),
    granted_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CHECK (expires_at > granted_at AND expires_at <= granted_at + interval '12 months 1 day'),
    CHECK (person_id <> counsellor_id)
);
CREATE INDEX profile_counsellor_grant_person ON profile_counsellor_grant (person_id);
CREATE INDEX profile_counsellor_grant_counsellor
    ON profile_counsellor_grant (counsellor_id, organisation) WHERE revoked_at IS NULL;
