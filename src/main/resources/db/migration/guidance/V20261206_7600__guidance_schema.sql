-- Guidance organisations, their counsellors and the counsellors' invitation codes. Organisations
-- and memberships are recorded from the sign-in provider's claims when a counsellor signs in (never
-- from a client's input); the consents themselves live in the profile (profile_counsellor_grant).
CREATE TABLE guidance_organisation (
    id          text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 500),
    first_seen  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE guidance_counsellor (
    person_id       uuid NOT NULL,
    organisation_id text NOT NULL REFERENCES guidance_organisation (id),
    -- The counsellor's name from the provider's name claim, shown to their clients; may be empty.
    display_name    text NOT NULL DEFAULT '',
    last_seen       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, organisation_id)
);

-- A code a counsellor gives a client, who enters it to share parts of their profile with that
-- counsellor. Used once; valid for a short time.
CREATE TABLE guidance_invitation (
    code            text PRIMARY KEY,
    counsellor_id   uuid NOT NULL,
    organisation_id text NOT NULL REFERENCES guidance_organisation (id),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    -- The consent the code became, and the language the client used when accepting it: the
    -- language of the guidance summary written for the client.
    grant_id        uuid UNIQUE,
    client_language text
);
CREATE INDEX guidance_invitation_counsellor ON guidance_invitation (counsellor_id);
